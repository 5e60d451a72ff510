//! Assembling the export from parsed sources, and noting every liberty taken in the report.

use std::collections::{HashMap, HashSet};

use eig_pulse_core::export::{
    Defi, Export, Issue, JournalEntry, KeyFigure, Member, Promotion, Skill, Source, SCHEMA_VERSION,
};

use crate::administrations::{self, Mention, Overrides};
use crate::journal::{self, DefiNames, NameMatch};
use crate::names::{fold, slug};
use crate::report::{Report, What};
use crate::site::{line_of, Catalogue, RawDefi};
use crate::source::{SourceError, SourceText};

/// Everything an export is built from.
pub struct Inputs {
    pub defis: SourceText,
    pub people: SourceText,
    pub skills: SourceText,
    pub promos: SourceText,
    pub journals: Vec<SourceText>,
    /// The administrations override file (`data/administrations.yml`).
    pub overrides: SourceText,
    /// RFC 3339 timestamp written into the export.
    pub generated_at: String,
}

/// Builds the export and its fidelity report; a [`SourceError`] means no export at all.
pub fn build(inputs: &Inputs) -> Result<(Export, Report), SourceError> {
    let catalogue = Catalogue::parse(
        &inputs.defis,
        &inputs.people,
        &inputs.skills,
        &inputs.promos,
    )?;
    let overrides = Overrides::parse(&inputs.overrides)?;
    let mut report = Report::default();
    for (file, repeated) in &catalogue.repeated_keys {
        report.add(
            file,
            Some(repeated.line),
            What::RepeatedKey {
                key: repeated.key.clone(),
            },
        );
    }

    let skills: Vec<Skill> = catalogue
        .skills
        .iter()
        .map(|(id, label)| Skill {
            id: id.clone(),
            label: label.clone(),
        })
        .collect();
    let promotions = promotions(&catalogue)?;
    let (mut defis, mentions) = defis(&catalogue, &skills, &promotions, &mut report)?;

    let resolution = administrations::resolve(
        &mentions
            .iter()
            .map(|(raw, website, line)| Mention {
                raw,
                website: website.as_deref(),
                line: *line,
            })
            .collect::<Vec<_>>(),
        &overrides,
    );
    for (defi, leaf) in defis.iter_mut().zip(&resolution.leaf_ids) {
        defi.administration_id = leaf.clone();
    }
    for (line, what) in resolution.findings {
        report.add(&catalogue.defis_file, line, what);
    }

    let names = DefiNames::new(
        catalogue
            .defis
            .iter()
            .zip(&defis)
            .map(|((key, _, _), defi)| {
                (
                    defi.id.as_str(),
                    key.as_str(),
                    defi.title.as_str(),
                    defi.year,
                )
            }),
    );
    let mut journal = Vec::new();
    let mut latest_entry: Option<time::Date> = None;
    let mut rows_read = 0;
    for source in &inputs.journals {
        let (read, entries) = journal_entries(source, &names, &mut report)?;
        rows_read += read;
        for entry in &entries {
            let date = eig_pulse_core::validate::parse_date(&entry.date);
            latest_entry = latest_entry.max(date);
        }
        journal.extend(entries);
    }

    let distinct_spellings: HashSet<&str> =
        mentions.iter().map(|(raw, _, _)| raw.as_str()).collect();
    let matched = journal.iter().filter(|e| e.defi_id.is_some()).count();
    report.count("défis", "défis", defis.len());
    report.count("promotions", "promotions", promotions.len());
    report.count("compétences", "skills", skills.len());
    report.count(
        "personnes (personnes.yml)",
        "people (personnes.yml)",
        catalogue.people.len(),
    );
    report.count(
        "libellés d'administration distincts",
        "distinct administration spellings",
        distinct_spellings.len(),
    );
    report.count(
        "administrations",
        "administrations",
        resolution.administrations.len(),
    );
    report.count(
        "administrations de tête",
        "top-level administrations",
        resolution
            .administrations
            .iter()
            .filter(|a| a.parent_id.is_none())
            .count(),
    );
    report.count("lignes de journal lues", "journal rows read", rows_read);
    report.count(
        "lignes de journal écrites",
        "journal rows written",
        journal.len(),
    );
    report.count(
        "lignes rattachées à un défi",
        "rows matched to a défi",
        matched,
    );
    report.count(
        "lignes sans défi (defi_id nul)",
        "rows without a défi (null defi_id)",
        journal.len() - matched,
    );

    let export = Export {
        schema_version: SCHEMA_VERSION,
        generated_at: inputs.generated_at.clone(),
        sources: credits(!inputs.journals.is_empty(), latest_entry),
        skills,
        promotions,
        administrations: resolution.administrations,
        defis,
        journal_categories: Export::legend(),
        journal,
        activity: Vec::new(),
    };
    Ok((export, report))
}

