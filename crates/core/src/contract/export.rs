//! The export contract (schema version 1): plain data, serialized only at the edges.
//!
//! Field names here are the contract published in `schema/export.schema.json`;
//! fields may be added, never renamed.

use crate::{base::lang::Lang, tr};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A closed set of names the contract writes as strings: one variant per name, plus `Unknown`
/// keeping any other value as written, so that a foreign export still loads and `validate`
/// names the place of the unknown value. Serialized exactly as the string.
macro_rules! named_set {
    ($(#[$meta:meta])* $name:ident { $($(#[$variant_meta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(from = "String", into = "String")]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)+
            /// A value this build does not know, kept as written.
            Unknown(String),
        }

        impl $name {
            /// Every known value, in the order the contract lists them.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The known values' names, in the contract's order (its schema's `enum`).
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// The name as the contract writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)+
                    $name::Unknown(text) => text,
                }
            }

            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Unknown(_))
            }
        }

        impl From<String> for $name {
            fn from(text: String) -> Self {
                match text.as_str() {
                    $($text => $name::$variant,)+
                    _ => $name::Unknown(text),
                }
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                $name::from(text.to_string())
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                match value {
                    $name::Unknown(text) => text,
                    known => known.as_str().to_string(),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

named_set! {
    /// How a repository was matched to its défi.
    MatchedBy {
        /// The catalogue's `source_code` link names it.
        SourceCode = "source_code",
        /// The committed mapping of folders to défis names it.
        Mapping = "mapping",
    }
}

/// A scan's record before it is matched: empty, so that `validate` names it if it ever leaks.
impl Default for MatchedBy {
    fn default() -> Self {
        MatchedBy::Unknown(String::new())
    }
}

named_set! {
    /// A continuous-integration system found configured in a repository.
    CiSystem {
        GithubActions = "github-actions",
        GitlabCi = "gitlab-ci",
        Circleci = "circleci",
        Travis = "travis",
    }
}

named_set! {
    /// The kind of a problem kept beside a défi (the set is open: other exporters may add kinds).
    IssueKind {
        /// A link that is not an absolute http(s) URL, left out.
        MalformedUrl = "malformed_url",
        /// A key every défi should have is absent.
        MissingKey = "missing_key",
        /// A person named by the défi is absent from the people file.
        UnknownPerson = "unknown_person",
        Other = "other",
    }
}

/// The only schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// The journal's category legend: letter, French label, English label.
pub const JOURNAL_CATEGORIES: [(&str, &str, &str); 9] = [
    ("A", "Apprentissage", "Learning"),
    ("C", "Communication", "Communication"),
    ("D", "Données", "Data"),
    ("I", "Installation", "Set-up"),
    ("M", "Management", "Management"),
    ("P", "Production", "Production"),
    ("S", "Services informatiques", "IT services"),
    ("T", "Transformation", "Transformation"),
    ("U", "Utilisateurs", "Users"),
];

/// One export: everything the dashboard shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub schema_version: u32,
    /// RFC 3339 timestamp of the run that produced the export.
    pub generated_at: String,
    pub sources: Vec<Source>,
    pub skills: Vec<Skill>,
    pub promotions: Vec<Promotion>,
    pub administrations: Vec<Administration>,
    pub defis: Vec<Defi>,
    pub journal_categories: Vec<JournalCategory>,
    pub journal: Vec<JournalEntry>,
    /// One record per scanned git repository; empty when the export was built without `--repos`
    /// or a committed scan (`--activity`).
    pub activity: Vec<Activity>,
    /// Repositories named by the sources that were not scanned, with the reason.
    #[serde(default)]
    pub unscanned: Vec<Unscanned>,
    /// The canonical technologies named by stacks and manifests (`data/technologies.yml`).
    #[serde(default)]
    pub technologies: Vec<Technology>,
    /// Declared stacks, one per défi heading of the stack files (eig-link).
    #[serde(default)]
    pub stacks: Vec<TechStack>,
    /// Promotions that have an openness record (eig-link's `ouverture_*.org`); the others are
    /// « non documenté ».
    #[serde(default)]
    pub openness_records: Vec<String>,
    /// What the openness records list: websites, repositories, libraries, datasets, contributions.
    #[serde(default)]
    pub openness_items: Vec<OpennessItem>,
    /// The published posts of the programme's blog, by date, each with the défis it names.
    #[serde(default)]
    pub posts: Vec<Post>,
}

named_set! {
    /// How a blog post was linked to a défi.
    PostMatch {
        /// The post links to the défi's page on the programme's site.
        Link = "link",
        /// The post names the défi (its title, written with its capital).
        Name = "name",
        /// The committed table of posts (`data/posts.yml`) says so.
        Table = "table",
    }
}

/// A published post of the programme's blog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Post {
    /// Its file in the blog's `_posts/` folder (`18-10-18-previsecours-causes-incendies-en-ville.md`).
    pub file: String,
    pub title: String,
    /// `YYYY-MM-DD`, from the file's name.
    pub date: String,
    /// Its address on the programme's site.
    pub url: String,
    #[serde(default)]
    pub author: Option<String>,
    pub tags: Vec<String>,
    /// The défis the post is about, in catalogue order, each once.
    pub defis: Vec<PostDefi>,
}

/// A défi a post is about, and how that was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostDefi {
    pub defi_id: String,
    pub matched_by: PostMatch,
}

