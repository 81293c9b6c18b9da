//! Comparing the first and second opinions, part by part, and turning each difference into a
//! question the person can take back to a doctor. It never judges which opinion is right.

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

impl OpinionPart {
    const ALL: [OpinionPart; 5] = [
        OpinionPart::Diagnosis,
        OpinionPart::Options,
        OpinionPart::Risks,
        OpinionPart::Recommendation,
        OpinionPart::AnythingNew,
    ];

    fn of(self, opinion: &Opinion) -> &str {
        match self {
            OpinionPart::Diagnosis => &opinion.diagnosis,
            OpinionPart::Options => &opinion.options,
            OpinionPart::Risks => &opinion.risks,
            OpinionPart::Recommendation => &opinion.recommendation,
            OpinionPart::AnythingNew => &opinion.anything_new,
        }
    }

    /// The part's name in a sentence: "the diagnosis".
    fn words(self) -> &'static str {
        match self {
            OpinionPart::Diagnosis => "what the illness is",
            OpinionPart::Options => "the treatment options",
            OpinionPart::Risks => "the risks",
            OpinionPart::Recommendation => "what they advise",
            OpinionPart::AnythingNew => "anything new, such as a trial",
        }
    }
}

/// How the two opinions differ on one part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DifferenceKind {
    /// Both doctors said something, and it is not the same.
    Different,
    /// Only the first doctor said something about it (as noted).
    OnlyFirst,
    /// Only the second doctor said something about it (as noted).
    OnlySecond,
}

/// One difference, with a follow-up question to ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Difference {
    pub part: OpinionPart,
    pub kind: DifferenceKind,
    /// A question the person could ask about this difference.
    pub follow_up: String,
}

/// The comparison of two opinions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Comparison {
    /// The parts that differ, in a fixed order (diagnosis first).
    pub differences: Vec<Difference>,
    /// True when the two doctors differ on what the illness is or on what they advise: the
    /// person may want guidance on a third opinion.
    pub differ_widely: bool,
}

/// Compares the two opinions. Text is compared ignoring case, spacing and final full stops, so
/// "Gallstones." and "gallstones" count as the same.
pub fn compare(first: &Opinion, second: &Opinion) -> Comparison {
    let differences: Vec<Difference> = OpinionPart::ALL
        .into_iter()
        .filter_map(|part| {
            let (a, b) = (normalise(part.of(first)), normalise(part.of(second)));
            let kind = match (a.is_empty(), b.is_empty()) {
                (true, true) => return None,
                (false, true) => DifferenceKind::OnlyFirst,
                (true, false) => DifferenceKind::OnlySecond,
                (false, false) if a == b => return None,
                (false, false) => DifferenceKind::Different,
            };
            Some(Difference {
                part,
                kind,
                follow_up: follow_up(part, kind),
            })
        })
        .collect();
    let differ_widely = differences.iter().any(|d| {
        d.kind == DifferenceKind::Different
            && matches!(d.part, OpinionPart::Diagnosis | OpinionPart::Recommendation)
    });
    Comparison {
        differences,
        differ_widely,
    }
}

fn normalise(text: &str) -> String {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    words
        .join(" ")
        .trim_end_matches(['.', '!', ';', ','])
        .to_owned()
}

fn follow_up(part: OpinionPart, kind: DifferenceKind) -> String {
    let what = part.words();
    match kind {
        DifferenceKind::Different => format!(
            "The two doctors said different things about {what}. Can you help me understand why, and what it means for me?"
        ),
        DifferenceKind::OnlyFirst => format!(
            "The first doctor talked about {what}, but I did not note anything from the second doctor. What is your view?"
        ),
        DifferenceKind::OnlySecond => format!(
            "The second doctor talked about {what}, which I did not hear before. Could this apply to me?"
        ),
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

    #[test]
    fn the_same_words_in_another_case_or_spacing_are_not_a_difference() {
        let c = compare(
            &opinion("Gallstones.", "Keyhole surgery"),
            &opinion("  gallstones ", "keyhole   SURGERY."),
        );
        assert!(c.differences.is_empty());
        assert!(!c.differ_widely);
    }

    #[test]
    fn a_different_recommendation_differs_widely_and_gets_a_question() {
        let c = compare(
            &opinion("Gallstones", "Surgery"),
            &opinion("Gallstones", "Watch and wait"),
        );
        assert_eq!(c.differences.len(), 1);
        let d = &c.differences[0];
        assert_eq!(d.part, OpinionPart::Recommendation);
        assert_eq!(d.kind, DifferenceKind::Different);
        assert!(d.follow_up.contains("what they advise"));
        assert!(c.differ_widely);
    }

    #[test]
    fn something_only_one_doctor_said_is_marked_but_does_not_differ_widely() {
        let first = Opinion::default();
        let second = Opinion {
            anything_new: "A clinical trial at another hospital".into(),
            ..Default::default()
        };
        let c = compare(&first, &second);
        assert_eq!(c.differences.len(), 1);
        assert_eq!(c.differences[0].kind, DifferenceKind::OnlySecond);
        assert!(!c.differ_widely);
        let c = compare(&second, &first);
        assert_eq!(c.differences[0].kind, DifferenceKind::OnlyFirst);
    }

    #[test]
    fn differences_come_in_a_fixed_order() {
        let a = Opinion {
            diagnosis: "a".into(),
            options: "a".into(),
            risks: "a".into(),
            recommendation: "a".into(),
            anything_new: "a".into(),
        };
        let b = Opinion {
            diagnosis: "b".into(),
            options: "b".into(),
            risks: "b".into(),
            recommendation: "b".into(),
            anything_new: "b".into(),
        };
        let parts: Vec<_> = compare(&a, &b).differences.iter().map(|d| d.part).collect();
        assert_eq!(parts, OpinionPart::ALL);
    }
}
