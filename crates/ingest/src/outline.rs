//! Documents as written by the support team, reduced to headings and bullet lists: org-mode
//! through `orgize`, Markdown through `pulldown-cmark`. Links keep their description as text
//! and their target in `urls`. A record is one such file with the promotion and year it is
//! about; a record too large or nested too deep for the parsers is refused, naming its line.

use eig_pulse_core::text;
use orgize::ast::{Headline, Link};
use orgize::rowan::ast::AstNode;
use orgize::{Org, SyntaxKind, SyntaxNode};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::source::{SourceError, SourceText};

/// The largest record read, in bytes: six times the largest of eig-link's (4.7 KB). orgize's
/// parser takes quadratic time on some texts (unclosed blocks, drawers), a few seconds at this
/// size, minutes at ten times it.
pub const MAX_RECORD_BYTES: usize = 32 * 1024;

/// The longest line of a record, in bytes: sixteen times the longest of eig-link's (253).
/// orgize reads nested emphasis on one line in more than quadratic time.
pub const MAX_LINE_BYTES: usize = 4096;

/// How deep headings, bullets and org blocks may nest, and how many org blocks and drawers may
/// be open at once: eig-link's records use three levels and no block; orgize's parser
/// overflows its stack near 3 000 nested bullets and seeks each open block's end through the
/// rest of the text; nested items are held, cloned and dropped recursively.
pub const MAX_NESTING: usize = 32;

/// Nesting deeper than [`MAX_NESTING`], first reached at this 1-based line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    pub line: usize,
}

/// One of eig-link's records, read: its file, the promotion and year it is about, and its
/// top headings (a stack file's are défis, an openness record's are sections).
pub struct Record<'a> {
    pub source: &'a SourceText,
    pub promotion_id: &'a str,
    pub year: i32,
    /// Level 1 in org; level 2 in Markdown, whose `#` title holds them.
    pub headings: Vec<Heading>,
}

impl Record<'_> {
    /// Reads `source` as org-mode, or as Markdown when its name ends in `.md`; a file over
    /// [`MAX_RECORD_BYTES`], a line over [`MAX_LINE_BYTES`] or nesting deeper than
    /// [`MAX_NESTING`] is an error naming the line.
    pub fn read<'a>(
        source: &'a SourceText,
        promotion_id: &'a str,
        year: i32,
    ) -> Result<Record<'a>, SourceError> {
        let bytes = source.text.len();
        if bytes > MAX_RECORD_BYTES {
            return Err(SourceError::new(
                &source.name,
                None,
                text!(
                    "relevé de {bytes} octets, au plus {MAX_RECORD_BYTES} sont lus",
                    "record of {bytes} bytes, at most {MAX_RECORD_BYTES} are read"
                ),
            ));
        }
        if let Some((index, line)) = source
            .text
            .lines()
            .enumerate()
            .find(|(_, line)| line.len() > MAX_LINE_BYTES)
        {
            let bytes = line.len();
            return Err(SourceError::new(
                &source.name,
                Some(index + 1),
                text!(
                    "ligne de {bytes} octets, au plus {MAX_LINE_BYTES}",
                    "line of {bytes} bytes, at most {MAX_LINE_BYTES}"
                ),
            ));
        }
        let parsed = if source.name.ends_with(".md") {
            // The document's `#` title holds one `##` heading per défi.
            parse_markdown(&source.text).map(|headings| match headings.as_slice() {
                [title] if !title.children.is_empty() => {
                    headings.into_iter().flat_map(|t| t.children).collect()
                }
                _ => headings,
            })
        } else {
            parse_org(&source.text)
        };
        let headings = parsed.map_err(|TooDeep { line }| {
            SourceError::new(
                &source.name,
                Some(line),
                text!(
                    "titres, puces, blocs ou tiroirs imbriqués ou ouverts sans fin sur plus de {MAX_NESTING} niveaux",
                    "headings, bullets, blocks or drawers nested or left open more than {MAX_NESTING} levels deep"
                ),
            )
        })?;
        Ok(Record {
            source,
            promotion_id,
            year,
            headings,
        })
    }
}

