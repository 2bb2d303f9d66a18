//! The store's behaviour, the same suite on SQLite and on PostgreSQL.

mod common;

use common::{databases, doc, reports};
use sitrep_store::{ErrorKind, OpenOptions, Query, Store};

fn sources(store: &Store, event_id: &str) -> Vec<String> {
    let mut d: Vec<String> = store.event(event_id).unwrap().unwrap().sources.into_iter().map(|s| s.doc_id).collect();
    d.sort();
    d
}

#[test]
fn french_and_english_reports_of_one_event_link() {
    for db in databases("link") {
        let store = Store::open(&db).unwrap();
        let r = store.ingest(&reports()).unwrap();
        assert_eq!((r.stored, r.coded_events), (5, 5), "{db}: {r:?}");
        assert_eq!((r.new_events, r.linked), (3, 2), "{db}: {r:?}");
        let events = store.query(&Query::default()).unwrap();
        assert_eq!(events.len(), 3, "{db}");
        let attack = events.iter().find(|e| e.sub_event_type == "Attack").unwrap();
        assert_eq!(sources(&store, &attack.event_id), ["en1", "fr1"], "{db}");
        assert_eq!(attack.corroboration, 2);
        assert_eq!(attack.sources.len(), 2);
        assert!(attack.event_id.starts_with("BFA-"), "{}", attack.event_id);
        let clash = events.iter().find(|e| e.sub_event_type == "Armed clash").unwrap();
        assert_eq!(sources(&store, &clash.event_id), ["en2", "fr2"], "{db}");
        let protest = events.iter().find(|e| e.sub_event_type == "Peaceful protest").unwrap();
        assert_eq!(protest.corroboration, 1, "{db}: a protest the same day is another event");
        // The history explains the link feature by feature.
        let detail = store.event(&attack.event_id).unwrap().unwrap();
        let merge = detail.history.iter().find(|h| h.action == "merge").unwrap();
        assert!(merge.explanation["features"].as_array().is_some_and(|f| !f.is_empty()), "{db}: {merge:?}");
        assert!(detail.sources[0].sentence_end > detail.sources[0].sentence_start);
    }
}

#[test]
fn ingest_is_idempotent() {
    for db in databases("idem") {
        let store = Store::open(&db).unwrap();
        let first = store.ingest(&reports()).unwrap();
        let counts = store.counts().unwrap();
        let again = store.ingest(&reports()).unwrap();
        assert_eq!((again.stored, again.duplicates), (0, 5), "{db}");
        // The same text under another id is the same document too.
        let mut copy = reports().remove(0);
        copy.id = "en1-copy".into();
        copy.text = format!("  {}\n", copy.text.replace(' ', "  "));
        assert_eq!(store.ingest(&[copy]).unwrap().duplicates, 1, "{db}");
        assert_eq!(store.counts().unwrap(), counts, "{db}");
        assert_eq!(first.stored, counts.documents);
        // Reopening finds everything (nothing lived only in memory).
        drop(store);
        let reopened = Store::open(&db).unwrap();
        assert_eq!(reopened.counts().unwrap(), counts, "{db}");
        assert_eq!(reopened.document("fr1").unwrap().unwrap().event_ids.len(), 1);
    }
}

#[test]
fn unmerge_detaches_a_source_and_keeps_ids() {
    for db in databases("unmerge") {
        let store = Store::open(&db).unwrap();
        store.ingest(&reports()).unwrap();
        let attack = store.query(&Query { sub_event_type: Some("Attack".into()), ..Query::default() }).unwrap();
        let id = attack[0].event_id.clone();
        let new_id = store.unmerge(&id, "fr1").unwrap();
        assert_ne!(new_id, id);
        assert_eq!(sources(&store, &id), ["en1"], "{db}");
        assert_eq!(sources(&store, &new_id), ["fr1"], "{db}");
        let history = store.event(&id).unwrap().unwrap().history;
        assert!(history.iter().any(|h| h.action == "unmerge" && h.other_event.as_deref() == Some(&new_id)), "{db}");
        assert!(store.unmerge(&id, "en1").is_err(), "{db}: the only source cannot leave");
        // Ids are never reused: a new event after the unmerge gets a fresh one.
        store
            .ingest(&[doc(
                "en9",
                "en",
                "2021-05-02",
                "On 1 May 2021, gunmen killed three civilians in Dori, Burkina Faso.",
            )])
            .unwrap();
        let ids: Vec<String> = store.query(&Query::default()).unwrap().into_iter().map(|e| e.event_id).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{db}: {ids:?}");
    }
}

