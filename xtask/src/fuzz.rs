//! `cargo xtask fuzz [--cases N]`: the parser properties of `tests/it/fuzz.rs`, at length.
//!
//! `cargo test` runs them with proptest's default budget (256 cases a property) so the
//! suite stays fast; this command runs the same tests in release mode with
//! `PROPTEST_CASES=N` (default [`DEFAULT_CASES`]) and prints how long they took. A failure
//! prints the shrunk input that broke the property.
//!
//! The workspace's release profile is tuned for a small `.wasm` (`opt-level = "z"`, LTO, one
//! codegen unit); for this native run it is overridden for speed ([`SPEED_PROFILE`]), which
//! only touches native release artifacts — the site's wasm build keeps its own.

use std::time::Instant;

use anyhow::Result;

use crate::process;

/// Cases per property when `--cases` is not given.
pub const DEFAULT_CASES: u64 = 1_000_000;

/// Release-profile overrides for the fuzz run: fast code, built in parallel.
const SPEED_PROFILE: [(&str, &str); 3] = [
    ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "3"),
    ("CARGO_PROFILE_RELEASE_LTO", "false"),
    ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
];

/// Runs the fuzz properties with `cases` cases each.
pub fn run(cases: u64) -> Result<()> {
    println!("Running the parser properties with {cases} cases each (release mode)");
    let started = Instant::now();
    let mut command = process::cargo();
    command
        .args([
            "test",
            "--release",
            "--package",
            "param-scale",
            "--test",
            "it",
            "fuzz::",
        ])
        .envs(SPEED_PROFILE)
        .env("PROPTEST_CASES", cases.to_string());
    let result = process::run(&mut command);
    println!(
        "{} after {:.1} s",
        if result.is_ok() { "Passed" } else { "Failed" },
        started.elapsed().as_secs_f64()
    );
    result
}
