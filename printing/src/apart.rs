//! A page of a kept PDF drawn in a process of its own, so no PDF can take the app's memory.
//!
//! The rasteriser decodes whatever a page's streams say, and a small hostile PDF can say
//! "gigabytes" (a compressed stream of zeros inside another). Checking every stream first
//! cannot catch everything a page can ask for, so the page is drawn by a child: the app's
//! own program started again with [`CHILD_ARG`], which reads the request from a pipe, draws
//! with [`crate::preview::page_picture`] under a heap limit (the program's allocator is a [`Cap`]), writes the
//! picture to a pipe and ends. A child over its limit, too slow, or failing in any way is
//! ended and the person is told plainly; the app goes on.
//!
//! Invariants:
//! - The PDF and the picture pass only through pipes: nothing is written to a file.
//! - The parent ends a child once [`Apart::timeout`] has passed, and a child ends itself
//!   soon after [`TIMEOUT`] even if the app has gone; its heap holds about
//!   [`CHILD_HEAP_BYTES`] at most (a growing block briefly counts once, as its new size).
//! - The child's error output goes nowhere, so nothing it says reaches a log.
//! - An answer is believed only if it is whole and its picture within the preview's limits.

use std::alloc::GlobalAlloc;
use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub use cap::Cap;

use crate::pdf::PdfError;
use crate::preview::{page_picture, PagePicture, MAX_PIXELS, MAX_WIDTH};

/// The argument that makes the app's program a page drawer instead of the app.
pub const CHILD_ARG: &str = "--draw-pdf-page";

/// The most heap a page drawer may hold: a 50 MB scan (read, then copied by the parser) and
/// its decoded pictures fit well within it; a decompression bomb does not.
pub const CHILD_HEAP_BYTES: usize = 1024 * 1024 * 1024;

/// Longest a page may take to draw: the slowest real page measured (a 20 MB scan) takes
/// about a quarter of a second.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// The biggest PDF a request may carry (files in a case are smaller).
const MAX_REQUEST_BYTES: u64 = 256 * 1024 * 1024;

/// The biggest answer read back: a PNG of [`crate::preview::MAX_PIXELS`] is far smaller.
const MAX_ANSWER_BYTES: u64 = 64 * 1024 * 1024;

const REQUEST: &[u8; 8] = b"SOPAGE1\n";
const DRAWN: &[u8; 2] = b"OK";
const REFUSED: &[u8; 2] = b"NO";

/// How pages are drawn: here, or apart in a child process (what the app does).
#[derive(Debug, Clone, Default)]
pub enum PageDrawer {
    /// In this process: for tests and tools that have no program to start.
    #[default]
    InThisProcess,
    Apart(Apart),
    /// Not at all: the app could not find its own program, and drawing in its own process
    /// would give up the protection. Every page is "cannot be shown here".
    Unavailable,
}

impl PageDrawer {
    /// Draws page `page` (from 0) of the PDF `bytes`, `width` pixels wide.
    pub fn draw(&self, bytes: &[u8], page: usize, width: u32) -> Result<PagePicture, PdfError> {
        match self {
            PageDrawer::InThisProcess => page_picture(bytes, page, width),
            PageDrawer::Apart(apart) => apart.draw(bytes, page, width),
            PageDrawer::Unavailable => Err(not_shown()),
        }
    }
}

/// Why a child gave no answer to believe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChildFailure {
    /// The program could not be started.
    NotStarted,
    /// It took longer than its time and was ended.
    TimedOut,
    /// It ended without success: over its heap limit, or failing in some other way.
    EndedBadly,
    /// It ended well but its answer was not a whole, believable one.
    Garbled,
}

/// The program that draws pages apart, and how long it may take.
#[derive(Debug, Clone)]
pub struct Apart {
    pub program: PathBuf,
    pub args: Vec<OsString>,
    pub timeout: Duration,
}

impl Apart {
    /// The app's own program `program`, started with [`CHILD_ARG`].
    pub fn program(program: PathBuf) -> Apart {
        Apart {
            program,
            args: vec![CHILD_ARG.into()],
            timeout: TIMEOUT,
        }
    }

    /// Draws the page in a child process (see the module's notes).
    pub fn draw(&self, bytes: &[u8], page: usize, width: u32) -> Result<PagePicture, PdfError> {
        self.try_draw(bytes, page, width)
            .unwrap_or_else(|_| Err(not_shown()))
    }

