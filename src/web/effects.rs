//! What a message does that may run the host page's own code: focusing a
//! control (`focusin` listeners), clicking a download link (`click`
//! listeners on the document), writing to the clipboard (which a page may
//! replace). The controller does these after it has let go of the chart's
//! state, so that host code may call the chart back.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlButtonElement, HtmlCanvasElement, HtmlElement};

use super::chart::{ChartState, Failure};
use super::dom::DownloadKind;
use crate::i18n::{self, Lang, Phrase};

/// Something to do after the state is let go.
pub enum Effect {
    Focus(HtmlElement),
    /// Keeps a mouse drag on the overlay when it leaves the canvas.
    CapturePointer(HtmlCanvasElement, i32),
    /// Keeps a drag of the brush on it wherever the pointer goes.
    CaptureBrush(HtmlElement, i32),
    /// Offers `url` as a file called `name`.
    Download {
        document: Document,
        name: &'static str,
        url: String,
    },
    /// Copies the page's URL (which holds the view) to the clipboard.
    CopyLink {
        button: HtmlButtonElement,
        fallback: Element,
        lang: Lang,
    },
}

impl Effect {
    /// The download of `kind`, made from the state now.
    pub fn download(state: &ChartState, kind: DownloadKind) -> Result<Effect, Failure> {
        let (name, url) = match kind {
            DownloadKind::Png => ("param-scale.png", state.export_png(true)?),
            DownloadKind::Svg => (
                "param-scale.svg",
                format!(
                    "data:image/svg+xml;charset=utf-8,{}",
                    js_sys::encode_uri_component(&state.export_svg(true)?)
                ),
            ),
            DownloadKind::Csv => (
                "param-scale.csv",
                format!(
                    "data:text/csv;charset=utf-8,{}",
                    js_sys::encode_uri_component(&format!("\u{feff}{}", state.export_csv()))
                ),
            ),
        };
        Ok(Effect::Download {
            document: state.elements.document.clone(),
            name,
            url,
        })
    }

    pub fn copy_link(state: &ChartState) -> Effect {
        Effect::CopyLink {
            button: state.elements.copy_button.clone(),
            fallback: state.elements.copy_fallback.clone(),
            lang: state.lang,
        }
    }

    pub fn run(self) -> Result<(), Failure> {
        match self {
            Effect::Focus(element) => element.focus()?,
            Effect::CapturePointer(overlay, pointer_id) => {
                overlay.set_pointer_capture(pointer_id)?;
            }
            Effect::CaptureBrush(brush, pointer_id) => {
                brush.set_pointer_capture(pointer_id)?;
            }
            Effect::Download {
                document,
                name,
                url,
            } => download(&document, name, &url)?,
            Effect::CopyLink {
                button,
                fallback,
                lang,
            } => copy_link(&button, &fallback, lang)?,
        }
        Ok(())
    }
}

/// Offers `url` as a file called `name`.
fn download(document: &Document, name: &str, url: &str) -> Result<(), JsValue> {
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    Ok(())
}

/// Copies the page's URL to the clipboard; where the clipboard is missing
/// or refuses, shows the link to copy by hand.
///
/// The promise's outcome goes to bound DOM functions, not to Rust closures:
/// nothing is allocated per click that would have to be freed (or leak),
/// and nothing calls back into a chart destroyed meanwhile.
fn copy_link(button: &Element, fallback: &Element, lang: Lang) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let url = window.location().href()?;
    fallback.set_text_content(Some(&format!(
        "{} {url}",
        i18n::phrase(Phrase::CopyFailed, lang)
    )));
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))?;
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write else {
        return fallback.remove_attribute("hidden");
    };
    let promise = match write
        .call1(&clipboard, &JsValue::from_str(&url))
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>())
    {
        Ok(promise) => promise,
        Err(error) => {
            fallback.remove_attribute("hidden")?;
            return Err(error);
        }
    };
    let on_done = bound_text_setter(button, i18n::phrase(Phrase::Copied, lang))?;
    let on_fail = bound_method(fallback, "removeAttribute", "hidden")?;
    call_method(&promise, "then", &js_sys::Array::of2(&on_done, &on_fail))?;
    Ok(())
}

/// `target[name](...arguments)`.
fn call_method(
    target: &JsValue,
    name: &str,
    arguments: &js_sys::Array,
) -> Result<JsValue, JsValue> {
    let method: js_sys::Function =
        js_sys::Reflect::get(target, &JsValue::from_str(name))?.dyn_into()?;
    js_sys::Reflect::apply(&method, target, arguments)
}

/// `element[method].bind(element, argument)`.
fn bound_method(element: &Element, method: &str, argument: &str) -> Result<JsValue, JsValue> {
    let function = js_sys::Reflect::get(element, &JsValue::from_str(method))?;
    call_method(
        &function,
        "bind",
        &js_sys::Array::of2(element, &JsValue::from_str(argument)),
    )
}

/// The `textContent` setter bound to `element` and `text`: called with the
/// promise's value too, it reads only `text`.
fn bound_text_setter(element: &Element, text: &str) -> Result<JsValue, JsValue> {
    let node = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Node"))?;
    let prototype: js_sys::Object =
        js_sys::Reflect::get(&node, &JsValue::from_str("prototype"))?.dyn_into()?;
    let descriptor = js_sys::Reflect::get_own_property_descriptor(
        &prototype,
        &JsValue::from_str("textContent"),
    )?;
    let setter = js_sys::Reflect::get(&descriptor, &JsValue::from_str("set"))?;
    call_method(
        &setter,
        "bind",
        &js_sys::Array::of2(element, &JsValue::from_str(text)),
    )
}
