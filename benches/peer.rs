//! EIG Pulse beside its peer, DSFR Chart 2.0.4 (npm `@gouvfr/dsfr-chart`), drawing the same data.
//!
//! Run: `scripts/bench` (or `cargo bench -p eig-pulse-app --bench peer`, with `EIG_PULSE_DIST`
//! naming the built dashboard). The peer's pages are written here from the export of that dist
//! (core's `catalogue::chart`, as our charts draw it) and served from `.tools/web/node_modules`
//! (`scripts/setup` installs the package). Each page is loaded `EIG_PULSE_BENCH_LOADS` times
//! (default 7, after one uncounted that has the server compress each file once), each load in a
//! fresh Chromium profile (cold cache), from the gzip test server; ours and the peer's are loaded
//! in turn, so that a machine getting busier weighs on both alike.
//! The bench server puts the same probe, `/bench/probe.js`, first in every page's `<head>`; it
//! reports bytes and requests (navigation and resource timing), the first chart painted (first
//! animation frame where the page's first chart element — a canvas with ink, an SVG with content —
//! has a nonzero size; for an image, its render time by Element Timing, as it is rasterised after
//! it loads), LCP and CLS (after 2 s of settling). The comparison leans against images: a canvas
//! counts from the frame it is drawn in, before that frame reaches the screen, an image from the
//! screen (no browser API times a canvas's presentation; the frame after is no measure either, as
//! a long task may hold it back). A second row measures both alike: the first frame the chart is
//! drawn in (a canvas with ink; an image loaded and decoded, which that frame paints).
//! Medians are printed side by side with the budgets of issue 14 (the embed) and the targets of
//! issue 24 (the dashboard, Lighthouse), which are not asserted.

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use eig_pulse_core::catalogue::{Chart, ChartId, Layout, Orientation, Unit};
use eig_pulse_core::{Cohort, Filters, Lang};
use serde_json::{json, Value};
use support::{browser, dist, serve, Routes};

/// Measures a page from its first script: see the module's documentation.
const PROBE: &str = r"(() => {
  const chart = document.currentScript && document.currentScript.dataset.chart;
  const b = window.__bench = { firstChart: null, drawn: null, lcp: 0, cls: 0, shifts: [] };
  const observe = (type, each) => {
    try { new PerformanceObserver(l => l.getEntries().forEach(each)).observe({ type, buffered: true }); } catch (e) {}
  };
  observe('largest-contentful-paint', e => { b.lcp = e.renderTime || e.startTime; });
  observe('layout-shift', e => {
    if (!e.hadRecentInput) { b.cls += e.value; b.shifts.push([Math.round(e.startTime), +e.value.toFixed(3)]); }
  });
  // An image counts from its paint (Element Timing's render time), not from its load: an SVG is
  // rasterised after it loads. The probe marks each <img> as the parser adds it.
  observe('element', e => {
    if (chart && b.firstChart === null && e.element && e.element === find(document)) b.firstChart = e.renderTime || e.loadTime;
  });
  new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n => {
    if (n instanceof HTMLImageElement && !n.hasAttribute('elementtiming')) n.setAttribute('elementtiming', 'probe');
  }))).observe(document, { childList: true, subtree: true });
  // A canvas is painted once, scaled down, one of its pixels differs from its top-left one.
  const small = document.createElement('canvas');
  small.width = 96; small.height = 64;
  const ctx = small.getContext('2d', { willReadFrequently: true });
  const painted = el => {
    const r = el.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return false;
    if (el instanceof HTMLCanvasElement) {
      if (!el.width || !el.height) return false;
      ctx.clearRect(0, 0, 96, 64);
      ctx.drawImage(el, 0, 0, 96, 64);
      const d = ctx.getImageData(0, 0, 96, 64).data;
      for (let i = 4; i < d.length; i += 4) {
        for (let k = 0; k < 4; k++) if (Math.abs(d[i + k] - d[k]) > 24) return true;
      }
      return false;
    }
    // An image is timed by Element Timing, below.
    if (el instanceof HTMLImageElement) return false;
    if (el instanceof SVGElement) return el.childElementCount > 0;
    return false;
  };
  // The first match in the document, else in open shadow roots (DSFR Chart draws in one).
  const find = root => {
    const hit = root.querySelector(chart);
    if (hit) return hit;
    for (const host of root.querySelectorAll('*')) {
      const inner = host.shadowRoot && find(host.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  // Like for like: the frame the chart is drawn in, on both sides (a canvas with ink, an image
  // loaded and decoded, which the frame then paints); neither is yet on screen.
  const drawn = el => {
    if (!(el instanceof HTMLImageElement)) return painted(el);
    const r = el.getBoundingClientRect();
    return el.complete && el.naturalWidth > 0 && r.width > 0 && r.height > 0;
  };
  const frame = t => {
    try {
      const el = find(document);
      if (el && b.drawn === null && drawn(el)) b.drawn = t;
      if (el && b.firstChart === null && painted(el)) b.firstChart = t;
    } catch (e) { b.error = String(e); }
    if (b.firstChart === null || b.drawn === null) requestAnimationFrame(frame);
  };
  if (chart) requestAnimationFrame(frame);
  b.read = () => {
    const own = e => !e.name.includes('/bench/probe.js');
    const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).filter(own);
    const before = entries.filter(e => b.firstChart !== null && e.responseEnd <= b.firstChart);
    return { error: b.error, shifts: b.shifts, firstChart: b.firstChart, drawn: b.drawn, lcp: b.lcp, cls: b.cls, requests: entries.length,
             bytes: entries.reduce((s, e) => s + (e.transferSize || 0), 0),
             bytesBeforeChart: before.reduce((s, e) => s + (e.transferSize || 0), 0) };
  };
})();
";

