use param_scale::embedded::models;
use param_scale::i18n::{chart_description, Lang};

#[test]
fn language_tags_choose_chinese_or_english_and_nothing_else() {
    let cases = [
        ("zh", Some(Lang::Zh)),
        ("zh-CN", Some(Lang::Zh)),
        ("zh_TW", Some(Lang::Zh)),
        ("ZH-hant-HK", Some(Lang::Zh)),
        ("en", Some(Lang::En)),
        ("en-GB", Some(Lang::En)),
        ("fr-FR", None),
        ("", None),
    ];
    for (tag, expected) in cases {
        assert_eq!(Lang::from_tag(tag), expected, "{tag:?}");
    }
}

#[test]
fn the_first_chinese_or_english_browser_preference_wins_else_english() {
    let cases: [(&[&str], Lang); 4] = [
        (&["fr", "zh-CN", "en"], Lang::Zh),
        (&["de", "en-US", "zh"], Lang::En),
        (&["ja"], Lang::En),
        (&[], Lang::En),
    ];
    for (tags, expected) in cases {
        assert_eq!(
            Lang::from_preferences(tags.iter().copied()),
            expected,
            "{tags:?}"
        );
    }
}

#[test]
fn the_accessible_description_is_generated_from_the_data() {
    let cases = [
        (
            Lang::Zh,
            [
                "个模型",
                "最小的是",
                "最大的是八卦炉（14.5万亿）",
                "约每10.0个月翻一番",
            ],
        ),
        (
            Lang::En,
            [
                " models from 2017 to 2026",
                "Smallest: GPT",
                "largest: BaGuaLu (14.5T)",
                "doubles every 10.0 months",
            ],
        ),
    ];
    for (lang, parts) in cases {
        let text = chart_description(&models().iter().collect::<Vec<_>>(), Some(10.0), lang);
        for part in parts {
            assert!(text.contains(part), "{lang:?}: {text:?} lacks {part:?}");
        }
    }
}

#[test]
fn a_label_drops_an_explanation_in_brackets_but_keeps_a_variant() {
    use param_scale::embedded::models;
    use param_scale::i18n::label_name;
    let label = |id: &str, lang: Lang| {
        let model = models().iter().find(|model| model.id == id).expect(id);
        label_name(model, lang).to_owned()
    };
    assert_eq!(label("mt-nlg", Lang::Zh), "MT-NLG");
    assert_eq!(label("ernie-3-titan", Lang::Zh), "文心 ERNIE 3.0 Titan");
    assert_eq!(label("gpt-1", Lang::En), "GPT-1");
    assert_eq!(label("pangu", Lang::En), "PanGu NLP large model");
    assert_eq!(label("gpt-3", Lang::En), "GPT-3");
}
