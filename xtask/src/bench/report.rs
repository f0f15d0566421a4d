//! The runs of every case as medians: the JSON of `target/bench.json` and the Markdown
//! tables of the README, each figure with a target marked met or missed, and by how much.

use serde_json::{json, Value};

use super::encoding::EncodingComparison;
use super::measure::{Response, Run};
use super::{
    Profile, Targets, HEAP_GROWTH_TARGET, PHONE_CPU_SLOWDOWN, PHONE_NETWORK, PHONE_PIXEL_RATIO,
    TIMED_MOVES,
};

/// The median of some numbers (the mean of the middle two for an even count).
pub(crate) fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// The median of optional numbers: `None` when any is missing (a run that never showed a
/// tooltip has no time to take the median of).
pub(crate) fn median_of_all(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let values: Option<Vec<f64>> = values.collect();
    values
        .filter(|values| !values.is_empty())
        .map(|values| median(values.into_iter()))
}

/// A figure against its target (at most the target).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Verdict {
    /// The figure has no target.
    NoTarget,
    /// Met, with this much to spare.
    Met { under: f64 },
    /// Missed by this much.
    Missed { by: f64 },
    /// The figure has a target but was not measured (a tooltip never shown): missed.
    NotMeasured,
}

impl Verdict {
    pub(crate) fn of(value: Option<f64>, target: Option<f64>) -> Verdict {
        match (value.filter(|value| value.is_finite()), target) {
            (_, None) => Verdict::NoTarget,
            (None, Some(_)) => Verdict::NotMeasured,
            (Some(value), Some(target)) if value <= target => Verdict::Met {
                under: target - value,
            },
            (Some(value), Some(target)) => Verdict::Missed { by: value - target },
        }
    }

    fn to_json(self, target: Option<f64>) -> Value {
        match self {
            Verdict::NoTarget => Value::Null,
            Verdict::Met { under } => json!({ "target": target, "met": true, "under": under }),
            Verdict::Missed { by } => json!({ "target": target, "met": false, "missed_by": by }),
            Verdict::NotMeasured => json!({ "target": target, "met": false, "missed_by": null }),
        }
    }
}

/// How a figure is written: its unit and decimals.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Unit {
    /// Whole milliseconds, with thousands separators.
    Ms,
    /// Milliseconds to three decimals (pointer cost).
    FineMs,
    /// Kilobytes (of 1,024 bytes), one decimal; the value in bytes.
    Kb,
}

impl Unit {
    fn write(self, value: f64) -> String {
        match self {
            Unit::Ms => format!("{} ms", thousands(value)),
            Unit::FineMs => format!("{value:.3} ms"),
            Unit::Kb => format!("{:.1} KB", value / KB),
        }
    }

    fn bare(self, value: f64) -> String {
        match self {
            Unit::Ms => thousands(value),
            Unit::FineMs => format!("{value}"),
            Unit::Kb => format!("{:.1} KB", value / KB),
        }
    }
}

/// A whole number with commas between the thousands: `12,345`.
pub(crate) fn thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.abs());
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            text.push(',');
        }
        text.push(digit);
    }
    if value.round() < 0.0 {
        text.insert(0, '-');
    }
    text
}

/// A table cell: the figure, its target, and whether it is met or missed by how much.
pub(crate) fn against(value: Option<f64>, target: Option<f64>, unit: Unit) -> String {
    let shown = value
        .filter(|value| value.is_finite())
        .map_or_else(|| "–".to_owned(), |value| unit.write(value));
    let limit = |target: f64| format!("(≤ {})", unit.bare(target));
    match (Verdict::of(value, target), target) {
        (Verdict::Met { under }, Some(target)) => {
            format!("{shown} {} ✓ {} under", limit(target), unit.write(under))
        }
        (Verdict::Missed { by }, Some(target)) => {
            format!("{shown} {} ✗ missed by {}", limit(target), unit.write(by))
        }
        (Verdict::NotMeasured, Some(target)) => format!("{shown} {} ✗ never seen", limit(target)),
        _ => shown,
    }
}

