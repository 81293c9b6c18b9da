use chrono::TimeZone;

use super::*;
use crate::cases::attachment::tests::{pdf, png};
use crate::cases::{judge, CaseDetails};
use crate::journey::{Journey, RecordItem};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
        .single()
        .expect("valid time")
}

fn details(title: &str, dated: Option<(i32, u32, u32)>) -> AttachmentDetails {
    AttachmentDetails {
        title: title.into(),
        dated: dated.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        answers: None,
    }
}

fn add(store: &mut Store, case: CaseId, details: &AttachmentDetails, bytes: &[u8]) -> Attachment {
    let judged = judge(bytes).expect("judged");
    let new = NewAttachment {
        details,
        bytes,
        judged: &judged,
    };
    store.add_attachment(case, &new, now()).expect("added")
}

fn store_with_case() -> (Store, CaseId) {
    let mut store = Store::open_in_memory().expect("opens");
    let case = store
        .create_case(&CaseDetails::default(), now())
        .expect("case");
    (store, case.id)
}

#[test]
fn a_file_is_kept_whole_with_its_hash_and_listed_by_date() {
    let (mut store, case) = store_with_case();
    let letter = pdf(2, |_, _| {});
    let a = add(
        &mut store,
        case,
        &details("Clinic letter", Some((2026, 9, 3))),
        &letter,
    );
    let b = add(&mut store, case, &details("Photo", None), &png(10, 10));
    let c = add(
        &mut store,
        case,
        &details("Scan report", Some((2026, 1, 5))),
        &png(20, 20),
    );
    assert_eq!(a.kind, AttachmentKind::Pdf);
    assert_eq!(a.pages, Some(2));
    assert_eq!(a.dated_text, "3 September 2026");
    assert_eq!(a.sha256, attachment::sha256_hex(&letter));
    assert_eq!(a.size, letter.len() as u64);
    let listed: Vec<i64> = store
        .attachments(case)
        .expect("list")
        .iter()
        .map(|f| f.id)
        .collect();
    assert_eq!(
        listed,
        vec![c.id, a.id, b.id],
        "oldest date first, undated last"
    );
    assert_eq!(store.attachment_bytes(a.id).expect("bytes"), letter);
    assert_eq!(
        store.attachments_size().expect("size"),
        a.size + b.size + c.size
    );
    store.check_attachments().expect("every hash matches");
}

#[test]
fn answering_a_record_ticks_it_arrived() {
    let (mut store, case) = store_with_case();
    let journey = Journey {
        records: vec![
            RecordItem {
                label: "Scan reports".into(),
                asked: true,
                arrived: false,
            },
            RecordItem {
                label: "Clinic letters".into(),
                asked: true,
                arrived: false,
            },
        ],
        ..Journey::default()
    };
    store.save_journey(case, &journey, now()).expect("saved");
    let mut answering = details("MRI report", None);
    answering.answers = Some("Scan reports".into());
    let file = add(&mut store, case, &answering, &png(5, 5));
    let records = store.journey(case).expect("journey").records;
    assert!(records[0].arrived && !records[1].arrived);
    answering.answers = Some("Clinic letters".into());
    store
        .update_attachment(file.id, &answering, now())
        .expect("linked");
    assert!(store.journey(case).expect("journey").records[1].arrived);
    assert_eq!(
        store.attachment(file.id).expect("file").answers.as_deref(),
        Some("Clinic letters")
    );
}

#[test]
fn a_removed_file_comes_back_until_the_next_removal() {
    let (mut store, case) = store_with_case();
    let a = add(&mut store, case, &details("A", None), &png(1, 1));
    let b = add(&mut store, case, &details("B", None), &png(2, 2));
    store.remove_attachment(a.id).expect("removed");
    assert_eq!(store.attachments(case).expect("list").len(), 1);
    assert!(matches!(
        store.attachment_bytes(a.id),
        Err(Error::FileNotFound)
    ));
    assert_eq!(store.restore_attachment(a.id).expect("back").id, a.id);
    store.remove_attachment(a.id).expect("removed");
    store.remove_attachment(b.id).expect("removed");
    // A's removal can no longer be undone: it is gone, bytes and all.
    assert!(matches!(
        store.restore_attachment(a.id),
        Err(Error::FileNotFound)
    ));
    let rows: i64 = store
        .conn
        .query_row("SELECT count(*) FROM attachment_bytes", [], |r| r.get(0))
        .expect("count");
    assert_eq!(rows, 1);
    store.purge_removed_attachments().expect("purged");
    assert!(matches!(
        store.restore_attachment(b.id),
        Err(Error::FileNotFound)
    ));
    assert_eq!(store.attachments_size().expect("size"), 0);
}

