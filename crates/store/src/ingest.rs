//! Ingest: code documents, store them with their events, link each event to the stored
//! ones, in one transaction per batch.

use std::collections::HashSet;

use sitrep_code::Engine;
use sitrep_core::{Document, Event};

use crate::db::{Conn, Dialect, Val};
use crate::error::{Error, ErrorKind, Result};
use crate::link::{self, Keys};
use crate::types::{IngestReport, StoredEvent};
use crate::Store;

/// 32 hex digits of a 128-bit FNV-1a hash over the text with its whitespace runs made
/// single spaces, so a re-crawl that only reflowed the text is the same document.
pub fn content_hash(text: &str) -> String {
    let mut h: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    let prime: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            h ^= u128::from(b' ');
            h = h.wrapping_mul(prime);
        }
        for &b in word.as_bytes() {
            h ^= u128::from(b);
            h = h.wrapping_mul(prime);
        }
    }
    format!("{h:032x}")
}

/// Now, as `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    let day = sitrep_core::PartialDate::from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{day}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

/// A country's name as the coder writes it in actor names, to keep it out of the names
/// the linker compares (every report of a country names it).
fn country_name(code: Option<&str>) -> Option<&'static str> {
    const NAMES: &str = include_str!("../../../data/countries.tsv");
    let code = code?;
    NAMES.lines().filter(|l| !l.starts_with('#')).find_map(|l| {
        let mut f = l.split('\t');
        (f.next()? == code).then(|| f.next()).flatten()
    })
}

/// What coding one document gave.
struct Coded {
    events: Vec<Event>,
    annotation: String,
}

/// Ingests one batch in one transaction.
pub(crate) fn batch(store: &Store, engine: &Engine, docs: &[Document], threads: usize) -> Result<IngestReport> {
    let mut report = IngestReport { documents: docs.len() as u64, ..IngestReport::default() };
    let hashes: Vec<String> = docs.iter().map(|d| content_hash(&d.text)).collect();
    // Skip what is known before spending time coding it; checked again under the lock.
    let stored = store.with_conn(|c| known(c, docs, &hashes))?;
    let mut seen = HashSet::new();
    let todo: Vec<usize> = (0..docs.len())
        .filter(|&i| !stored[i] && seen.insert(docs[i].id.clone()) && seen.insert(format!("#{}", hashes[i])))
        .collect();
    let coded = code(engine, &todo.iter().map(|&i| &docs[i]).collect::<Vec<_>>(), threads);
    let written = store.write(|c| {
        let mut r = IngestReport::default();
        let again = known(c, docs, &hashes)?;
        for (&i, coded) in todo.iter().zip(&coded) {
            if again[i] {
                continue;
            }
            store_document(c, &docs[i], &hashes[i], coded, &mut r)?;
        }
        Ok(r)
    })?;
    report.stored = written.stored;
    report.duplicates = docs.len() as u64 - written.stored;
    report.without_events = written.without_events;
    report.coded_events = written.coded_events;
    report.new_events = written.new_events;
    report.linked = written.linked;
    report.batches = 1;
    Ok(report)
}

/// For each document: is it stored already (by id or content hash)?
fn known(c: &mut dyn Conn, docs: &[Document], hashes: &[String]) -> Result<Vec<bool>> {
    let mut out = Vec::with_capacity(docs.len());
    for (d, h) in docs.iter().zip(hashes) {
        let hit = c.one(
            "SELECT 1 FROM documents WHERE id = ? OR content_hash = ?",
            &[d.id.as_str().into(), h.as_str().into()],
        )?;
        out.push(hit.is_some());
    }
    Ok(out)
}

