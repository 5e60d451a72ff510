//! One chart on a canvas: sharp on HiDPI screens, redrawn on resize, with tooltips, legend toggles,
//! clicks and keyboard access. It only wires signals to `eig_pulse_core::chart`.

use eig_pulse_core::chart::text::title_and_guide;
use eig_pulse_core::chart::{
    draw_bars, plot_height, tooltip, BarChart, ChartId, Hit, Target, Theme,
};
use eig_pulse_core::Lang;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use crate::browser;

#[component]
pub fn ChartView(id: ChartId, chart: Memo<BarChart>, on_target: Callback<Target>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let frame_ref = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(0u32);
    let hidden = RwSignal::new(Vec::<bool>::new());
    let hits = RwSignal::new(Vec::<Hit>::new());
    // (x, y) in CSS pixels within the frame, and the lines to show.
    let tooltip = RwSignal::new(None::<(f64, f64, Vec<String>)>);
    let focused = RwSignal::new(None::<usize>);

    let measure = move || {
        if let Some(frame) = frame_ref.get_untracked() {
            let w = frame.client_width().max(0) as u32;
            if w != width.get_untracked() {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if frame_ref.get().is_some() {
            measure();
        }
    });
    let _ = window_event_listener(leptos::ev::resize, move |_| measure());

    // Drawing: the same core code that paints SVG, here on the canvas at device pixels.
    Effect::new(move |_| {
        let chart = chart.get();
        let hidden = hidden.get();
        let lang = lang.get();
        let width = width.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        if width == 0 {
            return;
        }
        let ratio = browser::device_pixel_ratio();
        let height = plot_height(&chart);
        canvas.set_width((f64::from(width) * ratio).round() as u32);
        canvas.set_height((f64::from(height) * ratio).round() as u32);
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
            return;
        };
        let area = backend.into_drawing_area();
        let drawn =
            draw_bars(&area, &chart, &hidden, &Theme::light(ratio), lang).unwrap_or_default();
        let _ = area.present();
        hits.set(drawn);
        tooltip.set(None);
        browser::record_draw();
    });

    let hit_at = move |x: f64, y: f64| -> Option<Hit> {
        let ratio = browser::device_pixel_ratio();
        let (px, py) = ((x * ratio) as i32, (y * ratio) as i32);
        hits.with_untracked(|hits| hits.iter().rev().find(|h| h.contains(px, py)).copied())
    };
    let show = move |hit: Hit, x: f64, y: f64| {
        let lines = chart.with_untracked(|c| {
            hidden.with_untracked(|h| tooltip::describe(c, &hit, h, lang.get_untracked()))
        });
        tooltip.set(Some((x, y, lines)));
    };
    let on_move = move |ev: leptos::ev::MouseEvent| {
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        match hit_at(x, y) {
            Some(hit) => show(hit, x, y),
            None => tooltip.set(None),
        }
    };
    let activate = move |hit: Hit| {
        let target = chart.with_untracked(|c| c.categories[hit.category].target.clone());
        if target != Target::None {
            on_target.run(target);
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(hit) = hit_at(f64::from(ev.offset_x()), f64::from(ev.offset_y())) {
            activate(hit);
        }
    };
    // Keyboard: arrows walk through the drawn values, Enter follows a bar's link.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let bars: Vec<Hit> =
            hits.with_untracked(|h| h.iter().filter(|h| h.series.is_some()).copied().collect());
        if bars.is_empty() {
            return;
        }
        let next = match (ev.key().as_str(), focused.get_untracked()) {
            ("ArrowRight" | "ArrowDown", None) | ("Home", _) => Some(0),
            ("ArrowLeft" | "ArrowUp", None) | ("End", _) => Some(bars.len() - 1),
            ("ArrowRight" | "ArrowDown", Some(i)) => Some((i + 1).min(bars.len() - 1)),
            ("ArrowLeft" | "ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
            ("Enter" | " ", Some(i)) => {
                if let Some(hit) = bars.get(i) {
                    activate(*hit);
                }
                ev.prevent_default();
                return;
            }
            ("Escape", _) => {
                focused.set(None);
                tooltip.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        focused.set(next);
        if let Some(hit) = next.and_then(|i| bars.get(i)) {
            let ratio = browser::device_pixel_ratio();
            show(*hit, f64::from(hit.x1) / ratio, f64::from(hit.y0) / ratio);
        }
    };

    let slug = id.slug();
    let title = move || title_and_guide(id, lang.get()).0;
    let guide = move || title_and_guide(id, lang.get()).1;
    let legend = move || {
        let chart = chart.get();
        if chart.series.len() < 2 {
            return None;
        }
        let theme = Theme::light(1.0);
        Some(
            chart
                .series
                .iter()
                .enumerate()
                .map(|(s, series)| {
                    let color = theme.color(series.color);
                    let swatch = format!("background: rgb({}, {}, {})", color.0, color.1, color.2);
                    let shown = move || !hidden.with(|h| h.get(s).copied().unwrap_or(false));
                    view! {
                        <li>
                            <button
                                type="button"
                                class="legend-entry"
                                class:legend-hidden=move || !shown()
                                aria-pressed=move || shown().to_string()
                                on:click=move |_| hidden.update(|h| {
                                    if h.len() <= s {
                                        h.resize(s + 1, false);
                                    }
                                    h[s] = !h[s];
                                })
                            >
                                <span class="swatch" style=swatch></span>
                                {series.label.clone()}
                            </button>
                        </li>
                    }
                })
                .collect_view(),
        )
    };

    view! {
        <figure class="chart" id=slug data-chart=slug>
            <figcaption>
                <h2>{title}</h2>
                <p class="chart-guide">{guide}</p>
            </figcaption>
            <ul class="legend" aria-label=move || lang.get().pick("Légende (cliquer pour masquer ou afficher)", "Legend (click to hide or show)")>
                {legend}
            </ul>
            <div class="chart-frame" node_ref=frame_ref on:mouseleave=move |_| tooltip.set(None)>
                <canvas
                    node_ref=canvas_ref
                    tabindex="0"
                    role="img"
                    aria-label=move || format!("{}. {}", title(), lang.get().pick("Flèches : parcourir les valeurs ; Entrée : ouvrir.", "Arrows: browse the values; Enter: open."))
                    style:width=move || format!("{}px", width.get())
                    style:height=move || format!("{}px", plot_height(&chart.get()))
                    on:mousemove=on_move
                    on:click=on_click
                    on:keydown=on_key
                    on:blur=move |_| { focused.set(None); tooltip.set(None); }
                ></canvas>
                {move || tooltip.get().map(|(x, y, lines)| {
                    let frame_width = f64::from(width.get());
                    let style = if x > frame_width * 0.6 {
                        format!("right: {}px; top: {}px", (frame_width - x + 12.0).max(0.0), y + 12.0)
                    } else {
                        format!("left: {}px; top: {}px", x + 12.0, y + 12.0)
                    };
                    view! {
                        <div class="tooltip" role="status" style=style>
                            {lines.into_iter().enumerate().map(|(i, line)| view! {
                                <p class:tooltip-title=i == 0>{line}</p>
                            }).collect_view()}
                        </div>
                    }
                })}
            </div>
        </figure>
    }
}
