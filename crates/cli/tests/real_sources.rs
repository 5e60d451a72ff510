//! The export of the real sources: figures checked against counts made independently from the raw files.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use eig_pulse_core::contract::export::IssueKind;
use eig_pulse_core::Export;

fn real_export() -> (Export, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("export.json");
    let output = export_real(&out, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(&out).unwrap();
    let export: Export = serde_json::from_str(&text).unwrap();
    (export, text, stderr(&output))
}

fn count<'a>(items: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for item in items {
        *counts.entry(item.to_string()).or_default() += 1;
    }
    counts
}

/// The counts `(item, count)` as [`count`] gives them.
fn counts(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
    pairs.iter().map(|&(k, v)| (k.to_string(), v)).collect()
}

#[test]
fn defis_per_promotion_and_per_skill() {
    let (export, _, _) = real_export();
    assert_eq!(export.defis.len(), 71);
    let per_promotion = count(export.defis.iter().map(|d| d.promotion_id.as_str()));
    let expected = counts(&[("1", 9), ("2", 13), ("3", 15), ("4", 17), ("dig", 17)]);
    assert_eq!(per_promotion, expected);
    let per_skill = count(
        export
            .defis
            .iter()
            .flat_map(|d| d.skills.iter().map(String::as_str)),
    );
    let expected = counts(&[
        ("dataengineering", 7),
        ("datascience", 28),
        ("design", 39),
        ("dev", 45),
        ("geomatique", 4),
    ]);
    assert_eq!(per_skill, expected);
    let promotions: Vec<(&str, i32)> = export
        .promotions
        .iter()
        .map(|p| (p.id.as_str(), p.year))
        .collect();
    assert_eq!(
        promotions,
        vec![
            ("1", 2017),
            ("2", 2018),
            ("3", 2019),
            ("dig", 2019),
            ("4", 2020)
        ]
    );
}

#[test]
fn journal_rows_in_equal_rows_out_with_letters_counted_from_the_raw_csv() {
    let (export, _, _) = real_export();
    // Independent count: the raw CSV read with the csv crate, letters taken from the Cat cell.
    let mut reader = csv::Reader::from_path(journal()).unwrap();
    let read: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Figures recounted by scripts/recount-journal.py: 17 rows repeat an earlier row cell for
    // cell (blocks pasted twice in the source), each entry is counted once.
    assert_eq!(read.len(), 1544);
    let mut seen = std::collections::HashSet::new();
    let raw: Vec<&csv::StringRecord> = read
        .iter()
        .filter(|record| seen.insert(record.iter().map(str::trim).collect::<Vec<_>>()))
        .collect();
    assert_eq!(raw.len(), 1527);
    assert_eq!(
        export.journal.len(),
        raw.len(),
        "rows in = rows out, once each"
    );
    let mut raw_letters: BTreeMap<String, usize> = BTreeMap::new();
    for record in &raw {
        let mut seen = String::new();
        for c in record[4].chars().filter(|c| "ACDIMPSTU".contains(*c)) {
            if !seen.contains(c) {
                seen.push(c);
                *raw_letters.entry(c.to_string()).or_default() += 1;
            }
        }
    }
    let exported = count(
        export
            .journal
            .iter()
            .flat_map(|e| e.categories.iter().map(String::as_str)),
    );
    assert_eq!(exported, raw_letters);
    let expected = counts(&[
        ("A", 106),
        ("C", 172),
        ("D", 164),
        ("I", 60),
        ("M", 355),
        ("P", 608),
        ("S", 22),
        ("T", 97),
        ("U", 94),
    ]);
    assert_eq!(exported, expected);
    // Every row keeps its raw category and its label as written, in file order.
    for (entry, record) in export.journal.iter().zip(&raw) {
        assert_eq!(entry.raw_category, record[4].trim());
        assert_eq!(entry.defi_label, record[0].trim());
    }
}

