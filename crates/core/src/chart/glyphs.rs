//! How wide the charts' text is drawn: Marianne Regular's advances (on a canvas of the page), or
//! the wider of Marianne's and DejaVu Sans' (in an SVG shown as an image, drawn in whichever
//! sans-serif the reader's system has): the one estimate by which every mark reserves room for its
//! labels and decides whether a label fits or is cut.

/// A typeface's advances, in thousandths of an em: each printable ASCII character's (U+0020 to
/// U+007E), then, beyond ASCII, a space's, a letter's of each case (a little over the mean of that
/// case, so that it is not drawn wider than estimated) and anything else's (« … », « — »).
struct Face {
    ascii: [u16; 95],
    space: u16,
    lowercase: u16,
    uppercase: u16,
    sign: u16,
}

impl Face {
    fn advance(&self, c: char) -> u16 {
        match u32::from(c) {
            code @ 0x20..=0x7E => self.ascii[(code - 0x20) as usize],
            _ if c.is_whitespace() => self.space,
            _ if c.is_lowercase() => self.lowercase,
            _ if c.is_uppercase() => self.uppercase,
            _ => self.sign,
        }
    }
}

/// `Marianne-Regular.woff2` of the DSFR 1.14.2 (its `hmtx` table, 1 000 units an em); letters
/// beyond ASCII over its means (lower 548, upper 689).
const MARIANNE: Face = Face {
    ascii: [
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
    ],
    space: 270,
    lowercase: 600,
    uppercase: 720,
    sign: 800,
};

/// DejaVu Sans Book (Debian's `fonts-dejavu-core`, its `hmtx` table, 2 048 units an em): the
/// sans-serif of Linux systems, wider than Arial and Helvetica, so that an SVG's text measured at
/// the wider of it and Marianne fits in any of them; letters beyond ASCII over its means (lower
/// 556, upper 662).
const DEJAVU_SANS: Face = Face {
    ascii: [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318,
        337, // ' !"#$%&'()*+,-./
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838,
        531, // 0123456789:;<=>?
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748,
        787, // @ABCDEFGHIJKLMNO
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838,
        500, // PQRSTUVWXYZ[\]^_
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634,
        612, // `abcdefghijklmno
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636,
        838, // pqrstuvwxyz{|}~
    ],
    space: 318,
    lowercase: 640,
    uppercase: 760,
    sign: 1000,
};

/// The width of `text` drawn in Marianne at `font` pixels.
pub(crate) fn text_width(text: &str, font: f64) -> f64 {
    let thousandths: u32 = text.chars().map(|c| u32::from(MARIANNE.advance(c))).sum();
    f64::from(thousandths) / 1000.0 * font
}

/// The width of `text` drawn at `font` pixels in Marianne or in the reader's sans-serif, whichever
/// is wider for each character.
pub(crate) fn text_width_in_any_sans_serif(text: &str, font: f64) -> f64 {
    let thousandths: u32 = text
        .chars()
        .map(|c| u32::from(MARIANNE.advance(c).max(DEJAVU_SANS.advance(c))))
        .sum();
    f64::from(thousandths) / 1000.0 * font
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

    /// In any sans-serif, a text is at least as wide as in Marianne, and as wide as in DejaVu Sans
    /// where that is wider: « 16 avr. » is 13.9 % wider there (measured with fontTools).
    #[test]
    fn any_sans_serif_takes_the_wider_of_two_faces() {
        for text in [
            "EIG 1…",
            "Ministère de l'Intérieur",
            "1\u{202F}527",
            "16 avr.",
            "",
        ] {
            assert!(text_width_in_any_sans_serif(text, 12.0) >= text_width(text, 12.0));
        }
        let ratio = text_width_in_any_sans_serif("16 avr.", 10.0) / text_width("16 avr.", 10.0);
        assert!((ratio - 1.139).abs() < 0.01, "{ratio}");
        // « m » is wider in DejaVu Sans (974), « o » in Marianne (640).
        assert!((text_width_in_any_sans_serif("mo", 10.0) - 16.14).abs() < 1e-9);
    }
}
