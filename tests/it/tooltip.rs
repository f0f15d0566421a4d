use param_scale::embedded::models;
use param_scale::i18n::Lang;
use param_scale::tooltip::{announcement, tooltip_content};

fn model(id: &str) -> &'static param_scale::dataset::Model {
    models().iter().find(|model| model.id == id).expect(id)
}

#[test]
fn the_tooltip_gives_name_organization_date_both_count_forms_and_architecture() {
    let cases = [
        (
            "gpt-3",
            Lang::Zh,
            "GPT-3",
            ["OpenAI", "2020年5月28日", "1750亿（175B）", "稠密模型"],
        ),
        (
            "gpt-3",
            Lang::En,
            "GPT-3",
            ["OpenAI", "28 May 2020", "175B (175 billion)", "Dense"],
        ),
        (
            "yuan-1",
            Lang::Zh,
            "源1.0",
            ["浪潮", "2021年", "2457亿（245.7B）", "稠密模型"],
        ),
        (
            "switch-transformer",
            Lang::En,
            "Switch Transformer",
            [
                "Google",
                "January 2021",
                "1.57T (1.57 trillion)",
                "Mixture of experts",
            ],
        ),
        (
            "chatgpt",
            Lang::Zh,
            "ChatGPT",
            ["OpenAI", "2022年11月30日", "参数未公开", "参数未公开"],
        ),
    ];
    for (id, lang, title, values) in cases {
        let content = tooltip_content(model(id), lang);
        assert_eq!(content.title, title, "{id}");
        let joined: Vec<&str> = content
            .rows
            .iter()
            .map(|(_, value)| value.as_str())
            .collect();
        for (value, expected) in joined.iter().zip(values) {
            assert!(
                value.contains(expected),
                "{id} {lang:?}: {value:?} lacks {expected:?}"
            );
        }
        assert!(content.source_url.starts_with("https://"));
    }
}

#[test]
fn the_live_region_announces_the_model_in_one_sentence() {
    assert_eq!(
        announcement(model("gpt-3"), Lang::En),
        "GPT-3: OpenAI, 28 May 2020, 175B (175 billion), Dense"
    );
    assert!(announcement(model("gpt-3"), Lang::Zh)
        .starts_with("GPT-3：OpenAI，2020年5月28日，1750亿（175B）"));
}

#[test]
fn the_tooltip_sits_beside_its_point_and_inside_the_viewport() {
    use param_scale::geometry::Point;
    use param_scale::tooltip::place_tooltip;
    // (point in the stage, tooltip size, stage origin, viewport) → top-left in the stage.
    let cases = [
        // Room everywhere: right of the point and above it.
        (
            (400.0, 300.0),
            (200.0, 100.0),
            (0.0, 0.0),
            (1000.0, 700.0),
            (414.0, 186.0),
        ),
        // Near the right edge: on the left.
        (
            (900.0, 300.0),
            (200.0, 100.0),
            (0.0, 0.0),
            (1000.0, 700.0),
            (686.0, 186.0),
        ),
        // Near the top: below.
        (
            (400.0, 50.0),
            (200.0, 100.0),
            (0.0, 0.0),
            (1000.0, 700.0),
            (414.0, 64.0),
        ),
        // The stage scrolled and offset: the same rules in the viewport.
        (
            (400.0, 150.0),
            (200.0, 100.0),
            (20.0, -100.0),
            (1000.0, 700.0),
            (414.0, 164.0),
        ),
        // A narrow phone: neither side fits, so it is centred on the point
        // as far as the viewport allows.
        (
            (100.0, 400.0),
            (300.0, 100.0),
            (10.0, 0.0),
            (360.0, 700.0),
            (-4.0, 286.0),
        ),
        (
            (300.0, 400.0),
            (300.0, 100.0),
            (10.0, 0.0),
            (360.0, 700.0),
            (44.0, 286.0),
        ),
        // Taller than the room above and below: inside the viewport, top first.
        (
            (200.0, 300.0),
            (250.0, 500.0),
            (0.0, 0.0),
            (400.0, 600.0),
            (75.0, 6.0),
        ),
        (
            (200.0, 300.0),
            (250.0, 900.0),
            (0.0, 0.0),
            (400.0, 600.0),
            (75.0, 6.0),
        ),
    ];
    for (at, size, origin, viewport, expected) in cases {
        let placed = place_tooltip(
            Point::new(at.0, at.1),
            size,
            Point::new(origin.0, origin.1),
            viewport,
        );
        assert_eq!(
            (placed.x, placed.y),
            expected,
            "point {at:?}, size {size:?}, origin {origin:?}, viewport {viewport:?}"
        );
    }
}

