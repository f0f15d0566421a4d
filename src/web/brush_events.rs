//! The brush's part of the event table: pointer events on its group (a
//! press says which part it was on), keys on a focused thumb, and the
//! animation frame's event, each a [`Message::Brush`].

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, KeyboardEvent, PointerEvent};

use super::brush_bar::BrushBar;
use super::brush_state::{BrushInput, FRAME_EVENT};
use super::controller::{Controller, Message};
use crate::brush::{BrushKey, Part, Thumb};

/// What a DOM event means to the chart (as in the event table).
type Translate = fn(&Controller, &Event) -> Option<Message>;

/// Every listener of the brush: the element, the event, what it means.
pub fn brush_table(bar: &BrushBar) -> Vec<(EventTarget, &'static str, Translate)> {
    let root = EventTarget::from(bar.root.clone());
    vec![
        (root.clone(), "pointerdown", press),
        (root.clone(), "pointermove", drag),
        (root.clone(), "pointerup", release),
        (root.clone(), "pointercancel", |_, _| {
            Some(Message::Brush(BrushInput::Cancel))
        }),
        (root.clone(), "keydown", key),
        (root, FRAME_EVENT, |_, _| {
            Some(Message::Brush(BrushInput::Frame))
        }),
    ]
}

/// The part of the brush a pointer event is on.
fn part_of(event: &Event) -> Option<Part> {
    let part = event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("[data-brush-part]")
        .ok()??;
    Some(match part.get_attribute("data-brush-part")?.as_str() {
        "thumb" => Part::Thumb(Thumb::from_code(&part.get_attribute("data-thumb")?)?),
        "span" => Part::Span,
        _ => Part::Track,
    })
}

fn press(_: &Controller, event: &Event) -> Option<Message> {
    let event = event.dyn_ref::<PointerEvent>()?;
    let touch = event.pointer_type() == "touch";
    if !touch && event.button() != 0 {
        return None;
    }
    Some(Message::Brush(BrushInput::Press {
        client_x: f64::from(event.client_x()),
        part: part_of(event)?,
        touch,
        pointer_id: event.pointer_id(),
    }))
}

fn drag(_: &Controller, event: &Event) -> Option<Message> {
    let event = event.dyn_ref::<PointerEvent>()?;
    // Only a pointer that holds something drags: a hover says nothing.
    (event.buttons() != 0).then(|| {
        Message::Brush(BrushInput::Drag {
            client_x: f64::from(event.client_x()),
        })
    })
}

fn release(_: &Controller, event: &Event) -> Option<Message> {
    let event = event.dyn_ref::<PointerEvent>()?;
    Some(Message::Brush(BrushInput::Release {
        client_x: f64::from(event.client_x()),
    }))
}

/// ←/↓ and →/↑ a year, Page Down / Page Up five, Home / End the data's
/// ends, on the focused thumb.
fn key(_: &Controller, event: &Event) -> Option<Message> {
    let event = event.dyn_ref::<KeyboardEvent>()?;
    let thumb = event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("[role=slider][data-thumb]")
        .ok()??
        .get_attribute("data-thumb")?;
    let thumb = Thumb::from_code(&thumb)?;
    let key = match event.key().as_str() {
        "ArrowLeft" | "ArrowDown" => BrushKey::Back,
        "ArrowRight" | "ArrowUp" => BrushKey::Forward,
        "PageDown" => BrushKey::PageBack,
        "PageUp" => BrushKey::PageForward,
        "Home" => BrushKey::First,
        "End" => BrushKey::Last,
        _ => return None,
    };
    event.prevent_default();
    Some(Message::Brush(BrushInput::Key(thumb, key)))
}
