//! The chart in the page's first response (`xtask/src/first_paint.rs`): shown without
//! JavaScript and before the module runs, in the reader's language and width class, with
//! no style attribute and no script; the canvas then takes its place in the same box with
//! the same picture, and nothing on the page or in an embed ever moves (layout shift 0).

use serde_json::{json, Value};

use super::{check, with_browser, BrowserOptions, Language, Page, CHINESE, LANGUAGES};

/// The window widths the page draws a first paint for, and the class each one shows.
const WIDTH_CLASSES: [(u32, &str); 3] = [(390, "narrow"), (800, "medium"), (1280, "wide")];
/// A window tall enough that a phone's chart follows its width (`.chart` in style.css).
const WINDOW_HEIGHT: u32 = 900;

/// What the page shows of its first paint: the SVGs and headings on screen, the figure's
/// and the stage's boxes, and the no-script table.
const FIRST_PAINT_SHOWN: &str = "const figure = document.getElementById('chart');
     const shown = element => {
         const rect = element.getBoundingClientRect();
         return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== 'hidden';
     };
     const box = element => {
         const rect = element.getBoundingClientRect();
         return [rect.left, rect.top, rect.width, rect.height];
     };
     const stage = figure.querySelector('.ps-first-stage');
     return {
         inner: innerWidth,
         svgs: [...figure.querySelectorAll('svg.ps-first-svg')].filter(shown).map(svg => ({
             class: svg.getAttribute('class'),
             lang: svg.dataset.lang,
             marks: svg.querySelectorAll('circle, path[d$=\"z\"]').length,
             texts: svg.querySelectorAll('text').length,
             box: box(svg),
         })),
         headings: [...document.querySelectorAll('h1')].filter(shown).map(heading => heading.textContent),
         figure: box(figure),
         stage: stage && box(stage),
         rows: document.querySelectorAll('.ps-no-script table tbody tr').length,
     };";

/// The page of each language without JavaScript: its file, what its root's `lang`, its
/// first paint and its table (the first column's header) are in, and the page of the other
/// language it links to.
const PAGES_WITHOUT_SCRIPT: [(&str, Language, &str, &str); 2] = [
    ("index.html", LANGUAGES[0], "模型", "en.html"),
    ("en.html", LANGUAGES[1], "Model", "index.html"),
];

/// What the no-script block offers: the other language's page and static chart.
const NO_SCRIPT_LINKS: &str = "return {
         root: document.documentElement.lang,
         links: [...document.querySelectorAll('.ps-no-script a')].map(link => link.getAttribute('href')),
         firstHeader: document.querySelector('.ps-no-script table thead th')?.textContent ?? '',
     };";

#[tokio::test(flavor = "multi_thread")]
async fn without_javascript_each_language_s_page_shows_its_chart_title_and_table_at_each_width() {
    let options = BrowserOptions {
        extra_arguments: &["--blink-settings=scriptEnabled=false"],
        ..BrowserOptions::default()
    };
    with_browser(options, |page| async move {
        let mut failures = Vec::new();
        for (file, language, header, other) in PAGES_WITHOUT_SCRIPT {
            for (width, class) in WIDTH_CLASSES {
                resize(&page, width).await?;
                let url = format!("{}{file}", page.site_url);
                page.client
                    .goto(&url)
                    .await
                    .map_err(|error| error.to_string())?;
                let shown = page.evaluate(FIRST_PAINT_SHOWN).await?;
                failures.extend(
                    first_paint_failures(&shown, language, class)
                        .into_iter()
                        .map(|failure| format!("{file} at {width} px: {failure}")),
                );
            }
            let offered = page.evaluate(NO_SCRIPT_LINKS).await?;
            let other_chart = if other == "en.html" {
                "chart-en.svg"
            } else {
                "chart-zh.svg"
            };
            let links = offered["links"].as_array().cloned().unwrap_or_default();
            if offered["root"] != json!(language.html_lang)
                || offered["firstHeader"] != json!(header)
                || !links.contains(&json!(other))
                || !links.contains(&json!(other_chart))
            {
                failures.push(format!(
                    "{file}: its root or links without JavaScript are wrong: {offered}"
                ));
            }
        }
        check(failures)
    })
    .await;
}

