//! The story as a view: what the chart shows at each step of the article's
//! chronology. A step zooms to its years, turns the article's claims on and
//! highlights its models (the rest stay, dimmed); step 0 is no story.

use crate::dataset::{Model, Step};
use crate::options::{CountBasis, Hidden, Highlight, View, YearRange};

/// The view at story step `number` (1-based), from the reader's `base`
/// view. A step shows every series at its total count, as the article
/// counts (its own models must not be hidden or left out of the active
/// view); the reader's other choices (the scale, demonstrations in the fit)
/// are kept. `None` when the story has no such step.
pub fn view_at_step(base: View, steps: &[Step], models: &[Model], number: u32) -> Option<View> {
    let step = steps.iter().find(|step| step.number == number)?;
    let indices: Vec<usize> = step
        .models
        .iter()
        .filter_map(|id| models.iter().position(|model| model.id == *id))
        .collect();
    Some(View {
        range: Some(YearRange {
            from: step.from,
            to: step.to,
        }),
        claims: true,
        highlight: Highlight::of(&indices)?,
        hidden: Hidden::default(),
        count: CountBasis::Total,
        ..base
    })
}

/// The view when the reader leaves the story: the whole span, no claims
/// unless the reader had asked for them, nothing highlighted.
pub fn view_without_story(base: View, claims: bool) -> View {
    View {
        range: None,
        claims,
        highlight: Highlight::default(),
        ..base
    }
}

/// The story as text, for the page without script: an ordered list of the
/// steps, each its heading and text in `lang`, escaped.
pub fn steps_html(steps: &[Step], lang: crate::i18n::Lang) -> String {
    use crate::i18n::{phrase, Lang, Phrase};
    use crate::table::escape_html;
    if steps.is_empty() {
        return String::new();
    }
    let mut html = format!(
        "<section class=\"ps-no-script-story\">\n<h2>{}</h2>\n<ol>\n",
        escape_html(phrase(Phrase::Story, lang))
    );
    for step in steps {
        let (title, text) = match lang {
            Lang::Zh => (&step.title_zh, &step.text_zh),
            Lang::En => (&step.title, &step.text),
        };
        html.push_str(&format!(
            "<li><strong>{}</strong> {}</li>\n",
            escape_html(title),
            escape_html(text)
        ));
    }
    html.push_str("</ol>\n</section>\n");
    html
}
