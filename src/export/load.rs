//! Fetching the export: where it may come from (`?data=`, a pinned page's copy), a plain
//! `async fn` with a timeout, a content-type and a size check, and a French message naming what
//! failed and where.

use eig_pulse_core::contract::pinned::ExportVersion;
use eig_pulse_core::contract::validate::{parse_export, LoadError};
use eig_pulse_core::{tr, Export, Lang};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::browser::screen::next_task;
use crate::browser::timings::{now, record_timing};

/// The export beside the page, loaded when the URL does not say (`?data=<url>`).
pub const DEFAULT_EXPORT: &str = "data/export.json";
/// How long the export may take to arrive, headers and body, before the fetch is aborted.
pub const TIMEOUT_SECONDS: u32 = 20;
/// The largest export read (the real one is about 1 MB; 100× the programme is about 60 MB).
pub const MAX_BYTES: u64 = 100_000_000;
/// Origins other than the page's own that `?data=` may name, set when building:
/// `EIG_PULSE_DATA_ORIGINS="https://a.example https://b.example" trunk build --release`.
/// (The Content-Security-Policy's `connect-src` must list them too.)
pub const ALLOWED_ORIGINS: Option<&str> = option_env!("EIG_PULSE_DATA_ORIGINS");

/// Where the export comes from: the page's own file, or a source the URL named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Default,
    /// Another export, named by `?data=` (shown to the reader in a notice).
    Other(String),
    /// A pinned embed page's own copy of its export (`data-embed-export`): the page says its day.
    Pinned,
}

/// An export as loaded: its contract data and the version its bytes are named by (the folder
/// of its pinned embed pages, when it is the build's own export).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub export: Export,
    pub version: Option<ExportVersion>,
}

/// Decides what `?data=<url>` may load. `page` is the page's address; relative URLs are resolved
/// against it. Only http(s) of the page's origin or of [`ALLOWED_ORIGINS`]; never `data:`,
/// `blob:` or `javascript:`.
pub fn export_source(
    data: Option<&str>,
    page: &str,
    allowed: Option<&str>,
) -> Result<(String, Origin), LoadFailure> {
    let Some(data) = data.map(str::trim).filter(|d| !d.is_empty()) else {
        return Ok((DEFAULT_EXPORT.to_string(), Origin::Default));
    };
    let refused = |reason: &'static str| LoadFailure {
        url: data.to_string(),
        kind: FailureKind::Refused(reason),
    };
    let url = web_sys::Url::new_with_base(data, page).map_err(|_| refused("malformed"))?;
    if !matches!(url.protocol().as_str(), "http:" | "https:") {
        return Err(refused("scheme"));
    }
    if !origin_allowed(&url, page, allowed) {
        return Err(refused("origin"));
    }
    let default = web_sys::Url::new_with_base(DEFAULT_EXPORT, page).map(|u| u.href());
    if default.as_deref() == Ok(url.href().as_str()) {
        return Ok((DEFAULT_EXPORT.to_string(), Origin::Default));
    }
    Ok((url.href(), Origin::Other(url.href())))
}

/// True when `url` lies on the page's own origin or on one allowed at build time: the one rule
/// for the address asked and for the address an answer finally came from.
fn origin_allowed(url: &web_sys::Url, page: &str, allowed: Option<&str>) -> bool {
    let own = web_sys::Url::new(page)
        .map(|p| p.origin())
        .unwrap_or_default();
    let origin = url.origin();
    let listed = allowed
        .unwrap_or_default()
        .split([' ', ','])
        .any(|o| !o.is_empty() && o.trim_end_matches('/') == origin);
    origin == own || listed
}

