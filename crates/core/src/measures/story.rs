//! The one sentence each part of the page opens with, written from the selection's figures: who
//! hosted the défis, what the 2018 journal holds, which technologies lead, whether the code lived
//! on, how much is open. The page and its static twin say the same.

use std::collections::{BTreeMap, HashSet};

use super::activity::repository_figures;
use super::key_figures::key_figures;
use super::lived_on::lived_on;
use super::technologies::{defis_per_technology, defis_using, language_bytes};
use crate::base::format;
use crate::base::lang::Lang;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

/// The keys of the largest count, in order (several when tied), and that count.
fn leaders<K: Ord + Clone>(counts: &BTreeMap<K, usize>) -> Option<(Vec<K>, usize)> {
    let most = *counts.values().max()?;
    let keys = counts
        .iter()
        .filter(|(_, &n)| n == most)
        .map(|(k, _)| k.clone())
        .collect();
    Some((keys, most))
}

/// Tied leaders are named together up to this many; beyond, the sentence names none.
const MOST_TIED: usize = 3;

/// « 71 défis de 2017 à 2020, accueillis par 53 administrations — le ministère de l'Intérieur le
/// plus souvent (12) ; la compétence la plus demandée : développement (45 défis). »
pub fn defis(cohort: &Cohort, selection: &Selection, lang: Lang) -> String {
    let export = &cohort.export;
    let figures = key_figures(cohort, selection);
    if figures.defis == 0 {
        return lang
            .pick(
                "Aucun défi ne répond à ces filtres.",
                "No défi matches these filters.",
            )
            .into();
    }
    let years = selection.defis.iter().map(|&d| export.defis[d].year);
    let (first, last) = (years.clone().min(), years.max());
    let years = match (first, last) {
        (Some(f), Some(l)) if f != l => tr!(lang, " de {f} à {l}", " from {f} to {l}"),
        (Some(f), _) => tr!(lang, " en {f}", " in {f}"),
        _ => String::new(),
    };
    // Each défi counts for the top of its administration's chain, as the chart ranks them.
    let mut hosts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut skills: BTreeMap<&str, usize> = BTreeMap::new();
    for &d in &selection.defis {
        if let Some(top) = cohort.defi_root_administration(d) {
            *hosts
                .entry(export.administrations[top].name.as_str())
                .or_default() += 1;
        }
        for skill in &export.defis[d].skills {
            *skills.entry(skill.as_str()).or_default() += 1;
        }
    }
    let mut sentence = tr!(
        lang,
        "{}{years}, accueillis par {} administrations",
        "{}{years}, hosted by {} administrations",
        format::defis(figures.defis, lang),
        format::count(figures.administrations as u64, lang),
    );
    // An administration that hosts every défi (the one filtered on) is no news.
    let hosts = leaders(&hosts).filter(|(tied, n)| *n < figures.defis && tied.len() <= MOST_TIED);
    if let Some((tied, n)) = hosts {
        let names = format::list(&tied, lang);
        sentence += &if tied.len() == 1 {
            tr!(
                lang,
                " — {names} le plus souvent ({n})",
                " — {names} most often ({n})"
            )
        } else {
            tr!(
                lang,
                " — {names} le plus souvent ({n} chacun)",
                " — {names} most often ({n} each)"
            )
        };
    }
    if let Some((tied, n)) = leaders(&skills).filter(|(tied, _)| tied.len() <= MOST_TIED) {
        let names: Vec<String> = tied
            .iter()
            .map(|skill| cohort.skill_label(skill, lang).to_lowercase())
            .collect();
        let names = format::list(&names, lang);
        sentence += &if tied.len() == 1 {
            tr!(
                lang,
                " ; la compétence la plus demandée : {names} ({})",
                "; the skill most asked for: {names} ({})",
                format::defis(n, lang)
            )
        } else {
            tr!(
                lang,
                " ; les compétences les plus demandées : {names} ({} chacune)",
                "; the skills most asked for: {names} ({} each)",
                format::defis(n, lang)
            )
        };
    }
    sentence + "."
}

