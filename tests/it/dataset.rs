use param_scale::dataset::{
    parse_date, parse_models, parse_stages, Architecture, Date, Region, Status,
};
use param_scale::embedded::{models, stages};

const HEADER: &str = "id,name,name_zh,organization,organization_zh,country,date,params,architecture,modality,source_url,article_claim,note";
const GOOD: &str = "gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-05-28,175000000000,dense,text,https://arxiv.org/abs/2005.14165,,";

fn file_with(rows: &[&str]) -> String {
    let mut text = String::from(HEADER);
    for row in rows {
        text.push('\n');
        text.push_str(row);
    }
    text
}

#[test]
fn a_valid_row_becomes_a_model() {
    let models = parse_models("data/models.csv", &file_with(&[GOOD])).expect("valid");
    assert_eq!(models.len(), 1);
    let model = &models[0];
    assert_eq!(model.id, "gpt-3");
    assert_eq!(model.params, Some(175_000_000_000));
    assert_eq!(
        model.date,
        Date {
            year: 2020,
            month: 5,
            day: 28
        }
    );
    assert_eq!(model.architecture, Architecture::Dense);
    assert_eq!(model.region(), Region::UnitedStates);
}

#[test]
fn each_bad_row_is_rejected_with_file_line_and_field() {
    // (row, expected message prefix after the line number)
    let cases: &[(&str, &str)] = &[
        (",GPT-3,GPT-3,OpenAI,OpenAI,US,2020-05-28,1,dense,text,https://a.org,,", "data/models.csv:2: id: missing"),
        ("gpt-3,,GPT-3,OpenAI,OpenAI,US,2020-05-28,1,dense,text,https://a.org,,", "data/models.csv:2: name: missing"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-5-28,1,dense,text,https://a.org,,", "data/models.csv:2: date: '2020-5-28' is not a date"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-02-30,1,dense,text,https://a.org,,", "data/models.csv:2: date: '2020-02-30' has no day 30"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-13,1,dense,text,https://a.org,,", "data/models.csv:2: date: '2020-13' has no month 13"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,1999-01-01,1,dense,text,https://a.org,,", "data/models.csv:2: date: year 1999 is out of range"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-05-28,175B,dense,text,https://a.org,,", "data/models.csv:2: params: '175B' is not a whole number"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-05-28,0,dense,text,https://a.org,,", "data/models.csv:2: params: a model cannot have 0"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-05-28,99999999999999999999,dense,text,https://a.org,,", "data/models.csv:2: params: '99999999999999999999' is larger than"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-05-28,1,sparse,text,https://a.org,,", "data/models.csv:2: architecture: 'sparse' is not one of"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-05-28,1,undisclosed,text,https://a.org,,", "data/models.csv:2: architecture: undisclosed is only for"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-05-28,1,dense,audio,https://a.org,,", "data/models.csv:2: modality: 'audio' is not one of"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-05-28,1,dense,text,http://a.org,,", "data/models.csv:2: source_url: 'http://a.org' is not an https:// address"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-05-28,1,dense,text,,,", "data/models.csv:2: source_url: missing"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-05-28,1,dense,text,https://a.org/<script>,,", "data/models.csv:2: source_url: 'https://a.org/<script>' holds characters"),
        ("gpt-3,GPT-3,GPT-3,OpenAI,OpenAI,USA,2020-05-28,1,dense,text,https://a.org,,", "data/models.csv:2: country: 'USA' is not a two-letter"),
        ("GPT 3,GPT-3,GPT-3,OpenAI,OpenAI,US,2020-05-28,1,dense,text,https://a.org,,", "data/models.csv:2: id: 'GPT 3' must be lowercase"),
        ("gpt-3,GPT-3,GPT-3,OpenAI", "data/models.csv:2: csv: expected 13 fields as in the header, found 4"),
    ];
    for (row, expected) in cases {
        let errors = parse_models("data/models.csv", &file_with(&[row])).expect_err(row);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            messages.iter().any(|message| message.starts_with(expected)),
            "row {row:?}\nexpected a message starting with {expected:?}\ngot {messages:?}"
        );
    }
}

#[test]
fn a_duplicate_id_is_rejected_on_its_second_line() {
    let errors = parse_models("data/models.csv", &file_with(&[GOOD, GOOD])).expect_err("duplicate");
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        "data/models.csv:3: id: duplicate id 'gpt-3'"
    );
}

