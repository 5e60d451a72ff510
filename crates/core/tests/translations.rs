//! The one translation layer (`eig_pulse_core::base::lang`), checked over the workspace's sources: every
//! pair of words is translated (two different texts that format the same values, English without
//! French typography), no text shown in both languages carries French typography, and no other
//! code chooses words by language.
//!
//! Rust is read by `proc-macro2` and `syn`, so that pairs inside `view!`, `tr!` or `format!` are
//! seen and comments are not; the dashboard's JavaScript by the `ress` tokenizer. A pair is:
//! - written through the layer: `pick`, `Text::fixed`, `text!`, `tr!`;
//! - handed to a function or closure that passes its two texts on to `pick` (the dashboard's
//!   `say`, a card taking its label's two languages);
//! - a row of a table of tuples destructured into `pick` (`for (fr, en) in [(…), …]`,
//!   `let (fr, en) = match … { … => (…) }`);
//! - a message table of a script in `public/`: `{ fr: { key: "…" }, en: { key: "…" } }`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::ToTokens;
use syn::visit::Visit;

/// Where a pair was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Pick,
    Fixed,
    TextMacro,
    TrMacro,
    /// Through a function or closure that hands its two texts to `pick`.
    Forwarded,
    /// A row of a table of tuples destructured into `pick`.
    Table,
    /// A JavaScript message table.
    Script,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::Pick,
        Kind::Fixed,
        Kind::TextMacro,
        Kind::TrMacro,
        Kind::Forwarded,
        Kind::Table,
        Kind::Script,
    ];

    fn name(self) -> &'static str {
        match self {
            Kind::Pick => "pick(…)",
            Kind::Fixed => "Text::fixed(…)",
            Kind::TextMacro => "text!(…)",
            Kind::TrMacro => "tr!(…)",
            Kind::Forwarded => "a function or closure passing its texts to pick",
            Kind::Table => "a table of tuples destructured into pick",
            Kind::Script => "a script's message table",
        }
    }
}

/// A pair of words: where, how it was written, French, English.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Pair {
    place: String,
    kind: Kind,
    french: String,
    english: String,
}

/// What one source holds: its pairs, and its texts shown in both languages (format strings,
/// JavaScript strings and templates outside a message table).
#[derive(Debug, Default)]
struct Found {
    pairs: Vec<Pair>,
    neutral: Vec<(String, String)>,
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The workspace's Rust sources: the dashboard's and every crate's, tests aside.
fn rust_sources() -> Vec<PathBuf> {
    let root = workspace();
    let mut stack = vec![root.join("src"), root.join("crates")];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("tests") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The scripts served with the dashboard and the embed pages (`public/*.js`).
fn scripts() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(workspace().join("public"))
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "js"))
        .collect();
    files.sort();
    files
}

/// A source's name for messages: its path from the workspace's root.
fn shown(path: &Path) -> String {
    path.strip_prefix(workspace())
        .unwrap_or(path)
        .display()
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Rust

/// One call in a token stream: the name called (a macro with its `!`), the name before `::` if
/// any, its arguments split at their commas, and its line.
struct Call {
    name: String,
    owner: Option<String>,
    arguments: Vec<Vec<TokenTree>>,
    line: usize,
}

/// The arguments of a parenthesised group, split at its own commas.
fn arguments(group: &Group) -> Vec<Vec<TokenTree>> {
    let mut split = vec![Vec::new()];
    for tree in group.stream() {
        match &tree {
            TokenTree::Punct(p) if p.as_char() == ',' => split.push(Vec::new()),
            _ => split.last_mut().unwrap().push(tree),
        }
    }
    if split.last().is_some_and(Vec::is_empty) {
        split.pop();
    }
    split
}

/// Every call of `stream`, macros' bodies included (`view!`, `tr!`…), comments excluded.
fn calls(stream: TokenStream, found: &mut Vec<Call>) {
    let trees: Vec<TokenTree> = stream.into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        if let TokenTree::Group(group) = tree {
            calls(group.stream(), found);
        }
        let TokenTree::Ident(ident) = tree else {
            continue;
        };
        let (name, group) = match (trees.get(i + 1), trees.get(i + 2)) {
            (Some(TokenTree::Group(g)), _) if g.delimiter() == Delimiter::Parenthesis => {
                (ident.to_string(), g)
            }
            (Some(TokenTree::Punct(bang)), Some(TokenTree::Group(g)))
                if bang.as_char() == '!' && g.delimiter() != Delimiter::None =>
            {
                (format!("{ident}!"), g)
            }
            _ => continue,
        };
        // `fn name(…)` defines a function, it does not call one.
        if i > 0 && matches!(&trees[i - 1], TokenTree::Ident(k) if k == "fn") {
            continue;
        }
        let owner = match (i.checked_sub(3).map(|j| &trees[j..i]), i) {
            (Some([TokenTree::Ident(owner), TokenTree::Punct(a), TokenTree::Punct(b)]), _)
                if a.as_char() == ':' && b.as_char() == ':' =>
            {
                Some(owner.to_string())
            }
            _ => None,
        };
        found.push(Call {
            name,
            owner,
            arguments: arguments(group),
            line: ident.span().start().line,
        });
    }
}

