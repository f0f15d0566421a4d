use param_scale::geometry::{Point, Rect};
use param_scale::labels::{place_labels, place_labels_near, LabelRequest, PlacementConfig};

fn request(x: f64, y: f64, width: f64) -> LabelRequest {
    LabelRequest {
        anchor: Point::new(x, y),
        anchor_radius: 4.0,
        size: (width, 12.0),
    }
}

fn marker(x: f64, y: f64) -> Rect {
    Rect::around(Point::new(x, y), 5.0)
}

#[test]
fn a_lone_label_sits_to_the_right_of_its_point() {
    let bounds = Rect::new(0.0, 0.0, 400.0, 300.0);
    let placed = place_labels(
        &[request(100.0, 100.0, 50.0)],
        &[marker(100.0, 100.0)],
        bounds,
        PlacementConfig::default(),
    );
    let rect = placed[0].expect("placed").rect;
    assert!(rect.left > 100.0 && rect.center().y == 100.0, "{rect:?}");
}

#[test]
fn a_label_at_the_right_edge_moves_to_the_left_of_its_point() {
    let bounds = Rect::new(0.0, 0.0, 400.0, 300.0);
    let placed = place_labels(
        &[request(390.0, 100.0, 50.0)],
        &[marker(390.0, 100.0)],
        bounds,
        PlacementConfig::default(),
    );
    let rect = placed[0].expect("placed").rect;
    assert!(rect.right < 390.0, "{rect:?}");
}

#[test]
fn a_label_that_fits_nowhere_is_left_out() {
    let bounds = Rect::new(0.0, 0.0, 40.0, 40.0);
    let placed = place_labels(
        &[request(20.0, 20.0, 200.0)],
        &[marker(20.0, 20.0)],
        bounds,
        PlacementConfig::default(),
    );
    assert_eq!(placed, vec![None]);
}

/// A small deterministic generator, so that crowded scenes are reproducible.
fn scatter(seed: u64, n_points: usize) -> Vec<(f64, f64)> {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as f64) / f64::from(u32::MAX)
    };
    (0..n_points)
        .map(|_| (10.0 + next() * 580.0, 10.0 + next() * 380.0))
        .collect()
}

#[test]
fn in_crowded_scenes_placed_labels_overlap_neither_each_other_nor_points_nor_leave_the_bounds() {
    let bounds = Rect::new(0.0, 0.0, 600.0, 400.0);
    for (seed, n_points) in [(1, 10), (2, 40), (3, 80), (4, 200)] {
        let points = scatter(seed, n_points);
        let obstacles: Vec<Rect> = points.iter().map(|(x, y)| marker(*x, *y)).collect();
        let requests: Vec<LabelRequest> = points
            .iter()
            .enumerate()
            .map(|(index, (x, y))| request(*x, *y, 30.0 + (index % 5) as f64 * 12.0))
            .collect();
        let placed: Vec<Rect> =
            place_labels(&requests, &obstacles, bounds, PlacementConfig::default())
                .into_iter()
                .flatten()
                .map(|placement| placement.rect)
                .collect();
        assert!(!placed.is_empty(), "seed {seed}: nothing placed");
        for (index, rect) in placed.iter().enumerate() {
            assert!(
                bounds.contains_rect(rect),
                "seed {seed}: {rect:?} leaves the bounds"
            );
            for obstacle in &obstacles {
                assert!(
                    !rect.intersects(obstacle),
                    "seed {seed}: {rect:?} covers a point {obstacle:?}"
                );
            }
            for other in &placed[index + 1..] {
                assert!(
                    !rect.intersects(other),
                    "seed {seed}: {rect:?} overlaps {other:?}"
                );
            }
        }
    }
}

#[test]
fn placing_against_only_the_obstacles_in_reach_gives_what_placing_against_all_gives() {
    let bounds = Rect::new(0.0, 0.0, 600.0, 400.0);
    // (seed, points, of which labelled, obstacles off the chart too).
    let cases = [
        (5, 30, 30, false),
        (6, 400, 60, false),
        (7, 3000, 40, false),
        (8, 3000, 40, true),
        (9, 1, 1, false),
        (10, 0, 0, false),
    ];
    for (seed, n_points, n_labels, far) in cases {
        let points = scatter(seed, n_points);
        let mut obstacles: Vec<Rect> = points.iter().map(|(x, y)| marker(*x, *y)).collect();
        if far {
            // Obstacles far outside the chart, wide ones and a degenerate one.
            obstacles.push(Rect::new(-5_000.0, -5_000.0, -4_000.0, 9_000.0));
            obstacles.push(Rect::new(100.0, 100.0, 100.0, 100.0));
            obstacles.push(Rect::new(0.0, 190.0, 600.0, 210.0));
            obstacles.push(Rect::new(f64::NAN, 0.0, 10.0, 10.0));
        }
        let requests: Vec<LabelRequest> = points
            .iter()
            .take(n_labels)
            .enumerate()
            .map(|(index, (x, y))| request(*x, *y, 30.0 + (index % 5) as f64 * 12.0))
            .collect();
        let everything = place_labels(&requests, &obstacles, bounds, PlacementConfig::default());
        let near = place_labels_near(&requests, &obstacles, bounds);
        assert_eq!(near, everything, "seed {seed}, {n_points} points");
    }
}