/// A heading with its bullets and sub-headings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heading {
    pub title: String,
    /// 1-based line of the heading.
    pub line: usize,
    /// An org `TODO` keyword on the heading.
    pub todo: bool,
    /// Bullets directly under the heading, in order.
    pub items: Vec<Item>,
    /// Whether a paragraph under the heading says « à vérifier » before each bullet.
    pub to_check: Vec<bool>,
    pub children: Vec<Heading>,
}

/// A bullet: its text (link descriptions in place of links), the URLs it names, nested bullets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub urls: Vec<String>,
    pub line: usize,
    pub children: Vec<Item>,
}

/// Where each line of a text starts, so that a byte offset finds its line by binary search.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(text: &str) -> LineStarts {
        let after_newlines = text.match_indices('\n').map(|(at, _)| at + 1);
        LineStarts(std::iter::once(0).chain(after_newlines).collect())
    }

    /// The 1-based line holding `offset`.
    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// Columns of a line's indentation, a tab counting eight (org counts no more).
fn indentation(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 8 } else { 1 })
        .sum()
}

/// Whether an org line's text (after its indentation) starts a bullet: `-`, `+`, an indented
/// `*`, or a counter `1.` / `1)`, followed by white space or the line's end.
fn is_org_bullet(body: &str, indented: bool) -> bool {
    let marker = match body.chars().next() {
        Some('-' | '+') => 1,
        Some('*') if indented => 1,
        Some(c) if c.is_ascii_digit() => {
            let digits = body.chars().take_while(char::is_ascii_digit).count();
            match body[digits..].chars().next() {
                Some('.' | ')') => digits + 1,
                _ => return false,
            }
        }
        _ => return false,
    };
    body[marker..]
        .chars()
        .next()
        .is_none_or(char::is_whitespace)
}

/// What follows an org keyword at the start of `body`, in any case (`#+BEGIN_QUOTE`,
/// `#+begin_src python`): the block's name, lower case.
fn after_keyword(body: &str, keyword: &str) -> Option<String> {
    let head = body.get(..keyword.len())?;
    head.eq_ignore_ascii_case(keyword).then(|| {
        let rest = &body[keyword.len()..];
        rest.split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase()
    })
}

/// Whether an org line is a drawer's first or last line: `:NAME:` alone on its line.
fn is_drawer_line(body: &str) -> bool {
    let body = body.trim_end();
    body.len() > 2
        && body.starts_with(':')
        && body.ends_with(':')
        && body[1..body.len() - 1]
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// A block or drawer opened and not yet closed: orgize seeks its end through the rest of the
/// text, so that many of them make it quadratic.
#[derive(PartialEq, Eq)]
enum Opened {
    Block(String),
    Drawer,
}

/// Checks an org text's nesting before orgize reads it: headline levels, bullets nested by
/// indentation, and blocks and drawers open at once (closed or not), none deeper than
/// [`MAX_NESTING`].
fn check_org_nesting(text: &str) -> Result<(), TooDeep> {
    // The indentation of each open bullet, outermost first; the open blocks and drawers.
    let mut bullets: Vec<usize> = Vec::new();
    let mut opened: Vec<Opened> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let body = line.trim_start();
        let indent = indentation(line);
        let stars = line.len() - line.trim_start_matches('*').len();
        let is_headline = stars > 0 && line[stars..].chars().next().is_none_or(char::is_whitespace);
        let depth = if is_headline {
            bullets.clear();
            stars
        } else if is_org_bullet(body, indent > 0) {
            while bullets.last().is_some_and(|&open| open >= indent) {
                bullets.pop();
            }
            bullets.push(indent);
            bullets.len()
        } else {
            if let Some(name) = after_keyword(body, "#+begin_") {
                opened.push(Opened::Block(name));
            } else if let Some(name) = after_keyword(body, "#+end_") {
                if opened.last() == Some(&Opened::Block(name)) {
                    opened.pop();
                }
            } else if is_drawer_line(body) {
                if body.trim_end().eq_ignore_ascii_case(":end:") {
                    if opened.last() == Some(&Opened::Drawer) {
                        opened.pop();
                    }
                } else {
                    opened.push(Opened::Drawer);
                }
            }
            // A line written left of every open bullet ends the list.
            if !body.is_empty() && bullets.first().is_some_and(|&outer| indent <= outer) {
                bullets.clear();
            }
            0
        };
        if depth.max(opened.len()) > MAX_NESTING {
            return Err(TooDeep { line: index + 1 });
        }
    }
    Ok(())
}

