//! Fixtures and helpers shared by the integration tests (`mod support;` in each): realistic
//! inputs, each nation's expected safety lines, the PDF tools (`pdftotext`, `pdffonts`,
//! `pdfinfo`, `qpdf`), layout geometry checks and the layout snapshots ([`assert_snapshot`]).

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use backend::cases::{CaseDetails, Nation};
use backend::content::Content;
use backend::documents::layout::{Item, Layout, Tone};
use backend::documents::{
    CarerAuthorisation, CarerPurpose, Decision, RecordsRequestLetter, RecoverySheet,
};
use backend::journey::{Opinion, SaidTheSame, SameAnswers};
use chrono::NaiveDate;

/// What one nation's guidance says, word for word: part of its urgent line (after "In an
/// emergency call 999."), its mental health crisis route and its safety net's last line.
#[derive(Debug, Clone, Copy)]
pub struct NationLines {
    pub nation: Nation,
    pub urgent: &'static str,
    pub crisis: &'static str,
    pub safety_net: &'static str,
}

/// Every nation's safety lines: what the journey shows and the pack prints.
pub const NATION_LINES: [NationLines; 4] = [
    NationLines {
        nation: Nation::England,
        urgent: "call NHS 111 or use NHS 111 online",
        crisis: "call 111 and pick the option for mental health",
        safety_net: "or call NHS 111.",
    },
    NationLines {
        nation: Nation::Wales,
        urgent: "call NHS 111 Wales on 111",
        crisis: "call 111 and press 2",
        safety_net: "or call NHS 111 Wales on 111.",
    },
    NationLines {
        nation: Nation::Scotland,
        urgent: "call NHS 24 on 111",
        crisis: "call NHS 24 on 111",
        safety_net: "or call NHS 24 on 111.",
    },
    NationLines {
        nation: Nation::NorthernIreland,
        urgent: "contact your GP practice. If the practice is shut, contact your GP out-of-hours service.",
        crisis: "call Lifeline on 0808 808 8000",
        safety_net: "When the practice is closed, contact your GP out-of-hours service.",
    },
];

pub fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("valid date")
}

pub fn content() -> &'static Content {
    Content::embedded().expect("embedded content loads")
}

pub fn case() -> CaseDetails {
    CaseDetails {
        patient_name: "Margaret Ellison".into(),
        patient_address: "14 Orchard Lane\nHigher Bebington\nWirral\nCH63 8QT".into(),
        nation: None,
        diagnosis: "a frozen shoulder, and that an operation is the only option".into(),
        reason: "The pain has not changed after six months of physiotherapy and I would like \
                 another specialist to look at my scans before I agree to an operation."
            .into(),
        first_doctor_name: "Mr Daniel Okafor".into(),
        first_doctor_workplace: "Arrowe Park Hospital".into(),
        gp_practice_name: "Church Road Medical Practice".into(),
        gp_practice_address: "2 Church Road\nBebington\nWirral\nCH63 3DZ".into(),
        date_of_birth: chrono::NaiveDate::from_ymd_opt(1954, 3, 9),
        // Typed without spaces: printed in the NHS's grouping, "943 476 5919".
        nhs_number: "9434765919".into(),
    }
}

pub fn records_request() -> RecordsRequestLetter {
    RecordsRequestLetter {
        records_holder: "Arrowe Park Hospital".into(),
        holder_address: "Health Records Department\nArrowe Park Road\nUpton, Wirral\nCH49 5PE"
            .into(),
        asked: date(),
        date_of_birth: NaiveDate::from_ymd_opt(1951, 3, 9),
        nhs_number: "943 476 5919".into(),
    }
}

pub fn carer() -> CarerAuthorisation {
    CarerAuthorisation {
        carer_name: "Joanne Ellison".into(),
        relationship: "daughter".into(),
        purposes: vec![
            CarerPurpose {
                text: "Talk to my doctors about my care".into(),
                allowed: true,
            },
            CarerPurpose {
                text: "Ask for a second opinion for me".into(),
                allowed: true,
            },
            CarerPurpose {
                text: "Ask for copies of my health records".into(),
                allowed: true,
            },
            CarerPurpose {
                text: "Make decisions about my treatment".into(),
                allowed: false,
            },
        ],
        from: Some(date()),
        until: NaiveDate::from_ymd_opt(2027, 5, 31),
    }
}

pub fn decision() -> Decision {
    Decision {
        second_doctor_name: "Ms Priya Raman".into(),
        second_doctor_workplace: "Clatterbridge Hospital".into(),
        first_opinion: Opinion {
            diagnosis: "Frozen shoulder".into(),
            options: "An operation to release the shoulder".into(),
            risks: "Infection, stiffness, a small risk from the anaesthetic".into(),
            recommendation: "Have the operation soon".into(),
            anything_new: String::new(),
        },
        second_opinion: Opinion {
            diagnosis: "frozen shoulder.".into(),
            options: "Hydrodilatation first, then an operation if that does not help".into(),
            risks: "Infection, stiffness, a small risk from the anaesthetic".into(),
            recommendation: "Try hydrodilatation and physiotherapy for three months".into(),
            anything_new: "A research study at Clatterbridge I could join".into(),
        },
        decision: "I will try hydrodilatation first and decide about the operation in the spring."
            .into(),
        reasons: "It is less risky for me with my blood pressure, and I can still have the \
                  operation later if I need it."
            .into(),
        // The diagnosis is worded differently but the patient says it is the same; the rest
        // as the patient answered, with the risks (worded alike) left unanswered.
        same_answers: SameAnswers {
            diagnosis: Some(SaidTheSame::Yes),
            options: Some(SaidTheSame::No),
            recommendation: Some(SaidTheSame::No),
            anything_new: Some(SaidTheSame::NotSure),
            risks: None,
        },
    }
}

