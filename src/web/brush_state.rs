//! The chart and its brush: a press, drag or release of a pointer and a key
//! on a thumb become a new [`Brush`] (decided in [`crate::brush`]), shown
//! at once by the brush's elements and drawn by the chart at the next
//! animation frame, at most once a frame. The URL follows when the pointer
//! lets go; a key draws and writes it at once.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::brush_bar::{BrushPlace, LABEL_FONT_SIZE, LABEL_GAP};
use super::chart::{ChartState, Failure};
use super::effects::Effect;
use crate::brush::{label_lefts, track_position, Brush, BrushKey, Part, Thumb};
use crate::geometry::Rect;
use crate::layout::{ChartLayout, Font, TextMeasure};
use crate::theme::FONT_FAMILY;

/// The event the animation frame sends the brush, after a drag moved it.
pub const FRAME_EVENT: &str = "ps-brush-frame";

/// What a reader does to the brush.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BrushInput {
    /// A pointer went down on `part` at `client_x` (viewport px).
    Press {
        client_x: f64,
        part: Part,
        touch: bool,
        pointer_id: i32,
    },
    /// The pointer moved, a button or finger down.
    Drag {
        client_x: f64,
    },
    Release {
        client_x: f64,
    },
    Cancel,
    /// A key on a focused thumb.
    Key(Thumb, BrushKey),
    /// The animation frame after a drag moved the brush: draw it.
    Frame,
}

impl ChartState {
    /// The brush as the reader sees it: as dragged, else the view's range.
    pub fn brush(&self) -> Brush {
        self.brush_drag
            .dragged
            .unwrap_or_else(|| Brush::new(self.years, self.view.range))
    }

    /// Moves the brush's elements to the brush as it stands, below the
    /// time axis of the last layout.
    pub fn show_brush(&self) -> Result<(), JsValue> {
        let brush = self.brush();
        let place = self
            .layout
            .as_ref()
            .and_then(|layout| Some(self.brush_place(layout, layout.brush?, brush)));
        self.elements.brush.show(brush, place)
    }

    /// Where the brush and its years' texts go: the texts under their
    /// thumbs, apart from each other, within the chart.
    fn brush_place(&self, layout: &ChartLayout, rect: Rect, brush: Brush) -> BrushPlace {
        let measure = self.meter.with_family(FONT_FAMILY);
        let font = Font::regular(LABEL_FONT_SIZE);
        let width = |thumb| measure.measure(&brush.value(thumb).to_string(), font).0;
        let x = |thumb| brush.position(thumb) * rect.width();
        let labels = label_lefts(
            (x(Thumb::From), x(Thumb::To)),
            (width(Thumb::From), width(Thumb::To)),
            LABEL_GAP,
            (2.0 - rect.left, layout.width - 2.0 - rect.left),
        );
        BrushPlace { rect, labels }
    }

    /// Carries out a reader's input on the brush.
    pub fn brush_input(&mut self, input: BrushInput) -> Result<Option<Effect>, Failure> {
        match input {
            BrushInput::Press {
                client_x,
                part,
                touch,
                pointer_id,
            } => {
                let Some(rect) = self.layout.as_ref().and_then(|layout| layout.brush) else {
                    return Ok(None);
                };
                let root = self.elements.brush.root.clone();
                // Measured once a press: the drag reads positions from here.
                let origin = root.get_bounding_client_rect().left();
                let position = track_position(client_x, origin, rect.width());
                let (next, grip) = self.brush().press(part, position, touch);
                self.brush_drag.grip = Some((grip, origin));
                self.move_brush(next)?;
                return Ok(Some(Effect::CaptureBrush(root, pointer_id)));
            }
            BrushInput::Drag { client_x } => {
                if let Some((grip, position)) = self.brush_grip(client_x) {
                    self.move_brush(self.brush().drag(grip, position))?;
                }
            }
            BrushInput::Release { client_x } => {
                if let Some((grip, position)) = self.brush_grip(client_x) {
                    self.move_brush(self.brush().release(grip, position))?;
                }
                self.finish_brush()?;
            }
            BrushInput::Cancel => self.finish_brush()?,
            BrushInput::Key(thumb, key) => {
                let next = self.brush().key(thumb, key);
                if next != self.brush() {
                    self.set_range(next.range())?;
                }
            }
            BrushInput::Frame => {
                self.brush_drag.frame_asked = false;
                if let Some(brush) = self.brush_drag.dragged {
                    if brush.range() != self.view.range {
                        self.view.range = brush.range();
                        self.redraw(true)?;
                    }
                }
            }
        }
        Ok(None)
    }

    /// What the pointer holds and where it is along the track, while it
    /// holds something.
    fn brush_grip(&self, client_x: f64) -> Option<(crate::brush::Grip, f64)> {
        let (grip, origin) = self.brush_drag.grip?;
        let rect = self.layout.as_ref()?.brush?;
        Some((grip, track_position(client_x, origin, rect.width())))
    }

    /// Shows the brush moved to `next` and asks for a frame to draw it in.
    fn move_brush(&mut self, next: Brush) -> Result<(), Failure> {
        if next == self.brush() {
            return Ok(());
        }
        self.brush_drag.dragged = Some(next);
        self.show_brush()?;
        if !self.brush_drag.frame_asked {
            ask_for_frame(&self.elements.brush.root)?;
            self.brush_drag.frame_asked = true;
        }
        Ok(())
    }

    /// The pointer let go: the brush's range becomes the view's, drawn
    /// (unless the last frame drew it) and written to the URL.
    fn finish_brush(&mut self) -> Result<(), Failure> {
        self.brush_drag.grip = None;
        if let Some(brush) = self.brush_drag.dragged.take() {
            if brush.range() == self.view.range {
                self.write_url();
            } else {
                self.set_range(brush.range())?;
            }
        }
        Ok(())
    }
}

/// Asks the browser to send [`FRAME_EVENT`] to `target` before its next
/// paint: `target.dispatchEvent` bound to the event, so that no closure is
/// kept, and a chart destroyed meanwhile (its listener gone) hears nothing.
fn ask_for_frame(target: &HtmlElement) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let event = web_sys::Event::new(FRAME_EVENT)?;
    let dispatch: js_sys::Function = js_sys::Reflect::get(target, &"dispatchEvent".into())?
        .dyn_into()
        .map_err(super::unexpected("dispatchEvent, a function"))?;
    let bound: js_sys::Function = dispatch.bind1(target, &event).unchecked_into();
    window.request_animation_frame(&bound)?;
    Ok(())
}
