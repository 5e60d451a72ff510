//! Web addresses, judged one way for the whole exporter (and for `eig-pulse-repos`): what a web
//! host is, which http(s) URLs the sources may publish, a GitHub repository's owner and name,
//! and a site's host without `www.`. URLs are parsed by the `url` crate, never split by hand.

use url::{Host, Url};

/// The host rule: a domain name with a dot inside it (`github.com`; never `localhost`,
/// `.fr` or `github.com.`), or an IPv4 address. An IPv6 address is refused: the contract
/// wants a dot in every published host.
pub fn is_web_host(host: &str) -> bool {
    match Host::parse(host) {
        Ok(Host::Domain(domain)) => {
            domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        }
        Ok(Host::Ipv4(_)) => true,
        Ok(Host::Ipv6(_)) | Err(_) => false,
    }
}

/// `text` as an absolute http(s) URL on a web host, with no white space anywhere in it.
pub fn web_url(text: &str) -> Option<Url> {
    if text.chars().any(char::is_whitespace) {
        return None;
    }
    let url = Url::parse(text).ok()?;
    let web = matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(is_web_host);
    web.then_some(url)
}

/// True when `text` is an absolute http(s) URL on a web host, with no white space.
pub fn is_web_url(text: &str) -> bool {
    web_url(text).is_some()
}

/// A host without its leading `www.`: `www.snosan.fr` and `snosan.fr` are one site.
pub fn without_www(host: &str) -> &str {
    host.strip_prefix("www.").unwrap_or(host)
}

/// The path of a `github.com` URL: an owner, and a repository unless it is the owner's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GithubPath {
    pub owner: String,
    /// Empty for the owner's page (`https://github.com/etalab`).
    pub repository: String,
}

/// The owner and repository of a `github.com` URL; `None` for another host or no owner.
pub fn github_path(text: &str) -> Option<GithubPath> {
    let url = Url::parse(text).ok()?;
    if url.host_str()? != "github.com" {
        return None;
    }
    let mut segments = url.path_segments()?.filter(|s| !s.is_empty());
    let owner = segments.next()?.to_string();
    let repository = segments.next().unwrap_or("").to_string();
    Some(GithubPath { owner, repository })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_need_a_scheme_and_a_dotted_host() {
        assert!(is_web_url(
            "https://github.com/entrepreneur-interet-general/eig-link"
        ));
        assert!(is_web_url("http://previsecours.fr"));
        assert!(is_web_url("https://user:pass@gitlab.com:8443/a/b?x=1#y"));
        assert!(is_web_url("http://192.168.0.1/x"));
        assert!(!is_web_url(
            "https://entrepreneur-interet-general/AFD_projects"
        ));
        assert!(!is_web_url(
            "hhttp://www.enseignementsup-recherche.gouv.fr/"
        ));
        assert!(!is_web_url("github.com/x"));
        assert!(!is_web_url("https://exa mple.fr"));
        assert!(!is_web_url("https://github.com/a b"));
        assert!(!is_web_url("ftp://example.org/a"));
        assert!(!is_web_url("file:///tmp/x"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https://[::1]/x"));
        assert!(!is_web_url("https://.example.fr/"));
        assert!(!is_web_url("https://example.fr./"));
    }

    #[test]
    fn web_hosts_have_an_inner_dot_or_are_ipv4() {
        for host in ["github.com", "GitHub.com", "www.snosan.fr", "10.0.0.1"] {
            assert!(is_web_host(host), "{host}");
        }
        for host in ["localhost", ".fr", "fr.", "", "[::1]", "exa mple.fr"] {
            assert!(!is_web_host(host), "{host}");
        }
    }

    #[test]
    fn github_paths_and_sites() {
        assert_eq!(
            github_path("https://github.com/etalab/foo/tree/main"),
            Some(GithubPath {
                owner: "etalab".into(),
                repository: "foo".into()
            })
        );
        assert_eq!(
            github_path("https://github.com/etalab/"),
            Some(GithubPath {
                owner: "etalab".into(),
                repository: String::new()
            })
        );
        assert_eq!(github_path("https://github.com/"), None);
        assert_eq!(github_path("https://gitlab.com/etalab/foo"), None);
        assert_eq!(without_www("www.snosan.fr"), "snosan.fr");
        assert_eq!(without_www("snosan.fr"), "snosan.fr");
    }
}
