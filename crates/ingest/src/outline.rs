//! Documents as written by the support team, reduced to headings and bullet lists: org-mode
//! through `orgize`, Markdown through `pulldown-cmark`. Links keep their description as text
//! and their target in `urls`. A record is one such file with the promotion and year it is
//! about.

use orgize::ast::{Headline, Link};
use orgize::rowan::ast::AstNode;
use orgize::{Org, SyntaxKind, SyntaxNode};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::source::SourceText;

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
    /// Reads `source` as org-mode, or as Markdown when its name ends in `.md`.
    pub fn read<'a>(source: &'a SourceText, promotion_id: &'a str, year: i32) -> Record<'a> {
        let headings = if source.name.ends_with(".md") {
            // The document's `#` title holds one `##` heading per défi.
            match parse_markdown(&source.text).as_slice() {
                [title] if !title.children.is_empty() => title.children.clone(),
                other => other.to_vec(),
            }
        } else {
            parse_org(&source.text)
        };
        Record {
            source,
            promotion_id,
            year,
            headings,
        }
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

fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The top-level headings of an org-mode document.
pub fn parse_org(text: &str) -> Vec<Heading> {
    let org = Org::parse(text);
    org.document()
        .headlines()
        .map(|h| org_heading(&h, text))
        .collect()
}

fn org_heading(headline: &Headline, text: &str) -> Heading {
    let mut heading = Heading {
        title: headline.title_raw().trim().to_string(),
        line: line_at(text, usize::from(headline.start())),
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
                    for item in org_items(&child, text) {
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
        .map(|h| org_heading(&h, text))
        .collect();
    heading
}

fn org_items(list: &SyntaxNode, text: &str) -> Vec<Item> {
    list.children()
        .filter(|n| n.kind() == SyntaxKind::LIST_ITEM)
        .map(|node| {
            let mut item = Item {
                line: line_at(text, usize::from(node.text_range().start())),
                ..Item::default()
            };
            org_item_parts(&node, text, &mut item);
            item.text = squash(&item.text);
            item
        })
        .collect()
}

/// The item's own text and its nested bullets, in order; bullet and indent left out.
fn org_item_parts(node: &SyntaxNode, text: &str, item: &mut Item) {
    for element in node.children_with_tokens() {
        match element {
            orgize::rowan::NodeOrToken::Node(child) => match child.kind() {
                SyntaxKind::LIST => item.children.extend(org_items(&child, text)),
                SyntaxKind::LIST_ITEM_CONTENT | SyntaxKind::PARAGRAPH => {
                    org_item_parts(&child, text, item);
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

/// The headings of a Markdown document, nested by level (`#` at the top).
pub fn parse_markdown(text: &str) -> Vec<Heading> {
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
                        line: line_at(text, range.start),
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
            Event::Start(Tag::Item) => items.push(Item {
                line: line_at(text, range.start),
                ..Item::default()
            }),
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
    roots
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
    fn org_headings_bullets_links_and_todo() {
        let text = "#+title: x\n\n* EIG Link\n** Stack\n- Langages : [[https://clojure.org/][Clojure]] et Java\n  - nested\n* TODO Archifiltre\n";
        let doc = parse_org(text);
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
        let doc = parse_markdown(text);
        assert_eq!(doc.len(), 1);
        let defis = &doc[0].children;
        assert_eq!(defis[0].title, "ADLER");
        assert_eq!(defis[0].items[0].text, "Python (spaCy)");
        assert_eq!(defis[0].items[1].urls, ["https://a.fr"]);
        assert_eq!(defis[0].items[0].line, 5);
        assert_eq!(defis[1].children[0].title, "Édition");
        assert_eq!(defis[1].children[0].items[0].text, "Django");
    }
}
