//! The browser shell: the only module that knows `web_sys`, `JsValue` and
//! serde-wasm-bindgen.
//!
//! It turns a container element into a chart: a `<canvas>` whose backing
//! store follows the container's size times `devicePixelRatio`, redrawn by a
//! `ResizeObserver`. Everything it draws comes from the pure core
//! ([`crate::render::draw`]); this module only gathers the inputs (size,
//! language, theme), measures text with the canvas, and writes the outcome
//! back to the DOM (`data-state`, accessible name, error message).
//!
//! JS API (instance-based, so a page may hold several charts):
//! `createChart(element, options?) → Chart`, `chart.redraw()`,
//! `chart.destroy()`, `chart.drawnPoints()`, and `models()` for the
//! embedded data as plain objects.

use std::cell::RefCell;
use std::rc::Rc;

use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, ResizeObserver};

use crate::dataset::Model;
use crate::embedded::{MODELS, STAGES};
use crate::i18n::{self, Lang, Phrase};
use crate::layout::{ChartLayout, Font, LayoutConfig, TextMeasure};
use crate::options::{ChartOptions, OPTION_KEYS};
use crate::render::{draw, PaintConfig};
use crate::theme::{Theme, ThemeName};

/// The attribute that marks a chart's container, so that a panic can find
/// every chart on the page and say what happened in its place.
const CONTAINER_ATTRIBUTE: &str = "data-param-scale-chart";

#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error_everywhere(&info.to_string());
    }));
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("param-scale: {message}")));
}

/// One chart on the page.
#[wasm_bindgen]
pub struct Chart {
    state: Rc<RefCell<ChartState>>,
    observer: ResizeObserver,
    // Kept alive as long as the observer may call it.
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
}

struct ChartState {
    container: Element,
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    lang: Lang,
    theme: ThemeName,
    /// The layout of the last draw: where every point is, for hit-testing.
    layout: Option<ChartLayout>,
    /// CSS size and pixel ratio of the last draw, to skip needless redraws.
    drawn_size: Option<(u32, u32, f64)>,
}

/// Creates a chart inside `container` (an empty block element; the chart
/// fills it). `options` is a plain object: `{ lang: "zh" | "en", theme:
/// "light" | "dark" }`; unknown keys and bad values are warned about and
/// ignored.
#[wasm_bindgen(js_name = createChart)]
pub fn create_chart(container: Element, options: JsValue) -> Result<Chart, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;

    let from_object = read_options_object(&options);
    let query = window.location().search().unwrap_or_default();
    let (from_url, warnings) = ChartOptions::from_query(&query);
    for warning in warnings {
        warn(&warning);
    }
    let options = from_object.or(from_url);
    let lang = options.lang.unwrap_or_else(|| browser_lang(&window));
    let theme = options.theme.unwrap_or_else(|| {
        let dark = window
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches());
        if dark {
            ThemeName::Dark
        } else {
            ThemeName::Light
        }
    });

    container.set_attribute(CONTAINER_ATTRIBUTE, "")?;
    container.set_attribute("data-state", "loading")?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_attribute("role", "img")?;
    canvas.set_class_name("chart-canvas");
    container.append_child(&canvas)?;
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or("this browser gives no 2D canvas")?
        .dyn_into()?;

    if let Some(root) = document.document_element() {
        root.set_attribute("lang", lang.html_tag())?;
        root.set_attribute(
            "data-theme",
            match theme {
                ThemeName::Light => "light",
                ThemeName::Dark => "dark",
            },
        )?;
    }

    let state = Rc::new(RefCell::new(ChartState {
        container: container.clone(),
        canvas,
        context,
        lang,
        theme,
        layout: None,
        drawn_size: None,
    }));

    let observed = Rc::clone(&state);
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        redraw_or_show_error(&observed, false);
    });
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    observer.observe(&container);
    redraw_or_show_error(&state, true);

    Ok(Chart {
        state,
        observer,
        _on_resize: on_resize,
    })
}

