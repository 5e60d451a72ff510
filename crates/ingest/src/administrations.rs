//! Administrations: from free-written host names to one entity per real body, in a tree.
//!
//! General rules live here; what they cannot decide lives in the override file
//! (`data/administrations.yml`), documented there.

use std::collections::HashMap;

use indexmap::{IndexMap, IndexSet};
use serde::Deserialize;

use eig_pulse_core::contract::export::Administration;

use crate::names::{fold, slug};
use crate::report::{Finding, Report};
use crate::source::{SourceError, SourceText};

/// What the heuristics cannot decide, keyed by folded names (case, accents and quotes ignored).
#[derive(Debug, Default)]
pub struct Overrides {
    rewrite: HashMap<String, String>,
    same_as: HashMap<String, String>,
    names: HashMap<String, String>,
    parents: HashMap<String, Option<String>>,
}

#[derive(Deserialize)]
struct OverridesFile {
    #[serde(default)]
    rewrite: IndexMap<String, String>,
    #[serde(default)]
    same_as: IndexMap<String, String>,
    #[serde(default)]
    names: IndexMap<String, String>,
    #[serde(default)]
    parents: IndexMap<String, Option<String>>,
}

impl Overrides {
    pub fn parse(source: &SourceText) -> Result<Overrides, SourceError> {
        let file: OverridesFile = crate::yaml::parse(source)?.value;
        Ok(Overrides {
            rewrite: file
                .rewrite
                .into_iter()
                .map(|(k, v)| (fold(&k), v))
                .collect(),
            same_as: file
                .same_as
                .into_iter()
                .map(|(k, v)| (fold(&k), v))
                .collect(),
            names: file.names.into_iter().collect(),
            parents: file.parents.into_iter().collect(),
        })
    }
}

/// One défi's host as written, with the défi's website for it.
#[derive(Debug, Clone)]
pub struct Mention<'a> {
    pub raw: &'a str,
    /// A valid website, already checked.
    pub website: Option<&'a str>,
    pub line: usize,
}

/// Entities, and the entity each mention resolves to.
#[derive(Debug)]
pub struct Resolution {
    pub administrations: Vec<Administration>,
    /// For each mention, in order: the id of its most specific administration.
    pub leaf_ids: Vec<String>,
}

#[derive(Default)]
struct Entity {
    spellings: IndexMap<String, usize>,
    acronyms: IndexMap<String, usize>,
    parents: IndexMap<String, usize>,
    websites: IndexMap<String, usize>,
    aliases: IndexSet<String>,
    /// Distinct spellings of this body's own segment.
    written: IndexSet<String>,
    line: usize,
}

