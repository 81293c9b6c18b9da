//! Makes a large profile and exports it, or imports an export: to measure the whole process's
//! peak memory (`/usr/bin/time -v`, "Maximum resident set size") on a profile of any size.
//! Uses the tiny test key settings, so the measure is the file's handling, not Argon2id's.
//!
//! ```text
//! cargo run -p backend --example export_memory -- make /dev/shm/m 200    # 200 MB of notes
//! /usr/bin/time -v target/debug/examples/export_memory import /dev/shm/m/big.soprofile /dev/shm/m/in
//! ```

use std::path::PathBuf;

use backend::cases::{CaseDetails, Nation};
use backend::profiles::{KdfParams, Profiles};
use chrono::{FixedOffset, TimeZone, Utc};
use rand::{rngs::StdRng, SeedableRng};

const PASS: &str = "correct horse battery staple";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["make", dir, megabytes] => {
            let dir = PathBuf::from(dir);
            let profiles = Profiles::at(dir.join("profiles"));
            let (mut open, _) = profiles.create(
                "Ann",
                PASS,
                KdfParams::INSECURE_FOR_TESTS,
                &mut StdRng::seed_from_u64(1),
            )?;
            let now = Utc
                .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
                .single()
                .ok_or("time")?;
            let case = open.store_mut().create_case(
                &CaseDetails {
                    patient_name: "Ann Example".into(),
                    nation: Some(Nation::Wales),
                    ..Default::default()
                },
                now,
            )?;
            let written = FixedOffset::east_opt(0)
                .ok_or("offset")?
                .from_utc_datetime(&now.naive_utc());
            // 20,000 characters a note: 50 notes a megabyte.
            for i in 0..megabytes.parse::<usize>()? * 50 {
                let text = format!("note {:04} ", i % 10_000).repeat(2_000);
                open.store_mut().add_note(case.id, &text, written)?;
            }
            let file = dir.join("big.soprofile");
            profiles.export(&open, &file, PASS, &mut StdRng::seed_from_u64(2))?;
            println!(
                "{}: {} bytes",
                file.display(),
                std::fs::metadata(&file)?.len()
            );
        }
        ["import", file, dir] => {
            let (open, _) =
                Profiles::at(dir).import(file.as_ref(), PASS, &mut StdRng::seed_from_u64(3))?;
            println!("imported {}", open.id());
        }
        _ => return Err("usage: export_memory make DIR MEGABYTES | import FILE DIR".into()),
    }
    Ok(())
}
