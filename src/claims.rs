//! What the source article says of a model, set against what the primary
//! source shows: where the two differ beyond rounding, the chart draws a
//! hollow "ghost" at the article's position, joined to the sourced point.
//!
//! Rounding is forgiven: a count within 5 % of the source's (`约2500亿` for
//! 2457亿), a date in the same year and within 45 days of the source's (the
//! article's "October" for 28 September). A count the article gives where
//! the source gives none is always a difference (盘古NLP's `1000亿`).

use crate::dataset::{Date, Model};

/// How far an article's count may be from the source's and still be
/// rounding, as a fraction of the source's.
pub const COUNT_TOLERANCE: f64 = 0.05;
/// How many days an article's date may be from the source's, in the same
/// year, and still be rounding.
pub const DAYS_TOLERANCE: f64 = 45.0;

const DAYS_PER_YEAR: f64 = 365.25;

/// Where the article puts a model, when that is not where its source does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ghost {
    /// The article's date (the source's when the article gives none or
    /// agrees), as a fractional year.
    pub year: f64,
    /// The article's count (the source's when the article gives none or
    /// agrees).
    pub count: f64,
    pub date_differs: bool,
    pub count_differs: bool,
}

/// The ghost of `model`, if the article names it and differs from its
/// source beyond rounding; `None` otherwise.
pub fn ghost(model: &Model) -> Option<Ghost> {
    if !model.in_article {
        return None;
    }
    let date_differs = model
        .article_date
        .is_some_and(|article| date_differs(article, model.date));
    let count_differs = match (model.article_params, model.params) {
        (Some(article), Some(source)) => {
            (article as f64 - source as f64).abs() > COUNT_TOLERANCE * source as f64
        }
        (Some(_), None) => true,
        (None, _) => false,
    };
    if !date_differs && !count_differs {
        return None;
    }
    let year = match model.article_date {
        Some(article) if date_differs => article.fractional_year(),
        _ => model.date.fractional_year(),
    };
    let count = match (count_differs, model.article_params, model.params) {
        (true, Some(article), _) => article as f64,
        (_, _, Some(source)) => source as f64,
        // The date differs but neither gives a count: nothing to place.
        (_, _, None) => return None,
    };
    Some(Ghost {
        year,
        count,
        date_differs,
        count_differs,
    })
}

/// Whether the article's date (a year, a month or a day) is in another year
/// than the source's, or more than [`DAYS_TOLERANCE`] days from it.
pub fn date_differs(article: Date, source: Date) -> bool {
    if article.year != source.year {
        return true;
    }
    let (start, end) = span(article);
    let at = source.fractional_year();
    let gap = if at < start {
        start - at
    } else if at > end {
        at - end
    } else {
        0.0
    };
    gap * DAYS_PER_YEAR > DAYS_TOLERANCE
}

/// The span of time a date names, in fractional years: a day, a month or a
/// year.
fn span(date: Date) -> (f64, f64) {
    let year = f64::from(date.year);
    match (date.month, date.day) {
        (0, _) => (year, year + 1.0),
        (month, 0) => {
            let first = Date { day: 1, ..date };
            let next = if month == 12 {
                Date {
                    year: date.year + 1,
                    month: 1,
                    day: 1,
                }
            } else {
                Date {
                    month: month + 1,
                    day: 1,
                    ..date
                }
            };
            // fractional_year puts a day at its middle: take half a day off.
            let half_day = 0.5 / DAYS_PER_YEAR;
            (
                first.fractional_year() - half_day,
                next.fractional_year() - half_day,
            )
        }
        _ => {
            let at = date.fractional_year();
            (at, at)
        }
    }
}
