//! A data file written to break things: markup, script end tags, attribute
//! breakers, right-to-left and zero-width characters, 500-character names,
//! emoji and spreadsheet formulas. It must parse, render and export with
//! every text as plain text.

use param_scale::dataset::{parse_models, Model};
use param_scale::export::models_csv;
use param_scale::i18n::Lang;
use param_scale::layout::{EstimatedText, LayoutConfig, View};
use param_scale::svg::render_svg;
use param_scale::table::to_html;
use param_scale::theme::Theme;
use param_scale::tooltip::tooltip_content;

const HOSTILE: &str = include_str!("../fixtures/hostile.csv");

fn hostile() -> Vec<Model> {
    parse_models("tests/fixtures/hostile.csv", HOSTILE).expect("the hostile file is valid data")
}

#[test]
fn hostile_text_is_data_and_parses_as_such() {
    let models = hostile();
    assert_eq!(models.len(), 5);
    assert_eq!(models[0].name, "<img src=x onerror=alert(1)>");
    assert_eq!(models[2].name.chars().count(), 500);
}

#[test]
fn the_svg_escapes_every_hostile_text() {
    let models = hostile();
    for lang in Lang::ALL {
        let config = LayoutConfig {
            width: 1600.0,
            height: 900.0,
            lang,
            view: View::default(),
            title: true,
            brush: false,
        };
        let (svg, _) =
            render_svg(&models, &[], config, &Theme::light(), &EstimatedText).expect("renders");
        for raw in ["<img", "<script", "</script>", "<b>"] {
            assert!(!svg.contains(raw), "{lang:?}: the SVG contains raw {raw:?}");
        }
        assert!(
            svg.contains("&lt;img src=x onerror=alert(1)&gt;") || lang == Lang::Zh,
            "{lang:?}: the name is not in the SVG as text"
        );
    }
}

#[test]
fn the_table_and_the_csv_keep_hostile_text_inert() {
    let models = hostile();
    let all: Vec<&Model> = models.iter().collect();
    let html = to_html(&all, Lang::En);
    for raw in ["<img", "<script", "</script>", "<b>", "\"onmouseover"] {
        assert!(!html.contains(raw), "the table contains raw {raw:?}");
    }
    let csv = models_csv(&all);
    let read_back = parse_models("download.csv", &csv).expect("the CSV reads back");
    // Formulas are defused with a leading apostrophe; everything else is unchanged.
    assert_eq!(read_back[4].name, "'=HYPERLINK(\"https://evil\")");
    assert_eq!(read_back[0].name, models[0].name);
    assert_eq!(read_back[1].name, models[1].name);
}

#[test]
fn the_tooltip_content_is_the_text_itself() {
    let models = hostile();
    let content = tooltip_content(&models[0], Lang::En);
    assert_eq!(content.title, "<img src=x onerror=alert(1)>");
    assert_eq!(content.source_url, "https://example.org/a?x=%3Cb%3E&y=q");
}
