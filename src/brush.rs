//! The brush under the time axis: two thumbs over the data's whole span of
//! years that choose the range the plot shows. Pure state: years to
//! positions along the track and back, the clamps (the thumbs never cross,
//! the range keeps at least one year), the keyboard's steps, a drag of a
//! thumb or of the span between them, and where the years' texts go.
//!
//! Positions along the track are fractions: 0 at the start of the data's
//! first year, 1 at the end of its last, as the time axis counts a year
//! from its first day to the next year's. The `from` thumb stands at the
//! start of its year, the `to` thumb at the end of its year, so that the
//! span between them covers exactly the years shown.

use crate::options::YearRange;

/// One of the two thumbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thumb {
    From,
    To,
}

impl Thumb {
    pub const BOTH: [Thumb; 2] = [Thumb::From, Thumb::To];

    /// The thumb's `data-thumb` value.
    pub fn code(self) -> &'static str {
        match self {
            Thumb::From => "from",
            Thumb::To => "to",
        }
    }

    pub fn from_code(code: &str) -> Option<Thumb> {
        Thumb::BOTH.into_iter().find(|thumb| thumb.code() == code)
    }
}

/// What a key does to a focused thumb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrushKey {
    /// ←/↓: a year earlier.
    Back,
    /// →/↑: a year later.
    Forward,
    /// Page Down: five years earlier.
    PageBack,
    /// Page Up: five years later.
    PageForward,
    /// Home: the data's first year (as far as the other thumb lets it).
    First,
    /// End: the data's last year (as far as the other thumb lets it).
    Last,
}

/// Years a Page Up or Page Down moves a thumb.
pub const PAGE_YEARS: i32 = 5;

/// Where a pointer went down on the brush.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Thumb(Thumb),
    /// The span between the thumbs: dragging it moves the range.
    Span,
    /// The track outside the span: the nearer thumb comes there.
    Track,
}

/// What a pointer holds while it drags.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Grip {
    /// A thumb, held `offset` (a fraction of the track) from its position,
    /// so that it does not jump to the pointer.
    Thumb { thumb: Thumb, offset: f64 },
    /// The span, grabbed at `at` when the brush was `start`: it keeps its
    /// width and moves by whole years.
    Span { start: Brush, at: f64 },
    /// A finger on the track: the thumb comes there when it lifts, as the
    /// finger may yet scroll the page.
    Tap,
}

/// The data's years and the range chosen among them, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Brush {
    /// The data's first and last year: the track's ends.
    pub years: (u16, u16),
    pub from: u16,
    pub to: u16,
}

impl Brush {
    /// The brush over `years` showing `range` (all the years without one),
    /// clamped to the data and put in order.
    pub fn new(years: (u16, u16), range: Option<YearRange>) -> Brush {
        let years = (years.0.min(years.1), years.0.max(years.1));
        let (from, to) = range.map_or(years, |range| {
            (range.from.min(range.to), range.from.max(range.to))
        });
        let clamp = |year: u16| year.clamp(years.0, years.1);
        Brush {
            years,
            from: clamp(from),
            to: clamp(to),
        }
    }

    /// The range to show: `None` when the brush spans all the data.
    pub fn range(self) -> Option<YearRange> {
        ((self.from, self.to) != self.years).then_some(YearRange {
            from: self.from,
            to: self.to,
        })
    }

    /// How many years the track spans.
    fn span_years(self) -> f64 {
        f64::from(self.years.1) + 1.0 - f64::from(self.years.0)
    }

    /// The year a thumb shows.
    pub fn value(self, thumb: Thumb) -> u16 {
        match thumb {
            Thumb::From => self.from,
            Thumb::To => self.to,
        }
    }

    /// The years a thumb may take: up to the other thumb, which it never
    /// passes (its `aria-valuemin` and `aria-valuemax`).
    pub fn bounds(self, thumb: Thumb) -> (u16, u16) {
        match thumb {
            Thumb::From => (self.years.0, self.to),
            Thumb::To => (self.from, self.years.1),
        }
    }

    /// Where a thumb stands along the track, 0 to 1.
    pub fn position(self, thumb: Thumb) -> f64 {
        let boundary = match thumb {
            Thumb::From => f64::from(self.from),
            Thumb::To => f64::from(self.to) + 1.0,
        };
        (boundary - f64::from(self.years.0)) / self.span_years()
    }

    /// The brush with `thumb` on `year`, held between the data's ends and
    /// the other thumb.
    pub fn with(self, thumb: Thumb, year: i32) -> Brush {
        let (low, high) = self.bounds(thumb);
        let year = year.clamp(i32::from(low), i32::from(high));
        let year = u16::try_from(year).unwrap_or(low);
        match thumb {
            Thumb::From => Brush { from: year, ..self },
            Thumb::To => Brush { to: year, ..self },
        }
    }

    /// The brush after `key` on a focused `thumb`.
    pub fn key(self, thumb: Thumb, key: BrushKey) -> Brush {
        let year = i32::from(self.value(thumb));
        let target = match key {
            BrushKey::Back => year - 1,
            BrushKey::Forward => year + 1,
            BrushKey::PageBack => year - PAGE_YEARS,
            BrushKey::PageForward => year + PAGE_YEARS,
            BrushKey::First => i32::from(self.years.0),
            BrushKey::Last => i32::from(self.years.1),
        };
        self.with(thumb, target)
    }

