//! The app's guidance and templates, from `content/`, embedded at build time.
//!
//! Invariants:
//! - Content files are data (TOML), never code. A file holds one item (a top-level `kind`) or
//!   many (`[[item]]` tables, with shared values under `[common]`); `content/sources.toml` lists
//!   the sources items cite. Every item is one of the [`Item`] kinds.
//! - Every item has a stable `id`, a `title`, the `nations` it applies to, at least one source
//!   (an id from `sources.toml`), a `reviewed` date and a `review_by` date no more than a year
//!   later; ids are unique; every reference (a route's rights and help, a question's topic…)
//!   points at an item of the right kind; no field is misspelt or empty. [`Content::load`] checks
//!   this and [`Content::check_complete`] checks that nothing the app needs is missing (every
//!   nation has help, every journey step has content). A test loads the embedded content, so
//!   broken content fails the build's tests, not the person.
//! - Style (plain English, reading grade, British spelling, own words, nothing that diagnoses) is
//!   checked by `backend/tests/content_style.rs` with the helpers in [`plain`].
//! - Items are kept in a fixed order: by kind (safety notices first, see [`Item::rank`]), then
//!   by file path, then by position in the file. Every list an accessor returns is in that order.

mod guidance;
pub use guidance::{Guidance, RouteWithRights, TopicWithQuestions, URGENT_LINE_FALLBACK};
mod provenance;
pub use provenance::{ReviewNotice, StepSources};
mod items;
mod kinds;
mod load;
pub mod plain;

pub use items::{
    About, AskStyle, Audience, BringItem, Consideration, Faq, FirstStep, HelpScreen, ItemMeta,
    JourneyStep, LetterTemplate, NeedsWords, Notice, NoticeLevel, NoticeWhen, Organisation,
    PlanOption, Question, QuestionTopic, ReadinessCheck, ReadinessKey, ReadinessQuestion, Reason,
    ReasonGroup, RecordsGuide, Right, Route, Screen, Side, Source, UsualRecord, WayToAsk,
};
pub use items::{DoubtHelp, DoubtHelpText, MatterStarter, QuestionSet, WeighUpGuide};
pub use kinds::{Item, Kind};

use std::collections::BTreeMap;
use std::sync::OnceLock;

use include_dir::{include_dir, Dir};

use crate::error::{Error, Result};
use crate::model::Nation;
pub use crate::model::Step;

static CONTENT_DIR: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../content");

/// The Help screen's urgent topic for when the nation is not known: it names every nation's
/// route. Once the nation is known, that nation's own notices take its place.
pub const HELP_URGENT_ANY_NATION: &str = "help-urgent";

/// All content, checked.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// In the fixed order: by kind rank, then file path, then position in the file.
    items: Vec<Item>,
    /// Item id to its index in `items`.
    index: BTreeMap<String, usize>,
    /// In file order.
    sources: Vec<Source>,
}

