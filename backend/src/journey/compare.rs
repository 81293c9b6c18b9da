//! Comparing the first and second opinions, part by part. Whether two doctors say the same
//! thing is the person's own answer, never the app's reading of the words they typed: two
//! notes can differ in wording and mean the same, or look alike and mean something else. The
//! person's answer becomes a question they can take back to a doctor. It never judges which
//! opinion is right.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What one doctor said, in the person's own words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Opinion {
    pub diagnosis: String,
    pub options: String,
    pub risks: String,
    pub recommendation: String,
    /// Anything new, such as a clinical trial or a test not offered before.
    pub anything_new: String,
}

/// A part of an opinion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum OpinionPart {
    Diagnosis,
    Options,
    Risks,
    Recommendation,
    AnythingNew,
}

impl Opinion {
    /// Whether nothing is noted in any part.
    pub fn is_blank(&self) -> bool {
        OpinionPart::ALL
            .into_iter()
            .all(|part| part.of(self).trim().is_empty())
    }

    /// The first doctor's opinion as far as step 1 tells it, to start step 7 with: what the
    /// person was diagnosed with or offered, and the treatment suggested (what they advise).
    /// `None` when the first opinion already has words (the person's own are never replaced)
    /// or step 1 has nothing to give.
    pub fn first_from_step_1(
        first: &Opinion,
        diagnosis: &str,
        treatment_proposed: &str,
    ) -> Option<Opinion> {
        let start = Opinion {
            diagnosis: diagnosis.trim().to_owned(),
            recommendation: treatment_proposed.trim().to_owned(),
            ..Opinion::default()
        };
        (first.is_blank() && !start.is_blank()).then_some(start)
    }
}

impl OpinionPart {
    pub const ALL: [OpinionPart; 5] = [
        OpinionPart::Diagnosis,
        OpinionPart::Options,
        OpinionPart::Risks,
        OpinionPart::Recommendation,
        OpinionPart::AnythingNew,
    ];

    /// What this doctor said about this part.
    pub fn of(self, opinion: &Opinion) -> &str {
        match self {
            OpinionPart::Diagnosis => &opinion.diagnosis,
            OpinionPart::Options => &opinion.options,
            OpinionPart::Risks => &opinion.risks,
            OpinionPart::Recommendation => &opinion.recommendation,
            OpinionPart::AnythingNew => &opinion.anything_new,
        }
    }

    /// The part's name in a sentence: "what the illness is".
    pub fn words(self) -> &'static str {
        match self {
            OpinionPart::Diagnosis => "what the illness is",
            OpinionPart::Options => "the treatment options",
            OpinionPart::Risks => "the risks",
            OpinionPart::Recommendation => "what they advise",
            OpinionPart::AnythingNew => "anything new, such as a trial",
        }
    }
}

/// The person's answer to "Do the two doctors say the same thing about this?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SaidTheSame {
    Yes,
    No,
    NotSure,
    /// A choice from a newer version of the app that this one does not know: shown as
    /// unanswered, and saved back as it was stored (see `journey::stored`).
    #[serde(other)]
    NotKnown,
}

/// The person's answers, one per part; `None` until answered (and in records saved before the
/// question was asked).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SameAnswers {
    pub diagnosis: Option<SaidTheSame>,
    pub options: Option<SaidTheSame>,
    pub risks: Option<SaidTheSame>,
    pub recommendation: Option<SaidTheSame>,
    pub anything_new: Option<SaidTheSame>,
}

impl SameAnswers {
    /// The answer about one part; a choice this app does not know counts as unanswered.
    pub fn of(&self, part: OpinionPart) -> Option<SaidTheSame> {
        let answer = match part {
            OpinionPart::Diagnosis => self.diagnosis,
            OpinionPart::Options => self.options,
            OpinionPart::Risks => self.risks,
            OpinionPart::Recommendation => self.recommendation,
            OpinionPart::AnythingNew => self.anything_new,
        };
        answer.filter(|a| *a != SaidTheSame::NotKnown)
    }
}

/// What the person noted about one part, from which doctor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Noted {
    Nothing,
    OnlyFirst,
    OnlySecond,
    Both,
}

