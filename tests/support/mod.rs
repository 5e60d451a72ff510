//! Browser test harness: a static server for `dist/` on 127.0.0.1 (gzip, like a real host),
//! chromedriver, and headless Chromium. Shared by the end-to-end tests and the benchmarks.
//! Loopback only, bounded waits.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, LazyLock, Mutex, MutexGuard};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder};

pub mod host;
use serde_json::{json, Value};

/// The built dashboard; `scripts/test` builds it with `trunk build --release` first.
pub fn dist() -> PathBuf {
    let dist = std::env::var_os("EIG_PULSE_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: build the dashboard first (`trunk build --release`, done by scripts/test)",
        dist.display()
    );
    dist
}

/// Extra responses served beside `dist/`: path → (status, content type, body).
pub type Routes = HashMap<String, (u16, &'static str, Vec<u8>)>;

/// Serves `root` and `routes` on 127.0.0.1, on a free port, until the process ends.
pub fn serve(root: PathBuf, routes: Routes) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let port = listener.local_addr().unwrap().port();
    let routes = Arc::new(routes);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (root, routes) = (root.clone(), routes.clone());
            std::thread::spawn(move || answer(stream, &root, &routes));
        }
    });
    port
}

fn answer(mut stream: TcpStream, root: &Path, routes: &Routes) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut accepts_gzip = false;
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(_) if header == "\r\n" || header == "\n" => break,
            Ok(_) => {
                if let Some((name, value)) = header.split_once(':') {
                    if name.trim().eq_ignore_ascii_case("accept-encoding") {
                        accepts_gzip |= value
                            .split(',')
                            .any(|coding| coding.split(';').next().unwrap_or("").trim() == "gzip");
                    }
                }
            }
        }
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split('?').next().unwrap_or("/");
    let (status, content_type, body) = match routes.get(path) {
        Some((status, content_type, body)) => (*status, *content_type, body.clone()),
        None => {
            let relative = if path == "/" {
                "index.html"
            } else {
                path.trim_start_matches('/')
            };
            let file = root.join(relative);
            if relative.contains("..") || !file.is_file() {
                (404, "text/plain; charset=utf-8", b"not found".to_vec())
            } else {
                (
                    200,
                    content_type_of(&file),
                    std::fs::read(&file).unwrap_or_default(),
                )
            }
        }
    };
    let reason = if status == 200 {
        "OK"
    } else if status == 404 {
        "Not Found"
    } else {
        "Error"
    };
    let (body, encoding) = if accepts_gzip && compressible(content_type) {
        (
            gzipped(&body),
            "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n",
        )
    } else {
        (Arc::new(body), "")
    };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n{encoding}Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// Text-like bodies a host would compress; images and fonts are compressed already.
fn compressible(content_type: &str) -> bool {
    ["text/", "javascript", "json", "svg", "wasm"]
        .iter()
        .any(|kind| content_type.contains(kind))
}

/// Gzipped bodies, by hash and length of the body.
type Gzipped = HashMap<(u64, usize), Arc<Vec<u8>>>;

/// `body` gzipped (level 6, as servers default to), compressed once per distinct body so that
/// only a page's first load includes compression.
fn gzipped(body: &[u8]) -> Arc<Vec<u8>> {
    use std::hash::{Hash, Hasher};
    static CACHE: LazyLock<Mutex<Gzipped>> = LazyLock::new(Default::default);
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut hasher);
    let key = (hasher.finish(), body.len());
    if let Some(hit) = CACHE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(&key)
    {
        return hit.clone();
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(body).unwrap();
    let compressed = Arc::new(encoder.finish().unwrap());
    CACHE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .insert(key, compressed.clone());
    compressed
}

/// The `Content-Type` a static host sends for `file`, by its extension.
pub fn content_type_of(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        _ => "application/octet-stream",
    }
}

/// A JS expression: the share of a chart canvas' pixels for which `test` holds (0 without canvas).
pub fn pixels_expression(chart: &str, test: &str) -> String {
    format!(
        "(() => {{ const c = document.querySelector('#{chart} canvas'); if (!c || !c.width) return 0;
         const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
         for (let i = 0; i < d.length; i += 4) {{ if ({test}) n++; }}
         return n / (c.width * c.height); }})()"
    )
}

