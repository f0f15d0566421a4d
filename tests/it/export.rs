use param_scale::dataset::parse_models;
use param_scale::embedded::models;
use param_scale::export::{
    frame_height, frame_height_css, iframe_snippet, models_csv, script_snippet, static_chart_url,
    story_room_css, FRAME_HEIGHT_RANGE, STORY_ROOM_RANGE,
};
use param_scale::i18n::Lang;
use param_scale::options::ChartOptions;
use param_scale::table::{rows, to_html, Sort, SortKey};

#[test]
fn the_csv_download_reads_back_as_the_same_models() {
    let all: Vec<_> = models().iter().collect();
    let read_back =
        parse_models("download.csv", &models_csv(&all)).expect("the download parses as data");
    assert_eq!(read_back.len(), all.len());
    for (original, copy) in all.iter().zip(&read_back) {
        assert_eq!(*original, copy);
    }
}

#[test]
fn csv_fields_are_quoted_and_formulas_defused() {
    let text = "id,name,name_zh,organization,organization_zh,country,date,params,architecture,modality,source_url,article_claim,note\n\
        x,\"=HYPERLINK(\"\"a\"\")\",x,\"A, B\",x,US,2020-01-01,5,dense,text,https://a.org,,\"say \"\"hi\"\"\"";
    let parsed = parse_models("f.csv", text).expect("valid");
    let csv = models_csv(&parsed.iter().collect::<Vec<_>>());
    let line = csv.lines().nth(1).expect("a row");
    assert!(line.contains("\"'=HYPERLINK(\"\"a\"\")\""), "{line}");
    assert!(line.contains("\"A, B\""), "{line}");
    assert!(line.contains("\"say \"\"hi\"\"\""), "{line}");
}

#[test]
fn a_leading_sign_is_kept_on_numbers_and_defused_on_anything_else() {
    // (a note, how the CSV export writes it).
    let cases = [
        ("-5", "-5"),
        ("+1.5e3", "+1.5e3"),
        ("-.5", "-.5"),
        ("-5.", "-5."),
        ("-2E-7", "-2E-7"),
        ("-", "'-"),
        ("-.", "'-."),
        ("-1e", "'-1e"),
        ("-1e+", "'-1e+"),
        ("-inf", "'-inf"),
        ("-2+3", "'-2+3"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("=1", "'=1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("5-2", "5-2"),
    ];
    for (note, written) in cases {
        let text = format!(
            "id,name,name_zh,organization,organization_zh,country,date,params,architecture,modality,source_url,article_claim,note\n\
             x,X,x,A,x,US,2020-01-01,5,dense,text,https://a.org,,{note}"
        );
        let parsed = parse_models("f.csv", &text).expect("valid");
        let csv = models_csv(&parsed.iter().collect::<Vec<_>>());
        let line = csv.lines().nth(1).expect("a row");
        let last = line.rsplit(',').nth(2).expect("a note field");
        assert_eq!(last, written, "{note}: {line}");
    }
}

#[test]
fn embed_snippets_carry_the_view_and_escape_it() {
    // (query, language, page, the iframe's src, its title, embed.js, the inline div).
    let cases = [
        (
            "lang=en&hide=cn&from=2018&to=2022",
            Lang::En,
            "https://example.org/charts/params/index.html",
            "https://example.org/charts/params/index.html?embed=1&amp;lang=en&amp;hide=cn&amp;from=2018&amp;to=2022",
            "How large AI models grew",
            "https://example.org/charts/params/www/embed.js",
            "<div data-param-scale data-lang=\"en\" data-hide=\"cn\" data-from=\"2018\" data-to=\"2022\"></div>",
        ),
        (
            "lang=zh&step=3",
            Lang::Zh,
            "http://127.0.0.1:8000/index.html",
            "http://127.0.0.1:8000/index.html?embed=1&amp;lang=zh&amp;step=3",
            "大模型参数规模的增长",
            "http://127.0.0.1:8000/www/embed.js",
            "<div data-param-scale data-lang=\"zh\" data-step=\"3\"></div>",
        ),
        (
            "",
            Lang::Zh,
            "https://example.org/a\"b/index.html",
            "https://example.org/a&quot;b/index.html?embed=1",
            "大模型参数规模的增长",
            "https://example.org/a&quot;b/www/embed.js",
            "<div data-param-scale></div>",
        ),
    ];
    for (query, lang, page, src, title, script_url, div) in cases {
        let (options, _) = ChartOptions::from_query(query, &[]);
        let iframe = iframe_snippet(page, &options, lang);
        for part in [
            format!("<iframe src=\"{src}\" title=\"{title}\" data-param-scale-frame"),
            format!("<script type=\"module\" src=\"{script_url}\"></script>"),
        ] {
            assert!(iframe.contains(&part), "{query}: no {part} in {iframe}");
        }
        let script = script_snippet(page, &options);
        assert!(
            script.contains(&format!("\n{div}\n"))
                && script.ends_with(&format!("src=\"{script_url}\"></script>")),
            "{query}: {script}"
        );
    }
}

/// The `style` attribute of the snippet's element `tag` (`div`, `iframe`).
fn style_of<'a>(snippet: &'a str, tag: &str) -> &'a str {
    let start = snippet
        .find(&format!("<{tag} "))
        .unwrap_or_else(|| panic!("no <{tag}> in {snippet}"));
    let element = &snippet[start..];
    let element = &element[..element.find('>').expect("the tag ends")];
    let style = element
        .split("style=\"")
        .nth(1)
        .unwrap_or_else(|| panic!("<{tag}> has no style: {element}"));
    &style[..style.find('"').expect("the attribute ends")]
}