/// The value of an argument made of one string literal alone.
fn lone_string(argument: &[TokenTree]) -> Option<String> {
    match argument {
        [TokenTree::Literal(literal)] => match syn::Lit::new(literal.clone()) {
            syn::Lit::Str(text) => Some(text.value()),
            _ => None,
        },
        _ => None,
    }
}

/// The name of an argument made of one identifier alone.
fn lone_name(argument: &[TokenTree]) -> Option<String> {
    match argument {
        [TokenTree::Ident(name)] => Some(name.to_string()),
        _ => None,
    }
}

/// The string literals at positions `first` and `second` of a call, if both are.
fn literal_pair(call: &Call, first: usize, second: usize) -> Option<(String, String)> {
    let french = lone_string(call.arguments.get(first)?)?;
    let english = lone_string(call.arguments.get(second)?)?;
    Some((french, english))
}

/// The positions of `names` handed together to `pick` in `body`: each `pick(a, b)` whose
/// arguments are two of `names`.
fn picked_positions(body: TokenStream, names: &[String]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    calls(body, &mut found);
    found
        .iter()
        .filter(|call| call.name == "pick" && call.arguments.len() == 2)
        .filter_map(|call| {
            let french = lone_name(&call.arguments[0])?;
            let english = lone_name(&call.arguments[1])?;
            let at = |name: &str| names.iter().position(|n| n == name);
            Some((at(&french)?, at(&english)?))
        })
        .filter(|(french, english)| french != english)
        .collect()
}

/// The names a pattern binds, in order (`fr`, `en: &str`, `_` as an empty name).
fn bound_name(pattern: &syn::Pat) -> String {
    match pattern {
        syn::Pat::Ident(ident) => ident.ident.to_string(),
        syn::Pat::Type(typed) => bound_name(&typed.pat),
        _ => String::new(),
    }
}

/// The tuple expressions of `arity` in an expression: the rows of a table (in an array, the
/// arms of a `match`, a block's value).
#[derive(Default)]
struct Rows<'a> {
    arity: usize,
    rows: Vec<&'a syn::ExprTuple>,
}

impl<'a> Visit<'a> for Rows<'a> {
    fn visit_expr_tuple(&mut self, tuple: &'a syn::ExprTuple) {
        if tuple.elems.len() == self.arity {
            self.rows.push(tuple);
        } else {
            syn::visit::visit_expr_tuple(self, tuple);
        }
    }
}

/// The string literal an expression is, if it is one.
fn string_expression(expression: &syn::Expr) -> Option<String> {
    match expression {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) => Some(text.value()),
        _ => None,
    }
}

/// What one Rust file tells before its calls are read: the functions and closures that hand
/// their texts to `pick` (name → positions of French and English), and its tables' pairs.
#[derive(Default)]
struct Definitions {
    functions: BTreeMap<String, (usize, usize)>,
    closures: BTreeMap<String, (usize, usize)>,
    tables: Vec<(usize, String, String)>,
}

