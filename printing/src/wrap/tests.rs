use super::*;

fn texts(lines: &[Line]) -> Vec<String> {
    lines.iter().map(Line::text).collect()
}

/// The width of `text` in the regular face at 1 pt.
fn units(text: &str) -> f32 {
    crate::fonts::metrics(Face::Regular).width(text, 1.0)
}

#[test]
fn wrap_breaks_at_spaces_and_keeps_inner_spaces() {
    let lines = wrap(&[Span::regular("aa  bb cc")], 10.0, 1000.0);
    assert_eq!(texts(&lines), ["aa  bb cc"]);
    let lines = wrap(&[Span::regular("aaaa bbbb")], 10.0, units("aaaaa") * 10.0);
    assert_eq!(
        texts(&lines),
        ["aaaa", "bbbb"],
        "the space at the break is dropped"
    );
}

#[test]
fn spaces_at_the_start_of_a_paragraph_are_kept() {
    let lines = wrap(&[Span::regular("  indented\n    more")], 10.0, 1000.0);
    assert_eq!(texts(&lines), ["  indented", "    more"]);
}

#[test]
fn long_words_break_between_characters() {
    let word = "x".repeat(400);
    let max = 200.0;
    let lines = wrap(&[Span::regular(word.clone())], 12.0, max);
    assert!(lines.len() > 1);
    for l in &lines {
        assert!(l.unit_width() * 12.0 <= max + 0.001);
    }
    assert_eq!(texts(&lines).concat(), word, "nothing is lost");
}

#[test]
fn newlines_break_and_empty_lines_are_kept() {
    let lines = wrap(&[Span::regular("a\n\nb")], 12.0, 300.0);
    assert_eq!(texts(&lines), ["a", "", "b"]);
}

#[test]
fn faces_change_within_a_line() {
    let lines = wrap(&[Span::bold("Name: "), Span::regular("Ann")], 12.0, 300.0);
    let runs = lines[0].clone().into_runs();
    assert_eq!(
        runs,
        [
            Run {
                text: "Name: ".into(),
                face: Face::Bold,
                level: 0
            },
            Run {
                text: "Ann".into(),
                face: Face::Regular,
                level: 0
            }
        ]
    );
}

#[test]
fn a_full_line_breaks_after_the_hyphen_of_a_hyphenated_word() {
    // Room for "an ice-" but not for "an ice-cream".
    let max = units("an ice-crea") * 12.0;
    let lines = wrap(&[Span::regular("an ice-cream")], 12.0, max);
    assert_eq!(texts(&lines), ["an ice-", "cream"]);
    // No break between a word and its full stop, nor inside a date.
    let max = units("It is 21/11/20") * 12.0;
    let lines = wrap(&[Span::regular("It is 21/11/2026.")], 12.0, max);
    assert_eq!(texts(&lines), ["It is", "21/11/2026."]);
}

#[test]
fn a_long_word_of_combining_sequences_is_never_split_inside_a_cluster() {
    // Letters with marks the fonts have no composed letter for, so they stay decomposed:
    // each letter and its marks is one grapheme cluster.
    let cluster = "x\u{30a}\u{301}";
    assert_eq!(composed(cluster), cluster, "no composed form to print");
    let word = cluster.repeat(200);
    let max = units(&cluster.repeat(7)) * 12.0 + 0.5;
    let lines = wrap(&[Span::regular(word.clone())], 12.0, max);
    assert!(lines.len() > 20, "{}", lines.len());
    for line in &lines {
        let text = line.text();
        assert!(text.starts_with('x'), "a line starts with a mark: {text:?}");
        assert_eq!(
            text,
            cluster.repeat(text.matches('x').count()),
            "split in a cluster"
        );
        assert!(line.unit_width() * 12.0 <= max + 0.001);
    }
    assert_eq!(texts(&lines).concat(), word, "nothing is lost");
    // In a measure narrower than one letter, each line holds one whole cluster (the marks
    // have no width of their own, so nothing else would stop them starting a line).
    let lines = wrap(&[Span::regular(cluster.repeat(5))], 12.0, 1.0);
    assert_eq!(texts(&lines), vec![cluster; 5]);
}

