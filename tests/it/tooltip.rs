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
