//! What the tooltip says about a model, in the reader's language.
//!
//! The browser shell turns a [`TooltipContent`] into DOM nodes with
//! `textContent` only; nothing here is HTML.

use crate::dataset::{Architecture, Model};
use crate::geometry::Point;
use crate::i18n::{self, count_both_forms, date_text, short_count, Lang, Phrase};

/// The most rows a tooltip has: organization, date, parameters,
/// architecture, and what the point is where it is not a released model.
pub const MAX_ROWS: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooltipContent {
    pub title: String,
    /// Label and value, one row each.
    pub rows: Vec<(String, String)>,
    /// What the source article said where it differs from the source.
    pub article_claim: Option<String>,
    pub note: Option<String>,
    pub source_label: String,
    pub source_url: String,
}

pub fn tooltip_content(model: &Model, lang: Lang) -> TooltipContent {
    let text = |phrase| i18n::phrase(phrase, lang).to_owned();
    let organization = match lang {
        Lang::Zh => &model.organization_zh,
        Lang::En => &model.organization,
    };
    let architecture = match model.architecture {
        Architecture::Undisclosed => i18n::phrase(Phrase::Undisclosed, lang),
        other => i18n::architecture_name(other, lang),
    };
    let mut rows = vec![
        (text(Phrase::Organization), organization.to_string()),
        (text(Phrase::Released), date_text(model.date, lang)),
        (text(Phrase::Parameters), params_text(model, lang)),
        (text(Phrase::ArchitectureLabel), architecture.to_owned()),
    ];
    if let Some(status) = i18n::status_text(model.status, lang) {
        rows.push((text(Phrase::Kind), status.to_owned()));
    }
    TooltipContent {
        title: i18n::model_name(model, lang).to_owned(),
        rows,
        article_claim: claim_text(model, lang),
        note: Some(in_lang(&model.note, &model.note_zh, lang)).filter(|note| !note.is_empty()),
        source_label: text(Phrase::SourceLabel),
        source_url: model.source_url.to_string(),
    }
}

/// The count, and for a mixture of experts with a published active count,
/// both counts.
fn params_text(model: &Model, lang: Lang) -> String {
    match (model.params, model.active_params) {
        (Some(total), Some(active)) => i18n::total_and_active(
            &count_both_forms(total, lang),
            &count_both_forms(active, lang),
            lang,
        ),
        (Some(total), None) => count_both_forms(total, lang),
        (None, _) => i18n::phrase(Phrase::Undisclosed, lang).to_owned(),
    }
}

/// The Chinese text for Chinese readers, the English for English ones; a
/// missing one falls back to the other.
fn in_lang(english: &str, chinese: &str, lang: Lang) -> String {
    let (first, second) = match lang {
        Lang::Zh => (chinese, english),
        Lang::En => (english, chinese),
    };
    if first.is_empty() { second } else { first }.to_owned()
}

/// What the article says of the model, in the reader's language.
fn claim_text(model: &Model, lang: Lang) -> Option<String> {
    let claim = in_lang(&model.article_claim_en, &model.article_claim, lang);
    (!claim.is_empty()).then(|| format!("{}{claim}", i18n::phrase(Phrase::ArticleSays, lang)))
}

