//! The definitions every figure of the code after the programme follows, in one place: what a
//! human commit and an active month are, when a défi is alive, when it is observed, who founded
//! and who took over its code, what a release is, what holds code. The thresholds are here, and
//! their words for the page, the README and `eig-pulse figures`.

use crate::base::lang::Text;

/// A month is active when it has at least this many human commits.
pub const ACTIVE_MONTH_COMMITS: u64 = 1;
/// A défi is alive at a date when it has at least this many active months…
pub const ALIVE_ACTIVE_MONTHS: usize = 2;
/// …among the months just before that date.
pub const ALIVE_LOOKBACK_MONTHS: u32 = 6;
/// The horizons, in months after a défi's end, the tables look at.
pub const HORIZONS: [u32; 3] = [6, 12, 24];
/// The survival curve runs from the end to this many months after it.
pub const SURVIVAL_MONTHS: u32 = 36;
/// The cohort curves run from the start to this many months after it.
pub const COHORT_MONTHS: u32 = 24;

/// One defined term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub key: &'static str,
    pub term: Text,
    pub meaning: Text,
}

/// Every term the figures use, in the order a reader needs them.
pub static DEFINITIONS: [Definition; 10] = [
    Definition {
        key: "human-commit",
        term: Text::fixed("Commit humain", "Human commit"),
        meaning: Text::fixed(
            "Un commit d'une personne : ni une fusion (plusieurs parents), ni celui d'un robot (dependabot, renovate… : data/bots.yml). Fusions et robots restent comptés à part.",
            "A person's commit: neither a merge (several parents) nor a bot's (dependabot, renovate…: data/bots.yml). Merges and bots are still counted apart.",
        ),
    },
    Definition {
        key: "code",
        term: Text::fixed("Dépôt de code", "Code repository"),
        meaning: Text::fixed(
            "Un dépôt où un langage de programmation est mesuré ; un dépôt de documentation ou de maquettes seules est montré, mais ses commits ne sont pas de l'activité de code. Un dépôt rattaché à plusieurs défis compte une fois dans chaque total.",
            "A repository where a programming language is measured; one of documentation or mock-ups only is shown, but its commits are not code activity. A repository attached to several défis counts once in every total.",
        ),
    },
    Definition {
        key: "window",
        term: Text::fixed("Période du défi", "The défi's window"),
        meaning: Text::fixed(
            "Du début de sa promotion à sa fin : la date citée par une source, sinon le début plus sa durée au catalogue (six à douze mois pour les DIG).",
            "From its promotion's start to its end: the date a source gives, else the start plus its length in the catalogue (six to twelve months for DIG).",
        ),
    },
    Definition {
        key: "active-month",
        term: Text::fixed("Mois actif", "Active month"),
        meaning: Text::fixed(
            "Un mois (compté depuis la fin du défi) qui a au moins un commit humain ; une semaine compte dans le mois de son jeudi.",
            "A month (counted from the défi's end) with at least one human commit; a week counts in the month of its Thursday.",
        ),
    },
    Definition {
        key: "alive",
        term: Text::fixed("Vivant", "Alive"),
        meaning: Text::fixed(
            "Un défi est vivant à une date quand il a au moins 2 mois actifs dans les 6 mois qui la précèdent (dans l'esprit du cycle de vie de GrimoireLab et du critère « Maintained » d'OpenSSF) : un commit isolé ne suffit pas.",
            "A défi is alive at a date when it has at least 2 active months in the 6 months before it (in the spirit of GrimoireLab's lifecycle and OpenSSF's \"Maintained\" check): a lone commit is not enough.",
        ),
    },
    Definition {
        key: "observed",
        term: Text::fixed("Observé", "Observed"),
        meaning: Text::fixed(
            "Un défi est observé à une date quand la copie la plus ancienne de ses dépôts est postérieure : sinon il est « non observé », jamais compté inactif. Chaque part dit son dénominateur, les défis observés.",
            "A défi is observed at a date when the oldest copy of its repositories is later: otherwise it is \"not observed\", never counted inactive. Every share says its denominator, the défis observed.",
        ),
    },
    Definition {
        key: "survival",
        term: Text::fixed("Survie du code", "Survival of the code"),
        meaning: Text::fixed(
            "La part des défis restés vivants sans interruption depuis leur fin, mois après mois, estimée par Kaplan–Meier : un défi s'éteint au premier mois où il n'est plus vivant, même s'il reprend ensuite ; il sort du compte à la date de sa copie (censure), pas comme un défi éteint. Le nombre de défis encore suivis (« à risque ») est donné sous chaque point.",
            "The share of défis that stayed alive without a break since their end, month by month, estimated by Kaplan–Meier: a défi dies the first month it is no longer alive, even if it resumes later; it leaves the count at its copy's date (censoring), not as a défi that died. The number of défis still followed (\"at risk\") is given under each point.",
        ),
    },
    Definition {
        key: "founders",
        term: Text::fixed("Équipe fondatrice, nouvelles personnes", "Founding team, newcomers"),
        meaning: Text::fixed(
            "L'équipe fondatrice : les personnes qui ont fait un commit humain pendant la période du défi. Les nouvelles personnes : celles dont le premier commit vient après sa fin. Les identités sont regroupées dans le scan (même courriel, même nom, formes noreply de GitHub), par dépôt ; aucun nom ne sort. Un défi dont la copie ne va pas au-delà de sa fin n'est pas observé après elle : il n'est compté ni repris ni non repris.",
            "The founding team: the people who made a human commit during the défi's window. Newcomers: those whose first commit comes after its end. Identities are folded in the scan (same e-mail, same name, GitHub's noreply forms), per repository; no name leaves it. A défi whose copy does not go past its end is not observed after it: it is counted neither taken over nor not.",
        ),
    },
    Definition {
        key: "release",
        term: Text::fixed("Version publiée", "Release"),
        meaning: Text::fixed(
            "Une étiquette (tag) du dépôt, datée par son auteur ou par son commit.",
            "A tag of the repository, dated by its tagger or by its commit.",
        ),
    },
    Definition {
        key: "median",
        term: Text::fixed("Médiane", "Median"),
        meaning: Text::fixed(
            "Les chiffres en tête sont des médianes de mesures par défi, jamais des sommes : aucun défi très actif ne les fait pencher ; les totaux sont dans les tableaux.",
            "Headline figures are medians of per-défi measures, never sums: no very active défi bends them; totals are in the tables.",
        ),
    },
];
