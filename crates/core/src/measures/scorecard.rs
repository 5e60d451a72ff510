//! The openness scorecard: each selected défi × the criteria of code.gouv.fr's spirit (licence,
//! README, CONTRIBUTING, changelog, CI, tests, recent activity), with the evidence of each cell.

use crate::base::order;
use std::collections::HashMap;

use super::activity::selected_repositories;
use super::code_life::{defi_codes, DefiCode, Status};
use super::definitions::{ALIVE_ACTIVE_MONTHS, ALIVE_LOOKBACK_MONTHS};
use crate::base::csv::field;
use crate::base::format;
use crate::base::lang::{Lang, Text};
use crate::contract::export::{Activity, CiSystem, UnscannedReason};
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

/// What the openness scorecard checks, in its columns' order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    Code,
    License,
    Readme,
    Contributing,
    Changelog,
    Ci,
    Tests,
    Releases,
    Alive,
}

impl Criterion {
    pub const ALL: [Criterion; 9] = [
        Criterion::Code,
        Criterion::License,
        Criterion::Readme,
        Criterion::Contributing,
        Criterion::Changelog,
        Criterion::Ci,
        Criterion::Tests,
        Criterion::Releases,
        Criterion::Alive,
    ];

    /// Its stable column name in the scorecard's CSV.
    pub fn key(self) -> &'static str {
        match self {
            Criterion::Code => "code",
            Criterion::License => "license",
            Criterion::Readme => "readme",
            Criterion::Contributing => "contributing",
            Criterion::Changelog => "changelog",
            Criterion::Ci => "ci",
            Criterion::Tests => "tests",
            Criterion::Releases => "releases",
            Criterion::Alive => "alive",
        }
    }

    /// Its column's label and what it looks for.
    fn words(self) -> (Text, Text) {
        match self {
            Criterion::Code => (
                Text::fixed("Code publié", "Published code"),
                Text::fixed(
                    "le catalogue donne l'adresse du code source",
                    "the catalogue gives the source code's address",
                ),
            ),
            Criterion::License => (
                Text::same("Licence"),
                Text::fixed(
                    "un fichier LICENSE, LICENCE ou COPYING à la racine",
                    "a LICENSE, LICENCE or COPYING file at the root",
                ),
            ),
            Criterion::Readme => (
                Text::same("README"),
                Text::fixed("un fichier README à la racine", "a README file at the root"),
            ),
            Criterion::Contributing => (
                Text::same("CONTRIBUTING"),
                Text::fixed(
                    "un guide de contribution (CONTRIBUTING)",
                    "a contribution guide (CONTRIBUTING)",
                ),
            ),
            Criterion::Changelog => (
                Text::fixed("Journal des versions", "Changelog"),
                Text::fixed(
                    "un CHANGELOG, HISTORY ou NEWS",
                    "a CHANGELOG, HISTORY or NEWS file",
                ),
            ),
            Criterion::Ci => (
                Text::fixed("Intégration continue", "Continuous integration"),
                Text::fixed(
                    "GitHub Actions, GitLab CI, CircleCI ou Travis configurés",
                    "GitHub Actions, GitLab CI, CircleCI or Travis configured",
                ),
            ),
            Criterion::Tests => (
                Text::same("Tests"),
                Text::fixed(
                    "un dossier test, tests, spec ou __tests__",
                    "a test, tests, spec or __tests__ folder",
                ),
            ),
            Criterion::Releases => (
                Text::fixed("Versions", "Releases"),
                Text::fixed(
                    "au moins une étiquette (tag) de version",
                    "at least one release tag",
                ),
            ),
            Criterion::Alive => (
                Text::fixed("Vivant à la copie", "Alive at the copy"),
                Text::fixed(
                    "au moins 2 mois actifs (un commit humain) dans les 6 mois avant la copie du dépôt",
                    "at least 2 active months (a human commit) in the 6 months before the repository's copy",
                ),
            ),
        }
    }
}

/// Rows the page shows before « Afficher tous les défis » (the CSV has all).
pub const FIRST_ROWS: usize = 25;

/// One check of the openness scorecard.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub criterion: Criterion,
    pub label: String,
    /// What the check looks for, in words.
    pub explanation: String,
}

/// A cell's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Yes,
    No,
    /// Code is published but its repository was not scanned.
    Unknown,
    /// No published code: nothing to check.
    NotApplicable,
}

