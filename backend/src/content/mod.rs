//! The app's guidance and templates, from `content/`, embedded at build time.
//!
//! Invariants:
//! - Content files are data (TOML), never code. Each file is one item with a `kind`.
//! - Every item has a stable `id`, a `title`, the `nations` it applies to, at least one source,
//!   a `reviewed` date and a `review_by` date; ids are unique. [`Content::load`] checks this, and a
//!   test loads the embedded content, so broken content fails the build's tests, not the person.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use include_dir::{include_dir, Dir};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cases::Nation;
use crate::error::{Error, Result};

static CONTENT_DIR: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../content");

/// What every content item carries: who it is for, where it came from, when it was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ItemMeta {
    pub id: String,
    pub title: String,
    pub nations: Vec<Nation>,
    pub sources: Vec<String>,
    #[ts(type = "string")]
    #[serde(deserialize_with = "toml_date")]
    pub reviewed: NaiveDate,
    #[ts(type = "string")]
    #[serde(deserialize_with = "toml_date")]
    pub review_by: NaiveDate,
}

/// Reads a TOML date (`reviewed = 2026-11-21`) as a calendar date.
fn toml_date<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<NaiveDate, D::Error> {
    use serde::de::Error as _;
    let value = toml::value::Datetime::deserialize(d)?;
    match (value.date, value.time) {
        (Some(date), None) => NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
        .ok_or_else(|| D::Error::custom("not a real date")),
        _ => Err(D::Error::custom("expected a date like 2026-11-21")),
    }
}

/// The text of a screen (for now, the home screen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Screen {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    /// Short paragraphs introducing the screen.
    pub intro: Vec<String>,
    /// The label of the main button.
    pub start_label: String,
    /// The emergency line shown on the screen.
    pub emergency: String,
}

/// A letter template. `body` is a minijinja template; paragraphs are separated by blank lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterTemplate {
    #[serde(flatten)]
    pub meta: ItemMeta,
    /// The start of the saved file's name, with no health details: the date is added after it.
    pub file_stem: String,
    /// The line in bold under the date: what the letter is about.
    pub subject: String,
    pub salutation: String,
    pub body: String,
    pub closing: String,
}

/// One content file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
enum Item {
    Screen(Screen),
    Letter(LetterTemplate),
}

impl Item {
    fn meta(&self) -> &ItemMeta {
        match self {
            Item::Screen(s) => &s.meta,
            Item::Letter(l) => &l.meta,
        }
    }
}

/// All content, checked.
#[derive(Debug, Clone, Default)]
pub struct Content {
    screens: BTreeMap<String, Screen>,
    letters: BTreeMap<String, LetterTemplate>,
}

impl Content {
    /// The content embedded in this build, loaded once.
    pub fn embedded() -> Result<&'static Content> {
        static LOADED: OnceLock<std::result::Result<Content, String>> = OnceLock::new();
        LOADED
            .get_or_init(|| {
                let files = CONTENT_DIR
                    .find("**/*.toml")
                    .map_err(|e| e.to_string())?
                    .filter_map(|entry| entry.as_file())
                    .map(|f| {
                        (
                            f.path().display().to_string(),
                            f.contents_utf8().unwrap_or_default().to_owned(),
                        )
                    });
                Content::load(files).map_err(|e| match e {
                    Error::Content(msg) => msg,
                    other => other.to_string(),
                })
            })
            .as_ref()
            .map_err(|msg| Error::Content(msg.clone()))
    }

    /// Parses and checks content files given as `(path, text)`.
    pub fn load(files: impl IntoIterator<Item = (String, String)>) -> Result<Content> {
        let mut content = Content::default();
        let mut seen = BTreeMap::new();
        for (path, text) in files {
            let item: Item =
                toml::from_str(&text).map_err(|e| Error::Content(format!("{path}: {e}")))?;
            let meta = item.meta();
            check_meta(meta).map_err(|e| Error::Content(format!("{path}: {e}")))?;
            if let Some(other) = seen.insert(meta.id.clone(), path.clone()) {
                return Err(Error::Content(format!(
                    "{path}: id '{}' is already used by {other}",
                    meta.id
                )));
            }
            match item {
                Item::Screen(s) => {
                    content.screens.insert(s.meta.id.clone(), s);
                }
                Item::Letter(l) => {
                    check_template(&l).map_err(|e| Error::Content(format!("{path}: {e}")))?;
                    content.letters.insert(l.meta.id.clone(), l);
                }
            }
        }
        Ok(content)
    }

    /// The home screen's text.
    pub fn home(&self) -> Result<&Screen> {
        self.screen("home")
    }

    /// A screen's text by id.
    pub fn screen(&self, id: &str) -> Result<&Screen> {
        self.screens
            .get(id)
            .ok_or_else(|| Error::Content(format!("no screen '{id}'")))
    }

    /// A letter template by id.
    pub fn letter(&self, id: &str) -> Result<&LetterTemplate> {
        self.letters
            .get(id)
            .ok_or_else(|| Error::Content(format!("no letter '{id}'")))
    }

    /// Every item's metadata, for checks and the review book.
    pub fn metas(&self) -> impl Iterator<Item = &ItemMeta> {
        self.screens
            .values()
            .map(|s| &s.meta)
            .chain(self.letters.values().map(|l| &l.meta))
    }
}