impl Content {
    /// The content embedded in this build, loaded and checked once.
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
                let content = Content::load(files).map_err(message)?;
                content.check_complete().map_err(message)?;
                Ok(content)
            })
            .as_ref()
            .map_err(|msg| Error::Content(msg.clone()))
    }

    /// Parses and checks content files given as `(path, text)`: every item's fields, unique
    /// ids, and every reference between items and to sources.
    pub fn load(files: impl IntoIterator<Item = (String, String)>) -> Result<Content> {
        load::load(files)
    }

    /// Checks that nothing the app relies on is missing: the home screen, the about item, the
    /// letters the documents use, help for every nation, and content for every journey step in
    /// every nation. [`Content::embedded`] runs this; [`Content::load`] does not, so tests can
    /// load small pieces.
    pub fn check_complete(&self) -> Result<()> {
        load::check_complete(self)
    }

    // --- Any kind -------------------------------------------------------------------------

    /// Every item, in the fixed order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.items.iter()
    }

    /// Any item by id.
    pub fn item(&self, id: &str) -> Result<&Item> {
        self.index
            .get(id)
            .map(|&i| &self.items[i])
            .ok_or_else(|| Error::Content(format!("no content item '{id}'")))
    }

    /// An item of kind `T` by id, for example `content.get::<Route>("route-private-gp")`.
    pub fn get<T: Kind>(&self, id: &str) -> Result<&T> {
        T::from_item(self.item(id)?)
            .ok_or_else(|| Error::Content(format!("'{id}' is not a {}", T::NAME)))
    }

    /// Every item of kind `T`, whatever the nation.
    pub fn all<T: Kind>(&self) -> impl Iterator<Item = &T> {
        self.items.iter().filter_map(T::from_item)
    }

    /// Every item of kind `T` that applies in `nation`.
    pub fn for_nation<T: Kind>(&self, nation: Nation) -> impl Iterator<Item = &T> {
        self.all::<T>().filter(move |x| x.meta().applies_to(nation))
    }

    /// Every item shown on the screen for `step`, for a person in `nation`, in the fixed order
    /// (safety notices first). For example `content.for_step(Step::Records, Nation::Wales)`, or
    /// `content.for_step("records".parse()?, nation)`.
    pub fn for_step(&self, step: Step, nation: Nation) -> Vec<&Item> {
        self.items
            .iter()
            .filter(|item| {
                let meta = item.meta();
                meta.steps.contains(&step) && meta.applies_to(nation)
            })
            .collect()
    }

    /// Every item's metadata, for checks and the review book.
    pub fn metas(&self) -> impl Iterator<Item = &ItemMeta> {
        self.items.iter().map(Item::meta)
    }

    /// A source by id (the ids items list in `meta.sources`).
    pub fn source(&self, id: &str) -> Result<&Source> {
        self.sources
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::Content(format!("no source '{id}'")))
    }

    /// Every source, in file order.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.sources.iter()
    }

    // --- Named accessors, one per kind ------------------------------------------------------

    /// The home screen's text.
    pub fn home(&self) -> Result<&Screen> {
        self.screen("home")
    }

    /// A screen's text by id.
    pub fn screen(&self, id: &str) -> Result<&Screen> {
        self.get::<Screen>(id)
            .map_err(|_| Error::Content(format!("no screen '{id}'")))
    }

    /// The Help screen's topics (screens whose id starts with "help-"), in file order. When the
    /// nation is known, the topic written for anyone ([`HELP_URGENT_ANY_NATION`]) gives way to
    /// that nation's own urgent notices (see [`Content::help_notices`]).
    pub fn help_topics(&self, nation: Option<Nation>) -> Vec<&Screen> {
        self.all::<Screen>()
            .filter(|s| s.meta.id.starts_with("help-"))
            .filter(|s| nation.is_none() || s.meta.id != HELP_URGENT_ANY_NATION)
            .collect()
    }

    /// The urgent help the Help screen shows first for a person in `nation`: 999, the nation's
    /// urgent line, its mental health crisis route, and what to do in hospital.
    pub fn help_notices(&self, nation: Nation) -> Vec<&Notice> {
        self.notices(nation)
            .into_iter()
            .filter(|n| matches!(n.level, NoticeLevel::Emergency | NoticeLevel::Urgent))
            .collect()
    }

    /// The nation's urgent line (its one `banner` notice), for the banner on every screen.
    pub fn urgent_line(&self, nation: Nation) -> Result<&Notice> {
        let mut lines = self
            .for_nation::<Notice>(nation)
            .filter(|n| n.banner && n.line.is_some());
        match (lines.next(), lines.next()) {
            (Some(n), None) => Ok(n),
            _ => Err(Error::Content(format!(
                "{} needs exactly one notice with banner = true and a line",
                nation.display_name()
            ))),
        }
    }

    /// The safety notices the journey shows for a case in `nation` (each on the steps it
    /// lists), given whether waiting could do harm. Urgent notices are left out: they belong to
    /// the "in hospital and getting worse" screen. Time-critical notices come first.
    pub fn journey_notices(&self, nation: Nation, time_critical: bool) -> Vec<&Notice> {
        let mut out: Vec<&Notice> = self
            .notices(nation)
            .into_iter()
            .filter(|n| n.level != NoticeLevel::Urgent && !n.meta.steps.is_empty())
            .filter(|n| match n.when {
                None => true,
                Some(NoticeWhen::TimeCritical) => time_critical,
            })
            .collect();
        out.sort_by_key(|n| n.when.is_none());
        out
    }

    /// What the app does and does not do.
    pub fn about(&self) -> Result<&About> {
        self.all::<About>()
            .next()
            .ok_or_else(|| Error::Content("no about item".into()))
    }

    /// A letter template by id.
    pub fn letter(&self, id: &str) -> Result<&LetterTemplate> {
        self.get::<LetterTemplate>(id)
            .map_err(|_| Error::Content(format!("no letter '{id}'")))
    }

    /// The words every letter states communication needs in (the one `letter-needs` item).
    pub fn needs_words(&self) -> Result<&NeedsWords> {
        let mut all = self.all::<NeedsWords>();
        match (all.next(), all.next()) {
            (Some(words), None) => Ok(words),
            _ => Err(Error::Content(
                "the content must hold exactly one letter-needs item".into(),
            )),
        }
    }

    /// Every letter template.
    pub fn letters(&self) -> impl Iterator<Item = &LetterTemplate> {
        self.all::<LetterTemplate>()
    }

    /// Safety notices for `nation`: emergency first, then urgent, then cautions.
    pub fn notices(&self, nation: Nation) -> Vec<&Notice> {
        let mut out: Vec<&Notice> = self.for_nation::<Notice>(nation).collect();
        out.sort_by_key(|n| n.level as u8);
        out
    }

    /// Reasons to think about a second opinion in `nation`.
    pub fn reasons(&self, nation: Nation) -> Vec<&Reason> {
        self.for_nation(nation).collect()
    }

    /// Things to do before asking.
    pub fn first_steps(&self, nation: Nation) -> Vec<&FirstStep> {
        self.for_nation(nation).collect()
    }

    /// The possible benefits of a second opinion.
    pub fn benefits(&self, nation: Nation) -> Vec<&Consideration> {
        self.for_nation::<Consideration>(nation)
            .filter(|c| c.side == Side::Benefit)
            .collect()
    }

    /// The possible drawbacks of a second opinion.
    pub fn drawbacks(&self, nation: Nation) -> Vec<&Consideration> {
        self.for_nation::<Consideration>(nation)
            .filter(|c| c.side == Side::Drawback)
            .collect()
    }

    /// The routes to a second opinion open in `nation`.
    pub fn routes(&self, nation: Nation) -> Vec<&Route> {
        self.for_nation(nation).collect()
    }

    /// A route by id.
    pub fn route(&self, id: &str) -> Result<&Route> {
        self.get(id)
    }

    /// The rights that apply in `nation` (some are England only).
    pub fn rights(&self, nation: Nation) -> Vec<&Right> {
        self.for_nation(nation).collect()
    }

    /// The rights a route refers to that apply in `nation`.
    pub fn rights_for(&self, route: &Route, nation: Nation) -> Vec<&Right> {
        route
            .rights
            .iter()
            .filter_map(|id| self.get::<Right>(id).ok())
            .filter(|r| r.meta.applies_to(nation))
            .collect()
    }

    /// The whole journey, step by step, in order.
    pub fn journey(&self, nation: Nation) -> Vec<&JourneyStep> {
        self.for_nation(nation).collect()
    }

    /// Example phrasings for asking.
    pub fn ways_to_ask(&self, nation: Nation) -> Vec<&WayToAsk> {
        self.for_nation(nation).collect()
    }

    /// The question bank's topics, in order.
    pub fn question_topics(&self, nation: Nation) -> Vec<&QuestionTopic> {
        self.for_nation(nation).collect()
    }

    /// The questions in one topic, in order.
    pub fn questions(&self, topic_id: &str, nation: Nation) -> Vec<&Question> {
        self.for_nation::<Question>(nation)
            .filter(|q| q.topic == topic_id)
            .collect()
    }

    /// A question by id (for a saved list of chosen questions).
    pub fn question(&self, id: &str) -> Result<&Question> {
        self.get(id)
    }

    /// The "what to bring" checklist.
    pub fn what_to_bring(&self, nation: Nation) -> Vec<&BringItem> {
        self.for_nation(nation).collect()
    }

    /// How to get medical records.
    pub fn records_guides(&self, nation: Nation) -> Vec<&RecordsGuide> {
        self.for_nation(nation).collect()
    }

    /// Frequently asked questions.
    pub fn faqs(&self, nation: Nation) -> Vec<&Faq> {
        self.for_nation(nation).collect()
    }

    /// Where to turn when stuck in `nation`: that nation's own service first, then UK-wide help.
    pub fn help(&self, nation: Nation) -> Vec<&Organisation> {
        let mut out: Vec<&Organisation> = self.for_nation(nation).collect();
        out.sort_by_key(|o| o.meta.nations.len() > 1);
        out
    }

    /// Options to weigh beside asking for a second opinion (staying with the current plan).
    pub fn options(&self, nation: Nation) -> Vec<&PlanOption> {
        self.for_nation(nation).collect()
    }

    /// The readiness check (the same four questions before and after).
    pub fn readiness_check(&self) -> Result<&ReadinessCheck> {
        self.all::<ReadinessCheck>()
            .next()
            .ok_or_else(|| Error::Content("no readiness check".into()))
    }

    /// The one-tap starter sets of questions for `nation`.
    pub fn question_sets(&self, nation: Nation) -> Vec<&QuestionSet> {
        self.for_nation(nation).collect()
    }

    /// The weigh-up's words (the same on both steps that have one).
    pub fn weigh_up_guide(&self) -> Result<&WeighUpGuide> {
        self.all::<WeighUpGuide>()
            .next()
            .ok_or_else(|| Error::Content("no weigh-up guide".into()))
    }

    /// The records most people need, for the Records screen's checklist.
    pub fn usual_records(&self, nation: Nation) -> Vec<&UsualRecord> {
        self.for_nation(nation).collect()
    }

    /// An organisation by id.
    pub fn organisation(&self, id: &str) -> Result<&Organisation> {
        self.get(id)
    }

    /// The organisations an item refers to (a route's or an FAQ's `help`) that serve `nation`.
    pub fn help_for(&self, ids: &[String], nation: Nation) -> Vec<&Organisation> {
        ids.iter()
            .filter_map(|id| self.organisation(id).ok())
            .filter(|o| o.meta.applies_to(nation))
            .collect()
    }
}

fn message(e: Error) -> String {
    match e {
        Error::Content(msg) => msg,
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests;
