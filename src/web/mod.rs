//! The browser shell: the only module that knows `web_sys`, `JsValue` and
//! serde-wasm-bindgen.
//!
//! It turns a container element into a chart: a toolbar (language, time
//! range, show all, copy link), the chart canvas with a transparent overlay
//! for the highlight, real buttons over the drawn legend, a tooltip and a
//! live region. Everything it shows comes from the pure core; this module
//! gathers inputs (size, language, events), and writes the outcome back to
//! the DOM (`data-state`, accessible name, URL, error message).
//!
//! JS API (instance-based, so a page may hold several charts):
//! `createChart(element, options?) → Chart`, `chart.redraw()`,
//! `chart.destroy()`, `chart.drawnPoints()`, `chart.lang`, and `models()`
//! for the embedded data as plain objects; with the `fault-injection`
//! feature (test builds only) also `panicForTest()`.
//!
//! A panic ends the module (`panic = "abort"`): the hook logs it and retires
//! every chart — no more listeners or observers, and the message with the
//! static chart in its place (`retire_every_chart`).

mod canvas;
mod chart;
mod dom;
mod sprites;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, KeyboardEvent, PointerEvent, ResizeObserver};

use crate::dataset::Architecture;
use crate::embedded::models;
use crate::geometry::Point;
use crate::hit::Step;
use crate::i18n::{self, Lang, Phrase};
use crate::interaction::Input;
use crate::options::{ChartOptions, Series, YearRange, OPTION_KEYS};
use crate::table::SortKey;
use crate::theme::ThemeName;

use chart::{ChartState, PAGE_PARAMETERS};
use dom::Elements;

/// The attribute that marks a chart's container, so that a panic can find
/// every chart on the page and say what happened in its place.
const CONTAINER_ATTRIBUTE: &str = "data-param-scale-chart";

/// Numbers the charts of a page, for unique element ids.
static NEXT_CHART_ID: AtomicU32 = AtomicU32::new(1);

#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        retire_every_chart(&info.to_string());
    }));
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("param-scale: {message}")));
}

type Shared = Rc<RefCell<ChartState>>;

/// What an event listener does with the chart and the event.
type Handler = Box<dyn FnMut(&Shared, Event)>;

/// A chart method for a pointer at a stage position; `true` for a finger.
type PointerHandler = fn(&mut ChartState, Point, bool) -> Result<(), JsValue>;

/// An event listener this chart added, removed again by `destroy`.
struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

/// A live chart: its state and everything the browser calls back into.
/// Charts live in [`CHARTS`] until `destroy()`, not as long as their JS
/// handle: a page that drops the handle keeps a working chart.
struct Instance {
    state: Shared,
    /// The container and the `pageUrl` option, outside the state, so that the panic
    /// hook reaches them even when the panic leaves the state borrowed.
    container: Element,
    page_url: Option<String>,
    observer: ResizeObserver,
    // Kept alive as long as the observer may call it.
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
    listeners: Vec<Listener>,
}

