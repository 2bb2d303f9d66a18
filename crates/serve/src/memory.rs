//! [`MemorySource`]: events and documents held in memory, for tests and demos.

use std::collections::{BTreeMap, HashMap};
use std::sync::RwLock;

use serde_json::{json, Value};
use sitrep_core::Document;

use crate::source::{DayCount, EventPage, EventQuery, EventSource, SourceError, Stats};

/// Turns one document into events in the contract's §2 shape.
pub type Coder = Box<dyn Fn(&Document) -> Vec<Value> + Send + Sync>;

/// An [`EventSource`] over events kept in memory, filtered by a linear scan. It applies the
/// same filters as the store, on the contract's field names.
pub struct MemorySource {
    inner: RwLock<Inner>,
    coder: Option<Coder>,
}

impl std::fmt::Debug for MemorySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let inner = self.inner.read().map_err(|_| std::fmt::Error)?;
        f.debug_struct("MemorySource")
            .field("events", &inner.events.len())
            .field("documents", &inner.documents.len())
            .finish()
    }
}

#[derive(Default)]
struct Inner {
    events: Vec<Value>,
    documents: HashMap<String, Value>,
}

fn text_of<'a>(e: &'a Value, k: &str) -> &'a str {
    e.get(k).and_then(Value::as_str).unwrap_or("")
}

fn eq_ci(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase()
}

/// Whether a (partial) date `d` overlaps `[from, to]` (partial dates too).
fn date_in(d: &str, from: Option<&str>, to: Option<&str>) -> bool {
    if d.is_empty() {
        return from.is_none() && to.is_none();
    }
    let start = |s: &str| match s.len() {
        4 => format!("{s}-01-01"),
        7 => format!("{s}-01"),
        _ => s.to_string(),
    };
    let end = |s: &str| match s.len() {
        4 => format!("{s}-12-31"),
        7 => format!("{s}-31"),
        _ => s.to_string(),
    };
    from.is_none_or(|f| end(d) >= start(f)) && to.is_none_or(|t| start(d) <= end(t))
}

/// Whether event `e` passes the filters of `q`.
pub fn matches(e: &Value, q: &EventQuery, doc_text: Option<&str>) -> bool {
    if let Some(c) = &q.country {
        if !eq_ci(text_of(e, "country"), c) {
            return false;
        }
    }
    if let Some(a) = &q.admin1 {
        if !eq_ci(text_of(e, "admin1"), a) {
            return false;
        }
    }
    if let Some([w, s, east, n]) = q.bbox {
        match (e.get("longitude").and_then(Value::as_f64), e.get("latitude").and_then(Value::as_f64)) {
            (Some(x), Some(y)) if x >= w && x <= east && y >= s && y <= n => {}
            _ => return false,
        }
    }
    if (q.from.is_some() || q.to.is_some()) && !date_in(text_of(e, "event_date"), q.from.as_deref(), q.to.as_deref()) {
        return false;
    }
    if let Some(t) = &q.event_type {
        if !eq_ci(text_of(e, "event_type"), t) {
            return false;
        }
    }
    if let Some(t) = &q.sub_event_type {
        if !eq_ci(text_of(e, "sub_event_type"), t) {
            return false;
        }
    }
    if let Some(a) = &q.actor {
        let a = a.to_lowercase();
        if !["actor1", "actor2", "assoc_actor_1", "assoc_actor_2"].iter().any(|k| text_of(e, k).to_lowercase() == a) {
            return false;
        }
    }
    if let Some(s) = &q.status {
        if text_of(e, "status") != s {
            return false;
        }
    }
    if q.hide_background && e.get("background").and_then(Value::as_bool).unwrap_or(false) {
        return false;
    }
    if let Some(t) = &q.text {
        let t = t.to_lowercase();
        let hit = |s: &str| s.to_lowercase().contains(&t);
        if !(hit(text_of(e, "sentence")) || doc_text.is_some_and(hit)) {
            return false;
        }
    }
    true
}

impl MemorySource {
    /// An empty source; `coder` codes what `ingest` receives (without one, ingest stores the
    /// documents and codes nothing).
    pub fn new(coder: Option<Coder>) -> MemorySource {
        MemorySource { inner: RwLock::new(Inner::default()), coder }
    }

    /// Adds a document (as `/api/v1/documents/{id}` shows it) and its events.
    pub fn add(&self, doc: &Document, events: Vec<Value>) {
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        inner.documents.insert(
            doc.id.clone(),
            json!({
                "id": doc.id,
                "text": doc.text,
                "published": doc.published.map(|p| p.to_string()),
                "lang": doc.lang.as_ref().map(|l| l.code().to_string()),
                "url": doc.url,
                "source": doc.source,
            }),
        );
        inner.events.extend(events);
    }

    fn scan(&self, q: &EventQuery) -> Vec<Value> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        let mut hits: Vec<Value> = inner
            .events
            .iter()
            .filter(|e| {
                let doc = inner.documents.get(text_of(e, "doc_id")).map(|d| text_of(d, "text"));
                matches(e, q, doc)
            })
            .cloned()
            .collect();
        // Most recent first, then by id.
        hits.sort_by(|a, b| {
            text_of(b, "event_date")
                .cmp(text_of(a, "event_date"))
                .then(text_of(a, "event_id").cmp(text_of(b, "event_id")))
        });
        hits
    }
}

impl EventSource for MemorySource {
    fn events(&self, q: &EventQuery) -> Result<EventPage, SourceError> {
        let hits = self.scan(q);
        let total = hits.len() as u64;
        Ok(EventPage { total, events: hits.into_iter().skip(q.offset).take(q.limit).collect() })
    }

    fn event(&self, id: &str) -> Result<Option<Value>, SourceError> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        Ok(inner.events.iter().find(|e| text_of(e, "event_id") == id).map(|e| {
            let mut e = e.clone();
            if e.get("merge_history").is_none() {
                e["merge_history"] = json!([]);
            }
            e
        }))
    }

    fn document(&self, id: &str) -> Result<Option<Value>, SourceError> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        Ok(inner.documents.get(id).cloned())
    }

    fn stats(&self, q: &EventQuery) -> Result<Stats, SourceError> {
        let hits = self.scan(q);
        let mut by_type = BTreeMap::new();
        let mut by_day = BTreeMap::new();
        for e in &hits {
            *by_type.entry(text_of(e, "event_type").to_string()).or_insert(0) += 1;
            let d = text_of(e, "event_date");
            if !d.is_empty() {
                *by_day.entry(d.to_string()).or_insert(0) += 1;
            }
        }
        Ok(Stats {
            total: hits.len() as u64,
            by_type,
            by_day: by_day.into_iter().map(|(date, count)| DayCount { date, count }).collect(),
        })
    }

    fn ingest(&self, docs: Vec<Document>) -> Result<Value, SourceError> {
        let (mut stored, mut skipped, mut events) = (0, 0, 0);
        for doc in docs {
            if self.document(&doc.id)?.is_some() {
                skipped += 1;
                continue;
            }
            let coded = self.coder.as_ref().map(|c| c(&doc)).unwrap_or_default();
            events += coded.len();
            stored += 1;
            self.add(&doc, coded);
        }
        Ok(json!({"documents": stored, "skipped": skipped, "events": events}))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_overlap_ranges() {
        assert!(date_in("2021-09", Some("2021-09-15"), Some("2021-09-20")));
        assert!(date_in("2021-09-22", Some("2021-09"), None));
        assert!(!date_in("2021-08-31", Some("2021-09"), None));
        assert!(!date_in("2021", None, Some("2020-12-31")));
        assert!(!date_in("", Some("2020"), None));
    }
}
