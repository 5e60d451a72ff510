//! The canonical technologies table (`data/technologies.yml`) and the declared stacks of the
//! stack files, bullet by bullet, as mentions of those technologies.

use eig_pulse_core::text;
use std::collections::HashMap;

use eig_pulse_core::contract::export::{TechMention, TechStack, Technology, TechnologyKind};
use eig_pulse_core::contract::limits::MAX_ITEM_LIST;
use indexmap::IndexMap;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::names::{fold, DefiNames, NameMatch};
use crate::outline::{Item, Record};
use crate::report::{Finding, Report};
use crate::source::{SourceError, SourceText};
use crate::yaml::{self, line_of};

#[derive(Deserialize)]
struct RawTable {
    technologies: IndexMap<String, Spanned<RawTechnology>>,
    #[serde(default)]
    not_technologies: Vec<String>,
}

#[derive(Deserialize)]
struct RawTechnology {
    label: String,
    kind: TechnologyKind,
    #[serde(default)]
    spellings: Vec<String>,
    #[serde(default)]
    packages: Vec<String>,
}

/// The table, with every spelling and package folded to its technology.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub technologies: Vec<Technology>,
    spellings: HashMap<String, String>,
    packages: HashMap<String, String>,
    ignored: Vec<String>,
}

/// A spelling's comparison key: folded, `_` as `-`.
fn key(text: &str) -> String {
    fold(text).replace('_', "-")
}

impl Table {
    /// Reads the table; a spelling or package written for two technologies, or an unknown kind,
    /// is an error naming the line.
    pub fn parse(source: &SourceText) -> Result<Table, SourceError> {
        let raw: RawTable = yaml::parse(source)?.value;
        let mut table = Table::default();
        for (id, entry) in &raw.technologies {
            let line = line_of(entry);
            let entry = &entry.value;
            if !entry.kind.is_known() {
                return Err(SourceError::new(
                    &source.name,
                    Some(line),
                    text!(
                        "technologie « {id} » : type « {} » inconnu",
                        "technology \"{id}\": unknown kind \"{}\"",
                        entry.kind
                    ),
                ));
            }
            let add = |map: &mut HashMap<String, String>, words: &str| match map
                .insert(key(words), id.clone())
            {
                Some(other) if other != *id => Err(SourceError::new(
                    &source.name,
                    Some(line),
                    text!(
                        "« {words} » désigne deux technologies : « {other} » et « {id} »",
                        "\"{words}\" names two technologies: \"{other}\" and \"{id}\""
                    ),
                )),
                _ => Ok(()),
            };
            for spelling in entry.spellings.iter().chain([&entry.label]) {
                add(&mut table.spellings, spelling)?;
            }
            for package in &entry.packages {
                add(&mut table.packages, package)?;
            }
            table.technologies.push(Technology {
                id: id.clone(),
                label: entry.label.clone(),
                kind: entry.kind.clone(),
            });
        }
        table.ignored = raw.not_technologies.iter().map(|w| key(w)).collect();
        Ok(table)
    }

    /// The technology a stack file's words name, versions and trailing dots aside.
    pub fn by_spelling(&self, words: &str) -> Option<&str> {
        let words = words.trim().trim_end_matches('.').trim();
        let folded = key(words);
        if let Some(id) = self.spellings.get(&folded) {
            return Some(id);
        }
        // `Python 3`, `Python 2.7`: a version after the name.
        let without_version = folded
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
            .trim();
        self.spellings.get(without_version).map(String::as_str)
    }

    /// The technology a manifest's dependency name names.
    pub fn by_package(&self, name: &str) -> Option<&str> {
        self.packages.get(&key(name)).map(String::as_str)
    }

    fn is_ignored(&self, words: &str) -> bool {
        self.ignored.contains(&key(words))
    }
}

/// Words that make a choice tentative.
const TENTATIVE: [&str; 6] = [
    "à confirmer",
    "?",
    "à décider",
    "si nécessaire",
    "à venir",
    " ou ",
];

fn is_tentative(text: &str) -> bool {
    let text = format!(" {} ", text.to_lowercase());
    TENTATIVE.iter().any(|m| text.contains(m))
}

/// Sub-headings listing deliverables (`Livrables code`, `Livrables d'information`) name no
/// technology; the others (`Stack`, `Outils de développement`, Markdown parts such as Plume's
/// `Édition`) do.
fn is_stack_section(title: &str) -> bool {
    !fold(title).starts_with("livrables")
}

