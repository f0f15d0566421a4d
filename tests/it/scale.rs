use param_scale::scale::{LinearScale, LogScale};

#[test]
fn a_linear_scale_maps_its_domain_onto_its_range_and_back() {
    let scale = LinearScale::new((2017.0, 2026.0), (100.0, 1000.0));
    for (value, pixel) in [(2017.0, 100.0), (2026.0, 1000.0), (2021.5, 550.0)] {
        assert!((scale.map(value) - pixel).abs() < 1e-9);
        assert!((scale.invert(pixel) - value).abs() < 1e-9);
    }
}

#[test]
fn a_log_scale_is_linear_in_powers_of_ten_with_y_growing_downwards() {
    let scale = LogScale::new((1e8, 1e14), (600.0, 0.0));
    for (value, pixel) in [(1e8, 600.0), (1e14, 0.0), (1e11, 300.0), (1e9, 500.0)] {
        assert!((scale.map(value) - pixel).abs() < 1e-9, "{value}");
        assert!((scale.invert(pixel) / value - 1.0).abs() < 1e-9, "{pixel}");
    }
    assert_eq!(scale.ticks(), vec![1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14]);
}

#[test]
fn a_nice_log_domain_spans_whole_powers_of_ten_plus_a_margin() {
    let cases = [
        (vec![117e6, 14.5e12], 2.0, 0.0, (1e8, 1e14)),
        (vec![5e9], 2.0, 0.0, (1e9, 1e11)),
        (vec![5e9, 7e9], 3.0, 0.0, (1e8, 1e11)),
        (vec![5e7, f64::NAN, -1.0, 2e11], 2.0, 0.0, (1e7, 1e12)),
        (vec![], 2.0, 0.5, (10f64.powf(7.5), 10f64.powf(12.5))),
    ];
    for (values, minimum, margin, expected) in cases {
        let domain = LogScale::nice_domain(values.clone(), minimum, margin);
        assert!(
            (domain.0 / expected.0 - 1.0).abs() < 1e-9
                && (domain.1 / expected.1 - 1.0).abs() < 1e-9,
            "{values:?}: {domain:?}"
        );
    }
}

#[test]
fn integer_ticks_fall_on_multiples_of_the_step_inside_the_domain() {
    let scale = LinearScale::new((2017.3, 2026.0), (0.0, 1.0));
    assert_eq!(
        scale.integer_ticks(1),
        vec![2018.0, 2019.0, 2020.0, 2021.0, 2022.0, 2023.0, 2024.0, 2025.0, 2026.0]
    );
    assert_eq!(
        scale.integer_ticks(2),
        vec![2018.0, 2020.0, 2022.0, 2024.0, 2026.0]
    );
}

#[test]
fn a_linear_y_domain_starts_at_zero_and_ends_on_a_round_number_above_the_largest() {
    let cases = [
        (vec![117e6, 14.5e12], (0.0, 16e12)),
        (vec![5e9, 7e9], (0.0, 8e9)),
        (vec![], (0.0, 1e12)),
    ];
    for (values, expected) in cases {
        let domain = LinearScale::nice_zero_domain(values.clone(), 0.05);
        assert!(
            domain.0 == expected.0 && (domain.1 / expected.1 - 1.0).abs() < 1e-9,
            "{values:?}: {domain:?}"
        );
    }
}

#[test]
fn linear_ticks_fall_on_round_steps_and_are_few() {
    let scale = LinearScale::new((0.0, 16e12), (600.0, 0.0));
    assert_eq!(scale.nice_ticks(7), vec![0.0, 5e12, 10e12, 15e12],);
    let scale = LinearScale::new((0.0, 8e9), (600.0, 0.0));
    assert_eq!(scale.nice_ticks(7), vec![0.0, 2e9, 4e9, 6e9, 8e9]);
}

#[test]
fn the_y_scale_is_log_or_linear_and_maps_and_inverts_either_way() {
    use param_scale::scale::YScale;
    let log = YScale::Log(LogScale::new((1e8, 1e14), (600.0, 0.0)));
    let linear = YScale::Linear(LinearScale::new((0.0, 16e12), (600.0, 0.0)));
    assert!((log.map(1e11) - 300.0).abs() < 1e-9);
    assert!((linear.map(8e12) - 300.0).abs() < 1e-9);
    for scale in [log, linear] {
        for value in [1e9, 1e12, 5e12] {
            assert!((scale.invert(scale.map(value)) / value - 1.0).abs() < 1e-9);
        }
    }
    assert!(log.is_log() && !linear.is_log());
    assert_eq!(linear.ticks().first(), Some(&0.0));
}
