//! The help speaks the language of `--lang`, read before parsing; French by default.

mod common;

use common::*;

fn stdout_of(args: &[&str]) -> String {
    let output = run(args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    stdout(&output)
}

#[test]
fn export_help_is_english_with_lang_en() {
    for args in [
        &["--lang", "en", "export", "--help"][..],
        &["export", "--help", "--lang=en"],
    ] {
        let help = stdout_of(args);
        for english in [
            "Builds the JSON export from the catalogue and the journal.",
            "Folder holding defis.yml",
            "Output file.",
            "Language of the messages and of the help: fr or en.",
        ] {
            assert!(
                help.contains(english),
                "{args:?}: no {english:?} in:\n{help}"
            );
        }
        for french in ["Construit", "Dossier", "Fichier", "«", " : "] {
            assert!(!help.contains(french), "{args:?}: {french:?} in:\n{help}");
        }
    }
}

#[test]
fn export_help_is_french_by_default() {
    let help = stdout_of(&["export", "--help"]);
    for french in [
        "Construit l'export JSON à partir du catalogue et du journal.",
        "Dossier contenant defis.yml",
        "Fichier de sortie.",
        "Langue des messages et de l'aide : fr ou en.",
    ] {
        assert!(help.contains(french), "no {french:?} in:\n{help}");
    }
    assert!(!help.contains("Builds the JSON export"), "{help}");
}

#[test]
fn the_program_help_follows_the_language() {
    let english = stdout_of(&["--lang", "en", "--help"]);
    assert!(english.contains("Exports and checks the data"), "{english}");
    assert!(english.contains("Draws a chart of an export"), "{english}");
    let french = stdout_of(&["--help"]);
    assert!(
        french.contains("Exporte et vérifie les données"),
        "{french}"
    );
    assert!(
        french.contains("Dessine un graphique d'un export"),
        "{french}"
    );
}

#[test]
fn an_unknown_chart_is_named_in_the_language_asked() {
    let args = [
        "render", "--export", "e.json", "--chart", "pie", "-o", "o.svg",
    ];
    let output = run(&[&["--lang", "en"][..], &args].concat());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown chart \"pie\" (known: "),
        "{}",
        stderr(&output)
    );
    let output = run(&args);
    assert!(
        stderr(&output).contains("graphique inconnu « pie » (connus : "),
        "{}",
        stderr(&output)
    );
}
