//! Repository activity end to end: the real export (no activity: a notice, « ? » cells) and the
//! real export with `tests/fixtures/activity.json`, against the core's figures.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use eig_pulse_core::repositories::repository_figures;
use eig_pulse_core::validate::parse_export;
use eig_pulse_core::{format, Cohort, Filters, Lang};
use serde_json::json;

use support::{activity_fixture, dist, open_drawn, serve, Browser, Routes};

#[path = "../crates/repos/tests/fixture/mod.rs"]
mod git_fixture;

fn export_with_activity() -> String {
    let real = std::fs::read_to_string(dist().join("data/export.json")).unwrap();
    let mut export = parse_export(&real).unwrap();
    export.activity = activity_fixture();
    serde_json::to_string(&export).unwrap()
}

fn site() -> u16 {
    let mut routes = Routes::new();
    routes.insert(
        "/activity.json".into(),
        (200, "application/json", export_with_activity().into_bytes()),
    );
    serve(dist(), routes)
}

async fn open(port: u16, query: &str) -> Browser {
    open_drawn(port, query, 1280, 2000, 6).await
}

async fn figure(b: &Browser, key: &str) -> String {
    b.text(&format!(".figure[data-figure={key}] .figure-value"))
        .await
}

#[tokio::test]
async fn repository_activity_figures_chart_and_scorecard_follow_the_filters() {
    let port = site();
    let cohort = Cohort::new(parse_export(&export_with_activity()).unwrap());
    let b = open(port, "index.html?data=activity.json&theme=light").await;

    let all = Filters::default();
    let expected = repository_figures(&cohort, &cohort.select(&all));
    assert_eq!(figure(&b, "repositories").await, "5");
    assert_eq!(
        figure(&b, "commits").await,
        format::count(expected.commits_during_defi, Lang::Fr)
    );
    assert_eq!(figure(&b, "licensed").await, "80\u{202F}%");
    assert!(b.js("return !document.querySelector('.no-activity')").await == json!(true));
    let ink = b.ink("repository-activity").await;
    assert!(ink > 0.02, "activity canvas almost blank: {ink}");
    let label = b
        .js("return document.querySelector('#repository-activity canvas').getAttribute('aria-label')")
        .await;
    assert!(
        label.as_str().unwrap().contains("Mois le plus actif"),
        "{label}"
    );
    // The ten months of EIG 2 are shaded: DSFR blue-france-950 behind the bars.
    let shaded = b
        .pixels(
            "repository-activity",
            "d[i] === 236 && d[i+1] === 236 && d[i+2] === 254",
        )
        .await;
    assert!(shaded > 0.01, "no shaded window: {shaded}");

    // Scorecard: the first 25 défis, best first, then all on demand; symbols and words.
    assert_eq!(
        b.js("return document.querySelectorAll('#openness-scorecard tbody tr').length")
            .await,
        json!(25)
    );
    b.click("#openness-scorecard .all-rows").await;
    b.wait_for(
        "document.querySelectorAll('#openness-scorecard tbody tr').length === 71",
        "every défi",
    )
    .await;
    assert_eq!(
        b.js("return document.querySelector('#openness-scorecard tbody tr').dataset.defi")
            .await,
        json!("leximpact")
    );
    let monitorfish = b
        .js("return [...document.querySelectorAll('#openness-scorecard tr[data-defi=monitorfish] td.mark')].map(td => td.querySelector('[aria-hidden]').textContent).join('')")
        .await;
    assert_eq!(monitorfish, json!("✓✓✓✓✗✓✓✓"));
    let title = b
        .js("return document.querySelector('#openness-scorecard tr[data-defi=monitorfish] td.mark:nth-of-type(3)').title")
        .await;
    assert_eq!(title, json!("Licence : oui — licence AGPL-3.0 (LICENSE)"));
    b.click("#openness-scorecard .details-toggle").await;
    b.wait_for(
        "document.querySelector('#openness-scorecard .mark-detail')",
        "details written out",
    )
    .await;
    b.screenshot("repositories").await;
    let violations = b.axe_violations().await;
    assert!(
        violations.is_empty(),
        "{}",
        serde_json::to_string_pretty(&violations).unwrap()
    );

    // One promotion: weekly bars, its défis only.
    b.js("const s = document.getElementById('filtre-promo'); s.value = '2'; s.dispatchEvent(new Event('change', {bubbles: true}));").await;
    b.wait_for(
        "location.search.includes('promo=2')",
        "the promotion filter",
    )
    .await;
    b.wait_for(
        "document.querySelector('#repository-activity canvas').getAttribute('aria-label').includes('Semaine la plus active')",
        "weekly activity",
    )
    .await;
    let (filters, _) = Filters::from_query("promo=2", &cohort.export);
    let selection = cohort.select(&filters);
    assert_eq!(figure(&b, "repositories").await, "3");
    assert_eq!(
        b.js("return document.querySelectorAll('#openness-scorecard tbody tr').length")
            .await,
        json!(selection.defis.len())
    );
    // A défi's name opens its panel.
    b.click("#openness-scorecard tr[data-defi=hopkins] th button")
        .await;
    b.wait_for(
        "document.querySelector('.defi-panel[data-defi=hopkins]')",
        "the panel",
    )
    .await;
    b.finish().await;
}

