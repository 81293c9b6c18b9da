//! The letters of the five people walked through the app (a 68-year-old in Leeds, a daughter
//! helping her father in Aberystwyth, a young man in Glasgow, a relative of someone on a ward, a
//! woman in Belfast), made the way the app makes them (`pack::document`), in normal and large
//! print: each in one voice, asking for what the route chosen needs, greeting the doctor by
//! name, with the nation's name for the number, the GP letter on one page, and no closing
//! alone on a page.

mod support;

use backend::cases::{CaseDetails, Nation};
use backend::documents::pack::{document, DocumentKind};
use backend::documents::DocumentOptions;
use backend::journey::{
    Appointment, ChosenQuestion, ForWhom, InHospital, Journey, MedicineLine, Opinion,
};
use support::*;

/// One person's case and journey.
struct Person {
    case: CaseDetails,
    journey: Journey,
}

fn leeds() -> Person {
    Person {
        case: CaseDetails {
            patient_name: "Brian Hargreaves".into(),
            patient_address: "27 Otley Road\nHeadingley\nLeeds\nLS6 3AA".into(),
            nation: Some(Nation::England),
            diagnosis: "Arthritis in my right hip. The surgeon offered a hip replacement.".into(),
            reason: "I would like to know if injections or more physiotherapy could help first."
                .into(),
            first_doctor_name: "Mr Rhys Morgan".into(),
            first_doctor_workplace: "Leeds General Infirmary".into(),
            gp_practice_name: "Headingley Medical Centre".into(),
            gp_practice_address: "3 North Lane\nLeeds\nLS6 3HU".into(),
            date_of_birth: chrono::NaiveDate::from_ymd_opt(1958, 4, 2),
            nhs_number: "4010232137".into(),
        },
        journey: Journey {
            for_whom: Some(ForWhom::Me),
            route: Some("route-nhs-specialist-via-gp".into()),
            preferred_specialist: "the hip team at Chapel Allerton Hospital".into(),
            ..decided("Ms Anna Price", "Chapel Allerton Hospital")
        },
    }
}

fn aberystwyth() -> Person {
    Person {
        case: CaseDetails {
            patient_name: "Dafydd ap Gruffydd".into(),
            patient_address: "Ty Gwyn\nFfordd y Môr\nAberystwyth\nSY23 2AZ".into(),
            nation: Some(Nation::Wales),
            diagnosis: "His PSA blood test was 11 and the biopsy found prostate cancer.".into(),
            reason: "Dad would like to hear about all the treatments before he chooses.".into(),
            first_doctor_name: "Dr Ŵyn Price".into(),
            first_doctor_workplace: "Bronglais General Hospital".into(),
            gp_practice_name: "Ystwyth Medical Group".into(),
            gp_practice_address: "Parc Ystwyth\nAberystwyth\nSY23 1PX".into(),
            date_of_birth: chrono::NaiveDate::from_ymd_opt(1949, 8, 14),
            nhs_number: "4857773457".into(),
        },
        journey: Journey {
            for_whom: Some(ForWhom::SomeoneIHelp),
            carer_name: "Siân Evans".into(),
            carer_relationship: "daughter".into(),
            route: Some("route-private-specialist".into()),
            preferred_specialist: "Mr Owain Rees at Spire Cardiff Hospital".into(),
            ..decided("Mr Owain Rees", "Spire Cardiff Hospital")
        },
    }
}

fn glasgow() -> Person {
    Person {
        case: CaseDetails {
            patient_name: "Callum McLeod".into(),
            patient_address: "Flat 2/1\n14 Dumbarton Road\nGlasgow\nG11 6PA".into(),
            nation: Some(Nation::Scotland),
            diagnosis: "Bipolar disorder, and a new medicine to start.".into(),
            reason: "I am not sure the diagnosis is right and want another view first.".into(),
            first_doctor_name: "Dr Fiona Baird".into(),
            first_doctor_workplace: "Gartnavel Royal Hospital".into(),
            gp_practice_name: "Partick Health Centre".into(),
            gp_practice_address: "Dumbarton Road\nGlasgow\nG11 6AX".into(),
            date_of_birth: chrono::NaiveDate::from_ymd_opt(2003, 1, 20),
            nhs_number: "3201234567".into(),
        },
        journey: Journey {
            for_whom: Some(ForWhom::Me),
            route: Some("route-another-gp".into()),
            ..decided("Dr Iain Ross", "Partick Health Centre")
        },
    }
}

