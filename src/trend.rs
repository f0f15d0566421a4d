//! The fitted trend: least squares of log₁₀(parameters) on time.
//!
//! A straight line in log space is exponential growth; its slope gives the
//! doubling time. The fit is made once per view over a stated period, never
//! on the pointer path.

/// A fitted line `log10(params) = intercept + slope × year`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    pub slope: f64,
    pub intercept: f64,
    /// The first and last year of the fitted points (fractional years).
    pub span: (f64, f64),
    pub n_points: usize,
}

impl Trend {
    /// Fits `(year, params)` pairs. `None` with fewer than two distinct
    /// years, or when counts do not grow (no doubling time exists).
    pub fn fit(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Trend> {
        let points: Vec<(f64, f64)> = points
            .into_iter()
            .filter(|(year, params)| year.is_finite() && *params > 0.0)
            .map(|(year, params)| (year, params.log10()))
            .collect();
        let n_points = points.len();
        if n_points < 2 {
            return None;
        }
        let n = n_points as f64;
        let mean_x = points.iter().map(|point| point.0).sum::<f64>() / n;
        let mean_y = points.iter().map(|point| point.1).sum::<f64>() / n;
        let sxx: f64 = points.iter().map(|point| (point.0 - mean_x).powi(2)).sum();
        let sxy: f64 = points
            .iter()
            .map(|point| (point.0 - mean_x) * (point.1 - mean_y))
            .sum();
        if sxx <= f64::EPSILON {
            return None;
        }
        let slope = sxy / sxx;
        if slope <= 0.0 {
            return None;
        }
        let first = points
            .iter()
            .map(|point| point.0)
            .fold(f64::INFINITY, f64::min);
        let last = points
            .iter()
            .map(|point| point.0)
            .fold(f64::NEG_INFINITY, f64::max);
        Some(Trend {
            slope,
            intercept: mean_y - slope * mean_x,
            span: (first, last),
            n_points,
        })
    }

    /// The fitted parameter count at `year`.
    pub fn params_at(&self, year: f64) -> f64 {
        10f64.powf(self.intercept + self.slope * year)
    }

    /// How many months it takes the fitted count to double.
    pub fn doubling_months(&self) -> f64 {
        12.0 * 2f64.log10() / self.slope
    }
}
