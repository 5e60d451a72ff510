//! `eig-pulse`: the thin command line over the ingest and core crates.

mod commands;
mod embeds;
mod export_file;
mod figures;
mod page;
mod picture;
mod previews;
mod render;
mod repos;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use eig_pulse_core::catalogue::ChartId;
use eig_pulse_core::{tr, Lang, Text};
use eig_pulse_ingest::printable::printable;
use eig_pulse_repos::reach::LocalFiles;

// The help texts are not doc comments: they are the `Text` pairs of `HELP`, French then English.
#[derive(Parser)]
#[command(name = "eig-pulse", version)]
struct Cli {
    #[arg(long, global = true, default_value = "fr", value_parser = lang_parser(Lang::Fr))]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Export {
        #[arg(long)]
        site: PathBuf,
        #[arg(long)]
        journal: Vec<PathBuf>,
        #[arg(long)]
        overrides: Option<PathBuf>,
        #[arg(long)]
        generated_at: Option<String>,
        #[arg(long)]
        strict: bool,
        #[arg(long, conflicts_with = "activity")]
        repos: Option<PathBuf>,
        #[arg(long)]
        repos_map: Option<PathBuf>,
        #[arg(long)]
        activity: Option<PathBuf>,
        #[arg(long)]
        promotions: Option<PathBuf>,
        #[arg(long)]
        eig_link: Option<PathBuf>,
        #[arg(long)]
        technologies: Option<PathBuf>,
        #[arg(long)]
        posts_table: Option<PathBuf>,
        #[arg(short, long)]
        output: PathBuf,
    },
    Scan {
        #[arg(long)]
        site: PathBuf,
        #[arg(long)]
        repos: PathBuf,
        #[arg(long)]
        repos_map: Option<PathBuf>,
        #[arg(long)]
        promotions: Option<PathBuf>,
        #[arg(long)]
        strict: bool,
        #[arg(short, long)]
        output: PathBuf,
    },
    Clone {
        #[arg(long)]
        site: PathBuf,
        #[arg(long)]
        into: PathBuf,
        #[arg(long)]
        repos_map: Option<PathBuf>,
        #[arg(long)]
        allow_file_urls: bool,
    },
    Validate {
        file: PathBuf,
    },
    Render {
        #[arg(long)]
        export: PathBuf,
        #[arg(long, value_parser = chart_parser(Lang::Fr))]
        chart: ChartId,
        #[arg(long)]
        admin: Option<String>,
        #[arg(long)]
        promo: Option<String>,
        #[arg(long)]
        skill: Option<String>,
        #[arg(long)]
        tech: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long, value_enum, default_value_t = render::Format::Svg)]
        format: render::Format,
        #[arg(long, default_value_t = 800)]
        width: u32,
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
        #[arg(long, value_enum, default_value_t = render::Scheme::Light)]
        theme: render::Scheme,
        #[arg(long)]
        plain: bool,
        #[arg(short, long)]
        output: PathBuf,
    },
    Figures {
        #[arg(long, default_value = "public/data/export.json")]
        export: PathBuf,
        #[arg(long, conflicts_with = "promotion")]
        defi: Option<String>,
        #[arg(long)]
        promotion: Option<String>,
        #[arg(long, value_enum, default_value_t = figures::Format::Json)]
        format: figures::Format,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    Embeds {
        #[arg(long)]
        export: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        scripts: Option<PathBuf>,
        #[arg(long)]
        public_url: Option<String>,
    },
    Page {
        #[arg(long)]
        export: PathBuf,
        #[arg(long)]
        dist: PathBuf,
    },
    Synth {
        #[arg(long)]
        scale: usize,
        #[arg(long, default_value_t = 2018)]
        seed: u64,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value = "data/sources")]
        from: PathBuf,
    },
}

