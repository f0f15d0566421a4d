//! One chart's state in the browser and what each message does to it (the
//! controller calls these methods one message at a time). The state never
//! writes on the host's container: the controller marks it.
//!
//! Every decision is delegated to the pure core: layout and painting
//! ([`crate::render`]), hit-testing and key steps ([`crate::hit`]), the
//! interaction state machine ([`crate::interaction`]), tooltip text
//! ([`crate::tooltip`]) and URL state ([`crate::options`]). This file only
//! moves values between them and the DOM.
//!
//! Two canvases: the chart, drawn once per size or view change, and a
//! transparent overlay above it for the zoom selection being dragged. Hover
//! repaints neither: it moves the highlight ring and the tooltip.

use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

use super::canvas::context_2d;
use super::dom::Elements;
use super::meter::TextMeter;
use super::sprites::CanvasStamper;
use super::{because, warn};
use crate::dataset::Model;
use crate::embedded::{models, stages};
use crate::geometry::Point;
use crate::hit::{targets, Target, TargetGrid};
use crate::i18n::{self, Lang, Phrase};
use crate::interaction::{Finger, Input, Interaction, HOVER_RADIUS, TOUCH_RADIUS};
use crate::layout::{ChartLayout, LayoutConfig, View};
use crate::options::{AxisScale, ChartOptions, CountBasis, Toggle, YearRange};
use crate::render::{draw, paint_overlay, Overlay, PaintConfig};
use crate::table::{self, Sort, SortKey};
use crate::theme::{Theme, ThemeName};
use crate::tooltip::{announcement, claim_content, tooltip_content};
use crate::{export, svg};

/// URL parameters that belong to the page, not the chart.
pub const PAGE_PARAMETERS: [&str; 1] = ["embed"];

/// The side of the hit-testing grid's cells, in CSS px.
const GRID_CELL_SIZE: f64 = 16.0;

/// How far (CSS px) a pointer must travel across the plot to count as a
/// zoom drag rather than a click.
const DRAG_THRESHOLD: f64 = 8.0;

/// Why a message to the chart could not be carried out.
#[derive(Debug)]
pub enum Failure {
    /// The chart could not be drawn: it gives way to a message.
    Draw(String),
    /// Anything else (an export, the clipboard, a panel): the chart stays,
    /// and the reader gets a notice.
    Action(String),
}

impl From<&str> for Failure {
    fn from(message: &str) -> Failure {
        Failure::Action(message.to_owned())
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Action(message)
    }
}

impl From<JsValue> for Failure {
    fn from(error: JsValue) -> Failure {
        Failure::Action(because("the browser refused")(error))
    }
}

pub struct ChartState {
    pub elements: Elements,
    /// Set by each successful draw; the shell takes it to mark the chart ready.
    pub drew: bool,
    pub(super) meter: TextMeter,
    overlay_context: CanvasRenderingContext2d,
    pub lang: Lang,
    theme: ThemeName,
    /// The theme came from options or the URL (and so goes back into it).
    theme_given: bool,
    pub view: View,
    pub interaction: Interaction,
    /// Whether this chart reads and writes the page's URL.
    sync_url: bool,
    /// The years of the data, for the range control.
    pub years: (u16, u16),
    /// The layout of the last draw: where every point is, for hit-testing.
    pub layout: Option<ChartLayout>,
    targets: Vec<Target>,
    /// The targets indexed by position: what hover and taps search.
    grid: TargetGrid,
    /// Backing size and pixel ratio of the last draw, to skip needless redraws.
    drawn_size: Option<(u32, u32, f64)>,
    pixel_ratio: f64,
    /// A pointer's drag of the brush under the time axis.
    pub brush_drag: crate::brush::BrushDrag,
    /// Where a pointer went down on the plot, for a zoom drag.
    drag_start: Option<Point>,
    /// Whether a finger on the chart may still be a tap.
    pub(super) finger: Finger,
    /// A pinch of two fingers on the plot under way (`touch_state`).
    pub(super) pinch: Option<crate::pinch::Pinch>,
    /// Where the pinch's fingers are now (x, CSS px).
    pub(super) pinch_now: (f64, f64),
    pub(super) overlay: Overlay,
    /// The data table is shown in the chart's place.
    table_open: bool,
    table_sort: Sort,
    embed_open: bool,
    /// The menu (⋯ More) is open.
    pub menu_open: bool,
    /// The search field's matches (model indices) and the one chosen by
    /// ↓/↑, a position among them.
    pub search_matches: Vec<usize>,
    pub search_active: Option<usize>,
    /// The chart page's address without a query, for embed snippets.
    page_url: Option<String>,
    /// The story step shown; 0 outside the story.
    pub story_step: u32,
    /// Whether the claims were on before the story turned them on.
    pub claims_outside_story: bool,
}

