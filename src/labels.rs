//! Label placement: each label beside its point, overlapping neither other
//! labels nor any point.
//!
//! Labels are placed greedily in priority order (the caller sorts them: the
//! article's models first). Each tries a fixed list of positions around its
//! point, near ones first, then farther ones that get a leader line. A label
//! that fits nowhere is left out rather than drawn over something: a missing
//! label is better than an unreadable one.

use crate::geometry::{Point, Rect};

/// A label that wants to stand next to a point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelRequest {
    pub anchor: Point,
    /// The radius of the point's marker.
    pub anchor_radius: f64,
    /// Width and height of the label's text box.
    pub size: (f64, f64),
}

/// Where a label went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub rect: Rect,
    /// A line from the point to the label, for labels placed farther away.
    pub leader: Option<(Point, Point)>,
}

/// Tuning of [`place_labels`], in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacementConfig {
    /// Gap between a marker and its label.
    pub gap: f64,
    /// Clear space kept around every label.
    pub padding: f64,
    /// How much farther the second ring of positions lies.
    pub far_offset: f64,
}

impl Default for PlacementConfig {
    fn default() -> Self {
        Self {
            gap: 3.0,
            padding: 1.5,
            far_offset: 14.0,
        }
    }
}

/// Places `requests` in order inside `bounds`, avoiding `obstacles` (the
/// boxes of every point and of any fixed text) and each other. Returns one
/// entry per request: `None` where the label fits nowhere.
pub fn place_labels(
    requests: &[LabelRequest],
    obstacles: &[Rect],
    bounds: Rect,
    config: PlacementConfig,
) -> Vec<Option<Placement>> {
    let mut placed: Vec<Rect> = Vec::with_capacity(requests.len());
    requests
        .iter()
        .map(|request| {
            let placement = candidates(request, config).find(|candidate| {
                let padded = candidate.rect.inflate(config.padding);
                bounds.contains_rect(&candidate.rect)
                    && !obstacles
                        .iter()
                        .any(|obstacle| obstacle.intersects(&padded))
                    && !placed.iter().any(|other| other.intersects(&padded))
                    && candidate.leader.is_none_or(|(from, to)| {
                        !crosses_any(from, to, &placed) && !crosses_any(from, to, obstacles)
                    })
            });
            if let Some(placement) = placement {
                placed.push(placement.rect);
            }
            placement
        })
        .collect()
}

/// Whether the segment from `from` to `to` passes through any rectangle,
/// leaving out those that hold its start: a leader starts at its own marker.
fn crosses_any(from: Point, to: Point, rects: &[Rect]) -> bool {
    const STEPS: usize = 12;
    rects
        .iter()
        .filter(|rect| !rect.contains(from))
        .any(|rect| {
            (1..STEPS).any(|step| {
                let t = step as f64 / STEPS as f64;
                rect.contains(Point::new(
                    from.x + (to.x - from.x) * t,
                    from.y + (to.y - from.y) * t,
                ))
            })
        })
}

/// The candidate positions of a label, best first.
fn candidates(
    request: &LabelRequest,
    config: PlacementConfig,
) -> impl Iterator<Item = Placement> + '_ {
    // Unit directions around the point: right, left, above, below, then the
    // diagonals. Readers scan left to right, so right comes first.
    const DIRECTIONS: [(f64, f64); 8] = [
        (1.0, 0.0),
        (-1.0, 0.0),
        (0.0, -1.0),
        (0.0, 1.0),
        (1.0, -1.0),
        (1.0, 1.0),
        (-1.0, -1.0),
        (-1.0, 1.0),
    ];
    let near = config.gap + request.anchor_radius;
    [0.0, config.far_offset].into_iter().flat_map(move |extra| {
        DIRECTIONS.iter().map(move |&(dx, dy)| {
            let (width, height) = request.size;
            let distance = near + extra;
            let Point { x, y } = request.anchor;
            // Position the box so that its side (or corner) facing the
            // point sits `distance` away from the point's centre.
            let left = match dx {
                d if d > 0.0 => x + distance,
                d if d < 0.0 => x - distance - width,
                _ => x - width / 2.0,
            };
            let top = match dy {
                d if d > 0.0 => y + distance * if dx == 0.0 { 1.0 } else { 0.5 },
                d if d < 0.0 => y - distance * if dx == 0.0 { 1.0 } else { 0.5 } - height,
                _ => y - height / 2.0,
            };
            let rect = Rect::new(left, top, left + width, top + height);
            let leader = (extra > 0.0).then(|| {
                let to = rect.nearest_point_to(request.anchor);
                let length = to.distance_squared(request.anchor).sqrt().max(1.0);
                let start = Point::new(
                    x + (to.x - x) / length * (request.anchor_radius + 1.0),
                    y + (to.y - y) / length * (request.anchor_radius + 1.0),
                );
                (start, to)
            });
            Placement { rect, leader }
        })
    })
}

