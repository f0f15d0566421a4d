//! Label placement: each label beside its point, overlapping neither other
//! labels nor any point.
//!
//! Labels are placed greedily in priority order (the caller sorts them: the
//! article's models first). Each tries a fixed list of positions around its
//! point, near ones first, then farther ones that get a leader line. A label
//! that fits nowhere then gets a second chance ([`place_the_rest`]): it may
//! push one label placed before it to another of that label's positions,
//! or stand farther off at the end of a leader. A label that still fits
//! nowhere is left out rather than drawn over something: a missing label is
//! better than an unreadable one.

use crate::geometry::{Point, Rect};
use crate::occupancy::Occupancy;
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

impl Placement {
    /// What the label takes up: its box and, for a label placed farther
    /// away, the boxes along its leader line ([`line_dots`]), so that no
    /// other label is placed across the line.
    pub fn footprint(&self) -> Vec<Rect> {
        let mut boxes = vec![self.rect];
        if let Some((from, to)) = self.leader {
            boxes.extend(line_dots(from, to));
        }
        boxes
    }
}

/// Small boxes along the segment from `from` to `to`, every
/// [`LEADER_STEP`] px or closer: a line as obstacles, for a leader or the
/// trend line that no label may lie across.
pub fn line_dots(from: Point, to: Point) -> impl Iterator<Item = Rect> {
    let length = from.distance_squared(to).sqrt();
    let steps = (length / LEADER_STEP).ceil().max(1.0) as usize;
    (0..=steps).map(move |step| {
        let t = step as f64 / steps as f64;
        let at = Point::new(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
        Rect::around(at, LEADER_DOT / 2.0)
    })
}

/// The spacing of the boxes along a leader line in [`Placement::footprint`]:
/// closer than the thinnest text a label could be.
pub const LEADER_STEP: f64 = 2.0;

/// The side of each box along a leader line in [`Placement::footprint`].
const LEADER_DOT: f64 = 1.0;

/// Tuning of [`place_labels`], in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacementConfig {
    /// Gap between a marker and its label.
    pub gap: f64,
    /// Clear space kept around every label.
    pub padding: f64,
    /// How much farther each further ring of positions lies.
    pub far_offset: f64,
    /// How many rings of positions there are: the near one, then rings
    /// `far_offset` farther each, whose labels get a leader line.
    pub rings: usize,
    /// Whether a placed label's leader line is part of what it takes up
    /// ([`Placement::footprint`]), so that no later label lies across it.
    pub leaders_block: bool,
}

impl Default for PlacementConfig {
    fn default() -> Self {
        Self {
            gap: 3.0,
            padding: 1.5,
            far_offset: 14.0,
            rings: 6,
            leaders_block: true,
        }
    }
}

impl PlacementConfig {
    /// What `placement` takes up for the labels placed after it: its
    /// footprint, or only its box where leaders do not block.
    fn taken(&self, placement: &Placement) -> Vec<Rect> {
        if self.leaders_block {
            placement.footprint()
        } else {
            vec![placement.rect]
        }
    }

    /// How far from its point a label's nearest side can be, at most.
    fn reach(&self, anchor_radius: f64) -> f64 {
        self.gap + anchor_radius + self.far_offset * self.rings.saturating_sub(1) as f64
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
                fits(candidate, obstacles, bounds, config)
                    && fits(candidate, &placed, bounds, config)
            });
            if let Some(placement) = placement {
                placed.extend(config.taken(&placement));
            }
            placement
        })
        .collect()
}

/// Whether the segment from `from` to `to` passes through any rectangle,
/// leaving out those that hold its start: a leader starts at its own marker.
fn crosses_any(from: Point, to: Point, rects: &[Rect]) -> bool {
    // Only a rectangle that meets the segment's bounding box can meet the
    // segment: a cheap test first.
    let span = Rect::new(
        from.x.min(to.x),
        from.y.min(to.y),
        from.x.max(to.x),
        from.y.max(to.y),
    );
    rects
        .iter()
        .filter(|rect| {
            rect.left <= span.right
                && span.left <= rect.right
                && rect.top <= span.bottom
                && span.top <= rect.bottom
        })
        .filter(|rect| !rect.contains(from))
        .any(|rect| segment_crosses(from, to, rect))
}