/// The sources to credit (Licence Ouverte asks for the source and its last update).
fn credits(with_journal: bool, latest_entry: Option<time::Date>) -> Vec<Source> {
    let mut sources = vec![Source {
        name: "Catalogue des défis du site Entrepreneurs d'intérêt général (Etalab, DINUM)".into(),
        url: "https://github.com/entrepreneur-interet-general/site-eig".into(),
        license: "Licence Ouverte / Open Licence 2.0".into(),
        updated: "2022-09-05".into(),
    }];
    if with_journal {
        sources.push(Source {
            name: "Journal hebdomadaire de suivi des défis EIG 2 (eig-link)".into(),
            url: "https://github.com/entrepreneur-interet-general/eig-link".into(),
            license: "Licence Ouverte / Open Licence 2.0".into(),
            updated: latest_entry.map_or_else(|| "2018-08-31".into(), |d| d.to_string()),
        });
    }
    sources
}

fn promotions(catalogue: &Catalogue) -> Result<Vec<Promotion>, SourceError> {
    let mut promotions = Vec::new();
    for (key, line, raw) in &catalogue.promotions {
        let year = raw
            .class
            .as_deref()
            .and_then(|class| class.split_whitespace().next())
            .and_then(|word| word.parse::<i32>().ok())
            .ok_or_else(|| {
                SourceError::new(
                    &catalogue.promos_file,
                    Some(*line),
                    format!("promotion « {key} » : année introuvable dans « class »"),
                    format!("promotion \"{key}\": no year in \"class\""),
                )
            })?;
        let id = raw.promotion.id();
        let start = crate::promotions::start(&id);
        promotions.push(Promotion {
            months: start.as_ref().map(|_| crate::promotions::DEFI_MONTHS),
            start,
            id,
            label: key.clone(),
            year,
        });
    }
    promotions.sort_by(|a, b| (a.year, &a.id).cmp(&(b.year, &b.id)));
    Ok(promotions)
}

/// Host strings as written, with the valid website for them and the line.
type Mentions = Vec<(String, Option<String>, usize)>;

