//! Building and updating the chart's DOM: toolbar, canvases, legend
//! buttons, tooltip and live region.
//!
//! Text from the data only ever goes in through `textContent` and
//! attributes, never as HTML.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlButtonElement, HtmlCanvasElement, HtmlElement};

use super::brush_bar::BrushBar;
use super::element::{append_all, button, create};
use super::first_paint;
use super::search_box::SearchBox;
use super::sheet;
use super::story_panel::StoryPanel;
use super::unexpected;
use crate::geometry::{Point, Rect};
use crate::i18n::{self, Lang, Phrase};
use crate::layout::LegendItem;
use crate::table::{self, Sort, SortKey, TableRow};
use crate::tooltip::{docks_as_sheet, place_tooltip, TooltipContent};

/// The highlight ring's gap from the point's edge and its width, CSS px.
const RING_GAP: f64 = 4.0;
const RING_WIDTH: f64 = 2.0;

/// The tooltip's parts, filled with text on each show.
pub struct TooltipParts {
    title: Element,
    rows: Vec<(HtmlElement, HtmlElement)>,
    claim: HtmlElement,
    note: HtmlElement,
    /// The source's paragraph, and its link, which joins it with its `href`.
    source: Element,
    link: Element,
    /// Shown while the tooltip is pinned: lets go of it (`Phrase::Close`).
    close: HtmlButtonElement,
    /// What the tooltip shows now, so that a new model changes only the
    /// texts that differ.
    shown: RefCell<Option<TooltipContent>>,
}

impl TooltipParts {
    fn create(document: &Document, tooltip: &HtmlElement) -> Result<TooltipParts, JsValue> {
        let title: Element = create(document, "p", "ps-tooltip-title")?;
        let list: Element = create(document, "dl", "ps-tooltip-rows")?;
        let mut rows = Vec::new();
        for _ in 0..crate::tooltip::MAX_ROWS {
            let term: HtmlElement = create(document, "dt", "")?;
            let definition: HtmlElement = create(document, "dd", "")?;
            list.append_child(&term)?;
            list.append_child(&definition)?;
            rows.push((term, definition));
        }
        let claim: HtmlElement = create(document, "p", "ps-tooltip-claim")?;
        let note: HtmlElement = create(document, "p", "ps-tooltip-note")?;
        let source: Element = create(document, "p", "ps-tooltip-source")?;
        // Until a model is shown there is no link in the page: an `<a>`
        // without `href` is not one, and a crawler counts it as broken.
        // `show_tooltip` gives it its `href`, `target` and `rel` and puts it
        // in its paragraph.
        let link: Element = create(document, "a", "")?;
        // First, floated to the top right corner: the title wraps around it.
        let close = button(document, "ps-tooltip-close")?;
        close.set_hidden(true);
        for part in [
            close.as_ref(),
            &title,
            &list,
            claim.as_ref(),
            note.as_ref(),
            &source,
        ] {
            tooltip.append_child(part)?;
        }
        Ok(TooltipParts {
            title,
            rows,
            claim,
            note,
            source,
            link,
            close,
            shown: RefCell::new(None),
        })
    }
}

/// The elements a chart is made of, created once.
pub struct Elements {
    pub document: Document,
    /// The chart's own element inside the host's container; holds all the
    /// others. The container itself belongs to the host page.
    pub root: HtmlElement,
    /// The chart's title as a heading: `h1` where the page has none (the
    /// chart's own page, its iframe), else `h2` (inline in an article).
    pub title: Element,
    pub toolbar: Element,
    pub lang_button: HtmlButtonElement,
    /// The one menu button (⋯ More, `aria-expanded`) and the menu it
    /// opens: copy link, embed, data table, downloads and show all.
    pub menu_button: HtmlButtonElement,
    pub menu: HtmlElement,
    pub reset_button: HtmlButtonElement,
    pub copy_button: HtmlButtonElement,
    pub copy_fallback: Element,
    pub table_button: HtmlButtonElement,
    pub embed_button: HtmlButtonElement,
    pub download_label: Element,
    /// PNG, SVG and CSV, each with `data-download`.
    pub download_buttons: [HtmlButtonElement; 3],
    /// A short note that something the reader asked for did not work; the
    /// chart stays.
    pub notice: HtmlElement,
    pub embed_panel: HtmlElement,
    pub table_panel: HtmlElement,
    pub stage: HtmlElement,
    pub canvas: HtmlCanvasElement,
    pub overlay: HtmlCanvasElement,
    /// The active model's highlight: a ring moved by a transform, so that
    /// hover repaints no canvas.
    ring: HtmlElement,
    pub legend: Element,
    pub tooltip: HtmlElement,
    tooltip_parts: TooltipParts,
    pub help: Element,
    pub live: Element,
    /// The story's button and panel.
    pub story: StoryPanel,
    /// The search field (a combobox) and its list of matches.
    pub search: SearchBox,
    /// The brush under the time axis: the range of years shown.
    pub brush: BrushBar,
}

