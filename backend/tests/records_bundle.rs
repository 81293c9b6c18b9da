//! The records bundle for the second doctor: an index (whose records, for whom, each document
//! with its date and first page), then every chosen PDF's pages and each picture on a page of
//! its own, upright. Checked as a reader sees it: `pdfinfo` for pages and their sizes,
//! `pdftotext` for the index, `qpdf --check` for the file. Files that cannot go in are listed
//! as not included; hostile titles print as text; nothing that runs is copied.

mod support;

use backend::cases::{judge, CaseDetails, Nation};
use backend::documents::{
    records_bundle, BundleFile, BundleRecord, DocumentOptions, Paper, RecordsBundle,
    RenderedDocument,
};
use chrono::NaiveDate;
use lopdf::{dictionary, Document, Object, Stream};
use support::*;

/// A PDF of `pages` pages, each saying its number after `text`.
fn pdf(text: &str, pages: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let kids: Vec<Object> = (1..=pages)
        .map(|n| {
            let content = format!("BT /F1 14 Tf 72 720 Td ({text} page {n}) Tj ET");
            let content = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            })
            .into()
        })
        .collect();
    // Size and fonts inherited from the page tree, as many scanners write them.
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => i64::try_from(pages).expect("count"),
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf");
    out
}

/// A PNG of `w` by `h` pixels, grey with a black block in its top-left corner, with an EXIF
/// orientation when given.
fn png(w: u32, h: u32, orientation: Option<u8>) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().expect("header");
        if let Some(o) = orientation {
            writer
                .write_chunk(png::chunk::ChunkType(*b"eXIf"), &exif(o))
                .expect("exif");
        }
        let mut pixels = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let dark = x < w / 3 && y < h / 3;
                let v = if dark { 0 } else { 200 };
                pixels.extend_from_slice(&[v, v, v, 255]);
            }
        }
        writer.write_image_data(&pixels).expect("pixels");
    }
    out
}

/// A TIFF structure (as EXIF keeps it) whose only entry is the orientation.
fn exif(orientation: u8) -> Vec<u8> {
    vec![
        b'M',
        b'M',
        0,
        42,
        0,
        0,
        0,
        8,
        0,
        1,
        0x01,
        0x12,
        0,
        3,
        0,
        0,
        0,
        1,
        0,
        orientation,
        0,
        0,
        0,
        0,
        0,
        0,
    ]
}

/// A JPEG (60 by 30, a black block top left) with an EXIF orientation inserted after its start.
fn jpeg(orientation: u8) -> Vec<u8> {
    let plain = include_bytes!("fixtures/wide-marked-top-left.jpg");
    let mut body = b"Exif\0\0".to_vec();
    body.extend_from_slice(&exif(orientation));
    let len = u16::try_from(body.len() + 2).expect("short");
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&plain[2..]);
    out
}

fn day(d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 9, d)
}

fn record(title: &str, dated: Option<NaiveDate>, file: BundleFile) -> BundleRecord {
    BundleRecord {
        title: title.into(),
        dated,
        file,
    }
}

fn bundle(case: &CaseDetails, with: &str, records: &[BundleRecord]) -> RenderedDocument {
    let b = RecordsBundle {
        case,
        with,
        records,
    };
    let doc = records_bundle(&b, date(), &DocumentOptions::default()).expect("bundle");
    write_sample(&format!("records-bundle-{}", records.len()), &doc.bytes);
    doc
}

fn pages(bytes: &[u8]) -> usize {
    let info = tool("pdfinfo", &[], bytes);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("{info}"))
}

/// Each page's width and height in points, rounded.
fn page_sizes(bytes: &[u8]) -> Vec<(u32, u32)> {
    let n = pages(bytes).to_string();
    let info = tool("pdfinfo", &["-f", "1", "-l", &n], bytes);
    info.lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size: "))
        .map(|l| {
            let size = l.split(" size: ").nth(1).expect("size");
            let mut parts = size.split_whitespace();
            let w: f32 = parts.next().expect("w").parse().expect("w");
            parts.next();
            let h: f32 = parts.next().expect("h").parse().expect("h");
            (w.round() as u32, h.round() as u32)
        })
        .collect()
}

