//! Synthetic data for benchmarks: `cargo xtask dist --synthetic N`.
//!
//! [`write_csv`] writes N made-up models in the data file's format (every column of
//! `data/models.csv`), from a seeded generator, so the same N always gives the same file. The
//! rows are built like real ones, so that what the site carries and draws costs what real
//! rows would: release dates from 2017 to 2026, parameter counts from 10^8 to 10^14 that grow
//! about tenfold every two years with a wide scatter, more mixtures of experts in later years
//! (most with an active count), a few undisclosed counts, papers and a few demonstrations,
//! every region; distinct names ("Novachat 2.1 70B", in Chinese for Chinese makers) from
//! model families of up to 192 made-up organisations with Chinese names, a source URL each,
//! and a note (English and Chinese) on about one row in ten. They are marked as synthetic
//! where a reader could see it: every source URL is under `https://example.org/synthetic/`
//! and every note says the row is made up. They are written under `target/`, never into
//! `data/`, with a copy of the real `stages.csv` beside them.

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

/// The first and second half of the made-up organisations' names, with Chinese renderings:
/// `HEADS.len() × TAILS.len()` distinct names.
const HEADS: [(&str, &str); 16] = [
    ("Nor", "诺"),
    ("Vel", "维"),
    ("Quor", "夸"),
    ("Tal", "塔"),
    ("Ori", "奥"),
    ("Sen", "森"),
    ("Lum", "卢"),
    ("Kor", "科"),
    ("Ari", "阿"),
    ("Bel", "贝"),
    ("Cor", "柯"),
    ("Dra", "德"),
    ("Eno", "伊诺"),
    ("Fal", "法"),
    ("Gal", "加"),
    ("Hal", "哈"),
];
const TAILS: [(&str, &str); 12] = [
    ("wind", "风"),
    ("mora", "莫拉"),
    ("tix", "蒂克"),
    ("lon", "隆"),
    ("via", "维亚"),
    ("gen", "根"),
    ("dex", "德克"),
    ("ris", "里斯"),
    ("ana", "安娜"),
    ("quist", "奎斯特"),
    ("bay", "湾"),
    ("helm", "舵"),
];
/// What kind of maker an organisation is.
const KINDS: [(&str, &str); 6] = [
    ("Labs", "实验室"),
    ("AI", "智能"),
    ("Research", "研究院"),
    ("Technologies", "科技"),
    ("Institute", "研究所"),
    ("Systems", "系统"),
];
/// The model families' names, in two halves (`FAMILY_HEADS.len() × FAMILY_TAILS.len()`
/// families, each owned by one organisation).
const FAMILY_HEADS: [(&str, &str); 24] = [
    ("Astra", "星辰"),
    ("Bora", "北风"),
    ("Cirro", "卷云"),
    ("Dyna", "动力"),
    ("Echo", "回声"),
    ("Flux", "流光"),
    ("Gale", "疾风"),
    ("Helio", "日光"),
    ("Iris", "虹膜"),
    ("Jade", "玉"),
    ("Kite", "风筝"),
    ("Lyra", "天琴"),
    ("Mira", "明镜"),
    ("Nova", "新星"),
    ("Opal", "蛋白石"),
    ("Pixel", "像素"),
    ("Quill", "羽笔"),
    ("Rune", "符文"),
    ("Sable", "紫貂"),
    ("Tide", "潮汐"),
    ("Umbra", "暗影"),
    ("Vega", "织女"),
    ("Wren", "鹪鹩"),
    ("Zephyr", "和风"),
];
const FAMILY_TAILS: [(&str, &str); 8] = [
    ("LM", "语言模型"),
    ("chat", "对话"),
    ("coder", "编程"),
    ("vision", "视觉"),
    ("mind", "心智"),
    ("core", "核心"),
    ("sage", "智者"),
    ("wave", "浪潮"),
];

/// The regions' weights among the makers.
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

/// A made-up maker of models.
struct Organisation {
    name: String,
    name_zh: String,
    slug: String,
    country: &'static str,
}

