//! The JS API, instance-based so that a page may hold several charts:
//! `createChart(element, options?) → Chart`, `chart.redraw()`,
//! `chart.destroy()`, `chart.drawnPoints()`, `chart.layoutBoxes()`, `chart.lang`,
//! `chart.exportSvg(options?)`, `chart.exportPng(options?)`, `chart.exportCsv()`, and
//! `models()` for the embedded data as plain objects; with the
//! `fault-injection` feature (test builds only) also `panicForTest()`.
//!
//! No method panics when the page calls it at an awkward time (from a
//! listener that the chart's own work set off): a change waits its turn in
//! the chart's queue, a read of a state that is being changed throws
//! `Error("the chart is busy")`, and a destroyed chart throws too.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};

use super::chart::{ChartState, PAGE_PARAMETERS};
use super::container::{ContainerSnapshot, CONTAINER_ATTRIBUTE, CONTAINER_CLASS};
use super::controller::{Controller, Message};
use super::dom::Elements;
use super::events::add_listeners;
use super::js_options::{browser_lang, browser_theme, read_options_object, HostOptions};
use super::registry::{self, Instance};
use super::warn;
use crate::embedded::models;
use crate::options::ChartOptions;

/// Numbers the charts of a page, for unique element ids.
static NEXT_CHART_ID: AtomicU32 = AtomicU32::new(1);

/// One chart on the page: a handle to its entry in the registry.
#[wasm_bindgen]
pub struct Chart {
    id: u32,
}

/// Creates a chart inside `container` (an empty block element; the chart
/// fills it). `options` is a plain object: `{ lang: "zh" | "en", theme:
/// "light" | "dark", hide: "cn,moe", from: "2018", to: "2022", focus:
/// "gpt-3", url: false }`; unknown keys and bad values are warned about and
/// ignored. With `url` (the default), the page's URL also sets the view and
/// is kept in step with it.
///
/// A second `createChart` on the same container replaces the first chart
/// (as if it had been destroyed). When creation fails, the container is
/// given back as it was and the error is thrown.
#[wasm_bindgen(js_name = createChart)]
pub fn create_chart(container: Element, options: JsValue) -> Result<Chart, JsValue> {
    if let Some(previous) = registry::remove_on(&container)? {
        previous.tear_down();
    }
    let snapshot = ContainerSnapshot::take(&container);
    match build(&container, &options) {
        Ok((id, built)) => {
            let controller = Rc::clone(&built.controller);
            registry::insert(id, built.into_instance(snapshot))?;
            controller.send(Message::Redraw);
            Ok(Chart { id })
        }
        Err(error) => {
            snapshot.restore(&container);
            Err(error)
        }
    }
}

/// A chart made but not yet in the registry.
struct Built {
    controller: Rc<Controller>,
    page_url: Option<String>,
    observer: ResizeObserver,
    on_resize: Closure<dyn Fn(js_sys::Array)>,
    listeners: Vec<super::events::Listener>,
}

impl Built {
    fn into_instance(self, snapshot: ContainerSnapshot) -> Instance {
        Instance {
            controller: self.controller,
            page_url: self.page_url,
            snapshot,
            observer: self.observer,
            _on_resize: self.on_resize,
            listeners: self.listeners,
        }
    }
}

fn build(container: &Element, options: &JsValue) -> Result<(u32, Built), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let HostOptions {
        chart: from_object,
        sync_url,
        page_url,
    } = read_options_object(options);
    let options = if sync_url {
        from_object.or(options_from_url(&window))
    } else {
        from_object
    };
    let lang = options.lang.unwrap_or_else(|| browser_lang(&window));
    let theme = options.theme.unwrap_or_else(|| browser_theme(&window));

    container.set_attribute(CONTAINER_ATTRIBUTE, "")?;
    container.set_attribute("data-state", "loading")?;
    container.set_attribute("data-theme", theme.code())?;
    container.class_list().add_1(CONTAINER_CLASS)?;
    if sync_url {
        // A chart that owns the page's URL speaks for the page.
        if let Some(root) = window
            .document()
            .and_then(|document| document.document_element())
        {
            root.set_attribute("lang", lang.html_tag())?;
            root.set_attribute("data-theme", theme.code())?;
        }
    }
    let id = NEXT_CHART_ID.fetch_add(1, Ordering::Relaxed);
    let elements = Elements::create(container, id, lang)?;
    let state = ChartState::new(elements, &options, lang, theme, sync_url, page_url.clone())?;
    let controller = Rc::new(Controller::new(state, container.clone()));

    let observed = Rc::clone(&controller);
    let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        observed.send(Message::Resized);
    });
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    let (stage, listeners) = controller
        .read(|state| {
            (
                state.elements.stage.clone(),
                add_listeners(&controller, &state.elements),
            )
        })
        .ok_or_else(registry::busy)?;
    observer.observe(&stage);
    Ok((
        id,
        Built {
            controller,
            page_url,
            observer,
            on_resize,
            listeners: listeners?,
        },
    ))
}

