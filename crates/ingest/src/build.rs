//! Assembling the export from parsed sources, and noting every liberty taken in the report.

use eig_pulse_core::text;
use std::collections::{HashMap, HashSet};

use eig_pulse_core::export::{
    Activity, Defi, Export, Issue, IssueKind, JournalEntry, KeyFigure, Member, Promotion,
    PromotionEvent, Skill, Source, SCHEMA_VERSION,
};
use eig_pulse_core::{Lang, Text};

use crate::administrations::{self, Mention, Overrides};
use crate::journal;
use crate::names::{compact_key, fold, slug, unique_id, DefiNames, NameMatch};
use crate::report::{Report, What};
use crate::site::{Catalogue, RawDefi};
use crate::source::{SourceError, SourceText};
use crate::urls::is_web_url;
use crate::yaml::line_of;

/// Everything an export is built from.
pub struct Inputs {
    pub defis: SourceText,
    pub people: SourceText,
    pub skills: SourceText,
    pub promos: SourceText,
    pub journals: Vec<SourceText>,
    /// The administrations override file (`data/administrations.yml`).
    pub overrides: SourceText,
    /// The promotions' dated events with their sources (`data/promotions.yml`); without it
    /// the promotions have no window.
    pub promotions: Option<SourceText>,
    /// The repositories file (`data/repositories.yml`), for its `not_scanned` entries.
    pub repositories: Option<SourceText>,
    /// A committed scan (`data/activity.json`): the `activity` records of an earlier
    /// `eig-pulse scan`.
    pub activity: Option<SourceText>,
    /// RFC 3339 timestamp written into the export.
    pub generated_at: String,
    /// The technologies table (`data/technologies.yml`).
    pub technologies: SourceText,
    /// eig-link's records: `stack_<year>.org|md` and `ouverture_<year>.org` (named so).
    pub records: Vec<SourceText>,
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
    let windows = match &inputs.promotions {
        Some(source) => crate::promotions::parse(source)?,
        None => crate::promotions::Windows::default(),
    };
    let promotions = promotions(&catalogue, &windows)?;
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
            let date = eig_pulse_core::date::parse_date(&entry.date);
            latest_entry = latest_entry.max(date);
        }
        journal.extend(entries);
    }

    let distinct_spellings: HashSet<&str> =
        mentions.iter().map(|(raw, _, _)| raw.as_str()).collect();
    let matched = journal.iter().filter(|e| e.defi_id.is_some()).count();
    report.count(Text::same("défis"), defis.len());
    report.count(Text::same("promotions"), promotions.len());
    report.count(Text::fixed("compétences", "skills"), skills.len());
    report.count(
        Text::fixed("personnes (personnes.yml)", "people (personnes.yml)"),
        catalogue.people.len(),
    );
    report.count(
        Text::fixed(
            "libellés d'administration distincts",
            "distinct administration spellings",
        ),
        distinct_spellings.len(),
    );
    report.count(
        Text::same("administrations"),
        resolution.administrations.len(),
    );
    report.count(
        Text::fixed("administrations de tête", "top-level administrations"),
        resolution
            .administrations
            .iter()
            .filter(|a| a.parent_id.is_none())
            .count(),
    );
    report.count(
        Text::fixed("lignes de journal lues", "journal rows read"),
        rows_read,
    );
    report.count(
        Text::fixed("lignes de journal écrites", "journal rows written"),
        journal.len(),
    );
    report.count(
        Text::fixed("lignes rattachées à un défi", "rows matched to a défi"),
        matched,
    );
    report.count(
        Text::fixed(
            "lignes sans défi (defi_id nul)",
            "rows without a défi (null defi_id)",
        ),
        journal.len() - matched,
    );

    let defi_ids: HashSet<&str> = defis.iter().map(|d| d.id.as_str()).collect();
    let activity = match &inputs.activity {
        Some(source) => crate::repositories::parse_activity(source, &defi_ids)?,
        None => Vec::new(),
    };
    let unscanned = match &inputs.repositories {
        Some(source) => crate::repositories::parse_not_scanned(source, &defi_ids)?,
        None => Vec::new(),
    };
    if inputs.activity.is_some() {
        report.count(
            Text::fixed("fiches d'activité (scan)", "activity records (scan)"),
            activity.len(),
        );
        report.count(
            Text::fixed("dépôts non analysés", "repositories not scanned"),
            unscanned.len(),
        );
    }
    let table = crate::technologies::Table::parse(&inputs.technologies)?;
    let records = records(
        inputs,
        &catalogue,
        &defis,
        &promotions,
        &names,
        &table,
        &mut report,
    )?;

    let export = Export {
        schema_version: SCHEMA_VERSION,
        generated_at: inputs.generated_at.clone(),
        sources: credits(
            !inputs.journals.is_empty(),
            latest_entry,
            !inputs.records.is_empty(),
            &activity,
        ),
        skills,
        promotions,
        administrations: resolution.administrations,
        defis,
        journal_categories: Export::legend(),
        journal,
        activity,
        unscanned,
        technologies: table.technologies.clone(),
        stacks: records.stacks,
        openness_records: records.openness_records,
        openness_items: records.openness_items,
    };
    Ok((export, report))
}

