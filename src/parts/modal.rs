//! The dashboard's dialogs on the browser's own `<dialog>`, opened with `showModal()`: the rest
//! of the page is out of reach (the keyboard focus stays inside), Escape closes it, the page
//! behind is greyed (`::backdrop`), and the focus goes back where it was when it closes. The
//! element with `autofocus` (the dialog's title) takes the focus when it opens.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A `<dialog>` shown as a modal as soon as it is in the page: give it `node_ref=modal.node_ref()`
/// and an `on:close` that forgets what it shows.
#[derive(Clone, Copy)]
pub struct Modal {
    element: NodeRef<html::Dialog>,
}

impl Modal {
    /// A handle whose `<dialog>` opens as a modal as soon as it is mounted.
    pub fn opened_on_mount() -> Modal {
        let element = NodeRef::<html::Dialog>::new();
        Effect::new(move |_| {
            if let Some(dialog) = element.get() {
                if dialog.is_connected() && !dialog.open() {
                    let _ = dialog.show_modal();
                }
            }
        });
        Modal { element }
    }

    pub fn node_ref(self) -> NodeRef<html::Dialog> {
        self.element
    }

    /// Closes the dialog as Escape does: its `close` event follows, and the focus goes back.
    pub fn close(self) {
        if let Some(dialog) = self.element.get_untracked() {
            dialog.close();
        }
    }

    /// Closes the dialog when a click lands on its backdrop (a click there is the dialog's own,
    /// outside its box).
    pub fn close_on_backdrop(self, event: &leptos::ev::MouseEvent) {
        let Some(dialog) = self.element.get_untracked() else {
            return;
        };
        let on_dialog = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|target| target == **dialog);
        let area = dialog.get_bounding_client_rect();
        let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
        let outside = x < area.left() || x > area.right() || y < area.top() || y > area.bottom();
        if on_dialog && outside {
            dialog.close();
        }
    }
}
