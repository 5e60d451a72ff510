//! Every figure of the code after the programme as a writer quotes it — its value, its words,
//! its definition, its denominator, the copies it rests on —, for a selection (the dashboard's key
//! figures, `eig-pulse figures --promotion`) or for one défi (its panel, `eig-pulse figures --defi`).
//! The one place these figures are worded: the page and the command say the same.

use time::Date;

use super::activity::repository_figures;
use super::code_life::{defi_codes, Status};
use super::definitions::SURVIVAL_MONTHS;
use super::definitions::{DEFINITIONS, HORIZONS};
use super::lived_on::{handovers, horizon_counts, lived_on, survival_by_promotion};
use crate::base::format;
use crate::base::lang::Lang;
use crate::contract::export::SourceKind;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

/// The sources these figures and the posts beside them draw on, for their credit: the défis and
/// their promotions (catalogue, blog) and the repositories' copies.
pub const SOURCES: &[SourceKind] = &[
    SourceKind::Catalogue,
    SourceKind::Blog,
    SourceKind::Repositories,
];

/// One figure, ready to show or to paste into a post.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Its stable key (`alive-12`, `2/survival-12`), in the page's `data-figure` and in the
    /// command's output.
    pub key: String,
    /// The number, when it is one (a share in [0, 1], a count, a median).
    pub value: Option<f64>,
    /// The value as the page shows it (« 5 sur 8 », « 62 % », « — »).
    pub shown: String,
    /// What it counts.
    pub label: String,
    /// Its denominator or how it was read (« parmi 8 défis observés, sur 12 au code analysé »).
    pub basis: Option<String>,
    /// The key of its definition in [`DEFINITIONS`].
    pub definition: Option<&'static str>,
}

impl Figure {
    /// The meaning of its definition, in `lang`.
    pub fn definition_words(&self, lang: Lang) -> Option<&'static str> {
        let key = self.definition?;
        DEFINITIONS
            .iter()
            .find(|d| d.key == key)
            .map(|d| d.meaning.get(lang))
    }
}

/// « 5 sur 8 » and its value as a share; « — » when the denominator is 0.
fn share(part: usize, whole: usize, lang: Lang) -> (Option<f64>, String) {
    if whole == 0 {
        (None, "—".into())
    } else {
        (
            Some(part as f64 / whole as f64),
            tr!(lang, "{part} sur {whole}", "{part} of {whole}"),
        )
    }
}

/// A median, or « — ».
fn median_shown(value: Option<f64>, lang: Lang) -> String {
    value.map_or_else(|| "—".into(), |v| format::number(v, lang))
}

/// « copies du 12 mars 2021 au 8 août 2026 », the span of the copies a figure rests on.
fn copies_words(copies: Option<(Date, Date)>, lang: Lang) -> Option<String> {
    let (first, last) = copies?;
    Some(if first == last {
        tr!(lang, "copie du {}", "copy of {}", format::date(first, lang))
    } else {
        let span = format::day_span(Some(first), Some(last), lang).unwrap_or_default();
        format!("copies {span}")
    })
}