impl ChartState {
    pub fn new(
        elements: Elements,
        options: &ChartOptions,
        lang: Lang,
        theme: ThemeName,
        sync_url: bool,
        page_url: Option<String>,
    ) -> Result<ChartState, JsValue> {
        let meter = TextMeter::new(&elements.document)?;
        let overlay_context = context_2d(&elements.overlay)?;
        let years = data_years(models());
        let mut state = ChartState {
            elements,
            drew: false,
            meter,
            overlay_context,
            lang,
            theme,
            theme_given: options.theme.is_some(),
            view: View {
                hidden: options.hide.unwrap_or_default(),
                range: options.range(years),
                count: options.count.unwrap_or_default(),
                scale: options.scale.unwrap_or_default(),
                fit_demonstrations: options.fit_demonstrations.unwrap_or(false),
                claims: options.claims.unwrap_or(false),
                highlight: Default::default(),
            },
            interaction: Interaction::default(),
            sync_url,
            years,
            layout: None,
            targets: Vec::new(),
            grid: TargetGrid::default(),
            drawn_size: None,
            pixel_ratio: 1.0,
            brush_drag: Default::default(),
            drag_start: None,
            finger: Finger::default(),
            pinch: None,
            pinch_now: (0.0, 0.0),
            overlay: Overlay::default(),
            table_open: false,
            table_sort: Sort::default(),
            embed_open: false,
            menu_open: false,
            search_matches: Vec::new(),
            search_active: None,
            page_url: None,
            story_step: 0,
            claims_outside_story: false,
        };
        if let Some(id) = &options.focus {
            match models().iter().position(|model| model.id == id.as_str()) {
                Some(index) => {
                    state.interaction = Interaction {
                        active: Some(index),
                        pinned: true,
                        claim: false,
                    }
                }
                None => warn(&format!("focus: no model has the id '{id}'; ignored")),
            }
        }
        state.page_url = page_url;
        state.enter_story_from_options(options.step.unwrap_or(0));
        state.elements.set_texts(lang)?;
        state
            .show_story()
            .map_err(|failure| JsValue::from_str(&format!("cannot show the story: {failure:?}")))?;
        Ok(state)
    }

    /// Draws again if the container's size, the pixel ratio or (`force`)
    /// the view changed. Every failure here is a [`Failure::Draw`].
    pub fn redraw(&mut self, force: bool) -> Result<(), Failure> {
        self.draw(force).map_err(Failure::Draw)
    }

    fn draw(&mut self, force: bool) -> Result<(), String> {
        let window = web_sys::window().ok_or("no window")?;
        let rect = self.elements.stage.get_bounding_client_rect();
        let (css_width, css_height) = (rect.width(), rect.height());
        if css_width < 1.0 || css_height < 1.0 {
            // Hidden or not laid out yet: draw when the observer reports a size.
            return Ok(());
        }
        let ratio = window.device_pixel_ratio().clamp(0.5, 4.0);
        // The backing store is the CSS size times the ratio, rounded once.
        let backing_width = (css_width * ratio).round() as u32;
        let backing_height = (css_height * ratio).round() as u32;
        let size = (backing_width, backing_height, ratio);
        if !force && self.drawn_size == Some(size) {
            return Ok(());
        }
        for canvas in [&self.elements.canvas, &self.elements.overlay] {
            canvas.set_width(backing_width);
            canvas.set_height(backing_height);
        }
        // The exact ratio of backing pixels to CSS pixels after rounding.
        self.pixel_ratio = f64::from(backing_width) / css_width;

        let theme = Theme::named(self.theme);
        let backend = CanvasBackend::with_canvas_object(self.elements.canvas.clone())
            .ok_or("the canvas gives no 2D context")?;
        let measure = self.meter.with_family(theme.font_family);
        let paint = PaintConfig {
            pixel_ratio: self.pixel_ratio,
            font_scale: 1.0,
            theme,
        };
        let mut stamper = CanvasStamper {
            document: &self.elements.document,
            canvas: &self.elements.canvas,
            paint: &paint,
        };
        let layout = draw(
            backend,
            models(),
            stages(),
            LayoutConfig {
                title: false,
                brush: true,
                ..self.layout_config(css_width, css_height)
            },
            &paint,
            &measure,
            Some(&mut stamper),
        )
        .map_err(|error| error.to_string())?;

        self.take_layout(layout)?;
        self.drawn_size = Some(size);
        self.drew = true;
        Ok(())
    }

