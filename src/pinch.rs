//! Two fingers on the plot as a zoom of time, independent of the browser.
//!
//! The years under the fingers when they landed stay under them: spreading
//! the fingers apart narrows the years around their midpoint, bringing
//! them together widens them, and moving both pans. Only the x positions
//! count (the y axis fits whatever years are shown). The result is clamped
//! to the data's years and to at least [`MIN_YEARS`], and rounded outwards
//! to whole years, as the URL's `from` and `to` hold them.

use crate::geometry::{Point, Rect};
use crate::options::YearRange;

/// Fingers closer than this (CSS px, along x) count as this far apart, so
/// that fingers one above the other do not zoom by a huge factor.
pub const MIN_SPREAD: f64 = 40.0;
/// The least change of the fingers' spread (a share of it) that zooms…
pub const MIN_CHANGE: f64 = 0.1;
/// …or movement of their midpoint (CSS px) that pans: less is a resting
/// hand or a two-finger tap, which changes nothing.
pub const MIN_PAN: f64 = 16.0;
/// The fewest years a pinch zooms to.
pub const MIN_YEARS: f64 = 1.0;

/// A pinch under way: what the plot showed when the fingers landed, and
/// where they landed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pinch {
    /// The years the plot spanned (fractional: `from` to `to + 1`).
    pub domain: (f64, f64),
    /// The plot's left and right edges, CSS px.
    pub plot: (f64, f64),
    /// The two fingers' x positions when they landed, CSS px.
    pub start: (f64, f64),
}

impl Pinch {
    /// The fractional years the plot would span with the fingers at `now`,
    /// clamped to the data's years `data` (the first and last year).
    pub fn years(&self, now: (f64, f64), data: (u16, u16)) -> (f64, f64) {
        let (d0, d1) = self.domain;
        let (p0, p1) = self.plot;
        let per_pixel = (d1 - d0) / (p1 - p0).max(1.0);
        let factor = spread(self.start) / spread(now);
        let middle = year_at(self, midpoint(self.start), per_pixel);
        let now_per_pixel = per_pixel * factor;
        let now_middle = midpoint(now);
        let low = middle + (p0 - now_middle) * now_per_pixel;
        let high = middle + (p1 - now_middle) * now_per_pixel;
        clamp((low, high), middle, data)
    }

    /// The whole years the plot would show with the fingers at `now`, or
    /// `None` while they have moved too little to mean anything.
    pub fn range(&self, now: (f64, f64), data: (u16, u16)) -> Option<YearRange> {
        let change = (spread(now) / spread(self.start) - 1.0).abs();
        let pan = (midpoint(now) - midpoint(self.start)).abs();
        if change < MIN_CHANGE && pan < MIN_PAN {
            return None;
        }
        let (low, high) = self.years(now, data);
        let from = low.floor().clamp(f64::from(data.0), f64::from(data.1));
        let to = (high.ceil() - 1.0).clamp(from, f64::from(data.1));
        Some(YearRange {
            from: from as u16,
            to: to as u16,
        })
    }
}

/// Whether two fingers at `a` and `b` are both on the plot: then the pinch
/// is the chart's; elsewhere it is the page's own zoom.
pub fn on_plot(plot: Rect, a: Point, b: Point) -> bool {
    plot.contains(a) && plot.contains(b)
}

fn spread((a, b): (f64, f64)) -> f64 {
    (b - a).abs().max(MIN_SPREAD)
}

fn midpoint((a, b): (f64, f64)) -> f64 {
    (a + b) / 2.0
}

/// The year at pixel `x` on the plot as it was when the fingers landed.
fn year_at(pinch: &Pinch, x: f64, per_pixel: f64) -> f64 {
    pinch.domain.0 + (x - pinch.plot.0) * per_pixel
}

/// `(low, high)` made at least [`MIN_YEARS`] wide around `middle` (which
/// keeps its place in the span) and moved inside the data's years; all of
/// them when it is wider.
fn clamp((low, high): (f64, f64), middle: f64, data: (u16, u16)) -> (f64, f64) {
    let (first, end) = (f64::from(data.0), f64::from(data.1) + 1.0);
    let (low, high) = if high - low < MIN_YEARS {
        let share = ((middle - low) / (high - low).max(f64::EPSILON)).clamp(0.0, 1.0);
        let low = middle - share * MIN_YEARS;
        (low, low + MIN_YEARS)
    } else {
        (low, high)
    };
    let width = high - low;
    if width >= end - first {
        return (first, end);
    }
    let shift = (first - low).max(0.0) - (high - end).max(0.0);
    (low + shift, high + shift)
}