/// The toolbar and its controls.
struct Toolbar {
    toolbar: Element,
    lang_button: HtmlButtonElement,
    menu_button: HtmlButtonElement,
    menu: HtmlElement,
    reset_button: HtmlButtonElement,
    copy_button: HtmlButtonElement,
    copy_fallback: Element,
    table_button: HtmlButtonElement,
    embed_button: HtmlButtonElement,
    download_label: Element,
    download_buttons: [HtmlButtonElement; 3],
}

impl Toolbar {
    fn create(document: &Document, id: u32) -> Result<Toolbar, JsValue> {
        let toolbar: Element = create(document, "div", "ps-toolbar")?;
        toolbar.set_attribute("role", "toolbar")?;
        let lang_button = button(document, "ps-button ps-lang")?;
        let reset_button = button(document, "ps-button ps-reset")?;
        let copy_button = button(document, "ps-button ps-copy")?;
        let copy_fallback: Element = create(document, "span", "ps-copy-fallback")?;
        copy_fallback.set_attribute("hidden", "")?;
        let table_button = button(document, "ps-button ps-table-toggle")?;
        table_button.set_attribute("aria-pressed", "false")?;
        let embed_button = button(document, "ps-button ps-embed-toggle")?;
        embed_button.set_attribute("aria-expanded", "false")?;
        embed_button.set_attribute("aria-controls", &format!("ps-embed-{id}"))?;
        let downloads = Downloads::create(document, id)?;
        let menu_button = button(document, "ps-button ps-menu-button")?;
        menu_button.set_id(&format!("ps-menu-button-{id}"));
        menu_button.set_attribute("aria-expanded", "false")?;
        menu_button.set_attribute("aria-controls", &format!("ps-menu-{id}"))?;
        let menu: HtmlElement = create(document, "div", "ps-menu")?;
        menu.set_id(&format!("ps-menu-{id}"));
        menu.set_attribute("role", "group")?;
        menu.set_attribute("aria-labelledby", &format!("ps-menu-button-{id}"))?;
        menu.set_hidden(true);
        append_all(
            &menu,
            &[
                &copy_button,
                &embed_button,
                &table_button,
                &downloads.group,
                &reset_button,
            ],
        )?;
        append_all(
            &toolbar,
            &[&lang_button, &menu_button, &copy_fallback, &menu],
        )?;
        Ok(Toolbar {
            toolbar,
            lang_button,
            menu_button,
            menu,
            reset_button,
            copy_button,
            copy_fallback,
            table_button,
            embed_button,
            download_label: downloads.label,
            download_buttons: downloads.buttons,
        })
    }
}

impl Toolbar {
    /// Puts the story's button after the language's and the search field
    /// before the menu button: one row of language, story, search, menu.
    fn join(&self, story: &StoryPanel, search: &SearchBox) -> Result<(), JsValue> {
        self.toolbar
            .insert_before(&search.group, Some(&self.menu_button))?;
        self.toolbar
            .insert_before(&story.button, self.lang_button.next_sibling().as_ref())?;
        Ok(())
    }
}

/// The labelled group of download buttons.
struct Downloads {
    group: Element,
    label: Element,
    buttons: [HtmlButtonElement; 3],
}

impl Downloads {
    fn create(document: &Document, id: u32) -> Result<Downloads, JsValue> {
        let group: Element = create(document, "span", "ps-downloads")?;
        group.set_attribute("role", "group")?;
        let label: Element = create(document, "span", "ps-downloads-label")?;
        label.set_id(&format!("ps-download-label-{id}"));
        group.set_attribute("aria-labelledby", &format!("ps-download-label-{id}"))?;
        group.append_child(&label)?;
        let mut buttons = Vec::new();
        for kind in DownloadKind::ALL {
            let button = button(document, "ps-button ps-download")?;
            button.set_attribute("data-download", kind.code())?;
            button.set_text_content(Some(&kind.code().to_ascii_uppercase()));
            group.append_child(&button)?;
            buttons.push(button);
        }
        let buttons: [HtmlButtonElement; 3] = buttons
            .try_into()
            .map_err(unexpected::<Vec<_>>("three download buttons"))?;
        Ok(Downloads {
            group,
            label,
            buttons,
        })
    }
}

