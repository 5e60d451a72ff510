//! eig-link's records (`stack_<year>.org|md`, `ouverture_<year>.org`) as the export's declared
//! stacks and openness items, with what matches no défi, no technology or no known kind reported.

use eig_pulse_core::contract::export::{Defi, OpennessItem, Promotion, TechStack};
use eig_pulse_core::{text, Text};

use crate::names::{compact_key, DefiNames};
use crate::opened::{self, Attribution, DefiLinks, Handle};
use crate::outline::Record;
use crate::report::Report;
use crate::site::Catalogue;
use crate::source::{SourceError, SourceText};
use crate::technologies::{self, Table};

/// What eig-link's records give the export.
pub struct Records {
    pub stacks: Vec<TechStack>,
    /// The promotions that have an openness record.
    pub openness_records: Vec<String>,
    pub openness_items: Vec<OpennessItem>,
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

/// Reads each record of `sources` (named `stack_<year>.org|md` or `ouverture_<year>.org`): a
/// stack file's défis and their technologies, an openness record's items and the défi each is
/// about; whatever names no défi, no technology or no known kind is reported.
pub fn read(
    sources: &[SourceText],
    catalogue: &Catalogue,
    defis: &[Defi],
    promotions: &[Promotion],
    names: &DefiNames,
    table: &Table,
    report: &mut Report,
) -> Result<Records, SourceError> {
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
    for source in sources {
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
        let record = Record::read(source, &promotion.id, year)?;
        if is_stack {
            let stacks = technologies::declared(&record, names, table, report);
            out.stacks.extend(stacks);
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
                defis: &links,
                handles: &handles,
            };
            let items = opened::items(&record, &who, report);
            if !out.openness_records.contains(&promotion.id) {
                out.openness_records.push(promotion.id.clone());
            }
            out.openness_items.extend(items);
        }
    }
    Ok(out)
}
