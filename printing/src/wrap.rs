//! Line breaking: text in one or both faces broken into lines no wider than a measure.
//!
//! Invariants:
//! - Text is measured and drawn composed (see [`super::text::composed`]), so an accent typed
//!   after its letter prints on that letter.
//! - Lines break only at the opportunities of the Unicode line breaking algorithm (UAX #14):
//!   after spaces, after the hyphen of a hyphenated word, after a dash or a slash, and so on,
//!   never between a word and its full stop. `\n` always breaks.
//! - A stretch with no opportunity that is wider than a line (a very long word) is broken
//!   between grapheme clusters (UAX #29), never inside one: a combining mark stays with its
//!   letter. No line is wider than the measure unless it holds a single cluster.
//! - Spaces inside a line, and at the start of a paragraph, are kept as typed; the spaces where
//!   a line breaks are dropped.
//! - Widths are the fonts' own advances, without kerning (see [`super::fonts`]).

use std::ops::Range;

use unicode_linebreak::linebreaks;
use unicode_segmentation::UnicodeSegmentation;

use super::fonts::{metrics, Face};
use super::text::composed;

/// A stretch of text in one weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
}

impl Span {
    pub fn regular(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: true,
        }
    }
}

/// Text in one face, part of a [`Line`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Run {
    pub(super) text: String,
    pub(super) face: Face,
}

/// A wrapped line: runs of text, one per change of face, with no spaces at the end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Line {
    runs: Vec<Run>,
}

impl Line {
    /// `text` on one line in `face`, as it is (no breaking).
    pub(super) fn unbroken(text: &str, face: Face) -> Line {
        let mut line = Line::default();
        line.push(&composed(text), face);
        line
    }

    pub(super) fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    pub(super) fn into_runs(self) -> Vec<Run> {
        self.runs
    }

    /// Width at 1 pt.
    pub(super) fn unit_width(&self) -> f32 {
        self.runs
            .iter()
            .flat_map(|r| r.text.chars().map(|c| advance(c, r.face)))
            .sum()
    }

    /// The line's text, all faces together.
    #[cfg(test)]
    pub(super) fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    fn push(&mut self, text: &str, face: Face) {
        if text.is_empty() {
            return;
        }
        match self.runs.last_mut() {
            Some(run) if run.face == face => run.text.push_str(text),
            _ => self.runs.push(Run {
                text: text.to_owned(),
                face,
            }),
        }
    }
}

fn face_of(bold: bool) -> Face {
    if bold {
        Face::Bold
    } else {
        Face::Regular
    }
}

pub(super) fn advance(c: char, face: Face) -> f32 {
    metrics(face).advance(c)
}

/// The text between two `\n`s, which may change face.
#[derive(Debug, Default)]
struct HardLine {
    text: String,
    /// Where each face starts in `text`, in order.
    faces: Vec<(usize, Face)>,
}

impl HardLine {
    fn push(&mut self, text: &str, face: Face) {
        if !text.is_empty() {
            self.faces.push((self.text.len(), face));
            self.text.push_str(text);
        }
    }

    fn clear(&mut self) {
        self.text.clear();
        self.faces.clear();
    }
}

/// A grapheme cluster of a hard line: the smallest piece that is never split.
#[derive(Debug)]
struct Cluster {
    bytes: Range<usize>,
    face: Face,
    /// At 1 pt.
    width: f32,
    /// Only whitespace: dropped where a line breaks after it.
    blank: bool,
    /// A line may break after it.
    break_after: bool,
}

/// Breaks spans into lines no wider than `max` at `size` (see the module's invariants).
pub(super) fn wrap(spans: &[Span], size: f32, max: f32) -> Vec<Line> {
    let max_units = max / size;
    let mut lines: Vec<Line> = Vec::new();
    let mut hard = HardLine::default();
    for span in spans {
        let face = face_of(span.bold);
        let text = composed(&span.text);
        let mut pieces = text.split('\n');
        if let Some(first) = pieces.next() {
            hard.push(first, face);
        }
        for piece in pieces {
            wrap_hard_line(&hard, max_units, &mut lines);
            hard.clear();
            hard.push(piece, face);
        }
    }
    wrap_hard_line(&hard, max_units, &mut lines);
    lines
}

