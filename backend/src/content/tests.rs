use super::*;

const SOURCES: &str = r#"
[[source]]
id = "seed-000"
title = "T"
publisher = "P"
description = "D"
"#;

const META: &str = r#"
id = "x"
title = "X"
nations = ["england"]
sources = ["seed-000"]
reviewed = 2026-11-21
review_by = 2027-11-21
"#;

fn screen(id: &str) -> String {
    format!(
        "kind = \"screen\"\n{}\nintro = [\"a\"]\nstart_label = \"Start\"\nemergency = \"999\"\n",
        META.replace("id = \"x\"", &format!("id = \"{id}\""))
    )
}

fn load(files: &[(&str, &str)]) -> Result<Content> {
    Content::load(
        std::iter::once(("sources.toml".to_owned(), SOURCES.to_owned()))
            .chain(files.iter().map(|(p, t)| (p.to_string(), t.to_string()))),
    )
}

fn content_error(result: Result<Content>) -> String {
    match result {
        Err(Error::Content(msg)) => msg,
        Err(other) => panic!("expected a content error, got {other:?}"),
        Ok(_) => panic!("expected a content error, got content"),
    }
}

#[test]
fn embedded_content_loads_and_has_the_home_screen_and_gp_letter() {
    let content = Content::embedded().expect("embedded content is valid");
    let home = content.home().expect("home");
    assert_eq!(
        home.intro.len(),
        2,
        "the home screen says what the app does in two sentences"
    );
    assert!(home.emergency.contains("999") && home.emergency.contains("NHS 111"));
    content.letter("letter-gp-request").expect("gp letter");
}

#[test]
fn duplicate_ids_are_refused() {
    let msg = content_error(load(&[("a.toml", &screen("s")), ("b.toml", &screen("s"))]));
    assert!(msg.contains("already used"), "{msg}");
}

#[test]
fn missing_fields_are_refused() {
    for (from, to) in [
        ("sources = [\"seed-000\"]\n", ""),
        ("nations = [\"england\"]", "nations = []"),
        (
            "nations = [\"england\"]",
            "nations = [\"england\", \"england\"]",
        ),
        ("review_by = 2027-11-21", "review_by = 2025-01-01"),
        ("review_by = 2027-11-21", "review_by = 2027-11-22"),
        ("reviewed = 2026-11-21\n", ""),
        ("title = \"X\"", "title = \" \""),
        ("intro = [\"a\"]", "intro = [\"\"]"),
    ] {
        let text = screen("s").replace(from, to);
        assert!(load(&[("a.toml", &text)]).is_err(), "accepted: {text}");
    }
}

#[test]
fn unknown_kinds_and_misspelt_fields_are_refused() {
    let text = screen("s").replace("kind = \"screen\"", "kind = \"poem\"");
    assert!(load(&[("a.toml", &text)]).is_err());
    let text = format!("{}\nreviewer_notes = \"typo\"\n", screen("s"));
    let msg = content_error(load(&[("a.toml", &text)]));
    assert!(
        msg.contains("unknown field") && msg.contains("reviewer_notes"),
        "{msg}"
    );
}

#[test]
fn unknown_sources_are_refused() {
    let text = screen("s").replace("seed-000", "seed-999");
    let msg = content_error(load(&[("a.toml", &text)]));
    assert!(msg.contains("seed-999"), "{msg}");
}

const MANY: &str = r#"
[common]
kind = "question"
nations = ["england", "wales"]
sources = ["seed-000"]
reviewed = 2026-11-21
review_by = 2027-11-21
steps = ["prepare"]
topic = "topic-tests"

[[item]]
id = "q-1"
title = "What is this test for?"

[[item]]
id = "q-2"
title = "When will I get the results?"
nations = ["scotland"]
"#;

const TOPIC: &str = r#"
kind = "question-topic"
id = "topic-tests"
title = "Tests"
nations = ["england", "scotland", "wales"]
sources = ["seed-000"]
reviewed = 2026-11-21
review_by = 2027-11-21
intro = "Questions about tests."
"#;

#[test]
fn a_file_can_hold_many_items_sharing_common_values() {
    let content = load(&[("q.toml", MANY), ("topic.toml", TOPIC)]).expect("loads");
    let q2 = content.question("q-2").expect("q-2");
    assert_eq!(
        q2.meta.nations,
        [Nation::Scotland],
        "an item's own value wins"
    );
    assert_eq!(q2.topic, "topic-tests", "common values are shared");
    let english: Vec<&str> = content
        .questions("topic-tests", Nation::England)
        .iter()
        .map(|q| q.meta.id.as_str())
        .collect();
    assert_eq!(english, ["q-1"]);
    let step: Vec<&str> = content
        .for_step(Step::Prepare, Nation::Wales)
        .iter()
        .map(|i| i.meta().id.as_str())
        .collect();
    assert_eq!(step, ["q-1"]);
    assert!(
        content.get::<Route>("q-1").is_err(),
        "typed get checks the kind"
    );
}

#[test]
fn broken_references_are_refused() {
    let msg = content_error(load(&[("q.toml", MANY)]));
    assert!(msg.contains("topic-tests"), "{msg}");
}

#[test]
fn stray_keys_outside_items_are_refused() {
    let text = format!("stray = 1\n{MANY}");
    let msg = content_error(load(&[("q.toml", &text), ("topic.toml", TOPIC)]));
    assert!(msg.contains("stray"), "{msg}");
}

#[test]
fn steps_parse_from_their_stable_words() {
    for step in Step::ALL {
        assert_eq!(step.as_str().parse::<Step>().expect("parses"), step);
        let json = serde_json::to_string(&step).expect("json");
        assert_eq!(json, format!("\"{}\"", step.as_str()));
    }
    assert!("nowhere".parse::<Step>().is_err());
}

#[test]
fn incomplete_content_is_reported() {
    let content = load(&[("a.toml", &screen("home"))]).expect("loads");
    assert!(
        content.check_complete().is_err(),
        "no about, letters or help"
    );
}

#[test]
fn content_with_windows_line_ends_loads_exactly_as_with_unix_ones() {
    let files: Vec<(String, String)> = CONTENT_DIR
        .find("**/*.toml")
        .expect("glob")
        .filter_map(|entry| entry.as_file())
        .map(|f| {
            (
                f.path().display().to_string(),
                f.contents_utf8().expect("utf-8").to_owned(),
            )
        })
        .collect();
    let crlf = files
        .iter()
        .map(|(p, t)| (p.clone(), t.replace("\r\n", "\n").replace('\n', "\r\n")));
    assert!(crlf.clone().any(|(_, t)| t.contains("\r\n")));
    let from_crlf = Content::load(crlf).expect("CRLF content loads");
    let from_lf = Content::load(files).expect("LF content loads");
    let mut letters = 0;
    for (a, b) in from_crlf.letters().zip(from_lf.letters()) {
        assert_eq!(a.body, b.body);
        assert!(!a.body.contains('\r'), "{}", a.meta.id);
        letters += 1;
    }
    assert!(letters >= 5);
    let texts = |c: &Content| c.items().map(|i| format!("{i:?}")).collect::<Vec<_>>();
    assert_eq!(texts(&from_crlf), texts(&from_lf));
}