/// A défi's repository that the scan did not read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unscanned {
    pub defi_id: String,
    /// The repository or group as named by the sources.
    pub url: String,
    pub reason: UnscannedReason,
}

/// Why a repository named by the sources has no activity record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnscannedReason {
    /// Hosted on GitLab: no copy was taken (the copies come from GitHub).
    Gitlab,
    /// Hosted on the administration's own forge.
    SelfHosted,
}

named_set! {
    /// The kind of a canonical technology (`data/technologies.yml`).
    TechnologyKind {
        Language = "language",
        Backend = "backend",
        Frontend = "frontend",
        Database = "database",
        Datascience = "datascience",
        Bi = "bi",
        Infrastructure = "infrastructure",
        Cms = "cms",
        Tool = "tool",
    }
}

impl TechnologyKind {
    /// The kind as the interface names it; an unknown kind by its own name.
    pub fn label(&self, lang: Lang) -> &str {
        match self {
            TechnologyKind::Language => lang.pick("Langage", "Language"),
            TechnologyKind::Backend => lang.pick("Framework back-end", "Back-end framework"),
            TechnologyKind::Frontend => "Front-end",
            TechnologyKind::Database => {
                lang.pick("Base de données et recherche", "Database and search")
            }
            TechnologyKind::Datascience => {
                lang.pick("Science des données / ML", "Data science / ML")
            }
            TechnologyKind::Bi => "BI / ETL / dataviz",
            TechnologyKind::Infrastructure => "Infrastructure",
            TechnologyKind::Cms => "CMS",
            TechnologyKind::Tool => lang.pick("Outil", "Tool"),
            TechnologyKind::Unknown(name) => name,
        }
    }
}

named_set! {
    /// The kind of an openness item. The first four feed the programme's « Ouverture »
    /// indicators (code online = repository or library).
    OpennessKind {
        Repository = "repository",
        Library = "library",
        Dataset = "dataset",
        Upstream = "upstream",
        Website = "website",
        Organisation = "organisation",
        Inbound = "inbound",
        Answer = "answer",
        Article = "article",
        Other = "other",
    }
}

impl OpennessKind {
    /// The kind as the interface names it; an unknown kind by its own name.
    pub fn label(&self, lang: Lang) -> &str {
        match self {
            OpennessKind::Repository => lang.pick("Dépôt de code", "Code repository"),
            OpennessKind::Library => lang.pick("Bibliothèque publiée", "Library published"),
            OpennessKind::Dataset => lang.pick("Jeu de données ouvert", "Dataset opened"),
            OpennessKind::Upstream => {
                lang.pick("Contribution à un projet existant", "Upstream contribution")
            }
            OpennessKind::Website => lang.pick("Site web", "Website"),
            OpennessKind::Organisation => {
                lang.pick("Compte d'organisation", "Organisation account")
            }
            OpennessKind::Inbound => lang.pick("Contribution reçue", "Contribution received"),
            OpennessKind::Answer => lang.pick("Réponse sur un forum", "Forum answer"),
            OpennessKind::Article => lang.pick("Article de blog", "Blog post"),
            OpennessKind::Other => lang.pick("Autre", "Other"),
            OpennessKind::Unknown(name) => name,
        }
    }
}

/// One canonical technology.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Technology {
    pub id: String,
    pub label: String,
    pub kind: TechnologyKind,
}

