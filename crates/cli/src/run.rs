//! `sitrep code` and `sitrep annotate`: read, analyze, write, summarize.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use sitrep_code::Engine;
use sitrep_read::{Item, ReadOptions, Reader};

use crate::args::RunOpts;
use crate::output::{write_annotation, EventWriter};

/// What one document gave.
enum Coded {
    Annotation(sitrep_core::Annotation),
    Events(Vec<sitrep_core::Event>),
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
    let engine = Engine::new();
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
        let what = if o.annotate {
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

fn process(
    o: &RunOpts,
    engine: &Engine,
    reader: Reader,
    mut out: Box<dyn Write>,
    counts: &mut Counts,
    progress: &mut Progress,
) -> io::Result<()> {
    let mut events = None;
    if !o.annotate {
        events = Some(EventWriter::new(o.format, std::mem::replace(&mut out, Box::new(io::sink())))?);
    }
    for item in reader {
        let doc = match item {
            Item::Doc(doc) => doc,
            Item::Problem(p) => {
                progress.clear();
                eprintln!("sitrep: {p}");
                counts.skipped += 1;
                continue;
            }
        };
        for w in &doc.warnings {
            progress.clear();
            eprintln!("sitrep: {}: {w}", doc.origin);
        }
        counts.read += 1;
        counts.bytes += doc.text.len() as u64;
        // A bug met on one document must not end the run: report it and go on.
        let coded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let analysis = engine.analyze(&doc);
            if events.is_some() {
                Coded::Events(analysis.events())
            } else {
                Coded::Annotation(analysis.annotation())
            }
        }));
        let Ok(coded) = coded else {
            progress.clear();
            eprintln!("sitrep: {}: internal error while coding this document (skipped; please report it)", doc.origin);
            counts.read -= 1;
            counts.skipped += 1;
            continue;
        };
        match (&mut events, coded) {
            (_, Coded::Annotation(annotation)) => write_annotation(&mut out, &annotation)?,
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
        progress.tick(counts.read, counts.bytes);
    }
    match events {
        Some(w) => w.finish(),
        None => out.flush(),
    }
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
