//! One défi's sheet in words, as plain data built by pure functions from the cohort (no signal,
//! no component): its facts, team and links, technologies and openness, key figures, the code
//! after its window, its source's problems, the blog's posts that name it and its journal. The
//! défi panel only renders it.

use eig_pulse_core::base::url::is_http_url;
use eig_pulse_core::contract::export::Member;
use eig_pulse_core::measures::figures::{defi_figures, Figure};
use eig_pulse_core::measures::promotion_windows::window_words;
use eig_pulse_core::measures::technologies::{defi_card, DefiCard};
use eig_pulse_core::{base::format, tr, Cohort, Lang};

/// Everything the défi panel says about one défi, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct DefiSheet {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub labels: SheetLabels,
    /// Its promotion's window with how its dates are known, else the promotion and its year.
    pub promotion: String,
    /// Its administration's chain, from the top.
    pub administrations: Vec<Administration>,
    pub skills: String,
    /// « name — profile », one per entrepreneur.
    pub team: Vec<String>,
    pub mentors: String,
    /// Its code and its site, when they are http(s) addresses.
    pub links: Vec<Link>,
    /// Said when the catalogue gives neither code nor site.
    pub no_link: Option<&'static str>,
    pub declared_stack: String,
    pub languages: String,
    pub frameworks: String,
    /// Its openness items; empty when none was recorded.
    pub openness: Vec<OpennessLine>,
    pub key_figures: Vec<KeyFigure>,
    /// Its commits during and after the ten months, when its code was scanned.
    /// What became of its code: core's figures for the défi (empty without a scanned repository).
    pub code: Vec<Figure>,
    /// The problems the exporter found in its source.
    pub issues: Vec<String>,
    /// « Billets du blog (3) ».
    pub posts_heading: String,
    /// The blog's posts that name the défi, by date.
    pub posts: Vec<PostLine>,
    pub journal_heading: String,
    pub journal: Vec<JournalLine>,
}

/// The panel's fixed words, in one language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SheetLabels {
    pub close: &'static str,
    pub close_title: &'static str,
    pub skills: &'static str,
    pub team: &'static str,
    pub links: &'static str,
    pub technologies: &'static str,
    pub declared_stack: &'static str,
    pub languages: &'static str,
    pub frameworks: &'static str,
    pub openness: &'static str,
    pub no_openness: &'static str,
    pub key_figures: &'static str,
    pub after_the_months: &'static str,
    pub issues: &'static str,
    pub no_journal: &'static str,
    pub no_post: &'static str,
    pub category: &'static str,
}

impl SheetLabels {
    pub fn new(lang: Lang) -> SheetLabels {
        SheetLabels {
            close: lang.pick("Fermer", "Close"),
            close_title: lang.pick("Fermer la fiche", "Close the card"),
            skills: lang.pick("Compétences", "Skills"),
            team: lang.pick("Équipe", "Team"),
            links: lang.pick("Liens", "Links"),
            technologies: lang.pick("Technologies et ouverture", "Technologies and openness"),
            declared_stack: lang.pick("Stack déclarée", "Declared stack"),
            languages: lang.pick(
                "Langages mesurés dans le code",
                "Languages measured in the code",
            ),
            frameworks: lang.pick(
                "Frameworks (dépendances directes)",
                "Frameworks (direct dependencies)",
            ),
            openness: lang.pick("Ouverture", "Openness"),
            no_openness: lang.pick("aucun élément relevé", "no item recorded"),
            key_figures: lang.pick("Chiffres clés", "Key figures"),
            after_the_months: lang.pick("Le code après le défi", "The code after the défi"),
            issues: lang.pick("Problèmes dans la source", "Problems in the source"),
            no_journal: lang.pick(
                "Aucune entrée de journal pour ce défi.",
                "No journal entry for this défi.",
            ),
            no_post: lang.pick(
                "Aucun billet du blog ne nomme ce défi.",
                "No post of the blog names this défi.",
            ),
            category: lang.pick("Catégorie", "Category"),
        }
    }
}

/// An administration of the défi's chain: a filter on it is one click away.
#[derive(Debug, Clone, PartialEq)]
pub struct Administration {
    pub id: String,
    pub name: String,
}

/// An http(s) link and its words.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub href: String,
    pub text: &'static str,
}

/// One openness item: its kind with the separator after it, its words, and its link if any.
#[derive(Debug, Clone, PartialEq)]
pub struct OpennessLine {
    pub kind: String,
    pub text: String,
    pub href: Option<String>,
}

/// One of the défi's own key figures: the amount, and what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigure {
    pub amount: String,
    pub label: String,
}

/// A post of the programme's blog that names the défi.
#[derive(Debug, Clone, PartialEq)]
pub struct PostLine {
    /// The date as `<time datetime>` wants it (`2018-10-18`).
    pub datetime: String,
    pub date: String,
    pub title: String,
    /// Its address on the programme's site.
    pub href: String,
}

/// One journal entry.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalLine {
    /// The date as `<time datetime>` wants it (`2018-03-05`).
    pub datetime: String,
    pub date: String,
    pub category: String,
    pub task: String,
}

