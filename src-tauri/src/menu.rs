//! The app menu: File (print the pack, lock, quit), View (text size, contrast), Help (help,
//! about). Each item only tells the webview which item was chosen (the event "menu" with the
//! item's id); the webview does what the matching button does, so there is one way to do each
//! thing. The keys (Ctrl+P, Ctrl+L) are handled in the webview; the labels name them.

use tauri::menu::{Menu, MenuBuilder, MenuEvent, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

/// The ids the webview listens for (ui/src/lib/menu.ts).
pub const ITEMS: [&str; 5] = ["print-pack", "lock", "settings", "help", "about"];

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let file = SubmenuBuilder::new(app, "File")
        .text("print-pack", "Print the prep pack  (Ctrl+P)")
        .text("lock", "Lock my profile  (Ctrl+L)")
        .separator()
        .quit_with_text("Close Second Opinion")
        .build()?;
    let view = SubmenuBuilder::new(app, "View")
        .text("settings", "Text size and colours…")
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .text("help", "How to use Second Opinion  (F1)")
        .separator()
        .text("about", "About Second Opinion")
        .build()?;
    MenuBuilder::new(app).items(&[&file, &view, &help]).build()
}

/// Passes a chosen item to the webview.
pub fn chosen<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    if ITEMS.contains(&id) {
        if let Err(error) = app.emit("menu", id) {
            tracing::warn!(%error, "could not pass a menu choice to the window");
        }
    }
}
