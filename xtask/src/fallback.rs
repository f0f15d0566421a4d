//! The page for readers without JavaScript: a static SVG of the chart and
//! the data table, made at build time by the same Rust code that draws the
//! chart in the browser.
//!
//! `dist` writes `chart-zh.svg` and `chart-en.svg` beside `index.html` (they
//! also serve as images to share, and in the chart's place when it cannot
//! run), puts the chart itself into the page's figure as inline SVG
//! ([`crate::first_paint`], in place of `<!-- param-scale:first-paint -->`),
//! and a link to the English SVG, the story's steps and the table in the
//! page's `<noscript>` block, in place of the `<!-- param-scale:no-script -->`
//! marker. The data is read from the same file the wasm build embedded.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::first_paint;
use param_scale::dataset::{parse_models, parse_stages, parse_story, Model, Stage, Step};
use param_scale::export::static_chart_file;
use param_scale::i18n::Lang;
use param_scale::layout::{EstimatedText, LayoutConfig, View};
use param_scale::story::steps_html;
use param_scale::svg::render_svg;
use param_scale::table::{escape_html, to_html};
use param_scale::theme::Theme;

/// The marker in `index.html` that the no-script content replaces.
const MARKER: &str = "<!-- param-scale:no-script -->";

/// The most rows the no-script table holds: `index.html` is loaded by every reader, so a data
/// set of thousands of models (`--synthetic N`) puts only its first rows in it, with a note.
const TABLE_ROW_LIMIT: usize = 1000;

/// The size of the static SVGs, in CSS pixels.
const SIZE: (f64, f64) = (960.0, 600.0);

/// Writes the static SVGs into `out` and the no-script block into
/// `out/index.html`, from the data file `data` (with `stages.csv` beside it).
pub fn write(data: &Path, out: &Path) -> Result<()> {
    let models = read_models(data)?;
    let stages = read_stages(&data.with_file_name("stages.csv"))?;
    let story = read_story(&data.with_file_name("story.csv"), &models)?;
    for lang in Lang::ALL {
        let config = LayoutConfig {
            width: SIZE.0,
            height: SIZE.1,
            lang,
            // The page without script is the article's companion too: it
            // shows what the article says beside what the sources say.
            view: View {
                claims: true,
                ..View::default()
            },
            title: true,
            brush: false,
        };
        let (svg, _) = render_svg(&models, &stages, config, &Theme::light(), &EstimatedText)
            .map_err(|error| anyhow::anyhow!("cannot render the static SVG: {error}"))?;
        let path = out.join(static_chart_file(lang));
        fs::write(&path, svg).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let all: Vec<&Model> = models.iter().take(TABLE_ROW_LIMIT).collect();
    let limit_note = if models.len() > TABLE_ROW_LIMIT {
        format!(
            "<p>{}</p>\n",
            escape_html(&format!(
                "表中只列出前 {TABLE_ROW_LIMIT} 个模型（共 {} 个）· The table lists the first {TABLE_ROW_LIMIT} of {} models.",
                models.len(),
                models.len()
            ))
        )
    } else {
        String::new()
    };
    let block = format!(
        "<div class=\"ps-no-script\">\n<p><a href=\"{}\" lang=\"en\">{}</a></p>\n{}{limit_note}{}</div>",
        static_chart_file(Lang::En),
        escape_html("The chart in English (SVG)"),
        steps_html(&story, Lang::Zh),
        to_html(&all, Lang::Zh),
    );
    let index = out.join("index.html");
    let page =
        fs::read_to_string(&index).with_context(|| format!("cannot read {}", index.display()))?;
    for marker in [MARKER, first_paint::MARKER] {
        if !page.contains(marker) {
            bail!("{} has no {marker} marker", index.display());
        }
    }
    let first = first_paint::block(&models, &stages).map_err(|error| anyhow::anyhow!(error))?;
    let page = page
        .replace(MARKER, &block)
        .replace(first_paint::MARKER, &first);
    fs::write(&index, page).with_context(|| format!("cannot write {}", index.display()))
}

fn read_models(path: &Path) -> Result<Vec<Model>> {
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse_models(&path.display().to_string(), &text).map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("the data file has problems:\n{}", messages.join("\n"))
    })
}

fn read_story(path: &Path, models: &[Model]) -> Result<Vec<Step>> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse_story(&path.display().to_string(), &text, models).map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("the story file has problems:\n{}", messages.join("\n"))
    })
}

fn read_stages(path: &Path) -> Result<Vec<Stage>> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse_stages(&path.display().to_string(), &text).map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("the stages file has problems:\n{}", messages.join("\n"))
    })
}