/// The organisations of a data set of `count` models: about one per dozen models, at least 8
/// and at most `HEADS.len() × TAILS.len()`, each name distinct.
fn organisations(count: usize, random: &mut Random) -> Vec<Organisation> {
    let all = HEADS.len() * TAILS.len();
    let wanted = (count / 12).clamp(8, all);
    (0..wanted)
        .map(|index| {
            // 37 is prime to 192: every index gets a different (head, tail) pair.
            let pair = (index * 37) % all;
            let (head, head_zh) = HEADS[pair / TAILS.len()];
            let (tail, tail_zh) = TAILS[pair % TAILS.len()];
            let (kind, kind_zh) = KINDS[(random.unit() * KINDS.len() as f64) as usize];
            Organisation {
                name: format!("{head}{tail} {kind}"),
                name_zh: format!("{head_zh}{tail_zh}{kind_zh}"),
                slug: format!("{head}{tail}").to_lowercase(),
                country: random.pick(&COUNTRIES),
            }
        })
        .collect()
}

/// One synthetic row before it is written.
struct Row {
    year: u16,
    month: u8,
    day: u8,
    params: Option<u64>,
    active_params: Option<u64>,
    architecture: &'static str,
    status: &'static str,
    modality: &'static str,
    has_note: bool,
}

/// The rows of a synthetic data set of `count` models, in date order.
fn rows(count: usize, random: &mut Random) -> Vec<Row> {
    const MODALITIES: [(&str, f64); 4] = [
        ("text", 70.0),
        ("multimodal", 20.0),
        ("vision", 7.0),
        ("image", 3.0),
    ];
    const STATUSES: [(&str, f64); 3] =
        [("released", 80.0), ("paper", 19.0), ("demonstration", 1.0)];
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
            let params =
                round_count(10_f64.powf(log_params)).clamp(100_000_000, 100_000_000_000_000);
            let undisclosed = random.unit() < 0.03;
            let moe_share = 0.04 + 0.04 * (time - 2017.0);
            let architecture = if undisclosed {
                "undisclosed"
            } else if random.unit() < moe_share {
                "moe"
            } else {
                "dense"
            };
            // Most mixtures of experts say how many parameters a token uses: 3–30 %.
            let active_fraction = 0.03 + 0.27 * random.unit();
            let active_params = (architecture == "moe" && random.unit() < 0.85)
                .then(|| round_count(params as f64 * active_fraction).min(params));
            let row = Row {
                year,
                month,
                day,
                params: (!undisclosed).then_some(params),
                active_params,
                architecture,
                status: random.pick(&STATUSES),
                modality: random.pick(&MODALITIES),
                has_note: random.unit() < 0.1,
            };
            (time, row)
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, row)| row).collect()
}

/// A count rounded to three significant digits, as makers state them.
fn round_count(value: f64) -> u64 {
    let magnitude = 10_f64.powf(value.log10().floor() - 2.0).max(1.0);
    ((value / magnitude).round() * magnitude) as u64
}

/// A count as a model's name gives it: `350M`, `70B`, `1.2T`.
fn size_suffix(count: u64) -> String {
    let (value, unit) = if count >= 1_000_000_000_000 {
        (count as f64 / 1e12, "T")
    } else if count >= 1_000_000_000 {
        (count as f64 / 1e9, "B")
    } else {
        (count as f64 / 1e6, "M")
    };
    if value >= 10.0 || (value - value.round()).abs() < 0.05 {
        format!("{value:.0}{unit}")
    } else {
        format!("{value:.1}{unit}")
    }
}