#[test]
fn no_tooltip_has_more_rows_than_the_page_makes_room_for() {
    use param_scale::i18n::Lang;
    use param_scale::tooltip::{claim_content, tooltip_content, MAX_ROWS};
    for model in param_scale::embedded::models() {
        for lang in Lang::ALL {
            assert!(
                tooltip_content(model, lang).rows.len() <= MAX_ROWS,
                "{}",
                model.id
            );
            assert!(
                claim_content(model, lang).rows.len() <= MAX_ROWS,
                "{}",
                model.id
            );
        }
    }
}

#[test]
fn a_demonstration_and_a_mixture_of_experts_say_what_they_are_in_both_languages() {
    use param_scale::i18n::Lang;
    use param_scale::tooltip::tooltip_content;
    // (model, language, words in the rows)
    let cases = [
        ("bagualu", Lang::Zh, ["规模演示", "14.5万亿"]),
        ("bagualu", Lang::En, ["Demonstration", "14.5T"]),
        (
            "kimi-k2",
            Lang::Zh,
            ["1万亿（1T）总参数", "320亿（32B）激活"],
        ),
        (
            "kimi-k2",
            Lang::En,
            ["1T (1 trillion) total", "32B (32 billion) active"],
        ),
    ];
    for (id, lang, words) in cases {
        let content = tooltip_content(model(id), lang);
        let text: String = content
            .rows
            .iter()
            .map(|(label, value)| format!("{label} {value} "))
            .collect();
        for word in words {
            assert!(text.contains(word), "{id} {lang:?}: {text}");
        }
    }
}

#[test]
fn a_pinned_tooltip_docks_as_a_sheet_only_on_a_narrow_chart() {
    use param_scale::tooltip::docks_as_sheet;
    let cases = [
        (360.0, true, true),
        (390.0, true, true),
        (599.0, true, true),
        (600.0, true, false),
        (1000.0, true, false),
        // Hover floats at any width.
        (390.0, false, false),
    ];
    for (width, pinned, expected) in cases {
        assert_eq!(
            docks_as_sheet(width, pinned),
            expected,
            "{width} px, pinned {pinned}"
        );
    }
}

#[test]
fn a_sheet_docks_at_the_bottom_edge_unless_it_would_cover_its_point() {
    use param_scale::tooltip::{dock_sheet, sheet_max_height};
    // (point's y, clearance, visible part of the chart, sheet height) → sheet's top.
    let cases = [
        // A point high up: the sheet at the bottom edge (4 px in).
        (100.0, 12.0, (0.0, 500.0), 200.0, 296.0),
        // Just clear of it.
        (284.0, 12.0, (0.0, 500.0), 200.0, 296.0),
        // A point low down: the sheet at the top edge.
        (400.0, 12.0, (0.0, 500.0), 200.0, 4.0),
        (285.0, 12.0, (0.0, 500.0), 200.0, 4.0),
        // Only the chart's upper part is on screen: its bottom edge is the screen's.
        (100.0, 12.0, (0.0, 320.0), 140.0, 176.0),
        // Only its lower part: the top edge is the screen's.
        (560.0, 12.0, (300.0, 700.0), 150.0, 304.0),
        // Neither edge is clear: the side with more room.
        (130.0, 12.0, (0.0, 300.0), 160.0, 136.0),
        (170.0, 12.0, (0.0, 300.0), 160.0, 4.0),
    ];
    for (y, clearance, visible, height, expected) in cases {
        assert_eq!(
            dock_sheet(y, clearance, visible, height),
            expected,
            "point at {y}, visible {visible:?}, sheet {height} px"
        );
    }
    // Under half the visible height: one edge always leaves a point clear.
    for visible in [(0.0, 400.0), (0.0, 560.0), (120.0, 700.0)] {
        let height = sheet_max_height(visible);
        let span = visible.1 - visible.0;
        assert!(height < span / 2.0, "{visible:?}: {height}");
        for step in 0..=20 {
            let y = visible.0 + 30.0 + (span - 60.0) * f64::from(step) / 20.0;
            let top = dock_sheet(y, 12.0, visible, height);
            assert!(
                top > y + 12.0 || top + height < y - 12.0,
                "{visible:?}: the sheet at {top} covers the point at {y}"
            );
        }
    }
}
