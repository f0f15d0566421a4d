//! The browser the end-to-end tests drive: finding it, installing it, starting ChromeDriver.
//!
//! The tests need three things from the system: Chromium, ChromeDriver (same version, from
//! the same distribution) and a CJK font, without which the Chinese chart draws boxes.
//! [`ensure_installed`] checks for all three and, when something is missing and it may
//! (root, with `apt-get`), installs Debian's packages; otherwise it stops and prints the
//! command to run. It never lets the browser tests be skipped.
//!
//! [`ChromeDriver::start`] runs `chromedriver` on a free loopback port and waits until it
//! accepts connections. Dropping the [`ChromeDriver`] ends it and every process it started
//! (the browsers), by process id, so a failed run leaves nothing behind.

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::process::{self, probe_output};

/// The Debian packages that provide everything the browser tests need.
const DEBIAN_PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "fonts-noto-cjk"];

/// Where Debian's `fonts-noto-cjk` puts its sans-serif face.
const NOTO_CJK_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

/// How long ChromeDriver may take to accept connections after it starts.
const CHROMEDRIVER_START_TIMEOUT: Duration = Duration::from_secs(20);

/// The command that installs the browser tests' system packages.
pub fn install_command() -> String {
    format!(
        "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y {}",
        DEBIAN_PACKAGES.join(" ")
    )
}

/// The programs the browser tests run.
#[derive(Debug, Clone)]
pub struct BrowserTools {
    /// The Chromium executable.
    pub chromium: PathBuf,
    /// The ChromeDriver executable.
    pub chromedriver: PathBuf,
}

/// What is missing for the browser tests, by the Debian package that provides it.
fn missing_packages() -> Vec<&'static str> {
    let mut missing = Vec::new();
    if find_chromium().is_none() {
        missing.push("chromium");
    }
    if find_on_path("chromedriver").is_none() {
        missing.push("chromium-driver");
    }
    if !has_cjk_font() {
        missing.push("fonts-noto-cjk");
    }
    missing
}

fn find_chromium() -> Option<PathBuf> {
    let debian = Path::new("/usr/bin/chromium");
    if debian.is_file() {
        return Some(debian.to_path_buf());
    }
    find_on_path("chromium")
}

