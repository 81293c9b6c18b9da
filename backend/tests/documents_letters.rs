//! The letters besides the GP letter (consultant, records request, carer authorisation, decision),
//! checked by their text in reading order, fonts, validity, page size and title, determinism,
//! footers and layout snapshots. Helpers: `support`.

mod support;

use backend::documents::layout::{Item, Paint};
use backend::documents::{
    carer_authorisation, carer_authorisation_layout, consultant_request_letter,
    consultant_request_letter_layout, decision_letter, decision_letter_layout,
    records_request_letter, records_request_letter_layout, CarerAuthorisation, DocumentOptions,
    LetterWords, Paper,
};
use support::*;

fn a4() -> DocumentOptions {
    DocumentOptions::default()
}

#[test]
fn consultant_letter_is_addressed_to_the_consultant_with_every_field_in_order() {
    let doc = consultant_request_letter(&case(), content(), date(), &a4()).expect("renders");
    assert_eq!(
        doc.file_name,
        "second-opinion-consultant-letter-2026-11-21.pdf"
    );
    let w = LetterWords::consultant_request(content()).expect("words");
    check_pdf(
        &doc.bytes,
        "Letter to consultant — second opinion request",
        &[
            "Margaret Ellison",
            "14 Orchard Lane",
            "CH63 8QT",
            "21 November 2026",
            "Mr Daniel Okafor",
            "Arrowe Park Hospital",
            &w.subject,
            // The consultant's name is known, so the greeting uses it.
            "Dear Mr Okafor,",
            "Thank you for seeing me at Arrowe Park Hospital",
            "a frozen shoulder, and that an operation is the only option",
            "before I agree to an operation.",
            &w.closing,
            "Margaret Ellison",
            "Page 1 of 1",
        ],
    );
    let again = consultant_request_letter(&case(), content(), date(), &a4()).expect("renders");
    assert!(doc.bytes == again.bytes, "same inputs, same bytes");
    write_sample("consultant-letter", &doc.bytes);
}

#[test]
fn records_request_counts_the_month_from_receiving_it() {
    let doc = records_request_letter(&case(), &records_request(), content(), date(), &a4())
        .expect("renders");
    assert_eq!(doc.file_name, "health-records-request-2026-11-21.pdf");
    let w = LetterWords::records_request(content()).expect("words");
    check_pdf(
        &doc.bytes,
        "Subject access request — copy of records",
        &[
            "Margaret Ellison",
            "CH63 8QT",
            "21 November 2026",
            "Arrowe Park Hospital",
            "Health Records Department",
            "CH49 5PE",
            &w.subject,
            "Name Margaret Ellison",
            "Date of birth 9 March 1951",
            "NHS number 943 476 5919",
            "held by Arrowe Park Hospital",
            "I am making this request on 21 November 2026.",
            "reply within one calendar month of receiving this request.",
            "you need more time, tell me within that month and say why.",
            &w.closing,
            "Margaret Ellison",
        ],
    );
    // No due date counted from the day asked: only the records holder knows when it arrived.
    let text = flat(&pdftotext(&doc.bytes));
    assert!(!text.contains("21 December 2026"), "{text}");
    assert!(!text.contains("which is by"), "{text}");
    let mut late = records_request();
    late.asked = chrono::NaiveDate::from_ymd_opt(2027, 1, 31).expect("date");
    let doc = records_request_letter(&case(), &late, content(), date(), &a4()).expect("renders");
    let info = tool("pdfinfo", &[], &doc.bytes);
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().eq(["Pages:", "1"])),
        "one page: {info}"
    );
    let text = flat(&pdftotext(&doc.bytes));
    assert!(text.contains("on 31 January 2027"), "{text}");
    assert!(!text.contains("28 February 2027"), "{text}");
    let again = records_request_letter(&case(), &late, content(), date(), &a4()).expect("again");
    assert!(doc.bytes == again.bytes, "same inputs, same bytes");
    write_sample("records-request", &doc.bytes);
}

