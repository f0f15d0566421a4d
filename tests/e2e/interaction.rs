//! Hover, tap, keys, legend, zoom, language and URL state, as a reader uses
//! them: the pointer goes where the page says each model was drawn.

use fantoccini::actions::{
    InputSource, MouseActions, PointerAction, TouchActions, MOUSE_BUTTON_LEFT,
};
use fantoccini::Locator;
use serde_json::{json, Value};

use super::{check, with_browser, BrowserOptions, Page, POLL_INTERVAL};

/// A model the tests look for, with what its tooltip must say.
struct Expected {
    id: &'static str,
    zh: [&'static str; 2],
    en: [&'static str; 2],
}

const NAMED_MODELS: [Expected; 5] = [
    Expected {
        id: "gpt-3",
        zh: ["GPT-3", "1750亿（175B）"],
        en: ["GPT-3", "175B (175 billion)"],
    },
    Expected {
        id: "bert",
        zh: ["BERT", "3.4亿（340M）"],
        en: ["BERT", "340M (340 million)"],
    },
    Expected {
        id: "yuan-1",
        zh: ["源1.0", "2457亿（245.7B）"],
        en: ["Yuan 1.0", "245.7B (245.7 billion)"],
    },
    Expected {
        id: "bagualu",
        zh: ["八卦炉", "14.5万亿（14.5T）"],
        en: ["BaGuaLu", "14.5T (14.5 trillion)"],
    },
    Expected {
        id: "chatgpt",
        zh: ["ChatGPT", "参数未公开"],
        en: ["ChatGPT", "size undisclosed"],
    },
];

const CANVAS: &str = "#chart canvas.chart-canvas";

impl Page {
    /// Where the page says each visible model was drawn, in viewport pixels.
    pub(crate) async fn drawn_points(&self) -> Result<Vec<(String, f64, f64)>, String> {
        let found = self
            .evaluate(
                "const figure = document.getElementById('chart');
                 const stage = figure.querySelector('.ps-stage').getBoundingClientRect();
                 return figure.chart.drawnPoints().map(p => [p.id, p.x + stage.left, p.y + stage.top]);",
            )
            .await?;
        let points = found
            .as_array()
            .ok_or_else(|| format!("drawnPoints() gave {found}"))?
            .iter()
            .filter_map(|point| {
                Some((
                    point[0].as_str()?.to_owned(),
                    point[1].as_f64()?,
                    point[2].as_f64()?,
                ))
            })
            .collect();
        Ok(points)
    }

    /// Scrolls the model's point to the middle of the viewport and returns
    /// where it is then, in viewport pixels.
    pub(crate) async fn point_of(&self, id: &str) -> Result<(f64, f64), String> {
        let found = self
            .evaluate_with(
                "const figure = document.getElementById('chart');
                 const point = figure.chart.drawnPoints().find(p => p.id === arguments[0]);
                 if (!point) return null;
                 let stage = figure.querySelector('.ps-stage').getBoundingClientRect();
                 window.scrollBy(0, stage.top + point.y - window.innerHeight / 2);
                 stage = figure.querySelector('.ps-stage').getBoundingClientRect();
                 return [point.x + stage.left, point.y + stage.top];",
                vec![json!(id)],
            )
            .await?;
        match (found[0].as_f64(), found[1].as_f64()) {
            (Some(x), Some(y)) => Ok((x, y)),
            _ => Err(format!("{id} is not drawn")),
        }
    }

    pub(crate) async fn mouse_to(&self, x: f64, y: f64) -> Result<(), String> {
        let actions = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
            duration: None,
            x,
            y,
        });
        self.client
            .perform_actions(actions)
            .await
            .map_err(|error| format!("cannot move the mouse: {error}"))
    }

