//! `sitrep code` and `sitrep annotate`: read, analyze, write, summarize.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use sitrep_code::Engine;
use sitrep_core::Document;
use sitrep_read::{Item, ReadOptions, Reader};

use crate::args::RunOpts;
use crate::output::{write_annotation, EventWriter};

/// The embedded gazetteer with the user's file merged over it, for the whole run.
pub fn user_gazetteer(path: &std::path::Path) -> Result<&'static sitrep_geo::Gazetteer, sitrep_geo::Error> {
    let extra = sitrep_geo::Gazetteer::from_path(path)?;
    Ok(Box::leak(Box::new(sitrep_geo::Gazetteer::merged(sitrep_geo::Gazetteer::embedded(), extra))))
}

/// What one document gave.
enum Coded {
    Annotation(sitrep_core::Annotation),
    Events(Vec<sitrep_core::Event>),
    /// `sitrep explain`'s text, and how many events it explains.
    Explanation(String, usize),
}

/// What to make of each document.
#[derive(Clone, Copy)]
enum Mode {
    Events,
    Annotation,
    Explain,
}

#[derive(Default)]
struct Counts {
    read: u64,
    skipped: u64,
    events: u64,
    without_events: u64,
    bytes: u64,
}

pub fn run(o: &RunOpts) -> ExitCode {
    let started = Instant::now();
    let out: Box<dyn Write> = match &o.output {
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(BufWriter::new(f)),
            Err(e) => {
                eprintln!("sitrep: cannot write {}: {e}", path.display());
                return ExitCode::from(1);
            }
        },
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let opts =
        ReadOptions { format: o.input_format, published: o.published, lang: o.lang.clone(), max_bytes: o.max_bytes };
    let engine = match build_engine(o.gazetteer.as_deref(), o.model.as_deref()) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("sitrep: {e}");
            return ExitCode::from(2);
        }
    };
    let mut counts = Counts::default();
    let mut progress = Progress::new(!o.quiet && io::stderr().is_terminal());
    let result = process(o, &engine, Reader::new(opts, o.inputs.clone()), out, &mut counts, &mut progress);
    progress.clear();
    let secs = started.elapsed().as_secs_f64();
    if let Err(e) = result {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("sitrep: cannot write the output: {e}");
        return ExitCode::from(1);
    }
    if !o.quiet {
        let what = if o.annotate && !o.explain {
            format!("{} annotations written", counts.read)
        } else {
            format!("{} events coded, {} documents without events", counts.events, counts.without_events)
        };
        eprintln!(
            "sitrep: {} documents read ({:.1} MB), {} skipped, {what}, in {secs:.2} s",
            counts.read,
            counts.bytes as f64 / 1e6,
            counts.skipped
        );
    }
    if counts.read == 0 {
        eprintln!("sitrep: no document could be read");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Documents are coded in batches, each batch split across the worker threads and
/// written back in input order, so the output is the same whatever the thread count.
const BATCH: usize = 512;

fn process(
    o: &RunOpts,
    engine: &Engine,
    reader: Reader,
    mut out: Box<dyn Write>,
    counts: &mut Counts,
    progress: &mut Progress,
) -> io::Result<()> {
    let mut events = None;
    if !o.annotate && !o.explain {
        events = Some(EventWriter::new(o.format, std::mem::replace(&mut out, Box::new(io::sink())))?);
    }
    let threads = o.threads.max(1);
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let mut reader = reader.peekable();
    while reader.peek().is_some() {
        batch.clear();
        while batch.len() < BATCH {
            match reader.next() {
                None => break,
                Some(Item::Problem(p)) => {
                    progress.clear();
                    eprintln!("sitrep: {p}");
                    counts.skipped += 1;
                }
                Some(Item::Doc(doc)) => {
                    for w in &doc.warnings {
                        progress.clear();
                        eprintln!("sitrep: {}: {w}", doc.origin);
                    }
                    batch.push(doc);
                }
            }
        }
        let mode = match (o.explain, events.is_some()) {
            (true, _) => Mode::Explain,
            (false, true) => Mode::Events,
            (false, false) => Mode::Annotation,
        };
        let coded = code_batch(engine, &batch, mode, threads);
        for (doc, coded) in batch.iter().zip(coded) {
            // A bug met on one document must not end the run: it is reported and skipped.
            let Some(coded) = coded else {
                progress.clear();
                eprintln!(
                    "sitrep: {}: internal error while coding this document (skipped; please report it)",
                    doc.origin
                );
                counts.skipped += 1;
                continue;
            };
            counts.read += 1;
            counts.bytes += doc.text.len() as u64;
            match (&mut events, coded) {
                (_, Coded::Annotation(annotation)) => write_annotation(&mut out, &annotation)?,
                (_, Coded::Explanation(text, n)) => {
                    out.write_all(text.as_bytes())?;
                    out.write_all(b"\n")?;
                    if n == 0 {
                        counts.without_events += 1;
                    }
                    counts.events += n as u64;
                }
                (None, Coded::Events(_)) => unreachable!("events are coded only for an event writer"),
                (Some(w), Coded::Events(evs)) => {
                    if evs.is_empty() {
                        counts.without_events += 1;
                    }
                    for e in &evs {
                        w.write(e)?;
                    }
                    counts.events += evs.len() as u64;
                }
            }
        }
        progress.tick(counts.read, counts.bytes);
    }
    match events {
        Some(w) => w.finish(),
        None => out.flush(),
    }
}

/// Codes a batch on `threads` threads; `None` marks a document whose coding panicked.
fn code_batch(engine: &Engine, docs: &[Document], mode: Mode, threads: usize) -> Vec<Option<Coded>> {
    let one = |doc: &Document| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let analysis = engine.analyze(doc);
            match mode {
                Mode::Events => Coded::Events(analysis.events()),
                Mode::Annotation => Coded::Annotation(analysis.annotation()),
                Mode::Explain => {
                    let events = analysis.events();
                    Coded::Explanation(analysis.explain(&events), events.len())
                }
            }
        }))
        .ok()
    };
    if threads <= 1 || docs.len() < 2 {
        return docs.iter().map(one).collect();
    }
    let chunk = docs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> =
            docs.chunks(chunk).map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>())).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

