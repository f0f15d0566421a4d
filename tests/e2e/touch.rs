//! The chart on a touch screen, touched as a finger would: touch events
//! dispatched through the DevTools protocol (`Input.dispatchTouchEvent`, the
//! whole input pipeline, so the page really scrolls and zooms), with touch
//! emulation on. One finger scrolls the page and taps; two fingers on the
//! plot pinch time, elsewhere they zoom the page; on a narrow chart the
//! pinned tooltip is a sheet with a close button.

use std::time::Duration;

use serde_json::{json, Value};

use super::{check, with_browser, BrowserOptions, Page, POLL_INTERVAL};

/// A phone's width, and a height at which the page is taller than the
/// window (so that it can scroll).
const PHONE: (u32, u32) = (390, 480);

/// How many steps a finger's move is made of.
const STEPS: u32 = 10;

impl Page {
    /// A DevTools protocol command, through ChromeDriver.
    async fn devtools(&self, command: &str, parameters: Value) -> Result<Value, String> {
        chromium_session::devtools(&self.client, command, parameters)
            .await
            .map_err(|error| format!("{command} failed: {error}"))
    }

    /// A window of `size` with touch emulated, the page opened with `query`.
    async fn open_touch(&self, size: (u32, u32), query: &str) -> Result<(), String> {
        self.client
            .set_window_size(size.0, size.1)
            .await
            .map_err(|error| format!("cannot resize the window: {error}"))?;
        self.devtools(
            "Emulation.setTouchEmulationEnabled",
            json!({ "enabled": true, "maxTouchPoints": 5 }),
        )
        .await?;
        self.open_with_query(query).await
    }

    /// One touch event with the fingers at `points` (viewport px); none for
    /// the last finger's lift.
    async fn touch(&self, kind: &str, points: &[(f64, f64)]) -> Result<(), String> {
        let points: Vec<Value> = points
            .iter()
            .enumerate()
            .map(|(id, (x, y))| json!({ "x": x, "y": y, "id": id }))
            .collect();
        self.devtools(
            "Input.dispatchTouchEvent",
            json!({ "type": kind, "touchPoints": points }),
        )
        .await
        .map(drop)
    }

    /// Fingers down at `from`, moved in steps to `to`, lifted.
    async fn gesture(&self, from: &[(f64, f64)], to: &[(f64, f64)]) -> Result<(), String> {
        self.touch("touchStart", from).await?;
        for step in 1..=STEPS {
            let share = f64::from(step) / f64::from(STEPS);
            let now: Vec<(f64, f64)> = from
                .iter()
                .zip(to)
                .map(|(a, b)| (a.0 + (b.0 - a.0) * share, a.1 + (b.1 - a.1) * share))
                .collect();
            self.touch("touchMove", &now).await?;
            tokio::time::sleep(Duration::from_millis(16)).await;
        }
        self.touch("touchEnd", &[]).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        Ok(())
    }

    async fn finger_tap(&self, at: (f64, f64)) -> Result<(), String> {
        self.touch("touchStart", &[at]).await?;
        self.touch("touchEnd", &[]).await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        Ok(())
    }

    /// Where the page drew `id`, in the viewport as it is scrolled now.
    async fn drawn_at(&self, id: &str) -> Result<(f64, f64), String> {
        let found = self
            .evaluate_with(
                "const figure = document.getElementById('chart');
                 const point = figure.chart.drawnPoints().find(p => p.id === arguments[0]);
                 const stage = figure.querySelector('.ps-stage').getBoundingClientRect();
                 return point && [point.x + stage.left, point.y + stage.top];",
                vec![json!(id)],
            )
            .await?;
        match (found[0].as_f64(), found[1].as_f64()) {
            (Some(x), Some(y)) => Ok((x, y)),
            _ => Err(format!("{id} is not drawn")),
        }
    }

