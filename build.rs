//! Validates the data file and embeds it in the crate as static values.
//!
//! The data comes from `data/models.csv`, or from the file named by the
//! `PARAM_SCALE_DATA` environment variable (`cargo xtask dist --data PATH`).
//! The article's stages come from `stages.csv` beside it when that file
//! exists (`PARAM_SCALE_STAGES` names another one), and the article's story
//! from `story.csv` beside it when that exists (`PARAM_SCALE_STORY`), checked
//! against the models. Any problem fails the build with
//! `FILE:LINE: FIELD: what is wrong`. The rows and the story are embedded as
//! compact binary blobs (`OUT_DIR/embedded.bin`, `story.bin`), each decoded
//! here once before it is written, which `embedded` decodes once at run time.

#![allow(clippy::print_stdout)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/csv.rs"]
#[allow(dead_code)]
mod csv;
#[path = "src/dataset/mod.rs"]
#[allow(dead_code, unused_imports)]
mod dataset;

use dataset::DataError;

fn main() {
    println!("cargo:rerun-if-env-changed=PARAM_SCALE_DATA");
    println!("cargo:rerun-if-env-changed=PARAM_SCALE_STAGES");
    println!("cargo:rerun-if-env-changed=PARAM_SCALE_STORY");
    let data_path = std::env::var("PARAM_SCALE_DATA").unwrap_or_else(|_| "data/models.csv".into());
    let stages_path = std::env::var("PARAM_SCALE_STAGES").ok().unwrap_or_else(|| {
        let beside = Path::new(&data_path).with_file_name("stages.csv");
        beside.to_string_lossy().into_owned()
    });

    let story_path = std::env::var("PARAM_SCALE_STORY").ok().unwrap_or_else(|| {
        let beside = Path::new(&data_path).with_file_name("story.csv");
        beside.to_string_lossy().into_owned()
    });

    let models = read(&data_path, true, &dataset::parse_models);
    let stages = read(&stages_path, false, &dataset::parse_stages);
    let story = read(&story_path, false, &|file, text| {
        dataset::parse_story(file, text, &models)
    });

    // The rows go in as a compact binary blob (`dataset::encode_binary`), which
    // the crate decodes once at run time: a Rust literal of 100,000 rows
    // would take rustc minutes. The blob is checked by decoding it here.
    let blob = dataset::encode_binary(&models, &stages);
    let decoded = dataset::decode_binary(blob.clone().leak());
    if decoded.as_ref() != Some(&(models, stages)) {
        fail(&["the binary form of the data does not read back as written".into()]);
    }
    let story_blob = dataset::encode_story(&story);
    if dataset::decode_story(story_blob.clone().leak()).as_ref() != Some(&story) {
        fail(&["the binary form of the story does not read back as written".into()]);
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    for (name, bytes) in [("embedded.bin", &blob), ("story.bin", &story_blob)] {
        if let Err(error) = std::fs::write(out_dir.join(name), bytes) {
            fail(&[format!("cannot write the embedded data: {error}")]);
        }
    }
    let mut code = String::new();
    let _ = writeln!(code, "/// The file the models were read from.");
    let _ = writeln!(code, "pub const DATA_FILE: &str = {:?};", data_path);
    let _ = writeln!(
        code,
        "/// The validated models and stages, as `dataset::encode_binary` wrote them."
    );
    let _ = writeln!(
        code,
        "static BLOB: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/embedded.bin\"));"
    );
    let _ = writeln!(
        code,
        "/// The validated story steps, as `dataset::encode_story` wrote them."
    );
    let _ = writeln!(
        code,
        "static STORY: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/story.bin\"));"
    );
    if let Err(error) = std::fs::write(out_dir.join("embedded.rs"), code) {
        fail(&[format!("cannot write the embedded data: {error}")]);
    }
}

/// A parser of one data file: its name and its text in, rows or errors out.
type Parser<'a, T> = &'a dyn Fn(&str, &str) -> Result<Vec<T>, Vec<DataError>>;

/// Reads and parses one file; a missing optional file gives no rows.
fn read<T>(path: &str, required: bool, parse: Parser<'_, T>) -> Vec<T> {
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
