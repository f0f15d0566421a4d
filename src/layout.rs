//! The chart's layout: where every mark and every word goes, in CSS pixels.
//!
//! [`compute_layout`] is pure: models, stages, a size, a language, the
//! reader's [`View`] and a way to measure text go in; a [`ChartLayout`] comes
//! out, holding the scales it used and the place of every mark and word. The
//! models become plotted items once ([`PlotSet`]); each mark is placed with
//! its shape from [`crate::marks`], and labels are placed against the marks'
//! extents ([`crate::labels`]). Painting ([`crate::render`]) only draws it
//! and hit-testing ([`crate::hit`]) aims at the same positions, so what the
//! reader sees and what the pointer finds cannot drift apart.
//!
//! Layout works in CSS pixels; the painter multiplies by the device pixel
//! ratio.

use crate::dataset::{self, Architecture, Model, Region, Stage};
use crate::geometry::{Point, Rect};
use crate::i18n::short_count;
use crate::i18n::{self, Lang, Phrase};
use crate::labels::{
    line_dots, place_labels_most, place_labels_must, place_labels_near, place_the_rest,
    segment_crosses, LabelRequest, PlacementConfig,
};
use crate::marks::{EventMark, LegendMark, MarkerShape, StemMark};
pub use crate::options::View;
use crate::options::{AxisScale, CountBasis, Series, Toggle};
use crate::ordering::{count_key, descending, order_by, sorted_by};
use crate::plotted::{PlotItem, PlotSet};
use crate::scale::{LinearScale, LogScale, YScale};
use crate::trend::Trend;

/// Measures text: width and height in CSS pixels of `text` at `font_size`.
/// The browser measures with the canvas; natively [`EstimatedText`] is used.
pub trait TextMeasure {
    fn measure(&self, text: &str, font: Font) -> (f64, f64);
}

/// A font size and weight; the family comes from the theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
}

impl Font {
    pub const fn regular(size: f64) -> Self {
        Self { size, bold: false }
    }

    pub const fn bold(size: f64) -> Self {
        Self { size, bold: true }
    }
}

/// A deterministic estimate of text size from character classes, used for
/// the native SVG renderer (and its golden files): CJK characters are one
/// em wide, Latin ones about half.
#[derive(Debug, Clone, Copy, Default)]
pub struct EstimatedText;

impl TextMeasure for EstimatedText {
    fn measure(&self, text: &str, font: Font) -> (f64, f64) {
        let ems: f64 = text.chars().map(char_width_em).sum();
        let weight = if font.bold { 1.06 } else { 1.0 };
        (ems * font.size * weight, font.size * 1.2)
    }
}

fn char_width_em(c: char) -> f64 {
    match c {
        ' ' => 0.28,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
        'f' | 't' | 'r' | '(' | ')' | '-' => 0.36,
        'm' | 'w' | 'M' | 'W' => 0.82,
        'A'..='Z' | '0'..='9' => 0.62,
        'a'..='z' => 0.53,
        c if c.is_ascii() => 0.55,
        '\u{2000}'..='\u{206f}' => 0.6,
        _ => 1.0,
    }
}

/// What the chart is drawn for: a size in CSS pixels, a language and the
/// reader's view (hidden series, time range).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutConfig {
    pub width: f64,
    pub height: f64,
    pub lang: Lang,
    pub view: View,
    /// Whether the chart draws its title. The page shows the title as a
    /// heading of its own and leaves it out of its canvas; the exports and
    /// the static chart keep it.
    pub title: bool,
    /// Whether room is left below the time axis for the page's brush (the
    /// range control, [`crate::brush`]): the canvas has one, the exports
    /// with a title and the static chart do not.
    pub brush: bool,
}

/// One line of text at a position. `anchor` says which point of the text
/// box `position` is.
#[derive(Debug, Clone, PartialEq)]
pub struct TextItem {
    pub text: String,
    pub position: Point,
    pub font: Font,
    pub anchor: Anchor,
    pub role: TextRole,
    /// The model the text names: a label's.
    pub model_index: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    TopLeft,
    TopRight,
    TopCenter,
    MiddleLeft,
    MiddleRight,
}

/// Which colour a text takes from the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    Title,
    Muted,
    Label,
}

/// A model drawn as a point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawnPoint {
    /// Index into the models given to [`compute_layout`].
    pub model_index: usize,
    pub center: Point,
    pub radius: f64,
    pub region: Region,
    pub architecture: Architecture,
    /// The y (CSS px) a thin stem from the marker reaches down to: a
    /// mixture of experts' active count, in the total view.
    pub stem_to: Option<f64>,
    /// A demonstration of scale, drawn hollow.
    pub hollow: bool,
    /// Drawn faint: a story step highlights other models.
    pub dimmed: bool,
}

/// A model with an undisclosed count, drawn as an event on the time axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawnEvent {
    pub model_index: usize,
    /// The marker's tip on the time axis.
    pub at: Point,
    /// The triangle standing there.
    pub mark: EventMark,
    /// The top of the event's guide line; `None` for no guide: above
    /// [`GUIDE_ALL_UP_TO`] events only the article's have one, as a hundred
    /// guides would hatch the plot.
    pub guide_top: Option<f64>,
    /// Drawn faint: a story step highlights other models.
    pub dimmed: bool,
}

/// What the article says of a model, drawn where the article puts it: a
/// hollow ghost joined by a thin connector to the sourced point (or to the
/// model's event mark, for a count the source never gave).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawnGhost {
    pub model_index: usize,
    pub center: Point,
    pub radius: f64,
    /// Where the connector ends: the sourced marker's centre, or the top of
    /// the event mark.
    pub to: Point,
}

/// A stage drawn as a band across the plot.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnBand {
    pub rect: Rect,
    pub shaded: bool,
    /// Which of the stages given to [`compute_layout`] it is.
    pub stage: usize,
}

/// One entry of the legend: a symbol and its text, which wraps onto more
/// lines only when it is wider than the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub kind: LegendKind,
    /// What this item switches, if it is a toggle.
    pub toggle: Option<Toggle>,
    /// Whether the toggle is on: the series shown, the count chosen,
    /// demonstrations in the trend. True for items that switch nothing.
    pub shown: bool,
    /// The item's box, where the page puts its button.
    pub rect: Rect,
    /// The centre of the symbol.
    pub symbol: Point,
    /// The symbol's shape, placed on `symbol`.
    pub mark: LegendMark,
    pub lines: Vec<TextItem>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LegendKind {
    Region(Region),
    Architecture(Architecture),
    /// A demonstration of scale (a hollow marker).
    Demonstration,
    /// The article's claims (a ghost).
    Claim,
    /// The count the axis shows: a marker at the top or foot of a stem.
    Count(CountBasis),
    Trend,
    Event,
    /// The y axis's scale: one of the two words of its switch by the axis.
    Scale(AxisScale),
}

