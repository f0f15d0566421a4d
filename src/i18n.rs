//! Every word the chart shows, in Chinese and English.
//!
//! All text goes through this one table, so that adding a language or fixing
//! a phrase happens in one place. Phrases with numbers in them are functions
//! of those numbers: counts in the reader's units (`1750亿`, `175B`) and
//! dates (`2020年5月28日`, `28 May 2020`) are here, with their units and month
//! names; [`crate::format`] only rounds numbers.

use crate::dataset::{Architecture, Date, Model, Region, Stage, Status};
use crate::format::scaled_count;
pub use crate::lang::Lang;
use crate::options::{AxisScale, CountBasis};

/// The units of a count in `lang`, largest first: Chinese counts in 万
/// (10⁴), 亿 (10⁸) and 万亿 (10¹²), English in K, M, B and T.
pub fn count_units(lang: Lang) -> &'static [(f64, &'static str)] {
    match lang {
        Lang::Zh => &[(1e12, "万亿"), (1e8, "亿"), (1e4, "万")],
        Lang::En => &[(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")],
    }
}

/// The short form of a count: zh `1750亿`, `1.6万亿`; en `175B`, `1.6T`.
/// At most four significant digits and two decimals; trailing zeros dropped.
/// Tick labels and point labels use it.
pub fn short_count(count: f64, lang: Lang) -> String {
    scaled_count(count, count_units(lang), "")
}

/// The long English form: `175 billion`, `1.6 trillion`, `117 million`.
pub fn long_count_en(count: f64) -> String {
    const UNITS: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
    scaled_count(count, &UNITS, " ")
}

/// A count in both of the reader's forms: zh `1750亿（175B）`, en
/// `175B (175 billion)`.
pub fn count_both_forms(count: u64, lang: Lang) -> String {
    let count = count as f64;
    match lang {
        Lang::Zh => format!(
            "{}（{}）",
            short_count(count, Lang::Zh),
            short_count(count, Lang::En)
        ),
        Lang::En => format!(
            "{} ({})",
            short_count(count, Lang::En),
            long_count_en(count)
        ),
    }
}

/// The English name of month `month` (1–12; out of range is clamped).
pub fn month_name_en(month: u8) -> &'static str {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS[usize::from(month.clamp(1, 12)) - 1]
}

/// A date as the reader writes it: zh `2020年5月28日`, en `28 May 2020`;
/// without a day, zh `2021年8月`, en `August 2021`; a year alone, zh
/// `2019年`, en `2019`.
pub fn date_text(date: Date, lang: Lang) -> String {
    if date.month == 0 {
        // Only the year is known (an article's date).
        return match lang {
            Lang::Zh => format!("{}年", date.year),
            Lang::En => date.year.to_string(),
        };
    }
    let month_name = month_name_en(date.month);
    match (lang, date.day) {
        (Lang::Zh, 0) => format!("{}年{}月", date.year, date.month),
        (Lang::Zh, day) => format!("{}年{}月{}日", date.year, date.month, day),
        (Lang::En, 0) => format!("{month_name} {}", date.year),
        (Lang::En, day) => format!("{day} {month_name} {}", date.year),
    }
}

/// Fixed phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    Title,
    SourceLine,
    Undisclosed,
    Dense,
    MixtureOfExperts,
    Trend,
    /// The language button shows the language it switches to.
    OtherLanguage,
    /// The brush's thumbs: the first and the last year shown.
    FromYear,
    ToYear,
    /// The brush as a whole, a group of the two thumbs.
    YearsShown,
    ShowAll,
    CopyLink,
    Copied,
    CopyFailed,
    Controls,
    /// The menu button that holds the chart's other actions.
    More,
    /// The search field's label and placeholder.
    FindModel,
    KeyboardHelp,
    LegendLabel,
    DataTable,
    Embed,
    EmbedIframe,
    EmbedScript,
    DownloadPng,
    DownloadSvg,
    DownloadCsv,
    Download,
    /// The legend's entry for hollow markers.
    Demonstration,
    /// The data table's first column.
    ModelLabel,
    /// Tooltip row labels (and the data table's other columns).
    Organization,
    Released,
    Parameters,
    ArchitectureLabel,
    Kind,
    SourceLabel,
    /// Before the article's claim in a tooltip.
    ArticleSays,
    /// The legend's toggle of the article's claims.
    AsTheArticleSays,
    /// A ghost's tooltip row: where the article puts the model.
    ArticleClaims,
    /// The story's button, and its controls.
    Story,
    StoryPrevious,
    StoryNext,
    StoryLeave,
    /// Before the reason, when the chart could not be drawn.
    ChartNotDrawn,
    /// Above the static chart, when the chart stopped on an error.
    ChartStopped,
    /// Something the reader asked for did not work; the chart stays.
    ActionFailed,
    /// The pinned tooltip's close button (its accessible name).
    Close,
}