/// A one-line progress report on stderr, shown only on a terminal and only once a run has
/// lasted a second.
struct Progress {
    on: bool,
    started: Instant,
    last: Instant,
    shown: bool,
}

impl Progress {
    fn new(on: bool) -> Progress {
        let now = Instant::now();
        Progress { on, started: now, last: now, shown: false }
    }

    fn tick(&mut self, docs: u64, bytes: u64) {
        if !self.on || self.last.elapsed() < Duration::from_millis(250) {
            return;
        }
        let secs = self.started.elapsed().as_secs_f64();
        if secs < 1.0 {
            return;
        }
        self.last = Instant::now();
        self.shown = true;
        eprint!("\r\x1b[2K{docs} documents, {:.1} MB, {:.0} documents/s", bytes as f64 / 1e6, docs as f64 / secs);
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[2K");
            self.shown = false;
        }
    }
}

/// The engine with a user's gazetteer merged over the embedded one and a trained model,
/// when given; errors name the file.
pub fn build_engine(gazetteer: Option<&std::path::Path>, model: Option<&std::path::Path>) -> Result<Engine, String> {
    let mut engine = match gazetteer {
        None => Engine::new(),
        Some(path) => Engine::with_gazetteer(user_gazetteer(path).map_err(|e| e.to_string())?),
    };
    if let Some(path) = model {
        let m = File::open(path)
            .and_then(|f| sitrep_code::Model::read(io::BufReader::new(f)))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        engine = engine.with_model(m);
    }
    Ok(engine)
}
