//! Rendering to SVG, with the same drawing code as the canvas.
//!
//! Used natively by the golden-file tests and the build's no-script page
//! (with [`crate::layout::EstimatedText`], so the output is the same on
//! every machine), and in the browser for the SVG download (with the
//! canvas's own text measure). Text stays text: real `<text>` elements.

use plotters_svg::SVGBackend;

use crate::dataset::{Model, Stage};
use crate::layout::{ChartLayout, LayoutConfig, TextMeasure};
use crate::render::{draw, PaintConfig, RenderError, SVG_FONT_SCALE};
use crate::theme::Theme;

/// Renders the chart as an SVG document of the layout's size in CSS pixels.
pub fn render_svg(
    models: &[Model],
    stages: &[Stage],
    config: LayoutConfig,
    theme: &Theme,
    measure: &dyn TextMeasure,
) -> Result<(String, ChartLayout), RenderError> {
    let mut svg = String::new();
    let size = (config.width.round() as u32, config.height.round() as u32);
    let layout = draw(
        SVGBackend::with_string(&mut svg, size),
        models,
        stages,
        config,
        &PaintConfig {
            theme: theme.clone(),
            pixel_ratio: 1.0,
            font_scale: SVG_FONT_SCALE,
        },
        measure,
        None,
    )?;
    Ok((svg, layout))
}
