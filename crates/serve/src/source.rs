//! What the server needs from a store: [`EventSource`], the [`EventQuery`] it passes, and
//! the shapes it gets back.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::Value;
use sitrep_core::Document;

/// The filters and the page of `/api/v1/events` and `/api/v1/stats`, already checked.
///
/// Every filter is optional; text filters compare case-insensitively.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EventQuery {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub country: Option<String>,
    pub admin1: Option<String>,
    /// `[min_lon, min_lat, max_lon, max_lat]`, WGS84.
    pub bbox: Option<[f64; 4]>,
    /// First day, `YYYY[-MM[-DD]]` (inclusive).
    pub from: Option<String>,
    /// Last day, `YYYY[-MM[-DD]]` (inclusive).
    pub to: Option<String>,
    /// ACLED's spelling.
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    /// A canonical actor name (actor1, actor2 or an associated actor).
    pub actor: Option<String>,
    /// `reported`, `claimed`, `alleged`, `denied`, `foiled` or `planned`.
    pub status: Option<String>,
    /// Full-text search over the events' sentences and their documents.
    pub text: Option<String>,
    /// Leave out events an article mentions as history or context.
    pub hide_background: bool,
    /// Page size (at most [`crate::Limits::max_page_size`]).
    pub limit: usize,
    pub offset: usize,
}

/// One page of events (each in the contract's §2 shape, `sources` filled) and how many match.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EventPage {
    pub total: u64,
    pub events: Vec<Value>,
}

/// Counts of the events matching a query.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    pub total: u64,
    /// Event type → count.
    pub by_type: BTreeMap<String, u64>,
    /// Day (`YYYY-MM-DD`, or as precise as the event's date) → count, in date order.
    pub by_day: Vec<DayCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DayCount {
    pub date: String,
    pub count: u64,
}

/// What a store failed at. `BadRequest` becomes a 400 answer, the rest a 500.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceError {
    BadRequest(String),
    Internal(String),
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::BadRequest(m) | SourceError::Internal(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for SourceError {}

/// The store as the server sees it. Calls are synchronous: the server makes them on tokio's
/// blocking threads, several at once, so an implementation must be usable from several
/// threads.
pub trait EventSource: Send + Sync + 'static {
    /// A page of events matching `q`, most recent first.
    fn events(&self, q: &EventQuery) -> Result<EventPage, SourceError>;
    /// One event with its sources, evidence spans and merge history; `None` if unknown.
    fn event(&self, id: &str) -> Result<Option<Value>, SourceError>;
    /// One document (`id`, `text`, `published`, `lang`, `url`, `source`…); `None` if unknown.
    fn document(&self, id: &str) -> Result<Option<Value>, SourceError>;
    /// Counts by type and by day of the events matching `q` (its page is ignored).
    fn stats(&self, q: &EventQuery) -> Result<Stats, SourceError>;
    /// Codes and stores documents; answers with the store's counts.
    fn ingest(&self, docs: Vec<Document>) -> Result<Value, SourceError>;
}
