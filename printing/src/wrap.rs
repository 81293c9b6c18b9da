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

use unicode_bidi::BidiInfo;
use unicode_linebreak::linebreaks;
use unicode_segmentation::UnicodeSegmentation;

use super::fonts::{face_for, Face};
use super::shape::{needs_shaping, shape, width};
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

/// Text in one face and one direction, part of a [`Line`]. The text is in reading (logical)
/// order; a right-to-left run is shaped right to left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Run {
    pub(super) text: String,
    pub(super) face: Face,
    /// Bidirectional embedding level (UAX #9): odd is right to left.
    pub(super) level: u8,
}

impl Run {
    pub(super) fn rtl(&self) -> bool {
        self.level % 2 == 1
    }

    /// Width at 1 pt, as drawn.
    pub(super) fn unit_width(&self) -> f32 {
        width(&self.text, self.face, self.rtl())
    }
}

/// A wrapped line: runs of text, one per change of face or direction, with no spaces at the
/// end. Runs are in reading order while a line is being filled and in visual order (left to
/// right, as drawn) once it is finished.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Line {
    runs: Vec<Run>,
}

impl Line {
    /// `text` on one line in the weight of `face`, as it is (no breaking).
    pub(super) fn unbroken(text: &str, face: Face) -> Line {
        let mut hard = HardLine::default();
        hard.push(&composed(text).replace('\n', " "), face.is_bold());
        let clusters = clusters(&hard);
        let mut line = Line::default();
        for c in &clusters {
            line.push(&hard.text[c.bytes.clone()], c.face, c.level);
        }
        line.visual()
    }

    pub(super) fn into_runs(self) -> Vec<Run> {
        self.runs
    }

    /// Width at 1 pt.
    pub(super) fn unit_width(&self) -> f32 {
        self.runs.iter().map(Run::unit_width).sum()
    }

    /// The line's text, all runs together, in visual order of runs.
    #[cfg(test)]
    pub(super) fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    fn push(&mut self, text: &str, face: Face, level: u8) {
        if text.is_empty() {
            return;
        }
        match self.runs.last_mut() {
            Some(run) if run.face == face && run.level == level => run.text.push_str(text),
            _ => self.runs.push(Run {
                text: text.to_owned(),
                face,
                level,
            }),
        }
    }

    /// The runs put in visual order (UAX #9, rule L2): from the highest level down to the
    /// lowest odd one, every sequence of runs at that level or higher is reversed.
    fn visual(mut self) -> Line {
        let highest = self.runs.iter().map(|r| r.level).max().unwrap_or(0);
        let lowest_odd = self
            .runs
            .iter()
            .map(|r| r.level)
            .filter(|l| l % 2 == 1)
            .min()
            .unwrap_or(highest + 1);
        let mut level = highest;
        while level >= lowest_odd && level > 0 {
            let mut i = 0;
            while i < self.runs.len() {
                if self.runs[i].level >= level {
                    let start = i;
                    while i < self.runs.len() && self.runs[i].level >= level {
                        i += 1;
                    }
                    self.runs[start..i].reverse();
                } else {
                    i += 1;
                }
            }
            level -= 1;
        }
        self
    }
}

/// The text between two `\n`s, which may change weight.
#[derive(Debug, Default)]
struct HardLine {
    text: String,
    /// Where each weight starts in `text`, in order (`true` for bold).
    weights: Vec<(usize, bool)>,
}

impl HardLine {
    fn push(&mut self, text: &str, bold: bool) {
        if !text.is_empty() {
            self.weights.push((self.text.len(), bold));
            self.text.push_str(text);
        }
    }

    fn clear(&mut self) {
        self.text.clear();
        self.weights.clear();
    }
}

/// A grapheme cluster of a hard line: the smallest piece that is never split.
#[derive(Debug)]
struct Cluster {
    bytes: Range<usize>,
    face: Face,
    /// Bidirectional level.
    level: u8,
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
        let text = composed(&span.text);
        let mut pieces = text.split('\n');
        if let Some(first) = pieces.next() {
            hard.push(first, span.bold);
        }
        for piece in pieces {
            wrap_hard_line(&hard, max_units, &mut lines);
            hard.clear();
            hard.push(piece, span.bold);
        }
    }
    wrap_hard_line(&hard, max_units, &mut lines);
    lines
}

/// Each byte's bidirectional level: the hard line is one paragraph, its direction that of its
/// first strong letter (UAX #9, rules P2 and P3).
fn levels(text: &str) -> Vec<u8> {
    let info = BidiInfo::new(text, None);
    if !info.has_rtl() {
        return vec![0; text.len()];
    }
    info.levels.iter().map(|l| l.number()).collect()
}

/// The grapheme clusters of `text` with their byte offsets. In ASCII without a carriage
/// return (printable text has none), every character is a cluster of its own, found without
/// the segmentation tables.
fn grapheme_indices(text: &str) -> Box<dyn Iterator<Item = (usize, &str)> + '_> {
    if text.bytes().all(|b| b.is_ascii() && b != b'\r') {
        Box::new((0..text.len()).map(move |i| (i, &text[i..=i])))
    } else {
        Box::new(text.grapheme_indices(true))
    }
}

