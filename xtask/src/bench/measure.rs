//! One run of one page: open it in a fresh browser, wait for its first ink, list what it
//! loaded, sweep the pointer over its points, and read the busy time and the memory.

use std::fs;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use super::{
    Profile, DRAW_TIMEOUT, PHONE_CPU_SLOWDOWN, PHONE_NETWORK, PHONE_PIXEL_RATIO, TIMED_MOVES,
    TOOLTIP_TIMEOUT,
};
use crate::browser::ChromeDriver;
use crate::dist;
use crate::webdriver::Session;

/// One response the page loaded.
#[derive(Debug, Clone)]
pub(crate) struct Response {
    pub(crate) path: String,
    pub(crate) raw: u64,
    pub(crate) gzip: u64,
    pub(crate) brotli: u64,
}

/// One run's measurements of one page.
#[derive(Debug, Clone, Default)]
pub(crate) struct Run {
    pub(crate) first_draw_ms: f64,
    /// What showed first: `canvas`, `svg` or `svg image`.
    pub(crate) first_chart_kind: Option<String>,
    /// `None` where no tooltip was looked for or none showed.
    pub(crate) first_tooltip_ms: Option<f64>,
    pub(crate) busy_per_move_ms: f64,
    pub(crate) heap_after_load: f64,
    pub(crate) heap_after_moves: f64,
    pub(crate) wasm_after_load: Option<f64>,
    pub(crate) wasm_after_moves: Option<f64>,
}

/// The raw, gzip -9 and brotli 11 sizes of a file of the site.
pub(crate) fn response_sizes(site: &Path, path: &str) -> Result<Response> {
    let file = site.join(path);
    let bytes = fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
    Ok(Response {
        path: path.to_owned(),
        raw: bytes.len() as u64,
        gzip: compressed_size(&file, "gz", &bytes, dist::gzip)?,
        brotli: compressed_size(&file, "br", &bytes, dist::brotli)?,
    })
}

/// The size of the precompressed copy `dist` wrote (`FILE.gz`, `FILE.br`), or of the file
/// compressed now where there is none (small files).
fn compressed_size(
    file: &Path,
    suffix: &str,
    bytes: &[u8],
    compress: fn(&[u8]) -> Result<Vec<u8>>,
) -> Result<u64> {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{suffix}"));
    match fs::metadata(file.with_file_name(name)) {
        Ok(metadata) => Ok(metadata.len()),
        Err(_) => Ok(compress(bytes)?.len() as u64),
    }
}

/// A page that costs the browser what any page costs: one canvas, drawn once, no handlers.
pub(crate) fn write_floor_page(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let page = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
        <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
        <title>Floor page</title>\n<script src=\"floor.js\" defer></script>\n</head>\n\
        <body>\n<p>A canvas drawn once, with no event handlers.</p>\n</body>\n</html>\n";
    // 960×560, or narrower to fit the viewport (the phone's).
    let script = "const canvas = document.createElement(\"canvas\");\n\
        const scale = Math.min(1, (document.documentElement.clientWidth - 16) / 960);\n\
        canvas.width = Math.round(960 * scale);\ncanvas.height = Math.round(560 * scale);\n\
        document.body.append(canvas);\n\
        const context = canvas.getContext(\"2d\");\ncontext.fillStyle = \"#ffffff\";\n\
        context.fillRect(0, 0, canvas.width, canvas.height);\n\
        for (let index = 0; index < 60; index++) {\n\
          context.fillStyle = index % 2 ? \"#1f77b4\" : \"#d62728\";\n\
          context.beginPath();\n\
          context.arc((40 + index * 15) * scale, (500 - index * 7) * scale, 5, 0, 2 * Math.PI);\n\
          context.fill();\n}\n";
    fs::write(dir.join("index.html"), page).context("cannot write the floor page")?;
    fs::write(dir.join("floor.js"), script).context("cannot write the floor page")?;
    Ok(())
}