/// A défi's declared stack as its promotion's stack file writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TechStack {
    /// Null when the heading names no défi of the catalogue (listed in the report).
    pub defi_id: Option<String>,
    /// The heading as written.
    pub label: String,
    pub promotion_id: String,
    /// The file it comes from.
    pub source: String,
    /// False when the heading is empty or a TODO: « non documenté », not « uses nothing ».
    pub documented: bool,
    pub mentions: Vec<TechMention>,
}

/// One technology named by a stack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TechMention {
    /// A [`Technology`] id; null when the table names no technology for it (in the report).
    pub technology_id: Option<String>,
    /// The words as written.
    pub raw: String,
    /// The sub-heading it is under (`Stack`, `Outils de développement`, ...); empty when none.
    pub section: String,
    /// A choice not made yet (« à confirmer », « ? », « ou », « à décider », « si nécessaire »,
    /// « à venir »): shown, not counted as firm.
    pub tentative: bool,
}

/// One item of an openness record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpennessItem {
    pub promotion_id: String,
    pub kind: OpennessKind,
    /// The item's http(s) link; null when the record gives none.
    pub url: Option<String>,
    /// The item's text as written (links as their descriptions).
    pub text: String,
    /// Null when nothing identifies the défi (kept, and listed in the report).
    pub defi_id: Option<String>,
    /// How the défi was found: `text`, `host`, `catalogue`, `github-handle`; null without défi.
    pub reason: Option<String>,
    /// The record marks it « à vérifier » or asks a question.
    pub to_check: bool,
}

/// Bytes of one language in a repository at HEAD.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageBytes {
    /// Linguist's name (`Python`, `JavaScript`, ...).
    pub language: String,
    pub bytes: u64,
    /// The technology the table names for this language (`python`); null when none.
    #[serde(default)]
    pub technology_id: Option<String>,
}

/// What one défi's git repository records: counts only, never names or e-mails.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub defi_id: String,
    /// The repository's remote URL as matched (the catalogue's `source_code`, or the mapping's).
    pub url: String,
    /// How the repository was matched to its défi: `source_code` or `mapping`.
    pub matched_by: MatchedBy,
    /// The branch HEAD points to; null when HEAD is detached.
    pub default_branch: Option<String>,
    /// Commits reachable from HEAD.
    pub commits: u32,
    /// Distinct author e-mails over the whole history (counted, not stored).
    pub authors: u32,
    /// `YYYY-MM-DD` of the oldest and newest commit (author dates, UTC); null when empty.
    pub first_commit: Option<String>,
    pub last_commit: Option<String>,
    /// The most recent tag by its target commit's date; null when there is none.
    pub latest_tag: Option<String>,
    /// Weeks with at least one commit, oldest first.
    pub weeks: Vec<ActivityWeek>,
    pub openness: Openness,
    /// `YYYY-MM-DD` when the copy that was scanned was taken; null when unknown.
    #[serde(default)]
    pub copied_at: Option<String>,
    /// Bytes per language at HEAD, most first, vendored, generated, minified and documentation
    /// files left out as GitHub's linguist does; programming and markup languages only.
    #[serde(default)]
    pub languages: Vec<LanguageBytes>,
    /// Technology ids named as direct dependencies by the manifests at HEAD, sorted.
    #[serde(default)]
    pub frameworks: Vec<String>,
    /// Files at HEAD not read (blob missing, or larger than the read bound), so not counted.
    #[serde(default)]
    pub skipped_files: u32,
    /// True when a programming language was measured at HEAD; false for a repository of
    /// documentation or mock-ups only, whose commits are not code activity; null when the
    /// code was not measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holds_code: Option<bool>,
    /// The people who made its human commits (merges and bots left out), identities folded
    /// (same e-mail, same name, GitHub's noreply forms), numbered by their first commit: their
    /// human commits per week, never a name or an e-mail.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// The accounts recognised as bots (`data/bots.yml`) and their commits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bots: Vec<BotCommits>,
    /// Every tag, with the day of the commit it names (its tagger's day for an annotated tag).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
}

impl Activity {
    /// The technologies its code shows: its frameworks, then its languages' technologies.
    pub fn technologies(&self) -> impl Iterator<Item = &String> {
        self.frameworks.iter().chain(
            self.languages
                .iter()
                .filter_map(|l| l.technology_id.as_ref()),
        )
    }
}

