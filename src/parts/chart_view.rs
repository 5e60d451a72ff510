//! One chart on a canvas: sharp on HiDPI screens, redrawn on resize, with tooltips, legend toggles,
//! clicks and keyboard access. It only wires signals to `eig_pulse_core::chart`.

use eig_pulse_core::catalogue::{Chart, ChartId, Target};
use eig_pulse_core::chart::summary::summary;
use eig_pulse_core::chart::table::grid;
use eig_pulse_core::chart::text::chart_labels;
use eig_pulse_core::chart::{draw, plot_height, tooltip, FigureText, Hit};
use eig_pulse_core::Lang;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use super::download;
use super::table_frame::TableFrame;
use crate::browser::screen::{after_next_paint, device_pixel_ratio, place_in_window};
use crate::browser::timings::{record_draw, DrawWhen};
use crate::context::fonts::FontsLoaded;
use crate::context::printing::Printing;
use crate::context::scheme::Scheme;

/// What a chart view shows around its canvas, and what it reports.
#[derive(Clone)]
pub struct Surroundings {
    /// The filters in words: shown in embeds, written under the title of downloaded images.
    pub subtitle: Signal<Option<String>>,
    /// The credit line of downloaded images and embeds.
    pub credit: String,
    /// In an embed: the filters are said under the title, the credit is shown.
    pub embedded: bool,
    /// Canvas only: no title, no guide, no buttons (`plain=1` embeds).
    pub plain: bool,
    /// Opens the « Intégrer » dialog (dashboard only).
    pub on_embed: Option<Callback<ChartId>>,
    /// Told after every paint (embeds post their height then).
    pub on_drawn: Option<Callback<()>>,
}