    /// The scroll, the page's zoom, the URL and the tooltip: shown, pinned,
    /// docked as a sheet.
    async fn touch_state(&self) -> Result<Value, String> {
        self.evaluate(
            "const tip = document.querySelector('#chart [role=tooltip]');
             return { scrollY: window.scrollY, zoom: window.visualViewport.scale,
                      search: location.search, shown: !tip.hidden,
                      pinned: !tip.hidden && tip.classList.contains('ps-pinned'),
                      sheet: !tip.hidden && tip.classList.contains('ps-sheet'),
                      title: tip.hidden ? null : tip.querySelector('.ps-tooltip-title').textContent,
                      focused: document.activeElement && document.activeElement.className };",
        )
        .await
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_touch_drag_up_on_the_plot_scrolls_the_page_and_a_swipe_pins_nothing() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_touch(PHONE, "lang=en").await?;
        let room = page
            .evaluate("return document.documentElement.scrollHeight - window.innerHeight;")
            .await?;
        if room.as_f64().unwrap_or(0.0) < 60.0 {
            return Err(format!(
                "the page cannot scroll at {PHONE:?}: {room} px of room"
            ));
        }
        // Up from GPT-3's own point: a tap there would pin it.
        let (x, y) = page.drawn_at("gpt-3").await?;
        page.gesture(&[(x, y)], &[(x, y - 200.0)]).await?;
        let after = page.touch_state().await?;
        if after["scrollY"].as_f64().unwrap_or(0.0) < 40.0 || after["shown"] != json!(false) {
            failures.push(format!("a drag up from GPT-3: {after}"));
        }
        // Sideways across it, where the page has nothing to scroll.
        page.evaluate("window.scrollTo(0, 0);").await?;
        let (x, y) = page.drawn_at("gpt-3").await?;
        page.gesture(&[(x - 60.0, y)], &[(x, y)]).await?;
        let after = page.touch_state().await?;
        if after["shown"] != json!(false)
            || after["search"].as_str().unwrap_or("").contains("focus=")
        {
            failures.push(format!("a swipe that ends on GPT-3: {after}"));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tap_pins_the_tooltip_as_a_sheet_at_390_px_and_its_close_button_lets_go() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for (lang, close, title) in [("en", "Close", "GPT-3"), ("zh", "关闭", "GPT-3")] {
            page.open_touch((390, 800), &format!("lang={lang}")).await?;
            let at = page.drawn_at("gpt-3").await?;
            page.finger_tap(at).await?;
            let pinned = page.touch_state().await?;
            if pinned["title"] != json!(title)
                || pinned["pinned"] != json!(true)
                || pinned["sheet"] != json!(true)
            {
                failures.push(format!("{lang}: a tap on GPT-3 gave {pinned}"));
                continue;
            }
            let sheet = sheet_geometry(&page).await?;
            failures.extend(sheet_problems(&format!("{lang} 390 px, GPT-3"), &sheet));
            if sheet["closeName"] != json!(close) {
                failures.push(format!(
                    "{lang}: the close button is called {}",
                    sheet["closeName"]
                ));
            }
            let button = &sheet["close"];
            let centre = (
                button[0].as_f64().unwrap_or(0.0) + button[2].as_f64().unwrap_or(0.0) / 2.0,
                button[1].as_f64().unwrap_or(0.0) + button[3].as_f64().unwrap_or(0.0) / 2.0,
            );
            page.finger_tap(centre).await?;
            let closed = page.touch_state().await?;
            let search = closed["search"].as_str().unwrap_or("");
            if closed["shown"] != json!(false) || search.contains("focus=") {
                failures.push(format!("{lang}: the close button left {closed}"));
            }
            if closed["focused"] != json!("chart-canvas") {
                failures.push(format!(
                    "{lang}: after closing, the focus is on {}",
                    closed["focused"]
                ));
            }
        }
        // A wide chart keeps the floating tooltip.
        page.open_touch((1000, 700), "lang=en").await?;
        let at = page.drawn_at("gpt-3").await?;
        page.finger_tap(at).await?;
        let wide = page.touch_state().await?;
        if wide["pinned"] != json!(true) || wide["sheet"] != json!(false) {
            failures.push(format!("1000 px: a tap on GPT-3 gave {wide}"));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pinch_on_the_plot_zooms_time_around_its_midpoint_and_elsewhere_zooms_the_page() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        let (first, last) =
            param_scale::dataset::year_span(param_scale::embedded::models()).ok_or("no models")?;
        // Fingers spread apart around a model: the years narrow around its year.
        // One page throughout: after a two-finger gesture dispatched through the
        // DevTools protocol, headless Chromium gives a newly loaded page in the same
        // tab no touch events (a page of plain script shows it too), so the chart
        // is reset with its Show all button in between.
        page.open_touch((390, 800), "lang=en").await?;
        for (id, year) in [("gpt-3", 2020), ("bert", 2018), ("kimi-k2", 2025)] {
            page.evaluate("document.querySelector('#chart .ps-reset').click();")
                .await?;
            page.wait_until_drawn().await?;
            let (x, y) = page.drawn_at(id).await?;
            let y = y - 10.0;
            page.gesture(
                &[(x - 30.0, y), (x + 30.0, y)],
                &[(x - 110.0, y), (x + 110.0, y)],
            )
            .await?;
            page.wait_until_drawn().await?;
            let after = page.touch_state().await?;
            let search = after["search"].as_str().unwrap_or("").to_owned();
            let years = |key: &str| {
                search
                    .split(['?', '&'])
                    .find_map(|pair| pair.strip_prefix(key))
                    .and_then(|value| value.parse::<u16>().ok())
            };
            match (years("from="), years("to=")) {
                (Some(from), Some(to))
                    if (from..=to).contains(&year) && to - from < (last - first) / 2 => {}
                _ => failures.push(format!("a pinch around {id} ({year}) gave {search}")),
            }
            if after["zoom"] != json!(1) || after["shown"] != json!(false) {
                failures.push(format!(
                    "a pinch around {id} zoomed the page or pinned: {after}"
                ));
            }
        }
        // Two fingers on the title are the page's own zoom.
        page.evaluate("document.querySelector('#chart .ps-reset').click();")
            .await?;
        page.wait_until_drawn().await?;
        let title = page
            .evaluate(
                "const box = document.querySelector('#chart .ps-title').getBoundingClientRect();
                 return [box.left + box.width / 2, box.top + box.height / 2];",
            )
            .await?;
        let (x, y) = (
            title[0].as_f64().unwrap_or(0.0),
            title[1].as_f64().unwrap_or(0.0),
        );
        page.gesture(
            &[(x - 30.0, y), (x + 30.0, y)],
            &[(x - 110.0, y), (x + 110.0, y)],
        )
        .await?;
        let after = page.touch_state().await?;
        if after["zoom"].as_f64().unwrap_or(1.0) <= 1.0 || after["search"] != json!("?lang=en") {
            failures.push(format!(
                "a pinch on the title did not zoom the page alone: {after}"
            ));
        }
        check(failures)
    })
    .await;
}

/// Where the docked sheet, its close button, its title's text, the ring,
/// the stage and the viewport are, in viewport px (`[left, top, width,
/// height]`).
async fn sheet_geometry(page: &Page) -> Result<Value, String> {
    page.evaluate(
        "const figure = document.getElementById('chart');
         const box = element => { const r = element.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; };
         const tip = figure.querySelector('[role=tooltip]');
         const close = tip.querySelector('.ps-tooltip-close');
         const range = document.createRange();
         range.selectNodeContents(tip.querySelector('.ps-tooltip-title'));
         return { sheet: box(tip), close: box(close), stage: box(figure.querySelector('.ps-stage')),
                  ring: box(figure.querySelector('.ps-ring')),
                  titleLines: [...range.getClientRects()].map(r => [r.left, r.top, r.width, r.height]),
                  closeName: close.getAttribute('aria-label'), closeShown: !close.hidden,
                  viewport: [window.innerWidth, window.innerHeight] };",
    )
    .await
}

/// What is wrong with a docked sheet: it must lie across the stage and in
/// the viewport, leave the ring (the point) clear, and hold a close button
/// of at least 24 × 24 px that no line of the title runs under.
fn sheet_problems(case: &str, seen: &Value) -> Vec<String> {
    let rect = |value: &Value| -> Option<[f64; 4]> {
        let numbers: Vec<f64> = value.as_array()?.iter().filter_map(Value::as_f64).collect();
        numbers.try_into().ok()
    };
    let (Some(sheet), Some(close), Some(stage), Some(ring), Some(viewport)) = (
        rect(&seen["sheet"]),
        rect(&seen["close"]),
        rect(&seen["stage"]),
        rect(&seen["ring"]),
        seen["viewport"].as_array().map(|size| {
            (
                size[0].as_f64().unwrap_or(0.0),
                size[1].as_f64().unwrap_or(0.0),
            )
        }),
    ) else {
        return vec![format!("{case}: no sheet geometry: {seen}")];
    };
    let overlap = |a: [f64; 4], b: [f64; 4]| {
        a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
    };
    let inside = |inner: [f64; 4], outer: [f64; 4]| {
        inner[0] >= outer[0] - 0.5
            && inner[1] >= outer[1] - 0.5
            && inner[0] + inner[2] <= outer[0] + outer[2] + 0.5
            && inner[1] + inner[3] <= outer[1] + outer[3] + 0.5
    };
    let mut problems = Vec::new();
    if !inside(sheet, stage) || sheet[2] < stage[2] - 12.0 {
        problems.push(format!(
            "{case}: the sheet does not lie across the stage: {seen}"
        ));
    }
    if !inside(sheet, [0.0, 0.0, viewport.0, viewport.1]) {
        problems.push(format!("{case}: the sheet leaves the viewport: {seen}"));
    }
    if overlap(sheet, ring) {
        problems.push(format!("{case}: the sheet covers its point's ring: {seen}"));
    }
    if seen["closeShown"] != json!(true)
        || close[2] < 24.0
        || close[3] < 24.0
        || !inside(close, sheet)
    {
        problems.push(format!(
            "{case}: the close button is hidden, small or outside: {seen}"
        ));
    }
    let lines = seen["titleLines"].as_array().cloned().unwrap_or_default();
    if lines.is_empty()
        || lines
            .iter()
            .filter_map(rect)
            .any(|line| overlap(line, close))
    {
        problems.push(format!(
            "{case}: the title runs under the close button: {seen}"
        ));
    }
    problems
}

/// The pinned sheet at 360 and 390 px, in both languages and themes, for a
/// point high, in the middle and low on the plot: across the chart, clear of
/// its point, its close button clear of its title. With
/// `PARAM_SCALE_SHOTS=DIR` it also saves each as a PNG there, to look at.
#[tokio::test(flavor = "multi_thread")]
async fn the_pinned_sheet_leaves_its_point_clear_at_360_and_390_px_in_each_language_and_theme() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        let shots = std::env::var_os("PARAM_SCALE_SHOTS").map(std::path::PathBuf::from);
        for width in [360, 390] {
            for lang in ["zh", "en"] {
                for theme in ["light", "dark"] {
                    for id in ["bagualu", "gpt-3", "bert"] {
                        let query = format!("lang={lang}&theme={theme}&focus={id}");
                        page.open_touch((width, 740), &query).await?;
                        tokio::time::sleep(POLL_INTERVAL).await;
                        let case = format!("{width} px {lang} {theme} {id}");
                        let state = page.touch_state().await?;
                        if state["sheet"] != json!(true) {
                            failures.push(format!("{case}: not docked: {state}"));
                            continue;
                        }
                        failures.extend(sheet_problems(&case, &sheet_geometry(&page).await?));
                        if let Some(folder) = &shots {
                            let png = page
                                .client
                                .screenshot()
                                .await
                                .map_err(|error| error.to_string())?;
                            let name = format!("sheet-{width}-{lang}-{theme}-{id}.png");
                            std::fs::write(folder.join(name), png)
                                .map_err(|error| error.to_string())?;
                        }
                    }
                }
            }
        }
        check(failures)
    })
    .await;
}