/// The first executable file called `name` in a `PATH` folder.
fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path)
        .is_ok_and(|metadata| metadata.is_file() && metadata.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

fn has_cjk_font() -> bool {
    if Path::new(NOTO_CJK_FONT).is_file() {
        return true;
    }
    probe_output("fc-list", &[":lang=zh"]).is_some_and(|fonts| !fonts.trim().is_empty())
}

/// True when this process may install Debian packages: root, with `apt-get` available.
pub fn can_install_debian_packages() -> bool {
    let is_root = probe_output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    is_root && find_on_path("apt-get").is_some()
}

/// Makes sure Chromium, ChromeDriver and a CJK font are installed, installing them if allowed.
pub fn ensure_installed() -> Result<BrowserTools> {
    let missing = missing_packages();
    if !missing.is_empty() {
        println!("Missing for the browser tests: {}", missing.join(", "));
        if !can_install_debian_packages() {
            bail!(
                "the browser tests need Chromium, ChromeDriver and CJK fonts; install them with:\n    \
                 {}\n(as root, on Debian) and run again",
                install_command()
            );
        }
        install_debian_packages(&DEBIAN_PACKAGES)?;
    }
    let chromium = find_chromium().context("Chromium is still missing after installing it")?;
    let chromedriver = find_on_path("chromedriver")
        .context("ChromeDriver is still missing after installing it")?;
    if !has_cjk_font() {
        bail!("no CJK font is installed after installing fonts-noto-cjk");
    }
    let driver_version = probe_output(&chromedriver.to_string_lossy(), &["--version"])
        .map(|version| version.trim().to_owned())
        .unwrap_or_else(|| chromedriver.display().to_string());
    println!(
        "Using Chromium at {} and {driver_version}",
        chromium.display()
    );
    Ok(BrowserTools {
        chromium,
        chromedriver,
    })
}

/// Installs Debian's `packages` with `apt-get` (as root).
pub fn install_debian_packages(packages: &[&str]) -> Result<()> {
    println!("Installing {} with apt-get", packages.join(" "));
    process::run(
        Command::new("apt-get")
            .arg("update")
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    process::run(
        Command::new("apt-get")
            .args(["install", "-y"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// A running ChromeDriver, ended (with every browser it started) when dropped.
#[derive(Debug)]
pub struct ChromeDriver {
    child: Child,
    port: u16,
    log_path: PathBuf,
}

impl ChromeDriver {
    /// Starts ChromeDriver on a free loopback port and waits until it is ready.
    ///
    /// ChromeDriver's own log goes to `log_path`, to read when a browser test fails.
    pub fn start(chromedriver: &Path, log_path: &Path) -> Result<ChromeDriver> {
        let port = free_loopback_port().context("cannot find a free port for ChromeDriver")?;
        if let Some(parent) = log_path.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log_path.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .with_context(|| format!("cannot start {}", chromedriver.display()))?;
        let mut driver = ChromeDriver {
            child,
            port,
            log_path: log_path.to_path_buf(),
        };
        driver.wait_until_ready()?;
        Ok(driver)
    }

    /// The WebDriver URL to give to clients: `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// How ChromeDriver ended, if it is no longer running.
    pub fn exit_status(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// Where ChromeDriver writes its log.
    pub fn log_path(&self) -> &Path {
        &self.log_path
    }

    fn wait_until_ready(&mut self) -> Result<()> {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!(
                    "ChromeDriver exited at start-up ({status}); see {}",
                    self.log_path.display()
                );
            }
            if status_is_ready(self.port) {
                return Ok(());
            }
            if started.elapsed() > CHROMEDRIVER_START_TIMEOUT {
                bail!(
                    "ChromeDriver did not listen on 127.0.0.1:{} within {:?}",
                    self.port,
                    CHROMEDRIVER_START_TIMEOUT
                );
            }
            thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        // Collect the browsers first: once ChromeDriver is gone they would be re-parented
        // and could no longer be told apart from other processes.
        let descendants = descendant_process_ids(self.child.id());
        let _ = self.child.kill();
        let _ = self.child.wait();
        if !descendants.is_empty() {
            let ids: Vec<String> = descendants.iter().map(u32::to_string).collect();
            let _ = Command::new("kill")
                .arg("-KILL")
                .args(&ids)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}

/// Asks the operating system for a free port on 127.0.0.1.
fn free_loopback_port() -> std::io::Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", 0))?;
    Ok(listener.local_addr()?.port())
}

/// True when ChromeDriver accepts connections on the port: it listens only once it is
/// ready for sessions, so no WebDriver request is needed to tell.
fn status_is_ready(port: u16) -> bool {
    let address = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    TcpStream::connect_timeout(&address, Duration::from_millis(500)).is_ok()
}

/// The ids of every process below `root` in the process tree, read from `/proc` (Linux).
///
/// Elsewhere this finds nothing, and only ChromeDriver itself is ended.
fn descendant_process_ids(root: u32) -> Vec<u32> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    let parents: Vec<(u32, u32)> = entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|id| {
            let stat = fs::read_to_string(format!("/proc/{id}/stat")).ok()?;
            Some((id, parent_id_from_stat(&stat)?))
        })
        .collect();
    let mut found = vec![root];
    let mut index = 0;
    while index < found.len() {
        let parent = found[index];
        found.extend(
            parents
                .iter()
                .filter(|(_, of)| *of == parent)
                .map(|(id, _)| *id),
        );
        index += 1;
    }
    found.remove(0);
    found
}

/// The parent process id in a `/proc/<id>/stat` line: `id (name) state parent ...`.
///
/// The name may contain spaces and parentheses, so the fields are read after its last `)`.
fn parent_id_from_stat(stat: &str) -> Option<u32> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    after_name.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parent_id_is_read_after_the_process_name() {
        let stat = "4242 (chrome (renderer) x) S 4200 4242 4242 0 -1 4194560";
        assert_eq!(parent_id_from_stat(stat), Some(4200));
        assert_eq!(parent_id_from_stat("garbage"), None);
    }

    #[test]
    fn the_install_command_names_every_debian_package() {
        let command = install_command();
        for package in DEBIAN_PACKAGES {
            assert!(command.contains(package), "{command}");
        }
        assert!(
            command.contains("DEBIAN_FRONTEND=noninteractive"),
            "{command}"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_child_process_is_found_among_the_descendants() {
        let mut child = Command::new("sleep")
            .arg("30")
            .spawn()
            .expect("start sleep");
        let descendants = descendant_process_ids(std::process::id());
        let _ = child.kill();
        let _ = child.wait();
        assert!(descendants.contains(&child.id()), "{descendants:?}");
    }
}
