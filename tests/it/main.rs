//! Native tests of the pure core: one binary, one module per concept.
//! Tests are named as sentences and driven by tables.
#![cfg(not(target_arch = "wasm32"))]

mod blob;
mod boxes;
mod brush;
mod claims;
mod csv;
mod dataset;
mod export;
mod format;
mod fuzz;
mod golden;
mod hit;
mod hostile;
mod i18n;
mod labels;
mod layout;
mod modules;
mod occupancy;
mod options;
mod ordering;
mod pinch;
mod plotted;
mod readme;
mod scale;
mod search;
mod sources;
mod stamp;
mod story;
mod theme;
mod tooltip;
mod trend;
mod web_shell;

/// The layout of `models` on a 960 × 600 chart in English, every series
/// shown, text estimated: what tests of several modules look at.
pub fn english_layout(models: &[param_scale::dataset::Model]) -> param_scale::layout::ChartLayout {
    param_scale::layout::compute_layout(
        models,
        param_scale::embedded::stages(),
        param_scale::layout::LayoutConfig {
            width: 960.0,
            height: 600.0,
            lang: param_scale::i18n::Lang::En,
            view: param_scale::layout::View::default(),
            title: true,
            brush: false,
        },
        &param_scale::layout::EstimatedText,
    )
}

/// The layout of the embedded data on a 960 × 600 chart in Chinese, for
/// `view`, text estimated.
pub fn chinese_layout(view: param_scale::layout::View) -> param_scale::layout::ChartLayout {
    param_scale::layout::compute_layout(
        param_scale::embedded::models(),
        param_scale::embedded::stages(),
        param_scale::layout::LayoutConfig {
            width: 960.0,
            height: 600.0,
            lang: param_scale::i18n::Lang::Zh,
            view,
            title: true,
            brush: false,
        },
        &param_scale::layout::EstimatedText,
    )
}

/// Fails unless one of `errors` reads, as `FILE:LINE: FIELD: message`,
/// starting with `expected`.
pub fn assert_rejected(errors: &[param_scale::dataset::DataError], expected: &str) {
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        messages.iter().any(|message| message.starts_with(expected)),
        "expected a message starting with {expected:?}\ngot {messages:?}"
    );
}