#[test]
fn repeated_journal_rows_are_reported_and_links_read_as_their_text() {
    let (export, _, report) = real_export();
    // The three blocks pasted twice in the source (Signaux Faibles, 23 and 30 March; Hopkins,
    // 6 April), each repeated line named with the line it repeats.
    for (line, first) in [
        (596, 589),
        (602, 595),
        (718, 711),
        (723, 716),
        (786, 782),
        (789, 785),
    ] {
        assert!(
            report.contains(&format!(
                "journal-2018-full.csv:{line}: ligne identique, cellule pour cellule, à la ligne {first}"
            )),
            "{line}: {report}"
        );
    }
    assert_eq!(
        report
            .matches("ligne identique, cellule pour cellule")
            .count(),
        17
    );
    // Org-mode links are given as their text: no `[[` is left, the description stays.
    assert!(export
        .journal
        .iter()
        .all(|e| !e.task.contains("[[")
            && !e.deliverable.as_deref().unwrap_or_default().contains("[[")));
    assert!(export
        .journal
        .iter()
        .any(|e| e.task == "Débug code de matching existant (datasketch)"));
}

#[test]
fn journal_names_match_defis_and_eig_node_stays_unmatched() {
    let (export, _, report) = real_export();
    let unmatched = count(
        export
            .journal
            .iter()
            .filter(|e| e.defi_id.is_none())
            .map(|e| e.defi_label.as_str()),
    );
    assert_eq!(unmatched, counts(&[("EIG Node", 93)]));
    let per_defi = count(export.journal.iter().filter_map(|e| e.defi_id.as_deref()));
    assert_eq!(
        per_defi["eig-link-2018"], 168,
        "the row's year picks EIG Link 2018"
    );
    assert_eq!(per_defi["coacheleves"], 68, "CoachÉlève + CoachÉlèves");
    assert_eq!(per_defi["brigade-numerique"], 90);
    assert_eq!(per_defi["social-connect"], 104);
    assert_eq!(per_defi["predisauvetage"], 67);
    assert!(!per_defi.contains_key("eig-link-2019") && !per_defi.contains_key("eig-link-2020"));
    assert!(
        report.contains("journal-2018-full.csv:398: nom de défi « EIG Node »"),
        "{report}"
    );
    let moods = count(
        export
            .journal
            .iter()
            .filter_map(|e| e.mood)
            .map(|m| match m {
                1 => "good",
                -1 => "bad",
                _ => "neutral",
            }),
    );
    assert_eq!(moods, counts(&[("bad", 26), ("good", 213), ("neutral", 3)]));
    let first = &export.journal[0];
    assert_eq!(
        (first.date.as_str(), first.task.as_str()),
        ("2018-02-13", "Installation IRC")
    );
}

#[test]
fn administrations_form_one_tree_of_real_bodies() {
    let (export, _, report) = real_export();
    let raw_spellings: std::collections::BTreeSet<&str> = export
        .administrations
        .iter()
        .flat_map(|a| a.aliases.iter().map(String::as_str))
        .collect();
    assert!(
        report.contains("libellés d'administration distincts              67"),
        "{report}"
    );
    assert_eq!(export.administrations.len(), 61);
    let by_id: BTreeMap<&str, &eig_pulse_core::contract::export::Administration> = export
        .administrations
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let parent = |id: &str| by_id[id].parent_id.as_deref();
    assert_eq!(
        parent("direction-generale-de-la-gendarmerie-nationale"),
        Some("ministere-de-l-interieur")
    );
    assert_eq!(
        parent("etalab"),
        Some("direction-interministerielle-du-numerique")
    );
    assert_eq!(
        parent("direction-interministerielle-du-numerique"),
        Some("services-du-premier-ministre")
    );
    assert_eq!(
        parent("service-du-mobilier-national"),
        Some("direction-generale-de-la-creation-artistique")
    );
    assert_eq!(parent("ministere-de-l-interieur"), None);
    // Every one of the 71 défis' raw strings is absorbed by the entity the défi points to.
    let catalogue: indexmap::IndexMap<String, serde_json::Value> =
        serde_saphyr::from_str(&std::fs::read_to_string(site().join("defis.yml")).unwrap())
            .unwrap();
    for (defi, (_, raw)) in export.defis.iter().zip(&catalogue) {
        let written = raw["administration"].as_str().unwrap();
        assert!(
            by_id[defi.administration_id.as_str()]
                .aliases
                .iter()
                .any(|a| a == written),
            "{written}"
        );
        assert!(raw_spellings.contains(written));
    }
    // Ministry of the Interior and everything under it: 3 défis of the ministry itself, and
    // DGGN ×3, ANTAI, Mission Identité Numérique, data mission, DGCL and civil security ×2.
    let under_interior = export
        .defis
        .iter()
        .filter(|d| {
            let mut current = Some(d.administration_id.as_str());
            while let Some(id) = current {
                if id == "ministere-de-l-interieur" {
                    return true;
                }
                current = parent(id);
            }
            false
        })
        .count();
    assert_eq!(under_interior, 12);
}

