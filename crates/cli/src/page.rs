//! `eig-pulse page`: the dashboard's static first paint — its default view (no filter) written
//! into the built `index.html` from core's own drawing and words, and in English into `en.html`
//! beside it, so that the page is read before any WebAssembly arrives, and with JavaScript off.
//!
//! The markup is the interactive page's (`src/`: same elements, classes and ids), so that it
//! takes the same room: the interactive page is laid out unseen beside it and replaces it once
//! every chart is drawn (`src/browser/first_paint.rs`). Each chart is a `<picture>` of the plots
//! `eig-pulse embeds` draws (`crate::picture`), taken by the width its frame has at the reader's
//! screen, its summary in words as the image's text; without JavaScript its summary and table are
//! written under it. `public/page-head.js` and `public/page.js` pick the scheme, mark filters in
//! the address as loading and send the filters' form.

use std::fmt::Write as _;
use std::path::Path;

use crate::export_file::read_export;
use eig_pulse_core::catalogue::{Chart, ChartId, Section};
use eig_pulse_core::chart::summary::summary;
use eig_pulse_core::chart::table::grid;
use eig_pulse_core::chart::text::chart_labels;
use eig_pulse_core::chart::{plot_height, Palette};
use eig_pulse_core::measures::promotion_windows::selected_windows;
use eig_pulse_core::measures::scorecard::{openness_scorecard, ScoreRow, FIRST_ROWS};
use eig_pulse_core::page::{
    code_cards, credits, defi_rows, filter_choices, key_cards, page_file, page_link, page_words,
    Card, Choice, PageWords, DEFI_LIST,
};
use eig_pulse_core::{tr, Cohort, Filters, Lang, Selection};
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use crate::picture::{hex, sources_and_image, Choices, WIDTHS};

/// Where the static page goes in the built `index.html`: its `<body>`'s first child.
const MARKER: &str = "<!-- eig-pulse page: the static first paint -->";

/// How style.css and the DSFR lay a chart's frame out, in CSS pixels.
mod layout {
    /// `.fr-container`: its widest, and its padding on each side below and from 62em.
    pub const CONTAINER: u32 = 1248;
    pub const LARGE: u32 = 992;
    /// `.charts`: two columns when both reach 34rem, 1.5rem apart.
    pub const COLUMN: u32 = 544;
    pub const GAP: u32 = 24;
    /// `.chart`: its padding (0.75rem up to 36em) and border.
    pub const SMALL: u32 = 576;
    /// A classic scroll bar, assumed from this viewport width on (phones' bars overlay).
    pub const SCROLLBAR: u32 = 15;
    pub const DESKTOP: u32 = 600;
}

/// The width of a chart's frame for a viewport `width` wide (scroll bar included): a chart of
/// the story's sections, or `wide`, alone on its row (the code after the programme).
fn frame_width(width: u32, wide: bool) -> u32 {
    use layout::*;
    let page = width.saturating_sub(if width >= DESKTOP { SCROLLBAR } else { 0 });
    let padding = if width >= LARGE { 24 } else { 16 };
    let container = page.min(CONTAINER).saturating_sub(2 * padding);
    let column = if !wide && container >= 2 * COLUMN + GAP {
        (container - GAP) / 2
    } else {
        container
    };
    let inner = if width > SMALL { 16 } else { 12 };
    column.saturating_sub(2 * inner + 2)
}

/// The plot each viewport width takes, as media queries in the browser's order: the widest of
/// [`WIDTHS`] within the chart's frame (the narrowest when none is), the last without a query.
fn plot_choices(wide: bool) -> Vec<(Option<String>, u32)> {
    let best = |viewport| {
        let frame = frame_width(viewport, wide);
        WIDTHS
            .into_iter()
            .rev()
            .find(|&w| w <= frame)
            .unwrap_or(WIDTHS[0])
    };
    // (first viewport, last viewport, width), from phones to wide screens.
    let mut ranges: Vec<(u32, u32, u32)> = Vec::new();
    for viewport in 320..=2000 {
        let width = best(viewport);
        match ranges.last_mut() {
            Some((_, end, w)) if *w == width => *end = viewport,
            _ => ranges.push((viewport, viewport, width)),
        }
    }
    let last = ranges.len() - 1;
    ranges
        .into_iter()
        .enumerate()
        .map(|(index, (_, end, width))| {
            let media = (index < last).then(|| format!("(max-width: {end}.98px)"));
            (media, width)
        })
        .collect()
}

