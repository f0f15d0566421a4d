//! The brush under the time axis: years to positions and back, clamps,
//! keyboard steps, drags of a thumb and of the span, and its years' texts.

use param_scale::brush::{label_lefts, track_position, Brush, BrushKey, Grip, Part, Thumb};
use param_scale::options::YearRange;

/// The data's years in these tests: nine, 2017 to 2025.
const YEARS: (u16, u16) = (2017, 2025);

fn brush(from: u16, to: u16) -> Brush {
    Brush::new(YEARS, Some(YearRange { from, to }))
}

fn years(brush: Brush) -> (u16, u16) {
    (brush.from, brush.to)
}

#[test]
fn a_brush_is_clamped_to_the_data_and_put_in_order() {
    type Years = (u16, u16);
    let cases: [(Option<Years>, Years); 5] = [
        (None, (2017, 2025)),
        (Some((2019, 2021)), (2019, 2021)),
        (Some((2021, 2019)), (2019, 2021)),
        (Some((2000, 2030)), (2017, 2025)),
        (Some((2030, 2031)), (2025, 2025)),
    ];
    for (range, expected) in cases {
        let range = range.map(|(from, to)| YearRange { from, to });
        assert_eq!(years(Brush::new(YEARS, range)), expected, "{range:?}");
    }
}

#[test]
fn the_whole_span_is_no_range_and_any_other_is_its_years() {
    assert_eq!(brush(2017, 2025).range(), None);
    for (from, to) in [(2017, 2024), (2018, 2025), (2020, 2020)] {
        assert_eq!(brush(from, to).range(), Some(YearRange { from, to }));
    }
}

#[test]
fn a_from_thumb_stands_at_its_years_start_and_a_to_thumb_at_its_years_end() {
    // Nine years: each is a ninth of the track.
    let cases = [
        ((2017, 2025), (0.0, 9.0)),
        ((2019, 2020), (2.0, 4.0)),
        ((2021, 2021), (4.0, 5.0)),
        ((2025, 2025), (8.0, 9.0)),
    ];
    for ((from, to), (start, end)) in cases {
        let brush = brush(from, to);
        let ninths = |thumb| brush.position(thumb) * 9.0;
        assert!((ninths(Thumb::From) - start).abs() < 1e-9, "{brush:?}");
        assert!((ninths(Thumb::To) - end).abs() < 1e-9, "{brush:?}");
    }
}

#[test]
fn a_thumb_brought_to_a_position_takes_the_nearest_year_boundary() {
    let ninth = 1.0 / 9.0;
    // (thumb, position in ninths, the brush's years after)
    let cases = [
        (Thumb::From, 2.0, (2019, 2023)),
        (Thumb::From, 2.4, (2019, 2023)),
        (Thumb::From, 2.6, (2020, 2023)),
        (Thumb::From, -3.0, (2017, 2023)),
        // The from thumb stops at the to thumb's year: one year is left.
        (Thumb::From, 8.0, (2023, 2023)),
        (Thumb::To, 7.0, (2018, 2023)),
        (Thumb::To, 6.6, (2018, 2023)),
        (Thumb::To, 6.4, (2018, 2022)),
        (Thumb::To, 12.0, (2018, 2025)),
        (Thumb::To, 0.0, (2018, 2018)),
    ];
    for (thumb, ninths, expected) in cases {
        let moved = brush(2018, 2023).thumb_to(thumb, ninths * ninth);
        assert_eq!(years(moved), expected, "{thumb:?} to {ninths}/9");
    }
}

#[test]
fn keys_step_a_year_five_years_or_to_the_datas_ends_and_never_cross() {
    use BrushKey::{Back, First, Forward, Last, PageBack, PageForward};
    // (range, thumb, key, range after)
    let cases = [
        ((2019, 2022), Thumb::From, Back, (2018, 2022)),
        ((2019, 2022), Thumb::From, Forward, (2020, 2022)),
        ((2019, 2022), Thumb::To, Back, (2019, 2021)),
        ((2019, 2022), Thumb::To, Forward, (2019, 2023)),
        ((2019, 2022), Thumb::From, PageBack, (2017, 2022)),
        ((2019, 2022), Thumb::From, PageForward, (2022, 2022)),
        ((2018, 2025), Thumb::To, PageBack, (2018, 2020)),
        ((2018, 2019), Thumb::To, PageForward, (2018, 2024)),
        ((2019, 2022), Thumb::From, First, (2017, 2022)),
        ((2019, 2022), Thumb::From, Last, (2022, 2022)),
        ((2019, 2022), Thumb::To, First, (2019, 2019)),
        ((2019, 2022), Thumb::To, Last, (2019, 2025)),
        ((2017, 2025), Thumb::From, Back, (2017, 2025)),
        ((2017, 2025), Thumb::To, Forward, (2017, 2025)),
        ((2020, 2020), Thumb::From, Forward, (2020, 2020)),
        ((2020, 2020), Thumb::To, Back, (2020, 2020)),
    ];
    for ((from, to), thumb, key, expected) in cases {
        let after = brush(from, to).key(thumb, key);
        assert_eq!(
            years(after),
            expected,
            "{key:?} on {thumb:?} of {from}–{to}"
        );
    }
}

