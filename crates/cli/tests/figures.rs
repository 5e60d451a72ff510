//! `eig-pulse figures` on the committed export: every figure with its definition and denominator,
//! for the programme, a promotion and a défi, as JSON and CSV, in both languages; unknown ids told.

mod common;

use common::{run, stderr, stdout};

#[test]
fn the_programme_a_promotion_and_a_defi_say_their_figures() {
    let output = run(&["figures"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let document: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(document["about"], "tout le programme");
    assert!(document["credit"]
        .as_str()
        .unwrap()
        .contains("Licence Ouverte"));
    let figures = document["figures"].as_array().unwrap();
    let key = |k: &str| figures.iter().find(|f| f["key"] == k).cloned();
    // Each share says its denominator, and every figure its definition.
    let alive = key("alive-12").expect("alive at 12 months");
    assert!(
        alive["shown"].as_str().unwrap().contains(" sur "),
        "{alive}"
    );
    assert!(
        alive["basis"].as_str().unwrap().contains("observés"),
        "{alive}"
    );
    assert!(alive["definition"]
        .as_str()
        .unwrap()
        .contains("2 mois actifs"));
    // One figure per promotion and horizon, with « aucune donnée » where nobody is observed.
    assert!(key("dig/alive-12").unwrap()["shown"] == "aucune donnée");
    assert!(key("3/survival-12").is_some());

    let output = run(&[
        "--lang",
        "en",
        "figures",
        "--promotion",
        "3",
        "--format",
        "csv",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = stdout(&output);
    assert!(
        csv.starts_with("key,value,shown,label,basis,definition\r\n"),
        "{csv}"
    );
    assert!(csv.contains("3/alive-6,"), "{csv}");
    assert!(
        csv.contains("EIG 3: défis alive 6 months after the end"),
        "{csv}"
    );

    let output = run(&["figures", "--defi", "monitorfish"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let document: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(document["about"], "MonitorFish");
    let keys: Vec<&str> = document["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["key"].as_str().unwrap())
        .collect();
    assert!(keys.starts_with(&["during", "after", "alive"]), "{keys:?}");
}

#[test]
fn an_unknown_id_is_told_and_nothing_is_printed() {
    for (args, words) in [
        (&["figures", "--defi", "nope"][..], "défi inconnu « nope »"),
        (
            &["figures", "--promotion", "9"][..],
            "promotion inconnue « 9 »",
        ),
    ] {
        let output = run(args);
        assert!(!output.status.success());
        assert!(stderr(&output).contains(words), "{}", stderr(&output));
        assert!(stdout(&output).is_empty());
    }
}

/// The blog's posts about the scope and the défis no post names, counted here from the sources
/// and the committed export, not from the command's own code.
#[test]
fn the_figures_list_the_posts_and_the_defis_never_written_about() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let published = std::fs::read_dir(root.join("data/sources/site-eig/_posts"))
        .unwrap()
        .filter(|e| {
            !e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('_')
        })
        .count();
    let export: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("public/data/export.json")).unwrap(),
    )
    .unwrap();
    let named: std::collections::HashSet<&str> = export["posts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["defis"].as_array().unwrap())
        .map(|d| d["defi_id"].as_str().unwrap())
        .collect();
    let never: Vec<&str> = export["defis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .filter(|id| !named.contains(id))
        .collect();

    let output = run(&["figures"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let document: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(document["posts"].as_array().unwrap().len(), published);
    let untold: Vec<&str> = document["defis_without_post"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(untold, never);
    assert!(untold.contains(&"enki") && !untold.contains(&"previsecours"));

    let output = run(&["figures", "--defi", "previsecours"]);
    let document: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let posts = document["posts"].as_array().unwrap();
    let own = posts
        .iter()
        .find(|p| p["date"] == "2018-10-18")
        .expect("the post on Prévisecours' fire causes");
    assert_eq!(
        own["url"],
        "https://entrepreneur-interet-general.etalab.gouv.fr/blog/2018/10/18/previsecours-causes-incendies-en-ville.html"
    );
    let dates: Vec<&str> = posts.iter().map(|p| p["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert_eq!(document["defis_without_post"], serde_json::json!([]));

    let output = run(&["figures", "--defi", "enki"]);
    let document: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(document["posts"], serde_json::json!([]));
    assert_eq!(document["defis_without_post"][0]["id"], "enki");
}