#[wasm_bindgen]
impl Chart {
    /// Draws again at the container's current size.
    pub fn redraw(&self) {
        redraw_or_show_error(&self.state, true);
    }

    /// The chart's language code, `zh` or `en`.
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> String {
        self.state.borrow().lang.code().to_owned()
    }

    /// Where each model was drawn in the last draw, in CSS pixels relative
    /// to the canvas: `[{ id, x, y }]` (events have `y` on the time axis).
    #[wasm_bindgen(js_name = drawnPoints)]
    pub fn drawn_points(&self) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct DrawnPointJs<'a> {
            id: &'a str,
            x: f64,
            y: f64,
            disclosed: bool,
        }
        let state = self.state.borrow();
        let Some(layout) = &state.layout else {
            return Ok(js_sys::Array::new().into());
        };
        let points = layout
            .points
            .iter()
            .map(|point| (point.model_index, point.center, true))
            .chain(
                layout
                    .events
                    .iter()
                    .map(|event| (event.model_index, event.at, false)),
            )
            .map(|(index, at, disclosed)| DrawnPointJs {
                id: &MODELS[index].id,
                x: at.x,
                y: at.y,
                disclosed,
            })
            .collect::<Vec<_>>();
        to_js(&points)
    }

    /// Stops observing the container and removes the canvas.
    pub fn destroy(self) {
        self.observer.disconnect();
        let state = self.state.borrow();
        state.canvas.remove();
        let _ = state.container.remove_attribute(CONTAINER_ATTRIBUTE);
        let _ = state.container.remove_attribute("data-state");
    }
}

/// Every embedded model as a plain object (`params` is `null` when
/// undisclosed; `date` is `YYYY-MM-DD` or `YYYY-MM`).
#[wasm_bindgen]
pub fn models() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct ModelJs<'a> {
        id: &'a str,
        name: &'a str,
        name_zh: &'a str,
        organization: &'a str,
        organization_zh: &'a str,
        country: &'a str,
        date: String,
        params: Option<f64>,
        architecture: &'a str,
        source_url: &'a str,
        article_claim: &'a str,
        note: &'a str,
    }
    let models: Vec<ModelJs<'_>> = MODELS
        .iter()
        .map(|model: &Model| ModelJs {
            id: &model.id,
            name: &model.name,
            name_zh: &model.name_zh,
            organization: &model.organization,
            organization_zh: &model.organization_zh,
            country: &model.country,
            date: model.date.to_string(),
            params: model.params.map(|count| count as f64),
            architecture: match model.architecture {
                crate::dataset::Architecture::Dense => "dense",
                crate::dataset::Architecture::MixtureOfExperts => "moe",
                crate::dataset::Architecture::Undisclosed => "undisclosed",
            },
            source_url: &model.source_url,
            article_claim: &model.article_claim,
            note: &model.note,
        })
        .collect();
    to_js(&models)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsValue::from_str(&error.to_string()))
}

/// Reads the options object key by key, so that one bad value spoils
/// nothing else.
fn read_options_object(options: &JsValue) -> ChartOptions {
    let mut chart_options = ChartOptions::default();
    if options.is_undefined() || options.is_null() {
        return chart_options;
    }
    let Some(object) = options.dyn_ref::<js_sys::Object>() else {
        warn("createChart options must be an object; ignored");
        return chart_options;
    };
    for entry in js_sys::Object::entries(object).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        if !OPTION_KEYS.contains(&key.as_str()) {
            warn(&format!(
                "unknown option '{key}' ignored (known: {})",
                OPTION_KEYS.join(", ")
            ));
            continue;
        }
        match serde_wasm_bindgen::from_value::<String>(entry.get(1)) {
            Ok(value) => {
                if let Err(warning) = chart_options.set(&key, &value) {
                    warn(&warning);
                }
            }
            Err(_) => warn(&format!("option '{key}' must be a string; ignored")),
        }
    }
    chart_options
}

/// The reader's language from `navigator.languages`.
fn browser_lang(window: &web_sys::Window) -> Lang {
    let navigator = window.navigator();
    let tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .chain(navigator.language())
        .collect();
    Lang::from_preferences(tags.iter().map(String::as_str))
}