/// The stacks a stack file declares, one per défi heading (the file's year decides « EIG
/// Link »), each with at most the contract's [`MAX_ITEM_LIST`] mentions. Into `report`, in this
/// order: the headings that name no défi, the words no entry of the table names, the stacks cut
/// to that bound, the stacks left undocumented.
pub fn declared(
    file: &Record,
    names: &DefiNames,
    table: &Table,
    report: &mut Report,
) -> Vec<TechStack> {
    let mut stacks = Vec::new();
    // (line, finding), reported once the whole file is read.
    let mut unmatched = Vec::new();
    let mut unmapped = Vec::new();
    let mut too_many = Vec::new();
    for heading in &file.headings {
        let defi_id = match names.find(&heading.title, file.year) {
            NameMatch::Exact(id) | NameMatch::Approximate(id, _) => Some(id),
            NameMatch::None => {
                let label = heading.title.clone();
                unmatched.push((heading.line, Finding::UnmatchedStackHeading { label }));
                None
            }
        };
        let mut mentions = Vec::new();
        let mut sections: Vec<(&str, &[Item])> = vec![("", &heading.items)];
        for child in &heading.children {
            // Markdown sub-headings of one défi (« Édition », « Exploration ») are parts of its
            // stack; org sub-headings name the kind of list.
            if is_stack_section(&child.title) {
                sections.push((&child.title, &child.items));
            }
        }
        for (section, items) in sections {
            for item in flatten(items) {
                for (words, tentative) in mentions_of(&item.text, table) {
                    match table.by_spelling(&words) {
                        Some(id) => mentions.push(TechMention {
                            technology_id: Some(id.to_string()),
                            raw: words,
                            section: section.to_string(),
                            tentative,
                        }),
                        None if table.is_ignored(&words) => {}
                        None => {
                            let finding = Finding::UnmappedTechnology {
                                heading: heading.title.clone(),
                                words: words.clone(),
                            };
                            unmapped.push((item.line, finding));
                            mentions.push(TechMention {
                                technology_id: None,
                                raw: words,
                                section: section.to_string(),
                                tentative,
                            });
                        }
                    }
                }
            }
        }
        if mentions.len() > MAX_ITEM_LIST {
            let finding = Finding::TooManyMentions {
                heading: heading.title.clone(),
                mentions: mentions.len(),
            };
            too_many.push((heading.line, finding));
            mentions.truncate(MAX_ITEM_LIST);
        }
        let documented = !heading.todo && !mentions.is_empty();
        stacks.push(TechStack {
            defi_id,
            label: heading.title.clone(),
            promotion_id: file.promotion_id.to_string(),
            source: file.source.name.clone(),
            documented,
            mentions,
        });
    }
    let name = &file.source.name;
    for (line, finding) in unmatched.into_iter().chain(unmapped).chain(too_many) {
        report.add(name, Some(line), finding);
    }
    for stack in stacks.iter().filter(|s| !s.documented) {
        let label = stack.label.clone();
        report.add(name, None, Finding::UndocumentedStack { label });
    }
    stacks
}

/// Bullets and their nested bullets, in order.
fn flatten(items: &[Item]) -> Vec<&Item> {
    let mut all = Vec::new();
    for item in items {
        all.push(item);
        all.extend(flatten(&item.children));
    }
    all
}

/// The technology words of one bullet, each with whether it is tentative.
///
/// `Label : a, b et c` → a, b, c (the label counts when it names a technology: `python: pandas`);
/// `a (b, c)` → a, b, c, unless the parentheses only hold a doubt (`Datatables (?)`), which
/// makes `a` tentative; `a ou b` makes both tentative; ` pour …` is a purpose, not a technology.
fn mentions_of(text: &str, table: &Table) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let (label, body) = match text.split_once(':') {
        Some((label, body)) if !label.contains("//") && label.chars().count() <= 40 => {
            (label.trim(), body.trim())
        }
        _ => ("", text.trim()),
    };
    // Alternatives (« a ou b ») or a doubt on the label hold for the whole bullet.
    let all_tentative = is_tentative(label) || format!(" {body} ").contains(" ou ");
    let label_plain = strip_parens(label);
    if !label_plain.is_empty() && table.by_spelling(&label_plain).is_some() {
        out.push((label_plain, is_tentative(label)));
    }
    for (segment, doubt) in segments(body) {
        let mut words = segment.as_str();
        if let Some((before, _purpose)) = words.split_once(" pour ") {
            words = before;
        }
        for filler in ["principalement ", "encore "] {
            words = words.trim().strip_prefix(filler).unwrap_or(words);
        }
        let mut words = words.trim().trim_end_matches("...").trim().to_string();
        let tentative = all_tentative || doubt || is_tentative(&words);
        for marker in ["à confirmer", "à décider", "si nécessaire", "à venir", "?"] {
            words = words.replace(marker, "");
        }
        let words = words.trim().trim_end_matches("...").trim().to_string();
        if words.is_empty() || words.chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        out.push((words, tentative));
    }
    out
}

