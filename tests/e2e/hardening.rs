//! Hardening: the page under its Content Security Policy, the requests it makes, and the
//! faults a chart meets in the wild.
//!
//! - **CSP.** The site server (`cargo xtask serve`, and `cargo xtask test`'s) sends a strict
//!   policy: the page's own files only, no inline script or style. The tests check that the
//!   page was really served with it, that no console message reports a violation, and that
//!   a violation would have been seen (an inline script injected at the end must be refused
//!   and reported).
//! - **Privacy.** The navigation and every resource the page fetched are on its own origin.
//! - **Faults.** A container without size draws nothing and fails nothing, then draws when
//!   it gets a size; the backing store follows pixel ratios 1, 2 and 3; fifty resizes in a
//!   row end with a chart drawn at the final size; a window 10,000 px wide still gets one;
//!   garbage collection does not stop a chart from following its container's size, even
//!   when the page kept no reference to what `createChart` returned.

use super::*;

/// The policy the site server sends (`xtask/src/serve.rs`), as the README documents it.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
     script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; \
     object-src 'none'; base-uri 'none'";

/// The files the page must load: anything less and the privacy test would prove nothing.
const EXPECTED_FILES: [&str; 4] = [
    "/www/style.css",
    "/www/main.js",
    "/pkg/param_scale.js",
    "/pkg/param_scale_bg.wasm",
];

/// Collects garbage five times, letting finalizers run in between (needs Chromium's
/// `--js-flags=--expose-gc`); finishes with `"collected"`.
const COLLECT_GARBAGE: &str = "(async () => {
    if (typeof gc !== 'function') return done('gc() is not exposed');
    for (let round = 0; round < 5; round++) {
        gc();
        await new Promise(resolve => setTimeout(resolve, 50));
    }
    done('collected');
})();";

/// How long the page is given to settle after a change that should *not* draw anything.
const SETTLE_TIME: Duration = Duration::from_millis(500);

