//! Golden files: the native SVG rendering of a fixed data set,
//! `tests/fixtures/models.csv` and `stages.csv` (the data file as it was on
//! 2026-12-01), in each language and theme, compared with
//! `tests/golden/*.svg`. Editing `data/models.csv` changes no golden file; the
//! live data is only checked to render. Run with `UPDATE_GOLDEN=1` to accept a
//! new rendering after looking at it.

use std::path::PathBuf;

use param_scale::dataset::{parse_models, parse_stages, Model, Stage};
use param_scale::embedded;
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

const FIXTURE_MODELS: &str = include_str!("../fixtures/models.csv");
const FIXTURE_STAGES: &str = include_str!("../fixtures/stages.csv");

/// The fixture's models and stages; a fixture that no longer parses fails here.
fn fixture() -> (Vec<Model>, Vec<Stage>) {
    let models = parse_models("tests/fixtures/models.csv", FIXTURE_MODELS)
        .unwrap_or_else(|errors| panic!("the fixture's models do not parse: {errors:?}"));
    let stages = parse_stages("tests/fixtures/stages.csv", FIXTURE_STAGES)
        .unwrap_or_else(|errors| panic!("the fixture's stages do not parse: {errors:?}"));
    (models, stages)
}

/// One case rendered natively, with the deterministic text estimate.
fn render(
    models: &[Model],
    stages: &[Stage],
    lang: Lang,
    theme: ThemeName,
    size: (u32, u32),
) -> String {
    let config = LayoutConfig {
        width: f64::from(size.0),
        height: f64::from(size.1),
        lang,
        view: View::default(),
        title: true,
        brush: false,
    };
    render_svg(models, stages, config, &Theme::named(theme), &EstimatedText)
        .unwrap_or_else(|error| panic!("{lang:?} {theme:?} {size:?}: {error}"))
        .0
}

#[test]
fn the_live_data_renders_in_each_language_and_theme() {
    for (name, lang, theme, size) in CASES {
        let svg = render(embedded::models(), embedded::stages(), lang, theme, size);
        assert!(
            svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
            "{name}: not an SVG document"
        );
        assert!(svg.contains("<text"), "{name}: no text drawn");
    }
}

#[test]
fn the_svg_rendering_of_the_fixture_data_matches_its_golden_file() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let (models, stages) = fixture();
    let mut mismatches = Vec::new();
    for (name, lang, theme, size) in CASES {
        let svg = render(&models, &stages, lang, theme, size);
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
