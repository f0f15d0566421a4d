//! The browser shell: the only module that knows `web_sys`, `JsValue` and
//! serde-wasm-bindgen.
//!
//! It turns a host's container element into a chart: a toolbar (language,
//! time range, show all, copy link, table, embed, downloads, story), the chart
//! canvas with a transparent overlay for the zoom selection, a highlight
//! ring, real buttons over the drawn legend, a tooltip and a live region.
//! Everything it shows comes from the pure core; this module gathers inputs
//! (size, language, events) and writes the outcome back to the DOM.
//!
//! One concept a file:
//! - `api`: the JS API (`createChart`, the `Chart` handle, `models()`);
//! - `js_options`: reading `createChart`'s options object and the browser's
//!   preferences;
//! - `registry`: the live charts of the page, until `destroy()`;
//! - `container`: what the chart changes on the host's container, and
//!   giving it back as it was;
//! - `events`: the event table, DOM events into [`controller::Message`]s;
//! - `controller`: one queue of messages a chart, carried out in turn, with
//!   the state borrowed only while one message changes it;
//! - `effects`: what runs host code (focus, a click, the clipboard), done
//!   after that borrow ends;
//! - `failure`: a failed draw and a failed action;
//! - `retire`: the panic hook's retirement of every chart;
//! - `element`: helpers that make elements; `first_paint`: taking over the
//!   chart of the page's first response (its block and heading, in place);
//! - here: the panic hook ([`start`]), `warn` (English, for the page's
//!   developer), and the error maps that keep a cause: `because` (a
//!   browser error's reason) and `unexpected` (what came instead of the
//!   type asked for);
//! - `chart`: one chart's state; `dom`: its elements; `canvas`: 2D
//!   contexts; `meter`: text measurement; `sprites`: the marker stamper;
//! - `story_state`: the chart in the article's story (which step, its
//!   view); `story_panel`: the story's button and panel;
//! - `touch_state`: the chart and a pinch of two fingers on its plot;
//!   `sheet`: the pinned tooltip docked as a sheet on a narrow chart.
//!
//! A panic ends the module (`panic = "abort"`): the hook logs it and retires
//! every chart — no more listeners or observers, and the message with the
//! static chart in its place ([`retire::retire_every_chart`]).

mod api;
mod brush_bar;
mod brush_events;
mod brush_state;
mod canvas;
mod chart;
mod container;
mod controller;
mod dom;
mod effects;
mod element;
mod events;
mod failure;
mod first_paint;
mod js_options;
mod menu;
mod meter;
mod registry;
mod retire;
mod search_box;
mod search_state;
mod sheet;
mod sprites;
mod story_panel;
mod story_state;
mod touch_state;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        retire::retire_every_chart(&info.to_string());
    }));
}

/// Logs a warning for the page's developer (not the reader: English).
fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("param-scale: {message}")));
}

/// A map from a value of the wrong type (what `dyn_into` and `try_into`
/// hand back) to an error that says what was expected and what came.
fn unexpected<Value: std::fmt::Debug>(expected: &str) -> impl FnOnce(Value) -> JsValue + '_ {
    move |value| JsValue::from_str(&format!("{expected}, not {value:?}"))
}

/// A map from a browser error to a message that says what failed and keeps
/// the browser's reason.
fn because(what: &str) -> impl FnOnce(JsValue) -> String + '_ {
    move |error| {
        let reason = error
            .dyn_ref::<js_sys::Error>()
            .map(|error| String::from(error.message()))
            .or_else(|| error.as_string())
            .unwrap_or_else(|| format!("{error:?}"));
        format!("{what}: {reason}")
    }
}
