//! What the reader takes away: the models as CSV, and the snippets that
//! embed the current view in another page.

use crate::dataset::{Model, DATA_FILE_COLUMNS};
use crate::i18n::Lang;
use crate::options::ChartOptions;
use crate::table::escape_html;

/// The models as CSV in the data file's own columns ([`DATA_FILE_COLUMNS`]),
/// so a download can be charted again with `cargo xtask dist --data`.
pub fn models_csv(models: &[&Model]) -> String {
    let mut csv = DATA_FILE_COLUMNS.join(",");
    csv.push('\n');
    let count = |count: Option<u64>| count.map(|count| count.to_string()).unwrap_or_default();
    for model in models {
        let fields = [
            model.id.to_string(),
            model.name.to_string(),
            model.name_zh.to_string(),
            model.organization.to_string(),
            model.organization_zh.to_string(),
            model.country.to_string(),
            model.date.to_string(),
            count(model.params),
            count(model.active_params),
            model.architecture.code().to_owned(),
            model.status.code().to_owned(),
            model.modality.code().to_owned(),
            model.source_url.to_string(),
            model.article_claim.to_string(),
            model.article_claim_en.to_string(),
            model
                .article_date
                .map(|date| date.to_string())
                .unwrap_or_default(),
            count(model.article_params),
            model.note.to_string(),
            model.note_zh.to_string(),
            if model.in_article { "yes" } else { "" }.to_owned(),
        ];
        let quoted: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
        csv.push_str(&quoted.join(","));
        csv.push('\n');
    }
    csv
}