#[test]
fn malformed_urls_are_left_out_and_recorded_on_the_defi() {
    let (export, _, _) = real_export();
    let defi = |id: &str| export.defis.iter().find(|d| d.id == id).unwrap();
    assert!(defi("afd-geodata").source_code.is_empty());
    let issue = &defi("afd-geodata")
        .issues
        .iter()
        .find(|i| i.kind == IssueKind::MalformedUrl)
        .unwrap();
    assert_eq!(
        issue.value.as_deref(),
        Some("https://entrepreneur-interet-general/AFD_projects")
    );
    assert_eq!(
        defi("adex").source_code,
        vec!["https://gitlab.com/has-sante/public/adex"]
    );
    let with_code = export
        .defis
        .iter()
        .filter(|d| !d.source_code.is_empty())
        .count();
    assert_eq!(
        with_code, 30,
        "33 défis list a source_code, 3 of them malformed"
    );
    let eig = &defi("adex").eigs[1];
    assert_eq!(
        (
            eig.name.as_str(),
            eig.profile.as_deref(),
            eig.role.as_deref()
        ),
        ("Antoine Biard", Some("Data scientist"), Some("datascience"))
    );
    let eig = &defi("adex").eigs[0];
    assert_eq!(
        (eig.name.as_str(), eig.profile.as_deref()),
        ("Anne Catel", Some("Designer"))
    );
}

/// The catalogue's slips, read from the raw files here: each named by the report at its line,
/// and the homonyms exported each under their own profile.
#[test]
fn the_report_names_the_catalogue_slips_and_the_homonyms_keep_their_profiles() {
    let (export, _, err) = real_export();
    let defis = std::fs::read_to_string(site().join("defis.yml")).unwrap();
    let line_of = |defi_key: &str, name: &str| {
        let start = defis
            .lines()
            .position(|l| {
                l.starts_with(&format!("\"{defi_key}\":")) || l.starts_with(&format!("{defi_key}:"))
            })
            .unwrap_or_else(|| panic!("{defi_key}"));
        start
            + 1
            + defis
                .lines()
                .skip(start)
                .position(|l| l.contains(&format!("\"{name}\"")))
                .unwrap()
    };
    for (defi_key, defi_id, name, words) in [
        (
            "Open Chronic",
            "open-chronic",
            "Pierre-Alain Jachiet",
            "(eigs) a des homonymes dans personnes.yml, à un tiret, une casse ou un accent près (« Pierre–Alain Jachiet ») : lu comme « Pierre-Alain Jachiet » (Data scientist)",
        ),
        (
            "ADEX",
            "adex",
            "Pierre–Alain Jachiet",
            "(mentors) a des homonymes dans personnes.yml, à un tiret, une casse ou un accent près (« Pierre-Alain Jachiet ») : lu comme « Pierre–Alain Jachiet » (Mentor)",
        ),
        (
            "MESRI - La machine à données",
            "mesri-la-machine-a-donnees",
            "Laurent Dupont",
            "est mentor dans defis.yml mais EIG (Développeur) dans personnes.yml",
        ),
        (
            "MI - cartAV",
            "mi-cartav",
            "Tristram Gräbener",
            "est mentor dans defis.yml mais EIG (Développeur) dans personnes.yml",
        ),
    ] {
        let expected = format!(
            "defis.yml:{}: défi {defi_id} : « {name} » {words}",
            line_of(defi_key, name)
        );
        assert!(err.contains(&expected), "{expected}\n{err}");
    }
    let member = |defi_id: &str, name: &str| {
        let defi = export.defis.iter().find(|d| d.id == defi_id).unwrap();
        let member = defi.eigs.iter().find(|m| m.name == name).unwrap();
        (member.profile.clone(), member.role.clone())
    };
    assert_eq!(
        member("open-chronic", "Pierre-Alain Jachiet"),
        (Some("Data scientist".into()), Some("datascience".into()))
    );
    // The record's own doubts, kept and marked: « [liens ?] », « (Gem ruby ?) », « À vérifier : ».
    let doubted: Vec<&str> = export
        .openness_items
        .iter()
        .filter(|i| i.to_check)
        .map(|i| i.text.as_str())
        .collect();
    for text in [
        "BaliseNAV : contribution aux icônes SVG de l'IHO [liens ?]",
        "DataESR: (Gem ruby ?)",
        "http://data.drees.sante.gouv.fr [à vérifier]",
    ] {
        assert!(doubted.contains(&text), "{text}: {doubted:?}");
        assert!(
            err.contains(&format!("« {text} » : le relevé lui-même en doute")),
            "{text}"
        );
    }
}