/// The chart's root holding its title, and whether they are the first
/// response's, taken over in place (then the root is in `container`
/// already); else new ones.
fn root_and_title(
    container: &Element,
    document: &Document,
    lang: Lang,
) -> Result<(HtmlElement, Element, bool), JsValue> {
    if let Some(adopted) = first_paint::adopt(container, lang, "ps-root")? {
        return Ok((adopted.root, adopted.title, true));
    }
    let root: HtmlElement = create(document, "div", "ps-root")?;
    let title = title_heading(document)?;
    root.append_child(&title)?;
    Ok((root, title, false))
}

/// The chart's title as a heading: `h1` where the page has none (the
/// chart's own page, its iframe), else `h2` (inline in an article).
fn title_heading(document: &Document) -> Result<Element, JsValue> {
    let level = if document.query_selector("h1")?.is_some() {
        "h2"
    } else {
        "h1"
    };
    create(document, level, "ps-title")
}

/// What a download button offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadKind {
    Png,
    Svg,
    Csv,
}

impl DownloadKind {
    pub const ALL: [DownloadKind; 3] = [DownloadKind::Png, DownloadKind::Svg, DownloadKind::Csv];

    /// The button's `data-download` value.
    pub fn code(self) -> &'static str {
        match self {
            DownloadKind::Png => "png",
            DownloadKind::Svg => "svg",
            DownloadKind::Csv => "csv",
        }
    }

    pub fn from_code(code: &str) -> Option<DownloadKind> {
        DownloadKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
    }
}

/// The stage: the canvases, the ring, the legend buttons and the tooltip.
struct Stage {
    stage: HtmlElement,
    canvas: HtmlCanvasElement,
    overlay: HtmlCanvasElement,
    ring: HtmlElement,
    legend: Element,
    tooltip: HtmlElement,
    tooltip_parts: TooltipParts,
}

impl Stage {
    fn create(document: &Document, id: u32) -> Result<Stage, JsValue> {
        let stage: HtmlElement = create(document, "div", "ps-stage")?;
        let canvas: HtmlCanvasElement = create(document, "canvas", "chart-canvas")?;
        canvas.set_attribute("role", "img")?;
        canvas.set_tab_index(0);
        canvas.set_attribute(
            "aria-keyshortcuts",
            "ArrowLeft ArrowRight ArrowUp ArrowDown Home End Enter Escape",
        )?;
        canvas.set_attribute("aria-describedby", &format!("ps-help-{id}"))?;
        let overlay: HtmlCanvasElement = create(document, "canvas", "ps-overlay")?;
        overlay.set_attribute("aria-hidden", "true")?;
        let ring: HtmlElement = create(document, "div", "ps-ring")?;
        ring.set_attribute("aria-hidden", "true")?;
        ring.set_hidden(true);
        let legend: Element = create(document, "div", "ps-legend")?;
        legend.set_attribute("role", "group")?;
        let tooltip: HtmlElement = create(document, "div", "ps-tooltip")?;
        tooltip.set_attribute("role", "tooltip")?;
        tooltip.set_id(&format!("ps-tooltip-{id}"));
        tooltip.set_hidden(true);
        let tooltip_parts = TooltipParts::create(document, &tooltip)?;
        append_all(&stage, &[&canvas, &overlay, &ring, &legend, &tooltip])?;
        Ok(Stage {
            stage,
            canvas,
            overlay,
            ring,
            legend,
            tooltip,
            tooltip_parts,
        })
    }
}

