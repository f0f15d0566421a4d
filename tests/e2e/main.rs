#![cfg(not(target_arch = "wasm32"))]
//! Browser end-to-end tests: the built site in headless Chromium, as a visitor sees it.
//!
//! Run them with `cargo xtask test`, which builds `dist/`, serves it, starts ChromeDriver
//! and passes two addresses: `PARAM_SCALE_URL` (the site) and `WEBDRIVER_URL` (ChromeDriver,
//! plain HTTP). Without them every test fails and says so: a browser test that cannot run
//! must never look like a pass.
//!
//! The tests only use the page's DOM contract:
//! - `index.html?lang=zh|en`; `<html lang>` becomes `zh-CN` or `en` once the chart exists;
//! - `<figure id="chart">` gets `data-state="ready"` after the first draw, or
//!   `data-state="error"` with the message in a `.chart-error` element;
//! - inside it a `<canvas role="img">` whose `aria-label` begins with the chart title, and
//!   whose backing store is its CSS width times `devicePixelRatio` (±1).
//!
//! Each test opens its own browser session through [`with_browser`], which closes the
//! session and deletes the browser profile even when the test fails or panics.
//!
//! This file holds the harness and the first tests; each child module is one concern and
//! uses the harness from here (`use super::*`):
//! - [`audit`]: axe-core's rules and WCAG 2.2's target size, on every view, in both
//!   languages, on a phone and a desktop.
//! - [`hardening`]: the Content Security Policy, the page's requests (privacy), and faults —
//!   a container without size, pixel ratios 1 to 3, a resize storm, a very wide window,
//!   garbage collection.

use std::future::Future;
use std::time::{Duration, Instant};

use chromium_session::{BrowserConfig, ConsoleMessage, ProfileDir};
use fantoccini::Client;
use serde_json::{json, Value};

mod audit;
mod brush;
mod counts;
mod embed;
mod faults;
mod first_paint;
mod frame_host;
mod hardening;
mod host;
mod hostile;
mod hover;
mod interaction;
mod many;
mod phone;
mod story;
mod touch;

/// A language the page is offered in, and what the page must show for it.
#[derive(Debug, Clone, Copy)]
struct Language {
    /// The `lang` query parameter.
    query: &'static str,
    /// The `<html lang>` attribute the page sets.
    html_lang: &'static str,
    /// The chart title, the start of the canvas's `aria-label`.
    title: &'static str,
}

const LANGUAGES: [Language; 2] = [
    Language {
        query: "zh",
        html_lang: "zh-CN",
        title: "大模型参数规模的增长",
    },
    Language {
        query: "en",
        html_lang: "en",
        title: "How large AI models grew",
    },
];

const CHINESE: Language = LANGUAGES[0];

/// How long the first draw may take after the page has loaded.
const READY_TIMEOUT: Duration = Duration::from_secs(15);
/// How long a redraw after a resize may take.
const REDRAW_TIMEOUT: Duration = Duration::from_secs(5);
/// How long one whole test may take before it is failed.
const TEST_TIMEOUT: Duration = Duration::from_secs(90);
/// The pause between two looks at the page while waiting.
const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// The window size every session starts with.
const WINDOW_SIZE: (u32, u32) = (1000, 700);

/// The selector of the page's own chart container.
const PAGE_CHART: &str = "#chart";

