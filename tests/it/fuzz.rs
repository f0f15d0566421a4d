//! Property tests of everything that reads text from outside: the CSV reader, the data
//! validators, the URL options and the percent-decoder.
//!
//! Two kinds of input: arbitrary strings, and near-valid files — a real header (columns
//! shuffled, sometimes one missing) over rows of values that are mostly valid and partly
//! hostile: quotes, commas and line breaks, CJK, emoji, right-to-left and zero-width marks,
//! byte-order marks, NUL, huge numbers, malformed escapes, quoting done right, done wrong,
//! or not at all. The properties: nothing panics; every `DataError` names the file, a line
//! that exists, a known field and a message, and displays as `FILE:LINE: FIELD: message`;
//! well-formed input round-trips.
//!
//! The budget is proptest's default, 256 cases a property, so `cargo test` stays fast.
//! `cargo xtask fuzz [--cases N]` runs the same properties in release mode with
//! `PROPTEST_CASES=N` (default 1,000,000). A failure prints the shrunk input; no
//! regression files are written.

use param_scale::csv::{parse_records, Record};
use param_scale::dataset::{
    parse_models, parse_stages, DataError, MAX_PARAMS, MODEL_COLUMNS, STAGE_COLUMNS,
};
use param_scale::options::{percent_decode, ChartOptions, OPTION_KEYS};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// The file name every parse is given, and every error must report.
const FILE: &str = "f.csv";

/// Pieces hostile text is made of.
const NASTY: &[&str] = &[
    ",",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "大模型",
    "参数规模",
    "万亿",
    "🦀",
    "👩‍💻",
    "\u{200F}",
    "\u{202E}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "e\u{301}",
    "\0",
    "%",
    "%2",
    "%zz",
    "%E5%A4%A7",
    "%FF",
    "+",
    "=",
    "&",
    "?",
    "-",
    "0",
    "7",
    "175000000000",
    "1000000000000000001",
    "18446744073709551616",
    "99999999999999999999999999999999",
    "-1",
    "1e12",
    "１７５",
    "2020-13",
    "2021-02-29",
    "2024-02-29",
    "https://",
    "https://example.org/a b",
    "yes",
    "dense",
    "moe",
    "undisclosed",
    "lang",
    "zh",
];

/// The configuration of every property: proptest's defaults (256 cases, or
/// `PROPTEST_CASES`), without regression files.
fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------
// Strategies.
// ---------------------------------------------------------------------------------------

/// A string of hostile pieces.
fn nasty_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(NASTY), 0..8).prop_map(|parts| parts.concat())
}

/// Any text: hostile pieces, arbitrary Unicode, or printable ASCII.
fn any_text() -> BoxedStrategy<String> {
    prop_oneof![
        nasty_text(),
        any::<String>(),
        "[ -~]{0,24}",
        prop::collection::vec(prop_oneof![nasty_text(), any::<String>()], 0..4)
            .prop_map(|parts| parts.concat()),
    ]
    .boxed()
}

/// A valid value, or text that may be anything.
fn mostly(valid: impl Strategy<Value = String> + 'static) -> BoxedStrategy<String> {
    prop_oneof![5 => valid, 1 => any_text()].boxed()
}

fn valid_date() -> impl Strategy<Value = String> {
    (2000_u16..=2035, 1_u8..=12, prop::option::of(1_u8..=28)).prop_map(|(year, month, day)| {
        match day {
            Some(day) => format!("{year:04}-{month:02}-{day:02}"),
            None => format!("{year:04}-{month:02}"),
        }
    })
}

fn valid_count() -> impl Strategy<Value = String> {
    prop_oneof![
        (1_u64..=MAX_PARAMS).prop_map(|count| count.to_string()),
        (1_u64..1_000_000_000).prop_map(|count| count.to_string()),
    ]
}

fn valid_url() -> impl Strategy<Value = String> {
    "[a-z]{1,10}\\.(org|com|cn)/[a-z0-9/._-]{0,16}".prop_map(|rest| format!("https://{rest}"))
}

fn one_of(values: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(values).prop_map(str::to_owned)
}

/// A value for a column of `models.csv`: mostly what the column takes.
fn model_value(column: &str) -> BoxedStrategy<String> {
    match column {
        "id" => mostly("[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?"),
        "name" | "organization" => mostly(plain_text()),
        "country" => mostly(one_of(&["US", "CN", "GB", "FR", "AE"])),
        "date" => mostly(valid_date()),
        "params" => mostly(prop_oneof![valid_count(), Just(String::new())]),
        "architecture" => mostly(one_of(&["dense", "moe", "undisclosed"])),
        "modality" => mostly(one_of(&["text", "multimodal", "vision", "image"])),
        "source_url" => mostly(valid_url()),
        "article" => mostly(one_of(&["", "yes", "no"])),
        _ => mostly(plain_text()),
    }
}

