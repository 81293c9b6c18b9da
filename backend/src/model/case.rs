//! A person's case: who it is for, what the first doctor said, and who their GP is.
//!
//! Invariant: every value the person typed is stored and returned exactly as typed (no trimming,
//! no escaping); limits are checked by [`CaseDetails::validate`] before anything is written.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::field::FieldProblem;
use super::nhs_number::parse_nhs_number;
use crate::error::{Error, Result};

/// The four UK nations. Help, rights and routes differ between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Nation {
    England,
    Scotland,
    Wales,
    NorthernIreland,
}

impl Nation {
    /// Every nation, in the order the UI lists them.
    pub const ALL: [Nation; 4] = [
        Nation::England,
        Nation::Scotland,
        Nation::Wales,
        Nation::NorthernIreland,
    ];

    /// The stable word stored in the database and used in content files.
    pub fn as_str(self) -> &'static str {
        match self {
            Nation::England => "england",
            Nation::Scotland => "scotland",
            Nation::Wales => "wales",
            Nation::NorthernIreland => "northern-ireland",
        }
    }

    /// The name people use.
    pub fn display_name(self) -> &'static str {
        match self {
            Nation::England => "England",
            Nation::Scotland => "Scotland",
            Nation::Wales => "Wales",
            Nation::NorthernIreland => "Northern Ireland",
        }
    }

    /// What the patient's ten-digit health number is called here: the same Modulus 11 number
    /// goes by a different name in Scotland and in Northern Ireland.
    pub fn number_label(self) -> &'static str {
        match self {
            Nation::England | Nation::Wales => "NHS number",
            Nation::Scotland => "CHI number",
            Nation::NorthernIreland => "H&C number",
        }
    }

    /// Parses the stable word from [`Nation::as_str`].
    pub fn parse(s: &str) -> Option<Nation> {
        Nation::ALL.into_iter().find(|n| n.as_str() == s)
    }
}

/// A case's database id.
pub type CaseId = i64;

/// What the person tells us about the case. Every field may be empty while they are still typing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CaseDetails {
    /// Who the case is for: the patient's full name.
    pub patient_name: String,
    /// The patient's postal address, one line per line. Printed as the sender's address.
    pub patient_address: String,
    /// Where the patient lives; help and rights differ by nation.
    pub nation: Option<Nation>,
    /// What they were diagnosed with or offered, in their own words.
    pub diagnosis: String,
    /// Why they would like a second opinion, in their own words.
    pub reason: String,
    /// The first doctor's name.
    pub first_doctor_name: String,
    /// Where the first doctor works (hospital, clinic or practice).
    pub first_doctor_workplace: String,
    /// The GP practice's name.
    pub gp_practice_name: String,
    /// The GP practice's postal address, one line per line.
    pub gp_practice_address: String,
    /// The patient's date of birth: helps every doctor and records office find the right person.
    #[ts(type = "string | null")]
    pub date_of_birth: Option<NaiveDate>,
    /// The patient's NHS number (CHI number in Scotland, H&C number in Northern Ireland), as
    /// typed: ten digits, spaces allowed ("943 476 5919"). Empty when not known.
    pub nhs_number: String,
}

/// Longest single-line field (names, places), in characters.
pub const MAX_LINE_CHARS: usize = 200;
/// Longest address, in characters.
pub const MAX_ADDRESS_CHARS: usize = 500;
/// Longest free-text field (diagnosis, reason), in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Longest NHS number as typed (ten digits and some spaces), in characters.
pub const MAX_NHS_NUMBER_CHARS: usize = 20;
/// The earliest date of birth accepted.
pub const EARLIEST_BIRTH: (i32, u32, u32) = (1900, 1, 1);

impl CaseDetails {
    /// Each text field: its name, its label in plain words, and its most characters.
    pub const LIMITS: [(&'static str, &'static str, usize); 9] = [
        ("patient_name", "The name", MAX_LINE_CHARS),
        ("patient_address", "The address", MAX_ADDRESS_CHARS),
        ("diagnosis", "What you were told", MAX_TEXT_CHARS),
        ("reason", "Your reason", MAX_TEXT_CHARS),
        ("first_doctor_name", "The doctor's name", MAX_LINE_CHARS),
        (
            "first_doctor_workplace",
            "Where the doctor works",
            MAX_LINE_CHARS,
        ),
        ("gp_practice_name", "The GP practice's name", MAX_LINE_CHARS),
        (
            "gp_practice_address",
            "The GP practice's address",
            MAX_ADDRESS_CHARS,
        ),
        ("nhs_number", "The NHS number", MAX_NHS_NUMBER_CHARS),
    ];

    fn text(&self, field: &str) -> &str {
        match field {
            "patient_name" => &self.patient_name,
            "patient_address" => &self.patient_address,
            "diagnosis" => &self.diagnosis,
            "reason" => &self.reason,
            "first_doctor_name" => &self.first_doctor_name,
            "first_doctor_workplace" => &self.first_doctor_workplace,
            "gp_practice_name" => &self.gp_practice_name,
            "gp_practice_address" => &self.gp_practice_address,
            "nhs_number" => &self.nhs_number,
            _ => "",
        }
    }