fn is_wide(id: ChartId) -> bool {
    id.spec().section == Section::CodeAfter
}

/// Writes the static page into `dist`'s `index.html` in French, and beside it the English page
/// (`en.html`, the same shell in English), their plots those `eig-pulse embeds` wrote under
/// `embed/`; returns how many files were written.
pub fn write(export_path: &Path, dist: &Path, lang: Lang) -> Result<usize, String> {
    let (_, export) = read_export(export_path, lang)?;
    let shell_path = dist.join(page_file(Lang::Fr));
    let shell = std::fs::read_to_string(&shell_path)
        .map_err(|e| tr!(lang, "{} : {e}", "{}: {e}", shell_path.display()))?;
    let cohort = Cohort::new(export);
    let filters = Filters::default();
    let selection = cohort.select(&filters);
    for page_lang in Lang::ALL {
        let charts: Vec<(ChartId, Chart)> = ChartId::ALL
            .into_iter()
            .map(|id| (id, id.build(&cohort, &selection, &filters, page_lang)))
            .collect();
        let body = static_page(&cohort, &selection, &charts, page_lang);
        let html = shell_in(&shell, page_lang)
            .map_err(|place| {
                tr!(
                    lang,
                    "{} : la place « {place} » y est absente ou répétée",
                    "{}: the place \"{place}\" is missing or repeated there",
                    shell_path.display()
                )
            })?
            .replace(MARKER, &body);
        crate::commands::write_atomically(&dist.join(page_file(page_lang)), html.as_bytes(), lang)?;
    }
    Ok(Lang::ALL.len())
}

/// The trunk-built shell (French) as the page in `lang`: its language, title and description,
/// and the links to both pages (`hreflang`). `Err` is a place the shell does not hold once.
fn shell_in(shell: &str, lang: Lang) -> Result<String, String> {
    let words = page_words(lang);
    let once = |html: &str, part: &str| {
        if html.matches(part).count() == 1 {
            Ok(())
        } else {
            Err(part.to_string())
        }
    };
    once(shell, MARKER)?;
    let mut html = shell.to_string();
    for (start, end, value) in [
        ("<html lang=\"", "\"", lang.code().to_string()),
        ("<title>", "</title>", text(words.page_title).into_owned()),
        (
            "<meta name=\"description\" content=\"",
            "\"",
            attr(words.description).into_owned(),
        ),
    ] {
        once(&html, start)?;
        let from = html
            .find(start)
            .map(|i| i + start.len())
            .unwrap_or_default();
        let to = html[from..].find(end).ok_or_else(|| start.to_string())? + from;
        html.replace_range(from..to, &value);
    }
    let links: String = Lang::ALL
        .into_iter()
        .map(|l| {
            format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\" />",
                l.code(),
                page_link(l)
            )
        })
        .collect();
    once(&html, "</head>")?;
    Ok(html.replace("</head>", &format!("{links}</head>")))
}

/// The whole static page: the interactive page's markup, with the default view's figures.
fn static_page(
    cohort: &Cohort,
    selection: &Selection,
    charts: &[(ChartId, Chart)],
    lang: Lang,
) -> String {
    let words = page_words(lang);
    let mut html = String::from("<div id=\"static-page\">");
    html += &skip_links(&words);
    html += &header(&words, lang);
    html += "<main id=\"contenu\" tabindex=\"-1\" class=\"fr-container\"><div class=\"dashboard\">";
    html += &filter_bar(cohort, &words, lang);
    let _ = write!(
        html,
        "<p class=\"notice loading-filters\" role=\"status\">{}</p>",
        text(words.loading_filters)
    );
    let _ = write!(
        html,
        "<p class=\"notice code-failed\" role=\"alert\" hidden>{}</p>",
        text(words.code_failed)
    );
    html += &figure_cards(&key_cards(cohort, selection, lang), words.key_figures);
    html += &contents(&words, lang);
    for part in Section::ALL {
        html += &section(cohort, selection, charts, part, &words, lang);
    }
    html += &defi_list(cohort, selection, &words);
    html += "</div></main>";
    html += &footer(cohort, &words, lang);
    html += "</div>";
    html
}

