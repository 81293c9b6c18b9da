//! The backend's modules form a one-way graph: each top-level module imports only modules in
//! the layers below it (the layers are drawn at the top of `ARCHITECTURE.md`), and no two files
//! of one folder import each other in a circle. Read from the source, so a new `use` that
//! points the wrong way fails here before it spreads. And no source file grows past
//! [`MAX_LINES`]: a file that size is split by what its parts do (its tests in `tests.rs`); no
//! function grows past [`MAX_FUNCTION_LINES`]: one that long is split into the steps it takes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lowest first. A module may import any module of a lower layer, none of its own or a higher
/// one. Every top-level module of `backend/src` must be listed.
const LAYERS: &[&[&str]] = &[
    &["error"],
    &["dates", "file_names", "preferences", "private_files"],
    &["model"],
    &["content"],
    &["journey"],
    &["cases"],
    &["profiles"],
    &["documents", "calendar"],
    &["app"],
    &["bindings"],
];

/// One source file: its module path (`["cases", "store", "drafts"]`; `cases.rs` and
/// `cases/mod.rs` are both `["cases"]`) and its code without comments.
struct Source {
    module: Vec<String>,
    code: String,
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The code without comments, so doc links and prose do not count as imports.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let end = s.find(|c: char| !is_ident_char(c)).unwrap_or(s.len());
    &s[..end]
}

/// The first segment of each path after `prefix` (`crate::`, `super::`): `crate::cases::Store`
/// gives `cases`, and `crate::{cases::Store, model::Nation}` gives both, with the rest of the
/// path after it.
fn paths_after<'a>(code: &'a str, prefix: &str) -> Vec<(&'a str, &'a str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = code[from..].find(prefix) {
        let at = from + i;
        from = at + prefix.len();
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| is_ident_char(c) || c == '$') {
            continue;
        }
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0usize;
            let mut start = 0usize;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.push(group[start..j].trim_start());
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(group[start..j].trim_start());
                        start = j + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(rest);
        }
    }
    out.into_iter()
        .map(|p| (ident(p), p))
        .filter(|(first, _)| !first.is_empty())
        .collect()
}

/// Every `.rs` file under `src`, with its module path.
fn read_sources(src: &Path) -> Vec<Source> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(src).expect("under src");
            let mut module: Vec<String> = rel
                .with_extension("")
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod" || m == "lib") {
                module.pop();
            }
            let code = without_comments(&std::fs::read_to_string(&path).expect("read"));
            Source { module, code }
        })
        .collect()
}

/// Top-level module → the top-level modules it imports.
fn module_edges(sources: &[Source]) -> BTreeMap<String, BTreeSet<String>> {
    let top: BTreeSet<&str> = sources
        .iter()
        .filter_map(|s| s.module.first().map(String::as_str))
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in sources {
        let Some(from) = s.module.first() else {
            continue;
        };
        let mut to: Vec<&str> = paths_after(&s.code, "crate::")
            .into_iter()
            .map(|(first, _)| first)
            .collect();
        // In a file directly under src, `super::` is the crate itself.
        if s.module.len() == 1 {
            to.extend(paths_after(&s.code, "super::").into_iter().map(|(f, _)| f));
        }
        for m in to {
            if m != from && top.contains(m) {
                edges.entry(from.clone()).or_default().insert(m.to_owned());
            }
        }
    }
    edges
}

/// Every import that points to a module of the same or a higher layer, as "from → to".
fn wrong_way(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut out = Vec::new();
    for (from, tos) in edges {
        for to in tos {
            match (layer_of(from), layer_of(to)) {
                (Some(f), Some(t)) if t < f => {}
                (None, _) => out.push(format!("{from} is in no layer (add it to LAYERS)")),
                (_, None) => out.push(format!("{to} is in no layer (add it to LAYERS)")),
                _ => out.push(format!("{from} → {to}")),
            }
        }
    }
    out
}

/// File → the sibling files (same folder) it imports, by `super::x` or `crate::…::x`.
fn sibling_edges(sources: &[Source]) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let modules: BTreeSet<&Vec<String>> = sources.iter().map(|s| &s.module).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for s in sources {
        let Some((_, parent)) = s.module.split_last() else {
            continue;
        };
        let mut targets: Vec<Vec<String>> = Vec::new();
        for (first, _) in paths_after(&s.code, "super::") {
            let mut m = parent.to_vec();
            m.push(first.to_owned());
            targets.push(m);
        }
        for (_, path) in paths_after(&s.code, "crate::") {
            // The longest module path that `crate::a::b::c` starts with.
            let segments: Vec<&str> = path
                .split("::")
                .map(ident)
                .take_while(|seg| !seg.is_empty())
                .collect();
            for n in (1..=segments.len()).rev() {
                let m: Vec<String> = segments[..n].iter().map(|x| (*x).to_owned()).collect();
                if modules.contains(&m) {
                    targets.push(m);
                    break;
                }
            }
        }
        for t in targets {
            let sibling = t.len() == s.module.len() && t[..t.len() - 1] == *parent;
            if sibling && t != s.module && modules.contains(&t) {
                edges.entry(s.module.clone()).or_default().insert(t);
            }
        }
    }
    edges
}

