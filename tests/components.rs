//! Components and browser-only code, run in headless Chromium by `wasm-bindgen-test`.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use eig_pulse_app::context::scheme::Scheme;
use eig_pulse_app::export::load::{export_source, load_export, FailureKind, Origin};
use eig_pulse_app::parts::chart_view::{ChartView, Surroundings};
use eig_pulse_app::sections::key_figures::{Figures, KeyFiguresView};
use eig_pulse_core::catalogue::{ChartId, Target};
use eig_pulse_core::chart::{draw, Palette};
use eig_pulse_core::contract::validate::parse_export;
use eig_pulse_core::{catalogue, Cohort, Filters, Lang};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXPORT: &str = include_str!("../public/data/export.json");

fn cohort() -> Arc<Cohort> {
    Arc::new(Cohort::new(parse_export(EXPORT).unwrap()))
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets the reactive system run its effects (they are scheduled, not immediate).
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn host() -> web_sys::HtmlElement {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.style().set_property("width", "640px").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

fn ink(canvas: &web_sys::HtmlCanvasElement) -> f64 {
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let data = context
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .unwrap()
        .data();
    let drawn = data
        .chunks(4)
        .filter(|p| p[0] < 235 || p[1] < 235 || p[2] < 235)
        .count();
    drawn as f64 / (data.len() / 4) as f64
}

#[wasm_bindgen_test]
fn the_core_chart_code_paints_a_real_canvas() {
    let cohort = cohort();
    let selection = cohort.select(&Filters::default());
    let chart = catalogue::journal_weekly::journal_weekly(&cohort, &selection, Lang::Fr);
    let canvas: web_sys::HtmlCanvasElement = document()
        .create_element("canvas")
        .unwrap()
        .unchecked_into();
    canvas.set_width(800);
    canvas.set_height(400);
    let area = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        .unwrap()
        .into_drawing_area();
    let hits = draw(&area, &chart, &[], &Palette::light(1.0), Lang::Fr).unwrap();
    area.present().unwrap();
    assert!(hits.len() > 50, "one hit per drawn segment: {}", hits.len());
    assert!(ink(&canvas) > 0.05, "canvas painted: {}", ink(&canvas));
}

#[wasm_bindgen_test]
async fn key_figures_react_to_the_selection() {
    let cohort = cohort();
    let host = host();
    let filters = RwSignal::new(Filters::default());
    let view_cohort = cohort.clone();
    leptos::mount::mount_to(host.clone(), move || {
        provide_context(RwSignal::new(Lang::Fr));
        let select_cohort = view_cohort.clone();
        let selection = Memo::new(move |_| select_cohort.select(&filters.get()));
        let code_cohort = view_cohort.clone();
        view! {
            <KeyFiguresView cohort=view_cohort selection figures=Figures::Page />
            <div id="code-figures"><KeyFiguresView cohort=code_cohort selection figures=Figures::Code /></div>
        }
    })
    .forget();
    tick().await;
    let value = |key: &str| {
        host.query_selector(&format!("[data-figure={key}] .figure-value"))
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(value("defis"), "71");
    assert_eq!(value("code"), "42\u{202F}%");
    // The code's figures stand apart, at the head of their section: 31 repositories scanned.
    let in_code = |key: &str| {
        host.query_selector(&format!("#code-figures [data-figure={key}]"))
            .unwrap()
            .is_some()
    };
    assert!(in_code("repositories") && !in_code("defis"));
    assert_eq!(value("repositories"), "31");
    filters.set(Filters::from_query("admin=ministere-de-l-interieur", &cohort.export).0);
    tick().await;
    assert_eq!(value("defis"), "12");
    // Its journal rows, recounted from the CSV by `python3 scripts/recount-journal.py`.
    assert_eq!(value("journal"), "228");
}

#[wasm_bindgen_test]
async fn a_chart_view_draws_toggles_series_and_follows_keyboard_links() {
    let cohort = cohort();
    let host = host();
    let clicked = RwSignal::new(None::<Target>);
    let chart_cohort = cohort.clone();
    leptos::mount::mount_to(host.clone(), move || {
        provide_context(RwSignal::new(Lang::Fr));
        let all = Filters::default();
        let chart = Memo::new(move |_| {
            let selection = chart_cohort.select(&all);
            catalogue::journal_mix_by_defi::journal_mix_by_defi(&chart_cohort, &selection, Lang::Fr)
        });
        provide_context(RwSignal::new(Scheme::Light));
        let on_target = Callback::new(move |t| clicked.set(Some(t)));
        let around = Surroundings {
            subtitle: Signal::derive(|| None),
            credit: "Source : test".into(),
            embedded: false,
            plain: false,
            on_embed: None,
            on_drawn: None,
        };
        view! { <ChartView id=ChartId::JournalMixByDefi chart on_target around /> }
    })
    .forget();
    tick().await;
    let canvas: web_sys::HtmlCanvasElement = host
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(canvas.width() > 0 && ink(&canvas) > 0.05, "painted");
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
    let legend = host.query_selector_all(".legend-entry").unwrap();
    assert_eq!(legend.length(), 10, "nine categories and « autre »");

    // Hide every series but « Services informatiques » (the seventh): only 8 of the 13 défis
    // have such entries (`python3 scripts/recount-journal.py`, « défis per letter »), so the
    // others' 100 % bars vanish and the canvas loses ink.
    let before = ink(&canvas);
    for i in (0..legend.length()).filter(|&i| i != 6) {
        legend
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
    }
    tick().await;
    let after = ink(&canvas);
    assert!(after < before, "{before} → {after}");
    assert_eq!(
        host.query_selector_all("[aria-pressed=false]")
            .unwrap()
            .length(),
        9
    );

    // Keyboard: first bar, then Enter follows its link to the défi.
    for key in ["ArrowRight", "Enter"] {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let event =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        canvas.dispatch_event(&event).unwrap();
        tick().await;
    }
    assert_eq!(
        clicked.get_untracked(),
        Some(Target::Defi("hopkins".into()))
    );
}

#[wasm_bindgen_test]
async fn load_failures_say_what_and_where() {
    let missing = load_export("/no-such-export.json".into(), 20)
        .await
        .unwrap_err();
    assert!(
        matches!(missing.kind, FailureKind::Http(404, _)),
        "{missing:?}"
    );
    assert!(missing.detail(Lang::Fr).contains("/no-such-export.json"));
    assert_eq!(
        missing.title(Lang::Fr),
        "Le fichier de données est introuvable"
    );
    let unreachable = load_export("http://127.0.0.1:9/export.json".into(), 20)
        .await
        .unwrap_err();
    assert!(
        matches!(unreachable.kind, FailureKind::Network(_)),
        "{unreachable:?}"
    );
    assert!(unreachable
        .detail(Lang::Fr)
        .starts_with("Échec réseau en demandant http://127.0.0.1:9/export.json"));
}

/// `?data=`: the page's own origin, or the build's allowed list; never `data:` or `javascript:`.
#[wasm_bindgen_test]
fn data_sources_are_own_origin_or_allowed() {
    let page = "https://eig.example/pulse/?promo=dig";
    let allowed = Some("https://data.example, https://other.example/");
    let ok = |data: &str| export_source(Some(data), page, allowed);
    assert_eq!(
        export_source(None, page, allowed).unwrap().1,
        Origin::Default
    );
    assert_eq!(ok("data/export.json").unwrap().1, Origin::Default);
    assert_eq!(
        ok("/exports/autre.json").unwrap(),
        (
            "https://eig.example/exports/autre.json".to_string(),
            Origin::Other("https://eig.example/exports/autre.json".into())
        )
    );
    assert!(ok("https://data.example/export.json").is_ok());
    assert!(ok("https://other.example/e.json").is_ok());
    for (data, why) in [
        ("data:application/json,{}", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("blob:https://eig.example/x", "scheme"),
        ("https://evil.example/export.json", "origin"),
        ("//evil.example/export.json", "origin"),
        ("http://eig.example/export.json", "origin"),
        ("https://data.example.evil.example/e.json", "origin"),
    ] {
        let failure = ok(data).unwrap_err();
        assert_eq!(failure.kind, FailureKind::Refused(why), "{data}");
        assert!(failure.detail(Lang::Fr).contains(data), "{data}");
    }
}

/// A panic in any task replaces the page (here a stand-in element, so that the test runner's
/// own output stays) with the message in the reader's language and a reload button.
#[wasm_bindgen_test]
async fn a_panic_shows_a_message_and_a_reload_button() {
    let place = host();
    place.set_text_content(Some("a frozen dashboard"));
    eig_pulse_app::browser::panic_page::install_into(Some(place.clone().into()));
    let _ = document()
        .document_element()
        .unwrap()
        .set_attribute("lang", "fr");
    // Panics in its own task (a timer), as a handler of the real page would.
    let message = "forced by the test";
    let boom = wasm_bindgen::closure::Closure::once_into_js(move || {
        if !message.is_empty() {
            panic!("{message}");
        }
    });
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback_and_timeout_and_arguments_0(boom.unchecked_ref(), 0)
        .unwrap();
    tick().await;
    tick().await;
    let text = place.text_content().unwrap_or_default();
    assert!(
        text.contains("Le tableau de bord s'est arrêté sur une erreur")
            && text.contains("Recharger la page")
            && !text.contains("frozen"),
        "{text}"
    );
    assert!(place
        .query_selector("button.panic-reload")
        .unwrap()
        .is_some());
    assert_eq!(
        place
            .query_selector("[role=alert]")
            .unwrap()
            .map(|e| e.tag_name()),
        Some("MAIN".to_string())
    );
}

/// The défi panel's words are plain data: Hopkins's sheet, in both languages.
#[wasm_bindgen_test]
fn a_defi_sheet_says_its_facts_in_the_language_asked() {
    use eig_pulse_app::words::defi_sheet::defi_sheet;
    let cohort = cohort();
    let hopkins = cohort.defi_index("hopkins").unwrap();
    let french = defi_sheet(&cohort, hopkins, Lang::Fr);
    let english = defi_sheet(&cohort, hopkins, Lang::En);
    // Hopkins's rows of the CSV: `python3 scripts/recount-journal.py` (« label 'Hopkins' »).
    assert_eq!(french.journal_heading, "Journal (127)");
    assert_eq!(french.journal.len(), 127);
    assert!(french
        .team
        .contains(&"Paul Boosz — Data scientist".to_string()));
    // A profile as the team wrote it in French, from its role in English.
    assert!(french
        .team
        .contains(&"Benoît Guigal — Développeur".to_string()));
    assert!(english
        .team
        .contains(&"Benoît Guigal — Developer".to_string()));
    assert_eq!(
        (french.labels.skills, english.labels.skills),
        ("Compétences", "Skills")
    );
    assert_eq!(french.links[0].text, "Code source");
    assert_eq!(english.links[0].text, "Source code");
    assert!(
        french.promotion.starts_with("EIG 2"),
        "{}",
        french.promotion
    );
    assert_eq!(
        french.administrations.last().map(|a| a.name.as_str()),
        Some("Ministère de l’Action et des Comptes publics")
    );
}