/// The chart options in the page's URL; its warnings go to the console.
fn options_from_url(window: &web_sys::Window) -> ChartOptions {
    let query = window.location().search().unwrap_or_default();
    let (from_url, warnings) = ChartOptions::from_query(&query, &PAGE_PARAMETERS);
    for warning in warnings {
        warn(&warning);
    }
    from_url
}

#[wasm_bindgen]
impl Chart {
    /// Draws again at the container's current size. Called while the chart
    /// is busy, the draw follows as soon as it is done.
    pub fn redraw(&self) -> Result<(), JsValue> {
        registry::controller(self.id)?.send(Message::Redraw);
        Ok(())
    }

    /// The article's story, step by step, in the chart's language:
    /// `[{ step, title, text, models, from, to }]` (`models`: the ids a step
    /// highlights).
    pub fn story(&self) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct StepJs {
            step: u32,
            title: &'static str,
            text: &'static str,
            models: Vec<&'static str>,
            from: u16,
            to: u16,
        }
        let lang = registry::controller(self.id)?.lang();
        let steps: Vec<StepJs> = crate::embedded::story()
            .iter()
            .map(|step| {
                let (title, text) = match lang {
                    crate::i18n::Lang::Zh => (&step.title_zh, &step.text_zh),
                    crate::i18n::Lang::En => (&step.title, &step.text),
                };
                StepJs {
                    step: step.number,
                    title,
                    text,
                    models: step.models.iter().map(|id| &**id).collect(),
                    from: step.from,
                    to: step.to,
                }
            })
            .collect();
        to_js(&steps)
    }

    /// Goes to story step `n` (1 to `story().length`); 0 leaves the story.
    /// Another number is ignored with a console warning.
    pub fn step(&self, n: JsValue) -> Result<(), JsValue> {
        let number = n
            .as_f64()
            .filter(|value| value.fract() == 0.0 && *value >= 0.0 && *value <= f64::from(u32::MAX));
        match number {
            Some(number) => registry::controller(self.id)?.send(Message::Step(number as u32)),
            None => warn(&format!("step: {n:?} is not a step number; ignored")),
        }
        Ok(())
    }

    /// The chart's language code, `zh` or `en`.
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> Result<String, JsValue> {
        Ok(registry::controller(self.id)?.lang().code().to_owned())
    }

    /// Where each visible model was drawn in the last draw, in CSS pixels
    /// relative to the canvas, in keyboard order:
    /// `[{ id, x, y, disclosed, active, hollow, highlighted, claim }]`.
    /// Events have `y` on their marker on the time axis; `active` is the y of
    /// the foot of a mixture of experts' stem (its active count) or null;
    /// `hollow` marks a demonstration; `highlighted` is false for a model a
    /// story step dims; `claim` is true for a ghost (where the article puts
    /// the model `id`).
    #[wasm_bindgen(js_name = drawnPoints)]
    pub fn drawn_points(&self) -> Result<JsValue, JsValue> {
        let points = self.read(|state| {
            state
                .layout
                .as_ref()
                .map(drawn_points_js)
                .unwrap_or_default()
        })?;
        to_js(&points)
    }

    /// Everything the last draw put on the canvas, as boxes in CSS pixels
    /// relative to the canvas: `[{ kind, id, x, y, width, height }]`, `kind`
    /// `"text"` for each piece of text (labels, band names, ticks, axis
    /// texts, legend entries, captions, notes) and `"mark"` for each marker
    /// (and a mixture of experts' stem), event mark and ghost, at its
    /// visible extent; `id` is the model's id where there is one, else null.
    #[wasm_bindgen(js_name = layoutBoxes)]
    pub fn layout_boxes(&self) -> Result<JsValue, JsValue> {
        let boxes: Vec<LayoutBoxJs> = self
            .read(ChartState::layout_boxes)?
            .into_iter()
            .map(|layout_box| LayoutBoxJs {
                kind: layout_box.kind.code(),
                id: layout_box
                    .model_index
                    .and_then(|index| models().get(index))
                    .map(|model| &*model.id),
                x: layout_box.rect.left,
                y: layout_box.rect.top,
                width: layout_box.rect.width(),
                height: layout_box.rect.height(),
            })
            .collect();
        to_js(&boxes)
    }

    /// The chart as an SVG document (real text), drawn by the same code,
    /// with its title; `exportSvg({ title: false })` leaves the title out
    /// (for an article that has its own heading).
    #[wasm_bindgen(js_name = exportSvg)]
    pub fn export_svg(&self, options: JsValue) -> Result<String, JsValue> {
        let title = title_option(&options);
        self.read(|state| state.export_svg(title))?
            .map_err(|error| js_sys::Error::new(&error).into())
    }

    /// The chart as a PNG data URL at twice its CSS size, with its title;
    /// `exportPng({ title: false })` leaves it out, as the page's canvas does.
    #[wasm_bindgen(js_name = exportPng)]
    pub fn export_png(&self, options: JsValue) -> Result<String, JsValue> {
        let title = title_option(&options);
        self.read(|state| state.export_png(title))?
            .map_err(|error| js_sys::Error::new(&error).into())
    }

    /// The models the view shows, as CSV with their sources.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> Result<String, JsValue> {
        self.read(ChartState::export_csv)
    }

    /// Stops observing, removes the listeners and the chart's elements, and
    /// gives the host's container back as it was before `createChart`.
    /// Destroying twice does nothing.
    pub fn destroy(&self) -> Result<(), JsValue> {
        if let Some(instance) = registry::remove(self.id)? {
            instance.tear_down();
        }
        Ok(())
    }
}

