//! The « Intégrer » dialog: the snippet that embeds a chart with the current filters in a blog
//! post, in the form the writer chooses (HTML, Jekyll include with its file, kramdown line: core's
//! `contract::snippet` writes them), its figures pinned to this export's version (the default) or
//! always current, the still-image command folded for the technical team, and a live preview
//! whose reported height — or that of its hidden phone-wide twin, when taller — the snippet
//! reserves.

use std::sync::Arc;

use eig_pulse_core::catalogue::ChartId;
use eig_pulse_core::contract::pinned::{always_current, choice_label, ExportVersion};
use eig_pulse_core::contract::snippet::{
    jekyll_include, Embed, SnippetForm, DEFAULT_FRAME_HEIGHT, INCLUDE_FILE, INCLUDE_PATH,
};
use eig_pulse_core::model::filter::query_string;
use eig_pulse_core::{tr, Cohort, Filters, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::browser::address::{origin, site_folder};
use crate::browser::host_message::reported_height;
use crate::context::scheme::SchemePreference;
use crate::parts::modal::Modal;

/// The dialog that writes the embed snippet for the current filters, with a live preview.
#[component]
pub fn EmbedDialog(
    cohort: Arc<Cohort>,
    embedding: RwSignal<Option<ChartId>>,
    filters: RwSignal<Filters>,
    /// The export's version, when it has pinned pages (the build's own export).
    version: Option<ExportVersion>,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    // A post's figures stay those it was written with, unless the writer asks otherwise.
    let pinned = RwSignal::new(version.is_some());
    let version_name = StoredValue::new(version.as_ref().map(|v| v.name.clone()));
    let scheme_preference = RwSignal::new(SchemePreference::System);
    // None: the page's language, followed as it changes.
    let embed_lang = RwSignal::new(None::<Lang>);
    let plain = RwSignal::new(false);
    let form = RwSignal::new(SnippetForm::Html);
    let copied = RwSignal::new(false);
    // The heights the preview and a hidden phone-wide twin report (like any embed): the snippet
    // reserves the taller, so that the host page does not move when the chart arrives and a phone
    // sees the whole chart even where the host blocks embed.js.
    let preview_height = RwSignal::new(DEFAULT_FRAME_HEIGHT);
    let phone_height = RwSignal::new(DEFAULT_FRAME_HEIGHT);
    let phone_frame = NodeRef::<leptos::html::Iframe>::new();
    let _ = window_event_listener(leptos::ev::message, move |ev| {
        let Some(id) = embedding.get_untracked() else {
            return;
        };
        if ev.origin() != origin() {
            return;
        }
        let Some(height) = reported_height(&ev.data(), id.slug()) else {
            return;
        };
        let from_phone = phone_frame.get_untracked().is_some_and(|frame| {
            match (frame.content_window(), ev.source()) {
                (Some(phone), Some(source)) => JsValue::from(phone) == JsValue::from(source),
                _ => false,
            }
        });
        if from_phone {
            phone_height.set(height + phone_plot_growth(phone_frame));
        } else {
            preview_height.set(height);
        }
    });
    let modal = Modal::opened_on_mount();
    // Another chart, filter or option: both previews load again, and say their heights anew.
    Effect::new(move |_| {
        embedding.track();
        filters.track();
        scheme_preference.track();
        embed_lang.track();
        plain.track();
        pinned.track();
        lang.track();
        preview_height.set(DEFAULT_FRAME_HEIGHT);
        phone_height.set(DEFAULT_FRAME_HEIGHT);
    });
    let closed = move || {
        embedding.set(None);
        copied.set(false);
    };
    // The chart's own light page (`eig-pulse embeds`) with the chosen options; its height is the
    // previews' business (the previews' address does not follow it).
    let embed = move |id: ChartId| {
        let page_lang = embed_lang.get().unwrap_or_else(|| lang.get());
        Embed {
            base: site_folder(),
            chart: id.slug().to_string(),
            lang: page_lang,
            filters: query_string(&filters.get().to_pairs()),
            theme: scheme_preference.get().parameter().to_string(),
            plain: plain.get(),
            height: DEFAULT_FRAME_HEIGHT,
            title: format!("{} — EIG Pulse", id.spec().title.get(page_lang)),
            version: version_name.get_value().filter(|_| pinned.get()),
        }
    };
    let url = move |id: ChartId| embed(id).address();
    let snippet = move |id: ChartId| {
        let height = preview_height.get().max(phone_height.get());
        form.get().write(&Embed {
            height,
            ..embed(id)
        })
    };
    let command = move |id: ChartId| filters.with(|f| f.render_command(id.slug()));
    let cohort_for_words = cohort.clone();
    move || {
        let id = embedding.get()?;
        let lang_now = lang.get();
        let filtered = filters.with(|f| f.describe(&cohort_for_words, lang_now));
        let copy = move |_| {
            let text = snippet(id);
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&text);
            }
            copied.set(true);
        };
        Some(view! {
            <dialog
                class="embed-dialog fr-modal__body"
                node_ref=modal.node_ref()
                aria-labelledby="embed-title"
                on:close=move |_| closed()
                on:click=move |ev| modal.close_on_backdrop(&ev)
            >
                <div class="fr-modal__header">
                    <button type="button" class="fr-btn--close fr-btn panel-close" on:click=move |_| modal.close() title=lang_now.pick("Fermer la fenêtre", "Close the window")>{lang_now.pick("Fermer", "Close")}</button>
                </div>
                <h2 id="embed-title" class="fr-modal__title" tabindex="-1" autofocus>{tr!(lang_now, "Intégrer « {} »", "Embed \"{}\"", id.spec().title.get(lang_now))}</h2>
                <p>{filtered.map_or_else(
                    || lang_now.pick("Sans filtre.", "No filter.").to_string(),
                    |f| format!("{} {f}", lang_now.pick("Filtres actuels :", "Current filters:")),
                )}</p>
                <div class="embed-options">
                    <label>
                        {lang_now.pick("Thème", "Theme")}" "
                        <select
                            class="fr-select"
                            prop:value=move || scheme_preference.get().parameter()
                            on:change=move |ev| scheme_preference.set(SchemePreference::from_parameter(Some(&event_target_value(&ev))))
                        >
                            {[SchemePreference::System, SchemePreference::Light, SchemePreference::Dark].map(|p| view! {
                                <option value=p.parameter()>{p.label(lang_now)}</option>
                            })}
                        </select>
                    </label>
                    <label>
                        {lang_now.pick("Langue", "Language")}" "
                        <select
                            class="fr-select"
                            prop:value=move || embed_lang.get().unwrap_or_else(|| lang.get()).code()
                            on:change=move |ev| embed_lang.set(Lang::parse(&event_target_value(&ev)))
                        >
                            {[Lang::Fr, Lang::En].map(|l| view! { <option value=l.code()>{l.name()}</option> })}
                        </select>
                    </label>
                    {version.clone().map(|version| view! {
                        <label>
                            {choice_label(lang_now)}" "
                            <select id="embed-pinning" class="fr-select" prop:value=move || if pinned.get() { "pinned" } else { "current" } on:change=move |ev| pinned.set(event_target_value(&ev) == "pinned")>
                                <option value="pinned">{version.choice(lang_now)}</option>
                                <option value="current">{always_current(lang_now)}</option>
                            </select>
                        </label>
                    })}
                    <label>
                        {lang_now.pick("Forme du code", "Code format")}" "
                        <select
                            id="embed-form"
                            class="fr-select"
                            prop:value=move || form.get().parameter()
                            on:change=move |ev| { form.set(SnippetForm::from_parameter(&event_target_value(&ev))); copied.set(false); }
                        >
                            {SnippetForm::ALL.map(|f| view! { <option value=f.parameter()>{f.label(lang_now)}</option> })}
                        </select>
                    </label>
                    <label class="embed-check">
                        <input type="checkbox" prop:checked=move || plain.get() on:change=move |ev| plain.set(event_target_checked(&ev)) />
                        " "{lang_now.pick("graphique seul (sans titre ni crédit)", "chart only (no title or credit)")}
                    </label>
                </div>
                <label class="fr-label" for="embed-snippet">{lang_now.pick("Code à coller dans l'article", "Code to paste in the post")}</label>
                <textarea id="embed-snippet" class="fr-input" readonly rows="6" prop:value=move || snippet(id)></textarea>
                <p>
                    <button type="button" class="fr-btn" on:click=copy>{lang_now.pick("Copier le code", "Copy the code")}</button>
                    " "<span role="status">{move || copied.get().then(|| lang_now.pick("Copié.", "Copied."))}</span>
                </p>
                <p class="embed-help">{move || form.get().advice(lang_now)}</p>
                {move || (form.get() == SnippetForm::JekyllInclude).then(|| view! {
                    <label class="fr-label" for="embed-include">{tr!(lang_now, "Le fichier {} à déposer dans _includes/", "The {} file to drop in _includes/", INCLUDE_FILE)}</label>
                    <textarea id="embed-include" class="fr-input" readonly rows="6" prop:value=jekyll_include()></textarea>
                    <p><a class="fr-link fr-link--download" href=format!("{}{INCLUDE_PATH}", site_folder()) download=INCLUDE_FILE>{tr!(lang_now, "Télécharger {}", "Download {}", INCLUDE_FILE)}</a></p>
                })}
                <p class="embed-help">
                    {lang_now.pick(
                        "Sans JavaScript, l'image de repli montre le graphique sans filtre. Pour une image fixe avec ces filtres (diapositives, flux RSS), téléchargez-la en SVG ou en PNG avec les boutons du graphique.",
                        "Without JavaScript, the fallback image shows the unfiltered chart. For a still image with these filters (slides, RSS feeds), download it as SVG or PNG with the chart's buttons.",
                    )}
                </p>
                // The same image from the exporter, for whoever builds pages or feeds: folded, a
                // writer has nothing to run.
                <details class="embed-cli">
                    <summary>{lang_now.pick("La même image en ligne de commande (équipe technique)", "The same image from the command line (technical team)")}</summary>
                    <code class="embed-command">{command(id)}</code>
                </details>
                <h3>{lang_now.pick("Aperçu", "Preview")}</h3>
                <iframe data-eig-pulse class="embed-preview" tabindex="-1" src=move || url(id) title=lang_now.pick("Aperçu de l'intégration", "Embed preview") height="420"></iframe>
                <iframe class="embed-preview-phone" node_ref=phone_frame tabindex="-1" aria-hidden="true" src=move || url(id) title=lang_now.pick("Aperçu à la largeur d'un téléphone", "Preview at a phone's width")></iframe>
            </dialog>
        })
    }
}

/// The narrowest and widest column a phone gives a frame: a 360 px screen less a host's margins,
/// and the whole screen. The phone-wide twin is laid out at the narrowest (`.embed-preview-phone`).
const NARROWEST_PHONE_COLUMN: f64 = 320.0;
const WIDEST_PHONE_COLUMN: f64 = 360.0;

/// What the twin's plot would grow by in the widest phone column: the text takes the most lines
/// in the narrowest, the plot (which keeps its aspect) is tallest in the widest, and the snippet's
/// height must hold both wherever the host puts the frame.
fn phone_plot_growth(phone_frame: NodeRef<leptos::html::Iframe>) -> u32 {
    let plot = phone_frame
        .get_untracked()
        .and_then(|frame| frame.content_document())
        .and_then(|document| document.query_selector(".chart-frame").ok().flatten())
        .map_or(0.0, |plot| plot.get_bounding_client_rect().height());
    // A height in whole pixels, small and positive.
    (plot * (WIDEST_PHONE_COLUMN / NARROWEST_PHONE_COLUMN - 1.0))
        .ceil()
        .clamp(0.0, 10_000.0) as u32
}
