//! The bots table (`data/bots.yml`): which commit authors are programs, and the name each bot
//! is exported under; and the login of a GitHub noreply e-mail, which the table and the
//! scanner's identity folds both read.

use std::collections::HashMap;

use eig_pulse_core::text;
use indexmap::IndexMap;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::names::fold;
use crate::source::{SourceError, SourceText};
use crate::yaml::{self, line_of};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    #[serde(default)]
    app_suffix: Option<String>,
    bots: IndexMap<String, Spanned<RawBot>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBot {
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    logins: Vec<String>,
    #[serde(default)]
    emails: Vec<String>,
    #[serde(default)]
    domains: Vec<String>,
}

/// The table, each way of matching folded to the bot's exported name. Without a table
/// (`Bots::default()`), no author is a bot.
#[derive(Debug, Clone, Default)]
pub struct Bots {
    names: HashMap<String, String>,
    logins: HashMap<String, String>,
    emails: HashMap<String, String>,
    /// (domain, bot), in file order.
    domains: Vec<(String, String)>,
    /// Lower-cased; empty when the table names none.
    app_suffix: String,
}

/// The login of a GitHub noreply e-mail, lower-cased: `12345+Login@users.noreply.github.com`
/// and `login@users.noreply.github.com` both give `login`.
pub fn github_noreply_login(email: &str) -> Option<String> {
    let email = email.trim().to_lowercase();
    let local = email.strip_suffix("@users.noreply.github.com")?;
    let login = match local.split_once('+') {
        Some((id, login)) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) => login,
        _ => local,
    };
    (!login.is_empty() && !login.contains('+')).then(|| login.to_string())
}

impl Bots {
    /// Reads the table; a name, login or e-mail written for two bots, or an entry with nothing
    /// to match, is an error naming the line.
    pub fn parse(source: &SourceText) -> Result<Bots, SourceError> {
        let raw: RawTable = yaml::parse(source)?.value;
        let mut bots = Bots {
            app_suffix: raw.app_suffix.unwrap_or_default().to_lowercase(),
            ..Bots::default()
        };
        for (bot, entry) in &raw.bots {
            let line = line_of(entry);
            let entry = &entry.value;
            let fail = |message| Err(SourceError::new(&source.name, Some(line), message));
            if bot.trim().is_empty() {
                return fail(text!("bot sans nom", "bot without a name"));
            }
            if entry.names.is_empty()
                && entry.logins.is_empty()
                && entry.emails.is_empty()
                && entry.domains.is_empty()
            {
                return fail(text!(
                    "bot « {bot} » : ni nom, ni identifiant, ni courriel, ni domaine",
                    "bot \"{bot}\": no name, login, e-mail or domain"
                ));
            }
            let keyed = [
                (
                    &mut bots.names,
                    entry.names.iter().map(|n| fold(n)).collect(),
                ),
                (&mut bots.logins, lower(&entry.logins)),
                (&mut bots.emails, lower(&entry.emails)),
            ];
            for (map, keys) in keyed {
                let keys: Vec<String> = keys;
                for key in keys {
                    if let Some(other) = map.insert(key.clone(), bot.clone()) {
                        if other != *bot {
                            return fail(text!(
                                "« {key} » désigne deux bots : « {other} » et « {bot} »",
                                "\"{key}\" names two bots: \"{other}\" and \"{bot}\""
                            ));
                        }
                    }
                }
            }
            for domain in lower(&entry.domains) {
                if let Some((_, other)) = bots.domains.iter().find(|(d, _)| *d == domain) {
                    return fail(text!(
                        "« {domain} » désigne deux bots : « {other} » et « {bot} »",
                        "\"{domain}\" names two bots: \"{other}\" and \"{bot}\""
                    ));
                }
                bots.domains.push((domain, bot.clone()));
            }
        }
        Ok(bots)
    }

    /// The bot a commit's author is, by its exported name; `None` for a person.
    pub fn bot_of(&self, name: &str, email: &str) -> Option<String> {
        let login = github_noreply_login(email);
        let email = email.trim().to_lowercase();
        let listed = self
            .names
            .get(&fold(name))
            .or_else(|| login.as_ref().and_then(|l| self.logins.get(l)))
            .or_else(|| self.emails.get(&email))
            .or_else(|| {
                let (_, domain) = email.rsplit_once('@')?;
                self.domains
                    .iter()
                    .find(|(d, _)| {
                        domain == d
                            || domain
                                .strip_suffix(d.as_str())
                                .is_some_and(|above| above.ends_with('.'))
                    })
                    .map(|(_, bot)| bot)
            });
        if let Some(bot) = listed {
            return Some(bot.clone());
        }
        if self.app_suffix.is_empty() {
            return None;
        }
        let is_app = |words: &str| words.to_lowercase().ends_with(&self.app_suffix);
        match login {
            Some(login) if is_app(&login) => Some(login),
            _ => is_app(name.trim()).then(|| name.trim().to_string()),
        }
    }
}

