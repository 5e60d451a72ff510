//! linguist's heuristics and vendored paths (the `linguist` crate's `heuristics.yml` and
//! `vendor.yml`) evaluated with the `regex` crate: [`disambiguate`] and [`is_vendored`] give
//! what `linguist::disambiguate` and `linguist::is_vendored` give, faster.
//!
//! Vendored paths: linguist tries its 168 expressions one after the other on every path; here
//! they are one `RegexSet`, read once per path.
//!
//! The same rules in the same order, each pattern compiled once with `(?m)` as linguist
//! compiles it. linguist's engine, `fancy-regex`, runs every pattern holding a word boundary
//! (`\b`: SQL's and TypeScript's among them) through its backtracking machine, a few MB a
//! second; the `regex` crate's automata read the same patterns with the same Unicode word
//! boundaries. Every pattern of this linguist compiles with the `regex` crate (a test checks
//! it, and that both engines agree); one that would not makes its rule fail, as a pattern
//! linguist cannot compile does.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{LazyLock, OnceLock};

use linguist::definitions::{HEURISTICS, LANGUAGES, VENDOR};
use linguist::DetectedLanguage;
use linguist_types::{Disambiguation, HeuristicRule};

/// A pattern as linguist compiles it: multi-line.
fn compile(pattern: &str) -> Option<regex::Regex> {
    regex::Regex::new(&format!("(?m){pattern}")).ok()
}

/// The heuristics by extension, and every pattern, compiled on first use: by the address of
/// its text in linguist's static table (hashing and comparing the long patterns themselves
/// cost more than matching most files).
struct Heuristics {
    by_extension: HashMap<&'static str, Vec<&'static Disambiguation>>,
    patterns: HashMap<usize, (&'static str, OnceLock<Option<regex::Regex>>)>,
}

fn address(pattern: &str) -> usize {
    pattern.as_ptr() as usize
}

static COMPILED: LazyLock<Heuristics> = LazyLock::new(|| {
    let mut by_extension: HashMap<&'static str, Vec<&'static Disambiguation>> = HashMap::new();
    let mut patterns = HashMap::new();
    let mut add = |list: &'static [String]| {
        for pattern in list {
            patterns
                .entry(address(pattern))
                .or_insert_with(|| (pattern.as_str(), OnceLock::new()));
        }
    };
    fn rule_patterns(rule: &'static HeuristicRule, add: &mut dyn FnMut(&'static [String])) {
        for list in [&rule.pattern, &rule.negative_pattern]
            .into_iter()
            .flatten()
        {
            add(list);
        }
        for inner in rule.and.iter().flatten() {
            rule_patterns(inner, add);
        }
    }
    for list in HEURISTICS.named_patterns.values() {
        add(list);
    }
    for disambiguation in &HEURISTICS.disambiguations {
        for extension in &disambiguation.extensions {
            by_extension
                .entry(extension.as_str())
                .or_default()
                .push(disambiguation);
        }
        for rule in &disambiguation.rules {
            rule_patterns(rule, &mut add);
        }
    }
    Heuristics {
        by_extension,
        patterns,
    }
});

/// linguist's vendored paths, those it compiles, as one set.
static VENDORED: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    let compiled = VENDOR.iter().filter(|p| regex::Regex::new(p).is_ok());
    regex::RegexSet::new(compiled).expect("patterns that compile alone compile together")
});

/// True when `path` is a vendored, third-party path (`node_modules/`, `vendor/`, `jquery.js`…).
pub fn is_vendored(path: &str) -> bool {
    VENDORED.is_match(path)
}

/// True when one of `patterns` matches `text`.
fn any_matches(patterns: &[String], text: &str) -> Option<bool> {
    for pattern in patterns {
        let (_, compiled) = COMPILED.patterns.get(&address(pattern))?;
        let regex = compiled.get_or_init(|| compile(pattern)).as_ref()?;
        if regex.is_match(text) {
            return Some(true);
        }
    }
    Some(false)
}

/// linguist's `evaluate_rule`: the `and` rules alone when there are some, else the named
/// pattern, the pattern, and no negative pattern.
fn holds(rule: &HeuristicRule, text: &str) -> Option<bool> {
    if let Some(rules) = &rule.and {
        for inner in rules {
            if !holds(inner, text)? {
                return Some(false);
            }
        }
        return Some(true);
    }
    if let Some(name) = &rule.named_pattern {
        let patterns = HEURISTICS.named_patterns.get(name)?;
        if !any_matches(patterns, text)? {
            return Some(false);
        }
    }
    if let Some(patterns) = &rule.pattern {
        if !any_matches(patterns, text)? {
            return Some(false);
        }
    }
    if let Some(patterns) = &rule.negative_pattern {
        if any_matches(patterns, text)? {
            return Some(false);
        }
    }
    Some(true)
}

