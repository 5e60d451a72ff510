//! The openness scorecard: défis × checks as a table, each verdict a symbol and a word (never a
//! colour alone), its evidence in a tooltip and, on demand, written under it.

use std::sync::Arc;

use eig_pulse_core::chart::text::chart_labels;
use eig_pulse_core::measures::scorecard::{openness_scorecard, scorecard_csv, FIRST_ROWS};
use eig_pulse_core::{tr, Cohort, Lang, Selection};
use leptos::prelude::*;

use crate::parts::download;
use crate::parts::table_frame::TableFrame;
use eig_pulse_core::page::page_words;

#[component]
pub fn Scorecard(
    cohort: Arc<Cohort>,
    selection: Memo<Selection>,
    defi: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let words = move || page_words(lang.get());
    let card = Memo::new(move |_| openness_scorecard(&cohort, &selection.get(), lang.get()));
    let details = RwSignal::new(false);
    // Large cohorts: the first rows only, until the reader asks for all (the CSV has all).
    let all_rows = RwSignal::new(false);
    let save_csv = move |_| {
        card.with_untracked(|c| download::csv_file("openness-scorecard.csv", &scorecard_csv(c)));
    };

    view! {
        <figure class="chart scorecard" id="openness-scorecard">
            <figcaption>
                <h3 class="chart-title">{move || words().scorecard_title}</h3>
                <p class="chart-guide">{move || words().scorecard_guide}</p>
            </figcaption>
            <div class="chart-tools">
                <button
                    type="button"
                    class="fr-btn fr-btn--secondary fr-btn--sm tool details-toggle"
                    aria-pressed=move || details.get().to_string()
                    on:click=move |_| details.update(|d| *d = !*d)
                >
                    {move || if details.get() { words().hide_details } else { words().show_details }}
                </button>
                <span class="chart-tools-label" id="telecharger-openness-scorecard">{move || chart_labels(lang.get()).download}</span>
                <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm tool" data-download="csv" aria-describedby="telecharger-openness-scorecard" on:click=save_csv>"CSV"</button>
            </div>
            <TableFrame class="" label=Signal::derive(move || words().scorecard_table.to_string())>
                <table>
                    <caption class="fr-sr-only">{move || words().scorecard_title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Défi"</th>
                            <th scope="col">"Score"</th>
                            {move || card.with(|c| c.checks.iter().map(|check| view! {
                                <th scope="col" title=check.explanation.clone()>{check.label.clone()}</th>
                            }).collect_view())}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let lang = lang.get();
                            let shown = details.get();
                            let limit = if all_rows.get() { usize::MAX } else { FIRST_ROWS };
                            card.with(|c| c.rows.iter().take(limit).map(|row| {
                                let open = row.defi_id.clone();
                                let total = c.checks.len();
                                view! {
                                    <tr data-defi=row.defi_id.clone()>
                                        <th scope="row">
                                            <button type="button" class="link-button" on:click=move |_| defi.set(Some(open.clone()))>{row.title.clone()}</button>
                                        </th>
                                        <td class="number">{format!("{}/{total}", row.score)}</td>
                                        {row.cells.iter().zip(&c.checks).map(|(cell, check)| {
                                            let class = format!("mark mark-{}", cell.mark.key());
                                            view! {
                                                <td class=class title=tr!(lang, "{} : {} — {}", "{}: {} — {}", check.label, cell.mark.word(lang), cell.detail)>
                                                    <span aria-hidden="true">{cell.mark.symbol()}</span>
                                                    <span class="fr-sr-only">{format!("{}, {}", cell.mark.word(lang), cell.detail)}</span>
                                                    {shown.then(|| view! { <span class="mark-detail" aria-hidden="true">{cell.detail.clone()}</span> })}
                                                </td>
                                            }
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view())
                        }}
                    </tbody>
                </table>
            </TableFrame>
            {move || {
                let total = card.with(|c| c.rows.len());
                (total > FIRST_ROWS).then(|| view! {
                    <button
                        type="button"
                        class="fr-btn fr-btn--tertiary fr-btn--sm all-rows"
                        aria-expanded=move || all_rows.get().to_string()
                        on:click=move |_| all_rows.update(|a| *a = !*a)
                    >
                        {move || {
                            if all_rows.get() {
                                format!("{} {FIRST_ROWS}", words().show_first_defis)
                            } else {
                                format!("{} ({total})", words().show_all_defis)
                            }
                        }}
                    </button>
                })
            }}
        </figure>
    }
}
