//! Answers checked one field at a time, so one refused answer never stops the others saving.
//!
//! A [`FieldProblem`] names the field (as the UI's input is named: `nhs_number`,
//! `appointment.date`, `questions.2.answer`), the journey step it is on, a stable `code` and a
//! plain-words message. The autosave stores every valid field and keeps each refused one, as
//! typed, as a draft in the profile's encrypted database ([`super::Store::save_case_as_typed`]).
//! Reopening the case shows the draft back in its field with its problem, until it is changed.
//!
//! Invariants: the case and journey that letters are made from only ever hold valid values;
//! a draft is never used in a document; the UI takes every limit from
//! [`crate::cases::field_limits`].

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::Step;
use crate::error::Error;

/// The most characters a refused answer may have and still be kept as a draft. Larger than any
/// limit (a pasted document is kept so it can be shortened), small enough to stay quick.
pub const MAX_DRAFT_CHARS: usize = 2_000_000;

/// One answer that cannot be used as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldProblem {
    /// The field, as named in `CaseDetails` or `Journey`; nested fields joined by dots.
    pub field: String,
    /// The journey step the field is on.
    pub step: Step,
    /// Stable, for the UI: `too_long`, `hidden_character`, `invalid_nhs_number`,
    /// `invalid_date_of_birth` or `invalid_date`.
    pub code: String,
    /// Plain words: what is wrong and what to change.
    pub message: String,
    /// Whether what was typed is kept (encrypted, in the profile) until it is changed. `false`
    /// only for text longer than [`MAX_DRAFT_CHARS`].
    pub kept: bool,
}

impl FieldProblem {
    pub(crate) fn new(field: &str, step: Step, code: &str, message: String) -> FieldProblem {
        FieldProblem {
            field: field.to_owned(),
            step,
            code: code.to_owned(),
            message,
            kept: true,
        }
    }

    /// The error a strict save (one that refuses the whole record) returns for this problem.
    pub fn into_error(self) -> Error {
        match self.code.as_str() {
            "invalid_nhs_number" => Error::InvalidNhsNumber,
            "invalid_date_of_birth" => Error::InvalidDateOfBirth(self.message),
            _ => Error::InvalidInput(self.message),
        }
    }
}

/// The JSON pointer of a dotted field name.
fn pointer(field: &str) -> String {
    format!("/{}", field.replace('.', "/"))
}

/// The value typed for `field`, as JSON text (what a draft keeps).
pub(crate) fn value_at(record: &Value, field: &str) -> Option<Value> {
    record.pointer(&pointer(field)).cloned()
}

/// Puts `value` at `field` (which must exist in `record`).
pub(crate) fn set_at(record: &mut Value, field: &str, value: Value) {
    if let Some(slot) = record.pointer_mut(&pointer(field)) {
        *slot = value;
    }
}

/// Every string in a record with its dotted field name, in a stable order.
pub(crate) fn strings(record: &Value) -> Vec<(String, &str)> {
    fn walk<'a>(v: &'a Value, path: &str, out: &mut Vec<(String, &'a str)>) {
        let join = |key: &str| {
            if path.is_empty() {
                key.to_owned()
            } else {
                format!("{path}.{key}")
            }
        };
        match v {
            Value::String(s) => out.push((path.to_owned(), s)),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &join(&i.to_string()), out);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    walk(item, &join(key), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(record, "", &mut out);
    out
}

/// Marks problems whose typed text is too big to keep as a draft.
pub(crate) fn mark_unkeepable(typed: &Value, problems: &mut [FieldProblem]) {
    for p in problems {
        if let Some(Value::String(s)) = value_at(typed, &p.field) {
            if s.chars().count() > MAX_DRAFT_CHARS {
                p.kept = false;
            }
        }
    }
}

/// `typed` with each refused field set back to its value in `previous` (what was last saved)
/// or, when it has none, to `empty`: what may be stored and used. A field inside a list row
/// (`medicines.1.notes`) is always set to `empty`: rows are known only by their place, and a row
/// removed or added above it since the last save would put another row's value there.
pub(crate) fn usable(
    typed: &Value,
    previous: &Value,
    problems: &[FieldProblem],
    empty: impl Fn(&FieldProblem) -> Value,
) -> Value {
    let mut out = typed.clone();
    for p in problems {
        let in_list_row = p.field.split('.').any(|part| part.parse::<usize>().is_ok());
        let back = if in_list_row {
            empty(p)
        } else {
            value_at(previous, &p.field).unwrap_or_else(|| empty(p))
        };
        set_at(&mut out, &p.field, back);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_answer_in_a_list_row_never_takes_another_rows_saved_value() {
        // Saved: two medicines. Then the first is removed, and the one left (now at 0) has notes
        // that are refused: its notes must not become the removed row's.
        let previous = serde_json::json!({"medicines": [
            {"name": "Aspirin", "notes": "with food"},
            {"name": "Bisoprolol", "notes": "mornings"},
        ]});
        let typed =
            serde_json::json!({"medicines": [{"name": "Bisoprolol", "notes": "x".repeat(9)}]});
        let problem = FieldProblem::new(
            "medicines.0.notes",
            super::Step::Prepare,
            "too_long",
            "too long".into(),
        );
        let out = usable(&typed, &previous, &[problem], |_| {
            Value::String(String::new())
        });
        assert_eq!(out["medicines"][0]["notes"], "");
        assert_eq!(out["medicines"][0]["name"], "Bisoprolol");
    }

    #[test]
    fn strings_are_named_by_dotted_paths() {
        let v = serde_json::json!({"a": "x", "b": {"c": "y"}, "d": [{"e": "z"}], "n": 1});
        let names: Vec<String> = strings(&v).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["a", "b.c", "d.0.e"]);
        assert_eq!(value_at(&v, "d.0.e"), Some(Value::from("z")));
    }

    #[test]
    fn usable_puts_back_the_saved_value_or_empty() {
        let typed = serde_json::json!({"a": "bad", "b": "good", "c": "bad too"});
        let previous = serde_json::json!({"a": "old", "b": "older"});
        let problems = [
            FieldProblem::new("a", Step::Situation, "too_long", "x".into()),
            FieldProblem::new("c", Step::Situation, "too_long", "x".into()),
        ];
        let out = usable(&typed, &previous, &problems, |_| Value::from(""));
        assert_eq!(out, serde_json::json!({"a": "old", "b": "good", "c": ""}));
    }
}
