//! `sitrep serve`: the HTTP API and the web page over a store (`sitrep-serve` over
//! `sitrep-store`).

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use lexopt::prelude::*;
use serde_json::{json, Value};
use sitrep_core::Document;
use sitrep_serve::{Config, DayCount, EventPage, EventQuery, EventSource, Limits, SourceError, Stats};
use sitrep_store::{ErrorKind, Query, Store};

pub const USAGE: &str = "\
sitrep serve: the JSON API and the web page (map, timeline, evidence) over a store

USAGE:
    sitrep serve --db DB [--addr 127.0.0.1:8080] [--token TOKEN]

OPTIONS:
    --db DB            a SQLite file (created when missing) or a postgres:// URL
    --addr ADDR        where to listen (default 127.0.0.1:8080; port 0 picks a free one)
    --token TOKEN      an access token every request must carry ('Authorization: Bearer
                       TOKEN', or open the page as /?token=TOKEN); required when ADDR is
                       not a loopback address. Default: the SITREP_TOKEN environment variable
    --max-body BYTES   largest request body (default 16 MiB)
    --timeout SECS     longest time to answer a request (default 30)
    -q, --quiet        no log on stderr
";

#[derive(Debug)]
pub struct ServeOpts {
    /// Empty until the configuration file or the default fills it (see `main`).
    pub db: String,
    pub addr: SocketAddr,
    /// Whether `--addr` was given (else the configuration file may set it).
    pub addr_given: bool,
    /// A configuration file instead of the usual places.
    pub config: Option<std::path::PathBuf>,
    pub token: Option<String>,
    pub max_body: usize,
    pub timeout: Duration,
    pub quiet: bool,
}

pub fn parse(p: &mut lexopt::Parser) -> Result<ServeOpts, lexopt::Error> {
    let mut db = None;
    let mut o = ServeOpts {
        db: String::new(),
        addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
        addr_given: false,
        config: None,
        token: std::env::var("SITREP_TOKEN").ok().filter(|t| !t.is_empty()),
        max_body: Limits::default().max_body_bytes,
        timeout: Limits::default().timeout,
        quiet: false,
    };
    while let Some(arg) = p.next()? {
        match arg {
            Long("db") => db = Some(p.value()?.string()?),
            Long("addr") => {
                let v = p.value()?.string()?;
                o.addr = v.parse().map_err(|_| format!("--addr: '{v}' is not an address like 127.0.0.1:8080"))?;
                o.addr_given = true;
            }
            Long("config") => o.config = Some(p.value()?.into()),
            Long("token") => o.token = Some(p.value()?.string()?).filter(|t| !t.is_empty()),
            Long("max-body") => o.max_body = p.value()?.parse()?,
            Long("timeout") => o.timeout = Duration::from_secs_f64(p.value()?.parse()?),
            Short('q') | Long("quiet") => o.quiet = true,
            Short('h') | Long("help") => {
                print!("{USAGE}");
                std::process::exit(0);
            }
            _ => return Err(arg.unexpected()),
        }
    }
    o.db = db.unwrap_or_default();
    Ok(o)
}

pub fn serve(o: &ServeOpts) -> ExitCode {
    let store = match Store::open(&o.db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("sitrep serve: {e}");
            return ExitCode::FAILURE;
        }
    };
    let cfg = Config {
        limits: Limits { max_body_bytes: o.max_body, timeout: o.timeout, ..Limits::default() },
        token: o.token.clone(),
    };
    let quiet = o.quiet;
    let db = sitrep_store::redact(&o.db);
    let token = o.token.is_some();
    let res = sitrep_serve::serve(Arc::new(StoreSource(store)), o.addr, cfg, |addr| {
        if !quiet {
            let hint = if token { "?token=…" } else { "" };
            eprintln!("sitrep serve: {db} on http://{addr}/{hint} (Ctrl-C stops)");
        }
    });
    match res {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sitrep serve: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The store as the server's [`EventSource`].
struct StoreSource(Store);

fn err(e: sitrep_store::Error) -> SourceError {
    match e.kind() {
        ErrorKind::Invalid => SourceError::BadRequest(e.to_string()),
        _ => SourceError::Internal(e.to_string()),
    }
}

fn value(v: impl serde::Serialize) -> Result<Value, SourceError> {
    serde_json::to_value(v).map_err(|e| SourceError::Internal(e.to_string()))
}

fn to_query(q: &EventQuery) -> Query {
    Query {
        country: q.country.clone(),
        admin1: q.admin1.clone(),
        bbox: q.bbox,
        date_from: q.from.clone(),
        date_to: q.to.clone(),
        event_type: q.event_type.clone(),
        sub_event_type: q.sub_event_type.clone(),
        actor: q.actor.clone(),
        status: q.status.clone(),
        text: q.text.clone(),
        exclude_background: q.hide_background,
        limit: Some(q.limit as u64),
        offset: q.offset as u64,
        ..Query::default()
    }
}

impl EventSource for StoreSource {
    fn events(&self, q: &EventQuery) -> Result<EventPage, SourceError> {
        let sq = to_query(q);
        let events = self.0.query(&sq).map_err(err)?;
        // A short first page is the whole answer: no count needed.
        let total = if q.offset == 0 && events.len() < q.limit {
            events.len() as u64
        } else {
            self.0.count(&Query { limit: None, offset: 0, ..sq }).map_err(err)?
        };
        let events = events.into_iter().map(value).collect::<Result<_, _>>()?;
        Ok(EventPage { total, events })
    }

    fn event(&self, id: &str) -> Result<Option<Value>, SourceError> {
        let Some(d) = self.0.event(id).map_err(err)? else { return Ok(None) };
        // The contract's event, its `sources` detailed (sentence, evidence, outlet, score)
        // and its merge history.
        let mut v = value(&d.event)?;
        v["sources"] = value(&d.sources)?;
        v["merge_history"] = value(&d.history)?;
        Ok(Some(v))
    }

    fn document(&self, id: &str) -> Result<Option<Value>, SourceError> {
        self.0.document(id).map_err(err)?.map(value).transpose()
    }

    fn stats(&self, q: &EventQuery) -> Result<Stats, SourceError> {
        let s = self.0.stats(&Query { limit: None, offset: 0, ..to_query(q) }).map_err(err)?;
        Ok(Stats {
            total: s.events,
            by_type: s.by_event_type.into_iter().collect(),
            by_day: s.by_day.into_iter().map(|(date, count)| DayCount { date, count }).collect(),
        })
    }

    fn ingest(&self, docs: Vec<Document>) -> Result<Value, SourceError> {
        let report = self.0.ingest(&docs).map_err(err)?;
        let mut v = value(report)?;
        v["events_in_store"] = json!(self.0.counts().map_err(err)?.events);
        Ok(v)
    }
}
