//! Throughput of the date tagger alone over JSON Lines corpora (`text`, `published`,
//! `lang`), on one core:
//!
//! ```text
//! cargo run --release -p sitrep-time --example bench_dates -- [--rounds N] FILE.jsonl...
//! ```
//!
//! Without files it reads the dev corpora in `../shared/eval/dev/`. Each round folds and
//! tokenizes the text (`Text::new`) and tags time expressions (all kinds) and numbers; every round must find the
//! same number of mentions as the first.

use std::time::Instant;

use serde_json::Value;
use sitrep_core::PartialDate;
use sitrep_text::Text;
use sitrep_time::{tag_numbers, tag_times};

fn main() {
    let mut rounds = 5;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--rounds" {
            rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds);
        } else {
            files.push(a);
        }
    }
    if files.is_empty() {
        let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/dev");
        files =
            ["dates_duckling_fr.jsonl", "dates_fr_timebank_dev.jsonl", "events_fr_dev.jsonl", "events_acled_dev.jsonl"]
                .iter()
                .map(|f| format!("{dev}/{f}"))
                .filter(|p| std::path::Path::new(p).exists())
                .collect();
    }
    let mut docs: Vec<(String, String, Option<PartialDate>)> = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{f}: {e}"));
        for line in src.lines().filter(|l| !l.trim().is_empty()) {
            let d: Value = serde_json::from_str(line).expect("bad JSON line");
            docs.push((
                d["text"].as_str().unwrap_or("").to_string(),
                d["lang"].as_str().unwrap_or("fr").to_string(),
                d["published"].as_str().and_then(PartialDate::parse_iso),
            ));
        }
    }
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let run = || -> (usize, usize) {
        let (mut dates, mut numbers) = (0, 0);
        for (text, lang, published) in &docs {
            let t = Text::new(text);
            dates += tag_times(&t, lang, *published).len();
            numbers += tag_numbers(&t, lang).len();
        }
        (dates, numbers)
    };
    let expected = run();
    let mut best = f64::INFINITY;
    for _ in 0..rounds {
        let t0 = Instant::now();
        let got = run();
        let secs = t0.elapsed().as_secs_f64();
        assert_eq!(got, expected, "mention counts changed between rounds");
        best = best.min(secs);
    }
    println!(
        "{} documents, {:.2} MB, {} date and {} number mentions: best of {rounds} rounds {:.3} s, {:.2} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        expected.0,
        expected.1,
        best,
        bytes as f64 / 1e6 / best
    );
}
