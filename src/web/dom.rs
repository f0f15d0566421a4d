//! Building and updating the chart's DOM: toolbar, canvases, legend
//! buttons, tooltip and live region.
//!
//! Text from the data only ever goes in through `textContent` and
//! attributes, never as HTML.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlButtonElement, HtmlCanvasElement, HtmlElement, HtmlOptionElement,
    HtmlSelectElement,
};

use crate::geometry::{Point, Rect};
use crate::i18n::{self, Lang, Phrase};
use crate::layout::LegendItem;
use crate::options::YearRange;
use crate::table::{self, Sort, SortKey, TableRow};
use crate::tooltip::{place_tooltip, TooltipContent};

/// The highlight ring's gap from the point's edge and its width, CSS px.
const RING_GAP: f64 = 4.0;
const RING_WIDTH: f64 = 2.0;

/// The tooltip's parts, filled with text on each show.
pub struct TooltipParts {
    title: Element,
    rows: Vec<(Element, Element)>,
    claim: HtmlElement,
    note: HtmlElement,
    link: Element,
    /// What the tooltip shows now, so that a new model changes only the
    /// texts that differ.
    shown: RefCell<Option<TooltipContent>>,
}

impl TooltipParts {
    fn create(document: &Document, tooltip: &HtmlElement) -> Result<TooltipParts, JsValue> {
        let title: Element = create(document, "p", "ps-tooltip-title")?;
        let list: Element = create(document, "dl", "ps-tooltip-rows")?;
        let mut rows = Vec::new();
        for _ in 0..4 {
            let term: Element = create(document, "dt", "")?;
            let definition: Element = create(document, "dd", "")?;
            list.append_child(&term)?;
            list.append_child(&definition)?;
            rows.push((term, definition));
        }
        let claim: HtmlElement = create(document, "p", "ps-tooltip-claim")?;
        let note: HtmlElement = create(document, "p", "ps-tooltip-note")?;
        let source: Element = create(document, "p", "ps-tooltip-source")?;
        let link: Element = create(document, "a", "")?;
        link.set_attribute("target", "_blank")?;
        link.set_attribute("rel", "noopener noreferrer")?;
        source.append_child(&link)?;
        for part in [&title, &list, claim.as_ref(), note.as_ref(), &source] {
            tooltip.append_child(part)?;
        }
        Ok(TooltipParts {
            title,
            rows,
            claim,
            note,
            link,
            shown: RefCell::new(None),
        })
    }
}

/// The elements a chart is made of, created once.
pub struct Elements {
    pub document: Document,
    pub container: Element,
    /// The chart's own element inside the container; holds all the others.
    pub root: HtmlElement,
    pub toolbar: Element,
    pub lang_button: HtmlButtonElement,
    pub from_label: Element,
    pub to_label: Element,
    pub from_select: HtmlSelectElement,
    pub to_select: HtmlSelectElement,
    pub reset_button: HtmlButtonElement,
    pub copy_button: HtmlButtonElement,
    pub copy_fallback: Element,
    pub table_button: HtmlButtonElement,
    pub embed_button: HtmlButtonElement,
    pub download_label: Element,
    /// PNG, SVG and CSV, each with `data-download`.
    pub download_buttons: [HtmlButtonElement; 3],
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
}

fn create<T: JsCast>(document: &Document, tag: &str, class: &str) -> Result<T, JsValue> {
    let element = document.create_element(tag)?;
    element.set_class_name(class);
    element
        .dyn_into::<T>()
        .map_err(|_| JsValue::from_str("unexpected element type"))
}

