//! The Rust target the site is built for: `wasm32-unknown-unknown`, added when missing.
//!
//! `rust-toolchain.toml` names the target, but rustup does not always install what it names
//! (not when `RUSTUP_AUTO_INSTALL=0`), and a build without it fails with "can't find crate
//! for `core`". So every command that builds for wasm32 first calls [`ensure_wasm_target`]:
//! with rustup, it reads `rustup target list --installed` and runs
//! `rustup target add wasm32-unknown-unknown` when the target is not in it (as `test` installs
//! Chromium); without rustup, it looks for the target's standard library in rustc's sysroot
//! and, when it is not there, stops with the command to run. [`decide`] is that choice, alone.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Result};

use crate::process::{self, workspace_root};

/// The target the library is compiled to for the browser.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The command that installs the target.
pub const ADD_TARGET_COMMAND: &str = "rustup target add wasm32-unknown-unknown";

/// What to do about the wasm32 target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetAction {
    /// It is installed: build.
    Ready,
    /// rustup is here and the target is not: `rustup target add` it.
    Add,
    /// Neither rustup nor the target: stop and say how to install it.
    Stop,
}

/// Decides from `rustup target list --installed` (`None` without rustup) and whether rustc's
/// sysroot holds the target's standard library (only asked without rustup).
pub fn decide(rustup_installed: Option<&str>, in_sysroot: impl FnOnce() -> bool) -> TargetAction {
    match rustup_installed {
        Some(list) if list.lines().any(|line| line.trim() == WASM_TARGET) => TargetAction::Ready,
        Some(_) => TargetAction::Add,
        None if in_sysroot() => TargetAction::Ready,
        None => TargetAction::Stop,
    }
}

/// Makes sure the wasm32 target is installed, adding it with rustup when it is missing.
pub fn ensure_wasm_target() -> Result<()> {
    let root = workspace_root();
    // From the workspace root, so that rustup answers for the toolchain rust-toolchain.toml names.
    let installed = output_in(&root, "rustup", &["target", "list", "--installed"]);
    match decide(installed.as_deref(), || sysroot_has_target(&root)) {
        TargetAction::Ready => Ok(()),
        TargetAction::Add => {
            println!("The {WASM_TARGET} target is not installed: {ADD_TARGET_COMMAND}");
            process::run(
                Command::new("rustup")
                    .args(["target", "add", WASM_TARGET])
                    .current_dir(&root),
            )
        }
        TargetAction::Stop => bail!(
            "the {WASM_TARGET} target is not installed and rustup was not found; install \
             rustup (https://rustup.rs) and run:\n    {ADD_TARGET_COMMAND}"
        ),
    }
}

/// Runs a program in `dir` and returns its stdout, or `None` if it cannot run or fails.
fn output_in(dir: &Path, program: &str, arguments: &[&str]) -> Option<String> {
    let output = Command::new(program)
        .args(arguments)
        .current_dir(dir)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Whether rustc's sysroot holds the wasm32 standard library (a toolchain without rustup).
fn sysroot_has_target(root: &Path) -> bool {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let Some(sysroot) = output_in(root, &rustc, &["--print", "sysroot"]) else {
        return false;
    };
    Path::new(sysroot.trim())
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .join("lib")
        .is_dir()
}

#[cfg(test)]
mod tests {
    use super::*;

    const WITH_TARGET: &str = "x86_64-unknown-linux-gnu\nwasm32-unknown-unknown\n";

    #[test]
    fn an_installed_target_is_used_as_it_is() {
        assert_eq!(decide(Some(WITH_TARGET), || false), TargetAction::Ready);
    }

    #[test]
    fn rustup_without_the_target_adds_it() {
        let without = "x86_64-unknown-linux-gnu\n";
        assert_eq!(decide(Some(without), || true), TargetAction::Add);
        assert_eq!(decide(Some(""), || false), TargetAction::Add);
        // Another wasm target is not this one.
        let other = "wasm32-wasip1\nx86_64-unknown-linux-gnu\n";
        assert_eq!(decide(Some(other), || false), TargetAction::Add);
    }

    #[test]
    fn without_rustup_the_sysroot_decides_and_a_missing_target_stops_the_build() {
        assert_eq!(decide(None, || true), TargetAction::Ready);
        assert_eq!(decide(None, || false), TargetAction::Stop);
    }

    #[test]
    fn the_stop_message_is_the_exact_command() {
        assert_eq!(
            ADD_TARGET_COMMAND,
            format!("rustup target add {WASM_TARGET}")
        );
    }
}
