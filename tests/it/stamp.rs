//! Stamping: markers composited into pixels (`stamp`), and the painter
//! handing its markers to a stamper on a chart of many points (`render`).

use param_scale::dataset::Model;
use param_scale::embedded::models;
use param_scale::layout::ChartLayout;

use super::english_layout;
use param_scale::render::{
    marker_reach, paint_layout, paint_marker, MarkerLook, PaintConfig, Stamp, Stamper,
    STAMP_FROM_POINTS,
};
use param_scale::stamp::{Pixels, Sprite};
use param_scale::theme::{Color, Theme, ThemeName};
use plotters_svg::SVGBackend;

const CLEAR: [u8; 4] = [0, 0, 0, 0];
const WHITE: [u8; 4] = [255, 255, 255, 255];
const RED: [u8; 4] = [255, 0, 0, 255];
const HALF_RED: [u8; 4] = [255, 0, 0, 128];

/// A 3 × 3 sprite: `centre` in the middle, `ring` around it.
fn dot(centre: [u8; 4], ring: [u8; 4]) -> Sprite {
    let pixels = (0..9)
        .flat_map(|index| if index == 4 { centre } else { ring })
        .collect();
    Sprite::new(3, 3, (1, 1), pixels).expect("9 pixels")
}

fn pixel(data: &[u8], width: usize, (x, y): (usize, usize)) -> [u8; 4] {
    let at = (y * width + x) * 4;
    [data[at], data[at + 1], data[at + 2], data[at + 3]]
}

#[test]
fn a_sprite_is_composited_over_the_pixels_as_a_canvas_draws_over_them() {
    // (what is there, the sprite's pixel, what must result), within one
    // step of rounding.
    let cases: [([u8; 4], [u8; 4], [u8; 4]); 6] = [
        (WHITE, RED, RED),
        (WHITE, CLEAR, WHITE),
        (WHITE, HALF_RED, [255, 127, 127, 255]),
        ([0, 0, 255, 255], HALF_RED, [128, 0, 127, 255]),
        (CLEAR, HALF_RED, HALF_RED),
        ([0, 0, 255, 128], HALF_RED, [170, 0, 85, 192]),
    ];
    for (below, source, expected) in cases {
        let mut data = below.to_vec();
        let sprite = Sprite::new(1, 1, (0, 0), source.to_vec()).expect("one pixel");
        Pixels::new(&mut data, 1, 1)
            .expect("one pixel")
            .stamp(&sprite, (0, 0));
        let close = data
            .iter()
            .zip(expected)
            .all(|(got, want)| got.abs_diff(want) <= 1);
        assert!(
            close,
            "{source:?} over {below:?} gave {data:?}, not {expected:?}"
        );
    }
}

