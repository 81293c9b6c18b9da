//! The content review book: every content item, with its sources, dates, reading grade and any
//! note for the reviewer, in one PDF for a clinical reviewer.
//!
//! `cargo run -p backend --example review_book -- out.pdf`
//!
//! The book is built as blocks, laid out with the documents layout engine
//! (`backend::documents::layout`) and written with `backend::documents::render_pdf`. Give a path
//! ending in `.txt` instead to get the laid-out text (every line, page by page) for a diff.
//! The date on the book is the newest `reviewed` date in the content, so the same content always
//! gives the same PDF.

use std::collections::BTreeMap;

use backend::cases::Nation;
use backend::content::{plain, Content, Item, ItemMeta};
use backend::documents::layout::{lay_out, Block, Column, LayoutOptions, Span, Table};
use backend::documents::{render_pdf, Paper, PdfInfo};

/// What each kind is called in the book, in the content's fixed order of kinds.
fn kind_heading(kind: &str) -> &'static str {
    match kind {
        "notice" => "Safety notices",
        "screen" => "Screens",
        "about" => "About the app",
        "reason" => "Reasons for a second opinion",
        "first-step" => "Before asking",
        "consideration" => "Benefits and drawbacks",
        "route" => "Routes to a second opinion",
        "right" => "Rights (England only)",
        "journey-step" => "The journey, step by step",
        "way-to-ask" => "Ways to ask",
        "records-guide" => "Medical records",
        "bring-item" => "What to bring",
        "question-topic" => "Question bank: topics",
        "question" => "Question bank",
        "faq" => "Questions people ask",
        "organisation" => "Help when stuck",
        "letter" => "Letter templates",
        _ => "Other items",
    }
}

