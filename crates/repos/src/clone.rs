//! Which catalogue URLs are repositories, and bare clones of them with gitoxide.
//!
//! A repository URL is `http(s)://host.tld/owner/name[/more]` on a web host (one path segment is
//! an organisation or user page: skipped) or `file://…` (local copies, which is how the tests
//! exercise cloning), read by the `url` crate. Forge page suffixes (`/tree/…`, `/blob/…`,
//! `/-/…`) are cut off.
//! `file://` clones go through `git upload-pack` as gitoxide's local transport does;
//! HTTPS is only there when this crate is built with its `https` feature.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use eig_pulse_ingest::urls::is_web_host;
use url::Url;

use crate::problem::with_causes;

/// What a catalogue URL is, for cloning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A repository, at this URL (forge page suffixes cut off).
    Repository(String),
    /// An organisation or user page (`https://github.com/etalab`): nothing to clone.
    OrganisationPage,
    /// A web site rather than a forge path (`https://project.github.io/`).
    NoRepositoryPath,
    /// Not a URL gitoxide could fetch.
    Malformed,
}

/// Classifies one `source_code` value.
pub fn target(url: &str) -> Target {
    let text = url.trim();
    if text.chars().any(char::is_whitespace) {
        return Target::Malformed;
    }
    let Ok(url) = Url::parse(text) else {
        return Target::Malformed;
    };
    match url.scheme() {
        "file" if url.host_str().unwrap_or_default().is_empty() && url.path() != "/" => {
            Target::Repository(text.trim_end_matches('/').to_string())
        }
        "http" | "https" if url.host_str().is_some_and(is_web_host) => {
            let mut segments = Vec::new();
            for segment in url.path_segments().into_iter().flatten() {
                if matches!(segment, "-" | "tree" | "blob" | "commits" | "wiki") {
                    break;
                }
                if !segment.is_empty() {
                    segments.push(segment.to_string());
                }
            }
            match segments.len() {
                0 => Target::NoRepositoryPath,
                1 => Target::OrganisationPage,
                _ => {
                    let mut repository = url;
                    repository.set_path(&segments.join("/"));
                    repository.set_query(None);
                    repository.set_fragment(None);
                    Target::Repository(repository.into())
                }
            }
        }
        _ => Target::Malformed,
    }
}

/// How long one clone may take, connection included, and how much it may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub time: Duration,
    pub bytes: u64,
}

/// Ten minutes and 2 GiB: far above any défi's repository, far below a full disk.
pub const LIMITS: Limits = Limits {
    time: Duration::from_secs(600),
    bytes: 2 << 30,
};

/// Clones `url` as a bare repository into `into` (which must not exist); `origin` is set to `url`.
pub fn clone_bare(url: &str, into: &Path) -> Result<(), String> {
    clone_bare_within(url, into, LIMITS)
}

/// [`clone_bare`] within `limits`: a watchdog interrupts the fetch when the time is over or the
/// folder grows past the size, and the error says which.
pub fn clone_bare_within(url: &str, into: &Path, limits: Limits) -> Result<(), String> {
    let interrupt = AtomicBool::new(false);
    let done = AtomicBool::new(false);
    let exceeded: Mutex<Option<String>> = Mutex::new(None);
    let started = Instant::now();
    // Checked while the fetch runs (every 50 ms) and once more when it has ended.
    let over = || {
        if started.elapsed() >= limits.time {
            Some(format!(
                "délai de {} s dépassé (time limit of {} s exceeded)",
                limits.time.as_secs(),
                limits.time.as_secs()
            ))
        } else if folder_size(into) > limits.bytes {
            Some(format!(
                "plus de {} octets reçus (over {} bytes received)",
                limits.bytes, limits.bytes
            ))
        } else {
            None
        }
    };
    let result = std::thread::scope(|scope| {
        scope.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                if let Some(why) = over() {
                    *exceeded
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(why);
                    interrupt.store(true, Ordering::Relaxed);
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        });
        let result = fetch(url, into, &interrupt, limits);
        done.store(true, Ordering::Relaxed);
        result
    });
    match exceeded
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .or_else(over)
    {
        Some(why) => Err(why),
        None => result,
    }
}

