//! A chart in a blog post as a writer pastes it: the dialog's snippet in a host page on another
//! origin, below the first screen, under a strict CSP (no style attributes), with and without
//! `embed.js`; the host's theme followed; the reader's focus kept through the hand-over.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::host::host;
use support::{browser, browser_with, dist, pixels_expression, serve, Browser, Routes};

/// The chart pasted in the post: horizontal bars, taller on a phone than in the dialog.
const CHART: &str = "defis-by-administration";

/// Runs `script` (a function body) inside the first frame of the page, and comes back.
async fn in_frame(b: &Browser, script: &str) -> serde_json::Value {
    b.in_frame(0, script).await
}

/// Waits (at most 15 s) until `condition`, a JS expression, holds inside the first frame.
async fn wait_in_frame(b: &Browser, condition: &str, what: &str) {
    b.wait_in_frame(0, condition, what).await;
}

/// The snippet the « Intégrer » dialog writes for [`CHART`], once both its previews (the dialog's
/// width and a phone's) have reported their heights: the snippet takes the taller.
async fn snippet_from_the_dialog(dashboard: u16) -> String {
    let b = browser(1280, 1000).await;
    b.open_embed_dialog(dashboard, CHART).await;
    // The phone-wide twin is the dialog's second frame, laid out in the narrowest phone column
    // (320 px): its content's own height, and what its plot would grow by in the widest (360 px),
    // where the text takes fewer lines but the plot, which keeps its aspect, is taller.
    let phone = "(() => { const d = document.querySelector('.embed-preview-phone').contentDocument; const e = d && d.querySelector('.embed'); const p = d && d.querySelector('.chart-frame'); return e ? Math.ceil(e.getBoundingClientRect().height) + (p ? Math.ceil(p.getBoundingClientRect().height * (360 / 320 - 1)) : 0) : 0; })()";
    b.wait_for(&format!("{phone} > 300"), "the phone-wide preview drawn")
        .await;
    assert_eq!(
        b.number(
            "return document.querySelector('.embed-preview-phone').getBoundingClientRect().width"
        )
        .await,
        320.0
    );
    let wanted = format!("Math.max({phone}, Math.ceil(parseFloat(document.querySelector('.embed-preview').style.height)))");
    b.wait_for(
        &format!("document.querySelector('#embed-snippet').value.includes('height=\"' + {wanted} + '\"')"),
        "the snippet's height: the taller preview",
    )
    .await;
    let widths = b
        .js(&format!(
            "return [{phone}, parseFloat(document.querySelector('.embed-preview').style.height)]"
        ))
        .await;
    let snippet = b
        .js("return document.querySelector('#embed-snippet').value")
        .await;
    b.finish().await;
    let (phone, wide) = (widths[0].as_f64().unwrap(), widths[1].as_f64().unwrap());
    assert!(
        phone > wide,
        "a phone needs more height than the dialog's preview: {phone} vs {wide}"
    );
    snippet.as_str().unwrap().to_string()
}

/// The frame's height as `embed.js` set it, its content's, and the page's scroll.
async fn sizes(b: &Browser) -> (f64, f64, f64) {
    let frame = b.js("const f = document.querySelector('iframe[data-eig-pulse]'); return [parseFloat(f.style.height) || 0, window.scrollY]").await;
    let content = in_frame(
        b,
        "return Math.ceil(document.querySelector('.embed').getBoundingClientRect().height)",
    )
    .await;
    (
        frame[0].as_f64().unwrap(),
        content.as_f64().unwrap(),
        frame[1].as_f64().unwrap(),
    )
}

/// Scrolls the host down to its end and back up, as a reader does, in steps.
async fn read_down_and_up(b: &Browser) {
    let end = b
        .js("return document.documentElement.scrollHeight - innerHeight")
        .await
        .as_f64()
        .unwrap();
    let steps = 12;
    for step in (0..=steps).chain((0..steps).rev()) {
        b.js(&format!(
            "window.scrollTo(0, {})",
            end * f64::from(step) / f64::from(steps)
        ))
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(60)).await;
    }
}

/// The theme shown inside the frame and the plot it took.
async fn frame_scheme(b: &Browser) -> String {
    in_frame(b, "const img = document.querySelector('.chart-frame img'); return document.documentElement.getAttribute('data-fr-theme') + ' ' + (img ? img.currentSrc : 'live')").await.as_str().unwrap().to_string()
}

