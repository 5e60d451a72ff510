//! The subcommands: files in, files out, messages on stderr. The logic lives in the crates.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use eig_pulse_core::base::format::truncate;
use eig_pulse_core::{text, tr, Lang, Text};
use eig_pulse_ingest::printable::printable;
use eig_pulse_ingest::{synth as synthetic, Built, Inputs, SourceText};

/// The published contract, embedded so that any copy of the binary validates the same way.
const SCHEMA: &str = include_str!("../../../schema/export.schema.json");
/// The administrations override file of the repository, embedded as the default.
const OVERRIDES: &str = include_str!("../../../data/administrations.yml");
/// The technologies table of the repository, embedded as the default.
pub const TECHNOLOGIES: &str = include_str!("../../../data/technologies.yml");
/// The bots table of the repository, embedded: which commit authors are programs.
const BOTS: &str = include_str!("../../../data/bots.yml");
/// eig-link's record files read from `--eig-link` (those present).
const RECORDS: [&str; 3] = ["stack_2018.org", "stack_2019.md", "ouverture_2018.org"];

pub struct ExportArgs {
    pub site: PathBuf,
    pub journals: Vec<PathBuf>,
    pub overrides: Option<PathBuf>,
    pub generated_at: Option<String>,
    pub strict: bool,
    pub output: PathBuf,
    pub lang: Lang,
    /// A folder of git clones to read into `activity`.
    pub repos: Option<PathBuf>,
    /// The repositories mapping file (default: `data/repositories.yml` when present).
    pub repos_map: Option<PathBuf>,
    /// A committed scan (`data/activity.json`).
    pub activity: Option<PathBuf>,
    /// The promotions' dates (default: `data/promotions.yml`).
    pub promotions: Option<PathBuf>,
    /// eig-link's records folder (stacks and openness).
    pub eig_link: Option<PathBuf>,
    /// The technologies table (default: the repository's, embedded).
    pub technologies: Option<PathBuf>,
    /// The table of posts (default: `data/posts.yml` when present).
    pub posts_table: Option<PathBuf>,
}

/// The promotions file read when `--promotions` is not given.
const DEFAULT_PROMOTIONS: &str = "data/promotions.yml";
/// The table of posts read when `--posts-table` is not given and the site has a blog.
const DEFAULT_POSTS_TABLE: &str = "data/posts.yml";

pub fn export(args: ExportArgs) -> Result<ExitCode, String> {
    let lang = args.lang;
    let Built { export, report } = build_with_activity(&args)?;
    eprint!("{}", report.render(lang));

    let json = serde_json::to_string_pretty(&export).map_err(|e| e.to_string())?;
    let problems = check_text(&json, lang);
    if !problems.is_empty() {
        return Err(format!(
            "{} {}",
            lang.pick(
                "l'export produit ne respecte pas le contrat (bogue) :",
                "the export produced breaks the contract (a bug):"
            ),
            problems.join(" ; ")
        ));
    }
    if args.strict && report.warnings() > 0 {
        eprintln!(
            "{}",
            lang.pick(
                "--strict : avertissements présents, aucun export écrit.",
                "--strict: warnings found, no export written."
            )
        );
        return Ok(ExitCode::from(1));
    }
    write_atomically(&args.output, json.as_bytes(), lang)?;
    eprintln!(
        "{} {} ({} défis, {} {}, {} {})",
        lang.pick("export écrit :", "export written:"),
        args.output.display(),
        export.defis.len(),
        export.journal.len(),
        lang.pick("lignes de journal", "journal rows"),
        export.activity.len(),
        lang.pick("fiches d'activité", "activity records"),
    );
    Ok(ExitCode::SUCCESS)
}

