//! What the reader is pointing at: state transitions for hover, tap and
//! keys, independent of the browser.
//!
//! The state is the active model (shown with a highlight and a tooltip) and
//! whether it is pinned. Hover follows the pointer unless a tap or Enter has
//! pinned the tooltip; a tap on empty space or Esc lets go.

use crate::geometry::Point;
use crate::hit::{nearest, step, Step, Target};

/// How far from a point the pointer may be and still find it, in CSS px.
pub const HOVER_RADIUS: f64 = 20.0;
/// A finger is less precise than a mouse.
pub const TOUCH_RADIUS: f64 = 32.0;
/// How far (CSS px) a finger may move between down and up and still tap.
pub const TAP_SLOP: f64 = 10.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Interaction {
    /// The model (index into the data) shown with a highlight and tooltip.
    pub active: Option<usize>,
    /// A pinned tooltip stays when the pointer moves away.
    pub pinned: bool,
    /// The active target is the model's ghost (what the article says), not
    /// its sourced point.
    pub claim: bool,
}

/// Something the reader did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input {
    PointerMove(Point),
    PointerLeave,
    /// A tap (touch) or click at a point.
    Tap {
        at: Point,
        touch: bool,
    },
    Key(Step),
    /// Enter: pin the active model.
    Pin,
    /// Esc: let go of everything.
    Clear,
}

impl Interaction {
    /// The state after `input`, given the current targets.
    pub fn apply(self, input: Input, targets: &[Target]) -> Interaction {
        match input {
            Input::PointerMove(_) | Input::PointerLeave if self.pinned => self,
            Input::PointerMove(at) => Interaction::on(nearest(targets, at, HOVER_RADIUS), false),
            Input::PointerLeave => Interaction::default(),
            Input::Tap { at, touch } => {
                let radius = if touch { TOUCH_RADIUS } else { HOVER_RADIUS };
                match nearest(targets, at, radius) {
                    Some(target) => Interaction::on(Some(target), true),
                    None => Interaction::default(),
                }
            }
            Input::Key(direction) => {
                let current = self.active.map(|index| (index, self.claim));
                Interaction::on(step(targets, current, direction), self.pinned)
            }
            Input::Pin => Interaction {
                pinned: self.active.is_some(),
                ..self
            },
            Input::Clear => Interaction::default(),
        }
    }

    /// The state with `target` active (or none).
    fn on(target: Option<Target>, pinned: bool) -> Interaction {
        match target {
            Some(target) => Interaction {
                active: Some(target.model_index),
                pinned,
                claim: target.claim,
            },
            None => Interaction::default(),
        }
    }

    /// Drops the active model if it is no longer a target (hidden by the
    /// legend or zoomed out of view, or its ghost no longer drawn).
    pub fn retain(self, targets: &[Target]) -> Interaction {
        let Some(index) = self.active else {
            return Interaction::default();
        };
        if targets
            .iter()
            .any(|target| target.model_index == index && target.claim == self.claim)
        {
            self
        } else {
            Interaction::default()
        }
    }
}

/// Whether a finger on the chart taps: one finger alone, lifted within
/// [`TAP_SLOP`] of where it went down. A second finger (a pinch), a move
/// (a swipe the page did not scroll) or a cancel (the page scrolled or
/// zoomed) makes it no tap, so that a gesture never pins a model by
/// accident.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Finger {
    /// Where the lone finger went down, while it may still tap.
    down: Option<Point>,
}

impl Finger {
    /// A finger went down at `at`; `primary` when no other was down
    /// (Pointer Events' `isPrimary`).
    pub fn down(self, at: Point, primary: bool) -> Finger {
        Finger {
            down: primary.then_some(at),
        }
    }

    /// The finger moved to `at`.
    pub fn moved(self, at: Point) -> Finger {
        Finger {
            down: self
                .down
                .filter(|start| start.distance_squared(at) <= TAP_SLOP * TAP_SLOP),
        }
    }

    /// A finger lifted at `at`: the tap there, if it was one.
    pub fn up(self, at: Point) -> (Finger, Option<Point>) {
        let tap = self.moved(at).down.map(|_| at);
        (Finger::default(), tap)
    }

    /// The browser took the touch (a scroll, a zoom) or a pinch began.
    pub fn cancel(self) -> Finger {
        Finger::default()
    }
}
