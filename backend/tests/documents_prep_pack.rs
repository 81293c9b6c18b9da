//! The appointment-prep pack, checked by its text (`pdftotext`), fonts (`pdffonts`), validity
//! (`qpdf --check`), page size (`pdfinfo`) and layout geometry. Snapshots: see `documents.rs`.

use std::path::PathBuf;

use backend::documents::layout::{Item, Layout, Paint, Tone};
use backend::documents::{
    prep_pack, prep_pack_layout, DocumentOptions, Paper, PrepPack, RenderedDocument, TimelineEntry,
};
use chrono::NaiveDate;

#[path = "../benches/sample/mod.rs"]
mod sample;
mod support;
use support::tool;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("valid date")
}

fn render(pack: &PrepPack, options: &DocumentOptions) -> RenderedDocument {
    prep_pack(pack, date(), options).expect("the pack renders")
}

fn layout(pack: &PrepPack, options: &DocumentOptions) -> Layout {
    prep_pack_layout(pack, date(), options).expect("the pack lays out")
}

fn pdftotext(bytes: &[u8]) -> String {
    tool("pdftotext", &["-layout", "-enc", "UTF-8"], bytes)
}

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
fn sections_come_in_order_with_every_value() {
    let pack = sample::pack();
    let doc = render(&pack, &DocumentOptions::default());
    assert_eq!(
        doc.file_name,
        "second-opinion-appointment-pack-2026-11-21.pdf"
    );
    let text = flat(&pdftotext(&doc.bytes));
    let mut expected: Vec<String> = vec![
        "My appointment pack".into(),
        "Margaret Ellison".into(),
        "14 December 2026, 10:30am".into(),
        "Ms Priya Raman, consultant orthopaedic surgeon".into(),
        "My daughter, Joanne".into(),
        "My most important questions".into(),
    ];
    expected.extend(
        pack.top_questions
            .iter()
            .enumerate()
            .map(|(i, q)| format!("{}. {q}", i + 1)),
    );
    expected.push("My other questions".into());
    for topic in &pack.question_topics {
        expected.push(topic.topic.clone());
        expected.extend(topic.questions.iter().cloned());
    }
    expected.push("What to bring".into());
    expected.extend(pack.what_to_bring.iter().cloned());
    expected.push("What has happened so far".into());
    for row in &pack.timeline {
        expected.push(row.what_happened.clone());
    }
    expected.push("My medicines".into());
    for m in &pack.medicines {
        expected.push(m.name.clone());
    }
    expected.push("Allergies".into());
    expected.push("Penicillin (rash).".into());
    expected.push("What the first doctor said".into());
    expected.push("Mr Okafor said the scans show a frozen shoulder".into());
    expected.push("Notes".into());
    expected.push("Who to contact".into());
    for c in &pack.help_contacts {
        expected.push(c.phone.clone());
    }
    expected.push("If you need help urgently".into());
    expected.extend(pack.emergency_lines.iter().cloned());
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    assert_in_order(&text, &expected);
}

#[test]
fn every_page_is_numbered_and_titled_without_health_details() {
    let doc = render(&sample::pack(), &DocumentOptions::default());
    let text = pdftotext(&doc.bytes);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let n = pages.len();
    assert!(n >= 8, "a realistic pack has about ten pages, not {n}");
    for (i, page) in pages.iter().enumerate() {
        let footer = page
            .lines()
            .rfind(|l| !l.trim().is_empty())
            .unwrap_or_default();
        assert!(
            footer.contains(&format!("Page {} of {n}", i + 1)),
            "{footer}"
        );
        assert!(footer.contains("My appointment pack"), "{footer}");
        assert!(!footer.contains("shoulder"), "{footer}");
    }
    let info = tool("pdfinfo", &[], &doc.bytes);
    assert!(info.contains("595.28 x 841.89 pts (A4)"), "{info}");
    assert!(!info.contains("shoulder"), "{info}");
}