/// "what_to_do" as "What to do".
fn label(field: &str) -> String {
    let words = field.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn nations(meta: &ItemMeta) -> String {
    if meta.nations.len() == Nation::ALL.len() {
        return "All four nations".into();
    }
    meta.nations
        .iter()
        .map(|n| n.display_name())
        .collect::<Vec<_>>()
        .join(", ")
}

fn sources(content: &Content, meta: &ItemMeta) -> String {
    meta.sources
        .iter()
        .map(|id| match content.source(id) {
            Ok(s) => format!("{} — {} ({id})", s.publisher, s.title),
            Err(_) => id.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An item's prose, as read by the style checks: a letter's body without its template tags.
fn prose(item: &Item) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for (field, text) in item.texts() {
        if field == "body" {
            out.extend(plain::template_text(text).into_iter().map(|p| (field, p)));
        } else {
            out.push((field, text.to_owned()));
        }
    }
    out
}

fn grade(item: &Item) -> f64 {
    let texts = prose(item);
    let refs: Vec<&str> = texts.iter().map(|(_, t)| t.as_str()).collect();
    plain::readability(&refs).grade
}

/// The label-and-value rows every item starts with.
fn details(content: &Content, item: &Item) -> Block {
    let meta = item.meta();
    let mut rows = vec![
        ("Id".to_owned(), meta.id.clone()),
        ("Kind".to_owned(), item.kind().to_owned()),
        ("Nations".to_owned(), nations(meta)),
        (
            "Screens".to_owned(),
            if meta.steps.is_empty() {
                "Reached by id".to_owned()
            } else {
                meta.steps
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        ),
        ("Sources".to_owned(), sources(content, meta)),
        (
            "Reviewed".to_owned(),
            backend::dates::long_uk(meta.reviewed),
        ),
        (
            "Review by".to_owned(),
            backend::dates::long_uk(meta.review_by),
        ),
        ("Reading grade".to_owned(), format!("{:.1}", grade(item))),
    ];
    if let Some(note) = &meta.reviewer_note {
        rows.push(("Note for reviewer".to_owned(), note.clone()));
    }
    Block::Details { rows }
}

/// An item's text, field by field: one paragraph for a single value, a bulleted list for many.
fn body(item: &Item, out: &mut Vec<Block>) {
    let mut groups: Vec<(&'static str, Vec<String>)> = Vec::new();
    for (field, text) in item.texts() {
        if field == "title" {
            continue;
        }
        match groups.last_mut() {
            Some((last, values)) if *last == field => values.push(text.to_owned()),
            _ => groups.push((field, vec![text.to_owned()])),
        }
    }
    if let Item::Route(route) = item {
        for (field, ids) in [("rights", &route.rights), ("help", &route.help)] {
            if !ids.is_empty() {
                groups.push((field, vec![ids.join(", ")]));
            }
        }
    }
    if let Item::Faq(faq) = item {
        if !faq.help.is_empty() {
            groups.push(("help", vec![faq.help.join(", ")]));
        }
    }
    for (field, values) in groups {
        let many =
            values.len() > 1 || matches!(field, "benefits" | "drawbacks" | "does" | "does_not");
        if field == "body" {
            // The template as written, so the reviewer sees the conditions and values.
            out.push(Block::bold(
                "Body (template; values in {{ }} are filled in)",
            ));
            for paragraph in values[0]
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                out.push(Block::text(paragraph));
            }
        } else if many {
            out.push(Block::Paragraph {
                spans: vec![Span::bold(label(field))],
                keep_with_next: true,
            });
            out.push(Block::BulletList {
                items: values.into_iter().map(|v| vec![Span::regular(v)]).collect(),
            });
        } else {
            out.push(Block::Paragraph {
                spans: vec![
                    Span::bold(format!("{}: ", label(field))),
                    Span::regular(values.into_iter().next().unwrap_or_default()),
                ],
                keep_with_next: false,
            });
        }
    }
}

/// The whole book as blocks.
fn book(content: &Content) -> Vec<Block> {
    let items: Vec<&Item> = content.items().collect();
    let mut out = vec![
        Block::heading(1, "Second Opinion: content review book"),
        Block::text(
            "Every piece of guidance the app shows, and every letter template, with its sources, \
             the nations it applies to, the screens it appears on, when it was reviewed and when \
             it must be reviewed again. Notes for the reviewer point to wording that is cautious \
             on purpose, or to facts the sources mark for checking.",
        ),
        Block::text(format!(
            "{} items in {} kinds. The app informs and organises: it does not give medical \
             advice, diagnose, or judge a diagnosis.",
            items.len(),
            items
                .iter()
                .map(|i| i.kind())
                .collect::<std::collections::BTreeSet<_>>()
                .len()
        )),
    ];

    // Reading grades.
    let mut grades: Vec<f64> = items.iter().map(|i| grade(i)).collect();
    grades.sort_by(f64::total_cmp);
    let median = grades[grades.len() / 2];
    out.push(Block::heading(2, "Reading level"));
    out.push(Block::text(format!(
        "Flesch-Kincaid grade per item: lowest {:.1}, median {median:.1}, highest {:.1}. The \
         checks fail any item above grade 8.",
        grades[0],
        grades[grades.len() - 1]
    )));

    // Counts.
    let mut counts: BTreeMap<usize, (&str, usize)> = BTreeMap::new();
    for item in &items {
        counts.entry(item.rank()).or_insert((item.kind(), 0)).1 += 1;
    }
    out.push(Block::Table(Table {
        columns: vec![
            Column {
                title: "Kind".into(),
                weight: 3.0,
            },
            Column {
                title: "Items".into(),
                weight: 1.0,
            },
        ],
        rows: counts
            .values()
            .map(|(kind, n)| vec![kind_heading(kind).to_owned(), n.to_string()])
            .collect(),
    }));

    // Sources.
    out.push(Block::heading(2, "Sources"));
    out.push(Block::Table(Table {
        columns: vec![
            Column {
                title: "Id".into(),
                weight: 2.0,
            },
            Column {
                title: "Source".into(),
                weight: 5.0,
            },
            Column {
                title: "File".into(),
                weight: 3.0,
            },
        ],
        rows: content
            .sources()
            .map(|s| {
                vec![
                    s.id.clone(),
                    match s.as_of {
                        Some(d) => format!(
                            "{}: {}\n{}\nFacts recorded on {}.",
                            s.publisher,
                            s.title,
                            s.description,
                            backend::dates::long_uk(d)
                        ),
                        None => format!("{}: {}\n{}", s.publisher, s.title, s.description),
                    },
                    s.file.clone().unwrap_or_else(|| "—".into()),
                ]
            })
            .collect(),
    }));

    // Items, kind by kind.
    let mut kind = "";
    for item in &items {
        if item.kind() != kind {
            kind = item.kind();
            out.push(Block::PageBreak);
            out.push(Block::heading(1, kind_heading(kind)));
            if kind == "question" {
                questions(content, &mut out);
            }
        }
        if kind == "question" {
            continue;
        }
        out.push(Block::heading(2, item.meta().title.clone()));
        out.push(details(content, item));
        body(item, &mut out);
    }
    out
}

/// The question bank as one table per topic, with each question's metadata in brief.
fn questions(content: &Content, out: &mut Vec<Block>) {
    let all: Vec<&backend::content::Question> =
        content.all::<backend::content::Question>().collect();
    let topics: Vec<&backend::content::QuestionTopic> =
        content.all::<backend::content::QuestionTopic>().collect();
    if let Some(first) = all.first() {
        let meta = &first.meta;
        out.push(Block::text(format!(
            "{} questions. Unless a row says otherwise: {}; screens: {}; reviewed {}; review by {}.",
            all.len(),
            nations(meta),
            meta.steps
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            backend::dates::long_uk(meta.reviewed),
            backend::dates::long_uk(meta.review_by),
        )));
        out.push(Block::text(format!(
            "Sources: {}",
            sources(content, meta).replace('\n', "; ")
        )));
    }
    for topic in topics {
        out.push(Block::heading(2, topic.meta.title.clone()));
        let first = all.first().map(|q| &q.meta);
        let rows = all
            .iter()
            .filter(|q| q.topic == topic.meta.id)
            .map(|q| {
                let mut id = q.meta.id.clone();
                if let Some(first) = first {
                    if q.meta.nations != first.nations
                        || q.meta.sources != first.sources
                        || q.meta.reviewed != first.reviewed
                        || q.meta.review_by != first.review_by
                    {
                        id.push_str(&format!(
                            "\n{}; {}",
                            nations(&q.meta),
                            q.meta.sources.join(", ")
                        ));
                    }
                }
                let item = content.item(&q.meta.id).expect("question is an item");
                vec![id, q.meta.title.clone(), format!("{:.1}", grade(item))]
            })
            .collect();
        out.push(Block::Table(Table {
            columns: vec![
                Column {
                    title: "Id".into(),
                    weight: 3.0,
                },
                Column {
                    title: "Question".into(),
                    weight: 6.0,
                },
                Column {
                    title: "Grade".into(),
                    weight: 1.0,
                },
            ],
            rows,
        }));
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("Usage: cargo run -p backend --example review_book -- out.pdf (or out.txt)");
        std::process::exit(2);
    };
    let content = Content::embedded()?;
    let blocks = book(content);
    let layout = lay_out(
        &blocks,
        &LayoutOptions {
            paper: Paper::A4.into(),
            large_print: false,
            running_title: "Second Opinion: content review book".into(),
        },
    );
    if out.ends_with(".txt") {
        std::fs::write(&out, layout.to_text_snapshot())?;
        println!(
            "{out}: the review book laid out on {} A4 pages, as text",
            layout.pages.len()
        );
        return Ok(());
    }
    let date = content
        .metas()
        .map(|m| m.reviewed)
        .max()
        .ok_or("the content has no items")?;
    let bytes = render_pdf(
        &layout,
        &PdfInfo {
            title: "Second Opinion: content review book".into(),
            date,
        },
    )?;
    std::fs::write(&out, bytes)?;
    println!("{out}: the review book, {} A4 pages", layout.pages.len());
    Ok(())
}
