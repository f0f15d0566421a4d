//! A chart of many models: 3,000 synthetic ones (`cargo xtask dist
//! --synthetic 3000`), whose markers are stamped into a layer of pixels
//! drawn over the chart, rather than drawn one canvas path at a time.

use serde_json::json;

use super::{check, with_browser, BrowserOptions};

/// Where `cargo xtask test` serves the site of 3,000 synthetic models.
fn many_url() -> Result<String, String> {
    std::env::var("PARAM_SCALE_MANY_URL")
        .map_err(|error| format!("PARAM_SCALE_MANY_URL: {error}: run `cargo xtask test`"))
}

/// How far (0–255) a channel of a stamped pixel may stray from the same
/// pixel drawn shape by shape: the canvas rounds premultiplied colour, the
/// stamping does not.
const ROUNDING: u64 = 8;

#[expect(
    clippy::too_many_lines,
    reason = "a browser scenario: its steps act on one page in the order a reader would, and add to one list of failures"
)]
#[tokio::test(flavor = "multi_thread")]
async fn a_chart_of_thousands_of_models_stamps_its_markers_into_the_picture_shapes_would_draw_and_warns_of_nothing(
) {
    // At a pixel ratio of 2 the canvas has the size and ratio of the PNG
    // export, which draws every marker as canvas shapes.
    let options = BrowserOptions {
        device_scale_factor: Some(2),
        ..BrowserOptions::default()
    };
    with_browser(options, |page| async move {
        let mut failures = Vec::new();
        page.open_on(&many_url()?, "lang=en").await?;
        let found = page
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const figure = document.getElementById('chart');
                 const canvas = figure.querySelector('canvas');
                 const context = canvas.getContext('2d');
                 // Count the chart canvas's shapes, readbacks and images in one redraw.
                 const counts = { arc: 0, fill: 0, getImageData: 0, drawImage: 0 };
                 const prototype = CanvasRenderingContext2D.prototype;
                 const originals = {};
                 for (const name of Object.keys(counts)) {
                     originals[name] = prototype[name];
                     prototype[name] = function (...args) {
                         if (this === context) counts[name] += 1;
                         return originals[name].apply(this, args);
                     };
                 }
                 figure.chart.redraw();
                 Object.assign(prototype, originals);
                 // A second draw reads the pixels back once more.
                 figure.chart.redraw();
                 const points = figure.chart.drawnPoints().filter(point => point.disclosed).length;
                 const image = new Image();
                 image.onerror = () => done({ error: 'the PNG export does not load' });
                 image.onload = () => {
                     if (image.width !== canvas.width || image.height !== canvas.height) {
                         done({ error: `the export is ${image.width}×${image.height}, the canvas ${canvas.width}×${canvas.height}` });
                         return;
                     }
                     const reference = document.createElement('canvas');
                     reference.width = image.width;
                     reference.height = image.height;
                     const referenceContext = reference.getContext('2d');
                     referenceContext.drawImage(image, 0, 0);
                     const shown = context.getImageData(0, 0, canvas.width, canvas.height).data;
                     const drawn = referenceContext.getImageData(0, 0, canvas.width, canvas.height).data;
                     let differing = 0, worst = 0, coloured = 0;
                     for (let index = 0; index < shown.length; index += 4) {
                         let difference = 0;
                         for (let channel = 0; channel < 4; channel++) {
                             difference = Math.max(difference, Math.abs(shown[index + channel] - drawn[index + channel]));
                         }
                         if (difference > 0) differing++;
                         worst = Math.max(worst, difference);
                         const [r, g, b] = [shown[index], shown[index + 1], shown[index + 2]];
                         if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
                     }
                     done({ counts, points, pixels: shown.length / 4, differing, worst, coloured });
                 };
                 // Without the title, which the page shows as a heading, the
                 // export is the canvas's own picture.
                 image.src = figure.chart.exportPng({ title: false });",
                Vec::new(),
            )
            .await
            .map_err(|error| error.to_string())?;
        if found.get("error").is_some() {
            return Err(found.to_string());
        }
        let number = |key: &str| found[key].as_u64().unwrap_or(u64::MAX);
        let count = |key: &str| found["counts"][key].as_u64().unwrap_or(u64::MAX);
        if number("points") < 2_000 {
            failures.push(format!("too few points were drawn for this test: {found}"));
        }
        // A few shapes remain for the legend and the events; the markers
        // come in one image, and the chart's pixels are never read back.
        if count("arc") > 50
            || count("fill") > 200
            || count("drawImage") != 1
            || count("getImageData") != 0
        {
            failures.push(format!(
                "the markers were not stamped in one image: {}",
                json!(found["counts"])
            ));
        }
        if number("worst") > ROUNDING || number("differing") * 50 > number("pixels") {
            failures.push(format!(
                "the stamped chart differs from the one drawn shape by shape: {found}"
            ));
        }
        // Markers in colour cover a good part of the plot.
        if number("coloured") * 20 < number("pixels") {
            failures.push(format!("few coloured pixels: {found}"));
        }
        // Drawing again warns of nothing: the one canvas read back at each
        // draw (the markers') asks for it (`willReadFrequently`).
        let console = page.console_messages().await?;
        if !console.is_empty() {
            failures.push(format!("the console is not quiet: {console:?}"));
        }
        check(failures)
    })
    .await
}
