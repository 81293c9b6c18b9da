//! The pack's pages, section by section, in the order they are printed.

use chrono::NaiveDate;

use super::{
    blank_rows, filled, one_line, paragraphs, question, PackNotice, PrepPack, QuestionTopic,
    BLANK_ROWS,
};
use crate::dates;
use crate::documents::layout::{Block, Column, Span, Table};

/// Every page of the pack, in order.
pub(super) fn blocks(pack: &PrepPack, made_on: NaiveDate) -> Vec<Block> {
    let mut b = cover(pack, made_on);
    // Safety first: what to do while waiting, and where to turn in a crisis.
    b.extend(safety(pack));
    // The summary for the doctor, on its own page to hand over.
    if let Some(summary) = &pack.clinician_summary {
        b.push(Block::PageBreak);
        b.extend(super::super::clinician::blocks(summary));
    }
    b.extend(questions(pack));
    b.extend(what_to_bring(pack));
    b.extend(timeline(pack));
    b.extend(medicines(pack));
    b.extend(first_opinion(pack));
    b.extend(notes());
    b.extend(contacts(pack));
    b
}

/// A table's columns from their titles and relative widths.
fn columns(spec: &[(&str, f32)]) -> Vec<Column> {
    spec.iter()
        .map(|(title, weight)| Column {
            title: (*title).into(),
            weight: *weight,
        })
        .collect()
}

