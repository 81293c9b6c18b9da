//! The documents, checked the way a reader sees them: their text (`pdftotext`), fonts
//! (`pdffonts`), validity (`qpdf --check`), page size and metadata (`pdfinfo`), and the layout's
//! geometry and text snapshot.
//!
//! The layout snapshots are insta's, in `tests/snapshots/` (see `support::assert_snapshot`).

mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use backend::cases::CaseDetails;
use backend::content::Content;
use backend::documents::layout::{Item, Layout, Tone};
use backend::documents::{
    gp_request_letter, gp_request_letter_layout, DocumentOptions, LetterWords, Paper,
    RenderedDocument,
};
use chrono::NaiveDate;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("valid date")
}

fn content() -> &'static Content {
    Content::embedded().expect("embedded content loads")
}

fn case() -> CaseDetails {
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

/// The GP letter's words as the app ships them.
fn words() -> LetterWords {
    LetterWords::gp_request(content()).expect("the GP letter template")
}

/// Fixed words, so the layout snapshot changes with the layout, not with edits to the wording.
fn fixed_words() -> LetterWords {
    LetterWords {
        file_stem: "second-opinion-gp-letter".into(),
        subject: "Request for a referral for a second opinion".into(),
        salutation: "Dear Doctor,".into(),
        body: "I am writing to ask you to refer me for a second opinion\
               {% if first_doctor_name %} about the advice I was given by {{ first_doctor_name }}\
               {% if first_doctor_workplace %} at {{ first_doctor_workplace }}{% endif %}{% endif %}.\n\n\
               {% if diagnosis %}I was told: {{ diagnosis }}{% endif %}\n\n\
               {% if reason %}In my own words, this is why I would like a second opinion: \
               {{ reason }}{% endif %}\n\n\
               Please could you refer me to another specialist, and send them my results, scans \
               and letters so they can give their view?\n\n\
               Thank you for your help."
            .into(),
        closing: "Yours sincerely,".into(),
    }
}

fn layout_of(case: &CaseDetails, options: &DocumentOptions) -> Layout {
    gp_request_letter_layout(case, &words(), date(), options).expect("layout")
}

fn letter(case: &CaseDetails, options: &DocumentOptions) -> RenderedDocument {
    gp_request_letter(case, content(), date(), options).expect("the letter renders")
}

/// The PDF in a temporary file, kept alive by the returned handle.
fn pdf_file(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("temp file");
    file.write_all(bytes).expect("write pdf");
    file.flush().expect("flush");
    file
}

/// Runs a poppler/qpdf tool; fails the test if it fails.
fn tool(program: &str, args: &[&str], path: &Path) -> String {
    let output = Command::new(program)
        .args(args)
        .arg(path)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} could not run (is poppler-utils/qpdf installed?): {e}")
        });
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}\n{stdout}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// `pdfinfo`'s "Key: value" lines.
fn pdfinfo(bytes: &[u8], args: &[&str]) -> std::collections::BTreeMap<String, String> {
    let file = pdf_file(bytes);
    tool("pdfinfo", args, file.path())
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

fn pdftotext(bytes: &[u8]) -> String {
    let file = pdf_file(bytes);
    let output = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(file.path())
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success(), "pdftotext failed");
    String::from_utf8(output.stdout).expect("utf-8")
}

/// Whitespace runs collapsed to one space: wrapped lines join back into their sentences.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_in_order(haystack: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match haystack[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("{needle:?} missing, or out of order, in:\n{haystack}"),
        }
    }
}

#[test]
fn gp_letter_holds_every_field_in_reading_order() {
    let doc = letter(&case(), &DocumentOptions::default());
    let text = flat(&pdftotext(&doc.bytes));
    let w = words();
    assert_in_order(
        &text,
        &[
            "Margaret Ellison",
            "14 Orchard Lane",
            "Higher Bebington",
            "CH63 8QT",
            "21 November 2026",
            "Church Road Medical Practice",
            "2 Church Road",
            "CH63 3DZ",
            &w.subject,
            &w.salutation,
            "Mr Daniel Okafor",
            "Arrowe Park Hospital",
            "a frozen shoulder, and that an operation is the only option",
            "another specialist to look at my scans before I agree to an operation.",
            &w.closing,
            "Margaret Ellison",
            "Page 1 of 1",
        ],
    );
    assert_eq!(doc.file_name, "second-opinion-gp-letter-2026-11-21.pdf");
}

