//! Hit-testing and keyboard order over what the last draw put on screen.
//!
//! Targets are the drawn points and the events on the time axis, at the
//! pixel positions of the layout that was painted — never recomputed. Hover
//! is "the closest target within a radius"; keys walk the targets in date
//! order (←/→) or jump to the nearest target above or below (↑/↓).

use crate::dataset::Model;
use crate::geometry::Point;
use crate::layout::{ChartLayout, EVENT_MARKER_HEIGHT};

/// Something the pointer or the keyboard can land on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    /// Index into the models the layout was computed from.
    pub model_index: usize,
    /// The centre of its marker, in CSS pixels.
    pub at: Point,
}

/// The targets of a layout, in keyboard order: by date, then by size, then
/// by position in the data file.
pub fn targets(layout: &ChartLayout, models: &[Model]) -> Vec<Target> {
    let mut targets: Vec<Target> = layout
        .points
        .iter()
        .map(|point| Target {
            model_index: point.model_index,
            at: point.center,
        })
        .chain(layout.events.iter().map(|event| Target {
            model_index: event.model_index,
            at: Point::new(event.at.x, event.at.y - EVENT_MARKER_HEIGHT / 2.0),
        }))
        .collect();
    targets.sort_by(|a, b| {
        let (model_a, model_b) = (&models[a.model_index], &models[b.model_index]);
        model_a
            .date
            .cmp(&model_b.date)
            .then(model_a.params.cmp(&model_b.params))
            .then(a.model_index.cmp(&b.model_index))
    });
    targets
}

/// The target closest to `at` within `max_radius` pixels. On a tie the
/// earlier target (in keyboard order) wins, so the answer never flickers.
pub fn nearest(targets: &[Target], at: Point, max_radius: f64) -> Option<Target> {
    let limit = max_radius * max_radius;
    let mut best: Option<(f64, Target)> = None;
    for target in targets {
        let distance = target.at.distance_squared(at);
        if distance <= limit && best.is_none_or(|(best_distance, _)| distance < best_distance) {
            best = Some((distance, *target));
        }
    }
    best.map(|(_, target)| target)
}

/// A key that moves the focus between targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Previous,
    Next,
    Up,
    Down,
    First,
    Last,
}

/// The target the focus moves to from `current` (a model index) by `step`.
/// Without a current target, every step starts at the first or last.
/// At either end, the focus stays where it is.
pub fn step(targets: &[Target], current: Option<usize>, step: Step) -> Option<Target> {
    let position = current.and_then(|model_index| {
        targets
            .iter()
            .position(|target| target.model_index == model_index)
    });
    let Some(position) = position else {
        return match step {
            Step::Previous | Step::Last => targets.last().copied(),
            _ => targets.first().copied(),
        };
    };
    let here = targets[position];
    match step {
        Step::Previous => targets.get(position.saturating_sub(1)).copied(),
        Step::Next => targets.get(position + 1).or(targets.last()).copied(),
        Step::First => targets.first().copied(),
        Step::Last => targets.last().copied(),
        Step::Up | Step::Down => {
            let above = step == Step::Up;
            targets
                .iter()
                .filter(|target| {
                    if above {
                        target.at.y < here.at.y - 0.5
                    } else {
                        target.at.y > here.at.y + 0.5
                    }
                })
                .min_by(|a, b| {
                    a.at.distance_squared(here.at)
                        .total_cmp(&b.at.distance_squared(here.at))
                })
                .copied()
                .or(Some(here))
        }
    }
}