impl Elements {
    /// Creates the chart's elements inside `container`. `id` makes the ids
    /// unique when a page holds several charts.
    pub fn create(container: &Element, id: u32, years: (u16, u16)) -> Result<Elements, JsValue> {
        let document = container
            .owner_document()
            .ok_or("the container is not in a document")?;
        let toolbar: Element = create(&document, "div", "ps-toolbar")?;
        toolbar.set_attribute("role", "toolbar")?;
        let lang_button: HtmlButtonElement = create(&document, "button", "ps-button ps-lang")?;
        lang_button.set_type("button");
        let from_label: Element = create(&document, "label", "ps-range-label")?;
        let to_label: Element = create(&document, "label", "ps-range-label")?;
        let from_select: HtmlSelectElement = create(&document, "select", "ps-select ps-from")?;
        let to_select: HtmlSelectElement = create(&document, "select", "ps-select ps-to")?;
        for select in [&from_select, &to_select] {
            for year in years.0..=years.1 {
                let option: HtmlOptionElement = create(&document, "option", "")?;
                option.set_value(&year.to_string());
                option.set_text(&year.to_string());
                select.append_child(&option)?;
            }
        }
        from_select.set_id(&format!("ps-from-{id}"));
        to_select.set_id(&format!("ps-to-{id}"));
        from_label.set_attribute("for", &format!("ps-from-{id}"))?;
        to_label.set_attribute("for", &format!("ps-to-{id}"))?;
        let reset_button: HtmlButtonElement = create(&document, "button", "ps-button ps-reset")?;
        reset_button.set_type("button");
        let copy_button: HtmlButtonElement = create(&document, "button", "ps-button ps-copy")?;
        copy_button.set_type("button");
        let copy_fallback: Element = create(&document, "span", "ps-copy-fallback")?;
        copy_fallback.set_attribute("hidden", "")?;
        let table_button: HtmlButtonElement =
            create(&document, "button", "ps-button ps-table-toggle")?;
        table_button.set_type("button");
        table_button.set_attribute("aria-pressed", "false")?;
        let embed_button: HtmlButtonElement =
            create(&document, "button", "ps-button ps-embed-toggle")?;
        embed_button.set_type("button");
        embed_button.set_attribute("aria-expanded", "false")?;
        embed_button.set_attribute("aria-controls", &format!("ps-embed-{id}"))?;
        let download_group: Element = create(&document, "span", "ps-downloads")?;
        download_group.set_attribute("role", "group")?;
        let download_label: Element = create(&document, "span", "ps-downloads-label")?;
        download_label.set_id(&format!("ps-download-label-{id}"));
        download_group.set_attribute("aria-labelledby", &format!("ps-download-label-{id}"))?;
        download_group.append_child(&download_label)?;
        let mut download_buttons = Vec::new();
        for kind in ["png", "svg", "csv"] {
            let button: HtmlButtonElement = create(&document, "button", "ps-button ps-download")?;
            button.set_type("button");
            button.set_attribute("data-download", kind)?;
            button.set_text_content(Some(&kind.to_ascii_uppercase()));
            download_group.append_child(&button)?;
            download_buttons.push(button);
        }
        let download_buttons: [HtmlButtonElement; 3] = download_buttons
            .try_into()
            .map_err(|_| JsValue::from_str("three download buttons"))?;
        let embed_panel: HtmlElement = create(&document, "div", "ps-panel ps-embed-panel")?;
        embed_panel.set_id(&format!("ps-embed-{id}"));
        embed_panel.set_hidden(true);
        let table_panel: HtmlElement = create(&document, "div", "ps-panel ps-table-panel")?;
        table_panel.set_attribute("role", "region")?;
        table_panel.set_tab_index(0);
        table_panel.set_hidden(true);
        let range_group: Element = create(&document, "span", "ps-range")?;
        range_group.append_child(&from_label)?;
        range_group.append_child(&from_select)?;
        range_group.append_child(&to_label)?;
        range_group.append_child(&to_select)?;
        toolbar.append_child(&lang_button)?;
        toolbar.append_child(&range_group)?;
        toolbar.append_child(&reset_button)?;
        toolbar.append_child(&copy_button)?;
        toolbar.append_child(&table_button)?;
        toolbar.append_child(&embed_button)?;
        toolbar.append_child(&download_group)?;
        toolbar.append_child(&copy_fallback)?;

        let stage: HtmlElement = create(&document, "div", "ps-stage")?;
        let canvas: HtmlCanvasElement = create(&document, "canvas", "chart-canvas")?;
        canvas.set_attribute("role", "img")?;
        canvas.set_tab_index(0);
        canvas.set_attribute(
            "aria-keyshortcuts",
            "ArrowLeft ArrowRight ArrowUp ArrowDown Home End Enter Escape",
        )?;
        let help: Element = create(&document, "p", "ps-visually-hidden ps-help")?;
        help.set_id(&format!("ps-help-{id}"));
        canvas.set_attribute("aria-describedby", &format!("ps-help-{id}"))?;
        let overlay: HtmlCanvasElement = create(&document, "canvas", "ps-overlay")?;
        overlay.set_attribute("aria-hidden", "true")?;
        let ring: HtmlElement = create(&document, "div", "ps-ring")?;
        ring.set_attribute("aria-hidden", "true")?;
        ring.set_hidden(true);
        let legend: Element = create(&document, "div", "ps-legend")?;
        legend.set_attribute("role", "group")?;
        let tooltip: HtmlElement = create(&document, "div", "ps-tooltip")?;
        tooltip.set_attribute("role", "tooltip")?;
        tooltip.set_id(&format!("ps-tooltip-{id}"));
        tooltip.set_hidden(true);
        let tooltip_parts = TooltipParts::create(&document, &tooltip)?;
        stage.append_child(&canvas)?;
        stage.append_child(&overlay)?;
        stage.append_child(&ring)?;
        stage.append_child(&legend)?;
        stage.append_child(&tooltip)?;

        let live: Element = create(&document, "p", "ps-visually-hidden ps-live")?;
        live.set_attribute("aria-live", "polite")?;

        // The layout the chart needs, set through the CSSOM (allowed by a
        // strict Content Security Policy) so that it holds in any container,
        // with or without the page's stylesheet. Looks live in www/style.css.
        // They sit on the chart's own root element, not on the container,
        // whose style belongs to the host page.
        container.class_list().add_1("ps-chart")?;
        let root: HtmlElement = create(&document, "div", "ps-root")?;
        set_styles(
            &root,
            &[
                ("display", "flex"),
                ("flex-direction", "column"),
                ("position", "relative"),
                ("width", "100%"),
                ("height", "100%"),
            ],
        )?;
        set_styles(
            &stage,
            &[
                ("position", "relative"),
                ("flex", "1 1 auto"),
                ("min-height", "0"),
            ],
        )?;
        for canvas in [&canvas, &overlay] {
            set_styles(
                canvas,
                &[
                    ("position", "absolute"),
                    ("left", "0"),
                    ("top", "0"),
                    ("width", "100%"),
                    ("height", "100%"),
                    ("display", "block"),
                ],
            )?;
        }
        set_styles(
            &as_html(&legend)?,
            &[("position", "absolute"), ("left", "0"), ("top", "0")],
        )?;
        // Both move by `transform` alone, each on a layer of its own: hover
        // changes no layout around them and repaints nothing else.
        set_styles(
            &ring,
            &[
                ("position", "absolute"),
                ("left", "0"),
                ("top", "0"),
                ("box-sizing", "border-box"),
                ("border-radius", "50%"),
                ("pointer-events", "none"),
                ("will-change", "transform"),
            ],
        )?;
        set_styles(
            &tooltip,
            &[
                ("position", "absolute"),
                ("left", "0"),
                ("top", "0"),
                ("will-change", "transform"),
                ("contain", "layout paint"),
            ],
        )?;
        for hidden in [&help, &live] {
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

        set_styles(
            &table_panel,
            &[
                ("flex", "1 1 auto"),
                ("min-height", "0"),
                ("overflow", "auto"),
            ],
        )?;
        root.append_child(&toolbar)?;
        root.append_child(&embed_panel)?;
        root.append_child(&stage)?;
        root.append_child(&table_panel)?;
        root.append_child(&help)?;
        root.append_child(&live)?;
        container.append_child(&root)?;
        Ok(Elements {
            document,
            container: container.clone(),
            root,
            toolbar,
            lang_button,
            from_label,
            to_label,
            from_select,
            to_select,
            reset_button,
            copy_button,
            copy_fallback,
            table_button,
            embed_button,
            download_label,
            download_buttons,
            embed_panel,
            table_panel,
            stage,
            canvas,
            overlay,
            ring,
            legend,
            tooltip,
            tooltip_parts,
            help,
            live,
        })
    }

    /// Writes every control's text in `lang`.
    pub fn set_texts(&self, lang: Lang) -> Result<(), JsValue> {
        let text = |phrase| i18n::phrase(phrase, lang);
        self.toolbar
            .set_attribute("aria-label", text(Phrase::Controls))?;
        self.lang_button
            .set_text_content(Some(text(Phrase::OtherLanguage)));
        let other = match lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        self.lang_button.set_attribute("lang", other.html_tag())?;
        self.from_label.set_text_content(Some(text(Phrase::From)));
        self.to_label.set_text_content(Some(text(Phrase::To)));
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
        self.container.set_attribute("lang", lang.html_tag())?;
        Ok(())
    }

    /// Shows the range in the selects (the data's span when not zoomed).
    pub fn set_range(&self, range: Option<YearRange>, years: (u16, u16)) {
        let range = range.unwrap_or(YearRange {
            from: years.0,
            to: years.1,
        });
        self.from_select.set_value(&range.from.to_string());
        self.to_select.set_value(&range.to.to_string());
    }

    /// Puts one real `<button aria-pressed>` over each toggle of the drawn
    /// legend, so that the drawing stays the one legend and the buttons make
    /// it usable by pointer, keyboard and screen reader.
    pub fn set_legend(&self, items: &[LegendItem]) -> Result<(), JsValue> {
        self.legend.set_text_content(None);
        for (index, item) in items.iter().enumerate() {
            let Some(toggle) = item.toggle else {
                continue;
            };
            let button: HtmlButtonElement = create(&self.document, "button", "ps-legend-button")?;
            button.set_type("button");
            button.set_attribute("aria-pressed", if item.shown { "true" } else { "false" })?;
            button.set_attribute("data-toggle", toggle.code())?;
            if let crate::options::Toggle::Series(series) = toggle {
                button.set_attribute("data-series", series.code())?;
            }
            button.set_attribute("data-index", &index.to_string())?;
            let label: String = item
                .lines
                .iter()
                .map(|line| line.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            button.set_text_content(Some(&label));
            place(&button, item.rect)?;
            self.legend.append_child(&button)?;
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
            parts.link.set_text_content(Some(&format!(
                "{} · {}",
                content.source_label,
                table::host_of(&content.source_url)
            )));
        }
        *shown = Some(content.clone());
        drop(shown);
        self.tooltip
            .class_list()
            .toggle_with_force("ps-pinned", pinned)?;
        self.tooltip.set_hidden(false);
        Ok(())
    }

    pub fn hide_tooltip(&self) {
        self.tooltip.set_hidden(true);
    }

    /// Places the filled tooltip beside a point at (`x`, `y`) CSS px in the
    /// stage ([`place_tooltip`]), with one `transform`. Reading its size
    /// lays out the tooltip now instead of at the next frame: no extra
    /// work, and the frame then only composites it in place.
    pub fn position_tooltip(&self, x: f64, y: f64) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let viewport = (
            window.inner_width()?.as_f64().unwrap_or(1000.0),
            window.inner_height()?.as_f64().unwrap_or(700.0),
        );
        let size = (
            f64::from(self.tooltip.offset_width()),
            f64::from(self.tooltip.offset_height()),
        );
        let stage = self.stage.get_bounding_client_rect();
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
    pub fn render_table(
        &self,
        rows: &[TableRow],
        lang: Lang,
        sort: Sort,
        n_models: usize,
    ) -> Result<(), JsValue> {
        let document = &self.document;
        self.table_panel.set_text_content(None);
        let table: Element = create(document, "table", "ps-table")?;
        let caption: Element = create(document, "caption", "")?;
        caption.set_text_content(Some(&table::caption(n_models, lang)));
        table.append_child(&caption)?;
        let head: Element = create(document, "thead", "")?;
        let head_row: Element = create(document, "tr", "")?;
        for (index, header) in table::headers(lang).iter().enumerate() {
            let cell: Element = create(document, "th", "")?;
            cell.set_attribute("scope", "col")?;
            let key = match index {
                2 => Some(SortKey::Date),
                3 => Some(SortKey::Size),
                _ => None,
            };
            match key {
                Some(key) => {
                    let direction = if sort.key != key {
                        "none"
                    } else if sort.descending {
                        "descending"
                    } else {
                        "ascending"
                    };
                    cell.set_attribute("aria-sort", direction)?;
                    let button: HtmlButtonElement = create(document, "button", "ps-sort")?;
                    button.set_type("button");
                    button.set_attribute(
                        "data-sort",
                        if key == SortKey::Date { "date" } else { "size" },
                    )?;
                    let arrow = match direction {
                        "ascending" => " ↑",
                        "descending" => " ↓",
                        _ => "",
                    };
                    button.set_text_content(Some(&format!("{header}{arrow}")));
                    cell.append_child(&button)?;
                }
                None => cell.set_text_content(Some(header)),
            }
            head_row.append_child(&cell)?;
        }
        head.append_child(&head_row)?;
        table.append_child(&head)?;
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
        table.append_child(&body)?;
        self.table_panel.append_child(&table)?;
        Ok(())
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
        .map_err(|_| JsValue::from_str("not an HTML element"))
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
