use param_scale::dataset::parse_models;
use param_scale::embedded::models;
use param_scale::export::{iframe_snippet, models_csv, script_snippet, static_chart_url};
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
    let (options, _) = ChartOptions::from_query("lang=en&hide=cn&from=2018&to=2022", &[]);
    let page = "https://example.org/charts/params/index.html";
    let iframe = iframe_snippet(page, &options, Lang::En);
    assert!(iframe.contains("src=\"https://example.org/charts/params/index.html?embed=1&amp;lang=en&amp;hide=cn&amp;from=2018&amp;to=2022\""), "{iframe}");
    assert!(
        iframe.contains("title=\"How large AI models grew\""),
        "{iframe}"
    );
    assert!(
        iframe.contains("src=\"https://example.org/charts/params/www/embed.js\""),
        "{iframe}"
    );
    let script = script_snippet(page, &options);
    assert!(script.starts_with("<link rel=\"stylesheet\" href=\"https://example.org/charts/params/www/style.css\">\n<div data-param-scale data-lang=\"en\" data-hide=\"cn\" data-from=\"2018\" data-to=\"2022\"></div>"), "{script}");
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
