//! The fidelity report: what a run found in the sources, with file and line.

use std::fmt::Write as _;

use eig_pulse_core::base::date::{FIRST_YEAR, LAST_YEAR};
use eig_pulse_core::base::format;
use eig_pulse_core::contract::export::OpennessKind;
use eig_pulse_core::contract::limits::MAX_ITEM_LIST;
use eig_pulse_core::{tr, Lang, Text};

use crate::printable::printable;

/// How much a finding matters: warnings fail a `--strict` run, notes never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Note,
    Warning,
}

/// What a run found in the sources, in the report's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A journal name that matches no défi; its rows keep `defi_id: null`.
    UnmatchedJournalName {
        label: String,
        rows: usize,
    },
    /// A journal name matched to a défi by a tolerant rule (spacing, plural, year).
    ApproximateJournalName {
        label: String,
        defi_id: String,
        rule: &'static str,
        rows: usize,
    },
    /// Letters of a `Cat` cell outside the legend; kept in `raw_category`.
    UnknownCategoryLetters {
        raw: String,
        letters: String,
    },
    EmptyCategory,
    UnreadableMood {
        raw: String,
    },
    MalformedUrl {
        defi: String,
        field: &'static str,
        value: String,
    },
    MissingKey {
        defi: String,
        key: &'static str,
    },
    UnknownPerson {
        defi: String,
        name: String,
        /// `eigs` or `mentors`.
        field: &'static str,
    },
    /// A person whose name folds like other entries of `personnes.yml` (« Pierre-Alain » and
    /// « Pierre–Alain »): read under the entry `chosen`, never merged.
    Homonym {
        defi: String,
        name: String,
        /// `eigs` or `mentors`.
        field: &'static str,
        chosen: String,
        profile: Option<String>,
        homonyms: Vec<String>,
    },
    /// A mentor of `defis.yml` whose page in `personnes.yml` is an EIG's (a developer, never a
    /// mentor).
    MentorIsEig {
        defi: String,
        name: String,
        profile: String,
    },
    ConflictingParents {
        administration: String,
        parents: Vec<String>,
    },
    /// A journal row identical, cell for cell, to an earlier one: left out, counted once.
    RepeatedJournalRow {
        /// The file of the first row, when it is another file.
        first_file: Option<String>,
        first_line: usize,
    },
    /// A key written twice in one mapping, with the same value.
    RepeatedKey {
        key: String,
    },
    /// An override entry naming an administration the sources do not have.
    StaleOverride {
        entry: String,
    },
    MergedSpellings {
        administration: String,
        spellings: usize,
    },
    /// A folder of `--repos` that holds no git repository.
    NotARepository {
        folder: String,
    },
    /// A repository without any commit.
    EmptyRepository {
        folder: String,
    },
    /// A shallow clone: its history is cut, so it is left out.
    ShallowClone {
        folder: String,
    },
    /// An object or reference that cannot be read (missing, truncated, corrupt).
    UnreadableRepository {
        folder: String,
        detail: String,
    },
    /// A repository whose remote matches no `source_code` and that the mapping does not name.
    UnmatchedRepository {
        folder: String,
        remote: Option<String>,
        /// The défi whose `source_code` is the organisation page of this remote.
        organisation_of: Option<String>,
    },
    /// A second folder for a repository already read: left out.
    DuplicateRepository {
        folder: String,
        first: String,
    },
    /// Matched to its défi through the mapping file.
    MappedRepository {
        folder: String,
        defi_id: String,
    },
    /// One repository named by several défis: one activity record each.
    SharedRepository {
        folder: String,
        defi_ids: Vec<String>,
    },
    /// A mapping entry that matched no folder, or names no défi.
    StaleRepositoryMapping {
        entry: String,
        unknown_defi: Option<String>,
    },
    /// A stack file heading that names no défi of the catalogue.
    UnmatchedStackHeading {
        label: String,
    },
    /// Words of a declared stack that no entry of `data/technologies.yml` names.
    UnmappedTechnology {
        heading: String,
        words: String,
    },
    /// A stack naming more technologies than the contract holds: the first ones are kept.
    TooManyMentions {
        heading: String,
        mentions: usize,
    },
    /// A stack heading with nothing under it (or a TODO): « non documenté ».
    UndocumentedStack {
        label: String,
    },
    /// An openness item no text, host or GitHub handle attributes to a défi.
    UnattributedOpenness {
        kind: OpennessKind,
        item: String,
    },
    /// An openness item the record itself doubts (« ? », « à vérifier »): kept, marked
    /// `to_check`.
    DoubtedOpenness {
        kind: OpennessKind,
        item: String,
    },
    /// An openness record section whose title names no known kind.
    UnknownOpennessSection {
        title: String,
    },
    /// Files of a repository not read at HEAD (missing blob, or over the read bound).
    SkippedFiles {
        folder: String,
        files: usize,
        example: String,
    },
    /// A repository over one of the scan's limits: left out, never half-counted.
    RepositoryOverLimit {
        folder: String,
        limit: ScanLimit,
        /// The limit's value: more than this many.
        bound: u64,
    },
    /// A repository with a date the contract cannot hold (outside `FIRST_YEAR..=LAST_YEAR`):
    /// left out.
    RepositoryDateOutOfRange {
        folder: String,
        dated: Dated,
        /// The date as read: seconds since 1970.
        seconds: i64,
    },
    /// A file of the blog's `_posts/` whose name is not a post's (`YY-MM-DD-title.md`): left out.
    NotAPost,
    /// A post that names no défi and that the table of posts links to none.
    PostWithoutDefi,
    /// A title several défis bear, written in posts: not linked by the name alone.
    AmbiguousPostName {
        name: String,
        /// How many posts write it, and the first of them.
        posts: usize,
        first: String,
    },
}

