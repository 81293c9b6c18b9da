//! "Questions I would like to ask today": the most important questions first, numbered, on one
//! sheet for the doctor; text in reading order, fonts, validity and a layout snapshot.

mod support;

use backend::documents::{questions_sheet, questions_sheet_layout, DocumentOptions};
use backend::journey::{ChosenQuestion, Journey};
use support::*;

fn q(text: &str, top: bool) -> ChosenQuestion {
    ChosenQuestion {
        bank_id: None,
        text: text.into(),
        top,
        answer: String::new(),
    }
}

#[test]
fn the_most_important_questions_come_first_on_one_sheet() {
    let mut j = Journey {
        questions: vec![
            q("How long is it safe to wait?", false),
            q(
                "Out of 100 people like me, how many are helped by this?",
                true,
            ),
            q("  ", false),
            q("Can I say back what I have understood?", true),
            q("Who can help me decide what is right for me?", false),
        ],
        ..Default::default()
    };
    j.appointment.date = chrono::NaiveDate::from_ymd_opt(2026, 12, 10);
    let doc = questions_sheet(&case(), &j, date(), &DocumentOptions::default()).expect("renders");
    write_sample("questions_sheet", &doc.bytes);
    assert_eq!(doc.file_name, "questions-for-the-doctor-2026-11-21.pdf");
    check_pdf(
        &doc.bytes,
        "Questions I would like to ask today",
        &[
            "Questions I would like to ask today",
            "Margaret Ellison",
            "10 December 2026",
            "The most important come first.",
            "1. Out of 100 people like me, how many are helped by this?",
            "2. Can I say back what I have understood?",
            "3. How long is it safe to wait?",
            "4. Who can help me decide what is right for me?",
            "Notes",
        ],
    );
    let l = questions_sheet_layout(&case(), &j, date(), &DocumentOptions::default()).expect("l");
    assert_eq!(l.pages.len(), 1, "one sheet to hand over");
    assert_inside_text_area(&l);
    assert_snapshot("questions_sheet_a4", &l.to_text_snapshot());
    // Answers written after the appointment are never on the doctor's sheet.
    let mut answered = j.clone();
    answered.questions[0].answer = "About a month".into();
    let doc = questions_sheet(&case(), &answered, date(), &DocumentOptions::default()).expect("r");
    assert!(!flat(&pdftotext(&doc.bytes)).contains("About a month"));
}

#[test]
fn with_no_questions_yet_the_sheet_has_lines_to_write_them_on() {
    let doc = questions_sheet(
        &case(),
        &Journey::default(),
        date(),
        &DocumentOptions::default(),
    )
    .expect("renders");
    let text = flat(&pdftotext(&doc.bytes));
    assert!(
        text.contains("21 November 2026"),
        "the day it is made: {text}"
    );
    assert!(!text.contains("1. "), "{text}");
}
