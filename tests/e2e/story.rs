//! The article's story: steps by button and keyboard, by an iframe host's
//! message, and by an article's paragraphs scrolling past.

use fantoccini::Locator;
use serde_json::{json, Value};

use super::*;

impl Page {
    /// Types `keys` into the story panel, as a reader whose focus is there.
    async fn press_in_story(&self, keys: &str) -> Result<(), String> {
        self.client
            .find(Locator::Css("#chart .ps-story"))
            .await
            .map_err(|error| format!("no story panel: {error}"))?
            .send_keys(keys)
            .await
            .map_err(|error| format!("cannot type in the story: {error}"))
    }

    /// The story panel and the chart's view as the page shows them.
    async fn story_state(&self) -> Result<Value, String> {
        self.evaluate(
            "const figure = document.getElementById('chart');
             const panel = figure.querySelector('.ps-story');
             const points = figure.chart.drawnPoints();
             return {
                 search: location.search,
                 hidden: panel.hidden,
                 title: figure.querySelector('.ps-story-title').textContent,
                 counter: figure.querySelector('.ps-story-counter').textContent,
                 live: figure.querySelector('[aria-live]').textContent,
                 pressed: figure.querySelector('.ps-story-toggle').getAttribute('aria-pressed'),
                 highlighted: points.filter(p => p.highlighted && !p.claim).map(p => p.id).sort(),
                 ghosts: points.filter(p => p.claim).map(p => p.id),
                 steps: figure.chart.story(),
             };",
        )
        .await
    }
}