/// One browser at a time: Chromium sessions are heavy on two cores.
static BROWSER_LOCK: Mutex<()> = Mutex::new(());

/// A chromedriver process and a headless Chromium session; both end when dropped.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: PathBuf,
    _lock: MutexGuard<'static, ()>,
}

impl Drop for Browser {
    fn drop(&mut self) {
        // After `finish` Chromium is already gone; after a failed test, end what remains of it.
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = Command::new("pkill")
            .args(["-KILL", "-f", "--"])
            .arg(format!("--user-data-dir={}", self._profile.display()))
            .status();
        let _ = std::fs::remove_dir_all(&self._profile);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts chromedriver and a headless Chromium of `width` × `height` CSS pixels.
pub async fn browser(width: u32, height: u32) -> Browser {
    browser_with(width, height, &[]).await
}

/// [`browser`] with more Chromium switches (`--force-dark-mode`: a system that prefers dark).
///
/// The lock is held for the session's whole life, across awaits, on purpose: each test runs
/// its own single-threaded runtime on its own thread, and the lock only makes them take turns.
pub async fn browser_with(width: u32, height: u32, switches: &[&str]) -> Browser {
    launch(width, height, switches, true).await
}

/// A headless Chromium as [`browser`] gives, with JavaScript switched off for pages (WebDriver's
/// own scripts still run).
pub async fn browser_without_javascript(width: u32, height: u32) -> Browser {
    launch(width, height, &[], false).await
}

#[allow(clippy::await_holding_lock)]
async fn launch(width: u32, height: u32, switches: &[&str], javascript: bool) -> Browser {
    let lock = BROWSER_LOCK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let port = free_port();
    let scratch = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser-tmp");
    std::fs::create_dir_all(&scratch).unwrap();
    let profile = scratch.join(format!("profile-{port}"));
    let driver = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .env("TMPDIR", &scratch)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver on PATH (scripts/setup installs it)");
    for _ in 0..100 {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut capabilities = serde_json::Map::new();
    let mut options = json!({
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--lang=fr-FR",
                format!("--window-size={width},{height}"),
                format!("--user-data-dir={}", profile.display()),
            ]
    });
    for switch in switches {
        options["args"].as_array_mut().unwrap().push(json!(switch));
    }
    // Downloads land in a folder of the profile, for tests to read.
    options["prefs"] = json!({
        "download.default_directory": profile.join("downloads").display().to_string(),
        "download.prompt_for_download": false,
        "profile.default_content_setting_values.automatic_downloads": 1,
        "profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 },
    });
    // Desktop windows cannot be narrower than about 500 px: phones are emulated, at 2× density.
    if width < 500 {
        options["mobileEmulation"] =
            json!({"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0}});
    }
    capabilities.insert("goog:chromeOptions".into(), options);
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session");
    Browser {
        client,
        driver,
        _profile: profile,
        _lock: lock,
    }
}

/// A new browser of `width` × `height` on `http://127.0.0.1:{port}/{query}`, once `charts`
/// charts are drawn.
pub async fn open_drawn(port: u16, query: &str, width: u32, height: u32, charts: u32) -> Browser {
    let b = browser(width, height).await;
    b.open_local(port, query).await;
    b.wait_for_draws(charts, &format!("{charts} chart(s) drawn"))
        .await;
    b
}

/// The repository activity of `tests/fixtures/activity.json` (five real défis, hand-made weeks).
pub fn activity_fixture() -> Vec<eig_pulse_core::contract::export::Activity> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/activity.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

impl Browser {
    /// Ends the WebDriver session, which closes Chromium cleanly; call it at the end of a test.
    pub async fn finish(self) {
        let _ = self.client.clone().close().await;
    }

    /// A real (trusted) click on the first element matching `selector`, scrolled to the middle
    /// of the window first, as a reader brings it into view (never under the sticky contents).
    pub async fn click(&self, selector: &str) {
        self.js(&format!(
            "const e = document.querySelector({}); if (e) e.scrollIntoView({{block: 'center'}});",
            serde_json::json!(selector)
        ))
        .await;
        let element = self
            .client
            .find(fantoccini::Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("{selector}: {e}"));
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {selector}: {e}"));
    }

    /// Where this browser saves downloads.
    pub fn downloads(&self) -> PathBuf {
        self._profile.join("downloads")
    }

    /// Waits (at most 10 s) for a downloaded file, complete, and returns its bytes.
    pub async fn downloaded(&self, name: &str) -> Vec<u8> {
        let path = self.downloads().join(name);
        for _ in 0..200 {
            if let Ok(bytes) = std::fs::read(&path) {
                if !bytes.is_empty() {
                    return bytes;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let present: Vec<_> = std::fs::read_dir(self.downloads())
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        panic!(
            "no download {name} in {} (present: {present:?})",
            self.downloads().display()
        );
    }

    /// Runs `script` (a function body) inside the page's frame `index`, and comes back.
    pub async fn in_frame(&self, index: u16, script: &str) -> Value {
        self.client.clone().enter_frame(index).await.unwrap();
        let value = self.js(script).await;
        self.client.clone().enter_parent_frame().await.unwrap();
        value
    }

    /// Waits (at most 15 s) until `condition`, a JS expression, holds inside the frame `index`.
    pub async fn wait_in_frame(&self, index: u16, condition: &str, what: &str) {
        let script = format!("return !!({condition});");
        for _ in 0..150 {
            if self.in_frame(index, &script).await == Value::Bool(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("timed out waiting in frame {index} for {what} ({condition})");
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// The number `script` returns.
    pub async fn number(&self, script: &str) -> f64 {
        self.js(script)
            .await
            .as_f64()
            .unwrap_or_else(|| panic!("no number from {script}"))
    }

    /// How many elements match `selector` now.
    pub async fn count(&self, selector: &str) -> usize {
        let script = format!(
            "return document.querySelectorAll({}).length;",
            json!(selector)
        );
        self.number(&script).await as usize
    }

    /// Whether an element matches `selector` now.
    pub async fn has(&self, selector: &str) -> bool {
        let script = format!("return !!document.querySelector({});", json!(selector));
        self.js(&script).await == Value::Bool(true)
    }

    /// Gives the focus to the first element matching `selector`, from script.
    pub async fn focus(&self, selector: &str) {
        let script = format!("document.querySelector({}).focus()", json!(selector));
        self.js(&script).await;
    }

    /// Clicks `selector` from script, no pointer needed (`click` is the real, trusted click).
    pub async fn click_in_script(&self, selector: &str) {
        let script = format!("document.querySelector({}).click()", json!(selector));
        self.js(&script).await;
    }

    /// Chooses `value` in the select `id` as a reader would, firing its `change` event.
    pub async fn choose(&self, id: &str, value: &str) {
        let script = format!(
            "const s = document.getElementById({}); s.value = {}; s.dispatchEvent(new Event('change', {{bubbles: true}}));",
            json!(id),
            json!(value)
        );
        self.js(&script).await;
    }

    /// Clicks the legend entry of `chart` whose text holds `label`.
    pub async fn click_legend(&self, chart: &str, label: &str) {
        let script = format!(
            "[...document.querySelectorAll('#{chart} .legend-entry')].find(e => e.textContent.includes({})).click()",
            json!(label)
        );
        self.js(&script).await;
    }

    /// The summary in words (`aria-label`) of `chart`'s canvas.
    pub async fn summary(&self, chart: &str) -> String {
        let script =
            format!("return document.querySelector('#{chart} canvas').getAttribute('aria-label')");
        self.js(&script)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Goes to `url`.
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap();
    }

    /// Goes to `http://127.0.0.1:{port}/{query}`.
    pub async fn open_local(&self, port: u16, query: &str) {
        self.goto(&format!("http://127.0.0.1:{port}/{query}")).await;
    }

    /// Opens the dashboard at `port`, then « Intégrer » on `chart`, and waits for the dialog's
    /// preview sized by embed.js (its snippet then holds the reported height).
    pub async fn open_embed_dialog(&self, port: u16, chart: &str) {
        self.open_local(port, "").await;
        self.wait_for_draws(5, "the dashboard").await;
        self.click_in_script(&format!("[data-embed={chart}]")).await;
        self.wait_for_element("#embed-snippet", "the dialog").await;
        self.wait_for(
            "parseFloat(document.querySelector('.embed-preview').style.height) > 300",
            "the preview sized by embed.js",
        )
        .await;
    }

    /// Opens `http://127.0.0.1:{port}/{query}` and waits for its failure message; gives its text.
    pub async fn failure_at(&self, port: u16, query: &str) -> String {
        self.open_local(port, query).await;
        self.wait_for("document.querySelector('.failure')", query)
            .await;
        self.text(".failure").await
    }

    /// Waits until the address' query holds `part` (`present`), or no longer holds it.
    pub async fn wait_for_query(&self, part: &str, present: bool) {
        let holds = format!("location.search.includes({})", json!(part));
        let (condition, what) = if present {
            (holds, format!("{part} in the address"))
        } else {
            (format!("!{holds}"), format!("{part} out of the address"))
        };
        self.wait_for(&condition, &what).await;
    }

    /// Waits until `chart`'s summary in words holds `words` (`present`), or no longer does.
    pub async fn wait_for_summary(&self, chart: &str, words: &str, present: bool) {
        let holds = format!(
            "document.querySelector('#{chart} canvas').getAttribute('aria-label').includes({})",
            json!(words)
        );
        let (condition, what) = if present {
            (holds, format!("« {words} » in the summary of {chart}"))
        } else {
            (
                format!("!{holds}"),
                format!("« {words} » out of the summary of {chart}"),
            )
        };
        self.wait_for(&condition, &what).await;
    }

    /// Waits until the page's root element has `attribute` set to `value` (DSFR's scheme).
    pub async fn wait_for_root(&self, attribute: &str, value: &str) {
        let condition = format!(
            "document.documentElement.getAttribute({}) === {}",
            json!(attribute),
            json!(value)
        );
        self.wait_for(&condition, &format!("{attribute}={value}"))
            .await;
    }

    /// Waits until the page has drawn `charts` charts at least.
    pub async fn wait_for_draws(&self, charts: u32, what: &str) {
        self.wait_for(
            &format!("window.eigPulseTimings && window.eigPulseTimings.draws >= {charts}"),
            what,
        )
        .await;
    }

    /// Clicks `selector` on a light embed page and waits for the interactive chart it wakes.
    pub async fn wake_by_click(&self, selector: &str) {
        self.click(selector).await;
        self.wait_for_interactive(&format!(
            "the interactive chart after a click on {selector}"
        ))
        .await;
    }

    /// Focuses `selector` on a light embed page and waits for the interactive chart it wakes.
    pub async fn wake_by_focus(&self, selector: &str) {
        self.focus(selector).await;
        self.wait_for_interactive(&format!("the interactive chart after focus on {selector}"))
            .await;
    }

    /// Waits until a light embed page has swapped its static chart for the interactive one.
    pub async fn wait_for_interactive(&self, what: &str) {
        self.wait_for(
            "!document.getElementById('embed-static') && window.eigPulseTimings.draws >= 1",
            what,
        )
        .await;
    }

    /// Waits until the focused element matches `selector`.
    pub async fn wait_for_focus(&self, selector: &str, what: &str) {
        let condition = format!(
            "document.activeElement && document.activeElement.matches({})",
            json!(selector)
        );
        self.wait_for(&condition, what).await;
    }

    /// Waits until an element matches `selector`.
    pub async fn wait_for_element(&self, selector: &str, what: &str) {
        self.wait_for(
            &format!("document.querySelector({})", json!(selector)),
            what,
        )
        .await;
    }

    /// The value shown by the key figure `key`.
    pub async fn figure(&self, key: &str) -> String {
        self.text(&format!(".figure[data-figure={key}] .figure-value"))
            .await
    }

    /// Waits until the key figure `key` shows `value`.
    pub async fn wait_for_figure(&self, key: &str, value: &str, what: &str) {
        self.wait_for(
            &format!("document.querySelector('.figure[data-figure={key}] .figure-value').textContent === '{value}'"),
            what,
        )
        .await;
    }

    /// Waits (at most 15 s) until `condition`, a JS expression, is true; panics with `what` otherwise.
    /// Every wait also waits for the dashboard's static first paint to have handed over, where
    /// there is one: until then the interactive page lies unseen beside it
    /// (`src/browser/first_paint.rs`). [`Browser::wait_on_first_paint`] waits without it.
    pub async fn wait_for(&self, condition: &str, what: &str) {
        self.wait_on_first_paint(
            &format!("({condition}) && !document.getElementById('static-page')"),
            what,
        )
        .await;
    }

    /// Waits (at most 15 s) until `condition` (JavaScript) holds, whether or not the static
    /// first paint is still there.
    pub async fn wait_on_first_paint(&self, condition: &str, what: &str) {
        let script = format!("return !!({condition});");
        for _ in 0..300 {
            if self.client.execute(&script, vec![]).await.ok() == Some(Value::Bool(true)) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let body = self
            .js("return document.body.innerText.slice(0, 2000);")
            .await;
        panic!("timed out waiting for {what} ({condition}); page text: {body}");
    }

    /// [`goto_static`](Self::goto_static) on `http://127.0.0.1:{port}/{path}`.
    pub async fn open_static(&self, port: u16, path: &str) {
        self.goto_static(&format!("http://127.0.0.1:{port}/{path}"))
            .await;
    }

    /// Opens a light embed page (`embed/<id>.<lang>.html`, or `embed.html?chart=`, which leads
    /// there) and waits for its static chart.
    pub async fn goto_static(&self, url: &str) {
        self.client.goto(url).await.unwrap();
        self.wait_for(
            "window.eigPulseTimings && window.eigPulseTimings.staticChart > 0",
            "the static chart",
        )
        .await;
    }

    /// The text of the first element matching `selector`.
    pub async fn text(&self, selector: &str) -> String {
        let script = format!(
            "const e = document.querySelector({}); return e ? e.textContent : null;",
            json!(selector)
        );
        self.js(&script)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Share of non-background pixels of a chart's canvas.
    pub async fn ink(&self, chart: &str) -> f64 {
        self.pixels(chart, "d[i] < 235 || d[i+1] < 235 || d[i+2] < 235")
            .await
    }

    /// Share of a chart canvas' pixels for which `test` (JS over `d[i]`, `d[i+1]`, `d[i+2]`) holds.
    pub async fn pixels(&self, chart: &str, test: &str) -> f64 {
        let script = format!("return {};", pixels_expression(chart, test));
        self.js(&script).await.as_f64().unwrap_or(0.0)
    }

    /// Waits (at most 15 s) until the share of `chart`'s pixels passing `test` satisfies
    /// `condition` (JS over `share`, e.g. `share === 0`): a redraw awaited by what it must show.
    pub async fn wait_for_pixels(&self, chart: &str, test: &str, condition: &str, what: &str) {
        let share = pixels_expression(chart, test);
        self.wait_for(&format!("(share => {condition})({share})"), what)
            .await;
    }

    /// axe-core's serious and critical violations on the page as it is now.
    pub async fn axe_violations(&self) -> Vec<Value> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(".tools/web/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (scripts/setup installs axe-core from npm)",
                path.display()
            )
        });
        self.client
            .execute(
                "if (!window.axe) { const s = document.createElement('script'); s.textContent = arguments[0]; document.head.appendChild(s); } return !!window.axe;",
                vec![json!(source)],
            )
            .await
            .unwrap();
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                       nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').slice(0, 200)) }))))
                   .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));",
                vec![],
            )
            .await
            .unwrap();
        result
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .collect()
    }

    /// Fails, naming `context`, on any serious or critical violation axe-core finds.
    pub async fn assert_accessible(&self, context: &str) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "{context}: {}",
            serde_json::to_string_pretty(&violations).unwrap()
        );
    }

    pub async fn screenshot(&self, name: &str) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        if let Ok(png) = self.client.screenshot().await {
            std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
        }
    }
}