/// What eig-link's records give the export.
struct Records {
    stacks: Vec<eig_pulse_core::export::Stack>,
    openness_records: Vec<String>,
    openness_items: Vec<eig_pulse_core::export::OpennessItem>,
}

/// The year in a record's file name (`stack_2018.org` → 2018), and whether it is a stack.
fn record_kind(name: &str) -> Option<(bool, i32)> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let (stem, ext) = file.rsplit_once('.')?;
    let (kind, year) = stem.split_once('_')?;
    let year: i32 = year.parse().ok()?;
    match (kind, ext) {
        ("stack", "org" | "md") => Some((true, year)),
        ("ouverture", "org") => Some((false, year)),
        _ => None,
    }
}

fn records(
    inputs: &Inputs,
    catalogue: &Catalogue,
    defis: &[Defi],
    promotions: &[Promotion],
    names: &DefiNames,
    table: &crate::technologies::Table,
    report: &mut Report,
) -> Result<Records, SourceError> {
    use crate::opened::{Attribution, DefiLinks, Handle};
    use crate::outline;
    let mut out = Records {
        stacks: Vec::new(),
        openness_records: Vec::new(),
        openness_items: Vec::new(),
    };
    let handles: Vec<Handle> = catalogue
        .people
        .values()
        .filter_map(|p| {
            Some(Handle {
                github: p.github.clone().filter(|g| !g.trim().is_empty())?,
                defis: p.defis.clone().unwrap_or_default(),
            })
        })
        .collect();
    for source in &inputs.records {
        let Some((is_stack, year)) = record_kind(&source.name) else {
            return Err(SourceError::new(&source.name, None, Text::fixed("nom de fichier inattendu (attendu stack_AAAA.org, stack_AAAA.md ou ouverture_AAAA.org)", "unexpected file name (expected stack_YYYY.org, stack_YYYY.md or ouverture_YYYY.org)")));
        };
        let Some(promotion) = promotions.iter().find(|p| p.year == year && p.id != "dig") else {
            return Err(SourceError::new(
                &source.name,
                None,
                text!(
                    "aucune promotion de l'année {year} dans promos.yml",
                    "no promotion of year {year} in promos.yml"
                ),
            ));
        };
        let headings = if source.name.ends_with(".md") {
            // The document's `#` title holds one `##` heading per défi.
            match outline::parse_markdown(&source.text).as_slice() {
                [title] if !title.children.is_empty() => title.children.clone(),
                other => other.to_vec(),
            }
        } else {
            outline::parse_org(&source.text)
        };
        if is_stack {
            let file = crate::technologies::StackFile {
                source,
                promotion_id: &promotion.id,
                year,
                defis: headings,
            };
            let declared = crate::technologies::declared(&file, names, table);
            for (line, label) in declared.unmatched {
                report.add(
                    &source.name,
                    Some(line),
                    What::UnmatchedStackHeading { label },
                );
            }
            for (line, heading, words) in declared.unmapped {
                report.add(
                    &source.name,
                    Some(line),
                    What::UnmappedTechnology { heading, words },
                );
            }
            for stack in &declared.stacks {
                if !stack.documented {
                    report.add(
                        &source.name,
                        None,
                        What::UndocumentedStack {
                            label: stack.label.clone(),
                        },
                    );
                }
            }
            out.stacks.extend(declared.stacks);
        } else {
            let links: Vec<DefiLinks> = defis
                .iter()
                .filter(|d| d.promotion_id == promotion.id)
                .map(|d| DefiLinks {
                    id: d.id.clone(),
                    compact: compact_key(&d.title),
                    urls: d.source_code.iter().chain(&d.website).cloned().collect(),
                })
                .collect();
            let who = Attribution {
                names,
                year,
                defis: &links,
                handles: &handles,
            };
            let (items, unknown) = crate::opened::items(&headings, &promotion.id, &who);
            for (line, title) in unknown {
                report.add(
                    &source.name,
                    Some(line),
                    What::UnknownOpennessSection { title },
                );
            }
            for item in items.iter().filter(|i| i.defi_id.is_none()) {
                report.add(
                    &source.name,
                    None,
                    What::UnattributedOpenness {
                        kind: item.kind.clone(),
                        item: item.url.clone().unwrap_or_else(|| item.text.clone()),
                    },
                );
            }
            if !out.openness_records.contains(&promotion.id) {
                out.openness_records.push(promotion.id.clone());
            }
            out.openness_items.extend(items);
        }
    }
    let documented = out.stacks.iter().filter(|s| s.documented).count();
    report.count(
        Text::fixed("stacks déclarées", "declared stacks"),
        out.stacks.len(),
    );
    report.count(
        Text::fixed("stacks documentées", "documented stacks"),
        documented,
    );
    report.count(
        Text::fixed("éléments d'ouverture", "openness items"),
        out.openness_items.len(),
    );
    Ok(out)
}