    /// Keeps the layout just drawn and brings what depends on it in step:
    /// the canvas's accessible name, the legend buttons, the hit targets,
    /// the ring and the tooltip.
    fn take_layout(&mut self, layout: ChartLayout) -> Result<(), String> {
        let label = format!(
            "{}. {}",
            i18n::phrase(Phrase::Title, self.lang),
            describe(&layout, self.lang)
        );
        self.elements
            .canvas
            .set_attribute("aria-label", &label)
            .map_err(because("cannot set aria-label"))?;
        self.elements
            .set_legend(&layout.legend)
            .map_err(because("cannot build the legend buttons"))?;
        self.targets = targets(&layout, models());
        self.grid = TargetGrid::new(&self.targets, GRID_CELL_SIZE);
        self.layout = Some(layout);
        let colours = Theme::named(self.theme);
        self.elements
            .style_ring(
                self.point_radius(),
                &colours.text.hex(),
                &colours.background.hex(),
            )
            .map_err(because("cannot style the highlight"))?;
        self.show_brush()
            .map_err(because("cannot show the brush"))?;
        self.interaction = self.interaction.retain(&self.targets);
        self.show_interaction()
            .map_err(because("cannot show the tooltip"))
    }

    /// Applies a reader's input; repaints only the overlay and the tooltip.
    pub fn apply(&mut self, input: Input) -> Result<(), Failure> {
        // A pointer can only land on the target nearest to it within the
        // widest radius: the grid finds it without allocating, and the state
        // machine applies its own radius to that one candidate.
        let nearby;
        let candidates = match input {
            Input::PointerMove(at) | Input::Tap { at, .. } => {
                nearby = self
                    .grid
                    .nearest(&self.targets, at, HOVER_RADIUS.max(TOUCH_RADIUS));
                nearby.as_slice()
            }
            _ => &self.targets,
        };
        let next = self.interaction.apply(input, candidates);
        if next == self.interaction {
            return Ok(());
        }
        let moved_by_keys = matches!(input, Input::Key(_) | Input::Pin | Input::Clear);
        let was_pinned = self.interaction.pinned;
        self.interaction = next;
        self.show_interaction()?;
        if let (Some(index), true) = (next.active, moved_by_keys) {
            self.elements
                .announce(&announcement(&models()[index], self.lang));
        }
        if moved_by_keys || was_pinned != next.pinned {
            self.write_url();
        }
        Ok(())
    }

    /// Shows the interaction as it now stands (a search chose a model) and
    /// announces its model.
    pub fn refresh_interaction(&mut self) -> Result<(), Failure> {
        self.interaction = self.interaction.retain(&self.targets);
        self.show_interaction()?;
        if let Some(index) = self.interaction.active {
            self.elements
                .announce(&announcement(&models()[index], self.lang));
        }
        Ok(())
    }

    /// Rings the active model and shows its tooltip: neither repaints a
    /// canvas.
    fn show_interaction(&mut self) -> Result<(), JsValue> {
        let claim = self.interaction.claim;
        let active = self.interaction.active.and_then(|index| {
            if claim {
                TargetGrid::claim_of(&self.targets, index)
            } else {
                self.grid.target_of(&self.targets, index)
            }
        });
        self.elements
            .move_ring(active.map(|target| (target.at.x, target.at.y, self.point_radius())))?;
        match active {
            Some(target) => {
                let model = &models()[target.model_index];
                let content = if claim {
                    claim_content(model, self.lang)
                } else {
                    tooltip_content(model, self.lang)
                };
                let pinned = self.interaction.pinned;
                self.elements.show_tooltip(&content, pinned)?;
                self.elements.position_tooltip(
                    (target.at.x, target.at.y),
                    self.point_radius(),
                    pinned,
                )?;
            }
            None => self.elements.hide_tooltip(),
        }
        Ok(())
    }

