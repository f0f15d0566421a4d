//! Label placement: each label beside its point, overlapping neither other
//! labels nor any point.
//!
//! Labels are placed greedily in priority order (the caller sorts them: the
//! article's models first). Each tries a fixed list of positions around its
//! point, near ones first, then farther ones that get a leader line. A label
//! that fits nowhere is left out rather than drawn over something: a missing
//! label is better than an unreadable one.

use crate::geometry::{Point, Rect};
use crate::ordering::{float_key, sorted_by};

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

/// Places labels as [`place_labels`] does, with the same result, but one
/// label at a time against only the obstacles it could touch, so that a
/// chart of 100,000 points does not test every label against every point.
pub fn place_labels_near(
    requests: &[LabelRequest],
    obstacles: &[Rect],
    bounds: Rect,
) -> Vec<Option<Placement>> {
    let config = PlacementConfig::default();
    // Obstacles by their left edge, to find those in reach by a binary search.
    let all: Vec<&Rect> = obstacles.iter().collect();
    let by_left = sorted_by(&all, |rect| (float_key(rect.left), 0, 0));
    let widest = by_left.iter().map(|rect| rect.width()).fold(0.0, f64::max);
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
            let first = by_left.partition_point(|rect| rect.left < reach.left - widest);
            nearby.clear();
            nearby.extend(
                by_left[first..]
                    .iter()
                    .take_while(|rect| rect.left <= reach.right)
                    .filter(|rect| rect.intersects(&reach))
                    .map(|rect| **rect),
            );
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
