//! The dashboard's filters and their URL form (`?admin=…&promo=…&skill=…&tech=…&from=…&to=…`).

use crate::base::date::parse_date;
use crate::base::lang::{Lang, Text};
use crate::contract::export::Export;

/// What the user narrowed the cohort to; `None` means everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// An administration id; its descendants are included.
    pub admin: Option<String>,
    pub promo: Option<String>,
    pub skill: Option<String>,
    pub from: Option<time::Date>,
    pub to: Option<time::Date>,
    /// A technology id: défis that declare it (firmly) or whose scanned code shows it.
    pub tech: Option<String>,
}

/// A URL parameter that was ignored, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub name: String,
    pub value: String,
    pub reason: Text,
    pub kind: IgnoredKind,
}

/// Why a parameter was ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IgnoredKind {
    /// A name the dashboard does not read (`fbclid`, `utm_source`, a typo): the dashboard says
    /// so, an embedded chart keeps quiet.
    UnknownName,
    /// A filter whose value does not fit (an unknown id, a malformed date): said everywhere.
    InvalidValue,
}

/// The filters' names in the address.
pub const FILTER_PARAMETERS: [&str; 6] = ["admin", "promo", "skill", "tech", "from", "to"];

/// The parameters the dashboard reads besides the filters (they are not ignored).
const OTHER_PARAMETERS: [&str; 7] = ["data", "lang", "defi", "chart", "theme", "plain", "timeout"];

/// The parameters only the interactive chart can draw: the filters and another export.
pub fn live_parameters() -> Vec<&'static str> {
    FILTER_PARAMETERS.into_iter().chain(["data"]).collect()
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// True when a filter narrows the set of défis (not only the period).
    pub fn narrows_defis(&self) -> bool {
        self.admin.is_some() || self.promo.is_some() || self.skill.is_some() || self.tech.is_some()
    }

    /// Reads the filters from a query string (with or without `?`), checking ids against the export.
    /// Unknown names and invalid values are returned as [`Ignored`], never applied.
    pub fn from_query(query: &str, export: &Export) -> (Filters, Vec<Ignored>) {
        let mut filters = Filters::default();
        let mut ignored = Vec::new();
        for (name, value) in query_pairs(query) {
            // An empty filter is no filter: the page's form, sent before its code runs, names
            // every field (`?admin=&promo=3`).
            if value.is_empty() && FILTER_PARAMETERS.contains(&name.as_str()) {
                continue;
            }
            let kind = if FILTER_PARAMETERS.contains(&name.as_str()) {
                IgnoredKind::InvalidValue
            } else {
                IgnoredKind::UnknownName
            };
            let mut ignore = |reason: Text| {
                ignored.push(Ignored {
                    name: name.clone(),
                    value: value.clone(),
                    reason,
                    kind,
                });
            };
            match name.as_str() {
                "admin" if export.administrations.iter().any(|a| a.id == value) => {
                    filters.admin = Some(value.clone());
                }
                "admin" => ignore(Text::fixed(
                    "administration inconnue",
                    "unknown administration",
                )),
                "promo" if export.promotions.iter().any(|p| p.id == value) => {
                    filters.promo = Some(value.clone());
                }
                "promo" => ignore(Text::fixed("promotion inconnue", "unknown promotion")),
                "skill" if export.skills.iter().any(|s| s.id == value) => {
                    filters.skill = Some(value.clone());
                }
                "skill" => ignore(Text::fixed("compétence inconnue", "unknown skill")),
                "tech" if export.technologies.iter().any(|t| t.id == value) => {
                    filters.tech = Some(value.clone());
                }
                "tech" => ignore(Text::fixed("technologie inconnue", "unknown technology")),
                "from" | "to" => match parse_date(&value) {
                    Some(date) if name == "from" => filters.from = Some(date),
                    Some(date) => filters.to = Some(date),
                    None => ignore(Text::fixed(
                        "date attendue au format AAAA-MM-JJ",
                        "date expected as YYYY-MM-DD",
                    )),
                },
                other if OTHER_PARAMETERS.contains(&other) => {}
                _ => ignore(Text::fixed("paramètre inconnu", "unknown parameter")),
            }
        }
        if let (Some(from), Some(to)) = (filters.from, filters.to) {
            if from > to {
                ignored.push(Ignored {
                    name: "from".into(),
                    value: from.to_string(),
                    reason: Text::fixed(
                        "début après la fin de la période",
                        "start after the end of the period",
                    ),
                    kind: IgnoredKind::InvalidValue,
                });
                filters.from = None;
            }
        }
        (filters, ignored)
    }

    /// The filters as query pairs, in a fixed order; empty filters are left out.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(admin) = &self.admin {
            pairs.push(("admin", admin.clone()));
        }
        if let Some(promo) = &self.promo {
            pairs.push(("promo", promo.clone()));
        }
        if let Some(skill) = &self.skill {
            pairs.push(("skill", skill.clone()));
        }
        if let Some(tech) = &self.tech {
            pairs.push(("tech", tech.clone()));
        }
        if let Some(from) = self.from {
            pairs.push(("from", from.to_string()));
        }
        if let Some(to) = self.to {
            pairs.push(("to", to.to_string()));
        }
        pairs
    }

    /// The `eig-pulse render` command drawing `chart` with these filters as a PNG, every
    /// argument quoted for a POSIX shell (the « Intégrer » dialog shows it to be pasted).
    pub fn render_command(&self, chart: &str) -> String {
        let mut parts: Vec<String> = [
            "eig-pulse",
            "render",
            "--export",
            "data/export.json",
            "--chart",
        ]
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
        parts.push(shell_word(chart));
        for (name, value) in self.to_pairs() {
            parts.push(format!("--{name}"));
            parts.push(shell_word(&value));
        }
        parts.extend(["--format".into(), "png".into(), "-o".into()]);
        parts.push(shell_word(&format!("{chart}.png")));
        parts.join(" ")
    }
}

