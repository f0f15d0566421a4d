//! Param Scale: the parameter counts of large AI models over time, as a
//! chart that draws itself in the browser (canvas) and natively (SVG).
//!
//! The crate is a pure core with one thin browser shell:
//! - [`dataset`] and [`csv`] read and validate the data file; `build.rs`
//!   runs them at build time and [`embedded`] holds the result.
//! - [`scale`], [`format`](mod@format), [`i18n`], [`theme`], [`trend`], [`labels`] and
//!   [`layout`] decide what goes where, in CSS pixels, for a language.
//! - [`brush`] is the state of the range control under the time axis.
//! - [`render`] paints a layout onto any plotters `DrawingBackend`; [`stamp`]
//!   composites prepainted markers into pixels, for charts of many points.
//! - [`svg`] renders to an SVG string (golden files, export, no-script page).
//! - `web` (wasm32 only) is the only module that knows the browser.

pub mod boxes;
pub mod brush;
pub mod claims;
pub mod csv;
pub mod dataset;
pub mod export;
pub mod format;
pub mod geometry;
pub mod hit;
pub mod i18n;
pub mod interaction;
pub mod labels;
pub mod lang;
pub mod layout;
pub mod marks;
pub mod occupancy;
pub mod options;
pub mod ordering;
pub mod pinch;
pub mod plotted;
pub mod render;
pub mod scale;
pub mod search;
pub mod stamp;
pub mod story;
pub mod table;
pub mod theme;
pub mod tooltip;
pub mod trend;

pub mod svg;

#[cfg(target_arch = "wasm32")]
mod web;

/// The data embedded at build time from `data/models.csv` (or the file named
/// by `PARAM_SCALE_DATA`), already validated. Read it through [`models`]
/// and [`stages`], which hide how it is stored.
///
/// [`models`]: embedded::models
/// [`stages`]: embedded::stages
pub mod embedded {
    use crate::dataset::{decode_binary, decode_story, Model, Stage, Step};
    use std::sync::OnceLock;

    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

    /// The blob decoded, on first use. Its strings borrow from the blob.
    fn data() -> &'static (Vec<Model>, Vec<Stage>) {
        static DATA: OnceLock<(Vec<Model>, Vec<Stage>)> = OnceLock::new();
        DATA.get_or_init(|| {
            // build.rs decodes the blob before embedding it, so this cannot fail.
            decode_binary(BLOB).unwrap_or_else(|| {
                panic!("the embedded data of {DATA_FILE} is corrupt; rebuild the crate")
            })
        })
    }

    /// Every model of the data file, in file order.
    pub fn models() -> &'static [Model] {
        &data().0
    }

    /// The article's stages, in file order.
    pub fn stages() -> &'static [Stage] {
        &data().1
    }

    /// The article's story, step by step (empty without a `story.csv`).
    pub fn story() -> &'static [Step] {
        static STEPS: OnceLock<Vec<Step>> = OnceLock::new();
        STEPS.get_or_init(|| {
            // build.rs decodes the story before embedding it, so this cannot fail.
            decode_story(STORY).unwrap_or_else(|| {
                panic!("the embedded story of {DATA_FILE} is corrupt; rebuild the crate")
            })
        })
    }
}
