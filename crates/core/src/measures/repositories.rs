//! Transforms of what the défis' git repositories record (the export's `activity`): commits
//! over time stacked by défi or administration, the openness scorecard, the repository figures.

use std::collections::{BTreeMap, HashMap};

use time::{Date, Duration, Month};

use crate::chart::{BarChart, Category, ChartId, Highlight, Period, Series};
use crate::model::cohort::{Cohort, Selection};
use crate::base::date::parse_date;
use crate::contract::export::{Activity, CiSystem, Promotion, UnscannedReason};
use crate::model::filter::Filters;
use crate::{base::format, base::lang::Lang};

/// Above this many weeks, the activity chart counts commits per month.
pub const MAX_WEEKS: i64 = 78;
/// How many défis (or administrations) the activity chart names before « autres ».
pub const MAX_SERIES: usize = 8;
/// A repository is active when its last commit is this recent at the export's date.
pub const RECENT_DAYS: i64 = 365;

/// The first day and the day after the last of a promotion's défis, when known: its `end`
/// when the export gives it, else `months` after the start.
pub fn window(promotion: &Promotion) -> Option<(Date, Date)> {
    let start = parse_date(promotion.start.as_deref()?)?;
    let end = match promotion.end.as_deref().and_then(parse_date) {
        Some(end) => end.next_day()?,
        None => add_months(start, promotion.months?)?,
    };
    Some((start, end))
}

/// The same day `months` later, or the last day of that month when it is shorter; `None` past
/// the calendar's end.
pub(crate) fn add_months(date: Date, months: u32) -> Option<Date> {
    let index =
        i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + i64::from(months);
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

fn first_of_month(date: Date) -> Date {
    date.replace_day(1).unwrap_or(date)
}

/// The selected défis' repositories: (défi, repository index, record).
fn selected<'a>(cohort: &'a Cohort, selection: &Selection) -> Vec<(usize, usize, &'a Activity)> {
    let mut chosen = vec![false; cohort.export.defis.len()];
    for &d in &selection.defis {
        chosen[d] = true;
    }
    cohort
        .export
        .activity
        .iter()
        .enumerate()
        .filter_map(|(r, a)| cohort.repository_defi(r).map(|d| (d, r, a)))
        .filter(|(d, _, _)| chosen[*d])
        .collect()
}

/// A défi's window, through its promotion.
fn defi_window(cohort: &Cohort, defi: usize) -> Option<(Date, Date)> {
    let promotion = &cohort.export.defis[defi].promotion_id;
    cohort
        .export
        .promotions
        .iter()
        .find(|p| &p.id == promotion)
        .and_then(window)
}

/// The headline numbers of the selected défis' repositories.
#[derive(Debug, Clone, PartialEq)]
pub struct RepositoryFigures {
    pub repositories: usize,
    /// Commits made during their défi's ten months (weeks whose Monday falls within).
    pub commits_during_defi: u64,
    /// Selected défis with at least one scanned repository.
    pub analysed_defis: usize,
    /// Share of those whose repository has a licence file; `None` without one.
    pub licensed_share: Option<f64>,
}

pub fn repository_figures(cohort: &Cohort, selection: &Selection) -> RepositoryFigures {
    let repositories = selected(cohort, selection);
    let mut commits_during_defi = 0u64;
    let mut licensed: HashMap<usize, bool> = HashMap::new();
    for (defi, r, repo) in &repositories {
        if let Some((start, end)) = defi_window(cohort, *defi) {
            commits_during_defi += cohort
                .repository_weeks(*r)
                .iter()
                .filter(|(monday, _)| *monday >= start && *monday < end)
                .map(|(_, commits)| u64::from(*commits))
                .sum::<u64>();
        }
        *licensed.entry(*defi).or_default() |= repo.openness.license_file.is_some();
    }
    let analysed_defis = licensed.len();
    RepositoryFigures {
        repositories: repositories.len(),
        commits_during_defi,
        analysed_defis,
        licensed_share: (analysed_defis > 0)
            .then(|| licensed.values().filter(|l| **l).count() as f64 / analysed_defis as f64),
    }
}