pub fn recovery() -> RecoverySheet {
    RecoverySheet {
        profile_name: "Margaret".into(),
        made: date(),
    }
}

/// The PDF in a temporary file, kept alive by the returned handle.
pub fn pdf_file(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("temp file");
    file.write_all(bytes).expect("write pdf");
    file.flush().expect("flush");
    file
}

/// Runs a poppler/qpdf tool on the PDF; fails the test if it fails.
pub fn tool(program: &str, args: &[&str], bytes: &[u8]) -> String {
    let file = pdf_file(bytes);
    let output = Command::new(program)
        .args(args)
        .arg(file.path())
        .args(if program == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{program} could not run: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}\n{stdout}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

pub fn pdftotext(bytes: &[u8]) -> String {
    tool("pdftotext", &["-layout", "-enc", "UTF-8"], bytes)
}

/// Whitespace runs collapsed to one space: wrapped lines join back into their sentences.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn assert_in_order(haystack: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match haystack[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => panic!(
                "{needle:?} missing, or out of order, after {:?}, in:\n{haystack}",
                &haystack[..from].chars().rev().take(60).collect::<String>()
            ),
        }
    }
}

/// The checks every document passes: text in reading order (`pdftotext`), only embedded subset
/// fonts (`pdffonts`), a valid file (`qpdf --check`), A4 with the expected title (`pdfinfo`).
pub fn check_pdf(bytes: &[u8], title: &str, in_order: &[&str]) {
    let text = flat(&pdftotext(bytes));
    assert_in_order(&text, in_order);

    let fonts = tool("pdffonts", &[], bytes);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{fonts}");
        assert!(cols[0].contains('+'), "a subset tag on {}", cols[0]);
        assert!(
            ["AtkinsonHyperlegibleNext", "NotoNaskhArabic", "NotoSans"]
                .iter()
                .any(|f| cols[0].contains(f)),
            "{fonts}"
        );
    }

    let check = tool("qpdf", &["--check"], bytes);
    assert!(
        check.contains("No syntax or stream encoding errors found"),
        "{check}"
    );

    let info = tool("pdfinfo", &[], bytes);
    assert!(info.contains("595.28 x 841.89 pts (A4)"), "{info}");
    // Tagged, so a screen reader reads it as a document (see `documents_tagged.rs`).
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.trim_end().ends_with("yes")),
        "{info}"
    );
    let title_line = info
        .lines()
        .find(|l| l.starts_with("Title:"))
        .unwrap_or_default();
    assert_eq!(title_line.trim_start_matches("Title:").trim(), title);
}

/// Every page's footer has the running title and "Page X of Y", and it holds none of `secrets`.
/// (A line above the text area, heading a letter's next page, may name the patient.)
pub fn check_footers(layout: &Layout, title: &str, secrets: &[&str]) {
    let n = layout.pages.len();
    for (i, page) in layout.pages.iter().enumerate() {
        let footer: Vec<&str> = page
            .texts()
            .filter(|t| t.tone == Tone::Muted && t.y > layout.area.bottom)
            .map(|t| t.text.as_str())
            .collect();
        assert!(footer.contains(&title), "page {}: {footer:?}", i + 1);
        assert!(
            footer.contains(&format!("Page {} of {n}", i + 1).as_str()),
            "page {}: {footer:?}",
            i + 1
        );
        for s in secrets {
            assert!(footer.iter().all(|f| !f.contains(s)), "{s} in {footer:?}");
        }
    }
}

/// Nothing is drawn outside the text area (footers may sit below it, but not to the sides).
pub fn assert_inside_text_area(l: &Layout) {
    for (p, page) in l.pages.iter().enumerate() {
        for item in &page.items {
            let (left, right, top, bottom) = match item {
                Item::Text(t) => (t.x, t.x + t.width, t.y, t.y),
                Item::Line { x1, x2, y1, y2, .. } => {
                    (x1.min(*x2), x1.max(*x2), y1.min(*y2), y1.max(*y2))
                }
                Item::Rect { x, y, w, h, .. } => (*x, x + w, *y, y + h),
            };
            let footer = matches!(item, Item::Text(t) if t.tone == Tone::Muted);
            assert!(
                left >= l.area.left - 0.01 && right <= l.area.right + 0.01,
                "page {}: {item:?} runs off the side",
                p + 1
            );
            assert!(
                footer || (top >= l.area.top - 0.01 && bottom <= l.area.bottom + 0.01),
                "page {}: {item:?} runs outside the text area",
                p + 1
            );
        }
    }
}

/// All the ink text of a layout, in drawing order, with whitespace and bullets removed (a
/// bullet is drawn after its item's first line).
pub fn squeezed_text(l: &Layout) -> String {
    l.pages
        .iter()
        .flat_map(|p| p.texts())
        .filter(|t| t.tone == Tone::Ink && t.text != "•")
        .flat_map(|t| t.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Compares `actual` with the committed snapshot `tests/snapshots/<name>.snap` (insta). A
/// change fails the test and, outside CI, leaves the new text beside it as `<name>.snap.new`
/// to review with `cargo insta review` (or accept every one with `INSTA_UPDATE=always`).
pub fn assert_snapshot(name: &str, actual: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, actual));
}

/// Writes a PDF to `DOCUMENT_SAMPLES` (when set), for a person to look at.
pub fn write_sample(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("DOCUMENT_SAMPLES") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join(format!("{name}.pdf")), bytes).expect("write");
    }
}
