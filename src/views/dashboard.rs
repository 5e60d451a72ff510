//! The loaded dashboard: filters in the URL, key figures, a table of contents, the sections in
//! page order (each opening with its sentence, then its charts), the défis' list and panel.

use std::sync::Arc;

use eig_pulse_core::catalogue::{ChartId, Section, Target};
use eig_pulse_core::chart::text::chart_credit;
use eig_pulse_core::contract::pinned::ExportVersion;
use eig_pulse_core::model::filter::{Ignored, IgnoredKind};
use eig_pulse_core::page::page_words;
use eig_pulse_core::{Cohort, Filters, Lang, Text};
use leptos::prelude::*;

use crate::browser::address::{parameter, query, write_state};
use crate::browser::first_paint::hand_over;
use crate::browser::screen::after_next_paint;
use crate::context::i18n::say;
use crate::parts::chart_view::{ChartView, Surroundings};
use crate::sections::defi_panel::{DefiList, DefiPanel};
use crate::sections::embed_dialog::EmbedDialog;
use crate::sections::filter_bar::FilterBar;
use crate::sections::key_figures::{Figures, KeyFiguresView};
use crate::sections::scorecard::Scorecard;
use crate::sections::story::{heading_id, Contents, Opening};
use crate::sections::windows::PromotionWindows;

/// The dashboard's state in URL pairs: filters, then the open défi.
fn state_pairs(filters: &Filters, defi: &Option<String>) -> Vec<(&'static str, String)> {
    let mut pairs = filters.to_pairs();
    if let Some(id) = defi {
        pairs.push(("defi", id.clone()));
    }
    pairs
}

fn read_state(cohort: &Cohort) -> (Filters, Option<String>, Vec<Ignored>) {
    let (filters, mut ignored) = Filters::from_query(&query(), &cohort.export);
    let defi = parameter("defi");
    let known = defi.clone().filter(|id| cohort.defi_index(id).is_some());
    if let (Some(value), None) = (defi, &known) {
        ignored.push(Ignored {
            name: "defi".into(),
            value,
            reason: Text::fixed("défi inconnu", "unknown défi"),
            kind: IgnoredKind::InvalidValue,
        });
    }
    (filters, known, ignored)
}

/// Counts `id` among the charts drawn; once every chart is, hands the page over from the static
/// first paint at the next frame.
fn count_drawn(drawn: StoredValue<Vec<ChartId>>, id: ChartId) {
    if drawn.with_value(|d| d.contains(&id)) {
        return;
    }
    drawn.update_value(|d| d.push(id));
    if drawn.with_value(Vec::len) == ChartId::ALL.len() {
        request_animation_frame(hand_over);
    }
}