    /// The radius of the drawn points, CSS px.
    fn point_radius(&self) -> f64 {
        self.layout
            .as_ref()
            .and_then(|layout| layout.points.first())
            .map_or(5.0, |point| point.radius)
    }

    pub(super) fn paint_overlay(&self) -> Result<(), JsValue> {
        let Some(layout) = &self.layout else {
            return Ok(());
        };
        let canvas = &self.elements.overlay;
        self.overlay_context.clear_rect(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        );
        if self.overlay == Overlay::default() {
            return Ok(());
        }
        let backend = CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or("the overlay gives no 2D context")?;
        paint_overlay(
            backend,
            layout,
            self.overlay,
            &PaintConfig {
                theme: Theme::named(self.theme),
                pixel_ratio: self.pixel_ratio,
                font_scale: 1.0,
            },
        )
        .map_err(|error| JsValue::from_str(&error.to_string()))
    }

    /// A pointer went down at `at`: inside the plot, a zoom drag may begin.
    pub fn pointer_down(&mut self, at: Point, mouse: bool) {
        let in_plot = self
            .layout
            .as_ref()
            .is_some_and(|layout| layout.plot.contains(at));
        self.drag_start = (mouse && in_plot).then_some(at);
    }

    /// A pointer moved: extends a drag, or hovers.
    pub fn pointer_move(&mut self, at: Point, touch: bool) -> Result<(), Failure> {
        if touch {
            self.finger = self.finger.moved(at);
        }
        if let Some(start) = self.drag_start {
            if (at.x - start.x).abs() >= DRAG_THRESHOLD {
                self.overlay.selection = Some((start.x, at.x));
                self.paint_overlay()?;
            }
            return Ok(());
        }
        if touch {
            return Ok(());
        }
        self.apply(Input::PointerMove(at))
    }

    /// A pointer went up: ends a drag with a zoom, or is a tap.
    pub fn pointer_up(&mut self, at: Point, touch: bool) -> Result<(), Failure> {
        let start = self.drag_start.take();
        let selection = self.overlay.selection.take();
        if let (Some(start), Some(_)) = (start, selection) {
            self.paint_overlay()?;
            if let Some(layout) = &self.layout {
                let (a, b) = (layout.x_scale.invert(start.x), layout.x_scale.invert(at.x));
                let (low, high) = (a.min(b), a.max(b));
                let clamp = |year: f64| (year.floor() as u16).clamp(self.years.0, self.years.1);
                self.set_range(Some(YearRange {
                    from: clamp(low),
                    to: clamp(high),
                }))?;
            }
            return Ok(());
        }
        if touch {
            // A finger taps only alone and still (`Finger`): a swipe or a
            // pinch pins nothing.
            let (finger, tap) = self.finger.up(at);
            self.finger = finger;
            return match tap {
                Some(at) => self.apply(Input::Tap { at, touch }),
                None => Ok(()),
            };
        }
        self.apply(Input::Tap { at, touch })
    }

    pub fn pointer_cancel(&mut self) -> Result<(), Failure> {
        self.drag_start = None;
        self.finger = self.finger.cancel();
        if self.overlay.selection.take().is_some() {
            self.paint_overlay()?;
        }
        Ok(())
    }

    pub fn set_range(&mut self, range: Option<YearRange>) -> Result<(), Failure> {
        // The whole span of the data is no zoom at all.
        let range = range.filter(|range| (range.from, range.to) != self.years);
        self.view.range = range;
        self.redraw(true)?;
        self.write_url();
        Ok(())
    }

    pub fn toggle(&mut self, toggle: Toggle) -> Result<(), Failure> {
        self.view = self.view.toggled(toggle);
        self.redraw(true)?;
        self.write_url();
        Ok(())
    }

    pub fn show_all(&mut self) -> Result<(), Failure> {
        self.view.hidden = Default::default();
        self.view.count = CountBasis::Total;
        self.view.scale = AxisScale::Log;
        self.view.fit_demonstrations = false;
        self.view.claims = false;
        self.set_range(None)
    }