/// Each page's chart in a browser that prefers Chinese, with no `lang` in the URL: the
/// page, the first paint's heading and the chart's own label.
const PAGE_LANGUAGE: &str = "return {
         root: document.documentElement.lang,
         preferred: navigator.languages,
         label: document.querySelector('#chart canvas')?.getAttribute('aria-label') ?? '',
     };";

#[tokio::test(flavor = "multi_thread")]
async fn the_english_page_draws_in_english_even_for_a_browser_that_prefers_chinese() {
    let options = BrowserOptions {
        extra_arguments: &["--lang=zh-CN", "--accept-lang=zh-CN"],
        ..BrowserOptions::default()
    };
    with_browser(options, |page| async move {
        let mut failures = Vec::new();
        for (file, language) in [("index.html", LANGUAGES[0]), ("en.html", LANGUAGES[1])] {
            let url = format!("{}{file}", page.site_url);
            page.client
                .goto(&url)
                .await
                .map_err(|error| error.to_string())?;
            page.wait_until_drawn().await?;
            let seen = page.evaluate(PAGE_LANGUAGE).await?;
            if seen["root"] != json!(language.html_lang)
                || !seen["label"]
                    .as_str()
                    .is_some_and(|label| label.starts_with(language.title))
            {
                failures.push(format!("{file} is not in {}: {seen}", language.query));
            }
        }
        check(failures)
    })
    .await;
}

/// What is wrong with the first paint `shown` (from [`FIRST_PAINT_SHOWN`]) for a page in
/// `language` at a width of `class`.
fn first_paint_failures(shown: &Value, language: Language, class: &str) -> Vec<String> {
    let mut failures = Vec::new();
    let svgs = shown["svgs"].as_array().cloned().unwrap_or_default();
    let [svg] = svgs.as_slice() else {
        return vec![format!("{} SVGs shown, expected one: {shown}", svgs.len())];
    };
    let expected_class = format!("ps-first-{class}");
    if !svg["class"]
        .as_str()
        .is_some_and(|classes| classes.split(' ').any(|name| name == expected_class))
        || svg["lang"] != json!(language.query)
    {
        failures.push(format!(
            "the SVG shown is not the {} {class} one: {svg}",
            language.query
        ));
    }
    if svg["marks"].as_u64().unwrap_or(0) < 40 || svg["texts"].as_u64().unwrap_or(0) < 20 {
        failures.push(format!("the SVG has too few marks or texts: {svg}"));
    }
    if shown["headings"] != json!([language.title]) {
        failures.push(format!("the headings shown are {}", shown["headings"]));
    }
    if !same_box(&svg["box"], &shown["stage"], 1.0)
        || shown["stage"][3].as_f64().unwrap_or(0.0) < 300.0
    {
        failures.push(format!(
            "the SVG does not fill a stage of a chart's height: {shown}"
        ));
    }
    if shown["rows"].as_u64().unwrap_or(0) < 40 {
        failures.push(format!("the no-script table has {} rows", shown["rows"]));
    }
    failures
}

/// The first paint as the server sends it: the block, its SVGs per language and class,
/// and anything the Content Security Policy would refuse.
const FIRST_RESPONSE: &str = "fetch('index.html').then(response => response.text()).then(text => {
         const parsed = new DOMParser().parseFromString(text, 'text/html');
         const block = parsed.querySelector('#chart > .ps-first');
         if (!block) { done({ block: false }); return; }
         const all = [...block.querySelectorAll('*')];
         done({
             block: true,
             svgs: [...block.querySelectorAll('svg.ps-first-svg')].map(svg =>
                 [svg.dataset.lang, svg.getAttribute('class'), svg.querySelectorAll('circle, path[d$=\"z\"]').length, svg.getAttribute('role'), (svg.getAttribute('aria-label') || '').length]),
             headings: [...block.querySelectorAll('h1')].map(heading => [heading.dataset.lang, heading.textContent]),
             styled: all.filter(element => element.hasAttribute('style')).length,
             handlers: all.filter(element => [...element.attributes].some(attribute => attribute.name.startsWith('on'))).length,
             scripts: block.querySelectorAll('script, style, foreignObject').length,
             inlineScripts: parsed.querySelectorAll('script:not([src]), style, [style]').length,
         });
     }, error => done({ error: String(error) }));";

