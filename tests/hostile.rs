//! Hostile conditions end to end (issue 10): the built `dist/` under a strict
//! Content-Security-Policy, network faults (hanging, slow, truncated, HTML, 404, 500) with a
//! « Réessayer » that really asks again, the `?data=` origin policy, and the legend click that
//! once killed the page. A small server of its own on 127.0.0.1: it counts requests per path.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use fantoccini::actions::InputSource;

use support::{browser, content_type_of, dist, open_drawn, Browser};

/// The policy of `public/_headers`, plus a report address so that a violation at load time
/// (before a test can listen) is counted by the server.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors *";

/// What the server does for a path besides serving `dist/`.
#[derive(Clone)]
enum Answer {
    /// Status, content type, body.
    Fixed(u16, &'static str, Vec<u8>),
    /// Accepts and says nothing for 30 s.
    Hang,
    /// The body in ten pieces over `ms` milliseconds.
    Slow(u64, Vec<u8>),
    /// Announces the whole body, sends half, closes.
    Truncated(Vec<u8>),
    /// Hangs the first time, then answers like `Fixed` 200 JSON.
    HangOnce(Vec<u8>),
    /// A 302 to this address.
    Redirect(String),
}

#[derive(Clone, Default)]
struct Site {
    answers: HashMap<String, Answer>,
    csp: bool,
    /// Lets any page read its answers (`Access-Control-Allow-Origin: *`), as a foreign export's
    /// host would.
    cors: bool,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

impl Site {
    fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    /// Serves on a free loopback port until the test process ends.
    fn serve(self, root: PathBuf) -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (site, root) = (self.clone(), root.clone());
                std::thread::spawn(move || site.answer(stream, &root));
            }
        });
        port
    }

    fn answer(&self, mut stream: TcpStream, root: &Path) {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut request = String::new();
        if reader.read_line(&mut request).is_err() {
            return;
        }
        let mut line = String::new();
        while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
            line.clear();
        }
        let path = request
            .split_whitespace()
            .nth(1)
            .unwrap_or("/")
            .split('?')
            .next()
            .unwrap_or("/")
            .to_string();
        let seen = {
            let mut hits = self.hits.lock().unwrap();
            let n = hits.entry(path.clone()).or_default();
            *n += 1;
            *n
        };
        let head = |status: u16, kind: &str, length: usize| {
            let csp = if self.csp {
                format!("Content-Security-Policy: {CSP}; report-uri /csp-report\r\n")
            } else {
                String::new()
            };
            let cors = if self.cors {
                "Access-Control-Allow-Origin: *\r\n"
            } else {
                ""
            };
            format!("HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {length}\r\n{csp}{cors}Cache-Control: no-store\r\nConnection: close\r\n\r\n")
        };
        let answer = self.answers.get(&path).cloned();
        let (status, kind, body) = match answer {
            Some(Answer::Fixed(status, kind, body)) => (status, kind, body),
            Some(Answer::Hang) => {
                std::thread::sleep(Duration::from_secs(30));
                return;
            }
            Some(Answer::HangOnce(_)) if seen == 1 => {
                std::thread::sleep(Duration::from_secs(30));
                return;
            }
            Some(Answer::HangOnce(body)) => (200, "application/json", body),
            Some(Answer::Redirect(location)) => {
                let _ = stream.write_all(
                    format!("HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .as_bytes(),
                );
                return;
            }
            Some(Answer::Slow(ms, body)) => {
                let _ = stream.write_all(head(200, "application/json", body.len()).as_bytes());
                for piece in body.chunks(body.len().div_ceil(10).max(1)) {
                    std::thread::sleep(Duration::from_millis(ms / 10));
                    let _ = stream.write_all(piece);
                }
                return;
            }
            Some(Answer::Truncated(body)) => {
                let _ = stream.write_all(head(200, "application/json", body.len()).as_bytes());
                let _ = stream.write_all(&body[..body.len() / 2]);
                return;
            }
            None => {
                let relative = match path.as_str() {
                    "/" => "index.html",
                    p => p.trim_start_matches('/'),
                };
                let file = root.join(relative);
                if relative.contains("..") || !file.is_file() {
                    (404, "text/plain", b"not found".to_vec())
                } else {
                    let kind = content_type_of(&file);
                    (200, kind, std::fs::read(&file).unwrap_or_default())
                }
            }
        };
        let _ = stream.write_all(head(status, kind, body.len()).as_bytes());
        let _ = stream.write_all(&body);
    }
}

fn real() -> Vec<u8> {
    std::fs::read(dist().join("data/export.json")).unwrap()
}

/// A site under the strict policy, and its port.
fn strict_site() -> (Site, u16) {
    let site = Site {
        csp: true,
        ..Site::default()
    };
    let port = site.clone().serve(dist());
    (site, port)
}

/// Makes the page keep the policy's violations it sees, for [`assert_no_violation`].
async fn listen_for_violations(b: &Browser) {
    b.js("window.violations = []; document.addEventListener('securitypolicyviolation', e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));").await;
}

