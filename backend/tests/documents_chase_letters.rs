//! The letters that keep things moving (records reminder, follow-up to the GP or consultant,
//! concern to each nation's service, asking each doctor about the other's view), and the
//! communication needs every letter states: checked by their text in reading order, fonts,
//! validity, page size and title, determinism and layout snapshots. Helpers: `support`.

mod support;

use backend::cases::{CaseDetails, Nation};
use backend::documents::pack::{document, DocumentKind};
use backend::documents::{chase_letter, chase_letter_layout, DocumentOptions};
use backend::journey::{
    letters_offered, ChaseLetter, ChosenQuestion, CommunicationNeeds, Journey, RecordItem,
};
use chrono::NaiveDate;
use support::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// Asked on 12 October, records sent 1 October and received 3 October (due 3 November, not
/// arrived), the second opinion noted with the person's answers and one question unanswered.
fn journey() -> Journey {
    let d0 = decision();
    let mut j = Journey {
        asked_on: Some(d(2026, 10, 12)),
        records_holder: "Arrowe Park Hospital".into(),
        records_requested_on: Some(d(2026, 10, 1)),
        records_received_on: Some(d(2026, 10, 3)),
        records: vec![RecordItem {
            label: "Scan reports".into(),
            asked: true,
            arrived: false,
        }],
        first_opinion: d0.first_opinion,
        second_opinion: d0.second_opinion,
        same_answers: d0.same_answers,
        carer_name: "Joanne Ellison".into(),
        carer_relationship: "daughter".into(),
        ..Default::default()
    };
    j.appointment.with_whom = "Ms Priya Raman".into();
    j.appointment.place = "Clatterbridge Hospital".into();
    j.questions = vec![
        ChosenQuestion {
            text: "Should I keep having physiotherapy while I wait?".into(),
            ..Default::default()
        },
        ChosenQuestion {
            text: "How long will it take to recover?".into(),
            answer: "About three months".into(),
            ..Default::default()
        },
    ];
    j
}

fn in_nation(nation: Nation) -> CaseDetails {
    CaseDetails {
        nation: Some(nation),
        ..case()
    }
}

fn a4() -> DocumentOptions {
    DocumentOptions::default()
}

fn text_of(letter: ChaseLetter, case: &CaseDetails, j: &Journey) -> String {
    let doc = chase_letter(letter, case, j, content(), date(), &a4()).expect("renders");
    flat(&pdftotext(&doc.bytes))
}

#[test]
fn every_letter_offered_on_the_day_is_one_this_journey_can_print() {
    let offers = letters_offered(&journey(), Some(Nation::England), date());
    let letters: Vec<ChaseLetter> = offers.iter().map(|o| o.letter).collect();
    for letter in ChaseLetter::ALL {
        assert!(letters.contains(&letter), "{letter:?} offered: {letters:?}");
    }
    for offer in offers {
        let doc = chase_letter(
            offer.letter,
            &in_nation(Nation::England),
            &journey(),
            content(),
            date(),
            &a4(),
        )
        .expect("prints");
        assert!(doc.bytes.starts_with(b"%PDF"));
    }
}

#[test]
fn the_records_reminder_quotes_the_days_and_the_one_month_then_the_ico() {
    let doc = chase_letter(
        ChaseLetter::RecordsChase,
        &case(),
        &journey(),
        content(),
        date(),
        &a4(),
    )
    .expect("renders");
    assert_eq!(doc.file_name, "health-records-reminder-2026-11-21.pdf");
    check_pdf(
        &doc.bytes,
        "Subject access request — reminder",
        &[
            "Margaret Ellison",
            "21 November 2026",
            "Arrowe Park Hospital",
            "Subject access request for health records: reminder",
            "Name Margaret Ellison",
            "NHS number 943 476 5919",
            "Dear Sir or Madam,",
            "my health records held by Arrowe Park Hospital.",
            "The request was sent on 1 October 2026. You received it on 3 October 2026.",
            "within one calendar month of receiving a request. That month ended on 3 November 2026.",
            "I have not had all of the records yet.",
            "complain to the Information Commissioner's Office (ICO).",
            "Yours faithfully,",
            "Margaret Ellison",
            "Page 1 of 1",
        ],
    );
    let again = chase_letter(
        ChaseLetter::RecordsChase,
        &case(),
        &journey(),
        content(),
        date(),
        &a4(),
    )
    .expect("renders");
    assert!(doc.bytes == again.bytes, "same inputs, same bytes");
    // Only the day sent: the due day allows for the post, and says so.
    let mut sent_only = journey();
    sent_only.records_received_on = None;
    let text = text_of(ChaseLetter::RecordsChase, &case(), &sent_only);
    assert!(
        text.contains("Allowing time for the post, that month ended on about 6 November 2026."),
        "{text}"
    );
    assert!(!text.contains("You received it"), "{text}");
    write_sample("records-chase", &doc.bytes);
}

