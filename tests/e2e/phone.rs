//! The chart on a phone and on wider screens, as the page reports what it drew:
//! no text over a mark or over another text, and the article's models labelled.

use param_scale::boxes::{overlaps, BoxKind, LayoutBox};
use param_scale::geometry::Rect;
use serde_json::{json, Value};

use super::*;

/// The widths the issue names, from a small phone to a desktop.
const WIDTHS: [u32; 7] = [320, 360, 390, 430, 768, 1024, 1440];
/// From this width on, every model the article names has a label.
const LABELLED_FROM: u32 = 390;

impl Page {
    /// `layoutBoxes()` of the page's chart, as core boxes (a mark's or a label's
    /// model id in `text`, for the messages).
    async fn layout_boxes(&self) -> Result<Vec<(LayoutBox, Option<String>)>, String> {
        let found = self
            .evaluate("return document.getElementById('chart').chart.layoutBoxes();")
            .await?;
        let boxes = found
            .as_array()
            .ok_or_else(|| format!("layoutBoxes() gave {found}"))?;
        boxes
            .iter()
            .map(|reported| {
                let number = |key: &str| {
                    reported[key]
                        .as_f64()
                        .ok_or_else(|| format!("a box without {key}: {reported}"))
                };
                let kind = match reported["kind"].as_str() {
                    Some("text") => BoxKind::Text,
                    Some("mark") => BoxKind::Mark,
                    _ => return Err(format!("a box of no known kind: {reported}")),
                };
                let (x, y) = (number("x")?, number("y")?);
                let rect = Rect::new(x, y, x + number("width")?, y + number("height")?);
                let id = reported["id"].as_str().map(str::to_owned);
                let layout_box = LayoutBox {
                    kind,
                    model_index: None,
                    rect,
                    text: None,
                };
                Ok((layout_box, id))
            })
            .collect()
    }
}

fn describe((layout_box, id): &(LayoutBox, Option<String>)) -> String {
    let kind = layout_box.kind.code();
    let Rect {
        left,
        top,
        right,
        bottom,
    } = layout_box.rect;
    let id = id.as_deref().unwrap_or("-");
    format!("{kind} {id} [{left:.1}, {top:.1} – {right:.1}, {bottom:.1}]")
}

/// Opens the page at each width in `language` and checks what it drew.
async fn check_widths(page: Page, language: Language) -> Result<(), String> {
    let article: Vec<&str> = param_scale::embedded::models()
        .iter()
        .filter(|model| model.in_article)
        .map(|model| &*model.id)
        .collect();
    let mut failures = Vec::new();
    for width in WIDTHS {
        page.client
            .set_window_size(width, 800)
            .await
            .map_err(|error| format!("cannot resize the window: {error}"))?;
        page.open(language).await?;
        let inner = page.evaluate("return window.innerWidth;").await?;
        if inner.as_f64() != Some(f64::from(width)) {
            failures.push(format!("{width} px: the viewport is {inner} px wide"));
        }
        let boxes = page.layout_boxes().await?;
        let texts = boxes
            .iter()
            .filter(|(layout_box, _)| layout_box.kind == BoxKind::Text)
            .count();
        let marks = boxes.len() - texts;
        if texts < 20 || marks < 50 {
            failures.push(format!("{width} px: only {texts} texts and {marks} marks"));
        }
        let bare: Vec<LayoutBox> = boxes
            .iter()
            .map(|(layout_box, _)| layout_box.clone())
            .collect();
        for (first, second) in overlaps(&bare) {
            failures.push(format!(
                "{} {width} px: {} overlaps {}",
                language.query,
                describe(&boxes[first]),
                describe(&boxes[second])
            ));
        }
        if width >= LABELLED_FROM {
            for id in &article {
                let labelled = boxes.iter().any(|(layout_box, label)| {
                    layout_box.kind == BoxKind::Text && label.as_deref() == Some(*id)
                });
                if !labelled {
                    failures.push(format!("{} {width} px: {id} has no label", language.query));
                }
            }
        }
    }
    check(failures)
}

