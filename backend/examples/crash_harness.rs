//! Crash harness: does a kill at any moment lose an acknowledged edit or damage a
//! profile's database?
//!
//! ```text
//! cargo run -p backend --example crash_harness                 # CI size: 200 kills
//! cargo run -p backend --example crash_harness -- --long       # 2,000 kills
//! cargo run -p backend --example crash_harness -- --kills 500 --seed 42
//! ```
//!
//! The driver makes an encrypted profile (cheap key-derivation settings,
//! `KdfParams::INSECURE_FOR_TESTS`, so hundreds of reopenings stay fast; the database and its
//! encryption are the real ones), then again and again starts this same program as a *writer*,
//! lets it work for a random moment and kills it with SIGKILL. The writer opens the profile
//! through `Profiles::unlock` exactly as the app does and makes continuous edits through the
//! app's own calls (`Store::save_case`, `Store::save_journey`, `Store::create_case`,
//! `Store::record_activity` as when a letter is printed, and `OpenProfile::back_up`), printing
//! an acknowledgement line only after each call has returned, that is after its commit.
//!
//! After each kill the driver reopens the profile (`Profiles::unlock`: the writer's lock must be
//! gone), runs `PRAGMA integrity_check`, checks the schema version, and checks every
//! acknowledged edit is there. The one edit in flight at the kill may or may not be there; either
//! is fine, anything else is counted. The newest backup must pass its own integrity check.
//!
//! A SIGKILL ends the process but not the operating system, so this measures the app's own
//! crash safety (transactions, write-ahead log, atomic renames), not a power cut's.
//!
//! Prints a report and exits non-zero if any database was damaged or any acknowledged edit lost.
//!
//! `--ack-before-commit` makes the writer cheat (acknowledge each edit just *before* saving
//! it), to show the harness catches lost edits: that run must fail.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use backend::cases::{schema_version, CaseDetails, CaseId};
use backend::journey::Journey;
use backend::profiles::{KdfParams, Profiles};
use chrono::{DateTime, TimeZone, Utc};
use rand::{rngs::StdRng, RngExt, SeedableRng};

const PASS: &str = "crash harness passphrase";
const WHO: &str = "Harness";
/// Each writer run numbers its edits from `run * RUN_SPAN`, so every value ever written is unique.
const RUN_SPAN: u64 = 1_000_000;

fn base_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
        .single()
        .expect("valid time")
}

fn value(n: u64) -> String {
    format!("edit {n}")
}

fn parse_value(s: &str) -> Option<u64> {
    s.strip_prefix("edit ")?.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--writer") {
        writer(&args[1..]);
        return;
    }
    let mut kills = 200_u32;
    let mut seed: Option<u64> = None;
    let mut cheat = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--long" => kills = 2_000,
            "--ack-before-commit" => cheat = true,
            "--kills" => kills = it.next().and_then(|s| s.parse().ok()).expect("--kills N"),
            "--seed" => seed = Some(it.next().and_then(|s| s.parse().ok()).expect("--seed N")),
            other => panic!("unknown argument {other}; use --long, --kills N or --seed N"),
        }
    }
    let seed = seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs())
    });
    let report = drive(kills, seed, cheat);
    println!("{report}");
    if !report.passed() {
        std::process::exit(1);
    }
}