/// The files in a circle of imports, if any (depth-first search for a back edge).
fn a_cycle<N: Ord + Clone>(edges: &BTreeMap<N, BTreeSet<N>>) -> Option<Vec<N>> {
    fn visit<N: Ord + Clone>(
        n: &N,
        edges: &BTreeMap<N, BTreeSet<N>>,
        path: &mut Vec<N>,
        done: &mut BTreeSet<N>,
    ) -> Option<Vec<N>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            let mut cycle = path[i..].to_vec();
            cycle.push(n.clone());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.clone());
        for next in edges.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.clone());
        None
    }
    let mut done = BTreeSet::new();
    for n in edges.keys() {
        if let Some(c) = visit(n, edges, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

fn backend_sources() -> Vec<Source> {
    read_sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

#[test]
fn every_module_imports_only_the_layers_below_it() {
    let sources = backend_sources();
    let top: BTreeSet<&str> = sources
        .iter()
        .filter_map(|s| s.module.first().map(String::as_str))
        .collect();
    let unplaced: Vec<&&str> = top.iter().filter(|m| layer_of(m).is_none()).collect();
    assert!(unplaced.is_empty(), "modules in no layer: {unplaced:?}");
    let wrong = wrong_way(&module_edges(&sources));
    assert!(
        wrong.is_empty(),
        "imports that point the wrong way (see ARCHITECTURE.md):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_files_of_one_folder_import_each_other_in_a_circle() {
    let cycle = a_cycle(&sibling_edges(&backend_sources()));
    assert!(
        cycle.is_none(),
        "files that import each other: {:?}",
        cycle.map(|c| c.iter().map(|m| m.join("::")).collect::<Vec<_>>())
    );
}

/// The most lines a source file (under a crate's `src/`) may have.
const MAX_LINES: usize = 600;

/// Every `.rs` file under `src/` of the backend, the printing crate and the shell.
fn every_source_file() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = Vec::new();
    for krate in ["backend", "printing", "src-tauri"] {
        walk(&root.join(krate).join("src"), &mut out);
    }
    out
}

#[test]
fn no_source_file_is_over_the_line_limit() {
    let files = every_source_file();
    assert!(files.len() > 50, "found only {} files", files.len());
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).expect("read").lines().count();
            (n > MAX_LINES).then(|| format!("{}: {n} lines", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these by what their parts do (tests into tests.rs):\n{}",
        long.join("\n")
    );
}

/// The most lines a function (from its `fn` line to its closing brace) may have.
const MAX_FUNCTION_LINES: usize = 80;

/// Functions over [`MAX_FUNCTION_LINES`] allowed for now, as (file under the repository,
/// function): none. An entry that is no longer long fails the test, so the list only shrinks.
const LONG_FUNCTIONS_ALLOWED: &[(&str, &str)] = &[];

/// `text` with its comments, string literals and character literals blanked (newlines kept),
/// so the braces left are the code's own.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // Pushes the newlines of chars[from..to], so line numbers stay true.
    let blank = |out: &mut String, from: usize, to: usize| {
        out.extend(chars[from..to].iter().filter(|c| **c == '\n'));
    };
    let starts = |i: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, c)| chars.get(i + k) == Some(&c))
    };
    while i < chars.len() {
        let c = chars[i];
        let prev_ident = i > 0 && is_ident_char(chars[i - 1]);
        let end = if starts(i, "//") {
            (i..chars.len())
                .find(|&j| chars[j] == '\n')
                .unwrap_or(chars.len())
        } else if starts(i, "/*") {
            (i + 2..chars.len())
                .find(|&j| starts(j, "*/"))
                .map_or(chars.len(), |j| j + 2)
        } else if (c == 'r' || starts(i, "br")) && !prev_ident && raw_string_at(&chars, i).is_some()
        {
            raw_string_at(&chars, i).unwrap_or(i + 1)
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            j + 1
        } else if c == '\'' && char_literal_at(&chars, i).is_some() {
            char_literal_at(&chars, i).unwrap_or(i + 1)
        } else {
            out.push(c);
            i += 1;
            continue;
        };
        let end = end.min(chars.len());
        blank(&mut out, i, end);
        i = end;
    }
    out
}

/// Where a raw string (`r"…"`, `r#"…"#`, `br"…"`) that starts at `i` ends, if one does.
fn raw_string_at(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i + if chars[i] == 'b' { 2 } else { 1 };
    let hashes = chars[j..].iter().take_while(|c| **c == '#').count();
    j += hashes;
    if chars.get(j) != Some(&'"') {
        return None;
    }
    let close: Vec<char> = std::iter::once('"')
        .chain(std::iter::repeat_n('#', hashes))
        .collect();
    (j + 1..chars.len())
        .find(|&k| chars[k..].starts_with(&close))
        .map(|k| k + close.len())
}

