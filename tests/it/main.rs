//! Native tests of the pure core: one binary, one module per concept.
//! Tests are named as sentences and driven by tables.
#![cfg(not(target_arch = "wasm32"))]

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
mod options;
mod ordering;
mod scale;
mod sources;
mod stamp;
mod theme;
mod tooltip;
mod trend;
