//! End to end: real Chromium over WebDriver against the built `dist/` served on 127.0.0.1.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::actions::{InputSource, MouseActions, PointerAction};

use support::{browser, dist, serve, Browser, Routes};

/// Every chart id with data in the real export (which has no repository activity: no clones
/// here; `tests/repositories.rs` covers that chart with a fixture; « Langages dans le code » is
/// drawn from scanned repositories too).
fn charts() -> Vec<&'static str> {
    use eig_pulse_core::catalogue::ChartId;
    ChartId::ALL
        .iter()
        .filter(|c| {
            !matches!(
                c,
                ChartId::RepositoryActivity | ChartId::LanguagesByPromotion
            )
        })
        .map(|c| c.slug())
        .collect()
}

/// The dashboard served with a few broken exports beside the real one.
fn site() -> u16 {
    let real = std::fs::read_to_string(dist().join("data/export.json")).unwrap();
    let mut routes = Routes::new();
    routes.insert(
        "/broken.json".into(),
        (
            200,
            "application/json",
            b"{\"schema_version\": 1, \"defis\": [".to_vec(),
        ),
    );
    routes.insert(
        "/v2.json".into(),
        (
            200,
            "application/json",
            real.replacen("\"schema_version\": 1", "\"schema_version\": 2", 1)
                .into_bytes(),
        ),
    );
    routes.insert(
        "/dangling.json".into(),
        (
            200,
            "application/json",
            real.replacen(
                "\"administration_id\": \"haute-autorite-de-sante\"",
                "\"administration_id\": \"nulle-part\"",
                1,
            )
            .into_bytes(),
        ),
    );
    routes.insert(
        "/error500.json".into(),
        (500, "text/plain", b"boom".to_vec()),
    );
    serve(dist(), routes)
}

async fn open(port: u16, query: &str, width: u32, height: u32) -> Browser {
    let b = browser(width, height).await;
    b.open_local(port, query).await;
    b
}

/// The dashboard of [`site`] at `query`, figures and five charts shown, and the site's port.
async fn dashboard(query: &str, width: u32, height: u32) -> (Browser, u16) {
    let port = site();
    let b = open(port, query, width, height).await;
    wait_for_dashboard(&b).await;
    (b, port)
}

async fn wait_for_dashboard(b: &Browser) {
    b.wait_for_element(
        ".figure[data-figure=defis] .figure-value",
        "the key figures",
    )
    .await;
    b.wait_for_draws(5, "five charts drawn").await;
}

#[tokio::test]
async fn the_real_export_loads_and_every_chart_is_painted() {
    let (b, _) = dashboard("", 1280, 1800).await;
    assert_eq!(b.figure("defis").await, "71");
    assert_eq!(b.figure("administrations").await, "53");
    // Journal rows of the CSV: `python3 scripts/recount-journal.py` (« rows »).
    assert_eq!(b.figure("journal").await, "1\u{202F}527");
    assert_eq!(b.figure("code").await, "42\u{202F}%");
    for chart in charts() {
        let ink = b.ink(chart).await;
        assert!(
            ink > 0.02,
            "{chart}: canvas almost blank ({ink:.4} of pixels drawn)"
        );
    }
    let footer = b.text(".fr-footer").await;
    assert!(
        footer.contains("Licence Ouverte") && footer.contains("5 septembre 2022"),
        "{footer}"
    );
    b.screenshot("dashboard-1280").await;
    // Every character the page writes (its hidden tables and panels too) is in the Marianne the
    // build cut down (scripts/font-subset.mjs): none falls back to another font.
    let kept = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("target/dsfr/marianne-characters.txt"),
    )
    .expect("target/dsfr/marianne-characters.txt, written by scripts/dsfr at build time");
    let shown = b.js("return document.body.textContent").await;
    let missing: std::collections::BTreeSet<char> = shown
        .as_str()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control() && !kept.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "not in the Marianne subset: {missing:?}"
    );
    b.finish().await;
}

