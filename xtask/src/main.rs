//! Project automation for Param Scale, run as `cargo xtask <command>`.
//!
//! Building, serving and testing the chart is written in Rust rather than shell scripts,
//! so it runs the same on every machine and needs nothing beyond cargo (and, for the
//! browser tests, Debian's Chromium, which `test` installs when it may). This file only
//! reads the command line; each command lives in its own module:
//!
//! - [`audit`]: axe-core, WCAG 2.2 target sizes and Lighthouse on the real site (npm tools
//!   installed by [`audit::npm`]).
//! - [`dist`]: build the wasm library and assemble the static site in `dist/`.
//! - [`serve`]: a std-only static file server for `dist/`.
//! - [`browser`]: find or install Chromium and ChromeDriver, and run ChromeDriver.
//! - [`test`](mod@test): formatting, lints, docs, supply chain, native tests, the site build
//!   and the browser tests.
//! - [`supply_chain`]: cargo-deny against `deny.toml`, advisories offline against the RustSec
//!   snapshot, and the proof that the advisories check can fail (also `cargo xtask deny`).
//! - [`synthetic`]: deterministic synthetic data sets for benchmarks (`--synthetic N`).
//! - [`bench`](mod@bench): sizes, first draw, pointer cost and memory in headless Chromium.
//! - [`fuzz`]: the parser properties of `tests/it/fuzz.rs`, with a million cases each.
//! - [`screenshot`]: the README's screenshots, taken in headless Chromium.
//! - [`webdriver`]: a blocking face on the project's one WebDriver client (`chromium-session`,
//!   fantoccini), which `screenshot` and `bench` drive Chromium with.
//! - [`process`]: running other programs with clear errors.
//! - [`toolchain`]: the wasm32 target, added with rustup when it is missing.
//! - [`typescript`]: typed declarations for the web module (`pkg/param_scale.d.ts`).
//! - [`comments`]: the site's stylesheets and scripts without their comments, as `dist`
//!   writes them.
//!
//! Printing to stdout is what this program is for, hence the `print_stdout` allowance.

#![allow(clippy::print_stdout)]

mod audit;
mod bench;
mod browser;
mod comments;
mod compact_svg;
mod dist;
mod fallback;
mod first_paint;
mod fuzz;
mod process;
mod screenshot;
mod serve;
mod supply_chain;
mod synthetic;
mod test;
mod toolchain;
mod typescript;
mod webdriver;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::dist::DistOptions;

const USAGE: &str = "\
Usage: cargo xtask <command>

Commands:
  dist [--data PATH | --synthetic N] [--out DIR]
                                   build the site into DIR (default: dist/); --synthetic N
                                   charts N deterministic synthetic models instead
  serve [PORT] [--data PATH | --synthetic N] [--out DIR]
                                   build the site into DIR (default: dist/) and serve it on
                                   127.0.0.1:PORT (default: 8000)
  bench [--runs N] [--out FILE] [--only CASE] [--profile phone|desktop|both]
                                   measure sizes, first chart, first tooltip, pointer cost
                                   and memory in headless Chromium for the real data and
                                   3,000 and 100,000 synthetic models (median of N runs,
                                   default 3); writes FILE (default: target/bench.json) and
                                   prints the tables; --only real, 3000 or 100000 measures
                                   that case alone; --profile phone (slowed CPU and network,
                                   390x740; real and 3000 only) or desktop (default: both)
  test                             run every check CI runs, browser tests included
  audit                            build and serve the site, then run axe-core and the
                                   target-size checks (browser tests) and Lighthouse's mobile
                                   preset on the page and the embed (accessibility and SEO
                                   must be 100); installs axe-core and Lighthouse with npm ci
                                   into target/audit/
  deny                             the supply-chain step of `test` alone: cargo-deny's
                                   licences, bans, sources and (offline) advisories
  fuzz [--cases N]                 run the parser property tests (tests/it/fuzz.rs) in release
                                   mode with N cases each (default: 1000000)
  screenshot                       write docs/screenshot-en.png and docs/screenshot-zh.png
                                   (1000×760, light theme, headless Chromium)
  help                             print this message";

/// The port `serve` listens on when none is given.
const DEFAULT_PORT: u16 = 8000;

