//! What the tooltip says about a model, in the reader's language.
//!
//! The browser shell turns a [`TooltipContent`] into DOM nodes with
//! `textContent` only; nothing here is HTML.

use crate::dataset::{Architecture, Model};
use crate::format::{count_both_forms, date_text};
use crate::i18n::{self, Lang, Phrase};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooltipContent {
    pub title: String,
    /// Label and value, one row each.
    pub rows: Vec<(String, String)>,
    /// What the source article said where it differs from the source.
    pub article_claim: Option<String>,
    pub note: Option<String>,
    pub source_label: String,
    pub source_url: String,
}

pub fn tooltip_content(model: &Model, lang: Lang) -> TooltipContent {
    let organization = match lang {
        Lang::Zh => &model.organization_zh,
        Lang::En => &model.organization,
    };
    let params = match model.params {
        Some(count) => count_both_forms(count, lang),
        None => i18n::phrase(Phrase::Undisclosed, lang).to_owned(),
    };
    let architecture = match model.architecture {
        Architecture::Undisclosed => i18n::phrase(Phrase::Undisclosed, lang),
        other => i18n::architecture_name(other, lang),
    };
    let labels = match lang {
        Lang::Zh => ["机构", "发布", "参数量", "架构"],
        Lang::En => ["Organization", "Released", "Parameters", "Architecture"],
    };
    let claim = (!model.article_claim.is_empty()).then(|| match lang {
        Lang::Zh => format!("文中称：{}", model.article_claim),
        Lang::En => format!("The article says: {}", model.article_claim),
    });
    // Notes are written in English; they are shown to English readers.
    let note = (lang == Lang::En && !model.note.is_empty()).then(|| model.note.to_string());
    TooltipContent {
        title: i18n::model_name(model, lang).to_owned(),
        rows: vec![
            (labels[0].to_owned(), organization.to_string()),
            (labels[1].to_owned(), date_text(model.date, lang)),
            (labels[2].to_owned(), params),
            (labels[3].to_owned(), architecture.to_owned()),
        ],
        article_claim: claim,
        note,
        source_label: match lang {
            Lang::Zh => "来源".to_owned(),
            Lang::En => "Source".to_owned(),
        },
        source_url: model.source_url.to_string(),
    }
}

/// One sentence for the live region: name, organization, date, size.
pub fn announcement(model: &Model, lang: Lang) -> String {
    let content = tooltip_content(model, lang);
    let values: Vec<&str> = content
        .rows
        .iter()
        .map(|(_, value)| value.as_str())
        .collect();
    match lang {
        Lang::Zh => format!("{}：{}", content.title, values.join("，")),
        Lang::En => format!("{}: {}", content.title, values.join(", ")),
    }
}