#[tokio::test(flavor = "multi_thread")]
async fn the_first_response_holds_the_chart_in_both_languages_and_widths_with_no_style_attribute_and_no_script(
) {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open(CHINESE).await?;
        let response = page.evaluate_async(FIRST_RESPONSE).await?;
        if response["block"] != json!(true) {
            return Err(format!(
                "index.html has no first paint in its figure: {response}"
            ));
        }
        for key in ["styled", "handlers", "scripts", "inlineScripts"] {
            if response[key] != json!(0) {
                failures.push(format!("the first response has {key}: {}", response[key]));
            }
        }
        let svgs = response["svgs"].as_array().cloned().unwrap_or_default();
        for language in LANGUAGES {
            let code = language.query;
            if !response["headings"]
                .as_array()
                .is_some_and(|all| all.contains(&json!([code, language.title])))
            {
                failures.push(format!(
                    "no {code} heading {:?}: {}",
                    language.title, response["headings"]
                ));
            }
            for (_, class) in WIDTH_CLASSES {
                let found = svgs.iter().find(|svg| {
                    svg[0] == json!(code)
                        && svg[1]
                            .as_str()
                            .is_some_and(|classes| classes.contains(&format!("ps-first-{class}")))
                });
                match found {
                    Some(svg)
                        if svg[2].as_u64().unwrap_or(0) >= 40
                            && svg[3] == json!("img")
                            && svg[4].as_u64().unwrap_or(0) > 40 => {}
                    other => failures.push(format!(
                        "{code} {class}: no named SVG with marks: {other:?}"
                    )),
                }
            }
        }
        check(failures)
    })
    .await;
}

/// Where the first paint's stage would be in the page as it is now: the server's block
/// in a figure of the same classes and language beside the chart's, measured relative to
/// its figure, with the chart's stage relative to the chart's figure.
const BOXES_BEFORE_AND_AFTER: &str = "fetch('index.html').then(response => response.text()).then(text => {
         const parsed = new DOMParser().parseFromString(text, 'text/html');
         const figure = document.getElementById('chart');
         const twin = document.createElement('figure');
         twin.className = 'chart';
         twin.lang = figure.lang;
         twin.append(document.importNode(parsed.querySelector('#chart > .ps-first'), true));
         figure.after(twin);
         const relative = (element, to) => {
             const rect = element.getBoundingClientRect();
             const origin = to.getBoundingClientRect();
             return [rect.left - origin.left, rect.top - origin.top, rect.width, rect.height];
         };
         const svg = [...twin.querySelectorAll('svg.ps-first-svg')].find(svg => svg.getBoundingClientRect().width > 0);
         const result = {
             before: relative(twin.querySelector('.ps-first-stage'), twin),
             after: relative(figure.querySelector('.ps-stage'), figure),
             figures: [twin.getBoundingClientRect().height, figure.getBoundingClientRect().height],
             svg: svg ? svg.outerHTML : null,
         };
         twin.remove();
         done(result);
     }, error => done({ error: String(error) }));";