/// The writer: opens the profile as the app does and edits until it is killed.
fn writer(args: &[String]) {
    let dir = PathBuf::from(&args[0]);
    let id = &args[1];
    let run: u64 = args[2].parse().expect("run number");
    let seed: u64 = args[3].parse().expect("seed");
    let cheat = args.get(4).is_some_and(|a| a == "cheat");
    let profiles = Profiles::at(&dir);
    let mut open = profiles
        .unlock(id, PASS)
        .expect("the writer opens the profile");
    let mut cases: Vec<CaseId> = open
        .store()
        .cases()
        .expect("lists cases")
        .iter()
        .map(|c| c.id)
        .collect();
    let mut rng = StdRng::seed_from_u64(seed ^ run);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(out, "ready").expect("stdout");
    out.flush().expect("stdout");
    let mut n = run * RUN_SPAN;
    loop {
        n += 1;
        let now = base_time() + chrono::Duration::seconds(i64::try_from(n).unwrap_or(0));
        let case = cases[rng.random_range(0..cases.len())];
        let kind = rng.random_range(0..100);
        if cheat && kind < 75 {
            let what = if kind < 40 { "case" } else { "journey" };
            writeln!(out, "{what} {case} {n}").expect("stdout");
            out.flush().expect("stdout");
            // Widen the gap between the false acknowledgement and the commit.
            std::thread::sleep(Duration::from_millis(5));
        }
        let line = match kind {
            0..40 => {
                let details = CaseDetails {
                    patient_name: "Harness patient".into(),
                    reason: value(n),
                    ..Default::default()
                };
                open.store_mut()
                    .save_case(case, &details, now)
                    .expect("save_case");
                if cheat {
                    continue;
                }
                format!("case {case} {n}")
            }
            40..75 => {
                let journey = Journey {
                    treatment_proposed: value(n),
                    ..Default::default()
                };
                open.store_mut()
                    .save_journey(case, &journey, now)
                    .expect("save_journey");
                if cheat {
                    continue;
                }
                format!("journey {case} {n}")
            }
            75..85 => {
                let details = CaseDetails {
                    patient_name: "Harness patient".into(),
                    reason: value(n),
                    ..Default::default()
                };
                let made = open
                    .store_mut()
                    .create_case(&details, now)
                    .expect("create_case");
                cases.push(made.id);
                format!("case {} {n}", made.id)
            }
            85..96 => {
                let entry = open
                    .store_mut()
                    .record_activity(now, WHO, "Printed a letter")
                    .expect("record_activity");
                format!("activity {} {n}", entry.id)
            }
            _ => {
                let backup = open.back_up(now).expect("back_up");
                format!("backup {} {n}", backup.name)
            }
        };
        // Acknowledged only now: the call above has committed.
        writeln!(out, "{line}").expect("stdout");
        out.flush().expect("stdout");
    }
}

#[derive(Debug, Default)]
struct Report {
    seed: u64,
    kills: u32,
    kills_while_opening: u32,
    acknowledged: u64,
    in_flight_found: u64,
    corruptions: u64,
    schema_problems: u64,
    lost: u64,
    unexpected: u64,
    backups_checked: u64,
    backups_damaged: u64,
    seconds: f64,
    problems: Vec<String>,
}

impl Report {
    fn passed(&self) -> bool {
        self.corruptions == 0
            && self.schema_problems == 0
            && self.lost == 0
            && self.unexpected == 0
            && self.backups_damaged == 0
            && self.kills > 0
    }

    fn problem(&mut self, what: String) {
        eprintln!("PROBLEM: {what}");
        self.problems.push(what);
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "Crash harness report (seed {})", self.seed)?;
        writeln!(
            f,
            "  kills (SIGKILL):               {} ({} while the profile was opening)",
            self.kills, self.kills_while_opening
        )?;
        writeln!(f, "  acknowledged edits:            {}", self.acknowledged)?;
        writeln!(
            f,
            "  edits in flight found saved:   {}",
            self.in_flight_found
        )?;
        writeln!(f, "  corruptions:                   {}", self.corruptions)?;
        writeln!(
            f,
            "  schema problems:               {}",
            self.schema_problems
        )?;
        writeln!(f, "  acknowledged edits lost:       {}", self.lost)?;
        writeln!(f, "  unexpected values:             {}", self.unexpected)?;
        writeln!(
            f,
            "  newest backup checked:         {} times, damaged {}",
            self.backups_checked, self.backups_damaged
        )?;
        write!(
            f,
            "  time:                          {:.1} s; {}",
            self.seconds,
            if self.passed() { "PASSED" } else { "FAILED" }
        )
    }
}

/// What must be in the database: for each case, the number of the last acknowledged edit of its
/// details and of its journey; how many activity lines; the last backup acknowledged.
#[derive(Debug, Default)]
struct Model {
    cases: BTreeMap<CaseId, u64>,
    journeys: BTreeMap<CaseId, u64>,
    activity: u64,
    last_backup: Option<String>,
}

