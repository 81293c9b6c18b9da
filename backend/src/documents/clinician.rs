//! The clinician summary: one page for the second doctor, printed on its own and inside the
//! appointment-prep pack (after the cover).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::layout::{lay_out, Block, Layout, LayoutOptions, Span};
use super::letter::one_line;
use super::pdf::PdfInfo;
use super::printable::{paragraphs, printable_field};
use super::DocumentOptions;
use crate::cases::Nation;
use crate::dates;
use crate::error::Result;

/// One row of "what has happened so far".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct TimelineEntry {
    /// As the person writes it: "March 2026", "about a year ago".
    pub when: String,
    pub what_happened: String,
}

/// One medicine the person takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Medicine {
    pub name: String,
    pub dose: String,
    pub notes: String,
}

/// One of the person's own files kept in the case, as the summary and the pack list it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct HeldRecord {
    pub title: String,
    #[ts(type = "string | null")]
    pub dated: Option<NaiveDate>,
}

impl HeldRecord {
    /// "Letter from Mr Okafor — 3 September 2026", or the title alone when undated.
    pub(crate) fn line(&self) -> String {
        let title = one_line(&self.title);
        match self.dated {
            Some(d) => format!("{title} — {}", dates::long_uk(d)),
            None => title,
        }
    }
}

/// The running title and PDF title: nothing about health.
pub(crate) const CLINICIAN_SUMMARY_TITLE: &str = "Summary for the second-opinion doctor";
pub(crate) const CLINICIAN_SUMMARY_STEM: &str = "second-opinion-summary-for-doctor";

/// What the second doctor needs at a glance, in the patient's words. Every field may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ClinicianSummary {
    pub patient_name: String,
    #[ts(type = "string | null")]
    pub date_of_birth: Option<NaiveDate>,
    /// NHS number (CHI number in Scotland, H&C number in Northern Ireland).
    pub nhs_number: String,
    /// The patient's nation, which names the number; `None`: "NHS number".
    pub nation: Option<Nation>,
    /// The first doctor: name and where they work.
    pub first_doctor: String,
    /// What the first doctor said the problem is.
    pub first_diagnosis: String,
    /// The treatment the first doctor proposed.
    pub proposed_treatment: String,
    /// A few key dates: first symptoms, tests, the first opinion.
    pub key_dates: Vec<TimelineEntry>,
    pub medicines: Vec<Medicine>,
    pub allergies: String,
    /// The records brought or sent along, for example "MRI report, June 2026".
    pub records_attached: Vec<String>,
    /// The person's own files kept in the case ("Records I have"), by title and date.
    pub records_held: Vec<HeldRecord>,
    /// The one question the patient most wants answered.
    pub main_question: String,
}

/// Every field cleaned for printing, or the first that cannot be printed named.
pub(crate) fn printable(s: &ClinicianSummary) -> Result<ClinicianSummary> {
    let f = printable_field;
    Ok(ClinicianSummary {
        patient_name: f("The name", &s.patient_name)?,
        date_of_birth: s.date_of_birth,
        nhs_number: f(
            s.nation.map_or("NHS number", Nation::number_label),
            &s.nhs_number,
        )?,
        nation: s.nation,
        first_doctor: f("The first doctor", &s.first_doctor)?,
        first_diagnosis: f("What the first doctor said it is", &s.first_diagnosis)?,
        proposed_treatment: f("The treatment offered", &s.proposed_treatment)?,
        key_dates: s
            .key_dates
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let label = format!("Key date {}", i + 1);
                Ok(TimelineEntry {
                    when: f(&label, &r.when)?,
                    what_happened: f(&label, &r.what_happened)?,
                })
            })
            .collect::<Result<_>>()?,
        medicines: s
            .medicines
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let label = format!("Medicine {}", i + 1);
                Ok(Medicine {
                    name: f(&label, &m.name)?,
                    dose: f(&label, &m.dose)?,
                    notes: f(&label, &m.notes)?,
                })
            })
            .collect::<Result<_>>()?,
        allergies: f("Allergies", &s.allergies)?,
        records_attached: s
            .records_attached
            .iter()
            .enumerate()
            .map(|(i, r)| f(&format!("Record {}", i + 1), r))
            .collect::<Result<_>>()?,
        records_held: printable_held(&s.records_held)?,
        main_question: f("Your main question", &s.main_question)?,
    })
}

/// The files' titles cleaned for printing, each named by its place for the error.
pub(crate) fn printable_held(records: &[HeldRecord]) -> Result<Vec<HeldRecord>> {
    records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            Ok(HeldRecord {
                title: printable_field(&format!("File {}", i + 1), &r.title)?,
                dated: r.dated,
            })
        })
        .collect()
}

/// "Records I have": the files kept in the case, by title and date; nothing when there are
/// none.
pub(crate) fn records_held(records: &[HeldRecord]) -> Vec<Block> {
    let items: Vec<Vec<Span>> = records
        .iter()
        .filter(|r| !r.title.trim().is_empty())
        .map(|r| vec![Span::regular(r.line())])
        .collect();
    if items.is_empty() {
        return Vec::new();
    }
    vec![
        Block::heading(3, "Records I have"),
        Block::BulletList { items },
    ]
}

