//! The desktop shell: a window, its capabilities, and thin commands over `backend`.
//!
//! Invariant: no business rule lives here. Each command reads the clock ([`clock`]) and the
//! OS's randomness, calls the `backend::app` function of the same name, and turns its error into
//! `{code, message}` ([`backend::ErrorPayload`]).

#[macro_use]
mod test_hooks;
mod clock;
mod commands;
mod memory;
mod menu;
mod state;
mod system_lock;

use tauri::Manager;

/// Whether this program was started as a page drawer for the app (`printing::apart`), with
/// `args` its command line.
pub fn is_page_drawer(mut args: impl Iterator<Item = std::ffi::OsString>) -> bool {
    args.nth(1)
        .is_some_and(|arg| arg == backend::documents::CHILD_ARG)
}

/// The page drawer's whole life: no window, no logging, no files; one page read from
/// standard input and its picture written to standard output, with the heap of `allocator`
/// (the program's own) limited. Returns the exit code.
pub fn draw_page<H: std::alloc::GlobalAlloc>(allocator: &backend::documents::Cap<H>) -> i32 {
    // The child holds a decrypted PDF: no core dump, and no other program may read it. Its
    // heap limit ends it with an abort, so the core-file size is set to nothing as well, which
    // crash collectors (systemd-coredump, apport) also keep to.
    memory::make_undumpable();
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{set_parent_process_death_signal, setrlimit, Resource, Rlimit};
        let none = Rlimit {
            current: Some(0),
            maximum: Some(0),
        };
        // Ended with the app: a page still drawing is no use to anyone once the app has gone.
        if setrlimit(Resource::Core, none).is_err()
            || set_parent_process_death_signal(Some(rustix::process::Signal::KILL)).is_err()
        {
            return 2;
        }
    }
    backend::documents::serve_page_drawer(allocator)
}

/// Starts the app.
pub fn run() {
    // The start-up measurement's first mark: the shell's own code has begun.
    let started = clock::Clock::from_env().now();
    memory::make_undumpable();
    start_logging();
    let result = with_plugins(tauri::Builder::default())
        // The app menu (File, View, Help); each choice is passed to the webview.
        .menu(menu::build)
        .on_menu_event(menu::chosen)
        .setup(move |app| {
            keep_out_of_recent_files();
            let settings = state::Settings::from_env(app.handle())?;
            let state = state::AppState::new(settings);
            let set_up = state.now();
            app.manage(state.with_start(started, set_up));
            app.manage(commands::attachments::DroppedFiles::default());
            watch_idle(app.handle().clone());
            system_lock::watch(app.handle().clone());
            Ok(())
        })
        // Files dropped on the window are taken here, in Rust: the webview has no file access.
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                commands::attachments::dropped(window.app_handle(), paths);
            }
        })
        .invoke_handler(command_handler())
        .run(tauri::generate_context!());
    if let Err(error) = result {
        tracing::error!(%error, "Second Opinion could not start");
        std::process::exit(1);
    }
}

/// Every command the webview may call: the one list `build.rs`, the capability and the UI are
/// checked against (`tests/security_config.rs`).
fn command_handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        commands::attachments::list_attachments,
        commands::attachments::add_attachments,
        commands::attachments::add_dropped_files,
        commands::attachments::update_attachment,
        commands::attachments::attachment_bytes,
        commands::attachments::attachment_page,
        commands::attachments::save_attachment_copy,
        commands::attachments::remove_attachment,
        commands::attachments::restore_attachment,
        commands::attachments::write_records_bundle,
        commands::cases::home_screen,
        commands::cases::list_cases,
        commands::cases::get_case,
        commands::cases::create_case,
        commands::cases::save_case,
        commands::cases::field_limits,
        commands::cases::archive_case,
        commands::cases::delete_case,
        commands::documents::write_document,
        commands::documents::letter_preview,
        commands::documents::write_calendar,
        commands::journey::guidance,
        commands::journey::get_journey,
        commands::journey::save_journey,
        commands::journey::check_own_question,
        commands::notes::list_notes,
        commands::notes::add_note,
        commands::notes::search_notes,
        commands::notes::delete_note,
        commands::startup::report_ready,
        commands::profiles::list_profiles,
        commands::profiles::open_profile,
        commands::profiles::suggest_passphrase,
        commands::profiles::create_profile,
        commands::profiles::unlock_profile,
        commands::profiles::lock_profile,
        commands::profiles::locked_because_idle,
        commands::profiles::still_here,
        commands::profiles::idle_lock_seconds,
        commands::profiles::recover_profile,
        commands::profiles::change_passphrase,
        commands::profiles::new_recovery_code,
        commands::profiles::write_recovery_sheet,
        commands::profiles::check_recovery_code,
        commands::profiles::export_profile,
        commands::profiles::import_profile,
        commands::profiles::delete_profile,
        commands::profiles::activity_log,
        commands::profiles::idle_lock_minutes,
        commands::profiles::set_idle_lock_minutes,
        commands::carers::carer_consents,
        commands::carers::active_carer_consents,
        commands::carers::add_carer_consent,
        commands::carers::end_carer_consent,
        commands::carers::act_for,
        commands::carers::acting_carer,
        commands::carers::write_consent_form,
        commands::backups::list_backups,
        commands::backups::restore_backup,
        commands::backups::unreadable_profiles,
        commands::preferences::get_preferences,
        commands::preferences::save_preferences,
        commands::dates::read_date,
        commands::dates::show_date,
        commands::help::help_topics,
        commands::help::guidance_review,
        commands::help::about_app,
    ]
}

/// Logs go to stderr and never carry health data: only codes and technical causes.
fn start_logging() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("SECOND_OPINION_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();
}

/// The plugins, single-instance first.
fn with_plugins(builder: tauri::Builder<tauri::Wry>) -> tauri::Builder<tauri::Wry> {
    builder
        // A second launch brings this window forward and exits, so two copies never
        // write one profile (the backend's per-profile lock is the second guard).
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        // Remembers the window's size and position between runs.
        .plugin(tauri_plugin_window_state::Builder::default().build())
}

/// Locks an open profile once it has sat unused past its idle deadline, even if nothing calls
/// the backend (a frozen or hidden window), then throws the window's content away.
fn watch_idle(app: tauri::AppHandle) {
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_secs(2));
        let state = app.state::<state::AppState>();
        if state.session.lock_if_idle(state.now().utc()) {
            memory::forget_window(&app, &state.settings);
        }
    });
}

/// Files the app saves (letters, backups) are not added to the desktop's recently-used list.
/// Their names carry no health details anyway, but the folders a person picks might.
#[cfg(target_os = "linux")]
fn keep_out_of_recent_files() {
    use gtk::prelude::GtkSettingsExt;
    if let Some(settings) = gtk::Settings::default() {
        settings.set_gtk_recent_files_enabled(false);
    }
}

#[cfg(not(target_os = "linux"))]
fn keep_out_of_recent_files() {}