#[test]
fn a_label_left_out_pushes_one_placed_label_aside_or_stands_farther_off() {
    use param_scale::labels::place_the_rest;
    let bounds = Rect::new(0.0, 0.0, 400.0, 300.0);
    // A tight cluster of points: the later labels find no near position.
    let points: Vec<(f64, f64)> = (0..12)
        .map(|index| {
            (
                150.0 + (index % 4) as f64 * 11.0,
                120.0 + (index / 4) as f64 * 11.0,
            )
        })
        .collect();
    let obstacles: Vec<Rect> = points.iter().map(|(x, y)| marker(*x, *y)).collect();
    let requests: Vec<LabelRequest> = points.iter().map(|(x, y)| request(*x, *y, 40.0)).collect();
    let mut placed = place_labels_near(&requests, &obstacles, bounds);
    let before = placed.iter().flatten().count();
    place_the_rest(&requests, &mut placed, &obstacles, &[], bounds);
    let rects: Vec<Rect> = placed
        .iter()
        .flatten()
        .map(|placement| placement.rect)
        .collect();
    assert!(rects.len() > before, "{before} → {}", rects.len());
    for (index, rect) in rects.iter().enumerate() {
        assert!(bounds.contains_rect(rect));
        assert!(obstacles.iter().all(|obstacle| !obstacle.intersects(rect)));
        assert!(rects[index + 1..]
            .iter()
            .all(|other| !other.intersects(rect)));
    }
}

/// Points and the widths of their labels.
type Scene = (&'static [(f64, f64)], &'static [f64]);

#[test]
fn a_label_the_given_order_leaves_out_gets_the_first_pick_and_then_every_label_fits() {
    use param_scale::labels::{left_out_first, place_labels_most, place_the_rest};
    let bounds = Rect::new(0.0, 0.0, 120.0, 60.0);
    // Scenes found by a search (labels whose leaders other labels keep clear of):
    // (points, label widths); in the given order one label is left out, and placed
    // first it leaves room for all.
    let scenes: [Scene; 2] = [
        (
            &[
                (34.0, 18.0),
                (12.0, 31.0),
                (30.0, 10.0),
                (13.0, 29.0),
                (28.0, 13.0),
            ],
            &[22.0, 31.0, 31.0, 28.0, 24.0],
        ),
        (
            &[
                (44.0, 14.0),
                (22.0, 19.0),
                (41.0, 10.0),
                (42.0, 16.0),
                (31.0, 26.0),
            ],
            &[31.0, 28.0, 37.0, 32.0, 32.0],
        ),
    ];
    for (points, widths) in scenes {
        let obstacles: Vec<Rect> = points.iter().map(|(x, y)| marker(*x, *y)).collect();
        let requests: Vec<LabelRequest> = points
            .iter()
            .zip(widths)
            .map(|((x, y), width)| request(*x, *y, *width))
            .collect();
        let mut given = place_labels_near(&requests, &obstacles, bounds);
        place_the_rest(&requests, &mut given, &obstacles, &[], bounds);
        let left_out = given.iter().filter(|placement| placement.is_none()).count();
        assert_eq!(left_out, 1, "{points:?}: the given order leaves one out");
        for placed in [
            left_out_first(
                &requests,
                (&obstacles, &[]),
                bounds,
                given.clone(),
                PlacementConfig::default(),
            ),
            place_labels_most(
                &requests,
                (&obstacles, &[]),
                bounds,
                PlacementConfig::default(),
            ),
        ] {
            let rects: Vec<Rect> = placed
                .iter()
                .flatten()
                .map(|placement| placement.rect)
                .collect();
            assert_eq!(rects.len(), points.len(), "{points:?}: {placed:?}");
            for (index, rect) in rects.iter().enumerate() {
                assert!(bounds.contains_rect(rect));
                assert!(obstacles.iter().all(|obstacle| !obstacle.intersects(rect)));
                assert!(rects[index + 1..]
                    .iter()
                    .all(|other| !other.intersects(rect)));
            }
        }
    }
}
