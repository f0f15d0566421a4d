//! Painting: one function, generic over plotters' `DrawingBackend`, draws a
//! [`ChartLayout`] onto any surface — a `<canvas>` in the browser, SVG
//! natively.
//!
//! The painter computes no positions: every point it draws is in the
//! [`ChartLayout`] (the shapes of marks placed by [`crate::marks`]), and it
//! only scales CSS pixels by the device pixel ratio, rounds them to backing
//! pixels and chooses colours and strokes. [`draw`] lays out and paints
//! in one call and hands back the layout it used, whose point positions are
//! what hit-testing must use.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color as _, FontFamily, FontStyle, RGBAColor};

use crate::dataset::{Model, Stage};
use crate::geometry::{Point, Rect};
use crate::layout::{
    compute_layout, Anchor, ChartLayout, DrawnEvent, DrawnPoint, LayoutConfig, LegendItem,
    LegendKind, TextItem, TextMeasure, TextRole,
};
use crate::marks::{dashes, path_dashes, selection_band, LegendMark, MarkerShape, StemMark};
use crate::theme::{Color, Theme};

/// What a painter needs besides the layout.
#[derive(Debug, Clone, PartialEq)]
pub struct PaintConfig {
    pub theme: Theme,
    /// Backing-store pixels per CSS pixel (`devicePixelRatio`).
    pub pixel_ratio: f64,
    /// Multiplies every font size handed to the backend, for a backend that
    /// rescales text itself ([`SVG_FONT_SCALE`]); 1 for the canvas.
    pub font_scale: f64,
}

/// plotters-svg writes `font-size` as the requested size divided by 1.24;
/// asking for 1.24 times the size gives text of the size that was laid out.
pub const SVG_FONT_SCALE: f64 = 1.24;

/// How opaque the markers a story step does not highlight are.
const DIMMED_ALPHA: f64 = 0.22;

/// From this many points on, points hidden under others are not drawn.
pub const CULL_FROM_POINTS: usize = 1000;

/// A drawing failure, with the backend's own message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError(pub String);

impl std::fmt::Display for RenderError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "drawing failed: {}", self.0)
    }
}

impl std::error::Error for RenderError {}

/// Lays out and paints the chart onto `backend`, whose size must be the
/// layout size times `paint.pixel_ratio`, handing the markers to `stamper`
/// when there are at least [`STAMP_FROM_POINTS`] of them. Returns the layout
/// it drew.
pub fn draw<Backend: DrawingBackend>(
    backend: Backend,
    models: &[Model],
    stages: &[Stage],
    layout_config: LayoutConfig,
    paint: &PaintConfig,
    measure: &dyn TextMeasure,
    stamper: Option<&mut dyn Stamper>,
) -> Result<ChartLayout, RenderError> {
    let layout = compute_layout(models, stages, layout_config, measure);
    paint_layout(backend, &layout, paint, stamper)?;
    Ok(layout)
}

/// Paints a layout computed earlier: what lies under the markers, the
/// markers (through `stamper` when it is given and there are at least
/// [`STAMP_FROM_POINTS`] of them), then what lies over them.
pub fn paint_layout<Backend: DrawingBackend>(
    backend: Backend,
    layout: &ChartLayout,
    paint: &PaintConfig,
    stamper: Option<&mut dyn Stamper>,
) -> Result<(), RenderError> {
    paint_with(backend, paint, |painter| {
        painter.under_markers(layout)?;
        match stamper {
            Some(stamper) if layout.points.len() >= STAMP_FROM_POINTS => {
                // Whatever the backend holds back goes to the surface first.
                painter.area.present()?;
                stamper
                    .stamp(&painter.stamps(layout, false))
                    .map_err(RenderError)?;
            }
            _ => {
                for stamp in painter.stamps(layout, true) {
                    painter.marker(stamp.center, stamp.look)?;
                }
            }
        }
        Ok(painter.over_markers(layout)?)
    })
}

/// Runs `action` with a painter over all of `backend`, then presents it.
fn paint_with<Backend: DrawingBackend>(
    backend: Backend,
    paint: &PaintConfig,
    action: impl FnOnce(&Painter<'_, Backend>) -> Result<(), RenderError>,
) -> Result<(), RenderError> {
    let area = backend.into_drawing_area();
    action(&Painter {
        area: &area,
        theme: &paint.theme,
        ratio: paint.pixel_ratio,
        font_scale: paint.font_scale,
    })?;
    Ok(area.present()?)
}

impl<Error: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<Error>> for RenderError {
    fn from(error: DrawingAreaErrorKind<Error>) -> RenderError {
        RenderError(error.to_string())
    }
}

/// What a marker looks like wherever it is: two markers of one look differ
/// only by a shift of whole backing pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkerLook {
    /// The radius of the fill, in CSS px.
    pub radius: f64,
    /// A diamond (a mixture of experts) rather than a circle.
    pub diamond: bool,
    /// A ring with the background inside (a demonstration) rather than
    /// a filled shape.
    pub hollow: bool,
    pub color: Color,
}

