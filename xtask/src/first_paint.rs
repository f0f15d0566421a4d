//! The chart in the page's first response: `dist` draws the default view as
//! inline SVG, with the chart's own painter, into `index.html`'s figure, so
//! that a reader sees the chart before any script or WebAssembly arrives
//! (and without them), and the canvas later takes its place without a jump.
//!
//! The figure's box has its final height from the first paint (`.chart` in
//! `www/style.css`). Inside it the block repeats the module's own frame —
//! the title as a heading (`.ps-title`, `id="ps-title-zh"` and `-en`), a
//! toolbar row of the toolbar's height (`.ps-toolbar`, hidden), then the
//! stage — so that the SVG sits where the canvas will. The module adopts
//! the block as its root and the heading of its language as its title, in
//! place (`src/web/dom.rs`): the first response's heading is the page's
//! heading from the first paint on, and stays the largest text painted
//! (Lighthouse's largest contentful paint). One SVG is drawn per language and width class;
//! the page's CSS shows the one for the figure's language (`:lang(en)`:
//! `www/main.js` sets the figure's `lang` to the language the module will
//! pick) and the reader's width ([`CLASSES`]). Each is drawn at its
//! class's typical stage size and scales (`viewBox`) to the stage's actual
//! size, which is the canvas's size.
//!
//! The SVGs carry presentation attributes only (no `style`, no script), so
//! the page keeps its strict Content Security Policy.

use param_scale::dataset::{Model, Stage};
use param_scale::i18n::{self, Lang, Phrase};
use param_scale::layout::{EstimatedText, Font, LayoutConfig, TextMeasure, View, BRUSH_ROOM};
use param_scale::svg::render_svg;
use param_scale::table::escape_html;
use param_scale::theme::Theme;

/// The marker inside `index.html`'s figure that the block replaces.
pub const MARKER: &str = "<!-- param-scale:first-paint -->";

/// A range of viewport widths the page's CSS tells apart
/// (`.ps-first-NAME`, shown by a media query in `www/style.css`), and the
/// stage size the chart is drawn at for it, in CSS px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WidthClass {
    pub name: &'static str,
    /// The typical viewport width of the class.
    pub viewport: f64,
    /// The stage (the canvas's box) at that width: the figure's width and
    /// height (`.chart` in style.css) less the title and the toolbar above it.
    pub stage: (f64, f64),
}

/// The page's margin (`.page` padding) on either side of the figure.
const PAGE_PADDING: f64 = 8.0;
/// The widest the page's column (`.page`) and so the figure get.
const PAGE_WIDTH: f64 = 1200.0;
/// The toolbar row's height: a 32 px control and 4 + 6 px of padding.
const TOOLBAR: f64 = 42.0;

/// The title's height: its font size times the line height 1.3, and 6 px of
/// margin (`.ps-title`: 18 px up to 600 px wide, else 21 px).
fn title_height(viewport: f64) -> f64 {
    let size = if viewport <= 600.0 { 18.0 } else { 21.0 };
    size * 1.3 + 6.0
}

/// The figure's height at a viewport width (`.chart`; on a phone, for a
/// screen taller than 1.81 × its width, where the height follows the width),
/// with the brush's room under the plot.
fn figure_height(viewport: f64) -> f64 {
    let (scale, least) = if viewport <= 600.0 {
        (1.65, 520.0)
    } else {
        (0.64, 510.0)
    };
    (viewport * scale + BRUSH_ROOM).clamp(least + BRUSH_ROOM, 800.0 + BRUSH_ROOM)
}

/// The width classes, narrowest first: a phone (up to 600 px, the chart's
/// narrow layout; drawn for 390 px), a tablet or small window (up to
/// 1,000 px; drawn for 800 px), and a desktop (drawn for 1,280 px: from
/// 1,216 px on, the page's 1,200 px column is full).
pub const CLASSES: [(&str, f64); 3] = [("narrow", 390.0), ("medium", 800.0), ("wide", 1280.0)];

