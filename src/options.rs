//! Chart options, from a JS options object or from the page's URL.
//!
//! Options arrive from outside (a host page, a hand-typed URL), so reading
//! them is total: an unknown key or a bad value is skipped with a warning
//! that the browser shell prints to the console, never an error.

use crate::i18n::Lang;
use crate::theme::ThemeName;

/// What a chart can be asked for. `None` means "decide by the page".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChartOptions {
    pub lang: Option<Lang>,
    pub theme: Option<ThemeName>,
}

/// The keys [`ChartOptions::set`] knows.
pub const OPTION_KEYS: [&str; 2] = ["lang", "theme"];

impl ChartOptions {
    /// Sets one option from text. Returns a warning (and changes nothing)
    /// for an unknown key or a value that the key does not take.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        match key {
            "lang" => match value.trim() {
                "zh" => self.lang = Some(Lang::Zh),
                "en" => self.lang = Some(Lang::En),
                other => return Err(format!("lang: '{other}' is not zh or en; ignored")),
            },
            "theme" => match ThemeName::from_code(value) {
                Some(theme) => self.theme = Some(theme),
                None => return Err(format!("theme: '{value}' is not light or dark; ignored")),
            },
            other => {
                return Err(format!(
                    "unknown option '{other}' ignored (known: {})",
                    OPTION_KEYS.join(", ")
                ))
            }
        }
        Ok(())
    }

    /// Reads options from a URL query (`?lang=en&theme=dark`), returning the
    /// options and a warning for each parameter that was skipped.
    pub fn from_query(query: &str) -> (ChartOptions, Vec<String>) {
        let mut options = ChartOptions::default();
        let mut warnings = Vec::new();
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| !pair.is_empty())
        {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (percent_decode(key), percent_decode(value));
            if let Err(warning) = options.set(&key, &value) {
                warnings.push(format!("URL parameter {warning}"));
            }
        }
        (options, warnings)
    }

    /// `self` where set, else `fallback`.
    pub fn or(self, fallback: ChartOptions) -> ChartOptions {
        ChartOptions {
            lang: self.lang.or(fallback.lang),
            theme: self.theme.or(fallback.theme),
        }
    }
}

/// Decodes `%xx` escapes and `+` as space; malformed escapes stay as they
/// are, and invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        let hex = |offset: usize| {
            bytes
                .get(index + offset)
                .and_then(|digit| (*digit as char).to_digit(16))
        };
        match (byte, hex(1), hex(2)) {
            (b'%', Some(high), Some(low)) => {
                decoded.push((high * 16 + low) as u8);
                index += 3;
            }
            (b'+', _, _) => {
                decoded.push(b' ');
                index += 1;
            }
            _ => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}
