//! The weigh-up page: the person's options side by side in their own words, on one page; the
//! carer's view apart from the patient's and named; text in reading order, fonts, validity,
//! a layout snapshot. Helpers: `support`.

mod support;

use backend::documents::{weigh_up_page, weigh_up_page_layout, DocumentOptions, WrittenBy};
use backend::journey::{
    Decider, DeciderView, ForAndAgainst, ForWhom, HowMuch, Journey, Matter, OwnOption, WeighUpAt,
};
use support::*;

fn a4() -> DocumentOptions {
    DocumentOptions::default()
}

fn journey() -> Journey {
    let mut j = Journey {
        treatment_proposed: "An operation to release the shoulder".into(),
        for_whom: Some(ForWhom::SomeoneIHelp),
        carer_name: "Siân Ellison".into(),
        ..Default::default()
    };
    j.first_opinion.recommendation = "Have the operation soon".into();
    j.second_opinion.recommendation = "Try hydrodilatation first".into();
    let w = &mut j.weigh_up_after;
    w.matters = vec![
        Matter {
            starter: Some("matters-start-soon".into()),
            text: "Starting treatment soon".into(),
            how_much: Some(HowMuch::ALot),
        },
        Matter {
            text: "Being able to drive".into(),
            how_much: Some(HowMuch::ALittle),
            ..Default::default()
        },
    ];
    w.stay = ForAndAgainst {
        for_it: "No new wait".into(),
        against_it: "My doubts stay".into(),
    };
    w.second_doctor = ForAndAgainst {
        for_it: "No surgery yet".into(),
        against_it: "It may not work".into(),
    };
    w.own_options = vec![OwnOption {
        name: "Wait three months".into(),
        for_it: "Time to think".into(),
        against_it: String::new(),
    }];
    w.patient = DeciderView {
        decider: Some(Decider::MeWith),
        who: "my daughter".into(),
        lean: "Towards trying the injection first".into(),
    };
    w.carer = DeciderView {
        decider: Some(Decider::Me),
        who: String::new(),
        lean: "Towards the operation".into(),
    };
    j
}

#[test]
fn the_weigh_up_prints_every_option_and_both_views_attributed_on_one_page() {
    let j = journey();
    let doc = weigh_up_page(&case(), &j, WeighUpAt::Decide, date(), &a4()).expect("renders");
    assert_eq!(doc.file_name, "second-opinion-weigh-up-2026-11-21.pdf");
    write_sample("weigh_up_after", &doc.bytes);
    check_pdf(
        &doc.bytes,
        "My weigh-up",
        &[
            "My weigh-up: what to do now",
            "Margaret Ellison",
            "21 November 2026",
            "Nothing here is a score or a recommendation.",
            "What matters to me",
            "Starting treatment soon A lot",
            "Being able to drive A little",
            "My options side by side",
            "Staying with the",
            "No new wait",
            "What the first doctor",
            "What the second",
            "No surgery yet",
            "Wait three months",
            "Who decides, and which way I lean",
            "Your own view",
            "I decide with my",
            "Towards trying the injection first",
            "Siân Ellison's",
            "The patient decides",
            "Towards the operation",
        ],
    );
    let l = weigh_up_page_layout(&case(), &j, WeighUpAt::Decide, date(), &a4()).expect("layout");
    assert_eq!(l.pages.len(), 1, "one page to take along");
    assert_inside_text_area(&l);
    let text = squeezed_text(&l);
    for said in [
        "Havetheoperationsoon",
        "Tryhydrodilatationfirst",
        "Stayingwiththecurrentplan:Anoperationtoreleasetheshoulder",
        "Idecidewithmydaughter",
        "SiânEllison'sview",
    ] {
        assert!(text.contains(said), "{said} in {text}");
    }
    // The app never ranks the options or says which is best.
    let words = flat(&pdftotext(&doc.bytes));
    for never in ["score:", "best option", "we recommend", "points"] {
        assert!(!words.contains(never), "{never} in {words}");
    }
    assert_snapshot("weigh_up_after_a4", &l.to_text_snapshot());
}

#[test]
fn without_a_carer_only_the_persons_view_is_asked_and_empty_parts_leave_room_to_write() {
    let j = Journey::default();
    let doc = weigh_up_page(&case(), &j, WeighUpAt::IsItRight, date(), &a4()).expect("renders");
    let text = flat(&pdftotext(&doc.bytes));
    assert_in_order(
        &text,
        &[
            "My weigh-up: asking for a second opinion",
            "Asking for a second opinion",
            "Staying with the current plan",
            "Who decides",
            "Your own view Not answered",
        ],
    );
    assert!(!text.contains("s view"), "no carer's view: {text}");
}

#[test]
fn a_carer_using_the_app_is_named_on_their_view_and_the_patients_is_the_patients() {
    let j = Journey::default();
    let options = DocumentOptions {
        written_by: Some(WrittenBy {
            carer_name: "Ola Ellison".into(),
            relationship: "son".into(),
        }),
        ..a4()
    };
    let doc = weigh_up_page(&case(), &j, WeighUpAt::Decide, date(), &options).expect("renders");
    let l = weigh_up_page_layout(&case(), &j, WeighUpAt::Decide, date(), &options).expect("layout");
    assert_in_order(
        &squeezed_text(&l),
        &[
            "Thepatient'sownviewNotanswered",
            "OlaEllison'sviewNotanswered",
        ],
    );
    assert!(flat(&pdftotext(&doc.bytes)).contains("Ola Ellison's view"));
}
