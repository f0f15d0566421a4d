use param_scale::embedded::{models, stages};
use param_scale::geometry::Point;
use param_scale::hit::{nearest, step, targets, Step, Target};
use param_scale::i18n::Lang;
use param_scale::interaction::{Input, Interaction};
use param_scale::layout::{compute_layout, EstimatedText, LayoutConfig, View};
use param_scale::options::{Hidden, Series};

fn target(model_index: usize, x: f64, y: f64) -> Target {
    Target {
        model_index,
        at: Point::new(x, y),
        claim: false,
    }
}

#[test]
fn the_nearest_target_within_the_radius_is_found_and_ties_go_to_the_earlier() {
    let targets = [
        target(0, 100.0, 100.0),
        target(1, 120.0, 100.0),
        target(2, 300.0, 300.0),
    ];
    let cases = [
        (Point::new(101.0, 101.0), 20.0, Some(0)),
        (Point::new(118.0, 100.0), 20.0, Some(1)),
        (Point::new(110.0, 100.0), 20.0, Some(0)),
        (Point::new(200.0, 200.0), 20.0, None),
        (Point::new(300.0, 321.0), 20.0, None),
        (Point::new(300.0, 321.0), 32.0, Some(2)),
    ];
    for (at, radius, expected) in cases {
        assert_eq!(
            nearest(&targets, at, radius).map(|found| found.model_index),
            expected,
            "{at:?} r={radius}"
        );
    }
}

#[test]
fn arrow_keys_walk_in_date_order_and_up_down_jump_to_the_nearest_above_or_below() {
    // In keyboard order; y grows downwards.
    let targets = [
        target(10, 0.0, 50.0),
        target(11, 10.0, 40.0),
        target(12, 20.0, 10.0),
        target(13, 30.0, 45.0),
    ];
    let cases = [
        (None, Step::Next, Some(10)),
        (None, Step::Previous, Some(13)),
        (Some(10), Step::Next, Some(11)),
        (Some(11), Step::Previous, Some(10)),
        (Some(10), Step::Previous, Some(10)),
        (Some(13), Step::Next, Some(13)),
        (Some(11), Step::First, Some(10)),
        (Some(11), Step::Last, Some(13)),
        (Some(13), Step::Up, Some(11)),
        (Some(11), Step::Up, Some(12)),
        (Some(12), Step::Up, Some(12)),
        (Some(11), Step::Down, Some(10)),
        (Some(12), Step::Down, Some(11)),
        (Some(10), Step::Down, Some(10)),
    ];
    for (current, key, expected) in cases {
        assert_eq!(
            step(&targets, current.map(|index| (index, false)), key).map(|found| found.model_index),
            expected,
            "{current:?} {key:?}"
        );
    }
}

#[test]
fn hover_tap_and_keys_move_the_active_model_as_a_reader_expects() {
    let targets = [target(0, 100.0, 100.0), target(1, 200.0, 100.0)];
    let idle = Interaction::default();
    let hovering = Interaction {
        active: Some(0),
        pinned: false,
        claim: false,
    };
    let pinned = Interaction {
        active: Some(1),
        pinned: true,
        claim: false,
    };
    let cases = [
        (idle, Input::PointerMove(Point::new(105.0, 100.0)), hovering),
        (hovering, Input::PointerMove(Point::new(150.0, 150.0)), idle),
        (hovering, Input::PointerLeave, idle),
        (
            idle,
            Input::Tap {
                at: Point::new(200.0, 128.0),
                touch: true,
            },
            pinned,
        ),
        (
            idle,
            Input::Tap {
                at: Point::new(200.0, 128.0),
                touch: false,
            },
            idle,
        ),
        (pinned, Input::PointerMove(Point::new(100.0, 100.0)), pinned),
        (pinned, Input::PointerLeave, pinned),
        (
            pinned,
            Input::Tap {
                at: Point::new(500.0, 500.0),
                touch: true,
            },
            idle,
        ),
        (pinned, Input::Clear, idle),
        (
            hovering,
            Input::Pin,
            Interaction {
                active: Some(0),
                pinned: true,
                claim: false,
            },
        ),
        (idle, Input::Pin, idle),
        (
            hovering,
            Input::Key(Step::Next),
            Interaction {
                active: Some(1),
                pinned: false,
                claim: false,
            },
        ),
    ];
    for (before, input, after) in cases {
        assert_eq!(
            before.apply(input, &targets),
            after,
            "{before:?} + {input:?}"
        );
    }
}

