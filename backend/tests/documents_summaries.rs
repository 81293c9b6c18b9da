//! The comparison and decision summary, the clinician summary (alone and inside the prep pack)
//! and the recovery sheet: text in reading order, fonts, validity, size and title, determinism,
//! geometry and layout snapshots. Helpers: `support`.

mod support;

#[path = "../benches/sample/mod.rs"]
mod sample;

use backend::documents::layout::Item;
use backend::documents::{
    clinician_summary, clinician_summary_layout, decision_summary, decision_summary_layout,
    prep_pack, prep_pack_layout, recovery_sheet, recovery_sheet_layout, ClinicianSummary, Decision,
    DocumentOptions, Paper, RecoverySheet,
};
use backend::journey::compare;
use support::*;

fn a4() -> DocumentOptions {
    DocumentOptions::default()
}

#[test]
fn decision_summary_sets_the_opinions_side_by_side_with_the_patients_own_answers() {
    let d = decision();
    let doc = decision_summary(&case(), &d, date(), &a4()).expect("renders");
    assert_eq!(
        doc.file_name,
        "second-opinion-decision-summary-2026-11-21.pdf"
    );
    let comparison = compare(&d.first_opinion, &d.second_opinion, &d.same_answers);
    let questions: Vec<&str> = comparison.follow_ups().collect();
    assert_eq!(
        questions.len(),
        3,
        "options and advice differ, new is not sure"
    );
    let mut expected: Vec<String> = vec![
        "My two opinions and my decision".into(),
        "Margaret Ellison".into(),
        "21 November 2026".into(),
        "Mr Daniel Okafor, Arrowe Park Hospital".into(),
        "Ms Priya Raman, Clatterbridge Hospital".into(),
        "my own answer to: do the two doctors say the same thing?".into(),
        "About First doctor Second doctor The same?".into(),
        "Frozen shoulder frozen shoulder. Yes, the".into(),
        "An operation to release".into(),
        "Hydrodilatation first".into(),
        "No, different".into(),
        "Have the operation soon".into(),
        "Try hydrodilatation and".into(),
        "A research study at".into(),
        "Not sure".into(),
        "I noted different things from the two doctors about the treatment options and what they advise.".into(),
        "I am not sure if the two doctors say the same thing about anything new, such as a trial.".into(),
        "Questions I would like to ask".into(),
    ];
    for (i, q) in questions.iter().enumerate() {
        expected.push(format!("{}. {}", i + 1, q));
    }
    expected.push("My decision".into());
    expected.push(d.decision.clone());
    expected.push("My reasons".into());
    expected.push(d.reasons.clone());
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    check_pdf(&doc.bytes, "My two opinions and my decision", &expected);
    let text = flat(&pdftotext(&doc.bytes));
    // Never the app's own verdict, and no third opinion suggested on the doctors' copy.
    for never in ["they differ", "differ about", "third opinion", "Differs?"] {
        assert!(!text.contains(never), "{never} in {text}");
    }
    // Every opinion's words are in the table (long cells wrap, so check without spaces).
    let l = decision_summary_layout(&case(), &d, date(), &a4()).expect("layout");
    let text = squeezed_text(&l);
    for said in [
        "Whattheillnessis",
        "Frozenshoulderfrozenshoulder.Yes,thesame",
        "Treatmentoptions",
        "No,different",
        // The risks are worded alike, but the patient did not answer: not "the same".
        "Notanswered",
    ] {
        assert!(text.contains(said), "{said} in {text}");
    }
    for o in [&d.first_opinion, &d.second_opinion] {
        for part in [&o.options, &o.risks, &o.recommendation, &o.anything_new] {
            let squeezed: String = part.split_whitespace().collect();
            assert!(text.contains(&squeezed), "{part}");
        }
    }
    let again = decision_summary(&case(), &d, date(), &a4()).expect("again");
    assert!(doc.bytes == again.bytes, "same inputs, same bytes");
    check_footers(&l, "My two opinions and my decision", &["shoulder"]);
    write_sample("decision-summary", &doc.bytes);
}

#[test]
fn decision_summary_with_words_that_differ_but_no_answers_says_nothing_differs() {
    let d = Decision {
        same_answers: Default::default(),
        ..decision()
    };
    let doc = decision_summary(&case(), &d, date(), &a4()).expect("renders");
    let l = decision_summary_layout(&case(), &d, date(), &a4()).expect("layout");
    let squeezed = squeezed_text(&l);
    assert_eq!(squeezed.matches("Notanswered").count(), 5, "{squeezed}");
    let text = flat(&pdftotext(&doc.bytes));
    for never in ["different", "not sure", "No, different", "Yes, the same"] {
        assert!(!text.contains(never), "{never} in {text}");
    }
    // Only the second doctor's "anything new" is noted: its question is about the notes.
    assert!(
        text.contains("The second doctor talked about anything new"),
        "{text}"
    );
}