/// An export's `{ title }` option: false only when given as `false`.
fn title_option(options: &JsValue) -> bool {
    if !options.is_object() {
        return true;
    }
    js_sys::Reflect::get(options, &JsValue::from_str("title"))
        .ok()
        .and_then(|title| title.as_bool())
        .unwrap_or(true)
}

/// A box of the last draw as `layoutBoxes()` reports it.
#[derive(Serialize)]
struct LayoutBoxJs {
    kind: &'static str,
    id: Option<&'static str>,
    x: f64,
    y: f64,
    width: f64,
    height: f64,
}

/// A target of the last draw as `drawnPoints()` reports it.
#[derive(Serialize)]
struct DrawnPointJs {
    id: &'static str,
    x: f64,
    y: f64,
    disclosed: bool,
    active: Option<f64>,
    hollow: bool,
    highlighted: bool,
    claim: bool,
}

fn drawn_points_js(layout: &crate::layout::ChartLayout) -> Vec<DrawnPointJs> {
    let mut drawn = vec![None; models().len()];
    for point in &layout.points {
        drawn[point.model_index] = Some(point);
    }
    let mut dimmed_events = vec![false; models().len()];
    for event in &layout.events {
        dimmed_events[event.model_index] = event.dimmed;
    }
    crate::hit::targets(layout, models())
        .into_iter()
        .map(|target| {
            let point = drawn[target.model_index];
            let model = &models()[target.model_index];
            let dimmed = point.map_or(dimmed_events[target.model_index], |point| point.dimmed);
            DrawnPointJs {
                id: &model.id,
                x: target.at.x,
                y: target.at.y,
                disclosed: model.params.is_some(),
                active: point
                    .and_then(|point| point.stem_to)
                    .filter(|_| !target.claim),
                hollow: point.is_some_and(|point| point.hollow) && !target.claim,
                highlighted: !dimmed,
                claim: target.claim,
            }
        })
        .collect()
}

impl Chart {
    /// Reads the chart's state; throws when the chart is destroyed or busy.
    fn read<T>(&self, read: impl FnOnce(&ChartState) -> T) -> Result<T, JsValue> {
        registry::controller(self.id)?
            .read(read)
            .ok_or_else(registry::busy)
    }
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
        active_params: Option<f64>,
        architecture: &'a str,
        status: &'a str,
        source_url: &'a str,
        article_claim: &'a str,
        article_claim_en: &'a str,
        note: &'a str,
        note_zh: &'a str,
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
            active_params: model.active_params.map(|count| count as f64),
            architecture: model.architecture.code(),
            status: model.status.code(),
            source_url: &model.source_url,
            article_claim: &model.article_claim,
            article_claim_en: &model.article_claim_en,
            note: &model.note,
            note_zh: &model.note_zh,
        })
        .collect();
    to_js(&models)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsValue::from_str(&error.to_string()))
}
