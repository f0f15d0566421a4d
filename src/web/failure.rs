//! What the reader sees when something fails.
//!
//! - A draw that fails is fatal to that chart: the message takes its place
//!   (`data-state="error"`, `.chart-error`), never a blank box.
//! - Anything else that fails (an export, the clipboard) leaves the chart
//!   as it was: a `console.warn` for the developer and a short notice.
//! - A panic is the end of the module: `retire` stops every chart and
//!   shows each one's message and static chart, with the alert made here.
//!
//! The reader's words come from [`crate::i18n`]; the detail after them is
//! the developer's (English).

use web_sys::Element;

use super::dom::Elements;
use crate::i18n::{self, Lang, Phrase};

/// Replaces the chart with a message that it could not be drawn.
pub fn show_error(container: &Element, lang: Lang, detail: &str) {
    show_alert(
        container,
        &format!("{} {detail}", i18n::phrase(Phrase::ChartNotDrawn, lang)),
    );
}

/// Takes away the message of a failed draw, once a draw succeeded.
pub fn clear_error(container: &Element) {
    if let Ok(Some(note)) = container.query_selector(":scope > .chart-error") {
        note.remove();
    }
}

/// Says that what the reader asked for did not work; the chart stays.
pub fn show_notice(elements: &Elements, lang: Lang) {
    elements.show_notice(i18n::phrase(Phrase::ActionFailed, lang));
}

/// Marks the chart as failed and says `text` in its `.chart-error` alert.
pub fn show_alert(container: &Element, text: &str) {
    let _ = container.set_attribute("data-state", "error");
    let Some(document) = container.owner_document() else {
        return;
    };
    let note = match container
        .query_selector(":scope > .chart-error")
        .ok()
        .flatten()
    {
        Some(existing) => existing,
        None => match document.create_element("p") {
            Ok(note) => {
                note.set_class_name("chart-error");
                let _ = note.set_attribute("role", "alert");
                let _ = container.append_child(&note);
                note
            }
            Err(_) => return,
        },
    };
    note.set_text_content(Some(text));
}
