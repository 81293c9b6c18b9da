//! One content item of any kind ([`Item`]), and [`Kind`], which lets `Content` hand out typed
//! items.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::items::*;

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
    LetterNeeds(NeedsWords),
    PlanOption(PlanOption),
    ReadinessCheck(ReadinessCheck),
    UsualRecord(UsualRecord),
    WeighUp(WeighUpGuide),
    QuestionSet(QuestionSet),
}

/// A kind of item: lets [`Content::get`](super::Content::get), [`Content::all`](super::Content::all) and [`Content::for_nation`](super::Content::for_nation) return
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
    LetterNeeds(NeedsWords) = "letter-needs",
    PlanOption(PlanOption) = "plan-option",
    ReadinessCheck(ReadinessCheck) = "readiness-check",
    UsualRecord(UsualRecord) = "usual-record",
    WeighUp(WeighUpGuide) = "weigh-up",
    QuestionSet(QuestionSet) = "question-set",
}

impl Item {
    /// Every piece of text the person may read, with the name of the field it is in, for the
    /// style checks and the review book. A letter's body is given as written (with its template
    /// tags); use [`plain::template_text`](super::plain::template_text) to read it as prose.
    pub fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut out: Vec<(&'static str, &str)> = vec![("title", &self.meta().title)];
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
            Item::Organisation(x) => organisation_texts(x, &mut out),
            Item::PlanOption(x) => {
                out.push(("summary", &x.summary));
                many(&mut out, "benefits", &x.benefits);
                many(&mut out, "drawbacks", &x.drawbacks);
            }
            Item::ReadinessCheck(x) => readiness_texts(x, &mut out),
            Item::UsualRecord(x) => out.push(("why", &x.why)),
            Item::QuestionSet(x) => out.push(("credit", &x.credit)),
            Item::WeighUp(x) => {
                out.push(("intro", &x.intro));
                out.push(("credit", &x.credit));
                out.push(("lean_hint", &x.lean_hint));
                out.push(("carer_hint", &x.carer_hint));
                out.extend(
                    x.starters
                        .iter()
                        .map(|m| ("starters.text", m.text.as_str())),
                );
                for h in &x.help {
                    out.push(("help.title", &h.title));
                    out.push(("help.text", &h.text));
                }
            }
            Item::LetterNeeds(x) => needs_texts(x, &mut out),
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

/// Each of `v`, under one field name.
fn many<'a>(out: &mut Vec<(&'static str, &'a str)>, name: &'static str, v: &'a [String]) {
    out.extend(v.iter().map(|s| (name, s.as_str())));
}

fn organisation_texts<'a>(x: &'a Organisation, out: &mut Vec<(&'static str, &'a str)>) {
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

fn needs_texts<'a>(x: &'a NeedsWords, out: &mut Vec<(&'static str, &'a str)>) {
    for (name, text) in [
        ("large_print", &x.large_print),
        ("easy_read", &x.easy_read),
        ("braille", &x.braille),
        ("audio", &x.audio),
    ] {
        out.push((name, text.as_str()));
    }
    out.extend(x.sentences());
}

fn readiness_texts<'a>(x: &'a ReadinessCheck, out: &mut Vec<(&'static str, &'a str)>) {
    out.push(("credit", &x.credit));
    out.push(("if_doubt", &x.if_doubt));
    for q in &x.questions {
        out.push(("questions.text", &q.text));
        out.push(("questions.if_no", &q.if_no));
    }
}