/// Everything the painter needs, and everything hit-testing will need.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout {
    pub width: f64,
    pub height: f64,
    pub plot: Rect,
    pub x_scale: LinearScale,
    pub y_scale: YScale,
    pub bands: Vec<DrawnBand>,
    /// Horizontal grid lines (y) and vertical ones (x), in pixels.
    pub grid_y: Vec<f64>,
    pub grid_x: Vec<f64>,
    pub points: Vec<DrawnPoint>,
    pub events: Vec<DrawnEvent>,
    /// The article's claims where they differ from the sources (when the
    /// view shows them).
    pub ghosts: Vec<DrawnGhost>,
    /// The fit itself and its line, clipped to the plot: two points on a
    /// log axis, a curve of short segments on a linear one.
    pub trend: Option<(Trend, Vec<Point>)>,
    pub legend: Vec<LegendItem>,
    /// Texts: title, subtitle, ticks, stage names, labels, source line.
    pub texts: Vec<TextItem>,
    /// Leader lines from points to labels placed farther away.
    pub leaders: Vec<(Point, Point)>,
    /// Where the page's brush goes, when the layout leaves room for it: as
    /// wide as the plot, below the time axis's year labels.
    pub brush: Option<Rect>,
}

/// The height of the brush's room below the time axis, CSS px: a row of
/// thumbs 24 px high (a touch target) and a line of the years they show.
pub const BRUSH_HEIGHT: f64 = 40.0;
/// The space between the time axis's year labels and the brush.
const BRUSH_GAP: f64 = 2.0;
/// How much the brush takes from the plot's height: the page's chart is
/// that much taller (`www/style.css`), so that its plot keeps its room.
pub const BRUSH_ROOM: f64 = BRUSH_GAP + BRUSH_HEIGHT;

/// The years shown when there are no models at all.
pub const DEFAULT_YEARS: (u16, u16) = (2017, 2025);

/// Up to this many points, a wide chart labels every model; beyond it only
/// the article's models and the [`LARGEST_LABELLED`] largest others.
pub const LABEL_ALL_UP_TO: usize = 300;
/// Up to this many models of undisclosed size, each has a guide line.
pub const GUIDE_ALL_UP_TO: usize = 20;
/// How many of the largest models get labels on a chart of many points.
pub const LARGEST_LABELLED: usize = 8;

/// The smallest box a control of the chart gets, wide and high, in CSS px:
/// WCAG 2.2's minimum target size (2.5.8, 24 × 24). Each legend row and the
/// axis row's log / linear switch are at least this high, so that the
/// page's buttons over them (`LegendItem::rect`) are at least this big
/// without overlapping one another.
pub const MIN_TARGET: f64 = 24.0;

/// The fewest decades the y axis spans, so that a zoomed view of a few
/// similar models still reads as a log scale.
const MINIMUM_Y_DECADES: f64 = 2.0;

/// How far a ghost's outline (a ring of the background colour) reaches
/// beyond its radius.
pub const GHOST_OUTLINE: f64 = 1.2;

/// The height of an event's triangle on the time axis, in CSS pixels.
pub use crate::marks::EVENT_MARKER_HEIGHT;

/// Sizes that change between narrow (phone) and wide layouts.
struct Metrics {
    padding: f64,
    title: Font,
    subtitle: Font,
    legend: Font,
    tick: Font,
    label: Font,
    small: Font,
    point_radius: f64,
    label_all_models: bool,
    /// The space between the legend and what follows it.
    gap: f64,
}

impl Metrics {
    fn for_width(width: f64) -> Self {
        let narrow = width < 600.0;
        Self {
            padding: if narrow { 12.0 } else { 20.0 },
            title: Font::bold(if narrow { 17.0 } else { 21.0 }),
            subtitle: Font::regular(if narrow { 12.0 } else { 13.5 }),
            legend: Font::regular(if narrow { 11.0 } else { 12.0 }),
            tick: Font::regular(11.0),
            label: Font::regular(if narrow { 10.5 } else { 11.5 }),
            small: Font::regular(if narrow { 10.0 } else { 11.0 }),
            point_radius: if narrow { 4.0 } else { 5.0 },
            label_all_models: !narrow,
            gap: if narrow { 2.0 } else { 6.0 },
        }
    }
}

/// The smallest canvas (CSS px wide, and high without the brush's room) on
/// which every model the article names is labelled on the log scale, even
/// where the only room left puts a label over another of their leader lines
/// (`labels::place_labels_must`). On a smaller canvas, or on the linear
/// scale (where the points crowd along the time axis), a label that would
/// lie across a leader is left out instead: a missing label is better than
/// a tangle.
pub const ALL_ARTICLE_LABELS_FROM: (f64, f64) = (360.0, 400.0);

/// Whether a layout of `config` labels every model the article names even
/// over another of their leaders ([`ALL_ARTICLE_LABELS_FROM`]).
fn labels_every_article_model(config: &LayoutConfig) -> bool {
    let brush_room = if config.brush { BRUSH_ROOM } else { 0.0 };
    config.view.scale == AxisScale::Log
        && config.width >= ALL_ARTICLE_LABELS_FROM.0
        && config.height - brush_room >= ALL_ARTICLE_LABELS_FROM.1
}

