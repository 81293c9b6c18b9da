//! Filling the printed documents from a case: which of the person's answers go where.

use crate::cases::{CarerConsentDetails, CaseDetails, Store};
use crate::content::{Guidance, Notice, NoticeLevel};
use crate::documents::{
    AppointmentDetails, CarerAuthorisation, CarerPurpose, ClinicianSummary, Decision, HelpContact,
    Medicine, PackNotice, PrepPack, QuestionTopic, RecordsRequestLetter, TimelineEntry,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::content::Content;
use crate::documents::{self, DocumentOptions, RenderedDocument};
use crate::error::Result;
use crate::journey::Journey;

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
    let timeline: Vec<TimelineEntry> = journey
        .timeline
        .iter()
        .filter(|t| !(t.when.trim().is_empty() && t.what.trim().is_empty()))
        .map(|t| TimelineEntry {
            when: t.when.clone(),
            what_happened: t.what.clone(),
        })
        .collect();
    let medicines: Vec<Medicine> = journey
        .medicines
        .iter()
        .filter(|m| !m.name.trim().is_empty())
        .map(|m| Medicine {
            name: m.name.clone(),
            dose: m.dose.clone(),
            notes: m.notes.clone(),
        })
        .collect();
    let asked: Vec<_> = journey
        .questions
        .iter()
        .filter(|q| !q.text.trim().is_empty())
        .collect();

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

    let what_to_bring = guidance
        .what_to_bring
        .iter()
        .map(|b| b.meta.title.clone())
        .collect();
    let first_doctor = match (
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
    };
    let top_questions: Vec<String> = asked
        .iter()
        .filter(|q| q.top)
        .map(|q| q.text.clone())
        .collect();
    let clinician_summary = ClinicianSummary {
        patient_name: case.patient_name.clone(),
        date_of_birth: case.date_of_birth,
        nhs_number: case.nhs_number.clone(),
        first_doctor,
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
        question_topics,
        what_to_bring,
        timeline,
        medicines,
        allergies: journey.allergies.clone(),
        first_opinion_summary: case.diagnosis.clone(),
        help_contacts: guidance
            .help
            .iter()
            .map(|o| HelpContact {
                name: o.meta.title.clone(),
                phone: o.phone.clone().unwrap_or_else(|| o.how_to_reach.clone()),
                what_they_do: o.what_they_do.clone(),
            })
            .collect(),
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
    }
}

/// The request for records: to whoever the person said holds them (their GP practice when they
/// have not said), dated the day they asked (today when they have not recorded it yet).
pub fn records_request(
    case: &CaseDetails,
    journey: &Journey,
    today: NaiveDate,
) -> RecordsRequestLetter {
    let holder = journey.records_holder.trim();
    let (records_holder, holder_address) =
        if holder.is_empty() || holder == case.gp_practice_name.trim() {
            (
                case.gp_practice_name.clone(),
                case.gp_practice_address.clone(),
            )
        } else {
            (journey.records_holder.clone(), String::new())
        };
    RecordsRequestLetter {
        records_holder,
        holder_address,
        asked: journey.records_requested_on.unwrap_or(today),
        date_of_birth: case.date_of_birth,
        nhs_number: case.nhs_number.clone(),
    }
}