/// The clusters of a hard line, each marked where a line may break after it. A break
/// opportunity inside a cluster (UAX #14 allows one between a space and a mark placed on it)
/// is not taken.
fn clusters(hard: &HardLine) -> Vec<Cluster> {
    let text = hard.text.as_str();
    let mut opportunities = linebreaks(text).map(|(at, _)| at).peekable();
    let mut faces = hard.faces.iter().peekable();
    let mut face = Face::Regular;
    text.grapheme_indices(true)
        .map(|(start, g)| {
            let end = start + g.len();
            // A cluster that straddles a change of face is drawn in the face it starts in.
            while let Some((_, f)) = faces.next_if(|(at, _)| *at <= start) {
                face = *f;
            }
            while opportunities.next_if(|at| *at < end).is_some() {}
            // Every break before the end of the text is only an opportunity: the only
            // mandatory break in printable text, `\n`, was split off already.
            let break_after = opportunities.next_if_eq(&end).is_some();
            Cluster {
                bytes: start..end,
                face,
                width: g.chars().map(|c| advance(c, face)).sum(),
                blank: g.chars().all(char::is_whitespace),
                break_after,
            }
        })
        .collect()
}

/// Greedy line breaking of one hard line (no `\n`), widths in units of the text size.
fn wrap_hard_line(hard: &HardLine, max: f32, out: &mut Vec<Line>) {
    let clusters = clusters(hard);
    let text = hard.text.as_str();
    let mut line = Line::default();
    let mut width = 0.0_f32; // of `line`, which never ends in a space
    let push = |line: &mut Line, range: Range<usize>| {
        for c in &clusters[range] {
            line.push(&text[c.bytes.clone()], c.face);
        }
    };
    // Clusters after the last word placed: the spaces before the next word.
    let mut after_word = 0;
    let mut start_of_hard_line = true;
    let mut from = 0;
    while from < clusters.len() {
        // A segment runs to the next break opportunity: a word, and the spaces after it.
        let to = clusters[from..]
            .iter()
            .position(|c| c.break_after)
            .map_or(clusters.len(), |p| from + p + 1);
        let segment = from..to;
        from = to;
        let Some(last) = clusters[segment.clone()].iter().rposition(|c| !c.blank) else {
            continue; // only spaces: they go with the next word
        };
        let word = segment.start..segment.start + last + 1;
        let spaces = after_word..word.start;
        let spaces_width: f32 = clusters[spaces.clone()].iter().map(|c| c.width).sum();
        let word_width: f32 = clusters[word.clone()].iter().map(|c| c.width).sum();
        after_word = word.end;

        // Spaces typed at the very start of a paragraph are kept (indentation as typed).
        let keep_spaces = !line.is_empty() || start_of_hard_line;
        let lead = if keep_spaces { spaces_width } else { 0.0 };
        if width + lead + word_width <= max {
            if keep_spaces {
                push(&mut line, spaces);
                width += lead;
            }
            push(&mut line, word);
            width += word_width;
        } else {
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
                width = 0.0;
            }
            if word_width <= max {
                push(&mut line, word);
                width = word_width;
            } else {
                // Wider than a line: fill lines cluster by cluster.
                for i in word {
                    let w = clusters[i].width;
                    if width + w > max && !line.is_empty() {
                        out.push(std::mem::take(&mut line));
                        width = 0.0;
                    }
                    push(&mut line, i..i + 1);
                    width += w;
                }
            }
        }
        start_of_hard_line = false;
    }
    if !line.is_empty() || out.is_empty() || start_of_hard_line {
        out.push(line);
    }
}

/// `text` on one line no wider than `room` at `size`, shortened with "…" if needed (between
/// grapheme clusters).
pub(super) fn fit(text: &str, size: f32, room: f32) -> String {
    let text: String = composed(text)
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let m = metrics(Face::Regular);
    if m.width(&text, size) <= room {
        return text;
    }
    let ellipsis = m.width("…", size);
    let mut out = String::new();
    let mut w = 0.0;
    for g in text.graphemes(true) {
        let a = m.width(g, size);
        if w + a + ellipsis > room {
            break;
        }
        out.push_str(g);
        w += a;
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    /// The width of `text` in the regular face at 1 pt.
    fn units(text: &str) -> f32 {
        metrics(Face::Regular).width(text, 1.0)
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
                    face: Face::Bold
                },
                Run {
                    text: "Ann".into(),
                    face: Face::Regular
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
        let s = fit(&"word ".repeat(100), 9.0, 200.0);
        assert!(s.ends_with('…'));
        assert!(metrics(Face::Regular).width(&s, 9.0) <= 200.0);
        let s = fit(&"x\u{30a}".repeat(100), 9.0, 50.0);
        assert!(s.trim_end_matches('…').ends_with('\u{30a}'), "{s:?}");
    }
}
