//! The event store's commands: `sitrep ingest`, `export`, `query`, `unmerge` and
//! `bench store`. Parsing lives here too, so `args.rs` only dispatches.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use lexopt::prelude::*;
use sitrep_code::Engine;
use sitrep_core::{Lang, PartialDate};
use sitrep_read::{Format, Item, ReadOptions, Reader};
use sitrep_store::{OpenOptions, Query, Store, StoredEvent};

pub const USAGE: &str = "    sitrep ingest   --db DB [--batch N] [-j N] [OPTIONS] [INPUT...]
    sitrep export   --db DB --format jsonl|csv|geojson|parquet [FILTERS] [--output FILE]
    sitrep query    --db DB [FILTERS] [--format table|jsonl|csv] [--limit N] [--offset N] [--after ID]
    sitrep unmerge  --db DB EVENT_ID DOC_ID
    sitrep bench store --db DB [--events N] [--queries N]

DB is a SQLite file (default: the configuration's db, else sitrep.db, created when
missing) or a postgres:// URL. ingest also takes --gazetteer FILE and --model FILE, and
every store command --config FILE, as 'sitrep code' does.
FILTERS: --country CC --admin1 NAME --bbox MINLON,MINLAT,MAXLON,MAXLAT --from DATE
    --to DATE --event-type T --sub-event-type T --actor NAME --status S --text WORDS
    --no-background
";

#[derive(Debug)]
pub enum Action {
    Ingest { inputs: Vec<PathBuf>, read: ReadOptions, threads: usize, quiet: bool },
    Export { format: String, output: Option<PathBuf> },
    Query { format: String },
    Unmerge { event_id: String, doc_id: String },
    Bench { events: u64, queries: usize },
}

#[derive(Debug)]
pub struct StoreOpts {
    /// Empty until the configuration file or the default fills it (see `main`).
    pub db: String,
    /// `ingest`: a gazetteer merged over the embedded one, and a trained model.
    pub gazetteer: Option<PathBuf>,
    pub model: Option<PathBuf>,
    /// A configuration file instead of the usual places.
    pub config: Option<PathBuf>,
    pub action: Action,
    pub query: Query,
    pub batch: usize,
}

/// Parses the arguments of `sub` (`ingest`, `export`, `query`, `unmerge`, `bench-store`).
pub fn parse(sub: &str, p: &mut lexopt::Parser) -> Result<StoreOpts, lexopt::Error> {
    let mut db = String::new();
    let (mut gazetteer, mut model, mut config) = (None, None, None);
    let mut q = Query::default();
    let mut inputs = Vec::new();
    let mut read = ReadOptions::default();
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (mut quiet, mut batch) = (false, OpenOptions::default().batch_size);
    let mut format = None;
    let mut output = None;
    let mut positional: Vec<String> = Vec::new();
    let (mut events, mut queries) = (1_000_000u64, 200usize);
    while let Some(arg) = p.next()? {
        match arg {
            Long("db") => db = p.value()?.string()?,
            Long("gazetteer") => gazetteer = Some(PathBuf::from(p.value()?)),
            Long("model") => model = Some(PathBuf::from(p.value()?)),
            Long("config") => config = Some(PathBuf::from(p.value()?)),
            Long("country") => q.country = Some(p.value()?.string()?),
            Long("admin1") => q.admin1 = Some(p.value()?.string()?),
            Long("bbox") => {
                let v = p.value()?.string()?;
                let n: Vec<f64> = v.split(',').filter_map(|x| x.trim().parse().ok()).collect();
                let [a, b, c, d] = n[..] else {
                    return Err(format!("--bbox: '{v}' is not MINLON,MINLAT,MAXLON,MAXLAT").into());
                };
                q.bbox = Some([a, b, c, d]);
            }
            Long("from") => q.date_from = Some(p.value()?.string()?),
            Long("to") => q.date_to = Some(p.value()?.string()?),
            Long("event-type") => q.event_type = Some(p.value()?.string()?),
            Long("sub-event-type") => q.sub_event_type = Some(p.value()?.string()?),
            Long("actor") => q.actor = Some(p.value()?.string()?),
            Long("status") => q.status = Some(p.value()?.string()?),
            Long("text") => q.text = Some(p.value()?.string()?),
            Long("no-background") => q.exclude_background = true,
            Long("limit") => q.limit = Some(p.value()?.parse()?),
            Long("offset") => q.offset = p.value()?.parse()?,
            Long("after") => q.after = Some(p.value()?.string()?),
            Long("format") => format = Some(p.value()?.string()?),
            Long("output") | Short('o') => output = Some(PathBuf::from(p.value()?)),
            Long("batch") => batch = p.value()?.parse()?,
            Short('j') | Long("threads") => threads = p.value()?.parse()?,
            Short('q') | Long("quiet") => quiet = true,
            Long("published") => {
                let v = p.value()?.string()?;
                read.published =
                    Some(PartialDate::parse_iso(&v).ok_or_else(|| format!("--published: '{v}' is not a date"))?);
            }
            Long("lang") => read.lang = Some(Lang::from_code(&p.value()?.string()?)),
            Long("input-format") => {
                let v = p.value()?.string()?;
                read.format = Format::from_name(&v).ok_or_else(|| format!("--input-format: unknown format '{v}'"))?;
            }
            Long("max-bytes") => read.max_bytes = p.value()?.parse()?,
            Long("events") => events = p.value()?.parse()?,
            Long("queries") => queries = p.value()?.parse()?,
            Value(v) => {
                positional.push(v.clone().string().unwrap_or_default());
                inputs.push(PathBuf::from(v));
            }
            _ => return Err(arg.unexpected()),
        }
    }
    let action = match sub {
        "ingest" => Action::Ingest { inputs, read, threads, quiet },
        "export" => {
            let format = format.ok_or("export: --format jsonl|csv|geojson|parquet is required")?;
            if !matches!(format.as_str(), "jsonl" | "csv" | "geojson" | "parquet") {
                return Err(format!("export: unknown format '{format}' (jsonl, csv, geojson, parquet)").into());
            }
            Action::Export { format, output }
        }
        "query" => {
            let format = format.unwrap_or_else(|| "table".into());
            if !matches!(format.as_str(), "table" | "jsonl" | "csv") {
                return Err(format!("query: unknown format '{format}' (table, jsonl, csv)").into());
            }
            Action::Query { format }
        }
        "unmerge" => match &positional[..] {
            [e, d] => Action::Unmerge { event_id: e.clone(), doc_id: d.clone() },
            _ => return Err("usage: sitrep unmerge --db DB EVENT_ID DOC_ID".into()),
        },
        _ => Action::Bench { events, queries },
    };
    Ok(StoreOpts { db, gazetteer, model, config, action, query: q, batch: batch.max(1) })
}

