//! Hostile inputs for the exporter, generated here (nothing stored): records nested or sized to
//! break the parsers, many bullets and many keys that slug alike, citations of devices, pipes
//! and files out of `data/`, terminal controls and tokens in names, folders and URLs, labels a
//! megabyte long in the embed pages, and `clone` asked for private addresses. Each case says
//! what the user sees; `--nocapture` prints how long each took.

mod common;
#[path = "../../repos/tests/fixture/mod.rs"]
mod fixture;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Runs the binary in `dir` (where no `data/` of the repository is read by default), killed if
/// it is still running after `limit`: a blocked read fails the test instead of hanging it.
fn run_within(dir: &Path, args: &[&str], limit: Duration, what: &str) -> Output {
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_eig-pulse"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let pid = child.id().to_string();
    // The pipes are read while the child runs, so that a long report never blocks it.
    let (done, outcome) = std::sync::mpsc::channel();
    std::thread::spawn(move || done.send(child.wait_with_output()));
    let Ok(output) = outcome.recv_timeout(limit) else {
        let _ = Command::new("kill").args(["-9", &pid]).status();
        panic!("{what}: still running after {limit:?}");
    };
    eprintln!("hostile: {what}: {:.2?}", started.elapsed());
    output.unwrap()
}

const LIMIT: Duration = Duration::from_secs(60);

/// The small catalogue of `common::write_site` with a 2019 promotion too (for `stack_2019.md`).
fn site_with(dir: &Path, defis: &[(&str, Option<&str>)]) -> PathBuf {
    let site = write_site(dir, defis);
    let promos = site.join("promos.yml");
    let mut text = fs::read_to_string(&promos).unwrap();
    text.push_str("\"EIG 3\":\n  promotion: 3\n  title: EIG 3\n  class: 2019 eig-3\n");
    fs::write(promos, text).unwrap();
    site
}

/// `export` of the small catalogue in `dir`, with `extra` arguments; the output path is
/// `dir/out.json`.
fn export(dir: &Path, extra: &[&str], what: &str) -> (Output, PathBuf) {
    let args = small_export_args(dir, extra);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    (run_within(dir, &args, LIMIT, what), dir.join("out.json"))
}

/// An export refused with exit 2, its message naming `place`, and nothing written.
fn assert_refused(output: &Output, out: &Path, place: &str, words: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains(place), "{place}: {err}");
    assert!(err.contains(words), "{words}: {err}");
    assert!(!out.exists(), "nothing is written");
}

/// One eig-link record of the défi Alpha: its file name and its text.
struct Record {
    name: &'static str,
    text: String,
}

impl Record {
    /// The 2018 org record, Alpha's heading followed by `body`.
    fn org(body: &str) -> Record {
        Record {
            name: "stack_2018.org",
            text: format!("* Alpha\n{body}"),
        }
    }

    /// The 2019 Markdown record, Alpha's heading followed by `body`.
    fn markdown(body: &str) -> Record {
        Record {
            name: "stack_2019.md",
            text: format!("# Stacks\n## Alpha\n{body}"),
        }
    }
}

/// Writes `record` alone into `dir/eig-link` and exports with it.
fn export_record(dir: &Path, record: &Record, what: &str) -> (Output, PathBuf) {
    let records = dir.join("eig-link");
    fs::create_dir_all(&records).unwrap();
    for old in fs::read_dir(&records).unwrap() {
        fs::remove_file(old.unwrap().path()).unwrap();
    }
    fs::write(records.join(record.name), &record.text).unwrap();
    let records = records.display().to_string();
    export(dir, &["--eig-link", &records], what)
}

/// An org bullet of `depth` emphasis marks opened, then closed in the reverse order.
fn nested_emphasis(depth: usize) -> String {
    let marks = ['*', '/', '+', '_', '~', '='];
    let (mut opening, mut closing) = (String::new(), String::new());
    for n in 0..depth {
        opening.push_str(&format!("{}a ", marks[n % 6]));
        closing.insert_str(0, &format!(" z{}", marks[n % 6]));
    }
    format!("- {opening}x{closing}\n")
}