/// Reads every input; a missing folder or file, or a file that is not UTF-8, names the path.
pub fn read_inputs(args: &ExportArgs) -> Result<Inputs, String> {
    let lang = args.lang;
    if !args.site.is_dir() {
        return Err(format!(
            "{} {}",
            lang.pick(
                "dossier du catalogue introuvable :",
                "catalogue folder not found:"
            ),
            args.site.display()
        ));
    }
    let site_file = |name: &str| read_source(&args.site.join(name), lang);
    let overrides = match &args.overrides {
        Some(path) => read_source(path, lang)?,
        None => SourceText::new("data/administrations.yml", OVERRIDES),
    };
    let generated_at = match &args.generated_at {
        Some(text) => {
            time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
                .map_err(|e| {
                    tr!(
                        lang,
                        "--generated-at « {text} » : {e}",
                        "--generated-at \"{text}\": {e}"
                    )
                })?;
            text.clone()
        }
        None => time::OffsetDateTime::now_utc()
            .replace_nanosecond(0)
            .map_err(|e| e.to_string())?
            .format(&time::format_description::well_known::Rfc3339)
            .map_err(|e| e.to_string())?,
    };
    // The default file is read when present (the exporter runs from the repository's root);
    // without it the promotions have no window.
    let promotions_path = match &args.promotions {
        Some(path) => Some(path.clone()),
        None => Some(PathBuf::from(DEFAULT_PROMOTIONS)).filter(|p| p.is_file()),
    };
    let promotions = match &promotions_path {
        Some(path) => {
            let source = read_source(path, lang)?;
            check_citations(&source, path, lang)?;
            Some(source)
        }
        None => None,
    };
    let repositories = match &args.repos_map {
        Some(path) => Some(read_source(path, lang)?),
        None => {
            let default = Path::new(crate::repos::DEFAULT_MAPPING);
            match default.is_file() {
                true => Some(read_source(default, lang)?),
                false => None,
            }
        }
    };
    let activity = match &args.activity {
        Some(path) => Some(read_source(path, lang)?),
        None => None,
    };
    let posts = read_posts(&args.site.join("_posts"), lang)?;
    let posts_table = match &args.posts_table {
        Some(path) => Some(read_source(path, lang)?),
        None => Some(PathBuf::from(DEFAULT_POSTS_TABLE))
            .filter(|p| !posts.is_empty() && p.is_file())
            .map(|p| read_source(&p, lang))
            .transpose()?,
    };
    Ok(Inputs {
        posts,
        posts_table,
        promotions,
        repositories,
        activity,
        defis: site_file("defis.yml")?,
        people: site_file("personnes.yml")?,
        skills: site_file("skills.yml")?,
        promos: site_file("promos.yml")?,
        journals: args
            .journals
            .iter()
            .map(|path| read_source(path, lang))
            .collect::<Result<_, _>>()?,
        overrides,
        generated_at,
        technologies: match &args.technologies {
            Some(path) => read_source(path, lang)?,
            None => SourceText::new("data/technologies.yml", TECHNOLOGIES),
        },
        records: match &args.eig_link {
            Some(dir) => {
                let present: Vec<PathBuf> = RECORDS
                    .iter()
                    .map(|name| dir.join(name))
                    .filter(|path| path.is_file())
                    .collect();
                if present.is_empty() {
                    return Err(format!(
                        "{} {} ({})",
                        lang.pick("aucun relevé eig-link dans", "no eig-link record in"),
                        dir.display(),
                        RECORDS.join(", ")
                    ));
                }
                present
                    .iter()
                    .map(|path| read_source(path, lang))
                    .collect::<Result<_, _>>()?
            }
            None => Vec::new(),
        },
    })
}

/// The blog's files in `folder` (`_posts/` of the site), by name; none when the site has no blog.
fn read_posts(folder: &Path, lang: Lang) -> Result<Vec<SourceText>, String> {
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let unreadable = |e: std::io::Error| tr!(lang, "{} : {e}", "{}: {e}", folder.display());
    let mut paths: Vec<PathBuf> = fs::read_dir(folder)
        .map_err(unreadable)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(unreadable)?;
    paths.retain(|path| path.is_file());
    paths.sort();
    paths.iter().map(|path| read_source(path, lang)).collect()
}

/// The most bytes a cited file may hold: thirty times the largest cited today (a 32 KB press
/// review).
const MAX_CITED_BYTES: u64 = 1 << 20;

/// Every quote of the promotions file must be in the file it cites (paths relative to the
/// promotions file's folder, never out of it): a date cannot drift from its document.
fn check_citations(promotions: &SourceText, path: &Path, lang: Lang) -> Result<(), String> {
    let windows = eig_pulse_ingest::promotions::parse(promotions).map_err(|e| e.describe(lang))?;
    let base = path.parent().unwrap_or(Path::new("."));
    let unconfirmed =
        eig_pulse_ingest::promotions::unconfirmed(&windows, |source| read_cited(base, source));
    match unconfirmed.first() {
        None => Ok(()),
        Some(first) => Err(first.error(&promotions.name).describe(lang)),
    }
}

