//! Any bytes as a profile export file: `not_an_export` (or `database_too_new`), or a header
//! this app can read. Never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = backend::profiles::check_export_bytes(data) {
        assert!(
            matches!(e.code(), "not_an_export" | "database_too_new"),
            "{}",
            e.code()
        );
    }
});
