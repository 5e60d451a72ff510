//! Reading an export from JSON text and checking it against the contract: the schema's rules
//! (slugs, http(s) URLs, dates, bounded counts) and what a schema cannot say (references,
//! uniqueness, cycles). The dashboard, `render` and `validate` all read exports through here.
//!
//! One [`Checker`] walks the export section by section, each in its own file, in the order the
//! problems are told.

mod activity;
mod administrations;
mod defis;
mod header;
mod journal;
mod posts;
mod promotions;
mod technologies;

use std::collections::HashSet;
use std::fmt;

use crate::base::date::{parse_date, FIRST_YEAR, LAST_YEAR};
use crate::base::lang::{Lang, Text};
use crate::contract::clean::{may_hold_unshowable, showable_json};
use crate::contract::export::{Export, SCHEMA_VERSION};
use crate::{text, tr};

/// A problem in an export, located by a JSON pointer (`/defis/3/administration_id`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: Text,
}

impl Problem {
    /// The problem in `lang`, after its path.
    pub fn describe(&self, lang: Lang) -> String {
        let (path, message) = (&self.path, self.message.get(lang));
        tr!(lang, "{path} : {message}", "{path}: {message}")
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::Fr))
    }
}

/// Why an export text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all, or not the expected shape; `line` and `column` locate it.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON of the wrong shape: a missing field, a wrong type; `line` and `column` locate it.
    Shape {
        line: usize,
        column: usize,
        message: String,
    },
    /// Something else than a JSON object (`[…]`, a string, a page of HTML).
    NotAnObject,
    /// A `schema_version` this build does not know.
    UnsupportedVersion(Option<u64>),
    /// Well-formed JSON whose content breaks the contract.
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// What went wrong, in `lang`; a list of problems names the first five.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            LoadError::Syntax {
                line,
                column,
                message,
            } => tr!(
                lang,
                "JSON illisible, ligne {line}, colonne {column} : {message}",
                "unreadable JSON, line {line}, column {column}: {message}"
            ),
            LoadError::Shape {
                line,
                column,
                message,
            } => tr!(
                lang,
                "structure inattendue, ligne {line}, colonne {column} : {message}",
                "unexpected structure, line {line}, column {column}: {message}"
            ),
            LoadError::NotAnObject => lang
                .pick(
                    "structure inattendue, ligne 1, colonne 1 : un export est un objet JSON ({…})",
                    "unexpected structure, line 1, column 1: an export is a JSON object ({…})",
                )
                .into(),
            LoadError::UnsupportedVersion(Some(v)) => tr!(
                lang,
                "version de schéma {v} non prise en charge (attendue : {SCHEMA_VERSION})",
                "unsupported schema version {v} (expected: {SCHEMA_VERSION})"
            ),
            LoadError::UnsupportedVersion(None) => lang
                .pick(
                    "champ « schema_version » absent ou non numérique",
                    "no numeric \"schema_version\" field",
                )
                .into(),
            LoadError::Invalid(problems) => {
                let mut text = tr!(
                    lang,
                    "{} erreur(s) de contenu",
                    "{} content error(s)",
                    problems.len()
                );
                let separator = lang.pick(" ; ", "; ");
                for p in problems.iter().take(5) {
                    text.push_str(separator);
                    text.push_str(&p.describe(lang));
                }
                if problems.len() > 5 {
                    text.push_str(separator);
                    text.push('…');
                }
                text
            }
        }
    }
}

/// French, the interface's first language.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::Fr))
    }
}

