//! The store's public values: what a query asks, what it returns. All serialize with
//! serde, in the contract's field names, so the web server can send them as they are.

use serde::{Deserialize, Serialize};

/// The characters of a document a coded field came from (contract §2 `evidence`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub field: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One document's report of an event (contract §2 `sources`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub doc_id: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
}

impl From<&sitrep_core::Evidence> for Evidence {
    fn from(e: &sitrep_core::Evidence) -> Evidence {
        Evidence { field: e.field.clone(), start: e.start, end: e.end, text: e.text.clone() }
    }
}

impl From<&sitrep_core::SourceRef> for SourceRef {
    fn from(s: &sitrep_core::SourceRef) -> SourceRef {
        SourceRef { doc_id: s.doc_id.clone(), sentence_start: s.sentence_start, sentence_end: s.sentence_end }
    }
}

/// One stored event: the contract's §2 fields, reconciled over every source that reports
/// it, with `sources` filled and the store's own fields after.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    /// The stable, ACLED-style id (`BFA-000123`): never changed, never reused.
    pub event_id: String,
    /// The first document that reported it (see `sources` for all of them).
    pub doc_id: String,
    pub event_date: Option<String>,
    pub date_precision: Option<String>,
    pub event_type: String,
    pub sub_event_type: String,
    pub actor1: Option<String>,
    pub assoc_actor_1: Option<String>,
    pub inter1: Option<u8>,
    pub actor2: Option<String>,
    pub assoc_actor_2: Option<String>,
    pub inter2: Option<u8>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub location: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: Option<u8>,
    pub geonames_id: Option<u64>,
    /// ACLED's rule over the sources: the most conservative (lowest) known figure.
    pub fatalities: u32,
    pub fatalities_known: bool,
    pub injured: Option<u32>,
    pub arrested: Option<u32>,
    pub status: String,
    pub claimed_by: Option<String>,
    pub source: Option<String>,
    /// True only while every source tells it as background.
    pub background: bool,
    pub confidence: f64,
    /// The first source's evidence (offsets into `doc_id`'s text).
    pub evidence: Vec<Evidence>,
    pub sentence: String,
    /// Every document that reports this event, in the order they were stored.
    pub sources: Vec<SourceRef>,
    /// How many distinct documents report it.
    pub corroboration: u32,
    /// Every known fatality figure the sources gave, when they disagree (else empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fatalities_reported: Vec<u32>,
}

/// Everything known about one stored event: its fields, each source with its sentence
/// and evidence, and the history of merges and unmerges that made it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    pub event: StoredEvent,
    pub sources: Vec<SourceDetail>,
    pub history: Vec<MergeRecord>,
}

/// One document's report of a stored event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceDetail {
    /// The report's number in the store (what `sitrep unmerge` takes).
    pub report: i64,
    pub doc_id: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
    pub sentence: String,
    pub evidence: Vec<Evidence>,
    /// The event as this document alone coded it.
    pub coded: serde_json::Value,
    pub published: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// The linking score that attached it (`None` for the report that created the event).
    pub score: Option<f64>,
}

/// One step in an event's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MergeRecord {
    /// `create`, `merge` (a report attached), `unmerge` (a report detached).
    pub action: String,
    pub event_id: String,
    pub report: i64,
    pub doc_id: String,
    pub score: Option<f64>,
    /// Why: each linking feature with its contribution, or who unmerged.
    pub explanation: serde_json::Value,
    /// For an unmerge: the new event the report went to.
    pub other_event: Option<String>,
    pub at: String,
}

/// One stored document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub id: String,
    pub text: String,
    pub published: Option<String>,
    pub lang: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub content_hash: String,
    pub ingested_at: String,
    /// The stored events this document reports.
    pub event_ids: Vec<String>,
    /// The mentions layer (contract §3) as coded at ingest.
    pub annotation: serde_json::Value,
}

/// Counts for a dashboard: by event type and by day, over the events a [`Query`] selects.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub events: u64,
    pub by_event_type: Vec<(String, u64)>,
    /// `(YYYY-MM-DD of the event's first day, count)`, in date order.
    pub by_day: Vec<(String, u64)>,
}

/// What an ingest did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestReport {
    /// Documents offered.
    pub documents: u64,
    /// Documents stored by this run.
    pub stored: u64,
    /// Documents already in the store (same id or same content hash), skipped.
    pub duplicates: u64,
    /// Documents that coded no event (stored all the same).
    pub without_events: u64,
    /// Events coded from the stored documents.
    pub coded_events: u64,
    /// Of those, events that created a new stored event.
    pub new_events: u64,
    /// Of those, events linked to an event already stored (including background).
    pub linked: u64,
    /// Transactions committed.
    pub batches: u64,
}

impl IngestReport {
    /// Adds another run's counts to these.
    pub fn add(&mut self, o: &IngestReport) {
        self.documents += o.documents;
        self.stored += o.stored;
        self.duplicates += o.duplicates;
        self.without_events += o.without_events;
        self.coded_events += o.coded_events;
        self.new_events += o.new_events;
        self.linked += o.linked;
        self.batches += o.batches;
    }
}

/// What is in a store.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub documents: u64,
    pub events: u64,
    pub reports: u64,
    pub merges: u64,
}

/// A selection of stored events: every filter set must hold. Dates are ISO
/// (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); an event matches a date range when its own date
/// interval meets it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Query {
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    pub admin1: Option<String>,
    /// `[min_lon, min_lat, max_lon, max_lat]`.
    pub bbox: Option<[f64; 4]>,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    /// An actor's name (or part of it), in `actor1`, `actor2` or the associated actors.
    pub actor: Option<String>,
    pub status: Option<String>,
    /// Full-text search over the events' sentences (SQLite FTS5 syntax or words).
    pub text: Option<String>,
    /// Leave out background events.
    pub exclude_background: bool,
    /// At most this many events (default: all).
    pub limit: Option<u64>,
    pub offset: u64,
    /// Keyset pagination: only events stored after this one (`next_after` of a
    /// previous page); cheaper than a large `offset`.
    pub after: Option<String>,
}
