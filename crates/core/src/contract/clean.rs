//! What readers may show of an export's texts: every string loses the characters XML forbids
//! (C0 controls but tab and line breaks, U+FFFE, U+FFFF), the C1 controls and the bidirectional
//! overrides and isolates, so that no label can break an SVG, a page or the reading order.

/// True for a character no reader shows.
pub fn is_unshowable(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{fffe}' | '\u{ffff}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` without the characters no reader shows.
pub fn showable(text: &str) -> String {
    text.chars().filter(|c| !is_unshowable(*c)).collect()
}

/// True when the JSON text may hold such a character: raw, or written as a `\u` escape.
pub fn may_hold_unshowable(json: &str) -> bool {
    json.contains("\\u") || json.chars().any(is_unshowable)
}

/// The JSON text with its string values made showable, whether a character is written raw or
/// as a `\u` escape. Keys, numbers and layout are kept as written, so that the text reads into
/// the same fields as before; the text is one that already reads as JSON. Read as text rather
/// than as a tree: the browser then carries one JSON reader, not two.
pub fn showable_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(quote) = rest.find('"') {
        out.push_str(&rest[..=quote]);
        rest = &rest[quote + 1..];
        let (raw, cleaned, after) = read_string(rest);
        let is_key = after.trim_start().starts_with(':');
        out.push_str(if is_key { raw } else { &cleaned });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A JSON string's text after its opening quote: its raw text up to and with its closing
/// quote, the same without the unshowable characters, and what follows it.
fn read_string(text: &str) -> (&str, String, &str) {
    let mut cleaned = String::new();
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => {
                cleaned.push('"');
                return (&text[..=at], cleaned, &text[at + 1..]);
            }
            '\\' => {
                let Some((_, escaped)) = chars.next() else {
                    break;
                };
                cleaned.push('\\');
                cleaned.push(escaped);
                if escaped == 'u' {
                    let digits: String = chars.by_ref().take(4).map(|(_, d)| d).collect();
                    let decoded = u32::from_str_radix(&digits, 16)
                        .ok()
                        .and_then(char::from_u32);
                    if decoded.is_some_and(is_unshowable) {
                        cleaned.truncate(cleaned.len() - 2);
                    } else {
                        cleaned.push_str(&digits);
                    }
                }
            }
            c if is_unshowable(c) => {}
            c => cleaned.push(c),
        }
    }
    (text, cleaned, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_non_characters_and_overrides_go() {
        assert_eq!(
            showable("a\u{1}b\u{fffe}c\u{202e}d\u{2067}e\u{85}f"),
            "abcdef"
        );
        assert_eq!(
            showable("ligne\tun\nligne deux\r"),
            "ligne\tun\nligne deux\r"
        );
        assert_eq!(
            showable("Ministère de l’Intérieur « ok »"),
            "Ministère de l’Intérieur « ok »"
        );
        assert!(may_hold_unshowable(r#"{"a": "\u0001"}"#));
        assert!(!may_hold_unshowable(r#"{"a": "é"}"#));
        // Values lose them, raw or escaped; keys, other escapes and layout stay as written.
        assert_eq!(
            showable_json(
                "{\"a\\u0007\": [\"x\\u001b[2J\\\"\\u00e9\u{202e}\", 3], \"b\" : \"\\\\u0001\"}"
            ),
            "{\"a\\u0007\": [\"x[2J\\\"\\u00e9\", 3], \"b\" : \"\\\\u0001\"}"
        );
    }
}