/// A cited file's text: a regular file inside `base` once links are followed, of at most
/// [`MAX_CITED_BYTES`], in UTF-8; otherwise why not. Never opened before it is known to be a
/// regular file, so that a device or a named pipe is neither read nor waited on.
fn read_cited(base: &Path, source: &str) -> Result<String, Text> {
    use std::io::Read as _;
    let unreadable = |e: std::io::Error| text!("illisible ({e})", "unreadable ({e})");
    let root = base.canonicalize().map_err(unreadable)?;
    let path = base.join(source).canonicalize().map_err(unreadable)?;
    if !path.starts_with(&root) {
        return Err(Text::fixed(
            "lien qui mène hors du dossier du fichier des promotions",
            "a link leading out of the promotions file's folder",
        ));
    }
    let metadata = fs::metadata(&path).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(Text::fixed(
            "pas un fichier ordinaire",
            "not a regular file",
        ));
    }
    let too_large = |bytes: u64| {
        text!(
            "fichier de {bytes} octets, au plus {MAX_CITED_BYTES} sont lus",
            "file of {bytes} bytes, at most {MAX_CITED_BYTES} are read"
        )
    };
    if metadata.len() > MAX_CITED_BYTES {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::new();
    fs::File::open(&path)
        .and_then(|file| file.take(MAX_CITED_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_CITED_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        text!(
            "n'est pas en UTF-8, octet {byte}",
            "is not UTF-8, byte {byte}"
        )
    })
}

/// Builds the export from the sources, then scans `args.repos` into its activity when given.
fn build_with_activity(args: &ExportArgs) -> Result<Built, String> {
    let lang = args.lang;
    let inputs = read_inputs(args)?;
    let Built {
        mut export,
        mut report,
    } = eig_pulse_ingest::build(&inputs).map_err(|e| e.describe(lang))?;
    if let Some(repos) = &args.repos {
        let table = eig_pulse_ingest::technologies::Table::parse(&inputs.technologies)
            .map_err(|e| e.describe(lang))?;
        let bots = eig_pulse_ingest::bots::Bots::parse(&SourceText::new("data/bots.yml", BOTS))
            .map_err(|e| e.describe(lang))?;
        crate::repos::add_activity(
            &mut export,
            &mut report,
            repos,
            inputs.repositories.as_ref(),
            &table,
            &bots,
            lang,
        )?;
    }
    Ok(Built { export, report })
}

/// Scans `args.repos` and writes the activity records as a committed source:
/// `{"activity": [...]}`, sorted by défi and URL.
pub fn scan(args: ExportArgs) -> Result<ExitCode, String> {
    let lang = args.lang;
    if args.repos.is_none() {
        return Err("--repos".into());
    }
    let Built { export, report } = build_with_activity(&args)?;
    eprint!("{}", report.render(lang));
    if args.strict && report.warnings() > 0 {
        eprintln!(
            "{}",
            lang.pick(
                "--strict : avertissements présents, aucun scan écrit.",
                "--strict: warnings found, no scan written."
            )
        );
        return Ok(ExitCode::from(1));
    }
    let mut activity = export.activity;
    activity.sort_by(|a, b| (&a.defi_id, &a.url).cmp(&(&b.defi_id, &b.url)));
    let json = serde_json::to_string_pretty(&serde_json::json!({ "activity": activity }))
        .map_err(|e| e.to_string())?;
    write_atomically(&args.output, format!("{json}\n").as_bytes(), lang)?;
    eprintln!(
        "{} {} ({} {})",
        lang.pick("scan écrit :", "scan written:"),
        args.output.display(),
        activity.len(),
        lang.pick("fiches d'activité", "activity records"),
    );
    Ok(ExitCode::SUCCESS)
}

