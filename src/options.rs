//! Chart options and the view they describe, from a JS options object or
//! from the page's URL, and back to a URL.
//!
//! Options arrive from outside (a host page, a hand-typed URL), so reading
//! them is total: an unknown key or a bad value is skipped with a warning
//! that the browser shell prints to the console, never an error.
//!
//! The URL form is
//! `?lang=en&theme=dark&hide=cn,moe&from=2018&to=2022&count=active&fit=all&claims=1&step=3&focus=gpt-3`.

use crate::dataset::{Architecture, Model, Region, YEAR_RANGE};
use crate::lang::Lang;
use crate::theme::ThemeName;

/// Which series the reader has hidden with the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Hidden {
    regions: [bool; 4],
    dense: bool,
    moe: bool,
}

/// A series the legend can show or hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Series {
    Region(Region),
    Architecture(Architecture),
}

impl Series {
    /// Every series, in legend order.
    pub const ALL: [Series; 6] = [
        Series::Region(Region::UnitedStates),
        Series::Region(Region::Europe),
        Series::Region(Region::China),
        Series::Region(Region::Other),
        Series::Architecture(Architecture::Dense),
        Series::Architecture(Architecture::MixtureOfExperts),
    ];

    /// The code used in the URL's `hide` list.
    pub fn code(self) -> &'static str {
        match self {
            Series::Region(Region::UnitedStates) => "us",
            Series::Region(Region::Europe) => "eu",
            Series::Region(Region::China) => "cn",
            Series::Region(Region::Other) => "other",
            Series::Architecture(architecture) => architecture.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<Series> {
        Series::ALL.into_iter().find(|series| series.code() == code)
    }
}

impl Hidden {
    pub fn is_hidden(&self, series: Series) -> bool {
        match series {
            Series::Region(region) => self.regions[region.index()],
            Series::Architecture(Architecture::Dense) => self.dense,
            Series::Architecture(Architecture::MixtureOfExperts) => self.moe,
            Series::Architecture(Architecture::Undisclosed) => false,
        }
    }

    pub fn set(&mut self, series: Series, hidden: bool) {
        match series {
            Series::Region(region) => self.regions[region.index()] = hidden,
            Series::Architecture(Architecture::Dense) => self.dense = hidden,
            Series::Architecture(Architecture::MixtureOfExperts) => self.moe = hidden,
            Series::Architecture(Architecture::Undisclosed) => {}
        }
    }

    pub fn toggle(&mut self, series: Series) {
        self.set(series, !self.is_hidden(series));
    }

    /// The hidden series in legend order.
    pub fn series(&self) -> impl Iterator<Item = Series> + '_ {
        Series::ALL
            .into_iter()
            .filter(|series| self.is_hidden(*series))
    }
}

/// Which count of a mixture of experts the y axis shows: every parameter,
/// or those it activates per token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CountBasis {
    #[default]
    Total,
    Active,
}

impl CountBasis {
    pub const ALL: [CountBasis; 2] = [CountBasis::Total, CountBasis::Active];

    /// The code in the URL's `count`.
    pub fn code(self) -> &'static str {
        match self {
            CountBasis::Total => "total",
            CountBasis::Active => "active",
        }
    }

    pub fn from_code(code: &str) -> Option<CountBasis> {
        CountBasis::ALL
            .into_iter()
            .find(|basis| basis.code() == code)
    }
}

/// How the y axis spaces the counts: log, each step ×10 (the default), or
/// linear from zero, which shows how steep the climb is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AxisScale {
    #[default]
    Log,
    Linear,
}

impl AxisScale {
    pub const ALL: [AxisScale; 2] = [AxisScale::Log, AxisScale::Linear];

    /// The code in the URL's `scale`.
    pub fn code(self) -> &'static str {
        match self {
            AxisScale::Log => "log",
            AxisScale::Linear => "linear",
        }
    }

    pub fn from_code(code: &str) -> Option<AxisScale> {
        AxisScale::ALL
            .into_iter()
            .find(|scale| scale.code() == code)
    }
}

/// Something the legend switches: a series shown or hidden, the count the
/// axis shows, the axis's scale, or whether demonstrations count in the
/// trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Toggle {
    Series(Series),
    Count(CountBasis),
    /// The y axis's scale.
    Scale(AxisScale),
    FitDemonstrations,
    /// The article's claims, drawn as ghosts.
    Claims,
}

