//! Saving what a chart shows: SVG and 2× PNG drawn by the core's figure code, CSV of its rows.

use eig_pulse_core::catalogue::Chart;
use eig_pulse_core::chart::figure::{self, draw_figure, FigureText};
use eig_pulse_core::chart::{table, Palette};
use eig_pulse_core::Lang;

use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::{JsCast, JsValue};

use crate::context::scheme::Scheme;

/// Offers `bytes` as a file named `name` (a temporary link, clicked, then revoked).
fn save(name: &str, parts: &JsValue, mime: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    save_url(name, &url)?;
    web_sys::Url::revoke_object_url(&url)
}

fn save_url(name: &str, url: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(url);
    link.set_download(name);
    link.set_hidden(true);
    document.body().ok_or("no body")?.append_child(&link)?;
    link.click();
    link.remove();
    Ok(())
}

fn text_parts(text: &str) -> JsValue {
    js_sys::Array::of1(&JsValue::from_str(text)).into()
}

pub fn svg(
    slug: &str,
    chart: &Chart,
    hidden: &[bool],
    palette: &Palette,
    lang: Lang,
    words: &FigureText,
    width: u32,
) {
    let svg = eig_pulse_core::chart::svg::figure(chart, hidden, palette, lang, words, width);
    let _ = save(&format!("{slug}.svg"), &text_parts(&svg), "image/svg+xml");
}

/// A PNG at twice the CSS size, painted on a canvas that is never shown.
pub fn png(
    slug: &str,
    chart: &Chart,
    hidden: &[bool],
    scheme: Scheme,
    lang: Lang,
    words: &FigureText,
    width: u32,
) {
    let scale = 2.0;
    let height = figure::figure_height(chart, width, words.plain, words.subtitle.is_some());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(canvas) = document.create_element("canvas") else {
        return;
    };
    let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
    canvas.set_width((f64::from(width) * scale) as u32);
    canvas.set_height((f64::from(height) * scale) as u32);
    let Some(backend) = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let area = backend.into_drawing_area();
    let palette = scheme.palette(scale);
    if draw_figure(&area, chart, hidden, &palette, lang, words).is_ok() && area.present().is_ok() {
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            let _ = save_url(&format!("{slug}.png"), &url);
        }
    }
}

/// The drawn values as CSV.
pub fn csv(slug: &str, chart: &Chart, hidden: &[bool]) {
    csv_file(&format!("{slug}.csv"), &table::to_csv(chart, hidden));
}

/// A CSV file; the byte-order mark lets spreadsheets read the accents as UTF-8.
pub fn csv_file(name: &str, csv: &str) {
    let text = format!("\u{FEFF}{csv}");
    let _ = save(name, &text_parts(&text), "text/csv;charset=utf-8");
}
