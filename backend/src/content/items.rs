//! The kinds of content item, as typed records read from `content/**/*.toml`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Nation, Step};

/// What every content item carries: who it is for, where it came from, when it was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ItemMeta {
    pub id: String,
    pub title: String,
    pub nations: Vec<Nation>,
    /// Ids of entries in `content/sources.toml`; see `Content::source`.
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

/// What can help when the readiness check shows doubt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DoubtHelp {
    /// More information: the question bank.
    Information,
    /// Someone to talk it over with.
    Support,
    /// No rush: there is time to take, and a mind can be changed.
    Time,
}

/// One offered starter for "what matters to me".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct MatterStarter {
    pub id: String,
    pub text: String,
}

/// What can help next, of one kind, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DoubtHelpText {
    pub kind: DoubtHelp,
    pub title: String,
    pub text: String,
}

/// The weigh-up's words: how it works, the offered starters, and what can help after doubt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WeighUpGuide {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    pub intro: String,
    /// Where the idea came from, said in the app's own words.
    pub credit: String,
    pub starters: Vec<MatterStarter>,
    /// Under "Which way I lean": it is the person's own summary, never a score.
    pub lean_hint: String,
    /// Shown above the carer's view: why the two views are kept apart.
    pub carer_hint: String,
    /// What can help next, one of each kind.
    pub help: Vec<DoubtHelpText>,
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

/// A one-tap starter set of questions from the bank, credited by name in the app's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuestionSet {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    /// Whose idea the set is, and what it asks about, in the app's own words.
    pub credit: String,
    /// Ids of [`Question`]s, in the order they are added.
    pub questions: Vec<String>,
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
    /// For a charity of one condition: words (lower case) that, found in what the person was
    /// told, make it fit their case, so the printed pack lists it. Empty: it fits every case.
    #[serde(default)]
    pub condition_words: Vec<String>,
}

impl Organisation {
    /// Whether this organisation fits a case where the person was told `told`: always, unless
    /// it is a charity of one condition whose words are not in it.
    pub fn fits(&self, told: &str) -> bool {
        let told = told.to_lowercase();
        self.condition_words.is_empty() || self.condition_words.iter().any(|w| told.contains(w))
    }
}

/// The words of the paragraph every letter ends with when the patient has communication needs
/// (`content/letters/communication-needs.toml`): the title is its heading, and each sentence is
/// a minijinja template over the variables that file lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NeedsWords {
    #[serde(flatten)]
    #[ts(flatten)]
    pub meta: ItemMeta,
    pub large_print: String,
    pub easy_read: String,
    pub braille: String,
    pub audio: String,
    pub one_format: String,
    pub many_formats: String,
    pub by_email: String,
    pub also_by_email: String,
    pub bsl_interpreter: String,
    pub interpreter: String,
    pub my_carer: String,
    pub helper_is_carer: String,
    pub other_carer: String,
    pub welsh_replies: String,
    pub england_standard: String,
}

impl NeedsWords {
    /// Every sentence template, with its field's name.
    pub fn sentences(&self) -> [(&'static str, &str); 11] {
        [
            ("one_format", &self.one_format),
            ("many_formats", &self.many_formats),
            ("by_email", &self.by_email),
            ("also_by_email", &self.also_by_email),
            ("bsl_interpreter", &self.bsl_interpreter),
            ("interpreter", &self.interpreter),
            ("my_carer", &self.my_carer),
            ("helper_is_carer", &self.helper_is_carer),
            ("other_carer", &self.other_carer),
            ("welsh_replies", &self.welsh_replies),
            ("england_standard", &self.england_standard),
        ]
    }
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
