use lopdf::content::Content;
use lopdf::Object;

use super::*;
use crate::layout::{lay_out, Block, Column, LayoutOptions, Table};
use crate::Paper;

fn meta() -> PdfInfo {
    PdfInfo {
        title: "Test".into(),
        date: NaiveDate::from_ymd_opt(2026, 12, 4).expect("a date"),
    }
}

/// A document with every kind of item: headings, text in both faces and in grey, lists with
/// tick boxes, a ruled table over pages, writing lines, a signature line, running titles and
/// page numbers (artifacts), accented letters, and one page of Arabic (shaped).
fn every_item(with_arabic: bool) -> Layout {
    let mut blocks = vec![
        Block::heading(0, "My appointment pack"),
        Block::heading(1, "Questions to ask"),
        Block::text("Café, naïve, Zoë and Łódź: accents printed as written. ½ • “quotes” – dashes"),
        Block::CheckboxList {
            items: vec![
                "What are my options?".into(),
                "What happens if I wait?".into(),
            ],
        },
        Block::TickList {
            items: vec![
                ("Letters from the clinic".into(), true),
                ("Scans".into(), false),
            ],
        },
        Block::Details {
            rows: vec![
                ("Name".into(), "A Person".into()),
                ("NHS number".into(), "943 476 5919".into()),
            ],
        },
        Block::Table(Table {
            columns: vec![
                Column {
                    title: "When".into(),
                    weight: 1.0,
                },
                Column {
                    title: "What happened".into(),
                    weight: 3.0,
                },
            ],
            rows: (0..70)
                .map(|i| {
                    vec![
                        format!("day {i}"),
                        format!(
                            "event {i}, with a longer line that wraps over the width of its column"
                        ),
                    ]
                })
                .collect(),
        }),
        Block::WritingLines { count: 4 },
        Block::SignatureLine {
            name: "A Person".into(),
        },
    ];
    if with_arabic {
        blocks.push(Block::PageBreak);
        blocks.push(Block::text("مرحبا بكم في العيادة"));
    }
    lay_out(
        &blocks,
        &LayoutOptions {
            paper: Paper::A4,
            large_print: false,
            running_title: "My appointment pack".into(),
        },
    )
}

/// An operand: a number, or anything else as lopdf shows it.
#[derive(Debug)]
enum Operand {
    Number(f64),
    Other(String),
}

impl PartialEq for Operand {
    /// Numbers agree to a thousandth of a point (the direct writer rounds to that).
    fn eq(&self, other: &Operand) -> bool {
        match (self, other) {
            (Operand::Number(a), Operand::Number(b)) => (a - b).abs() <= 0.000_51,
            (Operand::Other(a), Operand::Other(b)) => a == b,
            _ => false,
        }
    }
}

/// Each page's content stream, decoded: its operators and their operands (an array's items
/// in line with the others).
fn pages_operations(pdf: &[u8]) -> Vec<Vec<(String, Vec<Operand>)>> {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
    doc.get_pages()
        .values()
        .map(|page| {
            let bytes = doc.get_page_content(*page);
            Content::decode(&bytes)
                .expect("decodes")
                .operations
                .into_iter()
                .map(|op| {
                    let mut operands = Vec::new();
                    op.operands.iter().for_each(|o| flatten(o, &mut operands));
                    (op.operator, operands)
                })
                .collect()
        })
        .collect()
}

fn flatten(o: &Object, out: &mut Vec<Operand>) {
    match o {
        Object::Integer(i) => out.push(Operand::Number(*i as f64)),
        Object::Real(r) => out.push(Operand::Number(f64::from(*r))),
        Object::Array(items) => items.iter().for_each(|i| flatten(i, out)),
        other => out.push(Operand::Other(format!("{other:?}"))),
    }
}

#[test]
fn pages_written_directly_are_the_pages_printpdf_writes() {
    for with_arabic in [false, true] {
        let layout = every_item(with_arabic);
        assert!(layout.pages.len() >= 3, "the table goes over pages");
        let direct = render_with(&layout, &meta(), Writing::Direct).expect("direct");
        let through = render_with(&layout, &meta(), Writing::Printpdf).expect("printpdf");
        let (a, b) = (pages_operations(&direct), pages_operations(&through));
        assert_eq!(a.len(), b.len());
        for (n, (a, b)) in a.iter().zip(&b).enumerate() {
            assert!(!a.is_empty(), "page {n} has content");
            let differs = a.iter().zip(b).position(|(x, y)| x != y);
            assert!(
                differs.is_none() && a.len() == b.len(),
                "page {n} differs at operation {differs:?} of {} / {}: {:?} / {:?}",
                a.len(),
                b.len(),
                differs.map(|i| &a[i.saturating_sub(2)..(i + 2).min(a.len())]),
                differs.map(|i| &b[i.saturating_sub(2)..(i + 2).min(b.len())]),
            );
        }
    }
}

#[test]
fn a_page_of_plain_text_is_written_directly() {
    let layout = every_item(false);
    let direct = render_with(&layout, &meta(), Writing::Direct).expect("direct");
    let through = render_with(&layout, &meta(), Writing::Printpdf).expect("printpdf");
    let doc = lopdf::Document::load_mem(&direct).expect("a PDF");
    let first = *doc.get_pages().values().next().expect("a page");
    let bytes = doc.get_page_content(first);
    // Numbers to a thousandth of a point, where printpdf writes every digit of an f32.
    assert!(
        bytes.windows(7).any(|w| w == b"70.866 "),
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    assert_ne!(direct, through);
    // The same text, fonts and marks either way.
    assert_eq!(extract(&direct), extract(&through));
}

/// Every page's text as a PDF reader finds it through the fonts' ToUnicode maps.
fn extract(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    pages
        .iter()
        .map(|n| doc.extract_text(&[*n]).expect("text"))
        .collect()
}
