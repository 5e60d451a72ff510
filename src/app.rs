//! The page: header, loading and error states around the dashboard, footer with credits.

use std::sync::Arc;

use eig_pulse_core::chart::ChartId;
use eig_pulse_core::{Cohort, Lang};
use leptos::prelude::*;

use crate::browser;
use crate::dashboard::Dashboard;
use crate::embed::EmbedView;
use crate::load::{load_export, LoadFailure};
use crate::scheme::Scheme;

/// Where the export comes from when the URL does not say (`?data=<url>`).
const DEFAULT_EXPORT: &str = "data/export.json";

#[component]
pub fn App() -> AnyView {
    let lang = RwSignal::new(
        browser::parameter("lang")
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default(),
    );
    provide_context(lang);
    let scheme = RwSignal::new(Scheme::from_parameter(
        browser::parameter("theme").as_deref(),
    ));
    provide_context(scheme);
    Effect::new(move |_| {
        let code = lang.get().code();
        let theme = scheme.get().name();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
            let _ = root.set_attribute("data-theme", theme);
        }
    });
    // `?chart=<id>`: one chart alone, for embedding.
    if let Some(slug) = browser::parameter("chart") {
        return view! { <Embedded slug /> }.into_any();
    }
    let export = LocalResource::new(move || load_export(export_url()));
    let t = move |fr: &'static str, en: &'static str| move || lang.get().pick(fr, en);

    view! {
        <a class="skip-link" href="#contenu">{t("Aller au contenu", "Skip to content")}</a>
        <header class="site-header">
            <div class="brand">
                <p class="brand-title">"EIG Pulse"</p>
                <p class="brand-tagline">{t(
                    "L'avancement technique des défis Entrepreneurs d'intérêt général",
                    "Technical progress of the Entrepreneurs d'intérêt général challenges",
                )}</p>
            </div>
            <button
                class="lang-switch"
                type="button"
                on:click=move |_| {
                    let next = if lang.get() == Lang::Fr { Lang::En } else { Lang::Fr };
                    lang.set(next);
                    browser::replace_parameter("lang", next.code());
                }
            >
                {move || if lang.get() == Lang::Fr { "English" } else { "Français" }}
            </button>
        </header>
        <main id="contenu" tabindex="-1">
            {move || match export.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <Failure failure on_retry=move || export.refetch() /> }.into_any(),
                Some(Ok(data)) => view! { <Dashboard cohort=Arc::new(Cohort::new(data)) /> }.into_any(),
            }}
        </main>
    }
    .into_any()
}

/// The embed page: the export, then one chart (or a clear message for an unknown chart id).
#[component]
fn Embedded(slug: String) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let export = LocalResource::new(move || load_export(export_url()));
    let id = ChartId::from_slug(&slug);
    move || match (id, export.get()) {
        (None, _) => {
            let known: Vec<&str> = ChartId::ALL.iter().map(|c| c.slug()).collect();
            let message = format!(
                "{} « {slug} » ({} {})",
                lang.get().pick("Graphique inconnu", "Unknown chart"),
                lang.get().pick("graphiques :", "charts:"),
                known.join(", ")
            );
            view! { <div class="failure" role="alert"><p>{message}</p></div> }.into_any()
        }
        (_, None) => view! { <Loading /> }.into_any(),
        (_, Some(Err(failure))) => {
            view! { <Failure failure on_retry=move || export.refetch() /> }.into_any()
        }
        (Some(id), Some(Ok(data))) => {
            view! { <EmbedView cohort=Arc::new(Cohort::new(data)) id /> }.into_any()
        }
    }
}

/// The export to show: `?data=<url>`, or the one beside the page.
fn export_url() -> String {
    browser::parameter("data")
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_EXPORT.to_string())
}

#[component]
fn Loading() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    view! {
        <div class="loading" role="status" aria-live="polite">
            <progress aria-hidden="true"></progress>
            <p>{move || lang.get().pick("Chargement des données…", "Loading the data…")}</p>
        </div>
    }
}

#[component]
fn Failure(failure: LoadFailure, on_retry: impl Fn() + 'static) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let detail = failure.clone();
    view! {
        <div class="failure" role="alert">
            <h1>{move || failure.title(lang.get())}</h1>
            <p class="failure-detail">{move || detail.detail(lang.get())}</p>
            <button type="button" class="button" on:click=move |_| on_retry()>
                {move || lang.get().pick("Réessayer", "Retry")}
            </button>
        </div>
    }
}
