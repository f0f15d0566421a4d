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
//! the project's one WebDriver client ([`crate::webdriver`]) sends them.
//!
//! This file builds, serves and runs the cases; [`measure`] opens a page and measures one
//! run of it, and [`report`] turns the runs into medians, the JSON and the tables.

mod measure;
mod report;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::browser::{self, ChromeDriver};
use crate::dist::{self, DistOptions};
use crate::process::workspace_root;
use crate::serve;

use self::measure::{measure_page, response_sizes, write_floor_page, Response, Run};
use self::report::{median, CaseReport, Report};

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
pub(crate) struct Case {
    pub(crate) name: &'static str,
    slug: &'static str,
    synthetic: Option<usize>,
    /// Targets: first draw (ms), busy per move minus the floor (ms).
    pub(crate) targets: (f64, f64),
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

/// A case's site: its folder, the address it is served at, and how long it
/// took to build, in seconds.
type Site = (PathBuf, String, f64);

/// Builds each case's site under `bench_dir` and serves it.
fn build_sites(cases: &[&Case], bench_dir: &Path) -> Result<Vec<Site>> {
    let mut sites = Vec::new();
    for case in cases {
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
    Ok(sites)
}

/// Writes the report as JSON to `path`.
fn write_json(report: &Report, path: &Path) -> Result<()> {
    let json = serde_json::to_string_pretty(&report.to_json())?;
    fs::write(path, json + "\n").with_context(|| format!("cannot write {}", path.display()))
}

/// The cases `--only` names (all of them without it).
fn chosen_cases(only: Option<&str>) -> Result<Vec<&'static Case>> {
    let cases: Vec<&Case> = CASES
        .iter()
        .filter(|case| only.is_none_or(|only| only == case.slug))
        .collect();
    if cases.is_empty() {
        bail!(
            "`--only` takes one of: {}",
            CASES.map(|case| case.slug).join(", ")
        );
    }
    Ok(cases)
}

/// Builds, serves and measures every case; prints the table and writes the JSON.
pub fn run(options: &BenchOptions) -> Result<()> {
    let tools = browser::ensure_installed()?;
    let root = workspace_root();
    let bench_dir = root.join("target").join("bench");
    fs::create_dir_all(&bench_dir)
        .with_context(|| format!("cannot create {}", bench_dir.display()))?;

    let cases = chosen_cases(options.only.as_deref())?;
    let sites = build_sites(&cases, &bench_dir)?;
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
    let json_path = options
        .out
        .clone()
        .unwrap_or_else(|| root.join("target").join("bench.json"));
    write_json(&report, &json_path)?;
    println!("\n{}", report.responses_table());
    println!("{}", report.table());
    println!("Wrote {}", json_path.display());
    Ok(())
}
