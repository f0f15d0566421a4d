//! The runs of every case as medians: the JSON of `target/bench.json` and the Markdown
//! tables of the README.

use serde_json::{json, Value};

use super::measure::{Response, Run};
use super::{Case, CASES, GZIP_TARGET, HEAP_GROWTH_TARGET, TIMED_MOVES, TOTAL_MOVES, VIEWPORT};

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

/// The medians of one case.
pub(crate) struct CaseReport {
    name: &'static str,
    targets: (f64, f64),
    build_seconds: f64,
    responses: Vec<Response>,
    first_draw_ms: f64,
    busy_per_move_ms: f64,
    busy_minus_floor_ms: f64,
    heap_after_load: f64,
    heap_after_moves: f64,
    wasm_after_load: Option<f64>,
    wasm_after_moves: Option<f64>,
}

impl CaseReport {
    pub(crate) fn new(
        case: &Case,
        runs: &[Run],
        responses: &[Response],
        build_seconds: f64,
        floor_busy: f64,
    ) -> CaseReport {
        let busy = median(runs.iter().map(|run| run.busy_per_move_ms));
        let optional = |values: Vec<Option<f64>>| -> Option<f64> {
            let values: Option<Vec<f64>> = values.into_iter().collect();
            values.map(|values| median(values.into_iter()))
        };
        CaseReport {
            name: case.name,
            targets: case.targets,
            build_seconds,
            responses: responses.to_vec(),
            first_draw_ms: median(runs.iter().map(|run| run.first_draw_ms)),
            busy_per_move_ms: busy,
            busy_minus_floor_ms: busy - floor_busy,
            heap_after_load: median(runs.iter().map(|run| run.heap_after_load)),
            heap_after_moves: median(runs.iter().map(|run| run.heap_after_moves)),
            wasm_after_load: optional(runs.iter().map(|run| run.wasm_after_load).collect()),
            wasm_after_moves: optional(runs.iter().map(|run| run.wasm_after_moves).collect()),
        }
    }

    fn total(&self, size: impl Fn(&Response) -> u64) -> u64 {
        self.responses.iter().map(size).sum()
    }
}

/// Everything measured.
pub(crate) struct Report {
    pub(crate) runs: usize,
    pub(crate) floor_busy: f64,
    /// The floor page's first draw: what navigation alone costs.
    pub(crate) floor_first_draw: f64,
    pub(crate) cases: Vec<CaseReport>,
}

const KB: f64 = 1024.0;
const MB: f64 = 1024.0 * 1024.0;

impl Report {
    pub(crate) fn to_json(&self) -> Value {
        let cases: Vec<Value> = self
            .cases
            .iter()
            .map(|case| {
                json!({
                    "name": case.name,
                    "build_seconds": case.build_seconds,
                    "responses": case.responses.iter().map(|response| json!({
                        "path": response.path,
                        "raw_bytes": response.raw,
                        "gzip9_bytes": response.gzip,
                        "brotli11_bytes": response.brotli,
                    })).collect::<Vec<_>>(),
                    "total_raw_bytes": case.total(|response| response.raw),
                    "total_gzip9_bytes": case.total(|response| response.gzip),
                    "total_brotli11_bytes": case.total(|response| response.brotli),
                    "first_draw_ms": case.first_draw_ms,
                    "busy_per_move_ms": case.busy_per_move_ms,
                    "busy_per_move_minus_floor_ms": case.busy_minus_floor_ms,
                    "js_heap_after_load_bytes": case.heap_after_load,
                    "js_heap_after_moves_bytes": case.heap_after_moves,
                    "wasm_memory_after_load_bytes": case.wasm_after_load,
                    "wasm_memory_after_moves_bytes": case.wasm_after_moves,
                    "targets": {
                        "first_draw_ms": case.targets.0,
                        "busy_per_move_minus_floor_ms": case.targets.1,
                        "js_heap_growth_bytes": HEAP_GROWTH_TARGET,
                    },
                })
            })
            .collect();
        json!({
            "viewport": [VIEWPORT.0, VIEWPORT.1],
            "runs": self.runs,
            "timed_moves": TIMED_MOVES,
            "total_moves": TOTAL_MOVES,
            "floor_busy_per_move_ms": self.floor_busy,
            "floor_first_draw_ms": self.floor_first_draw,
            "cases": cases,
        })
    }

