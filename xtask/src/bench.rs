//! `cargo xtask bench`: what the chart costs a reader, measured in real headless Chromium.
//!
//! The site is built three times — with the real data and with 3,000 and 100,000 synthetic
//! models ([`crate::synthetic`]) — and each build is served from 127.0.0.1 and opened in a
//! fresh headless Chromium (`--disable-gpu`, cold cache) several times. Each run measures:
//!
//! - **bytes**: every response the page loads (the navigation and resource timing entries),
//!   raw and gzip -9 each, and the total;
//! - **first draw**: milliseconds from navigation start until a canvas holds ink, looked for
//!   on every animation frame by a script installed before the page's own;
//! - **pointer cost**: the pointer moves one step per frame along a fixed path of
//!   [`TIMED_MOVES`] positions over the plot, dispatched through the DevTools protocol as a
//!   user's mouse; the renderer's main-thread `TaskDuration` (`Performance.getMetrics`)
//!   before and after, divided by the moves. The browser spends about a millisecond per move
//!   on any page, so a *floor page* — one canvas drawn once, no handlers — is measured the
//!   same way in the same run and subtracted;
//! - **memory**: the JS heap (after a forced garbage collection) and the wasm memory, after
//!   load and after [`TOTAL_MOVES`] moves.
//!
//! The medians of the runs go to a JSON file (`target/bench.json`) and a Markdown table on
//! stdout (the one in the README). Benchmarks report numbers; no test ever times anything.
//!
//! ChromeDriver forwards DevTools commands (`goog/cdp/execute`), so this needs no WebSocket:
//! a small WebDriver client over [`crate::webdriver::http_request`] is enough.

use std::fs;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use crate::browser::{self, ChromeDriver};
use crate::dist::{self, DistOptions};
use crate::process::workspace_root;
use crate::serve;
use crate::webdriver::{command, headless_capabilities, HttpMethod};

/// How many times each page is measured when `--runs` is not given.
pub const DEFAULT_RUNS: usize = 3;

/// The pointer moves whose main-thread time is measured.
const TIMED_MOVES: usize = 300;
/// The pointer moves made in all before the memory is read again.
const TOTAL_MOVES: usize = 1000;

/// The browser viewport, in CSS pixels (a wide chart: every label is placed).
const VIEWPORT: (u32, u32) = (1000, 700);

/// How long the chart may take to draw.
const DRAW_TIMEOUT: Duration = Duration::from_secs(60);

/// What `bench` was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchOptions {
    /// How many times each page is measured; the medians are reported.
    pub runs: usize,
    /// Where the JSON goes, instead of `target/bench.json`.
    pub out: Option<PathBuf>,
    /// Measure only the case with this slug (`real`, `3000` or `100000`).
    pub only: Option<String>,
}

/// A data set the site is built with.
struct Case {
    name: &'static str,
    slug: &'static str,
    synthetic: Option<usize>,
    /// Targets: first draw (ms), busy per move minus the floor (ms).
    targets: (f64, f64),
}

const CASES: [Case; 3] = [
    Case {
        name: "real data",
        slug: "real",
        synthetic: None,
        targets: (150.0, 0.15),
    },
    Case {
        name: "3,000",
        slug: "3000",
        synthetic: Some(3_000),
        targets: (200.0, 0.5),
    },
    Case {
        name: "100,000",
        slug: "100000",
        synthetic: Some(100_000),
        targets: (450.0, 1.0),
    },
];

/// The gzip -9 total the real data's responses must stay within, in bytes.
const GZIP_TARGET: f64 = 70.0 * 1024.0;
/// The most the JS heap may grow over the moves, in bytes.
const HEAP_GROWTH_TARGET: f64 = 0.5 * 1024.0 * 1024.0;

/// One response the page loaded.
#[derive(Debug, Clone)]
struct Response {
    path: String,
    raw: u64,
    gzip: u64,
    brotli: u64,
}

/// One run's measurements of one page.
#[derive(Debug, Clone, Default)]
struct Run {
    first_draw_ms: f64,
    busy_per_move_ms: f64,
    heap_after_load: f64,
    heap_after_moves: f64,
    wasm_after_load: Option<f64>,
    wasm_after_moves: Option<f64>,
}

