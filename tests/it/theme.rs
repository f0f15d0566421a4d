use param_scale::theme::{Color, Theme, ThemeName};

/// WCAG 2 relative luminance of an sRGB colour.
fn luminance(color: Color) -> f64 {
    let channel = |value: u8| {
        let value = f64::from(value) / 255.0;
        if value <= 0.03928 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.red) + 0.7152 * channel(color.green) + 0.0722 * channel(color.blue)
}

fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn both_themes_meet_wcag_aa_contrast_for_text_and_marks() {
    for name in [ThemeName::Light, ThemeName::Dark] {
        let theme = Theme::named(name);
        // Text: 4.5:1 (AA for normal text).
        for (what, color) in [("text", theme.text), ("muted text", theme.muted_text)] {
            let ratio = contrast(color, theme.background);
            assert!(ratio >= 4.5, "{name:?}: {what} has contrast {ratio:.2}");
        }
        // Marks and lines that carry meaning: 3:1 (AA for graphical objects).
        for (index, color) in theme.regions.iter().enumerate() {
            let ratio = contrast(*color, theme.background);
            assert!(
                ratio >= 3.0,
                "{name:?}: region colour {index} has contrast {ratio:.2}"
            );
        }
        for (what, color) in [
            ("trend", theme.trend),
            ("event", theme.event),
            ("axis", theme.axis),
        ] {
            let ratio = contrast(color, theme.background);
            assert!(ratio >= 3.0, "{name:?}: {what} has contrast {ratio:.2}");
        }
    }
}