/// Lays out the chart. `models` are those to show; stages are the bands.
pub fn compute_layout(
    models: &[Model],
    stages: &[Stage],
    config: LayoutConfig,
    measure: &dyn TextMeasure,
) -> ChartLayout {
    let LayoutConfig {
        width,
        height,
        lang,
        view,
        title,
        brush,
    } = config;
    let set = PlotSet::prepare(models, &view);
    let metrics = Metrics::for_width(width);
    let frame = Frame {
        article_must: labels_every_article_model(&config),
        pad: metrics.padding,
        content_width: (width - 2.0 * metrics.padding).max(1.0),
        metrics: &metrics,
        lang,
        measure,
    };
    let mut texts = Vec::new();
    let years = shown_years(models, &view);
    let mut cursor_y = frame.header(&mut texts, title, years, view);

    // The fit is made before the legend, which states it.
    let trend = Trend::fit(set.fit_pairs(view.fit_demonstrations));
    let (mut legend, legend_bottom) =
        layout_legend(models, &set, &view, trend.as_ref(), &frame, cursor_y);
    cursor_y = legend_bottom + metrics.gap;
    if set.without_active_count > 0 {
        let note = i18n::without_active_count(set.without_active_count, lang);
        cursor_y = frame.wrapped(&mut texts, &note, metrics.small, TextRole::Muted, cursor_y);
        cursor_y += 6.0;
    }
    let (switch, axis_row_bottom) = frame.axis_row(&mut texts, view.scale, cursor_y);
    legend.extend(switch);
    // The switch's row is a target high, room enough above the plot.
    cursor_y = axis_row_bottom + 2.0;
    let source_top = frame.source_line(&mut texts, height);

    // The plot: y tick labels on the left, year ticks below. The y axis fits
    // the visible counts: zooming to a period refits it.
    let y_scale_in = |range: (f64, f64)| y_scale_for(view.scale, &set, range);
    // The ticks depend on the domain only, so the widest is known before
    // the plot's size is.
    let widest_tick = y_scale_in((1.0, 0.0))
        .ticks()
        .iter()
        .map(|value| measure.measure(&short_count(*value, lang), metrics.tick).0)
        .fold(0.0, f64::max);
    let room = Rect::new(frame.pad + widest_tick + 8.0, cursor_y, width, source_top);
    let (plot, brush) = frame.plot(room, brush);
    let x_domain = (f64::from(years.0), f64::from(years.1) + 1.0);
    let x_scale = LinearScale::new(x_domain, (plot.left, plot.right));
    let y_scale = y_scale_in((plot.bottom, plot.top));
    let (grid_x, grid_y) = frame.ticks(&mut texts, plot, &x_scale, &y_scale);

    let bands = frame.bands(stages, plot, &y_scale);
    let (points, events) = layout_marks(models, &set, plot, &x_scale, &y_scale, &metrics);
    let ghosts = layout_ghosts(&set, &points, &events, &x_scale, &y_scale, &metrics);
    let mut obstacles = mark_obstacles(&points, &events, &ghosts);

    let trend = trend.and_then(|trend| trend_line(trend, plot, &x_scale, &y_scale));

    let line = trend.as_ref().map_or(&[][..], |(_, line)| line);
    let leaders = frame.label_all(
        &mut texts,
        models,
        (&points, &events),
        &mut obstacles,
        (stages, &bands, line),
        plot,
    );

    ChartLayout {
        width,
        height,
        plot,
        x_scale,
        y_scale,
        bands,
        grid_y,
        grid_x,
        points,
        events,
        ghosts,
        trend,
        legend,
        texts,
        leaders,
        brush,
    }
}

/// The years the view shows: its range, else the models' own.
fn shown_years(models: &[Model], view: &View) -> (u16, u16) {
    match view.range {
        Some(range) => (range.from, range.to),
        None => dataset::year_span(models).unwrap_or(DEFAULT_YEARS),
    }
}

/// The y axis for `scale` over the counts `set` shows, mapped onto `range`
/// (the plot's foot, then its top).
fn y_scale_for(scale: AxisScale, set: &PlotSet, range: (f64, f64)) -> YScale {
    match scale {
        AxisScale::Log => YScale::Log(LogScale::new(
            LogScale::nice_domain(set.counts(), MINIMUM_Y_DECADES, 0.12),
            range,
        )),
        // Zero sits a marker's reach above the plot's foot, so that the
        // many small models there stay clear of the years below.
        AxisScale::Linear => YScale::Linear(LinearScale::new(
            LinearScale::nice_zero_domain(set.counts(), 0.05),
            (range.0 - LINEAR_FOOT, range.1),
        )),
    }
}

/// What labels must keep clear of: every marker and stem, event mark and
/// ghost at its visible extent.
fn mark_obstacles(
    points: &[DrawnPoint],
    events: &[DrawnEvent],
    ghosts: &[DrawnGhost],
) -> Vec<Rect> {
    let mut obstacles: Vec<Rect> = Vec::new();
    obstacles.extend(points.iter().flat_map(point_obstacles));
    obstacles.extend(events.iter().map(event_box));
    obstacles.extend(
        ghosts
            .iter()
            .map(|ghost| Rect::around(ghost.center, ghost.radius + GHOST_OUTLINE)),
    );
    obstacles
}

/// The ghosts of the plot set, each joined to its model's marker or event.
fn layout_ghosts(
    set: &PlotSet,
    points: &[DrawnPoint],
    events: &[DrawnEvent],
    x_scale: &LinearScale,
    y_scale: &YScale,
    metrics: &Metrics,
) -> Vec<DrawnGhost> {
    set.ghosts
        .iter()
        .filter_map(|(item_index, ghost)| {
            let model_index = set.items.get(*item_index)?.model_index;
            let to = points
                .iter()
                .find(|point| point.model_index == model_index)
                .map(|point| point.center)
                .or_else(|| {
                    events
                        .iter()
                        .find(|event| event.model_index == model_index)
                        .map(|event| Point::new(event.at.x, event.at.y - EVENT_MARKER_HEIGHT))
                })?;
            Some(DrawnGhost {
                model_index,
                center: Point::new(x_scale.map(ghost.year), y_scale.map(ghost.count)),
                radius: metrics.point_radius,
                to,
            })
        })
        .collect()
}

/// What every part of the layout shares: the sizes, the language, the
/// measure, and the content's left edge and width.
struct Frame<'a> {
    /// Whether every model the article names is labelled even where that
    /// puts a label over another of their leaders ([`ALL_ARTICLE_LABELS_FROM`]).
    article_must: bool,
    pad: f64,
    content_width: f64,
    metrics: &'a Metrics,
    lang: Lang,
    measure: &'a dyn TextMeasure,
}

