//! The article's claims against the sources: ghosts exactly where the two
//! differ beyond rounding.

use param_scale::claims::{date_differs, ghost};
use param_scale::dataset::{parse_article_date, parse_date};
use param_scale::embedded::models;
use param_scale::i18n::Lang;
use param_scale::layout::View;
use param_scale::tooltip::claim_content;

#[test]
fn an_articles_date_differs_only_beyond_rounding() {
    // (article date, source date, differs)
    let cases = [
        ("2019", "2020-02-10", true),        // another year
        ("2020", "2020-02-10", false),       // the same year, no month
        ("2021-04", "2021-03-01", false),    // 31 days before April
        ("2021-05", "2021-03-01", true),     // 61 days before May
        ("2021-10", "2021-09-28", false),    // 3 days
        ("2021-12", "2021-10-20", false),    // 42 days before December
        ("2021-12-08", "2021-12-23", false), // 15 days
        ("2020-10", "2021-10-11", true),     // another year
        ("2021-01", "2021-01-11", false),    // inside the month
    ];
    for (article, source, differs) in cases {
        let article_date = parse_article_date(article).expect(article);
        let source_date = parse_date(source).expect(source);
        assert_eq!(
            date_differs(article_date, source_date),
            differs,
            "{article} vs {source}"
        );
    }
}

#[test]
fn ghosts_stand_exactly_where_the_article_differs_from_the_source() {
    // (model, has a ghost, why)
    let cases = [
        (
            "turing-nlg",
            true,
            "the article's 2019 against 10 February 2020",
        ),
        ("mt-nlg", true, "October 2020 against 11 October 2021"),
        (
            "bagualu",
            true,
            "174 trillion against the 14.5 trillion trained",
        ),
        ("pangu", true, "a count where the source gives none"),
        ("intern", true, "a count where the source gives none"),
        ("gpt-2", false, "15亿 rounds 1542 million"),
        ("switch-transformer", false, "1.6万亿 rounds 1571 billion"),
        (
            "yuan-1",
            false,
            "约2500亿 within 5 % of 2457亿; October within days",
        ),
        ("m6", false, "April within 45 days of 1 March"),
        ("gpt-3", false, "the article agrees"),
        ("chatgpt", false, "no count on either side"),
        ("kimi-k2", false, "not in the article"),
    ];
    for (id, expected, why) in cases {
        let model = models().iter().find(|model| model.id == id).expect(id);
        assert_eq!(ghost(model).is_some(), expected, "{id}: {why}");
    }
}

#[test]
fn the_claims_layer_draws_each_ghost_joined_to_its_source_only_when_asked() {
    let layout = |claims: bool| {
        super::chinese_layout(View {
            claims,
            ..View::default()
        })
    };
    assert!(layout(false).ghosts.is_empty());
    let with = layout(true);
    let expected = models()
        .iter()
        .filter(|model| ghost(model).is_some())
        .count();
    assert_eq!(with.ghosts.len(), expected);
    for drawn in &with.ghosts {
        let model = &models()[drawn.model_index];
        let claim = ghost(model).expect("a ghost");
        assert!(
            (drawn.center.y - with.y_scale.map(claim.count)).abs() < 1e-6,
            "{}",
            model.id
        );
        assert!(
            (drawn.center.x - with.x_scale.map(claim.year)).abs() < 1e-6,
            "{}",
            model.id
        );
        let source = with
            .points
            .iter()
            .find(|point| point.model_index == drawn.model_index)
            .map(|point| point.center);
        if let Some(source) = source {
            assert_eq!(
                drawn.to, source,
                "{}: joined to its sourced point",
                model.id
            );
        } else {
            assert!(model.params.is_none(), "{}", model.id);
            assert!(
                drawn.to.y < with.plot.bottom,
                "{}: joined to its event mark",
                model.id
            );
        }
    }
    // The axis reaches the article's 174 trillion.
    assert!(with.y_scale.invert(with.plot.top) >= 174e12);
    let targets = param_scale::hit::targets(&with, models());
    assert_eq!(
        targets.iter().filter(|target| target.claim).count(),
        expected
    );
}

#[test]
fn a_ghosts_tooltip_gives_both_the_articles_figures_and_the_sources() {
    // (model, language, the article's row, the source's row, the note says)
    let cases = [
        (
            "turing-nlg",
            Lang::Zh,
            "2019年，170亿",
            "2020年2月10日，170亿",
            "",
        ),
        (
            "turing-nlg",
            Lang::En,
            "2019, 17B",
            "10 February 2020, 17B",
            "",
        ),
        (
            "bagualu",
            Lang::Zh,
            "2022年，174万亿",
            "2022年3月28日，14.5万亿",
            "14.5 万亿",
        ),
        (
            "bagualu",
            Lang::En,
            "2022, 174T",
            "28 March 2022, 14.5T",
            "14.5 trillion",
        ),
    ];
    for (id, lang, article, source, note) in cases {
        let model = models().iter().find(|model| model.id == id).expect(id);
        let content = claim_content(model, lang);
        assert_eq!(content.rows[0].1, article, "{id} {lang:?}");
        assert_eq!(content.rows[1].1, source, "{id} {lang:?}");
        let note_text = content.note.unwrap_or_default();
        assert!(note_text.contains(note), "{id} {lang:?}: {note_text}");
        assert!(content.article_claim.is_some(), "{id}: the article's words");
    }
}

#[test]
fn the_keyboard_reaches_each_ghost_right_after_its_model() {
    use param_scale::hit::{step, targets, Step};
    use param_scale::interaction::{Input, Interaction};
    let layout = super::chinese_layout(View {
        claims: true,
        ..View::default()
    });
    let all = targets(&layout, models());
    for (position, target) in all.iter().enumerate().filter(|(_, target)| target.claim) {
        let before = all[position - 1];
        assert_eq!(
            before.model_index, target.model_index,
            "a ghost follows its model"
        );
        let reached = step(&all, Some((before.model_index, before.claim)), Step::Next);
        assert_eq!(reached, Some(*target));
        // And the reader's state says it is the ghost, so its tooltip is the claim's.
        let state = Interaction {
            active: Some(before.model_index),
            pinned: false,
            claim: before.claim,
        }
        .apply(Input::Key(Step::Next), &all);
        assert!(state.claim && state.active == Some(target.model_index));
    }
}