/// Codes documents on `threads` threads. A document whose coding panics gets no event
/// (it is still stored, so the rest of the batch goes on).
fn code(engine: &Engine, docs: &[&Document], threads: usize) -> Vec<Coded> {
    let one = |d: &&Document| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let a = engine.analyze(d);
            Coded { events: a.events(), annotation: serde_json::to_string(&a.annotation()).unwrap_or_default() }
        }))
        .unwrap_or(Coded { events: Vec::new(), annotation: "null".into() })
    };
    if threads <= 1 || docs.len() < 2 {
        return docs.iter().map(one).collect();
    }
    let chunk = docs.len().div_ceil(threads);
    std::thread::scope(|s| {
        let hs: Vec<_> =
            docs.chunks(chunk).map(|part| s.spawn(move || part.iter().map(one).collect::<Vec<_>>())).collect();
        hs.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

fn store_document(c: &mut dyn Conn, d: &Document, hash: &str, coded: &Coded, r: &mut IngestReport) -> Result<()> {
    let metadata = serde_json::json!({"origin": d.origin.to_string(), "warnings": d.warnings});
    c.execute(
        "INSERT INTO documents (id, content_hash, text, published, lang, url, source, metadata, ingested_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        &[
            d.id.as_str().into(),
            hash.into(),
            d.text.as_str().into(),
            d.published.map(|p| p.to_string()).into(),
            d.lang.as_ref().map(|l| l.code().to_string()).into(),
            d.url.clone().into(),
            d.source.clone().into(),
            metadata.to_string().into(),
            now().into(),
        ],
    )?;
    c.execute(
        "INSERT INTO annotations (doc_id, data) VALUES (?, ?)",
        &[d.id.as_str().into(), coded.annotation.as_str().into()],
    )?;
    if c.dialect() == Dialect::Sqlite {
        c.execute(
            "INSERT INTO documents_fts (rowid, text) SELECT seq, text FROM documents WHERE id = ?",
            &[d.id.as_str().into()],
        )?;
    }
    r.stored += 1;
    if coded.events.is_empty() {
        r.without_events += 1;
    }
    for (idx, e) in coded.events.iter().enumerate() {
        r.coded_events += 1;
        let src = e.sources.first();
        let paragraph = src.map_or("", |s| link::paragraph(&d.text, s.sentence_start, s.sentence_end));
        let keys = Keys::new(e, country_name(e.country.as_deref()), paragraph);
        let stored = StoredEvent::from_coded(e);
        let best = best_candidate(c, &keys, &d.id)?;
        let (event_seq, event_id, score, action, explanation) = match best {
            Some(Candidate { seq, id, score: s, split }) => {
                r.linked += 1;
                // The sources this report tells apart from the ones it matches leave the
                // event first (see `best_candidate`).
                for other in &split {
                    let why = serde_json::json!({"by": "link", "told_apart_by": d.id, "kept": id});
                    detach(c, &id, other, &why)?;
                }
                let mut explanation = serde_json::to_value(&s).unwrap_or_default();
                if !split.is_empty() {
                    explanation["split"] = serde_json::json!(split);
                }
                (seq, id, Some(s.total), "merge", explanation)
            }
            None => {
                r.new_events += 1;
                let (seq, id) = new_event(c, e.country.as_deref())?;
                (seq, id, None, "create", serde_json::Value::Null)
            }
        };
        let report_seq = c
            .one(
                "INSERT INTO reports (doc_id, idx, event_seq, sentence_start, sentence_end, record, keys, score) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
                &[
                    d.id.as_str().into(),
                    Val::Int(idx as i64),
                    Val::Int(event_seq),
                    Val::Int(src.map_or(0, |s| s.sentence_start) as i64),
                    Val::Int(src.map_or(0, |s| s.sentence_end) as i64),
                    json(&stored).into(),
                    json(&keys).into(),
                    score.into(),
                ],
            )?
            .and_then(|row| row[0].int())
            .ok_or_else(|| Error::new(ErrorKind::Database, "inserting a report returned no key"))?;
        history(c, action, &event_id, report_seq, &d.id, score, &explanation, None)?;
        reconcile(c, event_seq)?;
    }
    Ok(())
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

#[allow(clippy::too_many_arguments)]
fn history(
    c: &mut dyn Conn,
    action: &str,
    event_id: &str,
    report_seq: i64,
    doc_id: &str,
    score: Option<f64>,
    explanation: &serde_json::Value,
    other: Option<&str>,
) -> Result<()> {
    c.execute(
        "INSERT INTO merges (action, event_id, report_seq, doc_id, score, explanation, other_event, at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        &[
            action.into(),
            event_id.into(),
            Val::Int(report_seq),
            doc_id.into(),
            score.into(),
            explanation.to_string().into(),
            other.into(),
            now().into(),
        ],
    )?;
    Ok(())
}

/// A stored event a new report joins, and the sources it tells apart from the rest
/// (to be detached from the event before it joins).
struct Candidate {
    seq: i64,
    id: String,
    score: link::Score,
    split: Vec<String>,
}

/// The stored event a new report should join: the best-scoring candidate of its
/// country and dates, if its score reaches [`link::THRESHOLD`]. An event the same
/// document already reports is never a candidate (the coder has already merged what
/// one document says about one event).
fn best_candidate(c: &mut dyn Conn, keys: &Keys, doc_id: &str) -> Result<Option<Candidate>> {
    let (Some(lo), Some(hi)) = (keys.lo, keys.hi) else {
        return Ok(None);
    };
    // Blocked by date (the widest slack of any precision, a day, on both sides; an
    // interval is at most a year long, which bounds `date_lo` from below too) and by
    // country, where both sides place theirs (see `link::score`).
    let rows = c.rows(
        "SELECT e.seq, e.event_id, r.keys, r.doc_id, r.score FROM events e JOIN reports r ON r.event_seq = e.seq \
         WHERE e.date_lo <= ? AND e.date_lo >= ? AND e.date_hi >= ? \
         AND (e.country = ? OR e.country IS NULL OR e.latitude IS NULL OR e.admin1 IS NULL OR ? = 0) \
         AND NOT EXISTS (SELECT 1 FROM reports o WHERE o.event_seq = e.seq AND o.doc_id = ?) \
         ORDER BY e.seq, r.seq",
        &[
            Val::Int(hi + 2),
            Val::Int(lo - 2 - 367),
            Val::Int(lo - 2),
            keys.country.clone().into(),
            Val::Int(i64::from(keys.country_placed())),
            doc_id.into(),
        ],
    )?;
    // Each event's reports, grouped by source document, with their scores.
    let mut events: Vec<(i64, String, Vec<Member>)> = Vec::new();
    for row in rows {
        let (Some(seq), Some(id), Some(k), Some(doc)) = (row[0].int(), row[1].text(), row[2].text(), row[3].text())
        else {
            continue;
        };
        let score = serde_json::from_str::<Keys>(k).ok().and_then(|other| link::score(keys, &other));
        if events.last().is_none_or(|last| last.0 != seq) {
            events.push((seq, id.to_string(), Vec::new()));
        }
        let Some(last) = events.last_mut() else { continue };
        let joined = row[4].real();
        match last.2.iter_mut().find(|m| m.doc == doc) {
            Some(m) => {
                m.score = least(m.score.take(), score);
                m.joined = match (m.joined, joined) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            None => last.2.push(Member { doc: doc.to_string(), score, joined }),
        }
    }
    let mut best: Option<Candidate> = None;
    // Two stored events the report matches equally well: the text cannot tell which it
    // reports ("an operation to secure the Est region" against the Est and the
    // Centre-Est operations of that day), so it joins neither.
    let mut tied = false;
    for (seq, id, members) in events {
        let Some((score, split)) = event_score(&members) else { continue };
        if score.total < link::THRESHOLD {
            continue;
        }
        match best.as_ref().map(|b| b.score.total) {
            Some(t) if score.total == t => tied = true,
            Some(t) if score.total < t => {}
            _ => {
                tied = false;
                best = Some(Candidate { seq, id, score, split });
            }
        }
    }
    Ok(best.filter(|_| !tied))
}

/// A stored event's source, as a new report sees it.
struct Member {
    doc: String,
    /// The new report's least score against the source's reports in the event.
    score: Option<link::Score>,
    /// The least score the source's reports joined the event with (`None` for the
    /// report that created it).
    joined: Option<f64>,
}

/// The lesser of two scores; `None` (ruled out) when either is.
fn least(a: Option<link::Score>, b: Option<link::Score>) -> Option<link::Score> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.total < a.total { b } else { a }),
        _ => None,
    }
}

