//! The comparison and decision summary: the two opinions side by side, what differs (in words,
//! never colour alone), questions to ask about the differences, and the decision with its
//! reasons.

use chrono::NaiveDate;

use super::layout::{lay_out, Block, Column, Layout, LayoutOptions, Span, Table};
use super::letter::{one_line, printable_case};
use super::letters::{printable_decision, Decision};
use super::pdf::PdfInfo;
use super::printable::paragraphs;
use super::DocumentOptions;
use crate::cases::CaseDetails;
use crate::dates;
use crate::error::Result;
use crate::journey::{compare, Comparison, Noted, OpinionPart, PartComparison, SaidTheSame};

/// The running title, PDF title: nothing about health.
pub(crate) const DECISION_SUMMARY_TITLE: &str = "My two opinions and my decision";
pub(crate) const DECISION_SUMMARY_STEM: &str = "second-opinion-decision-summary";

/// The summary's layout and metadata.
pub(crate) fn decision_summary(
    case: &CaseDetails,
    decision: &Decision,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<(Layout, PdfInfo)> {
    let case = printable_case(case)?;
    let d = printable_decision(decision)?;
    let layout = lay_out(
        &blocks(&case, &d, date),
        &LayoutOptions {
            paper: options.paper.into(),
            large_print: options.large_print,
            running_title: DECISION_SUMMARY_TITLE.to_owned(),
        },
    );
    let info = PdfInfo {
        title: DECISION_SUMMARY_TITLE.to_owned(),
        date,
    };
    Ok((layout, info))
}

const PARTS: [(OpinionPart, &str); 5] = [
    (OpinionPart::Diagnosis, "What the illness is"),
    (OpinionPart::Options, "Treatment options"),
    (OpinionPart::Risks, "Risks"),
    (OpinionPart::Recommendation, "What they advise"),
    (OpinionPart::AnythingNew, "Anything new"),
];

/// The last column: the patient's own answer, never the app's reading of the words.
fn my_answer(p: &PartComparison) -> &'static str {
    match (p.answer, p.noted) {
        (_, Noted::Nothing) => "Not noted",
        (Some(SaidTheSame::Yes), _) => "Yes, the same",
        (Some(SaidTheSame::No), _) => "No, different",
        (Some(SaidTheSame::NotSure), _) => "Not sure",
        (None | Some(SaidTheSame::NotKnown), Noted::OnlyFirst) => {
            "Not answered (noted from the first doctor only)"
        }
        (None | Some(SaidTheSame::NotKnown), Noted::OnlySecond) => {
            "Not answered (noted from the second doctor only)"
        }
        (None | Some(SaidTheSame::NotKnown), Noted::Both) => "Not answered",
    }
}

/// "Who, where" for a doctor, or `otherwise`.
fn doctor(name: &str, place: &str, otherwise: &str) -> String {
    let who = [one_line(name), one_line(place)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if who.is_empty() {
        otherwise.to_owned()
    } else {
        who
    }
}

fn blocks(case: &CaseDetails, d: &Decision, made_on: NaiveDate) -> Vec<Block> {
    let comparison = compare(&d.first_opinion, &d.second_opinion, &d.same_answers);
    let mut b = heading_blocks(case, d, made_on);
    b.extend(comparison_blocks(d, &comparison));
    b.extend(noted_blocks(&comparison));
    b.extend(own_words_blocks(d));
    b
}

/// The title, whose decision it is, when, and the two doctors.
fn heading_blocks(case: &CaseDetails, d: &Decision, made_on: NaiveDate) -> Vec<Block> {
    let mut rows = Vec::new();
    let name = one_line(&case.patient_name);
    if !name.is_empty() {
        rows.push(("For".to_owned(), name));
    }
    rows.push(("Made on".to_owned(), dates::long_uk(made_on)));
    rows.push((
        "First opinion".to_owned(),
        doctor(
            &case.first_doctor_name,
            &case.first_doctor_workplace,
            "Not noted",
        ),
    ));
    rows.push((
        "Second opinion".to_owned(),
        doctor(
            &d.second_doctor_name,
            &d.second_doctor_workplace,
            "Not noted",
        ),
    ));
    vec![
        Block::heading(1, DECISION_SUMMARY_TITLE),
        Block::Details { rows },
    ]
}

/// What each doctor said, part by part, beside the person's own answer to "the same?".
fn comparison_blocks(d: &Decision, comparison: &Comparison) -> Vec<Block> {
    let rows = PARTS
        .iter()
        .zip(&comparison.parts)
        .map(|((p, label), compared)| {
            debug_assert_eq!(*p, compared.part);
            vec![
                (*label).to_owned(),
                p.of(&d.first_opinion).trim().to_owned(),
                p.of(&d.second_opinion).trim().to_owned(),
                my_answer(compared).to_owned(),
            ]
        })
        .collect();
    let column = |title: &str, weight: f32| Column {
        title: title.into(),
        weight,
    };
    vec![
        Block::heading(2, "What each doctor said"),
        Block::text(
            "In my own words. The last column is my own answer to: do the two doctors say the same thing?",
        ),
        Block::Table(Table {
            columns: vec![
                column("About", 1.25),
                column("First doctor", 2.6),
                column("Second doctor", 2.6),
                column("The same?", 1.35),
            ],
            rows,
        }),
    ]
}

/// Where the person noted a difference or is unsure, and the questions that follow from it.
fn noted_blocks(comparison: &Comparison) -> Vec<Block> {
    let mut b = Vec::new();
    let different = comparison.answered_in_words(SaidTheSame::No);
    let not_sure = comparison.answered_in_words(SaidTheSame::NotSure);
    if !different.is_empty() {
        b.push(Block::Paragraph {
            spans: vec![Span::bold(format!(
                "I noted different things from the two doctors about {different}."
            ))],
            keep_with_next: false,
        });
    }
    if !not_sure.is_empty() {
        b.push(Block::text(format!(
            "I am not sure if the two doctors say the same thing about {not_sure}."
        )));
    }
    let questions: Vec<&str> = comparison.follow_ups().collect();
    if !questions.is_empty() {
        b.push(Block::heading(2, "Questions I would like to ask"));
        for (i, question) in questions.into_iter().enumerate() {
            b.push(Block::Paragraph {
                spans: vec![
                    Span::bold(format!("{}. ", i + 1)),
                    Span::regular(question.to_owned()),
                ],
                keep_with_next: false,
            });
        }
    }
    b
}

/// The decision and the reasons in the person's words, or lines to write them on.
fn own_words_blocks(d: &Decision) -> Vec<Block> {
    let mut b = Vec::new();
    for (heading, text, lines) in [
        ("My decision", &d.decision, 3),
        ("My reasons", &d.reasons, 4),
    ] {
        b.push(Block::heading(2, heading));
        let written = paragraphs(text);
        if written.is_empty() {
            b.push(Block::WritingLines { count: lines });
        } else {
            b.extend(written.into_iter().map(Block::text));
        }
    }
    b
}