/// Every help text: (subcommand, argument, its words in both languages). An empty subcommand is the
/// program itself; an empty argument is the (sub)command's own description.
const HELP: &[(&str, &str, Text)] = &[
    ("", "", Text::fixed("Exporte et vérifie les données du programme EIG (Entrepreneurs d'intérêt général).", "Exports and checks the data of the EIG programme (Entrepreneurs d'intérêt général).")),
    ("", "lang", Text::fixed("Langue des messages et de l'aide : fr ou en.", "Language of the messages and of the help: fr or en.")),
    // export
    ("export", "", Text::fixed("Construit l'export JSON à partir du catalogue et du journal.", "Builds the JSON export from the catalogue and the journal.")),
    ("export", "site", Text::fixed("Dossier contenant defis.yml, personnes.yml, skills.yml et promos.yml, et le blog (_posts/) s'il existe.", "Folder holding defis.yml, personnes.yml, skills.yml and promos.yml, and the blog (_posts/) when present.")),
    ("export", "journal", Text::fixed("Fichier CSV du journal hebdomadaire (répétable).", "CSV file of the weekly journal (repeatable).")),
    ("export", "overrides", Text::fixed("Fichier de surcharges des administrations (par défaut : celui du dépôt, embarqué).", "Administrations override file (default: the repository's, embedded).")),
    ("export", "generated_at", Text::fixed("Date RFC 3339 à écrire dans generated_at (par défaut : maintenant).", "RFC 3339 date to write in generated_at (default: now).")),
    ("export", "strict", Text::fixed("Échoue (code 1) si le rapport de fidélité contient un avertissement.", "Fails (code 1) if the fidelity report holds a warning.")),
    ("export", "repos", Text::fixed("Dossier de clones git (nus ou non), un par dossier : leur activité par semaine ISO et \
         leurs critères d'ouverture vont dans la section activity. Lu par gitoxide, sans git.", "Folder of git clones (bare or not), one per folder: their activity per ISO week and \
         their openness criteria go into the activity section. Read by gitoxide, without git.")),
    ("export", "repos_map", Text::fixed("Table des dépôts : dossier ou URL distante → défi, pour les clones que leur URL ne \
         rapproche d'aucun source_code, et dépôts non analysés avec leur raison (par défaut : \
         data/repositories.yml s'il existe).", "Repositories table: folder or remote URL → défi, for the clones whose URL matches no \
         source_code, and repositories left out with their reason (default: \
         data/repositories.yml if present).")),
    ("export", "activity", Text::fixed("Scan committé, écrit par `eig-pulse scan` (data/activity.json) : l'activité des \
         dépôts sans leurs copies.", "Committed scan, written by `eig-pulse scan` (data/activity.json): the repositories' \
         activity without their copies.")),
    ("export", "promotions", Text::fixed("Dates des promotions et leurs sources citées (par défaut : data/promotions.yml).", "Dates of the promotions and their cited sources (default: data/promotions.yml).")),
    ("export", "eig_link", Text::fixed("Dossier des relevés eig-link : stack_2018.org, stack_2019.md (stacks déclarées) et \
         ouverture_2018.org (ouverture), ceux qui s'y trouvent.", "Folder of eig-link's records: stack_2018.org, stack_2019.md (declared stacks) and \
         ouverture_2018.org (openness), those present.")),
    ("export", "technologies", Text::fixed("Table des technologies (par défaut : data/technologies.yml du dépôt, embarquée).", "Technologies table (default: the repository's data/technologies.yml, embedded).")),
    ("export", "posts_table", Text::fixed("Table des billets du blog : les défis que la recherche de noms ne peut pas décider (par défaut : data/posts.yml, s'il existe).", "Table of the blog's posts: the défis name matching cannot decide (default: data/posts.yml, when present).")),
    ("export", "output", Text::fixed("Fichier de sortie.", "Output file.")),
    // scan
    ("scan", "", Text::fixed("Lit un dossier de clones et écrit leurs fiches d'activité (comptes seulement), à \
         committer puis à donner à `export --activity`.", "Reads a folder of clones and writes their activity records (counts only), to commit \
         then to give to `export --activity`.")),
    ("scan", "site", Text::fixed("Dossier contenant defis.yml, personnes.yml, skills.yml et promos.yml, et le blog (_posts/) s'il existe.", "Folder holding defis.yml, personnes.yml, skills.yml and promos.yml, and the blog (_posts/) when present.")),
    ("scan", "repos", Text::fixed("Dossier de clones git (nus ou non), un par dossier.", "Folder of git clones (bare or not), one per folder.")),
    ("scan", "repos_map", Text::fixed("Table des dépôts (par défaut : data/repositories.yml s'il existe).", "Repositories table (default: data/repositories.yml if present).")),
    ("scan", "promotions", Text::fixed("Dates des promotions (par défaut : data/promotions.yml).", "Dates of the promotions (default: data/promotions.yml).")),
    ("scan", "strict", Text::fixed("Échoue (code 1) si le rapport contient un avertissement.", "Fails (code 1) if the report holds a warning.")),
    ("scan", "output", Text::fixed("Fichier de sortie (data/activity.json).", "Output file (data/activity.json).")),
    // clone
    ("clone", "", Text::fixed("Clone (nu) chaque source_code du catalogue qui désigne un dépôt dans <into>/<défi> ; \
         ignore, en le disant, les pages d'organisation et les URL malformées. HTTPS seulement, vers \
         des adresses publiques (vérifiées une fois le nom résolu, et à chaque connexion) ; \
         identifiants jamais affichés.", "Clones (bare) each source_code of the catalogue that names a repository into \
         <into>/<défi>; skips, saying so, organisation pages and malformed URLs. HTTPS only, to \
         public addresses (checked once the name is resolved, and on every connection); \
         credentials never printed.")),
    ("clone", "site", Text::fixed("Dossier contenant defis.yml.", "Folder holding defis.yml.")),
    ("clone", "into", Text::fixed("Dossier où créer les clones (un sous-dossier par défi ; un dossier déjà là est gardé).", "Folder where the clones are made (one subfolder per défi; a folder already there is \
         kept).")),
    ("clone", "repos_map", Text::fixed("Table des dépôts (data/repositories.yml) dont les URL sont aussi clonées, dans \
         <into>/<défi>-<dépôt>.", "Repositories table (data/repositories.yml) whose URLs are cloned too, into \
         <into>/<défi>-<repository>.")),
    ("clone", "allow_file_urls", Text::fixed("Accepte aussi les URL file:// (copies locales, pour les essais ; elles passent \
         par `git upload-pack`, comme le transport local de gitoxide).", "Also takes file:// URLs (local copies, for \
         trials; they go through `git upload-pack`, like gitoxide's local transport).")),
    // validate
    ("validate", "", Text::fixed("Vérifie un export : schéma JSON puis cohérence ; affiche chaque erreur avec son chemin \
         JSON.", "Checks an export: JSON schema then consistency; prints each error with its JSON path.")),
    ("validate", "file", Text::fixed("Fichier d'export JSON.", "JSON export file.")),
    // render
    ("render", "", Text::fixed("Dessine un graphique d'un export en SVG ou PNG (le même dessin que le tableau de bord), \
         ou en donne les données en CSV.", "Draws a chart of an export as SVG or PNG (the same drawing as the dashboard), or gives \
         its data as CSV.")),
    ("render", "export", Text::fixed("Fichier d'export JSON.", "JSON export file.")),
    ("render", "chart", Text::fixed("Identifiant du graphique :", "Chart id:")),
    ("render", "admin", Text::fixed("Administration (ses directions et services inclus).", "Administration (its directorates and services included).")),
    ("render", "promo", Text::fixed("Promotion (ex. 2018).", "Promotion (e.g. 2018).")),
    ("render", "skill", Text::fixed("Compétence (id de skills.yml).", "Skill (id from skills.yml).")),
    ("render", "tech", Text::fixed("Technologie (id de data/technologies.yml, ex. python) : défis qui la déclarent ou dont \
         le code la montre.", "Technology (id from data/technologies.yml, e.g. python): défis that declare it or \
         whose code shows it.")),
    ("render", "from", Text::fixed("Début de période, AAAA-MM-JJ.", "Start of the period, YYYY-MM-DD.")),
    ("render", "to", Text::fixed("Fin de période, AAAA-MM-JJ.", "End of the period, YYYY-MM-DD.")),
    ("render", "format", Text::fixed("Format de sortie (csv : les données dessinées, une ligne par valeur).", "Output format (csv: the data drawn, one line per value).")),
    ("render", "width", Text::fixed("Largeur en pixels CSS (la hauteur suit le graphique).", "Width in CSS pixels (the height follows the chart).")),
    ("render", "scale", Text::fixed("Densité du PNG (2 : deux pixels par pixel CSS).", "Density of the PNG (2: two pixels per CSS pixel).")),
    ("render", "theme", Text::fixed("Thème de couleurs.", "Colour theme.")),
    ("render", "plain", Text::fixed("Sans titre ni crédit.", "Without title or credit.")),
    ("render", "output", Text::fixed("Fichier de sortie.", "Output file.")),
    // figures
    ("figures", "", Text::fixed("Écrit chaque chiffre de la page sur le code après le programme — pour tout le \
         programme, une promotion ou un défi — avec sa définition, son dénominateur et les copies sur \
         lesquelles il repose : ce qu'un article peut citer. En JSON, aussi les billets du blog qui \
         en parlent (date, titre, adresse, défis) et les défis qu'aucun billet ne nomme.", "Writes every figure the page shows of the code after the programme — for the whole \
         programme, a promotion or a défi — with its definition, its denominator and the copies it \
         rests on: what a post can quote. In JSON, also the blog's posts about it (date, title, \
         address, défis) and the défis no post names.")),
    ("figures", "export", Text::fixed("L'export à lire (par défaut public/data/export.json).", "The export to read (public/data/export.json by default).")),
    ("figures", "defi", Text::fixed("Les chiffres d'un défi (son identifiant).", "One défi's figures (its id).")),
    ("figures", "promotion", Text::fixed("Les chiffres d'une promotion (son identifiant : 1, 2, 3, 4, dig).", "One promotion's figures (its id: 1, 2, 3, 4, dig).")),
    ("figures", "format", Text::fixed("json ou csv.", "json or csv.")),
    ("figures", "output", Text::fixed("Fichier de sortie (par défaut la sortie standard).", "Output file (standard output by default).")),
    // embeds
    ("embeds", "", Text::fixed("Écrit les pages d'intégration légères : pour chaque graphique et chaque langue, une \
         page HTML statique (<sortie>/<graphique>.<fr|en>.html) avec son titre, son résumé, sa \
         légende et son tracé en SVG, clair et sombre, à plusieurs largeurs, et son aperçu de lien \
         (PNG 1 200 × 630, balises Open Graph et Twitter, oEmbed avec --public-url) ; puis les \
         mêmes, figés, sous <sortie>/v/<version>/ (le jour de l'export et un condensé de ses \
         octets) avec une copie de l'export.", "Writes the light embed pages: for each chart and language, a static HTML page \
         (<output>/<chart>.<fr|en>.html) with its title, summary, legend and plot as SVG, light \
         and dark, at several widths, and its link preview (1200 × 630 PNG, Open Graph and Twitter \
         tags, oEmbed with --public-url); then the same, pinned, under <output>/v/<version>/ (the \
         export's day and a hash of its bytes) with a copy of the export.")),
    ("embeds", "export", Text::fixed("Fichier d'export JSON.", "JSON export file.")),
    ("embeds", "output", Text::fixed("Dossier de sortie.", "Output folder.")),
    ("embeds", "public_url", Text::fixed("Adresse où le site est servi (https://…/) : les aperçus de lien (Open Graph, Twitter) prennent des adresses absolues et chaque page a son fichier oEmbed. Sans elle, les aperçus sont relatifs à la page et il n'y a pas d'oEmbed.", "Address the site is served at (https://…/): link previews (Open Graph, Twitter) take absolute addresses and each page gets its oEmbed file. Without it, previews are relative to the page and there is no oEmbed.")),
    ("embeds", "scripts", Text::fixed("Dossier où écrire aussi embed.js et embed-page.js, avec les valeurs qu'ils partagent avec le tableau de bord (les graphiques, le message de hauteur).", "Folder to also write embed.js and embed-page.js into, with the values they share with the dashboard (the charts, the height message).")),
    // synth
    // page
    ("page", "", Text::fixed("Écrit la première image statique du tableau de bord (sa vue sans filtre : en-tête, filtres, chiffres clés, chaque graphique en image avec son résumé et ses données, le tableau d'ouverture, la liste des défis) dans l'index.html construit, et en anglais dans en.html à côté, avec les tracés d'« embeds ».", "Writes the dashboard's static first paint (its view without filters: header, filters, key figures, every chart as an image with its summary and data, the openness table, the list of défis) into the built index.html, and in English into en.html beside it, with the plots of \"embeds\".")),
    ("page", "export", Text::fixed("Fichier d'export JSON.", "JSON export file.")),
    ("page", "dist", Text::fixed("Dossier construit par trunk, qui contient index.html et embed/.", "Folder built by trunk, holding index.html and embed/.")),
    ("synth", "", Text::fixed("Écrit des sources synthétiques N fois plus grandes que les vraies (pour les mesures).", "Writes synthetic sources N times larger than the real ones (for measurements).")),
    ("synth", "scale", Text::fixed("Facteur d'échelle.", "Scale factor.")),
    ("synth", "seed", Text::fixed("Graine du générateur.", "Seed of the generator.")),
    ("synth", "out", Text::fixed("Dossier de sortie (site-eig/ et journal.csv y sont écrits).", "Output folder (site-eig/ and journal.csv are written there).")),
    ("synth", "from", Text::fixed("Dossier des vraies sources servant de modèle.", "Folder of the real sources used as the model.")),
];