/// A report of the 12 March 2021 clash, published the next day.
fn clash(id: &str, lang: &str, text: &str) -> sitrep_core::Document {
    doc(id, lang, "2021-03-13", text)
}

/// The ids of the store's events.
fn event_ids(store: &Store) -> Vec<String> {
    store.query(&Query::default()).unwrap().into_iter().map(|e| e.event_id).collect()
}

#[test]
fn a_report_that_names_what_one_source_names_tells_the_other_apart() {
    for db in databases("split") {
        let store = Store::open(&db).unwrap();
        store
            .ingest(&[
                clash(
                    "e1",
                    "en",
                    "On 12 March 2021, soldiers clashed with JNIM militants at Welbore near Djibo in Burkina Faso; two soldiers were killed.",
                ),
                clash(
                    "e2",
                    "en",
                    "On 12 March 2021, soldiers clashed with JNIM militants at Tansoré near Djibo in Burkina Faso; two soldiers were killed.",
                ),
            ])
            .unwrap();
        assert_eq!(event_ids(&store).len(), 1, "{db}: nothing yet tells the two apart");
        let first = event_ids(&store).remove(0);
        store
            .ingest(&[clash(
                "f1",
                "fr",
                "Le 12 mars 2021, deux soldats ont été tués quand des militaires ont affronté des combattants du JNIM à Tansoré, près de Djibo.",
            )])
            .unwrap();
        let events = event_ids(&store);
        assert_eq!(events.len(), 2, "{db}");
        assert_eq!(sources(&store, &first), ["e2", "f1"], "{db}");
        let other = events.iter().find(|e| **e != first).unwrap();
        assert_eq!(sources(&store, other), ["e1"], "{db}");
        // Explained and reversible: the unmerge is in the history with the report that
        // told the sources apart, and the merge lists what it split.
        let history = store.event(&first).unwrap().unwrap().history;
        let unmerge = history.iter().find(|h| h.action == "unmerge").unwrap();
        assert_eq!(unmerge.explanation["told_apart_by"], "f1", "{db}: {unmerge:?}");
        let merge = history.iter().find(|h| h.action == "merge" && h.doc_id == "f1").unwrap();
        assert_eq!(merge.explanation["split"][0], "e1", "{db}: {merge:?}");
    }
}

#[test]
fn a_report_that_matches_two_events_equally_joins_neither() {
    for db in databases("tie") {
        let store = Store::open(&db).unwrap();
        store
            .ingest(&[
                clash(
                    "e1",
                    "en",
                    "On 12 March 2021, soldiers clashed with JNIM militants at Welbore in Burkina Faso; two soldiers were killed.",
                ),
                clash(
                    "e2",
                    "en",
                    "On 12 March 2021, soldiers clashed with JNIM militants at Tansoré in Burkina Faso; nine soldiers were killed.",
                ),
            ])
            .unwrap();
        assert_eq!(event_ids(&store).len(), 2, "{db}: two villages, two tolls");
        store
            .ingest(&[clash(
                "f1",
                "fr",
                "Le 12 mars 2021, des militaires et des combattants du JNIM se sont affrontés au Burkina Faso.",
            )])
            .unwrap();
        let events = event_ids(&store);
        assert_eq!(events.len(), 3, "{db}: the report cannot tell which of the two it tells");
    }
}

