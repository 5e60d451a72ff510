//! Names: free-written names folded into comparison keys and stable slugs, the défis' ids, and
//! the catalogue's défi names that a journal, stack or openness record writes.

use std::collections::{HashMap, HashSet};

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower case, accents removed, typographic quotes and dashes made plain, white space collapsed.
///
/// Two spellings of one name that differ only in case, accents, quotes or spacing share a key:
/// `"Ministère de l’Intérieur"` and `"ministere de l'interieur "` both give `"ministere de l'interieur"`.
pub fn fold(text: &str) -> String {
    let plain: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .map(plain_punctuation)
        .flat_map(char::to_lowercase)
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Like [`fold`] but keeping letters and digits only: `"Brigade Numérique"` and
/// `"BrigadeNumérique"` both give `"brigadenumerique"`.
pub fn compact_key(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A URL- and file-safe identifier: `"Karfu’R"` gives `"karfu-r"`.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Typographic apostrophes, quotes and dashes as their plain ASCII forms.
pub fn plain_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{00B4}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => ' ',
        other => other,
    }
}

/// The défis' ids, given in file order: each the slug of its key, with `-2`, `-3`… when an
/// earlier key gave the same slug.
#[derive(Debug, Default)]
pub struct UniqueIds {
    taken: HashSet<String>,
    /// Per slug, the next suffix to try: a slug met again starts where it stopped, so that
    /// keys which all slug alike take linear time, not quadratic.
    next_suffix: HashMap<String, usize>,
    /// Suffixes tried so far: one per repeated key when no suffix is otherwise taken.
    tries: usize,
}

impl UniqueIds {
    /// The id of the next key.
    pub fn next(&mut self, key: &str) -> String {
        let base = slug(key);
        if self.taken.insert(base.clone()) {
            return base;
        }
        let suffix = self.next_suffix.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{suffix}");
            *suffix += 1;
            self.tries += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// How a journal name was matched to a défi.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameMatch {
    /// Same name once case, accents and spacing around words are ignored.
    Exact(String),
    /// Matched by a tolerant rule, named in French for the report.
    Approximate(String, &'static str),
    None,
}

/// One défi as its names are matched: its id, its catalogue key and title, its year.
#[derive(Debug, Clone, Copy)]
pub struct DefiName<'a> {
    pub id: &'a str,
    pub key: &'a str,
    pub title: &'a str,
    pub year: i32,
}

/// Défi names of the catalogue (keys and titles), for matching journal names.
pub struct DefiNames {
    by_fold: HashMap<String, Vec<(String, i32)>>,
    by_compact: HashMap<String, Vec<(String, i32)>>,
}

impl DefiNames {
    /// From each défi's id, catalogue key, title and year.
    pub fn new<'a>(defis: impl IntoIterator<Item = DefiName<'a>>) -> DefiNames {
        let mut by_fold: HashMap<String, Vec<(String, i32)>> = HashMap::new();
        let mut by_compact: HashMap<String, Vec<(String, i32)>> = HashMap::new();
        for DefiName {
            id,
            key,
            title,
            year,
        } in defis
        {
            // A défi's entries are pushed together: comparing with the last one is enough to
            // keep each once, in constant time however many défis share a key.
            for name in [key, title] {
                let entry = (id.to_string(), year);
                let folded = by_fold.entry(fold(name)).or_default();
                if folded.last() != Some(&entry) {
                    folded.push(entry.clone());
                }
                // `b@liseNAV` is also written `BaliseNAV`: the @ read as an a.
                let mut keys = vec![compact_key(name)];
                if name.contains('@') {
                    keys.push(compact_key(&name.replace('@', "a")));
                }
                for key in keys {
                    let compact = by_compact.entry(key).or_default();
                    if compact.last() != Some(&entry) {
                        compact.push(entry.clone());
                    }
                }
            }
        }
        DefiNames {
            by_fold,
            by_compact,
        }
    }

