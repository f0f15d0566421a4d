//! Native rendering to SVG, with the same drawing code as the canvas.
//!
//! Used by the golden-file tests and (later) by SVG export and the no-script
//! fallback. Text is measured with [`EstimatedText`], so the output is the
//! same on every machine.

use plotters_svg::SVGBackend;

use crate::dataset::{Model, Stage};
use crate::i18n::Lang;
use crate::layout::{ChartLayout, EstimatedText, LayoutConfig};
use crate::render::{draw, PaintConfig, RenderError};
use crate::theme::Theme;

/// Renders the chart as an SVG document of `width` × `height` CSS pixels.
pub fn render_svg(
    models: &[Model],
    stages: &[Stage],
    lang: Lang,
    theme: &Theme,
    (width, height): (u32, u32),
) -> Result<(String, ChartLayout), RenderError> {
    let mut svg = String::new();
    let layout = draw(
        SVGBackend::with_string(&mut svg, (width, height)),
        models,
        stages,
        LayoutConfig {
            width: f64::from(width),
            height: f64::from(height),
            lang,
        },
        &PaintConfig {
            theme: theme.clone(),
            pixel_ratio: 1.0,
        },
        &EstimatedText,
    )?;
    Ok((svg, layout))
}