/// One part of the comparison: what was noted, the person's answer, and what follows from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PartComparison {
    pub part: OpinionPart,
    pub noted: Noted,
    /// The person's answer; `None` when not answered, or when nothing is noted for this part.
    pub answer: Option<SaidTheSame>,
    /// Whether to ask the person "Do the two doctors say the same thing?" about this part:
    /// only when something is noted.
    pub ask: bool,
    /// What the person's answer means, in the app's voice to them: "You noted different
    /// things from the two doctors about the risks." Empty when there is nothing to say.
    pub you_noted: String,
    /// A question the person could ask a doctor, in their voice.
    pub follow_up: Option<String>,
}

/// The comparison of two opinions, as the person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Comparison {
    /// Every part, in a fixed order (diagnosis first).
    pub parts: Vec<PartComparison>,
    /// The person said the doctors say different things about what the illness is or what
    /// they advise: show the guidance on what to do when opinions differ.
    pub differ_on_diagnosis_or_advice: bool,
    /// Those key parts (diagnosis, recommendation) the person said differ, in order: the window
    /// names them above that guidance.
    #[serde(default)]
    pub differ_on: Vec<OpinionPart>,
}

impl Comparison {
    /// The follow-up questions, in order.
    pub fn follow_ups(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| p.follow_up.as_deref())
    }

    /// The parts the person answered `answer` about, in order.
    pub fn answered(&self, answer: SaidTheSame) -> Vec<OpinionPart> {
        self.parts
            .iter()
            .filter(|p| p.answer == Some(answer))
            .map(|p| p.part)
            .collect()
    }

    /// The same parts in a sentence: "what the illness is and the risks". Empty when none.
    pub fn answered_in_words(&self, answer: SaidTheSame) -> String {
        let words: Vec<&str> = self
            .answered(answer)
            .into_iter()
            .map(OpinionPart::words)
            .collect();
        match words.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}

