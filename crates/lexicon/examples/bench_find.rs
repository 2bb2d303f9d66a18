//! Times `Lexicon::find` with the fr and en event, actor and cue lexicons over the lines of
//! the files given (each line one text): `cargo run --release -p sitrep-lexicon --example
//! bench_find -- ../shared/eval/dev/places_lgl.jsonl`.

use std::time::Instant;

use sitrep_lexicon::Lexicon;
use sitrep_text::Text;

fn main() {
    let lexicons: Vec<Lexicon> = [
        ("fr/events", include_str!("../../../data/lexicons/fr/events.tsv")),
        ("fr/actors", include_str!("../../../data/lexicons/fr/actors.tsv")),
        ("fr/cues", include_str!("../../../data/lexicons/fr/cues.tsv")),
        ("en/events", include_str!("../../../data/lexicons/en/events.tsv")),
        ("en/actors", include_str!("../../../data/lexicons/en/actors.tsv")),
        ("en/cues", include_str!("../../../data/lexicons/en/cues.tsv")),
    ]
    .iter()
    .map(|(name, src)| Lexicon::parse(name, src).expect("lexicon"))
    .collect();
    let mut lines = Vec::new();
    for path in std::env::args().skip(1) {
        let s = std::fs::read_to_string(&path).expect("readable file");
        lines.extend(s.lines().map(str::to_string));
    }
    let texts: Vec<Text<'_>> = lines.iter().map(|l| Text::new(l)).collect();
    let bytes: usize = lines.iter().map(String::len).sum();
    // The best of 5 rounds.
    let (mut hits, mut s) = (0, f64::MAX);
    for _ in 0..5 {
        let t0 = Instant::now();
        hits = 0;
        for text in &texts {
            for lex in &lexicons {
                hits += lex.find(text).len();
            }
        }
        s = s.min(t0.elapsed().as_secs_f64());
    }
    println!(
        "{hits} hits, {:.2} MB x {} lexicons in {s:.3} s: {:.1} MB/s per lexicon",
        bytes as f64 / 1e6,
        lexicons.len(),
        bytes as f64 * lexicons.len() as f64 / 1e6 / s
    );
}
