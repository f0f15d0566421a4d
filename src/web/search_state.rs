//! The chart and its search field: what typing, ↓/↑, Enter and Esc do to
//! the state. Choosing a model widens the view to show it (its series
//! shown, its year in the range), focuses it with its tooltip pinned,
//! writes `focus=` into the URL and hands the keyboard to the chart.

use web_sys::HtmlElement;

use super::chart::{ChartState, Failure};
use super::effects::Effect;
use crate::embedded::models;
use crate::i18n::{self, Lang};
use crate::interaction::Interaction;
use crate::options::{Series, YearRange};
use crate::search::matches;

/// What the search field's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchKey {
    Next,
    Previous,
    Choose,
    Close,
}

impl ChartState {
    /// The field's text changed: list its matches, none chosen yet.
    pub fn search_typed(&mut self) -> Result<(), Failure> {
        let query = self.elements.search.input.value();
        self.search_matches = matches(models(), &query);
        self.search_active = None;
        self.show_search()
    }

    /// A key in the field: move through the list, choose, or close it.
    pub fn search_key(&mut self, key: SearchKey) -> Result<Option<Effect>, Failure> {
        let n_matches = self.search_matches.len();
        match key {
            SearchKey::Next | SearchKey::Previous if n_matches > 0 => {
                let last = n_matches - 1;
                self.search_active = Some(match (key, self.search_active) {
                    (SearchKey::Next, Some(at)) if at < last => at + 1,
                    (SearchKey::Next, _) => 0,
                    (_, Some(at)) if at > 0 => at - 1,
                    _ => last,
                });
                self.show_search()?;
            }
            SearchKey::Choose => {
                let chosen = self
                    .search_matches
                    .get(self.search_active.unwrap_or(0))
                    .copied();
                if let Some(index) = chosen {
                    return self.search_choose(index);
                }
            }
            SearchKey::Close => {
                self.search_matches.clear();
                self.search_active = None;
                self.show_search()?;
            }
            _ => {}
        }
        Ok(None)
    }

    /// Focuses model `index`: shown, pinned, in the URL; the list closes
    /// and the keyboard goes to the chart, where ←/→ walk on from it.
    pub fn search_choose(&mut self, index: usize) -> Result<Option<Effect>, Failure> {
        let Some(model) = models().get(index) else {
            return Ok(None);
        };
        let mut view = self.view;
        for series in [
            Series::Region(model.region()),
            Series::Architecture(model.architecture),
        ] {
            view.hidden.set(series, false);
        }
        if let Some(range) = view.range {
            let year = model.date.year;
            view.range = Some(YearRange {
                from: range.from.min(year),
                to: range.to.max(year),
            });
        }
        if view != self.view {
            self.view = view;
            self.redraw(true)?;
        }
        self.interaction = Interaction {
            active: Some(index),
            pinned: true,
            claim: false,
        };
        self.search_matches.clear();
        self.search_active = None;
        self.show_search()?;
        self.elements
            .search
            .input
            .set_value(model_label(index, self.lang).as_str());
        self.refresh_interaction()?;
        self.write_url();
        let canvas: HtmlElement = self.elements.canvas.clone().into();
        Ok(Some(Effect::Focus(canvas)))
    }

    fn show_search(&self) -> Result<(), Failure> {
        let shown: Vec<(usize, String)> = self
            .search_matches
            .iter()
            .map(|index| (*index, model_label(*index, self.lang)))
            .collect();
        self.elements
            .search
            .show(&shown, self.search_active)
            .map_err(Failure::from)
    }
}

/// A match as the list shows it: the name in the reader's language, the
/// other language's where it differs, and the year.
fn model_label(index: usize, lang: Lang) -> String {
    let model = &models()[index];
    let name = i18n::model_name(model, lang);
    let other = i18n::model_name(
        model,
        match lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        },
    );
    if other == name {
        format!("{name} · {}", model.date.year)
    } else {
        format!("{name} · {other} · {}", model.date.year)
    }
}