fn strip_parens(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// Splits at `,` `;` ` et ` ` ou ` ` + ` ` / ` ` avec ` ` via `, opening parentheses: each
/// segment with whether a doubt-only parenthesis follows it.
fn segments(body: &str) -> Vec<(String, bool)> {
    // Parenthesised groups first: `a (b, c)` → `a`, `b`, `c`.
    let mut parts: Vec<(String, bool)> = Vec::new();
    let mut outer = String::new();
    let mut inner = String::new();
    let mut depth = 0;
    for c in body.chars() {
        match c {
            '(' => {
                depth += 1;
                if depth == 1 {
                    inner.clear();
                    continue;
                }
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let doubt_only = {
                        let mut rest = inner.to_lowercase();
                        for m in ["à confirmer", "à décider", "si nécessaire", "à venir", "?"]
                        {
                            rest = rest.replace(m, "");
                        }
                        rest.trim().is_empty()
                    };
                    if doubt_only {
                        outer.push_str(" ?");
                    } else {
                        parts.push((inner.clone(), false));
                    }
                    continue;
                }
            }
            _ => {}
        }
        if depth > 0 {
            inner.push(c);
        } else {
            outer.push(c);
        }
    }
    let mut all: Vec<(String, bool)> = vec![(outer, false)];
    all.extend(parts);
    let mut out = Vec::new();
    for (text, doubt) in all {
        let mut pieces = vec![text];
        for sep in [",", ";", " et ", " ou ", " + ", " / ", " avec ", " via "] {
            pieces = pieces
                .iter()
                .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
                .collect();
        }
        for piece in pieces {
            let trimmed = piece.trim().to_string();
            if !trimmed.is_empty() {
                out.push((trimmed, doubt));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table::parse(&SourceText::new(
            "data/technologies.yml",
            include_str!("../../../data/technologies.yml"),
        ))
        .expect("the committed table reads")
    }

    fn words(text: &str) -> Vec<(String, bool)> {
        mentions_of(text, &table())
    }

    fn pair(w: &str, t: bool) -> (String, bool) {
        (w.to_string(), t)
    }

    #[test]
    fn bullets_split_into_technologies() {
        assert_eq!(
            words("Python (spaCy, Kepler Mapper)"),
            [
                pair("Python", false),
                pair("spaCy", false),
                pair("Kepler Mapper", false)
            ]
        );
        assert_eq!(
            words("Langages principaux : Clojure et Clojurescript"),
            [pair("Clojure", false), pair("Clojurescript", false)]
        );
        assert_eq!(
            words("PostgreSQL et Postgis"),
            [pair("PostgreSQL", false), pair("Postgis", false)]
        );
        assert_eq!(
            words("python: pandas, scikit-learn"),
            [
                pair("python", false),
                pair("pandas", false),
                pair("scikit-learn", false)
            ]
        );
    }

    #[test]
    fn doubts_make_choices_tentative() {
        assert_eq!(
            words("Dataviz (à confirmer): Tableau ou Superset ?"),
            [pair("Tableau", true), pair("Superset", true)]
        );
        assert_eq!(
            words("BDD : principalement MongoDB, Postgres si nécessaire"),
            [pair("MongoDB", false), pair("Postgres", true)]
        );
        assert_eq!(
            words("Données tabulaires (client) : Datatables (?)"),
            [pair("Datatables", true)]
        );
        assert_eq!(
            words("Base de données: Hive, ElasticSearch, Titan (à venir)"),
            [
                pair("Hive", false),
                pair("ElasticSearch", false),
                pair("Titan", true)
            ]
        );
    }

    #[test]
    fn versions_and_dots_are_spellings_of_one_technology() {
        let t = table();
        assert_eq!(t.by_spelling("Python 3"), Some("python"));
        assert_eq!(t.by_spelling("Python 2.7"), Some("python"));
        assert_eq!(t.by_spelling("d3.js..."), Some("d3"));
        assert_eq!(t.by_package("scikit_learn"), Some("scikit-learn"));
        assert_eq!(t.by_package("@angular/core"), Some("angular"));
    }

    #[test]
    fn a_spelling_for_two_technologies_is_an_error() {
        let text = "technologies:\n  a:\n    label: A\n    kind: tool\n    spellings: [x]\n  b:\n    label: B\n    kind: tool\n    spellings: [X]\n";
        let err = Table::parse(&SourceText::new("t.yml", text)).unwrap_err();
        assert_eq!(err.line, Some(7));
        assert!(
            err.message.to_string().contains("deux technologies"),
            "{}",
            err.message.to_string()
        );
    }
}
