//! Filling the printed documents from a case: which of the person's answers go where.

use crate::cases::{CarerConsentDetails, CaseDetails, Store};
use crate::content::{Guidance, Notice, NoticeLevel};
use crate::documents::{
    AppointmentDetails, CarerAuthorisation, CarerPurpose, ClinicianSummary, Decision, HeldRecord,
    HelpContact, Medicine, PackNotice, PrepPack, QuestionTopic, RecordsRequestLetter,
    TimelineEntry,
};
use chrono::NaiveDate;

use crate::content::Content;
use crate::documents::{self, DocumentOptions, RenderedDocument};
use crate::documents::{Communication, LetterPreview, LetterWords, Referral, WrittenBy};
use crate::error::Error;
use crate::error::Result;
use crate::journey::ChaseLetter;
use crate::journey::{ChosenQuestion, ForWhom, Journey, WeighUpAt};

mod kind;
pub use kind::DocumentKind;

/// The notices printed in full in the pack for this case: those marked `print` for its nation,
/// a time-critical one only when waiting could do harm, and time-critical ones first.
fn printed_notices<'a>(journey: &Journey, guidance: &'a Guidance) -> Vec<&'a Notice> {
    let time_critical = journey.time_critical();
    let mut out: Vec<&Notice> = guidance
        .notices
        .iter()
        .filter(|n| n.print && (n.when.is_none() || time_critical))
        .collect();
    out.sort_by_key(|n| n.when.is_none());
    out
}

/// The appointment-prep pack for a case: the person's own answers, the questions they chose
/// (grouped by the bank's topics, their own questions last), what they ticked to bring, and help
/// and emergency lines for their nation. When waiting could do harm, the time-critical caution
/// is printed first and its questions are added (unless already chosen), before the others.
pub fn prep_pack(case: &CaseDetails, journey: &Journey, guidance: &Guidance) -> PrepPack {
    let printed = printed_notices(journey, guidance);
    let timeline = timeline_entries(journey);
    let medicines = medicine_rows(journey);
    let asked: Vec<&ChosenQuestion> = journey
        .questions
        .iter()
        .filter(|q| !q.text.trim().is_empty())
        .collect();
    let top_questions: Vec<String> = asked
        .iter()
        .filter(|q| q.top)
        .map(|q| q.text.clone())
        .collect();
    let clinician_summary = ClinicianSummary {
        patient_name: case.patient_name.clone(),
        date_of_birth: case.date_of_birth,
        nhs_number: case.nhs_number.clone(),
        nation: case.nation,
        first_doctor: first_doctor(case),
        first_diagnosis: case.diagnosis.clone(),
        proposed_treatment: journey.treatment_proposed.clone(),
        key_dates: timeline.clone(),
        medicines: medicines.clone(),
        allergies: journey.allergies.clone(),
        records_attached: journey
            .records
            .iter()
            .filter(|r| r.arrived && !r.label.trim().is_empty())
            .map(|r| r.label.clone())
            .collect(),
        main_question: top_questions.first().cloned().unwrap_or_default(),
        records_held: Vec::new(),
    };
    PrepPack {
        patient_name: case.patient_name.clone(),
        appointment: AppointmentDetails {
            date: journey.appointment.date,
            time: journey.appointment.time.clone(),
            place: journey.appointment.place.clone(),
            with_whom: journey.appointment.with_whom.clone(),
            who_comes_along: journey.appointment.who_comes.clone(),
        },
        top_questions,
        question_topics: question_topics(&asked, &printed, guidance),
        what_to_bring: guidance
            .what_to_bring
            .iter()
            .map(|b| b.meta.title.clone())
            .collect(),
        timeline,
        medicines,
        allergies: journey.allergies.clone(),
        first_opinion_summary: case.diagnosis.clone(),
        help_contacts: help_contacts(case, journey, guidance),
        safety: printed
            .iter()
            .map(|n| PackNotice {
                title: n.meta.title.clone(),
                text: n.text.clone(),
                prominent: n.when.is_some(),
            })
            .collect(),
        // The nation's urgent line (with 999) and its crisis route, each in one line.
        emergency_lines: guidance
            .notices
            .iter()
            .filter(|n| n.level == NoticeLevel::Emergency)
            .filter_map(|n| n.line.clone())
            .collect(),
        clinician_summary: Some(clinician_summary),
        records_held: Vec::new(),
    }
}

