//! A learned sub-event type classifier that users train on their own coded data
//! (`sitrep train`), to sit on top of the rules: where the rules code an event, the model
//! may retype the document's main event.
//!
//! The model is an averaged perceptron over hashed features of the folded text (words
//! and word pairs) and of the rules' own reading (the sub-type they coded, the actors'
//! ACLED types). It is small, trains in seconds on a few thousand notes, and is stored
//! in a plain binary file with a header that names its format.

use std::io::{self, Read, Write};

use sitrep_core::SubEventType;
use sitrep_text::{Text, TokenKind};

/// Hashed feature space: 2^18 slots per class.
const BITS: u32 = 18;
const DIMS: usize = 1 << BITS;
const MAGIC: &[u8; 16] = b"sitrep-model-v1\n";

/// A trained classifier.
#[derive(Clone, Debug)]
pub struct Model {
    classes: Vec<SubEventType>,
    /// `classes.len() * DIMS` weights, class-major.
    weights: Vec<f32>,
}

/// One training example: a document's text and the rules' reading, with its label.
#[derive(Clone, Debug)]
pub struct Example {
    pub features: Vec<u32>,
    pub label: SubEventType,
}

fn fnv(s: &[u8], seed: u64) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for &b in s {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h as u32) & (DIMS as u32 - 1)
}

/// The features of a text and of the rules' reading of it: words and word pairs, the
/// sub-type and actor types the rules coded, and the document's country, alone and with
/// the rules' reading (coders' conventions differ between countries).
pub fn features(
    text: &Text<'_>,
    rule_sub: Option<SubEventType>,
    inters: &[u8],
    country: Option<&str>,
    signals: &[&str],
) -> Vec<u32> {
    let words: Vec<&str> =
        text.tokens_ref().iter().filter(|t| t.kind != TokenKind::Punct).map(|t| t.folded(text)).take(200).collect();
    let mut out = Vec::with_capacity(words.len() * 2 + 4);
    out.push(fnv(b"bias", 0));
    for (i, w) in words.iter().enumerate() {
        out.push(fnv(w.as_bytes(), 1));
        // A stem (the first five letters) lets "attacked" teach about "attacking".
        if let Some((cut, _)) = w.char_indices().nth(5) {
            out.push(fnv(&w.as_bytes()[..cut], 10));
        }
        if let Some(next) = words.get(i + 1) {
            out.push(fnv(format!("{w} {next}").as_bytes(), 2));
        }
    }
    let rule = rule_sub.map_or("none", |s| s.key());
    out.push(fnv(rule.as_bytes(), 3));
    out.push(fnv(rule.as_bytes(), 4));
    for i in inters {
        out.push(fnv(&[*i], 5));
        out.push(fnv(format!("{rule}/{i}").as_bytes(), 6));
    }
    // What the lexicons saw: trigger and cue kinds ("ied", "kill", "demand", "weapon").
    for sig in signals {
        out.push(fnv(sig.as_bytes(), 11));
        out.push(fnv(format!("{rule}/{sig}").as_bytes(), 12));
    }
    let country = country.unwrap_or("");
    out.push(fnv(country.as_bytes(), 7));
    out.push(fnv(format!("{country}/{rule}").as_bytes(), 8));
    for w in words.iter().take(40) {
        out.push(fnv(format!("{country}/{w}").as_bytes(), 9));
    }
    out
}

impl Model {
    /// Trains an averaged perceptron for `epochs` passes over `examples` (shuffled by a
    /// fixed seed, so the same data gives the same model).
    pub fn train(examples: &[Example], epochs: usize) -> Model {
        let mut classes: Vec<SubEventType> = examples.iter().map(|e| e.label).collect();
        classes.sort();
        classes.dedup();
        let k = classes.len();
        let mut w = vec![0f32; k * DIMS];
        let mut total = vec![0f32; k * DIMS];
        let mut stamp = vec![0u32; k * DIMS];
        let mut c: u32 = 1;
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..epochs {
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            for &i in &order {
                let ex = &examples[i];
                let gold = classes.binary_search(&ex.label).unwrap_or(0);
                let guess = argmax(&w, k, &ex.features);
                if guess != gold {
                    for &f in &ex.features {
                        for (class, delta) in [(gold, 1f32), (guess, -1f32)] {
                            let at = class * DIMS + f as usize;
                            total[at] += (c - stamp[at]) as f32 * w[at];
                            stamp[at] = c;
                            w[at] += delta;
                        }
                    }
                }
                c += 1;
            }
        }
        for at in 0..w.len() {
            total[at] += (c - stamp[at]) as f32 * w[at];
            w[at] = total[at] / c as f32;
        }
        Model { classes, weights: w }
    }

