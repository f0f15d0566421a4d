//! `cargo xtask test`: everything CI checks, in the order a developer wants to hear about it.
//!
//! Cheap checks come first (formatting, lints natively and for wasm32, the API docs with
//! `-D warnings`, the supply chain with cargo-deny, native tests), then the release build of
//! the site and a look at its TypeScript declarations, then the browser:
//! Chromium and ChromeDriver are found (or installed), and axe-core and Lighthouse are
//! installed from npm (`npm ci` into `target/audit/`), the site is served from a background
//! thread, the end-to-end suite `tests/e2e` runs against it (axe-core's checks among its
//! tests), and Lighthouse audits the page and the embed. The first failing step
//! stops the run and is named in the error. The browser tests are never skipped: without a
//! browser the run fails and says how to install one.

use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::audit::{self, npm::AuditTools};
use crate::browser::{self, ChromeDriver};
use crate::dist::{self, DistOptions};
use crate::process::{self, workspace_root};
use crate::serve;
use crate::supply_chain;
use crate::toolchain::{ensure_wasm_target, WASM_TARGET};

/// The synthetic models of the many-models test site: enough for the chart
/// to stamp its markers (`render::STAMP_FROM_POINTS`).
const MANY_MODELS: usize = 3000;

/// One step of the run: a title to print and the work to do.
struct Step {
    title: &'static str,
    action: fn(&mut Session) -> Result<()>,
}

/// What the steps hand on to each other.
#[derive(Default)]
struct Session {
    site_dir: Option<PathBuf>,
    site_url: Option<String>,
    /// The site built from `tests/fixtures/hostile.csv`, and where it is served.
    hostile_site_dir: Option<PathBuf>,
    hostile_site_url: Option<String>,
    /// The site of [`MANY_MODELS`] synthetic models, and where it is served.
    many_site_dir: Option<PathBuf>,
    many_site_url: Option<String>,
    /// Copies of the site with a corrupt and a missing `.wasm`, and their address.
    broken_site_dir: Option<PathBuf>,
    broken_site_url: Option<String>,
    chromium: Option<PathBuf>,
    chromedriver: Option<PathBuf>,
    /// axe-core and Lighthouse, from npm.
    audit_tools: Option<AuditTools>,
    driver: Option<ChromeDriver>,
}

const STEPS: [Step; 11] = [
    Step {
        title: "cargo fmt --all -- --check",
        action: check_formatting,
    },
    Step {
        title: "cargo clippy --workspace --all-targets, then --test e2e (native)",
        action: lint_native,
    },
    Step {
        title: "cargo clippy -p param-scale --all-targets --all-features (wasm32)",
        action: lint_wasm,
    },
    Step {
        title: "cargo doc --workspace --no-deps (RUSTDOCFLAGS=-D warnings)",
        action: check_docs,
    },
    Step {
        title: "cargo deny check (licences, bans, sources; advisories offline, and proof they can fail)",
        action: check_supply_chain,
    },
    Step {
        title: "cargo test --workspace (native tests)",
        action: run_native_tests,
    },
    Step {
        title: "cargo xtask dist (release build of the site)",
        action: build_site,
    },
    Step {
        title: "browser set-up: Chromium, ChromeDriver, CJK fonts; axe-core and Lighthouse (npm ci)",
        action: set_up_browser,
    },
    Step {
        title: "start the site server and ChromeDriver",
        action: start_services,
    },
    Step {
        title: "cargo test -p param-scale --test e2e (browser tests, axe-core's among them)",
        action: run_browser_tests,
    },
    Step {
        title: "Lighthouse, mobile: accessibility and SEO 100 on the page and the embed",
        action: run_lighthouse,
    },
];

/// Runs every step in order, stopping at the first failure.
pub fn run() -> Result<()> {
    let mut session = Session::default();
    for (index, step) in STEPS.iter().enumerate() {
        let number = index + 1;
        println!("\n==> [{number}/{}] {}", STEPS.len(), step.title);
        (step.action)(&mut session)
            .with_context(|| format!("step {number}/{} failed: {}", STEPS.len(), step.title))?;
    }
    // Dropping the session ends ChromeDriver; on an early return `?` drops it as well.
    drop(session);
    println!("\nAll {} steps passed.", STEPS.len());
    Ok(())
}

fn check_formatting(_: &mut Session) -> Result<()> {
    process::run(process::cargo().args(["fmt", "--all", "--", "--check"]))
}

