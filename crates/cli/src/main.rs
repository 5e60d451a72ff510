//! `eig-pulse`: the thin command line over the ingest and core crates.

mod commands;
mod embeds;
mod render;
mod repos;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use eig_pulse_core::chart::ChartId;
use eig_pulse_core::Lang;

#[derive(Parser)]
#[command(
    name = "eig-pulse",
    version,
    about = "Exporte et vérifie les données du programme EIG (Entrepreneurs d'intérêt général)."
)]
struct Cli {
    /// Langue des messages : fr ou en.
    #[arg(long, global = true, default_value = "fr", value_parser = parse_lang)]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Construit l'export JSON à partir du catalogue et du journal.
    Export {
        /// Dossier contenant defis.yml, personnes.yml, skills.yml et promos.yml.
        #[arg(long)]
        site: PathBuf,
        /// Fichier CSV du journal hebdomadaire (répétable).
        #[arg(long)]
        journal: Vec<PathBuf>,
        /// Fichier de surcharges des administrations (par défaut : celui du dépôt, embarqué).
        #[arg(long)]
        overrides: Option<PathBuf>,
        /// Date RFC 3339 à écrire dans generated_at (par défaut : maintenant).
        #[arg(long)]
        generated_at: Option<String>,
        /// Échoue (code 1) si le rapport de fidélité contient un avertissement.
        #[arg(long)]
        strict: bool,
        /// Dossier de clones git (nus ou non), un par dossier : leur activité par semaine ISO et
        /// leurs critères d'ouverture vont dans la section activity. Lu par gitoxide, sans git.
        #[arg(long, conflicts_with = "activity")]
        repos: Option<PathBuf>,
        /// Table des dépôts : dossier ou URL distante → défi, pour les clones que leur URL ne
        /// rapproche d'aucun source_code, et dépôts non analysés avec leur raison (par défaut :
        /// data/repositories.yml s'il existe).
        #[arg(long)]
        repos_map: Option<PathBuf>,
        /// Scan committé, écrit par `eig-pulse scan` (data/activity.json) : l'activité des
        /// dépôts sans leurs copies.
        #[arg(long)]
        activity: Option<PathBuf>,
        /// Dates des promotions et leurs sources citées (par défaut : data/promotions.yml).
        #[arg(long)]
        promotions: Option<PathBuf>,
        /// Dossier des relevés eig-link : stack_2018.org, stack_2019.md (stacks déclarées) et
        /// ouverture_2018.org (ouverture), ceux qui s'y trouvent.
        #[arg(long)]
        eig_link: Option<PathBuf>,
        /// Table des technologies (par défaut : data/technologies.yml du dépôt, embarquée).
        #[arg(long)]
        technologies: Option<PathBuf>,
        /// Fichier de sortie.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Lit un dossier de clones et écrit leurs fiches d'activité (comptes seulement), à
    /// committer puis à donner à `export --activity`.
    Scan {
        /// Dossier contenant defis.yml, personnes.yml, skills.yml et promos.yml.
        #[arg(long)]
        site: PathBuf,
        /// Dossier de clones git (nus ou non), un par dossier.
        #[arg(long)]
        repos: PathBuf,
        /// Table des dépôts (par défaut : data/repositories.yml s'il existe).
        #[arg(long)]
        repos_map: Option<PathBuf>,
        /// Dates des promotions (par défaut : data/promotions.yml).
        #[arg(long)]
        promotions: Option<PathBuf>,
        /// Échoue (code 1) si le rapport contient un avertissement.
        #[arg(long)]
        strict: bool,
        /// Fichier de sortie (data/activity.json).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Clone (nu) chaque source_code du catalogue qui désigne un dépôt dans <into>/<défi> ;
    /// ignore, en le disant, les pages d'organisation et les URL malformées. HTTPS et file://
    /// (file:// passe par `git upload-pack`, comme le transport local de gitoxide).
    Clone {
        /// Dossier contenant defis.yml.
        #[arg(long)]
        site: PathBuf,
        /// Dossier où créer les clones (un sous-dossier par défi ; un dossier déjà là est gardé).
        #[arg(long)]
        into: PathBuf,
        /// Table des dépôts (data/repositories.yml) dont les URL sont aussi clonées, dans
        /// <into>/<défi>-<dépôt>.
        #[arg(long)]
        repos_map: Option<PathBuf>,
    },
    /// Vérifie un export : schéma JSON puis cohérence ; affiche chaque erreur avec son chemin JSON.
    Validate { file: PathBuf },
    /// Dessine un graphique d'un export en SVG ou PNG (le même dessin que le tableau de bord), ou en donne les données en CSV.
    Render {
        /// Fichier d'export JSON.
        #[arg(long)]
        export: PathBuf,
        /// Identifiant du graphique : defis-by-administration, skills-by-promotion, journal-weekly,
        /// journal-mix-by-defi, openness-by-promotion, repository-activity,
        /// technologies-by-promotion, languages-by-promotion, openness-indicators.
        #[arg(long, value_parser = parse_chart)]
        chart: ChartId,
        /// Administration (ses directions et services inclus).
        #[arg(long)]
        admin: Option<String>,
        #[arg(long)]
        promo: Option<String>,
        #[arg(long)]
        skill: Option<String>,
        /// Technologie (id de data/technologies.yml, ex. python) : défis qui la déclarent ou
        /// dont le code la montre.
        #[arg(long)]
        tech: Option<String>,
        /// Début de période, AAAA-MM-JJ.
        #[arg(long)]
        from: Option<String>,
        /// Fin de période, AAAA-MM-JJ.
        #[arg(long)]
        to: Option<String>,
        /// Format de sortie.
        #[arg(long, value_enum, default_value_t = render::Format::Svg)]
        format: render::Format,
        /// Largeur en pixels CSS (la hauteur suit le graphique).
        #[arg(long, default_value_t = 800)]
        width: u32,
        /// Densité du PNG (2 : deux pixels par pixel CSS).
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
        /// Thème de couleurs.
        #[arg(long, value_enum, default_value_t = render::Scheme::Light)]
        theme: render::Scheme,
        /// Sans titre ni crédit.
        #[arg(long)]
        plain: bool,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Écrit les fichiers de la page d'intégration légère (embed.html) : pour chaque graphique,
    /// ses textes (JSON) et son tracé en SVG, en français et en anglais, clair et sombre, à
    /// plusieurs largeurs.
    Embeds {
        /// Fichier d'export JSON.
        #[arg(long)]
        export: PathBuf,
        /// Dossier de sortie.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Écrit des sources synthétiques N fois plus grandes que les vraies (pour les mesures).
    Synth {
        /// Facteur d'échelle.
        #[arg(long)]
        scale: usize,
        /// Graine du générateur.
        #[arg(long, default_value_t = 2018)]
        seed: u64,
        /// Dossier de sortie (site-eig/ et journal.csv y sont écrits).
        #[arg(long)]
        out: PathBuf,
        /// Dossier des vraies sources servant de modèle.
        #[arg(long, default_value = "data/sources")]
        from: PathBuf,
    },
}

/// A chart id, or the list of known ones.
fn parse_chart(text: &str) -> Result<ChartId, String> {
    ChartId::from_slug(text).ok_or_else(|| {
        let known: Vec<&str> = ChartId::ALL.iter().map(|c| c.slug()).collect();
        format!(
            "graphique inconnu « {text} » (connus : {})",
            known.join(", ")
        )
    })
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| format!("langue inconnue « {text} » (fr ou en)"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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
        }),
        Command::Clone {
            site,
            into,
            repos_map,
        } => repos::clone(&site, &into, repos_map.as_deref(), cli.lang),
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
        Command::Embeds { export, output } => {
            embeds::write(&export, &output, cli.lang).map(|count| {
                eprintln!(
                    "{} {count} {} {}",
                    cli.lang.pick("embeds :", "embeds:"),
                    cli.lang.pick("fichiers écrits dans", "files written to"),
                    output.display()
                );
                ExitCode::SUCCESS
            })
        }
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
            eprintln!("{} {message}", cli.lang.pick("erreur :", "error:"));
            ExitCode::from(2)
        }
    }
}
