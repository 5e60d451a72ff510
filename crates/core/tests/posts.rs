//! The blog posts a promotion's window cites are linked to their pages on the programme's site
//! (`base::post::post_address`), whose address Jekyll makes from the file's
//! name: checked here against the posts as copied in `data/sources/site-eig/_posts/`.

use std::path::Path;

use eig_pulse_core::base::post::post_address;
use eig_pulse_core::contract::validate::parse_export;
use eig_pulse_core::measures::promotion_windows::window_sources;

fn posts() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources/site-eig/_posts")
}

/// The front matter's top-level keys of a post (between its first two `---` lines).
fn front_matter_keys(text: &str) -> Vec<String> {
    let mut lines = text.lines();
    if lines.next() != Some("---") {
        return Vec::new();
    }
    lines
        .take_while(|line| *line != "---")
        .filter(|line| !line.starts_with([' ', '-', '\t']))
        .filter_map(|line| line.split_once(':').map(|(key, _)| key.trim().to_string()))
        .collect()
}

/// No post changes what Jekyll makes its address from: its date and title come from its file's
/// name, and the site's permalink has no category.
#[test]
fn no_post_overrides_its_address() {
    let mut read = 0;
    for entry in std::fs::read_dir(posts()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let keys = front_matter_keys(&text);
        assert!(!keys.is_empty(), "{}: no front matter", path.display());
        for key in ["permalink", "slug", "date", "categories", "category"] {
            assert!(
                !keys.iter().any(|k| k == key),
                "{}: `{key}` changes the post's address",
                path.display()
            );
        }
        read += 1;
    }
    assert_eq!(read, 55, "the copied blog has 55 files");
}

/// Every post a window of the committed export cites exists and has an address; the other cited
/// files (the catalogue) have none.
#[test]
fn every_cited_post_has_its_address() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/export.json"),
    )
    .unwrap();
    let export = parse_export(&text).unwrap();
    let mut linked = 0;
    for promotion in &export.promotions {
        for cited in window_sources(promotion) {
            let is_post = posts().join(&cited.name).is_file();
            assert_eq!(cited.post.is_some(), is_post, "{}", cited.name);
            linked += usize::from(is_post);
        }
    }
    assert!(linked >= 7, "{linked} posts linked");
    assert_eq!(
        post_address("site-eig/_posts/20-01-17-bilan-eig3.md").as_deref(),
        Some("https://entrepreneur-interet-general.etalab.gouv.fr/blog/2020/01/17/bilan-eig3.html")
    );
}
