/*!
sitrep's event store: one record per real event, with every source that reports it.

# Overview

A [`Store`] is a database, SQLite (a file, the embedded default) or PostgreSQL (a
`postgres://` URL), opened with [`Store::open`]. Both hold the same things under the
same schema ideas, brought up to date by versioned migrations when opened:

- **documents**: text, publication date, language, url, outlet, a content hash, and the
  mentions layer (contract §3) coded from them;
- **reports**: each event one document codes (the event–source link), with the keys
  the linker compares;
- **events**: one row per real event, its fields reconciled over its reports by ACLED's
  rules (the most conservative fatality figure, disagreements kept), a corroboration
  count, and a stable ACLED-style id per country (`BFA-000123`) that is never changed
  nor reused;
- **merges**: the history of every link and unlink, with the score of each feature.

[`Store::ingest`] codes documents with the same [`Engine`](sitrep_code::Engine) as
`sitrep code` and stores them in transactions of bounded size: a document already
stored (same id or same text) is skipped and counted, and a crash at any moment leaves
every committed batch and nothing half-written, so running the same ingest again
completes it. Each newly coded event is matched against stored ones (see
[`linking`](crate#linking)) and either attached to one or stored as a new event.

Reading: [`Store::query`] and [`Store::count`] with a [`Query`] (country, admin1,
bounding box, date range, event type and sub-type, actor, status, full text; limit and
offset or keyset pagination), [`Store::event`] for one event with its sources, evidence
and history, [`Store::document`], and [`Store::stats`] (counts by type and by day).
Every returned type implements `serde::Serialize`.

# Threads

`Store` is `Send + Sync` and cheap to clone (an `Arc`): it keeps a small pool of
connections, opened as needed. Reads run in parallel (SQLite in WAL mode lets readers
proceed while one writer writes); writes are serialized within the process and, across
processes, by SQLite's write lock or a PostgreSQL advisory lock.

# Linking

A new event is compared with the stored events of its country whose dates, widened by
their precision (a day ±1; a week ±3 days; a month or a year as a whole), meet its own.
Each candidate is scored on the sub-event type (the same, or a compatible one), the
distance between the places, the actors by their canonical names (which the coder
gives in one naming for French and English texts), the fatality figures, and evidence
from the texts themselves: place names, other proper names and numbers the two
sentences share. The best candidate above a threshold takes the new report; every
feature's contribution is written to the merge history, and [`Store::unmerge`] undoes
a link (the report becomes an event of its own, with a new id).

# Example

```
use sitrep_store::{Query, Store};
use sitrep_core::{Document, PartialDate};

let dir = std::env::temp_dir().join(format!("sitrep-doc-{}", std::process::id()));
std::fs::create_dir_all(&dir)?;
let store = Store::open(dir.join("events.db").to_str().unwrap())?;
let mut doc = Document::new(
    "Le 3 mars 2021, des hommes armés ont attaqué le village de Kaya et tué trois civils.".into(),
    None,
);
doc.published = PartialDate::parse_iso("2021-03-04");
let report = store.ingest(&[doc.clone()])?;
assert_eq!(report.stored, 1);
// The same document again is recognized and skipped.
assert_eq!(store.ingest(&[doc])?.duplicates, 1);
let events = store.query(&Query { country: Some("BF".into()), ..Query::default() })?;
assert_eq!(events[0].fatalities, 3);
let detail = store.event(&events[0].event_id)?.unwrap();
assert_eq!(detail.sources.len(), 1);
# std::fs::remove_dir_all(&dir)?;
# Ok::<(), Box<dyn std::error::Error>>(())
```
*/

mod bench;
mod db;
mod error;
mod ingest;
mod iso3;
mod link;
mod parquet_out;
mod query;
mod schema;
mod types;

use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use sitrep_code::Engine;
use sitrep_core::Document;

use crate::db::{Conn, Dialect, Postgres, Sqlite};

pub use crate::bench::{bench_queries, generate_synthetic, BenchQuery};
pub use crate::error::{redact, Error, ErrorKind, Result};
pub use crate::schema::SCHEMA_VERSION;
pub use crate::types::{
    Counts, DocumentRecord, EventDetail, Evidence, IngestReport, MergeRecord, Query, SourceDetail, SourceRef, Stats,
    StoredEvent,
};

/// The SQLite file used when none is named.
pub const DEFAULT_PATH: &str = "sitrep.db";