/// The command line in one language: its help texts, and the messages of its own parsers.
fn localized(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    for (sub, arg, words) in HELP {
        let text = help_text(sub, arg, words, lang);
        cmd = match (*sub, *arg) {
            ("", "") => cmd.about(text),
            ("", arg) => cmd.mut_arg(arg, |a| a.help(text)),
            (sub, "") => cmd.mut_subcommand(sub, |c| c.about(text)),
            (sub, arg) => cmd.mut_subcommand(sub, |c| c.mut_arg(arg, |a| a.help(text))),
        };
    }
    cmd.mut_arg("lang", |a| a.value_parser(lang_parser(lang)))
        .mut_subcommand("render", |c| {
            c.mut_arg("chart", |a| a.value_parser(chart_parser(lang)))
        })
}

/// A help text in `lang`; the chart argument's lists the catalogue's charts.
fn help_text(sub: &str, arg: &str, words: &Text, lang: Lang) -> String {
    let text = words.get(lang);
    if (sub, arg) == ("render", "chart") {
        let known: Vec<&str> = ChartId::ALL.iter().map(|c| c.slug()).collect();
        format!("{text} {}.", known.join(", "))
    } else {
        text.to_string()
    }
}

/// The language asked by `--lang en` or `--lang=en` among the raw arguments (the last one
/// wins), read before parsing so that the help itself is in it; French otherwise.
fn lang_of_args(args: impl IntoIterator<Item = OsString>) -> Lang {
    let mut lang = Lang::Fr;
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        let value = match arg.to_str() {
            Some("--") => break,
            Some("--lang") => args.next(),
            Some(text) => text.strip_prefix("--lang=").map(OsString::from),
            None => None,
        };
        if let Some(found) = value
            .as_ref()
            .and_then(|v| v.to_str())
            .and_then(Lang::parse)
        {
            lang = found;
        }
    }
    lang
}

