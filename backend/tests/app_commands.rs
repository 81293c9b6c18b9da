//! The app's API, command by command (`backend::app`), the way the window calls it: who may do
//! each thing, and what each leaves in the activity log. Every command in `app::COMMANDS` has
//! a row here, so a new command cannot be added without saying what it logs.

use std::path::PathBuf;

use backend::app::{self, Now, Session};
use backend::cases::{
    AttachmentDetails, CarerConsentDetails, CaseDetails, CaseId, ConsentGiven, Nation,
};
use backend::documents::pack::DocumentKind;
use backend::documents::{self, DocumentOptions, RenderedDocument, SavedDocument};
use backend::Result;
use chrono::{FixedOffset, NaiveDate, TimeZone};
use rand::{rngs::StdRng, SeedableRng};

const PASS: &str = "correct horse battery staple";
const NEW_PASS: &str = "a brand new passphrase";

/// Seeded randomness, a new seed each call (two profiles made with one seed would share an id).
fn rng() -> StdRng {
    static SEED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    StdRng::seed_from_u64(SEED.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

/// 21 November 2026 at 10:`minute` in London (UTC in winter).
fn at(minute: u32) -> Now {
    Now::at(
        FixedOffset::east_opt(0)
            .expect("offset")
            .with_ymd_and_hms(2026, 11, 21, 10, minute, 0)
            .single()
            .expect("valid time"),
    )
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("day")
}

/// A profile "Dad" open in a session, with a case, a note and a daughter's consent, all made
/// at 10:00. Commands under test run at 10:30, so their activity entries stand apart.
struct Fixture {
    _dir: tempfile::TempDir,
    data: PathBuf,
    files: PathBuf,
    session: Session,
    id: String,
    recovery_code: String,
    case_id: CaseId,
    consent_id: i64,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let files = dir.path().join("saved");
        std::fs::create_dir(&files).expect("folder");
        let data = dir.path().join("data");
        let session = Session::for_tests(&data);
        let setup = at(0);
        let created =
            app::profiles::create_profile(&session, &setup, &mut rng(), "Dad", PASS).expect("made");
        let case = app::cases::create_case(
            &session,
            &setup,
            &CaseDetails {
                patient_name: "Dafydd Example".into(),
                nation: Some(Nation::Wales),
                diagnosis: "A diagnosis".into(),
                ..Default::default()
            },
        )
        .expect("case");
        let case_id = case.case.id;
        app::notes::add_note(&session, &setup, case_id, "A first note").expect("note");
        let consent =
            app::carers::add_carer_consent(&session, &setup, &consent(), PASS).expect("consent");
        // The day's backup, started by the first command, is made beside the commands: wait
        // for it, so what each test sees does not depend on the timing.
        session.wait_for_backup();
        Fixture {
            _dir: dir,
            data,
            files,
            session,
            id: created.profile.id,
            recovery_code: created.recovery_code,
            case_id,
            consent_id: consent.id,
        }
    }

    /// A carer starts helping, under the daughter's consent.
    fn carer_acts(&self) {
        app::carers::act_for(&self.session, &at(1), Some(self.consent_id), None)
            .expect("consent covers today")
            .expect("acting");
    }

    /// Saves a document into the test's folder, as the shell's save dialog would.
    fn save(&self) -> impl FnOnce(&RenderedDocument) -> Result<Option<SavedDocument>> + '_ {
        |document| documents::save(document, &self.files.join(&document.file_name)).map(Some)
    }

    /// A small picture, offered to the case from outside the test's folders.
    fn offered(&self) -> PathBuf {
        let path = self.data.with_file_name("offered.png");
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x02\0\0\0\x02".to_vec();
        png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        std::fs::write(&path, png).expect("written");
        path
    }

    /// A file added to the case at 10:02, its id.
    fn attached(&self) -> i64 {
        let added = app::attachments::add_attachments(
            &self.session,
            &at(2),
            self.case_id,
            &[self.offered()],
            None,
        )
        .expect("added");
        added[0].added.as_ref().expect("kept").id
    }

    /// How many activity entries the open profile has from the moment `now` (none when locked).
    fn entries_at(&self, now: &Now) -> usize {
        let Ok(log) = app::profiles::activity_log(&self.session, now) else {
            return 0;
        };
        log.iter()
            .filter(|e| chrono::DateTime::parse_from_rfc3339(&e.at).expect("a time") == now.at)
            .count()
    }
}

