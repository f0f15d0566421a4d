//! Numbers rounded for reading: a count scaled into the largest of some
//! units it reaches, at most four significant digits and two decimals,
//! trailing zeros dropped.
//!
//! Purely numeric: which units a language counts in, and their names, are
//! [`crate::i18n`]'s (`i18n::short_count`, `i18n::count_units`).

/// `count` in the largest of `units` (each a size and its suffix, largest
/// first) that it reaches once rounded, the suffix after `separator`; below
/// the smallest unit, the count itself. Rounding may carry a value into the
/// next unit (999.999B → 1T), so the unit is chosen after rounding.
pub fn scaled_count(count: f64, units: &[(f64, &str)], separator: &str) -> String {
    for &(unit, suffix) in units {
        let scaled = round_significant(count / unit);
        if scaled >= 1.0 {
            return format!("{}{separator}{suffix}", trimmed_count(scaled));
        }
    }
    trimmed_count(round_significant(count))
}

/// Rounds to four significant digits but never more than two decimals.
pub fn round_significant(value: f64) -> f64 {
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

/// `value` with at most two decimals, trailing zeros (and a bare point)
/// dropped: `1.50` → `1.5`, `2.00` → `2`.
pub fn trimmed_count(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_owned()
}