    pub fn set_lang(&mut self, lang: Lang) -> Result<(), Failure> {
        self.lang = lang;
        self.elements
            .set_texts(lang)
            .map_err(because("cannot write the controls' text"))?;
        if self.sync_url {
            if let Some(root) = self.elements.document.document_element() {
                let _ = root.set_attribute("lang", lang.html_tag());
            }
        }
        self.redraw(true)?;
        self.write_url();
        Ok(())
    }

    /// The models the reader's view shows: those the table, CSV and
    /// description cover.
    fn shown_models(&self) -> Vec<&'static Model> {
        models()
            .iter()
            .filter(|model| self.view.shows(model))
            .collect()
    }

    pub fn toggle_table(&mut self) -> Result<(), Failure> {
        self.table_open = !self.table_open;
        self.elements
            .show_table(self.table_open)
            .map_err(because("cannot show the data table"))?;
        if !self.table_open {
            // The stage was hidden: draw at its size now.
            self.redraw(true)?;
        }
        self.refresh_panels()
            .map_err(because("cannot fill the data table"))
            .map_err(Failure::from)
    }

    /// Sorts the table by `key`; the same key again reverses the order.
    pub fn sort_table(&mut self, key: SortKey) -> Result<(), Failure> {
        self.table_sort = Sort {
            key,
            descending: self.table_sort.key == key && !self.table_sort.descending,
        };
        self.refresh_panels()
            .map_err(because("cannot sort the data table"))
            .map_err(Failure::from)
    }

    pub fn toggle_embed(&mut self) -> Result<(), Failure> {
        self.embed_open = !self.embed_open;
        self.refresh_panels()
            .map_err(because("cannot show the embed code"))
            .map_err(Failure::from)
    }

    /// Before printing, fills the table (hidden on screen, shown on paper).
    pub fn prepare_print(&self) -> Result<(), Failure> {
        self.fill_table()
            .map_err(because("cannot fill the data table"))
            .map_err(Failure::from)
    }

    fn fill_table(&self) -> Result<(), JsValue> {
        let shown = self.shown_models();
        let rows = table::rows(&shown, self.lang, self.table_sort);
        self.elements
            .render_table(&rows, self.lang, self.table_sort, shown.len())
    }

    /// Refills the open panels for the current view and language.
    fn refresh_panels(&self) -> Result<(), JsValue> {
        if self.table_open {
            self.fill_table()?;
        }
        let snippets = if self.embed_open {
            let page_url = match &self.page_url {
                Some(url) => url.clone(),
                None => {
                    let location = web_sys::window().ok_or("no window")?.location();
                    format!("{}{}", location.origin()?, location.pathname()?)
                }
            };
            // The embed shows the view, not what the pointer is on.
            let options = ChartOptions {
                focus: None,
                ..self.current_options()
            };
            Some([
                (
                    i18n::phrase(Phrase::EmbedIframe, self.lang).to_owned(),
                    export::iframe_snippet(&page_url, &options, self.lang),
                ),
                (
                    i18n::phrase(Phrase::EmbedScript, self.lang).to_owned(),
                    export::script_snippet(&page_url, &options),
                ),
            ])
        } else {
            None
        };
        self.elements.show_embed(snippets)
    }

    /// What the last draw drew, as boxes: its texts measured as the layout
    /// measured them, its marks at their visible extent.
    pub fn layout_boxes(&self) -> Vec<crate::boxes::LayoutBox> {
        let theme = Theme::named(self.theme);
        let measure = self.meter.with_family(theme.font_family);
        self.layout
            .as_ref()
            .map(|layout| crate::boxes::layout_boxes(layout, &measure))
            .unwrap_or_default()
    }

    /// The chart as an SVG document, drawn by the same code as the canvas,
    /// at the canvas's CSS size; with its title unless `title` is false.
    pub fn export_svg(&self, title: bool) -> Result<String, String> {
        let (width, height) = self.css_size()?;
        let theme = Theme::named(self.theme);
        let measure = self.meter.with_family(theme.font_family);
        svg::render_svg(
            models(),
            stages(),
            LayoutConfig {
                title,
                // Without its title, the export is the canvas's picture,
                // the brush's room included.
                brush: !title,
                ..self.layout_config(width, height)
            },
            &theme,
            &measure,
        )
        .map(|(svg, _)| svg)
        .map_err(|error| error.to_string())
    }

    /// The chart as a PNG data URL at twice the canvas's CSS size; with its
    /// title unless `title` is false (then it is the canvas's picture).
    pub fn export_png(&self, title: bool) -> Result<String, String> {
        use wasm_bindgen::JsCast;
        let (width, height) = self.css_size()?;
        let canvas: web_sys::HtmlCanvasElement = self
            .elements
            .document
            .create_element("canvas")
            .map_err(because("cannot create a canvas"))?
            .dyn_into()
            .map_err(|element: web_sys::Element| format!("cannot create a canvas: {element:?}"))?;
        canvas.set_width((width * 2.0).round() as u32);
        canvas.set_height((height * 2.0).round() as u32);
        let theme = Theme::named(self.theme);
        let measure = self.meter.with_family(theme.font_family);
        let backend = CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or("the canvas gives no 2D context")?;
        draw(
            backend,
            models(),
            stages(),
            LayoutConfig {
                title,
                // Without its title, the export is the canvas's picture,
                // the brush's room included.
                brush: !title,
                ..self.layout_config(width, height)
            },
            &PaintConfig {
                theme,
                pixel_ratio: 2.0,
                font_scale: 1.0,
            },
            &measure,
            // Shape by shape: a browser test checks the stamped chart
            // against this picture.
            None,
        )
        .map_err(|error| error.to_string())?;
        canvas
            .to_data_url_with_type("image/png")
            .map_err(because("cannot encode the PNG"))
    }

    /// The shown models as CSV.
    pub fn export_csv(&self) -> String {
        export::models_csv(&self.shown_models())
    }

    fn css_size(&self) -> Result<(f64, f64), String> {
        self.layout
            .as_ref()
            .map(|layout| (layout.width, layout.height))
            .ok_or_else(|| "the chart has not been drawn yet".to_owned())
    }

    /// The layout of an export, with the chart's title: the canvas leaves
    /// it out, as the page shows it as a heading.
    fn layout_config(&self, width: f64, height: f64) -> LayoutConfig {
        LayoutConfig {
            width,
            height,
            lang: self.lang,
            view: self.view,
            title: true,
            brush: false,
        }
    }

    /// The options that describe the current view.
    pub fn current_options(&self) -> ChartOptions {
        let hidden = self.view.hidden;
        let story = self.story_step > 0;
        ChartOptions {
            lang: Some(self.lang),
            theme: self.theme_given.then_some(self.theme),
            hide: (hidden != Default::default()).then_some(hidden),
            // In the story, the step says the years and the claims.
            from: self.view.range.filter(|_| !story).map(|range| range.from),
            to: self.view.range.filter(|_| !story).map(|range| range.to),
            count: (self.view.count != CountBasis::Total).then_some(self.view.count),
            scale: (self.view.scale != AxisScale::Log).then_some(self.view.scale),
            fit_demonstrations: self.view.fit_demonstrations.then_some(true),
            claims: (self.view.claims && !story).then_some(true),
            step: story.then_some(self.story_step),
            focus: self
                .interaction
                .active
                .map(|index| models()[index].id.to_string()),
        }
    }

    /// Keeps the page's URL in step with the view (`history.replaceState`),
    /// leaving the page's own parameters as they were.
    pub(super) fn write_url(&self) {
        if !self.sync_url {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let search = location.search().unwrap_or_default();
        let mut pairs: Vec<&str> = search
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| {
                let key = pair.split('=').next().unwrap_or_default();
                PAGE_PARAMETERS.contains(&key)
            })
            .collect();
        let chart_query = self.current_options().to_query();
        if !chart_query.is_empty() {
            pairs.push(&chart_query);
        }
        let hash = location.hash().unwrap_or_default();
        let url = format!("?{}{hash}", pairs.join("&"));
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

/// What the chart shows, for its accessible name.
fn describe(layout: &ChartLayout, lang: Lang) -> String {
    let doubling = layout
        .trend
        .as_ref()
        .map(|(trend, _)| trend.doubling_months());
    let visible: Vec<&Model> = layout
        .points
        .iter()
        .map(|point| point.model_index)
        .chain(layout.events.iter().map(|event| event.model_index))
        .map(|index| &models()[index])
        .collect();
    i18n::chart_description(&visible, doubling, lang)
}

/// The first and last year of the data.
pub fn data_years(models: &[Model]) -> (u16, u16) {
    crate::dataset::year_span(models).unwrap_or(crate::layout::DEFAULT_YEARS)
}
