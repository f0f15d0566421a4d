//! The data table: the chart's models as rows a reader (or a screen reader)
//! can go through, sortable by date or by size.
//!
//! Used by the browser's "Data table" view and by the build's no-script
//! page, so both say the same thing.

use crate::dataset::{Architecture, Model};
use crate::i18n::{self, count_both_forms, date_text, Lang, Phrase};
use crate::ordering::{count_key, date_key, descending, sorted_by};

/// What the table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Date,
    Size,
}

impl SortKey {
    pub const ALL: [SortKey; 2] = [SortKey::Date, SortKey::Size];

    /// The code the table's header buttons carry (`data-sort`).
    pub fn code(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Size => "size",
        }
    }

    pub fn from_code(code: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|key| key.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// One row: the cells as text, and the source address for the last cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub id: String,
    pub cells: [String; 5],
    pub source_url: String,
}

/// The column headers, the source column last: the tooltip's row labels,
/// after the model's own.
pub fn headers(lang: Lang) -> [&'static str; 6] {
    [
        Phrase::ModelLabel,
        Phrase::Organization,
        Phrase::Released,
        Phrase::Parameters,
        Phrase::ArchitectureLabel,
        Phrase::SourceLabel,
    ]
    .map(|header| i18n::phrase(header, lang))
}

pub fn caption(n_models: usize, lang: Lang) -> String {
    i18n::table_caption(n_models, lang)
}

/// The rows of `models` in `sort` order. Undisclosed sizes sort below every
/// disclosed one; ties keep date order.
pub fn rows(models: &[&Model], lang: Lang, sort: Sort) -> Vec<TableRow> {
    let direction = |key: u64| {
        if sort.descending {
            descending(key)
        } else {
            key
        }
    };
    let sorted = sorted_by(models, |model| match sort.key {
        SortKey::Date => (direction(date_key(model.date)), 0, 0),
        // Undisclosed sizes go last whichever the direction.
        SortKey::Size => (
            u64::from(model.params.is_none()),
            direction(count_key(model.params)),
            direction(date_key(model.date)),
        ),
    });
    sorted
        .into_iter()
        .map(|model| TableRow {
            id: model.id.to_string(),
            cells: [
                i18n::model_name(model, lang).to_owned(),
                match lang {
                    Lang::Zh => model.organization_zh.to_string(),
                    Lang::En => model.organization.to_string(),
                },
                date_text(model.date, lang),
                model.params.map_or_else(
                    || i18n::phrase(Phrase::Undisclosed, lang).to_owned(),
                    |count| count_both_forms(count, lang),
                ),
                match model.architecture {
                    Architecture::Undisclosed => i18n::phrase(Phrase::Undisclosed, lang).to_owned(),
                    other => i18n::architecture_name(other, lang).to_owned(),
                },
            ],
            source_url: model.source_url.to_string(),
        })
        .collect()
}

/// The table as HTML for the no-script page, every text escaped.
pub fn to_html(models: &[&Model], lang: Lang) -> String {
    let mut html = String::new();
    html.push_str("<table class=\"ps-table\">\n<caption>");
    html.push_str(&escape_html(&caption(models.len(), lang)));
    html.push_str("</caption>\n<thead><tr>");
    for header in headers(lang) {
        html.push_str("<th scope=\"col\">");
        html.push_str(&escape_html(header));
        html.push_str("</th>");
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for row in rows(models, lang, Sort::default()) {
        html.push_str("<tr>");
        for (index, cell) in row.cells.iter().enumerate() {
            let tag = if index == 0 { "th scope=\"row\"" } else { "td" };
            html.push_str(&format!("<{tag}>{}</{}>", escape_html(cell), &tag[..2]));
        }
        html.push_str(&format!(
            "<td><a href=\"{}\">{}</a></td></tr>\n",
            escape_html(&row.source_url),
            escape_html(host_of(&row.source_url))
        ));
    }
    html.push_str("</tbody>\n</table>\n");
    html
}

/// The host of an https address, for link text.
pub fn host_of(url: &str) -> &str {
    url.trim_start_matches("https://")
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
}

/// Escapes text for HTML content and double-quoted attributes.
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}