fn consent() -> CarerConsentDetails {
    CarerConsentDetails {
        carer_name: "Siân Jones".into(),
        relationship: "daughter".into(),
        purposes: String::new(),
        from: day(11, 1),
        until: None,
        how_given: Some(ConsentGiven::SignedLetter),
        may_add_files: false,
    }
}

fn cancelled(_: &RenderedDocument) -> Result<Option<SavedDocument>> {
    Ok(None)
}

type Action = fn(&Fixture, &Now) -> Result<()>;
/// An action that asks for the person's passphrase again, given the one typed.
type StepUp = fn(&Fixture, &Now, &str) -> Result<()>;

/// Everything only the profile's own person may do, each called as they would call it, with
/// the passphrase they type again for it.
const OWNER_ONLY: &[(&str, StepUp)] = &[
    ("change_passphrase", |f, now, pass| {
        app::profiles::change_passphrase(&f.session, now, &mut rng(), pass, NEW_PASS)
    }),
    ("new_recovery_code", |f, now, pass| {
        app::profiles::new_recovery_code(&f.session, now, &mut rng(), pass).map(drop)
    }),
    ("export_profile", |f, now, pass| {
        let path =
            app::profiles::export_profile(&f.session, now, &mut rng(), pass, NEW_PASS, |name| {
                Some(f.files.join(name))
            })?;
        assert!(path.expect("chosen").is_file());
        Ok(())
    }),
    ("add_carer_consent", |f, now, pass| {
        app::carers::add_carer_consent(&f.session, now, &consent(), pass).map(drop)
    }),
    ("end_carer_consent", |f, now, pass| {
        app::carers::end_carer_consent(&f.session, now, f.consent_id, pass).map(drop)
    }),
    ("delete_profile", |f, _, pass| {
        app::profiles::delete_profile(&f.session, "Dad", pass)
    }),
];

/// Nothing was done: nothing logged at `now`, no file saved, the consent as it was, the
/// profile still open.
fn assert_nothing_done(f: &Fixture, now: &Now, name: &str) {
    assert_eq!(f.entries_at(now), 0, "{name}");
    assert!(app::profiles::open_profile(&f.session).is_some(), "{name}");
    assert_eq!(
        std::fs::read_dir(&f.files).expect("folder").count(),
        0,
        "{name}"
    );
    let consents = app::carers::carer_consents(&f.session, now)
        .expect("consents")
        .consents;
    assert_eq!(consents.len(), 1, "{name}");
    assert_eq!(consents[0].consent.details.until, None, "{name}");
}

#[test]
fn a_carer_acting_under_a_valid_consent_is_refused_every_owner_only_action() {
    for (name, action) in OWNER_ONLY {
        let f = Fixture::new();
        f.carer_acts();
        let now = at(30);
        // Even with the person's passphrase: it is who is acting that is refused.
        let err = action(&f, &now, PASS).expect_err(name);
        assert_eq!(err.code(), "invalid_input", "{name}");
        assert!(
            err.to_string().starts_with("Only Dad can do this."),
            "{name}: {err}"
        );
        assert_nothing_done(&f, &now, name);

        // The same call by Dad himself goes through: it was the carer that was refused.
        app::carers::act_for(&f.session, &at(31), None, Some(PASS)).expect("Dad himself");
        action(&f, &at(32), PASS).unwrap_or_else(|e| panic!("{name} by Dad: {e}"));
    }
}

#[test]
fn every_owner_only_action_asks_for_the_passphrase_again_in_the_backend() {
    for (name, action) in OWNER_ONLY {
        let f = Fixture::new();
        let now = at(30);
        for typed in ["not the passphrase", "", "correct horse battery stapl"] {
            let err = action(&f, &now, typed).expect_err(name);
            assert_eq!(err.code(), "wrong_passphrase", "{name} with {typed:?}");
            assert_eq!(
                err.to_string(),
                "That passphrase is not right. Please check it and try again."
            );
            assert_nothing_done(&f, &now, name);
        }
        action(&f, &now, PASS).unwrap_or_else(|e| panic!("{name} with the passphrase: {e}"));
        let expected = usize::from(*name != "delete_profile");
        assert_eq!(f.entries_at(&now), expected, "{name}");
    }
}