fn skip_links(words: &PageWords) -> String {
    format!(
        "<div class=\"fr-skiplinks\"><nav class=\"fr-container\" role=\"navigation\" aria-label=\"{}\"><ul class=\"fr-skiplinks__list\"><li><a class=\"fr-link skip-link\" href=\"#contenu\">{}</a></li><li><a class=\"fr-link\" href=\"#filtres\">{}</a></li><li><a class=\"fr-link\" href=\"#pied-de-page\">{}</a></li></ul></nav></div>",
        attr(words.quick_access),
        text(words.skip_content),
        text(words.skip_filters),
        text(words.skip_footer),
    )
}

fn header(words: &PageWords, lang: Lang) -> String {
    let mut html = format!(
        "<header role=\"banner\" class=\"fr-header\"><div class=\"fr-header__body\"><div class=\"fr-container\"><div class=\"fr-header__body-row\"><div class=\"fr-header__brand\"><div class=\"fr-header__brand-top\"><div class=\"fr-header__logo\"><p class=\"fr-logo\">République<br>Française</p></div></div><div class=\"fr-header__service\"><p class=\"fr-header__service-title\">EIG Pulse</p><p class=\"fr-header__service-tagline\">{}</p></div></div><div class=\"header-tools\"><fieldset class=\"fr-segmented fr-segmented--sm scheme-switch\"><legend class=\"fr-segmented__legend\">{}</legend><div class=\"fr-segmented__elements\">",
        text(words.tagline),
        text(words.theme_legend),
    );
    // In the order of the interactive switch (src/context/scheme.rs); the system's by default.
    for (value, label) in [
        ("light", words.theme_light),
        ("dark", words.theme_dark),
        ("auto", words.theme_system),
    ] {
        let checked = if value == "auto" { " checked" } else { "" };
        let _ = write!(
            html,
            "<div class=\"fr-segmented__element\"><input type=\"radio\" name=\"theme\" id=\"theme-{value}\" value=\"{value}\"{checked}><label class=\"fr-label\" for=\"theme-{value}\">{}</label></div>",
            text(label)
        );
    }
    let _ = write!(
        html,
        "</div></fieldset><button class=\"fr-btn fr-btn--tertiary fr-btn--sm lang-switch\" type=\"button\" lang=\"{}\" data-page=\"{}\" title=\"{}\">{}</button></div></div></div></div></header>",
        lang.other().code(),
        page_link(lang.other()),
        attr(words.other_language_title),
        text(words.other_language),
    );
    html
}

/// A `<select>`'s choices after its first, « all ».
fn options(choices: &[Choice]) -> String {
    choices
        .iter()
        .map(|c| {
            format!(
                "<option value=\"{}\">{}</option>",
                attr(&c.id),
                text(&c.label)
            )
        })
        .collect()
}

