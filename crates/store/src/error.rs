//! Errors as values: what went wrong, where (file or URL without its password), and a
//! kind a caller can act on (retry once a lock is released, free disk space, upgrade).

use std::fmt;

/// What kind of failure an [`Error`] is, so a caller can decide what to do about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The database could not be opened or reached (missing directory, refused
    /// connection, bad URL).
    Open,
    /// Another process holds a lock on the database; retry once it is released.
    Locked,
    /// The database is read-only (file permissions, read-only open, read-only server).
    ReadOnly,
    /// The disk (or the configured size limit) is full.
    Full,
    /// The database was written by a newer sitrep: its schema version is higher than
    /// this build knows.
    SchemaTooNew,
    /// The connection to the server was lost during the work.
    Connection,
    /// A query or a write failed for another reason.
    Database,
    /// A caller's argument is not valid (a bad date, an unknown event type, an unknown id).
    Invalid,
    /// Reading or writing a file (export) failed.
    Io,
}

/// An error from the store, with its context in the message.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into() }
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Invalid, message)
    }

    /// The kind of failure.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The same error with `context` ("ingesting batch 3", a file name) in front.
    pub(crate) fn context(mut self, context: impl fmt::Display) -> Error {
        self.message = format!("{context}: {}", self.message);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(ErrorKind::Io, e.to_string())
    }
}

pub(crate) fn from_sqlite(e: rusqlite::Error) -> Error {
    use rusqlite::ffi::ErrorCode as C;
    let kind = match &e {
        rusqlite::Error::SqliteFailure(f, _) => match f.code {
            C::DatabaseBusy | C::DatabaseLocked => ErrorKind::Locked,
            C::ReadOnly => ErrorKind::ReadOnly,
            C::DiskFull => ErrorKind::Full,
            C::CannotOpen | C::NotADatabase | C::PermissionDenied => ErrorKind::Open,
            _ => ErrorKind::Database,
        },
        _ => ErrorKind::Database,
    };
    let message = match kind {
        ErrorKind::Locked => format!("the database is locked by another process ({e})"),
        ErrorKind::ReadOnly => format!("the database is read-only ({e})"),
        ErrorKind::Full => {
            format!("the disk or the database's size limit is full ({e}); nothing of this batch was written")
        }
        _ => e.to_string(),
    };
    Error::new(kind, message)
}

pub(crate) fn from_postgres(e: postgres::Error) -> Error {
    use postgres::error::SqlState;
    let kind = if e.is_closed() {
        ErrorKind::Connection
    } else {
        match e.code() {
            Some(c) if *c == SqlState::READ_ONLY_SQL_TRANSACTION => ErrorKind::ReadOnly,
            Some(c) if *c == SqlState::DISK_FULL => ErrorKind::Full,
            Some(c) if *c == SqlState::LOCK_NOT_AVAILABLE => ErrorKind::Locked,
            Some(c) if c.code().starts_with("08") || c.code().starts_with("57P") => ErrorKind::Connection,
            Some(_) => ErrorKind::Database,
            // No SQL state: an I/O error on the socket.
            None => ErrorKind::Connection,
        }
    };
    let detail = match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => e.to_string(),
    };
    let message = match kind {
        ErrorKind::Connection => format!("the connection to the PostgreSQL server was lost ({detail})"),
        _ => detail,
    };
    Error::new(kind, message)
}

/// A database URL or path as it may be shown: a PostgreSQL URL loses its password.
pub fn redact(url: &str) -> String {
    let Some(rest) = url.strip_prefix("postgres://").or_else(|| url.strip_prefix("postgresql://")) else {
        return url.to_string();
    };
    let scheme = &url[..url.len() - rest.len()];
    match rest.find('@') {
        Some(at) => {
            let creds = &rest[..at];
            let user = creds.split(':').next().unwrap_or("");
            let hidden = if creds.contains(':') { ":***" } else { "" };
            format!("{scheme}{user}{hidden}{}", &rest[at..])
        }
        None => url.to_string(),
    }
}

pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_shown() {
        assert_eq!(redact("postgres://bob:secret@db:5432/x"), "postgres://bob:***@db:5432/x");
        assert_eq!(redact("postgres://bob@db/x"), "postgres://bob@db/x");
        assert_eq!(redact("sitrep.db"), "sitrep.db");
    }
}
