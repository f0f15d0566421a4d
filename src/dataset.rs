//! The models and the article's stages: types, parsing and validation.
//!
//! `data/models.csv` is the single source of every number on the chart. This
//! module turns its text into [`Model`]s and refuses anything it cannot vouch
//! for: each problem becomes a [`DataError`] that names the file, the line and
//! the field (`data/models.csv:12: date: …`). `build.rs` runs the same code
//! (through `#[path]`) so that bad data fails the build, then embeds the rows
//! as static values; at run time nothing is parsed.
//!
//! This module knows nothing of drawing or of the browser, and uses only `std`.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use crate::csv::{parse_records, Record};

/// Text that is either embedded (`&'static str`) or parsed at run time.
pub type Text = Cow<'static, str>;

/// The earliest and latest years a model may have.
pub const YEAR_RANGE: (u16, u16) = (2000, 2035);

/// The largest parameter count the validator accepts (a quadrillion): larger
/// figures are typing slips.
pub const MAX_PARAMS: u64 = 1_000_000_000_000_000;

/// A calendar date whose day may be unknown (`YYYY-MM`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    /// `0` when only the month is known.
    pub day: u8,
}

impl Date {
    /// The date as a fractional year, e.g. 2020-07-02 → about 2020.5. A date
    /// without a day sits in the middle of its month.
    pub fn fractional_year(self) -> f64 {
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
        if self.day == 0 {
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

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    Text,
    Multimodal,
    Vision,
    Image,
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
    pub architecture: Architecture,
    pub modality: Modality,
    pub source_url: Text,
    /// What the source article says of this model where it differs from the
    /// primary source; empty otherwise.
    pub article_claim: Text,
    /// Whether the source article names this model (its label is drawn first).
    pub in_article: bool,
    pub note: Text,
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

/// The columns of `models.csv`, in any order; `article` is optional.
pub const MODEL_COLUMNS: [&str; 13] = [
    "id",
    "name",
    "name_zh",
    "organization",
    "organization_zh",
    "country",
    "date",
    "params",
    "architecture",
    "modality",
    "source_url",
    "article_claim",
    "note",
];

/// The columns of `stages.csv`.
pub const STAGE_COLUMNS: [&str; 7] = [
    "id",
    "label",
    "label_zh",
    "scale",
    "scale_zh",
    "params_from",
    "params_to",
];

/// A table read from CSV: the header's column positions and the rows.
struct Table<'a> {
    file: &'a str,
    columns: Vec<String>,
    rows: Vec<Record>,
}

impl<'a> Table<'a> {
    fn read(
        file: &'a str,
        text: &str,
        required: &[&str],
        errors: &mut Vec<DataError>,
    ) -> Option<Self> {
        let mut records = match parse_records(text) {
            Ok(records) => records,
            Err(error) => {
                errors.push(DataError {
                    file: file.into(),
                    line: error.line,
                    field: "csv".into(),
                    message: error.message,
                });
                return None;
            }
        };
        if records.is_empty() {
            errors.push(error_at(file, 1, "header", "the file is empty"));
            return None;
        }
        let header = records.remove(0);
        let columns: Vec<String> = header.fields.iter().map(|c| c.trim().to_owned()).collect();
        let mut complete = true;
        for name in required {
            if !columns.iter().any(|column| column == name) {
                errors.push(error_at(
                    file,
                    header.line,
                    name,
                    "column missing from the header",
                ));
                complete = false;
            }
        }
        complete.then_some(Table {
            file,
            columns,
            rows: records,
        })
    }

    /// The cells of one row by column name, after checking the row's width.
    fn row<'r>(&self, record: &'r Record, errors: &mut Vec<DataError>) -> Option<Row<'_, 'r>> {
        if record.fields.len() != self.columns.len() {
            errors.push(error_at(
                self.file,
                record.line,
                "csv",
                &format!(
                    "expected {} fields as in the header, found {}",
                    self.columns.len(),
                    record.fields.len()
                ),
            ));
            return None;
        }
        Some(Row {
            table: self,
            record,
        })
    }
}

struct Row<'t, 'r> {
    table: &'t Table<'t>,
    record: &'r Record,
}

impl Row<'_, '_> {
    fn get(&self, column: &str) -> &str {
        self.table
            .columns
            .iter()
            .position(|name| name == column)
            .and_then(|index| self.record.fields.get(index))
            .map_or("", |cell| cell.trim())
    }

