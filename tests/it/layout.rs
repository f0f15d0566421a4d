use param_scale::embedded::{models, stages};
use param_scale::geometry::Rect;
use param_scale::i18n::Lang;
use param_scale::layout::{
    compute_layout, ChartLayout, EstimatedText, LayoutConfig, TextMeasure, TextRole, View,
};

const SIZES: [(f64, f64); 4] = [
    (320.0, 520.0),
    (390.0, 640.0),
    (960.0, 600.0),
    (1600.0, 900.0),
];

fn layouts() -> Vec<(Lang, (f64, f64), ChartLayout)> {
    let mut all = Vec::new();
    for lang in Lang::ALL {
        for (width, height) in SIZES {
            let layout = compute_layout(
                models(),
                stages(),
                LayoutConfig {
                    width,
                    height,
                    lang,
                    view: View::default(),
                    title: true,
                    brush: false,
                },
                &EstimatedText,
            );
            all.push((lang, (width, height), layout));
        }
    }
    all
}

fn text_rect(layout: &ChartLayout, index: usize) -> Rect {
    let text = &layout.texts[index];
    let (width, height) = EstimatedText.measure(&text.text, text.font);
    Rect::new(
        text.position.x,
        text.position.y,
        text.position.x + width,
        text.position.y + height,
    )
}

#[test]
fn every_model_is_a_point_or_an_event_and_never_both() {
    for (lang, size, layout) in layouts() {
        assert_eq!(
            layout.points.len() + layout.events.len(),
            models().len(),
            "{lang:?} {size:?}"
        );
        for event in &layout.events {
            assert_eq!(
                models()[event.model_index].params,
                None,
                "{lang:?} {size:?}"
            );
        }
        for point in &layout.points {
            assert!(models()[point.model_index].params.is_some());
            assert!(
                layout.plot.contains(point.center),
                "{lang:?} {size:?}: {:?} outside the plot",
                models()[point.model_index].id
            );
        }
    }
}

#[test]
fn point_labels_overlap_no_other_label_and_no_point() {
    for (lang, size, layout) in layouts() {
        let labels: Vec<Rect> = (0..layout.texts.len())
            .filter(|index| layout.texts[*index].role == TextRole::Label)
            .map(|index| text_rect(&layout, index))
            .collect();
        assert!(
            labels.len() >= 10,
            "{lang:?} {size:?}: only {} labels",
            labels.len()
        );
        for (index, label) in labels.iter().enumerate() {
            assert!(
                layout.plot.contains_rect(label),
                "{lang:?} {size:?}: {label:?} leaves the plot"
            );
            for other in &labels[index + 1..] {
                assert!(
                    !label.intersects(other),
                    "{lang:?} {size:?}: {label:?} overlaps {other:?}"
                );
            }
            for point in &layout.points {
                assert!(
                    !label.intersects(&Rect::around(point.center, point.radius)),
                    "{lang:?} {size:?}: {label:?} covers {}",
                    models()[point.model_index].id
                );
            }
        }
    }
}

#[test]
fn the_article_models_are_labelled_on_a_wide_chart() {
    for lang in Lang::ALL {
        let layout = compute_layout(
            models(),
            stages(),
            LayoutConfig {
                width: 1200.0,
                height: 700.0,
                lang,
                view: View::default(),
                title: true,
                brush: false,
            },
            &EstimatedText,
        );
        let texts: Vec<&str> = layout.texts.iter().map(|text| text.text.as_str()).collect();
        for name in ["GPT-3", "BERT", "T5", "Switch Transformer"] {
            assert!(texts.contains(&name), "{lang:?}: {name} has no label");
        }
    }
}

#[test]
fn y_ticks_read_in_the_readers_units() {
    let expected = [
        (
            Lang::Zh,
            [
                "1亿",
                "10亿",
                "100亿",
                "1000亿",
                "1万亿",
                "10万亿",
                "100万亿",
            ],
        ),
        (Lang::En, ["100M", "1B", "10B", "100B", "1T", "10T", "100T"]),
    ];
    for (lang, ticks) in expected {
        let layout = compute_layout(
            models(),
            stages(),
            LayoutConfig {
                width: 960.0,
                height: 600.0,
                lang,
                view: View::default(),
                title: true,
                brush: false,
            },
            &EstimatedText,
        );
        let texts: Vec<&str> = layout.texts.iter().map(|text| text.text.as_str()).collect();
        for tick in ticks {
            assert!(texts.contains(&tick), "{lang:?}: no tick {tick}");
        }
    }
}