    /// The most likely sub-type for `features`, with its margin over the runner-up.
    pub fn predict(&self, features: &[u32]) -> (SubEventType, f32) {
        let k = self.classes.len();
        let scores: Vec<f32> =
            (0..k).map(|c| features.iter().map(|&f| self.weights[c * DIMS + f as usize]).sum()).collect();
        let best = argmax(&self.weights, k, features);
        let second = scores.iter().enumerate().filter(|(i, _)| *i != best).map(|(_, s)| *s).fold(f32::MIN, f32::max);
        (self.classes[best], scores[best] - second)
    }

    /// Writes the model: a magic line, the classes by key, then the weights.
    pub fn write(&self, mut w: impl Write) -> io::Result<()> {
        w.write_all(MAGIC)?;
        let keys: Vec<&str> = self.classes.iter().map(|c| c.key()).collect();
        let header = keys.join(",");
        w.write_all(&(header.len() as u32).to_le_bytes())?;
        w.write_all(header.as_bytes())?;
        for x in &self.weights {
            w.write_all(&x.to_le_bytes())?;
        }
        w.flush()
    }

    /// Reads a model written by [`Model::write`].
    pub fn read(mut r: impl Read) -> io::Result<Model> {
        let bad = |m: &str| io::Error::new(io::ErrorKind::InvalidData, m.to_string());
        let mut magic = [0u8; 16];
        if r.read_exact(&mut magic).is_err() || &magic != MAGIC {
            return Err(bad("not a sitrep model file"));
        }
        let mut len = [0u8; 4];
        r.read_exact(&mut len)?;
        let mut header = vec![0u8; u32::from_le_bytes(len) as usize];
        r.read_exact(&mut header)?;
        let header = String::from_utf8(header).map_err(|_| bad("model header is not UTF-8"))?;
        let classes = header
            .split(',')
            .map(|k| SubEventType::from_name(k).ok_or_else(|| bad(&format!("unknown class {k} in model"))))
            .collect::<io::Result<Vec<_>>>()?;
        let mut bytes = Vec::new();
        r.read_to_end(&mut bytes)?;
        if bytes.len() != classes.len() * DIMS * 4 {
            return Err(bad("model file is truncated"));
        }
        let weights = bytes.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        Ok(Model { classes, weights })
    }
}

fn argmax(w: &[f32], k: usize, features: &[u32]) -> usize {
    let mut best = 0;
    let mut best_score = f32::MIN;
    for c in 0..k {
        let s: f32 = features.iter().map(|&f| w[c * DIMS + f as usize]).sum();
        if s > best_score {
            best_score = s;
            best = c;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(text: &str, label: SubEventType) -> Example {
        Example { features: features(&Text::new(text), None, &[], None, &[]), label }
    }

    #[test]
    fn learns_separable_texts_and_round_trips() {
        let data = vec![
            ex("protesters marched peacefully in the capital", SubEventType::PeacefulProtest),
            ex("teachers marched peacefully over pay", SubEventType::PeacefulProtest),
            ex("a mob lynched a suspected thief", SubEventType::MobViolence),
            ex("the mob beat a man to death", SubEventType::MobViolence),
        ];
        let m = Model::train(&data, 10);
        assert_eq!(
            m.predict(&ex("nurses marched peacefully", SubEventType::Other).features).0,
            SubEventType::PeacefulProtest
        );
        assert_eq!(m.predict(&ex("a mob lynched a man", SubEventType::Other).features).0, SubEventType::MobViolence);
        let mut bytes = Vec::new();
        m.write(&mut bytes).unwrap();
        let back = Model::read(&bytes[..]).unwrap();
        assert_eq!(back.classes, m.classes);
        assert!(Model::read(&bytes[..100]).is_err());
        assert!(Model::read(&b"not a model at all, really"[..]).is_err());
    }
}