/// « Du 13 février au 3 août 2018, l'équipe d'accompagnement a noté 1 527 entrées pour 13 défis ;
/// la semaine la plus chargée, celle du 12 mars 2018, en compte 152. »
pub fn journal(cohort: &Cohort, selection: &Selection, lang: Lang) -> String {
    let entries = &selection.journal;
    let days = entries.iter().map(|&e| cohort.journal_date(e));
    let (Some(first), Some(last)) = (days.clone().min(), days.max()) else {
        return lang
            .pick(
                "Aucune entrée du journal de suivi dans cette sélection.",
                "No entry of the follow-up journal in this selection.",
            )
            .into();
    };
    let defis: HashSet<usize> = entries
        .iter()
        .filter_map(|&e| cohort.journal_defi(e))
        .collect();
    // Entries of the programme as a whole name no défi: the défis' count says how many are theirs.
    let of_defis = entries
        .iter()
        .filter(|&&e| cohort.journal_defi(e).is_some())
        .count();
    let mut weeks: BTreeMap<time::Date, usize> = BTreeMap::new();
    for &e in entries {
        if let Some(monday) = cohort.journal_monday(e) {
            *weeks.entry(monday).or_default() += 1;
        }
    }
    let span = format::day_span(Some(first), Some(last), lang).unwrap_or_default();
    let whose = if of_defis == entries.len() {
        tr!(
            lang,
            " pour {}",
            " for {}",
            format::defis(defis.len(), lang)
        )
    } else {
        tr!(
            lang,
            ", dont {} pour {} (les autres ne nomment pas de défi)",
            ", {} of them for {} (the others name no défi)",
            format::count(of_defis as u64, lang),
            format::defis(defis.len(), lang)
        )
    };
    let mut sentence = tr!(
        lang,
        "{}{}, l'équipe d'accompagnement a noté {} entrées de journal{whose}",
        "{}{}, the support team wrote {} journal entries{whose}",
        span.get(..1).unwrap_or_default().to_uppercase(),
        span.get(1..).unwrap_or_default(),
        format::count(entries.len() as u64, lang),
    );
    if let Some((tied, n)) = leaders(&weeks).filter(|_| weeks.len() > 1) {
        let count = format::count(n as u64, lang);
        let mondays: Vec<String> = tied.iter().map(|&d| format::date(d, lang)).collect();
        sentence += &match tied.len() {
            1 => tr!(
                lang,
                " ; la semaine la plus chargée, celle du {}, en compte {count}",
                "; the busiest week, that of {}, holds {count}",
                mondays[0],
            ),
            2..=MOST_TIED => {
                // « celles du 12 mars 2018 et du 16 avril 2018 », "those of 12 March 2018 and …".
                let of: Vec<String> = mondays
                    .iter()
                    .map(|monday| tr!(lang, "du {monday}", "{monday}"))
                    .collect();
                tr!(
                    lang,
                    " ; les semaines les plus chargées, celles {}, en comptent {count} chacune",
                    "; the busiest weeks, those of {}, hold {count} each",
                    format::list(&of, lang),
                )
            }
            k => tr!(
                lang,
                " ; {k} semaines en comptent chacune {count}, le plus grand nombre",
                "; {k} weeks hold {count} each, the most of any week",
            ),
        };
    }
    sentence + "."
}

/// « Python est la technologie la plus employée (23 défis la déclarent ou la montrent dans leur
/// code) ; TypeScript pèse le plus dans le code analysé (31 % des octets). »
pub fn technologies(cohort: &Cohort, selection: &Selection, lang: Lang) -> String {
    let (by, _) = defis_per_technology(cohort, selection);
    let counts = defis_using(&by);
    let Some((tied, n)) = leaders(&counts) else {
        return lang
            .pick(
                "Aucune technologie relevée pour cette sélection.",
                "No technology recorded for this selection.",
            )
            .into();
    };
    let names: Vec<String> = tied
        .iter()
        .map(|tech| cohort.technology_label(tech, lang).name)
        .collect();
    let mut sentence = match names.len() {
        1 => tr!(
            lang,
            "{} est la technologie la plus employée ({} la déclarent ou la montrent dans leur code)",
            "{} is the most used technology ({} declare it or show it in their code)",
            names[0],
            format::defis(n, lang)
        ),
        2..=MOST_TIED => tr!(
            lang,
            "{} sont les technologies les plus employées ({} chacune la déclarent ou la montrent dans leur code)",
            "{} are the most used technologies ({} each declare it or show it in their code)",
            format::list(&names, lang),
            format::defis(n, lang)
        ),
        k => tr!(
            lang,
            "{k} technologies sont les plus employées ({} chacune la déclarent ou la montrent dans leur code)",
            "{k} technologies are the most used ({} each declare it or show it in their code)",
            format::defis(n, lang)
        ),
    };
    let bytes = language_bytes(cohort, selection);
    let mut per_language: BTreeMap<&str, u64> = BTreeMap::new();
    for ((_, language), b) in &bytes.bytes {
        let cell = per_language.entry(language.as_str()).or_default();
        *cell = cell.saturating_add(*b);
    }
    let total: f64 = per_language.values().map(|&b| b as f64).sum();
    let heaviest = per_language
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)));
    if let Some((language, b)) = heaviest.filter(|_| total > 0.0) {
        sentence += &tr!(
            lang,
            " ; {language} pèse le plus dans le code analysé ({} des octets)",
            "; {language} weighs the most in the scanned code ({} of the bytes)",
            format::percent(*b as f64 / total, lang)
        );
    }
    sentence + "."
}