#[test]
fn decision_summary_with_nothing_noted_leaves_lines_to_write_on() {
    let doc = decision_summary(&case(), &Decision::default(), date(), &a4()).expect("renders");
    let text = flat(&pdftotext(&doc.bytes));
    assert!(text.contains("Not noted"), "{text}");
    assert!(!text.contains("Questions I would like to ask"), "{text}");
    assert_in_order(&text, &["My decision", "My reasons"]);
}

#[test]
fn clinician_summary_is_one_page_with_every_field_in_order() {
    let s = sample::clinician_summary();
    let doc = clinician_summary(&s, date(), &a4()).expect("renders");
    write_sample("clinician-summary", &doc.bytes);
    assert_eq!(
        doc.file_name,
        "second-opinion-summary-for-doctor-2026-11-21.pdf"
    );
    let mut expected: Vec<String> = vec![
        "Summary for the second-opinion doctor".into(),
        "Name Margaret Ellison".into(),
        "Date of birth 9 March 1951".into(),
        "NHS number 943 476 5919".into(),
        "The main question I would like answered".into(),
        s.main_question.clone(),
        "The first opinion".into(),
        s.first_doctor.clone(),
        s.first_diagnosis.clone(),
        s.proposed_treatment.clone(),
        "Key dates".into(),
    ];
    for r in &s.key_dates {
        expected.push(r.what_happened.clone());
    }
    expected.push("Medicines and allergies".into());
    for m in &s.medicines {
        expected.push(format!("{} — {}; {}", m.name, m.dose, m.notes));
    }
    expected.push(format!("Allergies: {}", s.allergies));
    expected.push("Records attached".into());
    expected.extend(s.records_attached.iter().cloned());
    expected.push(
        "Summary for the second-opinion doctor — written by the patient on 21 November 2026".into(),
    );
    expected.push("Page 1 of 1".into());
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    check_pdf(
        &doc.bytes,
        "Summary for the second-opinion doctor",
        &expected,
    );
    let l = clinician_summary_layout(&s, date(), &a4()).expect("layout");
    assert_eq!(l.pages.len(), 1);
    assert_inside_text_area(&l);
    let again = clinician_summary(&s, date(), &a4()).expect("again");
    assert!(doc.bytes == again.bytes, "same inputs, same bytes");
    let doc = clinician_summary(
        &ClinicianSummary {
            main_question: "Why 🙁".into(),
            ..s
        },
        date(),
        &a4(),
    )
    .expect("an emoji prints");
    assert!(
        flat(&pdftotext(&doc.bytes)).contains("Why [slightly frowning face]"),
        "the emoji by its name"
    );
}

#[test]
fn the_prep_pack_holds_the_clinician_summary_on_its_own_page_after_the_cover() {
    let pack = sample::pack();
    let l = prep_pack_layout(&pack, date(), &a4()).expect("layout");
    let page_of = |s: &str| {
        l.pages
            .iter()
            .position(|p| p.texts().any(|t| t.text == s))
            .unwrap_or_else(|| panic!("{s} missing"))
    };
    assert_eq!(page_of("My appointment pack"), 0);
    assert_eq!(page_of("Summary for the second-opinion doctor"), 1);
    assert_eq!(page_of("Records attached"), 1, "the summary fits its page");
    assert_eq!(page_of("My most important questions"), 2);
    let doc = prep_pack(&pack, date(), &a4()).expect("renders");
    let text = flat(&pdftotext(&doc.bytes));
    assert_in_order(
        &text,
        &[
            "My appointment pack",
            "Summary for the second-opinion doctor",
            &pack
                .clinician_summary
                .as_ref()
                .expect("summary")
                .main_question,
            "My most important questions",
        ],
    );
    // Without a summary, the pack goes straight from the cover to the questions.
    let mut without = pack.clone();
    without.clinician_summary = None;
    let l = prep_pack_layout(&without, date(), &a4()).expect("layout");
    assert!(l.pages[1]
        .texts()
        .any(|t| t.text == "My most important questions"));
    write_sample("prep-pack", &doc.bytes);
}

