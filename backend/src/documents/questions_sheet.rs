//! "Questions I would like to ask today": one sheet for the doctor, handed over at the start of
//! the appointment, with the person's most important questions first. Research on question
//! lists finds that handing the list over is what helps, so it is a page of its own.

use chrono::NaiveDate;

use super::layout::{lay_out, Block, Layout, LayoutOptions, Span};
use super::letter::one_line;
use super::pdf::PdfInfo;
use super::printable::printable_field;
use super::DocumentOptions;
use crate::cases::CaseDetails;
use crate::dates;
use crate::error::Result;
use crate::journey::Journey;

/// The running title and PDF title: nothing about health.
pub(crate) const QUESTIONS_TITLE: &str = "Questions I would like to ask today";
pub(crate) const QUESTIONS_STEM: &str = "questions-for-the-doctor";

/// The sheet's layout and metadata: the person's chosen questions, those marked most important
/// first (each group in the person's order), numbered.
pub(crate) fn questions_sheet(
    case: &CaseDetails,
    journey: &Journey,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<(Layout, PdfInfo)> {
    let name = one_line(&printable_field("The name", &case.patient_name)?);
    let mut questions = Vec::new();
    for top in [true, false] {
        for q in journey.questions.iter().filter(|q| q.top == top) {
            let text = one_line(&printable_field("A question", &q.text)?);
            if !text.is_empty() {
                questions.push(text);
            }
        }
    }
    let on = journey.appointment.date.unwrap_or(date);
    let mut b = vec![Block::heading(1, QUESTIONS_TITLE)];
    let mut rows = Vec::new();
    if !name.is_empty() {
        rows.push(("From".to_owned(), name));
    }
    rows.push(("Date".to_owned(), dates::long_uk(on)));
    b.push(Block::Details { rows });
    b.push(Block::text(
        "Thank you for seeing me. These are the questions I would like to ask. The most important come first.",
    ));
    if questions.is_empty() {
        b.push(Block::WritingLines { count: 10 });
    } else {
        for (i, q) in questions.into_iter().enumerate() {
            b.push(Block::Paragraph {
                spans: vec![Span::bold(format!("{}. ", i + 1)), Span::regular(q)],
                keep_with_next: false,
            });
        }
        b.push(Block::heading(2, "Notes"));
        b.push(Block::WritingLinesToPageEnd);
    }
    let layout = lay_out(
        &b,
        &LayoutOptions {
            paper: options.paper.into(),
            large_print: options.large_print,
            running_title: QUESTIONS_TITLE.to_owned(),
        },
    );
    let info = PdfInfo {
        title: QUESTIONS_TITLE.to_owned(),
        date,
    };
    Ok((layout, info))
}
