//! Headless Chromium through ChromeDriver: the one WebDriver client of the project.
//!
//! `cargo xtask` (screenshots, benchmarks) and the browser tests (`tests/e2e`) all start
//! their browser sessions here, so there is one set of Chromium arguments
//! ([`BASE_ARGUMENTS`], plus what a [`BrowserConfig`] asks for) and one client:
//! [fantoccini](https://docs.rs/fantoccini), over plain HTTP to a ChromeDriver on a
//! loopback port. The two ChromeDriver endpoints fantoccini has no method for are commands
//! of their own here: [`console_messages`] (`/se/log`, the browser console) and
//! [`devtools`] (`/goog/cdp/execute`, a DevTools protocol command, which the benchmark uses
//! to move the mouse and read performance metrics without a WebSocket).
//!
//! The client is async (tokio); xtask, which is otherwise synchronous, runs it on a
//! current-thread runtime of its own.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use fantoccini::error::{CmdError, NewSessionError};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Map, Value};

/// The Chromium arguments every session gets: headless, no sandbox (containers, root), no
/// GPU, and nothing running in the background that could make a request or a measurement
/// noisy.
pub const BASE_ARGUMENTS: [&str; 8] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
];

/// Where Debian installs Chromium; used when no other binary is given and it exists.
pub const DEBIAN_CHROMIUM: &str = "/usr/bin/chromium";

/// How one browser session is started.
#[derive(Debug, Clone)]
pub struct BrowserConfig {
    /// The Chromium executable; ChromeDriver's own choice when `None`.
    pub chromium: Option<PathBuf>,
    /// A fresh profile folder for this session (see [`ProfileDir`]).
    pub profile: PathBuf,
    /// The window size, in CSS pixels.
    pub window: (u32, u32),
    /// Forces `devicePixelRatio` to this value (`--force-device-scale-factor`).
    pub device_scale_factor: Option<u32>,
    /// More arguments, after [`BASE_ARGUMENTS`] (such as `--js-flags=--expose-gc`).
    pub extra_arguments: Vec<String>,
    /// Keep the browser console, for [`console_messages`].
    pub console_log: bool,
    /// The WebDriver page load strategy; `normal` (navigation waits for the load event) when
    /// `None`. With `none` a navigation returns as soon as it starts, so that the caller can
    /// act on the page while it loads (the benchmark's pointer does).
    pub page_load_strategy: Option<&'static str>,
}

impl BrowserConfig {
    /// A session of `window` size with its own `profile`, the Chromium that
    /// `PARAM_SCALE_CHROMIUM` names or Debian's, and nothing else.
    pub fn new(profile: PathBuf, window: (u32, u32)) -> BrowserConfig {
        BrowserConfig {
            chromium: default_chromium(),
            profile,
            window,
            device_scale_factor: None,
            extra_arguments: Vec::new(),
            console_log: false,
            page_load_strategy: None,
        }
    }

    /// The Chromium command line: [`BASE_ARGUMENTS`], the profile, the window size, the
    /// scale factor, then the extra arguments.
    pub fn arguments(&self) -> Vec<String> {
        let mut arguments: Vec<String> = BASE_ARGUMENTS.map(str::to_owned).to_vec();
        arguments.push(format!("--user-data-dir={}", self.profile.display()));
        arguments.push(format!("--window-size={},{}", self.window.0, self.window.1));
        if let Some(factor) = self.device_scale_factor {
            arguments.push(format!("--force-device-scale-factor={factor}"));
        }
        arguments.extend(self.extra_arguments.iter().cloned());
        arguments
    }

    /// The WebDriver capabilities of the session.
    pub fn capabilities(&self) -> Map<String, Value> {
        let mut chrome_options = json!({ "args": self.arguments() });
        if let Some(chromium) = &self.chromium {
            chrome_options["binary"] = json!(chromium.display().to_string());
        }
        let mut capabilities = Map::new();
        capabilities.insert("goog:chromeOptions".to_owned(), chrome_options);
        if self.console_log {
            capabilities.insert("goog:loggingPrefs".to_owned(), json!({ "browser": "ALL" }));
        }
        if let Some(strategy) = self.page_load_strategy {
            capabilities.insert("pageLoadStrategy".to_owned(), json!(strategy));
        }
        capabilities
    }
}

/// The Chromium to run: `PARAM_SCALE_CHROMIUM` (which `cargo xtask test` sets), else
/// Debian's, else `None` (ChromeDriver looks for one itself).
pub fn default_chromium() -> Option<PathBuf> {
    std::env::var_os("PARAM_SCALE_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| Some(PathBuf::from(DEBIAN_CHROMIUM)))
        .filter(|path| path.is_file())
}

/// Starts a session on the ChromeDriver at `webdriver_url` (`http://127.0.0.1:<port>`).
pub async fn connect(
    webdriver_url: &str,
    config: &BrowserConfig,
) -> Result<Client, NewSessionError> {
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(config.capabilities())
        .connect(webdriver_url)
        .await
}

/// One message from the browser console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleMessage {
    /// `SEVERE`, `WARNING`, `INFO`…
    pub level: String,
    pub text: String,
}