impl Instance {
    /// Stops every call from the browser into this chart: the resize observer and the
    /// event listeners.
    fn stop_listening(&self) {
        self.observer.disconnect();
        for listener in &self.listeners {
            let _ = listener.target.remove_event_listener_with_callback(
                listener.kind,
                listener.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

thread_local! {
    static CHARTS: RefCell<std::collections::HashMap<u32, Instance>> = RefCell::default();
}

/// One chart on the page: a handle to its [`Instance`].
#[wasm_bindgen]
pub struct Chart {
    id: u32,
}

impl Chart {
    /// The chart's state, or an error once it has been destroyed.
    fn state(&self) -> Result<Shared, JsValue> {
        CHARTS
            .with(|charts| {
                charts
                    .borrow()
                    .get(&self.id)
                    .map(|instance| Rc::clone(&instance.state))
            })
            .ok_or_else(|| JsValue::from_str("this chart has been destroyed"))
    }
}

/// Creates a chart inside `container` (an empty block element; the chart
/// fills it). `options` is a plain object: `{ lang: "zh" | "en", theme:
/// "light" | "dark", hide: "cn,moe", from: "2018", to: "2022", focus:
/// "gpt-3", url: false }`; unknown keys and bad values are warned about and
/// ignored. With `url` (the default), the page's URL also sets the view and
/// is kept in step with it.
#[wasm_bindgen(js_name = createChart)]
pub fn create_chart(container: Element, options: JsValue) -> Result<Chart, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let (from_object, sync_url, page_url) = read_options_object(&options);
    let options = if sync_url {
        let query = window.location().search().unwrap_or_default();
        let (from_url, warnings) = ChartOptions::from_query(&query, &PAGE_PARAMETERS);
        for warning in warnings {
            warn(&warning);
        }
        from_object.or(from_url)
    } else {
        from_object
    };
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
    container.set_attribute("data-theme", theme.code())?;
    if sync_url {
        if let Some(root) = window
            .document()
            .and_then(|document| document.document_element())
        {
            root.set_attribute("lang", lang.html_tag())?;
            root.set_attribute("data-theme", theme.code())?;
        }
    }
    let id = NEXT_CHART_ID.fetch_add(1, Ordering::Relaxed);
    let elements = Elements::create(&container, id, chart::data_years(models()))?;
    let state: Shared = Rc::new(RefCell::new(ChartState::new(
        elements,
        &options,
        lang,
        theme,
        sync_url,
        page_url.clone(),
    )?));

    let observed = Rc::clone(&state);
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        redraw_or_show_error(&observed, false);
    });
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    observer.observe(&state.borrow().elements.stage);
    let listeners = add_listeners(&state)?;
    redraw_or_show_error(&state, true);

    CHARTS.with(|charts| {
        charts.borrow_mut().insert(
            id,
            Instance {
                state,
                container,
                page_url,
                observer,
                _on_resize: on_resize,
                listeners,
            },
        )
    });
    Ok(Chart { id })
}

#[wasm_bindgen]
impl Chart {
    /// Draws again at the container's current size.
    pub fn redraw(&self) -> Result<(), JsValue> {
        redraw_or_show_error(&self.state()?, true);
        Ok(())
    }

    /// The chart's language code, `zh` or `en`.
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> Result<String, JsValue> {
        Ok(self.state()?.borrow().lang.code().to_owned())
    }

    /// Where each visible model was drawn in the last draw, in CSS pixels
    /// relative to the canvas: `[{ id, x, y, disclosed }]` (events have `y`
    /// on their marker on the time axis).
    #[wasm_bindgen(js_name = drawnPoints)]
    pub fn drawn_points(&self) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct DrawnPointJs<'a> {
            id: &'a str,
            x: f64,
            y: f64,
            disclosed: bool,
        }
        let shared = self.state()?;
        let state = shared.borrow();
        let Some(layout) = &state.layout else {
            return Ok(js_sys::Array::new().into());
        };
        let points = crate::hit::targets(layout, models())
            .into_iter()
            .map(|target| DrawnPointJs {
                id: &models()[target.model_index].id,
                x: target.at.x,
                y: target.at.y,
                disclosed: models()[target.model_index].params.is_some(),
            })
            .collect::<Vec<_>>();
        to_js(&points)
    }

    /// The chart as an SVG document (real text), drawn by the same code.
    #[wasm_bindgen(js_name = exportSvg)]
    pub fn export_svg(&self) -> Result<String, JsValue> {
        let result = self.state()?.borrow().export_svg();
        result.map_err(|error| JsValue::from_str(&error))
    }

    /// The chart as a PNG data URL at twice its CSS size.
    #[wasm_bindgen(js_name = exportPng)]
    pub fn export_png(&self) -> Result<String, JsValue> {
        let result = self.state()?.borrow().export_png();
        result.map_err(|error| JsValue::from_str(&error))
    }

    /// The models the view shows, as CSV with their sources.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> Result<String, JsValue> {
        Ok(self.state()?.borrow().export_csv())
    }

    /// Stops observing, removes the listeners and the chart's elements.
    /// Destroying twice does nothing.
    pub fn destroy(&self) {
        let Some(instance) = CHARTS.with(|charts| charts.borrow_mut().remove(&self.id)) else {
            return;
        };
        instance.stop_listening();
        let state = instance.state.borrow();
        let elements = &state.elements;
        elements.root.remove();
        let _ = elements.container.class_list().remove_1("ps-chart");
        let _ = elements.container.remove_attribute(CONTAINER_ATTRIBUTE);
        let _ = elements.container.remove_attribute("data-state");
    }
}