/// A command line, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Task {
    Dist(DistOptions),
    Serve { port: u16, dist: DistOptions },
    Test,
    Audit,
    Deny,
    Bench(bench::BenchOptions),
    Fuzz { cases: u64 },
    Screenshot,
    Help,
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match parse_arguments(&arguments).and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // The chain of causes, without the backtrace anyhow adds when RUST_BACKTRACE is set.
            eprintln!("\nerror: {error}");
            for cause in error.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(task: Task) -> Result<()> {
    match task {
        Task::Dist(options) => dist::run(&options).map(drop),
        Task::Serve { port, dist } => {
            let out = dist::run(&dist)?;
            serve::serve_forever(&out, port)
        }
        Task::Test => test::run(),
        Task::Audit => audit::run(),
        Task::Deny => supply_chain::check(),
        Task::Bench(options) => bench::run(&options),
        Task::Fuzz { cases } => fuzz::run(cases),
        Task::Screenshot => screenshot::run(),
        Task::Help => {
            println!("{USAGE}");
            Ok(())
        }
    }
}

/// Reads the command line (without the program name).
fn parse_arguments(arguments: &[String]) -> Result<Task> {
    let Some((command, rest)) = arguments.split_first() else {
        bail!("no command given\n\n{USAGE}");
    };
    let mut options = Options::parse(rest)?;
    let task = match command.as_str() {
        "dist" => Task::Dist(dist_options(&mut options)?),
        "serve" => {
            let dist = dist_options(&mut options)?;
            let port = match options.positional.pop() {
                Some(port) => port
                    .parse()
                    .with_context(|| format!("`{port}` is not a port number"))?,
                None => DEFAULT_PORT,
            };
            Task::Serve { port, dist }
        }
        "test" => Task::Test,
        "audit" => Task::Audit,
        "deny" => Task::Deny,
        "bench" => {
            let runs = match options.take_text("--runs") {
                Some(runs) => runs
                    .parse()
                    .ok()
                    .filter(|&runs| runs > 0)
                    .with_context(|| format!("`--runs {runs}` is not a positive whole number"))?,
                None => bench::DEFAULT_RUNS,
            };
            let profiles = match options.take_text("--profile") {
                Some(profiles) => bench::Profile::parse_list(&profiles)?,
                None => bench::Profile::ALL.to_vec(),
            };
            Task::Bench(bench::BenchOptions {
                runs,
                out: options.take("--out"),
                only: options.take_text("--only"),
                profiles,
            })
        }
        "fuzz" => {
            let cases = match options.take_text("--cases") {
                Some(cases) => cases
                    .replace('_', "")
                    .parse()
                    .ok()
                    .filter(|&cases| cases > 0)
                    .with_context(|| format!("`--cases {cases}` is not a positive whole number"))?,
                None => fuzz::DEFAULT_CASES,
            };
            Task::Fuzz { cases }
        }
        "screenshot" => Task::Screenshot,
        "help" | "--help" | "-h" => Task::Help,
        other => bail!("unknown command `{other}`\n\n{USAGE}"),
    };
    options.ensure_all_used(command)?;
    Ok(task)
}

/// The options `dist` and `serve` share: `--data PATH` or `--synthetic N`, and `--out DIR`.
fn dist_options(options: &mut Options) -> Result<DistOptions> {
    let data = options.take("--data");
    let synthetic = match options.take_text("--synthetic") {
        Some(count) => Some(
            count
                .replace('_', "")
                .parse::<usize>()
                .ok()
                .filter(|&count| count > 0)
                .with_context(|| format!("`--synthetic {count}` is not a positive whole number"))?,
        ),
        None => None,
    };
    if data.is_some() && synthetic.is_some() {
        bail!("give either `--data` or `--synthetic`, not both");
    }
    Ok(DistOptions {
        data,
        synthetic,
        out: options.take("--out"),
        // Only `cargo xtask test` builds a site with it (`target/hostile-site`).
        fault_injection: false,
    })
}

/// The arguments after the command: `--name VALUE` (or `--name=VALUE`) pairs and positionals.
#[derive(Debug, Default)]
struct Options {
    named: Vec<(String, String)>,
    positional: Vec<String>,
}

impl Options {
    fn parse(arguments: &[String]) -> Result<Options> {
        let mut options = Options::default();
        let mut arguments = arguments.iter();
        while let Some(argument) = arguments.next() {
            if let Some(name) = argument.strip_prefix("--") {
                let (name, value) = match name.split_once('=') {
                    Some((name, value)) => (name, value.to_owned()),
                    None => {
                        let value = arguments
                            .next()
                            .with_context(|| format!("`--{name}` needs a value"))?;
                        (name, value.clone())
                    }
                };
                options.named.push((format!("--{name}"), value));
            } else {
                options.positional.push(argument.clone());
            }
        }
        Ok(options)
    }

    /// Removes and returns the value of an option, as a path.
    fn take(&mut self, name: &str) -> Option<PathBuf> {
        self.take_text(name).map(PathBuf::from)
    }

    /// Removes and returns the value of an option, as text.
    fn take_text(&mut self, name: &str) -> Option<String> {
        let index = self.named.iter().position(|(named, _)| named == name)?;
        Some(self.named.remove(index).1)
    }

