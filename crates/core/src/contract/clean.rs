//! What readers may show of an export's texts: every string loses the characters XML forbids
//! (C0 controls but tab and line breaks, U+FFFE, U+FFFF), the C1 controls and the bidirectional
//! overrides and isolates, so that no label can break an SVG, a page or the reading order.

use serde_json::Value;

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

/// Every string of a JSON value, keys included, made showable.
pub fn clean_value(value: &mut Value) {
    match value {
        Value::String(text) if text.chars().any(is_unshowable) => *text = showable(text),
        Value::Array(items) => items.iter_mut().for_each(clean_value),
        Value::Object(map) => {
            let dirty = map.keys().any(|k| k.chars().any(is_unshowable));
            if dirty {
                let entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
                for (key, item) in entries {
                    map.insert(showable(&key), item);
                }
            }
            map.values_mut().for_each(clean_value);
        }
        _ => {}
    }
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
        let mut value: Value = serde_json::from_str(r#"{"a\u0007": ["x\u001b[2J", 3]}"#).unwrap();
        clean_value(&mut value);
        assert_eq!(value, serde_json::json!({"a": ["x[2J", 3]}));
    }
}
