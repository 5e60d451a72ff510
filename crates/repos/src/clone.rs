//! Which catalogue URLs are repositories, and bare clones of them with gitoxide.
//!
//! A repository URL is `http(s)://host.tld/owner/name[/more]` (one path segment is an
//! organisation or user page: skipped) or `file://…` (local copies, which is how the tests
//! exercise cloning). Forge page suffixes (`/tree/…`, `/blob/…`, `/-/…`) are cut off.
//! `file://` clones go through `git upload-pack` as gitoxide's local transport does;
//! HTTPS is only there when this crate is built with its `https` feature.

use std::path::Path;
use std::sync::atomic::AtomicBool;

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
    let url = url.trim();
    if url.chars().any(char::is_whitespace) {
        return Target::Malformed;
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return Target::Malformed;
    };
    match scheme.to_ascii_lowercase().as_str() {
        "file" if rest.starts_with('/') && rest.len() > 1 => {
            Target::Repository(url.trim_end_matches('/').to_string())
        }
        "http" | "https" => {
            let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
            let host_name = host.rsplit('@').next().unwrap_or_default();
            let host_name = host_name.split(':').next().unwrap_or_default();
            let valid_host =
                host_name.contains('.') && !host_name.starts_with('.') && !host_name.ends_with('.');
            if !valid_host {
                return Target::Malformed;
            }
            let path = path.split(['?', '#']).next().unwrap_or_default();
            let mut segments = Vec::new();
            for segment in path.split('/').filter(|s| !s.is_empty()) {
                if matches!(segment, "-" | "tree" | "blob" | "commits" | "wiki") {
                    break;
                }
                segments.push(segment);
            }
            match segments.len() {
                0 => Target::NoRepositoryPath,
                1 => Target::OrganisationPage,
                _ => Target::Repository(format!("{scheme}://{host}/{}", segments.join("/"))),
            }
        }
        _ => Target::Malformed,
    }
}

/// Clones `url` as a bare repository into `into` (which must not exist); `origin` is set to `url`.
pub fn clone_bare(url: &str, into: &Path) -> Result<(), String> {
    let interrupt = AtomicBool::new(false);
    let mut prepare = gix::prepare_clone_bare(url, into).map_err(|e| crate::with_causes(&e))?;
    prepare
        .fetch_only(gix::progress::Discard, &interrupt)
        .map_err(|e| crate::with_causes(&e))?;
    Ok(())
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
        ];
        for (url, expected) in cases {
            assert_eq!(target(url), expected, "{url}");
        }
    }
}
