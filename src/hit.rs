//! Hit-testing and keyboard order over what the last draw put on screen.
//!
//! Targets are the drawn points and the events on the time axis, at the
//! pixel positions of the layout that was painted — never recomputed. Hover
//! is "the closest target within a radius"; keys walk the targets in date
//! order (←/→) or jump to the nearest target above or below (↑/↓).
//!
//! [`nearest`] is a plain scan; [`TargetGrid`] answers the same question
//! from a grid of cells built once per layout, so that hover over 100,000
//! points looks at a few cells, not at every point, and allocates nothing.

use crate::dataset::Model;
use crate::geometry::Point;
use crate::layout::ChartLayout;
use crate::ordering::{count_key, date_key, sorted_by};

/// Something the pointer or the keyboard can land on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    /// Index into the models the layout was computed from.
    pub model_index: usize,
    /// The centre of its marker, in CSS pixels.
    pub at: Point,
    /// A ghost: where the article puts the model, not where its source does.
    pub claim: bool,
}

/// The targets of a layout, in keyboard order: by date, then by size, then
/// by position in the data file; a model's ghost right after the model.
pub fn targets(layout: &ChartLayout, models: &[Model]) -> Vec<Target> {
    let target = |model_index: usize, at: Point, claim: bool| Target {
        model_index,
        at,
        claim,
    };
    let all: Vec<Target> = layout
        .points
        .iter()
        .map(|point| target(point.model_index, point.center, false))
        .chain(
            layout
                .events
                .iter()
                .map(|event| target(event.model_index, event.mark.middle(), false)),
        )
        .chain(
            layout
                .ghosts
                .iter()
                .map(|ghost| target(ghost.model_index, ghost.center, true)),
        )
        .collect();
    sorted_by(&all, |target| {
        let model = &models[target.model_index];
        (
            date_key(model.date),
            count_key(model.params),
            target.model_index as u64 * 2 + u64::from(target.claim),
        )
    })
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

/// A spatial index of targets, built once per layout: a uniform grid of
/// square cells, each listing (in keyboard order) the targets whose centre
/// lies in it, and each model's target. It answers [`nearest`] — same
/// result, same tie rule — by looking only at the cells within the radius.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TargetGrid {
    /// The number of targets it was built from.
    n_targets: usize,
    cell_size: f64,
    origin: Point,
    columns: usize,
    rows: usize,
    /// Cell `c` holds `entries[starts[c]..starts[c + 1]]`.
    starts: Vec<u32>,
    /// Positions in the targets, ascending within each cell.
    entries: Vec<u32>,
    /// The position of each model's target (`u32::MAX`: none).
    position_of_model: Vec<u32>,
}

/// The most cells along either side of a grid.
const MAX_GRID_CELLS: f64 = 1024.0;

impl TargetGrid {
    /// Indexes `targets` (in keyboard order) in cells of `cell_size` pixels.
    pub fn new(targets: &[Target], cell_size: f64) -> TargetGrid {
        let finite = |target: &&Target| target.at.x.is_finite() && target.at.y.is_finite();
        let (mut left, mut top, mut right, mut bottom) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for target in targets.iter().filter(finite) {
            left = left.min(target.at.x);
            top = top.min(target.at.y);
            right = right.max(target.at.x);
            bottom = bottom.max(target.at.y);
        }
        let n_models = targets
            .iter()
            .map(|target| target.model_index + 1)
            .max()
            .unwrap_or(0);
        let mut position_of_model = vec![u32::MAX; n_models];
        for (position, target) in targets.iter().enumerate() {
            if !target.claim {
                position_of_model[target.model_index] = position as u32;
            }
        }
        if left > right {
            return TargetGrid {
                n_targets: targets.len(),
                position_of_model,
                ..TargetGrid::default()
            };
        }
        // Cells no smaller than needed to keep the grid within bounds.
        let cell_size = cell_size
            .max((right - left) / MAX_GRID_CELLS)
            .max((bottom - top) / MAX_GRID_CELLS)
            .max(1.0);
        let columns = ((right - left) / cell_size) as usize + 1;
        let rows = ((bottom - top) / cell_size) as usize + 1;
        let mut grid = TargetGrid {
            n_targets: targets.len(),
            cell_size,
            origin: Point::new(left, top),
            columns,
            rows,
            starts: vec![0; columns * rows + 1],
            entries: Vec::new(),
            position_of_model,
        };
        let cells: Vec<Option<usize>> = targets
            .iter()
            .map(|target| finite(&target).then(|| grid.cell_of(target.at)))
            .collect();
        for cell in cells.iter().flatten() {
            grid.starts[cell + 1] += 1;
        }
        for index in 1..grid.starts.len() {
            grid.starts[index] += grid.starts[index - 1];
        }
        let mut next: Vec<u32> = grid.starts[..columns * rows].to_vec();
        grid.entries = vec![0; grid.starts[columns * rows] as usize];
        for (position, cell) in cells.iter().enumerate() {
            if let Some(cell) = cell {
                grid.entries[next[*cell] as usize] = position as u32;
                next[*cell] += 1;
            }
        }
        grid
    }