/// What one cold load measured.
#[derive(Debug, Clone, Copy)]
struct Load {
    bytes: f64,
    /// Bytes of the responses that had ended when the first chart was painted.
    bytes_before_chart: f64,
    requests: f64,
    first_chart: Option<f64>,
    /// The frame the first chart is drawn in (the probe's `drawn`), measured alike on both sides.
    drawn: Option<f64>,
    lcp: f64,
    cls: f64,
}

/// Medians over the loads of a page; `missed` loads never painted a chart.
#[derive(Debug, Clone, Copy)]
struct Figures {
    bytes: f64,
    bytes_before_chart: f64,
    requests: f64,
    first_chart: Option<f64>,
    drawn: Option<f64>,
    lcp: f64,
    cls: f64,
    missed: usize,
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied()
}

fn figures(loads: &[Load]) -> Figures {
    let of = |f: fn(&Load) -> f64| median(loads.iter().map(f).collect()).unwrap_or(f64::NAN);
    let painted: Vec<f64> = loads.iter().filter_map(|l| l.first_chart).collect();
    Figures {
        bytes: of(|l| l.bytes),
        bytes_before_chart: of(|l| l.bytes_before_chart),
        requests: of(|l| l.requests),
        lcp: of(|l| l.lcp),
        cls: of(|l| l.cls),
        missed: loads.len() - painted.len(),
        first_chart: median(painted),
        drawn: median(loads.iter().filter_map(|l| l.drawn).collect()),
    }
}

/// The dashboard's rows, ours `o` beside the peer's `p`, under issue 24's targets (issue 14's were
/// ≤ 1.0× bytes, ≤ 0.5× first chart, ≤ 1.0× LCP).
fn dashboard_rows(o: &Figures, p: &Figures) {
    row(
        "whole dashboard vs 5 `<bar-chart>`: bytes",
        Some(o.bytes),
        Some(p.bytes),
        Kind::Bytes,
        "≤ 1.0×",
    );
    row(
        "same: bytes before the first chart",
        Some(o.bytes_before_chart),
        Some(p.bytes_before_chart),
        Kind::Bytes,
        "≤ 0.3×",
    );
    row(
        "same: requests",
        Some(o.requests),
        Some(p.requests),
        Kind::Count,
        "",
    );
    paint_rows(o, p, ("≤ 0.3×", "≤ 0.5×", "≤ 0.01"));
}

/// The rows of when a page's first chart and largest paint came, and how much it moved, ours `o`
/// beside the peer's `p`, each with its budget (first chart, LCP, CLS).
fn paint_rows(o: &Figures, p: &Figures, (first, lcp, cls): (&str, &str, &str)) {
    row(
        "same: first chart painted",
        o.first_chart,
        p.first_chart,
        Kind::Millis,
        first,
    );
    row(
        "same: first chart drawn in a frame (like for like)",
        o.drawn,
        p.drawn,
        Kind::Millis,
        "",
    );
    row(
        "same: largest contentful paint",
        Some(o.lcp),
        Some(p.lcp),
        Kind::Millis,
        lcp,
    );
    row(
        "same: cumulative layout shift",
        Some(o.cls),
        Some(p.cls),
        Kind::Shift,
        cls,
    );
}

