//! The grid of where blockers certainly are (`param_scale::occupancy`): it
//! turns a box away only when the box certainly meets a blocker.

use param_scale::geometry::Rect;
use param_scale::occupancy::Occupancy;
use proptest::prelude::{prop_assert, proptest, ProptestConfig, Strategy};

const AREA: Rect = Rect::new(10.0, 20.0, 210.0, 170.0);

#[test]
fn a_box_is_turned_away_only_when_it_wholly_holds_a_cell_inside_a_blocker() {
    let blockers = [
        Rect::new(50.0, 50.0, 60.0, 58.0),
        Rect::new(150.5, 99.5, 153.5, 102.5),
    ];
    let grid = Occupancy::new(AREA, 2.0, blockers);
    // (box, certainly meets a blocker)
    let cases = [
        (Rect::new(40.0, 40.0, 70.0, 70.0), true),
        (Rect::new(52.0, 52.0, 54.0, 54.0), true),
        // Overlaps the first blocker, but by less than a whole cell: left
        // to the exact test.
        (Rect::new(59.0, 40.0, 80.0, 70.0), false),
        // Touches the first blocker's edge only.
        (Rect::new(60.0, 40.0, 80.0, 70.0), false),
        (Rect::new(100.0, 100.0, 140.0, 120.0), false),
        // The second blocker (150.5–153.5 across) holds no whole cell: the
        // cells start at the area's left, 10 (150–152, 152–154).
        (Rect::new(140.0, 90.0, 160.0, 110.0), false),
        // Outside the grid altogether.
        (Rect::new(300.0, 300.0, 320.0, 320.0), false),
        (Rect::new(-50.0, -50.0, 0.0, 0.0), false),
    ];
    for (probe, expected) in cases {
        assert_eq!(grid.certainly_meets(&probe), expected, "{probe:?}");
    }
}

fn rect_in(span: (f64, f64)) -> impl Strategy<Value = Rect> {
    (span.0..span.1, span.0..span.1, 0.0..40.0_f64, 0.0..30.0_f64)
        .prop_map(|(left, top, width, height)| Rect::new(left, top, left + width, top + height))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn whatever_the_blockers_a_box_turned_away_meets_one_of_them(
        blockers in proptest::collection::vec(rect_in((0.0, 200.0)), 0..40),
        probes in proptest::collection::vec(rect_in((-20.0, 220.0)), 1..40),
        cell in 0.5..6.0_f64,
    ) {
        let grid = Occupancy::new(AREA, cell, blockers.iter().copied());
        for probe in &probes {
            if grid.certainly_meets(probe) {
                prop_assert!(
                    blockers.iter().any(|blocker| blocker.intersects(probe)),
                    "{probe:?} turned away but meets none of {blockers:?}"
                );
            }
        }
    }
}