#[test]
fn each_thumb_may_go_from_the_datas_end_to_the_other_thumb() {
    let brush = brush(2019, 2022);
    assert_eq!(brush.bounds(Thumb::From), (2017, 2022));
    assert_eq!(brush.bounds(Thumb::To), (2019, 2025));
    assert_eq!(brush.value(Thumb::From), 2019);
    assert_eq!(brush.value(Thumb::To), 2022);
}

#[test]
fn a_press_on_the_track_brings_the_nearer_thumb_at_once_for_a_mouse_and_on_lifting_for_a_finger() {
    let ninth = 1.0 / 9.0;
    // (position in ninths, the brush after a mouse press, after a tap)
    let cases = [
        (0.2, (2017, 2022)),
        (2.8, (2020, 2022)),
        // Between the thumbs (3 and 6), each side of the middle.
        (4.2, (2021, 2022)),
        (4.8, (2020, 2021)),
        (8.7, (2020, 2025)),
    ];
    for (ninths, expected) in cases {
        let start = brush(2020, 2022);
        let position = ninths * ninth;
        let (pressed, grip) = start.press(Part::Track, position, false);
        assert_eq!(years(pressed), expected, "mouse at {ninths}/9");
        assert!(matches!(grip, Grip::Thumb { .. }));
        let (touched, grip) = start.press(Part::Track, position, true);
        assert_eq!(touched, start, "a finger moves nothing until it lifts");
        assert_eq!(grip, Grip::Tap);
        assert_eq!(touched.drag(grip, position + ninth), start);
        assert_eq!(
            years(touched.release(grip, position)),
            expected,
            "tap at {ninths}/9"
        );
    }
}

#[test]
fn a_thumb_dragged_keeps_where_it_was_held() {
    let ninth = 1.0 / 9.0;
    let start = brush(2019, 2022);
    // Held a little right of its centre, at 2.3 ninths: dragging by whole
    // years moves it by those years, the offset kept.
    let (pressed, grip) = start.press(Part::Thumb(Thumb::From), 2.3 * ninth, false);
    assert_eq!(pressed, start, "pressing a thumb moves nothing");
    let cases = [
        (2.3, (2019, 2022)),
        (3.3, (2020, 2022)),
        (0.3, (2017, 2022)),
        (9.0, (2022, 2022)),
    ];
    for (ninths, expected) in cases {
        assert_eq!(
            years(start.drag(grip, ninths * ninth)),
            expected,
            "at {ninths}/9"
        );
    }
}

#[test]
fn the_span_dragged_moves_the_range_by_whole_years_and_keeps_its_width() {
    let ninth = 1.0 / 9.0;
    let start = brush(2019, 2021);
    let (pressed, grip) = start.press(Part::Span, 3.5 * ninth, false);
    assert_eq!(pressed, start);
    // (pointer at, in ninths; the range after)
    let cases = [
        (3.5, (2019, 2021)),
        (4.4, (2020, 2022)),
        (5.6, (2021, 2023)),
        (2.5, (2018, 2020)),
        // Stopped at the data's ends, three years wide still.
        (0.0, (2017, 2019)),
        (9.0, (2023, 2025)),
    ];
    for (ninths, expected) in cases {
        // The drag counts from the press, whatever the brush shows now.
        let dragged = brush(2017, 2025).drag(grip, ninths * ninth);
        assert_eq!(years(dragged), expected, "at {ninths}/9");
    }
}

#[test]
fn no_drag_or_key_ever_crosses_the_thumbs_or_leaves_the_data() {
    let parts = [
        Part::Thumb(Thumb::From),
        Part::Thumb(Thumb::To),
        Part::Span,
        Part::Track,
    ];
    let keys = [
        BrushKey::Back,
        BrushKey::Forward,
        BrushKey::PageBack,
        BrushKey::PageForward,
        BrushKey::First,
        BrushKey::Last,
    ];
    let ok = |brush: Brush| YEARS.0 <= brush.from && brush.from <= brush.to && brush.to <= YEARS.1;
    for (from, to) in [(2017, 2025), (2020, 2020), (2018, 2023), (2024, 2025)] {
        let start = brush(from, to);
        for part in parts {
            for press in 0..=10 {
                let (pressed, grip) = start.press(part, f64::from(press) / 10.0, false);
                assert!(ok(pressed), "{pressed:?}");
                for to in -3..=13 {
                    let dragged = pressed.drag(grip, f64::from(to) / 10.0);
                    assert!(ok(dragged), "{part:?} from {press} to {to}: {dragged:?}");
                }
            }
        }
        for thumb in Thumb::BOTH {
            for key in keys {
                assert!(ok(start.key(thumb, key)), "{key:?} on {thumb:?}");
            }
        }
    }
}