/// Builds the administrations of all mentions; what was noticed on the way goes into `report`,
/// placed in `defis_file` (at a mention's line when there is one).
pub fn resolve(
    mentions: &[Mention],
    overrides: &Overrides,
    defis_file: &str,
    report: &mut Report,
) -> Resolution {
    let mut entities: IndexMap<String, Entity> = IndexMap::new();
    let mut leaf_keys = Vec::with_capacity(mentions.len());

    for mention in mentions {
        let cleaned = clean(mention.raw);
        let text = overrides
            .rewrite
            .get(&fold(&cleaned))
            .cloned()
            .unwrap_or(cleaned);
        let mut chain: Vec<(String, Segment)> = segments(&text)
            .into_iter()
            .map(|segment| {
                let name = overrides
                    .same_as
                    .get(&fold(&segment.name))
                    .cloned()
                    .unwrap_or_else(|| segment.name.clone());
                (fold(&name), Segment { name, ..segment })
            })
            .collect();
        // Ministries head the chain, whatever the order they were written in.
        chain.sort_by_key(|(_, segment)| !segment.is_ministry());
        chain.dedup_by(|a, b| a.0 == b.0);

        let mut parent: Option<&str> = None;
        for (key, segment) in &chain {
            let entity = entities.entry(key.clone()).or_insert_with(|| Entity {
                line: mention.line,
                ..Entity::default()
            });
            *entity.spellings.entry(segment.name.clone()).or_default() += 1;
            if let Some(acronym) = &segment.acronym {
                *entity.acronyms.entry(acronym.clone()).or_default() += 1;
            }
            if let Some(parent) = parent {
                *entity.parents.entry(parent.to_string()).or_default() += 1;
            }
            entity.written.insert(segment.written.clone());
            if segment.written != segment.name {
                entity.aliases.insert(segment.written.clone());
            }
            entity.aliases.insert(segment.name.clone());
            parent = Some(key);
        }
        let leaf = chain.last().map(|(key, _)| key.clone()).unwrap_or_default();
        if let Some(entity) = entities.get_mut(&leaf) {
            entity.aliases.insert(mention.raw.to_string());
            if let Some(website) = mention.website {
                *entity.websites.entry(website.to_string()).or_default() += 1;
            }
        }
        leaf_keys.push(leaf);
    }

    let ids: HashMap<&str, String> = entities.keys().map(|k| (k.as_str(), slug(k))).collect();
    let known_ids: std::collections::HashSet<&String> = ids.values().collect();
    let parent_known = |id: &String| known_ids.contains(id);
    for id in overrides.parents.keys().chain(overrides.names.keys()) {
        if !known_ids.contains(id) {
            report.add(
                defis_file,
                None,
                Finding::StaleOverride { entry: id.clone() },
            );
        }
    }
    let mut parent_of: IndexMap<String, Option<String>> = IndexMap::new();
    for (key, entity) in &entities {
        let id = ids[key.as_str()].clone();
        let forced = overrides.parents.get(&id).filter(|forced| match forced {
            Some(parent) if !parent_known(parent) => {
                report.add(
                    defis_file,
                    None,
                    Finding::StaleOverride {
                        entry: format!("parents: {id}: {parent}"),
                    },
                );
                false
            }
            _ => true,
        });
        let parent = match forced {
            Some(forced) => forced.clone(),
            None => {
                if entity.parents.len() > 1 {
                    report.add(
                        defis_file,
                        Some(entity.line),
                        Finding::ConflictingParents {
                            administration: id.clone(),
                            parents: entity
                                .parents
                                .keys()
                                .map(|k| ids[k.as_str()].clone())
                                .collect(),
                        },
                    );
                }
                most_frequent(&entity.parents).map(|k| ids[k.as_str()].clone())
            }
        };
        parent_of.insert(id, parent);
    }
    // A parent link that would close a cycle is dropped and reported.
    let keys: Vec<String> = parent_of.keys().cloned().collect();
    for id in keys {
        if closes_cycle(&id, &parent_of) {
            let parent = parent_of[&id].clone().unwrap_or_default();
            report.add(
                defis_file,
                None,
                Finding::ConflictingParents {
                    administration: id.clone(),
                    parents: vec![parent],
                },
            );
            parent_of.insert(id, None);
        }
    }

    let mut administrations: Vec<Administration> = entities
        .iter()
        .map(|(key, entity)| {
            let id = ids[key.as_str()].clone();
            if entity.written.len() > 1 {
                report.add(
                    defis_file,
                    Some(entity.line),
                    Finding::MergedSpellings {
                        administration: id.clone(),
                        spellings: entity.written.len(),
                    },
                );
            }
            let name = overrides
                .names
                .get(&id)
                .cloned()
                .or_else(|| most_frequent(&entity.spellings).map(|name| capitalized(name)))
                .unwrap_or_default();
            Administration {
                parent_id: parent_of.get(&id).cloned().flatten(),
                name,
                acronym: most_frequent(&entity.acronyms).cloned(),
                website: most_frequent(&entity.websites).cloned(),
                aliases: entity.aliases.iter().cloned().collect(),
                id,
            }
        })
        .collect();
    administrations.sort_by(|a, b| a.id.cmp(&b.id));
    Resolution {
        administrations,
        leaf_ids: leaf_keys.iter().map(|k| ids[k.as_str()].clone()).collect(),
    }
}

/// One body named in a host string: `"Direction générale … (DGGN)"`.
#[derive(Debug, Clone)]
struct Segment {
    /// The name without its acronym.
    name: String,
    acronym: Option<String>,
    /// As written in the source.
    written: String,
}

impl Segment {
    fn is_ministry(&self) -> bool {
        is_ministry(&self.name)
    }
}