fn page_text(bytes: &[u8], page: usize) -> String {
    let p = page.to_string();
    flat(&tool(
        "pdftotext",
        &["-layout", "-enc", "UTF-8", "-f", &p, "-l", &p],
        bytes,
    ))
}

fn assert_valid(bytes: &[u8]) {
    let check = tool("qpdf", &["--check"], bytes);
    assert!(
        check.contains("No syntax or stream encoding errors found"),
        "{check}"
    );
}

#[test]
fn the_index_comes_first_then_every_pdf_page_then_each_picture() {
    let mut c = case();
    c.nation = Some(Nation::England);
    let records = [
        record(
            "Letter from Mr Okafor",
            day(3),
            BundleFile::Pdf(pdf("Clinic letter", 3)),
        ),
        record(
            "Photo of the scan report",
            day(14),
            BundleFile::Png(png(40, 60, None)),
        ),
    ];
    let doc = bundle(&c, "Dr Amira Hassan, St Mary's Hospital", &records);
    assert_eq!(doc.file_name, "second-opinion-records-2026-11-21.pdf");
    assert_eq!(
        pages(&doc.bytes),
        1 + 3 + 1,
        "index, the PDF's pages, the picture"
    );
    assert_valid(&doc.bytes);
    let index = page_text(&doc.bytes, 1);
    assert_in_order(
        &index,
        &[
            "Records for the second opinion with Dr Amira Hassan, St Mary's Hospital",
            "Name Margaret Ellison",
            "Date of birth 9 March 1954",
            "NHS number 943 476 5919",
            "Document Date Starts on page",
            "Letter from Mr Okafor 3 September 2026 2",
            "Photo of the scan report 14 September 2026 5",
            "Page 1 of 5",
        ],
    );
    assert!(!index.contains("Not included"), "{index}");
    // The PDF's own pages follow in order, with their inherited size and fonts.
    assert!(page_text(&doc.bytes, 2).contains("Clinic letter page 1"));
    assert!(page_text(&doc.bytes, 4).contains("Clinic letter page 3"));
    let title = tool("pdfinfo", &[], &doc.bytes);
    assert!(
        title.contains("Title:           Records for the second opinion\n"),
        "no names in the PDF's title: {title}"
    );
}

#[test]
fn the_number_is_named_as_the_nation_names_it() {
    for (nation, label) in [
        (Nation::Scotland, "CHI number"),
        (Nation::NorthernIreland, "H&C number"),
        (Nation::Wales, "NHS number"),
    ] {
        let mut c = case();
        c.nation = Some(nation);
        let records = [record("A letter", None, BundleFile::Pdf(pdf("Letter", 1)))];
        let index = page_text(&bundle(&c, "", &records).bytes, 1);
        assert!(index.contains(&format!("{label} 943 476 5919")), "{index}");
        assert!(
            index.contains("Records for the second opinion Name"),
            "no \"with\" when the second doctor is not known: {index}"
        );
    }
}

#[test]
fn files_that_cannot_go_in_are_listed_as_not_included_and_the_rest_still_are() {
    let records = [
        record("Good letter", day(1), BundleFile::Pdf(pdf("Good", 2))),
        record(
            "Broken letter",
            day(2),
            BundleFile::Pdf(b"%PDF-1.7\n1 0 obj << /Type /Catalog".to_vec()),
        ),
        record("iPhone photo", None, BundleFile::Heic),
        record(
            "Locked letter",
            day(4),
            BundleFile::Pdf(encrypted(&pdf("Secret", 1))),
        ),
        record(
            "Failed its check",
            None,
            BundleFile::Unreadable("the app's copy of it failed its check".into()),
        ),
        record(
            "Broken picture",
            None,
            BundleFile::Png(b"\x89PNG\r\n\x1a\nrubbish".to_vec()),
        ),
        record("Good picture", day(5), BundleFile::Jpeg(jpeg(1))),
    ];
    let doc = bundle(&case(), "", &records);
    assert_eq!(pages(&doc.bytes), 1 + 2 + 1);
    assert_valid(&doc.bytes);
    let index = page_text(&doc.bytes, 1);
    assert_in_order(
        &index,
        &[
            "Good letter 1 September 2026 2",
            "Good picture 5 September 2026 4",
            "Not included",
            "Broken letter (2 September 2026): not included, because the PDF is damaged and cannot be read",
            "iPhone photo: not included, because the app cannot put iPhone photos (HEIC) in a bundle",
            "Locked letter (4 September 2026): not included, because the PDF is protected with a password",
            "Failed its check: not included, because the app's copy of it failed its check",
            "Broken picture: not included, because the picture is damaged and cannot be read",
        ],
    );
}