/// A new report's score against a stored event, from its scores against the event's
/// sources, and the sources it tells apart from the others.
///
/// Complete linkage: an event's score is its least similar source's, and a source that
/// rules the pair out rules the event out. Joining on the best source alone would let
/// an event drift, one similar report at a time, over distinct events.
///
/// But when the report gives the very names of one source and its score with it is
/// higher than the score another source was joined on (the least score of the event's
/// joins when that source created the event), and that other source and the report
/// each name a place or person the other does not, or the report rules it out (another
/// day, type or country), the event was two: that source leaves it.
fn event_score(members: &[Member]) -> Option<(link::Score, Vec<String>)> {
    let agree = members
        .iter()
        .filter_map(|m| m.score.as_ref().filter(|s| s.total >= link::THRESHOLD && s.names_agree()))
        .map(|s| s.total)
        .fold(None, |a: Option<f64>, t| Some(a.map_or(t, |a| a.max(t))));
    let founded =
        members.iter().filter_map(|m| m.joined).fold(None, |a: Option<f64>, t| Some(a.map_or(t, |a| a.min(t))));
    let split: Vec<&String> = match agree {
        Some(agree) => members
            .iter()
            .filter(|m| m.score.as_ref().is_none_or(link::Score::names_conflict))
            .filter(|m| m.joined.or(founded).is_some_and(|j| j < agree))
            .map(|m| &m.doc)
            .collect(),
        None => Vec::new(),
    };
    let mut least: Option<&link::Score> = None;
    for m in members.iter().filter(|m| !split.contains(&&m.doc)) {
        let s = m.score.as_ref()?;
        if least.is_none_or(|l| s.total < l.total) {
            least = Some(s);
        }
    }
    Some((least?.clone(), split.into_iter().cloned().collect()))
}