#[test]
fn recovery_sheet_has_boxes_to_write_the_code_in_and_never_the_code() {
    let sheet = recovery();
    let doc = recovery_sheet(&sheet, &a4()).expect("renders");
    write_sample("recovery-sheet", &doc.bytes);
    assert_eq!(
        doc.file_name,
        "second-opinion-recovery-sheet-2026-11-21.pdf"
    );
    check_pdf(
        &doc.bytes,
        "Second Opinion — recovery sheet",
        &[
            "Recovery sheet",
            "Profile Margaret",
            "Made on 21 November 2026",
            "Write your recovery code for Second Opinion here",
            "Keep this somewhere safe",
            "Page 1 of 1",
        ],
    );
    let text = flat(&pdftotext(&doc.bytes));
    assert!(text.contains("four letters or numbers in each box"));
    assert!(text.contains("The app never prints or saves the code: this is the only copy"));
    assert!(text.contains("type the code from this sheet, to check it"));
    assert!(text.contains("Anyone with this code can open your information"));
    assert!(text.contains("You need this code if you forget your passphrase"));

    // Six empty boxes, each wide enough for four large handwritten characters, and no large
    // bold text in them: the sheet has nowhere to put a code.
    let l = recovery_sheet_layout(&sheet, &a4()).expect("layout");
    assert_eq!(l.pages.len(), 1);
    assert_inside_text_area(&l);
    let boxes: Vec<(f32, f32, f32, f32)> = l.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Rect { x, y, w, h, .. } if *w > 80.0 => Some((*x, *y, *w, *h)),
            _ => None,
        })
        .collect();
    assert_eq!(boxes.len(), 6, "{boxes:?}");
    for (x, _, w, h) in &boxes {
        assert!(*h >= 40.0, "tall enough to write in: {h}");
        assert!(*x >= 70.0 && x + w <= 525.0, "inside the margins");
    }
    for t in l.pages[0].texts() {
        let inside = boxes
            .iter()
            .any(|(x, y, w, h)| t.x >= *x && t.x <= x + w && t.y >= *y && t.y <= y + h);
        assert!(!inside, "nothing printed inside a box: {:?}", t.text);
    }
    let again = recovery_sheet(&sheet, &a4()).expect("again");
    assert!(doc.bytes == again.bytes, "same inputs, same bytes");
    // Large print on US Letter still fits one page.
    let large = DocumentOptions {
        paper: Paper::UsLetter,
        large_print: true,
        ..Default::default()
    };
    write_sample(
        "recovery-sheet-large",
        &recovery_sheet(&sheet, &large).expect("renders").bytes,
    );
    let l = recovery_sheet_layout(&sheet, &large).expect("layout");
    assert_eq!(l.pages.len(), 1);
    assert_inside_text_area(&l);
    let doc = recovery_sheet(
        &RecoverySheet {
            profile_name: "Mum 💐".into(),
            ..sheet
        },
        &a4(),
    )
    .expect("an emoji prints");
    assert!(
        flat(&pdftotext(&doc.bytes)).contains("Mum [bouquet]"),
        "the emoji by its name"
    );
}

#[test]
fn summary_layout_snapshots() {
    assert_snapshot(
        "decision_summary_a4",
        &decision_summary_layout(&case(), &decision(), date(), &a4())
            .expect("ok")
            .to_text_snapshot(),
    );
    assert_snapshot(
        "clinician_summary_a4",
        &clinician_summary_layout(&sample::clinician_summary(), date(), &a4())
            .expect("ok")
            .to_text_snapshot(),
    );
    assert_snapshot(
        "recovery_sheet_a4",
        &recovery_sheet_layout(&recovery(), &a4())
            .expect("ok")
            .to_text_snapshot(),
    );
}

/// In large print the summary stays on one page, or each page it runs onto is headed with the
/// patient's name and date of birth (never medicines or allergies on a page with no name); the
/// number is named as the nation names it.
#[test]
fn the_summary_in_large_print_names_the_patient_on_every_page() {
    let s = ClinicianSummary {
        nation: Some(backend::cases::Nation::Scotland),
        ..sample::clinician_summary()
    };
    for large_print in [false, true] {
        let options = DocumentOptions {
            large_print,
            ..a4()
        };
        let doc = clinician_summary(&s, date(), &options).expect("renders");
        write_sample(
            &format!("clinician-summary-large-{large_print}"),
            &doc.bytes,
        );
        let text = pdftotext(&doc.bytes);
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        if !large_print {
            assert_eq!(pages.len(), 1);
        }
        for page in pages.iter().skip(1) {
            assert!(
                page.contains("Margaret Ellison, born 9 March 1951"),
                "{page}"
            );
        }
        assert!(flat(&text).contains("CHI number 943 476 5919"));
        assert!(!text.contains("NHS number"));
    }
}
