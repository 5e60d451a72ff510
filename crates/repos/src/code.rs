//! What the code at HEAD is written in: bytes per language, detected by the `linguist` crate
//! (GitHub linguist's languages, heuristics and vendored paths), whether any of it is a
//! program, and the direct dependencies its manifests name.
//!
//! Left out of the language bytes, as GitHub's linguist does: vendored paths (linguist's
//! `vendor.yml`), documentation (its `documentation.yml`), generated files (lock files,
//! minified `.js`/`.css`, source maps, files that say they are generated), binary files, and
//! languages that are neither programming nor markup (data, prose).
//!
//! Reads are bounded. The tree is walked without recursion, each tree object read once
//! (memoised by id), under [`LIMITS`]: paths, nested folders and bytes read at HEAD; a
//! repository over one is left out whole. A blob's size is asked first; a blob over
//! [`MAX_BLOB`] or missing (copies of large repositories lack blobs of 4 MiB or more) is
//! skipped and counted, never read. A blob met again under the same file name is measured once.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use eig_pulse_core::contract::export::LanguageBytes;
use gix::prelude::FindExt as _;
use gix::ObjectId;
use linguist::DetectedLanguage;
use linguist_types::LanguageType;

use crate::linguist_rules;
use crate::problem::{with_causes, Problem, ScanLimit};

/// The largest blob read (linguist's « large » bound).
pub const MAX_BLOB: u64 = 1024 * 1024;

/// How much of the tree at HEAD a scan reads before it leaves the repository out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Files, folders, links and submodules listed, each place counted: a folder repeated ten
    /// times counts its paths ten times.
    pub paths: u64,
    /// Folders inside folders.
    pub depth: u64,
    /// Bytes of trees and blobs read (each tree once, each blob once per file name).
    pub bytes: u64,
}

/// The limits of every scan, far above the real copies (the largest, monitorfish, lists
/// 6 500 paths at most 16 folders deep and reads 40 MB at HEAD) and low enough that a
/// tree made to repeat itself (10^9 paths from a few KB) stops within a second.
pub const LIMITS: Limits = Limits {
    paths: 500_000,
    depth: 256,
    bytes: 2 << 30,
};

/// One dependency named by a manifest.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dependency {
    /// The manifest's path at HEAD.
    pub manifest: String,
    /// The name as the manifest writes it (`flask`, `@angular/core`, `org.postgresql:postgresql`).
    pub name: String,
}

/// The code at HEAD.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Code {
    /// Most bytes first.
    pub languages: Vec<LanguageBytes>,
    /// True when one of the languages is a program (not only markup).
    pub holds_code: bool,
    pub dependencies: Vec<Dependency>,
    /// Paths not read: blob missing or over [`MAX_BLOB`].
    pub skipped: Vec<String>,
}

/// Reads the code at `head` within [`LIMITS`].
pub fn read(repo: &gix::Repository, head: ObjectId) -> Result<Code, Problem> {
    read_within(repo, head, &LIMITS)
}