pub fn run(o: &StoreOpts) -> ExitCode {
    let options = OpenOptions {
        batch_size: o.batch,
        read_only: matches!(o.action, Action::Query { .. } | Action::Export { .. }),
        ..OpenOptions::default()
    };
    let store = match Store::open_with(&o.db, options) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("sitrep: {e}");
            return ExitCode::from(1);
        }
    };
    let r = match &o.action {
        Action::Ingest { inputs, read, threads, quiet } => {
            match crate::run::build_engine(o.gazetteer.as_deref(), o.model.as_deref()) {
                Ok(engine) => ingest(&store, &engine, inputs, read, *threads, *quiet, o.batch),
                Err(e) => Err(e),
            }
        }
        Action::Export { format, output } => export(&store, &o.query, format, output.as_ref()),
        Action::Query { format } => export(&store, &o.query, format, None),
        Action::Unmerge { event_id, doc_id } => store
            .unmerge(event_id, doc_id)
            .map(|id| {
                println!("{id}");
                eprintln!("sitrep: {doc_id} left {event_id}; it is now event {id}");
                ExitCode::SUCCESS
            })
            .map_err(|e| e.to_string()),
        Action::Bench { events, queries } => crate::bench_store::run(&store, *events, *queries),
    };
    match r {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sitrep: {e}");
            ExitCode::from(1)
        }
    }
}