#[test]
fn records_nested_too_deep_or_too_large_stop_the_export_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    site_with(dir.path(), &[("Alpha", None)]);
    let nested_org = |depth: usize| -> String {
        (0..depth)
            .map(|depth| format!("{}- x\n", " ".repeat(depth)))
            .collect()
    };
    // (what, the record, the place and the words of the message).
    let cases: Vec<(&str, Record, &str, &str)> = vec![
        // Issue 22's cases: an org list nested 3 000 deep (4.5 MB of indentation), one 200 KB
        // Markdown line of nested bullets, 100 000 bullets.
        (
            "org list nested 3 000 deep",
            Record::org(&nested_org(3000)),
            "stack_2018.org : relevé de",
            "au plus 32768 sont lus",
        ),
        (
            "200 KB Markdown line of nested bullets",
            Record::markdown(&format!("{}Python\n", "- ".repeat(100_000))),
            "stack_2019.md : relevé de",
            "au plus 32768 sont lus",
        ),
        (
            "100 000 org bullets",
            Record::org(&"- Python\n".repeat(100_000)),
            "stack_2018.org : relevé de",
            "au plus 32768 sont lus",
        ),
        // Within the size: nesting past 32 levels, named by its line.
        (
            "org list nested 40 deep",
            Record::org(&nested_org(40)),
            "stack_2018.org, ligne 34 :",
            "sur plus de 32 niveaux",
        ),
        (
            "2 000 nested org blocks",
            Record::org(&"#+begin_quote\n".repeat(2000)),
            "stack_2018.org, ligne 34 :",
            "32 niveaux",
        ),
        (
            "4 KB Markdown line of nested bullets",
            Record::markdown(&format!("{}Python\n", "- ".repeat(2_000))),
            "stack_2019.md, ligne 3 :",
            "32 niveaux",
        ),
        // Blocks and drawers left open: orgize would seek each one's end through the whole text.
        (
            "mismatched org blocks",
            Record::org(&"#+begin_quote\n#+end_src\n".repeat(1_250)),
            "stack_2018.org, ligne",
            "ouverts sans fin sur plus de 32",
        ),
        (
            "org drawers left open",
            Record::org(&":A:\n".repeat(8_000)),
            "stack_2018.org, ligne",
            "ouverts sans fin sur plus de 32",
        ),
        (
            // One line of nested emphasis, which orgize reads in more than quadratic time.
            "30 KB line of nested org emphasis",
            Record::org(&nested_emphasis(5_000)),
            "stack_2018.org, ligne 2 :",
            "ligne de 30003 octets, au plus 4096",
        ),
    ];
    for (what, record, place, words) in cases {
        let (output, out) = export_record(dir.path(), &record, what);
        assert_refused(&output, &out, place, words);
    }
}

