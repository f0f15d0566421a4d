//! Reading `createChart`'s options object, and the reader's preferences the
//! browser knows (language, colour scheme). Bad values are warned about and
//! ignored, never errors.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::warn;
use crate::i18n::Lang;
use crate::options::{ChartOptions, OPTION_KEYS};
use crate::theme::ThemeName;

/// What the options object says.
pub struct HostOptions {
    pub chart: ChartOptions,
    /// Whether the chart reads and writes the page's URL (`url`, default true).
    pub sync_url: bool,
    /// The chart page's address for embed snippets (`pageUrl`, given by embed.js).
    pub page_url: Option<String>,
}

impl Default for HostOptions {
    fn default() -> HostOptions {
        HostOptions {
            chart: ChartOptions::default(),
            sync_url: true,
            page_url: None,
        }
    }
}

/// Reads the options object key by key, so that one bad value spoils
/// nothing else.
pub fn read_options_object(options: &JsValue) -> HostOptions {
    let mut read = HostOptions::default();
    if options.is_undefined() || options.is_null() {
        return read;
    }
    let Some(object) = options.dyn_ref::<js_sys::Object>() else {
        warn("createChart options must be an object; ignored");
        return read;
    };
    for entry in js_sys::Object::entries(object).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        read_option(&mut read, &key, entry.get(1));
    }
    read
}

fn read_option(read: &mut HostOptions, key: &str, value: JsValue) {
    match key {
        "url" => match value.as_bool() {
            Some(flag) => read.sync_url = flag,
            None => warn("option 'url' must be true or false; ignored"),
        },
        "pageUrl" => match value
            .as_string()
            .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
        {
            Some(url) => read.page_url = Some(url),
            None => warn("option 'pageUrl' must be an http(s) address; ignored"),
        },
        _ if !OPTION_KEYS.contains(&key) => warn(&format!(
            "unknown option '{key}' ignored (known: {}, url, pageUrl)",
            OPTION_KEYS.join(", ")
        )),
        _ => {
            // Years may come as numbers; everything else as strings.
            let text = match value.as_f64() {
                Some(number) => Ok(number.to_string()),
                None => serde_wasm_bindgen::from_value::<String>(value),
            };
            match text {
                Ok(text) => {
                    if let Err(warning) = read.chart.set(key, &text) {
                        warn(&warning);
                    }
                }
                Err(_) => warn(&format!("option '{key}' must be a string; ignored")),
            }
        }
    }
}

/// The reader's language from `navigator.languages`.
pub fn browser_lang(window: &web_sys::Window) -> Lang {
    let navigator = window.navigator();
    let tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .chain(navigator.language())
        .collect();
    Lang::from_preferences(tags.iter().map(String::as_str))
}

/// The reader's colour scheme (`prefers-color-scheme`).
pub fn browser_theme(window: &web_sys::Window) -> ThemeName {
    let dark = window
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    if dark {
        ThemeName::Dark
    } else {
        ThemeName::Light
    }
}
