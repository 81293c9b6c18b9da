//! Tagged PDFs: the pack and the letters carry a structure tree (headings, paragraphs, lists,
//! tables) in reading order, with the document's language, so a screen reader reads them as
//! documents; page numbers and running titles are left out of it. Read with
//! `pdfinfo -struct-text`, as a reader's view of the tree.

use backend::documents::{gp_request_letter, prep_pack, DocumentOptions};

#[path = "../benches/sample/mod.rs"]
mod sample;
mod support;
use support::*;

/// Each element of the tree: its type, its depth, and the text directly in it (joined).
#[derive(Debug)]
struct Element {
    kind: String,
    depth: usize,
    text: String,
}

/// The tree as `pdfinfo -struct-text` prints it: an element per line, indented by depth, and
/// each piece of its text on a line of its own in quotes under it.
fn tree(bytes: &[u8]) -> Vec<Element> {
    let out = tool("pdfinfo", &["-struct-text"], bytes);
    let mut elements: Vec<Element> = Vec::new();
    for line in out.lines() {
        let depth = line.len() - line.trim_start().len();
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(text) = line.strip_prefix('"') {
            let text = text.strip_suffix('"').unwrap_or(text);
            if let Some(last) = elements.last_mut() {
                if !last.text.is_empty() {
                    last.text.push(' ');
                }
                last.text.push_str(text);
            }
        } else {
            let kind = line
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned();
            elements.push(Element {
                kind,
                depth,
                text: String::new(),
            });
        }
    }
    elements
}

fn kinds(tree: &[Element]) -> Vec<&str> {
    tree.iter().map(|e| e.kind.as_str()).collect()
}

/// All the text a reader reads from the tree, in its order.
fn read_aloud(tree: &[Element]) -> String {
    flat(
        &tree
            .iter()
            .map(|e| e.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn is_tagged(bytes: &[u8]) -> bool {
    let info = tool("pdfinfo", &[], bytes);
    info.lines()
        .any(|l| l.starts_with("Tagged:") && l.trim_end().ends_with("yes"))
}

#[test]
fn the_pack_is_read_as_headings_lists_and_tables_in_reading_order_without_page_numbers() {
    let pack = sample::pack();
    let doc = prep_pack(&pack, date(), &DocumentOptions::default()).expect("the pack renders");
    assert!(is_tagged(&doc.bytes), "pdfinfo says the pack is tagged");
    let tree = tree(&doc.bytes);
    assert_eq!(tree.first().map(|e| e.kind.as_str()), Some("Document"));
    let kinds = kinds(&tree);
    for kind in [
        "H1", "H2", "P", "L", "LI", "LBody", "Table", "TR", "TH", "TD",
    ] {
        assert!(kinds.contains(&kind), "a {kind} in the pack: {kinds:?}");
    }
    let heading = tree
        .iter()
        .find(|e| e.kind == "H1")
        .expect("a title heading");
    assert_eq!(heading.text, "My appointment pack");
    // The outline has no gaps: the first heading is H1, none more than a level below the last.
    let levels: Vec<usize> = tree
        .iter()
        .filter_map(|e| e.kind.strip_prefix('H')?.parse().ok())
        .collect();
    assert_eq!(levels.first(), Some(&1));
    for pair in levels.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "a heading skips a level: {levels:?}"
        );
    }
    // Each cell holds its own column's words: a medicine, then how much and when, then notes.
    let medicine = tree
        .iter()
        .position(|e| e.kind == "TD" && e.text == "Amlodipine")
        .expect("the medicine's own cell");
    assert_eq!(
        (
            tree[medicine + 1].kind.as_str(),
            tree[medicine + 1].text.as_str()
        ),
        ("TD", "5 mg each morning")
    );
    assert_eq!(tree[medicine + 2].text, "Blood pressure");
    // A table's cells sit in rows inside the table.
    let table = tree.iter().position(|e| e.kind == "Table").expect("table");
    let row = &tree[table + 1];
    assert_eq!(
        (row.kind.as_str(), row.depth > tree[table].depth),
        ("TR", true)
    );

    // The reader hears the pack in the order it is printed, and never a page number.
    let aloud = read_aloud(&tree);
    let printed = flat(&pdftotext(&doc.bytes));
    assert!(
        !aloud.contains("Page 1 of"),
        "page numbers are furniture: {aloud}"
    );
    assert!(printed.contains("Page 1 of"));
    assert_in_order(
        &aloud,
        &[
            "My appointment pack",
            "Margaret Ellison",
            "Ms Priya Raman, consultant orthopaedic surgeon",
        ],
    );
    // Every word printed is in the tree, so nothing is hidden from a reader. The furniture is
    // left out, and so are its words: the running title, "Page X of Y", and the line heading a
    // page the summary runs onto ("Margaret Ellison, born 9 March 1951", said once already).
    let words = |text: &str| -> std::collections::BTreeSet<String> {
        text.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let heard = words(&aloud);
    let unread: Vec<String> = words(&printed)
        .difference(&heard)
        .filter(|w| {
            !["Page", "of", "born"].contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit())
        })
        .cloned()
        .collect();
    assert!(unread.is_empty(), "printed but not read: {unread:?}");
}

#[test]
fn a_letter_is_read_as_its_paragraphs_in_order_with_its_language() {
    let doc = gp_request_letter(&case(), content(), date(), &DocumentOptions::default())
        .expect("renders");
    assert!(is_tagged(&doc.bytes));
    let tree = tree(&doc.bytes);
    let aloud = read_aloud(&tree);
    assert_in_order(
        &aloud,
        &[
            "Margaret Ellison",
            "14 Orchard Lane",
            "21 November 2026",
            "Dear",
            "Yours sincerely",
        ],
    );
    assert!(
        tree.iter().filter(|e| e.kind == "P").count() >= 5,
        "each paragraph is its own element: {:?}",
        kinds(&tree)
    );
    let root = tool("qpdf", &["--json=1", "--json-key=objects"], &doc.bytes);
    assert!(root.contains("\"/Lang\": \"en-GB\""), "the language is set");
    assert!(root.contains("\"/Marked\": true"), "marked as tagged");
}
