//! The iframe snippet on a journalist's page: the host page holds the snippet exactly as
//! `export::iframe_snippet` writes it, between two paragraphs, served without the chart's
//! Content Security Policy (as a CMS serves its articles), so the snippet's `style`
//! attributes apply. The frame has its final height from the host's first layout: nothing
//! on the host moves while the chart loads, and the chart fits its frame, with no
//! scrolling inside it, at every width.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

use param_scale::export::{iframe_snippet, script_snippet};
use param_scale::i18n::Lang;
use param_scale::options::ChartOptions;
use serde_json::{json, Value};

use super::{check, with_browser, BrowserOptions, Page};

/// A small web server for host pages: each path in its list answers with its HTML, and
/// any other path is the chart's site's file, relayed as the site sends it (its security
/// headers with it). The chart's site sends a Content Security Policy with every page,
/// which would refuse the snippet's `style` attributes; a page of this server has none,
/// and its chart (`/index.html`, `/www/embed.js`) is on the same origin, as on a news site
/// that serves the chart's files itself.
struct HostServer {
    address: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl HostServer {
    /// Starts the server, with the chart's site at `site_url` behind it and the pages that
    /// `pages` makes for the chart's page on this server (`http://127.0.0.1:PORT/index.html`).
    fn start(
        site_url: &str,
        pages: impl FnOnce(&str) -> Vec<(String, String)>,
    ) -> Result<HostServer, String> {
        let listener = TcpListener::bind("127.0.0.1:0")
            .map_err(|error| format!("cannot start the host page's server: {error}"))?;
        let address = listener
            .local_addr()
            .map_err(|error| format!("the host page's server has no address: {error}"))?;
        let pages = pages(&format!("http://{address}/index.html"));
        let site = site_url
            .strip_prefix("http://")
            .ok_or_else(|| format!("the site is not served over http: {site_url}"))?;
        let (authority, base) = site.split_once('/').unwrap_or((site, ""));
        let site = Arc::new((authority.to_owned(), format!("/{base}")));
        let pages = Arc::new(pages);
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let (Ok(stream), pages, site) = (stream, Arc::clone(&pages), Arc::clone(&site))
                else {
                    continue;
                };
                // A request the browser gave up on is its own business.
                std::thread::spawn(move || answer(stream, &pages, &site));
            }
        });
        Ok(HostServer {
            address,
            stop,
            thread: Some(thread),
        })
    }

    /// The address of `path` (`/zh.html`) on this server.
    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }
}

impl Drop for HostServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the thread from `accept`, to see the stop.
        let _ = TcpStream::connect(self.address);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Reads one request and answers with the host page at its path, or else with what the
/// chart's site at `site` (its authority and base path) answers for it.
fn answer(
    mut stream: TcpStream,
    pages: &[(String, String)],
    site: &(String, String),
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? <= 2 {
            break;
        }
    }
    let path = request.split(' ').nth(1).unwrap_or("/");
    if let Some((_, html)) = pages.iter().find(|(page, _)| page == path) {
        return write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n{html}",
            html.len()
        );
    }
    // The site closes each connection after its answer (`Connection: close`).
    let (authority, base) = site;
    let mut upstream = TcpStream::connect(authority)?;
    write!(
        upstream,
        "GET {base}{} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n",
        path.trim_start_matches('/')
    )?;
    let mut response = Vec::new();
    upstream.read_to_end(&mut response)?;
    stream.write_all(&response)
}

/// An article in `lang` with `snippet` between a paragraph above and one below. Its one
/// script is the test's: at the host's first layout (while the page is parsed, before any
/// module runs) it notes where the paragraph below is and how high the frame is.
fn host_page(snippet: &str, lang: Lang) -> String {
    let (title, above, below) = match lang {
        Lang::Zh => (
            "宿主文章",
            "一篇新闻文章的开头。下面是编辑粘贴进来的图表。",
            "图表下面的段落：读者读到这里时，它不应该跳动。",
        ),
        Lang::En => (
            "Host article",
            "The start of a news article. Below it, the chart its editor pasted in.",
            "The paragraph under the chart: it must not jump while the reader reads it.",
        ),
    };
    format!(
        "<!doctype html>\n<html lang=\"{tag}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n\
         <p id=\"above\">{above}</p>\n{snippet}\n<p id=\"below\">{below}</p>\n\
         <script>\n\
         window.hostFirstLayout = {{\n\
           below: document.getElementById('below').getBoundingClientRect().top + scrollY,\n\
           frame: document.querySelector('iframe').getBoundingClientRect().height,\n\
         }};\n\
         </script>\n</body>\n</html>\n",
        tag = lang.html_tag(),
    )
}

/// The views the host pages show: the chart, and a story step (the sixth, whose text is
/// among the longest).
const VIEWS: [(&str, &str); 2] = [("", ""), ("-story", "&step=6")];

