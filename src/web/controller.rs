//! One chart's controller, after wasm-bindgen's TodoMVC scheduler: every
//! message — a DOM event, the resize observer, a call of the JS API — goes
//! into one queue, and the messages are carried out one at a time.
//!
//! The chart's state is borrowed only inside [`Controller::run`], while one
//! message changes it. What may run the host page's own code (focusing a
//! control, clicking a download link, the clipboard) is returned as an
//! [`Effect`] and done after that borrow ends. A message sent meanwhile —
//! say a host `focusin` listener that calls `chart.redraw()` — waits its
//! turn in the queue instead of finding the state borrowed.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::brush_state::BrushInput;
use super::chart::{ChartState, Failure};
use super::dom::DownloadKind;
use super::effects::Effect;
use super::failure;
use super::menu::MenuStep;
use super::search_state::SearchKey;
use super::touch_state::TouchInput;
use crate::geometry::{Point, Rect};
use crate::i18n::Lang;
use crate::interaction::Input;
use crate::options::Toggle;
use crate::table::SortKey;

/// What can happen to a chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Message {
    /// The stage changed size (the resize observer): draw if it must.
    Resized,
    /// Draw again (`chart.redraw()`, the first draw).
    Redraw,
    PointerDown {
        at: Point,
        mouse: bool,
        pointer_id: i32,
    },
    PointerMove {
        at: Point,
        touch: bool,
    },
    PointerUp {
        at: Point,
        touch: bool,
    },
    PointerCancel,
    PointerLeave,
    /// A finger down, or a pinch of two on the plot.
    Touch(TouchInput),
    /// The pinned tooltip's close button, or Esc in the tooltip.
    CloseTooltip,
    /// A key, or a tap outside the chart (`Input::Clear`).
    Input(Input),
    /// A legend button: a series, the count, demonstrations in the fit, the claims.
    Toggle(Toggle),
    ToggleLang,
    /// Go to a story step (0 leaves the story): `chart.step(n)`, a host's message.
    Step(u32),
    /// One story step back (-1) or forward (+1): the panel's buttons and ←/→.
    StepBy(i32),
    /// The story button.
    ToggleStory,
    /// The brush under the time axis: a pointer, a key, a frame to draw in.
    Brush(BrushInput),
    ShowAll,
    CopyLink,
    ToggleTable,
    ToggleEmbed,
    SortTable(SortKey),
    /// The menu button.
    ToggleMenu,
    /// Esc in the menu (the focus back to its button) or a press outside it.
    CloseMenu {
        refocus: bool,
    },
    /// ↓/↑/Home/End in the menu.
    MenuStep(MenuStep),
    /// The search field's text changed.
    SearchTyped,
    /// ↓/↑, Enter or Esc in the search field.
    SearchKey(SearchKey),
    /// A match clicked: the model's index.
    SearchPick(usize),
    Download(DownloadKind),
    PreparePrint,
}

impl Message {
    /// A request of the reader's, after which an earlier notice is stale.
    fn is_request(self) -> bool {
        !matches!(
            self,
            Message::Resized
                | Message::Redraw
                | Message::PointerMove { .. }
                | Message::Touch(TouchInput::PinchMove { .. })
                | Message::PointerCancel
                | Message::PointerLeave
                | Message::MenuStep(_)
                | Message::Brush(BrushInput::Drag { .. } | BrushInput::Frame)
        )
    }
}

/// A chart's state and its queue of messages.
pub struct Controller {
    state: RefCell<ChartState>,
    queue: RefCell<VecDeque<Message>>,
    running: Cell<bool>,
    stopped: Cell<bool>,
    /// The host's container and the chart's root in it, outside the state,
    /// so that failures and `destroy()` reach them whatever is borrowed.
    pub container: Element,
    pub root: HtmlElement,
    /// The chart's language as of the last message (`chart.lang`).
    lang: Cell<Lang>,
    /// The language the container's `lang` says, so that a message that
    /// changes nothing (a pointer move) writes nothing.
    marked_lang: Cell<Lang>,
    /// The plot as last drawn and whether a pinch is under way, as of the
    /// last message: the touch listeners decide from them, synchronously,
    /// whether two fingers are the chart's or the page's.
    touch_plot: Cell<Option<Rect>>,
    pinching: Cell<bool>,
}

