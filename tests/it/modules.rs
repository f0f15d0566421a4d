//! Rules about the crate's top-level modules (`src/*.rs`, `src/dataset/`,
//! `src/web/`), checked by reading them: no two import each other, and no
//! reader-facing words outside `i18n`. (`tests/it/web_shell.rs` holds the
//! same rules inside `src/web`.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every top-level module: its name and its text (a folder module's files
/// joined), the crate root left out.
fn modules() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = BTreeMap::new();
    for entry in std::fs::read_dir(&src).expect("src exists").flatten() {
        let path = entry.path();
        let name = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default()
            .to_owned();
        let text = if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(&path)
                .expect("readable folder")
                .flatten()
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|extension| extension == "rs"))
                .collect();
            files.sort();
            files
                .iter()
                .map(|path| std::fs::read_to_string(path).expect("readable"))
                .collect::<Vec<_>>()
                .join("\n")
        } else if path.extension().is_some_and(|extension| extension == "rs") && name != "lib" {
            std::fs::read_to_string(&path).expect("readable")
        } else {
            continue;
        };
        modules.insert(name, text);
    }
    assert!(
        modules.len() > 15,
        "src was not found: {:?}",
        modules.keys()
    );
    modules
}

/// `text` without comments (doc comments included) and without its test
/// module (everything from `#[cfg(test)]` on).
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        // A quote as a character literal opens no string.
        .map(|line| line.replace("'\\\"'", "'q'").replace("'\"'", "'q'"))
        .map(|line| match line.find("//") {
            // `//` inside a string (`https://`) is not a comment.
            Some(at) if line[..at].matches('"').count() % 2 == 0 => line[..at].to_owned(),
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules `text` names through `crate::`: `use crate::x`,
/// `crate::x::item` and `use crate::{x, y::z}`.
fn imports(text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        let names: Vec<&str> = match rest.strip_prefix('{') {
            Some(group) => group
                .split('}')
                .next()
                .unwrap_or_default()
                .split(',')
                .collect(),
            None => vec![rest],
        };
        for name in names {
            let name: String = name
                .trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if modules.contains(&name) {
                found.insert(name);
            }
        }
    }
    found
}

/// The first cycle of imports in `graph` (module → the modules it
/// imports), as the modules along it; `None` without one. Shared with the
/// web shell's test of its own modules.
pub fn first_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    graph.keys().find_map(|module| {
        let mut path = vec![module.as_str()];
        cycle_from(graph, &mut path)
    })
}

/// A path of imports from `path`'s last module back to a module on it.
fn cycle_from<'a>(
    graph: &'a BTreeMap<String, BTreeSet<String>>,
    path: &mut Vec<&'a str>,
) -> Option<Vec<String>> {
    let last = *path.last()?;
    for next in graph.get(last).into_iter().flatten() {
        if let Some(start) = path.iter().position(|module| module == next) {
            let mut cycle: Vec<String> = path[start..].iter().map(ToString::to_string).collect();
            cycle.push(next.clone());
            return Some(cycle);
        }
        path.push(next.as_str());
        if let Some(cycle) = cycle_from(graph, path) {
            return Some(cycle);
        }
        path.pop();
    }
    None
}

#[test]
fn the_crates_modules_import_each_other_without_a_cycle() {
    let modules = modules();
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    let graph: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|(name, text)| {
            let mut imported = imports(&code(text), &names);
            imported.remove(name);
            (name.clone(), imported)
        })
        .collect();
    // The reader finds each form of import.
    for (module, imported) in [
        ("i18n", "lang"),
        ("table", "ordering"),
        ("render", "layout"),
    ] {
        assert!(
            graph[module].contains(imported),
            "the import reader misses {module} → {imported}: {:?}",
            graph[module]
        );
    }
    if let Some(cycle) = first_cycle(&graph) {
        panic!("modules import each other: {}", cycle.join(" -> "));
    }
}

#[test]
fn format_is_purely_numeric() {
    let modules = modules();
    let format = code(&modules["format"]);
    assert!(
        !format.contains("crate::"),
        "format imports another module:\n{format}"
    );
}

/// Literals made of words that are not the reader's: the font list.
const NOT_READER_WORDS: &[&str] = &["system-ui, -apple-system, Segoe UI"];

#[test]
fn no_module_but_i18n_holds_words_for_the_reader() {
    let mut found = Vec::new();
    for (name, text) in modules() {
        // The web shell has its own, stricter test (`web_shell.rs`).
        if name == "i18n" || name == "web" {
            continue;
        }
        for (number, line) in code(&text).lines().enumerate() {
            let chinese = line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            // A capitalised word in a string literal (`"Model"`, `"Released"`)
            // is a word for the reader; what the page's developer reads (a
            // warning, an error) is lower case.
            let capitalised = line.split('"').skip(1).step_by(2).any(|literal| {
                !NOT_READER_WORDS
                    .iter()
                    .any(|allowed| literal.starts_with(allowed))
                    && literal.split(|c: char| !c.is_alphabetic()).any(|word| {
                        let mut chars = word.chars();
                        chars.next().is_some_and(|c| c.is_ascii_uppercase())
                            && word.len() >= 3
                            && chars.all(|c| c.is_ascii_lowercase())
                    })
            });
            if chinese || capitalised {
                found.push(format!("src/{name}: line {}: {}", number + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "words outside i18n: {found:#?}");
}

#[test]
fn render_computes_no_positions() {
    // The painter draws the points layout placed (marks' shapes included)
    // and only scales them to backing pixels: a point it makes is made of
    // layout's coordinates as they are, never with an offset.
    let render = code(&modules()["render"]);
    let mut found = Vec::new();
    for (number, line) in render.lines().enumerate() {
        for (at, _) in line.match_indices("Point::new(") {
            let arguments = &line[at + "Point::new(".len()..];
            let mut depth = 1;
            let end = arguments
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(arguments.len(), |(end, _)| end);
            if [" + ", " - ", " * ", " / "]
                .iter()
                .any(|operator| arguments[..end].contains(operator))
            {
                found.push(format!(
                    "src/render.rs: line {}: {}",
                    number + 1,
                    line.trim()
                ));
            }
        }
        if ["Rect::new(", "Rect::around(", "EVENT_MARKER_HEIGHT", "1.3"]
            .iter()
            .any(|geometry| line.contains(geometry))
        {
            found.push(format!(
                "src/render.rs: line {}: {}",
                number + 1,
                line.trim()
            ));
        }
    }
    assert!(
        found.is_empty(),
        "positions computed by the painter: {found:#?}"
    );
}
