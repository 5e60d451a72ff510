//! Source texts as read, and the hard errors that stop an export.

use std::fmt;

use eig_pulse_core::{tr, Lang, Text};

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
                Text::fixed("fichier vide", "empty file"),
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
    pub message: Text,
}

impl SourceError {
    pub fn new(file: &str, line: Option<usize>, message: Text) -> SourceError {
        SourceError {
            file: file.to_string(),
            line,
            message,
        }
    }

    pub fn describe(&self, lang: Lang) -> String {
        let (file, message) = (&self.file, self.message.get(lang));
        match self.line {
            Some(line) => tr!(
                lang,
                "{file}, ligne {line} : {message}",
                "{file}, line {line}: {message}"
            ),
            None => tr!(lang, "{file} : {message}", "{file}: {message}"),
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::Fr))
    }
}

impl std::error::Error for SourceError {}
