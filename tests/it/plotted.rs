//! The plot set of a view: which count each model is drawn at, stems, and
//! what the trend is fitted over.

use param_scale::dataset::{parse_models, Model};
use param_scale::i18n::Lang;
use param_scale::layout::{compute_layout, ChartLayout, EstimatedText, LayoutConfig, View};
use param_scale::options::{CountBasis, Toggle};
use param_scale::plotted::PlotSet;

const HEADER: &str = "id,name,name_zh,organization,organization_zh,country,date,params,active_params,architecture,status,modality,source_url,article_claim,article_claim_en,article_date,article_params,note,note_zh,article";

/// Dense models, mixtures of experts with and without an active count, a
/// demonstration, and one of undisclosed size.
fn models() -> Vec<Model> {
    let rows = [
        "dense-a,A,A,O,O,US,2018-01-01,1000000000,,dense,released,text,https://a.org,,,,,,,",
        "moe-b,B,B,O,O,CN,2020-01-01,1000000000000,32000000000,moe,released,text,https://a.org,,,,,,,",
        "moe-c,C,C,O,O,CN,2021-01-01,2000000000000,,moe,paper,text,https://a.org,,,,,,,",
        "demo-d,D,D,O,O,CN,2022-01-01,100000000000000,,moe,demonstration,text,https://a.org,,,,,,,",
        "dense-e,E,E,O,O,US,2023-01-01,70000000000,,dense,released,text,https://a.org,,,,,,,",
        "event-f,F,F,O,O,US,2024-01-01,,,undisclosed,released,text,https://a.org,,,,,,,",
    ];
    parse_models("fixture.csv", &format!("{HEADER}\n{}", rows.join("\n"))).expect("valid fixture")
}

fn view(count: CountBasis, fit_demonstrations: bool) -> View {
    View {
        count,
        fit_demonstrations,
        ..View::default()
    }
}

fn layout(models: &[Model], view: View) -> ChartLayout {
    compute_layout(
        models,
        &[],
        LayoutConfig {
            width: 960.0,
            height: 600.0,
            lang: Lang::En,
            view,
            title: true,
            brush: false,
        },
        &EstimatedText,
    )
}

#[test]
fn each_model_is_plotted_at_the_count_its_view_asks_for() {
    let models = models();
    // (model id, count basis, plotted count: None when left out, stem to)
    type Case<'a> = (&'a str, CountBasis, Option<Option<f64>>, Option<f64>);
    let cases: &[Case<'_>] = &[
        ("dense-a", CountBasis::Total, Some(Some(1e9)), None),
        ("dense-a", CountBasis::Active, Some(Some(1e9)), None),
        ("moe-b", CountBasis::Total, Some(Some(1e12)), Some(32e9)),
        ("moe-b", CountBasis::Active, Some(Some(32e9)), None),
        ("moe-c", CountBasis::Total, Some(Some(2e12)), None),
        ("moe-c", CountBasis::Active, None, None),
        ("event-f", CountBasis::Total, Some(None), None),
        ("event-f", CountBasis::Active, Some(None), None),
    ];
    for &(id, basis, count, stem_to) in cases {
        let set = PlotSet::prepare(&models, &view(basis, false));
        let item = set
            .items
            .iter()
            .find(|item| models[item.model_index].id == id);
        assert_eq!(item.map(|item| item.count), count, "{id} {basis:?}");
        if let Some(item) = item {
            assert_eq!(item.stem_to, stem_to, "{id} {basis:?}");
        }
    }
    let active = PlotSet::prepare(&models, &view(CountBasis::Active, false));
    assert_eq!(
        active.without_active_count, 2,
        "moe-c and demo-d have no active count"
    );
}

#[test]
fn the_active_view_says_how_many_mixtures_of_experts_it_leaves_out() {
    let models = models();
    for (basis, expected) in [(CountBasis::Total, false), (CountBasis::Active, true)] {
        let drawn = layout(&models, view(basis, false));
        let note = "2 MoE models without a published active count are not shown";
        assert_eq!(
            drawn.texts.iter().any(|text| text.text == note),
            expected,
            "{basis:?}"
        );
    }
}

