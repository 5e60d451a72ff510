//! Why a clone gave no activity, and gitoxide's errors put into words with their causes.

pub use eig_pulse_ingest::report::{Dated, ScanLimit};

/// Why a folder gave no activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Neither a `.git` inside nor the layout of a bare repository.
    NotARepository,
    /// A repository without any commit.
    Empty,
    /// A shallow clone: its history is cut, so its counts would be wrong.
    Shallow,
    /// An object or reference that cannot be read (missing, truncated, corrupt), with gitoxide's words.
    Unreadable(String),
    /// Over one of the scan's limits: more than `bound`.
    OverLimit { limit: ScanLimit, bound: u64 },
    /// A date the contract cannot hold, as read: seconds since 1970.
    OutOfRange { dated: Dated, seconds: i64 },
}

/// An error and its causes, `: `-separated (gitoxide's top-level messages are terse).
pub fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        let words = inner.to_string();
        if !text.contains(&words) {
            text.push_str(": ");
            text.push_str(&words);
        }
        cause = inner.source();
    }
    text
}