#[test]
fn taking_over_from_a_carer_needs_the_passphrase_and_is_logged() {
    let f = Fixture::new();
    f.carer_acts();
    let now = at(30);
    for typed in [None, Some(""), Some("not the passphrase")] {
        let err = app::carers::act_for(&f.session, &now, None, typed).expect_err("refused");
        assert_eq!(err.code(), "wrong_passphrase", "{typed:?}");
        assert!(app::carers::acting_carer(&f.session)
            .expect("open")
            .is_some());
    }
    assert_eq!(f.entries_at(&now), 0);
    // Another helper under their own consent needs no passphrase: they are not the person.
    assert!(
        app::carers::act_for(&f.session, &at(31), Some(f.consent_id), None)
            .expect("a carer")
            .is_some()
    );

    let later = at(32);
    assert!(app::carers::act_for(&f.session, &later, None, Some(PASS))
        .expect("Dad")
        .is_none());
    let log = app::profiles::activity_log(&f.session, &later).expect("log");
    assert_eq!(log[0].who, "Dad");
    assert_eq!(log[0].what, "Took over from the carer who was helping");
    assert_eq!(f.entries_at(&later), 1);

    // With nobody helping, choosing "I am Dad" (just after unlocking) asks for nothing more.
    app::carers::act_for(&f.session, &at(33), None, None).expect("Dad, again");
    let log = app::profiles::activity_log(&f.session, &now).expect("log");
    assert_eq!(log[0].what, "Using the profile themselves");
}

#[test]
fn every_command_that_sets_a_passphrase_refuses_a_guessable_one_and_changes_nothing() {
    let f = Fixture::new();
    let now = at(30);
    for weak in ["password123", "Dad12345", "qwertyuiop"] {
        let refused = |e: backend::Error, what: &str| {
            assert_eq!(e.code(), "invalid_input", "{what} with {weak:?}");
            assert!(e.to_string().contains("easy to guess"), "{what}: {e}");
        };
        let err = app::profiles::change_passphrase(&f.session, &now, &mut rng(), PASS, weak)
            .expect_err("weak new passphrase");
        refused(err, "change_passphrase");

        // Refused before the person is asked where to save.
        let mut asked = false;
        let err = app::profiles::export_profile(&f.session, &now, &mut rng(), PASS, weak, |n| {
            asked = true;
            Some(f.files.join(n))
        })
        .expect_err("weak export passphrase");
        refused(err, "export_profile");
        assert!(
            !asked,
            "the save dialog was opened for a passphrase that is refused"
        );
        assert_nothing_done(&f, &now, "export_profile");

        app::profiles::lock_profile(&f.session);
        let err = app::profiles::recover_profile(
            &f.session,
            &now,
            &mut rng(),
            &f.id,
            &f.recovery_code,
            weak,
        )
        .expect_err("weak passphrase after recovery");
        refused(err, "recover_profile");
        assert!(app::profiles::open_profile(&f.session).is_none());
        // The passphrase and the recovery code are as they were.
        // Opened a minute earlier, so its own "Opened" entry stands apart from `now`.
        app::profiles::unlock_profile(&f.session, &at(29), &mut rng(), &f.id, PASS)
            .expect("the old passphrase still opens it");
        assert_eq!(
            f.entries_at(&now),
            0,
            "nothing is logged for a refused passphrase"
        );
    }
    app::profiles::lock_profile(&f.session);
    app::profiles::recover_profile(
        &f.session,
        &at(31),
        &mut rng(),
        &f.id,
        &f.recovery_code,
        NEW_PASS,
    )
    .expect("the recovery code still works");
}