/// The medians of one case on one profile.
pub(crate) struct CaseReport {
    name: &'static str,
    targets: Targets,
    responses: Vec<Response>,
    first_draw_ms: f64,
    first_chart_kind: Option<String>,
    first_tooltip_ms: Option<f64>,
    busy_per_move_ms: f64,
    busy_minus_floor_ms: f64,
    heap_after_load: f64,
    heap_after_moves: f64,
    wasm_after_load: Option<f64>,
    wasm_after_moves: Option<f64>,
    /// Each run's first chart, first tooltip and busy time per move, in order.
    each_run: Vec<(f64, Option<f64>, f64)>,
}

impl CaseReport {
    pub(crate) fn new(
        name: &'static str,
        targets: Targets,
        runs: &[Run],
        responses: &[Response],
        floor_busy: f64,
    ) -> CaseReport {
        let busy = median(runs.iter().map(|run| run.busy_per_move_ms));
        CaseReport {
            name,
            targets,
            responses: responses.to_vec(),
            first_draw_ms: median(runs.iter().map(|run| run.first_draw_ms)),
            first_chart_kind: runs.first().and_then(|run| run.first_chart_kind.clone()),
            first_tooltip_ms: median_of_all(runs.iter().map(|run| run.first_tooltip_ms)),
            busy_per_move_ms: busy,
            busy_minus_floor_ms: busy - floor_busy,
            heap_after_load: median(runs.iter().map(|run| run.heap_after_load)),
            heap_after_moves: median(runs.iter().map(|run| run.heap_after_moves)),
            wasm_after_load: median_of_all(runs.iter().map(|run| run.wasm_after_load)),
            wasm_after_moves: median_of_all(runs.iter().map(|run| run.wasm_after_moves)),
            each_run: runs
                .iter()
                .map(|run| {
                    (
                        run.first_draw_ms,
                        run.first_tooltip_ms,
                        run.busy_per_move_ms,
                    )
                })
                .collect(),
        }
    }

    fn total(&self, size: impl Fn(&Response) -> u64) -> u64 {
        self.responses.iter().map(size).sum()
    }

    fn gzip_total(&self) -> f64 {
        self.total(|response| response.gzip) as f64
    }

    fn to_json(&self) -> Value {
        let targets = self.targets;
        json!({
            "name": self.name,
            "responses": self.responses.iter().map(|response| json!({
                "path": response.path,
                "raw_bytes": response.raw,
                "gzip9_bytes": response.gzip,
                "brotli11_bytes": response.brotli,
            })).collect::<Vec<_>>(),
            "total_raw_bytes": self.total(|response| response.raw),
            "total_gzip9_bytes": self.total(|response| response.gzip),
            "total_brotli11_bytes": self.total(|response| response.brotli),
            "first_draw_ms": self.first_draw_ms,
            "first_chart_kind": self.first_chart_kind,
            "first_tooltip_ms": self.first_tooltip_ms,
            "busy_per_move_ms": self.busy_per_move_ms,
            "busy_per_move_minus_floor_ms": self.busy_minus_floor_ms,
            "js_heap_after_load_bytes": self.heap_after_load,
            "js_heap_after_moves_bytes": self.heap_after_moves,
            "wasm_memory_after_load_bytes": self.wasm_after_load,
            "wasm_memory_after_moves_bytes": self.wasm_after_moves,
            "each_run": self.each_run.iter().map(|(draw, tooltip, busy)| json!({
                "first_draw_ms": draw,
                "first_tooltip_ms": tooltip,
                "busy_per_move_ms": busy,
            })).collect::<Vec<_>>(),
            "targets": {
                "first_draw_ms": Verdict::of(Some(self.first_draw_ms), targets.first_draw_ms)
                    .to_json(targets.first_draw_ms),
                "first_tooltip_ms": Verdict::of(self.first_tooltip_ms, targets.first_tooltip_ms)
                    .to_json(targets.first_tooltip_ms),
                "busy_per_move_minus_floor_ms":
                    Verdict::of(Some(self.busy_minus_floor_ms), targets.busy_minus_floor_ms)
                        .to_json(targets.busy_minus_floor_ms),
                "total_gzip9_bytes": Verdict::of(Some(self.gzip_total()), targets.gzip_total_bytes)
                    .to_json(targets.gzip_total_bytes),
                "js_heap_growth_bytes": Verdict::of(
                    Some(self.heap_after_moves - self.heap_after_load),
                    Some(HEAP_GROWTH_TARGET),
                ).to_json(Some(HEAP_GROWTH_TARGET)),
            },
        })
    }
}

