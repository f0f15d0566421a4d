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