/// Each Marianne weight comes in two files (scripts/font-subset.mjs): the first screen, in
/// either language, asks for the first files only, and a character only the export's texts bring
/// is drawn from the second, in Marianne, not in a fallback font.
#[tokio::test]
async fn the_first_screen_asks_for_the_first_font_files_only() {
    let fonts = "performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/fonts/'))";
    for query in ["", "?lang=en"] {
        let (b, _) = dashboard(query, 1280, 900).await;
        let asked = b.js(&format!("return {fonts}")).await;
        let asked: Vec<&str> = asked
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|n| n.as_str())
            .collect();
        assert!(
            asked.iter().any(|n| n.ends_with("/Marianne-Regular.woff2")),
            "{query}: {asked:?}"
        );
        assert!(
            !asked.iter().any(|n| n.contains(".rest.")),
            "{query}: the first screen asked for a second font file: {asked:?}"
        );
        // The search field's placeholder is upright: no italic face on the first screen.
        assert!(
            !asked.iter().any(|n| n.contains("Italic")),
            "{query}: the first screen asked for an italic face: {asked:?}"
        );
        if query.is_empty() {
            // « Ø » (U+00D8) is kept for the export's names but in no word of the dashboard.
            let width = "(font => { const c = document.createElement('canvas').getContext('2d'); c.font = font; return c.measureText('ØØØØØØØØ').width; })";
            let fallback = b
                .number(&format!("return {width}('400 32px monospace')"))
                .await;
            b.js("document.fonts.load('400 32px Marianne', 'Ø'); return true")
                .await;
            b.wait_for(
                &format!("{fonts}.some(n => n.endsWith('/Marianne-Regular.rest.woff2')) && document.fonts.check('400 32px Marianne', 'Ø')"),
                "the second file of Marianne Regular, for « Ø »",
            )
            .await;
            let drawn = b
                .number(&format!("return {width}('400 32px Marianne, monospace')"))
                .await;
            assert!(
                (drawn - fallback).abs() > 1.0,
                "« Ø » drawn as wide in Marianne ({drawn}) as in the fallback ({fallback}): not in the second file"
            );
        }
        b.finish().await;
    }
}

#[tokio::test]
async fn choosing_an_administration_filters_everything_and_history_restores_it() {
    let (b, _) = dashboard("", 1280, 1800).await;
    let before = b.ink("journal-weekly").await;
    b.choose("filtre-admin", "ministere-de-l-interieur").await;
    b.wait_for_figure("defis", "12", "12 défis").await;
    // Counted from the export by `python3 scripts/recount-export.py`: the ministry and
    // everything under it.
    assert_eq!(b.figure("administrations").await, "7");
    assert_eq!(b.figure("eigs").await, "22");
    assert_eq!(b.figure("mentors").await, "22");
    // Its journal rows, recounted from the CSV by `python3 scripts/recount-journal.py`.
    assert_eq!(b.figure("journal").await, "228");
    assert_eq!(b.figure("code").await, "58\u{202F}%");
    let url = b.client.current_url().await.unwrap();
    assert_eq!(url.query(), Some("admin=ministere-de-l-interieur"));
    b.wait_for_pixels(
        "journal-weekly",
        "d[i] < 235 || d[i+1] < 235 || d[i+2] < 235",
        &format!("share < {before}"),
        "the weekly chart shrunk by the filter",
    )
    .await;
    b.screenshot("filtered-interieur").await;

    b.client.back().await.unwrap();
    b.wait_for_figure("defis", "71", "back to 71 défis").await;
    assert_eq!(b.client.current_url().await.unwrap().query(), None);
    b.client.forward().await.unwrap();
    b.wait_for_figure("defis", "12", "forward to 12 défis")
        .await;
    assert_eq!(
        b.js("return document.getElementById('filtre-admin').value")
            .await,
        "ministere-de-l-interieur"
    );

    // Réinitialiser clears every filter.
    b.click_in_script(".reset").await;
    b.wait_for_figure("defis", "71", "reset").await;
    b.finish().await;
}

