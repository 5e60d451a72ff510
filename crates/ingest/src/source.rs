//! Source texts as read, and the hard errors that stop an export.

use std::fmt;

use eig_pulse_core::Lang;

/// The text of one source file, named as it should appear in messages.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}

impl SourceText {
    /// Keeps the text, minus a leading byte-order mark, with CRLF line ends made LF.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceText {
        let text = text.into();
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        let text = text.replace("\r\n", "\n");
        SourceText {
            name: name.into(),
            text,
        }
    }

    /// True when the file holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// An error naming the file when it holds nothing but white space.
    pub fn require_content(&self) -> Result<(), SourceError> {
        if self.is_blank() {
            Err(SourceError::new(
                &self.name,
                None,
                "fichier vide",
                "empty file",
            ))
        } else {
            Ok(())
        }
    }
}

/// A problem that makes the sources unusable: no export is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub file: String,
    pub line: Option<usize>,
    pub message_fr: String,
    pub message_en: String,
}

impl SourceError {
    pub fn new(
        file: &str,
        line: Option<usize>,
        fr: impl Into<String>,
        en: impl Into<String>,
    ) -> SourceError {
        SourceError {
            file: file.to_string(),
            line,
            message_fr: fr.into(),
            message_en: en.into(),
        }
    }

    pub fn describe(&self, lang: Lang) -> String {
        let message = lang.pick(&self.message_fr, &self.message_en);
        match (self.line, lang) {
            (Some(line), Lang::Fr) => format!("{}, ligne {line} : {message}", self.file),
            (Some(line), Lang::En) => format!("{}, line {line}: {message}", self.file),
            (None, Lang::Fr) => format!("{} : {message}", self.file),
            (None, Lang::En) => format!("{}: {message}", self.file),
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::Fr))
    }
}

impl std::error::Error for SourceError {}
