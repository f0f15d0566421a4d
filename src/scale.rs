//! Scales: mapping data values to pixels and back.
//!
//! A scale has a domain (data values), a range (pixels), `map`, `invert` and
//! `ticks`. The log scale is the linear scale in log₁₀ space. Pixels grow
//! downwards on screen, so the y range is given as (bottom, top).

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

fn ordered((a, b): (f64, f64)) -> (f64, f64) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}
