//! `cargo xtask bench`: what the chart costs a reader, measured in real headless Chromium.
//!
//! The site is built with the real data and with 3,000 and 100,000 synthetic models
//! ([`crate::synthetic`]); each build is served from 127.0.0.1 and opened in a fresh
//! headless Chromium (`--disable-gpu`, cold cache) several times, on one or both
//! [`Profile`]s:
//!
//! - **desktop**: 1000×700 CSS px at a pixel ratio of 1, nothing throttled; every case;
//! - **phone**: 390×740 CSS px at a pixel ratio of 2, a mobile viewport with touch, the CPU
//!   slowed 4× (`Emulation.setCPUThrottlingRate`) and the network of Lighthouse's mobile
//!   preset (`Network.emulateNetworkConditions`: 150 ms round trip, 1.6 Mbit/s down,
//!   750 kbit/s up), all set before the navigation; the real data and 3,000 models.
//!
//! Each run measures:
//!
//! - **bytes**: every response the page loads (the navigation and resource timing entries),
//!   raw and gzip -9 each, and the total;
//! - **first chart**: milliseconds from navigation start until the page shows a chart — a
//!   canvas with ink, an inline SVG with marks, or an SVG image — looked for on every
//!   animation frame by a script installed before the page's own;
//! - **first tooltip**: a position over a model is found once, unthrottled, in a browser of
//!   the same profile; in the measured load the mouse is moved there (one pixel either way)
//!   every 10 ms from navigation on, through the DevTools protocol, and the same script
//!   notes the first frame with a visible tooltip (`[role=tooltip]`) that has text;
//! - **pointer cost**: the pointer moves one step per frame along a fixed path of
//!   [`TIMED_MOVES`] positions over the plot, dispatched through the DevTools protocol as a
//!   user's mouse; the renderer's main-thread `TaskDuration` (`Performance.getMetrics`)
//!   before and after, divided by the moves. The browser spends about a millisecond per move
//!   on any page, so a *floor page* — one canvas drawn once, no handlers — is measured the
//!   same way, on the same profile, in the same run, and subtracted;
//! - **memory**: the JS heap (after a forced garbage collection) and the wasm memory, after
//!   load and after the moves.
//!
//! Besides, [`encoding`] compares the embedded data (the binary blob `build.rs` writes) with
//! the same rows as JSON, gzip -9 both.
//!
//! The medians of the runs go to a JSON file (`target/bench.json`) and Markdown tables on
//! stdout (the ones in the README), each figure marked as meeting or missing its target and
//! by how much. Benchmarks report numbers; no test ever times anything.
//!
//! ChromeDriver forwards DevTools commands (`goog/cdp/execute`), so this needs no WebSocket:
//! the project's one WebDriver client ([`crate::webdriver`]) sends them. Sessions use the
//! page load strategy `none`, so that the pointer can move while the page loads.
//!
//! This file builds, serves and runs the cases; [`measure`] opens a page and measures one
//! run of it, and [`report`] turns the runs into medians, the JSON and the tables.

mod encoding;
mod measure;
mod report;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::browser::{self, ChromeDriver};
use crate::dist::{self, DistOptions};
use crate::process::workspace_root;
use crate::{serve, synthetic};

use self::encoding::{compare_csv, EncodingComparison};
use self::measure::{find_hover_position, measure_page, response_sizes, write_floor_page};
use self::measure::{Response, Run};
use self::report::{median, CaseReport, DataReport, ProfileReport, Report};

/// How many times each page is measured when `--runs` is not given.
pub const DEFAULT_RUNS: usize = 3;

/// The pointer moves whose main-thread time is measured.
const TIMED_MOVES: usize = 300;

/// How long the chart may take to draw.
const DRAW_TIMEOUT: Duration = Duration::from_secs(60);
/// How long the tooltip may take to answer the pointer, after navigation.
const TOOLTIP_TIMEOUT: Duration = Duration::from_secs(30);

/// A device the pages are measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// A slow phone on a slow network (Lighthouse's mobile preset), 390×740.
    Phone,
    /// This machine as it is, 1000×700.
    Desktop,
}

/// The phone's CPU slowdown (`Emulation.setCPUThrottlingRate`).
pub(crate) const PHONE_CPU_SLOWDOWN: f64 = 4.0;
/// The phone's network: round trip (ms), download and upload (bytes per second).
pub(crate) const PHONE_NETWORK: (f64, f64, f64) = (150.0, 200_000.0, 93_750.0);
/// The phone's pixel ratio.
pub(crate) const PHONE_PIXEL_RATIO: f64 = 2.0;

