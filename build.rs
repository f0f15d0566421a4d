//! Validates the data file and embeds it in the crate as static values.
//!
//! The data comes from `data/models.csv`, or from the file named by the
//! `PARAM_SCALE_DATA` environment variable (`cargo xtask dist --data PATH`).
//! The article's stages come from `stages.csv` beside it when that file
//! exists (`PARAM_SCALE_STAGES` names another one). Any problem fails the
//! build with `FILE:LINE: FIELD: what is wrong`.

#![allow(clippy::print_stdout)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/csv.rs"]
#[allow(dead_code)]
mod csv;
#[path = "src/dataset.rs"]
#[allow(dead_code)]
mod dataset;

use dataset::{Architecture, DataError, Date, Modality, Model, Stage};

fn main() {
    println!("cargo:rerun-if-env-changed=PARAM_SCALE_DATA");
    println!("cargo:rerun-if-env-changed=PARAM_SCALE_STAGES");
    let data_path = std::env::var("PARAM_SCALE_DATA").unwrap_or_else(|_| "data/models.csv".into());
    let stages_path = std::env::var("PARAM_SCALE_STAGES").ok().unwrap_or_else(|| {
        let beside = Path::new(&data_path).with_file_name("stages.csv");
        beside.to_string_lossy().into_owned()
    });

    let models = read(&data_path, true, dataset::parse_models);
    let stages = read(&stages_path, false, dataset::parse_stages);

    let mut code = String::new();
    let _ = writeln!(code, "/// The file the models were read from.");
    let _ = writeln!(code, "pub const DATA_FILE: &str = {:?};", data_path);
    let _ = writeln!(code, "/// Every model of the data file, in file order.");
    let _ = writeln!(code, "pub static MODELS: &[Model] = &[");
    for model in &models {
        write_model(&mut code, model);
    }
    let _ = writeln!(code, "];");
    let _ = writeln!(code, "/// The article's stages, in file order.");
    let _ = writeln!(code, "pub static STAGES: &[Stage] = &[");
    for stage in &stages {
        write_stage(&mut code, stage);
    }
    let _ = writeln!(code, "];");

    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    if let Err(error) = std::fs::write(out_dir.join("embedded.rs"), code) {
        fail(&[format!("cannot write the embedded data: {error}")]);
    }
}

/// A parser of one data file: its name and its text in, rows or errors out.
type Parser<T> = fn(&str, &str) -> Result<Vec<T>, Vec<DataError>>;

/// Reads and parses one file; a missing optional file gives no rows.
fn read<T>(path: &str, required: bool, parse: Parser<T>) -> Vec<T> {
    println!("cargo:rerun-if-changed={path}");
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(_) if !required && !Path::new(path).exists() => return Vec::new(),
        Err(error) => fail(&[format!("{path}: cannot read the data file: {error}")]),
    };
    match parse(path, &text) {
        Ok(rows) => rows,
        Err(errors) => fail(&errors.iter().map(ToString::to_string).collect::<Vec<_>>()),
    }
}

fn fail(messages: &[String]) -> ! {
    for message in messages {
        println!("cargo:warning={message}");
        eprintln!("error: {message}");
    }
    eprintln!(
        "error: the data file has {} problem(s); the build stops here",
        messages.len()
    );
    std::process::exit(1);
}

fn text(value: &str) -> String {
    format!("Cow::Borrowed({value:?})")
}

fn date(value: Date) -> String {
    format!(
        "Date {{ year: {}, month: {}, day: {} }}",
        value.year, value.month, value.day
    )
}

fn write_model(code: &mut String, model: &Model) {
    let architecture = match model.architecture {
        Architecture::Dense => "Dense",
        Architecture::MixtureOfExperts => "MixtureOfExperts",
        Architecture::Undisclosed => "Undisclosed",
    };
    let modality = match model.modality {
        Modality::Text => "Text",
        Modality::Multimodal => "Multimodal",
        Modality::Vision => "Vision",
        Modality::Image => "Image",
    };
    let _ = writeln!(
        code,
        "    Model {{ id: {}, name: {}, name_zh: {}, organization: {}, organization_zh: {}, \
         country: {}, date: {}, params: {:?}, architecture: Architecture::{architecture}, \
         modality: Modality::{modality}, source_url: {}, article_claim: {}, in_article: {}, note: {} }},",
        text(&model.id),
        text(&model.name),
        text(&model.name_zh),
        text(&model.organization),
        text(&model.organization_zh),
        text(&model.country),
        date(model.date),
        model.params,
        text(&model.source_url),
        text(&model.article_claim),
        model.in_article,
        text(&model.note),
    );
}

fn write_stage(code: &mut String, stage: &Stage) {
    let _ = writeln!(
        code,
        "    Stage {{ id: {}, label: {}, label_zh: {}, scale: {}, scale_zh: {}, params_from: {}, params_to: {} }},",
        text(&stage.id),
        text(&stage.label),
        text(&stage.label_zh),
        text(&stage.scale),
        text(&stage.scale_zh),
        stage.params_from,
        stage.params_to,
    );
}