#[test]
fn the_follow_up_goes_to_the_practice_or_the_consultant_with_the_day_asked() {
    let gp = chase_letter(
        ChaseLetter::FollowUpGp,
        &case(),
        &journey(),
        content(),
        date(),
        &a4(),
    )
    .expect("renders");
    check_pdf(
        &gp.bytes,
        "Second opinion request — follow-up",
        &[
            "Church Road Medical Practice",
            "CH63 3DZ",
            "Follow-up: request for a second opinion",
            "Dear Doctor,",
            "On 12 October 2026, I asked the practice for a second opinion.",
            "That was 5 weeks ago, and I have not had a reply yet.",
            "let me know what is happening",
            "Yours sincerely,",
        ],
    );
    let text = text_of(ChaseLetter::FollowUpConsultant, &case(), &journey());
    assert_in_order(
        &text,
        &[
            "Mr Daniel Okafor",
            "Arrowe Park Hospital",
            "Dear Mr Okafor,",
            "On 12 October 2026, I asked you for a second opinion.",
        ],
    );
}

#[test]
fn the_concern_goes_to_each_nations_own_service() {
    for (nation, service, own) in [
        (
            Nation::England,
            "Patient Advice and Liaison Service (PALS)",
            "what I can do next? Thank you",
        ),
        (
            Nation::Scotland,
            "Patient Advice and Support Service (PASS)",
            "help to raise a concern.",
        ),
        (
            Nation::Wales,
            "Llais",
            "raise a concern through Putting Things Right.",
        ),
        (
            Nation::NorthernIreland,
            "Patient and Client Council",
            "what I can do next? Thank you",
        ),
    ] {
        let doc = chase_letter(
            ChaseLetter::Concern,
            &in_nation(nation),
            &journey(),
            content(),
            date(),
            &a4(),
        )
        .expect("renders");
        assert_eq!(doc.file_name, "asking-for-help-2026-11-21.pdf");
        check_pdf(
            &doc.bytes,
            "Asking for help with my care",
            &[
                service,
                "Asking for help with getting a second opinion",
                "I am trying to get a second opinion about the advice I was given by Mr Daniel Okafor at Arrowe Park Hospital, and I feel stuck.",
                "On 12 October 2026, I asked for a second opinion. I have not had a reply after 5 weeks.",
                "health records from Arrowe Park Hospital on 1 October 2026.",
                "The records were due by 3 November 2026. They have not all arrived.",
                "this is why I would like a second opinion",
                own,
                "Yours faithfully,",
            ],
        );
        let text = flat(&pdftotext(&doc.bytes));
        for other in [
            "PALS",
            "PASS",
            "Llais",
            "Putting Things Right",
            "Patient and Client Council",
        ] {
            if !service.contains(other) && !own.contains(other) {
                assert!(!text.contains(other), "{nation:?}: {other} in {text}");
            }
        }
    }
    let err = chase_letter(
        ChaseLetter::Concern,
        &case(),
        &journey(),
        content(),
        date(),
        &a4(),
    )
    .expect_err("no nation");
    assert_eq!(err.code(), "invalid_input");
}

#[test]
fn each_doctor_is_asked_about_the_others_view_with_the_differences_and_questions() {
    let text = text_of(ChaseLetter::OtherViewFirst, &case(), &journey());
    assert_in_order(
        &text,
        &[
            "Mr Daniel Okafor",
            "Asking for your view after a second opinion",
            "Dear Mr Okafor,",
            "I have now had a second opinion from Ms Priya Raman at Clatterbridge Hospital.",
            "These are the differences I noted, in my own words:",
            "The treatment options From you: An operation to release the shoulder From Ms Priya Raman: Hydrodilatation first",
            "What they advise From you: Have the operation soon From Ms Priya Raman: Try hydrodilatation",
            "not sure whether the two opinions agree about anything new, such as a trial.",
            "I still have these questions:",
            "Should I keep having physiotherapy while I wait?",
            "talk about them with the other team?",
            "Yours sincerely,",
        ],
    );
    // An answered question is not asked again; a part said to be the same is not listed.
    assert!(
        !text.contains("How long will it take to recover?"),
        "{text}"
    );
    assert!(!text.contains("What the illness is"), "{text}");
    let text = text_of(ChaseLetter::OtherViewSecond, &case(), &journey());
    assert_in_order(
        &text,
        &[
            "Ms Priya Raman",
            "Clatterbridge Hospital",
            "Dear Ms Raman,",
            "Thank you for seeing me for a second opinion. My first opinion was from Mr Daniel Okafor at Arrowe Park Hospital.",
            "What they advise From you: Try hydrodilatation and physiotherapy for three months From Mr Daniel Okafor: Have the operation soon",
        ],
    );
}

