//! When each promotion's défis ran: the sources give only a year, so the start of each
//! promotion's ten months is written here, from the programme's public announcements.

/// How long a défi runs, in months.
pub const DEFI_MONTHS: u32 = 10;

/// First day of each promotion's ten months, by promotion id. Not in the sources (the catalogue
/// has only `class: "2019 eig-3"`): from the programme's announcements on eig.etalab.gouv.fr —
/// EIG 1 and EIG 2 started in January of their year, EIG 3, the DIG challenges and EIG 4 at the
/// start of the school year. A promotion missing here gets no window.
const STARTS: [(&str, &str); 5] = [
    ("1", "2017-01-01"),
    ("2", "2018-01-01"),
    ("3", "2019-09-01"),
    ("dig", "2019-09-01"),
    ("4", "2020-09-01"),
];

/// The first day of a promotion's ten months, `YYYY-MM-DD`, when known.
pub fn start(promotion_id: &str) -> Option<String> {
    STARTS
        .iter()
        .find(|(id, _)| *id == promotion_id)
        .map(|(_, date)| date.to_string())
}
