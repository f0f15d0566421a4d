//! Copying prepainted markers into a buffer of pixels: how the browser
//! paints thousands of points at once (see [`crate::render::Stamper`]).
//!
//! A canvas paints each marker as a path, with a fixed cost per shape; a
//! chart of 100,000 models spent most of its first draw there. Instead, the
//! browser paints each distinct marker once, small ([`Sprite`]), composites
//! every marker here into a transparent layer of the chart's size, and
//! draws the layer over the chart once. Pixels are RGBA bytes, not
//! premultiplied: the layout of the canvas's `ImageData`.

/// A marker painted once: `width × height` RGBA pixels, not premultiplied,
/// with the marker's centre at `center`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sprite {
    width: usize,
    height: usize,
    center: (i32, i32),
    pixels: Vec<u8>,
    /// The runs of pixels to composite, row by row, left to right: most of
    /// a marker is opaque and copied whole; only its edge is blended.
    runs: Vec<Run>,
}

/// Pixels of one row of a sprite that are all opaque, or all partly
/// transparent; fully transparent pixels belong to no run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    row: usize,
    start: usize,
    end: usize,
    opaque: bool,
}

/// The runs of `pixels`, `width` to a row.
fn runs(pixels: &[u8], width: usize) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (index, pixel) in pixels.chunks_exact(4).enumerate() {
        let (row, column) = (index / width, index % width);
        let alpha = pixel[3];
        if alpha == 0 {
            continue;
        }
        let opaque = alpha == 255;
        match runs.last_mut() {
            Some(run) if run.row == row && run.end == column && run.opaque == opaque => {
                run.end += 1;
            }
            _ => runs.push(Run {
                row,
                start: column,
                end: column + 1,
                opaque,
            }),
        }
    }
    runs
}

impl Sprite {
    /// A sprite from `width × height` RGBA pixels, trimmed of its fully
    /// transparent edges; `None` if there are not exactly that many pixels.
    pub fn new(width: usize, height: usize, center: (i32, i32), pixels: Vec<u8>) -> Option<Sprite> {
        if width.checked_mul(height)?.checked_mul(4)? != pixels.len() {
            return None;
        }
        let visible_at = |x: usize, y: usize| pixels[(y * width + x) * 4 + 3] != 0;
        let rows: Vec<usize> = (0..height)
            .filter(|&y| (0..width).any(|x| visible_at(x, y)))
            .collect();
        let columns: Vec<usize> = (0..width)
            .filter(|&x| (0..height).any(|y| visible_at(x, y)))
            .collect();
        let (Some(&top), Some(&bottom), Some(&left), Some(&right)) =
            (rows.first(), rows.last(), columns.first(), columns.last())
        else {
            return Some(Sprite {
                width: 0,
                height: 0,
                center: (0, 0),
                pixels: Vec::new(),
                runs: Vec::new(),
            });
        };
        let trimmed_width = right - left + 1;
        let mut trimmed = Vec::with_capacity(trimmed_width * (bottom - top + 1) * 4);
        for y in top..=bottom {
            let start = (y * width + left) * 4;
            trimmed.extend_from_slice(&pixels[start..start + trimmed_width * 4]);
        }
        Some(Sprite {
            width: trimmed_width,
            height: bottom - top + 1,
            center: (center.0 - left as i32, center.1 - top as i32),
            runs: runs(&trimmed, trimmed_width),
            pixels: trimmed,
        })
    }

    /// Its size after trimming: `(width, height)`.
    pub fn size(&self) -> (usize, usize) {
        (self.width, self.height)
    }
}

/// A buffer of `width × height` RGBA pixels, not premultiplied.
#[derive(Debug)]
pub struct Pixels<'a> {
    data: &'a mut [u8],
    width: usize,
    height: usize,
}

impl<'a> Pixels<'a> {
    /// `None` if `data` does not hold exactly `width × height` pixels.
    pub fn new(data: &'a mut [u8], width: usize, height: usize) -> Option<Pixels<'a>> {
        (width.checked_mul(height)?.checked_mul(4)? == data.len()).then_some(Pixels {
            data,
            width,
            height,
        })
    }

    /// Composites `sprite` over the pixels with its centre on `center`, as
    /// a canvas draws over what is there ("source-over"). What falls outside
    /// the buffer is left out.
    pub fn stamp(&mut self, sprite: &Sprite, center: (i32, i32)) {
        let left = i64::from(center.0) - i64::from(sprite.center.0);
        let top = i64::from(center.1) - i64::from(sprite.center.1);
        // The sprite's columns and rows that land inside the buffer.
        let inside = |origin: i64, extent: usize, limit: usize| {
            let first = (-origin).clamp(0, extent as i64) as usize;
            let last = (limit as i64 - origin).clamp(0, extent as i64) as usize;
            (first, last.max(first))
        };
        let (first_column, end_column) = inside(left, sprite.width, self.width);
        let (first_row, end_row) = inside(top, sprite.height, self.height);
        for run in &sprite.runs {
            let (start, end) = (run.start.max(first_column), run.end.min(end_column));
            if run.row < first_row || run.row >= end_row || start >= end {
                continue;
            }
            let from = (run.row * sprite.width + start) * 4;
            let source = &sprite.pixels[from..from + (end - start) * 4];
            let y = (top + run.row as i64) as usize;
            let x = (left + start as i64) as usize;
            let to = (y * self.width + x) * 4;
            let target = &mut self.data[to..to + (end - start) * 4];
            if run.opaque {
                target.copy_from_slice(source);
            } else {
                for (source, target) in source.chunks_exact(4).zip(target.chunks_exact_mut(4)) {
                    over(source, target);
                }
            }
        }
    }
}

/// `source` over `target`, one RGBA pixel each, not premultiplied.
fn over(source: &[u8], target: &mut [u8]) {
    let alpha = u32::from(source[3]);
    if alpha == 0 {
        return;
    }
    if alpha == 255 {
        target.copy_from_slice(source);
        return;
    }
    let below = u32::from(target[3]) * (255 - alpha);
    // Both weights and the result's alpha, scaled by 255 × 255.
    let (top_weight, total) = (alpha * 255, alpha * 255 + below);
    for channel in 0..3 {
        let mixed = u32::from(source[channel]) * top_weight + u32::from(target[channel]) * below;
        target[channel] = ((mixed + total / 2) / total) as u8;
    }
    target[3] = ((total + 127) / 255) as u8;
}
