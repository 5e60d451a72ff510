//! The page: header, loading and error states around the dashboard, footer with credits.

use std::sync::Arc;

use eig_pulse_core::contract::export::Source;
use eig_pulse_core::page::{self, page_words};
use eig_pulse_core::{base::format, tr, Cohort, Lang};
use leptos::prelude::*;

use crate::browser::address::{current_address, parameter, replace_parameter};
use crate::browser::clock::today;
use crate::browser::first_paint::hand_over;
use crate::browser::light_page::{asked_lang, embedded_chart};
use crate::context::fonts::FontsLoaded;
use crate::context::printing::Printing;
use crate::context::scheme::{self, Scheme, SchemePreference};
use crate::export::load::Origin;
use crate::export::states::{load, Failure, Loading, SourceNotice};
use crate::views::dashboard::Dashboard;
use crate::views::embed_page::Embedded;

#[component]
pub fn App() -> AnyView {
    let lang = RwSignal::new(asked_lang().unwrap_or_default());
    provide_context(lang);
    let preference = RwSignal::new(SchemePreference::from_parameter(
        parameter("theme").as_deref(),
    ));
    let printing = Printing::provide();
    let surroundings_dark = RwSignal::new(false);
    surroundings_dark.set(scheme::watch_surroundings(move |dark| {
        surroundings_dark.set(dark);
    }));
    let scheme = RwSignal::new(
        preference
            .get_untracked()
            .resolve(surroundings_dark.get_untracked()),
    );
    provide_context(scheme);
    Effect::new(move |_| {
        // Paper is light: a dark page would print as blocks of ink.
        let resolved = if printing.get() {
            Scheme::Light
        } else {
            preference.get().resolve(surroundings_dark.get())
        };
        scheme::apply(preference.get(), resolved);
        if scheme.get_untracked() != resolved {
            scheme.set(resolved);
        }
    });
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document().set_title(page_words(lang).page_title);
    });
    // Charts are drawn with Marianne: draw them again once the font has arrived.
    FontsLoaded::provide();

    // `?chart=<id>`: one chart alone, for embedding.
    if let Some(slug) = embedded_chart() {
        hand_over();
        return view! { <Embedded slug /> }.into_any();
    }
    let (export, origin) = load();
    let own_export = origin == Origin::Default;
    let credits = Signal::derive(move || {
        export.with(|loaded| match loaded {
            Some(Ok(data)) => Some(Credits {
                sources: data.export.sources.clone(),
                generated_at: data.export.generated_at.clone(),
            }),
            _ => None,
        })
    });

    let words = move || page_words(lang.get());
    view! {
        <div class="fr-skiplinks">
            <nav class="fr-container" role="navigation" aria-label=move || words().quick_access>
                <ul class="fr-skiplinks__list">
                    <li><a class="fr-link skip-link" href="#contenu">{move || words().skip_content}</a></li>
                    <li><a class="fr-link" href="#filtres">{move || words().skip_filters}</a></li>
                    <li><a class="fr-link" href="#pied-de-page">{move || words().skip_footer}</a></li>
                </ul>
            </nav>
        </div>
        <Header preference />
        <main id="contenu" tabindex="-1" class="fr-container">
            <SourceNotice origin=origin.clone() />
            {move || match export.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => {
                    // The failure is said at once, in place of the static first paint.
                    request_animation_frame(hand_over);
                    view! { <Failure failure on_retry=move || export.refetch() /> }.into_any()
                }
                Some(Ok(data)) => {
                    // Only the build's own export has pinned pages to offer.
                    let version = own_export.then_some(data.version).flatten();
                    view! { <Dashboard cohort=Arc::new(Cohort::new(data.export)) version /> }.into_any()
                }
            }}
        </main>
        <Footer credits />
    }
    .into_any()
}