#[test]
fn a_bundle_with_nothing_that_can_go_in_is_still_made_and_says_why() {
    let records = [record("iPhone photo", None, BundleFile::Heic)];
    let doc = bundle(&case(), "", &records);
    assert_eq!(pages(&doc.bytes), 1);
    let index = page_text(&doc.bytes, 1);
    assert!(
        index.contains("None of the chosen files could be put in this bundle"),
        "{index}"
    );
    let none = RecordsBundle {
        case: &case(),
        with: "",
        records: &[],
    };
    let refused = records_bundle(&none, date(), &DocumentOptions::default());
    assert!(
        matches!(refused, Err(backend::Error::InvalidInput(ref m)) if m.contains("tick at least one")),
        "{refused:?}"
    );
}

/// The PDF locked with a password (qpdf), as a hospital's portal may send it.
fn encrypted(bytes: &[u8]) -> Vec<u8> {
    let input = pdf_file(bytes);
    let output = tempfile::NamedTempFile::new().expect("temp");
    let status = std::process::Command::new("qpdf")
        .args(["--encrypt", "user-pass", "owner-pass", "256", "--"])
        .arg(input.path())
        .arg(output.path())
        .status()
        .expect("qpdf runs");
    assert!(status.success());
    std::fs::read(output.path()).expect("read")
}

#[test]
fn pictures_stand_upright_on_pages_that_fit_them() {
    let records = [
        // Wide as stored and as shown: a landscape page.
        record("Wide", None, BundleFile::Png(png(60, 30, None))),
        // Wide as stored, but the camera was turned (EXIF 6): tall once upright.
        record("Turned", None, BundleFile::Png(png(60, 30, Some(6)))),
        record("Turned photo", None, BundleFile::Jpeg(jpeg(6))),
        record("Photo", None, BundleFile::Jpeg(jpeg(1))),
    ];
    let doc = bundle(&case(), "", &records);
    assert_valid(&doc.bytes);
    assert_eq!(
        page_sizes(&doc.bytes),
        [(595, 842), (842, 595), (595, 842), (595, 842), (842, 595)]
    );
    // The black block stored top left is at the top right once turned: look at the pixels.
    for page in [3, 4] {
        let (w, h, px) = grey_pixels(&doc.bytes, page);
        let at = |x: usize, y: usize| px[y * w + x];
        assert!(
            at(w * 7 / 10, h / 8) < 60,
            "page {page}: dark at the top right"
        );
        assert!(
            at(w * 3 / 10, h / 8) > 150,
            "page {page}: light at the top left"
        );
    }
    let (w, h, px) = grey_pixels(&doc.bytes, 2);
    assert!(
        px[(h * 3 / 10) * w + w / 8] < 60,
        "unturned: dark at the top left"
    );
    assert!(
        px[(h * 3 / 10) * w + w * 7 / 8] > 150,
        "unturned: light at the top right"
    );
}

/// A page drawn by `pdftoppm` as grey pixels (width, height, one byte each).
fn grey_pixels(bytes: &[u8], page: usize) -> (usize, usize, Vec<u8>) {
    let file = pdf_file(bytes);
    let p = page.to_string();
    let out = std::process::Command::new("pdftoppm")
        .args(["-gray", "-r", "20", "-f", &p, "-l", &p])
        .arg(file.path())
        .output()
        .expect("pdftoppm runs");
    assert!(out.status.success());
    // PGM: "P5\n<w> <h>\n255\n" then the pixels.
    let data = out.stdout;
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        let start = at;
        while !data[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..at]).into_owned());
        at += 1;
    }
    let w: usize = fields[1].parse().expect("w");
    let h: usize = fields[2].parse().expect("h");
    (w, h, data[at..].to_vec())
}

