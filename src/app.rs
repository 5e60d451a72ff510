//! The page: header, loading and error states around the dashboard, footer with credits.

use std::sync::Arc;

use eig_pulse_core::{Cohort, Lang};
use leptos::prelude::*;

use crate::browser;
use crate::dashboard::Dashboard;
use crate::load::{load_export, LoadFailure};

/// Where the export comes from when the URL does not say (`?data=<url>`).
const DEFAULT_EXPORT: &str = "data/export.json";

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(
        browser::parameter("lang")
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default(),
    );
    provide_context(lang);
    Effect::new(move |_| {
        let code = lang.get().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
    });
    let url = browser::parameter("data")
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_EXPORT.to_string());
    let export = LocalResource::new(move || load_export(url.clone()));
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