impl Definitions {
    /// A function's or closure's parameters handed to `pick` in its body.
    fn forwarding(names: &[String], body: TokenStream) -> Option<(usize, usize)> {
        picked_positions(body, names).into_iter().next()
    }

    /// A tuple pattern whose names reach `pick` in `scope`: the pairs of every row of `table`.
    fn table(&mut self, pattern: &syn::Pat, table: &syn::Expr, scope: TokenStream) {
        let pattern = match pattern {
            syn::Pat::Type(typed) => &*typed.pat,
            other => other,
        };
        let syn::Pat::Tuple(tuple) = pattern else {
            return;
        };
        let names: Vec<String> = tuple.elems.iter().map(bound_name).collect();
        let positions = picked_positions(scope, &names);
        if positions.is_empty() {
            return;
        }
        let mut rows = Rows {
            arity: names.len(),
            rows: Vec::new(),
        };
        rows.visit_expr(table);
        for row in rows.rows {
            let cells: Vec<&syn::Expr> = row.elems.iter().collect();
            for &(french, english) in &positions {
                if let (Some(fr), Some(en)) = (
                    string_expression(cells[french]),
                    string_expression(cells[english]),
                ) {
                    let line = row.paren_token.span.open().start().line;
                    self.tables.push((line, fr, en));
                }
            }
        }
    }
}

/// Reads one function body: its closures that forward to `pick`, its tables.
struct InBody<'d> {
    definitions: &'d mut Definitions,
    body: TokenStream,
}

impl<'a> Visit<'a> for InBody<'_> {
    fn visit_local(&mut self, local: &'a syn::Local) {
        if let Some(init) = &local.init {
            if let (syn::Pat::Ident(name), syn::Expr::Closure(closure)) = (&local.pat, &*init.expr)
            {
                let names: Vec<String> = closure.inputs.iter().map(bound_name).collect();
                if let Some(positions) =
                    Definitions::forwarding(&names, closure.body.to_token_stream())
                {
                    self.definitions
                        .closures
                        .insert(name.ident.to_string(), positions);
                }
            }
            self.definitions
                .table(&local.pat, &init.expr, self.body.clone());
        }
        syn::visit::visit_local(self, local);
    }

    fn visit_expr_for_loop(&mut self, looped: &'a syn::ExprForLoop) {
        self.definitions
            .table(&looped.pat, &looped.expr, looped.body.to_token_stream());
        syn::visit::visit_expr_for_loop(self, looped);
    }
}

impl Definitions {
    fn function(&mut self, signature: &syn::Signature, block: &syn::Block) {
        let names: Vec<String> = signature
            .inputs
            .iter()
            .filter_map(|input| match input {
                syn::FnArg::Typed(typed) => Some(bound_name(&typed.pat)),
                syn::FnArg::Receiver(_) => None,
            })
            .collect();
        let body = block.to_token_stream();
        if let Some(positions) = Definitions::forwarding(&names, body.clone()) {
            self.functions
                .insert(signature.ident.to_string(), positions);
        }
        InBody {
            definitions: self,
            body,
        }
        .visit_block(block);
    }
}

impl<'a> Visit<'a> for Definitions {
    fn visit_item_fn(&mut self, item: &'a syn::ItemFn) {
        self.function(&item.sig, &item.block);
    }

    fn visit_impl_item_fn(&mut self, item: &'a syn::ImplItemFn) {
        self.function(&item.sig, &item.block);
    }
}

/// French typography, out of place in English and in a text shown in both languages: quotes
/// « », a space before a colon or a semicolon.
fn french_typography(text: &str) -> bool {
    text.contains(['«', '»']) || text.contains(" : ") || text.contains(" ; ")
}

/// The format strings' positions in the macros that write text.
fn format_string_position(name: &str) -> Option<usize> {
    match name {
        "format!" | "print!" | "println!" | "eprint!" | "eprintln!" => Some(0),
        "write!" | "writeln!" => Some(1),
        _ => None,
    }
}