/// Measures text with the chart's own 2D context, in CSS pixels.
struct CanvasMeasure<'a> {
    context: &'a CanvasRenderingContext2d,
    family: &'a str,
}

impl TextMeasure for CanvasMeasure<'_> {
    fn measure(&self, text: &str, font: Font) -> (f64, f64) {
        let weight = if font.bold { "bold" } else { "normal" };
        self.context
            .set_font(&format!("{weight} {}px {}", font.size, self.family));
        let width = self
            .context
            .measure_text(text)
            .map(|metrics| metrics.width())
            .unwrap_or(font.size * text.chars().count() as f64);
        (width, font.size * 1.2)
    }
}

fn redraw_or_show_error(state: &Rc<RefCell<ChartState>>, force: bool) {
    let result = redraw(&mut state.borrow_mut(), force);
    if let Err(message) = result {
        let state = state.borrow();
        show_error(&state.container, &message);
    }
}

fn redraw(state: &mut ChartState, force: bool) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let rect = state.container.get_bounding_client_rect();
    let (css_width, css_height) = (rect.width().floor(), rect.height().floor());
    if css_width < 1.0 || css_height < 1.0 {
        // Hidden or not laid out yet: draw when the observer reports a size.
        return Ok(());
    }
    let ratio = window.device_pixel_ratio().clamp(0.5, 4.0);
    let size = (css_width as u32, css_height as u32, ratio);
    if !force && state.drawn_size == Some(size) {
        return Ok(());
    }
    let backing_width = (css_width * ratio).round() as u32;
    let backing_height = (css_height * ratio).round() as u32;
    state.canvas.set_width(backing_width);
    state.canvas.set_height(backing_height);

    let theme = Theme::named(state.theme);
    let backend = CanvasBackend::with_canvas_object(state.canvas.clone())
        .ok_or("the canvas gives no 2D context")?;
    let measure = CanvasMeasure {
        context: &state.context,
        family: theme.font_family,
    };
    let layout = draw(
        backend,
        MODELS,
        STAGES,
        LayoutConfig {
            width: css_width,
            height: css_height,
            lang: state.lang,
        },
        &PaintConfig {
            // The exact ratio of backing pixels to CSS pixels after rounding.
            pixel_ratio: f64::from(backing_width) / css_width,
            theme,
        },
        &measure,
    )
    .map_err(|error| error.to_string())?;

    let doubling = layout.trend.map(|(trend, _, _)| trend.doubling_months());
    let label = format!(
        "{}. {}",
        i18n::phrase(Phrase::Title, state.lang),
        i18n::chart_description(MODELS, doubling, state.lang)
    );
    state
        .canvas
        .set_attribute("aria-label", &label)
        .map_err(|_| "cannot label the canvas")?;
    state.layout = Some(layout);
    state.drawn_size = Some(size);
    state
        .container
        .set_attribute("data-state", "ready")
        .map_err(|_| "cannot mark the chart ready")?;
    Ok(())
}

/// Replaces the chart with a readable message.
fn show_error(container: &Element, message: &str) {
    let _ = container.set_attribute("data-state", "error");
    let Some(document) = container.owner_document() else {
        return;
    };
    let note = match container.query_selector(".chart-error").ok().flatten() {
        Some(existing) => existing,
        None => match document.create_element("p") {
            Ok(note) => {
                note.set_class_name("chart-error");
                let _ = note.set_attribute("role", "alert");
                let _ = container.append_child(&note);
                note
            }
            Err(_) => return,
        },
    };
    note.set_text_content(Some(&format!(
        "图表无法显示 · The chart could not be drawn: {message}"
    )));
}

fn show_error_everywhere(message: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(containers) = document.query_selector_all(&format!("[{CONTAINER_ATTRIBUTE}]")) else {
        return;
    };
    for index in 0..containers.length() {
        if let Some(container) = containers
            .item(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
        {
            show_error(&container, message);
        }
    }
}
