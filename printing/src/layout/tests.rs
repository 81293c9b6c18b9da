use super::*;

fn opts() -> LayoutOptions {
    LayoutOptions {
        paper: Paper::A4,
        large_print: false,
        running_title: "Test".into(),
    }
}

fn body_texts(layout: &Layout) -> Vec<Vec<String>> {
    layout
        .pages
        .iter()
        .map(|p| {
            p.texts()
                .filter(|t| t.tone == Tone::Ink)
                .map(|t| t.text.clone())
                .collect()
        })
        .collect()
}

#[test]
fn heading_is_never_last_on_a_page() {
    // Fill a page nearly to the bottom, then a heading and a paragraph.
    let mut blocks: Vec<Block> = (0..38).map(|i| Block::text(format!("line {i}"))).collect();
    blocks.push(Block::heading(2, "The heading"));
    blocks.push(Block::text("After the heading"));
    let layout = lay_out(&blocks, &opts());
    let pages = body_texts(&layout);
    let page_of = |s: &str| pages.iter().position(|p| p.iter().any(|t| t == s));
    assert_eq!(page_of("The heading"), page_of("After the heading"));
    assert!(layout.pages.len() >= 2);
}

#[test]
fn table_header_repeats_on_each_page() {
    let table = Table {
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
        rows: (0..80)
            .map(|i| vec![format!("day {i}"), format!("event {i}")])
            .collect(),
    };
    let layout = lay_out(&[Block::Table(table)], &opts());
    assert!(layout.pages.len() >= 2);
    for (n, page) in body_texts(&layout).iter().enumerate() {
        assert_eq!(
            page.first().map(String::as_str),
            Some("When"),
            "page {}",
            n + 1
        );
    }
}

#[test]
fn every_page_has_a_footer() {
    let blocks: Vec<Block> = (0..100).map(|i| Block::text(format!("line {i}"))).collect();
    let layout = lay_out(&blocks, &opts());
    let n = layout.pages.len();
    assert!(n >= 3);
    for (i, page) in layout.pages.iter().enumerate() {
        let expected = format!("Page {} of {n}", i + 1);
        assert!(page.texts().any(|t| t.text == expected));
        assert!(page.texts().any(|t| t.text == "Test"));
    }
}

#[test]
fn page_break_starts_a_new_page_once() {
    let blocks = vec![
        Block::PageBreak,
        Block::text("a"),
        Block::PageBreak,
        Block::PageBreak,
        Block::text("b"),
    ];
    let layout = lay_out(&blocks, &opts());
    assert_eq!(
        body_texts(&layout),
        vec![vec!["a".to_owned()], vec!["b".to_owned()]]
    );
}

#[test]
fn a_continued_heading_tops_every_page_but_the_first() {
    let mut blocks = vec![Block::ContinuedHeading {
        text: "Ann Jones, 2 December 2026".into(),
    }];
    blocks.extend((0..100).map(|i| Block::text(format!("line {i}"))));
    let layout = lay_out(&blocks, &opts());
    assert!(layout.pages.len() >= 2);
    for (i, page) in layout.pages.iter().enumerate() {
        let headed = page
            .texts()
            .any(|t| t.text == "Ann Jones, 2 December 2026" && t.y < layout.area.top);
        assert_eq!(headed, i > 0, "page {}", i + 1);
    }
}
