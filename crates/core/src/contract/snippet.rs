//! What a blog writer pastes to embed a chart, in three forms written from one place: the HTML
//! snippet (frame, `embed.js`, fallback image, one element a line), a Jekyll include line with the
//! include file it calls, and a kramdown-safe line. The include writes the kramdown line's
//! markup, so every form gives the host the same frame; `tests/blog.rs` builds a Jekyll site with
//! each of them to check it.

use crate::base::lang::{Lang, Text};
use crate::contract::pinned::{EMBED_FOLDER, VERSIONS_FOLDER};

/// The include file's name, as the writer drops it in the blog's `_includes/`.
pub const INCLUDE_FILE: &str = "eig-pulse.html";

/// Where the dashboard publishes the include file, from its own folder.
pub const INCLUDE_PATH: &str = "embed/jekyll/eig-pulse.html";

/// The frame height a snippet gives when nobody measured the chart (the include's default too).
pub const DEFAULT_FRAME_HEIGHT: u32 = 480;

/// The theme the light page follows when the snippet names none: the host's, else the system's.
pub const DEFAULT_THEME: &str = "auto";

/// One chart as a host page frames it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    /// The dashboard's folder address, ending in `/` (where `embed.js` and `embed/` are).
    pub base: String,
    /// The chart's slug.
    pub chart: String,
    /// The language of its light page.
    pub lang: Lang,
    /// The filters' query as `model::filter::query_string` writes it (its `?` may stay), or empty.
    pub filters: String,
    /// The light page's `theme` parameter: `auto`, `light` or `dark`.
    pub theme: String,
    /// The chart alone, without its title or credit.
    pub plain: bool,
    /// The frame's height in CSS pixels.
    pub height: u32,
    /// The frame's title and the fallback image's text.
    pub title: String,
    /// The version whose pinned page it frames (`2026-11-29-1a2b3c4d`); `None`: the stable page,
    /// always the newest figures.
    pub version: Option<String>,
}

/// Escapes text for an HTML attribute as Liquid's `escape` filter does, so that the include's
/// markup and the other forms' are the same bytes.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A value of a Jekyll include parameter: in double quotes, its own escaped as Jekyll reads them.
fn liquid_value(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\\\""))
}

impl Embed {
    /// The filters' query without its `?`.
    fn filter_query(&self) -> &str {
        self.filters.trim_start_matches('?')
    }

    /// The chart's light page with its filters, theme and mode.
    pub fn address(&self) -> String {
        let mut query = Vec::new();
        if !self.filter_query().is_empty() {
            query.push(self.filter_query().to_string());
        }
        query.push(format!("theme={}", self.theme));
        if self.plain {
            query.push("plain=1".into());
        }
        let folder = self
            .version
            .as_ref()
            .map_or_else(String::new, |name| format!("{VERSIONS_FOLDER}/{name}/"));
        format!(
            "{}{EMBED_FOLDER}/{folder}{}.{}.html?{}",
            self.base,
            self.chart,
            self.lang.code(),
            query.join("&")
        )
    }

    /// The frame, the script that sizes it and the image shown without JavaScript: HTML
    /// attributes only, no `style`, for hosts whose CSP refuses them.
    fn elements(&self) -> [String; 3] {
        let (base, title) = (escape(&self.base), escape(&self.title));
        [
            self.frame(),
            format!("<script src=\"{base}embed.js\" async></script>"),
            format!(
                "<noscript><img src=\"{base}static/{}.svg\" alt=\"{title}\" width=\"100%\"></noscript>",
                escape(&self.chart)
            ),
        ]
    }

    /// The frame alone (what an oEmbed answer gives: its readers add no script).
    pub fn frame(&self) -> String {
        format!(
            "<iframe data-eig-pulse src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" frameborder=\"0\" allow=\"clipboard-write\" loading=\"lazy\"></iframe>",
            escape(&self.address()),
            escape(&self.title),
            self.height
        )
    }

