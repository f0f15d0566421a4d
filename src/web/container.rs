//! The host's container: the chart marks it (a class, `data-state`,
//! `data-theme`, `lang` and the attribute the panic hook looks for) and puts
//! its own root element in it. [`ContainerSnapshot`] remembers what the
//! container was before, so that `destroy()` (or a `createChart` that
//! failed) gives it back exactly as the host page made it.

use web_sys::Element;

/// The attribute that marks a chart's container, so that a panic can find
/// every chart on the page and say what happened in its place.
pub const CONTAINER_ATTRIBUTE: &str = "data-param-scale-chart";

/// The class the chart adds to its container, for `www/style.css`.
pub const CONTAINER_CLASS: &str = "ps-chart";

/// The attributes the chart sets on its container.
const MARKS: [&str; 4] = [CONTAINER_ATTRIBUTE, "data-state", "data-theme", "lang"];

/// The container's attributes before the chart marked it.
pub struct ContainerSnapshot {
    marks: [Option<String>; 4],
    class: Option<String>,
    had_class: bool,
}

impl ContainerSnapshot {
    pub fn take(container: &Element) -> ContainerSnapshot {
        ContainerSnapshot {
            marks: MARKS.map(|name| container.get_attribute(name)),
            class: container.get_attribute("class"),
            had_class: container.class_list().contains(CONTAINER_CLASS),
        }
    }

    /// Gives the container back as it was: the marks as they were, the
    /// class removed unless it was there, the chart's elements gone.
    pub fn restore(&self, container: &Element) {
        for (name, value) in MARKS.iter().zip(&self.marks) {
            let _ = match value {
                Some(value) => container.set_attribute(name, value),
                None => container.remove_attribute(name),
            };
        }
        if !self.had_class {
            let _ = container.class_list().remove_1(CONTAINER_CLASS);
        }
        if self.class.is_none() && container.class_name().is_empty() {
            let _ = container.remove_attribute("class");
        }
        // The chart's root and any message it left in the container.
        if let Ok(ours) = container.query_selector_all(":scope > .ps-root, :scope > .chart-error") {
            for index in 0..ours.length() {
                if let Some(node) = ours.item(index) {
                    let _ = container.remove_child(&node);
                }
            }
        }
    }
}