impl MarkerLook {
    pub fn shape(self) -> MarkerShape {
        if self.diamond {
            MarkerShape::Diamond
        } else {
            MarkerShape::Circle
        }
    }
}

/// A marker to paint: its look and its centre, in backing pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stamp {
    pub look: MarkerLook,
    pub center: (i32, i32),
}

/// Paints many markers faster than one backend call per shape: in the
/// browser, by copying prepainted sprites into a layer drawn over the
/// chart. It is handed every marker, bottom first, once what lies under
/// them is painted and before what lies over them; each must look as
/// [`paint_marker`] paints it.
pub trait Stamper {
    fn stamp(&mut self, stamps: &[Stamp]) -> Result<(), String>;
}

/// From this many points on, [`paint_layout`] hands the markers to its
/// stamper, if it has one.
pub const STAMP_FROM_POINTS: usize = 1000;

/// Paints one marker of `look` centred on `center` (backing pixels), exactly
/// as the chart paints it: the picture a [`Stamper`] copies.
pub fn paint_marker<Backend: DrawingBackend>(
    backend: Backend,
    look: MarkerLook,
    center: (i32, i32),
    paint: &PaintConfig,
) -> Result<(), RenderError> {
    paint_with(backend, paint, |painter| Ok(painter.marker(center, look)?))
}

/// How far (backing pixels) from its centre a marker of `look` can touch a
/// pixel, its outline and antialiasing included.
pub fn marker_reach(look: MarkerLook, pixel_ratio: f64) -> u32 {
    (look.shape().extent(look.radius) * pixel_ratio)
        .round()
        .max(1.0) as u32
        + 2
}

/// What the overlay shows above the chart: a zoom selection being
/// dragged. (The active model's highlight is the page's, moved without
/// repainting.)
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Overlay {
    /// The x span (CSS px) of a drag across the plot.
    pub selection: Option<(f64, f64)>,
}

/// Paints the overlay on a transparent surface of the same size as the
/// chart. A drag repaints only this, never the chart.
pub fn paint_overlay<Backend: DrawingBackend>(
    backend: Backend,
    layout: &ChartLayout,
    overlay: Overlay,
    paint: &PaintConfig,
) -> Result<(), RenderError> {
    paint_with(backend, paint, |painter| {
        Ok(painter.overlay(layout, overlay)?)
    })
}

type Result2<Error> = Result<(), DrawingAreaErrorKind<Error>>;

struct Painter<'a, Backend: DrawingBackend> {
    area: &'a DrawingArea<Backend, Shift>,
    theme: &'a Theme,
    ratio: f64,
    font_scale: f64,
}

fn rgba(color: Color) -> RGBAColor {
    RGBAColor(color.red, color.green, color.blue, color.alpha)
}

