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
fn who_to_contact_lists_a_conditions_charity_only_when_the_case_names_the_condition() {
    let (mut case, journey, _) = filled();
    let names = |case: &CaseDetails, nation| -> Vec<String> {
        let guidance = Content::embedded().expect("content").guidance(nation);
        prep_pack(case, &journey, &guidance)
            .help_contacts
            .into_iter()
            .map(|h| h.name)
            .collect()
    };
    for nation in Nation::ALL {
        case.diagnosis = "Arthritis of the hip; a hip replacement offered".into();
        let hip = names(&case, nation);
        assert!(
            !hip.iter()
                .any(|n| n.contains("Ovacome") || n.contains("Macmillan")),
            "{hip:?}"
        );
        // The nation's own service is always there.
        let own = ["PALS", "PASS", "Llais", "Patient and Client Council"];
        assert!(
            hip.iter().any(|n| own.iter().any(|o| n.contains(o))),
            "{hip:?}"
        );
        case.diagnosis = "Bipolar disorder".into();
        assert!(!names(&case, nation).iter().any(|n| n.contains("Ovacome")));
        case.diagnosis = "Ovarian cancer, stage 2".into();
        let ovarian = names(&case, nation);
        assert!(ovarian.iter().any(|n| n.contains("Ovacome")), "{ovarian:?}");
        assert!(
            ovarian.iter().any(|n| n.contains("Macmillan")),
            "{ovarian:?}"
        );
    }
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
    // Dated the day it is printed, even when an earlier sending was recorded.
    assert_eq!(r.asked, today);
}

#[test]
fn the_carer_form_names_the_helper_from_today() {
    let journey = Journey {
        carer_name: "Joanne Ellison".into(),
        carer_relationship: "daughter".into(),
        ..Default::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
    let c = carer_authorisation(&journey, None, today);
    assert_eq!(c.carer_name, "Joanne Ellison");
    assert_eq!(c.relationship, "daughter");
    assert_eq!(c.from, Some(today));
    assert!(
        c.purposes.is_empty(),
        "empty means the standard purposes, all ticked"
    );
}

#[test]
fn the_carer_form_names_a_carer_acting_under_a_consent_as_the_consent_does() {
    // Step 4 does not ask an acting carer's name again: the form takes it from the consent.
    let journey = Journey::default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
    let by = WrittenBy {
        carer_name: "Siân Evans".into(),
        relationship: "daughter".into(),
    };
    let c = carer_authorisation(&journey, Some(&by), today);
    assert_eq!(
        (c.carer_name.as_str(), c.relationship.as_str()),
        ("Siân Evans", "daughter")
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
        how_given: Some(ConsentGiven::Spoken),
        may_add_files: false,
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

#[test]
fn a_chase_letter_is_made_only_while_it_is_offered() {
    let content = Content::embedded().expect("content");
    let case = CaseDetails {
        patient_name: "Morag Ó Briain".into(),
        nation: Some(Nation::Scotland),
        gp_practice_name: "Riverside Surgery".into(),
        ..Default::default()
    };
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("day");
    let journey = Journey {
        records_requested_on: Some(day(10, 1)),
        records_received_on: Some(day(10, 3)),
        records: vec![RecordItem {
            label: "Scan reports".into(),
            asked: true,
            arrived: false,
        }],
        ..Default::default()
    };
    let options = DocumentOptions::default();
    let make = |kind, today| document(kind, &case, &journey, content, today, &options);
    // Due 3 November: on the day nothing is overdue, so neither the reminder nor the concern
    // letter is made, and the refusal says when they are.
    for kind in [DocumentKind::RecordsChase, DocumentKind::Concern] {
        match make(kind, day(11, 3)) {
            Err(Error::InvalidInput(message)) => {
                assert!(message.ends_with("Nothing was saved."), "{message}");
                assert!(message.contains("overdue") || message.contains("due date"));
            }
            other => panic!("{kind:?} made before it is offered: {other:?}"),
        }
    }
    // The day after, both are offered and made; the preview follows the same rule.
    for kind in [DocumentKind::RecordsChase, DocumentKind::Concern] {
        assert!(make(kind, day(11, 4)).is_ok(), "{kind:?}");
    }
    assert!(letter_preview(
        DocumentKind::RecordsChase,
        &case,
        &journey,
        content,
        day(11, 3),
        &options
    )
    .is_err());
    // Never offered in this journey: no request was sent, no second opinion noted.
    for kind in [
        DocumentKind::FollowUpGp,
        DocumentKind::FollowUpConsultant,
        DocumentKind::OtherViewFirst,
        DocumentKind::OtherViewSecond,
    ] {
        assert!(
            matches!(make(kind, day(11, 4)), Err(Error::InvalidInput(_))),
            "{kind:?}"
        );
    }
}