    /// Every response of every case, raw, gzip -9 and brotli 11.
    pub(crate) fn responses_table(&self) -> String {
        let mut text = String::new();
        for case in &self.cases {
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

    /// The README's table: medians, with the targets.
    pub(crate) fn table(&self) -> String {
        let mut text = String::from("| figure (median of ");
        text.push_str(&format!("{} runs)", self.runs));
        for case in &self.cases {
            text.push_str(&format!(" | {}", case.name));
        }
        text.push_str(" |\n|---");
        text.push_str(&"|--:".repeat(self.cases.len()));
        text.push_str("|\n");
        for (label, cell) in self.rows() {
            text.push_str(&format!("| {label}"));
            for case in &self.cases {
                text.push_str(&format!(" | {}", cell(case)));
            }
            text.push_str(" |\n");
        }
        text
    }

    /// The table's rows: a label and what each case's cell says.
    fn rows(&self) -> Vec<(String, CellText<'_>)> {
        let mark = |ok: bool| if ok { "✓" } else { "✗" };
        vec![
            (
                "all responses, raw total".to_owned(),
                Box::new(|case| {
                    format!("{:.0} KB", case.total(|response| response.raw) as f64 / KB)
                }),
            ),
            (
                "all responses, gzip -9 total (target ≤ 70 KB, real data)".to_owned(),
                Box::new(move |case| {
                    let gzip = case.total(|response| response.gzip) as f64;
                    if case.name == CASES[0].name {
                        format!("{:.1} KB {}", gzip / KB, mark(gzip <= GZIP_TARGET))
                    } else {
                        format!("{:.1} KB", gzip / KB)
                    }
                }),
            ),
            (
                format!(
                    "first drawn chart after navigation start (floor page: {:.0} ms)",
                    self.floor_first_draw
                ),
                Box::new(move |case| {
                    let (value, target) = (case.first_draw_ms, case.targets.0);
                    format!("{value:.0} ms (≤ {target:.0}) {}", mark(value <= target))
                }),
            ),
            (
                format!(
                    "main-thread busy per pointer move, minus the floor page ({:.2} ms)",
                    self.floor_busy
                ),
                Box::new(move |case| {
                    let (value, target) = (case.busy_minus_floor_ms, case.targets.1);
                    format!("{value:.3} ms (≤ {target}) {}", mark(value <= target))
                }),
            ),
            (
                "JS heap after load".to_owned(),
                Box::new(|case| format!("{:.2} MB", case.heap_after_load / MB)),
            ),
            (
                format!("JS heap after {TOTAL_MOVES} moves minus after load (≤ 0.5 MB)"),
                Box::new(move |case| {
                    let growth = case.heap_after_moves - case.heap_after_load;
                    format!(
                        "{:+.3} MB {}",
                        growth / MB,
                        mark(growth <= HEAP_GROWTH_TARGET)
                    )
                }),
            ),
            (
                "wasm memory after load → after the moves".to_owned(),
                Box::new(|case| match (case.wasm_after_load, case.wasm_after_moves) {
                    (Some(load), Some(moves)) => format!("{:.1} → {:.1} MB", load / MB, moves / MB),
                    _ => "–".to_owned(),
                }),
            ),
            (
                "site build (`cargo xtask dist`), warm".to_owned(),
                Box::new(|case| format!("{:.0} s", case.build_seconds)),
            ),
        ]
    }
}

/// What a cell of the README's table says for a case.
type CellText<'a> = Box<dyn Fn(&CaseReport) -> String + 'a>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_odd_and_an_even_count() {
        assert_eq!(median([3.0, 1.0, 2.0].into_iter()), 2.0);
        assert_eq!(median([4.0, 1.0, 2.0, 3.0].into_iter()), 2.5);
        assert!(median(std::iter::empty()).is_nan());
    }
}