/// Builds, serves and measures every case; prints the table and writes the JSON.
pub fn run(options: &BenchOptions) -> Result<()> {
    let tools = browser::ensure_installed()?;
    let root = workspace_root();
    let bench_dir = root.join("target").join("bench");
    fs::create_dir_all(&bench_dir)
        .with_context(|| format!("cannot create {}", bench_dir.display()))?;

    let cases: Vec<&Case> = CASES
        .iter()
        .filter(|case| options.only.as_deref().is_none_or(|only| only == case.slug))
        .collect();
    if cases.is_empty() {
        bail!(
            "`--only` takes one of: {}",
            CASES.map(|case| case.slug).join(", ")
        );
    }
    let mut sites = Vec::new();
    for case in &cases {
        let started = Instant::now();
        let out = dist::run(&DistOptions {
            synthetic: case.synthetic,
            out: Some(bench_dir.join(format!("site-{}", case.slug))),
            ..DistOptions::default()
        })?;
        let build_seconds = started.elapsed().as_secs_f64();
        println!("Built the {} site in {build_seconds:.1} s", case.name);
        let address = serve::spawn(&out, ("127.0.0.1", 0)).context("cannot start a server")?;
        sites.push((out, format!("http://{address}/"), build_seconds));
    }
    let floor_dir = bench_dir.join("floor");
    write_floor_page(&floor_dir)?;
    let floor_address =
        serve::spawn(&floor_dir, ("127.0.0.1", 0)).context("cannot start a server")?;
    let floor_url = format!("http://{floor_address}/");

    let log_path = bench_dir.join("chromedriver.log");
    let driver = ChromeDriver::start(&tools.chromedriver, &log_path)?;
    let mut runs: Vec<Vec<Run>> = vec![Vec::new(); cases.len()];
    let mut floors: Vec<Run> = Vec::new();
    let mut responses: Vec<Vec<Response>> = vec![Vec::new(); cases.len()];
    for run_index in 0..options.runs {
        // The floor page is measured in every run, along the real data's path.
        let mut path_box = None;
        for (case_index, case) in cases.iter().enumerate() {
            let (site, url, _) = &sites[case_index];
            println!(
                "Run {}/{}: {} ({url})",
                run_index + 1,
                options.runs,
                case.name
            );
            let (measured, found, plot_box) = measure_page(&driver, &tools.chromium, url, None)
                .with_context(|| format!("cannot measure {url} (log: {})", log_path.display()))?;
            if responses[case_index].is_empty() {
                responses[case_index] = found
                    .iter()
                    .map(|path| response_sizes(site, path))
                    .collect::<Result<_>>()?;
            }
            path_box = path_box.or(plot_box);
            runs[case_index].push(measured);
        }
        println!("Run {}/{}: floor page", run_index + 1, options.runs);
        let (floor, _, _) = measure_page(&driver, &tools.chromium, &floor_url, path_box)
            .context("cannot measure the floor page")?;
        floors.push(floor);
    }
    drop(driver);

    let floor_busy = median(floors.iter().map(|run| run.busy_per_move_ms));
    let report = Report {
        runs: options.runs,
        floor_busy,
        floor_first_draw: median(floors.iter().map(|run| run.first_draw_ms)),
        cases: cases
            .iter()
            .enumerate()
            .map(|(index, case)| {
                CaseReport::new(
                    case,
                    &runs[index],
                    &responses[index],
                    sites[index].2,
                    floor_busy,
                )
            })
            .collect(),
    };
    let json_path = match &options.out {
        Some(out) => out.clone(),
        None => root.join("target").join("bench.json"),
    };
    let json = serde_json::to_string_pretty(&report.to_json())?;
    fs::write(&json_path, json + "\n")
        .with_context(|| format!("cannot write {}", json_path.display()))?;
    println!("\n{}", report.responses_table());
    println!("{}", report.table());
    println!("Wrote {}", json_path.display());
    Ok(())
}

/// The median of some numbers (the mean of the middle two for an even count).
fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// The medians of one case.
struct CaseReport {
    name: &'static str,
    targets: (f64, f64),
    build_seconds: f64,
    responses: Vec<Response>,
    first_draw_ms: f64,
    busy_per_move_ms: f64,
    busy_minus_floor_ms: f64,
    heap_after_load: f64,
    heap_after_moves: f64,
    wasm_after_load: Option<f64>,
    wasm_after_moves: Option<f64>,
}

