//! The one definition of the chart's colours and type.
//!
//! Canvas, SVG and the PNG export all read their colours from a [`Theme`],
//! so a theme is changed here; the page around the chart (`www/style.css`)
//! repeats some of them as CSS custom properties ([`Theme::css_colors`]),
//! which a native test holds equal to these. Region colours are chosen to stay
//! apart for the common colour-vision deficiencies (blue / orange-red / green
//! / purple differ in lightness too), and shapes carry the architecture.

use crate::dataset::Region;

/// An sRGB colour with opacity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    pub red: u8,
    pub green: u8,
    pub blue: u8,
    pub alpha: f64,
}

impl Color {
    pub const fn rgb(red: u8, green: u8, blue: u8) -> Self {
        Self {
            red,
            green,
            blue,
            alpha: 1.0,
        }
    }

    pub const fn with_alpha(self, alpha: f64) -> Self {
        Self { alpha, ..self }
    }

    /// `#rrggbb`, for CSS.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.red, self.green, self.blue)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Light,
    Dark,
}

impl ThemeName {
    pub fn code(self) -> &'static str {
        match self {
            ThemeName::Light => "light",
            ThemeName::Dark => "dark",
        }
    }

    pub fn from_code(code: &str) -> Option<ThemeName> {
        match code.trim() {
            "light" => Some(ThemeName::Light),
            "dark" => Some(ThemeName::Dark),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub background: Color,
    pub text: Color,
    pub muted_text: Color,
    pub grid: Color,
    pub axis: Color,
    /// The fill of every other stage band.
    pub band: Color,
    pub trend: Color,
    pub event: Color,
    /// The outline drawn around points so that overlapping points separate.
    pub point_outline: Color,
    pub regions: [Color; 4],
    pub font_family: &'static str,
}

impl Theme {
    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Light => Theme::light(),
            ThemeName::Dark => Theme::dark(),
        }
    }

    pub fn light() -> Theme {
        Theme {
            background: Color::rgb(0xff, 0xff, 0xff),
            text: Color::rgb(0x1b, 0x1f, 0x24),
            muted_text: Color::rgb(0x57, 0x5f, 0x69),
            grid: Color::rgb(0xe3, 0xe6, 0xea),
            axis: Color::rgb(0x8c, 0x95, 0x9f),
            band: Color::rgb(0x1b, 0x1f, 0x24).with_alpha(0.045),
            trend: Color::rgb(0x57, 0x5f, 0x69),
            event: Color::rgb(0x6b, 0x72, 0x7a),
            point_outline: Color::rgb(0xff, 0xff, 0xff),
            regions: [
                Color::rgb(0x1f, 0x6f, 0xd1),
                Color::rgb(0x16, 0x8a, 0x5c),
                Color::rgb(0xd6, 0x3a, 0x2b),
                Color::rgb(0x85, 0x52, 0xc6),
            ],
            font_family: FONT_FAMILY,
        }
    }

    pub fn dark() -> Theme {
        Theme {
            background: Color::rgb(0x12, 0x15, 0x19),
            text: Color::rgb(0xe9, 0xec, 0xef),
            muted_text: Color::rgb(0xa9, 0xb1, 0xba),
            grid: Color::rgb(0x2b, 0x31, 0x38),
            axis: Color::rgb(0x6e, 0x77, 0x81),
            band: Color::rgb(0xff, 0xff, 0xff).with_alpha(0.055),
            trend: Color::rgb(0xb8, 0xc0, 0xc8),
            event: Color::rgb(0xa9, 0xb1, 0xba),
            point_outline: Color::rgb(0x12, 0x15, 0x19),
            regions: [
                Color::rgb(0x62, 0xa6, 0xff),
                Color::rgb(0x3d, 0xc9, 0x8c),
                Color::rgb(0xff, 0x74, 0x66),
                Color::rgb(0xbc, 0x94, 0xf5),
            ],
            font_family: FONT_FAMILY,
        }
    }

    pub fn region(&self, region: Region) -> Color {
        self.regions[region.index()]
    }

    /// The page's CSS custom properties that mirror this theme's colours
    /// (`www/style.css` writes them by hand, for the page around the chart:
    /// a native test checks they match): the background, the text, muted
    /// text, the focus ring (the first region's blue) and an error's border
    /// (the third region's red); and, for the chart drawn into the page at
    /// build time in the light theme, which the page's CSS recolours in the
    /// dark one, the grid, the axis, the events and the other two regions.
    pub fn css_colors(&self) -> [(&'static str, Color); 10] {
        [
            ("--background", self.background),
            ("--text", self.text),
            ("--muted", self.muted_text),
            ("--focus", self.regions[0]),
            ("--error-border", self.regions[2]),
            ("--chart-grid", self.grid),
            ("--chart-axis", self.axis),
            ("--chart-event", self.event),
            ("--chart-europe", self.regions[1]),
            ("--chart-other", self.regions[3]),
        ]
    }
}

/// System fonts only (no web fonts: nothing is fetched), with CJK faces for
/// each platform. Unquoted names, so the string is valid both as a CSS font
/// family list and inside an SVG attribute.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, Segoe UI, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif";