/// The host pages, one a language and view: `/zh.html`, `/en-story.html`, each with the
/// snippet of its view, for the chart at `page_url`.
fn host_pages(page_url: &str) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    for lang in Lang::ALL {
        for (suffix, query) in VIEWS {
            let query = format!("lang={}{query}", lang.code());
            let (options, _) = ChartOptions::from_query(&query, &[]);
            let snippet = iframe_snippet(page_url, &options, lang);
            pages.push((
                format!("/{}{suffix}.html", lang.code()),
                host_page(&snippet, lang),
            ));
        }
    }
    pages
}

/// The window's height: its viewport (about 960 px) holds the paragraph below the frame
/// at the frame's highest (858 px), so that its shift, were there one, would be seen.
const WINDOW_HEIGHT: u32 = 1100;
/// The same for a frame that opens in the story (at most 998 px high).
const STORY_WINDOW_HEIGHT: u32 = 1250;

/// What the host page shows now, next to what its first layout showed.
const HOST_NOW: &str = "return {
         first: window.hostFirstLayout,
         below: document.getElementById('below').getBoundingClientRect().top + scrollY,
         frame: document.querySelector('iframe').getBoundingClientRect().height,
     };";

/// The frame's document: how high it is against its viewport, and where the chart's
/// canvas ends.
const FRAME_FIT: &str = "const root = document.documentElement;
     const canvas = document.querySelector('#chart canvas.chart-canvas');
     return {
         scrollHeight: root.scrollHeight,
         clientHeight: root.clientHeight,
         canvasBottom: canvas ? canvas.getBoundingClientRect().bottom : null,
         canvasHeight: canvas ? canvas.getBoundingClientRect().height : 0,
         viewport: innerHeight,
     };";

impl Page {
    /// Opens the host page at `url`, enters its frame and waits there for the chart's
    /// first draw.
    async fn open_host_and_enter_its_frame(&self, url: &str) -> Result<(), String> {
        self.client
            .goto(url)
            .await
            .map_err(|error| format!("cannot open {url}: {error}"))?;
        self.client
            .enter_frame(0)
            .await
            .map_err(|error| format!("{url}: cannot enter the frame: {error}"))?;
        self.wait_until_drawn()
            .await
            .map_err(|problem| format!("{url}, in the frame: {problem}"))?;
        self.pixel_statistics()
            .await?
            .looks_drawn()
            .map_err(|problem| format!("{url}, in the frame: {problem}"))
    }

    /// From inside the frame, back to the host page: whether anything moved on it since
    /// its first layout (a layout shift, the paragraph below, the frame's height).
    async fn host_did_not_move(&self, name: &str) -> Result<Vec<String>, String> {
        let mut failures = Vec::new();
        self.client
            .enter_parent_frame()
            .await
            .map_err(|error| format!("{name}: cannot leave the frame: {error}"))?;
        let shifts = self.layout_shifts(None).await?;
        if shifts != json!([]) {
            failures.push(format!("{name}: the host's layout shifts: {shifts}"));
        }
        let host = self.evaluate(HOST_NOW).await?;
        let moved = |now: &Value, then: &Value| !matches!((now.as_f64(), then.as_f64()), (Some(now), Some(then)) if (now - then).abs() <= 0.5);
        if moved(&host["below"], &host["first"]["below"])
            || moved(&host["frame"], &host["first"]["frame"])
        {
            failures.push(format!(
                "{name}: the paragraph below or the frame moved since the first layout: {host}"
            ));
        }
        Ok(failures)
    }