#[test]
fn a_header_without_a_required_column_is_rejected_on_line_one() {
    let text = HEADER.replace(",source_url", "") + "\n";
    let errors = parse_models("other.csv", &text).expect_err("missing column");
    assert_eq!(
        errors[0].to_string(),
        "other.csv:1: source_url: column missing from the header"
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let bad = GOOD
        .replace("2020-05-28", "yesterday")
        .replace("https://", "ftp://");
    let errors = parse_models(
        "data/models.csv",
        &file_with(&[&bad, &bad.replace("gpt-3", "gpt-4")]),
    )
    .expect_err("bad");
    let fields: Vec<(usize, &str)> = errors
        .iter()
        .map(|error| (error.line, error.field.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            (2, "date"),
            (2, "source_url"),
            (3, "date"),
            (3, "source_url")
        ]
    );
}

#[test]
fn an_empty_params_field_means_undisclosed_not_zero() {
    let row = "chatgpt,ChatGPT,ChatGPT,OpenAI,OpenAI,US,2022-11-30,,undisclosed,text,https://openai.com/index/chatgpt/,,";
    let models = parse_models("data/models.csv", &file_with(&[row])).expect("valid");
    assert_eq!(models[0].params, None);
    assert_eq!(models[0].architecture, Architecture::Undisclosed);
}

#[test]
fn dates_without_a_day_sit_in_the_middle_of_their_month() {
    let cases = [
        ("2021-01", 2021.0 + 15.5 / 365.0),
        ("2020-01-01", 2020.0 + 0.5 / 366.0),
        ("2019-12-31", 2019.0 + 364.5 / 365.0),
    ];
    for (text, year) in cases {
        let date = parse_date(text).expect(text);
        assert!(
            (date.fractional_year() - year).abs() < 1e-9,
            "{text}: {}",
            date.fractional_year()
        );
        assert_eq!(date.to_string(), text);
    }
}

#[test]
fn bad_stage_rows_are_rejected_with_file_line_and_field() {
    let header = "id,label,label_zh,scale,scale_zh,params_from,params_to";
    let cases = [
        (
            "a,A,甲,,,100,10",
            "stages.csv:2: params_to: must be larger than params_from",
        ),
        (
            "a,A,甲,,,x,10",
            "stages.csv:2: params_from: 'x' is not a whole number",
        ),
        ("a,,甲,,,1,10", "stages.csv:2: label: missing"),
    ];
    for (row, expected) in cases {
        let errors = parse_stages("stages.csv", &format!("{header}\n{row}")).expect_err(row);
        assert!(
            errors[0].to_string().starts_with(expected),
            "{row}: {}",
            errors[0]
        );
    }
}

#[test]
fn the_embedded_data_holds_every_model_the_article_names() {
    let article = [
        "transformer",
        "gpt-1",
        "bert",
        "xlnet",
        "roberta",
        "gpt-2",
        "megatron-lm",
        "t5",
        "turing-nlg",
        "gpt-3",
        "mt-nlg",
        "switch-transformer",
        "stable-diffusion",
        "chatgpt",
        "intern",
        "pangu",
        "pangu-alpha",
        "plug",
        "m6",
        "ernie-3",
        "yuan-1",
        "ernie-3-titan",
        "bagualu",
    ];
    for id in article {
        let model = models().iter().find(|model| model.id == id);
        assert!(
            model.is_some_and(|model| model.in_article),
            "{id} is missing or not marked as in the article"
        );
    }
    assert!(
        models().len() >= article.len() + 20,
        "only {} models",
        models().len()
    );
    assert_eq!(stages().len(), 3);
}

#[test]
fn undisclosed_models_have_no_invented_count() {
    for id in ["chatgpt", "gpt-4"] {
        let model = models().iter().find(|model| model.id == id).expect(id);
        assert_eq!(model.params, None, "{id}");
    }
    // BaGuaLu's 174 trillion is a capacity claim, not a trained model.
    let bagualu = models()
        .iter()
        .find(|model| model.id == "bagualu")
        .expect("bagualu");
    assert_eq!(bagualu.params, Some(14_500_000_000_000));
}

/// The header of the project's own data file, with every column.
const FULL_HEADER: &str = "id,name,name_zh,organization,organization_zh,country,date,params,active_params,architecture,status,modality,source_url,article_claim,article_claim_en,article_date,article_params,note,note_zh,article";

/// A full row from its varying cells: params, active_params, architecture,
/// status, article_date, article_params and article; the rest fixed.
type Cells<'a> = [&'a str; 7];

fn full_row(cells: Cells<'_>) -> String {
    let [params, active, architecture, status, article_date, article_params, article] = cells;
    format!(
        "{FULL_HEADER}\nm,M,M,O,O,CN,2021-04-19,{params},{active},{architecture},{status},text,https://a.org,文中称,The article says,{article_date},{article_params},n,注,{article}"
    )
}