impl Profile {
    /// Both profiles, in the order they are measured.
    pub const ALL: [Profile; 2] = [Profile::Phone, Profile::Desktop];

    /// `--profile phone`, `desktop` or `both` (also `phone,desktop`).
    pub fn parse_list(text: &str) -> Result<Vec<Profile>> {
        let mut profiles = Vec::new();
        for word in text.split(',').map(str::trim) {
            let named: &[Profile] = match word {
                "phone" => &[Profile::Phone],
                "desktop" => &[Profile::Desktop],
                "both" => &Profile::ALL,
                _ => bail!("`--profile {text}`: give phone, desktop or both"),
            };
            for profile in named {
                if !profiles.contains(profile) {
                    profiles.push(*profile);
                }
            }
        }
        profiles.sort_by_key(|profile| Profile::ALL.iter().position(|all| all == profile));
        Ok(profiles)
    }

    pub fn slug(self) -> &'static str {
        match self {
            Profile::Phone => "phone",
            Profile::Desktop => "desktop",
        }
    }

    /// The viewport, in CSS pixels.
    pub(crate) fn viewport(self) -> (u32, u32) {
        match self {
            Profile::Phone => (390, 740),
            Profile::Desktop => (1000, 700),
        }
    }

    /// The pointer moves made in all (the first [`TIMED_MOVES`] timed) before the memory is
    /// read again: fewer on the slowed phone.
    pub(crate) fn total_moves(self) -> usize {
        match self {
            Profile::Phone => TIMED_MOVES,
            Profile::Desktop => 1000,
        }
    }

    /// Whether the case of this slug is measured on this profile.
    fn measures(self, slug: &str) -> bool {
        self == Profile::Desktop || slug != "100000"
    }
}

/// What `bench` was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchOptions {
    /// How many times each page is measured; the medians are reported.
    pub runs: usize,
    /// Where the JSON goes, instead of `target/bench.json`.
    pub out: Option<PathBuf>,
    /// Measure only the case with this slug (`real`, `3000` or `100000`).
    pub only: Option<String>,
    /// The profiles to measure on (both by default).
    pub profiles: Vec<Profile>,
}

/// A data set the site is built with.
pub(crate) struct Case {
    pub(crate) name: &'static str,
    slug: &'static str,
    synthetic: Option<usize>,
}

const CASES: [Case; 3] = [
    Case {
        name: "real data",
        slug: "real",
        synthetic: None,
    },
    Case {
        name: "3,000",
        slug: "3000",
        synthetic: Some(3_000),
    },
    Case {
        name: "100,000",
        slug: "100000",
        synthetic: Some(100_000),
    },
];

/// What one case must meet on one profile; `None` where there is no target.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Targets {
    pub(crate) first_draw_ms: Option<f64>,
    pub(crate) first_tooltip_ms: Option<f64>,
    pub(crate) busy_minus_floor_ms: Option<f64>,
    pub(crate) gzip_total_bytes: Option<f64>,
}

/// The targets of issue 15 (phone; desktop pointer and size) and of the first performance
/// work (desktop first draw).
pub(crate) fn targets(profile: Profile, slug: &str) -> Targets {
    match (profile, slug) {
        (Profile::Phone, "real") => Targets {
            first_draw_ms: Some(800.0),
            first_tooltip_ms: Some(1800.0),
            ..Targets::default()
        },
        (Profile::Phone, "3000") => Targets {
            first_draw_ms: Some(1200.0),
            first_tooltip_ms: Some(2800.0),
            ..Targets::default()
        },
        (Profile::Desktop, "real") => Targets {
            first_draw_ms: Some(150.0),
            busy_minus_floor_ms: Some(0.25),
            gzip_total_bytes: Some(110.0 * 1024.0),
            ..Targets::default()
        },
        (Profile::Desktop, "3000") => Targets {
            first_draw_ms: Some(200.0),
            busy_minus_floor_ms: Some(0.8),
            ..Targets::default()
        },
        (Profile::Desktop, "100000") => Targets {
            first_draw_ms: Some(450.0),
            busy_minus_floor_ms: Some(1.0),
            ..Targets::default()
        },
        _ => Targets::default(),
    }
}

/// The most the JS heap may grow over the moves, in bytes.
const HEAP_GROWTH_TARGET: f64 = 0.5 * 1024.0 * 1024.0;

