//! The journey view's rules, by example.
use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

#[test]
fn records_due_after_the_appointment_say_they_may_not_arrive_in_time() {
    let mut journey = Journey {
        records_requested_on: Some(d(2026, 11, 20)),
        records_received_on: Some(d(2026, 11, 20)),
        ..Default::default()
    };
    journey.appointment.date = Some(d(2026, 12, 5));
    let words = |j: &Journey| -> Vec<String> {
        JourneyView::new(j.clone(), d(2026, 11, 27))
            .upcoming
            .into_iter()
            .map(|l| l.words)
            .collect()
    };
    let late = words(&journey);
    assert!(
        late.iter()
            .any(|w| w.contains("Your records may not arrive before your appointment.")),
        "{late:?}"
    );
    journey.appointment.date = Some(d(2027, 1, 5));
    assert!(!words(&journey).iter().any(|w| w.contains("may not arrive")));
}

#[test]
fn the_view_starts_the_first_opinion_from_step_1_until_it_has_words() {
    let content = Content::embedded().expect("content");
    let details = CaseDetails {
        diagnosis: "Gallstones".into(),
        ..CaseDetails::default()
    };
    let mut journey = Journey {
        treatment_proposed: "An operation".into(),
        ..Default::default()
    };
    let view = JourneyView::new(journey.clone(), d(2026, 11, 27)).with_case(content, &details);
    let start = view.first_opinion_from_step_1.expect("started from step 1");
    assert_eq!(
        (start.diagnosis.as_str(), start.recommendation.as_str()),
        ("Gallstones", "An operation")
    );
    journey.first_opinion.diagnosis = "Gallstones, inflamed".into();
    let view = JourneyView::new(journey, d(2026, 11, 27)).with_case(content, &details);
    assert_eq!(
        view.first_opinion_from_step_1, None,
        "the person's own words stay"
    );
}

#[test]
fn step_4_offers_the_profile_name_only_for_someone_helped_unnamed_and_not_the_patient() {
    let today = d(2026, 12, 3);
    let helped = Journey {
        for_whom: Some(ForWhom::SomeoneIHelp),
        ..Default::default()
    };
    let view = JourneyView::new(helped.clone(), today).with_profile_name("  Siân Evans ", "Dafydd");
    assert_eq!(view.helper_from_profile.as_deref(), Some("Siân Evans"));
    // A helper using the patient's own profile: its name is the patient's, never offered.
    let view = JourneyView::new(helped.clone(), today)
        .with_profile_name("Dafydd  AP Gruffydd", "Dafydd ap Gruffydd");
    assert_eq!(view.helper_from_profile, None);

    let named = Journey {
        carer_name: "Siân Mair Evans".into(),
        ..helped.clone()
    };
    let view = JourneyView::new(named, today).with_profile_name("Siân Evans", "Dafydd");
    assert_eq!(
        view.helper_from_profile, None,
        "the name typed in step 4 stays"
    );

    let own = Journey {
        for_whom: Some(ForWhom::Me),
        ..Default::default()
    };
    let view = JourneyView::new(own, today).with_profile_name("Siân Evans", "Dafydd");
    assert_eq!(
        view.helper_from_profile, None,
        "the profile's owner is the patient"
    );

    let view = JourneyView::new(helped, today).with_profile_name("   ", "Dafydd");
    assert_eq!(
        view.helper_from_profile, None,
        "no name, nothing to start from"
    );
}

#[test]
fn records_due_in_words() {
    let journey = Journey {
        records_requested_on: Some(d(2026, 11, 6)),
        records_received_on: Some(d(2026, 11, 9)),
        ..Default::default()
    };
    let view = JourneyView::new(journey, d(2026, 11, 27));
    let due = view.records_due.expect("due");
    assert_eq!(due.due, d(2026, 12, 9));
    assert!(!due.approximate);
    assert_eq!(due.words, "9 December 2026, due in 12 days");
    assert_eq!(view.upcoming.len(), 1);
    assert_eq!(
        view.upcoming[0].words,
        "Your records are due by 9 December 2026 (due in 12 days)."
    );
}

#[test]
fn overdue_records_suggest_asking_what_is_happening_then_the_ico() {
    let journey = Journey {
        records_received_on: Some(d(2026, 10, 1)),
        ..Default::default()
    };
    let view = JourneyView::new(journey, d(2026, 11, 4));
    assert_eq!(
        view.records_due.expect("due").words,
        "1 November 2026, overdue by 3 days"
    );
    assert!(view.upcoming[0].words.contains("overdue by 3 days"));
    assert!(view.upcoming[0]
        .words
        .contains("Information Commissioner's Office (ICO)"));
}

#[test]
fn sent_only_records_are_due_about_a_month_after_the_post_arrives() {
    // Sent on 1 October: not overdue on 2 November, because the month starts when it is
    // received and the post is allowed for.
    let journey = Journey {
        records_requested_on: Some(d(2026, 10, 1)),
        ..Default::default()
    };
    let view = JourneyView::new(journey, d(2026, 11, 2));
    let due = view.records_due.expect("due");
    assert!(due.approximate);
    assert_eq!(due.words, "about 6 November 2026, due in 4 days");
    assert_eq!(
        view.upcoming[0].words,
        "Your records are due by about 6 November 2026 (due in 4 days)."
    );
}

