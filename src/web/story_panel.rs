//! The story's controls: a Story button in the toolbar, and above the
//! chart a panel with the step's heading and text, previous / next, "n / N"
//! and a way out. ←/→ step while the panel has the focus; Esc leaves.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlButtonElement, HtmlElement};

use crate::dataset::Step;
use crate::i18n::{self, Lang, Phrase};

use super::element::{append_all, button, create};

/// The story's elements, created once.
pub struct StoryPanel {
    /// The toolbar's Story button (`aria-pressed`).
    pub button: HtmlButtonElement,
    /// The panel above the chart; hidden outside the story.
    pub panel: HtmlElement,
    title: Element,
    text: Element,
    counter: Element,
    pub previous: HtmlButtonElement,
    pub next: HtmlButtonElement,
    pub leave: HtmlButtonElement,
}

impl StoryPanel {
    pub fn create(document: &Document, id: u32) -> Result<StoryPanel, JsValue> {
        let story_button = button(document, "ps-button ps-story-toggle")?;
        story_button.set_attribute("aria-pressed", "false")?;
        story_button.set_attribute("aria-controls", &format!("ps-story-{id}"))?;
        let panel: HtmlElement = create(document, "section", "ps-story")?;
        panel.set_id(&format!("ps-story-{id}"));
        panel.set_attribute("role", "region")?;
        panel.set_tab_index(-1);
        panel.set_hidden(true);
        let title: Element = create(document, "p", "ps-story-title")?;
        title.set_id(&format!("ps-story-title-{id}"));
        panel.set_attribute("aria-labelledby", &title.id())?;
        let text: Element = create(document, "p", "ps-story-text")?;
        let controls: Element = create(document, "div", "ps-story-controls")?;
        let previous = button(document, "ps-button ps-story-previous")?;
        previous.set_attribute("data-story", "previous")?;
        let counter: Element = create(document, "span", "ps-story-counter")?;
        let next = button(document, "ps-button ps-story-next")?;
        next.set_attribute("data-story", "next")?;
        let leave = button(document, "ps-button ps-story-leave")?;
        leave.set_attribute("data-story", "leave")?;
        append_all(&controls, &[&previous, &counter, &next, &leave])?;
        append_all(&panel, &[&title, &text, &controls])?;
        Ok(StoryPanel {
            button: story_button,
            panel,
            title,
            text,
            counter,
            previous,
            next,
            leave,
        })
    }

    /// Writes the controls' fixed texts in `lang`.
    pub fn set_texts(&self, lang: Lang) -> Result<(), JsValue> {
        let text = |phrase| i18n::phrase(phrase, lang);
        self.button.set_text_content(Some(text(Phrase::Story)));
        self.previous
            .set_text_content(Some(text(Phrase::StoryPrevious)));
        self.next.set_text_content(Some(text(Phrase::StoryNext)));
        self.leave.set_text_content(Some(text(Phrase::StoryLeave)));
        self.panel
            .set_attribute("aria-roledescription", text(Phrase::Story))?;
        Ok(())
    }

    /// Shows `step` (the `number`th of `total`), or hides the panel for no
    /// story.
    pub fn show(&self, step: Option<&Step>, total: usize, lang: Lang) -> Result<(), JsValue> {
        self.button.set_attribute(
            "aria-pressed",
            if step.is_some() { "true" } else { "false" },
        )?;
        let Some(step) = step else {
            self.panel.set_hidden(true);
            return Ok(());
        };
        let (title, text) = match lang {
            Lang::Zh => (&step.title_zh, &step.text_zh),
            Lang::En => (&step.title, &step.text),
        };
        self.title.set_text_content(Some(title));
        self.text.set_text_content(Some(text));
        self.counter
            .set_text_content(Some(&i18n::step_counter(step.number, total, lang)));
        // aria-disabled, not disabled: a disabled button would lose the
        // keyboard's focus at either end of the story.
        let at_end = |end: bool| if end { "true" } else { "false" };
        self.previous
            .set_attribute("aria-disabled", at_end(step.number <= 1))?;
        self.next
            .set_attribute("aria-disabled", at_end(step.number as usize >= total))?;
        self.panel.set_hidden(false);
        Ok(())
    }
}
