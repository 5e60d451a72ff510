//! The dashboard's static first paint (`eig-pulse page`, written into `index.html` at build time)
//! against the built `dist/`: read alone with JavaScript off; handed over to the interactive page
//! without a layout shift, the reading position and the focus kept; never showing the whole
//! programme's figures under an address that asks for filters without saying so.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use eig_pulse_core::catalogue::ChartId;
use eig_pulse_core::chart::table::grid;
use eig_pulse_core::contract::validate::parse_export;
use eig_pulse_core::measures::key_figures::key_figures;
use eig_pulse_core::measures::scorecard::{openness_scorecard, FIRST_ROWS};
use eig_pulse_core::page::{key_cards, page_words};
use eig_pulse_core::{Cohort, Filters, Lang};
use serde_json::{json, Value};
use support::{browser, browser_without_javascript, dist, serve, Browser, Routes};

/// The built export, as core reads it.
fn cohort() -> Cohort {
    let export = std::fs::read_to_string(dist().join("data/export.json")).unwrap();
    Cohort::new(parse_export(&export).unwrap())
}

/// The dashboard served with its code held back until the test says go (`window.eigPulseGo()`):
/// the static page can be read, scrolled and focused before the hand-over.
fn held_site() -> u16 {
    let start = std::fs::read(dist().join("start.js")).unwrap();
    let mut routes = Routes::new();
    routes.insert(
        "/start.js".into(),
        (
            200,
            "text/javascript; charset=utf-8",
            b"await new Promise((go) => { window.eigPulseGo = go; });\nawait import(\"./start.held.js\");\n"
                .to_vec(),
        ),
    );
    routes.insert(
        "/start.held.js".into(),
        (200, "text/javascript; charset=utf-8", start),
    );
    serve(dist(), routes)
}

/// Opens `query` on a held site and waits for the static page's first plot and fonts.
async fn open_held(port: u16, query: &str, width: u32, height: u32) -> Browser {
    let b = browser(width, height).await;
    b.open_local(port, query).await;
    b.wait_on_first_paint(
        "window.eigPulseTimings && window.eigPulseTimings.staticChart > 0 && document.fonts.status === 'loaded' && typeof window.eigPulseGo === 'function'",
        "the static page's first plot",
    )
    .await;
    b
}

/// Waits until the interactive page has taken over from the static one.
async fn handed_over(b: &Browser) {
    b.wait_for("window.eigPulseTimings.handOver > 0", "the hand-over")
        .await;
}

/// Lets the code held back by [`held_site`] go, and waits for the hand-over.
async fn release(b: &Browser) {
    b.js("window.eigPulseGo()").await;
    handed_over(b).await;
}

/// Whether the first element `selector` finds is laid out and visible.
fn seen(selector: &str) -> String {
    format!(
        "return (e => !!e && e.getBoundingClientRect().height > 0 && getComputedStyle(e).visibility === 'visible')(document.querySelector({}))",
        json!(selector)
    )
}

