//! The brush under the time axis, as a reader uses it: keys on a focused
//! thumb, a mouse dragging a thumb and the span, a click and a finger on the
//! track; and the brush following the range chosen elsewhere (a drag across
//! the plot, a story step, Show all). Each time the URL's `from`/`to`, the
//! thumbs and the models the chart drew must agree.

use fantoccini::actions::{
    InputSource, MouseActions, PointerAction, TouchActions, MOUSE_BUTTON_LEFT,
};
use fantoccini::Locator;
use param_scale::dataset::year_span;
use param_scale::embedded::models;
use param_scale::layout::View;
use param_scale::options::YearRange;
use serde_json::{json, Value};

use super::{check, with_browser, BrowserOptions, Page, POLL_INTERVAL};

/// WebDriver's codes of the keys the brush takes.
const RIGHT: &str = "\u{E014}";
const LEFT: &str = "\u{E012}";
const UP: &str = "\u{E013}";
const DOWN: &str = "\u{E015}";
const PAGE_UP: &str = "\u{E00E}";
const PAGE_DOWN: &str = "\u{E00F}";
const HOME: &str = "\u{E011}";
const END: &str = "\u{E010}";

/// The page's brush as the reader meets it: each thumb's ARIA values, name
/// and box (viewport px), the track's box, the years' texts, the URL and
/// the models drawn.
const BRUSH_STATE: &str = "
    const figure = document.getElementById('chart');
    const brush = figure.querySelector('.ps-brush');
    const box = element => { const r = element.getBoundingClientRect(); return { x: r.left, y: r.top, width: r.width, height: r.height }; };
    const thumbs = [...brush.querySelectorAll('[role=slider]')].map(thumb => ({
        thumb: thumb.dataset.thumb,
        now: thumb.getAttribute('aria-valuenow'),
        min: thumb.getAttribute('aria-valuemin'),
        max: thumb.getAttribute('aria-valuemax'),
        text: thumb.getAttribute('aria-valuetext'),
        name: thumb.getAttribute('aria-label'),
        touchAction: getComputedStyle(thumb).touchAction,
        box: box(thumb),
    }));
    const years = [...brush.querySelectorAll('.ps-brush-year')].map(year => ({ text: year.textContent, box: box(year) }));
    return {
        search: location.search,
        hidden: brush.hidden,
        group: brush.getAttribute('aria-label'),
        track: box(brush),
        thumbs,
        years,
        spanTouchAction: getComputedStyle(brush.querySelector('.ps-brush-span')).touchAction,
        chartTouchAction: getComputedStyle(figure.querySelector('.ps-root')).touchAction,
        focused: document.activeElement && document.activeElement.dataset.thumb || null,
        ids: figure.chart.drawnPoints().filter(p => !p.claim).map(p => p.id),
        ticks: figure.chart.layoutBoxes().filter(b => b.kind === 'text').map(b => b.y + b.height),
        stage: box(figure.querySelector('.ps-stage')),
    };";

/// The data's first and last year.
fn data_years() -> Result<(u16, u16), String> {
    year_span(models()).ok_or_else(|| "no models".to_owned())
}

/// The ids of the models the default view shows over `from`–`to`, sorted.
fn models_in(from: u16, to: u16) -> Vec<String> {
    let view = View {
        range: Some(YearRange { from, to }),
        ..View::default()
    };
    let mut ids: Vec<String> = models()
        .iter()
        .filter(|model| view.shows(model))
        .map(|model| model.id.to_string())
        .collect();
    ids.sort();
    ids
}

impl Page {
    async fn brush_state(&self) -> Result<Value, String> {
        self.evaluate(BRUSH_STATE).await
    }