/// One word for a POSIX shell: as is when made of safe characters, else in single quotes
/// (a quote inside becomes `'\''`).
fn shell_word(text: &str) -> String {
    let safe =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':' | '=');
    if !text.is_empty() && text.chars().all(safe) && !text.starts_with('-') {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// Decodes `a=1&b=x%20y` into pairs (`+` is a space).
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Builds a query string (`?a=1&b=x+y`) from pairs; empty when there are none.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let mut serializer = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
    for (name, value) in pairs {
        serializer.append_pair(name, value);
    }
    serializer.finish()
}

/// What one active filter narrows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    Admin,
    Promo,
    Skill,
    Tech,
    Period,
}

impl FilterKind {
    /// Its label in a filter tag (« Promotion : EIG 2 »).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            FilterKind::Admin => "Administration",
            FilterKind::Promo => "Promotion",
            FilterKind::Skill => lang.pick("Compétence", "Skill"),
            FilterKind::Tech => lang.pick("Technologie", "Technology"),
            FilterKind::Period => lang.pick("Période", "Period"),
        }
    }

    /// Removes this filter.
    pub fn clear(self, filters: &mut Filters) {
        match self {
            FilterKind::Admin => filters.admin = None,
            FilterKind::Promo => filters.promo = None,
            FilterKind::Skill => filters.skill = None,
            FilterKind::Tech => filters.tech = None,
            FilterKind::Period => {
                filters.from = None;
                filters.to = None;
            }
        }
    }
}

#[cfg(test)]
mod shell {
    use super::*;

    #[test]
    fn render_command_quotes_every_argument() {
        let filters = Filters {
            admin: Some("$(rm -rf ~)'; echo".into()),
            promo: Some("dig".into()),
            ..Filters::default()
        };
        assert_eq!(
            filters.render_command("journal-weekly"),
            "eig-pulse render --export data/export.json --chart journal-weekly \
             --admin '$(rm -rf ~)'\\''; echo' --promo dig --format png -o journal-weekly.png"
        );
        assert_eq!(shell_word("-n"), "'-n'");
        assert_eq!(shell_word(""), "''");
    }
}
