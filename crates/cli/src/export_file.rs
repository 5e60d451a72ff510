//! Reading an export file for a command: its text and its contract, or one message naming the
//! file and what is wrong with it.

use std::path::Path;

use eig_pulse_core::contract::export::Export;
use eig_pulse_core::contract::validate::parse_export;
use eig_pulse_core::{tr, Lang};

/// The text of the export at `path` and what it holds, or a message naming `path`.
pub fn read_export(path: &Path, lang: Lang) -> Result<(String, Export), String> {
    let file = path.display();
    let text =
        std::fs::read_to_string(path).map_err(|e| tr!(lang, "{file} : {e}", "{file}: {e}"))?;
    let export = parse_export(&text).map_err(|e| {
        let problem = e.describe(lang);
        tr!(lang, "{file} : {problem}", "{file}: {problem}")
    })?;
    Ok((text, export))
}