/// `html` with the probe as the first element of its `<head>`; `chart` selects its first chart.
fn with_probe(html: &str, chart: &str) -> Vec<u8> {
    let tag = format!(
        "<script src=\"/bench/probe.js\" data-chart=\"{}\"></script>",
        chart.replace('"', "&quot;")
    );
    let at = html
        .to_ascii_lowercase()
        .find("<head")
        .and_then(|start| html[start..].find('>').map(|end| start + end + 1))
        .unwrap_or(0);
    format!("{}{tag}{}", &html[..at], &html[at..]).into_bytes()
}

/// `value` as JSON inside a single-quoted HTML attribute.
fn attribute(value: &Value) -> String {
    value
        .to_string()
        .replace('&', "&amp;")
        .replace('\'', "&#39;")
}

/// One `<bar-chart>` drawing `chart`'s data: categories on x, one y list per series.
fn bar_chart(chart: &Chart) -> String {
    let scale = if chart.unit == Unit::Share {
        100.0
    } else {
        1.0
    };
    let x = json!([chart
        .categories
        .iter()
        .map(|c| c.label.as_str())
        .collect::<Vec<_>>()]);
    let y: Vec<Vec<f64>> = (0..chart.series.len())
        .map(|s| chart.values.iter().map(|row| row[s] * scale).collect())
        .collect();
    let names: Vec<&str> = chart.series.iter().map(|s| s.label.as_str()).collect();
    // The component reads any value of `stacked` or `horizontal`, even "false", as true.
    let mut options = String::new();
    if matches!(chart.layout, Layout::Stacked | Layout::Normalized) {
        options.push_str(" stacked=\"true\"");
    }
    if chart.orientation == Orientation::Horizontal {
        options.push_str(" horizontal=\"true\"");
    }
    if scale == 100.0 {
        options.push_str(" unit-tooltip=\"%\"");
    }
    format!(
        "<bar-chart x='{}' y='{}' name='{}' selected-palette=\"categorical\"{options}></bar-chart>",
        attribute(&x),
        attribute(&json!(y)),
        attribute(&json!(names)),
    )
}

/// The charts of the peer's five-chart page: five of the dashboard's bar charts.
const FIVE: [ChartId; 5] = [
    ChartId::DefisByAdministration,
    ChartId::SkillsByPromotion,
    ChartId::JournalWeekly,
    ChartId::JournalMixByDefi,
    ChartId::OpennessByPromotion,
];

const BAR_CHART: &str = "/@gouvfr/dsfr-chart/dist/BarChart";
const DSFR: &str = "/@gouvfr/dsfr/dist";
/// The peer's first chart: the canvas in the first `<bar-chart>`'s shadow root.
const PEER_CHART: &str = "canvas";

/// A paragraph of the blog post around the embedded chart.
const PROSE: &str = "<p>Les défis Entrepreneurs d'intérêt général publient leur code, tiennent un journal de bord et rendent compte de leur avancement. Le graphique ci-dessous montre, semaine après semaine, ce que les équipes ont écrit dans ce journal, et comment cela évolue d'une promotion à l'autre.</p>";