/// The summary's blocks (cleaned input): also used inside the prep pack.
/// (The date it was written goes in the footer when printed alone, and on the pack's cover.)
pub(crate) fn blocks(s: &ClinicianSummary) -> Vec<Block> {
    let mut b = vec![Block::heading(1, CLINICIAN_SUMMARY_TITLE)];
    b.extend(who(s));
    let question = s.main_question.trim();
    if !question.is_empty() {
        b.push(Block::heading(3, "The main question I would like answered"));
        b.push(Block::bold(question.to_owned()));
    }
    // Only what is known: a label with nothing after it reads as a mistake.
    let first: Vec<(String, String)> = [
        ("Doctor", &s.first_doctor),
        ("Diagnosis", &s.first_diagnosis),
        ("Treatment offered", &s.proposed_treatment),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| (k.to_owned(), v.trim().to_owned()))
    .collect();
    if !first.is_empty() {
        b.push(Block::heading(3, "The first opinion"));
        b.push(Block::Details { rows: first });
    }
    // Key dates as label and value rows: lighter than a table, and they fit the page.
    let dates_rows: Vec<(String, String)> = s
        .key_dates
        .iter()
        .filter(|r| !(r.when.trim().is_empty() && r.what_happened.trim().is_empty()))
        .map(|r| (r.when.trim().to_owned(), r.what_happened.trim().to_owned()))
        .collect();
    if !dates_rows.is_empty() {
        b.push(Block::heading(3, "Key dates"));
        b.push(Block::Details { rows: dates_rows });
    }
    b.extend(medicines_and_allergies(s));
    b.extend(records(s));
    b
}

/// Whose summary: the name, date of birth and the number under its name in the nation. A page
/// it runs onto is headed with the name and date of birth, so a loose page says whose it is.
fn who(s: &ClinicianSummary) -> Vec<Block> {
    let name = one_line(&s.patient_name);
    let mut rows = vec![("Name".to_owned(), name.clone())];
    let mut heading = name;
    if let Some(born) = s.date_of_birth {
        rows.push(("Date of birth".to_owned(), dates::long_uk(born)));
        heading = format!("{heading}, born {}", dates::long_uk(born));
    }
    let nhs_number = crate::cases::nhs_number_for_print(&s.nhs_number);
    if !nhs_number.is_empty() {
        let label = s.nation.map_or("NHS number", Nation::number_label);
        rows.push((label.to_owned(), one_line(&nhs_number)));
    }
    let mut b = Vec::new();
    if !heading.trim().is_empty() {
        b.push(Block::ContinuedHeading { text: heading });
    }
    b.push(Block::Details { rows });
    b
}

/// One line for each medicine where it fits (a table's header and padding cost the page
/// room), then the allergies, said to be none listed when empty.
fn medicines_and_allergies(s: &ClinicianSummary) -> Vec<Block> {
    let mut b = vec![Block::heading(3, "Medicines and allergies")];
    let items: Vec<Vec<Span>> = s
        .medicines
        .iter()
        .filter(|m| {
            !(m.name.trim().is_empty() && m.dose.trim().is_empty() && m.notes.trim().is_empty())
        })
        .map(|m| {
            let rest: Vec<String> = [&m.dose, &m.notes]
                .into_iter()
                .map(|x| one_line(x))
                .filter(|x| !x.is_empty())
                .collect();
            let mut spans = vec![Span::bold(one_line(&m.name))];
            if !rest.is_empty() {
                spans.push(Span::regular(format!(" — {}", rest.join("; "))));
            }
            spans
        })
        .collect();
    if items.is_empty() {
        b.push(Block::text("No medicines listed."));
    } else {
        b.push(Block::BulletList { items });
    }
    let allergies = paragraphs(&s.allergies).join("\n");
    b.push(Block::Paragraph {
        spans: vec![
            Span::bold("Allergies: "),
            Span::regular(if allergies.is_empty() {
                "none listed".to_owned()
            } else {
                allergies
            }),
        ],
        keep_with_next: false,
    });
    b
}

/// The records brought or sent along: the files kept in the case, then the checklist's
/// records that arrived. When there is neither, one line says so (as "Allergies" does), so the
/// summary's last item never takes a page of its own.
fn records(s: &ClinicianSummary) -> Vec<Block> {
    let mut b = records_held(&s.records_held);
    let records: Vec<Vec<Span>> = s
        .records_attached
        .iter()
        .filter(|r| !r.trim().is_empty())
        .map(|r| vec![Span::regular(r.trim().to_owned())])
        .collect();
    if records.is_empty() && !b.is_empty() {
        return b;
    }
    if records.is_empty() {
        b.push(Block::Paragraph {
            spans: vec![Span::bold("Records attached: "), Span::regular("none.")],
            keep_with_next: false,
        });
        return b;
    }
    b.push(Block::heading(3, "Records attached"));
    b.push(Block::BulletList { items: records });
    b
}

/// The summary on its own: layout and metadata.
pub(crate) fn clinician_summary(
    summary: &ClinicianSummary,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<(Layout, PdfInfo)> {
    let s = printable(summary)?;
    let layout = lay_out(
        &blocks(&s),
        &LayoutOptions {
            paper: options.paper.into(),
            large_print: options.large_print,
            running_title: format!(
                "{CLINICIAN_SUMMARY_TITLE} — written by the patient on {}",
                dates::long_uk(date)
            ),
        },
    );
    let info = PdfInfo {
        title: CLINICIAN_SUMMARY_TITLE.to_owned(),
        date,
    };
    Ok((layout, info))
}
