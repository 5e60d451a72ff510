//! Folding free-written names into comparison keys and stable slugs.

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
}
