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
mod load;
pub mod plain;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use include_dir::{include_dir, Dir};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::Nation;
pub use crate::model::Step;

static CONTENT_DIR: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../content");

/// The Help screen's urgent topic for when the nation is not known: it names every nation's
/// route. Once the nation is known, that nation's own notices take its place.
pub const HELP_URGENT_ANY_NATION: &str = "help-urgent";

/// What every content item carries: who it is for, where it came from, when it was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ItemMeta {
    pub id: String,
    pub title: String,
    pub nations: Vec<Nation>,
    /// Ids of entries in `content/sources.toml`; see [`Content::source`].
    pub sources: Vec<String>,
    #[ts(type = "string")]
    #[serde(deserialize_with = "toml_date")]
    pub reviewed: NaiveDate,
    #[ts(type = "string")]
    #[serde(deserialize_with = "toml_date")]
    pub review_by: NaiveDate,
    /// The screens this item is shown on. Empty for items reached another way (by id).
    #[serde(default)]
    pub steps: Vec<Step>,
    /// A note for the clinical reviewer: what to check, or why the wording is cautious. Not
    /// shown to the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reviewer_note: Option<String>,
}

impl ItemMeta {
    /// Whether the item applies to people in `nation`.
    pub fn applies_to(&self, nation: Nation) -> bool {
        self.nations.contains(&nation)
    }
}

/// Reads an optional TOML date (`as_of = 2026-12-01`), absent when not given.
fn toml_date_opt<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<NaiveDate>, D::Error> {
    toml_date(d).map(Some)
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

/// A public source that items cite, from `content/sources.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// The title of the guide or document.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// What it is, in a sentence.
    pub description: String,
    /// The seed file it was read from, in `../shared/seeds/` or `../shared/guide/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub file: Option<String>,
    /// The date the facts taken from this source were recorded: every phone number the app
    /// shows cites a source with this date, so a reviewer knows how old the number is.
    #[serde(
        default,
        deserialize_with = "toml_date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[ts(optional, type = "string")]
    pub as_of: Option<NaiveDate>,
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

/// The Help screen: the urgent help for the case's nation (empty when it is not known), then
/// the topics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HelpScreen {
    pub notices: Vec<Notice>,
    pub topics: Vec<Screen>,
}

/// What the app is and is not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct About {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    pub summary: String,
    /// What the app does.
    pub does: Vec<String>,
    /// What the app does not do.
    pub does_not: Vec<String>,
    /// Who made the app, who pays for it, and how its guidance is kept up to date.
    pub who_made_it: Vec<String>,
    /// The short warning shown on Home, at the top of step 1 and in About: not medical advice,
    /// no diagnosis or judging of one, not for emergencies.
    pub disclaimer: Vec<String>,
}

/// Whether a reason is a worry the person has, or a situation where a second opinion is
/// particularly worth having.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ReasonGroup {
    Worry,
    Situation,
}

/// A reason to think about a second opinion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Reason {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    pub group: ReasonGroup,
    pub text: String,
}

/// Something worth doing before asking for a second opinion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FirstStep {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    /// Short paragraphs.
    pub text: Vec<String>,
}

/// Which side of the balance a consideration is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Benefit,
    Drawback,
}

/// A possible benefit or drawback of getting a second opinion. Benefits and drawbacks come in
/// equal number and similar length (a test checks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Consideration {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    pub side: Side,
    pub text: String,
}

/// An option to weigh beside asking for a second opinion (for example, staying with the
/// current plan), with its own possible benefits and drawbacks in equal number and similar
/// length (a test checks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanOption {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    pub summary: String,
    pub benefits: Vec<String>,
    pub drawbacks: Vec<String>,
}

/// Which answer of the journey's readiness check a question fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReadinessKey {
    KnowEnough,
    ClearWhatMatters,
    HaveSupport,
    FeelSure,
}