/// Reads the code at `head` within `limits`; trees that cannot be read make the repository
/// unreadable (as the openness checks do), blobs only skip themselves.
pub fn read_within(
    repo: &gix::Repository,
    head: ObjectId,
    limits: &Limits,
) -> Result<Code, Problem> {
    let root = repo
        .find_commit(head)
        .and_then(|c| c.tree_id())
        .map_err(|e| Problem::Unreadable(format!("commit {head}: {e}")))?
        .detach();
    let mut budget = Budget {
        left: limits.bytes,
        bound: limits.bytes,
    };
    let files = list(repo, root, limits, &mut budget)?;
    let mut bytes: BTreeMap<&'static str, u64> = BTreeMap::new();
    let mut programs: BTreeSet<&'static str> = BTreeSet::new();
    let mut code = Code::default();
    // File name → linguist's candidates from the name alone.
    let mut by_name: HashMap<&str, Vec<DetectedLanguage>> = HashMap::new();
    // (blob, file name) → the language measured, if any.
    let mut measured: HashMap<(ObjectId, &str), Option<&'static Measured>> = HashMap::new();
    let mut buf = Vec::new();
    for (path, id) in &files {
        let path = path.as_str();
        let vendored = linguist_rules::is_vendored(path);
        let manifest = !vendored && is_manifest(path);
        let counted = !vendored && !is_documentation(path) && !is_generated_name(path);
        if !manifest && !counted {
            continue;
        }
        let name = path.rsplit('/').next().unwrap_or(path);
        let candidates = by_name
            .entry(name)
            .or_insert_with(|| linguist::detect_language(name, None).unwrap_or_default());
        // Only the languages worth counting are read.
        if !manifest
            && !candidates
                .iter()
                .any(|l| counts(&l.definition.language_type))
        {
            continue;
        }
        let size = match repo.try_find_header(*id) {
            Ok(Some(header)) if header.size() <= MAX_BLOB => header.size(),
            _ => {
                code.skipped.push(path.to_string());
                continue;
            }
        };
        if !manifest {
            if let Some(language) = measured.get(&(*id, name)) {
                add(&mut bytes, &mut programs, *language, size);
                continue;
            }
        }
        budget.spend(size)?;
        let Ok(blob) = repo.objects.find_blob(id, &mut buf) else {
            code.skipped.push(path.to_string());
            continue;
        };
        if blob.data[..blob.data.len().min(8000)].contains(&0) {
            measured.insert((*id, name), None);
            continue;
        }
        let text = String::from_utf8_lossy(blob.data);
        if manifest {
            for dependency in dependencies(path, &text) {
                code.dependencies.push(Dependency {
                    manifest: path.to_string(),
                    name: dependency,
                });
            }
        }
        if !counted {
            continue;
        }
        let language = if is_generated_text(path, &text) {
            None
        } else {
            language_of(name, candidates, &text)
        };
        measured.insert((*id, name), language);
        add(&mut bytes, &mut programs, language, size);
    }
    let mut languages: Vec<LanguageBytes> = bytes
        .into_iter()
        .map(|(language, bytes)| LanguageBytes {
            language: language.to_string(),
            bytes,
            technology_id: None,
        })
        .collect();
    languages.sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.language.cmp(&b.language)));
    code.languages = languages;
    code.holds_code = !programs.is_empty();
    code.dependencies.sort();
    code.dependencies.dedup();
    Ok(code)
}

/// A language as counted: the name its bytes go under (its group's, as GitHub shows it), and
/// whether it is a program.
#[derive(Debug)]
struct Measured {
    name: &'static str,
    program: bool,
}

fn add(
    bytes: &mut BTreeMap<&'static str, u64>,
    programs: &mut BTreeSet<&'static str>,
    language: Option<&'static Measured>,
    size: u64,
) {
    if let Some(language) = language {
        *bytes.entry(language.name).or_default() += size;
        if language.program {
            programs.insert(language.name);
        }
    }
}

/// What `linguist::detect_language(name, Some(text))` gives, first candidate, when the
/// language counts (nothing when linguist fails): the same steps, with the candidates from the
/// name already known, the modeline's regular expressions run only when the text holds what
/// they need, and the heuristics on the `regex` crate's automata.
fn language_of(
    name: &str,
    candidates: &[DetectedLanguage],
    text: &str,
) -> Option<&'static Measured> {
    let by_modeline = if may_have_modeline(text) {
        linguist::detect_language_by_modeline(text).ok()?
    } else {
        Vec::new()
    };
    let detected = if !by_modeline.is_empty() {
        by_modeline
    } else if candidates.len() <= 1 {
        candidates.to_vec()
    } else {
        let by_content = linguist_rules::disambiguate(name, text)?;
        if by_content.is_empty() {
            candidates.to_vec()
        } else {
            by_content
        }
    };
    // Still ambiguous after linguist's heuristics: the first candidate (linguist's classifier
    // is not ported).
    let language = detected.first()?;
    counts(&language.definition.language_type).then(|| measured_as(language))
}