#[test]
fn a_long_index_numbers_pages_from_the_finished_file() {
    let records: Vec<BundleRecord> = (1..=40)
        .map(|i| {
            record(
                &format!("Hospital letter number {i}"),
                day(1 + i % 28),
                BundleFile::Pdf(pdf("Letter", 1)),
            )
        })
        .collect();
    let doc = bundle(&case(), "", &records);
    let total = pages(&doc.bytes);
    let text = flat(&pdftotext(&doc.bytes));
    let index_pages = total - 40;
    assert!(index_pages >= 2, "{total}");
    let first = format!(
        "Hospital letter number 1 2 September 2026 {}",
        index_pages + 1
    );
    assert!(text.contains(&first), "{text}");
    let last = format!(
        "{} Records for the second opinion Page {index_pages} of {total}",
        index_pages + 40
    );
    assert!(text.contains(&last), "{text}");
    assert!(page_text(&doc.bytes, index_pages + 40).contains("Letter page 1"));
}

#[test]
fn the_index_and_the_pictures_are_printed_on_the_paper_and_in_the_text_size_chosen() {
    let mut records: Vec<BundleRecord> = (1..=20)
        .map(|i| {
            record(
                &format!("Hospital letter number {i}"),
                day(i),
                BundleFile::Pdf(pdf("Letter", 1)),
            )
        })
        .collect();
    records.push(record("Photo", day(21), BundleFile::Png(png(40, 60, None))));
    let case = case();
    let b = RecordsBundle {
        case: &case,
        with: "",
        records: &records,
    };
    let print = |paper, large_print| {
        let options = DocumentOptions {
            paper,
            large_print,
            ..DocumentOptions::default()
        };
        records_bundle(&b, date(), &options).expect("bundle").bytes
    };
    let a4 = print(Paper::A4, false);
    let letter_large = print(Paper::UsLetter, true);
    assert_valid(&letter_large);
    let index_pages = |bytes: &[u8]| pages(bytes) - records.len();
    assert!(
        index_pages(&letter_large) > index_pages(&a4),
        "large text makes the index longer: {} pages, not {}",
        index_pages(&letter_large),
        index_pages(&a4)
    );
    let sizes = page_sizes(&letter_large);
    let index = index_pages(&letter_large);
    assert!(sizes[..index].iter().all(|s| *s == (612, 792)), "{sizes:?}");
    // The records' own pages keep their size; the picture gets a page of the paper chosen.
    assert!(
        sizes[index..sizes.len() - 1]
            .iter()
            .all(|s| *s == (595, 842)),
        "{sizes:?}"
    );
    assert_eq!(sizes.last(), Some(&(612, 792)));
    assert!(page_sizes(&a4).last() == Some(&(595, 842)));
}

#[test]
fn hostile_titles_print_as_text() {
    let long_word = "a".repeat(300);
    let records = [
        record(
            "<script>alert(1)</script> & <b>bold</b>",
            None,
            BundleFile::Pdf(pdf("One", 1)),
        ),
        record(&long_word, None, BundleFile::Pdf(pdf("Two", 1))),
        record(
            "رسالة من المستشفى — হাসপাতালের চিঠি — ਹਸਪਤਾਲ — 💊 — Zoë Łukasz",
            day(9),
            BundleFile::Pdf(pdf("Three", 1)),
        ),
    ];
    let mut c = case();
    c.patient_name = "<i>Margaret</i>\u{202E}Ellison".into();
    let doc = bundle(&c, "<a href=x>Dr Who</a>", &records);
    assert_valid(&doc.bytes);
    assert_eq!(pages(&doc.bytes), 1 + 3);
    let index = page_text(&doc.bytes, 1);
    for needle in [
        "<script>alert(1)</script> & <b>bold</b>",
        "with <a href=x>Dr Who</a>",
        "<i>Margaret</i>Ellison",
        "[pill]",
        "হাসপাতালের চিঠি",
    ] {
        assert!(index.contains(needle), "{needle:?} in {index}");
    }
    // The long word is broken across lines, never cut off.
    let letters = index.chars().filter(|c| *c == 'a').count();
    assert!(letters >= 300, "{index}");
}

