//! The appointment-prep pack: what a person takes to their second-opinion appointment.
//!
//! Order of the pack (each section is left out when it has nothing in it, except the tables,
//! which get empty rows to fill in by hand, and the notes page):
//! cover page; keep safe while you wait (the safety notices); the summary for the second doctor (when given); my most important questions; all my questions by topic; what to bring (tick
//! boxes); what has happened so far (timeline table); my medicines (table) and allergies; what
//! the first doctor said; notes; who to contact; emergency lines.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod pages;

use super::clinician::{ClinicianSummary, HeldRecord, Medicine, TimelineEntry};
use super::layout::{lay_out, Block, Layout, LayoutOptions, Span};
use super::pdf::PdfInfo;
use super::printable::{paragraphs, printable_field};
use super::{DocumentOptions, RenderedDocument};
use crate::dates;
use crate::error::Result;

/// The pack's running title, PDF title and start of its file name: nothing about health.
pub(crate) const PREP_PACK_TITLE: &str = "My appointment pack";
const FILE_STEM: &str = "second-opinion-appointment-pack";

/// The appointment the pack is for. Every field may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AppointmentDetails {
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    /// As the person writes it, for example "10:30am".
    pub time: String,
    /// Where: hospital, clinic, address, or "video call".
    pub place: String,
    /// Who the appointment is with.
    pub with_whom: String,
    /// Who is coming along (a relative, a friend, a carer).
    pub who_comes_along: String,
}

/// Questions on one topic, for example "Treatment".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct QuestionTopic {
    pub topic: String,
    pub questions: Vec<String>,
}

/// Someone who can help, and how to reach them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct HelpContact {
    pub name: String,
    pub phone: String,
    pub what_they_do: String,
}

/// A safety notice printed on the pack's "Keep safe while you wait" page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PackNotice {
    pub title: String,
    pub text: Vec<String>,
    /// Printed first and in bold: waiting could cause harm.
    pub prominent: bool,
}

/// Everything printed in the appointment-prep pack: plain data, filled in by the app from the
/// case and the content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PrepPack {
    pub patient_name: String,
    pub appointment: AppointmentDetails,
    /// The few questions that matter most, asked first.
    pub top_questions: Vec<String>,
    /// Every question, by topic.
    pub question_topics: Vec<QuestionTopic>,
    /// Things to take along, each with a box to tick.
    pub what_to_bring: Vec<String>,
    pub timeline: Vec<TimelineEntry>,
    pub medicines: Vec<Medicine>,
    pub allergies: String,
    /// What the first doctor said, in the person's words.
    pub first_opinion_summary: String,
    pub help_contacts: Vec<HelpContact>,
    /// The safety notices for the person's nation and case, printed after the cover: waiting
    /// could cause harm (when it applies), the safety net, medicines, the crisis route.
    pub safety: Vec<PackNotice>,
    /// For example "999 — in an emergency" and "NHS 111 — when it is urgent but not an
    /// emergency", from the content for the person's nation.
    pub emergency_lines: Vec<String>,
    /// A one-page summary for the second doctor, printed after the cover.
    pub clinician_summary: Option<ClinicianSummary>,
    /// The person's own files kept in the case, listed by title and date ("Records I have").
    pub records_held: Vec<HeldRecord>,
}

/// Empty rows given to a table with nothing in it, to fill in by hand.
const BLANK_ROWS: usize = 6;

/// `n` empty rows of `columns` cells, each two lines tall: room for handwriting.
fn blank_rows(n: usize, columns: usize) -> Vec<Vec<String>> {
    let mut row = vec![String::new(); columns];
    row[0] = "\n".to_owned();
    vec![row; n]
}

