//! Embedding, export, the data table, themes and accessible names: what a
//! journalist, a reader who downloads, and a screen-reader user rely on.

use fantoccini::Locator;
use serde_json::{json, Value};

use super::{check, with_browser, BrowserOptions, Page, POLL_INTERVAL};

impl Page {
    /// Polls `script` (which returns a value) until `done` accepts it.
    pub(crate) async fn poll(
        &self,
        script: &str,
        done: impl Fn(&Value) -> bool,
    ) -> Result<Value, String> {
        let mut last = Value::Null;
        for _ in 0..100 {
            last = self.evaluate(script).await?;
            if done(&last) {
                break;
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
        Ok(last)
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "a browser scenario: its steps act on one page in the order a reader would, and add to one list of failures"
)]
#[tokio::test(flavor = "multi_thread")]
async fn a_host_page_with_two_iframe_and_two_script_embeds_sizes_and_renders_all_four_on_their_own()
{
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=en").await?;
        // Turn the page into a host article: two iframes, two inline charts, one embed.js.
        page.evaluate(
            "document.body.replaceChildren();
             const article = document.createElement('article');
             
             for (const [id, query] of [['frame-a', 'embed=1&lang=en'], ['frame-b', 'embed=1&lang=zh&from=2019']]) {
                 const frame = document.createElement('iframe');
                 frame.id = id;
                 frame.src = 'index.html?' + query;
                 frame.setAttribute('data-param-scale-frame', '');
                 frame.style.width = id === 'frame-a' ? '1100px' : '420px';
                 frame.style.height = '150px';
                 frame.style.border = '0';
                 article.append(frame);
             }
             for (const [id, lang, from] of [['inline-a', 'en', '2018'], ['inline-b', 'zh', null]]) {
                 const div = document.createElement('div');
                 div.id = id;
                 div.setAttribute('data-param-scale', '');
                 div.dataset.lang = lang;
                 if (from) div.dataset.from = from;
                 article.append(div);
             }
             document.body.append(article);
             const script = document.createElement('script');
             script.type = 'module';
             script.src = 'www/embed.js';
             document.head.append(script);
             return true;",
        )
        .await?;
        let state = page
            .poll(
                "const frames = ['frame-a', 'frame-b'].map(id => {
                     const frame = document.getElementById(id);
                     // While the frame navigates, its document may have no root yet.
                     const doc = frame.contentDocument;
                     const root = doc && doc.documentElement;
                     const figure = doc && doc.getElementById('chart');
                     return {
                         height: parseFloat(frame.style.height),
                         content: root ? Math.ceil(root.getBoundingClientRect().height) : 0,
                         state: figure && figure.getAttribute('data-state'),
                         lang: root && root.lang,
                     };
                 });
                 const inline = ['inline-a', 'inline-b'].map(id => {
                     const div = document.getElementById(id);
                     const canvas = div.querySelector('canvas');
                     return {
                         state: div.getAttribute('data-state'),
                         lang: div.getAttribute('lang'),
                         width: canvas ? canvas.width : 0,
                         from: div.querySelector('.ps-brush [role=slider][data-thumb=from]') && div.querySelector('.ps-brush [role=slider][data-thumb=from]').getAttribute('aria-valuenow'),
                     };
                 });
                 return { frames, inline, globals: Object.keys(window).filter(k => /param|chart/i.test(k)) };",
                |state| {
                    let frames_sized = state["frames"].as_array().is_some_and(|frames| {
                        frames.iter().all(|frame| {
                            frame["state"] == json!("ready")
                                && (frame["height"].as_f64().unwrap_or(0.0) - frame["content"].as_f64().unwrap_or(-9.0)).abs() <= 2.0
                        })
                    });
                    let inline_ready = state["inline"].as_array().is_some_and(|all| all.iter().all(|one| one["state"] == json!("ready")));
                    frames_sized && inline_ready
                },
            )
            .await?;
        for (index, frame) in state["frames"].as_array().into_iter().flatten().enumerate() {
            let height = frame["height"].as_f64().unwrap_or(0.0);
            if frame["state"] != json!("ready") || height <= 150.0 || (height - frame["content"].as_f64().unwrap_or(0.0)).abs() > 2.0 {
                failures.push(format!("iframe {index} was not resized to its content: {frame}"));
            }
        }
        let frames = &state["frames"];
        if frames[0]["lang"] != json!("en") || frames[1]["lang"] != json!("zh-CN") {
            failures.push(format!("the iframes' languages: {frames}"));
        }
        if frames[0]["height"] == frames[1]["height"] {
            failures.push(format!("two iframes of different widths got the same height: {frames}"));
        }
        let inline = &state["inline"];
        let expected = [json!({"state": "ready", "lang": "en", "from": "2018"}), json!({"state": "ready", "lang": "zh-CN", "from": "2017"})];
        for (index, want) in expected.iter().enumerate() {
            for key in ["state", "lang", "from"] {
                if inline[index][key] != want[key] {
                    failures.push(format!("inline chart {index}: {key} is {} instead of {}", inline[index][key], want[key]));
                }
            }
            if inline[index]["width"].as_f64().unwrap_or(0.0) < 100.0 {
                failures.push(format!("inline chart {index} has no drawn canvas: {}", inline[index]));
            }
        }
        if state["globals"].as_array().is_some_and(|globals| !globals.is_empty()) {
            failures.push(format!("the embeds leaked globals: {}", state["globals"]));
        }
        // Each inline chart has its own state: hiding China in one leaves the other alone.
        let button = page
            .client
            .find(Locator::Css("#inline-a button[data-series=cn]"))
            .await
            .map_err(|error| format!("no legend button in inline-a: {error}"))?;
        button.click().await.map_err(|error| error.to_string())?;
        let pressed = page
            .poll(
                "return ['inline-a', 'inline-b'].map(id => document.querySelector('#' + id + ' button[data-series=cn]').getAttribute('aria-pressed'));",
                |pressed| pressed[0] == json!("false"),
            )
            .await?;
        if pressed != json!(["false", "true"]) {
            failures.push(format!("hiding China in one inline chart gave {pressed}"));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn png_and_svg_exports_are_valid_files_and_the_svg_has_real_title_text() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=zh").await?;
        let svg = page
            .evaluate(
                "const svg = document.getElementById('chart').chart.exportSvg();
                 const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
                 const texts = [...parsed.querySelectorAll('text')].map(t => t.textContent.trim());
                 return {
                     error: parsed.querySelector('parsererror') !== null,
                     root: parsed.documentElement.nodeName,
                     title: texts.includes('大模型参数规模的增长'),
                     texts: texts.length,
                 };",
            )
            .await?;
        if svg["error"] != json!(false) || svg["root"] != json!("svg") || svg["title"] != json!(true) {
            failures.push(format!("the SVG export is not a valid SVG with the title as text: {svg}"));
        }
        let png = page
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const chart = document.getElementById('chart').chart;
                 const canvas = document.querySelector('#chart canvas');
                 const url = chart.exportPng();
                 const image = new Image();
                 image.onload = () => done({ ok: true, width: image.naturalWidth, cssWidth: canvas.getBoundingClientRect().width, prefix: url.slice(0, 22) });
                 image.onerror = () => done({ ok: false, prefix: url.slice(0, 22) });
                 image.src = url;",
                Vec::new(),
            )
            .await
            .map_err(|error| error.to_string())?;
        let doubled = png["width"].as_f64().unwrap_or(0.0) == (png["cssWidth"].as_f64().unwrap_or(-1.0) * 2.0).round();
        if png["ok"] != json!(true) || png["prefix"] != json!("data:image/png;base64,") || !doubled {
            failures.push(format!("the PNG export is not a PNG at twice the size: {png}"));
        }
        let csv = page.evaluate("return document.getElementById('chart').chart.exportCsv().split('\\n');").await?;
        let lines = csv.as_array().cloned().unwrap_or_default();
        if !lines.first().and_then(Value::as_str).is_some_and(|header| header.starts_with("id,name,name_zh") && header.contains("source_url"))
            || lines.len() < 40
        {
            failures.push(format!("the CSV export: {} lines, header {:?}", lines.len(), lines.first()));
        }
        // The download buttons work without an error.
        for kind in ["png", "svg", "csv"] {
            let button = page
                .find_control(&format!("#chart button[data-download={kind}]"))
                .await?;
            button.click().await.map_err(|error| error.to_string())?;
        }
        let errors = page.console_errors().await?;
        if !errors.is_empty() {
            failures.push(format!("downloading caused errors: {errors:?}"));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_data_table_has_one_row_per_model_sorts_by_date_or_size_and_links_sources() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=en").await?;
        let n_models = page.evaluate("return document.getElementById('chart').chart.drawnPoints().length;").await?;
        let button = page.find_control("#chart .ps-table-toggle").await?;
        button.click().await.map_err(|error| error.to_string())?;
        let read = "const table = document.querySelector('#chart table');
                    if (!table || table.closest('[hidden]')) return null;
                    const rows = [...table.tBodies[0].rows];
                    return {
                        caption: table.caption && table.caption.textContent,
                        headers: [...table.tHead.rows[0].cells].map(c => c.textContent),
                        rows: rows.length,
                        first: rows[0].cells[0].textContent,
                        last: rows[rows.length - 1].cells[0].textContent,
                        links: rows.filter(r => r.querySelector('a[href^=\"https://\"]')).length,
                        sortSize: table.tHead.rows[0].cells[3].getAttribute('aria-sort'),
                        pressed: document.querySelector('#chart .ps-table-toggle').getAttribute('aria-pressed'),
                        stageHidden: document.querySelector('#chart .ps-stage').hidden,
                    };";
        let table = page.poll(read, |table| !table.is_null()).await?;
        if table["rows"] != n_models || table["links"] != n_models {
            failures.push(format!("{n_models} models drawn, but the table has {} rows and {} source links", table["rows"], table["links"]));
        }
        if !table["caption"].as_str().is_some_and(|caption| caption.contains("How large AI models grew")) {
            failures.push(format!("caption: {}", table["caption"]));
        }
        if table["first"] != json!(&*super::interaction::first_model().name) || table["pressed"] != json!("true") || table["stageHidden"] != json!(true) {
            failures.push(format!("the table in date order: {table}"));
        }
        // Sort by size: the size header's button, once ascending, then descending.
        for (direction, first) in [("ascending", "GPT (GPT-1)"), ("descending", "BaGuaLu")] {
            let sort = page.client.find(Locator::Css("#chart button[data-sort=size]")).await.map_err(|error| error.to_string())?;
            sort.click().await.map_err(|error| error.to_string())?;
            let table = page.poll(read, |table| table["sortSize"] == json!(direction)).await?;
            if table["sortSize"] != json!(direction) || table["first"] != json!(first) {
                failures.push(format!("sorted by size {direction}: first row {}, aria-sort {}", table["first"], table["sortSize"]));
            }
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_embed_button_offers_snippets_for_the_current_view() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=en&from=2018&hide=moe").await?;
        let button = page.find_control("#chart .ps-embed-toggle").await?;
        button.click().await.map_err(|error| error.to_string())?;
        let snippets = page
            .poll(
                "return [...document.querySelectorAll('#chart .ps-snippet')].map(area => area.value);",
                |snippets| snippets.as_array().is_some_and(|all| all.len() == 2),
            )
            .await?;
        let iframe = snippets[0].as_str().unwrap_or_default();
        let script = snippets[1].as_str().unwrap_or_default();
        for part in ["<iframe", "embed=1&amp;lang=en&amp;hide=moe&amp;from=2018", "data-param-scale-frame", "www/embed.js"] {
            if !iframe.contains(part) {
                failures.push(format!("the iframe snippet lacks {part}: {iframe}"));
            }
        }
        for part in ["data-param-scale", "data-lang=\"en\"", "data-hide=\"moe\"", "data-from=\"2018\"", "www/embed.js"] {
            if !script.contains(part) {
                failures.push(format!("the script snippet lacks {part}: {script}"));
            }
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dark_theme_colours_the_chart_and_the_page() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for (theme, dark) in [("dark", true), ("light", false)] {
            page.open_with_query(&format!("lang=en&theme={theme}"))
                .await?;
            let colours = page
                .evaluate(
                    "const canvas = document.querySelector('#chart canvas');
                     const pixel = canvas.getContext('2d').getImageData(2, 2, 1, 1).data;
                     const page = getComputedStyle(document.body).backgroundColor;
                     return { pixel: [pixel[0], pixel[1], pixel[2]], page };",
                )
                .await?;
            let brightness: f64 = colours["pixel"]
                .as_array()
                .map(|rgb| rgb.iter().filter_map(Value::as_f64).sum::<f64>() / 3.0)
                .unwrap_or(-1.0);
            let page_dark = colours["page"]
                .as_str()
                .is_some_and(|colour| colour.contains("18, 21, 25"));
            if (brightness < 60.0) != dark || page_dark != dark {
                failures.push(format!(
                    "theme={theme}: canvas {brightness:.0}, page {}",
                    colours["page"]
                ));
            }
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_control_and_the_chart_have_an_accessible_name() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for lang in ["zh", "en"] {
            page.open_with_query(&format!("lang={lang}")).await?;
            let unnamed = page
                .evaluate(
                    "const figure = document.getElementById('chart');
                     const named = el => (el.getAttribute('aria-label') || el.textContent || '').trim().length > 0
                         || (el.id && document.querySelector('label[for=\"' + el.id + '\"]'));
                     const controls = [...figure.querySelectorAll('button, textarea, canvas[tabindex], [role=slider]')];
                     return {
                         count: controls.length,
                         unnamed: controls.filter(el => !named(el)).map(el => el.outerHTML.slice(0, 80)),
                         canvasRole: figure.querySelector('canvas').getAttribute('role'),
                         description: figure.querySelector('canvas').getAttribute('aria-label'),
                     };",
                )
                .await?;
            if unnamed["unnamed"].as_array().is_none_or(|list| !list.is_empty()) || unnamed["count"].as_u64().unwrap_or(0) < 12 {
                failures.push(format!("{lang}: controls without a name: {unnamed}"));
            }
            let description = unnamed["description"].as_str().unwrap_or_default();
            let facts = if lang == "zh" { ["个模型", "最大的是", "翻一番"] } else { [" models from ", "largest:", "doubles every"] };
            if unnamed["canvasRole"] != json!("img") || !facts.iter().all(|fact| description.contains(fact)) {
                failures.push(format!("{lang}: the chart's accessible description: {description}"));
            }
        }
        check(failures)
    })
    .await;
}