/// With JavaScript off the static page alone shows every chart — its plot loaded, its summary
/// in words and its table written under it —, the key figures, every row of the scorecard, and
/// says that it shows the whole programme; at 1 280 and 360 px.
#[tokio::test]
async fn without_javascript_every_chart_shows_its_plot_summary_and_table() {
    let port = serve(dist(), Routes::new());
    let cohort = cohort();
    let filters = Filters::default();
    let all = cohort.select(&filters);
    let figures = key_figures(&cohort, &all);
    for (width, height) in [(1280, 900), (360, 780)] {
        let b = browser_without_javascript(width, height).await;
        b.open_local(port, "").await;
        // The first plot at once; the others load as the reader nears them (`loading="lazy"`).
        b.wait_on_first_paint(
            "(i => i.complete && i.naturalWidth > 0)(document.querySelector('figure.chart img.plot'))",
            "the first plot loaded",
        )
        .await;
        assert_eq!(
            b.js("return [...document.querySelectorAll('figure.chart img.plot')].map(i => i.loading === 'lazy')")
                .await,
            json!((0..ChartId::ALL.len()).map(|i| i > 0).collect::<Vec<_>>()),
            "every plot but the first loads lazily"
        );
        assert_eq!(
            b.js("return document.documentElement.getAttribute('data-first-paint')")
                .await,
            Value::Null,
            "no script ran"
        );
        assert_eq!(
            b.js("return document.querySelectorAll('canvas').length")
                .await,
            json!(0),
            "no interactive chart"
        );
        for slug in ChartId::ALL.map(ChartId::slug) {
            let figure = format!("#static-page figure#{slug}");
            b.js(&format!(
                "document.querySelector('{figure} img.plot').scrollIntoView()"
            ))
            .await;
            b.wait_on_first_paint(
                &format!("(i => i.complete && i.naturalWidth > 0)(document.querySelector('{figure} img.plot'))"),
                &format!("{slug}'s plot, reached"),
            )
            .await;
            let plot = b
                .js(&format!(
                    "const i = document.querySelector('{figure} img.plot'); return [i.naturalWidth, i.getBoundingClientRect().height, i.currentSrc, i.alt];"
                ))
                .await;
            assert!(plot[0].as_f64() > Some(0.0), "{slug}: plot loaded {plot}");
            assert!(plot[1].as_f64() > Some(100.0), "{slug}: plot shown {plot}");
            assert!(
                plot[2].as_str().unwrap().contains(".light."),
                "{slug}: the light plot on the light page {plot}"
            );
            assert_eq!(
                b.js(&seen(&format!("{figure} .chart-summary"))).await,
                Value::Bool(true),
                "{slug}: summary shown"
            );
            let summary = b.text(&format!("{figure} .chart-summary")).await;
            assert!(
                summary.starts_with(page_words(Lang::Fr).chart_summary)
                    && summary.contains(plot[3].as_str().unwrap()),
                "{slug}: {summary}"
            );
            // The table: a row per row of the grid core writes from the same export, and a head.
            let rows = b
                .js(&format!(
                    "return [...document.querySelectorAll('{figure} table tr')].filter(r => r.getBoundingClientRect().height > 0).length"
                ))
                .await;
            let id = ChartId::from_slug(slug).unwrap();
            let chart = id.build(&cohort, &all, &filters, Lang::Fr);
            let expected = grid(&chart, &[], Lang::Fr).rows.len() + 1;
            assert_eq!(rows.as_u64(), Some(expected as u64), "{slug}: table shown");
        }
        assert_eq!(b.figure("defis").await, figures.defis.to_string());
        assert_eq!(
            b.js(&seen(".figure[data-figure=defis] .figure-value"))
                .await,
            Value::Bool(true),
            "key figures shown"
        );
        let rows = b
            .js("return [...document.querySelectorAll('#openness-scorecard tbody tr')].filter(r => r.getBoundingClientRect().height > 0).length")
            .await;
        let card = openness_scorecard(&cohort, &all, Lang::Fr);
        assert_eq!(rows.as_u64(), Some(card.rows.len() as u64), "every row");
        for control in [
            "#openness-scorecard .all-rows",
            ".chart-tools",
            "#filtre-promo",
        ] {
            assert_eq!(
                b.js(&seen(control)).await,
                Value::Bool(false),
                "{control}: no control that needs the code"
            );
        }
        assert_eq!(
            b.text("#filtres .notice").await,
            page_words(Lang::Fr).without_code
        );
        b.screenshot(&format!("first-paint-without-javascript-{width}"))
            .await;
        b.js("document.querySelector('#journal-weekly').scrollIntoView()")
            .await;
        b.screenshot(&format!("first-paint-without-javascript-{width}-chart"))
            .await;
        b.finish().await;
    }
}

