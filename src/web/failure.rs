//! What the reader sees when something fails.
//!
//! - A draw that fails is fatal to that chart: the message takes its place
//!   (`data-state="error"`, `.chart-error`), never a blank box.
//! - Anything else that fails (an export, the clipboard) leaves the chart
//!   as it was: a `console.warn` for the developer and a short notice.
//! - A panic is the end of the module: [`retire_every_chart`] stops every
//!   chart and shows each one's message and static chart.
//!
//! The reader's words come from [`crate::i18n`]; the detail after them is
//! the developer's (English).

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::container::CONTAINER_ATTRIBUTE;
use super::dom::Elements;
use super::registry;
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
fn show_alert(container: &Element, text: &str) {
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

/// The language a container shows (its `lang`, set by the chart), for a
/// message written without the chart's state.
fn container_lang(container: &Element) -> Lang {
    container
        .get_attribute("lang")
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// What the panic hook does, after logging the panic. With `panic = "abort"`
/// the module traps as soon as the hook returns, and its state may be
/// half-changed: every chart stops listening, so that no later event calls
/// into it, and shows its error message with the static chart made at build
/// time in its place, as `www/main.js` does when the module cannot load. The
/// rest of the page is left alone.
pub fn retire_every_chart(message: &str) {
    let stopped = registry::stop_every_chart();
    // Charts still being made (not in the registry yet) get the message alone.
    show_error_everywhere(message);
    for (container, page_url) in stopped {
        show_static_chart(&container, page_url.as_deref(), message);
    }
}

/// Puts the static chart (`chart-{lang}.svg`, in the language the chart last
/// showed) in place of a chart that can no longer run, under a message that
/// says so.
fn show_static_chart(container: &Element, page_url: Option<&str>, message: &str) {
    let lang = container_lang(container);
    show_alert(
        container,
        &format!("{} ({message})", i18n::phrase(Phrase::ChartStopped, lang)),
    );
    let Some(document) = container.owner_document() else {
        return;
    };
    if let Ok(Some(root)) = container.query_selector(":scope > .ps-root") {
        root.remove();
    }
    let Ok(image) = document.create_element("img") else {
        return;
    };
    image.set_class_name("ps-fallback-image");
    let _ = image.set_attribute("src", &crate::export::static_chart_url(page_url, lang));
    let _ = image.set_attribute("alt", i18n::phrase(Phrase::Title, lang));
    let _ = container.append_child(&image);
}

fn show_error_everywhere(message: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(containers) = document.query_selector_all(&format!("[{CONTAINER_ATTRIBUTE}]")) else {
        return;
    };
    for index in 0..containers.length() {
        if let Some(container) = containers
            .item(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
        {
            show_error(&container, container_lang(&container), message);
        }
    }
}