#[test]
fn records_at_the_size_limit_are_read_in_time() {
    let dir = tempfile::tempdir().unwrap();
    site_with(dir.path(), &[("Alpha", None)]);
    // 6 500 bullets fill the 32 KiB a record may hold; their 6 500 mentions are cut to the
    // contract's 1 000, and the report says so.
    let (output, _) = export_record(
        dir.path(),
        &Record::org(&"- Go\n".repeat(6_500)),
        "6 500 org bullets (32 KB)",
    );
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(
        err.contains("stack « Alpha » : 6500 mentions, seules les 1000 premières sont gardées"),
        "{err}"
    );
    let (output, _) = export_record(
        dir.path(),
        &Record::markdown(&"- Go\n".repeat(6_500)),
        "6 500 Markdown bullets (32 KB)",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // orgize's slowest texts known, within the limits: nested emphasis on lines of 4 KB,
    // 32 blocks and 32 drawers left open before 32 KB of text.
    let emphasis = nested_emphasis(680).repeat(7);
    let open = format!(
        "{}x\n{}",
        "#+begin_quote\n:A:\n".repeat(16),
        "- x\n".repeat(7_800)
    );
    for (what, text) in [
        ("7 lines of 4 KB of nested org emphasis", emphasis),
        ("32 org blocks and drawers left open", open),
    ] {
        let (output, _) = export_record(dir.path(), &Record::org(&text), what);
        assert_eq!(output.status.code(), Some(0), "{what}: {}", stderr(&output));
    }
}

#[test]
fn ten_thousand_keys_that_slug_alike_get_ten_thousand_ids() {
    let dir = tempfile::tempdir().unwrap();
    site_with(dir.path(), &[("Adex", None)]);
    // « Adex!?.;: » and the like: 10 000 keys, one slug.
    let marks = ['!', '?', '.', ';', ':', '#', '%', '&', '*', '+'];
    let mut defis = String::new();
    for n in 0..10_000usize {
        let suffix: String = (0..4)
            .map(|place| marks[n / 10usize.pow(place) % 10])
            .collect();
        defis.push_str(&format!(
            "\"Adex{suffix}\":\n  title: Adex\n  skills: [dev]\n  year: 2018\n  promotion: 2\n  administration: Ministère de l'Intérieur\n"
        ));
    }
    fs::write(dir.path().join("site/defis.yml"), defis).unwrap();
    let (output, out) = export(dir.path(), &[], "10 000 défi keys that slug alike");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let export: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out).unwrap()).unwrap();
    let ids: Vec<&str> = export["defis"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["id"].as_str())
        .collect();
    assert_eq!(ids.len(), 10_000);
    assert!(ids.contains(&"adex") && ids.contains(&"adex-10000"));
    // That they take linear time is checked without a clock, by counting tries
    // (`keys_that_slug_alike_take_one_try_each`, crates/ingest/src/names.rs).
}

/// A promotions file in `dir/data` whose one date cites `source` with `quote`.
fn promotions_citing(dir: &Path, source: &str, quote: &str) -> String {
    let data = dir.join("data");
    fs::create_dir_all(data.join("sources")).unwrap();
    let path = data.join("promotions.yml");
    fs::write(
        &path,
        format!(
            "months: 10\npromotions:\n  \"2\":\n    - event: start\n      date: 2018-01-15\n      basis: stated\n      source: \"{source}\"\n      quote: \"{quote}\"\n"
        ),
    )
    .unwrap();
    path.display().to_string()
}

#[test]
fn citations_are_files_of_the_sources_folder() {
    let dir = tempfile::tempdir().unwrap();
    site_with(dir.path(), &[("Alpha", None)]);
    let sources = dir.path().join("data/sources");
    fs::create_dir_all(&sources).unwrap();
    fs::write(dir.path().join("outside.md"), "le 15 janvier").unwrap();
    fs::write(sources.join("big.md"), "le 15 janvier ".repeat(150_000)).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", sources.join("link.md")).unwrap();
    let fifo = sources.join("pipe.md");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());

    // Refused as written, at the date's line, whatever the file holds: no oracle on its text.
    for source in [
        "/dev/zero",
        "/etc/passwd",
        "../outside.md",
        "sources/../../outside.md",
    ] {
        for quote in ["root:", "no such words"] {
            let promotions = promotions_citing(dir.path(), source, quote);
            let (output, out) = export(
                dir.path(),
                &["--promotions", &promotions],
                &format!("citation of {source}"),
            );
            assert_refused(
                &output,
                &out,
                "promotions.yml, ligne 4 :",
                "doit être un chemin relatif au dossier de ce fichier",
            );
        }
    }
    // Refused once looked at, never opened: a pipe, a link out of the folder, a large file.
    for (source, words) in [
        ("sources/pipe.md", "pas un fichier ordinaire"),
        (
            "sources/link.md",
            "lien qui mène hors du dossier du fichier des promotions",
        ),
        (
            "sources/big.md",
            "fichier de 2100000 octets, au plus 1048576 sont lus",
        ),
    ] {
        let promotions = promotions_citing(dir.path(), source, "le 15 janvier");
        let (output, out) = export(
            dir.path(),
            &["--promotions", &promotions],
            &format!("citation of {source}"),
        );
        assert_refused(&output, &out, "promotions.yml, ligne 4 :", words);
    }
}