/// The page as it stands: scroll position, focused control, and each chart's, card's and
/// section's box, by id (in the static page while it is there).
const READ_PAGE: &str = "const root = document.getElementById('static-page') || document;
    const boxes = {};
    for (const e of root.querySelectorAll('figure[id], section[id], .figure[data-figure], footer')) {
      const r = e.getBoundingClientRect();
      boxes[e.id || e.dataset.figure || e.className] = [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
    }
    const a = document.activeElement;
    const focused = a ? [a.closest('[id]') && a.closest('[id]').id, a.tagName, a.className, !!a.closest('#static-page')] : null;
    return { scroll: Math.round(scrollY), boxes, focused };";

/// The code (glue and wasm) and the export are asked for once the static page's first frame is
/// drawn, not beside the stylesheets and plots that frame waits for: on a slow line the first
/// paint has the line to itself (Lighthouse mobile counted the wasm's download in the static
/// page's LCP: 5.8 s).
#[tokio::test]
async fn the_code_is_asked_for_once_the_static_page_is_painted() {
    let port = serve(dist(), Routes::new());
    let b = browser(1280, 800).await;
    b.open_local(port, "").await;
    handed_over(&b).await;
    let times = b
        .js("const code = performance.getEntriesByType('resource')
              .filter(e => /(_bg\\.wasm|eig-pulse-app-[0-9a-f]+\\.js|data\\/export\\.json)$/.test(e.name));
            return { firstFrame: window.eigPulseTimings.firstFrame, code: code.map(e => [e.name.split('/').pop(), e.startTime]) };")
        .await;
    let first_frame = times["firstFrame"].as_f64().unwrap();
    let code = times["code"].as_array().unwrap();
    assert_eq!(code.len(), 3, "glue, wasm and export: {times}");
    for asked in code {
        assert!(
            asked[1].as_f64().unwrap() > first_frame,
            "{} asked for before the first frame: {times}",
            asked[0]
        );
    }
    b.finish().await;
}

/// An address asking for English gets the English page (`en.html`), query and fragment kept, with
/// its own static first paint in English, which the code (held until then) takes over in
/// English, the page where the reader left it; `en.html?lang=fr` leads back to the French page.
/// Without JavaScript `en.html` is the English static page alone.
#[tokio::test]
async fn an_english_address_gets_the_english_static_page() {
    let port = held_site();
    let title = |lang| eig_pulse_core::catalogue::Section::ALL[0].title(lang);
    let cohort = cohort();
    let english_cards = key_cards(&cohort, &cohort.select(&Filters::default()), Lang::En);
    assert_eq!(english_cards[0].key, "defis");
    let b = open_held(port, "?lang=en&theme=light#technologies", 1280, 900).await;
    assert_eq!(
        b.js("return [location.pathname, location.search, location.hash, document.documentElement.lang, document.documentElement.getAttribute('data-first-paint'), document.title]")
            .await,
        json!(["/en.html", "?lang=en&theme=light", "#technologies", "en", "static", page_words(Lang::En).page_title])
    );
    assert_eq!(
        visible_text(&b, "#static-page section.story h2")
            .await
            .as_deref(),
        Some(title(Lang::En))
    );
    assert_eq!(
        b.js("return document.querySelector('#static-page .figure[data-figure=defis] .figure-label').textContent")
            .await,
        json!(english_cards[0].label)
    );
    let before = b.number("return window.scrollY").await;
    assert!(before > 500.0, "at the fragment: {before}");
    release(&b).await;
    assert_eq!(
        b.js("return [document.documentElement.lang, document.querySelector('section.story h2').textContent]")
            .await,
        json!(["en", title(Lang::En)])
    );
    let after = b.number("return window.scrollY").await;
    assert!(
        (after - before).abs() <= 1.0,
        "scroll kept: {before} → {after}"
    );
    b.finish().await;

    let b = open_held(port, "en.html?lang=fr", 1280, 900).await;
    assert_eq!(
        b.js("return [location.pathname, location.search, document.documentElement.lang, document.querySelector('#static-page section.story h2').textContent]")
            .await,
        json!(["/", "?lang=fr", "fr", title(Lang::Fr)])
    );
    // Its language button, before the code arrives: the English page, at once.
    b.js("document.querySelector('#static-page .lang-switch').click()")
        .await;
    b.wait_on_first_paint(
        "location.pathname === '/en.html' && location.search === '?lang=en' && document.documentElement.getAttribute('data-first-paint') === 'static' && window.eigPulseTimings && window.eigPulseTimings.staticChart > 0",
        "the English static page",
    )
    .await;
    b.finish().await;

    // As the code reads `?lang=`: any case; an unknown one leaves the page's own language.
    let b = open_held(port, "?lang=EN", 1280, 900).await;
    assert_eq!(
        b.js("return [location.pathname, document.documentElement.lang]")
            .await,
        json!(["/en.html", "en"])
    );
    b.finish().await;
    let b = open_held(port, "en.html?lang=xx", 1280, 900).await;
    release(&b).await;
    assert_eq!(
        b.js("return [location.pathname, document.documentElement.lang, document.querySelector('section.story h2').textContent]")
            .await,
        json!(["/en.html", "en", title(Lang::En)])
    );
    b.finish().await;

    let b = browser_without_javascript(1280, 900).await;
    b.goto(&format!("http://127.0.0.1:{port}/en.html")).await;
    assert_eq!(
        b.js("return [document.documentElement.lang, document.querySelector('#static-page section.story h2').textContent, document.querySelectorAll('#static-page picture').length > 10]")
            .await,
        json!(["en", title(Lang::En), true])
    );
    b.finish().await;
}

/// The static page as a reader sees it before the code arrives (the code held back), in both
/// schemes and languages, and folded on a phone: axe-core finds nothing, as in the interactive page.
#[tokio::test]
async fn axe_finds_nothing_serious_in_the_static_page() {
    let port = held_site();
    for (query, width) in [
        ("?theme=light", 1280),
        ("en.html?theme=dark", 1280),
        ("?theme=dark&promo=3", 1280),
        ("en.html?theme=light", 360),
    ] {
        let b = open_held(port, query, width, 900).await;
        assert!(
            b.js("return !!document.getElementById('static-page') && !document.querySelector('.dashboard:not(#static-page .dashboard)')")
                .await
                .as_bool()
                .unwrap(),
            "{query}: the static page alone"
        );
        b.assert_accessible(&format!("{query} at {width} px")).await;
        b.finish().await;
    }
}

/// A host that answers every address with `index.html` (a catch-all rewrite, `en.html` not
/// deployed): `?lang=en` sends the reader once, and the page it lands on, French, leaves its
/// static paint out; the interactive page is in English.
#[tokio::test]
async fn a_host_without_the_english_page_sends_the_reader_once() {
    let mut routes = Routes::new();
    routes.insert(
        "/en.html".into(),
        (
            200,
            "text/html; charset=utf-8",
            std::fs::read(dist().join("index.html")).unwrap(),
        ),
    );
    let port = serve(dist(), routes);
    let b = browser(1280, 900).await;
    b.open_local(port, "?lang=en").await;
    b.wait_on_first_paint(
        "location.pathname === '/en.html' && document.documentElement.getAttribute('data-first-paint') === 'off'",
        "the French page, its static paint left out",
    )
    .await;
    handed_over(&b).await;
    assert_eq!(
        b.js("return [location.pathname, location.search, document.documentElement.lang, document.querySelector('section.story h2').textContent, window.scrollY, sessionStorage.length]")
            .await,
        json!(["/en.html", "?lang=en", "en", eig_pulse_core::catalogue::Section::ALL[0].title(Lang::En), 0, 0])
    );
    b.finish().await;
}

/// On a phone, page-head.js marks the page before its first paint and the stylesheet folds the
/// filters; page.js closes their `<details>` later, after the first paint on a slow phone. Marked
/// and closed, the form takes the same room: closing it moves nothing below (it moved the page
/// 12 px up, a layout shift of 0.009 in Lighthouse's mobile run).
#[tokio::test]
async fn on_a_phone_the_filters_fold_without_moving_the_page() {
    let port = serve(dist(), Routes::new());
    let b = browser_without_javascript(360, 780).await;
    b.open_local(port, "").await;
    let heights = b
        .js("const root = document.documentElement;
            const form = document.querySelector('#static-page .filters');
            const details = form.querySelector('details.filters-disclosure');
            const height = () => form.getBoundingClientRect().height;
            const open = height();
            root.setAttribute('data-first-paint', 'static');
            root.setAttribute('data-fold-filters', '');
            const marked = height();
            details.open = false;
            root.removeAttribute('data-fold-filters');
            return [open, marked, height()];")
        .await;
    let [open, marked, closed] = [0, 1, 2].map(|i| heights[i].as_f64().unwrap());
    assert!(closed < open, "closing the filters folds them: {heights}");
    assert!(
        (marked - closed).abs() < 0.5,
        "marked {marked} px, closed {closed} px"
    );
    b.finish().await;
}

/// The hand-over moves nothing: the layout shifts it causes sum to at most 0.01, the reading
/// position and the focused control are kept, every box stays where it was; at 1 280 and 360 px.
#[tokio::test]
async fn the_hand_over_keeps_the_layout_the_reading_position_and_the_focus() {
    let port = held_site();
    for (width, height) in [(1280, 800), (360, 780)] {
        let b = open_held(port, "", width, height).await;
        b.screenshot(&format!("first-paint-static-{width}")).await;
        // With scripts, the scorecard's hidden rows are only text (its <noscript> twin): they
        // cost no layout before the hand-over.
        let rows = b
            .js("return document.querySelectorAll('#static-page #openness-scorecard tr[data-defi]').length")
            .await;
        assert_eq!(
            rows.as_u64(),
            Some(FIRST_ROWS as u64),
            "{width}: scorecard rows laid out"
        );
        // The reader is down in the journal's section, on its chart's « Voir les données ».
        b.js("const f = document.querySelector('#static-page #journal-weekly'); window.scrollTo(0, f.getBoundingClientRect().top + scrollY - 120); f.querySelector('.table-toggle').focus({ preventScroll: true });")
            .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        b.js("window.eigPulseShifts = []; new PerformanceObserver(l => l.getEntries().forEach(e => window.eigPulseShifts.push([e.value, e.hadRecentInput, e.sources.map(s => s.node && (s.node.id || s.node.className)).join(' ')]))).observe({ type: 'layout-shift' });")
            .await;
        let before = b.js(READ_PAGE).await;
        let toggle = "fr-btn fr-btn--secondary fr-btn--sm tool table-toggle";
        assert_eq!(
            before["focused"],
            json!(["journal-weekly", "BUTTON", toggle, true]),
            "{width}: focused in the static page"
        );
        release(&b).await;
        // Layout shifts are reported after the frame they happen in.
        tokio::time::sleep(Duration::from_millis(700)).await;
        let after = b.js(READ_PAGE).await;
        let shifts = b.js("return window.eigPulseShifts").await;
        let total: f64 = shifts
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s[1] == Value::Bool(false))
            .map(|s| s[0].as_f64().unwrap())
            .sum();
        println!("{width} px: layout shift through the hand-over {total:.4} ({shifts})");
        assert!(total <= 0.01, "{width}: {total} ({shifts})");
        assert_eq!(
            after["focused"],
            json!(["journal-weekly", "BUTTON", toggle, false]),
            "{width}: the same control focused in the interactive page"
        );
        let (before_boxes, after_boxes) = (
            before["boxes"].as_object().unwrap(),
            after["boxes"].as_object().unwrap(),
        );
        assert!(before_boxes.len() >= 25, "{width}: {before_boxes:?}");
        let mut moved = Vec::new();
        for (key, was) in before_boxes {
            let now = &after_boxes[key];
            let most = (0..4)
                .map(|i| (was[i].as_f64().unwrap() - now[i].as_f64().unwrap()).abs())
                .fold(0.0, f64::max);
            if most > 1.0 {
                moved.push(format!("{key}: {was} → {now}"));
            }
        }
        assert!(moved.is_empty(), "{width}: moved {moved:#?}");
        assert_eq!(
            after["scroll"], before["scroll"],
            "{width}: reading position"
        );
        // Every chart is the interactive one now.
        assert_eq!(
            b.count("figure.chart canvas").await,
            ChartId::ALL.len(),
            "{width}"
        );
        b.screenshot(&format!("first-paint-handed-over-{width}"))
            .await;
        b.finish().await;
    }
}

/// A value shown in the page, if it is visible.
async fn visible_text(b: &Browser, selector: &str) -> Option<String> {
    let found = b
        .js(&format!(
            "const e = document.querySelector({}); return e && getComputedStyle(e).visibility === 'visible' && e.getBoundingClientRect().height > 0 ? e.textContent : null;",
            json!(selector)
        ))
        .await;
    found.as_str().map(str::to_string)
}

/// An address with filters shows the static page marked as loading them — said at the top,
/// busy, every number and sentence of the whole programme hidden and the plots greyed — until
/// the interactive page draws the filtered figures; the form, sent before the code arrives,
/// leads there with the address's query.
#[tokio::test]
async fn an_address_with_filters_never_shows_the_whole_programme_as_filtered() {
    let port = held_site();
    let cohort = cohort();
    let (filters, ignored) = Filters::from_query("promo=3", &cohort.export);
    assert!(ignored.is_empty());
    let filtered = key_figures(&cohort, &cohort.select(&filters));
    let all = key_figures(&cohort, &cohort.select(&Filters::default()));
    assert_ne!(filtered.defis, all.defis);
    let b = open_held(port, "?promo=3", 1280, 900).await;
    assert_eq!(
        b.js("return document.documentElement.getAttribute('data-first-paint')")
            .await,
        json!("filtered")
    );
    assert_eq!(
        visible_text(&b, "#static-page .loading-filters")
            .await
            .as_deref(),
        Some(page_words(Lang::Fr).loading_filters)
    );
    assert_eq!(
        b.js("return document.querySelector('#static-page main').getAttribute('aria-busy')")
            .await,
        json!("true")
    );
    for hidden in [
        ".figure[data-figure=defis] .figure-value",
        ".story-opening",
        "#defis-by-administration .legend",
        ".promotion-windows",
        "#openness-scorecard .fr-table",
        ".defi-list ul",
    ] {
        assert_eq!(
            visible_text(&b, &format!("#static-page {hidden}")).await,
            None,
            "{hidden} hidden while the filters load"
        );
    }
    let opacity = b
        .number("return parseFloat(getComputedStyle(document.querySelector('#static-page #journal-weekly .chart-frame')).opacity)")
        .await;
    assert!(opacity <= 0.2, "plots greyed: {opacity}");
    assert_eq!(
        b.js("return document.querySelector('#static-page #filtre-promo').value")
            .await,
        json!("3"),
        "the form says the address's filter"
    );
    b.screenshot("first-paint-filtered-1280").await;
    b.js("window.eigPulseGo()").await;
    b.wait_for_figure("defis", &filtered.defis.to_string(), "EIG 3's défis")
        .await;
    b.finish().await;

    // The form before the code arrives: a change sends the address's query, empty fields left out.
    let b = open_held(port, "?theme=light", 1280, 900).await;
    b.js("const s = document.querySelector('#static-page #filtre-promo'); s.value = '3'; s.dispatchEvent(new Event('change', { bubbles: true }));")
        .await;
    b.wait_on_first_paint(
        "location.search === '?theme=light&promo=3' && document.documentElement.getAttribute('data-first-paint') === 'filtered'",
        "the filtered address",
    )
    .await;
    b.finish().await;
}