/// A limit of the repository scan: what it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanLimit {
    /// Files, folders and links in the tree at HEAD, each path counted once per place.
    PathsAtHead,
    /// Folders inside folders at HEAD.
    DepthAtHead,
    /// Bytes of trees and files read at HEAD.
    BytesAtHead,
    /// Commits reachable from HEAD.
    Commits,
    /// Tags.
    Tags,
    /// People who made commits.
    People,
    /// Bot accounts.
    Bots,
}

impl ScanLimit {
    /// « more than {bound} … », in words.
    pub fn describe(self, bound: u64, lang: Lang) -> String {
        let n = format::count(bound, lang);
        match self {
            ScanLimit::PathsAtHead => tr!(
                lang,
                "plus de {n} chemins à HEAD",
                "more than {n} paths at HEAD"
            ),
            ScanLimit::DepthAtHead => tr!(
                lang,
                "plus de {n} dossiers imbriqués à HEAD",
                "more than {n} nested folders at HEAD"
            ),
            ScanLimit::BytesAtHead => tr!(
                lang,
                "plus de {n} octets à lire à HEAD",
                "more than {n} bytes to read at HEAD"
            ),
            ScanLimit::Commits => tr!(lang, "plus de {n} commits", "more than {n} commits"),
            ScanLimit::Tags => tr!(lang, "plus de {n} étiquettes", "more than {n} tags"),
            ScanLimit::People => tr!(lang, "plus de {n} personnes", "more than {n} people"),
            ScanLimit::Bots => tr!(
                lang,
                "plus de {n} comptes de bots",
                "more than {n} bot accounts"
            ),
        }
    }
}

/// What carries a date in a repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dated {
    /// A commit, by its id.
    Commit(String),
    /// A tag, by its name.
    Tag(String),
    /// The copy itself (the time of its last fetch or of its clone).
    Copy,
}