/// Quotes a field when it holds a comma, quote or line break, and defuses
/// text that a spreadsheet would run as a formula.
fn csv_field(field: &str) -> String {
    let defused = if field.starts_with(['=', '+', '-', '@']) && !is_plain_number(field) {
        format!("'{field}")
    } else {
        field.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// A decimal number, signed, with an optional fraction and exponent
/// (`-5`, `+1.5e3`, `-.5`): what a leading sign may begin without being a
/// formula. (Checked by hand: parsing it as `f64` would bring a float parser
/// into the wasm module for this alone.)
fn is_plain_number(text: &str) -> bool {
    let digits = |text: &str| text.bytes().take_while(u8::is_ascii_digit).count();
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let whole = digits(unsigned);
    let rest = &unsigned[whole..];
    let (fraction, rest) = match rest.strip_prefix('.') {
        Some(after) => (digits(after), &after[digits(after)..]),
        None => (0, rest),
    };
    if whole + fraction == 0 {
        return false;
    }
    match rest.strip_prefix(['e', 'E']) {
        None => rest.is_empty(),
        Some(exponent) => {
            let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
            digits(exponent) > 0 && digits(exponent) == exponent.len()
        }
    }
}

/// The least and the most height of an iframe embed, in CSS px ([`frame_height_css`]).
pub const FRAME_HEIGHT_RANGE: (u32, u32) = (648, 858);

/// The height of an iframe embed grows with its width, as the chart page's figure does:
/// 64 hundredths of the width, and 58 px (the brush's 42 px and the page's padding).
const FRAME_HEIGHT_SLOPE: u32 = 64;
const FRAME_HEIGHT_BASE: u32 = 58;

/// The height [`frame_height_css`] gives a frame `width` CSS px wide, in CSS px, and
/// with `story`, [`story_room_css`] on top.
pub fn frame_height(width: f64, story: bool) -> f64 {
    let (least, most) = FRAME_HEIGHT_RANGE;
    let chart = (width * f64::from(FRAME_HEIGHT_SLOPE) / 100.0 + f64::from(FRAME_HEIGHT_BASE))
        .clamp(f64::from(least), f64::from(most));
    let (room_least, room_most) = STORY_ROOM_RANGE;
    let room = (f64::from(STORY_ROOM_BASE) - width * f64::from(STORY_ROOM_SLOPE) / 100.0)
        .clamp(f64::from(room_least), f64::from(room_most));
    if story {
        chart + room
    } else {
        chart
    }
}

/// The height of an iframe embed as a CSS formula of the frame's width, in which `unit`
/// is a hundredth of that width: `cqw` in the snippet (the frame fills its container's
/// width), `vw` on the chart's page inside the frame (`www/style.css`, `.embed`), where
/// it is the same length. 648 px up to a frame 922 px wide; then, as the chart's own
/// page at that width, the figure (64 % of the width and the brush's 42 px) and the
/// page's 16 px of padding; at most 858 px, the page's highest figure and its padding.
/// The least is above the page's own height in a frame of that height (on a phone,
/// `91vh + 42px` and the padding: 644.4 px), so that the page fits its frame even
/// before `main.js` marks it as an embed.
pub fn frame_height_css(unit: &str) -> String {
    let (least, most) = FRAME_HEIGHT_RANGE;
    format!("clamp({least}px, calc({FRAME_HEIGHT_SLOPE}{unit} + {FRAME_HEIGHT_BASE}px), {most}px)")
}

/// The least and the most room of a story step's panel ([`story_room_css`]), in CSS px.
pub const STORY_ROOM_RANGE: (u32, u32) = (140, 300);
/// The room shrinks as the frame widens and the step's text takes fewer lines: 420 px,
/// less 36 hundredths of the width.
const STORY_ROOM_BASE: u32 = 420;
const STORY_ROOM_SLOPE: u32 = 36;

/// The room an iframe embed that opens in the story (`step=N`) keeps for the step's
/// panel above the chart, on top of [`frame_height_css`], as CSS of the frame's width
/// in `unit`: 300 px up to a frame 333 px wide, 140 px from 778 px. The panel with its
/// margins measured 237–357 px in a frame 304 px wide, 127–192 px from 600 px (the nine
/// steps, zh and en); a longer one takes its room from the drawing, down to the least
/// that `www/style.css` keeps it.
pub fn story_room_css(unit: &str) -> String {
    let (least, most) = STORY_ROOM_RANGE;
    format!("clamp({least}px, calc({STORY_ROOM_BASE}px - {STORY_ROOM_SLOPE}{unit}), {most}px)")
}

/// An `<iframe>` that shows `page_url` (the chart page, without a query) in
/// the view `options` describe, in a box that is its container's width and
/// whose height is a formula of that width ([`frame_height_css`], and
/// [`story_room_css`] for a view in the story), so that the frame has its
/// final height at the host page's first layout, with no script: the host
/// page never moves as the chart loads. The chart's page fills the frame. A
/// browser without container queries takes the formula's least, and
/// `embed.js` then grows the frame if the chart needs more.
pub fn iframe_snippet(page_url: &str, options: &ChartOptions, lang: Lang) -> String {
    let query = options.to_query();
    let separator = if query.is_empty() { "" } else { "&" };
    let title = crate::i18n::phrase(crate::i18n::Phrase::Title, lang);
    let (fallback, height) = if options.step.is_some_and(|step| step > 0) {
        (
            FRAME_HEIGHT_RANGE.0 + STORY_ROOM_RANGE.1,
            format!(
                "calc({} + {})",
                frame_height_css("cqw"),
                story_room_css("cqw")
            ),
        )
    } else {
        (FRAME_HEIGHT_RANGE.0, frame_height_css("cqw"))
    };
    format!(
        "<div style=\"container-type:inline-size\"><iframe src=\"{}\" title=\"{}\" data-param-scale-frame loading=\"lazy\" style=\"display:block;width:100%;height:{fallback}px;height:{height};border:0\"></iframe></div>\n<script type=\"module\" src=\"{}\"></script>",
        escape_html(&format!("{page_url}?embed=1{separator}{query}")),
        escape_html(title),
        escape_html(&embed_script_url(page_url)),
    )
}

/// A `<div>` that `embed.js` turns into the chart inline, no iframe, after
/// the chart's stylesheet, which gives the div its final height from the
/// first paint rather than once `embed.js` runs.
pub fn script_snippet(page_url: &str, options: &ChartOptions) -> String {
    let mut attributes = String::from("data-param-scale");
    let query = options.to_query();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        if let Some((key, value)) = pair.split_once('=') {
            attributes.push_str(&format!(" data-{key}=\"{}\"", escape_html(value)));
        }
    }
    format!(
        "<link rel=\"stylesheet\" href=\"{}\">\n<div {attributes}></div>\n<script type=\"module\" src=\"{}\"></script>",
        escape_html(&beside_page(page_url, "www/style.css")),
        escape_html(&embed_script_url(page_url))
    )
}

/// `www/embed.js` beside the chart page.
fn embed_script_url(page_url: &str) -> String {
    beside_page(page_url, "www/embed.js")
}

/// The file name of the static chart that `cargo xtask dist` draws beside
/// `index.html` for `lang`: `chart-zh.svg`, `chart-en.svg`. The page shows it
/// without JavaScript, and in the chart's place when the chart cannot run.
pub fn static_chart_file(lang: Lang) -> String {
    format!("chart-{}.svg", lang.code())
}

/// Where a chart that can no longer run finds its static chart: beside the
/// chart page `page_url` (the address `embed.js` passes as `pageUrl`), or,
/// without one, beside the current document (the chart page itself).
pub fn static_chart_url(page_url: Option<&str>, lang: Lang) -> String {
    let file = static_chart_file(lang);
    match page_url {
        Some(page_url) => beside_page(page_url, &file),
        None => file,
    }
}

/// `path` relative to the folder of `page_url` (its query and fragment left out).
fn beside_page(page_url: &str, path: &str) -> String {
    let page = page_url.split(['?', '#']).next().unwrap_or(page_url);
    let authority_start = page.find("://").map_or(0, |index| index + 3);
    match page[authority_start..].rfind('/') {
        Some(slash) => format!("{}{path}", &page[..authority_start + slash + 1]),
        None => format!("{page}/{path}"),
    }
}
