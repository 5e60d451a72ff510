//! `export --repos` and `clone`: files, progress bar and messages around `eig-pulse-repos`
//! (its `activity` and `plan` modules do the work).

use std::io::IsTerminal as _;
use std::path::Path;
use std::process::ExitCode;

use eig_pulse_core::{tr, Export, Lang};
use eig_pulse_ingest::bots::Bots;
use eig_pulse_ingest::printable::printable;
use eig_pulse_ingest::repositories::{parse_mapping, source_code_links, SourceCodeLink};
use eig_pulse_ingest::technologies::Table;
use eig_pulse_ingest::{Report, SourceText};
use eig_pulse_repos::activity;
use eig_pulse_repos::clone::Target;
use eig_pulse_repos::plan::{self, Clones, NotASlug, Outcome};
use eig_pulse_repos::reach::{LocalFiles, Refusal};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The mapping file read when `--repos-map` is not given, if it exists.
pub const DEFAULT_MAPPING: &str = "data/repositories.yml";

/// A bar on stderr when it is a terminal; hidden otherwise (CI, pipes, tests).
fn progress(len: usize, lang: Lang) -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(len as u64), target);
    let template = lang.pick(
        "{bar:30} {pos}/{len} dépôts  {msg}",
        "{bar:30} {pos}/{len} repositories  {msg}",
    );
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// Scans every folder of `repos` (bots told apart through `bots`), matches the sound ones to
/// défis and puts their records into `export.activity`; every problem goes into the report,
/// naming the folder.
pub fn add_activity(
    export: &mut Export,
    report: &mut Report,
    repos: &Path,
    mapping: Option<&SourceText>,
    table: &Table,
    bots: &Bots,
    lang: Lang,
) -> Result<(), String> {
    let folders = activity::folders(repos).map_err(|e| {
        tr!(
            lang,
            "dossier des dépôts illisible : {} ({e})",
            "repositories folder unreadable: {} ({e})",
            repos.display()
        )
    })?;
    let mapping_lines = match mapping {
        Some(source) => parse_mapping(source).map_err(|e| e.describe(lang))?,
        None => Vec::new(),
    };

    let bar = progress(folders.len(), lang);
    let mut scans = Vec::new();
    for folder in &folders {
        bar.set_message(printable(&folder.name));
        scans.extend(activity::scan_folder(
            &folder.path,
            &folder.name,
            table,
            bots,
            report,
        ));
        bar.inc(1);
    }
    bar.finish_and_clear();

    let mapping_name = mapping.map(|m| m.name.as_str()).unwrap_or(DEFAULT_MAPPING);
    activity::add_matches(
        export,
        report,
        scans,
        folders.len(),
        repos,
        &mapping_lines,
        mapping_name,
    );
    Ok(())
}