/// The sources to credit (Licence Ouverte asks for the source and its last update).
pub fn credits(
    with_journal: bool,
    latest_entry: Option<time::Date>,
    with_records: bool,
    activity: &[Activity],
) -> Vec<Source> {
    let licence = || "Licence Ouverte / Open Licence 2.0".to_string();
    let mut sources = vec![
        // `_data/defis.yml` last changed on 2021-09-07; the repository's later commits did not
        // touch it.
        Source {
            name: "Catalogue des défis du site Entrepreneurs d'intérêt général (Etalab, DINUM)"
                .into(),
            url: "https://github.com/entrepreneur-interet-general/site-eig".into(),
            license: licence(),
            updated: "2021-09-07".into(),
        },
        // The dates of the promotions come from the blog (and the support team's records).
        Source {
            name: "Blog du programme EIG (site-eig, _posts) et dossiers de l'équipe (eig-link)"
                .into(),
            url: "https://github.com/entrepreneur-interet-general/site-eig".into(),
            license: licence(),
            updated: "2022-09-05".into(),
        },
    ];
    if with_journal {
        sources.push(Source {
            name: "Journal hebdomadaire de suivi des défis EIG 2 (eig-link)".into(),
            url: "https://github.com/entrepreneur-interet-general/eig-link".into(),
            license: "Licence Ouverte / Open Licence 2.0".into(),
            updated: latest_entry.map_or_else(|| "2018-08-31".into(), |d| d.to_string()),
        });
    }
    if with_records {
        sources.push(Source {
            name: "Stacks techniques et ouverture des défis EIG 2 et EIG 3 (eig-link)".into(),
            url: "https://github.com/entrepreneur-interet-general/eig-link".into(),
            license: "Licence Ouverte / Open Licence 2.0".into(),
            updated: "2022-07-28".into(),
        });
    }
    // Each copy carries its own date; the credit gives the newest.
    if let Some(newest) = activity.iter().filter_map(|a| a.copied_at.as_deref()).max() {
        sources.push(Source {
            name: "Dépôts de code publics des défis (copies datées, comptes seulement)".into(),
            url: "https://github.com".into(),
            license: "Licence de chaque dépôt ; aucun code ni nom repris".into(),
            updated: newest.to_string(),
        });
    }
    sources
}

fn promotions(
    catalogue: &Catalogue,
    windows: &crate::promotions::Windows,
) -> Result<Vec<Promotion>, SourceError> {
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
                    text!(
                        "promotion « {key} » : année introuvable dans « class »",
                        "promotion \"{key}\": no year in \"class\""
                    ),
                )
            })?;
        let id = raw.promotion.id();
        let start = windows.date(&id, PromotionEvent::Start);
        promotions.push(Promotion {
            months: start.as_ref().map(|_| windows.months),
            start,
            end: windows.date(&id, PromotionEvent::End),
            dates: windows.dates(&id).to_vec(),
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
                if is_web_url(text) {
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
    let (kind, field, value) = match what {
        What::MalformedUrl { field, value, .. } => {
            (IssueKind::MalformedUrl, *field, Some(value.clone()))
        }
        What::MissingKey { key, .. } => (IssueKind::MissingKey, *key, None),
        What::UnknownPerson { name, field, .. } => {
            (IssueKind::UnknownPerson, *field, Some(name.clone()))
        }
        _ => (IssueKind::Other, "", None),
    };
    let mut issue = Issue {
        kind,
        field: field.into(),
        value,
        message: format!("{what:?}"),
    };
    issue.message = issue.describe(Lang::Fr);
    issue
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
                text!(
                    "date « {} » illisible (attendu <AAAA-MM-JJ jour.>)",
                    "unreadable date \"{}\" (expected <YYYY-MM-DD day.>)",
                    row.date
                ),
            )
        })?;
        // A real date the contract refuses (`<0018-02-15>`, a typo for 2018): the row cannot be
        // placed on the timeline, and rows are never dropped, so the export stops here.
        let (first, last) = (
            eig_pulse_core::date::FIRST_YEAR,
            eig_pulse_core::date::LAST_YEAR,
        );
        if !(first..=last).contains(&date.year()) {
            return Err(SourceError::new(&source.name, Some(row.line), text!("date « {} » hors de la période plausible ({first} à {last}) : faute de frappe ?", "date \"{}\" outside the plausible range ({first} to {last}): a typo?", row.date)));
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
    fn profiles_fold_onto_roles() {
        assert_eq!(role_of("Développeuse"), Some("dev"));
        assert_eq!(role_of("Designeuse"), Some("design"));
        assert_eq!(role_of("Data scientist"), Some("datascience"));
        assert_eq!(role_of("Data engineer"), Some("dataengineering"));
        assert_eq!(role_of("Accompagnement"), Some("support"));
        assert_eq!(role_of("Chef"), None);
    }
}
