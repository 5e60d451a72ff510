//! Numbers, shares and dates written the French way (`1 288`, `42 %`, `12 mars 2018`) or the English way.

use crate::base::lang::Lang;

/// U+202F, the narrow no-break space French puts between thousands and before `%`.
pub const NARROW_NBSP: char = '\u{202F}';

/// A whole count with thousands grouped: `1 288` in French, `1,288` in English.
pub fn count(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Lang::Fr => NARROW_NBSP,
        Lang::En => ',',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A number and its word, singular for one: the one way the counts below are written.
fn counted(n: usize, (one, many): (&str, &str), lang: Lang) -> String {
    let word = if n == 1 { one } else { many };
    format!("{} {word}", count(n as u64, lang))
}

/// A number of défis: « 1 défi », « 3 défis » (the word is French in both languages).
pub fn defis(n: usize, lang: Lang) -> String {
    counted(n, ("défi", "défis"), lang)
}

/// Items in a sentence: « a », « a et b », « a, b et c » ("a, b and c").
pub fn list(items: &[impl AsRef<str>], lang: Lang) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), lang.pick("et", "and")),
    }
}

/// A number of people: « 1 personne », « 3 personnes », "1 person", "3 people".
pub fn people(n: usize, lang: Lang) -> String {
    let words = (
        lang.pick("personne", "person"),
        lang.pick("personnes", "people"),
    );
    counted(n, words, lang)
}

/// A number of newcomers: « 1 nouvelle personne », « 3 nouvelles personnes », "3 newcomers".
pub fn newcomers(n: usize, lang: Lang) -> String {
    let words = (
        lang.pick("nouvelle personne", "newcomer"),
        lang.pick("nouvelles personnes", "newcomers"),
    );
    counted(n, words, lang)
}

/// A number of commits: « 1 commit », « 3 commits ».
pub fn commits(n: u64, lang: Lang) -> String {
    counted(n as usize, ("commit", "commits"), lang)
}

/// A number of active months: « 1 mois actif », « 3 mois actifs », "3 active months".
pub fn active_months(n: usize, lang: Lang) -> String {
    let words = (
        lang.pick("mois actif", "active month"),
        lang.pick("mois actifs", "active months"),
    );
    counted(n, words, lang)
}

/// A number of months, as a time axis writes it: « 3 mois », "1 month", "3 months".
pub fn months(months: u32, lang: Lang) -> String {
    match (lang, months) {
        (Lang::Fr, m) => format!("{m} mois"),
        (Lang::En, 1) => "1 month".into(),
        (Lang::En, m) => format!("{m} months"),
    }
}

/// A number that may have decimals, at most one shown.
pub fn number(x: f64, lang: Lang) -> String {
    if (x - x.round()).abs() < 1e-9 && x.abs() < 1e15 {
        let sign = if x < 0.0 { "-" } else { "" };
        return format!("{sign}{}", count(x.abs().round() as u64, lang));
    }
    // To a tenth, its whole part grouped as a count's (« 1 121,5 », "1,121.5").
    let tenths = (x.abs() * 10.0).round() as u64;
    let sign = if x < 0.0 && tenths > 0 { "-" } else { "" };
    let whole = count(tenths / 10, lang);
    match (tenths % 10, lang) {
        (0, _) => format!("{sign}{whole}"),
        (tenth, Lang::Fr) => format!("{sign}{whole},{tenth}"),
        (tenth, Lang::En) => format!("{sign}{whole}.{tenth}"),
    }
}

