//! Style checks on every content item: plain English (reading grade), British spelling, nothing
//! that diagnoses or judges, own words (no runs copied from the seed guides), and no phone number
//! or figure the sources do not give.
//!
//! Run with `cargo test -p backend content -- --nocapture` to see the reading-grade table.

// In a module whose name holds "content", so `cargo test -p backend content` runs them all.
mod content_words {
    use std::collections::HashSet;
    use std::path::PathBuf;

    use backend::content::{plain, Content, Item};

    /// A run of this many words matching a source counts as copied.
    const COPY_RUN: usize = 6;
    /// Official names of laws, bodies and schemes. They must be written as their owners write
    /// them, so the own-words check reads each as a break between runs, not as copied words.
    const NAMES: [&str; 9] = [
        "Access to Health Records Act 1990",
        "Access to Health Records (Northern Ireland) Order 1993",
        "Charter of Patient Rights and Responsibilities",
        "Patient Advice and Liaison Service",
        "Patient Advice and Support Service",
        "Patient Rights (Scotland) Act 2011",
        "Information Commissioner's Office",
        "Treatment Time Guarantee",
        "Community Health Councils",
    ];

    /// Fields that hold data (a number, hours, an address), not sentences: the numbers check
    /// covers them instead of the own-words check.
    const DATA_FIELDS: [&str; 3] = ["phone", "opening_hours", "email"];

    /// `text` cut at every official name, so no run of words crosses one.
    fn without_names(text: &str) -> Vec<String> {
        let mut parts = vec![text.to_owned()];
        for name in NAMES {
            parts = parts
                .iter()
                .flat_map(|p| p.split(name).map(str::to_owned).collect::<Vec<_>>())
                .collect();
        }
        parts
    }

    /// The highest Flesch-Kincaid grade an item may have.
    const MAX_GRADE: f64 = 8.0;