/// Every command, with how many activity entries it leaves: the table must cover
/// `app::COMMANDS` exactly (some commands have a second row for another outcome).
const LOGGED: &[(&str, usize, Action)] = &[
    // attachments
    ("list_attachments", 0, |f, now| {
        app::attachments::list_attachments(&f.session, now, f.case_id).map(drop)
    }),
    ("add_attachments", 1, |f, now| {
        let added =
            app::attachments::add_attachments(&f.session, now, f.case_id, &[f.offered()], None)?;
        assert!(added[0].added.is_some());
        Ok(())
    }),
    ("add_dropped_files", 1, |f, now| {
        app::attachments::add_attachments(&f.session, now, f.case_id, &[f.offered()], None)
            .map(drop)
    }),
    ("update_attachment", 1, |f, now| {
        let details = AttachmentDetails {
            title: "Scan report".into(),
            dated: None,
            answers: None,
        };
        app::attachments::update_attachment(&f.session, now, f.attached(), &details).map(drop)
    }),
    ("attachment_bytes", 0, |f, now| {
        app::attachments::attachment_bytes(&f.session, now, f.attached()).map(drop)
    }),
    ("attachment_page", 0, |f, now| {
        let letter = documents::gp_request_letter(
            &CaseDetails {
                patient_name: "Dafydd Example".into(),
                ..Default::default()
            },
            backend::content::Content::embedded()?,
            day(11, 21),
            &DocumentOptions::default(),
        )?;
        let path = f.data.with_file_name("offered.pdf");
        std::fs::write(&path, letter.bytes).expect("written");
        let added =
            app::attachments::add_attachments(&f.session, &at(2), f.case_id, &[path], None)?;
        let id = added[0].added.as_ref().expect("kept").id;
        let drawn = app::attachments::attachment_page(&f.session, now, id, 1, 400)?;
        assert_eq!(drawn.pages, 1);
        Ok(())
    }),
    ("save_attachment_copy", 1, |f, now| {
        let saved =
            app::attachments::save_attachment_copy(&f.session, now, f.attached(), f.save())?;
        assert!(saved.is_some());
        Ok(())
    }),
    ("remove_attachment", 1, |f, now| {
        app::attachments::remove_attachment(&f.session, now, f.attached())
    }),
    ("restore_attachment", 1, |f, now| {
        let id = f.attached();
        app::attachments::remove_attachment(&f.session, &at(3), id)?;
        app::attachments::restore_attachment(&f.session, now, id).map(drop)
    }),
    ("write_records_bundle", 1, |f, now| {
        let id = f.attached();
        let options = DocumentOptions::default();
        let saved = app::attachments::write_records_bundle(
            &f.session,
            now,
            f.case_id,
            &[id],
            options,
            f.save(),
        )?;
        assert!(saved.is_some());
        Ok(())
    }),
    // backups
    ("list_backups", 0, |f, _| {
        assert!(!app::backups::list_backups(&f.session, &f.id)?.is_empty());
        Ok(())
    }),
    ("restore_backup", 1, |f, now| {
        let backups = app::backups::list_backups(&f.session, &f.id)?;
        app::backups::restore_backup(&f.session, now, &f.id, PASS, &backups[0].name).map(drop)
    }),
    ("unreadable_profiles", 0, |f, _| {
        app::backups::unreadable_profiles(&f.session).map(drop)
    }),
    // carers
    ("carer_consents", 0, |f, now| {
        app::carers::carer_consents(&f.session, now).map(drop)
    }),
    ("active_carer_consents", 0, |f, now| {
        app::carers::active_carer_consents(&f.session, now).map(drop)
    }),
    ("add_carer_consent", 1, |f, now| {
        app::carers::add_carer_consent(&f.session, now, &consent(), PASS).map(drop)
    }),
    ("end_carer_consent", 1, |f, now| {
        app::carers::end_carer_consent(&f.session, now, f.consent_id, PASS).map(drop)
    }),
    ("act_for", 1, |f, now| {
        app::carers::act_for(&f.session, now, Some(f.consent_id), None).map(drop)
    }),
    ("act_for", 1, |f, now| {
        f.carer_acts();
        app::carers::act_for(&f.session, now, None, Some(PASS)).map(drop)
    }),
    ("acting_carer", 0, |f, _| {
        app::carers::acting_carer(&f.session).map(drop)
    }),
    ("write_consent_form", 1, |f, now| {
        let saved = app::carers::write_consent_form(
            &f.session,
            now,
            f.consent_id,
            &DocumentOptions::default(),
            f.save(),
        )?;
        assert!(saved.is_some());
        Ok(())
    }),
    ("write_consent_form", 0, |f, now| {
        app::carers::write_consent_form(
            &f.session,
            now,
            f.consent_id,
            &DocumentOptions::default(),
            cancelled,
        )
        .map(drop)
    }),
    // cases
    ("home_screen", 0, |_, _| app::cases::home_screen().map(drop)),
    ("list_cases", 0, |f, now| {
        app::cases::list_cases(&f.session, now).map(drop)
    }),
    ("get_case", 0, |f, now| {
        app::cases::get_case(&f.session, now, f.case_id).map(drop)
    }),
    ("create_case", 0, |f, now| {
        app::cases::create_case(&f.session, now, &CaseDetails::default()).map(drop)
    }),
    ("save_case", 0, |f, now| {
        app::cases::save_case(&f.session, now, f.case_id, &CaseDetails::default()).map(drop)
    }),
    ("field_limits", 0, |_, _| {
        assert!(!app::cases::field_limits().is_empty());
        Ok(())
    }),
    ("archive_case", 0, |f, now| {
        app::cases::archive_case(&f.session, now, f.case_id, true)
    }),
    ("delete_case", 0, |f, now| {
        app::cases::delete_case(&f.session, now, f.case_id)
    }),
    // dates
    ("read_date", 0, |_, _| {
        app::dates::read_date("21/11/2026").map(drop)
    }),
    ("show_date", 0, |_, _| {
        app::dates::show_date("2026-11-21").map(drop)
    }),
    // documents
    ("write_document", 1, |f, now| {
        let saved = app::documents::write_document(
            &f.session,
            now,
            f.case_id,
            DocumentKind::PrepPack,
            DocumentOptions::default(),
            f.save(),
        )?;
        assert!(saved.is_some());
        Ok(())
    }),
    ("letter_preview", 0, |f, now| {
        let preview =
            app::documents::letter_preview(&f.session, now, f.case_id, DocumentKind::GpLetter)?;
        assert!(!preview.paragraphs.is_empty());
        Ok(())
    }),
    ("write_document", 0, |f, now| {
        app::documents::write_document(
            &f.session,
            now,
            f.case_id,
            DocumentKind::PrepPack,
            DocumentOptions::default(),
            cancelled,
        )
        .map(drop)
    }),
    ("write_calendar", 1, |f, now| {
        let mut journey = backend::journey::Journey::default();
        journey.appointment.date = Some(now.today + chrono::Days::new(7));
        app::journey::save_journey(&f.session, now, f.case_id, &journey)?;
        let saved = app::documents::write_calendar(
            &f.session,
            now,
            f.case_id,
            Default::default(),
            f.save(),
        )?;
        assert!(saved.is_some_and(|s| s.file_name.ends_with(".ics")));
        Ok(())
    }),
    ("write_calendar", 0, |f, now| {
        let err = app::documents::write_calendar(
            &f.session,
            now,
            f.case_id,
            Default::default(),
            f.save(),
        )
        .expect_err("nothing is coming up");
        assert_eq!(err.code(), "invalid_input");
        Ok(())
    }),
    // help
    ("help_topics", 0, |_, _| {
        app::help::help_topics(Some(Nation::Wales)).map(drop)
    }),
    ("guidance_review", 0, |_, now| {
        app::help::guidance_review(now).map(drop)
    }),
    ("about_app", 0, |_, _| app::help::about_app().map(drop)),
    // journey
    ("guidance", 0, |_, _| {
        app::journey::guidance(Nation::Wales).map(drop)
    }),
    ("get_journey", 0, |f, now| {
        app::journey::get_journey(&f.session, now, f.case_id).map(drop)
    }),
    ("save_journey", 0, |f, now| {
        app::journey::save_journey(&f.session, now, f.case_id, &Default::default()).map(drop)
    }),
    ("check_own_question", 0, |_, _| {
        let chosen = ["Can I wait?".to_owned()];
        assert!(app::journey::check_own_question(&chosen, "can i wait").is_some());
        Ok(())
    }),
    // notes
    ("list_notes", 0, |f, now| {
        app::notes::list_notes(&f.session, now, f.case_id, 0).map(drop)
    }),
    ("add_note", 0, |f, now| {
        app::notes::add_note(&f.session, now, f.case_id, "Another note").map(drop)
    }),
    ("search_notes", 0, |f, now| {
        app::notes::search_notes(&f.session, now, f.case_id, "first", 0).map(drop)
    }),
    ("delete_note", 0, |f, now| {
        let notes = app::notes::list_notes(&f.session, now, f.case_id, 0)?;
        app::notes::delete_note(&f.session, now, notes.notes[0].note.id)
    }),
    // preferences
    ("get_preferences", 0, |f, _| {
        app::preferences::get_preferences(&f.session);
        Ok(())
    }),
    ("save_preferences", 0, |f, _| {
        app::preferences::save_preferences(&f.session, Default::default()).map(drop)
    }),
    // profiles
    ("list_profiles", 0, |f, _| {
        app::profiles::list_profiles(&f.session).map(drop)
    }),
    ("open_profile", 0, |f, _| {
        assert!(app::profiles::open_profile(&f.session).is_some());
        Ok(())
    }),
    ("suggest_passphrase", 0, |_, _| {
        let words = app::profiles::suggest_passphrase(&mut rng());
        assert_eq!(words.split(' ').count(), 4);
        Ok(())
    }),
    ("create_profile", 1, |f, now| {
        app::profiles::create_profile(&f.session, now, &mut rng(), "Mam", PASS).map(drop)
    }),
    ("unlock_profile", 1, |f, now| {
        app::profiles::lock_profile(&f.session);
        app::profiles::unlock_profile(&f.session, now, &mut rng(), &f.id, PASS).map(drop)
    }),
    ("lock_profile", 0, |f, _| {
        app::profiles::lock_profile(&f.session);
        Ok(())
    }),
    ("idle_lock_seconds", 0, |f, _| {
        assert_eq!(app::profiles::idle_lock_seconds(&f.session), 600);
        Ok(())
    }),
    ("recover_profile", 1, |f, now| {
        app::profiles::lock_profile(&f.session);
        app::profiles::recover_profile(
            &f.session,
            now,
            &mut rng(),
            &f.id,
            &f.recovery_code,
            NEW_PASS,
        )
        .map(drop)
    }),
    ("change_passphrase", 1, |f, now| {
        app::profiles::change_passphrase(&f.session, now, &mut rng(), PASS, NEW_PASS)
    }),
    ("new_recovery_code", 1, |f, now| {
        app::profiles::new_recovery_code(&f.session, now, &mut rng(), PASS).map(drop)
    }),
    ("write_recovery_sheet", 1, |f, now| {
        let saved = app::profiles::write_recovery_sheet(
            &f.session,
            now,
            &DocumentOptions::default(),
            f.save(),
        )?;
        assert!(saved.is_some());
        Ok(())
    }),
    ("check_recovery_code", 0, |f, _| {
        app::profiles::check_recovery_code(&f.session, &f.recovery_code)
    }),
    ("export_profile", 1, |f, now| {
        let path =
            app::profiles::export_profile(&f.session, now, &mut rng(), PASS, NEW_PASS, |name| {
                Some(f.files.join(name))
            })?;
        assert!(path.is_some());
        Ok(())
    }),
    ("export_profile", 0, |f, now| {
        let path =
            app::profiles::export_profile(&f.session, now, &mut rng(), PASS, NEW_PASS, |_| None)?;
        assert!(path.is_none());
        Ok(())
    }),
    ("import_profile", 1, |f, now| {
        let file =
            app::profiles::export_profile(&f.session, &at(2), &mut rng(), PASS, NEW_PASS, |n| {
                Some(f.files.join(n))
            })?
            .expect("exported");
        app::profiles::import_profile(&f.session, now, &mut rng(), &file, NEW_PASS).map(drop)
    }),
    ("delete_profile", 0, |f, _| {
        app::profiles::delete_profile(&f.session, "Dad", PASS)
    }),
    ("activity_log", 0, |f, now| {
        app::profiles::activity_log(&f.session, now).map(drop)
    }),
    ("idle_lock_minutes", 0, |f, _| {
        app::profiles::idle_lock_minutes(&f.session).map(drop)
    }),
    ("set_idle_lock_minutes", 0, |f, _| {
        app::profiles::set_idle_lock_minutes(&f.session, 30)
    }),
    ("still_here", 0, |f, now| {
        app::profiles::still_here(&f.session, now)
    }),
    ("locked_because_idle", 0, |f, _| {
        app::profiles::locked_because_idle(&f.session);
        Ok(())
    }),
    // startup
    ("report_ready", 0, |f, now| {
        app::startup::report_ready(Some(&f.files.join("ready")), now, &[], &[])
    }),
];