/// The prep pack for a case (see [`prep_pack`]) with the person's own files kept in the case
/// listed by title and date, in the pack and on the summary for the doctor.
pub fn prep_pack_with_files(
    case: &CaseDetails,
    journey: &Journey,
    guidance: &Guidance,
    files: &[HeldRecord],
) -> PrepPack {
    let mut pack = prep_pack(case, journey, guidance);
    pack.records_held = files.to_vec();
    if let Some(summary) = &mut pack.clinician_summary {
        summary.records_held = files.to_vec();
    }
    pack
}

/// Who to contact: the nation's service and the general helplines always; a condition's
/// charity only when what the person was told names that condition.
fn help_contacts(case: &CaseDetails, journey: &Journey, guidance: &Guidance) -> Vec<HelpContact> {
    let told = [
        case.diagnosis.as_str(),
        journey.treatment_proposed.as_str(),
        journey.first_opinion.diagnosis.as_str(),
    ]
    .join("\n");
    guidance
        .help
        .iter()
        .filter(|o| o.fits(&told))
        .map(|o| HelpContact {
            name: o.meta.title.clone(),
            phone: o.phone.clone().unwrap_or_else(|| o.how_to_reach.clone()),
            what_they_do: o.what_they_do.clone(),
        })
        .collect()
}

/// The timeline's filled rows.
fn timeline_entries(journey: &Journey) -> Vec<TimelineEntry> {
    journey
        .timeline
        .iter()
        .filter(|t| !(t.when.trim().is_empty() && t.what.trim().is_empty()))
        .map(|t| TimelineEntry {
            when: t.when.clone(),
            what_happened: t.what.clone(),
        })
        .collect()
}

/// The medicines with a name.
fn medicine_rows(journey: &Journey) -> Vec<Medicine> {
    journey
        .medicines
        .iter()
        .filter(|m| !m.name.trim().is_empty())
        .map(|m| Medicine {
            name: m.name.clone(),
            dose: m.dose.clone(),
            notes: m.notes.clone(),
        })
        .collect()
}

/// The first doctor's name and workplace, as far as they are known.
fn first_doctor(case: &CaseDetails) -> String {
    match (
        case.first_doctor_name.trim().is_empty(),
        case.first_doctor_workplace.trim().is_empty(),
    ) {
        (false, false) => format!(
            "{}, {}",
            case.first_doctor_name, case.first_doctor_workplace
        ),
        (false, true) => case.first_doctor_name.clone(),
        (true, false) => case.first_doctor_workplace.clone(),
        (true, true) => String::new(),
    }
}

