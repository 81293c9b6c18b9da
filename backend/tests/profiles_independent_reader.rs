//! Proof that a profile's database is standard SQLCipher 4: Python's `sqlcipher3` (the PyPI
//! package `sqlcipher3-binary`, which bundles its own SQLCipher 4) reads the rows the app wrote,
//! given only the raw key. `scripts/setup.sh` installs the package.
//!
//! If python3 or the package is missing this test FAILS with a message saying what to install,
//! unless `SECOND_OPINION_SKIP_PY=1` is set.

use std::io::Write;
use std::process::{Command, Stdio};

use backend::cases::{CaseDetails, Nation};
use backend::profiles::{KdfParams, Profiles};
use chrono::{TimeZone, Utc};
use rand::{rngs::StdRng, SeedableRng};

const READER: &str = r#"
import json, sys
try:
    import sqlcipher3
except ImportError:
    sys.exit(3)
args = json.load(sys.stdin)
def read(key):
    con = sqlcipher3.connect(args["path"])
    con.execute("PRAGMA key = \"x'%s'\"" % key)
    out = {
        "cipher_version": con.execute("PRAGMA cipher_version").fetchone()[0],
        "user_version": con.execute("PRAGMA user_version").fetchone()[0],
        "cases": [list(r) for r in con.execute(
            "SELECT patient_name, diagnosis, reason, nation FROM cases ORDER BY id")],
        "activity": [list(r) for r in con.execute("SELECT who, what FROM activity ORDER BY id")],
    }
    con.close()
    return out
result = {"right": read(args["key"])}
try:
    read(args["wrong_key"])
    result["wrong"] = "opened"
except sqlcipher3.DatabaseError as e:
    result["wrong"] = "refused: " + str(e)
print(json.dumps(result))
"#;

#[test]
fn an_independent_sqlcipher_reads_what_the_app_wrote() {
    if std::env::var("SECOND_OPINION_SKIP_PY").as_deref() == Ok("1") {
        eprintln!("SECOND_OPINION_SKIP_PY=1: skipping the independent SQLCipher reader");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let (mut open, _code) = profiles
        .create(
            "Ann",
            "correct horse battery staple",
            KdfParams::INSECURE_FOR_TESTS,
            &mut StdRng::seed_from_u64(1),
        )
        .expect("creates");
    let now = Utc
        .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
        .single()
        .expect("time");
    let written = [
        CaseDetails {
            patient_name: "Gwenllïan Ŵyn-Jones".into(),
            diagnosis: "Zażółć gęślą jaźń — مرحبا 🙂".into(),
            reason: "  kept exactly  \n".into(),
            nation: Some(Nation::Wales),
            ..Default::default()
        },
        CaseDetails {
            patient_name: "Second case".into(),
            diagnosis: "<b>markup</b>'; --".into(),
            ..Default::default()
        },
    ];
    for d in &written {
        open.store_mut().create_case(d, now).expect("saves");
    }
    open.store_mut()
        .record_activity(now, "Ann", "Opened")
        .expect("logs");
    let path = open.database_path();
    let key = open.raw_key_hex_for_tests();
    open.lock();

    let wrong_key = "00".repeat(32);
    let input = serde_json::json!({
        "path": path.to_str().expect("utf-8 path"),
        "key": key,
        "wrong_key": wrong_key,
    });
    let child = Command::new("python3")
        .args(["-c", READER])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => panic!(
            "python3 is needed for this test ({e}). Run scripts/setup.sh, or set \
             SECOND_OPINION_SKIP_PY=1 to skip it."
        ),
    };
    // The key goes through stdin, not the command line.
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.to_string().as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("python3 runs");
    if output.status.code() == Some(3) {
        panic!(
            "The Python package sqlcipher3-binary is missing. Install it with \
             `python3 -m pip install sqlcipher3-binary` (scripts/setup.sh does), or set \
             SECOND_OPINION_SKIP_PY=1 to skip this test."
        );
    }
    assert!(
        output.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("python printed JSON");
    let right = &result["right"];
    assert!(
        right["cipher_version"]
            .as_str()
            .expect("version")
            .starts_with('4'),
        "{right}"
    );
    assert_eq!(
        right["user_version"],
        backend::cases::schema_version() as i64
    );
    let cases = right["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), written.len());
    for (row, d) in cases.iter().zip(&written) {
        assert_eq!(row[0], d.patient_name.as_str());
        assert_eq!(row[1], d.diagnosis.as_str());
        assert_eq!(row[2], d.reason.as_str());
        match d.nation {
            Some(n) => assert_eq!(row[3], n.as_str()),
            None => assert!(row[3].is_null()),
        }
    }
    assert_eq!(right["activity"], serde_json::json!([["Ann", "Opened"]]));
    let wrong = result["wrong"].as_str().expect("wrong");
    assert!(
        wrong.starts_with("refused"),
        "a wrong key must not open it: {wrong}"
    );
}
