//! The blog's posts (`_posts/*.md` of the site), each linked to the défis it is about: by a link
//! to the défi's page on the site, by the défi's name written with its capital, and by the
//! committed table of posts (`data/posts.yml`) for what neither can decide.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;
use serde_saphyr::Spanned;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use eig_pulse_core::base::post::PostName;
use eig_pulse_core::contract::export::{Post, PostDefi, PostMatch};
use eig_pulse_core::text;

use crate::names::plain_punctuation;
use crate::report::{Finding, Report};
use crate::source::{SourceError, SourceText};
use crate::yaml::{self, line_of};

/// One défi as posts may name it: its id, its title, its page on the site.
#[derive(Debug, Clone, Copy)]
pub struct PostTarget<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// `/defis/2018/previsecours.html`, the catalogue's `link_to`.
    pub page: Option<&'a str>,
}

/// A post's front matter: the keys the exporter reads.
#[derive(Debug, Deserialize)]
struct FrontMatter {
    title: Option<String>,
    author: Option<String>,
    description: Option<String>,
    #[serde(default)]
    tags: Tags,
}

/// Tags as a list, or one tag written alone.
#[derive(Debug, Default, Deserialize)]
#[serde(untagged)]
enum Tags {
    #[default]
    None,
    One(String),
    List(Vec<String>),
}

impl Tags {
    fn into_vec(self) -> Vec<String> {
        match self {
            Tags::None => Vec::new(),
            Tags::One(tag) => vec![tag],
            Tags::List(tags) => tags,
        }
    }
}

/// An entry of `data/posts.yml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTableEntry {
    post: Spanned<String>,
    #[serde(default)]
    add: Vec<String>,
    #[serde(default)]
    remove: Vec<String>,
    why: String,
}

/// The committed table of posts: for a post, the défis to add and those to take away, with why.
#[derive(Debug, Default)]
pub struct PostsTable {
    file: String,
    entries: Vec<TableEntry>,
}

#[derive(Debug)]
struct TableEntry {
    post: String,
    line: usize,
    add: Vec<String>,
    remove: Vec<String>,
}

impl PostsTable {
    /// Reads the table; an entry without `why`, or with another key, is an error naming its line.
    pub fn parse(source: &SourceText) -> Result<PostsTable, SourceError> {
        let raw: Vec<RawTableEntry> = yaml::parse(source)?.value;
        if let Some(bare) = raw.iter().find(|entry| entry.why.trim().is_empty()) {
            return Err(SourceError::new(
                &source.name,
                Some(line_of(&bare.post)),
                text!(
                    "entrée sans raison (`why` vide)",
                    "entry without a reason (empty `why`)"
                ),
            ));
        }
        Ok(PostsTable {
            file: source.name.clone(),
            entries: raw
                .into_iter()
                .map(|entry| TableEntry {
                    line: line_of(&entry.post),
                    post: entry.post.value,
                    add: entry.add,
                    remove: entry.remove,
                })
                .collect(),
        })
    }
}

/// What reading the posts gave: the published posts by date, and how many drafts were left out.
#[derive(Debug, Default)]
pub struct ReadPosts {
    pub posts: Vec<Post>,
    pub drafts: usize,
}