/// The words of `phrase` in `lang`.
#[expect(
    clippy::too_many_lines,
    reason = "the translation table: one arm per phrase and language, each language's words side by side; split, a phrase would be looked for in two places"
)]
pub fn phrase(phrase: Phrase, lang: Lang) -> &'static str {
    use Phrase::*;
    match (phrase, lang) {
        (Title, Lang::Zh) => "大模型参数规模的增长",
        (Title, Lang::En) => "How large AI models grew",
        (SourceLine, Lang::Zh) => "数据：各模型的论文或官方发布，逐条见数据表 · Param Scale",
        (SourceLine, Lang::En) => {
            "Data: each model's paper or announcement, listed in the data table · Param Scale"
        }
        (Undisclosed, Lang::Zh) => "参数未公开",
        (Undisclosed, Lang::En) => "size undisclosed",
        (Dense, Lang::Zh) => "稠密模型",
        (Dense, Lang::En) => "Dense",
        (MixtureOfExperts, Lang::Zh) => "混合专家（MoE）",
        (MixtureOfExperts, Lang::En) => "Mixture of experts",
        (Trend, Lang::Zh) => "趋势",
        (Trend, Lang::En) => "Trend",
        (OtherLanguage, Lang::Zh) => "English",
        (OtherLanguage, Lang::En) => "中文",
        (FromYear, Lang::Zh) => "起始年份",
        (FromYear, Lang::En) => "From year",
        (ToYear, Lang::Zh) => "结束年份",
        (ToYear, Lang::En) => "To year",
        (YearsShown, Lang::Zh) => "显示的年份",
        (YearsShown, Lang::En) => "Years shown",
        (ShowAll, Lang::Zh) => "全部显示",
        (ShowAll, Lang::En) => "Show all",
        (CopyLink, Lang::Zh) => "复制链接",
        (CopyLink, Lang::En) => "Copy link",
        (Copied, Lang::Zh) => "已复制",
        (Copied, Lang::En) => "Copied",
        (CopyFailed, Lang::Zh) => "请手动复制：",
        (CopyFailed, Lang::En) => "Copy this link:",
        (Controls, Lang::Zh) => "图表控制",
        (Controls, Lang::En) => "Chart controls",
        (More, Lang::Zh) => "⋯ 更多",
        (More, Lang::En) => "⋯ More",
        (FindModel, Lang::Zh) => "查找模型",
        (FindModel, Lang::En) => "Find a model",
        (KeyboardHelp, Lang::Zh) => {
            "用方向键逐个浏览模型（←→按时间，↑↓按规模），Home/End 跳到首尾，回车固定，Esc 取消。在图上拖动可放大时间段。"
        }
        (KeyboardHelp, Lang::En) => {
            "Arrow keys move between models (←/→ by date, ↑/↓ by size), Home/End jump to the ends, Enter pins, Esc clears. Drag across the plot to zoom to a period."
        }
        (LegendLabel, Lang::Zh) => "图例：显示或隐藏",
        (LegendLabel, Lang::En) => "Legend: show or hide",
        (DataTable, Lang::Zh) => "数据表",
        (DataTable, Lang::En) => "Data table",
        (Embed, Lang::Zh) => "嵌入",
        (Embed, Lang::En) => "Embed",
        (EmbedIframe, Lang::Zh) => "iframe 嵌入代码（任何网页）",
        (EmbedIframe, Lang::En) => "iframe embed (any page)",
        (EmbedScript, Lang::Zh) => "脚本嵌入代码（允许脚本的网页，无 iframe）",
        (EmbedScript, Lang::En) => "Script embed (pages that allow scripts; no iframe)",
        (DownloadPng, Lang::Zh) => "下载 PNG",
        (DownloadPng, Lang::En) => "Download PNG",
        (DownloadSvg, Lang::Zh) => "下载 SVG",
        (DownloadSvg, Lang::En) => "Download SVG",
        (DownloadCsv, Lang::Zh) => "下载 CSV",
        (DownloadCsv, Lang::En) => "Download CSV",
        (Download, Lang::Zh) => "下载",
        (Download, Lang::En) => "Download",
        (Demonstration, Lang::Zh) => "演示（空心）",
        (Demonstration, Lang::En) => "Demonstration (hollow)",
        (ModelLabel, Lang::Zh) => "模型",
        (ModelLabel, Lang::En) => "Model",
        (Organization, Lang::Zh) => "机构",
        (Organization, Lang::En) => "Organization",
        (Released, Lang::Zh) => "发布",
        (Released, Lang::En) => "Released",
        (Parameters, Lang::Zh) => "参数量",
        (Parameters, Lang::En) => "Parameters",
        (ArchitectureLabel, Lang::Zh) => "架构",
        (ArchitectureLabel, Lang::En) => "Architecture",
        (Kind, Lang::Zh) => "类型",
        (Kind, Lang::En) => "What it is",
        (SourceLabel, Lang::Zh) => "来源",
        (SourceLabel, Lang::En) => "Source",
        (ArticleSays, Lang::Zh) => "文中称：",
        (ArticleSays, Lang::En) => "The article says: ",
        (AsTheArticleSays, Lang::Zh) => "文中所述",
        (AsTheArticleSays, Lang::En) => "As the article says",
        (ArticleClaims, Lang::Zh) => "文中称",
        (ArticleClaims, Lang::En) => "The article says",
        (Story, Lang::Zh) => "故事",
        (Story, Lang::En) => "Story",
        (StoryPrevious, Lang::Zh) => "上一步",
        (StoryPrevious, Lang::En) => "Previous",
        (StoryNext, Lang::Zh) => "下一步",
        (StoryNext, Lang::En) => "Next",
        (StoryLeave, Lang::Zh) => "退出故事",
        (StoryLeave, Lang::En) => "Leave the story",
        (ChartNotDrawn, Lang::Zh) => "图表无法显示：",
        (ChartNotDrawn, Lang::En) => "The chart could not be drawn:",
        (ChartStopped, Lang::Zh) => "图表出错，已停止；下面是静态图表。",
        (ChartStopped, Lang::En) => "The chart stopped on an error; below is its static version.",
        (ActionFailed, Lang::Zh) => "操作未能完成，图表未受影响。",
        (ActionFailed, Lang::En) => "That did not work; the chart is unchanged.",
        (Close, Lang::Zh) => "关闭",
        (Close, Lang::En) => "Close",
    }
}

