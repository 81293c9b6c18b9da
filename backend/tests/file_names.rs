//! Every file name the app suggests is valid on Windows, macOS and Linux: the documents' own
//! names, the recovery sheet's and the profile export's.

use backend::content::Content;
use backend::documents::{self, DocumentOptions, RecoverySheet};
use backend::file_names::portability_problem;
use chrono::NaiveDate;

#[test]
fn every_name_the_app_suggests_is_portable() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
    let sheet = RecoverySheet {
        profile_name: "Ann".into(),
        made: day,
    };
    let recovery =
        documents::recovery_sheet(&sheet, &DocumentOptions::default()).expect("recovery sheet");
    let mut names = vec![backend::profiles::export_file_name(day), recovery.file_name];
    let content = Content::embedded().expect("content");
    for letter in content.letters() {
        names.push(format!("{}-2026-11-21.pdf", letter.file_stem));
    }
    assert!(names.len() > 3);
    for name in names {
        assert_eq!(portability_problem(&name), None, "{name}");
    }
}
