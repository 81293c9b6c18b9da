//! The questions the person takes to the appointment: one of their own is added only when it
//! is not already on the list, so the pack never prints the same question twice.

/// The words of a question as compared: lower case, spaces collapsed, without the closing
/// question mark or full stop.
fn compared(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['?', '.', '!', ' '])
        .to_lowercase()
}

/// Why `text` cannot be added to the questions already chosen (`chosen`, their texts), in
/// plain words; `None` when it can. The same words are the same question, whatever the
/// capitals, spaces or question mark.
pub fn own_question_problem(chosen: &[String], text: &str) -> Option<String> {
    let new = compared(text);
    if new.is_empty() {
        return Some("Please write your question first.".to_owned());
    }
    chosen
        .iter()
        .any(|q| compared(q) == new)
        .then(|| "This question is already on your list, so it is not added again.".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_question_is_refused_whatever_its_capitals_spaces_or_mark() {
        let chosen = vec!["Can I wait until after my daughter's wedding?".to_owned()];
        assert!(
            own_question_problem(&chosen, "can I wait until after my  daughter's wedding")
                .is_some()
        );
        assert!(own_question_problem(&chosen, "  ").is_some());
        assert_eq!(
            own_question_problem(&chosen, "What happens if I wait?"),
            None
        );
    }
}