/// One person's human commits in a repository, week by week.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub weeks: Vec<PersonWeek>,
}

/// A person's human commits in one ISO week.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonWeek {
    /// `YYYY-MM-DD` of the week's Monday.
    pub monday: String,
    pub commits: u32,
}

/// A bot account and its commits (a bot's name is no person's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BotCommits {
    pub name: String,
    pub commits: u32,
}

/// A tag and its day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub name: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// Commits in one ISO week.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityWeek {
    /// ISO week, `YYYY-Www`.
    pub week: String,
    /// `YYYY-MM-DD` of the week's Monday.
    pub monday: String,
    pub commits: u32,
    /// Distinct author e-mails that week.
    pub authors: u32,
    /// Of `commits`: the people's own (neither merges nor bots'), the bots', the merges; the
    /// three add up to `commits`. Null in an export made before the scan told them apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub human: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bots: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merges: Option<u32>,
}

/// Openness checks on the tree at HEAD, in the spirit of code.gouv.fr's criteria.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Openness {
    /// The licence file's path; null when there is none.
    pub license_file: Option<String>,
    /// Its SPDX id when recognisable (`MIT`, `AGPL-3.0`, `EUPL-1.2`, ...).
    pub license_spdx: Option<String>,
    pub readme: bool,
    pub contributing: bool,
    pub changelog: bool,
    /// CI systems configured: `github-actions`, `gitlab-ci`, `circleci`, `travis`.
    pub ci: Vec<CiSystem>,
    /// A `test`, `tests`, `spec` or `__tests__` folder exists.
    pub tests: bool,
    /// Files a check needed that the copy lacks (copies may leave out big files): the check
    /// could not read them, and says so.
    #[serde(default)]
    pub absent: Vec<String>,
}

named_set! {
    /// What a credited source is, so that each chart credits the sources it draws on.
    SourceKind {
        /// The défis' catalogue on the programme's site.
        Catalogue = "catalogue",
        /// The programme's blog (and the team's records it cites for the promotions' dates).
        Blog = "blog",
        /// The weekly journal of 2018.
        Journal = "journal",
        /// eig-link's records: declared stacks and openness.
        Records = "records",
        /// The copies of the défis' public repositories.
        Repositories = "repositories",
    }
}

impl SourceKind {
    /// The source as a chart's credit names it; an unknown kind by its own name.
    pub fn label(&self, lang: Lang) -> &str {
        match self {
            // The same word in both languages.
            SourceKind::Catalogue => "catalogue",
            SourceKind::Blog => "blog",
            SourceKind::Journal => lang.pick("journal de suivi", "progress journal"),
            SourceKind::Records => lang.pick("dossiers eig-link", "eig-link records"),
            SourceKind::Repositories => lang.pick("dépôts", "repositories"),
            SourceKind::Unknown(name) => name,
        }
    }
}

/// A source the export was built from, with its licence (credit it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// What it is; absent from exports written before kinds were (pinned copies keep them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    pub name: String,
    pub url: String,
    pub license: String,
    /// Date of the source's last update, `YYYY-MM-DD`.
    pub updated: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promotion {
    /// `"1"` to `"4"`, or `"dig"`.
    pub id: String,
    pub label: String,
    pub year: i32,
    /// First day (`YYYY-MM-DD`) of the promotion's défis, when known; they run `months` months.
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub months: Option<u32>,
    /// Last day (`YYYY-MM-DD`) of the promotion's défis, when known.
    #[serde(default)]
    pub end: Option<String>,
    /// Where `start`, `end` and the bootcamp come from, one entry each.
    #[serde(default)]
    pub dates: Vec<PromotionDate>,
}

/// One dated event of a promotion, with the document that gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionDate {
    pub event: PromotionEvent,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub basis: DateBasis,
    /// The cited file, relative to `data/sources/` (e.g. `site-eig/_posts/20-01-17-bilan-eig3.md`).
    pub source: Option<String>,
    /// The cited words, as they appear in the source.
    pub quote: Option<String>,
}

/// What a promotion date marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PromotionEvent {
    /// The EIG joined their administrations.
    Start,
    /// The ten months ended.
    End,
    /// First day of the integration bootcamp.
    Bootcamp,
}