/// The chosen questions grouped by the bank's topics; before them, each time-critical notice's
/// questions not already chosen; after them, the person's own questions.
fn question_topics(
    asked: &[&ChosenQuestion],
    printed: &[&Notice],
    guidance: &Guidance,
) -> Vec<QuestionTopic> {
    let mut question_topics: Vec<QuestionTopic> = guidance
        .question_topics
        .iter()
        .filter_map(|t| {
            let questions: Vec<String> = asked
                .iter()
                .filter(|q| {
                    q.bank_id
                        .as_deref()
                        .is_some_and(|id| t.questions.iter().any(|b| b.meta.id == id))
                })
                .map(|q| q.text.clone())
                .collect();
            (!questions.is_empty()).then(|| QuestionTopic {
                topic: t.topic.meta.title.clone(),
                questions,
            })
        })
        .collect();
    for notice in printed.iter().filter(|n| n.when.is_some()).rev() {
        let questions: Vec<String> = notice
            .questions
            .iter()
            .filter(|id| {
                !asked
                    .iter()
                    .any(|q| q.bank_id.as_deref() == Some(id.as_str()))
            })
            .filter_map(|id| {
                guidance
                    .question_topics
                    .iter()
                    .flat_map(|t| t.questions.iter())
                    .find(|b| &b.meta.id == id)
                    .map(|b| b.meta.title.clone())
            })
            .collect();
        if !questions.is_empty() {
            question_topics.insert(
                0,
                QuestionTopic {
                    topic: notice.meta.title.clone(),
                    questions,
                },
            );
        }
    }
    let own: Vec<String> = asked
        .iter()
        .filter(|q| {
            q.bank_id.as_deref().is_none_or(|id| {
                !guidance
                    .question_topics
                    .iter()
                    .any(|t| t.questions.iter().any(|b| b.meta.id == id))
            })
        })
        .map(|q| q.text.clone())
        .collect();
    if !own.is_empty() {
        question_topics.push(QuestionTopic {
            topic: "My own questions".into(),
            questions: own,
        });
    }
    question_topics
}

/// The request for records: to whoever the person said holds them (their GP practice when they
/// have not said), dated the day it is printed; the person records the day they sent it
/// afterwards, on the records step.
pub fn records_request(
    case: &CaseDetails,
    journey: &Journey,
    today: NaiveDate,
) -> RecordsRequestLetter {
    let (records_holder, holder_address) = super::chase::records_holder(case, journey);
    RecordsRequestLetter {
        records_holder,
        holder_address,
        asked: today,
        date_of_birth: case.date_of_birth,
        nhs_number: case.nhs_number.clone(),
    }
}

/// The patient's consent for the person helping them, from today, with the standard purposes
/// (talk to doctors, ask for a second opinion, ask for records), until the patient cancels it.
/// The helper is `by` (see [`written_by`]): a carer acting under a consent in the profile is
/// named as that consent names them, so their name is never typed a second time in step 4.
pub fn carer_authorisation(
    journey: &Journey,
    by: Option<&WrittenBy>,
    today: NaiveDate,
) -> CarerAuthorisation {
    let (carer_name, relationship) = match by {
        Some(by) => (by.carer_name.clone(), by.relationship.clone()),
        None => (
            journey.carer_name.clone(),
            journey.carer_relationship.clone(),
        ),
    };
    CarerAuthorisation {
        carer_name,
        relationship,
        purposes: Vec::new(),
        from: Some(today),
        until: None,
    }
}

/// The consent form for a consent recorded in the profile: its own name, purposes (one per
/// line; none means the standard ones), first and last days.
pub fn carer_authorisation_from_consent(consent: &CarerConsentDetails) -> CarerAuthorisation {
    CarerAuthorisation {
        carer_name: consent.carer_name.clone(),
        relationship: consent.relationship.clone(),
        purposes: consent
            .purposes
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|text| CarerPurpose {
                text: text.to_owned(),
                allowed: true,
            })
            .collect(),
        from: Some(consent.from),
        until: consent.until,
    }
}

/// The patient's details on forms that are about the person rather than one case (the consent
/// form from the profile): those of the case changed most recently and still in the main list,
/// or else just the profile's name.
pub fn patient_for_forms(store: &Store, profile_name: &str) -> Result<CaseDetails> {
    let latest = store.cases()?.into_iter().find(|c| !c.archived);
    Ok(match latest {
        Some(summary) => store.case(summary.id)?.details,
        None => CaseDetails {
            patient_name: profile_name.to_owned(),
            ..CaseDetails::default()
        },
    })
}

/// The decision, for the summary and the letter telling both doctors. The second doctor is the
/// one the appointment was with.
pub fn decision(journey: &Journey) -> Decision {
    Decision {
        second_doctor_name: journey.appointment.with_whom.clone(),
        second_doctor_workplace: journey.appointment.place.clone(),
        first_opinion: journey.first_opinion.clone(),
        second_opinion: journey.second_opinion.clone(),
        same_answers: journey.same_answers.clone(),
        decision: journey.decision.clone(),
        reasons: journey.decision_why.clone(),
    }
}