#[tokio::test]
async fn a_filter_redraws_the_charts_in_view_at_once_and_the_others_after() {
    let (b, _) = dashboard("", 1280, 800).await;
    let count = |name: &'static str| {
        let b = &b;
        async move {
            b.number(&format!("return window.eigPulseTimings.{name} || 0"))
                .await
        }
    };
    // At 1 280 × 800 the first chart is below the first screen: read from there.
    b.js("document.querySelector('canvas').scrollIntoView()")
        .await;
    let (draws, at_once) = (count("draws").await, count("drawsAtOnce").await);
    b.choose("filtre-admin", "ministere-de-l-interieur").await;
    b.wait_for_figure("defis", "12", "12 défis").await;
    // Charts far below the window are drawn too, a frame later, each in a task of its own.
    b.wait_for(
        &format!(
            "window.eigPulseTimings.drawsAtOnce > {at_once}
             && window.eigPulseTimings.draws - {draws} > window.eigPulseTimings.drawsAtOnce - {at_once} + 2"
        ),
        "charts in view drawn at once, three or more others later",
    )
    .await;
    assert!(count("lastDrawAtOnce").await <= count("lastDraw").await);
    // The catalogue's last chart, near the end of the page, is drawn.
    let last = *charts().last().unwrap();
    b.js(&format!(
        "document.getElementById('{last}').scrollIntoView()"
    ))
    .await;
    let ink = b.ink(last).await;
    assert!(ink > 0.02, "{last}: canvas almost blank ({ink:.4})");
    b.finish().await;
}

#[tokio::test]
async fn a_copied_link_reproduces_the_view_and_bad_parameters_are_noticed() {
    let query = "?admin=ministere-de-l-interieur&promo=dig&skill=nope&zoom=3";
    let (b, port) = dashboard(query, 1280, 1600).await;
    assert_eq!(b.figure("defis").await, "4");
    assert_eq!(b.figure("administrations").await, "4");
    assert_eq!(
        b.js("return document.getElementById('filtre-promo').value")
            .await,
        "dig"
    );
    let notice = b.text(".notice").await;
    assert!(
        notice.contains("skill=nope") && notice.contains("zoom=3"),
        "{notice}"
    );
    // Period: March 2018 only.
    b.open_local(port, "?from=2018-03-01&to=2018-03-31").await;
    wait_for_dashboard(&b).await;
    b.wait_for_figure("journal", "562", "562 entries in March 2018")
        .await;
    assert_eq!(b.figure("defis").await, "13");
    b.finish().await;
}

#[tokio::test]
async fn keyboard_and_pointer_reach_the_values_and_links() {
    let (b, _) = dashboard("", 1280, 1800).await;
    // Keyboard: focus the administrations chart, first bar, Enter filters on it.
    b.focus("#defis-by-administration canvas").await;
    b.js("document.querySelector('#defis-by-administration canvas').dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}))").await;
    b.wait_for_element("#defis-by-administration .tooltip", "a tooltip")
        .await;
    let tooltip = b.text("#defis-by-administration .tooltip").await;
    assert!(
        tooltip.contains("Ministère de l’Intérieur") && tooltip.contains("Défis : 12"),
        "{tooltip}"
    );
    b.js("document.querySelector('#defis-by-administration canvas').dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))").await;
    b.wait_for_figure("defis", "12", "filtered by keyboard")
        .await;

    // Pointer: the real mouse moves over the lower part of the weekly chart until it is on a bar.
    let canvas = b
        .client
        .find(fantoccini::Locator::Css("#journal-weekly canvas"))
        .await
        .unwrap();
    b.js("document.querySelector('#journal-weekly canvas').scrollIntoView({block: 'center'})")
        .await;
    let (_, _, w, h) = canvas.rectangle().await.unwrap();
    for step in 0..30 {
        let x = w * (-0.35 + 0.7 * f64::from(step) / 30.0);
        let moves = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
            element: canvas.clone(),
            duration: None,
            x,
            y: h * 0.35,
        });
        b.client.perform_actions(moves).await.unwrap();
        if b.has("#journal-weekly .tooltip").await {
            break;
        }
    }
    b.wait_for_element("#journal-weekly .tooltip", "a weekly tooltip")
        .await;
    let tooltip = b.text("#journal-weekly .tooltip").await;
    assert!(tooltip.contains("semaine du"), "{tooltip}");

    // Legend: hiding « Production » removes its colour (the light theme's sixth, DSFR's
    // blue-cumulus-main-526, rgb(65, 125, 196)).
    let production = "d[i] === 65 && d[i+1] === 125 && d[i+2] === 196";
    let before = b.pixels("journal-weekly", production).await;
    b.click_legend("journal-weekly", "Production").await;
    b.wait_for_element(
        "#journal-weekly .legend-entry[aria-pressed=false]",
        "a hidden series",
    )
    .await;
    assert!(before > 0.01, "production bars drawn first ({before:.3})");
    b.wait_for_pixels(
        "journal-weekly",
        production,
        "share === 0",
        "the production bars gone",
    )
    .await;
    b.finish().await;
}