impl Elements {
    /// Creates the chart's elements in a root element of their own and
    /// appends it to `container`; or, where the container holds the first
    /// response's chart, in that block, keeping its heading in `lang` as
    /// the title ([`first_paint::adopt`]). `id` makes the ids unique when a
    /// page holds several charts.
    pub fn create(container: &Element, id: u32, lang: Lang) -> Result<Elements, JsValue> {
        let document = container
            .owner_document()
            .ok_or("the container is not in a document")?;
        let tools = Toolbar::create(&document, id)?;
        let story = StoryPanel::create(&document, id)?;
        let search = SearchBox::create(&document, id)?;
        tools.join(&story, &search)?;
        let notice: HtmlElement = create(&document, "p", "ps-notice")?;
        notice.set_attribute("role", "status")?;
        notice.set_hidden(true);
        let embed_panel: HtmlElement = create(&document, "div", "ps-panel ps-embed-panel")?;
        embed_panel.set_id(&format!("ps-embed-{id}"));
        embed_panel.set_hidden(true);
        let table_panel: HtmlElement = create(&document, "div", "ps-panel ps-table-panel")?;
        table_panel.set_attribute("role", "region")?;
        table_panel.set_tab_index(0);
        table_panel.set_hidden(true);
        let stage = Stage::create(&document, id)?;
        // Under the time axis, over the overlay, under the tooltip.
        let brush = BrushBar::create(&document)?;
        stage
            .stage
            .insert_before(&brush.root, Some(&stage.tooltip))?;
        let help: Element = create(&document, "p", "ps-visually-hidden ps-help")?;
        help.set_id(&format!("ps-help-{id}"));
        let live: Element = create(&document, "p", "ps-visually-hidden ps-live")?;
        live.set_attribute("aria-live", "polite")?;
        let (root, title, adopted) = root_and_title(container, &document, lang)?;
        append_all(
            &root,
            &[
                &tools.toolbar,
                &notice,
                &story.panel,
                &embed_panel,
                &stage.stage,
                &table_panel,
                &help,
                &live,
            ],
        )?;
        let elements = Elements {
            document,
            root,
            title,
            toolbar: tools.toolbar,
            lang_button: tools.lang_button,
            menu_button: tools.menu_button,
            menu: tools.menu,
            reset_button: tools.reset_button,
            copy_button: tools.copy_button,
            copy_fallback: tools.copy_fallback,
            table_button: tools.table_button,
            embed_button: tools.embed_button,
            download_label: tools.download_label,
            download_buttons: tools.download_buttons,
            notice,
            embed_panel,
            table_panel,
            stage: stage.stage,
            canvas: stage.canvas,
            overlay: stage.overlay,
            ring: stage.ring,
            legend: stage.legend,
            tooltip: stage.tooltip,
            tooltip_parts: stage.tooltip_parts,
            help,
            live,
            story,
            search,
            brush,
        };
        elements.set_layout_styles()?;
        // An adopted root stays put (moved, its heading would paint anew).
        if !adopted {
            container.append_child(&elements.root)?;
        }
        Ok(elements)
    }

    /// The layout the chart needs, set through the CSSOM (allowed by a
    /// strict Content Security Policy) so that it holds in any container,
    /// with or without the page's stylesheet. Looks live in www/style.css.
    /// They sit on the chart's own root element, never on the container,
    /// whose style belongs to the host page.
    fn set_layout_styles(&self) -> Result<(), JsValue> {
        const FILL: [(&str, &str); 2] = [("width", "100%"), ("height", "100%")];
        const CORNER: [(&str, &str); 3] = [("position", "absolute"), ("left", "0"), ("top", "0")];
        set_styles(
            &self.root,
            &[
                ("display", "flex"),
                ("flex-direction", "column"),
                ("position", "relative"),
                FILL[0],
                FILL[1],
            ],
        )?;
        let grow = [("flex", "1 1 auto"), ("min-height", "0")];
        set_styles(&self.stage, &[("position", "relative"), grow[0], grow[1]])?;
        set_styles(&self.table_panel, &[grow[0], grow[1], ("overflow", "auto")])?;
        for canvas in [&self.canvas, &self.overlay] {
            set_styles(canvas, &CORNER)?;
            set_styles(canvas, &FILL)?;
            set_styles(canvas, &[("display", "block")])?;
        }
        set_styles(&as_html(&self.legend)?, &CORNER)?;
        // The menu opens over the chart, under the toolbar's right end.
        set_styles(&as_html(&self.toolbar)?, &[("position", "relative")])?;
        set_styles(
            &self.menu,
            &[
                ("position", "absolute"),
                ("right", "0"),
                ("top", "100%"),
                ("z-index", "3"),
            ],
        )?;
        // Both move by `transform` alone, each on a layer of its own: hover
        // changes no layout around them and repaints nothing else.
        for layer in [&self.ring, &self.tooltip] {
            set_styles(layer, &CORNER)?;
            set_styles(layer, &[("will-change", "transform")])?;
        }
        set_styles(
            &self.ring,
            &[
                ("box-sizing", "border-box"),
                ("border-radius", "50%"),
                ("pointer-events", "none"),
            ],
        )?;
        set_styles(&self.tooltip, &[("contain", "layout paint")])?;
        // A target of 32 × 32 px, kept in view while a long sheet scrolls.
        set_styles(
            &self.tooltip_parts.close,
            &[
                ("float", "right"),
                ("position", "sticky"),
                ("top", "0"),
                ("width", "32px"),
                ("height", "32px"),
            ],
        )?;
        for hidden in [&self.help, &self.live] {
            set_styles(
                &as_html(hidden)?,
                &[
                    ("position", "absolute"),
                    ("width", "1px"),
                    ("height", "1px"),
                    ("overflow", "hidden"),
                    ("clip", "rect(0 0 0 0)"),
                    ("white-space", "nowrap"),
                ],
            )?;
        }
        Ok(())
    }