/// Dynamic styles went through the CSSOM: the legend swatches are coloured.
async fn assert_swatches_coloured(b: &Browser) {
    let swatch = b
        .js("return getComputedStyle(document.querySelector('.swatch')).backgroundColor")
        .await;
    assert_ne!(swatch.as_str(), Some("rgba(0, 0, 0, 0)"), "{swatch}");
}

/// No violation of the policy, neither seen by the page's listener nor reported to the server.
async fn assert_no_violation(b: &Browser, site: &Site) {
    let seen = b.js("return window.violations").await;
    assert_eq!(seen, serde_json::json!([]), "violations seen by the page");
    assert_eq!(
        site.hits("/csp-report"),
        0,
        "violations reported to the server"
    );
}

/// Every chart painted, no violation reported or seen, the legend, the tooltip, the
/// « Intégrer » dialog with its preview frame, and a download, all under the strict policy.
#[tokio::test]
async fn the_dashboard_works_under_a_strict_content_security_policy() {
    let (site, port) = strict_site();
    let b = browser(1280, 1600).await;
    b.open_local(port, "").await;
    listen_for_violations(&b).await;
    b.wait_for_draws(5, "five charts drawn under the CSP").await;
    for chart in [
        "defis-by-administration",
        "skills-by-promotion",
        "journal-weekly",
        "journal-mix-by-defi",
        "openness-by-promotion",
    ] {
        assert!(b.ink(chart).await > 0.01, "{chart} painted");
    }
    assert_swatches_coloured(&b).await;
    b.click_in_script("#skills-by-promotion .legend-entry")
        .await;
    // A tooltip (positioned through the CSSOM too).
    b.focus("#defis-by-administration canvas").await;
    let right = fantoccini::key::Key::Right;
    let keys = fantoccini::actions::KeyActions::new("keyboard".into())
        .then(fantoccini::actions::KeyAction::Down {
            value: right.into(),
        })
        .then(fantoccini::actions::KeyAction::Up {
            value: right.into(),
        });
    b.client.perform_actions(keys).await.unwrap();
    b.wait_for_element(".tooltip", "a tooltip").await;
    // The embed dialog's preview frame is sized by embed.js under the same policy.
    b.click("[data-embed=journal-weekly]").await;
    b.wait_for(
        "parseFloat(document.querySelector('.embed-preview').style.height) > 300",
        "the preview frame resized",
    )
    .await;
    b.click_in_script(".panel-close").await;
    b.click("#defis-by-administration [data-download=csv]")
        .await;
    let csv = String::from_utf8(b.downloaded("defis-by-administration.csv").await).unwrap();
    assert!(csv.contains("category_key,category"), "{csv}");
    b.screenshot("csp-dashboard").await;
    assert_no_violation(&b, &site).await;
    // No inline script in the shipped page, and the policy file ships with it.
    let index = std::fs::read_to_string(dist().join("index.html")).unwrap();
    assert!(!index.contains("<script>") && !index.contains("<script type=\"module\">"));
    assert!(std::fs::read_to_string(dist().join("_headers"))
        .unwrap()
        .contains(CSP));
    b.finish().await;
}

/// Each fault gets its own message naming the address; a timeout is abandoned; « Réessayer »
/// asks the server again (counted), and the second answer loads.
#[tokio::test]
async fn network_faults_are_told_and_retried() {
    let mut site = Site::default();
    let html = b"<!doctype html><title>Erreur</title><p>Maintenance</p>".to_vec();
    for (path, answer) in [
        ("/hang.json", Answer::Hang),
        ("/slow.json", Answer::Slow(3000, real())),
        ("/truncated.json", Answer::Truncated(real())),
        (
            "/page.json",
            Answer::Fixed(200, "text/html; charset=utf-8", html),
        ),
        (
            "/error500.json",
            Answer::Fixed(500, "text/plain", b"boom".to_vec()),
        ),
        ("/flaky.json", Answer::HangOnce(real())),
    ] {
        site.answers.insert(path.into(), answer);
    }
    let port = site.clone().serve(dist());
    let b = browser(1024, 800).await;
    for (query, expected) in [
        (
            "?data=/hang.json&timeout=2",
            "n'a pas répondu en 2 secondes",
        ),
        ("?data=/truncated.json", "Échec réseau en demandant"),
        (
            "?data=/page.json",
            "n'est pas un fichier JSON (type « text/html",
        ),
        ("?data=/absent.json", "404"),
        ("?data=/error500.json", "500"),
    ] {
        let text = b.failure_at(port, query).await;
        let name = query[7..].split('&').next().unwrap();
        assert!(
            text.contains(expected) && text.contains(name),
            "{query}: {text}"
        );
    }
    b.screenshot("fault-timeout").await;
    // Slow but within the limit: it loads.
    b.open_local(port, "?data=/slow.json").await;
    b.wait_for_draws(5, "the slow export drawn").await;
    // Hangs once: the timeout, then « Réessayer » fetches again and the dashboard appears.
    let before = site.hits("/error500.json");
    b.open_local(port, "?data=/error500.json").await;
    b.wait_for_element(".failure button", "retry button").await;
    b.click(".failure button").await;
    for _ in 0..40 {
        if site.hits("/error500.json") >= before + 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        site.hits("/error500.json"),
        before + 2,
        "retry asked the server again"
    );
    b.open_local(port, "?data=/flaky.json&timeout=2").await;
    b.wait_for_element(".failure button", "the timeout").await;
    assert_eq!(site.hits("/flaky.json"), 1);
    b.click(".failure button").await;
    b.wait_for_draws(5, "the retried export drawn").await;
    assert_eq!(site.hits("/flaky.json"), 2);
    b.finish().await;
}

