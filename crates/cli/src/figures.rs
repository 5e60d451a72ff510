//! `eig-pulse figures`: every figure the page shows for the whole programme, a promotion or a
//! défi, with its definition, its denominator and the copies it rests on — what a writer pastes
//! into a post — as JSON or CSV, worded by core exactly as the page words it; in JSON, also the
//! blog's posts about it and the défis no post names.

use std::path::Path;

use crate::export_file::read_export;
use eig_pulse_core::base::csv::{field, number};
use eig_pulse_core::chart::text::credit_for;
use eig_pulse_core::measures::figures::{
    defi_figures, promotion_figures, selection_figures, Figure, SOURCES,
};
use eig_pulse_core::measures::posts::untold_defis;
use eig_pulse_core::{tr, Cohort, Filters, Lang};
use serde_json::json;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

/// What the figures are about.
pub enum Scope {
    Programme,
    Promotion(String),
    Defi(String),
}

/// The figures of `scope` in `export`, written in `format`; a message naming what is wrong.
pub fn figures(export: &Path, scope: &Scope, format: Format, lang: Lang) -> Result<String, String> {
    let (_, export_data) = read_export(export, lang)?;
    let cohort = Cohort::new(export_data);
    // The posts about the scope, and its défis that no post names.
    let (name, figures, posts, untold) = match scope {
        Scope::Programme => {
            let selection = cohort.select(&Filters::default());
            let mut figures = selection_figures(&cohort, &selection, lang);
            figures.extend(promotion_figures(&cohort, &selection, lang));
            (
                lang.pick("tout le programme", "the whole programme")
                    .to_string(),
                figures,
                selection.posts.clone(),
                untold_defis(&cohort, &selection),
            )
        }
        Scope::Promotion(id) => {
            let promotion = cohort.promotion(id).ok_or_else(|| {
                tr!(
                    lang,
                    "promotion inconnue « {id} »",
                    "unknown promotion \"{id}\""
                )
            })?;
            let name = promotion.label.clone();
            let filters = Filters {
                promo: Some(id.clone()),
                ..Filters::default()
            };
            let selection = cohort.select(&filters);
            let mut figures = selection_figures(&cohort, &selection, lang);
            figures.extend(promotion_figures(&cohort, &selection, lang));
            let untold = untold_defis(&cohort, &selection);
            (name, figures, selection.posts, untold)
        }
        Scope::Defi(id) => {
            let defi = cohort
                .defi_index(id)
                .ok_or_else(|| tr!(lang, "défi inconnu « {id} »", "unknown défi \"{id}\""))?;
            let posts = cohort.defi_posts(defi).to_vec();
            let untold = if posts.is_empty() {
                vec![defi]
            } else {
                Vec::new()
            };
            (
                cohort.export.defis[defi].title.clone(),
                defi_figures(&cohort, defi, lang),
                posts,
                untold,
            )
        }
    };
    let credit = credit_for(&cohort.export.sources, SOURCES, lang);
    Ok(match format {
        Format::Json => {
            let figures: Vec<serde_json::Value> = figures
                .iter()
                .map(|f| {
                    json!({
                        "key": f.key,
                        "value": f.value,
                        "shown": f.shown,
                        "label": f.label,
                        "basis": f.basis,
                        "definition": f.definition_words(lang),
                    })
                })
                .collect();
            let posts: Vec<serde_json::Value> = posts
                .iter()
                .map(|&p| {
                    let post = &cohort.export.posts[p];
                    json!({
                        "date": post.date,
                        "title": post.title,
                        "url": post.url,
                        "defis": cohort.post_defis(p).iter().map(|&d| &cohort.export.defis[d].id).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let untold: Vec<serde_json::Value> = untold
                .iter()
                .map(|&d| json!({"id": cohort.export.defis[d].id, "title": cohort.defi_label(d)}))
                .collect();
            let document = json!({
                "about": name,
                "export": cohort.export.generated_at,
                "credit": credit,
                "figures": figures,
                "posts": posts,
                "defis_without_post": untold,
            });
            serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
        }
        Format::Csv => csv(&figures, lang),
    })
}

/// The figures as CSV (RFC 4180, header row), formulas defused.
fn csv(figures: &[Figure], lang: Lang) -> String {
    let mut out = String::from("key,value,shown,label,basis,definition\r\n");
    for f in figures {
        let row = [
            field(&f.key),
            f.value.map(number).unwrap_or_default(),
            field(&f.shown),
            field(&f.label),
            field(f.basis.as_deref().unwrap_or_default()),
            field(f.definition_words(lang).unwrap_or_default()),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