/// Bytes a terminal acts on: ESC, BEL, C1's CSI in UTF-8, a bidi override.
fn assert_printable(output: &Output, token: &str) {
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        for (name, control) in [
            ("ESC", "\u{1b}"),
            ("BEL", "\u{7}"),
            ("CSI", "\u{9b}"),
            ("RLO", "\u{202e}"),
        ] {
            assert!(!text.contains(control), "{name} on {stream}: {text:?}");
        }
        assert!(!text.contains(token), "token on {stream}: {text}");
    }
}

const TOKEN: &str = "ghp_T0kenN0tForY0urEyes";

#[test]
fn names_folders_and_urls_reach_the_terminal_escaped_and_without_credentials() {
    let dir = tempfile::tempdir().unwrap();
    site_with(dir.path(), &[("Alpha", None)]);
    // A journal whose names clear the screen, set the clipboard, reorder a line and fake a
    // success message on a line of its own.
    fs::write(
        dir.path().join("journal.csv"),
        "Défi,Livrable,Tâche,Fait le,Cat,OK\n\
         \u{1b}[2J\u{1b}[H,,Tâche,<2018-02-13 mar.>,P,1\n\
         \u{1b}]52;c;ZXZpbA==\u{7},,Tâche,<2018-02-13 mar.>,P,1\n\
         \u{9b}31mrouge\u{202e}txt.exe,,Tâche,<2018-02-13 mar.>,P,1\n\
         \"x\nexport écrit : /tmp/faux.json\",,Tâche,<2018-02-13 mar.>,P,1\n",
    )
    .unwrap();
    // A folder of clones with a hostile name, and a clone whose remote holds a token.
    let repos = dir.path().join("repos");
    fs::create_dir_all(repos.join("\u{1b}[31mrouge")).unwrap();
    fixture::sample(
        &repos.join("tokened"),
        &format!("https://user:{TOKEN}@github.com/etalab/nowhere"),
    );
    let repos = repos.display().to_string();
    let (output, _) = export(
        dir.path(),
        &["--repos", &repos],
        "hostile names and remotes",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_printable(&output, TOKEN);
    let err = stderr(&output);
    assert!(err.contains("\\u{1b}]52;c;ZXZpbA==\\u{7}"), "{err}");
    assert!(
        err.contains("x\\u{a}export écrit : /tmp/faux.json"),
        "{err}"
    );
    assert!(
        err.contains("« https://github.com/etalab/nowhere »"),
        "{err}"
    );

    // An error quoting a hostile key: `erreur :` and the escaped key.
    let defis = dir.path().join("site/defis.yml");
    fs::write(
        &defis,
        "\"\u{1b}]8;;https://evil.example\u{7}x\":\n  title: x\n",
    )
    .unwrap();
    let (output, _) = export(dir.path(), &[], "hostile key in an error");
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_printable(&output, TOKEN);

    // `validate` names an export's bad values on stdout.
    let export_path = dir.path().join("hostile-export.json");
    let committed = fs::read_to_string(repo().join("public/data/export.json")).unwrap();
    let mut export: serde_json::Value = serde_json::from_str(&committed).unwrap();
    export["defis"][0]["id"] = "\u{1b}[2J".into();
    fs::write(&export_path, export.to_string()).unwrap();
    let output = run(&["validate", export_path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(!stdout(&output).is_empty());
    assert_printable(&output, TOKEN);
}

#[test]
fn clone_fetches_only_https_from_public_addresses_and_prints_no_credentials() {
    let dir = tempfile::tempdir().unwrap();
    // A listener on loopback: `clone` must never connect to it.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let loopback = format!("https://user:{TOKEN}@127.0.0.1:{port}/etalab/alpha");
    let site = write_site(
        dir.path(),
        &[
            ("Alpha", Some(loopback.as_str())),
            ("Beta", Some("http://github.com/etalab/beta")),
            ("Gamma", Some("https://169.254.169.254/latest/meta-data")),
            ("Delta", Some("https://10.0.0.7/etalab/delta")),
            ("Epsilon", Some("file:///etc/epsilon")),
        ],
    );
    let mapping = dir.path().join("repositories.yml");
    fs::write(
        &mapping,
        format!(
            "repositories:\n  \"https://{TOKEN}@[::ffff:127.0.0.1]:{port}/etalab/zeta\": alpha\n"
        ),
    )
    .unwrap();
    let into = dir.path().join("clones");
    let output = run_within(
        dir.path(),
        &clone_args(&site, &into, &["--repos-map", mapping.to_str().unwrap()]),
        LIMIT,
        "clone of private, plain http and file URLs",
    );
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert_printable(&output, TOKEN);
    for expected in [
        "défi alpha « https://127.0.0.1:",
        "refusée : l'hôte « 127.0.0.1 » est à l'adresse 127.0.0.1, qui n'est pas publique",
        "refusée : seules les URL https sont clonées (pas « http »",
        "l'hôte « 169.254.169.254 » est à l'adresse 169.254.169.254",
        "l'hôte « 10.0.0.7 » est à l'adresse 10.0.0.7",
        "(pas « file » ; file:// avec --allow-file-urls)",
        "0 clonés, 0 déjà présents, 0 en double, 1 ignorés, 5 refusés, 0 échecs",
    ] {
        assert!(err.contains(expected), "{expected}: {err}");
    }
    // The mapping's IPv4-mapped IPv6 loopback is malformed for the web-host rule: skipped.
    assert!(err.contains("URL malformée : ignorée"), "{err}");
    assert!(
        matches!(listener.accept(), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
        "no connection reached the loopback listener"
    );
    assert_eq!(fs::read_dir(&into).unwrap().count(), 0, "no folder made");
}

#[test]
fn a_label_a_megabyte_long_makes_small_embed_pages_and_readable_svgs() {
    let dir = tempfile::tempdir().unwrap();
    let committed = fs::read_to_string(repo().join("public/data/export.json")).unwrap();
    let mut export: serde_json::Value = serde_json::from_str(&committed).unwrap();
    // The top-level administration with the most défis, renamed without its acronym: its label
    // leads « Défis par administration » and its summary; characters XML forbids are in it too.
    let parents = administration_parents(&export);
    let mut counts = std::collections::HashMap::<String, usize>::new();
    for defi in export["defis"].as_array().unwrap() {
        let mut id = defi["administration_id"].as_str().unwrap().to_string();
        while let Some(Some(parent)) = parents.get(&id) {
            id = parent.clone();
        }
        *counts.entry(id).or_default() += 1;
    }
    let top = counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(id, _)| id)
        .unwrap();
    let label = format!("\u{1}\u{fffe}{}", "Ministère ".repeat(100_000));
    for admin in export["administrations"].as_array_mut().unwrap() {
        if admin["id"] == top.as_str() {
            admin["name"] = label.clone().into();
            admin["acronym"] = serde_json::Value::Null;
        }
    }
    let path = dir.path().join("export.json");
    fs::write(&path, export.to_string()).unwrap();
    let out = dir.path().join("embed");
    let output = run_within(
        dir.path(),
        &reading_export("embeds", path.to_str().unwrap(), &out, &[]),
        LIMIT,
        "embeds with a 1 MB label",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = out.join("defis-by-administration.fr.html");
    let size = fs::metadata(&page).unwrap().len();
    // Before the labels were cut, this page held the label: 1 104 106 bytes; 4 196 since.
    assert!(size < 50_000, "{size} bytes");
    for entry in fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "svg") {
            let svg = fs::read_to_string(&path).unwrap();
            roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
    let svg_out = dir.path().join("chart.svg");
    let output = run_within(
        dir.path(),
        &reading_export(
            "render",
            path.to_str().unwrap(),
            &svg_out,
            &["--chart", "defis-by-administration"],
        ),
        LIMIT,
        "render with a 1 MB label",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    roxmltree::Document::parse(&fs::read_to_string(svg_out).unwrap()).unwrap();
}
