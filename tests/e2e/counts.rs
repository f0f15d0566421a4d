//! Total and active counts, stems, and demonstrations, as a reader meets them.

use fantoccini::Locator;
use serde_json::{json, Value};

use super::*;

impl Page {
    /// `drawnPoints()` of the page's chart, as the page reports it.
    async fn points_reported(&self) -> Result<Vec<Value>, String> {
        let found = self
            .evaluate("return document.getElementById('chart').chart.drawnPoints();")
            .await?;
        found
            .as_array()
            .cloned()
            .ok_or_else(|| format!("drawnPoints() gave {found}"))
    }

    /// The reported point of model `id` that is not a ghost.
    async fn reported(&self, id: &str) -> Result<Value, String> {
        self.points_reported()
            .await?
            .into_iter()
            .find(|point| point["id"] == json!(id) && point["claim"] != json!(true))
            .ok_or_else(|| format!("{id} is not drawn"))
    }

    /// Clicks the legend button that switches `toggle` and waits for the redraw.
    async fn click_toggle(&self, toggle: &str) -> Result<(), String> {
        self.client
            .find(Locator::Css(&format!(
                "#chart button[data-toggle={toggle}]"
            )))
            .await
            .map_err(|error| format!("no legend button {toggle}: {error}"))?
            .click()
            .await
            .map_err(|error| format!("cannot click {toggle}: {error}"))?;
        self.wait_until_drawn().await
    }

    async fn pressed(&self, toggle: &str) -> Result<Value, String> {
        self.evaluate_with(
            "const button = document.querySelector(`#chart button[data-toggle=${arguments[0]}]`);
             return button && button.getAttribute('aria-pressed');",
            vec![json!(toggle)],
        )
        .await
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mixture_of_experts_has_a_stem_from_its_total_down_to_its_active_count() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=en").await?;
        // (model, whether it has a stem)
        let cases = [
            ("kimi-k2", true),
            ("deepseek-v3", true),
            ("gpt-3", false),
            ("bagualu", false),
        ];
        for (id, stem) in cases {
            let point = page.reported(id).await?;
            let (y, active) = (point["y"].as_f64(), point["active"].as_f64());
            match (stem, y, active) {
                (true, Some(y), Some(active)) if active > y + 5.0 => {}
                (false, Some(_), None) => {}
                _ => failures.push(format!("{id}: {point}")),
            }
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_count_toggle_moves_mixtures_of_experts_to_their_active_count_and_the_url_keeps_it() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=en").await?;
        let total = page.reported("kimi-k2").await?;
        let total_dense = page.reported("gpt-3").await?;
        page.click_toggle("count-active").await?;
        if page.pressed("count-active").await? != json!("true")
            || page.pressed("count-total").await? != json!("false")
        {
            failures.push("the count buttons do not say which count is shown".into());
        }
        let search = page.evaluate("return location.search;").await?;
        if !search.as_str().unwrap_or_default().contains("count=active") {
            failures.push(format!("the URL does not keep the count: {search}"));
        }
        let active = page.reported("kimi-k2").await?;
        // The axis refits, so compare where the point sits against gpt-3.
        let dense = page.reported("gpt-3").await?;
        let above = |point: &Value, other: &Value| {
            point["y"].as_f64().unwrap_or(0.0) < other["y"].as_f64().unwrap_or(0.0)
        };
        if !above(&total, &total_dense) || above(&active, &dense) {
            failures.push(format!(
                "Kimi K2 (1T total, 32B active) should sit above GPT-3 (175B) in the total view \
                 and below it in the active one: {total} {total_dense} / {active} {dense}"
            ));
        }
        if active["active"] != Value::Null {
            failures.push(format!("a stem in the active view: {active}"));
        }
        let ids: Vec<Value> = page
            .points_reported()
            .await?
            .into_iter()
            .map(|p| p["id"].clone())
            .collect();
        if ids.contains(&json!("m6-10t")) {
            failures.push("M6-10T has no published active count but is drawn".into());
        }
        // The same view from the URL alone.
        let url = "count=active&lang=en";
        page.open_with_query(url).await?;
        let again = page.reported("kimi-k2").await?;
        if again["y"] != active["y"] || page.pressed("count-active").await? != json!("true") {
            failures.push(format!(
                "?{url} does not restore the view: {again} vs {active}"
            ));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_demonstration_is_hollow_and_its_tooltip_says_so_in_both_languages() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        // (language, words the tooltip must hold)
        let cases = [
            ("zh", ["八卦炉", "规模演示", "14.5万亿"]),
            ("en", ["BaGuaLu", "Demonstration", "14.5T"]),
        ];
        for (lang, words) in cases {
            page.open_with_query(&format!("lang={lang}")).await?;
            let point = page.reported("bagualu").await?;
            if point["hollow"] != json!(true) {
                failures.push(format!("{lang}: BaGuaLu is not hollow: {point}"));
            }
            let (x, y) = page.point_of("bagualu").await?;
            page.mouse_to(x, y).await?;
            let shown = page
                .tooltip_becomes(|text| text.is_some_and(|text| text.contains(words[0])))
                .await?;
            let text = shown.unwrap_or_default();
            for word in words {
                if !text.contains(word) {
                    failures.push(format!("{lang}: the tooltip lacks {word:?}: {text}"));
                }
            }
        }
        check(failures)
    })
    .await;
}