#[test]
fn deleting_a_case_deletes_its_files() {
    let (mut store, case) = store_with_case();
    add(&mut store, case, &details("A", None), &png(1, 1));
    store.delete_case(case).expect("deleted");
    let rows: i64 = store
        .conn
        .query_row("SELECT count(*) FROM attachment_bytes", [], |r| r.get(0))
        .expect("count");
    assert_eq!(rows, 0);
}

#[test]
fn a_changed_byte_is_found_before_the_file_is_used() {
    let (mut store, case) = store_with_case();
    let a = add(&mut store, case, &details("A", None), &png(1, 1));
    store
        .conn
        .execute(
            "UPDATE attachment_bytes SET bytes = x'00' WHERE attachment_id = ?1",
            [a.id],
        )
        .expect("damaged");
    assert!(matches!(
        store.attachment_bytes(a.id),
        Err(Error::DatabaseDamaged)
    ));
    assert!(matches!(
        store.check_attachments(),
        Err(Error::DatabaseDamaged)
    ));
    // The check made before a restored backup or an imported profile is used.
    assert!(matches!(
        store.check_integrity(),
        Err(Error::DatabaseDamaged)
    ));
}

#[test]
fn the_profile_total_is_kept() {
    let (mut store, case) = store_with_case();
    let a = add(&mut store, case, &details("A", None), &png(1, 1));
    // As if the profile held nearly its whole allowance already.
    store
        .conn
        .execute(
            "UPDATE attachments SET size = ?2 WHERE id = ?1",
            params![
                a.id,
                i64::try_from(MAX_PROFILE_FILE_BYTES).expect("fits") - 10
            ],
        )
        .expect("set");
    let bytes = png(2, 2);
    let judged = judge(&bytes).expect("judged");
    let new = NewAttachment {
        details: &details("B", None),
        bytes: &bytes,
        judged: &judged,
    };
    let refused = store.add_attachment(case, &new, now());
    assert!(matches!(refused, Err(Error::FileRefused(m)) if m.contains("1.0 GB")));
    assert_eq!(
        store.attachments(case).expect("list").len(),
        1,
        "nothing stored"
    );
}

#[test]
fn a_missing_case_or_file_is_not_found() {
    let (mut store, case) = store_with_case();
    assert!(matches!(store.attachments(case + 1), Err(Error::NotFound)));
    assert!(matches!(store.attachment(99), Err(Error::FileNotFound)));
    assert!(matches!(
        store.remove_attachment(99),
        Err(Error::FileNotFound)
    ));
    let bytes = png(1, 1);
    let judged = judge(&bytes).expect("judged");
    let new = NewAttachment {
        details: &details("B", None),
        bytes: &bytes,
        judged: &judged,
    };
    assert!(matches!(
        store.add_attachment(case + 1, &new, now()),
        Err(Error::NotFound)
    ));
}

#[test]
fn a_large_file_written_and_read_a_page_at_a_time_comes_back_whole_after_reopening() {
    use rand::SeedableRng;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cases.db");
    let key = crate::cases::DatabaseKey::generate(&mut rand::rngs::StdRng::seed_from_u64(1));
    // 3 MB that differ page to page, over many database pages, kept as a PDF's bytes would be.
    let bytes: Vec<u8> = (0..3_000_000u32)
        .map(|n| (n.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let mut judged = judge(&pdf(1, |_, _| {})).expect("judged");
    judged.sha256 = attachment::sha256_hex(&bytes);
    let id = {
        let mut store = Store::open_encrypted(&path, &key).expect("opens");
        let case = store
            .create_case(&CaseDetails::default(), now())
            .expect("case");
        let new = NewAttachment {
            details: &details("Scan", None),
            bytes: &bytes,
            judged: &judged,
        };
        store
            .add_attachment(case.id, &new, now())
            .expect("added")
            .id
    };
    let store = Store::open_encrypted(&path, &key).expect("opens again");
    assert_eq!(store.attachment(id).expect("kept").size, bytes.len() as u64);
    assert!(store.attachment_bytes(id).expect("read") == bytes);
    store.check_attachments().expect("its hash matches");
}