    /// The year boundary nearest to a position on the track, as a year.
    fn boundary_at(self, position: f64) -> i32 {
        let year = f64::from(self.years.0) + position * self.span_years();
        year.round() as i32
    }

    /// The brush with `thumb` brought to the year boundary nearest to
    /// `position`: the start of the `from` year, the end of the `to` year.
    pub fn thumb_to(self, thumb: Thumb, position: f64) -> Brush {
        let boundary = self.boundary_at(position);
        match thumb {
            Thumb::From => self.with(thumb, boundary),
            Thumb::To => self.with(thumb, boundary - 1),
        }
    }

    /// The thumb nearer to `position`; between them, the one on its side of
    /// the middle.
    pub fn nearer_thumb(self, position: f64) -> Thumb {
        let middle = (self.position(Thumb::From) + self.position(Thumb::To)) / 2.0;
        if position < middle {
            Thumb::From
        } else {
            Thumb::To
        }
    }

    /// A pointer went down on `part` at `position`: what it holds, and the
    /// brush after the press (a press on the track brings the nearer thumb
    /// there, at once for a mouse or pen, when the finger lifts for touch).
    pub fn press(self, part: Part, position: f64, touch: bool) -> (Brush, Grip) {
        match part {
            Part::Thumb(thumb) => (
                self,
                Grip::Thumb {
                    thumb,
                    offset: position - self.position(thumb),
                },
            ),
            Part::Span => (
                self,
                Grip::Span {
                    start: self,
                    at: position,
                },
            ),
            Part::Track if touch => (self, Grip::Tap),
            Part::Track => {
                let thumb = self.nearer_thumb(position);
                (
                    self.thumb_to(thumb, position),
                    Grip::Thumb { thumb, offset: 0.0 },
                )
            }
        }
    }

    /// The brush as the pointer holding `grip` moves to `position`.
    pub fn drag(self, grip: Grip, position: f64) -> Brush {
        match grip {
            Grip::Thumb { thumb, offset } => self.thumb_to(thumb, position - offset),
            Grip::Span { start, at } => start.shifted((position - at) * self.span_years()),
            Grip::Tap => self,
        }
    }

    /// The brush when the pointer holding `grip` lifts at `position`.
    pub fn release(self, grip: Grip, position: f64) -> Brush {
        match grip {
            Grip::Tap => {
                let thumb = self.nearer_thumb(position);
                self.thumb_to(thumb, position)
            }
            _ => self.drag(grip, position),
        }
    }

    /// The range moved by `years` (rounded to whole years), its width kept
    /// and stopped at the data's ends.
    pub fn shifted(self, years: f64) -> Brush {
        let width = i32::from(self.to) - i32::from(self.from);
        let first = i32::from(self.years.0);
        let last_from = i32::from(self.years.1) - width;
        let from = (i32::from(self.from) + years.round() as i32).clamp(first, last_from.max(first));
        let from = u16::try_from(from).unwrap_or(self.from);
        Brush {
            from,
            to: from.saturating_add(u16::try_from(width).unwrap_or(0)),
            ..self
        }
    }
}

/// The position (0 to 1) of `x` on a track from `left` that is `width`
/// wide, all in CSS px; 0 or 1 beyond its ends.
pub fn track_position(x: f64, left: f64, width: f64) -> f64 {
    if width <= 0.0 {
        return 0.0;
    }
    ((x - left) / width).clamp(0.0, 1.0)
}

/// The lefts (CSS px, from the track's left) of the two thumbs' year texts
/// of `widths`, each centred under its thumb at `xs`, pushed apart
/// symmetrically where they would come closer than `gap`, and kept between
/// `limits` (the room beside the track they may use).
pub fn label_lefts(xs: (f64, f64), widths: (f64, f64), gap: f64, limits: (f64, f64)) -> (f64, f64) {
    let mut from = xs.0 - widths.0 / 2.0;
    let mut to = xs.1 - widths.1 / 2.0;
    let overlap = from + widths.0 + gap - to;
    if overlap > 0.0 {
        from -= overlap / 2.0;
        to += overlap / 2.0;
    }
    // Against an end, the pair moves inwards together, keeping its gap.
    let low = limits.0 - from;
    if low > 0.0 {
        from += low;
        to = to.max(from + widths.0 + gap);
    }
    let high = to + widths.1 - limits.1;
    if high > 0.0 {
        to -= high;
        from = from.min(to - gap - widths.0);
    }
    (from, to)
}

/// A pointer's work on the brush, from press to release: what it holds,
/// the brush as dragged (ahead of the drawing, which follows at the next
/// animation frame) and whether that frame is asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BrushDrag {
    /// What the pointer holds, and the track's left edge in the viewport
    /// (client px), measured once when it went down.
    pub grip: Option<(Grip, f64)>,
    pub dragged: Option<Brush>,
    pub frame_asked: bool,
}