#[test]
fn queries_filter_and_paginate() {
    for db in databases("query") {
        let store = Store::open(&db).unwrap();
        store.ingest(&reports()).unwrap();
        let n = |q: Query| store.count(&q).unwrap();
        assert_eq!(n(Query::default()), 3);
        assert_eq!(n(Query { country: Some("bf".into()), ..Query::default() }), 3);
        assert_eq!(n(Query { country: Some("ML".into()), ..Query::default() }), 0);
        assert_eq!(n(Query { event_type: Some("Protests".into()), ..Query::default() }), 1);
        assert_eq!(n(Query { sub_event_type: Some("Armed clash".into()), ..Query::default() }), 1);
        assert_eq!(
            n(Query { date_from: Some("2021-03-12".into()), date_to: Some("2021-03-12".into()), ..Query::default() }),
            3
        );
        assert_eq!(n(Query { date_from: Some("2021-03-13".into()), ..Query::default() }), 0);
        assert_eq!(n(Query { date_to: Some("2021-03".into()), ..Query::default() }), 3);
        // Ouagadougou is at about 12.37 N, 1.52 W; Kaya 13.09 N, 1.08 W; Djibo 14.1 N, 1.6 W.
        assert_eq!(n(Query { bbox: Some([-1.7, 12.2, -1.3, 12.5]), ..Query::default() }), 1);
        assert_eq!(n(Query { bbox: Some([-2.0, 12.0, 0.0, 15.0]), ..Query::default() }), 3);
        let day = |d: &str| Some(d.to_string());
        let boxed =
            |from, to| Query { bbox: Some([-2.0, 12.0, 0.0, 15.0]), date_from: from, date_to: to, ..Query::default() };
        assert_eq!(n(boxed(day("2021-03-12"), day("2021-03-12"))), 3, "{db}");
        assert_eq!(n(boxed(day("2021-03-13"), None)), 0, "{db}");
        assert_eq!(n(boxed(None, day("2021-03-11"))), 0, "{db}");
        assert_eq!(n(Query { actor: Some("jnim".into()), ..Query::default() }), 1);
        assert_eq!(n(Query { status: Some("reported".into()), ..Query::default() }), 3);
        assert_eq!(n(Query { text: Some("market taxes".into()), ..Query::default() }), 1);
        assert_eq!(
            n(Query { text: Some("attaqué".into()), ..Query::default() }),
            1,
            "{db}: French sentences are searched too"
        );
        assert_eq!(
            n(Query { text: Some("ATTAQUE".into()), ..Query::default() }),
            1,
            "{db}: the search folds accents and case"
        );
        assert!(store.count(&Query { date_from: Some("yesterday".into()), ..Query::default() }).is_err());
        // Pages: by offset and by keyset give the same events in the same order.
        let all = store.query(&Query::default()).unwrap();
        let p1 = store.query(&Query { limit: Some(2), ..Query::default() }).unwrap();
        let p2 = store.query(&Query { limit: Some(2), offset: 2, ..Query::default() }).unwrap();
        let k2 =
            store.query(&Query { limit: Some(2), after: Some(p1[1].event_id.clone()), ..Query::default() }).unwrap();
        assert_eq!(p1.len() + p2.len(), all.len());
        assert_eq!(p2, k2);
        let stats = store.stats(&Query::default()).unwrap();
        assert_eq!(stats.events, 3);
        assert_eq!(stats.by_day, vec![("2021-03-12".to_string(), 3)], "{db}");
    }
}

