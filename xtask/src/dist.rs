//! Building the site: the folder a web server can publish as it is.
//!
//! Before building, `dist` picks the data (a `--synthetic N` file written under
//! `target/synthetic/`, `--data PATH`, or `data/models.csv`) and refuses an output
//! folder it must not clear, or a `fault-injection` build into `dist/`. Then it runs in
//! steps, each its own function:
//! 1. [`build_wasm`] adds the `wasm32-unknown-unknown` target when it is missing
//!    ([`crate::toolchain`]) and compiles the library for it in release mode. The
//!    data set is compiled in by the library's `build.rs`, which reads `PARAM_SCALE_DATA`
//!    (default `data/models.csv`) and fails the build, naming the file and line, on bad
//!    data; cargo's stderr is passed through so that message reaches the user.
//! 2. [`generate_bindings`] turns the `.wasm` into a web module with
//!    `wasm-bindgen-cli-support`, the same version as the library's `wasm-bindgen`, and
//!    its TypeScript declarations ([`crate::typescript`]); the module's script loses its
//!    comments ([`crate::comments`]).
//! 3. [`clear_out_dir`] empties the output folder, only now that the build has worked, so
//!    a failed build leaves the previous site in place; [`copy_site`] copies `index.html`,
//!    the demo article `story.html` and `www/`, its stylesheets and scripts without their
//!    comments ([`crate::comments`]).
//! 4. [`crate::fallback::write`] renders the static charts (`chart-zh.svg`,
//!    `chart-en.svg`) and the no-script block; [`precompress`] writes `.gz`
//!    (gzip -9) and `.br` (brotli 11; 9 over 2 MB) copies of the larger files, which `serve` sends to
//!    clients that accept them (static hosts can do the same).
//! 5. [`report_sizes`] prints what was written.
//!
//! The page refers to everything by relative paths, so the folder works from any sub-path.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use anyhow::{bail, Context, Result};

use crate::process::{self, workspace_root};

/// The library's package name, as cargo knows it.
const LIBRARY_PACKAGE: &str = "param-scale";
/// The library's crate name, as rustc names its artifacts.
const LIBRARY_CRATE: &str = "param_scale";
/// The base name of the generated module: `pkg/param_scale.js`, `pkg/param_scale_bg.wasm`.
const MODULE_NAME: &str = "param_scale";
/// The environment variable the library's `build.rs` reads the data path from.
const DATA_ENV: &str = "PARAM_SCALE_DATA";

/// Where `dist` reads its data and writes its output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DistOptions {
    /// The data CSV to compile in, instead of the library's default.
    pub data: Option<PathBuf>,
    /// Chart this many synthetic models instead ([`crate::synthetic`]).
    pub synthetic: Option<usize>,
    /// The output folder, instead of `dist/` at the workspace root.
    pub out: Option<PathBuf>,
    /// Builds the library with its `fault-injection` feature (the module then exports
    /// `panicForTest()`): for test sites only, so it needs an `out` folder of its own.
    pub fault_injection: bool,
}

/// The library feature that adds `panicForTest()` to the module.
const FAULT_INJECTION_FEATURE: &str = "fault-injection";

/// Builds the site and returns the folder it was written to.
pub fn run(options: &DistOptions) -> Result<PathBuf> {
    let root = workspace_root();
    let out = match &options.out {
        Some(out) => std::path::absolute(out)
            .with_context(|| format!("cannot resolve the output folder {}", out.display()))?,
        None => root.join("dist"),
    };
    let synthetic = match options.synthetic {
        Some(count) => {
            println!("Writing {count} synthetic models");
            Some(
                crate::synthetic::write_csv(&root, count)
                    .context("cannot write the synthetic data under target/synthetic/")?,
            )
        }
        None => None,
    };
    let data = match synthetic.as_ref().or(options.data.as_ref()) {
        Some(data) => Some(
            fs::canonicalize(data)
                .with_context(|| format!("cannot find the data file {}", data.display()))?,
        ),
        None => None,
    };

    if options.fault_injection && options.out.is_none() {
        bail!("a site with `{FAULT_INJECTION_FEATURE}` is for tests: give it an --out folder, never dist/");
    }
    // Refuse a wrong output folder before the build, but clear it only after the build has
    // worked, so a failed build leaves the previous site in place.
    ensure_clearable(&root, &out)?;
    let wasm = build_wasm(data.as_deref(), options.fault_injection)?;
    clear_out_dir(&out)?;
    generate_bindings(&wasm, &out.join("pkg"))?;
    strip_comments(&out.join("pkg"))?;
    copy_site(&root, &out)?;
    let data_file = data.clone().unwrap_or_else(|| root.join("data/models.csv"));
    crate::fallback::write(&data_file, &out)?;
    precompress(&out)?;
    report_sizes(&out)?;
    Ok(out)
}

