//! Start-up: the UI says when its first screen is interactive, with the moments each part of
//! the start was reached. Only the start-up measurement (`scripts/perf.sh`) listens; in normal
//! use this does nothing. The `startup` commands.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::now::Now;
use crate::error::Result;

/// At most this many marks are written: the window sends a handful, and a test hook must not
/// let a page write an unbounded file.
const MAX_MARKS: usize = 32;

/// One moment of the start: a short name and when it was reached (milliseconds since 1970, as
/// the page's `performance.timeOrigin + performance.now()` or the shell's clock).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StartupMark {
    pub name: String,
    pub at_ms: f64,
}

/// Writes `now` (milliseconds since 1970) to the start-up measurement's file, if one was given,
/// then one line per mark ("name ms"): the shell's own marks first, then the window's. Names
/// are cut to 40 letters, digits, hyphens and underscores, so the file stays one mark a line.
pub fn report_ready(
    ready_file: Option<&Path>,
    now: &Now,
    shell: &[StartupMark],
    window: &[StartupMark],
) -> Result<()> {
    let Some(path) = ready_file else {
        return Ok(());
    };
    let mut text = format!("{}\n", now.at.timestamp_millis());
    for mark in shell.iter().chain(window).take(MAX_MARKS) {
        let name: String = mark
            .name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .take(40)
            .collect();
        if name.is_empty() || !mark.at_ms.is_finite() {
            continue;
        }
        text.push_str(&format!("{name} {:.1}\n", mark.at_ms));
    }
    // Written whole, then renamed, so the measurement never reads half a file.
    let part = path.with_extension("part");
    std::fs::write(&part, text)?;
    std::fs::rename(&part, path)?;
    Ok(())
}

/// What the window shows if it cannot reach the backend at all (the very first call fails):
/// the urgent line that names every nation's route (Home's `emergency`) and the disclaimer,
/// from content, as TypeScript. Generated into `ui/src/lib/safety-lines.ts` and committed, so
/// the window is never without its urgent line and no sentence of it is copied by hand; the
/// test `safety_lines_are_up_to_date` fails when content changes and the file does not.
pub fn safety_lines_ts() -> Result<String> {
    let content = crate::content::Content::embedded()?;
    let quote =
        |s: &str| serde_json::to_string(s).map_err(|e| crate::Error::Content(e.to_string()));
    let disclaimer = content
        .about()?
        .disclaimer
        .iter()
        .map(|line| quote(line).map(|q| format!("  {q},\n")))
        .collect::<Result<String>>()?;
    Ok(format!(
        "// Generated from content/ by `UPDATE_BINDINGS=1 cargo test -p backend safety_lines`.\n\
         // Do not edit by hand. What the window shows when it cannot reach the backend at all:\n\
         // content's own urgent line for any nation, and the disclaimer.\n\n\
         export const URGENT_LINE_ANY_NATION = {};\n\n\
         export const DISCLAIMER: readonly string[] = [\n{disclaimer}];\n",
        quote(&content.home()?.emergency)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ready_file_holds_the_moment_then_one_clean_mark_a_line() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("ready");
        let now = Now::at(
            chrono::DateTime::parse_from_rfc3339("2026-12-02T10:00:00+00:00").expect("time"),
        );
        let mark = |name: &str, at_ms: f64| StartupMark {
            name: name.into(),
            at_ms,
        };
        let shell = [mark("shell-start", 1.0)];
        let mut window = vec![
            mark("first-paint", 2.5),
            mark("bad name\nwith a line", 3.0),
            mark("", 4.0),
            mark("nan", f64::NAN),
        ];
        window.extend((0..100).map(|i| mark("many", f64::from(i))));
        report_ready(Some(&path), &now, &shell, &window).expect("written");
        let text = std::fs::read_to_string(&path).expect("read");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], now.at.timestamp_millis().to_string());
        assert_eq!(lines[1], "shell-start 1.0");
        assert_eq!(lines[2], "first-paint 2.5");
        assert_eq!(lines[3], "badnamewithaline 3.0");
        assert!(lines.len() <= 1 + MAX_MARKS, "{} lines", lines.len());
        assert!(!text.contains("nan "));
        // No file asked for: nothing is written anywhere.
        report_ready(None, &now, &shell, &window).expect("nothing to do");
    }

    #[test]
    fn safety_lines_are_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/safety-lines.ts");
        let wanted = super::safety_lines_ts().expect("content loads");
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(path, &wanted).expect("write");
        }
        let found = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            found, wanted,
            "ui/src/lib/safety-lines.ts is out of date: run `UPDATE_BINDINGS=1 cargo test -p backend safety_lines`"
        );
        assert!(wanted.contains("999"), "the urgent line names 999");
    }
}
