//! How far each step has got, as the journey map shows it: through the app's API, the way the
//! window asks for it, one test per step's rule. A step is started once anything on it is
//! saved; step 1 also counts the case's details.

use backend::app::{self, Now, Session};
use backend::cases::{CaseDetails, CaseId, Nation};
use backend::journey::{
    ChosenQuestion, ForWhom, Journey, MedicineLine, RecordItem, SaidTheSame, StepState,
};
use backend::model::Step;
use chrono::{FixedOffset, NaiveDate, TimeZone};
use rand::{rngs::StdRng, SeedableRng};

fn now() -> Now {
    Now::at(
        FixedOffset::east_opt(0)
            .expect("offset")
            .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
            .single()
            .expect("valid time"),
    )
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("day")
}

/// An open profile with one case made from `details`.
fn open_case(details: &CaseDetails) -> (tempfile::TempDir, Session, CaseId) {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = Session::for_tests(&dir.path().join("data"));
    let mut rng = StdRng::seed_from_u64(7);
    app::profiles::create_profile(
        &session,
        &now(),
        &mut rng,
        "Me",
        "correct horse battery staple",
    )
    .expect("profile");
    let case = app::cases::create_case(&session, &now(), details).expect("case");
    (dir, session, case.case.id)
}

/// The steps that are started once `journey` is saved on a case with no details.
fn started_after(journey: &Journey) -> Vec<Step> {
    let (_dir, session, id) = open_case(&CaseDetails::default());
    let saved = app::journey::save_journey(&session, &now(), id, journey).expect("saved");
    let got = app::journey::get_journey(&session, &now(), id).expect("read");
    assert_eq!(saved.view.steps, got.view.steps, "saving and reading agree");
    let steps = got.view.steps;
    assert_eq!(
        steps.iter().map(|s| s.step).collect::<Vec<_>>(),
        Step::ALL,
        "all eight, in order"
    );
    for s in &steps {
        let words = match s.state {
            StepState::Started => "something saved",
            StepState::NotStarted => "nothing saved yet",
        };
        assert_eq!(s.words, words, "{:?}", s.step);
    }
    steps
        .into_iter()
        .filter(|s| s.state == StepState::Started)
        .map(|s| s.step)
        .collect()
}

#[test]
fn a_new_case_has_no_step_started() {
    assert_eq!(started_after(&Journey::default()), []);
}

#[test]
fn blank_answers_do_not_start_a_step() {
    let mut j = Journey {
        diagnosed_when: "   ".into(),
        answer: "\n".into(),
        decision: " ".into(),
        ..Default::default()
    };
    j.first_opinion.diagnosis = "  ".into();
    j.appointment.place = " ".into();
    assert_eq!(started_after(&j), []);
}

#[test]
fn step_1_counts_the_case_details_and_its_own_answers() {
    for details in [
        CaseDetails {
            nation: Some(Nation::Scotland),
            ..Default::default()
        },
        CaseDetails {
            patient_name: "Ann Example".into(),
            ..Default::default()
        },
        CaseDetails {
            date_of_birth: Some(NaiveDate::from_ymd_opt(1950, 3, 4).expect("day")),
            ..Default::default()
        },
    ] {
        let (_dir, session, id) = open_case(&details);
        let view = app::journey::get_journey(&session, &now(), id)
            .expect("read")
            .view;
        assert_eq!(view.steps[0].state, StepState::Started, "{details:?}");
        assert!(view.steps[1..]
            .iter()
            .all(|s| s.state == StepState::NotStarted));
    }
    let j = Journey {
        for_whom: Some(ForWhom::Me),
        ..Default::default()
    };
    assert_eq!(started_after(&j), [Step::Situation]);
}

