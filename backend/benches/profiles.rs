//! Profiles: how long unlocking takes (Argon2id with the app's real parameters, then opening the
//! encrypted database), and how long loading and saving a case take in an encrypted profile.
//!
//! `cargo bench -p backend --bench profiles`

use std::hint::black_box;
use std::time::Duration;

use backend::cases::{CaseDetails, DatabaseKey, Nation, Store};
use backend::profiles::{KdfParams, Profiles};
use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use rand::{rngs::StdRng, SeedableRng};

const PASS: &str = "correct horse battery staple";

fn details(n: usize) -> CaseDetails {
    CaseDetails {
        patient_name: "Gwenllïan Ŵyn-Jones".into(),
        patient_address: "12 Heol y Bont\nAberystwyth\nSY23 1AB".into(),
        nation: Some(Nation::Wales),
        diagnosis: format!("What the first doctor said, edit {n}. ").repeat(20),
        reason: "Why a second opinion would help. ".repeat(40),
        first_doctor_name: "Dr Ó Súilleabháin".into(),
        first_doctor_workplace: "Ysbyty Bronglais".into(),
        gp_practice_name: "Ystwyth Medical Group".into(),
        gp_practice_address: "Parc Y Llyn\nAberystwyth".into(),
        date_of_birth: chrono::NaiveDate::from_ymd_opt(1948, 2, 29),
        nhs_number: "943 476 5919".into(),
    }
}

fn unlocking(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let mut rng = StdRng::seed_from_u64(1);
    let (open, _code) = profiles
        .create("Ann", PASS, KdfParams::RECOMMENDED, &mut rng)
        .expect("creates");
    let id = open.id().to_owned();
    open.lock();

    let mut group = c.benchmark_group("profiles");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("unlock (Argon2id 192 MiB t=2 p=1, then open)", |b| {
        b.iter(|| {
            profiles
                .unlock(black_box(&id), black_box(PASS))
                .expect("unlocks")
        })
    });
    group.finish();

    // Opening with the raw key alone (no derivation): what SQLCipher itself costs.
    let key = DatabaseKey::generate(&mut StdRng::seed_from_u64(2));
    let raw_dir = tempfile::tempdir().expect("temp dir");
    let raw_db = raw_dir.path().join("cases.db");
    drop(Store::open_encrypted(&raw_db, &key).expect("creates"));
    c.bench_function("open encrypted store with a raw key", |b| {
        b.iter(|| Store::open_encrypted(black_box(&raw_db), &key).expect("opens"))
    });
}

fn cases(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let mut rng = StdRng::seed_from_u64(3);
    let (mut open, _code) = profiles
        .create("Ann", PASS, KdfParams::INSECURE_FOR_TESTS, &mut rng)
        .expect("creates");
    let now = Utc
        .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
        .single()
        .expect("time");
    // A profile with a few cases, as a family might have.
    let mut ids = Vec::new();
    for n in 0..20 {
        ids.push(
            open.store_mut()
                .create_case(&details(n), now)
                .expect("creates")
                .id,
        );
    }
    let id = ids[10];

    c.bench_function("load a case (encrypted)", |b| {
        b.iter(|| open.store().case(black_box(id)).expect("loads"))
    });
    let mut n = 0;
    c.bench_function("save an edit (encrypted, durable)", |b| {
        b.iter(|| {
            n += 1;
            open.store_mut()
                .save_case(id, black_box(&details(n)), now)
                .expect("saves")
        })
    });
}

criterion_group!(benches, unlocking, cases);
criterion_main!(benches);