/// Compiles the library to wasm in release mode and returns the path of the `.wasm` file.
fn build_wasm(data: Option<&Path>, fault_injection: bool) -> Result<PathBuf> {
    crate::toolchain::ensure_wasm_target()?;
    let mut command = process::cargo();
    command.args([
        "build",
        "--package",
        LIBRARY_PACKAGE,
        "--release",
        "--target",
        crate::toolchain::WASM_TARGET,
        "--lib",
        // Diagnostics still go to stderr as usual; stdout carries the artifact paths.
        "--message-format=json-render-diagnostics",
    ]);
    if fault_injection {
        println!("With the `{FAULT_INJECTION_FEATURE}` feature (a test build)");
        command.args(["--features", FAULT_INJECTION_FEATURE]);
    }
    match data {
        Some(data) => {
            println!(
                "Building the wasm library with data from {}",
                data.display()
            );
            command.env(DATA_ENV, data);
        }
        None => {
            println!("Building the wasm library with the default data");
            command.env_remove(DATA_ENV);
        }
    }
    let shown = process::display(&command);
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .with_context(|| format!("cannot start `{shown}`"))?;

    let mut wasm = None;
    let stdout = child
        .stdout
        .take()
        .context("cargo's stdout was not captured")?;
    for line in BufReader::new(stdout).lines() {
        let line = line.context("cannot read cargo's output")?;
        wasm = wasm.or_else(|| wasm_artifact_from_message(&line));
    }
    let status = child
        .wait()
        .with_context(|| format!("`{shown}` did not finish"))?;
    if !status.success() {
        bail!("`{shown}` failed ({status}); its messages are above");
    }
    wasm.with_context(|| format!("`{shown}` did not report a .wasm file for {LIBRARY_CRATE}"))
}

/// The `.wasm` path in a cargo JSON message, if it is the library's compiler artifact.
fn wasm_artifact_from_message(line: &str) -> Option<PathBuf> {
    let message: serde_json::Value = serde_json::from_str(line).ok()?;
    if message["reason"] != "compiler-artifact" || message["target"]["name"] != LIBRARY_CRATE {
        return None;
    }
    message["filenames"]
        .as_array()?
        .iter()
        .filter_map(serde_json::Value::as_str)
        .find(|file_name| file_name.ends_with(".wasm"))
        .map(PathBuf::from)
}

/// Fails unless the output folder is missing, empty, or a previous build of the site.
///
/// Clearing is `remove_dir_all`: a mistyped `--out` must not be able to delete sources.
fn ensure_clearable(root: &Path, out: &Path) -> Result<()> {
    let holds_sources =
        root.starts_with(out) || out.join(".git").exists() || out.join("Cargo.toml").exists();
    if holds_sources {
        bail!(
            "refusing to clear {}: it holds sources, not a build output",
            out.display()
        );
    }
    let is_empty = match fs::read_dir(out) {
        Ok(mut entries) => entries.next().is_none(),
        Err(_) => !out.exists(),
    };
    let is_previous_build = out.join("pkg").join(format!("{MODULE_NAME}.js")).is_file();
    if !is_empty && !is_previous_build {
        bail!(
            "refusing to clear {}: it is not empty and holds no previous build \
             (pkg/{MODULE_NAME}.js); pass an empty or new folder",
            out.display()
        );
    }
    Ok(())
}