impl Toggle {
    /// The code the page's legend buttons carry (`data-toggle`): a series'
    /// own code, `count-total`, `count-active` or `fit-all`.
    pub fn code(self) -> &'static str {
        match self {
            Toggle::Series(series) => series.code(),
            Toggle::Count(CountBasis::Total) => "count-total",
            Toggle::Count(CountBasis::Active) => "count-active",
            Toggle::Scale(AxisScale::Log) => "scale-log",
            Toggle::Scale(AxisScale::Linear) => "scale-linear",
            Toggle::FitDemonstrations => "fit-all",
            Toggle::Claims => "claims",
        }
    }

    pub fn from_code(code: &str) -> Option<Toggle> {
        let others = [
            Toggle::Count(CountBasis::Total),
            Toggle::Count(CountBasis::Active),
            Toggle::Scale(AxisScale::Log),
            Toggle::Scale(AxisScale::Linear),
            Toggle::FitDemonstrations,
            Toggle::Claims,
        ];
        Series::from_code(code)
            .map(Toggle::Series)
            .or_else(|| others.into_iter().find(|toggle| toggle.code() == code))
    }
}

impl View {
    /// The view with `toggle` switched: a series shown or hidden, the count
    /// chosen, demonstrations brought into the trend or left out.
    pub fn toggled(mut self, toggle: Toggle) -> View {
        match toggle {
            Toggle::Series(series) => self.hidden.toggle(series),
            Toggle::Count(basis) => self.count = basis,
            Toggle::Scale(scale) => self.scale = scale,
            Toggle::FitDemonstrations => self.fit_demonstrations = !self.fit_demonstrations,
            Toggle::Claims => self.claims = !self.claims,
        }
        self
    }
}

/// A span of whole years, both included (`from=2018&to=2022`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct YearRange {
    pub from: u16,
    pub to: u16,
}

impl YearRange {
    /// The range in fractional years: from the start of `from` to the end
    /// of `to`.
    pub fn span(self) -> (f64, f64) {
        (f64::from(self.from), f64::from(self.to) + 1.0)
    }
}

/// The most models one story step may highlight.
pub const MAX_HIGHLIGHT: usize = crate::dataset::story::MAX_STEP_MODELS;

/// The models a story step highlights (the rest are dimmed, still there):
/// a few model indices, kept inline so that a view stays a small value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Highlight {
    indices: [u32; MAX_HIGHLIGHT],
    len: u8,
}

impl Highlight {
    /// The highlight of `indices`; `None` for more than [`MAX_HIGHLIGHT`].
    pub fn of(indices: &[usize]) -> Option<Highlight> {
        if indices.len() > MAX_HIGHLIGHT {
            return None;
        }
        let mut highlight = Highlight::default();
        for (slot, index) in highlight.indices.iter_mut().zip(indices) {
            *slot = u32::try_from(*index).ok()?;
        }
        highlight.len = indices.len() as u8;
        Some(highlight)
    }

    /// Whether nothing is highlighted (no story step).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the model at `index` is highlighted.
    pub fn contains(&self, index: usize) -> bool {
        self.indices[..usize::from(self.len)]
            .iter()
            .any(|highlighted| *highlighted as usize == index)
    }

    /// Whether the model at `index` is drawn dimmed: something else is
    /// highlighted.
    pub fn dims(&self, index: usize) -> bool {
        !self.is_empty() && !self.contains(index)
    }
}

/// The part of the data the reader looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct View {
    pub hidden: Hidden,
    pub range: Option<YearRange>,
    /// The count the y axis shows for mixtures of experts.
    pub count: CountBasis,
    /// How the y axis spaces the counts.
    pub scale: AxisScale,
    /// Whether demonstrations count in the trend (left out by default).
    pub fit_demonstrations: bool,
    /// Whether the article's claims are drawn as ghosts beside the sources.
    pub claims: bool,
    /// The models a story step highlights; empty outside the story.
    pub highlight: Highlight,
}

impl View {
    /// Whether `model` is drawn: its series are shown and its date lies in
    /// the range.
    pub fn shows(&self, model: &Model) -> bool {
        let series_shown = !self.hidden.is_hidden(Series::Region(model.region()))
            && !self
                .hidden
                .is_hidden(Series::Architecture(model.architecture));
        let in_range = self.range.is_none_or(|range| {
            let (from, to) = range.span();
            let year = model.date.fractional_year();
            year >= from && year < to
        });
        series_shown && in_range
    }
}

