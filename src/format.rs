//! Numbers in the reader's units.
//!
//! Chinese counts large numbers in 万 (10⁴), 亿 (10⁸) and 万亿 (10¹²), so 175
//! billion is 1750亿; English uses thousand, million, billion and trillion
//! (K, M, B, T). Tick labels and point labels use the short forms.

use crate::i18n::Lang;

/// The short form of a count: zh `1750亿`, `1.6万亿`; en `175B`, `1.6T`.
/// At most four significant digits and two decimals; trailing zeros dropped.
pub fn short_count(count: f64, lang: Lang) -> String {
    let units: &[(f64, &str)] = match lang {
        Lang::Zh => &[(1e12, "万亿"), (1e8, "亿"), (1e4, "万")],
        Lang::En => &[(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")],
    };
    // Rounding may carry a value into the next unit (999.999B → 1T), so the
    // unit is chosen after rounding.
    for &(unit, suffix) in units {
        let scaled = round_significant(count / unit);
        if scaled >= 1.0 {
            return format!("{}{suffix}", trim_number(scaled));
        }
    }
    trim_number(round_significant(count))
}

/// Rounds to four significant digits but never more than two decimals.
fn round_significant(value: f64) -> f64 {
    let decimals = if value >= 1000.0 {
        0
    } else if value >= 100.0 {
        1
    } else {
        2
    };
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

fn trim_number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_owned()
}

/// The long English form: `175 billion`, `1.6 trillion`, `117 million`.
pub fn long_count_en(count: f64) -> String {
    for (unit, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        let scaled = round_significant(count / unit);
        if scaled >= 1.0 {
            return format!("{} {word}", trim_number(scaled));
        }
    }
    trim_number(round_significant(count))
}

/// A count in both of the reader's forms: zh `1750亿（175B）`, en
/// `175B (175 billion)`.
pub fn count_both_forms(count: u64, lang: Lang) -> String {
    let count = count as f64;
    match lang {
        Lang::Zh => format!(
            "{}（{}）",
            short_count(count, Lang::Zh),
            short_count(count, Lang::En)
        ),
        Lang::En => format!(
            "{} ({})",
            short_count(count, Lang::En),
            long_count_en(count)
        ),
    }
}

/// A date as the reader writes it: zh `2020年5月28日`, en `28 May 2020`;
/// without a day, zh `2021年8月`, en `August 2021`; a year alone, zh
/// `2019年`, en `2019`.
pub fn date_text(date: crate::dataset::Date, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month_name = MONTHS[usize::from(date.month.clamp(1, 12)) - 1];
    if date.month == 0 {
        // Only the year is known (an article's date).
        return match lang {
            Lang::Zh => format!("{}年", date.year),
            Lang::En => date.year.to_string(),
        };
    }
    match (lang, date.day) {
        (Lang::Zh, 0) => format!("{}年{}月", date.year, date.month),
        (Lang::Zh, day) => format!("{}年{}月{}日", date.year, date.month, day),
        (Lang::En, 0) => format!("{month_name} {}", date.year),
        (Lang::En, day) => format!("{day} {month_name} {}", date.year),
    }
}
