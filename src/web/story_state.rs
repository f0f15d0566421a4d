//! The chart in the article's story: which step it shows, and the view and
//! panel that go with it. A step zooms to its years, turns the article's
//! claims on and highlights its models; step 0 leaves the story and gives
//! the reader back the whole span.

use crate::dataset::Step;
use crate::embedded::{models, story};
use crate::i18n::{self, Lang};
use crate::story::{view_at_step, view_without_story};

use super::chart::{ChartState, Failure};

impl ChartState {
    /// Goes to story step `number` (0 leaves the story). A step the story
    /// does not have is ignored with a warning.
    pub fn set_step(&mut self, number: u32) -> Result<(), Failure> {
        if number == self.story_step {
            return Ok(());
        }
        if number == 0 {
            self.view = view_without_story(self.view, self.claims_outside_story);
        } else {
            let Some(view) = view_at_step(self.view, story(), models(), number) else {
                super::warn(&format!(
                    "step: the story has no step {number} (1 to {}); ignored",
                    story().len()
                ));
                return Ok(());
            };
            if self.story_step == 0 {
                self.claims_outside_story = self.view.claims;
            }
            self.view = view;
        }
        self.story_step = number;
        self.redraw(true)?;
        self.show_story()?;
        if let Some(step) = current(number) {
            self.elements.announce(&announcement(step, self.lang));
        }
        self.write_url();
        Ok(())
    }

    /// One step forward (`+1`) or back (`-1`), staying within the story;
    /// from outside it, into its first step.
    pub fn step_by(&mut self, delta: i32) -> Result<(), Failure> {
        let last = story().len() as i64;
        let next = (i64::from(self.story_step) + i64::from(delta)).clamp(1, last.max(1));
        self.set_step(u32::try_from(next).unwrap_or(0))
    }

    /// The story button: into the first step, or out of the story.
    pub fn toggle_story(&mut self) -> Result<(), Failure> {
        let next = if self.story_step == 0 { 1 } else { 0 };
        self.set_step(next)
    }

    /// At creation, the step the options ask for (0: none), without drawing:
    /// the first draw follows.
    pub fn enter_story_from_options(&mut self, number: u32) {
        if number == 0 {
            return;
        }
        match view_at_step(self.view, story(), models(), number) {
            Some(view) => {
                self.claims_outside_story = self.view.claims;
                self.view = view;
                self.story_step = number;
            }
            None => super::warn(&format!(
                "step: the story has no step {number} (1 to {}); ignored",
                story().len()
            )),
        }
    }

    /// Writes the panel for the current step (hidden outside the story).
    pub fn show_story(&self) -> Result<(), Failure> {
        self.elements
            .story
            .show(current(self.story_step), story().len(), self.lang)?;
        Ok(())
    }
}

/// The step `number` of the story, if there is one.
fn current(number: u32) -> Option<&'static Step> {
    story().iter().find(|step| step.number == number)
}

/// What the live region says when a step is shown.
fn announcement(step: &Step, lang: Lang) -> String {
    let (title, text) = match lang {
        Lang::Zh => (&step.title_zh, &step.text_zh),
        Lang::En => (&step.title, &step.text),
    };
    format!(
        "{} {title}. {text}",
        i18n::step_counter(step.number, story().len(), lang)
    )
}