/// The top-level headings of an org-mode document, once its nesting is checked.
pub fn parse_org(text: &str) -> Result<Vec<Heading>, TooDeep> {
    check_org_nesting(text)?;
    let org = Org::parse(text);
    let lines = LineStarts::new(text);
    Ok(org
        .document()
        .headlines()
        .map(|h| org_heading(&h, &lines))
        .collect())
}

fn org_heading(headline: &Headline, lines: &LineStarts) -> Heading {
    let mut heading = Heading {
        title: headline.title_raw().trim().to_string(),
        line: lines.line(usize::from(headline.start())),
        todo: headline.is_todo(),
        ..Heading::default()
    };
    if let Some(section) = headline.section() {
        let mut to_check = false;
        for child in section.syntax().children() {
            match child.kind() {
                SyntaxKind::PARAGRAPH => {
                    to_check = child.to_string().to_lowercase().contains("vérifier");
                }
                SyntaxKind::LIST => {
                    for item in org_items(&child, lines) {
                        heading.items.push(item);
                        heading.to_check.push(to_check);
                    }
                }
                _ => {}
            }
        }
    }
    heading.children = headline
        .headlines()
        .map(|h| org_heading(&h, lines))
        .collect();
    heading
}

fn org_items(list: &SyntaxNode, lines: &LineStarts) -> Vec<Item> {
    list.children()
        .filter(|n| n.kind() == SyntaxKind::LIST_ITEM)
        .map(|node| {
            let mut item = Item {
                line: lines.line(usize::from(node.text_range().start())),
                ..Item::default()
            };
            org_item_parts(&node, lines, &mut item);
            item.text = squash(&item.text);
            item
        })
        .collect()
}

/// The item's own text and its nested bullets, in order; bullet and indent left out.
fn org_item_parts(node: &SyntaxNode, lines: &LineStarts, item: &mut Item) {
    for element in node.children_with_tokens() {
        match element {
            orgize::rowan::NodeOrToken::Node(child) => match child.kind() {
                SyntaxKind::LIST => item.children.extend(org_items(&child, lines)),
                SyntaxKind::LIST_ITEM_CONTENT | SyntaxKind::PARAGRAPH => {
                    org_item_parts(&child, lines, item);
                }
                SyntaxKind::LIST_ITEM_INDENT
                | SyntaxKind::LIST_ITEM_BULLET
                | SyntaxKind::LIST_ITEM_COUNTER
                | SyntaxKind::LIST_ITEM_CHECK_BOX => {}
                _ => org_text(&child, item),
            },
            orgize::rowan::NodeOrToken::Token(token) => match token.kind() {
                SyntaxKind::LIST_ITEM_INDENT | SyntaxKind::LIST_ITEM_BULLET => {}
                _ => item.text.push_str(token.text()),
            },
        }
    }
}

/// A one-line org text (a journal cell) with each link given as its description, or its target
/// when it has none; `None` when it holds no link, or is too long or too deep to read safely (the
/// cell then stays as written). Everything else comes back as written.
pub fn org_line_text(text: &str) -> Option<String> {
    if !text.contains("[[") || text.len() > MAX_LINE_BYTES || check_org_nesting(text).is_err() {
        return None;
    }
    let org = Org::parse(text);
    let mut item = Item::default();
    org_text(org.document().syntax(), &mut item);
    (item.text != text).then_some(item.text)
}

/// Appends a node's text to the item, a link as its description (or its target when it has none).
fn org_text(node: &SyntaxNode, item: &mut Item) {
    if let Some(link) = Link::cast(node.clone()) {
        let path = link.path().as_ref().to_string();
        if link.has_description() {
            item.text.push_str(&link.description_raw());
        } else {
            item.text.push_str(&path);
        }
        item.urls.push(path);
        return;
    }
    for element in node.children_with_tokens() {
        match element {
            orgize::rowan::NodeOrToken::Node(child) => org_text(&child, item),
            orgize::rowan::NodeOrToken::Token(token) => item.text.push_str(token.text()),
        }
    }
}