/// A new event row with the next id of its country; its fields are filled by
/// [`reconcile`].
fn new_event(c: &mut dyn Conn, country: Option<&str>) -> Result<(i64, String)> {
    let prefix = crate::iso3::prefix(country);
    let id = next_id(c, &prefix)?;
    let seq = c
        .one(
            "INSERT INTO events (event_id, event_type, sub_event_type, actors, status, fatalities, background, \
             corroboration, notes, record, updated_at) VALUES (?, '', '', '', '', 0, 0, 0, '', '{}', ?) RETURNING seq",
            &[id.as_str().into(), now().into()],
        )?
        .and_then(|r| r[0].int())
        .ok_or_else(|| Error::new(ErrorKind::Database, "inserting an event returned no key"))?;
    Ok((seq, id))
}

/// The next id of a prefix: `BFA-000001`, `BFA-000002`, … The counter only grows, so
/// an id is never given twice (a rolled-back transaction rolls back its ids too, and
/// those were never published).
pub(crate) fn next_id(c: &mut dyn Conn, prefix: &str) -> Result<String> {
    c.execute(
        "INSERT INTO id_counters (prefix, next) VALUES (?, 1) ON CONFLICT (prefix) DO NOTHING",
        &[prefix.into()],
    )?;
    let n = c
        .one("UPDATE id_counters SET next = next + 1 WHERE prefix = ? RETURNING next - 1", &[prefix.into()])?
        .and_then(|r| r[0].int())
        .ok_or_else(|| Error::new(ErrorKind::Database, "id counter missing"))?;
    Ok(format!("{prefix}-{n:06}"))
}

impl StoredEvent {
    /// One document's coded event, as a stored event of one source.
    pub(crate) fn from_coded(e: &Event) -> StoredEvent {
        StoredEvent {
            event_id: e.event_id.clone(),
            doc_id: e.doc_id.clone(),
            event_date: e.event_date.clone(),
            date_precision: e.date_precision.map(|p| p.as_str().to_string()),
            event_type: e.event_type.to_string(),
            sub_event_type: e.sub_event_type.to_string(),
            actor1: e.actor1.clone(),
            assoc_actor_1: e.assoc_actor_1.clone(),
            inter1: e.inter1,
            actor2: e.actor2.clone(),
            assoc_actor_2: e.assoc_actor_2.clone(),
            inter2: e.inter2,
            country: e.country.clone(),
            admin1: e.admin1.clone(),
            admin2: e.admin2.clone(),
            location: e.location.clone(),
            latitude: e.latitude,
            longitude: e.longitude,
            geo_precision: e.geo_precision,
            geonames_id: e.geonames_id,
            fatalities: e.fatalities,
            fatalities_known: e.fatalities_known,
            injured: e.injured,
            arrested: e.arrested,
            status: e.status.as_str().to_string(),
            claimed_by: e.claimed_by.clone(),
            source: e.source.clone(),
            background: e.background,
            confidence: e.confidence,
            evidence: e.evidence.iter().map(Into::into).collect(),
            sentence: e.sentence.clone(),
            sources: e.sources.iter().map(Into::into).collect(),
            corroboration: 1,
            fatalities_reported: Vec::new(),
        }
    }
}