pub fn region_name(region: Region, lang: Lang) -> &'static str {
    match (region, lang) {
        (Region::UnitedStates, Lang::Zh) => "美国",
        (Region::UnitedStates, Lang::En) => "United States",
        (Region::Europe, Lang::Zh) => "欧洲",
        (Region::Europe, Lang::En) => "Europe",
        (Region::China, Lang::Zh) => "中国",
        (Region::China, Lang::En) => "China",
        (Region::Other, Lang::Zh) => "其他",
        (Region::Other, Lang::En) => "Other",
    }
}

pub fn architecture_name(architecture: Architecture, lang: Lang) -> &'static str {
    match architecture {
        Architecture::Dense => phrase(Phrase::Dense, lang),
        Architecture::MixtureOfExperts => phrase(Phrase::MixtureOfExperts, lang),
        Architecture::Undisclosed => phrase(Phrase::Undisclosed, lang),
    }
}

/// The subtitle: what is plotted, over which years, on which scale.
pub fn subtitle(
    first_year: u16,
    last_year: u16,
    count: CountBasis,
    scale: AxisScale,
    lang: Lang,
) -> String {
    let scale_words = match (lang, scale) {
        (Lang::Zh, AxisScale::Log) => "（对数坐标）",
        (Lang::Zh, AxisScale::Linear) => "（线性坐标）",
        (Lang::En, AxisScale::Log) => " (log scale)",
        (Lang::En, AxisScale::Linear) => " (linear scale)",
    };
    match (lang, count) {
        (Lang::Zh, CountBasis::Total) => {
            format!("{first_year}—{last_year}年主要模型的参数量{scale_words}")
        }
        (Lang::Zh, CountBasis::Active) => format!(
            "{first_year}—{last_year}年主要模型的参数量，混合专家模型按激活参数计{scale_words}"
        ),
        (Lang::En, CountBasis::Total) => {
            format!("Parameter counts of notable models, {first_year}–{last_year}{scale_words}")
        }
        (Lang::En, CountBasis::Active) => format!(
            "Parameter counts of notable models, {first_year}–{last_year}, mixtures of experts at their active count{scale_words}"
        ),
    }
}

