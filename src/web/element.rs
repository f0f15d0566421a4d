//! Small helpers over the DOM calls that make elements, so that the rooms
//! that build the chart's elements read as what they make.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlButtonElement};

pub(super) fn create<T: JsCast>(document: &Document, tag: &str, class: &str) -> Result<T, JsValue> {
    let element = document.create_element(tag)?;
    element.set_class_name(class);
    element
        .dyn_into::<T>()
        .map_err(super::unexpected("an element of the type asked for"))
}

/// A `<button type="button">` of `class`.
pub(super) fn button(document: &Document, class: &str) -> Result<HtmlButtonElement, JsValue> {
    let button: HtmlButtonElement = create(document, "button", class)?;
    button.set_type("button");
    Ok(button)
}

/// Appends `children` to `parent` in order.
pub(super) fn append_all(parent: &Element, children: &[&Element]) -> Result<(), JsValue> {
    for child in children {
        parent.append_child(child)?;
    }
    Ok(())
}
