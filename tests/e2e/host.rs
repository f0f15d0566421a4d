//! The host page's own code around a chart: listeners that call the chart
//! back while it works, a second `createChart`, `destroy()`, exports and
//! the clipboard that fail, and an inline embed that cannot start. Each
//! must leave the chart (or, after `destroy()`, the host's container)
//! working and whole.

use serde_json::{json, Value};

use super::{check, with_browser, BrowserOptions, Page, LANGUAGES};

const ENGLISH: super::Language = LANGUAGES[1];

/// Records the page's uncaught errors and unhandled rejections in
/// `window.__uncaught`.
const RECORD_UNCAUGHT: &str = "window.__uncaught = [];
     window.addEventListener('error', event => window.__uncaught.push(String(event.message)));
     window.addEventListener('unhandledrejection',
         event => window.__uncaught.push('unhandled rejection: ' + String(event.reason)));
     return true;";

/// What the page's chart shows after a failed request: its state, the
/// notice, and the link to copy by hand.
const NOTICE_AND_FALLBACK: &str = "const figure = document.getElementById('chart');
     const notice = figure.querySelector('.ps-notice');
     const fallback = figure.querySelector('.ps-copy-fallback');
     return {
         state: figure.getAttribute('data-state'),
         error: figure.querySelector('.chart-error') !== null,
         notice: notice && !notice.hidden ? notice.textContent : null,
         noticeHeight: notice ? notice.getBoundingClientRect().height : 0,
         role: notice && notice.getAttribute('role'),
         fallback: fallback && !fallback.hidden ? fallback.textContent : null,
         canvasHeight: figure.querySelector('canvas').getBoundingClientRect().height,
     };";

impl Page {
    /// Clicks the element `selector` finds, as a reader does.
    async fn click_on(&self, selector: &str) -> Result<(), String> {
        self.find_control(selector)
            .await?
            .click()
            .await
            .map_err(|error| format!("cannot click {selector}: {error}"))
    }

    /// The uncaught errors recorded since [`RECORD_UNCAUGHT`].
    async fn uncaught(&self) -> Result<Value, String> {
        self.evaluate("return window.__uncaught;").await
    }

