//! Any bytes given as a record file: judged as the app judges a file being added (kept with its
//! kind and pages, or refused in plain words), then put in a records bundle both as the kind it
//! was judged to be and as each kind the app can draw. The bundle is made, listing the file as
//! not included when it cannot go in; nothing panics.
#![no_main]

use backend::cases::{judge, AttachmentKind, CaseDetails};
use backend::documents::{
    records_bundle, BundleFile, BundleRecord, DocumentOptions, RecordsBundle,
};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let judged = judge(data).ok().map(|j| j.kind);
    let as_judged = match judged {
        Some(AttachmentKind::Pdf) => BundleFile::Pdf(data.to_vec()),
        Some(AttachmentKind::Jpeg) => BundleFile::Jpeg(data.to_vec()),
        Some(AttachmentKind::Png) => BundleFile::Png(data.to_vec()),
        Some(AttachmentKind::Heic) => BundleFile::Heic,
        None => BundleFile::Unreadable("the file was refused".into()),
    };
    let files = [
        as_judged,
        BundleFile::Pdf(data.to_vec()),
        BundleFile::Jpeg(data.to_vec()),
        BundleFile::Png(data.to_vec()),
    ];
    let records: Vec<BundleRecord> = files
        .into_iter()
        .map(|file| BundleRecord {
            title: "A record".into(),
            dated: None,
            file,
        })
        .collect();
    let case = CaseDetails::default();
    let bundle = RecordsBundle {
        case: &case,
        with: "",
        records: &records,
    };
    let date = NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date");
    // Every file that cannot go in is listed as not included: the bundle itself is still made.
    records_bundle(&bundle, date, &DocumentOptions::default()).expect("the bundle is made");
});