#[test]
fn a_sprite_lands_centred_on_its_point_and_is_cut_at_the_edges() {
    // (the centre, the pixels of a 4 × 3 buffer the sprite must cover).
    type Case = ((i32, i32), &'static [(usize, usize)]);
    let cases: [Case; 5] = [
        (
            (1, 1),
            &[
                (0, 0),
                (1, 0),
                (2, 0),
                (0, 1),
                (1, 1),
                (2, 1),
                (0, 2),
                (1, 2),
                (2, 2),
            ],
        ),
        ((0, 0), &[(0, 0), (1, 0), (0, 1), (1, 1)]),
        ((4, 2), &[(3, 1), (3, 2)]),
        ((-2, 1), &[]),
        ((100, -100), &[]),
    ];
    for (centre, covered) in cases {
        let mut data = vec![0; 4 * 3 * 4];
        Pixels::new(&mut data, 4, 3)
            .expect("12 pixels")
            .stamp(&dot(RED, RED), centre);
        for y in 0..3 {
            for x in 0..4 {
                let expected = if covered.contains(&(x, y)) {
                    RED
                } else {
                    CLEAR
                };
                assert_eq!(
                    pixel(&data, 4, (x, y)),
                    expected,
                    "a dot at {centre:?}, pixel ({x}, {y})"
                );
            }
        }
    }
}

#[test]
fn a_sprite_of_opaque_translucent_and_clear_pixels_lands_as_each_pixel_would_alone() {
    let pixels = [
        [CLEAR, HALF_RED, RED, HALF_RED, RED],
        [RED, RED, CLEAR, HALF_RED, HALF_RED],
    ];
    let sprite = Sprite::new(5, 2, (2, 1), pixels.concat().concat()).expect("10 pixels");
    let below = [10, 200, 30, 255];
    for centre in [(2, 1), (0, 0), (5, 2), (-1, 1), (3, 3)] {
        let mut whole = below.repeat(6 * 3);
        Pixels::new(&mut whole, 6, 3)
            .expect("18 pixels")
            .stamp(&sprite, centre);
        let mut one_by_one = below.repeat(6 * 3);
        for (y, row) in pixels.iter().enumerate() {
            for (x, pixel) in row.iter().enumerate() {
                let alone = Sprite::new(1, 1, (0, 0), pixel.to_vec()).expect("one pixel");
                Pixels::new(&mut one_by_one, 6, 3)
                    .expect("18 pixels")
                    .stamp(&alone, (centre.0 - 2 + x as i32, centre.1 - 1 + y as i32));
            }
        }
        assert_eq!(whole, one_by_one, "a sprite centred on {centre:?}");
        assert_ne!(whole, below.repeat(6 * 3), "{centre:?} changed nothing");
    }
}

#[test]
fn a_sprite_is_trimmed_of_its_transparent_edges_and_keeps_its_centre() {
    // A 5 × 5 picture with one opaque pixel at (3, 1), centred on (2, 2).
    let mut pixels = vec![0; 5 * 5 * 4];
    pixels[(5 + 3) * 4..(5 + 3) * 4 + 4].copy_from_slice(&RED);
    let sprite = Sprite::new(5, 5, (2, 2), pixels).expect("25 pixels");
    assert_eq!(sprite.size(), (1, 1));
    let mut data = vec![0; 5 * 5 * 4];
    Pixels::new(&mut data, 5, 5)
        .expect("25 pixels")
        .stamp(&sprite, (2, 2));
    assert_eq!(pixel(&data, 5, (3, 1)), RED);
    assert_eq!(data.iter().filter(|&&byte| byte != 0).count(), 2);

    let empty = Sprite::new(2, 2, (1, 1), vec![0; 16]).expect("4 pixels");
    assert_eq!(empty.size(), (0, 0));
}

#[test]
fn buffers_and_sprites_of_the_wrong_length_are_refused() {
    let cases: [(usize, usize, usize); 3] = [(2, 2, 15), (2, 2, 17), (usize::MAX, 2, 8)];
    for (width, height, length) in cases {
        assert!(Sprite::new(width, height, (0, 0), vec![0; length]).is_none());
        assert!(Pixels::new(&mut vec![0; length], width, height).is_none());
    }
}

/// Records what it is handed.
#[derive(Default)]
struct Recorder {
    calls: Vec<Vec<Stamp>>,
}

impl Stamper for Recorder {
    fn stamp(&mut self, stamps: &[Stamp]) -> Result<(), String> {
        self.calls.push(stamps.to_vec());
        Ok(())
    }
}

/// The embedded models of disclosed size (each one a point), repeated to
/// make `count`.
fn many_models(count: usize) -> Vec<Model> {
    models()
        .iter()
        .filter(|model| model.params.is_some())
        .cycle()
        .take(count)
        .cloned()
        .collect()
}

fn paint_config() -> PaintConfig {
    PaintConfig {
        theme: Theme::named(ThemeName::Light),
        pixel_ratio: 2.0,
        font_scale: 1.0,
    }
}

/// Paints `layout` to SVG, with `stamper` if given; returns the SVG.
fn paint_svg(layout: &ChartLayout, stamper: Option<&mut dyn Stamper>) -> String {
    let mut svg = String::new();
    paint_layout(
        SVGBackend::with_string(&mut svg, (1920, 1200)),
        layout,
        &paint_config(),
        stamper,
    )
    .expect("painted");
    svg
}

fn shapes(svg: &str) -> usize {
    svg.matches("<circle").count() + svg.matches("<polygon").count()
}

#[test]
fn from_enough_points_the_painter_hands_every_marker_to_its_stamper_bottom_first() {
    // (models, whether the stamper is used).
    let cases = [
        (50, false),
        (STAMP_FROM_POINTS - 1, false),
        (STAMP_FROM_POINTS, true),
        (3 * STAMP_FROM_POINTS, true),
    ];
    for (count, stamped) in cases {
        let models = many_models(count);
        let layout = english_layout(&models);
        assert_eq!(layout.points.len(), count, "every model is a point");
        let mut recorder = Recorder::default();
        let with = paint_svg(&layout, Some(&mut recorder));
        let without = paint_svg(&layout, None);
        if !stamped {
            assert!(recorder.calls.is_empty(), "{count} models: stamped");
            assert_eq!(with, without, "{count} models: painted differently");
            continue;
        }
        assert_eq!(recorder.calls.len(), 1, "{count} models: stamped once");
        let ratio = paint_config().pixel_ratio;
        let expected: Vec<(i32, i32)> = layout
            .points
            .iter()
            .map(|point| {
                (
                    (point.center.x * ratio).round() as i32,
                    (point.center.y * ratio).round() as i32,
                )
            })
            .collect();
        let handed: Vec<(i32, i32)> = recorder.calls[0].iter().map(|stamp| stamp.center).collect();
        assert_eq!(handed, expected, "{count} models: every point, in order");
        // Two shapes per marker (three for a hollow one), none of them in
        // the stamped painting.
        let hollow = layout.points.iter().filter(|point| point.hollow).count();
        assert_eq!(
            shapes(&without) - shapes(&with),
            2 * layout.points.len() + hollow,
            "{count} models: markers painted besides the stamper"
        );
    }
}

#[test]
fn a_marker_painted_alone_is_the_marker_the_chart_paints() {
    let layout = english_layout(models());
    let chart = paint_svg(&layout, None);
    let paint = paint_config();
    for diamond in [false, true] {
        let point = layout
            .points
            .iter()
            .find(|point| {
                (point.architecture == param_scale::dataset::Architecture::MixtureOfExperts)
                    == diamond
            })
            .expect("a point of each shape");
        let look = MarkerLook {
            radius: point.radius,
            diamond,
            hollow: point.hollow,
            color: paint.theme.region(point.region),
        };
        let center = (
            (point.center.x * paint.pixel_ratio).round() as i32,
            (point.center.y * paint.pixel_ratio).round() as i32,
        );
        let mut alone = String::new();
        paint_marker(
            SVGBackend::with_string(&mut alone, (1920, 1200)),
            look,
            center,
            &paint,
        )
        .expect("painted");
        let elements: String = alone
            .lines()
            .filter(|line| line.starts_with("<circle") || line.starts_with("<polygon"))
            .map(|line| format!("{line}\n"))
            .collect();
        assert_eq!(elements.lines().count(), 2, "outline and fill: {alone}");
        assert!(
            chart.contains(&elements),
            "the chart has no marker {elements} (diamond: {diamond})"
        );
    }
}

#[test]
fn a_marker_reaches_further_with_a_larger_radius_and_pixel_ratio() {
    let look = |radius: f64, diamond: bool| MarkerLook {
        radius,
        diamond,
        hollow: false,
        color: Color::rgb(0, 0, 0),
    };
    // (look, pixel ratio, reach in backing pixels).
    let cases = [
        (look(4.0, false), 1.0, 7),
        (look(5.0, false), 1.0, 8),
        (look(5.0, false), 2.0, 14),
        (look(5.0, true), 1.0, 10),
        (look(5.0, true), 3.0, 26),
    ];
    for (look, ratio, reach) in cases {
        assert_eq!(marker_reach(look, ratio), reach, "{look:?} at {ratio}");
    }
}
