//! Lighthouse on the served site: its default (mobile) preset, in Debian's Chromium.
//!
//! Each of [`PAGES`] is audited once (`node …/lighthouse/cli/index.js URL`, with
//! `CHROME_PATH` naming the Chromium that the browser tests use and the project's Chromium
//! arguments), which writes `target/audit/lighthouse/NAME.report.json` and `.html`. The
//! four category scores and the audits that cost points are printed. Accessibility and SEO
//! must score 100 ([`REQUIRED`]); performance and best practices are reported only, since
//! performance moves with the machine's load (Lighthouse simulates a slow phone from what
//! it measures on this one).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use serde_json::Value;

use super::npm::{install_dir, AuditTools};
use crate::process;

/// The pages audited: a name for the report files, and the address below the site.
pub const PAGES: [(&str, &str); 4] = [
    ("page-zh", "index.html?lang=zh"),
    ("page-en", "index.html?lang=en"),
    ("embed-zh", "index.html?embed=1&lang=zh"),
    ("embed-en", "index.html?embed=1&lang=en"),
];

/// Lighthouse's four categories, by their ids in the report, in the order printed.
const CATEGORIES: [&str; 4] = ["performance", "accessibility", "best-practices", "seo"];

/// The categories that must score 100 on every page.
const REQUIRED: [&str; 2] = ["accessibility", "seo"];

/// One page's result: its scores (0–100; `None` where Lighthouse gave none) by
/// [`CATEGORIES`], and the audits that cost points.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub name: String,
    pub scores: [Option<u32>; 4],
    /// `category: audit id (its value) — score`, for each weighted audit below 1.
    pub losses: Vec<String>,
}

impl Outcome {
    /// Reads a Lighthouse JSON report.
    pub fn from_report(name: &str, report: &Value) -> Outcome {
        let scores = CATEGORIES.map(|category| {
            report["categories"][category]["score"]
                .as_f64()
                .map(|score| (score * 100.0).round() as u32)
        });
        let mut losses = Vec::new();
        for category in CATEGORIES {
            let references = report["categories"][category]["auditRefs"].as_array();
            for reference in references.into_iter().flatten() {
                let id = reference["id"].as_str().unwrap_or_default();
                let audit = &report["audits"][id];
                let weighted = reference["weight"]
                    .as_f64()
                    .is_some_and(|weight| weight > 0.0);
                if let Some(score) = audit["score"]
                    .as_f64()
                    .filter(|&score| weighted && score < 1.0)
                {
                    let value = audit["displayValue"].as_str().unwrap_or_default();
                    let value = if value.is_empty() {
                        String::new()
                    } else {
                        format!(" ({value})")
                    };
                    losses.push(format!("{category}: {id}{value} — score {score}"));
                }
            }
        }
        Outcome {
            name: name.to_owned(),
            scores,
            losses,
        }
    }

    /// What falls short of [`REQUIRED`], if anything.
    pub fn shortfalls(&self) -> Vec<String> {
        CATEGORIES
            .iter()
            .zip(self.scores)
            .filter(|(category, score)| REQUIRED.contains(category) && *score != Some(100))
            .map(|(category, score)| {
                let score = score.map_or_else(|| "no score".to_owned(), |score| score.to_string());
                let why: Vec<&str> = self
                    .losses
                    .iter()
                    .filter(|loss| loss.starts_with(&format!("{category}:")))
                    .map(String::as_str)
                    .collect();
                format!(
                    "{}: {category} {score}, not 100: {}",
                    self.name,
                    why.join("; ")
                )
            })
            .collect()
    }
}

/// Audits every one of [`PAGES`] on the site at `site_url`; prints the scores, and fails
/// when accessibility or SEO is below 100 anywhere.
pub fn run(tools: &AuditTools, chromium: &Path, site_url: &str) -> Result<Vec<Outcome>> {
    let out = install_dir().join("lighthouse");
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let started = std::time::Instant::now();
    let mut outcomes = Vec::new();
    for (name, page) in PAGES {
        let url = format!("{site_url}{page}");
        let report = audit(tools, chromium, &url, &out.join(name))?;
        outcomes.push(Outcome::from_report(name, &report));
    }
    println!("{}", table(&outcomes));
    println!(
        "{} pages in {:.0} s; reports: {}/*.report.html",
        outcomes.len(),
        started.elapsed().as_secs_f64(),
        out.display()
    );
    let shortfalls: Vec<String> = outcomes.iter().flat_map(Outcome::shortfalls).collect();
    if !shortfalls.is_empty() {
        bail!("Lighthouse:\n  {}", shortfalls.join("\n  "));
    }
    Ok(outcomes)
}

