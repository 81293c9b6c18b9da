use lopdf::{dictionary, Document, Object, Stream};

use super::*;

/// A PDF of `pages` blank pages, made with lopdf; `extra` may add to its catalog.
pub(crate) fn pdf(pages: usize, extra: impl FnOnce(&mut Document, lopdf::ObjectId)) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for _ in 0..pages {
        let content = doc.add_object(Stream::new(dictionary! {}, b"0 0 m 10 10 l S".to_vec()));
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Contents" => content,
        })));
    }
    let count = i64::try_from(kids.len()).expect("pages");
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    extra(&mut doc, catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf");
    out
}

pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    bytes
}

pub(crate) fn jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
    bytes.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    bytes.extend_from_slice(&[0xFF, 0xC0, 0, 17, 8]);
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9]);
    bytes
}

fn refusal(bytes: &[u8]) -> String {
    match judge(bytes) {
        Err(Error::FileRefused(message)) => message,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn kinds_are_judged_by_the_bytes() {
    let judged = judge(&pdf(3, |_, _| {})).expect("pdf");
    assert_eq!((judged.kind, judged.pages), (AttachmentKind::Pdf, Some(3)));
    assert!(!judged.has_active_content);
    let judged = judge(&png(1200, 800)).expect("png");
    assert_eq!(
        (judged.kind, judged.pixels),
        (AttachmentKind::Png, Some((1200, 800)))
    );
    let judged = judge(&jpeg(4032, 3024)).expect("jpeg");
    assert_eq!(
        (judged.kind, judged.pixels),
        (AttachmentKind::Jpeg, Some((4032, 3024)))
    );
    let mut heic = vec![0, 0, 0, 24];
    heic.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
    assert_eq!(judge(&heic).expect("heic").kind, AttachmentKind::Heic);
}

#[test]
fn an_empty_file_or_another_kind_is_refused_whatever_its_name() {
    assert!(refusal(b"").contains("empty"));
    // A text file named "scan.pdf" is not a PDF.
    assert!(refusal(b"<script>alert(1)</script> not a pdf").contains("not a PDF"));
    // A Word file, a ZIP, an AVIF picture.
    assert!(refusal(b"PK\x03\x04rest of a zip").contains("not a PDF"));
    let mut avif = vec![0, 0, 0, 24];
    avif.extend_from_slice(b"ftypavif\0\0\0\0mif1avif");
    assert!(refusal(&avif).contains("not a PDF"));
}

#[test]
fn a_decompression_bomb_is_refused_from_its_header_alone() {
    // 100,000 by 100,000 pixels in a few bytes: never decoded.
    assert!(refusal(&png(100_000, 100_000)).contains("100000 by 100000"));
    assert!(refusal(&png(20_000, 10_000)).contains("pixels"));
    assert!(refusal(&jpeg(65_000, 65_000)).contains("pixels"));
    assert!(refusal(&png(0, 10)).contains("damaged"));
    assert!(refusal(b"\x89PNG\r\n\x1a\n").contains("damaged"));
    assert!(refusal(&[0xFF, 0xD8, 0xFF, 0xDA, 0, 2]).contains("damaged"));
    assert!(
        judge(&png(8064, 6048)).is_ok(),
        "a 48-megapixel photo is kept"
    );
}

#[test]
fn a_damaged_pdf_is_refused() {
    let whole = pdf(2, |_, _| {});
    assert!(refusal(b"%PDF-1.7\n garbage").contains("damaged"));
    assert!(refusal(&whole[..whole.len() / 3]).contains("damaged"));
    assert!(refusal(&pdf(0, |_, _| {})).contains("no pages"));
}

#[test]
fn a_pdf_with_javascript_or_files_inside_is_kept_and_noted() {
    let script = pdf(1, |doc, catalog| {
        let action = doc.add_object(
            dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.alert(1)") },
        );
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(catalog) {
            d.set("OpenAction", action);
        }
    });
    assert!(judge(&script).expect("kept").has_active_content);
    let embedded = pdf(1, |doc, catalog| {
        let files = doc.add_object(dictionary! { "Names" => vec![] });
        let names = doc.add_object(dictionary! { "EmbeddedFiles" => files });
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(catalog) {
            d.set("Names", names);
        }
    });
    assert!(judge(&embedded).expect("kept").has_active_content);
}

#[test]
fn a_title_comes_from_the_name_cleaned_and_cut() {
    assert_eq!(
        title_from_file_name("/home/a/Clinic_letter  Sept.pdf"),
        "Clinic letter Sept"
    );
    assert_eq!(
        title_from_file_name("C:\\Scans\\scan.2026.jpeg"),
        "scan.2026"
    );
    assert_eq!(title_from_file_name(".pdf"), ".pdf");
    assert_eq!(
        title_from_file_name("\u{202E}fdp.exe\u{200B}\n.pdf"),
        "fdp.exe"
    );
    assert_eq!(title_from_file_name("   .png"), "Untitled file");
    // Markup is kept as text (the window shows it as text).
    let markup = "<img src=x onerror=alert(1)>.pdf";
    assert_eq!(title_from_file_name(markup), "<img src=x onerror=alert(1)>");
    let long = format!("{}.pdf", "é".repeat(400));
    let title = title_from_file_name(&long);
    assert_eq!(title.chars().count(), MAX_TITLE_CHARS);
    let details = AttachmentDetails {
        title,
        dated: None,
        answers: None,
    };
    assert!(details.validate().is_ok());
}

#[test]
fn details_are_checked() {
    let ok = AttachmentDetails {
        title: "Letter".into(),
        dated: None,
        answers: None,
    };
    assert!(ok.validate().is_ok());
    for bad in [
        AttachmentDetails {
            title: " ".into(),
            ..ok.clone()
        },
        AttachmentDetails {
            title: "x".repeat(301),
            ..ok.clone()
        },
        AttachmentDetails {
            title: "a\0b".into(),
            ..ok.clone()
        },
        AttachmentDetails {
            dated: NaiveDate::from_ymd_opt(1800, 1, 1),
            ..ok.clone()
        },
    ] {
        assert!(
            matches!(bad.validate(), Err(Error::InvalidInput(_))),
            "{bad:?}"
        );
    }
}

#[test]
fn sizes_read_the_uk_way() {
    assert_eq!(size_text(512), "512 bytes");
    assert_eq!(size_text(34 * 1024), "34 KB");
    assert_eq!(size_text(2_516_582), "2.4 MB");
    assert_eq!(size_text(MAX_FILE_BYTES), "50.0 MB");
    assert_eq!(size_text(3 * 1024 * 1024 * 1024), "3.0 GB");
    // The largest size there is still reads as a size.
    assert_eq!(size_text(u64::MAX), "17179869184.0 GB");
}
