//! Measuring text for layout: a 2D context of its own (a canvas never
//! shown), whose font is set only when it changes and which remembers
//! widths across redraws.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;

use super::canvas::context_2d;
use crate::layout::{Font, TextMeasure};

/// Measures text in CSS pixels with a 2D context of its own (a canvas never
/// shown), so that its font stays set between calls: setting a canvas font
/// costs more than measuring. Widths are remembered across redraws, as a
/// chart measures the same labels each time it is drawn.
pub struct TextMeter {
    context: CanvasRenderingContext2d,
    state: RefCell<MeterState>,
}

#[derive(Default)]
struct MeterState {
    font: Option<(u64, bool, &'static str)>,
    widths: HashMap<(String, u64, bool, &'static str), f64>,
}

/// How many widths the meter keeps before it starts again.
const METER_CAPACITY: usize = 20_000;

impl TextMeter {
    pub fn new(document: &web_sys::Document) -> Result<TextMeter, JsValue> {
        let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        Ok(TextMeter {
            context: context_2d(&canvas)?,
            state: RefCell::default(),
        })
    }

    /// The meter for text in `family`.
    pub fn with_family(&self, family: &'static str) -> CanvasMeasure<'_> {
        CanvasMeasure {
            meter: self,
            family,
        }
    }
}

/// A [`TextMeter`] for one font family.
pub struct CanvasMeasure<'a> {
    meter: &'a TextMeter,
    family: &'static str,
}

impl TextMeasure for CanvasMeasure<'_> {
    fn measure(&self, text: &str, font: Font) -> (f64, f64) {
        let height = font.size * 1.2;
        let key = (font.size.to_bits(), font.bold, self.family);
        let mut state = self.meter.state.borrow_mut();
        if let Some(width) = state.widths.get(&(text.to_owned(), key.0, key.1, key.2)) {
            return (*width, height);
        }
        if state.font != Some(key) {
            let weight = if font.bold { "bold" } else { "normal" };
            self.meter
                .context
                .set_font(&format!("{weight} {}px {}", font.size, self.family));
            state.font = Some(key);
        }
        let width = self
            .meter
            .context
            .measure_text(text)
            .map(|metrics| metrics.width())
            .unwrap_or(font.size * text.chars().count() as f64);
        if state.widths.len() >= METER_CAPACITY {
            state.widths.clear();
        }
        state
            .widths
            .insert((text.to_owned(), key.0, key.1, key.2), width);
        (width, height)
    }
}
