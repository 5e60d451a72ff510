//! Technologies and openness in numbers: which défis declare or show each technology per
//! promotion, the bytes of code per language, the programme's four openness indicators, and
//! what a défi's panel says of its own.

use crate::base::order;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::base::lang::{Lang, Text};
use crate::base::url::is_http_url;
use crate::contract::export::OpennessKind;
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;

/// The défis that declare a technology firmly, and those whose code shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TechnologyDefis {
    pub declared: HashSet<usize>,
    pub measured: HashSet<usize>,
}

impl TechnologyDefis {
    /// The défis of one source: declared, or measured.
    pub fn of(&self, source: Source) -> &HashSet<usize> {
        match source {
            Source::Declared => &self.declared,
            Source::Measured => &self.measured,
        }
    }
}

/// Where a use of a technology is read: the declared stacks, or the scanned code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Declared,
    Measured,
}

impl Source {
    pub const BOTH: [Source; 2] = [Source::Declared, Source::Measured];

    /// Its key in series keys (`2-declared`).
    pub fn key(self) -> &'static str {
        match self {
            Source::Declared => "declared",
            Source::Measured => "measured",
        }
    }

    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            Source::Declared => lang.pick("déclarée", "declared"),
            Source::Measured => lang.pick("mesurée", "measured"),
        }
    }
}

/// (promotion id, technology id) → the défis that declare it and whose code shows it.
pub type DefisPerTechnology = BTreeMap<(String, String), TechnologyDefis>;

/// Per technology, how many défis use it: declare it or show it in their code, each défi once
/// across promotions and sources. The one count by which the page ranks technologies (the
/// sentence that opens the section and the rows of the matrix).
pub fn defis_using(by: &DefisPerTechnology) -> BTreeMap<&str, usize> {
    let mut users: BTreeMap<&str, HashSet<usize>> = BTreeMap::new();
    for ((_, tech), defis) in by {
        users
            .entry(tech.as_str())
            .or_default()
            .extend(defis.declared.iter().chain(&defis.measured));
    }
    users
        .into_iter()
        .map(|(tech, defis)| (tech, defis.len()))
        .collect()
}

/// The selected défis that declare firmly or whose code shows each technology, per promotion,
/// and the promotions (export order) that have any.
pub fn defis_per_technology(
    cohort: &Cohort,
    selection: &Selection,
) -> (DefisPerTechnology, Vec<String>) {
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
                    .or_default()
                    .declared
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
        for tech in activity.technologies() {
            by.entry((export.defis[d].promotion_id.clone(), tech.clone()))
                .or_default()
                .measured
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

/// Bytes of code per (promotion id, language) in the selected défis' scanned repositories, and
/// the number of those repositories per promotion id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LanguageBytes {
    pub bytes: BTreeMap<(String, String), u64>,
    pub repositories: HashMap<String, usize>,
}

pub fn language_bytes(cohort: &Cohort, selection: &Selection) -> LanguageBytes {
    let export = &cohort.export;
    let selected: HashSet<usize> = selection.defis.iter().copied().collect();
    let mut out = LanguageBytes::default();
    for (r, activity) in export.activity.iter().enumerate() {
        let Some(d) = cohort.repository_defi(r).filter(|d| selected.contains(d)) else {
            continue;
        };
        let promotion = &export.defis[d].promotion_id;
        *out.repositories.entry(promotion.clone()).or_default() += 1;
        for language in &activity.languages {
            let cell = out
                .bytes
                .entry((promotion.clone(), language.language.clone()))
                .or_default();
            *cell = cell.saturating_add(language.bytes);
        }
    }
    out
}

/// One of the programme's four « Ouverture » indicators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    pub key: &'static str,
    /// The openness kinds that count for it.
    pub kinds: &'static [OpennessKind],
    pub label: Text,
}

/// Code online (a repository or a library), a library published, a dataset opened, an upstream
/// contribution.
pub const INDICATORS: [Indicator; 4] = [
    Indicator {
        key: "code",
        kinds: &[OpennessKind::Repository, OpennessKind::Library],
        label: Text::fixed("Code en ligne", "Code online"),
    },
    Indicator {
        key: "library",
        kinds: &[OpennessKind::Library],
        label: Text::fixed("Bibliothèque publiée", "Library published"),
    },
    Indicator {
        key: "dataset",
        kinds: &[OpennessKind::Dataset],
        label: Text::fixed("Jeu de données ouvert", "Dataset opened"),
    },
    Indicator {
        key: "upstream",
        kinds: &[OpennessKind::Upstream],
        label: Text::fixed("Contribution à un projet existant", "Upstream contribution"),
    },
];

/// One promotion's openness indicators, in défis, each of [`INDICATORS`] in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IndicatorCounts {
    /// Défis credited by at least one item the record does not doubt.
    pub counted: [usize; 4],
    /// Défis credited only by items the record itself doubts (« ? », « à vérifier »): left out of
    /// `counted`, said beside it.
    pub doubtful_only: [usize; 4],
}

