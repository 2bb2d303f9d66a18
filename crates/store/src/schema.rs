//! Versioned migrations. `schema_version` holds the version a database is at; opening
//! applies the missing migrations in one transaction each, and refuses a database whose
//! version is newer than this build knows (it could hold data this code would damage).

use crate::db::{Conn, Dialect, Val};
use crate::error::{Error, ErrorKind, Result};

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 3;

/// Tables of version 1. `{PK}` is the auto-increment key of the dialect; the same ideas
/// on both: documents, their annotations, events with their indexed fields and their
/// full record as JSON, reports (one document's coded event = an event–source link),
/// the merge history, and per-country id counters.
const V1: &str = "
CREATE TABLE documents (
    seq {PK},
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    published TEXT,
    lang TEXT,
    url TEXT,
    source TEXT,
    metadata TEXT,
    ingested_at TEXT NOT NULL
);
CREATE TABLE annotations (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id),
    data TEXT NOT NULL
);
CREATE TABLE events (
    seq {PK},
    event_id TEXT NOT NULL UNIQUE,
    country TEXT,
    admin1 TEXT,
    event_date TEXT,
    date_lo BIGINT,
    date_hi BIGINT,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actors TEXT NOT NULL,
    status TEXT NOT NULL,
    latitude {REAL},
    longitude {REAL},
    fatalities BIGINT NOT NULL,
    background BIGINT NOT NULL,
    corroboration BIGINT NOT NULL,
    notes TEXT NOT NULL,
    record TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX events_country_date ON events(country, date_lo);
CREATE INDEX events_type_date ON events(event_type, date_lo);
CREATE INDEX events_sub_type_date ON events(sub_event_type, date_lo);
CREATE INDEX events_date ON events(date_lo);
CREATE TABLE reports (
    seq {PK},
    doc_id TEXT NOT NULL REFERENCES documents(id),
    idx BIGINT NOT NULL,
    event_seq BIGINT NOT NULL REFERENCES events(seq),
    sentence_start BIGINT NOT NULL,
    sentence_end BIGINT NOT NULL,
    record TEXT NOT NULL,
    keys TEXT NOT NULL,
    score {REAL},
    UNIQUE (doc_id, idx)
);
CREATE INDEX reports_event ON reports(event_seq);
CREATE TABLE merges (
    seq {PK},
    action TEXT NOT NULL,
    event_id TEXT NOT NULL,
    report_seq BIGINT NOT NULL,
    doc_id TEXT NOT NULL,
    score {REAL},
    explanation TEXT NOT NULL,
    other_event TEXT,
    at TEXT NOT NULL
);
CREATE INDEX merges_event ON merges(event_id);
CREATE TABLE id_counters (
    prefix TEXT PRIMARY KEY,
    next BIGINT NOT NULL
);
";

/// Full text and spatial indexes: FTS5, and an R*Tree over place and date (a box of
/// longitude, latitude and days, so a map query over a period reads only its own events).
const V1_SQLITE: &str = "
CREATE VIRTUAL TABLE events_fts USING fts5(notes, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE documents_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat, min_day, max_day);
";

/// The same in PostgreSQL: GIN over tsvectors, GiST over points.
const V1_POSTGRES: &str = "
CREATE INDEX events_fts ON events USING gin (to_tsvector('simple', notes));
CREATE INDEX documents_fts ON documents USING gin (to_tsvector('simple', text));
CREATE INDEX events_point ON events USING gist (point(longitude, latitude));
";

/// Version 2: date filters answered from the indexes alone. An event's dates are an
/// interval, so a period filter bounds both ends (`date_hi >= from AND date_lo <= to`,
/// with `date_lo` no earlier than a year before `from`); with `date_hi` in the index the
/// rows outside the period are never read.
const V2: &str = "
CREATE INDEX events_date_span ON events(date_lo, date_hi);
CREATE INDEX events_country_date_span ON events(country, date_lo, date_hi);
CREATE INDEX events_type_date_span ON events(event_type, date_lo, date_hi);
CREATE INDEX events_sub_type_date_span ON events(sub_event_type, date_lo, date_hi);
DROP INDEX events_country_date;
DROP INDEX events_type_date;
DROP INDEX events_sub_type_date;
DROP INDEX events_date;
";

/// Version 3 (PostgreSQL): full-text search folds accents and case, as SQLite's FTS5 does
/// (`remove_diacritics`), so "Segou" finds "Ségou" and "ATTAQUE" finds "attaqué". The
/// folding is an immutable SQL function of the server's own `translate` (no extension to
/// install), used alike by the indexes and by the queries.
const V3_POSTGRES: &str = "
CREATE OR REPLACE FUNCTION sitrep_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fold$
SELECT lower(replace(replace(replace(replace(translate(t,
    'àáâãäåāăąçćčďđèéêëēĕėęěìíîïĩīĭįıñńňòóôõöøōŏőùúûüũūŭůűųýÿźżžśšşţťğľłŕřÀÁÂÃÄÅĀĂĄÇĆČĎĐÈÉÊËĒĔĖĘĚÌÍÎÏĨĪĬĮÑŃŇÒÓÔÕÖØŌŎŐÙÚÛÜŨŪŬŮŰŲÝŸŹŻŽŚŠŞŢŤĞĽŁŔŘ',
    'aaaaaaaaacccddeeeeeeeeeiiiiiiiiinnnooooooooouuuuuuuuuuyyzzzsssttgllrraaaaaaaaacccddeeeeeeeeeiiiiiiiinnnooooooooouuuuuuuuuuyyzzzsssttgllrr'),
    'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'))
$fold$;
DROP INDEX events_fts;
DROP INDEX documents_fts;
CREATE INDEX events_fts ON events USING gin (to_tsvector('simple', sitrep_fold(notes)));
CREATE INDEX documents_fts ON documents USING gin (to_tsvector('simple', sitrep_fold(text)));
";

fn v1(d: Dialect) -> String {
    let (pk, real, extra) = match d {
        Dialect::Sqlite => ("INTEGER PRIMARY KEY AUTOINCREMENT", "REAL", V1_SQLITE),
        Dialect::Postgres => ("BIGSERIAL PRIMARY KEY", "DOUBLE PRECISION", V1_POSTGRES),
    };
    format!("{}{}", V1.replace("{PK}", pk).replace("{REAL}", real), extra)
}

/// Brings the database to [`SCHEMA_VERSION`], or says why it cannot.
pub(crate) fn migrate(c: &mut dyn Conn, place: &str) -> Result<()> {
    let current = version(c)?;
    if current > SCHEMA_VERSION {
        return Err(Error::new(
            ErrorKind::SchemaTooNew,
            format!(
                "{place}: the database is at schema version {current}, newer than this sitrep knows \
                 ({SCHEMA_VERSION}); use a newer sitrep (nothing was changed)"
            ),
        ));
    }
    if current == SCHEMA_VERSION {
        return Ok(());
    }
    c.begin_write()?;
    let r = (|| -> Result<()> {
        // Re-read under the write lock: another process may have migrated meanwhile.
        let current = version(c)?;
        if current >= SCHEMA_VERSION {
            return Ok(());
        }
        if current < 1 {
            c.batch("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")?;
            c.batch(&v1(c.dialect()))?;
        }
        if current < 2 {
            c.batch(V2)?;
        }
        if current < 3 && c.dialect() == Dialect::Postgres {
            c.batch(V3_POSTGRES)?;
        }
        c.execute("DELETE FROM schema_version", &[])?;
        c.execute("INSERT INTO schema_version (version) VALUES (?)", &[Val::Int(SCHEMA_VERSION)])?;
        Ok(())
    })();
    match r {
        Ok(()) => c.batch("COMMIT"),
        Err(e) => {
            let _ = c.batch("ROLLBACK");
            Err(e.context(format!("{place}: migrating the schema")))
        }
    }
}

/// The version a database is at; 0 for an empty one.
pub(crate) fn version(c: &mut dyn Conn) -> Result<i64> {
    let exists = match c.dialect() {
        Dialect::Sqlite => {
            c.one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'", &[])?.is_some()
        }
        Dialect::Postgres => {
            c.one("SELECT to_regclass('schema_version')::text", &[])?.is_some_and(|r| r[0] != Val::Null)
        }
    };
    if !exists {
        return Ok(0);
    }
    Ok(c.one("SELECT max(version) FROM schema_version", &[])?.and_then(|r| r[0].int()).unwrap_or(0))
}
