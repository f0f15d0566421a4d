//! The event table: which DOM event on which element becomes which
//! [`Message`]. A listener reads what it needs from the event, sends the
//! message to the chart's [`Controller`] and is done; it never touches the
//! chart's state.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    AddEventListenerOptions, Element, Event, EventTarget, KeyboardEvent, PointerEvent, TouchEvent,
};

use super::controller::{Controller, Message};
use super::dom::{DownloadKind, Elements};
use super::menu::MenuStep;
use super::search_box::SearchBox;
use super::search_state::SearchKey;
use super::touch_state::TouchInput;
use crate::geometry::Point;
use crate::hit::Step;
use crate::interaction::Input;
use crate::options::Toggle;
use crate::table::SortKey;

/// What a DOM event means to the chart: a message, or nothing.
type Translate = fn(&Controller, &Event) -> Option<Message>;

/// An event listener a chart added, removed again by `destroy`.
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    // `Fn`, not `FnMut`: a listener that host code sets off again while it
    // runs is called again, not refused by wasm-bindgen.
    closure: Closure<dyn Fn(Event)>,
}

impl Listener {
    pub fn remove(&self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// Adds every listener of the event table.
pub fn add_listeners(
    controller: &Rc<Controller>,
    elements: &Elements,
) -> Result<Vec<Listener>, JsValue> {
    event_table(elements)
        .into_iter()
        .map(|(target, kind, translate)| listen(controller, target, kind, translate))
        .collect()
}

fn listen(
    controller: &Rc<Controller>,
    target: EventTarget,
    kind: &'static str,
    translate: Translate,
) -> Result<Listener, JsValue> {
    let controller = Rc::clone(controller);
    let closure = Closure::<dyn Fn(Event)>::new(move |event: Event| {
        if let Some(message) = translate(&controller, &event) {
            controller.send(message);
        }
    });
    // The browser waits for a touch listener before it scrolls or zooms,
    // unless the listener is passive. Only `touchstart` and `touchmove` may
    // keep a pinch from the page; the others must not hold the browser up
    // while the chart redraws (a pinch's zoom happens on `touchend`).
    let options = AddEventListenerOptions::new();
    options.set_passive(matches!(kind, "touchend" | "touchcancel"));
    target.add_event_listener_with_callback_and_add_event_listener_options(
        kind,
        closure.as_ref().unchecked_ref(),
        &options,
    )?;
    Ok(Listener {
        target,
        kind,
        closure,
    })
}

/// Every listener: the element, the event, what it means.
fn event_table(elements: &Elements) -> Vec<(EventTarget, &'static str, Translate)> {
    let target = |element: &Element| EventTarget::from(element.clone());
    let overlay = target(&elements.overlay);
    let mut table: Vec<(EventTarget, &'static str, Translate)> = vec![
        (overlay.clone(), "pointerdown", pointer_down),
        (overlay.clone(), "pointermove", pointer_move),
        (overlay.clone(), "pointerup", pointer_up),
        (overlay.clone(), "pointercancel", |_, _| {
            Some(Message::PointerCancel)
        }),
        (overlay, "pointerleave", |_, _| Some(Message::PointerLeave)),
        (target(&elements.canvas), "keydown", key_down),
        (target(&elements.legend), "click", legend_click),
        (target(&elements.lang_button), "click", |_, _| {
            Some(Message::ToggleLang)
        }),
        (target(&elements.reset_button), "click", |_, _| {
            Some(Message::ShowAll)
        }),
        (target(&elements.copy_button), "click", |_, _| {
            Some(Message::CopyLink)
        }),
        (target(&elements.table_button), "click", |_, _| {
            Some(Message::ToggleTable)
        }),
        (target(&elements.embed_button), "click", |_, _| {
            Some(Message::ToggleEmbed)
        }),
        (target(&elements.table_panel), "click", sort_click),
        (target(&elements.menu_button), "click", |_, _| {
            Some(Message::ToggleMenu)
        }),
        (target(&elements.toolbar), "keydown", menu_key),
        (target(&elements.search.input), "input", |_, _| {
            Some(Message::SearchTyped)
        }),
        (target(&elements.search.input), "keydown", search_key),
        (target(&elements.search.listbox), "click", |_, event| {
            SearchBox::option_of(&event.target()?).map(Message::SearchPick)
        }),
        (target(&elements.story.button), "click", |_, _| {
            Some(Message::ToggleStory)
        }),
        (target(&elements.story.panel), "click", story_click),
        (target(&elements.story.panel), "keydown", story_key),
        // A tap outside the chart lets go of a pinned tooltip.
        (
            EventTarget::from(elements.document.clone()),
            "pointerdown",
            outside_pointer_down,
        ),
        (
            EventTarget::from(elements.document.clone()),
            "pointerdown",
            outside_menu_pointer_down,
        ),
    ];
    table.extend(super::brush_events::brush_table(&elements.brush));
    table.extend(touch_table(elements));
    for button in &elements.download_buttons {
        table.push((target(button), "click", download_click));
    }
    if let Some(window) = web_sys::window() {
        table.push((EventTarget::from(window), "beforeprint", |_, _| {
            Some(Message::PreparePrint)
        }));
    }
    table
}

/// The listeners of fingers and of the pinned tooltip: two fingers on the
/// plot pinch time; anywhere else they are the page's zoom, and one finger
/// is the page's scroll (the overlay's `touch-action: pan-x pan-y
/// pinch-zoom`).
fn touch_table(elements: &Elements) -> Vec<(EventTarget, &'static str, Translate)> {
    let overlay = EventTarget::from(elements.overlay.clone());
    vec![
        (overlay.clone(), "touchstart", touch_start),
        (overlay.clone(), "touchmove", touch_move),
        (overlay.clone(), "touchend", |controller, event| {
            touch_end(controller, event, true)
        }),
        (overlay, "touchcancel", |controller, event| {
            touch_end(controller, event, false)
        }),
        (
            EventTarget::from(elements.tooltip_close().clone()),
            "click",
            |_, _| Some(Message::CloseTooltip),
        ),
        (
            EventTarget::from(elements.tooltip.clone()),
            "keydown",
            tooltip_key,
        ),
    ]
}

fn pointer_down(_: &Controller, event: &Event) -> Option<Message> {
    let event = event.dyn_ref::<PointerEvent>()?;
    if is_touch(event) {
        return Some(Message::Touch(TouchInput::Down {
            at: stage_point(event),
            primary: event.is_primary(),
        }));
    }
    Some(Message::PointerDown {
        at: stage_point(event),
        mouse: event.button() == 0,
        pointer_id: event.pointer_id(),
    })
}

fn pointer_move(_: &Controller, event: &Event) -> Option<Message> {
    let event = event.dyn_ref::<PointerEvent>()?;
    Some(Message::PointerMove {
        at: stage_point(event),
        touch: is_touch(event),
    })
}

fn pointer_up(_: &Controller, event: &Event) -> Option<Message> {
    let event = event.dyn_ref::<PointerEvent>()?;
    Some(Message::PointerUp {
        at: stage_point(event),
        touch: is_touch(event),
    })
}

fn key_down(_: &Controller, event: &Event) -> Option<Message> {
    let event = event.dyn_ref::<KeyboardEvent>()?;
    let input = match event.key().as_str() {
        "ArrowLeft" => Input::Key(Step::Previous),
        "ArrowRight" => Input::Key(Step::Next),
        "ArrowUp" => Input::Key(Step::Up),
        "ArrowDown" => Input::Key(Step::Down),
        "Home" => Input::Key(Step::First),
        "End" => Input::Key(Step::Last),
        "Enter" | " " => Input::Pin,
        "Escape" => Input::Clear,
        _ => return None,
    };
    event.prevent_default();
    Some(Message::Input(input))
}

/// The value of `attribute` on the closest element to the event's target
/// that `selector` matches.
fn closest_attribute(event: &Event, selector: &str, attribute: &str) -> Option<String> {
    event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()??
        .get_attribute(attribute)
}

fn legend_click(_: &Controller, event: &Event) -> Option<Message> {
    let code = closest_attribute(event, "button[data-toggle]", "data-toggle")?;
    Toggle::from_code(&code).map(Message::Toggle)
}

fn sort_click(_: &Controller, event: &Event) -> Option<Message> {
    let code = closest_attribute(event, "button[data-sort]", "data-sort")?;
    SortKey::from_code(&code).map(Message::SortTable)
}

fn story_click(_: &Controller, event: &Event) -> Option<Message> {
    let button = event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("button[data-story]")
        .ok()??;
    if button.get_attribute("aria-disabled").as_deref() == Some("true") {
        return None;
    }
    match button.get_attribute("data-story")?.as_str() {
        "previous" => Some(Message::StepBy(-1)),
        "next" => Some(Message::StepBy(1)),
        "leave" => Some(Message::Step(0)),
        _ => None,
    }
}

/// ←/→ step through the story while it has the focus; Esc leaves it.
fn story_key(_: &Controller, event: &Event) -> Option<Message> {
    let event = event.dyn_ref::<KeyboardEvent>()?;
    let message = match event.key().as_str() {
        "ArrowLeft" => Message::StepBy(-1),
        "ArrowRight" => Message::StepBy(1),
        "Escape" => Message::Step(0),
        _ => return None,
    };
    event.prevent_default();
    Some(message)
}

/// ↓/↑/Home/End move through the open menu; Esc closes it, from the menu
/// or its button.
fn menu_key(controller: &Controller, event: &Event) -> Option<Message> {
    let event = event.dyn_ref::<KeyboardEvent>()?;
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let in_menu = target.closest(".ps-menu").ok()?.is_some();
    let on_button = target.closest(".ps-menu-button").ok()?.is_some();
    if !(in_menu || on_button) || !menu_is_open(controller) {
        return None;
    }
    let message = match event.key().as_str() {
        "Escape" => Message::CloseMenu { refocus: true },
        "ArrowDown" => Message::MenuStep(MenuStep::Next),
        "ArrowUp" => Message::MenuStep(MenuStep::Previous),
        "Home" => Message::MenuStep(MenuStep::First),
        "End" => Message::MenuStep(MenuStep::Last),
        _ => return None,
    };
    event.prevent_default();
    Some(message)
}

/// ↓/↑ move through the search's matches, Enter chooses, Esc closes.
fn search_key(_: &Controller, event: &Event) -> Option<Message> {
    let event = event.dyn_ref::<KeyboardEvent>()?;
    let key = match event.key().as_str() {
        "ArrowDown" => SearchKey::Next,
        "ArrowUp" => SearchKey::Previous,
        "Enter" => SearchKey::Choose,
        "Escape" => SearchKey::Close,
        _ => return None,
    };
    event.prevent_default();
    Some(Message::SearchKey(key))
}

/// Whether the chart's menu is open, as its element says.
fn menu_is_open(controller: &Controller) -> bool {
    controller
        .root
        .query_selector(".ps-menu:not([hidden])")
        .ok()
        .flatten()
        .is_some()
}

/// A press anywhere but in the open menu or on its button closes the menu.
fn outside_menu_pointer_down(controller: &Controller, event: &Event) -> Option<Message> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let inside = target.closest(".ps-menu, .ps-menu-button").ok()?.is_some();
    (!inside && menu_is_open(controller)).then_some(Message::CloseMenu { refocus: false })
}

fn download_click(_: &Controller, event: &Event) -> Option<Message> {
    let code = event
        .current_target()?
        .dyn_into::<Element>()
        .ok()?
        .get_attribute("data-download")?;
    DownloadKind::from_code(&code).map(Message::Download)
}

fn outside_pointer_down(controller: &Controller, event: &Event) -> Option<Message> {
    let node = event.target()?.dyn_into::<web_sys::Node>().ok()?;
    (!controller.contains(&node)).then_some(Message::Input(Input::Clear))
}

/// Whether a pointer event comes from a finger. Compared as JS values, so
/// that the pointer path copies no string into Rust for every move.
fn is_touch(event: &PointerEvent) -> bool {
    thread_local! {
        static KEY_AND_TOUCH: (JsValue, JsValue) =
            (JsValue::from_str("pointerType"), JsValue::from_str("touch"));
    }
    KEY_AND_TOUCH
        .with(|(key, touch)| js_sys::Reflect::get(event, key).is_ok_and(|kind| kind == *touch))
}

/// The position of a pointer event relative to the chart's stage. The
/// listeners sit on the overlay, which covers the stage from its corner, so
/// the event's offset is that position, read without measuring the page.
fn stage_point(event: &PointerEvent) -> Point {
    Point::new(f64::from(event.offset_x()), f64::from(event.offset_y()))
}

/// The two fingers on the overlay, in stage CSS px; `None` unless exactly
/// two are.
fn two_fingers(event: &TouchEvent) -> Option<(Point, Point)> {
    let touches = event.target_touches();
    if touches.length() != 2 {
        return None;
    }
    // The overlay covers the stage from its corner.
    let overlay = event.current_target()?.dyn_into::<Element>().ok()?;
    let origin = overlay.get_bounding_client_rect();
    let at = |index| {
        touches.get(index).map(|touch| {
            Point::new(
                f64::from(touch.client_x()) - origin.left(),
                f64::from(touch.client_y()) - origin.top(),
            )
        })
    };
    Some((at(0)?, at(1)?))
}

/// A second finger landed: on the plot, while the browser has not taken
/// the touch, the pinch is the chart's, and the page does not zoom.
fn touch_start(controller: &Controller, event: &Event) -> Option<Message> {
    let event = event.dyn_ref::<TouchEvent>()?;
    let (a, b) = two_fingers(event)?;
    let plot = controller.touch_plot()?;
    if controller.pinching() || !event.cancelable() || !crate::pinch::on_plot(plot, a, b) {
        return None;
    }
    event.prevent_default();
    Some(Message::Touch(TouchInput::PinchStart { a, b }))
}

/// The fingers of the chart's pinch moved.
fn touch_move(controller: &Controller, event: &Event) -> Option<Message> {
    if !controller.pinching() {
        return None;
    }
    let event = event.dyn_ref::<TouchEvent>()?;
    if event.cancelable() {
        event.prevent_default();
    }
    let (a, b) = two_fingers(event)?;
    Some(Message::Touch(TouchInput::PinchMove { a, b }))
}

/// A finger of the chart's pinch lifted, or the touch was cancelled.
fn touch_end(controller: &Controller, event: &Event, commit: bool) -> Option<Message> {
    let event = event.dyn_ref::<TouchEvent>()?;
    (controller.pinching() && event.target_touches().length() < 2)
        .then_some(Message::Touch(TouchInput::PinchEnd { commit }))
}

/// Esc in the pinned tooltip (on its link or close button) lets go of it.
fn tooltip_key(_: &Controller, event: &Event) -> Option<Message> {
    let event = event.dyn_ref::<KeyboardEvent>()?;
    if event.key() != "Escape" {
        return None;
    }
    event.prevent_default();
    Some(Message::CloseTooltip)
}