/// Reads the posts (each `SourceText` named by its path, ending in the file's name), links each
/// to its défis and applies the table. A front matter that is not YAML, a post without a title,
/// or a table entry naming an unknown post or défi is an error naming the place.
pub fn read(
    sources: &[SourceText],
    targets: &[PostTarget],
    table: &PostsTable,
    report: &mut Report,
) -> Result<ReadPosts, SourceError> {
    let names = TitleIndex::new(targets);
    let mut read = ReadPosts::default();
    // Each post's path, for the report.
    let mut paths: HashMap<String, &str> = HashMap::new();
    // The titles several défis bear, with the posts naming them.
    let mut shared_titles: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for source in sources {
        let file = source.name.rsplit('/').next().unwrap_or(&source.name);
        if file.starts_with('_') {
            read.drafts += 1;
            continue;
        }
        let Some(name) = PostName::read(file) else {
            report.add(&source.name, None, Finding::NotAPost);
            continue;
        };
        let (front, body) = split_front_matter(source)?;
        let title = front
            .title
            .filter(|t| !t.trim().is_empty())
            .ok_or_else(|| {
                SourceError::new(
                    &source.name,
                    Some(1),
                    text!(
                        "billet sans titre (`title`)",
                        "post without a title (`title`)"
                    ),
                )
            })?;
        let searched = [
            title.as_str(),
            front.description.as_deref().unwrap_or(""),
            front.author.as_deref().unwrap_or(""),
            body,
        ]
        .join("\n");
        let mut found: BTreeMap<usize, PostMatch> = BTreeMap::new();
        for defi in linked_pages(&searched, targets) {
            found.insert(defi, PostMatch::Link);
        }
        for named in names.named_in(&searched) {
            match names.pick(&named) {
                Some(defi) => {
                    found.entry(defi).or_insert(PostMatch::Name);
                }
                // Unless its page is linked: then the post says which.
                None if names.by_title[&named].iter().any(|d| found.contains_key(d)) => {}
                None => shared_titles
                    .entry(named)
                    .or_default()
                    .push(file.to_string()),
            }
        }
        paths.insert(file.to_string(), &source.name);
        read.posts.push(Post {
            file: file.to_string(),
            title: title.trim().to_string(),
            date: name.date.to_string(),
            url: name.address(),
            author: front.author.map(|a| a.trim().to_string()),
            tags: front.tags.into_vec(),
            defis: found
                .into_iter()
                .map(|(defi, matched_by)| PostDefi {
                    defi_id: targets[defi].id.to_string(),
                    matched_by,
                })
                .collect(),
        });
    }
    apply_table(table, targets, &mut read.posts)?;
    read.posts
        .sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.file.cmp(&b.file)));
    for (title, files) in shared_titles {
        let folder = sources[0]
            .name
            .rsplit_once('/')
            .map_or("_posts", |(folder, _)| folder);
        report.add(
            folder,
            None,
            Finding::AmbiguousPostName {
                name: targets[names.by_title[&title][0]].title.to_string(),
                posts: files.len(),
                first: files[0].clone(),
            },
        );
    }
    for post in read.posts.iter().filter(|p| p.defis.is_empty()) {
        report.add(paths[&post.file], None, Finding::PostWithoutDefi);
    }
    Ok(read)
}

/// The front matter between the first two `---` lines, and the body after it.
fn split_front_matter(source: &SourceText) -> Result<(FrontMatter, &str), SourceError> {
    let missing = || {
        SourceError::new(
            &source.name,
            Some(1),
            text!(
                "en-tête YAML (entre deux lignes `---`) absent",
                "no YAML front matter (between two `---` lines)"
            ),
        )
    };
    let rest = source
        .text
        .strip_prefix("---\n")
        .or_else(|| source.text.strip_prefix("---\r\n"))
        .ok_or_else(missing)?;
    let end = rest
        .match_indices("\n---")
        .find(|(at, _)| {
            let after = &rest[at + 4..];
            after.is_empty() || after.starts_with('\n') || after.starts_with("\r\n")
        })
        .map(|(at, _)| at)
        .ok_or_else(missing)?;
    let front = SourceText::new(&source.name, format!("\n{}\n", &rest[..end]));
    let front: FrontMatter = yaml::parse(&front)?.value;
    Ok((front, rest[end + 4..].trim_start_matches(['\r', '\n'])))
}

/// The défis whose page (`/defis/<year>/<name>.html`) the text links to.
fn linked_pages(text: &str, targets: &[PostTarget]) -> Vec<usize> {
    let pages: HashMap<&str, usize> = targets
        .iter()
        .enumerate()
        .filter_map(|(i, t)| Some((t.page?, i)))
        .collect();
    text.match_indices("/defis/")
        .filter_map(|(at, _)| {
            let rest = &text[at..];
            let end = rest.find(".html")? + ".html".len();
            pages.get(&rest[..end]).copied()
        })
        .collect()
}

