use param_scale::dataset::{Architecture, Region};
use param_scale::i18n::Lang;
use param_scale::options::{percent_decode, ChartOptions, Hidden, Series, YearRange};
use param_scale::theme::ThemeName;

fn hidden(series: &[Series]) -> Hidden {
    let mut hidden = Hidden::default();
    for one in series {
        hidden.set(*one, true);
    }
    hidden
}

#[test]
fn url_parameters_set_the_view_and_anything_else_is_warned_about() {
    let cn = Series::Region(Region::China);
    let moe = Series::Architecture(Architecture::MixtureOfExperts);
    let cases: Vec<(&str, ChartOptions, usize)> = vec![
        (
            "?lang=en",
            ChartOptions {
                lang: Some(Lang::En),
                ..Default::default()
            },
            0,
        ),
        (
            "?lang=zh&theme=dark",
            ChartOptions {
                lang: Some(Lang::Zh),
                theme: Some(ThemeName::Dark),
                ..Default::default()
            },
            0,
        ),
        (
            "?lang=en&hide=cn,moe&from=2018&to=2022&focus=gpt-3",
            ChartOptions {
                lang: Some(Lang::En),
                hide: Some(hidden(&[cn, moe])),
                from: Some(2018),
                to: Some(2022),
                focus: Some("gpt-3".into()),
                ..Default::default()
            },
            0,
        ),
        (
            "?hide=",
            ChartOptions {
                hide: Some(Hidden::default()),
                ..Default::default()
            },
            0,
        ),
        ("?lang=fr", ChartOptions::default(), 1),
        ("?hide=cn,mars", ChartOptions::default(), 1),
        ("?from=1900&to=soon", ChartOptions::default(), 2),
        ("?focus=<script>", ChartOptions::default(), 1),
        (
            "?lang=en&colour=red&theme=",
            ChartOptions {
                lang: Some(Lang::En),
                ..Default::default()
            },
            2,
        ),
        ("?&&=&lang", ChartOptions::default(), 2),
        ("", ChartOptions::default(), 0),
        (
            "?lang=%65n",
            ChartOptions {
                lang: Some(Lang::En),
                ..Default::default()
            },
            0,
        ),
        (
            "?embed=1&lang=en",
            ChartOptions {
                lang: Some(Lang::En),
                ..Default::default()
            },
            0,
        ),
    ];
    for (query, expected, n_warnings) in cases {
        let (options, warnings) = ChartOptions::from_query(query, &["embed"]);
        assert_eq!(options, expected, "{query:?}");
        assert_eq!(warnings.len(), n_warnings, "{query:?}: {warnings:?}");
    }
}

#[test]
fn the_url_of_a_view_reads_back_as_the_same_view() {
    let langs = [None, Some(Lang::Zh), Some(Lang::En)];
    let themes = [None, Some(ThemeName::Light), Some(ThemeName::Dark)];
    let ranges = [
        (None, None),
        (Some(2018), Some(2022)),
        (Some(2020), None),
        (None, Some(2019)),
    ];
    let focuses = [
        None,
        Some("gpt-3".to_owned()),
        Some("ernie-3-titan".to_owned()),
    ];
    let mut n_cases = 0;
    for lang in langs {
        for theme in themes {
            // Every subset of the six series, and no `hide` at all.
            for mask in (0..64u32).map(Some).chain([None]) {
                let hide = mask.map(|mask| {
                    let series: Vec<Series> = Series::ALL
                        .into_iter()
                        .enumerate()
                        .filter(|(bit, _)| mask & (1 << bit) != 0)
                        .map(|(_, series)| series)
                        .collect();
                    hidden(&series)
                });
                for (from, to) in ranges {
                    for focus in &focuses {
                        let options = ChartOptions {
                            lang,
                            theme,
                            hide,
                            from,
                            to,
                            focus: focus.clone(),
                            ..ChartOptions::default()
                        };
                        let (read_back, warnings) =
                            ChartOptions::from_query(&options.to_query(), &[]);
                        assert_eq!(read_back, options, "{}", options.to_query());
                        assert!(warnings.is_empty(), "{warnings:?}");
                        n_cases += 1;
                    }
                }
            }
        }
    }
    assert_eq!(n_cases, 3 * 3 * 65 * 4 * 3);
}