fn needs() -> CommunicationNeeds {
    CommunicationNeeds {
        large_print: true,
        email: true,
        email_address: "m.ellison@example.org".into(),
        interpreter_language: "Polish".into(),
        contact_carer: true,
        welsh_replies: true,
        ..Default::default()
    }
}

const EVERY_LETTER: [DocumentKind; 11] = [
    DocumentKind::GpLetter,
    DocumentKind::ConsultantLetter,
    DocumentKind::CarerAuthorisation,
    DocumentKind::RecordsRequest,
    DocumentKind::DecisionLetter,
    DocumentKind::RecordsChase,
    DocumentKind::FollowUpGp,
    DocumentKind::FollowUpConsultant,
    DocumentKind::Concern,
    DocumentKind::OtherViewFirst,
    DocumentKind::OtherViewSecond,
];

#[test]
fn every_letter_states_the_communication_needs_recorded_once() {
    let mut j = journey();
    j.communication_needs = needs();
    for kind in EVERY_LETTER {
        let doc = document(
            kind,
            &in_nation(Nation::Wales),
            &j,
            content(),
            date(),
            &a4(),
        )
        .expect("renders");
        let text = flat(&pdftotext(&doc.bytes));
        assert_in_order(
            &text,
            &[
                "Communication needs",
                "Please send letters and information in large print.",
                "Please also send them by email to m.ellison@example.org.",
                "Please book an interpreter who speaks Polish for appointments.",
                "Please also contact my carer, Joanne Ellison (daughter), who has my consent.",
                "Please reply in Welsh.",
            ],
        );
        // Stated before the letter is signed off.
        let needs_at = text.find("Communication needs").expect("needs");
        let closing = text.rfind("Yours").expect("closing");
        assert!(needs_at < closing, "{kind:?}: {text}");
        // No needs recorded: no paragraph.
        let plain = document(
            kind,
            &in_nation(Nation::Wales),
            &journey(),
            content(),
            date(),
            &a4(),
        )
        .expect("renders");
        assert!(
            !flat(&pdftotext(&plain.bytes)).contains("Communication needs"),
            "{kind:?}"
        );
    }
    // In England the letter names the Accessible Information Standard, and never Welsh.
    let doc = document(
        DocumentKind::GpLetter,
        &in_nation(Nation::England),
        &j,
        content(),
        date(),
        &a4(),
    )
    .expect("renders");
    let text = flat(&pdftotext(&doc.bytes));
    assert!(
        text.contains("as the Accessible Information Standard asks."),
        "{text}"
    );
    assert!(!text.contains("Welsh"), "{text}");
}

#[test]
fn chase_letter_layout_snapshots() {
    let mut j = journey();
    assert_snapshot(
        "records_chase_a4",
        &chase_letter_layout(
            ChaseLetter::RecordsChase,
            &case(),
            &j,
            content(),
            date(),
            &a4(),
        )
        .expect("ok")
        .to_text_snapshot(),
    );
    j.communication_needs = needs();
    let doc_options = DocumentOptions {
        communication: Some(
            backend::documents::Communication::new(j.communication_needs.clone(), None, content())
                .expect("words"),
        ),
        ..a4()
    };
    assert_snapshot(
        "other_view_first_a4",
        &chase_letter_layout(
            ChaseLetter::OtherViewFirst,
            &in_nation(Nation::Wales),
            &j,
            content(),
            date(),
            &doc_options,
        )
        .expect("ok")
        .to_text_snapshot(),
    );
    assert_snapshot(
        "concern_england_a4",
        &chase_letter_layout(
            ChaseLetter::Concern,
            &in_nation(Nation::England),
            &j,
            content(),
            date(),
            &a4(),
        )
        .expect("ok")
        .to_text_snapshot(),
    );
}
