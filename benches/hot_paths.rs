//! Native benchmarks of the chart's hot paths (`cargo bench --bench hot_paths`):
//! one full render to SVG, the nearest-point query (scan and grid), the
//! layout with its label placement, and stamping every marker into a buffer
//! of pixels (what the browser does from 1,000 points on), for the real data and for synthetic
//! data sets made by the same generator as `cargo xtask dist --synthetic N`.
//! The browser figures come from `cargo xtask bench`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::run();
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../xtask/src/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::{BenchmarkId, Criterion};
    use param_scale::dataset::{parse_models, Model, Stage};
    use param_scale::embedded::{models, stages};
    use param_scale::geometry::Point;
    use param_scale::hit::{nearest, targets, TargetGrid};
    use param_scale::i18n::Lang;
    use param_scale::layout::{compute_layout, EstimatedText, LayoutConfig, View};
    use param_scale::stamp::{Pixels, Sprite};
    use param_scale::svg::render_svg;
    use param_scale::theme::Theme;

    const SIZE: (f64, f64) = (960.0, 600.0);

    fn config() -> LayoutConfig {
        LayoutConfig {
            width: SIZE.0,
            height: SIZE.1,
            lang: Lang::En,
            view: View::default(),
            title: true,
            brush: false,
        }
    }

    /// The data sets: the real one and synthetic ones of 3,000 and 100,000 models.
    /// Named sets of models: the real data and synthetic ones.
    type DataSets = Vec<(String, Vec<Model>)>;

    fn data_sets() -> DataSets {
        let mut sets = vec![("real".to_owned(), models().to_vec())];
        for count in [3_000, 100_000] {
            let text = super::synthetic::csv(count);
            match parse_models("synthetic.csv", &text) {
                Ok(models) => sets.push((count.to_string(), models)),
                Err(errors) => panic!("synthetic data is invalid: {}", errors[0]),
            }
        }
        sets
    }

    /// A marker like the chart's at a pixel ratio of 1: a disc of colour
    /// inside a ring of white, with an antialiased edge.
    fn marker_sprite() -> Sprite {
        const REACH: usize = 8;
        let side = 2 * REACH + 1;
        let mut pixels = Vec::with_capacity(side * side * 4);
        for y in 0..side {
            for x in 0..side {
                let distance =
                    ((x as f64 - REACH as f64).powi(2) + (y as f64 - REACH as f64).powi(2)).sqrt();
                let coverage =
                    |radius: f64| ((radius + 0.5 - distance).clamp(0.0, 1.0) * 255.0) as u8;
                let colour = if distance <= 5.0 {
                    [31, 111, 209]
                } else {
                    [255, 255, 255]
                };
                pixels.extend_from_slice(&colour);
                pixels.push(coverage(6.2));
            }
        }
        Sprite::new(side, side, (REACH as i32, REACH as i32), pixels).expect("sized")
    }

    pub fn run() {
        let mut criterion = Criterion::default().sample_size(10).configure_from_args();
        let sets = data_sets();
        let stages: &[Stage] = stages();
        render_and_layout(&mut criterion, &sets, stages);
        nearest_point(&mut criterion, &sets, stages);
        stamp_every_marker(&mut criterion, &sets, stages);
        criterion.final_summary();
    }

    /// The whole SVG render, and the layout alone.
    fn render_and_layout(criterion: &mut Criterion, sets: &DataSets, stages: &[Stage]) {
        let mut group = criterion.benchmark_group("render_svg");
        for (name, models) in sets {
            group.bench_with_input(
                BenchmarkId::from_parameter(name),
                models,
                |bench, models| {
                    bench.iter(|| {
                        render_svg(
                            black_box(models),
                            stages,
                            config(),
                            &Theme::light(),
                            &EstimatedText,
                        )
                    })
                },
            );
        }
        group.finish();

        let mut group = criterion.benchmark_group("layout_and_labels");
        for (name, models) in sets {
            group.bench_with_input(
                BenchmarkId::from_parameter(name),
                models,
                |bench, models| {
                    bench.iter(|| {
                        compute_layout(black_box(models), stages, config(), &EstimatedText)
                    })
                },
            );
        }
        group.finish();
    }

    /// 300 pointer queries: a scan of the targets, the grid, and the grid's
    /// building.
    fn nearest_point(criterion: &mut Criterion, sets: &DataSets, stages: &[Stage]) {
        let mut group = criterion.benchmark_group("nearest_point_300_queries");
        for (name, models) in sets {
            let layout = compute_layout(models, stages, config(), &EstimatedText);
            let targets = targets(&layout, models);
            let grid = TargetGrid::new(&targets, 16.0);
            let plot = layout.plot;
            let queries: Vec<Point> = (0..300)
                .map(|index| {
                    let t = f64::from(index) / 300.0;
                    Point::new(
                        plot.left + plot.width() * t,
                        plot.top + plot.height() * (0.5 + 0.4 * (t * 37.0).sin()),
                    )
                })
                .collect();
            group.bench_function(BenchmarkId::new("scan", name), |bench| {
                bench.iter(|| {
                    for at in &queries {
                        black_box(nearest(&targets, *at, 32.0));
                    }
                })
            });
            group.bench_function(BenchmarkId::new("grid", name), |bench| {
                bench.iter(|| {
                    for at in &queries {
                        black_box(grid.nearest(&targets, *at, 32.0));
                    }
                })
            });
            group.bench_function(BenchmarkId::new("build_grid", name), |bench| {
                bench.iter(|| TargetGrid::new(black_box(&targets), 16.0))
            });
        }
        group.finish();
    }

    /// Every marker of a layout stamped into a pixel buffer.
    fn stamp_every_marker(criterion: &mut Criterion, sets: &DataSets, stages: &[Stage]) {
        let mut group = criterion.benchmark_group("stamp_every_marker");
        let (width, height) = (SIZE.0 as usize, SIZE.1 as usize);
        let sprite = marker_sprite();
        let mut buffer = vec![255_u8; width * height * 4];
        for (name, models) in sets {
            let layout = compute_layout(models, stages, config(), &EstimatedText);
            let centres: Vec<(i32, i32)> = layout
                .points
                .iter()
                .map(|point| (point.center.x.round() as i32, point.center.y.round() as i32))
                .collect();
            group.bench_with_input(
                BenchmarkId::from_parameter(name),
                &centres,
                |bench, centres| {
                    bench.iter(|| {
                        let mut pixels = Pixels::new(&mut buffer, width, height).expect("sized");
                        for centre in centres {
                            pixels.stamp(black_box(&sprite), *centre);
                        }
                    })
                },
            );
        }
        group.finish();
    }
}
