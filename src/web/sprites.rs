//! The browser's [`Stamper`], for charts of many points: each distinct
//! marker is painted once, by [`paint_marker`], on a small canvas of its
//! own and read back; then every marker is composited ([`crate::stamp`])
//! into a transparent layer of the chart's size, which is drawn over the
//! chart in one `drawImage`. The chart's own pixels are never read back
//! (a slow readback where the canvas lives on the GPU). A canvas call per
//! marker shape cost about 10 µs here; this costs a fraction of a
//! microsecond per marker pixel.

use plotters_canvas::CanvasBackend;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{Document, HtmlCanvasElement, ImageData};

use super::because;
use super::canvas::{context_2d, read_often_context};
use crate::render::{marker_reach, paint_marker, MarkerLook, PaintConfig, Stamp, Stamper};
use crate::stamp::{Pixels, Sprite};

/// Stamps markers into `canvas`, painted as `paint` says.
pub struct CanvasStamper<'a> {
    pub document: &'a Document,
    pub canvas: &'a HtmlCanvasElement,
    pub paint: &'a PaintConfig,
}

impl Stamper for CanvasStamper<'_> {
    fn stamp(&mut self, stamps: &[Stamp]) -> Result<(), String> {
        let (width, height) = (self.canvas.width(), self.canvas.height());
        // Compositing markers over a transparent layer, then the layer over
        // the chart, gives what compositing them over the chart would.
        let mut data = vec![0; width as usize * height as usize * 4];
        let mut pixels = Pixels::new(&mut data, width as usize, height as usize)
            .ok_or("the chart is too large to stamp")?;
        let mut sprites: Vec<(MarkerLook, Sprite)> = Vec::new();
        let mut painter = None;
        for stamp in stamps {
            let index = match sprites.iter().position(|(look, _)| *look == stamp.look) {
                Some(index) => index,
                None => {
                    let canvas = match &painter {
                        Some(canvas) => canvas,
                        None => painter.insert(self.new_canvas(true)?),
                    };
                    sprites.push((stamp.look, self.sprite(canvas, stamp.look)?));
                    sprites.len() - 1
                }
            };
            pixels.stamp(&sprites[index].1, stamp.center);
        }
        let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&data), width, height)
            .map_err(because("cannot make the markers' pixels"))?;
        let layer = self.new_canvas(false)?;
        layer.set_width(width);
        layer.set_height(height);
        context_2d(&layer)
            .and_then(|context| context.put_image_data(&image, 0.0, 0.0))
            .map_err(because("cannot write the markers' pixels"))?;
        context_2d(self.canvas)
            .and_then(|context| context.draw_image_with_html_canvas_element(&layer, 0.0, 0.0))
            .map_err(because("cannot draw the markers onto the chart"))
    }
}

impl CanvasStamper<'_> {
    /// A canvas of its own; `read_often` for painting markers on, one after
    /// another, each read back.
    fn new_canvas(&self, read_often: bool) -> Result<HtmlCanvasElement, String> {
        let canvas: HtmlCanvasElement = self
            .document
            .create_element("canvas")
            .ok()
            .and_then(|element| element.dyn_into().ok())
            .ok_or("cannot create a canvas")?;
        if read_often {
            read_often_context(&canvas).map_err(because("the canvas gives no 2D context"))?;
        }
        Ok(canvas)
    }

    /// A marker of `look`, painted on `canvas` and read back.
    fn sprite(&self, canvas: &HtmlCanvasElement, look: MarkerLook) -> Result<Sprite, String> {
        let reach = marker_reach(look, self.paint.pixel_ratio);
        let side = 2 * reach + 1;
        // Setting the size clears the canvas.
        canvas.set_width(side);
        canvas.set_height(side);
        let backend = CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or("the canvas gives no 2D context")?;
        let center = (reach as i32, reach as i32);
        paint_marker(backend, look, center, self.paint).map_err(|error| error.to_string())?;
        let pixels = context_2d(canvas)
            .and_then(|context| context.get_image_data(0.0, 0.0, f64::from(side), f64::from(side)))
            .map_err(because("cannot read a marker's pixels"))?
            .data()
            .0;
        Sprite::new(side as usize, side as usize, center, pixels)
            .ok_or_else(|| "a marker's pixels are not of its size".to_owned())
    }
}
