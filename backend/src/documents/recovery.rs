//! The recovery sheet: a profile's recovery code on paper, with what it is for and how to keep
//! it. It holds no health data: only the profile's display name, the code and the date made.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_segmentation::UnicodeSegmentation;

use super::layout::{lay_out, Block, Layout, LayoutOptions, Span};
use super::letter::one_line;
use super::pdf::PdfInfo;
use super::text::{composed, printable_field};
use super::DocumentOptions;
use crate::dates;
use crate::error::Result;

pub(crate) const RECOVERY_SHEET_TITLE: &str = "Second Opinion — recovery sheet";
pub(super) const RECOVERY_SHEET_STEM: &str = "second-opinion-recovery-sheet";

/// Characters per printed group of the code.
const GROUP: usize = 4;

/// What the recovery sheet prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecoverySheet {
    /// The profile's display name.
    pub profile_name: String,
    /// The recovery code, with or without dashes and spaces: printed in groups of four.
    pub recovery_code: String,
    /// The day the sheet was made.
    #[ts(type = "string")]
    pub made: NaiveDate,
}

/// The code's characters in groups of four (spaces and dashes dropped). A character is a
/// grapheme cluster, a letter with any marks on it: a mark typed on a dash keeps its dash (it
/// is not a dash then), never left alone or moved onto the letter before it. Like an invisible
/// character, a dropped space can bring a letter and the accent after it together.
fn groups(code: &str) -> Vec<String> {
    let kept: String = code
        .graphemes(true)
        .filter(|g| *g != "-" && !g.chars().all(char::is_whitespace))
        .collect();
    let kept = composed(&kept);
    let characters: Vec<&str> = kept.graphemes(true).collect();
    characters.chunks(GROUP).map(<[&str]>::concat).collect()
}

pub(crate) fn recovery_sheet(
    sheet: &RecoverySheet,
    options: &DocumentOptions,
) -> Result<(Layout, PdfInfo)> {
    let name = one_line(&printable_field("The profile's name", &sheet.profile_name)?);
    let code = printable_field("The recovery code", &sheet.recovery_code)?;
    let made = dates::long_uk(sheet.made);
    let bullets = |items: &[&str]| Block::BulletList {
        items: items.iter().map(|s| vec![Span::regular(*s)]).collect(),
    };
    let mut details = Vec::new();
    if !name.is_empty() {
        details.push(("Profile".to_owned(), name.clone()));
    }
    details.push(("Made on".to_owned(), made));
    let blocks = vec![
        Block::heading(0, "Recovery sheet"),
        Block::Details { rows: details },
        Block::heading(3, "Your recovery code for Second Opinion"),
        Block::CodeGroups {
            groups: groups(&code),
        },
        Block::text(
            "The code uses only capital letters and the numbers 2 to 9. There is no letter O or \
             I, and no number 0 or 1. When you type it, spaces and dashes do not matter.",
        ),
        Block::heading(2, "Keep this somewhere safe"),
        bullets(&[
            "You need this code if you forget your passphrase.",
            "Anyone with this code can open your information. Do not show it to anyone you \
             would not trust with your health details.",
            "Keep this sheet with your passport or other important papers. Do not keep it by \
             the computer, take a photo of it, or save it on the computer.",
        ]),
    ];
    let layout = lay_out(
        &blocks,
        &LayoutOptions {
            paper: options.paper,
            large_print: options.large_print,
            running_title: RECOVERY_SHEET_TITLE.to_owned(),
        },
    );
    let info = PdfInfo {
        title: RECOVERY_SHEET_TITLE.to_owned(),
        date: sheet.made,
    };
    Ok((layout, info))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_grouped_in_fours_without_dashes() {
        assert_eq!(groups("ABCD-EFGH JKLM2"), vec!["ABCD", "EFGH", "JKLM", "2"]);
        assert!(groups(" - ").is_empty());
    }

    #[test]
    fn a_mark_on_a_dash_stays_on_it() {
        assert_eq!(groups("-\u{30a}"), vec!["-\u{30a}"]);
        assert_eq!(groups("AB-\u{30a}CD"), vec!["AB-\u{30a}C", "D"]);
        assert_eq!(groups("ABCDE\u{301}FG"), vec!["ABCD", "ÉFG"]);
        assert_eq!(groups("BCDA\n\u{30a}E"), vec!["BCDÅ", "E"]);
    }
}