/// Every pair of a Rust file, given the functions of the workspace that forward to `pick`.
fn rust_pairs(place: &str, text: &str, functions: &BTreeMap<String, (usize, usize)>) -> Found {
    let file = syn::parse_file(text).unwrap_or_else(|e| panic!("{place}: {e}"));
    let mut definitions = Definitions::default();
    definitions.visit_file(&file);
    let mut found = Found::default();
    let mut pair = |line: usize, kind: Kind, (french, english): (String, String)| {
        found.pairs.push(Pair {
            place: format!("{place}:{line}"),
            kind,
            french,
            english,
        });
    };
    for (line, french, english) in definitions.tables {
        pair(line, Kind::Table, (french, english));
    }
    let mut all = Vec::new();
    calls(TokenStream::from_str(text).unwrap(), &mut all);
    let mut neutral = Vec::new();
    for call in &all {
        let read = match (call.name.as_str(), call.owner.as_deref()) {
            ("pick", _) => literal_pair(call, 0, 1).map(|p| (Kind::Pick, p)),
            ("fixed", Some("Text")) => literal_pair(call, 0, 1).map(|p| (Kind::Fixed, p)),
            ("text!", _) => literal_pair(call, 0, 1).map(|p| (Kind::TextMacro, p)),
            ("tr!", _) => literal_pair(call, 1, 2).map(|p| (Kind::TrMacro, p)),
            (name, _) => definitions
                .closures
                .get(name)
                .or_else(|| functions.get(name))
                .and_then(|&(fr, en)| literal_pair(call, fr, en))
                .map(|p| (Kind::Forwarded, p)),
        };
        if let Some((kind, words)) = read {
            pair(call.line, kind, words);
        }
        let format = format_string_position(&call.name)
            .and_then(|at| call.arguments.get(at))
            .and_then(|argument| lone_string(argument));
        if let Some(format) = format {
            neutral.push((format!("{place}:{}", call.line), format));
        }
    }
    found.neutral = neutral;
    found
}

/// The functions of a Rust file that hand their two texts to `pick` (`say`).
fn forwarding_functions(place: &str, text: &str) -> BTreeMap<String, (usize, usize)> {
    let file = syn::parse_file(text).unwrap_or_else(|e| panic!("{place}: {e}"));
    let mut definitions = Definitions::default();
    definitions.visit_file(&file);
    definitions.functions
}

// ---------------------------------------------------------------------------------------------
// JavaScript

/// A script's tokens that matter here: names, strings, templates' text and punctuation, with
/// their lines (comments dropped).
#[derive(Debug, Clone, PartialEq)]
enum Word {
    Name(String),
    Text(String),
    Template(String),
    Mark(char),
    Other,
}

fn script_words(place: &str, text: &str) -> Vec<(Word, usize)> {
    use ress::prelude::*;
    let mut words = Vec::new();
    for item in Scanner::new(text) {
        let item = item.unwrap_or_else(|e| panic!("{place}: {e}"));
        let line = item.location.start.line;
        let word = match &item.token {
            Token::Comment(_) => continue,
            Token::EoF => break,
            Token::Ident(name) => Word::Name(name.as_ref().to_string()),
            Token::String(StringLit::Double(inner) | StringLit::Single(inner)) => {
                Word::Text(inner.content.to_string())
            }
            Token::Template(
                Template::NoSub(part)
                | Template::Head(part)
                | Template::Middle(part)
                | Template::Tail(part),
            ) => Word::Template(part.content.to_string()),
            Token::Punct(Punct::OpenBrace) => Word::Mark('{'),
            Token::Punct(Punct::CloseBrace) => Word::Mark('}'),
            Token::Punct(Punct::Colon) => Word::Mark(':'),
            Token::Punct(Punct::Comma) => Word::Mark(','),
            _ => Word::Other,
        };
        words.push((word, line));
    }
    words
}