/// The clusters of a hard line, each with its face, level and shaped width, and marked where a
/// line may break after it. A break opportunity inside a cluster (UAX #14 allows one between a
/// space and a mark placed on it) is not taken.
fn clusters(hard: &HardLine) -> Vec<Cluster> {
    let text = hard.text.as_str();
    let levels = levels(text);
    let mut opportunities = linebreaks(text).map(|(at, _)| at).peekable();
    let mut weights = hard.weights.iter().peekable();
    let mut bold = false;
    let mut face = None;
    let mut out: Vec<Cluster> = grapheme_indices(text)
        .map(|(start, g)| {
            let end = start + g.len();
            // A cluster that straddles a change of weight is drawn in the weight it starts in.
            while let Some((_, b)) = weights.next_if(|(at, _)| *at <= start) {
                bold = *b;
            }
            // Text is cleaned before layout, so some face has every cluster; the fallback
            // only keeps layout total.
            let level = levels.get(start).copied().unwrap_or(0);
            let before = face.filter(|(_, l)| *l == level).map(|(f, _)| f);
            let f =
                face_for(g, bold, before).unwrap_or(if bold { Face::Bold } else { Face::Regular });
            face = Some((f, level));
            while opportunities.next_if(|at| *at < end).is_some() {}
            // Every break before the end of the text is only an opportunity: the only
            // mandatory break in printable text, `\n`, was split off already.
            let break_after = opportunities.next_if_eq(&end).is_some();
            Cluster {
                bytes: start..end,
                face: f,
                level,
                width: 0.0,
                blank: g.chars().all(char::is_whitespace),
                break_after,
            }
        })
        .collect();
    measure(text, &mut out);
    out
}

/// Sets each cluster's width from its run shaped whole (a run: clusters of one face and
/// level), so joined letters and placed marks are measured as they are drawn. A glyph that
/// draws several clusters (a ligature) counts towards the first.
fn measure(text: &str, clusters: &mut [Cluster]) {
    let mut from = 0;
    while from < clusters.len() {
        let (face, level) = (clusters[from].face, clusters[from].level);
        let to = clusters[from..]
            .iter()
            .position(|c| c.face != face || c.level != level)
            .map_or(clusters.len(), |p| from + p);
        let run = &mut clusters[from..to];
        let base = run[0].bytes.start;
        let run_text = &text[base..run[run.len() - 1].bytes.end];
        if needs_shaping(face, run_text) {
            for g in shape(run_text, face, level % 2 == 1) {
                let at = base + g.cluster;
                let i = run
                    .partition_point(|c| c.bytes.end <= at)
                    .min(run.len() - 1);
                run[i].width += g.advance;
            }
        } else {
            for c in run.iter_mut() {
                c.width = width(&text[c.bytes.clone()], face, false);
            }
        }
        from = to;
    }
}

/// Greedy line breaking of one hard line (no `\n`), widths in units of the text size.
fn wrap_hard_line(hard: &HardLine, max: f32, out: &mut Vec<Line>) {
    let clusters = clusters(hard);
    // Each line as the clusters it holds.
    let mut lines: Vec<Vec<usize>> = Vec::new();
    let mut line: Vec<usize> = Vec::new();
    let mut width = 0.0_f32; // of `line`, which never ends in a space
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
                line.extend(spaces);
                width += lead;
            }
            line.extend(word);
            width += word_width;
        } else {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                width = 0.0;
            }
            if word_width <= max {
                line.extend(word);
                width = word_width;
            } else {
                // Wider than a line: fill lines cluster by cluster.
                for i in word {
                    let w = clusters[i].width;
                    if width + w > max && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        width = 0.0;
                    }
                    line.push(i);
                    width += w;
                }
            }
        }
        start_of_hard_line = false;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    finish_lines(hard, &clusters, lines, max, out);
}

/// The lines, in visual order. A line whose shaped text is wider than measured (a word split
/// between clusters, whose letters then join differently) gives its last clusters to the next
/// line until it fits, so no line is drawn wider than `max` unless it holds one cluster.
fn finish_lines(
    hard: &HardLine,
    clusters: &[Cluster],
    mut lines: Vec<Vec<usize>>,
    max: f32,
    out: &mut Vec<Line>,
) {
    let make = |indices: &[usize]| {
        let mut line = Line::default();
        for i in indices {
            let c = &clusters[*i];
            line.push(&hard.text[c.bytes.clone()], c.face, c.level);
        }
        line
    };
    let mut n = 0;
    while n < lines.len() {
        let mut line = make(&lines[n]);
        let shaped = line.runs.iter().any(|r| needs_shaping(r.face, &r.text));
        while shaped && lines[n].len() > 1 && line.unit_width() > max + 1e-4 {
            let moved = lines[n].pop().unwrap_or_default();
            if n + 1 == lines.len() {
                lines.push(Vec::new());
            }
            lines[n + 1].insert(0, moved);
            line = make(&lines[n]);
        }
        out.push(line.visual());
        n += 1;
    }
}

/// `text` on one line no wider than `room` at `size` in the regular weight, shortened with "…"
/// if needed (between grapheme clusters).
pub(super) fn fit(text: &str, size: f32, room: f32) -> Line {
    let mut hard = HardLine::default();
    hard.push(&composed(text).replace('\n', " "), false);
    let clusters = clusters(&hard);
    let room = room / size;
    let total: f32 = clusters.iter().map(|c| c.width).sum();
    let mut line = Line::default();
    if total <= room {
        for c in &clusters {
            line.push(&hard.text[c.bytes.clone()], c.face, c.level);
        }
        return line.visual();
    }
    let ellipsis = width("…", Face::Regular, false);
    let mut w = 0.0;
    let mut kept = 0;
    for c in &clusters {
        if w + c.width + ellipsis > room {
            break;
        }
        w += c.width;
        kept += 1;
    }
    while kept > 0 && clusters[kept - 1].blank {
        kept -= 1;
    }
    for c in &clusters[..kept] {
        line.push(&hard.text[c.bytes.clone()], c.face, c.level);
    }
    line.push("…", Face::Regular, 0);
    line.visual()
}

#[cfg(test)]
mod tests;
