//! Reading an export from JSON text and checking it against the contract: the schema's rules
//! (slugs, http(s) URLs, dates, bounded counts) and what a schema cannot say (references,
//! uniqueness, cycles). The dashboard, `render` and `validate` all read exports through here.

use crate::base::date::{looks_like_date_time, parse_date, plausible_date, FIRST_YEAR, LAST_YEAR};
use crate::base::tree::End;
use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::contract::export::{CiSystem, Export, JOURNAL_CATEGORIES, SCHEMA_VERSION};
use crate::{text, tr, base::lang::Lang, base::lang::Text};

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
pub fn parse_export(text: &str) -> Result<Export, LoadError> {
    let syntax = |e: serde_json::Error| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    };
    let trimmed = text.trim_start();
    if !trimmed.is_empty() && !trimmed.starts_with('{') {
        return Err(LoadError::NotAnObject);
    }
    // A first pass reads the version alone (the rest is skipped, not built).
    #[derive(serde::Deserialize)]
    struct Probe {
        #[serde(default)]
        schema_version: Option<serde_json::Number>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            syntax(e)
        } else {
            LoadError::UnsupportedVersion(None)
        }
    })?;
    match probe
        .schema_version
        .as_ref()
        .and_then(serde_json::Number::as_u64)
    {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        other => return Err(LoadError::UnsupportedVersion(other)),
    }
    let export: Export = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            syntax(e)
        } else {
            LoadError::Shape {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            }
        }
    })?;
    let problems = check(&export);
    if problems.is_empty() {
        Ok(export)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// How deep the administration tree may go (ministry → direction → service → …).
pub const MAX_ADMINISTRATION_DEPTH: usize = 16;

/// Upper bounds on the export's lists, far above the programme's size, so that a hostile
/// export cannot make the dashboard loop for minutes.
pub const MAX_DEFIS: usize = 100_000;
pub const MAX_ADMINISTRATIONS: usize = 100_000;
pub const MAX_JOURNAL_ENTRIES: usize = 1_000_000;
pub const MAX_REPOSITORIES: usize = 100_000;
pub const MAX_SKILLS: usize = 64;
pub const MAX_PROMOTIONS: usize = 64;

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
    let mut problems = Vec::new();
    let mut push = |path: String, message: Text| problems.push(Problem { path, message });

    let mut too_large = false;
    for (list, count, max) in [
        ("/defis", export.defis.len(), MAX_DEFIS),
        (
            "/administrations",
            export.administrations.len(),
            MAX_ADMINISTRATIONS,
        ),
        ("/journal", export.journal.len(), MAX_JOURNAL_ENTRIES),
        ("/activity", export.activity.len(), MAX_REPOSITORIES),
        ("/skills", export.skills.len(), MAX_SKILLS),
        ("/promotions", export.promotions.len(), MAX_PROMOTIONS),
        (
            "/journal_categories",
            export.journal_categories.len(),
            JOURNAL_CATEGORIES.len(),
        ),
    ] {
        if count > max {
            push(
                list.into(),
                text!(
                    "{count} éléments, au plus {max} attendus",
                    "{count} items, at most {max} expected"
                ),
            );
            too_large = true;
        }
    }
    if too_large {
        // Too large to check item by item in reasonable time: say so and stop.
        return problems;
    }

    if export.schema_version != SCHEMA_VERSION {
        push(
            "/schema_version".into(),
            text!(
                "vaut {}, attendu {SCHEMA_VERSION}",
                "is {}, expected {SCHEMA_VERSION}",
                export.schema_version
            ),
        );
    }
    if !looks_like_date_time(&export.generated_at) {
        push(
            "/generated_at".into(),
            text!(
                "« {} » n'est pas une date RFC 3339",
                "\"{}\" is not an RFC 3339 date",
                export.generated_at
            ),
        );
    }
    for (i, source) in export.sources.iter().enumerate() {
        if plausible_date(&source.updated).is_none() {
            push(
                format!("/sources/{i}/updated"),
                date_problem(&source.updated),
            );
        }
        if !has_http_scheme(&source.url) {
            push(
                format!("/sources/{i}/url"),
                text!(
                    "« {} » n'est pas une URL http(s)",
                    "\"{}\" is not an http(s) URL",
                    source.url
                ),
            );
        }
    }

    let skills = unique_ids(
        export.skills.iter().map(|s| s.id.as_str()),
        "/skills",
        &mut push,
    );
    let promotions = unique_ids(
        export.promotions.iter().map(|p| p.id.as_str()),
        "/promotions",
        &mut push,
    );
    let administrations = unique_ids(
        export.administrations.iter().map(|a| a.id.as_str()),
        "/administrations",
        &mut push,
    );
    let defis = unique_ids(
        export.defis.iter().map(|d| d.id.as_str()),
        "/defis",
        &mut push,
    );

    let parents: HashMap<&str, &str> = export
        .administrations
        .iter()
        .filter_map(|a| a.parent_id.as_deref().map(|p| (a.id.as_str(), p)))
        .collect();
    for (i, admin) in export.administrations.iter().enumerate() {
        if let Some(parent) = &admin.parent_id {
            if !administrations.contains(parent.as_str()) {
                push(
                    format!("/administrations/{i}/parent_id"),
                    text!(
                        "administration parente inconnue « {parent} »",
                        "unknown parent administration \"{parent}\""
                    ),
                );
            }
        }
        let climbed = crate::base::tree::climb(admin.id.as_str(), MAX_ADMINISTRATION_DEPTH, |id| {
            parents.get(id).copied()
        });
        match climbed.1 {
            End::Root => {}
            End::Cycle(_) => push(
                format!("/administrations/{i}/parent_id"),
                text!(
                    "cycle dans la hiérarchie à partir de « {} »",
                    "cycle in the hierarchy from \"{}\"",
                    admin.id
                ),
            ),
            End::TooDeep => push(
                format!("/administrations/{i}/parent_id"),
                text!(
                    "plus de {MAX_ADMINISTRATION_DEPTH} niveaux au-dessus de « {} »",
                    "more than {MAX_ADMINISTRATION_DEPTH} levels above \"{}\"",
                    admin.id
                ),
            ),
        }
        if let Some(url) = admin.website.as_deref().filter(|u| !has_http_scheme(u)) {
            push(
                format!("/administrations/{i}/website"),
                text!(
                    "« {url} » n'est pas une URL http(s)",
                    "\"{url}\" is not an http(s) URL"
                ),
            );
        }
    }

    for (i, promotion) in export.promotions.iter().enumerate() {
        if let Some(start) = promotion
            .start
            .as_deref()
            .filter(|d| plausible_date(d).is_none())
        {
            push(format!("/promotions/{i}/start"), date_problem(start));
        }
        if !(FIRST_YEAR..=LAST_YEAR).contains(&promotion.year) {
            push(
                format!("/promotions/{i}/year"),
                text!(
                    "année {} hors de {FIRST_YEAR} à {LAST_YEAR}",
                    "year {} outside {FIRST_YEAR} to {LAST_YEAR}",
                    promotion.year
                ),
            );
        }
        if promotion.months.is_some_and(|m| !(1..=36).contains(&m)) {
            push(
                format!("/promotions/{i}/months"),
                Text::fixed("durée hors de 1 à 36 mois", "length outside 1 to 36 months"),
            );
        }
        let dates = [("end".to_string(), promotion.end.as_deref())]
            .into_iter()
            .chain(
                promotion
                    .dates
                    .iter()
                    .enumerate()
                    .map(|(j, d)| (format!("dates/{j}/date"), Some(d.date.as_str()))),
            );
        for (field, date) in dates {
            if let Some(date) = date.filter(|d| plausible_date(d).is_none()) {
                push(format!("/promotions/{i}/{field}"), date_problem(date));
            }
        }
    }
    let defi_ids: HashSet<&str> = export.defis.iter().map(|d| d.id.as_str()).collect();
    for (i, unscanned) in export.unscanned.iter().enumerate() {
        if !defi_ids.contains(unscanned.defi_id.as_str()) {
            push(
                format!("/unscanned/{i}/defi_id"),
                text!(
                    "défi inconnu « {} »",
                    "unknown défi \"{}\"",
                    unscanned.defi_id
                ),
            );
        }
    }

    for (i, defi) in export.defis.iter().enumerate() {
        if !promotions.contains(defi.promotion_id.as_str()) {
            push(
                format!("/defis/{i}/promotion_id"),
                text!(
                    "promotion inconnue « {} »",
                    "unknown promotion \"{}\"",
                    defi.promotion_id
                ),
            );
        }
        if !administrations.contains(defi.administration_id.as_str()) {
            push(
                format!("/defis/{i}/administration_id"),
                text!(
                    "administration inconnue « {} »",
                    "unknown administration \"{}\"",
                    defi.administration_id
                ),
            );
        }
        for (j, skill) in defi.skills.iter().enumerate() {
            if !skills.contains(skill.as_str()) {
                push(
                    format!("/defis/{i}/skills/{j}"),
                    text!(
                        "compétence inconnue « {skill} »",
                        "unknown skill \"{skill}\""
                    ),
                );
            }
        }
        for (j, url) in defi.source_code.iter().enumerate() {
            if !has_http_scheme(url) {
                push(
                    format!("/defis/{i}/source_code/{j}"),
                    text!(
                        "« {url} » n'est pas une URL http(s)",
                        "\"{url}\" is not an http(s) URL"
                    ),
                );
            }
        }
        if let Some(url) = defi.website.as_deref().filter(|u| !has_http_scheme(u)) {
            push(
                format!("/defis/{i}/website"),
                text!(
                    "« {url} » n'est pas une URL http(s)",
                    "\"{url}\" is not an http(s) URL"
                ),
            );
        }
    }

    let mut legend = HashSet::new();
    for (i, category) in export.journal_categories.iter().enumerate() {
        if !JOURNAL_CATEGORIES.iter().any(|c| c.0 == category.id) || !legend.insert(&category.id) {
            push(
                format!("/journal_categories/{i}/id"),
                text!(
                    "catégorie « {} » inconnue ou en double",
                    "category \"{}\" unknown or repeated",
                    category.id
                ),
            );
        }
    }

    let letters: HashSet<&str> = JOURNAL_CATEGORIES.iter().map(|c| c.0).collect();
    for (i, entry) in export.journal.iter().enumerate() {
        if let Some(id) = &entry.defi_id {
            if !defis.contains(id.as_str()) {
                push(
                    format!("/journal/{i}/defi_id"),
                    text!("défi inconnu « {id} »", "unknown défi \"{id}\""),
                );
            }
        }
        if plausible_date(&entry.date).is_none() {
            push(format!("/journal/{i}/date"), date_problem(&entry.date));
        }
        for (j, letter) in entry.categories.iter().enumerate() {
            if !letters.contains(letter.as_str()) {
                push(
                    format!("/journal/{i}/categories/{j}"),
                    text!(
                        "catégorie inconnue « {letter} »",
                        "unknown category \"{letter}\""
                    ),
                );
            }
        }
        if let Some(mood) = entry.mood {
            if !(-1..=1).contains(&mood) {
                push(
                    format!("/journal/{i}/mood"),
                    text!(
                        "humeur {mood} hors de -1, 0, 1",
                        "mood {mood} outside -1, 0, 1"
                    ),
                );
            }
        }
    }

    for (i, repo) in export.activity.iter().enumerate() {
        if !defis.contains(repo.defi_id.as_str()) {
            push(
                format!("/activity/{i}/defi_id"),
                text!("défi inconnu « {} »", "unknown défi \"{}\"", repo.defi_id),
            );
        }
        let authority = repo.url.split("://").nth(1).unwrap_or("").split('/').next();
        if !repo.url.is_empty()
            && (!has_http_scheme(&repo.url) || authority.is_some_and(|a| a.contains(['@', ':'])))
        {
            push(
                format!("/activity/{i}/url"),
                text!(
                    "« {} » : une URL publiée est https://hôte/chemin, sans identifiants ni port",
                    "\"{}\": a published URL is https://host/path, without credentials or port",
                    repo.url
                ),
            );
        }
        if !repo.matched_by.is_known() {
            push(
                format!("/activity/{i}/matched_by"),
                text!(
                    "« {} » n'est ni source_code ni mapping",
                    "\"{}\" is neither source_code nor mapping",
                    repo.matched_by
                ),
            );
        }
        let mut systems = HashSet::new();
        for (j, system) in repo.openness.ci.iter().enumerate() {
            if !system.is_known() {
                push(
                    format!("/activity/{i}/openness/ci/{j}"),
                    text!(
                        "système d'intégration continue « {system} » inconnu (attendus : {})",
                        "unknown continuous integration system \"{system}\" (expected: {})",
                        CiSystem::NAMES.join(", ")
                    ),
                );
            } else if !systems.insert(system) {
                push(
                    format!("/activity/{i}/openness/ci/{j}"),
                    text!("« {system} » en double", "\"{system}\" repeated"),
                );
            }
        }
        for (field, date) in [
            ("first_commit", &repo.first_commit),
            ("last_commit", &repo.last_commit),
            ("copied_at", &repo.copied_at),
        ] {
            if let Some(date) = date.as_deref().filter(|d| plausible_date(d).is_none()) {
                push(format!("/activity/{i}/{field}"), date_problem(date));
            }
        }
        let mut previous: Option<time::Date> = None;
        let mut week_commits = 0u64;
        for (j, week) in repo.weeks.iter().enumerate() {
            match plausible_date(&week.monday) {
                Some(monday) if monday.weekday() == time::Weekday::Monday => {
                    if previous.is_some_and(|p| p >= monday) {
                        push(
                            format!("/activity/{i}/weeks/{j}/monday"),
                            Text::fixed(
                                "semaines en désordre ou répétées",
                                "weeks out of order or repeated",
                            ),
                        );
                    }
                    previous = Some(monday);
                }
                Some(_) => push(
                    format!("/activity/{i}/weeks/{j}/monday"),
                    text!(
                        "« {} » n'est pas la date d'un lundi",
                        "\"{}\" is not the date of a Monday",
                        week.monday
                    ),
                ),
                None => push(
                    format!("/activity/{i}/weeks/{j}/monday"),
                    date_problem(&week.monday),
                ),
            }
            if week.commits == 0 || week.authors == 0 || week.authors > week.commits {
                push(
                    format!("/activity/{i}/weeks/{j}"),
                    text!(
                        "{} commit(s) et {} auteur(s) : impossible pour une semaine listée",
                        "{} commit(s) and {} author(s): impossible for a listed week",
                        week.commits,
                        week.authors
                    ),
                );
            }
            week_commits += u64::from(week.commits);
        }
        if week_commits != u64::from(repo.commits) {
            push(
                format!("/activity/{i}/commits"),
                text!(
                    "{} commit(s) annoncé(s), {week_commits} dans les semaines",
                    "{} commit(s) stated, {week_commits} in the weeks",
                    repo.commits
                ),
            );
        }
    }
    check_technologies(export, &defis, &mut push);
    problems
}

