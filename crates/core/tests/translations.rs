//! Every `pick(french, english)` in the workspace's sources gives two different texts: a word
//! that is the same in both languages is written once, not passed through the translation.

use std::path::{Path, PathBuf};

/// The workspace's Rust sources: the dashboard's and every crate's.
fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut stack = vec![root.join("src"), root.join("crates")];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
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

#[test]
fn no_translation_gives_the_same_text_twice() {
    let mut same = Vec::new();
    let mut seen = 0;
    for file in sources() {
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices("pick(") {
            let Some((french, rest)) = literal(&text[at + 5..]) else {
                continue;
            };
            let Some((english, _)) = rest.trim_start().strip_prefix(',').and_then(literal) else {
                continue;
            };
            seen += 1;
            if french == english {
                let line = text[..at].lines().count();
                same.push(format!("{}:{line}: « {french} »", file.display()));
            }
        }
    }
    // 170 pairs of literals when this was written (other calls build their texts).
    assert!(seen > 100, "the scan finds the translations ({seen})");
    assert!(same.is_empty(), "write these once, without pick: {same:#?}");
}

#[test]
fn the_scanner_reads_literals_with_escapes() {
    let (first, rest) = literal(r#" "a \"b\" c", "d")"#).unwrap();
    assert_eq!(first, r#"a "b" c"#);
    let (second, _) = rest
        .trim_start()
        .strip_prefix(',')
        .and_then(literal)
        .unwrap();
    assert_eq!(second, "d");
}