#[test]
fn a_version_1_database_is_migrated_and_keeps_its_events() {
    for db in databases("migrate") {
        let store = Store::open(&db).unwrap();
        store.ingest(&reports()[..1]).unwrap();
        let before = store.count(&Query::default()).unwrap();
        drop(store);
        // Back to version 1: its date indexes, without version 2's.
        let v1 = "DROP INDEX events_date_span; DROP INDEX events_country_date_span; \
                  DROP INDEX events_type_date_span; DROP INDEX events_sub_type_date_span; \
                  CREATE INDEX events_country_date ON events(country, date_lo); \
                  CREATE INDEX events_type_date ON events(event_type, date_lo); \
                  CREATE INDEX events_sub_type_date ON events(sub_event_type, date_lo); \
                  CREATE INDEX events_date ON events(date_lo); UPDATE schema_version SET version = 1";
        let indexes = if db.starts_with("postgres") {
            let mut c = postgres::Client::connect(&db, postgres::NoTls).unwrap();
            c.batch_execute(v1).unwrap();
            drop(c);
            Store::open(&db).unwrap();
            let mut c = postgres::Client::connect(&db, postgres::NoTls).unwrap();
            c.query("SELECT indexname FROM pg_indexes WHERE tablename = 'events'", &[])
                .unwrap()
                .iter()
                .map(|r| r.get::<_, String>(0))
                .collect::<Vec<_>>()
        } else {
            rusqlite::Connection::open(&db).unwrap().execute_batch(v1).unwrap();
            Store::open(&db).unwrap();
            let c = rusqlite::Connection::open(&db).unwrap();
            let mut st =
                c.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'").unwrap();
            st.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap).collect::<Vec<_>>()
        };
        assert!(indexes.iter().any(|i| i == "events_country_date_span"), "{db}: {indexes:?}");
        assert!(!indexes.iter().any(|i| i == "events_country_date"), "{db}: {indexes:?}");
        assert_eq!(Store::open(&db).unwrap().count(&Query::default()).unwrap(), before, "{db}");
    }
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    for db in databases("schema") {
        Store::open(&db).unwrap().ingest(&reports()[..1]).unwrap();
        if db.starts_with("postgres") {
            let mut c = postgres::Client::connect(&db, postgres::NoTls).unwrap();
            c.batch_execute("UPDATE schema_version SET version = 99").unwrap();
        } else {
            let c = rusqlite::Connection::open(&db).unwrap();
            c.execute_batch("UPDATE schema_version SET version = 99").unwrap();
        }
        let e = Store::open(&db).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::SchemaTooNew, "{db}: {e}");
        assert!(e.to_string().contains("99"), "{e}");
        assert_eq!(Store::open_read_only(&db).unwrap_err().kind(), ErrorKind::SchemaTooNew);
    }
}

#[test]
fn read_only_stores_refuse_writes() {
    for db in databases("readonly") {
        Store::open(&db).unwrap().ingest(&reports()[..1]).unwrap();
        let ro = Store::open_read_only(&db).unwrap();
        assert_eq!(ro.count(&Query::default()).unwrap(), 1);
        let e = ro.ingest(&reports()[1..]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::ReadOnly, "{db}: {e}");
        assert_eq!(ro.count(&Query::default()).unwrap(), 1);
    }
}

#[test]
fn seeds_share_their_background_strike() {
    let Some(shared) = common::shared() else {
        eprintln!("notice: ../shared/seeds not found; skipped");
        return;
    };
    let docs: Vec<_> = sitrep_read::Reader::new(Default::default(), vec![shared.join("seeds")])
        .filter_map(sitrep_read::Item::doc)
        .collect();
    assert_eq!(docs.len(), 2);
    for db in databases("seeds") {
        let store = Store::open(&db).unwrap();
        store.ingest(&docs).unwrap();
        let strikes = store
            .query(&Query {
                date_from: Some("2020-01-03".into()),
                date_to: Some("2020-01-03".into()),
                ..Query::default()
            })
            .unwrap();
        assert!(strikes.iter().any(|e| e.corroboration == 2 && e.background), "{db}: {strikes:#?}");
    }
}