#[tokio::test]
async fn a_pasted_chart_is_sized_before_it_is_reached_follows_the_host_and_keeps_to_a_strict_csp() {
    let dashboard = serve(dist(), Routes::new());
    let snippet = snippet_from_the_dialog(dashboard).await;
    assert!(
        !snippet.contains("style="),
        "no style attribute, refused by strict hosts: {snippet}"
    );
    assert!(
        snippet.contains("width=\"100%\"") && snippet.contains("frameborder=\"0\""),
        "{snippet}"
    );
    let host = host(dashboard, &snippet);

    for (width, height) in [(1280, 900), (360, 740)] {
        let b = browser(width, height).await;
        b.goto(&format!("http://127.0.0.1:{host}/post.html")).await;
        // Sized while the reader is still on the first screen, the frame far below.
        b.wait_for(
            "parseFloat(document.querySelector('iframe[data-eig-pulse]').style.height) > 300",
            "the frame sized by embed.js before the reader scrolls",
        )
        .await;
        let below = b.js("return document.querySelector('iframe[data-eig-pulse]').getBoundingClientRect().top - innerHeight").await.as_f64().unwrap();
        assert!(
            below > 300.0,
            "{width} px: the frame starts {below} px below the first screen"
        );
        let (frame, content, scrolled) = sizes(&b).await;
        assert_eq!(scrolled, 0.0, "{width} px: nobody scrolled");
        assert!(
            (frame - content).abs() <= 1.0,
            "{width} px: frame {frame} for content {content}"
        );
        // The column's width and no border, from the snippet's attributes alone.
        let fit = b.js("const f = document.querySelector('iframe[data-eig-pulse]'), a = document.querySelector('article'); const s = getComputedStyle(a); return [f.getBoundingClientRect().width, a.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight), getComputedStyle(f).borderTopWidth]").await;
        assert_eq!(
            fit[0], fit[1],
            "{width} px: the frame fills the column: {fit}"
        );
        assert_eq!(fit[2], "0px", "{width} px: {fit}");

        // The host's DSFR theme, followed both ways.
        assert!(frame_scheme(&b).await.starts_with("light "), "{width} px");
        b.js("document.documentElement.setAttribute('data-fr-theme', 'dark')")
            .await;
        wait_in_frame(&b, "document.documentElement.getAttribute('data-fr-theme') === 'dark' && document.querySelector('.chart-frame img').currentSrc.includes('.dark.')", "the dark plot after the host turned dark").await;
        b.js("document.querySelector('iframe[data-eig-pulse]').scrollIntoView()")
            .await;
        b.screenshot(&format!("embed-host-dark-{width}")).await;
        b.js("window.scrollTo(0, 0)").await;
        b.js("document.documentElement.setAttribute('data-fr-theme', 'light')")
            .await;
        wait_in_frame(&b, "document.documentElement.getAttribute('data-fr-theme') === 'light' && document.querySelector('.chart-frame img').currentSrc.includes('.light.')", "the light plot back").await;

        read_down_and_up(&b).await;
        let shifts = b.js("return window.shifts").await.as_f64().unwrap();
        assert!(
            shifts <= 0.01,
            "{width} px: the host moved while read (CLS {shifts})"
        );
        let refused = b.js("return window.refused").await;
        assert_eq!(
            refused,
            serde_json::json!([]),
            "{width} px: the host's CSP refused {refused}"
        );
        b.finish().await;
    }

    // embed.js refused by the host: the snippet's own height shows the whole chart on a phone.
    let b = browser(360, 740).await;
    b.goto(&format!("http://127.0.0.1:{host}/blocked.html"))
        .await;
    wait_in_frame(
        &b,
        "window.eigPulseTimings && window.eigPulseTimings.staticChart > 0",
        "the static chart",
    )
    .await;
    let frame = b.js("const f = document.querySelector('iframe[data-eig-pulse]'); return [f.style.height, f.getBoundingClientRect().height]").await;
    assert_eq!(frame[0], "", "no embed.js, no height set: {frame}");
    let content = in_frame(
        &b,
        "return Math.ceil(document.querySelector('.embed').getBoundingClientRect().height)",
    )
    .await
    .as_f64()
    .unwrap();
    let room = frame[1].as_f64().unwrap();
    assert!(
        room >= content,
        "the fallback height {room} cuts the chart's {content} px on a phone"
    );
    let refused = b.js("return window.refused.join(' ')").await;
    assert!(
        refused.as_str().unwrap().contains("embed.js"),
        "the CSP did refuse embed.js: {refused}"
    );
    b.finish().await;
}