/// The first paint's SVG drawn on a canvas of the chart canvas's size, compared pixel by
/// pixel with the chart's canvas (a pixel matches one within a pixel of it, each channel
/// within 64), and its markers' centres with the points the chart drew.
const SAME_PICTURE: &str = "const [markup] = arguments;
     const canvas = document.querySelector('#chart canvas.chart-canvas');
     const template = document.createElement('template');
     template.innerHTML = markup;
     const svg = template.content.firstElementChild;
     svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
     svg.setAttribute('width', canvas.width);
     svg.setAttribute('height', canvas.height);
     const [, , boxWidth, boxHeight] = svg.getAttribute('viewBox').split(' ').map(Number);
     const image = new Image();
     image.src = URL.createObjectURL(new Blob([svg.outerHTML], { type: 'image/svg+xml' }));
     image.decode().then(() => {
         const w = canvas.width, h = canvas.height;
         const drawn = document.createElement('canvas');
         drawn.width = w;
         drawn.height = h;
         const context = drawn.getContext('2d');
         context.drawImage(image, 0, 0, w, h);
         const a = context.getImageData(0, 0, w, h).data;
         const b = canvas.getContext('2d').getImageData(0, 0, w, h).data;
         const near = (i, j) => Math.abs(a[i] - b[j]) <= 64 && Math.abs(a[i + 1] - b[j + 1]) <= 64 && Math.abs(a[i + 2] - b[j + 2]) <= 64;
         let differ = 0, ink = 0;
         for (let y = 1; y < h - 1; y++) {
             for (let x = 1; x < w - 1; x++) {
                 const i = (y * w + x) * 4;
                 if (a[i] + a[i + 1] + a[i + 2] < 600 || b[i] + b[i + 1] + b[i + 2] < 600) ink++;
                 let found = false;
                 for (let dy = -1; dy <= 1 && !found; dy++) {
                     for (let dx = -1; dx <= 1 && !found; dx++) {
                         found = near(i, ((y + dy) * w + x + dx) * 4);
                     }
                 }
                 if (!found) differ++;
             }
         }
         // The SVG's viewBox scaled into the canvas's CSS box, centred (meet).
         const css = canvas.getBoundingClientRect();
         const scale = Math.min(css.width / boxWidth, css.height / boxHeight);
         const offset = [(css.width - boxWidth * scale) / 2, (css.height - boxHeight * scale) / 2];
         const centres = [...svg.querySelectorAll('circle')].map(circle => [+circle.getAttribute('cx'), +circle.getAttribute('cy')])
             .concat([...svg.querySelectorAll('path[d$=\"z\"]')].map(path => {
                 // A closed path of relative moves (xtask/src/compact_svg.rs): its corners.
                 const xs = [], ys = [];
                 let x = 0, y = 0;
                 for (const [, command, numbers] of path.getAttribute('d').matchAll(/([MmLlHhVvZz])([^MmLlHhVvZz]*)/g)) {
                     const values = (numbers.match(/-?[0-9.]+/g) || []).map(Number);
                     if (command === 'M') { [x, y] = values; }
                     else if (command === 'm' || command === 'l') { x += values[0]; y += values[1]; }
                     else if (command === 'h') { x += values[0]; }
                     else if (command === 'v') { y += values[0]; }
                     xs.push(x);
                     ys.push(y);
                 }
                 return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
             }))
             .map(([x, y]) => [offset[0] + x * scale, offset[1] + y * scale]);
         const points = document.getElementById('chart').chart.drawnPoints().filter(point => point.disclosed && !point.claim);
         const missed = points.filter(point => !centres.some(([x, y]) => Math.hypot(x - point.x, y - point.y) <= 1.5))
             .map(point => `${point.id} (${point.x.toFixed(1)}, ${point.y.toFixed(1)})`);
         done({ differ, ink, points: points.length, missed });
     }, error => done({ error: String(error) }));";

/// The widths and languages the swap is checked at, and whether the picture must be the
/// same. Layout wraps the header (subtitle, legend, trend note) by text widths, which the
/// build estimates (`EstimatedText`: a CJK character one em, Latin letters about half).
/// Chinese text measures so in any CJK font; English in this machine's system font, DejaVu
/// Sans, is wider than the estimate, and on a phone its header takes a line more, which
/// moves the plot: there only the box is held to be the same.
const PICTURES: [(u32, Language, bool); 6] = [
    (390, LANGUAGES[0], true),
    (390, LANGUAGES[1], false),
    (800, LANGUAGES[0], true),
    (800, LANGUAGES[1], true),
    (1280, LANGUAGES[0], true),
    (1280, LANGUAGES[1], true),
];

#[tokio::test(flavor = "multi_thread")]
async fn the_canvas_takes_the_first_paint_s_place_in_the_same_box_with_the_same_picture() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for (width, language, same_picture) in PICTURES {
            resize(&page, width).await?;
            page.open(language).await?;
            let name = format!("{width} px, lang={}", language.query);
            failures.extend(check_swap(&page, &name, same_picture).await?);
        }
        check(failures)
    })
    .await;
}