#[test]
fn sqlite_full_disk_writes_nothing_and_a_rerun_completes() {
    let dir = common::temp_dir("full");
    let path = dir.join("full.db").to_string_lossy().into_owned();
    let big: Vec<_> = (0..40)
        .map(|i| {
            doc(
                &format!("d{i}"),
                "en",
                "2021-03-13",
                &format!(
                    "On 12 March 2021, gunmen attacked the village of Kaya, killing {i} civilians. {}",
                    "Filler text. ".repeat(400)
                ),
            )
        })
        .collect();
    Store::open(&path).unwrap();
    let pages = |p: &str| -> u64 {
        rusqlite::Connection::open(p).unwrap().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap()
    };
    let limited = OpenOptions { max_page_count: Some(pages(&path) + 30), batch_size: 4, ..OpenOptions::default() };
    let store = Store::open_with(&path, limited).unwrap();
    let e = store.ingest(&big).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Full, "{e}");
    let partial = store.counts().unwrap();
    assert!(partial.documents < 40 && partial.documents.is_multiple_of(4), "only whole batches: {partial:?}");
    drop(store);
    // Space again: the same ingest completes, skipping what was committed.
    let store = Store::open(&path).unwrap();
    let r = store.ingest(&big).unwrap();
    assert_eq!(r.duplicates, partial.documents);
    assert_eq!(store.counts().unwrap().documents, 40);
    let check: String =
        rusqlite::Connection::open(&path).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn sqlite_locked_database_is_a_clear_error() {
    let dir = common::temp_dir("locked");
    let path = dir.join("locked.db").to_string_lossy().into_owned();
    Store::open(&path).unwrap();
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE; INSERT INTO id_counters VALUES ('ZZZ', 1);").unwrap();
    let quick = OpenOptions { busy_timeout: std::time::Duration::from_millis(100), ..OpenOptions::default() };
    let store = Store::open_with(&path, quick).unwrap();
    let e = store.ingest(&reports()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Locked, "{e}");
    assert!(e.to_string().contains("locked"), "{e}");
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(store.ingest(&reports()).unwrap().stored, 5);
}

#[test]
fn postgres_going_away_is_a_clear_error_and_a_rerun_completes() {
    let Some(url) = common::postgres("gone") else { return };
    let store = Store::open_with(&url, OpenOptions { batch_size: 2, ..OpenOptions::default() }).unwrap();
    let docs = reports();
    store.ingest(&docs[..2]).unwrap();
    // The server drops every connection of this database (as a restart would).
    let admin = std::env::var("SITREP_TEST_PG").unwrap();
    let mut c = postgres::Client::connect(&admin, postgres::NoTls).unwrap();
    let db = url.rsplit('/').next().unwrap();
    c.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", &[&db]).unwrap();
    let e = store.ingest(&docs).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Connection, "{e}");
    assert!(!e.to_string().contains("password"), "{e}");
    // The store reconnects on the next call; the rerun completes.
    let r = store.ingest(&docs).unwrap();
    assert_eq!((r.duplicates, r.stored), (2, 3));
    assert_eq!(store.counts().unwrap().documents, 5);
}

#[test]
fn threads_share_one_store() {
    for db in databases("threads") {
        let store = Store::open(&db).unwrap();
        store.ingest(&reports()).unwrap();
        std::thread::scope(|s| {
            for _ in 0..4 {
                let store = store.clone();
                s.spawn(move || {
                    for _ in 0..5 {
                        assert_eq!(store.count(&Query::default()).unwrap(), 3);
                    }
                });
            }
        });
    }
}

#[test]
fn synthetic_store_answers_what_the_generator_says() {
    for db in databases("synthetic") {
        let store = Store::open(&db).unwrap();
        assert_eq!(sitrep_store::generate_synthetic(&store, 3000).unwrap(), 3000);
        assert_eq!(sitrep_store::generate_synthetic(&store, 3000).unwrap(), 0, "{db}: already there");
        let queries = sitrep_store::bench_queries(3000, 40);
        assert!(queries.iter().any(|q| q.expected > 0));
        for q in &queries {
            assert_eq!(store.count(&q.query).unwrap(), q.expected, "{db}: {:?}", q.query);
        }
        // Wider boxes and longer periods too, against a count of the generator's events.
        let wide = Query { bbox: Some([-18.0, -35.0, 52.0, 37.0]), date_from: Some("2015".into()), ..Query::default() };
        let all = store.count(&Query { date_from: Some("2015".into()), ..Query::default() }).unwrap();
        assert_eq!(store.count(&wide).unwrap(), all, "{db}");
    }
}
