//! Any bytes as a content file: loads, or is a `content` error. Never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    if let Err(e) = backend::content::Content::load([("content/fuzz.toml".to_owned(), text)]) {
        assert_eq!(e.code(), "content");
    }
});