fn is_ministry(name: &str) -> bool {
    let key = fold(name);
    key.starts_with("ministere") || key.starts_with("services du premier ministre")
}

/// Trims, collapses white space and drops trailing punctuation.
fn clean(raw: &str) -> String {
    let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_end_matches([',', ';', '.', ' ', '-'])
        .trim()
        .to_string()
}

/// Splits a host string into bodies.
///
/// Commas separate bodies, except before a continuation ("…, de la Recherche et de
/// l’Innovation"); a dash separates bodies only when one side is a ministry.
fn segments(text: &str) -> Vec<Segment> {
    let mut parts: Vec<String> = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match parts.last_mut() {
            Some(previous) if is_continuation(part) => {
                previous.push_str(", ");
                previous.push_str(part);
            }
            _ => parts.push(part.to_string()),
        }
    }
    let mut bodies = Vec::new();
    for part in parts {
        let pieces: Vec<&str> = part.split(" - ").map(str::trim).collect();
        if pieces.len() > 1 && pieces.iter().any(|p| is_ministry(p)) {
            bodies.extend(pieces.into_iter().map(str::to_string));
        } else {
            bodies.push(part);
        }
    }
    bodies
        .into_iter()
        .map(|written| split_acronym(&written))
        .collect()
}

/// A part that continues the previous one's name: it opens with a lower-case linking word.
fn is_continuation(part: &str) -> bool {
    const LINKS: [&str; 12] = [
        "de ", "du ", "des ", "d'", "d’", "et ", "à ", "au ", "aux ", "la ", "le ", "les ",
    ];
    LINKS.iter().any(|link| part.starts_with(link))
}

/// `"Direction … (DGGN)"` → name `"Direction …"`, acronym `"DGGN"`.
fn split_acronym(written: &str) -> Segment {
    if let Some(open) = written.rfind('(') {
        if written.ends_with(')') {
            let inner = written[open + 1..written.len() - 1].trim();
            let looks_like_acronym = !inner.is_empty()
                && inner.len() <= 12
                && !inner.contains(' ')
                && inner.chars().any(char::is_uppercase);
            if looks_like_acronym {
                return Segment {
                    name: written[..open].trim().to_string(),
                    acronym: Some(inner.to_string()),
                    written: written.to_string(),
                };
            }
        }
    }
    Segment {
        name: written.to_string(),
        acronym: None,
        written: written.to_string(),
    }
}