fn precision_rank(p: Option<&str>) -> u8 {
    match p {
        Some("time") | Some("day") => 0,
        Some("week") => 1,
        Some("month") => 2,
        Some("year") => 3,
        _ => 4,
    }
}

/// ACLED's reconciliation of the reports of one event. The first report (the one that
/// created the event) gives the type, actors, status and evidence; the most precise date
/// and place win; fatalities take the most conservative known figure and keep every
/// figure when they disagree; a field missing in the first report is taken from the
/// next that has it; the event is background only while every report says so.
pub(crate) fn combine(event_id: &str, reports: &[StoredEvent]) -> StoredEvent {
    let mut e = reports[0].clone();
    e.event_id = event_id.to_string();
    let date =
        reports.iter().min_by_key(|r| (r.event_date.is_none(), precision_rank(r.date_precision.as_deref()))).unwrap();
    e.event_date = date.event_date.clone();
    e.date_precision = date.date_precision.clone();
    let place = reports.iter().min_by_key(|r| (r.latitude.is_none(), r.geo_precision.unwrap_or(9))).unwrap();
    if place.latitude.is_some() {
        e.admin1 = place.admin1.clone();
        e.admin2 = place.admin2.clone();
        e.location = place.location.clone();
        e.latitude = place.latitude;
        e.longitude = place.longitude;
        e.geo_precision = place.geo_precision;
        e.geonames_id = place.geonames_id;
    }
    for r in &reports[1..] {
        macro_rules! fill {
            ($($f:ident),*) => { $( if e.$f.is_none() { e.$f = r.$f.clone(); } )* };
        }
        fill!(actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, admin1, admin2, claimed_by, source);
        if r.injured.is_some() {
            e.injured = Some(e.injured.map_or(r.injured.unwrap_or(0), |i| i.min(r.injured.unwrap_or(i))));
        }
        if r.arrested.is_some() {
            e.arrested = Some(e.arrested.map_or(r.arrested.unwrap_or(0), |i| i.min(r.arrested.unwrap_or(i))));
        }
        e.confidence = e.confidence.max(r.confidence);
    }
    let known: Vec<u32> = reports.iter().filter(|r| r.fatalities_known).map(|r| r.fatalities).collect();
    e.fatalities_known = !known.is_empty();
    e.fatalities = known.iter().copied().min().unwrap_or(0);
    let mut figures = known.clone();
    figures.sort();
    figures.dedup();
    e.fatalities_reported = if figures.len() > 1 { known } else { Vec::new() };
    e.background = reports.iter().all(|r| r.background);
    e.sources = reports.iter().flat_map(|r| r.sources.iter().cloned()).collect();
    let mut docs: Vec<&str> = reports.iter().map(|r| r.doc_id.as_str()).collect();
    docs.sort();
    docs.dedup();
    e.corroboration = docs.len() as u32;
    e
}

/// Recomputes a stored event from its reports, and its index entries.
pub(crate) fn reconcile(c: &mut dyn Conn, event_seq: i64) -> Result<()> {
    let id = c
        .one("SELECT event_id FROM events WHERE seq = ?", &[Val::Int(event_seq)])?
        .and_then(|r| r[0].text().map(str::to_string))
        .ok_or_else(|| Error::new(ErrorKind::Database, format!("event {event_seq} vanished")))?;
    let rows = c.rows("SELECT record FROM reports WHERE event_seq = ? ORDER BY seq", &[Val::Int(event_seq)])?;
    let reports: Vec<StoredEvent> =
        rows.iter().filter_map(|r| r[0].text().and_then(|t| serde_json::from_str(t).ok())).collect();
    if reports.is_empty() {
        return Err(Error::new(ErrorKind::Database, format!("event {id} has no report left")));
    }
    let e = combine(&id, &reports);
    write_event(c, event_seq, &e)
}

