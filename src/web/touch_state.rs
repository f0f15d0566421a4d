//! The chart and a pinch of two fingers on its plot: `pinch_start`,
//! `pinch_move` and `pinch_end` on [`ChartState`]. The years come from
//! [`crate::pinch`]; while the fingers move, the overlay shows the years the
//! chart will zoom to as the drag's selection band, and when they lift the
//! chart zooms to them, like a drag, with `from` and `to` in the URL.
//! Elsewhere than on the plot, two fingers are the page's own zoom: the
//! event table leaves them to the browser.

use super::chart::{ChartState, Failure};
use crate::geometry::{Point, Rect};
use crate::options::YearRange;
use crate::pinch::Pinch;

/// What fingers on the chart did (stage CSS px). One finger's moves and
/// lift are pointer messages, as a mouse's are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TouchInput {
    /// A finger went down; `primary` when no other was (`isPrimary`).
    Down { at: Point, primary: bool },
    /// Two fingers landed on the plot: a pinch of time begins.
    PinchStart { a: Point, b: Point },
    /// The pinch's fingers moved.
    PinchMove { a: Point, b: Point },
    /// A finger of the pinch lifted (`commit`: zoom) or the touch was
    /// cancelled.
    PinchEnd { commit: bool },
}

impl ChartState {
    /// Carries out what the fingers did.
    pub fn touch(&mut self, input: TouchInput) -> Result<(), Failure> {
        match input {
            TouchInput::Down { at, primary } => {
                // A finger is no mouse: no zoom drag, and a tap only alone.
                self.pointer_down(at, false);
                self.finger = self.finger.down(at, primary && self.pinch.is_none());
                Ok(())
            }
            TouchInput::PinchStart { a, b } => self.pinch_start(a, b),
            TouchInput::PinchMove { a, b } => self.pinch_move(a, b),
            TouchInput::PinchEnd { commit } => self.pinch_end(commit),
        }
    }

    /// Where two fingers are the chart's: the plot as last drawn.
    pub fn touch_plot(&self) -> Option<Rect> {
        self.layout.as_ref().map(|layout| layout.plot)
    }

    /// Whether a pinch of the chart's is under way.
    pub fn pinching(&self) -> bool {
        self.pinch.is_some()
    }

    /// Two fingers landed on the plot at `a` and `b`: a pinch begins on
    /// the plot as it is drawn now.
    fn pinch_start(&mut self, a: Point, b: Point) -> Result<(), Failure> {
        let Some(layout) = &self.layout else {
            return Ok(());
        };
        self.pinch = Some(Pinch {
            domain: layout.x_scale.domain,
            plot: (layout.plot.left, layout.plot.right),
            start: (a.x, b.x),
        });
        self.pinch_now = (a.x, b.x);
        // Neither finger taps, and a mouse drag (were there one) is over.
        self.pointer_cancel()
    }

    /// The fingers moved: the band shows the years they would zoom to.
    fn pinch_move(&mut self, a: Point, b: Point) -> Result<(), Failure> {
        let Some(pinch) = self.pinch else {
            return Ok(());
        };
        self.pinch_now = (a.x, b.x);
        let band = self
            .pinch_range(&pinch)
            .zip(self.layout.as_ref())
            .map(|(range, layout)| {
                let (from, to) = range.span();
                (layout.x_scale.map(from), layout.x_scale.map(to))
            });
        if band != self.overlay.selection {
            self.overlay.selection = band;
            self.paint_overlay()?;
        }
        Ok(())
    }

    /// A finger lifted (`commit`: zoom to the years shown) or the browser
    /// cancelled the touch (leave the years as they were).
    fn pinch_end(&mut self, commit: bool) -> Result<(), Failure> {
        let Some(pinch) = self.pinch.take() else {
            return Ok(());
        };
        if self.overlay.selection.take().is_some() {
            self.paint_overlay()?;
        }
        let shown = self.view.range.unwrap_or(YearRange {
            from: self.years.0,
            to: self.years.1,
        });
        match self.pinch_range(&pinch).filter(|_| commit) {
            Some(range) if range != shown => self.set_range(Some(range)),
            _ => Ok(()),
        }
    }

    /// The whole years the pinch means now, if it means any.
    fn pinch_range(&self, pinch: &Pinch) -> Option<YearRange> {
        pinch.range(self.pinch_now, self.years)
    }
}
