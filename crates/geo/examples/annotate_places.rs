//! Annotates the places in a JSONL file (`{"id": .., "text": .., "lang": ..}` a line) and
//! prints `{"doc_id": .., "mentions": [{"kind": "place", ..}]}` a line, the shape
//! `score.py places` reads.
//!
//! `cargo run --release -p sitrep-geo --example annotate_places -- IN.jsonl > OUT.jsonl`

use std::io::{BufRead, Write};
use std::time::Instant;

use serde_json::{json, Value};
use sitrep_geo::{find_places, Gazetteer};
use sitrep_text::Text;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: annotate_places IN.jsonl")?;
    let t0 = Instant::now();
    let g = Gazetteer::embedded();
    eprintln!("gazetteer: {} entries loaded in {:?} ({})", g.places().len(), t0.elapsed(), g.header());
    let input = std::io::BufReader::new(std::fs::File::open(&path)?);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let t1 = Instant::now();
    let mut docs = 0;
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line)?;
        let id = v.get("id").cloned().unwrap_or(Value::Null);
        let text = v.get("text").and_then(Value::as_str).unwrap_or("");
        let lang = v.get("lang").and_then(Value::as_str).unwrap_or("en");
        let t = Text::new(text);
        let mentions: Vec<Value> = find_places(&t, lang, g)
            .into_iter()
            .map(|m| {
                json!({
                    "kind": "place", "start": m.start, "end": m.end,
                    "text": t.slice(m.start, m.end), "name": m.name, "country": m.country,
                    "admin1": m.admin1, "latitude": m.latitude, "longitude": m.longitude,
                    "geonames_id": m.geonames_id, "geo_precision": m.geo_precision,
                    "feature": m.feature, "rule": m.rule,
                })
            })
            .collect();
        writeln!(out, "{}", json!({"doc_id": id, "mentions": mentions}))?;
        docs += 1;
    }
    eprintln!("{docs} documents in {:?}", t1.elapsed());
    Ok(())
}
