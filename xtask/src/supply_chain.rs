//! The supply-chain step of `cargo xtask test`: cargo-deny against the rules in `deny.toml`.
//!
//! `licenses`, `bans` and `sources` need nothing but the dependency graph, so they always
//! run. `advisories` needs the RustSec database, a git repository on GitHub that this
//! project's machines cannot reach, so it runs offline (`--offline`) against the copy in
//! cargo-deny's folder (`$CARGO_HOME/advisory-dbs/advisory-db-3157b0e258782691`, the name
//! its default URL hashes to; `deny.toml` names the folder too). When that copy is missing
//! and the offline snapshot [`SNAPSHOT`] lies beside the repository (`../shared/`, as on CI),
//! the step unpacks it there first; a machine that reaches GitHub can `cargo deny fetch`
//! instead, and a fetched copy is used as it is. With neither, the step says in one line that
//! the advisories were not checked — or fails, when [`REQUIRE_ADVISORIES_ENV`] is set, as
//! `.ci/run` sets it.
//!
//! A check that cannot fail proves nothing, so after a passing advisories check the step
//! runs it once more against a throw-away copy of the database in `target/`, with one extra
//! advisory for a crate in `Cargo.lock` ([`throw_away_advisory`]), and fails unless
//! cargo-deny then fails naming that advisory.
//!
//! Where cargo-deny is missing, the step runs `.ci/install-cargo-deny`, which installs the
//! pinned version (CI runs it too, before `cargo xtask test`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::process;

/// The cargo-deny release the rules are written for; `.ci/install-cargo-deny` installs it.
pub const CARGO_DENY_VERSION: &str = "0.20.2";

/// The script that installs it, from the workspace root, and how to run it.
const INSTALL_SCRIPT: &str = ".ci/install-cargo-deny";
const INSTALL_COMMAND: &str = "bash .ci/install-cargo-deny";

/// The checks that need no network.
const OFFLINE_CHECKS: [&str; 3] = ["licenses", "bans", "sources"];

/// The offline snapshot of the RustSec database (a `.tar.gz` of one folder, `advisory-db/`),
/// relative to the workspace root: CI clones the repository with a copy of `shared/` beside it.
pub const SNAPSHOT: &str = "../shared/supply-chain/rustsec-advisory-db.tar.gz";

/// The folder, under `advisory-dbs`, that cargo-deny's default database URL hashes to.
const DATABASE_FOLDER: &str = "advisory-db-3157b0e258782691";

/// Set (to anything) to make a missing advisory database an error instead of a skipped check.
pub const REQUIRE_ADVISORIES_ENV: &str = "PARAM_SCALE_REQUIRE_ADVISORIES";

/// The id of the advisory the failure proof adds (a year no real advisory has).
const THROW_AWAY_ID: &str = "RUSTSEC-2099-0001";

/// Runs cargo-deny: the offline checks always, `advisories` when its database is here (or
/// the snapshot can be put in place), followed by the proof that it can fail.
pub fn check() -> Result<()> {
    ensure_installed()?;
    process::run(cargo_deny(&[]).arg("check").args(OFFLINE_CHECKS))?;
    let databases = advisory_databases_dir();
    let snapshot = process::workspace_root().join(SNAPSHOT);
    if !has_advisory_database(&databases) && snapshot.is_file() {
        install_snapshot(&snapshot, &databases)?;
    }
    if has_advisory_database(&databases) {
        println!(
            "Checking advisories against the local database in {} (no fetching)",
            databases.display()
        );
        process::run(cargo_deny(&["--offline"]).args(["check", "advisories"]))?;
        prove_the_advisories_check_can_fail(&databases.join(DATABASE_FOLDER))
    } else if std::env::var_os(REQUIRE_ADVISORIES_ENV).is_some() {
        bail!(
            "no RustSec advisory database in {} and no snapshot at {}: put shared/ beside the \
             repository, or run `cargo deny fetch` on a machine that reaches GitHub",
            databases.display(),
            snapshot.display()
        )
    } else {
        println!(
            "Advisories check skipped: the RustSec advisory database is not available offline \
             (no copy in {}, no snapshot at {}; `cargo deny fetch` makes one)",
            databases.display(),
            snapshot.display()
        );
        Ok(())
    }
}