    /// The défi a journal name written in a row of `year` refers to.
    pub fn find(&self, label: &str, year: i32) -> NameMatch {
        if label.trim().is_empty() {
            return NameMatch::None;
        }
        if let Some(found) = self.by_fold.get(&fold(label)) {
            return match pick(found, year) {
                Some((id, false)) => NameMatch::Exact(id),
                Some((id, true)) => NameMatch::Approximate(id, "même nom, année de la ligne"),
                None => NameMatch::None,
            };
        }
        let compact = compact_key(label);
        let attempts: [(String, &'static str); 3] = [
            (compact.clone(), "espaces et ponctuation ignorés"),
            (format!("{compact}s"), "singulier/pluriel"),
            (
                compact.strip_suffix('s').unwrap_or("").to_string(),
                "singulier/pluriel",
            ),
        ];
        for (key, rule) in attempts {
            if let Some(found) = self.by_compact.get(&key) {
                if let Some((id, _)) = pick(found, year) {
                    return NameMatch::Approximate(id, rule);
                }
            }
        }
        NameMatch::None
    }
}

/// The single candidate, or the single one of the row's year (flagged `true`).
fn pick(candidates: &[(String, i32)], year: i32) -> Option<(String, bool)> {
    match candidates {
        [(id, _)] => Some((id.clone(), false)),
        _ => {
            let same_year: Vec<&(String, i32)> =
                candidates.iter().filter(|(_, y)| *y == year).collect();
            match same_year.as_slice() {
                [(id, _)] => Some((id.clone(), true)),
                _ => None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_accents_quotes_and_spacing() {
        assert_eq!(fold("Ministère de l’Intérieur"), "ministere de l'interieur");
        assert_eq!(
            fold("  ministere  de l'INTERIEUR "),
            "ministere de l'interieur"
        );
        assert_eq!(fold("Pierre–Alain"), "pierre-alain");
    }

    #[test]
    fn compact_key_joins_words() {
        assert_eq!(
            compact_key("Brigade Numérique"),
            compact_key("BrigadeNumérique")
        );
        assert_eq!(compact_key("b@liseNAV"), "blisenav");
    }

    #[test]
    fn slugs_are_ascii_and_dashed() {
        assert_eq!(slug("Karfu’R"), "karfu-r");
        assert_eq!(slug("EIG Link 2018"), "eig-link-2018");
        assert_eq!(slug("Vers l'école pour tous"), "vers-l-ecole-pour-tous");
        assert_eq!(slug("AFD - Geodata"), "afd-geodata");
        assert_eq!(slug("b@liseNAV"), "b-lisenav");
    }

    #[test]
    fn ids_take_the_next_free_suffix() {
        let mut ids = UniqueIds::default();
        let given: Vec<String> = ["Adex", "adex-2", "ADEX!", "adex", "Adex 3"]
            .iter()
            .map(|key| ids.next(key))
            .collect();
        assert_eq!(given, ["adex", "adex-2", "adex-3", "adex-4", "adex-3-2"]);
    }

    /// Linear, not quadratic (issue 22: 20 000 such keys took 57.6 s when each started again
    /// from `-2`), counted in tries rather than timed.
    #[test]
    fn keys_that_slug_alike_take_one_try_each() {
        let mut ids = UniqueIds::default();
        let marks = ['!', '?', '.', ';', ':', '#', '%', '&', '*', '+'];
        for n in 0..10_000usize {
            let suffix: String = (0..4)
                .map(|place| marks[n / 10usize.pow(place) % 10])
                .collect();
            ids.next(&format!("Adex{suffix}"));
        }
        assert_eq!(ids.tries, 9_999, "one try per repeated key");
        assert_eq!(ids.taken.len(), 10_000);
    }

    #[test]
    fn names_match_exactly_approximately_or_not_at_all() {
        let names = DefiNames::new(
            [
                (
                    "brigade-numerique",
                    "Brigade Numérique",
                    "Brigade Numérique",
                    2018,
                ),
                ("coacheleves", "CoachÉlèves", "CoachÉlèves", 2018),
                ("eig-link-2018", "EIG Link 2018", "EIG Link", 2018),
                ("eig-link-2019", "EIG Link 2019", "EIG Link", 2019),
                ("lab-sante", "Lab Santé", "Lab Santé", 2018),
                ("b-lisenav", "b@liseNAV", "b@liseNAV", 2018),
            ]
            .map(|(id, key, title, year)| DefiName {
                id,
                key,
                title,
                year,
            }),
        );
        assert_eq!(
            names.find("lab santé", 2018),
            NameMatch::Exact("lab-sante".into())
        );
        assert!(
            matches!(names.find("BrigadeNumérique", 2018), NameMatch::Approximate(id, _) if id == "brigade-numerique")
        );
        assert!(
            matches!(names.find("CoachÉlève", 2018), NameMatch::Approximate(id, "singulier/pluriel") if id == "coacheleves")
        );
        assert!(
            matches!(names.find("EIG Link", 2019), NameMatch::Approximate(id, _) if id == "eig-link-2019")
        );
        assert_eq!(names.find("EIG Link", 2021), NameMatch::None);
        assert_eq!(names.find("EIG Node", 2018), NameMatch::None);
        assert!(
            matches!(names.find("BaliseNAV", 2018), NameMatch::Approximate(id, _) if id == "b-lisenav")
        );
        assert_eq!(names.find("", 2018), NameMatch::None);
    }
}
