//! `sitrep bench`: throughput of `annotate` and `code` over real corpora, one core.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use sitrep_code::Engine;
use sitrep_core::Document;
use sitrep_read::{Item, ReadOptions, Reader};

use crate::args::BenchOpts;

/// The corpora used when none is named: every document set of the evaluation (all their
/// notes and articles) and the seed articles, read in place from the shared folder.
const DEFAULT_CORPORA: &[&str] = &[
    "../shared/eval/dev/events_acled_dev.jsonl",
    "../shared/eval/dev/events_fr_dev.jsonl",
    "../shared/eval/dev/events_seeds.jsonl",
    "../shared/eval/dev/dates_duckling_fr.jsonl",
    "../shared/eval/dev/dates_fr_timebank_dev.jsonl",
    "../shared/eval/dev/places_lgl.jsonl",
    "../shared/eval/dev/places_trnews.jsonl",
    "../shared/eval/dev/places_geovirus.jsonl",
    "../shared/seeds",
];

pub fn bench(o: &BenchOpts) -> ExitCode {
    let corpora: Vec<PathBuf> = if o.corpora.is_empty() {
        DEFAULT_CORPORA.iter().map(PathBuf::from).filter(|p| p.exists()).collect()
    } else {
        o.corpora.clone()
    };
    if corpora.is_empty() {
        eprintln!("sitrep bench: no corpus found; name one with --corpus DIR");
        return ExitCode::from(2);
    }
    let mut docs: Vec<Document> = Vec::new();
    let mut problems = 0;
    for item in Reader::new(ReadOptions::default(), corpora.clone()) {
        match item {
            Item::Doc(d) => docs.push(d),
            Item::Problem(p) => {
                eprintln!("sitrep bench: {p}");
                problems += 1;
            }
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "corpus: {} documents, {:.2} MB of text, {problems} unreadable, from {}",
        docs.len(),
        mb,
        corpora.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    );
    if docs.is_empty() {
        return ExitCode::from(1);
    }
    let t = Instant::now();
    let engine = Engine::new();
    let setup = t.elapsed().as_secs_f64();

    // A first pass fixes the expected output; every timed round must reproduce it.
    let expected_mentions: usize = docs.iter().map(|d| engine.analyze(d).annotation().mentions.len()).sum();
    let expected_events: usize = docs.iter().map(|d| engine.analyze(d).events().len()).sum();
    assert!(expected_events > 0, "the corpus produced no event at all");

    println!("engine setup: {:.3} s", setup);
    println!("| stage | documents | MB | seconds | documents/s | MB/s (1 core) | output |");
    println!("|---|---|---|---|---|---|---|");
    for round in 0..o.rounds.max(1) {
        let t = Instant::now();
        let mut mentions = 0;
        for d in &docs {
            mentions += engine.analyze(d).annotation().mentions.len();
        }
        let secs = t.elapsed().as_secs_f64();
        assert_eq!(mentions, expected_mentions, "annotate round {round}: output changed between runs");
        row("annotate", docs.len(), mb, secs, &format!("{mentions} mentions"));

        let t = Instant::now();
        let mut events = 0;
        for d in &docs {
            events += engine.analyze(d).events().len();
        }
        let secs = t.elapsed().as_secs_f64();
        assert_eq!(events, expected_events, "code round {round}: output changed between runs");
        row("code", docs.len(), mb, secs, &format!("{events} events"));
    }
    ExitCode::SUCCESS
}

fn row(stage: &str, docs: usize, mb: f64, secs: f64, output: &str) {
    println!("| {stage} | {docs} | {mb:.2} | {secs:.2} | {:.0} | {:.2} | {output} |", docs as f64 / secs, mb / secs);
}
