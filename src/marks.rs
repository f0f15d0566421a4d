//! The shapes of the chart's marks: the points of a marker, an event's
//! triangle, a stem and its tick, worked out from where layout puts a mark,
//! in CSS pixels.
//!
//! Layout calls these to place its marks (and to keep labels clear of
//! them); the painter draws the points they give, and hit-testing aims at
//! them, so the three agree on every shape. Nothing here knows a colour
//! or a pixel ratio.

use crate::dataset::Architecture;
use crate::geometry::{Point, Rect};

/// The height of an event's triangle on the time axis.
pub const EVENT_MARKER_HEIGHT: f64 = 9.0;

/// The width of a demonstration's ring.
pub const HOLLOW_RING: f64 = 1.8;

/// Half the width of the tick at the foot of a stem.
pub const STEM_TICK: f64 = 3.0;

/// A model's marker: a dense model is a circle, a mixture of experts a
/// diamond.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerShape {
    Circle,
    Diamond,
}

impl MarkerShape {
    pub fn of(architecture: Architecture) -> MarkerShape {
        match architecture {
            Architecture::MixtureOfExperts => MarkerShape::Diamond,
            Architecture::Dense | Architecture::Undisclosed => MarkerShape::Circle,
        }
    }

    /// How far the fill of a marker of `radius` reaches from its centre: a
    /// circle's radius, a diamond's half diagonal (1.3 times the radius, so
    /// that the two look of a size).
    pub fn half_size(self, radius: f64) -> f64 {
        match self {
            MarkerShape::Circle => radius,
            MarkerShape::Diamond => radius * 1.3,
        }
    }

    /// How far the marker reaches, its outline in the background colour
    /// included: what labels keep clear of.
    pub fn extent(self, radius: f64) -> f64 {
        match self {
            MarkerShape::Circle => radius + 1.2,
            MarkerShape::Diamond => self.half_size(radius) + 1.6,
        }
    }

    /// The half size of the background left inside a hollow marker (a
    /// demonstration): the fill less a ring of [`HOLLOW_RING`].
    pub fn hollow_half_size(self, radius: f64) -> f64 {
        match self {
            MarkerShape::Circle => radius - HOLLOW_RING,
            MarkerShape::Diamond => self.half_size(radius) - HOLLOW_RING * 1.3,
        }
    }
}

/// A triangle standing on `foot_y` with its apex `height` above, `half_width`
/// to each side of `x`, as a closed path: apex, left foot, right foot, apex.
pub fn triangle(x: f64, foot_y: f64, half_width: f64, height: f64) -> [Point; 4] {
    let apex = Point::new(x, foot_y - height);
    [
        apex,
        Point::new(x - half_width, foot_y),
        Point::new(x + half_width, foot_y),
        apex,
    ]
}

/// The mark of a model of undisclosed size: a hollow triangle whose tip
/// stands on the time axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EventMark {
    /// The triangle as a closed path (apex first and last).
    pub outline: [Point; 4],
}

impl EventMark {
    /// The event's triangle standing on `at` (on the time axis).
    pub fn at(at: Point) -> EventMark {
        EventMark {
            outline: triangle(at.x, at.y, EVENT_MARKER_HEIGHT / 2.0, EVENT_MARKER_HEIGHT),
        }
    }

    /// The triangle's box.
    pub fn bounds(&self) -> Rect {
        let [apex, left, right, _] = self.outline;
        Rect::new(left.x, apex.y, right.x, left.y)
    }

    /// Halfway up the triangle: where a pointer finds the event.
    pub fn middle(&self) -> Point {
        self.bounds().center()
    }
}

/// A thin vertical line with a short tick across its foot: where a mixture
/// of experts' active count is, below its total.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StemMark {
    pub line: (Point, Point),
    pub tick: (Point, Point),
}

impl StemMark {
    /// The stem at `x` from `top` down to `bottom`.
    pub fn new(x: f64, top: f64, bottom: f64) -> StemMark {
        StemMark {
            line: (Point::new(x, top), Point::new(x, bottom)),
            tick: (
                Point::new(x - STEM_TICK, bottom),
                Point::new(x + STEM_TICK, bottom),
            ),
        }
    }
}

/// A dashed line from `from` to `to`: `dash` drawn, `gap` left out,
/// repeated; the dashes, in order.
pub fn dashes(from: Point, to: Point, dash: f64, gap: f64) -> Vec<(Point, Point)> {
    path_dashes(&[from, to], dash, gap)
}

/// A dashed path (a polyline, such as the trend's curve on a linear axis):
/// the dashes run on across its corners; the dashes, in order.
pub fn path_dashes(path: &[Point], dash: f64, gap: f64) -> Vec<(Point, Point)> {
    let mut found = Vec::new();
    if dash <= 0.0 {
        return found;
    }
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
                found.push((at(low), at(high)));
            }
            start += period;
        }
        phase = (phase + length) % period;
    }
    found
}

/// The band a drag across the plot selects: from `left` to `right` (either
/// way round), cut to the plot.
pub fn selection_band(plot: Rect, (left, right): (f64, f64)) -> Rect {
    Rect::new(
        left.min(right).max(plot.left),
        plot.top,
        left.max(right).min(plot.right),
        plot.bottom,
    )
}

/// A legend entry's symbol, placed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LegendMark {
    /// A marker like a model's (a region, an architecture, a demonstration).
    Marker {
        center: Point,
        shape: MarkerShape,
        radius: f64,
        hollow: bool,
    },
    /// A ghost: the article's claims.
    Ghost { center: Point, radius: f64 },
    /// The count the axis shows: a stem with a small diamond at the end
    /// that count is.
    Count {
        stem: StemMark,
        marker: Point,
        radius: f64,
    },
    /// A dashed stretch of the trend line.
    Trend(Point, Point),
    /// An event's triangle, as a closed path.
    Event([Point; 4]),
    /// No symbol: the entry is its words alone (the scale's switch).
    None,
}
