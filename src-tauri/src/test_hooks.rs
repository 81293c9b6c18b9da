//! The `SECOND_OPINION_TEST_*` environment variables exist only in test builds: the `test-hooks`
//! cargo feature, which `scripts/build-app.sh` (the end-to-end tests) and `scripts/perf.sh` turn
//! on and `scripts/release.sh` never does. In other builds [`test_hook!`] is `None`, and the
//! variable's name is not even compiled in.

/// The value of the test variable `$name` in a test build; `None` in any other.
macro_rules! test_hook {
    ($name:literal) => {{
        #[cfg(feature = "test-hooks")]
        let value = std::env::var_os($name);
        #[cfg(not(feature = "test-hooks"))]
        let value: Option<std::ffi::OsString> = None;
        value
    }};
}
