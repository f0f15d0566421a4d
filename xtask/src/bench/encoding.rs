//! What the embedded data costs: the binary blob `build.rs` embeds in the module
//! (`param_scale::dataset::encode_binary`, `OUT_DIR/embedded.bin`) against the same rows
//! written as JSON, both gzip -9. The blob must cost no more than the JSON would.
//!
//! The JSON is what a chart library would be handed: an array of one object per model with
//! the data file's column names as keys, numbers as numbers, empty fields left out, and the
//! stages beside them (the blob holds them too).

use anyhow::{bail, Result};
use param_scale::dataset::{encode_binary, parse_models, parse_stages, Model, Stage};
use serde_json::{json, Map, Value};

use crate::dist;

/// The two encodings of one data set, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EncodingComparison {
    pub(crate) rows: usize,
    pub(crate) blob_raw: u64,
    pub(crate) blob_gzip: u64,
    pub(crate) json_raw: u64,
    pub(crate) json_gzip: u64,
}

impl EncodingComparison {
    /// Whether the blob costs no more than the JSON, gzip -9.
    pub(crate) fn blob_is_no_larger(&self) -> bool {
        self.blob_gzip <= self.json_gzip
    }

    pub(crate) fn to_json(self) -> Value {
        json!({
            "rows": self.rows,
            "blob_raw_bytes": self.blob_raw,
            "blob_gzip9_bytes": self.blob_gzip,
            "json_raw_bytes": self.json_raw,
            "json_gzip9_bytes": self.json_gzip,
            "blob_no_larger_than_json_gzip9": self.blob_is_no_larger(),
        })
    }
}

/// The rows as JSON: `{"models": [{column: value, …}, …], "stages": […]}`.
pub(crate) fn rows_json(models: &[Model], stages: &[Stage]) -> Value {
    let models: Vec<Value> = models.iter().map(model_json).collect();
    let stages: Vec<Value> = stages
        .iter()
        .map(|stage| {
            json!({
                "id": stage.id,
                "label": stage.label,
                "label_zh": stage.label_zh,
                "scale": stage.scale,
                "scale_zh": stage.scale_zh,
                "params_from": stage.params_from,
                "params_to": stage.params_to,
            })
        })
        .collect();
    json!({ "models": models, "stages": stages })
}

/// One model as a JSON object keyed by the data file's columns; empty fields are left out.
fn model_json(model: &Model) -> Value {
    let mut object = Map::new();
    let mut text = |key: &str, value: &str| {
        if !value.is_empty() {
            object.insert(key.to_owned(), Value::from(value));
        }
    };
    text("id", &model.id);
    text("name", &model.name);
    text("name_zh", &model.name_zh);
    text("organization", &model.organization);
    text("organization_zh", &model.organization_zh);
    text("country", &model.country);
    text("date", &model.date.to_string());
    text("architecture", model.architecture.code());
    text("status", model.status.code());
    text("modality", model.modality.code());
    text("source_url", &model.source_url);
    text("article_claim", &model.article_claim);
    text("article_claim_en", &model.article_claim_en);
    text(
        "article_date",
        &model
            .article_date
            .map(|date| date.to_string())
            .unwrap_or_default(),
    );
    text("note", &model.note);
    text("note_zh", &model.note_zh);
    for (key, count) in [
        ("params", model.params),
        ("active_params", model.active_params),
        ("article_params", model.article_params),
    ] {
        if let Some(count) = count {
            object.insert(key.to_owned(), Value::from(count));
        }
    }
    if model.in_article {
        object.insert("article".to_owned(), Value::Bool(true));
    }
    Value::Object(object)
}

/// Both encodings of these rows, raw and gzip -9.
pub(crate) fn compare(models: &[Model], stages: &[Stage]) -> Result<EncodingComparison> {
    let blob = encode_binary(models, stages);
    let json = serde_json::to_vec(&rows_json(models, stages))?;
    Ok(EncodingComparison {
        rows: models.len(),
        blob_raw: blob.len() as u64,
        blob_gzip: dist::gzip(&blob)?.len() as u64,
        json_raw: json.len() as u64,
        json_gzip: dist::gzip(&json)?.len() as u64,
    })
}