impl Frame<'_> {
    /// Appends `text` wrapped to the content width from `top`; returns the
    /// bottom of its last line.
    fn wrapped(
        &self,
        texts: &mut Vec<TextItem>,
        text: &str,
        font: Font,
        role: TextRole,
        top: f64,
    ) -> f64 {
        push_wrapped(
            texts,
            text,
            font,
            role,
            self.pad,
            top,
            self.content_width,
            self.measure,
        )
    }

    /// The plot within `room` (its left edge past the y axis's labels, its
    /// right the chart's, less the padding, its foot the source line's top),
    /// leaving room below for the year labels and, with `brush`, the brush
    /// under them; and where the brush goes.
    fn plot(&self, room: Rect, brush: bool) -> (Rect, Option<Rect>) {
        let tick_height = self.measure.measure("2020", self.metrics.tick).1;
        let brush_room = if brush { BRUSH_ROOM } else { 0.0 };
        let plot = Rect::new(
            room.left,
            room.top,
            room.right - self.pad,
            (room.bottom - 10.0 - brush_room - tick_height - 6.0).max(room.top + 40.0),
        );
        let brush = brush.then(|| {
            let top = plot.bottom + 6.0 + tick_height + BRUSH_GAP;
            Rect::new(plot.left, top, plot.right, top + BRUSH_HEIGHT)
        });
        (plot, brush)
    }

    /// Title and subtitle; returns the top of what follows.
    fn header(
        &self,
        texts: &mut Vec<TextItem>,
        with_title: bool,
        years: (u16, u16),
        view: View,
    ) -> f64 {
        let mut cursor_y = self.pad;
        if with_title {
            let title = i18n::phrase(Phrase::Title, self.lang);
            cursor_y = self.wrapped(texts, title, self.metrics.title, TextRole::Title, cursor_y);
            cursor_y += 2.0;
        }
        let subtitle = i18n::subtitle(years.0, years.1, view.count, view.scale, self.lang);
        cursor_y = self.wrapped(
            texts,
            &subtitle,
            self.metrics.subtitle,
            TextRole::Muted,
            cursor_y,
        );
        cursor_y + 6.0
    }

    /// The row above the plot: a hint at the left, by the y axis's labels,
    /// on how to read its steps (每格 ×10 · each step ×10), and at the right
    /// the switch between log and linear, two words that are legend items
    /// (the page lays its buttons over them). Returns the switch's items
    /// and the bottom of the row.
    fn axis_row(
        &self,
        texts: &mut Vec<TextItem>,
        scale: AxisScale,
        top: f64,
    ) -> (Vec<LegendItem>, f64) {
        const WORD_GAP: f64 = 12.0;
        const INSET: f64 = 3.0;
        let font = self.metrics.small;
        let row_height = (self.measure.measure("Ag", font).1 + 4.0).max(MIN_TARGET);
        let middle = top + row_height / 2.0;
        texts.push(TextItem {
            text: i18n::scale_hint(scale, self.lang).to_owned(),
            position: Point::new(self.pad, middle),
            font,
            anchor: Anchor::MiddleLeft,
            role: TextRole::Muted,
            model_index: None,
        });
        let words: Vec<(AxisScale, &str, f64)> = AxisScale::ALL
            .into_iter()
            .map(|each| {
                let word = i18n::scale_name(each, self.lang);
                (each, word, self.measure.measure(word, font).0)
            })
            .collect();
        let total: f64 = words
            .iter()
            .map(|(_, _, width)| width + WORD_GAP)
            .sum::<f64>();
        let mut x = self.pad + self.content_width - total + WORD_GAP - INSET;
        let items = words
            .into_iter()
            .map(|(each, word, width)| {
                let shown = each == scale;
                // A short word (log) gets a box of the smallest target width.
                let widen = ((MIN_TARGET - width - 2.0 * INSET) / 2.0).max(0.0);
                let item = LegendItem {
                    kind: LegendKind::Scale(each),
                    toggle: Some(Toggle::Scale(each)),
                    shown,
                    rect: Rect::new(
                        x - INSET - widen,
                        top,
                        x + width + INSET + widen,
                        top + row_height,
                    ),
                    symbol: Point::new(x, middle),
                    mark: LegendMark::None,
                    lines: vec![TextItem {
                        text: word.to_owned(),
                        position: Point::new(x, middle),
                        font,
                        anchor: Anchor::MiddleLeft,
                        role: if shown {
                            TextRole::Label
                        } else {
                            TextRole::Muted
                        },
                        model_index: None,
                    }],
                };
                x += width + WORD_GAP;
                item
            })
            .collect();
        (items, top + row_height)
    }

    /// The source line at the bottom, wrapped; returns its top.
    fn source_line(&self, texts: &mut Vec<TextItem>, height: f64) -> f64 {
        let font = self.metrics.small;
        let source = i18n::phrase(Phrase::SourceLine, self.lang);
        let lines = wrap_text(source, self.content_width, font, self.measure);
        let line_height = self.measure.measure("Ag", font).1;
        let top = height - self.pad - line_height * lines.len() as f64;
        for (index, line) in lines.into_iter().enumerate() {
            texts.push(TextItem {
                text: line,
                position: Point::new(self.pad, top + line_height * index as f64),
                font,
                anchor: Anchor::TopLeft,
                role: TextRole::Muted,
                model_index: None,
            });
        }
        top
    }

    /// Grid lines and tick labels of both axes; returns the grid's x and y.
    fn ticks(
        &self,
        texts: &mut Vec<TextItem>,
        plot: Rect,
        x_scale: &LinearScale,
        y_scale: &YScale,
    ) -> (Vec<f64>, Vec<f64>) {
        let tick = self.metrics.tick;
        let grid_y: Vec<f64> = y_scale
            .ticks()
            .into_iter()
            .map(|t| y_scale.map(t))
            .collect();
        // Where the decades lie closer than a line of text, every second
        // (or third…) one is named.
        let line_height = self.measure.measure("1", tick).1 + 2.0;
        let spacing = match grid_y.as_slice() {
            [first, second, ..] => (first - second).abs(),
            _ => f64::INFINITY,
        };
        let every = (line_height / spacing.max(1.0)).ceil().max(1.0) as usize;
        for value in y_scale.ticks().into_iter().step_by(every) {
            texts.push(TextItem {
                text: short_count(value, self.lang),
                position: Point::new(plot.left - 8.0, y_scale.map(value)),
                font: tick,
                anchor: Anchor::MiddleRight,
                role: TextRole::Muted,
                model_index: None,
            });
        }
        let year_width = self.measure.measure("2020", tick).0;
        let year_ticks = x_scale.integer_ticks(year_tick_step(x_scale, year_width + 10.0));
        let grid_x: Vec<f64> = year_ticks.iter().map(|year| x_scale.map(*year)).collect();
        for year in &year_ticks {
            // Years label the span they start, so the text sits right of the line.
            let x = x_scale.map(*year);
            if x + 4.0 + year_width <= plot.right + 1.0 {
                texts.push(TextItem {
                    text: format!("{year:.0}"),
                    position: Point::new(x + 4.0, plot.bottom + 6.0),
                    font: tick,
                    anchor: Anchor::TopLeft,
                    role: TextRole::Muted,
                    model_index: None,
                });
            }
        }
        (grid_x, grid_y)
    }

    /// Stage bands across the plot, without their names ([`Frame::band_names`]
    /// places those once the marks are known).
    fn bands(&self, stages: &[Stage], plot: Rect, y_scale: &YScale) -> Vec<DrawnBand> {
        let mut bands = Vec::new();
        for (index, stage) in stages.iter().enumerate() {
            let top = y_scale.map(stage.params_to as f64).max(plot.top);
            let bottom = y_scale.map(stage.params_from as f64).min(plot.bottom);
            if bottom - top < 1.0 {
                continue;
            }
            bands.push(DrawnBand {
                rect: Rect::new(plot.left, top, plot.right, bottom),
                shaded: index % 2 == 0,
                stage: index,
            });
        }
        bands
    }

    /// Each band's name inside its band, placed like a label: the first spot
    /// along the band's top edge, then along its bottom edge, that covers no
    /// mark (`obstacles`) and no other name; left out where there is none.
    /// The names placed join the obstacles the labels avoid.
    fn band_names(
        &self,
        texts: &mut Vec<TextItem>,
        obstacles: &mut Vec<Rect>,
        leaders: &[(Point, Point)],
        stages: &[Stage],
        bands: &[DrawnBand],
    ) {
        const INSET: f64 = 4.0;
        const STEP: f64 = 6.0;
        const CLEARANCE: f64 = 1.5;
        let font = self.metrics.small;
        for band in bands {
            let Some(stage) = stages.get(band.stage) else {
                continue;
            };
            let text = i18n::stage_label(stage, self.lang);
            let (width, height) = self.measure.measure(&text, font);
            let area = band.rect.inflate(-INSET);
            if width > area.width() || height > area.height() {
                continue;
            }
            let n_steps = ((area.width() - width) / STEP).floor() as usize;
            let lefts = (0..=n_steps).map(|step| area.left + STEP * step as f64);
            let spot = [area.top, area.bottom - height]
                .into_iter()
                .flat_map(|top| lefts.clone().map(move |left| (left, top)))
                .map(|(left, top)| Rect::new(left, top, left + width, top + height))
                .find(|rect| {
                    let padded = rect.inflate(CLEARANCE);
                    !obstacles
                        .iter()
                        .any(|obstacle| obstacle.intersects(&padded))
                        && !leaders
                            .iter()
                            .any(|(from, to)| segment_crosses(*from, *to, &padded))
                });
            let Some(rect) = spot else {
                continue;
            };
            obstacles.push(rect);
            texts.push(TextItem {
                text,
                position: Point::new(rect.left, rect.top),
                font,
                anchor: Anchor::TopLeft,
                role: TextRole::Muted,
                model_index: None,
            });
        }
    }

    /// Every label and band name: the article's models are labelled first,
    /// then the bands named, then the other models labelled, each around
    /// what is placed before it. Returns the leader lines.
    fn label_all(
        &self,
        texts: &mut Vec<TextItem>,
        models: &[Model],
        (points, events): (&[DrawnPoint], &[DrawnEvent]),
        obstacles: &mut Vec<Rect>,
        (stages, bands, trend): (&[Stage], &[DrawnBand], &[Point]),
        plot: Rect,
    ) -> Vec<(Point, Point)> {
        let (mut requests, mut items) = self.label_requests(models, points, events);
        let article = items
            .iter()
            .take_while(|item| models[item.3].in_article)
            .count();
        let (other_requests, other_items) = (requests.split_off(article), items.split_off(article));
        // The obstacles so far are marks, which a leader may pass over; the
        // names and labels that join them are texts, which it may not.
        let mut marks = obstacles.len();
        // No label lies across the trend line either: it is obstacles along
        // the line, as a leader is, which a leader may pass over.
        let trend_dots: Vec<Rect> = trend
            .windows(2)
            .flat_map(|pair| line_dots(pair[0], pair[1]))
            .collect();
        let article_labels = (requests.as_slice(), items);
        let mut leaders = self.labels(
            texts,
            article_labels,
            (obstacles, marks, &trend_dots),
            plot,
            true,
        );
        // A band's name crosses neither a leader nor the trend line.
        let lines: Vec<(Point, Point)> = leaders
            .iter()
            .copied()
            .chain(trend.windows(2).map(|pair| (pair[0], pair[1])))
            .collect();
        self.band_names(texts, obstacles, &lines, stages, bands);
        // For the other labels the trend's dots join the marks, which a
        // leader may pass over.
        let dots = trend_dots.len();
        obstacles.splice(marks..marks, trend_dots);
        marks += dots;
        let others = (other_requests.as_slice(), other_items);
        leaders.extend(self.labels(texts, others, (obstacles, marks, &[]), plot, false));
        leaders
    }

    /// Labels for `requests`, placed around the obstacles (marks up to
    /// `marks`, texts after), which the labels placed join, each with its
    /// leader line; returns the leader lines of labels placed farther away.
    fn labels(
        &self,
        texts: &mut Vec<TextItem>,
        (requests, label_items): (&[LabelRequest], Vec<LabelItem>),
        (obstacles, marks, lines): (&mut Vec<Rect>, usize, &[Rect]),
        plot: Rect,
        most: bool,
    ) -> Vec<(Point, Point)> {
        let mut leaders = Vec::new();
        let bounds = plot.inflate(-2.0);
        let placements = if most {
            let around = (&obstacles[..], &obstacles[marks..]);
            if self.article_must {
                place_labels_must(requests, around, lines, bounds)
            } else {
                let with_lines = [&obstacles[..], lines].concat();
                let around = (&with_lines[..], &obstacles[marks..]);
                place_labels_most(requests, around, bounds, PlacementConfig::default())
            }
        } else {
            let mut placements = place_labels_near(requests, obstacles, bounds);
            place_the_rest(
                requests,
                &mut placements,
                obstacles,
                &obstacles[marks..],
                bounds,
            );
            placements
        };
        for ((text, font, role, model_index), placement) in label_items.into_iter().zip(placements)
        {
            let Some(placement) = placement else {
                continue;
            };
            if let Some(leader) = placement.leader {
                leaders.push(leader);
            }
            obstacles.extend(placement.footprint());
            texts.push(TextItem {
                text,
                position: Point::new(placement.rect.left, placement.rect.top),
                font,
                anchor: Anchor::TopLeft,
                role,
                model_index: Some(model_index),
            });
        }
        leaders
    }

    /// What to label, in order: the article's models (points, the larger
    /// first, then events), then the other events (their names are all the
    /// chart shows of them), then the other points, the larger first. On a
    /// narrow chart only the article's models get labels; with many points,
    /// only the article's models and the few largest others.
    fn label_requests(
        &self,
        models: &[Model],
        points: &[DrawnPoint],
        events: &[DrawnEvent],
    ) -> (Vec<LabelRequest>, Vec<LabelItem>) {
        let metrics = self.metrics;
        let many = points.len() > LABEL_ALL_UP_TO;
        // In a story step, only the highlighted models are labelled.
        let story =
            points.iter().any(|point| point.dimmed) || events.iter().any(|event| event.dimmed);
        let mut order: Vec<&DrawnPoint> = points
            .iter()
            .filter(|point| {
                if story {
                    return !point.dimmed;
                }
                (metrics.label_all_models && !many) || models[point.model_index].in_article
            })
            .collect();
        if many && metrics.label_all_models && !story {
            order.extend(largest_others(models, points));
        }
        let event_order: Vec<&DrawnEvent> = events
            .iter()
            .filter(|event| {
                if story {
                    return !event.dimmed;
                }
                (metrics.label_all_models && !many) || models[event.model_index].in_article
            })
            .collect();
        // Event labels carry only the name: the legend's triangle says that
        // the size is undisclosed.
        let mut candidates: Vec<(LabelRequest, LabelItem)> = Vec::new();
        for event in event_order {
            let text = i18n::label_name(&models[event.model_index], self.lang).to_owned();
            let request = LabelRequest {
                anchor: Point::new(event.at.x, event.at.y - EVENT_MARKER_HEIGHT / 2.0),
                anchor_radius: EVENT_MARKER_HEIGHT / 2.0,
                size: self.measure.measure(&text, metrics.small),
            };
            let item = (text, metrics.small, TextRole::Muted, event.model_index);
            candidates.push((request, item));
        }
        for point in &order {
            let text = i18n::label_name(&models[point.model_index], self.lang).to_owned();
            let request = LabelRequest {
                anchor: point.center,
                anchor_radius: point.radius,
                size: self.measure.measure(&text, metrics.label),
            };
            let item = (text, metrics.label, TextRole::Label, point.model_index);
            candidates.push((request, item));
        }
        // The article's models first; then events before points; the larger
        // first; ties in date order (an event has no size).
        let order = order_by(candidates.iter().map(|(_, item)| {
            let model = &models[item.3];
            (
                u64::from(!model.in_article),
                u64::from(model.params.is_some() != model.in_article),
                descending(count_key(model.params)),
            )
        }));
        let mut slots: Vec<Option<(LabelRequest, LabelItem)>> =
            candidates.into_iter().map(Some).collect();
        order
            .into_iter()
            .filter_map(|position| slots[position].take())
            .unzip()
    }
}