/// The pack's layout without the PDF: for snapshot tests and geometry checks.
pub fn prep_pack_layout(
    pack: &PrepPack,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<Layout> {
    let pack = printable(pack)?;
    Ok(lay_out(
        &pages::blocks(&pack, date),
        &LayoutOptions {
            paper: options.paper.into(),
            large_print: options.large_print,
            running_title: PREP_PACK_TITLE.to_owned(),
        },
    ))
}

/// The appointment-prep pack as a PDF, made on `date`.
///
/// Errors: [`crate::Error::InvalidInput`] naming the field when one holds characters the fonts
/// cannot print.
pub fn prep_pack(
    pack: &PrepPack,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    let layout = prep_pack_layout(pack, date, options)?;
    let meta = PdfInfo {
        title: PREP_PACK_TITLE.to_owned(),
        date,
    };
    Ok(RenderedDocument {
        bytes: super::pdf::render(&layout, &meta)?,
        file_name: format!("{FILE_STEM}-{}.pdf", dates::iso(date)),
    })
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every field cleaned for printing; the first that cannot be printed is named in the error.
fn printable(pack: &PrepPack) -> Result<PrepPack> {
    let f = printable_field;
    let a = &pack.appointment;
    Ok(PrepPack {
        patient_name: f("The name", &pack.patient_name)?,
        appointment: AppointmentDetails {
            date: a.date,
            time: f("The appointment time", &a.time)?,
            place: f("Where the appointment is", &a.place)?,
            with_whom: f("Who the appointment is with", &a.with_whom)?,
            who_comes_along: f("Who is coming with you", &a.who_comes_along)?,
        },
        top_questions: printable_list(
            &|i| format!("Your most important question {i}"),
            &pack.top_questions,
        )?,
        question_topics: printable_topics(&pack.question_topics)?,
        what_to_bring: printable_list(&|i| format!("Thing to bring {i}"), &pack.what_to_bring)?,
        timeline: printable_timeline(&pack.timeline)?,
        medicines: printable_medicines(&pack.medicines)?,
        allergies: f("Allergies", &pack.allergies)?,
        first_opinion_summary: f("What the first doctor said", &pack.first_opinion_summary)?,
        help_contacts: printable_contacts(&pack.help_contacts)?,
        safety: printable_safety(&pack.safety)?,
        emergency_lines: printable_list(&|i| format!("Emergency line {i}"), &pack.emergency_lines)?,
        clinician_summary: pack
            .clinician_summary
            .as_ref()
            .map(super::clinician::printable)
            .transpose()?,
        records_held: super::clinician::printable_held(&pack.records_held)?,
    })
}

/// A list cleaned item by item, each named by its place for the error.
fn printable_list(label: &dyn Fn(usize) -> String, items: &[String]) -> Result<Vec<String>> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| printable_field(&label(i + 1), item))
        .collect()
}

fn printable_topics(topics: &[QuestionTopic]) -> Result<Vec<QuestionTopic>> {
    topics
        .iter()
        .enumerate()
        .map(|(t, topic)| {
            Ok(QuestionTopic {
                topic: printable_field(&format!("The name of topic {}", t + 1), &topic.topic)?,
                questions: printable_list(
                    &|i| format!("Question {i} in topic {}", t + 1),
                    &topic.questions,
                )?,
            })
        })
        .collect()
}

fn printable_timeline(rows: &[TimelineEntry]) -> Result<Vec<TimelineEntry>> {
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            let label = format!("Row {} of what has happened so far", i + 1);
            Ok(TimelineEntry {
                when: printable_field(&label, &row.when)?,
                what_happened: printable_field(&label, &row.what_happened)?,
            })
        })
        .collect()
}

fn printable_medicines(medicines: &[Medicine]) -> Result<Vec<Medicine>> {
    medicines
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let label = format!("Medicine {}", i + 1);
            Ok(Medicine {
                name: printable_field(&label, &m.name)?,
                dose: printable_field(&label, &m.dose)?,
                notes: printable_field(&label, &m.notes)?,
            })
        })
        .collect()
}

fn printable_contacts(contacts: &[HelpContact]) -> Result<Vec<HelpContact>> {
    contacts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let label = format!("Contact {}", i + 1);
            Ok(HelpContact {
                name: printable_field(&label, &c.name)?,
                phone: printable_field(&label, &c.phone)?,
                what_they_do: printable_field(&label, &c.what_they_do)?,
            })
        })
        .collect()
}

fn printable_safety(notices: &[PackNotice]) -> Result<Vec<PackNotice>> {
    notices
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let label = format!("Safety notice {}", i + 1);
            Ok(PackNotice {
                title: printable_field(&label, &n.title)?,
                text: printable_list(&|_| label.clone(), &n.text)?,
                prominent: n.prominent,
            })
        })
        .collect()
}

fn filled(items: &[String]) -> impl Iterator<Item = &String> {
    items.iter().filter(|s| !s.trim().is_empty())
}

fn question(text: &str, number: Option<usize>, lines: usize) -> Vec<Block> {
    let mut spans = Vec::new();
    if let Some(n) = number {
        spans.push(Span::bold(format!("{n}. ")));
    }
    spans.push(Span::bold(text.trim().to_owned()));
    vec![
        Block::Paragraph {
            spans,
            keep_with_next: true,
        },
        Block::WritingLines { count: lines },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_emoji_prints_as_its_name() {
        let pack = PrepPack {
            medicines: vec![
                Medicine {
                    name: "Paracetamol".into(),
                    ..Default::default()
                },
                Medicine {
                    name: "💊".into(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        let pack = printable(&pack).expect("printable");
        assert_eq!(pack.medicines[1].name, "[pill]");
    }
}
