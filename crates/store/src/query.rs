//! Reading: filters as SQL, events, details, documents, stats.

use sitrep_core::PartialDate;

use crate::db::{Conn, Dialect, Val};
use crate::error::{Error, Result};
use crate::link;
use crate::types::{
    Counts, DocumentRecord, EventDetail, MergeRecord, Query, SourceDetail, SourceRef, Stats, StoredEvent,
};

/// A date filter's bound in days: the first day of `from`, the last day of `to`.
fn bound(s: &str, end: bool) -> Result<i64> {
    let d = PartialDate::parse_iso(s.trim())
        .ok_or_else(|| Error::invalid(format!("'{s}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")))?;
    let (lo, hi, _) = link::interval(Some(&d.to_string()), None).unwrap_or((d.days(), d.days(), 0));
    Ok(if end { hi } else { lo })
}

/// Words as an FTS5 query that cannot be a syntax error: each word quoted, all required.
fn fts_words(text: &str) -> String {
    text.split_whitespace()
        .map(|w| w.replace('"', ""))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `WHERE` clause and its parameters for a query's filters.
pub(crate) fn filters(d: Dialect, q: &Query) -> Result<(String, Vec<Val>)> {
    let mut w: Vec<String> = Vec::new();
    let mut p: Vec<Val> = Vec::new();
    if let Some(c) = &q.country {
        w.push("e.country = ?".into());
        p.push(c.trim().to_ascii_uppercase().into());
    }
    if let Some(a) = &q.admin1 {
        w.push("lower(e.admin1) = lower(?)".into());
        p.push(a.as_str().into());
    }
    if let Some([x0, y0, x1, y1]) = q.bbox {
        if !(x0 <= x1 && y0 <= y1) {
            return Err(Error::invalid("bbox: give min_lon,min_lat,max_lon,max_lat"));
        }
        match d {
            Dialect::Sqlite => {
                // The R*Tree holds days too: a date range narrows the box it searches.
                let from = q.date_from.as_deref().map(|f| bound(f, false)).transpose()?;
                let to = q.date_to.as_deref().map(|t| bound(t, true)).transpose()?;
                w.push(
                    "e.seq IN (SELECT id FROM events_rtree WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? \
                     AND max_lat <= ? AND max_day >= ? AND min_day <= ?)"
                        .into(),
                );
                p.extend([x0.into(), x1.into(), y0.into(), y1.into()]);
                p.push(Val::Int(from.unwrap_or(-crate::ingest::NO_DAY)));
                p.push(Val::Int(to.unwrap_or(crate::ingest::NO_DAY)));
            }
            Dialect::Postgres => {
                w.push("point(e.longitude, e.latitude) <@ box(point(?, ?), point(?, ?))".into());
                p.extend([x0.into(), y0.into(), x1.into(), y1.into()]);
            }
        }
    }
    if let Some(from) = &q.date_from {
        // An event's interval is at most a year long, so the second bound is implied by
        // the first; it lets the date indexes scan a range instead of a prefix.
        let lo = bound(from, false)?;
        w.push("e.date_hi >= ? AND e.date_lo >= ?".into());
        p.extend([Val::Int(lo), Val::Int(lo - 366)]);
    }
    if let Some(to) = &q.date_to {
        w.push("e.date_lo <= ?".into());
        p.push(Val::Int(bound(to, true)?));
    }
    if let Some(t) = &q.event_type {
        w.push("e.event_type = ?".into());
        p.push(t.as_str().into());
    }
    if let Some(t) = &q.sub_event_type {
        w.push("e.sub_event_type = ?".into());
        p.push(t.as_str().into());
    }
    if let Some(a) = &q.actor {
        w.push("lower(e.actors) LIKE ?".into());
        p.push(format!("%{}%", a.to_lowercase().replace(['%', '_'], "")).into());
    }
    if let Some(s) = &q.status {
        w.push("e.status = ?".into());
        p.push(s.trim().to_ascii_lowercase().into());
    }
    if let Some(t) = q.text.as_deref().filter(|t| !t.trim().is_empty()) {
        match d {
            Dialect::Sqlite => {
                w.push("e.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)".into());
                p.push(fts_words(t).into());
            }
            Dialect::Postgres => {
                w.push(
                    "to_tsvector('simple', sitrep_fold(e.notes)) @@ plainto_tsquery('simple', sitrep_fold(?))".into(),
                );
                p.push(t.into());
            }
        }
    }
    if q.exclude_background {
        w.push("e.background = 0".into());
    }
    if let Some(after) = &q.after {
        w.push("e.seq > coalesce((SELECT seq FROM events WHERE event_id = ?), 0)".into());
        p.push(after.as_str().into());
    }
    // Events being created inside a transaction have no type yet; never show them.
    w.push("e.event_type <> ''".into());
    Ok((format!("WHERE {}", w.join(" AND ")), p))
}

pub(crate) fn events(c: &mut dyn Conn, q: &Query) -> Result<Vec<StoredEvent>> {
    let (w, mut p) = filters(c.dialect(), q)?;
    p.push(Val::Int(q.limit.map_or(i64::MAX, |l| l.min(i64::MAX as u64) as i64)));
    p.push(Val::Int(q.offset.min(i64::MAX as u64) as i64));
    let rows = c.rows(&format!("SELECT e.record FROM events e {w} ORDER BY e.seq LIMIT ? OFFSET ?"), &p)?;
    rows.iter().map(|r| parse_record(&r[0])).collect()
}

fn parse_record(v: &Val) -> Result<StoredEvent> {
    serde_json::from_str(v.text().unwrap_or("null"))
        .map_err(|e| Error::new(crate::ErrorKind::Database, format!("a stored event does not parse: {e}")))
}

pub(crate) fn count(c: &mut dyn Conn, q: &Query) -> Result<u64> {
    let (w, p) = filters(c.dialect(), q)?;
    let n = c.one(&format!("SELECT count(*) FROM events e {w}"), &p)?.and_then(|r| r[0].int()).unwrap_or(0);
    Ok(n as u64)
}

pub(crate) fn stats(c: &mut dyn Conn, q: &Query) -> Result<Stats> {
    let (w, p) = filters(c.dialect(), q)?;
    let by_type = c.rows(
        &format!("SELECT e.event_type, count(*) FROM events e {w} GROUP BY e.event_type ORDER BY 2 DESC, 1"),
        &p,
    )?;
    let by_day = c.rows(
        &format!("SELECT e.date_lo, count(*) FROM events e {w} AND e.date_lo IS NOT NULL GROUP BY e.date_lo ORDER BY e.date_lo"),
        &p,
    )?;
    let by_event_type: Vec<(String, u64)> =
        by_type.iter().map(|r| (r[0].string(), r[1].int().unwrap_or(0) as u64)).collect();
    Ok(Stats {
        events: by_event_type.iter().map(|x| x.1).sum(),
        by_event_type,
        by_day: by_day
            .iter()
            .filter_map(|r| Some((PartialDate::from_days(r[0].int()?).to_string(), r[1].int().unwrap_or(0) as u64)))
            .collect(),
    })
}

pub(crate) fn detail(c: &mut dyn Conn, event_id: &str) -> Result<Option<EventDetail>> {
    let Some(row) =
        c.one("SELECT seq, record FROM events WHERE event_id = ? AND event_type <> ''", &[event_id.into()])?
    else {
        return Ok(None);
    };
    let seq = row[0].int().unwrap_or(0);
    let event = parse_record(&row[1])?;
    let rows = c.rows(
        "SELECT r.seq, r.doc_id, r.sentence_start, r.sentence_end, r.record, r.score, d.published, d.url, d.source \
         FROM reports r JOIN documents d ON d.id = r.doc_id WHERE r.event_seq = ? ORDER BY r.seq",
        &[Val::Int(seq)],
    )?;
    let mut sources = Vec::new();
    for r in rows {
        let coded = parse_record(&r[4])?;
        sources.push(SourceDetail {
            report: r[0].int().unwrap_or(0),
            doc_id: r[1].string(),
            sentence_start: r[2].int().unwrap_or(0) as usize,
            sentence_end: r[3].int().unwrap_or(0) as usize,
            sentence: coded.sentence.clone(),
            evidence: coded.evidence.clone(),
            coded: serde_json::to_value(&coded).unwrap_or_default(),
            score: r[5].real(),
            published: r[6].text().map(str::to_string),
            url: r[7].text().map(str::to_string),
            outlet: r[8].text().map(str::to_string),
        });
    }
    let history = c
        .rows(
            "SELECT action, event_id, report_seq, doc_id, score, explanation, other_event, at FROM merges \
             WHERE event_id = ? OR other_event = ? ORDER BY seq",
            &[event_id.into(), event_id.into()],
        )?
        .into_iter()
        .map(|r| MergeRecord {
            action: r[0].string(),
            event_id: r[1].string(),
            report: r[2].int().unwrap_or(0),
            doc_id: r[3].string(),
            score: r[4].real(),
            explanation: serde_json::from_str(r[5].text().unwrap_or("null")).unwrap_or_default(),
            other_event: r[6].text().map(str::to_string),
            at: r[7].string(),
        })
        .collect();
    Ok(Some(EventDetail { event, sources, history }))
}

pub(crate) fn document(c: &mut dyn Conn, doc_id: &str) -> Result<Option<DocumentRecord>> {
    let Some(r) = c.one(
        "SELECT d.id, d.text, d.published, d.lang, d.url, d.source, d.content_hash, d.ingested_at, a.data \
         FROM documents d LEFT JOIN annotations a ON a.doc_id = d.id WHERE d.id = ?",
        &[doc_id.into()],
    )?
    else {
        return Ok(None);
    };
    let ids = c.rows(
        "SELECT DISTINCT e.event_id, e.seq FROM reports r JOIN events e ON e.seq = r.event_seq WHERE r.doc_id = ? ORDER BY e.seq",
        &[doc_id.into()],
    )?;
    Ok(Some(DocumentRecord {
        id: r[0].string(),
        text: r[1].string(),
        published: r[2].text().map(str::to_string),
        lang: r[3].text().map(str::to_string),
        url: r[4].text().map(str::to_string),
        source: r[5].text().map(str::to_string),
        content_hash: r[6].string(),
        ingested_at: r[7].string(),
        event_ids: ids.iter().map(|r| r[0].string()).collect(),
        annotation: serde_json::from_str(r[8].text().unwrap_or("null")).unwrap_or_default(),
    }))
}

pub(crate) fn counts(c: &mut dyn Conn) -> Result<Counts> {
    let mut n = |sql: &str| -> Result<u64> { Ok(c.one(sql, &[])?.and_then(|r| r[0].int()).unwrap_or(0) as u64) };
    Ok(Counts {
        documents: n("SELECT count(*) FROM documents")?,
        events: n("SELECT count(*) FROM events WHERE event_type <> ''")?,
        reports: n("SELECT count(*) FROM reports")?,
        merges: n("SELECT count(*) FROM merges WHERE action = 'merge'")?,
    })
}

/// Sources of a stored event, as the contract's `sources` (used by tests).
#[allow(dead_code)]
pub(crate) fn sources(e: &StoredEvent) -> &[SourceRef] {
    &e.sources
}
