//! A blog post on its own loopback origin, as a writer pastes a snippet in it: the host pages
//! the embedding tests frame charts in (a strict CSP, a first screen of text, themes).

use super::{serve, Routes};

/// The host's own rules, a file of its origin (its CSP refuses inline styles): a column of
/// 800 px at most, a first screen of text before the chart, a dark background when DSFR's
/// theme is dark, and `.night` for a page whose only sign of darkness is its background.
const POST_CSS: &str =
    "body { margin: 0; background: #fff; color: #161616; font-family: sans-serif; }
article { max-width: 800px; margin: 0 auto; padding: 0 16px; }
.first-screen { height: 1400px; }
.after { height: 1600px; }
html[data-fr-theme=dark] body, body.night { background: #161616; color: #eee; }
body.ink { background: oklch(22% 0.02 260); color: #eee; }";

/// Counts the host's layout shifts (without recent input, as CLS does) and the CSP's refusals.
const WATCH_JS: &str = "window.shifts = 0; window.refused = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { if (!e.hadRecentInput) window.shifts += e.value; });
}).observe({ type: 'layout-shift', buffered: true });
document.addEventListener('securitypolicyviolation', function (e) {
  window.refused.push(e.violatedDirective + ' ' + e.blockedURI);
});";

/// A post holding `snippet`, with DSFR's theme attribute `theme` on `<html>` (or none) and
/// `body_class`, under a CSP that refuses inline styles and takes scripts from `scripts` only.
pub fn post(
    snippet: &str,
    theme: Option<&str>,
    body_class: &str,
    scripts: &str,
    frames: &str,
) -> Vec<u8> {
    let theme = theme.map_or(String::new(), |t| format!(" data-fr-theme=\"{t}\""));
    format!(
        r#"<!doctype html><html lang="fr"{theme}><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'; script-src {scripts}; frame-src {frames}; img-src 'self' {frames}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/post.css"><script src="/watch.js"></script><title>Un billet</title></head>
<body class="{body_class}"><article><h1>Un billet</h1><div class="first-screen"></div>
{snippet}
<p>La suite du billet.</p><div class="after"></div></article></body></html>"#
    )
    .into_bytes()
}

/// Serves the host's pages for `snippet` on a port of their own: `/post.html` (DSFR light theme,
/// embed.js allowed), `/blocked.html` (embed.js refused by the CSP), `/plain.html` (no theme, a
/// white page), `/night.html` (no theme, a dark background) and `/ink.html` (the same, written in
/// oklch).
pub fn host(dashboard: u16, snippet: &str) -> u16 {
    let origin = format!("http://127.0.0.1:{dashboard}");
    let with_script = format!("'self' {origin}");
    let mut routes = Routes::new();
    let scripts = with_script.as_str();
    let pages = [
        ("/post.html", Some("light"), "", scripts),
        ("/blocked.html", Some("light"), "", "'self'"),
        ("/plain.html", None, "", scripts),
        ("/night.html", None, "night", scripts),
        ("/ink.html", None, "ink", scripts),
    ];
    for (path, theme, class, scripts) in pages {
        let page = post(snippet, theme, class, scripts, &origin);
        routes.insert(path.into(), (200, "text/html; charset=utf-8", page));
    }
    routes.insert(
        "/post.css".into(),
        (200, "text/css", POST_CSS.as_bytes().to_vec()),
    );
    routes.insert(
        "/watch.js".into(),
        (200, "text/javascript", WATCH_JS.as_bytes().to_vec()),
    );
    serve(std::env::temp_dir(), routes)
}