#[tokio::test(flavor = "multi_thread")]
async fn no_text_covers_a_mark_or_a_text_at_any_width_in_chinese() {
    with_browser(BrowserOptions::default(), |page| {
        check_widths(page, LANGUAGES[0])
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn no_text_covers_a_mark_or_a_text_at_any_width_in_english() {
    with_browser(BrowserOptions::default(), |page| {
        check_widths(page, LANGUAGES[1])
    })
    .await;
}

/// The boxes are where the page drew: a label's box lies on the canvas, and each
/// reported mark holds the point `drawnPoints()` gives for its model.
#[tokio::test(flavor = "multi_thread")]
async fn the_reported_boxes_hold_the_drawn_points() {
    with_browser(BrowserOptions::default(), |page| async move {
        page.open(LANGUAGES[1]).await?;
        let boxes = page.layout_boxes().await?;
        let points = page
            .evaluate("return document.getElementById('chart').chart.drawnPoints();")
            .await?;
        let size = page.canvas_size().await?;
        let mut failures = Vec::new();
        for point in points.as_array().into_iter().flatten() {
            let (Some(id), Some(x), Some(y)) = (
                point["id"].as_str(),
                point["x"].as_f64(),
                point["y"].as_f64(),
            ) else {
                return Err(format!("a point without id, x, y: {point}"));
            };
            let held = boxes.iter().any(|(layout_box, mark)| {
                layout_box.kind == BoxKind::Mark
                    && mark.as_deref() == Some(id)
                    && layout_box
                        .rect
                        .inflate(0.5)
                        .contains(param_scale::geometry::Point::new(x, y))
            });
            if !held && point["disclosed"] == Value::Bool(true) {
                failures.push(format!("{id} at ({x:.1}, {y:.1}) is in no mark box"));
            }
        }
        for (layout_box, id) in &boxes {
            let canvas = Rect::new(0.0, 0.0, size.css_width, size.css_height);
            if !canvas.inflate(0.5).contains_rect(&layout_box.rect) {
                failures.push(format!(
                    "{} leaves the canvas",
                    describe(&(layout_box.clone(), id.clone()))
                ));
            }
        }
        check(failures)
    })
    .await;
}

/// The log / linear switch by the y axis: `scale=linear` in the URL opens the chart
/// linear, the switch's pressed word says so, and switching writes the URL back.
#[tokio::test(flavor = "multi_thread")]
async fn the_y_scale_switch_round_trips_through_the_url() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open_with_query("lang=en&scale=linear").await?;
        let pressed = |toggle: &'static str| {
            let page = &page;
            async move {
                page.evaluate_with(
                    "const button = document.querySelector(`#chart button[data-toggle=${arguments[0]}]`);
                     return button && button.getAttribute('aria-pressed');",
                    vec![json!(toggle)],
                )
                .await
            }
        };
        let search = || page.evaluate("return location.search;");
        if pressed("scale-linear").await? != json!("true")
            || pressed("scale-log").await? != json!("false")
        {
            failures.push("scale=linear did not open the chart linear".to_owned());
        }
        let hint = page
            .evaluate("return document.getElementById('chart').chart.exportSvg();")
            .await?;
        if !hint.as_str().is_some_and(|svg| svg.contains("from zero")) {
            failures.push("no hint by the linear axis".to_owned());
        }
        for (toggle, wanted_in_url) in [("scale-log", false), ("scale-linear", true)] {
            page.client
                .find(fantoccini::Locator::Css(&format!(
                    "#chart button[data-toggle={toggle}]"
                )))
                .await
                .map_err(|error| format!("no switch {toggle}: {error}"))?
                .click()
                .await
                .map_err(|error| format!("cannot click {toggle}: {error}"))?;
            page.wait_until_drawn().await?;
            tokio::time::sleep(Duration::from_millis(200)).await;
            let url = search().await?;
            let in_url = url.as_str().is_some_and(|query| query.contains("scale=linear"));
            if in_url != wanted_in_url || pressed(toggle).await? != json!("true") {
                failures.push(format!("after {toggle}: URL {url}"));
            }
        }
        // The URL as written opens the same view.
        let url = search().await?;
        page.open_with_query(url.as_str().unwrap_or("").trim_start_matches('?'))
            .await?;
        if pressed("scale-linear").await? != json!("true") {
            failures.push(format!("{url} did not reopen linear"));
        }
        check(failures)
    })
    .await;
}

/// The key a WebDriver sends for `name`.
fn key(name: &str) -> &'static str {
    match name {
        "Enter" => "\u{E007}",
        "Escape" => "\u{E00C}",
        "ArrowUp" => "\u{E013}",
        "ArrowDown" => "\u{E015}",
        "Home" => "\u{E011}",
        "End" => "\u{E010}",
        _ => "",
    }
}