fn lower(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.trim().to_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Bots {
        let text = include_str!("../../../data/bots.yml");
        Bots::parse(&SourceText::new("data/bots.yml", text)).unwrap()
    }

    #[test]
    fn noreply_forms_give_the_login() {
        for (email, login) in [
            ("12345+Ana-T@users.noreply.github.com", Some("ana-t")),
            ("ana-t@users.noreply.github.com", Some("ana-t")),
            (
                " 49699333+dependabot[bot]@users.noreply.github.com ",
                Some("dependabot[bot]"),
            ),
            ("ana@example.org", None),
            ("@users.noreply.github.com", None),
            ("12345+@users.noreply.github.com", None),
        ] {
            assert_eq!(github_noreply_login(email).as_deref(), login, "{email}");
        }
    }

    /// Every bot identity found in the real copies, and the server accounts that are people.
    #[test]
    fn the_cases_of_the_copies() {
        let bots = table();
        for (name, email, bot) in [
            (
                "dependabot[bot]",
                "49699333+dependabot[bot]@users.noreply.github.com",
                Some("dependabot[bot]"),
            ),
            (
                "renovate[bot]",
                "29139614+renovate[bot]@users.noreply.github.com",
                Some("renovate[bot]"),
            ),
            (
                "Social Groovy Bot",
                "45039513+SocialGroovyBot@users.noreply.github.com",
                Some("Social Groovy Bot"),
            ),
            ("snyk-bot", "snyk-bot@snyk.io", Some("Snyk")),
            ("Snyk bot", "github+bot@snyk.io", Some("Snyk")),
            ("Snyk bot", "snyk-bot@snyk.io", Some("Snyk")),
            ("fossabot", "badges@fossa.io", Some("fossabot")),
            ("StyleCI Bot", "bot@styleci.io", Some("StyleCI Bot")),
            ("root", "root@predisauvetage.data.gouv.fr", None),
            ("root", "root@predisauvetage.ip-87-98-216.eu", None),
            ("root", "root@ip-172-31-87-111.ec2.internal", None),
            ("Scaleway dev", "root@scw-ecstatic-borg.com", None),
        ] {
            assert_eq!(bots.bot_of(name, email).as_deref(), bot, "{name} <{email}>");
        }
    }

    #[test]
    fn any_github_app_is_a_bot_under_its_login() {
        let bots = table();
        let app = "41898282+github-actions[bot]@users.noreply.github.com";
        assert_eq!(
            bots.bot_of("github-actions[bot]", app).as_deref(),
            Some("github-actions[bot]")
        );
        assert_eq!(
            bots.bot_of("Someone", "1+pre-commit-ci[bot]@users.noreply.github.com")
                .as_deref(),
            Some("pre-commit-ci[bot]")
        );
        assert_eq!(
            bots.bot_of("codecov[bot]", "x@example.org").as_deref(),
            Some("codecov[bot]")
        );
        // Names match folded; a person's name or a domain's look-alike does not.
        assert_eq!(
            bots.bot_of("  STYLECI   bot ", "x@example.org").as_deref(),
            Some("StyleCI Bot")
        );
        assert_eq!(bots.bot_of("Ana Talbot", "ana@notsnyk.io"), None);
        assert_eq!(
            bots.bot_of("Ana", "ana@eu.snyk.io").as_deref(),
            Some("Snyk")
        );
        assert_eq!(
            Bots::default().bot_of("dependabot[bot]", "x@example.org"),
            None
        );
    }

    #[test]
    fn a_name_for_two_bots_or_an_empty_entry_names_its_line() {
        let twice = "bots:\n  a:\n    names: [x]\n  b:\n    names: [X]\n";
        let error = Bots::parse(&SourceText::new("bots.yml", twice)).unwrap_err();
        assert_eq!(error.line, Some(5), "{error}");
        let empty = "bots:\n  a:\n    names: []\n";
        let error = Bots::parse(&SourceText::new("bots.yml", empty)).unwrap_err();
        assert_eq!(error.line, Some(3), "{error}");
        let domain = "bots:\n  a:\n    domains: [x.io]\n  b:\n    domains: [X.io]\n";
        assert!(Bots::parse(&SourceText::new("bots.yml", domain)).is_err());
    }
}