#[test]
fn a_pointer_position_is_a_fraction_of_the_track_and_stops_at_its_ends() {
    let cases = [
        (100.0, 0.0),
        (150.0, 0.25),
        (300.0, 1.0),
        (40.0, 0.0),
        (400.0, 1.0),
    ];
    for (x, expected) in cases {
        assert!(
            (track_position(x, 100.0, 200.0) - expected).abs() < 1e-9,
            "{x}"
        );
    }
    assert_eq!(track_position(50.0, 0.0, 0.0), 0.0, "a track of no width");
}

#[test]
fn the_years_texts_sit_under_their_thumbs_apart_and_within_the_chart() {
    const GAP: f64 = 8.0;
    // (thumbs' x, texts' widths, limits)
    let cases = [
        // Room enough: each centred under its thumb.
        ((50.0, 200.0), (26.0, 26.0), (-40.0, 320.0)),
        // Thumbs close: the texts pushed apart.
        ((100.0, 110.0), (26.0, 26.0), (-40.0, 320.0)),
        ((100.0, 100.0), (26.0, 30.0), (-40.0, 320.0)),
        // At the ends: kept within the limits, still apart.
        ((0.0, 5.0), (26.0, 26.0), (-10.0, 320.0)),
        ((300.0, 300.0), (26.0, 26.0), (-40.0, 305.0)),
    ];
    for (xs, widths, limits) in cases {
        let (from, to) = label_lefts(xs, widths, GAP, limits);
        let case = format!("{xs:?} {widths:?} {limits:?} gave {from}, {to}");
        assert!(from + widths.0 + GAP <= to + 1e-9, "overlap: {case}");
        assert!(
            from >= limits.0 - 1e-9 && to + widths.1 <= limits.1 + 1e-9,
            "outside: {case}"
        );
        let room = xs.1 - xs.0 >= (widths.0 + widths.1) / 2.0 + GAP;
        let inside = xs.0 - widths.0 / 2.0 >= limits.0 && xs.1 + widths.1 / 2.0 <= limits.1;
        if room && inside {
            assert!(
                (from + widths.0 / 2.0 - xs.0).abs() < 1e-9,
                "not centred: {case}"
            );
            assert!(
                (to + widths.1 / 2.0 - xs.1).abs() < 1e-9,
                "not centred: {case}"
            );
        }
    }
}

#[test]
fn the_layout_leaves_the_brush_room_under_the_year_labels_as_wide_as_the_plot() {
    use param_scale::boxes::layout_boxes;
    use param_scale::embedded::{models, stages};
    use param_scale::i18n::Lang;
    use param_scale::layout::{compute_layout, EstimatedText, LayoutConfig, View, BRUSH_HEIGHT};
    for lang in Lang::ALL {
        for (width, height) in [(320.0, 520.0), (390.0, 600.0), (1280.0, 760.0)] {
            let config = LayoutConfig {
                width,
                height,
                lang,
                view: View::default(),
                title: false,
                brush: true,
            };
            let layout = compute_layout(models(), stages(), config, &EstimatedText);
            let case = format!("{lang:?} {width}×{height}");
            let brush = layout.brush.unwrap_or_else(|| panic!("no brush: {case}"));
            assert_eq!(
                (brush.left, brush.right),
                (layout.plot.left, layout.plot.right),
                "{case}"
            );
            assert!((brush.height() - BRUSH_HEIGHT).abs() < 1e-9, "{case}");
            assert!(
                brush.top > layout.plot.bottom && brush.bottom <= height,
                "{case}"
            );
            // No text (the years below the axis, the source line) and no
            // mark is under the brush.
            for drawn in layout_boxes(&layout, &EstimatedText) {
                assert!(
                    !drawn.rect.intersects(&brush),
                    "{case}: {drawn:?} under the brush"
                );
            }
            let without = compute_layout(
                models(),
                stages(),
                LayoutConfig {
                    brush: false,
                    ..config
                },
                &EstimatedText,
            );
            assert_eq!(without.brush, None, "{case}");
            assert!(without.plot.bottom > layout.plot.bottom, "{case}");
        }
    }
}

#[test]
fn the_pages_chart_is_taller_by_the_brushs_room_in_every_height_rule() {
    use param_scale::layout::BRUSH_ROOM;
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/style.css"))
        .expect("www/style.css");
    let room = format!("+ {BRUSH_ROOM}px)");
    // The chart's height and the story's stage height, each on a wide
    // screen and on a phone (where the screen's height caps it too).
    let rules: Vec<&str> = css
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with("height: clamp("))
        .collect();
    assert_eq!(rules.len(), 4, "{rules:?}");
    for rule in rules {
        let growing_terms = rule.matches("vw").count() + rule.matches("vh").count();
        assert_eq!(
            rule.matches(&room).count(),
            growing_terms,
            "{rule} lacks {room}"
        );
    }
}