#[tokio::test]
async fn a_real_click_on_a_task_mix_bar_opens_its_defi() {
    let (b, _) = dashboard("", 1280, 1800).await;
    // A WebDriver click lands in the middle of the canvas: on some défi's 100 % bar.
    let canvas = b
        .client
        .find(fantoccini::Locator::Css("#journal-mix-by-defi canvas"))
        .await
        .unwrap();
    canvas.click().await.unwrap();
    b.wait_for_element(".defi-panel", "a défi panel after a click on a bar")
        .await;
    assert!(b.text(".defi-panel").await.contains("Journal ("));
    b.finish().await;
}

#[tokio::test]
async fn a_defi_panel_opens_from_the_list_and_the_url() {
    let (b, port) = dashboard("", 1280, 1600).await;
    b.click_in_script("button[data-defi=hopkins]").await;
    b.wait_for_element(".defi-panel", "the panel").await;
    let panel = b.text(".defi-panel").await;
    assert!(
        // Hopkins's rows of the CSV: `python3 scripts/recount-journal.py` (« label 'Hopkins' »).
        panel.contains("Hopkins") && panel.contains("Journal (127)"),
        "{panel}"
    );
    // The posts that name Hopkins (grep -l Hopkins on the blog's files, plus the restitution of
    // its promotion that data/posts.yml adds), by date, each linked to its page on the site.
    assert!(panel.contains("Billets du blog (6)"), "{panel}");
    let posts: Vec<String> = b
        .js("return [...document.querySelectorAll('.defi-posts a')].map(a => a.getAttribute('href'))")
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|href| href.as_str().unwrap().to_string())
        .collect();
    assert_eq!(posts.len(), 6, "{posts:?}");
    assert!(
        posts[0].ends_with("/blog/2018/02/27/bootcamp-comment-souder-un-collectif-de-talents.html")
    );
    assert!(posts[5].ends_with("/blog/2018/12/03/restitution-eig2.html"));
    assert!(b
        .client
        .current_url()
        .await
        .unwrap()
        .query()
        .unwrap_or("")
        .contains("defi=hopkins"));
    b.screenshot("panel-hopkins").await;
    // Escape as the reader presses it: the browser closes its dialog on it.
    b.client
        .active_element()
        .await
        .unwrap()
        .send_keys(&fantoccini::key::Key::Escape.to_string())
        .await
        .unwrap();
    b.wait_for("!document.querySelector('.defi-panel')", "the panel closed")
        .await;
    b.open_local(port, "?defi=adex").await;
    b.wait_for_element(".defi-panel", "the panel from the URL")
        .await;
    assert!(b
        .text(".defi-panel")
        .await
        .contains("Anne Catel — Designer"));
    b.open_local(port, "?defi=enki").await;
    b.wait_for_element(".defi-panel", "a panel of a défi no post names")
        .await;
    assert!(b
        .text(".defi-panel")
        .await
        .contains("Aucun billet du blog ne nomme ce défi."));
    b.finish().await;
}