    /// The HTML snippet, an element a line: for HTML pages, and for a post where it stands alone
    /// between blank lines.
    pub fn html(&self) -> String {
        self.elements().join("\n")
    }

    /// The three elements on one line: what the Jekyll include writes.
    pub fn one_line(&self) -> String {
        self.elements().concat()
    }

    /// The one line kramdown passes through unchanged wherever it stands — in a list, after an
    /// indented paragraph, within a sentence: inside `{::nomarkdown}` … `{:/}`.
    pub fn kramdown(&self) -> String {
        format!("{{::nomarkdown}}{}{{:/}}", self.one_line())
    }

    /// The Jekyll include line that writes this frame with [`jekyll_include`].
    pub fn jekyll_line(&self) -> String {
        let mut parameters = vec![
            ("base", self.base.clone()),
            ("chart", self.chart.clone()),
            ("lang", self.lang.code().to_string()),
        ];
        if let Some(version) = &self.version {
            parameters.push(("version", version.clone()));
        }
        if !self.filter_query().is_empty() {
            parameters.push(("filters", self.filter_query().to_string()));
        }
        parameters.push(("theme", self.theme.clone()));
        if self.plain {
            parameters.push(("plain", "1".into()));
        }
        parameters.push(("height", self.height.to_string()));
        parameters.push(("title", self.title.clone()));
        let parameters: Vec<String> = parameters
            .into_iter()
            .map(|(name, value)| format!("{name}={}", liquid_value(&value)))
            .collect();
        format!("{{% include {INCLUDE_FILE} {} %}}", parameters.join(" "))
    }
}

/// What the include file says of itself, in its opening comment, for writers of either language.
const INCLUDE_HELP: Text = Text::fixed(
    "EIG Pulse : un graphique du tableau de bord dans un billet. À déposer dans _includes/ ; la boîte
« Intégrer » du tableau de bord donne la ligne qui l'appelle. Paramètres : base (l'adresse du
tableau de bord, finie par /), chart, lang (fr ou en), version (les chiffres figés de cette
version ; sans elle, toujours à jour), filters (les filtres comme dans l'adresse),
theme (auto, light ou dark), plain (1 : le graphique seul), height (en pixels), title.",
    "EIG Pulse: a chart of the dashboard in a post. Drop it in _includes/; the dashboard's \"Embed\"
dialog gives the line that calls it. Parameters: base (the dashboard's address, ending in /),
chart, lang (fr or en), version (the figures pinned to that version; without it, always current),
filters (as in the address), theme (auto, light or dark), plain (1: the
chart alone), height (in pixels), title.",
);

/// The include file a writer drops in the blog's `_includes/`: Liquid that writes
/// [`Embed::one_line`] from the include line's parameters (`lang`, `theme`, `height` and `title`
/// have defaults), after a comment in both languages.
pub fn jekyll_include() -> String {
    format!(
        r#"{{%- comment -%}}
{}
{}
{{%- endcomment -%}}
{{%- assign eig_pulse_lang = include.lang | default: "fr" -%}}
{{%- assign eig_pulse_title = include.title | default: "EIG Pulse" -%}}
{{%- capture eig_pulse_src -%}}
{{{{ include.base }}}}embed/{{% if include.version and include.version != "" %}}v/{{{{ include.version }}}}/{{% endif %}}{{{{ include.chart }}}}.{{{{ eig_pulse_lang }}}}.html?{{% if include.filters and include.filters != "" %}}{{{{ include.filters }}}}&{{% endif %}}theme={{{{ include.theme | default: "{DEFAULT_THEME}" }}}}{{% if include.plain %}}&plain=1{{% endif %}}
{{%- endcapture -%}}
<iframe data-eig-pulse src="{{{{ eig_pulse_src | escape }}}}" title="{{{{ eig_pulse_title | escape }}}}" width="100%" height="{{{{ include.height | default: {DEFAULT_FRAME_HEIGHT} | escape }}}}" frameborder="0" allow="clipboard-write" loading="lazy"></iframe><script src="{{{{ include.base | escape }}}}embed.js" async></script><noscript><img src="{{{{ include.base | escape }}}}static/{{{{ include.chart | escape }}}}.svg" alt="{{{{ eig_pulse_title | escape }}}}" width="100%"></noscript>
"#,
        INCLUDE_HELP.get(Lang::Fr),
        INCLUDE_HELP.get(Lang::En)
    )
}

/// The form the « Intégrer » dialog writes the snippet in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SnippetForm {
    #[default]
    Html,
    JekyllInclude,
    Kramdown,
}

