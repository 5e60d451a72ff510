//! A chart leaving the page: « Copier l'image » (the clipboard, or a file where the browser
//! refuses), and the dashboard printed (every table laid out, where and when it was printed).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;

use support::{dist, open_drawn, serve, Routes};

/// The chart copied: the weekly journal, filtered.
const CHART: &str = "journal-weekly";

/// Replaces the browser's clipboard by one that keeps what it is given (`window.copied`: the
/// types of the first item and its PNG's bytes), or refuses everything when `refuse`.
fn clipboard_stub(refuse: bool) -> String {
    format!(
        "window.copied = null;
navigator.clipboard.write = function (items) {{
  if ({refuse}) return Promise.reject(new DOMException('denied', 'NotAllowedError'));
  return items[0].getType('image/png').then(function (blob) {{ return blob.arrayBuffer(); }})
    .then(function (buffer) {{ window.copied = {{ types: items[0].types, bytes: Array.from(new Uint8Array(buffer)) }}; }});
}};"
    )
}

/// The width and height a PNG's header gives.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[tokio::test]
async fn copy_the_image_puts_the_figure_on_the_clipboard_or_downloads_it() {
    let port = serve(dist(), Routes::new());
    let b = open_drawn(port, "?admin=ministere-de-l-interieur", 1280, 1000, 5).await;
    let button = format!("[data-chart={CHART}] [data-copy=png]");
    let status = format!("document.querySelector('[data-chart={CHART}] .copy-status').textContent");

    let copy = |refuse: bool, said: &'static str| {
        let (b, button, status) = (&b, &button, &status);
        async move {
            b.js(&clipboard_stub(refuse)).await;
            b.click(button).await;
            let told = format!("{status}.startsWith({said:?})");
            b.wait_for(&told, said).await;
        }
    };
    copy(false, "Image copiée").await;
    let copied = b.js("return window.copied").await;
    assert_eq!(
        copied["types"],
        serde_json::json!(["image/png"]),
        "{}",
        copied["types"]
    );
    let bytes: Vec<u8> = copied["bytes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| u8::try_from(b.as_u64().unwrap()).unwrap())
        .collect();
    // The figure at twice the frame's width, taller than the plot alone: title, filters, credit.
    let frame = b.js(&format!("return document.querySelector('[data-chart={CHART}] canvas').getBoundingClientRect().width")).await.as_f64().unwrap();
    let (width, height) = png_size(&bytes);
    assert_eq!(
        f64::from(width),
        2.0 * frame.round().max(480.0),
        "{width} for a frame of {frame}"
    );
    assert!(height > 500, "the figure's height {height}");

    // A browser that refuses the clipboard: the same image as a file, and it says so.
    copy(true, "La copie n'a pas été permise").await;
    let file = b.downloaded(&format!("{CHART}.png")).await;
    assert_eq!(
        png_size(&file),
        (width, height),
        "the file is the figure the copy would have held"
    );
    b.finish().await;
}

#[tokio::test]
async fn the_printed_dashboard_lays_out_every_table_and_says_where_and_when() {
    let port = serve(dist(), Routes::new());
    let b = open_drawn(port, "?admin=ministere-de-l-interieur", 1280, 1000, 5).await;
    let charts = b
        .js("return document.querySelectorAll('figure.chart[data-chart] canvas').length")
        .await
        .as_u64()
        .unwrap();
    assert!(charts >= 10, "{charts} charts");
    let tables = "document.querySelectorAll('figure.chart[data-chart] .data-table table').length";
    assert_eq!(
        b.js(&format!("return {tables}")).await,
        0,
        "no table open on screen"
    );

    let print = |event: &'static str, shown: u64| {
        let b = &b;
        async move {
            b.js(&format!("window.dispatchEvent(new Event('{event}'))"))
                .await;
            let laid_out = format!("{tables} === {shown}");
            b.wait_for(&laid_out, &format!("{shown} tables after {event}"))
                .await;
        }
    };
    print("beforeprint", charts).await;
    let source = b.text(".print-source").await;
    assert!(source.starts_with("Imprimé le "), "{source}");
    assert!(
        source.contains("admin=ministere-de-l-interieur"),
        "the address holds the filters: {source}"
    );
    print("afterprint", 0).await;

    // The browser's own print (WebDriver's Print Page) goes through the same events.
    b.js("window.printed = 0; addEventListener('beforeprint', () => { window.printed += 1; })")
        .await;
    let pdf = b
        .client
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .expect("a PDF of the page");
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    assert_eq!(
        b.js("return window.printed").await,
        1,
        "the print laid the tables out"
    );
    let pages = pdf
        .windows(b"/Type /Page\n".len())
        .filter(|w| w.starts_with(b"/Type /Page") && !w.starts_with(b"/Type /Pages"))
        .count();
    assert!(pages >= 8, "{pages} pages: the charts and their tables");
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("dashboard-print.pdf"), &pdf).unwrap();
    b.finish().await;
}
