//! A writer's path to a pinned chart, end to end: choose a chart and a filter, open « Intégrer »,
//! keep « figé au … », paste the snippet (and its « toujours à jour » twin) in a post on another
//! origin; once the next export is deployed over the first (stable pages and export replaced,
//! `embed/v/` kept, as README says), the pinned frame still shows the first export's figures and
//! the stable one the new ones; its preview tags name a PNG of the chart, and it follows its host's
//! theme.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};

use eig_pulse_core::contract::pinned::{always_current, see_current, ExportVersion};
use eig_pulse_core::Lang;
use support::host::host;
use support::{browser, dist, serve, Browser, Routes};

/// The chart the writer embeds, and the filter chosen first.
const CHART: &str = "journal-weekly";
const ADMIN: &str = "ministere-de-l-interieur";

/// A copy of the built dashboard, deployed in a folder of its own (the test writes into it).
fn deployed_copy(folder: &Path) -> PathBuf {
    let site = folder.join("site");
    let status = std::process::Command::new("cp")
        .arg("-R")
        .arg(dist())
        .arg(&site)
        .status()
        .unwrap();
    assert!(status.success(), "cp -R {}", dist().display());
    site
}

/// The version of the export deployed in `site`.
fn deployed_version(site: &Path) -> ExportVersion {
    let bytes = std::fs::read(site.join("data/export.json")).unwrap();
    let export: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    ExportVersion::of(export["generated_at"].as_str().unwrap(), &bytes).unwrap()
}