#[test]
fn the_iframe_snippet_sizes_its_frame_by_its_container_s_width_with_a_fixed_height_before_it() {
    // The frame's box from the host's first layout, with no script: the snippet's div is
    // a size container, and the iframe, a block of its width, takes a height in `cqw`,
    // after a height in px that a browser without container queries keeps (it drops the
    // declaration it cannot read). A view in the story has room for the step's panel.
    let chart = frame_height_css("cqw");
    let story = format!("calc({chart} + {})", story_room_css("cqw"));
    let (least, _) = FRAME_HEIGHT_RANGE;
    let (_, room) = STORY_ROOM_RANGE;
    // (query, the fallback height in px, the height).
    let cases = [
        ("lang=zh", least, chart.clone()),
        ("lang=en&from=2018&to=2022", least, chart.clone()),
        ("lang=zh&step=3", least + room, story.clone()),
        ("lang=en&step=9", least + room, story.clone()),
    ];
    for (query, fallback, height) in cases {
        let (options, _) = ChartOptions::from_query(query, &[]);
        let snippet = iframe_snippet("https://example.org/index.html", &options, Lang::Zh);
        assert!(snippet.starts_with("<div "), "{snippet}");
        assert!(snippet.contains("</iframe></div>\n<script "), "{snippet}");
        assert_eq!(style_of(&snippet, "div"), "container-type:inline-size");
        let declarations: Vec<&str> = style_of(&snippet, "iframe").split(';').collect();
        let expected = [
            "display:block".to_owned(),
            "width:100%".to_owned(),
            format!("height:{fallback}px"),
            format!("height:{height}"),
            "border:0".to_owned(),
        ];
        assert_eq!(declarations, expected, "{query}: {snippet}");
    }
}

#[test]
fn the_frame_s_height_follows_its_width_between_its_least_and_its_most() {
    // (frame width, height, height in the story), in CSS px: the chart's least up to
    // 922 px, 64 % of the width and 58 px above, its most from 1,250 px; the story's
    // room 300 px up to 333 px wide, 420 px less 36 % of the width, 140 px from 778 px.
    let cases = [
        (304.0, 648.0, 948.0),
        (374.0, 648.0, 648.0 + 285.36),
        (600.0, 648.0, 648.0 + 204.0),
        (922.0, 648.08, 788.08),
        (1000.0, 698.0, 838.0),
        (1200.0, 826.0, 966.0),
        (1264.0, 858.0, 998.0),
        (1424.0, 858.0, 998.0),
    ];
    for (width, height, in_story) in cases {
        for (story, expected) in [(false, height), (true, in_story)] {
            let found = frame_height(width, story);
            assert!(
                (found - expected).abs() < 1e-9,
                "{width} px, story {story}: {found}"
            );
        }
    }
    assert_eq!(
        frame_height_css("cqw"),
        "clamp(648px, calc(64cqw + 58px), 858px)"
    );
    assert_eq!(
        story_room_css("cqw"),
        "clamp(140px, calc(420px - 36cqw), 300px)"
    );
}

/// The page's stylesheet.
fn style_css() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/style.css"))
        .expect("www/style.css is readable")
}

#[test]
fn the_chart_s_page_in_the_frame_fills_it_and_is_at_least_the_snippet_s_height_in_vw() {
    // In the frame (`?embed=1`, `.embed`), the figure is the frame's height less the
    // page's 16 px of padding, and at least the snippet's height for the frame's width
    // (`vw` is a hundredth of the frame's width, as `cqw` of its container's on the host),
    // less a pixel, so that a height rounded to whole pixels never makes the page scroll.
    let css = style_css();
    let least = format!(
        "max(calc(100vh - 16px), calc({} - 17px))",
        frame_height_css("vw")
    );
    // (the rule, what it gives the figure): the frame's height, and in the story at
    // least that, the page growing past a frame too small for the panel and the drawing.
    let rules = [
        (".embed .chart {", format!("height: {least};")),
        (
            ".embed .chart:has(> .ps-root > .ps-story:not([hidden])) {",
            format!("min-height: {least};"),
        ),
    ];
    for (selector, declaration) in rules {
        let body = css
            .split(&format!("\n{selector}\n"))
            .nth(1)
            .and_then(|rest| rest.split('}').next())
            .unwrap_or_else(|| panic!("www/style.css has no rule {selector}"));
        assert!(
            body.lines().any(|line| line.trim() == declaration),
            "{selector} has no {declaration}:{body}"
        );
    }
}

