//! Synthetic data for benchmarks: `cargo xtask dist --synthetic N`.
//!
//! [`write_csv`] writes N made-up models in the data file's format, from a seeded generator, so
//! the same N always gives the same file. The rows look like a real field — release dates from
//! 2017 to 2026, parameter counts from 10^8 to 10^14 that grow about tenfold every two years
//! with a wide scatter, more mixtures of experts in later years, a few undisclosed counts, and
//! every region — but they are marked as synthetic everywhere a reader could see them: the
//! names ("Synthetic model 00042"), the organization ("Synthetic"), the note, and a
//! `source_url` under `https://example.org/synthetic/`. They are written under `target/`,
//! never into `data/`, with a copy of the real `stages.csv` beside them.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The seed of every synthetic data set: the rows depend only on N.
const SEED: u64 = 0x05ee_d0f5_ca1e;

/// How many synthetic models are marked as named by the article (their labels come first).
const ARTICLE_MODELS: usize = 12;

/// A small, fast, deterministic generator (SplitMix64).
struct Random(u64);

impl Random {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1_u64 << 53) as f64
    }

    /// A roughly normal number with mean 0 and standard deviation 1 (sum of uniforms).
    fn normal(&mut self) -> f64 {
        (0..6).map(|_| self.unit()).sum::<f64>() * std::f64::consts::SQRT_2 - 6.0 / 2.0_f64.sqrt()
    }

    /// One of `choices`, by weight.
    fn pick<T: Copy>(&mut self, choices: &[(T, f64)]) -> T {
        let total: f64 = choices.iter().map(|(_, weight)| weight).sum();
        let mut left = self.unit() * total;
        for (choice, weight) in choices {
            if left < *weight {
                return *choice;
            }
            left -= weight;
        }
        choices[choices.len() - 1].0
    }
}

/// One synthetic row before it is written.
struct Row {
    year: u16,
    month: u8,
    day: u8,
    params: Option<u64>,
    architecture: &'static str,
    country: &'static str,
    modality: &'static str,
}

/// The rows of a synthetic data set of `count` models, in date order.
fn rows(count: usize) -> Vec<Row> {
    const COUNTRIES: [(&str, f64); 10] = [
        ("US", 44.0),
        ("CN", 30.0),
        ("GB", 5.0),
        ("FR", 5.0),
        ("DE", 4.0),
        ("KR", 4.0),
        ("JP", 3.0),
        ("CA", 2.0),
        ("IL", 1.5),
        ("AE", 1.5),
    ];
    const MODALITIES: [(&str, f64); 4] = [
        ("text", 70.0),
        ("multimodal", 20.0),
        ("vision", 7.0),
        ("image", 3.0),
    ];
    let mut random = Random(SEED);
    let mut rows: Vec<(f64, Row)> = (0..count)
        .map(|_| {
            // Dates from 2017 to 2026, more of them in later years as the field grew.
            let time = 2017.0 + 10.0 * random.unit().sqrt().max(random.unit());
            let year = (time.floor() as u16).clamp(2017, 2026);
            let month = ((time.fract() * 12.0).floor() as u8 + 1).min(12);
            let day = 1 + (random.unit() * 28.0) as u8;
            // log10(params): about 8.3 in 2017, rising half a decade a year, with scatter.
            let trend = 8.3 + 0.5 * (time - 2017.0);
            let log_params = (trend + 0.75 * random.normal()).clamp(8.0, 14.0);
            let mantissa_digits = 10_f64.powf(log_params - log_params.floor() + 2.0).round();
            let params = mantissa_digits as u64 * 10_u64.pow(log_params.floor() as u32 - 2);
            let undisclosed = random.unit() < 0.001;
            let moe_share = 0.04 + 0.04 * (time - 2017.0);
            let architecture = if undisclosed {
                "undisclosed"
            } else if random.unit() < moe_share {
                "moe"
            } else {
                "dense"
            };
            let row = Row {
                year,
                month,
                day,
                params: (!undisclosed).then_some(params.clamp(100_000_000, 100_000_000_000_000)),
                architecture,
                country: random.pick(&COUNTRIES),
                modality: random.pick(&MODALITIES),
            };
            (time, row)
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, row)| row).collect()
}

/// The CSV text of a synthetic data set of `count` models.
pub fn csv(count: usize) -> String {
    let width = count.to_string().len().max(5);
    let mut text = String::with_capacity(count * 260 + 200);
    text.push_str(
        "id,name,name_zh,organization,organization_zh,country,date,params,architecture,\
         modality,source_url,article_claim,note,article\n",
    );
    let article_every = (count / ARTICLE_MODELS).max(1);
    for (index, row) in rows(count).into_iter().enumerate() {
        let number = index + 1;
        let params = row
            .params
            .map(|count| count.to_string())
            .unwrap_or_default();
        let in_article = if number % article_every == 0 {
            "yes"
        } else {
            ""
        };
        let _ = writeln!(
            text,
            "synthetic-{number:0width$},Synthetic model {number:0width$},合成模型 {number:0width$},\
             Synthetic,合成,{},{:04}-{:02}-{:02},{params},{},{},\
             https://example.org/synthetic/{number:0width$},,\
             Synthetic row for benchmarks: not a real model.,{in_article}",
            row.country, row.year, row.month, row.day, row.architecture, row.modality,
        );
    }
    text
}

/// Writes a synthetic data set of `count` models (and a copy of the real `stages.csv`) under
/// `target/synthetic/<count>/` and returns the path of its `models.csv`.
///
/// std-only (no anyhow), so that the native benches (`benches/`) can include this file too.
pub fn write_csv(root: &Path, count: usize) -> io::Result<PathBuf> {
    let dir = root
        .join("target")
        .join("synthetic")
        .join(count.to_string());
    fs::create_dir_all(&dir)?;
    let path = dir.join("models.csv");
    let text = csv(count);
    // Rewrite only when it changed, so cargo does not rebuild for an identical file.
    if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        fs::write(&path, text)?;
    }
    let stages = root.join("data").join("stages.csv");
    let stages_copy = dir.join("stages.csv");
    if fs::read(&stages).ok() != fs::read(&stages_copy).ok() {
        fs::copy(&stages, &stages_copy)?;
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_data_is_valid_deterministic_and_marked_synthetic() {
        use super::csv;
        use param_scale::dataset::parse_models;
        let text = csv(3000);
        assert_eq!(text, csv(3000), "the same N gives the same rows");
        let models = parse_models("synthetic.csv", &text).expect("synthetic rows are valid");
        assert_eq!(models.len(), 3000);
        for model in &models {
            assert!(model.name.starts_with("Synthetic model "), "{}", model.name);
            assert_eq!(model.organization, "Synthetic");
            assert!(model
                .source_url
                .starts_with("https://example.org/synthetic/"));
            assert!((2017..=2026).contains(&model.date.year));
            if let Some(count) = model.params {
                assert!((100_000_000..=100_000_000_000_000).contains(&count));
            }
        }
        let disclosed: Vec<_> = models.iter().filter_map(|model| model.params).collect();
        let early = disclosed[..300]
            .iter()
            .map(|&c| (c as f64).log10())
            .sum::<f64>()
            / 300.0;
        let late = disclosed[disclosed.len() - 300..]
            .iter()
            .map(|&c| (c as f64).log10())
            .sum::<f64>()
            / 300.0;
        assert!(late > early + 2.0, "counts trend upward: {early} → {late}");
        assert!(models.iter().any(|model| model.in_article));
    }
}
