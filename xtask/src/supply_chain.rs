//! The supply-chain step of `cargo xtask test`: cargo-deny against the rules in `deny.toml`.
//!
//! `licenses`, `bans` and `sources` need nothing but the dependency graph, so they always
//! run. `advisories` needs the RustSec database, a git repository on GitHub that this
//! project's machines cannot reach: the check runs, with fetching turned off (`--offline`),
//! only when a copy of the database is already in cargo-deny's folder
//! (`$CARGO_HOME/advisory-dbs`, as `deny.toml` states); otherwise the run says in one line
//! that it was skipped. Nothing is faked and no partial copy is kept in the repository.
//!
//! Where cargo-deny is missing, the step runs `.ci/install-cargo-deny`, which installs the
//! pinned version (CI runs it too, before `cargo xtask test`).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::process;

/// The cargo-deny release the rules are written for; `.ci/install-cargo-deny` installs it.
pub const CARGO_DENY_VERSION: &str = "0.20.2";

/// The script that installs it, from the workspace root, and how to run it.
const INSTALL_SCRIPT: &str = ".ci/install-cargo-deny";
const INSTALL_COMMAND: &str = "bash .ci/install-cargo-deny";

/// The checks that need no network.
const OFFLINE_CHECKS: [&str; 3] = ["licenses", "bans", "sources"];

/// Runs cargo-deny: the offline checks always, `advisories` when its database is here.
pub fn check() -> Result<()> {
    ensure_installed()?;
    process::run(cargo_deny(&[]).arg("check").args(OFFLINE_CHECKS))?;
    let databases = advisory_databases_dir();
    if has_advisory_database(&databases) {
        println!(
            "Checking advisories against the local database in {} (no fetching)",
            databases.display()
        );
        process::run(cargo_deny(&["--offline"]).args(["check", "advisories"]))
    } else {
        println!(
            "Advisories check skipped: the RustSec advisory database is not available offline \
             (no copy in {})",
            databases.display()
        );
        Ok(())
    }
}

/// `cargo deny` over the whole workspace, with `Cargo.lock` held as it is.
fn cargo_deny(global_options: &[&str]) -> std::process::Command {
    let mut command = process::cargo();
    command
        .args(["deny", "--workspace", "--locked"])
        .args(global_options);
    command
}

/// Installs the pinned cargo-deny with the install script unless `cargo deny` runs
/// (seconds on x86-64 Linux); notes a version other than the pinned one.
fn ensure_installed() -> Result<()> {
    let installed = || -> Result<Option<String>> {
        let output = process::cargo()
            .args(["deny", "--version"])
            .output()
            .context("cannot run cargo")?;
        Ok(output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned()))
    };
    let version = match installed()? {
        Some(version) => version,
        None => {
            println!("cargo-deny is not installed: {INSTALL_COMMAND}");
            process::run(
                std::process::Command::new("bash")
                    .arg(INSTALL_SCRIPT)
                    .current_dir(process::workspace_root()),
            )
            .with_context(|| format!("cannot install cargo-deny ({INSTALL_COMMAND})"))?;
            match installed()? {
                Some(version) => version,
                None => bail!("cargo-deny does not run after {INSTALL_COMMAND}"),
            }
        }
    };
    if version != format!("cargo-deny {CARGO_DENY_VERSION}") {
        println!(
            "note: {version} is installed; deny.toml is written for {CARGO_DENY_VERSION} \
             ({INSTALL_COMMAND} installs it)"
        );
    }
    Ok(())
}

/// cargo-deny's default database folder, `$CARGO_HOME/advisory-dbs` (`~/.cargo` without
/// `CARGO_HOME`), where `deny.toml` points as well.
fn advisory_databases_dir() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    cargo_home.join("advisory-dbs")
}

/// Whether the folder holds a database: a clone is a folder in it. cargo-deny leaves a
/// lock file there even when it could not fetch anything, so a file alone does not count.
fn has_advisory_database(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .filter_map(Result::ok)
            .any(|entry| entry.file_type().is_ok_and(|kind| kind.is_dir()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::workspace_root;

    /// A fresh, empty folder under the system temp dir, removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let dir =
                std::env::temp_dir().join(format!("xtask-deny-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).expect("cannot create a test folder");
            TempDir(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_missing_advisory_folder_holds_no_database() {
        let dir = TempDir::new("advisories-missing");
        assert!(!has_advisory_database(&dir.0.join("advisory-dbs")));
    }

    #[test]
    fn an_advisory_folder_with_only_cargo_denys_lock_file_holds_no_database() {
        let dir = TempDir::new("advisories-lock-only");
        std::fs::write(dir.0.join("db.lock"), "").expect("cannot write the lock file");
        assert!(!has_advisory_database(&dir.0));
    }

    #[test]
    fn an_advisory_folder_with_a_cloned_database_holds_one() {
        let dir = TempDir::new("advisories-cloned");
        std::fs::create_dir(dir.0.join("advisory-db-3157b0e258782691"))
            .expect("cannot create the database folder");
        assert!(has_advisory_database(&dir.0));
    }

    #[test]
    fn the_install_script_pins_the_same_cargo_deny_version() {
        let script = std::fs::read_to_string(workspace_root().join(INSTALL_SCRIPT))
            .expect("cannot read .ci/install-cargo-deny");
        assert!(
            script.contains(&format!("CARGO_DENY_VERSION=\"{CARGO_DENY_VERSION}\"")),
            ".ci/install-cargo-deny does not pin cargo-deny {CARGO_DENY_VERSION}"
        );
    }

    #[test]
    fn deny_toml_reads_advisories_from_the_folder_this_step_looks_in() {
        let config = std::fs::read_to_string(workspace_root().join("deny.toml"))
            .expect("cannot read deny.toml");
        assert!(config.contains("db-path = \"$CARGO_HOME/advisory-dbs\""));
    }
}
