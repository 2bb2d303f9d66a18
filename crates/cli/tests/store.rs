//! The event store through the `sitrep` binary: a real ingest killed with SIGKILL in the
//! middle, then run again, must end exactly where an uninterrupted ingest ends; ingest
//! twice changes nothing; export and query write what was stored. On SQLite always, and
//! on PostgreSQL when `SITREP_TEST_PG` names a server (required with `SITREP_REQUIRE_PG=1`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use sitrep_store::{Query, Store};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-cli-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn postgres(name: &str) -> Option<String> {
    let Ok(admin) = std::env::var("SITREP_TEST_PG") else {
        if std::env::var("SITREP_REQUIRE_PG").is_ok_and(|v| v == "1") {
            panic!("SITREP_REQUIRE_PG=1 but SITREP_TEST_PG is not set: run .ci/postgres.sh first");
        }
        eprintln!("notice: SITREP_TEST_PG is not set; the PostgreSQL half of '{name}' is skipped");
        return None;
    };
    let db = format!("c_{name}_{}", std::process::id());
    let mut c = postgres::Client::connect(&admin, postgres::NoTls).expect("the test server answers");
    c.batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)")).unwrap();
    c.batch_execute(&format!("CREATE DATABASE {db}")).unwrap();
    Some(format!("{}/{db}", admin.rsplit_once('/').unwrap().0))
}

/// Two fresh databases per backend for test `name`.
fn database_pairs(name: &str) -> Vec<(String, String)> {
    let dir = temp_dir(&format!("{name}-db"));
    let mut v = vec![(dir.join("a.db").display().to_string(), dir.join("b.db").display().to_string())];
    if let (Some(a), Some(b)) = (postgres(&format!("{name}_a")), postgres(&format!("{name}_b"))) {
        v.push((a, b));
    }
    v
}

fn sitrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep")).args(args).current_dir(root()).output().unwrap()
}

const TOWNS: &[&str] =
    &["Kaya", "Djibo", "Dori", "Ouahigouya", "Koudougou", "Banfora", "Tenkodogo", "Kongoussi", "Arbinda", "Titao"];
const MONTHS: &[(&str, &str)] =
    &[("January", "janvier"), ("March", "mars"), ("May", "mai"), ("July", "juillet"), ("October", "octobre")];
const NUMBERS: &[(&str, &str)] = &[("two", "deux"), ("three", "trois"), ("five", "cinq"), ("seven", "sept")];

