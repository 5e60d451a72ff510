//! The people of `personnes.yml` as the défis name them: by their exact name first, then by
//! their folded name; the homonyms a fold would merge (« Pierre-Alain » and « Pierre–Alain »
//! are two people), and the EIG the catalogue lists as mentors.

use std::collections::HashMap;

use indexmap::IndexMap;

use crate::names::fold;
use crate::site::RawPerson;

/// `personnes.yml`, looked up by name.
pub struct People<'a> {
    exact: HashMap<&'a str, Found<'a>>,
    /// Folded name → the people of that fold, in file order.
    folded: HashMap<String, Vec<(&'a str, &'a RawPerson)>>,
}

/// A name as `personnes.yml` resolves it.
#[derive(Debug, Clone, Copy)]
pub struct Found<'a> {
    /// The entry's key, as written in `personnes.yml`.
    pub key: &'a str,
    pub person: &'a RawPerson,
}

/// The person a défi names, if any, and the other people whose names fold like it.
#[derive(Debug, Clone, Default)]
pub struct Lookup<'a> {
    pub found: Option<Found<'a>>,
    /// Keys of the other entries whose names differ only by case, accents, dashes or spacing.
    pub homonyms: Vec<&'a str>,
}

impl<'a> People<'a> {
    pub fn new(people: &'a IndexMap<String, RawPerson>) -> People<'a> {
        let mut folded: HashMap<String, Vec<(&str, &RawPerson)>> = HashMap::new();
        for (key, person) in people {
            folded.entry(fold(key)).or_default().push((key, person));
        }
        People {
            exact: people
                .iter()
                .map(|(key, person)| (key.trim(), Found { key, person }))
                .collect(),
            folded,
        }
    }

    /// The person `name` (written in défi `defi_title`) refers to: the entry of that exact
    /// name; else the only entry of its fold; else the one of its fold whose page names the
    /// défi, or the first.
    pub fn find(&self, name: &str, defi_title: &str) -> Lookup<'a> {
        let name = name.trim();
        let same_fold = self.folded.get(&fold(name)).map_or(&[][..], Vec::as_slice);
        let chosen = match self.exact.get(name) {
            Some(found) => Some(*found),
            None => {
                let names_defi = |(_, person): &&(&str, &RawPerson)| {
                    person
                        .defis
                        .iter()
                        .flatten()
                        .any(|d| fold(d) == fold(defi_title))
                };
                same_fold
                    .iter()
                    .find(names_defi)
                    .or(same_fold.first())
                    .map(|(key, person)| Found { key, person })
            }
        };
        let homonyms = same_fold
            .iter()
            .map(|(key, _)| *key)
            .filter(|key| chosen.is_some_and(|c| c.key != *key))
            .collect();
        Lookup {
            found: chosen,
            homonyms,
        }
    }
}

/// A profile folded onto the skill ids, plus `mentor` and `support`.
pub fn role_of(profile: &str) -> Option<&'static str> {
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

/// An EIG's profile (developer, designer, data scientist or engineer) when `person` is an
/// entrepreneur and never a mentor: their page's classes do not say `mentor`.
pub fn eig_profile(person: &RawPerson) -> Option<&str> {
    let profile = person.profil.as_deref()?;
    let is_mentor = person
        .class
        .iter()
        .flatten()
        .any(|class| fold(class) == "mentor");
    let eig_role = matches!(
        role_of(profile),
        Some("dev" | "design" | "datascience" | "dataengineering")
    );
    (eig_role && !is_mentor).then_some(profile)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(profil: &str, class: &[&str], defis: &[&str]) -> RawPerson {
        RawPerson {
            profil: Some(profil.into()),
            github: None,
            defis: Some(defis.iter().map(ToString::to_string).collect()),
            class: Some(class.iter().map(ToString::to_string).collect()),
        }
    }

    #[test]
    fn exact_names_come_before_their_homonyms() {
        let people: IndexMap<String, RawPerson> = [
            (
                "Pierre-Alain Jachiet",
                person("Data scientist", &["eig-3", "eig"], &["Open Chronic"]),
            ),
            (
                "Pierre–Alain Jachiet",
                person("Mentor", &["mentor", "eig-4"], &["ADEX"]),
            ),
            ("Léa Unique", person("Designer", &["eig-4"], &["X"])),
        ]
        .into_iter()
        .map(|(k, p)| (k.to_string(), p))
        .collect();
        let people = People::new(&people);
        let eig = people.find("Pierre-Alain Jachiet", "Open Chronic");
        assert_eq!(eig.found.map(|f| f.key), Some("Pierre-Alain Jachiet"));
        assert_eq!(eig.homonyms, ["Pierre–Alain Jachiet"]);
        let mentor = people.find("Pierre–Alain Jachiet", "ADEX");
        assert_eq!(mentor.found.map(|f| f.key), Some("Pierre–Alain Jachiet"));
        // Written with a third dash: the page that names the défi decides.
        let other = people.find("Pierre—Alain Jachiet", "ADEX");
        assert_eq!(other.found.map(|f| f.key), Some("Pierre–Alain Jachiet"));
        assert_eq!(other.homonyms, ["Pierre-Alain Jachiet"]);
        let plain = people.find("lea unique", "X");
        assert_eq!(plain.found.map(|f| f.key), Some("Léa Unique"));
        assert!(plain.homonyms.is_empty());
        assert!(people.find("Personne", "X").found.is_none());
    }

    #[test]
    fn eig_profiles_are_those_of_people_never_mentors() {
        assert_eq!(
            eig_profile(&person("Développeur", &["eig-1", "eig", "webdev"], &[])),
            Some("Développeur")
        );
        assert_eq!(
            eig_profile(&person("Data scientist", &["eig-2", "mentor"], &[])),
            None
        );
        assert_eq!(
            eig_profile(&person("Accompagnement", &["eig-1"], &[])),
            None
        );
        assert_eq!(eig_profile(&person("Mentor", &["eig-4"], &[])), None);
    }
}
