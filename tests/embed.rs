//! Embedding end to end: a host page on a second loopback port frames two charts; downloads.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{browser, dist, serve, Browser, Routes};

/// A blog post with two embedded charts, one foreign frame (not marked for resizing), an
/// impostor frame of the host's own origin marked for resizing, and an element whose id once
/// switched `embed.js` off.
fn host_page(dashboard: u16) -> Vec<u8> {
    format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>Article</title></head>
<body style="margin:0;font-family:sans-serif"><div id="__eigPulseEmbed"></div><div id="post" style="width:700px">
<p>Un article de blog.</p>
<iframe id="weekly" data-eig-pulse src="http://127.0.0.1:{dashboard}/?chart=journal-weekly&admin=ministere-de-l-interieur&theme=dark" title="Activité" style="width:100%;border:0" height="150"></iframe>
<iframe id="admins" data-eig-pulse src="http://127.0.0.1:{dashboard}/?chart=defis-by-administration&lang=en&theme=light" title="Défis" style="width:100%;border:0" height="150"></iframe>
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

/// The dashboard filtered on the Ministry of the Interior, every chart drawn.
async fn interior_dashboard() -> (Browser, u16) {
    let (dashboard, _) = sites();
    let b = browser(1280, 1600).await;
    let url = format!("http://127.0.0.1:{dashboard}/?admin=ministere-de-l-interieur");
    b.client.goto(&url).await.unwrap();
    b.wait_for(
        "window.eigPulseTimings && window.eigPulseTimings.draws >= 5",
        "the dashboard",
    )
    .await;
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
    b.client.clone().enter_frame(index).await.unwrap();
    let height = b.js("const e = document.querySelector('.embed'); return e ? e.getBoundingClientRect().height : 0").await.as_f64().unwrap();
    b.client.clone().enter_parent_frame().await.unwrap();
    height
}

#[tokio::test]
async fn embedded_charts_take_their_height_follow_the_host_and_ignore_strangers() {
    let (_, host) = sites();
    let b = browser(1000, 1400).await;
    b.client
        .goto(&format!("http://127.0.0.1:{host}/post.html"))
        .await
        .unwrap();
    b.wait_for("parseFloat(document.getElementById('weekly').style.height) > 300 && parseFloat(document.getElementById('admins').style.height) > 300", "both frames sized").await;
    for (index, id) in [(0, "weekly"), (1, "admins")] {
        let (frame, content) = (frame_height(&b, id).await, content_height(&b, index).await);
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
    b.wait_for("true", "settle").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let (frame, content) = (
        frame_height(&b, "weekly").await,
        content_height(&b, 0).await,
    );
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
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(frame_height(&b, "admins").await, admins);
    assert_eq!(frame_height(&b, "weekly").await, frame);
    b.finish().await;
}

#[tokio::test]
async fn plain_embeds_show_the_chart_alone_and_unknown_charts_say_so() {
    let (dashboard, _) = sites();
    let b = browser(800, 900).await;
    b.client
        .goto(&format!(
            "http://127.0.0.1:{dashboard}/?chart=openness-by-promotion&plain=1"
        ))
        .await
        .unwrap();
    b.wait_for(
        "window.eigPulseTimings && window.eigPulseTimings.draws >= 1",
        "the chart",
    )
    .await;
    assert_eq!(
        b.js("return document.querySelectorAll('h1, h2, .embed-credit, [data-download]').length")
            .await,
        0
    );
    assert!(b.ink("openness-by-promotion").await > 0.02);
    b.client
        .goto(&format!("http://127.0.0.1:{dashboard}/?chart=camembert"))
        .await
        .unwrap();
    b.wait_for(
        "document.querySelector('.failure')",
        "an unknown chart message",
    )
    .await;
    let text = b.text(".failure").await;
    assert!(
        text.contains("Graphique inconnu « camembert »") && text.contains("journal-weekly"),
        "{text}"
    );
    b.finish().await;
}

#[tokio::test]
async fn the_embed_dialog_writes_a_snippet_with_the_current_filters() {
    let (b, dashboard) = interior_dashboard().await;
    b.js("document.querySelector('[data-embed=journal-weekly]').click()")
        .await;
    b.wait_for("document.querySelector('#embed-snippet')", "the dialog")
        .await;
    let snippet = b
        .js("return document.querySelector('#embed-snippet').value")
        .await
        .as_str()
        .unwrap()
        .to_string();
    let base = format!("http://127.0.0.1:{dashboard}/");
    assert!(snippet.contains(&format!("<iframe data-eig-pulse src=\"{base}?chart=journal-weekly&amp;admin=ministere-de-l-interieur&amp;theme=auto&amp;lang=fr\"")), "{snippet}");
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
