//! YAML reading with line numbers, and the keys written twice in one mapping.
//!
//! A key repeated with the same value is harmless and only reported; a key repeated
//! with another value is an error, since the sources disagree with themselves.

use eig_pulse_core::text;
use std::collections::HashMap;
use std::fmt;

use serde::de::{DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use serde_saphyr::options::DuplicateKeyPolicy;
use serde_saphyr::Spanned;

use crate::source::{SourceError, SourceText};

/// A key written a second time, with the same value, in `file` at `line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatedKey {
    pub file: String,
    pub line: usize,
    pub key: String,
}

/// One YAML file read: its value, and the keys written twice with the same value.
#[derive(Debug)]
pub struct Parsed<T> {
    pub value: T,
    pub repeated_keys: Vec<RepeatedKey>,
}

/// Parses one YAML file; an empty file, invalid YAML, a wrong type or a key repeated
/// with another value is an error naming the line.
pub fn parse<T: DeserializeOwned>(source: &SourceText) -> Result<Parsed<T>, SourceError> {
    source.require_content()?;
    let scanned: Scanned =
        serde_saphyr::from_str_with_options(&source.text, options(DuplicateKeyPolicy::PassThrough))
            .map_err(|e| yaml_error(source, &e))?;
    let mut repeated = Vec::new();
    for duplicate in scanned.duplicates {
        if !duplicate.same_value {
            return Err(SourceError::new(
                &source.name,
                Some(duplicate.line),
                text!(
                    "clé « {} » en double, avec une autre valeur",
                    "key \"{}\" repeated with another value",
                    duplicate.key
                ),
            ));
        }
        repeated.push(RepeatedKey {
            file: source.name.clone(),
            line: duplicate.line,
            key: duplicate.key,
        });
    }
    let value =
        serde_saphyr::from_str_with_options(&source.text, options(DuplicateKeyPolicy::FirstWins))
            .map_err(|e| yaml_error(source, &e))?;
    Ok(Parsed {
        value,
        repeated_keys: repeated,
    })
}

/// The parser's limits against hostile input, raised to fit a catalogue 100 times the real one
/// (about 2.5 million nodes); depth, aliases and scalar bytes keep their defaults.
fn options(duplicate_keys: DuplicateKeyPolicy) -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = 20_000_000;
    budget.max_events = 80_000_000;
    serde_saphyr::options! { duplicate_keys: duplicate_keys, budget: Some(budget) }
}

fn yaml_error(source: &SourceText, e: &serde_saphyr::Error) -> SourceError {
    let line = e.location().map(|l| l.line() as usize);
    let options = serde_saphyr::render_options! { snippets: serde_saphyr::SnippetMode::Off };
    let message = e.render_with_options(options);
    SourceError::new(
        &source.name,
        line,
        text!("YAML invalide : {message}", "invalid YAML: {message}"),
    )
}

struct Duplicate {
    line: usize,
    key: String,
    same_value: bool,
}

/// Any YAML value, with the duplicates found inside it.
struct Scanned {
    value: Value,
    duplicates: Vec<Duplicate>,
}

impl Scanned {
    fn plain(value: Value) -> Scanned {
        Scanned {
            value,
            duplicates: Vec::new(),
        }
    }
}

impl<'de> Deserialize<'de> for Scanned {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scanned, D::Error> {
        deserializer.deserialize_any(ScanVisitor)
    }
}

struct ScanVisitor;

impl<'de> Visitor<'de> for ScanVisitor {
    type Value = Scanned;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Scanned, E> {
        Ok(Scanned::plain(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Scanned, E> {
        Ok(Scanned::plain(Value::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Scanned, E> {
        Ok(Scanned::plain(Value::from(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Scanned, E> {
        Ok(Scanned::plain(Value::from(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Scanned, E> {
        Ok(Scanned::plain(Value::from(v)))
    }
    fn visit_string<E>(self, v: String) -> Result<Scanned, E> {
        Ok(Scanned::plain(Value::from(v)))
    }
    fn visit_unit<E>(self) -> Result<Scanned, E> {
        Ok(Scanned::plain(Value::Null))
    }
    fn visit_none<E>(self) -> Result<Scanned, E> {
        Ok(Scanned::plain(Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Scanned, D::Error> {
        Scanned::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scanned, A::Error> {
        let mut items = Vec::new();
        let mut duplicates = Vec::new();
        while let Some(item) = seq.next_element::<Scanned>()? {
            items.push(item.value);
            duplicates.extend(item.duplicates);
        }
        Ok(Scanned {
            value: Value::Array(items),
            duplicates,
        })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scanned, A::Error> {
        let mut entries = serde_json::Map::new();
        let mut duplicates = Vec::new();
        let mut seen: HashMap<String, ()> = HashMap::new();
        while let Some(key) = map.next_key::<Spanned<Value>>()? {
            let name = match &key.value {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            let item: Scanned = map.next_value()?;
            duplicates.extend(item.duplicates);
            if seen.insert(name.clone(), ()).is_some() {
                duplicates.push(Duplicate {
                    line: key.referenced.line() as usize,
                    same_value: entries.get(&name) == Some(&item.value),
                    key: name,
                });
            } else {
                entries.insert(name, item.value);
            }
        }
        Ok(Scanned {
            value: Value::Object(entries),
            duplicates,
        })
    }
}

/// The line where a spanned value starts (1-based).
pub fn line_of<T>(spanned: &Spanned<T>) -> usize {
    spanned.referenced.line() as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use indexmap::IndexMap;

    fn yaml(text: &str) -> SourceText {
        SourceText::new("f.yml", text)
    }

    #[test]
    fn a_key_repeated_with_its_value_is_reported_not_fatal() {
        let text = "a:\n  title: A\n  link: x\n  link: x\nb:\n  title: B\n";
        let parsed: Parsed<IndexMap<String, Value>> = parse(&yaml(text)).unwrap();
        assert_eq!(parsed.value.len(), 2);
        assert_eq!(
            parsed.repeated_keys,
            vec![RepeatedKey {
                file: "f.yml".into(),
                line: 4,
                key: "link".into()
            }]
        );
    }

    #[test]
    fn a_key_repeated_with_another_value_is_an_error_at_its_line() {
        let text = "a:\n  title: A\nb:\n  title: B\na:\n  title: C\n";
        let err = parse::<IndexMap<String, Value>>(&yaml(text)).unwrap_err();
        assert_eq!(err.line, Some(5), "{err}");
        assert!(err.message.to_string().contains("en double"), "{err}");
    }

    #[test]
    fn spanned_entries_keep_their_line() {
        let text = "a:\n  title: A\n  year: 2018\n\nb:\n  title: B\n";
        let map: IndexMap<String, Spanned<Value>> = parse(&yaml(text)).unwrap().value;
        let lines: Vec<usize> = map.values().map(line_of).collect();
        assert_eq!(lines, vec![2, 6]);
    }

    #[test]
    fn syntax_errors_and_empty_files_name_the_place() {
        let err = parse::<IndexMap<String, Value>>(&yaml("a: [1, 2\nb: 3\n")).unwrap_err();
        assert!(err.line.is_some(), "{err}");
        let err = parse::<IndexMap<String, Value>>(&yaml("  \n")).unwrap_err();
        assert_eq!(err.message.to_string(), "fichier vide");
    }
}
