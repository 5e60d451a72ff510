//! Remote URLs made comparable: one key per repository, whatever the spelling.
//!
//! `https://GitHub.com/Etalab/Foo.git/`, `http://www.github.com/etalab/foo` and
//! `git@github.com:etalab/foo.git` all give `github.com/etalab/foo`. A `file://` URL or a
//! local path gives its path.

/// The comparable key of a remote URL: lower-case host and path, without scheme, user,
/// port, `www.`, `.git` suffix or trailing slash. `None` when nothing is left.
pub fn key(url: &str) -> Option<String> {
    let url = url.trim();
    let (rest, is_local) = match url.split_once("://") {
        Some((scheme, rest)) => (rest, scheme.eq_ignore_ascii_case("file")),
        None => match scp_like(url) {
            Some(joined) => return key(&format!("ssh://{joined}")),
            None => (url, true),
        },
    };
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let rest = if is_local {
        rest.to_string()
    } else {
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host = authority.rsplit('@').next().unwrap_or_default();
        let host = host.split(':').next().unwrap_or_default();
        let host = host.strip_prefix("www.").unwrap_or(host);
        format!("{host}/{path}")
    };
    let mut key = rest.to_lowercase();
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
    let url = url.trim();
    let rest = match url.split_once("://") {
        Some((scheme, rest))
            if ["https", "http", "ssh", "git"]
                .iter()
                .any(|s| scheme.eq_ignore_ascii_case(s)) =>
        {
            rest.to_string()
        }
        Some(_) => return None,
        None => scp_like(url)?,
    };
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let path = path.trim_end_matches('/');
    let valid = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        && !path.is_empty()
        && !path.chars().any(|c| c.is_whitespace() || c.is_control());
    valid.then(|| format!("https://{host}/{path}"))
}

/// `git@host:path` (scp-like syntax) as `git@host/path`; `None` for anything else.
fn scp_like(url: &str) -> Option<String> {
    let (before, path) = url.split_once(':')?;
    let looks_like_host = !before.is_empty()
        && !before.contains('/')
        && !path.starts_with("//")
        && before.contains(['@', '.']);
    looks_like_host.then(|| format!("{before}/{path}"))
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
            "  https://github.com/etalab/foo.git  ",
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