    /// Each item's text as prose fragments: a letter's body is read without its template tags.
    fn fragments(item: &Item) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (field, text) in item.texts() {
            if field == "body" {
                out.extend(plain::template_text(text).into_iter().map(|p| (field, p)));
            } else {
                out.push((field, text.to_owned()));
            }
        }
        out
    }

    fn content() -> &'static Content {
        Content::embedded().expect("embedded content is valid")
    }

    /// `../shared/` beside the repository, where the seed guides live.
    fn shared_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared")
    }

    /// The text of every source file: the five seed guides and the UK facts, or None (with a note)
    /// when they are not beside the repository.
    fn source_texts() -> Option<Vec<(String, String)>> {
        let seeds = shared_dir().join("seeds");
        let Ok(dir) = std::fs::read_dir(&seeds) else {
            println!(
                "NOTE: skipped: the seed guides are not at {} (they sit beside the repository as \
             ../shared/seeds). The own-words and numbers checks did not run.",
                seeds.display()
            );
            return None;
        };
        let mut out: Vec<(String, String)> = dir
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| {
                let text = std::fs::read_to_string(&p).expect("read seed");
                (
                    p.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    text,
                )
            })
            .collect();
        out.sort();
        assert!(
            out.len() >= 5,
            "expected the five seed guides in {}",
            seeds.display()
        );
        if let Ok(facts) = std::fs::read_to_string(shared_dir().join("guide/uk-facts.md")) {
            out.push(("uk-facts.md".into(), facts));
        }
        Some(out)
    }

    #[test]
    fn content_reads_at_grade_8_or_below() {
        let mut grades: Vec<(f64, String)> = Vec::new();
        for item in content().items() {
            let texts = fragments(item);
            let refs: Vec<&str> = texts.iter().map(|(_, t)| t.as_str()).collect();
            let r = plain::readability(&refs);
            grades.push((r.grade, format!("{} ({})", item.meta().id, item.kind())));
        }
        grades.sort_by(|a, b| a.0.total_cmp(&b.0));
        let n = grades.len();
        let median = if n % 2 == 1 {
            grades[n / 2].0
        } else {
            (grades[n / 2 - 1].0 + grades[n / 2].0) / 2.0
        };
        let above: Vec<&(f64, String)> = grades.iter().filter(|(g, _)| *g > MAX_GRADE).collect();
        println!("Flesch-Kincaid grade over {n} items:");
        println!(
            "  min {:.1} ({}), median {median:.1}, max {:.1} ({}), above {MAX_GRADE}: {}",
            grades[0].0,
            grades[0].1,
            grades[n - 1].0,
            grades[n - 1].1,
            above.len()
        );
        let mut bands = [0usize; 5];
        for (g, _) in &grades {
            let band = match *g {
                g if g < 2.0 => 0,
                g if g < 4.0 => 1,
                g if g < 6.0 => 2,
                g if g <= 8.0 => 3,
                _ => 4,
            };
            bands[band] += 1;
        }
        println!(
            "  <2: {}, 2-4: {}, 4-6: {}, 6-8: {}, >8: {}",
            bands[0], bands[1], bands[2], bands[3], bands[4]
        );
        println!("  hardest ten:");
        for (g, id) in grades.iter().rev().take(10) {
            println!("    {g:5.1}  {id}");
        }
        assert!(
        above.is_empty(),
        "these items read above grade {MAX_GRADE}: use shorter sentences and everyday words: {above:?}"
    );
    }

    #[test]
    fn content_uses_british_spelling() {
        let mut found = Vec::new();
        for item in content().items() {
            for (field, text) in fragments(item) {
                for word in plain::american_spellings(&text) {
                    found.push(format!("{} {field}: '{word}'", item.meta().id));
                }
            }
        }
        assert!(
            found.is_empty(),
            "American spellings (use British ones): {found:#?}"
        );
    }

    #[test]
    fn content_never_diagnoses_scores_or_judges_a_diagnosis() {
        let mut found = Vec::new();
        for item in content().items() {
            for (field, text) in fragments(item) {
                for phrase in plain::banned_phrases(&text) {
                    found.push(format!(
                        "{} {field}: '{phrase}' in \"{text}\"",
                        item.meta().id
                    ));
                }
            }
        }
        assert!(found.is_empty(), "banned phrases: {found:#?}");
    }

    #[test]
    fn content_is_in_its_own_words() {
        let Some(sources) = source_texts() else {
            return;
        };
        let runs: Vec<(String, HashSet<String>)> = sources
            .iter()
            .map(|(name, text)| {
                let runs = without_names(text)
                    .iter()
                    .flat_map(|part| plain::word_runs(part, COPY_RUN))
                    .collect();
                (name.clone(), runs)
            })
            .collect();
        let mut copied = Vec::new();
        for item in content().items() {
            for (field, text) in fragments(item) {
                if DATA_FIELDS.contains(&field) {
                    continue;
                }
                for part in without_names(&text) {
                    for (name, source_runs) in &runs {
                        for run in plain::shared_runs(&part, source_runs, COPY_RUN) {
                            copied.push(format!(
                                "{} {field}: \"{run}\" (from {name})",
                                item.meta().id
                            ));
                        }
                    }
                }
            }
        }
        assert!(
        copied.is_empty(),
        "runs of {COPY_RUN}+ words copied from a source: rewrite them in your own words: {copied:#?}"
    );
    }

    /// Runs of digits (with single spaces inside, as phone numbers are written) of 3+ digits.
    fn numbers(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i].is_ascii_digit() {
                let mut j = i;
                while j < chars.len()
                    && (chars[j].is_ascii_digit()
                        || (chars[j] == ' '
                            && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                            && j > i))
                {
                    j += 1;
                }
                let number: String = chars[i..j].iter().collect();
                if number.chars().filter(char::is_ascii_digit).count() >= 3 {
                    out.push(number);
                }
                i = j;
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn every_phone_number_and_figure_comes_from_the_sources() {
        let Some(sources) = source_texts() else {
            return;
        };
        let all: String = sources
            .iter()
            .map(|(_, t)| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n");
        let mut invented = Vec::new();
        for item in content().items() {
            for (field, text) in item.texts() {
                for number in numbers(text) {
                    if !all.contains(&number) {
                        invented.push(format!("{} {field}: {number}", item.meta().id));
                    }
                }
            }
        }
        assert!(
            invented.is_empty(),
            "numbers not found in any source (never invent a phone number): {invented:#?}"
        );
    }

    #[test]
    fn an_official_name_breaks_a_run_but_the_words_around_it_still_count() {
        let source = plain::word_runs("you may want to ask about the records today please", 6);
        // The same six words with a name in the middle are not a run.
        let text = "you may want Treatment Time Guarantee to ask about the records";
        let found: Vec<String> = without_names(text)
            .iter()
            .flat_map(|p| plain::shared_runs(p, &source, 6))
            .collect();
        assert!(found.is_empty(), "{found:?}");
        // Six copied words beside a name are still caught.
        let text = "Treatment Time Guarantee: to ask about the records today";
        let found: Vec<String> = without_names(text)
            .iter()
            .flat_map(|p| plain::shared_runs(p, &source, 6))
            .collect();
        assert_eq!(found, ["to ask about the records today"]);
    }

    #[test]
    fn numbers_are_found_in_text() {
        assert_eq!(
            numbers("Call 0800 345 7115 or 999, from 9.30am. In 18 weeks, 2024."),
            ["0800 345 7115", "999", "2024"]
        );
    }
}
