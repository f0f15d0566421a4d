//! Standards a reader's tools check: axe-core's rules and WCAG 2.2's target size.
//!
//! [axe-core](https://github.com/dequelabs/axe-core) runs in the page on every view a reader
//! meets — the page (light and dark), the embed, the data table, the story, a pinned tooltip,
//! the open menu and the search's list — in Chinese and English, on a phone (390 px) and a
//! desktop (1280 px): every rule axe enables by default (WCAG 2.0–2.2 A and AA and its best
//! practices) and `target-size` (WCAG 2.2's 2.5.8, which axe leaves off by default). Any
//! violation fails.
//!
//! In each view the title is the one level-one heading (text, not a picture), and every
//! link in the page, shown or hidden, has an `href`. The same views are measured for target size in the browser with
//! `getBoundingClientRect`: every visible control (button, link, field, list option, anything
//! focusable) is at least 24 × 24 CSS px, or — WCAG 2.2's spacing exception — a circle of
//! 24 px across, centred on it, touches no other control and no other small control's
//! circle. Controls that hold one another (a link in a scrolling table) are not each other's
//! neighbours.
//!
//! axe comes from npm (`xtask/audit/package.json`, pinned by its lock file), which
//! `cargo xtask test` and `cargo xtask audit` install with `npm ci` into `target/audit/` and
//! name in `PARAM_SCALE_AXE`. The script is read from that file and run through WebDriver's
//! execute script, which the page's Content Security Policy does not govern (it governs the
//! page's own scripts; axe itself needs no `eval`). A first test plants a nameless button
//! and a 12 px button in the page and checks that both checks catch them, so a check that
//! stopped working (axe not loaded, a rule not run) fails rather than passes.

use serde_json::{json, Value};

use super::*;

const ENGLISH: Language = LANGUAGES[1];

/// The widths every view is checked at: a phone and a desktop.
const WIDTHS: [u32; 2] = [390, 1280];

/// The smallest target WCAG 2.2 allows (2.5.8), in CSS px.
const MIN_TARGET: f64 = 24.0;

/// What a reader does after the page has loaded, before the checks.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// Nothing.
    None,
    /// Opens the menu (⋯); axe then looks only at the menu, which lies over the chart.
    OpenMenu,
    /// Opens the data table from the menu.
    OpenTable,
    /// Types into the search field, so that its list of matches opens.
    Search,
}

/// One view of the chart: the query it opens with, what is done then, and an element
/// that must then be on screen (so that a view that failed to open fails the test).
#[derive(Debug, Clone, Copy)]
struct View {
    name: &'static str,
    query: &'static str,
    step: Step,
    shows: &'static str,
}

/// The views of the page itself.
const PAGE_VIEWS: [View; 4] = [
    View {
        name: "the page",
        query: "",
        step: Step::None,
        shows: "#chart .ps-legend-button",
    },
    View {
        name: "the page, dark",
        query: "&theme=dark",
        step: Step::None,
        shows: "#chart[data-theme=dark] .ps-legend-button",
    },
    View {
        name: "the open menu",
        query: "",
        step: Step::OpenMenu,
        shows: "#chart .ps-menu",
    },
    View {
        name: "the search's list",
        query: "",
        step: Step::Search,
        shows: "#chart .ps-search-option",
    },
];

/// The embed, and the views that show more than the chart.
const OTHER_VIEWS: [View; 5] = [
    View {
        name: "the embed",
        query: "&embed=1",
        step: Step::None,
        shows: ".embed #chart .ps-legend-button",
    },
    View {
        name: "the embed, dark, linear, active counts",
        query: "&embed=1&theme=dark&scale=linear&count=active",
        step: Step::None,
        shows: ".embed #chart[data-theme=dark] .ps-legend-button",
    },
    View {
        name: "the data table",
        query: "",
        step: Step::OpenTable,
        shows: "#chart .ps-table a[href]",
    },
    View {
        name: "the story",
        query: "&step=3",
        step: Step::None,
        shows: "#chart .ps-story-controls .ps-button",
    },
    View {
        name: "a pinned tooltip",
        query: "&focus=gpt-3",
        step: Step::None,
        shows: "#chart .ps-tooltip.ps-pinned a[href]",
    },
];

