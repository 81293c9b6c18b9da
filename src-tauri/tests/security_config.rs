//! The shell's security settings, read from the files Tauri builds from: a strict CSP (no
//! `unsafe-eval`, nothing `unsafe-inline`, no remote origins), the smallest capabilities
//! (no fs, shell, http, dialog, opener or process permission in the webview), and every app
//! command declared for Tauri's permission check and allowed by name, with nothing else allowed.

use std::collections::BTreeSet;
use std::path::Path;

fn read(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json(file: &str) -> serde_json::Value {
    serde_json::from_str(&read(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Tauri's own IPC origin (used on Windows and Android); the only address a CSP may name.
const TAURI_IPC: &str = "http://ipc.localhost";

#[test]
fn the_csp_allows_no_inline_or_eval_scripts_and_no_remote_origins() {
    let conf = json("tauri.conf.json");
    let security = &conf["app"]["security"];
    let csp = security["csp"]
        .as_object()
        .expect("a CSP is set, as directives");
    let script = csp
        .get("script-src")
        .or_else(|| csp.get("default-src"))
        .and_then(|v| v.as_str())
        .expect("scripts are restricted");
    assert_eq!(script, "'self'", "scripts only from the app itself");
    for (directive, value) in csp {
        let value = value.as_str().expect("each directive is text");
        for source in value.split_whitespace() {
            assert!(
                !source.contains("unsafe-eval"),
                "{directive}: unsafe-eval is never allowed"
            );
            // No inline scripts, and no inline styles either.
            assert!(
                !source.contains("unsafe-inline"),
                "{directive}: nothing inline"
            );
            assert_ne!(source, "*", "{directive}: no wildcard");
            let remote = source.starts_with("http:")
                || source.starts_with("https:")
                || source.starts_with("ws:")
                || source.starts_with("wss:")
                || source.contains("://");
            assert!(
                !remote || source == TAURI_IPC,
                "{directive}: remote origin {source}"
            );
        }
    }
    assert_eq!(csp["object-src"], "'none'");
    assert_eq!(csp["frame-ancestors"], "'none'");
    assert_eq!(security["freezePrototype"], true);
    assert_eq!(
        conf["app"]["withGlobalTauri"], false,
        "no Tauri API on window"
    );
    assert!(
        security
            .get("dangerousDisableAssetCspModification")
            .is_none(),
        "Tauri adds its nonces and hashes to the CSP"
    );
}

/// The commands `build.rs` declares to Tauri's permission system.
fn declared_commands() -> BTreeSet<String> {
    let build = read("build.rs");
    let start = build
        .find(".commands(&[")
        .expect("build.rs declares commands");
    let list = &build[start..];
    let list = &list[..list.find("])").expect("end of the list")];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The commands the app registers with `generate_handler!` in `lib.rs`.
fn registered_commands() -> BTreeSet<String> {
    let lib = read("src/lib.rs");
    let start = lib
        .find("generate_handler![")
        .expect("lib.rs registers commands");
    let list = &lib[start..];
    let list = &list[..list.find(']').expect("end of the list")];
    list.split(',')
        .filter_map(|path| path.trim().rsplit("::").next())
        .filter(|name| !name.is_empty() && !name.contains('['))
        .map(str::to_owned)
        .collect()
}

/// The commands `lib.rs` registers, as (domain, name) from `commands::<domain>::<name>`.
fn registered_by_domain() -> BTreeSet<(String, String)> {
    let lib = read("src/lib.rs");
    let start = lib
        .find("generate_handler![")
        .expect("lib.rs registers commands");
    let list = &lib[start + "generate_handler![".len()..];
    let list = &list[..list.find(']').expect("end of the list")];
    list.split(',')
        .map(str::trim)
        .filter(|path| !path.is_empty())
        .map(|path| {
            let parts: Vec<&str> = path.split("::").collect();
            assert_eq!(parts.len(), 3, "commands::<domain>::<name>: {path}");
            assert_eq!(parts[0], "commands", "{path}");
            (parts[1].to_owned(), parts[2].to_owned())
        })
        .collect()
}

/// The backend's one list of commands, as (domain, name).
fn backend_commands() -> BTreeSet<(String, String)> {
    backend::app::COMMANDS
        .iter()
        .flat_map(|(domain, names)| names.iter().map(|n| (domain.to_string(), n.to_string())))
        .collect()
}

#[test]
fn the_shell_registers_and_declares_exactly_the_backends_commands_under_their_domains() {
    assert_eq!(
        registered_by_domain(),
        backend_commands(),
        "generate_handler! lists backend::app::COMMANDS, each as commands::<its domain>::<name>"
    );
    let names: BTreeSet<String> = backend_commands().into_iter().map(|(_, n)| n).collect();
    assert_eq!(
        declared_commands(),
        names,
        "build.rs declares backend::app::COMMANDS"
    );
    // One name per domain in every layer: each domain is a module of the shell's commands.
    for (domain, _) in backend::app::COMMANDS {
        let file = format!("src/commands/{domain}.rs");
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(&file).is_file(),
            "{file}"
        );
    }
}

/// The commands a UI API module calls: every `call<…>('name'` in it.
fn called_commands(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find("call<") {
        rest = &rest[at + "call<".len()..];
        let Some(open) = rest.find("('") else { break };
        let name = &rest[open + 2..];
        let name = &name[..name.find('\'').expect("a closing quote")];
        out.insert(name.to_owned());
    }
    out
}

#[test]
fn the_uis_api_modules_call_exactly_the_backends_commands_under_their_domains() {
    let api = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api");
    for (domain, names) in backend::app::COMMANDS {
        let file = api.join(format!("{domain}.ts"));
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let expected: BTreeSet<String> = names.iter().map(|n| n.to_string()).collect();
        assert_eq!(called_commands(&text), expected, "{}", file.display());
    }
    // Nothing else in the UI calls a command or talks to Tauri.
    let domains: BTreeSet<String> = backend::app::COMMANDS
        .iter()
        .map(|(d, _)| format!("{d}.ts"))
        .collect();
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src"),
        &[".svelte", ".ts"],
        &mut files,
    );
    for file in files {
        let name = file
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let in_api = file.parent() == Some(api.as_path());
        let text = std::fs::read_to_string(&file).expect("source");
        if !(in_api && domains.contains(&name)) {
            assert!(
                called_commands(&text).is_empty(),
                "{}: calls a command outside lib/api/<domain>.ts",
                file.display()
            );
        }
        if !(in_api && (name == "call.ts" || name == "window.ts")) {
            assert!(
                !text.contains("@tauri-apps/api"),
                "{}: only lib/api/call.ts and window.ts talk to Tauri",
                file.display()
            );
        }
    }
}

#[test]
fn every_command_is_declared_for_the_permission_check_and_allowed_by_name() {
    let registered = registered_commands();
    let declared = declared_commands();
    assert!(registered.len() >= 10, "{registered:?}");
    assert_eq!(
        registered, declared,
        "every command in generate_handler! is declared in build.rs, and no other"
    );
    let capability = json("capabilities/main.json");
    let allowed: BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("each permission is a name").to_owned())
        .collect();
    let expected: BTreeSet<String> = declared
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    let app_allowed: BTreeSet<String> = allowed
        .iter()
        .filter(|p| !p.contains(':'))
        .cloned()
        .collect();
    assert_eq!(
        app_allowed, expected,
        "the webview may call exactly the app's own commands"
    );
    for p in &allowed {
        if let Some((plugin, _)) = p.split_once(':') {
            assert!(
                plugin == "core",
                "{p}: no plugin permission (fs, shell, http, dialog, opener, process) in the webview"
            );
            assert!(
                [
                    "core:event:default",
                    "core:window:allow-destroy",
                    "core:window:allow-set-focus",
                    // The About screen shows the app's version.
                    "core:app:allow-version",
                ]
                .contains(&p.as_str()),
                "{p}: a core permission this app does not need"
            );
        }
    }
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert!(
        capability.get("remote").is_none(),
        "no remote page may call commands"
    );
}

/// WebView2 (Windows) keeps what is typed into forms (names, addresses, free text) in the
/// webview's profile and offers it again as suggestions: a name or a diagnosis typed once
/// would be shown to the next person at the computer, outside the encrypted profile. Every
/// window turns that off (`IsGeneralAutofillEnabled`; a no-op on WebKit). WebView2's password
/// autosave is off unless an app turns it on, and nothing here does.
#[test]
fn every_window_keeps_no_autofill_suggestions() {
    let conf = json("tauri.conf.json");
    let windows = conf["app"]["windows"].as_array().expect("windows");
    assert!(!windows.is_empty());
    for window in windows {
        assert_eq!(
            window["generalAutofillEnabled"],
            serde_json::Value::Bool(false),
            "window {}",
            window["label"]
        );
    }
    // A window built in code must say so too (one from the config carries the setting).
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &["rs"],
        &mut files,
    );
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        for (i, _) in text.match_indices("WebviewWindowBuilder::new") {
            let rest = &text[i..];
            let call = &rest[..rest.find(".build()").unwrap_or(rest.len())];
            assert!(
                call.contains(".general_autofill_enabled(false)"),
                "{}: a window built without general_autofill_enabled(false)",
                file.display()
            );
        }
    }
}

