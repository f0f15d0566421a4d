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
