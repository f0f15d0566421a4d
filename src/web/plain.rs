//! Plain JS objects and arrays, built key by key through `Reflect.set`, for
//! what the JS API hands back (`models()`, `story()`, `drawnPoints()`,
//! `layoutBoxes()`). A serializer (serde with serde-wasm-bindgen) did this
//! before and cost the module 13 KB (3.7 KB gzipped) for these four arrays.

use wasm_bindgen::JsValue;

/// An object with `fields`, in their order.
pub fn object(fields: &[(&str, JsValue)]) -> Result<JsValue, JsValue> {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        js_sys::Reflect::set(&object, &JsValue::from_str(key), value)?;
    }
    Ok(object.into())
}

/// An array of `items`, in their order.
pub fn array(items: impl IntoIterator<Item = JsValue>) -> JsValue {
    let array = js_sys::Array::new();
    for item in items {
        array.push(&item);
    }
    array.into()
}

/// A number, or `null` for none.
pub fn number_or_null(value: Option<f64>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_f64)
}