/// Unpacks the snapshot into `databases` under cargo-deny's folder name. It is unpacked
/// beside it first and then renamed, so a half-written copy is never read (and two runs at
/// once do not collide).
fn install_snapshot(snapshot: &Path, databases: &Path) -> Result<()> {
    println!(
        "Installing the RustSec advisory database snapshot {} into {}",
        snapshot.display(),
        databases.display()
    );
    let unpack = databases.join(format!(".unpack-{}", std::process::id()));
    let _ = fs::remove_dir_all(&unpack);
    fs::create_dir_all(&unpack).with_context(|| format!("cannot create {}", unpack.display()))?;
    let result = process::run(
        Command::new("tar")
            .arg("-xzf")
            .arg(snapshot)
            .arg("-C")
            .arg(&unpack),
    )
    .and_then(|()| {
        let target = databases.join(DATABASE_FOLDER);
        match fs::rename(unpack.join("advisory-db"), &target) {
            // Another run may have put one there meanwhile: that one is as good.
            Err(_) if target.is_dir() => Ok(()),
            other => {
                other.with_context(|| format!("cannot move the database to {}", target.display()))
            }
        }
    });
    let _ = fs::remove_dir_all(&unpack);
    result
}

/// Runs the advisories check against a copy of `database` in `target/` with one extra
/// advisory for a locked crate, and fails unless cargo-deny fails on that advisory.
fn prove_the_advisories_check_can_fail(database: &Path) -> Result<()> {
    let root = process::workspace_root();
    let work = root.join("target").join("advisories-proof");
    let _ = fs::remove_dir_all(&work);
    let lock = fs::read_to_string(root.join("Cargo.lock")).context("cannot read Cargo.lock")?;
    let package = first_registry_package(&lock).context("Cargo.lock names no crates.io package")?;
    let copy = work.join("advisory-dbs").join(DATABASE_FOLDER);
    crate::dist::copy_dir_recursive(database, &copy)?;
    let advisory = copy
        .join("crates")
        .join(package)
        .join(format!("{THROW_AWAY_ID}.md"));
    if let Some(parent) = advisory.parent() {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    fs::write(&advisory, throw_away_advisory(package))
        .with_context(|| format!("cannot write {}", advisory.display()))?;
    let rules = fs::read_to_string(root.join("deny.toml")).context("cannot read deny.toml")?;
    let rules = with_database_path(&rules, &work.join("advisory-dbs"))
        .context("deny.toml has no `db-path = ...` line to point at the throw-away copy")?;
    let config = work.join("deny.toml");
    fs::write(&config, rules).with_context(|| format!("cannot write {}", config.display()))?;

    let output = cargo_deny(&["--offline", "--config"])
        .arg(&config)
        .args(["check", "advisories"])
        .output()
        .context("cannot run cargo deny")?;
    let _ = fs::remove_dir_all(&work);
    let said = String::from_utf8_lossy(&output.stderr);
    if output.status.success() || !said.contains(THROW_AWAY_ID) {
        bail!(
            "the advisories check did not fail on a throw-away advisory for `{package}` \
             ({THROW_AWAY_ID} in a copy of the database): exit {}, output:\n{said}",
            output.status
        );
    }
    println!(
        "The advisories check fails as it should on a throw-away advisory for `{package}` \
         ({THROW_AWAY_ID}, in a copy of the database under target/)"
    );
    Ok(())
}

/// The name of the first crates.io package in a `Cargo.lock`.
fn first_registry_package(lock: &str) -> Option<&str> {
    let mut name = None;
    for line in lock.lines() {
        if let Some(value) = line.strip_prefix("name = ") {
            name = Some(value.trim_matches('"'));
        } else if line.starts_with("source = \"registry+") {
            return name;
        } else if line == "[[package]]" {
            name = None;
        }
    }
    None
}

/// A RustSec advisory (TOML front matter, then Markdown) that every version of `package` is
/// affected by: nothing is patched.
fn throw_away_advisory(package: &str) -> String {
    format!(
        "```toml\n[advisory]\nid = \"{THROW_AWAY_ID}\"\npackage = \"{package}\"\n\
         date = \"2026-08-21\"\nurl = \"https://example.invalid/param-scale/throw-away-advisory\"\n\n\
         [versions]\npatched = []\n```\n\n# A throw-away advisory\n\n\
         Written by `cargo xtask test` into a copy of the database, to prove the check fails.\n"
    )
}

/// The rules with their `db-path` pointing at `databases`; `None` without a `db-path` line.
fn with_database_path(rules: &str, databases: &Path) -> Option<String> {
    let mut found = false;
    let lines: Vec<String> = rules
        .lines()
        .map(|line| {
            if line.starts_with("db-path = ") {
                found = true;
                format!("db-path = {:?}", databases.display().to_string())
            } else {
                line.to_owned()
            }
        })
        .collect();
    found.then(|| lines.join("\n") + "\n")
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

/// Whether the folder holds the database cargo-deny reads: its clone, under the folder name
/// of the default URL. cargo-deny leaves a lock file there even when it could not fetch
/// anything, so a file alone does not count.
fn has_advisory_database(dir: &Path) -> bool {
    dir.join(DATABASE_FOLDER).is_dir()
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
    fn another_folder_beside_it_is_no_database() {
        let dir = TempDir::new("advisories-other");
        std::fs::create_dir(dir.0.join(".unpack-1")).expect("cannot create a folder");
        assert!(!has_advisory_database(&dir.0));
    }

    #[test]
    fn the_throw_away_advisory_names_a_locked_crate_and_patches_nothing() {
        let lock = "version = 4\n\n[[package]]\nname = \"param-scale\"\nversion = \"0.1.0\"\n\n\
                    [[package]]\nname = \"anyhow\"\nversion = \"1.0.0\"\n\
                    source = \"registry+https://github.com/rust-lang/crates.io-index\"\n";
        assert_eq!(first_registry_package(lock), Some("anyhow"));
        let real = std::fs::read_to_string(workspace_root().join("Cargo.lock"))
            .expect("cannot read Cargo.lock");
        assert!(first_registry_package(&real).is_some());
        let advisory = throw_away_advisory("anyhow");
        assert!(advisory.starts_with("```toml\n[advisory]\n"), "{advisory}");
        assert!(advisory.contains("package = \"anyhow\"\n"), "{advisory}");
        assert!(
            advisory.contains("[versions]\npatched = []\n```\n"),
            "{advisory}"
        );
    }

    #[test]
    fn the_throw_away_rules_read_the_throw_away_database() {
        let rules = std::fs::read_to_string(workspace_root().join("deny.toml"))
            .expect("cannot read deny.toml");
        let changed = with_database_path(&rules, Path::new("/tmp/proof/advisory-dbs"))
            .expect("deny.toml has a db-path");
        assert!(changed.contains("\ndb-path = \"/tmp/proof/advisory-dbs\"\n"));
        assert!(!changed.contains("$CARGO_HOME"));
        assert_eq!(changed.lines().count(), rules.lines().count());
        assert_eq!(with_database_path("[advisories]\n", Path::new("/x")), None);
    }

    #[test]
    fn the_snapshot_path_is_the_one_ci_run_unpacks() {
        let script =
            std::fs::read_to_string(workspace_root().join(".ci/run")).expect("cannot read .ci/run");
        assert!(
            script.contains(SNAPSHOT),
            ".ci/run does not unpack {SNAPSHOT}"
        );
        assert!(script.contains(DATABASE_FOLDER));
        assert!(script.contains(REQUIRE_ADVISORIES_ENV));
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