/// A share in [0, 1] as a whole percentage: `42 %` in French, `42%` in English.
pub fn percent(share: f64, lang: Lang) -> String {
    let value = (share * 100.0).round() as i64;
    match lang {
        Lang::Fr => format!("{value}{NARROW_NBSP}%"),
        Lang::En => format!("{value}%"),
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_FR_SHORT: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_index(date: time::Date) -> usize {
    usize::from(u8::from(date.month())) - 1
}

/// `12 mars 2018` / `12 March 2018`.
pub fn date(date: time::Date, lang: Lang) -> String {
    let m = month_index(date);
    match lang {
        Lang::Fr => {
            let day = if date.day() == 1 {
                "1er".to_string()
            } else {
                date.day().to_string()
            };
            format!("{day} {} {}", MONTHS_FR[m], date.year())
        }
        Lang::En => format!("{} {} {}", date.day(), MONTHS_EN[m], date.year()),
    }
}

/// `12 mars` / `12 Mar`, for axis ticks.
pub fn day_month_short(date: time::Date, lang: Lang) -> String {
    let m = month_index(date);
    match lang {
        Lang::Fr => format!("{} {}", date.day(), MONTHS_FR_SHORT[m]),
        Lang::En => format!("{} {}", date.day(), &MONTHS_EN[m][..3]),
    }
}

/// `mars 2019` / `March 2019`.
pub fn month_year(date: time::Date, lang: Lang) -> String {
    let m = month_index(date);
    match lang {
        Lang::Fr => format!("{} {}", MONTHS_FR[m], date.year()),
        Lang::En => format!("{} {}", MONTHS_EN[m], date.year()),
    }
}

/// `févr.` / `Feb`, for axis ticks (the axis adds the year where it changes).
pub fn month_short(date: time::Date, lang: Lang) -> String {
    let m = month_index(date);
    match lang {
        Lang::Fr => MONTHS_FR_SHORT[m].to_string(),
        Lang::En => MONTHS_EN[m][..3].to_string(),
    }
}

/// `mars 2019` / `Mar 2019`, for axis ticks.
pub fn month_year_short(date: time::Date, lang: Lang) -> String {
    let m = month_index(date);
    match lang {
        Lang::Fr => format!("{} {}", MONTHS_FR_SHORT[m], date.year()),
        Lang::En => format!("{} {}", &MONTHS_EN[m][..3], date.year()),
    }
}

/// A span between two ends already written, the one wording of a date range: « du 12 mars au
/// 9 avril » between days; « de mars 2019 à juin 2020 », « d'avril 2019 à … » between months;
/// "from … to …" in English.
pub fn span(from: &str, to: &str, months: bool, lang: Lang) -> String {
    match (lang, months) {
        (Lang::En, _) => format!("from {from} to {to}"),
        (Lang::Fr, false) => format!("du {from} au {to}"),
        (Lang::Fr, true) if from.starts_with(['a', 'o']) => format!("d'{from} à {to}"),
        (Lang::Fr, true) => format!("de {from} à {to}"),
    }
}

/// A span between days that may be open at either end: « du 1er mars 2018 au 31 mars 2018 »,
/// « depuis le 1er mars 2018 », « jusqu'au 31 mars 2018 »; `None` without either end.
pub fn day_span(from: Option<time::Date>, to: Option<time::Date>, lang: Lang) -> Option<String> {
    match (from, to) {
        (Some(f), Some(t)) => Some(span(&date(f, lang), &date(t, lang), false, lang)),
        (Some(f), None) => Some(match lang {
            Lang::Fr => format!("depuis le {}", date(f, lang)),
            Lang::En => format!("since {}", date(f, lang)),
        }),
        (None, Some(t)) => Some(match lang {
            Lang::Fr => format!("jusqu'au {}", date(t, lang)),
            Lang::En => format!("until {}", date(t, lang)),
        }),
        (None, None) => None,
    }
}

/// The label as far as `fits` allows, cut anywhere with an ellipsis when it is longer, and never
/// shorter than its first two characters: as the axes and row labels show it.
pub fn truncate(label: &str, fits: impl Fn(&str) -> bool) -> String {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= 2 || fits(label) {
        return label.to_string();
    }
    let cut = |kept: usize| -> String {
        let start: String = chars[..kept].iter().collect();
        format!("{}…", start.trim_end())
    };
    cut(most_kept(2, chars.len() - 1, |kept| fits(&cut(kept))))
}

/// The most characters to keep, from `least` to `most`, that `fits_with` accepts (a search by
/// halves: a label a megabyte long is cut in a few steps), or `least` when none does.
pub fn most_kept(least: usize, most: usize, fits_with: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (least, most.max(least));
    while low < high {
        let middle = low + (high - low).div_ceil(2);
        if fits_with(middle) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    low
}

/// The label as far as `fits` allows, cut after a whole word with an ellipsis when it is longer;
/// `None` when not even its first word fits. For a name written in the drawing, where a word cut
/// in two could read as another (« (1… » for « (10 mois) »).
pub fn within_words(label: &str, fits: impl Fn(&str) -> bool) -> Option<String> {
    if fits(label) {
        return Some(label.to_string());
    }
    let mut kept = String::new();
    for word in label.split(' ') {
        let longer = if kept.is_empty() {
            word.to_string()
        } else {
            format!("{kept} {word}")
        };
        if !fits(&format!("{longer}…")) {
            break;
        }
        kept = longer;
    }
    // A parenthesis opened and not closed is left out whole.
    if kept.matches('(').count() > kept.matches(')').count() {
        if let Some(open) = kept.rfind('(') {
            kept.truncate(open);
        }
    }
    let kept = kept.trim_end_matches([' ', ';', ',', ':', '(', '—', '–']);
    (!kept.is_empty()).then(|| format!("{kept}…"))
}

/// A name with its details in parentheses (« EIG 4 (10 mois) ») as far as `fits` allows: whole,
/// or its name alone with an ellipsis (« EIG 4… »), or `None`. A label without parentheses is
/// whole or nothing.
pub fn name_within(label: &str, fits: impl Fn(&str) -> bool) -> Option<String> {
    if fits(label) {
        return Some(label.to_string());
    }
    let (name, _) = label.split_once(" (")?;
    let short = format!("{name}…");
    fits(&short).then_some(short)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date as d;

    /// Fits in `max` characters.
    fn chars(max: usize) -> impl Fn(&str) -> bool {
        move |text| text.chars().count() <= max
    }

    #[test]
    fn people_are_counted_in_singular_or_plural() {
        assert_eq!(people(1, Lang::Fr), "1 personne");
        assert_eq!(people(3, Lang::En), "3 people");
        assert_eq!(newcomers(0, Lang::Fr), "0 nouvelles personnes");
        assert_eq!(newcomers(1, Lang::Fr), "1 nouvelle personne");
        assert_eq!(newcomers(1, Lang::En), "1 newcomer");
    }

    #[test]
    fn items_are_listed_with_a_last_and() {
        assert_eq!(list(&[] as &[&str], Lang::Fr), "");
        assert_eq!(list(&["Python"], Lang::Fr), "Python");
        assert_eq!(list(&["Python", "R"], Lang::Fr), "Python et R");
        assert_eq!(list(&["a", "b", "c"], Lang::En), "a, b and c");
    }

    #[test]
    fn a_label_is_cut_to_its_room_and_keeps_two_characters() {
        assert_eq!(
            truncate("Ministère de la Culture", chars(30)),
            "Ministère de la Culture"
        );
        assert_eq!(
            truncate("Ministère de la Culture", chars(12)),
            "Ministère d…"
        );
        assert_eq!(truncate("Ministère de la Culture", chars(10)), "Ministère…");
        assert_eq!(truncate("Ministère de la Culture", chars(3)), "Mi…");
        assert_eq!(truncate("Ministère de la Culture", chars(0)), "Mi…");
        assert_eq!(truncate("DIG", chars(0)), "DI…");
        assert_eq!(truncate("EI", chars(0)), "EI");
    }

    #[test]
    fn a_name_is_whole_or_without_its_details() {
        assert_eq!(
            name_within("EIG 4 (10 mois)", chars(15)).as_deref(),
            Some("EIG 4 (10 mois)")
        );
        assert_eq!(
            name_within("EIG 4 (10 mois)", chars(10)).as_deref(),
            Some("EIG 4…")
        );
        assert_eq!(name_within("EIG 4 (10 mois)", chars(5)), None);
        assert_eq!(name_within("les 10 mois de la promotion", chars(20)), None);
    }

    #[test]
    fn a_name_is_cut_after_a_whole_word() {
        assert_eq!(
            within_words("EIG 4 (10 mois)", chars(20)).as_deref(),
            Some("EIG 4 (10 mois)")
        );
        assert_eq!(
            within_words("EIG 4 (10 mois)", chars(12)).as_deref(),
            Some("EIG 4…")
        );
        assert_eq!(
            within_words("EIG 4 (4 défis ; 4 non suivis 24 mois)", chars(20)).as_deref(),
            Some("EIG 4…")
        );
        assert_eq!(
            within_words(
                "commits humains cumulés par défi depuis le début (médiane, quartiles)",
                chars(40)
            )
            .as_deref(),
            Some("commits humains cumulés par défi depuis…")
        );
        assert_eq!(within_words("promotion", chars(5)), None);
        assert_eq!(within_words("EIG 4", chars(3)), None);
    }

    #[test]
    fn counts_group_thousands() {
        assert_eq!(count(1288, Lang::Fr), "1\u{202F}288");
        assert_eq!(count(1288, Lang::En), "1,288");
        assert_eq!(count(20_000_000, Lang::Fr), "20\u{202F}000\u{202F}000");
        assert_eq!(count(999, Lang::Fr), "999");
        assert_eq!(count(0, Lang::En), "0");
    }

    #[test]
    fn numbers_and_percentages() {
        assert_eq!(number(2.5, Lang::Fr), "2,5");
        assert_eq!(number(2.5, Lang::En), "2.5");
        assert_eq!(number(1288.0, Lang::Fr), "1\u{202F}288");
        // A fraction keeps the whole part's grouping (was « 1121,5 » beside « 1 072 »).
        assert_eq!(number(1121.5, Lang::Fr), "1\u{202F}121,5");
        assert_eq!(number(1121.5, Lang::En), "1,121.5");
        assert_eq!(number(-0.04, Lang::Fr), "0");
        assert_eq!(number(9.96, Lang::En), "10");
        assert_eq!(percent(0.4225, Lang::Fr), "42\u{202F}%");
        assert_eq!(percent(0.4225, Lang::En), "42%");
    }

    #[test]
    fn dates() {
        assert_eq!(date(d!(2018 - 03 - 12), Lang::Fr), "12 mars 2018");
        assert_eq!(date(d!(2018 - 03 - 01), Lang::Fr), "1er mars 2018");
        assert_eq!(date(d!(2018 - 03 - 12), Lang::En), "12 March 2018");
        assert_eq!(day_month_short(d!(2018 - 02 - 12), Lang::Fr), "12 févr.");
        assert_eq!(day_month_short(d!(2018 - 02 - 12), Lang::En), "12 Feb");
        assert_eq!(month_year(d!(2019 - 03 - 01), Lang::Fr), "mars 2019");
        assert_eq!(month_year_short(d!(2019 - 02 - 01), Lang::Fr), "févr. 2019");
        assert_eq!(month_year_short(d!(2019 - 02 - 01), Lang::En), "Feb 2019");
        assert_eq!(month_short(d!(2019 - 02 - 01), Lang::Fr), "févr.");
        assert_eq!(month_short(d!(2019 - 05 - 01), Lang::En), "May");
    }

    #[test]
    fn spans() {
        assert_eq!(
            span("12 mars", "9 avril", false, Lang::Fr),
            "du 12 mars au 9 avril"
        );
        assert_eq!(
            span("avril 2019", "juin 2020", true, Lang::Fr),
            "d'avril 2019 à juin 2020"
        );
        assert_eq!(
            span("mars 2019", "juin 2020", true, Lang::Fr),
            "de mars 2019 à juin 2020"
        );
        assert_eq!(
            span("March 2019", "June 2020", true, Lang::En),
            "from March 2019 to June 2020"
        );
        let (f, t) = (Some(d!(2018 - 03 - 01)), Some(d!(2018 - 03 - 31)));
        assert_eq!(
            day_span(f, t, Lang::Fr).unwrap(),
            "du 1er mars 2018 au 31 mars 2018"
        );
        assert_eq!(
            day_span(f, None, Lang::Fr).unwrap(),
            "depuis le 1er mars 2018"
        );
        assert_eq!(day_span(None, t, Lang::En).unwrap(), "until 31 March 2018");
        assert_eq!(day_span(None, None, Lang::En), None);
    }
}