/// A script's message table for one language: `fr: { key: "…", … }`, from its opening brace.
/// Returns the messages by key with their lines, and where the table ends.
fn messages(words: &[(Word, usize)], open: usize) -> (BTreeMap<String, (String, usize)>, usize) {
    let mut table = BTreeMap::new();
    let mut at = open + 1;
    while let Some((word, _)) = words.get(at) {
        match (word, words.get(at + 1), words.get(at + 2)) {
            (Word::Mark('}'), _, _) => return (table, at),
            (
                Word::Name(key) | Word::Text(key),
                Some((Word::Mark(':'), _)),
                Some((Word::Text(value) | Word::Template(value), line)),
            ) => {
                table.insert(key.clone(), (value.clone(), *line));
                at += 3;
            }
            _ => at += 1,
        }
    }
    (table, at)
}

/// Every pair of a script: its message tables, French and English matched by key; and its
/// strings and templates outside them, shown in both languages.
fn script_pairs(place: &str, text: &str) -> (Found, Vec<String>) {
    let words = script_words(place, text);
    let mut found = Found::default();
    let mut unmatched = Vec::new();
    let mut french: Option<BTreeMap<String, (String, usize)>> = None;
    let mut at = 0;
    while at < words.len() {
        let language = match (&words[at].0, words.get(at + 1), words.get(at + 2)) {
            (
                Word::Name(code) | Word::Text(code),
                Some((Word::Mark(':'), _)),
                Some((Word::Mark('{'), _)),
            ) if code == "fr" || code == "en" => code.clone(),
            (Word::Text(text) | Word::Template(text), ..) => {
                found
                    .neutral
                    .push((format!("{place}:{}", words[at].1), text.clone()));
                at += 1;
                continue;
            }
            _ => {
                at += 1;
                continue;
            }
        };
        let (table, end) = messages(&words, at + 2);
        if language == "fr" {
            french = Some(table);
        } else if let Some(fr) = french.take() {
            for (key, (english, line)) in &table {
                match fr.get(key) {
                    Some((french, _)) => found.pairs.push(Pair {
                        place: format!("{place}:{line}"),
                        kind: Kind::Script,
                        french: french.clone(),
                        english: english.clone(),
                    }),
                    None => unmatched.push(format!("{place}:{line}: « {key} » has no French")),
                }
            }
            for (key, (_, line)) in &fr {
                if !table.contains_key(key) {
                    unmatched.push(format!("{place}:{line}: « {key} » has no English"));
                }
            }
        } else {
            unmatched.push(format!(
                "{place}:{}: English messages without French before them",
                words[at].1
            ));
        }
        at = end + 1;
    }
    if let Some(fr) = french {
        for (key, (_, line)) in fr {
            unmatched.push(format!("{place}:{line}: « {key} » has no English"));
        }
    }
    (found, unmatched)
}

// ---------------------------------------------------------------------------------------------
// The checks

/// The `{…}` placeholders of a format string, sorted (`{{` and `}}` are not placeholders).
fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text.replace("{{", "").replace("}}", "");
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        found.push(rest[start..start + end + 1].to_string());
        rest = rest[start + end + 1..].to_string();
    }
    found.sort();
    found
}

/// What is wrong with a pair, in words.
fn problems(pair: &Pair) -> Vec<String> {
    let Pair {
        place,
        french,
        english,
        ..
    } = pair;
    let mut wrong = Vec::new();
    if french == english {
        wrong.push(format!(
            "{place}: the same text twice « {french} » (write it once)"
        ));
    }
    if french.trim().is_empty() != english.trim().is_empty() {
        wrong.push(format!(
            "{place}: one side empty « {french} » / \"{english}\""
        ));
    }
    if placeholders(french) != placeholders(english) {
        wrong.push(format!(
            "{place}: other values in « {french} » and \"{english}\""
        ));
    }
    // Words the data gives in French, quoted as such in English.
    let quoted = english
        .replace("« to be confirmed »", "")
        .replace("« not documented »", "");
    if quoted.contains(['«', '»']) {
        wrong.push(format!("{place}: French quotes in English \"{english}\""));
    }
    if english.contains(" : ") || english.contains(" ; ") {
        wrong.push(format!("{place}: French spacing in English \"{english}\""));
    }
    wrong
}