    /// As [`Apart::draw`], saying why when the child gave no answer to believe.
    pub fn try_draw(
        &self,
        bytes: &[u8],
        page: usize,
        width: u32,
    ) -> Result<Result<PagePicture, PdfError>, ChildFailure> {
        let answer = self.ask(bytes, page, width)?;
        read_answer(&answer).ok_or(ChildFailure::Garbled)
    }

    /// Starts the child, gives it the request and reads its whole answer, ending it once
    /// [`Apart::timeout`] has passed.
    fn ask(&self, bytes: &[u8], page: usize, width: u32) -> Result<Vec<u8>, ChildFailure> {
        let mut child = Command::new(&self.program)
            .args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|_| ChildFailure::NotStarted)?;
        let (mut input, output) = match (child.stdin.take(), child.stdout.take()) {
            (Some(input), Some(output)) => (input, output),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(ChildFailure::NotStarted);
            }
        };
        let head = request_head(bytes, page, width);
        let (done, answered) = mpsc::channel();
        std::thread::scope(|scope| {
            // A child that stops reading (it failed) breaks the pipe: that ends this writer.
            scope.spawn(move || {
                let _ = input.write_all(&head).and_then(|()| input.write_all(bytes));
            });
            scope.spawn(move || {
                let mut answer = Vec::new();
                let read = output.take(MAX_ANSWER_BYTES).read_to_end(&mut answer);
                let _ = done.send(read.map(|_| answer));
            });
            let answer = answered.recv_timeout(self.timeout);
            if answer.is_err() {
                // Ending the child closes its pipes, so both threads above finish.
                let _ = child.kill();
            }
            let status = child.wait().map_err(|_| ChildFailure::EndedBadly)?;
            let Ok(read) = answer else {
                return Err(ChildFailure::TimedOut);
            };
            if !status.success() {
                return Err(ChildFailure::EndedBadly);
            }
            read.map_err(|_| ChildFailure::Garbled)
        })
    }
}

fn not_shown() -> PdfError {
    PdfError("This PDF cannot be shown here. You can still save a copy and open it in another program, or put it in the records bundle.".into())
}

/// The request's first 24 bytes; the PDF's bytes follow.
fn request_head(bytes: &[u8], page: usize, width: u32) -> Vec<u8> {
    let page = u32::try_from(page).unwrap_or(u32::MAX);
    let mut out = Vec::with_capacity(24);
    out.extend_from_slice(REQUEST);
    out.extend_from_slice(&page.to_be_bytes());
    out.extend_from_slice(&width.to_be_bytes());
    out.extend_from_slice(&(bytes.len() as u64).to_be_bytes());
    out
}

fn be_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// The child's answer: a picture, or the plain words of why not. `None` for anything else.
fn read_answer(answer: &[u8]) -> Option<Result<PagePicture, PdfError>> {
    let (tag, rest) = answer.split_at_checked(2)?;
    if tag == DRAWN {
        let (width, height, pages) = (be_u32(rest, 0)?, be_u32(rest, 4)?, be_u32(rest, 8)?);
        let png = rest.get(12..)?;
        // A little over the limits allows for rounding each side up to a whole pixel.
        let pixels = u64::from(width) * u64::from(height);
        if !png.starts_with(b"\x89PNG\r\n\x1a\n")
            || width > MAX_WIDTH + 2
            || pixels > MAX_PIXELS + MAX_PIXELS / 50
        {
            return None;
        }
        return Some(Ok(PagePicture {
            png: png.to_vec(),
            width,
            height,
            pages: pages as usize,
        }));
    }
    if tag == REFUSED {
        let words = std::str::from_utf8(rest).ok()?;
        return Some(Err(PdfError(words.chars().take(400).collect())));
    }
    None
}

