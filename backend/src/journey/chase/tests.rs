use super::*;
use crate::journey::{ChosenQuestion, RecordItem};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn offered(j: &Journey, nation: Option<Nation>, today: NaiveDate) -> Vec<(ChaseLetter, Step)> {
    letters_offered(j, nation, today)
        .into_iter()
        .map(|o| (o.letter, o.step))
        .collect()
}

fn waiting_for_records() -> Journey {
    Journey {
        records_requested_on: Some(d(2026, 10, 1)),
        records_received_on: Some(d(2026, 10, 3)),
        records: vec![RecordItem {
            label: "Scan reports".into(),
            asked: true,
            arrived: false,
        }],
        ..Default::default()
    }
}

#[test]
fn the_records_chase_is_offered_only_once_the_due_date_has_passed() {
    let j = waiting_for_records();
    // Due 3 November: not on the day, only the day after.
    assert!(offered(&j, None, d(2026, 11, 3)).is_empty());
    assert_eq!(
        offered(&j, None, d(2026, 11, 4)),
        [(ChaseLetter::RecordsChase, Step::Records)]
    );
    let words = &letters_offered(&j, None, d(2026, 11, 4))[0].words;
    assert!(words.contains("due by 3 November 2026"), "{words}");
    // Everything arrived: nothing to chase.
    let mut arrived = j.clone();
    arrived.records[0].arrived = true;
    assert!(offered(&arrived, None, d(2026, 12, 1)).is_empty());
    // Only the day sent: the approximate due date (1 October + 5 days, + 1 month) counts.
    let mut sent_only = j.clone();
    sent_only.records_received_on = None;
    assert!(offered(&sent_only, None, d(2026, 11, 6)).is_empty());
    let offers = letters_offered(&sent_only, None, d(2026, 11, 7));
    assert_eq!(offers.len(), 1);
    assert!(offers[0].words.contains("about 6 November 2026"));
}

#[test]
fn the_follow_up_waits_the_weeks_the_person_chose_or_four() {
    let mut j = Journey {
        asked_on: Some(d(2026, 11, 2)),
        ..Default::default()
    };
    assert_eq!(j.follow_up_weeks(), DEFAULT_FOLLOW_UP_WEEKS);
    assert!(offered(&j, None, d(2026, 11, 29)).is_empty(), "27 days");
    assert_eq!(
        offered(&j, None, d(2026, 11, 30)),
        [
            (ChaseLetter::FollowUpGp, Step::Ask),
            (ChaseLetter::FollowUpConsultant, Step::Ask)
        ]
    );
    j.follow_up_after_weeks = Some(2);
    assert!(offered(&j, None, d(2026, 11, 15)).is_empty());
    assert_eq!(offered(&j, None, d(2026, 11, 16)).len(), 2);
    // An answer written down: nothing to chase.
    j.answer = "They will refer me".into();
    assert!(offered(&j, None, d(2027, 1, 1)).is_empty());
    // Not asked yet: nothing.
    assert!(offered(&Journey::default(), None, d(2027, 1, 1)).is_empty());
}

#[test]
fn the_weeks_chosen_are_kept_between_one_and_fifty_two() {
    let with = |w| Journey {
        follow_up_after_weeks: Some(w),
        ..Default::default()
    };
    assert_eq!(with(0).follow_up_weeks(), 1);
    assert_eq!(with(6).follow_up_weeks(), 6);
    assert_eq!(with(1000).follow_up_weeks(), MAX_FOLLOW_UP_WEEKS);
}

#[test]
fn an_older_record_opens_with_the_default_weeks_and_no_needs() {
    let j: Journey =
        serde_json::from_str(r#"{"asked_on":"2026-11-02","answer":""}"#).expect("loads");
    assert_eq!(j.follow_up_after_weeks, None);
    assert_eq!(j.follow_up_weeks(), 4);
    assert_eq!(
        j.communication_needs,
        super::super::CommunicationNeeds::default()
    );
    assert!(!j.communication_needs.any(true));
}

#[test]
fn a_concern_letter_is_offered_on_each_stuck_step_once_the_nation_is_known() {
    let mut j = waiting_for_records();
    j.asked_on = Some(d(2026, 10, 1));
    let today = d(2026, 12, 1);
    assert!(!offered(&j, None, today)
        .iter()
        .any(|(l, _)| *l == ChaseLetter::Concern));
    for nation in Nation::ALL {
        let concerns: Vec<Step> = offered(&j, Some(nation), today)
            .into_iter()
            .filter(|(l, _)| *l == ChaseLetter::Concern)
            .map(|(_, s)| s)
            .collect();
        assert_eq!(concerns, [Step::Ask, Step::Records], "{nation:?}");
        assert_eq!(
            ChaseLetter::Concern.template_id(Some(nation)),
            Some(format!("letter-concern-{}", nation.as_str()))
        );
    }
    assert_eq!(ChaseLetter::Concern.template_id(None), None);
    // Nothing stuck: no concern letter.
    assert!(offered(&Journey::default(), Some(Nation::Wales), today).is_empty());
}

#[test]
fn asking_about_the_other_view_follows_a_noted_difference_or_an_unanswered_question() {
    let today = d(2026, 12, 1);
    let mut j = Journey::default();
    j.first_opinion.recommendation = "Surgery".into();
    j.second_opinion.recommendation = "Physiotherapy first".into();
    // Noted, but the person has not said they differ: nothing yet.
    assert!(offered(&j, None, today).is_empty());
    j.same_answers.recommendation = Some(SaidTheSame::Yes);
    assert!(offered(&j, None, today).is_empty());
    j.same_answers.recommendation = Some(SaidTheSame::NotSure);
    assert_eq!(
        offered(&j, None, today),
        [
            (ChaseLetter::OtherViewFirst, Step::AfterAppointment),
            (ChaseLetter::OtherViewSecond, Step::AfterAppointment)
        ]
    );
    j.same_answers.recommendation = Some(SaidTheSame::Yes);
    j.questions.push(ChosenQuestion {
        text: "Should I keep taking my tablets?".into(),
        ..Default::default()
    });
    assert_eq!(offered(&j, None, today).len(), 2, "an unanswered question");
    j.questions[0].answer = "Yes".into();
    assert!(offered(&j, None, today).is_empty());
    // Before the second opinion is noted, nothing, whatever the questions.
    let before = Journey {
        questions: vec![ChosenQuestion {
            text: "What happens next?".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    assert!(offered(&before, None, today).is_empty());
}
