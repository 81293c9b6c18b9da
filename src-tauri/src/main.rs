// Prevents an extra console window on Windows in release.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Every block the app's Rust code frees is zeroed first: case text, passphrases and recovery
/// codes pass through many short-lived strings (IPC messages, JSON, SQL values), and none of
/// them may linger in freed memory after Lock.
#[global_allocator]
static ALLOCATOR: zeroizing_alloc::ZeroAlloc<std::alloc::System> =
    zeroizing_alloc::ZeroAlloc(std::alloc::System);

fn main() {
    second_opinion_lib::run();
}