impl ReadinessKey {
    /// Every key, in the order the journey stores them.
    pub const ALL: [ReadinessKey; 4] = [
        ReadinessKey::KnowEnough,
        ReadinessKey::ClearWhatMatters,
        ReadinessKey::HaveSupport,
        ReadinessKey::FeelSure,
    ];
}

/// One yes-or-no question of the readiness check, and what can help when the answer is No.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReadinessQuestion {
    pub key: ReadinessKey,
    pub text: String,
    /// Shown when the person answers No: what could help next.
    pub if_no: String,
}

/// The readiness check: four questions in the app's own words, crediting what inspired it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReadinessCheck {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    /// Where the idea came from, said in the app's own words.
    pub credit: String,
    /// Shown above the next-step hints when any answer is No.
    pub if_doubt: String,
    pub questions: Vec<ReadinessQuestion>,
}

/// A record most people need for a second opinion (the Records screen's "usual records").
/// The title is the line added to the person's checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UsualRecord {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    pub why: String,
}

/// How urgent a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeLevel {
    /// Call 999 or 111 now.
    Emergency,
    /// Not for this app: act now another way (for example Martha's Rule).
    Urgent,
    /// Think about this before going on (for example, what a delay could mean).
    Caution,
}

/// When a notice applies, beyond its nations and steps. The journey decides (see
/// [`crate::journey::Journey::time_critical`]); the UI only shows what it is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeWhen {
    /// Waiting could do harm: the team said it is urgent or soon, or did not say, or the person
    /// said the illness is cancer or a mental health problem.
    TimeCritical,
}

/// A safety notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Notice {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    pub level: NoticeLevel,
    /// Short paragraphs.
    pub text: Vec<String>,
    /// The notice in one line: for the banner on every screen (when `banner`) and the printed
    /// pack's list of urgent numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub line: Option<String>,
    /// This nation's urgent line: its `line` is the banner on every screen of a case. Exactly one
    /// per nation (checked).
    #[serde(default)]
    pub banner: bool,
    /// Shown only when this holds for the case; shown first and more strongly when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub when: Option<NoticeWhen>,
    /// Printed in full on the prep pack's "Keep safe while you wait" page.
    #[serde(default)]
    pub print: bool,
    /// Ids of questions from the bank that go with this notice: added to the prep pack when the
    /// notice applies.
    #[serde(default)]
    pub questions: Vec<String>,
}

/// A legal or NHS right (for example England's right to choose).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Right {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    /// Short paragraphs.
    pub text: Vec<String>,
}

/// A way to get a second opinion. Benefits and drawbacks come in equal number and similar
/// length (a test checks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Route {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    pub summary: String,
    pub who_arranges: String,
    pub cost: String,
    pub waiting: String,
    pub travel: String,
    pub what_you_need: String,
    pub benefits: Vec<String>,
    pub drawbacks: Vec<String>,
    /// Ids of [`Right`] items that apply to this route.
    #[serde(default)]
    pub rights: Vec<String>,
    /// Ids of [`Organisation`] items that can help when this route gets stuck.
    #[serde(default)]
    pub help: Vec<String>,
}

/// One step of the whole journey, from talking to the GP to telling both doctors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct JourneyStep {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    pub what_to_do: String,
    pub why: String,
}

/// Who a phrasing is meant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    Gp,
    Consultant,
    Either,
}

/// The style of a phrasing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum AskStyle {
    /// Plain and honest.
    Direct,
    /// About the size of the decision.
    Decision,
    /// Asking the GP to refer.
    ViaGp,
}

/// A short example of how to ask for a second opinion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WayToAsk {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    pub style: AskStyle,
    pub to: Audience,
    /// The words to say, as the person would say them.
    pub phrasing: String,
}

/// A group of questions in the question bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuestionTopic {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    pub intro: String,
}

/// A question to take to the appointment. The question itself is the title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Question {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    /// The id of its [`QuestionTopic`].
    pub topic: String,
}

