//! The export's loading, shared by the dashboard and the embed: the resource (`?data=` or a pinned
//! page's copy, timeout), its loading and failure states, and the notice naming an export that is
//! not the page's own.

use eig_pulse_core::Lang;
use leptos::prelude::*;

use super::load::{
    export_source, load_export, LoadFailure, Loaded, Origin, ALLOWED_ORIGINS, TIMEOUT_SECONDS,
};
use crate::browser::address::{base_uri, parameter};
use crate::browser::light_page::pinned_export;

/// The pinned embed page's copy of its export, else the export named by `?data=` if this build
/// may load it (else a failure saying why), fetched with the timeout (`?timeout=<s>` may only
/// shorten it, for tests); each refetch asks again.
pub fn load() -> (LocalResource<Result<Loaded, LoadFailure>>, Origin) {
    // Relative to the page's base: an embed page under `embed/` names the dashboard's folder.
    let page = base_uri();
    let pinned = pinned_export();
    let asked = pinned.clone().or_else(|| parameter("data"));
    let source = export_source(asked.as_deref(), &page, ALLOWED_ORIGINS);
    let origin = match &source {
        Ok(_) if pinned.is_some() => Origin::Pinned,
        Ok((_, origin)) => origin.clone(),
        Err(_) => Origin::Default,
    };
    let timeout = parameter("timeout")
        .and_then(|t| t.parse::<u32>().ok())
        .map_or(TIMEOUT_SECONDS, |t| t.clamp(1, TIMEOUT_SECONDS));
    let resource = LocalResource::new(move || {
        let source = source.clone();
        async move {
            let (url, _) = source?;
            load_export(url, timeout).await
        }
    });
    (resource, origin)
}

/// A visible notice when the export is not the page's own: its address, as text.
#[component]
pub fn SourceNotice(origin: Origin) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    match origin {
        Origin::Default | Origin::Pinned => None,
        Origin::Other(url) => Some(view! {
            <p class="fr-notice source-notice" role="note">
                {move || lang.get().pick(
                    "Données d'une autre source que celle de ce tableau de bord : ",
                    "Data from another source than this dashboard's: ",
                )}
                <code>{url.clone()}</code>
            </p>
        }),
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    view! {
        <div class="loading" role="status" aria-live="polite">
            <progress aria-hidden="true"></progress>
            <p>{move || lang.get().pick("Chargement des données…", "Loading the data…")}</p>
        </div>
    }
}

#[component]
pub fn Failure(failure: LoadFailure, on_retry: impl Fn() + 'static) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let detail = failure.clone();
    view! {
        <div class="failure fr-alert fr-alert--error" role="alert">
            <h1 class="fr-alert__title">{move || failure.title(lang.get())}</h1>
            <p class="failure-detail">{move || detail.detail(lang.get())}</p>
            <button type="button" class="fr-btn" on:click=move |_| on_retry()>
                {move || lang.get().pick("Réessayer", "Retry")}
            </button>
        </div>
    }
}
