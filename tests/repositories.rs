//! Repository activity end to end: the real export as an export made without `--repos` would be
//! (no activity: a notice, « ? » cells) and the real export with `tests/fixtures/activity.json`,
//! against the core's figures.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use eig_pulse_core::contract::validate::parse_export;
use eig_pulse_core::measures::activity::repository_figures;
use eig_pulse_core::measures::figures::{defi_figures, selection_figures};
use eig_pulse_core::{Cohort, Filters, Lang};
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

/// The real export as the exporter writes it without `--activity` and `--repos`: no activity
/// records, no repository listed as not scanned, no credit for the copies.
fn export_without_activity() -> String {
    let real = std::fs::read_to_string(dist().join("data/export.json")).unwrap();
    let mut export = parse_export(&real).unwrap();
    assert!(
        !export.activity.is_empty(),
        "the committed export has activity"
    );
    export.activity.clear();
    export.unscanned.clear();
    export.sources.retain(|s| s.url != "https://github.com");
    serde_json::to_string(&export).unwrap()
}

fn site() -> u16 {
    let mut routes = Routes::new();
    routes.insert(
        "/activity.json".into(),
        (200, "application/json", export_with_activity().into_bytes()),
    );
    routes.insert(
        "/no-activity.json".into(),
        (
            200,
            "application/json",
            export_without_activity().into_bytes(),
        ),
    );
    serve(dist(), routes)
}

async fn open(port: u16, query: &str) -> Browser {
    open_drawn(port, query, 1280, 2000, 6).await
}

/// The dashboard of [`site`] at `query`, its six charts drawn.
async fn page(query: &str) -> Browser {
    open(site(), query).await
}

/// The export with the activity fixture, as core reads it and as the page shows it.
async fn with_activity() -> (Cohort, Browser) {
    let cohort = Cohort::new(parse_export(&export_with_activity()).unwrap());
    let b = page("index.html?data=activity.json&theme=light").await;
    (cohort, b)
}

/// A défi's row of marks in the scorecard, one symbol a column (« ✓ », « ✗ », « ? »).
async fn marks(b: &Browser, defi: &str) -> serde_json::Value {
    b.js(&format!("return [...document.querySelectorAll('#openness-scorecard tr[data-defi={defi}] td.mark')].map(td => td.querySelector('[aria-hidden]').textContent).join('')"))
        .await
}

/// The title of the mark in a défi's `column`-th cell of the scorecard (`td:nth-of-type`).
async fn mark_title(b: &Browser, defi: &str, column: usize) -> serde_json::Value {
    b.js(&format!("return document.querySelector('#openness-scorecard tr[data-defi={defi}] td.mark:nth-of-type({column})').title"))
        .await
}

/// The page shows core's figures of `cohort` word for word (those of `eig-pulse figures`).
async fn assert_shows_core_figures(b: &Browser, cohort: &Cohort) {
    for expected in selection_figures(cohort, &cohort.select(&Filters::default()), Lang::Fr) {
        assert_eq!(
            b.figure(&expected.key).await,
            expected.shown,
            "{}",
            expected.key
        );
    }
}

#[tokio::test]
async fn repository_activity_figures_chart_and_scorecard_follow_the_filters() {
    let (cohort, b) = with_activity().await;

    let all = Filters::default();
    let expected = repository_figures(&cohort, &cohort.select(&all));
    assert_eq!(b.figure("repositories").await, "5");
    assert_eq!(expected.repositories, 5);
    assert_eq!(b.figure("licensed").await, "80\u{202F}%");
    assert!(!b.has(".no-activity").await, "no notice with activity");
    let ink = b.ink("repository-activity").await;
    assert!(ink > 0.02, "activity canvas almost blank: {ink}");
    let label = b.summary("repository-activity").await;
    assert!(label.contains("Mois le plus actif"), "{label}");
    // The ten months of EIG 2 are shaded: DSFR blue-france-950 behind the bars.
    let shaded = b
        .pixels(
            "repository-activity",
            "d[i] === 236 && d[i+1] === 236 && d[i+2] === 254",
        )
        .await;
    assert!(shaded > 0.01, "no shaded window: {shaded}");

    // Scorecard: the first 25 défis, best first, then all on demand; symbols and words.
    assert_eq!(b.count("#openness-scorecard tbody tr").await, 25);
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
    let monitorfish = marks(&b, "monitorfish").await;
    // Nine criteria; the last two, releases and alive: the fixture's record has a tag (v1.40.0)
    // and human commits in the months before its copy.
    assert_eq!(monitorfish, json!("✓✓✓✓✗✓✓✓✓"));
    let title = mark_title(&b, "monitorfish", 3).await;
    assert_eq!(title, json!("Licence : oui — licence AGPL-3.0 (LICENSE)"));
    b.click("#openness-scorecard .details-toggle").await;
    b.wait_for_element("#openness-scorecard .mark-detail", "details written out")
        .await;
    b.screenshot("repositories").await;
    b.assert_accessible("the page").await;

    // One promotion: weekly bars, its défis only.
    b.choose("filtre-promo", "2").await;
    b.wait_for_query("promo=2", true).await;
    b.wait_for_summary("repository-activity", "Semaine la plus active", true)
        .await;
    let (filters, _) = Filters::from_query("promo=2", &cohort.export);
    let selection = cohort.select(&filters);
    assert_eq!(b.figure("repositories").await, "3");
    assert_eq!(
        b.count("#openness-scorecard tbody tr").await,
        selection.defis.len()
    );
    // A défi's name opens its panel.
    b.click("#openness-scorecard tr[data-defi=hopkins] th button")
        .await;
    b.wait_for_element(".defi-panel[data-defi=hopkins]", "the panel")
        .await;
    b.finish().await;
}

