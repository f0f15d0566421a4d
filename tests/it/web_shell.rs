//! Rules about the browser shell (`src/web/`), checked by reading it: rooms
//! a newcomer can enter, and no reader-facing words outside `i18n`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The longest function the shell may hold, in lines.
const MAX_FUNCTION_LINES: usize = 80;

/// Every `src/web/*.rs` file: its module name and text.
fn web_files() -> BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join("web");
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("src/web exists").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|extension| extension == "rs") {
            let name = path
                .file_stem()
                .and_then(|stem| stem.to_str())
                .unwrap_or_default()
                .to_owned();
            let text = std::fs::read_to_string(&path).expect("readable");
            files.insert(name, text);
        }
    }
    assert!(files.len() > 5, "src/web was not found: {files:?}");
    files
}

/// The sibling modules a web module imports (`use super::name…`, `super::name::`).
fn imports(text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in text.match_indices("super::") {
        let rest = &text[at + "super::".len()..];
        let rest = rest.trim_start_matches('{');
        for name in rest.split([',', '}', ' ', '\n', ';']).take(8) {
            let name = name.split("::").next().unwrap_or_default().trim();
            if modules.contains(name) {
                found.insert(name.to_owned());
            }
            if !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
                break;
            }
        }
    }
    found
}

#[test]
fn the_web_modules_import_each_other_without_a_cycle() {
    let files = web_files();
    let modules: BTreeSet<String> = files
        .keys()
        .filter(|name| *name != "mod")
        .cloned()
        .collect();
    let graph: BTreeMap<String, BTreeSet<String>> = files
        .iter()
        .filter(|(name, _)| *name != "mod")
        .map(|(name, text)| {
            let mut imported = imports(text, &modules);
            imported.remove(name);
            (name.clone(), imported)
        })
        .collect();
    assert!(
        graph
            .get("sprites")
            .is_some_and(|imported| imported.contains("canvas")),
        "the import reader misses `use super::canvas` in sprites.rs: {graph:?}"
    );
    if let Some(cycle) = super::modules::first_cycle(&graph) {
        panic!("web modules import each other: {}", cycle.join(" -> "));
    }
}

#[test]
fn no_function_in_the_web_shell_is_longer_than_eighty_lines() {
    let mut too_long = Vec::new();
    for (name, text) in web_files() {
        let lines: Vec<&str> = text.lines().collect();
        for (start, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let is_fn = trimmed.starts_with("fn ")
                || trimmed.starts_with("pub fn ")
                || trimmed.starts_with("pub(crate) fn ")
                || trimmed.starts_with("pub(super) fn ");
            if !is_fn || trimmed.ends_with(';') {
                continue;
            }
            // rustfmt closes a function with a `}` at the indentation it opened with.
            let indent = &line[..line.len() - trimmed.len()];
            let closing = format!("{indent}}}");
            let Some(length) = lines[start..].iter().position(|line| *line == closing) else {
                continue;
            };
            if length + 1 > MAX_FUNCTION_LINES {
                too_long.push(format!(
                    "src/web/{name}.rs:{}: {} lines",
                    start + 1,
                    length + 1
                ));
            }
        }
    }
    assert!(
        too_long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines: {too_long:?}"
    );
}

#[test]
fn the_web_shell_has_no_reader_facing_words_of_its_own() {
    let mut found = Vec::new();
    for (name, text) in web_files() {
        for (number, line) in text.lines().enumerate() {
            // Chinese belongs to the translation table alone.
            if line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                found.push(format!("src/web/{name}.rs:{}: {}", number + 1, line.trim()));
            }
            // Text shown to the reader comes from i18n, not from a literal.
            for sink in [
                "set_text_content(Some(\"",
                "show_notice(\"",
                "show_error(\"",
            ] {
                if line.contains(sink) {
                    found.push(format!("src/web/{name}.rs:{}: {}", number + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "words outside i18n: {found:#?}");
}

#[test]
fn the_web_shell_leaks_no_closure() {
    // A forgotten closure is never freed; one made per event leaks per event. Closures
    // live in the registry's listeners and go with `destroy()`.
    let mut found = Vec::new();
    for (name, text) in web_files() {
        for (number, line) in text.lines().enumerate() {
            if [".forget()", "Closure::once", "into_js_value()"]
                .iter()
                .any(|leak| line.contains(leak))
            {
                found.push(format!("src/web/{name}.rs:{}: {}", number + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "closures that are never freed: {found:#?}"
    );
}

#[test]
fn the_web_shell_sets_no_style_on_the_hosts_container() {
    // Styles go on the chart's own elements; the container gets only the
    // attributes and the class that `container.rs` lists and gives back.
    let mut found = Vec::new();
    for (name, text) in web_files() {
        for (number, line) in text.lines().enumerate() {
            let styles_container = line.contains("container.style()")
                || line.contains("container.set_attribute(\"style\"")
                || (line.contains("set_styles(") && line.contains("container"));
            if styles_container {
                found.push(format!("src/web/{name}.rs:{}: {}", number + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "styles on the host's container: {found:#?}"
    );
}
