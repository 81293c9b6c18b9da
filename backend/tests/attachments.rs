//! The person's own files in a case, through the app's commands as the window calls them:
//! hostile files are refused in plain words and change nothing, a carer adds files only with
//! consent, the activity log never names a file, and no byte of a file is ever found outside
//! the encrypted database: not in the data folder, the temp folder or the log.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use backend::app::{self, Now, Session};
use backend::cases::{
    AttachmentDetails, AttachmentKind, CarerConsentDetails, CaseDetails, CaseId, ConsentGiven,
    MAX_FILE_BYTES,
};
use backend::documents::{self, RenderedDocument, SavedDocument};
use backend::Result;
use chrono::{FixedOffset, NaiveDate, TimeZone};
use lopdf::{dictionary, Document, Object, Stream};
use rand::rngs::StdRng;
use rand::SeedableRng;

const PASS: &str = "correct horse battery staple";
const MARKER: &str = "Zorblaxmarker7731";

fn now() -> Now {
    let at = FixedOffset::east_opt(0)
        .expect("offset")
        .with_ymd_and_hms(2026, 11, 21, 10, 30, 0)
        .single()
        .expect("time");
    Now::at(at)
}

/// A PDF of one page whose text is `text` (uncompressed, so a copy would show it plainly).
fn pdf(text: &str) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let content = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let content = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf");
    out
}

/// The start of a PNG of `w` by `h` pixels, then `extra` (never decoded by the app).
fn png(w: u32, h: u32, extra: &[u8]) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend_from_slice(&w.to_be_bytes());
    bytes.extend_from_slice(&h.to_be_bytes());
    bytes.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    bytes.extend_from_slice(extra);
    bytes
}

struct Fixture {
    dir: tempfile::TempDir,
    session: Session,
    case_id: CaseId,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("offered")).expect("folder");
        std::fs::create_dir(dir.path().join("saved")).expect("folder");
        let session = Session::for_tests(&dir.path().join("data"));
        let mut rng = StdRng::seed_from_u64(7);
        app::profiles::create_profile(&session, &now(), &mut rng, "Dad", PASS).expect("profile");
        let case = app::cases::create_case(
            &session,
            &now(),
            &CaseDetails {
                patient_name: "Dafydd Example".into(),
                ..Default::default()
            },
        )
        .expect("case");
        session.wait_for_backup();
        Fixture {
            dir,
            session,
            case_id: case.case.id,
        }
    }

    fn offer(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join("offered").join(name);
        std::fs::write(&path, bytes).expect("written");
        path
    }

    fn add(&self, path: &Path) -> Result<backend::cases::Attachment> {
        app::attachments::add_attachment(&self.session, &now(), self.case_id, path, None)
    }

    fn listed(&self) -> usize {
        app::attachments::list_attachments(&self.session, &now(), self.case_id)
            .expect("list")
            .len()
    }

    fn log(&self) -> Vec<String> {
        app::profiles::activity_log(&self.session, &now())
            .expect("log")
            .into_iter()
            .map(|e| e.what)
            .collect()
    }

    fn save(&self) -> impl FnOnce(&RenderedDocument) -> Result<Option<SavedDocument>> + '_ {
        |file| documents::save(file, &self.dir.path().join("saved").join(&file.file_name)).map(Some)
    }
}

fn refused_because(f: &Fixture, name: &str, bytes: &[u8], words: &str) {
    let path = f.offer(name, bytes);
    let before = f.log().len();
    match f.add(&path) {
        Err(e) => {
            assert_eq!(e.code(), "file_refused", "{name}: {e}");
            assert!(e.to_string().contains(words), "{name}: {e}");
        }
        Ok(added) => panic!("{name} was added: {added:?}"),
    }
    assert_eq!(f.listed(), 0, "{name}: nothing stored");
    assert_eq!(f.log().len(), before, "{name}: nothing logged");
}

#[test]
fn hostile_files_are_refused_in_plain_words_and_change_nothing() {
    let f = Fixture::new();
    refused_because(&f, "empty.pdf", b"", "empty (0 bytes)");
    refused_because(
        &f,
        "letter.pdf",
        b"MZ\x90\0 a program named .pdf",
        "not a PDF",
    );
    refused_because(
        &f,
        "scan.png",
        b"%!PS-Adobe-3.0 a PostScript file",
        "not a PDF",
    );
    refused_because(&f, "damaged.pdf", b"%PDF-1.4\n1 0 obj <<", "damaged");
    refused_because(
        &f,
        "bomb.png",
        &png(200_000, 200_000, &[0; 64]),
        "200000 by 200000",
    );
    // Over the limit: refused from its size, before it is read.
    let big = f.dir.path().join("offered").join("huge.pdf");
    std::fs::File::create(&big)
        .and_then(|file| file.set_len(MAX_FILE_BYTES + 1))
        .expect("sparse file");
    match f.add(&big) {
        Err(e) => assert!(e.to_string().contains("over the 50.0 MB"), "{e}"),
        Ok(_) => panic!("a file over the limit was added"),
    }
    let missing = f.dir.path().join("offered").join("gone.pdf");
    assert_eq!(f.add(&missing).expect_err("missing").code(), "file_refused");
    assert_eq!(
        f.add(f.dir.path()).expect_err("a folder").code(),
        "file_refused"
    );
    assert_eq!(f.listed(), 0);
}

