//! Synthetic sources N times larger than the real ones, drawn from them, for benchmarks.
//!
//! Copy `k` of each défi, person and journal row carries the prefix `Sk `; the
//! distributions (promotions, skills, teams, categories, dates within each
//! cohort's year) are those of the real files. A fifth of the copies move to a
//! new service under their administration, so the administration tree grows too.

use eig_pulse_core::text;
use indexmap::IndexMap;
use serde_json::Value;

use crate::source::{SourceError, SourceText};

/// The real sources the synthetic ones are drawn from.
pub struct Model {
    pub defis: SourceText,
    pub people: SourceText,
    pub skills: SourceText,
    pub promos: SourceText,
    pub journal: SourceText,
}

/// The texts of the synthetic sources.
pub struct Generated {
    pub defis: String,
    pub people: String,
    pub skills: String,
    pub promos: String,
    pub journal: String,
    pub defi_count: usize,
    pub journal_rows: usize,
}

pub fn generate(model: &Model, scale: usize, seed: u64) -> Result<Generated, SourceError> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let defis: IndexMap<String, Value> = crate::yaml::parse(&model.defis)?.value;
    let people: IndexMap<String, Value> = crate::yaml::parse(&model.people)?.value;
    let rows = crate::journal::parse_rows(&model.journal)?;

    // A prefix, so that name rules on word ends (plurals) behave as on the real names.
    let copy_name = |text: &str, k: usize| {
        if k == 0 {
            text.to_string()
        } else {
            format!("S{k} {text}")
        }
    };
    let mut out_defis: IndexMap<String, Value> = IndexMap::new();
    for k in 0..scale {
        for (key, defi) in &defis {
            let mut defi = defi.clone();
            if let Some(map) = defi.as_object_mut() {
                for field in ["title"] {
                    if let Some(Value::String(text)) = map.get(field) {
                        map.insert(field.into(), Value::String(copy_name(text, k)));
                    }
                }
                for field in ["eigs", "mentors"] {
                    if let Some(Value::Array(names)) = map.get_mut(field) {
                        for name in names.iter_mut() {
                            if let Value::String(text) = name {
                                *name = Value::String(copy_name(text, k));
                            }
                        }
                    }
                }
                if k > 0 && rng.usize(0..5) == 0 {
                    if let Some(Value::String(host)) = map.get("administration") {
                        let service = format!(
                            "{host}, Service numérique n°{}",
                            rng.usize(1..=(scale.min(50)))
                        );
                        map.insert("administration".into(), Value::String(service));
                    }
                }
            }
            out_defis.insert(copy_name(key, k), defi);
        }
    }
    let mut out_people: IndexMap<String, Value> = IndexMap::new();
    for k in 0..scale {
        for (name, person) in &people {
            out_people.insert(copy_name(name, k), person.clone());
        }
    }

    let mut writer = csv::Writer::from_writer(Vec::new());
    let csv_fail = |e: csv::Error| {
        SourceError::new(
            "journal.csv",
            None,
            text!("écriture CSV impossible : {e}", "cannot write CSV: {e}"),
        )
    };
    writer
        .write_record(["Défi", "Livrable", "Tâche", "Fait le", "Cat", "OK"])
        .map_err(csv_fail)?;
    for k in 0..scale {
        for row in &rows {
            // Same week day, moved by whole weeks within the cohort's year.
            let date = crate::journal::parse_org_date(&row.date)
                .and_then(|d| d.checked_add(time::Duration::weeks(rng.i64(-2..=8))))
                .filter(|d| d.year() == 2018)
                .map_or_else(
                    || row.date.clone(),
                    |d| format!("<{d} {}>", day_name(d.weekday())),
                );
            writer
                .write_record([
                    &copy_name(&row.defi, k),
                    &row.deliverable,
                    &row.task,
                    &date,
                    &row.category,
                    &row.ok,
                ])
                .map_err(csv_fail)?;
        }
    }
    let journal = String::from_utf8(
        writer
            .into_inner()
            .map_err(|e| csv_fail(e.into_error().into()))?,
    )
    .expect("CSV of UTF-8 strings");

    let yaml = |value: &IndexMap<String, Value>, name: &str| {
        serde_saphyr::to_string(value).map_err(|e| {
            SourceError::new(
                name,
                None,
                text!("écriture YAML impossible : {e}", "cannot write YAML: {e}"),
            )
        })
    };
    Ok(Generated {
        defis: yaml(&out_defis, "defis.yml")?,
        people: yaml(&out_people, "personnes.yml")?,
        skills: model.skills.text.clone(),
        promos: model.promos.text.clone(),
        journal,
        defi_count: out_defis.len(),
        journal_rows: rows.len() * scale,
    })
}

fn day_name(day: time::Weekday) -> &'static str {
    use time::Weekday::*;
    match day {
        Monday => "lun.",
        Tuesday => "mar.",
        Wednesday => "mer.",
        Thursday => "jeu.",
        Friday => "ven.",
        Saturday => "sam.",
        Sunday => "dim.",
    }
}