/// Installed before any of the page's scripts: looks on every animation frame for a chart
/// shown (a canvas with ink in its middle row, an inline SVG with marks, an SVG image) and
/// for a visible tooltip (`[role=tooltip]`) with text, and records when each first appears
/// (`performance.now()`: ms from navigation start). Stops when both are seen or the bench
/// sets `__benchStop`.
const FIRST_INK_SCRIPT: &str = "(() => {
  const shown = element => {
    const rect = element.getBoundingClientRect();
    return rect.width >= 100 && rect.height >= 60 && rect.bottom > 0 && rect.top < innerHeight
      && (!element.checkVisibility
          || element.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
  };
  const inked = canvas => {
    if (canvas.width === 0 || canvas.height === 0) return false;
    const row = canvas.getContext('2d').getImageData(0, canvas.height >> 1, canvas.width, 1).data;
    for (let index = 3; index < row.length; index += 4) {
      if (row[index] !== 0) return true;
    }
    return false;
  };
  const chart = () => {
    for (const canvas of document.querySelectorAll('canvas')) {
      if (inked(canvas) && shown(canvas)) return 'canvas';
    }
    for (const svg of document.querySelectorAll('svg')) {
      if (svg.querySelectorAll('circle, ellipse, path, polygon, rect, use').length >= 20
          && shown(svg)) return 'svg';
    }
    for (const image of document.querySelectorAll('img')) {
      if (/[.]svg([?#]|$)/.test(image.currentSrc || image.src) && image.complete
          && image.naturalWidth > 0 && shown(image)) return 'svg image';
    }
    return null;
  };
  const tooltip = () => {
    for (const element of document.querySelectorAll('[role=tooltip]')) {
      if (!element.hidden && element.textContent.trim() !== ''
          && (!element.checkVisibility
              || element.checkVisibility({ opacityProperty: true, visibilityProperty: true }))) {
        return true;
      }
    }
    return false;
  };
  const look = () => {
    if (window.__benchStop) return;
    const now = performance.now();
    if (window.__benchFirstInk === undefined) {
      const kind = chart();
      if (kind) {
        window.__benchFirstInk = now;
        window.__benchFirstInkKind = kind;
      }
    }
    if (window.__benchFirstTooltip === undefined && tooltip()) {
      window.__benchFirstTooltip = now;
    }
    if (window.__benchFirstInk === undefined || window.__benchFirstTooltip === undefined) {
      requestAnimationFrame(look);
    }
  };
  requestAnimationFrame(look);
})();";

/// What the page has shown so far (a DevTools `Runtime.evaluate` expression).
const STATE_EXPRESSION: &str = "({
  href: location.href,
  ink: window.__benchFirstInk ?? null,
  kind: window.__benchFirstInkKind ?? null,
  tooltip: window.__benchFirstTooltip ?? null,
  state: document.getElementById('chart')?.getAttribute('data-state') ?? null,
  ready: document.readyState,
})";

/// The box (viewport CSS px) the pointer sweeps: the drawn points, or the floor canvas.
pub(crate) type PathBox = (f64, f64, f64, f64);

/// A fresh browser of `profile`: its viewport, and on the phone a mobile viewport with touch
/// at its pixel ratio. Navigation returns as soon as it starts (page load strategy `none`).
fn open_browser(driver: &ChromeDriver, chromium: &Path, profile: Profile) -> Result<Session> {
    let viewport = profile.viewport();
    // Headless Chromium without a GPU or extensions.
    let browser = Session::start(&driver.url(), viewport, |config| {
        config.chromium = Some(chromium.to_path_buf());
        config.device_scale_factor = (profile == Profile::Desktop).then_some(1);
        config.extra_arguments = vec!["--disable-extensions".to_owned()];
        config.page_load_strategy = Some("none");
    })?;
    if profile == Profile::Phone {
        browser.devtools(
            "Emulation.setDeviceMetricsOverride",
            json!({
                "width": viewport.0,
                "height": viewport.1,
                "deviceScaleFactor": PHONE_PIXEL_RATIO,
                "mobile": true,
            }),
        )?;
        browser.devtools(
            "Emulation.setTouchEmulationEnabled",
            json!({ "enabled": true, "maxTouchPoints": 5 }),
        )?;
    }
    Ok(browser)
}

/// Slows the phone's CPU and network, before the navigation.
fn throttle(browser: &Session, profile: Profile) -> Result<()> {
    if profile != Profile::Phone {
        return Ok(());
    }
    let (latency, download, upload) = PHONE_NETWORK;
    browser.devtools("Network.enable", json!({}))?;
    browser.devtools(
        "Network.emulateNetworkConditions",
        json!({
            "offline": false,
            "latency": latency,
            "downloadThroughput": download,
            "uploadThroughput": upload,
        }),
    )?;
    browser.devtools(
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": PHONE_CPU_SLOWDOWN }),
    )?;
    Ok(())
}