/// The size of the module's WebAssembly memory in bytes, for measuring
/// that use does not make it grow.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|memory| {
            f64::from(
                memory
                    .buffer()
                    .unchecked_into::<js_sys::ArrayBuffer>()
                    .byte_length(),
            )
        })
        .unwrap_or(0.0)
}

/// Panics on purpose, so that the browser tests can check what a reader sees
/// after a panic. Only in builds with the `fault-injection` feature (the
/// hostile-data test site); never in the site `cargo xtask dist` builds.
#[cfg(feature = "fault-injection")]
#[wasm_bindgen(js_name = panicForTest)]
pub fn panic_for_test() {
    panic!("panicForTest: a panic on purpose (fault-injection build)");
}

/// Every embedded model as a plain object (`params` is `null` when
/// undisclosed; `date` is `YYYY-MM-DD` or `YYYY-MM`).
#[wasm_bindgen(js_name = models)]
pub fn models_js() -> Result<JsValue, JsValue> {
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
    let models: Vec<ModelJs<'_>> = models()
        .iter()
        .map(|model| ModelJs {
            id: &model.id,
            name: &model.name,
            name_zh: &model.name_zh,
            organization: &model.organization,
            organization_zh: &model.organization_zh,
            country: &model.country,
            date: model.date.to_string(),
            params: model.params.map(|count| count as f64),
            architecture: match model.architecture {
                Architecture::Dense => "dense",
                Architecture::MixtureOfExperts => "moe",
                Architecture::Undisclosed => "undisclosed",
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
/// nothing else. Returns the options, whether to sync with the URL, and the
/// chart page's address for embed snippets (`pageUrl`, given by embed.js).
fn read_options_object(options: &JsValue) -> (ChartOptions, bool, Option<String>) {
    let mut chart_options = ChartOptions::default();
    let mut sync_url = true;
    let mut page_url = None;
    if options.is_undefined() || options.is_null() {
        return (chart_options, sync_url, page_url);
    }
    let Some(object) = options.dyn_ref::<js_sys::Object>() else {
        warn("createChart options must be an object; ignored");
        return (chart_options, sync_url, page_url);
    };
    for entry in js_sys::Object::entries(object).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        let value = entry.get(1);
        if key == "url" {
            match value.as_bool() {
                Some(flag) => sync_url = flag,
                None => warn("option 'url' must be true or false; ignored"),
            }
            continue;
        }
        if key == "pageUrl" {
            match value
                .as_string()
                .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
            {
                Some(url) => page_url = Some(url),
                None => warn("option 'pageUrl' must be an http(s) address; ignored"),
            }
            continue;
        }
        if !OPTION_KEYS.contains(&key.as_str()) {
            warn(&format!(
                "unknown option '{key}' ignored (known: {}, url, pageUrl)",
                OPTION_KEYS.join(", ")
            ));
            continue;
        }
        // Years may come as numbers; everything else as strings.
        let text = match value.as_f64() {
            Some(number) => Ok(number.to_string()),
            None => serde_wasm_bindgen::from_value::<String>(value),
        };
        match text {
            Ok(text) => {
                if let Err(warning) = chart_options.set(&key, &text) {
                    warn(&warning);
                }
            }
            Err(_) => warn(&format!("option '{key}' must be a string; ignored")),
        }
    }
    (chart_options, sync_url, page_url)
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

fn redraw_or_show_error(state: &Shared, force: bool) {
    let result = state.borrow_mut().redraw(force);
    if let Err(message) = result {
        show_error(&state.borrow().elements.container, &message);
    }
}

/// Runs an event handler on the state; a failure shows in the chart's place.
fn handle(state: &Shared, action: impl FnOnce(&mut ChartState) -> Result<(), String>) {
    let Ok(mut borrowed) = state.try_borrow_mut() else {
        // Re-entered from inside another handler: that one will finish the work.
        return;
    };
    if let Err(message) = action(&mut borrowed) {
        let container = borrowed.elements.container.clone();
        drop(borrowed);
        show_error(&container, &message);
    }
}

fn js_error(error: JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

/// Whether a pointer event comes from a finger. Compared as JS values, so
/// that the pointer path copies no string into Rust for every move.
fn is_touch(event: &PointerEvent) -> bool {
    thread_local! {
        static KEY_AND_TOUCH: (JsValue, JsValue) =
            (JsValue::from_str("pointerType"), JsValue::from_str("touch"));
    }
    KEY_AND_TOUCH
        .with(|(key, touch)| js_sys::Reflect::get(event, key).is_ok_and(|kind| kind == *touch))
}

/// The position of a pointer event relative to the chart's stage. The
/// listeners sit on the overlay, which covers the stage from its corner, so
/// the event's offset is that position, read without measuring the page.
fn stage_point(event: &PointerEvent) -> Point {
    Point::new(f64::from(event.offset_x()), f64::from(event.offset_y()))
}

fn add_listeners(state: &Shared) -> Result<Vec<Listener>, JsValue> {
    let mut listeners = Vec::new();
    let elements_of = |state: &Shared| {
        let borrowed = state.borrow();
        let elements = &borrowed.elements;
        (
            EventTarget::from(elements.overlay.clone()),
            EventTarget::from(elements.canvas.clone()),
            EventTarget::from(elements.legend.clone()),
            EventTarget::from(elements.lang_button.clone()),
            EventTarget::from(elements.from_select.clone()),
            EventTarget::from(elements.to_select.clone()),
            EventTarget::from(elements.reset_button.clone()),
            EventTarget::from(elements.copy_button.clone()),
            EventTarget::from(elements.document.clone()),
            EventTarget::from(elements.table_button.clone()),
            EventTarget::from(elements.embed_button.clone()),
            EventTarget::from(elements.table_panel.clone()),
            elements
                .download_buttons
                .iter()
                .map(|button| EventTarget::from(button.clone()))
                .collect::<Vec<_>>(),
        )
    };
    let (
        overlay,
        canvas,
        legend,
        lang_button,
        from_select,
        to_select,
        reset,
        copy,
        document,
        table_button,
        embed_button,
        table_panel,
        download_buttons,
    ) = elements_of(state);

    let mut listen =
        |target: &EventTarget, kind: &'static str, handler: Handler| -> Result<(), JsValue> {
            let shared = Rc::clone(state);
            let mut handler = handler;
            let closure =
                Closure::<dyn FnMut(Event)>::new(move |event: Event| handler(&shared, event));
            target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
            listeners.push(Listener {
                target: target.clone(),
                kind,
                closure,
            });
            Ok(())
        };

    listen(
        &overlay,
        "pointerdown",
        Box::new(|state, event| {
            let Some(event) = event.dyn_ref::<PointerEvent>() else {
                return;
            };
            let mouse = event.pointer_type() != "touch" && event.button() == 0;
            handle(state, |chart| {
                let at = stage_point(event);
                chart.pointer_down(at, mouse);
                if mouse {
                    let _ = chart
                        .elements
                        .overlay
                        .set_pointer_capture(event.pointer_id());
                }
                Ok(())
            });
        }),
    )?;
    // Moves and releases: where, and whether a finger.
    let pointer_handlers: [(&'static str, PointerHandler); 2] = [
        ("pointermove", ChartState::pointer_move),
        ("pointerup", ChartState::pointer_up),
    ];
    for (kind, method) in pointer_handlers {
        listen(
            &overlay,
            kind,
            Box::new(move |state, event| {
                let Some(event) = event.dyn_ref::<PointerEvent>() else {
                    return;
                };
                let touch = is_touch(event);
                handle(state, |chart| {
                    let at = stage_point(event);
                    method(chart, at, touch).map_err(js_error)
                });
            }),
        )?;
    }
    listen(
        &overlay,
        "pointercancel",
        Box::new(|state, _| handle(state, |chart| chart.pointer_cancel().map_err(js_error))),
    )?;
    listen(
        &overlay,
        "pointerleave",
        Box::new(|state, _| {
            handle(state, |chart| {
                chart.pointer_cancel().map_err(js_error)?;
                chart.apply(Input::PointerLeave).map_err(js_error)
            })
        }),
    )?;
    listen(
        &canvas,
        "keydown",
        Box::new(|state, event| {
            let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            let input = match event.key().as_str() {
                "ArrowLeft" => Input::Key(Step::Previous),
                "ArrowRight" => Input::Key(Step::Next),
                "ArrowUp" => Input::Key(Step::Up),
                "ArrowDown" => Input::Key(Step::Down),
                "Home" => Input::Key(Step::First),
                "End" => Input::Key(Step::Last),
                "Enter" | " " => Input::Pin,
                "Escape" => Input::Clear,
                _ => return,
            };
            event.prevent_default();
            handle(state, |chart| chart.apply(input).map_err(js_error));
        }),
    )?;
    listen(
        &legend,
        "click",
        Box::new(|state, event| {
            let series = event
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok())
                .and_then(|element| element.closest("button[data-series]").ok().flatten())
                .and_then(|button| button.get_attribute("data-series"))
                .and_then(|code| Series::from_code(&code));
            if let Some(series) = series {
                handle(state, |chart| {
                    chart.toggle_series(series)?;
                    // The buttons were rebuilt: keep the keyboard on this one.
                    let selector = format!("button[data-series=\"{}\"]", series.code());
                    if let Ok(Some(button)) = chart.elements.legend.query_selector(&selector) {
                        if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
                            let _ = button.focus();
                        }
                    }
                    Ok(())
                });
            }
        }),
    )?;
    listen(
        &lang_button,
        "click",
        Box::new(|state, _| {
            handle(state, |chart| {
                let other = match chart.lang {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                };
                chart.set_lang(other)
            })
        }),
    )?;
    for select in [&from_select, &to_select] {
        listen(
            select,
            "change",
            Box::new(|state, _| {
                handle(state, |chart| {
                    let year =
                        |select: &web_sys::HtmlSelectElement| select.value().parse::<u16>().ok();
                    let (from, to) = (
                        year(&chart.elements.from_select),
                        year(&chart.elements.to_select),
                    );
                    match (from, to) {
                        (Some(from), Some(to)) => chart.set_range(Some(YearRange {
                            from: from.min(to),
                            to: from.max(to),
                        })),
                        _ => Ok(()),
                    }
                })
            }),
        )?;
    }
    listen(
        &reset,
        "click",
        Box::new(|state, _| handle(state, ChartState::show_all)),
    )?;
    listen(
        &copy,
        "click",
        Box::new(|state, _| handle(state, |chart| copy_link(chart).map_err(js_error))),
    )?;
    listen(
        &table_button,
        "click",
        Box::new(|state, _| handle(state, ChartState::toggle_table)),
    )?;
    listen(
        &embed_button,
        "click",
        Box::new(|state, _| handle(state, ChartState::toggle_embed)),
    )?;
    listen(
        &table_panel,
        "click",
        Box::new(|state, event| {
            let key = event
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok())
                .and_then(|element| element.closest("button[data-sort]").ok().flatten())
                .and_then(|button| button.get_attribute("data-sort"));
            let key = match key.as_deref() {
                Some("date") => SortKey::Date,
                Some("size") => SortKey::Size,
                _ => return,
            };
            handle(state, |chart| {
                chart.sort_table(key)?;
                // The table was rebuilt: keep the keyboard on the same header.
                let selector = format!(
                    "button[data-sort=\"{}\"]",
                    if key == SortKey::Date { "date" } else { "size" }
                );
                if let Ok(Some(button)) = chart.elements.table_panel.query_selector(&selector) {
                    if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
                        let _ = button.focus();
                    }
                }
                Ok(())
            });
        }),
    )?;
    for button in &download_buttons {
        listen(
            button,
            "click",
            Box::new(|state, event| {
                let kind = event
                    .current_target()
                    .and_then(|target| target.dyn_into::<Element>().ok())
                    .and_then(|button| button.get_attribute("data-download"));
                handle(state, |chart| {
                    let (name, url) = match kind.as_deref() {
                        Some("png") => ("param-scale.png", chart.export_png()?),
                        Some("svg") => (
                            "param-scale.svg",
                            format!(
                                "data:image/svg+xml;charset=utf-8,{}",
                                js_sys::encode_uri_component(&chart.export_svg()?)
                            ),
                        ),
                        Some("csv") => (
                            "param-scale.csv",
                            format!(
                                "data:text/csv;charset=utf-8,{}",
                                js_sys::encode_uri_component(&format!(
                                    "\u{feff}{}",
                                    chart.export_csv()
                                ))
                            ),
                        ),
                        _ => return Ok(()),
                    };
                    download(&chart.elements.document, name, &url).map_err(js_error)
                });
            }),
        )?;
    }
    if let Some(window) = web_sys::window() {
        listen(
            &EventTarget::from(window),
            "beforeprint",
            Box::new(|state, _| handle(state, |chart| chart.prepare_print())),
        )?;
    }
    // A tap outside the chart lets go of a pinned tooltip.
    listen(
        &document,
        "pointerdown",
        Box::new(|state, event| {
            let outside = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|node| {
                    state
                        .try_borrow()
                        .is_ok_and(|chart| !chart.elements.container.contains(Some(&node)))
                });
            if outside {
                handle(state, |chart| chart.apply(Input::Clear).map_err(js_error));
            }
        }),
    )?;
    Ok(listeners)
}