/// How to open a store.
#[derive(Clone, Debug)]
pub struct OpenOptions {
    /// Open for reading only: writes fail with [`ErrorKind::ReadOnly`]; the schema is
    /// not migrated.
    pub read_only: bool,
    /// How long to wait for another writer's lock before failing with
    /// [`ErrorKind::Locked`] (SQLite).
    pub busy_timeout: Duration,
    /// Documents per ingest transaction.
    pub batch_size: usize,
    /// SQLite only: cap the file at this many pages (to test a full disk).
    pub max_page_count: Option<u64>,
}

impl Default for OpenOptions {
    fn default() -> OpenOptions {
        OpenOptions { read_only: false, busy_timeout: Duration::from_secs(5), batch_size: 64, max_page_count: None }
    }
}

/// An event store: SQLite or PostgreSQL. See the [crate docs](crate).
#[derive(Clone, Debug)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    /// The path or URL as given (with any password: needed to reconnect).
    url: String,
    dialect: Dialect,
    options: OpenOptions,
    pool: Mutex<Vec<Box<dyn Conn>>>,
    /// One writer at a time within this process.
    writer: Mutex<()>,
    engine: OnceLock<Engine>,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("db", &redact(&self.url)).field("dialect", &self.dialect).finish()
    }
}

impl Store {
    /// Opens a store: a SQLite file path (created when missing) or a `postgres://` URL,
    /// migrating its schema to this build's version.
    pub fn open(url_or_path: &str) -> Result<Store> {
        Store::open_with(url_or_path, OpenOptions::default())
    }

    /// Opens a store read-only (no migration; writes fail).
    pub fn open_read_only(url_or_path: &str) -> Result<Store> {
        Store::open_with(url_or_path, OpenOptions { read_only: true, ..OpenOptions::default() })
    }

    /// Opens a store with options.
    pub fn open_with(url_or_path: &str, options: OpenOptions) -> Result<Store> {
        let dialect = if url_or_path.starts_with("postgres://") || url_or_path.starts_with("postgresql://") {
            Dialect::Postgres
        } else {
            Dialect::Sqlite
        };
        let store = Store {
            inner: Arc::new(Inner {
                url: url_or_path.to_string(),
                dialect,
                options,
                pool: Mutex::new(Vec::new()),
                writer: Mutex::new(()),
                engine: OnceLock::new(),
            }),
        };
        let mut c = store.connect()?;
        let place = redact(url_or_path);
        if store.inner.options.read_only {
            let v = schema::version(c.as_mut()).map_err(|e| e.context(&place))?;
            if v == 0 {
                return Err(Error::new(ErrorKind::Open, format!("{place}: not a sitrep database (no schema)")));
            }
            if v > SCHEMA_VERSION {
                return Err(Error::new(
                    ErrorKind::SchemaTooNew,
                    format!("{place}: the database is at schema version {v}, newer than this sitrep knows ({SCHEMA_VERSION})"),
                ));
            }
        } else {
            schema::migrate(c.as_mut(), &place)?;
        }
        store.give_back(c);
        Ok(store)
    }