#[test]
fn a_password_protected_pdf_is_refused() {
    let f = Fixture::new();
    let plain = f.offer("plain.pdf", &pdf("Clinic letter"));
    let locked = f.dir.path().join("offered").join("locked.pdf");
    let status = std::process::Command::new("qpdf")
        .args(["--encrypt", "user-pass", "owner-pass", "256", "--"])
        .arg(&plain)
        .arg(&locked)
        .status()
        .expect("qpdf runs");
    assert!(status.success());
    let e = f.add(&locked).expect_err("refused");
    assert!(e.to_string().contains("protected with a password"), "{e}");
    assert_eq!(f.listed(), 0);
}

#[test]
fn a_name_with_markup_or_300_characters_becomes_a_plain_title() {
    let f = Fixture::new();
    // As long as a file name can be here (255 bytes); longer titles are cut to 300 characters
    // (`title_from_file_name`'s own test).
    let long = format!("<img src=x onerror=alert(1)>{}.png", "Ŵ".repeat(110));
    let added = f.add(&f.offer(&long, &png(10, 10, b""))).expect("added");
    assert_eq!(
        added.title,
        format!("<img src=x onerror=alert(1)>{}", "Ŵ".repeat(110))
    );
    assert_eq!(added.kind, AttachmentKind::Png);
    let renamed = app::attachments::update_attachment(
        &f.session,
        &now(),
        added.id,
        &AttachmentDetails {
            title: "Letter from Mr Okafor, September 2026".into(),
            dated: NaiveDate::from_ymd_opt(2026, 9, 12),
            answers: None,
        },
    )
    .expect("renamed");
    assert_eq!(renamed.dated_text, "12 September 2026");
}

#[test]
fn every_change_is_logged_in_words_that_never_name_the_file() {
    let f = Fixture::new();
    let added = f
        .add(&f.offer("Okafor letter.pdf", &pdf("Letter")))
        .expect("added");
    let saved = app::attachments::save_attachment_copy(&f.session, &now(), added.id, f.save())
        .expect("saved")
        .expect("chosen");
    assert_eq!(saved.file_name, "second-opinion-record-2026-11-21.pdf");
    let copy = std::fs::read(&saved.path).expect("copy");
    assert_eq!(copy, pdf("Letter"));
    app::attachments::remove_attachment(&f.session, &now(), added.id).expect("removed");
    assert_eq!(f.listed(), 0);
    app::attachments::restore_attachment(&f.session, &now(), added.id).expect("back");
    assert_eq!(f.listed(), 1);
    let log = f.log();
    for what in [
        app::attachments::ADDED,
        app::attachments::SAVED_COPY,
        app::attachments::REMOVED,
        app::attachments::BROUGHT_BACK,
    ] {
        assert!(log.iter().any(|w| w == what), "{what} in {log:?}");
    }
    assert!(log.iter().all(|w| !w.contains("Okafor")));
    let bytes = app::attachments::attachment_bytes(&f.session, &now(), added.id).expect("bytes");
    assert_eq!(bytes.kind, AttachmentKind::Pdf);
    assert_eq!(bytes.bytes, pdf("Letter"));
}

#[test]
fn a_file_removed_and_not_brought_back_is_gone_once_the_profile_opens_again() {
    let f = Fixture::new();
    let added = f.add(&f.offer("a.png", &png(3, 3, b""))).expect("added");
    app::attachments::remove_attachment(&f.session, &now(), added.id).expect("removed");
    let id = app::profiles::open_profile(&f.session).expect("open").id;
    app::profiles::lock_profile(&f.session);
    let mut rng = StdRng::seed_from_u64(8);
    app::profiles::unlock_profile(&f.session, &now(), &mut rng, &id, PASS).expect("unlocked");
    let e = app::attachments::restore_attachment(&f.session, &now(), added.id).expect_err("gone");
    assert_eq!(e.code(), "file_not_found");
}

