//! The house has no import circle: inside every crate of the workspace, no
//! module reaches (through `use crate::…`, `crate::…` paths or `super::…`)
//! a module that reaches back to it. A module's own children are part of
//! it (a `mod.rs` may re-export them), and test modules are left out. So
//! are sea-orm's generated entities, whose relations name each other.
#![allow(clippy::unwrap_used)]
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// `src/links/handoff/mod.rs` -> [links, handoff]; `src/lib.rs` -> [].
fn module_of(src: &Path, file: &Path) -> Module {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Module = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

fn idents(text: &str) -> Vec<String> {
    text.split("::")
        .map(|p| {
            p.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .take_while(|p| !p.is_empty())
        .collect()
}

/// Every path the code names from `crate::` or `super::`, as written.
fn references(code: &str, here: &Module) -> Vec<Module> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let before = code[..i].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            for item in inner.split(',') {
                let p = idents(item.trim());
                if !p.is_empty() {
                    out.push(p);
                }
            }
        } else {
            out.push(idents(rest));
        }
    }
    for (i, _) in code.match_indices("super::") {
        if code[..i].ends_with("::") {
            continue;
        }
        let mut base = here.clone();
        let mut rest = &code[i..];
        while let Some(r) = rest.strip_prefix("super::") {
            base.pop();
            rest = r;
        }
        let rest_parts = if let Some(group) = rest.strip_prefix('{') {
            vec![idents(group.split('}').next().unwrap_or(""))]
        } else {
            vec![idents(rest)]
        };
        for p in rest_parts {
            let mut m = base.clone();
            m.extend(p);
            out.push(m);
        }
    }
    out
}

fn cycles_in(src: &Path) -> Vec<Vec<Module>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeMap<Module, String> = files
        .iter()
        .map(|f| {
            let code = std::fs::read_to_string(f).unwrap();
            let code = code.split("#[cfg(test)]").next().unwrap_or("").to_owned();
            (module_of(src, f), code)
        })
        .collect();
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (m, code) in &modules {
        for r in references(code, m) {
            // The longest prefix that is a module file.
            let target = (0..=r.len())
                .rev()
                .map(|n| r[..n].to_vec())
                .find(|p| modules.contains_key(p));
            if let Some(t) = target {
                let generated = |x: &Module| x.first().is_some_and(|f| f == "entities");
                let inside = t.starts_with(m);
                if !(inside || generated(m) && generated(&t)) {
                    edges.entry(m.clone()).or_default().insert(t);
                }
            }
        }
    }
    let mut found = Vec::new();
    for start in modules.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((m, path)) = stack.pop() {
            for next in edges.get(&m).into_iter().flatten() {
                if next == start {
                    let mut c = path.clone();
                    c.push(next.clone());
                    found.push(c);
                } else if seen.insert(next.clone()) {
                    let mut p = path.clone();
                    p.push(next.clone());
                    stack.push((next.clone(), p));
                }
            }
        }
    }
    found
}

fn show(c: &[Module]) -> String {
    c.iter()
        .map(|m| format!("crate::{}", m.join("::")))
        .collect::<Vec<_>>()
        .join(" -> ")
}

#[test]
fn no_crate_of_the_workspace_has_an_import_circle() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut report = Vec::new();
    for entry in std::fs::read_dir(&crates).unwrap().flatten() {
        let src = entry.path().join("src");
        if src.is_dir() {
            for c in cycles_in(&src) {
                report.push(format!(
                    "{}: {}",
                    entry.file_name().to_string_lossy(),
                    show(&c)
                ));
            }
        }
    }
    report.sort();
    report.dedup();
    assert!(report.is_empty(), "import circles:\n{}", report.join("\n"));
}

#[test]
fn the_check_sees_a_circle_through_super_and_grouped_imports() {
    let dir = std::env::temp_dir().join(format!("xhs-arch-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("src/feat")).unwrap();
    std::fs::write(dir.join("src/lib.rs"), "pub mod feat;\npub mod leaf;\n").unwrap();
    std::fs::write(dir.join("src/feat/mod.rs"), "pub mod a;\npub mod b;\n").unwrap();
    std::fs::write(dir.join("src/feat/a.rs"), "use super::b::thing;\n").unwrap();
    std::fs::write(
        dir.join("src/feat/b.rs"),
        "use crate::{leaf, feat::a::x};\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("src/leaf.rs"),
        "use crate::feat::a;\n#[cfg(test)]\nuse crate::feat::b;\n",
    )
    .unwrap();
    let cycles = cycles_in(&dir.join("src"));
    std::fs::remove_dir_all(&dir).unwrap();
    let shown: Vec<String> = cycles.iter().map(|c| show(c)).collect();
    assert!(
        shown.contains(&"crate::feat::a -> crate::feat::b -> crate::feat::a".to_owned()),
        "{shown:?}"
    );
    // The test-only import from leaf does not count: leaf is in no circle.
    assert!(
        shown.iter().all(|c| !c.contains("leaf -> crate::feat::b")),
        "{shown:?}"
    );
}