#[tokio::test]
async fn without_activity_the_page_says_why_and_marks_unknowns() {
    let port = site();
    let b = open(port, "index.html").await;
    b.wait_for("document.querySelector('.no-activity')", "the notice")
        .await;
    assert!(b.text(".no-activity").await.contains("--repos"));
    assert_eq!(figure(&b, "repositories").await, "0");
    assert_eq!(figure(&b, "licensed").await, "—");
    let adex = b
        .js("return [...document.querySelectorAll('#openness-scorecard tr[data-defi=adex] td.mark')].map(td => td.querySelector('[aria-hidden]').textContent).join('')")
        .await;
    assert_eq!(adex, json!("✓???????"));
    b.finish().await;
}

#[tokio::test]
async fn the_activity_chart_embeds_like_the_others() {
    let port = site();
    let b = open_drawn(
        port,
        "index.html?chart=repository-activity&data=activity.json&promo=3",
        800,
        900,
        1,
    )
    .await;
    assert!(b.text("h1").await.contains("Activité des dépôts de code"));
    assert!(b.ink("repository-activity").await > 0.02);
    b.finish().await;
}

/// The whole chain: git repositories built here → `eig-pulse export --repos` (the real binary,
/// built by the native tests) → the dashboard.
#[tokio::test]
async fn an_export_made_from_git_repositories_shows_on_the_dashboard() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = root.join("target/pipeline-test");
    let _ = std::fs::remove_dir_all(&work);
    let repos = work.join("repos");
    // MonitorFish: the fixture's sample (MIT, GitLab CI, tests/, changelog), around new year 2019.
    git_fixture::sample(
        &repos.join("monitorfish"),
        "https://github.com/MTES-MCT/monitorfish.git",
    );
    // Hopkins: three commits in March 2018 (EIG 2's ten months), a README only.
    let hopkins = repos.join("hopkins");
    std::fs::create_dir_all(&hopkins).unwrap();
    git_fixture::git_plain(&hopkins, &["init", "-q", "-b", "main"]);
    for (day, author) in [
        ("05", git_fixture::AUTHORS[0]),
        ("06", git_fixture::AUTHORS[1]),
        ("14", git_fixture::AUTHORS[0]),
    ] {
        git_fixture::commit(
            &hopkins,
            author,
            &format!("2018-03-{day}T10:00:00Z"),
            &[("README.md", &format!("# Hopkins {day}\n"))],
        );
    }
    git_fixture::git_plain(
        &hopkins,
        &[
            "remote",
            "add",
            "origin",
            "https://github.com/entrepreneur-interet-general/graph-explorer",
        ],
    );

    let binary = root.join("target/debug/eig-pulse");
    assert!(
        binary.exists(),
        "{} (built by `cargo test --workspace`, see scripts/test)",
        binary.display()
    );
    let export = work.join("export.json");
    let output = std::process::Command::new(&binary)
        .current_dir(root)
        .args([
            "export",
            "--site",
            "data/sources/site-eig",
            "--journal",
            "data/sources/eig-link-journal/journal-2018-full.csv",
            "--repos",
        ])
        .arg(&repos)
        .arg("-o")
        .arg(&export)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let mut routes = Routes::new();
    routes.insert(
        "/pipeline.json".into(),
        (200, "application/json", std::fs::read(&export).unwrap()),
    );
    let port = serve(dist(), routes);
    let b = open(port, "index.html?data=pipeline.json").await;
    assert_eq!(figure(&b, "repositories").await, "2");
    assert_eq!(
        figure(&b, "commits").await,
        "3",
        "Hopkins' three commits fall in EIG 2's ten months"
    );
    assert_eq!(figure(&b, "licensed").await, "50\u{202F}%");
    assert!(b.ink("repository-activity").await > 0.02);
    let licence = b
        .js("return document.querySelector('#openness-scorecard tr[data-defi=monitorfish] td.mark:nth-of-type(3)').title")
        .await;
    assert_eq!(licence, json!("Licence : oui — licence MIT (LICENSE)"));
    let ci = b
        .js("return document.querySelector('#openness-scorecard tr[data-defi=monitorfish] td.mark:nth-of-type(7)').title")
        .await;
    assert_eq!(ci, json!("Intégration continue : oui — gitlab-ci"));
    // Counts only: no author reached the page.
    let text = b.js("return document.documentElement.outerHTML").await;
    for (name, email) in git_fixture::AUTHORS {
        assert!(
            !text.as_str().unwrap().contains(name) && !text.as_str().unwrap().contains(email),
            "{name}"
        );
    }
    b.finish().await;
    let _ = std::fs::remove_dir_all(&work);
}