/// The name with its first letter in upper case: "direction générale …" → "Direction générale …".
fn capitalized(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The most frequent key; the first seen wins a tie.
fn most_frequent(counts: &IndexMap<String, usize>) -> Option<&String> {
    let mut best: Option<(&String, usize)> = None;
    for (key, &count) in counts {
        if best.is_none_or(|(_, n)| count > n) {
            best = Some((key, count));
        }
    }
    best.map(|(key, _)| key)
}

/// True when `start`'s own parent link closes a cycle: climbing from it comes back to it.
fn closes_cycle(start: &str, parent_of: &IndexMap<String, Option<String>>) -> bool {
    let (_, end) = eig_pulse_core::base::tree::climb(start, parent_of.len(), |id| {
        parent_of.get(id).and_then(|p| p.as_deref())
    });
    end == eig_pulse_core::base::tree::End::Cycle(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve_all(raws: &[&str], overrides: &Overrides) -> Resolution {
        resolve_reported(raws, overrides, &mut Report::default())
    }

    fn resolve_reported(raws: &[&str], overrides: &Overrides, report: &mut Report) -> Resolution {
        let mentions: Vec<Mention> = raws
            .iter()
            .enumerate()
            .map(|(i, raw)| Mention {
                raw,
                website: None,
                line: i + 1,
            })
            .collect();
        resolve(&mentions, overrides, "defis.yml", report)
    }

    fn parent_of<'a>(r: &'a Resolution, id: &str) -> Option<&'a str> {
        r.administrations
            .iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("no administration {id}"))
            .parent_id
            .as_deref()
    }

    #[test]
    fn spellings_differing_in_case_quotes_acronym_or_commas_merge() {
        let r = resolve_all(
            &[
                "Direction interministérielle du numérique",
                "Direction interministérielle du numérique (DINUM)",
                "Direction interministérielle du numérique (DINUM),",
                "Ministère de l'Intérieur",
                "Ministère de l’Intérieur",
            ],
            &Overrides::default(),
        );
        assert_eq!(r.administrations.len(), 2);
        let dinum = &r.administrations[0];
        assert_eq!(dinum.acronym.as_deref(), Some("DINUM"));
        assert_eq!(dinum.aliases.len(), 3, "{:?}", dinum.aliases);
        assert!(r.leaf_ids[..3].iter().all(|id| id == &dinum.id));
    }

    #[test]
    fn ministries_become_parents_in_either_order() {
        let r = resolve_all(
            &[
                "Ministère de l’Intérieur, Direction générale de la gendarmerie nationale (DGGN)",
                "Mission Identité Numérique, Ministère de l’Intérieur",
                "Direction Générale de la Gendarmerie Nationale",
            ],
            &Overrides::default(),
        );
        assert_eq!(
            parent_of(&r, "direction-generale-de-la-gendarmerie-nationale"),
            Some("ministere-de-l-interieur")
        );
        assert_eq!(
            parent_of(&r, "mission-identite-numerique"),
            Some("ministere-de-l-interieur")
        );
        assert_eq!(
            r.leaf_ids[2],
            "direction-generale-de-la-gendarmerie-nationale"
        );
    }

    #[test]
    fn continuations_stay_in_one_name() {
        let r = resolve_all(
            &["Ministère de l’Enseignement supérieur, de la Recherche et de l’Innovation, Département des outils d’aide à la décision"],
            &Overrides::default(),
        );
        assert_eq!(r.administrations.len(), 2);
        assert_eq!(
            parent_of(&r, "departement-des-outils-d-aide-a-la-decision"),
            Some("ministere-de-l-enseignement-superieur-de-la-recherche-et-de-l-innovation")
        );
    }

    #[test]
    fn dashes_split_only_around_a_ministry() {
        let r = resolve_all(
            &[
                "Programme VITAM - Programme interministériel d'archivage numérique",
                "Commissariat Général au Développement Durable - Ministère de la Transition Écologique et Solidaire",
            ],
            &Overrides::default(),
        );
        assert_eq!(r.administrations.len(), 3);
        assert_eq!(
            parent_of(&r, "commissariat-general-au-developpement-durable"),
            Some("ministere-de-la-transition-ecologique-et-solidaire")
        );
    }

    #[test]
    fn overrides_rewrite_rename_merge_and_reparent() {
        let text = "rewrite:\n  \"Ministère A et Agence B\": \"Ministère A, Agence B\"\nsame_as:\n  \"Ministère de la santé\": \"Ministère des Solidarités et de la Santé\"\nnames:\n  agence-b: \"Agence B (nom officiel)\"\nparents:\n  direction-du-budget: ministere-a\n";
        let overrides = Overrides::parse(&SourceText::new("o.yml", text)).unwrap();
        let r = resolve_all(
            &[
                "Ministère A et Agence B",
                "Ministère de la santé, Direction de la recherche",
                "Ministère des Solidarités et de la Santé",
                "Direction du budget",
            ],
            &overrides,
        );
        assert_eq!(parent_of(&r, "agence-b"), Some("ministere-a"));
        let b = r
            .administrations
            .iter()
            .find(|a| a.id == "agence-b")
            .unwrap();
        assert_eq!(b.name, "Agence B (nom officiel)");
        assert_eq!(
            parent_of(&r, "direction-de-la-recherche"),
            Some("ministere-des-solidarites-et-de-la-sante")
        );
        assert_eq!(parent_of(&r, "direction-du-budget"), Some("ministere-a"));
    }

    #[test]
    fn cycles_are_broken_and_reported() {
        let text = "parents:\n  a: b\n  b: a\n";
        let overrides = Overrides::parse(&SourceText::new("o.yml", text)).unwrap();
        let mut report = Report::default();
        let r = resolve_reported(&["A", "B"], &overrides, &mut report);
        let linked = r
            .administrations
            .iter()
            .filter(|a| a.parent_id.is_some())
            .count();
        assert_eq!(linked, 1);
        assert!(report
            .entries
            .iter()
            .any(|e| matches!(e.finding, Finding::ConflictingParents { .. })));
    }
}