/// The chart page's figure height (`.chart` in www/style.css) in a viewport `width` ×
/// `height` CSS px, with the page's 16 px of padding: what the page in a frame is
/// before `main.js` marks it as an embed.
fn page_height_before_embed(width: f64, height: f64) -> f64 {
    let figure = if width <= 600.0 {
        (1.65 * width + 42.0)
            .min(0.91 * height + 42.0)
            .clamp(562.0, 842.0)
    } else {
        (0.64 * width + 42.0).clamp(552.0, 842.0)
    };
    figure + 16.0
}

#[test]
fn before_main_js_runs_the_chart_s_page_fits_a_frame_of_the_snippet_s_height() {
    // The formulas `page_height_before_embed` reads, as the stylesheet has them.
    let css = style_css();
    for formula in [
        "height: clamp(552px, calc(64vw + 42px), 842px);",
        "height: clamp(562px, min(calc(165vw + 42px), calc(91vh + 42px)), 842px);",
    ] {
        assert!(
            css.contains(formula),
            "www/style.css no longer has {formula}"
        );
    }
    // Host widths from a small phone to a wide screen, less the host's 8 px margins.
    for host in (320..=1440).step_by(2) {
        let width = f64::from(host) - 16.0;
        for story in [false, true] {
            let frame = frame_height(width, story);
            let page = page_height_before_embed(width, frame);
            assert!(
                page <= frame + 1e-9,
                "a frame {width} px wide (story {story}): the page ({page} px) is higher than its frame ({frame} px)"
            );
        }
    }
}

#[test]
fn the_table_sorts_by_date_or_size_with_undisclosed_sizes_last() {
    let all: Vec<_> = models().iter().collect();
    let cases = [
        (
            Sort {
                key: SortKey::Date,
                descending: false,
            },
            "sparsely-gated-moe-137b",
        ),
        (
            Sort {
                key: SortKey::Size,
                descending: false,
            },
            "gpt-1",
        ),
        (
            Sort {
                key: SortKey::Size,
                descending: true,
            },
            "bagualu",
        ),
    ];
    for (sort, first) in cases {
        let table = rows(&all, Lang::En, sort);
        assert_eq!(table.len(), all.len());
        assert_eq!(table[0].id, first, "{sort:?}");
        if sort.key == SortKey::Size {
            let last = &table[table.len() - 1];
            assert!(
                models()
                    .iter()
                    .any(|model| model.id == last.id && model.params.is_none()),
                "{sort:?}: {}",
                last.id
            );
        }
    }
}

#[test]
fn the_no_script_table_escapes_every_text() {
    let text = "id,name,name_zh,organization,organization_zh,country,date,params,architecture,modality,source_url,article_claim,note\n\
        x,<img src=x onerror=alert(1)>,</script>,\"\"\"onmouseover=\"\"\",x,US,2020-01-01,5,dense,text,https://a.org/?q=%3Cb%3E,,";
    let parsed = parse_models("f.csv", text).expect("valid");
    let html = to_html(&parsed.iter().collect::<Vec<_>>(), Lang::En);
    assert!(
        !html.contains("<img") && !html.contains("</script>") && !html.contains("\"onmouseover"),
        "{html}"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
}

#[test]
fn the_static_chart_is_found_beside_the_chart_page_in_the_charts_language() {
    let cases = [
        (None, Lang::Zh, "chart-zh.svg"),
        (None, Lang::En, "chart-en.svg"),
        (
            Some("https://example.org/param-scale/index.html"),
            Lang::En,
            "https://example.org/param-scale/chart-en.svg",
        ),
        (
            Some("https://example.org/param-scale/index.html?embed=1#top"),
            Lang::Zh,
            "https://example.org/param-scale/chart-zh.svg",
        ),
        (
            Some("http://127.0.0.1:8000/"),
            Lang::En,
            "http://127.0.0.1:8000/chart-en.svg",
        ),
        (
            Some("https://example.org"),
            Lang::En,
            "https://example.org/chart-en.svg",
        ),
    ];
    for (page_url, lang, expected) in cases {
        assert_eq!(static_chart_url(page_url, lang), expected, "{page_url:?}");
    }
}

#[test]
fn each_sort_key_reads_back_from_its_code() {
    use param_scale::table::SortKey;
    for key in SortKey::ALL {
        assert_eq!(SortKey::from_code(key.code()), Some(key));
    }
    assert_eq!(SortKey::from_code("name"), None);
}