/// Builds, serves and measures every case on every profile asked for; prints the tables and
/// writes the JSON.
pub fn run(options: &BenchOptions) -> Result<()> {
    let root = workspace_root();
    let cases = chosen_cases(options)?;
    let tools = browser::ensure_installed()?;
    let bench_dir = root.join("target").join("bench");
    fs::create_dir_all(&bench_dir)
        .with_context(|| format!("cannot create {}", bench_dir.display()))?;
    let (data, sites) = build_sites(&root, &bench_dir, &cases)?;
    let floor_dir = bench_dir.join("floor");
    write_floor_page(&floor_dir)?;
    let floor_address =
        serve::spawn(&floor_dir, ("127.0.0.1", 0)).context("cannot start a server")?;
    let bench = Bench {
        cases: &cases,
        sites: &sites,
        floor_url: format!("http://{floor_address}/"),
        runs: options.runs,
    };
    let log_path = bench_dir.join("chromedriver.log");
    let driver = ChromeDriver::start(&tools.chromedriver, &log_path)?;
    let mut profiles = Vec::new();
    for &profile in &options.profiles {
        if let Some(report) = bench.measure_profile(&driver, &tools.chromium, profile, &log_path)? {
            profiles.push(report);
        }
    }
    drop(driver);
    let report = Report {
        runs: options.runs,
        profiles,
        data,
    };
    let json_path = match &options.out {
        Some(out) => out.clone(),
        None => root.join("target").join("bench.json"),
    };
    write_report(&report, &json_path)
}

/// The cases `--only` and the profiles ask for.
fn chosen_cases(options: &BenchOptions) -> Result<Vec<&'static Case>> {
    let cases: Vec<&Case> = CASES
        .iter()
        .filter(|case| options.only.as_deref().is_none_or(|only| only == case.slug))
        .filter(|case| {
            options
                .profiles
                .iter()
                .any(|profile| profile.measures(case.slug))
        })
        .collect();
    if cases.is_empty() {
        bail!(
            "nothing to measure: `--only` takes one of {} (the phone profile measures only \
             real and 3000)",
            CASES.map(|case| case.slug).join(", ")
        );
    }
    Ok(cases)
}

/// Builds and serves each case's site; returns what the data cost and
/// where each site is (its folder and address).
fn build_sites(
    root: &Path,
    bench_dir: &Path,
    cases: &[&Case],
) -> Result<(Vec<DataReport>, Vec<Site>)> {
    let stages = fs::read_to_string(root.join("data").join("stages.csv"))
        .context("cannot read data/stages.csv")?;
    let mut data = Vec::new();
    let mut sites = Vec::new();
    for case in cases {
        let models = match case.synthetic {
            Some(count) => synthetic::csv(count),
            None => fs::read_to_string(root.join("data").join("models.csv"))
                .context("cannot read data/models.csv")?,
        };
        let encoding: EncodingComparison = compare_csv(&models, &stages)?;
        let started = Instant::now();
        let out = dist::run(&DistOptions {
            synthetic: case.synthetic,
            out: Some(bench_dir.join(format!("site-{}", case.slug))),
            ..DistOptions::default()
        })?;
        let build_seconds = started.elapsed().as_secs_f64();
        println!("Built the {} site in {build_seconds:.1} s", case.name);
        data.push(DataReport {
            name: case.name,
            build_seconds,
            encoding,
        });
        let address = serve::spawn(&out, ("127.0.0.1", 0)).context("cannot start a server")?;
        sites.push((out, format!("http://{address}/")));
    }
    Ok((data, sites))
}

/// A served site: its folder and its address.
type Site = (PathBuf, String);

/// What one bench run measures: the cases, their served sites, the floor
/// page, and how many runs of each.
struct Bench<'a> {
    cases: &'a [&'static Case],
    sites: &'a [Site],
    floor_url: String,
    runs: usize,
}

/// The runs of one case under one profile, and its responses' sizes.
#[derive(Default)]
struct CaseRuns {
    runs: Vec<Run>,
    responses: Vec<Response>,
}

