//! One chart alone, for embedding (`?chart=<id>`, or taking over from the light embed page's
//! static chart): sized to its frame, telling its host how tall it is, opening the full dashboard
//! on a click.

use std::sync::Arc;

use eig_pulse_core::catalogue::{ChartId, Target};
use eig_pulse_core::chart::text::{chart_credit, chart_labels};
use eig_pulse_core::contract::pinned::{see_current, stable_page, ExportVersion};
use eig_pulse_core::model::filter::query_string;
use eig_pulse_core::model::filter::IgnoredKind;
use eig_pulse_core::{tr, Cohort, Filters, Lang};
use leptos::prelude::*;

use crate::browser::address::{parameter, query, site_folder};
use crate::browser::host_message::post_height;
use crate::browser::light_page::reveal_live_embed;
use crate::browser::screen::observe_size;
use crate::export::load::Origin;
use crate::export::states::{load, Failure, Loading, SourceNotice};
use crate::parts::chart_view::{ChartView, Surroundings};

/// The embed page: the export, then one chart (or a clear message for an unknown chart id).
#[component]
pub fn Embedded(slug: String) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let (export, origin) = load();
    let id = ChartId::from_slug(&slug);
    let is_pinned = origin == Origin::Pinned;
    let chart = move || match (id, export.get()) {
        (None, _) => {
            let known = ChartId::ALL.map(ChartId::slug).join(", ");
            let message = tr!(
                lang.get(),
                "Graphique inconnu « {slug} » (graphiques : {known})",
                "Unknown chart \"{slug}\" (charts: {known})"
            );
            view! { <div class="failure fr-alert fr-alert--error" role="alert"><p>{message}</p></div> }.into_any()
        }
        (_, None) => view! { <Loading /> }.into_any(),
        (_, Some(Err(failure))) => {
            view! { <Failure failure on_retry=move || export.refetch() /> }.into_any()
        }
        (Some(id), Some(Ok(data))) => {
            let pinned = is_pinned.then_some(data.version).flatten();
            view! { <EmbedView cohort=Arc::new(Cohort::new(data.export)) id pinned /> }.into_any()
        }
    };
    // A failure replaces the light page's static chart at once: the reader must see it.
    Effect::new(move |_| {
        if id.is_none() || export.with(|loaded| matches!(loaded, Some(Err(_)))) {
            reveal_live_embed();
        }
    });
    view! { <SourceNotice origin /> {chart} }
}

/// One chart, alone, sized to its frame (`?chart=<id>` and the dashboard's filters); a pinned
/// page's chart says its day and links to the stable page with the same query.
#[component]
pub fn EmbedView(cohort: Arc<Cohort>, id: ChartId, pinned: Option<ExportVersion>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let (filters, mut ignored) = Filters::from_query(&query(), &cohort.export);
    // An embedded chart keeps quiet about names it does not read (`fbclid`, `utm_source`, …
    // added by the sites a post is shared on); a filter's wrong value is still said.
    ignored.retain(|i| i.kind == IgnoredKind::InvalidValue);
    let plain = parameter("plain").as_deref() == Some("1");
    let root = NodeRef::<leptos::html::Div>::new();
    let report_height = move || {
        if let Some(root) = root.get_untracked() {
            post_height(id.slug(), root.get_bounding_client_rect().height());
        }
    };
    let _ = window_event_listener(leptos::ev::resize, move |_| report_height());
    // Any change of the content's size (legend wrapping, fonts arriving) is reported too.
    Effect::new(move |_| {
        if let Some(element) = root.get() {
            // At once: an off-screen frame may not run its resize observer for a while.
            report_height();
            observe_size(&element, report_height);
        }
    });
    let chart_cohort = cohort.clone();
    let chart_filters = filters.clone();
    let chart = Memo::new(move |_| {
        let selection = chart_cohort.select(&chart_filters);
        id.build(&chart_cohort, &selection, &chart_filters, lang.get())
    });
    let subtitle_cohort = cohort.clone();
    let subtitle_filters = filters.clone();
    let subtitle = Signal::derive(move || subtitle_filters.describe(&subtitle_cohort, lang.get()));
    let credit_text = chart_credit(&cohort.export, id.spec(), lang.get_untracked());
    let full = format!("{}{}", site_folder(), query_string(&filters.to_pairs()));
    let around = Surroundings {
        subtitle,
        credit: credit_text.clone(),
        embedded: true,
        plain,
        on_embed: None,
        on_drawn: Some(Callback::new(move |()| {
            reveal_live_embed();
            report_height();
        })),
    };
    // A click on a bar opens the full dashboard there, in a new tab.
    let full_for_targets = full.clone();
    let on_target = Callback::new(move |target: Target| {
        let query = match target {
            Target::Administration(admin) => format!("admin={admin}"),
            Target::Defi(defi) => format!("defi={defi}"),
            Target::None => return,
        };
        let separator = if full_for_targets.contains('?') {
            '&'
        } else {
            '?'
        };
        if let Some(window) = web_sys::window() {
            let _ = window.open_with_url_and_target_and_features(
                &format!("{full_for_targets}{separator}{query}"),
                "_blank",
                "noopener",
            );
        }
    });
    view! {
        <div class="embed" node_ref=root>
            {(!plain && !ignored.is_empty()).then(|| {
                let names: Vec<String> = ignored.iter().map(|i| format!("{}={}", i.name, i.value)).collect();
                view! { <p class="notice">{move || format!("{} {}", lang.get().pick("Paramètres ignorés :", "Ignored parameters:"), names.join(", "))}</p> }
            })}
            <ChartView id chart on_target around />
            {pinned.map(|version| {
                let stable = move || format!("{}{}{}", site_folder(), stable_page(id.slug(), lang.get()), query());
                view! {
                    <p class="embed-credit embed-pinned">
                        {move || version.note(lang.get())}" · "
                        <a href=stable target="_blank" rel="noopener noreferrer">{move || see_current(lang.get())}</a>
                    </p>
                }
            })}
            {(!plain).then(|| view! {
                <p class="embed-credit">
                    {credit_text}" · "
                    <a href=full target="_blank" rel="noopener noreferrer">
                        {move || chart_labels(lang.get()).full_dashboard}
                    </a>
                </p>
            })}
        </div>
    }
}