#[test]
fn a_close_appointment_prompts_the_pack() {
    let mut journey = Journey::default();
    journey.appointment.date = Some(d(2026, 11, 24));
    let view = JourneyView::new(journey, d(2026, 11, 21));
    let words: Vec<_> = view.upcoming.iter().map(|l| l.words.as_str()).collect();
    assert_eq!(
        words,
        [
            "Your appointment is on 24 November 2026 (in 3 days).",
            "Your appointment is within a week: print your prep pack to take with you.",
        ]
    );
}

fn shown(view: &JourneyView, step: crate::content::Step) -> Vec<&str> {
    view.notices
        .iter()
        .filter(|n| n.meta.steps.contains(&step))
        .map(|n| n.meta.id.as_str())
        .collect()
}

#[test]
fn the_time_critical_caution_leads_choose_ask_and_prepare_only_when_waiting_could_harm() {
    use super::super::Urgency;
    use crate::content::Step;
    let content = Content::embedded().expect("content");
    for urgency in [
        Some(Urgency::Urgent),
        Some(Urgency::Soon),
        Some(Urgency::NotSaid),
        None,
        Some(Urgency::Routine),
    ] {
        for condition in [None, Some(false), Some(true)] {
            let journey = Journey {
                urgency,
                cancer_or_mental_health: condition,
                ..Default::default()
            };
            let applies = urgency != Some(Urgency::Routine) || condition == Some(true);
            let view = JourneyView::new(journey, d(2026, 12, 1))
                .with_notices(content, Some(Nation::Wales));
            assert_eq!(view.time_critical, applies, "{urgency:?} {condition:?}");
            for step in [Step::ChooseRoute, Step::Ask, Step::Prepare] {
                let ids = shown(&view, step);
                assert_eq!(
                    ids.first() == Some(&"notice-time-critical"),
                    applies,
                    "{urgency:?} {condition:?} {step:?}: {ids:?}"
                );
                assert_eq!(ids.contains(&"notice-time-critical"), applies);
                assert!(ids.contains(&"notice-safety-net-wales"), "{ids:?}");
            }
        }
    }
}

#[test]
fn each_step_gets_its_safety_notices_for_the_stored_nation() {
    use crate::content::Step;
    let content = Content::embedded().expect("content");
    let view =
        |nation| JourneyView::new(Journey::default(), d(2026, 12, 1)).with_notices(content, nation);
    assert!(
        view(None).notices.is_empty(),
        "nothing until the nation is known"
    );
    let ni = view(Some(Nation::NorthernIreland));
    assert_eq!(ni.nation, Some(Nation::NorthernIreland));
    assert_eq!(
        shown(&ni, Step::Situation),
        ["notice-crisis-northern-ireland"]
    );
    assert_eq!(
        shown(&ni, Step::IsItRight),
        [
            "notice-time-critical",
            "notice-crisis-northern-ireland",
            "notice-keep-taking-medicines"
        ]
    );
    for step in [Step::ChooseRoute, Step::Ask] {
        assert!(
            shown(&ni, step).contains(&"notice-keep-taking-medicines"),
            "{step:?}"
        );
    }
    assert!(!shown(&ni, Step::Prepare).contains(&"notice-keep-taking-medicines"));
    let json = serde_json::to_string(&ni).expect("json");
    assert!(!json.contains("NHS 111"), "{json}");
    // In-hospital notices belong to their own screen, not the steps.
    assert!(ni
        .notices
        .iter()
        .all(|n| n.level != crate::content::NoticeLevel::Urgent));
}

#[test]
fn the_comparison_and_the_hospital_flag_come_through() {
    let mut journey = Journey::default();
    journey.first_opinion.recommendation = "Surgery".into();
    journey.second_opinion.recommendation = "Wait and see".into();
    journey.in_hospital = Some(super::super::InHospital::YesGettingWorse);
    let view = JourneyView::new(journey.clone(), d(2026, 11, 21));
    assert!(
        !view.comparison.differ_on_diagnosis_or_advice,
        "the words differ, but the person has not said so"
    );
    journey.same_answers.recommendation = Some(super::super::SaidTheSame::No);
    let view = JourneyView::new(journey.clone(), d(2026, 11, 21));
    assert!(view.comparison.differ_on_diagnosis_or_advice);
    assert!(view.urgent_hospital_help);
}

#[test]
fn in_hospital_and_worse_the_urgent_notices_are_the_nations_or_every_nations() {
    let content = Content::embedded().expect("content");
    let journey = Journey {
        in_hospital: Some(super::super::InHospital::YesGettingWorse),
        ..Default::default()
    };
    let ids = |nation: Option<Nation>| -> Vec<String> {
        let view = JourneyView::new(journey.clone(), d(2026, 11, 21)).with_notices(content, nation);
        assert!(view
            .urgent_notices
            .iter()
            .all(|n| n.level == NoticeLevel::Urgent));
        view.urgent_notices
            .iter()
            .map(|n| n.meta.id.clone())
            .collect()
    };
    let mut every: Vec<String> = Vec::new();
    for nation in Nation::ALL {
        let own = ids(Some(nation));
        assert!(!own.is_empty(), "{nation:?}");
        for id in own {
            if !every.contains(&id) {
                every.push(id);
            }
        }
    }
    assert_eq!(ids(None), every, "unknown nation: each nation's, each once");
    // Not in hospital and worse: none.
    let calm = JourneyView::new(Journey::default(), d(2026, 11, 21)).with_notices(content, None);
    assert!(calm.urgent_notices.is_empty());
}
