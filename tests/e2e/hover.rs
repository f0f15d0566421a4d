//! What a pointer's moves cost the page: a move that stays on the same model
//! draws nothing on a canvas and changes nothing in the chart's DOM; a move
//! to another model changes the tooltip and the ring, and still draws on no
//! canvas (issue 15: the busy time per move).

use serde_json::{json, Value};

use super::{check, with_browser, BrowserOptions, Page};

/// The moves around a model's centre, CSS px: all within the hover radius
/// (20 px) of it, and each a real move from the one before.
const NEAR_MOVES: [(f64, f64); 12] = [
    (1.0, 0.0),
    (3.0, 1.0),
    (5.0, -2.0),
    (2.0, -5.0),
    (-1.0, -6.0),
    (-4.0, -3.0),
    (-6.0, 0.0),
    (-5.0, 4.0),
    (-2.0, 6.0),
    (2.0, 5.0),
    (6.0, 2.0),
    (0.0, 0.0),
];

/// No other drawn point within this distance (CSS px) of a model the test
/// hovers, so that every move of [`NEAR_MOVES`] stays on it.
const ISOLATION: f64 = 2.0 * 20.0 + 8.0;

/// Installs counters: every call of a drawing method on the chart's two
/// canvases' 2D contexts, and every mutation in the chart's figure.
const COUNTERS: &str = "const figure = document.getElementById('chart');
     window.hoverCost = { draws: 0, mutations: 0 };
     for (const canvas of figure.querySelectorAll('canvas')) {
         const context = canvas.getContext('2d');
         for (const name of ['clearRect', 'fillRect', 'strokeRect', 'fill', 'stroke', 'fillText',
                             'strokeText', 'drawImage', 'putImageData', 'beginPath']) {
             const original = context[name].bind(context);
             context[name] = (...parts) => { window.hoverCost.draws++; return original(...parts); };
         }
     }
     new MutationObserver(records => { window.hoverCost.mutations += records.length; })
         .observe(figure, { subtree: true, childList: true, attributes: true, characterData: true });
     return true;";

/// Takes the counts so far (after the mutation observer's records are in)
/// and sets them back to zero.
const TAKE_COUNTS: &str = "setTimeout(() => {
         const counts = { ...window.hoverCost };
         window.hoverCost.draws = 0;
         window.hoverCost.mutations = 0;
         const tip = document.querySelector('#chart [role=tooltip]');
         counts.title = tip.hidden ? null : tip.querySelector('.ps-tooltip-title').textContent;
         done(counts);
     }, 50);";

/// Two drawn models with no other point near them, far enough apart, in
/// viewport px: `(id, x, y)`.
async fn isolated_models(page: &Page) -> Result<Vec<(String, f64, f64)>, String> {
    let points = page.drawn_points().await?;
    let isolated: Vec<(String, f64, f64)> = points
        .iter()
        .filter(|(id, x, y)| {
            points
                .iter()
                .all(|(other, ox, oy)| other == id || (ox - x).hypot(oy - y) > ISOLATION)
        })
        // In the window (700 px high), clear of its edges.
        .filter(|(_, x, y)| (40.0..600.0).contains(y) && *x > 40.0)
        .cloned()
        .collect();
    match isolated.as_slice() {
        [first, .., last] => Ok(vec![first.clone(), last.clone()]),
        _ => Err(format!("fewer than two isolated models among {points:?}")),
    }
}

/// The name the tooltip gives the model `id` in `lang`.
fn name_of(id: &str, lang: &str) -> String {
    let model = param_scale::embedded::models()
        .iter()
        .find(|model| &*model.id == id)
        .expect("a drawn model is in the data");
    if lang == "zh" && !model.name_zh.is_empty() {
        model.name_zh.to_string()
    } else {
        model.name.to_string()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn moves_over_the_same_model_change_nothing_and_the_tooltip_follows_to_the_next() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for lang in ["en", "zh"] {
            page.open_with_query(&format!("lang={lang}")).await?;
            let models = isolated_models(&page).await?;
            page.evaluate(COUNTERS).await?;
            for (id, x, y) in &models {
                // Onto the model: the tooltip names it; no canvas is drawn on.
                page.mouse_to(*x, *y).await?;
                let name = name_of(id, lang);
                let arrived = page
                    .tooltip_becomes(|text| text.is_some_and(|text| text.contains(&name)))
                    .await?;
                let counts = page.evaluate_async(TAKE_COUNTS).await?;
                if arrived.is_none() || counts["title"] != json!(name) {
                    failures.push(format!(
                        "{lang} {id}: the tooltip says {counts} at the model"
                    ));
                }
                if counts["mutations"].as_u64().unwrap_or(0) == 0 {
                    failures.push(format!(
                        "{lang} {id}: nothing changed in the DOM for a new model: {counts}"
                    ));
                }
                expect_no_draws(&mut failures, lang, id, "onto it", &counts);
                // Around it: nothing at all changes.
                for (dx, dy) in NEAR_MOVES {
                    page.mouse_to(x + dx, y + dy).await?;
                }
                let counts: Value = page.evaluate_async(TAKE_COUNTS).await?;
                expect_no_draws(&mut failures, lang, id, "around it", &counts);
                if counts["mutations"] != json!(0) || counts["title"] != json!(name) {
                    failures.push(format!(
                        "{lang} {id}: {} moves around the model changed the page: {counts}",
                        NEAR_MOVES.len()
                    ));
                }
            }
        }
        check(failures)
    })
    .await;
}

fn expect_no_draws(failures: &mut Vec<String>, lang: &str, id: &str, when: &str, counts: &Value) {
    if counts["draws"] != json!(0) {
        failures.push(format!(
            "{lang} {id}: hovering {when} drew on a canvas: {counts}"
        ));
    }
}
