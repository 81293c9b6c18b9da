//! The Windows job in `.github/workflows/check.yml` names the backend's test files one by one,
//! because Windows has no poppler or qpdf for the tests that read PDFs with them. This test keeps
//! that list whole: every test file runs there unless it uses one of those tools, and one that
//! does is left out, so a new test file cannot be silently skipped on Windows.

use std::path::{Path, PathBuf};

/// What a test file calls when it reads a PDF with poppler or qpdf (directly or through the
/// shared `support` helpers).
const PDF_TOOLS: &[&str] = &[
    "pdftotext",
    "pdffonts",
    "pdfinfo",
    "pdftoppm",
    "qpdf",
    "check_pdf",
    "tool(",
];

/// Test files left out on Windows for another reason than the PDF tools.
const NOT_ON_WINDOWS: &[(&str, &str)] = &[(
    "profiles_independent_reader",
    "its independent SQLCipher reader (Python's sqlcipher3-binary) ships wheels for Linux only",
)];

fn backend() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The `--test` names in the step called `name`.
fn tests_in_step(workflow: &str, name: &str) -> Vec<String> {
    let step = workflow
        .split("- name: ")
        .find(|s| s.starts_with(name))
        .unwrap_or_else(|| panic!("the workflow has a step called {name:?}"));
    step.split("--test ")
        .skip(1)
        .filter_map(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

/// Every integration-test file's name, and whether it reads PDFs with the tools.
fn test_files() -> Vec<(String, bool)> {
    let mut files: Vec<(String, bool)> = std::fs::read_dir(backend().join("tests"))
        .expect("backend/tests")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            let stem = p.file_stem().expect("stem").to_string_lossy().into_owned();
            // This file names the tools without using them.
            let uses_tools =
                stem != env!("CARGO_CRATE_NAME") && PDF_TOOLS.iter().any(|t| text.contains(t));
            (stem, uses_tools)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_windows_job_runs_every_test_file_that_needs_no_pdf_tools() {
    let workflow = std::fs::read_to_string(backend().join("../.github/workflows/check.yml"))
        .expect("the check workflow");
    let listed = tests_in_step(&workflow, "backend tests (Windows)");
    let files = test_files();
    assert!(
        files.iter().any(|(_, pdf)| *pdf) && files.iter().any(|(_, pdf)| !*pdf),
        "the tool check sorts the files both ways: {files:?}"
    );
    for name in &listed {
        assert!(
            files.iter().any(|(f, _)| f == name),
            "the Windows job names a test file that does not exist: {name}"
        );
    }
    for (name, needs_tools) in &files {
        let runs = listed.contains(name);
        if let Some((_, why)) = NOT_ON_WINDOWS.iter().find(|(n, _)| n == name) {
            assert!(!runs, "{name} cannot run on Windows: {why}");
        } else if *needs_tools {
            assert!(
                !runs,
                "{name} reads PDFs with poppler or qpdf, which Windows lacks"
            );
        } else {
            assert!(
                runs,
                "{name} needs no PDF tools but the Windows job never runs it: add \
                 `--test {name}` to the \"backend tests (Windows)\" step of check.yml"
            );
        }
    }
}