fn drive(kills: u32, seed: u64, cheat: bool) -> Report {
    let started = Instant::now();
    let mut report = Report {
        seed,
        ..Report::default()
    };
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().join("profiles");
    let profiles = Profiles::at(&dir);
    let mut rng = StdRng::seed_from_u64(seed);
    let mut model = Model::default();
    let id = {
        let (mut open, _code) = profiles
            .create(WHO, PASS, KdfParams::INSECURE_FOR_TESTS, &mut rng)
            .expect("creates the profile");
        for n in 1..=3 {
            let details = CaseDetails {
                patient_name: "Harness patient".into(),
                reason: value(n),
                ..Default::default()
            };
            let case = open
                .store_mut()
                .create_case(&details, base_time())
                .expect("first cases");
            model.cases.insert(case.id, n);
        }
        open.id().to_owned()
    };
    let exe = std::env::current_exe().expect("own path");
    for run in 1..=u64::from(kills) {
        // One kill in ten lands while the writer is still opening the profile; of the rest,
        // most come within 40 ms of its first edit, some later (so backups, which take longer
        // than an edit, are sometimes finished and sometimes cut short).
        let pick = rng.random_range(0..10);
        let while_opening = pick == 0;
        let delay = Duration::from_micros(match pick {
            0 => rng.random_range(0..3_000),
            1 | 2 => rng.random_range(40_000..250_000),
            _ => rng.random_range(0..40_000),
        });
        let acks = run_and_kill(&exe, &dir, &id, run, seed, cheat, while_opening, delay);
        report.kills += 1;
        if while_opening {
            report.kills_while_opening += 1;
        }
        let mut last_acked_in_run = run * RUN_SPAN;
        for line in &acks {
            let parts: Vec<&str> = line.split(' ').collect();
            match parts.as_slice() {
                ["ready"] => continue,
                ["case", case, n] => {
                    let n: u64 = n.parse().expect("n");
                    model.cases.insert(case.parse().expect("id"), n);
                    last_acked_in_run = n;
                }
                ["journey", case, n] => {
                    let n: u64 = n.parse().expect("n");
                    model.journeys.insert(case.parse().expect("id"), n);
                    last_acked_in_run = n;
                }
                ["activity", _, n] => {
                    model.activity += 1;
                    last_acked_in_run = n.parse().expect("n");
                }
                ["backup", name, n] => {
                    model.last_backup = Some((*name).to_owned());
                    last_acked_in_run = n.parse().expect("n");
                }
                other => panic!("unexpected line from the writer: {other:?}"),
            }
            report.acknowledged += 1;
        }
        check(
            &profiles,
            &id,
            run,
            last_acked_in_run,
            &mut model,
            &mut report,
        );
        if report.corruptions > 0 {
            break;
        }
    }
    report.seconds = started.elapsed().as_secs_f64();
    report
}

/// Starts a writer, kills it after `delay` (counted from its "ready" line, or from its start when
/// `while_opening`), and returns every line it printed.
#[allow(clippy::too_many_arguments)]
fn run_and_kill(
    exe: &Path,
    dir: &Path,
    id: &str,
    run: u64,
    seed: u64,
    cheat: bool,
    while_opening: bool,
    delay: Duration,
) -> Vec<String> {
    let mut child = Command::new(exe)
        .arg("--writer")
        .arg(dir)
        .arg(id)
        .arg(run.to_string())
        .arg(seed.to_string())
        .arg(if cheat { "cheat" } else { "honest" })
        .stdout(Stdio::piped())
        .spawn()
        .expect("starts the writer");
    let stdout = child.stdout.take().expect("stdout");
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut lines = Vec::new();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if line == "ready" {
                let _ = ready_tx.send(());
            }
            lines.push(line);
        }
        lines
    });
    if !while_opening {
        ready_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the writer opened the profile");
    }
    std::thread::sleep(delay);
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    reader.join().expect("reader")
}