    /// Every field that cannot be saved as typed, each with what to change, in plain words. Any
    /// script, emoji and markup are fine: they are data and are kept exactly. `today` is the
    /// latest date of birth accepted.
    pub fn problems(&self, today: NaiveDate) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        let step = super::Step::Situation;
        for (field, label, max) in Self::LIMITS {
            let value = self.text(field);
            let len = value.chars().count();
            if len > max {
                problems.push(FieldProblem::new(
                    field,
                    step,
                    "too_long",
                    format!(
                        "{label} is too long ({len} characters). Please keep it under {max} characters."
                    ),
                ));
            } else if value.chars().any(|c| c == '\0') {
                problems.push(FieldProblem::new(
                    field,
                    step,
                    "hidden_character",
                    format!(
                        "{label} has a hidden character that cannot be saved. Please retype it."
                    ),
                ));
            } else if field == "nhs_number" {
                if let Err(e) = parse_nhs_number(value) {
                    // Named as the nation names it: "This CHI number does not look right…".
                    let message = e.to_string().replacen("NHS number", self.number_label(), 1);
                    problems.push(FieldProblem::new(field, step, e.code(), message));
                }
            }
        }
        if let Some(born) = self.date_of_birth {
            let (y, m, d) = EARLIEST_BIRTH;
            let message =
                if NaiveDate::from_ymd_opt(y, m, d).is_some_and(|earliest| born < earliest) {
                    Some(format!(
                        "The date of birth {} is before 1900. Please check the year.",
                        crate::dates::long_uk(born)
                    ))
                } else if born > today {
                    Some(format!(
                    "The date of birth {} is in the future. Please check the day, month and year.",
                    crate::dates::long_uk(born)
                ))
                } else {
                    None
                };
            if let Some(message) = message {
                problems.push(FieldProblem::new(
                    "date_of_birth",
                    step,
                    "invalid_date_of_birth",
                    message,
                ));
            }
        }
        problems
    }

    /// Checks limits so nothing unusable is ever stored: the first problem, if any, as an error
    /// (for saves that refuse the whole record).
    pub fn validate(&self, today: NaiveDate) -> Result<()> {
        match self.problems(today).into_iter().next() {
            Some(p) => Err(p.into_error()),
            None => Ok(()),
        }
    }
}

impl CaseDetails {
    /// Checks the case has what a letter to the GP cannot do without: who it is from and which
    /// practice it goes to. The message lists what to fill in, in the form's own words.
    pub fn check_ready_for_gp_letter(&self) -> Result<()> {
        let needed: Vec<&str> = [
            (self.patient_name.trim().is_empty(), "their full name"),
            (
                self.gp_practice_name.trim().is_empty(),
                "the GP practice's name",
            ),
        ]
        .into_iter()
        .filter_map(|(missing, label)| missing.then_some(label))
        .collect();
        if needed.is_empty() {
            Ok(())
        } else {
            Err(Error::InvalidInput(format!(
                "Before we can write the letter, please fill in {}.",
                needed.join(" and ")
            )))
        }
    }
}

impl CaseDetails {
    /// What the patient's health number is called in the case's nation ("NHS number" until the
    /// nation is known).
    pub fn number_label(&self) -> &'static str {
        self.nation.map_or("NHS number", Nation::number_label)
    }

    /// The case's nation, which decides the help and rights printed; a plain request to choose
    /// it first when it is not set.
    pub fn nation_or_ask(&self) -> Result<Nation> {
        self.nation.ok_or_else(|| {
            Error::InvalidInput(
                "Please choose which part of the UK the person lives in first (in step 1). Help and rights are different in each nation."
                    .into(),
            )
        })
    }
}

/// A saved case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Case {
    #[ts(type = "number")]
    pub id: CaseId,
    pub details: CaseDetails,
    /// When the case was started (RFC 3339, UTC).
    pub created_at: String,
    /// When it was last saved (RFC 3339, UTC).
    pub updated_at: String,
}

/// A case as the person last typed it: `case` is what is saved and used (letters, the pack);
/// `typed` is the same with each refused answer as typed (kept as an encrypted draft), and
/// `problems` says what to change in each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CaseAsTyped {
    pub case: Case,
    pub typed: CaseDetails,
    pub problems: Vec<FieldProblem>,
}

