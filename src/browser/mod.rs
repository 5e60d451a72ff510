//! The page as the browser gives it, through `web_sys` only (no signal, no component): the
//! address and history, the reader's clock, timings for benchmarks, the screen and what changes on
//! it (printing included), the light embed page and the host page around a frame, the static
//! first paint's hand-over, and the panic page.

pub mod address;
pub mod clock;
pub mod first_paint;
pub mod host_message;
pub mod light_page;
pub mod panic_page;
pub mod screen;
pub mod timings;

/// The page's window (the dashboard only runs in one).
fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}
