//! The floors of every crate hold: each module imports only from its own floor or below, no two
//! files import each other through a circle, and core's drawing never names a chart id. The
//! floors are read from `ARCHITECTURE.md` (its lines `Floors of `<src>`, bottom first: …`), so
//! the document and the code cannot drift apart.
//!
//! `EIG_PULSE_FLOORS_ROOT=<checkout>` reads another checkout; `-- --nocapture` prints each crate's
//! picture (files, lines, imports, imports running up, circles).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

fn root() -> PathBuf {
    std::env::var_os("EIG_PULSE_FLOORS_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
}

/// The source folders of the workspace's crates, as `ARCHITECTURE.md` names them.
const CRATES: [&str; 5] = [
    "crates/core/src",
    "crates/ingest/src",
    "crates/repos/src",
    "crates/cli/src",
    "src",
];

/// Each crate's floors, bottom first, each floor a set of top-level module names.
fn floors_of(architecture: &str) -> HashMap<String, Vec<BTreeSet<String>>> {
    let mut all = HashMap::new();
    for line in architecture.lines() {
        let Some(rest) = line.strip_prefix("Floors of `") else {
            continue;
        };
        let Some((krate, list)) = rest.split_once("`, bottom first: ") else {
            continue;
        };
        let floors = list
            .trim_end_matches('.')
            .split('→')
            .map(|floor| {
                floor
                    .split(',')
                    .map(|name| {
                        name.trim()
                            .trim_matches('`')
                            .trim_end_matches('/')
                            .to_string()
                    })
                    .filter(|name| !name.is_empty())
                    .collect()
            })
            .collect();
        all.insert(krate.to_string(), floors);
    }
    all
}

/// A module path inside its crate: `["model", "cohort"]`; empty for the crate root.
type Module = Vec<String>;

/// Every `.rs` file under `src` with its module path.
fn modules(src: &Path) -> Vec<(PathBuf, Module)> {
    let mut out = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(src).unwrap().with_extension("");
                let mut module: Module = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(
                    module.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    module.pop();
                }
                out.push((path, module));
            }
        }
    }
    out.sort();
    out
}

/// The paths a file names (`use` trees, paths in code, paths inside macro calls), outside tests.
#[derive(Default)]
struct Names {
    paths: Vec<Vec<String>>,
    /// `pub use` trees: the names this module re-exports and where they come from.
    reexports: Vec<(String, Vec<String>)>,
    /// Macros this file exports at the crate root.
    macros: Vec<String>,
}

fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("test")
            || (a.path().is_ident("cfg")
                && a.meta
                    .require_list()
                    .is_ok_and(|l| l.tokens.to_string() == "test"))
    })
}

fn flatten(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            flatten(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let mut path = prefix.clone();
            path.push(n.ident.to_string());
            out.push((path, n.ident.to_string()));
        }
        syn::UseTree::Rename(r) => {
            let mut path = prefix.clone();
            path.push(r.ident.to_string());
            out.push((path, r.rename.to_string()));
        }
        syn::UseTree::Glob(_) => out.push((prefix.clone(), "*".into())),
        syn::UseTree::Group(g) => {
            for item in &g.items {
                flatten(item, prefix, out);
            }
        }
    }
}

/// `crate :: a :: b` and `super :: a` sequences inside a macro's tokens.
fn token_paths(tokens: TokenStream, out: &mut Vec<Vec<String>>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            TokenTree::Group(g) => token_paths(g.stream(), out),
            TokenTree::Ident(id) if *id == "crate" || *id == "super" => {
                let mut path = vec![id.to_string()];
                let mut j = i + 1;
                while let (
                    Some(TokenTree::Punct(a)),
                    Some(TokenTree::Punct(b)),
                    Some(TokenTree::Ident(next)),
                ) = (tokens.get(j), tokens.get(j + 1), tokens.get(j + 2))
                {
                    if a.as_char() != ':' || b.as_char() != ':' {
                        break;
                    }
                    path.push(next.to_string());
                    j += 3;
                }
                if path.len() > 1 {
                    out.push(path);
                }
                i = j.max(i + 1);
                continue;
            }
            TokenTree::Ident(id) if *id == "ChartId" => out.push(vec!["ChartId".into()]),
            _ => {}
        }
        i += 1;
    }
}

impl<'ast> Visit<'ast> for Names {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if !is_test(&item.attrs) {
            syn::visit::visit_item_mod(self, item);
        }
    }
    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if !is_test(&item.attrs) {
            syn::visit::visit_item_fn(self, item);
        }
    }
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        if is_test(&item.attrs) {
            return;
        }
        let mut flat = Vec::new();
        flatten(&item.tree, &mut Vec::new(), &mut flat);
        for (path, name) in flat {
            if matches!(item.vis, syn::Visibility::Public(_)) {
                self.reexports.push((name, path.clone()));
            }
            self.paths.push(path);
        }
    }
    fn visit_path(&mut self, path: &'ast syn::Path) {
        self.paths
            .push(path.segments.iter().map(|s| s.ident.to_string()).collect());
        syn::visit::visit_path(self, path);
    }
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        token_paths(mac.tokens.clone(), &mut self.paths);
        syn::visit::visit_macro(self, mac);
    }
    fn visit_item_macro(&mut self, item: &'ast syn::ItemMacro) {
        if item.attrs.iter().any(|a| a.path().is_ident("macro_export")) {
            if let Some(name) = &item.ident {
                self.macros.push(name.to_string());
            }
        }
        syn::visit::visit_item_macro(self, item);
    }
}

