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

/// The custom properties (`--name: value;`) of the first rule in `css`
/// whose selector is `selector`.
fn custom_properties(css: &str, selector: &str) -> Vec<(String, String)> {
    let start = css
        .find(&format!("{selector} {{"))
        .unwrap_or_else(|| panic!("www/style.css has no rule `{selector}`"));
    let body = &css[start + selector.len() + 2..];
    let body = &body[..body.find('}').unwrap_or(body.len())];
    body.split(';')
        .filter_map(|declaration| {
            let (name, value) = declaration.split_once(':')?;
            let name = name.trim();
            name.starts_with("--")
                .then(|| (name.to_owned(), value.trim().to_ascii_lowercase()))
        })
        .collect()
}

#[test]
fn the_pages_css_colours_that_mirror_the_theme_equal_it_in_light_and_dark() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/style.css");
    let css = std::fs::read_to_string(path).expect("www/style.css");
    // The light theme is the page's default; the dark one is chosen by the
    // option and by the reader's system, in two rules that must agree.
    let rules = [
        (":root,\n[data-theme=\"light\"]", ThemeName::Light),
        ("[data-theme=\"dark\"]", ThemeName::Dark),
        (":root:not([data-theme=\"light\"])", ThemeName::Dark),
    ];
    for (selector, name) in rules {
        let properties = custom_properties(&css, selector);
        for (property, color) in Theme::named(name).css_colors() {
            let found = properties
                .iter()
                .find(|(found, _)| found == property)
                .map(|(_, value)| value.as_str());
            assert_eq!(
                found,
                Some(color.hex().as_str()),
                "{property} in `{selector}` of www/style.css is not the {name:?} theme's colour"
            );
        }
    }
    assert_eq!(
        custom_properties(&css, rules[1].0),
        custom_properties(&css, rules[2].0),
        "the two dark rules of www/style.css differ"
    );
}