#[test]
fn the_title_subtitle_trend_and_source_line_are_written_in_the_chosen_language() {
    let expected = [
        (
            Lang::Zh,
            [
                "大模型参数规模的增长",
                "年主要模型的参数量",
                "数据：",
                "个月翻一番",
                "超大规模预训练模型",
            ],
        ),
        (
            Lang::En,
            [
                "How large AI models grew",
                "Parameter counts of notable models",
                "Data: ",
                "months (least squares",
                "Very large pre-trained models",
            ],
        ),
    ];
    for (lang, phrases) in expected {
        let layout = compute_layout(
            models(),
            stages(),
            LayoutConfig {
                width: 960.0,
                height: 600.0,
                lang,
                view: View::default(),
                title: true,
                brush: false,
            },
            &EstimatedText,
        );
        let all: String = layout
            .texts
            .iter()
            .map(|text| text.text.clone())
            .chain(
                layout
                    .legend
                    .iter()
                    .flat_map(|item| item.lines.iter().map(|line| line.text.clone())),
            )
            .collect::<Vec<_>>()
            .join("\n");
        for phrase in phrases {
            assert!(all.contains(phrase), "{lang:?}: {phrase:?} missing");
        }
    }
}

#[test]
fn narrow_charts_keep_every_text_inside_the_chart() {
    for (lang, (width, height), layout) in layouts() {
        for index in 0..layout.texts.len() {
            let rect = text_rect(&layout, index);
            let text = &layout.texts[index].text;
            // Right-anchored y ticks extend leftwards from their position.
            if rect.left >= 0.0 {
                assert!(
                    rect.right <= width + 1.0 && rect.bottom <= height + 1.0,
                    "{lang:?} {width}x{height}: {text:?} at {rect:?}"
                );
            }
        }
        for line in layout.legend.iter().flat_map(|item| &item.lines) {
            let (text_width, _) = EstimatedText.measure(&line.text, line.font);
            assert!(
                line.position.x + text_width <= width + 1.0,
                "{lang:?} {width}: legend {:?}",
                line.text
            );
        }
    }
}

fn layout_with(view: View, lang: Lang) -> ChartLayout {
    compute_layout(
        models(),
        stages(),
        LayoutConfig {
            width: 960.0,
            height: 600.0,
            lang,
            view,
            title: true,
            brush: false,
        },
        &EstimatedText,
    )
}

#[test]
fn hiding_a_series_removes_its_models_and_refits_the_trend() {
    use param_scale::dataset::{Architecture, Region};
    use param_scale::options::{Hidden, Series};
    let full = layout_with(View::default(), Lang::En);
    let cases = [
        Series::Region(Region::China),
        Series::Region(Region::UnitedStates),
        Series::Architecture(Architecture::MixtureOfExperts),
    ];
    for series in cases {
        let mut hidden = Hidden::default();
        hidden.set(series, true);
        let layout = layout_with(
            View {
                hidden,
                range: None,
                ..View::default()
            },
            Lang::En,
        );
        assert!(layout.points.len() < full.points.len(), "{series:?}");
        for point in &layout.points {
            let model = &models()[point.model_index];
            let shown = match series {
                Series::Region(region) => model.region() != region,
                Series::Architecture(architecture) => model.architecture != architecture,
            };
            assert!(shown, "{series:?}: {} is still drawn", model.id);
        }
        let legend = layout
            .legend
            .iter()
            .find(|item| item.toggle == Some(param_scale::options::Toggle::Series(series)))
            .expect("legend item");
        assert!(
            !legend.shown,
            "{series:?}: the legend does not show it hidden"
        );
        let (trend, full_trend) = (
            &layout.trend.as_ref().expect("trend").0,
            &full.trend.as_ref().expect("trend").0,
        );
        assert_ne!(
            trend.slope, full_trend.slope,
            "{series:?}: the trend did not change"
        );
    }
}

#[test]
fn zooming_to_a_period_keeps_its_models_and_refits_the_y_axis() {
    use param_scale::options::YearRange;
    let range = YearRange {
        from: 2018,
        to: 2019,
    };
    let layout = layout_with(
        View {
            hidden: Default::default(),
            range: Some(range),
            ..View::default()
        },
        Lang::En,
    );
    assert_eq!(layout.x_scale.domain, (2018.0, 2020.0));
    for point in &layout.points {
        let year = models()[point.model_index].date.year;
        assert!(
            (2018..=2019).contains(&year),
            "{} is outside the zoom",
            models()[point.model_index].id
        );
    }
    let expected = models()
        .iter()
        .filter(|model| (2018..=2019).contains(&model.date.year))
        .count();
    assert_eq!(layout.points.len() + layout.events.len(), expected);
    // 2018–2019 spans GPT (117M) to Megatron-LM/T5 (≤ 11B): the axis stops
    // well below the trillions of the full view.
    let full = layout_with(View::default(), Lang::En);
    assert!(layout.y_scale.invert(layout.plot.top) < full.y_scale.invert(full.plot.top) / 100.0);
}

