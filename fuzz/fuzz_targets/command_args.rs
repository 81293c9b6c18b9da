//! Any bytes as a command's JSON arguments, decoded as the Tauri commands decode them: a
//! decoding error, or a value the backend then checks (`invalid_input` and the field codes).
//! Never panics.
#![no_main]

use backend::cases::{CaseDetails, Nation};
use backend::documents::pack::DocumentKind;
use backend::documents::DocumentOptions;
use backend::journey::Journey;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("valid date");
    if let Ok(details) = serde_json::from_slice::<CaseDetails>(data) {
        if let Err(e) = details.validate(today) {
            assert!(matches!(
                e.code(),
                "invalid_input" | "invalid_nhs_number" | "invalid_date_of_birth"
            ));
        }
    }
    if let Ok(journey) = serde_json::from_slice::<Journey>(data) {
        if let Err(e) = journey.validate() {
            assert_eq!(e.code(), "invalid_input");
        }
    }
    let _ = serde_json::from_slice::<DocumentOptions>(data);
    let _ = serde_json::from_slice::<DocumentKind>(data);
    let _ = serde_json::from_slice::<Nation>(data);
});
