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

/// Text as the search compares it: lower case, without spaces, hyphens,
/// dots and middle dots.
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '·' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}
