//! How a défi uses a technology: declared firmly or tentatively in its stack, or measured in its
//! scanned code.

use crate::base::lang::Lang;

/// Where a défi's use of a technology comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Uses {
    /// A firm mention in its declared stack.
    pub declared: bool,
    /// A tentative mention only.
    pub tentative: bool,
    /// Its scanned code: a language's bytes or a manifest's dependency.
    pub measured: bool,
}

impl Uses {
    /// Counted: declared firmly or measured.
    pub fn any(self) -> bool {
        self.declared || self.measured
    }

    /// « déclarée », « mesurée », « déclarée et mesurée ».
    pub fn words(self, lang: Lang) -> &'static str {
        match (self.declared, self.measured) {
            (true, true) => lang.pick("déclarée et mesurée", "declared and measured"),
            (true, false) => lang.pick("déclarée", "declared"),
            (false, true) => lang.pick("mesurée dans le code", "measured in the code"),
            (false, false) => lang.pick("envisagée", "considered"),
        }
    }
}