fn check_meta(meta: &ItemMeta) -> std::result::Result<(), String> {
    let id_ok = !meta.id.is_empty()
        && meta
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        return Err(format!(
            "id '{}' must be lower-case letters, digits and hyphens",
            meta.id
        ));
    }
    if meta.title.trim().is_empty() {
        return Err("title is empty".into());
    }
    if meta.nations.is_empty() {
        return Err("nations is empty: list the nations the item applies to".into());
    }
    if meta.sources.iter().all(|s| s.trim().is_empty()) {
        return Err("sources is empty: name at least one source".into());
    }
    if meta.review_by <= meta.reviewed {
        return Err("review_by must be after reviewed".into());
    }
    Ok(())
}

fn check_template(letter: &LetterTemplate) -> std::result::Result<(), String> {
    let env = minijinja::Environment::new();
    env.template_from_str(&letter.body)
        .map(|_| ())
        .map_err(|e| format!("body template: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const META: &str = r#"
id = "x"
title = "X"
nations = ["england"]
sources = ["seed 000"]
reviewed = 2026-11-21
review_by = 2027-11-21
"#;

    fn screen(id: &str) -> String {
        format!(
            "kind = \"screen\"\n{}\nintro = [\"a\"]\nstart_label = \"Start\"\nemergency = \"999\"\n",
            META.replace("id = \"x\"", &format!("id = \"{id}\""))
        )
    }

    #[test]
    fn embedded_content_loads_and_has_the_home_screen_and_gp_letter() {
        let content = Content::embedded().expect("embedded content is valid");
        let home = content.home().expect("home");
        assert_eq!(
            home.intro.len(),
            2,
            "the home screen says what the app does in two sentences"
        );
        assert!(home.emergency.contains("999") && home.emergency.contains("NHS 111"));
        content.letter("letter-gp-request").expect("gp letter");
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let err = Content::load([
            ("a.toml".into(), screen("s")),
            ("b.toml".into(), screen("s")),
        ])
        .expect_err("duplicate");
        assert!(matches!(err, Error::Content(msg) if msg.contains("already used")));
    }

    #[test]
    fn missing_fields_are_refused() {
        let text = screen("s").replace("sources = [\"seed 000\"]\n", "");
        assert!(Content::load([("a.toml".into(), text)]).is_err());
        let text = screen("s").replace("nations = [\"england\"]", "nations = []");
        assert!(Content::load([("a.toml".into(), text)]).is_err());
        let text = screen("s").replace("review_by = 2027-11-21", "review_by = 2025-01-01");
        assert!(Content::load([("a.toml".into(), text)]).is_err());
    }

    #[test]
    fn unknown_kinds_are_refused() {
        let text = screen("s").replace("kind = \"screen\"", "kind = \"poem\"");
        assert!(Content::load([("a.toml".into(), text)]).is_err());
    }
}
