//! Fetching the export: a plain `async fn`, with a French message naming what failed and where.

use eig_pulse_core::validate::{parse_export, LoadError};
use eig_pulse_core::{Export, Lang};

/// Why the export could not be shown, in words for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFailure {
    pub url: String,
    pub kind: FailureKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailureKind {
    Network(String),
    Http(u16, String),
    Contract(LoadError),
}

impl LoadFailure {
    pub fn title(&self, lang: Lang) -> &'static str {
        match &self.kind {
            FailureKind::Network(_) => lang.pick(
                "Les données n'ont pas pu être chargées",
                "The data could not be loaded",
            ),
            FailureKind::Http(..) => lang.pick(
                "Le fichier de données est introuvable",
                "The data file was not found",
            ),
            FailureKind::Contract(_) => lang.pick(
                "Le fichier de données est invalide",
                "The data file is invalid",
            ),
        }
    }

    pub fn detail(&self, lang: Lang) -> String {
        let url = &self.url;
        match (&self.kind, lang) {
            (FailureKind::Network(e), Lang::Fr) => format!("Échec réseau en demandant {url} : {e}"),
            (FailureKind::Network(e), Lang::En) => format!("Network failure fetching {url}: {e}"),
            (FailureKind::Http(status, text), Lang::Fr) => {
                format!("Le serveur a répondu {status} {text} pour {url}.")
            }
            (FailureKind::Http(status, text), Lang::En) => {
                format!("The server answered {status} {text} for {url}.")
            }
            (FailureKind::Contract(e), Lang::Fr) => format!("{url} : {e}"),
            (FailureKind::Contract(e), Lang::En) => format!("{url}: {}", english(e)),
        }
    }
}

fn english(error: &LoadError) -> String {
    match error {
        LoadError::Syntax {
            line,
            column,
            message,
        } => format!("unreadable JSON, line {line}, column {column}: {message}"),
        LoadError::Shape {
            line,
            column,
            message,
        } => format!("unexpected structure, line {line}, column {column}: {message}"),
        LoadError::UnsupportedVersion(Some(v)) => format!("unsupported schema version {v}"),
        LoadError::UnsupportedVersion(None) => "no numeric \"schema_version\" field".into(),
        LoadError::Invalid(problems) => {
            let first: Vec<String> = problems.iter().take(5).map(ToString::to_string).collect();
            format!("{} content error(s): {}", problems.len(), first.join(" ; "))
        }
    }
}

/// Fetches and checks an export.
pub async fn load_export(url: String) -> Result<Export, LoadFailure> {
    let fail = |kind| LoadFailure {
        url: url.clone(),
        kind,
    };
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| fail(FailureKind::Network(e.to_string())))?;
    if !response.ok() {
        return Err(fail(FailureKind::Http(
            response.status(),
            response.status_text(),
        )));
    }
    let text = response
        .text()
        .await
        .map_err(|e| fail(FailureKind::Network(e.to_string())))?;
    parse_export(&text).map_err(|e| fail(FailureKind::Contract(e)))
}