#[test]
fn carer_form_has_the_person_ticked_purposes_period_and_two_signatures() {
    let consent = carer();
    let doc = carer_authorisation(&case(), &consent, content(), date(), &a4()).expect("renders");
    assert_eq!(doc.file_name, "carer-consent-2026-11-21.pdf");
    check_pdf(
        &doc.bytes,
        "Consent for someone to act for me",
        &[
            "Margaret Ellison",
            "21 November 2026",
            // The practice can match the form to the right person.
            "Date of birth",
            "9 March 1954",
            "NHS number",
            "943 476 5919",
            "I, Margaret Ellison, give my consent for Joanne Ellison, my daughter,",
            "They may do the things ticked below.",
            "from 21 November 2026 until 31 May 2027",
            "What they may do (ticked)",
            "Talk to my doctors about my care",
            "Ask for a second opinion for me",
            "Ask for copies of my health records",
            "Make decisions about my treatment",
            "Yours faithfully,",
            "Margaret Ellison",
            "Date",
            "I agree to act as set out above.",
            "Joanne Ellison (daughter)",
            "Date",
        ],
    );
    let layout =
        carer_authorisation_layout(&case(), &consent, &words_carer(), date(), &a4()).expect("ok");
    // Both signatures on the one sheet with what they agree to.
    assert_eq!(
        layout.pages.len(),
        1,
        "the consent form fits on one A4 page"
    );
    // One box per purpose, and a drawn tick (two strokes) in each allowed one.
    let items: Vec<&Item> = layout.pages.iter().flat_map(|p| &p.items).collect();
    let boxes: Vec<(f32, f32, f32)> = items
        .iter()
        .filter_map(|i| match i {
            Item::Rect {
                x,
                y,
                w,
                paint: Paint::Stroke(_),
                ..
            } => Some((*x, *y, *w)),
            _ => None,
        })
        .collect();
    assert_eq!(boxes.len(), consent.purposes.len());
    for ((x, y, w), purpose) in boxes.iter().zip(&consent.purposes) {
        let strokes = items
            .iter()
            .filter(|i| {
                matches!(i, Item::Line { x1, y1, x2, y2, .. }
                    if *x1 > *x && *x2 < x + w && *y1 > *y && *y1 < y + w && *y2 > *y && *y2 < y + w)
            })
            .count();
        assert_eq!(strokes, if purpose.allowed { 2 } else { 0 }, "{purpose:?}");
    }
    // Two signature lines, each with a date line beside it.
    let date_labels = layout
        .pages
        .iter()
        .flat_map(|p| p.texts())
        .filter(|t| t.text == "Date")
        .count();
    assert_eq!(date_labels, 2);
    assert_eq!(
        layout.pages.len(),
        1,
        "the form and its signatures on one page"
    );
    write_sample("carer-form", &doc.bytes);
}

fn words_carer() -> LetterWords {
    LetterWords::carer_authorisation(content()).expect("words")
}

#[test]
fn carer_form_with_no_purposes_lists_the_standard_ones_ticked_and_open_ended_dates() {
    let consent = CarerAuthorisation {
        carer_name: "Joanne Ellison".into(),
        ..Default::default()
    };
    let doc = carer_authorisation(&case(), &consent, content(), date(), &a4()).expect("renders");
    let text = flat(&pdftotext(&doc.bytes));
    assert_in_order(
        &text,
        &[
            "This consent lasts until I cancel it.",
            "Talk to my doctors about my care",
            "Ask for a second opinion for me",
            "Ask for copies of my health records",
        ],
    );
}