/// Reopens the profile after a kill and checks it against the model, then brings the model up to
/// date with the edit that was in flight (if it was saved).
fn check(
    profiles: &Profiles,
    id: &str,
    run: u64,
    last_acked_in_run: u64,
    model: &mut Model,
    report: &mut Report,
) {
    let open = match profiles.unlock(id, PASS) {
        Ok(open) => open,
        Err(e) => {
            report.corruptions += 1;
            report.problem(format!("run {run}: the profile did not reopen: {e:?}"));
            return;
        }
    };
    let store = open.store();
    if let Err(e) = store.check_integrity() {
        report.corruptions += 1;
        report.problem(format!("run {run}: integrity_check failed: {e:?}"));
    }
    match store.schema_version_on_disk() {
        Ok(v) if v == schema_version() => {}
        other => {
            report.schema_problems += 1;
            report.problem(format!("run {run}: schema version {other:?}"));
        }
    }
    // An edit not acknowledged is acceptable only if it is the one in flight: numbered after
    // every acknowledged edit of this run, and there is at most one such.
    let mut in_flight: Option<u64> = None;
    let mut accept_unacked = |n: u64, report: &mut Report, what: &str| -> bool {
        let ok =
            n > last_acked_in_run && n < (run + 1) * RUN_SPAN && in_flight.is_none_or(|m| m == n);
        if ok {
            in_flight = Some(n);
        } else {
            report.unexpected += 1;
            report.problem(format!(
                "run {run}: {what} holds edit {n}, not acknowledged"
            ));
        }
        ok
    };
    let summaries = store.cases().expect("lists cases");
    let mut stored_cases = BTreeMap::new();
    let mut stored_journeys = BTreeMap::new();
    for summary in &summaries {
        let case = store.case(summary.id).expect("reads a case");
        let n = parse_value(&case.details.reason).unwrap_or(0);
        stored_cases.insert(summary.id, n);
        let journey = store.journey(summary.id).expect("reads a journey");
        if let Some(n) = parse_value(&journey.treatment_proposed) {
            stored_journeys.insert(summary.id, n);
        }
    }
    for (what, acked, stored) in [
        ("case", &mut model.cases, &stored_cases),
        ("journey", &mut model.journeys, &stored_journeys),
    ] {
        for (case, &want) in acked.iter() {
            match stored.get(case) {
                Some(&have) if have == want => {}
                Some(&have) if have > want && accept_unacked(have, report, what) => {}
                other => {
                    report.lost += 1;
                    report.problem(format!(
                        "run {run}: {what} {case} should hold edit {want}, holds {other:?}"
                    ));
                }
            }
        }
        for (case, &have) in stored {
            if !acked.contains_key(case) {
                accept_unacked(have, report, what);
            }
        }
        acked.clone_from(stored);
    }
    let activity = store
        .activity()
        .expect("reads the log")
        .iter()
        .filter(|a| a.who == WHO)
        .count() as u64;
    if activity < model.activity {
        report.lost += model.activity - activity;
        report.problem(format!(
            "run {run}: {} activity lines, {} acknowledged",
            activity, model.activity
        ));
    } else if activity > model.activity + 1 {
        report.unexpected += 1;
        report.problem(format!("run {run}: {activity} activity lines, too many"));
    } else if activity == model.activity + 1 {
        report.in_flight_found += 1;
    }
    model.activity = activity;
    if in_flight.is_some() {
        report.in_flight_found += 1;
    }

    // Backups: the last acknowledged one is listed, and the newest one is whole.
    let backups = open.backups().expect("lists backups");
    if let Some(name) = &model.last_backup {
        if !backups.iter().any(|b| &b.name >= name) {
            report.lost += 1;
            report.problem(format!("run {run}: backup {name} is missing"));
        }
    }
    if let Some(newest) = backups.first() {
        report.backups_checked += 1;
        let path = open
            .database_path()
            .with_file_name("backups")
            .join(&newest.name);
        if let Err(e) = check_backup(&path, &open.raw_key_hex_for_tests()) {
            report.backups_damaged += 1;
            report.problem(format!("run {run}: backup {} is damaged: {e}", newest.name));
        }
    }
    open.lock();
}

/// Opens a backup read-only with the profile's key and runs `PRAGMA integrity_check`.
fn check_backup(path: &Path, key_hex: &str) -> Result<(), String> {
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| e.to_string())?;
    conn.pragma_update(None, "cipher_log_level", "NONE")
        .map_err(|e| e.to_string())?;
    let mut stmt = conn
        .prepare(&format!("PRAGMA key = \"x'{key_hex}'\""))
        .map_err(|e| e.to_string())?;
    let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
    while rows.next().map_err(|e| e.to_string())?.is_some() {}
    drop(rows);
    drop(stmt);
    let result: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if result == "ok" {
        Ok(())
    } else {
        Err(result)
    }
}