/// The figures of a selection: repositories, défis with code, medians, alive, taken over.
pub fn selection_figures(cohort: &Cohort, selection: &Selection, lang: Lang) -> Vec<Figure> {
    let repositories = repository_figures(cohort, selection);
    let lived = lived_on(cohort, selection);
    let copies = copies_words(lived.copies, lang);
    let mut figures = Vec::new();
    figures.push(Figure {
        key: "repositories".into(),
        value: Some(repositories.repositories as f64),
        shown: format::count(repositories.repositories as u64, lang),
        label: lang
            .pick(
                "dépôts de code analysés, chacun une fois",
                "code repositories scanned, each once",
            )
            .into(),
        basis: copies.clone(),
        definition: Some("code"),
    });
    let (value, shown) = share(lived.defis_with_code, lived.defis, lang);
    figures.push(Figure {
        key: "defis-with-code".into(),
        value,
        shown,
        label: lang
            .pick("défis au code analysé", "défis with scanned code")
            .into(),
        basis: None,
        definition: Some("code"),
    });
    figures.push(Figure {
        key: "median-commits-during".into(),
        value: lived.median_commits_during,
        shown: median_shown(lived.median_commits_during, lang),
        label: lang
            .pick(
                "commits humains pendant le défi (médiane par défi)",
                "human commits during the défi (median per défi)",
            )
            .into(),
        basis: Some(tr!(
            lang,
            "sur {} au code analysé",
            "of {} with scanned code",
            format::defis(lived.defis_with_code, lang)
        )),
        definition: Some("median"),
    });
    let (value, shown) = share(lived.alive_at_12.alive, lived.alive_at_12.observed, lang);
    figures.push(Figure {
        key: "alive-12".into(),
        value,
        shown,
        label: lang
            .pick(
                "défis vivants 12 mois après leur fin",
                "défis alive 12 months after their end",
            )
            .into(),
        basis: Some(tr!(
            lang,
            "parmi les défis observés alors ; {} au code analysé, les autres non observés",
            "among the défis observed then; {} with scanned code, the others not observed",
            format::defis(lived.alive_at_12.with_code, lang)
        )),
        definition: Some("alive"),
    });
    figures.push(Figure {
        key: "median-active-months".into(),
        value: lived.median_active_months,
        shown: median_shown(lived.median_active_months, lang),
        label: lang
            .pick(
                "mois actifs dans l'année après la fin (médiane par défi)",
                "active months in the year after the end (median per défi)",
            )
            .into(),
        basis: Some(tr!(
            lang,
            "parmi les {} observés 12 mois après leur fin",
            "among the {} observed 12 months after their end",
            format::defis(lived.alive_at_12.observed, lang)
        )),
        definition: Some("active-month"),
    });
    let (value, shown) = share(
        lived.alive_at_copy.alive,
        lived.alive_at_copy.observed,
        lang,
    );
    figures.push(Figure {
        key: "alive-at-copy".into(),
        value,
        shown,
        label: lang
            .pick(
                "défis au code vivant à la date de leur copie",
                "défis whose code is alive at their copy's date",
            )
            .into(),
        basis: copies,
        definition: Some("alive"),
    });
    let (value, shown) = share(lived.taken_over, lived.with_people, lang);
    figures.push(Figure {
        key: "taken-over".into(),
        value,
        shown,
        label: lang
            .pick(
                "défis repris après leur fin par de nouvelles personnes",
                "défis taken over after their end by newcomers",
            )
            .into(),
        basis: Some(
            lang.pick(
                "parmi les défis dont le scan distingue les personnes et dont la copie va au-delà de la fin",
                "among the défis whose scan tells people apart and whose copy goes past their end",
            )
            .into(),
        ),
        definition: Some("founders"),
    });
    if let Some(licensed) = repositories.licensed_share {
        figures.push(Figure {
            key: "licensed".into(),
            value: Some(licensed),
            shown: format::percent(licensed, lang),
            label: lang
                .pick(
                    "des défis aux dépôts analysés ont une licence",
                    "of défis with scanned repositories have a licence",
                )
                .into(),
            // Not the « défis au code analysé » of another card: a repository of documentation
            // alone has a licence or not too. The basis says how the two counts meet.
            basis: Some(tr!(
                lang,
                "sur {}, dont {} de documentation seule",
                "of {}, {} of them documentation only",
                format::defis(repositories.analysed_defis, lang),
                repositories
                    .analysed_defis
                    .saturating_sub(lived.defis_with_code)
            )),
            definition: Some("code"),
        });
    }
    figures
}

/// A status in words.
fn status_words(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Alive => lang.pick("vivant", "alive"),
        Status::Inactive => lang.pick("inactif", "inactive"),
        Status::NotObserved => lang.pick("non observé", "not observed"),
    }
}