/// What a chart can be asked for. `None` means "decide by the page".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChartOptions {
    pub lang: Option<Lang>,
    pub theme: Option<ThemeName>,
    pub hide: Option<Hidden>,
    pub from: Option<u16>,
    pub to: Option<u16>,
    /// The count the y axis shows (`count=active`).
    pub count: Option<CountBasis>,
    /// The y axis's scale (`scale=linear`).
    pub scale: Option<AxisScale>,
    /// Whether demonstrations count in the trend (`fit=all`).
    pub fit_demonstrations: Option<bool>,
    /// Whether the article's claims are drawn (`claims=1`).
    pub claims: Option<bool>,
    /// The story step shown (`step=3`); 0 leaves the story.
    pub step: Option<u32>,
    /// The id of the model to focus.
    pub focus: Option<String>,
}

/// The highest story step a URL may ask for (the story itself may have
/// fewer: the chart ignores a step it does not have, with a warning).
pub const MAX_STEP: u32 = 99;

/// The series of `hide=us,moe`; a warning for a code that is none.
fn hidden_from_codes(value: &str) -> Result<Hidden, String> {
    let mut hidden = Hidden::default();
    for code in value
        .split(',')
        .map(str::trim)
        .filter(|code| !code.is_empty())
    {
        let series = Series::from_code(code).ok_or_else(|| {
            format!("hide: '{code}' is not one of us, eu, cn, other, dense, moe; ignored")
        })?;
        hidden.set(series, true);
    }
    Ok(hidden)
}

/// The year of `from=` or `to=` (`key`); a warning outside the data's years.
fn year_from_text(key: &str, value: &str) -> Result<u16, String> {
    value
        .parse::<u16>()
        .ok()
        .filter(|year| (YEAR_RANGE.0..=YEAR_RANGE.1).contains(year))
        .ok_or_else(|| {
            format!(
                "{key}: '{value}' is not a year from {} to {}; ignored",
                YEAR_RANGE.0, YEAR_RANGE.1
            )
        })
}

/// The model id of `focus=`: lower-case letters, digits and hyphens.
fn model_id_from_text(value: &str) -> Result<String, String> {
    let valid = !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-');
    if valid {
        Ok(value.to_owned())
    } else {
        Err(format!("focus: '{value}' is not a model id; ignored"))
    }
}

/// The keys [`ChartOptions::set`] knows.
pub const OPTION_KEYS: [&str; 11] = [
    "lang", "theme", "hide", "from", "to", "count", "scale", "fit", "claims", "step", "focus",
];

