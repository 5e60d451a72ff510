//! Embedding end to end: a host page on a second loopback port frames two charts; downloads.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use eig_pulse_core::contract::pinned::ExportVersion;
use eig_pulse_core::Lang;
use support::{browser, dist, serve, Browser, Routes};

/// A blog post with two embedded charts, one foreign frame (not marked for resizing), an
/// impostor frame of the host's own origin marked for resizing, and an element whose id once
/// switched `embed.js` off.
fn host_page(dashboard: u16) -> Vec<u8> {
    format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>Article</title></head>
<body style="margin:0;font-family:sans-serif"><div id="__eigPulseEmbed"></div><div id="post" style="width:700px">
<p>Un article de blog.</p>
<iframe id="weekly" data-eig-pulse src="http://127.0.0.1:{dashboard}/embed/journal-weekly.fr.html?admin=ministere-de-l-interieur&theme=dark" title="Activité" style="width:100%;border:0" height="150"></iframe>
<iframe id="admins" data-eig-pulse src="http://127.0.0.1:{dashboard}/embed/defis-by-administration.en.html?theme=light" title="Défis" style="width:100%;border:0" height="150"></iframe>
<iframe id="foreign" src="http://127.0.0.1:{dashboard}/?chart=skills-by-promotion" title="Étranger" style="width:100%;border:0" height="150"></iframe>
<iframe id="impostor" data-eig-pulse src="/impostor.html" title="Imposteur" style="width:100%;border:0" height="150"></iframe>
</div><script src="http://127.0.0.1:{dashboard}/embed.js" async></script></body></html>"#
    )
    .into_bytes()
}

fn sites() -> (u16, u16) {
    let dashboard = serve(dist(), Routes::new());
    let mut routes = Routes::new();
    routes.insert(
        "/post.html".into(),
        (200, "text/html; charset=utf-8", host_page(dashboard)),
    );
    routes.insert(
        "/impostor.html".into(),
        (
            200,
            "text/html; charset=utf-8",
            b"<!doctype html><script>setInterval(function () { parent.postMessage({\"eig-pulse-height\": {\"journal-weekly\": 4321}}, \"*\"); parent.postMessage({sentinel: \"amp\", type: \"embed-size\", height: 4321}, \"*\"); }, 100);</script>".to_vec(),
        ),
    );
    let host = serve(std::env::temp_dir(), routes);
    (dashboard, host)
}

/// A new browser of `width` × `height`, and the port of the dashboard of [`sites`].
async fn browser_on_dashboard(width: u32, height: u32) -> (Browser, u16) {
    let (dashboard, _) = sites();
    (browser(width, height).await, dashboard)
}

/// The dashboard filtered on the Ministry of the Interior, every chart drawn.
async fn interior_dashboard() -> (Browser, u16) {
    let (b, dashboard) = browser_on_dashboard(1280, 1600).await;
    let url = format!("http://127.0.0.1:{dashboard}/?admin=ministere-de-l-interieur");
    b.goto(&url).await;
    b.wait_for_draws(5, "the dashboard").await;
    (b, dashboard)
}

async fn frame_height(b: &Browser, id: &str) -> f64 {
    b.js(&format!(
        "return parseFloat(document.getElementById('{id}').style.height) || 0"
    ))
    .await
    .as_f64()
    .unwrap()
}

/// The embedded page's own content height, read inside the frame.
async fn content_height(b: &Browser, index: u16) -> f64 {
    b.in_frame(index, "const e = document.querySelector('.embed'); return e ? e.getBoundingClientRect().height : 0").await.as_f64().unwrap()
}