/// Something to bring to the appointment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BringItem {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    pub why: String,
}

/// A point about getting medical records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecordsGuide {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    /// Short paragraphs.
    pub text: Vec<String>,
}

/// A frequently asked question. The question is the title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Faq {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    /// Short paragraphs.
    pub answer: Vec<String>,
    /// Ids of [`Organisation`] items that can help.
    #[serde(default)]
    pub help: Vec<String>,
}

/// Somewhere to turn when stuck. Phone numbers are only ever the ones the sources give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Organisation {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    /// Who it is for, in a few words.
    pub for_whom: String,
    pub what_they_do: String,
    /// How to reach them, in words (works even when there is no phone number).
    pub how_to_reach: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub opening_hours: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub email: Option<String>,
}

/// A letter template. `body` is a minijinja template; paragraphs are separated by blank lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LetterTemplate {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    /// The start of the saved file's name, with no health details: the date is added after it.
    pub file_stem: String,
    /// The line in bold under the date: what the letter is about.
    pub subject: String,
    pub salutation: String,
    pub body: String,
    pub closing: String,
}

/// One content item, of any kind. Serialised with its `kind` beside its fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Item {
    Notice(Notice),
    Screen(Screen),
    About(About),
    Reason(Reason),
    FirstStep(FirstStep),
    Consideration(Consideration),
    Route(Route),
    Right(Right),
    JourneyStep(JourneyStep),
    WayToAsk(WayToAsk),
    RecordsGuide(RecordsGuide),
    BringItem(BringItem),
    QuestionTopic(QuestionTopic),
    Question(Question),
    Faq(Faq),
    Organisation(Organisation),
    Letter(LetterTemplate),
    PlanOption(PlanOption),
    ReadinessCheck(ReadinessCheck),
    UsualRecord(UsualRecord),
}

/// A kind of item: lets [`Content::get`], [`Content::all`] and [`Content::for_nation`] return
/// typed items.
pub trait Kind: Sized + 'static {
    /// The `kind` word used in content files.
    const NAME: &'static str;
    /// The item as this kind, if it is one.
    fn from_item(item: &Item) -> Option<&Self>;
    /// Its metadata.
    fn meta(&self) -> &ItemMeta;
}

macro_rules! kinds {
    ($($variant:ident($ty:ty) = $name:literal,)*) => {
        $(
            impl Kind for $ty {
                const NAME: &'static str = $name;
                fn from_item(item: &Item) -> Option<&Self> {
                    match item {
                        Item::$variant(x) => Some(x),
                        _ => None,
                    }
                }
                fn meta(&self) -> &ItemMeta {
                    &self.meta
                }
            }
        )*

        impl Item {
            /// Its metadata.
            pub fn meta(&self) -> &ItemMeta {
                match self {
                    $(Item::$variant(x) => &x.meta,)*
                }
            }

            /// The `kind` word used in content files, for example `"route"`.
            pub fn kind(&self) -> &'static str {
                match self {
                    $(Item::$variant(_) => $name,)*
                }
            }

            /// Its place in the fixed order of kinds (safety notices first).
            pub fn rank(&self) -> usize {
                let names = [$($name,)*];
                names.iter().position(|n| *n == self.kind()).unwrap_or(names.len())
            }
        }
    };
}

kinds! {
    Notice(Notice) = "notice",
    Screen(Screen) = "screen",
    About(About) = "about",
    Reason(Reason) = "reason",
    FirstStep(FirstStep) = "first-step",
    Consideration(Consideration) = "consideration",
    Route(Route) = "route",
    Right(Right) = "right",
    JourneyStep(JourneyStep) = "journey-step",
    WayToAsk(WayToAsk) = "way-to-ask",
    RecordsGuide(RecordsGuide) = "records-guide",
    BringItem(BringItem) = "bring-item",
    QuestionTopic(QuestionTopic) = "question-topic",
    Question(Question) = "question",
    Faq(Faq) = "faq",
    Organisation(Organisation) = "organisation",
    Letter(LetterTemplate) = "letter",
    PlanOption(PlanOption) = "plan-option",
    ReadinessCheck(ReadinessCheck) = "readiness-check",
    UsualRecord(UsualRecord) = "usual-record",
}