impl Page {
    /// Presses `name` on the focused element and says which control has the focus
    /// then (its first class), and whether the menu is open.
    async fn press_in_menu(&self, name: &str) -> Result<(String, bool), String> {
        self.client
            .active_element()
            .await
            .map_err(|error| format!("no focused element: {error}"))?
            .send_keys(key(name))
            .await
            .map_err(|error| format!("cannot press {name}: {error}"))?;
        tokio::time::sleep(Duration::from_millis(100)).await;
        let seen = self
            .evaluate(
                "const active = document.activeElement;
                 const menu = document.querySelector('#chart .ps-menu');
                 const name = active.getAttribute('data-download') || [...active.classList].find(c => c !== 'ps-button') || active.tagName;
                 return [name, !menu.hidden];",
            )
            .await?;
        Ok((
            seen[0].as_str().unwrap_or("").to_owned(),
            seen[1] == json!(true),
        ))
    }
}

/// The menu (⋯ More) by keyboard: Enter opens it on its first control, ↓/↑ move
/// (and wrap), Home/End go to the ends, Esc closes it with the focus back on the
/// button, and a choice that opens a panel closes it too.
#[tokio::test(flavor = "multi_thread")]
async fn the_menu_works_by_keyboard() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        page.open(LANGUAGES[1]).await?;
        let expanded = || {
            page.evaluate(
                "return document.querySelector('#chart .ps-menu-button').getAttribute('aria-expanded');",
            )
        };
        if expanded().await? != json!("false") {
            failures.push("the menu button does not start collapsed".to_owned());
        }
        page.evaluate("document.querySelector('#chart .ps-menu-button').focus();")
            .await?;
        let steps = [
            ("Enter", "ps-copy", true),
            ("ArrowDown", "ps-embed-toggle", true),
            ("ArrowDown", "ps-table-toggle", true),
            ("ArrowUp", "ps-embed-toggle", true),
            ("End", "ps-reset", true),
            ("ArrowDown", "ps-copy", true),
            ("ArrowUp", "ps-reset", true),
            ("Home", "ps-copy", true),
            ("Escape", "ps-menu-button", false),
            ("Enter", "ps-copy", true),
            ("ArrowDown", "ps-embed-toggle", true),
            ("ArrowDown", "ps-table-toggle", true),
            ("Enter", "ps-menu-button", false),
        ];
        for (name, focused, open) in steps {
            let seen = page.press_in_menu(name).await?;
            if seen != (focused.to_owned(), open) {
                failures.push(format!(
                    "after {name}: focus on {} and the menu {}, wanted {focused} and {}",
                    seen.0,
                    if seen.1 { "open" } else { "closed" },
                    if open { "open" } else { "closed" },
                ));
            }
        }
        let table = page
            .evaluate("return document.querySelector('#chart .ps-table-toggle').getAttribute('aria-pressed');")
            .await?;
        if table != json!("true") {
            failures.push(format!("choosing the data table did not open it: {table}"));
        }
        if expanded().await? != json!("false") {
            failures.push("the menu button says expanded after the menu closed".to_owned());
        }
        check(failures)
    })
    .await;
}

/// The controls take one row from 360 px up, on the page and in the embed: the
/// language, the story, the search field and the menu, with the title above them as a
/// real heading.
#[tokio::test(flavor = "multi_thread")]
async fn the_controls_fit_one_row_from_360_pixels_under_the_title() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        for width in [360, 390, 768] {
            page.client
                .set_window_size(width, 800)
                .await
                .map_err(|error| format!("cannot resize the window: {error}"))?;
            for language in LANGUAGES {
                for embed in ["", "&embed=1"] {
                    page.open_with_query(&format!("lang={}{embed}", language.query))
                        .await?;
                    let seen = page
                        .evaluate(
                            "const figure = document.getElementById('chart');
                             const heading = figure.querySelector('h1.ps-title');
                             const toolbar = figure.querySelector('.ps-toolbar');
                             const shown = [...toolbar.children].filter(child => child.getClientRects().length > 0);
                             const tops = shown.map(child => Math.round(child.getBoundingClientRect().top));
                             const right = Math.max(...shown.map(child => child.getBoundingClientRect().right));
                             return { heading: heading && heading.textContent,
                                      headingAbove: !!heading && heading.getBoundingClientRect().bottom <= toolbar.getBoundingClientRect().top + 1,
                                      tops, count: shown.length, right, width: document.documentElement.clientWidth };",
                        )
                        .await?;
                    let tops: Vec<i64> = seen["tops"]
                        .as_array()
                        .map(|tops| tops.iter().filter_map(Value::as_i64).collect())
                        .unwrap_or_default();
                    let one_row = tops.windows(2).all(|pair| (pair[0] - pair[1]).abs() <= 2);
                    let fits = seen["right"].as_f64() <= seen["width"].as_f64();
                    if seen["count"] != json!(4) || !one_row || !fits {
                        failures.push(format!("{} {width} px{embed}: controls {seen}", language.query));
                    }
                    if seen["heading"] != json!(language.title) || seen["headingAbove"] != json!(true) {
                        failures.push(format!("{} {width} px{embed}: heading {seen}", language.query));
                    }
                }
            }
        }
        check(failures)
    })
    .await;
}

