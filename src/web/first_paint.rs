//! The chart in the page's first response (`xtask/src/first_paint.rs`): a
//! block (`.ps-first`) with a heading per language and an SVG per language
//! and width, which the chart takes over when it starts.
//!
//! The block becomes the chart's root and the heading of the chart's
//! language its title, both in place: the element the reader saw first
//! stays, with the same text in the same box, so no later paint replaces
//! it (Lighthouse's largest contentful paint is the first response's
//! heading, not a heading the module made). Everything else in the block
//! goes, in the same task as the canvas comes, so no frame shows neither.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::unexpected;
use crate::i18n::Lang;

/// The class of the first response's block in the chart's container.
const BLOCK_CLASS: &str = "ps-first";

/// The first response's block and heading, taken over for `lang`.
pub struct Adopted {
    /// The block, now the chart's root (`.ps-root`), holding only the title.
    pub root: HtmlElement,
    /// Its heading in `lang`, now the chart's title.
    pub title: Element,
}

/// Takes over the block in `container`, if it has one with a heading in
/// `lang`: its other children go, and it becomes the chart's root with the
/// heading as the title. A block without such a heading is taken out.
pub fn adopt(
    container: &Element,
    lang: Lang,
    root_class: &str,
) -> Result<Option<Adopted>, JsValue> {
    let Some(block) = container.query_selector(&format!(":scope > .{BLOCK_CLASS}"))? else {
        return Ok(None);
    };
    let selector = format!(":scope > h1.ps-title[data-lang=\"{}\"]", lang.code());
    let Some(title) = block.query_selector(&selector)? else {
        block.remove();
        return Ok(None);
    };
    let mut child = block.first_element_child();
    while let Some(element) = child {
        child = element.next_element_sibling();
        if element != title {
            element.remove();
        }
    }
    // The title follows the chart's language from now on, as a title the
    // chart made would.
    title.remove_attribute("lang")?;
    title.remove_attribute("data-lang")?;
    block.set_class_name(root_class);
    let root = block
        .dyn_into::<HtmlElement>()
        .map_err(unexpected("the first paint's block as an HTML element"))?;
    Ok(Some(Adopted { root, title }))
}
