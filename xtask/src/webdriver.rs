//! A small WebDriver client over plain HTTP, for the xtask commands that drive a browser.
//!
//! ChromeDriver speaks JSON over HTTP/1.1 on a loopback port; the handful of commands
//! `screenshot` needs (start a session, open a page, run a script, size the window, take a
//! screenshot, end the session) are one request each, so a std-only client is enough and
//! xtask needs no async runtime. Every request opens its own connection and reads one
//! response, which ends where its `Content-Length` (or its last chunk) says: ChromeDriver
//! keeps connections open, so reading to the end of the stream would wait for a timeout.
//!
//! A [`Session`] ends its browser session when dropped, even after an error.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use base64::Engine as _;
use serde_json::{json, Value};

/// How long one WebDriver command may take (a page load is one command; the
/// benchmark's 100,000-model page is the slowest).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(120);

/// An HTTP method the client sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpMethod {
    Get,
    Post,
    Delete,
}

impl HttpMethod {
    fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Delete => "DELETE",
        }
    }
}

/// One HTTP response: its status code and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub body: Vec<u8>,
}

/// Sends one request to `authority` (`127.0.0.1:9515`) and reads one response.
pub fn http_request(
    authority: &str,
    method: HttpMethod,
    path: &str,
    body: Option<&str>,
    timeout: Duration,
) -> std::io::Result<HttpResponse> {
    let mut stream = TcpStream::connect(authority)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    let mut request = format!(
        "{} {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n",
        method.as_str()
    );
    if let Some(body) = body {
        request.push_str(&format!(
            "Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    request.push_str("\r\n");
    request.push_str(body.unwrap_or_default());
    stream.write_all(request.as_bytes())?;
    read_http_response(&mut stream)
}

/// Reads one HTTP response and returns its status and body, without waiting for the end
/// of the stream once the body is complete.
pub fn read_http_response(stream: &mut impl Read) -> std::io::Result<HttpResponse> {
    let malformed =
        |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
    let mut received = Vec::new();
    let mut buffer = [0_u8; 16 * 1024];
    loop {
        if let Some(head_end) = received.windows(4).position(|window| window == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&received[..head_end]).to_ascii_lowercase();
            let status = head
                .lines()
                .next()
                .and_then(|line| line.split(' ').nth(1))
                .and_then(|code| code.parse::<u16>().ok())
                .ok_or_else(|| malformed("no status code in the response"))?;
            let header = |name: &str| {
                head.lines()
                    .skip(1)
                    .filter_map(|line| line.split_once(':'))
                    .find(|(key, _)| key.trim() == name)
                    .map(|(_, value)| value.trim().to_owned())
            };
            let body = &received[head_end + 4..];
            if header("transfer-encoding").is_some_and(|value| value.contains("chunked")) {
                if let Some(body) = decode_chunked(body) {
                    return Ok(HttpResponse { status, body });
                }
            } else if let Some(length) = header("content-length") {
                let length: usize = length
                    .parse()
                    .map_err(|_| malformed("bad Content-Length"))?;
                if body.len() >= length {
                    let body = body[..length].to_vec();
                    return Ok(HttpResponse { status, body });
                }
            }
        }
        let read = stream.read(&mut buffer)?;
        if read == 0 {
            return Err(malformed(
                "the connection closed before the response was complete",
            ));
        }
        received.extend_from_slice(&buffer[..read]);
    }
}

/// Decodes a complete `Transfer-Encoding: chunked` body; `None` while it is incomplete.
fn decode_chunked(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut decoded = Vec::new();
    loop {
        let line_end = body.windows(2).position(|window| window == b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(decoded);
        }
        decoded.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..)?;
    }
}

/// One browser session, ended when dropped.
#[derive(Debug)]
pub struct Session {
    /// ChromeDriver's `host:port`.
    authority: String,
    id: String,
}

impl Session {
    /// Starts a session with these capabilities (`alwaysMatch`) on the driver at
    /// `driver_url` (`http://127.0.0.1:<port>`).
    pub fn start(driver_url: &str, capabilities: Value) -> Result<Session> {
        let authority = driver_url
            .strip_prefix("http://")
            .map(|rest| rest.trim_end_matches('/'))
            .with_context(|| format!("the WebDriver URL must be http://, not {driver_url}"))?;
        let body = json!({ "capabilities": { "alwaysMatch": capabilities } });
        let value = command(authority, HttpMethod::Post, "/session", Some(&body))
            .context("cannot start a browser session")?;
        let id = value["sessionId"]
            .as_str()
            .with_context(|| format!("ChromeDriver gave no session id: {value}"))?
            .to_owned();
        Ok(Session {
            authority: authority.to_owned(),
            id,
        })
    }

    /// Sends a command to this session: `path` is relative to `/session/<id>`.
    fn command(&self, method: HttpMethod, path: &str, body: Option<&Value>) -> Result<Value> {
        let path = format!("/session/{}{path}", self.id);
        command(&self.authority, method, &path, body)
    }

    /// Opens a URL and waits for the page to load.
    pub fn navigate(&self, url: &str) -> Result<()> {
        self.command(HttpMethod::Post, "/url", Some(&json!({ "url": url })))
            .with_context(|| format!("cannot open {url}"))
            .map(drop)
    }

    /// Runs a script (a function body that may `return`) in the page and returns its value.
    pub fn execute(&self, script: &str) -> Result<Value> {
        let body = json!({ "script": script, "args": [] });
        self.command(HttpMethod::Post, "/execute/sync", Some(&body))
            .with_context(|| format!("the script failed in the page: {script}"))
    }

    /// Sets the outer size of the browser window.
    pub fn set_window_size(&self, width: u32, height: u32) -> Result<()> {
        let body = json!({ "width": width, "height": height });
        self.command(HttpMethod::Post, "/window/rect", Some(&body))
            .with_context(|| format!("cannot size the window to {width}×{height}"))
            .map(drop)
    }

    /// A PNG of the viewport.
    pub fn screenshot_png(&self) -> Result<Vec<u8>> {
        let value = self
            .command(HttpMethod::Get, "/screenshot", None)
            .context("cannot take a screenshot")?;
        let encoded = value
            .as_str()
            .with_context(|| format!("the screenshot is not a base64 string: {value}"))?;
        base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .context("the screenshot is not valid base64")
    }

    /// The browser console messages logged since the last call, as `(level, text)`.
    pub fn console_messages(&self) -> Result<Vec<(String, String)>> {
        let value = self.command(
            HttpMethod::Post,
            "/se/log",
            Some(&json!({ "type": "browser" })),
        )?;
        let entries = value
            .as_array()
            .with_context(|| format!("unexpected answer to the log request: {value}"))?;
        Ok(entries
            .iter()
            .map(|entry| {
                let text = |key: &str| entry[key].as_str().unwrap_or_default().to_owned();
                (text("level"), text("message"))
            })
            .collect())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let path = format!("/session/{}", self.id);
        let _ = command(&self.authority, HttpMethod::Delete, &path, None);
    }
}

/// Sends a WebDriver command and returns the `value` of its answer, or its error.
pub fn command(
    authority: &str,
    method: HttpMethod,
    path: &str,
    body: Option<&Value>,
) -> Result<Value> {
    let body = body.map(Value::to_string);
    let response = http_request(authority, method, path, body.as_deref(), COMMAND_TIMEOUT)
        .with_context(|| format!("{} http://{authority}{path} failed", method.as_str()))?;
    let answer: Value = serde_json::from_slice(&response.body).with_context(|| {
        format!(
            "{} {path}: the answer is not JSON: {}",
            method.as_str(),
            String::from_utf8_lossy(&response.body)
        )
    })?;
    let value = answer["value"].clone();
    if response.status != 200 {
        let error = value["error"].as_str().unwrap_or("unknown error");
        let message = value["message"].as_str().unwrap_or_default();
        let first_line = message.lines().next().unwrap_or_default();
        bail!(
            "{} {path}: WebDriver error ({}): {error}: {first_line}",
            method.as_str(),
            response.status
        );
    }
    Ok(value)
}

/// Headless Chromium at a pixel ratio of 1 with nothing running in the
/// background, a fresh `profile`, a `window` size, and `extra` arguments.
pub fn headless_capabilities(
    chromium: &std::path::Path,
    profile: &std::path::Path,
    window: (u32, u32),
    extra: &[&str],
) -> Value {
    let mut arguments: Vec<String> = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--force-device-scale-factor=1",
    ]
    .iter()
    .chain(extra)
    .map(|argument| (*argument).to_owned())
    .collect();
    arguments.push(format!("--user-data-dir={}", profile.display()));
    arguments.push(format!("--window-size={},{}", window.0, window.1));
    json!({
        "goog:chromeOptions": { "args": arguments, "binary": chromium.display().to_string() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_is_read_up_to_its_content_length_without_waiting_for_the_end() {
        let mut answer: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Length:14\r\n\r\n{\"ready\":true}";
        let response = read_http_response(&mut answer).expect("a complete response");
        assert_eq!(response.status, 200);
        assert_eq!(response.body, b"{\"ready\":true}");
        let mut cut: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n{}";
        assert!(read_http_response(&mut cut).is_err());
    }

    #[test]
    fn a_chunked_response_is_decoded() {
        let mut answer: &[u8] =
            b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n";
        let response = read_http_response(&mut answer).expect("a complete response");
        assert_eq!(response.status, 404);
        assert_eq!(response.body, b"{\"a\":1}");
    }
}