fn consent(may_add_files: bool) -> CarerConsentDetails {
    CarerConsentDetails {
        carer_name: "Siân Jones".into(),
        relationship: "daughter".into(),
        purposes: String::new(),
        from: NaiveDate::from_ymd_opt(2026, 11, 1).expect("day"),
        until: None,
        how_given: Some(ConsentGiven::SignedLetter),
        may_add_files,
    }
}

#[test]
fn a_carer_adds_files_only_when_their_consent_allows_it() {
    let f = Fixture::new();
    let path = f.offer("scan.png", &png(4, 4, b""));
    let mine = f.add(&path).expect("the person adds");
    let without =
        app::carers::add_carer_consent(&f.session, &now(), &consent(false), PASS).expect("consent");
    let with =
        app::carers::add_carer_consent(&f.session, &now(), &consent(true), PASS).expect("consent");
    app::carers::act_for(&f.session, &now(), Some(without.id), None).expect("acting");
    let e = f.add(&path).expect_err("not allowed");
    assert!(e.to_string().contains("does not cover adding"), "{e}");
    let e = app::attachments::remove_attachment(&f.session, &now(), mine.id).expect_err("no");
    assert_eq!(e.code(), "invalid_input");
    assert_eq!(f.listed(), 1, "the carer still sees the files");
    app::carers::act_for(&f.session, &now(), None, Some(PASS)).expect("back");
    app::carers::act_for(&f.session, &now(), Some(with.id), None).expect("acting");
    f.add(&path).expect("allowed");
    assert_eq!(f.listed(), 2);
    let log = app::profiles::activity_log(&f.session, &now()).expect("log");
    assert_eq!(log[0].who, "Siân Jones (helping Dad)");
    assert_eq!(log[0].what, app::attachments::ADDED);
}

/// A writer for the log that keeps everything written to it.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every file under `dir` (recursively) changed since `since`, that can be read.
fn files_changed_since(dir: &Path, since: std::time::SystemTime, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            files_changed_since(&path, since, out);
        } else if meta.is_file() && meta.modified().is_ok_and(|m| m >= since) {
            out.push(path);
        }
    }
}

#[test]
fn a_files_contents_are_nowhere_but_in_the_encrypted_database() {
    let started = std::time::SystemTime::now() - std::time::Duration::from_secs(1);
    let log = Captured::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let f = Fixture::new();
    // The marker is in the files' bytes, never in their names.
    let letter = f.offer("letter.pdf", &pdf(MARKER));
    let photo = f.offer("photo.png", &png(8, 8, MARKER.as_bytes()));
    let added = app::attachments::add_attachments(
        &f.session,
        &now(),
        f.case_id,
        &[letter.clone(), photo.clone()],
        None,
    )
    .expect("added");
    assert!(added.iter().all(|a| a.added.is_some()), "{added:?}");
    for a in &added {
        let id = a.added.as_ref().expect("added").id;
        let bytes = app::attachments::attachment_bytes(&f.session, &now(), id).expect("bytes");
        assert!(contains(&bytes.bytes, MARKER.as_bytes()));
    }
    // The offered files are the person's own: the test removes them before it looks.
    std::fs::remove_file(&letter).expect("removed");
    std::fs::remove_file(&photo).expect("removed");
    f.session.wait_for_backup();
    app::profiles::lock_profile(&f.session);

    let mut files = Vec::new();
    files_changed_since(f.dir.path(), started, &mut files);
    assert!(files.iter().any(|p| p.ends_with("cases.db")), "{files:?}");
    files_changed_since(&std::env::temp_dir(), started, &mut files);
    for path in files {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        assert!(
            !contains(&bytes, MARKER.as_bytes()),
            "the marker is in {}",
            path.display()
        );
    }
    let log = log.0.lock().expect("log");
    assert!(
        !contains(&log, MARKER.as_bytes()),
        "the marker is in the log"
    );
}

