//! Saving what a chart shows: SVG and 2× PNG drawn by the core's figure code — the PNG also on
//! the clipboard —, CSV of its rows.

use eig_pulse_core::catalogue::Chart;
use eig_pulse_core::chart::figure::{self, draw_figure, FigureText};
use eig_pulse_core::chart::{table, Palette};
use eig_pulse_core::Lang;

use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::closure::Closure;
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

/// The figure (title, filters, plot, credit) painted at twice the CSS size on a canvas that is
/// never shown.
pub fn figure_canvas(
    chart: &Chart,
    hidden: &[bool],
    scheme: Scheme,
    lang: Lang,
    words: &FigureText,
    width: u32,
) -> Option<web_sys::HtmlCanvasElement> {
    let scale = 2.0;
    let height = figure::figure_height(chart, width, words);
    let document = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.unchecked_into();
    canvas.set_width((f64::from(width) * scale) as u32);
    canvas.set_height((f64::from(height) * scale) as u32);
    let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())?;
    let area = backend.into_drawing_area();
    let palette = scheme.palette(scale);
    draw_figure(&area, chart, hidden, &palette, lang, words).ok()?;
    area.present().ok()?;
    Some(canvas)
}

/// Offers `canvas` (a [`figure_canvas`]) as the PNG file `<slug>.png`.
pub fn save_png(slug: &str, canvas: &web_sys::HtmlCanvasElement) {
    if let Ok(url) = canvas.to_data_url_with_type("image/png") {
        let _ = save_url(&format!("{slug}.png"), &url);
    }
}

/// What became of « Copier l'image ».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyOutcome {
    /// On the clipboard.
    Copied,
    /// The browser refused the clipboard: the image was downloaded instead.
    Downloaded,
}

/// Puts `canvas` (a [`figure_canvas`]) as a PNG on the clipboard — called in the click, which lets
/// the browser allow it — else offers it as the file `<slug>.png`; `done` hears which.
pub fn copy_png(
    slug: &'static str,
    canvas: web_sys::HtmlCanvasElement,
    done: impl FnOnce(CopyOutcome) + 'static,
) {
    match clipboard_write(&canvas) {
        Some(written) => leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(written).await.is_ok() {
                done(CopyOutcome::Copied);
            } else {
                save_png(slug, &canvas);
                done(CopyOutcome::Downloaded);
            }
        }),
        None => {
            save_png(slug, &canvas);
            done(CopyOutcome::Downloaded);
        }
    }
}

/// `navigator.clipboard.write([new ClipboardItem({"image/png": <the canvas' PNG>})])`, where the
/// browser has it.
fn clipboard_write(canvas: &web_sys::HtmlCanvasElement) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    if !js_sys::Reflect::has(&window, &JsValue::from_str("ClipboardItem")).ok()? {
        return None;
    }
    let clipboard = window.navigator().clipboard();
    let source = canvas.clone();
    // The image is made after the click returns: the item holds its promise.
    let png = js_sys::Promise::new(&mut |resolve, reject| {
        let made = Closure::once_into_js(move |blob: JsValue| {
            let _ = if blob.is_null() {
                reject.call1(&JsValue::NULL, &JsValue::from_str("no PNG"))
            } else {
                resolve.call1(&JsValue::NULL, &blob)
            };
        });
        let _ = source.to_blob_with_type(made.unchecked_ref(), "image/png");
    });
    let record = js_sys::Object::new();
    js_sys::Reflect::set(&record, &JsValue::from_str("image/png"), &png).ok()?;
    let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record).ok()?;
    Some(clipboard.write(&js_sys::Array::of1(&item)))
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