/// Ordinary text of the kind the free-text columns hold.
fn plain_text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 ()·.'大模型参数规模盘古文心]{1,16}"
}

/// A value for a column of `stages.csv`.
fn stage_value(column: &str) -> BoxedStrategy<String> {
    match column {
        "id" => mostly("[a-z]{1,10}"),
        "params_from" | "params_to" => mostly(valid_count()),
        _ => mostly(plain_text()),
    }
}

/// How one field is written into the file.
#[derive(Debug, Clone, Copy)]
enum Quoting {
    /// Quoted only when it must be, as a CSV writer does.
    Minimal,
    /// `"…"` with inner quotes doubled: always reads back as the value.
    Proper,
    /// As it is: breaks the row if the value holds a quote, comma or line break.
    Raw,
    /// Opened with a quote that is never closed.
    Unclosed,
}

/// Mostly right, sometimes wrong: one field in twenty is written raw or left unclosed.
fn quoting() -> impl Strategy<Value = Quoting> {
    prop_oneof![
        12 => Just(Quoting::Minimal),
        6 => Just(Quoting::Proper),
        1 => Just(Quoting::Raw),
        1 => Just(Quoting::Unclosed),
    ]
}

fn write_field(value: &str, quoting: Quoting) -> String {
    match quoting {
        Quoting::Minimal if value.contains(['"', ',', '\n', '\r']) => {
            write_field(value, Quoting::Proper)
        }
        Quoting::Minimal => value.to_owned(),
        Quoting::Proper => format!("\"{}\"", value.replace('"', "\"\"")),
        Quoting::Raw => value.to_owned(),
        Quoting::Unclosed => format!("\"{value}"),
    }
}

/// A row's shape: most rows have as many fields as the header.
#[derive(Debug, Clone, Copy)]
enum RowShape {
    Complete,
    OneFieldShort,
    OneFieldMore,
    Blank,
}

fn row_shape() -> impl Strategy<Value = RowShape> {
    prop_oneof![
        12 => Just(RowShape::Complete),
        1 => Just(RowShape::OneFieldShort),
        1 => Just(RowShape::OneFieldMore),
        1 => Just(RowShape::Blank),
    ]
}

/// A file with a real header (shuffled, sometimes a column short, sometimes with an
/// extra column) and rows of mostly valid, partly hostile values. Half the files are
/// well-formed CSV (every field quoted as it must be, every row complete), so that the
/// values reach the validator; the other half have rows of the wrong width and fields
/// quoted wrongly here and there.
fn near_valid_csv(
    columns: &'static [&'static str],
    value: fn(&str) -> BoxedStrategy<String>,
) -> impl Strategy<Value = String> {
    let header = (
        Just(columns.to_vec()).prop_shuffle(),
        prop::option::weighted(0.1, 0..columns.len()),
        prop::option::weighted(0.3, prop_oneof![Just("article"), Just("extra")]),
    )
        .prop_map(|(mut header, dropped, added)| {
            if let Some(index) = dropped {
                header.remove(index);
            }
            if let Some(column) = added {
                header.push(column);
            }
            header
        });
    header.prop_flat_map(move |header| {
        let field = |column: &str| (value(column), quoting());
        let row: Vec<_> = header.iter().map(|column| field(column)).collect();
        let rows = prop::collection::vec((row, row_shape()), 0..8);
        let line_end = prop_oneof![Just("\n"), Just("\r\n")];
        (
            Just(header),
            rows,
            line_end,
            any::<bool>(),
            prop::option::weighted(0.1, any_text()),
            any::<bool>(),
        )
            .prop_map(|(header, rows, line_end, bom, trailer, sloppy)| {
                let mut text = String::new();
                if bom {
                    text.push('\u{feff}');
                }
                text.push_str(&header.join(","));
                for (fields, shape) in rows {
                    text.push_str(line_end);
                    let shape = match shape {
                        RowShape::OneFieldShort | RowShape::OneFieldMore if !sloppy => {
                            RowShape::Complete
                        }
                        shape => shape,
                    };
                    let mut written: Vec<String> = fields
                        .iter()
                        .map(|(value, quoting)| {
                            let quoting = if sloppy { *quoting } else { Quoting::Minimal };
                            write_field(value, quoting)
                        })
                        .collect();
                    match shape {
                        RowShape::Complete => {}
                        RowShape::OneFieldShort => {
                            written.pop();
                        }
                        RowShape::OneFieldMore => written.push("extra".to_owned()),
                        RowShape::Blank => written = vec!["  ".to_owned()],
                    }
                    text.push_str(&written.join(","));
                }
                if let Some(trailer) = trailer {
                    text.push_str(line_end);
                    text.push_str(&trailer);
                }
                text
            })
    })
}