/// Obstacles in a grid of square cells, each listing the obstacles that
/// overlap it (all lists in one vector): what lies within a rectangle is
/// found without looking at the rest.
struct ObstacleGrid<'a> {
    obstacles: &'a [Rect],
    left: f64,
    top: f64,
    columns: usize,
    rows: usize,
    /// Where each cell's list starts in `members`; one more entry than cells.
    starts: Vec<usize>,
    members: Vec<usize>,
}

impl<'a> ObstacleGrid<'a> {
    const CELL: f64 = 32.0;
    /// At most this many cells a side, however far apart the obstacles are.
    const MAX_SIDE: usize = 512;

    fn new(obstacles: &'a [Rect]) -> ObstacleGrid<'a> {
        let finite = |rect: &&Rect| {
            [rect.left, rect.top, rect.right, rect.bottom]
                .iter()
                .all(|value| value.is_finite())
        };
        let (mut left, mut top, mut right, mut bottom) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
        for (index, rect) in obstacles.iter().filter(finite).enumerate() {
            if index == 0 {
                (left, top, right, bottom) = (rect.left, rect.top, rect.right, rect.bottom);
            }
            (left, top) = (left.min(rect.left), top.min(rect.top));
            (right, bottom) = (right.max(rect.right), bottom.max(rect.bottom));
        }
        let side = |extent: f64| ((extent / Self::CELL).floor() as usize + 1).min(Self::MAX_SIDE);
        let mut grid = ObstacleGrid {
            obstacles,
            left,
            top,
            columns: side(right - left),
            rows: side(bottom - top),
            starts: Vec::new(),
            members: Vec::new(),
        };
        // Count each cell's members, turn the counts into starts, then fill.
        let mut counts = vec![0_usize; grid.columns * grid.rows + 1];
        for rect in obstacles {
            grid.for_cells(rect, |cell| counts[cell] += 1);
        }
        let mut start = 0;
        for count in &mut counts {
            (start, *count) = (start + *count, start);
        }
        let mut next = counts.clone();
        let mut members = vec![0; start];
        for (index, rect) in obstacles.iter().enumerate() {
            grid.for_cells(rect, |cell| {
                members[next[cell]] = index;
                next[cell] += 1;
            });
        }
        (grid.starts, grid.members) = (counts, members);
        grid
    }

    /// The cells' column and row span of `rect`, clamped to the grid.
    fn span(&self, rect: &Rect) -> (usize, usize, usize, usize) {
        let cell = |value: f64, origin: f64, count: usize| {
            (((value - origin) / Self::CELL).floor().max(0.0) as usize).min(count - 1)
        };
        (
            cell(rect.left, self.left, self.columns),
            cell(rect.right, self.left, self.columns),
            cell(rect.top, self.top, self.rows),
            cell(rect.bottom, self.top, self.rows),
        )
    }

    fn for_cells(&self, rect: &Rect, mut action: impl FnMut(usize)) {
        let (first_column, last_column, first_row, last_row) = self.span(rect);
        for row in first_row..=last_row {
            for column in first_column..=last_column {
                action(row * self.columns + column);
            }
        }
    }

    /// Adds to `found` every obstacle that intersects `area`, once each.
    fn within(&self, area: Rect, found: &mut Vec<Rect>) {
        let (first_column, last_column, first_row, last_row) = self.span(&area);
        for row in first_row..=last_row {
            for column in first_column..=last_column {
                let cell = row * self.columns + column;
                for &index in &self.members[self.starts[cell]..self.starts[cell + 1]] {
                    let rect = &self.obstacles[index];
                    // An obstacle over several cells is taken in the first
                    // of them that the area covers.
                    let (own_column, _, own_row, _) = self.span(rect);
                    if own_column.max(first_column) == column
                        && own_row.max(first_row) == row
                        && rect.intersects(&area)
                    {
                        found.push(*rect);
                    }
                }
            }
        }
    }
}

/// Places labels as [`place_labels`] does, with the same result, but one
/// label at a time against only the obstacles it could touch, so that a
/// chart of 100,000 points does not test every label against every point.
pub fn place_labels_near(
    requests: &[LabelRequest],
    obstacles: &[Rect],
    bounds: Rect,
) -> Vec<Option<Placement>> {
    let config = PlacementConfig::default();
    let grid = ObstacleGrid::new(obstacles);
    let mut placed: Vec<Rect> = Vec::new();
    let mut nearby: Vec<Rect> = Vec::new();
    requests
        .iter()
        .map(|request| {
            // Every candidate box (and its leader) lies within this reach of
            // the anchor, padding included.
            let (width, height) = request.size;
            let distance = config.gap + request.anchor_radius + config.far_offset;
            let margin = config.padding + 1.0;
            let reach = Rect::new(
                request.anchor.x - distance - width - margin,
                request.anchor.y - distance - height - margin,
                request.anchor.x + distance + width + margin,
                request.anchor.y + distance + height + margin,
            );
            nearby.clear();
            grid.within(reach, &mut nearby);
            nearby.extend(placed.iter().filter(|rect| rect.intersects(&reach)));
            let placement = place_labels(std::slice::from_ref(request), &nearby, bounds, config)
                .pop()
                .flatten();
            if let Some(placement) = placement {
                placed.push(placement.rect);
            }
            placement
        })
        .collect()
}
