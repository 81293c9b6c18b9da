//! What a locked app leaves in memory: nothing typed.
//!
//! Rust's freed memory is zeroed by the global allocator (`main.rs`), SQLCipher wipes its own
//! (`cipher_memory_security`), secrets arrive as zeroising strings, and on Lock the window's
//! web content is thrown away with its JavaScript heap. On Linux the process is also made
//! non-dumpable, so another program of the same user cannot read its memory.

use tauri::{AppHandle, Manager, Runtime};

use crate::state::Settings;

/// Throws away every window's web content and loads the app again from the start (the
/// profile picker). On Linux the web process itself is ended, so its whole heap goes back to
/// the system, and WebKit starts a new one for the reload. On Windows and macOS the page is
/// reloaded: its JavaScript heap is dropped, in the same browser process.
pub fn forget_window<R: Runtime>(app: &AppHandle<R>, settings: &Settings) {
    for window in app.webview_windows().into_values() {
        if settings.test_keep_web_process {
            if window.reload().is_err() {
                tracing::warn!("the window could not be reloaded");
            }
            continue;
        }
        #[cfg(target_os = "linux")]
        let done = window.with_webview(|webview| {
            use webkit2gtk::WebViewExt;
            let view = webview.inner();
            view.terminate_web_process();
            view.reload();
        });
        #[cfg(not(target_os = "linux"))]
        let done = window.reload();
        if done.is_err() {
            tracing::warn!("the window's content could not be thrown away");
        }
    }
}

/// No core dumps, and no reading of this process's memory by another process of the same
/// user (ptrace, `/proc/<pid>/mem`). Windows has no such switch for an ordinary program; on
/// macOS the signed release's hardened runtime refuses debuggers.
pub fn make_undumpable() {
    #[cfg(target_os = "linux")]
    if rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable)
        .is_err()
    {
        tracing::warn!("could not make the process non-dumpable");
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn the_process_is_made_non_dumpable() {
        super::make_undumpable();
        assert_eq!(
            rustix::process::dumpable_behavior().expect("prctl"),
            rustix::process::DumpableBehavior::NotDumpable
        );
    }
}
