//! The models and the article's stages: the types every other module reads.
//!
//! `data/models.csv` is the single source of every number on the chart. The
//! rooms of this module:
//! - here, the row types ([`Model`], [`Stage`]) and their closed sets of
//!   values ([`Architecture`], [`Status`], [`Modality`], [`Region`]), each
//!   with its one code in the data file;
//! - [`date`]: calendar dates and their place on the time axis;
//! - [`validate`]: text to rows, refusing anything it cannot vouch for with
//!   a [`DataError`] that names the file, the line and the field
//!   (`data/models.csv:12: date: …`);
//! - [`story`]: the article's story, step by step (`story.csv`);
//! - [`blob`]: the compact binary form the rows are embedded in.
//!
//! `build.rs` runs the same code (through `#[path]`) so that bad data fails
//! the build, then embeds the rows; at run time nothing is parsed.
//!
//! This module knows nothing of drawing or of the browser, and uses only `std`.

use std::borrow::Cow;
use std::fmt;

pub mod blob;
pub mod date;
pub mod story;
pub mod validate;

pub use blob::{decode_binary, encode_binary};
pub use date::{parse_date, Date};
pub use story::{decode_story, encode_story, parse_story, Step, STORY_COLUMNS};
pub use validate::{
    parse_article_date, parse_models, parse_params, parse_stages, DATA_FILE_COLUMNS, MODEL_COLUMNS,
    OPTIONAL_MODEL_COLUMNS, STAGE_COLUMNS,
};

/// Text that is either embedded (`&'static str`) or parsed at run time.
pub type Text = Cow<'static, str>;

/// The earliest and latest years a model may have.
pub const YEAR_RANGE: (u16, u16) = (2000, 2035);

/// The largest parameter count the validator accepts (a quadrillion): larger
/// figures are typing slips.
pub const MAX_PARAMS: u64 = 1_000_000_000_000_000;

/// Dense models use every parameter for every token; mixture-of-experts
/// models route each token through a few experts, so their total count is
/// not comparable one to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Architecture {
    Dense,
    MixtureOfExperts,
    /// Never disclosed (only for models whose count is undisclosed too).
    Undisclosed,
}

impl Architecture {
    pub const ALL: [Architecture; 3] = [
        Architecture::Dense,
        Architecture::MixtureOfExperts,
        Architecture::Undisclosed,
    ];

    /// The code in the data file, the CSV export and the URL (`dense`, `moe`).
    pub fn code(self) -> &'static str {
        match self {
            Architecture::Dense => "dense",
            Architecture::MixtureOfExperts => "moe",
            Architecture::Undisclosed => "undisclosed",
        }
    }

    pub fn from_code(code: &str) -> Option<Architecture> {
        Architecture::ALL
            .into_iter()
            .find(|architecture| architecture.code() == code)
    }
}

/// What a point is: a model people could use, one only described in a
/// paper, or a run made to show what a system can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Status {
    /// Weights or a product people use.
    #[default]
    Released,
    /// Described in a paper, never released.
    Paper,
    /// A system or training run shown to prove scale (e.g. 八卦炉's 14.5
    /// trillion on the Sunway supercomputer): drawn hollow, and left out of
    /// the trend unless the reader brings it in.
    Demonstration,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Released, Status::Paper, Status::Demonstration];

    /// The code in the data file.
    pub fn code(self) -> &'static str {
        match self {
            Status::Released => "released",
            Status::Paper => "paper",
            Status::Demonstration => "demonstration",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    Text,
    Multimodal,
    Vision,
    Image,
}

impl Modality {
    pub const ALL: [Modality; 4] = [
        Modality::Text,
        Modality::Multimodal,
        Modality::Vision,
        Modality::Image,
    ];

    /// The code in the data file.
    pub fn code(self) -> &'static str {
        match self {
            Modality::Text => "text",
            Modality::Multimodal => "multimodal",
            Modality::Vision => "vision",
            Modality::Image => "image",
        }
    }

    pub fn from_code(code: &str) -> Option<Modality> {
        Modality::ALL
            .into_iter()
            .find(|modality| modality.code() == code)
    }
}

/// The regions the chart colours by, derived from the country code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    UnitedStates,
    Europe,
    China,
    Other,
}

impl Region {
    pub const ALL: [Region; 4] = [
        Region::UnitedStates,
        Region::Europe,
        Region::China,
        Region::Other,
    ];

    /// The region's place in [`Region::ALL`] (and in per-region tables).
    pub fn index(self) -> usize {
        match self {
            Region::UnitedStates => 0,
            Region::Europe => 1,
            Region::China => 2,
            Region::Other => 3,
        }
    }

    /// The region of an ISO 3166-1 alpha-2 country code.
    pub fn from_country(country: &str) -> Region {
        const EUROPE: [&str; 31] = [
            "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR",
            "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT",
            "RO", "SE", "SI",
        ];
        match country {
            "US" => Region::UnitedStates,
            "CN" | "HK" | "MO" => Region::China,
            _ if EUROPE.contains(&country) => Region::Europe,
            _ => Region::Other,
        }
    }
}

/// One row of the data file.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub id: Text,
    pub name: Text,
    pub name_zh: Text,
    pub organization: Text,
    pub organization_zh: Text,
    pub country: Text,
    pub date: Date,
    /// `None` when the organization never disclosed the count.
    pub params: Option<u64>,
    /// The parameters a mixture of experts activates per token; `None` for
    /// dense models and where the maker did not say.
    pub active_params: Option<u64>,
    pub architecture: Architecture,
    pub status: Status,
    pub modality: Modality,
    pub source_url: Text,
    /// The source article's own words for this model, briefly quoted in
    /// Chinese; empty where the article names it without a claim.
    pub article_claim: Text,
    /// A faithful English rendering of `article_claim`.
    pub article_claim_en: Text,
    /// The date the article gives, as precise as the article is (month 0:
    /// only the year); `None` where it gives none.
    pub article_date: Option<Date>,
    /// The count the article's words mean (`百亿` → 10,000,000,000).
    pub article_params: Option<u64>,
    /// Whether the source article names this model (its label is drawn first).
    pub in_article: bool,
    pub note: Text,
    /// The note in Chinese; empty falls back to `note`.
    pub note_zh: Text,
}

/// The first and last year of `models`; `None` without models.
pub fn year_span(models: &[Model]) -> Option<(u16, u16)> {
    let first = models.iter().map(|model| model.date.year).min()?;
    let last = models.iter().map(|model| model.date.year).max()?;
    Some((first, last))
}

impl Model {
    pub fn region(&self) -> Region {
        Region::from_country(&self.country)
    }

    /// Whether this is a demonstration of scale rather than a model.
    pub fn is_demonstration(&self) -> bool {
        self.status == Status::Demonstration
    }
}

/// One of the article's stages of scale (预训练模型 → 大规模预训练模型 →
/// 超大规模预训练模型): a range of parameter counts with a name.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub id: Text,
    pub label: Text,
    pub label_zh: Text,
    /// The scale in words, e.g. `亿级`.
    pub scale: Text,
    pub scale_zh: Text,
    pub params_from: u64,
    pub params_to: u64,
}

/// A problem with one field of one line of a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: usize,
    pub field: String,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{}:{}: {}: {}",
            self.file, self.line, self.field, self.message
        )
    }
}