    /// Waits until the thumbs show `from`–`to` and the chart is drawn.
    async fn brush_becomes(&self, from: u16, to: u16) -> Result<Value, String> {
        let mut state = Value::Null;
        for _ in 0..40 {
            self.wait_until_drawn().await?;
            state = self.brush_state().await?;
            if thumb_years(&state) == Some((from, to)) {
                break;
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
        Ok(state)
    }

    async fn thumb(&self, thumb: &str) -> Result<fantoccini::elements::Element, String> {
        self.client
            .find(Locator::Css(&format!(
                "#chart .ps-brush [role=slider][data-thumb={thumb}]"
            )))
            .await
            .map_err(|error| format!("no {thumb} thumb: {error}"))
    }

    /// A drag of `source` from `from` to `to` (viewport px) in three moves.
    async fn drag_with(
        &self,
        source: impl InputSource<Action = PointerAction>,
        from: (f64, f64),
        to: (f64, f64),
    ) -> Result<(), String> {
        let mut source = source
            .then(PointerAction::MoveTo {
                duration: None,
                x: from.0,
                y: from.1,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            });
        for step in 1..=3 {
            let share = f64::from(step) / 3.0;
            source = source.then(PointerAction::MoveTo {
                duration: Some(std::time::Duration::from_millis(120)),
                x: from.0 + (to.0 - from.0) * share,
                y: from.1 + (to.1 - from.1) * share,
            });
        }
        let source = source.then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
        self.client
            .perform_actions(source)
            .await
            .map_err(|error| format!("cannot drag: {error}"))
    }
}

/// The years the two thumbs show.
fn thumb_years(state: &Value) -> Option<(u16, u16)> {
    let year = |index: usize| state["thumbs"][index]["now"].as_str()?.parse::<u16>().ok();
    Some((year(0)?, year(1)?))
}

/// The centre of a box (viewport px).
fn centre(found: &Value) -> (f64, f64) {
    let number = |key: &str| found[key].as_f64().unwrap_or(f64::NAN);
    (
        number("x") + number("width") / 2.0,
        number("y") + number("height") / 2.0,
    )
}

/// What is wrong with the page when the brush should show `from`–`to`:
/// the thumbs, their texts, the URL and the models drawn must all agree.
fn disagreements(
    state: &Value,
    (from, to): (u16, u16),
    data: (u16, u16),
    step: &str,
) -> Vec<String> {
    let mut failures = Vec::new();
    if thumb_years(state) != Some((from, to)) {
        failures.push(format!(
            "{step}: the thumbs show {:?}, not {from}–{to}",
            thumb_years(state)
        ));
    }
    let texts: Vec<&str> = state["years"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|year| year["text"].as_str())
        .collect();
    if texts != [from.to_string(), to.to_string()] {
        failures.push(format!("{step}: the years by the thumbs say {texts:?}"));
    }
    for (index, (low, high)) in [(data.0, to), (from, data.1)].into_iter().enumerate() {
        let thumb = &state["thumbs"][index];
        if thumb["min"] != json!(low.to_string())
            || thumb["max"] != json!(high.to_string())
            || thumb["text"] != thumb["now"]
        {
            failures.push(format!(
                "{step}: thumb {index} has min/max/text {} {} {}",
                thumb["min"], thumb["max"], thumb["text"]
            ));
        }
    }
    let search = state["search"].as_str().unwrap_or_default();
    let whole = (from, to) == data;
    let url_ok = if whole {
        !search.contains("from=") && !search.contains("to=")
    } else {
        search.contains(&format!("from={from}&to={to}"))
    };
    if !url_ok {
        failures.push(format!("{step}: the URL says {search} for {from}–{to}"));
    }
    let mut drawn: Vec<String> = state["ids"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|id| id.as_str().map(str::to_owned))
        .collect();
    drawn.sort();
    drawn.dedup();
    let expected = models_in(from, to);
    if drawn != expected {
        failures.push(format!(
            "{step}: the chart drew {} models, the range {from}–{to} has {}",
            drawn.len(),
            expected.len()
        ));
    }
    failures
}

/// What is wrong with the brush's names, size and touch handling in `lang`.
fn naming_failures(state: &Value, lang: &str, names: [&str; 3]) -> Vec<String> {
    let mut failures = Vec::new();
    let shown = [
        state["group"].clone(),
        state["thumbs"][0]["name"].clone(),
        state["thumbs"][1]["name"].clone(),
    ];
    if state["hidden"] != json!(false) || shown != names.map(|name| json!(name)) {
        failures.push(format!(
            "{lang}: the brush is hidden or misnamed: {} {shown:?}",
            state["hidden"]
        ));
    }
    for thumb in state["thumbs"].as_array().into_iter().flatten() {
        let size = (
            thumb["box"]["width"].as_f64().unwrap_or(0.0),
            thumb["box"]["height"].as_f64().unwrap_or(0.0),
        );
        if size.0 < 24.0 || size.1 < 24.0 {
            failures.push(format!("{lang}: a thumb is only {size:?} CSS px"));
        }
        if thumb["touchAction"] != json!("none") {
            failures.push(format!(
                "{lang}: a thumb's touch-action is {}",
                thumb["touchAction"]
            ));
        }
    }
    // A finger drags the thumbs and the span; elsewhere it scrolls the page.
    if state["spanTouchAction"] != json!("none") || state["chartTouchAction"] == json!("none") {
        failures.push(format!(
            "{lang}: touch-action is {} on the span, {} on the chart",
            state["spanTouchAction"], state["chartTouchAction"]
        ));
    }
    failures
}

#[tokio::test(flavor = "multi_thread")]
async fn the_brushs_thumbs_are_named_sliders_that_keys_move_and_the_chart_and_url_follow() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        let data = data_years()?;
        let (first, last) = data;
        if !(8..=13).contains(&(last - first)) {
            return Err(format!(
                "these steps are for nine to fourteen years of data, not {first}–{last}"
            ));
        }
        for (lang, names) in [
            ("zh", ["显示的年份", "起始年份", "结束年份"]),
            ("en", ["Years shown", "From year", "To year"]),
        ] {
            page.open_with_query(&format!("lang={lang}")).await?;
            let state = page.brush_state().await?;
            failures.extend(naming_failures(&state, lang, names));
            failures.extend(disagreements(
                &state,
                data,
                data,
                &format!("{lang} at first"),
            ));
        }
        // (thumb, key, years after): a year, five years, never crossing, the ends.
        let steps = [
            ("from", RIGHT, (first + 1, last)),
            ("to", PAGE_DOWN, (first + 1, last - 5)),
            ("from", UP, (first + 2, last - 5)),
            ("to", DOWN, (first + 2, last - 6)),
            ("from", PAGE_UP, (last - 6, last - 6)),
            ("from", END, (last - 6, last - 6)),
            ("to", LEFT, (last - 6, last - 6)),
            ("from", HOME, (first, last - 6)),
            ("to", END, (first, last)),
            ("to", PAGE_UP, (first, last)),
        ];
        for (thumb, key, expected) in steps {
            page.thumb(thumb)
                .await?
                .send_keys(key)
                .await
                .map_err(|error| format!("cannot type on the {thumb} thumb: {error}"))?;
            let state = page.brush_becomes(expected.0, expected.1).await?;
            let step = format!("{thumb} {key:?}");
            failures.extend(disagreements(&state, expected, data, &step));
            if state["focused"] != json!(thumb) {
                failures.push(format!(
                    "{step}: the focus left the thumb for {}",
                    state["focused"]
                ));
            }
        }
        check(failures)
    })
    .await;
}

