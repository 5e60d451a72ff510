//! The catalogue's défis as the export's: ids, required keys, skills, people and their roles,
//! checked URLs and key figures, and each défi's own issues; with every host as written, for
//! the administrations.

use eig_pulse_core::text;
use std::collections::HashSet;

use eig_pulse_core::contract::export::{
    Defi, Issue, IssueKind, KeyFigure, Member, Promotion, Skill,
};
use eig_pulse_core::Lang;

use crate::names::{slug, UniqueIds};
use crate::people::{eig_profile, role_of, People};
use crate::report::{Finding, Report};
use crate::site::{Catalogue, RawDefi};
use crate::source::SourceError;
use crate::urls::is_web_url;
use crate::yaml::line_of;

/// A défi's host (its administration) as written, with the défi's valid website for it and
/// the line.
pub struct HostMention {
    pub written: String,
    pub website: Option<String>,
    pub line: usize,
}

/// The export's défis in catalogue order (administrations not resolved yet), and each one's
/// host as written, in the same order.
pub struct CatalogueDefis {
    pub defis: Vec<Defi>,
    pub hosts: Vec<HostMention>,
}

/// Reads every défi of the catalogue: a missing required key, an unknown promotion or skill
/// stops the export; a missing optional key, an unknown person or a malformed URL is reported
/// and kept in the défi's own issues.
pub fn from_catalogue(
    catalogue: &Catalogue,
    skills: &[Skill],
    promotions: &[Promotion],
    report: &mut Report,
) -> Result<CatalogueDefis, SourceError> {
    let file = catalogue.defis_file.as_str();
    let skill_ids: HashSet<&str> = skills.iter().map(|s| s.id.as_str()).collect();
    let promotion_ids: HashSet<&str> = promotions.iter().map(|p| p.id.as_str()).collect();
    let people = People::new(&catalogue.people);
    let mut ids = UniqueIds::default();
    let mut defis = Vec::new();
    let mut hosts = Vec::new();

    for entry in &catalogue.defis {
        let (key, line, raw) = (&entry.key, entry.line, &entry.value);
        let required = |k: &str| {
            SourceError::new(
                file,
                Some(line),
                text!(
                    "défi « {key} » : clé obligatoire « {k} » absente",
                    "défi \"{key}\": required key \"{k}\" missing"
                ),
            )
        };
        if slug(key).is_empty() {
            return Err(SourceError::new(
                file,
                Some(line),
                text!(
                    "défi « {key} » : nom sans lettre ni chiffre",
                    "défi \"{key}\": a name without letters or digits"
                ),
            ));
        }
        let id = ids.next(key);
        let mut issues = Vec::new();
        let mut note = |report: &mut Report, line: usize, finding: Finding| {
            issues.push(issue_of(&finding));
            report.add(file, Some(line), finding);
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
                text!(
                    "défi « {key} » : promotion « {promotion_id} » absente de promos.yml",
                    "défi \"{key}\": promotion \"{promotion_id}\" is not in promos.yml"
                ),
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
                    Finding::MissingKey {
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
                    Finding::MissingKey {
                        defi: id.clone(),
                        key: k,
                    },
                );
            }
        }

        let months = match &raw.duration_months {
            Some(months) if !(1..=36).contains(&months.value) => {
                return Err(SourceError::new(
                    file,
                    Some(line_of(months)),
                    text!(
                        "défi « {key} » : duration_months {} hors de 1 à 36",
                        "défi \"{key}\": duration_months {} outside 1 to 36",
                        months.value
                    ),
                ));
            }
            other => other.as_ref().map(|months| months.value),
        };

        let mut defi_skills = Vec::new();
        for skill in raw.skills.iter().flatten() {
            if !skill_ids.contains(skill.value.as_str()) {
                return Err(SourceError::new(
                    file,
                    Some(line_of(skill)),
                    text!(
                        "défi « {key} » : compétence « {} » absente de skills.yml",
                        "défi \"{key}\": skill \"{}\" is not in skills.yml",
                        skill.value
                    ),
                ));
            }
            if !defi_skills.contains(&skill.value) {
                defi_skills.push(skill.value.clone());
            }
        }

        // A person named by a défi should be in personnes.yml: their profile comes from there,
        // under their exact name before any homonym. Each name gives what was found and what
        // to report.
        let look_up = |name: &serde_saphyr::Spanned<String>, field: &'static str| {
            let lookup = people.find(&name.value, &title);
            let written = name.value.trim().to_string();
            let finding = match (lookup.found, lookup.homonyms.is_empty()) {
                (None, _) => Some(Finding::UnknownPerson {
                    defi: id.clone(),
                    name: written,
                    field,
                }),
                (Some(found), false) => Some(Finding::Homonym {
                    defi: id.clone(),
                    name: written,
                    field,
                    chosen: found.key.to_string(),
                    profile: found.person.profil.clone(),
                    homonyms: lookup.homonyms.iter().map(ToString::to_string).collect(),
                }),
                (Some(_), true) => None,
            };
            (lookup.found, finding)
        };
        let mut eigs = Vec::new();
        for name in raw.eigs.iter().flatten() {
            let (found, finding) = look_up(name, "eigs");
            if let Some(finding) = finding {
                note(report, line_of(name), finding);
            }
            let profile = found.and_then(|f| f.person.profil.as_deref());
            eigs.push(Member {
                name: name.value.trim().to_string(),
                profile: profile.map(str::to_string),
                role: profile.and_then(role_of).map(str::to_string),
            });
        }
        let mut mentors = Vec::new();
        for name in raw.mentors.iter().flatten() {
            let (found, finding) = look_up(name, "mentors");
            if let Some(finding) = finding {
                note(report, line_of(name), finding);
            }
            if let Some(profile) = found.and_then(|f| eig_profile(f.person)) {
                let finding = Finding::MentorIsEig {
                    defi: id.clone(),
                    name: name.value.trim().to_string(),
                    profile: profile.to_string(),
                };
                note(report, line_of(name), finding);
            }
            mentors.push(name.value.trim().to_string());
        }

        let mut checked_url =
            |report: &mut Report, field: &'static str, value: &serde_saphyr::Spanned<String>| {
                let text = value.value.trim();
                if is_web_url(text) {
                    Some(text.to_string())
                } else {
                    note(
                        report,
                        line_of(value),
                        Finding::MalformedUrl {
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

        hosts.push(HostMention {
            written: administration.value.clone(),
            website: administration_website,
            line: line_of(administration),
        });
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
            months,
            // Set once every défi is read (`promotions::set_windows`).
            window: None,
        });
    }
    Ok(CatalogueDefis { defis, hosts })
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
fn issue_of(finding: &Finding) -> Issue {
    let (kind, field, value) = match finding {
        Finding::MalformedUrl { field, value, .. } => {
            (IssueKind::MalformedUrl, *field, Some(value.clone()))
        }
        Finding::MissingKey { key, .. } => (IssueKind::MissingKey, *key, None),
        Finding::UnknownPerson { name, field, .. } => {
            (IssueKind::UnknownPerson, *field, Some(name.clone()))
        }
        _ => (IssueKind::Other, "", None),
    };
    let mut issue = Issue {
        kind,
        field: field.into(),
        value,
        message: format!("{finding:?}"),
    };
    issue.message = issue.describe(Lang::Fr);
    issue
}

#[cfg(test)]
mod tests {
    use super::*;

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
