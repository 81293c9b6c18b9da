//! File names the app suggests (documents, exports) must be valid on Windows, macOS and Linux.
//!
//! Windows is the strictest: no `< > : " / \ | ? *`, no control characters, no name ending in a
//! dot or a space, and none of the reserved device names (CON, PRN, AUX, NUL, COM1-9, LPT1-9,
//! also with an extension: "nul.pdf" is the NUL device). Names are kept to ASCII letters,
//! digits, `-`, `_` and `.` in practice, and short enough for any file system.

use crate::error::{Error, Result};

/// The longest name suggested (most file systems allow 255 bytes; leave room for " (2)").
pub const MAX_FILE_NAME_BYTES: usize = 200;

const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Why `name` cannot be used as a file name on every OS, or `None` when it can.
pub fn portability_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("the name is empty".into());
    }
    if name.len() > MAX_FILE_NAME_BYTES {
        return Some(format!(
            "the name is longer than {MAX_FILE_NAME_BYTES} bytes"
        ));
    }
    if let Some(c) = name.chars().find(|c| {
        matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*') || c.is_control()
    }) {
        return Some(format!("the name has {c:?}, which Windows does not allow"));
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some("the name ends with a dot or a space, which Windows drops".into());
    }
    if name.starts_with('.') {
        return Some("the name starts with a dot, which hides the file on macOS and Linux".into());
    }
    let base = name.split('.').next().unwrap_or(name).trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(base)) {
        return Some(format!("\"{base}\" is a reserved device name on Windows"));
    }
    None
}

/// Checks a file name the app suggests; [`Error::Document`] saying why when it is not portable.
pub fn check_portable(name: &str) -> Result<()> {
    match portability_problem(name) {
        None => Ok(()),
        Some(why) => Err(Error::Document(format!(
            "The file name \"{name}\" cannot be used: {why}."
        ))),
    }
}

/// The path with `extension` added when the person typed a name without it ("letter" becomes
/// "letter.pdf"): Windows and macOS choose the program that opens a file by its extension, so a
/// PDF saved without ".pdf" would not open in the PDF viewer. A name that already ends in it
/// (in any case: "Letter.PDF") is kept as it is.
pub fn with_extension(path: &std::path::Path, extension: &str) -> std::path::PathBuf {
    let has = path
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(extension));
    if has {
        path.to_path_buf()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(extension);
        std::path::PathBuf::from(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_name_gets_its_extension_once() {
        use std::path::Path;
        let pdf = |p: &str| with_extension(Path::new(p), "pdf");
        assert_eq!(pdf("/home/ann/letter"), Path::new("/home/ann/letter.pdf"));
        assert_eq!(
            pdf("/home/ann/letter.pdf"),
            Path::new("/home/ann/letter.pdf")
        );
        assert_eq!(
            pdf("/home/ann/Letter.PDF"),
            Path::new("/home/ann/Letter.PDF")
        );
        assert_eq!(
            pdf("/home/ann/letter.v2"),
            Path::new("/home/ann/letter.v2.pdf")
        );
        assert_eq!(
            pdf("C:/Users/Ann/gp letter"),
            Path::new("C:/Users/Ann/gp letter.pdf")
        );
    }

    #[test]
    fn ordinary_names_are_portable() {
        for ok in [
            "second-opinion-appointment-pack-2026-11-21.pdf",
            "gp-letter_2026-11-21.pdf",
            "second-opinion-profile-2026-11-21.soprofile",
            "console.pdf",
            "nullable.txt",
            "com10.pdf",
        ] {
            assert_eq!(portability_problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn windows_forbidden_names_are_refused() {
        for bad in [
            "",
            "a<b.pdf",
            "a>b.pdf",
            "a:b.pdf",
            "a\"b.pdf",
            "a/b.pdf",
            "a\\b.pdf",
            "a|b.pdf",
            "a?b.pdf",
            "a*b.pdf",
            "tab\there.pdf",
            "new\nline.pdf",
            "ends-with-dot.",
            "ends-with-space.pdf ",
            "CON",
            "con.pdf",
            "Nul.pdf",
            "nul .pdf",
            "COM1.pdf",
            "lpt9",
            "aux.tar.gz",
            ".hidden.pdf",
        ] {
            assert!(
                portability_problem(bad).is_some(),
                "{bad:?} should be refused"
            );
            assert_eq!(check_portable(bad).expect_err("refused").code(), "document");
        }
        assert!(portability_problem(&"a".repeat(MAX_FILE_NAME_BYTES + 1)).is_some());
    }
}