impl Mark {
    /// Its key, as the page's classes name it (`mark-yes`).
    pub fn key(self) -> &'static str {
        match self {
            Mark::Yes => "yes",
            Mark::No => "no",
            Mark::Unknown => "unknown",
            Mark::NotApplicable => "na",
        }
    }

    /// A symbol readable without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Yes => "✓",
            Mark::No => "✗",
            Mark::Unknown => "?",
            Mark::NotApplicable => "–",
        }
    }

    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            Mark::Yes => lang.pick("oui", "yes"),
            Mark::No => lang.pick("non", "no"),
            Mark::Unknown => lang.pick("non analysé", "not scanned"),
            Mark::NotApplicable => lang.pick("sans objet", "not applicable"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreCell {
    pub mark: Mark,
    /// The evidence, in words (« licence MIT (LICENSE) », « dernier commit le 3 mai 2021 »).
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    pub defi_id: String,
    pub title: String,
    pub cells: Vec<ScoreCell>,
    /// Checks passed.
    pub score: usize,
}

/// Défis × openness checks.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    pub checks: Vec<Check>,
    pub rows: Vec<ScoreRow>,
}

fn checks(lang: Lang) -> Vec<Check> {
    Criterion::ALL
        .iter()
        .map(|&criterion| {
            let (label, explanation) = criterion.words();
            Check {
                criterion,
                label: label.get(lang).into(),
                explanation: explanation.get(lang).into(),
            }
        })
        .collect()
}

/// The scorecard of the selected défis: best scores first, then by title.
pub fn openness_scorecard(cohort: &Cohort, selection: &Selection, lang: Lang) -> Scorecard {
    let codes: HashMap<usize, DefiCode> = defi_codes(cohort, selection)
        .into_iter()
        .map(|code| (code.defi, code))
        .collect();
    let mut repos: HashMap<usize, Vec<&Activity>> = HashMap::new();
    for repo in selected_repositories(cohort, selection) {
        repos.entry(repo.defi).or_default().push(repo.activity);
    }
    let unscanned: HashMap<&str, UnscannedReason> = cohort
        .export
        .unscanned
        .iter()
        .map(|u| (u.defi_id.as_str(), u.reason))
        .collect();
    let checks = checks(lang);
    let mut rows: Vec<ScoreRow> = selection
        .defis
        .iter()
        .map(|&d| {
            let defi = &cohort.export.defis[d];
            let scanned = repos.get(&d).map(Vec::as_slice).unwrap_or(&[]);
            let published = !defi.source_code.is_empty() || !scanned.is_empty();
            let cells: Vec<ScoreCell> = checks
                .iter()
                .map(|check| {
                    let not_scanned = unscanned.get(defi.id.as_str()).copied();
                    cell(
                        check.criterion,
                        published,
                        scanned,
                        not_scanned,
                        codes.get(&d),
                        lang,
                    )
                })
                .collect();
            ScoreRow {
                defi_id: defi.id.clone(),
                title: cohort.defi_label(d).to_string(),
                score: cells.iter().filter(|c| c.mark == Mark::Yes).count(),
                cells,
            }
        })
        .collect();
    order::sort_by(&mut rows, |a, b| {
        b.score.cmp(&a.score).then_with(|| a.title.cmp(&b.title))
    });
    Scorecard { checks, rows }
}

/// The « Code publié » cell: the catalogue's word alone.
fn code_cell(published: bool, lang: Lang) -> ScoreCell {
    if published {
        ScoreCell {
            mark: Mark::Yes,
            detail: lang
                .pick(
                    "adresse du code dans le catalogue",
                    "code address in the catalogue",
                )
                .into(),
        }
    } else {
        ScoreCell {
            mark: Mark::No,
            detail: lang
                .pick(
                    "pas d'adresse de code dans le catalogue",
                    "no code address in the catalogue",
                )
                .into(),
        }
    }
}