impl Page {
    /// Scrolls the brush into view and reads it, with the width of a year
    /// on its track and the middle of its thumbs' row (viewport px).
    async fn brush_in_view(&self) -> Result<(Value, f64, f64), String> {
        self.evaluate(
            "document.querySelector('#chart .ps-brush').scrollIntoView({ block: 'center' });",
        )
        .await?;
        let state = self.brush_state().await?;
        let (first, last) = data_years()?;
        let year_width =
            state["track"]["width"].as_f64().unwrap_or(0.0) / f64::from(last + 1 - first);
        let row_y = centre(&state["thumbs"][0]["box"]).1;
        Ok((state, year_width, row_y))
    }

    /// A press and release of `source` at (`x`, `y`), viewport px: a click,
    /// or with a finger a tap (`interaction::tap`).
    pub(super) async fn press_at(
        &self,
        source: impl InputSource<Action = PointerAction>,
        x: f64,
        y: f64,
    ) -> Result<(), String> {
        let source = source
            .then(PointerAction::MoveTo {
                duration: None,
                x,
                y,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client
            .perform_actions(source)
            .await
            .map_err(|error| format!("cannot press at {x}, {y}: {error}"))
    }
}

/// The middle of the span between the thumbs (viewport px).
fn span_middle(state: &Value) -> (f64, f64) {
    let (from, to) = (
        centre(&state["thumbs"][0]["box"]),
        centre(&state["thumbs"][1]["box"]),
    );
    ((from.0 + to.0) / 2.0, from.1)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mouse_drags_a_thumb_and_the_span_and_a_click_on_the_track_brings_the_nearer_thumb() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        let data = data_years()?;
        let (first, last) = data;
        page.open_with_query("lang=en").await?;
        let (state, year_width, row_y) = page.brush_in_view().await?;
        let mouse = || MouseActions::new("mouse".into());
        // The to thumb two years to the left.
        let to = centre(&state["thumbs"][1]["box"]);
        page.drag_with(mouse(), to, (to.0 - 2.1 * year_width, row_y))
            .await?;
        let state = page.brush_becomes(first, last - 2).await?;
        failures.extend(disagreements(
            &state,
            (first, last - 2),
            data,
            "to thumb dragged two years left",
        ));
        // The span one year to the right, then three to the left: it keeps
        // its width and stops at the data's start.
        let grab = span_middle(&state);
        page.drag_with(mouse(), grab, (grab.0 + 1.1 * year_width, row_y))
            .await?;
        let state = page.brush_becomes(first + 1, last - 1).await?;
        failures.extend(disagreements(
            &state,
            (first + 1, last - 1),
            data,
            "span dragged a year right",
        ));
        let grab = span_middle(&state);
        page.drag_with(mouse(), grab, (grab.0 - 3.0 * year_width, row_y))
            .await?;
        let state = page.brush_becomes(first, last - 2).await?;
        failures.extend(disagreements(
            &state,
            (first, last - 2),
            data,
            "span dragged to the start",
        ));
        // A click on the track past the to thumb brings it there.
        let track = &state["track"];
        let end = track["x"].as_f64().unwrap_or(0.0) + track["width"].as_f64().unwrap_or(0.0);
        page.press_at(mouse(), end - 0.3 * year_width, row_y)
            .await?;
        let state = page.brush_becomes(first, last).await?;
        failures.extend(disagreements(
            &state,
            data,
            data,
            "click at the track's end",
        ));
        let console = page.console_messages().await?;
        if !console.is_empty() {
            failures.push(format!("the console is not quiet: {console:?}"));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_finger_drags_a_thumb_and_a_tap_on_the_track_brings_the_nearer_thumb() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        let data = data_years()?;
        let (first, last) = data;
        page.open_with_query("lang=zh").await?;
        let (state, year_width, row_y) = page.brush_in_view().await?;
        let finger = || TouchActions::new("finger".into());
        let from = centre(&state["thumbs"][0]["box"]);
        page.drag_with(finger(), from, (from.0 + 3.0 * year_width, row_y))
            .await?;
        let state = page.brush_becomes(first + 3, last).await?;
        failures.extend(disagreements(
            &state,
            (first + 3, last),
            data,
            "finger dragged the from thumb",
        ));
        let start = state["track"]["x"].as_f64().unwrap_or(0.0) + 1.2 * year_width;
        page.press_at(finger(), start, row_y).await?;
        let state = page.brush_becomes(first + 1, last).await?;
        failures.extend(disagreements(
            &state,
            (first + 1, last),
            data,
            "tap near the track's start",
        ));
        check(failures)
    })
    .await;
}

/// What is wrong with where the brush sits: every drawn text of the plot
/// above it ends above its top, none within its row, and its years' texts
/// lie apart.
fn placement_failures(state: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let top =
        state["track"]["y"].as_f64().unwrap_or(0.0) - state["stage"]["y"].as_f64().unwrap_or(0.0);
    let height = state["track"]["height"].as_f64().unwrap_or(0.0);
    let bottoms: Vec<f64> = state["ticks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();
    let above = bottoms
        .iter()
        .filter(|bottom| **bottom <= top + 0.5)
        .count();
    let within = bottoms
        .iter()
        .filter(|bottom| **bottom > top + 0.5 && **bottom < top + height)
        .count();
    if above == 0 || within > 0 {
        failures.push(format!(
            "{within} drawn texts end within the brush's row (top {top})"
        ));
    }
    let years = &state["years"];
    let first_right = years[0]["box"]["x"].as_f64().unwrap_or(0.0)
        + years[0]["box"]["width"].as_f64().unwrap_or(0.0);
    if first_right > years[1]["box"]["x"].as_f64().unwrap_or(0.0) {
        failures.push(format!("the years' texts overlap: {years}"));
    }
    failures
}

#[tokio::test(flavor = "multi_thread")]
async fn the_brush_follows_a_zoom_across_the_plot_a_story_step_a_search_and_show_all() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        let data = data_years()?;
        page.open_with_query("lang=en").await?;
        // A drag across the plot from the Transformer (2017) to GPT-2 (2019).
        let (start_x, _) = page.point_of("transformer").await?;
        let (end_x, _) = page.point_of("gpt-2").await?;
        let (_, middle_y) = page.point_of("gpt-3").await?;
        page.drag_with(
            MouseActions::new("mouse".into()),
            (start_x, middle_y),
            (end_x, middle_y),
        )
        .await?;
        let state = page.brush_becomes(2017, 2019).await?;
        failures.extend(disagreements(
            &state,
            (2017, 2019),
            data,
            "after a drag across the plot",
        ));
        failures.extend(placement_failures(&state));
        // A story step's years.
        let steps = page
            .evaluate("return document.getElementById('chart').chart.story();")
            .await?;
        let years = |key: &str| u16::try_from(steps[0][key].as_u64().unwrap_or(0)).unwrap_or(0);
        let (from, to) = (years("from"), years("to"));
        page.evaluate("document.getElementById('chart').chart.step(1);")
            .await?;
        let state = page.brush_becomes(from, to).await?;
        if thumb_years(&state) != Some((from, to)) {
            failures.push(format!(
                "story step 1 ({from}–{to}): the thumbs show {:?}",
                thumb_years(&state)
            ));
        }
        // A search for a model outside the range widens it to its year.
        page.open_with_query("lang=en&from=2021&to=2022").await?;
        let input = page.client.find(Locator::Css("#chart .ps-search-input")).await.map_err(|error| error.to_string())?;
        input.send_keys("GPT-3").await.map_err(|error| error.to_string())?;
        page.evaluate_async(
            "setTimeout(() => {
                 const option = [...document.querySelectorAll('#chart [role=option]')].find(o => !o.hidden && o.textContent.startsWith('GPT-3 ·'));
                 if (option) option.click();
                 done(Boolean(option));
             }, 150);",
        )
        .await?;
        let state = page.brush_becomes(2020, 2022).await?;
        failures.extend(disagreements(&state, (2020, 2022), data, "a search for GPT-3 from 2021–2022"));
        // Show all, from the menu, after opening on a range.
        page.open_with_query("lang=en&from=2019&to=2021").await?;
        let state = page.brush_becomes(2019, 2021).await?;
        failures.extend(disagreements(
            &state,
            (2019, 2021),
            data,
            "opened with from=2019&to=2021",
        ));
        page.find_control("#chart .ps-reset")
            .await?
            .click()
            .await
            .map_err(|error| error.to_string())?;
        let state = page.brush_becomes(data.0, data.1).await?;
        failures.extend(disagreements(&state, data, data, "after Show all"));
        check(failures)
    })
    .await;
}

