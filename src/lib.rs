//! Param Scale: the parameter counts of large AI models over time, as a
//! chart that draws itself in the browser (canvas) and natively (SVG).
//!
//! The crate is a pure core with one thin browser shell:
//! - [`dataset`] and [`csv`] read and validate the data file; `build.rs`
//!   runs them at build time and [`embedded`] holds the result.
//! - [`scale`], [`format`], [`i18n`], [`theme`], [`trend`], [`labels`] and
//!   [`layout`] decide what goes where, in CSS pixels, for a language.
//! - [`render`] paints a layout onto any plotters `DrawingBackend`.
//! - [`svg`] (native only) renders to an SVG string.
//! - `web` (wasm32 only) is the only module that knows the browser.

pub mod csv;
pub mod dataset;
pub mod format;
pub mod geometry;
pub mod i18n;
pub mod labels;
pub mod layout;
pub mod options;
pub mod render;
pub mod scale;
pub mod theme;
pub mod trend;

#[cfg(not(target_arch = "wasm32"))]
pub mod svg;

#[cfg(target_arch = "wasm32")]
mod web;

/// The data embedded at build time from `data/models.csv` (or the file named
/// by `PARAM_SCALE_DATA`), already validated.
pub mod embedded {
    use crate::dataset::{Architecture, Date, Modality, Model, Stage};
    use std::borrow::Cow;

    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
