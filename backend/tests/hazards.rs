//! The hazard log (`docs/HAZARDS.md`) names, for every hazard, the tests that prove its control.
//! This test fails if a named test does not exist, or a hazard lacks one of its parts.

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the repository")
        .to_path_buf()
}

fn log() -> String {
    std::fs::read_to_string(repo().join("docs/HAZARDS.md")).expect("docs/HAZARDS.md exists")
}

/// Each hazard: its heading and its text up to the next heading.
fn hazards(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(title) = line.strip_prefix("## H") {
            out.push((format!("H{title}"), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    out
}

/// The test references in a hazard's "Tests" list: every `code span` in it.
fn references(body: &str) -> Vec<String> {
    let tests = body
        .split_once("**Tests:**")
        .map(|(_, rest)| rest)
        .unwrap_or("");
    tests
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// Whether a reference names something that exists: `file.rs::function` (a `fn function(`),
/// `file.test.js::"title"` (a test with that title), or a file by itself.
fn exists(reference: &str) -> Result<(), String> {
    let (file, name) = match reference.split_once("::") {
        Some((file, name)) => (file, Some(name)),
        None => (reference, None),
    };
    let path = repo().join(file);
    let text = std::fs::read_to_string(&path).map_err(|_| format!("no file {file}"))?;
    match name {
        None => Ok(()),
        Some(name) if file.ends_with(".rs") => {
            // `fn name()`, or `fn name(args in strategy)` inside `proptest!`.
            let defined = text.contains(&format!("fn {name}("));
            let is_test = text
                .split(&format!("fn {name}("))
                .next()
                .is_some_and(|before| before.trim_end().ends_with("#[test]"));
            if defined && is_test {
                Ok(())
            } else {
                Err(format!("no #[test] fn {name}() in {file}"))
            }
        }
        Some(name) if file.ends_with(".js") => {
            let title = name
                .strip_prefix('"')
                .and_then(|n| n.strip_suffix('"'))
                .ok_or_else(|| format!("write an e2e title in double quotes: {name}"))?;
            // Titles are written in single quotes in the test files, with \' for apostrophes.
            let unescaped = text.replace("\\'", "'");
            if unescaped.contains(&format!("test('{title}',")) {
                Ok(())
            } else {
                Err(format!("no test('{title}', ...) in {file}"))
            }
        }
        Some(_) => Err(format!("a test in {file} cannot be checked")),
    }
}

#[test]
fn every_hazard_has_its_parts_and_at_least_one_test() {
    let text = log();
    let all = hazards(&text);
    assert!(all.len() >= 18, "{} hazards", all.len());
    for (title, body) in &all {
        for part in [
            "**Cause:**",
            "**Effect:**",
            "**Severity:**",
            "**Likelihood:**",
            "**Control:**",
            "**Tests:**",
        ] {
            assert!(body.contains(part), "{title} has no {part}");
        }
        assert!(!references(body).is_empty(), "{title} names no test");
        let number = title.split('.').next().unwrap_or_default();
        assert!(
            text.contains(&format!("| {number} ")),
            "{title} is missing from the summary table"
        );
    }
}

#[test]
fn every_test_named_in_the_hazard_log_exists() {
    let mut missing = Vec::new();
    let mut count = 0;
    for (title, body) in hazards(&log()) {
        for reference in references(&body) {
            count += 1;
            if let Err(e) = exists(&reference) {
                missing.push(format!("{title}: {e}"));
            }
        }
    }
    assert!(count > 40, "{count} references");
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn a_misnamed_test_is_caught() {
    assert!(exists("backend/tests/hazards.rs::a_misnamed_test_is_caught").is_ok());
    assert!(exists("backend/tests/hazards.rs::no_such_test").is_err());
    assert!(
        exists("backend/tests/hazards.rs::repo").is_err(),
        "not a test"
    );
    assert!(exists("backend/tests/no_such_file.rs::x").is_err());
    assert!(exists("tests/e2e/profiles.test.js::\"no such title\"").is_err());
    assert!(exists(
        "tests/e2e/profiles.test.js::\"a second person has their own profile and cannot see the first one's case\""
    )
    .is_ok());
}
