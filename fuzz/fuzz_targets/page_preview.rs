//! Any bytes as a kept PDF whose first page is drawn for the window: a plain message, or a
//! picture within the preview's size limits. The rasteriser is young, so `page_picture`
//! contains a panic inside it; one that escapes is a crash here.
#![no_main]

use std::sync::Once;

use backend::documents::page_picture;
use libfuzzer_sys::fuzz_target;

static QUIET: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    // libFuzzer's panic hook aborts even on a panic that is caught: only one that escapes
    // `page_picture` should stop the run.
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    if let Ok(picture) = page_picture(data, 0, 64) {
        assert!(picture.width <= 1_600 && picture.pages >= 1);
        assert!(u64::from(picture.width) * u64::from(picture.height) <= 1_600 * 2_400);
    }
});