/// The frame's height and its content's once the last report has landed: equal once nothing
/// moves (polled for at most 2 s; the caller asserts).
async fn settled(b: &Browser, id: &str, index: u16) -> (f64, f64) {
    let (mut frame, mut content) = (0.0, 0.0);
    for _ in 0..40 {
        (frame, content) = (frame_height(b, id).await, content_height(b, index).await);
        if (frame - content.ceil()).abs() <= 1.0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    (frame, content)
}

#[tokio::test]
async fn embedded_charts_take_their_height_follow_the_host_and_ignore_strangers() {
    let (_, host) = sites();
    let b = browser(1000, 1400).await;
    b.open_local(host, "post.html").await;
    b.wait_for("parseFloat(document.getElementById('weekly').style.height) > 300 && parseFloat(document.getElementById('admins').style.height) > 300", "both frames sized").await;
    for (index, id) in [(0, "weekly"), (1, "admins")] {
        let (frame, content) = settled(&b, id, index).await;
        assert!(
            (frame - content.ceil()).abs() <= 1.0,
            "{id}: frame {frame} for content {content}"
        );
    }
    assert_eq!(
        b.js("return document.getElementById('foreign').style.height")
            .await,
        "",
        "a frame not marked data-eig-pulse is left alone"
    );
    assert_eq!(
        b.js("return document.getElementById('impostor').style.height")
            .await,
        "",
        "a frame marked data-eig-pulse but not on the dashboard's origin is left alone"
    );

    // Theme and language reach the embedded pages.
    b.client.clone().enter_frame(0).await.unwrap();
    assert_eq!(
        b.js("return document.documentElement.dataset.frTheme")
            .await,
        "dark"
    );
    let dark = b
        .pixels("journal-weekly", "d[i] < 40 && d[i+1] < 40 && d[i+2] < 40")
        .await;
    assert!(dark > 0.3, "dark background painted ({dark:.2})");
    assert!(b
        .text(".chart-subtitle")
        .await
        .contains("Ministère de l’Intérieur"));
    assert!(b.text(".embed-credit").await.contains("Licence Ouverte"));
    let full = b
        .js("return document.querySelector('.embed-credit a').href")
        .await;
    assert_eq!(
        full.as_str().unwrap().split('?').nth(1),
        Some("admin=ministere-de-l-interieur")
    );
    b.client.clone().enter_parent_frame().await.unwrap();
    b.client.clone().enter_frame(1).await.unwrap();
    assert_eq!(b.text("h1").await, "Défis per administration");
    assert_eq!(b.js("return document.documentElement.lang").await, "en");
    b.client.clone().enter_parent_frame().await.unwrap();
    b.screenshot("host-wide").await;

    // The host narrows: the frames reflow and report a new height.
    let before = frame_height(&b, "weekly").await;
    b.js("document.getElementById('post').style.width = '360px'")
        .await;
    b.wait_for(
        &format!(
            "Math.abs(parseFloat(document.getElementById('weekly').style.height) - {before}) > 10"
        ),
        "a new height after narrowing",
    )
    .await;
    let (frame, content) = settled(&b, "weekly", 0).await;
    assert!(
        (frame - content.ceil()).abs() <= 1.0,
        "narrow: frame {frame} for content {content}"
    );
    b.screenshot("host-narrow").await;

    // Messages from a window that is not one of the marked frames are ignored.
    let admins = frame_height(&b, "admins").await;
    b.js(r#"window.postMessage({"eig-pulse-height": {"defis-by-administration": 7}}, "*");
           window.postMessage({"sentinel": "amp", "type": "embed-size", "height": 9}, "*");
           document.getElementById('foreign').contentWindow.postMessage({"eig-pulse-height": {"x": 11}}, "*");"#).await;
    // Checked again and again while the messages are delivered: no frame ever takes them.
    for _ in 0..6 {
        assert_eq!(frame_height(&b, "admins").await, admins);
        assert_eq!(frame_height(&b, "weekly").await, frame);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    b.finish().await;
}

/// The page `path` on `port` says the chart « camembert » is unknown and names the known ones.
async fn says_unknown_chart(b: &Browser, port: u16, path: &str) {
    b.open_local(port, path).await;
    b.wait_for_element(".failure", "an unknown chart message")
        .await;
    let text = b.text(".failure").await;
    assert!(
        text.contains("Graphique inconnu « camembert »") && text.contains("journal-weekly"),
        "{text}"
    );
}

#[tokio::test]
async fn plain_embeds_show_the_chart_alone_and_unknown_charts_say_so() {
    let (b, dashboard) = browser_on_dashboard(800, 900).await;
    b.open_local(dashboard, "?chart=openness-by-promotion&plain=1")
        .await;
    b.wait_for_draws(1, "the chart").await;
    assert_eq!(b.count("h1, h2, .embed-credit, [data-download]").await, 0);
    assert!(b.ink("openness-by-promotion").await > 0.02);
    says_unknown_chart(&b, dashboard, "?chart=camembert").await;
    b.finish().await;
}

#[tokio::test]
async fn the_embed_dialog_writes_a_snippet_with_the_current_filters() {
    let (b, dashboard) = interior_dashboard().await;
    b.click_in_script("[data-embed=journal-weekly]").await;
    b.wait_for_element("#embed-snippet", "the dialog").await;
    let snippet = b
        .js("return document.querySelector('#embed-snippet').value")
        .await
        .as_str()
        .unwrap()
        .to_string();
    let base = format!("http://127.0.0.1:{dashboard}/");
    // Pinned to the export's version by default (tests/pinned.rs follows it after a new export).
    let bytes = std::fs::read(dist().join("data/export.json")).unwrap();
    let export: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let version = ExportVersion::of(export["generated_at"].as_str().unwrap(), &bytes).unwrap();
    let page = version.page("journal-weekly", Lang::Fr);
    assert!(snippet.contains(&format!("<iframe data-eig-pulse src=\"{base}{page}?admin=ministere-de-l-interieur&amp;theme=auto\"")), "{snippet}");
    assert!(
        snippet.contains("title=\"Activité hebdomadaire du journal — EIG Pulse\""),
        "{snippet}"
    );
    assert!(
        snippet.contains(&format!("<script src=\"{base}embed.js\" async></script>")),
        "{snippet}"
    );
    assert!(
        snippet.contains(&format!(
            "<noscript><img src=\"{base}static/journal-weekly.svg\""
        )),
        "{snippet}"
    );
    // The command is folded: a writer has nothing to run.
    assert_eq!(
        b.js("return document.querySelector('.embed-cli').open")
            .await,
        serde_json::Value::Bool(false)
    );
    let command = b.text(".embed-command").await;
    assert!(
        command.contains("--chart journal-weekly --admin ministere-de-l-interieur --format png"),
        "{command}"
    );
    // The preview is a live embed; the fallback image is served.
    b.wait_for(
        "parseFloat(document.querySelector('.embed-preview').style.height) > 300",
        "the preview sized by embed.js",
    )
    .await;
    // The snippet reserves at least the height the preview reported, so the host page does not
    // move (tests/embed_host.rs checks it takes the phone's when taller).
    let preview = b
        .js("return parseFloat(document.querySelector('.embed-preview').style.height)")
        .await
        .as_f64()
        .unwrap();
    b.wait_for(
        &format!(
            "parseInt(document.querySelector('#embed-snippet').value.match(/height=\"(\\d+)\"/)[1]) >= {}",
            preview.ceil()
        ),
        "the snippet's height from the preview",
    )
    .await;
    let status = b.js("return fetch('static/journal-weekly.svg').then(r => r.status + ' ' + r.headers.get('content-type'))").await;
    assert_eq!(status, "200 image/svg+xml");
    b.screenshot("embed-dialog").await;
    b.finish().await;
}

#[tokio::test]
async fn downloads_hold_what_the_chart_shows() {
    let (b, _) = interior_dashboard().await;
    // CSV: the same rows the command line gives for these filters (plus a byte-order mark).
    b.click("#defis-by-administration [data-download=csv]")
        .await;
    let csv = String::from_utf8(b.downloaded("defis-by-administration.csv").await).unwrap();
    assert!(csv.starts_with('\u{FEFF}'));
    let rows: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(rows[0], "category_key,category,series_key,series,value");
    assert!(
        rows.contains(&"direction-generale-de-la-gendarmerie-nationale,DGGN,defis,Défis,3"),
        "{rows:?}"
    );
    let total: u32 = rows[1..]
        .iter()
        .map(|r| r.rsplit(',').next().unwrap().parse::<u32>().unwrap())
        .sum();
    assert_eq!(total, 12);
    // SVG: well-formed enough to carry the title and the filter; PNG: twice the width.
    b.click("#journal-weekly [data-download=svg]").await;
    let svg = String::from_utf8(b.downloaded("journal-weekly.svg").await).unwrap();
    assert!(
        svg.starts_with("<svg")
            && svg.contains("Activité hebdomadaire du journal")
            && svg.contains("Ministère de l’Intérieur")
    );
    b.click("#journal-weekly [data-download=png]").await;
    let png = b.downloaded("journal-weekly.png").await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let shown = b
        .js("return document.querySelector('#journal-weekly canvas').getBoundingClientRect().width")
        .await
        .as_f64()
        .unwrap();
    assert!(
        (f64::from(width) - 2.0 * shown.round()).abs() <= 2.0,
        "PNG {width} px for {shown} CSS px"
    );
    b.finish().await;
}

/// Moves the real mouse across the lower part of `selector` until a tooltip shows in `scope`.
async fn hover_until_tooltip(b: &Browser, selector: &str, scope: &str) {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction};
    let element = b
        .client
        .find(fantoccini::Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"));
    let (_, _, w, h) = element.rectangle().await.unwrap();
    let probe = format!("return !!document.querySelector('{scope} .tooltip')");
    for step in 0..30 {
        let moves = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
            element: element.clone(),
            duration: None,
            x: w * (-0.35 + 0.7 * f64::from(step) / 30.0),
            y: h * 0.35,
        });
        b.client.perform_actions(moves).await.unwrap();
        if b.js(&probe).await == serde_json::Value::Bool(true) {
            return;
        }
    }
    panic!("no tooltip in {scope} after moving over {selector}");
}

/// The resources the page has fetched so far (resource timing), as URLs.
async fn fetched(b: &Browser) -> Vec<String> {
    let names = b
        .js("return performance.getEntriesByType('resource').map(e => e.name)")
        .await;
    names
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect()
}

/// The property `property` of the static chart's image, as text.
async fn image_property(b: &Browser, property: &str) -> String {
    let script = format!("return document.querySelector('.chart-frame img').{property}");
    b.js(&script).await.as_str().unwrap_or_default().to_string()
}

/// Share of an image's pixels that are not near-white, drawn onto a canvas at its laid-out size.
async fn image_ink(b: &Browser, selector: &str) -> f64 {
    let script = format!(
        "const img = document.querySelector('{selector}'); if (!img || !img.complete) return 0;
         const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
         const x = c.getContext('2d'); x.drawImage(img, 0, 0, c.width, c.height);
         const d = x.getImageData(0, 0, c.width, c.height).data; let n = 0;
         for (let i = 0; i < d.length; i += 4) {{ if (d[i] < 235 || d[i+1] < 235 || d[i+2] < 235) n++; }}
         return n / (c.width * c.height);"
    );
    b.js(&script).await.as_f64().unwrap()
}

#[tokio::test]
async fn the_light_embed_paints_at_once_and_turns_interactive_at_the_first_gesture() {
    let (b, dashboard) = browser_on_dashboard(900, 900).await;
    let url = format!("http://127.0.0.1:{dashboard}/embed/journal-weekly.fr.html");
    b.goto_static(&url).await;
    // Painted from its HTML and SVG plot alone: no WebAssembly, no export, 5 requests.
    let resources = fetched(&b).await;
    assert!(
        resources
            .iter()
            .all(|r| !r.ends_with(".wasm") && !r.contains("export.json")),
        "{resources:?}"
    );
    assert!(
        resources.len() < 5,
        "at most 5 requests with the page: {resources:?}"
    );
    assert_eq!(b.text("h1").await, "Activité hebdomadaire du journal");
    let alt = image_property(&b, "alt").await;
    assert!(
        alt.contains("527 entrées sur 25 semaines"),
        "the summary in words is the image's text: {alt}"
    );
    assert_eq!(b.count(".legend .legend-entry").await, 10);
    assert!(b.text(".embed-credit").await.contains("Licence Ouverte"));
    assert_eq!(
        b.js("return document.querySelector('.embed-credit a').href")
            .await,
        format!("http://127.0.0.1:{dashboard}/")
    );
    assert!(image_ink(&b, ".chart-frame img").await > 0.05);
    b.screenshot("embed-static").await;

    // The pointer arrives: the interactive chart replaces the static one, tooltips follow.
    {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction};
        let image = b
            .client
            .find(fantoccini::Locator::Css(".chart-frame img"))
            .await
            .unwrap();
        let moves = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
            element: image,
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        b.client.perform_actions(moves).await.unwrap();
    }
    b.wait_for_interactive("the interactive chart").await;
    assert_eq!(
        b.count(".legend .legend-entry").await,
        10,
        "the same legend as the static twin's"
    );
    hover_until_tooltip(&b, "#journal-weekly canvas", "#journal-weekly").await;
    let tooltip = b.text("#journal-weekly .tooltip").await;
    assert!(tooltip.contains("semaine du"), "{tooltip}");
    assert!(fetched(&b).await.iter().any(|r| r.ends_with(".wasm")));

    // The keyboard: Tab reaches the static plot, the interactive one takes the focus over.
    b.goto_static(&url).await;
    b.wake_by_focus(".chart-frame img").await;
    b.wait_for_focus("#journal-weekly canvas", "the focus handed to the canvas")
        .await;
    let canvas = b.client.active_element().await.unwrap();
    canvas.send_keys("\u{E014}").await.unwrap(); // ArrowRight
    b.wait_for_element("#journal-weekly .tooltip", "a tooltip from the keyboard")
        .await;

    // A button of the static chart: its click is done again on the interactive one.
    b.goto_static(&url).await;
    b.wake_by_click(".table-toggle").await;
    b.wait_for_element(
        "#donnees-journal-weekly table",
        "the data table, opened by the replayed click",
    )
    .await;
    b.finish().await;
}

