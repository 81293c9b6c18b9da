// The app's own commands are declared here so Tauri generates permissions for them and checks
// every call against the capability files in capabilities/.
fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            // Notes on a case.
            "list_notes",
            "add_note",
            "search_notes",
            "delete_note",
            // The first screen says when it is interactive (start-up measurement).
            "report_ready",
            // The rest of the app.
            "home_screen",
            "list_cases",
            "get_case",
            "create_case",
            "save_case",
            "field_limits",
            "archive_case",
            "delete_case",
            "write_document",
            "letter_preview",
            "guidance",
            "get_journey",
            "save_journey",
            "check_own_question",
            "list_profiles",
            "open_profile",
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
            "carer_consents",
            "active_carer_consents",
            "add_carer_consent",
            "end_carer_consent",
            "act_for",
            "acting_carer",
            "write_consent_form",
            // Automatic backups.
            "list_backups",
            "restore_backup",
            "unreadable_profiles",
            // Display settings and UK dates.
            "get_preferences",
            "save_preferences",
            "read_date",
            "show_date",
            "help_topics",
            "guidance_review",
            "about_app",
        ]),
    ))
    .expect("failed to run tauri-build");
}
