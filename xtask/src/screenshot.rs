//! `cargo xtask screenshot`: the README's pictures of the chart, made by the chart itself.
//!
//! The site is built into a temporary folder and served on a free loopback port from a
//! background thread; ChromeDriver drives headless Chromium through [`crate::webdriver`]
//! (without scrollbars, at a pixel ratio of 1).
//! For each language the page is opened at `?lang=<code>&theme=light` in a viewport of
//! exactly [`VIEWPORT`] CSS pixels at a device pixel ratio of 1, and the picture is taken
//! only once the chart has drawn: the figure says `data-state="ready"`, the canvas backing
//! store matches its CSS size, and the canvas holds a drawing rather than a blank fill. The
//! PNG's own header is checked for the expected size before it is written to `docs/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::browser::{self, ChromeDriver};
use crate::dist::{self, DistOptions};
use crate::process::workspace_root;
use crate::serve;
use crate::webdriver::Session;

/// The viewport of every screenshot, in CSS pixels (and, at a pixel ratio of 1, in pixels).
pub const VIEWPORT: (u32, u32) = (1000, 760);

/// The languages photographed, and the file each picture goes to (relative to the root).
const SHOTS: [(&str, &str); 2] = [
    ("en", "docs/screenshot-en.png"),
    ("zh", "docs/screenshot-zh.png"),
];

/// How long the chart may take to draw after the page has loaded or been resized.
const DRAW_TIMEOUT: Duration = Duration::from_secs(20);
/// The pause between two looks at the page while waiting.
const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// Builds the site, serves it, and writes one screenshot per language into `docs/`.
pub fn run() -> Result<()> {
    let tools = browser::ensure_installed()?;
    let root = workspace_root();
    let site = TempDir::new("site");
    let out = dist::run(&DistOptions {
        out: Some(site.0.clone()),
        ..DistOptions::default()
    })?;
    let address = serve::spawn(&out, ("127.0.0.1", 0))
        .context("cannot start the static server on 127.0.0.1")?;
    let site_url = format!("http://{address}/");
    println!("Serving {} at {site_url}", out.display());

    let log_path = root.join("target").join("screenshot-chromedriver.log");
    let driver = ChromeDriver::start(&tools.chromedriver, &log_path)?;
    for (lang, file) in SHOTS {
        let url = format!("{site_url}index.html?lang={lang}&theme=light");
        let png = take(&driver, &tools.chromium, &url).with_context(|| {
            format!(
                "cannot photograph {url} (ChromeDriver log: {})",
                log_path.display()
            )
        })?;
        let path = root.join(file);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        fs::write(&path, &png).with_context(|| format!("cannot write {}", path.display()))?;
        println!(
            "Wrote {file} ({} bytes, {}×{} px)",
            png.len(),
            VIEWPORT.0,
            VIEWPORT.1
        );
    }
    Ok(())
}

/// Opens `url` in a fresh session, waits for the chart and returns a PNG of the viewport.
fn take(driver: &ChromeDriver, chromium: &Path, url: &str) -> Result<Vec<u8>> {
    let session = Session::start(&driver.url(), VIEWPORT, |config| {
        config.chromium = Some(chromium.to_path_buf());
        config.device_scale_factor = Some(1);
        config.extra_arguments = vec!["--hide-scrollbars".to_owned()];
        config.console_log = true;
    })?;
    session.navigate(url)?;
    fit_viewport(&session)?;
    wait_until_drawn(&session)?;
    for message in session.console_messages()? {
        if message.level == "SEVERE" {
            println!("warning: console error on {url}: {}", message.text);
        }
    }
    let png = session.screenshot_png()?;
    let size = png_size(&png).context("the screenshot is not a PNG")?;
    if size != VIEWPORT {
        bail!(
            "the screenshot is {}×{} px, expected {}×{}",
            size.0,
            size.1,
            VIEWPORT.0,
            VIEWPORT.1
        );
    }
    Ok(png)
}

/// Sizes the window so that the viewport is exactly [`VIEWPORT`].
fn fit_viewport(session: &Session) -> Result<()> {
    let target = (i64::from(VIEWPORT.0), i64::from(VIEWPORT.1));
    let mut window = target;
    for _ in 0..3 {
        let found =
            session.execute("return { width: window.innerWidth, height: window.innerHeight };")?;
        let number = |key: &str| found[key].as_i64().unwrap_or_default();
        let viewport = (number("width"), number("height"));
        if viewport == target {
            return Ok(());
        }
        // Whatever the window adds around the viewport (or lacks), correct the window by it.
        window = (
            window.0 + target.0 - viewport.0,
            window.1 + target.1 - viewport.1,
        );
        let size = |value: i64| u32::try_from(value.max(100)).unwrap_or(u32::MAX);
        session.set_window_size(size(window.0), size(window.1))?;
    }
    bail!(
        "cannot make the viewport {}×{} CSS px",
        VIEWPORT.0,
        VIEWPORT.1
    )
}

/// Waits until the chart is drawn at its current size: ready, the backing store matching
/// the CSS size, and more than a blank fill on the canvas.
fn wait_until_drawn(session: &Session) -> Result<()> {
    let started = Instant::now();
    loop {
        let found = session.execute(
            "const figure = document.getElementById('chart');
             const canvas = figure && figure.querySelector('canvas');
             const error = figure && figure.querySelector('.chart-error');
             const result = {
                 state: figure && figure.getAttribute('data-state'),
                 error: error && error.textContent,
                 sized: false, drawn: false,
             };
             if (!canvas || canvas.width === 0 || canvas.height === 0) return result;
             const rect = canvas.getBoundingClientRect();
             const ratio = window.devicePixelRatio;
             result.sized = Math.abs(canvas.width - Math.round(rect.width * ratio)) <= 1
                 && Math.abs(canvas.height - Math.round(rect.height * ratio)) <= 1;
             const data = canvas.getContext('2d')
                 .getImageData(0, 0, canvas.width, canvas.height).data;
             const pixels = new Uint32Array(data.buffer);
             const colours = new Set();
             let differing = 0;
             for (const pixel of pixels) {
                 if (pixel !== pixels[0]) differing++;
                 if (colours.size < 64) colours.add(pixel);
             }
             result.drawn = differing > pixels.length * 0.02 && colours.size >= 20;
             return result;",
        )?;
        match found["state"].as_str() {
            Some("error") => bail!(
                "the chart reports an error: {}",
                found["error"].as_str().unwrap_or("(no message)")
            ),
            Some("ready") if found["sized"] == true && found["drawn"] == true => return Ok(()),
            _ => {}
        }
        if started.elapsed() > DRAW_TIMEOUT {
            bail!("the chart was not drawn within {DRAW_TIMEOUT:?}; last look: {found}");
        }
        thread::sleep(POLL_INTERVAL);
    }
}

/// The width and height in a PNG's header, or `None` if the bytes are not a PNG.
pub fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !png.starts_with(SIGNATURE) || png.get(12..16)? != b"IHDR" {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        Some(u32::from_be_bytes(png.get(range)?.try_into().ok()?))
    };
    Some((number(16..20)?, number(20..24)?))
}

/// A fresh folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(purpose: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.subsec_nanos())
            .unwrap_or_default();
        let name = format!(
            "param-scale-screenshot-{purpose}-{}-{nanos}",
            std::process::id()
        );
        TempDir(std::env::temp_dir().join(name))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_is_read_from_the_png_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&1000_u32.to_be_bytes());
        png.extend_from_slice(&640_u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((1000, 640)));
        assert_eq!(png_size(b"GIF89a"), None);
        assert_eq!(png_size(&png[..20]), None);
    }
}
