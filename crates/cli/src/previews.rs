//! Link previews of the light embed pages: what a link to a chart shows when pasted in Mastodon,
//! LinkedIn, Slack, a newsletter or a CMS — Open Graph and Twitter card tags, a 1200 × 630 PNG
//! drawn by the chart's own code, and, when the build knows where it is served, an oEmbed file
//! per page with its discovery link.

use eig_pulse_core::catalogue::{Chart, ChartId};
use eig_pulse_core::chart::figure::FigureText;
use eig_pulse_core::chart::{plot_height, svg, Palette};
use eig_pulse_core::contract::pinned::{ExportVersion, EMBED_FOLDER};
use eig_pulse_core::contract::snippet::{Embed, DEFAULT_THEME};
use eig_pulse_core::{tr, Lang};
use html_escape::encode_double_quoted_attribute as attr;

use crate::render::rasterize_fitted;

/// The preview image's size: the 1.91:1 that Open Graph readers crop to.
pub const PREVIEW_SIZE: (u32, u32) = (1200, 630);

/// The figure's width before it is scaled into the preview: its text stays readable there.
const FIGURE_WIDTH: u32 = 800;

/// The width an oEmbed reader is told (a blog's column); the frame itself takes the column.
pub const OEMBED_WIDTH: u32 = 680;

/// What a page holds around its plot (title, guide, toolbar, legend, credit), for the frame's
/// height an oEmbed reader reserves: the height at a 680 px column, rounded up.
const FRAME_CHROME: u32 = 280;

/// Where the built site is served (`https://example.org/pulse/`), when the build is told
/// (`--public-url`); the previews' addresses are absolute then, relative to the page otherwise.
#[derive(Debug, Clone, Default)]
pub struct Site {
    base: Option<String>,
}

impl Site {
    /// The site served at `base` (a trailing `/` added); an address that is not http(s) is
    /// refused.
    pub fn at(base: Option<&str>, lang: Lang) -> Result<Site, String> {
        let Some(base) = base.map(str::trim).filter(|b| !b.is_empty()) else {
            return Ok(Site::default());
        };
        if !eig_pulse_core::base::url::is_http_url(base) {
            return Err(tr!(
                lang,
                "--public-url « {base} » : une adresse http(s) est attendue",
                "--public-url \"{base}\": an http(s) address is expected"
            ));
        }
        let base = match base.ends_with('/') {
            true => base.to_string(),
            false => format!("{base}/"),
        };
        Ok(Site { base: Some(base) })
    }

    pub fn is_known(&self) -> bool {
        self.base.is_some()
    }

    /// The address of `file` of the embed folder, or of a version's folder in it, as a tag's
    /// content: absolute when the site is known, else relative to the page, which sits in the
    /// same folder.
    fn embed_file(&self, file: &str, pinned: Option<&ExportVersion>) -> String {
        let folder = pinned.map_or_else(String::new, |version| format!("{}/", version.folder()));
        match &self.base {
            Some(base) => format!("{base}{EMBED_FOLDER}/{folder}{file}"),
            None => file.to_string(),
        }
    }
}

/// The names of one chart page's files in the embed folder.
pub struct PageFiles {
    pub page: String,
    pub image: String,
    pub oembed: String,
}

impl PageFiles {
    pub fn of(id: ChartId, lang: Lang) -> PageFiles {
        let stem = format!("{}.{}", id.slug(), lang.code());
        PageFiles {
            page: format!("{stem}.html"),
            image: format!("{stem}.png"),
            oembed: format!("{stem}.oembed.json"),
        }
    }
}

/// The preview image: the chart's figure (title, legend, plot, credit), drawn as the dashboard
/// draws it, scaled into [`PREVIEW_SIZE`] on the palette's background.
pub fn image(
    chart: &Chart,
    palette: &Palette,
    words: &FigureText,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let figure = svg::figure(chart, &[], palette, lang, words, FIGURE_WIDTH);
    let background = palette.background;
    rasterize_fitted(
        &figure,
        PREVIEW_SIZE,
        (background.0, background.1, background.2),
        lang,
    )
}

/// The height an oEmbed reader reserves for the chart's frame.
pub fn frame_height(chart: &Chart) -> u32 {
    plot_height(chart) + FRAME_CHROME
}