/// The figures of one défi (an index); empty when it has no scanned repository.
pub fn defi_figures(cohort: &Cohort, defi: usize, lang: Lang) -> Vec<Figure> {
    let only = Selection {
        defis: vec![defi],
        journal: Vec::new(),
        posts: Vec::new(),
    };
    let Some(code) = defi_codes(cohort, &only).into_iter().next() else {
        return Vec::new();
    };
    let mut figures = Vec::new();
    let copies = copies_words(
        code.copies
            .first()
            .copied()
            .zip(code.copies.last().copied()),
        lang,
    );
    if !code.holds_code() {
        figures.push(Figure {
            key: "documentation".into(),
            value: None,
            shown: lang.pick("pas de code", "no code").into(),
            label: lang
                .pick(
                    "dépôt de documentation ou de maquettes seules",
                    "repository of documentation or mock-ups only",
                )
                .into(),
            basis: copies,
            definition: Some("code"),
        });
        return figures;
    }
    let window = code
        .window
        .and_then(|w| format::day_span(Some(w.start), w.end.previous_day(), lang));
    figures.push(count_figure(
        "during",
        code.human_during(),
        lang.pick(
            "Commits humains pendant le défi",
            "Human commits during the défi",
        ),
        window,
        lang,
    ));
    figures.push(count_figure(
        "after",
        code.human_after(),
        lang.pick(
            "Commits humains depuis la fin",
            "Human commits since the end",
        ),
        copies.clone(),
        lang,
    ));
    let statuses: Vec<String> = HORIZONS
        .iter()
        .map(|&months| {
            tr!(
                lang,
                "{} : {}",
                "{}: {}",
                format::months(months, lang),
                status_words(code.status_after(months), lang)
            )
        })
        .collect();
    let now = code.status_at_copy();
    figures.push(Figure {
        key: "alive".into(),
        value: Some(f64::from(u8::from(now == Status::Alive))),
        shown: status_words(now, lang).into(),
        label: lang
            .pick("À la date de la copie", "At the copy's date")
            .into(),
        basis: Some(tr!(
            lang,
            "après la fin, {} ; {}",
            "after the end, {}; {}",
            statuses.join(", "),
            copies.clone().unwrap_or_default()
        )),
        definition: Some("alive"),
    });
    if let Some(handover) = code.handover() {
        let last = handover.last_founder_months.map_or_else(
            || {
                lang.pick(
                    "aucun commit de l'équipe fondatrice après la fin",
                    "no commit of the founding team after the end",
                )
                .to_string()
            },
            |m| {
                tr!(
                    lang,
                    "dernier commit de l'équipe fondatrice {} après la fin",
                    "the founding team's last commit {} after the end",
                    format::months(m, lang)
                )
            },
        );
        figures.push(Figure {
            key: "taken-over".into(),
            value: Some(handover.newcomers as f64),
            shown: tr!(
                lang,
                "repris par {}, {} commits depuis la fin",
                "taken over by {}, {} commits since the end",
                format::newcomers(handover.newcomers, lang),
                format::count(handover.after(), lang)
            ),
            label: lang.pick("Qui a repris le code", "Who took the code over").into(),
            basis: Some(tr!(
                lang,
                "équipe fondatrice : {}, {} commits après la fin ; nouvelles personnes : {} commits ; {last}",
                "founding team: {}, {} commits after the end; newcomers: {} commits; {last}",
                format::people(handover.founders, lang),
                format::count(handover.founders_after, lang),
                format::count(handover.newcomers_after, lang)
            )),
            definition: Some("founders"),
        });
    } else if let (true, Some(until)) = (
        code.tells_people_apart() && code.window.is_some(),
        code.observed_until,
    ) {
        // People told apart, but copies that stop at or before the end: nothing after it is seen.
        figures.push(Figure {
            key: "taken-over".into(),
            value: None,
            shown: lang.pick("non observé", "not observed").into(),
            label: lang
                .pick("Qui a repris le code", "Who took the code over")
                .into(),
            basis: Some(tr!(
                lang,
                "copie du {}, pas au-delà de la fin du défi",
                "copy of {}, not past the défi's end",
                format::date(until, lang)
            )),
            definition: Some("founders"),
        });
    }
    if let Some(releases) = code.releases() {
        figures.push(Figure {
            key: "releases".into(),
            value: Some(code.releases.len() as f64),
            shown: tr!(
                lang,
                "{} pendant le défi, {} après",
                "{} during the défi, {} after",
                releases.during,
                releases.after
            ),
            label: lang.pick("Versions publiées", "Releases").into(),
            basis: releases.months_to_first.map(|m| {
                tr!(
                    lang,
                    "première version {} après le début",
                    "first release {} after the start",
                    format::months(m, lang)
                )
            }),
            definition: Some("release"),
        });
    }
    figures
}

/// A count figure, « — » when unknown.
fn count_figure(
    key: &str,
    value: Option<u64>,
    label: &str,
    basis: Option<String>,
    lang: Lang,
) -> Figure {
    Figure {
        key: key.into(),
        value: value.map(|v| v as f64),
        shown: value.map_or_else(|| "—".into(), |v| format::count(v, lang)),
        label: label.into(),
        basis,
        definition: Some("human-commit"),
    }
}