/// Every object of a PDF, reachable or not, that is or holds a carried file or a script.
fn carried(bytes: &[u8]) -> Vec<String> {
    let doc = Document::load_mem(bytes).expect("loads");
    let mut found = Vec::new();
    for (id, object) in &doc.objects {
        let (dict, content) = match object {
            Object::Dictionary(d) => (d, None),
            Object::Stream(st) => (
                &st.dict,
                Some(
                    st.decompressed_content()
                        .unwrap_or_else(|_| st.content.clone()),
                ),
            ),
            _ => continue,
        };
        let is = |kind: &[u8]| matches!(dict.get(b"Type"), Ok(Object::Name(n)) if n == kind);
        if is(b"EmbeddedFile") || is(b"Filespec") || dict.has(b"JS") || dict.has(b"EmbeddedFiles") {
            found.push(format!("{id:?}: {dict:?}"));
        }
        if content.is_some_and(|c| {
            c.windows(EMBEDDED_MARKER.len())
                .any(|w| w == EMBEDDED_MARKER)
        }) {
            found.push(format!("{id:?} holds the carried file"));
        }
    }
    found
}

/// What the file carried inside [`active_pdf`] holds.
const EMBEDDED_MARKER: &[u8] = b"EMBEDDED-FILE-7f3a";

/// A PDF that runs a script when opened and from a link, and carries a file of its own.
fn active_pdf() -> Vec<u8> {
    let mut doc = Document::load_mem(&pdf("Active", 1)).expect("loads");
    let js = doc.add_object(dictionary! {
        "S" => "JavaScript", "JS" => Object::string_literal("app.alert('hi')"),
    });
    let page_id = *doc.get_pages().values().next().expect("page");
    let link = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Link",
        "Rect" => vec![0.into(), 0.into(), 100.into(), 100.into()], "A" => js,
    });
    let page = doc
        .get_object_mut(page_id)
        .and_then(Object::as_dict_mut)
        .expect("page");
    page.set("Annots", vec![Object::Reference(link)]);
    page.set("AA", dictionary! { "O" => js });
    let file = doc.add_object(Stream::new(
        dictionary! { "Type" => "EmbeddedFile" },
        EMBEDDED_MARKER.to_vec(),
    ));
    let spec =
        doc.add_object(dictionary! { "Type" => "Filespec", "EF" => dictionary! { "F" => file } });
    let root = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .expect("root");
    let catalog = doc
        .get_object_mut(root)
        .and_then(Object::as_dict_mut)
        .expect("catalog");
    catalog.set("OpenAction", js);
    catalog.set(
        "Names",
        dictionary! { "EmbeddedFiles" => dictionary! { "Names" => vec![Object::string_literal("x"), spec.into()] } },
    );
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saved");
    out
}

#[test]
fn scripts_and_files_inside_a_pdf_are_left_behind() {
    let active = active_pdf();
    assert!(judge(&active).expect("judged").has_active_content);
    let records = [record("Active", None, BundleFile::Pdf(active))];
    let doc = bundle(&case(), "", &records);
    assert_valid(&doc.bytes);
    assert_eq!(pages(&doc.bytes), 2);
    assert!(page_text(&doc.bytes, 2).contains("Active page 1"));
    let judged = judge(&doc.bytes).expect("the bundle reads");
    assert!(
        !judged.has_active_content,
        "no script, action or file copied"
    );
    // Every object in the file, reachable or not, and every stream unpacked: the carried file
    // (reachable only from the source's catalogue) and the script are nowhere in it.
    assert!(
        !carried(&active_pdf()).is_empty(),
        "the check finds them in the source"
    );
    assert_eq!(carried(&doc.bytes), Vec::<String>::new());
    assert!(
        !doc.bytes.windows(10).any(|w| w == b"app.alert("),
        "no script text"
    );
}

