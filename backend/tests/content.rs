//! The guidance content as a whole: what it covers, balance, nations, references, letters and
//! the accessors the UI and documents use.

// In a module whose name holds "content", so `cargo test -p backend content` runs them all.
mod support;

mod content_guidance {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    use backend::cases::Nation;
    use backend::content::{
        plain, AskStyle, Audience, Consideration, Content, Item, NoticeLevel, ReasonGroup, Route,
        Side, Step,
    };
    use backend::Error;

    fn content() -> &'static Content {
        Content::embedded().expect("embedded content is valid")
    }

    fn ids<'a>(items: impl IntoIterator<Item = &'a backend::content::ItemMeta>) -> Vec<&'a str> {
        items.into_iter().map(|m| m.id.as_str()).collect()
    }

    /// The content files as they are on disk, for tests that break them on purpose.
    fn files_on_disk() -> Vec<(String, String)> {
        fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).expect("read content dir") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    walk(&path, root, out);
                } else if path.extension().is_some_and(|x| x == "toml") {
                    let rel = path
                        .strip_prefix(root)
                        .expect("inside root")
                        .display()
                        .to_string();
                    out.push((rel, std::fs::read_to_string(&path).expect("read")));
                }
            }
        }
        let root = content_dir();
        let mut out = Vec::new();
        walk(&root, &root, &mut out);
        out
    }

    fn content_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content")
    }

    #[test]
    fn counts_per_kind() {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for item in content().items() {
            *counts.entry(item.kind()).or_default() += 1;
        }
        println!(
            "Content items per kind: {counts:?} (total {})",
            content().items().count()
        );
        for (kind, at_least) in [
            ("screen", 1),
            ("about", 1),
            ("reason", 12),
            ("first-step", 2),
            ("consideration", 10),
            ("notice", 5),
            ("route", 7),
            ("right", 2),
            ("journey-step", 9),
            ("way-to-ask", 3),
            ("question-topic", 9),
            ("question", 60),
            ("bring-item", 8),
            ("records-guide", 6),
            ("faq", 6),
            ("organisation", 8),
            ("letter", 5),
            ("plan-option", 1),
            ("readiness-check", 1),
            ("usual-record", 4),
        ] {
            let n = counts.get(kind).copied().unwrap_or(0);
            assert!(
                n >= at_least,
                "{kind}: {n} items, expected at least {at_least}"
            );
        }
    }

    #[test]
    fn the_disk_files_are_the_embedded_ones() {
        let loaded = Content::load(files_on_disk()).expect("disk content loads");
        assert_eq!(
            ids(loaded.metas()),
            ids(content().metas()),
            "the same items, in the same order"
        );
    }

    #[test]
    fn every_item_is_sourced_and_dated() {
        let last = chrono::NaiveDate::from_ymd_opt(2027, 12, 1).expect("date");
        for item in content().items() {
            let meta = item.meta();
            assert!(
                meta.review_by <= last,
                "{}: review by 1 December 2027 or sooner",
                meta.id
            );
            assert!(meta.reviewed < meta.review_by, "{}", meta.id);
            for source in &meta.sources {
                let s = content().source(source).expect("source exists");
                assert!(!s.title.is_empty() && !s.publisher.is_empty(), "{source}");
            }
        }
        // Every seed guide is in the sources list, by its file name.
        for seed in [
            "000_f3a888e9fdfa9967.txt",
            "001_2a4d0b68a36f8b47.txt",
            "002_9df3b6fc2806bb5f.txt",
            "003_b97d661994e4b772.txt",
            "004_09dd5b77844b300a.txt",
        ] {
            assert!(
                content().sources().any(|s| s.file.as_deref() == Some(seed)),
                "{seed} is not in sources.toml"
            );
        }
    }

    #[test]
    fn benefits_and_drawbacks_are_balanced() {
        fn total(items: &[&Consideration]) -> usize {
            items
                .iter()
                .map(|c| c.meta.title.len() + c.text.len())
                .sum()
        }
        for nation in Nation::ALL {
            let benefits = content().benefits(nation);
            let drawbacks = content().drawbacks(nation);
            assert_eq!(
                benefits.len(),
                drawbacks.len(),
                "as many benefits as drawbacks"
            );
            let (b, d) = (total(&benefits), total(&drawbacks));
            let ratio = b as f64 / d as f64;
            assert!(
                (0.85..=1.15).contains(&ratio),
                "benefits ({b} characters) and drawbacks ({d}) should be about as long"
            );
        }
        let benefits = content().benefits(Nation::England);
        let titles: Vec<&str> = benefits.iter().map(|c| c.meta.id.as_str()).collect();
        for id in [
            "benefit-confidence",
            "benefit-more-options",
            "benefit-new-treatments",
        ] {
            assert!(titles.contains(&id), "{id}");
        }
        let drawbacks = ids(content().drawbacks(Nation::England).iter().map(|c| &c.meta));
        for id in [
            "drawback-delay",
            "drawback-cost",
            "drawback-travel",
            "drawback-conflicting",
            "drawback-extra-tests",
            "drawback-relationship",
        ] {
            assert!(drawbacks.contains(&id), "{id}");
        }
    }

    #[test]
    fn every_route_is_complete_and_balanced() {
        let expected = [
            "route-another-gp",
            "route-nhs-specialist-via-gp",
            "route-current-consultant",
            "route-private-gp",
            "route-private-specialist",
            "route-abroad",
            "route-insurer-or-employer",
        ];
        let routes: Vec<&Route> = content().all::<Route>().collect();
        assert_eq!(ids(routes.iter().map(|r| &r.meta)), expected);
        for r in routes {
            assert_eq!(
                r.benefits.len(),
                r.drawbacks.len(),
                "{}: as many benefits as drawbacks",
                r.meta.id
            );
            assert!(r.benefits.len() >= 2, "{}", r.meta.id);
            let b: usize = r.benefits.iter().map(String::len).sum();
            let d: usize = r.drawbacks.iter().map(String::len).sum();
            let ratio = b as f64 / d as f64;
            assert!(
                (0.75..=1.33).contains(&ratio),
                "{}: benefits ({b} characters) and drawbacks ({d}) should be about as long",
                r.meta.id
            );
            assert!(!r.help.is_empty(), "{}: says where to get help", r.meta.id);
        }
    }

    #[test]
    fn england_only_rights_are_marked_and_shown_only_in_england() {
        let via_gp = content()
            .route("route-nhs-specialist-via-gp")
            .expect("route");
        for id in ["right-to-choose", "right-18-weeks"] {
            assert!(via_gp.rights.iter().any(|r| r == id), "{id}");
            let right = content().get::<backend::content::Right>(id).expect("right");
            assert_eq!(
                right.meta.nations,
                [Nation::England],
                "{id} is England only"
            );
            assert!(
                right.meta.title.contains("England only"),
                "{id} says so in its title"
            );
        }
        let england = ids(content()
            .rights_for(via_gp, Nation::England)
            .iter()
            .map(|r| &r.meta));
        assert_eq!(england, ["right-to-choose", "right-18-weeks"]);
        // The right to choose is of hospital and team, never of one named doctor.
        let choose = content()
            .get::<backend::content::Right>("right-to-choose")
            .expect("right")
            .text
            .join(" ");
        assert!(choose.contains("team") && choose.contains("not of a particular doctor"));
        // Each other nation has a rights item of its own, and never England's.
        for (nation, own, says) in [
            (
                Nation::Scotland,
                "right-scotland-second-opinion",
                "Charter of Patient Rights and Responsibilities",
            ),
            (Nation::Wales, "right-wales-urgent-help", "NHS 111 Wales"),
            (
                Nation::NorthernIreland,
                "right-northern-ireland-out-of-hours",
                "out-of-hours",
            ),
        ] {
            let shown = content().rights_for(via_gp, nation);
            assert_eq!(ids(shown.iter().map(|r| &r.meta)), [own], "{nation:?}");
            assert!(shown[0].text.join(" ").contains(says), "{nation:?}: {says}");
            assert_eq!(ids(content().rights(nation).iter().map(|r| &r.meta)), [own]);
            let on_screen = content().for_step(Step::ChooseRoute, nation);
            assert!(!on_screen.iter().any(|i| matches!(i, Item::Right(r)
                if r.meta.nations.contains(&Nation::England))));
        }
        let ni = content()
            .get::<backend::content::Right>("right-northern-ireland-out-of-hours")
            .expect("right")
            .text
            .join(" ");
        assert!(ni.contains("GP out-of-hours service"), "{ni}");
        assert!(!ni.contains("NHS 111"), "{ni}");
    }

    #[test]
    fn every_option_is_balanced_and_staying_is_one() {
        let options: Vec<&backend::content::PlanOption> = content().all().collect();
        assert!(options
            .iter()
            .any(|o| o.meta.id == "option-stay-with-current-plan"));
        for o in options {
            assert_eq!(o.benefits.len(), o.drawbacks.len(), "{}", o.meta.id);
            assert!(o.benefits.len() >= 2, "{}", o.meta.id);
            let b: usize = o.benefits.iter().map(String::len).sum();
            let d: usize = o.drawbacks.iter().map(String::len).sum();
            let ratio = b as f64 / d as f64;
            assert!((0.75..=1.33).contains(&ratio), "{}: {b} v {d}", o.meta.id);
        }
    }

    #[test]
    fn every_phone_number_has_a_dated_source() {
        for org in content().all::<backend::content::Organisation>() {
            let Some(phone) = &org.phone else { continue };
            let dated: Vec<&str> = org
                .meta
                .sources
                .iter()
                .filter_map(|id| content().source(id).ok())
                .filter(|s| s.as_of.is_some())
                .map(|s| s.id.as_str())
                .collect();
            assert!(
                !dated.is_empty(),
                "{} shows {phone}: cite a source with an as_of date",
                org.meta.id
            );
        }
        for (id, phone) in [
            ("help-pass", "0800 917 2127"),
            ("help-patient-client-council", "0800 917 0222"),
            ("help-macmillan", "0808 808 00 00"),
        ] {
            let org = content().organisation(id).expect("org");
            assert_eq!(org.phone.as_deref(), Some(phone), "{id}");
            // The organisation's own source names the same number.
            assert!(
                org.meta.sources.iter().any(|s| content()
                    .source(s)
                    .is_ok_and(|s| s.as_of.is_some() && s.description.contains(phone))),
                "{id}: a dated source gives {phone}"
            );
        }
        let llais = content().organisation("help-llais").expect("llais");
        assert!(llais.phone.is_none() && llais.how_to_reach.contains("Llais's own website"));
        // The help services' ways to reach them never depend on the GP, who may be the problem.
        for org in content().all::<backend::content::Organisation>() {
            assert!(
                !org.how_to_reach.contains("GP"),
                "{}: {}",
                org.meta.id,
                org.how_to_reach
            );
        }
    }

    #[test]
    fn records_of_someone_who_died_name_each_nations_law() {
        for (nation, law, not) in [
            (
                Nation::England,
                "Access to Health Records Act 1990",
                "Order 1993",
            ),
            (
                Nation::Scotland,
                "Access to Health Records Act 1990",
                "Order 1993",
            ),
            (
                Nation::Wales,
                "Access to Health Records Act 1990",
                "Order 1993",
            ),
            (
                Nation::NorthernIreland,
                "Access to Health Records (Northern Ireland) Order 1993",
                "Act 1990",
            ),
        ] {
            let text = content()
                .records_guides(nation)
                .iter()
                .flat_map(|r| r.text.iter().cloned())
                .collect::<Vec<_>>()
                .join(" ");
            assert!(text.contains(law), "{nation:?}: {law}");
            assert!(!text.contains(not), "{nation:?} mentions {not}");
            assert!(text.contains("day they receive your request"), "{nation:?}");
            assert!(
                text.contains("before the first month ends, and give the reason"),
                "{nation:?}"
            );
            assert!(
                text.contains("Information Commissioner's Office"),
                "{nation:?}"
            );
        }
    }

    #[test]
    fn every_nation_has_its_own_help_and_uk_wide_help() {
        let own = [
            (Nation::England, "help-pals", "PALS"),
            (Nation::Scotland, "help-pass", "PASS"),
            (Nation::Wales, "help-llais", "Llais"),
            (
                Nation::NorthernIreland,
                "help-patient-client-council",
                "Patient and Client Council",
            ),
        ];
        for (nation, id, name) in own {
            let help = content().help(nation);
            assert_eq!(
                help[0].meta.id, id,
                "{nation:?}: its own service comes first"
            );
            assert_eq!(help[0].meta.nations, [nation]);
            assert!(help[0].meta.title.contains(name));
            let all = ids(help.iter().map(|o| &o.meta));
            for uk in [
                "help-citizens-advice",
                "help-patients-association",
                "help-macmillan",
            ] {
                assert!(all.contains(&uk), "{nation:?} lacks {uk}");
            }
            // No other nation's own service.
            for (other, other_id, _) in own {
                if other != nation {
                    assert!(!all.contains(&other_id), "{nation:?} shows {other_id}");
                }
            }
        }
        for org in content().all::<backend::content::Organisation>() {
            assert!(
                org.phone.is_some() || !org.how_to_reach.is_empty(),
                "{}: says how to reach them",
                org.meta.id
            );
        }
        let pa = content()
            .organisation("help-patients-association")
            .expect("pa");
        assert_eq!(pa.phone.as_deref(), Some("0800 345 7115"));
        let pals = content().organisation("help-pals").expect("pals");
        assert!(pals.phone.is_none() && pals.how_to_reach.contains("reception"));
    }

    #[test]
    fn safety_notices_cover_every_nation() {
        for nation in Nation::ALL {
            let notices = content().notices(nation);
            assert_eq!(notices[0].level, NoticeLevel::Emergency, "emergency first");
            let text = |level: NoticeLevel| -> String {
                notices
                    .iter()
                    .filter(|n| n.level == level)
                    .flat_map(|n| n.text.iter().cloned())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let emergency = text(NoticeLevel::Emergency);
            assert!(emergency.contains("999"), "{nation:?}");
            assert_eq!(
                emergency.contains("111"),
                nation != Nation::NorthernIreland,
                "Northern Ireland has no 111 line"
            );
            assert_eq!(
                emergency.contains("NHS 24"),
                nation == Nation::Scotland,
                "NHS 24 on 111 in Scotland only"
            );
            let urgent = text(NoticeLevel::Urgent);
            assert!(
                urgent.contains("not") && urgent.contains("second opinion"),
                "{nation:?}"
            );
            assert_eq!(
                urgent.contains("Martha's Rule"),
                nation == Nation::England,
                "Martha's Rule is for England only"
            );
            assert!(urgent.contains("urgent review"), "{nation:?}");
            let caution = text(NoticeLevel::Caution);
            assert!(caution.contains("Cancer") && caution.contains("mental health"));
            let first_screen = content().for_step(Step::Situation, nation);
            assert!(
                matches!(first_screen[0], Item::Notice(_)),
                "safety comes first"
            );
        }
        // Before the nation is known, the line names every nation's route.
        let home = content().home().expect("home");
        for route in [
            "999",
            "NHS 111 in England",
            "NHS 111 Wales",
            "NHS 24 on 111",
            "Northern Ireland, your GP practice or GP out-of-hours",
        ] {
            assert!(
                home.emergency.contains(route),
                "{route}: {}",
                home.emergency
            );
        }
    }

    /// The banner line, the crisis route and the safety net, word for word, for each nation.
    #[test]
    fn each_nation_has_its_own_urgent_line_crisis_route_and_safety_net() {
        for crate::support::NationLines {
            nation,
            urgent,
            crisis,
            safety_net: net,
        } in crate::support::NATION_LINES
        {
            let g = content().guidance(nation);
            assert!(
                g.urgent_line.starts_with("In an emergency call 999."),
                "{nation:?}"
            );
            assert!(
                g.urgent_line.contains(urgent),
                "{nation:?}: {}",
                g.urgent_line
            );
            let text_of = |id: &str| -> String {
                g.notices
                    .iter()
                    .find(|n| n.meta.id == id)
                    .unwrap_or_else(|| panic!("{nation:?} has no {id}"))
                    .text
                    .join(" ")
            };
            let suffix = match nation {
                Nation::England => "england",
                Nation::Wales => "wales",
                Nation::Scotland => "scotland",
                Nation::NorthernIreland => "northern-ireland",
            };
            let crisis_text = text_of(&format!("notice-crisis-{suffix}"));
            assert!(crisis_text.contains(crisis), "{nation:?}: {crisis_text}");
            assert!(crisis_text.contains("999") && crisis_text.contains("Samaritans"));
            assert!(crisis_text.contains("116 123"), "{nation:?}");
            let net_text = text_of(&format!("notice-safety-net-{suffix}"));
            assert!(
                net_text.contains(
                    "If you get worse while you wait, do not wait for the second opinion."
                ) && net_text.contains(net)
                    && net_text.contains("In an emergency call 999."),
                "{nation:?}: {net_text}"
            );
            let meds = text_of("notice-keep-taking-medicines");
            assert!(meds.contains("Keep taking your medicines and going to your appointments"));
            assert!(meds.contains("talk first to the doctor who prescribed it"));
            // The crisis route is on steps 1 and 2; the safety net and the medicines caution on
            // the steps where the person waits.
            let steps_of = |id: &str| {
                g.notices
                    .iter()
                    .find(|n| n.meta.id == id)
                    .map(|n| n.meta.steps.clone())
                    .unwrap_or_default()
            };
            assert_eq!(
                steps_of(&format!("notice-crisis-{suffix}")),
                [Step::Situation, Step::IsItRight]
            );
            assert_eq!(
                steps_of("notice-keep-taking-medicines"),
                [Step::IsItRight, Step::ChooseRoute, Step::Ask]
            );
            assert_eq!(
                steps_of(&format!("notice-safety-net-{suffix}")),
                [Step::ChooseRoute, Step::Ask, Step::Prepare]
            );
            // Each nation's Help screen leads with its own urgent line and crisis route.
            let help: Vec<&str> = content()
                .help_notices(nation)
                .iter()
                .map(|n| n.meta.id.as_str())
                .collect();
            assert!(
                help.contains(&format!("notice-crisis-{suffix}").as_str()),
                "{help:?}"
            );
            assert!(help.contains(
                &content()
                    .urgent_line(nation)
                    .expect("line")
                    .meta
                    .id
                    .as_str()
            ));
            assert!(content()
                .help_topics(Some(nation))
                .iter()
                .all(|t| t.meta.id != "help-urgent"));
        }
    }

    /// Northern Ireland has no NHS 111: nothing a person there is shown or printed may say it.
    #[test]
    fn nothing_for_northern_ireland_says_nhs_111() {
        // Everything the person can be shown: reviewer notes are for the clinical reviewer only.
        fn shown(value: impl serde::Serialize) -> String {
            fn strip(v: &mut serde_json::Value) {
                match v {
                    serde_json::Value::Object(map) => {
                        map.remove("reviewer_note");
                        map.values_mut().for_each(strip);
                    }
                    serde_json::Value::Array(list) => list.iter_mut().for_each(strip),
                    _ => {}
                }
            }
            let mut v = serde_json::to_value(value).expect("json");
            strip(&mut v);
            v.to_string()
        }
        let g = content().guidance(Nation::NorthernIreland);
        let all = shown(&g);
        let at = all.find("NHS 111");
        assert!(
            at.is_none(),
            "{}",
            &all[at.unwrap_or(0).saturating_sub(300)..(at.unwrap_or(0) + 100).min(all.len())]
        );
        assert!(g.urgent_line.contains("GP out-of-hours"));
        let help = content().help_notices(Nation::NorthernIreland);
        let topics = content().help_topics(Some(Nation::NorthernIreland));
        let help = shown((help, topics));
        assert!(!help.contains("NHS 111"), "{help}");
        assert!(help.contains("Lifeline") && help.contains("0808 808 8000"));
    }

    #[test]
    fn the_three_questions_about_waiting_and_the_treatment_question_are_in_the_bank() {
        for (id, title) in [
            ("q-safe-to-wait", "How long is it safe to wait?"),
            (
                "q-start-treatment-meanwhile",
                "Could treatment start while a second opinion is arranged?",
            ),
            (
                "q-review-scans-without-appointment",
                "Could another specialist check my scans or samples, with no new appointment?",
            ),
            (
                "q-keep-current-treatment",
                "Should I keep having my current treatment while I get a second opinion?",
            ),
        ] {
            assert_eq!(content().question(id).expect(id).meta.title, title);
        }
        let notice = content()
            .get::<backend::content::Notice>("notice-time-critical")
            .expect("time-critical");
        assert_eq!(
            notice.questions,
            [
                "q-safe-to-wait",
                "q-start-treatment-meanwhile",
                "q-review-scans-without-appointment"
            ]
        );
        assert_eq!(
            notice.meta.steps,
            [Step::IsItRight, Step::ChooseRoute, Step::Ask, Step::Prepare]
        );
    }

    #[test]
    fn the_disclaimer_says_not_advice_no_diagnosis_not_for_emergencies() {
        let d = content().about().expect("about").disclaimer.join(" ");
        for words in [
            "does not give medical advice",
            "does not diagnose",
            "not for emergencies",
            "999",
        ] {
            assert!(d.contains(words), "{words}: {d}");
        }
    }

    #[test]
    fn help_covers_urgent_help_the_steps_the_data_and_a_forgotten_passphrase() {
        let topics = content().help_topics(None);
        assert_eq!(
            ids(topics.iter().map(|t| &t.meta)),
            [
                "help-urgent",
                "help-steps",
                "help-keys",
                "help-data",
                "help-passphrase",
                "help-deleted",
                "help-recent-files"
            ],
            "urgent help comes first"
        );
        let all = |t: &backend::content::Screen| t.intro.join(" ");
        // Before the nation is known: every nation's urgent line and crisis route.
        for words in [
            "999",
            "NHS 111",
            "NHS 111 Wales",
            "NHS 24 on 111",
            "Northern Ireland has no NHS 111",
            "Lifeline",
            "116 123",
        ] {
            assert!(all(topics[0]).contains(words), "{words}");
        }
        assert!(all(topics[2]).contains("Ctrl and P") && all(topics[2]).contains("Ctrl and L"));
        assert!(all(topics[3]).contains("on this computer"));
        assert!(all(topics[4]).contains("recovery code"));
        // What the backups keep after a delete, in the app's own numbers.
        let deleted = all(topics[5]);
        assert!(
            deleted.contains(&format!(
                "keeps the {} newest backups",
                backend::profiles::KEEP_BACKUPS
            )) && deleted.contains(&format!(
                "until up to {} more have been made",
                backend::profiles::KEEP_BACKUPS
            )) && deleted.contains(&format!(
                "more than {} GB together",
                backend::profiles::BACKUPS_BUDGET_BYTES / (1024 * 1024 * 1024)
            )) && deleted.contains(&format!(
                "always the newest {}",
                backend::profiles::MIN_BACKUPS
            )) && backend::profiles::BACKUP_EVERY_HOURS == 24
                && deleted.contains("each day"),
            "{deleted}"
        );
        let recent = all(topics[6]);
        assert!(
            recent.contains("list of recent files") && recent.contains("Clear"),
            "{recent}"
        );
        for t in &topics {
            assert!(
                !t.start_label.is_empty() && !t.intro.is_empty(),
                "{}",
                t.meta.id
            );
            assert_eq!(t.emergency, "In an emergency call 999.");
        }
    }

    #[test]
    fn the_journey_runs_in_order_and_maps_to_screens() {
        let journey = content().journey(Nation::Wales);
        assert_eq!(
            ids(journey.iter().map(|j| &j.meta)),
            [
                "journey-talk-to-gp",
                "journey-choose-specialist",
                "journey-ask-for-referral",
                "journey-gather-records",
                "journey-prepare",
                "journey-attend",
                "journey-weigh-up",
                "journey-decide",
                "journey-tell-both-doctors",
            ]
        );
        for step in &journey {
            assert!(
                !step.meta.steps.is_empty(),
                "{} is on a screen",
                step.meta.id
            );
        }
        let records = content().for_step(Step::Records, Nation::Wales);
        let on_records: Vec<&str> = records.iter().map(|i| i.meta().id.as_str()).collect();
        for id in [
            "journey-gather-records",
            "records-how-to-ask",
            "letter-records-request",
        ] {
            assert!(on_records.contains(&id), "{id} on the records screen");
        }
        assert!(records
            .iter()
            .all(|i| i.meta().steps.contains(&Step::Records)));
    }

    #[test]
    fn every_screen_has_content_for_every_nation() {
        for nation in Nation::ALL {
            for step in Step::ALL {
                let items = content().for_step(step, nation);
                assert!(!items.is_empty(), "{step:?} in {nation:?}");
                assert!(items.iter().all(|i| i.meta().applies_to(nation)));
            }
        }
        // The screens a person acts on have practical content, not only notices.
        let kinds = |step: Step| -> BTreeSet<&'static str> {
            content()
                .for_step(step, Nation::England)
                .iter()
                .map(|i| i.kind())
                .collect()
        };
        assert!(
            kinds(Step::IsItRight).is_superset(&["reason", "consideration", "first-step"].into())
        );
        assert!(kinds(Step::ChooseRoute).is_superset(&["route", "right", "organisation"].into()));
        assert!(kinds(Step::Ask).is_superset(&["way-to-ask", "letter", "faq"].into()));
        assert!(kinds(Step::Prepare).is_superset(&["question", "bring-item"].into()));
        assert!(kinds(Step::DecideAndTell).contains("letter"));
    }

    #[test]
    fn reasons_cover_worries_and_situations() {
        let reasons = content().reasons(Nation::England);
        let worries = reasons
            .iter()
            .filter(|r| r.group == ReasonGroup::Worry)
            .count();
        let situations = reasons
            .iter()
            .filter(|r| r.group == ReasonGroup::Situation)
            .count();
        assert!(
            worries >= 6 && situations >= 6,
            "{worries} worries, {situations} situations"
        );
        let first_steps = ids(content()
            .first_steps(Nation::England)
            .iter()
            .map(|f| &f.meta));
        assert!(first_steps.contains(&"first-step-ask-to-explain"));
        assert!(first_steps.contains(&"first-step-write-down-worries"));
    }

    #[test]
    fn ways_to_ask_cover_each_style() {
        let ways = content().ways_to_ask(Nation::Scotland);
        for style in [AskStyle::Direct, AskStyle::Decision, AskStyle::ViaGp] {
            assert!(ways.iter().any(|w| w.style == style), "{style:?}");
        }
        for to in [Audience::Gp, Audience::Consultant] {
            assert!(ways.iter().any(|w| w.to == to), "{to:?}");
        }
        for w in ways {
            assert!(
                plain::words(&w.phrasing).len() <= 30,
                "{} is short",
                w.meta.id
            );
        }
    }

    #[test]
    fn a_way_to_ask_does_not_repeat_who_it_is_for() {
        // The screen shows "To your GP: Plain and honest": a title that names the doctor again
        // reads "To your GP: Plain and honest, to your GP".
        for nation in Nation::ALL {
            for w in content().ways_to_ask(nation) {
                let title = w.meta.title.to_lowercase();
                assert!(
                    !title.contains("your gp") && !title.contains("your consultant"),
                    "{}: {}",
                    w.meta.id,
                    w.meta.title
                );
            }
        }
    }

    #[test]
    fn each_step_opens_with_its_own_part_of_the_journey() {
        // A step's intro is the first journey item that names it; two steps opening with the
        // same item repeat each other ("Ask for it" said again what "Is it right?" said).
        for nation in Nation::ALL {
            let journey = content().journey(nation);
            let mut seen = BTreeMap::new();
            for step in Step::ALL {
                let Some(first) = journey.iter().find(|j| j.meta.steps.contains(&step)) else {
                    continue;
                };
                if let Some(other) = seen.insert(first.meta.id.clone(), step) {
                    panic!(
                        "{nation:?}: {other:?} and {step:?} both open with {}",
                        first.meta.id
                    );
                }
            }
            let ask = journey.iter().find(|j| j.meta.steps.contains(&Step::Ask));
            assert_eq!(
                ask.map(|j| j.meta.title.as_str()),
                Some("Ask for the referral")
            );
        }
    }

    #[test]
    fn the_question_bank_is_grouped_short_and_plain() {
        let topics = content().question_topics(Nation::NorthernIreland);
        assert_eq!(
            ids(topics.iter().map(|t| &t.meta)),
            [
                "topic-diagnosis",
                "topic-tests",
                "topic-treatment-options",
                "topic-risks",
                "topic-doing-nothing",
                "topic-trials",
                "topic-daily-life",
                "topic-practical",
                "topic-after",
            ]
        );
        let mut total = 0;
        for topic in topics {
            let questions = content().questions(&topic.meta.id, Nation::NorthernIreland);
            assert!(
                questions.len() >= 5,
                "{}: {} questions",
                topic.meta.id,
                questions.len()
            );
            for q in &questions {
                assert!(q.meta.id.starts_with("q-"), "{}", q.meta.id);
                assert!(q.meta.title.ends_with('?'), "{} is a question", q.meta.id);
                assert!(
                    plain::words(&q.meta.title).len() <= 14,
                    "{} is short",
                    q.meta.id
                );
                assert_eq!(
                    content().question(&q.meta.id).expect("by id").meta.title,
                    q.meta.title
                );
            }
            total += questions.len();
        }
        assert!(total >= 60, "{total} questions");
    }

    #[test]
    fn the_checklist_records_and_faqs_cover_what_people_ask() {
        let bring = ids(content()
            .what_to_bring(Nation::England)
            .iter()
            .map(|b| &b.meta));
        for id in [
            "bring-letters",
            "bring-test-results",
            "bring-scans",
            "bring-pathology",
            "bring-medicines",
            "bring-timeline",
            "bring-questions",
            "bring-companion",
        ] {
            assert!(bring.contains(&id), "{id}");
        }
        let records: String = content()
            .records_guides(Nation::England)
            .iter()
            .flat_map(|r| r.text.iter().cloned())
            .collect::<Vec<_>>()
            .join(" ");
        for fact in [
            "free",
            "one calendar month",
            "28 days",
            "two more months",
            "consent",
            "Access to Health Records Act 1990",
        ] {
            assert!(records.contains(fact), "records guidance mentions '{fact}'");
        }
        let faqs = ids(content().faqs(Nation::England).iter().map(|f| &f.meta));
        for id in [
            "faq-upset-doctor",
            "faq-permission",
            "faq-is-it-free",
            "faq-insurance",
            "faq-family-ask",
            "faq-opinions-differ",
            "faq-second-doctor-treat",
        ] {
            assert!(faqs.contains(&id), "{id}");
        }
        let differ = content()
            .get::<backend::content::Faq>("faq-opinions-differ")
            .expect("faq");
        assert!(differ.answer.join(" ").contains("third opinion"));
        let family = content()
            .get::<backend::content::Faq>("faq-family-ask")
            .expect("faq");
        assert!(family.answer.join(" ").contains("only if you agree"));
    }

    #[test]
    fn the_about_item_says_what_the_app_does_not_do() {
        let about = content().about().expect("about");
        let not = about.does_not.join(" ");
        for phrase in ["medical advice", "diagnose", "judge"] {
            assert!(not.contains(phrase), "{phrase}");
        }
    }

    /// The variables each letter may use: the case's fields, plus the letter's own.
    fn letter_variables(id: &str) -> Vec<&'static str> {
        let case = vec![
            "patient_name",
            "patient_address",
            "diagnosis",
            "reason",
            "first_doctor_name",
            "first_doctor_workplace",
            "gp_practice_name",
            "gp_practice_address",
            // The voice: who writes (see documents/voice.rs).
            "helper_name",
            "helper_relationship",
            "patient",
        ];
        let own: &[&str] = match id {
            "letter-gp-request" => &["route", "preferred", "right_to_choose"],
            "letter-consultant-request" => &["preferred", "right_to_choose"],
            "letter-records-request" => &["date_asked", "records_holder"],
            "letter-carer-authorisation" => &["carer_name", "relationship", "from", "until"],
            "letter-decision" => &[
                "decision",
                "reasons",
                "second_doctor_name",
                "second_doctor_workplace",
                "noted_different",
                "not_sure",
            ],
            "letter-records-chase" => &[
                "records_holder",
                "date_sent",
                "date_received",
                "date_due",
                "due_approximate",
            ],
            "letter-follow-up" => &["date_asked", "waited", "to_consultant"],
            "letter-other-view" => &[
                "to_first",
                "other_doctor",
                "other_workplace",
                "differences",
                "not_sure",
                "questions",
            ],
            id if id.starts_with("letter-concern-") => &[
                "no_reply",
                "date_asked",
                "waited",
                "records_late",
                "records_holder",
                "date_sent",
                "date_received",
                "date_due",
                "due_approximate",
            ],
            _ => &[],
        };
        case.into_iter().chain(own.iter().copied()).collect()
    }

    #[test]
    fn letters_use_only_known_variables_and_document_them() {
        let files = files_on_disk();
        for letter in content().letters() {
            let env = minijinja::Environment::new();
            let template = env
                .template_from_str(&letter.body)
                .expect("template parses");
            let used = template.undeclared_variables(false);
            let allowed = letter_variables(&letter.meta.id);
            let (path, text) = files
                .iter()
                .find(|(_, t)| t.contains(&format!("id = \"{}\"", letter.meta.id)))
                .expect("letter file");
            let header: String = text
                .lines()
                .take_while(|l| l.starts_with('#'))
                .collect::<Vec<_>>()
                .join("\n");
            for var in &used {
                assert!(
                    allowed.contains(&var.as_str()),
                    "{}: '{var}' is not a variable the documents provide",
                    letter.meta.id
                );
                let named = header.match_indices(var.as_str()).any(|(at, _)| {
                    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
                    !header[..at].ends_with(ident) && !header[at + var.len()..].starts_with(ident)
                });
                assert!(
                    named,
                    "{path}: document '{var}' in the comment at the top of the file"
                );
            }
            assert!(!letter.file_stem.is_empty() && letter.file_stem.is_ascii());
        }
    }

    #[test]
    fn letters_render_with_full_and_empty_values() {
        let env = minijinja::Environment::new();
        for letter in content().letters() {
            let vars = letter_variables(&letter.meta.id);
            let full: BTreeMap<&str, String> =
                vars.iter().map(|v| (*v, format!("<{v}>"))).collect();
            let text = env.render_str(&letter.body, &full).expect("renders");
            for v in minijinja::Environment::new()
                .template_from_str(&letter.body)
                .expect("parses")
                .undeclared_variables(false)
                .into_iter()
                // Choices that pick the words rather than being printed.
                .filter(|v| {
                    ![
                        "route",
                        "right_to_choose",
                        "helper_name",
                        "due_approximate",
                        "to_consultant",
                        "to_first",
                        "no_reply",
                        "records_late",
                    ]
                    .contains(&v.as_str())
                })
            {
                assert!(
                    text.contains(&format!("<{v}>")),
                    "{}: {v} is printed",
                    letter.meta.id
                );
            }
            let empty: BTreeMap<&str, String> = vars.iter().map(|v| (*v, String::new())).collect();
            let text = env.render_str(&letter.body, &empty).expect("renders empty");
            for bad in ["{{", "{%", "none", "undefined", " ,", " ."] {
                assert!(
                    !text.contains(bad),
                    "{}: empty values leave '{bad}'",
                    letter.meta.id
                );
            }
            assert!(text.split("\n\n").filter(|p| !p.trim().is_empty()).count() >= 2);
        }
    }

    #[test]
    fn items_serialise_with_their_kind_and_metadata() {
        let item = content().item("route-private-gp").expect("item");
        let json = serde_json::to_value(item).expect("json");
        assert_eq!(json["kind"], "route");
        assert_eq!(json["id"], "route-private-gp");
        assert_eq!(json["steps"][0], "choose-route");
        assert_eq!(json["reviewed"], "2026-12-01");
        assert!(json["benefits"].is_array());
        assert!(json.get("reviewer_note").is_none());
        let abroad =
            serde_json::to_value(content().item("route-abroad").expect("item")).expect("json");
        assert!(abroad["reviewer_note"].is_string());
    }

    #[test]
    fn typed_lookups_refuse_the_wrong_kind_or_a_missing_id() {
        assert!(content().route("q-tests-more").is_err());
        assert!(matches!(
            content().item("no-such-item"),
            Err(Error::Content(_))
        ));
        assert!(content().letter("letter-decision").is_ok());
        assert!("after-appointment".parse::<Step>().is_ok());
    }

    #[test]
    fn broken_content_on_disk_is_refused() {
        let broken_ref = files_on_disk()
            .into_iter()
            .map(|(p, t)| {
                let t = if p.ends_with("routes.toml") {
                    t.replacen("\"help-pals\"", "\"help-palz\"", 1)
                } else {
                    t
                };
                (p, t)
            })
            .collect::<Vec<_>>();
        let msg = match Content::load(broken_ref) {
            Err(Error::Content(msg)) => msg,
            other => panic!("a broken reference was accepted: {other:?}"),
        };
        assert!(msg.contains("help-palz"), "{msg}");

        let no_scotland = files_on_disk()
            .into_iter()
            .map(|(p, t)| {
                let t = if p.ends_with("help.toml") {
                    t.replace(
                        "nations = [\"england\", \"scotland\", \"wales\", \"northern-ireland\"]",
                        "nations = [\"england\", \"wales\", \"northern-ireland\"]",
                    )
                    .replace("nations = [\"scotland\"]", "nations = [\"wales\"]")
                } else {
                    t
                };
                (p, t)
            })
            .collect::<Vec<_>>();
        let loaded = Content::load(no_scotland).expect("loads");
        let msg = match loaded.check_complete() {
            Err(Error::Content(msg)) => msg,
            other => panic!("a nation without help was accepted: {other:?}"),
        };
        assert!(msg.contains("Scotland"), "{msg}");

        let no_source = files_on_disk()
            .into_iter()
            .map(|(p, t)| {
                let t = if p.ends_with("about.toml") {
                    t.replace("sources = [\"uk-facts\"]\n", "")
                } else {
                    t
                };
                (p, t)
            })
            .collect::<Vec<_>>();
        assert!(
            Content::load(no_source).is_err(),
            "an item without sources was accepted"
        );
    }

    #[test]
    fn considerations_are_typed_by_side() {
        let all: Vec<&Consideration> = content().all::<Consideration>().collect();
        assert!(all.iter().any(|c| c.side == Side::Benefit));
        assert!(all.iter().any(|c| c.side == Side::Drawback));
    }
}
