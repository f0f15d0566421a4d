//! The page's live charts. A chart lives here until `destroy()`, not as
//! long as its JS handle: a page that drops the handle keeps a working
//! chart. The registry is borrowed only for a lookup, an insert or a
//! removal, never across a call into the DOM or host code.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, ResizeObserver};

use super::container::ContainerSnapshot;
use super::controller::Controller;
use super::events::Listener;

/// A live chart: its controller and everything the browser calls back into.
pub struct Instance {
    pub controller: Rc<Controller>,
    /// The `pageUrl` option, for the static chart after a panic.
    pub page_url: Option<String>,
    pub snapshot: ContainerSnapshot,
    pub observer: ResizeObserver,
    // Kept alive as long as the observer may call it.
    pub _on_resize: Closure<dyn Fn(js_sys::Array)>,
    pub listeners: Vec<Listener>,
}

impl Instance {
    /// Stops every call from the browser into this chart: the resize
    /// observer and the event listeners.
    pub fn stop_listening(&self) {
        self.observer.disconnect();
        for listener in &self.listeners {
            listener.remove();
        }
    }

    /// Ends the chart: no more messages, no more listeners, its elements
    /// gone and the host's container as it was before `createChart`.
    pub fn tear_down(self) {
        self.controller.stop();
        self.stop_listening();
        // Removing the root may blur a focused control and so run host
        // listeners: nothing is borrowed here.
        self.controller.root.remove();
        self.snapshot.restore(&self.controller.container);
        // The closures go with `self`; one that is running now is freed
        // when it returns (wasm-bindgen counts its calls).
    }
}

thread_local! {
    static CHARTS: RefCell<HashMap<u32, Instance>> = RefCell::default();
}

/// The error every exported method throws instead of panicking when the
/// registry or a chart's state is in use.
pub fn busy() -> JsValue {
    js_sys::Error::new("the chart is busy").into()
}

/// [`busy`], with the borrow that failed as the error's `cause`.
fn busy_because(cause: impl std::fmt::Display) -> JsValue {
    let error = js_sys::Error::new("the chart is busy");
    error.set_cause(&JsValue::from_str(&cause.to_string()));
    error.into()
}

pub fn insert(id: u32, instance: Instance) -> Result<(), JsValue> {
    CHARTS.with(|charts| {
        charts
            .try_borrow_mut()
            .map(|mut charts| {
                charts.insert(id, instance);
            })
            .map_err(busy_because)
    })
}

/// The controller of chart `id`.
pub fn controller(id: u32) -> Result<Rc<Controller>, JsValue> {
    CHARTS.with(|charts| {
        let charts = charts.try_borrow().map_err(busy_because)?;
        charts
            .get(&id)
            .map(|instance| Rc::clone(&instance.controller))
            .ok_or_else(|| js_sys::Error::new("this chart has been destroyed").into())
    })
}

/// Takes chart `id` out of the registry; `None` if it is not there.
pub fn remove(id: u32) -> Result<Option<Instance>, JsValue> {
    CHARTS.with(|charts| {
        let mut charts = charts.try_borrow_mut().map_err(busy_because)?;
        Ok(charts.remove(&id))
    })
}

/// Takes the chart whose container is `container` out of the registry.
pub fn remove_on(container: &Element) -> Result<Option<Instance>, JsValue> {
    CHARTS.with(|charts| {
        let mut charts = charts.try_borrow_mut().map_err(busy_because)?;
        let id = charts
            .iter()
            .find(|(_, instance)| instance.controller.container == *container)
            .map(|(id, _)| *id);
        Ok(id.and_then(|id| charts.remove(&id)))
    })
}

/// For the panic hook: stops every chart listening and returns their
/// containers with their `pageUrl`. `try_`: the panic may have come from
/// inside the registry or during the thread's end.
pub fn stop_every_chart() -> Vec<(Element, Option<String>)> {
    let mut stopped = Vec::new();
    let _ = CHARTS.try_with(|charts| {
        if let Ok(charts) = charts.try_borrow() {
            for instance in charts.values() {
                instance.stop_listening();
                stopped.push((
                    instance.controller.container.clone(),
                    instance.page_url.clone(),
                ));
            }
        }
    });
    stopped
}
