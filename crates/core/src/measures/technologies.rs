//! Technologies and openness from the export: what each défi declares and what its code shows,
//! the `tech` filter's test, and the data of the three charts « Technologies par promotion »,
//! « Langages dans le code » and « Ouverture » (the programme's four indicators).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::chart::{BarChart, Category, ChartId, Layout, Orientation, Series};
use crate::model::cohort::{Cohort, Selection};
use crate::contract::export::{Export, OpennessKind};
use crate::{tr, base::lang::Lang, base::lang::Text};

/// Where a défi's use of a technology comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Uses {
    /// A firm mention in its declared stack.
    pub declared: bool,
    /// A tentative mention only.
    pub tentative: bool,
    /// Its scanned code: a language's bytes or a manifest's dependency.
    pub measured: bool,
}

impl Uses {
    /// Counted: declared firmly or measured.
    pub fn any(self) -> bool {
        self.declared || self.measured
    }

    /// « déclarée », « mesurée », « déclarée et mesurée ».
    pub fn words(self, lang: Lang) -> &'static str {
        match (self.declared, self.measured) {
            (true, true) => lang.pick("déclarée et mesurée", "declared and measured"),
            (true, false) => lang.pick("déclarée", "declared"),
            (false, true) => lang.pick("mesurée dans le code", "measured in the code"),
            (false, false) => lang.pick("envisagée", "considered"),
        }
    }
}

/// How défi `defi_id` uses technology `tech`.
pub fn uses(export: &Export, defi_id: &str, tech: &str) -> Uses {
    let mut uses = Uses::default();
    for stack in export
        .stacks
        .iter()
        .filter(|s| s.defi_id.as_deref() == Some(defi_id))
    {
        for mention in stack
            .mentions
            .iter()
            .filter(|m| m.technology_id.as_deref() == Some(tech))
        {
            if mention.tentative {
                uses.tentative = true;
            } else {
                uses.declared = true;
            }
        }
    }
    uses.measured = export
        .activity
        .iter()
        .filter(|a| a.defi_id == defi_id)
        .any(|a| {
            a.frameworks.iter().any(|f| f == tech)
                || a.languages
                    .iter()
                    .any(|l| l.technology_id.as_deref() == Some(tech))
        });
    uses
}

/// A technology's label and kind label; the id itself when the export does not name it.
pub fn label(export: &Export, tech: &str, lang: Lang) -> (String, String) {
    match export.technologies.iter().find(|t| t.id == tech) {
        Some(t) => (t.label.clone(), t.kind.label(lang).to_string()),
        None => (tech.to_string(), String::new()),
    }
}

/// Every technology a défi uses (declared firmly or tentatively, or measured), in table order.
pub fn defi_technologies(export: &Export, defi_id: &str) -> Vec<(String, Uses)> {
    export
        .technologies
        .iter()
        .map(|t| (t.id.clone(), uses(export, defi_id, &t.id)))
        .filter(|(_, u)| u.any() || u.tentative)
        .collect()
}

/// (promotion, technology) → the défis that declare it firmly [0] and whose code shows it [1].
type DefisPerTechnology = BTreeMap<(String, String), [HashSet<usize>; 2]>;

