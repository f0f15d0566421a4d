//! The audit's tools from npm: axe-core and Lighthouse.
//!
//! `xtask/audit/package.json` names them at exact versions and `package-lock.json` pins
//! every package below them (Lighthouse's browser driver is `puppeteer-core`, which
//! downloads no browser: Lighthouse runs Debian's Chromium through `CHROME_PATH`). They are
//! installed with `npm ci --ignore-scripts` into `target/audit/`, never into the source
//! tree, and again only when the lock file changed: the copy of the lock beside
//! `node_modules` says what is installed.
//!
//! Node.js (18.16 or later, Lighthouse's floor) and npm come from the system; when they
//! are missing and this process may, Debian's `nodejs` and `npm` are installed with
//! `apt-get` (Debian 12 has Node.js 18.19), otherwise it stops with the command to run.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::browser;
use crate::process::{self, probe_output, workspace_root};

/// The Debian packages that provide Node.js and npm.
const DEBIAN_PACKAGES: [&str; 2] = ["nodejs", "npm"];

/// The oldest Node.js that Lighthouse 12 runs on (its `engines`), as (major, minor).
const NODE_FLOOR: (u32, u32) = (18, 16);

/// The files that say what to install, in `xtask/audit/`.
const MANIFESTS: [&str; 2] = ["package.json", "package-lock.json"];

/// The installed tools.
#[derive(Debug, Clone)]
pub struct AuditTools {
    /// axe-core's browser script, `axe.min.js`.
    pub axe: PathBuf,
    /// Lighthouse's command line, run with `node`.
    pub lighthouse: PathBuf,
}

/// Where the manifests live in the source tree.
fn source_dir() -> PathBuf {
    workspace_root().join("xtask").join("audit")
}

/// Where the tools are installed.
pub fn install_dir() -> PathBuf {
    workspace_root().join("target").join("audit")
}

/// Makes sure axe-core and Lighthouse are installed as the lock file says, installing
/// Node.js first when it is missing and may be.
pub fn ensure_installed() -> Result<AuditTools> {
    ensure_node()?;
    let (source, target) = (source_dir(), install_dir());
    let tools = AuditTools {
        axe: target.join("node_modules/axe-core/axe.min.js"),
        lighthouse: target.join("node_modules/lighthouse/cli/index.js"),
    };
    let lock = fs::read(source.join("package-lock.json"))
        .with_context(|| format!("cannot read {}", source.join("package-lock.json").display()))?;
    let installed = fs::read(target.join("package-lock.json")).ok();
    if installed.as_deref() == Some(lock.as_slice())
        && target.join("node_modules/.package-lock.json").is_file()
        && tools.axe.is_file()
        && tools.lighthouse.is_file()
    {
        println!(
            "axe-core and Lighthouse are installed in {}",
            target.display()
        );
        return Ok(tools);
    }
    fs::create_dir_all(&target).with_context(|| format!("cannot create {}", target.display()))?;
    for name in MANIFESTS {
        fs::copy(source.join(name), target.join(name))
            .with_context(|| format!("cannot copy {name} to {}", target.display()))?;
    }
    process::run(
        Command::new("npm")
            .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
            .current_dir(&target)
            .env("npm_config_update_notifier", "false"),
    )?;
    for tool in [&tools.axe, &tools.lighthouse] {
        if !tool.is_file() {
            bail!("npm ci did not install {}", tool.display());
        }
    }
    Ok(tools)
}

/// Node.js at [`NODE_FLOOR`] or later, and npm: found, or installed from Debian.
fn ensure_node() -> Result<()> {
    if node_version().is_none() || probe_output("npm", &["--version"]).is_none() {
        let command = format!(
            "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y {}",
            DEBIAN_PACKAGES.join(" ")
        );
        if !browser::can_install_debian_packages() {
            bail!(
                "the audit needs Node.js {}.{} or later and npm; install them, e.g. with:\n    \
                 {command}\n(as root, on Debian) and run again",
                NODE_FLOOR.0,
                NODE_FLOOR.1
            );
        }
        browser::install_debian_packages(&DEBIAN_PACKAGES)?;
    }
    let version = node_version().context("Node.js is still missing after installing it")?;
    if version < NODE_FLOOR {
        bail!(
            "Node.js {}.{} is too old for Lighthouse 12, which needs {}.{} or later",
            version.0,
            version.1,
            NODE_FLOOR.0,
            NODE_FLOOR.1
        );
    }
    Ok(())
}

/// The (major, minor) version of `node` on the path.
fn node_version() -> Option<(u32, u32)> {
    parse_node_version(&probe_output("node", &["--version"])?)
}

/// `v20.20.2` → (20, 20).
fn parse_node_version(text: &str) -> Option<(u32, u32)> {
    let mut parts = text.trim().strip_prefix('v')?.split('.');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_versions_are_read_as_major_and_minor() {
        for (text, expected) in [
            ("v20.20.2\n", Some((20, 20))),
            ("v18.19.0", Some((18, 19))),
            ("18.19.0", None),
            ("v", None),
            ("vtwenty.1", None),
        ] {
            assert_eq!(parse_node_version(text), expected, "{text:?}");
        }
        assert!((18, 19) >= NODE_FLOOR && (18, 15) < NODE_FLOOR && (20, 0) >= NODE_FLOOR);
    }

    #[test]
    fn the_manifests_pin_axe_core_and_lighthouse_and_no_browser_download() {
        let manifest = fs::read_to_string(source_dir().join("package.json")).expect("package.json");
        let lock = fs::read_to_string(source_dir().join("package-lock.json")).expect("lock");
        for (name, major) in [("axe-core", "4."), ("lighthouse", "12.")] {
            let pinned = format!("\"{name}\": \"{major}");
            assert!(
                manifest.contains(&pinned),
                "package.json pins {name} {major}x"
            );
            assert!(
                lock.contains(&format!("\"node_modules/{name}\"")),
                "the lock holds {name}"
            );
        }
        // `puppeteer` (not `-core`) would download a browser of its own on install.
        assert!(
            !lock.contains("\"node_modules/puppeteer\""),
            "the lock holds puppeteer"
        );
    }
}