/// A chart id, or the list of known ones.
fn chart_parser(
    lang: Lang,
) -> impl Fn(&str) -> Result<ChartId, String> + Clone + Send + Sync + 'static {
    move |text: &str| {
        ChartId::from_slug(text).ok_or_else(|| {
            let known: Vec<&str> = ChartId::ALL.iter().map(|c| c.slug()).collect();
            tr!(
                lang,
                "graphique inconnu « {text} » (connus : {})",
                "unknown chart \"{text}\" (known: {})",
                known.join(", ")
            )
        })
    }
}

fn lang_parser(
    lang: Lang,
) -> impl Fn(&str) -> Result<Lang, String> + Clone + Send + Sync + 'static {
    move |text: &str| {
        Lang::parse(text).ok_or_else(|| {
            tr!(
                lang,
                "langue inconnue « {text} » (fr ou en)",
                "unknown language \"{text}\" (fr or en)"
            )
        })
    }
}

/// « embeds : 12 fichiers écrits dans target/embed », on standard error.
fn say_written(lang: Lang, command: &str, count: usize, folder: &std::path::Path) {
    let files = if count == 1 {
        lang.pick("fichier écrit dans", "file written to")
    } else {
        lang.pick("fichiers écrits dans", "files written to")
    };
    let colon = lang.pick(" :", ":");
    eprintln!("{command}{colon} {count} {files} {}", folder.display());
}