/// One crate read: each file's module and names, and where the root's names come from.
struct Crate {
    files: Vec<(PathBuf, Module, Names, usize)>,
    known: BTreeSet<Module>,
    /// A re-exported or macro name → the module it is defined in.
    reexported: HashMap<(Module, String), Module>,
}

fn read_crate(src: &Path) -> Crate {
    let mut files = Vec::new();
    for (path, module) in modules(src) {
        let text = std::fs::read_to_string(&path).unwrap();
        let syntax = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut names = Names::default();
        for item in &syntax.items {
            names.visit_item(item);
        }
        files.push((path, module, names, text.lines().count()));
    }
    let known: BTreeSet<Module> = files.iter().map(|f| f.1.clone()).collect();
    let mut reexported = HashMap::new();
    for (_, module, names, _) in &files {
        for macro_name in &names.macros {
            reexported.insert((Vec::new(), macro_name.clone()), module.clone());
        }
    }
    let mut crate_read = Crate {
        files,
        known,
        reexported: HashMap::new(),
    };
    // Re-exports point where their path leads (resolved against the module that writes them).
    let mut pending = Vec::new();
    for (_, module, names, _) in &crate_read.files {
        for (name, path) in &names.reexports {
            pending.push((module.clone(), name.clone(), path.clone()));
        }
    }
    crate_read.reexported = reexported;
    for _ in 0..4 {
        for (module, name, path) in &pending {
            if let Some(target) = crate_read.resolve(module, path) {
                if &target != module {
                    crate_read
                        .reexported
                        .insert((module.clone(), name.clone()), target);
                }
            }
        }
    }
    crate_read
}

impl Crate {
    /// The module a path inside `from` leads to, when it leads inside the crate.
    fn resolve(&self, from: &Module, path: &[String]) -> Option<Module> {
        let mut base: Module;
        let mut rest = path;
        match path.first().map(String::as_str) {
            Some("crate") => {
                base = Vec::new();
                rest = &path[1..];
            }
            Some("super") => {
                base = from.clone();
                while rest.first().map(String::as_str) == Some("super") {
                    base.pop()?;
                    rest = &rest[1..];
                }
            }
            Some("self") => {
                base = from.clone();
                rest = &path[1..];
            }
            Some(first) => {
                // A child module named directly (`use chart::Chart` in a `mod.rs`).
                let mut child = from.clone();
                child.push(first.to_string());
                if !self.known.contains(&child) {
                    return None;
                }
                base = from.clone();
            }
            None => return None,
        }
        for segment in rest {
            let mut next = base.clone();
            next.push(segment.clone());
            if self.known.contains(&next) {
                base = next;
            } else {
                return Some(
                    self.reexported
                        .get(&(base.clone(), segment.clone()))
                        .cloned()
                        .unwrap_or(base),
                );
            }
        }
        Some(base)
    }
}

/// Strongly connected components of more than one node.
fn circles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    // Tarjan's algorithm, iterative over a small graph.
    let nodes: Vec<&Module> = edges.keys().collect();
    let index_of: HashMap<&Module, usize> =
        nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let mut index = vec![usize::MAX; nodes.len()];
    let mut low = vec![0; nodes.len()];
    let mut on_stack = vec![false; nodes.len()];
    let mut stack = Vec::new();
    let mut counter = 0;
    let mut found = Vec::new();
    fn strong(
        v: usize,
        nodes: &[&Module],
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        index_of: &HashMap<&Module, usize>,
        state: (
            &mut Vec<usize>,
            &mut Vec<usize>,
            &mut Vec<bool>,
            &mut Vec<usize>,
            &mut usize,
        ),
        found: &mut Vec<Vec<Module>>,
    ) {
        let (index, low, on_stack, stack, counter) = state;
        index[v] = *counter;
        low[v] = *counter;
        *counter += 1;
        stack.push(v);
        on_stack[v] = true;
        for w in edges[nodes[v]].iter().filter_map(|m| index_of.get(m)) {
            if index[*w] == usize::MAX {
                strong(
                    *w,
                    nodes,
                    edges,
                    index_of,
                    (index, low, on_stack, stack, counter),
                    found,
                );
                low[v] = low[v].min(low[*w]);
            } else if on_stack[*w] {
                low[v] = low[v].min(index[*w]);
            }
        }
        if low[v] == index[v] {
            let mut component = Vec::new();
            while let Some(w) = stack.pop() {
                on_stack[w] = false;
                component.push(nodes[w].clone());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                found.push(component);
            }
        }
    }
    for v in 0..nodes.len() {
        if index[v] == usize::MAX {
            strong(
                v,
                &nodes,
                edges,
                &index_of,
                (
                    &mut index,
                    &mut low,
                    &mut on_stack,
                    &mut stack,
                    &mut counter,
                ),
                &mut found,
            );
        }
    }
    found
}