/// Empties the output folder (creating it if needed).
fn clear_out_dir(out: &Path) -> Result<()> {
    if out.exists() {
        fs::remove_dir_all(out).with_context(|| format!("cannot clear {}", out.display()))?;
    }
    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))
}

/// Generates the web module (`<MODULE_NAME>.js` and `<MODULE_NAME>_bg.wasm`) in `pkg_dir`,
/// with its TypeScript declarations (`<MODULE_NAME>.d.ts`, typed by [`crate::typescript`]).
fn generate_bindings(wasm: &Path, pkg_dir: &Path) -> Result<()> {
    println!("Generating the web module with wasm-bindgen");
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(wasm)
        .out_name(MODULE_NAME)
        .web(true)?
        .typescript(true)
        // The library defaults this to true (the CLI to false); true makes `init()` fail in
        // the browser with "Argument 0 must be a buffer source".
        .omit_default_module_path(false)
        .remove_name_section(true)
        .remove_producers_section(true)
        .generate(pkg_dir)
        .with_context(|| format!("wasm-bindgen failed on {}", wasm.display()))?;
    crate::typescript::install(pkg_dir, MODULE_NAME)
}

/// Copies the page and its static files next to the generated module, the
/// stylesheets and scripts of `www/` without their comments
/// ([`crate::comments`]).
fn copy_site(root: &Path, out: &Path) -> Result<()> {
    for page in ["index.html", "story.html"] {
        let source = root.join(page);
        fs::copy(&source, out.join(page))
            .with_context(|| format!("cannot copy {}", source.display()))?;
    }
    let www = out.join("www");
    copy_dir_recursive(&root.join("www"), &www)?;
    strip_comments(&www)
}

/// Rewrites each stylesheet and script under `dir` without its comments
/// ([`crate::comments`]).
fn strip_comments(dir: &Path) -> Result<()> {
    for (relative, _) in file_sizes(dir)? {
        let strip: fn(&str) -> String = match relative.extension().and_then(|e| e.to_str()) {
            Some("css") => crate::comments::strip_css,
            Some("js") => crate::comments::strip_js,
            _ => continue,
        };
        let path = dir.join(&relative);
        let text =
            fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        fs::write(&path, strip(&text))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

pub(crate) fn copy_dir_recursive(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    let entries = fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", from.display()))?;
        let source = entry.path();
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir_recursive(&source, &target)?;
        } else {
            fs::copy(&source, &target)
                .with_context(|| format!("cannot copy {}", source.display()))?;
        }
    }
    Ok(())
}

/// Files smaller than this are not worth a compressed copy.
const PRECOMPRESS_MIN_BYTES: u64 = 1024;

/// The extensions of the files that get precompressed copies.
const PRECOMPRESS_EXTENSIONS: [&str; 6] = ["html", "js", "css", "svg", "wasm", "csv"];

/// Writes `FILE.gz` (gzip -9) and `FILE.br` (brotli 11) beside each text or wasm file of the
/// site larger than [`PRECOMPRESS_MIN_BYTES`], when the copy is smaller than the file.
fn precompress(out: &Path) -> Result<()> {
    for (relative, bytes) in file_sizes(out)? {
        let extension = relative
            .extension()
            .and_then(|extension| extension.to_str())
            .unwrap_or_default();
        if bytes < PRECOMPRESS_MIN_BYTES || !PRECOMPRESS_EXTENSIONS.contains(&extension) {
            continue;
        }
        let path = out.join(&relative);
        let content = fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        for (suffix, compressed) in [("gz", gzip(&content)?), ("br", brotli(&content)?)] {
            if (compressed.len() as u64) < bytes {
                let copy = path.with_file_name(format!(
                    "{}.{suffix}",
                    relative.file_name().unwrap_or_default().to_string_lossy()
                ));
                fs::write(&copy, compressed)
                    .with_context(|| format!("cannot write {}", copy.display()))?;
            }
        }
    }
    Ok(())
}