/// The cover page: whose pack, the appointment, and how to use the pack.
fn cover(pack: &PrepPack, made_on: NaiveDate) -> Vec<Block> {
    let mut b = Vec::new();
    let a = &pack.appointment;
    b.push(Block::heading(0, "My appointment pack"));
    let mut spans = Vec::new();
    if !pack.patient_name.trim().is_empty() {
        spans.push(Span::regular("For "));
        spans.push(Span::bold(one_line(&pack.patient_name)));
        spans.push(Span::regular("\n"));
    }
    spans.push(Span::regular(format!(
        "Printed on {}",
        dates::long_uk(made_on)
    )));
    b.push(Block::Paragraph {
        spans,
        keep_with_next: false,
    });
    b.push(Block::heading(2, "My appointment"));
    let when = match (a.date, a.time.trim()) {
        (Some(d), "") => dates::long_uk(d),
        (Some(d), t) => format!("{}, {t}", dates::long_uk(d)),
        (None, t) => t.to_owned(),
    };
    // Only what is known; nothing known yet gives lines to write it on, never bare labels.
    let rows: Vec<(String, String)> = [
        ("When", when),
        ("Where", a.place.clone()),
        ("Who with", a.with_whom.clone()),
        ("Coming with me", a.who_comes_along.clone()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    if rows.is_empty() {
        b.push(Block::text(
            "Write the date, time and place here when you know them.",
        ));
        b.push(Block::WritingLines { count: 2 });
    } else {
        b.push(Block::Details { rows });
    }
    b.push(Block::heading(2, "How to use this pack"));
    b.push(Block::BulletList {
        items: [
            "Take it with you to the appointment.",
            "Ask your most important questions first.",
            "Write the answers on the lines under each question, or ask the person with you to write them.",
            "It is fine to ask the doctor to slow down, or to say something again.",
        ]
        .into_iter()
        .map(|s| vec![Span::regular(s)])
        .collect(),
    });
    b
}

/// What to do while waiting, and where to turn in a crisis.
fn safety(pack: &PrepPack) -> Vec<Block> {
    let mut b = Vec::new();
    let safety: Vec<&PackNotice> = pack
        .safety
        .iter()
        .filter(|n| filled(&n.text).next().is_some())
        .collect();
    if !safety.is_empty() {
        b.push(Block::PageBreak);
        b.push(Block::heading(1, "Keep safe while you wait"));
        for notice in safety {
            let title = one_line(&notice.title);
            let paras = filled(&notice.text).map(|p| {
                let span = if notice.prominent {
                    Span::bold(p.trim().to_owned())
                } else {
                    Span::regular(p.trim().to_owned())
                };
                Block::Paragraph {
                    spans: vec![span],
                    keep_with_next: false,
                }
            });
            let heading = if notice.prominent {
                Block::heading(2, format!("Important: {title}"))
            } else {
                Block::heading(2, title)
            };
            b.push(Block::KeepTogether(
                std::iter::once(heading).chain(paras).collect(),
            ));
        }
    }
    b
}

/// The most important questions, then every other question by topic (a question printed
/// among the most important is not printed again, and a topic left empty is left out).
fn questions(pack: &PrepPack) -> Vec<Block> {
    let mut b = Vec::new();
    // Where the last two questions start in `b`.
    let mut last_two: [Option<usize>; 2] = [None, None];
    let top: Vec<&String> = filled(&pack.top_questions).collect();
    if !top.is_empty() {
        b.push(Block::PageBreak);
        b.push(Block::heading(1, "My most important questions"));
        b.push(Block::text("Ask these first, in case time runs out."));
        for (i, q) in top.iter().enumerate() {
            last_two = [last_two[1], Some(b.len())];
            b.extend(question(q, Some(i + 1), 4));
        }
    }
    let not_top = |q: &&String| !top.iter().any(|t| t.trim() == q.trim());
    let topics: Vec<&QuestionTopic> = pack
        .question_topics
        .iter()
        .filter(|t| filled(&t.questions).any(|q| not_top(&q)))
        .collect();
    if !topics.is_empty() {
        // After the most important questions the others follow on, so the last of those is
        // never left alone on a page.
        if top.is_empty() {
            b.push(Block::PageBreak);
        }
        b.push(Block::heading(
            1,
            if top.is_empty() {
                "All my questions"
            } else {
                "My other questions"
            },
        ));
        for topic in topics {
            let title = if topic.topic.trim().is_empty() {
                "Other questions".to_owned()
            } else {
                one_line(&topic.topic)
            };
            b.push(Block::heading(2, title));
            for q in filled(&topic.questions).filter(not_top) {
                last_two = [last_two[1], Some(b.len())];
                b.extend(question(q, None, 3));
            }
        }
    }
    // The last two questions (and a heading between them) stay on one page, so a page never
    // holds a single question on its own.
    if let [Some(start), Some(_)] = last_two {
        let tail = b.split_off(start);
        b.push(Block::KeepTogether(tail));
    }
    b
}

/// What to bring, with squares to tick, then the person's own files kept in the case.
fn what_to_bring(pack: &PrepPack) -> Vec<Block> {
    let mut b = Vec::new();
    let bring: Vec<String> = filled(&pack.what_to_bring).cloned().collect();
    let held = super::super::clinician::records_held(&pack.records_held);
    if !bring.is_empty() || !held.is_empty() {
        b.push(Block::PageBreak);
    }
    if !bring.is_empty() {
        b.push(Block::heading(1, "What to bring"));
        b.push(Block::text("Tick each one when it is in your bag."));
        b.push(Block::CheckboxList { items: bring });
    }
    if !held.is_empty() {
        b.extend(held);
        b.push(Block::text(
            "These are kept in the app. You can print them together as a records bundle.",
        ));
    }
    b
}

/// What has happened so far, as a table (blank rows to fill in when nothing is typed).
fn timeline(pack: &PrepPack) -> Vec<Block> {
    let mut b = Vec::new();
    b.push(Block::PageBreak);
    b.push(Block::heading(1, "What has happened so far"));
    let mut rows: Vec<Vec<String>> = pack
        .timeline
        .iter()
        .filter(|r| !(r.when.trim().is_empty() && r.what_happened.trim().is_empty()))
        .map(|r| vec![r.when.clone(), r.what_happened.clone()])
        .collect();
    if rows.is_empty() {
        rows = blank_rows(BLANK_ROWS, 2);
    }
    b.push(Block::Table(Table {
        columns: columns(&[("When", 1.35), ("What happened", 3.0)]),
        rows,
    }));
    b
}

/// Medicines and allergies, kept on one page when they fit (never "Allergies" alone at the top
/// of a page).
fn medicines(pack: &PrepPack) -> Vec<Block> {
    let mut b = Vec::new();
    b.push(Block::heading(1, "My medicines"));
    let mut rows: Vec<Vec<String>> = pack
        .medicines
        .iter()
        .filter(|m| {
            !(m.name.trim().is_empty() && m.dose.trim().is_empty() && m.notes.trim().is_empty())
        })
        .map(|m| vec![m.name.clone(), m.dose.clone(), m.notes.clone()])
        .collect();
    if rows.is_empty() {
        rows = blank_rows(BLANK_ROWS, 3);
    }
    b.push(Block::Table(Table {
        columns: columns(&[
            ("Medicine", 2.0),
            ("How much and when", 2.0),
            ("Notes", 3.0),
        ]),
        rows,
    }));
    b.push(Block::heading(2, "Allergies"));
    if pack.allergies.trim().is_empty() {
        b.push(Block::WritingLines { count: 2 });
    } else {
        b.extend(paragraphs(&pack.allergies).into_iter().map(Block::text));
    }
    vec![Block::KeepTogether(b)]
}

/// What the first doctor said, when anything is typed.
fn first_opinion(pack: &PrepPack) -> Vec<Block> {
    let mut b = Vec::new();
    let summary = paragraphs(&pack.first_opinion_summary);
    if !summary.is_empty() {
        b.push(Block::heading(1, "What the first doctor said"));
        b.extend(summary.into_iter().map(Block::text));
    }
    b
}

/// A page of lines for notes.
fn notes() -> Vec<Block> {
    vec![
        Block::PageBreak,
        Block::heading(1, "Notes"),
        Block::WritingLinesToPageEnd,
    ]
}

/// Who to contact, and emergencies.
fn contacts(pack: &PrepPack) -> Vec<Block> {
    let mut b = Vec::new();
    let contacts: Vec<Vec<String>> = pack
        .help_contacts
        .iter()
        .filter(|c| !(c.name.trim().is_empty() && c.phone.trim().is_empty()))
        .map(|c| vec![c.name.clone(), c.phone.clone(), c.what_they_do.clone()])
        .collect();
    let emergency: Vec<&String> = filled(&pack.emergency_lines).collect();
    if !contacts.is_empty() || !emergency.is_empty() {
        b.push(Block::PageBreak);
    }
    if !contacts.is_empty() {
        b.push(Block::heading(1, "Who to contact"));
        b.push(Block::Table(Table {
            columns: columns(&[
                ("Who", 2.0),
                ("Phone", 2.0),
                ("What they can help with", 3.0),
            ]),
            rows: contacts,
        }));
    }
    if !emergency.is_empty() {
        b.push(Block::KeepTogether(vec![
            Block::heading(1, "If you need help urgently"),
            Block::BulletList {
                items: emergency
                    .into_iter()
                    .map(|line| vec![Span::bold(line.trim().to_owned())])
                    .collect(),
            },
        ]));
    }
    b
}