#[test]
fn decision_letter_has_both_doctors_as_addressees_and_a_copy_to_the_gp() {
    let d = decision();
    let doc = decision_letter(&case(), &d, content(), date(), &a4()).expect("renders");
    assert_eq!(doc.file_name, "second-opinion-decision-2026-11-21.pdf");
    let w = LetterWords::decision(content()).expect("words");
    check_pdf(
        &doc.bytes,
        "Letter to my doctors — my decision",
        &[
            "Margaret Ellison",
            "21 November 2026",
            "Mr Daniel Okafor",
            "Arrowe Park Hospital",
            "Ms Priya Raman",
            "Clatterbridge Hospital",
            &w.subject,
            "my second opinion with Ms Priya Raman at Clatterbridge Hospital.",
            "My first opinion was from Mr Daniel Okafor at Arrowe Park Hospital.",
            &format!("My decision: {}", d.decision),
            &format!("My reasons: {}", d.reasons),
            "I noted different things from my two doctors about the treatment options and what they advise.",
            "I am not sure if my two doctors said the same thing about anything new, such as a trial.",
            &w.closing,
            "Margaret Ellison",
            "Copy to: Church Road Medical Practice",
        ],
    );
    // The patient's answers, not the words: the diagnosis is worded differently but they said
    // it is the same, so the letter does not name it.
    let text = flat(&pdftotext(&doc.bytes));
    assert!(!text.contains("about what the illness is"), "{text}");
    // With no answers, the letter says nothing about differences, however the words differ.
    let unanswered = backend::documents::Decision {
        same_answers: Default::default(),
        ..d.clone()
    };
    let doc = decision_letter(&case(), &unanswered, content(), date(), &a4()).expect("renders");
    let text = flat(&pdftotext(&doc.bytes));
    assert!(!text.contains("different things"), "{text}");
    assert!(!text.contains("not sure"), "{text}");
    let doc = decision_letter(&case(), &d, content(), date(), &a4()).expect("renders");
    let again = decision_letter(&case(), &d, content(), date(), &a4()).expect("again");
    assert!(doc.bytes == again.bytes, "same inputs, same bytes");
    write_sample("decision-letter", &doc.bytes);
}

#[test]
fn letters_print_emoji_by_name_and_other_scripts_as_written() {
    let mut r = records_request();
    r.records_holder = "Clinic 🏥 عيادة".into();
    let doc = records_request_letter(&case(), &r, content(), date(), &a4()).expect("prints");
    // pdftotext puts right-to-left words between embedding marks.
    let text = flat(&pdftotext(&doc.bytes)).replace(['\u{202B}', '\u{202C}'], "");
    assert!(text.contains("Clinic [hospital] عيادة"), "{text}");
    let mut c = carer();
    c.purposes[1].text = "Ask 北京 ਪੰਜਾਬੀ".into();
    let doc = carer_authorisation(&case(), &c, content(), date(), &a4()).expect("prints");
    let text = flat(&pdftotext(&doc.bytes));
    assert!(text.contains("Ask [U+5317 U+4EAC] ਪੰਜਾਬੀ"), "{text}");
    let mut d = decision();
    d.reasons = "🙂".into();
    let doc = decision_letter(&case(), &d, content(), date(), &a4()).expect("prints");
    let text = flat(&pdftotext(&doc.bytes));
    assert!(text.contains("[slightly smiling face]"), "{text}");
}

#[test]
fn letters_stay_inside_the_text_area_and_their_footers_hold_no_health_details() {
    let mut c = case();
    c.diagnosis = format!("{} end", "x".repeat(500));
    c.reason = "A long reason. ".repeat(600);
    for large_print in [false, true] {
        let o = DocumentOptions {
            paper: Paper::UsLetter,
            large_print,
            ..Default::default()
        };
        let cw = LetterWords::consultant_request(content()).expect("w");
        let rw = LetterWords::records_request(content()).expect("w");
        let dw = LetterWords::decision(content()).expect("w");
        for l in [
            consultant_request_letter_layout(&c, &cw, date(), &o).expect("ok"),
            records_request_letter_layout(&c, &records_request(), &rw, date(), &o).expect("ok"),
            carer_authorisation_layout(&c, &carer(), &words_carer(), date(), &o).expect("ok"),
            decision_letter_layout(&c, &decision(), &dw, date(), &o).expect("ok"),
        ] {
            assert_inside_text_area(&l);
            let texts: Vec<String> = l.pages[0].texts().map(|t| t.text.clone()).collect();
            // The footer is drawn last: the running title, then the page number.
            let title = texts[texts.len() - 2].clone();
            check_footers(&l, &title, &["shoulder", "xxxx", "reason", "Ellison"]);
        }
    }
}