fn ward() -> Person {
    Person {
        case: CaseDetails {
            patient_name: "Eileen Brooks".into(),
            patient_address: "8 Mill Street\nBristol\nBS1 6RT".into(),
            nation: Some(Nation::England),
            diagnosis: "A blocked bowel, and the team want to operate this week.".into(),
            reason: "Mum is 89 and we want to know if there is a gentler way.".into(),
            first_doctor_name: "Miss Laura Kent".into(),
            first_doctor_workplace: "Bristol Royal Infirmary".into(),
            gp_practice_name: "Old Market Surgery".into(),
            gp_practice_address: "12 Old Market\nBristol\nBS2 0EZ".into(),
            date_of_birth: chrono::NaiveDate::from_ymd_opt(1937, 6, 1),
            nhs_number: "9434765919".into(),
        },
        journey: Journey {
            for_whom: Some(ForWhom::SomeoneIHelp),
            in_hospital: Some(InHospital::YesStable),
            carer_name: "Paul Brooks".into(),
            carer_relationship: "son".into(),
            route: Some("route-current-consultant".into()),
            ..decided("Mr Sam Oduya", "Southmead Hospital")
        },
    }
}

fn belfast() -> Person {
    Person {
        case: CaseDetails {
            patient_name: "Orla Quinn".into(),
            patient_address: "40 Lisburn Road\nBelfast\nBT9 6AA".into(),
            nation: Some(Nation::NorthernIreland),
            diagnosis: "A cyst on my ovary, and they would like to remove the ovary.".into(),
            reason: "I would like another gynaecologist to look at the scan first.".into(),
            first_doctor_name: "Dr Niamh Kelly".into(),
            first_doctor_workplace: "Royal Jubilee Maternity Hospital".into(),
            gp_practice_name: "Lisburn Road Surgery".into(),
            gp_practice_address: "100 Lisburn Road\nBelfast\nBT9 6AG".into(),
            date_of_birth: chrono::NaiveDate::from_ymd_opt(1981, 11, 3),
            nhs_number: "7222334459".into(),
        },
        journey: Journey {
            for_whom: Some(ForWhom::Me),
            route: Some("route-nhs-specialist-via-gp".into()),
            preferred_specialist: "Mr Aidan Doyle at the Ulster Hospital".into(),
            ..decided("Mr Aidan Doyle", "Ulster Hospital")
        },
    }
}

/// A journey that reached a decision after a second opinion with `doctor` at `place`.
fn decided(doctor: &str, place: &str) -> Journey {
    Journey {
        appointment: Appointment {
            with_whom: doctor.into(),
            place: place.into(),
            ..Appointment::default()
        },
        first_opinion: Opinion {
            recommendation: "An operation".into(),
            ..Opinion::default()
        },
        second_opinion: Opinion {
            recommendation: "Try other treatment first".into(),
            ..Opinion::default()
        },
        decision: "To try the other treatment first and review it in three months.".into(),
        decision_why: "It can still be done later, and the risks now are higher.".into(),
        ..Journey::default()
    }
}

fn people() -> Vec<(&'static str, Person)> {
    vec![
        ("Leeds", leeds()),
        ("Aberystwyth", aberystwyth()),
        ("Glasgow", glasgow()),
        ("ward", ward()),
        ("Belfast", belfast()),
    ]
}

const LETTERS: [DocumentKind; 4] = [
    DocumentKind::GpLetter,
    DocumentKind::ConsultantLetter,
    DocumentKind::RecordsRequest,
    DocumentKind::DecisionLetter,
];

fn print(p: &Person, kind: DocumentKind, large_print: bool) -> Vec<u8> {
    let options = DocumentOptions {
        large_print,
        ..DocumentOptions::default()
    };
    let bytes = document(kind, &p.case, &p.journey, content(), date(), &options)
        .expect("prints")
        .bytes;
    let size = if large_print { "large" } else { "normal" };
    let who = p.case.patient_name.split(' ').next().unwrap_or_default();
    write_sample(&format!("{who}-{kind:?}-{size}"), &bytes);
    bytes
}