/// A position (viewport CSS px) where the mouse brings up a tooltip with text on `url`,
/// found in an unthrottled browser of `profile`: the drawn models nearest the middle of the
/// plot are tried in turn. `None` when none does.
pub(crate) fn find_hover_position(
    driver: &ChromeDriver,
    chromium: &Path,
    profile: Profile,
    url: &str,
) -> Result<Option<(f64, f64)>> {
    let browser = open_browser(driver, chromium, profile)?;
    browser.navigate(url)?;
    let started = Instant::now();
    let candidates = loop {
        let found = browser.execute(
            "const figure = document.getElementById('chart');
             if (!figure || !figure.chart || document.readyState !== 'complete') return null;
             const canvas = figure.querySelector('canvas');
             const rect = canvas.getBoundingClientRect();
             const points = figure.chart.drawnPoints()
               .filter(point => point.disclosed)
               .map(point => [rect.left + point.x, rect.top + point.y])
               .filter(([x, y]) => x > 8 && y > 8 && x < innerWidth - 8 && y < innerHeight - 8);
             if (points.length === 0) return null;
             const [cx, cy] = [rect.left + rect.width / 2, rect.top + rect.height / 2];
             points.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
             return points.slice(0, 20);",
        );
        if let Ok(Value::Array(points)) = found {
            break points;
        }
        if started.elapsed() > DRAW_TIMEOUT {
            bail!("no chart with points on {url} within {DRAW_TIMEOUT:?}");
        }
        thread::sleep(Duration::from_millis(100));
    };
    thread::sleep(Duration::from_millis(300));
    for candidate in candidates {
        let (Some(x), Some(y)) = (candidate[0].as_f64(), candidate[1].as_f64()) else {
            continue;
        };
        // Both positions the measured load alternates between must answer.
        let mut answers = true;
        for position in [(x, y), (x + 1.0, y)] {
            move_pointer(&browser, (1.0, 1.0))?;
            move_pointer(&browser, position)?;
            answers &= tooltip_shown(&browser)?;
        }
        if answers {
            return Ok(Some((x, y)));
        }
    }
    Ok(None)
}

/// Whether a tooltip with text is visible now.
fn tooltip_shown(browser: &Session) -> Result<bool> {
    let found = browser.execute(
        "return [...document.querySelectorAll('[role=tooltip]')].some(element =>
           !element.hidden && element.textContent.trim() !== '' && element.checkVisibility());",
    )?;
    Ok(found == Value::Bool(true))
}

/// Opens `url` in a fresh browser of `profile` and measures it; with `hover`, the mouse is
/// moved there every 10 ms from navigation on until a tooltip shows. Returns the run, the
/// site paths of the responses it loaded, and the box of its drawn points (for the floor
/// page's path, `path_box`).
pub(crate) fn measure_page(
    driver: &ChromeDriver,
    chromium: &Path,
    profile: Profile,
    url: &str,
    hover: Option<(f64, f64)>,
    path_box: Option<PathBox>,
) -> Result<(Run, Vec<String>, Option<PathBox>)> {
    let browser = open_browser(driver, chromium, profile)?;
    measure_in(&browser, profile, url, hover, path_box)
}

/// What [`STATE_EXPRESSION`] found.
#[derive(Debug, Default)]
struct PageState {
    ours: bool,
    ink: Option<f64>,
    kind: Option<String>,
    tooltip: Option<f64>,
    error: bool,
    complete: bool,
}

fn page_state(browser: &Session, url: &str) -> PageState {
    // The page may be between documents: an error is "nothing yet".
    let Ok(answer) = browser.devtools(
        "Runtime.evaluate",
        json!({ "expression": STATE_EXPRESSION, "returnByValue": true }),
    ) else {
        return PageState::default();
    };
    let value = &answer["result"]["value"];
    PageState {
        ours: value["href"]
            .as_str()
            .is_some_and(|href| href.starts_with(url)),
        ink: value["ink"].as_f64(),
        kind: value["kind"].as_str().map(str::to_owned),
        tooltip: value["tooltip"].as_f64(),
        error: value["state"] == "error",
        complete: value["ready"] == "complete",
    }
}

