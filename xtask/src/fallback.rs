//! The page for readers without JavaScript: a static SVG of the chart and
//! the data table, made at build time by the same Rust code that draws the
//! chart in the browser.
//!
//! `dist` writes `chart-zh.svg` and `chart-en.svg` beside `index.html` (they
//! also serve as images to share, and in the chart's place when it cannot
//! run), puts the chart itself into the page's figure as inline SVG
//! ([`crate::first_paint`], in place of `<!-- param-scale:first-paint -->`),
//! and links to the page and the SVG in the other language, the story's
//! steps and the table in the page's `<noscript>` block, in place of the
//! `<!-- param-scale:no-script -->` marker. It writes the page twice:
//! `index.html` in Chinese and `en.html` in English (its root's `lang`, its
//! title and its `<noscript>` block), so that a reader without JavaScript
//! has the page in either language. The data is read from the same file the
//! wasm build embedded.

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

/// Writes the static SVGs into `out`, the first paint and the no-script
/// block into `out/index.html`, and the page in English beside it
/// (`en.html`, [`page_file`]), from the data file `data` (with `stages.csv`
/// beside it).
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
    let page_text =
        fs::read_to_string(out.join("index.html")).with_context(|| "cannot read index.html")?;
    for marker in [MARKER, first_paint::MARKER] {
        if !page_text.contains(marker) {
            bail!("index.html has no {marker} marker");
        }
    }
    let first = first_paint::block(&models, &stages).map_err(|error| anyhow::anyhow!(error))?;
    for lang in Lang::ALL {
        let block = no_script_block(lang, &story, &all, &limit_note);
        let page = page_in(&page_text, lang)?
            .replace(MARKER, &block)
            .replace(first_paint::MARKER, &first);
        let path = out.join(page_file(lang));
        fs::write(&path, page).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// The page of each language: `index.html` (Chinese, the article's
/// language) and `en.html`, the same page in English for readers without
/// JavaScript (with it, the chart follows the page's language too).
pub fn page_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "index.html",
        Lang::En => "en.html",
    }
}

/// The `<html lang>` of `index.html` as written, and of its English twin.
const ZH_ROOT: &str = "<html lang=\"zh-CN\"";
const EN_ROOT: &str = "<html lang=\"en\"";
/// The page's title, Chinese first, and the English page's, English first.
const ZH_TITLE: &str =
    "<title>大模型参数规模的增长 · How large AI models grew — Param Scale</title>";
const EN_TITLE: &str =
    "<title>How large AI models grew · 大模型参数规模的增长 — Param Scale</title>";

/// `index.html` as it is for `lang`: unchanged in Chinese; in English with
/// `lang="en"` on its root and the English title first.
fn page_in(page: &str, lang: Lang) -> Result<String> {
    for needle in [ZH_ROOT, ZH_TITLE] {
        if !page.contains(needle) {
            bail!("index.html has no {needle}");
        }
    }
    Ok(match lang {
        Lang::Zh => page.to_owned(),
        Lang::En => page
            .replacen(ZH_ROOT, EN_ROOT, 1)
            .replacen(ZH_TITLE, EN_TITLE, 1),
    })
}

/// The `<noscript>` block of the page in `lang`: a link to the page in the
/// other language and to the static chart in it, the story's steps and the
/// data table.
fn no_script_block(lang: Lang, story: &[Step], models: &[&Model], limit_note: &str) -> String {
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let (code, page_name, chart_name) = match other {
        Lang::En => ("en", "English", "The chart in English (SVG)"),
        Lang::Zh => ("zh-CN", "中文", "中文图表（SVG）"),
    };
    format!(
        "<div class=\"ps-no-script\">\n<p><a href=\"{}\" lang=\"{code}\" hreflang=\"{code}\">{}</a> · <a href=\"{}\" lang=\"{code}\">{}</a></p>\n{}{limit_note}{}</div>",
        page_file(other),
        escape_html(page_name),
        static_chart_file(other),
        escape_html(chart_name),
        steps_html(story, lang),
        to_html(models, lang),
    )
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