fn read_source(path: &Path, lang: Lang) -> Result<SourceText, String> {
    let bytes = fs::read(path).map_err(|e| {
        let what = if e.kind() == std::io::ErrorKind::NotFound {
            lang.pick("fichier introuvable", "file not found")
                .to_string()
        } else {
            e.to_string()
        };
        tr!(lang, "{} : {what}", "{}: {what}", path.display())
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        tr!(
            lang,
            "{} : n'est pas en UTF-8, octet {}",
            "{}: is not UTF-8, byte {}",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(SourceText::new(path.display().to_string(), text))
}

/// Writes beside the target then renames, so a failed run never leaves a truncated file.
pub fn write_atomically(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), String> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let fail = |e: std::io::Error| tr!(lang, "{} : {e}", "{}: {e}", path.display());
    if !dir.is_dir() {
        return Err(format!(
            "{} {}",
            lang.pick(
                "dossier de sortie introuvable :",
                "output folder not found:"
            ),
            dir.display()
        ));
    }
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    file.as_file().sync_all().map_err(fail)?;
    let file = file.persist(path).map_err(|e| fail(e.error))?;
    // The rename itself is durable only once the folder is synced.
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(fail)?;
    // Readable by all, like any published file (a temporary file starts private).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(fail)?;
    }
    Ok(())
}

pub fn validate(path: &Path, lang: Lang) -> Result<ExitCode, String> {
    let file = path.display();
    let text = fs::read_to_string(path).map_err(|e| tr!(lang, "{file} : {e}", "{file}: {e}"))?;
    let problems = check_text(&text, lang);
    if problems.is_empty() {
        let export = eig_pulse_core::contract::validate::parse_export(&text)
            .map_err(|e| e.describe(lang))?;
        println!(
            "{}",
            tr!(
                lang,
                "export valide {file} : {} défis, {} administrations, {} lignes de journal",
                "valid export {file}: {} défis, {} administrations, {} journal rows",
                export.defis.len(),
                export.administrations.len(),
                export.journal.len(),
            )
        );
        Ok(ExitCode::SUCCESS)
    } else {
        for problem in &problems {
            // A problem quotes the export's own texts.
            println!("{}", printable(&format!("{}: {problem}", path.display())));
        }
        eprintln!(
            "{} {}",
            problems.len(),
            lang.pick("erreur(s) : export invalide", "error(s): invalid export")
        );
        Ok(ExitCode::from(1))
    }
}

/// The most characters a problem keeps: a schema error quotes the value it refuses, which may
/// be a whole list.
const MAX_PROBLEM_CHARS: usize = 400;

/// Every problem of an export text, each starting with its JSON path and cut to
/// [`MAX_PROBLEM_CHARS`]: syntax, then schema, then content.
pub fn check_text(text: &str, lang: Lang) -> Vec<String> {
    problems_of(text, lang)
        .iter()
        .map(|problem| truncate(problem, |t| t.chars().count() <= MAX_PROBLEM_CHARS))
        .collect()
}

fn problems_of(text: &str, lang: Lang) -> Vec<String> {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            return vec![tr!(
                lang,
                "(ligne {}, colonne {}) JSON illisible : {e}",
                "(line {}, column {}) unreadable JSON: {e}",
                e.line(),
                e.column(),
            )]
        }
    };
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).expect("embedded schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("embedded schema is valid");
    let schema_errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| {
            let path = pointer(&e.instance_path().to_string());
            tr!(lang, "{path} : {e}", "{path}: {e}")
        })
        .collect();
    if !schema_errors.is_empty() {
        return schema_errors;
    }
    match eig_pulse_core::contract::validate::parse_export(text) {
        Ok(_) => Vec::new(),
        Err(eig_pulse_core::contract::validate::LoadError::Invalid(problems)) => {
            problems.iter().map(|p| p.describe(lang)).collect()
        }
        Err(other) => vec![tr!(lang, "/ : {}", "/: {}", other.describe(lang))],
    }
}

fn pointer(path: &str) -> String {
    if path.is_empty() {
        "/".into()
    } else {
        path.into()
    }
}

pub fn synth(
    from: &Path,
    out: &Path,
    scale: usize,
    seed: u64,
    lang: Lang,
) -> Result<ExitCode, String> {
    if scale == 0 {
        return Err("--scale > 0".into());
    }
    let site = from.join("site-eig");
    let read = |p: PathBuf| read_source(&p, lang);
    let sources = synthetic::Model {
        defis: read(site.join("defis.yml"))?,
        people: read(site.join("personnes.yml"))?,
        skills: read(site.join("skills.yml"))?,
        promos: read(site.join("promos.yml"))?,
        journal: read(from.join("eig-link-journal/journal-2018-full.csv"))?,
    };
    let generated = synthetic::generate(&sources, scale, seed).map_err(|e| e.describe(lang))?;
    let out_site = out.join("site-eig");
    fs::create_dir_all(&out_site)
        .map_err(|e| tr!(lang, "{} : {e}", "{}: {e}", out_site.display()))?;
    for (name, text) in [
        ("defis.yml", &generated.defis),
        ("personnes.yml", &generated.people),
        ("skills.yml", &generated.skills),
        ("promos.yml", &generated.promos),
    ] {
        write_atomically(&out_site.join(name), text.as_bytes(), lang)?;
    }
    write_atomically(&out.join("journal.csv"), generated.journal.as_bytes(), lang)?;
    eprintln!(
        "{}",
        tr!(
            lang,
            "sources synthétiques écrites dans {} : {} défis, {} lignes de journal",
            "synthetic sources written to {}: {} défis, {} journal rows",
            out.display(),
            generated.defi_count,
            generated.journal_rows,
        )
    );
    Ok(ExitCode::SUCCESS)
}