/// The défis that declare firmly or whose code shows each technology, per promotion, and the
/// promotions that have any.
fn counts(cohort: &Cohort, selection: &Selection) -> (DefisPerTechnology, Vec<String>) {
    let export = &cohort.export;
    let selected: HashSet<usize> = selection.defis.iter().copied().collect();
    let mut by = DefisPerTechnology::new();
    for stack in &export.stacks {
        let Some(d) = stack
            .defi_id
            .as_deref()
            .and_then(|id| cohort.defi_index(id))
        else {
            continue;
        };
        if !selected.contains(&d) {
            continue;
        }
        for mention in stack.mentions.iter().filter(|m| !m.tentative) {
            if let Some(tech) = &mention.technology_id {
                by.entry((export.defis[d].promotion_id.clone(), tech.clone()))
                    .or_default()[0]
                    .insert(d);
            }
        }
    }
    for (r, activity) in export.activity.iter().enumerate() {
        let Some(d) = cohort.repository_defi(r) else {
            continue;
        };
        if !selected.contains(&d) {
            continue;
        }
        let techs = activity.frameworks.iter().chain(
            activity
                .languages
                .iter()
                .filter_map(|l| l.technology_id.as_ref()),
        );
        for tech in techs {
            by.entry((export.defis[d].promotion_id.clone(), tech.clone()))
                .or_default()[1]
                .insert(d);
        }
    }
    let promotions = export
        .promotions
        .iter()
        .map(|p| p.id.clone())
        .filter(|p| by.keys().any(|(q, _)| q == p))
        .collect();
    (by, promotions)
}

/// How many technologies « Technologies par promotion » names.
pub const TOP_TECHNOLOGIES: usize = 15;

/// The most used technologies by number of défis, per promotion, declared and measured as
/// separate series (« EIG 3 · déclarée », « EIG 3 · mesurée »); a category per technology,
/// labelled with its kind.
pub fn technologies_by_promotion(cohort: &Cohort, selection: &Selection, lang: Lang) -> BarChart {
    let export = &cohort.export;
    let (by, promotions) = counts(cohort, selection);
    let mut series = Vec::new();
    for p in &promotions {
        let label = cohort.promotion(p).map_or(p.as_str(), |q| q.label.as_str());
        for (source, fr, en) in [(0, "déclarée", "declared"), (1, "mesurée", "measured")] {
            if by
                .iter()
                .any(|((q, _), sets)| q == p && !sets[source].is_empty())
            {
                series.push((
                    p.clone(),
                    source,
                    Series {
                        key: format!("{p}-{}", ["declared", "measured"][source]),
                        label: format!("{label} · {}", lang.pick(fr, en)),
                        color: series.len(),
                    },
                ));
            }
        }
    }
    // Technologies ranked by their largest count, then by label.
    let mut best: HashMap<&str, usize> = HashMap::new();
    for ((_, tech), sets) in &by {
        let n = sets[0].len().max(sets[1].len());
        let entry = best.entry(tech.as_str()).or_default();
        *entry = (*entry).max(n);
    }
    let mut ranked: Vec<(&str, usize)> = best.into_iter().collect();
    ranked.sort_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| {
            label(export, a.0, lang)
                .0
                .to_lowercase()
                .cmp(&label(export, b.0, lang).0.to_lowercase())
        })
    });
    ranked.truncate(TOP_TECHNOLOGIES);
    let categories: Vec<Category> = ranked
        .iter()
        .map(|(tech, _)| {
            let (name, kind) = label(export, tech, lang);
            Category::new(
                tech.to_string(),
                if kind.is_empty() {
                    name
                } else {
                    format!("{name} ({kind})")
                },
            )
        })
        .collect();
    let values = ranked
        .iter()
        .map(|(tech, _)| {
            series
                .iter()
                .map(|(p, source, _)| {
                    by.get(&(p.clone(), tech.to_string()))
                        .map_or(0.0, |sets| sets[*source].len() as f64)
                })
                .collect()
        })
        .collect();
    BarChart::new(
        ChartId::TechnologiesByPromotion,
        categories,
        series.into_iter().map(|(_, _, s)| s).collect(),
        values,
        "défis",
    )
    .with_layout(Layout::Grouped)
    .with_orientation(Orientation::Horizontal)
}

/// How many languages « Langages dans le code » names before « Autres ».
pub const TOP_LANGUAGES: usize = 8;

