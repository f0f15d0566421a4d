//! When the WebAssembly module cannot run: the reader gets a message and the
//! static chart, never a blank box.

use serde_json::json;

use super::{check, with_browser, BrowserOptions, Page};

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
