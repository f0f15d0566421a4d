//! The boxes a layout draws: no text over a mark or another text, at the
//! widths readers use, in both languages; the article's models labelled.

use param_scale::boxes::{layout_boxes, overlaps, BoxKind, LayoutBox};
use param_scale::embedded::{models, stages};
use param_scale::geometry::Point;
use param_scale::i18n::{self, Lang};
use param_scale::labels::segment_crosses;
use param_scale::layout::{
    compute_layout, ChartLayout, EstimatedText, LayoutConfig, View, BRUSH_ROOM,
};
use param_scale::options::AxisScale;

/// The widths of the check, each at a short and a tall canvas (the
/// page's canvas is shorter on a phone held sideways, taller upright).
const WIDTHS: [f64; 7] = [320.0, 360.0, 390.0, 430.0, 768.0, 1024.0, 1440.0];

fn heights(width: f64) -> [f64; 5] {
    if width < 600.0 {
        [360.0, 480.0, 507.0, 580.0, 680.0]
    } else {
        [360.0, 460.0, 520.0, 0.62 * width.min(1200.0), 780.0]
    }
}

/// The canvas heights the article's models must all be labelled at: a
/// phone's canvas is 480 px or taller (the page's chart is 500 px or
/// taller, its one row of controls included).
const LABELLED_FROM_HEIGHT: f64 = 460.0;

/// The layout of the page's canvas (`title: false`: the page shows the
/// title as a heading) or of an export (`title: true`). The page's canvas
/// has the brush below its time axis, and the page's chart is taller by the
/// brush's room (`www/style.css`): `height` is the room its plot and texts
/// have, as an export of that height has.
fn layout(width: f64, height: f64, lang: Lang, view: View, title: bool) -> ChartLayout {
    compute_layout(
        models(),
        stages(),
        LayoutConfig {
            width,
            height: if title { height } else { height + BRUSH_ROOM },
            lang,
            view,
            title,
            // The page's canvas leaves room for its brush.
            brush: !title,
        },
        &EstimatedText,
    )
}

fn describe(layout_box: &LayoutBox) -> String {
    match (&layout_box.text, layout_box.model_index) {
        (Some(text), _) => format!("text {text:?} at {:?}", layout_box.rect),
        (None, Some(index)) => format!("mark of {} at {:?}", models()[index].id, layout_box.rect),
        (None, None) => format!("mark at {:?}", layout_box.rect),
    }
}