/// Commits over time (per week, or per month over long periods), stacked by défi, or by
/// top-level administration when more than [`MAX_SERIES`] défis have commits; each promotion's
/// ten months are highlighted.
pub fn repository_activity(
    cohort: &Cohort,
    selection: &Selection,
    filters: &Filters,
    lang: Lang,
) -> BarChart {
    let repositories = selected(cohort, selection);
    // (défi, Monday, commits) within the period filter.
    let mut commits: Vec<(usize, Date, u32)> = Vec::new();
    for (defi, r, _) in &repositories {
        for &(monday, n) in cohort.repository_weeks(*r) {
            let sunday = monday.checked_add(Duration::days(6)).unwrap_or(Date::MAX);
            if filters.from.is_some_and(|from| sunday < from)
                || filters.to.is_some_and(|to| monday > to)
            {
                continue;
            }
            commits.push((*defi, monday, n));
        }
    }
    let mut chart = BarChart::new(
        ChartId::RepositoryActivity,
        Vec::new(),
        Vec::new(),
        Vec::new(),
        lang.pick("commits par semaine", "commits per week"),
    )
    .with_period(Period::Week);
    let (Some(first), Some(last)) = (
        commits.iter().map(|c| c.1).min(),
        commits.iter().map(|c| c.1).max(),
    ) else {
        return chart;
    };
    let monthly = (last - first).whole_days() / 7 + 1 > MAX_WEEKS;

    // Series: défis by commits, or their top-level administrations when there are many.
    let mut per_defi: BTreeMap<usize, u64> = BTreeMap::new();
    for (d, _, n) in &commits {
        *per_defi.entry(*d).or_default() += u64::from(*n);
    }
    let root = |d: usize| {
        cohort
            .defi_administration(d)
            .and_then(|a| cohort.ancestors(a).last().copied())
    };
    let by_administration = per_defi.len() > MAX_SERIES;
    let mut groups: BTreeMap<String, (String, u64)> = BTreeMap::new();
    for (&d, &n) in &per_defi {
        let (key, label) = if by_administration {
            match root(d) {
                Some(a) => {
                    let admin = &cohort.export.administrations[a];
                    (admin.id.clone(), admin.name.clone())
                }
                None => ("inconnue".into(), lang.pick("Inconnue", "Unknown").into()),
            }
        } else {
            let defi = &cohort.export.defis[d];
            (defi.id.clone(), defi.title.clone())
        };
        groups.entry(key).or_insert((label, 0)).1 += n;
    }
    let mut ranked: Vec<(String, String, u64)> =
        groups.into_iter().map(|(k, (l, n))| (k, l, n)).collect();
    ranked.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    let others = ranked.len() > MAX_SERIES;
    let named = if others { MAX_SERIES - 1 } else { ranked.len() };
    chart.series = ranked
        .iter()
        .take(named)
        .enumerate()
        .map(|(i, (key, label, _))| Series {
            key: key.clone(),
            label: label.clone(),
            color: i,
        })
        .collect();
    if others {
        chart.series.push(Series {
            key: "autres".into(),
            label: lang.pick("Autres", "Others").into(),
            color: crate::chart::Theme::OTHER,
        });
    }
    let series_of = |d: usize| -> usize {
        let key = if by_administration {
            root(d).map_or("inconnue".to_string(), |a| {
                cohort.export.administrations[a].id.clone()
            })
        } else {
            cohort.export.defis[d].id.clone()
        };
        chart
            .series
            .iter()
            .position(|s| s.key == key)
            .unwrap_or(chart.series.len() - 1)
    };

    // Categories: every week (or month) from the first to the last, empty ones kept.
    let bucket = |date: Date| if monthly { first_of_month(date) } else { date };
    let mut starts = Vec::new();
    let mut current = Some(bucket(first));
    while let Some(start) = current.filter(|c| *c <= bucket(last)) {
        starts.push(start);
        current = if monthly {
            add_months(start, 1)
        } else {
            start.checked_add(Duration::weeks(1))
        };
    }
    let index: HashMap<Date, usize> = starts.iter().enumerate().map(|(i, d)| (*d, i)).collect();
    let mut values = vec![vec![0.0; chart.series.len()]; starts.len()];
    for (d, monday, n) in &commits {
        if let Some(&c) = index.get(&bucket(*monday)) {
            values[c][series_of(*d)] += f64::from(*n);
        }
    }
    chart.values = values;
    chart.categories = starts
        .iter()
        .map(|start| {
            Category::period(
                *start,
                if monthly {
                    format::month_short(*start, lang)
                } else {
                    format::day_month_short(*start, lang)
                },
            )
            .with_note(if monthly {
                format::month_year(*start, lang)
            } else {
                format!(
                    "{} {}",
                    lang.pick("semaine du", "week of"),
                    format::date(*start, lang)
                )
            })
        })
        .collect();
    if monthly {
        chart.value_label = lang.pick("commits par mois", "commits per month").into();
        chart.period = Some(Period::Month);
    }

    // Each promotion's ten months, over the categories they cover.
    let mut promotions: Vec<&Promotion> = per_defi
        .keys()
        .filter_map(|&d| cohort.defi_promotion(d))
        .collect();
    promotions.sort_by(|a, b| (a.year, &a.id).cmp(&(b.year, &b.id)));
    promotions.dedup_by(|a, b| a.id == b.id);
    for promotion in promotions {
        let Some((start, end)) = window(promotion) else {
            continue;
        };
        let covered: Vec<usize> = starts
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                let bucket_end = if monthly {
                    add_months(**s, 1)
                } else {
                    s.checked_add(Duration::weeks(1))
                }
                .unwrap_or(Date::MAX);
                **s < end && bucket_end > start
            })
            .map(|(i, _)| i)
            .collect();
        if let (Some(&from), Some(&to)) = (covered.first(), covered.last()) {
            chart.highlights.push(Highlight {
                from,
                to,
                label: format!(
                    "{} ({} {})",
                    promotion.label,
                    promotion.months.unwrap_or_default(),
                    lang.pick("mois", "months")
                ),
            });
        }
    }
    chart
}

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
    Recent,
}

