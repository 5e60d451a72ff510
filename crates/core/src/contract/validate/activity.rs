//! The repositories' records: known défi, a publishable URL, known kinds, plausible dates, and
//! weeks that add up to the stated commits.

use std::collections::HashSet;

use super::{Checker, Unknown};
use crate::base::date::plausible_date;
use crate::base::lang::Text;
use crate::base::url::is_published_url;
use crate::contract::export::CiSystem;
use crate::text;

impl Checker<'_> {
    pub(super) fn activity(&mut self) {
        for (i, repo) in self.export.activity.iter().enumerate() {
            if !self.defis.contains(repo.defi_id.as_str()) {
                self.unknown(
                    format!("/activity/{i}/defi_id"),
                    Unknown::Defi,
                    &repo.defi_id,
                );
            }
            if !repo.url.is_empty() && !is_published_url(&repo.url) {
                self.push(
                    format!("/activity/{i}/url"),
                    text!(
                        "« {} » : une URL publiée est https://hôte/chemin, sans identifiants ni port",
                        "\"{}\": a published URL is https://host/path, without credentials or port",
                        repo.url
                    ),
                );
            }
            if !repo.matched_by.is_known() {
                self.push(
                    format!("/activity/{i}/matched_by"),
                    text!(
                        "« {} » n'est ni source_code ni mapping",
                        "\"{}\" is neither source_code nor mapping",
                        repo.matched_by
                    ),
                );
            }
            let mut systems = HashSet::new();
            for (j, system) in repo.openness.ci.iter().enumerate() {
                if !system.is_known() {
                    self.push(
                        format!("/activity/{i}/openness/ci/{j}"),
                        text!(
                            "système d'intégration continue « {system} » inconnu (attendus : {})",
                            "unknown continuous integration system \"{system}\" (expected: {})",
                            CiSystem::NAMES.join(", ")
                        ),
                    );
                } else if !systems.insert(system) {
                    self.push(
                        format!("/activity/{i}/openness/ci/{j}"),
                        text!("« {system} » en double", "\"{system}\" repeated"),
                    );
                }
            }
            for (field, date) in [
                ("first_commit", &repo.first_commit),
                ("last_commit", &repo.last_commit),
                ("copied_at", &repo.copied_at),
            ] {
                if let Some(date) = date {
                    self.date(format!("/activity/{i}/{field}"), date);
                }
            }
            let mut previous: Option<time::Date> = None;
            let mut week_commits = 0u64;
            for (j, week) in repo.weeks.iter().enumerate() {
                let path = format!("/activity/{i}/weeks/{j}/monday");
                match plausible_date(&week.monday) {
                    Some(monday) if monday.weekday() == time::Weekday::Monday => {
                        if previous.is_some_and(|p| p >= monday) {
                            self.push(
                                path,
                                Text::fixed(
                                    "semaines en désordre ou répétées",
                                    "weeks out of order or repeated",
                                ),
                            );
                        }
                        previous = Some(monday);
                    }
                    Some(_) => self.push(
                        path,
                        text!(
                            "« {} » n'est pas la date d'un lundi",
                            "\"{}\" is not the date of a Monday",
                            week.monday
                        ),
                    ),
                    None => self.date(path, &week.monday),
                }
                if week.commits == 0 || week.authors == 0 || week.authors > week.commits {
                    self.push(
                        format!("/activity/{i}/weeks/{j}"),
                        text!(
                            "{} commit(s) et {} auteur(s) : impossible pour une semaine listée",
                            "{} commit(s) and {} author(s): impossible for a listed week",
                            week.commits,
                            week.authors
                        ),
                    );
                }
                week_commits += u64::from(week.commits);
            }
            if week_commits != u64::from(repo.commits) {
                self.push(
                    format!("/activity/{i}/commits"),
                    text!(
                        "{} commit(s) annoncé(s), {week_commits} dans les semaines",
                        "{} commit(s) stated, {week_commits} in the weeks",
                        repo.commits
                    ),
                );
            }
        }
    }
}