/// The medians of every case on one profile, with its floor page.
pub(crate) struct ProfileReport {
    pub(crate) profile: Profile,
    pub(crate) floor_busy: f64,
    /// The floor page's first draw: what navigation alone costs.
    pub(crate) floor_first_draw: f64,
    pub(crate) cases: Vec<CaseReport>,
}

impl ProfileReport {
    fn to_json(&self) -> Value {
        let (width, height) = self.profile.viewport();
        let phone = self.profile == Profile::Phone;
        json!({
            "profile": self.profile.slug(),
            "viewport": [width, height],
            "pixel_ratio": if phone { PHONE_PIXEL_RATIO } else { 1.0 },
            "mobile_with_touch": phone,
            "cpu_slowdown": if phone { PHONE_CPU_SLOWDOWN } else { 1.0 },
            "network": phone.then(|| json!({
                "latency_ms": PHONE_NETWORK.0,
                "download_bytes_per_second": PHONE_NETWORK.1,
                "upload_bytes_per_second": PHONE_NETWORK.2,
            })),
            "timed_moves": TIMED_MOVES,
            "total_moves": self.profile.total_moves(),
            "floor_busy_per_move_ms": self.floor_busy,
            "floor_first_draw_ms": self.floor_first_draw,
            "cases": self.cases.iter().map(CaseReport::to_json).collect::<Vec<_>>(),
        })
    }
}

/// One data set: its site's build and its embedded data against JSON.
pub(crate) struct DataReport {
    pub(crate) name: &'static str,
    pub(crate) build_seconds: f64,
    pub(crate) encoding: EncodingComparison,
}

/// Everything measured.
pub(crate) struct Report {
    pub(crate) runs: usize,
    pub(crate) profiles: Vec<ProfileReport>,
    pub(crate) data: Vec<DataReport>,
}

const KB: f64 = 1024.0;
const MB: f64 = 1024.0 * 1024.0;