fn defis(
    catalogue: &Catalogue,
    skills: &[Skill],
    promotions: &[Promotion],
    report: &mut Report,
) -> Result<(Vec<Defi>, Mentions), SourceError> {
    let file = catalogue.defis_file.as_str();
    let skill_ids: HashSet<&str> = skills.iter().map(|s| s.id.as_str()).collect();
    let promotion_ids: HashSet<&str> = promotions.iter().map(|p| p.id.as_str()).collect();
    let profiles: HashMap<String, Option<&str>> = catalogue
        .people
        .iter()
        .map(|(name, person)| (fold(name), person.profil.as_deref()))
        .collect();
    let mut seen_ids = HashSet::new();
    let mut defis = Vec::new();
    let mut mentions = Vec::new();

    for (key, line, raw) in &catalogue.defis {
        let line = *line;
        let required = |k: &str| {
            SourceError::new(
                file,
                Some(line),
                format!("défi « {key} » : clé obligatoire « {k} » absente"),
                format!("défi \"{key}\": required key \"{k}\" missing"),
            )
        };
        if slug(key).is_empty() {
            return Err(SourceError::new(
                file,
                Some(line),
                format!("défi « {key} » : nom sans lettre ni chiffre"),
                format!("défi \"{key}\": a name without letters or digits"),
            ));
        }
        let id = unique_id(key, &mut seen_ids);
        let mut issues = Vec::new();
        let mut note = |report: &mut Report, line: usize, what: What| {
            issues.push(issue_of(&what));
            report.add(file, Some(line), what);
        };

        let year = raw.year.ok_or_else(|| required("year"))?;
        let promotion = raw
            .promotion
            .as_ref()
            .ok_or_else(|| required("promotion"))?;
        let promotion_id = promotion.value.id();
        if !promotion_ids.contains(promotion_id.as_str()) {
            return Err(SourceError::new(
                file,
                Some(line_of(promotion)),
                format!("défi « {key} » : promotion « {promotion_id} » absente de promos.yml"),
                format!("défi \"{key}\": promotion \"{promotion_id}\" is not in promos.yml"),
            ));
        }
        let administration = raw
            .administration
            .as_ref()
            .ok_or_else(|| required("administration"))?;
        if administration.value.trim().is_empty() {
            return Err(required("administration"));
        }
        let title = match &raw.title {
            Some(title) if !title.trim().is_empty() => title.trim().to_string(),
            _ => {
                note(
                    report,
                    line,
                    What::MissingKey {
                        defi: id.clone(),
                        key: "title",
                    },
                );
                key.clone()
            }
        };
        for (k, present) in expected_keys(raw) {
            if !present {
                note(
                    report,
                    line,
                    What::MissingKey {
                        defi: id.clone(),
                        key: k,
                    },
                );
            }
        }

        let mut defi_skills = Vec::new();
        for skill in raw.skills.iter().flatten() {
            if !skill_ids.contains(skill.value.as_str()) {
                return Err(SourceError::new(
                    file,
                    Some(line_of(skill)),
                    format!(
                        "défi « {key} » : compétence « {} » absente de skills.yml",
                        skill.value
                    ),
                    format!(
                        "défi \"{key}\": skill \"{}\" is not in skills.yml",
                        skill.value
                    ),
                ));
            }
            if !defi_skills.contains(&skill.value) {
                defi_skills.push(skill.value.clone());
            }
        }

        // A person named by a défi should be in personnes.yml: their profile comes from there.
        let mut check_person =
            |report: &mut Report, name: &serde_saphyr::Spanned<String>, field: &'static str| {
                if !profiles.contains_key(&fold(&name.value)) {
                    let what = What::UnknownPerson {
                        defi: id.clone(),
                        name: name.value.clone(),
                        field,
                    };
                    note(report, line_of(name), what);
                }
            };
        let mut eigs = Vec::new();
        for name in raw.eigs.iter().flatten() {
            let profile = profiles.get(&fold(&name.value)).copied().flatten();
            check_person(report, name, "eigs");
            eigs.push(Member {
                name: name.value.trim().to_string(),
                profile: profile.map(str::to_string),
                role: profile.and_then(role_of).map(str::to_string),
            });
        }
        let mut mentors = Vec::new();
        for name in raw.mentors.iter().flatten() {
            check_person(report, name, "mentors");
            mentors.push(name.value.trim().to_string());
        }

        let mut checked_url =
            |report: &mut Report, field: &'static str, value: &serde_saphyr::Spanned<String>| {
                let text = value.value.trim();
                if is_valid_url(text) {
                    Some(text.to_string())
                } else {
                    note(
                        report,
                        line_of(value),
                        What::MalformedUrl {
                            defi: id.clone(),
                            field,
                            value: text.to_string(),
                        },
                    );
                    None
                }
            };
        let source_code: Vec<String> = raw
            .source_code
            .iter()
            .filter(|v| !v.value.trim().is_empty())
            .filter_map(|v| checked_url(report, "source_code", v))
            .collect();
        let website = raw
            .website
            .as_ref()
            .filter(|v| !v.value.trim().is_empty())
            .and_then(|v| checked_url(report, "website", v));
        let administration_website = raw
            .administration_website
            .as_ref()
            .filter(|v| !v.value.trim().is_empty())
            .and_then(|v| checked_url(report, "administration_website", v));

        let key_figures = raw
            .key_figures
            .iter()
            .flatten()
            .map(|figure| KeyFigure {
                amount: figure.amount,
                label: figure
                    .description
                    .clone()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
            })
            .collect();

        mentions.push((
            administration.value.clone(),
            administration_website,
            line_of(administration),
        ));
        defis.push(Defi {
            id,
            title,
            promotion_id,
            administration_id: String::new(),
            year,
            description: raw.description.as_ref().map(|d| d.trim().to_string()),
            skills: defi_skills,
            eigs,
            mentors,
            source_code,
            website,
            key_figures,
            issues,
        });
    }
    Ok((defis, mentions))
}

