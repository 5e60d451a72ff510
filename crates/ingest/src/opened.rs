//! An openness record (eig-link's `ouverture_2018.org`) as items: what kind, which link, which
//! défi — from the text, the URL (the catalogue's links, a défi's name in the host or path) or a
//! GitHub handle of `personnes.yml` — and why.

use eig_pulse_core::contract::export::{OpennessItem, OpennessKind};

use crate::names::{compact_key, fold, DefiNames, NameMatch};
use crate::outline::Record;
use crate::report::{Finding, Report};
use crate::urls::{github_path, is_web_url, without_www};

/// What a section's items are.
enum Section {
    Kind(OpennessKind),
    /// The « outils communs » section mixes them: its GitHub repositories are `repository`, the
    /// rest `website`.
    RepositoryOrWebsite,
}

/// Section titles (folded, by prefix) → what their items are.
const SECTIONS: [(&str, Section); 11] = [
    ("sites web publies", Section::Kind(OpennessKind::Website)),
    (
        "contributions a des sites internes",
        Section::Kind(OpennessKind::Website),
    ),
    (
        "contribution a l'ouverture de jeux de donnees",
        Section::Kind(OpennessKind::Dataset),
    ),
    // décision : contribuer à des données déjà ouvertes (les icônes de l'OHI) est une
    // contribution à un projet existant, pas l'ouverture d'un jeu de données.
    (
        "contribution a des donnees deja ouvertes",
        Section::Kind(OpennessKind::Upstream),
    ),
    (
        "contribution a des outils communs",
        Section::RepositoryOrWebsite,
    ),
    (
        "depots de code source",
        Section::Kind(OpennessKind::Repository),
    ),
    (
        "comptes d'organisation",
        Section::Kind(OpennessKind::Organisation),
    ),
    (
        "contribution de nouvelles bibliotheques",
        Section::Kind(OpennessKind::Library),
    ),
    (
        "contributions a des projets open source externes",
        Section::Kind(OpennessKind::Upstream),
    ),
    (
        "contributions a des q&a",
        Section::Kind(OpennessKind::Answer),
    ),
    (
        "contributions exterieures a des projets eig",
        Section::Kind(OpennessKind::Inbound),
    ),
];

/// What a catalogue défi offers for attribution.
pub struct DefiLinks {
    pub id: String,
    /// Its name's compact key (`signauxfaibles`).
    pub compact: String,
    /// Its `source_code` and `website`, valid URLs.
    pub urls: Vec<String>,
}

/// Host labels too common to name a défi.
const COMMON_LABELS: [&str; 6] = [
    "github",
    "gitlab",
    "culture",
    "gouvernement",
    "etalab",
    "interieur",
];

impl DefiLinks {
    /// The défi's names for rule 3: its title, its catalogue repositories' names, the labels of
    /// its website's host (`snosan` of `www.snosan.fr`), as compact keys.
    fn names(&self) -> Vec<String> {
        let mut names = vec![self.compact.clone()];
        for link in &self.urls {
            let Ok(url) = url::Url::parse(link) else {
                continue;
            };
            match (url.host_str(), github_path(link)) {
                (_, Some(path)) if !path.repository.is_empty() => {
                    names.push(compact_key(&path.repository));
                }
                (Some(host), None) => {
                    let labels: Vec<&str> = host.split('.').collect();
                    // The top-level domain and `www` aside.
                    for label in &labels[..labels.len().saturating_sub(1)] {
                        let key = compact_key(label);
                        if key != "www" && !COMMON_LABELS.contains(&key.as_str()) {
                            names.push(key);
                        }
                    }
                }
                _ => {}
            }
        }
        names
    }
}

/// A GitHub handle with the défi names its person lists.
pub struct Handle {
    pub github: String,
    pub defis: Vec<String>,
}

/// What an item may be attributed by: the défis' names, the défis of the record's promotion
/// with their links, the GitHub handles of `personnes.yml`.
pub struct Attribution<'a> {
    pub names: &'a DefiNames,
    /// The défis of the record's promotion.
    pub defis: &'a [DefiLinks],
    pub handles: &'a [Handle],
}