fn main() -> ExitCode {
    let lang = lang_of_args(std::env::args_os());
    let matches = localized(Cli::command(), lang).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let result = match cli.command {
        Command::Export {
            site,
            journal,
            overrides,
            generated_at,
            strict,
            repos,
            repos_map,
            activity,
            promotions,
            eig_link,
            technologies,
            posts_table,
            output,
        } => commands::export(commands::ExportArgs {
            site,
            journals: journal,
            overrides,
            generated_at,
            strict,
            output,
            lang: cli.lang,
            repos,
            repos_map,
            activity,
            promotions,
            eig_link,
            technologies,
            posts_table,
        }),
        Command::Scan {
            site,
            repos,
            repos_map,
            promotions,
            strict,
            output,
        } => commands::scan(commands::ExportArgs {
            site,
            journals: Vec::new(),
            overrides: None,
            generated_at: None,
            strict,
            output,
            lang: cli.lang,
            repos: Some(repos),
            repos_map,
            activity: None,
            promotions,
            eig_link: None,
            technologies: None,
            posts_table: None,
        }),
        Command::Clone {
            site,
            into,
            repos_map,
            allow_file_urls,
        } => {
            let local_files = match allow_file_urls {
                true => LocalFiles::Allowed,
                false => LocalFiles::Refused,
            };
            repos::clone(&site, &into, repos_map.as_deref(), local_files, cli.lang)
        }
        Command::Validate { file } => commands::validate(&file, cli.lang),
        Command::Render {
            export,
            chart,
            admin,
            promo,
            skill,
            tech,
            from,
            to,
            format,
            width,
            scale,
            theme,
            plain,
            output,
        } => {
            let filters = [
                ("admin", admin),
                ("promo", promo),
                ("skill", skill),
                ("tech", tech),
                ("from", from),
                ("to", to),
            ]
            .into_iter()
            .filter_map(|(name, value)| value.map(|v| (name, v)))
            .collect();
            let args = render::RenderArgs {
                export,
                chart,
                filters,
                format,
                width: width.clamp(240, 4000),
                scale: scale.clamp(0.5, 4.0),
                scheme: theme,
                plain,
                lang: cli.lang,
            };
            render::render(&args).and_then(|bytes| {
                commands::write_atomically(&output, &bytes, cli.lang).map(|()| ExitCode::SUCCESS)
            })
        }
        Command::Figures {
            export,
            defi,
            promotion,
            format,
            output,
        } => {
            let scope = match (defi, promotion) {
                (Some(id), _) => figures::Scope::Defi(id),
                (None, Some(id)) => figures::Scope::Promotion(id),
                (None, None) => figures::Scope::Programme,
            };
            figures::figures(&export, &scope, format, cli.lang).and_then(|text| match &output {
                Some(path) => commands::write_atomically(path, text.as_bytes(), cli.lang)
                    .map(|()| ExitCode::SUCCESS),
                None => {
                    print!("{text}");
                    Ok(ExitCode::SUCCESS)
                }
            })
        }
        Command::Embeds {
            export,
            output,
            scripts,
            public_url,
        } => {
            // How many files went where: the pages, then the scripts if asked for.
            let written = previews::Site::at(public_url.as_deref(), cli.lang)
                .and_then(|site| embeds::write(&export, &output, &site, cli.lang))
                .and_then(|pages| {
                    let mut folders = vec![(pages, &output)];
                    if let Some(folder) = &scripts {
                        folders.push((embeds::write_scripts(folder, cli.lang)?, folder));
                    }
                    Ok(folders)
                });
            written.map(|folders| {
                for (count, folder) in folders {
                    say_written(cli.lang, "embeds", count, folder);
                }
                ExitCode::SUCCESS
            })
        }
        Command::Page { export, dist } => page::write(&export, &dist, cli.lang).map(|count| {
            say_written(cli.lang, "page", count, &dist);
            ExitCode::SUCCESS
        }),
        Command::Synth {
            scale,
            seed,
            out,
            from,
        } => commands::synth(&from, &out, scale, seed, cli.lang),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            // Errors quote file names and the sources' words: printed only once made safe.
            eprintln!(
                "{} {}",
                cli.lang.pick("erreur :", "error:"),
                printable(&message)
            );
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (place, text) of the command line in one language: each (sub)command's description
    /// and each argument's help, clap's own help and version excepted.
    fn texts(lang: Lang) -> Vec<(String, String)> {
        fn walk(cmd: &clap::Command, place: &str, out: &mut Vec<(String, String)>) {
            let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
            out.push((place.to_string(), about));
            for arg in cmd.get_arguments() {
                if matches!(arg.get_id().as_str(), "help" | "version") {
                    continue;
                }
                let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                out.push((format!("{place} --{}", arg.get_id()), help));
            }
            for sub in cmd.get_subcommands() {
                if sub.get_name() != "help" {
                    walk(sub, &format!("{place} {}", sub.get_name()), out);
                }
            }
        }
        let mut cmd = localized(Cli::command(), lang);
        cmd.build();
        let mut out = Vec::new();
        walk(&cmd, "eig-pulse", &mut out);
        out
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_both_languages() {
        let (french, english) = (texts(Lang::Fr), texts(Lang::En));
        assert_eq!(
            french.iter().map(|(place, _)| place).collect::<Vec<_>>(),
            english.iter().map(|(place, _)| place).collect::<Vec<_>>()
        );
        // The global --lang is shown, translated, in every subcommand too.
        assert!(english.iter().any(
            |(place, text)| place == "eig-pulse export --lang" && text.starts_with("Language")
        ));
        for ((place, fr), (_, en)) in french.iter().zip(&english) {
            assert!(!fr.trim().is_empty(), "{place}: no French help");
            assert!(!en.trim().is_empty(), "{place}: no English help");
            assert_ne!(fr, en, "{place}: the English is the French");
            for french_only in ["«", "»", " : ", " ; ", " ?", " !"] {
                assert!(
                    !en.contains(french_only),
                    "{place}: {french_only:?} in the English help: {en}"
                );
            }
        }
    }

    #[test]
    fn the_help_table_has_one_pair_per_place() {
        let mut places: Vec<(&str, &str)> = HELP.iter().map(|&(s, a, _)| (s, a)).collect();
        places.sort_unstable();
        let count = places.len();
        places.dedup();
        assert_eq!(places.len(), count, "a place is described twice");
    }

    #[test]
    fn the_chart_help_names_every_chart() {
        let (_, _, words) = HELP
            .iter()
            .find(|&&(sub, arg, _)| (sub, arg) == ("render", "chart"))
            .unwrap();
        let (fr, en) = (
            help_text("render", "chart", words, Lang::Fr),
            help_text("render", "chart", words, Lang::En),
        );
        for id in ChartId::ALL {
            assert!(fr.contains(id.slug()), "{} missing in {fr}", id.slug());
            assert!(en.contains(id.slug()), "{} missing in {en}", id.slug());
        }
    }

    #[test]
    fn the_language_of_the_help_is_read_from_the_raw_arguments() {
        let lang = |args: &[&str]| {
            lang_of_args(
                std::iter::once("eig-pulse")
                    .chain(args.iter().copied())
                    .map(OsString::from),
            )
        };
        assert_eq!(lang(&["--help"]), Lang::Fr);
        assert_eq!(lang(&["--lang", "en", "--help"]), Lang::En);
        assert_eq!(lang(&["export", "--help", "--lang=EN"]), Lang::En);
        assert_eq!(lang(&["--lang", "en", "--lang", "fr", "-h"]), Lang::Fr);
        assert_eq!(lang(&["--lang", "de", "-h"]), Lang::Fr);
        assert_eq!(lang(&["--lang"]), Lang::Fr);
        assert_eq!(lang(&["validate", "--", "--lang=en"]), Lang::Fr);
    }

    #[test]
    fn the_parsers_speak_the_language_asked() {
        assert_eq!(
            chart_parser(Lang::En)("journal-weekly"),
            Ok(ChartId::JournalWeekly)
        );
        let english = chart_parser(Lang::En)("pie").unwrap_err();
        assert!(
            english.starts_with("unknown chart \"pie\" (known: "),
            "{english}"
        );
        let french = chart_parser(Lang::Fr)("pie").unwrap_err();
        assert!(
            french.starts_with("graphique inconnu « pie » (connus : "),
            "{french}"
        );
        assert_eq!(lang_parser(Lang::En)("EN"), Ok(Lang::En));
        assert_eq!(
            lang_parser(Lang::En)("de").unwrap_err(),
            "unknown language \"de\" (fr or en)"
        );
    }

    /// The arguments parse as before: names, defaults and value enums.
    #[test]
    fn the_localized_command_line_parses_as_the_declared_one() {
        let matches = localized(Cli::command(), Lang::En)
            .try_get_matches_from([
                "eig-pulse",
                "--lang",
                "en",
                "render",
                "--export",
                "e.json",
                "--chart",
                "journal-weekly",
                "-o",
                "out.svg",
            ])
            .unwrap();
        let cli = Cli::from_arg_matches(&matches).unwrap();
        assert_eq!(cli.lang, Lang::En);
        match cli.command {
            Command::Render {
                chart,
                format,
                width,
                scale,
                theme,
                plain,
                ..
            } => {
                assert_eq!(chart, ChartId::JournalWeekly);
                assert_eq!(format, render::Format::Svg);
                assert_eq!((width, scale, plain), (800, 2.0, false));
                assert_eq!(theme, render::Scheme::Light);
            }
            _ => panic!("not render"),
        }
    }
}
