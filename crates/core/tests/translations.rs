//! The one translation layer (`eig_pulse_core::base::lang`), checked over the workspace's sources:
//! every pair written through it is translated (two different texts that format the same
//! values, English without French typography), and no other code chooses words by language.

use std::path::{Path, PathBuf};

/// The workspace's Rust sources: the dashboard's and every crate's, tests aside.
fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut stack = vec![root.join("src"), root.join("crates")];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("tests") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The string literal at the start of `text` (after white space), and what follows it.
fn literal(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start().strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?.1),
            '"' => return Some((out, &text[i + 1..])),
            c => out.push(c),
        }
    }
    None
}

/// What follows the first comma at nesting depth 0 of `text` (the `lang` argument of `tr!`).
fn after_first_argument(text: &str) -> Option<&str> {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return None,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => return Some(&text[i + 1..]),
            '"' => return None,
            _ => {}
        }
    }
    None
}

/// The `{…}` placeholders of a format string, sorted (`{{` and `}}` are not placeholders).
fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text.replace("{{", "").replace("}}", "");
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        found.push(rest[start..start + end + 1].to_string());
        rest = rest[start + end + 1..].to_string();
    }
    found.sort();
    found
}

/// A pair written through the layer: where, the call, French, English.
struct Pair {
    place: String,
    call: &'static str,
    french: String,
    english: String,
}

/// Every pair of literals passed to `pick`, `Text::fixed`, `text!` and `tr!`.
fn pairs() -> Vec<Pair> {
    let mut pairs = Vec::new();
    for file in sources() {
        let text = std::fs::read_to_string(&file).unwrap();
        for call in ["pick(", "Text::fixed(", "text!(", "tr!("] {
            for (at, _) in text.match_indices(call) {
                let mut rest = &text[at + call.len()..];
                if call == "tr!(" {
                    let Some(after) = after_first_argument(rest) else {
                        continue;
                    };
                    rest = after;
                }
                let Some((french, rest)) = literal(rest) else {
                    continue;
                };
                let Some((english, _)) = rest.trim_start().strip_prefix(',').and_then(literal)
                else {
                    continue;
                };
                let line = text[..at].lines().count();
                pairs.push(Pair {
                    place: format!("{}:{line}", file.display()),
                    call,
                    french,
                    english,
                });
            }
        }
    }
    pairs
}

#[test]
fn every_pair_is_translated_and_formats_the_same_values() {
    let pairs = pairs();
    let count = |call| pairs.iter().filter(|p| p.call == call).count();
    // About 400 pairs when this was written; each way of the layer is read.
    assert!(
        pairs.len() > 300,
        "the scan finds the translations ({})",
        pairs.len()
    );
    for call in ["pick(", "Text::fixed(", "text!(", "tr!("] {
        assert!(count(call) > 5, "the scan reads {call} ({})", count(call));
    }
    let mut wrong = Vec::new();
    for p in &pairs {
        let Pair {
            place,
            french,
            english,
            ..
        } = p;
        if french == english {
            wrong.push(format!(
                "{place}: the same text twice « {french} » (write it once)"
            ));
        }
        if french.trim().is_empty() != english.trim().is_empty() {
            wrong.push(format!(
                "{place}: one side empty « {french} » / \"{english}\""
            ));
        }
        if placeholders(french) != placeholders(english) {
            wrong.push(format!(
                "{place}: other values in « {french} » and \"{english}\""
            ));
        }
        // French typography in English: quotes « », a space before a colon or semicolon.
        if english.contains(['«', '»'])
            && !english.contains("« to be confirmed »")
            && !english.contains("« not documented »")
        {
            wrong.push(format!("{place}: French quotes in English \"{english}\""));
        }
        if english.contains(" : ") || english.contains(" ; ") {
            wrong.push(format!("{place}: French spacing in English \"{english}\""));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} untranslated pairs: {wrong:#?}",
        wrong.len()
    );
}

#[test]
fn no_code_outside_the_layer_chooses_words_by_language() {
    // The layer itself, and the numbers and dates of each language.
    let layer = ["lang.rs", "format.rs"];
    let signs = [
        "Lang::Fr =>",
        "Lang::En =>",
        "Lang::Fr) =>",
        "Lang::En) =>",
        "== Lang::",
        "!= Lang::",
        "if fr ",
        "let fr = lang",
    ];
    let mut found = Vec::new();
    for file in sources() {
        if layer
            .iter()
            .any(|name| file.ends_with(Path::new("core/src/base").join(name)))
        {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests at the end of a file may name a language to ask for it.
        let code = text.split("#[cfg(test)]").next().unwrap_or(&text);
        for (n, line) in code.lines().enumerate() {
            if signs.iter().any(|sign| line.contains(sign)) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words chosen outside lang::{{pick, tr!, text!, Text}}: {found:#?}"
    );
}

#[test]
fn the_scanner_reads_literals_arguments_and_placeholders() {
    let (first, rest) = literal(r#" "a \"b\" c", "d")"#).unwrap();
    assert_eq!(first, r#"a "b" c"#);
    let (second, _) = rest
        .trim_start()
        .strip_prefix(',')
        .and_then(literal)
        .unwrap();
    assert_eq!(second, "d");
    assert_eq!(
        after_first_argument(r#"f(lang, 2), "x", "y")"#).map(str::trim_start),
        Some(r#""x", "y")"#)
    );
    assert_eq!(
        placeholders("{} et {name:>6} {{littéral}}"),
        ["{name:>6}", "{}"]
    );
}