impl Criterion {
    pub const ALL: [Criterion; 8] = [
        Criterion::Code,
        Criterion::License,
        Criterion::Readme,
        Criterion::Contributing,
        Criterion::Changelog,
        Criterion::Ci,
        Criterion::Tests,
        Criterion::Recent,
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
            Criterion::Recent => "recent",
        }
    }

    /// Its column's label and what it looks for, in `lang`.
    fn words(self, lang: Lang) -> (&'static str, &'static str) {
        let (fr_label, en_label, fr, en) = match self {
            Criterion::Code => (
                "Code publié",
                "Published code",
                "le catalogue donne l'adresse du code source",
                "the catalogue gives the source code's address",
            ),
            Criterion::License => (
                "Licence",
                "Licence",
                "un fichier LICENSE, LICENCE ou COPYING à la racine",
                "a LICENSE, LICENCE or COPYING file at the root",
            ),
            Criterion::Readme => (
                "README",
                "README",
                "un fichier README à la racine",
                "a README file at the root",
            ),
            Criterion::Contributing => (
                "CONTRIBUTING",
                "CONTRIBUTING",
                "un guide de contribution (CONTRIBUTING)",
                "a contribution guide (CONTRIBUTING)",
            ),
            Criterion::Changelog => (
                "Journal des versions",
                "Changelog",
                "un CHANGELOG, HISTORY ou NEWS",
                "a CHANGELOG, HISTORY or NEWS file",
            ),
            Criterion::Ci => (
                "Intégration continue",
                "Continuous integration",
                "GitHub Actions, GitLab CI, CircleCI ou Travis configurés",
                "GitHub Actions, GitLab CI, CircleCI or Travis configured",
            ),
            Criterion::Tests => (
                "Tests",
                "Tests",
                "un dossier test, tests, spec ou __tests__",
                "a test, tests, spec or __tests__ folder",
            ),
            Criterion::Recent => (
                "Activité récente",
                "Recent activity",
                "un commit dans l'année précédant l'export",
                "a commit in the year before the export",
            ),
        };
        (lang.pick(fr_label, en_label), lang.pick(fr, en))
    }
}

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
            let (label, explanation) = criterion.words(lang);
            Check {
                criterion,
                label: label.into(),
                explanation: explanation.into(),
            }
        })
        .collect()
}

/// The scorecard of the selected défis: best scores first, then by title.
pub fn openness_scorecard(cohort: &Cohort, selection: &Selection, lang: Lang) -> Scorecard {
    let exported = cohort.export.generated_at.get(..10).and_then(parse_date);
    let mut repos: HashMap<usize, Vec<&Activity>> = HashMap::new();
    for (d, _, repo) in selected(cohort, selection) {
        repos.entry(d).or_default().push(repo);
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
                        exported,
                        lang,
                    )
                })
                .collect();
            ScoreRow {
                defi_id: defi.id.clone(),
                title: defi.title.clone(),
                score: cells.iter().filter(|c| c.mark == Mark::Yes).count(),
                cells,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.title.cmp(&b.title)));
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
    exported: Option<Date>,
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
        Criterion::Recent => {
            let last = scanned
                .iter()
                .filter_map(|r| r.last_commit.as_deref().and_then(parse_date))
                .max();
            let words = |d: Date| {
                format!(
                    "{} {}",
                    lang.pick("dernier commit le", "last commit on"),
                    format::date(d, lang)
                )
            };
            match (last, exported) {
                (Some(last), Some(exported)) if (exported - last).whole_days() <= RECENT_DAYS => {
                    (Some(words(last)), String::new())
                }
                (Some(last), _) => (None, words(last)),
                (None, _) => (None, lang.pick("aucun commit", "no commit").into()),
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
    let quote = crate::chart::table::field;
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
