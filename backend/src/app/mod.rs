//! The app's API: one function per command the window can call, grouped by domain as the
//! shell's command modules and the UI's API modules are (`app::carers` ↔
//! `src-tauri/src/commands/carers.rs` ↔ `ui/src/lib/api/carers.ts`).
//!
//! Each function takes the [`Session`], the moment ([`Now`]) and randomness as arguments and
//! does everything the command means: the check that only the profile's own person may do it,
//! the work, the activity-log entry and the daily backup when it is due. The shell only reads
//! the clock, the OS's randomness and its dialogs, and turns an error into `{code, message}`.
//!
//! Invariant: every command in [`COMMANDS`] is registered, declared and allowed by the shell
//! and called by the UI under the same domain (`src-tauri/tests/security_config.rs` checks).

pub mod attachments;
mod backup;
pub mod backups;
pub mod carers;
pub mod cases;
pub mod dates;
pub mod documents;
pub mod help;
pub mod journey;
pub mod notes;
mod now;
pub mod preferences;
pub mod profiles;
mod session;
pub mod startup;

pub use now::Now;
pub use session::Session;

/// Every command the window may call, by domain: the one list the shell's `build.rs`, its
/// handler list, its capability and the UI's API modules are checked against.
pub const COMMANDS: &[(&str, &[&str])] = &[
    (
        "attachments",
        &[
            "list_attachments",
            "add_attachments",
            "add_dropped_files",
            "update_attachment",
            "attachment_bytes",
            "attachment_page",
            "save_attachment_copy",
            "remove_attachment",
            "restore_attachment",
            "write_records_bundle",
        ],
    ),
    (
        "backups",
        &["list_backups", "restore_backup", "unreadable_profiles"],
    ),
    (
        "carers",
        &[
            "carer_consents",
            "active_carer_consents",
            "add_carer_consent",
            "end_carer_consent",
            "act_for",
            "acting_carer",
            "write_consent_form",
        ],
    ),
    (
        "cases",
        &[
            "home_screen",
            "list_cases",
            "get_case",
            "create_case",
            "save_case",
            "field_limits",
            "archive_case",
            "delete_case",
        ],
    ),
    ("dates", &["read_date", "show_date"]),
    (
        "documents",
        &["write_document", "letter_preview", "write_calendar"],
    ),
    ("help", &["help_topics", "guidance_review", "about_app"]),
    (
        "journey",
        &[
            "guidance",
            "get_journey",
            "save_journey",
            "check_own_question",
        ],
    ),
    (
        "notes",
        &["list_notes", "add_note", "search_notes", "delete_note"],
    ),
    ("preferences", &["get_preferences", "save_preferences"]),
    (
        "profiles",
        &[
            "list_profiles",
            "open_profile",
            "suggest_passphrase",
            "create_profile",
            "unlock_profile",
            "lock_profile",
            "locked_because_idle",
            "still_here",
            "idle_lock_seconds",
            "recover_profile",
            "change_passphrase",
            "new_recovery_code",
            "write_recovery_sheet",
            "check_recovery_code",
            "export_profile",
            "import_profile",
            "delete_profile",
            "activity_log",
            "idle_lock_minutes",
            "set_idle_lock_minutes",
        ],
    ),
    ("startup", &["report_ready"]),
];