/// The peer's pages, keyed by path: one chart (only `Chart` and its stylesheet), five charts
/// (with the DSFR's stylesheet, icons and script it requires), and a blog post holding the one
/// chart inline.
fn peer_pages(charts: &[(ChartId, Chart)]) -> Vec<(&'static str, String)> {
    let one = &charts
        .iter()
        .find(|(id, _)| *id == ChartId::JournalWeekly)
        .expect("journal-weekly")
        .1;
    let title = |id: ChartId| id.spec().title.get(Lang::Fr);
    let light_head = format!(
        "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"stylesheet\" href=\"{BAR_CHART}/BarChart.css\"><script type=\"module\" src=\"{BAR_CHART}/BarChart.js\"></script>"
    );
    let one_page = format!(
        "<!doctype html><html lang=\"fr\"><head>{light_head}<title>{t}</title></head><body><h1>{t}</h1>{}</body></html>",
        bar_chart(one),
        t = title(ChartId::JournalWeekly)
    );
    let host = format!(
        "<!doctype html><html lang=\"fr\"><head>{light_head}<title>Article</title></head><body style=\"margin:0 auto;max-width:700px;font-family:sans-serif\"><h1>Un article</h1>{PROSE}{}{PROSE}{PROSE}{PROSE}</body></html>",
        bar_chart(one)
    );
    let five = charts
        .iter()
        .filter(|(id, _)| FIVE.contains(id))
        .map(|(id, chart)| {
            format!(
                "<section class=\"fr-mb-6w\"><h2>{}</h2>{}</section>",
                title(*id),
                bar_chart(chart)
            )
        })
        .collect::<String>();
    let five_page = format!(
        "<!doctype html><html lang=\"fr\" data-fr-scheme=\"system\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>EIG — DSFR Chart</title><link rel=\"stylesheet\" href=\"{DSFR}/dsfr.min.css\"><link rel=\"stylesheet\" href=\"{DSFR}/utility/icons/icons-system/icons-system.min.css\"><link rel=\"stylesheet\" href=\"{BAR_CHART}/BarChart.css\"></head><body><main class=\"fr-container fr-py-6w\"><h1>Avancement technique des défis EIG</h1>{five}</main><script type=\"module\" src=\"{DSFR}/dsfr.module.min.js\"></script><script type=\"module\" src=\"{BAR_CHART}/BarChart.js\"></script></body></html>"
    );
    vec![
        ("/peer/one.html", with_probe_str(&one_page, PEER_CHART)),
        ("/peer/five.html", with_probe_str(&five_page, PEER_CHART)),
        ("/peer/host.html", with_probe_str(&host, "")),
        // Without the probe, for Lighthouse.
        ("/peer/plain/one.html", one_page),
        ("/peer/plain/five.html", five_page),
    ]
}

fn with_probe_str(html: &str, chart: &str) -> String {
    String::from_utf8(with_probe(html, chart)).unwrap()
}