#[test]
fn letter_layout_snapshots() {
    let o = a4();
    let cw = LetterWords::consultant_request(content()).expect("w");
    let rw = LetterWords::records_request(content()).expect("w");
    let dw = LetterWords::decision(content()).expect("w");
    assert_snapshot(
        "consultant_letter_a4",
        &consultant_request_letter_layout(&case(), &cw, date(), &o)
            .expect("ok")
            .to_text_snapshot(),
    );
    assert_snapshot(
        "records_request_a4",
        &records_request_letter_layout(&case(), &records_request(), &rw, date(), &o)
            .expect("ok")
            .to_text_snapshot(),
    );
    assert_snapshot(
        "carer_authorisation_a4",
        &carer_authorisation_layout(&case(), &carer(), &words_carer(), date(), &o)
            .expect("ok")
            .to_text_snapshot(),
    );
    assert_snapshot(
        "decision_letter_a4",
        &decision_letter_layout(&case(), &decision(), &dw, date(), &o)
            .expect("ok")
            .to_text_snapshot(),
    );
}

#[test]
fn a_carer_writes_letters_in_their_own_voice_but_not_the_consent_form() {
    use backend::documents::{gp_request_letter, WrittenBy};
    let by = DocumentOptions {
        written_by: Some(WrittenBy {
            carer_name: "Siân Jones".into(),
            relationship: "daughter".into(),
        }),
        ..a4()
    };
    let gp = gp_request_letter(&case(), content(), date(), &by).expect("renders");
    let text = flat(&pdftotext(&gp.bytes));
    assert_in_order(
        &text,
        &[
            "Margaret Ellison",
            "I am writing on behalf of Margaret Ellison, with their consent. I am their daughter.",
            "Margaret Ellison was told:",
            "In my words, this is why we would like a second opinion:",
            "Siân Jones, on behalf of Margaret Ellison",
        ],
    );
    // From start to finish: never the patient's "I" or "my" around the words typed for them.
    for patient_voice in ["I was told", "In my own words", "refer me", "my results"] {
        assert!(!text.contains(patient_voice), "{patient_voice}");
    }
    let records = records_request_letter(&case(), &records_request(), content(), date(), &by)
        .expect("renders");
    assert!(flat(&pdftotext(&records.bytes)).contains("Siân Jones, on behalf of Margaret Ellison"));

    // No relationship given: the sentence still reads well.
    let no_relation = DocumentOptions {
        written_by: Some(WrittenBy {
            carer_name: "Siân Jones".into(),
            relationship: String::new(),
        }),
        ..a4()
    };
    let letter =
        decision_letter(&case(), &decision(), content(), date(), &no_relation).expect("renders");
    let text = flat(&pdftotext(&letter.bytes));
    assert!(text.contains(
        "I am writing on behalf of Margaret Ellison, with their consent, to tell you what they have decided"
    ));
    assert!(!text.contains("I am their"));

    // The consent form is signed by both people, so it is left as it is.
    let form = carer_authorisation(&case(), &carer(), content(), date(), &by).expect("renders");
    let plain = carer_authorisation(&case(), &carer(), content(), date(), &a4()).expect("renders");
    assert!(form.bytes == plain.bytes);

    // Without a carer, the patient signs their own letter.
    let own = gp_request_letter(&case(), content(), date(), &a4()).expect("renders");
    assert!(!flat(&pdftotext(&own.bytes)).contains("on behalf of"));
}