fn views() -> [(&'static str, View); 3] {
    let claims = View {
        claims: true,
        ..View::default()
    };
    let linear = View {
        scale: AxisScale::Linear,
        ..View::default()
    };
    [
        ("default", View::default()),
        ("claims", claims),
        ("linear", linear),
    ]
}

#[test]
fn no_text_covers_a_mark_or_another_text_at_any_width_in_either_language() {
    let mut failures = Vec::new();
    for lang in Lang::ALL {
        for width in WIDTHS {
            for height in heights(width) {
                for ((name, view), title) in views().into_iter().zip([false, true, false]) {
                    let layout = layout(width, height, lang, view, title);
                    let boxes = layout_boxes(&layout, &EstimatedText);
                    for (first, second) in overlaps(&boxes) {
                        failures.push(format!(
                            "{lang:?} {width}×{height} {name}: {} overlaps {}",
                            describe(&boxes[first]),
                            describe(&boxes[second])
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_text_and_every_mark_has_a_box() {
    let layout = layout(390.0, 560.0, Lang::Zh, View::default(), true);
    let boxes = layout_boxes(&layout, &EstimatedText);
    let texts = boxes.iter().filter(|b| b.kind == BoxKind::Text).count();
    let legend_lines: usize = layout.legend.iter().map(|item| item.lines.len()).sum();
    assert_eq!(texts, layout.texts.len() + legend_lines);
    let marks: Vec<&LayoutBox> = boxes.iter().filter(|b| b.kind == BoxKind::Mark).collect();
    for point in &layout.points {
        assert!(marks
            .iter()
            .any(|mark| mark.model_index == Some(point.model_index)
                && mark.rect.contains(point.center)));
    }
    for event in &layout.events {
        assert!(marks
            .iter()
            .any(|mark| mark.model_index == Some(event.model_index)));
    }
    let labels = boxes
        .iter()
        .filter(|b| b.kind == BoxKind::Text && b.model_index.is_some())
        .count();
    assert!(labels > 5, "labels carry their model: {labels}");
}

#[test]
fn every_model_the_article_names_is_labelled_from_390_pixels_up() {
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        // The page's canvas is 16 px narrower than the window.
        for width in WIDTHS
            .into_iter()
            .filter(|width| *width >= 390.0)
            .flat_map(|width| [width, width - 16.0])
        {
            for height in heights(width)
                .into_iter()
                .filter(|height| *height >= LABELLED_FROM_HEIGHT)
            {
                let layout = layout(width, height, lang, View::default(), false);
                for (index, model) in models().iter().enumerate() {
                    let labelled = layout
                        .texts
                        .iter()
                        .any(|text| text.model_index == Some(index));
                    if model.in_article && !labelled {
                        missing.push(format!(
                            "{lang:?} {width}×{height}: {}",
                            i18n::model_name(model, lang)
                        ));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "unlabelled:\n{}", missing.join("\n"));
}

#[test]
fn band_names_are_drawn_where_there_is_room() {
    for lang in Lang::ALL {
        let layout = layout(1024.0, 640.0, lang, View::default(), false);
        let names: Vec<String> = stages()
            .iter()
            .map(|stage| i18n::stage_label(stage, lang))
            .collect();
        let drawn = layout
            .texts
            .iter()
            .filter(|text| names.contains(&text.text))
            .count();
        assert!(drawn >= 2, "{lang:?}: {drawn} band names");
    }
}

#[test]
fn the_trend_line_runs_through_no_band_name_at_any_width_in_either_language() {
    use param_scale::boxes::text_rect;
    use param_scale::labels::segment_crosses;
    let mut failures = Vec::new();
    for lang in Lang::ALL {
        let names: Vec<String> = stages()
            .iter()
            .map(|stage| i18n::stage_label(stage, lang))
            .collect();
        for width in WIDTHS {
            for height in heights(width) {
                let layout = layout(width, height, lang, View::default(), false);
                let Some((_, line)) = &layout.trend else {
                    continue;
                };
                for text in layout
                    .texts
                    .iter()
                    .filter(|text| names.contains(&text.text))
                {
                    let rect = text_rect(text, &EstimatedText);
                    if line
                        .windows(2)
                        .any(|pair| segment_crosses(pair[0], pair[1], &rect))
                    {
                        failures.push(format!("{lang:?} {width}×{height}: {:?}", text.text));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A model's label lies across the trend line only as the last resort of a
/// model the article names, where they must all be labelled (the log scale
/// from `ALL_ARTICLE_LABELS_FROM` up): the trend's line is an obstacle as a
/// leader is.
#[test]
fn no_label_lies_across_the_trend_line_but_an_article_model_s_last_resort() {
    use param_scale::boxes::text_rect;
    use param_scale::layout::ALL_ARTICLE_LABELS_FROM;
    let mut failures = Vec::new();
    let mut last_resorts = 0;
    for lang in Lang::ALL {
        for width in WIDTHS {
            for height in heights(width) {
                for ((name, view), title) in views().into_iter().zip([false, true, false]) {
                    let layout = layout(width, height, lang, view, title);
                    let Some((_, line)) = &layout.trend else {
                        continue;
                    };
                    let must = view.scale == AxisScale::Log
                        && width >= ALL_ARTICLE_LABELS_FROM.0
                        && height >= ALL_ARTICLE_LABELS_FROM.1;
                    for text in layout
                        .texts
                        .iter()
                        .filter(|text| text.model_index.is_some())
                    {
                        let rect = text_rect(text, &EstimatedText).inflate(-0.5);
                        if !line
                            .windows(2)
                            .any(|pair| segment_crosses(pair[0], pair[1], &rect))
                        {
                            continue;
                        }
                        let article = text
                            .model_index
                            .is_some_and(|index| models()[index].in_article);
                        if must && article {
                            last_resorts += 1;
                        } else {
                            failures
                                .push(format!("{lang:?} {width}×{height} {name}: {:?}", text.text));
                        }
                    }
                }
            }
        }
    }
    eprintln!("{last_resorts} article labels over the trend line as a last resort");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Shortens a leader by `by` px at its label's end, so that the label it
/// leads to does not count as crossing it.
fn shortened((from, to): (Point, Point), by: f64) -> (Point, Point) {
    let length = from.distance_squared(to).sqrt();
    if length <= by {
        return (from, from);
    }
    let keep = (length - by) / length;
    (
        from,
        Point::new(
            from.x + (to.x - from.x) * keep,
            from.y + (to.y - from.y) * keep,
        ),
    )
}

/// A label lies across no leader line, but the label of a model the
/// article names where no other place was left on a canvas where they must
/// all be labelled (the last resort, `place_labels_must`, on the log scale
/// from `ALL_ARTICLE_LABELS_FROM` up): a leader under such a label is
/// better than the model left unlabelled.
#[test]
fn no_text_lies_across_a_leader_line_but_its_own_label_or_an_article_model_s_last_resort() {
    use param_scale::layout::ALL_ARTICLE_LABELS_FROM;
    let mut failures = Vec::new();
    for lang in Lang::ALL {
        for width in WIDTHS {
            for height in heights(width) {
                for ((name, view), title) in views().into_iter().zip([false, true, false]) {
                    let layout = layout(width, height, lang, view, title);
                    let boxes = layout_boxes(&layout, &EstimatedText);
                    for leader in &layout.leaders {
                        let (from, to) = shortened(*leader, 2.0);
                        let must = view.scale == AxisScale::Log
                            && width >= ALL_ARTICLE_LABELS_FROM.0
                            && height >= ALL_ARTICLE_LABELS_FROM.1;
                        let last_resort = |text: &LayoutBox| {
                            must && text
                                .model_index
                                .is_some_and(|index| models()[index].in_article)
                        };
                        let crossed = boxes
                            .iter()
                            .filter(|b| b.kind == BoxKind::Text && !last_resort(b))
                            .find(|text| segment_crosses(from, to, &text.rect.inflate(-0.5)));
                        if let Some(text) = crossed {
                            failures.push(format!(
                                "{lang:?} {width}×{height} {name}: the leader {leader:?} crosses {}",
                                describe(text)
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