#[test]
fn every_command_that_should_leave_an_activity_entry_leaves_exactly_one() {
    for (name, expected, action) in LOGGED {
        let f = Fixture::new();
        let now = at(30);
        action(&f, &now).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(f.entries_at(&now), *expected, "{name}");
    }
}

#[test]
fn the_tables_cover_every_command() {
    let commands: std::collections::BTreeSet<&str> = app::COMMANDS
        .iter()
        .flat_map(|(_, names)| names.iter().copied())
        .collect();
    let logged: std::collections::BTreeSet<&str> = LOGGED.iter().map(|(n, ..)| *n).collect();
    assert_eq!(logged, commands, "every command says what it logs");
    for (name, _) in OWNER_ONLY {
        assert!(commands.contains(name), "{name}");
    }
}

#[test]
fn a_carers_actions_are_logged_as_theirs_and_their_letters_say_so() {
    let f = Fixture::new();
    f.carer_acts();
    let now = at(30);
    app::documents::write_document(
        &f.session,
        &now,
        f.case_id,
        DocumentKind::PrepPack,
        DocumentOptions::default(),
        f.save(),
    )
    .expect("saved");
    let log = app::profiles::activity_log(&f.session, &now).expect("log");
    assert_eq!(log[0].who, "Siân Jones (helping Dad)");
    assert_eq!(log[0].what, "Saved the prep pack");
}

