//! A page drawn apart, in the child process the app starts (here the `draw-page` program,
//! which is the same code under the same heap limit): the same picture as in this process,
//! a plain message for a PDF that asks for gigabytes (the child ends at its heap limit), and
//! an end to a child that hangs.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lopdf::{dictionary, Document, Object, Stream};
use printing::apart::{Apart, ChildFailure, PageDrawer};
use printing::preview::page_picture;

/// A one-page A4 PDF whose page is drawn by `content`, with the stream dictionary `filter`.
fn pdf_with_content(content: Vec<u8>, filter: Option<Object>) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let mut dict = dictionary! {};
    if let Some(filter) = filter {
        dict.set("Filter", filter);
    }
    let content_id = doc.add_object(Stream::new(dict, content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saved");
    bytes
}

fn drawer() -> Apart {
    Apart::program(PathBuf::from(env!("CARGO_BIN_EXE_draw-page")))
}

#[test]
fn a_page_drawn_apart_is_the_page_drawn_here() {
    let pdf = pdf_with_content(b"0 0 1 rg 100 500 300 200 re f".to_vec(), None);
    let here = page_picture(&pdf, 0, 600).expect("drawn here");
    let apart = PageDrawer::Apart(drawer())
        .draw(&pdf, 0, 600)
        .expect("drawn apart");
    assert_eq!(apart, here);
    assert_eq!((apart.width, apart.pages), (600, 1));
    assert!(apart.png.starts_with(b"\x89PNG"));
}

#[test]
fn the_childs_plain_words_come_back() {
    let pdf = pdf_with_content(b"0 0 1 rg 100 500 300 200 re f".to_vec(), None);
    let told = drawer().draw(&pdf, 4, 600).expect_err("no page 5");
    assert_eq!(told.0, "This PDF has 1 page; there is no page 5.");
}

/// A page whose content, packed twice, is 3 KB in the file and 2 GiB of spaces unpacked
/// (`tests/fixtures/spaces-2gib.zz`: Python's zlib.compress, level 9, of 2 GiB of spaces,
/// compressed again). Drawn in the app's own process it would take 2 GiB and more.
#[test]
fn a_pdf_that_unpacks_to_gigabytes_ends_the_child_and_is_refused_plainly() {
    let packed = include_bytes!("fixtures/spaces-2gib.zz").to_vec();
    let filter = Object::Array(vec!["FlateDecode".into(), "FlateDecode".into()]);
    let bomb = pdf_with_content(packed, Some(filter));
    assert!(bomb.len() < 8 * 1024, "{} bytes", bomb.len());
    // The child ends itself at its heap limit (Rust ends a program whose allocation fails).
    assert_eq!(
        drawer().try_draw(&bomb, 0, 600).expect_err("no answer"),
        ChildFailure::EndedBadly
    );
    let told = drawer().draw(&bomb, 0, 600).expect_err("refused");
    assert!(
        told.0.starts_with("This PDF cannot be shown here."),
        "{told}"
    );
    // The next child draws a page as ever.
    let pdf = pdf_with_content(b"0 0 1 rg 100 500 300 200 re f".to_vec(), None);
    drawer().draw(&pdf, 0, 600).expect("drawn");
}

#[test]
fn a_child_that_hangs_is_ended_at_its_time() {
    let hangs = Apart {
        program: PathBuf::from("sleep"),
        args: vec!["600".into()],
        timeout: Duration::from_millis(300),
    };
    let started = Instant::now();
    let failed = hangs.try_draw(b"%PDF-1.7", 0, 600).expect_err("ended");
    let took = started.elapsed();
    assert_eq!(failed, ChildFailure::TimedOut);
    // Ended at its time, not after the child's own ten minutes.
    assert!(took >= hangs.timeout, "{took:?}");
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn a_drawer_that_cannot_start_says_so_plainly() {
    let missing = Apart::program(PathBuf::from("/no/such/program"));
    assert_eq!(
        missing
            .try_draw(b"%PDF-1.7", 0, 600)
            .expect_err("not started"),
        ChildFailure::NotStarted
    );
    let told = missing.draw(b"%PDF-1.7", 0, 600).expect_err("refused");
    assert!(
        told.0.starts_with("This PDF cannot be shown here."),
        "{told}"
    );
}