/// Per promotion (export order): how many selected défis the openness records credit with each
/// indicator of [`INDICATORS`]. Items marked `to_check` never count; a défi resting only on them is
/// counted apart.
pub fn openness_indicators(cohort: &Cohort, selection: &Selection) -> Vec<IndicatorCounts> {
    let export = &cohort.export;
    let selected: HashSet<usize> = selection.defis.iter().copied().collect();
    export
        .promotions
        .iter()
        .map(|p| {
            let mut counts = IndicatorCounts::default();
            for (k, indicator) in INDICATORS.iter().enumerate() {
                let mut sound = HashSet::new();
                let mut doubtful = HashSet::new();
                for item in export
                    .openness_items
                    .iter()
                    .filter(|i| i.promotion_id == p.id && indicator.kinds.contains(&i.kind))
                {
                    let Some(d) = item.defi_id.as_deref().and_then(|id| cohort.defi_index(id))
                    else {
                        continue;
                    };
                    if selected.contains(&d) {
                        if item.to_check {
                            &mut doubtful
                        } else {
                            &mut sound
                        }
                        .insert(d);
                    }
                }
                counts.counted[k] = sound.len();
                counts.doubtful_only[k] = doubtful.difference(&sound).count();
            }
            counts
        })
        .collect()
}

/// What a défi's panel says of its technologies and openness, as plain words and links.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DefiCard {
    /// False when the promotion's stack record leaves the défi empty (« non documenté »);
    /// `None` when no stack record covers the défi.
    pub documented: Option<bool>,
    pub declared: Vec<DeclaredTechnology>,
    /// Measured languages, most bytes first.
    pub languages: Vec<LanguageShare>,
    /// Measured frameworks' labels.
    pub frameworks: Vec<String>,
    pub openness: Vec<OpennessLine>,
}

/// A technology a défi's stack names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredTechnology {
    pub name: String,
    /// Its kind in words; empty when the table names no technology for it.
    pub kind: String,
    pub tentative: bool,
}

/// A language's share of a défi's bytes of code.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageShare {
    pub language: String,
    pub share: f64,
}

/// An item of the openness records, as a défi's panel lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpennessLine {
    /// Its kind in words.
    pub kind: String,
    pub text: String,
    /// Its http(s) link, when there is one.
    pub url: Option<String>,
    /// The record itself doubts it (« ? », « à vérifier »): shown, never counted.
    pub to_check: bool,
}

pub fn defi_card(cohort: &Cohort, defi: usize, lang: Lang) -> DefiCard {
    let export = &cohort.export;
    let defi_id = export.defis[defi].id.as_str();
    let mut card = DefiCard::default();
    for stack in export
        .stacks
        .iter()
        .filter(|s| s.defi_id.as_deref() == Some(defi_id))
    {
        card.documented = Some(card.documented.unwrap_or(false) || stack.documented);
        for mention in &stack.mentions {
            let (name, kind) = match &mention.technology_id {
                Some(id) => {
                    let label = cohort.technology_label(id, lang);
                    (label.name, label.kind)
                }
                None => (mention.raw.clone(), String::new()),
            };
            if !card
                .declared
                .iter()
                .any(|t| t.name == name && t.tentative == mention.tentative)
            {
                card.declared.push(DeclaredTechnology {
                    name,
                    kind,
                    tentative: mention.tentative,
                });
            }
        }
    }
    let mut bytes: BTreeMap<String, u64> = BTreeMap::new();
    let mut frameworks = BTreeSet::new();
    for activity in export.activity.iter().filter(|a| a.defi_id == defi_id) {
        for language in &activity.languages {
            let cell = bytes.entry(language.language.clone()).or_default();
            *cell = cell.saturating_add(language.bytes);
        }
        for framework in &activity.frameworks {
            frameworks.insert(cohort.technology_label(framework, lang).name);
        }
    }
    // Shares in floating point: bytes near the contract's bound neither wrap nor saturate.
    let total: f64 = bytes.values().map(|&n| n as f64).sum();
    let mut languages: Vec<LanguageShare> = bytes
        .into_iter()
        .map(|(language, n)| LanguageShare {
            language,
            share: n as f64 / total.max(1.0),
        })
        .collect();
    order::sort_by(&mut languages, |a, b| {
        b.share
            .total_cmp(&a.share)
            .then(a.language.cmp(&b.language))
    });
    card.languages = languages;
    card.frameworks = frameworks.into_iter().collect();
    card.openness = export
        .openness_items
        .iter()
        .filter(|i| i.defi_id.as_deref() == Some(defi_id))
        .map(|i| OpennessLine {
            kind: i.kind.label(lang).to_string(),
            text: i.text.clone(),
            url: i.url.clone().filter(|u| is_http_url(u)),
            to_check: i.to_check,
        })
        .collect();
    card
}
