//! The backend's modules form a one-way graph: each top-level module imports only modules in
//! the layers below it (the layers are drawn at the top of `ARCHITECTURE.md`), and no two files
//! of one folder import each other in a circle. Read from the source, so a new `use` that
//! points the wrong way fails here before it spreads. And no source file grows past
//! [`MAX_LINES`]: a file that size is split by what its parts do (its tests in `tests.rs`).

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