#[tokio::test]
async fn broken_exports_get_a_clear_french_message_and_a_retry() {
    let port = site();
    let b = open(port, "?data=/broken.json", 1024, 800).await;
    for (query, title, detail) in [
        (
            "?data=/broken.json",
            "Le fichier de données est invalide",
            "JSON illisible",
        ),
        (
            "?data=/v2.json",
            "Le fichier de données est invalide",
            "version de schéma 2 non prise en charge",
        ),
        (
            "?data=/dangling.json",
            "Le fichier de données est invalide",
            "administration inconnue « nulle-part »",
        ),
        (
            "?data=/absent.json",
            "Le fichier de données est introuvable",
            "404",
        ),
        (
            "?data=/error500.json",
            "Le fichier de données est introuvable",
            "500",
        ),
        (
            "?data=http://127.0.0.1:9/export.json",
            "Cette source de données n'est pas autorisée",
            "127.0.0.1:9",
        ),
    ] {
        let text = b.failure_at(port, query).await;
        assert!(
            text.contains(title) && text.contains(detail),
            "{query}: {text}"
        );
        let name = query.trim_start_matches("?data=").trim_start_matches('/');
        assert!(
            text.contains(name) || query.contains("127.0.0.1:9"),
            "{query}: the message names the place: {text}"
        );
        assert!(b.has(".failure button").await, "{query}: a retry button");
    }
    b.screenshot("error-broken").await;
    b.finish().await;
}

#[tokio::test]
async fn english_and_a_phone_screen() {
    let (b, _) = dashboard("?lang=en", 360, 800).await;
    assert_eq!(b.js("return document.documentElement.lang").await, "en");
    assert_eq!(
        b.js("return window.devicePixelRatio").await.as_f64(),
        Some(2.0)
    );
    // HiDPI: the canvas holds twice as many pixels as it shows.
    let backing = b
        .number("return document.querySelector('#journal-weekly canvas').width")
        .await;
    let shown = b
        .number(
            "return document.querySelector('#journal-weekly canvas').getBoundingClientRect().width",
        )
        .await;
    assert!(
        (backing - 2.0 * shown).abs() <= 2.0,
        "canvas {backing} px for {shown} CSS px"
    );
    assert!(b
        .text("#journal-weekly h2")
        .await
        .contains("Weekly journal activity"));
    assert!(b
        .text(".figure[data-figure=journal] .figure-label")
        .await
        .contains("journal entries"));
    assert_eq!(b.figure("code").await, "42%");
    // On a phone the table of contents scrolls away with the page, in English.
    assert_eq!(
        b.js("return getComputedStyle(document.querySelector('nav.contents')).position")
            .await,
        "static"
    );
    assert_eq!(
        b.text("nav.contents a[href='#suivi-2018']").await,
        "2018 follow-up"
    );
    // The filters fold under a summary: a chart is in the first screen.
    assert_eq!(
        b.js("return document.querySelector('.filters-disclosure').open")
            .await,
        false
    );
    assert_eq!(b.text(".filters-summary").await, "Filters (none)");
    let first_plot = b
        .number("return document.querySelector('.chart canvas').getBoundingClientRect().top")
        .await;
    assert!(first_plot < 800.0, "first plot at {first_plot} px");
    b.click(".filters-summary").await;
    b.wait_for(
        "document.querySelector('#filtre-admin').getBoundingClientRect().height > 0",
        "the filters unfolded",
    )
    .await;
    b.choose("filtre-promo", "2").await;
    b.wait_for(
        "document.querySelector('.filters-summary').textContent === 'Filters — EIG 2'",
        "the summary naming the active filter",
    )
    .await;
    let overflow = b
        .number("return document.documentElement.scrollWidth")
        .await;
    let culprits = b
        .js("return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361)
             .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))")
        .await;
    assert!(
        overflow <= 360.0,
        "no horizontal scrolling on a 360 px phone (scrollWidth {overflow}): {culprits}"
    );
    for chart in charts() {
        assert!(b.ink(chart).await > 0.02, "{chart} painted on a phone");
    }
    b.screenshot("phone-360-en").await;
    b.finish().await;
}

/// The export the page loads, read by core as the page reads it.
fn real_cohort() -> eig_pulse_core::Cohort {
    let text = std::fs::read_to_string(dist().join("data/export.json")).unwrap();
    eig_pulse_core::Cohort::new(eig_pulse_core::contract::validate::parse_export(&text).unwrap())
}