#[test]
fn every_command_on_a_case_is_refused_while_locked() {
    let f = Fixture::new();
    app::profiles::lock_profile(&f.session);
    let now = at(30);
    let refused = [
        app::cases::list_cases(&f.session, &now).map(drop),
        app::cases::get_case(&f.session, &now, f.case_id).map(drop),
        app::journey::get_journey(&f.session, &now, f.case_id).map(drop),
        app::notes::list_notes(&f.session, &now, f.case_id, 0).map(drop),
        app::carers::carer_consents(&f.session, &now).map(drop),
        app::profiles::activity_log(&f.session, &now).map(drop),
        app::profiles::new_recovery_code(&f.session, &now, &mut rng(), PASS).map(drop),
        app::profiles::delete_profile(&f.session, "Dad", PASS),
    ];
    for (i, result) in refused.into_iter().enumerate() {
        assert_eq!(result.expect_err("locked").code(), "locked", "call {i}");
    }
    assert!(app::profiles::open_profile(&f.session).is_none());
}

/// 10:00 on day `d` of November 2026.
fn on(d: u32) -> Now {
    Now::at(
        FixedOffset::east_opt(0)
            .expect("offset")
            .with_ymd_and_hms(2026, 11, d, 10, 0, 0)
            .single()
            .expect("valid time"),
    )
}