    /// Whether the frame's document fits its viewport, the chart's canvas inside it.
    async fn frame_fits(&self, name: &str) -> Result<Vec<String>, String> {
        let fit = self.evaluate(FRAME_FIT).await?;
        let number = |key: &str| fit[key].as_f64();
        let mut failures = Vec::new();
        let scrolls = match (number("scrollHeight"), number("clientHeight")) {
            (Some(scroll), Some(client)) => scroll > client + 1.0,
            _ => true,
        };
        if scrolls {
            failures.push(format!(
                "{name}: the frame's document scrolls (it is higher than its frame): {fit}"
            ));
        }
        let inside = match (
            number("canvasBottom"),
            number("viewport"),
            number("canvasHeight"),
        ) {
            (Some(bottom), Some(viewport), Some(height)) => {
                bottom <= viewport + 1.0 && height >= 300.0
            }
            _ => false,
        };
        if !inside {
            failures.push(format!(
                "{name}: the chart is cut off or squeezed in its frame: {fit}"
            ));
        }
        Ok(failures)
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn nothing_on_the_host_page_moves_as_the_iframe_snippet_loads_and_the_chart_fits_its_frame() {
    with_browser(BrowserOptions::default(), |page| async move {
        let server = HostServer::start(&page.site_url, host_pages)?;
        let mut failures = Vec::new();
        for width in [390, 1280] {
            page.client
                .set_window_size(width, WINDOW_HEIGHT)
                .await
                .map_err(|error| format!("cannot resize the window to {width} px: {error}"))?;
            for lang in Lang::ALL {
                let name = format!("the host page at {width} px, lang={}", lang.code());
                page.open_host_and_enter_its_frame(&server.url(&format!("/{}.html", lang.code())))
                    .await?;
                failures.extend(page.frame_fits(&name).await?);
                failures.extend(page.host_did_not_move(&name).await?);
                // Last, as it adds to the frame's document for a moment: the canvas took
                // the first paint's place in the same box.
                page.client
                    .enter_frame(0)
                    .await
                    .map_err(|error| format!("{name}: cannot enter the frame: {error}"))?;
                failures.extend(super::first_paint::check_swap(&page, &name, false).await?);
            }
        }
        drop(server);
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_chart_fits_its_iframe_from_320_to_1440_pixels_in_both_languages() {
    with_browser(BrowserOptions::default(), |page| async move {
        let server = HostServer::start(&page.site_url, host_pages)?;
        let mut failures = Vec::new();
        for width in [320, 600, 768, 1440] {
            page.client
                .set_window_size(width, WINDOW_HEIGHT)
                .await
                .map_err(|error| format!("cannot resize the window to {width} px: {error}"))?;
            for lang in Lang::ALL {
                let name = format!("the host page at {width} px, lang={}", lang.code());
                page.open_host_and_enter_its_frame(&server.url(&format!("/{}.html", lang.code())))
                    .await?;
                failures.extend(page.frame_fits(&name).await?);
            }
        }
        drop(server);
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_frame_that_opens_in_the_story_keeps_the_step_s_room_and_nothing_on_the_host_moves() {
    with_browser(BrowserOptions::default(), |page| async move {
        let server = HostServer::start(&page.site_url, host_pages)?;
        let mut failures = Vec::new();
        for width in [390, 1280] {
            page.client
                .set_window_size(width, STORY_WINDOW_HEIGHT)
                .await
                .map_err(|error| format!("cannot resize the window to {width} px: {error}"))?;
            for lang in Lang::ALL {
                let name = format!("the host page at {width} px, lang={}, step 6", lang.code());
                page.open_host_and_enter_its_frame(&server.url(&format!("/{}-story.html", lang.code())))
                    .await?;
                let story = page
                    .evaluate("const story = document.querySelector('#chart .ps-story'); return !!story && !story.hidden;")
                    .await?;
                if story != json!(true) {
                    failures.push(format!("{name}: the frame shows no story step"));
                }
                failures.extend(page.frame_fits(&name).await?);
                failures.extend(page.host_did_not_move(&name).await?);
            }
        }
        drop(server);
        check(failures)
    })
    .await;
}

/// The script embed on a news site of its own domain: the snippet exactly as
/// `export::script_snippet` writes it for the chart's site, in an article that this
/// server (another origin) sends. The chart's files come from the chart's server, which
/// must allow other origins to use them (`Access-Control-Allow-Origin`, as `cargo xtask
/// serve` sends), or the browser refuses the module and no chart is drawn.
#[tokio::test(flavor = "multi_thread")]
async fn the_script_embed_draws_the_chart_in_an_article_of_another_origin() {
    with_browser(BrowserOptions::default(), |page| async move {
        let chart_page = format!("{}index.html", page.site_url);
        let server = HostServer::start(&page.site_url, |_| {
            Lang::ALL
                .into_iter()
                .map(|lang| {
                    let query = format!("lang={}&from=2018&to=2022", lang.code());
                    let (options, _) = ChartOptions::from_query(&query, &[]);
                    let snippet = script_snippet(&chart_page, &options);
                    (
                        format!("/script-{}.html", lang.code()),
                        host_page(&snippet, lang),
                    )
                })
                .collect()
        })?;
        let mut failures = Vec::new();
        for lang in Lang::ALL {
            let url = server.url(&format!("/script-{}.html", lang.code()));
            if !url.starts_with("http://") || page.site_url.starts_with(&server.url("/")) {
                return Err(format!("the article ({url}) is on the chart's own origin"));
            }
            page.client
                .goto(&url)
                .await
                .map_err(|error| format!("cannot open {url}: {error}"))?;
            if let Err(problem) = page.wait_until_redrawn_in("[data-param-scale]").await {
                failures.push(format!("{url}: {problem}"));
                continue;
            }
            let shown = page
                .evaluate(
                    "const chart = document.querySelector('[data-param-scale]');
                     return [chart.lang, chart.chart ? chart.chart.drawnPoints().length : 0];",
                )
                .await?;
            if shown[0] != json!(lang.code()) && shown[0] != json!(lang.html_tag()) {
                failures.push(format!("{url}: the chart's language is {}", shown[0]));
            }
            if shown[1].as_u64().unwrap_or(0) < 20 {
                failures.push(format!("{url}: the chart drew {} points", shown[1]));
            }
        }
        drop(server);
        check(failures)
    })
    .await;
}