#[test]
fn step_2_is_started_by_a_reason_a_readiness_answer_even_no_or_the_go_ahead() {
    let reason = Journey {
        reasons: vec!["unsure".into()],
        ..Default::default()
    };
    assert_eq!(started_after(&reason), [Step::IsItRight]);
    let mut no = Journey::default();
    no.readiness_before.feel_sure = Some(false);
    assert_eq!(started_after(&no), [Step::IsItRight], "\"No\" is an answer");
    let go = Journey {
        go_ahead: Some(false),
        ..Default::default()
    };
    assert_eq!(started_after(&go), [Step::IsItRight]);
}

#[test]
fn step_3_is_started_by_a_route_notes_or_the_specialist_wanted() {
    for j in [
        Journey {
            specialist_notes: "Ask about the clinic in Leeds".into(),
            ..Default::default()
        },
        Journey {
            preferred_specialist: "Mr Okafor, St James's".into(),
            ..Default::default()
        },
    ] {
        assert_eq!(started_after(&j), [Step::ChooseRoute], "{j:?}");
    }
}

#[test]
fn step_4_is_started_by_the_day_asked_the_answer_or_the_carer() {
    for j in [
        Journey {
            asked_on: Some(day(11, 2)),
            ..Default::default()
        },
        Journey {
            carer_name: "Sam".into(),
            ..Default::default()
        },
    ] {
        assert_eq!(started_after(&j), [Step::Ask], "{j:?}");
    }
}

#[test]
fn step_5_is_started_by_a_record_or_a_date() {
    let j = Journey {
        records: vec![RecordItem {
            label: "Scan results".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    assert_eq!(started_after(&j), [Step::Records]);
    let j = Journey {
        records_received_on: Some(day(11, 9)),
        ..Default::default()
    };
    assert_eq!(started_after(&j), [Step::Records]);
}

#[test]
fn step_6_is_started_by_the_appointment_questions_or_medicines() {
    let mut appt = Journey::default();
    appt.appointment.time = "10:30".into();
    assert_eq!(started_after(&appt), [Step::Prepare]);
    let meds = Journey {
        medicines: vec![MedicineLine {
            name: "Aspirin".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    assert_eq!(started_after(&meds), [Step::Prepare]);
}

#[test]
fn an_answered_question_also_starts_step_7() {
    let question = |answer: &str| Journey {
        questions: vec![ChosenQuestion {
            text: "What happens next?".into(),
            answer: answer.into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    assert_eq!(started_after(&question("")), [Step::Prepare]);
    assert_eq!(
        started_after(&question("A scan in May")),
        [Step::Prepare, Step::AfterAppointment]
    );
}

#[test]
fn step_7_is_started_by_either_opinion_or_a_same_or_different() {
    let mut first = Journey::default();
    first.first_opinion.risks = "Bleeding".into();
    assert_eq!(started_after(&first), [Step::AfterAppointment]);
    let mut same = Journey::default();
    same.same_answers.options = Some(SaidTheSame::NotSure);
    assert_eq!(started_after(&same), [Step::AfterAppointment]);
}

#[test]
fn step_8_is_started_by_the_decision_or_the_readiness_after() {
    let j = Journey {
        next_steps: "Tell the GP".into(),
        ..Default::default()
    };
    assert_eq!(started_after(&j), [Step::DecideAndTell]);
    let mut r = Journey::default();
    r.readiness_after.know_enough = Some(true);
    assert_eq!(started_after(&r), [Step::DecideAndTell]);
    let by = Journey {
        decide_by: Some(day(12, 20)),
        ..Default::default()
    };
    assert_eq!(started_after(&by), [Step::DecideAndTell]);
}

#[test]
fn a_weigh_up_starts_its_own_step() {
    let mut before = Journey::default();
    before.weigh_up_before.own_options.push(Default::default());
    before.weigh_up_before.own_options[0].name = "Wait and see".into();
    assert_eq!(started_after(&before), [Step::IsItRight]);
    let mut after = Journey::default();
    after.weigh_up_after.patient.lean = "Towards the operation".into();
    assert_eq!(started_after(&after), [Step::DecideAndTell]);
}
