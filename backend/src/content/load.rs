//! Reading content files into checked [`Content`].

use std::collections::{BTreeMap, BTreeSet};

use chrono::Months;

use super::{
    Content, DoubtHelp, Item, ItemMeta, Kind, LetterTemplate, NeedsWords, Organisation, Question,
    QuestionTopic, Right, Source, Step,
};
use crate::error::{Error, Result};
use crate::model::Nation;

/// The letters the documents rely on.
pub(super) const REQUIRED_LETTERS: [&str; 5] = [
    "letter-gp-request",
    "letter-consultant-request",
    "letter-records-request",
    "letter-carer-authorisation",
    "letter-decision",
];

fn err(place: &str, msg: impl std::fmt::Display) -> Error {
    Error::Content(format!("{place}: {msg}"))
}

pub(super) fn load(files: impl IntoIterator<Item = (String, String)>) -> Result<Content> {
    let mut files: Vec<(String, String)> = files.into_iter().collect();
    files.sort();
    let mut items: Vec<(String, Item)> = Vec::new();
    let mut sources: Vec<Source> = Vec::new();
    for (path, text) in &files {
        // A Windows checkout (git's autocrlf) gives CRLF line ends: TOML keeps them inside
        // multi-line strings, so letters would carry stray carriage returns. Read LF only.
        let text = text.replace("\r\n", "\n");
        let table: toml::Table = toml::from_str(&text).map_err(|e| err(path, e))?;
        read_file(path, table, &mut items, &mut sources)?;
    }

    let mut source_ids = BTreeSet::new();
    for s in &sources {
        if !source_ids.insert(s.id.as_str()) {
            return Err(err(
                "sources",
                format!("source id '{}' is used twice", s.id),
            ));
        }
    }

    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (place, item) in &items {
        let meta = item.meta();
        check_meta(meta).map_err(|e| err(place, e))?;
        for s in &meta.sources {
            if !source_ids.contains(s.as_str()) {
                return Err(err(
                    place,
                    format!("source '{s}' is not listed in content/sources.toml"),
                ));
            }
        }
        if let Some(other) = seen.insert(meta.id.clone(), place.clone()) {
            return Err(err(
                place,
                format!("id '{}' is already used by {other}", meta.id),
            ));
        }
        for (field, text) in item.texts() {
            if text.trim().is_empty() {
                return Err(err(place, format!("'{field}' is empty")));
            }
        }
        if let Item::Letter(l) = item {
            check_template(l).map_err(|e| err(place, e))?;
        }
        if let Item::LetterNeeds(n) = item {
            check_needs_templates(n).map_err(|e| err(place, e))?;
        }
    }

    // Stable sort: kind first, then file path and position (the order read).
    items.sort_by_key(|(_, item)| item.rank());
    let items: Vec<Item> = items.into_iter().map(|(_, item)| item).collect();
    let index = items
        .iter()
        .enumerate()
        .map(|(i, item)| (item.meta().id.clone(), i))
        .collect();
    let content = Content {
        items,
        index,
        sources,
    };
    check_references(&content)?;
    Ok(content)
}

/// Reads one file: a list of sources, many items (`[common]` + `[[item]]`) or one item.
fn read_file(
    path: &str,
    mut table: toml::Table,
    items: &mut Vec<(String, Item)>,
    sources: &mut Vec<Source>,
) -> Result<()> {
    if let Some(list) = table.remove("source") {
        if let Some(key) = table.keys().next() {
            return Err(err(
                path,
                format!("a sources file holds only [[source]] entries, not '{key}'"),
            ));
        }
        let list: Vec<Source> = list.try_into().map_err(|e| err(path, e))?;
        sources.extend(list);
        return Ok(());
    }
    if let Some(list) = table.remove("item") {
        let common = match table.remove("common") {
            None => toml::Table::new(),
            Some(toml::Value::Table(t)) => t,
            Some(_) => return Err(err(path, "[common] must be a table")),
        };
        if let Some(key) = table.keys().next() {
            return Err(err(
                path,
                format!(
                    "'{key}' is outside any item: put values every item shares under [common] \
                     and each item under [[item]]"
                ),
            ));
        }
        let toml::Value::Array(list) = list else {
            return Err(err(path, "items must be written as [[item]] tables"));
        };
        for (n, value) in list.into_iter().enumerate() {
            let toml::Value::Table(mut item) = value else {
                return Err(err(path, "items must be written as [[item]] tables"));
            };
            let place = match item.get("id").and_then(|v| v.as_str()) {
                Some(id) => format!("{path}, item {} ('{id}')", n + 1),
                None => format!("{path}, item {}", n + 1),
            };
            for (key, value) in &common {
                item.entry(key.clone()).or_insert_with(|| value.clone());
            }
            items.push((place.clone(), read_item(&place, item)?));
        }
        return Ok(());
    }
    items.push((path.to_owned(), read_item(path, table)?));
    Ok(())
}

/// Reads one item's table, refusing fields no kind knows (a misspelt optional field would
/// otherwise vanish without a word).
fn read_item(place: &str, table: toml::Table) -> Result<Item> {
    // Read through TOML text, not `toml::Value`: dates only survive serde's buffering of
    // tagged and flattened fields when read from text.
    let text = toml::to_string(&table).map_err(|e| err(place, e))?;
    let item: Item = toml::from_str(&text).map_err(|e| err(place, e))?;
    let back = toml::Value::try_from(&item).map_err(|e| err(place, e))?;
    let known = back.as_table().map(|t| t.keys().collect::<BTreeSet<_>>());
    let unknown: Vec<&String> = table
        .keys()
        .filter(|k| !known.as_ref().is_some_and(|known| known.contains(k)))
        .collect();
    if !unknown.is_empty() {
        let names: Vec<&str> = unknown.iter().map(|k| k.as_str()).collect();
        return Err(err(
            place,
            format!(
                "unknown field(s) for a {}: {}",
                item.kind(),
                names.join(", ")
            ),
        ));
    }
    Ok(item)
}

