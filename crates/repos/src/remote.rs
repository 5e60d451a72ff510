//! Remote URLs made comparable and publishable: one key per repository, whatever the spelling,
//! and the one `https://` form a record may carry.
//!
//! As git reads a remote, `scheme://…` is a URL (read by the `url` crate) and anything else is
//! `host:path` or a local path (read by `gix::url`); whether a host is a web host is
//! `eig_pulse_ingest::urls`' rule. `https://GitHub.com/Etalab/Foo.git/`,
//! `http://www.github.com/etalab/foo` and `git@github.com:etalab/foo.git` all give
//! `github.com/etalab/foo`. A `file://` URL or a local path gives its path.

use eig_pulse_ingest::urls::{is_web_host, without_www};

/// A remote in parts, as written: its scheme (`file` for a local path), its host, if any, and
/// its path (query and fragment aside).
struct Remote {
    scheme: String,
    host: Option<String>,
    path: String,
}

impl Remote {
    fn parse(text: &str) -> Option<Remote> {
        let text = text.trim();
        if text.contains("://") {
            let url = url::Url::parse(text).ok()?;
            return Some(Remote {
                scheme: url.scheme().to_string(),
                host: url.host_str().filter(|h| !h.is_empty()).map(str::to_string),
                path: url.path().to_string(),
            });
        }
        let url = gix::url::parse(text.as_bytes()).ok()?;
        Some(Remote {
            scheme: url.scheme.as_str().to_string(),
            host: url.host().map(str::to_string),
            path: url.path.to_string(),
        })
    }
}

/// The comparable key of a remote URL: lower-case host and path, without scheme, user,
/// port, `www.`, `.git` suffix or trailing slash. `None` when nothing is left.
pub fn key(url: &str) -> Option<String> {
    let remote = Remote::parse(url)?;
    let place = match &remote.host {
        Some(host) => format!(
            "{}/{}",
            without_www(host),
            remote.path.trim_start_matches('/')
        ),
        None => remote.path,
    };
    let mut key = place.to_lowercase();
    loop {
        let before = key.len();
        key = key.trim_end_matches('/').to_string();
        if let Some(stripped) = key.strip_suffix(".git") {
            key = stripped.to_string();
        }
        if key.len() == before {
            break;
        }
    }
    let key = key.trim_start_matches('/').to_string();
    (!key.is_empty()).then_some(key)
}

/// A remote URL as it may be published: `https://host/path`, with no user, password or token,
/// port, query or fragment (`git@host:path` becomes `https://host/path`). `None` for a
/// `file://` URL, a local path or anything else that names no web host.
pub fn publishable(url: &str) -> Option<String> {
    let remote = Remote::parse(url)?;
    if !matches!(remote.scheme.as_str(), "https" | "http" | "ssh" | "git") {
        return None;
    }
    let host = remote.host.filter(|host| is_web_host(host))?;
    let path = remote.path.trim_start_matches('/').trim_end_matches('/');
    let valid = !path.is_empty() && !path.chars().any(|c| c.is_whitespace() || c.is_control());
    valid.then(|| format!("https://{}/{path}", host.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::{key, publishable};

    #[test]
    fn published_urls_carry_no_credentials_or_local_paths() {
        for (url, published) in [
            (
                "https://github.com/etalab/foo",
                Some("https://github.com/etalab/foo"),
            ),
            (
                "https://user:ghp_s3cret@github.com/etalab/foo.git?x=1#y",
                Some("https://github.com/etalab/foo.git"),
            ),
            (
                "https://oauth2:glpat-x@gitlab.com:443/a/b/",
                Some("https://gitlab.com/a/b"),
            ),
            (
                "git@github.com:etalab/foo.git",
                Some("https://github.com/etalab/foo.git"),
            ),
            (
                "ssh://git@forge.example.fr/a/b",
                Some("https://forge.example.fr/a/b"),
            ),
            ("file:///home/me/clones/foo", None),
            ("/home/me/clones/foo", None),
            ("../foo", None),
            ("https://github.com", None),
            ("javascript:alert(1)", None),
            // The web-host rule: a dotted name or an IPv4 address, whatever the form.
            (
                "HTTP://GitHub.COM/Etalab/Foo",
                Some("https://github.com/Etalab/Foo"),
            ),
            ("git://10.0.0.7/a/b.git", Some("https://10.0.0.7/a/b.git")),
            ("https://localhost/a/b", None),
            ("git@localhost:a/b", None),
            ("ssh://git@[::1]/a/b", None),
            ("https://github.com./a/b", None),
            ("", None),
        ] {
            assert_eq!(publishable(url).as_deref(), published, "{url}");
        }
    }

    #[test]
    fn spellings_of_one_repository_share_a_key() {
        let spellings = [
            "https://github.com/etalab/foo",
            "https://GitHub.com/Etalab/Foo.git/",
            "http://www.github.com/etalab/foo/",
            "git@github.com:etalab/foo.git",
            "ssh://git@github.com:22/etalab/foo.git",
            "https://user@github.com/etalab/foo.git",
            "https://user:tok3n@github.com:443/etalab/foo.git//",
            "  https://github.com/etalab/foo.git  ",
            "https://github.com/etalab/foo?tab=readme#top",
            "git@www.github.com:/etalab/foo.git/",
            "github.com:etalab/foo",
        ];
        for url in spellings {
            assert_eq!(key(url).as_deref(), Some("github.com/etalab/foo"), "{url}");
        }
    }

    #[test]
    fn other_repositories_differ() {
        assert_ne!(
            key("https://github.com/etalab/foo"),
            key("https://gitlab.com/etalab/foo")
        );
        assert_ne!(
            key("https://github.com/etalab/foo"),
            key("https://github.com/etalab/foobar")
        );
        assert_eq!(
            key("https://gitlab.com/has-sante/public/adex").as_deref(),
            Some("gitlab.com/has-sante/public/adex")
        );
    }

    #[test]
    fn local_paths_keep_their_path() {
        assert_eq!(
            key("file:///tmp/Repos/foo.git").as_deref(),
            Some("tmp/repos/foo")
        );
        assert_eq!(key("/tmp/repos/foo/").as_deref(), Some("tmp/repos/foo"));
        assert_eq!(key(""), None);
        assert_eq!(key("https://"), None);
    }
}
