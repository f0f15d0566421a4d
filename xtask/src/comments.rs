//! The site's stylesheets and scripts as `dist` writes them: without the
//! comments that explain them to us, which a reader's browser downloads for
//! nothing (`www/style.css` loses a third of its gzipped size, `main.js`
//! a third, wasm-bindgen's `pkg/param_scale.js` a fifth), nor their
//! indentation. The code is left as it is: no renaming, no joined lines.

/// `css` without its `/* … */` comments, the blank lines they leave and
/// each line's indentation. Quoted strings are kept whole, a `/*` in one
/// included.
pub fn strip_css(css: &str) -> String {
    let mut kept = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find(['/', '"', '\'']) {
        let (before, from) = rest.split_at(start);
        kept.push_str(before);
        let quote = from.chars().next().unwrap_or('/');
        if quote == '/' {
            if let Some(comment) = from.strip_prefix("/*") {
                rest = comment.split_once("*/").map_or("", |(_, after)| after);
            } else {
                kept.push('/');
                rest = &from[1..];
            }
        } else {
            // A string up to its closing quote (CSS strings hold no newline).
            let end = from[1..].find(quote).map_or(from.len(), |end| end + 2);
            kept.push_str(&from[..end]);
            rest = &from[end..];
        }
    }
    kept.push_str(rest);
    let lines: Vec<&str> = kept
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    lines.join("\n") + "\n"
}

/// `js` without its doc comments (`/** … */` on lines of their own, as
/// wasm-bindgen copies the Rust docs into `pkg/param_scale.js`), the lines
/// that are only a `//` comment, blank lines and indentation. A script with
/// a template literal over several lines (where such lines would be text),
/// or a doc comment with code after it, is left as it is.
pub fn strip_js(js: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    let mut in_doc = false;
    for line in js.lines().map(str::trim) {
        let opens = !in_doc && line.starts_with("/**");
        if in_doc || opens {
            match line.find("*/") {
                Some(end) if end + 2 < line.len() => return js.to_owned(),
                Some(_) => in_doc = false,
                None => in_doc = true,
            }
            continue;
        }
        if !line.is_empty() && !line.starts_with("//") {
            kept.push(line);
        }
    }
    let spans_lines = kept.iter().any(|line| line.matches('`').count() % 2 == 1);
    if in_doc || spans_lines {
        return js.to_owned();
    }
    kept.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_loses_its_comments_blank_lines_and_indentation_and_keeps_its_strings() {
        let cases = [
            (
                "/* The page. */\n.page {\n  color: red; /* why */\n}\n\n/* Two\n   lines. */\na { b: c }\n",
                ".page {\ncolor: red;\n}\na { b: c }\n",
            ),
            (
                ".x::after { content: \"/* not a comment */\"; }\n",
                ".x::after { content: \"/* not a comment */\"; }\n",
            ),
            (
                ".y { background: url('a/b.svg'); width: calc(10px / 2); }\n",
                ".y { background: url('a/b.svg'); width: calc(10px / 2); }\n",
            ),
        ];
        for (css, expected) in cases {
            assert_eq!(strip_css(css), expected, "{css}");
        }
    }

    #[test]
    fn js_loses_its_doc_comments_whole_line_comments_and_indentation() {
        let cases = [
            (
                "// What it does.\nconst a = 1; // kept\n  // indented\n\nif (a) {\n    go('http://x');\n}\n",
                "const a = 1; // kept\nif (a) {\ngo('http://x');\n}\n",
            ),
            (
                "/* @ts-self-types=\"./x.d.ts\" */\n/**\n * One chart: `{ a:\n * b }`.\n */\nexport class Chart {\n    /** Short. */\n    free() {}\n}\n",
                "/* @ts-self-types=\"./x.d.ts\" */\nexport class Chart {\nfree() {}\n}\n",
            ),
            (
                "note.textContent = `${a} // b`;\n// gone\n",
                "note.textContent = `${a} // b`;\n",
            ),
            // Left as they are: a template literal over lines, code after a doc comment.
            (
                "const text = `one\n  // part of the text\ntwo`;\n",
                "const text = `one\n  // part of the text\ntwo`;\n",
            ),
            (
                "/** Doc. */ const a = 1;\n",
                "/** Doc. */ const a = 1;\n",
            ),
        ];
        for (js, expected) in cases {
            assert_eq!(strip_js(js), expected, "{js}");
        }
    }

    /// Everything but whitespace, outside comments, in order.
    fn code(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn the_site_s_stylesheets_keep_every_rule() {
        let www = crate::process::workspace_root().join("www");
        for name in ["style.css", "story.css"] {
            let css = std::fs::read_to_string(www.join(name)).expect("a stylesheet of www/");
            let stripped = strip_css(&css);
            assert!(!stripped.contains("/*"), "{name}");
            assert!(stripped.len() < css.len(), "{name}");
            // The same code once the comments are cut out by hand.
            let by_hand: String = css
                .split("/*")
                .enumerate()
                .map(|(index, piece)| match index {
                    0 => piece,
                    _ => piece.split_once("*/").map_or("", |(_, after)| after),
                })
                .collect();
            assert_eq!(code(&stripped), code(&by_hand), "{name}");
        }
    }
}
