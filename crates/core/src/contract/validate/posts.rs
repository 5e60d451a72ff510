//! The blog's posts: each file once, a plausible date, an http(s) address, and the défis it is
//! about known, each once, with a known way of linking.

use std::collections::HashSet;

use super::{Checker, Unknown};
use crate::text;

impl Checker<'_> {
    pub(super) fn posts(&mut self) {
        let export = self.export;
        let mut files: HashSet<&str> = HashSet::new();
        for (i, post) in export.posts.iter().enumerate() {
            if !files.insert(post.file.as_str()) {
                self.push(
                    format!("/posts/{i}/file"),
                    text!("billet « {} » en double", "post \"{}\" repeated", post.file),
                );
            }
            self.date(format!("/posts/{i}/date"), &post.date);
            self.http_url(format!("/posts/{i}/url"), &post.url);
            let mut named: HashSet<&str> = HashSet::new();
            for (j, link) in post.defis.iter().enumerate() {
                self.known_defi(Some(&link.defi_id), || {
                    format!("/posts/{i}/defis/{j}/defi_id")
                });
                if !named.insert(link.defi_id.as_str()) {
                    self.push(
                        format!("/posts/{i}/defis/{j}/defi_id"),
                        text!(
                            "défi « {} » nommé deux fois par le billet",
                            "défi \"{}\" named twice by the post",
                            link.defi_id
                        ),
                    );
                }
                if !link.matched_by.is_known() {
                    self.unknown(
                        format!("/posts/{i}/defis/{j}/matched_by"),
                        Unknown::Kind,
                        &link.matched_by,
                    );
                }
            }
        }
    }
}
