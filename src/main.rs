//! Mounts the dashboard; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    eig_pulse_app::browser::panic_page::install();
    leptos::mount::mount_to_body(eig_pulse_app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The dashboard runs in a browser: build it with `trunk build --release` (see README.md)."
    );
}