    /// Fails if an option or a positional argument was not used by the command.
    fn ensure_all_used(&self, command: &str) -> Result<()> {
        if let Some((name, _)) = self.named.first() {
            bail!("`{command}` does not take `{name}`\n\n{USAGE}");
        }
        if let Some(argument) = self.positional.first() {
            bail!("`{command}` does not take `{argument}`\n\n{USAGE}");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(command_line: &str) -> Result<Task> {
        let arguments: Vec<String> = command_line.split_whitespace().map(str::to_owned).collect();
        parse_arguments(&arguments)
    }

    #[test]
    fn dist_takes_a_data_file_and_an_output_folder() {
        let expected = Task::Dist(DistOptions {
            data: Some(PathBuf::from("bad.csv")),
            out: Some(PathBuf::from("/tmp/site")),
            ..DistOptions::default()
        });
        assert_eq!(
            parse("dist --data bad.csv --out /tmp/site").ok(),
            Some(expected.clone())
        );
        assert_eq!(
            parse("dist --out=/tmp/site --data=bad.csv").ok(),
            Some(expected)
        );
        assert_eq!(parse("dist").ok(), Some(Task::Dist(DistOptions::default())));
    }

    #[test]
    fn serve_takes_an_optional_port_and_data_file() {
        let default = Task::Serve {
            port: 8000,
            dist: DistOptions::default(),
        };
        assert_eq!(parse("serve").ok(), Some(default));
        let custom = Task::Serve {
            port: 9000,
            dist: DistOptions {
                data: Some(PathBuf::from("d.csv")),
                out: Some(PathBuf::from("/tmp/site")),
                ..DistOptions::default()
            },
        };
        assert_eq!(
            parse("serve 9000 --data d.csv --out /tmp/site").ok(),
            Some(custom)
        );
    }

    #[test]
    fn fuzz_takes_an_optional_number_of_cases() {
        let default = Task::Fuzz {
            cases: fuzz::DEFAULT_CASES,
        };
        assert_eq!(parse("fuzz").ok(), Some(default));
        assert_eq!(
            parse("fuzz --cases 5000").ok(),
            Some(Task::Fuzz { cases: 5000 })
        );
        assert_eq!(
            parse("fuzz --cases=1_000_000").ok(),
            Some(Task::Fuzz { cases: 1_000_000 })
        );
    }

    #[test]
    fn dist_and_serve_take_a_synthetic_size_and_bench_a_number_of_runs() {
        let expected = Task::Dist(DistOptions {
            synthetic: Some(100_000),
            ..DistOptions::default()
        });
        assert_eq!(parse("dist --synthetic 100_000").ok(), Some(expected));
        assert!(parse("dist --synthetic 10 --data d.csv").is_err());
        assert!(parse("serve --synthetic zero").is_err());
        let bench = Task::Bench(bench::BenchOptions {
            runs: 5,
            out: None,
            only: None,
            profiles: vec![bench::Profile::Phone, bench::Profile::Desktop],
        });
        assert_eq!(parse("bench --runs 5").ok(), Some(bench));
        let only = Task::Bench(bench::BenchOptions {
            runs: 3,
            out: None,
            only: Some("real".to_owned()),
            profiles: vec![bench::Profile::Phone],
        });
        assert_eq!(
            parse("bench --only real --profile phone").ok(),
            Some(only.clone())
        );
        assert_eq!(parse("bench --profile=phone --only=real").ok(), Some(only));
        let desktop = parse("bench --profile desktop").ok();
        assert!(
            matches!(&desktop, Some(Task::Bench(options)) if options.profiles == [bench::Profile::Desktop]),
            "{desktop:?}"
        );
        assert!(parse("bench --profile both").is_ok());
        assert!(parse("bench --profile tablet").is_err());
        assert!(parse("bench --runs 0").is_err());
    }

    #[test]
    fn screenshot_audit_and_deny_take_nothing() {
        assert_eq!(parse("screenshot").ok(), Some(Task::Screenshot));
        assert_eq!(parse("audit").ok(), Some(Task::Audit));
        assert!(parse("audit --out x").is_err());
        assert_eq!(parse("deny").ok(), Some(Task::Deny));
        assert!(parse("deny --offline").is_err());
    }

    #[test]
    fn unknown_commands_options_and_bad_ports_are_errors() {
        for command_line in [
            "",
            "build",
            "dist --port 1",
            "dist extra",
            "serve http",
            "test --data x",
            "screenshot --out x",
            "fuzz --cases many",
            "fuzz --cases 0",
            "fuzz --cases -5",
            "fuzz 100",
            "dist --data",
        ] {
            assert!(
                parse(command_line).is_err(),
                "`{command_line}` should be refused"
            );
        }
    }
}