fn filter_bar(cohort: &Cohort, words: &PageWords, lang: Lang) -> String {
    let choices = filter_choices(cohort, lang);
    let select = |id: &str, name: &str, label: &str, list: &[Choice]| {
        format!(
            "<div class=\"filter fr-select-group\"><label class=\"fr-label\" for=\"{id}\">{}</label><select id=\"{id}\" name=\"{name}\" class=\"fr-select\"><option value=\"\">{}</option>{}</select></div>",
            text(label),
            text(words.all),
            options(list)
        )
    };
    let date = |id: &str, name: &str, label: &str| {
        format!(
            "<label for=\"{id}\" class=\"fr-sr-only\">{}</label><input id=\"{id}\" name=\"{name}\" class=\"fr-input\" type=\"date\" min=\"{}\" max=\"{}\">",
            text(label),
            choices.first_day,
            choices.last_day
        )
    };
    format!(
        "<section class=\"filters\" id=\"filtres\" tabindex=\"-1\" aria-label=\"{filters}\"><form class=\"filters-form\" method=\"get\" action=\"./\"><details class=\"filters-disclosure\" open><summary class=\"filters-summary\" data-figures>{none}</summary><div class=\"filters-fields\"><div class=\"filter filter-admin fr-input-group\"><label class=\"fr-label\" for=\"filtre-admin-recherche\">Administration<span class=\"fr-hint-text\">{hint}</span></label><input id=\"filtre-admin-recherche\" class=\"fr-input\" type=\"search\" placeholder=\"{search}\"><select id=\"filtre-admin\" name=\"admin\" class=\"fr-select\" aria-label=\"{select}\"><option value=\"\">{all_admins}</option>{admins}</select></div>{promo}{skill}{tech}<fieldset class=\"filter filter-period fr-fieldset\"><legend class=\"fr-label filter-legend\">{period}</legend>{from}<span aria-hidden=\"true\">–</span>{to}</fieldset><button type=\"button\" class=\"fr-btn fr-btn--secondary reset\" disabled>{reset}</button></div></details></form><ul class=\"fr-tags-group active-filters\" aria-label=\"{active}\"></ul><noscript><p class=\"notice\">{without_code}</p></noscript></section>",
        filters = attr(words.filters),
        none = text(words.filters_none),
        hint = text(words.admin_hint),
        search = attr(words.admin_search),
        select = attr(words.admin_select),
        all_admins = text(words.all_administrations),
        admins = options(&choices.administrations),
        promo = select("filtre-promo", "promo", "Promotion", &choices.promotions),
        skill = select("filtre-competence", "skill", words.skill, &choices.skills),
        tech = select(
            "filtre-technologie",
            "tech",
            words.technology,
            &choices.technologies
        ),
        period = text(words.period),
        from = date("filtre-du", "from", words.from),
        to = date("filtre-au", "to", words.to),
        reset = text(words.reset),
        active = attr(words.active_filters),
        without_code = text(words.without_code),
    )
}

/// Cards of figures, as `src/sections/key_figures.rs` lays them out.
fn figure_cards(cards: &[Card], label: &str) -> String {
    let mut html = format!(
        "<section class=\"key-figures\" tabindex=\"0\" aria-label=\"{}\">",
        attr(label)
    );
    for card in cards {
        let _ = write!(
            html,
            "<div class=\"figure\" data-figure=\"{}\"><p class=\"figure-value\" data-figures>{}</p><p class=\"figure-label\">{}</p>",
            attr(&card.key),
            text(&card.value),
            text(&card.label)
        );
        if let Some(basis) = &card.basis {
            let _ = write!(
                html,
                "<p class=\"figure-basis\" data-figures>{}</p>",
                text(basis)
            );
        }
        html += "</div>";
    }
    html + "</section>"
}

fn contents(words: &PageWords, lang: Lang) -> String {
    let mut html = format!(
        "<nav class=\"contents\" aria-label=\"{}\"><ul>",
        attr(words.contents)
    );
    for part in Section::ALL {
        let _ = write!(
            html,
            "<li><a href=\"#{}\">{}</a></li>",
            part.anchor(),
            text(part.title(lang))
        );
    }
    let _ = write!(
        html,
        "<li><a href=\"#{DEFI_LIST}\">{}</a></li></ul></nav>",
        text(words.defi_list)
    );
    html
}

fn section(
    cohort: &Cohort,
    selection: &Selection,
    charts: &[(ChartId, Chart)],
    part: Section,
    words: &PageWords,
    lang: Lang,
) -> String {
    let anchor = part.anchor();
    let code = part == Section::CodeAfter;
    let mut html = format!(
        "<section class=\"story\" id=\"{anchor}\" aria-labelledby=\"{anchor}-titre\"><h2 id=\"{anchor}-titre\">{}</h2><p class=\"story-opening\" data-opening=\"{anchor}\" data-figures>{}</p>",
        text(part.title(lang)),
        text(&part.opening(cohort, selection, lang)),
    );
    if code {
        let cards = code_cards(cohort, selection, lang);
        if !cards.is_empty() {
            html += &figure_cards(&cards, words.code_figures);
        }
    }
    if code && cohort.export.activity.is_empty() {
        let _ = write!(
            html,
            "<div class=\"fr-notice fr-notice--info no-activity\"><div class=\"fr-container\"><div class=\"fr-notice__body\"><p class=\"fr-notice__title\">{}</p></div></div></div>",
            text(words.no_activity)
        );
    }
    html += if code {
        "<div class=\"charts charts-wide\">"
    } else {
        "<div class=\"charts\">"
    };
    for id in part.charts() {
        if let Some((_, chart)) = charts.iter().find(|(drawn, _)| *drawn == id) {
            html += &chart_view(id, chart, lang);
        }
    }
    html += "</div>";
    if code {
        html += &windows(cohort, selection, words, lang);
    }
    if part == Section::Openness {
        html += &scorecard(cohort, selection, words, lang);
    }
    html + "</section>"
}