/// Whether the last page of a letter starts with its closing, signature or "Copy to" (the
/// heading of the page and the footer left out), rather than with a paragraph of the letter.
fn closing_stranded(bytes: &[u8], p: &Person) -> bool {
    let text = pdftotext(bytes);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|page| !page.trim().is_empty())
        .collect();
    if pages.len() < 2 {
        return false;
    }
    let heading = format!("{}, 21 November 2026", p.case.patient_name);
    let first = pages[pages.len() - 1]
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && *l != heading)
        .unwrap_or_default();
    ["Yours", "Copy to", "Siân Evans", "Paul Brooks"]
        .iter()
        .any(|s| first.starts_with(s))
        || first == p.case.patient_name
}

#[test]
fn no_letter_of_the_five_people_leaves_its_closing_alone_on_a_page() {
    let mut stranded = Vec::new();
    let mut printed = 0;
    for (who, p) in people() {
        for kind in LETTERS {
            for large in [false, true] {
                printed += 1;
                if closing_stranded(&print(&p, kind, large), &p) {
                    stranded.push(format!("{who} {kind:?} large={large}"));
                }
            }
        }
    }
    assert_eq!(printed, 40);
    assert!(stranded.is_empty(), "stranded closings: {stranded:?}");
}

#[test]
fn each_persons_letter_to_the_gp_fits_on_one_page() {
    for (who, p) in people() {
        let info = tool("pdfinfo", &[], &print(&p, DocumentKind::GpLetter, false));
        assert!(
            info.lines()
                .any(|l| l.starts_with("Pages:") && l.ends_with(" 1")),
            "{who}: {info}"
        );
    }
}

#[test]
fn a_daughters_letters_speak_in_her_voice_from_start_to_finish() {
    let p = aberystwyth();
    for kind in LETTERS {
        let text = flat(&pdftotext(&print(&p, kind, false)));
        assert!(
            text.contains("I am writing on behalf of Dafydd ap Gruffydd, with their"),
            "{kind:?}: {text}"
        );
        for patient_voice in ["I was told", "In my own words", "refer me", "My decision"] {
            assert!(!text.contains(patient_voice), "{kind:?}: {patient_voice}");
        }
        assert!(
            text.contains("Siân Evans, on behalf of Dafydd ap Gruffydd"),
            "{kind:?}"
        );
    }
    let gp = flat(&pdftotext(&print(&p, DocumentKind::GpLetter, false)));
    assert_in_order(
        &gp,
        &[
            "I am their daughter.",
            "Dafydd ap Gruffydd was told: His PSA blood test was 11",
            "In my words, this is why we would like a second opinion: Dad would like",
        ],
    );
}

#[test]
fn the_route_chosen_reaches_the_letter_to_the_gp() {
    let gp = |p: &Person| flat(&pdftotext(&print(p, DocumentKind::GpLetter, false)));
    // A private specialist: a referral letter to the named consultant, not an NHS referral.
    let private = gp(&aberystwyth());
    assert!(private.contains(
        "Dafydd ap Gruffydd would like to see Mr Owain Rees at Spire Cardiff Hospital privately"
    ));
    assert!(private.contains("Please could you write them a referral letter"));
    assert!(!private.contains("another NHS specialist"));
    // England: the hospital or team chosen under the right to choose.
    let leeds = gp(&leeds());
    assert!(leeds.contains("refer me to another NHS specialist"));
    assert!(leeds.contains(
        "In England there is a right to choose the hospital or team for a first appointment \
         with a specialist. I would like to be referred to the hip team at Chapel Allerton \
         Hospital."
    ));
    // Elsewhere there is no such right to name.
    let belfast = gp(&belfast());
    assert!(!belfast.contains("right to choose"));
    assert!(belfast.contains("If it is possible, I would like to see Mr Aidan Doyle"));
    // Another GP: an appointment, not a referral.
    let glasgow = gp(&glasgow());
    assert!(glasgow.contains("I would like to see a different GP at the practice"));
    assert!(glasgow.contains("Please could you book an appointment with another GP"));
    assert!(!glasgow.contains("NHS specialist"));
}

