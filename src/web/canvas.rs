//! The 2D contexts of the chart's canvases: the one place that asks a
//! canvas for a context, so that the chart and the marker stamper share it
//! without importing each other.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The canvas's 2D context.
pub fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    context_2d_with(canvas, false)
}

/// The canvas's 2D context, made for reading its pixels often
/// (`willReadFrequently`) if this is the first request for it: the
/// options of the first request stay with the canvas.
pub fn read_often_context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    context_2d_with(canvas, true)
}

fn context_2d_with(
    canvas: &HtmlCanvasElement,
    read_often: bool,
) -> Result<CanvasRenderingContext2d, JsValue> {
    let options = js_sys::Object::new();
    if read_often {
        js_sys::Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE)?;
    }
    canvas
        .get_context_with_context_options("2d", &options)?
        .ok_or("this browser gives no 2D canvas")?
        .dyn_into::<CanvasRenderingContext2d>()
        .map_err(super::unexpected("this browser gives no 2D canvas"))
}