/// The items of an openness record. Into `report`, in this order: the section titles that
/// name no known kind (their items are filed as `other`), the items attributed to no défi, the
/// items the record doubts.
pub fn items(record: &Record, who: &Attribution, report: &mut Report) -> Vec<OpennessItem> {
    let mut items = Vec::new();
    let mut unknown = Vec::new();
    for heading in &record.headings {
        let folded = fold(&heading.title);
        let section = match SECTIONS
            .iter()
            .find(|(prefix, _)| folded.starts_with(prefix))
        {
            Some((_, Section::Kind(kind))) => Section::Kind(kind.clone()),
            Some((_, Section::RepositoryOrWebsite)) => Section::RepositoryOrWebsite,
            None if folded.starts_with("articles") => Section::Kind(OpennessKind::Article),
            None => {
                let title = heading.title.clone();
                unknown.push((heading.line, Finding::UnknownOpennessSection { title }));
                Section::Kind(OpennessKind::Other)
            }
        };
        for (index, item) in heading.items.iter().enumerate() {
            let mut urls: Vec<String> = item.urls.clone();
            for word in item.text.split_whitespace() {
                let word = word.trim_matches(|c: char| "()[],;".contains(c));
                if (word.starts_with("http://") || word.starts_with("https://"))
                    && !urls.iter().any(|u| u == word)
                {
                    urls.push(word.to_string());
                }
            }
            urls.retain(|u| is_web_url(u));
            // Several links written as links are several things; a bare URL in parentheses
            // after another is the same site's other address.
            let links: Vec<Option<String>> = match (item.urls.len(), urls.first()) {
                (n, _) if n > 1 => urls.iter().cloned().map(Some).collect(),
                (_, first) => vec![first.cloned()],
            };
            let to_check = heading.to_check.get(index).copied().unwrap_or(false)
                || item.text.contains('?')
                || fold(&item.text).contains("a verifier");
            for url in links {
                let kind = match (&section, url.as_deref()) {
                    (Section::RepositoryOrWebsite, Some(u)) if github_path(u).is_some() => {
                        OpennessKind::Repository
                    }
                    (Section::RepositoryOrWebsite, _) => OpennessKind::Website,
                    (Section::Kind(kind), _) => kind.clone(),
                };
                let (defi_id, reason) =
                    match attribute(&item.text, url.as_deref(), record.year, who) {
                        Some((id, reason)) => (Some(id), Some(reason.to_string())),
                        None => (None, None),
                    };
                items.push(OpennessItem {
                    promotion_id: record.promotion_id.to_string(),
                    kind,
                    url,
                    text: item.text.clone(),
                    defi_id,
                    reason,
                    to_check,
                });
            }
        }
    }
    for (line, finding) in unknown {
        report.add(&record.source.name, Some(line), finding);
    }
    for item in items.iter().filter(|i| i.defi_id.is_none()) {
        let finding = Finding::UnattributedOpenness {
            kind: item.kind.clone(),
            item: item.url.clone().unwrap_or_else(|| item.text.clone()),
        };
        report.add(&record.source.name, None, finding);
    }
    for item in items.iter().filter(|i| i.to_check) {
        let finding = Finding::DoubtedOpenness {
            kind: item.kind.clone(),
            item: item.text.clone(),
        };
        report.add(&record.source.name, None, finding);
    }
    items
}

/// The défi an item is about, and the reason: `text`, `catalogue`, `host`, `github-handle`.
fn attribute(
    text: &str,
    url: Option<&str>,
    year: i32,
    who: &Attribution,
) -> Option<(String, &'static str)> {
    let in_promotion = |id: &str| who.defis.iter().any(|d| d.id == id);
    // 1. A défi named in the text: before a colon, or in parentheses (« via EIG Link / Etalab »).
    let mut phrases: Vec<&str> = Vec::new();
    if let Some((before, _)) = text.split_once(':') {
        if !before.contains("//") {
            phrases.push(before);
        }
    }
    for part in text.split('(').skip(1) {
        let inside = part.split(')').next().unwrap_or("");
        if !inside.contains("://") {
            phrases.extend(inside.split(['/', ',']));
        }
    }
    for phrase in phrases {
        let phrase = phrase.trim().trim_start_matches("via ").trim();
        if let NameMatch::Exact(id) | NameMatch::Approximate(id, _) = who.names.find(phrase, year) {
            if in_promotion(&id) {
                return Some((id, "text"));
            }
        }
    }
    let url = url?;
    let parsed = url::Url::parse(url).ok()?;
    let host = without_www(parsed.host_str()?).to_lowercase();
    // 2. The catalogue's links: same site (or a subdomain of it), or under the same GitHub path.
    for defi in who.defis {
        for link in &defi.urls {
            let Ok(link_url) = url::Url::parse(link) else {
                continue;
            };
            let Some(link_host) = link_url.host_str() else {
                continue;
            };
            let link_host = without_www(link_host).to_lowercase();
            if link_host == "github.com" || link_host == "gitlab.com" {
                let base = link.trim_end_matches('/').to_lowercase();
                let this = url.trim_end_matches('/').to_lowercase();
                if this == base || this.starts_with(&format!("{base}/")) {
                    return Some((defi.id.clone(), "catalogue"));
                }
            } else if host == link_host || host.ends_with(&format!(".{link_host}")) {
                return Some((defi.id.clone(), "catalogue"));
            }
        }
    }
    // 3. A défi's name in the host or the path (`archifiltre.io`, `…/topics/predisauvetage`).
    let where_ = compact_key(&format!("{host} {}", parsed.path()));
    let named: Vec<&DefiLinks> = who
        .defis
        .iter()
        .filter(|d| {
            d.names()
                .iter()
                .any(|name| name.len() >= 6 && where_.contains(name.as_str()))
        })
        .collect();
    if let [defi] = named.as_slice() {
        return Some((defi.id.clone(), "host"));
    }
    // 4. A GitHub handle of personnes.yml: github.com/<handle>, <handle>.github.io, bl.ocks.org/<handle>.
    let handle = match (host.as_str(), host.strip_suffix(".github.io")) {
        (_, Some(user)) => Some(user.to_string()),
        ("github.com" | "bl.ocks.org", _) => parsed
            .path_segments()?
            .find(|p| !p.is_empty())
            .map(str::to_string),
        _ => None,
    }?;
    let person = who
        .handles
        .iter()
        .find(|h| h.github.eq_ignore_ascii_case(&handle))?;
    let mut ids: Vec<String> = person
        .defis
        .iter()
        .filter_map(|name| match who.names.find(name, year) {
            NameMatch::Exact(id) | NameMatch::Approximate(id, _) => Some(id),
            NameMatch::None => None,
        })
        .filter(|id| in_promotion(id))
        .collect();
    ids.dedup();
    match ids.as_slice() {
        [id] => Some((id.clone(), "github-handle")),
        _ => None,
    }
}