/// A legend's colour swatch in both schemes, shown by the page's scheme (style.css): no style
/// attribute, no script.
fn swatch(color: usize) -> String {
    let (light, dark) = (Palette::light(1.0), Palette::dark(1.0));
    let (l, d) = (light.color(color), dark.color(color));
    format!(
        "<span class=\"swatch\"><svg viewBox=\"0 0 10 10\" aria-hidden=\"true\" focusable=\"false\"><rect class=\"light\" width=\"10\" height=\"10\" rx=\"2\" fill=\"{}\"/><rect class=\"dark\" width=\"10\" height=\"10\" rx=\"2\" fill=\"{}\"/></svg></span>",
        hex(l.0, l.1, l.2),
        hex(d.0, d.1, d.2)
    )
}

/// One chart as the chart view shows it (`src/parts/chart_view.rs`), its plot a picture.
fn chart_view(id: ChartId, chart: &Chart, lang: Lang) -> String {
    let slug = id.slug();
    let spec = id.spec();
    let labels = chart_labels(lang);
    let height = plot_height(chart);
    let described = summary(chart, &[], lang);
    let mut html = format!(
        "<figure class=\"chart\" id=\"{slug}\" data-chart=\"{slug}\"><figcaption><h2 class=\"chart-title\">{title}</h2><p class=\"chart-guide\">{guide}</p></figcaption><div class=\"chart-tools\"><button type=\"button\" class=\"fr-btn fr-btn--secondary fr-btn--sm tool table-toggle\" aria-expanded=\"false\" aria-controls=\"donnees-{slug}\">{show}</button><span class=\"chart-tools-label\" id=\"telecharger-{slug}\">{download}</span>",
        title = text(spec.title.get(lang)),
        guide = text(spec.guide.get(lang)),
        show = text(labels.show_data),
        download = text(labels.download),
    );
    for format in ["svg", "png", "csv"] {
        let _ = write!(
            html,
            "<button type=\"button\" class=\"fr-btn fr-btn--tertiary fr-btn--sm tool\" data-download=\"{format}\" aria-describedby=\"telecharger-{slug}\">{}</button>",
            format.to_uppercase()
        );
    }
    let _ = write!(
        html,
        "<button type=\"button\" class=\"fr-btn fr-btn--tertiary fr-btn--sm tool tool-copy\" data-copy=\"png\">{}</button><span class=\"copy-status\" role=\"status\"></span><button type=\"button\" class=\"fr-btn fr-btn--tertiary fr-btn--sm tool tool-embed\" data-embed=\"{slug}\">{}</button></div><ul class=\"legend\" aria-label=\"{}\" data-figures>",
        text(labels.copy_image),
        text(labels.embed),
        attr(labels.legend)
    );
    if chart.series.len() >= 2 {
        for series in &chart.series {
            let _ = write!(
                html,
                "<li><button type=\"button\" class=\"fr-tag fr-tag--sm legend-entry\" aria-pressed=\"true\">{}{}</button></li>",
                swatch(series.color),
                text(&series.label)
            );
        }
    }
    let widths = plot_choices(is_wide(id));
    let picture = sources_and_image(&Choices {
        folder: "embed/",
        slug,
        lang_code: lang.code(),
        height,
        widths: &widths,
        // Without scripts the page stays light (DSFR's scheme is set by a script).
        dark: "(prefers-color-scheme: dark) and (scripting: enabled)",
        alt: &described,
        indent: "",
        // The page's first chart is its largest paint; the others load as the reader nears them,
        // and most are replaced by the interactive page before.
        lazy: Section::ALL[0].charts().next() != Some(id),
    });
    let _ = write!(
        html,
        "</ul><div class=\"chart-frame\" data-figures><picture>{picture}</picture></div><p class=\"fr-sr-only\" id=\"clavier-{slug}\">{}</p>",
        text(labels.keyboard),
    );
    // Without JavaScript: the summary and the data, always shown.
    let words = page_words(lang);
    let _ = write!(
        html,
        "<noscript><p class=\"chart-summary\">{} {}</p>{}</noscript></figure>",
        text(words.chart_summary),
        text(&described),
        data_table(
            chart,
            &format!("donnees-{slug}"),
            spec.title.get(lang),
            lang
        )
    );
    html
}

