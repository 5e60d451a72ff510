//! DSFR's table frame: the nested boxes `fr-table` expects, its scrolling box reachable by
//! keyboard and named (a scrollable region must be focusable).

use leptos::prelude::*;

#[component]
pub fn TableFrame(
    /// Extra classes of the outer box.
    #[prop(into)]
    class: String,
    #[prop(into, optional)] id: Option<String>,
    /// The scrolling region's accessible name.
    #[prop(into)]
    label: Signal<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=format!("fr-table fr-table--sm {class}") id=id>
            <div class="fr-table__wrapper">
                <div class="fr-table__container">
                    <div class="fr-table__content" tabindex="0" role="region" aria-label=label>
                        {children()}
                    </div>
                </div>
            </div>
        </div>
    }
}