/// Offers `url` as a file called `name`.
fn download(document: &web_sys::Document, name: &str, url: &str) -> Result<(), JsValue> {
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    Ok(())
}

/// Copies the page's URL (which holds the view) to the clipboard; where the
/// clipboard is not available, shows the link to copy by hand.
fn copy_link(chart: &ChartState) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let url = window.location().href()?;
    let lang = chart.lang;
    let button = chart.elements.copy_button.clone();
    let fallback = chart.elements.copy_fallback.clone();
    let show_fallback = {
        let url = url.clone();
        move || {
            fallback.set_text_content(Some(&format!(
                "{} {url}",
                i18n::phrase(Phrase::CopyFailed, lang)
            )));
            let _ = fallback.remove_attribute("hidden");
        }
    };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))?;
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write else {
        show_fallback();
        return Ok(());
    };
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(&url))?
        .dyn_into()?;
    let on_done = Closure::once(move |_: JsValue| {
        button.set_text_content(Some(i18n::phrase(Phrase::Copied, lang)));
    });
    let on_fail = Closure::once(move |_: JsValue| show_fallback());
    let _ = promise.then2(&on_done, &on_fail);
    // The promise settles once; the closures live until then.
    on_done.forget();
    on_fail.forget();
    Ok(())
}

/// Replaces the chart with a readable message.
fn show_error(container: &Element, message: &str) {
    show_note(
        container,
        &format!("图表无法显示 · The chart could not be drawn: {message}"),
    );
}