/// The DSFR header: the Republic's block, the service's name, the scheme and language switches.
#[component]
fn Header(preference: RwSignal<SchemePreference>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let words = move || page_words(lang.get());
    view! {
        <header role="banner" class="fr-header">
            <div class="fr-header__body">
                <div class="fr-container">
                    <div class="fr-header__body-row">
                        <div class="fr-header__brand">
                            <div class="fr-header__brand-top">
                                <div class="fr-header__logo">
                                    <p class="fr-logo">"République"<br />"Française"</p>
                                </div>
                            </div>
                            <div class="fr-header__service">
                                <p class="fr-header__service-title">"EIG Pulse"</p>
                                <p class="fr-header__service-tagline">{move || words().tagline}</p>
                            </div>
                        </div>
                        <div class="header-tools">
                            <fieldset class="fr-segmented fr-segmented--sm scheme-switch">
                                <legend class="fr-segmented__legend">{move || words().theme_legend}</legend>
                                <div class="fr-segmented__elements">
                                    {SchemePreference::ALL
                                        .into_iter()
                                        .map(|choice| {
                                            let id = format!("theme-{}", choice.parameter());
                                            view! {
                                                <div class="fr-segmented__element">
                                                    <input
                                                        type="radio"
                                                        name="theme"
                                                        id=id.clone()
                                                        value=choice.parameter()
                                                        prop:checked=move || preference.get() == choice
                                                        on:change=move |_| {
                                                            preference.set(choice);
                                                            replace_parameter("theme", choice.parameter());
                                                        }
                                                    />
                                                    <label class="fr-label" for=id>{move || choice.label(lang.get())}</label>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                </div>
                            </fieldset>
                            <button
                                class="fr-btn fr-btn--tertiary fr-btn--sm lang-switch"
                                type="button"
                                lang=move || lang.get().other().code()
                                title=move || words().other_language_title
                                on:click=move |_| {
                                    let next = lang.get().other();
                                    lang.set(next);
                                    replace_parameter("lang", next.code());
                                }
                            >
                                {move || words().other_language}
                            </button>
                        </div>
                    </div>
                </div>
            </div>
        </header>
    }
}

/// What the footer credits once the export is loaded (Licence Ouverte asks for the source).
#[derive(Clone, PartialEq)]
struct Credits {
    sources: Vec<Source>,
    generated_at: String,
}

/// The DSFR footer: who publishes, the export's sources with their licence and dates.
#[component]
fn Footer(credits: Signal<Option<Credits>>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    // On paper, where and when: the address holds the filters.
    let printing = expect_context::<Printing>();
    let printed = move || {
        printing.get().then(|| {
            let lang = lang.get();
            let day = today().map_or_else(String::new, |d| format::date(d, lang));
            let address = current_address();
            view! {
                <p class="print-only print-source">
                    {tr!(lang, "Imprimé le {day} depuis {address}", "Printed on {day} from {address}")}
                </p>
            }
        })
    };
    let sources = move || {
        credits.get().map(|c| {
            view! {
                <p class="fr-footer__content-desc footer-credits">
                    {page::credits(&c.sources, &c.generated_at, lang.get())}
                </p>
            }
        })
    };
    let words = move || page_words(lang.get());
    view! {
        <footer class="fr-footer" role="contentinfo" id="pied-de-page" tabindex="-1">
            <div class="fr-container">
                <div class="fr-footer__body">
                    <div class="fr-footer__brand">
                        <p class="fr-logo">"République"<br />"Française"</p>
                    </div>
                    <div class="fr-footer__content">
                        <p class="fr-footer__content-desc">{move || words().footer_about}</p>
                        {sources}
                        <ul class="fr-footer__content-list">
                            <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="https://eig.etalab.gouv.fr">"eig.etalab.gouv.fr"</a></li>
                            <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="https://www.numerique.gouv.fr">"numerique.gouv.fr"</a></li>
                            <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="https://www.data.gouv.fr">"data.gouv.fr"</a></li>
                        </ul>
                    </div>
                </div>
                <div class="fr-footer__bottom">
                    <ul class="fr-footer__bottom-list">
                        <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="data/export.json">{move || words().data_json}</a></li>
                        <li class="fr-footer__bottom-item"><span class="fr-footer__bottom-link">{move || words().accessibility}</span></li>
                    </ul>
                    {printed}
                    <div class="fr-footer__bottom-copy">
                        <p>{move || words().licence}</p>
                    </div>
                </div>
            </div>
        </footer>
    }
}
