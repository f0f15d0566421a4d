//! `cargo xtask audit`: the standards a reader's tools check, on the real site.
//!
//! It builds the site (`dist/`), makes sure of Chromium and ChromeDriver
//! ([`crate::browser`]) and of axe-core and Lighthouse ([`npm`]), serves the site on a free
//! loopback port, and then
//!
//! 1. runs the browser tests of `tests/e2e/audit.rs` (axe-core's rules and WCAG 2.2's target
//!    size on every view, in zh and en, at 390 and 1280 px; the same tests run in
//!    `cargo xtask test`), then
//! 2. Lighthouse's mobile preset on the page and the embed ([`lighthouse`]): accessibility
//!    and SEO must score 100; performance and best practices are printed with what cost
//!    their points. `cargo xtask test` runs this step too.

pub mod lighthouse;
pub mod npm;

use anyhow::{Context, Result};

use crate::browser::{self, ChromeDriver};
use crate::dist::{self, DistOptions};
use crate::process::{self, workspace_root};
use crate::serve;

/// Runs the whole audit; fails on the first check that fails.
pub fn run() -> Result<()> {
    let site = dist::run(&DistOptions::default())?;
    let browser = browser::ensure_installed()?;
    let tools = npm::ensure_installed()?;
    let address = serve::spawn(&site, ("127.0.0.1", 0))
        .context("cannot start the static server on 127.0.0.1")?;
    let site_url = format!("http://{address}/");
    println!("Serving {} at {site_url}", site.display());
    {
        let log_path = workspace_root()
            .join("target")
            .join("chromedriver-audit.log");
        let driver = ChromeDriver::start(&browser.chromedriver, &log_path)?;
        process::run(
            process::cargo()
                .args([
                    "test",
                    "--package",
                    "param-scale",
                    "--test",
                    "e2e",
                    "audit::",
                ])
                .env("PARAM_SCALE_URL", &site_url)
                .env("WEBDRIVER_URL", driver.url())
                .env("PARAM_SCALE_AXE", &tools.axe)
                .env("PARAM_SCALE_CHROMIUM", &browser.chromium),
        )
        .with_context(|| {
            format!(
                "the axe and target-size tests failed (ChromeDriver's log: {})",
                log_path.display()
            )
        })?;
    }
    lighthouse::run(&tools, &browser.chromium, &site_url)?;
    println!("\nThe audit passed: axe-core, target sizes, and Lighthouse's accessibility and SEO.");
    Ok(())
}