#[tokio::test]
async fn the_light_embed_honours_plain_theme_language_and_filters() {
    let (b, dashboard) = browser_on_dashboard(800, 900).await;
    // Plain: the plot and its legend only.
    b.open_static(dashboard, "embed/openness-by-promotion.fr.html?plain=1")
        .await;
    assert_eq!(
        b.js("return [...document.querySelectorAll('h1, h2, .embed-credit, .chart-tools')].filter(e => e.getClientRects().length > 0).length")
            .await,
        0,
        "nothing but the plot and its legend is shown"
    );
    // Dark and English, through `embed.html?chart=`: the chart's English page, in the dark scheme: the dark plot, English words.
    b.open_static(
        dashboard,
        "embed.html?chart=defis-by-administration&theme=dark&lang=en",
    )
    .await;
    assert_eq!(b.text("h1").await, "Défis per administration");
    assert_eq!(b.js("return document.documentElement.lang").await, "en");
    assert_eq!(
        b.js("return document.documentElement.dataset.frTheme")
            .await,
        "dark"
    );
    let src = image_property(&b, "currentSrc").await;
    assert!(src.contains("defis-by-administration.en.dark."), "{src}");
    // Filters: only the interactive chart can draw them, at once, with their words.
    b.open_local(dashboard, "embed.html?chart=journal-weekly&promo=2")
        .await;
    b.wait_for_interactive("the interactive chart, without a gesture")
        .await;
    assert!(b.text(".chart-subtitle").await.contains("EIG 2"));
    // An unknown chart: the interactive page says so, in French.
    says_unknown_chart(&b, dashboard, "embed.html?chart=camembert").await;
    b.finish().await;
}