/// A label's text, font, colour and model.
type LabelItem = (String, Font, TextRole, usize);

/// The [`LARGEST_LABELLED`] largest points the article does not name,
/// biggest first (the earlier model on a tie), through the crate's one sort.
fn largest_others<'p>(models: &[Model], points: &'p [DrawnPoint]) -> Vec<&'p DrawnPoint> {
    let others: Vec<&DrawnPoint> = points
        .iter()
        .filter(|point| !models[point.model_index].in_article)
        .collect();
    let mut sorted = sorted_by(&others, |point| {
        (
            descending(count_key(models[point.model_index].params)),
            point.model_index as u64,
            0,
        )
    });
    sorted.truncate(LARGEST_LABELLED);
    sorted
}

/// Points and events of the plot set, at their places.
fn layout_marks(
    models: &[Model],
    set: &PlotSet,
    plot: Rect,
    x_scale: &LinearScale,
    y_scale: &YScale,
    metrics: &Metrics,
) -> (Vec<DrawnPoint>, Vec<DrawnEvent>) {
    let mut points = Vec::new();
    let mut events = Vec::new();
    for item in &set.items {
        let x = x_scale.map(item.year);
        match item.count {
            Some(count) => points.push(drawn_point(item, x, count, y_scale, metrics)),
            None => events.push(DrawnEvent {
                model_index: item.model_index,
                at: Point::new(x, plot.bottom),
                mark: EventMark::at(Point::new(x, plot.bottom)),
                guide_top: Some(plot.top),
                dimmed: item.dimmed,
            }),
        }
    }
    if events.len() > GUIDE_ALL_UP_TO {
        for event in &mut events {
            if !models[event.model_index].in_article {
                event.guide_top = None;
            }
        }
    }
    (points, events)
}