#[tokio::test]
async fn without_activity_the_page_says_why_and_marks_unknowns() {
    let b = page("index.html?data=no-activity.json").await;
    b.wait_for_element(".no-activity", "the notice").await;
    assert!(b.text(".no-activity").await.contains("--repos"));
    // Without a scan, the code's figures are not shown at all (not as zeros).
    assert_eq!(b.count(".figure[data-figure=repositories]").await, 0);
    let adex = marks(&b, "adex").await;
    assert_eq!(adex, json!("✓????????"));
    b.finish().await;
}

#[tokio::test]
async fn the_committed_export_shows_its_scanned_repositories() {
    let b = page("index.html").await;
    b.wait_for_element(
        ".figure[data-figure=repositories]",
        "the repository figures",
    )
    .await;
    assert!(!b.has(".no-activity").await, "no notice with activity");
    // 32 records of data/activity.json for 31 repositories (eig-link serves two défis and counts
    // once); 23 of their 29 défis with a licence file (`python3 scripts/recount-activity.py`).
    assert_eq!(b.figure("repositories").await, "31");
    assert_eq!(b.figure("licensed").await, "79\u{202F}%");
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

#[tokio::test]
async fn progress_after_the_ten_months_and_the_cohorts_follow_the_filters() {
    let (cohort, b) = with_activity().await;
    assert_shows_core_figures(&b, &cohort).await;
    for chart in [
        "code-survival",
        "code-handover",
        "cohorts-cumulative-commits",
        "perennisation-by-promotion",
    ] {
        let ink = b.ink(chart).await;
        assert!(ink > 0.02, "{chart} almost blank: {ink}");
    }
    let cohorts = b.summary("cohorts-cumulative-commits").await;
    assert!(cohorts.contains("En tête à 10 mois"), "{cohorts}");
    assert!(
        cohorts.contains("EIG 4") && cohorts.contains("EIG 2"),
        "{cohorts}"
    );
    let perennity = b.summary("perennisation-by-promotion").await;
    assert!(perennity.contains("Ne comptent"), "{perennity}");
    // Downloads: the CSV carries the quartiles of each median, the SVG the same drawing.
    b.click("#cohorts-cumulative-commits [data-download=csv]")
        .await;
    let csv = String::from_utf8(b.downloaded("cohorts-cumulative-commits.csv").await).unwrap();
    let rows: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(
        rows[0],
        "category_key,category,series_key,series,value,low,high"
    );
    assert_eq!(rows.len(), 1 + 25 * 3, "25 months × 3 promotions: {rows:?}");
    b.click("#perennisation-by-promotion [data-download=svg]")
        .await;
    let svg = String::from_utf8(b.downloaded("perennisation-by-promotion.svg").await).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("Vivants après la fin, par promotion"));

    // One promotion: its line only.
    b.choose("filtre-promo", "2").await;
    b.wait_for_summary("cohorts-cumulative-commits", "EIG 4", false)
        .await;
    let cohorts = b.summary("cohorts-cumulative-commits").await;
    assert!(cohorts.contains("EIG 2 (3 défis)"), "{cohorts}");

    // The défi panel says what became of its code: core's figures for the défi.
    let hopkins = defi_figures(&cohort, cohort.defi_index("hopkins").unwrap(), Lang::Fr);
    let shown = |key: &str| {
        hopkins
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.shown.clone())
            .unwrap()
    };
    b.click("#openness-scorecard tr[data-defi=hopkins] th button")
        .await;
    b.wait_for_element(".defi-panel [data-progress=during]", "the panel's progress")
        .await;
    let during = b.text(".defi-panel [data-progress=during]").await;
    assert!(during.starts_with(&shown("during")), "{during}");
    let after = b.text(".defi-panel [data-progress=after]").await;
    assert!(after.starts_with(&shown("after")), "{after}");
    let taken_over = b.text(".defi-panel [data-progress=taken-over]").await;
    assert!(taken_over.starts_with("repris par "), "{taken_over}");
    // Every outside link of the panel leaves without a referrer (issue 22).
    assert_eq!(
        b.js("return [...document.querySelectorAll('.defi-panel a[href^=http]')].every(a => a.rel.includes('noopener') && a.rel.includes('noreferrer'))")
            .await,
        json!(true)
    );
    b.screenshot("progress-panel").await;
    b.finish().await;
}

