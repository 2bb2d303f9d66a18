//! `sitrep bench store`: query latency on a large store. An empty store is first filled
//! with deterministic synthetic events; every timed query's answer is checked against the
//! generator's truth, so a fast wrong answer fails the benchmark.

use std::process::ExitCode;
use std::time::Instant;

use sitrep_store::{bench_queries, generate_synthetic, Query, Store};

pub fn run(store: &Store, events: u64, queries: usize) -> Result<ExitCode, String> {
    let t = Instant::now();
    let added = generate_synthetic(store, events).map_err(|e| e.to_string())?;
    if added > 0 {
        let secs = t.elapsed().as_secs_f64();
        println!("generated {added} synthetic events in {secs:.1} s ({:.0} events/s)", added as f64 / secs);
    }
    let total = store.count(&Query::default()).map_err(|e| e.to_string())?;
    if total != events {
        return Err(format!(
            "the benchmark needs a store holding only its {events} synthetic events; {} holds {total} events \
             (use a new database, or --events {total} if they are all synthetic)",
            store.location()
        ));
    }
    let qs = bench_queries(events, queries.max(1));
    // A first, untimed pass warms the caches and checks every answer.
    for (i, q) in qs.iter().enumerate() {
        let n = store.query(&q.query).map_err(|e| e.to_string())?.len() as u64;
        if n != q.expected {
            return Err(format!("query {i} returned {n} events, expected {}: {:?}", q.expected, q.query));
        }
    }
    let mut ms = Vec::with_capacity(qs.len());
    for (i, q) in qs.iter().enumerate() {
        let t = Instant::now();
        let got = store.query(&q.query).map_err(|e| e.to_string())?;
        ms.push(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(got.len() as u64, q.expected, "query {i}: the answer changed between runs");
    }
    ms.sort_by(f64::total_cmp);
    let pct = |p: f64| ms[((ms.len() as f64 * p).ceil() as usize).clamp(1, ms.len()) - 1];
    let answered: u64 = qs.iter().map(|q| q.expected).sum();
    println!("| backend | events | queries (bbox 4° + 90 days + type) | events returned | p50 ms | p95 ms | max ms |");
    println!("|---|---|---|---|---|---|---|");
    println!(
        "| {} | {events} | {} | {answered} | {:.2} | {:.2} | {:.2} |",
        store.backend(),
        qs.len(),
        pct(0.50),
        pct(0.95),
        ms[ms.len() - 1]
    );
    Ok(ExitCode::SUCCESS)
}