#[test]
fn the_new_columns_of_each_bad_row_are_rejected_with_file_line_and_field() {
    // (params, active_params, architecture, status, article_date, article_params, article), expected
    let cases: &[(Cells<'_>, &str)] = &[
        (["1000", "100", "dense", "released", "", "", ""], "f.csv:2: active_params: only mixtures of experts (architecture moe) have active parameters, not dense"),
        (["1000", "2000", "moe", "released", "", "", ""], "f.csv:2: active_params: 2000 active parameters is more than the 1000 in total (params)"),
        (["", "100", "moe", "released", "", "", ""], "f.csv:2: active_params: active parameters need the total count in params too"),
        (["", "100", "undisclosed", "released", "", "", ""], "f.csv:2: active_params: only mixtures of experts"),
        (["1000", "1e3", "moe", "released", "", "", ""], "f.csv:2: active_params: '1e3' is not a whole number"),
        (["1000", "0", "moe", "released", "", "", ""], "f.csv:2: active_params: a model cannot have 0"),
        (["1000", "", "moe", "shipped", "", "", ""], "f.csv:2: status: 'shipped' is not one of: released, paper, demonstration"),
        (["1000", "", "dense", "released", "2021", "", ""], "f.csv:2: article_date: only rows the article names (article=yes)"),
        (["1000", "", "dense", "released", "", "1000", "no"], "f.csv:2: article_params: only rows the article names (article=yes)"),
        (["1000", "", "dense", "released", "21", "", "yes"], "f.csv:2: article_date: '21' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        (["1000", "", "dense", "released", "2021-13", "", "yes"], "f.csv:2: article_date: '2021-13' has no month 13"),
        (["1000", "", "dense", "released", "1999", "", "yes"], "f.csv:2: article_date: year 1999 is out of range"),
        (["1000", "", "dense", "released", "", "百亿", "yes"], "f.csv:2: article_params: '百亿' is not a whole number"),
    ];
    for (cells, expected) in cases {
        let errors = parse_models("f.csv", &full_row(*cells)).expect_err(expected);
        super::assert_rejected(&errors, expected);
    }
}

/// What a good row's new columns read as: active, status, article date and count.
type Read = (Option<u64>, Status, Option<Date>, Option<u64>);

#[test]
fn the_new_columns_of_a_good_row_are_read() {
    let year = |year| {
        Some(Date {
            year,
            month: 0,
            day: 0,
        })
    };
    let cases: &[(Cells<'_>, Read)] = &[
        (
            ["1000", "100", "moe", "released", "", "", "yes"],
            (Some(100), Status::Released, None, None),
        ),
        (
            ["1000", "", "moe", "paper", "2021", "", "yes"],
            (None, Status::Paper, year(2021), None),
        ),
        (
            [
                "1000",
                "",
                "dense",
                "demonstration",
                "2021-04",
                "100000000000",
                "yes",
            ],
            (
                None,
                Status::Demonstration,
                Some(Date {
                    year: 2021,
                    month: 4,
                    day: 0,
                }),
                Some(100_000_000_000),
            ),
        ),
        (
            ["", "", "undisclosed", "", "", "", "yes"],
            (None, Status::Released, None, None),
        ),
    ];
    for (cells, expected) in cases {
        let text = full_row(*cells);
        let models = parse_models("f.csv", &text).expect("valid");
        let model = &models[0];
        assert_eq!(
            (
                model.active_params,
                model.status,
                model.article_date,
                model.article_params
            ),
            *expected,
            "{text}"
        );
        assert_eq!(model.article_claim_en, "The article says");
        assert_eq!(model.note_zh, "注");
    }
}
#[test]
fn an_article_date_of_only_a_year_sits_in_the_middle_of_it() {
    let date = param_scale::dataset::parse_article_date("2019").expect("a year");
    assert_eq!(date.to_string(), "2019");
    assert!((date.fractional_year() - 2019.5).abs() < 1e-9);
}

#[test]
fn the_data_file_has_every_column_in_the_order_the_export_writes() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/models.csv"))
        .expect("data/models.csv");
    let header = text.lines().next().expect("a header");
    assert_eq!(header, param_scale::dataset::DATA_FILE_COLUMNS.join(","));
}

#[test]
fn notes_speak_to_readers_not_in_the_data_files_codes() {
    // Words of the data file that a reader's tooltip must not show.
    let codes = [
        "(status ",
        "status paper",
        "status is ",
        "状态 paper",
        "状态 released",
        "状态为",
        "active_params",
        "params and",
        "params stay",
    ];
    for model in models() {
        for note in [&model.note, &model.note_zh] {
            for code in codes {
                assert!(!note.contains(code), "{}: {code:?} in {note}", model.id);
            }
        }
    }
}

#[test]
fn the_required_and_optional_columns_are_exactly_the_data_files_columns() {
    use param_scale::dataset::{DATA_FILE_COLUMNS, MODEL_COLUMNS, OPTIONAL_MODEL_COLUMNS};
    let mut named: Vec<&str> = MODEL_COLUMNS
        .iter()
        .chain(&OPTIONAL_MODEL_COLUMNS)
        .copied()
        .collect();
    let mut all = DATA_FILE_COLUMNS.to_vec();
    named.sort_unstable();
    all.sort_unstable();
    assert_eq!(named, all);
}