#[test]
fn files_go_with_an_export_and_come_back_with_a_restored_backup_unchanged() {
    let f = Fixture::new();
    let letter = pdf("Clinic letter");
    let added = f.add(&f.offer("letter.pdf", &letter)).expect("added");
    let bytes = |session: &Session, now: &Now| {
        let listed = app::attachments::list_attachments(session, now, f.case_id).expect("list");
        assert_eq!(listed.len(), 1);
        app::attachments::attachment_bytes(session, now, listed[0].id)
            .expect("bytes")
            .bytes
    };
    // Export, then import on another computer (another data folder).
    let mut rng = StdRng::seed_from_u64(9);
    let export = app::profiles::export_profile(&f.session, &now(), &mut rng, PASS, PASS, |name| {
        Some(f.dir.path().join("saved").join(name))
    })
    .expect("exported")
    .expect("chosen");
    let other = tempfile::tempdir().expect("temp dir");
    let elsewhere = Session::for_tests(other.path());
    app::profiles::import_profile(&elsewhere, &now(), &mut rng, &export, PASS).expect("imported");
    assert_eq!(bytes(&elsewhere, &now()), letter);
    elsewhere.lock();

    // The next day's backup holds the file; a later change is undone by restoring it.
    let tomorrow = Now::at(now().at + chrono::Duration::days(1));
    assert_eq!(bytes(&f.session, &tomorrow), letter);
    f.session.wait_for_backup();
    app::attachments::remove_attachment(&f.session, &tomorrow, added.id).expect("removed");
    let id = app::profiles::open_profile(&f.session).expect("open").id;
    let backups = app::backups::list_backups(&f.session, &id).expect("backups");
    app::backups::restore_backup(&f.session, &tomorrow, &id, PASS, &backups[0].name)
        .expect("restored");
    if !f.session.is_open() {
        app::profiles::unlock_profile(&f.session, &tomorrow, &mut rng, &id, PASS).expect("open");
    }
    assert_eq!(bytes(&f.session, &tomorrow), letter);
}

/// The pixels of a PNG: its width, height and how many are darker than light grey.
fn dark_pixels(png_bytes: &[u8]) -> (u32, u32, usize) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let frame = reader.next_frame(&mut pixels).expect("decoded");
    let step = frame.color_type.samples();
    let dark = pixels[..frame.buffer_size()]
        .chunks(step)
        .filter(|p| p.iter().take(3).all(|c| *c < 160))
        .count();
    (frame.width, frame.height, dark)
}

#[test]
fn a_pdf_page_is_drawn_as_a_picture_for_the_window_and_nothing_else_is() {
    let f = Fixture::new();
    let letter = f
        .add(&f.offer("letter.pdf", &pdf("Okafor letter")))
        .expect("added");
    let drawn =
        app::attachments::attachment_page(&f.session, &now(), letter.id, 1, 800).expect("drawn");
    assert_eq!(drawn.pages, 1);
    let (width, height, dark) = dark_pixels(&drawn.png);
    assert_eq!(width, 800, "as wide as asked");
    assert_eq!(
        height,
        (800.0_f32 * 842.0 / 595.0) as u32,
        "the page's shape"
    );
    assert!(dark > 200, "the text is drawn ({dark} dark pixels)");
    // The window receives the page count, then the picture.
    let framed = drawn.clone().framed();
    assert_eq!(&framed[..4], &[0, 0, 0, 1]);
    assert_eq!(&framed[4..], &drawn.png[..]);

    // A page it does not have, a page 0, and a picture say so plainly.
    let beyond = app::attachments::attachment_page(&f.session, &now(), letter.id, 2, 800)
        .expect_err("no page 2");
    assert_eq!(
        beyond.to_string(),
        "This PDF has 1 page; there is no page 2."
    );
    assert!(app::attachments::attachment_page(&f.session, &now(), letter.id, 0, 800).is_err());
    let photo = f
        .add(&f.offer("photo.png", &png(2, 2, &[])))
        .expect("added");
    let refused = app::attachments::attachment_page(&f.session, &now(), photo.id, 1, 800)
        .expect_err("not a PDF");
    assert_eq!(refused.to_string(), "Only a PDF has pages to show.");
    // Drawing a page is not something the log needs: only changes and copies are logged.
    assert_eq!(
        f.log()
            .iter()
            .filter(|w| *w == app::attachments::ADDED)
            .count(),
        2
    );
}

#[test]
fn a_page_that_says_it_is_enormous_is_drawn_within_the_limits() {
    let f = Fixture::new();
    let mut doc = Document::load_mem(&pdf("Huge")).expect("pdf");
    for (_, page) in doc.get_pages() {
        let dict = doc
            .get_object_mut(page)
            .and_then(Object::as_dict_mut)
            .expect("page");
        // 14,400 points is the largest page PDF allows: 200 inches square.
        dict.set(
            "MediaBox",
            vec![0.into(), 0.into(), 14_400.into(), 14_400.into()],
        );
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saved");
    let huge = f.add(&f.offer("huge.pdf", &bytes)).expect("added");
    let drawn =
        app::attachments::attachment_page(&f.session, &now(), huge.id, 1, 100_000).expect("drawn");
    let (width, height, _) = dark_pixels(&drawn.png);
    assert!(
        width <= 1_600 && u64::from(width) * u64::from(height) <= 1_600 * 2_400,
        "{width} x {height}"
    );
}
