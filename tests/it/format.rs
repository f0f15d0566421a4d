use param_scale::i18n::{short_count, Lang};

#[test]
fn counts_read_in_the_readers_units() {
    let cases: &[(f64, &str, &str)] = &[
        (1e8, "1亿", "100M"),
        (1e9, "10亿", "1B"),
        (1e10, "100亿", "10B"),
        (1e11, "1000亿", "100B"),
        (1e12, "1万亿", "1T"),
        (1e13, "10万亿", "10T"),
        (1e14, "100万亿", "100T"),
        (175e9, "1750亿", "175B"),
        (245.7e9, "2457亿", "245.7B"),
        (1.571e12, "1.57万亿", "1.57T"),
        (117e6, "1.17亿", "117M"),
        (14.5e12, "14.5万亿", "14.5T"),
        (46.7e9, "467亿", "46.7B"),
        (999.999e9, "1万亿", "1T"),
        (5e4, "5万", "50K"),
        (12.0, "12", "12"),
    ];
    for (count, zh, en) in cases {
        assert_eq!(short_count(*count, Lang::Zh), *zh, "zh {count}");
        assert_eq!(short_count(*count, Lang::En), *en, "en {count}");
    }
}
