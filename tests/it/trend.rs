use param_scale::trend::Trend;

#[test]
fn a_tenfold_growth_every_year_doubles_in_about_three_point_six_months() {
    let trend = Trend::fit([(2018.0, 1e9), (2019.0, 1e10), (2020.0, 1e11)]).expect("fit");
    assert!((trend.slope - 1.0).abs() < 1e-12);
    assert!((trend.doubling_months() - 12.0 * 2f64.log10()).abs() < 1e-9);
    assert!((trend.params_at(2021.0) / 1e12 - 1.0).abs() < 1e-9);
    assert_eq!(trend.span, (2018.0, 2020.0));
}

#[test]
fn a_doubling_every_year_doubles_in_twelve_months() {
    let trend = Trend::fit((0..6).map(|step| (2017.0 + f64::from(step), 1e8 * 2f64.powi(step))))
        .expect("fit");
    assert!((trend.doubling_months() - 12.0).abs() < 1e-9);
}

#[test]
fn no_trend_is_fitted_without_growth_or_without_two_distinct_years() {
    let cases: Vec<Vec<(f64, f64)>> = vec![
        vec![],
        vec![(2020.0, 1e9)],
        vec![(2020.0, 1e9), (2020.0, 1e10)],
        vec![(2020.0, 1e10), (2021.0, 1e9)],
        vec![(2020.0, 0.0), (2021.0, -5.0)],
    ];
    for points in cases {
        assert!(Trend::fit(points.clone()).is_none(), "{points:?}");
    }
}
