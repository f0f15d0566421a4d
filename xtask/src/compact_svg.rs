//! The painter's SVG made smaller for the page's first response, the same
//! picture in fewer bytes: plotters writes each stroke — every dash of a
//! dashed line, every stem — as a `<polyline>` of its own, a line each, and
//! restates attributes that are the defaults. Here a run of consecutive
//! polylines with the same attributes becomes one `<path>` of relative
//! moves, each polygon (a marker's diamond, an event's triangle) a closed
//! one, and default attributes go. Consecutive texts of the same size and
//! colour say them once, on a `<g>` around them ([`group_texts`]), which
//! both properties are inherited from.
//!
//! Only whole lines the painter wrote are rewritten; anything else passes
//! through as it is.

/// Attributes that say what SVG assumes anyway. `text-anchor` inherits, but
/// nothing around the first paint sets it (nor a right-to-left direction),
/// so a text's `start` is the initial value: without it, the six drawings
/// are 1.6 KB smaller gzipped.
const DEFAULTS: [&str; 3] = [
    " opacity=\"1\"",
    " stroke=\"none\" stroke-width=\"1\"",
    " text-anchor=\"start\"",
];

/// `svg` with its polyline runs merged and its default attributes left out.
pub fn compact(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() / 2);
    let mut run = Run::default();
    for line in svg.lines() {
        let line = DEFAULTS
            .iter()
            .fold(line.to_owned(), |line, default| line.replace(default, ""));
        if let Some(path) = polygon_path(&line) {
            run.flush(&mut out);
            out.push_str(&path);
            out.push('\n');
            continue;
        }
        match polyline(&line) {
            Some((attributes, points)) => {
                if run.attributes != attributes {
                    run.flush(&mut out);
                    run.attributes = attributes.to_owned();
                }
                run.add(&points);
            }
            None => {
                run.flush(&mut out);
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    run.flush(&mut out);
    group_texts(&out)
}

/// The attributes a run of texts shares, as plotters writes them: side by
/// side, size then colour.
fn text_size_and_colour(line: &str) -> Option<&str> {
    if !line.starts_with("<text ") {
        return None;
    }
    let start = line.find(" font-size=\"")?;
    let size_end = start + 1 + line[start + 1..].find('"')? + 1;
    let size_end = size_end + line[size_end..].find('"')? + 1;
    let colour = line[size_end..].strip_prefix(" fill=\"")?;
    let colour_end = size_end + " fill=\"".len() + colour.find('"')? + 1;
    Some(&line[start..colour_end])
}

/// `svg` with each run of two or more consecutive texts (a `<text …>` line,
/// its content, `</text>`) of the same size and colour wrapped in a `<g>`
/// that says them once. The page's CSS recolours by the `fill` attribute,
/// so it finds the colour on the `<g>` and the texts inherit it.
fn group_texts(svg: &str) -> String {
    let lines: Vec<&str> = svg.lines().collect();
    let mut out = String::with_capacity(svg.len());
    let mut index = 0;
    while index < lines.len() {
        let shared = text_size_and_colour(lines[index]);
        let run = shared.map_or(0, |shared| {
            lines[index..]
                .chunks(3)
                .take_while(|text| {
                    text.len() == 3
                        && text[2] == "</text>"
                        && text_size_and_colour(text[0]) == Some(shared)
                })
                .count()
        });
        match shared {
            Some(shared) if run >= 2 => {
                out.push_str(&format!("<g{shared}>\n"));
                for text in lines[index..index + 3 * run].chunks(3) {
                    out.push_str(&text[0].replacen(shared, "", 1));
                    out.push('\n');
                    out.push_str(text[1]);
                    out.push_str("\n</text>\n");
                }
                out.push_str("</g>\n");
                index += 3 * run;
            }
            _ => {
                out.push_str(lines[index]);
                out.push('\n');
                index += 1;
            }
        }
    }
    out
}

/// Consecutive polylines with the same attributes, as path data.
#[derive(Default)]
struct Run {
    attributes: String,
    data: String,
    /// The pen's position after the last point.
    at: (i64, i64),
}

impl Run {
    fn add(&mut self, points: &[(i64, i64)]) {
        for (index, &(x, y)) in points.iter().enumerate() {
            let (dx, dy) = (x - self.at.0, y - self.at.1);
            let command = match (index, self.data.is_empty()) {
                (0, true) => format!("M{x} {y}"),
                (0, false) => format!("m{}", pair(dx, dy)),
                _ if dy == 0 => format!("h{dx}"),
                _ if dx == 0 => format!("v{dy}"),
                _ => format!("l{}", pair(dx, dy)),
            };
            self.data.push_str(&command);
            self.at = (x, y);
        }
    }

    fn flush(&mut self, out: &mut String) {
        if !self.data.is_empty() {
            out.push_str(&format!("<path{} d=\"{}\"/>\n", self.attributes, self.data));
        }
        *self = Run::default();
    }
}

/// A line that is one `<polygon … points="…"/>` of whole numbers (a
/// marker's diamond, an event's triangle), as a closed `<path>` of relative
/// moves: the same shape, in half the bytes.
fn polygon_path(line: &str) -> Option<String> {
    let inner = line.strip_prefix("<polygon")?;
    let (attributes, mut points) = polyline(&format!("<polyline{inner}"))
        .map(|(attributes, points)| (attributes.to_owned(), points))?;
    if points.len() > 2 && points.first() == points.last() {
        points.pop();
    }
    let mut run = Run {
        attributes,
        ..Run::default()
    };
    run.add(&points);
    run.data.push('z');
    let mut path = String::new();
    run.flush(&mut path);
    Some(path.trim_end().to_owned())
}

/// Two numbers of path data: a minus sign separates them by itself.
fn pair(a: i64, b: i64) -> String {
    if b < 0 {
        format!("{a}{b}")
    } else {
        format!("{a} {b}")
    }
}

/// A line that is one `<polyline … points="x,y x,y …"/>` of whole numbers
/// and at least two points: its other attributes and its points.
fn polyline(line: &str) -> Option<(&str, Vec<(i64, i64)>)> {
    let inner = line.strip_prefix("<polyline")?.strip_suffix("/>")?;
    let (before, rest) = inner.split_once(" points=\"")?;
    let (points, after) = rest.split_once('"')?;
    if !after.trim().is_empty() {
        return None;
    }
    let points: Option<Vec<(i64, i64)>> = points
        .split_whitespace()
        .map(|point| {
            let (x, y) = point.split_once(',')?;
            Some((x.parse().ok()?, y.parse().ok()?))
        })
        .collect();
    let points = points.filter(|points| points.len() >= 2)?;
    Some((before, points))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stroked segment: its element's attributes, its two ends.
    type Segment = (String, (i64, i64), (i64, i64));

    /// The segments a picture strokes, from polylines or from the paths
    /// `compact` writes, with their attributes.
    fn segments(svg: &str) -> Vec<Segment> {
        let mut found = Vec::new();
        for line in svg.lines() {
            if let Some((attributes, points)) = polyline(line) {
                for pair in points.windows(2) {
                    found.push((attributes.to_owned(), pair[0], pair[1]));
                }
            } else if let Some(inner) = line.strip_prefix("<path") {
                let (attributes, data) = inner.split_once(" d=\"").expect("path data");
                let data = data.trim_end_matches("\"/>");
                let mut at = (0, 0);
                let mut commands: Vec<(char, String)> = Vec::new();
                for c in data.chars() {
                    if c.is_ascii_alphabetic() {
                        commands.push((c, String::new()));
                    } else if let Some(last) = commands.last_mut() {
                        last.1.push(c);
                    }
                }
                for (command, arguments) in commands {
                    let values: Vec<i64> = arguments
                        .replace('-', " -")
                        .split_whitespace()
                        .map(|value| value.parse().expect("a whole number"))
                        .collect();
                    let to = match (command, values.as_slice()) {
                        ('M', [x, y]) => (*x, *y),
                        ('m' | 'l', [dx, dy]) => (at.0 + dx, at.1 + dy),
                        ('h', [dx]) => (at.0 + dx, at.1),
                        ('v', [dy]) => (at.0, at.1 + dy),
                        ('z', []) => at,
                        other => panic!("unexpected path command {other:?}"),
                    };
                    if matches!(command, 'l' | 'h' | 'v') {
                        found.push((attributes.to_owned(), at, to));
                    }
                    at = to;
                }
            }
        }
        found
    }

    #[test]
    fn runs_of_polylines_become_one_path_that_strokes_the_same_segments() {
        let cases = [
            // Dashes of one line, vertical and horizontal.
            "<polyline fill=\"none\" opacity=\"0.45\" stroke=\"#6B727A\" stroke-width=\"1\" points=\"340,116 340,118 \"/>\n<polyline fill=\"none\" opacity=\"0.45\" stroke=\"#6B727A\" stroke-width=\"1\" points=\"340,122 340,124 \"/>\n<polyline fill=\"none\" opacity=\"0.45\" stroke=\"#6B727A\" stroke-width=\"1\" points=\"10,5 30,5 \"/>\n",
            // A trend line of several points going up and down, then another colour.
            "<polyline fill=\"none\" stroke=\"#1F6FD1\" stroke-width=\"2\" points=\"0,100 50,80 90,120 \"/>\n<polyline fill=\"none\" stroke=\"#D63A2B\" stroke-width=\"1\" points=\"5,5 5,-7 \"/>\n",
        ];
        for svg in cases {
            let compacted = compact(svg);
            assert_eq!(segments(&compacted), segments(svg), "{svg}\n→ {compacted}");
            assert!(!compacted.contains("<polyline"), "{compacted}");
            assert!(compacted.len() < svg.len());
        }
    }

    #[test]
    fn a_polygon_becomes_a_closed_path_through_the_same_corners() {
        let cases = [
            (
                "<polygon fill=\"#FFFFFF\" points=\"136,490 132,499 141,499 136,490 \"/>",
                "<path fill=\"#FFFFFF\" d=\"M136 490l-4 9h9z\"/>",
            ),
            (
                "<polygon fill=\"#1F6FD1\" opacity=\"0.5\" points=\"10,0 15,5 10,10 5,5 \"/>",
                "<path fill=\"#1F6FD1\" opacity=\"0.5\" d=\"M10 0l5 5l-5 5l-5-5z\"/>",
            ),
        ];
        for (svg, expected) in cases {
            assert_eq!(compact(svg), format!("{expected}\n"));
        }
    }

    #[test]
    fn other_elements_pass_through_and_lose_only_default_attributes() {
        let cases = [
            (
                "<circle cx=\"119\" cy=\"623\" r=\"6\" fill=\"#FFFFFF\" stroke=\"none\" stroke-width=\"1\"/>",
                "<circle cx=\"119\" cy=\"623\" r=\"6\" fill=\"#FFFFFF\"/>",
            ),
            (
                "<rect x=\"0\" y=\"0\" width=\"9\" height=\"9\" opacity=\"1\" fill=\"#FFFFFF\" stroke=\"none\"/>",
                "<rect x=\"0\" y=\"0\" width=\"9\" height=\"9\" fill=\"#FFFFFF\" stroke=\"none\"/>",
            ),
            (
                "<text x=\"5\" y=\"9\" opacity=\"0.5\">1750亿</text>",
                "<text x=\"5\" y=\"9\" opacity=\"0.5\">1750亿</text>",
            ),
            (
                "<text x=\"5\" y=\"9\" text-anchor=\"start\" font-size=\"12\">175B</text>",
                "<text x=\"5\" y=\"9\" font-size=\"12\">175B</text>",
            ),
            (
                "<text x=\"5\" y=\"9\" text-anchor=\"middle\">175B</text>",
                "<text x=\"5\" y=\"9\" text-anchor=\"middle\">175B</text>",
            ),
            // Not whole numbers: left as it is.
            (
                "<polyline fill=\"none\" points=\"1.5,2 3,4 \"/>",
                "<polyline fill=\"none\" points=\"1.5,2 3,4 \"/>",
            ),
        ];
        for (svg, expected) in cases {
            assert_eq!(compact(svg), format!("{expected}\n"));
        }
    }

    #[test]
    fn consecutive_texts_of_one_size_and_colour_say_them_once_on_a_group() {
        let text = |x: u32, attributes: &str, content: &str| {
            format!(
                "<text x=\"{x}\" y=\"9\"{attributes} textLength=\"20.0\">\n{content}\n</text>\n"
            )
        };
        let small_dark = " font-size=\"12\" fill=\"#1B1F24\"";
        let small_muted = " font-size=\"12\" fill=\"#575F69\"";
        let svg = [
            text(1, small_dark, "2020"),
            text(2, small_dark, "2021"),
            text(3, small_dark, "2022"),
            "<circle cx=\"1\" cy=\"2\" r=\"3\" fill=\"#1B1F24\"/>\n".to_owned(),
            text(4, small_dark, "alone"),
            text(5, small_muted, "GPT-3"),
            text(6, small_muted, "PaLM"),
        ]
        .concat();
        let expected = [
            "<g font-size=\"12\" fill=\"#1B1F24\">\n".to_owned(),
            text(1, "", "2020"),
            text(2, "", "2021"),
            text(3, "", "2022"),
            "</g>\n".to_owned(),
            "<circle cx=\"1\" cy=\"2\" r=\"3\" fill=\"#1B1F24\"/>\n".to_owned(),
            text(4, small_dark, "alone"),
            "<g font-size=\"12\" fill=\"#575F69\">\n".to_owned(),
            text(5, "", "GPT-3"),
            text(6, "", "PaLM"),
            "</g>\n".to_owned(),
        ]
        .concat();
        assert_eq!(group_texts(&svg), expected);
        assert_eq!(compact(&svg), expected);
    }
}
