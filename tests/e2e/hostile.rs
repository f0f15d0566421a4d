//! The site built from `tests/fixtures/hostile.csv`: names and notes made of
//! markup, script end tags, attribute breakers, right-to-left and zero-width
//! characters, 500-character names and emoji. Hovering, the table and the
//! exports must show them as plain text, and no script from the data may run.

use serde_json::json;

use super::{check, with_browser, BrowserOptions, Page};

/// Where `cargo xtask test` serves the hostile-data site (built with the
/// `fault-injection` feature, so its module also exports `panicForTest()`).
pub(crate) fn hostile_url() -> Result<String, String> {
    std::env::var("PARAM_SCALE_HOSTILE_URL")
        .map_err(|error| format!("PARAM_SCALE_HOSTILE_URL: {error}: run `cargo xtask test`"))
}

impl Page {
    async fn open_hostile(&self, query: &str) -> Result<(), String> {
        self.open_on(&hostile_url()?, query).await?;
        // From here on, any alert() from injected markup is caught.
        self.evaluate(
            "window.__alerts = 0; window.alert = () => { window.__alerts += 1; }; return true;",
        )
        .await
        .map(drop)
    }
}

/// The fixture's first model's name, in both languages.
const MARKUP_NAME: &str = "<img src=x onerror=alert(1)>";

/// What must never appear in the DOM: elements made from the data.
const INJECTED: &str = "return {
    injected: document.querySelectorAll('img[src=\"x\"], b, script:not([src])').length,
    alerts: window.__alerts,
};";

#[tokio::test(flavor = "multi_thread")]
async fn hostile_names_show_as_plain_text_in_tooltip_table_and_exports_and_no_script_runs() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for lang in ["en", "zh"] {
            page.open_hostile(&format!("lang={lang}")).await?;
            // Hover every model; each tooltip title is exactly the data's text.
            let ids: Vec<String> = page.drawn_points().await?.into_iter().map(|(id, _, _)| id).collect();
            if ids.len() != 5 {
                failures.push(format!("{lang}: {} of 5 hostile models drawn", ids.len()));
            }
            for id in &ids {
                let (x, y) = page.point_of(id).await?;
                page.mouse_to(x, y).await?;
                let title = page
                    .poll(
                        "const tip = document.querySelector('#chart [role=tooltip]');
                         return tip.hidden ? null : tip.querySelector('.ps-tooltip-title').textContent;",
                        |title| !title.is_null(),
                    )
                    .await?;
                if title.is_null() {
                    failures.push(format!("{lang}: no tooltip for {id}"));
                }
            }
            // The markup name shows as exactly its text (in both languages).
            let (x, y) = page.point_of("img-onerror").await?;
            page.mouse_to(x, y).await?;
            let title = page
                .poll(
                    "const tip = document.querySelector('#chart [role=tooltip]');
                     return tip.hidden ? null : tip.querySelector('.ps-tooltip-title').textContent;",
                    |title| title == &json!(MARKUP_NAME),
                )
                .await?;
            if title != json!(MARKUP_NAME) {
                failures.push(format!("{lang}: the tooltip title is {title}"));
            }
            // The table, as text.
            let toggle = page.find_control("#chart .ps-table-toggle").await?;
            toggle.click().await.map_err(|error| error.to_string())?;
            let cells = page
                .poll(
                    "const table = document.querySelector('#chart table');
                     return table ? [...table.tBodies[0].rows].map(row => row.cells[0].textContent) : null;",
                    |cells| cells.as_array().is_some_and(|cells| cells.len() == 5),
                )
                .await?;
            if !cells.as_array().is_some_and(|cells| cells.iter().any(|cell| cell == &json!(MARKUP_NAME))) {
                failures.push(format!("{lang}: the table's names are {cells}"));
            }
            // The exports keep the text inert.
            let exports = page
                .evaluate(
                    "const chart = document.getElementById('chart').chart;
                     const svg = chart.exportSvg();
                     const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
                     return {
                         svgError: parsed.querySelector('parsererror') !== null,
                         svgElements: parsed.querySelectorAll('img, script, b, foreignObject').length,
                         csv: chart.exportCsv(),
                     };",
                )
                .await?;
            if exports["svgError"] != json!(false) || exports["svgElements"] != json!(0) {
                failures.push(format!("{lang}: the SVG export is broken or holds injected elements: {}", exports["svgElements"]));
            }
            let csv = exports["csv"].as_str().unwrap_or_default();
            if !csv.contains("\"'=HYPERLINK(\"\"https://evil\"\")\"") || !csv.contains(MARKUP_NAME) {
                failures.push(format!("{lang}: the CSV export does not quote and defuse: {csv}"));
            }
            let injected = page.evaluate(INJECTED).await?;
            if injected != json!({ "injected": 0, "alerts": 0 }) {
                failures.push(format!("{lang}: markup from the data became elements or ran: {injected}"));
            }
            let errors = page.console_errors().await?;
            if !errors.is_empty() {
                failures.push(format!("{lang}: console errors: {errors:?}"));
            }
        }
        check(failures)
    })
    .await;
}
