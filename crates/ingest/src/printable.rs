//! Outside text made safe to print: what the sources, clones and remotes write reaches a
//! terminal only through [`printable`], so that no name can move the cursor, clear the screen,
//! set the clipboard (OSC 52), plant a link, reorder a line or show a token.

use eig_pulse_core::contract::clean::is_unshowable;

/// `text` with every character a terminal would act on written as an escape (`\u{1b}`): the
/// characters no reader shows (C0 and C1 controls, bidirectional overrides and isolates), line
/// breaks and tabs too, the line and paragraph separators and the direction marks; and every
/// URL's credentials (`https://user:token@host/…` → `https://host/…`) removed.
pub fn printable(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in without_credentials(text).chars() {
        if acts_on_terminal(c) {
            shown.extend(c.escape_unicode());
        } else {
            shown.push(c);
        }
    }
    shown
}

fn acts_on_terminal(c: char) -> bool {
    is_unshowable(c)
        || c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
        )
}

/// `text` with the user information of every `scheme://user:password@host` removed: after each
/// `://`, the authority runs to the first `/`, `?`, `#`, white space or quote, and everything
/// up to its last `@` goes (RFC 3986's userinfo).
fn without_credentials(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let (before, after) = rest.split_at(at + 3);
        kept.push_str(before);
        let authority_end = after
            .find(|c: char| {
                matches!(c, '/' | '?' | '#' | '"' | '<' | '>' | '«' | '»' | '`')
                    || c.is_whitespace()
            })
            .unwrap_or(after.len());
        let authority = &after[..authority_end];
        let host_start = authority.rfind('@').map_or(0, |at| at + 1);
        rest = &after[host_start..];
    }
    kept.push_str(rest);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_written_as_escapes() {
        assert_eq!(printable("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(
            printable("\u{1b}]52;c;ZXZpbA==\u{7}"),
            "\\u{1b}]52;c;ZXZpbA==\\u{7}"
        );
        assert_eq!(printable("x\u{9b}31m"), "x\\u{9b}31m");
        assert_eq!(printable("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(printable("un\nexport écrit"), "un\\u{a}export écrit");
        assert_eq!(printable("a\rb\tc\u{2028}"), "a\\u{d}b\\u{9}c\\u{2028}");
        assert_eq!(
            printable("Ministère de l’Intérieur « ok »"),
            "Ministère de l’Intérieur « ok »"
        );
    }

    #[test]
    fn credentials_leave_every_url() {
        assert_eq!(
            printable("remote « https://user:ghp_s3cret@github.com/a/b.git » : x"),
            "remote « https://github.com/a/b.git » : x"
        );
        assert_eq!(
            printable("(https://oauth2:glpat-x@gitlab.com:8443?x) ssh://git@forge.fr/a"),
            "(https://gitlab.com:8443?x) ssh://forge.fr/a"
        );
        assert_eq!(printable("https://a:b@c:d@host"), "https://host");
        assert_eq!(printable("https://tok@"), "https://");
        assert_eq!(
            printable("git@github.com:etalab/x et https://github.com/x@y"),
            "git@github.com:etalab/x et https://github.com/x@y"
        );
        assert_eq!(printable("://"), "://");
    }
}