// ---------------------------------------------------------------------------------------
// Checks.
// ---------------------------------------------------------------------------------------

/// How many lines `text` has, counting the one after a final line break.
fn line_count(text: &str) -> usize {
    text.matches('\n').count() + 1
}

/// The fields an error may name: the columns, and the file-level "csv" and "header".
fn known_field(field: &str) -> bool {
    MODEL_COLUMNS.contains(&field)
        || STAGE_COLUMNS.contains(&field)
        || ["article", "csv", "header"].contains(&field)
}

/// Every error names the file, a line of the text, a known field and a message, and
/// displays as `f.csv:LINE: FIELD: message`.
fn check_errors(text: &str, errors: &[DataError]) -> Result<(), TestCaseError> {
    prop_assert!(!errors.is_empty(), "Err(vec![]) says nothing");
    let lines = line_count(text);
    for error in errors {
        prop_assert_eq!(&error.file, FILE, "{:?}", error);
        prop_assert!(
            (1..=lines + 1).contains(&error.line),
            "line {} is outside the text's {} lines: {:?}",
            error.line,
            lines,
            error
        );
        prop_assert!(known_field(&error.field), "unknown field: {:?}", error);
        prop_assert!(!error.message.trim().is_empty(), "no message: {:?}", error);
        let shown = error.to_string();
        let prefix = format!("{FILE}:{}: {}: ", error.line, error.field);
        prop_assert!(
            shown.starts_with(&prefix),
            "{:?} does not start with {:?}",
            shown,
            prefix
        );
    }
    Ok(())
}

fn check_models(text: &str) -> Result<(), TestCaseError> {
    match parse_models(FILE, text) {
        Ok(models) => {
            prop_assert!(models.len() <= line_count(text));
            Ok(())
        }
        Err(errors) => check_errors(text, &errors),
    }
}

fn check_stages(text: &str) -> Result<(), TestCaseError> {
    match parse_stages(FILE, text) {
        Ok(stages) => {
            for stage in &stages {
                prop_assert!(stage.params_from < stage.params_to, "{:?}", stage);
            }
            Ok(())
        }
        Err(errors) => check_errors(text, &errors),
    }
}

/// Reading a query never fails, warns in words, and reads its own `to_query` back
/// exactly, without a warning.
fn check_query(query: &str) -> Result<(), TestCaseError> {
    let (options, warnings) = ChartOptions::from_query(query, &["embed"]);
    for warning in &warnings {
        prop_assert!(
            !warning.trim().is_empty(),
            "an empty warning for {:?}",
            query
        );
    }
    let written = options.to_query();
    let (again, warnings_again) = ChartOptions::from_query(&written, &[]);
    prop_assert_eq!(&again, &options, "{:?} wrote {:?}", query, written);
    prop_assert!(
        warnings_again.is_empty(),
        "{:?} warns: {:?}",
        written,
        warnings_again
    );
    Ok(())
}

fn percent_encode_every_byte(text: &str) -> String {
    text.bytes().map(|byte| format!("%{byte:02X}")).collect()
}