#[test]
fn gp_letter_file_name_and_metadata_hold_no_health_details() {
    let c = case();
    let doc = letter(&c, &DocumentOptions::default());
    assert!(!doc.file_name.contains("Ellison") && !doc.file_name.contains("shoulder"));
    let info = pdfinfo(&doc.bytes, &["-isodates"]);
    let field = |k: &str| info.get(k).map(String::as_str).unwrap_or_default();
    assert_eq!(
        field("Title"),
        "Letter to GP practice — second opinion request"
    );
    // No patient's name as the author, and no subject naming what it is about.
    assert_eq!(field("Author"), "");
    assert_eq!(field("Subject"), "");
    assert!(!info.values().any(|v| v.contains("Ellison")), "{info:?}");
    assert_eq!(field("Creator"), "Second Opinion");
    assert_eq!(field("Producer"), "Second Opinion");
    assert_eq!(field("CreationDate"), "2026-11-21T00:00:00Z");
    assert_eq!(field("ModDate"), "2026-11-21T00:00:00Z");
    assert!(
        !info.contains_key("PDF subtype"),
        "not claiming PDF/X: {info:?}"
    );
    assert!(info.values().all(|v| !v.contains("shoulder")), "{info:?}");
    // The running title in every footer says what the paper is, not what it is about.
    let layout = layout_of(&c, &DocumentOptions::default());
    for page in &layout.pages {
        for t in page.texts().filter(|t| t.tone == Tone::Muted) {
            assert!(!t.text.contains("shoulder"), "footer {:?}", t.text);
        }
    }
}

#[test]
fn gp_letter_is_a4_by_default_and_us_letter_when_asked() {
    let a4 = letter(&case(), &DocumentOptions::default());
    let info = pdfinfo(&a4.bytes, &[]);
    assert_eq!(info["Page size"], "595.28 x 841.89 pts (A4)");
    assert_eq!(info["Pages"], "1");
    assert_eq!(
        info["Title"],
        "Letter to GP practice — second opinion request"
    );

    let us = letter(
        &case(),
        &DocumentOptions {
            paper: Paper::UsLetter,
            large_print: false,
            ..Default::default()
        },
    );
    let info = pdfinfo(&us.bytes, &[]);
    assert_eq!(info["Page size"], "612 x 792 pts (letter)");
}

#[test]
fn gp_letter_embeds_only_subset_fonts_regular_and_bold() {
    let doc = letter(&case(), &DocumentOptions::default());
    let file = pdf_file(&doc.bytes);
    let fonts = tool("pdffonts", &[], file.path());
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(rows.len(), 2, "exactly two fonts:\n{fonts}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type... encoding emb sub uni object ID
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "emb sub uni:\n{fonts}"
        );
        assert!(cols[0].contains('+'), "a subset tag on {}", cols[0]);
    }
    assert!(
        rows.iter()
            .any(|r| r.contains("AtkinsonHyperlegibleNext-Regular")),
        "{fonts}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("AtkinsonHyperlegibleNext-Bold")),
        "{fonts}"
    );
}

#[test]
fn gp_letter_passes_qpdf_check() {
    for options in [
        DocumentOptions::default(),
        DocumentOptions {
            paper: Paper::UsLetter,
            large_print: true,
            ..Default::default()
        },
    ] {
        let doc = letter(&case(), &options);
        let file = pdf_file(&doc.bytes);
        let out = tool("qpdf", &["--check"], file.path());
        assert!(
            out.contains("No syntax or stream encoding errors found"),
            "{out}"
        );
    }
}