/// The languages the first rule that holds names, for the file named `file_name` holding
/// `text`; empty when none holds; `None` where `linguist::disambiguate` fails.
pub fn disambiguate(file_name: &str, text: &str) -> Option<Vec<DetectedLanguage>> {
    let name = linguist::utils::get_filename_from_path(Path::new(file_name)).ok()?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    for extension in linguist::utils::extract_extensions(name) {
        for disambiguation in COMPILED
            .by_extension
            .get(extension.as_str())
            .into_iter()
            .flatten()
        {
            for rule in &disambiguation.rules {
                if !holds(rule, text)? {
                    continue;
                }
                let Some(names) = &rule.language else {
                    continue;
                };
                return Some(
                    names
                        .iter()
                        .filter_map(|name| {
                            let (name, definition) = LANGUAGES.get_key_value(name)?;
                            Some(DetectedLanguage {
                                name: name.as_str(),
                                definition,
                            })
                        })
                        .collect(),
                );
            }
        }
    }
    Some(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendored_paths_as_linguist_says() {
        assert!(VENDORED.len() > 150);
        let paths = [
            "node_modules/vue/index.js",
            "vendor/bundle/gems/rails.rb",
            "static/js/jquery-3.1.1.min.js",
            "public/bootstrap/css/bootstrap.css",
            "src/main.rs",
            "backend/app/models.py",
            "docs/_build/html/index.html",
            "frontend/dist/app.js",
            "third_party/lib.c",
            "Godeps/Godeps.json",
            "app/assets/javascripts/application.js",
            "cache/x",
            ".yarn/releases/yarn.js",
            "web/static/font-awesome/css/all.css",
        ];
        let mut vendored = 0;
        for path in paths {
            let theirs = linguist::is_vendored(path).unwrap();
            assert_eq!(is_vendored(path), theirs, "{path}");
            vendored += usize::from(theirs);
        }
        assert!(vendored >= 5, "{vendored}");
    }

    fn names(found: &[DetectedLanguage]) -> Vec<&'static str> {
        found.iter().map(|l| l.name).collect()
    }

    /// (file name, text, the language linguist's heuristics give).
    const CASES: &[(&str, &str, Option<&str>)] = &[
        (
            "app.ts",
            "export const a: number = 1;\n",
            Some("TypeScript"),
        ),
        (
            "messages.ts",
            "<?xml version=\"1.0\"?>\n<TS version=\"2.1\">\n",
            Some("XML"),
        ),
        (
            "f.sql",
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$\nLANGUAGE plpgsql;\n",
            Some("PLpgSQL"),
        ),
        (
            "f.sql",
            "DECLARE @x int;\nSELECT * FROM [dbo].t\nGO\n",
            Some("TSQL"),
        ),
        (
            "f.sql",
            "INSERT INTO ville VALUES ('Orléans', 'Évry');\nSELECT nextval;\n",
            Some("SQL"),
        ),
        ("f.sql", "select systimestamp from dual;\n", Some("PLSQL")),
        (
            "w.h",
            "#include <iostream>\nclass Widget {};\n",
            Some("C++"),
        ),
        (
            "w.h",
            "#import <Foundation/Foundation.h>\n@interface W : NSObject\n@end\n",
            Some("Objective-C"),
        ),
        ("i.php", "<?hh // strict\n", Some("Hack")),
        ("i.php", "<?php echo 1;\n", Some("PHP")),
        (
            "p.pl",
            ":- module(a, []).\nfoo(X) :- bar(X).\n",
            Some("Prolog"),
        ),
        ("p.pl", "use strict;\nmy $x = 1;\n", Some("Perl")),
        ("m.m", "function y = f(x)\n  y = x;\nend\n", Some("MATLAB")),
        ("doc.md", "# Titre\n\nUn paragraphe.\n", Some("Markdown")),
        ("page.html", "<html><body>ok</body></html>\n", Some("HTML")),
        ("notes.txt", "rien\n", Some("Text")),
        ("a.unknown", "rien\n", None),
    ];

    #[test]
    fn the_same_answers_as_linguist() {
        for (file, text, expected) in CASES {
            let ours = disambiguate(file, text).map(|found| names(&found));
            let theirs = linguist::disambiguate(file, text)
                .ok()
                .map(|found| names(&found));
            assert_eq!(ours, theirs, "{file}: {text}");
            assert_eq!(ours.unwrap().first().copied(), *expected, "{file}: {text}");
        }
    }

    /// Every pattern compiles with the `regex` crate and matches as linguist's engine does,
    /// on texts made of the patterns themselves and of the cases above.
    #[test]
    fn every_pattern_compiles_and_agrees_with_linguist() {
        let mut texts: Vec<String> = CASES.iter().map(|(_, text, _)| text.to_string()).collect();
        texts.extend(COMPILED.patterns.values().map(|(p, _)| p.to_string()));
        assert!(COMPILED.patterns.len() > 300);
        let mut matched = 0;
        for (pattern, _) in COMPILED.patterns.values() {
            let regex = compile(pattern).unwrap_or_else(|| panic!("{pattern} compiles"));
            let source = [pattern.to_string()];
            for text in &texts {
                let theirs = linguist::utils::matches_pattern(&source, text).unwrap();
                assert_eq!(regex.is_match(text), theirs, "{pattern} on {text}");
                matched += usize::from(theirs);
            }
        }
        assert!(matched > 395, "{matched} matches");
    }
}
