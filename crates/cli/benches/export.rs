//! Export time on the real sources and on synthetic ones 10× and 100× larger.
//!
//! Run: `cargo bench -p eig-pulse-cli --bench export`. Prints figures; asserts nothing
//! about time (budget: ≤ 100 ms on the real sources, cost linear in size).

use std::path::Path;
use std::time::{Duration, Instant};

use eig_pulse_ingest::synth::{self, Model};
use eig_pulse_ingest::{Inputs, SourceText};

fn read(path: &Path) -> SourceText {
    SourceText::new(
        path.display().to_string(),
        std::fs::read_to_string(path).unwrap(),
    )
}

fn inputs(
    defis: SourceText,
    people: SourceText,
    skills: SourceText,
    promos: SourceText,
    journal: SourceText,
) -> Inputs {
    Inputs {
        defis,
        people,
        skills,
        promos,
        journals: vec![journal],
        overrides: read(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/administrations.yml"),
        ),
        promotions: Some(read(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/promotions.yml"),
        )),
        repositories: None,
        activity: None,
        generated_at: "2026-01-01T00:00:00Z".into(),
        technologies: read(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/technologies.yml"),
        ),
        records: Vec::new(),
        posts: Vec::new(),
        posts_table: None,
    }
}

/// Median of `runs` timings of build + JSON serialization (what `eig-pulse export` does between reading and writing).
fn time_export(inputs: &Inputs, runs: usize) -> (Duration, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let export = eig_pulse_ingest::build(inputs).unwrap().export;
        let json = serde_json::to_string_pretty(&export).unwrap();
        times.push(start.elapsed());
        bytes = json.len();
    }
    times.sort();
    (times[runs / 2], bytes)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources");
    let site = root.join("site-eig");
    let model = Model {
        defis: read(&site.join("defis.yml")),
        people: read(&site.join("personnes.yml")),
        skills: read(&site.join("skills.yml")),
        promos: read(&site.join("promos.yml")),
        journal: read(&root.join("eig-link-journal/journal-2018-full.csv")),
    };
    println!(
        "{:<10} {:>8} {:>9} {:>11} {:>12} {:>14}",
        "sources", "défis", "journal", "export ms", "µs / défi", "JSON bytes"
    );
    let mut base: Option<f64> = None;
    for scale in [1usize, 10, 100] {
        // Scale 1 is the real files as they are; the others are generated from them.
        let generated = synth::generate(&model, scale, 2018).unwrap();
        let inputs = if scale == 1 {
            inputs(
                model.defis.clone(),
                model.people.clone(),
                model.skills.clone(),
                model.promos.clone(),
                model.journal.clone(),
            )
        } else {
            inputs(
                SourceText::new("defis.yml", generated.defis),
                SourceText::new("personnes.yml", generated.people),
                SourceText::new("skills.yml", generated.skills),
                SourceText::new("promos.yml", generated.promos),
                SourceText::new("journal.csv", generated.journal),
            )
        };
        let runs = if scale == 100 { 5 } else { 21 };
        let (median, bytes) = time_export(&inputs, runs);
        let ms = median.as_secs_f64() * 1000.0;
        let per_defi = median.as_secs_f64() * 1e6 / generated.defi_count as f64;
        let label = if scale == 1 {
            "réelles".to_string()
        } else {
            format!("{scale}×")
        };
        println!(
            "{label:<10} {:>8} {:>9} {ms:>11.1} {per_defi:>12.1} {bytes:>14}",
            generated.defi_count, generated.journal_rows
        );
        match base {
            None => base = Some(ms),
            Some(b) => println!(
                "           {:.1}× the real time for {scale}× the data",
                ms / b
            ),
        }
    }
}
