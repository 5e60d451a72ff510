//! The one translation layer: the interface's languages (French first, English available) and the
//! three ways a text gets its words, each with both languages written side by side at the call:
//!
//! - [`Lang::pick`]: a fixed text, `lang.pick("Télécharger", "Download")`;
//! - [`tr!`](crate::tr): a formatted text in a known language,
//!   `tr!(lang, "{n} entrées", "{n} entries")` → `String`;
//! - [`Text`] and [`text!`](crate::text): a message made before its language is known (a contract
//!   problem, a source error, an ignored parameter, a report finding), shown later in either.
//!
//! Numbers and dates in each language's forms are in [`crate::base::format`]. Nothing else in the
//! workspace matches on [`Lang`] to choose words (a test in `tests/translations.rs` checks it, and
//! that every pair is translated, different and formats the same values).

use std::borrow::Cow;
use std::fmt;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Both languages, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// Reads `fr` or `en` (any case); anything else is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, as a language menu shows it.
    pub fn name(self) -> &'static str {
        self.pick("français", "English")
    }

    pub fn code(self) -> &'static str {
        self.pick("fr", "en")
    }

    /// The language a switch offers from this one.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// Picks the text of this language among a French and an English one.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// A text in both languages, for a message made before the language it will be shown in is known.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    fr: Cow<'static, str>,
    en: Cow<'static, str>,
}

impl Text {
    /// A fixed text: `Text::fixed("fichier vide", "empty file")`.
    pub const fn fixed(fr: &'static str, en: &'static str) -> Text {
        Text {
            fr: Cow::Borrowed(fr),
            en: Cow::Borrowed(en),
        }
    }

    /// A word written the same in both languages (« défis », « promotions »).
    pub const fn same(word: &'static str) -> Text {
        Text::fixed(word, word)
    }

    /// A text built at run time; prefer [`text!`](crate::text), which writes both side by side.
    pub fn new(fr: String, en: String) -> Text {
        Text {
            fr: Cow::Owned(fr),
            en: Cow::Owned(en),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.fr, &self.en)
    }
}

/// French, as the interface's first language (for `{}` in logs and `Display` of errors).
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.fr)
    }
}

/// A formatted text in `lang`: `tr!(lang, "{n} entrées", "{n} entries")`, with arguments after
/// the two texts as in `format!`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $fr:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::base::lang::Lang::Fr => format!($fr $(, $arg)*),
            $crate::base::lang::Lang::En => format!($en $(, $arg)*),
        }
    };
}

/// A formatted [`Text`] in both languages: `text!("défi inconnu « {id} »", "unknown défi \"{id}\"")`.
#[macro_export]
macro_rules! text {
    ($fr:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        $crate::base::lang::Text::new(format!($fr $(, $arg)*), format!($en $(, $arg)*))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_way_gives_the_language_asked() {
        let n = 3;
        assert_eq!(
            crate::tr!(Lang::Fr, "{n} entrées", "{n} entries"),
            "3 entrées"
        );
        assert_eq!(
            crate::tr!(Lang::En, "{} entrées", "{} entries", n),
            "3 entries"
        );
        let later = crate::text!("défi « {n} »", "défi \"{n}\"");
        assert_eq!(later.get(Lang::Fr), "défi « 3 »");
        assert_eq!(later.get(Lang::En), "défi \"3\"");
        assert_eq!(later.to_string(), "défi « 3 »");
        assert_eq!(Text::fixed("vide", "empty").get(Lang::En), "empty");
        assert_eq!(Lang::ALL.map(Lang::code), ["fr", "en"]);
    }
}