    fn cell_of(&self, at: Point) -> usize {
        let column = ((at.x - self.origin.x) / self.cell_size) as usize;
        let row = ((at.y - self.origin.y) / self.cell_size) as usize;
        row.min(self.rows - 1) * self.columns + column.min(self.columns - 1)
    }

    /// The target closest to `at` within `max_radius`, exactly as
    /// [`nearest`] finds it in `targets` (which must be the targets the grid
    /// was built from; for any others it scans them).
    pub fn nearest(&self, targets: &[Target], at: Point, max_radius: f64) -> Option<Target> {
        if targets.len() != self.n_targets || !max_radius.is_finite() || !at.x.is_finite() {
            return nearest(targets, at, max_radius);
        }
        if self.columns == 0 || !at.y.is_finite() || max_radius < 0.0 {
            return None;
        }
        let limit = max_radius * max_radius;
        let span = |low: f64, high: f64, origin: f64, count: usize| {
            let first = ((low - origin) / self.cell_size).floor();
            let last = ((high - origin) / self.cell_size).floor();
            if last < 0.0 || first >= count as f64 {
                None
            } else {
                Some((first.max(0.0) as usize, (last as usize).min(count - 1)))
            }
        };
        let columns = span(
            at.x - max_radius,
            at.x + max_radius,
            self.origin.x,
            self.columns,
        )?;
        let rows = span(
            at.y - max_radius,
            at.y + max_radius,
            self.origin.y,
            self.rows,
        )?;
        // The nearest, then the earliest in keyboard order: as the scan.
        let mut best: Option<(f64, u32)> = None;
        for row in rows.0..=rows.1 {
            let cells = row * self.columns + columns.0..=row * self.columns + columns.1;
            let entries =
                self.starts[*cells.start()] as usize..self.starts[cells.end() + 1] as usize;
            for &position in &self.entries[entries] {
                let distance = targets[position as usize].at.distance_squared(at);
                if distance <= limit
                    && best.is_none_or(|(best_distance, best_position)| {
                        distance < best_distance
                            || (distance == best_distance && position < best_position)
                    })
                {
                    best = Some((distance, position));
                }
            }
        }
        best.map(|(_, position)| targets[position as usize])
    }

    /// The target of the model `model_index`, if it has one.
    /// The target of a model's ghost: a scan, as ghosts are few and only
    /// drawn on request.
    pub fn claim_of(targets: &[Target], model_index: usize) -> Option<Target> {
        targets
            .iter()
            .find(|target| target.claim && target.model_index == model_index)
            .copied()
    }

    pub fn target_of(&self, targets: &[Target], model_index: usize) -> Option<Target> {
        if targets.len() != self.n_targets {
            return targets
                .iter()
                .find(|target| target.model_index == model_index)
                .copied();
        }
        let position = *self.position_of_model.get(model_index)?;
        targets.get(position as usize).copied()
    }
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

/// The target the focus moves to from `current` (a model index, and
/// whether it is the model's ghost) by `step`. Without a current target,
/// every step starts at the first or last. At either end, the focus stays
/// where it is.
pub fn step(targets: &[Target], current: Option<(usize, bool)>, step: Step) -> Option<Target> {
    let position = current.and_then(|(model_index, claim)| {
        targets
            .iter()
            .position(|target| target.model_index == model_index && target.claim == claim)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic scatter of targets, with duplicates and ties.
    fn scatter(count: usize) -> Vec<Target> {
        let mut state = 12345_u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as f64 / (1_u64 << 31) as f64
        };
        (0..count)
            .map(|index| Target {
                claim: false,
                model_index: (index * 7) % (count + 3),
                // Rounded to whole pixels, so that ties happen.
                at: Point::new((next() * 400.0).round(), (next() * 300.0).round()),
            })
            .collect()
    }

    #[test]
    fn the_grid_finds_what_the_scan_finds_ties_included() {
        for count in [0, 1, 2, 50, 2000] {
            let targets = scatter(count);
            for cell_size in [4.0, 16.0, 1000.0] {
                let grid = TargetGrid::new(&targets, cell_size);
                for y in (-40..340).step_by(7) {
                    for x in (-40..440).step_by(9) {
                        let at = Point::new(f64::from(x), f64::from(y));
                        for radius in [0.0, 3.0, 20.0, 32.0] {
                            assert_eq!(
                                grid.nearest(&targets, at, radius),
                                nearest(&targets, at, radius),
                                "{count} targets, cell {cell_size}, at {at:?}, r {radius}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_grid_finds_each_model_target() {
        let targets = scatter(500);
        let grid = TargetGrid::new(&targets, 16.0);
        for target in &targets {
            assert_eq!(grid.target_of(&targets, target.model_index), Some(*target));
        }
        assert_eq!(grid.target_of(&targets, 100_000), None);
    }

    #[test]
    fn the_grid_answers_for_other_targets_by_scanning_them() {
        let grid = TargetGrid::new(&scatter(10), 16.0);
        let others = scatter(20);
        let at = Point::new(200.0, 150.0);
        assert_eq!(grid.nearest(&others, at, 50.0), nearest(&others, at, 50.0));
    }
}
