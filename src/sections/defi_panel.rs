//! The défis of the selection as a list, and one défi's panel: team, skills, host, links, the
//! blog's posts, journal.

use std::sync::Arc;

use eig_pulse_core::page::{defi_rows, page_words, DEFI_LIST};
use eig_pulse_core::{Cohort, Filters, Lang, Selection};
use leptos::prelude::*;

use crate::parts::modal::Modal;
use crate::words::defi_sheet::defi_sheet;

#[component]
pub fn DefiList(
    cohort: Arc<Cohort>,
    selection: Memo<Selection>,
    defi: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let rows = move || defi_rows(&cohort, &selection.get());
    view! {
        <section class="defi-list" id=DEFI_LIST>
            <h2>{move || format!("{} ({})", page_words(lang.get()).defis, selection.with(|s| s.defis.len()))}</h2>
            <ul>
                {move || rows().into_iter().map(|row| {
                    let open = row.id.clone();
                    view! {
                        <li>
                            <button type="button" class="link-button" data-defi=row.id on:click=move |_| defi.set(Some(open.clone()))>
                                {row.title}
                            </button>
                            <span class="defi-meta">{format!(" · {} · {}", row.promotion, row.administration)}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// One défi's sheet in a modal dialog: it renders `words::defi_sheet`, nothing more.
#[component]
pub fn DefiPanel(
    cohort: Arc<Cohort>,
    defi: RwSignal<Option<String>>,
    filters: RwSignal<Filters>,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let modal = Modal::opened_on_mount();
    move || {
        let index = cohort.defi_index(&defi.get()?)?;
        let sheet = defi_sheet(&cohort, index, lang.get());
        let labels = sheet.labels;
        Some(view! {
            <dialog
                class="defi-panel"
                node_ref=modal.node_ref()
                aria-labelledby="defi-panel-title"
                data-defi=sheet.id
                on:close=move |_| defi.set(None)
                on:click=move |ev| modal.close_on_backdrop(&ev)
            >
                <div class="fr-modal__header">
                    <button type="button" class="fr-btn--close fr-btn panel-close" on:click=move |_| modal.close() title=labels.close_title>{labels.close}</button>
                </div>
                <h2 id="defi-panel-title" tabindex="-1" autofocus>{sheet.title}</h2>
                {sheet.description.map(|text| view! { <p class="defi-description">{text}</p> })}
                <dl class="defi-facts">
                    <dt>"Promotion"</dt>
                    <dd>{sheet.promotion}</dd>
                    <dt>"Administration"</dt>
                    <dd>
                        {sheet.administrations.into_iter().enumerate().map(|(i, administration)| {
                            let id = administration.id;
                            view! {
                                {(i > 0).then_some(" › ")}
                                <button type="button" class="link-button" on:click=move |_| {
                                    // One history entry: the filter and the closed panel together.
                                    filters.update(|f| f.admin = Some(id.clone()));
                                    defi.set(None);
                                    modal.close();
                                }>{administration.name}</button>
                            }
                        }).collect_view()}
                    </dd>
                    <dt>{labels.skills}</dt>
                    <dd>{sheet.skills}</dd>
                    <dt>{labels.team}</dt>
                    <dd>
                        <ul class="team">
                            {sheet.team.into_iter().map(|member| view! { <li>{member}</li> }).collect_view()}
                        </ul>
                    </dd>
                    <dt>"Mentors"</dt>
                    <dd>{sheet.mentors}</dd>
                    <dt>{labels.links}</dt>
                    <dd>
                        {sheet.links.into_iter().enumerate().map(|(i, link)| view! {
                            {(i > 0).then_some(" ")}
                            <a href=link.href rel="noopener noreferrer">{link.text}</a>
                        }).collect_view()}
                        {sheet.no_link}
                    </dd>
                </dl>
                <h3>{labels.technologies}</h3>
                <dl class="defi-facts defi-technologies">
                    <dt>{labels.declared_stack}</dt>
                    <dd>{sheet.declared_stack}</dd>
                    <dt>{labels.languages}</dt>
                    <dd>{sheet.languages}</dd>
                    <dt>{labels.frameworks}</dt>
                    <dd>{sheet.frameworks}</dd>
                    <dt>{labels.openness}</dt>
                    <dd>
                        {if sheet.openness.is_empty() {
                            view! { <span>{labels.no_openness}</span> }.into_any()
                        } else {
                            view! {
                                <ul class="defi-openness">
                                    {sheet.openness.into_iter().map(|line| view! {
                                        <li>
                                            {line.kind}
                                            {match line.href {
                                                Some(href) => view! { <a href=href rel="noopener noreferrer">{line.text}</a> }.into_any(),
                                                None => view! { <span>{line.text}</span> }.into_any(),
                                            }}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </dd>
                </dl>
                {(!sheet.key_figures.is_empty()).then(|| view! {
                    <h3>{labels.key_figures}</h3>
                    <ul class="defi-key-figures">
                        {sheet.key_figures.into_iter().map(|k| view! { <li><strong>{k.amount}</strong>" "{k.label}</li> }).collect_view()}
                    </ul>
                })}
                {(!sheet.code.is_empty()).then(|| view! {
                    <h3>{labels.after_the_months}</h3>
                    <dl class="defi-facts defi-progress">
                        {sheet.code.into_iter().map(|figure| view! {
                            <dt>{figure.label}</dt>
                            <dd data-progress=figure.key>
                                {figure.shown}
                                {figure.basis.map(|basis| view! { <span class="figure-basis">{format!(" ({basis})")}</span> })}
                            </dd>
                        }).collect_view()}
                    </dl>
                })}
                {(!sheet.issues.is_empty()).then(|| view! {
                    <h3>{labels.issues}</h3>
                    <ul class="defi-issues">
                        {sheet.issues.into_iter().map(|issue| view! { <li>{issue}</li> }).collect_view()}
                    </ul>
                })}
                <h3>{sheet.posts_heading}</h3>
                {if sheet.posts.is_empty() {
                    view! { <p>{labels.no_post}</p> }.into_any()
                } else {
                    view! {
                        <ul class="defi-posts">
                            {sheet.posts.into_iter().map(|post| view! {
                                <li>
                                    <time datetime=post.datetime>{post.date}</time>
                                    " "<a href=post.href rel="noopener noreferrer">{post.title}</a>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <h3>{sheet.journal_heading}</h3>
                {if sheet.journal.is_empty() {
                    view! { <p>{labels.no_journal}</p> }.into_any()
                } else {
                    view! {
                        <ol class="timeline">
                            {sheet.journal.into_iter().map(|line| view! {
                                <li>
                                    <time datetime=line.datetime>{line.date}</time>
                                    " "<span class="category" title=labels.category>{line.category}</span>
                                    " "{line.task}
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </dialog>
        })
    }
}