/// One cell: `criterion` over a défi's scanned repositories (any of them passing passes).
fn cell(
    criterion: Criterion,
    published: bool,
    scanned: &[&Activity],
    not_scanned: Option<UnscannedReason>,
    code: Option<&DefiCode>,
    lang: Lang,
) -> ScoreCell {
    let verdict = |mark: Mark, detail: String| ScoreCell { mark, detail };
    if criterion == Criterion::Code {
        return code_cell(published, lang);
    }
    if !published {
        return verdict(
            Mark::NotApplicable,
            lang.pick("pas de code publié", "no published code").into(),
        );
    }
    if scanned.is_empty() {
        let why = match not_scanned {
            Some(UnscannedReason::Gitlab) => lang.pick(
                "non analysé : hébergé sur GitLab, aucune copie",
                "not scanned: hosted on GitLab, no copy",
            ),
            Some(UnscannedReason::SelfHosted) => lang.pick(
                "non analysé : forge de l'administration, aucune copie",
                "not scanned: the administration's own forge, no copy",
            ),
            None => lang.pick(
                "dépôt non analysé (export sans --repos, ou dépôt introuvable)",
                "repository not scanned (export without --repos, or repository not found)",
            ),
        };
        return verdict(Mark::Unknown, why.into());
    }
    let found = |pass: &dyn Fn(&Activity) -> Option<String>| scanned.iter().find_map(|r| pass(r));
    let (yes, no): (Option<String>, String) = match criterion {
        Criterion::Code => return code_cell(published, lang),
        Criterion::License => (
            found(&|r| {
                r.openness
                    .license_file
                    .as_ref()
                    .map(|file| match &r.openness.license_spdx {
                        Some(spdx) => {
                            format!("licence {spdx} ({file})")
                        }
                        None if r.openness.absent.contains(file) => format!(
                            "licence ({file}) {}",
                            lang.pick(
                                "non lue : fichier absent de la copie",
                                "not read: file absent from the copy"
                            )
                        ),
                        None => format!(
                            "licence ({file}) {}",
                            lang.pick("non reconnue", "not recognised")
                        ),
                    })
            }),
            lang.pick("aucun fichier de licence", "no licence file")
                .into(),
        ),
        Criterion::Readme => (
            found(&|r| r.openness.readme.then(|| "README".into())),
            lang.pick("pas de README", "no README").into(),
        ),
        Criterion::Contributing => (
            found(&|r| r.openness.contributing.then(|| "CONTRIBUTING".into())),
            lang.pick("pas de guide de contribution", "no contribution guide")
                .into(),
        ),
        Criterion::Changelog => (
            found(&|r| r.openness.changelog.then(|| "CHANGELOG".into())),
            lang.pick("pas de journal des versions", "no changelog")
                .into(),
        ),
        Criterion::Ci => (
            found(&|r| {
                (!r.openness.ci.is_empty()).then(|| {
                    let systems: Vec<&str> = r.openness.ci.iter().map(CiSystem::as_str).collect();
                    systems.join(", ")
                })
            }),
            lang.pick(
                "aucune intégration continue configurée",
                "no continuous integration configured",
            )
            .into(),
        ),
        Criterion::Tests => (
            found(&|r| {
                r.openness
                    .tests
                    .then(|| lang.pick("dossier de tests", "tests folder").into())
            }),
            lang.pick("pas de dossier de tests", "no tests folder")
                .into(),
        ),
        Criterion::Releases => {
            let releases = code.map_or(0, |c| c.releases.len());
            let after = code.and_then(DefiCode::releases).map_or(0, |r| r.after);
            (
                (releases > 0).then(|| {
                    let tags = match releases {
                        1 => lang.pick("1 étiquette", "1 tag").to_string(),
                        n => tr!(lang, "{n} étiquettes", "{n} tags"),
                    };
                    match after {
                        0 => tr!(
                            lang,
                            "{tags}, aucune après la fin du défi",
                            "{tags}, none after the défi's end"
                        ),
                        n => tr!(
                            lang,
                            "{tags}, dont {n} après la fin du défi",
                            "{tags}, {n} of them after the défi's end"
                        ),
                    }
                }),
                lang.pick("aucune étiquette", "no tag").into(),
            )
        }
        Criterion::Alive => {
            let Some(code) = code.filter(|c| c.holds_code()) else {
                return verdict(
                    Mark::NotApplicable,
                    lang.pick(
                        "dépôt de documentation ou de maquettes seules",
                        "documentation or mock-ups only",
                    )
                    .into(),
                );
            };
            let Some(copy) = code.observed_until else {
                return verdict(
                    Mark::Unknown,
                    lang.pick("date de copie inconnue", "copy date unknown")
                        .into(),
                );
            };
            let active = code.active_months_before(copy, ALIVE_LOOKBACK_MONTHS);
            let months = format::active_months(active, lang);
            let words = tr!(
                lang,
                "{months} sur les {ALIVE_LOOKBACK_MONTHS} avant la copie du {} (il en faut {ALIVE_ACTIVE_MONTHS})",
                "{months} of the {ALIVE_LOOKBACK_MONTHS} before the copy of {} ({ALIVE_ACTIVE_MONTHS} needed)",
                format::date(copy, lang)
            );
            match code.status_at(copy) {
                Status::Alive => (Some(words), String::new()),
                _ => (None, words),
            }
        }
    };
    match yes {
        Some(detail) => verdict(Mark::Yes, detail),
        None => verdict(Mark::No, no),
    }
}

/// The scorecard as CSV (RFC 4180, header row): one row per défi, one column per check.
pub fn scorecard_csv(card: &Scorecard) -> String {
    let quote = field;
    let mut out = String::from("defi_id,defi,score");
    for check in &card.checks {
        out.push(',');
        let key = check.criterion.key();
        out.push_str(key);
        out.push_str(&format!(",{key}_detail"));
    }
    out.push_str("\r\n");
    for row in &card.rows {
        out.push_str(&format!(
            "{},{},{}",
            quote(&row.defi_id),
            quote(&row.title),
            row.score
        ));
        for cell in &row.cells {
            let mark = match cell.mark {
                Mark::Yes => "yes",
                Mark::No => "no",
                Mark::Unknown => "unknown",
                Mark::NotApplicable => "n/a",
            };
            out.push_str(&format!(",{mark},{}", quote(&cell.detail)));
        }
        out.push_str("\r\n");
    }
    out
}