/// Every pair and every text shown in both languages of the workspace, and the scripts'
/// messages that have one language only.
fn workspace_pairs() -> (Found, Vec<String>) {
    let files: Vec<(String, String)> = rust_sources()
        .iter()
        .map(|path| (shown(path), std::fs::read_to_string(path).unwrap()))
        .collect();
    let mut functions = BTreeMap::new();
    for (place, text) in &files {
        functions.extend(forwarding_functions(place, text));
    }
    let mut all = Found::default();
    for (place, text) in &files {
        let found = rust_pairs(place, text, &functions);
        all.pairs.extend(found.pairs);
        all.neutral.extend(found.neutral);
    }
    let mut unmatched = Vec::new();
    for path in scripts() {
        let (found, alone) = script_pairs(&shown(&path), &std::fs::read_to_string(&path).unwrap());
        all.pairs.extend(found.pairs);
        all.neutral.extend(found.neutral);
        unmatched.extend(alone);
    }
    (all, unmatched)
}

#[test]
fn every_pair_is_translated_and_formats_the_same_values() {
    let (found, unmatched) = workspace_pairs();
    let pairs = &found.pairs;
    // About 500 pairs when this was written; each way of writing one is read.
    assert!(
        pairs.len() > 400,
        "the scan finds the translations ({})",
        pairs.len()
    );
    let count = |kind| pairs.iter().filter(|p| p.kind == kind).count();
    for (kind, least) in [
        (Kind::Pick, 100),
        (Kind::Fixed, 20),
        (Kind::TextMacro, 20),
        (Kind::TrMacro, 50),
        // Most of the page's fixed words moved into core's `page::words` (read as picks); the
        // planted test keeps reading the forwarding functions left.
        (Kind::Forwarded, 1),
        // No table of tuples is left in the workspace; the planted test keeps reading them.
        (Kind::Table, 0),
        (Kind::Script, 1),
    ] {
        assert!(
            count(kind) >= least,
            "the scan reads {} ({} found, {least} expected at least)",
            kind.name(),
            count(kind)
        );
    }
    let mut wrong: Vec<String> = pairs.iter().flat_map(problems).collect();
    wrong.extend(unmatched);
    assert!(
        wrong.is_empty(),
        "{} untranslated pairs: {wrong:#?}",
        wrong.len()
    );
}

#[test]
fn no_text_shown_in_both_languages_has_french_typography() {
    let (found, _) = workspace_pairs();
    assert!(
        found.neutral.len() > 100,
        "the scan finds the format strings and the scripts' texts ({})",
        found.neutral.len()
    );
    let leaks: Vec<String> = found
        .neutral
        .iter()
        .filter(|(_, text)| french_typography(text))
        .map(|(place, text)| format!("{place}: « {text} » (say it through the layer)"))
        .collect();
    assert!(
        leaks.is_empty(),
        "{} texts shown in English with French typography: {leaks:#?}",
        leaks.len()
    );
}