/// « 5 des 8 défis observés 12 mois après leur fin y étaient encore vivants ; sur 12 défis dont le
/// scan distingue les personnes et dont la copie va au-delà de la fin, 9 ont des commits humains
/// après leur fin et 6 ont été repris par de nouvelles personnes. » The 9 are the bars of « Qui a
/// repris le code ? ».
pub fn code_after(cohort: &Cohort, selection: &Selection, lang: Lang) -> String {
    let lived = lived_on(cohort, selection);
    if lived.defis_with_code == 0 {
        return lang
            .pick(
                "Aucun défi de cette sélection n'a de code analysé.",
                "No défi of this selection has scanned code.",
            )
            .into();
    }
    let twelve = lived.alive_at_12;
    let mut sentence = if twelve.observed == 0 {
        tr!(
            lang,
            "{} au code analysé, aucun observé 12 mois après sa fin",
            "{} with scanned code, none observed 12 months after its end",
            format::defis(lived.defis_with_code, lang)
        )
    } else {
        let alive = format::count(twelve.alive as u64, lang);
        let observed = format::defis(twelve.observed, lang);
        if twelve.alive > 1 {
            tr!(
                lang,
                "{alive} des {observed} observés 12 mois après leur fin y étaient encore vivants",
                "{alive} of the {observed} observed 12 months after their end were still alive then",
            )
        } else {
            tr!(
                lang,
                "{alive} des {observed} observés 12 mois après leur fin y était encore vivant",
                "{alive} of the {observed} observed 12 months after their end was still alive then",
            )
        }
    };
    if lived.with_people > 0 {
        sentence += &tr!(
            lang,
            " ; sur {} dont le scan distingue les personnes et dont la copie va au-delà de la fin, {}",
            "; of {} whose scan tells people apart and whose copy goes past their end, {}",
            format::defis(lived.with_people, lang),
            handed_over(lived.with_commits_after, lived.taken_over, lang)
        );
    }
    sentence + "."
}

/// « 9 ont des commits humains après leur fin et 6 ont été repris par de nouvelles personnes ».
fn handed_over(with_commits_after: usize, taken_over: usize, lang: Lang) -> String {
    let after = match with_commits_after {
        0 => {
            return lang
                .pick(
                    "aucun n'a de commit humain après sa fin",
                    "none has a human commit after its end",
                )
                .into()
        }
        1 => lang
            .pick(
                "1 a des commits humains après sa fin",
                "1 has human commits after its end",
            )
            .to_string(),
        n => tr!(
            lang,
            "{} ont des commits humains après leur fin",
            "{} have human commits after their end",
            format::count(n as u64, lang)
        ),
    };
    let taken = match taken_over {
        0 => lang
            .pick(
                "aucun n'a été repris par de nouvelles personnes",
                "none was taken over by newcomers",
            )
            .to_string(),
        1 => lang
            .pick(
                "1 a été repris par de nouvelles personnes",
                "1 was taken over by newcomers",
            )
            .to_string(),
        n => tr!(
            lang,
            "{} ont été repris par de nouvelles personnes",
            "{} were taken over by newcomers",
            format::count(n as u64, lang)
        ),
    };
    tr!(lang, "{after} et {taken}", "{after} and {taken}")
}

/// « 42 % des défis publient leur code ; 79 % des 29 défis aux dépôts analysés (code ou
/// documentation) ont une licence »,
/// as the key figures say it.
pub fn openness(cohort: &Cohort, selection: &Selection, lang: Lang) -> String {
    let Some(with_code) = key_figures(cohort, selection).with_code else {
        return lang
            .pick(
                "Aucun défi ne répond à ces filtres.",
                "No défi matches these filters.",
            )
            .into();
    };
    let mut sentence = tr!(
        lang,
        "{} des défis publient leur code",
        "{} of the défis publish their code",
        format::percent(with_code, lang)
    );
    let repositories = repository_figures(cohort, selection);
    if let Some(licensed) = repositories.licensed_share {
        // Not « de ceux » (those that publish): the défis with scanned repositories are another set.
        sentence += &tr!(
            lang,
            " ; {} des {} aux dépôts analysés (code ou documentation) ont une licence",
            "; {} of the {} with scanned repositories (code or documentation) have a licence",
            format::percent(licensed, lang),
            format::defis(repositories.analysed_defis, lang)
        );
    }
    sentence + "."
}