/// What differs between the first paint and the chart that took its place, on the page
/// as it is open: the stage's box, and (when `same_picture`) the picture.
pub(crate) async fn check_swap(
    page: &Page,
    name: &str,
    same_picture: bool,
) -> Result<Vec<String>, String> {
    let mut failures = Vec::new();
    let boxes = page.evaluate_async(BOXES_BEFORE_AND_AFTER).await?;
    let figures = (boxes["figures"][0].as_f64(), boxes["figures"][1].as_f64());
    let same_figure =
        matches!(figures, (Some(before), Some(after)) if (before - after).abs() <= 0.5);
    if !same_box(&boxes["before"], &boxes["after"], 1.0) || !same_figure {
        failures.push(format!(
            "{name}: the stage moved: before {} after {}, figures {}",
            boxes["before"], boxes["after"], boxes["figures"]
        ));
    }
    let Some(svg) = boxes["svg"].as_str() else {
        failures.push(format!("{name}: no first paint shown: {boxes}"));
        return Ok(failures);
    };
    if !same_picture {
        return Ok(failures);
    }
    let script = format!("const done = arguments[arguments.length - 1];\n{SAME_PICTURE}");
    let picture = page
        .client
        .execute_async(&script, vec![json!(svg)])
        .await
        .map_err(|error| format!("{name}: the comparison failed: {error}"))?;
    let differ = picture["differ"].as_f64().unwrap_or(f64::MAX);
    let ink = picture["ink"].as_f64().unwrap_or(0.0);
    // Marks, axes, ticks and most text land on the same pixels; a label that the reader's
    // font measures otherwise than the build's estimate may sit elsewhere.
    if ink < 1000.0 || differ > 0.2 * ink {
        failures.push(format!(
            "{name}: {differ} of {ink} inked pixels differ: {picture}"
        ));
    }
    if picture["points"].as_u64().unwrap_or(0) < 40 || picture["missed"] != json!([]) {
        failures.push(format!(
            "{name}: points the canvas drew that the first paint has elsewhere: {picture}"
        ));
    }
    Ok(failures)
}

/// Every layout shift the document has had since it started loading (`buffered`), with
/// what moved.
const LAYOUT_SHIFTS: &str = "const [frame] = arguments;
     const view = frame ? document.getElementById(frame).contentWindow : window;
     const shifts = [];
     new view.PerformanceObserver(list => shifts.push(...list.getEntries())).observe({ type: 'layout-shift', buffered: true });
     setTimeout(() => done(shifts.map(shift => ({
         value: shift.value,
         at: Math.round(shift.startTime),
         moved: (shift.sources || []).map(source => `${source.node ? source.node.nodeName + '.' + source.node.className : '?'} ${source.previousRect.y}→${source.currentRect.y}`),
     }))), 300);";

impl Page {
    /// The layout shifts of the page, or of the document in the iframe with id `frame`.
    pub(crate) async fn layout_shifts(&self, frame: Option<&str>) -> Result<Value, String> {
        let script = format!("const done = arguments[arguments.length - 1];\n{LAYOUT_SHIFTS}");
        self.client
            .execute_async(&script, vec![json!(frame)])
            .await
            .map_err(|error| format!("cannot read the layout shifts: {error}"))
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn nothing_moves_as_the_chart_loads_on_the_page_in_an_iframe_or_inline_on_a_host_page() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for width in [390, 1280] {
            resize(&page, width).await?;
            for language in LANGUAGES {
                page.open(language).await?;
                let shifts = page.layout_shifts(None).await?;
                if shifts != json!([]) {
                    failures.push(format!(
                        "the page at {width} px, lang={}: {shifts}",
                        language.query
                    ));
                }
            }
            // The iframe embed: the chart's page in a frame, as a host article holds it.
            page.evaluate(
                "const frame = document.createElement('iframe');
                 frame.id = 'embedded';
                 frame.src = 'index.html?embed=1&lang=en';
                 frame.style.width = '100%';
                 frame.style.height = '700px';
                 document.body.replaceChildren(frame);
                 return true;",
            )
            .await?;
            let ready = page
                .poll(
                    "const doc = document.getElementById('embedded').contentDocument;
                     const figure = doc && doc.getElementById('chart');
                     return figure && figure.getAttribute('data-state');",
                    |state| state == &json!("ready"),
                )
                .await?;
            if ready != json!("ready") {
                failures.push(format!("the iframe at {width} px is not ready: {ready}"));
            }
            let shifts = page.layout_shifts(Some("embedded")).await?;
            if shifts != json!([]) {
                failures.push(format!("the iframe's page at {width} px: {shifts}"));
            }
            // The inline embed: the demo article, an inline chart beside (or above) its text.
            let url = format!("{}story.html", page.site_url);
            page.client
                .goto(&url)
                .await
                .map_err(|error| error.to_string())?;
            let ready = page
                .poll(
                    "const chart = document.querySelector('[data-param-scale]');
                     return chart && chart.getAttribute('data-state');",
                    |state| state == &json!("ready"),
                )
                .await?;
            if ready != json!("ready") {
                failures.push(format!("story.html at {width} px is not ready: {ready}"));
            }
            let shifts = page.layout_shifts(None).await?;
            if shifts != json!([]) {
                failures.push(format!("story.html at {width} px: {shifts}"));
            }
        }
        check(failures)
    })
    .await;
}

