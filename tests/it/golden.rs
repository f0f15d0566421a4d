//! Golden files: the native SVG rendering of the embedded data, in each
//! language and theme, compared with `tests/golden/*.svg`. Run with
//! `UPDATE_GOLDEN=1` to accept a new rendering after looking at it.

use std::path::PathBuf;

use param_scale::embedded::{models, stages};
use param_scale::i18n::Lang;
use param_scale::layout::{EstimatedText, LayoutConfig, View};
use param_scale::svg::render_svg;
use param_scale::theme::{Theme, ThemeName};

const CASES: [(&str, Lang, ThemeName, (u32, u32)); 4] = [
    (
        "chart-zh-light-960x600",
        Lang::Zh,
        ThemeName::Light,
        (960, 600),
    ),
    (
        "chart-en-light-960x600",
        Lang::En,
        ThemeName::Light,
        (960, 600),
    ),
    (
        "chart-zh-dark-380x560",
        Lang::Zh,
        ThemeName::Dark,
        (380, 560),
    ),
    (
        "chart-en-dark-380x560",
        Lang::En,
        ThemeName::Dark,
        (380, 560),
    ),
];

#[test]
fn the_svg_rendering_of_the_embedded_data_matches_its_golden_file() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatches = Vec::new();
    for (name, lang, theme, size) in CASES {
        let (svg, _) = render_svg(
            models(),
            stages(),
            LayoutConfig {
                width: f64::from(size.0),
                height: f64::from(size.1),
                lang,
                view: View::default(),
            },
            &Theme::named(theme),
            &EstimatedText,
        )
        .unwrap_or_else(|error| panic!("{name}: {error}"));
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(format!("{name}.svg"));
        if update {
            std::fs::write(&path, &svg)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != svg {
            let actual = path.with_extension("actual.svg");
            let _ = std::fs::write(&actual, &svg);
            mismatches.push(format!(
                "{} differs (new rendering in {})",
                path.display(),
                actual.display()
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{}\nLook at the new rendering; if it is right, accept it with UPDATE_GOLDEN=1 cargo test",
        mismatches.join("\n")
    );
}