/// Thirty pointer moves of the to thumb in one task (more than a frame
/// could draw), then two frames, then the release: the draws (each sets
/// the chart canvas's `width`) and the URL at each point.
const MOVES_IN_ONE_TASK: &str = "
    const figure = document.getElementById('chart');
    const canvas = figure.querySelector('canvas.chart-canvas');
    const brush = figure.querySelector('.ps-brush');
    const thumb = brush.querySelector('[role=slider][data-thumb=to]');
    let draws = 0;
    new MutationObserver(records => { draws += records.filter(r => r.attributeName === 'width').length; })
        .observe(canvas, { attributes: true });
    const box = thumb.getBoundingClientRect();
    const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
    const year = brush.getBoundingClientRect().width / arguments[0];
    const send = (type, clientX, target) => target.dispatchEvent(new PointerEvent(type, {
        bubbles: true, clientX, clientY: y, pointerId: 1, pointerType: 'mouse', isPrimary: true,
        button: 0, buttons: type === 'pointerup' ? 0 : 1 }));
    const seen = () => ({ draws, now: thumb.getAttribute('aria-valuenow'), search: location.search });
    const frames = then => requestAnimationFrame(() => requestAnimationFrame(then));
    send('pointerdown', x, thumb);
    for (let move = 1; move <= 30; move++) send('pointermove', x - move * year * 0.1, brush);
    const moved = seen();
    frames(() => {
        const framed = seen();
        send('pointerup', x - 3 * year, brush);
        frames(() => done({ moved, framed, released: seen(), notice: !figure.querySelector('.ps-notice').hidden }));
    });";