/// A CSV field, quoted when it must be.
fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// The CSV text of a synthetic data set of `count` models.
pub fn csv(count: usize) -> String {
    let mut random = Random(SEED);
    let organisations = organisations(count, &mut random);
    let families = FAMILY_HEADS.len() * FAMILY_TAILS.len();
    // A few organisations make most models: weights 1, 1/2^0.8, 1/3^0.8…
    let weights: Vec<(usize, f64)> = (0..organisations.len())
        .map(|index| (index, 1.0 / ((index + 1) as f64).powf(0.8)))
        .collect();
    let mut releases = vec![0_usize; families];
    let mut text = String::with_capacity(count * 300 + 300);
    text.push_str(
        "id,name,name_zh,organization,organization_zh,country,date,params,active_params,\
         architecture,status,modality,source_url,article_claim,article_claim_en,article_date,\
         article_params,note,note_zh,article\n",
    );
    let article_every = (count / ARTICLE_MODELS).max(1);
    for (index, row) in rows(count, &mut random).into_iter().enumerate() {
        let number = index + 1;
        let maker = random.pick(&weights);
        let organisation = &organisations[maker];
        // The maker's families are those numbered maker, maker + makers, … (one at least).
        let owned = (families - maker).div_ceil(organisations.len()).max(1);
        let family = (maker + organisations.len() * (random.unit() * owned as f64) as usize)
            .min(families - 1);
        let (family_name, family_zh) = (
            FAMILY_HEADS[family / FAMILY_TAILS.len()],
            FAMILY_TAILS[family % FAMILY_TAILS.len()],
        );
        let release = releases[family];
        releases[family] += 1;
        let version = format!("{}.{}", 1 + release / 4, release % 4);
        let (name, name_zh) = names(family_name, family_zh, &version, &row, organisation);
        let id = slug(&name);
        let date = format!("{:04}-{:02}-{:02}", row.year, row.month, row.day);
        let params = row.params.map(|c| c.to_string()).unwrap_or_default();
        let active = row.active_params.map(|c| c.to_string()).unwrap_or_default();
        let in_article = number % article_every == 0;
        let (claim, claim_en, article_date) = if in_article {
            (
                format!("{}年，{}发布了{name_zh}", row.year, organisation.name_zh),
                format!("In {}, {} released {name}", row.year, organisation.name),
                row.year.to_string(),
            )
        } else {
            Default::default()
        };
        let (note, note_zh) = if row.has_note {
            notes(&name, &name_zh, organisation, &params, &date)
        } else {
            Default::default()
        };
        let _ = writeln!(
            text,
            "{id},{},{},{},{},{},{date},{params},{active},{},{},{},\
             https://example.org/synthetic/{}/{id},{},{},{article_date},,{},{},{}",
            field(&name),
            field(&name_zh),
            field(&organisation.name),
            field(&organisation.name_zh),
            organisation.country,
            row.architecture,
            row.status,
            row.modality,
            organisation.slug,
            field(&claim),
            field(&claim_en),
            field(&note),
            field(&note_zh),
            if in_article { "yes" } else { "" },
        );
    }
    text
}

