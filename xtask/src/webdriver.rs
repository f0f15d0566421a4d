//! A blocking face on the project's one WebDriver client, for the xtask commands that drive
//! a browser (`screenshot`, `bench`).
//!
//! The client is fantoccini, started with the project's one set of Chromium arguments by the
//! `chromium-session` crate, which the browser tests use as well. It is async; xtask is not,
//! so a [`Session`] owns a small current-thread tokio runtime and blocks on each command. A
//! session ends its browser (and deletes its profile folder) when dropped, even after an
//! error.

use anyhow::{Context, Result};
use chromium_session::{BrowserConfig, ConsoleMessage, ProfileDir};
use fantoccini::Client;
use serde_json::Value;
use tokio::runtime::Runtime;

/// One browser session, ended when dropped.
pub struct Session {
    runtime: Runtime,
    client: Client,
    /// Removed after the browser has ended (fields drop after `Drop::drop`).
    _profile: ProfileDir,
}

impl Session {
    /// Starts a session on the ChromeDriver at `driver_url` (`http://127.0.0.1:<port>`), in a
    /// fresh profile folder, with the shared arguments and `configure`'s changes.
    pub fn start(
        driver_url: &str,
        window: (u32, u32),
        configure: impl FnOnce(&mut BrowserConfig),
    ) -> Result<Session> {
        let profile = ProfileDir::new("xtask");
        let mut config = BrowserConfig::new(profile.path().to_path_buf(), window);
        configure(&mut config);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("cannot start an async runtime for the WebDriver client")?;
        let client = runtime
            .block_on(chromium_session::connect(driver_url, &config))
            .with_context(|| format!("cannot start a browser session on {driver_url}"))?;
        Ok(Session {
            runtime,
            client,
            _profile: profile,
        })
    }

    /// Opens a URL and waits for the page to load.
    pub fn navigate(&self, url: &str) -> Result<()> {
        self.runtime
            .block_on(self.client.goto(url))
            .with_context(|| format!("cannot open {url}"))
    }

    /// Runs a script (a function body that may `return`) in the page and returns its value.
    pub fn execute(&self, script: &str) -> Result<Value> {
        self.runtime
            .block_on(self.client.execute(script, Vec::new()))
            .with_context(|| format!("the script failed in the page: {script}"))
    }

    /// Runs an asynchronous script, which ends by calling its last argument with its value.
    pub fn execute_async(&self, script: &str) -> Result<Value> {
        self.runtime
            .block_on(self.client.execute_async(script, Vec::new()))
            .with_context(|| format!("the script failed in the page: {script}"))
    }

    /// Sets the outer size of the browser window.
    pub fn set_window_size(&self, width: u32, height: u32) -> Result<()> {
        self.runtime
            .block_on(self.client.set_window_size(width, height))
            .with_context(|| format!("cannot size the window to {width}×{height}"))
    }

    /// A PNG of the viewport.
    pub fn screenshot_png(&self) -> Result<Vec<u8>> {
        self.runtime
            .block_on(self.client.screenshot())
            .context("cannot take a screenshot")
    }

    /// The browser console messages logged since the last call (the session must keep the
    /// console: [`BrowserConfig::console_log`]).
    pub fn console_messages(&self) -> Result<Vec<ConsoleMessage>> {
        self.runtime
            .block_on(chromium_session::console_messages(&self.client))
            .context("cannot read the browser console")
    }

    /// Sends a DevTools protocol command to the page and returns its result.
    pub fn devtools(&self, command: &str, parameters: Value) -> Result<Value> {
        self.runtime
            .block_on(chromium_session::devtools(
                &self.client,
                command,
                parameters,
            ))
            .with_context(|| format!("DevTools command {command} failed"))
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.runtime.block_on(self.client.clone().close());
    }
}
