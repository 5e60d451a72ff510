//! Property tests of what reads outside text: eig-link's records through orgize and
//! pulldown-cmark (texts of their syntax's characters, and lists, blocks and drawers nested at
//! random), cited paths, and URLs in printed text. No panic, no stack overflow, bounded work,
//! every line named inside the text, nothing nested past the limit, no terminal control and no
//! password left in what is printed.
//!
//! Short run (proptest's 256 cases) in `cargo test`; long run:
//! `PROPTEST_CASES=100000 cargo test --release -p eig-pulse-ingest --test properties`.

use eig_pulse_ingest::outline::{Heading, Item, Record, MAX_NESTING};
use eig_pulse_ingest::printable::printable;
use eig_pulse_ingest::promotions::stays_inside;
use eig_pulse_ingest::urls::{github_path, web_url};
use eig_pulse_ingest::SourceText;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestRunner;

/// Characters that make org-mode and Markdown syntax, and some that make neither.
fn syntax_text(alphabet: &'static str) -> impl Strategy<Value = String> {
    let chars: Vec<char> = alphabet.chars().collect();
    prop::collection::vec(select(chars), 0..3_000).prop_map(|chars| chars.into_iter().collect())
}

const ORG_CHARS: &str = "*-+ \n\n\t:#_[]/=~.)1a Zé|<>END:begin_quote";
const MARKDOWN_CHARS: &str = "-*+> \n\n\t#[]()`_!1.)aZé|<>~=";

/// Lines of bullets, blocks, drawers and headlines at random depths.
fn nested_lines(org: bool) -> impl Strategy<Value = String> {
    let line = (0usize..80, 0usize..6, "[a-z ]{0,12}").prop_map(move |(depth, kind, words)| {
        let indent = " ".repeat(depth);
        match (org, kind) {
            (true, 0) => format!("{}- {words}\n", " ".repeat(depth / 2)),
            (true, 1) => format!("{} {words}\n", "*".repeat(depth + 1)),
            (true, 2) => "#+begin_quote\n".to_string(),
            (true, 3) => "#+end_quote\n".to_string(),
            (true, 4) => ":A:\n".to_string(),
            (true, _) => format!("{indent}{depth}. {words}\n"),
            (false, 0) => format!("{}{words}\n", "- ".repeat(depth)),
            (false, 1) => format!("{} {words}\n", "#".repeat(depth % 7 + 1)),
            (false, 2) => format!("{}> {words}\n", "> ".repeat(depth)),
            (false, _) => format!("{indent}- {words}\n"),
        }
    });
    prop::collection::vec(line, 0..200).prop_map(|lines| lines.concat())
}

/// How deep a heading's items go.
fn item_depth(items: &[Item]) -> usize {
    items
        .iter()
        .map(|item| 1 + item_depth(&item.children))
        .max()
        .unwrap_or(0)
}

/// Every heading's and item's line, and the deepest nesting of items.
fn lines_and_depth(headings: &[Heading], lines: &mut Vec<usize>) -> usize {
    fn item_lines(items: &[Item], lines: &mut Vec<usize>) {
        for item in items {
            lines.push(item.line);
            item_lines(&item.children, lines);
        }
    }
    let mut deepest = 0;
    for heading in headings {
        lines.push(heading.line);
        item_lines(&heading.items, lines);
        deepest = deepest
            .max(item_depth(&heading.items))
            .max(lines_and_depth(&heading.children, lines));
    }
    deepest
}

/// Reads `text` as a record; whatever it is, an error names a line inside the text, and what
/// is read names only lines of the text and nests no deeper than the limit.
fn read_as(name: &str, text: &str) -> Result<(), TestCaseError> {
    let source = SourceText::new(name, text);
    let line_count = source.text.lines().count().max(1);
    match Record::read(&source, "2", 2018) {
        Ok(record) => {
            let mut lines = Vec::new();
            let depth = lines_and_depth(&record.headings, &mut lines);
            prop_assert!(depth <= MAX_NESTING, "{depth}");
            for line in lines {
                prop_assert!((1..=line_count).contains(&line), "{line} of {line_count}");
            }
        }
        Err(error) => {
            prop_assert_eq!(&error.file, name);
            if let Some(line) = error.line {
                prop_assert!((1..=line_count).contains(&line), "{line} of {line_count}");
            }
        }
    }
    Ok(())
}

/// A URL with credentials, as a catalogue or a remote may write it.
fn url_with_credentials() -> impl Strategy<Value = (String, String)> {
    (
        select(vec!["https", "http", "ssh", "git+https", "file"]),
        "[a-z0-9._-]{0,8}",
        "[A-Za-z0-9_]{6,16}",
        select(vec![
            "github.com",
            "gitlab.com:8443",
            "10.0.0.7",
            "[::1]",
            "exa mple.fr",
        ]),
        "(/[a-z0-9._~@-]{0,8}){0,4}",
    )
        .prop_map(|(scheme, user, secret, host, path)| {
            (format!("{scheme}://{user}:{secret}@{host}{path}"), secret)
        })
}

/// Org and Markdown records, of their syntax's characters or nested at random: each kind of
/// text gets its own full run of cases (`PROPTEST_CASES`, 256 by default).
#[test]
fn records_are_read_or_refused_at_a_line() {
    let kinds = [
        (
            "org texts",
            "stack_2018.org",
            syntax_text(ORG_CHARS).boxed(),
        ),
        ("nested org", "stack_2018.org", nested_lines(true).boxed()),
        (
            "Markdown texts",
            "stack_2019.md",
            syntax_text(MARKDOWN_CHARS).boxed(),
        ),
        (
            "nested Markdown",
            "stack_2019.md",
            nested_lines(false).boxed(),
        ),
    ];
    for (kind, name, texts) in kinds {
        let mut runner = TestRunner::new(ProptestConfig::with_source_file(file!()));
        if let Err(failure) = runner.run(&texts, |text| read_as(name, &text)) {
            panic!("{kind}: {failure}");
        }
    }
}

proptest! {
    #[test]
    fn a_cited_path_inside_never_climbs_out(
        parts in prop::collection::vec(
            select(vec!["sources", "a.md", "..", ".", "", "/", "x/../y", "/etc/passwd", "é"]),
            0..6,
        ),
    ) {
        let path = parts.join("/");
        if stays_inside(&path) {
            prop_assert!(!path.starts_with('/'), "{path}");
            prop_assert!(path.split('/').all(|part| part != ".." && part != "."), "{path}");
        }
    }

    #[test]
    fn printed_text_holds_no_control_and_no_password(
        (url, secret) in url_with_credentials(),
        around in "[ -~\u{0}-\u{1f}\u{7f}-\u{9f}\u{202a}-\u{202e}«»é]{0,20}",
    ) {
        let text = format!("{around}« {url} »{around}");
        let shown = printable(&text);
        prop_assert!(!shown.chars().any(char::is_control), "{shown:?}");
        let overrides = ['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}'];
        prop_assert!(!shown.contains(overrides), "{:?}", shown);
        prop_assert!(!shown.contains(&format!(":{secret}@")), "{shown:?}");
        // A URL the exporter publishes is parsed by the url crate; it never panics on these.
        let _ = web_url(&url).map(|parsed| parsed.host_str().map(str::len));
        let _ = github_path(&url);
    }
}
