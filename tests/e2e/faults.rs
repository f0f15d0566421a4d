//! When the WebAssembly module cannot run, or stops on a panic: the reader gets a message
//! and the static chart, never a blank box, and the rest of the page keeps working.

use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction};
use fantoccini::Locator;
use serde_json::{json, Value};

use super::hostile::hostile_url;
use super::{check, with_browser, BrowserOptions, Page, LANGUAGES};

/// Where `cargo xtask test` serves copies of the site with a broken module:
/// `corrupt/` (the `.wasm` is garbage) and `missing/` (there is none).
fn broken_url() -> Result<String, String> {
    std::env::var("PARAM_SCALE_BROKEN_URL")
        .map_err(|error| format!("PARAM_SCALE_BROKEN_URL: {error}: run `cargo xtask test`"))
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
                .poll(FALLBACK_SHOWN, |shown| shown["loaded"] == json!(true))
                .await?;
            if shown["state"] != json!("error") || shown["noteHeight"].as_f64().unwrap_or(0.0) < 1.0
            {
                failures.push(format!("{variant}: no visible message: {shown}"));
            }
            if !shown["note"]
                .as_str()
                .is_some_and(|message| message.contains("The chart could not load"))
            {
                failures.push(format!("{variant}: the message is {}", shown["note"]));
            }
            if shown["image"] != json!(image) || shown["loaded"] != json!(true) {
                failures.push(format!("{variant}: the static chart is not shown: {shown}"));
            }
        }
        check(failures)
    })
    .await;
}

/// What the page shows in the chart's place after a failure: the state, the
/// message, and the static chart (whether loaded, and how large).
const FALLBACK_SHOWN: &str = "const figure = document.getElementById('chart');
     const note = figure.querySelector('.chart-error');
     const image = figure.querySelector('img.ps-fallback-image');
     return {
         state: figure.getAttribute('data-state'),
         note: note && note.textContent,
         role: note && note.getAttribute('role'),
         noteHeight: note ? note.getBoundingClientRect().height : 0,
         image: image && image.getAttribute('src'),
         alt: image && image.getAttribute('alt'),
         loaded: image !== null && image.complete && image.naturalWidth > 0,
         imageHeight: image ? image.getBoundingClientRect().height : 0,
         chartLeft: figure.querySelectorAll('.ps-root, canvas').length,
     };";