/// The console messages logged since the last call (ChromeDriver empties its buffer). The
/// session needs [`BrowserConfig::console_log`].
pub async fn console_messages(client: &Client) -> Result<Vec<ConsoleMessage>, CmdError> {
    let value = client
        .issue_cmd(SessionPost {
            path: "se/log",
            body: json!({ "type": "browser" }),
        })
        .await?;
    Ok(parse_console_messages(&value))
}

/// The entries of a `/se/log` answer; anything else reads as no messages.
pub fn parse_console_messages(value: &Value) -> Vec<ConsoleMessage> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .map(|entry| {
            let text = |key: &str| entry[key].as_str().unwrap_or_default().to_owned();
            ConsoleMessage {
                level: text("level"),
                text: text("message"),
            }
        })
        .collect()
}

/// Sends a DevTools protocol command (`Performance.getMetrics`…) to the session's page
/// through ChromeDriver and returns its result.
pub async fn devtools(
    client: &Client,
    command: &str,
    parameters: Value,
) -> Result<Value, CmdError> {
    client
        .issue_cmd(SessionPost {
            path: "goog/cdp/execute",
            body: json!({ "cmd": command, "params": parameters }),
        })
        .await
}

/// A `POST /session/{id}/{path}` with a JSON body: a ChromeDriver endpoint fantoccini has
/// no method for.
#[derive(Debug)]
struct SessionPost {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session_id = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session_id}/{}", self.path))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// A browser profile folder of its own for one session, under the system temp dir, deleted
/// when dropped.
#[derive(Debug)]
pub struct ProfileDir(PathBuf);

impl ProfileDir {
    /// A new, unique folder name (the browser creates the folder).
    pub fn new(purpose: &str) -> ProfileDir {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|elapsed| elapsed.subsec_nanos())
            .unwrap_or_default();
        let name = format!(
            "param-scale-{purpose}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        ProfileDir(std::env::temp_dir().join(name))
    }

    /// The folder.
    pub fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for ProfileDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arguments_are_the_base_set_then_the_session_s_own() {
        let mut config = BrowserConfig::new(PathBuf::from("/tmp/profile"), (1000, 700));
        config.device_scale_factor = Some(2);
        config.extra_arguments = vec!["--hide-scrollbars".to_owned()];
        let arguments = config.arguments();
        assert_eq!(
            arguments[..BASE_ARGUMENTS.len()],
            BASE_ARGUMENTS.map(str::to_owned)
        );
        assert_eq!(
            arguments[BASE_ARGUMENTS.len()..],
            [
                "--user-data-dir=/tmp/profile",
                "--window-size=1000,700",
                "--force-device-scale-factor=2",
                "--hide-scrollbars",
            ]
            .map(str::to_owned)
        );
    }

    #[test]
    fn the_console_is_kept_only_when_asked_for() {
        let mut config = BrowserConfig::new(PathBuf::from("/p"), (10, 10));
        config.chromium = Some(PathBuf::from("/opt/chromium"));
        let quiet = config.capabilities();
        assert!(!quiet.contains_key("goog:loggingPrefs"));
        assert!(!quiet.contains_key("pageLoadStrategy"));
        assert_eq!(quiet["goog:chromeOptions"]["binary"], "/opt/chromium");
        config.console_log = true;
        assert_eq!(
            config.capabilities()["goog:loggingPrefs"],
            json!({ "browser": "ALL" })
        );
        config.page_load_strategy = Some("none");
        assert_eq!(config.capabilities()["pageLoadStrategy"], "none");
    }

    #[test]
    fn console_entries_are_read_by_level_and_message() {
        let answer = json!([
            { "level": "SEVERE", "message": "boom", "timestamp": 1 },
            { "level": "INFO" },
        ]);
        assert_eq!(
            parse_console_messages(&answer),
            [
                ConsoleMessage {
                    level: "SEVERE".to_owned(),
                    text: "boom".to_owned()
                },
                ConsoleMessage {
                    level: "INFO".to_owned(),
                    text: String::new()
                },
            ]
        );
        assert!(parse_console_messages(&json!({ "error": "x" })).is_empty());
    }

    #[test]
    fn a_session_command_goes_to_the_session_s_endpoint() {
        let base = url::Url::parse("http://127.0.0.1:9515/").expect("a URL");
        let command = SessionPost {
            path: "se/log",
            body: json!({}),
        };
        let endpoint = command.endpoint(&base, Some("abc")).expect("an endpoint");
        assert_eq!(
            endpoint.as_str(),
            "http://127.0.0.1:9515/session/abc/se/log"
        );
    }
}