impl<Backend: DrawingBackend> Painter<'_, Backend> {
    /// A CSS-pixel point in backing-store pixels.
    fn px(&self, point: Point) -> (i32, i32) {
        (
            (point.x * self.ratio).round() as i32,
            (point.y * self.ratio).round() as i32,
        )
    }

    fn len(&self, css_pixels: f64) -> u32 {
        (css_pixels * self.ratio).round().max(1.0) as u32
    }

    /// The two corners of `rect` in backing pixels.
    fn rect_px(&self, rect: Rect) -> [(i32, i32); 2] {
        [
            self.px(Point::new(rect.left, rect.top)),
            self.px(Point::new(rect.right, rect.bottom)),
        ]
    }

    /// Everything under the markers: background, bands, grid, events, trend,
    /// stems, the ghosts' connectors and leader lines.
    fn under_markers(&self, layout: &ChartLayout) -> Result2<Backend::ErrorType> {
        let theme = self.theme;
        self.area.fill(&rgba(theme.background))?;
        for band in layout.bands.iter().filter(|band| band.shaded) {
            self.area.draw(&Rectangle::new(
                self.rect_px(band.rect),
                rgba(theme.band).filled(),
            ))?;
        }
        self.grid_and_axis(layout)?;
        for event in &layout.events {
            self.event(event)?;
        }
        if let Some((_, path)) = &layout.trend {
            let style = rgba(theme.trend).stroke_width(self.len(1.5));
            for (start, end) in path_dashes(path, 7.0, 5.0) {
                self.line(start, end, style)?;
            }
        }
        for point in &layout.points {
            if let Some(stem) = point.stem() {
                self.stem(stem, self.look(point).color)?;
            }
        }
        // The article's claims: a dotted connector from each ghost to the
        // sourced point; the ghosts themselves go over the markers.
        let connector = rgba(theme.text.with_alpha(0.55)).stroke_width(self.len(1.0));
        for ghost in &layout.ghosts {
            self.dashed(ghost.center, ghost.to, 2.0, 3.0, connector)?;
        }
        let leader = rgba(theme.muted_text).stroke_width(self.len(0.8));
        for (from, to) in &layout.leaders {
            self.line(*from, *to, leader)?;
        }
        Ok(())
    }

    /// The grid lines and the time axis.
    fn grid_and_axis(&self, layout: &ChartLayout) -> Result2<Backend::ErrorType> {
        let plot = layout.plot;
        let grid = rgba(self.theme.grid).stroke_width(self.len(1.0));
        for y in &layout.grid_y {
            self.line(Point::new(plot.left, *y), Point::new(plot.right, *y), grid)?;
        }
        for x in &layout.grid_x {
            self.line(Point::new(*x, plot.top), Point::new(*x, plot.bottom), grid)?;
        }
        let axis = rgba(self.theme.axis).stroke_width(self.len(1.0));
        self.line(
            Point::new(plot.left, plot.bottom),
            Point::new(plot.right, plot.bottom),
            axis,
        )
    }

    /// An event: a faint dashed guide and a hollow triangle on the axis.
    fn event(&self, event: &DrawnEvent) -> Result2<Backend::ErrorType> {
        let color = if event.dimmed {
            self.theme.event.with_alpha(DIMMED_ALPHA)
        } else {
            self.theme.event
        };
        if let Some(top) = event.guide_top {
            let guide = rgba(color.with_alpha(color.alpha * 0.45)).stroke_width(self.len(1.0));
            self.dashed(Point::new(event.at.x, top), event.at, 2.0, 4.0, guide)?;
        }
        let outline = self.path_px(&event.mark.outline);
        self.area.draw(&Polygon::new(
            outline.clone(),
            rgba(self.theme.background).filled(),
        ))?;
        self.area.draw(&PathElement::new(
            outline,
            rgba(color).stroke_width(self.len(1.0)),
        ))
    }

    /// A path of CSS-pixel points in backing pixels.
    fn path_px(&self, points: &[Point]) -> Vec<(i32, i32)> {
        points.iter().map(|point| self.px(*point)).collect()
    }

    /// The markers to paint, bottom first; with `cull`, without those that
    /// later markers cover entirely (see [`Self::hidden_points`]).
    fn stamps(&self, layout: &ChartLayout, cull: bool) -> Vec<Stamp> {
        let hidden = if cull {
            self.hidden_points(layout)
        } else {
            Vec::new()
        };
        layout
            .points
            .iter()
            .enumerate()
            .filter(|(index, _)| !hidden.get(*index).copied().unwrap_or(false))
            .map(|(_, point)| Stamp {
                look: self.look(point),
                center: self.px(point.center),
            })
            .collect()
    }

    /// How the marker of `point` looks.
    fn look(&self, point: &DrawnPoint) -> MarkerLook {
        let color = self.theme.region(point.region);
        MarkerLook {
            radius: point.radius,
            diamond: point.shape() == MarkerShape::Diamond,
            hollow: point.hollow,
            color: if point.dimmed {
                color.with_alpha(DIMMED_ALPHA)
            } else {
                color
            },
        }
    }

    /// Everything over the markers: ghosts, legend, labels and titles.
    fn over_markers(&self, layout: &ChartLayout) -> Result2<Backend::ErrorType> {
        for ghost in &layout.ghosts {
            self.ghost(ghost.center, ghost.radius, self.theme.text)?;
        }
        for item in &layout.legend {
            self.legend_item(item)?;
        }
        for text in &layout.texts {
            self.text(text)?;
        }
        Ok(())
    }

    /// A legend entry: its symbol and its lines.
    fn legend_item(&self, item: &LegendItem) -> Result2<Backend::ErrorType> {
        let theme = self.theme;
        // A hidden series keeps its legend entry, faded, so that it can
        // be shown again.
        let fade = |color: Color| {
            if item.shown {
                color
            } else {
                color.with_alpha(0.3)
            }
        };
        let color = match item.kind {
            LegendKind::Region(region) => fade(theme.region(region)),
            LegendKind::Architecture(_) | LegendKind::Count(_) => fade(theme.muted_text),
            LegendKind::Demonstration => theme.muted_text,
            LegendKind::Claim => fade(theme.text),
            LegendKind::Trend => theme.trend,
            LegendKind::Event => theme.event,
            LegendKind::Scale(_) => theme.text,
        };
        match item.mark {
            LegendMark::Marker {
                center,
                shape,
                radius,
                hollow,
            } => {
                let diamond = shape == MarkerShape::Diamond;
                let look = MarkerLook {
                    radius,
                    diamond,
                    hollow,
                    color,
                };
                self.marker(self.px(center), look)?;
            }
            LegendMark::Ghost { center, radius } => self.ghost(center, radius, color)?,
            LegendMark::Count {
                stem,
                marker,
                radius,
            } => {
                self.stem(stem, color)?;
                let look = MarkerLook {
                    radius,
                    diamond: true,
                    hollow: false,
                    color,
                };
                self.marker(self.px(marker), look)?;
            }
            LegendMark::Trend(from, to) => {
                self.dashed(from, to, 4.0, 3.0, rgba(color).stroke_width(self.len(1.5)))?;
            }
            LegendMark::Event(outline) => {
                let style = rgba(color).stroke_width(self.len(1.0));
                self.area
                    .draw(&PathElement::new(self.path_px(&outline), style))?;
            }
            // The scale's switch is its two words alone.
            LegendMark::None => {}
        }
        for line in &item.lines {
            self.text(line)?;
        }
        Ok(())
    }

    /// On a chart of many points, which of them later (opaque) points cover
    /// entirely: drawing them would change no pixel, and skipping them makes
    /// 100,000 points cost what the few thousand visible ones do. Points are
    /// looked at from the top down over a bitmap of the backing pixels that
    /// the points above fill completely. Empty (nothing hidden) below
    /// [`CULL_FROM_POINTS`] points or with a translucent colour.
    fn hidden_points(&self, layout: &ChartLayout) -> Vec<bool> {
        let opaque = |point: &DrawnPoint| self.theme.region(point.region).alpha >= 1.0;
        if layout.points.len() < CULL_FROM_POINTS
            || self.theme.point_outline.alpha < 1.0
            || !layout.points.iter().all(opaque)
        {
            return Vec::new();
        }
        let width = (layout.width * self.ratio).ceil().max(1.0) as usize;
        let height = (layout.height * self.ratio).ceil().max(1.0) as usize;
        let mut covered = vec![false; width * height];
        let mut hidden = vec![false; layout.points.len()];
        for (index, point) in layout.points.iter().enumerate().rev() {
            let (cx, cy) = self.px(point.center);
            let (cx, cy) = (f64::from(cx), f64::from(cy));
            // What the marker can touch (outline and antialiasing included),
            // and what its fill covers completely, in backing pixels.
            let look = self.look(point);
            let reach = f64::from(marker_reach(look, self.ratio));
            let shape = look.shape();
            let diamond = shape == MarkerShape::Diamond;
            let margin = if diamond { 2.0 } else { 1.0 };
            let solid = f64::from(self.len(shape.half_size(point.radius))) - margin;
            let inside = |x: usize, y: usize, limit: f64| {
                let (dx, dy) = ((x as f64 + 0.5 - cx).abs(), (y as f64 + 0.5 - cy).abs());
                if diamond {
                    dx + dy <= limit
                } else {
                    dx * dx + dy * dy <= limit * limit
                }
            };
            let span = |center: f64, limit: f64, size: usize| {
                let low = (center - limit).floor().max(0.0) as usize;
                let high = ((center + limit).ceil().max(0.0) as usize).min(size);
                low..high
            };
            let (columns, rows) = (span(cx, reach, width), span(cy, reach, height));
            let on_canvas = cx - reach >= 0.0
                && cy - reach >= 0.0
                && cx + reach <= width as f64
                && cy + reach <= height as f64;
            let all_covered = on_canvas
                && rows.clone().all(|y| {
                    columns
                        .clone()
                        .all(|x| covered[y * width + x] || !inside(x, y, reach))
                });
            if all_covered {
                hidden[index] = true;
                continue;
            }
            if solid > 0.0 {
                for y in span(cy, solid, height) {
                    for x in span(cx, solid, width) {
                        if inside(x, y, solid) {
                            covered[y * width + x] = true;
                        }
                    }
                }
            }
        }
        hidden
    }

    fn overlay(&self, layout: &ChartLayout, overlay: Overlay) -> Result2<Backend::ErrorType> {
        let theme = self.theme;
        if let Some(selection) = overlay.selection {
            let band = selection_band(layout.plot, selection);
            self.area.draw(&Rectangle::new(
                self.rect_px(band),
                rgba(theme.trend.with_alpha(0.15)).filled(),
            ))?;
            let edge = rgba(theme.trend).stroke_width(self.len(1.0));
            for x in [band.left, band.right] {
                self.line(Point::new(x, band.top), Point::new(x, band.bottom), edge)?;
            }
        }
        Ok(())
    }

    fn line(&self, from: Point, to: Point, style: ShapeStyle) -> Result2<Backend::ErrorType> {
        self.area
            .draw(&PathElement::new(vec![self.px(from), self.px(to)], style))
    }

    /// A dashed line: `dash` CSS pixels drawn, `gap` left out, repeated.
    fn dashed(
        &self,
        from: Point,
        to: Point,
        dash: f64,
        gap: f64,
        style: ShapeStyle,
    ) -> Result2<Backend::ErrorType> {
        for (start, end) in dashes(from, to, dash, gap) {
            self.line(start, end, style)?;
        }
        Ok(())
    }

    /// A dense model is a circle, a mixture of experts a diamond; both have
    /// an outline in the background colour so that neighbours separate.
    /// Sizes are rounded to whole backing pixels apart from the centre, so
    /// that a marker looks the same wherever it is.
    fn marker(&self, center: (i32, i32), look: MarkerLook) -> Result2<Backend::ErrorType> {
        let outline = rgba(self.theme.point_outline);
        let fill = rgba(look.color);
        let shape = look.shape();
        let sizes = [
            (shape.extent(look.radius), outline),
            (shape.half_size(look.radius), fill),
        ];
        let hollow = look
            .hollow
            .then(|| (shape.hollow_half_size(look.radius), outline));
        for (half_size, color) in sizes.into_iter().chain(hollow) {
            let half = self.len(half_size);
            match shape {
                MarkerShape::Diamond => {
                    let (x, y) = center;
                    let half = half as i32;
                    let corners = vec![(x, y - half), (x + half, y), (x, y + half), (x - half, y)];
                    self.area.draw(&Polygon::new(corners, color.filled()))?;
                }
                MarkerShape::Circle => {
                    self.area.draw(&Circle::new(center, half, color.filled()))?;
                }
            }
        }
        Ok(())
    }

    /// A ghost: a ring in the text colour around the background, where the
    /// article puts a model.
    fn ghost(&self, center: Point, radius: f64, color: Color) -> Result2<Backend::ErrorType> {
        let at = self.px(center);
        self.area.draw(&Circle::new(
            at,
            self.len(radius + 1.2),
            rgba(self.theme.background).filled(),
        ))?;
        self.area.draw(&Circle::new(
            at,
            self.len(radius),
            rgba(color.with_alpha(0.8)).stroke_width(self.len(1.4)),
        ))
    }

    /// A thin vertical stem with a short tick at its foot: where a mixture
    /// of experts' active count is.
    fn stem(&self, stem: StemMark, color: Color) -> Result2<Backend::ErrorType> {
        let style = rgba(color.with_alpha(0.7)).stroke_width(self.len(1.2));
        self.line(stem.line.0, stem.line.1, style)?;
        self.line(stem.tick.0, stem.tick.1, style)
    }

    fn text(&self, item: &TextItem) -> Result2<Backend::ErrorType> {
        let color = match item.role {
            TextRole::Title | TextRole::Label => self.theme.text,
            TextRole::Muted => self.theme.muted_text,
        };
        let (h_pos, v_pos) = match item.anchor {
            Anchor::TopLeft => (HPos::Left, VPos::Top),
            Anchor::TopRight => (HPos::Right, VPos::Top),
            Anchor::TopCenter => (HPos::Center, VPos::Top),
            Anchor::MiddleLeft => (HPos::Left, VPos::Center),
            Anchor::MiddleRight => (HPos::Right, VPos::Center),
        };
        let style = if item.font.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let font = FontDesc::new(
            FontFamily::Name(self.theme.font_family),
            item.font.size * self.ratio * self.font_scale,
            style,
        );
        let color = rgba(color);
        let text_style = TextStyle::from(font)
            .color(&color)
            .pos(Pos::new(h_pos, v_pos));
        self.area.draw(&Text::new(
            item.text.as_str(),
            self.px(item.position),
            text_style,
        ))
    }
}
