//! The search field's elements: an ARIA combobox (a text field with
//! `role="combobox"`, `aria-expanded`, `aria-controls` and
//! `aria-activedescendant`) and the listbox of matches under it, one
//! `role="option"` per model, its text set with `textContent` only.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

use crate::i18n::{self, Lang, Phrase};
use crate::search::MAX_MATCHES;

use super::element::{append_all, create};

/// The search field and its list, created once.
pub struct SearchBox {
    pub group: Element,
    pub input: HtmlInputElement,
    pub listbox: HtmlElement,
    /// The list's options, made once and filled as the matches change.
    options: Vec<HtmlElement>,
    id: u32,
}

impl SearchBox {
    pub fn create(document: &Document, id: u32) -> Result<SearchBox, JsValue> {
        let group: Element = create(document, "span", "ps-search")?;
        let input: HtmlInputElement = create(document, "input", "ps-search-input")?;
        input.set_type("search");
        input.set_attribute("role", "combobox")?;
        input.set_attribute("aria-autocomplete", "list")?;
        input.set_attribute("aria-expanded", "false")?;
        input.set_attribute("aria-controls", &format!("ps-search-list-{id}"))?;
        input.set_attribute("autocomplete", "off")?;
        input.set_attribute("spellcheck", "false")?;
        let listbox: HtmlElement = create(document, "ul", "ps-search-list")?;
        listbox.set_id(&format!("ps-search-list-{id}"));
        listbox.set_attribute("role", "listbox")?;
        listbox.set_hidden(true);
        let mut options = Vec::with_capacity(MAX_MATCHES);
        for position in 0..MAX_MATCHES {
            let option: HtmlElement = create(document, "li", "ps-search-option")?;
            option.set_id(&format!("ps-search-option-{id}-{position}"));
            option.set_attribute("role", "option")?;
            option.set_attribute("aria-selected", "false")?;
            option.set_hidden(true);
            listbox.append_child(&option)?;
            options.push(option);
        }
        append_all(&group, &[&input, &listbox])?;
        Ok(SearchBox {
            group,
            input,
            listbox,
            options,
            id,
        })
    }

    pub fn set_texts(&self, lang: Lang) -> Result<(), JsValue> {
        let label = i18n::phrase(Phrase::FindModel, lang);
        self.input.set_attribute("aria-label", label)?;
        self.input.set_placeholder(label);
        self.listbox.set_attribute("aria-label", label)
    }

    /// Shows `matches` (each a model index and its text) with the one at
    /// `active` chosen, or hides the list when there are none.
    pub fn show(&self, matches: &[(usize, String)], active: Option<usize>) -> Result<(), JsValue> {
        for (position, option) in self.options.iter().enumerate() {
            match matches.get(position) {
                Some((model_index, text)) => {
                    option.set_text_content(Some(text));
                    option.set_attribute("data-index", &model_index.to_string())?;
                    let chosen = active == Some(position);
                    option.set_attribute("aria-selected", if chosen { "true" } else { "false" })?;
                    option.set_hidden(false);
                }
                None => option.set_hidden(true),
            }
        }
        let open = !matches.is_empty();
        self.listbox.set_hidden(!open);
        self.input
            .set_attribute("aria-expanded", if open { "true" } else { "false" })?;
        match active.filter(|position| *position < matches.len()) {
            Some(position) => self.input.set_attribute(
                "aria-activedescendant",
                &format!("ps-search-option-{}-{position}", self.id),
            ),
            None => self.input.remove_attribute("aria-activedescendant"),
        }
    }

    /// The model index of the option an event happened on.
    pub fn option_of(event_target: &web_sys::EventTarget) -> Option<usize> {
        event_target
            .dyn_ref::<Element>()?
            .closest("[role=option]")
            .ok()??
            .get_attribute("data-index")?
            .parse()
            .ok()
    }
}
