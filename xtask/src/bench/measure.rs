//! One run of one page: open it in a fresh browser, wait for its first ink, list what it
//! loaded, sweep the pointer over its points, and read the busy time and the memory.

use std::fs;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use super::{DRAW_TIMEOUT, TIMED_MOVES, TOTAL_MOVES, VIEWPORT};
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
    let script = "const canvas = document.createElement(\"canvas\");\n\
        canvas.width = 960;\ncanvas.height = 560;\ndocument.body.append(canvas);\n\
        const context = canvas.getContext(\"2d\");\ncontext.fillStyle = \"#ffffff\";\n\
        context.fillRect(0, 0, canvas.width, canvas.height);\n\
        for (let index = 0; index < 60; index++) {\n\
          context.fillStyle = index % 2 ? \"#1f77b4\" : \"#d62728\";\n\
          context.beginPath();\n\
          context.arc(40 + index * 15, 500 - index * 7, 5, 0, 2 * Math.PI);\n\
          context.fill();\n}\n";
    fs::write(dir.join("index.html"), page).context("cannot write the floor page")?;
    fs::write(dir.join("floor.js"), script).context("cannot write the floor page")?;
    Ok(())
}

/// Installed before any of the page's scripts: looks for ink on the page's canvases on every
/// animation frame and records when it first appears.
const FIRST_INK_SCRIPT: &str = "(() => {
  const look = () => {
    for (const canvas of document.querySelectorAll('canvas')) {
      if (canvas.width > 0 && canvas.height > 0) {
        const row = canvas.getContext('2d')
          .getImageData(0, canvas.height >> 1, canvas.width, 1).data;
        for (let index = 3; index < row.length; index += 4) {
          if (row[index] !== 0) {
            window.__benchFirstInk = performance.now();
            return;
          }
        }
      }
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();";

/// The box (viewport CSS px) the pointer sweeps: the drawn points, or the floor canvas.
pub(crate) type PathBox = (f64, f64, f64, f64);

/// Opens `url` in a fresh browser and measures it. Returns the run, the site paths of the
/// responses it loaded, and the box of its drawn points (for the floor page's path).
pub(crate) fn measure_page(
    driver: &ChromeDriver,
    chromium: &Path,
    url: &str,
    path_box: Option<PathBox>,
) -> Result<(Run, Vec<String>, Option<PathBox>)> {
    // Headless Chromium without a GPU or extensions, at a pixel ratio of 1.
    let browser = Session::start(&driver.url(), VIEWPORT, |config| {
        config.chromium = Some(chromium.to_path_buf());
        config.device_scale_factor = Some(1);
        config.extra_arguments = vec!["--disable-extensions".to_owned()];
    })?;
    measure_in(&browser, url, path_box)
}

/// The time (ms) from navigation to the chart's first ink on `url`; an error
/// when the chart reports one or draws nothing in time.
fn first_ink(browser: &Session, url: &str) -> Result<f64> {
    let started = Instant::now();
    loop {
        let found = browser.execute(
            "const figure = document.getElementById('chart');
             return { ink: window.__benchFirstInk ?? null,
                      state: figure && figure.getAttribute('data-state') };",
        )?;
        if found["state"] == "error" {
            bail!("the chart reports an error on {url}");
        }
        if let Some(ink) = found["ink"].as_f64() {
            return Ok(ink);
        }
        if started.elapsed() > DRAW_TIMEOUT {
            bail!("nothing was drawn on {url} within {DRAW_TIMEOUT:?}");
        }
        thread::sleep(Duration::from_millis(50));
    }
}

/// The site's files the page requested (`index.html` for a folder), in
/// order, each once.
fn requested_paths(browser: &Session, url: &str) -> Result<Vec<String>> {
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

fn measure_in(
    browser: &Session,
    url: &str,
    path_box: Option<PathBox>,
) -> Result<(Run, Vec<String>, Option<PathBox>)> {
    browser.devtools(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": FIRST_INK_SCRIPT }),
    )?;
    browser.devtools("Performance.enable", json!({}))?;
    browser.navigate(url)?;
    let first_draw_ms = first_ink(browser, url)?;
    // Let the page settle (the chart may be ready a frame after its first ink).
    thread::sleep(Duration::from_millis(500));

    let paths = requested_paths(browser, url)?;

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
    let sweep = plot_box.or(path_box).unwrap_or((60.0, 120.0, 900.0, 500.0));

    let heap_after_load = heap_used(browser)?;
    let wasm_after_load = wasm_memory(browser)?;

    // The pointer enters the plot, then the timed moves.
    let positions = pointer_path(sweep, TOTAL_MOVES);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pointer_path_stays_in_its_box_and_sweeps_across_it() {
        let path = pointer_path((100.0, 50.0, 500.0, 250.0), TOTAL_MOVES);
        assert_eq!(path.len(), TOTAL_MOVES);
        for (x, y) in &path {
            assert!((100.0..=500.0).contains(x) && (50.0..=250.0).contains(y));
        }
        let xs: Vec<f64> = path[..TIMED_MOVES].iter().map(|(x, _)| *x).collect();
        assert!(xs.first().is_some_and(|x| *x < 110.0));
        assert!(xs.last().is_some_and(|x| *x > 490.0));
    }
}