#[test]
fn options_given_to_the_chart_win_over_the_url() {
    let given = ChartOptions {
        lang: Some(Lang::En),
        ..Default::default()
    };
    let url = ChartOptions {
        lang: Some(Lang::Zh),
        theme: Some(ThemeName::Dark),
        from: Some(2019),
        ..Default::default()
    };
    assert_eq!(
        given.or(url),
        ChartOptions {
            lang: Some(Lang::En),
            theme: Some(ThemeName::Dark),
            from: Some(2019),
            ..Default::default()
        }
    );
}

#[test]
fn a_range_with_one_end_uses_the_data_for_the_other_and_swaps_reversed_ends() {
    let cases = [
        ((None, None), None),
        (
            (Some(2018), None),
            Some(YearRange {
                from: 2018,
                to: 2025,
            }),
        ),
        (
            (None, Some(2020)),
            Some(YearRange {
                from: 2017,
                to: 2020,
            }),
        ),
        (
            (Some(2022), Some(2018)),
            Some(YearRange {
                from: 2018,
                to: 2022,
            }),
        ),
    ];
    for ((from, to), expected) in cases {
        let options = ChartOptions {
            from,
            to,
            ..Default::default()
        };
        assert_eq!(options.range((2017, 2025)), expected, "{from:?} {to:?}");
    }
}

#[test]
fn percent_decoding_never_fails_on_malformed_input() {
    let cases = [
        ("a%20b", "a b"),
        ("a+b", "a b"),
        ("%", "%"),
        ("%zz", "%zz"),
        ("%e4%b8%ad", "中"),
        ("%ff", "\u{fffd}"),
    ];
    for (input, expected) in cases {
        assert_eq!(percent_decode(input), expected, "{input:?}");
    }
}

#[test]
fn the_count_and_fit_parameters_read_back_and_bad_values_only_warn() {
    use param_scale::options::CountBasis;
    // (query, count, fit, warnings)
    let cases: &[(&str, Option<CountBasis>, Option<bool>, usize)] = &[
        ("count=active", Some(CountBasis::Active), None, 0),
        (
            "count=total&fit=all",
            Some(CountBasis::Total),
            Some(true),
            0,
        ),
        ("fit=models", None, Some(false), 0),
        ("count=half&fit=some", None, None, 2),
    ];
    for (query, count, fit, warnings) in cases {
        let (options, found) = ChartOptions::from_query(query, &[]);
        assert_eq!(
            (options.count, options.fit_demonstrations),
            (*count, *fit),
            "{query}"
        );
        assert_eq!(found.len(), *warnings, "{query}: {found:?}");
        let (again, _) = ChartOptions::from_query(&options.to_query(), &[]);
        assert_eq!(again, options, "{query}");
    }
}

#[test]
fn the_scale_is_read_from_the_url_and_written_back_only_when_linear() {
    use param_scale::options::{AxisScale, Toggle, View};
    let (options, warnings) = ChartOptions::from_query("?scale=linear", &[]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(options.scale, Some(AxisScale::Linear));
    assert_eq!(options.to_query(), "scale=linear");
    let (options, warnings) = ChartOptions::from_query("?scale=cubic", &[]);
    assert_eq!((options.scale, warnings.len()), (None, 1));
    for scale in AxisScale::ALL {
        let toggle = Toggle::Scale(scale);
        assert_eq!(Toggle::from_code(toggle.code()), Some(toggle));
        assert_eq!(View::default().toggled(toggle).scale, scale);
    }
    assert_eq!(View::default().scale, AxisScale::Log);
}