/// Compares two opinions by the person's answers. The words typed only decide whether there is
/// anything to ask about (a part left blank for both doctors is not asked); they never decide
/// whether the doctors agree.
pub fn compare(first: &Opinion, second: &Opinion, answers: &SameAnswers) -> Comparison {
    let parts: Vec<PartComparison> = OpinionPart::ALL
        .into_iter()
        .map(|part| {
            let noted = match (blank(part.of(first)), blank(part.of(second))) {
                (true, true) => Noted::Nothing,
                (false, true) => Noted::OnlyFirst,
                (true, false) => Noted::OnlySecond,
                (false, false) => Noted::Both,
            };
            let answer = if noted == Noted::Nothing {
                None
            } else {
                answers.of(part)
            };
            PartComparison {
                part,
                noted,
                answer,
                ask: noted != Noted::Nothing,
                you_noted: you_noted(part, noted, answer),
                follow_up: follow_up(part, noted, answer),
            }
        })
        .collect();
    let differ_on: Vec<OpinionPart> = parts
        .iter()
        .filter(|p| {
            p.answer == Some(SaidTheSame::No)
                && matches!(p.part, OpinionPart::Diagnosis | OpinionPart::Recommendation)
        })
        .map(|p| p.part)
        .collect();
    Comparison {
        parts,
        differ_on_diagnosis_or_advice: !differ_on.is_empty(),
        differ_on,
    }
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// What the answer means, said to the person: "You noted …".
fn you_noted(part: OpinionPart, noted: Noted, answer: Option<SaidTheSame>) -> String {
    let what = part.words();
    match (noted, answer) {
        (Noted::Nothing, _) | (Noted::Both, None | Some(SaidTheSame::NotKnown)) => String::new(),
        (_, Some(SaidTheSame::Yes)) => {
            format!("You noted that the two doctors say the same thing about {what}.")
        }
        (_, Some(SaidTheSame::No)) => {
            format!("You noted different things from the two doctors about {what}.")
        }
        (_, Some(SaidTheSame::NotSure)) => {
            format!("You are not sure if the two doctors say the same thing about {what}.")
        }
        (Noted::OnlyFirst, None | Some(SaidTheSame::NotKnown)) => {
            format!("You noted {what} from the first doctor only.")
        }
        (Noted::OnlySecond, None | Some(SaidTheSame::NotKnown)) => {
            format!("You noted {what} from the second doctor only.")
        }
    }
}

fn follow_up(part: OpinionPart, noted: Noted, answer: Option<SaidTheSame>) -> Option<String> {
    let what = part.words();
    match (noted, answer) {
        (Noted::Nothing, _)
        | (_, Some(SaidTheSame::Yes))
        | (Noted::Both, None | Some(SaidTheSame::NotKnown)) => None,
        (_, Some(SaidTheSame::No)) => Some(format!(
            "I noted different things from the two doctors about {what}. Can you help me understand why, and what it means for me?"
        )),
        (_, Some(SaidTheSame::NotSure)) => Some(format!(
            "I am not sure if the two doctors said the same thing about {what}. Can you help me check?"
        )),
        (Noted::OnlyFirst, None | Some(SaidTheSame::NotKnown)) => Some(format!(
            "The first doctor talked about {what}, but I did not note anything from the second doctor. What is your view?"
        )),
        (Noted::OnlySecond, None | Some(SaidTheSame::NotKnown)) => Some(format!(
            "The second doctor talked about {what}, which I did not note from the first doctor. Could this apply to me?"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opinion(diagnosis: &str, recommendation: &str) -> Opinion {
        Opinion {
            diagnosis: diagnosis.into(),
            recommendation: recommendation.into(),
            ..Default::default()
        }
    }

    fn part(c: &Comparison, part: OpinionPart) -> &PartComparison {
        c.parts.iter().find(|p| p.part == part).expect("every part")
    }

    #[test]
    fn different_words_are_never_the_apps_verdict() {
        // Different case, spacing, more detail, or another word entirely: with no answer from
        // the person, nothing says the doctors differ or agree.
        let c = compare(
            &opinion("Gallstones.", "Surgery"),
            &opinion(
                "  GALLSTONES, with some inflammation ",
                "Watch and wait for six months",
            ),
            &SameAnswers::default(),
        );
        assert!(!c.differ_on_diagnosis_or_advice);
        for p in &c.parts {
            assert_eq!(p.answer, None);
            assert!(!p.you_noted.contains("different"), "{p:?}");
            assert!(p.follow_up.is_none(), "{p:?}");
        }
        let rec = part(&c, OpinionPart::Recommendation);
        assert_eq!(rec.noted, Noted::Both);
        assert!(rec.ask, "the person is asked");
        assert_eq!(c.follow_ups().count(), 0);
    }

    #[test]
    fn the_same_words_with_a_no_answer_are_different_as_the_person_says() {
        // The app does not overrule the person: identical notes, but they say "No".
        let answers = SameAnswers {
            recommendation: Some(SaidTheSame::No),
            ..Default::default()
        };
        let c = compare(
            &opinion("Gallstones", "Surgery"),
            &opinion("Gallstones", "Surgery"),
            &answers,
        );
        let rec = part(&c, OpinionPart::Recommendation);
        assert_eq!(rec.answer, Some(SaidTheSame::No));
        assert_eq!(
            rec.you_noted,
            "You noted different things from the two doctors about what they advise."
        );
        assert!(rec.follow_up.as_deref().is_some_and(|q| q
            .starts_with("I noted different things")
            && q.contains("what they advise")));
        assert!(c.differ_on_diagnosis_or_advice);
        assert!(!c.differ_on.is_empty());
        assert!(c
            .differ_on
            .iter()
            .all(|p| matches!(p, OpinionPart::Diagnosis | OpinionPart::Recommendation)));
    }

    #[test]
    fn yes_means_no_question_and_not_sure_gets_a_question_to_check() {
        let answers = SameAnswers {
            diagnosis: Some(SaidTheSame::Yes),
            recommendation: Some(SaidTheSame::NotSure),
            ..Default::default()
        };
        let c = compare(
            &opinion("Gallstones", "Surgery"),
            &opinion("Stones in the gallbladder", "An operation, maybe"),
            &answers,
        );
        let diagnosis = part(&c, OpinionPart::Diagnosis);
        assert_eq!(diagnosis.follow_up, None);
        assert_eq!(
            diagnosis.you_noted,
            "You noted that the two doctors say the same thing about what the illness is."
        );
        let rec = part(&c, OpinionPart::Recommendation);
        assert_eq!(
            rec.you_noted,
            "You are not sure if the two doctors say the same thing about what they advise."
        );
        let q = rec.follow_up.as_deref().expect("a question to check");
        assert!(q.contains("Can you help me check?"), "{q}");
        assert!(!q.contains("different"), "neutral: {q}");
        assert!(
            !c.differ_on_diagnosis_or_advice,
            "not sure is not a difference"
        );
        assert_eq!(
            c.answered(SaidTheSame::NotSure),
            [OpinionPart::Recommendation]
        );
        assert_eq!(
            c.answered_in_words(SaidTheSame::NotSure),
            "what they advise"
        );
        assert_eq!(c.answered_in_words(SaidTheSame::No), "");
        let all_no = SameAnswers {
            diagnosis: Some(SaidTheSame::No),
            options: Some(SaidTheSame::No),
            risks: Some(SaidTheSame::No),
            ..Default::default()
        };
        let full = Opinion {
            diagnosis: "a".into(),
            options: "b".into(),
            risks: "c".into(),
            ..Default::default()
        };
        assert_eq!(
            compare(&full, &full, &all_no).answered_in_words(SaidTheSame::No),
            "what the illness is, the treatment options and the risks"
        );
    }

    #[test]
    fn something_only_one_doctor_said_is_marked_as_noted_and_the_answer_still_wins() {
        let first = Opinion::default();
        let second = Opinion {
            anything_new: "A clinical trial at another hospital".into(),
            ..Default::default()
        };
        let c = compare(&first, &second, &SameAnswers::default());
        let new = part(&c, OpinionPart::AnythingNew);
        assert_eq!(new.noted, Noted::OnlySecond);
        assert!(new
            .follow_up
            .as_deref()
            .is_some_and(|q| q.contains("Could this apply to me?")));
        assert!(!c.differ_on_diagnosis_or_advice);
        let c = compare(&second, &first, &SameAnswers::default());
        assert_eq!(part(&c, OpinionPart::AnythingNew).noted, Noted::OnlyFirst);
        // The person knows the other doctor said the same, but did not write it down.
        let yes = SameAnswers {
            anything_new: Some(SaidTheSame::Yes),
            ..Default::default()
        };
        let c = compare(&first, &second, &yes);
        assert_eq!(part(&c, OpinionPart::AnythingNew).follow_up, None);
    }

    #[test]
    fn a_part_with_nothing_noted_is_not_asked_and_ignores_an_old_answer() {
        let answers = SameAnswers {
            risks: Some(SaidTheSame::No),
            ..Default::default()
        };
        let c = compare(&Opinion::default(), &Opinion::default(), &answers);
        let risks = part(&c, OpinionPart::Risks);
        assert!(!risks.ask);
        assert_eq!(risks.answer, None);
        assert_eq!(risks.follow_up, None);
        assert!(risks.you_noted.is_empty());
    }

    #[test]
    fn parts_come_in_a_fixed_order() {
        let c = compare(
            &Opinion::default(),
            &Opinion::default(),
            &SameAnswers::default(),
        );
        let parts: Vec<_> = c.parts.iter().map(|p| p.part).collect();
        assert_eq!(parts, OpinionPart::ALL);
    }

    #[test]
    fn answers_saved_before_this_question_existed_load_as_unanswered() {
        let a: SameAnswers = serde_json::from_str("{}").expect("defaults");
        assert_eq!(a, SameAnswers::default());
        let a: SameAnswers =
            serde_json::from_str(r#"{"risks":"not-sure","later":"yes"}"#).expect("loads");
        assert_eq!(a.risks, Some(SaidTheSame::NotSure));
    }

    #[test]
    fn the_first_opinion_starts_from_step_1_only_while_it_is_blank() {
        let start = Opinion::first_from_step_1(
            &Opinion::default(),
            " Gallstones ",
            "An operation to remove the gallbladder",
        )
        .expect("filled from step 1");
        assert_eq!(start.diagnosis, "Gallstones");
        assert_eq!(
            start.recommendation,
            "An operation to remove the gallbladder"
        );
        assert!(start.options.is_empty() && start.risks.is_empty());
        let own = Opinion {
            risks: "Small risk of infection".into(),
            ..Opinion::default()
        };
        assert_eq!(Opinion::first_from_step_1(&own, "Gallstones", ""), None);
        assert_eq!(
            Opinion::first_from_step_1(&Opinion::default(), " ", ""),
            None
        );
    }
}