// ---------------------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn the_page_loads_to_ready_with_no_console_error_in_each_language() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for language in LANGUAGES {
            // Empty the log, so the messages read below belong to this language's page.
            page.console_messages().await?;
            page.open(language).await?;
            let severe: Vec<String> = page
                .console_messages()
                .await?
                .into_iter()
                .filter(|message| message.level == "SEVERE")
                .map(|message| format!("  {}{}", message.text, hint_for(&message.text)))
                .collect();
            if !severe.is_empty() {
                failures.push(format!(
                    "lang={}: console errors:\n{}",
                    language.query,
                    severe.join("\n")
                ));
            }
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_canvas_has_drawn_content_in_each_language() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for language in LANGUAGES {
            page.open(language).await?;
            let pixels = page.pixel_statistics().await?;
            if let Err(problem) = pixels.looks_drawn() {
                failures.push(format!("lang={}: {problem}", language.query));
            }
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_canvas_is_labelled_with_the_title_in_each_language() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for language in LANGUAGES {
            page.open(language).await?;
            let found = page
                .evaluate(
                    "const canvas = document.querySelector('#chart canvas');
                     return {
                         htmlLang: document.documentElement.lang,
                         role: canvas && canvas.getAttribute('role'),
                         label: canvas && canvas.getAttribute('aria-label'),
                     };",
                )
                .await?;
            let html_lang = found["htmlLang"].as_str().unwrap_or_default();
            let role = found["role"].as_str().unwrap_or_default();
            let label = found["label"].as_str().unwrap_or_default();
            if html_lang != language.html_lang {
                failures.push(format!(
                    "lang={}: <html lang> is {html_lang:?}, expected {:?}",
                    language.query, language.html_lang
                ));
            }
            if role != "img" {
                failures.push(format!(
                    "lang={}: the canvas's role is {role:?}, expected \"img\"",
                    language.query
                ));
            }
            if !label.starts_with(language.title) {
                failures.push(format!(
                    "lang={}: the canvas's aria-label is {label:?}, expected it to start with {:?}",
                    language.query, language.title
                ));
            }
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_backing_store_is_scaled_by_the_device_pixel_ratio() {
    with_browser(BrowserOptions::default(), |page| async move {
        page.open(CHINESE).await?;
        let canvas = page.canvas_size().await?;
        canvas.matches_device_pixels()
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_backing_store_doubles_at_a_device_pixel_ratio_of_two() {
    let options = BrowserOptions {
        device_scale_factor: Some(2),
        ..BrowserOptions::default()
    };
    with_browser(options, |page| async move {
        page.open(CHINESE).await?;
        let canvas = page.canvas_size().await?;
        if (canvas.device_pixel_ratio - 2.0).abs() > f64::EPSILON {
            return Err(format!(
                "devicePixelRatio is {}, expected 2 (--force-device-scale-factor=2)",
                canvas.device_pixel_ratio
            ));
        }
        canvas.matches_device_pixels()?;
        let pixels = page.pixel_statistics().await?;
        pixels.looks_drawn()
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn resizing_the_window_redraws_the_chart_at_the_new_size() {
    with_browser(BrowserOptions::default(), |page| async move {
        page.open(CHINESE).await?;
        let before = page.canvas_size().await?;
        before.matches_device_pixels()?;

        page.client
            .set_window_size(500, WINDOW_SIZE.1)
            .await
            .map_err(|error| format!("cannot resize the window: {error}"))?;

        // The redraw is asynchronous (a ResizeObserver): look until it has happened.
        let started = Instant::now();
        loop {
            let after = page.canvas_size().await?;
            let state = page.chart_state().await?;
            let resized = after.css_width < before.css_width - 1.0;
            let redrawn = resized
                && after.matches_device_pixels().is_ok()
                && state.state.as_deref() == Some("ready")
                && page.pixel_statistics().await?.looks_drawn().is_ok();
            if redrawn {
                return Ok(());
            }
            if started.elapsed() > REDRAW_TIMEOUT {
                let pixels = page.pixel_statistics().await?;
                return Err(format!(
                    "after resizing the window to 500 px the chart was not redrawn within \
                     {REDRAW_TIMEOUT:?}:\n  before: {before:?}\n  after: {after:?}\n  \
                     state: {state:?}\n  pixels: {pixels:?}"
                ));
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// What the tests measure.
// ---------------------------------------------------------------------------------------

/// The figure's state attribute and error message.
#[derive(Debug, Clone, PartialEq)]
struct ChartState {
    state: Option<String>,
    error: Option<String>,
}

/// The canvas's backing store and CSS size.
#[derive(Debug, Clone, Copy, PartialEq)]
struct CanvasSize {
    width: f64,
    height: f64,
    css_width: f64,
    css_height: f64,
    device_pixel_ratio: f64,
}

impl CanvasSize {
    /// `canvas.width` is the CSS width in device pixels, give or take one.
    fn matches_device_pixels(&self) -> Result<(), String> {
        self.axis_matches("width", self.width, self.css_width)
    }

    /// Both `canvas.width` and `canvas.height` are the CSS size in device pixels, ±1.
    fn matches_device_pixels_in_both_directions(&self) -> Result<(), String> {
        self.matches_device_pixels()?;
        self.axis_matches("height", self.height, self.css_height)
    }

    /// One axis: `canvas.{name}` is `css` CSS pixels in device pixels, ±1.
    fn axis_matches(&self, name: &str, backing: f64, css: f64) -> Result<(), String> {
        let expected = (css * self.device_pixel_ratio).round();
        if css < 1.0 {
            return Err(format!("the canvas has no {name} on the page: {self:?}"));
        }
        if (backing - expected).abs() > 1.0 {
            return Err(format!(
                "canvas.{name} is {backing}, expected round({css} * devicePixelRatio {}) = {expected}: {self:?}",
                self.device_pixel_ratio
            ));
        }
        Ok(())
    }
}

/// How much of the canvas is drawn on.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PixelStatistics {
    width: u64,
    height: u64,
    /// Pixels whose colour differs from the pixel at (1, 1), taken as the background.
    differing: u64,
    /// Distinct RGBA colours on the canvas.
    distinct_colours: u64,
}

impl PixelStatistics {
    /// More than 2 % of the pixels differ from the background, in at least 20 colours.
    fn looks_drawn(&self) -> Result<(), String> {
        let total = self.width * self.height;
        if total == 0 {
            return Err(format!("the canvas is empty: {self:?}"));
        }
        let share = self.differing as f64 / total as f64;
        if share <= 0.02 || self.distinct_colours < 20 {
            return Err(format!(
                "the canvas looks blank: {:.2} % of pixels differ from the background (need > 2 %), \
                 {} distinct colours (need >= 20): {self:?}",
                share * 100.0,
                self.distinct_colours
            ));
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// The page, driven through WebDriver.
// ---------------------------------------------------------------------------------------

/// A browser session with the site open, and the helpers the tests use on it.
struct Page {
    client: Client,
    site_url: String,
}

impl Page {
    /// Opens the page in `language` and waits for the chart's first draw.
    async fn open(&self, language: Language) -> Result<(), String> {
        let url = format!("{}index.html?lang={}", self.site_url, language.query);
        self.client
            .goto(&url)
            .await
            .map_err(|error| format!("cannot open {url}: {error}"))?;
        self.wait_until_drawn()
            .await
            .map_err(|problem| format!("{url}: {problem}"))
    }

    /// The control `selector` finds, after opening the chart's menu (⋯ More) when the
    /// control is in it and the menu is closed, as a reader would.
    async fn find_control(&self, selector: &str) -> Result<fantoccini::elements::Element, String> {
        let button = self
            .evaluate_with(
                "const control = document.querySelector(arguments[0]);
                 const menu = control && control.closest('.ps-menu');
                 return menu && menu.hidden ? '#' + menu.getAttribute('aria-labelledby') : null;",
                vec![json!(selector)],
            )
            .await?;
        if let Some(button) = button.as_str() {
            self.client
                .find(fantoccini::Locator::Css(button))
                .await
                .map_err(|error| format!("no menu button {button}: {error}"))?
                .click()
                .await
                .map_err(|error| format!("cannot open the menu {button}: {error}"))?;
        }
        self.client
            .find(fantoccini::Locator::Css(selector))
            .await
            .map_err(|error| format!("no {selector}: {error}"))
    }

    /// Waits until the figure's `data-state` is `ready`; `error` or a timeout fails.
    async fn wait_until_drawn(&self) -> Result<(), String> {
        let started = Instant::now();
        loop {
            let state = self.chart_state().await?;
            match state.state.as_deref() {
                Some("ready") => return Ok(()),
                Some("error") => {
                    return Err(format!(
                        "the chart reports an error: {}",
                        state
                            .error
                            .as_deref()
                            .unwrap_or("(no .chart-error message)")
                    ))
                }
                _ => {}
            }
            if started.elapsed() > READY_TIMEOUT {
                let console = self.console_messages().await.unwrap_or_default();
                let console: Vec<String> = console
                    .iter()
                    .map(|message| format!("  {} {}", message.level, message.text))
                    .collect();
                return Err(format!(
                    "the chart was not ready within {READY_TIMEOUT:?} (last state: {state:?}); \
                     console:\n{}",
                    console.join("\n")
                ));
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }

    /// The state of the page's chart, `#chart`.
    async fn chart_state(&self) -> Result<ChartState, String> {
        self.chart_state_in(PAGE_CHART).await
    }

    /// The state of the chart in the container that `selector` finds.
    async fn chart_state_in(&self, selector: &str) -> Result<ChartState, String> {
        let found = self
            .evaluate_with(
                "const figure = document.querySelector(arguments[0]);
                 const error = figure && figure.querySelector('.chart-error');
                 return {
                     state: figure && figure.getAttribute('data-state'),
                     error: error && error.textContent,
                 };",
                vec![json!(selector)],
            )
            .await?;
        Ok(ChartState {
            state: found["state"].as_str().map(str::to_owned),
            error: found["error"].as_str().map(str::to_owned),
        })
    }

    /// The size of the page's chart's canvas.
    async fn canvas_size(&self) -> Result<CanvasSize, String> {
        self.canvas_size_in(PAGE_CHART).await
    }

    /// The size of the canvas in the container that `selector` finds.
    async fn canvas_size_in(&self, selector: &str) -> Result<CanvasSize, String> {
        let found = self
            .evaluate_with(
                "const figure = document.querySelector(arguments[0]);
                 const canvas = figure && figure.querySelector('canvas');
                 if (!canvas) return null;
                 const rect = canvas.getBoundingClientRect();
                 return {
                     width: canvas.width,
                     height: canvas.height,
                     cssWidth: rect.width,
                     cssHeight: rect.height,
                     dpr: window.devicePixelRatio,
                 };",
                vec![json!(selector)],
            )
            .await?;
        if found.is_null() {
            return Err(format!("there is no canvas in {selector}"));
        }
        let number = |key: &str| {
            found[key]
                .as_f64()
                .ok_or_else(|| format!("canvas measurement {key} is missing: {found}"))
        };
        Ok(CanvasSize {
            width: number("width")?,
            height: number("height")?,
            css_width: number("cssWidth")?,
            css_height: number("cssHeight")?,
            device_pixel_ratio: number("dpr")?,
        })
    }

    /// How much of the page's chart's canvas is drawn on.
    async fn pixel_statistics(&self) -> Result<PixelStatistics, String> {
        self.pixel_statistics_in(PAGE_CHART).await
    }

    /// How much of the canvas in the container that `selector` finds is drawn on.
    async fn pixel_statistics_in(&self, selector: &str) -> Result<PixelStatistics, String> {
        let found = self
            .evaluate_with(
                "const figure = document.querySelector(arguments[0]);
                 const canvas = figure && figure.querySelector('canvas');
                 if (!canvas) return null;
                 const width = canvas.width, height = canvas.height;
                 if (width === 0 || height === 0) {
                     return { width, height, differing: 0, distinct: 0 };
                 }
                 const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
                 const pixels = new Uint32Array(data.buffer);
                 const background = pixels[Math.min(1, height - 1) * width + Math.min(1, width - 1)];
                 const colours = new Set();
                 let differing = 0;
                 for (const pixel of pixels) {
                     if (pixel !== background) differing++;
                     colours.add(pixel);
                 }
                 return { width, height, differing, distinct: colours.size };",
                vec![json!(selector)],
            )
            .await?;
        if found.is_null() {
            return Err(format!("there is no canvas in {selector}"));
        }
        let count = |key: &str| {
            found[key]
                .as_u64()
                .ok_or_else(|| format!("pixel count {key} is missing: {found}"))
        };
        Ok(PixelStatistics {
            width: count("width")?,
            height: count("height")?,
            differing: count("differing")?,
            distinct_colours: count("distinct")?,
        })
    }

    /// Runs a script (a function body that may `return`) in the page.
    async fn evaluate(&self, script: &str) -> Result<Value, String> {
        self.evaluate_with(script, Vec::new()).await
    }

    /// Runs a script with arguments (`arguments[0]`, …) in the page.
    async fn evaluate_with(&self, script: &str, arguments: Vec<Value>) -> Result<Value, String> {
        self.client
            .execute(script, arguments)
            .await
            .map_err(|error| format!("script failed in the page: {error}\nscript: {script}"))
    }

    /// Runs an asynchronous script in the page: it calls `done(value)` to finish, and must
    /// do so within the session's script timeout (30 s by default).
    async fn evaluate_async(&self, script: &str) -> Result<Value, String> {
        let wrapped = format!("const done = arguments[arguments.length - 1];\n{script}");
        self.client
            .execute_async(&wrapped, Vec::new())
            .await
            .map_err(|error| format!("async script failed in the page: {error}\nscript: {script}"))
    }

    /// Opens the page with a query string of its own (`lang=en&theme=light`) and waits for
    /// the chart's first draw.
    async fn open_with_query(&self, query: &str) -> Result<(), String> {
        self.open_on(&self.site_url, query).await
    }

    /// Opens `index.html?{query}` on the site at `base` and waits for the draw.
    async fn open_on(&self, base: &str, query: &str) -> Result<(), String> {
        let url = format!("{base}index.html?{query}");
        self.client
            .goto(&url)
            .await
            .map_err(|error| format!("cannot open {url}: {error}"))?;
        self.wait_until_drawn()
            .await
            .map_err(|problem| format!("{url}: {problem}"))
    }

    /// Waits until the chart in `selector` is drawn at its current size: `ready`, the
    /// backing store matching the canvas's CSS size in both directions, and more than a
    /// blank fill on it. Needed after anything that resizes the chart, because the redraw
    /// comes later, from a `ResizeObserver`.
    async fn wait_until_redrawn_in(&self, selector: &str) -> Result<CanvasSize, String> {
        let started = Instant::now();
        loop {
            let state = self.chart_state_in(selector).await?;
            if state.state.as_deref() == Some("error") {
                return Err(format!(
                    "the chart in {selector} reports an error: {state:?}"
                ));
            }
            let canvas = self.canvas_size_in(selector).await;
            let sized = canvas
                .as_ref()
                .map_err(Clone::clone)
                .and_then(CanvasSize::matches_device_pixels_in_both_directions);
            if state.state.as_deref() == Some("ready") && sized.is_ok() {
                let pixels = self.pixel_statistics_in(selector).await?;
                if pixels.looks_drawn().is_ok() {
                    return canvas;
                }
            }
            if started.elapsed() > REDRAW_TIMEOUT {
                let pixels = self.pixel_statistics_in(selector).await;
                return Err(format!(
                    "the chart in {selector} was not redrawn at its size within \
                     {REDRAW_TIMEOUT:?}:\n  state: {state:?}\n  canvas: {canvas:?}\n  \
                     size check: {sized:?}\n  pixels: {pixels:?}"
                ));
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }

    /// The console errors (level `SEVERE`) logged since the last look at the console, each
    /// with advice when its cause is known.
    async fn console_errors(&self) -> Result<Vec<String>, String> {
        Ok(self
            .console_messages()
            .await?
            .into_iter()
            .filter(|message| message.level == "SEVERE")
            .map(|message| format!("{}{}", message.text, hint_for(&message.text)))
            .collect())
    }

    /// The console messages logged since the last call (ChromeDriver empties its buffer).
    async fn console_messages(&self) -> Result<Vec<ConsoleMessage>, String> {
        chromium_session::console_messages(&self.client)
            .await
            .map_err(|error| format!("cannot read the browser console: {error}"))
    }
}

// ---------------------------------------------------------------------------------------
// Sessions.
// ---------------------------------------------------------------------------------------

/// How to start the browser for one test.
#[derive(Debug, Clone, Copy, Default)]
struct BrowserOptions {
    /// Forces `devicePixelRatio` to this value.
    device_scale_factor: Option<u32>,
    /// More Chromium command-line arguments, such as `--js-flags=--expose-gc`.
    extra_arguments: &'static [&'static str],
}

/// The addresses `cargo xtask test` passes in.
struct Environment {
    site_url: String,
    webdriver_url: String,
}

fn environment() -> Environment {
    let required = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            panic!(
                "{name} is not set: the browser tests need a served site and ChromeDriver; \
                 run `cargo xtask test`"
            )
        })
    };
    let mut site_url = required("PARAM_SCALE_URL");
    if !site_url.ends_with('/') {
        site_url.push('/');
    }
    let webdriver_url = required("WEBDRIVER_URL").trim_end_matches('/').to_owned();
    Environment {
        site_url,
        webdriver_url,
    }
}

/// The session's browser: the shared arguments (`chromium-session`, also xtask's), the
/// test window, the console kept, and the test's options. Chromium is the one
/// `PARAM_SCALE_CHROMIUM` names (`cargo xtask test` sets it), else Debian's.
fn browser_config(options: BrowserOptions, profile: &ProfileDir) -> BrowserConfig {
    let mut config = BrowserConfig::new(profile.path().to_path_buf(), WINDOW_SIZE);
    config.device_scale_factor = options.device_scale_factor;
    config.extra_arguments = options
        .extra_arguments
        .iter()
        .map(|&argument| argument.to_owned())
        .collect();
    config.console_log = true;
    config
}

/// Runs a test body in a fresh browser session, then closes the session whatever happened.
///
/// The body runs as its own task, so a panic inside it is caught, the browser is closed,
/// and only then is the panic passed on. A body that returns an error fails the test with
/// that message.
async fn with_browser<Body, Outcome>(options: BrowserOptions, body: Body)
where
    Body: FnOnce(Page) -> Outcome,
    Outcome: Future<Output = Result<(), String>> + Send + 'static,
{
    let environment = environment();
    let profile = ProfileDir::new("e2e");
    let client = chromium_session::connect(
        &environment.webdriver_url,
        &browser_config(options, &profile),
    )
    .await
    .unwrap_or_else(|error| {
        panic!(
            "cannot start a Chromium session through ChromeDriver at {}: {error}",
            environment.webdriver_url
        )
    });
    let page = Page {
        client: client.clone(),
        site_url: environment.site_url.clone(),
    };

    let task = tokio::spawn(tokio::time::timeout(TEST_TIMEOUT, body(page)));
    let outcome = task.await;
    let closed = client.close().await;
    drop(profile);

    match outcome {
        Ok(Ok(Ok(()))) => {}
        Ok(Ok(Err(message))) => panic!("{message}"),
        Ok(Err(_elapsed)) => panic!("the test did not finish within {TEST_TIMEOUT:?}"),
        Err(join_error) => match join_error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(join_error) => panic!("the test task was cancelled: {join_error}"),
        },
    }
    if let Err(error) = closed {
        panic!("cannot close the browser session: {error}");
    }
}

/// Advice for a console error whose cause is known.
fn hint_for(message: &str) -> &'static str {
    if message.contains("favicon.ico") {
        " (declare an icon in index.html, e.g. <link rel=\"icon\" href=\"data:,\">, \
         so the browser does not ask the server for /favicon.ico)"
    } else {
        ""
    }
}

/// Passes when there is no failure, or fails with all of them, one paragraph each.
fn check(failures: Vec<String>) -> Result<(), String> {
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n\n"))
    }
}