#[test]
fn a_60_row_table_breaks_across_pages_with_its_header_repeated() {
    let mut pack = sample::pack();
    pack.timeline = (1..=60)
        .map(|i| TimelineEntry {
            when: format!("Week {i}"),
            what_happened: format!("Event number {i}: saw the nurse and had a blood test."),
        })
        .collect();
    let options = DocumentOptions::default();
    let layout = layout(&pack, &options);

    // Pages holding timeline rows, in order.
    let row_pages: Vec<usize> = layout
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.texts().any(|t| t.text.starts_with("Week ")))
        .map(|(i, _)| i)
        .collect();
    assert!(
        row_pages.len() >= 3,
        "60 rows take several pages: {row_pages:?}"
    );
    for &p in &row_pages {
        let texts: Vec<&str> = layout.pages[p]
            .texts()
            .filter(|t| t.tone == Tone::Ink)
            .map(|t| t.text.as_str())
            .collect();
        let header = texts
            .iter()
            .position(|t| *t == "What happened")
            .unwrap_or_else(|| panic!("page {} has no header: {texts:?}", p + 1));
        let first_row = texts
            .iter()
            .position(|t| t.starts_with("Week "))
            .expect("a row");
        assert!(
            header < first_row,
            "the header comes before the rows on page {}",
            p + 1
        );
    }
    // Every row is printed once, whole, in order.
    let rows: Vec<String> = row_pages
        .iter()
        .flat_map(|&p| layout.pages[p].texts())
        .filter(|t| t.text.starts_with("Week "))
        .map(|t| t.text.clone())
        .collect();
    let expected: Vec<String> = (1..=60).map(|i| format!("Week {i}")).collect();
    assert_eq!(rows, expected);

    // And the PDF text agrees: every page with rows has the header.
    let doc = render(&pack, &options);
    let text = pdftotext(&doc.bytes);
    let pages_with_rows: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| p.contains("Week "))
        .collect();
    assert_eq!(pages_with_rows.len(), row_pages.len());
    for page in pages_with_rows {
        assert!(page.contains("What happened"), "{page}");
    }
}

#[test]
fn fonts_are_embedded_subsets_and_the_file_is_valid() {
    let doc = render(&sample::pack(), &DocumentOptions::default());
    let fonts = tool("pdffonts", &[], &doc.bytes);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(rows.len(), 2, "{fonts}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{fonts}");
    }
    assert!(
        fonts.contains("AtkinsonHyperlegibleNext-Regular"),
        "{fonts}"
    );
    assert!(fonts.contains("AtkinsonHyperlegibleNext-Bold"), "{fonts}");
    let check = tool("qpdf", &["--check"], &doc.bytes);
    assert!(
        check.contains("No syntax or stream encoding errors found"),
        "{check}"
    );
}

#[test]
fn us_letter_and_large_print() {
    let options = DocumentOptions {
        paper: Paper::UsLetter,
        large_print: true,
        ..Default::default()
    };
    let doc = render(&sample::pack(), &options);
    let info = tool("pdfinfo", &[], &doc.bytes);
    assert!(info.contains("612 x 792 pts (letter)"), "{info}");
    let check = tool("qpdf", &["--check"], &doc.bytes);
    assert!(
        check.contains("No syntax or stream encoding errors found"),
        "{check}"
    );
    let large = layout(&sample::pack(), &options);
    let normal = layout(&sample::pack(), &DocumentOptions::default());
    assert!(large.pages.len() > normal.pages.len());
}

#[test]
fn what_to_bring_has_a_drawn_box_per_item() {
    let pack = sample::pack();
    let layout = layout(&pack, &DocumentOptions::default());
    let boxes = layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| {
            matches!(i, Item::Rect { paint: Paint::Stroke(_), w, h, .. } if (w - h).abs() < 0.01)
        })
        .count();
    assert_eq!(boxes, pack.what_to_bring.len());
}

#[test]
fn everything_stays_inside_the_text_area() {
    let mut pack = sample::pack();
    pack.top_questions.push("x".repeat(400));
    pack.medicines[0].notes = "y".repeat(300);
    pack.first_opinion_summary = "A long summary. ".repeat(800);
    for large_print in [false, true] {
        let l = layout(
            &pack,
            &DocumentOptions {
                paper: Paper::A4,
                large_print,
                ..Default::default()
            },
        );
        for (p, page) in l.pages.iter().enumerate() {
            for item in &page.items {
                let (left, right, bottom) = match item {
                    Item::Text(t) => (t.x, t.x + t.width, t.y),
                    Item::Line { x1, x2, y2, .. } => (x1.min(*x2), x1.max(*x2), *y2),
                    Item::Rect { x, y, w, h, .. } => (*x, x + w, y + h),
                };
                let footer = matches!(item, Item::Text(t) if t.tone == Tone::Muted);
                assert!(
                    left >= l.area.left - 0.01 && right <= l.area.right + 0.01,
                    "page {}: {item:?} runs off the side",
                    p + 1
                );
                assert!(
                    footer || bottom <= l.area.bottom + 0.01,
                    "page {}: {item:?} runs into the footer",
                    p + 1
                );
            }
        }
    }
}