/// What the letters ask for: the route chosen in step 3 and the specialist, hospital or team
/// the person would like.
pub fn referral(journey: &Journey) -> Referral {
    Referral {
        route: journey.route.clone(),
        preferred: journey.preferred_specialist.clone(),
    }
}

/// Who writes the letters: a carer acting under a consent in the profile (set by the app), or
/// else, for a case about someone the person helps, the helper named in step 4. `None`: the
/// patient writes.
pub fn written_by(journey: &Journey, options: &DocumentOptions) -> Option<WrittenBy> {
    options.written_by.clone().or_else(|| {
        (journey.for_whom == Some(ForWhom::SomeoneIHelp) && !journey.carer_name.trim().is_empty())
            .then(|| WrittenBy {
                carer_name: journey.carer_name.clone(),
                relationship: journey.carer_relationship.clone(),
            })
    })
}

/// The options a case's documents are made with: who writes (see [`written_by`]) and the
/// patient's communication needs, with the carer named on step 4 to contact.
fn letter_options(
    journey: &Journey,
    content: &Content,
    options: &DocumentOptions,
) -> Result<DocumentOptions> {
    let carer = (!journey.carer_name.trim().is_empty()).then(|| WrittenBy {
        carer_name: journey.carer_name.clone(),
        relationship: journey.carer_relationship.clone(),
    });
    Ok(DocumentOptions {
        written_by: written_by(journey, options),
        communication: Some(Communication::new(
            journey.communication_needs.clone(),
            carer,
            content,
        )?),
        ..options.clone()
    })
}

/// The words of the letter of `kind` as it would be made now (see [`document`]), the person's
/// own words marked, to read before saving it. Only letters have a preview: the forms and the
/// pack are refused in plain words.
pub fn letter_preview(
    kind: DocumentKind,
    case: &CaseDetails,
    journey: &Journey,
    content: &Content,
    today: NaiveDate,
    options: &DocumentOptions,
) -> Result<LetterPreview> {
    let options = &letter_options(journey, content, options)?;
    let prepared = match kind {
        DocumentKind::GpLetter => super::letter::gp_request(
            case,
            &referral(journey),
            &LetterWords::gp_request(content)?,
            today,
            options,
        )?,
        DocumentKind::ConsultantLetter => super::letters::consultant_request(
            case,
            &referral(journey),
            &LetterWords::consultant_request(content)?,
            today,
            options,
        )?,
        DocumentKind::RecordsRequest => super::letters::records_request(
            case,
            &records_request(case, journey, today),
            &LetterWords::records_request(content)?,
            today,
            options,
        )?,
        DocumentKind::DecisionLetter => super::letters::decision(
            case,
            &decision(journey),
            &LetterWords::decision(content)?,
            today,
            options,
        )?,
        DocumentKind::RecordsChase
        | DocumentKind::FollowUpGp
        | DocumentKind::FollowUpConsultant
        | DocumentKind::Concern
        | DocumentKind::OtherViewFirst
        | DocumentKind::OtherViewSecond => match kind.chase() {
            Some(letter) => {
                check_offered(letter, case, journey, today)?;
                super::chase::chase_letter(letter, case, journey, content, today, options)?
            }
            None => return Err(Error::InvalidInput("This letter is not known.".into())),
        },
        DocumentKind::CarerAuthorisation
        | DocumentKind::PrepPack
        | DocumentKind::DecisionSummary
        | DocumentKind::WeighUpBefore
        | DocumentKind::WeighUpAfter
        | DocumentKind::QuestionsSheet => {
            return Err(Error::InvalidInput(
                "Only a letter can be shown before it is saved.".into(),
            ))
        }
    };
    Ok(prepared.preview)
}

/// Makes a document of `kind` for a case, filled from its details and journey, dated `today`.
pub fn document(
    kind: DocumentKind,
    case: &CaseDetails,
    journey: &Journey,
    content: &Content,
    today: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    document_with_files(kind, case, journey, &[], content, today, options)
}

