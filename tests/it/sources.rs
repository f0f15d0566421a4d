//! Rules about the code itself, checked by reading it.

use std::path::{Path, PathBuf};

fn files_under(dir: &Path, extensions: &[&str], found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, extensions, found);
        } else if path
            .extension()
            .and_then(|extension| extension.to_str())
            .is_some_and(|extension| extensions.contains(&extension))
        {
            found.push(path);
        }
    }
}

#[test]
fn no_text_from_outside_can_reach_html_parsing_in_the_page_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("index.html")];
    files_under(&root.join("src"), &["rs"], &mut files);
    files_under(&root.join("www"), &["js", "html"], &mut files);
    // The ways a string becomes markup in a browser.
    let sinks = [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "set_inner_html",
        "set_outer_html",
        "eval(",
    ];
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for sink in sinks {
            if text.contains(sink) {
                found.push(format!("{}: {sink}", file.display()));
            }
        }
    }
    assert!(files.len() > 10, "the page code was not found: {files:?}");
    assert!(found.is_empty(), "HTML sinks in the page code: {found:?}");
}

#[test]
fn only_the_web_module_knows_the_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    files_under(&root.join("src"), &["rs"], &mut files);
    let web = root.join("src").join("web");
    for file in files.iter().filter(|file| !file.starts_with(&web)) {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for browser_type in [
            "web_sys",
            "js_sys",
            "JsValue",
            "wasm_bindgen",
            "serde_wasm_bindgen",
        ] {
            assert!(
                !text.contains(browser_type),
                "{} uses {browser_type}",
                file.display()
            );
        }
    }
}
