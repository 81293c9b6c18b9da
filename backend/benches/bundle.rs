//! How long the records bundle takes to make: 100 pages for the second doctor, from eight
//! PDFs of ten pages, ten phone photos (JPEG, passed through) and ten scans as PNG (decoded and
//! compressed again), with the index first.
//!
//! Run: `cargo bench -p backend --bench bundle`.

use std::hint::black_box;

use backend::cases::{CaseDetails, Nation};
use backend::documents::{
    records_bundle, BundleFile, BundleRecord, DocumentOptions, RecordsBundle,
};
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use lopdf::{dictionary, Document, Object, Stream};

/// A PDF of `pages` pages of letter-like text.
fn pdf(pages: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let kids: Vec<Object> = (1..=pages)
        .map(|n| {
            let mut ops = String::from("BT /F1 11 Tf 72 770 Td 14 TL\n");
            for line in 0..45 {
                ops.push_str(&format!(
                    "(Page {n}, line {line}: the results of the tests.) '\n"
                ));
            }
            ops.push_str("ET");
            let mut content = Stream::new(dictionary! {}, ops.into_bytes());
            content.compress().expect("compressed");
            let content = doc.add_object(content);
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            })
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => i64::try_from(pages).expect("n"),
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf");
    out
}

/// A grey scan of a page, 850 by 1100 pixels (100 dots per inch), with some lines of "text".
fn png_scan() -> Vec<u8> {
    let (w, h) = (850u32, 1100u32);
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Grayscale);
    let mut writer = encoder.write_header().expect("header");
    let pixels: Vec<u8> = (0..h)
        .flat_map(|y| (0..w).map(move |x| if y % 24 < 3 && x % 7 != 0 { 30 } else { 245 }))
        .collect();
    writer.write_image_data(&pixels).expect("pixels");
    drop(writer);
    out
}

fn bundle(c: &mut Criterion) {
    let case = CaseDetails {
        patient_name: "Margaret Ellison".into(),
        date_of_birth: NaiveDate::from_ymd_opt(1954, 3, 9),
        nhs_number: "943 476 5919".into(),
        nation: Some(Nation::England),
        ..CaseDetails::default()
    };
    let letter = pdf(10);
    let photo = include_bytes!("../tests/fixtures/wide-marked-top-left.jpg").to_vec();
    let scan = png_scan();
    let dated = NaiveDate::from_ymd_opt(2026, 9, 3);
    let mut records = Vec::new();
    for i in 0..8 {
        records.push(BundleRecord {
            title: format!("Hospital letter {i}"),
            dated,
            file: BundleFile::Pdf(letter.clone()),
        });
    }
    for i in 0..10 {
        records.push(BundleRecord {
            title: format!("Photo {i}"),
            dated,
            file: BundleFile::Jpeg(photo.clone()),
        });
        records.push(BundleRecord {
            title: format!("Scan {i}"),
            dated,
            file: BundleFile::Png(scan.clone()),
        });
    }
    let input = RecordsBundle {
        case: &case,
        with: "Dr Amira Hassan, St Mary's Hospital",
        records: &records,
    };
    let date = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
    let options = DocumentOptions::default();
    let made = records_bundle(&input, date, &options).expect("bundle");
    let pages = lopdf::Document::load_mem(&made.bytes)
        .expect("reads")
        .get_pages()
        .len();
    assert_eq!(
        pages, 102,
        "100 pages of records and the index of 28, on two pages"
    );
    let mut group = c.benchmark_group("records bundle");
    group.sample_size(10);
    group.bench_function("100 pages (80 PDF pages, 10 photos, 10 scans)", |b| {
        b.iter(|| black_box(records_bundle(&input, date, &options).expect("bundle")))
    });
    group.finish();
}

criterion_group!(benches, bundle);
criterion_main!(benches);