/// The ids each step highlights, from the embedded story, sorted.
fn expected_models(step: &param_scale::dataset::Step) -> Value {
    let mut ids: Vec<&str> = step.models.iter().map(|id| &**id).collect();
    ids.sort_unstable();
    json!(ids)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_step_highlights_exactly_its_models_in_both_languages() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        let steps = param_scale::embedded::story();
        for lang in ["zh", "en"] {
            for step in steps {
                page.open_with_query(&format!("lang={lang}&step={}", step.number))
                    .await?;
                let state = page.story_state().await?;
                if state["highlighted"] != expected_models(step) {
                    failures.push(format!(
                        "{lang} step {}: highlighted {} instead of {}",
                        step.number,
                        state["highlighted"],
                        expected_models(step)
                    ));
                }
                let title = if lang == "zh" {
                    &step.title_zh
                } else {
                    &step.title
                };
                if state["title"] != json!(&**title) || state["hidden"] != json!(false) {
                    failures.push(format!("{lang} step {}: panel {state}", step.number));
                }
            }
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_story_is_walked_by_its_button_and_keys_and_esc_leaves_it() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=en").await?;
        page.client
            .find(Locator::Css("#chart .ps-story-toggle"))
            .await
            .map_err(|error| format!("no story button: {error}"))?
            .click()
            .await
            .map_err(|error| format!("cannot click the story button: {error}"))?;
        page.wait_until_drawn().await?;
        let state = page.story_state().await?;
        let total = param_scale::embedded::story().len();
        if state["counter"] != json!(format!("Step 1 of {total}"))
            || state["pressed"] != json!("true")
            || !state["search"]
                .as_str()
                .unwrap_or_default()
                .contains("step=1")
            || !state["live"]
                .as_str()
                .unwrap_or_default()
                .contains("Step 1 of")
        {
            failures.push(format!("after the story button: {state}"));
        }
        let focused = page
            .evaluate("return document.activeElement.classList.contains('ps-story');")
            .await?;
        if focused != json!(true) {
            failures.push("the story panel does not take the focus".into());
        }
        // → twice, ← once: step 2.
        page.press_in_story("\u{E014}\u{E014}\u{E012}").await?;
        page.wait_until_drawn().await?;
        let state = page.story_state().await?;
        if state["counter"] != json!(format!("Step 2 of {total}"))
            || !state["search"]
                .as_str()
                .unwrap_or_default()
                .contains("step=2")
        {
            failures.push(format!("after → → ←: {state}"));
        }
        if state["ghosts"]
            .as_array()
            .is_none_or(|ghosts| ghosts.is_empty())
        {
            failures.push(format!(
                "the story does not show the article's claims: {state}"
            ));
        }
        // Esc leaves the story and its view.
        page.press_in_story("\u{E00C}").await?;
        page.wait_until_drawn().await?;
        let state = page.story_state().await?;
        if state["hidden"] != json!(true)
            || state["search"]
                .as_str()
                .unwrap_or_default()
                .contains("step=")
            || state["ghosts"]
                .as_array()
                .is_some_and(|ghosts| !ghosts.is_empty())
        {
            failures.push(format!("after Esc: {state}"));
        }
        let steps = state["steps"].as_array().map_or(0, Vec::len);
        if steps != total {
            failures.push(format!("chart.story() gives {steps} steps, not {total}"));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ghost_is_hoverable_and_its_tooltip_gives_both_figures() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        // (language, model, words the ghost's tooltip must hold)
        let cases = [
            ("zh", "bagualu", ["文中称", "174万亿", "14.5万亿", "来源"]),
            ("en", "turing-nlg", ["The article says", "2019", "10 February 2020", "Source"]),
        ];
        for (lang, id, words) in cases {
            page.open_with_query(&format!("lang={lang}&claims=1")).await?;
            let ghost = page
                .evaluate_with(
                    "const figure = document.getElementById('chart');
                     const ghost = figure.chart.drawnPoints().find(p => p.claim && p.id === arguments[0]);
                     if (!ghost) return null;
                     let stage = figure.querySelector('.ps-stage').getBoundingClientRect();
                     window.scrollBy(0, stage.top + ghost.y - window.innerHeight / 2);
                     stage = figure.querySelector('.ps-stage').getBoundingClientRect();
                     return [ghost.x + stage.left, ghost.y + stage.top];",
                    vec![json!(id)],
                )
                .await?;
            let (Some(x), Some(y)) = (ghost[0].as_f64(), ghost[1].as_f64()) else {
                failures.push(format!("{lang}: no ghost of {id}"));
                continue;
            };
            page.mouse_to(x, y).await?;
            let text = page
                .tooltip_becomes(|text| text.is_some_and(|text| text.contains(words[0])))
                .await?
                .unwrap_or_default();
            for word in words {
                if !text.contains(word) {
                    failures.push(format!("{lang} {id}: the ghost's tooltip lacks {word:?}: {text}"));
                }
            }
        }
        // In Chinese, 八卦炉's own tooltip says why it sits at 14.5万亿.
        page.open_with_query("lang=zh").await?;
        let (x, y) = page.point_of("bagualu").await?;
        page.mouse_to(x, y).await?;
        let text = page
            .tooltip_becomes(|text| text.is_some_and(|text| text.contains("八卦炉")))
            .await?
            .unwrap_or_default();
        for word in ["14.5 万亿", "174 万亿", "文中称"] {
            if !text.contains(word) {
                failures.push(format!("八卦炉's tooltip lacks {word:?}: {text}"));
            }
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_iframe_host_steps_its_frame_by_message_and_a_malformed_one_changes_nothing() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=en").await?;
        let frame_url = format!("{}index.html?embed=1&lang=en", page.site_url);
        let script = "const [url, done] = [arguments[0], arguments[arguments.length - 1]];
             document.body.replaceChildren();
             const frame = document.createElement('iframe');
             frame.width = 800; frame.height = 600; frame.src = url;
             document.body.append(frame);
             const ready = () => frame.contentDocument && frame.contentDocument.getElementById('chart')
                 && frame.contentDocument.getElementById('chart').getAttribute('data-state') === 'ready';
             const wait = (test, then) => { const look = () => test() ? then() : setTimeout(look, 50); look(); };
             const state = () => new URLSearchParams(frame.contentWindow.location.search).get('step');
             wait(ready, () => {
                 const results = {};
                 frame.contentWindow.postMessage({ type: 'param-scale:step', steps: 4 }, '*');
                 frame.contentWindow.postMessage('param-scale:step 4', '*');
                 frame.contentWindow.postMessage({ type: 'param-scale:step', step: -1 }, '*');
                 setTimeout(() => {
                     results.afterMalformed = state();
                     frame.contentWindow.postMessage({ type: 'param-scale:step', step: 4 }, '*');
                     wait(() => state() === '4', () => {
                         const doc = frame.contentDocument;
                         results.afterStep = state();
                         results.counter = doc.querySelector('.ps-story-counter').textContent;
                         results.highlighted = doc.getElementById('chart').chart.drawnPoints()
                             .filter(p => p.highlighted && !p.claim).map(p => p.id).sort();
                         done(results);
                     });
                 }, 500);
             });";
        let results = page
            .client
            .execute_async(script, vec![json!(frame_url)])
            .await
            .map_err(|error| format!("the host page's script failed: {error}"))?;
        if results["afterMalformed"] != Value::Null {
            failures.push(format!("a malformed message stepped the frame: {results}"));
        }
        let step = &param_scale::embedded::story()[3];
        if results["afterStep"] != json!("4") || results["highlighted"] != expected_models(step) {
            failures.push(format!("the host's message did not step the frame: {results}"));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn scrolling_the_demo_article_steps_its_inline_chart() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        let url = format!("{}story.html", page.site_url);
        page.client
            .goto(&url)
            .await
            .map_err(|error| format!("cannot open {url}: {error}"))?;
        let ready = "const chart = document.querySelector('#story-chart');
             return chart && chart.getAttribute('data-state') === 'ready';";
        let mut waited = 0;
        while page.evaluate(ready).await? != json!(true) {
            waited += 1;
            if waited > 150 {
                return Err("the demo article's chart never became ready".into());
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
        for step in [3, 6, 8] {
            page.evaluate_with(
                "document.querySelector(`[data-param-scale-step=\"${arguments[0]}\"]`)
                     .scrollIntoView({ block: 'center' });",
                vec![json!(step)],
            )
            .await?;
            let expected = expected_models(&param_scale::embedded::story()[step - 1]);
            let mut shown = Value::Null;
            for _ in 0..40 {
                tokio::time::sleep(POLL_INTERVAL).await;
                shown = page
                    .evaluate(
                        "return document.querySelector('#story-chart').chart.drawnPoints()
                             .filter(p => p.highlighted && !p.claim).map(p => p.id).sort();",
                    )
                    .await?;
                if shown == expected {
                    break;
                }
            }
            if shown != expected {
                failures.push(format!(
                    "at paragraph {step}: {shown} instead of {expected}"
                ));
            }
        }
        check(failures)
    })
    .await;
}
