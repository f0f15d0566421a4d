//! The models of one view, turned once into what the chart plots.
//!
//! Layout, the trend and the labels all read the same [`PlotSet`]: each
//! shown model with its place in time (fractional years), the count the y
//! axis shows for it in this view ([`CountBasis`]), its series and its look.
//! Nothing downstream asks a [`Model`] again whether it is shown, which
//! count it has or when it is.

use crate::claims::{ghost, Ghost};
use crate::dataset::{Architecture, Model, Region, Status};
use crate::options::{CountBasis, View};

/// One shown model, as the chart plots it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotItem {
    /// Index into the models the set was prepared from.
    pub model_index: usize,
    /// The date as a fractional year.
    pub year: f64,
    /// The count the y axis shows; `None` for a model of undisclosed size,
    /// drawn as an event on the time axis.
    pub count: Option<f64>,
    /// Where a stem from the marker ends: a mixture of experts' active
    /// count, in the total view, when the maker published it.
    pub stem_to: Option<f64>,
    pub region: Region,
    pub architecture: Architecture,
    pub status: Status,
    pub in_article: bool,
    /// Drawn faint: a story step highlights other models.
    pub dimmed: bool,
}

impl PlotItem {
    /// Whether the trend may use this item: a count, and not a
    /// demonstration unless the reader brought demonstrations in.
    pub fn fits(&self, fit_demonstrations: bool) -> bool {
        self.count.is_some() && (fit_demonstrations || self.status != Status::Demonstration)
    }
}

/// The shown models of a view, in the models' order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlotSet {
    pub items: Vec<PlotItem>,
    /// Mixtures of experts left out of the active view because their maker
    /// published no active count.
    pub without_active_count: usize,
    /// The article's claims that differ from the sources, when the view
    /// shows them: (index into `items`, the ghost). In the active view only
    /// dense models have them (the article counts every parameter); in a
    /// story step only the step's models.
    pub ghosts: Vec<(usize, Ghost)>,
}

impl PlotSet {
    /// Prepares the models `view` shows.
    pub fn prepare(models: &[Model], view: &View) -> PlotSet {
        let mut set = PlotSet::default();
        for (model_index, model) in models.iter().enumerate() {
            if !view.shows(model) {
                continue;
            }
            let moe = model.architecture == Architecture::MixtureOfExperts;
            let total = model.params.map(|count| count as f64);
            let active = model.active_params.map(|count| count as f64);
            let (count, stem_to) = match view.count {
                CountBasis::Total => (total, active.filter(|_| moe)),
                CountBasis::Active if moe && total.is_some() => match active {
                    Some(active) => (Some(active), None),
                    None => {
                        set.without_active_count += 1;
                        continue;
                    }
                },
                CountBasis::Active => (total, None),
            };
            // A story step shows the claims of its own models only.
            let claim = (view.claims
                && (!moe || view.count == CountBasis::Total)
                && !view.highlight.dims(model_index))
            .then(|| ghost(model))
            .flatten();
            if let Some(claim) = claim {
                set.ghosts.push((set.items.len(), claim));
            }
            set.items.push(PlotItem {
                model_index,
                year: model.date.fractional_year(),
                count,
                stem_to,
                region: model.region(),
                architecture: model.architecture,
                status: model.status,
                in_article: model.in_article,
                dimmed: view.highlight.dims(model_index),
            });
        }
        set
    }

    /// The (year, count) pairs the trend is fitted over.
    pub fn fit_pairs(&self, fit_demonstrations: bool) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.items
            .iter()
            .filter(move |item| item.fits(fit_demonstrations))
            .filter_map(|item| Some((item.year, item.count?)))
    }

    /// Every count the y axis must reach: the markers, the ends of their
    /// stems and the ghosts.
    pub fn counts(&self) -> impl Iterator<Item = f64> + '_ {
        self.items
            .iter()
            .flat_map(|item| [item.count, item.stem_to])
            .flatten()
            .chain(self.ghosts.iter().map(|(_, ghost)| ghost.count))
    }

    /// Whether any shown item is a demonstration with a count.
    pub fn has_demonstrations(&self) -> bool {
        self.items
            .iter()
            .any(|item| item.status == Status::Demonstration && item.count.is_some())
    }
}
