//! The recovery sheet: a sheet to copy a profile's recovery code onto by hand, with what the
//! code is for and how to keep it. It never holds the code: a PDF is a file, and a file with
//! the code in it (in the save folder, a print spool or a viewer's cache) would open the
//! profile from a copy of its folder. The app shows the code once on screen to be written
//! into the sheet's boxes, then asks for it back to check the copy. No health data: only the
//! profile's display name and the date made.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::layout::{lay_out, Block, Layout, LayoutOptions, Span};
use super::letter::one_line;
use super::pdf::PdfInfo;
use super::printable::printable_field;
use super::DocumentOptions;
use crate::dates;
use crate::error::Result;
use crate::profiles::{RECOVERY_CODE_CHARS, RECOVERY_CODE_GROUP};

pub(crate) const RECOVERY_SHEET_TITLE: &str = "Second Opinion — recovery sheet";
pub(super) const RECOVERY_SHEET_STEM: &str = "second-opinion-recovery-sheet";

/// What the recovery sheet prints (never the code itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecoverySheet {
    /// The profile's display name.
    pub profile_name: String,
    /// The day the sheet was made.
    #[ts(type = "string")]
    pub made: NaiveDate,
}

pub(crate) fn recovery_sheet(
    sheet: &RecoverySheet,
    options: &DocumentOptions,
) -> Result<(Layout, PdfInfo)> {
    let name = one_line(&printable_field("The profile's name", &sheet.profile_name)?);
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
        Block::heading(3, "Write your recovery code for Second Opinion here"),
        Block::text(
            "Copy the code from the screen into these boxes, four letters or numbers in each \
             box, in order. The app never prints or saves the code: this is the only copy.",
        ),
        Block::CodeBoxes {
            count: RECOVERY_CODE_CHARS / RECOVERY_CODE_GROUP,
            chars: RECOVERY_CODE_GROUP,
        },
        Block::text(
            "The code uses only capital letters and the numbers 2 to 9: no letter O or I, no \
             number 0 or 1. The app then asks you to type the code from this sheet, to check it.",
        ),
        Block::heading(2, "Keep this somewhere safe"),
        bullets(&[
            "You need this code if you forget your passphrase.",
            "Anyone with this code can open your information. Do not show it to anyone you \
             would not trust with your health details.",
            "Keep it with your passport or other important papers, not by the computer. Never \
             photograph it.",
        ]),
    ];
    let layout = lay_out(
        &blocks,
        &LayoutOptions {
            paper: options.paper.into(),
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
