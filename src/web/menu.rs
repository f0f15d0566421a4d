//! The chart's one menu (⋯ More): a button with `aria-expanded`
//! that opens a group of the chart's other controls (copy link, embed, data
//! table, downloads, the year range) over the chart. ↓/↑ move the focus
//! through it, Home/End to its ends, Esc closes it and gives the focus back
//! to the button, as does a choice that opens a panel; a press outside
//! closes it. Every focus is an [`Effect`], done after the state is let go.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::chart::{ChartState, Failure};
use super::effects::Effect;

/// Where a key in the menu moves the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuStep {
    Next,
    Previous,
    First,
    Last,
}

impl ChartState {
    /// Opens the menu with the focus on its first control, or closes it.
    pub fn toggle_menu(&mut self) -> Result<Option<Effect>, Failure> {
        self.menu_open = !self.menu_open;
        self.elements
            .set_menu(self.menu_open)
            .map_err(|error| Failure::Action(format!("cannot open the menu: {error:?}")))?;
        Ok(self
            .menu_open
            .then(|| self.elements.menu_items().into_iter().next())
            .flatten()
            .map(Effect::Focus))
    }

    /// Closes the menu; with `refocus`, the focus goes back to its button.
    pub fn close_menu(&mut self, refocus: bool) -> Result<Option<Effect>, Failure> {
        if !self.menu_open {
            return Ok(None);
        }
        self.menu_open = false;
        self.elements
            .set_menu(false)
            .map_err(|error| Failure::Action(format!("cannot close the menu: {error:?}")))?;
        let button: HtmlElement = self.elements.menu_button.clone().into();
        Ok(refocus.then_some(Effect::Focus(button)))
    }

    /// Moves the focus within the open menu.
    pub fn menu_step(&self, step: MenuStep) -> Option<Effect> {
        let items = self.elements.menu_items();
        let focused = self
            .elements
            .document
            .active_element()
            .and_then(|element| element.dyn_into::<HtmlElement>().ok());
        let at = focused.and_then(|focused| items.iter().position(|item| *item == focused));
        let last = items.len().checked_sub(1)?;
        let next = match (step, at) {
            (MenuStep::First, _) | (MenuStep::Next, None) => 0,
            (MenuStep::Last, _) | (MenuStep::Previous, None) => last,
            (MenuStep::Next, Some(index)) => (index + 1) % items.len(),
            (MenuStep::Previous, Some(index)) => index.checked_sub(1).unwrap_or(last),
        };
        items.into_iter().nth(next).map(Effect::Focus)
    }
}