/// The name of a y scale on its switch: 对数 / 线性, log / linear.
pub fn scale_name(scale: AxisScale, lang: Lang) -> &'static str {
    match (scale, lang) {
        (AxisScale::Log, Lang::Zh) => "对数",
        (AxisScale::Log, Lang::En) => "log",
        (AxisScale::Linear, Lang::Zh) => "线性",
        (AxisScale::Linear, Lang::En) => "linear",
    }
}

/// The hint by the y axis: how to read its steps.
pub fn scale_hint(scale: AxisScale, lang: Lang) -> &'static str {
    match (scale, lang) {
        (AxisScale::Log, Lang::Zh) => "每格 ×10",
        (AxisScale::Log, Lang::En) => "each step ×10",
        (AxisScale::Linear, Lang::Zh) => "从零起，等距",
        (AxisScale::Linear, Lang::En) => "from zero, even steps",
    }
}

/// Where the story is: `3 / 9`, spoken as `第3步，共9步` / `Step 3 of 9`
/// by the live region (the same text: a screen reader reads it as written).
pub fn step_counter(number: u32, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第{number}步，共{total}步"),
        Lang::En => format!("Step {number} of {total}"),
    }
}

/// The legend's name of a count basis.
pub fn count_basis_name(basis: CountBasis, lang: Lang) -> &'static str {
    match (basis, lang) {
        (CountBasis::Total, Lang::Zh) => "总参数",
        (CountBasis::Total, Lang::En) => "Total",
        (CountBasis::Active, Lang::Zh) => "激活参数",
        (CountBasis::Active, Lang::En) => "Active",
    }
}

/// The note of the active view: how many mixtures of experts it leaves out.
pub fn without_active_count(count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Zh, _) => format!("另有{count}个混合专家模型未公布激活参数，未显示"),
        (Lang::En, 1) => "1 MoE model without a published active count is not shown".to_owned(),
        (Lang::En, _) => {
            format!("{count} MoE models without a published active count are not shown")
        }
    }
}

/// The trend's label: its doubling time, the period it was fitted over, the
/// count it was fitted on, and, where there are demonstrations, whether
/// they count in it.
pub fn trend_label(
    doubling_months: f64,
    (from_year, to_year): (u16, u16),
    count: CountBasis,
    demonstrations: Option<bool>,
    lang: Lang,
) -> String {
    let months = format!("{doubling_months:.1}");
    let basis = count_basis_name(count, lang);
    let demos = match (demonstrations, lang) {
        (None, _) => "",
        (Some(false), Lang::Zh) => "，不含演示",
        (Some(true), Lang::Zh) => "，含演示",
        (Some(false), Lang::En) => ", demonstrations left out",
        (Some(true), Lang::En) => ", demonstrations included",
    };
    match lang {
        Lang::Zh => format!(
            "趋势（{basis}）：约每{months}个月翻一番（{from_year}—{to_year}年最小二乘拟合{demos}）"
        ),
        Lang::En => format!(
            "Trend ({}): doubling every {months} months (least squares, {from_year}–{to_year}{demos})",
            basis.to_ascii_lowercase()
        ),
    }
}

/// What a point is, for the tooltip: `None` for a released model, which
/// needs no word.
pub fn status_text(status: Status, lang: Lang) -> Option<&'static str> {
    match (status, lang) {
        (Status::Released, _) => None,
        (Status::Paper, Lang::Zh) => Some("论文中的模型，未发布"),
        (Status::Paper, Lang::En) => Some("Described in a paper, not released"),
        (Status::Demonstration, Lang::Zh) => {
            Some("规模演示：为展示系统能力而进行的训练，并非可用的模型；趋势默认不计入")
        }
        (Status::Demonstration, Lang::En) => Some(
            "Demonstration: a run made to show a system's scale, not a model people used; left out of the trend by default",
        ),
    }
}

