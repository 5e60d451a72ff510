//! A chart's plot as a `<picture>`: the SVG plots `eig-pulse embeds` draws (both schemes, a few
//! widths), the browser taking the one for the reader's scheme and screen. The embed pages and
//! the dashboard's static first paint both write their plots with it.

use std::fmt::Write as _;

use html_escape::encode_double_quoted_attribute as attr;

/// The plot widths drawn, in CSS pixels.
pub const WIDTHS: [u32; 4] = [360, 520, 680, 840];

/// A colour as CSS writes it (`#rrggbb`).
pub fn hex(red: u8, green: u8, blue: u8) -> String {
    format!("#{red:02x}{green:02x}{blue:02x}")
}

/// One plot file's name in its folder.
pub fn plot_name(slug: &str, lang_code: &str, scheme: &str, width: u32) -> String {
    format!("{slug}.{lang_code}.{scheme}.{width}.svg")
}

/// What a picture takes its plot by.
pub struct Choices<'a> {
    /// The plots' folder, as the page reaches it (ends with `/`).
    pub folder: &'a str,
    pub slug: &'a str,
    pub lang_code: &'a str,
    /// The plot's height (`chart::plot_height`), in CSS pixels.
    pub height: u32,
    /// The widths in the browser's order of preference, each with the media query (of the
    /// viewport's width) it is taken under; the last, with none, is the image's own.
    pub widths: &'a [(Option<String>, u32)],
    /// The media query under which the dark plots are taken.
    pub dark: &'a str,
    /// The image's text: the chart's summary in words.
    pub alt: &'a str,
    /// Put before each line.
    pub indent: &'a str,
    /// Loaded only as the reader nears it (`loading="lazy"`): the page's charts below its first.
    pub lazy: bool,
}

/// The picture's sources and image, one a line (the caller writes `<picture>` around them). The
/// browser takes the first source whose media matches: dark first, then by width.
pub fn sources_and_image(choices: &Choices) -> String {
    let Choices {
        folder,
        slug,
        lang_code,
        height,
        widths,
        dark,
        alt,
        indent,
        lazy,
    } = choices;
    let mut html = String::new();
    for scheme in ["dark", "light"] {
        for (width_media, width) in widths.iter() {
            let mut media = Vec::new();
            if scheme == "dark" {
                media.push(dark.to_string());
            }
            if let Some(width_media) = width_media {
                media.push(width_media.clone());
            }
            if media.is_empty() {
                // The image itself is the last choice.
                continue;
            }
            // Writing into a String cannot fail.
            let _ = writeln!(
                html,
                r#"{indent}<source media="{media}" srcset="{folder}{name}" width="{width}" height="{height}" />"#,
                media = media.join(" and "),
                name = plot_name(slug, lang_code, scheme, *width),
            );
        }
    }
    let last = widths.last().map_or(WIDTHS[WIDTHS.len() - 1], |(_, w)| *w);
    let _ = writeln!(
        html,
        r#"{indent}<img class="plot" src="{folder}{name}" width="{last}" height="{height}"{loading} alt="{alt}" tabindex="0" aria-describedby="clavier-{slug}" />"#,
        name = plot_name(slug, lang_code, "light", last),
        loading = if *lazy { r#" loading="lazy""# } else { "" },
        alt = attr(alt),
    );
    html
}