    /// `sqlite` or `postgres`.
    pub fn backend(&self) -> &'static str {
        match self.inner.dialect {
            Dialect::Sqlite => "sqlite",
            Dialect::Postgres => "postgres",
        }
    }

    /// The path or URL, without any password.
    pub fn location(&self) -> String {
        redact(&self.inner.url)
    }

    fn connect(&self) -> Result<Box<dyn Conn>> {
        let o = &self.inner.options;
        Ok(match self.inner.dialect {
            Dialect::Sqlite => {
                let mut s = Sqlite::open(&self.inner.url, o.read_only, o.busy_timeout)?;
                if let Some(pages) = o.max_page_count {
                    s.max_page_count(pages)?;
                }
                Box::new(s)
            }
            Dialect::Postgres => {
                let mut p = Postgres::open(&self.inner.url)?;
                if o.read_only {
                    p.batch("SET default_transaction_read_only = on")?;
                }
                Box::new(p)
            }
        })
    }

    fn give_back(&self, c: Box<dyn Conn>) {
        let mut pool = self.inner.pool.lock().unwrap_or_else(|p| p.into_inner());
        if pool.len() < 8 {
            pool.push(c);
        }
    }

    /// Runs `f` on a pooled connection. A connection that failed with a lost
    /// connection is dropped rather than pooled.
    pub(crate) fn with_conn<T>(&self, f: impl FnOnce(&mut dyn Conn) -> Result<T>) -> Result<T> {
        let pooled = self.inner.pool.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let mut c = match pooled {
            Some(c) => c,
            None => self.connect()?,
        };
        let r = f(c.as_mut());
        match &r {
            Err(e) if matches!(e.kind(), ErrorKind::Connection) => {}
            _ => self.give_back(c),
        }
        r.map_err(|e| e.context(self.location()))
    }

    /// Runs `f` in one write transaction: committed when it returns `Ok`, rolled back
    /// otherwise.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&mut dyn Conn) -> Result<T>) -> Result<T> {
        if self.inner.options.read_only {
            return Err(Error::new(ErrorKind::ReadOnly, format!("{}: opened read-only", self.location())));
        }
        let _guard = self.inner.writer.lock().unwrap_or_else(|p| p.into_inner());
        self.with_conn(|c| {
            c.begin_write()?;
            match f(c) {
                Ok(v) => match c.batch("COMMIT") {
                    Ok(()) => Ok(v),
                    Err(e) => {
                        let _ = c.batch("ROLLBACK");
                        Err(e)
                    }
                },
                Err(e) => {
                    let _ = c.batch("ROLLBACK");
                    Err(e)
                }
            }
        })
    }

    /// The engine [`Store::ingest`] codes with, built on first use.
    pub fn engine(&self) -> &Engine {
        self.inner.engine.get_or_init(Engine::new)
    }

    /// Codes and stores documents with the default engine. See [`Store::ingest_with`].
    pub fn ingest(&self, docs: &[Document]) -> Result<IngestReport> {
        self.ingest_with(self.engine(), docs, 1)
    }

    /// Codes `docs` with `engine` on `threads` threads and stores them, in transactions
    /// of [`OpenOptions::batch_size`] documents, linking each event to the stored ones.
    /// A document already stored (same id or same content) is skipped and counted.
    pub fn ingest_with(&self, engine: &Engine, docs: &[Document], threads: usize) -> Result<IngestReport> {
        let mut total = IngestReport::default();
        for chunk in docs.chunks(self.inner.options.batch_size.max(1)) {
            total.add(&ingest::batch(self, engine, chunk, threads)?);
        }
        Ok(total)
    }

    /// The stored events `q` selects, in the order they were stored.
    pub fn query(&self, q: &Query) -> Result<Vec<StoredEvent>> {
        self.with_conn(|c| query::events(c, q))
    }

    /// How many stored events `q` selects (ignoring its limit and offset).
    pub fn count(&self, q: &Query) -> Result<u64> {
        self.with_conn(|c| query::count(c, q))
    }

    /// Counts by event type and by day over the events `q` selects.
    pub fn stats(&self, q: &Query) -> Result<Stats> {
        self.with_conn(|c| query::stats(c, q))
    }

    /// One event with its sources (sentence, offsets, evidence), and its history.
    pub fn event(&self, event_id: &str) -> Result<Option<EventDetail>> {
        self.with_conn(|c| query::detail(c, event_id))
    }

    /// One stored document, with its annotations and the events it reports.
    pub fn document(&self, doc_id: &str) -> Result<Option<DocumentRecord>> {
        self.with_conn(|c| query::document(c, doc_id))
    }

    /// What the store holds.
    pub fn counts(&self) -> Result<Counts> {
        self.with_conn(query::counts)
    }

    /// Undoes a link: the report of `doc_id` leaves event `event_id` and becomes an event
    /// of its own, with a new id; both events are reconciled again and the step is
    /// recorded. Returns the new event's id. The original id stays with the event.
    pub fn unmerge(&self, event_id: &str, doc_id: &str) -> Result<String> {
        self.write(|c| ingest::unmerge(c, event_id, doc_id))
    }

    /// Writes the events `q` selects as a Parquet file (zstd, Arrow-readable types).
    pub fn export_parquet<W: std::io::Write + Send>(&self, q: &Query, out: W) -> Result<u64> {
        let events = self.query(q)?;
        parquet_out::write(&events, out)
    }

    /// Runs a function over every stored event in `q`'s selection, page by page (so an
    /// export never holds the whole store in memory).
    pub fn for_each(&self, q: &Query, mut f: impl FnMut(&StoredEvent) -> Result<()>) -> Result<u64> {
        const PAGE: u64 = 2000;
        let mut page = Query { limit: Some(PAGE), offset: 0, ..q.clone() };
        let mut left = q.limit.unwrap_or(u64::MAX);
        let mut n = 0;
        let mut skip = q.offset;
        loop {
            page.limit = Some(PAGE.min(left).min(PAGE));
            page.offset = skip;
            let events = self.query(&page)?;
            skip = 0;
            for e in &events {
                f(e)?;
            }
            n += events.len() as u64;
            left = left.saturating_sub(events.len() as u64);
            match events.last() {
                Some(last) if events.len() as u64 == PAGE && left > 0 => page.after = Some(last.event_id.clone()),
                _ => return Ok(n),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn store_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<super::Store>();
        check::<sitrep_code::Engine>();
    }
}