/// `?data=`: never `data:`, never another origin (not allowed at build time); an export of the
/// page's origin other than its own file shows a notice naming it, in the embed too.
#[tokio::test]
async fn data_sources_are_checked_and_named() {
    let mut site = Site::default();
    site.answers.insert(
        "/autre.json".into(),
        Answer::Fixed(200, "application/json", real()),
    );
    // A foreign host that lets any page read it, and an open redirect on the page's own origin
    // pointing there (issue 22): checked before fetching, the address passes; the answer's final
    // address must pass the same rule.
    let other = Site {
        cors: true,
        ..Site::default()
    }
    .serve(dist());
    site.answers.insert(
        "/open-redirect".into(),
        Answer::Redirect(format!("http://127.0.0.1:{other}/data/export.json")),
    );
    let port = site.clone().serve(dist());
    let b = browser(1024, 900).await;
    for (query, expected) in [
        (
            "?data=/open-redirect".to_string(),
            "a renvoyé vers « http://127.0.0.1:",
        ),
        (
            "?data=data:application/json,%7B%7D".to_string(),
            "seules les adresses http(s) sont chargées",
        ),
        (
            format!("?data=http://127.0.0.1:{other}/data/export.json"),
            "ne charge que ses propres données",
        ),
        (
            "?data=javascript:alert(1)".to_string(),
            "seules les adresses http(s) sont chargées",
        ),
    ] {
        let text = b.failure_at(port, &query).await;
        assert!(
            text.contains("Cette source de données n'est pas autorisée") && text.contains(expected),
            "{query}: {text}"
        );
    }
    assert_eq!(site.hits("/data/export.json"), 0);
    b.screenshot("data-refused").await;
    b.open_local(port, "?data=/autre.json").await;
    b.wait_for_element(".source-notice", "the notice").await;
    assert!(b
        .text(".source-notice")
        .await
        .contains(&format!("http://127.0.0.1:{port}/autre.json")));
    b.open_local(port, "?data=data/export.json").await;
    b.wait_for_draws(5, "the default export").await;
    assert!(!b.has(".source-notice").await, "no notice for its own file");
    b.open_local(port, "?chart=journal-weekly&data=/autre.json")
        .await;
    b.wait_for_element(".source-notice", "the notice in an embed")
        .await;
    b.finish().await;
}

/// The crash of issue 10 on the real export: `?promo=dig`, « Design » clicked off in the legend
/// of « Compétences par promotion ». The page must stay alive: filters still work.
#[tokio::test]
async fn hiding_the_only_non_empty_series_leaves_a_working_page() {
    let b = open_drawn(Site::default().serve(dist()), "?promo=dig", 1280, 1400, 5).await;
    b.click_legend("skills-by-promotion", "Design").await;
    // The summary of no value.
    b.wait_for_summary("skills-by-promotion", "Aucune valeur", true)
        .await;
    assert!(!b.has(".panic-message").await, "the page is alive");
    b.screenshot("legend-dig-design").await;
    // Still alive: the same click shows Design again and the summary follows.
    b.click_legend("skills-by-promotion", "Design").await;
    b.wait_for_summary("skills-by-promotion", "Aucune valeur", false)
        .await;
    b.screenshot("legend-dig-design").await;
    b.finish().await;
}

/// The light embed page under the same policy: the static chart (swatches through the CSSOM,
/// icons as data: URLs), then the interactive one at the first gesture, and nothing blocked.
#[tokio::test]
async fn the_light_embed_works_under_a_strict_content_security_policy() {
    let (site, port) = strict_site();
    let b = browser(900, 900).await;
    // The chart's own page (no redirect): violations while it loads reach /csp-report, later
    // ones the page's listener too.
    b.open_static(port, "embed/skills-by-promotion.fr.html")
        .await;
    listen_for_violations(&b).await;
    assert_swatches_coloured(&b).await;
    b.wake_by_click(".legend-entry").await;
    // The replayed click hid the first series.
    b.wait_for_element(
        ".legend-entry[aria-pressed=false]",
        "the first series hidden by the replayed click",
    )
    .await;
    assert_no_violation(&b, &site).await;
    let page = std::fs::read_to_string(dist().join("embed.html")).unwrap();
    assert!(!page.contains("<script>") && !page.contains("style=\""));
    b.finish().await;
}