#[test]
fn no_code_outside_the_layer_chooses_words_by_language() {
    // The layer itself, and the numbers and dates of each language, wherever core keeps them.
    let layer = ["lang.rs", "format.rs"];
    let core = workspace().join("crates/core/src");
    let signs = [
        "Lang::Fr =>",
        "Lang::En =>",
        "Lang::Fr) =>",
        "Lang::En) =>",
        "(Lang::Fr, ",
        "(Lang::En, ",
        "== Lang::",
        "!= Lang::",
        "if fr ",
        "let fr = lang",
    ];
    let mut found = Vec::new();
    for file in rust_sources() {
        if file.starts_with(&core)
            && file
                .file_name()
                .is_some_and(|name| layer.iter().any(|l| name == *l))
        {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests at the end of a file may name a language to ask for it.
        let code = text.split("#[cfg(test)]").next().unwrap_or(&text);
        for (n, line) in code.lines().enumerate() {
            if signs.iter().any(|sign| line.contains(sign)) {
                found.push(format!("{}:{}: {}", shown(&file), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words chosen outside lang::{{pick, tr!, text!, Text}}: {found:#?}"
    );
}

/// One identical pair planted in each kind of place, and one text with French typography in each
/// kind of text shown in both languages: the scan finds every one.
#[test]
fn the_scan_finds_a_planted_pair_in_every_kind_of_place() {
    const RUST: &str = r#"
        /// Doc comments are not read: `lang.pick("Doc", "Doc")`.
        pub fn say(lang: RwSignal<Lang>, fr: &'static str, en: &'static str) -> impl Fn() -> &'static str {
            move || lang.get().pick(fr, en)
        }
        fn page(lang: Lang, x: u8) {
            let a = lang.pick("Oui", "Oui");
            let b = Text::fixed("Non", "Non");
            let c = text!("Fichier {n}", "Fichier {n}", n = 1);
            let d = tr!(lang, "Ligne {n}", "Ligne {n}");
            let e = view! { <p>{say(lang, "Défi", "Défi")}</p> };
            let card = move |key: &'static str, fr: &'static str, en: &'static str| {
                view! { <p data-key=key>{lang.pick(fr, en)}</p> }
            };
            card("k", "Score", "Score");
            for (n, fr, en) in [(0, "Tests", "Tests"), (1, "déclarée", "declared")] {
                lang.pick(fr, en);
            }
            let (fr_label, en_label) = match x {
                0 => ("README", "README"),
                _ => ("Licence", "Licence"),
            };
            lang.pick(fr_label, en_label);
            let leak = format!("{} « {} »", a, b);
        }
    "#;
    const SCRIPT: &str = r#"
        // Comments are not read: { fr: { a: "Doc" }, en: { a: "Doc" } }
        const MESSAGES = {
          fr: { failed: "Même", retry: "Recharger {file} : {detail}." },
          en: { failed: "Même", retry: "Reload {file}: {detail}." },
        };
        status.textContent = `${MESSAGES.fr.failed} (${url} : ${detail})`;
    "#;
    let functions = forwarding_functions("planted.rs", RUST);
    // `say(lang, fr, en)`: French and English are its second and third arguments.
    assert_eq!(functions.get("say"), Some(&(1, 2)), "{functions:?}");
    let mut found = rust_pairs("planted.rs", RUST, &functions);
    let (script, unmatched) = script_pairs("planted.js", SCRIPT);
    assert!(unmatched.is_empty(), "{unmatched:?}");
    found.pairs.extend(script.pairs);
    found.neutral.extend(script.neutral);
    let flagged: BTreeSet<Kind> = found
        .pairs
        .iter()
        .filter(|p| {
            problems(p)
                .iter()
                .any(|w| w.contains("the same text twice"))
        })
        .map(|p| p.kind)
        .collect();
    assert_eq!(
        flagged,
        Kind::ALL.into_iter().collect(),
        "{:#?}",
        found.pairs
    );
    // Comments and doc comments are not read; the table's second row is a real pair.
    assert!(!found.pairs.iter().any(|p| p.french == "Doc"));
    assert!(found
        .pairs
        .iter()
        .any(|p| p.kind == Kind::Table && p.english == "declared"));
    assert_eq!(
        found
            .pairs
            .iter()
            .filter(|p| p.kind == Kind::Table && p.french == "Licence")
            .count(),
        1
    );
    let leaks: Vec<&str> = found
        .neutral
        .iter()
        .filter(|(_, text)| french_typography(text))
        .map(|(place, _)| place.as_str())
        .collect();
    assert_eq!(
        leaks,
        ["planted.rs:24", "planted.js:7"],
        "{:#?}",
        found.neutral
    );
}

#[test]
fn a_script_message_in_one_language_only_is_found() {
    let (_, unmatched) = script_pairs(
        "one.js",
        r#"const M = { fr: { a: "Un", b: "Deux" }, en: { a: "One" } };"#,
    );
    assert_eq!(unmatched, ["one.js:1: « b » has no English"]);
}

#[test]
fn placeholders_are_read_as_format_strings_write_them() {
    assert_eq!(
        placeholders("{} et {name:>6} {{littéral}}"),
        ["{name:>6}", "{}"]
    );
}