/// The search field by keyboard in both languages: a typed part of a name in
/// either script lists the model; ↓ and Enter focus it with its tooltip, put it
/// in the URL (`focus=`) and widen the years when it was outside them.
#[tokio::test(flavor = "multi_thread")]
async fn the_search_finds_a_model_in_either_language_and_focuses_it() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        // (query string, typed, the model to reach, the tooltip's title).
        let cases = [
            ("lang=zh", "盘古", "pangu", "盘古NLP大模型"),
            ("lang=zh", "ernie", "ernie-3", "文心 ERNIE 3.0"),
            ("lang=en", "文心", "ernie-3", "ERNIE 3.0"),
            ("lang=en", "gpt-3", "gpt-3", "GPT-3"),
            ("lang=en&from=2018&to=2020", "kimi", "kimi-k2", "Kimi K2"),
        ];
        for (query, typed, id, title) in cases {
            page.open_with_query(query).await?;
            let input = page
                .client
                .find(fantoccini::Locator::Css("#chart .ps-search-input"))
                .await
                .map_err(|error| format!("no search field: {error}"))?;
            input
                .send_keys(typed)
                .await
                .map_err(|error| format!("cannot type {typed}: {error}"))?;
            tokio::time::sleep(Duration::from_millis(150)).await;
            let listed = page
                .evaluate(
                    "const input = document.querySelector('#chart .ps-search-input');
                     const options = [...document.querySelectorAll('#chart [role=option]')].filter(o => !o.hidden);
                     return { expanded: input.getAttribute('aria-expanded'),
                              options: options.map(o => o.textContent),
                              indices: options.map(o => o.dataset.index) };",
                )
                .await?;
            if listed["expanded"] != json!("true") {
                failures.push(format!("{query}, {typed}: the list did not open: {listed}"));
                continue;
            }
            // ↓ until the option of `id` is chosen, then Enter.
            let position = page
                .evaluate_with(
                    "const models = document.getElementById('chart').chart.drawnPoints();
                     const options = [...document.querySelectorAll('#chart [role=option]')].filter(o => !o.hidden);
                     return options.findIndex(o => o.textContent.startsWith(arguments[0]));",
                    vec![json!(title)],
                )
                .await?;
            let Some(position) = position.as_i64().filter(|at| *at >= 0) else {
                failures.push(format!("{query}, {typed}: {title} is not listed: {listed}"));
                continue;
            };
            for _ in 0..=position {
                input.send_keys(key("ArrowDown")).await.map_err(|error| error.to_string())?;
            }
            let active = page
                .evaluate("return document.querySelector('#chart .ps-search-input').getAttribute('aria-activedescendant');")
                .await?;
            if !active.as_str().is_some_and(|option| option.ends_with(&format!("-{position}"))) {
                failures.push(format!("{query}, {typed}: ↓ chose {active}"));
            }
            input.send_keys(key("Enter")).await.map_err(|error| error.to_string())?;
            page.wait_until_drawn().await?;
            tokio::time::sleep(Duration::from_millis(200)).await;
            let seen = search_outcome(&page).await?;
            let search = seen["search"].as_str().unwrap_or("");
            if seen["tip"] != json!(title)
                || !search.contains(&format!("focus={id}"))
                || seen["focused"] != json!("CANVAS")
                || seen["expanded"] != json!("false")
            {
                failures.push(format!("{query}, {typed} → {id}: {seen}"));
            }
            if query.contains("to=2020") && search.contains("to=2020") {
                failures.push(format!("{query}: the years were not widened: {search}"));
            }
        }
        check(failures)
    })
    .await;
}

/// What the page shows after a search chose a model: the tooltip's title,
/// the URL, where the focus is, and whether the list is open.
async fn search_outcome(page: &Page) -> Result<Value, String> {
    page.evaluate(
        "const tip = document.querySelector('#chart [role=tooltip]');
         return { tip: tip.hidden ? null : tip.querySelector('.ps-tooltip-title').textContent,
                  search: location.search,
                  focused: document.activeElement.tagName,
                  expanded: document.querySelector('#chart .ps-search-input').getAttribute('aria-expanded') };",
    )
    .await
}