/// White space collapsed to single spaces.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The headings of a Markdown document, nested by level (`#` at the top); bullets nested
/// deeper than [`MAX_NESTING`] stop the reading at their line.
pub fn parse_markdown(text: &str) -> Result<Vec<Heading>, TooDeep> {
    let lines = LineStarts::new(text);
    // A stack of open headings by level; bullets go to the innermost.
    let mut roots: Vec<Heading> = Vec::new();
    let mut open: Vec<(usize, Heading)> = Vec::new();
    let mut items: Vec<Item> = Vec::new(); // open bullets, innermost last
    let mut in_heading: Option<(usize, Heading)> = None;
    let mut link_urls: Vec<String> = Vec::new();

    fn close_to(level: usize, open: &mut Vec<(usize, Heading)>, roots: &mut Vec<Heading>) {
        while open.last().is_some_and(|(l, _)| *l >= level) {
            let (_, done) = open.pop().expect("checked above");
            match open.last_mut() {
                Some((_, parent)) => parent.children.push(done),
                None => roots.push(done),
            }
        }
    }

    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let depth = heading_depth(level);
                close_to(depth, &mut open, &mut roots);
                in_heading = Some((
                    depth,
                    Heading {
                        line: lines.line(range.start),
                        ..Heading::default()
                    },
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((depth, mut heading)) = in_heading.take() {
                    heading.title = squash(&heading.title);
                    open.push((depth, heading));
                }
            }
            Event::Start(Tag::Item) => {
                let line = lines.line(range.start);
                if items.len() >= MAX_NESTING {
                    return Err(TooDeep { line });
                }
                items.push(Item {
                    line,
                    ..Item::default()
                });
            }
            Event::End(TagEnd::Item) => {
                if let Some(mut done) = items.pop() {
                    done.text = squash(&done.text);
                    done.urls.append(&mut link_urls);
                    match items.last_mut() {
                        Some(parent) => parent.children.push(done),
                        None => {
                            if let Some((_, heading)) = open.last_mut() {
                                heading.items.push(done);
                                heading.to_check.push(false);
                            }
                        }
                    }
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => link_urls.push(dest_url.to_string()),
            Event::Start(Tag::List(_)) => {
                // Text after a nested list starts belongs to the nested items.
                if let Some(parent) = items.last_mut() {
                    parent.urls.append(&mut link_urls);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, heading)) = in_heading.as_mut() {
                    heading.title.push_str(&t);
                } else if let Some(item) = items.last_mut() {
                    item.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(item) = items.last_mut() {
                    item.text.push(' ');
                }
            }
            _ => {}
        }
    }
    close_to(0, &mut open, &mut roots);
    Ok(roots)
}

fn heading_depth(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_cell_gives_its_links_as_their_text() {
        assert_eq!(
            org_line_text("Débug code de matching existant ([[https://github.com/ekzhu/datasketch/][datasketch]])").as_deref(),
            Some("Débug code de matching existant (datasketch)")
        );
        assert_eq!(
            org_line_text("Voir [[https://example.org/a]] puis *gras* et [[https://b.org][B]]")
                .as_deref(),
            Some("Voir https://example.org/a puis *gras* et B")
        );
        // No link, or a cell too long to read safely: as written.
        assert_eq!(org_line_text("Sortie du code sur le github EIG"), None);
        assert_eq!(
            org_line_text(&format!("[[u][d]] {}", "x".repeat(MAX_LINE_BYTES))),
            None
        );
    }

    #[test]
    fn org_headings_bullets_links_and_todo() {
        let text = "#+title: x\n\n* EIG Link\n** Stack\n- Langages : [[https://clojure.org/][Clojure]] et Java\n  - nested\n* TODO Archifiltre\n";
        let doc = parse_org(text).unwrap();
        assert_eq!(doc.len(), 2);
        assert_eq!(doc[0].title, "EIG Link");
        assert_eq!(doc[0].line, 3);
        let stack = &doc[0].children[0];
        assert_eq!(stack.title, "Stack");
        assert_eq!(stack.items[0].text, "Langages : Clojure et Java");
        assert_eq!(stack.items[0].urls, ["https://clojure.org/"]);
        assert_eq!(stack.items[0].line, 5);
        assert_eq!(stack.items[0].children[0].text, "nested");
        assert!(doc[1].todo);
        assert_eq!(doc[1].title, "Archifiltre");
        assert!(doc[1].items.is_empty() && doc[1].children.is_empty());
    }

    #[test]
    fn markdown_headings_nest_and_keep_bullets() {
        let text = "# Stacks\nintro\n\n## ADLER\n- Python (spaCy)\n- [x](https://a.fr)\n\n## Plume\n\n### Édition\n- Django\n";
        let doc = parse_markdown(text).unwrap();
        assert_eq!(doc.len(), 1);
        let defis = &doc[0].children;
        assert_eq!(defis[0].title, "ADLER");
        assert_eq!(defis[0].items[0].text, "Python (spaCy)");
        assert_eq!(defis[0].items[1].urls, ["https://a.fr"]);
        assert_eq!(defis[0].items[0].line, 5);
        assert_eq!(defis[1].children[0].title, "Édition");
        assert_eq!(defis[1].children[0].items[0].text, "Django");
    }

    #[test]
    fn nesting_past_the_limit_names_its_line() {
        let nested_bullets: String = (0..=MAX_NESTING)
            .map(|depth| format!("{}- x\n", " ".repeat(depth)))
            .collect();
        let org = format!("* A\n{nested_bullets}");
        assert_eq!(
            parse_org(&org).unwrap_err(),
            TooDeep {
                line: MAX_NESTING + 2
            }
        );
        let headlines: String = (1..=MAX_NESTING + 1)
            .map(|level| format!("{} h\n", "*".repeat(level)))
            .collect();
        assert_eq!(
            parse_org(&headlines).unwrap_err(),
            TooDeep {
                line: MAX_NESTING + 1
            }
        );
        let blocks = format!("* A\n{}", "#+BEGIN_QUOTE\n".repeat(MAX_NESTING + 1));
        assert_eq!(
            parse_org(&blocks).unwrap_err(),
            TooDeep {
                line: MAX_NESTING + 2
            }
        );
        let markdown = format!("# T\n## A\n\n{}Python\n", "- ".repeat(MAX_NESTING + 1));
        assert_eq!(parse_markdown(&markdown).unwrap_err(), TooDeep { line: 4 });

        // At the limit, and side by side, all is read.
        let at_limit: String = (0..MAX_NESTING)
            .map(|depth| format!("{}- x\n", "  ".repeat(depth)))
            .collect();
        let mut item = &parse_org(&format!("* A\n{at_limit}")).unwrap()[0].items[0];
        let mut depth = 1;
        while let Some(child) = item.children.first() {
            (item, depth) = (child, depth + 1);
        }
        assert_eq!((depth, item.line), (MAX_NESTING, MAX_NESTING + 1));
        let side_by_side = format!("* A\n{}", "- x\n  - y\n".repeat(200));
        assert_eq!(parse_org(&side_by_side).unwrap()[0].items.len(), 200);
        let blocks_in_turn = format!("* A\n{}", "#+begin_src sh\nx\n#+END_SRC\n".repeat(200));
        assert!(parse_org(&blocks_in_turn).is_ok());
        let drawers_in_turn = format!("* A\n{}", ":PROPERTIES:\n:ID: x\n:END:\n".repeat(200));
        assert!(parse_org(&drawers_in_turn).is_ok());
    }

    #[test]
    fn records_too_large_or_too_deep_are_errors_naming_the_file() {
        let large = SourceText::new("stack_2018.org", "- x\n".repeat(MAX_RECORD_BYTES / 4 + 1));
        let error = Record::read(&large, "2", 2018).err().unwrap();
        assert_eq!((error.file.as_str(), error.line), ("stack_2018.org", None));
        let deep = SourceText::new(
            "stack_2019.md",
            format!("# T\n## A\n{}x\n", "- ".repeat(1000)),
        );
        let error = Record::read(&deep, "3", 2019).err().unwrap();
        assert_eq!(
            (error.file.as_str(), error.line),
            ("stack_2019.md", Some(3))
        );
        assert!(
            error
                .describe(eig_pulse_core::Lang::En)
                .contains("32 levels"),
            "{error}"
        );
    }

    #[test]
    fn lines_are_found_by_offset() {
        let text = "a\nbc\n\nd";
        let lines = LineStarts::new(text);
        let found: Vec<usize> = (0..text.len()).map(|offset| lines.line(offset)).collect();
        assert_eq!(found, [1, 1, 2, 2, 2, 3, 4]);
        let bullets = format!("* A\n{}", "- x\n".repeat(1000));
        let items = &parse_org(&bullets).unwrap()[0].items;
        assert_eq!(items.last().map(|item| item.line), Some(1001));
    }
}