/// The patient's consent for the person helping them, from today, with the standard purposes
/// (talk to doctors, ask for a second opinion, ask for records), until the patient cancels it.
pub fn carer_authorisation(journey: &Journey, today: NaiveDate) -> CarerAuthorisation {
    CarerAuthorisation {
        carer_name: journey.carer_name.clone(),
        relationship: journey.carer_relationship.clone(),
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

/// Every document the journey prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    GpLetter,
    ConsultantLetter,
    CarerAuthorisation,
    RecordsRequest,
    PrepPack,
    DecisionLetter,
    DecisionSummary,
}

impl DocumentKind {
    /// What the activity log says when it is saved (never health details).
    pub fn activity(self) -> &'static str {
        match self {
            DocumentKind::GpLetter => "Saved the GP letter",
            DocumentKind::ConsultantLetter => "Saved the letter to the consultant",
            DocumentKind::CarerAuthorisation => "Saved the consent form",
            DocumentKind::RecordsRequest => "Saved the records request",
            DocumentKind::PrepPack => "Saved the prep pack",
            DocumentKind::DecisionLetter => "Saved the decision letter",
            DocumentKind::DecisionSummary => "Saved the decision summary",
        }
    }
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
    match kind {
        DocumentKind::GpLetter => {
            case.check_ready_for_gp_letter()?;
            documents::gp_request_letter(case, content, today, options)
        }
        DocumentKind::ConsultantLetter => {
            documents::consultant_request_letter(case, content, today, options)
        }
        DocumentKind::CarerAuthorisation => documents::carer_authorisation(
            case,
            &carer_authorisation(journey, today),
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
            documents::prep_pack(&prep_pack(case, journey, &guidance), today, options)
        }
        DocumentKind::DecisionLetter => {
            documents::decision_letter(case, &decision(journey), content, today, options)
        }
        DocumentKind::DecisionSummary => {
            documents::decision_summary(case, &decision(journey), today, options)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::Nation;
    use crate::content::Content;
    use crate::journey::{ChosenQuestion, MedicineLine, RecordItem, TimelineLine};

    fn filled() -> (CaseDetails, Journey, Guidance) {
        let guidance = Content::embedded()
            .expect("content")
            .guidance(Nation::Scotland);
        let bank = &guidance.question_topics[1].questions[0];
        let case = CaseDetails {
            patient_name: "Morag Ó Briain".into(),
            diagnosis: "Gallstones; keyhole surgery offered".into(),
            first_doctor_name: "Dr Reid".into(),
            first_doctor_workplace: "Raigmore Hospital".into(),
            ..Default::default()
        };
        let mut journey = Journey {
            treatment_proposed: "Keyhole surgery".into(),
            allergies: "Penicillin".into(),
            ..Default::default()
        };
        journey.appointment.place = "Aberdeen Royal Infirmary".into();
        journey.questions = vec![
            ChosenQuestion {
                bank_id: Some(bank.meta.id.clone()),
                text: bank.meta.title.clone(),
                top: false,
                answer: String::new(),
            },
            ChosenQuestion {
                bank_id: None,
                text: "Can I wait until after my daughter's wedding?".into(),
                top: true,
                answer: String::new(),
            },
            ChosenQuestion::default(),
        ];
        journey.timeline = vec![
            TimelineLine {
                when: "March 2026".into(),
                what: "Pain after meals".into(),
            },
            TimelineLine::default(),
        ];
        journey.medicines = vec![MedicineLine {
            name: "Omeprazole".into(),
            dose: "20 mg".into(),
            notes: String::new(),
        }];
        journey.records = vec![
            RecordItem {
                label: "Scan report".into(),
                asked: true,
                arrived: true,
            },
            RecordItem {
                label: "Clinic letters".into(),
                asked: true,
                arrived: false,
            },
        ];
        (case, journey, guidance)
    }

    #[test]
    fn the_pack_holds_the_persons_answers_and_no_blank_rows() {
        let (case, journey, guidance) = filled();
        let pack = prep_pack(&case, &journey, &guidance);
        assert_eq!(pack.patient_name, "Morag Ó Briain");
        assert_eq!(pack.appointment.place, "Aberdeen Royal Infirmary");
        assert_eq!(
            pack.timeline.len(),
            1,
            "the empty timeline line is left out"
        );
        assert_eq!(pack.medicines[0].name, "Omeprazole");
        assert_eq!(
            pack.top_questions,
            ["Can I wait until after my daughter's wedding?"]
        );
        let topics: Vec<_> = pack
            .question_topics
            .iter()
            .map(|t| t.topic.as_str())
            .collect();
        // The urgency was not answered, so waiting could do harm: its questions come first.
        assert!(journey.time_critical());
        assert_eq!(topics.len(), 3);
        assert_eq!(topics[0], "Waiting could cause harm");
        assert_eq!(topics[2], "My own questions");
        let summary = pack.clinician_summary.expect("summary");
        assert_eq!(summary.first_doctor, "Dr Reid, Raigmore Hospital");
        assert_eq!(
            summary.records_attached,
            ["Scan report"],
            "only records that arrived"
        );
        assert_eq!(
            summary.main_question,
            "Can I wait until after my daughter's wedding?"
        );
    }

    #[test]
    fn help_and_emergency_lines_are_for_the_cases_nation() {
        let (case, journey, guidance) = filled();
        let pack = prep_pack(&case, &journey, &guidance);
        let names: Vec<_> = pack.help_contacts.iter().map(|h| h.name.as_str()).collect();
        assert!(names
            .iter()
            .any(|n| n.contains("PASS") || n.contains("Support Service")));
        assert!(!names.iter().any(|n| n.contains("PALS")));
        assert!(pack.emergency_lines.iter().any(|l| l.contains("999")));
        assert!(pack.emergency_lines.iter().any(|l| l.contains("NHS 24")));
    }

    #[test]
    fn records_go_to_the_gp_practice_unless_the_person_named_another_holder() {
        let (mut case, mut journey, _) = filled();
        case.gp_practice_name = "Elm Surgery".into();
        case.gp_practice_address = "1 Elm Road".into();
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
        let r = records_request(&case, &journey, today);
        assert_eq!(
            (r.records_holder.as_str(), r.holder_address.as_str()),
            ("Elm Surgery", "1 Elm Road")
        );
        assert_eq!(r.asked, today);
        journey.records_holder = "Raigmore Hospital".into();
        journey.records_requested_on = NaiveDate::from_ymd_opt(2026, 11, 2);
        let r = records_request(&case, &journey, today);
        assert_eq!(
            (r.records_holder.as_str(), r.holder_address.as_str()),
            ("Raigmore Hospital", "")
        );
        assert_eq!(r.asked, NaiveDate::from_ymd_opt(2026, 11, 2).expect("date"));
    }

    #[test]
    fn the_carer_form_names_the_helper_from_today() {
        let journey = Journey {
            carer_name: "Joanne Ellison".into(),
            carer_relationship: "daughter".into(),
            ..Default::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
        let c = carer_authorisation(&journey, today);
        assert_eq!(c.carer_name, "Joanne Ellison");
        assert_eq!(c.relationship, "daughter");
        assert_eq!(c.from, Some(today));
        assert!(
            c.purposes.is_empty(),
            "empty means the standard purposes, all ticked"
        );
    }

    #[test]
    fn the_decision_names_the_second_doctor_from_the_appointment() {
        let (_, mut journey, _) = filled();
        journey.appointment.with_whom = "Ms Raman".into();
        journey.decision = "Wait and watch".into();
        journey.decision_why = "I want to try physiotherapy first".into();
        let d = decision(&journey);
        assert_eq!(d.second_doctor_name, "Ms Raman");
        assert_eq!(d.second_doctor_workplace, "Aberdeen Royal Infirmary");
        assert_eq!(d.reasons, "I want to try physiotherapy first");
    }

    #[test]
    fn every_kind_renders_for_a_filled_case_with_a_name_free_file_name() {
        let (mut case, journey, _) = filled();
        case.nation = Some(Nation::Scotland);
        case.gp_practice_name = "Elm Surgery".into();
        let content = Content::embedded().expect("content");
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
        for kind in [
            DocumentKind::GpLetter,
            DocumentKind::ConsultantLetter,
            DocumentKind::CarerAuthorisation,
            DocumentKind::RecordsRequest,
            DocumentKind::PrepPack,
            DocumentKind::DecisionLetter,
            DocumentKind::DecisionSummary,
        ] {
            let doc = document(kind, &case, &journey, content, today, &Default::default())
                .unwrap_or_else(|e| panic!("{kind:?}: {e}"));
            assert!(doc.bytes.starts_with(b"%PDF"), "{kind:?}");
            assert!(doc.file_name.ends_with("-2026-11-21.pdf"), "{kind:?}");
            assert_eq!(
                crate::file_names::portability_problem(&doc.file_name),
                None,
                "{kind:?}: {}",
                doc.file_name
            );
            assert!(!doc.file_name.contains("Morag"), "{kind:?}");
            assert!(!kind.activity().contains("Morag"));
        }
    }

    #[test]
    fn the_pack_needs_a_nation_and_the_gp_letter_a_practice() {
        let (mut case, journey, _) = filled();
        let content = Content::embedded().expect("content");
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
        let err = document(
            DocumentKind::PrepPack,
            &case,
            &journey,
            content,
            today,
            &Default::default(),
        )
        .expect_err("no nation");
        assert_eq!(err.code(), "invalid_input");
        case.gp_practice_name.clear();
        let err = document(
            DocumentKind::GpLetter,
            &case,
            &journey,
            content,
            today,
            &Default::default(),
        )
        .expect_err("no practice");
        assert!(err.to_string().contains("GP practice"));
    }

    #[test]
    fn the_pack_renders_as_a_pdf() {
        let (case, journey, guidance) = filled();
        let pack = prep_pack(&case, &journey, &guidance);
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
        let doc = crate::documents::prep_pack(&pack, date, &Default::default()).expect("renders");
        assert!(doc.bytes.starts_with(b"%PDF"));
        assert!(!doc.file_name.contains("Morag"));
    }

    #[test]
    fn a_recorded_consent_fills_the_form_with_its_own_purposes_and_days() {
        use crate::cases::ConsentGiven;
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).expect("day");
        let mut consent = CarerConsentDetails {
            carer_name: "Siân Jones".into(),
            relationship: "daughter".into(),
            purposes: "Talk to my GP\n\n  Book appointments  \n".into(),
            from: day(1),
            until: Some(day(30)),
            how_given: ConsentGiven::Spoken,
        };
        let form = carer_authorisation_from_consent(&consent);
        assert_eq!(form.carer_name, "Siân Jones");
        assert_eq!(
            form.purposes
                .iter()
                .map(|p| (p.text.as_str(), p.allowed))
                .collect::<Vec<_>>(),
            [("Talk to my GP", true), ("Book appointments", true)]
        );
        assert_eq!((form.from, form.until), (Some(day(1)), Some(day(30))));
        consent.purposes = "  ".into();
        assert!(carer_authorisation_from_consent(&consent)
            .purposes
            .is_empty());
    }

    #[test]
    fn forms_about_the_person_use_their_latest_open_case_or_the_profile_name() {
        let mut store = Store::open_in_memory().expect("store");
        let now = chrono::Utc::now();
        assert_eq!(
            patient_for_forms(&store, "Dad")
                .expect("empty")
                .patient_name,
            "Dad"
        );
        store
            .create_case(
                &CaseDetails {
                    patient_name: "Gareth Jones".into(),
                    patient_address: "1 Stryd Fawr".into(),
                    ..Default::default()
                },
                now,
            )
            .expect("case");
        assert_eq!(
            patient_for_forms(&store, "Dad")
                .expect("one")
                .patient_address,
            "1 Stryd Fawr"
        );
        let newer = store
            .create_case(
                &CaseDetails {
                    patient_name: "Archived".into(),
                    ..Default::default()
                },
                now + chrono::Duration::minutes(1),
            )
            .expect("case");
        store.set_archived(newer.id, true).expect("archive");
        assert_eq!(
            patient_for_forms(&store, "Dad")
                .expect("open one")
                .patient_name,
            "Gareth Jones"
        );
    }
}