impl ChartOptions {
    /// Sets one option from text. Returns a warning (and changes nothing)
    /// for an unknown key or a value that the key does not take.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let value = value.trim();
        match key {
            "lang" => match value {
                "zh" => self.lang = Some(Lang::Zh),
                "en" => self.lang = Some(Lang::En),
                other => return Err(format!("lang: '{other}' is not zh or en; ignored")),
            },
            "theme" => match ThemeName::from_code(value) {
                Some(theme) => self.theme = Some(theme),
                None => return Err(format!("theme: '{value}' is not light or dark; ignored")),
            },
            "hide" => self.hide = Some(hidden_from_codes(value)?),
            "from" => self.from = Some(year_from_text(key, value)?),
            "to" => self.to = Some(year_from_text(key, value)?),
            "count" => match CountBasis::from_code(value) {
                Some(basis) => self.count = Some(basis),
                None => return Err(format!("count: '{value}' is not total or active; ignored")),
            },
            "scale" => match AxisScale::from_code(value) {
                Some(scale) => self.scale = Some(scale),
                None => return Err(format!("scale: '{value}' is not log or linear; ignored")),
            },
            "fit" => match value {
                "all" => self.fit_demonstrations = Some(true),
                "models" => self.fit_demonstrations = Some(false),
                other => return Err(format!("fit: '{other}' is not all or models; ignored")),
            },
            "claims" => match value {
                "1" => self.claims = Some(true),
                "0" => self.claims = Some(false),
                other => return Err(format!("claims: '{other}' is not 1 or 0; ignored")),
            },
            "step" => match value.parse::<u32>() {
                Ok(step) if step <= MAX_STEP => self.step = Some(step),
                _ => {
                    return Err(format!(
                        "step: '{value}' is not a story step from 0 to {MAX_STEP}; ignored"
                    ))
                }
            },
            "focus" => self.focus = Some(model_id_from_text(value)?),
            other => {
                return Err(format!(
                    "unknown option '{other}' ignored (known: {})",
                    OPTION_KEYS.join(", ")
                ))
            }
        }
        Ok(())
    }

    /// Reads options from a URL query (`?lang=en&theme=dark`), returning the
    /// options and a warning for each parameter that was skipped. Parameters
    /// named in `foreign` belong to the page (e.g. `embed`) and are skipped
    /// silently.
    pub fn from_query(query: &str, foreign: &[&str]) -> (ChartOptions, Vec<String>) {
        let mut options = ChartOptions::default();
        let mut warnings = Vec::new();
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| !pair.is_empty())
        {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (percent_decode(key), percent_decode(value));
            if foreign.contains(&key.as_str()) {
                continue;
            }
            if let Err(warning) = options.set(&key, &value) {
                warnings.push(format!("URL parameter {warning}"));
            }
        }
        (options, warnings)
    }

    /// The options as a URL query without the `?`, keys in a fixed order,
    /// unset options left out. `from_query(to_query(o)) == o`.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<String> = Vec::new();
        if let Some(lang) = self.lang {
            pairs.push(format!("lang={}", lang.code()));
        }
        if let Some(theme) = self.theme {
            pairs.push(format!("theme={}", theme.code()));
        }
        if let Some(hidden) = self.hide {
            let codes: Vec<&str> = hidden.series().map(Series::code).collect();
            pairs.push(format!("hide={}", codes.join(",")));
        }
        if let Some(from) = self.from {
            pairs.push(format!("from={from}"));
        }
        if let Some(to) = self.to {
            pairs.push(format!("to={to}"));
        }
        if let Some(count) = self.count {
            pairs.push(format!("count={}", count.code()));
        }
        if let Some(scale) = self.scale {
            pairs.push(format!("scale={}", scale.code()));
        }
        if let Some(fit_all) = self.fit_demonstrations {
            pairs.push(format!("fit={}", if fit_all { "all" } else { "models" }));
        }
        if let Some(claims) = self.claims {
            pairs.push(format!("claims={}", u8::from(claims)));
        }
        if let Some(step) = self.step {
            pairs.push(format!("step={step}"));
        }
        if let Some(focus) = &self.focus {
            pairs.push(format!("focus={focus}"));
        }
        pairs.join("&")
    }

    /// `self` where set, else `fallback`.
    pub fn or(self, fallback: ChartOptions) -> ChartOptions {
        ChartOptions {
            lang: self.lang.or(fallback.lang),
            theme: self.theme.or(fallback.theme),
            hide: self.hide.or(fallback.hide),
            from: self.from.or(fallback.from),
            to: self.to.or(fallback.to),
            count: self.count.or(fallback.count),
            scale: self.scale.or(fallback.scale),
            fit_demonstrations: self.fit_demonstrations.or(fallback.fit_demonstrations),
            claims: self.claims.or(fallback.claims),
            step: self.step.or(fallback.step),
            focus: self.focus.or(fallback.focus),
        }
    }

    /// The year range the options ask for, if any: a missing end is the
    /// data's own; ends given the wrong way round are swapped.
    pub fn range(&self, data_years: (u16, u16)) -> Option<YearRange> {
        if self.from.is_none() && self.to.is_none() {
            return None;
        }
        let from = self.from.unwrap_or(data_years.0);
        let to = self.to.unwrap_or(data_years.1);
        Some(YearRange {
            from: from.min(to),
            to: from.max(to),
        })
    }
}

/// Decodes `%xx` escapes and `+` as space; malformed escapes stay as they
/// are, and invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        let hex = |offset: usize| {
            bytes
                .get(index + offset)
                .and_then(|digit| (*digit as char).to_digit(16))
        };
        match (byte, hex(1), hex(2)) {
            (b'%', Some(high), Some(low)) => {
                decoded.push((high * 16 + low) as u8);
                index += 3;
            }
            (b'+', _, _) => {
                decoded.push(b' ');
                index += 1;
            }
            _ => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}