/// Clones every `source_code` that is a repository into `into/<défi id>` (bare), saying why
/// each other one is skipped or refused. Exit 1 when a clone failed or was refused.
pub fn clone(
    site: &Path,
    into: &Path,
    repos_map: Option<&Path>,
    local_files: LocalFiles,
    lang: Lang,
) -> Result<ExitCode, String> {
    let read = |path: &Path| {
        std::fs::read_to_string(path)
            .map(|text| SourceText::new(path.display().to_string(), text))
            .map_err(|e| tr!(lang, "{} : {e}", "{}: {e}", path.display()))
    };
    let source = read(&site.join("defis.yml"))?;
    // The catalogue's repositories, then the mapping's URLs (an organisation's repositories).
    let mut links: Vec<(String, SourceCodeLink)> = source_code_links(&source)
        .map_err(|e| e.describe(lang))?
        .into_iter()
        .map(|link| (source.name.clone(), link))
        .collect();
    // Only a mapping named on the command line: cloning reaches out to the network.
    if let Some(path) = repos_map {
        let mapping = read(path)?;
        let entries = parse_mapping(&mapping).map_err(|e| e.describe(lang))?;
        links.extend(
            plan::mapping_links(entries)
                .into_iter()
                .map(|link| (mapping.name.clone(), link)),
        );
    }
    std::fs::create_dir_all(into).map_err(|e| tr!(lang, "{} : {e}", "{}: {e}", into.display()))?;

    let bar = progress(links.len(), lang);
    let mut clones = Clones::new(into, local_files);
    let mut outcomes = Vec::new();
    for (file, link) in &links {
        bar.set_message(printable(&link.defi_id));
        let place = format!("{file}:{}", link.line);
        let (defi, url) = (&link.defi_id, &link.url);
        let outcome = clones.clone_link(link).map_err(|NotASlug| {
            tr!(
                lang,
                "{place} : identifiant de défi vide ou invalide, pas de dossier de clone possible : « {defi} »",
                "{place}: empty or invalid défi id, no clone folder possible: \"{defi}\""
            )
        })?;
        let message = said(&outcome, lang);
        bar.suspend(|| {
            let line = tr!(
                lang,
                "{place}: défi {defi} « {url} » : {message}",
                "{place}: défi {defi} \"{url}\": {message}"
            );
            eprintln!("{}", printable(&line));
        });
        outcomes.push(outcome);
        bar.inc(1);
    }
    bar.finish_and_clear();
    let count = |is: fn(&Outcome) -> bool| outcomes.iter().filter(|o| is(o)).count();
    let failed = count(|o| matches!(o, Outcome::Failed(_)));
    let refused = count(|o| matches!(o, Outcome::Refused(_)));
    let summary = tr!(
        lang,
        "{} clonés, {} déjà présents, {} en double, {} ignorés, {refused} refusés, {failed} échecs",
        "{} cloned, {} already there, {} duplicates, {} skipped, {refused} refused, {failed} failed",
        count(|o| matches!(o, Outcome::Cloned(_))),
        count(|o| matches!(o, Outcome::AlreadyThere(_))),
        count(|o| matches!(o, Outcome::SameRepository { .. })),
        count(|o| matches!(o, Outcome::Skipped(_))),
    );
    eprintln!("{summary}");
    Ok(if failed + refused > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One link's outcome in words.
fn said(outcome: &Outcome, lang: Lang) -> String {
    match outcome {
        Outcome::Skipped(Target::OrganisationPage) => lang
            .pick(
                "page d'organisation ou d'utilisateur, pas un dépôt : ignorée",
                "organisation or user page, not a repository: skipped",
            )
            .to_string(),
        Outcome::Skipped(Target::NoRepositoryPath) => lang
            .pick(
                "site web sans chemin de dépôt : ignoré",
                "web site without a repository path: skipped",
            )
            .to_string(),
        Outcome::Skipped(Target::Malformed | Target::Repository(_)) => lang
            .pick("URL malformée : ignorée", "malformed URL: skipped")
            .to_string(),
        Outcome::SameRepository { first } => tr!(
            lang,
            "même dépôt que le défi {first}",
            "same repository as défi {first}"
        ),
        Outcome::AlreadyThere(folder) => tr!(
            lang,
            "déjà présent : {}",
            "already there: {}",
            folder.display()
        ),
        Outcome::Cloned(folder) => {
            tr!(lang, "cloné dans {}", "cloned into {}", folder.display())
        }
        Outcome::Failed(error) => tr!(lang, "échec : {error}", "failed: {error}"),
        Outcome::Refused(Refusal::NotHttps { scheme }) => tr!(
            lang,
            "refusée : seules les URL https sont clonées (pas « {scheme} » ; file:// avec --allow-file-urls)",
            "refused: only https URLs are cloned (not \"{scheme}\"; file:// with --allow-file-urls)"
        ),
        Outcome::Refused(Refusal::NoAddress { host, error }) => tr!(
            lang,
            "refusée : l'hôte « {host} » n'a pas d'adresse ({error})",
            "refused: host \"{host}\" has no address ({error})"
        ),
        Outcome::Refused(Refusal::NotPublic { host, address }) => tr!(
            lang,
            "refusée : l'hôte « {host} » est à l'adresse {address}, qui n'est pas publique (boucle locale, lien local ou réseau privé)",
            "refused: host \"{host}\" is at {address}, which is not public (loopback, link-local or private network)"
        ),
    }
}