fn lint_native(_: &mut Session) -> Result<()> {
    process::run(process::cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    // `--all-targets` leaves out test targets marked `test = false`, such as the browser
    // suite; lint it by name so it is held to the same rules.
    process::run(process::cargo().args([
        "clippy",
        "--package",
        "param-scale",
        "--test",
        "e2e",
        "--",
        "-D",
        "warnings",
    ]))
}

fn lint_wasm(_: &mut Session) -> Result<()> {
    ensure_wasm_target()?;
    process::run(process::cargo().args([
        "clippy",
        "--package",
        "param-scale",
        "--target",
        WASM_TARGET,
        "--all-targets",
        // The `fault-injection` feature only adds code: one pass lints both builds.
        "--all-features",
        "--",
        "-D",
        "warnings",
    ]))
}

/// The API documentation builds without a warning: no broken or ambiguous intra-doc link.
fn check_docs(_: &mut Session) -> Result<()> {
    process::run(
        process::cargo()
            .args(["doc", "--workspace", "--no-deps"])
            .env("RUSTDOCFLAGS", "-D warnings"),
    )
}

fn check_supply_chain(_: &mut Session) -> Result<()> {
    supply_chain::check()
}

fn run_native_tests(_: &mut Session) -> Result<()> {
    process::run(process::cargo().args(["test", "--workspace"]))
}

/// Builds the site from the hostile test data and one of [`MANY_MODELS`]
/// synthetic models first, then the real site (so `dist/` is left holding
/// the real one).
///
/// The hostile-data site is also the one test site with the `fault-injection` feature
/// (`panicForTest()`, for `tests/e2e/faults.rs`): it is built anyway, so the panic test
/// costs no wasm build of its own.
fn build_site(session: &mut Session) -> Result<()> {
    let root = workspace_root();
    session.hostile_site_dir = Some(dist::run(&DistOptions {
        data: Some(root.join("tests/fixtures/hostile.csv")),
        out: Some(root.join("target/hostile-site")),
        fault_injection: true,
        ..DistOptions::default()
    })?);
    session.many_site_dir = Some(dist::run(&DistOptions {
        synthetic: Some(MANY_MODELS),
        out: Some(root.join("target/many-site")),
        ..DistOptions::default()
    })?);
    let site = dist::run(&DistOptions::default())?;
    crate::typescript::check(&site)?;
    session.broken_site_dir = Some(make_broken_copies(&site, &root.join("target/broken-site"))?);
    session.site_dir = Some(site);
    Ok(())
}

/// Copies the site twice under `out`: `corrupt/` with garbage for its
/// WebAssembly module and `missing/` without one.
fn make_broken_copies(site: &std::path::Path, out: &std::path::Path) -> Result<PathBuf> {
    if out.exists() {
        std::fs::remove_dir_all(out).with_context(|| format!("cannot clear {}", out.display()))?;
    }
    for variant in ["corrupt", "missing"] {
        dist::copy_dir_recursive(site, &out.join(variant))?;
    }
    let wasm = std::path::Path::new("pkg").join("param_scale_bg.wasm");
    std::fs::write(
        out.join("corrupt").join(&wasm),
        b"\0asm this is not a module",
    )
    .context("cannot write the corrupt module")?;
    std::fs::remove_file(out.join("missing").join(&wasm)).context("cannot remove the module")?;
    Ok(out.to_path_buf())
}

fn set_up_browser(session: &mut Session) -> Result<()> {
    let tools = browser::ensure_installed()?;
    session.chromium = Some(tools.chromium);
    session.chromedriver = Some(tools.chromedriver);
    session.audit_tools = Some(audit::npm::ensure_installed()?);
    Ok(())
}

/// Serves the folder `dir` (the site `what`) on a free port of 127.0.0.1;
/// returns its address.
fn serve_site(dir: Option<&std::path::Path>, what: &str) -> Result<String> {
    let dir = dir.with_context(|| format!("{what} was not built"))?;
    let address = serve::spawn(dir, ("127.0.0.1", 0))
        .with_context(|| format!("cannot start the static server for {what} on 127.0.0.1"))?;
    let url = format!("http://{address}/");
    println!("Serving {} at {url}", dir.display());
    Ok(url)
}

fn start_services(session: &mut Session) -> Result<()> {
    session.site_url = Some(serve_site(session.site_dir.as_deref(), "the site")?);
    session.hostile_site_url = Some(serve_site(
        session.hostile_site_dir.as_deref(),
        "the hostile-data site",
    )?);
    session.many_site_url = Some(serve_site(
        session.many_site_dir.as_deref(),
        "the many-models site",
    )?);
    session.broken_site_url = Some(serve_site(
        session.broken_site_dir.as_deref(),
        "the broken-module sites",
    )?);

    let chromedriver = session
        .chromedriver
        .as_deref()
        .context("no ChromeDriver was found")?;
    let log_path = workspace_root().join("target").join("chromedriver.log");
    let driver = ChromeDriver::start(chromedriver, &log_path)?;
    println!(
        "ChromeDriver is ready at {} (log: {})",
        driver.url(),
        log_path.display()
    );
    session.driver = Some(driver);
    Ok(())
}

fn run_browser_tests(session: &mut Session) -> Result<()> {
    let site_url = session
        .site_url
        .as_deref()
        .context("the site server was not started")?;
    let driver = session
        .driver
        .as_mut()
        .context("ChromeDriver was not started")?;
    let mut command = process::cargo();
    command
        .args(["test", "--package", "param-scale", "--test", "e2e"])
        .env("PARAM_SCALE_URL", site_url)
        .env("WEBDRIVER_URL", driver.url());
    if let Some(hostile_url) = &session.hostile_site_url {
        command.env("PARAM_SCALE_HOSTILE_URL", hostile_url);
    }
    if let Some(many_url) = &session.many_site_url {
        command.env("PARAM_SCALE_MANY_URL", many_url);
    }
    if let Some(broken_url) = &session.broken_site_url {
        command.env("PARAM_SCALE_BROKEN_URL", broken_url);
    }
    if let Some(chromium) = &session.chromium {
        command.env("PARAM_SCALE_CHROMIUM", chromium);
    }
    if let Some(tools) = &session.audit_tools {
        command.env("PARAM_SCALE_AXE", &tools.axe);
    }
    let result = process::run(&mut command);
    if result.is_err() {
        if let Some(status) = driver.exit_status() {
            println!("ChromeDriver is no longer running ({status}): was it ended from outside?");
        }
        println!("ChromeDriver's log is in {}", driver.log_path().display());
    }
    result
}

/// Lighthouse on the real site ([`audit::lighthouse`]): about 12 s a page on this machine.
fn run_lighthouse(session: &mut Session) -> Result<()> {
    let site_url = session
        .site_url
        .as_deref()
        .context("the site server was not started")?;
    let tools = session
        .audit_tools
        .as_ref()
        .context("axe-core and Lighthouse were not installed")?;
    let chromium = session
        .chromium
        .as_deref()
        .context("no Chromium was found")?;
    audit::lighthouse::run(tools, chromium, site_url).map(drop)
}
