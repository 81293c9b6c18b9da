//! The letters that keep things moving (see `journey::chase` for when each is offered): a
//! reminder to the records office, a follow-up to the GP or consultant, a concern to the
//! nation's advice service, and a letter asking one doctor about the other's view. Each is
//! filled from the case and its journey; the words are the templates' in `content/letters/`.

use chrono::NaiveDate;
use serde_json::Value;

use super::letter::{
    lines, one_line, patient_details, prepare, printable_case, LetterParts, PreparedLetter,
};
use super::printable::printable_field;
use super::{DocumentOptions, LetterWords};
use crate::cases::{CaseDetails, Nation};
use crate::content::Content;
use crate::dates::long_uk;
use crate::error::Result;
use crate::journey::{compare, ChaseLetter, Journey, OpinionPart, SaidTheSame};

/// Running and PDF titles: what each paper is, never what it is about.
pub(crate) const RECORDS_CHASE_TITLE: &str = "Subject access request — reminder";
pub(crate) const FOLLOW_UP_TITLE: &str = "Second opinion request — follow-up";
pub(crate) const CONCERN_TITLE: &str = "Asking for help with my care";
pub(crate) const OTHER_VIEW_TITLE: &str = "Letter to my doctor — the two opinions";

/// Who is asked for the records: the holder the person named, or their GP practice (with its
/// address) when they named none or named the practice.
pub(crate) fn records_holder(case: &CaseDetails, journey: &Journey) -> (String, String) {
    let holder = journey.records_holder.trim();
    if holder.is_empty() || holder == case.gp_practice_name.trim() {
        (
            case.gp_practice_name.clone(),
            case.gp_practice_address.clone(),
        )
    } else {
        (journey.records_holder.clone(), String::new())
    }
}

/// The service a concern goes to in each nation (named in uk-facts.md, "Help when stuck").
pub(crate) fn concern_service(nation: Nation) -> &'static str {
    match nation {
        Nation::England => "Patient Advice and Liaison Service (PALS)",
        Nation::Scotland => "Patient Advice and Support Service (PASS)",
        Nation::Wales => "Llais",
        Nation::NorthernIreland => "Patient and Client Council",
    }
}

fn text(s: &str) -> Value {
    Value::String(s.to_owned())
}

/// A choice that picks the words: "yes" or empty.
fn choice(on: bool) -> Value {
    text(if on { "yes" } else { "" })
}

/// The letter `letter` for a case, dated `today`.
pub(crate) fn chase_letter(
    letter: ChaseLetter,
    case: &CaseDetails,
    journey: &Journey,
    content: &Content,
    today: NaiveDate,
    options: &DocumentOptions,
) -> Result<PreparedLetter> {
    let id = match letter.template_id(case.nation) {
        Some(id) => id,
        None => return Err(case.nation_or_ask().err().unwrap_or_else(missing_nation)),
    };
    let words = LetterWords::by_id(content, &id)?;
    let parts = match letter {
        ChaseLetter::RecordsChase => records_chase(case, journey)?,
        ChaseLetter::FollowUpGp => follow_up(case, journey, today, false)?,
        ChaseLetter::FollowUpConsultant => follow_up(case, journey, today, true)?,
        ChaseLetter::Concern => concern(case, journey, today)?,
        ChaseLetter::OtherViewFirst => other_view(case, journey, true)?,
        ChaseLetter::OtherViewSecond => other_view(case, journey, false)?,
    };
    prepare(parts, &words, today, options)
}

fn missing_nation() -> crate::error::Error {
    crate::error::Error::InvalidInput("Please choose which part of the UK first.".into())
}

/// The day sent and received, and the day the reply was due, in words (empty when unknown).
fn records_dates(journey: &Journey) -> Vec<(&'static str, Value)> {
    let day = |d: Option<NaiveDate>| d.map(long_uk).unwrap_or_default();
    let due = journey.records_due();
    vec![
        ("date_sent", text(&day(journey.records_requested_on))),
        ("date_received", text(&day(journey.records_received_on))),
        ("date_due", text(&day(due.map(|d| d.due)))),
        (
            "due_approximate",
            choice(due.is_some_and(|d| d.approximate)),
        ),
    ]
}

/// The reminder to the records office: the days sent, received and due, the one-month duty.
fn records_chase(case: &CaseDetails, journey: &Journey) -> Result<LetterParts> {
    let case = printable_case(case)?;
    let (holder, address) = records_holder(&case, journey);
    let holder = printable_field("The practice or hospital", &holder)?;
    let address = printable_field("The practice or hospital's address", &address)?;
    let recipient = lines(&holder).chain(lines(&address)).collect();
    let mut parts = LetterParts::new(RECORDS_CHASE_TITLE, case, recipient);
    parts.variables = records_dates(journey);
    parts
        .variables
        .push(("records_holder", text(&one_line(&holder))));
    parts.after_subject = patient_details(
        &parts.case,
        parts.case.date_of_birth,
        &parts.case.nhs_number,
    );
    Ok(parts)
}

/// How long since the request, in words: "5 weeks", "1 week", "10 days"; empty when the day
/// it was asked is not known, so the letter leaves the sentence out rather than say "0 days".
fn since(asked: Option<NaiveDate>, today: NaiveDate) -> String {
    let Some(asked) = asked else {
        return String::new();
    };
    let days = (today - asked).num_days().max(0);
    match days / 7 {
        0 if days == 1 => "1 day".into(),
        0 => format!("{days} days"),
        1 => "1 week".into(),
        w => format!("{w} weeks"),
    }
}