/// The one `Measured` of a language, made once for the whole run.
fn measured_as(language: &DetectedLanguage) -> &'static Measured {
    static ALL: std::sync::LazyLock<HashMap<&'static str, Measured>> =
        std::sync::LazyLock::new(|| {
            linguist::definitions::LANGUAGES
                .iter()
                .map(|(name, definition)| {
                    let shown = definition.group.as_deref().map_or(name.as_str(), |g| {
                        linguist::definitions::LANGUAGES
                            .get_key_value(g)
                            .map_or(name.as_str(), |(k, _)| k.as_str())
                    });
                    let measured = Measured {
                        name: shown,
                        program: is_program(name, &definition.language_type),
                    };
                    (name.as_str(), measured)
                })
                .collect()
        });
    &ALL[language.name]
}

/// A language is a program when linguist types it `programming`; Jupyter notebooks too,
/// which linguist types `markup` but which hold the programs of data science.
fn is_program(name: &str, kind: &LanguageType) -> bool {
    matches!(kind, LanguageType::Programming) || name == "Jupyter Notebook"
}

/// False when neither of linguist's modeline expressions can match `text`: the Emacs one
/// needs `-*-`, the Vim one `vi`, `Vi` or `ex`, then `ft`, `syntax` or `filetype`, then `=`,
/// within the first and last five lines.
fn may_have_modeline(text: &str) -> bool {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let ends = text.lines().take(5).chain(text.lines().rev().take(5));
    ends.into_iter().any(|line| {
        line.contains("-*-")
            || ((line.contains("vi") || line.contains("Vi") || line.contains("ex"))
                && (line.contains("ft") || line.contains("syntax") || line.contains("filetype"))
                && line.contains('='))
    })
}

fn counts(kind: &LanguageType) -> bool {
    matches!(kind, LanguageType::Programming | LanguageType::Markup)
}

/// Bytes left to read at HEAD.
struct Budget {
    left: u64,
    bound: u64,
}

impl Budget {
    fn spend(&mut self, bytes: u64) -> Result<(), Problem> {
        self.left = self.left.checked_sub(bytes).ok_or(Problem::OverLimit {
            limit: ScanLimit::BytesAtHead,
            bound: self.bound,
        })?;
        Ok(())
    }
}

/// What a tree entry is, as the walk needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Tree,
    Blob,
    /// A symbolic link or a submodule: listed, never read.
    Other,
}

struct Entry {
    name: String,
    kind: Kind,
    id: ObjectId,
}

/// One folder being listed: its entries, the next to list, its path and depth.
struct Frame {
    entries: Rc<[Entry]>,
    next: usize,
    prefix: String,
    depth: u64,
}

