//! Start-up: the UI says when its first screen is interactive. Only the start-up measurement
//! (`scripts/perf.sh`) listens; in normal use this does nothing. The `startup` commands.

use std::path::Path;

use super::session::Now;
use crate::error::Result;

/// Writes `now` (milliseconds since 1970) to the start-up measurement's file, if one was given.
pub fn report_ready(ready_file: Option<&Path>, now: &Now) -> Result<()> {
    let Some(path) = ready_file else {
        return Ok(());
    };
    std::fs::write(path, format!("{}\n", now.at.timestamp_millis()))?;
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