    /// Hovers the first disclosed model of the page's chart and returns the
    /// tooltip's text, or an error saying what went wrong.
    async fn hover_works(&self) -> Result<String, String> {
        let point = self
            .evaluate(
                "const figure = document.getElementById('chart');
                 const point = figure.chart.drawnPoints().find(p => p.disclosed);
                 const stage = figure.querySelector('.ps-stage').getBoundingClientRect();
                 return point ? [point.x + stage.left, point.y + stage.top] : null;",
            )
            .await?;
        let (Some(x), Some(y)) = (point[0].as_f64(), point[1].as_f64()) else {
            return Err(format!("no point to hover: {point}"));
        };
        self.mouse_to(x, y).await?;
        let shown = self
            .poll(
                "const tip = document.querySelector('#chart [role=tooltip]');
                 return tip && !tip.hidden ? tip.textContent : null;",
                |tip| tip.is_string(),
            )
            .await?;
        shown
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| "hovering a point shows no tooltip".to_owned())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn host_listeners_that_call_the_chart_back_while_it_works_break_nothing() {
    with_browser(BrowserOptions::default(), |page: Page| async move {
        let mut failures = Vec::new();
        page.open(ENGLISH).await?;
        page.evaluate(RECORD_UNCAUGHT).await?;
        // Every focus, blur and click anywhere (the chart's own focus() on a legend
        // button or table header, its download link's click(), a control that loses
        // the focus while the chart redraws) calls the chart back.
        page.evaluate(
            "window.__calls = [];
             const chart = document.getElementById('chart').chart;
             for (const kind of ['focusin', 'focusout', 'click']) {
                 document.addEventListener(kind, event => {
                     chart.redraw();
                     window.__calls.push([kind, chart.lang, chart.exportCsv().length > 0]);
                 }, true);
             }
             return true;",
        )
        .await?;
        page.console_messages().await?;
        for selector in [
            "#chart button[data-series=cn]",
            "#chart button[data-series=cn]",
            "#chart .ps-table-toggle",
            "#chart button[data-sort=size]",
            "#chart .ps-table-toggle",
            "#chart button[data-download=csv]",
            "#chart .ps-lang",
        ] {
            page.click_on(selector).await?;
        }
        let after = page
            .poll(
                "return {
                     calls: window.__calls,
                     focusins: window.__calls.filter(call => call[0] === 'focusin').length,
                     state: document.getElementById('chart').getAttribute('data-state'),
                     lang: document.getElementById('chart').chart.lang,
                     containerLang: document.getElementById('chart').getAttribute('lang'),
                     focused: document.activeElement && document.activeElement.outerHTML.slice(0, 80),
                 };",
                |after| after["lang"] == json!("zh"),
            )
            .await?;
        if after["state"] != json!("ready")
            || after["lang"] != json!("zh")
            || after["containerLang"] != json!("zh-CN")
        {
            failures.push(format!("the chart did not carry on: {after}"));
        }
        // The legend and the sort header were focused by the chart itself, with host
        // listeners calling back: each call must have answered.
        if after["focusins"].as_u64().unwrap_or(0) < 2 {
            failures.push(format!("the host's focusin listener did not run: {after}"));
        }
        let uncaught = page.uncaught().await?;
        if uncaught != json!([]) {
            failures.push(format!("uncaught errors: {uncaught}"));
        }
        page.wait_until_redrawn_in("#chart").await?;
        match page.hover_works().await {
            Ok(_) => {}
            Err(problem) => failures.push(problem),
        }
        let errors = page.console_errors().await?;
        if !errors.is_empty() {
            failures.push(format!("console errors: {errors:?}"));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_host_listener_that_destroys_the_chart_during_its_download_leaves_the_page_and_another_chart_working(
) {
    with_browser(BrowserOptions::default(), |page: Page| async move {
        let mut failures = Vec::new();
        page.open(ENGLISH).await?;
        page.evaluate(RECORD_UNCAUGHT).await?;
        page.evaluate_async(
            "import(new URL('pkg/param_scale.js', document.baseURI).href).then(module => {
                 const other = document.createElement('div');
                 other.id = 'other';
                 other.style.height = '400px';
                 document.body.append(other);
                 other.chart = module.createChart(other, { url: false, lang: 'en' });
                 const figure = document.getElementById('chart');
                 // The chart's own download link, clicked while the chart works, is where
                 // the host destroys it.
                 document.addEventListener('click', event => {
                     if (event.target.matches('a[download]')) figure.chart.destroy();
                 }, true);
                 done(true);
             }, error => done(String(error)));",
        )
        .await?;
        page.console_messages().await?;
        page.click_on("#chart button[data-download=csv]").await?;
        let after = page
            .poll(
                "const figure = document.getElementById('chart');
                 let thrown = null;
                 try { figure.chart.lang; } catch (error) { thrown = String(error); }
                 return {
                     left: figure.querySelectorAll('.ps-root, canvas').length,
                     state: figure.getAttribute('data-state'),
                     thrown,
                     other: document.getElementById('other').getAttribute('data-state'),
                 };",
                |after| after["left"] == json!(0),
            )
            .await?;
        if after["left"] != json!(0) || after["state"] == json!("ready") {
            failures.push(format!("the destroyed chart is still there: {after}"));
        }
        if !after["thrown"]
            .as_str()
            .is_some_and(|thrown| thrown.contains("destroyed"))
        {
            failures.push(format!("a destroyed chart's handle must throw: {after}"));
        }
        // The other chart still works: a legend toggle there is carried out.
        page.click_on("#other button[data-series=cn]").await?;
        let other = page
            .poll(
                "const other = document.getElementById('other');
                 return {
                     state: other.getAttribute('data-state'),
                     pressed: other.querySelector('button[data-series=cn]').getAttribute('aria-pressed'),
                 };",
                |other| other["pressed"] == json!("false"),
            )
            .await?;
        if other != json!({ "state": "ready", "pressed": "false" }) {
            failures.push(format!("the other chart stopped working: {other}"));
        }
        let uncaught = page.uncaught().await?;
        if uncaught != json!([]) {
            failures.push(format!("uncaught errors: {uncaught}"));
        }
        let errors = page.console_errors().await?;
        if !errors.is_empty() {
            failures.push(format!("console errors: {errors:?}"));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_create_chart_replaces_the_first_and_destroy_gives_the_container_back_as_it_was() {
    with_browser(BrowserOptions::default(), |page: Page| async move {
        let mut failures = Vec::new();
        page.open(ENGLISH).await?;
        let found = page
            .evaluate_async(
                "(async () => {
                     const module = await import(new URL('pkg/param_scale.js', document.baseURI).href);
                     const look = element => JSON.stringify({
                         attributes: [...element.attributes].map(a => [a.name, a.value]).sort(),
                         html: element.innerHTML,
                     });
                     const plain = document.createElement('div');
                     plain.style.height = '400px';
                     const marked = document.createElement('div');
                     marked.className = 'host-box';
                     marked.lang = 'fr';
                     marked.dataset.theme = 'sepia';
                     marked.style.height = '400px';
                     marked.append(document.createTextNode(''));
                     document.body.append(plain, marked);
                     const results = {};
                     for (const [name, element] of [['plain', plain], ['marked', marked]]) {
                         const before = look(element);
                         const first = module.createChart(element, { url: false, theme: 'dark' });
                         const second = module.createChart(element, { url: false, lang: 'en' });
                         await new Promise(resolve => setTimeout(resolve, 300));
                         let firstThrows = null;
                         try { first.exportCsv(); } catch (error) { firstThrows = String(error); }
                         const during = {
                             roots: element.querySelectorAll('.ps-root').length,
                             state: element.getAttribute('data-state'),
                             theme: element.getAttribute('data-theme'),
                             lang: second.lang,
                             firstThrows,
                         };
                         second.destroy();
                         second.destroy();
                         results[name] = { before, after: look(element), during };
                     }
                     done(results);
                 })().catch(error => done({ error: String(error) }));",
            )
            .await?;
        if let Some(error) = found.get("error") {
            return Err(format!("the host script failed: {error}"));
        }
        for name in ["plain", "marked"] {
            let result = &found[name];
            let during = &result["during"];
            if during["roots"] != json!(1) || during["state"] != json!("ready") {
                failures.push(format!("{name}: two createChart calls left {during}"));
            }
            if during["theme"] != json!("light") || during["lang"] != json!("en") {
                failures.push(format!("{name}: the second chart is not the one shown: {during}"));
            }
            if !during["firstThrows"]
                .as_str()
                .is_some_and(|thrown| thrown.contains("destroyed"))
            {
                failures.push(format!("{name}: the replaced chart's handle still works: {during}"));
            }
            if result["before"] != result["after"] {
                failures.push(format!(
                    "{name}: destroy() left the container changed:\n  before: {}\n  after:  {}",
                    result["before"], result["after"]
                ));
            }
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_download_or_a_refused_clipboard_leaves_the_chart_with_a_notice() {
    with_browser(BrowserOptions::default(), |page: Page| async move {
        let mut failures = Vec::new();
        page.open(ENGLISH).await?;
        page.evaluate(RECORD_UNCAUGHT).await?;
        page.evaluate(
            "window.__toDataURL = HTMLCanvasElement.prototype.toDataURL;
             HTMLCanvasElement.prototype.toDataURL = () => { throw new Error('refused by the test'); };
             return true;",
        )
        .await?;
        page.console_messages().await?;
        page.click_on("#chart button[data-download=png]").await?;
        let after_png = page
            .poll(NOTICE_AND_FALLBACK, |found| found["notice"].is_string())
            .await?;
        let ok = after_png["state"] == json!("ready")
            && after_png["error"] == json!(false)
            && after_png["notice"] == json!("That did not work; the chart is unchanged.")
            && after_png["noticeHeight"].as_f64().unwrap_or(0.0) >= 1.0
            && after_png["role"] == json!("status")
            && after_png["canvasHeight"].as_f64().unwrap_or(0.0) > 100.0;
        if !ok {
            failures.push(format!("after a failed PNG download: {after_png}"));
        }
        let warned = page.console_messages().await?;
        if !warned
            .iter()
            .any(|message| message.level == "WARNING" && message.text.contains("refused by the test"))
        {
            failures.push(format!("the failure was not warned about: {warned:?}"));
        }
        // The next request takes the notice away; this one works again.
        page.evaluate(
            "HTMLCanvasElement.prototype.toDataURL = window.__toDataURL; return true;",
        )
        .await?;
        page.click_on("#chart button[data-download=png]").await?;
        let after_retry = page
            .poll(NOTICE_AND_FALLBACK, |found| found["notice"].is_null())
            .await?;
        if after_retry["notice"] != json!(null) || after_retry["state"] != json!("ready") {
            failures.push(format!("after a working PNG download: {after_retry}"));
        }

        // A clipboard that throws, then one that refuses: the link to copy by hand.
        for (how, clipboard) in [
            ("throws", "{ writeText() { throw new Error('clipboard refused'); } }"),
            ("rejects", "{ writeText: () => Promise.reject(new Error('clipboard refused')) }"),
        ] {
            page.evaluate(&format!(
                "Object.defineProperty(navigator, 'clipboard', {{ value: {clipboard}, configurable: true }});
                 document.querySelector('#chart .ps-copy-fallback').hidden = true;
                 return true;"
            ))
            .await?;
            page.click_on("#chart .ps-copy").await?;
            let after = page
                .poll(NOTICE_AND_FALLBACK, |found| found["fallback"].is_string())
                .await?;
            let fallback_ok = after["fallback"]
                .as_str()
                .is_some_and(|text| text.starts_with("Copy this link:") && text.contains("index.html"));
            if after["state"] != json!("ready") || after["error"] != json!(false) || !fallback_ok {
                failures.push(format!("a clipboard that {how}: {after}"));
            }
        }
        let uncaught = page.uncaught().await?;
        if uncaught != json!([]) {
            failures.push(format!("uncaught errors: {uncaught}"));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_inline_embed_whose_chart_cannot_be_made_shows_the_message_and_the_static_chart() {
    with_browser(BrowserOptions::default(), |page: Page| async move {
        let mut failures = Vec::new();
        page.open(ENGLISH).await?;
        // A host page whose document refuses to make canvases: createChart throws.
        page.evaluate(
            "document.body.replaceChildren();
             const create = Document.prototype.createElement;
             Document.prototype.createElement = function (tag, ...rest) {
                 if (String(tag).toLowerCase() === 'canvas') throw new Error('no canvas on this host');
                 return create.call(this, tag, ...rest);
             };
             const div = document.createElement('div');
             div.id = 'inline';
             div.setAttribute('data-param-scale', '');
             div.dataset.lang = 'en';
             document.body.append(div);
             const script = document.createElement('script');
             script.type = 'module';
             script.src = 'www/embed.js';
             document.head.append(script);
             return true;",
        )
        .await?;
        let shown = page
            .poll(
                "const div = document.getElementById('inline');
                 const note = div.querySelector('.chart-error');
                 const image = div.querySelector('img.ps-fallback-image');
                 return {
                     state: div.getAttribute('data-state'),
                     note: note && note.textContent,
                     image: image && image.getAttribute('src'),
                     loaded: image !== null && image.complete && image.naturalWidth > 0,
                     left: div.querySelectorAll('.ps-root, canvas').length,
                 };",
                |shown| shown["loaded"] == json!(true),
            )
            .await?;
        if shown["state"] != json!("error")
            || !shown["note"]
                .as_str()
                .is_some_and(|note| note.contains("could not load") && note.contains("no canvas on this host"))
        {
            failures.push(format!("no message in the embed's place: {shown}"));
        }
        let image_ok = shown["image"]
            .as_str()
            .is_some_and(|src| src.ends_with("chart-en.svg"))
            && shown["loaded"] == json!(true);
        if !image_ok || shown["left"] != json!(0) {
            failures.push(format!("the static chart is not in the embed's place: {shown}"));
        }
        check(failures)
    })
    .await;
}