#[tokio::test]
async fn the_new_charts_embed_like_the_others() {
    let port = site();
    for (query, title) in [
        (
            "index.html?chart=cohorts-cumulative-commits&data=activity.json",
            "Les promotions côte à côte",
        ),
        (
            "index.html?chart=perennisation-by-promotion&data=activity.json&promo=4&lang=en",
            "Alive after the end, per promotion",
        ),
        (
            "index.html?chart=code-survival&data=activity.json",
            "Le code vit-il encore ?",
        ),
        (
            "index.html?chart=code-handover&data=activity.json&lang=en",
            "Who took the code over?",
        ),
    ] {
        let b = open_drawn(port, query, 800, 900, 1).await;
        assert!(b.text("h1").await.contains(title), "{query}");
        let chart = query
            .split("chart=")
            .nth(1)
            .unwrap()
            .split('&')
            .next()
            .unwrap();
        assert!(b.ink(chart).await > 0.02, "{query}");
        b.finish().await;
    }
}

/// The scorecard with its evidence written out, on a desktop and on a phone: every piece of
/// evidence stays within its cell, and one box only scrolls sideways.
#[tokio::test]
async fn the_scorecard_evidence_stays_in_its_column() {
    let port = site();
    for (width, name) in [(1280, "scorecard-1280"), (360, "scorecard-360")] {
        let b = open_drawn(
            port,
            "index.html?data=activity.json&theme=light",
            width,
            2000,
            1,
        )
        .await;
        b.click("#openness-scorecard .details-toggle").await;
        b.wait_for_element("#openness-scorecard .mark-detail", "details written out")
            .await;
        b.js("document.getElementById('openness-scorecard').scrollIntoView()")
            .await;
        let overflowing = b
            .js("return [...document.querySelectorAll('#openness-scorecard .mark-detail')].filter(d => { const c = d.closest('td').getBoundingClientRect(), r = d.getBoundingClientRect(); return r.right > c.right + 1 || r.left < c.left - 1; }).length")
            .await;
        assert_eq!(
            overflowing,
            json!(0),
            "{width} px: evidence over its neighbours"
        );
        let scrollers = b
            .js("return [document.getElementById('openness-scorecard'), ...document.querySelectorAll('#openness-scorecard *'), document.documentElement].filter(e => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).map(e => e.className)")
            .await;
        assert!(
            scrollers.as_array().unwrap().len() <= 1,
            "{width} px: several boxes scroll sideways: {scrollers}"
        );
        let page = b
            .js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")
            .await;
        assert_eq!(
            page,
            json!(true),
            "{width} px: the page itself scrolls sideways"
        );
        b.screenshot(name).await;
        b.finish().await;
    }
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
    // Hopkins: three commits in March 2018 (EIG 2's ten months), a README and a Python file.
    let hopkins = repos.join("hopkins");
    git_fixture::init(&hopkins);
    for (day, author) in [
        ("05", git_fixture::AUTHORS[0]),
        ("06", git_fixture::AUTHORS[1]),
        ("14", git_fixture::AUTHORS[0]),
    ] {
        git_fixture::commit(
            &hopkins,
            author,
            &format!("2018-03-{day}T10:00:00Z"),
            &[
                ("README.md", &format!("# Hopkins {day}\n")),
                ("explorer.py", &format!("print('graph {day}')\n")),
            ],
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
    assert_eq!(b.figure("repositories").await, "2");
    // Hopkins' three commits, each a person's, fall in EIG 2's ten months.
    let exported = Cohort::new(parse_export(&std::fs::read_to_string(&export).unwrap()).unwrap());
    let hopkins = exported.defi_index("hopkins").unwrap();
    let during = defi_figures(&exported, hopkins, Lang::Fr)
        .into_iter()
        .find(|f| f.key == "during")
        .and_then(|f| f.value);
    assert_eq!(during, Some(3.0));
    assert_shows_core_figures(&b, &exported).await;
    assert_eq!(b.figure("licensed").await, "50\u{202F}%");
    assert!(b.ink("repository-activity").await > 0.02);
    let licence = mark_title(&b, "monitorfish", 3).await;
    assert_eq!(licence, json!("Licence : oui — licence MIT (LICENSE)"));
    let ci = mark_title(&b, "monitorfish", 7).await;
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