/// [`CLASSES`] with their stage sizes.
pub fn width_classes() -> Vec<WidthClass> {
    CLASSES
        .iter()
        .map(|&(name, viewport)| {
            let width = (viewport - 2.0 * PAGE_PADDING).min(PAGE_WIDTH);
            let height = figure_height(viewport) - title_height(viewport) - TOOLBAR;
            WidthClass {
                name,
                viewport,
                // To a tenth of a pixel, as the viewBox writes it.
                stage: (width, (height * 10.0).round() / 10.0),
            }
        })
        .collect()
}

/// The figure's content before the module runs: the title in each
/// language, the toolbar's row, and the stage with an SVG per language and
/// width class.
pub fn block(models: &[Model], stages: &[Stage]) -> Result<String, String> {
    let mut titles = String::new();
    let mut svgs = String::new();
    for lang in Lang::ALL {
        titles.push_str(&format!(
            "<h1 class=\"ps-title\" id=\"ps-title-{}\" lang=\"{}\" data-lang=\"{}\">{}</h1>\n",
            lang.code(),
            lang.html_tag(),
            lang.code(),
            escape_html(i18n::phrase(Phrase::Title, lang)),
        ));
        for width_class in width_classes() {
            svgs.push_str(&chart_svg(models, stages, lang, &width_class)?);
            svgs.push('\n');
        }
    }
    Ok(format!(
        "<div class=\"ps-first\">\n{titles}<div class=\"ps-toolbar\" aria-hidden=\"true\"><span class=\"ps-button\">&#8203;</span></div>\n<div class=\"ps-first-stage\">\n{svgs}</div>\n</div>"
    ))
}

/// The chart in `lang` for one width class, as an inline `<svg>` that
/// scales to its box, named by the title and the chart's description.
fn chart_svg(
    models: &[Model],
    stages: &[Stage],
    lang: Lang,
    width_class: &WidthClass,
) -> Result<String, String> {
    let (width, height) = width_class.stage;
    let config = LayoutConfig {
        width,
        height,
        lang,
        view: View::default(),
        title: false,
        brush: true,
    };
    let (svg, layout) = render_svg(models, stages, config, &Theme::light(), &EstimatedText)
        .map_err(|error| format!("cannot render the first paint's SVG: {error}"))?;
    let all: Vec<&Model> = models.iter().collect();
    let doubling = layout
        .trend
        .as_ref()
        .map(|(trend, _)| trend.doubling_months());
    let label = format!(
        "{}. {}",
        i18n::phrase(Phrase::Title, lang),
        i18n::chart_description(&all, doubling, lang)
    );
    let body = svg
        .split_once('>')
        .map(|(_, body)| body)
        .ok_or("the painter wrote no <svg> element")?;
    let (body, family) = hoist_font_family(&fit_texts(body));
    let body = crate::compact_svg::compact(&body);
    Ok(format!(
        "<svg class=\"ps-first-svg ps-first-{}\" lang=\"{}\" data-lang=\"{}\" viewBox=\"0 0 {width} {height}\" font-family=\"{family}\" role=\"img\" aria-label=\"{}\">{}",
        width_class.name,
        lang.html_tag(),
        lang.code(),
        escape_html(&label),
        body.trim_start(),
    ))
}

/// Each `<text>` held to the width layout gave it (`textLength`): layout
/// placed the labels by [`EstimatedText`]'s widths, and the reader's font,
/// unknown at build time, may be wider; held to those widths, no label of
/// the first paint runs into another or into a mark.
fn fit_texts(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let Some(end) = from.find("</text>") else {
            break;
        };
        let (element, after) = from.split_at(end);
        rest = after;
        let Some((tag, content)) = element.split_once('>') else {
            out.push_str(element);
            continue;
        };
        let number = |name: &str| {
            tag.split(&format!(" {name}=\""))
                .nth(1)?
                .split('"')
                .next()?
                .parse::<f64>()
                .ok()
        };
        let text = unescape(content.trim());
        match number("font-size") {
            Some(size) if !text.is_empty() => {
                let font = Font {
                    size,
                    bold: tag.contains("font-weight=\"bold\""),
                };
                let (width, _) = EstimatedText.measure(&text, font);
                out.push_str(&format!(
                    "{tag} textLength=\"{width:.1}\" lengthAdjust=\"spacingAndGlyphs\">{content}"
                ));
            }
            _ => out.push_str(element),
        }
    }
    out.push_str(rest);
    out
}