/// A chart's data as the « Voir les données » table writes it (`chart::table::grid`).
fn data_table(chart: &Chart, id: &str, title: &str, lang: Lang) -> String {
    let table = grid(chart, &[], lang);
    let mut html = format!(
        "<div class=\"fr-table fr-table--sm data-table\" id=\"{id}\"><div class=\"fr-table__wrapper\"><div class=\"fr-table__container\"><div class=\"fr-table__content\" tabindex=\"0\" role=\"region\" aria-label=\"{label}\"><table{noted}><caption>{caption}</caption><thead><tr><th scope=\"col\">{header}</th>",
        label = attr(title),
        caption = text(title),
        header = text(&table.category_header),
        noted = if table.noted { " class=\"noted\"" } else { "" },
    );
    for column in &table.columns {
        let _ = write!(html, "<th scope=\"col\">{}</th>", text(column));
    }
    html += "</tr></thead><tbody>";
    for row in &table.rows {
        let _ = write!(html, "<tr><th scope=\"row\">{}</th>", text(&row.header));
        for cell in &row.cells {
            let _ = write!(html, "<td class=\"number\">{}</td>", text(cell));
        }
        html += "</tr>";
    }
    html + "</tbody></table></div></div></div></div>"
}

fn windows(cohort: &Cohort, selection: &Selection, words: &PageWords, lang: Lang) -> String {
    let mut html = format!(
        "<div class=\"promotion-windows\" data-figures><p class=\"fr-text--sm windows-title\">{}</p><ul class=\"fr-text--sm\">",
        text(words.windows_title)
    );
    for window in selected_windows(cohort, selection, lang) {
        let _ = write!(
            html,
            "<li>{}<span class=\"window-sources\">{}",
            text(&window.words),
            text(words.sources)
        );
        for (i, cited) in window.sources.iter().enumerate() {
            if i > 0 {
                html += ", ";
            }
            let _ = match &cited.post {
                Some(href) => write!(
                    html,
                    "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    attr(href),
                    text(&cited.name)
                ),
                None => write!(html, "<span>{}</span>", text(&cited.name)),
            };
        }
        html += "</span></li>";
    }
    html + "</ul></div>"
}

