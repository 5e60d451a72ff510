//! The palette: colours and sizes of the marks, for one scheme (light or dark) and one pixel density.

use plotters::style::RGBColor;

use super::glyphs;

/// Where the marks are drawn, which decides how their text is sized and measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// A canvas of the page: text in Marianne, the page's font, at the size given.
    Canvas,
    /// An SVG document (the light embed's plots, the static first paint, downloads, previews).
    /// Shown as an image it cannot load the page's fonts: its text is drawn in the reader's
    /// sans-serif and measured at the wider of Marianne and DejaVu Sans. Plotters' SVG backend
    /// writes a text's size divided by 1.24: the size given to it undoes that, so that text is as
    /// large as on the canvas.
    Svg,
}

/// Plotters' SVG backend writes `font-size` as the size it is given divided by this.
const SVG_BACKEND_TEXT_DIVISOR: f64 = 1.24;

impl Surface {
    /// The size to give the backend for text drawn at `size` pixels.
    pub fn backend_font_size(self, size: f64) -> f64 {
        match self {
            Surface::Canvas => size,
            Surface::Svg => size * SVG_BACKEND_TEXT_DIVISOR,
        }
    }

    /// How wide `text` is drawn at `size` pixels on this surface.
    pub fn text_width(self, text: &str, size: f64) -> f64 {
        match self {
            Surface::Canvas => glyphs::text_width(text, size),
            Surface::Svg => glyphs::text_width_in_any_sans_serif(text, size),
        }
    }
}

/// How charts look; `scale` multiplies every size (2.0 on a HiDPI screen or for a 2× PNG).
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted_text: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    /// Behind highlighted spans (a promotion's ten months).
    pub highlight: RGBColor,
    /// Series colours, in legend order; chosen to reach 3:1 against the background.
    pub series: Vec<RGBColor>,
    pub scale: f64,
    pub font_family: &'static str,
    pub surface: Surface,
}

impl Palette {
    /// DSFR light scheme: illustrative colours (`main` tints, or `artwork-major` where the main
    /// tint is too pale), each at least 3:1 against white.
    pub fn light(scale: f64) -> Palette {
        Palette {
            background: RGBColor(0xff, 0xff, 0xff), // background-default-grey
            text: RGBColor(0x16, 0x16, 0x16),       // text-title-grey
            muted_text: RGBColor(0x66, 0x66, 0x66), // text-mention-grey
            grid: RGBColor(0xdd, 0xdd, 0xdd),       // border-default-grey
            axis: RGBColor(0x66, 0x66, 0x66),
            highlight: RGBColor(0xec, 0xec, 0xfe), // blue-france-950
            series: vec![
                RGBColor(0x00, 0x00, 0x91), // blue-france-sun-113
                RGBColor(0xce, 0x61, 0x4a), // pink-tuile-main-556
                RGBColor(0x00, 0x90, 0x81), // green-menthe-main-548
                RGBColor(0xa5, 0x58, 0xa0), // purple-glycine-main-494
                RGBColor(0x69, 0x52, 0x40), // artwork-major-yellow-moutarde
                RGBColor(0x41, 0x7d, 0xc4), // blue-cumulus-main-526
                RGBColor(0x66, 0x67, 0x3d), // artwork-major-green-tilleul-verveine
                RGBColor(0xe1, 0x00, 0x0f), // red-marianne-main-472
                RGBColor(0x6a, 0x6a, 0xf4), // blue-france-main-525
                RGBColor(0x66, 0x66, 0x66), // grey (« autre »)
            ],
            scale,
            font_family: "Marianne, sans-serif",
            surface: Surface::Canvas,
        }
    }