#[tokio::test]
async fn a_host_without_a_dark_mode_gets_light_charts_in_a_dark_system_and_a_dark_page_dark_ones() {
    let dashboard = serve(dist(), Routes::new());
    let snippet = format!(
        "<iframe data-eig-pulse src=\"http://127.0.0.1:{dashboard}/embed/{CHART}.fr.html?theme=auto\" title=\"Défis\" width=\"100%\" height=\"600\" frameborder=\"0\"></iframe>\n<script src=\"http://127.0.0.1:{dashboard}/embed.js\" async></script>"
    );
    let host = host(dashboard, &snippet);
    let b = browser_with(1000, 900, &["--force-dark-mode"]).await;
    // Alone, the page follows the system: dark.
    b.goto_static(&format!(
        "http://127.0.0.1:{dashboard}/embed/{CHART}.fr.html"
    ))
    .await;
    let alone = b
        .js("return document.documentElement.getAttribute('data-fr-theme')")
        .await;
    assert_eq!(alone, "dark", "the system prefers dark");
    // In a white page with no dark mode: light; in a page whose only sign is its dark background:
    // dark (and light again below when it turns white).
    for (page, theme) in [("plain", "light"), ("ink", "dark"), ("night", "dark")] {
        b.goto(&format!("http://127.0.0.1:{host}/{page}.html"))
            .await;
        let told = format!("document.documentElement.dataset.hostTheme === '{theme}'");
        wait_in_frame(&b, &told, "the host's theme told").await;
        let shown = frame_scheme(&b).await;
        assert!(shown.starts_with(&format!("{theme} ")), "{page}: {shown}");
    }
    b.js("document.body.classList.remove('night')").await;
    let light = "document.documentElement.getAttribute('data-fr-theme') === 'light'";
    wait_in_frame(&b, light, "light again").await;
    // The interactive chart, once it takes over, keeps the host's light theme in a dark system,
    // and follows the host when it turns dark.
    in_frame(&b, "document.querySelector('.table-toggle').click()").await;
    let live = "!document.getElementById('embed-static') && window.eigPulseTimings.draws >= 1";
    wait_in_frame(&b, live, "the interactive chart").await;
    let theme = "return document.documentElement.getAttribute('data-fr-theme')";
    assert_eq!(
        in_frame(&b, theme).await,
        "light",
        "the host's light theme, not the system's dark"
    );
    // The canvas' own background, drawn by the wasm with its palette: light, then dark.
    let light_pixels = pixels_expression(CHART, "d[i] + d[i+1] + d[i+2] > 600");
    let dark_pixels = pixels_expression(CHART, "d[i] + d[i+1] + d[i+2] < 150");
    wait_in_frame(&b, &format!("{light_pixels} > 0.5"), "the light canvas").await;
    b.js("document.body.classList.add('night')").await;
    let dark = format!("{dark_pixels} > 0.5");
    wait_in_frame(
        &b,
        &dark,
        "the interactive chart redrawn dark with its host",
    )
    .await;
    b.js("document.querySelector('iframe[data-eig-pulse]').scrollIntoView()")
        .await;
    b.screenshot("embed-host-night-live").await;
    b.finish().await;
}

#[tokio::test]
async fn the_readers_focus_stays_on_its_control_through_the_hand_over() {
    let dashboard = serve(dist(), Routes::new());
    let b = browser(1000, 900).await;
    b.goto_static(&format!(
        "http://127.0.0.1:{dashboard}/embed/{CHART}.fr.html"
    ))
    .await;
    // The keyboard reaches the « Voir les données » button of the static chart: the interactive
    // one loads, and the focus is on the same button there.
    b.wake_by_focus(".table-toggle").await;
    b.wait_for_focus(".table-toggle", "the focus on the same control")
        .await;
    let expanded = b
        .js("return document.activeElement.getAttribute('aria-expanded')")
        .await;
    assert_eq!(
        expanded, "false",
        "a focus is not a click: the table stays closed"
    );
    b.finish().await;
}