/// Both encodings of a `models.csv` text and a `stages.csv` text, validated as `build.rs`
/// validates them.
pub(crate) fn compare_csv(models_csv: &str, stages_csv: &str) -> Result<EncodingComparison> {
    let models = match parse_models("models.csv", models_csv) {
        Ok(models) => models,
        Err(errors) => bail!("the models do not validate: {}", errors[0]),
    };
    let stages = match parse_stages("stages.csv", stages_csv) {
        Ok(stages) => stages,
        Err(errors) => bail!("the stages do not validate: {}", errors[0]),
    };
    compare(&models, &stages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::workspace_root;
    use crate::synthetic;

    fn stages_csv() -> String {
        std::fs::read_to_string(workspace_root().join("data").join("stages.csv"))
            .expect("data/stages.csv")
    }

    #[test]
    fn the_json_holds_every_field_of_a_row_and_leaves_out_empty_ones() {
        let text = synthetic::csv(40);
        let models = parse_models("s.csv", &text).expect("valid rows");
        let value = rows_json(&models, &[]);
        let rows = value["models"].as_array().expect("an array of models");
        assert_eq!(rows.len(), 40);
        let row = &rows[0];
        assert_eq!(row["id"], *models[0].id);
        assert_eq!(row["date"], models[0].date.to_string());
        assert!(row["params"].is_u64() || models[0].params.is_none());
        assert!(row.get("article_claim").is_none() || !models[0].article_claim.is_empty());
        let in_article = rows.iter().filter(|row| row["article"] == true).count();
        assert_eq!(in_article, models.iter().filter(|m| m.in_article).count());
    }

    #[test]
    fn the_comparison_encodes_the_rows_both_ways() {
        let text = synthetic::csv(300);
        let comparison = compare_csv(&text, &stages_csv()).expect("valid data");
        let models = parse_models("s.csv", &text).expect("valid rows");
        let stages = parse_stages("stages.csv", &stages_csv()).expect("valid stages");
        assert_eq!(comparison.rows, 300);
        assert_eq!(
            comparison.blob_raw,
            encode_binary(&models, &stages).len() as u64
        );
        let json = serde_json::to_vec(&rows_json(&models, &stages)).expect("JSON");
        assert_eq!(comparison.json_raw, json.len() as u64);
        assert!(comparison.blob_gzip < comparison.blob_raw);
        assert!(comparison.json_gzip < comparison.json_raw);
        assert!(compare_csv("id\n", &stages_csv()).is_err());
    }

    /// Issue 15's requirement on the data format (`src/dataset/blob.rs`); `cargo xtask bench`
    /// reports the same comparison.
    #[test]
    fn the_embedded_blob_costs_no_more_than_json_for_real_and_synthetic_rows() {
        let stages = stages_csv();
        let real = std::fs::read_to_string(workspace_root().join("data").join("models.csv"))
            .expect("data/models.csv");
        for (name, models) in [("real", real), ("3,000", synthetic::csv(3_000))] {
            let comparison = compare_csv(&models, &stages).expect("valid data");
            assert!(comparison.rows > 100, "{name}: {comparison:?}");
            assert!(comparison.blob_gzip > 0 && comparison.json_gzip > 0);
            assert!(
                comparison.blob_is_no_larger(),
                "{name}: the blob costs more than JSON: {comparison:?}"
            );
        }
    }

    #[test]
    fn a_larger_blob_is_reported_as_larger() {
        let comparison = EncodingComparison {
            rows: 1,
            blob_raw: 10,
            blob_gzip: 9,
            json_raw: 20,
            json_gzip: 8,
        };
        assert!(!comparison.blob_is_no_larger());
        assert_eq!(
            comparison.to_json()["blob_no_larger_than_json_gzip9"],
            false
        );
    }
}
