//! A bare Tauri 2 window showing "Hello", which says when it is interactive in the same way as
//! Second Opinion (`report_ready` writes "now" to the file named by
//! SECOND_OPINION_TEST_READY_FILE), so scripts/perf.sh measures both alike.

use std::time::{SystemTime, UNIX_EPOCH};

#[tauri::command]
fn report_ready() {
    if let Some(path) = std::env::var_os("SECOND_OPINION_TEST_READY_FILE") {
        let ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default();
        let _ = std::fs::write(path, format!("{ms}\n"));
    }
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![report_ready])
        .run(tauri::generate_context!())
        .expect("error while running the hello world");
}
