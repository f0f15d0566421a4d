//! Reading `models.csv` and `stages.csv` into validated rows: every problem
//! becomes a [`DataError`] naming the file, the line and the field
//! (`data/models.csv:12: date: …`), and all of them are reported, not only
//! the first.

use std::borrow::Cow;
use std::collections::HashSet;

use super::date::parse_date;
use super::{
    Architecture, DataError, Date, Modality, Model, Stage, Status, Text, MAX_PARAMS, YEAR_RANGE,
};
use crate::csv::{parse_records, Record};

/// The columns every `models.csv` has, in any order.
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

/// The columns a `models.csv` may leave out: empty in every row if absent
/// (`status` then means `released`). The project's own data has them all.
pub const OPTIONAL_MODEL_COLUMNS: [&str; 7] = [
    "active_params",
    "status",
    "article_claim_en",
    "article_date",
    "article_params",
    "article",
    "note_zh",
];

/// Every column, in the order of the project's own `data/models.csv` and of
/// the CSV export.
pub const DATA_FILE_COLUMNS: [&str; 20] = [
    "id",
    "name",
    "name_zh",
    "organization",
    "organization_zh",
    "country",
    "date",
    "params",
    "active_params",
    "architecture",
    "status",
    "modality",
    "source_url",
    "article_claim",
    "article_claim_en",
    "article_date",
    "article_params",
    "note",
    "note_zh",
    "article",
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
pub(super) struct Table<'a> {
    file: &'a str,
    columns: Vec<String>,
    pub(super) rows: Vec<Record>,
}