/// The embed snippet the dashboard's dialog writes for `journal-weekly` (no filter), once its
/// preview has reported its height (3 s), or `None` when the dashboard has no such dialog.
async fn dashboard_snippet(dashboard: u16) -> Option<String> {
    let b = browser(1280, 800).await;
    b.client
        .goto(&format!("http://127.0.0.1:{dashboard}/"))
        .await
        .ok()?;
    let mut snippet = None;
    for _ in 0..200 {
        let opened = b
            .js(
                "const button = document.querySelector('[data-embed=journal-weekly]');
                 if (button && !document.querySelector('#embed-snippet')) button.click();
                 return !!document.querySelector('#embed-snippet');",
            )
            .await;
        if opened == Value::Bool(true) {
            tokio::time::sleep(Duration::from_secs(3)).await;
            snippet = b
                .js("return document.querySelector('#embed-snippet').value")
                .await
                .as_str()
                .map(String::from);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    b.finish().await;
    snippet
}

/// The `height` attribute of a snippet's iframe.
fn frame_height(snippet: &str) -> Option<u32> {
    let iframe = snippet.split("<iframe").nth(1)?.split('>').next()?;
    iframe
        .split(" height=\"")
        .nth(1)?
        .split('"')
        .next()?
        .parse()
        .ok()
}

/// A blog post holding `snippet`, between paragraphs.
fn our_host(snippet: &str) -> String {
    with_probe_str(
        &format!("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Article</title></head><body style=\"margin:0 auto;max-width:700px;font-family:sans-serif\"><h1>Un article</h1>{PROSE}{snippet}{PROSE}{PROSE}{PROSE}</body></html>"),
        "",
    )
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

/// One cold load of `url`: a fresh browser, the page, its first chart (when `charts`), 2 s of
/// settling (3 s for a host page, which has no chart of its own to wait for), the probe's figures.
async fn load(url: &str, charts: bool, shot: Option<&str>) -> Load {
    let b = browser(1280, window_height(charts)).await;
    b.client.goto(url).await.unwrap();
    if charts {
        for _ in 0..400 {
            if b.js("return window.__bench && window.__bench.firstChart !== null")
                .await
                == Value::Bool(true)
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
    } else {
        tokio::time::sleep(Duration::from_secs(3)).await;
    }
    let read = b.js("return window.__bench.read()").await;
    if let Some(name) = shot {
        b.screenshot(name).await;
        if std::env::var_os("EIG_PULSE_BENCH_DEBUG").is_some() {
            let entries = b.js("return [performance.getEntriesByType('resource').map(e => e.name.replace(location.origin, '') + ' ' + e.transferSize + ' B, ' + Math.round(e.startTime) + '→' + Math.round(e.responseEnd) + ' ms'), performance.getEntriesByType('paint').map(e => e.name + ' ' + Math.round(e.startTime)), (performance.getEntriesByType('navigation')[0] || {}).responseEnd, [...document.querySelectorAll('bar-chart')].map(c => c.shadowRoot && c.shadowRoot.querySelector('canvas')).filter(c => c).map(c => c.width + 'x' + c.height + ' ' + c.getBoundingClientRect().height)]").await;
            eprintln!("[peer] {name}: {read} {entries}");
        }
    }
    b.finish().await;
    let number = |key: &str| read[key].as_f64().unwrap_or(f64::NAN);
    Load {
        bytes: number("bytes"),
        bytes_before_chart: number("bytesBeforeChart"),
        requests: number("requests"),
        first_chart: read["firstChart"].as_f64(),
        drawn: read["drawn"].as_f64(),
        lcp: number("lcp"),
        cls: number("cls"),
    }
}

/// The window's height: 800 px, or 1400 px for a host page, so that the text after the chart is
/// in view and a change of the chart's height shows as a layout shift.
fn window_height(charts: bool) -> u32 {
    if charts {
        800
    } else {
        1400
    }
}

/// `loads` cold loads of each of two pages, ours and the peer's, taken in turn (ours, theirs,
/// ours, …) so that a machine getting busier or quieter weighs on both alike, after one
/// uncounted load of each; the first counted load's screenshots are saved as
/// `target/e2e-screenshots/{name}.png`.
async fn measure_pair(
    (ours, our_name): (&str, &str),
    (theirs, their_name): (&str, &str),
    charts: bool,
    loads: usize,
) -> (Figures, Figures) {
    // A first load, not counted, has the server compress the page's files once.
    load(ours, charts, None).await;
    load(theirs, charts, None).await;
    let (mut mine, mut peer) = (Vec::new(), Vec::new());
    for i in 0..loads {
        mine.push(load(ours, charts, (i == 0).then_some(our_name)).await);
        peer.push(load(theirs, charts, (i == 0).then_some(their_name)).await);
    }
    (figures(&mine), figures(&peer))
}

/// The dist's HTML pages (its own and the light embed pages of `embed/`) with the probe,
/// served in place of the files.
fn our_pages(dist: &Path, chart: &str) -> Routes {
    let mut routes = Routes::new();
    let pages = std::fs::read_dir(dist)
        .unwrap()
        .chain(std::fs::read_dir(dist.join("embed")).into_iter().flatten())
        .flatten()
        .map(|e| e.path());
    for path in pages {
        if path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let html = std::fs::read_to_string(&path).unwrap();
        let name = path
            .strip_prefix(dist)
            .unwrap()
            .to_string_lossy()
            .to_string();
        if html.contains("Content-Security-Policy") {
            eprintln!(
                "[peer] {name} has a meta CSP: check it lets the same-origin /bench/probe.js run"
            );
        }
        let body = with_probe(&html, chart);
        if name == "index.html" {
            routes.insert("/".into(), (200, "text/html; charset=utf-8", body.clone()));
        }
        routes.insert(format!("/{name}"), (200, "text/html; charset=utf-8", body));
    }
    routes.insert(
        "/bench/probe.js".into(),
        (200, "text/javascript", PROBE.as_bytes().to_vec()),
    );
    routes
}

/// What Lighthouse scored a page: its categories out of 100, and the timings behind performance.
#[derive(Clone, Copy)]
struct Scores {
    performance: f64,
    accessibility: f64,
    best_practices: f64,
    lcp_ms: f64,
    tbt_ms: f64,
    cls: f64,
}

/// Lighthouse's scores of `url` (`mobile` or `desktop` preset), or why it could not run. The
/// report stays in `target/bench/lighthouse/<report>-<preset>.json`; the LCP's element is printed.
fn lighthouse_run(binary: &Path, url: &str, preset: &str, report: &str) -> Result<Scores, String> {
    let out = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("target/bench/lighthouse/{report}-{preset}.json"));
    std::fs::create_dir_all(out.parent().unwrap()).map_err(|e| e.to_string())?;
    let mut command = std::process::Command::new(binary);
    command.args([
        url,
        "--chrome-path=/usr/bin/chromium",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        "--only-categories=performance,accessibility,best-practices",
        "--output=json",
        "--quiet",
    ]);
    command.arg(format!("--output-path={}", out.display()));
    if preset == "desktop" {
        command.arg("--preset=desktop");
    }
    let status = command
        .status()
        .map_err(|e| format!("{}: {e}", binary.display()))?;
    if !status.success() {
        return Err(format!("lighthouse {url}: {status}"));
    }
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    if let Some(error) = report["runtimeError"]["message"].as_str() {
        return Err(format!("lighthouse {url}: {error}"));
    }
    let lcp_element = &report["audits"]["largest-contentful-paint-element"]["details"]["items"][0]
        ["items"][0]["node"];
    eprintln!(
        "[peer] Lighthouse {preset}, {url}: LCP element {} « {} »",
        lcp_element["selector"].as_str().unwrap_or("?"),
        lcp_element["nodeLabel"].as_str().unwrap_or("?")
    );
    let score = |category: &str| {
        report["categories"][category]["score"]
            .as_f64()
            .unwrap_or(f64::NAN)
            * 100.0
    };
    let audit = |name: &str| {
        report["audits"][name]["numericValue"]
            .as_f64()
            .unwrap_or(f64::NAN)
    };
    Ok(Scores {
        performance: score("performance"),
        accessibility: score("accessibility"),
        best_practices: score("best-practices"),
        lcp_ms: audit("largest-contentful-paint"),
        tbt_ms: audit("total-blocking-time"),
        cls: audit("cumulative-layout-shift"),
    })
}

/// Lighthouse (`.tools/lighthouse`, installed by `scripts/bench` when `EIG_PULSE_LIGHTHOUSE=1`) on
/// each pair of pages, mobile and desktop, `EIG_PULSE_LIGHTHOUSE_RUNS` times each (default 3), the
/// median run printed side by side with issue 24's targets.
fn lighthouse(pairs: &[(&str, String, String)]) {
    let binary = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".tools/lighthouse/node_modules/.bin/lighthouse");
    let version = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(".tools/lighthouse/node_modules/lighthouse/package.json"),
    )
    .ok()
    .and_then(|text| serde_json::from_str::<Value>(&text).ok())
    .and_then(|package| package["version"].as_str().map(String::from))
    .unwrap_or_else(|| "absent".into());
    println!(
        "\nLighthouse {version} (performance / accessibility / best practices; LCP, TBT, CLS)\n"
    );
    println!("| | EIG Pulse | DSFR Chart | target |");
    println!("|---|---|---|---|");
    let show = |result: Result<Scores, String>| match result {
        Ok(s) => format!(
            "{:.0} / {:.0} / {:.0}; {:.1} s, {:.0} ms, {:.3}",
            s.performance,
            s.accessibility,
            s.best_practices,
            s.lcp_ms / 1000.0,
            s.tbt_ms,
            s.cls
        ),
        Err(why) => {
            eprintln!("[peer] {why}");
            "—".into()
        }
    };
    // Lighthouse's scores vary from run to run (its own advice: the median of several runs).
    let runs: usize = env_or("EIG_PULSE_LIGHTHOUSE_RUNS", "3")
        .parse()
        .unwrap_or(3)
        .max(1);
    println!("(median run of {runs}, by performance score)\n");
    let median_run = |url: &str, preset: &str, report: &str| -> Result<Scores, String> {
        let mut scored = (0..runs)
            .map(|run| lighthouse_run(&binary, url, preset, &format!("{report}-{run}")))
            .collect::<Result<Vec<_>, _>>()?;
        scored.sort_by(|a, b| a.performance.total_cmp(&b.performance));
        Ok(scored[scored.len() / 2])
    };
    for (what, ours, theirs) in pairs {
        let report = what.replace(' ', "-");
        for (preset, target) in [
            ("desktop", "100 / 100 / 100; CLS ≤ 0.01"),
            ("mobile", "≥ 95 / 100 / 100; CLS ≤ 0.01"),
        ] {
            let ours = median_run(ours, preset, &format!("{report}-ours"));
            let theirs = median_run(theirs, preset, &format!("{report}-dsfr"));
            println!(
                "| {what}, {preset} | {} | {} | {target} |",
                show(ours),
                show(theirs)
            );
        }
    }
}

/// Lighthouse on our embed and dashboard beside the peer's. Lighthouse reads the pages as
/// published: a server of the dist alone, the peer's pages without the probe.
fn lighthouse_pairs(dist: &Path, embed: &str, theirs: &dyn Fn(&str) -> String) {
    let plain = serve(dist.to_path_buf(), Routes::new());
    lighthouse(&[
        (
            "one chart embedded",
            format!("http://127.0.0.1:{plain}{embed}"),
            theirs("/peer/plain/one.html"),
        ),
        (
            "whole dashboard",
            format!("http://127.0.0.1:{plain}/"),
            theirs("/peer/plain/five.html"),
        ),
    ]);
}

/// How a row's figures are written.
#[derive(Clone, Copy)]
enum Kind {
    Bytes,
    Millis,
    Count,
    Shift,
}

/// A row of the table: our figure, the peer's, their ratio and the budget beside.
fn row(what: &str, ours: Option<f64>, peer: Option<f64>, kind: Kind, budget: &str) {
    let show = |v: Option<f64>| match (v, kind) {
        (None, _) => "—".into(),
        (Some(v), Kind::Bytes) => format!("{:.1} kB", v / 1000.0),
        (Some(v), Kind::Millis) => format!("{v:.0} ms"),
        (Some(v), Kind::Count) => format!("{v:.0}"),
        (Some(v), Kind::Shift) => format!("{v:.3}"),
    };
    let ratio = match (ours, peer) {
        (Some(o), Some(p)) if p > 0.0 => format!("{:.2}×", o / p),
        _ => String::new(),
    };
    println!(
        "| {what} | {} | {} | {ratio} | {budget} |",
        show(ours),
        show(peer)
    );
}

#[tokio::main]
async fn main() {
    let dist = dist();
    let loads: usize = env_or("EIG_PULSE_BENCH_LOADS", "7").parse().unwrap_or(7);
    let ours_chart = env_or(
        "EIG_PULSE_BENCH_CHART",
        "figure.chart canvas, figure.chart img, figure.chart svg",
    );
    let embed = std::env::var("EIG_PULSE_EMBED_PATH").unwrap_or_else(|_| {
        if dist.join("embed/journal-weekly.fr.html").is_file() {
            // The chart's light page, as the dashboard's snippet names it.
            "/embed/journal-weekly.fr.html".into()
        } else if dist.join("embed.html").is_file() {
            "/embed.html?chart=journal-weekly".into()
        } else {
            "/?chart=journal-weekly".into()
        }
    });

    // The data our charts draw, from the export of the dist measured.
    let text = std::fs::read_to_string(dist.join("data/export.json"))
        .unwrap_or_else(|e| panic!("{}/data/export.json : {e}", dist.display()));
    let cohort = Cohort::new(
        eig_pulse_core::contract::validate::parse_export(&text)
            .expect("a valid export in the dist"),
    );
    let filters = Filters::default();
    let selection = cohort.select(&filters);
    let charts: Vec<(ChartId, Chart)> = ChartId::ALL
        .iter()
        .map(|&id| (id, id.build(&cohort, &selection, &filters, Lang::Fr)))
        .collect();

    let modules: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools/web/node_modules");
    for needed in [
        format!("{BAR_CHART}/BarChart.js"),
        format!("{DSFR}/dsfr.min.css"),
    ] {
        assert!(
            modules.join(needed.trim_start_matches('/')).is_file(),
            "{}{needed} manque : lancer scripts/setup (DSFR Chart) et scripts/dsfr (DSFR)",
            modules.display()
        );
    }

    let dashboard = serve(dist.clone(), our_pages(&dist, &ours_chart));
    // The host page holds the snippet the dashboard writes; without its dialog, one of the same
    // form (the embed path, 480 px high, the dashboard's snippet before issue 14).
    let snippet = match dashboard_snippet(dashboard).await {
        Some(snippet) => snippet,
        None => {
            eprintln!("[peer] no embed dialog on the dashboard: the host page frames {embed}, 480 px high");
            format!(
                "<iframe data-eig-pulse src=\"http://127.0.0.1:{dashboard}{embed}\" title=\"Activité hebdomadaire du journal\" style=\"width: 100%; border: 0;\" height=\"480\" loading=\"lazy\"></iframe>\n<script src=\"http://127.0.0.1:{dashboard}/embed.js\" async></script>"
            )
        }
    };
    eprintln!("[peer] host page snippet: {snippet}");
    let mut peer_routes = Routes::new();
    for (path, html) in peer_pages(&charts) {
        peer_routes.insert(
            path.into(),
            (200, "text/html; charset=utf-8", html.into_bytes()),
        );
    }
    peer_routes.insert(
        "/bench/host.html".into(),
        (
            200,
            "text/html; charset=utf-8",
            our_host(&snippet).into_bytes(),
        ),
    );
    peer_routes.insert(
        "/bench/probe.js".into(),
        (200, "text/javascript", PROBE.as_bytes().to_vec()),
    );
    let peer = serve(modules, peer_routes);
    let ours = |path: &str| format!("http://127.0.0.1:{dashboard}{path}");
    let theirs = |path: &str| format!("http://127.0.0.1:{peer}{path}");

    // `EIG_PULSE_BENCH_ONLY=lighthouse`: Lighthouse's rows alone (about 6 minutes).
    if std::env::var("EIG_PULSE_BENCH_ONLY").as_deref() == Ok("lighthouse") {
        lighthouse_pairs(&dist, &embed, &theirs);
        return;
    }
    eprintln!(
        "[peer] {loads} cold loads per page; dist {}; embed {embed}",
        dist.display()
    );
    let board = env_or("EIG_PULSE_DASHBOARD_PATH", "/");
    let measure_board = async || {
        measure_pair(
            (&ours(&board), "peer-ours-dashboard"),
            (&theirs("/peer/five.html"), "peer-dsfr-five"),
            true,
            loads,
        )
        .await
    };
    // `EIG_PULSE_BENCH_ONLY=dashboard`: the dashboard's rows alone (about a minute).
    if std::env::var("EIG_PULSE_BENCH_ONLY").as_deref() == Ok("dashboard") {
        let (o, p) = measure_board().await;
        println!("\nEIG Pulse ({board}) vs DSFR Chart 2.0.4 (five `<bar-chart>` with the DSFR), {loads} cold loads, medians, gzip, Chromium 1280×800\n");
        println!("| | EIG Pulse | DSFR Chart | ratio | target |");
        println!("|---|---|---|---|---|");
        dashboard_rows(&o, &p);
        return;
    }
    let (embed_ours, embed_peer) = measure_pair(
        (&ours(&embed), "peer-ours-embed"),
        (&theirs("/peer/one.html"), "peer-dsfr-one"),
        true,
        loads,
    )
    .await;
    println!(
        "\nEIG Pulse ({embed}, `/`) vs DSFR Chart 2.0.4 (one `<bar-chart>`, five with the DSFR), {loads} cold loads, medians, gzip, Chromium 1280×800\n"
    );
    println!("| | EIG Pulse | DSFR Chart | ratio | budget |");
    println!("|---|---|---|---|---|");
    let (o, p) = (embed_ours, embed_peer);
    row(
        "one chart embedded: bytes transferred",
        Some(o.bytes),
        Some(p.bytes),
        Kind::Bytes,
        "≤ 0.8×",
    );
    row(
        "same: bytes before the first chart",
        Some(o.bytes_before_chart),
        Some(p.bytes_before_chart),
        Kind::Bytes,
        "",
    );
    row(
        "same: requests",
        Some(o.requests),
        Some(p.requests),
        Kind::Count,
        "≤ 5",
    );
    paint_rows(&o, &p, ("≤ 0.8×", "", ""));
    // `EIG_PULSE_BENCH_ONLY=embed`: the embed's rows alone (a few minutes instead of ten).
    if std::env::var("EIG_PULSE_BENCH_ONLY").as_deref() == Ok("embed") {
        return;
    }
    let (board_ours, board_peer) = measure_board().await;
    let (host_ours, host_peer) = measure_pair(
        (&theirs("/bench/host.html"), "peer-ours-host"),
        (&theirs("/peer/host.html"), "peer-dsfr-host"),
        false,
        loads,
    )
    .await;

    dashboard_rows(&board_ours, &board_peer);
    row(
        &format!(
            "host page (snippet's iframe, height {}, vs inline; window 1280×1400): CLS",
            frame_height(&snippet).map_or("?".into(), |h| h.to_string())
        ),
        Some(host_ours.cls),
        Some(host_peer.cls),
        Kind::Shift,
        "≤ 0.1",
    );
    if std::env::var("EIG_PULSE_LIGHTHOUSE").as_deref() == Ok("1") {
        lighthouse_pairs(&dist, &embed, &theirs);
    }
    for (name, f) in [
        ("EIG Pulse embed", embed_ours),
        ("DSFR Chart one chart", embed_peer),
        ("EIG Pulse dashboard", board_ours),
        ("DSFR Chart five charts", board_peer),
    ] {
        if f.missed > 0 {
            println!(
                "{name}: no chart painted within 20 s in {} of {loads} loads",
                f.missed
            );
        }
    }
}