/// The message `panicForTest()` panics with (`src/web/mod.rs`).
const PANIC_MESSAGE: &str = "panicForTest: a panic on purpose";

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
async fn the_release_site_exports_no_test_only_function_and_the_fault_injection_build_exports_its_panic_trigger(
) {
    with_browser(BrowserOptions::default(), |page: Page| async move {
        let mut failures = Vec::new();
        page.open(LANGUAGES[1]).await?;
        let release = page.module_exports().await?;
        if let Some(test_only) = release
            .iter()
            .find(|name| ["panicForTest", "wasmMemoryBytes"].contains(&name.as_str()))
        {
            failures.push(format!(
                "the release site's module exports the test-only {test_only}: {release:?}"
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

#[expect(
    clippy::too_many_lines,
    reason = "a browser scenario: its steps act on one page in the order a reader would, and add to one list of failures"
)]
#[tokio::test(flavor = "multi_thread")]
async fn a_panic_is_logged_and_the_chart_gives_way_to_a_message_and_the_static_chart_while_the_page_stays_usable(
) {
    with_browser(BrowserOptions::default(), |page: Page| async move {
        let mut failures = Vec::new();
        page.open_on(&hostile_url()?, "lang=en").await?;
        // The page's own script outside the chart: a button, and a record of uncaught errors.
        page.evaluate(
            "window.__clicks = 0;
             window.__uncaught = [];
             window.addEventListener('error', event => window.__uncaught.push(String(event.message)));
             const button = document.createElement('button');
             button.id = 'page-button';
             button.textContent = 'A button of the page';
             button.addEventListener('click', () => { window.__clicks += 1; });
             document.body.prepend(button);
             return true;",
        )
        .await?;
        page.console_messages().await?;

        // Panic from a task of its own, as a panic in an event handler would: with
        // `panic = \"abort\"` the module traps after the hook, and the task ends in an
        // uncaught RuntimeError that must stop nothing else.
        page.evaluate_async(
            "import(new URL('pkg/param_scale.js', document.baseURI).href).then(module => {
                 setTimeout(() => module.panicForTest(), 0);
                 setTimeout(() => done(true), 200);
             }, error => done(String(error)));",
        )
        .await?;
        let shown = page
            .poll(FALLBACK_SHOWN, |shown| shown["loaded"] == json!(true))
            .await?;
        if shown["state"] != json!("error") || shown["role"] != json!("alert") {
            failures.push(format!("the figure does not report the error: {shown}"));
        }
        let note = shown["note"].as_str().unwrap_or_default();
        if !note.contains(PANIC_MESSAGE) || !note.contains("static version") {
            failures.push(format!("the message does not say what happened: {note:?}"));
        }
        if shown["noteHeight"].as_f64().unwrap_or(0.0) < 1.0 {
            failures.push(format!("the message is not visible: {shown}"));
        }
        let static_chart_shown = shown["image"] == json!("chart-en.svg")
            && shown["alt"] == json!("How large AI models grew")
            && shown["loaded"] == json!(true)
            && shown["imageHeight"].as_f64().unwrap_or(0.0) > 100.0;
        if !static_chart_shown {
            failures.push(format!("the static chart is not shown: {shown}"));
        }
        if shown["chartLeft"] != json!(0) {
            failures.push(format!("the broken chart is still on the page: {shown}"));
        }

        // Logged: the panic's message, through console.error.
        let logged = page.console_errors().await?;
        if !logged.iter().any(|message| message.contains(PANIC_MESSAGE)) {
            failures.push(format!("the panic is not in the console's errors: {logged:?}"));
        }

        // Still usable: what the reader does next, where the chart was and elsewhere,
        // reaches no chart code (it stopped listening) and the page's own script works.
        let figure = page
            .client
            .find(Locator::Css("#chart"))
            .await
            .map_err(|error| format!("no #chart: {error}"))?;
        let (x, y, width, height) = figure
            .rectangle()
            .await
            .map_err(|error| format!("cannot measure #chart: {error}"))?;
        let centre = (x + width / 2.0, y + height / 2.0);
        page.client
            .perform_actions(
                MouseActions::new("mouse".into())
                    .then(PointerAction::MoveTo {
                        duration: None,
                        x: centre.0,
                        y: centre.1,
                    })
                    .then(PointerAction::MoveTo {
                        duration: Some(std::time::Duration::from_millis(100)),
                        x: centre.0 + 40.0,
                        y: centre.1 + 20.0,
                    }),
            )
            .await
            .map_err(|error| format!("cannot move the mouse: {error}"))?;
        page.client
            .perform_actions(
                KeyActions::new("keyboard".into())
                    .then(KeyAction::Down { value: '\u{E014}' })
                    .then(KeyAction::Up { value: '\u{E014}' }),
            )
            .await
            .map_err(|error| format!("cannot press a key: {error}"))?;
        page.client
            .set_window_size(700, 600)
            .await
            .map_err(|error| format!("cannot resize the window: {error}"))?;
        page.client
            .find(Locator::Css("#page-button"))
            .await
            .map_err(|error| format!("the page's button is gone: {error}"))?
            .click()
            .await
            .map_err(|error| format!("cannot click the page's button: {error}"))?;
        let after = page
            .poll(
                "return new Promise(resolve => requestAnimationFrame(() => resolve({
                     clicks: window.__clicks,
                     uncaught: window.__uncaught,
                     state: document.getElementById('chart').getAttribute('data-state'),
                 })));",
                |after| after["clicks"] == json!(1),
            )
            .await?;
        if after["clicks"] != json!(1) {
            failures.push(format!("the page's button did not work after the panic: {after}"));
        }
        // The one uncaught error is the trap that ends the panicking task, nothing after it.
        let uncaught: Vec<&str> = after["uncaught"]
            .as_array()
            .map(|errors| errors.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if uncaught.len() != 1 || !uncaught[0].contains("RuntimeError") {
            failures.push(format!(
                "expected exactly one uncaught error, the trap (RuntimeError: unreachable): {uncaught:?}"
            ));
        }
        if after["state"] != json!("error") {
            failures.push(format!("the chart came back in a broken state: {after}"));
        }
        let later: Vec<String> = page
            .console_errors()
            .await?
            .into_iter()
            .filter(|message| !message.contains("RuntimeError: unreachable"))
            .collect();
        if !later.is_empty() {
            failures.push(format!(
                "moving, typing and resizing after the panic logged errors: {later:?}"
            ));
        }
        check(failures)
    })
    .await;
}
