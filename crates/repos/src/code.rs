//! What the code at HEAD is written in: bytes per language, detected by the `linguist` crate
//! (GitHub linguist's languages, heuristics and vendored paths), and the direct dependencies
//! its manifests name.
//!
//! Left out of the language bytes, as GitHub's linguist does: vendored paths (linguist's
//! `vendor.yml`), documentation (its `documentation.yml`), generated files (lock files,
//! minified `.js`/`.css`, source maps, files that say they are generated), binary files, and
//! languages that are neither programming nor markup (data, prose).
//!
//! Reads are bounded: a blob's size is asked first; a blob over [`MAX_BLOB`] or missing
//! (copies of large repositories lack blobs of 4 MiB or more) is skipped and counted, never read.

use std::collections::{BTreeMap, BTreeSet};

use eig_pulse_core::contract::export::LanguageBytes;
use gix::ObjectId;
use linguist_types::LanguageType;

use crate::problem::with_causes;

/// The largest blob read (linguist's « large » bound).
pub const MAX_BLOB: u64 = 1024 * 1024;

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
    pub dependencies: Vec<Dependency>,
    /// Paths not read: blob missing or over [`MAX_BLOB`].
    pub skipped: Vec<String>,
}

/// Walks the tree of `head`; trees that cannot be read make the repository unreadable (as the
/// openness checks do), blobs only skip themselves.
pub fn read(repo: &gix::Repository, head: ObjectId) -> Result<Code, String> {
    let root = repo
        .find_commit(head)
        .and_then(|c| c.tree_id())
        .map_err(|e| format!("commit {head}: {e}"))?
        .detach();
    let mut files = Vec::new();
    walk(repo, root, String::new(), &mut files)?;
    let mut bytes: BTreeMap<&'static str, u64> = BTreeMap::new();
    let mut code = Code::default();
    for (path, id) in files {
        let vendored = linguist::is_vendored(&path).unwrap_or(false);
        let manifest = !vendored && is_manifest(&path);
        let counted = !vendored && !is_documentation(&path) && !is_generated_name(&path);
        if !manifest && !counted {
            continue;
        }
        // Only the languages worth counting are read.
        let language_candidates = linguist::detect_language(&path, None).unwrap_or_default();
        if !manifest
            && !language_candidates
                .iter()
                .any(|l| counts(&l.definition.language_type))
        {
            continue;
        }
        let size = match repo.try_find_header(id) {
            Ok(Some(header)) if header.size() <= MAX_BLOB => header.size(),
            _ => {
                code.skipped.push(path);
                continue;
            }
        };
        let data = match repo.find_object(id) {
            Ok(object) => object.detach().data,
            Err(_) => {
                code.skipped.push(path);
                continue;
            }
        };
        if data.iter().take(8000).any(|b| *b == 0) {
            continue;
        }
        let text = String::from_utf8_lossy(&data);
        if manifest {
            for name in dependencies(&path, &text) {
                code.dependencies.push(Dependency {
                    manifest: path.clone(),
                    name,
                });
            }
        }
        if !counted || is_generated_text(&path, &text) {
            continue;
        }
        let detected = linguist::detect_language(&path, Some(&text)).unwrap_or_default();
        // Still ambiguous after linguist's heuristics: the first candidate (linguist's
        // classifier is not ported).
        if let Some(language) = detected.first() {
            if counts(&language.definition.language_type) {
                let name = language
                    .definition
                    .group
                    .as_deref()
                    .map_or(language.name, |g| {
                        linguist::definitions::LANGUAGES
                            .get_key_value(g)
                            .map_or(language.name, |(k, _)| k.as_str())
                    });
                *bytes.entry(name).or_default() += size;
            }
        }
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
    code.dependencies.sort();
    code.dependencies.dedup();
    Ok(code)
}

fn counts(kind: &LanguageType) -> bool {
    matches!(kind, LanguageType::Programming | LanguageType::Markup)
}

/// Every blob of the tree with its path; submodules and symbolic links aside.
fn walk(
    repo: &gix::Repository,
    tree: ObjectId,
    prefix: String,
    files: &mut Vec<(String, ObjectId)>,
) -> Result<(), String> {
    let tree = repo
        .find_tree(tree)
        .map_err(|e| format!("tree {tree}: {}", with_causes(&e)))?;
    for entry in tree.iter() {
        let entry = entry.map_err(|e| format!("tree {}: {e}", tree.id))?;
        let path = format!("{prefix}{}", entry.filename());
        let mode = entry.mode();
        if mode.is_tree() {
            walk(repo, entry.oid().to_owned(), format!("{path}/"), files)?;
        } else if mode.is_blob() {
            files.push((path, entry.oid().to_owned()));
        }
    }
    Ok(())
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