/// The follow-up to the GP practice, or to the consultant (`to_consultant`).
fn follow_up(
    case: &CaseDetails,
    journey: &Journey,
    today: NaiveDate,
    to_consultant: bool,
) -> Result<LetterParts> {
    let case = printable_case(case)?;
    let (recipient, addressees) = if to_consultant {
        (
            lines(&case.first_doctor_name)
                .chain(lines(&case.first_doctor_workplace))
                .collect(),
            vec![one_line(&case.first_doctor_name)],
        )
    } else {
        (
            lines(&case.gp_practice_name)
                .chain(lines(&case.gp_practice_address))
                .collect(),
            Vec::new(),
        )
    };
    let mut parts = LetterParts::about_patient(FOLLOW_UP_TITLE, case, recipient);
    parts.addressees = addressees;
    parts.variables = vec![
        ("to_consultant", choice(to_consultant)),
        (
            "date_asked",
            text(&journey.asked_on.map(long_uk).unwrap_or_default()),
        ),
        ("waited", text(&since(journey.asked_on, today))),
    ];
    Ok(parts)
}

/// The concern to the nation's advice service: what the person is trying to do, what they
/// asked and when, and what has not happened.
fn concern(case: &CaseDetails, journey: &Journey, today: NaiveDate) -> Result<LetterParts> {
    let nation = case.nation_or_ask()?;
    let case = printable_case(case)?;
    let no_reply = journey.follow_up_from().is_some_and(|from| today >= from);
    let records_late = journey.records_overdue(today).is_some();
    let (holder, _) = records_holder(&case, journey);
    let holder = one_line(&printable_field("The practice or hospital", &holder)?);
    let mut parts =
        LetterParts::about_patient(CONCERN_TITLE, case, vec![concern_service(nation).into()]);
    parts.variables = records_dates(journey);
    parts.variables.extend([
        ("no_reply", choice(no_reply)),
        ("records_late", choice(records_late)),
        ("records_holder", text(&holder)),
        (
            "date_asked",
            text(&journey.asked_on.map(long_uk).unwrap_or_default()),
        ),
        ("waited", text(&since(journey.asked_on, today))),
    ]);
    Ok(parts)
}

/// "What the illness is", from "what the illness is".
fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The letter to the first doctor (`to_first`) or the second, about the other's view: each part
/// the person said differs, with what each doctor said in the person's words, the parts they
/// are not sure about, and their questions still unanswered.
fn other_view(case: &CaseDetails, journey: &Journey, to_first: bool) -> Result<LetterParts> {
    let case = printable_case(case)?;
    let f = printable_field;
    let second_name = one_line(&f(
        "The second doctor's name",
        &journey.appointment.with_whom,
    )?);
    let second_place = one_line(&f(
        "Where the second doctor works",
        &journey.appointment.place,
    )?);
    let first_name = one_line(&case.first_doctor_name);
    let first_place = one_line(&case.first_doctor_workplace);
    let (to_name, to_place, other_name, other_place) = if to_first {
        (first_name, first_place, second_name, second_place)
    } else {
        (second_name, second_place, first_name, first_place)
    };
    let c = compare(
        &journey.first_opinion,
        &journey.second_opinion,
        &journey.same_answers,
    );
    let other = if other_name.is_empty() {
        "the other doctor".to_owned()
    } else {
        other_name.clone()
    };
    let differences = c
        .answered(SaidTheSame::No)
        .into_iter()
        .map(|part| difference(part, journey, to_first, &other))
        .collect::<Result<Vec<_>>>()?
        .join("\n\n");
    let questions = journey
        .unanswered_questions()
        .into_iter()
        .map(|q| Ok(format!("• {}", one_line(&f("A question", q)?))))
        .collect::<Result<Vec<_>>>()?
        .join("\n");
    let recipient = [to_name.clone(), to_place]
        .iter()
        .flat_map(|l| lines(l))
        .collect();
    let mut parts = LetterParts::about_patient(OTHER_VIEW_TITLE, case, recipient);
    parts.addressees = vec![to_name];
    parts.variables = vec![
        ("to_first", choice(to_first)),
        ("other_doctor", text(&other_name)),
        ("other_workplace", text(&other_place)),
        ("differences", text(&differences)),
        ("not_sure", text(&c.answered_in_words(SaidTheSame::NotSure))),
        ("questions", text(&questions)),
    ];
    Ok(parts)
}

/// One difference, a line each: "What they advise", "From you: …", "From Ms Raman: …".
fn difference(part: OpinionPart, journey: &Journey, to_first: bool, other: &str) -> Result<String> {
    let label = capitalised(part.words());
    let first = one_line(&printable_field(&label, part.of(&journey.first_opinion))?);
    let second = one_line(&printable_field(&label, part.of(&journey.second_opinion))?);
    let (yours, theirs) = if to_first {
        (first, second)
    } else {
        (second, first)
    };
    let said = |s: &str| {
        if s.is_empty() {
            "(nothing noted)".to_owned()
        } else {
            s.to_owned()
        }
    };
    Ok(format!(
        "{label}\nFrom you: {}\nFrom {other}: {}",
        said(&yours),
        said(&theirs)
    ))
}