/// The openness scorecard (`src/sections/scorecard.rs`). With scripts, its first rows, as the
/// interactive page shows them until asked for all; without, every row, in a `<noscript>` twin: a
/// browser running scripts reads that as text, so the hidden rows cost no layout before the
/// hand-over (style.css hides the first-rows table when no script runs).
fn scorecard(cohort: &Cohort, selection: &Selection, words: &PageWords, lang: Lang) -> String {
    let card = openness_scorecard(cohort, selection, lang);
    let labels = chart_labels(lang);
    let mut html = format!(
        "<figure class=\"chart scorecard\" id=\"openness-scorecard\"><figcaption><h3 class=\"chart-title\">{title}</h3><p class=\"chart-guide\">{guide}</p></figcaption><div class=\"chart-tools\"><button type=\"button\" class=\"fr-btn fr-btn--secondary fr-btn--sm tool details-toggle\" aria-pressed=\"false\">{details}</button><span class=\"chart-tools-label\" id=\"telecharger-openness-scorecard\">{download}</span><button type=\"button\" class=\"fr-btn fr-btn--tertiary fr-btn--sm tool\" data-download=\"csv\" aria-describedby=\"telecharger-openness-scorecard\">CSV</button></div>",
        title = text(words.scorecard_title),
        guide = text(words.scorecard_guide),
        details = text(words.show_details),
        download = text(labels.download),
    );
    let table = |rows: &[ScoreRow], class: &str| {
        let mut html = format!(
            "<div class=\"fr-table fr-table--sm {class}\" data-figures><div class=\"fr-table__wrapper\"><div class=\"fr-table__container\"><div class=\"fr-table__content\" tabindex=\"0\" role=\"region\" aria-label=\"{label}\"><table><caption class=\"fr-sr-only\">{title}</caption><thead><tr><th scope=\"col\">Défi</th><th scope=\"col\">Score</th>",
            label = attr(words.scorecard_table),
            title = text(words.scorecard_title),
        );
        for check in &card.checks {
            let _ = write!(
                html,
                "<th scope=\"col\" title=\"{}\">{}</th>",
                attr(&check.explanation),
                text(&check.label)
            );
        }
        html += "</tr></thead><tbody>";
        let total = card.checks.len();
        for row in rows {
            let _ = write!(
                html,
                "<tr data-defi=\"{}\"><th scope=\"row\"><button type=\"button\" class=\"link-button\">{}</button></th><td class=\"number\">{}/{total}</td>",
                attr(&row.defi_id),
                text(&row.title),
                row.score
            );
            for (cell, check) in row.cells.iter().zip(&card.checks) {
                let word = cell.mark.word(lang);
                let _ = write!(
                    html,
                    "<td class=\"mark mark-{}\" title=\"{}\"><span aria-hidden=\"true\">{}</span><span class=\"fr-sr-only\">{}</span></td>",
                    cell.mark.key(),
                    attr(&tr!(
                        lang,
                        "{} : {} — {}",
                        "{}: {} — {}",
                        check.label,
                        word,
                        cell.detail
                    )),
                    cell.mark.symbol(),
                    text(&format!("{word}, {}", cell.detail)),
                );
            }
            html += "</tr>";
        }
        html + "</tbody></table></div></div></div></div>"
    };
    if card.rows.len() > FIRST_ROWS {
        html += &table(&card.rows[..FIRST_ROWS], "first-rows");
        let _ = write!(
            html,
            "<noscript>{}</noscript><button type=\"button\" class=\"fr-btn fr-btn--tertiary fr-btn--sm all-rows\" aria-expanded=\"false\" data-figures>{} ({})</button>",
            table(&card.rows, ""),
            text(words.show_all_defis),
            card.rows.len()
        );
    } else {
        html += &table(&card.rows, "");
    }
    html + "</figure>"
}

fn defi_list(cohort: &Cohort, selection: &Selection, words: &PageWords) -> String {
    let rows = defi_rows(cohort, selection);
    let mut html = format!(
        "<section class=\"defi-list\" id=\"{DEFI_LIST}\"><h2 data-figures>{} ({})</h2><ul data-figures>",
        text(words.defis),
        rows.len()
    );
    for row in rows {
        let _ = write!(
            html,
            "<li><button type=\"button\" class=\"link-button\" data-defi=\"{}\">{}</button><span class=\"defi-meta\">{}</span></li>",
            attr(&row.id),
            text(&row.title),
            text(&format!(" · {} · {}", row.promotion, row.administration))
        );
    }
    html + "</ul></section>"
}

