//! The brush's elements: a group under the time axis with a track, the
//! span between the thumbs, two thumbs that are ARIA sliders, and the year
//! each thumb shows as text beside it. Made once; placed and moved from
//! what [`crate::brush`] and the layout say.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement};

use super::element::{append_all, create};
use crate::brush::{Brush, Thumb};
use crate::geometry::Rect;
use crate::i18n::{self, Lang, Phrase};

/// The thumbs' row: its height (a touch target), CSS px.
pub const THUMB_ROW: f64 = 24.0;
/// A thumb's touch target, CSS px, square.
pub const THUMB_SIZE: f64 = 24.0;
/// The font size of the years by the thumbs, as the axis's ticks.
pub const LABEL_FONT_SIZE: f64 = 11.0;
/// The line's thickness, CSS px.
const LINE_WIDTH: f64 = 4.0;
/// The least space between the two years' texts, CSS px.
pub const LABEL_GAP: f64 = 8.0;

/// Where a drawn brush stands: its box in the stage and its years' texts'
/// lefts from the track's left, CSS px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BrushPlace {
    pub rect: Rect,
    pub labels: (f64, f64),
}

/// The brush's elements.
pub struct BrushBar {
    /// The group over the whole row (the track: a press on it brings the
    /// nearer thumb); `data-brush-part` on its parts says which was pressed.
    pub root: HtmlElement,
    line: HtmlElement,
    span: HtmlElement,
    pub thumbs: [HtmlElement; 2],
    labels: [HtmlElement; 2],
}

impl BrushBar {
    pub fn create(document: &Document) -> Result<BrushBar, JsValue> {
        let root: HtmlElement = create(document, "div", "ps-brush")?;
        root.set_attribute("role", "group")?;
        root.set_attribute("data-brush-part", "track")?;
        root.set_hidden(true);
        let line: HtmlElement = create(document, "div", "ps-brush-line")?;
        line.set_attribute("aria-hidden", "true")?;
        let span: HtmlElement = create(document, "div", "ps-brush-span")?;
        span.set_attribute("data-brush-part", "span")?;
        span.set_attribute("aria-hidden", "true")?;
        let mut thumbs = Vec::new();
        let mut labels = Vec::new();
        for thumb in Thumb::BOTH {
            let knob: HtmlElement = create(document, "div", "ps-brush-thumb")?;
            knob.set_attribute("role", "slider")?;
            knob.set_tab_index(0);
            knob.set_attribute("data-brush-part", "thumb")?;
            knob.set_attribute("data-thumb", thumb.code())?;
            knob.set_attribute("aria-orientation", "horizontal")?;
            let label: HtmlElement = create(document, "span", "ps-brush-year")?;
            label.set_attribute("data-year-of", thumb.code())?;
            label.set_attribute("aria-hidden", "true")?;
            thumbs.push(knob);
            labels.push(label);
        }
        let [from, to]: [HtmlElement; 2] = thumbs
            .try_into()
            .map_err(super::unexpected::<Vec<_>>("two thumbs"))?;
        let [from_label, to_label]: [HtmlElement; 2] = labels
            .try_into()
            .map_err(super::unexpected::<Vec<_>>("two years"))?;
        append_all(&root, &[&line, &span, &from_label, &to_label, &from, &to])?;
        let bar = BrushBar {
            root,
            line,
            span,
            thumbs: [from, to],
            labels: [from_label, to_label],
        };
        bar.set_layout_styles()?;
        Ok(bar)
    }