#[test]
fn hidden_models_are_not_targets_so_they_cannot_be_hovered() {
    let mut hidden = Hidden::default();
    hidden.set(Series::Region(param_scale::dataset::Region::China), true);
    let layout = compute_layout(
        models(),
        stages(),
        LayoutConfig {
            width: 960.0,
            height: 600.0,
            lang: Lang::Zh,
            view: View {
                hidden,
                range: None,
                ..View::default()
            },
            title: true,
            brush: false,
        },
        &EstimatedText,
    );
    let all = targets(&layout, models());
    assert!(!all.is_empty());
    for one in &all {
        assert_ne!(models()[one.model_index].country, "CN");
    }
    let focused_chinese = models()
        .iter()
        .position(|model| model.id == "gpt-3")
        .map(|index| Interaction {
            active: Some(index),
            pinned: true,
            claim: false,
        });
    let pangu = models()
        .iter()
        .position(|model| model.id == "pangu-alpha")
        .map(|index| Interaction {
            active: Some(index),
            pinned: true,
            claim: false,
        });
    assert_eq!(
        focused_chinese.map(|state| state.retain(&all)),
        focused_chinese
    );
    assert_eq!(
        pangu.map(|state| state.retain(&all)),
        Some(Interaction::default())
    );
}

#[test]
fn a_keyboard_walk_visits_every_visible_model_once_in_date_order() {
    let layout = super::english_layout(models());
    let all = targets(&layout, models());
    let mut visited = Vec::new();
    let mut state = Interaction::default();
    for _ in 0..all.len() {
        state = state.apply(Input::Key(Step::Next), &all);
        visited.push(state.active.expect("active"));
    }
    assert_eq!(visited.len(), models().len());
    let mut unique = visited.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), models().len(), "a model was visited twice");
    for pair in visited.windows(2) {
        assert!(models()[pair[0]].date <= models()[pair[1]].date);
    }
}

#[test]
fn a_finger_taps_only_alone_and_still_and_never_after_a_cancel() {
    use param_scale::interaction::Finger;
    /// What happens to the fingers on the chart.
    #[derive(Clone, Copy)]
    enum Event {
        Down { x: f64, primary: bool },
        Move { x: f64 },
        Up { x: f64 },
        Cancel,
    }
    use Event::{Cancel, Down, Move, Up};
    let first = |x| Down { x, primary: true };
    let second = |x| Down { x, primary: false };
    // (events, the taps they make, by x).
    let cases: [(&[Event], &[f64]); 8] = [
        (&[first(100.0), Up { x: 100.0 }], &[100.0]),
        (
            &[first(100.0), Move { x: 106.0 }, Up { x: 108.0 }],
            &[108.0],
        ),
        // A swipe the page did not scroll (sideways): no tap where it ends.
        (
            &[
                first(100.0),
                Move { x: 140.0 },
                Move { x: 100.0 },
                Up { x: 100.0 },
            ],
            &[],
        ),
        (&[first(100.0), Up { x: 120.0 }], &[]),
        // A pinch: neither finger taps as it lifts.
        (
            &[
                first(100.0),
                second(200.0),
                Up { x: 100.0 },
                Up { x: 200.0 },
            ],
            &[],
        ),
        // The page scrolled: the browser cancelled the touch.
        (&[first(100.0), Cancel, Up { x: 100.0 }], &[]),
        // A tap after a pinch is a tap again.
        (
            &[
                first(100.0),
                second(200.0),
                Up { x: 100.0 },
                Up { x: 200.0 },
                first(50.0),
                Up { x: 50.0 },
            ],
            &[50.0],
        ),
        (
            &[first(100.0), Up { x: 100.0 }, first(300.0), Up { x: 302.0 }],
            &[100.0, 302.0],
        ),
    ];
    for (events, expected) in cases {
        let mut finger = Finger::default();
        let mut taps = Vec::new();
        for event in events {
            finger = match *event {
                Down { x, primary } => finger.down(Point::new(x, 50.0), primary),
                Move { x } => finger.moved(Point::new(x, 50.0)),
                Up { x } => {
                    let (after, tap) = finger.up(Point::new(x, 50.0));
                    taps.extend(tap.map(|at| at.x));
                    after
                }
                Cancel => finger.cancel(),
            };
        }
        assert_eq!(taps, expected, "{} events", events.len());
    }
}
