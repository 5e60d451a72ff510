//! Openness checks on the tree at HEAD, in the spirit of code.gouv.fr's criteria: licence
//! (with its SPDX id when the text is recognisable), README, CONTRIBUTING, CHANGELOG, CI, tests.
//!
//! Where each is looked for:
//! - licence: a file at the root named `LICENSE`, `LICENCE`, `COPYING` or `UNLICENSE`, with any
//!   extension or suffix (`LICENSE.md`, `LICENCE-MIT`), case aside; the first in tree order;
//! - README: `README*` at the root; CONTRIBUTING: `CONTRIBUTING*` at the root, in `.github/` or
//!   in `docs/`; changelog: `CHANGELOG*`, `CHANGES*`, `HISTORY*` or `NEWS*` at the root;
//! - CI: `.github/workflows/*.yml|yaml`, `.gitlab-ci.yml`, `.circleci/config.yml`, `.travis.yml`;
//! - tests: a folder named `test`, `tests`, `spec` or `__tests__` at the root or up to two
//!   folders down (`tests/`, `backend/tests/`, `app/src/test/`), hidden folders,
//!   `node_modules` and `vendor` aside.
//!
//! A file is a blob (plain or executable): a symbolic link named `LICENSE` is no licence, and
//! no README either. A folder met again at the same depth is searched once.

use std::collections::HashSet;

use eig_pulse_core::contract::export::{CiSystem, Openness};
use gix::prelude::FindExt as _;
use gix::ObjectId;

use crate::problem::{with_causes, Problem};

/// How many folders below the root a tests folder may sit.
const TESTS_DEPTH: usize = 2;

/// One entry of a tree, owned.
struct Entry {
    name: String,
    is_tree: bool,
    /// A blob: neither a folder, nor a symbolic link, nor a submodule.
    is_file: bool,
    id: ObjectId,
}

/// Reads trees and blobs, naming the object in errors.
struct Reader<'r> {
    repo: &'r gix::Repository,
    buf: Vec<u8>,
    /// (folder, depth left) already searched for a tests folder, without finding one.
    searched: HashSet<(ObjectId, usize)>,
}

impl Reader<'_> {
    fn tree(&mut self, id: ObjectId) -> Result<Vec<Entry>, Problem> {
        let fail = |e: &dyn std::fmt::Display| Problem::Unreadable(format!("tree {id}: {e}"));
        let tree = self
            .repo
            .objects
            .find_tree_iter(&id, &mut self.buf)
            .map_err(|e| fail(&e))?;
        tree.map(|entry| {
            let entry = entry.map_err(|e| fail(&e))?;
            Ok(Entry {
                name: entry.filename.to_string(),
                is_tree: entry.mode.is_tree(),
                is_file: entry.mode.is_blob(),
                id: entry.oid.to_owned(),
            })
        })
        .collect()
    }

    fn subtree(&mut self, entries: &[Entry], name: &str) -> Result<Vec<Entry>, Problem> {
        match entries.iter().find(|e| e.is_tree && e.name == name) {
            Some(entry) => self.tree(entry.id),
            None => Ok(Vec::new()),
        }
    }

    /// A text file's content; `None` when the copy lacks the blob (copies of large repositories
    /// leave out big files) or past [`MAX_TEXT_BYTES`] (its size is read from the object's
    /// header first: a huge blob is never inflated).
    fn text(&mut self, id: ObjectId) -> Result<Option<String>, Problem> {
        if !self.repo.has_object(id) {
            return Ok(None);
        }
        let size = self
            .repo
            .find_header(id)
            .map_err(|e| Problem::Unreadable(format!("blob {id}: {}", with_causes(&e))))?
            .size();
        if size > MAX_TEXT_BYTES {
            return Ok(None);
        }
        let blob = self
            .repo
            .objects
            .find_blob(&id, &mut self.buf)
            .map_err(|e| Problem::Unreadable(format!("blob {id}: {}", with_causes(&e))))?;
        Ok(Some(String::from_utf8_lossy(blob.data).into_owned()))
    }
}

