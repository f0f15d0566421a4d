//! Finding a model by a typed part of its name, in either language or
//! script: `gpt`, `盘古`, `ernie`, `文心`, `kimi`. The search field of the
//! page (an ARIA combobox) lists what [`matches()`] gives.

use crate::dataset::Model;
use crate::ordering::sorted_by;

/// How many matches the list shows at most.
pub const MAX_MATCHES: usize = 8;

/// The models whose English or Chinese name (or id) holds `query`, ignoring
/// case, spaces, hyphens and dots: names that start with it first, then
/// the article's models, then in the data file's order; at most
/// [`MAX_MATCHES`]. An empty query matches nothing.
pub fn matches(models: &[Model], query: &str) -> Vec<usize> {
    let query = folded(query);
    if query.is_empty() {
        return Vec::new();
    }
    let found: Vec<(usize, bool)> = models
        .iter()
        .enumerate()
        .filter_map(|(index, model)| {
            let names = [&*model.name, &*model.name_zh, &*model.id].map(folded);
            let starts = names.iter().any(|name| name.starts_with(&query));
            (starts || names.iter().any(|name| name.contains(&query))).then_some((index, starts))
        })
        .collect();
    let mut sorted = sorted_by(&found, |(index, starts)| {
        (
            u64::from(!starts),
            u64::from(!models[*index].in_article),
            *index as u64,
        )
    });
    sorted.truncate(MAX_MATCHES);
    sorted.into_iter().map(|(index, _)| index).collect()
}

/// Text as the search compares it: lower case ([`lower_case`]), without
/// spaces, hyphens, dots and middle dots.
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '·' | '_'))
        .map(lower_case)
        .collect()
}

/// `c` in lower case where a model's name or a reader's typing may need it:
/// the Latin letters of ASCII and Latin-1 (`À` to `Þ`), the Greek capitals
/// (`Σ` of PanGu-Σ) and basic Cyrillic (`Ѐ` to `Я`), as `char::to_lowercase`
/// has them; any other character as it is (Chinese has no case). Unicode's
/// whole case table, which `to_lowercase` brings, cost the wasm module 9 KB
/// gzipped for letters no name uses.
pub fn lower_case(c: char) -> char {
    let offset = match u32::from(c) {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => 32,
        0x386 => 38,
        0x388..=0x38A => 37,
        0x38C => 64,
        0x38E..=0x38F => 63,
        0x391..=0x3A1 | 0x3A3..=0x3AB => 32,
        0x400..=0x40F => 80,
        0x410..=0x42F => 32,
        _ => 0,
    };
    char::from_u32(u32::from(c) + offset).unwrap_or(c)
}
