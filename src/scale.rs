//! Scales: mapping data values to pixels and back.
//!
//! A scale has a domain (data values), a range (pixels), `map`, `invert` and
//! `ticks`. The log scale is the linear scale in log₁₀ space. Pixels grow
//! downwards on screen, so the y range is given as (bottom, top). The y axis
//! is either ([`YScale`]): log, each step ×10, or linear from zero, which
//! shows how steep the climb is.

/// A linear map from a domain to a pixel range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Self { domain, range }
    }

    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    pub fn invert(&self, pixel: f64) -> f64 {
        LinearScale::new(self.range, self.domain).map(pixel)
    }

    /// A domain from zero to just above the largest value (by `margin` of
    /// it), on a round number; without values, 0..10¹².
    pub fn nice_zero_domain(values: impl IntoIterator<Item = f64>, margin: f64) -> (f64, f64) {
        let largest = values
            .into_iter()
            .filter(|value| value.is_finite() && *value > 0.0)
            .fold(0.0, f64::max);
        if largest <= 0.0 {
            return (0.0, 1e12);
        }
        let top = largest * (1.0 + margin);
        let step = nice_step(top / 10.0);
        (0.0, (top / step).ceil() * step)
    }

    /// Ticks on a round step (1, 2 or 5 times a power of ten) within the
    /// domain, at most `max_ticks` of them (and at least two where the
    /// domain allows).
    pub fn nice_ticks(&self, max_ticks: usize) -> Vec<f64> {
        let (low, high) = ordered(self.domain);
        if !low.is_finite() || !high.is_finite() || high <= low {
            return Vec::new();
        }
        let mut step = nice_step((high - low) / max_ticks.max(2) as f64);
        while ((high - low) / step).floor() as usize + 1 > max_ticks.max(2) {
            step = nice_step(step * 1.01);
        }
        let mut ticks = Vec::new();
        let mut index = (low / step).ceil();
        while index * step <= high * (1.0 + 1e-9) {
            ticks.push(index * step);
            index += 1.0;
        }
        ticks
    }

    /// The whole numbers within the domain that are multiples of `step`.
    pub fn integer_ticks(&self, step: u32) -> Vec<f64> {
        let step = f64::from(step.max(1));
        let (low, high) = ordered(self.domain);
        let mut tick = (low / step).ceil() * step;
        let mut ticks = Vec::new();
        while tick <= high + 1e-9 {
            ticks.push(tick);
            tick += step;
        }
        ticks
    }
}

/// A logarithmic map: `map(v)` is linear in `log10(v)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogScale {
    linear: LinearScale,
}

impl LogScale {
    /// `domain` must be positive.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Self {
            linear: LinearScale::new((domain.0.log10(), domain.1.log10()), range),
        }
    }

    /// The smallest domain of whole powers of ten that holds every value and
    /// spans at least `minimum_decades`, widened by `margin` decades on each
    /// side so that no point sits on the plot's edge (e.g. 10^7.88..10^14.12).
    /// Without values: 10⁸..10¹².
    pub fn nice_domain(
        values: impl IntoIterator<Item = f64>,
        minimum_decades: f64,
        margin: f64,
    ) -> (f64, f64) {
        let (low, high) = values
            .into_iter()
            .filter(|value| value.is_finite() && *value > 0.0)
            .map(f64::log10)
            .fold(None, |range: Option<(f64, f64)>, value| {
                Some(range.map_or((value, value), |(low, high)| {
                    (low.min(value), high.max(value))
                }))
            })
            .unwrap_or((8.0, 12.0));
        let mut low = low.floor();
        let mut high = high.ceil().max(low + 1.0);
        // Widen evenly (the top first) until the minimum span is reached.
        while high - low < minimum_decades {
            high += 1.0;
            if high - low < minimum_decades {
                low -= 1.0;
            }
        }
        (10f64.powf(low - margin), 10f64.powf(high + margin))
    }

    pub fn map(&self, value: f64) -> f64 {
        self.linear.map(value.log10())
    }

    pub fn invert(&self, pixel: f64) -> f64 {
        10f64.powf(self.linear.invert(pixel))
    }

    /// The powers of ten within the domain.
    pub fn ticks(&self) -> Vec<f64> {
        self.linear
            .integer_ticks(1)
            .into_iter()
            .map(|exponent| 10f64.powf(exponent))
            .collect()
    }
}

/// The y axis of the chart: log (each step ×10) or linear from zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YScale {
    Log(LogScale),
    Linear(LinearScale),
}

impl YScale {
    pub fn map(&self, value: f64) -> f64 {
        match self {
            YScale::Log(scale) => scale.map(value),
            YScale::Linear(scale) => scale.map(value),
        }
    }

    pub fn invert(&self, pixel: f64) -> f64 {
        match self {
            YScale::Log(scale) => scale.invert(pixel),
            YScale::Linear(scale) => scale.invert(pixel),
        }
    }

    /// The powers of ten (log) or up to seven round values (linear) within
    /// the domain.
    pub fn ticks(&self) -> Vec<f64> {
        match self {
            YScale::Log(scale) => scale.ticks(),
            YScale::Linear(scale) => scale.nice_ticks(7),
        }
    }

    pub fn is_log(&self) -> bool {
        matches!(self, YScale::Log(_))
    }
}

/// The smallest of 1, 2, 5 × 10ⁿ at least `rough`.
fn nice_step(rough: f64) -> f64 {
    if !rough.is_finite() || rough <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|factor| factor * power)
        .find(|step| *step >= rough * (1.0 - 1e-12))
        .unwrap_or(10.0 * power)
}

fn ordered((a, b): (f64, f64)) -> (f64, f64) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}
