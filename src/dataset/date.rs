//! Calendar dates of the data file: `YYYY-MM-DD`, or `YYYY-MM` when the day
//! is unknown, and their place on the time axis as a fractional year.

use std::fmt;

use super::YEAR_RANGE;

/// A calendar date whose day may be unknown (`YYYY-MM`). A model's date
/// always has a month; an article's may have only a year (month `0`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    /// `0` when only the year is known (an article's date).
    pub month: u8,
    /// `0` when only the month is known.
    pub day: u8,
}

/// Where in a year a date with only a year known sits: the middle.
const MIDDLE_OF_YEAR: f64 = 0.5;

impl Date {
    /// The date as a fractional year, e.g. 2020-07-02 → about 2020.5. A date
    /// without a day sits in the middle of its month, one without a month in
    /// the middle of its year.
    pub fn fractional_year(self) -> f64 {
        if self.month == 0 {
            // Only the year is known (an article's date).
            return f64::from(self.year) + MIDDLE_OF_YEAR;
        }
        let days_in_year = if is_leap_year(self.year) {
            366.0
        } else {
            365.0
        };
        let days_before_month: u32 = (1..self.month)
            .map(|month| u32::from(days_in_month(self.year, month)))
            .sum();
        let day_in_month = if self.day == 0 {
            f64::from(days_in_month(self.year, self.month)) / 2.0
        } else {
            f64::from(self.day) - 0.5
        };
        f64::from(self.year) + (f64::from(days_before_month) + day_in_month) / days_in_year
    }
}

impl fmt::Display for Date {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.month == 0 {
            write!(formatter, "{:04}", self.year)
        } else if self.day == 0 {
            write!(formatter, "{:04}-{:02}", self.year, self.month)
        } else {
            write!(
                formatter,
                "{:04}-{:02}-{:02}",
                self.year, self.month, self.day
            )
        }
    }
}

fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

pub(super) fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parses `YYYY-MM-DD` or `YYYY-MM` and checks that the date exists and lies
/// within [`YEAR_RANGE`].
pub fn parse_date(value: &str) -> Result<Date, String> {
    let parts: Vec<&str> = value.split('-').collect();
    let shape_ok = matches!(parts.len(), 2 | 3)
        && parts[0].len() == 4
        && parts[1..].iter().all(|part| part.len() == 2)
        && parts
            .iter()
            .all(|part| part.bytes().all(|byte| byte.is_ascii_digit()));
    if !shape_ok {
        return Err(format!(
            "'{value}' is not a date of the form YYYY-MM-DD or YYYY-MM"
        ));
    }
    let number = |part: &str| part.parse::<u16>().unwrap_or(0);
    let year = number(parts[0]);
    let month = number(parts[1]);
    let day = parts.get(2).map_or(0, |part| number(part));
    if !(1..=12).contains(&month) {
        return Err(format!("'{value}' has no month {month}"));
    }
    // Both fit in a u8: month ≤ 12 was checked, and a two-digit day ≤ 99.
    let (month, day) = (month as u8, day as u8);
    if parts.len() == 3 && (day == 0 || day > days_in_month(year, month)) {
        return Err(format!("'{value}' has no day {day}"));
    }
    if year < YEAR_RANGE.0 || year > YEAR_RANGE.1 {
        return Err(format!(
            "year {year} is out of range ({}–{})",
            YEAR_RANGE.0, YEAR_RANGE.1
        ));
    }
    Ok(Date { year, month, day })
}