/// The child's side: reads one request from `input`, draws the page and writes the answer
/// to `output`.
pub fn serve(mut input: impl Read, mut output: impl Write) -> io::Result<()> {
    let mut head = [0u8; 24];
    input.read_exact(&mut head)?;
    if &head[..8] != REQUEST {
        return Err(io::Error::other("not a request"));
    }
    let field =
        |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let (page, width) = (field(8), field(12));
    let len = u64::from_be_bytes(head[16..24].try_into().map_err(io::Error::other)?);
    if len > MAX_REQUEST_BYTES {
        return Err(io::Error::other("too big"));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    input.take(len).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != len {
        return Err(io::Error::other("the request was cut short"));
    }
    let mut answer = Vec::new();
    match page_picture(&bytes, page as usize, width) {
        Ok(picture) => {
            answer.extend_from_slice(DRAWN);
            answer.extend_from_slice(&picture.width.to_be_bytes());
            answer.extend_from_slice(&picture.height.to_be_bytes());
            let pages = u32::try_from(picture.pages).unwrap_or(u32::MAX);
            answer.extend_from_slice(&pages.to_be_bytes());
            answer.extend_from_slice(&picture.png);
        }
        Err(PdfError(words)) => {
            answer.extend_from_slice(REFUSED);
            answer.extend_from_slice(words.as_bytes());
        }
    }
    output.write_all(&answer)?;
    output.flush()
}

/// The child's whole life: limits the heap of `allocator` (the program's global allocator)
/// to [`CHILD_HEAP_BYTES`] more than it holds now, then serves one request on standard input
/// and output. Returns the exit code for the child to end with. A child still drawing a
/// little after [`TIMEOUT`] ends itself, so one can never outlive the app for long.
pub fn serve_stdio<H: GlobalAlloc>(allocator: &Cap<H>) -> i32 {
    std::thread::spawn(|| {
        std::thread::sleep(TIMEOUT + Duration::from_secs(5));
        std::process::exit(3);
    });
    if allocator
        .set_limit(allocator.allocated().saturating_add(CHILD_HEAP_BYTES))
        .is_err()
    {
        return 2;
    }
    match serve(io::stdin().lock(), io::stdout().lock()) {
        Ok(()) => 0,
        Err(_) => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_that_is_not_one_is_not_believed() {
        assert!(read_answer(b"").is_none());
        assert!(read_answer(b"OK\0\0\0\x01").is_none());
        assert!(read_answer(b"OK\0\0\0\x01\0\0\0\x01\0\0\0\x01not a png").is_none());
        assert!(read_answer(b"NO\xff\xfe").is_none());
        let words = read_answer(b"NOThis PDF has 1 page; there is no page 2.").expect("read");
        assert_eq!(
            words.expect_err("refused").0,
            "This PDF has 1 page; there is no page 2."
        );
    }

    /// A one-page PDF of nothing but a blue box (an A4 page).
    fn one_page() -> Vec<u8> {
        let content = "0 0 1 rg 100 500 300 200 re f";
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_owned(),
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len()
            ),
        ];
        let mut out = String::from("%PDF-1.7\n");
        let mut offsets = Vec::new();
        for (i, object) in objects.iter().enumerate() {
            offsets.push(out.len());
            out += &format!("{} 0 obj\n{object}\nendobj\n", i + 1);
        }
        let xref = out.len();
        out += "xref\n0 5\n0000000000 65535 f \n";
        for at in offsets {
            out += &format!("{at:010} 00000 n \n");
        }
        out += &format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        out.into_bytes()
    }

    fn served(bytes: &[u8], page: usize, width: u32) -> Vec<u8> {
        let mut sent = request_head(bytes, page, width);
        sent.extend_from_slice(bytes);
        let mut answer = Vec::new();
        serve(&sent[..], &mut answer).expect("served");
        answer
    }

    #[test]
    fn a_request_is_read_back_as_it_was_sent() {
        let pdf = one_page();
        // The page and the width asked for are the ones drawn.
        let drawn = read_answer(&served(&pdf, 0, 800)).expect("an answer");
        let drawn = drawn.expect("drawn");
        assert_eq!((drawn.width, drawn.pages), (800, 1));
        assert_eq!(drawn, page_picture(&pdf, 0, 800).expect("drawn here"));
        let told = read_answer(&served(&pdf, 3, 800)).expect("an answer");
        assert_eq!(
            told.expect_err("no page 4").0,
            "This PDF has 1 page; there is no page 4."
        );
        // Not a real PDF: the child says so in plain words.
        let told = read_answer(&served(b"%PDF-1.7 not really", 0, 800)).expect("an answer");
        let told = told.expect_err("refused");
        assert!(
            told.0.starts_with("This PDF cannot be shown here."),
            "{told}"
        );
    }

    #[test]
    fn a_request_cut_short_is_not_drawn() {
        let pdf = one_page();
        let mut sent = request_head(&pdf, 0, 800);
        sent.extend_from_slice(&pdf[..pdf.len() / 2]);
        let mut answer = Vec::new();
        assert!(serve(&sent[..], &mut answer).is_err());
        assert!(answer.is_empty());
    }

    #[test]
    fn a_picture_bigger_than_the_preview_draws_is_not_believed() {
        let mut answer = b"OK".to_vec();
        for n in [MAX_WIDTH * 4, 4_000, 1] {
            answer.extend_from_slice(&n.to_be_bytes());
        }
        answer.extend_from_slice(b"\x89PNG\r\n\x1a\n");
        assert!(read_answer(&answer).is_none());
    }
}
