//! Printed documents as pure geometry, then as PDF bytes. Generic: nothing here knows what a
//! case, a journey or a letter is; the backend's `documents` module turns those into
//! [`layout::Block`]s.
//!
//! 1. [`layout`] flows blocks onto pages: measuring with the fonts' own advances, keeping
//!    headings with what follows, repeating table headers, numbering pages. The result is a
//!    [`layout::Layout`] with a text snapshot for tests.
//! 2. `wrap` breaks text into lines at Unicode line-break opportunities (UAX #14), never
//!    inside a grapheme cluster, measuring with `shape`'s shaped advances, and puts each line's
//!    runs in visual order (UAX #9).
//! 3. [`text`] gets text ready to print (composed, NFC; invisible characters removed; emoji as
//!    their names and any other character no font has as its code).
//! 4. [`pdf`] writes a layout as a PDF with subset, embedded [`fonts`] and fixed metadata: the
//!    same layout always gives the same bytes. `tags` adds its structure tree (a tagged PDF),
//!    from the roles the layout gave its text.
//! 5. [`preview`] draws a page of a PDF the person keeps as a PNG for the window (hayro);
//!    [`apart`] does it in a child process with a heap limit, so no PDF can take the app's
//!    memory.

pub mod apart;
pub mod bundle;
pub mod fonts;
pub mod layout;
pub mod pdf;
pub mod preview;
mod shape;
mod tags;
pub mod text;
mod wrap;

/// The paper a document is laid out for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Paper {
    #[default]
    A4,
    UsLetter,
}