/// Whether the segment from `from` to `to`, its ends left out, passes
/// through `rect` (edges included): the segment is clipped to the
/// rectangle's four sides (Liang–Barsky), in constant time however long it is.
pub fn segment_crosses(from: Point, to: Point, rect: &Rect) -> bool {
    // Some point strictly between the ends: a leader may touch a box at
    // its own end.
    rect.clip_segment(from, to)
        .is_some_and(|(enter, leave)| enter <= leave && enter < 1.0 && leave > 0.0)
}

/// The candidate positions of a label, best first: ring by ring, the
/// eight directions around the point (right first, as readers scan left to
/// right), then above and below with the label's edge at the point rather
/// than its middle.
fn candidates(
    request: &LabelRequest,
    config: PlacementConfig,
) -> impl Iterator<Item = Placement> + '_ {
    // Unit directions around the point, and where along the label's width
    // the point sits for the vertical ones (0.5: the middle).
    const DIRECTIONS: [(f64, f64, f64); 12] = [
        (1.0, 0.0, 0.5),
        (-1.0, 0.0, 0.5),
        (0.0, -1.0, 0.5),
        (0.0, 1.0, 0.5),
        (1.0, -1.0, 0.5),
        (1.0, 1.0, 0.5),
        (-1.0, -1.0, 0.5),
        (-1.0, 1.0, 0.5),
        (0.0, -1.0, 0.1),
        (0.0, -1.0, 0.9),
        (0.0, 1.0, 0.1),
        (0.0, 1.0, 0.9),
    ];
    let near = config.gap + request.anchor_radius;
    (0..config.rings.max(1)).flat_map(move |ring| {
        let extra = config.far_offset * ring as f64;
        DIRECTIONS.iter().map(move |&(dx, dy, along)| {
            let (width, height) = request.size;
            let distance = near + extra;
            let Point { x, y } = request.anchor;
            // Position the box so that its side (or corner) facing the
            // point sits `distance` away from the point's centre.
            let left = match dx {
                d if d > 0.0 => x + distance,
                d if d < 0.0 => x - distance - width,
                _ => x - width * along,
            };
            let top = match dy {
                d if d > 0.0 => y + distance * if dx == 0.0 { 1.0 } else { 0.5 },
                d if d < 0.0 => y - distance * if dx == 0.0 { 1.0 } else { 0.5 } - height,
                _ => y - height / 2.0,
            };
            let rect = Rect::new(left, top, left + width, top + height);
            let leader = (ring > 0).then(|| {
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
    near_with(requests, obstacles, bounds, PlacementConfig::default())
}

/// [`place_labels_near`] with `config`.
fn near_with(
    requests: &[LabelRequest],
    obstacles: &[Rect],
    bounds: Rect,
    config: PlacementConfig,
) -> Vec<Option<Placement>> {
    let fixed = Obstacles::new(obstacles);
    let mut placements: Vec<Option<Placement>> = Vec::with_capacity(requests.len());
    let mut taken: Vec<Rect> = Vec::new();
    let mut nearby: Vec<Rect> = Vec::new();
    for request in requests {
        let reach = reach_of(request, config);
        fixed.near(reach, &mut nearby);
        nearby.extend(taken.iter().filter(|rect| rect.intersects(&reach)));
        let placement =
            candidates(request, config).find(|candidate| fits(candidate, &nearby, bounds, config));
        if let Some(placement) = &placement {
            taken.extend(config.taken(placement));
        }
        placements.push(placement);
    }
    placements
}

/// A second chance for each label [`place_labels_near`] left out, in
/// order: a position where only one label placed before stands, if that
/// label can move to another position of its own; else the nearest free
/// spot farther away (up to [`FARTHEST`] pixels), joined by a leader that
/// may pass over markers but not over `texts` (the obstacles that are text).
pub fn place_the_rest(
    requests: &[LabelRequest],
    placements: &mut [Option<Placement>],
    obstacles: &[Rect],
    texts: &[Rect],
    bounds: Rect,
) {
    rest_with(
        requests,
        placements,
        (obstacles, texts),
        bounds,
        PlacementConfig::default(),
    );
}

/// [`place_the_rest`] with `config`.
fn rest_with(
    requests: &[LabelRequest],
    placements: &mut [Option<Placement>],
    (obstacles, texts): (&[Rect], &[Rect]),
    bounds: Rect,
    config: PlacementConfig,
) {
    let fixed = Obstacles::new(obstacles);
    let texts = Obstacles::new(texts);
    for index in 0..requests.len().min(placements.len()) {
        if placements[index].is_none() {
            make_room(index, requests, placements, &fixed, bounds, config);
        }
        if placements[index].is_none() {
            let around = (&fixed, &texts);
            placements[index] = farther(&requests[index], placements, around, bounds, config);
        }
    }
}

/// Beyond this many obstacles, [`place_labels_most`] tries one order only.
const ORDERS_UP_TO_OBSTACLES: usize = 3_000;

/// Places every request as [`place_labels_near`] and [`place_the_rest`] do,
/// in the given order and in a few others (from the plot's foot up, from
/// its top down, from the left, the given order reversed), and keeps the
/// placements of the order that places the most labels (the earliest such
/// order on a tie): which label takes a contested spot first decides how
/// many fit around a dense cluster. Then, while some are left out, those
/// choose first ([`left_out_first`]).
pub fn place_labels_most(
    requests: &[LabelRequest],
    (obstacles, texts): (&[Rect], &[Rect]),
    bounds: Rect,
    config: PlacementConfig,
) -> Vec<Option<Placement>> {
    let place = |order: &[usize]| {
        let ordered: Vec<LabelRequest> = order.iter().map(|index| requests[*index]).collect();
        let mut placed = near_with(&ordered, obstacles, bounds, config);
        rest_with(&ordered, &mut placed, (obstacles, texts), bounds, config);
        let mut by_request = vec![None; requests.len()];
        for (index, placement) in order.iter().zip(placed) {
            by_request[*index] = placement;
        }
        by_request
    };
    let given: Vec<usize> = (0..requests.len()).collect();
    let mut best = place(&given);
    if obstacles.len() > ORDERS_UP_TO_OBSTACLES || requests.len() < 2 {
        return best;
    }
    let by = |key: &dyn Fn(&LabelRequest) -> f64| {
        let keys: Vec<(u64, u64, u64)> = requests
            .iter()
            .map(|request| (float_key(key(request)), 0, 0))
            .collect();
        crate::ordering::order_by(keys)
    };
    let orders = [
        by(&|request| -request.anchor.y),
        by(&|request| request.anchor.y),
        by(&|request| request.anchor.x),
        given.iter().rev().copied().collect(),
    ];
    let count = |placements: &[Option<Placement>]| placements.iter().flatten().count();
    for order in orders {
        if count(&best) == requests.len() {
            break;
        }
        let tried = place(&order);
        if count(&tried) > count(&best) {
            best = tried;
        }
    }
    for _ in 0..LEFT_OUT_FIRST_TRIES {
        let before = count(&best);
        best = left_out_first(requests, (obstacles, texts), bounds, best, config);
        if count(&best) == before {
            break;
        }
    }
    best
}

/// The labels that must be shown (the article's models): placed as
/// [`place_labels_most`] does, with leader lines and `lines` (the boxes
/// along other lines, such as the trend's: [`line_dots`]) that no label
/// lies across; but where that leaves some out and lines that labels may
/// lie across place more, those. A line under a label is better than a
/// model the article names left unlabelled.
pub fn place_labels_must(
    requests: &[LabelRequest],
    (obstacles, texts): (&[Rect], &[Rect]),
    lines: &[Rect],
    bounds: Rect,
) -> Vec<Option<Placement>> {
    let strict = PlacementConfig::default();
    let with_lines = [obstacles, lines].concat();
    let placed = place_labels_most(requests, (&with_lines, texts), bounds, strict);
    let count = |placements: &[Option<Placement>]| placements.iter().flatten().count();
    if count(&placed) == requests.len() {
        return placed;
    }
    let crossable = PlacementConfig {
        leaders_block: false,
        ..strict
    };
    let mut more = place_labels_most(requests, (obstacles, texts), bounds, crossable);
    if count(&more) > count(&placed) {
        untangle(requests, &mut more, (obstacles, texts), bounds);
        more
    } else {
        placed
    }
}

/// Moves each label that lies across another's leader line, or whose own
/// leader crosses another label, to the first position of its own where it
/// does neither (near, else farther off), if it has one; then, for a pair
/// still tangled, places both again, one and then the other, each clear of
/// every leader. A label with no such position stays where it is.
fn untangle(
    requests: &[LabelRequest],
    placements: &mut [Option<Placement>],
    (obstacles, texts): (&[Rect], &[Rect]),
    bounds: Rect,
) {
    let around = Around {
        fixed: Obstacles::new(obstacles),
        texts: Obstacles::new(texts),
        bounds,
    };
    let count = requests.len().min(placements.len());
    for index in 0..count {
        if tangled_with(index, placements).is_some() {
            place_again(&[index], requests, placements, &around);
        }
    }
    for index in 0..count {
        if let Some(other) = tangled_with(index, placements) {
            if !place_again(&[index, other], requests, placements, &around) {
                place_again(&[other, index], requests, placements, &around);
            }
        }
    }
}

/// What [`untangle`] places labels around: the fixed obstacles, those that
/// are text, and the bounds.
struct Around<'a> {
    fixed: Obstacles<'a>,
    texts: Obstacles<'a>,
    bounds: Rect,
}

/// A label placed before `index` or after it whose leader crosses label
/// `index`, or whose box its leader crosses.
fn tangled_with(index: usize, placements: &[Option<Placement>]) -> Option<usize> {
    let config = PlacementConfig::default();
    let current = placements.get(index).copied().flatten()?;
    placements
        .iter()
        .enumerate()
        .find_map(|(other, placement)| {
            let placement = placement.filter(|_| other != index)?;
            tangled(&current, &[placement], config).then_some(other)
        })
}

/// Places the labels `indices` again, in that order, each where it lies
/// across no leader and its leader crosses no label (near, else farther
/// off); keeps the new places only if every one of them found one.
fn place_again(
    indices: &[usize],
    requests: &[LabelRequest],
    placements: &mut [Option<Placement>],
    around: &Around<'_>,
) -> bool {
    let config = PlacementConfig::default();
    let before: Vec<Option<Placement>> = indices.iter().map(|&index| placements[index]).collect();
    for &index in indices {
        placements[index] = None;
    }
    let mut blockers = Vec::new();
    for &index in indices {
        let request = &requests[index];
        around.fixed.near(reach_of(request, config), &mut blockers);
        blockers.extend(placements.iter().flatten().flat_map(Placement::footprint));
        let found = candidates(request, config)
            .find(|candidate| fits(candidate, &blockers, around.bounds, config))
            .or_else(|| {
                let sides = (&around.fixed, &around.texts);
                farther(request, placements, sides, around.bounds, config)
            });
        let Some(found) = found else {
            for (&index, placement) in indices.iter().zip(before) {
                placements[index] = placement;
            }
            return false;
        };
        placements[index] = Some(found);
    }
    true
}

/// Whether `placement` lies across a leader line of `others`, or its own
/// leader crosses one of their labels.
fn tangled(placement: &Placement, others: &[Placement], config: PlacementConfig) -> bool {
    let padded = placement.rect.inflate(config.padding);
    let labels: Vec<Rect> = others.iter().map(|other| other.rect).collect();
    others
        .iter()
        .filter_map(|other| other.leader)
        .any(|(from, to)| segment_crosses(from, to, &padded))
        || placement
            .leader
            .is_some_and(|(from, to)| crosses_any(from, to, &labels))
}

/// How many times [`place_labels_most`] lets the labels left out choose first.
const LEFT_OUT_FIRST_TRIES: usize = 2;

/// Places `requests` again in their order but with those that `placements`
/// left out first (they get the first pick of the contested spots), as
/// [`place_labels_near`] and [`place_the_rest`] do; returns that when it
/// places more labels, else `placements`.
pub fn left_out_first(
    requests: &[LabelRequest],
    (obstacles, texts): (&[Rect], &[Rect]),
    bounds: Rect,
    placements: Vec<Option<Placement>>,
    config: PlacementConfig,
) -> Vec<Option<Placement>> {
    let count = |placements: &[Option<Placement>]| placements.iter().flatten().count();
    if count(&placements) == requests.len() {
        return placements;
    }
    let (left_out, placed): (Vec<usize>, Vec<usize>) =
        (0..requests.len()).partition(|&index| placements.get(index).is_none_or(Option::is_none));
    let order = [left_out, placed].concat();
    let ordered: Vec<LabelRequest> = order.iter().map(|&index| requests[index]).collect();
    let mut tried = near_with(&ordered, obstacles, bounds, config);
    rest_with(&ordered, &mut tried, (obstacles, texts), bounds, config);
    let mut by_request = vec![None; requests.len()];
    for (&index, placement) in order.iter().zip(tried) {
        by_request[index] = placement;
    }
    if count(&by_request) > count(&placements) {
        by_request
    } else {
        placements
    }
}

/// How far from its point [`place_the_rest`] looks for room for a label.
pub const FARTHEST: f64 = 140.0;
/// The side of the cells of the grid [`farther`] turns most spots away by, CSS px.
const OCCUPANCY_CELL: f64 = 2.0;
/// Beyond this many obstacles in reach, [`farther`] does not look.
const FARTHER_OBSTACLES: usize = 600;

/// The nearest free spot for a label up to [`FARTHEST`] pixels from its
/// point, joined to it by a leader that may pass over markers but over no
/// label: for a point inside a dense cluster, whose near positions are all
/// taken.
fn farther(
    request: &LabelRequest,
    placements: &[Option<Placement>],
    (fixed, texts): (&Obstacles<'_>, &Obstacles<'_>),
    bounds: Rect,
    config: PlacementConfig,
) -> Option<Placement> {
    const STEP: f64 = 6.0;
    let (width, height) = request.size;
    let Point { x, y } = request.anchor;
    let mut near_fixed = Vec::new();
    let reach = Rect::new(
        x - FARTHEST - width,
        y - FARTHEST - height,
        x + FARTHEST + width,
        y + FARTHEST + height,
    );
    fixed.near(reach, &mut near_fixed);
    if near_fixed.len() > FARTHER_OBSTACLES {
        // A chart of many thousands of points: the search would cost more
        // than the label is worth.
        return None;
    }
    let mut labels: Vec<Rect> = Vec::new();
    texts.near(reach, &mut labels);
    labels.extend(
        placements
            .iter()
            .flatten()
            .flat_map(|placement| config.taken(placement))
            .filter(|rect| rect.intersects(&reach)),
    );
    let n_steps = (FARTHEST / STEP) as i32;
    let offsets = (-n_steps..=n_steps)
        .flat_map(|column| (-n_steps..=n_steps).map(move |row| (column, row)))
        .map(|(column, row)| (f64::from(column) * STEP, f64::from(row) * STEP))
        .filter(|(dx, dy)| dx * dx + dy * dy <= FARTHEST * FARTHEST);
    let spots = offsets.map(|(dx, dy)| {
        let rect = Rect::new(
            x + dx - width / 2.0,
            y + dy - height / 2.0,
            x + dx + width / 2.0,
            y + dy + height / 2.0,
        );
        let to = rect.nearest_point_to(request.anchor);
        let length = to.distance_squared(request.anchor).sqrt().max(1.0);
        let start = Point::new(
            x + (to.x - x) / length * (request.anchor_radius + 1.0),
            y + (to.y - y) / length * (request.anchor_radius + 1.0),
        );
        Placement {
            rect,
            leader: Some((start, to)),
        }
    });
    // Most spots in a crowd are turned away at once by the grid; the rest
    // take the exact test.
    let occupancy = Occupancy::new(
        reach,
        OCCUPANCY_CELL,
        near_fixed
            .iter()
            .chain(&labels)
            .map(|rect| rect.inflate(config.padding)),
    );
    let clear = |spot: &Placement| {
        if !bounds.contains_rect(&spot.rect) || occupancy.certainly_meets(&spot.rect) {
            return false;
        }
        let padded = spot.rect.inflate(config.padding);
        !near_fixed.iter().any(|rect| rect.intersects(&padded))
            && !labels.iter().any(|rect| rect.intersects(&padded))
            && spot
                .leader
                .is_none_or(|(from, to)| !crosses_any(from, to, &labels))
    };
    // The clear spot with the shortest leader (the first such on a tie):
    // a spot no shorter than the best so far is not even tested.
    let mut best: Option<(u64, Placement)> = None;
    for spot in spots {
        let (from, to) = spot.leader.unwrap_or_default();
        let key = float_key(from.distance_squared(to));
        if best.is_some_and(|(shortest, _)| key >= shortest) || !clear(&spot) {
            continue;
        }
        best = Some((key, spot));
    }
    best.map(|(_, spot)| spot)
}

/// Whether `candidate` lies inside `bounds`, clear of every blocker with
/// its padding, and its leader (if any) crosses none.
fn fits(candidate: &Placement, blockers: &[Rect], bounds: Rect, config: PlacementConfig) -> bool {
    let padded = candidate.rect.inflate(config.padding);
    bounds.contains_rect(&candidate.rect)
        && !blockers.iter().any(|blocker| blocker.intersects(&padded))
        && candidate
            .leader
            .is_none_or(|(from, to)| !crosses_any(from, to, blockers))
}

/// Places label `index` where exactly one placed label is in its way, and
/// moves that label to another position that fits, if there is one.
fn make_room(
    index: usize,
    requests: &[LabelRequest],
    placements: &mut [Option<Placement>],
    fixed: &Obstacles<'_>,
    bounds: Rect,
    config: PlacementConfig,
) {
    let request = &requests[index];
    let mut near_fixed = Vec::new();
    fixed.near(reach_of(request, config), &mut near_fixed);
    let mut others = Vec::new();
    // What each placed label takes up; the placements change only on return.
    let footprints: Vec<(usize, Vec<Rect>)> = placements
        .iter()
        .enumerate()
        .filter_map(|(placed, placement)| placement.map(|p| (placed, config.taken(&p))))
        .collect();
    for candidate in candidates(request, config) {
        if !fits(&candidate, &near_fixed, bounds, config) {
            continue;
        }
        let mut in_the_way = footprints
            .iter()
            .filter(|(_, footprint)| !fits(&candidate, footprint, bounds, config));
        let (Some((blocking, _)), None) = (in_the_way.next(), in_the_way.next()) else {
            continue;
        };
        let blocking = *blocking;
        let moved = &requests[blocking];
        fixed.near(reach_of(moved, config), &mut others);
        others.extend(
            footprints
                .iter()
                .filter(|(other, _)| *other != blocking)
                .flat_map(|(_, footprint)| footprint.iter().copied()),
        );
        others.extend(config.taken(&candidate));
        let elsewhere = candidates(moved, config)
            .find(|alternative| fits(alternative, &others, bounds, config));
        if let Some(alternative) = elsewhere {
            placements[blocking] = Some(alternative);
            placements[index] = Some(candidate);
            return;
        }
    }
}

/// Every candidate box of `request` (and its leader) lies within this
/// rectangle, padding included.
fn reach_of(request: &LabelRequest, config: PlacementConfig) -> Rect {
    let (width, height) = request.size;
    let distance = config.reach(request.anchor_radius);
    let margin = config.padding + 1.0;
    Rect::new(
        request.anchor.x - distance - width - margin,
        request.anchor.y - distance - height - margin,
        request.anchor.x + distance + width + margin,
        request.anchor.y + distance + height + margin,
    )
}

/// Fixed obstacles sorted by their left edge, to find those in reach by a
/// binary search.
struct Obstacles<'a> {
    by_left: Vec<&'a Rect>,
    widest: f64,
}

impl<'a> Obstacles<'a> {
    fn new(obstacles: &'a [Rect]) -> Self {
        let all: Vec<&Rect> = obstacles.iter().collect();
        let by_left = sorted_by(&all, |rect| (float_key(rect.left), 0, 0));
        let widest = by_left.iter().map(|rect| rect.width()).fold(0.0, f64::max);
        Self { by_left, widest }
    }

    /// Replaces `out` with the obstacles that intersect `reach`.
    fn near(&self, reach: Rect, out: &mut Vec<Rect>) {
        let first = self
            .by_left
            .partition_point(|rect| rect.left < reach.left - self.widest);
        out.clear();
        out.extend(
            self.by_left[first..]
                .iter()
                .take_while(|rect| rect.left <= reach.right)
                .filter(|rect| rect.intersects(&reach))
                .map(|rect| **rect),
        );
    }
}
