//! Accessibility end to end (RGAA): axe-core in the real page in both schemes and both
//! languages, a keyboard-only walk, the charts' summaries and data tables, the scheme switch.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeMap;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::{json, Value};

use support::{browser, dist, open_drawn, serve, Browser, Routes};

async fn open(port: u16, query: &str, width: u32, height: u32) -> Browser {
    open_drawn(port, query, width, height, 5).await
}

/// The dashboard alone at `query` in a new 1280 × `height` browser, its five charts drawn.
async fn dashboard(query: &str, height: u32) -> Browser {
    open(serve(dist(), Routes::new()), query, 1280, height).await
}

/// Presses one key (with Shift held when `shift`), as a keyboard user would.
async fn press(b: &Browser, key: Key, shift: bool) {
    let mut actions = KeyActions::new("keyboard".into());
    if shift {
        actions = actions.then(KeyAction::Down {
            value: Key::Shift.into(),
        });
    }
    actions = actions
        .then(KeyAction::Down { value: key.into() })
        .then(KeyAction::Up { value: key.into() });
    if shift {
        actions = actions.then(KeyAction::Up {
            value: Key::Shift.into(),
        });
    }
    b.client.perform_actions(actions).await.unwrap();
}

/// Presses `key` (no Shift), then waits until `condition`, a JS expression, is true.
async fn press_until(b: &Browser, key: Key, condition: &str, what: &str) {
    press(b, key, false).await;
    b.wait_for(condition, what).await;
}