impl Report {
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "runs": self.runs,
            "profiles": self.profiles.iter().map(ProfileReport::to_json).collect::<Vec<_>>(),
            "data": self.data.iter().map(|data| json!({
                "name": data.name,
                "build_seconds": data.build_seconds,
                "embedded_data": data.encoding.to_json(),
            })).collect::<Vec<_>>(),
        })
    }

    /// Every response of every case (the first profile's run), raw, gzip -9 and brotli 11.
    pub(crate) fn responses_table(&self) -> String {
        let mut text = String::new();
        let mut seen = Vec::new();
        for case in self.profiles.iter().flat_map(|profile| &profile.cases) {
            if seen.contains(&case.name) {
                continue;
            }
            seen.push(case.name);
            text.push_str(&format!(
                "Responses, {}:\n| response | raw | gzip -9 | brotli 11 |\n|---|--:|--:|--:|\n",
                case.name
            ));
            for response in &case.responses {
                text.push_str(&format!(
                    "| `{}` | {:.1} KB | {:.1} KB | {:.1} KB |\n",
                    response.path,
                    response.raw as f64 / KB,
                    response.gzip as f64 / KB,
                    response.brotli as f64 / KB
                ));
            }
            text.push_str(&format!(
                "| total | {:.1} KB | {:.1} KB | {:.1} KB |\n\n",
                case.total(|response| response.raw) as f64 / KB,
                case.total(|response| response.gzip) as f64 / KB,
                case.total(|response| response.brotli) as f64 / KB
            ));
        }
        text
    }

    /// The data sets: the embedded blob against the same rows as JSON, and the build.
    pub(crate) fn data_table(&self) -> String {
        let mut text = String::from("| data set");
        for data in &self.data {
            text.push_str(&format!(" | {}", data.name));
        }
        text.push_str(" |\n|---");
        text.push_str(&"|--:".repeat(self.data.len()));
        text.push_str("|\n");
        let mut row = |label: &str, cell: &dyn Fn(&DataReport) -> String| {
            text.push_str(&format!("| {label}"));
            for data in &self.data {
                text.push_str(&format!(" | {}", cell(data)));
            }
            text.push_str(" |\n");
        };
        row("rows", &|data| thousands(data.encoding.rows as f64));
        row("embedded data (blob), raw → gzip -9", &|data| {
            let encoding = data.encoding;
            format!(
                "{:.1} → {:.1} KB",
                encoding.blob_raw as f64 / KB,
                encoding.blob_gzip as f64 / KB
            )
        });
        row("the same rows as JSON, raw → gzip -9", &|data| {
            let encoding = data.encoding;
            format!(
                "{:.1} → {:.1} KB",
                encoding.json_raw as f64 / KB,
                encoding.json_gzip as f64 / KB
            )
        });
        row("the blob, gzip -9, against the JSON, gzip -9", &|data| {
            let encoding = data.encoding;
            against(
                Some(encoding.blob_gzip as f64),
                Some(encoding.json_gzip as f64),
                Unit::Kb,
            )
        });
        row("site build (`cargo xtask dist`), warm", &|data| {
            format!("{:.0} s", data.build_seconds)
        });
        text
    }

    /// One profile's table: medians, with the targets.
    pub(crate) fn table(&self, profile: &ProfileReport) -> String {
        let mut text = format!(
            "{} profile ({}), median of {} runs:\n\n| figure",
            profile.profile.slug(),
            describe(profile.profile),
            self.runs
        );
        for case in &profile.cases {
            text.push_str(&format!(" | {}", case.name));
        }
        text.push_str(" |\n|---");
        text.push_str(&"|--:".repeat(profile.cases.len()));
        text.push_str("|\n");
        let mut row = |label: &str, cell: &dyn Fn(&CaseReport) -> String| {
            text.push_str(&format!("| {label}"));
            for case in &profile.cases {
                text.push_str(&format!(" | {}", cell(case)));
            }
            text.push_str(" |\n");
        };
        row("all responses, raw total", &|case| {
            format!("{:.0} KB", case.total(|response| response.raw) as f64 / KB)
        });
        row("all responses, gzip -9 total", &|case| {
            against(
                Some(case.gzip_total()),
                case.targets.gzip_total_bytes,
                Unit::Kb,
            )
        });
        row(
            &format!(
                "first drawn chart after navigation start (floor page: {} ms)",
                thousands(profile.floor_first_draw)
            ),
            &|case| {
                against(
                    Some(case.first_draw_ms),
                    case.targets.first_draw_ms,
                    Unit::Ms,
                )
            },
        );
        row(
            "first tooltip after navigation start (pointer held over a model from the start)",
            &|case| {
                against(
                    case.first_tooltip_ms,
                    case.targets.first_tooltip_ms,
                    Unit::Ms,
                )
            },
        );
        row(
            &format!(
                "main-thread busy per pointer move, minus the floor page ({:.2} ms)",
                profile.floor_busy
            ),
            &|case| {
                against(
                    Some(case.busy_minus_floor_ms),
                    case.targets.busy_minus_floor_ms,
                    Unit::FineMs,
                )
            },
        );
        memory_rows(&mut row, profile);
        text
    }
}

/// What a profile emulates, in a few words.
fn describe(profile: Profile) -> String {
    let (width, height) = profile.viewport();
    match profile {
        Profile::Phone => format!(
            "{width}×{height} at pixel ratio {PHONE_PIXEL_RATIO}, touch, CPU {PHONE_CPU_SLOWDOWN}× \
             slower, {:.0} ms round trip, {:.1} Mbit/s down, {:.0} kbit/s up",
            PHONE_NETWORK.0,
            PHONE_NETWORK.1 * 8.0 / 1e6,
            PHONE_NETWORK.2 * 8.0 / 1e3
        ),
        Profile::Desktop => format!("{width}×{height} at pixel ratio 1, nothing throttled"),
    }
}

/// A cell of a profile's table, from a case's figures.
type Cell<'a> = &'a dyn Fn(&CaseReport) -> String;
/// Adds a row of a profile's table: its label and how each case's cell reads.
type Row<'a> = dyn FnMut(&str, Cell<'_>) + 'a;