    fn error(&self, field: &str, message: &str) -> DataError {
        error_at(self.table.file, self.record.line, field, message)
    }

    /// A field that must not be empty.
    fn required(&self, field: &str, errors: &mut Vec<DataError>) -> Option<Text> {
        let value = self.get(field);
        if value.is_empty() {
            errors.push(self.error(field, "missing (this field is required)"));
            return None;
        }
        Some(Cow::Owned(value.to_owned()))
    }

    /// A field that may be empty, falling back to another value.
    fn optional(&self, field: &str, fallback: &str) -> Text {
        match self.get(field) {
            "" => Cow::Owned(fallback.to_owned()),
            value => Cow::Owned(value.to_owned()),
        }
    }

    fn date(&self, field: &str, errors: &mut Vec<DataError>) -> Option<Date> {
        let value = self.get(field);
        if value.is_empty() {
            errors.push(self.error(field, "missing (this field is required)"));
            return None;
        }
        match parse_date(value) {
            Ok(date) => Some(date),
            Err(message) => {
                errors.push(self.error(field, &message));
                None
            }
        }
    }
}

fn error_at(file: &str, line: usize, field: &str, message: &str) -> DataError {
    DataError {
        file: file.into(),
        line,
        field: field.into(),
        message: message.into(),
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

/// Parses a parameter count: plain digits, empty for undisclosed.
pub fn parse_params(value: &str) -> Result<Option<u64>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    if !value.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(format!(
            "'{value}' is not a whole number (write digits only, e.g. 175000000000; leave empty if undisclosed)"
        ));
    }
    match value.parse::<u64>() {
        Ok(0) => Err("a model cannot have 0 parameters (leave empty if undisclosed)".into()),
        Ok(count) if count <= MAX_PARAMS => Ok(Some(count)),
        _ => Err(format!(
            "'{value}' is larger than {MAX_PARAMS}, surely a slip"
        )),
    }
}

fn is_slug(value: &str) -> bool {
    !value.is_empty()
        && !value.starts_with('-')
        && !value.ends_with('-')
        && value
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

fn check_https(row: &Row<'_, '_>, field: &str, errors: &mut Vec<DataError>) -> Option<Text> {
    let url = row.required(field, errors)?;
    let host = url.strip_prefix("https://").unwrap_or("");
    if host.is_empty() || host.starts_with('/') || url.chars().any(char::is_whitespace) {
        errors.push(row.error(field, &format!("'{url}' is not an https:// address")));
        return None;
    }
    // Characters that no address holds unescaped (RFC 3986): percent-encode them.
    if url.chars().any(|c| {
        c.is_control() || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
    }) {
        errors.push(row.error(
            field,
            &format!("'{url}' holds characters an address cannot (percent-encode them)"),
        ));
        return None;
    }
    Some(url)
}

/// Parses and validates `models.csv`. `file` is the name errors report.
/// Returns every problem found, not only the first.
pub fn parse_models(file: &str, text: &str) -> Result<Vec<Model>, Vec<DataError>> {
    let mut errors = Vec::new();
    let Some(table) = Table::read(file, text, &MODEL_COLUMNS, &mut errors) else {
        return Err(errors);
    };
    let mut models = Vec::with_capacity(table.rows.len());
    let mut ids = HashSet::new();
    for record in &table.rows {
        let Some(row) = table.row(record, &mut errors) else {
            continue;
        };
        let errors_before = errors.len();
        let id = row.required("id", &mut errors);
        if let Some(id) = &id {
            if !is_slug(id) {
                errors.push(row.error(
                    "id",
                    &format!("'{id}' must be lowercase letters, digits and dashes"),
                ));
            } else if !ids.insert(id.to_string()) {
                errors.push(row.error("id", &format!("duplicate id '{id}'")));
            }
        }
        let name = row.required("name", &mut errors);
        let organization = row.required("organization", &mut errors);
        let country = row.required("country", &mut errors);
        if let Some(country) = &country {
            if country.len() != 2 || !country.bytes().all(|byte| byte.is_ascii_uppercase()) {
                errors.push(row.error(
                    "country",
                    &format!("'{country}' is not a two-letter ISO country code such as US or CN"),
                ));
            }
        }
        let date = row.date("date", &mut errors);
        let params = match parse_params(row.get("params")) {
            Ok(params) => params,
            Err(message) => {
                errors.push(row.error("params", &message));
                None
            }
        };
        let architecture = match row.get("architecture") {
            "dense" => Some(Architecture::Dense),
            "moe" => Some(Architecture::MixtureOfExperts),
            "undisclosed" if params.is_none() => Some(Architecture::Undisclosed),
            "undisclosed" => {
                errors.push(row.error(
                    "architecture",
                    "undisclosed is only for models whose params are undisclosed too",
                ));
                None
            }
            other => {
                errors.push(row.error(
                    "architecture",
                    &format!("'{other}' is not one of: dense, moe, undisclosed"),
                ));
                None
            }
        };
        let modality = match row.get("modality") {
            "text" => Some(Modality::Text),
            "multimodal" => Some(Modality::Multimodal),
            "vision" => Some(Modality::Vision),
            "image" => Some(Modality::Image),
            other => {
                errors.push(row.error(
                    "modality",
                    &format!("'{other}' is not one of: text, multimodal, vision, image"),
                ));
                None
            }
        };
        let source_url = check_https(&row, "source_url", &mut errors);
        let in_article = match row.get("article") {
            "" | "no" => false,
            "yes" => true,
            other => {
                errors.push(row.error("article", &format!("'{other}' is not yes, no or empty")));
                false
            }
        };
        if errors.len() != errors_before {
            continue;
        }
        if let (
            Some(id),
            Some(name),
            Some(organization),
            Some(country),
            Some(date),
            Some(architecture),
            Some(modality),
            Some(source_url),
        ) = (
            id,
            name,
            organization,
            country,
            date,
            architecture,
            modality,
            source_url,
        ) {
            models.push(Model {
                id,
                name_zh: row.optional("name_zh", &name),
                name,
                organization_zh: row.optional("organization_zh", &organization),
                organization,
                country,
                date,
                params,
                architecture,
                modality,
                source_url,
                article_claim: row.optional("article_claim", ""),
                in_article,
                note: row.optional("note", ""),
            });
        }
    }
    if errors.is_empty() {
        Ok(models)
    } else {
        Err(errors)
    }
}

/// Parses and validates `stages.csv`.
pub fn parse_stages(file: &str, text: &str) -> Result<Vec<Stage>, Vec<DataError>> {
    let mut errors = Vec::new();
    let Some(table) = Table::read(file, text, &STAGE_COLUMNS, &mut errors) else {
        return Err(errors);
    };
    let mut stages = Vec::new();
    for record in &table.rows {
        let Some(row) = table.row(record, &mut errors) else {
            continue;
        };
        let errors_before = errors.len();
        let id = row.required("id", &mut errors);
        let label = row.required("label", &mut errors);
        let label_zh = row.required("label_zh", &mut errors);
        let mut count = |field: &str| match parse_params(row.get(field)) {
            Ok(Some(count)) => Some(count),
            Ok(None) => {
                errors.push(row.error(field, "missing (this field is required)"));
                None
            }
            Err(message) => {
                errors.push(row.error(field, &message));
                None
            }
        };
        let params_from = count("params_from");
        let params_to = count("params_to");
        if let (Some(from), Some(to)) = (params_from, params_to) {
            if to <= from {
                errors.push(row.error("params_to", "must be larger than params_from"));
            }
        }
        if errors.len() != errors_before {
            continue;
        }
        if let (Some(id), Some(label), Some(label_zh), Some(params_from), Some(params_to)) =
            (id, label, label_zh, params_from, params_to)
        {
            stages.push(Stage {
                id,
                label,
                label_zh,
                scale: row.optional("scale", ""),
                scale_zh: row.optional("scale_zh", ""),
                params_from,
                params_to,
            });
        }
    }
    if errors.is_empty() {
        Ok(stages)
    } else {
        Err(errors)
    }
}

/// The compact binary form `build.rs` embeds the validated rows in
/// ([`encode_binary`]) and the crate reads back once at run time
/// ([`decode_binary`]): a table of the distinct strings, then each model as
/// string numbers, a date, a count and a byte of flags. Decoding copies no
/// text: every string borrows from the embedded bytes. It scales to a
/// hundred thousand rows where a Rust source literal would not.
const BINARY_MAGIC: &[u8; 4] = b"PSD1";

/// Encodes validated models and stages (see [`decode_binary`]).
pub fn encode_binary(models: &[Model], stages: &[Stage]) -> Vec<u8> {
    use std::collections::HashMap;
    let mut text = String::new();
    let mut ends: Vec<u32> = Vec::new();
    let mut numbers: HashMap<String, u32> = HashMap::new();
    let mut body = Vec::new();
    let mut string = |value: &str, body: &mut Vec<u8>| {
        let number = match numbers.get(value) {
            Some(number) => *number,
            None => {
                let number = ends.len() as u32;
                text.push_str(value);
                ends.push(text.len() as u32);
                numbers.insert(value.to_owned(), number);
                number
            }
        };
        push_varint(body, u64::from(number));
    };
    push_varint(&mut body, models.len() as u64);
    for model in models {
        for value in [
            &model.id,
            &model.name,
            &model.name_zh,
            &model.organization,
            &model.organization_zh,
            &model.country,
            &model.source_url,
            &model.article_claim,
            &model.note,
        ] {
            string(value, &mut body);
        }
        body.extend_from_slice(&model.date.year.to_le_bytes());
        body.push(model.date.month);
        body.push(model.date.day);
        push_varint(&mut body, model.params.unwrap_or(0));
        let architecture = match model.architecture {
            Architecture::Dense => 0,
            Architecture::MixtureOfExperts => 1,
            Architecture::Undisclosed => 2,
        };
        let modality = match model.modality {
            Modality::Text => 0,
            Modality::Multimodal => 1,
            Modality::Vision => 2,
            Modality::Image => 3,
        };
        body.push(architecture | (modality << 2) | (u8::from(model.in_article) << 4));
    }
    push_varint(&mut body, stages.len() as u64);
    for stage in stages {
        for value in [
            &stage.id,
            &stage.label,
            &stage.label_zh,
            &stage.scale,
            &stage.scale_zh,
        ] {
            string(value, &mut body);
        }
        push_varint(&mut body, stage.params_from);
        push_varint(&mut body, stage.params_to);
    }
    let mut bytes = Vec::with_capacity(16 + text.len() + 4 * ends.len() + body.len());
    bytes.extend_from_slice(BINARY_MAGIC);
    bytes.extend_from_slice(&(text.len() as u32).to_le_bytes());
    bytes.extend_from_slice(text.as_bytes());
    bytes.extend_from_slice(&(ends.len() as u32).to_le_bytes());
    for end in &ends {
        bytes.extend_from_slice(&end.to_le_bytes());
    }
    bytes.extend_from_slice(&body);
    bytes
}

fn push_varint(bytes: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        bytes.push(value as u8 | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

/// Reads the bytes [`encode_binary`] wrote; `None` if they are not such
/// bytes. The strings borrow from `bytes`.
pub fn decode_binary(bytes: &'static [u8]) -> Option<(Vec<Model>, Vec<Stage>)> {
    struct Reader {
        bytes: &'static [u8],
        at: usize,
    }
    impl Reader {
        fn take(&mut self, count: usize) -> Option<&'static [u8]> {
            let taken = self.bytes.get(self.at..self.at.checked_add(count)?)?;
            self.at += count;
            Some(taken)
        }
        fn byte(&mut self) -> Option<u8> {
            Some(self.take(1)?[0])
        }
        fn u32(&mut self) -> Option<u32> {
            Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
        }
        fn varint(&mut self) -> Option<u64> {
            let mut value = 0_u64;
            for shift in (0..64).step_by(7) {
                let byte = self.byte()?;
                value |= u64::from(byte & 0x7f) << shift;
                if byte < 0x80 {
                    return Some(value);
                }
            }
            None
        }
    }
    let mut reader = Reader { bytes, at: 0 };
    if reader.take(4)? != BINARY_MAGIC {
        return None;
    }
    let text_length = reader.u32()? as usize;
    let text: &'static str = std::str::from_utf8(reader.take(text_length)?).ok()?;
    let n_strings = reader.u32()? as usize;
    let mut strings: Vec<&'static str> = Vec::with_capacity(n_strings.min(bytes.len() / 4));
    let mut start = 0;
    for _ in 0..n_strings {
        let end = reader.u32()? as usize;
        strings.push(text.get(start..end)?);
        start = end;
    }
    let string = |reader: &mut Reader| -> Option<Text> {
        let number = usize::try_from(reader.varint()?).ok()?;
        Some(Cow::Borrowed(*strings.get(number)?))
    };
    let n_models = usize::try_from(reader.varint()?).ok()?;
    let mut models = Vec::with_capacity(n_models.min(bytes.len() / 16));
    for _ in 0..n_models {
        let id = string(&mut reader)?;
        let name = string(&mut reader)?;
        let name_zh = string(&mut reader)?;
        let organization = string(&mut reader)?;
        let organization_zh = string(&mut reader)?;
        let country = string(&mut reader)?;
        let source_url = string(&mut reader)?;
        let article_claim = string(&mut reader)?;
        let note = string(&mut reader)?;
        let year = u16::from_le_bytes(reader.take(2)?.try_into().ok()?);
        let (month, day) = (reader.byte()?, reader.byte()?);
        let params = Some(reader.varint()?).filter(|count| *count > 0);
        let flags = reader.byte()?;
        let architecture = match flags & 3 {
            0 => Architecture::Dense,
            1 => Architecture::MixtureOfExperts,
            2 => Architecture::Undisclosed,
            _ => return None,
        };
        let modality = match (flags >> 2) & 3 {
            0 => Modality::Text,
            1 => Modality::Multimodal,
            2 => Modality::Vision,
            _ => Modality::Image,
        };
        models.push(Model {
            id,
            name,
            name_zh,
            organization,
            organization_zh,
            country,
            date: Date { year, month, day },
            params,
            architecture,
            modality,
            source_url,
            article_claim,
            in_article: flags & 16 != 0,
            note,
        });
    }
    let n_stages = usize::try_from(reader.varint()?).ok()?;
    let mut stages = Vec::with_capacity(n_stages.min(bytes.len()));
    for _ in 0..n_stages {
        stages.push(Stage {
            id: string(&mut reader)?,
            label: string(&mut reader)?,
            label_zh: string(&mut reader)?,
            scale: string(&mut reader)?,
            scale_zh: string(&mut reader)?,
            params_from: reader.varint()?,
            params_to: reader.varint()?,
        });
    }
    (reader.at == bytes.len()).then_some((models, stages))
}