/// The blog's posts: every published file once, by date, with the address Jekyll gives it; a
/// post that links a défi's page is linked to that défi; the report names the posts without one.
#[test]
fn posts_are_read_once_and_linked_by_their_links_names_and_table() {
    let (export, _, report) = real_export();
    let folder = repo().join("data/sources/site-eig/_posts");
    let mut published: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('_'))
        .collect();
    published.sort();
    let mut files: Vec<String> = export.posts.iter().map(|p| p.file.clone()).collect();
    files.sort();
    assert_eq!(files, published);
    assert!(export.posts.windows(2).all(|w| w[0].date <= w[1].date));
    // Every link to a défi's page in a post's text links the post to that défi.
    let pages: BTreeMap<String, String> =
        serde_saphyr::from_str::<BTreeMap<String, serde_json::Value>>(
            &std::fs::read_to_string(repo().join("data/sources/site-eig/defis.yml")).unwrap(),
        )
        .unwrap()
        .into_values()
        .filter_map(|d| {
            Some((
                d["link_to"].as_str()?.to_string(),
                d["title"].as_str()?.to_string(),
            ))
        })
        .collect();
    let mut links = 0;
    for post in &export.posts {
        let text = std::fs::read_to_string(folder.join(&post.file)).unwrap();
        for (page, title) in &pages {
            if text.contains(page.as_str()) {
                links += 1;
                let linked = post.defis.iter().any(|d| {
                    export
                        .defis
                        .iter()
                        .any(|e| e.id == d.defi_id && &e.title == title)
                });
                assert!(linked, "{} links {page}", post.file);
            }
        }
    }
    assert!(links > 80, "{links} links to défi pages");
    let post = |file: &str| export.posts.iter().find(|p| p.file == file).unwrap();
    let restitution = post("18-12-03-restitution-eig2.md");
    assert_eq!(
        restitution.defis.len(),
        13,
        "the table adds EIG 2's 13 défis"
    );
    assert_eq!(
        restitution.url,
        "https://entrepreneur-interet-general.etalab.gouv.fr/blog/2018/12/03/restitution-eig2.html"
    );
    assert!(post("18-12-05-offre-stage.md")
        .defis
        .iter()
        .all(|d| d.defi_id != "gobelins"));
    let without: Vec<&str> = export
        .posts
        .iter()
        .filter(|p| p.defis.is_empty())
        .map(|p| p.file.as_str())
        .collect();
    assert_eq!(without.len(), 12, "{without:?}");
    for file in without {
        assert!(
            report.contains(&format!("{file}: billet sans défi")),
            "{file} not in the report"
        );
    }
    assert!(report.contains("« EIG Link », titre de plusieurs défis"));
}

#[test]
fn the_export_credits_its_sources() {
    use eig_pulse_core::contract::export::SourceKind;
    let (export, _, _) = real_export();
    assert_eq!(export.sources.len(), 4);
    assert!(export
        .sources
        .iter()
        .all(|s| s.license.contains("Licence Ouverte")));
    // Each source's kind and date of update, and what that date is.
    let updated = [
        (
            SourceKind::Catalogue,
            "2021-09-07",
            "defis.yml's last change, not the site repository's",
        ),
        (SourceKind::Blog, "2022-09-05", "the blog's snapshot"),
        (
            SourceKind::Journal,
            "2018-08-03",
            "date of the journal's last entry",
        ),
        (
            SourceKind::Records,
            "2022-07-28",
            "eig-link's snapshot (stacks and openness)",
        ),
    ];
    for (source, (kind, date, what)) in export.sources.iter().zip(updated) {
        assert_eq!(source.kind.as_ref(), Some(&kind), "{what}");
        assert_eq!(source.updated, date, "{what}");
    }
    // With the scan, the repositories' copies: the newest copy's date.
    let committed: Export = serde_json::from_str(
        &std::fs::read_to_string(repo().join("public/data/export.json")).unwrap(),
    )
    .unwrap();
    let repositories = committed.sources.last().unwrap();
    assert_eq!(repositories.kind, Some(SourceKind::Repositories));
    let newest = committed
        .activity
        .iter()
        .filter_map(|a| a.copied_at.as_deref())
        .max()
        .unwrap();
    assert_eq!(repositories.updated, newest);
    assert_eq!(committed.sources[..4], export.sources[..]);
}