#[test]
fn an_empty_pack_still_prints_blank_tables_and_notes() {
    let doc = render(&PrepPack::default(), &DocumentOptions::default());
    let text = flat(&pdftotext(&doc.bytes));
    assert_in_order(
        &text,
        &[
            "My appointment pack",
            "What has happened so far",
            "When",
            "My medicines",
            "Allergies",
            "Notes",
        ],
    );
    assert!(!text.contains("My most important questions"));
}

#[test]
fn emoji_and_other_scripts_print_in_the_pack() {
    let mut pack = sample::pack();
    pack.question_topics[1].questions[2] = "Is this 👍? আমি জানতে চাই".into();
    let doc = prep_pack(&pack, date(), &DocumentOptions::default()).expect("prints");
    let text = flat(&pdftotext(&doc.bytes));
    assert!(text.contains("Is this [thumbs up]? আমি জানতে চাই"), "{text}");
}

#[test]
fn same_inputs_give_identical_bytes() {
    let a = render(&sample::pack(), &DocumentOptions::default());
    let _ = render(&PrepPack::default(), &DocumentOptions::default());
    let b = render(&sample::pack(), &DocumentOptions::default());
    assert!(a.bytes == b.bytes, "the PDFs differ");
}

#[test]
fn prep_pack_layout_snapshot() {
    let actual = layout(&sample::pack(), &DocumentOptions::default()).to_text_snapshot();
    support::assert_snapshot("prep_pack_a4", &actual);
}

/// `DOCUMENT_SAMPLES=/some/dir cargo test -p backend --test documents_prep_pack -- --ignored`
#[test]
#[ignore = "writes sample files for a person to look at"]
fn write_samples() {
    let dir = PathBuf::from(std::env::var("DOCUMENT_SAMPLES").expect("DOCUMENT_SAMPLES=dir"));
    std::fs::create_dir_all(&dir).expect("dir");
    let mut long = sample::pack();
    long.timeline = (1..=60)
        .map(|i| TimelineEntry {
            when: format!("Week {i}"),
            what_happened: format!("Event number {i}: saw the nurse and had a blood test."),
        })
        .collect();
    for (name, pack, options) in [
        ("pack-a4", sample::pack(), DocumentOptions::default()),
        (
            "pack-large",
            sample::pack(),
            DocumentOptions {
                paper: Paper::UsLetter,
                large_print: true,
                ..Default::default()
            },
        ),
        ("pack-long-table", long, DocumentOptions::default()),
        (
            "pack-empty",
            PrepPack::default(),
            DocumentOptions::default(),
        ),
    ] {
        let doc = render(&pack, &options);
        std::fs::write(dir.join(format!("{name}.pdf")), &doc.bytes).expect("write");
    }
}

/// The pack a case in `nation` prints, from the real content, as text.
fn pack_text_for(nation: backend::cases::Nation, journey: &backend::journey::Journey) -> String {
    let content = backend::content::Content::embedded().expect("content");
    let case = backend::cases::CaseDetails {
        patient_name: "Sam Jones".into(),
        nation: Some(nation),
        ..Default::default()
    };
    let pack = backend::documents::pack::prep_pack(&case, journey, &content.guidance(nation));
    flat(&pdftotext(
        &render(&pack, &DocumentOptions::default()).bytes,
    ))
}

fn journey_with(
    urgency: Option<backend::journey::Urgency>,
    cancer_or_mental_health: Option<bool>,
) -> backend::journey::Journey {
    backend::journey::Journey {
        urgency,
        cancer_or_mental_health,
        ..Default::default()
    }
}