fn check_meta(meta: &ItemMeta) -> std::result::Result<(), String> {
    let id_ok = !meta.id.is_empty()
        && meta
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        return Err(format!(
            "id '{}' must be lower-case letters, digits and hyphens",
            meta.id
        ));
    }
    if meta.title.trim().is_empty() {
        return Err("title is empty".into());
    }
    if meta.nations.is_empty() {
        return Err("nations is empty: list the nations the item applies to".into());
    }
    let distinct: std::collections::HashSet<Nation> = meta.nations.iter().copied().collect();
    if distinct.len() != meta.nations.len() {
        return Err("nations lists a nation twice".into());
    }
    if meta.sources.is_empty() || meta.sources.iter().any(|s| s.trim().is_empty()) {
        return Err("sources is empty: name at least one source".into());
    }
    if meta.review_by <= meta.reviewed {
        return Err("review_by must be after reviewed".into());
    }
    let year_later = meta.reviewed.checked_add_months(Months::new(12));
    if year_later.is_some_and(|limit| meta.review_by > limit) {
        return Err("review_by must be no more than a year after reviewed".into());
    }
    Ok(())
}

fn check_template(letter: &LetterTemplate) -> std::result::Result<(), String> {
    let env = minijinja::Environment::new();
    env.template_from_str(&letter.body)
        .map(|_| ())
        .map_err(|e| format!("body template: {e}"))
}

fn check_needs_templates(words: &NeedsWords) -> std::result::Result<(), String> {
    let env = minijinja::Environment::new();
    for (field, text) in words.sentences() {
        env.template_from_str(text)
            .map_err(|e| format!("{field} template: {e}"))?;
    }
    Ok(())
}

/// Every reference between items points at an item of the right kind.
fn check_references(content: &Content) -> Result<()> {
    fn refs<T: Kind>(
        content: &Content,
        from: &ItemMeta,
        field: &str,
        ids: &[String],
    ) -> Result<()> {
        for id in ids {
            if content.get::<T>(id).is_err() {
                return Err(Error::Content(format!(
                    "'{}': {field} refers to '{id}', which is not a {} in the content",
                    from.id,
                    T::NAME
                )));
            }
        }
        Ok(())
    }
    for item in content.items() {
        match item {
            Item::Route(r) => {
                refs::<Right>(content, &r.meta, "rights", &r.rights)?;
                refs::<Organisation>(content, &r.meta, "help", &r.help)?;
            }
            Item::Faq(f) => refs::<Organisation>(content, &f.meta, "help", &f.help)?,
            Item::Notice(n) => refs::<Question>(content, &n.meta, "questions", &n.questions)?,
            Item::QuestionSet(q) => refs::<Question>(content, &q.meta, "questions", &q.questions)?,
            Item::Question(q) => {
                refs::<QuestionTopic>(content, &q.meta, "topic", std::slice::from_ref(&q.topic))?
            }
            _ => {}
        }
    }
    Ok(())
}

pub(super) fn check_complete(content: &Content) -> Result<()> {
    let home = content.home()?;
    if !home.emergency.contains("999") {
        return Err(Error::Content(
            "the home screen's emergency line must give 999".into(),
        ));
    }
    if content.about()?.disclaimer.is_empty() {
        return Err(Error::Content(
            "the about item needs a disclaimer to show on Home and step 1".into(),
        ));
    }
    let readiness = content.readiness_check()?;
    for key in super::ReadinessKey::ALL {
        let n = readiness.questions.iter().filter(|q| q.key == key).count();
        if n != 1 {
            return Err(Error::Content(format!(
                "the readiness check must ask about {key:?} exactly once, not {n} times"
            )));
        }
    }
    if readiness.questions.len() != super::ReadinessKey::ALL.len() {
        return Err(Error::Content(
            "the readiness check has four questions, one for each answer".into(),
        ));
    }
    let weigh_up = content.weigh_up_guide()?;
    for kind in [DoubtHelp::Information, DoubtHelp::Support, DoubtHelp::Time] {
        if weigh_up.help.iter().filter(|h| h.kind == kind).count() != 1 {
            return Err(Error::Content(format!(
                "the weigh-up must say once what helps next for {kind:?}"
            )));
        }
    }
    for id in REQUIRED_LETTERS {
        content.letter(id)?;
    }
    content.needs_words()?;
    for nation in Nation::ALL {
        let line = content.urgent_line(nation)?;
        if !line.line.as_deref().is_some_and(|l| l.contains("999")) {
            return Err(Error::Content(format!(
                "'{}': the urgent line for {} must give 999",
                line.meta.id,
                nation.display_name()
            )));
        }
        if content.help(nation).is_empty() {
            return Err(Error::Content(format!(
                "{} has no organisation to turn to when stuck",
                nation.display_name()
            )));
        }
        for step in Step::ALL {
            if content.for_step(step, nation).is_empty() {
                return Err(Error::Content(format!(
                    "the '{}' step has no content for {}",
                    step.as_str(),
                    nation.display_name()
                )));
            }
        }
    }
    Ok(())
}