/// A corpus written for this test: attacks in ten towns over five months, each told in
/// English and, for one in three, again in French.
fn corpus(dir: &Path) -> (PathBuf, usize) {
    let mut lines = Vec::new();
    for i in 0..200usize {
        let town = TOWNS[i % TOWNS.len()];
        let (en_month, fr_month) = MONTHS[(i / TOWNS.len()) % MONTHS.len()];
        let day = 1 + (i / (TOWNS.len() * MONTHS.len())) * 7 % 28;
        let month = 1 + 2 * ((i / TOWNS.len()) % MONTHS.len()) - usize::from((i / TOWNS.len()) % MONTHS.len() == 4);
        let (en_n, fr_n) = NUMBERS[i % NUMBERS.len()];
        let published = format!("2021-{month:02}-{:02}", day + 1);
        let en = format!("On {day} {en_month} 2021, unidentified gunmen attacked the village of {town} in Burkina Faso, killing {en_n} civilians.");
        lines.push(
            serde_json::json!({"id": format!("en{i:03}"), "lang": "en", "published": published, "text": en})
                .to_string(),
        );
        if i % 3 == 0 {
            let fr = format!("Le {day} {fr_month} 2021, des hommes armés non identifiés ont attaqué le village de {town} et tué {fr_n} civils.");
            lines.push(
                serde_json::json!({"id": format!("fr{i:03}"), "lang": "fr", "published": published, "text": fr})
                    .to_string(),
            );
        }
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    (path, lines.len())
}

fn export(db: &str) -> String {
    let out = sitrep(&["export", "--db", db, "--format", "jsonl"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Every stored document has its annotation and every event at least one report: no
/// half-written document.
fn assert_whole(db: &str, batch: u64) {
    let store = Store::open_read_only(db).unwrap();
    let c = store.counts().unwrap();
    assert_eq!(c.documents % batch, 0, "{db}: only whole batches are committed: {c:?}");
    for e in store.query(&Query::default()).unwrap() {
        assert!(!e.sources.is_empty(), "{db}: {} has no source", e.event_id);
        for s in &e.sources {
            assert!(store.document(&s.doc_id).unwrap().is_some(), "{db}: {} lost its document", e.event_id);
        }
    }
    if !db.starts_with("postgres") {
        let ok: String = rusqlite_check(db);
        assert_eq!(ok, "ok", "{db}");
    }
}

fn rusqlite_check(db: &str) -> String {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

#[test]
fn kill_9_mid_ingest_then_rerun_equals_an_uninterrupted_ingest() {
    let dir = temp_dir("kill");
    let (input, n) = corpus(&dir);
    let input = input.display().to_string();
    for (reference, crashed) in database_pairs("kill") {
        let ingest = |db: &str| {
            vec!["ingest", "--db", db, "--batch", "4", "-j", "1", "-q", input.as_str()]
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        let out = Command::new(env!("CARGO_BIN_EXE_sitrep")).args(ingest(&reference)).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let expected = Store::open_read_only(&reference).unwrap().counts().unwrap();
        assert_eq!(expected.documents, n as u64);

        // Kill a real ingest once it has committed some batches, before it ends.
        let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(ingest(&crashed))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stored = 0;
        for _ in 0..60_000 {
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            stored = Store::open_read_only(&crashed).and_then(|s| s.counts()).map_or(0, |c| c.documents);
            if stored >= 12 {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success(), "{crashed}: the ingest ended before it could be killed ({stored} documents)");
        let after = Store::open_read_only(&crashed).unwrap().counts().unwrap();
        assert!(after.documents >= 12 && after.documents < n as u64, "{crashed}: killed mid-run: {after:?}");
        assert_whole(&crashed, 4);

        // The same command again completes, and the store equals the uninterrupted one.
        let out = Command::new(env!("CARGO_BIN_EXE_sitrep")).args(ingest(&crashed)).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(Store::open_read_only(&crashed).unwrap().counts().unwrap(), expected, "{crashed}");
        assert_eq!(export(&crashed), export(&reference), "{crashed}: same events, ids and sources");
        assert_whole(&crashed, 1);
    }
}

#[test]
fn ingest_twice_changes_nothing_and_export_writes_every_format() {
    let dir = temp_dir("twice");
    let (input, n) = corpus(&dir);
    let input = input.display().to_string();
    for (db, _) in database_pairs("twice") {
        let out = sitrep(&["ingest", "--db", &db, &input]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let first = export(&db);
        let out = sitrep(&["ingest", "--db", &db, &input]);
        let summary = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(summary.contains(&format!("0 stored, {n} already stored")), "{summary}");
        assert_eq!(export(&db), first, "{db}");

        // jsonl: §2 fields with sources; French and English reports of an attack share one.
        let events: Vec<serde_json::Value> = first.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        // ACLED-style ids: ISO 3166 alpha-3 (XXX when no country was coded) and a number.
        for e in &events {
            let id = e["event_id"].as_str().unwrap();
            let (prefix, number) = id.split_once('-').unwrap();
            assert!(prefix.len() == 3 && number.len() == 6 && number.parse::<u32>().is_ok(), "{id}");
        }
        assert!(events.iter().filter(|e| e["event_id"].as_str().unwrap().starts_with("BFA-")).count() > 50);
        let linked = events.iter().filter(|e| e["sources"].as_array().unwrap().len() == 2).count();
        assert!(linked >= 50, "{db}: {linked} events with two sources");
        // csv: ACLED's columns first.
        let csv = sitrep(&["export", "--db", &db, "--format", "csv"]);
        let csv = String::from_utf8(csv.stdout).unwrap();
        assert!(csv.starts_with("event_id,event_date,date_precision,event_type,sub_event_type,actor1"), "{csv:.200}");
        assert_eq!(csv.lines().count(), events.len() + 1);
        // GeoJSON: a FeatureCollection with a point per event.
        let geo = sitrep(&["export", "--db", &db, "--format", "geojson"]);
        let geo: serde_json::Value = serde_json::from_slice(&geo.stdout).unwrap();
        assert_eq!(geo["features"].as_array().unwrap().len(), events.len());
        assert_eq!(geo["features"][0]["geometry"]["type"], "Point");
        // Parquet: a file with the magic bytes at both ends.
        let pq = dir.join("events.parquet");
        let out = sitrep(&["export", "--db", &db, "--format", "parquet", "--output", pq.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let bytes = std::fs::read(&pq).unwrap();
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"), "{} bytes", bytes.len());
        // query: filters and formats.
        let q = sitrep(&["query", "--db", &db, "--text", "Djibo", "--format", "jsonl"]);
        let hits: Vec<serde_json::Value> =
            String::from_utf8(q.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert!(!hits.is_empty() && hits.iter().all(|e| e["location"] == "Djibo"), "{db}");
        let table = sitrep(&["query", "--db", &db, "--country", "BF", "--limit", "3"]);
        let table = String::from_utf8(table.stdout).unwrap();
        assert!(table.lines().next().unwrap().starts_with("event_id"), "{table}");
        assert!(table.contains("next page: --after BFA-"), "{table}");
    }
}

#[test]
fn a_missing_directory_or_bad_filter_is_a_clear_error() {
    let out = sitrep(&["query", "--db", "/nonexistent/dir/x.db"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/dir/x.db"));
    let out = sitrep(&["query", "--db", "postgres://u:hunter2@127.0.0.1:1/x"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("hunter2") && err.contains("127.0.0.1:1"), "{err}");
}