/// Share of the bytes of code per language, per promotion, from the scanned repositories of
/// the selected défis (100 % bars; the smaller languages as « Autres »).
pub fn languages_by_promotion(cohort: &Cohort, selection: &Selection, lang: Lang) -> BarChart {
    let export = &cohort.export;
    let selected: HashSet<usize> = selection.defis.iter().copied().collect();
    let mut bytes: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut repositories: HashMap<String, usize> = HashMap::new();
    for (r, activity) in export.activity.iter().enumerate() {
        let Some(d) = cohort.repository_defi(r).filter(|d| selected.contains(d)) else {
            continue;
        };
        let promotion = &export.defis[d].promotion_id;
        *repositories.entry(promotion.clone()).or_default() += 1;
        for language in &activity.languages {
            *bytes
                .entry((promotion.clone(), language.language.clone()))
                .or_default() += language.bytes;
        }
    }
    let mut totals: HashMap<&str, u64> = HashMap::new();
    for ((_, language), n) in &bytes {
        *totals.entry(language.as_str()).or_default() += n;
    }
    let mut ranked: Vec<(&str, u64)> = totals.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let named: Vec<&str> = ranked.iter().take(TOP_LANGUAGES).map(|(l, _)| *l).collect();
    let others = ranked.len() > TOP_LANGUAGES;
    let mut series: Vec<Series> = named
        .iter()
        .enumerate()
        .map(|(i, l)| Series {
            key: l.to_string(),
            label: l.to_string(),
            color: i,
        })
        .collect();
    if others {
        series.push(Series {
            key: "autres".into(),
            label: lang.pick("Autres", "Others").into(),
            color: TOP_LANGUAGES,
        });
    }
    let promotions: Vec<&crate::contract::export::Promotion> = export
        .promotions
        .iter()
        .filter(|p| repositories.contains_key(&p.id))
        .collect();
    let categories = promotions
        .iter()
        .map(|p| {
            Category::new(p.id.clone(), p.label.clone()).with_note(tr!(
                lang,
                "{} dépôts analysés",
                "{} repositories scanned",
                repositories[&p.id]
            ))
        })
        .collect();
    let values = promotions
        .iter()
        .map(|p| {
            let mut row = vec![0.0; series.len()];
            for ((q, language), n) in &bytes {
                if q != &p.id {
                    continue;
                }
                let s = named
                    .iter()
                    .position(|l| l == language)
                    .unwrap_or(TOP_LANGUAGES);
                if let Some(cell) = row.get_mut(s) {
                    *cell += *n as f64;
                }
            }
            row
        })
        .collect();
    BarChart::new(
        ChartId::LanguagesByPromotion,
        categories,
        series,
        values,
        lang.pick("part des octets de code", "share of the bytes of code"),
    )
    .with_layout(Layout::Normalized)
    .with_orientation(Orientation::Horizontal)
}

/// The note that marks a promotion without an openness record; [`is_undocumented`] reads it.
pub fn undocumented_note(lang: Lang) -> &'static str {
    lang.pick("non documenté", "not documented")
}

/// True for a category of « Ouverture » whose promotion has no record.
pub fn is_undocumented(category: &Category, lang: Lang) -> bool {
    category.note.as_deref() == Some(undocumented_note(lang))
}