impl Item {
    /// Every piece of text the person may read, with the name of the field it is in, for the
    /// style checks and the review book. A letter's body is given as written (with its template
    /// tags); use [`plain::template_text`] to read it as prose.
    pub fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut out: Vec<(&'static str, &str)> = vec![("title", &self.meta().title)];
        fn many<'a>(out: &mut Vec<(&'static str, &'a str)>, name: &'static str, v: &'a [String]) {
            out.extend(v.iter().map(|s| (name, s.as_str())));
        }
        match self {
            Item::Notice(x) => {
                many(&mut out, "text", &x.text);
                if let Some(line) = &x.line {
                    out.push(("line", line));
                }
            }
            Item::Screen(x) => {
                many(&mut out, "intro", &x.intro);
                out.push(("start_label", &x.start_label));
                out.push(("emergency", &x.emergency));
            }
            Item::About(x) => {
                out.push(("summary", &x.summary));
                many(&mut out, "does", &x.does);
                many(&mut out, "does_not", &x.does_not);
                many(&mut out, "who_made_it", &x.who_made_it);
                many(&mut out, "disclaimer", &x.disclaimer);
            }
            Item::Reason(x) => out.push(("text", &x.text)),
            Item::FirstStep(x) => many(&mut out, "text", &x.text),
            Item::Consideration(x) => out.push(("text", &x.text)),
            Item::Route(x) => {
                out.push(("summary", &x.summary));
                out.push(("who_arranges", &x.who_arranges));
                out.push(("cost", &x.cost));
                out.push(("waiting", &x.waiting));
                out.push(("travel", &x.travel));
                out.push(("what_you_need", &x.what_you_need));
                many(&mut out, "benefits", &x.benefits);
                many(&mut out, "drawbacks", &x.drawbacks);
            }
            Item::Right(x) => many(&mut out, "text", &x.text),
            Item::JourneyStep(x) => {
                out.push(("what_to_do", &x.what_to_do));
                out.push(("why", &x.why));
            }
            Item::WayToAsk(x) => out.push(("phrasing", &x.phrasing)),
            Item::RecordsGuide(x) => many(&mut out, "text", &x.text),
            Item::BringItem(x) => out.push(("why", &x.why)),
            Item::QuestionTopic(x) => out.push(("intro", &x.intro)),
            Item::Question(_) => {}
            Item::Faq(x) => many(&mut out, "answer", &x.answer),
            Item::Organisation(x) => {
                out.push(("for_whom", &x.for_whom));
                out.push(("what_they_do", &x.what_they_do));
                out.push(("how_to_reach", &x.how_to_reach));
                for (name, v) in [
                    ("phone", &x.phone),
                    ("opening_hours", &x.opening_hours),
                    ("email", &x.email),
                ] {
                    if let Some(v) = v {
                        out.push((name, v));
                    }
                }
            }
            Item::PlanOption(x) => {
                out.push(("summary", &x.summary));
                many(&mut out, "benefits", &x.benefits);
                many(&mut out, "drawbacks", &x.drawbacks);
            }
            Item::ReadinessCheck(x) => {
                out.push(("credit", &x.credit));
                out.push(("if_doubt", &x.if_doubt));
                for q in &x.questions {
                    out.push(("questions.text", &q.text));
                    out.push(("questions.if_no", &q.if_no));
                }
            }
            Item::UsualRecord(x) => out.push(("why", &x.why)),
            Item::Letter(x) => {
                out.push(("subject", &x.subject));
                out.push(("salutation", &x.salutation));
                out.push(("body", &x.body));
                out.push(("closing", &x.closing));
            }
        }
        out
    }
}

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