/// Messages one per line, each once, with how often it came when more than once.
fn count_repeats(messages: &[String]) -> String {
    let mut counted: Vec<(&str, usize)> = Vec::new();
    for message in messages {
        match counted
            .iter_mut()
            .find(|(seen, _)| *seen == message.as_str())
        {
            Some((_, count)) => *count += 1,
            None => counted.push((message, 1)),
        }
    }
    counted
        .iter()
        .map(|(message, count)| match count {
            1 => format!("  {message}"),
            _ => format!("  {message} (×{count})"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Console messages that report a CSP violation.
fn csp_violations(messages: &[ConsoleMessage]) -> Vec<String> {
    messages
        .iter()
        .filter(|message| message.text.contains("Content Security Policy"))
        .map(|message| format!("  {} {}", message.level, message.text))
        .collect()
}

/// The problems after a change that must end in a redraw: the redraw's own (if it did not
/// happen) and every console error since the last look at the console.
async fn redraw_and_console_failures(
    page: &Page,
    redrawn: Result<CanvasSize, String>,
) -> Result<Vec<String>, String> {
    let mut failures = Vec::new();
    if let Err(problem) = redrawn {
        failures.push(problem);
    }
    let errors = page.console_errors().await?;
    if !errors.is_empty() {
        failures.push(format!("console errors:\n{}", count_repeats(&errors)));
    }
    Ok(failures)
}

// ---------------------------------------------------------------------------------------
// Content Security Policy.
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn the_page_works_under_its_content_security_policy_in_each_language() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for language in LANGUAGES {
            page.console_messages().await?;
            page.open(language).await?;
            let header = page
                .evaluate_async(
                    "fetch(location.href, { cache: 'no-store' })
                         .then(response => done(response.headers.get('content-security-policy')))
                         .catch(error => done('fetch failed: ' + error));",
                )
                .await?;
            if header.as_str() != Some(CONTENT_SECURITY_POLICY) {
                failures.push(format!(
                    "lang={}: the page was served with Content-Security-Policy {header}, \
                     expected {CONTENT_SECURITY_POLICY:?}: run the browser tests against the \
                     xtask server (`cargo xtask test`, or `cargo xtask serve`)",
                    language.query
                ));
            }
            let violations = csp_violations(&page.console_messages().await?);
            if !violations.is_empty() {
                failures.push(format!(
                    "lang={}: the page violates its Content Security Policy:\n{}",
                    language.query,
                    violations.join("\n")
                ));
            }
        }
        if !failures.is_empty() {
            return check(failures);
        }

        // The check above must be able to fail: an inline script is refused and reported.
        let ran = page
            .evaluate(
                "const script = document.createElement('script');
                 script.textContent = 'window.__inlineScriptRan = true;';
                 document.head.append(script);
                 return window.__inlineScriptRan === true;",
            )
            .await?;
        let reported = csp_violations(&page.console_messages().await?);
        if ran != json!(false) || reported.is_empty() {
            return Err(format!(
                "an injected inline script should be refused and reported as a Content \
                 Security Policy violation; it ran: {ran}, reports: {reported:?}"
            ));
        }
        Ok(())
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// Privacy.
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn the_page_requests_nothing_but_its_own_files_in_each_language() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for language in LANGUAGES {
            page.open(language).await?;
            // Give late requests (a font, a lazy module) the chance to show up.
            tokio::time::sleep(SETTLE_TIME).await;
            let found = page
                .evaluate(
                    "const entries = performance.getEntriesByType('navigation')
                         .concat(performance.getEntriesByType('resource'));
                     return {
                         origin: location.origin,
                         requests: entries.map(entry => ({
                             url: entry.name,
                             origin: new URL(entry.name).origin,
                             path: new URL(entry.name).pathname,
                             type: entry.entryType + '/' + (entry.initiatorType || ''),
                         })),
                     };",
                )
                .await?;
            let origin = found["origin"].as_str().unwrap_or_default().to_owned();
            let requests = found["requests"].as_array().cloned().unwrap_or_default();
            let listing = requests
                .iter()
                .map(|request| format!("  {} {}", request["type"], request["url"]))
                .collect::<Vec<_>>()
                .join("\n");
            let mut problems = Vec::new();
            if !origin.starts_with("http://127.0.0.1:") {
                problems.push(format!(
                    "the page's origin is {origin:?}, expected http://127.0.0.1:<port>"
                ));
            }
            for request in &requests {
                if request["origin"].as_str() != Some(origin.as_str()) {
                    problems.push(format!(
                        "a request leaves the page's origin: {}",
                        request["url"]
                    ));
                }
            }
            for file in EXPECTED_FILES {
                if !requests
                    .iter()
                    .any(|request| request["path"].as_str() == Some(file))
                {
                    problems.push(format!("{file} was not requested"));
                }
            }
            if !problems.is_empty() {
                failures.push(format!(
                    "lang={}: {}\nevery request (navigation and resources):\n{listing}",
                    language.query,
                    problems.join("\n")
                ));
            }
        }
        check(failures)
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// Faults.
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn a_container_without_size_draws_nothing_then_draws_when_it_gets_a_size() {
    with_browser(BrowserOptions::default(), |page| async move {
        page.open_with_query("lang=en").await?;
        page.console_messages().await?;

        // A second chart, through the module's JS API, in a container 0 px high.
        let created = page
            .evaluate_async(
                "import(new URL('pkg/param_scale.js', document.baseURI).href)
                     .then(module => {
                         const container = document.createElement('div');
                         container.id = 'zero-size-chart';
                         container.style.height = '0px';
                         document.querySelector('main').append(container);
                         window.__zeroSizeChart = module.createChart(container, { lang: 'en' });
                         done('created');
                     })
                     .catch(error => done('failed: ' + error));",
            )
            .await?;
        if created != json!("created") {
            return Err(format!(
                "cannot create a chart in a 0 px container: {created}"
            ));
        }
        tokio::time::sleep(SETTLE_TIME).await;
        let state = page.chart_state_in("#zero-size-chart").await?;
        let points = page
            .evaluate("return window.__zeroSizeChart.drawnPoints().length;")
            .await?;
        let errors = page.console_errors().await?;
        let mut failures = Vec::new();
        if matches!(state.state.as_deref(), Some("ready" | "error")) {
            failures.push(format!(
                "a 0 px container must neither draw nor fail, found {state:?}"
            ));
        }
        if points != json!(0) {
            failures.push(format!(
                "a 0 px container reports {points} drawn points, expected 0"
            ));
        }
        if !errors.is_empty() {
            failures.push(format!("console errors:\n{}", count_repeats(&errors)));
        }
        if !failures.is_empty() {
            return check(failures);
        }

        // Given a size, it draws.
        page.evaluate("document.getElementById('zero-size-chart').style.height = '400px';")
            .await?;
        let canvas = page.wait_until_redrawn_in("#zero-size-chart").await?;
        let points = page
            .evaluate("return window.__zeroSizeChart.drawnPoints().length;")
            .await?;
        if points.as_u64().unwrap_or_default() == 0 {
            failures.push(format!(
                "after getting a size the chart reports no drawn points ({canvas:?})"
            ));
        }
        let errors = page.console_errors().await?;
        if !errors.is_empty() {
            failures.push(format!("console errors:\n{}", count_repeats(&errors)));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hidden_chart_resized_while_hidden_redraws_at_its_new_size_when_shown() {
    with_browser(BrowserOptions::default(), |page| async move {
        page.open(CHINESE).await?;
        let before = page.canvas_size().await?;
        page.console_messages().await?;

        page.evaluate("document.getElementById('chart').style.display = 'none';")
            .await?;
        page.client
            .set_window_size(600, WINDOW_SIZE.1)
            .await
            .map_err(|error| format!("cannot resize the window: {error}"))?;
        tokio::time::sleep(SETTLE_TIME).await;
        let hidden = page.chart_state().await?;
        if hidden.state.as_deref() == Some("error") {
            return Err(format!("hiding the chart made it fail: {hidden:?}"));
        }

        page.evaluate("document.getElementById('chart').style.display = '';")
            .await?;
        let after = page.wait_until_redrawn_in(PAGE_CHART).await?;
        let mut failures = Vec::new();
        if after.css_width >= before.css_width - 1.0 {
            failures.push(format!(
                "the window shrank to 600 px while the chart was hidden, but its canvas did \
                 not: before {before:?}, after {after:?}"
            ));
        }
        let errors = page.console_errors().await?;
        if !errors.is_empty() {
            failures.push(format!("console errors:\n{}", count_repeats(&errors)));
        }
        check(failures)
    })
    .await;
}

/// Opens the page at a forced pixel ratio and checks the backing store and the console.
async fn check_device_pixel_ratio(ratio: u32) {
    let options = BrowserOptions {
        device_scale_factor: Some(ratio),
        ..BrowserOptions::default()
    };
    with_browser(options, move |page| async move {
        page.console_messages().await?;
        page.open(CHINESE).await?;
        let redrawn = page.wait_until_redrawn_in(PAGE_CHART).await;
        let ratio_found = redrawn
            .as_ref()
            .map(|canvas| canvas.device_pixel_ratio)
            .unwrap_or(f64::from(ratio));
        let mut failures = redraw_and_console_failures(&page, redrawn).await?;
        if (ratio_found - f64::from(ratio)).abs() > f64::EPSILON {
            failures.push(format!(
                "devicePixelRatio is {ratio_found}, expected {ratio} \
                 (--force-device-scale-factor={ratio})"
            ));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_backing_store_follows_a_device_pixel_ratio_of_one() {
    check_device_pixel_ratio(1).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_backing_store_follows_a_device_pixel_ratio_of_two() {
    check_device_pixel_ratio(2).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_backing_store_follows_a_device_pixel_ratio_of_three() {
    check_device_pixel_ratio(3).await;
}

/// The window sizes of the resize storm: 50 sizes from 320×400 to 1599×1099, spread by a
/// fixed linear congruential sequence, so every run resizes the same way.
fn storm_sizes() -> Vec<(u32, u32)> {
    let mut seed: u32 = 0x2545_f491;
    let mut next = move |range: u32| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (seed >> 8) % range
    };
    (0..50)
        .map(|_| (320 + next(1280), 400 + next(700)))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_resize_storm_ends_with_the_chart_drawn_at_the_final_size() {
    with_browser(BrowserOptions::default(), |page| async move {
        page.open(CHINESE).await?;
        page.console_messages().await?;
        for (width, height) in storm_sizes() {
            page.client
                .set_window_size(width, height)
                .await
                .map_err(|error| {
                    format!("cannot resize the window to {width}×{height}: {error}")
                })?;
        }
        let redrawn = page.wait_until_redrawn_in(PAGE_CHART).await;
        let viewport = page
            .evaluate("return [window.innerWidth, window.innerHeight];")
            .await?;
        let failures = redraw_and_console_failures(&page, redrawn).await?;
        check(failures).map_err(|problems| {
            format!("after 50 resizes (final viewport {viewport}):\n{problems}")
        })
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_chart_keeps_redrawing_after_garbage_collection() {
    let options = BrowserOptions {
        extra_arguments: &["--js-flags=--expose-gc"],
        ..BrowserOptions::default()
    };
    with_browser(options, |page| async move {
        page.open(CHINESE).await?;
        page.console_messages().await?;
        // Collect garbage a few times, giving finalizers the chance to run in between: the
        // page keeps no reference to what `createChart` returned, so only the chart itself
        // can keep its ResizeObserver working.
        let collected = page.evaluate_async(COLLECT_GARBAGE).await?;
        if collected != json!("collected") {
            return Err(format!("cannot collect garbage in the page: {collected}"));
        }
        page.client
            .set_window_size(600, WINDOW_SIZE.1)
            .await
            .map_err(|error| format!("cannot resize the window: {error}"))?;
        let redrawn = page.wait_until_redrawn_in(PAGE_CHART).await;
        let failures = redraw_and_console_failures(&page, redrawn).await?;
        check(failures).map_err(|problems| {
            format!("after garbage collection, resizing the window to 600 px:\n{problems}")
        })
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_chart_whose_handle_is_dropped_keeps_redrawing_after_garbage_collection() {
    let options = BrowserOptions {
        extra_arguments: &["--js-flags=--expose-gc"],
        ..BrowserOptions::default()
    };
    with_browser(options, |page| async move {
        page.open_with_query("lang=en").await?;
        // A chart made through the JS API by a page that keeps no reference to it.
        let created = page
            .evaluate_async(
                "import(new URL('pkg/param_scale.js', document.baseURI).href)
                     .then(module => {
                         const container = document.createElement('div');
                         container.id = 'unreferenced-chart';
                         container.style.height = '400px';
                         document.querySelector('main').append(container);
                         module.createChart(container, { lang: 'en' });
                         done('created');
                     })
                     .catch(error => done('failed: ' + error));",
            )
            .await?;
        if created != json!("created") {
            return Err(format!(
                "cannot create a chart through the JS API: {created}"
            ));
        }
        page.wait_until_redrawn_in("#unreferenced-chart").await?;
        page.console_messages().await?;
        let collected = page.evaluate_async(COLLECT_GARBAGE).await?;
        if collected != json!("collected") {
            return Err(format!("cannot collect garbage in the page: {collected}"));
        }
        page.evaluate("document.getElementById('unreferenced-chart').style.height = '300px';")
            .await?;
        let redrawn = page.wait_until_redrawn_in("#unreferenced-chart").await;
        let failures = redraw_and_console_failures(&page, redrawn).await?;
        check(failures).map_err(|problems| {
            format!(
                "a chart whose handle was dropped, after garbage collection, given a new \
                 height:\n{problems}"
            )
        })
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_window_ten_thousand_pixels_wide_still_gets_a_chart() {
    with_browser(BrowserOptions::default(), |page| async move {
        page.open(CHINESE).await?;
        page.console_messages().await?;
        page.client
            .set_window_size(10_000, 800)
            .await
            .map_err(|error| format!("cannot resize the window to 10000×800: {error}"))?;
        // Chromium may clamp the window; what matters is the size it really has.
        let viewport = page.evaluate("return window.innerWidth;").await?;
        let redrawn = page.wait_until_redrawn_in(PAGE_CHART).await;
        let mut failures = redraw_and_console_failures(&page, redrawn).await?;
        if viewport.as_f64().unwrap_or_default() < 2000.0 {
            failures.push(format!(
                "the window was asked to be 10000 px wide but is only {viewport} px"
            ));
        }
        check(failures).map_err(|problems| format!("at a viewport {viewport} px wide:\n{problems}"))
    })
    .await;
}