    /// Opens or closes the menu.
    pub fn set_menu(&self, open: bool) -> Result<(), JsValue> {
        self.menu.set_hidden(!open);
        self.menu_button
            .set_attribute("aria-expanded", if open { "true" } else { "false" })
    }

    /// The menu's controls a reader can reach, in order.
    pub fn menu_items(&self) -> Vec<HtmlElement> {
        let Ok(found) = self.menu.query_selector_all("button") else {
            return Vec::new();
        };
        (0..found.length())
            .filter_map(|index| found.item(index))
            .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
            .collect()
    }

    /// Shows a short notice in `text` that something did not work.
    pub fn show_notice(&self, text: &str) {
        self.notice.set_text_content(Some(text));
        self.notice.set_hidden(false);
    }

    pub fn hide_notice(&self) {
        self.notice.set_hidden(true);
    }

    /// Writes every control's text in `lang`.
    pub fn set_texts(&self, lang: Lang) -> Result<(), JsValue> {
        let text = |phrase| i18n::phrase(phrase, lang);
        // The first response's heading already says it: its text stays the
        // same node.
        if self.title.text_content().as_deref() != Some(text(Phrase::Title)) {
            self.title.set_text_content(Some(text(Phrase::Title)));
        }
        self.toolbar
            .set_attribute("aria-label", text(Phrase::Controls))?;
        self.lang_button
            .set_text_content(Some(text(Phrase::OtherLanguage)));
        self.menu_button.set_text_content(Some(text(Phrase::More)));
        let other = match lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        self.lang_button.set_attribute("lang", other.html_tag())?;
        self.reset_button
            .set_text_content(Some(text(Phrase::ShowAll)));
        self.copy_button
            .set_text_content(Some(text(Phrase::CopyLink)));
        self.table_button
            .set_text_content(Some(text(Phrase::DataTable)));
        self.embed_button
            .set_text_content(Some(text(Phrase::Embed)));
        self.download_label
            .set_text_content(Some(text(Phrase::Download)));
        for (button, phrase) in self.download_buttons.iter().zip([
            Phrase::DownloadPng,
            Phrase::DownloadSvg,
            Phrase::DownloadCsv,
        ]) {
            button.set_attribute("aria-label", text(phrase))?;
        }
        self.table_panel
            .set_attribute("aria-label", text(Phrase::DataTable))?;
        self.legend
            .set_attribute("aria-label", text(Phrase::LegendLabel))?;
        self.help.set_text_content(Some(text(Phrase::KeyboardHelp)));
        self.tooltip_parts
            .close
            .set_attribute("aria-label", text(Phrase::Close))?;
        self.story.set_texts(lang)?;
        self.search.set_texts(lang)?;
        self.brush.set_texts(lang)?;
        Ok(())
    }

