//! Serves events from `sitrep code` output over an in-memory source, without a store: for
//! working on the page.
//!
//! ```text
//! sitrep code examples/ > /tmp/events.jsonl
//! cargo run -p sitrep-serve --example memory -- /tmp/events.jsonl examples/ [127.0.0.1:8080]
//! ```

use std::sync::Arc;

use serde_json::Value;
use sitrep_read::{ReadOptions, Reader};
use sitrep_serve::{Config, MemorySource};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [events, inputs, rest @ ..] = &args[..] else {
        return Err("usage: memory EVENTS.jsonl INPUT [ADDR]".into());
    };
    let addr = rest.first().map_or("127.0.0.1:8080", String::as_str).parse()?;
    let mut by_doc: std::collections::HashMap<String, Vec<Value>> = Default::default();
    for line in std::fs::read_to_string(events)?.lines().filter(|l| !l.trim().is_empty()) {
        let e: Value = serde_json::from_str(line)?;
        by_doc.entry(e["doc_id"].as_str().unwrap_or_default().to_string()).or_default().push(e);
    }
    let src = MemorySource::new(None);
    for doc in Reader::new(ReadOptions::default(), vec![inputs.into()]).filter_map(|i| i.doc()) {
        let evs = by_doc.remove(&doc.id).unwrap_or_default();
        src.add(&doc, evs);
    }
    sitrep_serve::serve(Arc::new(src), addr, Config::default(), |a| eprintln!("serving on http://{a}/"))?;
    Ok(())
}