fn measure_in(
    browser: &Session,
    profile: Profile,
    url: &str,
    hover: Option<(f64, f64)>,
    path_box: Option<PathBox>,
) -> Result<(Run, Vec<String>, Option<PathBox>)> {
    browser.devtools(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": FIRST_INK_SCRIPT }),
    )?;
    browser.devtools("Performance.enable", json!({}))?;
    throttle(browser, profile)?;
    browser.navigate(url)?;
    let state = wait_for_chart(browser, url, hover)?;
    let first_draw_ms = state.ink.unwrap_or(f64::NAN);
    let first_tooltip_ms = hover.and(state.tooltip);
    // Stop looking, and let the page settle (the chart may be ready a frame after its ink).
    browser.execute("window.__benchStop = true; return null;")?;
    thread::sleep(Duration::from_millis(500));

    let paths = response_paths(browser, url)?;

    let plot_box = plot_box(browser)?;
    let sweep = plot_box.or(path_box).unwrap_or_else(|| {
        let (width, height) = profile.viewport();
        (
            60.0,
            120.0,
            f64::from(width) - 100.0,
            f64::from(height) - 200.0,
        )
    });

    let heap_after_load = heap_used(browser)?;
    let wasm_after_load = wasm_memory(browser)?;

    // The pointer enters the plot, then the timed moves.
    let positions = pointer_path(sweep, profile.total_moves());
    move_pointer(browser, positions[0])?;
    let busy_before = task_duration(browser)?;
    for position in &positions[..TIMED_MOVES] {
        move_pointer(browser, *position)?;
    }
    let busy_after = task_duration(browser)?;
    for position in &positions[TIMED_MOVES..] {
        move_pointer(browser, *position)?;
    }
    let heap_after_moves = heap_used(browser)?;
    let wasm_after_moves = wasm_memory(browser)?;
    let run = Run {
        first_draw_ms,
        first_chart_kind: state.kind,
        first_tooltip_ms,
        busy_per_move_ms: (busy_after - busy_before) * 1000.0 / TIMED_MOVES as f64,
        heap_after_load,
        heap_after_moves,
        wasm_after_load,
        wasm_after_moves,
    };
    Ok((run, paths, plot_box))
}

/// `count` positions sweeping the box left to right and back, waving up and down across it:
/// the same path for every page.
fn pointer_path((left, top, right, bottom): PathBox, count: usize) -> Vec<(f64, f64)> {
    let sweep = TIMED_MOVES as f64;
    (0..count)
        .map(|index| {
            let phase = index as f64 / sweep;
            // There and back: 0 → 1 → 0 over 2 × TIMED_MOVES positions.
            let across = 1.0 - ((phase % 2.0) - 1.0).abs();
            let wave = (phase * 6.0 * std::f64::consts::TAU).sin();
            (
                left + (right - left) * across,
                (top + bottom) / 2.0 + (bottom - top) / 2.0 * wave,
            )
        })
        .collect()
}

/// Moves the mouse to `(x, y)` (viewport CSS px) and waits for the next animation frame, so
/// that each position is its own `pointermove`.
fn move_pointer(browser: &Session, (x, y): (f64, f64)) -> Result<()> {
    browser.devtools(
        "Input.dispatchMouseEvent",
        json!({ "type": "mouseMoved", "x": x, "y": y, "button": "none" }),
    )?;
    browser.devtools(
        "Runtime.evaluate",
        json!({
            "expression": "new Promise(resolve => requestAnimationFrame(() => resolve(0)))",
            "awaitPromise": true,
        }),
    )?;
    Ok(())
}

/// The renderer main thread's busy time so far, in seconds.
fn task_duration(browser: &Session) -> Result<f64> {
    metric(browser, "TaskDuration")
}

/// The JS heap in use after a full garbage collection, in bytes.
fn heap_used(browser: &Session) -> Result<f64> {
    browser.devtools("HeapProfiler.collectGarbage", json!({}))?;
    metric(browser, "JSHeapUsedSize")
}

fn metric(browser: &Session, name: &str) -> Result<f64> {
    let metrics = browser.devtools("Performance.getMetrics", json!({}))?;
    metrics["metrics"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|metric| metric["name"] == name)
        .and_then(|metric| metric["value"].as_f64())
        .with_context(|| format!("no {name} in the performance metrics: {metrics}"))
}

