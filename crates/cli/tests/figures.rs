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