#[test]
fn the_daily_backup_is_made_beside_the_commands_and_a_lock_leaves_no_part_of_one() {
    let f = Fixture::new();
    let backups = || {
        app::backups::list_backups(&f.session, &f.id)
            .expect("backups")
            .len()
    };
    assert_eq!(backups(), 1, "the first day's");

    // A day later, a command starts the day's backup and returns; the backup is then made.
    app::cases::list_cases(&f.session, &on(22)).expect("cases");
    f.session.wait_for_backup();
    assert_eq!(backups(), 2);
    app::cases::list_cases(&f.session, &on(22)).expect("cases");
    f.session.wait_for_backup();
    assert_eq!(backups(), 2, "one a day");

    // The next day, a lock straight after the command that starts one: the backup is stopped
    // (or already made), and no part-made copy is left behind.
    app::cases::list_cases(&f.session, &on(23)).expect("cases");
    app::profiles::lock_profile(&f.session);
    let folder = f.data.join("profiles").join(&f.id).join("backups");
    let names: Vec<String> = std::fs::read_dir(&folder)
        .expect("backups folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    assert!((2..=3).contains(&names.len()), "{names:?}");

    // The profile opens again at once: nothing of the stopped backup holds it.
    app::profiles::unlock_profile(&f.session, &on(23), &mut rng(), &f.id, PASS).expect("opens");
    assert_eq!(
        backups(),
        3,
        "made on opening when the stopped one was not finished"
    );
}

#[test]
fn the_backend_says_where_today_falls_in_each_consent_and_ends_one_today() {
    use app::carers::ConsentDay;
    let f = Fixture::new();
    let later = CarerConsentDetails {
        carer_name: "Later".into(),
        from: day(12, 1),
        ..consent()
    };
    let past = CarerConsentDetails {
        carer_name: "Past".into(),
        from: day(10, 1),
        until: Some(day(10, 31)),
        ..consent()
    };
    for details in [&later, &past] {
        app::carers::add_carer_consent(&f.session, &at(1), details, PASS).expect("added");
    }
    let now = at(30);
    let listed = app::carers::carer_consents(&f.session, &now).expect("consents");
    assert_eq!(listed.today, day(11, 21));
    let day_of = |name: &str| {
        listed
            .consents
            .iter()
            .find(|c| c.consent.details.carer_name == name)
            .expect(name)
            .today
    };
    assert_eq!(day_of("Siân Jones"), ConsentDay::CoversToday);
    assert_eq!(day_of("Later"), ConsentDay::StartsLater);
    assert_eq!(day_of("Past"), ConsentDay::Ended);
    let ended = app::carers::end_carer_consent(&f.session, &now, f.consent_id, PASS).expect("ends");
    assert_eq!(
        ended.details.until,
        Some(day(11, 21)),
        "its last day is today"
    );
    let json = serde_json::to_value(&listed.consents[0]).expect("json");
    assert!(
        json.get("details").is_some() && json.get("today").is_some(),
        "{json}"
    );
}

#[test]
fn the_session_locks_a_profile_left_unused_past_its_deadline_whatever_the_window_does() {
    let f = Fixture::new();
    f.session.set_idle_limit(chrono::Duration::minutes(10));
    // The fixture was last used at 10:00; used again five minutes later.
    let start = at(5);
    app::profiles::still_here(&f.session, &start).expect("in use");
    let later = |minutes: i64| Now::at(start.at + chrono::Duration::minutes(minutes));
    app::cases::list_cases(&f.session, &later(9)).expect("still open");
    app::profiles::still_here(&f.session, &later(9)).expect("used again");
    assert!(
        !f.session.lock_if_idle(later(19).utc()),
        "ten minutes from the last use"
    );
    // Past the deadline: refused and locked, and the picker is told why (once).
    let err = app::cases::list_cases(&f.session, &later(30)).expect_err("locked");
    assert_eq!(err.code(), "locked");
    assert!(app::profiles::open_profile(&f.session).is_none());
    assert!(app::profiles::locked_because_idle(&f.session));
    assert!(!app::profiles::locked_because_idle(&f.session));
}

#[test]
fn a_restore_with_a_wrong_backup_name_or_passphrase_leaves_the_open_profile_open() {
    let f = Fixture::new();
    let now = at(30);
    let backups = app::backups::list_backups(&f.session, &f.id).expect("backups");
    for (passphrase, name, code) in [
        (PASS, "000099-daily.db", "backup_unusable"),
        (
            "not the passphrase at all",
            backups[0].name.as_str(),
            "wrong_passphrase",
        ),
    ] {
        let err = app::backups::restore_backup(&f.session, &now, &f.id, passphrase, name)
            .expect_err("refused");
        assert_eq!(err.code(), code);
        assert!(
            app::profiles::open_profile(&f.session).is_some(),
            "{code}: the open profile is still open"
        );
    }
}

/// The bytes of the document `write` makes, captured as the save dialog would receive them.
fn made(
    write: impl FnOnce(&mut dyn FnMut(&RenderedDocument)) -> Result<Option<SavedDocument>>,
) -> Vec<u8> {
    let mut bytes = Vec::new();
    write(&mut |d| bytes = d.bytes.clone()).expect("made");
    assert!(bytes.starts_with(b"%PDF"), "a PDF was made");
    bytes
}

#[test]
fn a_carer_acting_under_the_profiles_consent_prints_that_one_consent_form_in_step_4() {
    let f = Fixture::new();
    let step_4 = |f: &Fixture| {
        made(|keep| {
            app::documents::write_document(
                &f.session,
                &at(30),
                f.case_id,
                DocumentKind::CarerAuthorisation,
                DocumentOptions::default(),
                |d| {
                    keep(d);
                    Ok(None)
                },
            )
        })
    };
    let settings = |f: &Fixture| {
        made(|keep| {
            app::carers::write_consent_form(
                &f.session,
                &at(30),
                f.consent_id,
                &DocumentOptions::default(),
                |d| {
                    keep(d);
                    Ok(None)
                },
            )
        })
    };
    // The owner's own step 4 has no consent recorded for it: its form is made from step 4.
    assert_ne!(
        step_4(&f),
        settings(&f),
        "two different forms before a carer acts"
    );
    f.carer_acts();
    assert_eq!(
        step_4(&f),
        settings(&f),
        "the recorded consent (its first day, what they may do) is the one form"
    );
}

#[test]
fn step_4_offers_the_profiles_name_when_its_owner_helps_someone_else() {
    use backend::journey::{ForWhom, Journey};
    let f = Fixture::new();
    let helped = Journey {
        for_whom: Some(ForWhom::SomeoneIHelp),
        ..Default::default()
    };
    let saved = app::journey::save_journey(&f.session, &at(30), f.case_id, &helped).expect("saved");
    assert_eq!(saved.view.helper_from_profile.as_deref(), Some("Dad"));
    let got = app::journey::get_journey(&f.session, &at(31), f.case_id).expect("read");
    assert_eq!(got.view.helper_from_profile.as_deref(), Some("Dad"));

    // A helper using the patient's own profile: the profile's name is the patient's.
    let own = app::cases::create_case(
        &f.session,
        &at(33),
        &CaseDetails {
            patient_name: "dad".into(),
            ..Default::default()
        },
    )
    .expect("case");
    let saved =
        app::journey::save_journey(&f.session, &at(34), own.case.id, &helped).expect("saved");
    assert_eq!(
        saved.view.helper_from_profile, None,
        "never the patient as helper"
    );

    // A carer acting under a consent is named by it, not by the profile's name.
    f.carer_acts();
    let got = app::journey::get_journey(&f.session, &at(35), f.case_id).expect("read");
    assert_eq!(got.view.helper_from_profile, None);
}