/// A défi's id: the slug of its key, with `-2`, `-3`… when an earlier key gave the same slug.
pub fn unique_id(key: &str, seen_ids: &mut HashSet<String>) -> String {
    let base = slug(key);
    let mut id = base.clone();
    let mut n = 2;
    while !seen_ids.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Keys every défi should have, and whether this one has them.
fn expected_keys(raw: &RawDefi) -> [(&'static str, bool); 4] {
    [
        ("skills", raw.skills.is_some()),
        ("eigs", raw.eigs.is_some()),
        ("mentors", raw.mentors.is_some()),
        (
            "administration_website",
            raw.administration_website.is_some(),
        ),
    ]
}

/// A défi's own record of a finding about it.
fn issue_of(what: &What) -> Issue {
    let (kind, field, value, message) = match what {
        What::MalformedUrl { field, value, .. } => (
            "malformed_url",
            *field,
            Some(value.clone()),
            format!("URL malformée « {value} », écartée"),
        ),
        What::MissingKey { key, .. } => {
            ("missing_key", *key, None, format!("clé « {key} » absente"))
        }
        What::UnknownPerson { name, field, .. } => (
            "unknown_person",
            *field,
            Some(name.clone()),
            format!("« {name} » absent de personnes.yml : profil inconnu"),
        ),
        other => ("other", "", None, format!("{other:?}")),
    };
    Issue {
        kind: kind.into(),
        field: field.into(),
        value,
        message,
    }
}

/// An absolute http(s) URL whose host is a domain name (with a dot) or an IP address.
pub fn is_valid_url(text: &str) -> bool {
    let Ok(url) = url::Url::parse(text) else {
        return false;
    };
    let host_ok = match url.host() {
        Some(url::Host::Domain(domain)) => {
            domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        }
        Some(_) => true,
        None => false,
    };
    matches!(url.scheme(), "http" | "https") && host_ok && !text.chars().any(char::is_whitespace)
}

/// A profile folded onto the skill ids, plus `mentor` and `support`.
fn role_of(profile: &str) -> Option<&'static str> {
    let key = fold(profile);
    if key.starts_with("developpeu") {
        Some("dev")
    } else if key.starts_with("design") {
        Some("design")
    } else if key.starts_with("data scien") {
        Some("datascience")
    } else if key.starts_with("data engineer") {
        Some("dataengineering")
    } else if key.starts_with("mentor") {
        Some("mentor")
    } else if key.starts_with("accompagn") {
        Some("support")
    } else {
        None
    }
}

fn journal_entries(
    source: &SourceText,
    names: &DefiNames,
    report: &mut Report,
) -> Result<(usize, Vec<JournalEntry>), SourceError> {
    let rows = journal::parse_rows(source)?;
    let read = rows.len();
    let mut entries = Vec::with_capacity(rows.len());
    // (label, défi, rule) → (rows, first line), reported once each.
    let mut approximations: indexmap::IndexMap<(String, String, &'static str), (usize, usize)> =
        indexmap::IndexMap::new();
    let mut unmatched: indexmap::IndexMap<String, (usize, usize)> = indexmap::IndexMap::new();
    for row in rows {
        let date = journal::parse_org_date(&row.date).ok_or_else(|| {
            SourceError::new(
                &source.name,
                Some(row.line),
                format!(
                    "date « {} » illisible (attendu <AAAA-MM-JJ jour.>)",
                    row.date
                ),
                format!(
                    "unreadable date \"{}\" (expected <YYYY-MM-DD day.>)",
                    row.date
                ),
            )
        })?;
        // A real date the contract refuses (`<0018-02-15>`, a typo for 2018): the row cannot be
        // placed on the timeline, and rows are never dropped, so the export stops here.
        let (first, last) = (
            eig_pulse_core::validate::FIRST_YEAR,
            eig_pulse_core::validate::LAST_YEAR,
        );
        if !(first..=last).contains(&date.year()) {
            return Err(SourceError::new(
                &source.name,
                Some(row.line),
                format!(
                    "date « {} » hors de la période plausible ({first} à {last}) : faute de frappe ?",
                    row.date
                ),
                format!(
                    "date \"{}\" outside the plausible range ({first} to {last}): a typo?",
                    row.date
                ),
            ));
        }
        let defi_id = match names.find(&row.defi, date.year()) {
            NameMatch::Exact(id) => Some(id),
            NameMatch::Approximate(id, rule) => {
                approximations
                    .entry((row.defi.clone(), id.clone(), rule))
                    .or_insert((0, row.line))
                    .0 += 1;
                Some(id)
            }
            NameMatch::None => {
                unmatched.entry(row.defi.clone()).or_insert((0, row.line)).0 += 1;
                None
            }
        };
        let (categories, unknown) = journal::split_categories(&row.category);
        if row.category.is_empty() {
            report.add(&source.name, Some(row.line), What::EmptyCategory);
        } else if !unknown.is_empty() {
            report.add(
                &source.name,
                Some(row.line),
                What::UnknownCategoryLetters {
                    raw: row.category.clone(),
                    letters: unknown,
                },
            );
        }
        let mood = journal::parse_mood(&row.ok).unwrap_or_else(|()| {
            report.add(
                &source.name,
                Some(row.line),
                What::UnreadableMood {
                    raw: row.ok.clone(),
                },
            );
            None
        });
        entries.push(JournalEntry {
            defi_id,
            defi_label: row.defi,
            date: date.to_string(),
            deliverable: Some(row.deliverable).filter(|d| !d.is_empty()),
            task: row.task,
            categories,
            raw_category: row.category,
            mood,
        });
    }
    for (label, (rows, line)) in unmatched {
        report.add(
            &source.name,
            Some(line),
            What::UnmatchedJournalName { label, rows },
        );
    }
    for ((label, defi_id, rule), (rows, line)) in approximations {
        report.add(
            &source.name,
            Some(line),
            What::ApproximateJournalName {
                label,
                defi_id,
                rule,
                rows,
            },
        );
    }
    Ok((read, entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_need_a_scheme_and_a_dotted_host() {
        assert!(is_valid_url(
            "https://github.com/entrepreneur-interet-general/eig-link"
        ));
        assert!(is_valid_url("http://previsecours.fr"));
        assert!(!is_valid_url(
            "https://entrepreneur-interet-general/AFD_projects"
        ));
        assert!(!is_valid_url(
            "hhttp://www.enseignementsup-recherche.gouv.fr/"
        ));
        assert!(!is_valid_url("github.com/x"));
        assert!(!is_valid_url("https://exa mple.fr"));
    }

    #[test]
    fn profiles_fold_onto_roles() {
        assert_eq!(role_of("Développeuse"), Some("dev"));
        assert_eq!(role_of("Designeuse"), Some("design"));
        assert_eq!(role_of("Data scientist"), Some("datascience"));
        assert_eq!(role_of("Data engineer"), Some("dataengineering"));
        assert_eq!(role_of("Accompagnement"), Some("support"));
        assert_eq!(role_of("Chef"), None);
    }
}
