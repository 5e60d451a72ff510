//! The one guard every reader of an export applies to a URL before it is shown or followed:
//! http(s) only, a host with a dot, no white space or control character. (The exporter judges
//! URLs fully with the `url` crate; this light guard compiles into the dashboard.)

/// The longest URL an export may hold.
pub const MAX_URL_LENGTH: usize = 2000;

/// True for an http(s) URL as the schema writes it (`^https?://[^\s/]+\.[^\s/]+`), with no
/// white space or control character anywhere: never `javascript:`, `data:` or a local path.
pub fn is_http_url(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    text.len() <= MAX_URL_LENGTH
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
}

/// True for a repository URL as the export may publish it: `http(s)://host/path`, without
/// credentials or port.
pub fn is_published_url(text: &str) -> bool {
    let authority = text.split("://").nth(1).unwrap_or("").split('/').next();
    is_http_url(text) && !authority.is_some_and(|a| a.contains(['@', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_with_a_host_pass() {
        for good in [
            "https://github.com/etalab",
            "http://a.fr",
            "https://a.fr?x=1",
        ] {
            assert!(is_http_url(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "file:///etc/passwd",
            "https://",
            "https://localhost/x",
            "https://.a.fr",
            "https://a.fr/ x",
            "https://a.fr/\u{7}",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
        assert!(is_published_url("https://github.com/a/b"));
        assert!(!is_published_url("https://user:token@github.com/a/b"));
        assert!(!is_published_url("https://github.com:8443/a/b"));
    }
}