/// As [`document`], with the person's own files kept in the case (listed by the prep pack and
/// its summary for the doctor).
pub fn document_with_files(
    kind: DocumentKind,
    case: &CaseDetails,
    journey: &Journey,
    files: &[HeldRecord],
    content: &Content,
    today: NaiveDate,
    options: &DocumentOptions,
) -> Result<RenderedDocument> {
    let options = &letter_options(journey, content, options)?;
    match kind {
        DocumentKind::GpLetter => {
            case.check_ready_for_gp_letter()?;
            documents::gp_referral_letter(case, &referral(journey), content, today, options)
        }
        DocumentKind::ConsultantLetter => {
            documents::consultant_referral_letter(case, &referral(journey), content, today, options)
        }
        DocumentKind::CarerAuthorisation => documents::carer_authorisation(
            case,
            &options.consent.clone().unwrap_or_else(|| {
                carer_authorisation(journey, options.written_by.as_ref(), today)
            }),
            content,
            today,
            options,
        ),
        DocumentKind::RecordsRequest => documents::records_request_letter(
            case,
            &records_request(case, journey, today),
            content,
            today,
            options,
        ),
        DocumentKind::PrepPack => {
            let guidance = content.guidance(case.nation_or_ask()?);
            let pack = prep_pack_with_files(case, journey, &guidance, files);
            documents::prep_pack(&pack, today, options)
        }
        DocumentKind::DecisionLetter => {
            documents::decision_letter(case, &decision(journey), content, today, options)
        }
        DocumentKind::DecisionSummary => {
            documents::decision_summary(case, &decision(journey), today, options)
        }
        DocumentKind::WeighUpBefore => {
            documents::weigh_up_page(case, journey, WeighUpAt::IsItRight, today, options)
        }
        DocumentKind::WeighUpAfter => {
            documents::weigh_up_page(case, journey, WeighUpAt::Decide, today, options)
        }
        DocumentKind::QuestionsSheet => documents::questions_sheet(case, journey, today, options),
        DocumentKind::RecordsChase
        | DocumentKind::FollowUpGp
        | DocumentKind::FollowUpConsultant
        | DocumentKind::Concern
        | DocumentKind::OtherViewFirst
        | DocumentKind::OtherViewSecond => match kind.chase() {
            Some(letter) => {
                check_offered(letter, case, journey, today)?;
                documents::chase_letter(letter, case, journey, content, today, options)
            }
            None => Err(Error::InvalidInput("This letter is not known.".into())),
        },
    }
}

/// A letter that keeps things moving is made only while the journey offers it
/// ([`crate::journey::letters_offered`]), so a window left open from another day cannot print a
/// reminder that no longer fits. The refusal says when the letter is offered.
fn check_offered(
    letter: ChaseLetter,
    case: &CaseDetails,
    journey: &Journey,
    today: NaiveDate,
) -> Result<()> {
    let offered = crate::journey::letters_offered(journey, case.nation, today)
        .iter()
        .any(|o| o.letter == letter);
    if offered {
        return Ok(());
    }
    let when = match letter {
        ChaseLetter::RecordsChase => {
            "This reminder is for records that are past their due date and have not all arrived."
        }
        ChaseLetter::FollowUpGp | ChaseLetter::FollowUpConsultant => {
            "This follow-up is for a request with no answer written down after the weeks you chose."
        }
        ChaseLetter::Concern if case.nation.is_none() => {
            "Please choose which part of the UK first: the service this letter goes to depends on it."
        }
        ChaseLetter::Concern => {
            "This letter is for when a request or your records are overdue."
        }
        ChaseLetter::OtherViewFirst | ChaseLetter::OtherViewSecond => {
            "This letter is for after the second opinion, when you have marked a difference or a question is still unanswered."
        }
    };
    Err(Error::InvalidInput(format!("{when} Nothing was saved.")))
}

#[cfg(test)]
mod tests;
