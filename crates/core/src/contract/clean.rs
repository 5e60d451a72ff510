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

/// True when a text that reads as JSON may hold such a character: raw, or written as a `\u`
/// escape. JSON allows no raw C0 control but its whitespace, so those are not looked for.
/// Read as UTF-8 bytes (the lead bytes of what [`is_unshowable`] refuses, found by `memchr`),
/// not as characters: it runs over every export a browser loads, and decoding each character
/// cost more than reading the JSON itself.
pub fn may_hold_unshowable(json: &str) -> bool {
    let bytes = json.as_bytes();
    let after = |i: usize, n: usize| bytes.get(i + n).copied().unwrap_or(0);
    memchr::memchr3_iter(b'\\', 0xc2, 0xe2, bytes).any(|i| match bytes[i] {
        b'\\' => after(i, 1) == b'u',
        // C1 controls: U+0080–U+009F.
        0xc2 => matches!(after(i, 1), 0x80..=0x9f),
        // U+202A–U+202E and U+2066–U+2069.
        _ => matches!(
            (after(i, 1), after(i, 2)),
            (0x80, 0xaa..=0xae) | (0x81, 0xa6..=0xa9)
        ),
    }) || memchr::memchr2_iter(0x7f, 0xef, bytes).any(|i| {
        // DEL, or U+FFFE and U+FFFF.
        bytes[i] == 0x7f || (after(i, 1) == 0xbf && matches!(after(i, 2), 0xbe | 0xbf))
    })
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
        assert!(!may_hold_unshowable(r#"{"a": "\\n\\"", "b": "\\\\"}"#));
        // Values lose them, raw or escaped; keys, other escapes and layout stay as written.
        assert_eq!(
            showable_json(
                "{\"a\\u0007\": [\"x\\u001b[2J\\\"\\u00e9\u{202e}\", 3], \"b\" : \"\\\\u0001\"}"
            ),
            "{\"a\\u0007\": [\"x[2J\\\"\\u00e9\", 3], \"b\" : \"\\\\u0001\"}"
        );
    }

    /// The byte scan says of every character what the character test says, alone and between
    /// others, so that no unshowable character passes unread; raw C0 controls aside, which no
    /// JSON text holds (serde_json refuses them).
    #[test]
    fn the_byte_scan_agrees_with_the_character_test() {
        assert!(serde_json::from_str::<String>("\"a\u{1}\"").is_err());
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            if c < ' ' {
                continue;
            }
            for text in [c.to_string(), format!("é{c}’")] {
                assert_eq!(
                    may_hold_unshowable(&text),
                    is_unshowable(c),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
    }
}
