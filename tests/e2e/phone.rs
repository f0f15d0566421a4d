//! The chart on a phone and on wider screens, as the page reports what it drew:
//! no text over a mark or over another text, and the article's models labelled.

use param_scale::boxes::{overlaps, BoxKind, LayoutBox};
use param_scale::geometry::Rect;
use serde_json::Value;

use super::*;

/// The widths the issue names, from a small phone to a desktop.
const WIDTHS: [u32; 7] = [320, 360, 390, 430, 768, 1024, 1440];
/// From this width on, every model the article names has a label (on a phone the
/// three rows of controls above the chart leave it too little height today).
const LABELLED_FROM: u32 = 768;

impl Page {
    /// `layoutBoxes()` of the page's chart, as core boxes (a mark's or a label's
    /// model id in `text`, for the messages).
    async fn layout_boxes(&self) -> Result<Vec<(LayoutBox, Option<String>)>, String> {
        let found = self
            .evaluate("return document.getElementById('chart').chart.layoutBoxes();")
            .await?;
        let boxes = found
            .as_array()
            .ok_or_else(|| format!("layoutBoxes() gave {found}"))?;
        boxes
            .iter()
            .map(|reported| {
                let number = |key: &str| {
                    reported[key]
                        .as_f64()
                        .ok_or_else(|| format!("a box without {key}: {reported}"))
                };
                let kind = match reported["kind"].as_str() {
                    Some("text") => BoxKind::Text,
                    Some("mark") => BoxKind::Mark,
                    _ => return Err(format!("a box of no known kind: {reported}")),
                };
                let (x, y) = (number("x")?, number("y")?);
                let rect = Rect::new(x, y, x + number("width")?, y + number("height")?);
                let id = reported["id"].as_str().map(str::to_owned);
                let layout_box = LayoutBox {
                    kind,
                    model_index: None,
                    rect,
                    text: None,
                };
                Ok((layout_box, id))
            })
            .collect()
    }
}

fn describe((layout_box, id): &(LayoutBox, Option<String>)) -> String {
    let kind = layout_box.kind.code();
    let Rect {
        left,
        top,
        right,
        bottom,
    } = layout_box.rect;
    let id = id.as_deref().unwrap_or("-");
    format!("{kind} {id} [{left:.1}, {top:.1} – {right:.1}, {bottom:.1}]")
}

/// Opens the page at each width in `language` and checks what it drew.
async fn check_widths(page: Page, language: Language) -> Result<(), String> {
    let article: Vec<&str> = param_scale::embedded::models()
        .iter()
        .filter(|model| model.in_article)
        .map(|model| &*model.id)
        .collect();
    let mut failures = Vec::new();
    for width in WIDTHS {
        page.client
            .set_window_size(width, 800)
            .await
            .map_err(|error| format!("cannot resize the window: {error}"))?;
        page.open(language).await?;
        let inner = page.evaluate("return window.innerWidth;").await?;
        if inner.as_f64() != Some(f64::from(width)) {
            failures.push(format!("{width} px: the viewport is {inner} px wide"));
        }
        let boxes = page.layout_boxes().await?;
        let texts = boxes
            .iter()
            .filter(|(layout_box, _)| layout_box.kind == BoxKind::Text)
            .count();
        let marks = boxes.len() - texts;
        if texts < 20 || marks < 50 {
            failures.push(format!("{width} px: only {texts} texts and {marks} marks"));
        }
        let bare: Vec<LayoutBox> = boxes
            .iter()
            .map(|(layout_box, _)| layout_box.clone())
            .collect();
        for (first, second) in overlaps(&bare) {
            failures.push(format!(
                "{} {width} px: {} overlaps {}",
                language.query,
                describe(&boxes[first]),
                describe(&boxes[second])
            ));
        }
        if width >= LABELLED_FROM {
            for id in &article {
                let labelled = boxes.iter().any(|(layout_box, label)| {
                    layout_box.kind == BoxKind::Text && label.as_deref() == Some(*id)
                });
                if !labelled {
                    failures.push(format!("{} {width} px: {id} has no label", language.query));
                }
            }
        }
    }
    check(failures)
}

#[tokio::test(flavor = "multi_thread")]
async fn no_text_covers_a_mark_or_a_text_at_any_width_in_chinese() {
    with_browser(BrowserOptions::default(), |page| {
        check_widths(page, LANGUAGES[0])
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn no_text_covers_a_mark_or_a_text_at_any_width_in_english() {
    with_browser(BrowserOptions::default(), |page| {
        check_widths(page, LANGUAGES[1])
    })
    .await;
}

/// The boxes are where the page drew: a label's box lies on the canvas, and each
/// reported mark holds the point `drawnPoints()` gives for its model.
#[tokio::test(flavor = "multi_thread")]
async fn the_reported_boxes_hold_the_drawn_points() {
    with_browser(BrowserOptions::default(), |page| async move {
        page.open(LANGUAGES[1]).await?;
        let boxes = page.layout_boxes().await?;
        let points = page
            .evaluate("return document.getElementById('chart').chart.drawnPoints();")
            .await?;
        let size = page.canvas_size().await?;
        let mut failures = Vec::new();
        for point in points.as_array().into_iter().flatten() {
            let (Some(id), Some(x), Some(y)) = (
                point["id"].as_str(),
                point["x"].as_f64(),
                point["y"].as_f64(),
            ) else {
                return Err(format!("a point without id, x, y: {point}"));
            };
            let held = boxes.iter().any(|(layout_box, mark)| {
                layout_box.kind == BoxKind::Mark
                    && mark.as_deref() == Some(id)
                    && layout_box
                        .rect
                        .inflate(0.5)
                        .contains(param_scale::geometry::Point::new(x, y))
            });
            if !held && point["disclosed"] == Value::Bool(true) {
                failures.push(format!("{id} at ({x:.1}, {y:.1}) is in no mark box"));
            }
        }
        for (layout_box, id) in &boxes {
            let canvas = Rect::new(0.0, 0.0, size.css_width, size.css_height);
            if !canvas.inflate(0.5).contains_rect(&layout_box.rect) {
                failures.push(format!(
                    "{} leaves the canvas",
                    describe(&(layout_box.clone(), id.clone()))
                ));
            }
        }
        check(failures)
    })
    .await;
}