fn name(module: &Module) -> String {
    if module.is_empty() {
        "(root)".into()
    } else {
        module.join("::")
    }
}

/// What one crate breaks: imports running up, circles, chart ids in the drawing.
fn faults(krate_name: &str, krate: &Crate, floors: Option<&Vec<BTreeSet<String>>>) -> Vec<String> {
    let floor_of = |module: &Module| -> Option<usize> {
        let first = module.first()?;
        floors?.iter().position(|f| f.contains(first))
    };
    let mut faults = Vec::new();
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    let (mut lines, mut imports, mut upward) = (0, 0, 0);
    for (path, module, names, count) in &krate.files {
        lines += count;
        edges.entry(module.clone()).or_default();
        if !module.is_empty() && floors.is_some() && floor_of(module).is_none() {
            faults.push(format!(
                "{krate_name}: module {} is on no floor",
                name(module)
            ));
        }
        let drawing =
            krate_name == "crates/core/src" && module.first().map(String::as_str) == Some("chart");
        let mut targets = BTreeSet::new();
        for p in &names.paths {
            if drawing && p.iter().any(|s| s == "ChartId") {
                faults.push(format!(
                    "{}: the drawing names a chart id ({}): read the chart's spec instead",
                    path.display(),
                    p.join("::")
                ));
            }
            if let Some(target) = krate.resolve(module, p) {
                targets.insert(target);
            }
        }
        for target in targets {
            // A module and its own folder's mod.rs are one unit; the root only declares.
            let parent_or_child = target.starts_with(module) || module.starts_with(&target);
            if target == *module
                || target.is_empty()
                || parent_or_child
                    && (target.len() + 1 == module.len() || module.len() + 1 == target.len())
            {
                continue;
            }
            imports += 1;
            if let (Some(from), Some(to)) = (floor_of(module), floor_of(&target)) {
                if to > from {
                    upward += 1;
                    faults.push(format!(
                        "{}: {} imports {}, a floor above it",
                        path.display(),
                        name(module),
                        name(&target)
                    ));
                }
            }
            edges
                .entry(module.clone())
                .or_default()
                .insert(target.clone());
        }
        if module.is_empty() {
            edges.remove(module);
        }
    }
    let found = circles(&edges);
    for circle in &found {
        let names: Vec<String> = circle.iter().map(name).collect();
        faults.push(format!("{krate_name}: circle {}", names.join(" ↔ ")));
    }
    println!(
        "{krate_name}: {} files, {lines} lines, {imports} imports between files, {upward} running up, {} circles{}",
        krate.files.len(),
        found.len(),
        match floors {
            Some(f) => format!(", {} floors", f.len()),
            None => ", no floors declared".into(),
        }
    );
    faults
}

#[test]
fn every_import_runs_down_its_crates_floors() {
    let root = root();
    let architecture = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let floors = floors_of(&architecture);
    let mut all = Vec::new();
    for src in CRATES {
        let krate = read_crate(&root.join(src));
        let declared = floors.get(src);
        if declared.is_none() {
            all.push(format!(
                "ARCHITECTURE.md gives no « Floors of `{src}` » line"
            ));
        }
        all.extend(faults(src, &krate, declared));
    }
    assert!(all.is_empty(), "{} faults:\n{}", all.len(), all.join("\n"));
}

/// The test itself: a planted upward import and a planted circle are found.
#[test]
fn a_planted_upward_import_and_circle_are_found() {
    let dir = std::env::temp_dir().join(format!("floors-{}", std::process::id()));
    let src = dir.join("src");
    std::fs::create_dir_all(src.join("low")).unwrap();
    std::fs::write(
        src.join("lib.rs"),
        "pub mod low;\npub mod high;\npub use high::Top;\n",
    )
    .unwrap();
    std::fs::write(src.join("low/mod.rs"), "pub mod a;\npub mod b;\n").unwrap();
    std::fs::write(src.join("low/a.rs"), "use super::b::B;\npub struct A(B);\n").unwrap();
    std::fs::write(
        src.join("low/b.rs"),
        "use crate::Top;\npub struct B(Box<super::a::A>, Top);\n",
    )
    .unwrap();
    std::fs::write(src.join("high.rs"), "pub struct Top;\n").unwrap();
    let krate = read_crate(&src);
    let floors = floors_of("Floors of `x`, bottom first: `low` → `high`.");
    let found = faults("x", &krate, floors.get("x"));
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        found
            .iter()
            .any(|f| f.contains("low::b imports high, a floor above it")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.contains("circle low::a ↔ low::b")),
        "{found:?}"
    );
    assert_eq!(found.len(), 2, "{found:?}");
}
