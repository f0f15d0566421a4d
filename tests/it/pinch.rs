use param_scale::geometry::{Point, Rect};
use param_scale::options::YearRange;
use param_scale::pinch::{on_plot, Pinch};

/// The data's years in these cases: 2017 to 2026.
const DATA: (u16, u16) = (2017, 2026);

/// The whole data on a plot from x = 100 to 600: 50 px a year.
const WHOLE: ((f64, f64), (f64, f64)) = ((2017.0, 2027.0), (100.0, 600.0));
/// 2020 to 2022 on a plot from x = 100 to 400: 100 px a year.
const ZOOMED: ((f64, f64), (f64, f64)) = ((2020.0, 2023.0), (100.0, 400.0));

#[test]
fn a_pinch_keeps_the_years_under_the_fingers_and_clamps_to_the_data() {
    // (view, fingers at the start, fingers now) → fractional years.
    let cases = [
        // Apart to twice the spread around 2022.0: half the years around it.
        (WHOLE, (325.0, 375.0), (300.0, 400.0), (2019.5, 2024.5)),
        // Together to half the spread around 2021.5: twice the years.
        (ZOOMED, (200.0, 300.0), (225.0, 275.0), (2018.5, 2024.5)),
        // Together far beyond the data: all of it.
        (WHOLE, (300.0, 400.0), (340.0, 360.0), (2017.0, 2027.0)),
        // Apart far beyond a year: one year, its middle where it was.
        (WHOLE, (340.0, 360.0), (100.0, 600.0), (2021.5, 2022.5)),
        // Fingers one above the other count as 40 px apart.
        (WHOLE, (349.0, 351.0), (330.0, 370.0), (2017.0, 2027.0)),
        // Both fingers moved right by 100 px, same spread: a pan back in time.
        (ZOOMED, (200.0, 300.0), (300.0, 400.0), (2019.0, 2022.0)),
        // Panned past the data's first year: stopped there, width kept.
        (ZOOMED, (150.0, 200.0), (500.0, 550.0), (2017.0, 2020.0)),
    ];
    for ((domain, plot), start, now, expected) in cases {
        let pinch = Pinch {
            domain,
            plot,
            start,
        };
        let (low, high) = pinch.years(now, DATA);
        assert!(
            (low - expected.0).abs() < 1e-9 && (high - expected.1).abs() < 1e-9,
            "{domain:?} fingers {start:?} → {now:?}: {low}–{high}, expected {expected:?}"
        );
    }
}

#[test]
fn a_pinch_gives_whole_years_outwards_and_nothing_for_a_resting_hand() {
    let range = |from, to| Some(YearRange { from, to });
    let cases = [
        (WHOLE, (325.0, 375.0), (300.0, 400.0), range(2019, 2024)),
        (ZOOMED, (200.0, 300.0), (225.0, 275.0), range(2018, 2024)),
        (WHOLE, (300.0, 400.0), (340.0, 360.0), range(2017, 2026)),
        (WHOLE, (340.0, 360.0), (100.0, 600.0), range(2021, 2022)),
        (ZOOMED, (150.0, 200.0), (500.0, 550.0), range(2017, 2019)),
        // A two-finger tap, and fingers that barely moved: no zoom.
        (WHOLE, (300.0, 400.0), (300.0, 400.0), None),
        (WHOLE, (300.0, 400.0), (303.0, 398.0), None),
        // 10 % wider is a zoom.
        (WHOLE, (300.0, 400.0), (295.0, 405.0), range(2017, 2026)),
        (ZOOMED, (200.0, 300.0), (195.0, 305.0), range(2020, 2022)),
    ];
    for ((domain, plot), start, now, expected) in cases {
        let pinch = Pinch {
            domain,
            plot,
            start,
        };
        assert_eq!(
            pinch.range(now, DATA),
            expected,
            "{domain:?} fingers {start:?} → {now:?}"
        );
    }
}

#[test]
fn a_pinch_is_the_charts_only_with_both_fingers_on_the_plot() {
    let plot = Rect::new(100.0, 50.0, 600.0, 400.0);
    let cases = [
        ((200.0, 200.0), (300.0, 220.0), true),
        ((100.0, 50.0), (600.0, 400.0), true),
        // One finger on the y axis's labels, or below the plot.
        ((80.0, 200.0), (300.0, 200.0), false),
        ((200.0, 200.0), (300.0, 420.0), false),
        ((20.0, 10.0), (30.0, 20.0), false),
    ];
    for (a, b, expected) in cases {
        assert_eq!(
            on_plot(plot, Point::new(a.0, a.1), Point::new(b.0, b.1)),
            expected,
            "{a:?} {b:?}"
        );
    }
}