#[test]
fn letters_greet_the_named_doctor_and_name_the_number_as_the_nation_does() {
    let text = |p: &Person, kind| flat(&pdftotext(&print(p, kind, false)));
    let consultant = text(&leeds(), DocumentKind::ConsultantLetter);
    assert!(consultant.contains("Dear Mr Morgan,"));
    assert!(text(&ward(), DocumentKind::ConsultantLetter).contains("Dear Miss Kent,"));
    assert!(text(&leeds(), DocumentKind::DecisionLetter).contains("Dear Mr Morgan and Ms Price,"));
    for (p, label) in [
        (leeds(), "NHS number 401 023 2137"),
        (aberystwyth(), "NHS number 485 777 3457"),
        (glasgow(), "CHI number 320 123 4567"),
        (belfast(), "H&C number 722 233 4459"),
    ] {
        for kind in LETTERS {
            let t = text(&p, kind);
            assert!(t.contains(label), "{kind:?}: {label} in {t}");
        }
    }
    let glasgow = text(&glasgow(), DocumentKind::GpLetter);
    assert!(!glasgow.contains("NHS number"));
}

/// The person with `n` questions of their own (the first three marked most important), a
/// medicine for every three questions and more, and an allergy.
fn with_questions(mut p: Person, n: usize) -> Person {
    p.journey.questions = (0..n)
        .map(|i| ChosenQuestion {
            bank_id: None,
            text: format!("Question {i}: what would happen if I waited a few more months?"),
            top: i < 3,
            answer: String::new(),
        })
        .collect();
    p.journey.medicines = (0..=n % 4)
        .map(|i| MedicineLine {
            name: format!("Medicine {i}"),
            dose: "10 mg each morning".into(),
            notes: String::new(),
        })
        .collect();
    p.journey.allergies = "Penicillin (a rash)".into();
    p
}

/// Each page's text without its top line (the name) and its footer (the pack's title and the
/// page number, on one line).
fn page_bodies(bytes: &[u8]) -> Vec<String> {
    pdftotext(bytes)
        .split('\u{c}')
        .filter(|page| !page.trim().is_empty())
        .map(|page| {
            let lines: Vec<&str> = page
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("My appointment pack"))
                .collect();
            lines.get(1..).unwrap_or_default().join(" ")
        })
        .collect()
}

#[test]
fn no_pack_page_holds_one_question_alone_and_the_summary_keeps_to_one_page() {
    let mut alone = Vec::new();
    let mut summary_spills = Vec::new();
    let mut printed = 0;
    for n in [0, 1, 3, 5, 8, 11, 14] {
        for (who, p) in people() {
            let p = with_questions(p, n);
            for large in [false, true] {
                printed += 1;
                let bodies = page_bodies(&print(&p, DocumentKind::PrepPack, large));
                for (i, body) in bodies.iter().enumerate() {
                    // A question with its number, or none, and nothing else on the page.
                    let unnumbered = body.split_once(". ").map_or("", |(_, q)| q);
                    if [body.as_str(), unnumbered].iter().any(|b| {
                        b.starts_with("Question ")
                            && b.ends_with('?')
                            && b.matches('?').count() == 1
                    }) || (body.ends_with('?') && body.matches('?').count() == 1)
                    {
                        alone.push(format!("{who} n={n} large={large} page {}: {body}", i + 1));
                    }
                }
                let summary = bodies
                    .iter()
                    .find(|b| b.contains("Summary for the second-opinion doctor"))
                    .expect("the pack holds the summary");
                if !(summary.contains("Allergies: Penicillin")
                    && summary.contains("Records attached: none."))
                {
                    summary_spills.push(format!("{who} n={n} large={large}: {summary}"));
                }
            }
        }
    }
    assert_eq!(printed, 70);
    assert!(
        alone.is_empty(),
        "pages with one question alone: {alone:#?}"
    );
    assert!(
        summary_spills.is_empty(),
        "summaries over a page: {summary_spills:#?}"
    );
}