/// The text searched for an event: every source's sentence.
pub(crate) fn notes(e: &StoredEvent, reports: &[StoredEvent]) -> String {
    let mut notes: Vec<&str> = reports.iter().map(|r| r.sentence.as_str()).collect();
    if notes.is_empty() {
        notes.push(&e.sentence);
    }
    notes.dedup();
    notes.join("\n")
}

/// The R*Tree's day bound for an undated event (a million days either side).
pub(crate) const NO_DAY: i64 = 1_000_000;

/// Writes a stored event's row (indexed columns and record) and its index entries.
pub(crate) fn write_event(c: &mut dyn Conn, seq: i64, e: &StoredEvent) -> Result<()> {
    let (lo, hi) = match link::interval(e.event_date.as_deref(), e.date_precision.as_deref()) {
        Some((lo, hi, _)) => (Some(lo), Some(hi)),
        None => (None, None),
    };
    let actors: Vec<&str> =
        [&e.actor1, &e.assoc_actor_1, &e.actor2, &e.assoc_actor_2].into_iter().flatten().map(String::as_str).collect();
    let reports: Vec<StoredEvent> = c
        .rows("SELECT record FROM reports WHERE event_seq = ? ORDER BY seq", &[Val::Int(seq)])?
        .iter()
        .filter_map(|r| r[0].text().and_then(|t| serde_json::from_str(t).ok()))
        .collect();
    let notes = notes(e, &reports);
    c.execute(
        "UPDATE events SET country = ?, admin1 = ?, event_date = ?, date_lo = ?, date_hi = ?, event_type = ?, \
         sub_event_type = ?, actors = ?, status = ?, latitude = ?, longitude = ?, fatalities = ?, background = ?, \
         corroboration = ?, notes = ?, record = ?, updated_at = ? WHERE seq = ?",
        &[
            e.country.clone().into(),
            e.admin1.clone().into(),
            e.event_date.clone().into(),
            lo.into(),
            hi.into(),
            e.event_type.as_str().into(),
            e.sub_event_type.as_str().into(),
            actors.join("|").into(),
            e.status.as_str().into(),
            e.latitude.into(),
            e.longitude.into(),
            Val::Int(i64::from(e.fatalities)),
            Val::Int(i64::from(e.background)),
            Val::Int(i64::from(e.corroboration)),
            notes.as_str().into(),
            json(e).into(),
            now().into(),
            Val::Int(seq),
        ],
    )?;
    if c.dialect() == Dialect::Sqlite {
        c.execute("DELETE FROM events_fts WHERE rowid = ?", &[Val::Int(seq)])?;
        c.execute("INSERT INTO events_fts (rowid, notes) VALUES (?, ?)", &[Val::Int(seq), notes.into()])?;
        c.execute("DELETE FROM events_rtree WHERE id = ?", &[Val::Int(seq)])?;
        if let (Some(lat), Some(lon)) = (e.latitude, e.longitude) {
            // An undated event spans every day, so date filters leave it to the table.
            let (d0, d1) = (lo.unwrap_or(-NO_DAY), hi.unwrap_or(NO_DAY));
            c.execute(
                "INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat, min_day, max_day) \
                 VALUES (?, ?, ?, ?, ?, ?, ?)",
                &[Val::Int(seq), lon.into(), lon.into(), lat.into(), lat.into(), Val::Int(d0), Val::Int(d1)],
            )?;
        }
    }
    Ok(())
}

/// Detaches `doc_id`'s reports from `event_id` into a new event.
pub(crate) fn unmerge(c: &mut dyn Conn, event_id: &str, doc_id: &str) -> Result<String> {
    detach(c, event_id, doc_id, &serde_json::json!({"by": "sitrep unmerge"}))
}

