//! Gazetteer load time and toponym matcher throughput, with the output checked on every
//! round.
//!
//! ```text
//! cargo run --release -p sitrep-geo --example geo_bench -- load [N]
//! cargo run --release -p sitrep-geo --example geo_bench -- match [ROUNDS] FILE.jsonl...
//! ```
//!
//! `load` parses the embedded gazetteer N times (default 5) and prints each time in ms,
//! then the peak resident memory (VmHWM). `match` reads JSON Lines documents (`text`,
//! `lang`), folds each text and finds its places; every round must give the same
//! mention count and checksum of (offsets, GeoNames id, precision), which are printed so
//! that two builds can be compared. A second measure times `find_places` alone, on texts
//! folded and tokenized beforehand (the engine folds and tokenizes once for all stages).

use std::time::Instant;

use sitrep_geo::{find_places, Gazetteer};
use sitrep_text::Text;

fn vm_hwm() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM")).map(|l| l.split_whitespace().skip(1).collect()))
        .unwrap_or_default()
}

fn fnv(h: &mut u64, x: u64) {
    for b in x.to_le_bytes() {
        *h = (*h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("load") => {
            let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(5);
            let mut ms = Vec::new();
            for _ in 0..n {
                let t = Instant::now();
                let g = Gazetteer::load_embedded();
                ms.push(t.elapsed().as_secs_f64() * 1e3);
                std::hint::black_box(&g);
            }
            let mut s = ms.clone();
            s.sort_by(f64::total_cmp);
            println!(
                "load: {} runs, ms {:?}, min {:.1} median {:.1}; VmHWM {}",
                n,
                ms.iter().map(|x| (x * 10.0).round() / 10.0).collect::<Vec<_>>(),
                s[0],
                s[s.len() / 2],
                vm_hwm()
            );
        }
        Some("match") => {
            let rounds: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(3);
            let mut docs: Vec<(String, String)> = Vec::new();
            for path in &args[2..] {
                let s = std::fs::read_to_string(path).expect("corpus");
                for line in s.lines().filter(|l| !l.trim().is_empty()) {
                    let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
                    let text = v["text"].as_str().unwrap_or("").to_string();
                    let lang = v["lang"].as_str().unwrap_or("en").to_string();
                    docs.push((text, lang));
                }
            }
            let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
            let t = Instant::now();
            let g = Gazetteer::embedded();
            println!("gazetteer: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
            let mut expected = None;
            let mut secs = Vec::new();
            for round in 0..rounds.max(1) {
                let t = Instant::now();
                let (mut count, mut sum) = (0usize, 0xcbf2_9ce4_8422_2325u64);
                for (text, lang) in &docs {
                    let text = Text::new(text);
                    for m in find_places(&text, lang, g) {
                        count += 1;
                        fnv(&mut sum, m.start as u64);
                        fnv(&mut sum, m.end as u64);
                        fnv(&mut sum, m.geonames_id.unwrap_or(0));
                        fnv(&mut sum, m.geo_precision as u64);
                    }
                }
                let s = t.elapsed().as_secs_f64();
                match expected {
                    None => expected = Some((count, sum)),
                    Some(e) => assert_eq!(e, (count, sum), "round {round}: output changed"),
                }
                secs.push(s);
            }
            // The same with the texts folded and tokenized beforehand (as the engine
            // does for every stage): the geocoder's own time.
            let texts: Vec<Text<'_>> = docs.iter().map(|(t, _)| Text::new(t)).collect();
            for t in &texts {
                t.tokens_ref();
            }
            let mut own = Vec::new();
            // (GEO_BENCH_ONLY_FIRST=1 skips this measure, e.g. under callgrind.)
            let second = if std::env::var_os("GEO_BENCH_ONLY_FIRST").is_some() { 0 } else { rounds.max(1) };
            for round in 0..second {
                let t = Instant::now();
                let (mut count, mut sum) = (0usize, 0xcbf2_9ce4_8422_2325u64);
                for (text, (_, lang)) in texts.iter().zip(&docs) {
                    for m in find_places(text, lang, g) {
                        count += 1;
                        fnv(&mut sum, m.start as u64);
                        fnv(&mut sum, m.end as u64);
                        fnv(&mut sum, m.geonames_id.unwrap_or(0));
                        fnv(&mut sum, m.geo_precision as u64);
                    }
                }
                own.push(t.elapsed().as_secs_f64());
                assert_eq!(expected, Some((count, sum)), "round {round} (folded beforehand): output changed");
            }
            own.sort_by(f64::total_cmp);
            let (count, sum) = expected.expect("a round");
            secs.sort_by(f64::total_cmp);
            let (min, med) = (secs[0], secs[secs.len() / 2]);
            println!(
                "match: {} docs, {:.2} MB; {count} mentions, checksum {sum:016x}; \
                 min {:.3} s ({:.2} MB/s, {:.0} docs/s), median {:.3} s ({:.2} MB/s)",
                docs.len(),
                bytes as f64 / 1e6,
                min,
                bytes as f64 / 1e6 / min,
                docs.len() as f64 / min,
                med,
                bytes as f64 / 1e6 / med
            );
            if own.is_empty() {
                return;
            }
            println!(
                "find_places only (texts folded and tokenized beforehand): min {:.3} s ({:.2} MB/s, {:.0} docs/s), \
                 median {:.3} s ({:.2} MB/s)",
                own[0],
                bytes as f64 / 1e6 / own[0],
                docs.len() as f64 / own[0],
                own[own.len() / 2],
                bytes as f64 / 1e6 / own[own.len() / 2]
            );
        }
        _ => eprintln!("usage: geo_bench load [N] | match [ROUNDS] FILE.jsonl..."),
    }
}
