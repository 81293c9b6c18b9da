//! A realistic appointment-prep pack (about ten pages), shared by the benchmark and the tests.

use backend::documents::{
    AppointmentDetails, ClinicianSummary, HelpContact, Medicine, PrepPack, QuestionTopic,
    TimelineEntry,
};
use chrono::NaiveDate;

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// A pack filled in the way a careful person would.
pub fn pack() -> PrepPack {
    PrepPack {
        patient_name: "Margaret Ellison".into(),
        appointment: AppointmentDetails {
            date: NaiveDate::from_ymd_opt(2026, 12, 14),
            time: "10:30am".into(),
            place: "Orthopaedic Outpatients, Clatterbridge Hospital, Bebington, Wirral CH63 4JY"
                .into(),
            with_whom: "Ms Priya Raman, consultant orthopaedic surgeon".into(),
            who_comes_along: "My daughter, Joanne".into(),
        },
        top_questions: strings(&[
            "Do you agree that an operation is the best option for me?",
            "What would happen if I waited another six months?",
            "Are there other treatments I have not tried yet?",
            "What are the risks of the operation for someone my age?",
            "How long would it take to recover, and would I need help at home?",
        ]),
        question_topics: vec![
            QuestionTopic {
                topic: "The diagnosis".into(),
                questions: strings(&[
                    "How sure are you about the diagnosis?",
                    "Do I need any more tests or scans?",
                    "Could anything else be causing the pain?",
                    "Is it likely to get better on its own?",
                ]),
            },
            QuestionTopic {
                topic: "Treatment".into(),
                questions: strings(&[
                    "What are all my options, including doing nothing for now?",
                    "What are the benefits and risks of each option?",
                    "Would a steroid injection or hydrodilatation help?",
                    "How many of these operations do you do each year?",
                    "What is the waiting time for each option?",
                ]),
            },
            QuestionTopic {
                topic: "Daily life".into(),
                questions: strings(&[
                    "Can I keep driving?",
                    "Can I still look after my grandchildren two days a week?",
                    "What exercises should I do, and which should I avoid?",
                    "What can I do about the pain at night?",
                ]),
            },
            QuestionTopic {
                topic: "What happens next".into(),
                questions: strings(&[
                    "Will you write to my GP and to the first consultant?",
                    "Who do I contact if I have questions after today?",
                    "When will I hear from you?",
                ]),
            },
        ],
        what_to_bring: strings(&[
            "This pack and a pen",
            "My appointment letter",
            "A list of my medicines, or the medicines in their boxes",
            "My glasses and my hearing aid",
            "Copies of letters from the first consultant",
            "The scan report from Arrowe Park Hospital (June 2026)",
            "My physiotherapy notes",
            "Something to eat and drink",
            "Money or a card for parking",
            "My phone, charged",
        ]),
        timeline: vec![
            ("January 2026", "Shoulder started to ache after clearing snow."),
            ("February 2026", "Saw my GP, Dr Hughes. Told it was a strain. Took ibuprofen."),
            ("March 2026", "Pain worse at night. Could not lift my arm above my shoulder."),
            ("April 2026", "Back to the GP. Referred to physiotherapy."),
            ("April to September 2026", "Physiotherapy once a fortnight: twelve sessions."),
            ("May 2026", "GP gave me co-codamol for the night pain."),
            ("June 2026", "X-ray and ultrasound scan at Arrowe Park Hospital."),
            ("July 2026", "Steroid injection at the GP practice. Helped for about three weeks."),
            ("September 2026", "Saw Mr Okafor, consultant at Arrowe Park Hospital."),
            ("September 2026", "Told I have a frozen shoulder and that an operation is the only option."),
            ("October 2026", "Asked my GP for a second opinion. Letter sent."),
            ("November 2026", "Appointment for a second opinion booked."),
        ]
        .into_iter()
        .map(|(when, what)| TimelineEntry {
            when: when.into(),
            what_happened: what.into(),
        })
        .collect(),
        medicines: vec![
            ("Co-codamol 30/500", "Two tablets, up to four times a day", "For the shoulder pain. Makes me drowsy."),
            ("Amlodipine", "5 mg each morning", "Blood pressure"),
            ("Atorvastatin", "20 mg at night", "Cholesterol"),
            ("Omeprazole", "20 mg each morning", "Stomach protection"),
            ("Levothyroxine", "75 micrograms each morning", "Thyroid. Take on an empty stomach."),
            ("Ibuprofen gel", "When needed", "Stopped in May: did not help"),
        ]
        .into_iter()
        .map(|(n, d, o)| Medicine {
            name: n.into(),
            dose: d.into(),
            notes: o.into(),
        })
        .collect(),
        allergies: "Penicillin (rash).\nSticking plasters make my skin red.".into(),
        first_opinion_summary: "Mr Okafor said the scans show a frozen shoulder (adhesive \
            capsulitis). He said physiotherapy had not worked and that an operation to release \
            the shoulder under anaesthetic was the only option left.\n\n\
            He said the operation has a good success rate, and that recovery takes about three \
            months with physiotherapy afterwards.\n\n\
            I did not feel I had time to ask about other treatments, or about the risks for me \
            because of my blood pressure."
            .into(),
        help_contacts: vec![
            ("Church Road Medical Practice", "0151 000 0001", "My GP practice: appointments, prescriptions and referrals."),
            ("PALS, Clatterbridge Hospital", "0151 000 0002", "Help with questions or worries about hospital care."),
            ("Physiotherapy department", "0151 000 0003", "Questions about my exercises."),
            ("Joanne (daughter)", "07700 900000", "Lifts to the hospital, and a second pair of ears."),
            ("Age UK Advice", "0800 678 1602", "Free advice for older people, 8am to 7pm, every day."),
        ]
        .into_iter()
        .map(|(n, p, w)| HelpContact {
            name: n.into(),
            phone: p.into(),
            what_they_do: w.into(),
        })
        .collect(),
        // The app fills these from content; `documents_prep_pack.rs` checks them per nation.
        safety: Vec::new(),
        emergency_lines: strings(&[
            "Call 999 if someone is seriously ill or injured and their life is at risk.",
            "Call NHS 111 or go to 111.nhs.uk if you need help urgently but it is not an emergency.",
        ]),
        clinician_summary: Some(clinician_summary()),
        records_held: Vec::new(),
    }
}