impl Dated {
    /// « of … », in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Dated::Commit(id) => tr!(lang, "du commit {id}", "of commit {id}"),
            Dated::Tag(name) => tr!(lang, "de l'étiquette « {name} »", "of tag \"{name}\""),
            Dated::Copy => lang
                .pick(
                    "de la copie (dernier fetch ou clone)",
                    "of the copy (last fetch or clone)",
                )
                .to_string(),
        }
    }
}

/// A moment as git writes it (seconds since 1970): its day (UTC) when a calendar date can say
/// it, else the seconds.
fn moment(seconds: i64, lang: Lang) -> String {
    let day = time::OffsetDateTime::from_unix_timestamp(seconds).map(time::OffsetDateTime::date);
    match day {
        Ok(day) => format::date(day, lang),
        Err(_) => tr!(
            lang,
            "{seconds} secondes après 1970",
            "{seconds} seconds after 1970"
        ),
    }
}

impl Finding {
    pub fn severity(&self) -> Severity {
        match self {
            Finding::ApproximateJournalName { .. }
            | Finding::MergedSpellings { .. }
            | Finding::MappedRepository { .. }
            | Finding::SharedRepository { .. }
            | Finding::UndocumentedStack { .. }
            | Finding::UnattributedOpenness { .. }
            | Finding::DoubtedOpenness { .. }
            | Finding::PostWithoutDefi
            | Finding::AmbiguousPostName { .. } => Severity::Note,
            _ => Severity::Warning,
        }
    }

    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Finding::UnmatchedJournalName { label, rows } => {
                tr!(lang, "nom de défi « {label} » sans défi correspondant ({rows} lignes gardées avec defi_id nul)", "défi name \"{label}\" matches no défi ({rows} rows kept with a null defi_id)")
            }
            Finding::ApproximateJournalName {
                label,
                defi_id,
                rule,
                rows,
            } => {
                tr!(lang, "« {label} » rapproché du défi {defi_id} ({rule}, {rows} lignes)", "\"{label}\" matched to défi {defi_id} ({rule}, {rows} rows)")
            }
            Finding::UnknownCategoryLetters { raw, letters } => {
                tr!(lang, "catégorie « {raw} » : lettre(s) hors légende « {letters} », gardée(s) dans raw_category", "category \"{raw}\": letter(s) outside the legend \"{letters}\", kept in raw_category")
            }
            Finding::EmptyCategory => lang.pick("catégorie vide", "empty category").to_string(),
            Finding::NotAPost => lang
                .pick(
                    "nom de fichier qui n'est pas celui d'un billet (AA-MM-JJ-titre.md) : ignoré",
                    "file name that is not a post's (YY-MM-DD-title.md): left out",
                )
                .to_string(),
            Finding::PostWithoutDefi => lang
                .pick(
                    "billet sans défi : il n'en nomme aucun et data/posts.yml n'en ajoute pas",
                    "post without a défi: it names none and data/posts.yml adds none",
                )
                .to_string(),
            Finding::AmbiguousPostName { name, posts, first } => {
                tr!(lang, "« {name} », titre de plusieurs défis, est écrit dans {posts} billet(s) ({first}, …) : son nom seul ne les rattache à aucun (un lien vers la page du défi ou data/posts.yml le fait)", "\"{name}\", the title of several défis, is written in {posts} post(s) ({first}, …): its name alone links them to none (a link to the défi's page or data/posts.yml does)")
            }
            Finding::UnreadableMood { raw } => {
                tr!(lang, "valeur OK « {raw} » illisible (attendu 1, -1, 0 ou vide) : humeur nulle", "unreadable OK value \"{raw}\" (expected 1, -1, 0 or empty): null mood")
            }
            Finding::MalformedUrl { defi, field, value } => {
                tr!(lang, "défi {defi} : URL malformée dans {field} « {value} », écartée", "défi {defi}: malformed URL in {field} \"{value}\", left out")
            }
            Finding::MissingKey { defi, key } => {
                tr!(lang, "défi {defi} : clé « {key} » absente", "défi {defi}: key \"{key}\" missing")
            }
            Finding::UnknownPerson { defi, name, .. } => {
                tr!(lang, "défi {defi} : « {name} » absent de personnes.yml, profil inconnu", "défi {defi}: \"{name}\" is not in personnes.yml, profile unknown")
            }
            Finding::Homonym {
                defi,
                name,
                field,
                chosen,
                profile,
                homonyms,
            } => {
                let profile = profile.as_deref().unwrap_or("?");
                let homonyms = homonyms.join(lang.pick(" », « ", "\", \""));
                tr!(lang, "défi {defi} : « {name} » ({field}) a des homonymes dans personnes.yml, à un tiret, une casse ou un accent près (« {homonyms} ») : lu comme « {chosen} » ({profile}), sans les confondre", "défi {defi}: \"{name}\" ({field}) has homonyms in personnes.yml, up to a dash, case or accent (\"{homonyms}\"): read as \"{chosen}\" ({profile}), never merged")
            }
            Finding::MentorIsEig { defi, name, profile } => {
                tr!(lang, "défi {defi} : « {name} » est mentor dans defis.yml mais EIG ({profile}) dans personnes.yml", "défi {defi}: \"{name}\" is a mentor in defis.yml but an EIG ({profile}) in personnes.yml")
            }
            Finding::ConflictingParents {
                administration,
                parents,
            } => {
                tr!(lang, "administration {administration} : plusieurs parents possibles ({}), le plus fréquent est retenu", "administration {administration}: several possible parents ({}), the most frequent is kept", parents.join(", "))
            }
            Finding::RepeatedJournalRow {
                first_file,
                first_line,
            } => {
                let first = match first_file {
                    Some(file) => format!("{file}:{first_line}"),
                    None => tr!(lang, "la ligne {first_line}", "line {first_line}"),
                };
                tr!(lang, "ligne identique, cellule pour cellule, à {first} : écartée, l'entrée n'est comptée qu'une fois", "row identical, cell for cell, to {first}: left out, the entry is counted once")
            }
            Finding::RepeatedKey { key } => {
                tr!(lang, "clé « {key} » écrite deux fois avec la même valeur", "key \"{key}\" written twice with the same value")
            }
            Finding::StaleOverride { entry } => {
                tr!(lang, "entrée de surcharge sans effet : « {entry} » ne désigne aucune administration", "override entry without effect: \"{entry}\" names no administration")
            }
            Finding::MergedSpellings {
                administration,
                spellings,
            } => {
                tr!(lang, "administration {administration} : {spellings} graphies réunies", "administration {administration}: {spellings} spellings merged")
            }
            Finding::NotARepository { folder } => {
                tr!(lang, "dossier « {folder} » : pas un dépôt git, ignoré", "folder \"{folder}\": not a git repository, skipped")
            }
            Finding::EmptyRepository { folder } => {
                tr!(lang, "dépôt « {folder} » : vide (aucun commit), écarté", "repository \"{folder}\": empty (no commit), left out")
            }
            Finding::ShallowClone { folder } => {
                tr!(lang, "dépôt « {folder} » : clone superficiel (historique tronqué), écarté ; le recloner en entier", "repository \"{folder}\": shallow clone (history cut), left out; clone it in full")
            }
            Finding::UnreadableRepository { folder, detail } => {
                tr!(lang, "dépôt « {folder} » : objet illisible ou corrompu, écarté ({detail})", "repository \"{folder}\": unreadable or corrupt object, left out ({detail})")
            }
            Finding::UnmatchedRepository {
                folder,
                remote,
                organisation_of,
            } => {
                let unmatched = match remote.as_deref() {
                    Some(url) => tr!(lang, "dépôt « {folder} » : l'URL distante « {url} » ne correspond à aucun source_code ni à la table des dépôts, écarté", "repository \"{folder}\": remote URL \"{url}\" matches no source_code nor the repositories mapping, left out"),
                    None => tr!(lang, "dépôt « {folder} » : sans URL distante ni entrée dans la table des dépôts, écarté", "repository \"{folder}\": no remote URL and no entry in the repositories mapping, left out"),
                };
                match organisation_of {
                    None => unmatched,
                    Some(id) => tr!(lang, "{unmatched} (le source_code du défi {id} est la page de son organisation : une entrée « {folder}: {id} » dans la table des dépôts le rattacherait)", "{unmatched} (défi {id}'s source_code is its organisation page: an entry \"{folder}: {id}\" in the repositories mapping would match it)"),
                }
            }
            Finding::DuplicateRepository { folder, first } => {
                tr!(lang, "dépôt « {folder} » : même dépôt distant que « {first} », écarté", "repository \"{folder}\": same remote repository as \"{first}\", left out")
            }
            Finding::MappedRepository { folder, defi_id } => {
                tr!(lang, "dépôt « {folder} » rapproché du défi {defi_id} par la table des dépôts", "repository \"{folder}\" matched to défi {defi_id} through the repositories mapping")
            }
            Finding::SharedRepository { folder, defi_ids } => {
                tr!(lang, "dépôt « {folder} » commun aux défis {} : une fiche d'activité chacun", "repository \"{folder}\" shared by défis {}: one activity record each", defi_ids.join(", "))
            }
            Finding::StaleRepositoryMapping { entry, unknown_defi } => match unknown_defi {
                Some(id) => tr!(lang, "entrée « {entry} » de la table des dépôts : le défi « {id} » n'existe pas", "repositories mapping entry \"{entry}\": défi \"{id}\" does not exist"),
                None => tr!(lang, "entrée « {entry} » de la table des dépôts sans effet : aucun dossier ne lui correspond (ou son dépôt correspond déjà par source_code)", "repositories mapping entry \"{entry}\" without effect: no folder matches it (or its repository already matches through source_code)"),
            },
            Finding::UnmatchedStackHeading { label } => tr!(lang, "stack « {label} » : aucun défi de ce nom, gardée avec defi_id nul", "stack \"{label}\": no défi of that name, kept with a null defi_id"),
            Finding::UnmappedTechnology { heading, words } => tr!(lang, "stack « {heading} » : « {words} » absent de data/technologies.yml, gardé sans technologie", "stack \"{heading}\": \"{words}\" is not in data/technologies.yml, kept without a technology"),
            Finding::TooManyMentions { heading, mentions } => tr!(lang, "stack « {heading} » : {mentions} mentions, seules les {MAX_ITEM_LIST} premières sont gardées", "stack \"{heading}\": {mentions} mentions, only the first {MAX_ITEM_LIST} are kept"),
            Finding::UndocumentedStack { label } => tr!(lang, "stack « {label} » : titre vide (TODO), non documentée", "stack \"{label}\": empty heading (TODO), not documented"),
            Finding::UnattributedOpenness { kind, item } => tr!(lang, "ouverture ({kind}) « {item} » : aucun défi identifié, gardée avec defi_id nul", "openness ({kind}) \"{item}\": no défi identified, kept with a null defi_id"),
            Finding::DoubtedOpenness { kind, item } => tr!(lang, "ouverture ({kind}) « {item} » : le relevé lui-même en doute (« ? », « à vérifier ») ; gardée, marquée à vérifier (to_check)", "openness ({kind}) \"{item}\": the record itself doubts it (\"?\", \"à vérifier\"); kept, marked to check (to_check)"),
            Finding::UnknownOpennessSection { title } => tr!(lang, "section « {title} » : type d'ouverture inconnu, ses éléments sont classés « other »", "section \"{title}\": unknown openness kind, its items are filed as \"other\""),
            Finding::SkippedFiles { folder, files, example } => tr!(lang, "dépôt « {folder} » : {files} fichier(s) non lu(s) à HEAD (objet absent ou trop gros, par ex. « {example} »), hors comptes de langages", "repository \"{folder}\": {files} file(s) not read at HEAD (missing or too large, e.g. \"{example}\"), left out of language bytes"),
            Finding::RepositoryOverLimit { folder, limit, bound } => {
                let over = limit.describe(*bound, lang);
                tr!(lang, "dépôt « {folder} » : {over} (limite de lecture du scan), écarté", "repository \"{folder}\": {over} (the scan's read limit), left out")
            }
            Finding::RepositoryDateOutOfRange { folder, dated, seconds } => {
                let (dated, when) = (dated.describe(lang), moment(*seconds, lang));
                let (first, last) = (FIRST_YEAR, LAST_YEAR);
                tr!(lang, "dépôt « {folder} » : date {when} {dated}, hors des années que l'export peut écrire ({first}–{last}), écarté", "repository \"{folder}\": date {when} {dated}, outside the years the export can write ({first}–{last}), left out")
            }
        }
    }
}

