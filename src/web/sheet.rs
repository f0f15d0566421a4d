//! The pinned tooltip on a narrow chart: a sheet across the chart's width,
//! docked at the bottom edge of the chart's visible part, or at its top
//! edge where the bottom would cover the point it describes
//! ([`crate::tooltip::dock_sheet`]). It scrolls beyond
//! [`crate::tooltip::sheet_max_height`]. The sheet is the tooltip itself,
//! with the class `ps-sheet` and its size and place set through the CSSOM.

use wasm_bindgen::prelude::*;
use web_sys::{DomRect, HtmlElement};

use crate::tooltip::{dock_sheet, sheet_max_height, SHEET_MARGIN};

/// The tooltip's styles that only a sheet has.
const SHEET_STYLES: [&str; 5] = [
    "box-sizing",
    "width",
    "max-width",
    "max-height",
    "overflow-y",
];

/// Docks `tooltip` as a sheet in the stage (`stage`, its rectangle in the
/// viewport) for a point at `y` (stage CSS px) with `clearance` around it.
pub fn dock(
    tooltip: &HtmlElement,
    stage: &DomRect,
    y: f64,
    clearance: f64,
    viewport_height: f64,
) -> Result<(), JsValue> {
    // The part of the stage on screen, in the stage's own coordinates.
    let visible = (
        (-stage.top()).clamp(0.0, stage.height()),
        (viewport_height - stage.top()).clamp(0.0, stage.height()),
    );
    let visible = if visible.1 - visible.0 < 1.0 {
        (0.0, stage.height())
    } else {
        visible
    };
    tooltip.class_list().add_1("ps-sheet")?;
    let style = tooltip.style();
    // A share of the stage, so that it follows the stage's width even
    // where that changes without a redraw (a scrollbar coming or going).
    style.set_property("box-sizing", "border-box")?;
    style.set_property("width", &format!("calc(100% - {}px)", 2.0 * SHEET_MARGIN))?;
    style.set_property("max-width", "none")?;
    style.set_property("max-height", &format!("{}px", sheet_max_height(visible)))?;
    style.set_property("overflow-y", "auto")?;
    let height = f64::from(tooltip.offset_height());
    let top = dock_sheet(y, clearance, visible, height);
    style.set_property(
        "transform",
        &format!("translate({SHEET_MARGIN}px, {top}px)"),
    )
}

/// Lets `tooltip` float again (hover, or a wide chart).
pub fn undock(tooltip: &HtmlElement) -> Result<(), JsValue> {
    let classes = tooltip.class_list();
    if !classes.contains("ps-sheet") {
        return Ok(());
    }
    classes.remove_1("ps-sheet")?;
    let style = tooltip.style();
    for property in SHEET_STYLES {
        style.remove_property(property)?;
    }
    Ok(())
}