/// Lowercase letters and digits of `name`, the rest as single dashes.
fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for character in name.chars() {
        if character.is_ascii_alphanumeric() {
            slug.push(character.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_owned()
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

/// The English and Chinese notes of a synthetic row: what it is made of.
fn notes(
    name: &str,
    name_zh: &str,
    organisation: &Organisation,
    params: &str,
    date: &str,
) -> (String, String) {
    let shown = if params.is_empty() {
        ("undisclosed".to_owned(), "未公开".to_owned())
    } else {
        (params.to_owned(), params.to_owned())
    };
    (
        format!(
            "Synthetic row for benchmarks: {name} and {} are made up. The count ({}) \
             follows a trend of about tenfold every two years with a wide scatter, and \
             the date ({date}) is drawn at random.",
            organisation.name, shown.0
        ),
        format!(
            "基准测试用的合成数据：{name_zh}与{}均为虚构。参数量（{}）按约每两年增长十倍的\
             趋势加上随机散布生成，日期（{date}）随机生成。",
            organisation.name_zh, shown.1
        ),
    )
}

/// A synthetic model's names in English and Chinese: family, version and size.
fn names(
    family_name: (&str, &str),
    family_zh: (&str, &str),
    version: &str,
    row: &Row,
    organisation: &Organisation,
) -> (String, String) {
    let size = row.params.map(size_suffix);
    let mut name = format!("{}{} {version}", family_name.0, family_zh.0);
    let chinese = organisation.country == "CN";
    let mut name_zh = if chinese {
        format!("{}{}{version}", family_name.1, family_zh.1)
    } else {
        name.clone()
    };
    if let Some(size) = &size {
        name.push_str(&format!(" {size}"));
        name_zh.push_str(&if chinese {
            format!("（{size}）")
        } else {
            format!(" {size}")
        });
    }
    (name, name_zh)
}

#[cfg(test)]
mod tests {
    // The imports are inside the tests: the native benches include this file, where the
    // tests are left out.

    #[test]
    fn synthetic_data_is_valid_deterministic_realistic_and_marked_synthetic() {
        use super::csv;
        use param_scale::dataset::{parse_models, Architecture, DATA_FILE_COLUMNS};
        use std::collections::HashSet;
        let text = csv(3000);
        assert_eq!(text, csv(3000), "the same N gives the same rows");
        assert_eq!(
            text.lines().next(),
            Some(DATA_FILE_COLUMNS.join(",").as_str()),
            "every column of the data file, in its order"
        );
        let models = parse_models("synthetic.csv", &text).expect("synthetic rows are valid");
        assert_eq!(models.len(), 3000);
        let distinct = |values: Vec<&str>| values.into_iter().collect::<HashSet<_>>().len();
        assert_eq!(distinct(models.iter().map(|m| &*m.name).collect()), 3000);
        assert_eq!(
            distinct(models.iter().map(|m| &*m.source_url).collect()),
            3000
        );
        let organisations = distinct(models.iter().map(|m| &*m.organization).collect());
        assert!(organisations >= 150, "{organisations} organisations");
        let notes = models.iter().filter(|m| !m.note.is_empty()).count();
        assert!((200..=400).contains(&notes), "{notes} notes in 3,000 rows");
        for model in &models {
            assert!(model
                .source_url
                .starts_with("https://example.org/synthetic/"));
            assert!(model.note.is_empty() || model.note.starts_with("Synthetic row"));
            assert_eq!(model.note.is_empty(), model.note_zh.is_empty());
            assert!((2017..=2026).contains(&model.date.year));
            if let Some(count) = model.params {
                assert!((100_000_000..=100_000_000_000_000).contains(&count));
            }
            if model.active_params.is_some() {
                assert_eq!(model.architecture, Architecture::MixtureOfExperts);
            }
        }
        let chinese = models.iter().filter(|m| m.country == "CN");
        assert!(chinese.clone().count() > 300);
        assert!(chinese.clone().all(|m| m.name_zh != m.name));
        assert!(models.iter().filter(|m| m.active_params.is_some()).count() > 100);
        assert!(models.iter().any(|m| m.is_demonstration()));
        assert!(models.iter().any(|m| m.params.is_none()));
        let disclosed: Vec<_> = models.iter().filter_map(|model| model.params).collect();
        let mean_log = |counts: &[u64]| {
            counts.iter().map(|&c| (c as f64).log10()).sum::<f64>() / counts.len() as f64
        };
        let early = mean_log(&disclosed[..300]);
        let late = mean_log(&disclosed[disclosed.len() - 300..]);
        assert!(late > early + 2.0, "counts trend upward: {early} → {late}");
        let article = models.iter().filter(|model| model.in_article).count();
        assert_eq!(article, 12);
    }

    #[test]
    fn large_and_small_data_sets_are_valid_too() {
        use super::csv;
        use param_scale::dataset::parse_models;
        for count in [1, 10, 100_000] {
            let models = parse_models("synthetic.csv", &csv(count)).expect("valid rows");
            assert_eq!(models.len(), count);
        }
    }

    #[test]
    fn counts_are_rounded_and_named_as_makers_do() {
        use super::{round_count, size_suffix};
        assert_eq!(round_count(70_449_000_000.0), 70_400_000_000);
        assert_eq!(round_count(123.4), 123);
        assert_eq!(size_suffix(70_400_000_000), "70B");
        assert_eq!(size_suffix(1_230_000_000_000), "1.2T");
        assert_eq!(size_suffix(350_000_000), "350M");
        assert_eq!(size_suffix(3_000_000_000), "3B");
    }
}