    /// Puts one real `<button aria-pressed>` over each toggle of the drawn
    /// legend, so that the drawing stays the one legend and the buttons make
    /// it usable by pointer, keyboard and screen reader.
    ///
    /// The buttons are kept from one draw to the next and changed in place:
    /// removing the one that has the focus would blur it in the middle of
    /// the chart's work, running the host page's `focusout` listeners then.
    pub fn set_legend(&self, items: &[LegendItem]) -> Result<(), JsValue> {
        let mut shown: u32 = 0;
        for (index, item) in items.iter().enumerate() {
            let Some(toggle) = item.toggle else {
                continue;
            };
            let button = nth_child(&self.document, &self.legend, "button", shown)?;
            shown += 1;
            button.set_class_name("ps-legend-button");
            button.set_attribute("type", "button")?;
            button.set_attribute("aria-pressed", if item.shown { "true" } else { "false" })?;
            button.set_attribute("data-toggle", toggle.code())?;
            match toggle {
                crate::options::Toggle::Series(series) => {
                    button.set_attribute("data-series", series.code())?;
                }
                _ => button.remove_attribute("data-series")?,
            }
            button.set_attribute("data-index", &index.to_string())?;
            let label: String = item
                .lines
                .iter()
                .map(|line| line.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            button.set_text_content(Some(&label));
            place(&as_html(&button)?, item.rect)?;
        }
        let buttons = self.legend.query_selector_all(":scope > button")?;
        for index in (shown..buttons.length()).rev() {
            if let Some(extra) = buttons.item(index) {
                self.legend.remove_child(&extra)?;
            }
        }
        Ok(())
    }

    /// Fills the tooltip with `content` (as text only) and shows it. The
    /// tooltip's elements are made once, and only the texts that differ
    /// from the last model's are written (the row labels stay), so hover
    /// allocates no DOM and relays out no more than it must.
    pub fn show_tooltip(&self, content: &TooltipContent, pinned: bool) -> Result<(), JsValue> {
        let parts = &self.tooltip_parts;
        let mut shown = parts.shown.borrow_mut();
        let before = shown.as_ref();
        // Whether a text differs from what its element shows now.
        let differs = |now: &str, then: Option<&str>| then != Some(now);
        if differs(&content.title, before.map(|then| then.title.as_str())) {
            parts.title.set_text_content(Some(&content.title));
        }
        for (row, (term, definition)) in parts.rows.iter().enumerate() {
            let (label, value) = content
                .rows
                .get(row)
                .map_or(("", ""), |(label, value)| (label.as_str(), value.as_str()));
            let then = before.and_then(|then| then.rows.get(row));
            if differs(label, then.map(|(label, _)| label.as_str())) {
                term.set_text_content(Some(label));
            }
            if differs(value, then.map(|(_, value)| value.as_str())) {
                definition.set_text_content(Some(value));
                // A row a model does not have (what a released model is) is hidden.
                term.set_hidden(value.is_empty());
                definition.set_hidden(value.is_empty());
            }
        }
        for (now, then, element) in [
            (
                &content.article_claim,
                before.map(|then| &then.article_claim),
                &parts.claim,
            ),
            (&content.note, before.map(|then| &then.note), &parts.note),
        ] {
            if then != Some(now) {
                element.set_text_content(now.as_deref());
                element.set_hidden(now.is_none());
            }
        }
        let link_then = before.map(|then| (&then.source_url, &then.source_label));
        if link_then != Some((&content.source_url, &content.source_label)) {
            parts.link.set_attribute("href", &content.source_url)?;
            parts.link.set_attribute("target", "_blank")?;
            parts.link.set_attribute("rel", "noopener noreferrer")?;
            parts.link.set_text_content(Some(&format!(
                "{} · {}",
                content.source_label,
                table::host_of(&content.source_url)
            )));
            if parts.link.parent_node().is_none() {
                parts.source.append_child(&parts.link)?;
            }
        }
        *shown = Some(content.clone());
        drop(shown);
        parts.close.set_hidden(!pinned);
        self.tooltip
            .class_list()
            .toggle_with_force("ps-pinned", pinned)?;
        self.tooltip.set_hidden(false);
        Ok(())
    }

    pub fn hide_tooltip(&self) {
        self.tooltip.set_hidden(true);
    }

    /// The pinned tooltip's close button.
    pub fn tooltip_close(&self) -> &HtmlButtonElement {
        &self.tooltip_parts.close
    }

    /// Places the filled tooltip beside a point at (`x`, `y`) CSS px in the
    /// stage ([`place_tooltip`]), with one `transform`; or, pinned on a
    /// narrow chart, docks it as a sheet clear of the point (of `radius`)
    /// and its highlight ring ([`sheet::dock`]). Reading its size lays out
    /// the tooltip now instead of at the next frame: no extra work, and the
    /// frame then only composites it in place.
    pub fn position_tooltip(
        &self,
        (x, y): (f64, f64),
        radius: f64,
        pinned: bool,
    ) -> Result<(), JsValue> {
        // The viewport without its scrollbars: a tooltip under a scrollbar
        // would widen the page, and a scrollbar that then appears would
        // scroll it.
        let window = web_sys::window().ok_or("no window")?;
        let viewport = match self.document.document_element() {
            Some(root) if root.client_width() > 0 && root.client_height() > 0 => (
                f64::from(root.client_width()),
                f64::from(root.client_height()),
            ),
            _ => (
                window.inner_width()?.as_f64().unwrap_or(1000.0),
                window.inner_height()?.as_f64().unwrap_or(700.0),
            ),
        };
        let stage = self.stage.get_bounding_client_rect();
        if docks_as_sheet(stage.width(), pinned) {
            let clearance = radius + RING_GAP + RING_WIDTH + 2.0;
            return sheet::dock(&self.tooltip, &stage, y, clearance, viewport.1);
        }
        sheet::undock(&self.tooltip)?;
        let size = (
            f64::from(self.tooltip.offset_width()),
            f64::from(self.tooltip.offset_height()),
        );
        let corner = place_tooltip(
            Point::new(x, y),
            size,
            Point::new(stage.left(), stage.top()),
            viewport,
        );
        self.tooltip.style().set_property(
            "transform",
            &format!("translate({}px, {}px)", corner.x, corner.y),
        )
    }

    /// Sizes and colours the highlight ring for points of `radius` CSS px:
    /// a ring in the text colour between rings in the background colour,
    /// visible on any point in either theme.
    pub fn style_ring(&self, radius: f64, text: &str, background: &str) -> Result<(), JsValue> {
        let size = 2.0 * (radius + RING_GAP + RING_WIDTH);
        set_styles(
            &self.ring,
            &[
                ("width", &format!("{size}px")),
                ("height", &format!("{size}px")),
                ("border", &format!("{RING_WIDTH}px solid {text}")),
                (
                    "box-shadow",
                    &format!("0 0 0 1px {background}, inset 0 0 0 1px {background}"),
                ),
            ],
        )
    }

    /// Shows the ring around a point at (`x`, `y`) CSS px, or hides it.
    pub fn move_ring(&self, at: Option<(f64, f64, f64)>) -> Result<(), JsValue> {
        match at {
            Some((x, y, radius)) => {
                let half = radius + RING_GAP + RING_WIDTH;
                self.ring.style().set_property(
                    "transform",
                    &format!("translate({:.1}px, {:.1}px)", x - half, y - half),
                )?;
                self.ring.set_hidden(false);
            }
            None => self.ring.set_hidden(true),
        }
        Ok(())
    }

    /// Shows the chart or, in its place, the data table.
    pub fn show_table(&self, open: bool) -> Result<(), JsValue> {
        self.table_button
            .set_attribute("aria-pressed", if open { "true" } else { "false" })?;
        self.stage.set_hidden(open);
        self.table_panel.set_hidden(!open);
        Ok(())
    }

    /// Fills the table panel: a real `<table>` with caption, column headers,
    /// sort buttons in the date and size headers, and sources as links.
    ///
    /// The table and its header are kept from one rendering to the next,
    /// so that the sort button that has the focus stays (removing it would
    /// blur it in the middle of the chart's work); the body is new.
    pub fn render_table(
        &self,
        rows: &[TableRow],
        lang: Lang,
        sort: Sort,
        n_models: usize,
    ) -> Result<(), JsValue> {
        let table = self.table_skeleton()?;
        let part = |selector: &str| -> Result<Element, JsValue> {
            table
                .query_selector(selector)?
                .ok_or_else(|| JsValue::from_str("the table lost a part"))
        };
        part(":scope > caption")?.set_text_content(Some(&table::caption(n_models, lang)));
        let head_row = part(":scope > thead > tr")?;
        for (index, header) in table::headers(lang).iter().enumerate() {
            let column = u32::try_from(index)
                .map_err(|error| JsValue::from_str(&format!("too many columns: {error}")))?;
            let cell = nth_child(&self.document, &head_row, "th", column)?;
            cell.set_attribute("scope", "col")?;
            match sort_key_of_column(index) {
                Some(key) => self.sort_header(&cell, header, key, sort)?,
                None => cell.set_text_content(Some(header)),
            }
        }
        let (body, old_body) = (self.table_body(rows)?, part(":scope > tbody")?);
        table.replace_child(&body, &old_body)?;
        Ok(())
    }

    /// The panel's table with a caption, a header row and a body; made on
    /// the first rendering.
    fn table_skeleton(&self) -> Result<Element, JsValue> {
        if let Some(table) = self.table_panel.query_selector(":scope > table")? {
            return Ok(table);
        }
        let document = &self.document;
        let table: Element = create(document, "table", "ps-table")?;
        let head: Element = create(document, "thead", "")?;
        let (row, caption, body): (Element, Element, Element) = (
            create(document, "tr", "")?,
            create(document, "caption", "")?,
            create(document, "tbody", "")?,
        );
        head.append_child(&row)?;
        append_all(&table, &[&caption, &head, &body])?;
        self.table_panel.append_child(&table)?;
        Ok(table)
    }

    /// A sortable column's header: its `aria-sort` and a button that says
    /// the direction.
    fn sort_header(
        &self,
        cell: &Element,
        header: &str,
        key: SortKey,
        sort: Sort,
    ) -> Result<(), JsValue> {
        let (direction, arrow) = if sort.key != key {
            ("none", "")
        } else if sort.descending {
            ("descending", " ↓")
        } else {
            ("ascending", " ↑")
        };
        cell.set_attribute("aria-sort", direction)?;
        let button = match cell.query_selector(":scope > button")? {
            Some(button) => button,
            None => {
                let button = button(&self.document, "ps-sort")?;
                button.set_attribute("data-sort", key.code())?;
                cell.append_child(&button)?;
                button.into()
            }
        };
        button.set_text_content(Some(&format!("{header}{arrow}")));
        Ok(())
    }

    /// The table's body: a row per model, the source as a link.
    fn table_body(&self, rows: &[TableRow]) -> Result<Element, JsValue> {
        let document = &self.document;
        let body: Element = create(document, "tbody", "")?;
        for row in rows {
            let line: Element = create(document, "tr", "")?;
            line.set_attribute("data-id", &row.id)?;
            for (index, text) in row.cells.iter().enumerate() {
                let cell: Element = create(document, if index == 0 { "th" } else { "td" }, "")?;
                if index == 0 {
                    cell.set_attribute("scope", "row")?;
                }
                cell.set_text_content(Some(text));
                line.append_child(&cell)?;
            }
            let source: Element = create(document, "td", "")?;
            let link: Element = create(document, "a", "")?;
            link.set_attribute("href", &row.source_url)?;
            link.set_attribute("target", "_blank")?;
            link.set_attribute("rel", "noopener noreferrer")?;
            link.set_text_content(Some(table::host_of(&row.source_url)));
            source.append_child(&link)?;
            line.append_child(&source)?;
            body.append_child(&line)?;
        }
        Ok(body)
    }

    /// Shows or hides the embed panel with the two snippets.
    pub fn show_embed(&self, snippets: Option<[(String, String); 2]>) -> Result<(), JsValue> {
        let document = &self.document;
        self.embed_panel.set_text_content(None);
        self.embed_button.set_attribute(
            "aria-expanded",
            if snippets.is_some() { "true" } else { "false" },
        )?;
        let Some(snippets) = snippets else {
            self.embed_panel.set_hidden(true);
            return Ok(());
        };
        for (index, (label_text, code)) in snippets.iter().enumerate() {
            let id = format!("{}-{index}", self.embed_panel.id());
            let label: Element = create(document, "label", "ps-snippet-label")?;
            label.set_attribute("for", &id)?;
            label.set_text_content(Some(label_text));
            let area: web_sys::HtmlTextAreaElement = create(document, "textarea", "ps-snippet")?;
            area.set_id(&id);
            area.set_read_only(true);
            area.set_rows(3);
            area.set_value(code);
            self.embed_panel.append_child(&label)?;
            self.embed_panel.append_child(&area)?;
        }
        self.embed_panel.set_hidden(false);
        Ok(())
    }

    pub fn announce(&self, text: &str) {
        self.live.set_text_content(Some(text));
    }
}

/// The sort key of the table's column `index`, if it sorts.
fn sort_key_of_column(index: usize) -> Option<SortKey> {
    match index {
        2 => Some(SortKey::Date),
        3 => Some(SortKey::Size),
        _ => None,
    }
}

/// The `index`th `tag` child of `parent`, made and appended if there are
/// fewer: elements kept from one rendering to the next.
fn nth_child(
    document: &Document,
    parent: &Element,
    tag: &str,
    index: u32,
) -> Result<Element, JsValue> {
    if let Some(existing) = parent
        .query_selector_all(&format!(":scope > {tag}"))?
        .item(index)
    {
        return existing
            .dyn_into::<Element>()
            .map_err(unexpected("an element"));
    }
    let element = document.create_element(tag)?;
    parent.append_child(&element)?;
    Ok(element)
}

fn set_styles(element: &HtmlElement, styles: &[(&str, &str)]) -> Result<(), JsValue> {
    let style = element.style();
    for (property, value) in styles {
        style.set_property(property, value)?;
    }
    Ok(())
}

fn as_html(element: &Element) -> Result<HtmlElement, JsValue> {
    element
        .clone()
        .dyn_into::<HtmlElement>()
        .map_err(unexpected("an HTML element"))
}

/// Positions an element absolutely over a rectangle of the stage.
fn place(element: &HtmlElement, rect: Rect) -> Result<(), JsValue> {
    let style = element.style();
    style.set_property("position", "absolute")?;
    style.set_property("left", &format!("{:.1}px", rect.left))?;
    style.set_property("top", &format!("{:.1}px", rect.top))?;
    style.set_property("width", &format!("{:.1}px", rect.width()))?;
    style.set_property("height", &format!("{:.1}px", rect.height()))?;
    Ok(())
}