/// The largest licence text read (the longest common licences are about 35 KB).
pub const MAX_TEXT_BYTES: u64 = 1 << 20;

/// The checks on the tree of commit `head`.
pub fn check(repo: &gix::Repository, head: ObjectId) -> Result<Openness, Problem> {
    let mut reader = Reader {
        repo,
        buf: Vec::new(),
        searched: HashSet::new(),
    };
    let root_id = repo
        .find_commit(head)
        .and_then(|c| c.tree_id())
        .map_err(|e| Problem::Unreadable(format!("commit {head}: {e}")))?
        .detach();
    let root = reader.tree(root_id)?;
    let github = reader.subtree(&root, ".github")?;
    let docs = reader.subtree(&root, "docs")?;
    let workflows = reader.subtree(&github, "workflows")?;
    let circleci = reader.subtree(&root, ".circleci")?;

    let file = |entries: &[Entry], starts: &[&str]| -> bool {
        entries
            .iter()
            .any(|e| e.is_file && starts.iter().any(|s| e.name.to_lowercase().starts_with(s)))
    };
    let license = root.iter().find(|e| e.is_file && is_license_name(&e.name));
    let mut absent = Vec::new();
    let (license_file, license_spdx) = match license {
        Some(entry) => match reader.text(entry.id)? {
            Some(text) => (Some(entry.name.clone()), license_id(&text)),
            // Missing from the copy: said; larger than any licence text: counted, unrecognised.
            None => {
                if !repo.has_object(entry.id) {
                    absent.push(entry.name.clone());
                }
                (Some(entry.name.clone()), None)
            }
        },
        None => (None, None),
    };
    let named = |entries: &[Entry], name: &str| entries.iter().any(|e| e.is_file && e.name == name);
    let ci = [
        (
            CiSystem::GithubActions,
            workflows
                .iter()
                .any(|e| e.is_file && (e.name.ends_with(".yml") || e.name.ends_with(".yaml"))),
        ),
        (CiSystem::GitlabCi, named(&root, ".gitlab-ci.yml")),
        (CiSystem::Circleci, named(&circleci, "config.yml")),
        (CiSystem::Travis, named(&root, ".travis.yml")),
    ]
    .into_iter()
    .filter_map(|(system, found)| found.then_some(system))
    .collect();

    Ok(Openness {
        license_file,
        license_spdx,
        readme: file(&root, &["readme"]),
        contributing: [&root, &github, &docs]
            .iter()
            .any(|entries| file(entries, &["contributing"])),
        changelog: file(&root, &["changelog", "changes", "history", "news"]),
        ci,
        tests: has_tests_folder(&mut reader, &root, TESTS_DEPTH)?,
        absent,
    })
}

/// `LICENSE`, `LICENCE`, `COPYING`, `UNLICENSE`, alone or followed by `.`, `-` or `_` and more.
fn is_license_name(name: &str) -> bool {
    let name = name.to_lowercase();
    ["license", "licence", "copying", "unlicense"]
        .iter()
        .any(|stem| {
            name.strip_prefix(stem)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '-', '_']))
        })
}

