//! What a layout draws, as boxes: every piece of text and every mark, in
//! CSS pixels relative to the chart's canvas.
//!
//! The page reports these boxes (`chart.layoutBoxes()`), and the tests use
//! them to check that no text covers a point or another text, at every
//! width and in both languages. A text's box is the one layout measured it
//! with (its width by the [`TextMeasure`], its line height); a mark's box is
//! its visible extent: a marker with its outline ([`marker_extent`]), a
//! mixture of experts' stem, an event's triangle, a ghost's ring.

use crate::geometry::{Point, Rect};
use crate::layout::{
    event_box, marker_extent, Anchor, ChartLayout, TextItem, TextMeasure, GHOST_OUTLINE,
};

/// What a box holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoxKind {
    /// A piece of text drawn on the canvas.
    Text,
    /// A marker, a stem, an event mark or a ghost.
    Mark,
}

impl BoxKind {
    /// The name the JS API gives the kind.
    pub fn code(self) -> &'static str {
        match self {
            BoxKind::Text => "text",
            BoxKind::Mark => "mark",
        }
    }
}

/// One drawn thing's box.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutBox {
    pub kind: BoxKind,
    /// The model it belongs to (an index into the layout's models): a
    /// label, a marker, an event, a ghost.
    pub model_index: Option<usize>,
    pub rect: Rect,
    /// The text, for a text box (to say which text overlaps which).
    pub text: Option<String>,
}

/// The box `item` occupies, measured as layout measured it.
pub fn text_rect(item: &TextItem, measure: &dyn TextMeasure) -> Rect {
    let (width, height) = measure.measure(&item.text, item.font);
    let Point { x, y } = item.position;
    let (left, top) = match item.anchor {
        Anchor::TopLeft => (x, y),
        Anchor::TopRight => (x - width, y),
        Anchor::TopCenter => (x - width / 2.0, y),
        Anchor::MiddleLeft => (x, y - height / 2.0),
        Anchor::MiddleRight => (x - width, y - height / 2.0),
    };
    Rect::new(left, top, left + width, top + height)
}

/// Every text and every mark `layout` draws: texts first (legend entries,
/// then the layout's texts), then marks (points and their stems, events,
/// ghosts).
pub fn layout_boxes(layout: &ChartLayout, measure: &dyn TextMeasure) -> Vec<LayoutBox> {
    let legend_texts = layout.legend.iter().flat_map(|item| item.lines.iter());
    let texts = legend_texts
        .chain(layout.texts.iter())
        .map(|item| LayoutBox {
            kind: BoxKind::Text,
            model_index: item.model_index,
            rect: text_rect(item, measure),
            text: Some(item.text.clone()),
        });
    let mark = |model_index: usize, rect: Rect| LayoutBox {
        kind: BoxKind::Mark,
        model_index: Some(model_index),
        rect,
        text: None,
    };
    let points = layout.points.iter().flat_map(|point| {
        let marker = Rect::around(
            point.center,
            marker_extent(point.radius, point.architecture),
        );
        let stem = point.stem_to.map(|bottom| {
            Rect::new(
                point.center.x - 1.0,
                point.center.y,
                point.center.x + 1.0,
                bottom,
            )
        });
        std::iter::once(mark(point.model_index, marker))
            .chain(stem.map(|stem| mark(point.model_index, stem)))
    });
    let events = layout
        .events
        .iter()
        .map(|event| mark(event.model_index, event_box(event)));
    let ghosts = layout.ghosts.iter().map(|ghost| {
        mark(
            ghost.model_index,
            Rect::around(ghost.center, ghost.radius + GHOST_OUTLINE),
        )
    });
    texts.chain(points).chain(events).chain(ghosts).collect()
}

/// Pairs of boxes (indexes into `boxes`) that must not overlap but do: a
/// text over a mark, or two texts. Marks may overlap each other (points
/// close in time and size do).
pub fn overlaps(boxes: &[LayoutBox]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (index, first) in boxes.iter().enumerate() {
        if first.kind != BoxKind::Text {
            continue;
        }
        for (other_index, second) in boxes.iter().enumerate() {
            let counted = second.kind == BoxKind::Mark || other_index > index;
            if other_index != index && counted && first.rect.intersects(&second.rect) {
                found.push((index, other_index));
            }
        }
    }
    found
}