fn drawn_point(
    item: &PlotItem,
    x: f64,
    count: f64,
    y_scale: &YScale,
    metrics: &Metrics,
) -> DrawnPoint {
    DrawnPoint {
        model_index: item.model_index,
        center: Point::new(x, y_scale.map(count)),
        radius: metrics.point_radius,
        region: item.region,
        architecture: item.architecture,
        stem_to: item.stem_to.map(|active| y_scale.map(active)),
        hollow: item.status == crate::dataset::Status::Demonstration,
        dimmed: item.dimmed,
    }
}

/// What labels must keep clear of around a point: its marker (a diamond
/// reaches farther than a circle) and its stem.
fn point_obstacles(point: &DrawnPoint) -> impl Iterator<Item = Rect> {
    let reach = marker_extent(point.radius, point.architecture);
    let marker = Rect::around(point.center, reach);
    let stem = point.stem_to.map(|bottom| {
        Rect::new(
            point.center.x - 2.0,
            point.center.y,
            point.center.x + 2.0,
            bottom + 2.0,
        )
    });
    std::iter::once(marker).chain(stem)
}

/// How far from its centre a marker of `radius` reaches, outline included:
/// a diamond's corners reach 1.3 times the radius.
pub fn marker_extent(radius: f64, architecture: Architecture) -> f64 {
    MarkerShape::of(architecture).extent(radius)
}

/// The box of an event's triangle on the time axis.
pub fn event_box(event: &DrawnEvent) -> Rect {
    event.mark.bounds()
}

/// The smallest of 1, 2, 5, 10 years between ticks that leaves `min_gap`
/// pixels for each label.
fn year_tick_step(x_scale: &LinearScale, min_gap: f64) -> u32 {
    let pixels_per_year = (x_scale.map(1.0) - x_scale.map(0.0)).abs();
    [1, 2, 5, 10]
        .into_iter()
        .find(|step| pixels_per_year * f64::from(*step) >= min_gap)
        .unwrap_or(10)
}