// ---------------------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_csv_reader_never_panics_and_reports_lines_that_exist(text in any_text()) {
        let lines = line_count(&text);
        match parse_records(&text) {
            Ok(records) => {
                for pair in records.windows(2) {
                    prop_assert!(pair[0].line < pair[1].line, "{:?}", records);
                }
                for record in &records {
                    prop_assert!((1..=lines).contains(&record.line), "{:?}", record);
                    prop_assert!(!record.fields.is_empty());
                }
            }
            Err(error) => {
                prop_assert!((1..=lines).contains(&error.line), "{:?}", error);
                prop_assert!(!error.message.is_empty());
            }
        }
    }

    #[test]
    fn quoted_records_read_back_as_written_with_their_first_lines(
        records in prop::collection::vec(prop::collection::vec(any_text(), 1..5), 0..6),
        crlf in any::<bool>(),
        final_line_end in any::<bool>(),
    ) {
        let line_end = if crlf { "\r\n" } else { "\n" };
        let mut text = String::new();
        let mut expected = Vec::new();
        for (index, fields) in records.iter().enumerate() {
            if index > 0 {
                text.push_str(line_end);
            }
            let line = line_count(&text);
            let blank = fields.len() == 1 && fields[0].trim().is_empty();
            if !blank {
                expected.push(Record { line, fields: fields.clone() });
            }
            let written: Vec<String> =
                fields.iter().map(|field| write_field(field, Quoting::Proper)).collect();
            text.push_str(&written.join(","));
        }
        if final_line_end && !records.is_empty() {
            text.push_str(line_end);
        }
        let read = parse_records(&text);
        prop_assert_eq!(read, Ok(expected), "text: {:?}", text);
    }

    #[test]
    fn the_models_validator_reports_well_formed_errors_for_any_text(text in any_text()) {
        check_models(&text)?;
    }

    #[test]
    fn the_models_validator_reports_well_formed_errors_for_near_valid_files(
        text in near_valid_csv(&MODEL_COLUMNS, model_value),
    ) {
        check_models(&text)?;
    }

    #[test]
    fn valid_models_with_any_text_in_free_fields_are_read_with_that_text(
        rows in prop::collection::vec(
            (
                (any_text(), any_text(), any_text(), any_text(), any_text(), any_text()),
                valid_date(),
                prop::option::of(1_u64..=MAX_PARAMS),
                prop::sample::select(&["dense", "moe", "undisclosed"][..]),
                prop::sample::select(&["text", "multimodal", "vision", "image"][..]),
                valid_url(),
            ),
            1..6,
        ),
    ) {
        let mut text = format!("{}\n", MODEL_COLUMNS.join(","));
        for (index, row) in rows.iter().enumerate() {
            let ((name, name_zh, organization, organization_zh, claim, note), date, params, architecture, modality, url) = row;
            let architecture = match (params, *architecture) {
                (Some(_), "undisclosed") => "dense",
                (_, architecture) => architecture,
            };
            let params = params.map(|count| count.to_string()).unwrap_or_default();
            let values = [
                format!("m{index}"),
                format!("x{name}"),
                name_zh.clone(),
                format!("x{organization}"),
                organization_zh.clone(),
                "CN".to_owned(),
                date.clone(),
                params,
                architecture.to_owned(),
                (*modality).to_owned(),
                url.clone(),
                claim.clone(),
                note.clone(),
            ];
            let written: Vec<String> =
                values.iter().map(|value| write_field(value, Quoting::Proper)).collect();
            text.push_str(&written.join(","));
            text.push('\n');
        }
        let models = match parse_models(FILE, &text) {
            Ok(models) => models,
            Err(errors) => {
                let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
                return Err(TestCaseError::fail(format!("valid rows refused: {shown:?}\ntext: {text:?}")));
            }
        };
        prop_assert_eq!(models.len(), rows.len());
        for (model, row) in models.iter().zip(&rows) {
            let (name, name_zh, _, _, claim, note) = &row.0;
            let name = format!("x{name}");
            prop_assert_eq!(&*model.name, name.trim());
            let expected_zh = if name_zh.trim().is_empty() { name.trim() } else { name_zh.trim() };
            prop_assert_eq!(&*model.name_zh, expected_zh);
            prop_assert_eq!(&*model.article_claim, claim.trim());
            prop_assert_eq!(&*model.note, note.trim());
            prop_assert_eq!(model.params, row.2);
        }
    }

    #[test]
    fn the_stages_validator_reports_well_formed_errors_for_any_text(text in any_text()) {
        check_stages(&text)?;
    }

    #[test]
    fn the_stages_validator_reports_well_formed_errors_for_near_valid_files(
        text in near_valid_csv(&STAGE_COLUMNS, stage_value),
    ) {
        check_stages(&text)?;
    }

    #[test]
    fn any_query_is_read_without_panic_and_round_trips(query in any_text()) {
        check_query(&query)?;
    }

    #[test]
    fn near_valid_queries_are_read_without_panic_and_round_trip(
        pairs in prop::collection::vec(
            (
                prop_oneof![4 => prop::sample::select(&OPTION_KEYS[..]).prop_map(str::to_owned), 1 => any_text()],
                prop_oneof![
                    one_of(&["zh", "en", " en ", "light", "dark", "us,cn", "moe", "dense, eu", "other,", "2018", "2035", "1999", "gpt-3", "GPT-3", ""]),
                    any_text(),
                ],
                any::<bool>(),
            ),
            0..6,
        ),
    ) {
        let query: Vec<String> = pairs
            .iter()
            .map(|(key, value, encoded)| {
                if *encoded {
                    format!("{}={}", percent_encode_every_byte(key), percent_encode_every_byte(value))
                } else {
                    format!("{key}={value}")
                }
            })
            .collect();
        check_query(&format!("?{}", query.join("&")))?;
    }

    #[test]
    fn percent_decoding_never_panics_and_undoes_percent_encoding(text in any_text()) {
        let _ = percent_decode(&text);
        prop_assert_eq!(percent_decode(&percent_encode_every_byte(&text)), text.clone());
        if !text.contains(['%', '+']) {
            prop_assert_eq!(percent_decode(&text), text);
        }
    }
}