/// Stacks, openness items and measured technologies name known défis, promotions and technologies.
fn check_technologies(export: &Export, defis: &HashSet<&str>, push: &mut impl FnMut(String, Text)) {
    let promotions: HashSet<&str> = export.promotions.iter().map(|p| p.id.as_str()).collect();
    let mut techs: HashSet<&str> = HashSet::new();
    for (i, tech) in export.technologies.iter().enumerate() {
        if !techs.insert(tech.id.as_str()) {
            push(
                format!("/technologies/{i}/id"),
                text!(
                    "technologie « {} » en double",
                    "technology \"{}\" repeated",
                    tech.id
                ),
            );
        }
        if !tech.kind.is_known() {
            push(
                format!("/technologies/{i}/kind"),
                text!("type « {} » inconnu", "unknown kind \"{}\"", tech.kind),
            );
        }
    }
    let known_defi = |path: String, id: &Option<String>, push: &mut dyn FnMut(String, Text)| {
        if let Some(id) = id.as_deref().filter(|id| !defis.contains(id)) {
            push(
                path,
                text!("défi inconnu « {id} »", "unknown défi \"{id}\""),
            );
        }
    };
    for (i, stack) in export.stacks.iter().enumerate() {
        known_defi(format!("/stacks/{i}/defi_id"), &stack.defi_id, push);
        if !promotions.contains(stack.promotion_id.as_str()) {
            push(
                format!("/stacks/{i}/promotion_id"),
                text!(
                    "promotion inconnue « {} »",
                    "unknown promotion \"{}\"",
                    stack.promotion_id
                ),
            );
        }
        for (j, mention) in stack.mentions.iter().enumerate() {
            if let Some(t) = mention
                .technology_id
                .as_deref()
                .filter(|t| !techs.contains(t))
            {
                push(
                    format!("/stacks/{i}/mentions/{j}/technology_id"),
                    text!("technologie inconnue « {t} »", "unknown technology \"{t}\""),
                );
            }
        }
    }
    for (i, record) in export.openness_records.iter().enumerate() {
        if !promotions.contains(record.as_str()) {
            push(
                format!("/openness_records/{i}"),
                text!(
                    "promotion inconnue « {record} »",
                    "unknown promotion \"{record}\""
                ),
            );
        }
    }
    for (i, item) in export.openness_items.iter().enumerate() {
        known_defi(format!("/openness_items/{i}/defi_id"), &item.defi_id, push);
        if !export.openness_records.contains(&item.promotion_id) {
            push(
                format!("/openness_items/{i}/promotion_id"),
                text!(
                    "promotion « {} » sans relevé d'ouverture",
                    "promotion \"{}\" without an openness record",
                    item.promotion_id
                ),
            );
        }
        if !item.kind.is_known() {
            push(
                format!("/openness_items/{i}/kind"),
                text!("type « {} » inconnu", "unknown kind \"{}\"", item.kind),
            );
        }
        if let Some(url) = item.url.as_deref().filter(|u| !has_http_scheme(u)) {
            push(
                format!("/openness_items/{i}/url"),
                text!(
                    "« {url} » n'est pas une URL http(s)",
                    "\"{url}\" is not an http(s) URL"
                ),
            );
        }
    }
    for (i, repo) in export.activity.iter().enumerate() {
        for (j, framework) in repo.frameworks.iter().enumerate() {
            if !techs.contains(framework.as_str()) {
                push(
                    format!("/activity/{i}/frameworks/{j}"),
                    text!(
                        "technologie inconnue « {framework} »",
                        "unknown technology \"{framework}\""
                    ),
                );
            }
        }
        for (j, language) in repo.languages.iter().enumerate() {
            if let Some(t) = language
                .technology_id
                .as_deref()
                .filter(|t| !techs.contains(t))
            {
                push(
                    format!("/activity/{i}/languages/{j}/technology_id"),
                    text!("technologie inconnue « {t} »", "unknown technology \"{t}\""),
                );
            }
        }
    }
}

/// True for an http(s) URL as the schema writes it (`^https?://[^\s/]+\.[^\s/]+`), with no
/// white space or control character anywhere: never `javascript:`, `data:` or a local path.
/// (The exporter judges URLs fully; this only guards the contract.)
pub fn has_http_scheme(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    text.len() <= 2000
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
}

fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    base: &str,
    push: &mut impl FnMut(String, Text),
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if id.is_empty() {
            push(
                format!("{base}/{i}/id"),
                Text::fixed("identifiant vide", "empty identifier"),
            );
        } else if !is_slug(id) {
            push(
                format!("{base}/{i}/id"),
                text!(
                    "identifiant « {id} » : minuscules, chiffres et tirets seulement",
                    "identifier \"{id}\": lowercase letters, digits and hyphens only"
                ),
            );
        } else if !seen.insert(id) {
            push(
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

#[cfg(test)]
mod tests {
    use super::*;

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