/// Detaches `doc_id`'s reports from `event_id` into a new event, recording `why`.
fn detach(c: &mut dyn Conn, event_id: &str, doc_id: &str, why: &serde_json::Value) -> Result<String> {
    let row = c
        .one("SELECT seq, country FROM events WHERE event_id = ?", &[event_id.into()])?
        .ok_or_else(|| Error::invalid(format!("no event {event_id}")))?;
    let seq = row[0].int().unwrap_or(0);
    let reports = c.rows("SELECT seq, doc_id FROM reports WHERE event_seq = ? ORDER BY seq", &[Val::Int(seq)])?;
    let mine: Vec<i64> = reports.iter().filter(|r| r[1].text() == Some(doc_id)).filter_map(|r| r[0].int()).collect();
    if mine.is_empty() {
        return Err(Error::invalid(format!("event {event_id} has no source {doc_id}")));
    }
    if mine.len() == reports.len() {
        return Err(Error::invalid(format!("{doc_id} is the only source of {event_id}: nothing to unmerge")));
    }
    let (new_seq, new_id) = new_event(c, row[1].text())?;
    for &r in &mine {
        c.execute("UPDATE reports SET event_seq = ?, score = NULL WHERE seq = ?", &[Val::Int(new_seq), Val::Int(r)])?;
        history(c, "unmerge", event_id, r, doc_id, None, why, Some(&new_id))?;
        history(c, "create", &new_id, r, doc_id, None, why, Some(event_id))?;
    }
    // The first report may have moved: the original keeps its id, whatever its sources.
    reconcile(c, seq)?;
    reconcile(c, new_seq)?;
    Ok(new_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_reflowing() {
        assert_eq!(content_hash("a  b\nc"), content_hash("a b c "));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
    }

    fn scored(features: &[(&'static str, f64)]) -> Option<link::Score> {
        Some(link::Score { total: features.iter().map(|f| f.1).sum(), features: features.to_vec() })
    }

    fn member(doc: &str, score: Option<link::Score>, joined: Option<f64>) -> Member {
        Member { doc: doc.into(), score, joined }
    }

    #[test]
    fn a_report_that_names_what_one_source_names_tells_the_other_apart() {
        let agrees =
            || scored(&[("same_sub_event_type", 2.0), ("distance", 2.0), ("shared_names", 2.5), ("same_day", 1.0)]);
        let conflicts = || {
            scored(&[
                ("same_sub_event_type", 2.0),
                ("distance", 2.0),
                ("shared_names", 1.5),
                ("names_only_one_side_each", -1.0),
            ])
        };
        // The conflicting source joined on less than the report now gives the other.
        let (s, split) = event_score(&[member("a", agrees(), None), member("b", conflicts(), Some(6.0))]).unwrap();
        assert_eq!(split, vec!["b".to_string()]);
        assert_eq!(s.total, 7.5);
        // The source created the event: the joins' least score stands for its tie.
        let (_, split) = event_score(&[member("b", conflicts(), None), member("a", agrees(), Some(6.0))]).unwrap();
        assert_eq!(split, vec!["b".to_string()]);
        // It joined on more: complete linkage, nobody leaves.
        let (s, split) = event_score(&[member("a", agrees(), None), member("b", conflicts(), Some(8.0))]).unwrap();
        assert!(split.is_empty());
        assert_eq!(s.total, 4.5);
        // No source whose names the report gives: complete linkage.
        let (_, split) = event_score(&[member("a", conflicts(), None), member("b", conflicts(), Some(6.0))]).unwrap();
        assert!(split.is_empty());
        // A source the report rules out leaves too, if it joined on less.
        let (_, split) = event_score(&[member("a", agrees(), None), member("b", None, Some(6.0))]).unwrap();
        assert_eq!(split, vec!["b".to_string()]);
        // Otherwise it rules the event out.
        assert!(event_score(&[member("a", agrees(), None), member("b", None, Some(8.0))]).is_none());
        assert!(event_score(&[member("a", conflicts(), None), member("b", None, Some(6.0))]).is_none());
    }

    #[test]
    fn now_is_iso() {
        let n = now();
        assert_eq!(n.len(), 20, "{n}");
        assert!(n.ends_with('Z'));
    }
}