/// Runs Lighthouse once on `url`, writing `{path}.report.json` and `.html`; returns the
/// JSON report.
fn audit(tools: &AuditTools, chromium: &Path, url: &str, path: &Path) -> Result<Value> {
    let flags = chromium_session::BASE_ARGUMENTS.join(" ");
    println!("Lighthouse (mobile): {url}");
    process::run(
        Command::new("node")
            .arg(&tools.lighthouse)
            .arg(url)
            .args(["--output=json", "--output=html", "--quiet"])
            .arg(format!("--output-path={}", path.display()))
            .arg(format!("--chrome-flags={flags}"))
            .env("CHROME_PATH", chromium),
    )?;
    let json: PathBuf = path.with_extension("report.json");
    let text = std::fs::read_to_string(&json)
        .with_context(|| format!("cannot read Lighthouse's report {}", json.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not JSON", json.display()))
}

/// The scores as a Markdown table, then the audits that cost points.
pub fn table(outcomes: &[Outcome]) -> String {
    let mut text = String::from(
        "\n| page | performance | accessibility | best practices | SEO |\n|---|--:|--:|--:|--:|\n",
    );
    for outcome in outcomes {
        let scores: Vec<String> = outcome
            .scores
            .iter()
            .map(|score| score.map_or_else(|| "–".to_owned(), |score| score.to_string()))
            .collect();
        let _ = writeln!(text, "| {} | {} |", outcome.name, scores.join(" | "));
    }
    for outcome in outcomes.iter().filter(|outcome| !outcome.losses.is_empty()) {
        let _ = write!(
            text,
            "\n{} lost points on:\n  {}\n",
            outcome.name,
            outcome.losses.join("\n  ")
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// A report of the four categories with these scores, and one weighted audit a little
    /// below 1 in each category that scores below 1.
    fn report(scores: [Option<f64>; 4]) -> Value {
        let mut categories = serde_json::Map::new();
        let mut audits = serde_json::Map::new();
        for (category, score) in CATEGORIES.iter().zip(scores) {
            let id = format!("{category}-audit");
            categories.insert(
                (*category).to_owned(),
                json!({ "score": score, "auditRefs": [{ "id": id, "weight": 1 }, { "id": "unweighted", "weight": 0 }] }),
            );
            let audit_score = score.map(|score| if score < 1.0 { 0.5 } else { 1.0 });
            audits.insert(id, json!({ "score": audit_score, "displayValue": "2.0 s" }));
        }
        audits.insert("unweighted".to_owned(), json!({ "score": 0 }));
        json!({ "categories": categories, "audits": audits })
    }

    #[test]
    fn accessibility_and_seo_must_be_100_and_the_other_two_are_only_reported() {
        for (scores, short) in [
            ([Some(0.99), Some(1.0), Some(0.96), Some(1.0)], vec![]),
            ([Some(0.5), Some(1.0), Some(0.5), Some(1.0)], vec![]),
            (
                [Some(1.0), Some(0.98), Some(1.0), Some(1.0)],
                vec!["accessibility 98"],
            ),
            ([Some(1.0), Some(1.0), Some(1.0), Some(0.9)], vec!["seo 90"]),
            (
                [Some(1.0), None, Some(1.0), None],
                vec!["accessibility no score", "seo no score"],
            ),
        ] {
            let outcome = Outcome::from_report("page", &report(scores));
            let shortfalls = outcome.shortfalls();
            assert_eq!(shortfalls.len(), short.len(), "{scores:?}: {shortfalls:?}");
            for (shortfall, expected) in shortfalls.iter().zip(short) {
                assert!(
                    shortfall.starts_with(&format!("page: {expected}")),
                    "{shortfall}"
                );
            }
        }
    }

    #[test]
    fn the_audits_that_cost_points_are_named_with_their_values_and_unweighted_ones_are_not() {
        let outcome = Outcome::from_report(
            "embed",
            &report([Some(0.99), Some(1.0), Some(1.0), Some(0.9)]),
        );
        assert_eq!(outcome.scores, [Some(99), Some(100), Some(100), Some(90)]);
        assert_eq!(
            outcome.losses,
            [
                "performance: performance-audit (2.0 s) — score 0.5",
                "seo: seo-audit (2.0 s) — score 0.5"
            ]
        );
        let shortfalls = outcome.shortfalls();
        assert_eq!(
            shortfalls,
            ["embed: seo 90, not 100: seo: seo-audit (2.0 s) — score 0.5"]
        );
        let table = table(&[outcome]);
        assert!(table.contains("| embed | 99 | 100 | 100 | 90 |"), "{table}");
    }
}