/// Each nation's printed pack names its own urgent line and crisis route, and always carries
/// the medicines caution and the safety net; Northern Ireland's never says NHS 111.
#[test]
fn each_nations_pack_prints_its_urgent_line_crisis_route_medicines_caution_and_safety_net() {
    use backend::cases::Nation;
    let routine = journey_with(Some(backend::journey::Urgency::Routine), Some(false));
    for support::NationLines {
        nation,
        urgent,
        crisis,
        safety_net: net,
    } in support::NATION_LINES
    {
        let text = pack_text_for(nation, &routine);
        assert_in_order(
            &text,
            &[
                "Keep safe while you wait",
                "In a mental health crisis",
                crisis,
                "116 123",
                "Keep taking your medicines and going to your appointments while you wait, unless a doctor tells you otherwise.",
                "talk first to the doctor who prescribed it.",
                "If you get worse while you wait, do not wait for the second opinion.",
                net,
                "If you need help urgently",
                "In an emergency call 999.",
                urgent,
                "In a mental health crisis:",
            ],
        );
        assert!(
            !text.contains("Waiting could cause harm"),
            "{nation:?}: routine, not cancer or mental health"
        );
        assert!(!text.contains("How long is it safe to wait?"), "{nation:?}");
        if nation == Nation::NorthernIreland {
            assert!(!text.contains("NHS 111"), "{text}");
            assert!(!text.contains("NHS 24"), "{text}");
        }
    }
}

/// When waiting could do harm, the caution comes first on the safety page and its three
/// questions are printed with the person's questions; when it cannot, neither is printed.
#[test]
fn the_time_critical_block_and_its_questions_are_printed_only_when_they_apply() {
    use backend::cases::Nation;
    use backend::journey::Urgency;
    let questions = [
        "How long is it safe to wait?",
        "Could treatment start while a second opinion is arranged?",
        "Could another specialist check my scans or samples, with no new appointment?",
    ];
    for (urgency, condition, applies) in [
        (Some(Urgency::Urgent), None, true),
        (Some(Urgency::Soon), Some(false), true),
        (Some(Urgency::NotSaid), None, true),
        (None, None, true),
        (Some(Urgency::Routine), Some(true), true),
        (Some(Urgency::Routine), None, false),
        (Some(Urgency::Routine), Some(false), false),
    ] {
        let text = pack_text_for(Nation::England, &journey_with(urgency, condition));
        if applies {
            let mut order = vec![
                "Keep safe while you wait",
                "Important: Waiting could cause harm",
                "a delay in treatment can itself do harm",
                "In a mental health crisis",
                "Keep taking your medicines",
                "All my questions",
                "Waiting could cause harm",
            ];
            order.extend(questions);
            assert_in_order(&text, &order);
        } else {
            assert!(
                !text.contains("Waiting could cause harm"),
                "{urgency:?} {condition:?}"
            );
            for q in questions {
                assert!(!text.contains(q), "{q}");
            }
        }
    }
}

/// A question the person already chose from the bank is not printed twice.
#[test]
fn a_chosen_waiting_question_is_not_printed_twice() {
    let mut journey = journey_with(Some(backend::journey::Urgency::Urgent), None);
    journey.questions.push(backend::journey::ChosenQuestion {
        bank_id: Some("q-safe-to-wait".into()),
        text: "How long is it safe to wait?".into(),
        top: false,
        answer: String::new(),
    });
    let text = pack_text_for(backend::cases::Nation::Scotland, &journey);
    assert_eq!(
        text.matches("How long is it safe to wait?").count(),
        1,
        "{text}"
    );
    assert!(text.contains("Could treatment start while a second opinion is arranged?"));
}

/// A question marked as one of the most important is printed once, among them, and not again
/// among the others; an appointment with nothing known gives lines, not bare labels.
#[test]
fn a_most_important_question_is_printed_once_and_an_unknown_appointment_gives_lines() {
    let mut journey = journey_with(Some(backend::journey::Urgency::Routine), Some(false));
    for (text, top) in [("Can I keep driving?", true), ("Will it hurt?", false)] {
        journey.questions.push(backend::journey::ChosenQuestion {
            bank_id: None,
            text: text.into(),
            top,
            answer: String::new(),
        });
    }
    let text = pack_text_for(backend::cases::Nation::Wales, &journey);
    // Once on the summary for the doctor (the main question), once among the questions.
    let questions = &text[text.find("My most important questions").expect("top")..];
    assert_eq!(
        questions.matches("Can I keep driving?").count(),
        1,
        "{text}"
    );
    assert_in_order(
        &text,
        &[
            "My most important questions",
            "1. Can I keep driving?",
            "My other questions",
            "Will it hurt?",
        ],
    );
    assert!(text.contains("Write the date, time and place here when you know them."));
    assert!(!text.contains("Who with"), "no label without its answer");
}