fn has_tests_folder(reader: &mut Reader, entries: &[Entry], depth: usize) -> Result<bool, Problem> {
    let folders: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.is_tree && !e.name.starts_with('.'))
        .collect();
    if folders.iter().any(|e| {
        matches!(
            e.name.to_lowercase().as_str(),
            "test" | "tests" | "spec" | "__tests__"
        )
    }) {
        return Ok(true);
    }
    if depth == 0 {
        return Ok(false);
    }
    for folder in folders {
        if matches!(folder.name.as_str(), "node_modules" | "vendor")
            || !reader.searched.insert((folder.id, depth))
        {
            continue;
        }
        let inside = reader.tree(folder.id)?;
        if has_tests_folder(reader, &inside, depth - 1)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The SPDX id of a licence file: its `SPDX-License-Identifier:` line when it has one, else
/// recognised from the text.
pub fn license_id(text: &str) -> Option<String> {
    let declared = text.lines().find_map(|line| {
        let (_, id) = line.split_once("SPDX-License-Identifier:")?;
        let id = id.trim();
        (!id.is_empty()).then(|| id.to_string())
    });
    declared.or_else(|| spdx_of(text).map(str::to_string))
}

/// A licence recognised by its phrases: every group must have one of its phrases in the text.
struct LicenceRule {
    /// `None` stops at « unsure »: the family is known, its version is not.
    spdx: Option<&'static str>,
    all_of: &'static [&'static [&'static str]],
}

/// A licence told by its phrases.
const fn known(spdx: &'static str, all_of: &'static [&'static [&'static str]]) -> LicenceRule {
    LicenceRule {
        spdx: Some(spdx),
        all_of,
    }
}

/// A family told by its phrases, whose version is not: no further rule is tried.
const fn unsure(all_of: &'static [&'static [&'static str]]) -> LicenceRule {
    LicenceRule { spdx: None, all_of }
}

const AGPL: &[&str] = &["gnu affero general public license"];
const LGPL: &[&str] = &[
    "gnu lesser general public license",
    "gnu library general public license",
];
const GPL: &[&str] = &["gnu general public license"];
const EUPL: &[&str] = &["european union public licence", "eupl"];
const CECILL: &[&str] = &["cecill"];
const BSD: &[&str] = &["redistribution and use in source and binary forms"];

/// The licences in the order they are tried: the first rule that holds gives the answer.
const LICENCE_RULES: &[LicenceRule] = &[
    known("AGPL-3.0", &[AGPL, &["version 3"]]),
    unsure(&[AGPL]),
    known("LGPL-3.0", &[LGPL, &["version 3"]]),
    known("LGPL-2.1", &[LGPL, &["version 2.1"]]),
    unsure(&[LGPL]),
    known("GPL-3.0", &[GPL, &["version 3"]]),
    known("GPL-2.0", &[GPL, &["version 2"]]),
    unsure(&[GPL]),
    known(
        "Apache-2.0",
        &[&["apache license"], &["version 2.0", "apache-2.0"]],
    ),
    known(
        "MPL-2.0",
        &[&["mozilla public license"], &["version 2.0", "v. 2.0"]],
    ),
    known("EUPL-1.2", &[EUPL, &["v. 1.2", "v1.2", "version 1.2"]]),
    known("EUPL-1.1", &[EUPL, &["v. 1.1", "v1.1", "version 1.1"]]),
    unsure(&[EUPL]),
    known("CECILL-B", &[&["cecill-b"]]),
    known("CECILL-C", &[&["cecill-c"]]),
    known(
        "CECILL-2.1",
        &[CECILL, &["version 2.1", "cecill-2.1", "cecill v2.1"]],
    ),
    unsure(&[CECILL]),
    known("etalab-2.0", &[&["licence ouverte"]]),
    known("etalab-2.0", &[&["open licence"], &["etalab"]]),
    known("MIT", &[&["permission is hereby granted, free of charge"]]),
    known(
        "ISC",
        &[&["permission to use, copy, modify, and/or distribute this software for any purpose"]],
    ),
    known(
        "BSD-3-Clause",
        &[BSD, &["neither the name", "names of its contributors"]],
    ),
    known("BSD-2-Clause", &[BSD]),
    known(
        "Unlicense",
        &[&["this is free and unencumbered software released into the public domain"]],
    ),
    known("CC0-1.0", &[&["cc0 1.0 universal"]]),
];

/// The SPDX id of a licence text, from phrases only that licence has; `None` when unsure.
pub fn spdx_of(text: &str) -> Option<&'static str> {
    let text = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let holds = |rule: &&LicenceRule| {
        rule.all_of
            .iter()
            .all(|phrases| phrases.iter().any(|phrase| text.contains(phrase)))
    };
    LICENCE_RULES.iter().find(holds).and_then(|rule| rule.spdx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn licence_file_names() {
        for name in [
            "LICENSE",
            "LICENCE.md",
            "license.txt",
            "COPYING",
            "LICENSE-MIT",
            "UNLICENSE",
        ] {
            assert!(is_license_name(name), "{name}");
        }
        for name in [
            "LICENSES_THIRD_PARTY",
            "licensed.rs",
            "README.md",
            "COPYINGS",
        ] {
            assert!(!is_license_name(name), "{name}");
        }
    }

    /// (SPDX id expected, distinctive opening of the licence text).
    const TEXTS: &[(Option<&str>, &str)] = &[
        (Some("MIT"), "MIT License\n\nCopyright (c) 2018 Etalab\n\nPermission is hereby granted, free of charge, to any person obtaining a copy"),
        (Some("Apache-2.0"), "                                 Apache License\n                           Version 2.0, January 2004\n                        http://www.apache.org/licenses/"),
        (Some("GPL-3.0"), "                    GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007"),
        (Some("GPL-2.0"), "GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991"),
        (Some("AGPL-3.0"), "                    GNU AFFERO GENERAL PUBLIC LICENSE\n                       Version 3, 19 November 2007\n ... GNU General Public License ..."),
        (Some("LGPL-3.0"), "                   GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007\n ... version 3 of the GNU General Public License"),
        (Some("MPL-2.0"), "Mozilla Public License Version 2.0\n=================================="),
        (Some("EUPL-1.2"), "EUROPEAN UNION PUBLIC LICENCE v. 1.2\nEUPL © the European Union 2007, 2016"),
        (Some("BSD-3-Clause"), "Redistribution and use in source and binary forms, with or without modification, are permitted ... Neither the name of the copyright holder nor"),
        (Some("BSD-2-Clause"), "Redistribution and use in source and binary forms, with or without modification, are permitted provided that"),
        (Some("CECILL-2.1"), "CONTRAT DE LICENCE DE LOGICIEL LIBRE CeCILL\n\nVersion 2.1 du 2013-06-21"),
        (Some("CECILL-B"), "CONTRAT DE LICENCE DE LOGICIEL LIBRE CeCILL-B"),
        (Some("etalab-2.0"), "LICENCE OUVERTE / OPEN LICENCE\nVersion 2.0 Etalab"),
        (Some("Unlicense"), "This is free and unencumbered software released into the public domain."),
        (None, "All rights reserved. Do not copy."),
        // A known family without its version is unsure, even beside another licence's phrase.
        (None, "GNU LESSER GENERAL PUBLIC LICENSE\nPermission is hereby granted, free of charge"),
        (None, "CeCILL, see the French text"),
        // « Apache License » without its version is not a family the rules stop at.
        (Some("MIT"), "Apache License (see below)\nPermission is hereby granted, free of charge"),
        (Some("etalab-2.0"), "Open Licence, Etalab"),
        (Some("ISC"), "Permission to use, copy, modify, and/or distribute this software for any purpose"),
        (Some("CC0-1.0"), "CC0 1.0 Universal"),
        (Some("LGPL-2.1"), "GNU Lesser General Public License, version 2.1"),
    ];

    #[test]
    fn a_declared_identifier_comes_first() {
        let text = "SPDX-License-Identifier: AGPL-3.0-or-later\n\nPermission is hereby granted, free of charge";
        assert_eq!(license_id(text).as_deref(), Some("AGPL-3.0-or-later"));
        assert_eq!(license_id(TEXTS[0].1).as_deref(), Some("MIT"));
    }

    #[test]
    fn licences_are_recognised_by_their_phrases() {
        for (expected, text) in TEXTS {
            assert_eq!(spdx_of(text), *expected, "{text}");
        }
    }
}