/// The chart module's wasm memory in bytes; `None` on a page without it.
fn wasm_memory(browser: &Session) -> Result<Option<f64>> {
    let found = browser.execute_async(
        "const done = arguments[arguments.length - 1];
         if (!document.getElementById('chart')) { done(null); return; }
         import(new URL('pkg/param_scale.js', document.baseURI).href)
           .then(module => module.default())
           .then(wasm => done(wasm.memory.buffer.byteLength))
           .catch(() => done(null));",
    )?;
    Ok(found.as_f64())
}

/// Waits from navigation on until the page shows a chart (and, with
/// `hover`, a tooltip at that position, which it hovers every ~10 ms).
fn wait_for_chart(browser: &Session, url: &str, hover: Option<(f64, f64)>) -> Result<PageState> {
    let started = Instant::now();
    let mut step = 0_usize;
    let state = loop {
        let tick = Instant::now();
        if let Some((x, y)) = hover {
            // One pixel either way, so that every dispatch is a move.
            browser.devtools(
                "Input.dispatchMouseEvent",
                json!({ "type": "mouseMoved", "x": x + (step % 2) as f64, "y": y, "button": "none" }),
            )?;
        }
        if hover.is_none() || step.is_multiple_of(5) {
            let state = page_state(browser, url);
            if state.ours && state.error {
                bail!("the chart reports an error on {url}");
            }
            let tooltip_done =
                hover.is_none() || state.tooltip.is_some() || started.elapsed() > TOOLTIP_TIMEOUT;
            if state.ours && state.ink.is_some() && state.complete && tooltip_done {
                break state;
            }
            if started.elapsed() > DRAW_TIMEOUT {
                bail!("nothing was drawn on {url} within {DRAW_TIMEOUT:?}");
            }
        }
        step += 1;
        let pause = if hover.is_some() { 10 } else { 50 };
        thread::sleep(Duration::from_millis(pause).saturating_sub(tick.elapsed()));
    };
    Ok(state)
}

/// The paths of the site every response of the load came from.
fn response_paths(browser: &Session, url: &str) -> Result<Vec<String>> {
    let entries = browser.execute(
        "return performance.getEntriesByType('navigation')
             .concat(performance.getEntriesByType('resource'))
             .map(entry => entry.name);",
    )?;
    let origin = url.trim_end_matches('/');
    let mut paths = Vec::new();
    for entry in entries.as_array().into_iter().flatten() {
        let name = entry.as_str().unwrap_or_default();
        let Some(rest) = name.strip_prefix(origin) else {
            continue;
        };
        let path = rest.split(['?', '#']).next().unwrap_or_default();
        let path = path.trim_start_matches('/');
        let path = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_owned()
        };
        if !paths.contains(&path) {
            paths.push(path);
        }
    }

    Ok(paths)
}

/// The box around the disclosed points, in viewport pixels, where the
/// timed pointer moves go; `None` on a page without the chart.
fn plot_box(browser: &Session) -> Result<Option<PathBox>> {
    let plot_box = browser.execute(
        "const figure = document.getElementById('chart');
         if (!figure || !figure.chart) return null;
         const canvas = figure.querySelector('canvas');
         const rect = canvas.getBoundingClientRect();
         let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
         for (const point of figure.chart.drawnPoints()) {
           if (!point.disclosed) continue;
           left = Math.min(left, point.x); right = Math.max(right, point.x);
           top = Math.min(top, point.y); bottom = Math.max(bottom, point.y);
         }
         return [rect.left + left, rect.top + top, rect.left + right, rect.top + bottom];",
    )?;
    let plot_box = plot_box.as_array().and_then(|values| {
        let number = |index: usize| values.get(index).and_then(Value::as_f64);
        Some((number(0)?, number(1)?, number(2)?, number(3)?))
    });
    Ok(plot_box)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pointer_path_stays_in_its_box_and_sweeps_across_it() {
        let path = pointer_path((100.0, 50.0, 500.0, 250.0), 1000);
        assert_eq!(path.len(), 1000);
        for (x, y) in &path {
            assert!((100.0..=500.0).contains(x) && (50.0..=250.0).contains(y));
        }
        let xs: Vec<f64> = path[..TIMED_MOVES].iter().map(|(x, _)| *x).collect();
        assert!(xs.first().is_some_and(|x| *x < 110.0));
        assert!(xs.last().is_some_and(|x| *x > 490.0));
    }
}
