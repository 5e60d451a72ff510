//! Reading the website's catalogue (`defis.yml`, `personnes.yml`, `skills.yml`, `promos.yml`) as written.

use indexmap::IndexMap;
use serde::Deserialize;
use serde_saphyr::Spanned;

use eig_pulse_core::contract::export::Skill;

use crate::source::{SourceError, SourceText};
use crate::yaml::{self, line_of, RepeatedKey};

/// A défi entry as written in `defis.yml`; the keys the exporter reads, nothing more.
#[derive(Debug, Deserialize)]
pub struct RawDefi {
    pub title: Option<String>,
    pub year: Option<i32>,
    pub promotion: Option<Spanned<PromotionKey>>,
    pub description: Option<String>,
    pub administration: Option<Spanned<String>>,
    pub administration_website: Option<Spanned<String>>,
    pub skills: Option<Vec<Spanned<String>>>,
    pub eigs: Option<Vec<Spanned<String>>>,
    pub mentors: Option<Vec<Spanned<String>>>,
    pub source_code: Option<Spanned<String>>,
    pub website: Option<Spanned<String>>,
    pub key_figures: Option<Vec<RawKeyFigure>>,
    /// How many months the défi runs (10 for EIG, 6 to 12 for DIG).
    pub duration_months: Option<Spanned<u32>>,
    /// The défi's page on the site (`/defis/2018/previsecours.html`).
    pub link_to: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct RawKeyFigure {
    pub amount: f64,
    pub description: Option<String>,
}

/// A promotion as the catalogue writes it: a number (1 to 4) or a word (`dig`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum PromotionKey {
    Number(i64),
    Word(String),
}

impl PromotionKey {
    /// The export's promotion id: `"1"`…`"4"` or `"dig"` (lower case).
    pub fn id(&self) -> String {
        match self {
            PromotionKey::Number(n) => n.to_string(),
            PromotionKey::Word(w) => w.trim().to_lowercase(),
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct RawPerson {
    pub profil: Option<String>,
    /// Such as `["eig-1", "eig", "webdev"]`, or `["mentor", "eig-4"]`.
    pub class: Option<Vec<String>>,
    /// GitHub handle, when given.
    pub github: Option<String>,
    /// Défi names as the person's page writes them.
    pub defis: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
pub struct RawPromotion {
    pub promotion: PromotionKey,
    pub title: Option<String>,
    /// Such as `"2019 eig-3"`: its first word is the year.
    pub class: Option<String>,
}

/// An entry of a catalogue file: its key, the line where it starts, its value as written.
#[derive(Debug)]
pub struct Keyed<T> {
    pub key: String,
    pub line: usize,
    pub value: T,
}

/// The four catalogue files, parsed, each entry with the line where it starts.
#[derive(Debug)]
pub struct Catalogue {
    pub defis_file: String,
    pub defis: Vec<Keyed<RawDefi>>,
    pub people_file: String,
    pub people: IndexMap<String, RawPerson>,
    pub skills_file: String,
    pub skills: Vec<Skill>,
    pub promos_file: String,
    pub promotions: Vec<Keyed<RawPromotion>>,
    /// Keys written twice with the same value, in any of the four files.
    pub repeated_keys: Vec<RepeatedKey>,
}

impl Catalogue {
    pub fn parse(
        defis: &SourceText,
        people: &SourceText,
        skills: &SourceText,
        promos: &SourceText,
    ) -> Result<Catalogue, SourceError> {
        let mut repeated_keys = Vec::new();
        let defi_map: IndexMap<String, Spanned<RawDefi>> = read(defis, &mut repeated_keys)?;
        let people_map: IndexMap<String, RawPerson> = read(people, &mut repeated_keys)?;
        let skill_map: IndexMap<String, String> = read(skills, &mut repeated_keys)?;
        let promo_map: IndexMap<String, Spanned<RawPromotion>> = read(promos, &mut repeated_keys)?;
        Ok(Catalogue {
            repeated_keys,
            defis_file: defis.name.clone(),
            defis: defi_map.into_iter().map(keyed).collect(),
            people_file: people.name.clone(),
            people: people_map,
            skills_file: skills.name.clone(),
            skills: skill_map
                .into_iter()
                .map(|(id, label)| Skill { id, label })
                .collect(),
            promos_file: promos.name.clone(),
            promotions: promo_map.into_iter().map(keyed).collect(),
        })
    }
}

fn read<T: serde::de::DeserializeOwned>(
    source: &SourceText,
    repeated_keys: &mut Vec<RepeatedKey>,
) -> Result<T, SourceError> {
    let parsed = yaml::parse(source)?;
    repeated_keys.extend(parsed.repeated_keys);
    Ok(parsed.value)
}

fn keyed<T>((key, spanned): (String, Spanned<T>)) -> Keyed<T> {
    Keyed {
        key,
        line: line_of(&spanned),
        value: spanned.value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> SourceText {
        SourceText::new("defis.yml", text)
    }

    #[test]
    fn duplicate_keys_are_errors_with_their_line() {
        let text = "a:\n  title: A\na:\n  title: B\n";
        let err = yaml::parse::<IndexMap<String, RawDefi>>(&source(text)).unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.message.to_string().contains("en double"), "{err}");
    }

    #[test]
    fn wrong_types_name_the_line() {
        let text = "a:\n  title: A\n  year: deux-mille\n";
        let err = yaml::parse::<IndexMap<String, RawDefi>>(&source(text)).unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
    }

    #[test]
    fn promotions_are_numbers_or_words() {
        let text = "a:\n  promotion: 4\nb:\n  promotion: dig\n";
        let map: IndexMap<String, RawDefi> = yaml::parse(&source(text)).unwrap().value;
        let ids: Vec<String> = map
            .values()
            .map(|d| d.promotion.as_ref().unwrap().value.id())
            .collect();
        assert_eq!(ids, vec!["4", "dig"]);
    }
}