fn ingest(
    store: &Store,
    engine: &Engine,
    inputs: &[PathBuf],
    read: &ReadOptions,
    threads: usize,
    quiet: bool,
    batch: usize,
) -> Result<ExitCode, String> {
    let started = Instant::now();
    let mut total = sitrep_store::IngestReport::default();
    let mut problems = 0u64;
    let mut docs = Vec::with_capacity(batch);
    let mut reader = Reader::new(read.clone(), inputs.to_vec()).peekable();
    while reader.peek().is_some() {
        docs.clear();
        while docs.len() < batch {
            match reader.next() {
                None => break,
                Some(Item::Problem(p)) => {
                    eprintln!("sitrep: {p}");
                    problems += 1;
                }
                Some(Item::Doc(d)) => docs.push(d),
            }
        }
        if docs.is_empty() {
            continue;
        }
        match store.ingest_with(engine, &docs, threads) {
            Ok(r) => total.add(&r),
            Err(e) => {
                eprintln!(
                    "sitrep: {e}\nsitrep: stopped after {} committed batches ({} documents stored); \
                     run the same command again to complete the ingest",
                    total.batches, total.stored
                );
                return Ok(ExitCode::from(1));
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    if !quiet {
        eprintln!(
            "sitrep: {} documents read, {} stored, {} already stored (skipped), {} unreadable; {} events coded: \
             {} new, {} linked to stored events; {} documents without events; {} batches in {secs:.2} s ({:.0} documents/s)",
            total.documents,
            total.stored,
            total.duplicates,
            problems,
            total.coded_events,
            total.new_events,
            total.linked,
            total.without_events,
            total.batches,
            total.documents as f64 / secs.max(1e-9)
        );
    }
    if total.documents == 0 {
        eprintln!("sitrep: no document could be read");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// CSV columns: ACLED's export order (as `sitrep code --format csv`), then the store's.
fn csv_columns() -> Vec<&'static str> {
    let mut c: Vec<&str> = crate::output::CSV_COLUMNS.to_vec();
    c.extend(["corroboration", "fatalities_reported"]);
    c
}

fn cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn export(store: &Store, q: &Query, format: &str, output: Option<&PathBuf>) -> Result<ExitCode, String> {
    let out: Box<dyn Write + Send> = match output {
        Some(path) => {
            Box::new(BufWriter::new(File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?))
        }
        None => Box::new(BufWriter::new(io::stdout())),
    };
    let shown = output.map_or("the output".to_string(), |p| p.display().to_string());
    let werr = |e: io::Error| format!("cannot write {shown}: {e}");
    let n = match format {
        "parquet" => store.export_parquet(q, out).map_err(|e| e.to_string())?,
        "jsonl" => {
            let mut out = out;
            let n = store
                .for_each(q, |e| {
                    serde_json::to_writer(&mut out, e).map_err(io::Error::from)?;
                    out.write_all(b"\n")?;
                    Ok(())
                })
                .map_err(|e| e.to_string())?;
            out.flush().map_err(werr)?;
            n
        }
        "csv" => {
            let mut w = csv::Writer::from_writer(out);
            let cols = csv_columns();
            w.write_record(&cols).map_err(|e| e.to_string())?;
            let n = store
                .for_each(q, |e| {
                    let v = serde_json::to_value(e).map_err(io::Error::from)?;
                    w.write_record(cols.iter().map(|c| cell(&v[*c]))).map_err(io::Error::other)?;
                    Ok(())
                })
                .map_err(|e| e.to_string())?;
            w.flush().map_err(werr)?;
            n
        }
        "geojson" => {
            let mut out = out;
            out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n").map_err(werr)?;
            let mut first = true;
            let n = store
                .for_each(q, |e| {
                    if !first {
                        out.write_all(b",\n")?;
                    }
                    first = false;
                    let geometry = match (e.longitude, e.latitude) {
                        (Some(lon), Some(lat)) => serde_json::json!({"type": "Point", "coordinates": [lon, lat]}),
                        _ => serde_json::Value::Null,
                    };
                    let f =
                        serde_json::json!({"type": "Feature", "id": e.event_id, "geometry": geometry, "properties": e});
                    serde_json::to_writer(&mut out, &f).map_err(io::Error::from)?;
                    Ok(())
                })
                .map_err(|e| e.to_string())?;
            out.write_all(b"\n]}\n").map_err(werr)?;
            out.flush().map_err(werr)?;
            n
        }
        _ => table(store, q, out).map_err(|e| e.to_string())?,
    };
    eprintln!("sitrep: {n} events");
    Ok(ExitCode::SUCCESS)
}

fn table(store: &Store, q: &Query, mut out: Box<dyn Write + Send>) -> sitrep_store::Result<u64> {
    let events = store.query(q)?;
    let total = store.count(q)?;
    writeln!(
        out,
        "{:<12} {:<10} {:<28} {:<22} {:>4} {:>3}  actor1",
        "event_id", "date", "sub_event_type", "location", "dead", "src"
    )?;
    for e in &events {
        writeln!(out, "{}", row(e))?;
    }
    if (events.len() as u64) < total {
        let next = events.last().map_or(String::new(), |e| format!("; next page: --after {}", e.event_id));
        writeln!(out, "({} of {total} events shown{next})", events.len())?;
    }
    out.flush()?;
    Ok(events.len() as u64)
}

fn row(e: &StoredEvent) -> String {
    let clip = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    format!(
        "{:<12} {:<10} {:<28} {:<22} {:>4} {:>3}  {}",
        e.event_id,
        e.event_date.as_deref().unwrap_or("?"),
        clip(&e.sub_event_type, 28),
        clip(e.location.as_deref().or(e.admin1.as_deref()).or(e.country.as_deref()).unwrap_or(""), 22),
        if e.fatalities_known { e.fatalities.to_string() } else { "?".into() },
        e.corroboration,
        e.actor1.as_deref().unwrap_or("")
    )
}
