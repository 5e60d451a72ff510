//! Dashboard speed and size, measured in headless Chromium against the built `dist/`.
//!
//! Run: `scripts/bench` (it builds `dist/` and the 100× synthetic export first). Prints:
//! navigation → first chart painted, filter change → the charts in view redrawn and every
//! chart redrawn (in-page `performance.now`), on the real export and on the 100× one (each with
//! the activity fixture copied onto every défi that publishes code); gzip size of wasm + js + css.
//! Budgets (printed beside the figures, never asserted): filter → charts in view redrawn
//! ≤ 16 ms on real data, ≤ 100 ms at 100×; total ≤ 250 KB gzip.

#[path = "../crates/core/tests/common/recount.rs"]
mod recount;
#[path = "../tests/support/mod.rs"]
mod support;

use std::io::Write;

use support::{browser, dist, serve, Routes};

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn gzip_size(path: &std::path::Path) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&std::fs::read(path).unwrap()).unwrap();
    encoder.finish().unwrap().len()
}

/// Filter values cycled through: each is a change of the administration filter.
const ADMINS: [&str; 6] = [
    "ministere-de-l-interieur",
    "ministere-de-la-transition-ecologique-et-solidaire",
    "services-du-premier-ministre",
    "ministere-de-la-culture",
    "cour-des-comptes",
    "",
];

/// `export` (JSON) with `tests/fixtures/activity.json`'s records copied onto every défi that
/// publishes code, as JSON bytes.
fn with_activity(export: &str) -> Vec<u8> {
    let mut export =
        eig_pulse_core::contract::validate::parse_export(export).expect("a valid export");
    export.activity = recount::on_every_defi_with_code(&export, &support::activity_fixture());
    serde_json::to_vec(&export).unwrap()
}