impl CaseReport {
    fn new(
        case: &Case,
        runs: &[Run],
        responses: &[Response],
        build_seconds: f64,
        floor_busy: f64,
    ) -> CaseReport {
        let busy = median(runs.iter().map(|run| run.busy_per_move_ms));
        let optional = |values: Vec<Option<f64>>| -> Option<f64> {
            let values: Option<Vec<f64>> = values.into_iter().collect();
            values.map(|values| median(values.into_iter()))
        };
        CaseReport {
            name: case.name,
            targets: case.targets,
            build_seconds,
            responses: responses.to_vec(),
            first_draw_ms: median(runs.iter().map(|run| run.first_draw_ms)),
            busy_per_move_ms: busy,
            busy_minus_floor_ms: busy - floor_busy,
            heap_after_load: median(runs.iter().map(|run| run.heap_after_load)),
            heap_after_moves: median(runs.iter().map(|run| run.heap_after_moves)),
            wasm_after_load: optional(runs.iter().map(|run| run.wasm_after_load).collect()),
            wasm_after_moves: optional(runs.iter().map(|run| run.wasm_after_moves).collect()),
        }
    }

    fn total(&self, size: impl Fn(&Response) -> u64) -> u64 {
        self.responses.iter().map(size).sum()
    }
}

/// Everything measured.
struct Report {
    runs: usize,
    floor_busy: f64,
    /// The floor page's first draw: what navigation alone costs.
    floor_first_draw: f64,
    cases: Vec<CaseReport>,
}

const KB: f64 = 1024.0;
const MB: f64 = 1024.0 * 1024.0;

impl Report {
    fn to_json(&self) -> Value {
        let cases: Vec<Value> = self
            .cases
            .iter()
            .map(|case| {
                json!({
                    "name": case.name,
                    "build_seconds": case.build_seconds,
                    "responses": case.responses.iter().map(|response| json!({
                        "path": response.path,
                        "raw_bytes": response.raw,
                        "gzip9_bytes": response.gzip,
                        "brotli11_bytes": response.brotli,
                    })).collect::<Vec<_>>(),
                    "total_raw_bytes": case.total(|response| response.raw),
                    "total_gzip9_bytes": case.total(|response| response.gzip),
                    "total_brotli11_bytes": case.total(|response| response.brotli),
                    "first_draw_ms": case.first_draw_ms,
                    "busy_per_move_ms": case.busy_per_move_ms,
                    "busy_per_move_minus_floor_ms": case.busy_minus_floor_ms,
                    "js_heap_after_load_bytes": case.heap_after_load,
                    "js_heap_after_moves_bytes": case.heap_after_moves,
                    "wasm_memory_after_load_bytes": case.wasm_after_load,
                    "wasm_memory_after_moves_bytes": case.wasm_after_moves,
                    "targets": {
                        "first_draw_ms": case.targets.0,
                        "busy_per_move_minus_floor_ms": case.targets.1,
                        "js_heap_growth_bytes": HEAP_GROWTH_TARGET,
                    },
                })
            })
            .collect();
        json!({
            "viewport": [VIEWPORT.0, VIEWPORT.1],
            "runs": self.runs,
            "timed_moves": TIMED_MOVES,
            "total_moves": TOTAL_MOVES,
            "floor_busy_per_move_ms": self.floor_busy,
            "floor_first_draw_ms": self.floor_first_draw,
            "cases": cases,
        })
    }

    /// Every response of every case, raw, gzip -9 and brotli 11.
    fn responses_table(&self) -> String {
        let mut text = String::new();
        for case in &self.cases {
            text.push_str(&format!(
                "Responses, {}:\n| response | raw | gzip -9 | brotli 11 |\n|---|--:|--:|--:|\n",
                case.name
            ));
            for response in &case.responses {
                text.push_str(&format!(
                    "| `{}` | {:.1} KB | {:.1} KB | {:.1} KB |\n",
                    response.path,
                    response.raw as f64 / KB,
                    response.gzip as f64 / KB,
                    response.brotli as f64 / KB
                ));
            }
            text.push_str(&format!(
                "| total | {:.1} KB | {:.1} KB | {:.1} KB |\n\n",
                case.total(|response| response.raw) as f64 / KB,
                case.total(|response| response.gzip) as f64 / KB,
                case.total(|response| response.brotli) as f64 / KB
            ));
        }
        text
    }

