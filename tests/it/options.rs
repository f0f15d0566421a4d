use param_scale::i18n::Lang;
use param_scale::options::{percent_decode, ChartOptions};
use param_scale::theme::ThemeName;

#[test]
fn url_parameters_set_language_and_theme_and_anything_else_is_warned_about() {
    let cases: &[(&str, ChartOptions, usize)] = &[
        (
            "?lang=en",
            ChartOptions {
                lang: Some(Lang::En),
                theme: None,
            },
            0,
        ),
        (
            "?lang=zh&theme=dark",
            ChartOptions {
                lang: Some(Lang::Zh),
                theme: Some(ThemeName::Dark),
            },
            0,
        ),
        ("?lang=fr", ChartOptions::default(), 1),
        (
            "?lang=en&colour=red&theme=",
            ChartOptions {
                lang: Some(Lang::En),
                theme: None,
            },
            2,
        ),
        ("?&&=&lang", ChartOptions::default(), 2),
        ("", ChartOptions::default(), 0),
        (
            "?lang=%65n",
            ChartOptions {
                lang: Some(Lang::En),
                theme: None,
            },
            0,
        ),
    ];
    for (query, expected, n_warnings) in cases {
        let (options, warnings) = ChartOptions::from_query(query);
        assert_eq!(&options, expected, "{query:?}");
        assert_eq!(warnings.len(), *n_warnings, "{query:?}: {warnings:?}");
    }
}

#[test]
fn options_given_to_the_chart_win_over_the_url() {
    let given = ChartOptions {
        lang: Some(Lang::En),
        theme: None,
    };
    let url = ChartOptions {
        lang: Some(Lang::Zh),
        theme: Some(ThemeName::Dark),
    };
    assert_eq!(
        given.or(url),
        ChartOptions {
            lang: Some(Lang::En),
            theme: Some(ThemeName::Dark)
        }
    );
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
