//! A promotion's window in words, with how each of its dates is known and the file it cites,
//! linked to its post on the programme's site when it is one.

use crate::base::date::parse_date;
use crate::base::format;
use crate::base::lang::Lang;
use crate::base::post::post_address;
use crate::contract::export::{DateBasis, Promotion, PromotionDate, PromotionEvent};
use crate::model::cohort::Cohort;
use crate::model::selection::Selection;
use crate::tr;

/// One dated event, ready to show: `15 novembre 2019`, its basis in words, its cited file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedEvent {
    pub event: PromotionEvent,
    pub date: String,
    /// Empty when the source states the day; else « déduit » or « estimé ».
    pub basis: &'static str,
    /// The cited file's name (`20-01-17-bilan-eig3.md`).
    pub source: Option<String>,
    pub quote: Option<String>,
}

fn basis_words(basis: DateBasis, lang: Lang) -> &'static str {
    match basis {
        DateBasis::Stated => "",
        DateBasis::Derived => lang.pick("déduit des dix mois", "derived from the ten months"),
        DateBasis::Estimated => lang.pick("estimé", "estimated"),
    }
}

/// The promotion's dates in the order start, bootcamp, end.
fn in_order(promotion: &Promotion) -> impl Iterator<Item = &PromotionDate> {
    [
        PromotionEvent::Start,
        PromotionEvent::Bootcamp,
        PromotionEvent::End,
    ]
    .into_iter()
    .filter_map(|event| promotion.dates.iter().find(|d| d.event == event))
}

/// The promotion's events in the order start, bootcamp, end, formatted for `lang`.
pub fn events(promotion: &Promotion, lang: Lang) -> Vec<DatedEvent> {
    in_order(promotion)
        .filter_map(|d| {
            Some(DatedEvent {
                event: d.event,
                date: format::date(parse_date(&d.date)?, lang),
                basis: basis_words(d.basis, lang),
                source: d
                    .source
                    .as_deref()
                    .map(|s| s.rsplit('/').next().unwrap_or(s).to_string()),
                quote: d.quote.clone(),
            })
        })
        .collect()
}

/// « EIG 3 : du 15 janvier 2019 (déduit des dix mois) au 15 novembre 2019 » — the window in
/// one line, each estimate or deduction said; `None` without a start and an end.
pub fn window_words(promotion: &Promotion, lang: Lang) -> Option<String> {
    let events = events(promotion, lang);
    let find = |event| events.iter().find(|e| e.event == event);
    let (start, end) = (find(PromotionEvent::Start)?, find(PromotionEvent::End)?);
    let with_basis = |e: &DatedEvent| match e.basis {
        "" => e.date.clone(),
        basis => format!("{} ({basis})", e.date),
    };
    Some(tr!(
        lang,
        "{} : {}",
        "{}: {}",
        promotion.label,
        format::span(&with_basis(start), &with_basis(end), false, lang)
    ))
}

/// A file a window's dates cite: its name, and its post's address on the programme's site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedFile {
    /// The file's name (`20-01-17-bilan-eig3.md`).
    pub name: String,
    pub post: Option<String>,
}

/// The files the window's dates cite, without repeats: `bilan-eig3.md, …`.
pub fn window_sources(promotion: &Promotion) -> Vec<CitedFile> {
    let mut sources: Vec<CitedFile> = Vec::new();
    for date in in_order(promotion) {
        let Some(path) = date.source.as_deref() else {
            continue;
        };
        let name = path.rsplit('/').next().unwrap_or(path).to_string();
        if !sources.iter().any(|s| s.name == name) {
            sources.push(CitedFile {
                name,
                post: post_address(path),
            });
        }
    }
    sources
}

/// A promotion's window in one line, with the files its dates cite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromotionWindow {
    pub words: String,
    pub sources: Vec<CitedFile>,
}

/// The windows of the promotions the selection's défis belong to, in the export's order.
pub fn selected_windows(
    cohort: &Cohort,
    selection: &Selection,
    lang: Lang,
) -> Vec<PromotionWindow> {
    let promotion_ids: std::collections::HashSet<&str> = selection
        .defis
        .iter()
        .map(|&d| cohort.export.defis[d].promotion_id.as_str())
        .collect();
    cohort
        .export
        .promotions
        .iter()
        .filter(|p| promotion_ids.contains(p.id.as_str()))
        .filter_map(|p| {
            Some(PromotionWindow {
                words: window_words(p, lang)?,
                sources: window_sources(p),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eig3() -> Promotion {
        let date = |event, date: &str, basis, source: &str| PromotionDate {
            event,
            date: date.into(),
            basis,
            source: Some(format!("sources/site-eig/_posts/{source}")),
            quote: Some("…".into()),
        };
        Promotion {
            id: "3".into(),
            label: "EIG 3".into(),
            year: 2019,
            start: Some("2019-01-15".into()),
            months: Some(10),
            end: Some("2019-11-15".into()),
            dates: vec![
                date(
                    PromotionEvent::End,
                    "2019-11-15",
                    DateBasis::Stated,
                    "20-01-17-bilan-eig3.md",
                ),
                date(
                    PromotionEvent::Start,
                    "2019-01-15",
                    DateBasis::Derived,
                    "18-05-23-x.md",
                ),
                date(
                    PromotionEvent::Bootcamp,
                    "2019-02-11",
                    DateBasis::Stated,
                    "20-01-17-bilan-eig3.md",
                ),
            ],
        }
    }

    #[test]
    fn windows_say_how_each_date_is_known() {
        assert_eq!(
            window_words(&eig3(), Lang::Fr).as_deref(),
            Some("EIG 3 : du 15 janvier 2019 (déduit des dix mois) au 15 novembre 2019")
        );
        assert_eq!(
            window_words(&eig3(), Lang::En).as_deref(),
            Some("EIG 3: from 15 January 2019 (derived from the ten months) to 15 November 2019")
        );
        assert_eq!(
            window_sources(&eig3()),
            [
                CitedFile {
                    name: "18-05-23-x.md".into(),
                    post: Some("https://entrepreneur-interet-general.etalab.gouv.fr/blog/2018/05/23/x.html".into()),
                },
                CitedFile {
                    name: "20-01-17-bilan-eig3.md".into(),
                    post: Some("https://entrepreneur-interet-general.etalab.gouv.fr/blog/2020/01/17/bilan-eig3.html".into()),
                },
            ]
        );
        let events: Vec<PromotionEvent> =
            events(&eig3(), Lang::Fr).iter().map(|e| e.event).collect();
        assert_eq!(
            events,
            [
                PromotionEvent::Start,
                PromotionEvent::Bootcamp,
                PromotionEvent::End
            ]
        );
        let undated = Promotion {
            dates: Vec::new(),
            ..eig3()
        };
        assert_eq!(window_words(&undated, Lang::Fr), None);
    }
}