/// Raises `shown` by one after each paint, each time in a task of its own, until it is `last`.
fn show_in_turn(shown: RwSignal<usize>, last: usize) {
    after_next_paint(move || {
        // Gone with its dashboard meanwhile (another export was loaded): nothing to show.
        let Some(now) = shown.try_update(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        if now < last {
            show_in_turn(shown, last);
        }
    });
}

#[component]
pub fn Dashboard(cohort: Arc<Cohort>, version: Option<ExportVersion>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let (initial_filters, initial_defi, ignored) = read_state(&cohort);
    let filters = RwSignal::new(initial_filters);
    let defi = RwSignal::new(initial_defi);
    let ignored = RwSignal::new(ignored);

    // Filter changes become history entries; back and forward restore them.
    Effect::watch(
        move || (filters.get(), defi.get()),
        move |(f, d), _, _| write_state(state_pairs(f, d), true),
        false,
    );
    let history_cohort = cohort.clone();
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let (f, d, _) = read_state(&history_cohort);
        filters.set(f);
        defi.set(d);
    });

    let selection_cohort = cohort.clone();
    let selection = Memo::new(move |_| selection_cohort.select(&filters.get()));
    let chart_memo = |id: ChartId| {
        let cohort = cohort.clone();
        Memo::new(move |_| {
            let selection = selection.get();
            let filters = filters.get();
            let lang = lang.get();
            id.build(&cohort, &selection, &filters, lang)
        })
    };
    let on_target = Callback::new(move |target: Target| match target {
        Target::Administration(id) => filters.update(|f| f.admin = Some(id)),
        Target::Defi(id) => defi.set(Some(id)),
        Target::None => {}
    });
    let embedding = RwSignal::new(None::<ChartId>);
    let on_embed = Callback::new(move |id: ChartId| embedding.set(Some(id)));
    let subtitle_cohort = cohort.clone();
    let subtitle =
        Signal::derive(move || filters.with(|f| f.describe(&subtitle_cohort, lang.get())));
    // Each chart credits the sources it draws on.
    let credit_cohort = cohort.clone();
    let credit_lang = lang.get_untracked();
    // The static first paint gives way once every chart is drawn (browser/first_paint.rs).
    let drawn = StoredValue::new(Vec::<ChartId>::new());
    let around = move |id: ChartId| Surroundings {
        subtitle,
        credit: chart_credit(&credit_cohort.export, id.spec(), credit_lang),
        embedded: false,
        plain: false,
        on_embed: Some(on_embed),
        on_drawn: Some(Callback::new(move |()| count_drawn(drawn, id))),
    };
    let scanned = !cohort.export.activity.is_empty();
    // The first section's charts are built with the page; each next section's charts (with what
    // is drawn from the repositories and the scorecard), then the défis' list, a paint later each,
    // in a task of its own: no long task holds the page. Every section's heading and opening
    // sentence are there at once.
    let sections_shown = RwSignal::new(1usize);
    show_in_turn(sections_shown, Section::ALL.len() + 1);
    let list_shown = move || sections_shown.get() > Section::ALL.len();
    let section_cohort = cohort.clone();
    let section = move |(index, part): (usize, Section)| {
        let cohort = section_cohort.clone();
        let shown = move || sections_shown.get() > index;
        let charts: Vec<_> = part.charts().map(|id| (id, chart_memo(id))).collect();
        let around = around.clone();
        let draw = move |charts: Vec<(ChartId, Memo<_>)>| {
            charts
                .into_iter()
                .map(|(id, chart)| view! { <ChartView id chart on_target around=around(id) /> })
                .collect_view()
        };
        let content = match part {
            Section::CodeAfter => {
                let later = cohort.clone();
                view! {
                    {(!scanned).then(|| view! {
                        <div class="fr-notice fr-notice--info no-activity">
                            <div class="fr-container"><div class="fr-notice__body"><p class="fr-notice__title">
                                {move || page_words(lang.get()).no_activity}
                            </p></div></div>
                        </div>
                    })}
                    {scanned.then(|| view! {
                        <KeyFiguresView cohort=later.clone() selection figures=Figures::Code />
                    })}
                    <Show when=shown>
                        <div class="charts charts-wide">{draw(charts.clone())}</div>
                        <PromotionWindows cohort=later.clone() selection />
                    </Show>
                }
                .into_any()
            }
            Section::Openness => {
                let later = cohort.clone();
                view! {
                    <Show when=shown>
                        <div class="charts">{draw(charts.clone())}</div>
                        <Scorecard cohort=later.clone() selection defi />
                    </Show>
                }
                .into_any()
            }
            _ => view! {
                <Show when=shown>
                    <div class="charts">{draw(charts.clone())}</div>
                </Show>
            }
            .into_any(),
        };
        view! {
            <section class="story" id=part.anchor() aria-labelledby=heading_id(part)>
                <Opening part cohort selection />
                {content}
            </section>
        }
    };
    let later = cohort.clone();

    view! {
        <div class="dashboard">
            <FilterBar cohort=cohort.clone() filters />
            <Show when=move || !ignored.get().is_empty()>
                <p class="notice" role="status">
                    {move || {
                        let lang = lang.get();
                        let parts: Vec<String> = ignored
                            .get()
                            .iter()
                            .map(|i| format!("{}={} ({})", i.name, i.value, i.reason.get(lang)))
                            .collect();
                        format!("{} {}", lang.pick("Paramètres d'URL ignorés :", "URL parameters ignored:"), parts.join(", "))
                    }}
                    <button type="button" class="link-button" on:click=move |_| ignored.set(Vec::new())>
                        {say(lang, "Masquer", "Dismiss")}
                    </button>
                </p>
            </Show>
            <KeyFiguresView cohort=cohort.clone() selection figures=Figures::Page />
            <Contents />
            {Section::ALL.into_iter().enumerate().map(section).collect_view()}
            <Show when=list_shown>
                <DefiList cohort=later.clone() selection defi />
            </Show>
            <DefiPanel cohort=cohort.clone() defi filters />
            <EmbedDialog cohort=cohort.clone() embedding filters version />
        </div>
    }
}