fn fetch(url: &str, into: &Path, interrupt: &AtomicBool, limits: Limits) -> Result<(), String> {
    if interrupt.load(Ordering::Relaxed) {
        return Err("interrompu (interrupted)".into());
    }
    // The HTTP transport's own connect timeout (gitoxide reads it in milliseconds).
    let connect = format!(
        "gitoxide.http.connectTimeout={}",
        limits.time.as_millis().min(60_000)
    );
    // As `gix::prepare_clone_bare` opens it (git's own configuration for credentials), plus the
    // transport's limits: connection time, and a transfer slower than 1 KB/s for 60 s.
    use gix::sec::trust::DefaultForLevel;
    let mut options = gix::open::Options::default_for_level(gix::sec::Trust::Full)
        .config_overrides([
            connect,
            "http.lowSpeedLimit=1000".into(),
            "http.lowSpeedTime=60".into(),
        ]);
    options.permissions.config.git_binary = true;
    let prepare = gix::clone::PrepareFetch::new(
        url,
        into,
        gix::create::Kind::Bare,
        gix::create::Options::default(),
        options,
    )
    .map_err(|e| with_causes(&e))?;
    #[cfg(feature = "https")]
    let mut prepare = prepare.configure_connection(guard_http);
    #[cfg(not(feature = "https"))]
    let mut prepare = prepare;
    prepare
        .fetch_only(gix::progress::Discard, interrupt)
        .map_err(|e| with_causes(&e))?;
    Ok(())
}

/// Gives an HTTP(S) connection the client [`crate::reach::guarded`] builds, over the transport
/// options git's configuration gives it.
#[cfg(feature = "https")]
fn guard_http(
    connection: &mut gix::remote::Connection<
        '_,
        '_,
        '_,
        Box<dyn gix::protocol::transport::client::blocking_io::Transport + Send>,
    >,
) -> gix::Result {
    use gix::protocol::transport::client::blocking_io::http;
    let Some(url) = connection
        .remote()
        .url(gix::remote::Direction::Fetch)
        .cloned()
    else {
        return Ok(());
    };
    let url = url.to_bstring();
    let Some(mut options) = connection
        .remote()
        .repo()
        .transport_options(url.as_slice(), None)?
    else {
        return Ok(());
    };
    if let Some(http) = options.downcast_mut::<http::Options>() {
        let client = http::reqwest::Options {
            configure_client: Some(Box::new(|builder| Ok(crate::reach::guarded(builder)))),
            configure_request: None,
        };
        http.backend = Some(std::sync::Arc::new(std::sync::Mutex::new(client)));
    }
    connection.set_transport_options(options);
    Ok(())
}

/// Bytes under `path`, files of every depth (0 when it does not exist yet).
fn folder_size(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| match entry.file_type() {
            Ok(kind) if kind.is_dir() => folder_size(&entry.path()),
            Ok(_) => entry.metadata().map_or(0, |m| m.len()),
            Err(_) => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_urls_are_classified() {
        let repo = |u: &str| Target::Repository(u.to_string());
        let cases = [
            (
                "https://github.com/entrepreneur-interet-general/datamed",
                repo("https://github.com/entrepreneur-interet-general/datamed"),
            ),
            (
                "https://gitlab.com/has-sante/public/adex",
                repo("https://gitlab.com/has-sante/public/adex"),
            ),
            (
                "https://github.com/etalab/foo/tree/master/src",
                repo("https://github.com/etalab/foo"),
            ),
            (
                "https://gitlab.com/etalab/foo/-/tree/main",
                repo("https://gitlab.com/etalab/foo"),
            ),
            ("https://github.com/envinorma", Target::OrganisationPage),
            (
                "https://git.inventaire-des-orgues.fr/bzg/",
                Target::OrganisationPage,
            ),
            (
                "https://matchid-project.github.io/",
                Target::NoRepositoryPath,
            ),
            (
                "https://entrepreneur-interet-general/AFD_projects",
                Target::Malformed,
            ),
            ("github.com/etalab/foo", Target::Malformed),
            ("ftp://example.org/a/b", Target::Malformed),
            (
                "file:///tmp/clones/foo.git",
                repo("file:///tmp/clones/foo.git"),
            ),
            ("file:///", Target::Malformed),
            ("file://server/share/foo", Target::Malformed),
            // Case, credentials, port, query: as the `url` crate writes the URL.
            (
                "HTTPS://GitHub.com/Etalab/Foo/blob/main/README.md?plain=1#L3",
                repo("https://github.com/Etalab/Foo"),
            ),
            (
                "https://oauth2:tok3n@gitlab.com:8443/a/b/",
                repo("https://oauth2:tok3n@gitlab.com:8443/a/b"),
            ),
            ("https://localhost/a/b", Target::Malformed),
            ("https://[::1]/a/b", Target::Malformed),
            ("https://github.com/a b/c", Target::Malformed),
        ];
        for (url, expected) in cases {
            assert_eq!(target(url), expected, "{url}");
        }
    }
}
