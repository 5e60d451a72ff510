//! A blog post of the programme's site read from its file's name: its date, and its address as
//! Jekyll publishes it.

use time::{Date, Month};

/// The programme's site, where its blog's posts are published (`url` of the site's
/// `_config.yml`).
pub const SITE: &str = "https://entrepreneur-interet-general.etalab.gouv.fr";

/// What a post's file name (`18-12-03-restitution-eig2.md`) says: its date and its title's slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostName {
    pub date: Date,
    /// The part after the date (`restitution-eig2`).
    pub title: String,
}

impl PostName {
    /// Reads a published post's file name: `YY-MM-DD-title.md` or `YYYY-MM-DD-title.md`
    /// (two-digit years are 20YY), a real calendar day, a title of ASCII letters, digits and
    /// hyphens. `None` for any other name, and for drafts (`_` first), which are not published.
    pub fn read(name: &str) -> Option<PostName> {
        let stem = name.strip_suffix(".md")?;
        let mut parts = stem.splitn(4, '-');
        let (year, month, day, title) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        let number = |text: &str, digits: &[usize]| {
            (digits.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
                .then(|| text.parse::<u16>().ok())
                .flatten()
        };
        let year = number(year, &[2, 4])?;
        let year = if year < 100 { 2000 + year } else { year };
        let month = Month::try_from(u8::try_from(number(month, &[1, 2])?).ok()?).ok()?;
        let day = u8::try_from(number(day, &[1, 2])?).ok()?;
        let date = Date::from_calendar_date(i32::from(year), month, day).ok()?;
        let plain = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
        if title.is_empty() || !title.bytes().all(plain) {
            return None;
        }
        Some(PostName {
            date,
            title: title.to_string(),
        })
    }

    /// Its address with the site's `permalink: /blog/:year/:month/:day/:title.html`; no post
    /// overrides it (`crates/core/tests/posts.rs` reads every post).
    pub fn address(&self) -> String {
        format!(
            "{SITE}/blog/{}/{:02}/{:02}/{}.html",
            self.date.year(),
            u8::from(self.date.month()),
            self.date.day(),
            self.title
        )
    }
}

/// The address of a blog post from its cited file (`site-eig/_posts/18-12-03-restitution-eig2.md`);
/// `None` for a file outside the blog's `_posts/` folder or not a published post.
pub fn post_address(source: &str) -> Option<String> {
    let (folder, name) = source.rsplit_once('/')?;
    if !folder.ends_with("site-eig/_posts") {
        return None;
    }
    PostName::read(name).map(|post| post.address())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cited_post_links_to_its_page_on_the_programme_site() {
        assert_eq!(
            post_address("site-eig/_posts/2019-5-9-Chiffres-EIG.md").as_deref(),
            Some("https://entrepreneur-interet-general.etalab.gouv.fr/blog/2019/05/09/Chiffres-EIG.html")
        );
        for not_a_post in [
            "site-eig/promos.yml",
            "site-eig/_posts/_18-02-13-exemple.md",
            "eig-link/planning_eig4.md",
            "site-eig/_posts/18-02-titre.md",
            "site-eig/_posts/18-02-27-.md",
            "site-eig/_posts/18-02-27-un titre.md",
            "site-eig/_posts/18-02-30-pas-de-30-fevrier.md",
            "site-eig/_posts/18-13-01-mois-13.md",
        ] {
            assert_eq!(post_address(not_a_post), None, "{not_a_post}");
        }
    }

    #[test]
    fn a_post_name_gives_its_date_and_title() {
        let post = PostName::read("18-12-03-restitution-eig2.md").unwrap();
        assert_eq!(post.date.to_string(), "2018-12-03");
        assert_eq!(post.title, "restitution-eig2");
    }
}