/// Describes the focused element: `tag#id.class1.class2 "text"`.
async fn focused(b: &Browser) -> String {
    b.js("const e = document.activeElement; if (!e) return '';
          const cls = typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
          return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + cls + ' \"' + (e.textContent || '').trim().slice(0, 40) + '\"';")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Tabs (at most `limit` times) until the focused element matches `selector`; returns the path.
async fn tab_to(b: &Browser, selector: &str, shift: bool, limit: usize) -> Vec<String> {
    let test = format!(
        "return document.activeElement && document.activeElement.matches({});",
        json!(selector)
    );
    let mut path = Vec::new();
    for _ in 0..limit {
        press(b, Key::Tab, shift).await;
        path.push(focused(b).await);
        if b.js(&test).await == Value::Bool(true) {
            return path;
        }
    }
    panic!("{selector} never got the focus; path: {path:#?}");
}

/// Whether the focused element shows where the focus is (an outline or DSFR's focus ring).
async fn focus_is_visible(b: &Browser) -> bool {
    b.js("const s = getComputedStyle(document.activeElement);
          return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none';")
        .await
        == Value::Bool(true)
}

#[tokio::test]
async fn axe_finds_nothing_serious_in_either_scheme_or_language() {
    let port = serve(dist(), Routes::new());
    for (theme, lang) in [
        ("light", "fr"),
        ("dark", "fr"),
        ("light", "en"),
        ("dark", "en"),
    ] {
        let b = open(
            port,
            &format!("index.html?theme={theme}&lang={lang}"),
            1280,
            2400,
        )
        .await;
        assert_eq!(
            b.js("return document.documentElement.getAttribute('data-fr-theme') + ' ' + document.documentElement.lang").await,
            json!(format!("{theme} {lang}"))
        );
        // A data table open, a filter active: the states a reader reaches.
        b.click("#journal-weekly .table-toggle").await;
        b.wait_for_element("#donnees-journal-weekly table", "the table")
            .await;
        b.choose("filtre-promo", "2").await;
        b.wait_for_element(".active-filters .fr-tag", "the filter's tag")
            .await;
        b.assert_accessible(&format!("{theme}/{lang}")).await;
        b.screenshot(&format!("dashboard-{theme}-{lang}")).await;
        // The embed dialog, too.
        b.click("[data-embed=journal-weekly]").await;
        b.wait_for_element("#embed-snippet", "the dialog").await;
        b.assert_accessible(&format!("{theme}/{lang}, dialog open"))
            .await;
        b.finish().await;
    }
}

/// On a phone (360 px): the folded filters, the key figures scrolling sideways, the charts at
/// their narrowest, in both languages.
#[tokio::test]
async fn axe_finds_nothing_serious_on_a_phone() {
    let port = serve(dist(), Routes::new());
    for query in ["?theme=light", "?theme=dark&lang=en"] {
        let b = open(port, query, 360, 800).await;
        assert!(
            b.number("const k = document.querySelector('.key-figures'); return k.scrollWidth - k.clientWidth")
                .await
                > 0.0,
            "{query}: the key figures scroll sideways"
        );
        b.assert_accessible(&format!("{query} at 360 px")).await;
        b.finish().await;
    }
}

/// The light embed page: its static chart in both schemes and languages and on a phone, then the
/// interactive one.
#[tokio::test]
async fn axe_finds_nothing_serious_in_the_light_embed() {
    let port = serve(dist(), Routes::new());
    let phone = browser(360, 740).await;
    phone
        .open_static(port, "embed.html?chart=defis-by-administration&lang=fr")
        .await;
    phone.assert_accessible("static at 360 px").await;
    phone.finish().await;
    let b = browser(800, 900).await;
    for (theme, lang) in [("light", "fr"), ("dark", "en")] {
        b.open_static(
            port,
            &format!("embed.html?chart=journal-weekly&theme={theme}&lang={lang}"),
        )
        .await;
        b.assert_accessible(&format!("static {theme}/{lang}")).await;
    }
    b.wake_by_focus(".chart-frame img").await;
    b.assert_accessible("interactive").await;
    b.finish().await;
}

#[tokio::test]
async fn a_keyboard_alone_reaches_filters_chart_values_and_tables() {
    let b = dashboard("index.html?theme=light", 1600).await;

    // First stop: the skip link, visibly focused; it leads to the content.
    press(&b, Key::Tab, false).await;
    let first = focused(&b).await;
    assert!(first.contains("skip-link"), "first Tab stop: {first}");
    assert!(focus_is_visible(&b).await, "focus not visible on {first}");
    press(&b, Key::Enter, false).await;
    b.wait_for_focus("#contenu", "focus on the content").await;

    // The filters, in reading order.
    let path = tab_to(&b, "#filtre-admin-recherche", false, 5).await;
    assert_eq!(path.len(), 1, "{path:?}");
    tab_to(&b, "#filtre-admin", false, 2).await;
    tab_to(&b, "#filtre-promo", false, 2).await;
    assert!(focus_is_visible(&b).await);
    press(&b, Key::Down, false).await;
    // A promotion chosen with the arrow key.
    b.wait_for_query("promo=", true).await;
    b.choose("filtre-promo", "").await;
    b.wait_for_query("promo=", false).await;

    // The first chart: its buttons, then its canvas; arrows give each value's tooltip.
    let path = tab_to(&b, "#defis-by-administration canvas", false, 40).await;
    assert!(
        path.iter().any(|p| p.contains("table-toggle")),
        "the data table's button is on the way: {path:#?}"
    );
    assert!(focus_is_visible(&b).await, "canvas focus not visible");
    press(&b, Key::Right, false).await;
    b.wait_for_element(
        "#defis-by-administration .tooltip",
        "a tooltip from the keyboard",
    )
    .await;
    let first_value = b.text("#defis-by-administration .tooltip").await;
    press_until(
        &b,
        Key::Right,
        &format!(
            "document.querySelector('#defis-by-administration .tooltip').textContent !== {}",
            json!(first_value)
        ),
        "the next value's tooltip",
    )
    .await;
    press_until(
        &b,
        Key::Escape,
        "!document.querySelector('#defis-by-administration .tooltip')",
        "the tooltip closed",
    )
    .await;
    // Enter on a bar filters on its administration.
    press(&b, Key::Right, false).await;
    press(&b, Key::Enter, false).await;
    b.wait_for_query("admin=", true).await;

    // Back to the data table's button of that chart, and open it.
    b.focus("#defis-by-administration canvas").await;
    tab_to(&b, "#defis-by-administration .table-toggle", true, 10).await;
    press(&b, Key::Enter, false).await;
    b.wait_for_element("#donnees-defis-by-administration table", "the data table")
        .await;
    assert_eq!(
        b.js("return document.querySelector('#defis-by-administration .table-toggle').getAttribute('aria-expanded')").await,
        json!("true")
    );
    let shape = b
        .js("const t = document.querySelector('#donnees-defis-by-administration table');
             return [t.caption ? t.caption.textContent : '', t.querySelectorAll('thead th[scope=col]').length,
                     t.querySelectorAll('tbody th[scope=row]').length, t.querySelectorAll('tbody tr').length];")
        .await;
    assert!(
        shape[0]
            .as_str()
            .unwrap()
            .starts_with("Défis par administration"),
        "{shape}"
    );
    assert!(shape[1].as_u64().unwrap() >= 2, "{shape}");
    assert_eq!(shape[2], shape[3], "every row has its header: {shape}");
    assert!(shape[2].as_u64().unwrap() >= 1, "{shape}");
    b.finish().await;
}

#[tokio::test]
async fn dialogs_take_the_focus_keep_it_and_give_it_back() {
    let b = dashboard("index.html?theme=light", 1200).await;
    b.focus("[data-embed=journal-weekly]").await;
    press(&b, Key::Enter, false).await;
    b.wait_for_focus("#embed-title", "the focus on the dialog's title")
        .await;
    // The page behind a modal dialog is inert: Tab walks the dialog's controls and, past the
    // last one, the browser's own controls (no element of the page has the focus then, as when
    // the address bar has it), then comes back into the dialog; it never reaches the page.
    for shift in [false, true] {
        let mut previous = String::new();
        for step in 0..12 {
            press(&b, Key::Tab, shift).await;
            let place = b
                .js("const a = document.activeElement;
                     return a && a.closest('dialog[open]') ? 'dialog' : (!a || a === document.body ? 'browser' : 'page');")
                .await;
            let place = place.as_str().unwrap_or_default().to_string();
            assert!(
                place == "dialog" || (place == "browser" && previous != "browser"),
                "Tab {step} (shift {shift}) left the dialog for the {place}: {}",
                focused(&b).await
            );
            previous = place;
        }
    }
    press_until(
        &b,
        Key::Escape,
        "!document.querySelector('#embed-snippet')",
        "the dialog closed",
    )
    .await;
    b.wait_for_focus(
        "[data-embed=journal-weekly]",
        "the focus back on the button that opened it",
    )
    .await;
    b.finish().await;
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian), to find Mondays.
fn days(date: &str) -> i64 {
    let (y, m, d): (i64, i64, i64) = (
        date[0..4].parse().unwrap(),
        date[5..7].parse().unwrap(),
        date[8..10].parse().unwrap(),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[tokio::test]
async fn the_weekly_summary_names_the_busiest_week_in_both_languages() {
    // The busiest week, counted here from the served export (1970-01-01 was a Thursday).
    let export: Value =
        serde_json::from_str(&std::fs::read_to_string(dist().join("data/export.json")).unwrap())
            .unwrap();
    let mut weeks: BTreeMap<i64, (u64, u64)> = BTreeMap::new();
    for entry in export["journal"].as_array().unwrap() {
        let day = days(entry["date"].as_str().unwrap());
        let monday = day - (day + 3).rem_euclid(7);
        let week = weeks.entry(monday).or_default();
        week.0 += 1;
        week.1 += u64::from(
            entry["categories"]
                .as_array()
                .unwrap()
                .contains(&json!("P")),
        );
    }
    let (monday, (entries, production)) = weeks
        .iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.0.cmp(a.0)))
        .unwrap();
    assert_eq!(*monday, days("2018-03-12"));
    let b = dashboard("index.html", 1200).await;
    let french = b.summary("journal-weekly").await;
    let expected = format!(
        "Semaine la plus active : 12 mars 2018, {entries} entrées dont {production} en production."
    );
    assert!(french.contains(&expected), "{french}\nexpected: {expected}");
    assert_eq!(
        b.js("return document.querySelector('#journal-weekly canvas').getAttribute('role')")
            .await,
        json!("img")
    );
    b.click(".lang-switch").await;
    b.wait_for("document.documentElement.lang === 'en'", "English")
        .await;
    let english = b.summary("journal-weekly").await;
    let expected =
        format!("Busiest week: 12 March 2018, {entries} entries, {production} of them production.");
    assert!(
        english.contains(&expected),
        "{english}\nexpected: {expected}"
    );
    // Hiding the production series changes what the summary says.
    b.click_legend("journal-weekly", "Production").await;
    // A summary without the hidden series.
    b.wait_for_summary("journal-weekly", "of them production", false)
        .await;
    b.finish().await;
}

#[tokio::test]
async fn the_scheme_switch_redraws_the_charts_and_stays_in_the_url() {
    let b = dashboard("index.html?theme=light", 1200).await;
    let dark_pixels = "d[i] < 40 && d[i+1] < 40 && d[i+2] < 40";
    assert!(b.pixels("journal-weekly", dark_pixels).await < 0.2);
    b.click("label[for=theme-dark]").await;
    b.wait_for_root("data-fr-theme", "dark").await;
    b.wait_for_query("theme=dark", true).await;
    b.wait_for_pixels(
        "journal-weekly",
        dark_pixels,
        "share > 0.5",
        "the weekly chart redrawn on a dark background",
    )
    .await;
    b.screenshot("scheme-dark").await;
    b.click("label[for=theme-auto]").await;
    b.wait_for_root("data-fr-scheme", "system").await;
    // Headless Chromium prefers light.
    b.wait_for_root("data-fr-theme", "light").await;
    b.finish().await;
}