/// The one-page summary for the second doctor, as the app fills it in from the case.
pub fn clinician_summary() -> ClinicianSummary {
    ClinicianSummary {
        patient_name: "Margaret Ellison".into(),
        date_of_birth: NaiveDate::from_ymd_opt(1951, 3, 9),
        nhs_number: "943 476 5919".into(),
        nation: None,
        first_doctor: "Mr Daniel Okafor, consultant orthopaedic surgeon, Arrowe Park Hospital"
            .into(),
        first_diagnosis: "Frozen shoulder (adhesive capsulitis), left side".into(),
        proposed_treatment: "Arthroscopic capsular release under general anaesthetic, then \
            physiotherapy"
            .into(),
        key_dates: [
            ("January 2026", "Pain in the left shoulder began."),
            (
                "April to September 2026",
                "Twelve sessions of physiotherapy: little change.",
            ),
            (
                "July 2026",
                "Steroid injection at the GP practice: helped for three weeks.",
            ),
            (
                "September 2026",
                "First opinion from Mr Okafor: operation advised.",
            ),
        ]
        .into_iter()
        .map(|(when, what)| TimelineEntry {
            when: when.into(),
            what_happened: what.into(),
        })
        .collect(),
        medicines: vec![
            (
                "Co-codamol 30/500",
                "Two tablets, up to four times a day",
                "For the shoulder pain",
            ),
            ("Amlodipine", "5 mg each morning", "Blood pressure"),
            ("Levothyroxine", "75 micrograms each morning", "Thyroid"),
        ]
        .into_iter()
        .map(|(n, d, o)| Medicine {
            name: n.into(),
            dose: d.into(),
            notes: o.into(),
        })
        .collect(),
        allergies: "Penicillin (rash)".into(),
        records_attached: strings(&[
            "X-ray and ultrasound reports, Arrowe Park Hospital, June 2026",
            "Letter from Mr Okafor to my GP, September 2026",
            "Physiotherapy discharge summary, September 2026",
        ]),
        records_held: Vec::new(),
        main_question: "Is an operation the right next step for me, or is there another \
            treatment I should try first?"
            .into(),
    }
}