/// Reads an export: version first (so an old or future export says so), then shape, then content.
/// The text is read once when it is sound.
pub fn parse_export(text: &str) -> Result<Export, LoadError> {
    let trimmed = text.trim_start();
    if !trimmed.is_empty() && !trimmed.starts_with('{') {
        return Err(LoadError::NotAnObject);
    }
    let shape = |e: serde_json::Error| {
        if e.is_syntax() || e.is_eof() {
            syntax_error(&e)
        } else {
            LoadError::Shape {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            }
        }
    };
    // Read whole at once. Only when that fails is the version read alone, and its verdict comes
    // first: an export of another version is said to be one, not reported by its first
    // unexpected field.
    let mut export: Export =
        serde_json::from_str(text).map_err(|e| version_first(text).unwrap_or_else(|| shape(e)))?;
    if export.schema_version != SCHEMA_VERSION {
        return Err(LoadError::UnsupportedVersion(Some(
            export.schema_version.into(),
        )));
    }
    // Rarely needed, so only then: the texts lose what no reader may show, read again from the
    // cleaned text.
    if may_hold_unshowable(text) {
        export = serde_json::from_str(&showable_json(text)).map_err(shape)?;
    }
    let problems = check(&export);
    if problems.is_empty() {
        Ok(export)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// What reading the version alone says of a text (the rest is skipped, not built): a syntax
/// error, another version, or `None` when the version is this build's.
fn version_first(text: &str) -> Option<LoadError> {
    #[derive(serde::Deserialize)]
    struct Probe {
        #[serde(default)]
        schema_version: Option<serde_json::Number>,
    }
    let probe: Probe = match serde_json::from_str(text) {
        Ok(probe) => probe,
        Err(e) if e.is_syntax() || e.is_eof() => return Some(syntax_error(&e)),
        Err(_) => return Some(LoadError::UnsupportedVersion(None)),
    };
    match probe
        .schema_version
        .as_ref()
        .and_then(serde_json::Number::as_u64)
    {
        Some(v) if v == u64::from(SCHEMA_VERSION) => None,
        other => Some(LoadError::UnsupportedVersion(other)),
    }
}

fn syntax_error(e: &serde_json::Error) -> LoadError {
    LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    }
}

/// Why a date field is refused.
fn date_problem(text: &str) -> Text {
    match parse_date(text) {
        Some(_) => text!(
            "« {text} » est hors de la période plausible ({FIRST_YEAR}-01-01 à {LAST_YEAR}-12-31)",
            "\"{text}\" is outside the plausible period ({FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31)"
        ),
        None => text!(
            "« {text} » n'est pas une date AAAA-MM-JJ",
            "\"{text}\" is not a YYYY-MM-DD date"
        ),
    }
}

/// An identifier as the schema writes it: lowercase ASCII letters and digits in groups joined by
/// single hyphens (`ministere-de-l-interieur`).
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 200
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Every content problem of an export; empty when the export is sound.
pub fn check(export: &Export) -> Vec<Problem> {
    let mut checker = Checker::new(export);
    if !checker.sizes() {
        // Too large to check item by item in reasonable time: say so and stop.
        return checker.problems;
    }
    checker.header();
    checker.identifiers();
    checker.administrations();
    checker.promotions();
    checker.unscanned();
    checker.defis();
    checker.journal();
    checker.activity();
    checker.technologies();
    checker.posts();
    checker.problems
}

/// What an identifier of the export may fail to name.
#[derive(Debug, Clone, Copy)]
enum Unknown {
    Defi,
    Promotion,
    Technology,
    /// A source's, a technology's, an openness item's or a post's link's kind.
    Kind,
}

/// The problems found so far, and the sound identifiers of each list that later sections refer to.
struct Checker<'a> {
    export: &'a Export,
    problems: Vec<Problem>,
    skills: HashSet<&'a str>,
    promotions: HashSet<&'a str>,
    administrations: HashSet<&'a str>,
    defis: HashSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn new(export: &'a Export) -> Checker<'a> {
        Checker {
            export,
            problems: Vec::new(),
            skills: HashSet::new(),
            promotions: HashSet::new(),
            administrations: HashSet::new(),
            defis: HashSet::new(),
        }
    }

    fn push(&mut self, path: impl Into<String>, message: Text) {
        self.problems.push(Problem {
            path: path.into(),
            message,
        });
    }

    /// `url` at `path` unless it is an http(s) URL.
    fn http_url(&mut self, path: impl Into<String>, url: &str) {
        if !crate::base::url::is_http_url(url) {
            self.push(
                path,
                text!(
                    "« {url} » n'est pas une URL http(s)",
                    "\"{url}\" is not an http(s) URL"
                ),
            );
        }
    }

    /// A date that must exist within the plausible span.
    fn date(&mut self, path: impl Into<String>, date: &str) {
        if crate::base::date::plausible_date(date).is_none() {
            self.push(path, date_problem(date));
        }
    }

    /// Checks that `id`, where there is one, names a défi of the export; `path` says where.
    fn known_defi(&mut self, id: Option<&str>, path: impl FnOnce() -> String) {
        if let Some(id) = id.filter(|id| !self.defis.contains(id)) {
            self.unknown(path(), Unknown::Defi, id);
        }
    }

    /// An identifier at `path` that names no `what` of the export.
    fn unknown(&mut self, path: impl Into<String>, what: Unknown, id: impl fmt::Display) {
        let message = match what {
            Unknown::Defi => text!("défi inconnu « {id} »", "unknown défi \"{id}\""),
            Unknown::Promotion => {
                text!("promotion inconnue « {id} »", "unknown promotion \"{id}\"")
            }
            Unknown::Technology => {
                text!(
                    "technologie inconnue « {id} »",
                    "unknown technology \"{id}\""
                )
            }
            Unknown::Kind => text!("type « {id} » inconnu", "unknown kind \"{id}\""),
        };
        self.push(path, message);
    }

    /// The identifiers of a list: slugs, each once; returns the sound ones.
    fn unique_ids(&mut self, ids: impl Iterator<Item = &'a str>, base: &str) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if id.is_empty() {
                self.push(
                    format!("{base}/{i}/id"),
                    Text::fixed("identifiant vide", "empty identifier"),
                );
            } else if !is_slug(id) {
                self.push(
                    format!("{base}/{i}/id"),
                    text!(
                        "identifiant « {id} » : minuscules, chiffres et tirets seulement",
                        "identifier \"{id}\": lowercase letters, digits and hyphens only"
                    ),
                );
            } else if !seen.insert(id) {
                self.push(
                    format!("{base}/{i}/id"),
                    text!(
                        "identifiant « {id} » en double",
                        "identifier \"{id}\" repeated"
                    ),
                );
            }
        }
        seen
    }

    /// The four lists other sections refer to by id.
    fn identifiers(&mut self) {
        let export = self.export;
        self.skills = self.unique_ids(export.skills.iter().map(|s| s.id.as_str()), "/skills");
        self.promotions = self.unique_ids(
            export.promotions.iter().map(|p| p.id.as_str()),
            "/promotions",
        );
        self.administrations = self.unique_ids(
            export.administrations.iter().map(|a| a.id.as_str()),
            "/administrations",
        );
        self.defis = self.unique_ids(export.defis.iter().map(|d| d.id.as_str()), "/defis");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::date::looks_like_date_time;

    const MINIMAL: &str = r#"{"schema_version": 1, "generated_at": "2026-01-01T00:00:00Z", "sources": [],
        "skills": [{"id": "dev", "label": "Développement"}], "promotions": [{"id": "2", "label": "EIG 2", "year": 2018}],
        "administrations": [{"id": "a", "name": "A", "parent_id": null, "website": null, "aliases": []}],
        "defis": [{"id": "d", "title": "D", "promotion_id": "2", "administration_id": "a", "year": 2018, "skills": ["dev"],
                   "eigs": [], "mentors": [], "source_code": [], "website": null, "key_figures": [], "issues": []}],
        "journal_categories": [], "journal": [{"defi_id": "d", "defi_label": "D", "date": "2018-02-15", "deliverable": null,
                   "task": "t", "categories": ["P"], "raw_category": "P", "mood": null}], "activity": []}"#;

    #[test]
    fn dates_must_exist() {
        assert_eq!(
            parse_date("2018-02-15").map(|d| d.to_string()).as_deref(),
            Some("2018-02-15")
        );
        for bad in [
            "2018-02-30",
            "2018-13-01",
            "18-02-15",
            "2018/02/15",
            "2018-2-15",
            "2018-02-15x",
            "２０１８-02-15",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(looks_like_date_time("2026-11-28T15:00:00Z"));
        assert!(looks_like_date_time("2026-11-28T15:00:00+01:00"));
        assert!(!looks_like_date_time("2026-11-28"));
        assert!(!looks_like_date_time("2026-02-30T15:00:00Z"));
    }

    #[test]
    fn a_sound_export_loads() {
        let export = parse_export(MINIMAL).unwrap();
        assert_eq!(export.defis.len(), 1);
    }

    #[test]
    fn each_kind_of_failure_is_told_apart() {
        let err = parse_export("{\n  \"schema_version\": 1,\n  oops").unwrap_err();
        assert!(matches!(err, LoadError::Syntax { line: 3, .. }), "{err:?}");
        assert_eq!(
            parse_export(&MINIMAL.replacen("\"schema_version\": 1", "\"schema_version\": 2", 1))
                .unwrap_err(),
            LoadError::UnsupportedVersion(Some(2))
        );
        assert_eq!(
            parse_export(&MINIMAL.replacen(
                "\"schema_version\": 1",
                "\"schema_version\": \"1\"",
                1
            ))
            .unwrap_err(),
            LoadError::UnsupportedVersion(None)
        );
        assert_eq!(
            parse_export("{}").unwrap_err(),
            LoadError::UnsupportedVersion(None)
        );
        let not_an_object = parse_export("[1, 2]").unwrap_err();
        assert_eq!(not_an_object, LoadError::NotAnObject);
        assert!(not_an_object
            .describe(Lang::En)
            .starts_with("unexpected structure, line 1, column 1: "));
        let missing = MINIMAL.replacen("\"task\": \"t\",", "", 1);
        let err = parse_export(&missing).unwrap_err();
        assert!(
            err.to_string().starts_with("structure inattendue, ligne 7"),
            "{err}"
        );
        let dangling = MINIMAL.replacen(
            "\"administration_id\": \"a\"",
            "\"administration_id\": \"b\"",
            1,
        );
        let Err(LoadError::Invalid(problems)) = parse_export(&dangling) else {
            panic!("dangling reference accepted")
        };
        assert_eq!(problems[0].path, "/defis/0/administration_id");
        assert!(problems[0]
            .to_string()
            .contains("administration inconnue « b »"));
        // In English end to end: the count, the path and the problem.
        assert_eq!(
            LoadError::Invalid(problems).describe(Lang::En),
            "1 content error(s); /defis/0/administration_id: unknown administration \"b\""
        );
    }

    #[test]
    fn content_checks_name_their_json_path() {
        let mut export = parse_export(MINIMAL).unwrap();
        export.journal[0].date = "15/02/2018".into();
        export.journal[0].mood = Some(3);
        export.defis[0].skills.push("cuisine".into());
        export.administrations[0].parent_id = Some("a".into());
        let paths: Vec<String> = check(&export).into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            vec![
                "/administrations/0/parent_id",
                "/defis/0/skills/1",
                "/journal/0/date",
                "/journal/0/mood"
            ]
        );
    }
}