/// Sets the window to `width` × [`WINDOW_HEIGHT`] and checks the page sees that width.
async fn resize(page: &Page, width: u32) -> Result<(), String> {
    page.client
        .set_window_size(width, WINDOW_HEIGHT)
        .await
        .map_err(|error| format!("cannot resize the window to {width} px: {error}"))
}

/// Whether two `[left, top, width, height]` boxes agree within `tolerance` CSS px.
fn same_box(a: &Value, b: &Value, tolerance: f64) -> bool {
    (0..4).all(|index| match (a[index].as_f64(), b[index].as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() <= tolerance,
        _ => false,
    })
}

/// Installed before the page's scripts: the headings of the parsed first response, kept
/// when parsing ends (before any deferred or module script runs), and every largest
/// contentful paint the page reports.
const NOTE_FIRST_HEADINGS: &str = "document.addEventListener('readystatechange', () => {
         if (document.readyState === 'interactive' && !window.firstHeadings) {
             window.firstHeadings = [...document.querySelectorAll('h1')];
         }
     });
     window.largestPaints = [];
     new PerformanceObserver(list => { window.largestPaints.push(...list.getEntries()); })
         .observe({ type: 'largest-contentful-paint', buffered: true });";

/// The page's headings once the chart is drawn, against the first response's.
const HEADINGS_AFTER: &str = "setTimeout(() => {
         const headings = [...document.querySelectorAll('h1')];
         const first = window.firstHeadings || [];
         done({
             count: headings.length,
             id: headings[0] ? headings[0].id : null,
             text: headings[0] ? headings[0].textContent : null,
             sameNode: headings.length === 1 && first.includes(headings[0]),
             chartTitle: headings[0] ? headings[0].matches('#chart > .ps-root > h1.ps-title:first-child') : false,
             firstIds: first.map(heading => heading.id),
             paintedHeadings: window.largestPaints
                 .filter(entry => entry.element && entry.element.tagName === 'H1')
                 .map(entry => entry.element === headings[0]),
         });
     }, 200);";

#[tokio::test(flavor = "multi_thread")]
async fn the_page_s_one_heading_is_the_first_response_s_kept_by_the_chart_in_both_languages() {
    with_browser(BrowserOptions::default(), |page| async move {
        chromium_session::devtools(
            &page.client,
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": NOTE_FIRST_HEADINGS }),
        )
        .await
        .map_err(|error| format!("cannot install the heading note: {error}"))?;
        let mut failures = Vec::new();
        for language in LANGUAGES {
            page.open(language).await?;
            let found = page.evaluate_async(HEADINGS_AFTER).await?;
            let code = language.query;
            let expected = json!({
                "count": 1,
                "id": format!("ps-title-{code}"),
                "text": language.title,
                "sameNode": true,
                "chartTitle": true,
            });
            for key in ["count", "id", "text", "sameNode", "chartTitle"] {
                if found[key] != expected[key] {
                    failures.push(format!(
                        "{code}: {key} is {}, expected {} ({found})",
                        found[key], expected[key]
                    ));
                }
            }
            // A largest paint that is a heading is the first response's.
            if found["paintedHeadings"]
                .as_array()
                .is_some_and(|painted| painted.contains(&json!(false)))
            {
                failures.push(format!(
                    "{code}: a heading the module made was painted as the largest: {found}"
                ));
            }
        }
        check(failures)
    })
    .await;
}
