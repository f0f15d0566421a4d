//! Painting: one function, generic over plotters' `DrawingBackend`, draws a
//! [`ChartLayout`] onto any surface — a `<canvas>` in the browser, SVG
//! natively.
//!
//! The painter decides nothing about positions: it scales the layout's CSS
//! pixels by the device pixel ratio and draws. [`draw`] lays out and paints
//! in one call and hands back the layout it used, whose point positions are
//! what hit-testing must use.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color as _, FontFamily, FontStyle, RGBAColor};

use crate::dataset::{Architecture, Model, Stage};
use crate::geometry::Point;
use crate::layout::{
    compute_layout, marker_extent, Anchor, ChartLayout, DrawnPoint, LayoutConfig, LegendKind,
    TextItem, TextMeasure, TextRole, EVENT_MARKER_HEIGHT,
};
use crate::options::CountBasis;
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

/// The width of a demonstration's ring, CSS px.
const HOLLOW_RING: f64 = 1.8;

/// Half the width of the tick at the foot of a stem, CSS px.
const STEM_TICK: f64 = 3.0;

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
    let architecture = if look.diamond {
        Architecture::MixtureOfExperts
    } else {
        Architecture::Dense
    };
    (marker_extent(look.radius, architecture) * pixel_ratio)
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

    /// Everything under the markers: background, bands, grid, events, trend
    /// and leader lines.
    fn under_markers(&self, layout: &ChartLayout) -> Result2<Backend::ErrorType> {
        let theme = self.theme;
        self.area.fill(&rgba(theme.background))?;
        let plot = layout.plot;

        for band in layout.bands.iter().filter(|band| band.shaded) {
            self.area.draw(&Rectangle::new(
                [
                    self.px(Point::new(band.rect.left, band.rect.top)),
                    self.px(Point::new(band.rect.right, band.rect.bottom)),
                ],
                rgba(theme.band).filled(),
            ))?;
        }
        let grid = rgba(theme.grid).stroke_width(self.len(1.0));
        for y in &layout.grid_y {
            self.line(Point::new(plot.left, *y), Point::new(plot.right, *y), grid)?;
        }
        for x in &layout.grid_x {
            self.line(Point::new(*x, plot.top), Point::new(*x, plot.bottom), grid)?;
        }
        let axis = rgba(theme.axis).stroke_width(self.len(1.0));
        self.line(
            Point::new(plot.left, plot.bottom),
            Point::new(plot.right, plot.bottom),
            axis,
        )?;

        // Events: a faint dashed guide and a hollow triangle on the axis.
        for event in &layout.events {
            let event_color = if event.dimmed {
                theme.event.with_alpha(DIMMED_ALPHA)
            } else {
                theme.event
            };
            let event_style = rgba(event_color).stroke_width(self.len(1.0));
            if let Some(top) = event.guide_top {
                self.dashed(
                    Point::new(event.at.x, top),
                    event.at,
                    2.0,
                    4.0,
                    rgba(event_color.with_alpha(event_color.alpha * 0.45))
                        .stroke_width(self.len(1.0)),
                )?;
            }
            let (half_width, height) = (EVENT_MARKER_HEIGHT / 2.0, EVENT_MARKER_HEIGHT);
            let triangle = [
                Point::new(event.at.x, event.at.y - height),
                Point::new(event.at.x - half_width, event.at.y),
                Point::new(event.at.x + half_width, event.at.y),
                Point::new(event.at.x, event.at.y - height),
            ];
            self.area.draw(&Polygon::new(
                triangle
                    .iter()
                    .map(|point| self.px(*point))
                    .collect::<Vec<_>>(),
                rgba(theme.background).filled(),
            ))?;
            self.area.draw(&PathElement::new(
                triangle
                    .iter()
                    .map(|point| self.px(*point))
                    .collect::<Vec<_>>(),
                event_style,
            ))?;
        }

        if let Some((_, path)) = &layout.trend {
            self.dashed_path(
                path,
                7.0,
                5.0,
                rgba(theme.trend).stroke_width(self.len(1.5)),
            )?;
        }

        for point in &layout.points {
            if let Some(bottom) = point.stem_to {
                let color = self.look(point).color;
                self.stem(point.center.x, point.center.y, bottom, color)?;
            }
        }

        // The article's claims: a dotted connector from each ghost to the
        // sourced point; the ghosts themselves go over the markers.
        for ghost in &layout.ghosts {
            self.dashed(
                ghost.center,
                ghost.to,
                2.0,
                3.0,
                rgba(theme.text.with_alpha(0.55)).stroke_width(self.len(1.0)),
            )?;
        }

        for (from, to) in &layout.leaders {
            self.line(
                *from,
                *to,
                rgba(theme.muted_text).stroke_width(self.len(0.8)),
            )?;
        }

        Ok(())
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
            diamond: point.architecture == Architecture::MixtureOfExperts,
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
        let theme = self.theme;
        for ghost in &layout.ghosts {
            self.ghost(ghost.center, ghost.radius, theme.text)?;
        }
        let event_style = rgba(theme.event).stroke_width(self.len(1.0));
        for item in &layout.legend {
            // A hidden series keeps its legend entry, faded, so that it can
            // be shown again.
            let fade = |color: Color| {
                if item.shown {
                    color
                } else {
                    color.with_alpha(0.3)
                }
            };
            let symbol_color = match item.kind {
                LegendKind::Region(region) => Some(fade(theme.region(region))),
                LegendKind::Architecture(_) => Some(fade(theme.muted_text)),
                _ => None,
            };
            let symbol = symbol_color.unwrap_or(theme.text);
            match item.kind {
                LegendKind::Region(_)
                | LegendKind::Architecture(Architecture::Dense | Architecture::Undisclosed) => {
                    self.legend_marker(item.symbol, false, false, symbol)?;
                }
                LegendKind::Architecture(Architecture::MixtureOfExperts) => {
                    self.legend_marker(item.symbol, true, false, symbol)?;
                }
                LegendKind::Demonstration => {
                    self.legend_marker(item.symbol, false, true, theme.muted_text)?;
                }
                LegendKind::Claim => {
                    self.ghost(item.symbol, 5.0, fade(theme.text))?;
                }
                LegendKind::Count(basis) => {
                    let color = fade(theme.muted_text);
                    let (top, bottom) = (item.symbol.y - 6.0, item.symbol.y + 6.0);
                    self.stem(item.symbol.x, top, bottom, color)?;
                    let at = match basis {
                        CountBasis::Total => top + 2.0,
                        CountBasis::Active => bottom - 2.0,
                    };
                    let look = MarkerLook {
                        radius: 3.0,
                        diamond: true,
                        hollow: false,
                        color,
                    };
                    self.marker(self.px(Point::new(item.symbol.x, at)), look)?;
                }
                LegendKind::Trend => {
                    self.dashed(
                        Point::new(item.symbol.x - 6.0, item.symbol.y),
                        Point::new(item.symbol.x + 8.0, item.symbol.y),
                        4.0,
                        3.0,
                        rgba(theme.trend).stroke_width(self.len(1.5)),
                    )?;
                }
                // The scale's switch is its two words alone.
                LegendKind::Scale(_) => {}
                LegendKind::Event => {
                    let Point { x, y } = item.symbol;
                    let triangle = [
                        Point::new(x, y - 5.0),
                        Point::new(x - 5.0, y + 4.0),
                        Point::new(x + 5.0, y + 4.0),
                        Point::new(x, y - 5.0),
                    ];
                    self.area.draw(&PathElement::new(
                        triangle
                            .iter()
                            .map(|point| self.px(*point))
                            .collect::<Vec<_>>(),
                        event_style,
                    ))?;
                }
            }
            for line in &item.lines {
                self.text(line)?;
            }
        }

        for text in &layout.texts {
            self.text(text)?;
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
            let (solid, diamond) = if look.diamond {
                (f64::from(self.len(point.radius * 1.3)) - 2.0, true)
            } else {
                (f64::from(self.len(point.radius)) - 1.0, false)
            };
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
        if let Some((left, right)) = overlay.selection {
            let plot = layout.plot;
            let (left, right) = (
                left.min(right).max(plot.left),
                left.max(right).min(plot.right),
            );
            self.area.draw(&Rectangle::new(
                [
                    self.px(Point::new(left, plot.top)),
                    self.px(Point::new(right, plot.bottom)),
                ],
                rgba(theme.trend.with_alpha(0.15)).filled(),
            ))?;
            let edge = rgba(theme.trend).stroke_width(self.len(1.0));
            self.line(
                Point::new(left, plot.top),
                Point::new(left, plot.bottom),
                edge,
            )?;
            self.line(
                Point::new(right, plot.top),
                Point::new(right, plot.bottom),
                edge,
            )?;
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
        let length = from.distance_squared(to).sqrt();
        if length <= 0.0 {
            return Ok(());
        }
        let (ux, uy) = ((to.x - from.x) / length, (to.y - from.y) / length);
        let mut start = 0.0;
        while start < length {
            let end = (start + dash).min(length);
            self.line(
                Point::new(from.x + ux * start, from.y + uy * start),
                Point::new(from.x + ux * end, from.y + uy * end),
                style,
            )?;
            start += dash + gap;
        }
        Ok(())
    }

    /// A dashed path: the dashes run on across its corners.
    fn dashed_path(
        &self,
        path: &[Point],
        dash: f64,
        gap: f64,
        style: ShapeStyle,
    ) -> Result2<Backend::ErrorType> {
        // How far into the current dash-and-gap period the path is.
        let period = dash + gap;
        let mut phase = 0.0;
        for pair in path.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            let length = from.distance_squared(to).sqrt();
            if length <= 0.0 {
                continue;
            }
            let (ux, uy) = ((to.x - from.x) / length, (to.y - from.y) / length);
            let at = |distance: f64| Point::new(from.x + ux * distance, from.y + uy * distance);
            let mut start = -phase;
            while start < length {
                let (low, high) = (start.max(0.0), (start + dash).min(length));
                if high > low {
                    self.line(at(low), at(high), style)?;
                }
                start += period;
            }
            phase = (phase + length) % period;
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
        if look.diamond {
            let (x, y) = center;
            let diamond = |half: u32| {
                let half = half as i32;
                vec![(x, y - half), (x + half, y), (x, y + half), (x - half, y)]
            };
            let half = look.radius * 1.3;
            self.area.draw(&Polygon::new(
                diamond(self.len(half + 1.6)),
                outline.filled(),
            ))?;
            self.area
                .draw(&Polygon::new(diamond(self.len(half)), fill.filled()))?;
            if look.hollow {
                self.area.draw(&Polygon::new(
                    diamond(self.len(half - HOLLOW_RING * 1.3)),
                    outline.filled(),
                ))?;
            }
        } else {
            self.area.draw(&Circle::new(
                center,
                self.len(look.radius + 1.2),
                outline.filled(),
            ))?;
            self.area
                .draw(&Circle::new(center, self.len(look.radius), fill.filled()))?;
            if look.hollow {
                self.area.draw(&Circle::new(
                    center,
                    self.len(look.radius - HOLLOW_RING),
                    outline.filled(),
                ))?;
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

    /// A legend symbol: a marker of radius 5 at `at`.
    fn legend_marker(
        &self,
        at: Point,
        diamond: bool,
        hollow: bool,
        color: Color,
    ) -> Result2<Backend::ErrorType> {
        let look = MarkerLook {
            radius: 5.0,
            diamond,
            hollow,
            color,
        };
        self.marker(self.px(at), look)
    }

    /// A thin vertical stem at `x` from `top` to `bottom`, with a short
    /// tick at the bottom: where a mixture of experts' active count is.
    fn stem(&self, x: f64, top: f64, bottom: f64, color: Color) -> Result2<Backend::ErrorType> {
        let style = rgba(color.with_alpha(0.7)).stroke_width(self.len(1.2));
        self.line(Point::new(x, top), Point::new(x, bottom), style)?;
        self.line(
            Point::new(x - STEM_TICK, bottom),
            Point::new(x + STEM_TICK, bottom),
            style,
        )
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
