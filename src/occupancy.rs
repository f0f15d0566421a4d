//! Where blockers certainly are, on a coarse grid: to turn away most of a
//! label's far candidate boxes at once (`labels::farther` tries some 1,700
//! of them, each against hundreds of blockers) before the exact test.
//!
//! A cell counts as taken only when it lies wholly inside a blocker, so a
//! box that wholly holds a taken cell certainly meets that blocker (their
//! insides overlap); a box that holds none may or may not, and is left to
//! the exact test. The grid never turns away a box the exact test would
//! keep. Counting a box's taken cells is constant time (a summed-area
//! table).

use crate::geometry::Rect;

/// A grid of `cell`-sized squares over `area`, with a summed-area table of
/// the cells wholly inside some blocker.
#[derive(Debug, Clone)]
pub struct Occupancy {
    area: Rect,
    cell: f64,
    columns: usize,
    rows: usize,
    /// `(rows + 1) × (columns + 1)`: at `[row][column]`, how many taken
    /// cells lie above and to the left of that grid corner.
    sums: Vec<u32>,
}

impl Occupancy {
    /// The grid over `area` with `cell`-sized squares (CSS px, above zero)
    /// and the cells wholly inside any of `blockers` taken.
    pub fn new(area: Rect, cell: f64, blockers: impl IntoIterator<Item = Rect>) -> Self {
        let columns = (area.width() / cell).ceil().max(1.0) as usize;
        let rows = (area.height() / cell).ceil().max(1.0) as usize;
        let mut grid = Self {
            area,
            cell,
            columns,
            rows,
            sums: Vec::new(),
        };
        let mut taken = vec![false; columns * rows];
        for blocker in blockers {
            let ((first_column, end_column), (first_row, end_row)) = grid.cells_inside(&blocker);
            for row in first_row..end_row {
                taken[row * columns + first_column..row * columns + end_column].fill(true);
            }
        }
        grid.sums = summed(&taken, columns, rows);
        grid
    }

    /// Whether `rect` wholly holds a cell wholly inside a blocker, so that
    /// it certainly meets that blocker.
    pub fn certainly_meets(&self, rect: &Rect) -> bool {
        let ((first_column, end_column), (first_row, end_row)) = self.cells_inside(rect);
        if first_column >= end_column || first_row >= end_row {
            return false;
        }
        let stride = self.columns + 1;
        let at = |row: usize, column: usize| i64::from(self.sums[row * stride + column]);
        at(end_row, end_column) - at(first_row, end_column) - at(end_row, first_column)
            + at(first_row, first_column)
            > 0
    }

    /// The columns and rows (each a start and an end, exclusive) of the
    /// cells wholly inside `rect`, within the grid.
    fn cells_inside(&self, rect: &Rect) -> ((usize, usize), (usize, usize)) {
        let span = |low: f64, high: f64, origin: f64, count: usize| {
            let first = ((low - origin) / self.cell).ceil().max(0.0) as usize;
            let end = (((high - origin) / self.cell).floor().max(0.0) as usize).min(count);
            (first.min(end), end)
        };
        (
            span(rect.left, rect.right, self.area.left, self.columns),
            span(rect.top, rect.bottom, self.area.top, self.rows),
        )
    }
}

/// The summed-area table of `taken` (`rows` of `columns`).
fn summed(taken: &[bool], columns: usize, rows: usize) -> Vec<u32> {
    let stride = columns + 1;
    let mut sums = vec![0_u32; stride * (rows + 1)];
    for row in 0..rows {
        let mut in_row = 0;
        for column in 0..columns {
            in_row += u32::from(taken[row * columns + column]);
            sums[(row + 1) * stride + column + 1] = sums[row * stride + column + 1] + in_row;
        }
    }
    sums
}