/// The legend's entries, in order: regions, architectures, demonstrations,
/// the count toggle, events, the trend.
fn legend_entries(
    models: &[Model],
    set: &PlotSet,
    view: &View,
    trend: Option<&Trend>,
    lang: Lang,
) -> Vec<(LegendKind, Option<Toggle>, bool, String)> {
    let hidden = &view.hidden;
    let series_entry = |series: Series, kind: LegendKind, text: String| {
        (
            kind,
            Some(Toggle::Series(series)),
            !hidden.is_hidden(series),
            text,
        )
    };
    let mut entries: Vec<_> = Region::ALL
        .iter()
        .filter(|region| models.iter().any(|model| model.region() == **region))
        .map(|region| {
            series_entry(
                Series::Region(*region),
                LegendKind::Region(*region),
                i18n::region_name(*region, lang).to_owned(),
            )
        })
        .collect();
    for architecture in [Architecture::Dense, Architecture::MixtureOfExperts] {
        let present = models
            .iter()
            .any(|model| model.architecture == architecture && model.params.is_some());
        if present {
            entries.push(series_entry(
                Series::Architecture(architecture),
                LegendKind::Architecture(architecture),
                i18n::architecture_name(architecture, lang).to_owned(),
            ));
        }
    }
    if set.has_demonstrations() {
        entries.push((
            LegendKind::Demonstration,
            None,
            true,
            i18n::phrase(Phrase::Demonstration, lang).to_owned(),
        ));
    }
    if models.iter().any(|model| model.active_params.is_some()) {
        for basis in CountBasis::ALL {
            entries.push((
                LegendKind::Count(basis),
                Some(Toggle::Count(basis)),
                view.count == basis,
                i18n::count_basis_name(basis, lang).to_owned(),
            ));
        }
    }
    if models
        .iter()
        .any(|model| crate::claims::ghost(model).is_some())
    {
        entries.push((
            LegendKind::Claim,
            Some(Toggle::Claims),
            view.claims,
            i18n::phrase(Phrase::AsTheArticleSays, lang).to_owned(),
        ));
    }
    if models.iter().any(|model| model.params.is_none()) {
        entries.push((
            LegendKind::Event,
            None,
            true,
            i18n::phrase(Phrase::Undisclosed, lang).to_owned(),
        ));
    }
    if let Some(trend) = trend {
        entries.push(trend_entry(trend, set.has_demonstrations(), view, lang));
    }
    entries
}

/// The trend's legend entry: a toggle of demonstrations in the fit when
/// there are any.
fn trend_entry(
    trend: &Trend,
    demonstrations: bool,
    view: &View,
    lang: Lang,
) -> (LegendKind, Option<Toggle>, bool, String) {
    (
        LegendKind::Trend,
        demonstrations.then_some(Toggle::FitDemonstrations),
        !demonstrations || view.fit_demonstrations,
        i18n::trend_label(
            trend.doubling_months(),
            (trend.span.0.floor() as u16, trend.span.1.floor() as u16),
            view.count,
            demonstrations.then_some(view.fit_demonstrations),
            lang,
        ),
    )
}

/// The trend line across the fitted span and the years shown, clipped to
/// the plot: straight on a log axis, an exponential curve (the points of a
/// polyline) on a linear one; `None` where it misses the plot.
fn trend_line(
    trend: Trend,
    plot: Rect,
    x_scale: &LinearScale,
    y_scale: &YScale,
) -> Option<(Trend, Vec<Point>)> {
    let from = trend.span.0.max(x_scale.domain.0);
    let to = trend.span.1.min(x_scale.domain.1);
    let n_segments = if y_scale.is_log() { 1 } else { TREND_SEGMENTS };
    let path: Vec<Point> = (0..=n_segments)
        .map(|step| {
            let year = from + (to - from) * step as f64 / n_segments as f64;
            Point::new(x_scale.map(year), y_scale.map(trend.params_at(year)))
        })
        .collect();
    let clipped = clip_path(plot, &path);
    (clipped.len() >= 2).then_some((trend, clipped))
}

/// The legend's entries in rows from `top`; returns them and the bottom of
/// the last row. A row with a toggle in it is at least [`MIN_TARGET`]
/// high, so that the page's buttons over its entries are big enough to hit;
/// a row of entries that switch nothing is a line high.
fn layout_legend(
    models: &[Model],
    set: &PlotSet,
    view: &View,
    trend: Option<&Trend>,
    frame: &Frame<'_>,
    top: f64,
) -> (Vec<LegendItem>, f64) {
    let font = frame.metrics.legend;
    let line_height = frame.measure.measure("Ag", font).1 + 4.0;
    let entries = legend_entries(models, set, view, trend, frame.lang);
    let rows = legend_rows(entries, frame);
    let mut heights: Vec<f64> = Vec::new();
    for entry in &rows {
        let lines = line_height * entry.lines.len() as f64;
        let height = if entry.toggle.is_some() {
            lines.max(MIN_TARGET)
        } else {
            lines
        };
        match heights.get_mut(entry.row) {
            Some(row) => *row = row.max(height),
            None => heights.push(height),
        }
    }
    let mut tops = Vec::with_capacity(heights.len());
    let mut y = top;
    for height in &heights {
        tops.push(y);
        y += height;
    }
    let items = rows
        .into_iter()
        .map(|entry| {
            let (row_top, height) = (tops[entry.row], heights[entry.row]);
            let x = entry.x;
            let n_lines = entry.lines.len();
            // The middle of the first line, the lines centred in the row.
            let middle = row_top + (height - line_height * n_lines.saturating_sub(1) as f64) / 2.0;
            let role = if entry.shown {
                TextRole::Label
            } else {
                TextRole::Muted
            };
            LegendItem {
                kind: entry.kind,
                toggle: entry.toggle,
                shown: entry.shown,
                rect: Rect::new(
                    x - 2.0,
                    row_top,
                    x + (entry.width + 4.0).max(MIN_TARGET - 2.0),
                    row_top + height,
                ),
                symbol: Point::new(x + 6.0, middle),
                mark: legend_mark(entry.kind, Point::new(x + 6.0, middle)),
                lines: entry
                    .lines
                    .into_iter()
                    .enumerate()
                    .map(|(index, line)| TextItem {
                        text: line,
                        position: Point::new(
                            x + LEGEND_SYMBOL_WIDTH,
                            middle + line_height * index as f64,
                        ),
                        font,
                        anchor: Anchor::MiddleLeft,
                        role,
                        model_index: None,
                    })
                    .collect(),
            }
        })
        .collect();
    (items, y)
}

/// The width a legend entry's symbol takes before its text.
const LEGEND_SYMBOL_WIDTH: f64 = 18.0;