#[test]
fn the_shell_has_no_file_shell_or_network_plugin() {
    let cargo = read("Cargo.toml");
    for plugin in [
        "tauri-plugin-fs",
        "tauri-plugin-shell",
        "tauri-plugin-http",
        "tauri-plugin-process",
        "tauri-plugin-updater",
    ] {
        assert!(!cargo.contains(plugin), "{plugin} is not used");
    }
}

/// Every file under `dir` (recursively) whose name ends with one of `exts`.
fn sources(dir: &Path, exts: &[&str], out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, exts, out);
        } else if exts.iter().any(|e| path.to_string_lossy().ends_with(e)) {
            out.push(path);
        }
    }
}

#[test]
fn no_outside_links_and_the_opener_only_opens_saved_documents() {
    // Today the app links to no outside website. When one is added it must open only on a
    // click, in the system browser, to an address listed in content: a command with that check,
    // not an <a href> or window.open in the webview (the CSP and capabilities would block it).
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src");
    let mut files = Vec::new();
    sources(&ui, &[".svelte", ".ts"], &mut files);
    assert!(files.len() > 10, "the UI's sources are found");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source");
        for bad in [
            "href=\"http",
            "href='http",
            "window.open(",
            "target=\"_blank\"",
            "location.href =",
        ] {
            assert!(!text.contains(bad), "{}: {bad}", file.display());
        }
    }
    let mut shell = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[".rs"],
        &mut shell,
    );
    for file in shell {
        let text = std::fs::read_to_string(&file).expect("source");
        assert!(
            !text.contains("open_url("),
            "{}: no web address is opened without the content check",
            file.display()
        );
    }
}

#[test]
fn every_command_runs_off_the_main_thread() {
    // Tauri runs a synchronous command on the main thread, where a slow one (a backup, a
    // document, opening a profile) would freeze the window; `async` commands run on its pool.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&dir, &[".rs"], &mut files);
    let mut commands = 0;
    let mut sync = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source");
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let line = line.trim();
            if !line.starts_with("#[tauri::command") {
                continue;
            }
            commands += 1;
            let next = lines.get(i + 1).map_or("", |l| l.trim());
            if !(line.contains("async") || next.contains("async fn")) {
                sync.push(format!("{}: {next}", file.display()));
            }
        }
    }
    assert!(
        commands >= registered_commands().len(),
        "every registered command is found"
    );
    assert!(sync.is_empty(), "synchronous commands: {sync:#?}");
}
