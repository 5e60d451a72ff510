//! Pinned embeds: the version an export's embed pages are kept under (the export's day and a
//! short hash of its bytes), where a version's pages and its copy of the export lie beside the
//! dashboard, and what a pinned page and the « Intégrer » dialog say of it.
//!
//! A build writes its light embed pages twice: at the stable path (`embed/<chart>.<lang>.html`,
//! always the newest figures) and under its version (`embed/v/<version>/<chart>.<lang>.html`,
//! with its plots and `export.json`), which later builds never rewrite.

use crate::base::date::parse_date;
use crate::base::format;
use crate::{tr, Lang};

/// The folder of the embed pages, beside the dashboard.
pub const EMBED_FOLDER: &str = "embed";
/// The folder of the versions, inside [`EMBED_FOLDER`].
pub const VERSIONS_FOLDER: &str = "v";
/// A version's copy of its export, inside the version's folder.
pub const PINNED_EXPORT: &str = "export.json";

/// The stable page of a chart in a language, from the dashboard's folder: the newest figures.
pub fn stable_page(slug: &str, lang: Lang) -> String {
    format!("{EMBED_FOLDER}/{slug}.{}.html", lang.code())
}

/// What a version is named after: the export's day and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportVersion {
    /// The day the export was generated (its `generated_at`).
    pub day: time::Date,
    /// `<day>-<hash>`, e.g. `2026-11-29-1a2b3c4d`: the version's folder.
    pub name: String,
}

impl ExportVersion {
    /// The version of the export `bytes`, generated at `generated_at` (an RFC 3339 date-time or
    /// a day); `None` when that does not start with a day.
    pub fn of(generated_at: &str, bytes: &[u8]) -> Option<Self> {
        let day = parse_date(generated_at.get(..10)?)?;
        let name = format!("{}-{:08x}", &generated_at[..10], short_hash(bytes));
        Some(Self { day, name })
    }

    /// The version's folder inside the embed folder: `v/<name>`.
    pub fn folder(&self) -> String {
        format!("{VERSIONS_FOLDER}/{}", self.name)
    }

    /// A chart's pinned page, from the dashboard's folder.
    pub fn page(&self, slug: &str, lang: Lang) -> String {
        format!(
            "{EMBED_FOLDER}/{}/{slug}.{}.html",
            self.folder(),
            lang.code()
        )
    }

    /// The version's copy of its export, from the dashboard's folder.
    pub fn export(&self) -> String {
        format!("{EMBED_FOLDER}/{}/{PINNED_EXPORT}", self.folder())
    }

    /// What a pinned page says of its figures: « Chiffres figés au 29 novembre 2026 ».
    pub fn note(&self, lang: Lang) -> String {
        let day = format::date(self.day, lang);
        tr!(lang, "Chiffres figés au {day}", "Figures as of {day}")
    }

    /// The dialog's choice of this version: « figé au 29 novembre 2026 ».
    pub fn choice(&self, lang: Lang) -> String {
        let day = format::date(self.day, lang);
        tr!(lang, "figé au {day}", "pinned to {day}")
    }
}

/// The page a snippet frames: the version's when `pinned`, else the stable one.
pub fn embed_page(pinned: Option<&ExportVersion>, slug: &str, lang: Lang) -> String {
    pinned.map_or_else(
        || stable_page(slug, lang),
        |version| version.page(slug, lang),
    )
}

/// What the dialog's choice between a version and the stable page is called.
pub fn choice_label(lang: Lang) -> &'static str {
    lang.pick("Chiffres", "Figures")
}

/// The link from a pinned page to the stable one.
pub fn see_current(lang: Lang) -> &'static str {
    lang.pick("voir la version à jour", "see the current version")
}

/// The dialog's choice of the stable page.
pub fn always_current(lang: Lang) -> &'static str {
    lang.pick("toujours à jour", "always current")
}

/// 32 bits of FNV-1a (64-bit) over `bytes`: enough to tell two exports of one day apart, and
/// small enough to write by hand (no hashing crate in the dashboard's WebAssembly).
fn short_hash(bytes: &[u8]) -> u32 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = bytes.iter().fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(PRIME)
    });
    // The two halves folded together: every byte still counts in the 32 bits kept.
    (hash ^ (hash >> 32)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_is_the_export_day_and_a_hash_of_its_bytes() {
        let version = ExportVersion::of("2026-11-29T08:00:00Z", b"{}").unwrap();
        // FNV-1a 64 of "{}" is 0x08f44b07b5901a25 (Python); folded: 0x08f44b07 ^ 0xb5901a25.
        assert_eq!(version.name, "2026-11-29-bd645122");
        assert_eq!(
            version.page("journal-weekly", Lang::Fr),
            "embed/v/2026-11-29-bd645122/journal-weekly.fr.html"
        );
        assert_eq!(version.export(), "embed/v/2026-11-29-bd645122/export.json");
        assert_eq!(
            stable_page("journal-weekly", Lang::En),
            "embed/journal-weekly.en.html"
        );
        assert_eq!(
            embed_page(Some(&version), "x", Lang::En),
            version.page("x", Lang::En)
        );
        assert_eq!(embed_page(None, "x", Lang::En), stable_page("x", Lang::En));
    }

    #[test]
    fn one_byte_more_is_another_version_and_the_same_bytes_the_same() {
        let first = ExportVersion::of("2026-11-29T08:00:00Z", b"{\"a\": 1}").unwrap();
        let again = ExportVersion::of("2026-11-29T08:00:00Z", b"{\"a\": 1}").unwrap();
        let other = ExportVersion::of("2026-11-29T08:00:00Z", b"{\"a\": 1} ").unwrap();
        assert_eq!(first, again);
        assert_ne!(first.name, other.name);
        assert_eq!(first.name.len(), "2026-11-29-".len() + 8);
    }

    #[test]
    fn a_pinned_page_says_its_day_in_both_languages() {
        let version = ExportVersion::of("2026-11-29T23:59:00+01:00", b"x").unwrap();
        assert_eq!(version.note(Lang::Fr), "Chiffres figés au 29 novembre 2026");
        assert_eq!(version.note(Lang::En), "Figures as of 29 November 2026");
        assert_eq!(version.choice(Lang::Fr), "figé au 29 novembre 2026");
        let first = ExportVersion::of("2026-12-01T00:00:00Z", b"x").unwrap();
        assert_eq!(first.note(Lang::Fr), "Chiffres figés au 1er décembre 2026");
    }

    #[test]
    fn a_generated_at_without_a_day_has_no_version() {
        for bad in ["", "2026-11", "29/11/2026 08:00", "2026-02-30T00:00:00Z"] {
            assert_eq!(ExportVersion::of(bad, b"{}"), None, "{bad}");
        }
    }
}