/// Both counts of a mixture of experts: `1万亿（1T）总参数 · 320亿（32B）激活`.
pub fn total_and_active(total: &str, active: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{total}总参数 · {active}激活"),
        Lang::En => format!("{total} total · {active} active"),
    }
}

/// The data table's caption: the chart's title and how many models.
pub fn table_caption(n_models: usize, lang: Lang) -> String {
    let title = phrase(Phrase::Title, lang);
    match lang {
        Lang::Zh => format!("{title}：{n_models}个模型的数据"),
        Lang::En => format!("{title}: data for {n_models} models"),
    }
}

/// The name of a model in `lang`.
pub fn model_name(model: &Model, lang: Lang) -> &str {
    match lang {
        Lang::Zh => &model.name_zh,
        Lang::En => &model.name,
    }
}

/// A model's name as a label on the chart: its name without a trailing
/// explanation in brackets (`MT-NLG（威震天-图灵）` → `MT-NLG`), which the
/// tooltip still shows. Brackets of five characters or fewer are kept, as
/// they tell variants apart (`CPM-2 (MoE)`, `InternLM (104B)`); where the
/// name is the start of what the brackets say, the brackets are the label
/// (`GPT (GPT-1)` → `GPT-1`).
pub fn label_name(model: &Model, lang: Lang) -> &str {
    let name = model_name(model, lang);
    let Some(inner) = name.strip_suffix(')').or_else(|| name.strip_suffix('）')) else {
        return name;
    };
    let Some(open) = inner.rfind(['(', '（']) else {
        return name;
    };
    let bracket = inner[open..].chars().next().map_or(1, char::len_utf8);
    let (head, said) = (inner[..open].trim_end(), &inner[open + bracket..]);
    if !head.is_empty() && said.starts_with(head) {
        said
    } else if head.is_empty() || said.chars().count() <= 5 {
        name
    } else {
        head
    }
}

/// The label of a stage, with its scale when it has one.
pub fn stage_label(stage: &Stage, lang: Lang) -> String {
    let (label, scale) = match lang {
        Lang::Zh => (&stage.label_zh, &stage.scale_zh),
        Lang::En => (&stage.label, &stage.scale),
    };
    if scale.is_empty() {
        label.to_string()
    } else {
        format!("{label} · {scale}")
    }
}

/// The chart's accessible description, generated from the data: how many
/// models, the span of years, the smallest and largest, and the trend.
pub fn chart_description(models: &[&Model], doubling_months: Option<f64>, lang: Lang) -> String {
    let disclosed: Vec<&Model> = models
        .iter()
        .copied()
        .filter(|model| model.params.is_some())
        .collect();
    let first = models
        .iter()
        .map(|model| model.date.year)
        .min()
        .unwrap_or(0);
    let last = models
        .iter()
        .map(|model| model.date.year)
        .max()
        .unwrap_or(0);
    let smallest = disclosed.iter().min_by_key(|model| model.params);
    let largest = disclosed.iter().max_by_key(|model| model.params);
    let undisclosed = models.len() - disclosed.len();
    let count = |model: &Model| short_count(model.params.unwrap_or(0) as f64, lang);
    let mut text = match lang {
        Lang::Zh => format!(
            "{first}—{last}年的{}个模型，其中{}个参数量未公开。",
            models.len(),
            undisclosed
        ),
        Lang::En => format!(
            "{} models from {first} to {last}, {undisclosed} of them with undisclosed size.",
            models.len()
        ),
    };
    if let (Some(smallest), Some(largest)) = (smallest, largest) {
        text.push_str(&match lang {
            Lang::Zh => format!(
                "最小的是{}（{}），最大的是{}（{}）。",
                model_name(smallest, lang),
                count(smallest),
                model_name(largest, lang),
                count(largest)
            ),
            Lang::En => format!(
                " Smallest: {} ({}); largest: {} ({}).",
                model_name(smallest, lang),
                count(smallest),
                model_name(largest, lang),
                count(largest)
            ),
        });
    }
    if let Some(months) = doubling_months {
        text.push_str(&match lang {
            Lang::Zh => format!("拟合趋势约每{months:.1}个月翻一番。"),
            Lang::En => format!(" The fitted trend doubles every {months:.1} months."),
        });
    }
    text
}