/// Marks the chart as failed and says `text` in its `.chart-error` note.
fn show_note(container: &Element, text: &str) {
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
    note.set_text_content(Some(text));
}

/// What the panic hook does, after logging the panic. With `panic = "abort"` the module
/// traps as soon as the hook returns, and its state may be half-changed: every chart stops
/// listening, so that no later event calls into it, and shows its error message with the
/// static chart made at build time in its place, as `www/main.js` does when the module
/// cannot load. The rest of the page is left alone.
fn retire_every_chart(message: &str) {
    let mut retired = Vec::new();
    // `try_`: the panic may have come from inside the registry or during the thread's end.
    let _ = CHARTS.try_with(|charts| {
        if let Ok(charts) = charts.try_borrow() {
            for instance in charts.values() {
                instance.stop_listening();
                retired.push((instance.container.clone(), instance.page_url.clone()));
            }
        }
    });
    // Charts still being made (not in the registry yet) get the message alone.
    show_error_everywhere(message);
    for (container, page_url) in retired {
        show_static_chart(&container, page_url.as_deref(), message);
    }
}

/// Puts the static chart (`chart-{lang}.svg`, in the language the chart last showed) in
/// place of a chart that can no longer run, under a message that says so.
fn show_static_chart(container: &Element, page_url: Option<&str>, message: &str) {
    show_note(
        container,
        &format!(
            "图表出错，已停止；下面是静态图表 · The chart stopped on an error; \
             below is its static version. ({message})"
        ),
    );
    let Some(document) = container.owner_document() else {
        return;
    };
    let lang = container
        .get_attribute("lang")
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    if let Ok(Some(root)) = container.query_selector(":scope > .ps-root") {
        root.remove();
    }
    let Ok(image) = document.create_element("img") else {
        return;
    };
    image.set_class_name("ps-fallback-image");
    let _ = image.set_attribute("src", &crate::export::static_chart_url(page_url, lang));
    let _ = image.set_attribute("alt", i18n::phrase(Phrase::Title, lang));
    let _ = container.append_child(&image);
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