fn footer(cohort: &Cohort, words: &PageWords, lang: Lang) -> String {
    let export = &cohort.export;
    format!(
        "<footer class=\"fr-footer\" role=\"contentinfo\" id=\"pied-de-page\" tabindex=\"-1\"><div class=\"fr-container\"><div class=\"fr-footer__body\"><div class=\"fr-footer__brand\"><p class=\"fr-logo\">République<br>Française</p></div><div class=\"fr-footer__content\"><p class=\"fr-footer__content-desc\">{about}</p><p class=\"fr-footer__content-desc footer-credits\">{credits}</p><ul class=\"fr-footer__content-list\"><li class=\"fr-footer__content-item\"><a class=\"fr-footer__content-link\" href=\"https://eig.etalab.gouv.fr\">eig.etalab.gouv.fr</a></li><li class=\"fr-footer__content-item\"><a class=\"fr-footer__content-link\" href=\"https://www.numerique.gouv.fr\">numerique.gouv.fr</a></li><li class=\"fr-footer__content-item\"><a class=\"fr-footer__content-link\" href=\"https://www.data.gouv.fr\">data.gouv.fr</a></li></ul></div></div><div class=\"fr-footer__bottom\"><ul class=\"fr-footer__bottom-list\"><li class=\"fr-footer__bottom-item\"><a class=\"fr-footer__bottom-link\" href=\"data/export.json\">{json}</a></li><li class=\"fr-footer__bottom-item\"><span class=\"fr-footer__bottom-link\">{accessibility}</span></li></ul><div class=\"fr-footer__bottom-copy\"><p>{licence}</p></div></div></div></footer>",
        about = text(words.footer_about),
        credits = text(&credits(&export.sources, &export.generated_at, lang)),
        json = text(words.data_json),
        accessibility = text(words.accessibility),
        licence = text(words.licence),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The width the browser takes at `viewport`: the first choice whose query matches.
    fn taken(choices: &[(Option<String>, u32)], viewport: u32) -> u32 {
        choices
            .iter()
            .find(|(media, _)| {
                media.as_ref().is_none_or(|m| {
                    let end: f64 = m
                        .trim_start_matches("(max-width: ")
                        .trim_end_matches("px)")
                        .parse()
                        .unwrap();
                    f64::from(viewport) <= end
                })
            })
            .map(|&(_, width)| width)
            .unwrap()
    }

    /// The English page is the French shell in English: its language, title and description,
    /// both pages linked by `hreflang`, the rest as trunk wrote it; a shell without one of those
    /// places, or with it twice, is refused by name.
    #[test]
    fn the_shell_is_written_in_each_language() {
        let shell = format!(
            "<!doctype html>\n<html lang=\"fr\" data-fr-scheme=\"system\"><head><title>{}</title><meta name=\"description\" content=\"{}\" /><script src=\"page-head.js\"></script></head><body>{MARKER}</body></html>",
            page_words(Lang::Fr).page_title,
            attr(page_words(Lang::Fr).description),
        );
        let links = "<link rel=\"alternate\" hreflang=\"fr\" href=\"./\" /><link rel=\"alternate\" hreflang=\"en\" href=\"en.html\" /></head>";
        assert_eq!(
            shell_in(&shell, Lang::Fr).unwrap(),
            shell.replace("</head>", links)
        );
        let english = shell_in(&shell, Lang::En).unwrap();
        assert_eq!(
            english,
            format!(
                "<!doctype html>\n<html lang=\"en\" data-fr-scheme=\"system\"><head><title>EIG Pulse — technical progress of the EIG challenges</title><meta name=\"description\" content=\"Dashboard of the technical progress of the Entrepreneurs d'intérêt général challenges (Etalab, DINUM).\" /><script src=\"page-head.js\"></script>{links}<body>{MARKER}</body></html>"
            )
        );
        assert!(
            shell_in(&shell.replace("<title>", "<title lang=\"fr\">"), Lang::En)
                .unwrap_err()
                .contains("<title>")
        );
        assert!(shell_in(&format!("{shell}{MARKER}"), Lang::En).is_err());
    }

    /// The frames style.css makes at the screens the tests use, and at every screen the widest
    /// plot that fits its frame (the narrowest on the narrowest phones).
    #[test]
    fn plots_fit_their_frames() {
        assert_eq!(frame_width(360, false), 302);
        assert_eq!(frame_width(1280, false), 554);
        assert_eq!(frame_width(1280, true), 1166);
        for wide in [false, true] {
            let choices = plot_choices(wide);
            for viewport in 320..2400 {
                let frame = frame_width(viewport, wide);
                let width = taken(&choices, viewport);
                let best = WIDTHS.into_iter().filter(|&w| w <= frame).max();
                assert_eq!(
                    width,
                    best.unwrap_or(WIDTHS[0]),
                    "{viewport} px, wide {wide}"
                );
            }
        }
        assert_eq!(taken(&plot_choices(false), 1280), 520);
        assert_eq!(taken(&plot_choices(true), 1280), 840);
    }
}