/// A legend entry wrapped and given its row and its left.
struct LegendEntry {
    kind: LegendKind,
    toggle: Option<Toggle>,
    shown: bool,
    lines: Vec<String>,
    /// The left of its symbol.
    x: f64,
    /// Its symbol and its widest line.
    width: f64,
    row: usize,
}

/// The entries wrapped to the content width and put in rows, left to
/// right; a wrapped entry takes a row of its own.
fn legend_rows(
    entries: Vec<(LegendKind, Option<Toggle>, bool, String)>,
    frame: &Frame<'_>,
) -> Vec<LegendEntry> {
    const ITEM_GAP: f64 = 14.0;
    let (left, content_width, measure) = (frame.pad, frame.content_width, frame.measure);
    let font = frame.metrics.legend;
    let (mut x, mut row) = (left, 0);
    let mut rows = Vec::new();
    for (kind, toggle, shown, text) in entries {
        let lines = wrap_text(&text, content_width - LEGEND_SYMBOL_WIDTH, font, measure);
        let text_width = lines
            .iter()
            .map(|line| measure.measure(line, font).0)
            .fold(0.0, f64::max);
        let width = LEGEND_SYMBOL_WIDTH + text_width;
        if x > left && x + width > left + content_width {
            x = left;
            row += 1;
        }
        let wrapped = lines.len() > 1;
        rows.push(LegendEntry {
            kind,
            toggle,
            shown,
            lines,
            x,
            width,
            row,
        });
        x += width + ITEM_GAP;
        if wrapped {
            x = left + content_width;
        }
    }
    rows
}

/// Appends `text` wrapped to `max_width` as lines starting at `top`; returns
/// the bottom of the last line.
#[allow(clippy::too_many_arguments)]
fn push_wrapped(
    texts: &mut Vec<TextItem>,
    text: &str,
    font: Font,
    role: TextRole,
    left: f64,
    top: f64,
    max_width: f64,
    measure: &dyn TextMeasure,
) -> f64 {
    let line_height = measure.measure("Ag", font).1;
    let mut y = top;
    for line in wrap_text(text, max_width, font, measure) {
        texts.push(TextItem {
            text: line,
            position: Point::new(left, y),
            font,
            anchor: Anchor::TopLeft,
            role,
            model_index: None,
        });
        y += line_height;
    }
    y
}

/// Breaks `text` into lines no wider than `max_width`: at spaces, or between
/// any two CJK characters. A single word wider than the line stays whole.
pub fn wrap_text(text: &str, max_width: f64, font: Font, measure: &dyn TextMeasure) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for token in break_tokens(text) {
        let candidate = format!("{line}{token}");
        if !line.is_empty() && measure.measure(candidate.trim_end(), font).0 > max_width {
            lines.push(line.trim_end().to_owned());
            line = token.trim_start().to_owned();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Splits text into pieces between which a line may break: a word with its
/// trailing space, or a single CJK character (with any closing punctuation).
fn break_tokens(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        let wide = !c.is_ascii();
        let closing = matches!(
            c,
            '，' | '。' | '、' | '：' | '；' | '）' | '》' | '」' | '·'
        );
        if closing {
            match tokens.last_mut() {
                Some(last) if current.is_empty() => last.push(c),
                _ => current.push(c),
            }
            continue;
        }
        if wide {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            current.push(c);
            if c != '（' && c != '《' && c != '「' {
                tokens.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
            if c == ' ' {
                tokens.push(std::mem::take(&mut current));
            }
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// How far above the plot's foot zero lies on a linear axis, in CSS px.
const LINEAR_FOOT: f64 = 10.0;

/// How many segments draw the trend's curve on a linear axis.
const TREND_SEGMENTS: usize = 48;

/// The part of a path inside a rectangle (a path that leaves it once, as a
/// monotonic curve does): each segment clipped, joined.
fn clip_path(rect: Rect, path: &[Point]) -> Vec<Point> {
    let mut clipped: Vec<Point> = Vec::new();
    for pair in path.windows(2) {
        if let Some((start, end)) = clip_to(rect, pair[0], pair[1]) {
            if clipped.last() != Some(&start) {
                clipped.push(start);
            }
            clipped.push(end);
        }
    }
    clipped
}

/// Clips a segment to a rectangle (Liang–Barsky); `None` if it lies outside.
fn clip_to(rect: Rect, start: Point, end: Point) -> Option<(Point, Point)> {
    let (dx, dy) = (end.x - start.x, end.y - start.y);
    let (t0, t1) = rect.clip_segment(start, end)?;
    (t0 <= t1).then(|| {
        (
            Point::new(start.x + t0 * dx, start.y + t0 * dy),
            Point::new(start.x + t1 * dx, start.y + t1 * dy),
        )
    })
}

impl DrawnPoint {
    /// The marker's shape: a diamond for a mixture of experts.
    pub fn shape(&self) -> MarkerShape {
        MarkerShape::of(self.architecture)
    }

    /// The stem down to the active count, if the point has one.
    pub fn stem(&self) -> Option<StemMark> {
        self.stem_to
            .map(|bottom| StemMark::new(self.center.x, self.center.y, bottom))
    }
}

/// The symbol of a legend entry of `kind` centred on `at`.
fn legend_mark(kind: LegendKind, at: Point) -> LegendMark {
    let marker = |shape, hollow| LegendMark::Marker {
        center: at,
        shape,
        radius: 5.0,
        hollow,
    };
    match kind {
        LegendKind::Region(_)
        | LegendKind::Architecture(Architecture::Dense | Architecture::Undisclosed) => {
            marker(MarkerShape::Circle, false)
        }
        LegendKind::Architecture(Architecture::MixtureOfExperts) => {
            marker(MarkerShape::Diamond, false)
        }
        LegendKind::Demonstration => marker(MarkerShape::Circle, true),
        LegendKind::Claim => LegendMark::Ghost {
            center: at,
            radius: 5.0,
        },
        LegendKind::Count(basis) => {
            let (top, bottom) = (at.y - 6.0, at.y + 6.0);
            let end = match basis {
                CountBasis::Total => top + 2.0,
                CountBasis::Active => bottom - 2.0,
            };
            LegendMark::Count {
                stem: StemMark::new(at.x, top, bottom),
                marker: Point::new(at.x, end),
                radius: 3.0,
            }
        }
        LegendKind::Trend => {
            LegendMark::Trend(Point::new(at.x - 6.0, at.y), Point::new(at.x + 8.0, at.y))
        }
        LegendKind::Event => LegendMark::Event(crate::marks::triangle(at.x, at.y + 4.0, 5.0, 9.0)),
        LegendKind::Scale(_) => LegendMark::None,
    }
}
