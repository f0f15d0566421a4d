//! The story file: validated against the models, numbered without gaps.

use param_scale::dataset::{decode_story, encode_story, parse_story};
use param_scale::embedded::{models, story};

const HEADER: &str = "step,from,to,models,title_zh,title,text_zh,text";

fn story_with(rows: &[&str]) -> String {
    std::iter::once(HEADER)
        .chain(rows.iter().copied())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn each_bad_story_row_is_rejected_with_file_line_and_field() {
    let good = "1,2017,2018,transformer,标题,Title,正文,Text";
    // (rows, expected message prefix)
    let cases: &[(&[&str], &str)] = &[
        (
            &["1,2017,2018,no-such-model,标题,Title,正文,Text"],
            "story.csv:2: models: no model has the id 'no-such-model'",
        ),
        (
            &["1,2017,2018,,标题,Title,正文,Text"],
            "story.csv:2: models: missing",
        ),
        (
            &["2,2017,2018,transformer,标题,Title,正文,Text"],
            "story.csv:2: step: '2' is not 1",
        ),
        (
            &[good, "3,2017,2018,bert,标题,Title,正文,Text"],
            "story.csv:3: step: '3' is not 2",
        ),
        (
            &[good, "one,2017,2018,bert,标题,Title,正文,Text"],
            "story.csv:3: step: 'one' is not 2",
        ),
        (
            &["1,2017,2018,transformer,,Title,正文,Text"],
            "story.csv:2: title_zh: missing",
        ),
        (
            &["1,2017,2018,transformer,标题,Title,正文,"],
            "story.csv:2: text: missing",
        ),
        (
            &["1,2019,2018,transformer,标题,Title,正文,Text"],
            "story.csv:2: to: must not be before from",
        ),
        (
            &["1,1999,2018,transformer,标题,Title,正文,Text"],
            "story.csv:2: from: '1999' is not a year",
        ),
        (
            &["1,2017,2018,transformer,标题,Title,正文"],
            "story.csv:2: csv: expected 8 fields",
        ),
    ];
    for (rows, expected) in cases {
        let errors = parse_story("story.csv", &story_with(rows), models()).expect_err(expected);
        super::assert_rejected(&errors, expected);
    }
}

#[test]
fn the_story_tells_the_articles_chronology_with_the_models_it_names() {
    // (a model each step must highlight, in order)
    let required: &[&[&str]] = &[
        &["transformer"],
        &["bert", "gpt-1"],
        &["gpt-2", "megatron-lm", "t5", "turing-nlg"],
        &["gpt-3", "mt-nlg"],
        &["switch-transformer"],
        &[
            "pangu",
            "pangu-alpha",
            "plug",
            "m6",
            "ernie-3",
            "yuan-1",
            "ernie-3-titan",
            "intern",
        ],
        &["stable-diffusion", "chatgpt"],
        &["bagualu"],
    ];
    let steps = story();
    assert!(
        steps.len() > required.len(),
        "and a last step, since the article"
    );
    for (step, ids) in steps.iter().zip(required) {
        for id in *ids {
            assert!(
                step.models.iter().any(|model| model == id),
                "step {} lacks {id}",
                step.number
            );
        }
    }
    let last = steps.last().expect("steps");
    assert!(last.to >= 2026, "the last step reaches today");
    for (index, step) in steps.iter().enumerate() {
        assert_eq!(step.number as usize, index + 1);
    }
}

#[test]
fn the_story_reads_back_as_it_was_written() {
    let steps = story().to_vec();
    let bytes: &'static [u8] = encode_story(&steps).leak();
    assert_eq!(decode_story(bytes), Some(steps));
    assert_eq!(decode_story(&bytes[..bytes.len() - 1]), None);
}

#[test]
fn each_step_highlights_exactly_its_models_zooms_to_its_years_and_shows_the_claims() {
    use param_scale::layout::View;
    use param_scale::story::view_at_step;
    for step in story() {
        let view = view_at_step(View::default(), story(), models(), step.number).expect("a step");
        assert!(view.claims, "step {}", step.number);
        let layout = super::chinese_layout(view);
        let mut highlighted: Vec<&str> = layout
            .points
            .iter()
            .filter(|point| !point.dimmed)
            .map(|point| &*models()[point.model_index].id)
            .chain(
                layout
                    .events
                    .iter()
                    .filter(|event| !event.dimmed)
                    .map(|event| &*models()[event.model_index].id),
            )
            .collect();
        highlighted.sort_unstable();
        let mut expected: Vec<&str> = step.models.iter().map(|id| &**id).collect();
        expected.sort_unstable();
        assert_eq!(highlighted, expected, "step {}", step.number);
        for point in &layout.points {
            let year = models()[point.model_index].date.year;
            assert!(
                (step.from..=step.to).contains(&year),
                "step {}: {year}",
                step.number
            );
        }
    }
    assert_eq!(view_at_step(View::default(), story(), models(), 0), None);
    assert_eq!(
        view_at_step(View::default(), story(), models(), story().len() as u32 + 1),
        None
    );
}

#[test]
fn the_step_parameter_reads_back_and_a_bad_one_only_warns() {
    use param_scale::options::ChartOptions;
    // (query, step, warnings)
    let cases: &[(&str, Option<u32>, usize)] = &[
        ("step=3", Some(3), 0),
        ("step=0", Some(0), 0),
        ("step=100", None, 1),
        ("step=-1", None, 1),
        ("step=two", None, 1),
    ];
    for (query, step, warnings) in cases {
        let (options, found) = ChartOptions::from_query(query, &[]);
        assert_eq!(options.step, *step, "{query}");
        assert_eq!(found.len(), *warnings, "{query}");
        assert_eq!(
            ChartOptions::from_query(&options.to_query(), &[]).0,
            options
        );
    }
}

#[test]
fn the_page_without_script_lists_every_step_escaped() {
    use param_scale::i18n::Lang;
    use param_scale::story::steps_html;
    for lang in Lang::ALL {
        let html = steps_html(story(), lang);
        assert_eq!(html.matches("<li>").count(), story().len(), "{lang:?}");
        for step in story() {
            let title = match lang {
                Lang::Zh => &step.title_zh,
                Lang::En => &step.title,
            };
            assert!(
                html.contains(&param_scale::table::escape_html(title)),
                "{title}"
            );
        }
    }
    assert_eq!(steps_html(&[], Lang::Zh), "");
}

#[test]
fn a_step_shows_the_claims_of_its_own_models_only() {
    use param_scale::layout::View;
    use param_scale::plotted::PlotSet;
    use param_scale::story::view_at_step;
    for step in story() {
        let view = view_at_step(View::default(), story(), models(), step.number).expect("a step");
        let set = PlotSet::prepare(models(), &view);
        for (item, _) in &set.ghosts {
            let id = &models()[set.items[*item].model_index].id;
            assert!(
                step.models.contains(id),
                "step {}: a ghost of {id}",
                step.number
            );
        }
    }
}

#[test]
fn a_step_shows_its_models_whatever_the_reader_had_hidden_or_counted() {
    use param_scale::layout::View;
    use param_scale::options::{CountBasis, Hidden, Series};
    use param_scale::story::view_at_step;
    let mut hidden = Hidden::default();
    hidden.set(Series::Region(param_scale::dataset::Region::China), true);
    let base = View {
        hidden,
        count: CountBasis::Active,
        ..View::default()
    };
    for step in story() {
        let view = view_at_step(base, story(), models(), step.number).expect("a step");
        let layout = super::chinese_layout(view);
        let drawn = layout.points.iter().filter(|point| !point.dimmed).count()
            + layout.events.iter().filter(|event| !event.dimmed).count();
        assert_eq!(drawn, step.models.len(), "step {}", step.number);
    }
}
