//! Which repositories `clone` fetches and where: the catalogue's `source_code` links and the
//! mapping file's URLs, each bare-cloned into `<folder>/<défi id>` if `reach` allows it, a
//! repository named twice cloned once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use eig_pulse_core::contract::validate::is_slug;
use eig_pulse_ingest::names::slug;
use eig_pulse_ingest::repositories::{MappingLine, SourceCodeLink};
use url::Url;

use crate::clone::{clone_bare, target, Target};
use crate::reach::{self, LocalFiles, Refusal};
use crate::remote;

/// The mapping's URL entries (an organisation's repositories) as links to clone, in file order;
/// each is named by the slug of its défi id and the URL's last path segment. Folder names are
/// skipped.
pub fn mapping_links(mapping: Vec<MappingLine>) -> Vec<SourceCodeLink> {
    mapping
        .into_iter()
        .filter_map(|entry| {
            let url = Url::parse(&entry.key).ok().filter(Url::has_host)?;
            let name = url
                .path_segments()
                .and_then(|mut segments| segments.rfind(|s| !s.is_empty()))
                .unwrap_or_default()
                .to_string();
            Some(SourceCodeLink {
                defi_id: slug(&format!("{} {name}", entry.defi_id)),
                line: entry.line,
                url: entry.key,
            })
        })
        .collect()
}

/// What became of one link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Cloned into this folder.
    Cloned(PathBuf),
    /// This folder was there already: left as it is.
    AlreadyThere(PathBuf),
    /// The repository of an earlier défi, cloned once, for that one.
    SameRepository { first: String },
    /// Not a repository (organisation page, web site, malformed URL): nothing cloned.
    Skipped(Target),
    /// A repository not fetched: not `https`, or not on a public address.
    Refused(Refusal),
    /// The clone failed, with gitoxide's words; no folder is left behind.
    Failed(String),
}

/// A défi id that is no slug (empty, `..`, a slash): it cannot name a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotASlug;

/// Bare clones into one folder, each repository once: its remote key → the défi it went to.
#[derive(Debug)]
pub struct Clones {
    into: PathBuf,
    local_files: LocalFiles,
    cloned: HashMap<String, String>,
}

impl Clones {
    /// Clones into `into`, which must exist; `file://` URLs only when `local_files` allows them.
    pub fn new(into: &Path, local_files: LocalFiles) -> Clones {
        Clones {
            into: into.to_path_buf(),
            local_files,
            cloned: HashMap::new(),
        }
    }

    /// Clones `link`'s repository into `<into>/<défi id>`, unless it is no repository, an earlier
    /// link's repository, its folder is there already or [`reach::check`] refuses it.
    pub fn clone_link(&mut self, link: &SourceCodeLink) -> Result<Outcome, NotASlug> {
        // The défi's id names the clone's folder: a slug, never empty, never `..`.
        if !is_slug(&link.defi_id) {
            return Err(NotASlug);
        }
        let url = match target(&link.url) {
            Target::Repository(url) => url,
            other => return Ok(Outcome::Skipped(other)),
        };
        let key = remote::key(&url).unwrap_or_else(|| url.clone());
        let folder = self.into.join(&link.defi_id);
        if let Some(first) = self.cloned.get(&key) {
            return Ok(Outcome::SameRepository {
                first: first.clone(),
            });
        }
        if folder.exists() {
            self.cloned.insert(key, link.defi_id.clone());
            return Ok(Outcome::AlreadyThere(folder));
        }
        // Only what is fetched is checked: a folder already there stays as it is.
        if let Err(refusal) = reach::check(&url, self.local_files) {
            return Ok(Outcome::Refused(refusal));
        }
        Ok(match clone_bare(&url, &folder) {
            Ok(()) => {
                self.cloned.insert(key, link.defi_id.clone());
                Outcome::Cloned(folder)
            }
            Err(error) => {
                // A half-made clone would be read as a broken repository.
                let _ = std::fs::remove_dir_all(&folder);
                Outcome::Failed(error)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(key: &str, defi_id: &str, line: usize) -> MappingLine {
        MappingLine {
            key: key.into(),
            defi_id: defi_id.into(),
            line,
        }
    }

    fn link(defi_id: &str, url: &str) -> SourceCodeLink {
        SourceCodeLink {
            defi_id: defi_id.into(),
            line: 1,
            url: url.into(),
        }
    }

    #[test]
    fn only_the_mappings_urls_are_cloned_named_by_defi_and_repository() {
        let links = mapping_links(vec![
            line("front", "alpha", 2),
            line("https://gitlab.com/org/Web-App/", "beta", 3),
        ]);
        assert_eq!(
            links,
            [SourceCodeLink {
                defi_id: "beta-web-app".into(),
                line: 3,
                url: "https://gitlab.com/org/Web-App/".into(),
            }]
        );
    }

    #[test]
    fn what_is_no_repository_is_skipped_and_a_repository_is_cloned_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut clones = Clones::new(dir.path(), LocalFiles::Allowed);
        let outcome = |clones: &mut Clones, defi_id: &str, url: &str| {
            clones.clone_link(&link(defi_id, url)).unwrap()
        };
        assert_eq!(
            outcome(&mut clones, "org", "https://github.com/etalab"),
            Outcome::Skipped(Target::OrganisationPage)
        );
        assert_eq!(
            outcome(&mut clones, "site", "https://x.github.io/"),
            Outcome::Skipped(Target::NoRepositoryPath)
        );
        assert_eq!(
            clones.clone_link(&link("..", "https://github.com/a/b")),
            Err(NotASlug)
        );
        // A folder already there is kept, and its repository counts as cloned.
        std::fs::create_dir(dir.path().join("alpha")).unwrap();
        assert_eq!(
            outcome(&mut clones, "alpha", "https://github.com/etalab/alpha"),
            Outcome::AlreadyThere(dir.path().join("alpha"))
        );
        assert_eq!(
            outcome(
                &mut clones,
                "again",
                "https://github.com/Etalab/alpha/tree/main"
            ),
            Outcome::SameRepository {
                first: "alpha".into()
            }
        );
        assert_eq!(
            outcome(&mut clones, "plain", "http://github.com/etalab/plain"),
            Outcome::Refused(Refusal::NotHttps {
                scheme: "http".into()
            })
        );
        assert!(matches!(
            outcome(&mut clones, "inside", "https://10.0.0.7/etalab/inside"),
            Outcome::Refused(Refusal::NotPublic { .. })
        ));
        let mut public_only = Clones::new(dir.path(), LocalFiles::Refused);
        assert!(matches!(
            outcome(&mut public_only, "local", "file:///tmp/x/y"),
            Outcome::Refused(Refusal::NotHttps { .. })
        ));
        // No such repository: the failure leaves no folder.
        let missing = format!("file://{}", dir.path().join("nowhere").display());
        assert!(matches!(
            outcome(&mut clones, "gone", &missing),
            Outcome::Failed(_)
        ));
        assert!(!dir.path().join("gone").exists());
    }
}
