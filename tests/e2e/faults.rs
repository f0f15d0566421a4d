//! When the WebAssembly module cannot run: the reader gets a message and the
//! static chart, never a blank box. Only a test build can panic on purpose.

use serde_json::{json, Value};

use super::hostile::hostile_url;
use super::{check, with_browser, BrowserOptions, Page, LANGUAGES};

/// Where `cargo xtask test` serves copies of the site with a broken module:
/// `corrupt/` (the `.wasm` is garbage) and `missing/` (there is none).
fn broken_url() -> Result<String, String> {
    std::env::var("PARAM_SCALE_BROKEN_URL")
        .map_err(|_| "PARAM_SCALE_BROKEN_URL is not set: run `cargo xtask test`".to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_or_corrupt_module_shows_a_message_and_the_static_chart() {
    with_browser(BrowserOptions::default(), |page: Page| async move {
        let mut failures = Vec::new();
        for (variant, lang, image) in [
            ("corrupt", "zh", "chart-zh.svg"),
            ("missing", "en", "chart-en.svg"),
        ] {
            let url = format!("{}{variant}/index.html?lang={lang}", broken_url()?);
            page.client
                .goto(&url)
                .await
                .map_err(|error| format!("cannot open {url}: {error}"))?;
            let shown = page
                .poll(
                    "const figure = document.getElementById('chart');
                     const error = figure.querySelector('.chart-error');
                     const image = figure.querySelector('img.ps-fallback-image');
                     return {
                         state: figure.getAttribute('data-state'),
                         message: error && error.textContent,
                         visible: error !== null && error.getBoundingClientRect().height > 0,
                         image: image && image.getAttribute('src'),
                         loaded: image !== null && image.complete && image.naturalWidth > 0,
                     };",
                    |shown| shown["loaded"] == json!(true),
                )
                .await?;
            if shown["state"] != json!("error") || shown["visible"] != json!(true) {
                failures.push(format!("{variant}: no visible message: {shown}"));
            }
            if !shown["message"]
                .as_str()
                .is_some_and(|message| message.contains("The chart could not load"))
            {
                failures.push(format!("{variant}: the message is {}", shown["message"]));
            }
            if shown["image"] != json!(image) || shown["loaded"] != json!(true) {
                failures.push(format!("{variant}: the static chart is not shown: {shown}"));
            }
        }
        check(failures)
    })
    .await;
}

impl Page {
    /// The names the page's chart module exports, read from the module the page loaded.
    async fn module_exports(&self) -> Result<Vec<String>, String> {
        let found = self
            .evaluate_async(
                "import(new URL('pkg/param_scale.js', document.baseURI).href).then(
                     module => done(Object.keys(module).sort()),
                     error => done({ importFailed: String(error) }));",
            )
            .await?;
        let names = found
            .as_array()
            .ok_or_else(|| format!("cannot import the chart module: {found}"))?;
        Ok(names
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_release_site_exports_no_panic_trigger_and_only_the_fault_injection_build_does() {
    with_browser(BrowserOptions::default(), |page: Page| async move {
        let mut failures = Vec::new();
        page.open(LANGUAGES[1]).await?;
        let release = page.module_exports().await?;
        if release.iter().any(|name| name == "panicForTest") {
            failures.push(format!(
                "the release site's module exports panicForTest: {release:?}"
            ));
        }
        if !release.iter().any(|name| name == "createChart") {
            failures.push(format!(
                "the release site's exports were not read: {release:?}"
            ));
        }
        // The same look finds it in the test build, so the check above is not vacuous.
        page.open_on(&hostile_url()?, "lang=en").await?;
        let test_build = page.module_exports().await?;
        if !test_build.iter().any(|name| name == "panicForTest") {
            failures.push(format!(
                "the fault-injection build does not export panicForTest: {test_build:?}"
            ));
        }
        check(failures)
    })
    .await;
}