#[test]
fn welsh_polish_and_typographic_characters_print_exactly() {
    let mut c = case();
    c.patient_name = "Gwenllïan Ŵyn-Ŷr".into();
    c.patient_address = "Tŷ Bach, Ffordd y Môr\nAberystwyth\nSY23 1AA".into();
    c.first_doctor_name = "Dr Małgorzata Wiśniewska".into();
    c.diagnosis = "Zażółć gęślą jaźń — ‘quoted’ “twice” £120 €80 – • café naïve".into();
    let doc = letter(&c, &DocumentOptions::default());
    let text = flat(&pdftotext(&doc.bytes));
    for expected in [
        "Gwenllïan Ŵyn-Ŷr",
        "Tŷ Bach, Ffordd y Môr",
        "Dr Małgorzata Wiśniewska",
        "Zażółć gęślą jaźń — ‘quoted’ “twice” £120 €80 – • café naïve",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
}

/// As pasted text often comes: each accent typed after its letter (NFD).
fn decomposed_case() -> CaseDetails {
    let mut c = case();
    c.patient_name = "Gwenlli\u{308}an W\u{302}yn".into();
    c.patient_address = "Tw\u{302}r y Me\u{302}l\nAberystwyth".into();
    c.diagnosis = "a growth of one A\u{30a}ngstro\u{308}m".into();
    c
}

#[test]
fn decomposed_accents_print_on_their_letters() {
    let c = decomposed_case();
    let layout = layout_of(&c, &DocumentOptions::default());
    let runs: String = layout
        .pages
        .iter()
        .flat_map(|p| p.texts())
        .map(|t| t.text.as_str())
        .collect();
    for expected in ["Gwenllïan Ŵyn", "Tŵr y Mêl", "Ångström"] {
        assert!(
            runs.contains(expected),
            "{expected:?} missing from {runs:?}"
        );
    }
    assert!(
        !runs.contains(['\u{308}', '\u{302}', '\u{30a}']),
        "an accent is drawn on its own: {runs:?}"
    );
    let doc = letter(&c, &DocumentOptions::default());
    let text = flat(&pdftotext(&doc.bytes));
    for expected in ["Gwenllïan Ŵyn", "Tŵr y Mêl", "a growth of one Ångström"] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
}

/// What the reason says in Arabic, Urdu, Bengali, Gurmukhi and Gujarati ("I would like a second
/// opinion").
const SCRIPTS: [&str; 5] = [
    "أريد رأيا ثانيا",
    "میں دوسری رائے چاہتا ہوں",
    "আমি দ্বিতীয় মতামত চাই",
    "ਮੈਂ ਦੂਜੀ ਰਾਏ ਚਾਹੁੰਦਾ ਹਾਂ",
    "મને બીજો અભિપ્રાય જોઈએ છે",
];

#[test]
fn every_script_a_person_in_the_uk_may_write_prints() {
    let mut c = case();
    c.patient_name = "Margaret 🙂".into();
    c.reason = format!("In my words: {}.", SCRIPTS.join(". "));
    c.gp_practice_address = "1 Road\n北京".into();
    let doc = letter(&c, &DocumentOptions::default());
    if let Some(dir) = std::env::var_os("DOCUMENT_SAMPLES") {
        std::fs::write(Path::new(&dir).join("letter-scripts.pdf"), &doc.bytes).expect("write");
    }
    let text = flat(&pdftotext(&doc.bytes));
    for expected in SCRIPTS
        .iter()
        .chain(&["Margaret [slightly smiling face]", "1 Road [U+5317 U+4EAC]"])
    {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    let file = pdf_file(&doc.bytes);
    let fonts = tool("pdffonts", &[], file.path());
    for face in [
        "AtkinsonHyperlegibleNext-Regular",
        "NotoNaskhArabic-Regular",
        "NotoSansBengali-Regular",
        "NotoSansGurmukhi-Regular",
        "NotoSansGujarati-Regular",
    ] {
        let row = fonts.lines().find(|l| l.contains(face));
        let row = row.unwrap_or_else(|| panic!("{face} missing from:\n{fonts}"));
        assert!(row.contains('+'), "subset: {row}");
        assert!(
            row.contains(" yes yes yes "),
            "embedded, subset, mapped: {row}"
        );
    }
    let out = tool("qpdf", &["--check"], file.path());
    assert!(
        out.contains("No syntax or stream encoding errors found"),
        "{out}"
    );
    let json = tool("qpdf", &["--json", "--json-key=qpdf"], file.path());
    assert!(
        json.contains("\"/Lang\": \"u:en-GB\""),
        "the language:\n{json}"
    );
}

#[test]
fn markup_prints_literally() {
    let mut c = case();
    c.patient_name = "<script>alert(1)</script>".into();
    c.reason = "I think <b>this</b> & \"that\" matter".into();
    let doc = letter(&c, &DocumentOptions::default());
    let text = flat(&pdftotext(&doc.bytes));
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(
        text.contains("I think <b>this</b> & \"that\" matter"),
        "{text}"
    );
    assert!(!text.contains("&lt;"), "no HTML escaping: {text}");
}

#[test]
fn control_characters_are_removed_and_tabs_become_spaces() {
    let mut c = case();
    c.patient_name = "Margaret\u{7}\u{200B} Ellison".into();
    c.reason = "one\ttwo\r\nthree".into();
    let doc = letter(&c, &DocumentOptions::default());
    let text = pdftotext(&doc.bytes);
    assert!(flat(&text).contains("Margaret Ellison"), "{text}");
    assert!(flat(&text).contains("one two"), "{text}");
    assert!(text.contains("three"), "{text}");
}

/// A sentence...
const SENTENCE: &str = "The pain wakes me at night and I have not been able to lift my arm to \
                        shoulder height since the spring, so I would like another opinion. ";
/// ...repeated to make over 5,000 words.
fn repeats() -> usize {
    5000 / SENTENCE.split_whitespace().count() + 1
}

fn long_reason() -> String {
    SENTENCE.repeat(repeats())
}

#[test]
fn a_5000_word_reason_flows_over_pages_each_numbered() {
    let mut c = case();
    c.reason = long_reason();
    assert!(c.reason.split_whitespace().count() >= 5000);
    let doc = letter(&c, &DocumentOptions::default());
    let text = pdftotext(&doc.bytes);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let n = pages.len();
    assert!(n >= 5, "{n} pages");
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Page {} of {n}", i + 1)),
            "page {} has no number",
            i + 1
        );
        assert!(
            page.contains("Letter to GP practice"),
            "page {} has no running title",
            i + 1
        );
        // A loose page says whose letter it is and of what day.
        assert_eq!(
            page.lines().any(|l| l.trim() == CONTINUED),
            i > 0,
            "page {}",
            i + 1
        );
    }
    // Nothing lost: every sentence made it onto paper (footers and the heading of each next
    // page taken out, as a reader skips them).
    let body: String = text
        .lines()
        .filter(|l| !l.contains("second opinion request") && l.trim() != CONTINUED)
        .collect::<Vec<_>>()
        .join("\n");
    let sentences = flat(&body).matches(flat(SENTENCE).as_str()).count();
    assert_eq!(sentences, repeats());
    assert!(flat(pages[n - 1]).contains(&words().closing));
}

