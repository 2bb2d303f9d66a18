//! Reads a JSONL of documents (`id`, `text`, `published`, `lang`) and prints one line of
//! date mentions per document, in the annotation shape of the I/O contract (§3):
//!
//! ```text
//! cargo run -p sitrep-time --example annotate_dates -- IN.jsonl [--future] > out.jsonl
//! ```
//!
//! `--future` reads bare weekdays and partial dates as upcoming (Duckling's convention);
//! `--dates-only` leaves out durations, sets and vague references.

use std::io::{BufRead, BufReader, Write};

use serde_json::{json, Value};
use sitrep_core::PartialDate;
use sitrep_text::Text;
use sitrep_time::{tag_dates_with, Options};

fn main() {
    let mut path = None;
    let mut options = Options { timex: true, ..Options::default() };
    for a in std::env::args().skip(1) {
        if a == "--future" {
            options.future = true;
        } else if a == "--dates-only" {
            options.timex = false;
        } else {
            path = Some(a);
        }
    }
    let Some(path) = path else {
        eprintln!("usage: annotate_dates IN.jsonl [--future] [--dates-only]");
        std::process::exit(2);
    };
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in BufReader::new(file).lines() {
        let line = line.expect("read error");
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value = serde_json::from_str(&line).expect("bad JSON line");
        let text = doc["text"].as_str().unwrap_or("");
        let lang = doc["lang"].as_str().unwrap_or("fr");
        let published = doc["published"].as_str().and_then(PartialDate::parse_iso);
        let t = Text::new(text);
        let mentions: Vec<Value> = tag_dates_with(&t, lang, published, options)
            .into_iter()
            .map(|m| {
                json!({
                    "kind": "date",
                    "start": m.start,
                    "end": m.end,
                    "text": t.slice(m.start, m.end),
                    "value": m.value_string(),
                    "type": m.kind.as_str(),
                    "precision": m.value.precision.as_str(),
                    "rule": m.rule,
                })
            })
            .collect();
        let rec = json!({"doc_id": doc["id"], "mentions": mentions});
        writeln!(out, "{rec}").expect("write error");
    }
}