/// The text of an element as it reads, its XML escapes undone.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The texts' one font family, said once on the `<svg>` rather than on
/// each text.
fn hoist_font_family(svg: &str) -> (String, String) {
    let family = svg
        .split(" font-family=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("sans-serif")
        .to_owned();
    let body = svg.replace(&format!(" font-family=\"{family}\""), "");
    (body, family)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixture data of the golden tests, a small but whole data set.
    fn fixture() -> (Vec<Model>, Vec<Stage>) {
        let root = crate::process::workspace_root().join("tests/fixtures");
        let read = |name: &str| std::fs::read_to_string(root.join(name)).expect("fixture");
        let models = param_scale::dataset::parse_models("models.csv", &read("models.csv"))
            .expect("the fixture's models are valid");
        let stages = param_scale::dataset::parse_stages("stages.csv", &read("stages.csv"))
            .expect("the fixture's stages are valid");
        (models, stages)
    }

    /// Whether `html` has an attribute such as ` onload=`.
    fn has_event_handler(html: &str) -> bool {
        html.match_indices(" on").any(|(at, _)| {
            let rest = &html[at + 3..];
            let name = rest.len()
                - rest
                    .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                    .len();
            name > 0 && rest[name..].starts_with('=')
        })
    }

    #[test]
    fn the_event_handler_check_finds_one() {
        assert!(has_event_handler("<svg onload=\"x()\">"));
        assert!(!has_event_handler("<text>Trained on data</text>"));
    }

    #[test]
    fn each_text_is_held_to_the_width_layout_measured_for_it() {
        let estimate =
            |text: &str, size: f64, bold: bool| EstimatedText.measure(text, Font { size, bold }).0;
        let cases = [
            (
                "<text x=\"1\" font-size=\"12\">\nGPT-3\n</text>",
                Some(estimate("GPT-3", 12.0, false)),
            ),
            (
                "<text x=\"1\" font-size=\"11.5\" font-weight=\"bold\">\n大模型\n</text>",
                Some(estimate("大模型", 11.5, true)),
            ),
            (
                "<text x=\"1\" font-size=\"11\">\nA &amp; B\n</text>",
                Some(estimate("A & B", 11.0, false)),
            ),
            ("<text x=\"1\">\nno size\n</text>", None),
        ];
        for (svg, width) in cases {
            let fitted = fit_texts(svg);
            match width {
                Some(width) => assert!(
                    fitted.contains(&format!(
                        " textLength=\"{width:.1}\" lengthAdjust=\"spacingAndGlyphs\">"
                    )),
                    "{fitted}"
                ),
                None => assert_eq!(fitted, svg),
            }
        }
    }

    #[test]
    fn the_font_family_is_said_once_on_the_svg() {
        let svg = "<text font-family=\"system-ui, sans-serif\" x=\"1\">a</text>\n<text font-family=\"system-ui, sans-serif\" x=\"2\">b</text>";
        let (body, family) = hoist_font_family(svg);
        assert_eq!(family, "system-ui, sans-serif");
        assert!(!body.contains("font-family"), "{body}");
    }

    #[test]
    fn every_colour_the_first_paint_draws_is_recoloured_to_the_theme_s_by_the_page_css() {
        let (models, stages) = fixture();
        let block = block(&models, &stages).expect("the block renders");
        let css = std::fs::read_to_string(crate::process::workspace_root().join("www/style.css"))
            .expect("www/style.css");
        let light = Theme::light().css_colors();
        let mut colours: Vec<(&str, &str)> = Vec::new();
        for attribute in ["fill", "stroke"] {
            for piece in block.split(&format!(" {attribute}=\"#")).skip(1) {
                let colour = &piece[..6];
                if !colours.contains(&(attribute, colour)) {
                    colours.push((attribute, colour));
                }
            }
        }
        assert!(colours.len() >= 10, "{colours:?}");
        for (attribute, colour) in colours {
            let selector =
                format!(".ps-first-svg [{attribute}=\"#{colour}\"] {{ {attribute}: var(");
            let variable = css
                .split(&selector)
                .nth(1)
                .and_then(|rest| rest.split(')').next())
                .unwrap_or_else(|| panic!("www/style.css has no rule `{selector}…)`"));
            let (_, mirrored) = light
                .iter()
                .find(|(name, _)| *name == variable)
                .unwrap_or_else(|| panic!("{variable} is not one of Theme::css_colors"));
            assert_eq!(
                mirrored.hex(),
                format!("#{}", colour.to_ascii_lowercase()),
                "{attribute} #{colour} is recoloured by {variable}, another light colour"
            );
        }
    }

    #[test]
    fn each_width_class_draws_the_stage_the_page_css_gives_at_its_width() {
        // (viewport, stage width, stage height): the figure's width less the
        // page's padding; its height (`.chart`, the brush's 42 px included)
        // less the title and the toolbar.
        let cases = [
            ("narrow", 374.0, 685.5 - 29.4 - 42.0),
            ("medium", 784.0, 554.0 - 33.3 - 42.0),
            ("wide", 1200.0, 842.0 - 33.3 - 42.0),
        ];
        let classes = width_classes();
        assert_eq!(classes.len(), cases.len());
        for ((name, width, height), class) in cases.into_iter().zip(classes) {
            assert_eq!((class.name, class.stage.0), (name, width));
            assert!(
                (class.stage.1 - height).abs() < 0.05,
                "{name}: {:?}",
                class.stage
            );
        }
    }

    #[test]
    fn the_block_has_a_title_and_an_svg_with_marks_for_each_language_and_width() {
        let (models, stages) = fixture();
        let block = block(&models, &stages).expect("the block renders");
        for lang in Lang::ALL {
            let title = i18n::phrase(Phrase::Title, lang);
            let heading = format!(
                "<h1 class=\"ps-title\" id=\"ps-title-{code}\" lang=\"{}\" data-lang=\"{code}\">{title}</h1>",
                lang.html_tag(),
                code = lang.code()
            );
            assert!(block.contains(&heading), "no {heading} in the block");
            for class in width_classes() {
                let start = format!(
                    "<svg class=\"ps-first-svg ps-first-{}\" lang=\"{}\"",
                    class.name,
                    lang.html_tag()
                );
                let svg = block
                    .split(&start)
                    .nth(1)
                    .and_then(|rest| rest.split("</svg>").next())
                    .unwrap_or_else(|| panic!("no {start} in the block"));
                // Circles, and diamonds and triangles as closed paths.
                let marks = svg.matches("<circle").count() + svg.matches("z\"/>").count();
                assert!(marks >= 10, "{start}: only {marks} marks");
                assert!(
                    svg.contains("role=\"img\" aria-label=\""),
                    "{start}: unnamed"
                );
            }
        }
    }

    #[test]
    fn the_block_holds_no_style_and_no_script_for_the_strict_policy() {
        let (models, stages) = fixture();
        let block = block(&models, &stages)
            .expect("the block renders")
            .to_ascii_lowercase();
        for forbidden in ["style=", "<style", "<script", "javascript:"] {
            assert!(
                !block.contains(forbidden),
                "the first paint holds {forbidden:?}"
            );
        }
        assert!(
            !has_event_handler(&block),
            "the first paint holds an on… attribute"
        );
    }
}