impl<'a> Table<'a> {
    pub(super) fn read(
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
    pub(super) fn row<'r>(
        &self,
        record: &'r Record,
        errors: &mut Vec<DataError>,
    ) -> Option<Row<'_, 'r>> {
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

pub(super) struct Row<'t, 'r> {
    table: &'t Table<'t>,
    record: &'r Record,
}

impl Row<'_, '_> {
    pub(super) fn get(&self, column: &str) -> &str {
        self.table
            .columns
            .iter()
            .position(|name| name == column)
            .and_then(|index| self.record.fields.get(index))
            .map_or("", |cell| cell.trim())
    }

    pub(super) fn error(&self, field: &str, message: &str) -> DataError {
        error_at(self.table.file, self.record.line, field, message)
    }

    /// A field that must not be empty.
    pub(super) fn required(&self, field: &str, errors: &mut Vec<DataError>) -> Option<Text> {
        let value = self.get(field);
        if value.is_empty() {
            errors.push(self.error(field, "missing (this field is required)"));
            return None;
        }
        Some(Cow::Owned(value.to_owned()))
    }

    /// A field that may be empty, falling back to another value.
    pub(super) fn optional(&self, field: &str, fallback: &str) -> Text {
        match self.get(field) {
            "" => Cow::Owned(fallback.to_owned()),
            value => Cow::Owned(value.to_owned()),
        }
    }

    /// A count of parameters: digits, or empty for none.
    pub(super) fn count(&self, field: &str, errors: &mut Vec<DataError>) -> Option<u64> {
        match parse_params(self.get(field)) {
            Ok(count) => count,
            Err(message) => {
                errors.push(self.error(field, &message));
                None
            }
        }
    }

    /// A field that holds one of a closed set of codes; empty is `None`
    /// without an error when the column may be left out.
    fn code<T, const N: usize>(
        &self,
        field: &str,
        from_code: impl Fn(&str) -> Option<T>,
        codes: [&str; N],
        errors: &mut Vec<DataError>,
    ) -> Option<T> {
        let value = self.get(field);
        if value.is_empty() && OPTIONAL_MODEL_COLUMNS.contains(&field) {
            return None;
        }
        let parsed = from_code(value);
        if parsed.is_none() {
            errors.push(self.error(
                field,
                &format!("'{value}' is not one of: {}", codes.join(", ")),
            ));
        }
        parsed
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
        let model = model_row(&row, &mut ids, &mut errors);
        if errors.len() == errors_before {
            models.extend(model);
        }
    }
    if errors.is_empty() {
        Ok(models)
    } else {
        Err(errors)
    }
}

/// One row of `models.csv` as a model; `None` (with errors) when a field is bad.
fn model_row(
    row: &Row<'_, '_>,
    ids: &mut HashSet<String>,
    errors: &mut Vec<DataError>,
) -> Option<Model> {
    let id = row_id(row, ids, errors);
    let name = row.required("name", errors);
    let organization = row.required("organization", errors);
    let country = row_country(row, errors);
    let date = row.date("date", errors);
    let params = row.count("params", errors);
    let architecture = row_architecture(row, params, errors);
    let active_params = row_active_params(row, params, architecture, errors);
    let status = row.code(
        "status",
        Status::from_code,
        Status::ALL.map(Status::code),
        errors,
    );
    let modality = row.code(
        "modality",
        Modality::from_code,
        Modality::ALL.map(Modality::code),
        errors,
    );
    let source_url = check_https(row, "source_url", errors);
    let in_article = row_in_article(row, errors);
    let claim = article_claim(row, in_article, errors);
    Some(Model {
        id: id?,
        name_zh: row.optional("name_zh", name.as_deref()?),
        name: name?,
        organization_zh: row.optional("organization_zh", organization.as_deref()?),
        organization: organization?,
        country: country?,
        date: date?,
        params,
        active_params,
        architecture: architecture?,
        status: status.unwrap_or_default(),
        modality: modality?,
        source_url: source_url?,
        article_claim: row.optional("article_claim", ""),
        article_claim_en: row.optional("article_claim_en", ""),
        article_date: claim.date,
        article_params: claim.params,
        in_article,
        note: row.optional("note", ""),
        note_zh: row.optional("note_zh", ""),
    })
}

fn row_id(
    row: &Row<'_, '_>,
    ids: &mut HashSet<String>,
    errors: &mut Vec<DataError>,
) -> Option<Text> {
    let id = row.required("id", errors)?;
    if !is_slug(&id) {
        errors.push(row.error(
            "id",
            &format!("'{id}' must be lowercase letters, digits and dashes"),
        ));
    } else if !ids.insert(id.to_string()) {
        errors.push(row.error("id", &format!("duplicate id '{id}'")));
    }
    Some(id)
}

fn row_country(row: &Row<'_, '_>, errors: &mut Vec<DataError>) -> Option<Text> {
    let country = row.required("country", errors)?;
    if country.len() != 2 || !country.bytes().all(|byte| byte.is_ascii_uppercase()) {
        errors.push(row.error(
            "country",
            &format!("'{country}' is not a two-letter ISO country code such as US or CN"),
        ));
    }
    Some(country)
}

fn row_architecture(
    row: &Row<'_, '_>,
    params: Option<u64>,
    errors: &mut Vec<DataError>,
) -> Option<Architecture> {
    match Architecture::from_code(row.get("architecture")) {
        Some(Architecture::Undisclosed) if params.is_some() => {
            errors.push(row.error(
                "architecture",
                "undisclosed is only for models whose params are undisclosed too",
            ));
            None
        }
        Some(architecture) => Some(architecture),
        None => {
            errors.push(row.error(
                "architecture",
                &format!(
                    "'{}' is not one of: dense, moe, undisclosed",
                    row.get("architecture")
                ),
            ));
            None
        }
    }
}

/// `active_params`: only on mixtures of experts, and never above the total.
fn row_active_params(
    row: &Row<'_, '_>,
    params: Option<u64>,
    architecture: Option<Architecture>,
    errors: &mut Vec<DataError>,
) -> Option<u64> {
    let active = row.count("active_params", errors)?;
    let problem = match (architecture, params) {
        (Some(Architecture::MixtureOfExperts), Some(total)) if active > total => Some(format!(
            "{active} active parameters is more than the {total} in total (params)"
        )),
        (Some(Architecture::MixtureOfExperts), Some(_)) | (None, _) => None,
        (Some(Architecture::MixtureOfExperts), None) => {
            Some("active parameters need the total count in params too".to_owned())
        }
        (Some(other), _) => Some(format!(
            "only mixtures of experts (architecture moe) have active parameters, not {}",
            other.code()
        )),
    };
    match problem {
        Some(message) => {
            errors.push(row.error("active_params", &message));
            None
        }
        None => Some(active),
    }
}

fn row_in_article(row: &Row<'_, '_>, errors: &mut Vec<DataError>) -> bool {
    match row.get("article") {
        "" | "no" => false,
        "yes" => true,
        other => {
            errors.push(row.error("article", &format!("'{other}' is not yes, no or empty")));
            false
        }
    }
}

/// The machine-readable part of what the article says of a model.
struct ArticleFigures {
    date: Option<Date>,
    params: Option<u64>,
}

/// `article_date` and `article_params`, which only rows the article names
/// (`article=yes`) may have.
fn article_claim(
    row: &Row<'_, '_>,
    in_article: bool,
    errors: &mut Vec<DataError>,
) -> ArticleFigures {
    for field in ["article_date", "article_params"] {
        if !in_article && !row.get(field).is_empty() {
            errors.push(row.error(
                field,
                "only rows the article names (article=yes) may say what the article claims",
            ));
        }
    }
    let date = match row.get("article_date") {
        "" => None,
        value => match parse_article_date(value) {
            Ok(date) => Some(date),
            Err(message) => {
                errors.push(row.error("article_date", &message));
                None
            }
        },
    };
    ArticleFigures {
        date,
        params: row.count("article_params", errors),
    }
}

/// Parses an article's date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise
/// as the article is. A year alone has month 0.
pub fn parse_article_date(value: &str) -> Result<Date, String> {
    if value.len() == 4 && value.bytes().all(|byte| byte.is_ascii_digit()) {
        let year = value.parse::<u16>().unwrap_or(0);
        if year < YEAR_RANGE.0 || year > YEAR_RANGE.1 {
            return Err(format!(
                "year {year} is out of range ({}–{})",
                YEAR_RANGE.0, YEAR_RANGE.1
            ));
        }
        return Ok(Date {
            year,
            month: 0,
            day: 0,
        });
    }
    // The cause says what is wrong (`has no month 13`); the form of a date
    // alone says it with the article's year-only form.
    parse_date(value).map_err(|reason| {
        if reason.contains("is not a date of the form") {
            format!("'{value}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        } else {
            reason
        }
    })
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
