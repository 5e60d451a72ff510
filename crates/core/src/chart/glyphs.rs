//! How wide the charts' text is drawn: Marianne Regular's advances, the one estimate by which
//! every mark reserves room for its labels and decides whether a label fits or is cut.

/// Advance of each printable ASCII character (U+0020 to U+007E), in thousandths of an em, read
/// from `Marianne-Regular.woff2` of the DSFR 1.14.2 (its `hmtx` table, 1 000 units an em).
const ASCII_ADVANCES: [u16; 95] = [
    270, 304, 463, 662, 600, 824, 745, 270, 322, 322, 431, 600, 270, 310, 270,
    357, // ' !"#$%&'()*+,-./
    600, 462, 600, 600, 600, 600, 600, 600, 600, 600, 270, 270, 600, 600, 600,
    509, // 0123456789:;<=>?
    839, 738, 600, 757, 800, 563, 523, 809, 835, 316, 328, 721, 523, 889, 835,
    837, // @ABCDEFGHIJKLMNO
    574, 837, 641, 588, 629, 725, 738, 1039, 716, 676, 668, 305, 357, 305, 600,
    540, // PQRSTUVWXYZ[\]^_
    600, 562, 661, 560, 659, 581, 388, 556, 621, 265, 265, 546, 265, 945, 621,
    640, // `abcdefghijklmno
    660, 660, 397, 443, 420, 604, 534, 802, 530, 549, 505, 305, 357, 305,
    600, // pqrstuvwxyz{|}~
];

/// Beyond ASCII, in thousandths of an em: a space (no-break, narrow) as the space; an accented or
/// other letter a little over the mean of its case (lower 548, upper 689), so that it is not
/// drawn wider than estimated; anything else (« … », « — », « € ») as a wide glyph.
const OTHER_SPACE: u16 = 270;
const OTHER_LOWERCASE: u16 = 600;
const OTHER_UPPERCASE: u16 = 720;
const OTHER_SIGN: u16 = 800;

/// The width of `text` drawn at `font` pixels.
pub(crate) fn text_width(text: &str, font: f64) -> f64 {
    let thousandths: u32 = text.chars().map(|c| u32::from(advance(c))).sum();
    f64::from(thousandths) / 1000.0 * font
}

fn advance(c: char) -> u16 {
    match u32::from(c) {
        code @ 0x20..=0x7E => ASCII_ADVANCES[(code - 0x20) as usize],
        _ if c.is_whitespace() => OTHER_SPACE,
        _ if c.is_lowercase() => OTHER_LOWERCASE,
        _ if c.is_uppercase() => OTHER_UPPERCASE,
        _ => OTHER_SIGN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_letters() {
        // « i » and « l » are a quarter of an em, « m » almost one, « W » over one.
        assert!((text_width("il", 10.0) - 5.3).abs() < 1e-9);
        assert!((text_width("m", 10.0) - 9.45).abs() < 1e-9);
        assert!((text_width("W", 10.0) - 10.39).abs() < 1e-9);
        // Capitals are wider than small letters: « DINUM » takes more room than « dinum ».
        assert!(text_width("DINUM", 12.0) > text_width("dinum", 12.0) * 1.1);
        // Beyond ASCII: « é » as a small letter, « É » as a capital, a narrow no-break space
        // (French thousands) as a space.
        assert!((text_width("é", 10.0) - 6.0).abs() < 1e-9);
        assert!((text_width("É", 10.0) - 7.2).abs() < 1e-9);
        assert!((text_width("1\u{202F}544", 10.0) - text_width("1 544", 10.0)).abs() < 1e-9);
        assert_eq!(text_width("", 12.0), 0.0);
    }
}