/// Per promotion of the selection: défis alive among those observed at each horizon, the survival
/// estimate there with the défis still followed, and who made the commits after the end.
pub fn promotion_figures(cohort: &Cohort, selection: &Selection, lang: Lang) -> Vec<Figure> {
    let promotions = &cohort.export.promotions;
    let mut figures = Vec::new();
    let counts = horizon_counts(cohort, selection);
    let survival = survival_by_promotion(cohort, selection);
    let handed: Vec<_> = handovers(cohort, selection);
    for (p, promotion) in promotions.iter().enumerate() {
        let in_selection = selection
            .defis
            .iter()
            .any(|&d| cohort.export.defis[d].promotion_id == promotion.id);
        if !in_selection {
            continue;
        }
        let id = &promotion.id;
        let label = &promotion.label;
        for (h, months) in HORIZONS.iter().enumerate() {
            let count = counts[p][h];
            let (value, shown) = share(count.alive, count.observed, lang);
            figures.push(Figure {
                key: format!("{id}/alive-{months}"),
                value,
                shown: if count.observed == 0 {
                    lang.pick("aucune donnée", "no data").into()
                } else {
                    shown
                },
                label: tr!(
                    lang,
                    "{label} : défis vivants {} après la fin",
                    "{label}: défis alive {} after the end",
                    format::months(*months, lang)
                ),
                basis: Some(tr!(
                    lang,
                    "{} observés sur {} au code analysé",
                    "{} observed of {} with scanned code",
                    format::defis(count.observed, lang),
                    count.with_code
                )),
                definition: Some("observed"),
            });
        }
        if let Some(curve) = survival.iter().find(|c| c.promotion == p) {
            for months in HORIZONS {
                let point = curve.points.iter().find(|point| point.month == months);
                figures.push(Figure {
                    key: format!("{id}/survival-{months}"),
                    value: point.map(|point| point.survival),
                    shown: point.map_or_else(
                        || lang.pick("non suivi", "not followed").into(),
                        |point| format::percent(point.survival, lang),
                    ),
                    label: tr!(
                        lang,
                        "{label} : survie du code {} après la fin (Kaplan–Meier)",
                        "{label}: survival of the code {} after the end (Kaplan–Meier)",
                        format::months(months, lang)
                    ),
                    basis: Some(tr!(
                        lang,
                        "{} sur {} au départ ; courbe jusqu'à {}",
                        "{} of {} at the start; curve up to {}",
                        followed(point.map_or(0, |point| point.at_risk), lang),
                        curve.defis,
                        format::months(
                            curve
                                .points
                                .last()
                                .map_or(0, |point| point.month)
                                .min(SURVIVAL_MONTHS),
                            lang
                        )
                    )),
                    definition: Some("survival"),
                });
            }
        }
        let mine: Vec<_> = handed
            .iter()
            .filter(|h| cohort.export.defis[h.defi].promotion_id == *id)
            .map(|h| h.handover)
            .collect();
        if !mine.is_empty() {
            let founders: u64 = mine.iter().map(|h| h.founders_after).sum();
            let newcomers: u64 = mine.iter().map(|h| h.newcomers_after).sum();
            let earlier: u64 = mine.iter().map(|h| h.earlier_after).sum();
            let people: usize = mine.iter().map(|h| h.newcomers).sum();
            let all = founders + newcomers + earlier;
            figures.push(Figure {
                key: format!("{id}/handover"),
                value: (all > 0).then(|| newcomers as f64 / all as f64),
                shown: if all == 0 {
                    lang.pick("aucun commit après la fin", "no commit after the end").into()
                } else {
                    tr!(
                        lang,
                        "{} des commits après la fin par de nouvelles personnes",
                        "{} of the commits after the end by newcomers",
                        format::percent(newcomers as f64 / all as f64, lang)
                    )
                },
                label: tr!(lang, "{label} : qui a repris le code", "{label}: who took the code over"),
                basis: Some(tr!(
                    lang,
                    "{} commits après la fin : équipe fondatrice {}, nouvelles personnes {} ({people} personnes, par dépôt), plus anciennes {} ; {}",
                    "{} commits after the end: founding team {}, newcomers {} ({people} people, per repository), earlier {}; {}",
                    format::count(all, lang),
                    format::count(founders, lang),
                    format::count(newcomers, lang),
                    format::count(earlier, lang),
                    format::defis(mine.len(), lang)
                )),
                definition: Some("founders"),
            });
        }
    }
    figures
}

/// « 0 défi encore suivi », « 3 défis encore suivis », "1 défi still followed": French puts 0 in
/// the singular, English does not.
fn followed(n: usize, lang: Lang) -> String {
    let fr = if n <= 1 {
        "défi encore suivi"
    } else {
        "défis encore suivis"
    };
    let en = if n == 1 {
        "défi still followed"
    } else {
        "défis still followed"
    };
    format!("{n} {}", lang.pick(fr, en))
}
