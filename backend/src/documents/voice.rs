//! Who a letter speaks as, and to whom: the greeting from the addressee's name, the name under
//! the signature line, and the template variables that let a letter written by a helper speak
//! in the helper's own voice from start to finish.

use serde_json::Value;

use super::WrittenBy;

/// Titles a name may start with, as people write them; the greeting keeps the one typed.
const TITLES: [&str; 14] = [
    "Dr",
    "Dr.",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Mx",
    "Prof",
    "Prof.",
    "Professor",
    "Sister",
];

/// The greeting for the named addressees: "Dear Mr Morgan," for "Mr Rhys Morgan", the full
/// name when no title was typed (a guessed "Dr" could be wrong: surgeons are "Mr"), several
/// joined with "and"; `fallback` (the template's "Dear Doctor,") when no name is known.
pub(crate) fn salutation(names: &[String], fallback: &str) -> String {
    let named: Vec<String> = names
        .iter()
        .map(|n| n.split_whitespace().collect::<Vec<_>>())
        .filter(|words| !words.is_empty())
        .map(|words| match words.as_slice() {
            [title, .., surname] if TITLES.contains(title) => format!("{title} {surname}"),
            _ => words.join(" "),
        })
        .collect();
    match named.as_slice() {
        [] => fallback.to_owned(),
        [one] => format!("Dear {one},"),
        [rest @ .., last] => format!("Dear {} and {last},", rest.join(", ")),
    }
}

/// The name under the signature line. A helper signs as themselves, for the patient, with the
/// patient's name on a line of its own so no name is broken across lines.
pub(crate) fn signature_name(patient: &str, helper: Option<&WrittenBy>) -> String {
    match helper {
        None => patient.to_owned(),
        Some(by) if patient.is_empty() => format!("{}, for the patient", by.carer_name),
        Some(by) => format!("{}, on behalf of\n{patient}", by.carer_name),
    }
}

/// The variables every letter template may use to choose its voice: `helper_name` (empty when
/// the patient writes), `helper_relationship` (the helper to the patient: "daughter") and
/// `patient` (the patient's name on one line, or "the patient"), so a helper's letter can speak
/// of the patient by name and never with a guessed "he" or "she".
pub(crate) fn voice_variables(
    patient: &str,
    helper: Option<&WrittenBy>,
) -> Vec<(&'static str, Value)> {
    let (name, relationship) = helper
        .map(|by| (by.carer_name.clone(), by.relationship.clone()))
        .unwrap_or_default();
    let patient = if patient.is_empty() {
        "the patient"
    } else {
        patient
    };
    vec![
        ("helper_name", Value::String(name)),
        ("helper_relationship", Value::String(relationship)),
        ("patient", Value::String(patient.to_owned())),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_greeting_uses_the_title_and_surname_typed() {
        let fallback = "Dear Doctor,";
        assert_eq!(
            salutation(&names(&["Mr Rhys Morgan"]), fallback),
            "Dear Mr Morgan,"
        );
        assert_eq!(salutation(&names(&["Dr. Rao"]), fallback), "Dear Dr. Rao,");
        assert_eq!(
            salutation(&names(&["Aisha Rao"]), fallback),
            "Dear Aisha Rao,"
        );
        assert_eq!(
            salutation(&names(&["Professor Jane  Smith", "Dr Ali"]), fallback),
            "Dear Professor Smith and Dr Ali,"
        );
        assert_eq!(salutation(&names(&["", "  "]), fallback), fallback);
    }

    #[test]
    fn a_helper_signs_for_the_patient_with_the_name_on_its_own_line() {
        let by = WrittenBy {
            carer_name: "Siân Evans".into(),
            relationship: "daughter".into(),
        };
        assert_eq!(
            signature_name("Dafydd ap Gruffydd", Some(&by)),
            "Siân Evans, on behalf of\nDafydd ap Gruffydd"
        );
        assert_eq!(signature_name("Ann", None), "Ann");
    }
}