#[test]
fn a_mark_placed_on_a_space_stays_on_it() {
    // UAX #14 alone would allow a break between the space and its mark.
    let max = units("aaaa") * 12.0;
    let lines = wrap(&[Span::regular("aaaa \u{30a}bbb")], 12.0, max);
    assert_eq!(texts(&lines).concat(), "aaaa \u{30a}bbb");
    assert!(lines.iter().all(|l| !l.text().starts_with('\u{30a}')));
}

#[test]
fn decomposed_accents_are_measured_and_drawn_composed() {
    let lines = wrap(
        &[Span::regular("A\u{30a}ngstro\u{308}m w\u{302}")],
        12.0,
        300.0,
    );
    assert_eq!(texts(&lines), ["Ångström ŵ"]);
    assert_eq!(
        Line::unbroken("o\u{308}", Face::Bold).text(),
        "ö",
        "unbroken lines too"
    );
}

#[test]
fn long_running_titles_are_shortened() {
    let line = fit(&"word ".repeat(100), 9.0, 200.0);
    assert!(line.text().ends_with("word…"), "{}", line.text());
    assert!(line.unit_width() * 9.0 <= 200.0);
    let s = fit(&"x\u{30a}".repeat(100), 9.0, 50.0).text();
    assert!(s.trim_end_matches('…').ends_with('\u{30a}'), "{s:?}");
}

#[test]
fn arabic_is_one_right_to_left_run_and_english_beside_it_keeps_its_place() {
    let lines = wrap(&[Span::regular("Name: محمد علی and more")], 12.0, 1000.0);
    let runs = lines[0].clone().into_runs();
    let texts: Vec<(&str, Face, bool)> = runs
        .iter()
        .map(|r| (r.text.as_str(), r.face, r.rtl()))
        .collect();
    assert_eq!(
        texts,
        [
            ("Name: ", Face::Regular, false),
            ("محمد علی", Face::Arabic, true),
            (" and more", Face::Regular, false)
        ]
    );
    // A right-to-left paragraph: its runs are drawn in the opposite order.
    let lines = wrap(&[Span::regular("أنا Ann هنا")], 12.0, 1000.0);
    let runs = lines[0].clone().into_runs();
    let texts: Vec<&str> = runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["هنا", " ", "Ann", "أنا "]);
}

#[test]
fn shaped_text_is_measured_as_drawn_and_wraps_between_words() {
    let text = "আমি দ্বিতীয় মতামত চাই ".repeat(20);
    let max = 200.0;
    let lines = wrap(&[Span::regular(text.clone())], 12.0, max);
    assert!(lines.len() > 3, "{}", lines.len());
    for l in &lines {
        assert!(
            l.unit_width() * 12.0 <= max + 0.5,
            "{}",
            l.unit_width() * 12.0
        );
        assert!(!l.text().starts_with(' '));
    }
}

#[test]
fn ascii_is_cut_into_the_clusters_the_segmentation_tables_give() {
    // Every pair of ASCII characters but the carriage return, which printable text never has.
    let ascii: Vec<char> = (0u8..0x80).map(char::from).filter(|&c| c != '\r').collect();
    for &a in &ascii {
        for &b in &ascii {
            let text: String = [a, b, a].iter().collect();
            let fast: Vec<(usize, &str)> = grapheme_indices(&text).collect();
            let by_table: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
            assert_eq!(fast, by_table, "{text:?}");
        }
    }
    let mixed = "ŵyr a\u{301}";
    let cut: Vec<(usize, &str)> = grapheme_indices(mixed).collect();
    assert_eq!(cut, mixed.grapheme_indices(true).collect::<Vec<_>>());
}