impl SnippetForm {
    /// Every form, in the order the dialog offers them.
    pub const ALL: [SnippetForm; 3] = [
        SnippetForm::Html,
        SnippetForm::JekyllInclude,
        SnippetForm::Kramdown,
    ];

    /// Its name in the dialog's choice.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SnippetForm::Html => "HTML",
            SnippetForm::JekyllInclude => lang.pick("Jekyll (inclusion)", "Jekyll (include)"),
            SnippetForm::Kramdown => "Markdown (kramdown)",
        }
    }

    /// The value naming it in the dialog's choice.
    pub fn parameter(self) -> &'static str {
        match self {
            SnippetForm::Html => "html",
            SnippetForm::JekyllInclude => "jekyll",
            SnippetForm::Kramdown => "kramdown",
        }
    }

    /// The form a choice's value names; HTML for any other value.
    pub fn from_parameter(value: &str) -> SnippetForm {
        SnippetForm::ALL
            .into_iter()
            .find(|form| form.parameter() == value)
            .unwrap_or_default()
    }

    /// Where the writer pastes it.
    pub fn advice(self, lang: Lang) -> &'static str {
        match self {
            SnippetForm::Html => lang.pick(
                "À coller dans une page HTML, ou seul entre deux lignes vides dans un billet (dans une liste, ses lignes la coupent).",
                "To paste in an HTML page, or alone between two blank lines in a post (in a list, its lines break it).",
            ),
            SnippetForm::JekyllInclude => lang.pick(
                "Déposez le fichier eig-pulse.html ci-dessous dans le dossier _includes/ du blog, une fois, puis collez la ligne là où doit être le graphique, en début de ligne ou d'élément de liste.",
                "Drop the eig-pulse.html file below in the blog's _includes/ folder, once, then paste the line where the chart goes, at the start of a line or of a list item.",
            ),
            SnippetForm::Kramdown => lang.pick(
                "Une seule ligne, que kramdown laisse intacte où qu'elle soit : dans une liste, après un paragraphe en retrait, au milieu d'une phrase.",
                "One line, which kramdown leaves intact wherever it stands: in a list, after an indented paragraph, within a sentence.",
            ),
        }
    }

    /// The snippet for `embed` in this form.
    pub fn write(self, embed: &Embed) -> String {
        match self {
            SnippetForm::Html => embed.html(),
            SnippetForm::JekyllInclude => embed.jekyll_line(),
            SnippetForm::Kramdown => embed.kramdown(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embed() -> Embed {
        Embed {
            base: "https://pulse.example/eig/".into(),
            chart: "defis-by-administration".into(),
            lang: Lang::Fr,
            filters: "?promo=EIG+2&admin=Minist%C3%A8re".into(),
            theme: "dark".into(),
            plain: true,
            height: 612,
            title: "Défis par administration — l'« EIG » \"Pulse\"".into(),
            version: None,
        }
    }

    #[test]
    fn a_pinned_snippet_frames_its_versions_page_in_every_form() {
        let pinned = Embed {
            version: Some("2026-11-29-1a2b3c4d".into()),
            ..embed()
        };
        assert!(pinned.address().starts_with(
            "https://pulse.example/eig/embed/v/2026-11-29-1a2b3c4d/defis-by-administration.fr.html?"
        ));
        assert!(pinned
            .html()
            .contains("/embed/v/2026-11-29-1a2b3c4d/defis-by-administration.fr.html"));
        assert!(pinned
            .jekyll_line()
            .contains(" lang=\"fr\" version=\"2026-11-29-1a2b3c4d\" "));
        assert!(jekyll_include().contains("{% if include.version and include.version != \"\" %}v/{{ include.version }}/{% endif %}"));
    }

    #[test]
    fn the_address_keeps_the_filters_then_the_theme_then_the_mode() {
        assert_eq!(
            embed().address(),
            "https://pulse.example/eig/embed/defis-by-administration.fr.html?promo=EIG+2&admin=Minist%C3%A8re&theme=dark&plain=1"
        );
        let bare = Embed {
            filters: String::new(),
            plain: false,
            lang: Lang::En,
            ..embed()
        };
        assert_eq!(
            bare.address(),
            "https://pulse.example/eig/embed/defis-by-administration.en.html?theme=dark"
        );
    }

    #[test]
    fn the_html_snippet_is_three_lines_escaped_and_without_style() {
        let html = embed().html();
        let lines: Vec<&str> = html.lines().collect();
        assert_eq!(lines.len(), 3, "{html}");
        assert!(lines[0].starts_with("<iframe data-eig-pulse src=\"https://pulse.example/eig/embed/defis-by-administration.fr.html?promo=EIG+2&amp;admin=Minist%C3%A8re&amp;theme=dark&amp;plain=1\" title=\"Défis par administration — l&#39;« EIG » &quot;Pulse&quot;\" width=\"100%\" height=\"612\""), "{html}");
        assert_eq!(
            lines[1],
            "<script src=\"https://pulse.example/eig/embed.js\" async></script>"
        );
        assert!(lines[2].contains("static/defis-by-administration.svg"));
        assert!(!html.contains("style="));
    }

    #[test]
    fn the_kramdown_line_is_the_html_on_one_line_kept_from_markdown() {
        let (html, line) = (embed().html(), embed().kramdown());
        assert!(!line.contains('\n'), "{line}");
        assert!(!line.starts_with(' '), "{line}");
        assert_eq!(
            line,
            format!("{{::nomarkdown}}{}{{:/}}", html.replace('\n', ""))
        );
    }

    #[test]
    fn the_include_line_names_every_parameter_and_escapes_quotes_as_jekyll_reads_them() {
        assert_eq!(
            embed().jekyll_line(),
            "{% include eig-pulse.html base=\"https://pulse.example/eig/\" chart=\"defis-by-administration\" lang=\"fr\" filters=\"promo=EIG+2&admin=Minist%C3%A8re\" theme=\"dark\" plain=\"1\" height=\"612\" title=\"Défis par administration — l'« EIG » \\\"Pulse\\\"\" %}"
        );
        let bare = Embed {
            filters: String::new(),
            plain: false,
            ..embed()
        };
        let line = bare.jekyll_line();
        assert!(
            !line.contains("filters=") && !line.contains("plain="),
            "{line}"
        );
    }

    #[test]
    fn the_include_file_writes_the_same_attributes_and_one_line() {
        let include = jekyll_include();
        let markup: Vec<&str> = include
            .lines()
            .filter(|line| line.starts_with('<'))
            .collect();
        assert_eq!(markup.len(), 1, "{include}");
        for attribute in [
            "data-eig-pulse",
            "width=\"100%\"",
            "frameborder=\"0\"",
            "allow=\"clipboard-write\"",
            "loading=\"lazy\"",
            "async></script>",
        ] {
            assert!(markup[0].contains(attribute), "{attribute}");
        }
        assert!(include.contains(&format!("default: {DEFAULT_FRAME_HEIGHT}")));
    }

    #[test]
    fn every_form_has_a_choice_value_of_its_own_and_words_in_both_languages() {
        for form in SnippetForm::ALL {
            assert_eq!(SnippetForm::from_parameter(form.parameter()), form);
            assert_ne!(form.advice(Lang::Fr), form.advice(Lang::En));
            assert!(!form.write(&embed()).is_empty());
        }
        assert_eq!(SnippetForm::from_parameter("other"), SnippetForm::Html);
    }
}