#[tokio::test(flavor = "multi_thread")]
async fn a_drag_draws_at_most_once_a_frame_and_writes_the_url_when_let_go() {
    with_browser(BrowserOptions::default(), |page| async move {
        let mut failures = Vec::new();
        let (first, last) = data_years()?;
        page.open_with_query("lang=en").await?;
        let script = MOVES_IN_ONE_TASK.replace("arguments[0]", &(last + 1 - first).to_string());
        let seen = page.evaluate_async(&script).await?;
        let to = json!((last - 3).to_string());
        let number = |part: &str| seen[part]["draws"].as_u64().unwrap_or(u64::MAX);
        // The thumb follows every move at once; the chart waits for a frame.
        if seen["moved"]["now"] != to || number("moved") != 0 {
            failures.push(format!("after thirty moves in one task: {}", seen["moved"]));
        }
        if number("framed") != 1
            || seen["framed"]["search"]
                .as_str()
                .unwrap_or("?")
                .contains("to=")
        {
            failures.push(format!(
                "the next frames drew {} times, URL {}",
                number("framed"),
                seen["framed"]["search"]
            ));
        }
        // Letting go writes the URL; the range was drawn already.
        let search = seen["released"]["search"].as_str().unwrap_or_default();
        if number("released") != 1 || !search.contains(&format!("from={first}&to={}", last - 3)) {
            failures.push(format!("after the release: {}", seen["released"]));
        }
        if seen["notice"] != json!(false) {
            failures.push("a notice came up".into());
        }
        check(failures)
    })
    .await;
}