    /// The positions the brush needs, through the CSSOM: the group, and in
    /// it the line, the span, the thumbs and the years, each absolute.
    fn set_layout_styles(&self) -> Result<(), JsValue> {
        let style = self.root.style();
        style.set_property("position", "absolute")?;
        style.set_property("box-sizing", "border-box")?;
        style.set_property("user-select", "none")?;
        // A finger on a thumb or the span drags it; anywhere else on the
        // chart it still scrolls the page.
        for part in [&self.span, &self.thumbs[0], &self.thumbs[1]] {
            part.style().set_property("touch-action", "none")?;
        }
        // The line is drawn through the thumbs' middle; the span is as
        // high as the thumbs, to be easy to grab, and draws its bar there.
        let line = self.line.style();
        line.set_property("position", "absolute")?;
        line.set_property("left", "0")?;
        line.set_property("right", "0")?;
        line.set_property("top", &format!("{}px", THUMB_ROW / 2.0 - LINE_WIDTH / 2.0))?;
        line.set_property("height", &format!("{LINE_WIDTH}px"))?;
        line.set_property("pointer-events", "none")?;
        let span = self.span.style();
        span.set_property("position", "absolute")?;
        span.set_property("top", "0")?;
        span.set_property("height", &format!("{THUMB_ROW}px"))?;
        for thumb in &self.thumbs {
            let style = thumb.style();
            style.set_property("position", "absolute")?;
            style.set_property("top", "0")?;
            style.set_property("width", &format!("{THUMB_SIZE}px"))?;
            style.set_property("height", &format!("{THUMB_SIZE}px"))?;
            style.set_property("margin-left", &format!("{}px", -THUMB_SIZE / 2.0))?;
            style.set_property("box-sizing", "border-box")?;
        }
        for label in &self.labels {
            let style = label.style();
            style.set_property("position", "absolute")?;
            style.set_property("top", &format!("{}px", THUMB_ROW + 1.0))?;
            style.set_property("left", "0")?;
            style.set_property("white-space", "nowrap")?;
            style.set_property("pointer-events", "none")?;
            style.set_property("font-size", &format!("{LABEL_FONT_SIZE}px"))?;
            style.set_property("font-family", crate::theme::FONT_FAMILY)?;
            style.set_property("line-height", &format!("{}px", LABEL_FONT_SIZE * 1.2))?;
        }
        Ok(())
    }

    /// Names the group and the thumbs in `lang`.
    pub fn set_texts(&self, lang: Lang) -> Result<(), JsValue> {
        self.root
            .set_attribute("aria-label", i18n::phrase(Phrase::YearsShown, lang))?;
        for (thumb, phrase) in self.thumbs.iter().zip([Phrase::FromYear, Phrase::ToYear]) {
            thumb.set_attribute("aria-label", i18n::phrase(phrase, lang))?;
        }
        Ok(())
    }

    /// Shows `brush` at `place`, or hides the bar where the layout left no
    /// room for it.
    pub fn show(&self, brush: Brush, place: Option<BrushPlace>) -> Result<(), JsValue> {
        let Some(place) = place else {
            self.root.set_hidden(true);
            return Ok(());
        };
        let rect = place.rect;
        let style = self.root.style();
        style.set_property("left", &format!("{:.1}px", rect.left))?;
        style.set_property("top", &format!("{:.1}px", rect.top))?;
        style.set_property("width", &format!("{:.1}px", rect.width()))?;
        style.set_property("height", &format!("{:.1}px", rect.height()))?;
        let width = rect.width();
        let x = |thumb| brush.position(thumb) * width;
        let (from_x, to_x) = (x(Thumb::From), x(Thumb::To));
        let span = self.span.style();
        span.set_property("left", &format!("{from_x:.1}px"))?;
        span.set_property("width", &format!("{:.1}px", (to_x - from_x).max(0.0)))?;
        for (index, thumb) in Thumb::BOTH.into_iter().enumerate() {
            let year = brush.value(thumb).to_string();
            let (low, high) = brush.bounds(thumb);
            let knob = &self.thumbs[index];
            knob.style()
                .set_property("left", &format!("{:.1}px", x(thumb)))?;
            set_if_changed(knob, "aria-valuemin", &low.to_string())?;
            set_if_changed(knob, "aria-valuemax", &high.to_string())?;
            set_if_changed(knob, "aria-valuenow", &year)?;
            set_if_changed(knob, "aria-valuetext", &year)?;
            let label = &self.labels[index];
            if label.text_content().as_deref() != Some(year.as_str()) {
                label.set_text_content(Some(&year));
            }
            let left = if index == 0 {
                place.labels.0
            } else {
                place.labels.1
            };
            label
                .style()
                .set_property("transform", &format!("translateX({left:.1}px)"))?;
        }
        self.root.set_hidden(false);
        Ok(())
    }
}

/// Sets `name` to `value` unless it is so already (a screen reader hears a
/// slider's value change).
fn set_if_changed(element: &Element, name: &str, value: &str) -> Result<(), JsValue> {
    if element.get_attribute(name).as_deref() != Some(value) {
        element.set_attribute(name, value)?;
    }
    Ok(())
}