/// The memory rows of a profile's table: the JS heap and wasm memory after
/// load and after the pointer moves.
fn memory_rows(row: &mut Row<'_>, profile: &ProfileReport) {
    row("JS heap after load", &|case| {
        format!("{:.2} MB", case.heap_after_load / MB)
    });
    row(
        &format!(
            "JS heap after {} moves minus after load (≤ 0.5 MB)",
            profile.profile.total_moves()
        ),
        &|case| {
            let growth = case.heap_after_moves - case.heap_after_load;
            let mark = if growth <= HEAP_GROWTH_TARGET {
                "✓"
            } else {
                "✗"
            };
            format!("{:+.3} MB {mark}", growth / MB)
        },
    );
    row("wasm memory after load → after the moves", &|case| match (
        case.wasm_after_load,
        case.wasm_after_moves,
    ) {
        (Some(load), Some(moves)) => format!("{:.1} → {:.1} MB", load / MB, moves / MB),
        _ => "–".to_owned(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_odd_and_an_even_count() {
        assert_eq!(median([3.0, 1.0, 2.0].into_iter()), 2.0);
        assert_eq!(median([4.0, 1.0, 2.0, 3.0].into_iter()), 2.5);
        assert!(median(std::iter::empty()).is_nan());
        assert_eq!(
            median_of_all([Some(3.0), Some(1.0), Some(2.0)].into_iter()),
            Some(2.0)
        );
        assert_eq!(median_of_all([Some(3.0), None].into_iter()), None);
        assert_eq!(median_of_all(std::iter::empty()), None);
    }

    #[test]
    fn a_figure_meets_its_target_at_or_below_it_and_misses_it_by_the_difference() {
        assert_eq!(
            Verdict::of(Some(600.0), Some(800.0)),
            Verdict::Met { under: 200.0 }
        );
        assert_eq!(
            Verdict::of(Some(800.0), Some(800.0)),
            Verdict::Met { under: 0.0 }
        );
        assert_eq!(
            Verdict::of(Some(2345.0), Some(1800.0)),
            Verdict::Missed { by: 545.0 }
        );
        assert_eq!(Verdict::of(None, Some(1800.0)), Verdict::NotMeasured);
        assert_eq!(Verdict::of(Some(f64::NAN), Some(1.0)), Verdict::NotMeasured);
        assert_eq!(Verdict::of(Some(5.0), None), Verdict::NoTarget);
        assert_eq!(Verdict::of(None, None), Verdict::NoTarget);
    }

    #[test]
    fn cells_say_met_or_missed_and_by_how_much() {
        assert_eq!(
            against(Some(2345.4), Some(1800.0), Unit::Ms),
            "2,345 ms (≤ 1,800) ✗ missed by 545 ms"
        );
        assert_eq!(
            against(Some(612.0), Some(800.0), Unit::Ms),
            "612 ms (≤ 800) ✓ 188 ms under"
        );
        assert_eq!(
            against(Some(0.58), Some(0.25), Unit::FineMs),
            "0.580 ms (≤ 0.25) ✗ missed by 0.330 ms"
        );
        assert_eq!(
            against(Some(140.0 * KB), Some(110.0 * KB), Unit::Kb),
            "140.0 KB (≤ 110.0 KB) ✗ missed by 30.0 KB"
        );
        assert_eq!(
            against(None, Some(2800.0), Unit::Ms),
            "– (≤ 2,800) ✗ never seen"
        );
        assert_eq!(against(Some(431.0), None, Unit::Ms), "431 ms");
        assert_eq!(against(None, None, Unit::Ms), "–");
    }

    #[test]
    fn thousands_are_separated_by_commas() {
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(999.4), "999");
        assert_eq!(thousands(1000.0), "1,000");
        assert_eq!(thousands(13_954_321.0), "13,954,321");
        assert_eq!(thousands(-1234.0), "-1,234");
    }

    #[test]
    fn the_verdicts_go_into_the_json() {
        let verdict = Verdict::of(Some(900.0), Some(800.0)).to_json(Some(800.0));
        assert_eq!(
            verdict,
            json!({ "target": 800.0, "met": false, "missed_by": 100.0 })
        );
        assert_eq!(Verdict::NoTarget.to_json(None), Value::Null);
    }

    #[test]
    fn the_data_table_compares_the_blob_with_json() {
        let report = Report {
            runs: 3,
            profiles: Vec::new(),
            data: vec![DataReport {
                name: "real data",
                build_seconds: 8.2,
                encoding: EncodingComparison {
                    rows: 116,
                    blob_raw: 68_004,
                    blob_gzip: 27_661,
                    json_raw: 93_308,
                    json_gzip: 25_754,
                },
            }],
        };
        let table = report.data_table();
        assert!(table.contains("| rows | 116 |"), "{table}");
        assert!(table.contains("66.4 → 27.0 KB"), "{table}");
        assert!(table.contains("91.1 → 25.2 KB"), "{table}");
        assert!(
            table.contains("27.0 KB (≤ 25.2 KB) ✗ missed by 1.9 KB"),
            "{table}"
        );
    }
}
