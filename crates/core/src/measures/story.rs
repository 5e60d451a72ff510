//! The one sentence each part of the page opens with, written from the selection's figures: who
//! hosted the défis, what the 2018 journal holds, which technologies lead, whether the code lived
//! on, how much is open. The page and its static twin say the same.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::activity::repository_figures;
use super::key_figures::key_figures;
use super::lived_on::lived_on;
use super::technologies::{defis_per_technology, language_bytes};
use crate::base::format;
use crate::base::lang::Lang;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

/// The largest count, the first key in order among equals.
fn leader<K: Ord + Clone>(counts: &BTreeMap<K, usize>) -> Option<(K, usize)> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(k, n)| (k.clone(), *n))
}

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
    if let Some((host, n)) = leader(&hosts).filter(|(_, n)| *n < figures.defis) {
        sentence += &tr!(
            lang,
            " — {host} le plus souvent ({n})",
            " — {host} most often ({n})"
        );
    }
    if let Some((skill, n)) = leader(&skills) {
        let skill = cohort.skill_label(skill, lang).to_lowercase();
        sentence += &tr!(
            lang,
            " ; la compétence la plus demandée : {skill} ({})",
            "; the skill most asked for: {skill} ({})",
            format::defis(n, lang)
        );
    }
    sentence + "."
}

/// « Du 13 février au 3 août 2018, l'équipe d'accompagnement a noté 1 544 entrées pour 13 défis ;
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
    let mut weeks: BTreeMap<time::Date, usize> = BTreeMap::new();
    for &e in entries {
        if let Some(monday) = cohort.journal_monday(e) {
            *weeks.entry(monday).or_default() += 1;
        }
    }
    let span = format::day_span(Some(first), Some(last), lang).unwrap_or_default();
    let mut sentence = tr!(
        lang,
        "{}{}, l'équipe d'accompagnement a noté {} entrées de journal pour {}",
        "{}{}, the support team wrote {} journal entries for {}",
        span.get(..1).unwrap_or_default().to_uppercase(),
        span.get(1..).unwrap_or_default(),
        format::count(entries.len() as u64, lang),
        format::defis(defis.len(), lang),
    );
    if let Some((monday, n)) = leader(&weeks).filter(|_| weeks.len() > 1) {
        sentence += &tr!(
            lang,
            " ; la semaine la plus chargée, celle du {}, en compte {}",
            "; the busiest week, that of {}, holds {}",
            format::date(monday, lang),
            format::count(n as u64, lang),
        );
    }
    sentence + "."
}

/// « Python est la technologie la plus employée (23 défis la déclarent ou la montrent dans leur
/// code) ; TypeScript pèse le plus dans le code analysé (31 % des octets). »
pub fn technologies(cohort: &Cohort, selection: &Selection, lang: Lang) -> String {
    let (by, _) = defis_per_technology(cohort, selection);
    let mut users: HashMap<&str, HashSet<usize>> = HashMap::new();
    for ((_, tech), defis) in &by {
        let set = users.entry(tech.as_str()).or_default();
        set.extend(defis.declared.iter().chain(&defis.measured));
    }
    let counts: BTreeMap<&str, usize> = users.iter().map(|(t, d)| (*t, d.len())).collect();
    let Some((tech, n)) = leader(&counts) else {
        return lang
            .pick(
                "Aucune technologie relevée pour cette sélection.",
                "No technology recorded for this selection.",
            )
            .into();
    };
    let name = cohort.technology_label(tech, lang).name;
    let mut sentence = tr!(
        lang,
        "{name} est la technologie la plus employée ({} la déclarent ou la montrent dans leur code)",
        "{name} is the most used technology ({} declare it or show it in their code)",
        format::defis(n, lang)
    );
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

/// « 5 des 8 défis observés 12 mois après leur fin y étaient encore vivants ; 6 des 12 dont le
/// scan distingue les personnes ont été repris par de nouvelles personnes. »
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
        let taken = format::count(lived.taken_over as u64, lang);
        let told = format::count(lived.with_people as u64, lang);
        sentence += &if lived.taken_over > 1 {
            tr!(
                lang,
                " ; {taken} des {told} dont le scan distingue les personnes ont été repris par de nouvelles personnes",
                "; {taken} of the {told} whose scan tells people apart were taken over by newcomers",
            )
        } else {
            tr!(
                lang,
                " ; {taken} des {told} dont le scan distingue les personnes a été repris par de nouvelles personnes",
                "; {taken} of the {told} whose scan tells people apart was taken over by newcomers",
            )
        };
    }
    sentence + "."
}

/// « 42 % des défis publient leur code ; 79 % de ceux aux dépôts analysés ont une licence »,
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
    if let Some(licensed) = repository_figures(cohort, selection).licensed_share {
        sentence += &tr!(
            lang,
            " ; {} de ceux aux dépôts analysés ont une licence",
            "; {} of those with scanned repositories have a licence",
            format::percent(licensed, lang)
        );
    }
    sentence + "."
}