impl Bench<'_> {
    /// Every case `profile` measures, `runs` times each, with the floor page
    /// after each round; `None` when the profile measures none of them.
    fn measure_profile(
        &self,
        driver: &ChromeDriver,
        chromium: &Path,
        profile: Profile,
        log_path: &Path,
    ) -> Result<Option<ProfileReport>> {
        let measured: Vec<usize> = (0..self.cases.len())
            .filter(|&index| profile.measures(self.cases[index].slug))
            .collect();
        if measured.is_empty() {
            return Ok(None);
        }
        let hover = self.hover_positions(driver, chromium, profile, &measured)?;
        let mut per_case: Vec<CaseRuns> = measured.iter().map(|_| CaseRuns::default()).collect();
        let mut floors: Vec<Run> = Vec::new();
        for run_index in 0..self.runs {
            // The floor page is measured in every run, along the first case's path.
            let mut path_box = None;
            for (slot, &index) in measured.iter().enumerate() {
                let (site, url) = &self.sites[index];
                println!(
                    "{} profile, run {}/{}: {} ({url})",
                    profile.slug(),
                    run_index + 1,
                    self.runs,
                    self.cases[index].name
                );
                let (run, found, plot_box) =
                    measure_page(driver, chromium, profile, url, hover[slot], None).with_context(
                        || format!("cannot measure {url} (log: {})", log_path.display()),
                    )?;
                let case = &mut per_case[slot];
                if case.responses.is_empty() {
                    case.responses = found
                        .iter()
                        .map(|path| response_sizes(site, path))
                        .collect::<Result<_>>()?;
                }
                path_box = path_box.or(plot_box);
                case.runs.push(run);
            }
            println!(
                "{} profile, run {}/{}: floor page",
                profile.slug(),
                run_index + 1,
                self.runs
            );
            let (floor, _, _) =
                measure_page(driver, chromium, profile, &self.floor_url, None, path_box)
                    .context("cannot measure the floor page")?;
            floors.push(floor);
        }
        let floor_busy = median(floors.iter().map(|run| run.busy_per_move_ms));
        Ok(Some(ProfileReport {
            profile,
            floor_busy,
            floor_first_draw: median(floors.iter().map(|run| run.first_draw_ms)),
            cases: measured
                .iter()
                .zip(&per_case)
                .map(|(&index, case)| {
                    CaseReport::new(
                        self.cases[index].name,
                        targets(profile, self.cases[index].slug),
                        &case.runs,
                        &case.responses,
                        floor_busy,
                    )
                })
                .collect(),
        }))
    }

    /// A position over a model for each measured case, found once in an
    /// unthrottled browser of this profile.
    fn hover_positions(
        &self,
        driver: &ChromeDriver,
        chromium: &Path,
        profile: Profile,
        measured: &[usize],
    ) -> Result<Vec<Option<(f64, f64)>>> {
        let mut hover = Vec::new();
        for &index in measured {
            let url = &self.sites[index].1;
            let name = self.cases[index].name;
            let found = find_hover_position(driver, chromium, profile, url)
                .with_context(|| format!("cannot find a model to hover on {url}"))?;
            match found {
                Some((x, y)) => println!(
                    "{} profile, {name}: a tooltip answers at ({x:.0}, {y:.0})",
                    profile.slug()
                ),
                None => println!(
                    "{} profile, {name}: no position shows a tooltip; the first tooltip is not \
                     measured",
                    profile.slug()
                ),
            }
            hover.push(found);
        }
        Ok(hover)
    }
}

/// Writes the report as JSON to `json_path` and prints its tables.
fn write_report(report: &Report, json_path: &Path) -> Result<()> {
    let json = serde_json::to_string_pretty(&report.to_json())?;
    fs::write(json_path, json + "\n")
        .with_context(|| format!("cannot write {}", json_path.display()))?;
    println!("\n{}", report.responses_table());
    println!("{}", report.data_table());
    for profile in &report.profiles {
        println!("{}", report.table(profile));
    }
    println!("Wrote {}", json_path.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_are_phone_desktop_or_both_in_one_order() {
        assert_eq!(
            Profile::parse_list("phone").ok(),
            Some(vec![Profile::Phone])
        );
        assert_eq!(
            Profile::parse_list("desktop").ok(),
            Some(vec![Profile::Desktop])
        );
        for both in ["both", "desktop,phone", "phone, desktop", "phone,both"] {
            assert_eq!(
                Profile::parse_list(both).ok(),
                Some(Profile::ALL.to_vec()),
                "{both}"
            );
        }
        for bad in ["", "tablet", "phone,", "Phone"] {
            assert!(Profile::parse_list(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_phone_measures_the_real_data_and_3000_models_with_the_issue_s_targets() {
        assert!(Profile::Phone.measures("real") && Profile::Phone.measures("3000"));
        assert!(!Profile::Phone.measures("100000"));
        assert!(CASES
            .iter()
            .all(|case| Profile::Desktop.measures(case.slug)));
        assert_eq!(targets(Profile::Phone, "real").first_draw_ms, Some(800.0));
        assert_eq!(
            targets(Profile::Phone, "3000").first_tooltip_ms,
            Some(2800.0)
        );
        assert_eq!(
            targets(Profile::Desktop, "real").busy_minus_floor_ms,
            Some(0.25)
        );
        assert_eq!(Profile::Phone.viewport(), (390, 740));
    }
}