#[test]
fn the_same_records_give_the_same_bytes() {
    let records = [
        record("Letter", day(3), BundleFile::Pdf(pdf("Letter", 2))),
        record("Photo", day(4), BundleFile::Png(png(30, 30, None))),
    ];
    let a = bundle(&case(), "Dr Hassan", &records);
    let b = bundle(&case(), "Dr Hassan", &records);
    assert_eq!(a.bytes, b.bytes);
}

/// The bundle and the prep pack made through the app's commands, as the window asks for them.
mod through_the_app {
    use super::*;
    use backend::app::{self, Now, Session};
    use backend::cases::AttachmentDetails;
    use backend::documents::pack::DocumentKind;
    use chrono::{FixedOffset, TimeZone};
    use rand::SeedableRng;

    const PASS: &str = "correct horse battery staple";

    fn now() -> Now {
        let at = FixedOffset::east_opt(0)
            .expect("offset")
            .with_ymd_and_hms(2026, 11, 21, 10, 30, 0)
            .single()
            .expect("time");
        Now::at(at)
    }

    struct Fixture {
        dir: tempfile::TempDir,
        session: Session,
        case_id: i64,
    }

    impl Fixture {
        fn new() -> Fixture {
            let dir = tempfile::tempdir().expect("temp dir");
            let session = Session::for_tests(&dir.path().join("data"));
            let mut rng = rand::rngs::StdRng::seed_from_u64(7);
            app::profiles::create_profile(&session, &now(), &mut rng, "Morag", PASS)
                .expect("profile");
            let mut details = case();
            details.nation = Some(Nation::Scotland);
            let case = app::cases::create_case(&session, &now(), &details).expect("case");
            session.wait_for_backup();
            Fixture {
                dir,
                session,
                case_id: case.case.id,
            }
        }

        /// Adds a file, titled and dated as the person would.
        fn add(&self, name: &str, bytes: &[u8], title: &str, dated: Option<NaiveDate>) -> i64 {
            let path = self.dir.path().join(name);
            std::fs::write(&path, bytes).expect("written");
            let added =
                app::attachments::add_attachment(&self.session, &now(), self.case_id, &path, None)
                    .expect("added");
            let details = AttachmentDetails {
                title: title.into(),
                dated,
                answers: None,
            };
            app::attachments::update_attachment(&self.session, &now(), added.id, &details)
                .expect("titled");
            added.id
        }

        fn saved(&self, document: &RenderedDocument) -> Vec<u8> {
            let path = self.dir.path().join(&document.file_name);
            backend::documents::save(document, &path).expect("saved");
            std::fs::read(path).expect("read")
        }

        fn prep_pack_text(&self) -> String {
            let mut bytes = Vec::new();
            app::documents::write_document(
                &self.session,
                &now(),
                self.case_id,
                DocumentKind::PrepPack,
                DocumentOptions::default(),
                |d| {
                    bytes = self.saved(d);
                    Ok(Some(backend::documents::SavedDocument {
                        file_name: d.file_name.clone(),
                        path: String::new(),
                    }))
                },
            )
            .expect("pack");
            flat(&pdftotext(&bytes))
        }
    }