/// What a ghost's tooltip says: where the article puts the model and where
/// its source does, both in the reader's language, then the article's words.
/// zh: `文中称：2019年，170亿` · `来源：2020年2月10日，170亿`.
pub fn claim_content(model: &Model, lang: Lang) -> TooltipContent {
    let text = |phrase| i18n::phrase(phrase, lang).to_owned();
    let separator = match lang {
        Lang::Zh => "，",
        Lang::En => ", ",
    };
    let count = |count: Option<u64>| match count {
        Some(count) => short_count(count as f64, lang),
        None => i18n::phrase(Phrase::Undisclosed, lang).to_owned(),
    };
    let article = [
        model.article_date.map(|date| date_text(date, lang)),
        model.article_params.map(|params| count(Some(params))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(separator);
    let source = format!(
        "{}{separator}{}",
        date_text(model.date, lang),
        count(model.params)
    );
    TooltipContent {
        title: format!(
            "{} · {}",
            i18n::model_name(model, lang),
            i18n::phrase(Phrase::AsTheArticleSays, lang)
        ),
        rows: vec![
            (text(Phrase::ArticleClaims), article),
            (text(Phrase::SourceLabel), source),
        ],
        article_claim: claim_text(model, lang),
        note: Some(in_lang(&model.note, &model.note_zh, lang)).filter(|note| !note.is_empty()),
        source_label: text(Phrase::SourceLabel),
        source_url: model.source_url.to_string(),
    }
}

/// One sentence for the live region: name, organization, date, size.
pub fn announcement(model: &Model, lang: Lang) -> String {
    let content = tooltip_content(model, lang);
    let values: Vec<&str> = content
        .rows
        .iter()
        .map(|(_, value)| value.as_str())
        .collect();
    match lang {
        Lang::Zh => format!("{}：{}", content.title, values.join("，")),
        Lang::En => format!("{}: {}", content.title, values.join(", ")),
    }
}

/// How far the tooltip keeps from the point it describes, CSS px.
pub const TOOLTIP_GAP: f64 = 14.0;
/// How far it keeps from the viewport's edges, CSS px.
pub const VIEWPORT_MARGIN: f64 = 6.0;

/// Where a tooltip of `size` (CSS px) goes for a point at `at` in the
/// stage, whose top-left corner is at `stage_origin` in a viewport of
/// `viewport` size. Right of the point and above it by preference; on the
/// left or below where that side has no room; and where neither side has,
/// as far inside the viewport as it fits (the top edge first, so that its
/// title stays readable). Returns its top-left corner in stage coordinates,
/// in whole pixels.
pub fn place_tooltip(
    at: Point,
    size: (f64, f64),
    stage_origin: Point,
    viewport: (f64, f64),
) -> Point {
    let (width, height) = size;
    let (x, y) = (stage_origin.x + at.x, stage_origin.y + at.y);
    let fits = |start: f64, length: f64, end: f64| {
        start >= VIEWPORT_MARGIN && start + length <= end - VIEWPORT_MARGIN
    };
    let inside = |start: f64, length: f64, end: f64| {
        start
            .min(end - VIEWPORT_MARGIN - length)
            .max(VIEWPORT_MARGIN)
    };
    let right = x + TOOLTIP_GAP;
    let left_side = x - TOOLTIP_GAP - width;
    let left = if fits(right, width, viewport.0) {
        right
    } else if fits(left_side, width, viewport.0) {
        left_side
    } else {
        inside(x - width / 2.0, width, viewport.0)
    };
    let above = y - TOOLTIP_GAP - height;
    let below = y + TOOLTIP_GAP;
    let top = if fits(above, height, viewport.1) {
        above
    } else if fits(below, height, viewport.1) {
        below
    } else {
        inside(above, height, viewport.1)
    };
    Point::new(
        (left - stage_origin.x).round(),
        (top - stage_origin.y).round(),
    )
}

/// Below this chart width (CSS px) a pinned tooltip docks as a sheet at
/// the chart's edge instead of floating over the points around its own.
pub const SHEET_BELOW_WIDTH: f64 = 600.0;
/// The most of the chart's visible height a sheet takes (it scrolls
/// beyond): under half, so that one edge always leaves the point in view.
pub const SHEET_MAX_SHARE: f64 = 0.45;
/// How far a sheet keeps from the chart's edges, CSS px.
pub const SHEET_MARGIN: f64 = 4.0;

/// Whether the tooltip docks as a sheet: pinned, on a chart narrower than
/// [`SHEET_BELOW_WIDTH`]. A hover tooltip always floats beside its point.
pub fn docks_as_sheet(chart_width: f64, pinned: bool) -> bool {
    pinned && chart_width < SHEET_BELOW_WIDTH
}

/// The tallest a sheet may be in a chart whose visible part spans
/// `visible` (top and bottom, CSS px in the stage).
pub fn sheet_max_height(visible: (f64, f64)) -> f64 {
    ((visible.1 - visible.0) * SHEET_MAX_SHARE).floor()
}

/// The top (CSS px in the stage) of a sheet of `height` docked in the
/// visible part of the chart, `visible` (its top and bottom in the stage):
/// at the bottom edge, unless it would cover the point at `y` with
/// `clearance` around it (its highlight); then at the top edge; and where
/// neither edge leaves the point clear, on the side with more room.
pub fn dock_sheet(y: f64, clearance: f64, visible: (f64, f64), height: f64) -> f64 {
    let bottom = visible.1 - SHEET_MARGIN - height;
    let top = visible.0 + SHEET_MARGIN;
    let room_below_point = bottom - (y + clearance);
    let room_above_point = (y - clearance) - (top + height);
    let place = if room_below_point >= 0.0 || room_below_point >= room_above_point {
        bottom
    } else {
        top
    };
    place.round()
}