/// Letters with their accents taken off and typographic punctuation made plain, case kept: one
/// character for each character of the text, so that positions compare.
fn plain_letters(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| {
            c.nfkd()
                .find(|d| !is_combining_mark(*d))
                .map_or(c, plain_punctuation)
        })
        .collect()
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// The défis' titles as posts write them, each with the défis bearing it.
struct TitleIndex {
    /// Each distinct title's letters, longest first (« Sequoia IGN » before « Sequoia »).
    titles: Vec<Vec<char>>,
    /// The défis (indexes) bearing each title, keyed by its letters as a string.
    by_title: HashMap<String, Vec<usize>>,
}

impl TitleIndex {
    fn new(targets: &[PostTarget]) -> TitleIndex {
        let mut by_title: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, target) in targets.iter().enumerate() {
            let letters: String = plain_letters(target.title.trim()).into_iter().collect();
            if letters.chars().any(char::is_alphanumeric) {
                by_title.entry(letters).or_default().push(i);
            }
        }
        let mut titles: Vec<Vec<char>> = by_title.keys().map(|t| t.chars().collect()).collect();
        titles.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        TitleIndex { titles, by_title }
    }

    /// The titles the text names, each once: a title's letters as a whole word, whatever their
    /// case and accents but the first letter's case (« Prévisecours », « PreviSecours », not
    /// « recrues » for « Recrues »), not inside a path or an address (`/`, `.`, `@`, `-`, `_`
    /// before it).
    fn named_in(&self, text: &str) -> Vec<String> {
        let letters = plain_letters(text);
        let lowered: Vec<char> = letters.iter().map(|&c| lower(c)).collect();
        let joins = |c: char| c.is_alphanumeric() || matches!(c, '_' | '@');
        let mut named = HashSet::new();
        for title in &self.titles {
            let first = title[0];
            let wanted: Vec<char> = title.iter().map(|&c| lower(c)).collect();
            let found = lowered
                .windows(wanted.len())
                .enumerate()
                .any(|(at, window)| {
                    window == wanted.as_slice()
                        && letters[at].is_uppercase() == first.is_uppercase()
                        && (at == 0
                            || !(joins(letters[at - 1])
                                || matches!(letters[at - 1], '/' | '.' | '-')))
                        && letters.get(at + wanted.len()).is_none_or(|&c| !joins(c))
                });
            if found {
                named.insert(title.iter().collect::<String>());
            }
        }
        let mut named: Vec<String> = named.into_iter().collect();
        named.sort();
        named
    }

    /// The défi a title names: its only bearer. A title several défis bear (« EIG Link », one a
    /// year) names none of them: the post's year cannot tell which, and posts also use it for
    /// the role; a link to the défi's page or the table decides.
    fn pick(&self, title: &str) -> Option<usize> {
        match self.by_title.get(title)?.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }
}