#[test]
fn every_export_validates_against_the_published_schema() {
    let (_, text, _) = real_export();
    assert_eq!(schema_errors(&text), Vec::<String>::new());
    let committed = std::fs::read_to_string(repo().join("public/data/export.json")).unwrap();
    assert_eq!(schema_errors(&committed), Vec::<String>::new());
    // A synthetic export too.
    let dir = tempfile::tempdir().unwrap();
    let synth = dir.path().join("synth");
    let output = run(&["synth", "--scale", "2", "--out", synth.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = dir.path().join("synth.json");
    let output = export_from(
        &synth.join("site-eig"),
        &synth.join("journal.csv"),
        &out,
        &[],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let synthetic: Export = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(synthetic.defis.len(), 142);
    // Every CSV row twice, EIG Node's rows of no défi twice: `python3 scripts/recount-journal.py`
    // (« synthetic ×2 », 3 088 rows read). Each copy's dates move by whole weeks at random (a
    // fixed seed): 6 rows land on a row identical to another and count once.
    assert_eq!(synthetic.journal.len(), 3088 - 6);
    assert_eq!(
        synthetic
            .journal
            .iter()
            .filter(|e| e.defi_id.is_none())
            .count(),
        186
    );
    // 26 défis have journal rows: the task-mix chart keeps the 25 most active.
    let cohort = eig_pulse_core::Cohort::new(synthetic.clone());
    let everything = eig_pulse_core::Filters::default();
    let selection = cohort.select(&everything);
    let mix = eig_pulse_core::catalogue::journal_mix_by_defi::journal_mix_by_defi(
        &cohort,
        &selection,
        eig_pulse_core::Lang::Fr,
    );
    assert_eq!(
        mix.categories.len(),
        eig_pulse_core::catalogue::journal_mix_by_defi::MOST_ACTIVE_DEFIS
    );
    assert_eq!(
        schema_errors(&std::fs::read_to_string(&out).unwrap()),
        Vec::<String>::new()
    );
}

#[test]
fn the_committed_export_is_not_stale() {
    let committed = std::fs::read_to_string(repo().join("public/data/export.json")).unwrap();
    let generated_at = serde_json::from_str::<serde_json::Value>(&committed).unwrap()
        ["generated_at"]
        .as_str()
        .unwrap()
        .to_string();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("export.json");
    // Paths as the command below writes them: the export records the records' path.
    let output = export_from(
        Path::new("data/sources/site-eig"),
        Path::new("data/sources/eig-link-journal/journal-2018-full.csv"),
        &out,
        &[
            "--eig-link",
            "data/sources/eig-link",
            "--activity",
            "data/activity.json",
            "--generated-at",
            &generated_at,
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let fresh = std::fs::read_to_string(&out).unwrap();
    assert!(
        fresh == committed,
        "public/data/export.json disagrees with the committed sources: run `cargo run -p eig-pulse-cli -- export \
         --site data/sources/site-eig --journal data/sources/eig-link-journal/journal-2018-full.csv \
         --eig-link data/sources/eig-link --activity data/activity.json -o public/data/export.json`"
    );
}

#[test]
fn strict_turns_warnings_into_a_failure_without_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("export.json");
    let output = export_real(&out, &["--strict"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("--strict"));
    assert!(!out.exists());
}

#[test]
fn the_report_speaks_english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let output = export_real(&dir.path().join("e.json"), &["--lang", "en"]);
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("Fidelity report"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("matches no défi"));
}

/// The published schema's closed sets are the core's: a name added on one side only fails here.
#[test]
fn schema_lists_the_closed_sets_of_the_core() {
    use eig_pulse_core::contract::export::{
        CiSystem, MatchedBy, OpennessKind, PostMatch, SourceKind, TechnologyKind,
    };
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schema/export.schema.json")).unwrap(),
    )
    .unwrap();
    let properties = |list: &str| schema["properties"][list]["items"]["properties"].clone();
    let listed = |value: &serde_json::Value| -> Vec<String> {
        value["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("no enum in {value}"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let activity = properties("activity");
    assert_eq!(listed(&activity["matched_by"]), MatchedBy::NAMES);
    assert_eq!(
        listed(&activity["openness"]["properties"]["ci"]["items"]),
        CiSystem::NAMES
    );
    assert_eq!(
        listed(&properties("technologies")["kind"]),
        TechnologyKind::NAMES
    );
    assert_eq!(
        listed(&properties("openness_items")["kind"]),
        OpennessKind::NAMES
    );
    assert_eq!(
        listed(&properties("posts")["defis"]["items"]["properties"]["matched_by"]),
        PostMatch::NAMES
    );
    assert_eq!(listed(&properties("sources")["kind"]), SourceKind::NAMES);
    // Each set's names and values agree.
    assert!(OpennessKind::KNOWN
        .iter()
        .zip(OpennessKind::NAMES)
        .all(|(kind, name)| kind.as_str() == *name && OpennessKind::from(*name) == *kind));
}

/// The published schema states the core's bounds: a bound changed on one side only fails here.
#[test]
fn schema_states_the_bounds_of_the_core() {
    use eig_pulse_core::contract::export::JOURNAL_CATEGORIES;
    use eig_pulse_core::contract::limits::*;
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schema/export.schema.json")).unwrap(),
    )
    .unwrap();
    let at = |pointer: &str| -> u64 {
        schema
            .pointer(pointer)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or_else(|| panic!("no bound at {pointer}"))
    };
    let item = |list: &str, field: &str| format!("/properties/{list}/items/properties/{field}");
    let bounds: Vec<(String, usize)> = vec![
        ("/properties/sources".into(), MAX_SOURCES),
        ("/properties/defis".into(), MAX_DEFIS),
        ("/properties/administrations".into(), MAX_ADMINISTRATIONS),
        ("/properties/journal".into(), MAX_JOURNAL_ENTRIES),
        ("/properties/activity".into(), MAX_REPOSITORIES),
        ("/properties/skills".into(), MAX_SKILLS),
        ("/properties/promotions".into(), MAX_PROMOTIONS),
        (
            "/properties/journal_categories".into(),
            JOURNAL_CATEGORIES.len(),
        ),
        ("/properties/unscanned".into(), MAX_UNSCANNED),
        ("/properties/technologies".into(), MAX_TECHNOLOGIES),
        ("/properties/stacks".into(), MAX_STACKS),
        ("/properties/openness_records".into(), MAX_PROMOTIONS),
        ("/properties/openness_items".into(), MAX_OPENNESS_ITEMS),
        ("/properties/posts".into(), MAX_POSTS),
        (item("posts", "tags"), MAX_ITEM_LIST),
        (item("posts", "defis"), MAX_ITEM_LIST),
        (item("defis", "skills"), MAX_ITEM_LIST),
        (item("defis", "eigs"), MAX_ITEM_LIST),
        (item("defis", "mentors"), MAX_ITEM_LIST),
        (item("defis", "source_code"), MAX_ITEM_LIST),
        (item("defis", "key_figures"), MAX_ITEM_LIST),
        (item("defis", "issues"), MAX_ITEM_LIST),
        (item("administrations", "aliases"), MAX_ITEM_LIST),
        (item("promotions", "dates"), MAX_ITEM_LIST),
        (item("journal", "categories"), JOURNAL_CATEGORIES.len()),
        (item("stacks", "mentions"), MAX_ITEM_LIST),
        (item("activity", "languages"), MAX_ITEM_LIST),
        (item("activity", "frameworks"), MAX_ITEM_LIST),
        (item("activity", "openness/properties/ci"), MAX_ITEM_LIST),
        (
            item("activity", "openness/properties/absent"),
            MAX_ITEM_LIST,
        ),
    ];
    for (pointer, bound) in bounds {
        assert_eq!(
            at(&format!("{pointer}/maxItems")),
            bound as u64,
            "{pointer}"
        );
    }
    assert_eq!(
        at(&format!(
            "{}/items/properties/bytes/maximum",
            item("activity", "languages")
        )),
        MAX_LANGUAGE_BYTES
    );
}