/// The sheet of the défi at `index` of the cohort, in `lang`.
pub fn defi_sheet(cohort: &Cohort, index: usize, lang: Lang) -> DefiSheet {
    let defi = &cohort.export.defis[index];
    let administrations = cohort
        .defi_administration(index)
        .map(|a| {
            cohort
                .ancestors(a)
                .iter()
                .rev()
                .map(|&i| {
                    let admin = &cohort.export.administrations[i];
                    Administration {
                        id: admin.id.clone(),
                        name: admin.name.clone(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let promotion = cohort
        .promotion(&defi.promotion_id)
        .map_or(defi.promotion_id.clone(), |p| {
            window_words(p, lang).unwrap_or_else(|| format!("{} ({})", p.label, p.year))
        });
    let skills: Vec<String> = defi
        .skills
        .iter()
        .map(|s| cohort.skill_label(s, lang))
        .collect();
    let team = defi
        .eigs
        .iter()
        .map(|member| format!("{} — {}", member.name, profile_words(member, lang)))
        .collect();
    // Only http(s) becomes a link (the contract already refuses the rest).
    let mut links: Vec<Link> = defi
        .source_code
        .iter()
        .filter(|url| is_http_url(url))
        .map(|url| Link {
            href: url.clone(),
            text: lang.pick("Code source", "Source code"),
        })
        .collect();
    links.extend(
        defi.website
            .iter()
            .filter(|url| is_http_url(url))
            .map(|url| Link {
                href: url.clone(),
                text: lang.pick("Site web", "Website"),
            }),
    );
    let no_link = (defi.source_code.is_empty() && defi.website.is_none())
        .then(|| lang.pick("aucun lien publié", "no published link"));
    let card = defi_card(cohort, index, lang);
    let journal: Vec<JournalLine> = cohort
        .defi_journal(index)
        .iter()
        .map(|&e| {
            let entry = &cohort.export.journal[e];
            let date = cohort.journal_date(e);
            JournalLine {
                datetime: date.to_string(),
                date: format::date(date, lang),
                category: entry.raw_category.clone(),
                task: entry.task.clone(),
            }
        })
        .collect();
    let posts: Vec<PostLine> = cohort
        .defi_posts(index)
        .iter()
        .map(|&p| {
            let post = &cohort.export.posts[p];
            let date = cohort
                .post_day(p)
                .and_then(|day| time::Date::from_julian_day(day).ok());
            PostLine {
                datetime: post.date.clone(),
                date: date.map_or_else(|| post.date.clone(), |d| format::date(d, lang)),
                title: post.title.clone(),
                href: post.url.clone(),
            }
        })
        .filter(|line| is_http_url(&line.href))
        .collect();
    DefiSheet {
        id: defi.id.clone(),
        title: defi.title.clone(),
        description: defi.description.clone(),
        labels: SheetLabels::new(lang),
        promotion,
        administrations,
        skills: skills.join(", "),
        team,
        mentors: defi.mentors.join(", "),
        links,
        no_link,
        declared_stack: declared_stack(&card, lang),
        languages: languages(&card, lang),
        frameworks: frameworks(&card, lang),
        openness: openness(&card, lang),
        key_figures: defi
            .key_figures
            .iter()
            .map(|k| KeyFigure {
                amount: format::number(k.amount, lang),
                label: k.label.clone(),
            })
            .collect(),
        code: defi_figures(cohort, index, lang),
        issues: defi.issues.iter().map(|i| i.describe(lang)).collect(),
        posts_heading: tr!(lang, "Billets du blog ({})", "Blog posts ({})", posts.len()),
        posts,
        journal_heading: format!("Journal ({})", journal.len()),
        journal,
    }
}

/// The declared stack: each technology with its kind, the ones only considered marked so; or
/// why there is none.
fn declared_stack(card: &DefiCard, lang: Lang) -> String {
    match card.documented {
        None => lang
            .pick(
                "pas de relevé pour cette promotion",
                "no record for this promotion",
            )
            .to_string(),
        Some(false) => lang.pick("non documentée", "not documented").to_string(),
        Some(true) => card
            .declared
            .iter()
            .map(|tech| {
                let mut words = tech.name.clone();
                if !tech.kind.is_empty() {
                    words.push_str(&format!(" ({})", tech.kind));
                }
                if tech.tentative {
                    words.push_str(lang.pick(" — envisagée", " — considered"));
                }
                words
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The languages measured in the code, with their shares of the bytes.
fn languages(card: &DefiCard, lang: Lang) -> String {
    if card.languages.is_empty() {
        return lang
            .pick("aucun dépôt analysé", "no repository scanned")
            .to_string();
    }
    card.languages
        .iter()
        .map(|l| format!("{} {}", l.language, format::percent(l.share, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The frameworks recognised among the direct dependencies.
fn frameworks(card: &DefiCard, lang: Lang) -> String {
    if card.frameworks.is_empty() {
        return lang.pick("aucun reconnu", "none recognised").to_string();
    }
    card.frameworks.join(", ")
}

/// The openness items, each kind followed by the language's separator.
fn openness(card: &DefiCard, lang: Lang) -> Vec<OpennessLine> {
    card.openness
        .iter()
        .map(|line| {
            let kind = &line.kind;
            let kind = if line.to_check {
                tr!(
                    lang,
                    "{kind} (à vérifier, non compté) : ",
                    "{kind} (to check, not counted): "
                )
            } else {
                tr!(lang, "{kind} : ", "{kind}: ")
            };
            OpennessLine {
                kind,
                text: line.text.clone(),
                href: line.url.clone(),
            }
        })
        .collect()
}

/// An entrepreneur's profile: in French as the team wrote it (« Développeuse »), in English from
/// the role it folds onto (the written profile when the role is not one of the four).
fn profile_words(member: &Member, lang: Lang) -> String {
    let unknown = lang.pick("profil inconnu", "unknown profile");
    let written = member.profile.as_deref().unwrap_or(unknown);
    let english = match member.role.as_deref() {
        Some("dev") => "Developer",
        Some("design") => "Designer",
        Some("datascience") => "Data scientist",
        Some("dataengineering") => "Data engineer",
        _ => written,
    };
    lang.pick(written, english).to_string()
}