#[tokio::main]
async fn main() {
    let dist = dist();
    let mut routes = Routes::new();
    // Both exports get repository activity (neither has any: no clones here): the fixture's
    // records, copied onto every défi that publishes code.
    let real = std::fs::read_to_string(dist.join("data/export.json")).unwrap();
    routes.insert(
        "/bench/real.json".into(),
        (200, "application/json", with_activity(&real)),
    );
    let synthetic = std::env::var_os("EIG_PULSE_BENCH_EXPORT").map(std::path::PathBuf::from);
    if let Some(path) = &synthetic {
        let text = std::fs::read_to_string(path).expect("the 100× export");
        routes.insert(
            "/bench/export-100.json".into(),
            (200, "application/json", with_activity(&text)),
        );
    }
    let port = serve(dist.clone(), routes);
    let mut datasets = vec![("réel", "/bench/real.json".to_string())];
    if synthetic.is_some() {
        datasets.push(("100×", "/bench/export-100.json".to_string()));
    }

    // « visibles »: the charts in or near the window, drawn at once; the others follow a frame
    // later, each in a task of its own (`lastDrawAtOnce` and `lastDraw`, browser/timings.rs).
    println!(
        "{:<8} {:>20} {:>30} {:>28} {:>28}",
        "données",
        "1er graphique (ms)",
        "filtre → visibles méd. (ms)",
        "filtre → tous méd. (ms)",
        "filtre → tous max (ms)"
    );
    for (name, url) in datasets {
        let b = browser(1280, 1800).await;
        let mut first = Vec::new();
        let mut redraws = Vec::new();
        let mut visible = Vec::new();
        for _load in 0..3 {
            b.open_local(port, &format!("?data={url}")).await;
            b.wait_for_draws(5, "five charts").await;
            first.push(b.number("return window.eigPulseTimings.firstChart").await);
            for admin in ADMINS {
                let script = format!(
                    "const before = window.eigPulseTimings.draws; window.benchStart = performance.now(); window.benchBefore = before;
                     const s = document.getElementById('filtre-admin'); s.value = '{admin}';
                     s.dispatchEvent(new Event('change', {{bubbles: true}}));"
                );
                b.js(&script).await;
                b.wait_for(
                    "window.eigPulseTimings.draws >= window.benchBefore + 5",
                    "five redraws",
                )
                .await;
                // A chart whose data did not change is not redrawn: let any last one land.
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                redraws.push(
                    b.number("return window.eigPulseTimings.lastDraw - window.benchStart")
                        .await,
                );
                // Only when a chart in view changed (else its last draw is an earlier one).
                let at_once = b
                    .number("return window.eigPulseTimings.lastDrawAtOnce - window.benchStart")
                    .await;
                if at_once >= 0.0 {
                    visible.push(at_once);
                }
            }
        }
        b.finish().await;
        let max = redraws.iter().copied().fold(0.0, f64::max);
        let visible = if visible.is_empty() {
            "—".to_string()
        } else {
            format!("{:.1}", median(&mut visible))
        };
        println!(
            "{name:<8} {:>20.1} {visible:>30} {:>28.1} {:>28.1}",
            median(&mut first),
            median(&mut redraws),
            max
        );
    }
    println!("budgets : filtre → graphiques visibles redessinés ≤ 16 ms (réel), ≤ 100 ms (100×)");

    // The light embed page: its static chart (real data, drawn at build time), and the
    // interactive chart it loads at once when the address names another export (`?data=`).
    println!(
        "\n{:<8} {:>34} {:>34}",
        "données", "intégration statique peinte (ms)", "intégration interactive (ms)"
    );
    let mut embed_datasets = vec![("réel", "/bench/real.json")];
    if synthetic.is_some() {
        embed_datasets.push(("100×", "/bench/export-100.json"));
    }
    for (name, url) in embed_datasets {
        let mut painted = Vec::new();
        let mut live = Vec::new();
        for _load in 0..3 {
            let b = browser(900, 900).await;
            b.open_static(port, "embed/journal-weekly.fr.html").await;
            painted.push(b.number("return window.eigPulseTimings.staticChart").await);
            b.open_local(port, &format!("embed.html?chart=journal-weekly&data={url}"))
                .await;
            b.wait_for_draws(1, "the interactive chart").await;
            live.push(b.number("return window.eigPulseTimings.firstChart").await);
            b.finish().await;
        }
        println!(
            "{name:<8} {:>34.1} {:>34.1}",
            median(&mut painted),
            median(&mut live)
        );
    }
    println!("(la version statique est celle de l'export du site, quelles que soient les données ; `?data=` rend l'intégration interactive d'emblée)");

    // The dashboard's files, then the light embed page's (embed.css, embed-*.js): apart.
    let (mut total, mut embed_total) = (0, 0);
    println!("\n{:<48} {:>10} {:>10}", "fichier", "octets", "gzip -9");
    let mut files: Vec<_> = std::fs::read_dir(&dist)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ["wasm", "js", "css"].contains(&ext) {
            let gz = gzip_size(&path);
            let name = path.file_name().unwrap().to_string_lossy();
            // embed.js is the host page's; embed.css and embed-*.js the light embed page's.
            if name.starts_with("embed") {
                embed_total += gz;
            } else {
                total += gz;
            }
            println!(
                "{name:<48} {:>10} {gz:>10}",
                std::fs::metadata(&path).unwrap().len()
            );
        }
    }
    println!(
        "{:<48} {:>10} {total:>10}   (budget ≤ 250 000)",
        "tableau de bord : wasm + js + css", ""
    );
    println!(
        "{:<48} {:>10} {embed_total:>10}",
        "intégration et embed.js : js + css", ""
    );
    // The DSFR's Marianne in the weights the page uses: compressed already, fetched once.
    let fonts: u64 = ["Regular", "Medium", "Bold"]
        .iter()
        .map(|w| {
            std::fs::metadata(dist.join(format!("fonts/Marianne-{w}.woff2")))
                .map(|m| m.len())
                .unwrap_or(0)
        })
        .sum();
    println!(
        "{:<48} {fonts:>10}   (hors budget, mis en cache)",
        "polices Marianne 400/500/700 (woff2)"
    );
}