#[component]
pub fn ChartView(
    id: ChartId,
    chart: Memo<Chart>,
    on_target: Callback<Target>,
    around: Surroundings,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let scheme = expect_context::<RwSignal<Scheme>>();
    let fonts = use_context::<FontsLoaded>();
    let Surroundings {
        subtitle,
        credit,
        embedded,
        plain,
        on_embed,
        on_drawn,
    } = around;
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let frame_ref = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(0u32);
    let hidden = RwSignal::new(Vec::<bool>::new());
    let hits = RwSignal::new(Vec::<Hit>::new());
    // (x, y) in CSS pixels within the frame, and the lines to show.
    let tooltip = RwSignal::new(None::<(f64, f64, Vec<String>)>);
    let focused = RwSignal::new(None::<usize>);
    let table_open = RwSignal::new(false);
    // On paper every table is laid out and every chart drawn: a printed page has no button to
    // open a table, and no next frame.
    let printing = use_context::<Printing>();
    let on_paper = move || printing.is_some_and(Printing::get);
    let table_shown = move || table_open.get() || on_paper();

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
    let paint = move |when: DrawWhen| {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        let width = width.get_untracked();
        if width == 0 {
            return;
        }
        let ratio = device_pixel_ratio();
        let drawn = chart.with_untracked(|chart| {
            let height = plot_height(chart);
            canvas.set_width((f64::from(width) * ratio).round() as u32);
            canvas.set_height((f64::from(height) * ratio).round() as u32);
            let backend = CanvasBackend::with_canvas_object(canvas)?;
            let area = backend.into_drawing_area();
            let palette = scheme.get_untracked().palette(ratio);
            let drawn = hidden.with_untracked(|hidden| {
                draw(&area, chart, hidden, &palette, lang.get_untracked()).unwrap_or_default()
            });
            let _ = area.present();
            Some(drawn)
        });
        let Some(drawn) = drawn else {
            return;
        };
        hits.set(drawn);
        tooltip.set(None);
        record_draw(when);
        if let Some(on_drawn) = on_drawn {
            on_drawn.run(());
        }
    };
    // A chart far from the window is drawn a frame later, in a task of its own: the charts a
    // reader sees change first, and no long task holds the page.
    let waiting = StoredValue::new(false);
    let paint_later = move || {
        if waiting.get_value() {
            return;
        }
        waiting.set_value(true);
        after_next_paint(move || {
            // Gone with its chart meanwhile (a filter removed its section), or drawn for paper.
            if waiting.try_get_value() == Some(true) {
                waiting.set_value(false);
                paint(DrawWhen::Later);
            }
        });
    };
    Effect::new(move |_| {
        chart.track();
        hidden.track();
        lang.track();
        width.track();
        scheme.track();
        if let Some(fonts) = fonts {
            fonts.track();
        }
        let Some(frame) = frame_ref.get() else {
            return;
        };
        canvas_ref.track();
        if place_in_window(&frame).near_view() || untrack(on_paper) {
            waiting.set_value(false);
            paint(DrawWhen::AtOnce);
        } else {
            paint_later();
        }
    });
    // Printing starts: a chart still waiting for its frame is drawn now.
    Effect::new(move |_| {
        if on_paper() && waiting.get_value() {
            waiting.set_value(false);
            paint(DrawWhen::AtOnce);
        }
    });

    let hit_at = move |x: f64, y: f64| -> Option<Hit> {
        let ratio = device_pixel_ratio();
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
            let ratio = device_pixel_ratio();
            show(*hit, f64::from(hit.x1) / ratio, f64::from(hit.y0) / ratio);
        }
    };

    let slug = id.slug();
    let title = move || id.spec().title.get(lang.get());
    let guide = move || id.spec().guide.get(lang.get());
    // Downloads: the figure as seen (hidden series left out), at the frame's width.
    let words = move || FigureText {
        title: title().to_string(),
        subtitle: subtitle.get_untracked(),
        credit: credit.clone(),
        plain: false,
    };
    let words_svg = words.clone();
    let words_png = words;
    let save_svg = move |_| {
        let palette = scheme.get_untracked().palette(1.0);
        chart.with_untracked(|c| {
            hidden.with_untracked(|h| {
                download::svg(
                    slug,
                    c,
                    h,
                    &palette,
                    lang.get_untracked(),
                    &words_svg(),
                    width.get_untracked().max(480),
                );
            });
        });
    };
    // The PNG figure, for the file and the clipboard alike.
    let figure_png = move || {
        chart.with_untracked(|c| {
            hidden.with_untracked(|h| {
                download::figure_canvas(
                    c,
                    h,
                    scheme.get_untracked(),
                    lang.get_untracked(),
                    &words_png(),
                    width.get_untracked().max(480),
                )
            })
        })
    };
    let figure_to_copy = figure_png.clone();
    let save_png = move |_| {
        if let Some(canvas) = figure_png() {
            download::save_png(slug, &canvas);
        }
    };
    let save_csv =
        move |_| chart.with_untracked(|c| hidden.with_untracked(|h| download::csv(slug, c, h)));
    let copied = RwSignal::new(None::<download::CopyOutcome>);
    let copy_png = move |_| {
        copied.set(None);
        if let Some(canvas) = figure_to_copy() {
            download::copy_png(slug, canvas, move |outcome| copied.set(Some(outcome)));
        }
    };
    let copy_status = move || {
        let labels = chart_labels(lang.get());
        copied.get().map(|outcome| match outcome {
            download::CopyOutcome::Copied => labels.image_copied,
            download::CopyOutcome::Downloaded => labels.image_downloaded,
        })
    };
    let toolbar = (!plain).then(|| view! {
        <div class="chart-tools">
            <button
                type="button"
                class="fr-btn fr-btn--secondary fr-btn--sm tool table-toggle"
                aria-expanded=move || table_open.get().to_string()
                aria-controls=format!("donnees-{slug}")
                on:click=move |_| table_open.update(|open| *open = !*open)
            >
                {move || if table_open.get() {
                    chart_labels(lang.get()).hide_data
                } else {
                    chart_labels(lang.get()).show_data
                }}
            </button>
            <span class="chart-tools-label" id=format!("telecharger-{slug}")>{move || chart_labels(lang.get()).download}</span>
            <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm tool" data-download="svg" aria-describedby=format!("telecharger-{slug}") on:click=save_svg>"SVG"</button>
            <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm tool" data-download="png" aria-describedby=format!("telecharger-{slug}") on:click=save_png>"PNG"</button>
            <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm tool" data-download="csv" aria-describedby=format!("telecharger-{slug}") on:click=save_csv>"CSV"</button>
            <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm tool tool-copy" data-copy="png" on:click=copy_png>{move || chart_labels(lang.get()).copy_image}</button>
            <span class="copy-status" role="status">{copy_status}</span>
            {on_embed.map(|open| view! {
                <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm tool tool-embed" data-embed=slug on:click=move |_| open.run(id)>
                    {move || chart_labels(lang.get()).embed}
                </button>
            })}
        </div>
    });
    let legend = move || {
        let chart = chart.get();
        if chart.series.len() < 2 {
            return None;
        }
        let palette = scheme.get().palette(1.0);
        Some(
            chart
                .series
                .iter()
                .enumerate()
                .map(|(s, series)| {
                    let color = palette.color(series.color);
                    // Through the CSSOM (`style:`), never a `style` attribute: allowed by a strict CSP.
                    let swatch = format!("rgb({}, {}, {})", color.0, color.1, color.2);
                    let shown = move || !hidden.with(|h| h.get(s).copied().unwrap_or(false));
                    view! {
                        <li>
                            <button
                                type="button"
                                class="fr-tag fr-tag--sm legend-entry"
                                class:legend-hidden=move || !shown()
                                aria-pressed=move || shown().to_string()
                                on:click=move |_| hidden.update(|h| {
                                    if h.len() <= s {
                                        h.resize(s + 1, false);
                                    }
                                    h[s] = !h[s];
                                })
                            >
                                <span class="swatch" style:background=swatch></span>
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
            {(!plain).then(|| view! {
                <figcaption>
                    {if embedded {
                        view! { <h1 class="chart-title">{title}</h1> }.into_any()
                    } else {
                        view! { <h2 class="chart-title">{title}</h2> }.into_any()
                    }}
                    {move || embedded.then(|| subtitle.get()).flatten().map(|s| view! { <p class="chart-subtitle">{s}</p> })}
                    <p class="chart-guide">{guide}</p>
                </figcaption>
            })}
            {toolbar}
            <ul class="legend" aria-label=move || chart_labels(lang.get()).legend>
                {legend}
            </ul>
            <div class="chart-frame" node_ref=frame_ref on:mouseleave=move |_| tooltip.set(None)>
                <canvas
                    node_ref=canvas_ref
                    tabindex="0"
                    role="img"
                    aria-label=move || chart.with(|c| hidden.with(|h| summary(c, h, lang.get())))
                    aria-describedby=format!("clavier-{slug}")
                    style:width=move || format!("{}px", width.get())
                    style:height=move || format!("{}px", plot_height(&chart.get()))
                    on:mousemove=on_move
                    on:click=on_click
                    on:keydown=on_key
                    on:blur=move |_| { focused.set(None); tooltip.set(None); }
                ></canvas>
                {move || tooltip.get().map(|(x, y, lines)| {
                    let frame_width = f64::from(width.get());
                    let (left, right) = if x > frame_width * 0.6 {
                        ("auto".to_string(), format!("{}px", (frame_width - x + 12.0).max(0.0)))
                    } else {
                        (format!("{}px", x + 12.0), "auto".to_string())
                    };
                    let top = format!("{}px", y + 12.0);
                    view! {
                        <div class="tooltip" role="status" style:left=left style:right=right style:top=top>
                            {lines.into_iter().enumerate().map(|(i, line)| view! {
                                <p class:tooltip-title=i == 0>{line}</p>
                            }).collect_view()}
                        </div>
                    }
                })}
            </div>
            <p class="fr-sr-only" id=format!("clavier-{slug}")>{move || chart_labels(lang.get()).keyboard}</p>
            {move || table_shown().then(|| {
                let lang = lang.get();
                let table = chart.with(|c| hidden.with(|h| grid(c, h, lang)));
                let caption = match subtitle.get() {
                    Some(filters) => format!("{} ({filters})", title()),
                    None => title().to_string(),
                };
                let region_label = caption.clone();
                view! {
                    <TableFrame class="data-table" id=format!("donnees-{slug}") label=Signal::stored(region_label)>
                        <table class:noted=table.noted>
                            <caption>{caption}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{table.category_header}</th>
                                    {table.columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {table.rows.into_iter().map(|row| view! {
                                    <tr>
                                        <th scope="row">{row.header}</th>
                                        {row.cells.into_iter().map(|cell| view! { <td class="number">{cell}</td> }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </TableFrame>
                }
            })}
        </figure>
    }
}