/// The next build, deployed as a host keeps versions: a later export (a later day, a shorter
/// journal) replaces `data/export.json` and the stable pages, and `eig-pulse embeds` writes its
/// own version beside the first one in `embed/v/`.
fn deploy_next_export(site: &Path) {
    let path = site.join("data/export.json");
    let mut export: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    export["generated_at"] = "2027-01-15T09:00:00Z".into();
    export["journal"].as_array_mut().unwrap().truncate(1000);
    std::fs::write(&path, serde_json::to_string_pretty(&export).unwrap()).unwrap();
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/debug/eig-pulse");
    assert!(
        binary.exists(),
        "{} (built by scripts/test)",
        binary.display()
    );
    let output = std::process::Command::new(&binary)
        .arg("embeds")
        .arg("--export")
        .arg(&path)
        .arg("-o")
        .arg(site.join("embed"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The dialog's value of the textarea once it holds `part`.
async fn snippet_holding(b: &Browser, part: &str) -> String {
    let value = "document.querySelector('#embed-snippet').value";
    b.wait_for(
        &format!("{value}.includes({})", serde_json::json!(part)),
        part,
    )
    .await;
    b.js(&format!("return {value}"))
        .await
        .as_str()
        .unwrap()
        .to_string()
}

/// The interactive chart's summary in words inside frame `index`, once drawn.
async fn frame_summary(b: &Browser, index: u16) -> String {
    let canvas = format!("document.querySelector('#{CHART} canvas')");
    b.wait_in_frame(
        index,
        &format!("{canvas} && {canvas}.getAttribute('aria-label')"),
        "the interactive chart drawn in the frame",
    )
    .await;
    let summary = b
        .in_frame(
            index,
            &format!("return {canvas}.getAttribute('aria-label')"),
        )
        .await;
    summary.as_str().unwrap().to_string()
}

/// The pinned line of frame `index` (empty when the frame is not pinned) and its link.
async fn pinned_line(b: &Browser, index: u16) -> (String, String) {
    let line = b
        .in_frame(
            index,
            "const p = document.querySelector('.embed-pinned'); return p ? [p.textContent, p.querySelector('a').href] : ['', '']",
        )
        .await;
    (
        line[0].as_str().unwrap().to_string(),
        line[1].as_str().unwrap().to_string(),
    )
}

/// Opens the post and brings its frames into view.
async fn read_post(b: &Browser, host: u16) {
    b.goto(&format!("http://127.0.0.1:{host}/post.html")).await;
    b.wait_for(
        "document.querySelectorAll('iframe').length === 2",
        "the two frames",
    )
    .await;
    b.js("document.querySelector('iframe').scrollIntoView()")
        .await;
}

#[tokio::test]
async fn a_pinned_snippet_keeps_its_figures_after_the_next_export() {
    let folder = tempfile::tempdir().unwrap();
    let site = deployed_copy(folder.path());
    let first = deployed_version(&site);
    let dashboard = serve(site.clone(), Routes::new());

    // The writer chooses a filter, then the chart, and opens « Intégrer »: pinned by default.
    let b = browser(1280, 1000).await;
    b.open_local(dashboard, "").await;
    b.wait_for_draws(5, "the dashboard").await;
    b.choose("filtre-admin", ADMIN).await;
    b.wait_for_query(&format!("admin={ADMIN}"), true).await;
    b.click_in_script(&format!("[data-embed={CHART}]")).await;
    b.wait_for_element("#embed-snippet", "the dialog").await;
    let choice = b
        .js("const s = document.getElementById('embed-pinning'); return [s.value, s.options[0].textContent, s.options[1].textContent]")
        .await;
    assert_eq!(choice[0], "pinned");
    assert_eq!(choice[1], first.choice(Lang::Fr).as_str());
    assert_eq!(choice[2], always_current(Lang::Fr));
    let base = format!("http://127.0.0.1:{dashboard}/");
    let pinned_src = format!(
        "{base}{}?admin={ADMIN}&amp;theme=auto",
        first.page(CHART, Lang::Fr)
    );
    let pinned = snippet_holding(&b, &pinned_src).await;
    // Its twin, always current, for the same post.
    b.choose("embed-pinning", "current").await;
    let current_src = format!("{base}embed/{CHART}.fr.html?admin={ADMIN}&amp;theme=auto");
    let current = snippet_holding(&b, &current_src).await;
    b.finish().await;

    // Pasted in a post on another origin: both frames show the same figures today.
    let post = host(dashboard, &format!("{pinned}\n{current}"));
    let b = browser(1280, 900).await;
    read_post(&b, post).await;
    let today = frame_summary(&b, 0).await;
    assert_eq!(frame_summary(&b, 1).await, today);
    let (line, link) = pinned_line(&b, 0).await;
    assert!(line.starts_with(&first.note(Lang::Fr)), "{line}");
    assert!(line.contains(see_current(Lang::Fr)), "{line}");
    assert_eq!(
        link,
        current_src.replace("&amp;", "&"),
        "the stable page, same query"
    );
    assert_eq!(
        pinned_line(&b, 1).await.0,
        "",
        "the stable frame is not pinned"
    );
    // The pinned page's link preview: its og:image is a 1200 × 630 PNG served beside it.
    let preview = b
        .in_frame(
            0,
            "const m = document.querySelector('meta[property=\"og:image\"]'); const url = new URL(m.content, location.href); return fetch(url).then(r => r.blob()).then(blob => createImageBitmap(blob).then(i => [url.pathname, blob.type, i.width, i.height]))",
        )
        .await;
    assert_eq!(
        preview,
        serde_json::json!([
            format!("/embed/{}/{CHART}.fr.png", first.folder()),
            "image/png",
            1200,
            630
        ])
    );
    // The frame follows its host's theme, there and back.
    for theme in ["dark", "light"] {
        b.js(&format!(
            "document.documentElement.setAttribute('data-fr-theme', '{theme}')"
        ))
        .await;
        b.wait_in_frame(
            0,
            &format!("document.documentElement.getAttribute('data-fr-theme') === '{theme}'"),
            "the pinned frame in its host's theme",
        )
        .await;
    }

    // The next export is deployed; the post is read again.
    deploy_next_export(&site);
    assert_ne!(deployed_version(&site), first);
    read_post(&b, post).await;
    let later = frame_summary(&b, 1).await;
    assert_ne!(later, today, "the stable frame shows the new export");
    assert_eq!(
        frame_summary(&b, 0).await,
        today,
        "the pinned frame keeps the figures the post was written with"
    );
    assert!(pinned_line(&b, 0)
        .await
        .0
        .starts_with(&first.note(Lang::Fr)));
    // The reader asking for English stays on the same version.
    b.goto(&format!("{base}{}?lang=en", first.page(CHART, Lang::Fr)))
        .await;
    let english = format!("/{}", first.page(CHART, Lang::En));
    b.wait_for(
        &format!("location.pathname === {}", serde_json::json!(english)),
        "the English page of the same version",
    )
    .await;
    let line = b.text(".embed-pinned").await;
    assert!(line.starts_with(&first.note(Lang::En)), "{line}");
    b.finish().await;
}