/// One line in the list of cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseSummary {
    #[ts(type = "number")]
    pub id: CaseId,
    pub patient_name: String,
    pub updated_at: String,
    /// Moved out of the main list by the person; nothing is deleted.
    pub archived: bool,
    /// How many answers are kept as typed but need a change before they can be used.
    pub needs_change: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NHS_NUMBER_MESSAGE;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).expect("valid date")
    }

    #[test]
    fn date_of_birth_from_1900_to_today_is_accepted() {
        let mut d = CaseDetails::default();
        for (y, m, day) in [(1900, 1, 1), (1952, 2, 29), (2026, 11, 21)] {
            d.date_of_birth = NaiveDate::from_ymd_opt(y, m, day);
            assert!(d.validate(today()).is_ok(), "{y}-{m}-{day}");
        }
    }

    #[test]
    fn a_date_of_birth_with_a_two_figure_year_in_the_future_is_questioned() {
        let born = crate::dates::parse_uk("1/3/54").expect("read");
        assert_eq!(born, NaiveDate::from_ymd_opt(2054, 3, 1).expect("day"));
        let details = CaseDetails {
            date_of_birth: Some(born),
            ..Default::default()
        };
        let err = details
            .validate(NaiveDate::from_ymd_opt(2026, 12, 2).expect("day"))
            .expect_err("in the future");
        assert_eq!(err.code(), "invalid_date_of_birth");
        assert!(
            err.to_string().contains("1 March 2054 is in the future"),
            "{err}"
        );
    }

    #[test]
    fn date_of_birth_in_the_future_or_before_1900_is_refused_in_plain_words() {
        let mut d = CaseDetails {
            date_of_birth: NaiveDate::from_ymd_opt(2026, 11, 22),
            ..Default::default()
        };
        let err = d.validate(today()).expect_err("tomorrow");
        assert_eq!(err.code(), "invalid_date_of_birth");
        assert_eq!(
            err.to_string(),
            "The date of birth 22 November 2026 is in the future. Please check the day, month and year."
        );
        d.date_of_birth = NaiveDate::from_ymd_opt(1899, 12, 31);
        let err = d.validate(today()).expect_err("too early");
        assert_eq!(err.code(), "invalid_date_of_birth");
        assert!(err.to_string().contains("before 1900"));
    }

    #[test]
    fn nhs_number_is_checked_and_kept_as_typed() {
        let mut d = CaseDetails {
            nhs_number: "943 476 5919".into(),
            ..Default::default()
        };
        assert!(d.validate(today()).is_ok());
        d.nhs_number = "943 476 5918".into();
        let err = d.validate(today()).expect_err("wrong check digit");
        assert_eq!(err.code(), "invalid_nhs_number");
        assert_eq!(err.to_string(), NHS_NUMBER_MESSAGE);
        d.nhs_number = "9".repeat(MAX_NHS_NUMBER_CHARS + 1);
        assert_eq!(
            d.validate(today()).expect_err("too long").code(),
            "invalid_input"
        );
    }

    #[test]
    fn a_wrong_number_is_named_as_the_nation_names_it() {
        for (nation, label) in [
            (Nation::England, "NHS number"),
            (Nation::Wales, "NHS number"),
            (Nation::Scotland, "CHI number"),
            (Nation::NorthernIreland, "H&C number"),
        ] {
            let d = CaseDetails {
                nhs_number: "943 476 5918".into(),
                nation: Some(nation),
                ..Default::default()
            };
            let problems = d.problems(today());
            assert_eq!(problems.len(), 1);
            assert!(
                problems[0]
                    .message
                    .starts_with(&format!("This {label} does not look right.")),
                "{}",
                problems[0].message
            );
            assert_eq!(d.number_label(), label);
        }
    }

    #[test]
    fn nation_words_round_trip() {
        for n in Nation::ALL {
            assert_eq!(Nation::parse(n.as_str()), Some(n));
            let json = serde_json::to_string(&n).expect("serialises");
            assert_eq!(json, format!("\"{}\"", n.as_str()));
        }
        assert_eq!(Nation::parse("france"), None);
    }

    #[test]
    fn validate_accepts_any_script_and_markup() {
        let d = CaseDetails {
            patient_name: "Gwenllïan Ŵyn-Ŷr 🙂 <b>Zażółć</b> مرحبا".into(),
            ..Default::default()
        };
        assert!(d.validate(today()).is_ok());
    }

    #[test]
    fn validate_rejects_too_long_with_plain_words() {
        let d = CaseDetails {
            patient_name: "x".repeat(MAX_LINE_CHARS + 1),
            ..Default::default()
        };
        let err = d.validate(today()).expect_err("too long");
        assert_eq!(err.code(), "invalid_input");
        assert!(err.to_string().starts_with("The name is too long"));
    }

    #[test]
    fn gp_letter_needs_a_name_and_a_practice() {
        let mut d = CaseDetails::default();
        let err = d.check_ready_for_gp_letter().expect_err("empty");
        assert_eq!(
            err.to_string(),
            "Before we can write the letter, please fill in their full name and the GP practice's name."
        );
        d.patient_name = "Ann".into();
        d.gp_practice_name = "   ".into();
        assert!(d.check_ready_for_gp_letter().is_err());
        d.gp_practice_name = "Riverside Surgery".into();
        assert!(d.check_ready_for_gp_letter().is_ok());
    }

    #[test]
    fn validate_rejects_nul() {
        let d = CaseDetails {
            reason: "a\0b".into(),
            ..Default::default()
        };
        assert!(d.validate(today()).is_err());
    }
}