    /// The README's table: medians, with the targets.
    fn table(&self) -> String {
        let mut text = String::from("| figure (median of ");
        text.push_str(&format!("{} runs)", self.runs));
        for case in &self.cases {
            text.push_str(&format!(" | {}", case.name));
        }
        text.push_str(" |\n|---");
        text.push_str(&"|--:".repeat(self.cases.len()));
        text.push_str("|\n");
        let mut row = |label: &str, cell: &dyn Fn(&CaseReport) -> String| {
            text.push_str(&format!("| {label}"));
            for case in &self.cases {
                text.push_str(&format!(" | {}", cell(case)));
            }
            text.push_str(" |\n");
        };
        let mark = |ok: bool| if ok { "✓" } else { "✗" };
        row("all responses, raw total", &|case| {
            format!("{:.0} KB", case.total(|response| response.raw) as f64 / KB)
        });
        row(
            "all responses, gzip -9 total (target ≤ 70 KB, real data)",
            &|case| {
                let gzip = case.total(|response| response.gzip) as f64;
                if case.name == CASES[0].name {
                    format!("{:.1} KB {}", gzip / KB, mark(gzip <= GZIP_TARGET))
                } else {
                    format!("{:.1} KB", gzip / KB)
                }
            },
        );
        row(
            &format!(
                "first drawn chart after navigation start (floor page: {:.0} ms)",
                self.floor_first_draw
            ),
            &|case| {
                format!(
                    "{:.0} ms (≤ {:.0}) {}",
                    case.first_draw_ms,
                    case.targets.0,
                    mark(case.first_draw_ms <= case.targets.0)
                )
            },
        );
        row(
            &format!(
                "main-thread busy per pointer move, minus the floor page ({:.2} ms)",
                self.floor_busy
            ),
            &|case| {
                format!(
                    "{:.3} ms (≤ {}) {}",
                    case.busy_minus_floor_ms,
                    case.targets.1,
                    mark(case.busy_minus_floor_ms <= case.targets.1)
                )
            },
        );
        row("JS heap after load", &|case| {
            format!("{:.2} MB", case.heap_after_load / MB)
        });
        row(
            &format!("JS heap after {TOTAL_MOVES} moves minus after load (≤ 0.5 MB)"),
            &|case| {
                let growth = case.heap_after_moves - case.heap_after_load;
                format!(
                    "{:+.3} MB {}",
                    growth / MB,
                    mark(growth <= HEAP_GROWTH_TARGET)
                )
            },
        );
        row("wasm memory after load → after the moves", &|case| match (
            case.wasm_after_load,
            case.wasm_after_moves,
        ) {
            (Some(load), Some(moves)) => format!("{:.1} → {:.1} MB", load / MB, moves / MB),
            _ => "–".to_owned(),
        });
        row("site build (`cargo xtask dist`), warm", &|case| {
            format!("{:.0} s", case.build_seconds)
        });
        text
    }
}