/// How much of a date the source gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// The source states the day.
    Stated,
    /// Computed from stated dates and the ten months the source states.
    Derived,
    /// The source gives only the month or the year: the day is an estimate.
    Estimated,
}

/// One real administration; `parent_id` builds the ministry → direction → service tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Administration {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub acronym: Option<String>,
    pub parent_id: Option<String>,
    pub website: Option<String>,
    /// Every raw spelling from the sources that this entity absorbed.
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Defi {
    /// Stable slug of the défi's key in the catalogue.
    pub id: String,
    pub title: String,
    pub promotion_id: String,
    pub administration_id: String,
    pub year: i32,
    #[serde(default)]
    pub description: Option<String>,
    pub skills: Vec<String>,
    pub eigs: Vec<Member>,
    pub mentors: Vec<String>,
    /// Valid http(s) URLs only; the others are listed in `issues`.
    pub source_code: Vec<String>,
    pub website: Option<String>,
    pub key_figures: Vec<KeyFigure>,
    /// Problems found in the défi's source entry.
    pub issues: Vec<Issue>,
    /// The défi's length in months as the catalogue writes it (`duration_months`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// When the défi ran: from its promotion's start, for its own length; null when the sources
    /// date neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<DefiWindow>,
}

/// The days a défi ran, and how its end is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefiWindow {
    /// `YYYY-MM-DD`, its promotion's start.
    pub start: String,
    /// `YYYY-MM-DD`, its last day.
    pub end: String,
    /// `stated` when a cited source gives the day (the promotion's end for a défi of the
    /// promotion's length, or a date cited for the défi itself), `derived` when computed from the
    /// start and the défi's months, `estimated` when the start is.
    pub end_basis: DateBasis,
}

/// An entrepreneur of a défi, with the profile written in `personnes.yml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub name: String,
    /// As written in `personnes.yml` ("Développeuse", "Data scientist", ...); null when unknown.
    pub profile: Option<String>,
    /// The profile folded onto the skill ids (`dev`, `design`, `datascience`, ...).
    #[serde(default)]
    pub role: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyFigure {
    pub amount: f64,
    pub label: String,
}

/// A problem found in a source entry, kept beside the data it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// Stable machine id: `malformed_url`, `unknown_person`, `missing_key`, ...
    pub kind: IssueKind,
    /// The source field concerned.
    pub field: String,
    /// The offending value as written, when there is one.
    pub value: Option<String>,
    /// French description.
    pub message: String,
}

impl Issue {
    /// The problem in `lang`: a known kind is said from its field and value (the exporter writes
    /// `message` from here, in French); any other kind by the message the export carries.
    pub fn describe(&self, lang: Lang) -> String {
        let (field, value) = (&self.field, self.value.as_deref().unwrap_or(""));
        match self.kind {
            IssueKind::MalformedUrl => tr!(
                lang,
                "URL malformée « {value} », écartée",
                "malformed URL \"{value}\", left out"
            ),
            IssueKind::MissingKey => {
                tr!(lang, "clé « {field} » absente", "key \"{field}\" missing")
            }
            IssueKind::UnknownPerson => tr!(
                lang,
                "« {value} » absent de personnes.yml : profil inconnu",
                "\"{value}\" is not in personnes.yml: profile unknown"
            ),
            IssueKind::Other | IssueKind::Unknown(_) => self.message.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalCategory {
    pub id: String,
    pub label_fr: String,
    pub label_en: String,
}

/// One row of the weekly journal; rows in = rows out, once each (a row repeating an earlier one
/// cell for cell is left out by the exporter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Null when the row's défi name matches no défi of the catalogue.
    pub defi_id: Option<String>,
    /// The défi's name as written in the journal.
    pub defi_label: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub deliverable: Option<String>,
    pub task: String,
    /// Known category letters, in legend order, without repeats.
    pub categories: Vec<String>,
    /// The `Cat` cell as written, unknown letters included.
    pub raw_category: String,
    /// Good (1) or bad (-1) news, neutral (0), or not said (null).
    pub mood: Option<i8>,
}

impl Export {
    /// The journal legend as export records.
    pub fn legend() -> Vec<JournalCategory> {
        JOURNAL_CATEGORIES
            .iter()
            .map(|(id, fr, en)| JournalCategory {
                id: id.to_string(),
                label_fr: fr.to_string(),
                label_en: en.to_string(),
            })
            .collect()
    }
}