/// Applies the table's additions and removals; an entry naming an unknown post or défi, or
/// removing a link the post does not have, is an error naming its line (a stale table).
fn apply_table(
    table: &PostsTable,
    targets: &[PostTarget],
    posts: &mut [Post],
) -> Result<(), SourceError> {
    let order: HashMap<&str, usize> = targets.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    for entry in &table.entries {
        let stale = |message| SourceError::new(&table.file, Some(entry.line), message);
        let post = posts
            .iter_mut()
            .find(|p| p.file == entry.post)
            .ok_or_else(|| {
                stale(text!(
                    "billet « {} » introuvable dans _posts/ (ou brouillon)",
                    "post \"{}\" not found in _posts/ (or a draft)",
                    entry.post
                ))
            })?;
        for id in entry.add.iter().chain(&entry.remove) {
            if !order.contains_key(id.as_str()) {
                return Err(stale(text!(
                    "défi inconnu « {id} »",
                    "unknown défi \"{id}\""
                )));
            }
        }
        for id in &entry.remove {
            let before = post.defis.len();
            post.defis.retain(|d| &d.defi_id != id);
            if post.defis.len() == before {
                return Err(stale(text!(
                    "le billet ne nomme pas « {id} » : rien à retirer",
                    "the post does not name \"{id}\": nothing to remove"
                )));
            }
        }
        for id in &entry.add {
            if post.defis.iter().any(|d| &d.defi_id == id) {
                return Err(stale(text!(
                    "le billet nomme déjà « {id} » : rien à ajouter",
                    "the post already names \"{id}\": nothing to add"
                )));
            }
            post.defis.push(PostDefi {
                defi_id: id.clone(),
                matched_by: PostMatch::Table,
            });
        }
        post.defis.sort_by_key(|d| order[d.defi_id.as_str()]);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets() -> Vec<PostTarget<'static>> {
        vec![
            PostTarget {
                id: "previsecours",
                title: "Prévisecours",
                page: Some("/defis/2018/previsecours.html"),
            },
            PostTarget {
                id: "recrues",
                title: "Recrues",
                page: None,
            },
            PostTarget {
                id: "eig-link-2018",
                title: "EIG Link",
                page: Some("/defis/2018/eiglink.html"),
            },
            PostTarget {
                id: "eig-link-2019",
                title: "EIG Link",
                page: Some("/defis/2019/eiglink.html"),
            },
            PostTarget {
                id: "mi-cartav",
                title: "MI - cartAV",
                page: Some("/defis/2017/mi-cartav-securite-routiere.html"),
            },
            PostTarget {
                id: "b-lisenav",
                title: "b@liseNAV",
                page: None,
            },
        ]
    }

    fn post(file: &str, body: &str) -> SourceText {
        SourceText::new(
            format!("site-eig/_posts/{file}"),
            format!("---\ntitle: Un billet\nauthor: Quelqu'un\ntags:\n- open\n---\n{body}\n"),
        )
    }

    fn links(posts: &[Post]) -> Vec<Vec<(String, String)>> {
        posts
            .iter()
            .map(|p| {
                p.defis
                    .iter()
                    .map(|d| (d.defi_id.clone(), d.matched_by.to_string()))
                    .collect()
            })
            .collect()
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    /// Each case: a body, the links it makes (défi, how).
    #[test]
    fn posts_link_to_the_defis_they_name_or_link() {
        let cases: [(&str, &[(&str, &str)]); 10] = [
            ("Le défi PreviSecours avance.", &[("previsecours", "name")]),
            ("Prévisecours, Previsecours.", &[("previsecours", "name")]),
            ("de nouvelles recrues arrivent", &[]),
            ("Les Recrues du ministère.", &[("recrues", "name")]),
            ("![photo](/img/Previsecours.png) www.prevision.fr", &[]),
            (
                "[cartAV](https://x.fr/defis/2017/mi-cartav-securite-routiere.html)",
                &[("mi-cartav", "link")],
            ),
            (
                "[Prévisecours](/defis/2018/previsecours.html)",
                &[("previsecours", "link")],
            ),
            ("EIG Link en 2019", &[]),
            ("b@liseNAV et b@liseNAVire", &[("b-lisenav", "name")]),
            ("PrévisecoursX et xPrévisecours", &[]),
        ];
        for (body, expected) in cases {
            let mut report = Report::default();
            let read = read(
                &[post("19-03-12-un.md", body)],
                &targets(),
                &PostsTable::default(),
                &mut report,
            )
            .unwrap();
            assert_eq!(links(&read.posts), vec![pairs(expected)], "{body}");
        }
    }

    #[test]
    fn a_title_several_defis_bear_links_only_by_their_page() {
        let mut report = Report::default();
        let read = read(
            &[
                post("19-03-01-un.md", "les EIG Link"),
                post("19-03-02-deux.md", "[EIG Link](/defis/2019/eiglink.html)"),
            ],
            &targets(),
            &PostsTable::default(),
            &mut report,
        )
        .unwrap();
        assert_eq!(
            links(&read.posts),
            vec![vec![], pairs(&[("eig-link-2019", "link")])]
        );
        let text = report.render(eig_pulse_core::Lang::Fr);
        assert!(text.contains("« EIG Link », titre de plusieurs défis, est écrit dans 1 billet(s) (19-03-01-un.md"), "{text}");
    }

    #[test]
    fn posts_come_by_date_drafts_left_out_with_their_address() {
        let mut report = Report::default();
        let read = read(
            &[
                post("2019-06-12-b.md", ""),
                post("_18-02-13-brouillon.md", ""),
                post("18-10-18-a.md", ""),
            ],
            &targets(),
            &PostsTable::default(),
            &mut report,
        )
        .unwrap();
        assert_eq!(read.drafts, 1);
        let dates: Vec<_> = read.posts.iter().map(|p| p.date.as_str()).collect();
        assert_eq!(dates, ["2018-10-18", "2019-06-12"]);
        assert_eq!(
            read.posts[0].url,
            "https://entrepreneur-interet-general.etalab.gouv.fr/blog/2018/10/18/a.html"
        );
        assert_eq!(read.posts[0].tags, ["open"]);
        assert_eq!(read.posts[0].author.as_deref(), Some("Quelqu'un"));
        assert_eq!(
            report
                .render(eig_pulse_core::Lang::Fr)
                .matches("billet sans défi")
                .count(),
            2
        );
    }

    #[test]
    fn the_table_adds_and_removes_or_names_its_stale_line() {
        let table =
            |text: &str| PostsTable::parse(&SourceText::new("data/posts.yml", text)).unwrap();
        let run = |table: &PostsTable| {
            read(
                &[post("18-10-18-a.md", "Prévisecours")],
                &targets(),
                table,
                &mut Report::default(),
            )
        };
        let changed = run(&table(
            "- post: 18-10-18-a.md\n  add: [recrues]\n  remove: [previsecours]\n  why: test\n",
        ))
        .unwrap();
        assert_eq!(links(&changed.posts), vec![pairs(&[("recrues", "table")])]);
        for (stale, words) in [
            (
                "- post: 18-10-18-b.md\n  add: [recrues]\n  why: x\n",
                "introuvable",
            ),
            (
                "- post: 18-10-18-a.md\n  add: [personne]\n  why: x\n",
                "défi inconnu",
            ),
            (
                "- post: 18-10-18-a.md\n  remove: [recrues]\n  why: x\n",
                "rien à retirer",
            ),
            (
                "- post: 18-10-18-a.md\n  add: [previsecours]\n  why: x\n",
                "rien à ajouter",
            ),
        ] {
            let error = run(&table(stale)).unwrap_err();
            assert_eq!(error.line, Some(1), "{stale}");
            assert!(
                error.describe(eig_pulse_core::Lang::Fr).contains(words),
                "{stale}"
            );
        }
        let without_why = PostsTable::parse(&SourceText::new(
            "data/posts.yml",
            "- post: a.md\n  add: [x]\n",
        ));
        assert!(without_why.is_err());
    }

    #[test]
    fn a_post_without_front_matter_or_title_names_its_file() {
        for text in [
            "pas d'en-tête",
            "---\ntitle: x\n",
            "---\nauthor: x\n---\ncorps",
        ] {
            let error = read(
                &[SourceText::new("site-eig/_posts/18-10-18-a.md", text)],
                &targets(),
                &PostsTable::default(),
                &mut Report::default(),
            )
            .unwrap_err();
            assert!(
                error
                    .describe(eig_pulse_core::Lang::Fr)
                    .contains("18-10-18-a.md"),
                "{text}"
            );
        }
    }
}