/// Where a character literal (`'{'`, `'\''`, `'\u{7b}'`) that starts at `i` ends; `None`
/// for a lifetime (`'a`).
fn char_literal_at(chars: &[char], i: usize) -> Option<usize> {
    if chars.get(i + 1) == Some(&'\\') {
        (i + 3..chars.len().min(i + 12))
            .find(|&k| chars[k] == '\'')
            .map(|k| k + 1)
    } else {
        (chars.get(i + 2) == Some(&'\'')).then_some(i + 3)
    }
}

/// The name after `fn ` on a line that starts a function (after `pub`, `const`, `async`…).
fn function_name(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    loop {
        let word = ident(rest);
        match word {
            "pub" | "const" | "async" | "unsafe" | "extern" | "default" => {
                rest = rest[word.len()..].trim_start();
                if let Some(r) = rest.strip_prefix("(") {
                    rest = r[r.find(')')? + 1..].trim_start();
                }
            }
            "fn" => return Some(ident(rest[2..].trim_start())).filter(|n| !n.is_empty()),
            _ => return None,
        }
    }
}

/// Every function with a body in `code` (as [`code_only`] gives it): its name, first line
/// (counting from 1) and length in lines.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let Some(name) = function_name(line) else {
            continue;
        };
        let mut depth = 0usize;
        let mut opened = false;
        'scan: for (n, l) in lines[start..].iter().enumerate() {
            for c in l.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth = depth.saturating_sub(1),
                    // A declaration without a body (in a trait, or `extern`).
                    ';' if !opened => break 'scan,
                    _ => {}
                }
                if opened && depth == 0 {
                    out.push((name.to_owned(), start + 1, n + 1));
                    break 'scan;
                }
            }
        }
    }
    out
}

#[test]
fn no_function_is_over_the_line_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut long = Vec::new();
    let mut allowed_seen = BTreeSet::new();
    for file in every_source_file() {
        let rel = file.strip_prefix(&root).expect("under the repository");
        let rel = rel.to_string_lossy().replace('\\', "/");
        let code = code_only(&std::fs::read_to_string(&file).expect("read"));
        for (name, line, n) in functions(&code) {
            if n <= MAX_FUNCTION_LINES {
                continue;
            }
            if LONG_FUNCTIONS_ALLOWED.contains(&(rel.as_str(), name.as_str())) {
                allowed_seen.insert((rel.clone(), name));
            } else {
                long.push(format!("{rel}:{line} {name}: {n} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "split these into the steps they take (at most {MAX_FUNCTION_LINES} lines each):\n{}",
        long.join("\n")
    );
    let stale: Vec<_> = LONG_FUNCTIONS_ALLOWED
        .iter()
        .filter(|(f, n)| !allowed_seen.contains(&((*f).to_owned(), (*n).to_owned())))
        .collect();
    assert!(
        stale.is_empty(),
        "no longer over the limit: remove from LONG_FUNCTIONS_ALLOWED: {stale:?}"
    );
}

#[test]
fn the_function_check_measures_bodies_and_ignores_braces_in_text() {
    let code = code_only(concat!(
        "pub(crate) async fn one() {\n",
        "    let a = '{';\n",
        "    let b = \"}}}\";\n",
        "    let c = r#\"{\"#; // {\n",
        "    /* } */ if x { y }\n",
        "}\n",
        "fn declared(&self);\n",
        "fn with<'a>(x: &'a str) -> &'a str { x }\n",
    ));
    assert_eq!(
        functions(&code),
        [("one".to_owned(), 1, 6), ("with".to_owned(), 8, 1)]
    );
}

fn source(module: &str, code: &str) -> Source {
    Source {
        module: module.split("::").map(str::to_owned).collect(),
        code: without_comments(code),
    }
}

#[test]
fn the_checks_catch_a_wrong_way_import_and_a_circle() {
    let sources = [
        source("model::case", "use crate::error::Error;\n"),
        source(
            "model::field",
            "use crate::{error::Result, cases::Store};\n/// [`crate::documents`]\n",
        ),
        source("cases", "use crate::model::Nation;\n"),
        source("documents::clinician", "use super::prep_pack::Medicine;\n"),
        source(
            "documents::prep_pack",
            "use crate::documents::clinician::X;\n",
        ),
        source("journey", "use $crate::documents;\n"),
    ];
    assert_eq!(wrong_way(&module_edges(&sources)), ["model → cases"]);
    let cycle = a_cycle(&sibling_edges(&sources)).expect("a circle");
    assert_eq!(cycle.len(), 3, "{:?}", cycle);
}