    #[test]
    fn the_chosen_files_are_bundled_in_order_and_the_bundle_is_logged() {
        let f = Fixture::new();
        let letter = f.add(
            "a.pdf",
            &pdf("Clinic letter", 2),
            "Letter from the clinic",
            day(3),
        );
        let scan = f.add("b.png", &png(40, 60, None), "Scan report photo", day(20));
        let _unchosen = f.add("c.pdf", &pdf("Other", 1), "Not for this doctor", None);
        let mut bytes = Vec::new();
        let saved = app::attachments::write_records_bundle(
            &f.session,
            &now(),
            f.case_id,
            &[scan, letter],
            DocumentOptions::default(),
            |d| {
                bytes = f.saved(d);
                Ok(Some(backend::documents::SavedDocument {
                    file_name: d.file_name.clone(),
                    path: String::new(),
                }))
            },
        )
        .expect("bundle");
        assert!(saved.is_some());
        assert_eq!(pages(&bytes), 1 + 1 + 2);
        assert_valid(&bytes);
        let index = page_text(&bytes, 1);
        assert_in_order(
            &index,
            &[
                "CHI number 943 476 5919",
                "Scan report photo 20 September 2026 2",
                "Letter from the clinic 3 September 2026 3",
            ],
        );
        assert!(!index.contains("Not for this doctor"), "{index}");
        let log: Vec<String> = app::profiles::activity_log(&f.session, &now())
            .expect("log")
            .into_iter()
            .map(|e| e.what)
            .collect();
        assert!(
            log.iter().any(|w| w == "Printed a records bundle"),
            "{log:?}"
        );
        // Cancelled: nothing is logged a second time.
        let cancelled = app::attachments::write_records_bundle(
            &f.session,
            &now(),
            f.case_id,
            &[letter],
            DocumentOptions::default(),
            |_| Ok(None),
        )
        .expect("cancelled");
        assert!(cancelled.is_none());
        let again = app::profiles::activity_log(&f.session, &now()).expect("log");
        let bundles = again
            .iter()
            .filter(|e| e.what == "Printed a records bundle")
            .count();
        assert_eq!(bundles, 1);
    }

    #[test]
    fn files_over_the_bundle_limit_together_are_refused_before_any_is_read() {
        let f = Fixture::new();
        // A 41 MB picture: a small PNG with a large private chunk the decoders skip.
        let mut big = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut big, 2, 2);
            encoder.set_color(png::ColorType::Grayscale);
            let mut writer = encoder.write_header().expect("header");
            writer
                .write_chunk(png::chunk::ChunkType(*b"prVt"), &vec![0; 41 * 1024 * 1024])
                .expect("chunk");
            writer.write_image_data(&[0, 0, 0, 0]).expect("pixels");
        }
        let id = f.add("big.png", &big, "A large scan", None);
        // Five times over (the window never asks this, but the limit is on the total).
        let refused = app::attachments::write_records_bundle(
            &f.session,
            &now(),
            f.case_id,
            &[id; 5],
            DocumentOptions::default(),
            |_| panic!("nothing to save"),
        )
        .expect_err("over the limit");
        assert_eq!(refused.code(), "invalid_input");
        assert!(
            refused
                .to_string()
                .starts_with("The files you ticked come to 205.1 MB together."),
            "{refused}"
        );
        let log = app::profiles::activity_log(&f.session, &now()).expect("log");
        assert!(!log.iter().any(|e| e.what == "Printed a records bundle"));
    }

    #[test]
    fn a_file_of_another_case_is_refused() {
        let f = Fixture::new();
        let other = app::cases::create_case(&f.session, &now(), &case()).expect("case");
        let path = f.dir.path().join("x.pdf");
        std::fs::write(&path, pdf("Other case", 1)).expect("written");
        let theirs =
            app::attachments::add_attachment(&f.session, &now(), other.case.id, &path, None)
                .expect("added");
        let refused = app::attachments::write_records_bundle(
            &f.session,
            &now(),
            f.case_id,
            &[theirs.id],
            DocumentOptions::default(),
            |_| panic!("nothing to save"),
        );
        assert!(refused.is_err());
    }

    #[test]
    fn the_prep_pack_and_its_summary_list_the_files_only_when_there_are_some() {
        let f = Fixture::new();
        let without = f.prep_pack_text();
        assert!(!without.contains("Records I have"), "{without}");
        f.add(
            "a.pdf",
            &pdf("Clinic letter", 1),
            "Letter from Mr Okafor",
            day(3),
        );
        f.add("b.png", &png(20, 20, None), "Photo of the MRI report", None);
        let with = f.prep_pack_text();
        let listed = [
            "Records I have",
            "Letter from Mr Okafor — 3 September 2026",
            "Photo of the MRI report",
        ];
        // Once on the summary for the doctor, once in the pack beside what to bring.
        assert_in_order(&with, &[&listed[..], &listed[..]].concat());
        assert!(
            !with.contains("Records attached"),
            "the summary does not say none are attached: {with}"
        );
    }
}