impl Controller {
    pub fn new(state: ChartState, container: Element) -> Controller {
        let root = state.elements.root.clone();
        let lang = state.lang;
        let _ = container.set_attribute("lang", lang.html_tag());
        Controller {
            state: RefCell::new(state),
            queue: RefCell::new(VecDeque::with_capacity(8)),
            running: Cell::new(false),
            stopped: Cell::new(false),
            container,
            root,
            lang: Cell::new(lang),
            marked_lang: Cell::new(lang),
            touch_plot: Cell::new(None),
            pinching: Cell::new(false),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The plot as last drawn, where two fingers pinch time.
    pub fn touch_plot(&self) -> Option<Rect> {
        self.touch_plot.get()
    }

    /// Whether the chart is pinching (its fingers' moves are its own).
    pub fn pinching(&self) -> bool {
        self.pinching.get()
    }

    /// No message runs any more (the chart is being destroyed).
    pub fn stop(&self) {
        self.stopped.set(true);
    }

    /// Borrows the state to read it (the exported getters and exports);
    /// `None` while a message is changing it.
    pub fn read<T>(&self, read: impl FnOnce(&ChartState) -> T) -> Option<T> {
        self.state.try_borrow().ok().map(|state| read(&state))
    }

    /// Queues `message`, and carries out the queue unless that is already
    /// under way further up the stack.
    pub fn send(&self, message: Message) {
        if self.stopped.get() {
            return;
        }
        self.queue.borrow_mut().push_back(message);
        if self.running.replace(true) {
            return;
        }
        while !self.stopped.get() {
            let next = self.queue.borrow_mut().pop_front();
            match next {
                Some(message) => self.run(message),
                None => break,
            }
        }
        self.queue.borrow_mut().clear();
        self.running.set(false);
    }

    /// Carries out one message: the state is borrowed for [`update`] alone;
    /// the container is marked and the effect done after.
    fn run(&self, message: Message) {
        let outcome = match self.state.try_borrow_mut() {
            Ok(mut state) => {
                if message.is_request() {
                    state.elements.hide_notice();
                }
                let outcome = update(&mut state, message);
                self.lang.set(state.lang);
                self.touch_plot.set(state.touch_plot());
                self.pinching.set(state.pinching());
                (outcome, std::mem::take(&mut state.drew))
            }
            // Only a getter of the page's, reading while a message runs, holds it.
            Err(_) => (Err(Failure::Action("the chart is busy".into())), false),
        };
        if self.stopped.get() {
            return;
        }
        let (outcome, drew) = outcome;
        self.mark_container(drew);
        let result = match outcome {
            Ok(Some(effect)) => effect.run(),
            Ok(None) => Ok(()),
            Err(failure) => Err(failure),
        };
        if let Err(failure) = result {
            self.fail(failure);
        }
    }

    /// Writes the chart's state on its container: `lang`, and `ready` after
    /// a draw (taking away the message of an earlier failed draw).
    fn mark_container(&self, drew: bool) {
        let container = &self.container;
        let lang = self.lang.get();
        if self.marked_lang.replace(lang) != lang {
            let _ = container.set_attribute("lang", lang.html_tag());
        }
        if drew && container.get_attribute("data-state").as_deref() != Some("ready") {
            failure::clear_error(container);
            let _ = container.set_attribute("data-state", "ready");
        }
    }

    fn fail(&self, failure: Failure) {
        match failure {
            Failure::Draw(message) => failure::show_error(&self.container, self.lang(), &message),
            Failure::Action(message) => {
                super::warn(&message);
                let lang = self.lang();
                let _ = self.read(|state| failure::show_notice(&state.elements, lang));
            }
        }
    }

    /// Whether `node` is inside the chart's container.
    pub fn contains(&self, node: &web_sys::Node) -> bool {
        self.container.contains(Some(node))
    }
}

/// Carries out `message` on the state. Calls nothing that runs host code:
/// what would is returned as an [`Effect`].
fn update(state: &mut ChartState, message: Message) -> Result<Option<Effect>, Failure> {
    match message {
        Message::Resized => state.redraw(false)?,
        Message::Redraw => state.redraw(true)?,
        Message::PointerDown {
            at,
            mouse,
            pointer_id,
        } => {
            state.pointer_down(at, mouse);
            let overlay = state.elements.overlay.clone();
            return Ok(mouse.then_some(Effect::CapturePointer(overlay, pointer_id)));
        }
        Message::PointerMove { at, touch } => state.pointer_move(at, touch)?,
        Message::PointerUp { at, touch } => state.pointer_up(at, touch)?,
        Message::PointerCancel => state.pointer_cancel()?,
        Message::PointerLeave => {
            state.pointer_cancel()?;
            state.apply(Input::PointerLeave)?;
        }
        Message::Input(input) => state.apply(input)?,
        Message::Touch(input) => state.touch(input)?,
        Message::CloseTooltip => return close_tooltip(state).map(Some),
        Message::Toggle(toggle) => {
            state.toggle(toggle)?;
            // The buttons may have moved: keep the keyboard on this one.
            let selector = format!("button[data-toggle=\"{}\"]", toggle.code());
            return Ok(focus_effect(&state.elements.legend, &selector));
        }
        Message::ToggleLang => {
            let other = match state.lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            };
            state.set_lang(other)?;
        }
        Message::Brush(input) => return state.brush_input(input),
        Message::ShowAll | Message::ToggleTable | Message::ToggleEmbed => {
            return from_menu(state, message)
        }
        Message::Step(number) => state.set_step(number)?,
        Message::StepBy(delta) => state.step_by(delta)?,
        Message::ToggleStory => {
            state.toggle_story()?;
            if state.story_step > 0 {
                return Ok(Some(Effect::Focus(state.elements.story.panel.clone())));
            }
        }
        Message::CopyLink => return Ok(Some(Effect::copy_link(state))),
        Message::ToggleMenu => return state.toggle_menu(),
        Message::CloseMenu { refocus } => return state.close_menu(refocus),
        Message::MenuStep(step) => return Ok(state.menu_step(step)),
        Message::SearchTyped => state.search_typed()?,
        Message::SearchKey(key) => return state.search_key(key),
        Message::SearchPick(index) => return state.search_choose(index),
        Message::SortTable(key) => {
            state.sort_table(key)?;
            // The table was rebuilt: keep the keyboard on the same header.
            let selector = format!("button[data-sort=\"{}\"]", key.code());
            return Ok(focus_effect(&state.elements.table_panel, &selector));
        }
        Message::Download(kind) => return Effect::download(state, kind).map(Some),
        Message::PreparePrint => state.prepare_print()?,
    }
    Ok(None)
}

/// A choice in the menu that changes the view or opens a panel: done, then
/// the menu closed with the focus back on its button.
fn from_menu(state: &mut ChartState, message: Message) -> Result<Option<Effect>, Failure> {
    match message {
        Message::ShowAll => state.show_all()?,
        Message::ToggleTable => state.toggle_table()?,
        Message::ToggleEmbed => state.toggle_embed()?,
        _ => {}
    }
    state.close_menu(true)
}

/// Lets go of the pinned tooltip, the keyboard back on the chart, where it
/// walks the models.
fn close_tooltip(state: &mut ChartState) -> Result<Effect, Failure> {
    state.apply(Input::Clear)?;
    let canvas: &HtmlElement = &state.elements.canvas;
    Ok(Effect::Focus(canvas.clone()))
}

/// Focusing the element `selector` finds inside `parent`.
fn focus_effect(parent: &Element, selector: &str) -> Option<Effect> {
    parent
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
        .map(Effect::Focus)
}