/// The raw, gzip -9 and brotli 11 sizes of a file of the site.
fn response_sizes(site: &Path, path: &str) -> Result<Response> {
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
fn write_floor_page(dir: &Path) -> Result<()> {
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
type PathBox = (f64, f64, f64, f64);

/// Opens `url` in a fresh browser and measures it. Returns the run, the site paths of the
/// responses it loaded, and the box of its drawn points (for the floor page's path).
fn measure_page(
    driver: &ChromeDriver,
    chromium: &Path,
    url: &str,
    path_box: Option<PathBox>,
) -> Result<(Run, Vec<String>, Option<PathBox>)> {
    let profile = bench_profile_dir();
    let browser = Browser::start(&driver.url(), capabilities(chromium, &profile))?;
    let result = measure_in(&browser, url, path_box);
    drop(browser);
    let _ = fs::remove_dir_all(&profile);
    result
}

fn measure_in(
    browser: &Browser,
    url: &str,
    path_box: Option<PathBox>,
) -> Result<(Run, Vec<String>, Option<PathBox>)> {
    browser.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": FIRST_INK_SCRIPT }),
    )?;
    browser.cdp("Performance.enable", json!({}))?;
    browser.navigate(url)?;
    let started = Instant::now();
    let first_draw_ms = loop {
        let found = browser.execute(
            "const figure = document.getElementById('chart');
             return { ink: window.__benchFirstInk ?? null,
                      state: figure && figure.getAttribute('data-state') };",
        )?;
        if found["state"] == "error" {
            bail!("the chart reports an error on {url}");
        }
        if let Some(ink) = found["ink"].as_f64() {
            break ink;
        }
        if started.elapsed() > DRAW_TIMEOUT {
            bail!("nothing was drawn on {url} within {DRAW_TIMEOUT:?}");
        }
        thread::sleep(Duration::from_millis(50));
    };
    // Let the page settle (the chart may be ready a frame after its first ink).
    thread::sleep(Duration::from_millis(500));

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
fn move_pointer(browser: &Browser, (x, y): (f64, f64)) -> Result<()> {
    browser.cdp(
        "Input.dispatchMouseEvent",
        json!({ "type": "mouseMoved", "x": x, "y": y, "button": "none" }),
    )?;
    browser.cdp(
        "Runtime.evaluate",
        json!({
            "expression": "new Promise(resolve => requestAnimationFrame(() => resolve(0)))",
            "awaitPromise": true,
        }),
    )?;
    Ok(())
}

/// The renderer main thread's busy time so far, in seconds.
fn task_duration(browser: &Browser) -> Result<f64> {
    metric(browser, "TaskDuration")
}

/// The JS heap in use after a full garbage collection, in bytes.
fn heap_used(browser: &Browser) -> Result<f64> {
    browser.cdp("HeapProfiler.collectGarbage", json!({}))?;
    metric(browser, "JSHeapUsedSize")
}

fn metric(browser: &Browser, name: &str) -> Result<f64> {
    let metrics = browser.cdp("Performance.getMetrics", json!({}))?;
    metrics["metrics"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|metric| metric["name"] == name)
        .and_then(|metric| metric["value"].as_f64())
        .with_context(|| format!("no {name} in the performance metrics: {metrics}"))
}

/// The chart module's wasm memory in bytes; `None` on a page without it.
fn wasm_memory(browser: &Browser) -> Result<Option<f64>> {
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

/// A fresh profile folder for one browser session.
fn bench_profile_dir() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.subsec_nanos())
        .unwrap_or_default();
    std::env::temp_dir().join(format!(
        "param-scale-bench-profile-{}-{nanos}",
        std::process::id()
    ))
}

/// Headless Chromium without a GPU or extensions, loading pages fully.
fn capabilities(chromium: &Path, profile: &Path) -> Value {
    let mut capabilities =
        headless_capabilities(chromium, profile, VIEWPORT, &["--disable-extensions"]);
    capabilities["pageLoadStrategy"] = json!("normal");
    capabilities
}

/// A WebDriver session that can also send DevTools commands; ended when dropped.
struct Browser {
    authority: String,
    id: String,
}

impl Browser {
    fn start(driver_url: &str, capabilities: Value) -> Result<Browser> {
        let authority = driver_url
            .strip_prefix("http://")
            .map(|rest| rest.trim_end_matches('/').to_owned())
            .with_context(|| format!("the WebDriver URL must be http://, not {driver_url}"))?;
        let body = json!({ "capabilities": { "alwaysMatch": capabilities } });
        let value = command(&authority, HttpMethod::Post, "/session", Some(&body))
            .context("cannot start a browser session")?;
        let id = value["sessionId"]
            .as_str()
            .with_context(|| format!("ChromeDriver gave no session id: {value}"))?
            .to_owned();
        Ok(Browser { authority, id })
    }

    fn post(&self, path: &str, body: &Value) -> Result<Value> {
        let path = format!("/session/{}{path}", self.id);
        command(&self.authority, HttpMethod::Post, &path, Some(body))
    }

    fn navigate(&self, url: &str) -> Result<()> {
        self.post("/url", &json!({ "url": url }))
            .with_context(|| format!("cannot open {url}"))
            .map(drop)
    }

    fn execute(&self, script: &str) -> Result<Value> {
        self.post("/execute/sync", &json!({ "script": script, "args": [] }))
    }

    fn execute_async(&self, script: &str) -> Result<Value> {
        self.post("/execute/async", &json!({ "script": script, "args": [] }))
    }

    /// Sends a DevTools protocol command to the page and returns its result.
    fn cdp(&self, command: &str, parameters: Value) -> Result<Value> {
        self.post(
            "/goog/cdp/execute",
            &json!({ "cmd": command, "params": parameters }),
        )
        .with_context(|| format!("DevTools command {command} failed"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let path = format!("/session/{}", self.id);
        let _ = command(&self.authority, HttpMethod::Delete, &path, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_odd_and_an_even_count() {
        assert_eq!(median([3.0, 1.0, 2.0].into_iter()), 2.0);
        assert_eq!(median([4.0, 1.0, 2.0, 3.0].into_iter()), 2.5);
        assert!(median(std::iter::empty()).is_nan());
    }

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