/// A finding and where it was found: a file, and a line when one is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub file: String,
    pub line: Option<usize>,
    pub finding: Finding,
}

/// Counts and findings of one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// (what was counted, how many), in print order; read through [`Report::get`].
    counts: Vec<(Text, usize)>,
    pub entries: Vec<Entry>,
}

impl Report {
    pub fn count(&mut self, label: Text, value: usize) {
        self.counts.push((label, value));
    }

    pub fn add(&mut self, file: &str, line: Option<usize>, finding: Finding) {
        self.entries.push(Entry {
            file: file.to_string(),
            line,
            finding,
        });
    }

    pub fn warnings(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.finding.severity() == Severity::Warning)
            .count()
    }

    /// The value of a count by its French label.
    pub fn get(&self, fr: &str) -> Option<usize> {
        self.counts
            .iter()
            .find(|(label, _)| label.get(Lang::Fr) == fr)
            .map(|(_, value)| *value)
    }

    /// The report as printed: counts, then warnings and notes with their place, every outside
    /// text made [`printable`].
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}",
            lang.pick("Rapport de fidélité", "Fidelity report")
        );
        for (label, value) in &self.counts {
            let _ = writeln!(out, "  {:<44} {value:>6}", label.get(lang));
        }
        for severity in [Severity::Warning, Severity::Note] {
            let entries: Vec<&Entry> = self
                .entries
                .iter()
                .filter(|e| e.finding.severity() == severity)
                .collect();
            let title = match severity {
                Severity::Warning => lang.pick("Avertissements", "Warnings"),
                Severity::Note => lang.pick("Remarques", "Notes"),
            };
            let _ = writeln!(out, "{title} ({})", entries.len());
            for entry in entries {
                let place = match entry.line {
                    Some(line) => format!("{}:{line}", entry.file),
                    None => entry.file.clone(),
                };
                // File names and findings quote outside text: printed only once made safe.
                let (place, finding) =
                    (printable(&place), printable(&entry.finding.describe(lang)));
                let _ = writeln!(out, "  {place}: {finding}");
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rendered_report_holds_no_terminal_control_and_no_token() {
        let mut report = Report::default();
        report.add(
            "journal\u{1b}[2J.csv",
            Some(3),
            Finding::UnmatchedJournalName {
                label: "\u{1b}]52;c;ZXZpbA==\u{7}\nexport écrit".into(),
                rows: 1,
            },
        );
        report.add(
            "clones",
            None,
            Finding::UnmatchedRepository {
                folder: "x\u{9b}1m".into(),
                remote: Some("https://user:ghp_t0ken@github.com/a/b".into()),
                organisation_of: None,
            },
        );
        let printed = report.render(Lang::Fr);
        assert!(
            !printed.contains(['\u{1b}', '\u{7}', '\u{9b}']),
            "{printed}"
        );
        assert!(!printed.contains("ghp_t0ken"), "{printed}");
        assert_eq!(printed.lines().count(), 5, "{printed}");
        assert!(printed.contains("https://github.com/a/b"), "{printed}");
    }
}
