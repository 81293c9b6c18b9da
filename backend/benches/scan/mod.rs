//! A scanned letter as a PDF of a given size (one page holding one picture of noise, which no
//! compression shrinks), shared by the attachment benchmark and the responsiveness measurement.

use lopdf::{dictionary, Document, Object, Stream};
use rand::{rngs::StdRng, Rng, SeedableRng};

/// A one-page PDF like a scan: a picture of `bytes` bytes that do not compress.
pub fn scan_pdf(bytes: usize) -> Vec<u8> {
    let mut picture = vec![0u8; bytes];
    StdRng::seed_from_u64(7).fill_bytes(&mut picture);
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let side = ((bytes / 3) as f64).sqrt() as i64;
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => side, "Height" => side,
            "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8,
        },
        picture,
    ));
    let content = doc.add_object(Stream::new(
        dictionary! {},
        b"q 595 0 0 842 0 0 cm /Im1 Do Q".to_vec(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf");
    out
}
