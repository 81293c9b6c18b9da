//! Any bytes as a profile's `profile.json`, read as the app reads it before listing or opening
//! a profile: `profile_damaged` or `database_too_new`, or a profile that passes every check.
//! What is accepted reads back the same once the app has written it (so an idle time outside
//! the choices is replaced, not kept). Never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match backend::profiles::check_profile_json(data) {
        Err(e) => assert!(
            matches!(e.code(), "profile_damaged" | "database_too_new"),
            "{}",
            e.code()
        ),
        Ok(written) => {
            let again = backend::profiles::check_profile_json(&written)
                .expect("what the app writes, it reads back");
            assert_eq!(again, written, "reading is stable");
        }
    }
});