/// The line heading every page after the first of the fixture's letter.
const CONTINUED: &str = "Margaret Ellison, 21 November 2026";

fn assert_inside_text_area(layout: &Layout) {
    let area = layout.area;
    for (p, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Text(t) = item {
                assert!(
                    t.x >= area.left - 0.01 && t.x + t.width <= area.right + 0.01,
                    "page {}: {:?} at x={} w={} runs outside {}..{}",
                    p + 1,
                    t.text,
                    t.x,
                    t.width,
                    area.left,
                    area.right
                );
                if t.tone == Tone::Ink {
                    assert!(
                        t.y >= area.top && t.y <= area.bottom,
                        "page {}: {:?} at y={} is outside the text area",
                        p + 1,
                        t.text,
                        t.y
                    );
                }
            }
        }
    }
}

#[test]
fn a_400_character_word_wraps_inside_the_text_area() {
    let word: String = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(9)[..400].to_owned();
    for large_print in [false, true] {
        let mut c = case();
        c.reason = format!("Look: {word} end.");
        c.patient_address = format!("{word}\nWirral");
        c.gp_practice_name = word.clone();
        let options = DocumentOptions {
            paper: Paper::A4,
            large_print,
            ..Default::default()
        };
        let layout = layout_of(&c, &options);
        assert_inside_text_area(&layout);
        let doc = letter(&c, &options);
        let squeezed: String = pdftotext(&doc.bytes).split_whitespace().collect();
        assert!(squeezed.contains(&word), "the whole word is printed");
    }
}

#[test]
fn every_field_at_its_longest_stays_inside_the_text_area() {
    let mut c = case();
    c.patient_name = "Name ".repeat(40);
    c.patient_address = "Long address line with many words in it\n".repeat(12);
    c.gp_practice_name = "Practice ".repeat(22);
    c.first_doctor_workplace = "W".repeat(200);
    c.reason = long_reason();
    for large_print in [false, true] {
        let options = DocumentOptions {
            paper: Paper::UsLetter,
            large_print,
            ..Default::default()
        };
        let layout = layout_of(&c, &options);
        assert_inside_text_area(&layout);
    }
}

#[test]
fn an_empty_case_still_makes_a_letter() {
    let doc = letter(&CaseDetails::default(), &DocumentOptions::default());
    let text = flat(&pdftotext(&doc.bytes));
    let w = words();
    assert_in_order(&text, &["21 November 2026", &w.salutation, &w.closing]);
}