/// Every blob of the tree at `root` with its path, in tree order; submodules and symbolic
/// links aside. Each tree object is read once; the walk stops at the first limit passed.
fn list(
    repo: &gix::Repository,
    root: ObjectId,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<(String, ObjectId)>, Problem> {
    let mut trees: HashMap<ObjectId, Rc<[Entry]>> = HashMap::new();
    let mut buf = Vec::new();
    let mut read = |id: ObjectId, budget: &mut Budget| -> Result<Rc<[Entry]>, Problem> {
        if let Some(entries) = trees.get(&id) {
            return Ok(Rc::clone(entries));
        }
        let fail = |e: &dyn std::fmt::Display| Problem::Unreadable(format!("tree {id}: {e}"));
        // Its size first: a tree too big for the budget is never inflated.
        let size = repo
            .find_header(id)
            .map_err(|e| fail(&with_causes(&e)))?
            .size();
        budget.spend(size)?;
        let tree = repo
            .objects
            .find_tree_iter(&id, &mut buf)
            .map_err(|e| fail(&with_causes(&e)))?;
        let entries: Rc<[Entry]> = tree
            // One more than the limit is enough to know it is passed.
            .take(
                usize::try_from(limits.paths)
                    .unwrap_or(usize::MAX)
                    .saturating_add(1),
            )
            .map(|entry| {
                let entry = entry.map_err(|e| fail(&e))?;
                let kind = if entry.mode.is_tree() {
                    Kind::Tree
                } else if entry.mode.is_blob() {
                    Kind::Blob
                } else {
                    Kind::Other
                };
                Ok(Entry {
                    name: entry.filename.to_string(),
                    kind,
                    id: entry.oid.to_owned(),
                })
            })
            .collect::<Result<_, Problem>>()?;
        trees.insert(id, Rc::clone(&entries));
        Ok(entries)
    };
    let over = |limit, bound| Problem::OverLimit { limit, bound };
    let mut files = Vec::new();
    let mut paths = 0u64;
    let mut stack = vec![Frame {
        entries: read(root, budget)?,
        next: 0,
        prefix: String::new(),
        depth: 0,
    }];
    while let Some(frame) = stack.last_mut() {
        let Some(entry) = frame.entries.get(frame.next) else {
            stack.pop();
            continue;
        };
        frame.next += 1;
        paths += 1;
        if paths > limits.paths {
            return Err(over(ScanLimit::PathsAtHead, limits.paths));
        }
        let path = format!("{}{}", frame.prefix, entry.name);
        match entry.kind {
            Kind::Blob => files.push((path, entry.id)),
            Kind::Other => {}
            Kind::Tree => {
                let depth = frame.depth + 1;
                if depth > limits.depth {
                    return Err(over(ScanLimit::DepthAtHead, limits.depth));
                }
                let id = entry.id;
                stack.push(Frame {
                    entries: read(id, budget)?,
                    next: 0,
                    prefix: format!("{path}/"),
                    depth,
                });
            }
        }
    }
    Ok(files)
}

/// linguist's `documentation.yml`, as path tests.
fn is_documentation(path: &str) -> bool {
    let lower = path.to_lowercase();
    let file = lower.rsplit('/').next().unwrap_or(&lower);
    let top = lower.split('/').next().unwrap_or("");
    let any_dir = |names: &[&str]| lower.split('/').rev().skip(1).any(|d| names.contains(&d));
    matches!(
        top,
        "doc" | "docs" | "man" | "examples" | "demo" | "demos" | "sample" | "samples"
    ) && lower.contains('/')
        || any_dir(&["documentation", "javadoc", "groovydoc"])
        || lower.contains("inst/doc/")
        || [
            "changelog",
            "changes",
            "contributing",
            "copying",
            "install",
            "licence",
            "license",
            "readme",
            "citation",
        ]
        .iter()
        .any(|stem| file == *stem || file.starts_with(&format!("{stem}.")))
}

/// linguist's `generated.rb`, by name: lock files, minified files, source maps, compiled stubs.
fn is_generated_name(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    matches!(
        file,
        "package-lock.json"
            | "yarn.lock"
            | "pnpm-lock.yaml"
            | "composer.lock"
            | "Gemfile.lock"
            | "Pipfile.lock"
            | "poetry.lock"
            | "Cargo.lock"
            | "go.sum"
    ) || [
        ".min.js", ".min.css", "-min.js", ".js.map", ".css.map", "_pb2.py", ".pb.go",
    ]
    .iter()
    .any(|end| file.ends_with(end))
        || path.split('/').any(|d| d == "__generated__")
}

/// linguist's `generated.rb`, by content: minified `.js`/`.css` (average line over 110
/// characters), or a file that says so in its first lines.
fn is_generated_text(path: &str, text: &str) -> bool {
    if path.ends_with(".js") || path.ends_with(".css") {
        let lines = text.lines().count().max(1);
        if text.len() / lines > 110 {
            return true;
        }
    }
    text.lines().take(5).any(|line| {
        let line = line.to_lowercase();
        line.contains("do not edit")
            || line.contains("@generated")
            || line.contains("auto-generated")
            || line.contains("autogenerated")
            || line.contains("generated by")
    })
}

fn is_manifest(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    if path.split('/').any(|d| d == "node_modules") {
        return false;
    }
    matches!(
        file,
        "package.json"
            | "pyproject.toml"
            | "Pipfile"
            | "composer.json"
            | "pom.xml"
            | "go.mod"
            | "Gemfile"
            | "Cargo.toml"
    ) || (file.starts_with("requirements") && file.ends_with(".txt"))
        || file.starts_with("build.gradle")
}

/// The direct dependencies a manifest names (an unreadable manifest names none).
pub fn dependencies(path: &str, text: &str) -> Vec<String> {
    let file = path.rsplit('/').next().unwrap_or(path);
    let mut names: BTreeSet<String> = BTreeSet::new();
    let json_keys = |keys: &[&str], names: &mut BTreeSet<String>| {
        if let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(text)
        {
            for key in keys {
                if let Some(serde_json::Value::Object(deps)) = map.get(*key) {
                    names.extend(deps.keys().cloned());
                }
            }
        }
    };
    let toml_keys = |tables: &[&[&str]], names: &mut BTreeSet<String>| {
        if let Ok(value) = text.parse::<toml::Table>() {
            for path in tables {
                let mut at = Some(&value);
                for part in *path {
                    at = at.and_then(|t| t.get(*part)).and_then(|v| v.as_table());
                }
                if let Some(table) = at {
                    names.extend(table.keys().cloned());
                }
            }
        }
    };
    match file {
        "package.json" => json_keys(&["dependencies", "devDependencies"], &mut names),
        "composer.json" => json_keys(&["require", "require-dev"], &mut names),
        "Pipfile" => toml_keys(&[&["packages"], &["dev-packages"]], &mut names),
        "Cargo.toml" => toml_keys(
            &[
                &["dependencies"],
                &["dev-dependencies"],
                &["workspace", "dependencies"],
            ],
            &mut names,
        ),
        "pyproject.toml" => {
            toml_keys(
                &[
                    &["tool", "poetry", "dependencies"],
                    &["tool", "poetry", "dev-dependencies"],
                ],
                &mut names,
            );
            names.remove("python");
            if let Ok(value) = text.parse::<toml::Table>() {
                let listed = value
                    .get("project")
                    .and_then(|p| p.get("dependencies"))
                    .and_then(|d| d.as_array());
                for requirement in listed.into_iter().flatten().filter_map(|r| r.as_str()) {
                    names.extend(pep508_name(requirement));
                }
            }
        }
        "pom.xml" => {
            if let Ok(doc) = roxmltree::Document::parse(text) {
                let root = doc.root_element();
                let deps = root
                    .children()
                    .filter(|n| {
                        n.has_tag_name(("http://maven.apache.org/POM/4.0.0", "dependencies"))
                            || n.tag_name().name() == "dependencies"
                    })
                    .flat_map(|n| n.children())
                    .filter(|n| n.tag_name().name() == "dependency");
                for dep in deps {
                    let field = |name: &str| {
                        dep.children()
                            .find(|c| c.tag_name().name() == name)
                            .and_then(|c| c.text())
                            .map(str::trim)
                    };
                    if let (Some(group), Some(artifact)) = (field("groupId"), field("artifactId")) {
                        names.insert(format!("{group}:{artifact}"));
                    }
                }
            }
        }
        "go.mod" => {
            let mut in_block = false;
            for line in text.lines() {
                let line = line.split("//").next().unwrap_or("").trim();
                if line.starts_with("require (") {
                    in_block = true;
                } else if in_block && line == ")" {
                    in_block = false;
                } else if let Some(rest) = line.strip_prefix("require ").filter(|_| !in_block) {
                    names.extend(rest.split_whitespace().next().map(str::to_string));
                } else if in_block {
                    names.extend(line.split_whitespace().next().map(str::to_string));
                }
            }
        }
        "Gemfile" => {
            for line in text.lines() {
                if let Some(rest) = line.trim().strip_prefix("gem ") {
                    let name = rest.trim().trim_start_matches(['\'', '"']);
                    let name: String = name
                        .chars()
                        .take_while(|c| !matches!(c, '\'' | '"'))
                        .collect();
                    if !name.is_empty() {
                        names.insert(name);
                    }
                }
            }
        }
        _ if file.starts_with("requirements") => {
            for line in text.lines() {
                let line = line.split('#').next().unwrap_or("").trim();
                if line.is_empty() || line.starts_with('-') {
                    continue;
                }
                names.extend(pep508_name(line));
            }
        }
        _ if file.starts_with("build.gradle") => {
            const CONFIGURATIONS: [&str; 7] = [
                "implementation",
                "api",
                "compile",
                "runtimeOnly",
                "compileOnly",
                "testImplementation",
                "testCompile",
            ];
            for line in text.lines() {
                let line = line.trim();
                if !CONFIGURATIONS.iter().any(|c| line.starts_with(c)) {
                    continue;
                }
                for quoted in line.split(['\'', '"']).skip(1).step_by(2) {
                    let mut parts = quoted.split(':');
                    if let (Some(group), Some(artifact)) = (parts.next(), parts.next()) {
                        names.insert(format!("{group}:{artifact}"));
                    }
                }
            }
        }
        _ => {}
    }
    names.into_iter().filter(|n| !n.is_empty()).collect()
}

/// The project name of a PEP 508 requirement (`Flask[async]>=2.0; python_version>"3"` → `Flask`).
fn pep508_name(requirement: &str) -> Option<String> {
    let name: String = requirement
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_name_their_direct_dependencies() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("package.json", r#"{"dependencies":{"vue":"^2"},"devDependencies":{"webpack":"4"}}"#, &["vue", "webpack"]),
            ("composer.json", r#"{"require":{"php":">=7","laravel/framework":"5.6"}}"#, &["laravel/framework", "php"]),
            ("app/requirements-dev.txt", "# tools\nFlask[async]>=2.0\n-r base.txt\npandas==1.0 ; python_version>'3'\n", &["Flask", "pandas"]),
            ("pyproject.toml", "[project]\ndependencies = [\"fastapi>=0.1\"]\n[tool.poetry.dependencies]\npython = \"^3.8\"\ndjango = \"*\"\n", &["django", "fastapi"]),
            ("Pipfile", "[packages]\nscrapy = \"*\"\n[dev-packages]\npytest = \"*\"\n", &["pytest", "scrapy"]),
            ("pom.xml", "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>", &["org.postgresql:postgresql"]),
            ("build.gradle", "dependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-web:2.1'\n}\n", &["org.springframework.boot:spring-boot-starter-web"]),
            ("go.mod", "module x\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.0 // indirect\n)\nrequire golang.org/x/text v0.3.0\n", &["github.com/gin-gonic/gin", "golang.org/x/text"]),
            ("Gemfile", "source 'https://rubygems.org'\ngem 'rails', '~> 5.2'\ngem \"jekyll\"\n", &["jekyll", "rails"]),
            ("Cargo.toml", "[dependencies]\nserde = \"1\"\n[dev-dependencies]\ntempfile = \"3\"\n", &["serde", "tempfile"]),
            ("package.json", "{ not json", &[]),
        ];
        for (path, text, expected) in cases {
            assert_eq!(dependencies(path, text), *expected, "{path}");
        }
    }

    #[test]
    fn linguist_paths_left_out() {
        assert!(is_documentation("docs/conf.py"));
        assert!(is_documentation("README.md"));
        assert!(is_documentation("lib/Documentation/x.js"));
        assert!(!is_documentation("src/docs.py"));
        assert!(!is_documentation("docs"));
        assert!(is_generated_name("web/package-lock.json"));
        assert!(is_generated_name("static/app.min.js"));
        assert!(!is_generated_name("static/app.js"));
        assert!(is_generated_text("a.js", &"x".repeat(500)));
        assert!(is_generated_text(
            "a_pb.py",
            "# Generated by the protocol buffer compiler.  DO NOT EDIT!\n"
        ));
        assert!(!is_generated_text("a.py", "import os\nprint(os.name)\n"));
        assert!(linguist::is_vendored("node_modules/vue/index.js").unwrap());
    }
}
