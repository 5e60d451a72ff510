//! Colours and sizes of the marks, for one scheme (light or dark) and one pixel density.

use plotters::style::RGBColor;

/// How charts look; `scale` multiplies every size (2.0 on a HiDPI screen or for a 2× PNG).
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted_text: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    /// Series colours, in legend order; chosen to reach 3:1 against the background.
    pub palette: Vec<RGBColor>,
    pub scale: f64,
    pub font_family: &'static str,
}

impl Theme {
    pub fn light(scale: f64) -> Theme {
        Theme {
            background: RGBColor(255, 255, 255),
            text: RGBColor(22, 22, 22),
            muted_text: RGBColor(88, 88, 88),
            grid: RGBColor(221, 221, 221),
            axis: RGBColor(102, 102, 102),
            palette: vec![
                RGBColor(0, 0, 145),     // bleu France
                RGBColor(206, 97, 75),   // terre battue
                RGBColor(0, 122, 94),    // émeraude
                RGBColor(161, 74, 152),  // macaron
                RGBColor(180, 120, 0),   // moutarde
                RGBColor(69, 116, 163),  // bleu écume
                RGBColor(110, 68, 90),   // opéra
                RGBColor(98, 110, 41),   // tilleul
                RGBColor(201, 25, 30),   // rouge marianne
                RGBColor(117, 117, 117), // gris
            ],
            scale,
            font_family: "sans-serif",
        }
    }

    pub fn dark(scale: f64) -> Theme {
        Theme {
            background: RGBColor(22, 22, 22),
            text: RGBColor(238, 238, 238),
            muted_text: RGBColor(180, 180, 180),
            grid: RGBColor(58, 58, 58),
            axis: RGBColor(150, 150, 150),
            palette: vec![
                RGBColor(139, 166, 255),
                RGBColor(255, 143, 120),
                RGBColor(52, 203, 160),
                RGBColor(229, 140, 220),
                RGBColor(234, 190, 70),
                RGBColor(130, 180, 230),
                RGBColor(214, 160, 190),
                RGBColor(185, 200, 110),
                RGBColor(255, 110, 110),
                RGBColor(170, 170, 170),
            ],
            scale,
            font_family: "sans-serif",
        }
    }

    /// A size in pixels at this theme's scale.
    pub fn px(&self, size: f64) -> i32 {
        (size * self.scale).round() as i32
    }

    pub fn color(&self, index: usize) -> RGBColor {
        self.palette[index % self.palette.len()]
    }
}