#[test]
fn same_inputs_give_identical_bytes() {
    let first = letter(&case(), &DocumentOptions::default());
    // Something else in between, so any process-wide state in the PDF writer moves on.
    let mut other = case();
    other.patient_name = "Someone Else".into();
    let _ = letter(&other, &DocumentOptions::default());
    let second = letter(&case(), &DocumentOptions::default());
    assert!(first.bytes == second.bytes, "the PDFs differ");
    // And different inputs give different files.
    let different = letter(&other, &DocumentOptions::default());
    assert_ne!(first.bytes, different.bytes);
}

#[test]
fn large_print_uses_16_pt_body_text() {
    let options = DocumentOptions {
        paper: Paper::A4,
        large_print: true,
        ..Default::default()
    };
    let layout = layout_of(&case(), &options);
    let sizes: Vec<f32> = layout.pages[0]
        .texts()
        .filter(|t| t.tone == Tone::Ink)
        .map(|t| t.size)
        .collect();
    assert!(sizes.iter().all(|s| *s >= 16.0), "{sizes:?}");
    let normal = layout_of(&case(), &DocumentOptions::default());
    assert!(normal.pages[0]
        .texts()
        .filter(|t| t.tone == Tone::Ink)
        .all(|t| t.size == 12.0));
}

#[test]
fn gp_letter_layout_snapshot() {
    let layout =
        gp_request_letter_layout(&case(), &fixed_words(), date(), &DocumentOptions::default())
            .expect("layout");
    support::assert_snapshot("gp_letter_a4", &layout.to_text_snapshot());
    let options = DocumentOptions {
        paper: Paper::UsLetter,
        large_print: true,
        ..Default::default()
    };
    let layout =
        gp_request_letter_layout(&case(), &fixed_words(), date(), &options).expect("layout");
    support::assert_snapshot(
        "gp_letter_us_letter_large_print",
        &layout.to_text_snapshot(),
    );
}

/// Writes sample PDFs to look at: `DOCUMENT_SAMPLES=/some/dir cargo test -p backend --test
/// documents -- --ignored write_samples`, then `pdftoppm -png -r 70` them.
#[test]
#[ignore = "writes sample files for a person to look at"]
fn write_samples() {
    let dir = PathBuf::from(std::env::var("DOCUMENT_SAMPLES").expect("DOCUMENT_SAMPLES=dir"));
    std::fs::create_dir_all(&dir).expect("dir");
    let mut long = case();
    long.reason = long_reason();
    let samples = [
        ("gp-letter-a4", case(), DocumentOptions::default()),
        (
            "gp-letter-large-letter",
            case(),
            DocumentOptions {
                paper: Paper::UsLetter,
                large_print: true,
                ..Default::default()
            },
        ),
        ("gp-letter-long", long, DocumentOptions::default()),
        (
            "gp-letter-decomposed",
            decomposed_case(),
            DocumentOptions::default(),
        ),
        (
            "gp-letter-arabic",
            CaseDetails {
                patient_name: "مريم الحسيني".into(),
                reason: SCRIPTS[0].into(),
                ..case()
            },
            DocumentOptions::default(),
        ),
        (
            "gp-letter-bengali",
            CaseDetails {
                reason: SCRIPTS[2].into(),
                ..case()
            },
            DocumentOptions::default(),
        ),
    ];
    for (name, c, options) in samples {
        let doc = letter(&c, &options);
        std::fs::write(dir.join(format!("{name}.pdf")), &doc.bytes).expect("write");
    }
}

#[test]
fn any_layout_renders_and_unprintable_text_is_refused() {
    use backend::documents::layout::{lay_out, Block, LayoutOptions};
    use backend::documents::{printable_text, render_pdf, PdfInfo};
    let options = LayoutOptions {
        paper: Paper::A4.into(),
        large_print: false,
        running_title: "Review book".into(),
    };
    let info = PdfInfo {
        title: "Review book".into(),
        date: date(),
    };
    let ok = lay_out(
        &[Block::heading(1, "Sources"), Block::text("Plain words.")],
        &options,
    );
    let bytes = render_pdf(&ok, &info).expect("renders");
    assert!(flat(&pdftotext(&bytes)).contains("Sources Plain words."));

    // Text that skipped `printable_text` never reaches paper as boxes.
    let bad = lay_out(&[Block::text("Smile 🙂")], &options);
    let err = render_pdf(&bad, &info).expect_err("refused");
    assert_eq!(err.code(), "document");
    // Cleaned, it prints: the emoji by its name.
    assert_eq!(
        printable_text("The note", "Smile 🙂").expect("cleaned"),
        "Smile [slightly smiling face]"
    );
    assert_eq!(printable_text("The note", "a\tb").expect("tab"), "a    b");
}
