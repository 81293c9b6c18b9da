// Prevents an extra console window on Windows in release.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use backend::documents::Cap;

/// Every block the app's Rust code frees is zeroed first: case text, passphrases and recovery
/// codes pass through many short-lived strings (IPC messages, JSON, SQL values), and none of
/// them may linger in freed memory after Lock. The count of what is held lets a page drawer
/// (this program started with `backend::documents::CHILD_ARG`) limit its own heap; the app
/// itself has no limit.
#[global_allocator]
static ALLOCATOR: Cap<zeroizing_alloc::ZeroAlloc<std::alloc::System>> =
    Cap::new(zeroizing_alloc::ZeroAlloc(std::alloc::System), usize::MAX);

fn main() {
    if second_opinion_lib::is_page_drawer(std::env::args_os()) {
        std::process::exit(second_opinion_lib::draw_page(&ALLOCATOR));
    }
    second_opinion_lib::run();
}