/// The programme's four « Ouverture » indicators: défis with code online (a repository or a
/// library), with a library published, with a dataset opened, with an upstream contribution,
/// per promotion, from the openness records; promotions without a record are « non documenté ».
pub fn openness_indicators(cohort: &Cohort, selection: &Selection, lang: Lang) -> BarChart {
    let export = &cohort.export;
    const INDICATORS: [(&str, &[OpennessKind], Text); 4] = [
        (
            "code",
            &[OpennessKind::Repository, OpennessKind::Library],
            Text::fixed("Code en ligne", "Code online"),
        ),
        (
            "library",
            &[OpennessKind::Library],
            Text::fixed("Bibliothèque publiée", "Library published"),
        ),
        (
            "dataset",
            &[OpennessKind::Dataset],
            Text::fixed("Jeu de données ouvert", "Dataset opened"),
        ),
        (
            "upstream",
            &[OpennessKind::Upstream],
            Text::fixed("Contribution à un projet existant", "Upstream contribution"),
        ),
    ];
    let selected: HashSet<usize> = selection.defis.iter().copied().collect();
    let categories: Vec<Category> = export
        .promotions
        .iter()
        .map(|p| {
            let documented = export.openness_records.contains(&p.id);
            if documented {
                Category::new(p.id.clone(), p.label.clone())
            } else {
                let note = undocumented_note(lang);
                Category::new(p.id.clone(), format!("{} ({note})", p.label)).with_note(note)
            }
        })
        .collect();
    let values = export
        .promotions
        .iter()
        .map(|p| {
            INDICATORS
                .iter()
                .map(|(_, kinds, _)| {
                    let defis: HashSet<usize> = export
                        .openness_items
                        .iter()
                        .filter(|i| i.promotion_id == p.id && kinds.contains(&i.kind))
                        .filter_map(|i| i.defi_id.as_deref().and_then(|id| cohort.defi_index(id)))
                        .filter(|d| selected.contains(d))
                        .collect();
                    defis.len() as f64
                })
                .collect()
        })
        .collect();
    BarChart::new(
        ChartId::OpennessIndicators,
        categories,
        INDICATORS
            .iter()
            .enumerate()
            .map(|(i, (key, _, label))| Series {
                key: key.to_string(),
                label: label.get(lang).to_string(),
                color: i,
            })
            .collect(),
        values,
        "défis",
    )
    .with_layout(Layout::Grouped)
}

/// What a défi's panel says of its technologies and openness, as plain words and links.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DefiCard {
    /// False when the promotion's stack record leaves the défi empty (« non documenté »);
    /// `None` when no stack record covers the défi.
    pub documented: Option<bool>,
    /// Declared: (label, kind, tentative).
    pub declared: Vec<(String, String, bool)>,
    /// Measured languages: (language, share of the bytes), most first.
    pub languages: Vec<(String, f64)>,
    /// Measured frameworks' labels.
    pub frameworks: Vec<String>,
    /// Openness items: (kind label, text, http(s) link when there is one).
    pub openness: Vec<(String, String, Option<String>)>,
}

pub fn defi_card(export: &Export, defi_id: &str, lang: Lang) -> DefiCard {
    let mut card = DefiCard::default();
    for stack in export
        .stacks
        .iter()
        .filter(|s| s.defi_id.as_deref() == Some(defi_id))
    {
        card.documented = Some(card.documented.unwrap_or(false) || stack.documented);
        for mention in &stack.mentions {
            let (name, kind) = match &mention.technology_id {
                Some(id) => label(export, id, lang),
                None => (mention.raw.clone(), String::new()),
            };
            if !card
                .declared
                .iter()
                .any(|(n, _, t)| *n == name && *t == mention.tentative)
            {
                card.declared.push((name, kind, mention.tentative));
            }
        }
    }
    let mut bytes: BTreeMap<String, u64> = BTreeMap::new();
    let mut frameworks = BTreeSet::new();
    for activity in export.activity.iter().filter(|a| a.defi_id == defi_id) {
        for language in &activity.languages {
            *bytes.entry(language.language.clone()).or_default() += language.bytes;
        }
        for framework in &activity.frameworks {
            frameworks.insert(label(export, framework, lang).0);
        }
    }
    let total: u64 = bytes.values().sum();
    let mut languages: Vec<(String, f64)> = bytes
        .into_iter()
        .map(|(l, n)| (l, n as f64 / total.max(1) as f64))
        .collect();
    languages.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    card.languages = languages;
    card.frameworks = frameworks.into_iter().collect();
    card.openness = export
        .openness_items
        .iter()
        .filter(|i| i.defi_id.as_deref() == Some(defi_id))
        .map(|i| {
            let kind = i.kind.label(lang);
            let url = i
                .url
                .clone()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
            (kind.to_string(), i.text.clone(), url)
        })
        .collect();
    card
}