    async fn mouse_drag(&self, from: (f64, f64), to: (f64, f64)) -> Result<(), String> {
        let actions = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: from.0,
                y: from.1,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveTo {
                duration: Some(std::time::Duration::from_millis(200)),
                x: (from.0 + to.0) / 2.0,
                y: to.1,
            })
            .then(PointerAction::MoveTo {
                duration: Some(std::time::Duration::from_millis(200)),
                x: to.0,
                y: to.1,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client
            .perform_actions(actions)
            .await
            .map_err(|error| format!("cannot drag: {error}"))
    }

    async fn tap(&self, x: f64, y: f64) -> Result<(), String> {
        self.press_at(TouchActions::new("finger".into()), x, y)
            .await
    }

    async fn press(&self, keys: &str) -> Result<(), String> {
        let canvas = self
            .client
            .find(Locator::Css(CANVAS))
            .await
            .map_err(|error| format!("no canvas: {error}"))?;
        canvas
            .send_keys(keys)
            .await
            .map_err(|error| format!("cannot type: {error}"))
    }

    /// The tooltip's text, or `None` while it is hidden.
    pub(crate) async fn tooltip(&self) -> Result<Option<String>, String> {
        let found = self
            .evaluate(
                "const tip = document.querySelector('#chart [role=tooltip]');
                 return tip && !tip.hidden ? tip.textContent : null;",
            )
            .await?;
        Ok(found.as_str().map(str::to_owned))
    }

    /// Waits briefly for the tooltip to match `want`.
    pub(crate) async fn tooltip_becomes(
        &self,
        want: impl Fn(Option<&str>) -> bool,
    ) -> Result<Option<String>, String> {
        let mut last = None;
        for _ in 0..20 {
            last = self.tooltip().await?;
            if want(last.as_deref()) {
                break;
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
        Ok(last)
    }

    async fn state(&self) -> Result<Value, String> {
        self.evaluate(
            "const figure = document.getElementById('chart');
             const pressed = {};
             for (const button of figure.querySelectorAll('button[data-series]')) {
                 pressed[button.dataset.series] = button.getAttribute('aria-pressed');
             }
             return {
                 search: location.search,
                 htmlLang: document.documentElement.lang,
                 label: figure.querySelector('canvas').getAttribute('aria-label'),
                 from: figure.querySelector('.ps-brush [role=slider][data-thumb=from]').getAttribute('aria-valuenow'),
                 to: figure.querySelector('.ps-brush [role=slider][data-thumb=to]').getAttribute('aria-valuenow'),
                 pressed,
                 live: figure.querySelector('[aria-live]').textContent,
                 ids: figure.chart.drawnPoints().map(p => p.id),
             };",
        )
        .await
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn hovering_named_models_shows_each_ones_name_and_count_in_both_languages() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for lang in ["zh", "en"] {
            page.open_with_query(&format!("lang={lang}")).await?;
            for expected in &NAMED_MODELS {
                let (x, y) = page.point_of(expected.id).await?;
                page.mouse_to(x, y).await?;
                let words = if lang == "zh" {
                    expected.zh
                } else {
                    expected.en
                };
                let shown = page
                    .tooltip_becomes(|text| text.is_some_and(|text| text.contains(words[0])))
                    .await?;
                match shown {
                    Some(text) if words.iter().all(|word| text.contains(word)) => {}
                    other => failures.push(format!(
                        "{lang} {}: tooltip {other:?} lacks {words:?}",
                        expected.id
                    )),
                }
            }
            // Leaving the plot hides the tooltip.
            page.mouse_to(2.0, 2.0).await?;
            let after = page.tooltip_becomes(|text| text.is_none()).await?;
            if after.is_some() {
                failures.push(format!(
                    "{lang}: the tooltip stays after the pointer left: {after:?}"
                ));
            }
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_ring_circles_the_hovered_point_and_the_tooltip_stays_in_view_beside_it() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        // A desktop window and a phone's width; models at the left, right,
        // top and bottom of the plot, and one with a long note.
        for width in [1000, 390] {
            page.client
                .set_window_size(width, 700)
                .await
                .map_err(|error| format!("cannot resize the window: {error}"))?;
            page.open_with_query("lang=en").await?;
            for id in ["transformer", "kimi-k2", "bagualu", "gpt-oss-120b", "gpt-3"] {
                let (x, y) = page.point_of(id).await?;
                page.mouse_to(x, y).await?;
                if page.tooltip_becomes(|text| text.is_some()).await?.is_none() {
                    failures.push(format!("{width} px, {id}: no tooltip"));
                    continue;
                }
                let seen = page
                    .evaluate(
                        "const figure = document.getElementById('chart');
                         const tip = figure.querySelector('[role=tooltip]').getBoundingClientRect();
                         const ring = figure.querySelector('.ps-ring');
                         const circle = ring.getBoundingClientRect();
                         return { tip: [tip.left, tip.top, tip.right, tip.bottom],
                                  ring: [circle.left + circle.width / 2, circle.top + circle.height / 2,
                                         circle.width],
                                  ringShown: !ring.hidden,
                                  viewport: [window.innerWidth, window.innerHeight] };",
                    )
                    .await?;
                let numbers = |key: &str| -> Vec<f64> {
                    seen[key]
                        .as_array()
                        .map(|values| values.iter().filter_map(Value::as_f64).collect())
                        .unwrap_or_default()
                };
                let (tip, ring, viewport) = (numbers("tip"), numbers("ring"), numbers("viewport"));
                let [left, top, right, bottom] = tip[..] else {
                    return Err(format!("no tooltip box: {seen}"));
                };
                let [centre_x, centre_y, diameter] = ring[..] else {
                    return Err(format!("no ring box: {seen}"));
                };
                if seen["ringShown"] != json!(true)
                    || (centre_x - x).abs() > 1.5
                    || (centre_y - y).abs() > 1.5
                    || diameter < 12.0
                {
                    failures.push(format!(
                        "{width} px, {id}: the ring is not around the point ({x:.1}, {y:.1}): {seen}"
                    ));
                }
                if left < -0.5 || top < -0.5 || right > viewport[0] + 0.5 || bottom > viewport[1] + 0.5 {
                    failures.push(format!("{width} px, {id}: the tooltip leaves the viewport: {seen}"));
                }
                // It may cover its point only where it fits on no side of it.
                let (gap, margin) = (14.0, 6.0);
                let (tip_width, tip_height) = (right - left, bottom - top);
                let fits_a_side = x - gap - tip_width >= margin
                    || x + gap + tip_width <= viewport[0] - margin
                    || y - gap - tip_height >= margin
                    || y + gap + tip_height <= viewport[1] - margin;
                if fits_a_side && (left..=right).contains(&x) && (top..=bottom).contains(&y) {
                    failures.push(format!(
                        "{width} px, {id}: the tooltip covers its point ({x:.1}, {y:.1}): {seen}"
                    ));
                }
            }
            page.mouse_to(2.0, 2.0).await?;
            page.tooltip_becomes(|text| text.is_none()).await?;
            let ring_hidden = page
                .evaluate("return document.querySelector('#chart .ps-ring').hidden;")
                .await?;
            if ring_hidden != json!(true) {
                failures.push(format!("{width} px: the ring stays after the pointer left"));
            }
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tap_pins_the_tooltip_with_a_working_source_link_and_a_tap_elsewhere_lets_go() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=en").await?;
        let (x, y) = page.point_of("gpt-3").await?;
        page.tap(x, y).await?;
        let shown = page
            .tooltip_becomes(|text| text.is_some_and(|text| text.contains("GPT-3")))
            .await?;
        if !shown.as_deref().is_some_and(|text| text.contains("GPT-3")) {
            failures.push(format!("a tap on GPT-3 shows {shown:?}"));
        }
        let link = page
            .evaluate(
                "const tip = document.querySelector('#chart [role=tooltip]');
                 const link = tip.querySelector('a');
                 return { pinned: tip.classList.contains('ps-pinned'), href: link && link.href,
                          clickable: getComputedStyle(tip).pointerEvents !== 'none' };",
            )
            .await?;
        if link["pinned"] != json!(true) || link["clickable"] != json!(true) {
            failures.push(format!(
                "the tapped tooltip is not pinned and clickable: {link}"
            ));
        }
        if link["href"].as_str() != Some("https://arxiv.org/abs/2005.14165") {
            failures.push(format!("the source link is {}", link["href"]));
        }
        // A pinned tooltip stays while the pointer moves elsewhere…
        page.mouse_to(x + 200.0, y + 150.0).await?;
        if page.tooltip().await?.is_none() {
            failures.push("the pinned tooltip vanished when the mouse moved".into());
        }
        // …and a tap on empty space lets go.
        // Empty space: the Transformer's year at BaGuaLu's height.
        let (empty_x, _) = page.point_of("transformer").await?;
        let (_, empty_y) = page.point_of("bagualu").await?;
        page.tap(empty_x, empty_y).await?;
        let after = page.tooltip_becomes(|text| text.is_none()).await?;
        if after.is_some() {
            failures.push(format!("a tap on empty space left the tooltip: {after:?}"));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_keyboard_walk_visits_every_visible_model_and_announces_it() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=en").await?;
        let ids: Vec<String> = page.drawn_points().await?.into_iter().map(|(id, _, _)| id).collect();
        let mut announced = Vec::new();
        for _ in 0..ids.len() {
            page.press("\u{E014}").await?;
            let state = page.state().await?;
            announced.push(state["live"].as_str().unwrap_or_default().to_owned());
        }
        let mut unique = announced.clone();
        unique.sort();
        unique.dedup();
        if unique.len() != ids.len() {
            failures.push(format!("{} models drawn, {} announced: {announced:?}", ids.len(), unique.len()));
        }
        let focus_ring = page
            .evaluate("const canvas = document.querySelector('#chart canvas'); return document.activeElement === canvas && getComputedStyle(canvas).outlineStyle;")
            .await?;
        if focus_ring == json!(false) || focus_ring == json!("none") {
            failures.push(format!("the focused chart shows no focus ring: {focus_ring}"));
        }
        // Home goes to the first model, Enter pins it (and the URL says so), Esc clears.
        page.press("\u{E011}\u{E007}").await?;
        let state = page.state().await?;
        let first = first_model();
        if !state["search"].as_str().unwrap_or_default().contains(&format!("focus={}", first.id)) {
            failures.push(format!("after Home + Enter the URL is {}", state["search"]));
        }
        if page.tooltip().await?.is_none_or(|text| !text.contains(&*first.name)) {
            failures.push(format!("after Home the tooltip does not show {}", first.name));
        }
        page.press("\u{E00C}").await?;
        if page.tooltip().await?.is_some() {
            failures.push("Esc did not clear the tooltip".into());
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_legend_toggle_removes_its_models_from_the_chart_and_from_hover() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=en").await?;
        let (x, y) = page.point_of("pangu-alpha").await?;
        let button = page
            .client
            .find(Locator::Css("#chart button[data-series=cn]"))
            .await
            .map_err(|error| format!("no China legend button: {error}"))?;
        let name = button.text().await.unwrap_or_default();
        if name.trim() != "China" {
            failures.push(format!("the legend button's name is {name:?}"));
        }
        button
            .click()
            .await
            .map_err(|error| format!("cannot click: {error}"))?;
        page.wait_until_drawn().await?;
        let state = page.state().await?;
        if state["pressed"]["cn"] != json!("false") {
            failures.push(format!(
                "after the click, aria-pressed is {}",
                state["pressed"]["cn"]
            ));
        }
        let ids: Vec<&str> = state["ids"]
            .as_array()
            .map(|ids| ids.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for chinese in ["pangu-alpha", "yuan-1", "bagualu", "ernie-3-titan"] {
            if ids.contains(&chinese) {
                failures.push(format!("{chinese} is still drawn with China hidden"));
            }
        }
        if !state["search"]
            .as_str()
            .unwrap_or_default()
            .contains("hide=cn")
        {
            failures.push(format!(
                "the URL does not keep the hidden series: {}",
                state["search"]
            ));
        }
        page.mouse_to(x, y).await?;
        tokio::time::sleep(POLL_INTERVAL * 3).await;
        if let Some(text) = page.tooltip().await? {
            if text.contains("PanGu") {
                failures.push(format!("a hidden model can still be hovered: {text}"));
            }
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_url_with_state_restores_the_same_view() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=en&hide=cn&from=2018&to=2022&focus=gpt-3&embed=1")
            .await?;
        let state = page.state().await?;
        let expectations = [
            ("htmlLang", json!("en")),
            ("from", json!("2018")),
            ("to", json!("2022")),
        ];
        for (key, value) in expectations {
            if state[key] != value {
                failures.push(format!("{key} is {} instead of {value}", state[key]));
            }
        }
        if state["pressed"]["cn"] != json!("false") || state["pressed"]["us"] != json!("true") {
            failures.push(format!("legend buttons: {}", state["pressed"]));
        }
        let ids: Vec<&str> = state["ids"]
            .as_array()
            .map(|ids| ids.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if ids.contains(&"transformer")
            || ids.contains(&"llama")
            || ids.contains(&"pangu-alpha")
            || !ids.contains(&"gpt-3")
        {
            failures.push(format!("the drawn models do not match the view: {ids:?}"));
        }
        if page
            .tooltip()
            .await?
            .is_none_or(|text| !text.contains("GPT-3"))
        {
            failures.push("the focused model's tooltip is not shown".into());
        }
        let search = state["search"].as_str().unwrap_or_default();
        for part in [
            "embed=1",
            "lang=en",
            "hide=cn",
            "from=2018",
            "to=2022",
            "focus=gpt-3",
        ] {
            if !search.contains(part) {
                failures.push(format!("the URL {search} lost {part}"));
            }
        }
        // Malformed parameters are ignored with a warning, not an error.
        page.open_with_query("lang=xx&hide=mars&from=soon&focus=%3Cscript%3E&bogus=1")
            .await?;
        let console = page.console_messages().await?;
        let warnings = console
            .iter()
            .filter(|message| message.level == "WARNING" && message.text.contains("param-scale"))
            .count();
        if warnings < 5 {
            failures.push(format!(
                "expected 5 console warnings, got {warnings}: {console:?}"
            ));
        }
        if console.iter().any(|message| message.level == "SEVERE") {
            failures.push(format!("malformed parameters caused errors: {console:?}"));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn dragging_across_the_plot_zooms_to_a_period_and_show_all_resets() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=en").await?;
        // From the Transformer (mid-2017) to GPT-2 (early 2019), at the plot's middle height.
        let (start_x, _) = page.point_of("transformer").await?;
        let (end_x, _) = page.point_of("gpt-2").await?;
        let (_, middle_y) = page.point_of("gpt-3").await?;
        page.mouse_drag((start_x, middle_y), (end_x, middle_y))
            .await?;
        page.wait_until_drawn().await?;
        let state = page.state().await?;
        if state["from"] != json!("2017") || state["to"] != json!("2019") {
            failures.push(format!(
                "after the drag the range is {}–{}",
                state["from"], state["to"]
            ));
        }
        let ids: Vec<&str> = state["ids"]
            .as_array()
            .map(|ids| ids.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if ids.contains(&"gpt-3") || !ids.contains(&"bert") {
            failures.push(format!("the zoomed chart draws {ids:?}"));
        }
        if !state["search"]
            .as_str()
            .unwrap_or_default()
            .contains("from=2017&to=2019")
        {
            failures.push(format!(
                "the URL does not keep the zoom: {}",
                state["search"]
            ));
        }
        // The brush works by keyboard too: → on its to thumb makes 2020 the end.
        let to = page
            .client
            .find(Locator::Css(
                "#chart .ps-brush [role=slider][data-thumb=to]",
            ))
            .await
            .map_err(|error| error.to_string())?;
        to.send_keys("\u{E014}")
            .await
            .map_err(|error| error.to_string())?;
        page.wait_until_drawn().await?;
        let state = page.state().await?;
        if !state["ids"]
            .as_array()
            .is_some_and(|ids| ids.contains(&json!("gpt-3")))
        {
            failures.push("choosing 2020 as the end does not bring GPT-3 back".into());
        }
        let reset = page.find_control("#chart .ps-reset").await?;
        reset.click().await.map_err(|error| error.to_string())?;
        page.wait_until_drawn().await?;
        let state = page.state().await?;
        let (first_year, last_year) =
            param_scale::dataset::year_span(param_scale::embedded::models()).ok_or("no models")?;
        if state["from"] != json!(first_year.to_string())
            || state["to"] != json!(last_year.to_string())
            || state["search"]
                .as_str()
                .unwrap_or_default()
                .contains("from=")
        {
            failures.push(format!(
                "Show all left {}–{} and {}",
                state["from"], state["to"], state["search"]
            ));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_language_button_changes_every_text_and_the_url() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=zh&focus=gpt-3").await?;
        let before = page.state().await?;
        let button = page.client.find(Locator::Css("#chart .ps-lang")).await.map_err(|error| error.to_string())?;
        if button.text().await.unwrap_or_default() != "English" {
            failures.push("the language button does not offer English".into());
        }
        button.click().await.map_err(|error| error.to_string())?;
        page.wait_until_drawn().await?;
        let after = page.state().await?;
        if !before["label"].as_str().unwrap_or_default().starts_with("大模型参数规模的增长")
            || !after["label"].as_str().unwrap_or_default().starts_with("How large AI models grew")
        {
            failures.push(format!("labels: {} → {}", before["label"], after["label"]));
        }
        if after["htmlLang"] != json!("en") || !after["search"].as_str().unwrap_or_default().contains("lang=en") {
            failures.push(format!("after switching: html lang {} and URL {}", after["htmlLang"], after["search"]));
        }
        if page.tooltip().await?.is_none_or(|text| !text.contains("175B (175 billion)")) {
            failures.push("the tooltip did not switch to English".into());
        }
        let legend = page.evaluate("return [...document.querySelectorAll('#chart button[data-series]')].map(b => b.textContent).join('|');").await?;
        if !legend.as_str().unwrap_or_default().contains("United States") {
            failures.push(format!("the legend did not switch to English: {legend}"));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn ten_thousand_pointer_moves_grow_neither_the_js_heap_nor_wasm_memory() {
    let options = BrowserOptions {
        extra_arguments: &["--js-flags=--expose-gc", "--enable-precise-memory-info"],
        ..BrowserOptions::default()
    };
    with_browser(options, |page| async move {
        page.open_with_query("lang=en").await?;
        // Pointer events straight to the chart's overlay, along a path that
        // crosses points (tooltip shown) and empty space (tooltip hidden),
        // a thousand per script call, so that no call nears the script
        // timeout on a busy machine.
        let setup = page.evaluate_async(
            "(async () => {
                 if (typeof gc !== 'function') return done({ error: 'gc() is not exposed' });
                 const figure = document.getElementById('chart');
                 const overlay = figure.querySelector('.ps-overlay');
                 const stage = figure.querySelector('.ps-stage').getBoundingClientRect();
                 const points = figure.chart.drawnPoints();
                 const module = await import(new URL('pkg/param_scale.js', document.baseURI).href);
                 // Initialised already: this returns the instance's exports, its memory among them.
                 const wasm = await module.default();
                 window.moveTest = {
                     move(count) {
                         for (let i = 0; i < count; i++) {
                             const point = points[i % points.length];
                             const away = i % 3 === 0 ? 40 : 0;
                             overlay.dispatchEvent(new PointerEvent('pointermove', {
                                 clientX: stage.left + point.x + away, clientY: stage.top + point.y + away,
                                 pointerType: 'mouse', bubbles: true,
                             }));
                         }
                     },
                     async settle() {
                         for (let round = 0; round < 5; round++) {
                             gc();
                             await new Promise(resolve => setTimeout(resolve, 50));
                         }
                         return { heap: performance.memory.usedJSHeapSize, wasm: wasm.memory.buffer.byteLength };
                     },
                 };
                 window.moveTest.move(1000);
                 window.moveTest.before = await window.moveTest.settle();
                 done({});
             })();",
        )
        .await?;
        if let Some(error) = setup.get("error") {
            return Err(format!("cannot set up the moves: {error}"));
        }
        for _ in 0..10 {
            page.evaluate_async("window.moveTest.move(1000); done({});")
                .await?;
        }
        let measured = page
            .evaluate_async(
                "(async () => {
                     const after = await window.moveTest.settle();
                     const tooltip = !document.querySelector('#chart [role=tooltip]').hidden;
                     done({ before: window.moveTest.before, after, tooltip });
                 })();",
            )
            .await?;
        let number = |path: [&str; 2]| measured[path[0]][path[1]].as_f64().unwrap_or(f64::NAN);
        let heap_growth = number(["after", "heap"]) - number(["before", "heap"]);
        let wasm_growth = number(["after", "wasm"]) - number(["before", "wasm"]);
        let mut failures = Vec::new();
        if heap_growth.is_nan() || heap_growth >= 1024.0 * 1024.0 {
            failures.push(format!("the JS heap grew by {heap_growth} bytes over 10,000 moves: {measured}"));
        }
        if wasm_growth != 0.0 {
            failures.push(format!("wasm memory grew by {wasm_growth} bytes over 10,000 moves: {measured}"));
        }
        check(failures)
    })
    .await;
}

/// The model a keyboard walk starts at: the earliest, the smaller first on a
/// tie, as the chart orders its targets.
pub(crate) fn first_model() -> &'static param_scale::dataset::Model {
    param_scale::embedded::models()
        .iter()
        .enumerate()
        .min_by_key(|(index, model)| (model.date, model.params, *index))
        .map(|(_, model)| model)
        .expect("models")
}