#[tokio::test(flavor = "multi_thread")]
async fn the_checks_catch_a_nameless_button_a_small_control_and_a_bare_link_planted_in_the_page() {
    with_browser(BrowserOptions::default(), |page| async move {
        page.open_with_query("lang=en").await?;
        page.evaluate(
            "const planted = document.createElement('div');
             planted.id = 'planted';
             const nameless = document.createElement('button');
             const small = document.createElement('button');
             small.textContent = 'x';
             small.classList.add('planted-small');
             planted.append(nameless, small);
             // Apart from the buttons, which would otherwise count as buttons in a line of text.
             const bare = document.createElement('a');
             bare.textContent = 'a link to nowhere';
             const paragraph = document.createElement('p');
             paragraph.append(bare);
             document.querySelector('main').append(planted, paragraph);
             // The CSSOM, not a style attribute: the page's policy forbids those.
             for (const button of [nameless, small]) {
                 button.style.setProperty('width', '12px');
                 button.style.setProperty('height', '12px');
                 button.style.setProperty('padding', '0');
             }
             return true;",
        )
        .await?;
        let violations = page.axe(None).await?;
        let small = page.small_targets().await?;
        let links = page.heading_and_links(ENGLISH).await?;
        let mut failures = Vec::new();
        if !links
            .iter()
            .any(|problem| problem.contains("a link to nowhere"))
        {
            failures.push(format!(
                "the link check did not report the bare link: {links:?}"
            ));
        }
        for rule in ["button-name", "target-size"] {
            if !violations
                .iter()
                .any(|violation| violation.starts_with(rule))
            {
                failures.push(format!(
                    "axe did not report {rule} for the planted buttons: {violations:?}"
                ));
            }
        }
        if !small.iter().any(|target| target.contains("planted-small")) {
            failures.push(format!(
                "the target measurement did not report the planted 12 px button: {small:?}"
            ));
        }
        check(failures)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn each_view_of_the_page_passes_axe_and_the_target_size_heading_and_link_checks() {
    with_browser(BrowserOptions::default(), |page| async move {
        check(audit_views(&page, &PAGE_VIEWS).await?)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_embed_table_story_and_tooltip_pass_axe_and_the_target_size_heading_and_link_checks() {
    with_browser(BrowserOptions::default(), |page| async move {
        check(audit_views(&page, &OTHER_VIEWS).await?)
    })
    .await;
}

/// Checks each view in each language at each width; returns the failures.
async fn audit_views(page: &Page, views: &[View]) -> Result<Vec<String>, String> {
    page.load_axe_source()?;
    let mut failures = Vec::new();
    for width in WIDTHS {
        page.client
            .set_window_size(width, 900)
            .await
            .map_err(|error| format!("cannot resize the window: {error}"))?;
        for language in LANGUAGES {
            for view in views {
                let at = format!("{} (lang={}, {width} px)", view.name, language.query);
                page.open_with_query(&format!("lang={}{}", language.query, view.query))
                    .await?;
                page.take(view.step)
                    .await
                    .map_err(|problem| format!("{at}: {problem}"))?;
                page.wait_until_visible(view.shows)
                    .await
                    .map_err(|problem| format!("{at}: {problem}"))?;
                let scope = matches!(view.step, Step::OpenMenu).then_some("#chart .ps-menu");
                for violation in page.axe(scope).await? {
                    failures.push(format!("{at}: axe: {violation}"));
                }
                for problem in page.heading_and_links(language).await? {
                    failures.push(format!("{at}: {problem}"));
                }
                for target in page.small_targets().await? {
                    failures.push(format!(
                        "{at}: a control under 24 × 24 px, too close to another: {target}"
                    ));
                }
            }
        }
    }
    Ok(failures)
}

impl Page {
    /// Checks that `PARAM_SCALE_AXE` names axe-core's script.
    fn load_axe_source(&self) -> Result<(), String> {
        axe_source().map(drop)
    }

    /// Does what `step` says.
    async fn take(&self, step: Step) -> Result<(), String> {
        let click = |selector: &'static str| async move {
            self.find_control(selector)
                .await?
                .click()
                .await
                .map_err(|error| format!("cannot click {selector}: {error}"))
        };
        match step {
            Step::None => Ok(()),
            Step::OpenMenu => click("#chart .ps-menu-button").await,
            Step::OpenTable => click("#chart .ps-table-toggle").await,
            Step::Search => self
                .find_control("#chart .ps-search-input")
                .await?
                .send_keys("gp")
                .await
                .map_err(|error| format!("cannot type in the search field: {error}")),
        }
    }

    /// Waits until the element `selector` finds has a box on the page.
    async fn wait_until_visible(&self, selector: &str) -> Result<(), String> {
        let started = Instant::now();
        loop {
            let visible = self
                .evaluate_with(
                    "const element = document.querySelector(arguments[0]);
                     return !!element && element.getClientRects().length > 0;",
                    vec![json!(selector)],
                )
                .await?;
            if visible == json!(true) {
                return Ok(());
            }
            if started.elapsed() > REDRAW_TIMEOUT {
                return Err(format!(
                    "{selector} was not shown within {REDRAW_TIMEOUT:?}"
                ));
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }

    /// Runs axe-core in the page (all of it, or what `scope` selects) with its default rules
    /// and `target-size`; returns each violation as `rule: what it says — where`.
    async fn axe(&self, scope: Option<&str>) -> Result<Vec<String>, String> {
        let source = axe_source()?;
        let loaded = self
            .evaluate(&format!(
                "{source}\n;return typeof window.axe === 'object' && typeof window.axe.run === 'function';"
            ))
            .await?;
        if loaded != json!(true) {
            return Err(format!("axe-core did not load in the page: {loaded}"));
        }
        let context = scope.map_or_else(
            || "document".to_owned(),
            |scope| format!("{{ include: [{}] }}", json!(scope)),
        );
        let found = self
            .evaluate_async(&format!(
                "axe.run({context}, {{ rules: {{ 'target-size': {{ enabled: true }} }} }})
                    .then(result => done(result.violations.map(violation =>
                        violation.id + ': ' + violation.help + ' — ' +
                        violation.nodes.map(node =>
                            node.target.join(' ') + ' (' + node.failureSummary.replace(/\\s+/g, ' ') + ')'
                        ).join('; '))))
                    .catch(error => done('axe failed: ' + error));"
            ))
            .await?;
        let Value::Array(violations) = found else {
            return Err(format!("axe did not run: {found}"));
        };
        Ok(violations
            .into_iter()
            .map(|violation| violation.as_str().unwrap_or_default().to_owned())
            .collect())
    }

    /// What is wrong with the page's heading and links: the title must be the one level-one
    /// heading, as text, and every link in the page, shown or hidden, must have an `href`.
    async fn heading_and_links(&self, language: Language) -> Result<Vec<String>, String> {
        let found = self
            .evaluate_with(
                "const problems = [];
                 const headings = [...document.querySelectorAll('h1')];
                 const texts = headings.map(heading => heading.textContent.trim());
                 if (headings.length !== 1 || texts[0] !== arguments[0]
                     || !headings[0].checkVisibility()) {
                     problems.push('the level-one headings are ' + JSON.stringify(texts)
                         + ', expected one on screen: ' + JSON.stringify(arguments[0]));
                 }
                 // Hidden or not: a crawler reads them all (Lighthouse's crawlable-anchors).
                 for (const link of document.querySelectorAll('a:not([href])')) {
                     problems.push('a link without href: ' + link.outerHTML.slice(0, 120));
                 }
                 return problems;",
                vec![json!(language.title)],
            )
            .await?;
        let Value::Array(found) = found else {
            return Err(format!("the heading and link check gave {found}"));
        };
        Ok(found
            .into_iter()
            .map(|problem| problem.as_str().unwrap_or_default().to_owned())
            .collect())
    }

    /// The visible controls smaller than 24 × 24 CSS px whose 24 px circle touches another
    /// control or another small control's circle, each described.
    async fn small_targets(&self) -> Result<Vec<String>, String> {
        let found = self
            .evaluate_with(SMALL_TARGETS_SCRIPT, vec![json!(MIN_TARGET)])
            .await?;
        let Value::Array(found) = found else {
            return Err(format!("the target measurement gave {found}"));
        };
        Ok(found
            .into_iter()
            .map(|target| target.as_str().unwrap_or_default().to_owned())
            .collect())
    }
}

/// Measures every visible control in the page (`arguments[0]` is the smallest size) and
/// returns the small ones that WCAG 2.2's spacing exception does not save.
const SMALL_TARGETS_SCRIPT: &str = "
    const minimum = arguments[0];
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
        + '[role=option], [role=button], [role=link], [role=tab], [tabindex]:not([tabindex=\"-1\"])';
    const targets = [...document.querySelectorAll(selector)]
        .filter(element => !element.disabled && element.checkVisibility({ visibilityProperty: true }))
        .map(element => ({ element, rect: element.getBoundingClientRect() }))
        .filter(({ rect }) => rect.width > 0 && rect.height > 0);
    const small = ({ rect }) => rect.width < minimum - 0.01 || rect.height < minimum - 0.01;
    const centre = ({ rect }) => [rect.left + rect.width / 2, rect.top + rect.height / 2];
    const distanceToRect = ([x, y], rect) => Math.hypot(
        Math.max(rect.left - x, 0, x - rect.right),
        Math.max(rect.top - y, 0, y - rect.bottom));
    const related = (a, b) => a.element.contains(b.element) || b.element.contains(a.element);
    const describe = ({ element, rect }) => {
        const name = (element.getAttribute('aria-label') || element.textContent || element.value || '')
            .trim().slice(0, 40);
        const classes = [...element.classList].join('.');
        return element.tagName.toLowerCase() + (classes ? '.' + classes : '') + ' \"' + name + '\" '
            + rect.width.toFixed(1) + ' × ' + rect.height.toFixed(1) + ' px at ('
            + rect.left.toFixed(0) + ', ' + rect.top.toFixed(0) + ')';
    };
    return targets.filter(small).flatMap(target => {
        const at = centre(target);
        const near = targets.filter(other => other !== target && !related(target, other))
            .filter(other => small(other)
                ? Math.hypot(at[0] - centre(other)[0], at[1] - centre(other)[1]) < minimum
                : distanceToRect(at, other.rect) < minimum / 2);
        return near.length === 0 ? [] : [describe(target) + ', near ' + near.map(describe).join(', ')];
    });";

/// axe-core's script, read once from the file `PARAM_SCALE_AXE` names.
fn axe_source() -> Result<&'static str, String> {
    static SOURCE: std::sync::OnceLock<Result<String, String>> = std::sync::OnceLock::new();
    SOURCE
        .get_or_init(|| {
            let path = std::env::var("PARAM_SCALE_AXE").map_err(|error| {
                format!(
                    "PARAM_SCALE_AXE ({error}): it names axe-core's axe.min.js, which \
                     `cargo xtask test` installs (npm ci into target/audit/) and passes"
                )
            })?;
            std::fs::read_to_string(&path)
                .map_err(|error| format!("cannot read axe-core from {path}: {error}"))
        })
        .as_deref()
        .map_err(Clone::clone)
}