/// Why the export could not be shown, in words for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFailure {
    pub url: String,
    pub kind: FailureKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailureKind {
    Network(String),
    /// No complete answer within [`TIMEOUT_SECONDS`] (or the test's shorter limit).
    Timeout(u32),
    Http(u16, String),
    /// The answer is not JSON (an HTML page, a text file): its content type.
    ContentType(String),
    /// More than [`MAX_BYTES`].
    TooLarge(u64),
    /// `?data=` named a source this build does not load: `malformed`, `scheme` or `origin`.
    Refused(&'static str),
    /// The answer came, after a redirection, from an origin this build does not load.
    Redirected(String),
    Contract(LoadError),
}

impl LoadFailure {
    pub fn title(&self, lang: Lang) -> &'static str {
        match &self.kind {
            FailureKind::Network(_) | FailureKind::Timeout(_) => lang.pick(
                "Les données n'ont pas pu être chargées",
                "The data could not be loaded",
            ),
            FailureKind::Refused(_) | FailureKind::Redirected(_) => lang.pick(
                "Cette source de données n'est pas autorisée",
                "This data source is not allowed",
            ),
            FailureKind::ContentType(_) | FailureKind::TooLarge(_) => lang.pick(
                "Le fichier de données est invalide",
                "The data file is invalid",
            ),
            FailureKind::Http(..) => lang.pick(
                "Le fichier de données est introuvable",
                "The data file was not found",
            ),
            FailureKind::Contract(_) => lang.pick(
                "Le fichier de données est invalide",
                "The data file is invalid",
            ),
        }
    }

    pub fn detail(&self, lang: Lang) -> String {
        let url = &self.url;
        match &self.kind {
            FailureKind::Network(e) => tr!(
                lang,
                "Échec réseau en demandant {url} : {e}",
                "Network failure fetching {url}: {e}"
            ),
            FailureKind::Timeout(s) => tr!(
                lang,
                "{url} n'a pas répondu en {s} secondes : la demande a été abandonnée.",
                "{url} did not answer within {s} seconds: the request was abandoned."
            ),
            FailureKind::ContentType(t) => tr!(
                lang,
                "{url} n'est pas un fichier JSON (type « {t} ») : une page d'erreur ou un mauvais lien ?",
                "{url} is not a JSON file (type \"{t}\"): an error page or a wrong link?"
            ),
            FailureKind::TooLarge(n) => tr!(
                lang,
                "{url} fait {} Mo, au-delà des {} Mo qu'un export peut faire.",
                "{url} is {} MB, over the {} MB an export may be.",
                n.div_ceil(1_000_000),
                MAX_BYTES / 1_000_000
            ),
            FailureKind::Refused("scheme") => tr!(
                lang,
                "« {url} » : seules les adresses http(s) sont chargées.",
                "\"{url}\": only http(s) addresses are loaded."
            ),
            FailureKind::Refused("malformed") => tr!(
                lang,
                "« {url} » n'est pas une adresse.",
                "\"{url}\" is not an address."
            ),
            FailureKind::Refused(_) => tr!(
                lang,
                "« {url} » : ce tableau de bord ne charge que ses propres données et celles des sites autorisés à sa construction.",
                "\"{url}\": this dashboard loads only its own data and that of sites allowed when it was built."
            ),
            FailureKind::Redirected(landed) => tr!(
                lang,
                "« {url} » a renvoyé vers « {landed} » : ce tableau de bord ne charge que ses propres données et celles des sites autorisés à sa construction.",
                "\"{url}\" redirected to \"{landed}\": this dashboard loads only its own data and that of sites allowed when it was built."
            ),
            FailureKind::Http(status, text) => tr!(
                lang,
                "Le serveur a répondu {status} {text} pour {url}.",
                "The server answered {status} {text} for {url}."
            ),
            FailureKind::Contract(e) => {
                tr!(lang, "{url} : {}", "{url}: {}", e.describe(lang))
            }
        }
    }
}

/// Fetches and checks an export, aborting after `timeout_seconds`.
pub async fn load_export(url: String, timeout_seconds: u32) -> Result<Loaded, LoadFailure> {
    let fail = |kind| LoadFailure {
        url: url.clone(),
        kind,
    };
    let controller = web_sys::AbortController::new()
        .map_err(|_| fail(FailureKind::Network("AbortController".into())))?;
    let signal = controller.signal();
    let abort = Closure::<dyn Fn()>::new(move || controller.abort());
    let window = web_sys::window();
    let timer = window.as_ref().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.as_ref().unchecked_ref(),
            (timeout_seconds * 1000) as i32,
        )
        .ok()
    });
    let result = fetch(&url, &signal).await;
    if let (Some(window), Some(timer)) = (window, timer) {
        window.clear_timeout_with_handle(timer);
    }
    drop(abort);
    let text = result.map_err(|kind| {
        fail(if signal.aborted() {
            FailureKind::Timeout(timeout_seconds)
        } else {
            kind
        })
    })?;
    record_timing("exportFetched", now());
    // Reading and drawing each in a task of its own: no single long task holds the page.
    next_task().await;
    let export = parse_export(&text).map_err(|e| fail(FailureKind::Contract(e)))?;
    record_timing("exportParsed", now());
    next_task().await;
    let version = ExportVersion::of(&export.generated_at, text.as_bytes());
    Ok(Loaded { export, version })
}

/// The response's text, when it is a JSON answer of a sound size.
async fn fetch(url: &str, signal: &web_sys::AbortSignal) -> Result<String, FailureKind> {
    let network = |e: gloo_net::Error| FailureKind::Network(e.to_string());
    // `no-cache`: « Réessayer » asks the server again rather than a cached failure.
    let response = gloo_net::http::Request::get(url)
        .abort_signal(Some(signal))
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(network)?;
    // A redirect must land where `?data=` may point: on a host without the shipped CSP, an open
    // redirect on the page's own origin would otherwise load a foreign export under its name.
    let landed = response.url();
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let landed_url = web_sys::Url::new(&landed);
    if !landed.is_empty() && !landed_url.is_ok_and(|u| origin_allowed(&u, &page, ALLOWED_ORIGINS)) {
        return Err(FailureKind::Redirected(landed));
    }
    if !response.ok() {
        return Err(FailureKind::Http(response.status(), response.status_text()));
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if essence != "application/json" && !essence.ends_with("+json") {
        return Err(FailureKind::ContentType(content_type));
    }
    let announced = response
        .headers()
        .get("content-length")
        .and_then(|n| n.trim().parse::<u64>().ok());
    if let Some(n) = announced.filter(|n| *n > MAX_BYTES) {
        return Err(FailureKind::TooLarge(n));
    }
    let text = response.text().await.map_err(network)?;
    if text.len() as u64 > MAX_BYTES {
        return Err(FailureKind::TooLarge(text.len() as u64));
    }
    Ok(text)
}