    /// DSFR dark scheme: the same hues as `artwork-major` tokens of the dark scheme, each at
    /// least 3:1 against the dark background.
    pub fn dark(scale: f64) -> Palette {
        Palette {
            background: RGBColor(0x16, 0x16, 0x16), // background-default-grey (dark)
            text: RGBColor(0xff, 0xff, 0xff),       // text-title-grey (dark)
            muted_text: RGBColor(0x92, 0x92, 0x92), // text-mention-grey (dark)
            grid: RGBColor(0x35, 0x35, 0x35),       // border-default-grey (dark)
            axis: RGBColor(0x92, 0x92, 0x92),
            highlight: RGBColor(0x21, 0x21, 0x3f), // blue-france-950 (dark)
            series: vec![
                RGBColor(0x85, 0x85, 0xf6), // blue-france
                RGBColor(0xff, 0x95, 0x75), // pink-tuile
                RGBColor(0x21, 0xab, 0x8e), // green-menthe
                RGBColor(0xce, 0x70, 0xcc), // purple-glycine
                RGBColor(0xff, 0xca, 0x00), // yellow-moutarde
                RGBColor(0x7a, 0xb1, 0xe8), // blue-cumulus
                RGBColor(0x99, 0xc2, 0x21), // green-bourgeon
                RGBColor(0xf9, 0x5c, 0x5e), // red-marianne
                RGBColor(0xe6, 0xbe, 0x92), // brown-opera
                RGBColor(0x92, 0x92, 0x92), // grey (« autre »)
            ],
            scale,
            font_family: "Marianne, sans-serif",
            surface: Surface::Canvas,
        }
    }

    /// The same palette for an SVG document.
    pub fn for_svg(&self) -> Palette {
        Palette {
            surface: Surface::Svg,
            ..self.clone()
        }
    }

    /// A size in pixels at this palette's scale.
    pub fn px(&self, size: f64) -> i32 {
        (size * self.scale).round() as i32
    }

    pub fn color(&self, index: usize) -> RGBColor {
        self.series[index % self.series.len()]
    }
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    fn luminance(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::OTHER_COLOR;

    #[test]
    fn marks_reach_3_to_1_and_text_4_5_to_1_in_both_schemes() {
        for palette in [Palette::light(1.0), Palette::dark(1.0)] {
            for (i, color) in palette.series.iter().enumerate() {
                let ratio = contrast(*color, palette.background);
                assert!(ratio >= 3.0, "colour {i} {color:?}: {ratio:.2}");
            }
            assert!(contrast(palette.axis, palette.background) >= 3.0);
            for (i, color) in palette.series.iter().enumerate() {
                let ratio = contrast(*color, palette.highlight);
                assert!(ratio >= 3.0, "colour {i} on the highlight: {ratio:.2}");
            }
            assert!(contrast(palette.muted_text, palette.highlight) >= 4.5);
            for text in [palette.text, palette.muted_text] {
                let ratio = contrast(text, palette.background);
                assert!(ratio >= 4.5, "{text:?}: {ratio:.2}");
            }
        }
    }

    #[test]
    fn palettes_have_distinct_colours() {
        for palette in [Palette::light(1.0), Palette::dark(1.0)] {
            for (i, a) in palette.series.iter().enumerate() {
                for b in &palette.series[i + 1..] {
                    assert_ne!(a, b);
                }
            }
        }
    }

    /// Named series take the colours before [`OTHER_COLOR`], so none wraps onto another.
    #[test]
    fn the_grey_of_others_comes_last() {
        for palette in [Palette::light(1.0), Palette::dark(1.0)] {
            assert_eq!(palette.series.len(), OTHER_COLOR + 1);
            let grey = palette.color(OTHER_COLOR);
            assert!(grey.0 == grey.1 && grey.1 == grey.2, "{grey:?}");
        }
    }

    #[test]
    fn contrast_matches_known_values() {
        let white = RGBColor(255, 255, 255);
        assert!((contrast(RGBColor(0, 0, 0), white) - 21.0).abs() < 1e-9);
        assert!((contrast(RGBColor(0x66, 0x66, 0x66), white) - 5.74).abs() < 0.01);
    }
}