/// The tags of a page's `<head>` (the stable page's, or a version's): Open Graph, Twitter card
/// and, when the site is known, the oEmbed discovery link. `summary` is the chart's summary in
/// words.
pub fn head_tags(
    id: ChartId,
    lang: Lang,
    summary: &str,
    site: &Site,
    pinned: Option<&ExportVersion>,
) -> String {
    let files = PageFiles::of(id, lang);
    let title = id.spec().title.get(lang);
    let (width, height) = PREVIEW_SIZE;
    // The summary opens with the title, which the description need not repeat; the image's
    // text is the whole summary.
    let description = summary
        .strip_prefix(title)
        .map_or(summary, |rest| rest.trim_start_matches(['.', ' ']));
    let alt = summary.to_string();
    let mut tags = vec![
        ("og:type", "website".to_string()),
        ("og:site_name", "EIG Pulse".to_string()),
        ("og:locale", lang.pick("fr_FR", "en_GB").to_string()),
        ("og:title", title.to_string()),
        ("og:description", description.to_string()),
        ("og:image", site.embed_file(&files.image, pinned)),
        ("og:image:type", "image/png".to_string()),
        ("og:image:width", width.to_string()),
        ("og:image:height", height.to_string()),
        ("og:image:alt", alt.clone()),
    ];
    if site.is_known() {
        tags.push(("og:url", site.embed_file(&files.page, pinned)));
    }
    let mut html = String::new();
    for (property, content) in tags {
        html += &format!(
            "    <meta property=\"{property}\" content=\"{}\" />\n",
            attr(&content)
        );
    }
    // Twitter's card reads the title, description and image from Open Graph's tags.
    for (name, content) in [
        ("twitter:card", "summary_large_image".to_string()),
        ("twitter:image:alt", alt),
    ] {
        html += &format!(
            "    <meta name=\"{name}\" content=\"{}\" />\n",
            attr(&content)
        );
    }
    if site.is_known() {
        html += &format!(
            "    <link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\" />\n",
            attr(&site.embed_file(&files.oembed, pinned)),
            attr(title)
        );
    }
    html
}

/// The page's oEmbed answer (oEmbed 1.0, type `rich`): the frame that shows the chart (the
/// stable page, or a version's), its size, and the preview image as thumbnail; `None` when the
/// site is not known (oEmbed wants absolute addresses).
pub fn oembed(
    id: ChartId,
    lang: Lang,
    chart: &Chart,
    site: &Site,
    pinned: Option<&ExportVersion>,
) -> Option<String> {
    let base = site.base.as_deref()?;
    let files = PageFiles::of(id, lang);
    let title = id.spec().title.get(lang);
    let height = frame_height(chart);
    let frame = Embed {
        base: base.to_string(),
        chart: id.slug().to_string(),
        lang,
        filters: String::new(),
        theme: DEFAULT_THEME.to_string(),
        plain: false,
        height,
        title: title.to_string(),
        version: pinned.map(|version| version.name.clone()),
    }
    .frame();
    let (width, thumbnail_height) = PREVIEW_SIZE;
    Some(
        serde_json::to_string_pretty(&serde_json::json!({
            "version": "1.0",
            "type": "rich",
            "title": title,
            "provider_name": "EIG Pulse",
            "provider_url": base,
            "html": frame,
            "width": OEMBED_WIDTH,
            "height": height,
            "thumbnail_url": site.embed_file(&files.image, pinned),
            "thumbnail_width": width,
            "thumbnail_height": thumbnail_height,
        }))
        .unwrap_or_default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_is_an_http_address_with_a_trailing_slash() {
        let site = Site::at(Some("https://example.org/pulse"), Lang::Fr).unwrap();
        assert_eq!(
            site.embed_file("a.png", None),
            "https://example.org/pulse/embed/a.png"
        );
        let version = ExportVersion::of("2026-12-06T00:00:00Z", b"{}").unwrap();
        assert_eq!(
            site.embed_file("a.png", Some(&version)),
            format!("https://example.org/pulse/embed/v/{}/a.png", version.name)
        );
        assert_eq!(
            Site::at(Some(""), Lang::Fr)
                .unwrap()
                .embed_file("a.png", Some(&version)),
            "a.png"
        );
        assert!(Site::at(Some("javascript:alert(1)"), Lang::Fr).is_err());
    }
}