#[tokio::test]
async fn the_light_embed_says_so_when_the_interactive_chart_cannot_load() {
    let mut routes = Routes::new();
    routes.insert(
        "/start.js".into(),
        (404, "text/plain; charset=utf-8", b"not found".to_vec()),
    );
    let dashboard = serve(dist(), routes);
    let b = browser(800, 900).await;
    b.open_static(dashboard, "embed/journal-weekly.fr.html")
        .await;
    b.click(".table-toggle").await;
    b.wait_for_element(".embed-status", "the failure message")
        .await;
    let message = b.text(".embed-status").await;
    assert!(
        message.contains("Le graphique interactif n'a pas pu être chargé")
            && message.contains("start.js"),
        "{message}"
    );
    // The static chart stays.
    assert!(image_ink(&b, ".chart-frame img").await > 0.05);
    b.finish().await;
}

/// Issue 22: the parameters that sites add to shared links (`fbclid`, `utm_*`) are no filters: the
/// light page stays static (no WebAssembly, 92 kB instead of 2 MB) and says nothing of them;
/// a filter still wakes the interactive chart at once.
#[tokio::test]
async fn tracking_parameters_leave_the_light_embed_static_and_quiet() {
    let (b, dashboard) = browser_on_dashboard(900, 900).await;
    let url = format!(
        "http://127.0.0.1:{dashboard}/embed/journal-weekly.fr.html?fbclid=IwAR0x&utm_source=mastodon&utm_medium=social"
    );
    b.goto_static(&url).await;
    assert_eq!(
        b.js("return document.documentElement.hasAttribute('data-embed-live')")
            .await,
        false
    );
    // Time for a wrongly woken chart to fetch its code: none comes.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let resources = fetched(&b).await;
    assert!(
        resources.iter().all(|r| !r.ends_with(".wasm")),
        "{resources:?}"
    );
    assert!(!b.text("body").await.contains("Paramètres ignorés"));
    // The interactive chart itself, woken by a gesture, keeps quiet about them too.
    b.wake_by_click(".chart-frame").await;
    assert!(!b.text("body").await.contains("Paramètres ignorés"));
    b.finish().await;
}