#[test]
fn above_twenty_undisclosed_models_only_the_articles_have_guide_lines() {
    // (how many models of undisclosed size, whether every event keeps its
    // guide): all do up to GUIDE_ALL_UP_TO, then only the article's.
    let limit = param_scale::layout::GUIDE_ALL_UP_TO;
    let cases = [(5, true), (limit, true), (limit + 1, false), (200, false)];
    let disclosed = models().iter().filter(|model| model.params.is_some());
    let undisclosed = models().iter().filter(|model| model.params.is_none());
    for (n_events, all_guided) in cases {
        let repeated: Vec<_> = disclosed
            .clone()
            .chain(undisclosed.clone().cycle().take(n_events))
            .cloned()
            .collect();
        let repeats = n_events;
        let layout = super::english_layout(&repeated);
        assert_eq!(
            layout.events.len() <= param_scale::layout::GUIDE_ALL_UP_TO,
            all_guided,
            "{repeats} repeats: {} events",
            layout.events.len()
        );
        for event in &layout.events {
            let model = &repeated[event.model_index];
            let guided = all_guided || model.in_article;
            assert_eq!(
                event.guide_top,
                guided.then_some(layout.plot.top),
                "{repeats} repeats: {}",
                model.id
            );
        }
        assert!(
            layout.events.iter().any(|event| event.guide_top.is_none()) != all_guided,
            "{repeats} repeats: some event must lose its guide"
        );
    }
}

#[test]
fn layout_takes_dates_counts_and_visibility_only_from_the_plot_set() {
    // (room, what it must not do itself)
    let cases = [
        ("src/layout.rs", "fractional_year("),
        ("src/layout.rs", ".shows("),
        ("src/trend.rs", "fractional_year("),
        ("src/labels.rs", "fractional_year("),
    ];
    for (file, call) in cases {
        let text =
            std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).expect(file);
        assert!(
            !text.contains(call),
            "{file} calls {call}: take it from plotted::PlotSet"
        );
    }
}

#[test]
fn the_y_axis_reads_as_log_by_default_and_can_be_linear_from_zero() {
    use param_scale::layout::LegendKind;
    use param_scale::options::{AxisScale, Toggle};
    for lang in Lang::ALL {
        for scale in AxisScale::ALL {
            let view = View {
                scale,
                ..View::default()
            };
            let layout = layout_with(view, lang);
            let texts: Vec<&str> = layout.texts.iter().map(|text| text.text.as_str()).collect();
            let hint = param_scale::i18n::scale_hint(scale, lang);
            assert!(texts.contains(&hint), "{lang:?} {scale:?}: no hint {hint}");
            // The switch: both words, the chosen one pressed.
            let switch: Vec<_> = layout
                .legend
                .iter()
                .filter(|item| matches!(item.kind, LegendKind::Scale(_)))
                .collect();
            assert_eq!(switch.len(), 2, "{lang:?} {scale:?}");
            for item in switch {
                let LegendKind::Scale(each) = item.kind else {
                    unreachable!()
                };
                assert_eq!(item.toggle, Some(Toggle::Scale(each)));
                assert_eq!(item.shown, each == scale, "{lang:?} {scale:?}");
            }
            assert_eq!(layout.y_scale.is_log(), scale == AxisScale::Log);
        }
        let linear = layout_with(
            View {
                scale: AxisScale::Linear,
                ..View::default()
            },
            lang,
        );
        // Even steps from zero: 1T sits a tenth of the way to 10T.
        let zero = linear.y_scale.map(0.0);
        let (one, ten) = (linear.y_scale.map(1e12), linear.y_scale.map(1e13));
        assert!(((zero - one) * 10.0 - (zero - ten)).abs() < 1e-6);
        assert_eq!(linear.y_scale.ticks()[0], 0.0);
        assert!(zero < linear.plot.bottom && zero > linear.plot.bottom - 20.0);
        // The trend is a curve of many segments, inside the plot.
        let (_, path) = linear.trend.as_ref().expect("a trend");
        assert!(path.len() > 2);
        assert!(path
            .iter()
            .all(|point| linear.plot.inflate(0.01).contains(*point)));
    }
}