/// Waits until the section's opening sentence reads `expected`.
async fn wait_for_opening(b: &Browser, anchor: &str, expected: &str) {
    let condition = format!(
        "document.querySelector('[data-opening={anchor}]') && document.querySelector('[data-opening={anchor}]').textContent === {}",
        serde_json::json!(expected)
    );
    b.wait_for(&condition, &format!("« {expected} » opening #{anchor}"))
        .await;
}

/// Waits until every section opens with core's sentence for `selection` in `lang`.
async fn wait_for_openings(
    b: &Browser,
    cohort: &eig_pulse_core::Cohort,
    selection: &eig_pulse_core::Selection,
    lang: eig_pulse_core::Lang,
) {
    for section in eig_pulse_core::catalogue::Section::ALL {
        let expected = section.opening(cohort, selection, lang);
        wait_for_opening(b, section.anchor(), &expected).await;
    }
}

#[tokio::test]
async fn each_section_opens_with_its_sentence_and_the_contents_lead_there() {
    use eig_pulse_core::catalogue::Section;
    use eig_pulse_core::{Filters, Lang};
    let cohort = real_cohort();
    let port = site();
    let b = open(port, "", 1280, 1800).await;
    wait_for_dashboard(&b).await;

    // The table of contents: the sections in page order, then the défis' list, each entry
    // leading to an element of the page; it stays in view on a wide screen.
    let entries = b
        .js("return [...document.querySelectorAll('nav.contents a')].map(a => [a.getAttribute('href'), a.textContent])")
        .await;
    let expected: Vec<(String, String)> = Section::ALL
        .iter()
        .map(|s| (format!("#{}", s.anchor()), s.title(Lang::Fr).to_string()))
        .chain([(
            "#liste-des-defis".to_string(),
            "Liste des défis".to_string(),
        )])
        .collect();
    assert_eq!(entries, serde_json::json!(expected));
    assert_eq!(
        b.js("return [...document.querySelectorAll('nav.contents a')].map(a => document.querySelector(a.getAttribute('href')) ? 1 : 0).join('')")
            .await,
        "111111"
    );
    assert_eq!(
        b.js("return [...document.querySelectorAll('section.story')].map(s => s.id).join(' ')")
            .await,
        "defis suivi-2018 technologies code-apres ouverture"
    );
    assert_eq!(
        b.js("return getComputedStyle(document.querySelector('nav.contents')).position")
            .await,
        "sticky"
    );
    // Each section's charts are inside it.
    for id in eig_pulse_core::catalogue::ChartId::ALL {
        let section = id.spec().section.anchor();
        let slug = id.slug();
        assert_eq!(
            b.js(&format!(
                "return !!document.querySelector('section#{section} #{slug}')"
            ))
            .await,
            true,
            "{slug} in #{section}"
        );
    }

    // Every section opens with core's sentence for the whole programme.
    let all = cohort.select(&Filters::default());
    wait_for_openings(&b, &cohort, &all, Lang::Fr).await;
    let defis = b.text("[data-opening=defis]").await;
    assert!(defis.starts_with("71 défis de 2017 à 2020"), "{defis}");

    // A window's cited post links to its page on the programme's site.
    b.wait_for_element(
        ".window-sources a[href^='https://entrepreneur-interet-general.etalab.gouv.fr/blog/']",
        "a window's post linked",
    )
    .await;

    // The sentences follow a filter, then the language.
    b.choose("filtre-admin", "ministere-de-l-interieur").await;
    b.wait_for_figure("defis", "12", "12 défis").await;
    let (interior, _) = Filters::from_query("admin=ministere-de-l-interieur", &cohort.export);
    let interior = cohort.select(&interior);
    wait_for_openings(&b, &cohort, &interior, Lang::Fr).await;
    assert!(b
        .text("[data-opening=defis]")
        .await
        .starts_with("12 défis de 2017 à 2020, accueillis par 7 administrations"));
    b.click(".lang-switch").await;
    wait_for_openings(&b, &cohort, &interior, Lang::En).await;
    assert_eq!(
        b.text("nav.contents a[href='#code-apres']").await,
        "The code after the programme"
    );
    b.screenshot("story-1280-en-interieur").await;
    b.finish().await;
}