/// `bytes` compressed as gzip at level 9 (what `gzip -9` does).
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

/// Above this size brotli uses quality 9: quality 11 runs at about 1 MB/s.
const BROTLI_11_MAX_BYTES: usize = 2 * 1024 * 1024;

/// `bytes` compressed as brotli at quality 11 (9 for files over 2 MB), with a 4 MB window.
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let parameters = brotli::enc::BrotliEncoderParams {
        quality: if bytes.len() > BROTLI_11_MAX_BYTES {
            9
        } else {
            11
        },
        lgwin: 22,
        ..Default::default()
    };
    let mut compressed = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut compressed, &parameters)
        .context("brotli compression failed")?;
    Ok(compressed)
}

/// Every file under `dir` with its size in bytes, as paths relative to `dir`, sorted.
fn file_sizes(dir: &Path) -> Result<Vec<(PathBuf, u64)>> {
    fn walk(base: &Path, dir: &Path, sizes: &mut Vec<(PathBuf, u64)>) -> Result<()> {
        let entries =
            fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
        for entry in entries {
            let entry = entry?;
            let path = entry.path();
            let metadata = entry.metadata()?;
            if metadata.is_dir() {
                walk(base, &path, sizes)?;
            } else {
                let relative = path.strip_prefix(base).unwrap_or(&path).to_path_buf();
                sizes.push((relative, metadata.len()));
            }
        }
        Ok(())
    }
    let mut sizes = Vec::new();
    walk(dir, dir, &mut sizes)?;
    sizes.sort();
    Ok(sizes)
}

/// Prints each file written with its raw size, and the total.
fn report_sizes(out: &Path) -> Result<()> {
    let sizes = file_sizes(out)?;
    let width = sizes
        .iter()
        .map(|(path, _)| path.display().to_string().len())
        .max()
        .unwrap_or(0);
    println!("Wrote {}:", out.display());
    for (path, bytes) in &sizes {
        println!("  {:<width$}  {bytes:>9} bytes", path.display().to_string());
    }
    let total: u64 = sizes.iter().map(|(_, bytes)| bytes).sum();
    println!("  {:<width$}  {total:>9} bytes", "total");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wasm_file_is_found_in_the_library_artifact_message() {
        let line = r#"{"reason":"compiler-artifact","target":{"name":"param_scale"},
            "filenames":["/t/libparam_scale.rlib","/t/param_scale.wasm"]}"#
            .replace('\n', "");
        let expected = Some(PathBuf::from("/t/param_scale.wasm"));
        assert_eq!(wasm_artifact_from_message(&line), expected);
    }

    #[test]
    fn artifacts_of_other_crates_and_other_messages_are_ignored() {
        let dependency = r#"{"reason":"compiler-artifact","target":{"name":"plotters"},"filenames":["/t/plotters.wasm"]}"#;
        assert_eq!(wasm_artifact_from_message(dependency), None);
        let finished = r#"{"reason":"build-finished","success":true}"#;
        assert_eq!(wasm_artifact_from_message(finished), None);
        assert_eq!(wasm_artifact_from_message("not json"), None);
    }

    #[test]
    fn only_missing_empty_or_previously_built_folders_are_cleared() {
        let root = workspace_root();
        let error = ensure_clearable(&root, &root).expect_err("the root must be refused");
        assert!(error.to_string().contains("refusing to clear"), "{error}");
        let parent = root.parent().expect("the workspace root has a parent");
        assert!(ensure_clearable(&root, parent).is_err());
        assert!(ensure_clearable(&root, &root.join("xtask")).is_err());
        assert!(ensure_clearable(&root, &root.join("no-such-folder")).is_ok());
        let error = ensure_clearable(&root, &root.join("src")).expect_err("src is no build");
        assert!(
            error.to_string().contains("holds no previous build"),
            "{error}"
        );
    }
}
