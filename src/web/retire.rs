//! What the panic hook does: retire every chart of the page. With
//! `panic = "abort"` the module traps as soon as the hook returns, and its
//! state may be half-changed, so every chart stops listening (no later
//! event calls into it) and shows its message with the static chart made at
//! build time in its place, as `www/main.js` does when the module cannot
//! load. The rest of the page is left alone.
//!
//! Apart from `failure` (the alerts of a chart that runs), because it reads
//! the registry of charts, which the controller that uses `failure` is in.

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::container::CONTAINER_ATTRIBUTE;
use super::failure::{show_alert, show_error};
use super::registry;
use crate::i18n::{self, Lang, Phrase};

/// The language a container shows (its `lang`, set by the chart), for a
/// message written without the chart's state.
fn container_lang(container: &Element) -> Lang {
    container
        .get_attribute("lang")
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// Stops every chart and shows each one's message and static chart (see
/// the module's essay).
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