#[test]
fn a_stem_runs_from_a_mixture_of_experts_down_to_its_active_count() {
    let models = models();
    let drawn = layout(&models, view(CountBasis::Total, false));
    let point = drawn
        .points
        .iter()
        .find(|point| models[point.model_index].id == "moe-b")
        .expect("moe-b is drawn");
    let bottom = point.stem_to.expect("a stem");
    assert!((bottom - drawn.y_scale.map(32e9)).abs() < 1e-9);
    assert!((point.center.y - drawn.y_scale.map(1e12)).abs() < 1e-9);
    assert!(
        bottom > point.center.y,
        "the active count lies below the total"
    );
    let stems = drawn
        .points
        .iter()
        .filter(|point| point.stem_to.is_some())
        .count();
    assert_eq!(stems, 1, "only moe-b has a published active count");
    let active = layout(&models, view(CountBasis::Active, false));
    assert!(active.points.iter().all(|point| point.stem_to.is_none()));
}

#[test]
fn demonstrations_are_hollow_and_out_of_the_trend_unless_brought_in() {
    let models = models();
    let left_out = layout(&models, view(CountBasis::Total, false));
    let brought_in = layout(&models, view(CountBasis::Total, true));
    for drawn in [&left_out, &brought_in] {
        for point in &drawn.points {
            assert_eq!(point.hollow, models[point.model_index].id == "demo-d");
        }
    }
    let slope = |drawn: &ChartLayout| drawn.trend.as_ref().expect("a trend").0.slope;
    assert!(
        slope(&brought_in) > slope(&left_out),
        "the 100T demonstration steepens the fit"
    );
    let set = PlotSet::prepare(&models, &view(CountBasis::Total, false));
    assert_eq!(set.fit_pairs(false).count(), 4);
    assert_eq!(set.fit_pairs(true).count(), 5);
}

#[test]
fn the_legend_offers_both_counts_and_the_trend_toggle_when_they_matter() {
    let models = models();
    for (basis, fit) in [
        (CountBasis::Total, false),
        (CountBasis::Active, false),
        (CountBasis::Total, true),
    ] {
        let drawn = layout(&models, view(basis, fit));
        let on = |toggle: Toggle| {
            drawn
                .legend
                .iter()
                .find(|item| item.toggle == Some(toggle))
                .map(|item| item.shown)
        };
        assert_eq!(
            on(Toggle::Count(CountBasis::Total)),
            Some(basis == CountBasis::Total)
        );
        assert_eq!(
            on(Toggle::Count(CountBasis::Active)),
            Some(basis == CountBasis::Active)
        );
        if basis == CountBasis::Total {
            assert_eq!(on(Toggle::FitDemonstrations), Some(fit));
        }
        let trend = drawn
            .legend
            .iter()
            .find(|item| item.kind == param_scale::layout::LegendKind::Trend)
            .expect("a trend entry");
        let text: String = trend.lines.iter().map(|line| line.text.as_str()).collect();
        let basis_word = match basis {
            CountBasis::Total => "(total)",
            CountBasis::Active => "(active)",
        };
        assert!(text.contains(basis_word), "{text}");
    }
}

#[test]
fn a_toggle_switches_the_view_and_its_code_reads_back() {
    let base = View::default();
    let cases = [
        (Toggle::Count(CountBasis::Active), "count-active"),
        (Toggle::Count(CountBasis::Total), "count-total"),
        (Toggle::FitDemonstrations, "fit-all"),
    ];
    for (toggle, code) in cases {
        assert_eq!(toggle.code(), code);
        assert_eq!(Toggle::from_code(code), Some(toggle));
    }
    assert_eq!(
        base.toggled(Toggle::Count(CountBasis::Active)).count,
        CountBasis::Active
    );
    assert!(base.toggled(Toggle::FitDemonstrations).fit_demonstrations);
    assert!(
        !base
            .toggled(Toggle::FitDemonstrations)
            .toggled(Toggle::FitDemonstrations)
            .fit_demonstrations
    );
}
