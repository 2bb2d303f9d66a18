//! A learned sub-event type classifier that users train on their own coded data
//! (`sitrep train`), to sit on top of the rules: where the rules code an event, the model
//! may retype the document's main event.
//!
//! The model is a multinomial logistic regression over hashed sparse features in
//! namespaces: the folded text (words, word pairs, character 3–5-grams of words, words
//! with the document's country, the words and pairs of the first sentence) and the
//! rules' reading of it (the lexicon keys of the triggers, cues and actors they saw, the
//! kinds of actor named, the triggers of the first sentence and the year of the report,
//! each alone, crossed with the rules' sub-type and in pairs; the sub-type, event type
//! and actor types the rules coded, and what its quantities say befell people: killed,
//! none killed, hurt, held). Each namespace is scaled to unit length on its own,
//! so a long text does not drown the few concept features.
//!
//! The pairs of concepts are what a linear model cannot make itself: "a crowd" with "a
//! police force" is a protest met by the police, either alone is not. The first sentence
//! of a coder's note says what happened; the rest often tells the background. The year
//! is there because coders' conventions drift over the years, as they differ between
//! countries.
//! One more weight, shared by every class, is added to the score of the sub-type the
//! rules coded: how far to trust the rules, learned from all the data at once, so that the
//! rules still hold where a class has few examples.
//!
//! Text features only mean something in the language they were learned from. The model
//! therefore holds two sets of weights: one over every feature, used for documents in a
//! language it was trained on, and one over the language-independent concept features
//! only, used for any other language (a model trained on English notes reading French).
//!
//! Beside the regression over every feature stands a network of one hidden layer over the
//! same features ([`net`]): its units read features together, which a weight per feature
//! cannot. Where both serve (a language the model was trained on), the model's
//! probabilities are the mean of theirs; the two err on different documents.
//!
//! The file (`sitrep-model-v4`) is sparse: only features seen in at least `min_count`
//! training documents, each with its weights per class (and its row into the network's
//! hidden layer) as bytes scaled per feature.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Read, Write};
use std::path::Path;

use sitrep_core::SubEventType;
use sitrep_text::{Text, TokenKind};

mod net;
use net::Net;

const MAGIC: &[u8; 16] = b"sitrep-model-v4\n";
/// What every version of the format starts with.
const MAGIC_STEM: &[u8] = b"sitrep-model-v";

/// A feature id is a namespace (top four bits) and a 28-bit hash.
const NS_SHIFT: u32 = 28;
const HASH_MASK: u32 = (1 << NS_SHIFT) - 1;
/// The document's language: not a weight, it chooses the weights.
const NS_LANG: u32 = 0;
const NS_WORD: u32 = 1;
const NS_PAIR: u32 = 2;
const NS_CHAR: u32 = 3;
/// Lexicon keys of what the rules saw, alone and with the rules' sub-type.
const NS_CONCEPT: u32 = 4;
/// The rules' coding: sub-type, event type, actor types, country.
const NS_RULE: u32 = 5;
/// Words with the document's country (coders' conventions differ between countries).
const NS_LOCAL: u32 = 6;
/// Words and word pairs of the first sentence.
const NS_FIRST: u32 = 7;
/// Words around the word the rules typed the main event by, with their side.
const NS_TRIG: u32 = 8;
const NAMESPACES: usize = 9;
/// The sub-type the rules coded, by its place in [`SubEventType::ALL`]: not a weight, the
/// class that the model's agreement weight speaks for.
const NS_PRIOR: u32 = 15;

/// Words of a document read for text features.
const MAX_WORDS: usize = 300;

fn namespace(id: u32) -> u32 {
    id >> NS_SHIFT
}

/// Namespaces whose features are words of one language.
fn is_text(id: u32) -> bool {
    matches!(namespace(id), NS_WORD | NS_PAIR | NS_CHAR | NS_LOCAL | NS_FIRST | NS_TRIG)
}

/// FNV-1a over the parts of a feature, finished with a 64-bit mix.
#[derive(Clone, Copy)]
struct Hash(u64);

impl Hash {
    fn new(ns: u32) -> Hash {
        Hash(0xcbf2_9ce4_8422_2325 ^ u64::from(ns).wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    fn add(mut self, s: &[u8]) -> Hash {
        for &b in s {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        self
    }

    fn id(self, ns: u32) -> u32 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        (ns << NS_SHIFT) | (h as u32 & HASH_MASK)
    }
}

fn lang_id(code: &str) -> u32 {
    Hash::new(NS_LANG).add(code.as_bytes()).id(NS_LANG)
}

/// An actor the rules found in the text, as the model sees it: its kind, not its name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActorKind {
    /// ACLED's actor type (1 state forces … 8 external forces), when the lexicon gives one.
    pub inter: Option<u8>,
    /// Acted upon rather than acting (civilians, villagers, a police station).
    pub victim: bool,
    /// Needs another cue to count as an actor ("students", "workers").
    pub weak: bool,
    /// A party or its wing, whose members' violence ACLED codes as rioting.
    pub riot: bool,
}

/// The rules' reading of a document, as [`features`] takes it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reading<'a> {
    /// The sub-type of the main event the rules coded.
    pub sub: Option<SubEventType>,
    /// The actor types of that event's two sides.
    pub inters: &'a [u8],
    /// The document's country.
    pub country: Option<&'a str>,
    /// The year the document was published.
    pub year: Option<i32>,
    /// The lexicon keys the rules saw: trigger and cue keys, actor names.
    pub signals: &'a [&'a str],
    /// The keys of the triggers of the first sentence.
    pub first_triggers: &'a [&'a str],
    /// Every actor the text names.
    pub actors: &'a [ActorKind],
    /// The sub-types of the rules' other events of the document.
    pub others: &'a [SubEventType],
    /// What the main event's quantities say: `dead`, `no-dead` (a toll of none), `hurt`,
    /// `held`.
    pub outcome: &'a [&'a str],
    /// Where the word the rules typed the main event by stands (byte offsets).
    pub trigger: Option<(usize, usize)>,
}

/// The features of a text and of the rules' reading of it: the text's language; words,
/// word pairs and character n-grams, and the words and pairs of the first sentence; the
/// lexicon keys the rules saw, the kinds of actor named, the triggers of the first
/// sentence and the year, each alone, with the rules' sub-type and in pairs; the sub-type
/// and actor types the rules coded, what befell people (killed, hurt, held), and the
/// document's country, alone and with the rules' reading and the words; the words and word pairs within three of the main event's
/// trigger, with their side of it.
pub fn features(text: &Text<'_>, reading: &Reading<'_>) -> Vec<u32> {
    let Reading { sub: rule_sub, inters, country, .. } = *reading;
    let tokens: Vec<_> = text.tokens_ref().iter().filter(|t| t.kind != TokenKind::Punct).take(MAX_WORDS).collect();
    let words: Vec<&str> =
        tokens.iter().map(|t| if t.kind == TokenKind::Number { "#" } else { t.folded(text) }).collect();
    let first_end = sitrep_text::sentences(text).first().map_or(0, |s| s.1);
    let first_n = tokens.iter().take_while(|t| t.start < first_end).count();
    let signals = concepts(reading);
    let mut out = Vec::with_capacity(words.len() * 20 + signals.len() * (signals.len() + 3) / 2 + 16);
    out.push(lang_id(sitrep_text::identify(text).code.unwrap_or("")));
    let country = country.unwrap_or("");
    if let Some(i) = rule_sub.and_then(|r| SubEventType::ALL.iter().position(|s| *s == r)) {
        out.push((NS_PRIOR << NS_SHIFT) | i as u32);
    }
    let rule = rule_sub.map_or("none", |s| s.key());
    let mut chars: Vec<u8> = Vec::with_capacity(64);
    let mut bounds: Vec<usize> = Vec::with_capacity(64);
    for (i, w) in words.iter().enumerate() {
        out.push(Hash::new(NS_WORD).add(w.as_bytes()).id(NS_WORD));
        out.push(Hash::new(NS_LOCAL).add(country.as_bytes()).add(w.as_bytes()).id(NS_LOCAL));
        if let Some(next) = words.get(i + 1) {
            out.push(Hash::new(NS_PAIR).add(w.as_bytes()).add(next.as_bytes()).id(NS_PAIR));
        }
        if i < first_n {
            out.push(Hash::new(NS_FIRST).add(w.as_bytes()).id(NS_FIRST));
            if let Some(next) = words.get(i + 1).filter(|_| i + 1 < first_n) {
                out.push(Hash::new(NS_FIRST).add(w.as_bytes()).add(next.as_bytes()).id(NS_FIRST));
            }
        }
        // Character 3- to 5-grams of the word with its edges marked: "attacked" teaches
        // about "attacking", "attackers".
        chars.clear();
        chars.push(b'<');
        chars.extend_from_slice(w.as_bytes());
        chars.push(b'>');
        bounds.clear();
        bounds.extend((0..chars.len()).filter(|&b| chars[b] & 0xc0 != 0x80));
        bounds.push(chars.len());
        let n_chars = bounds.len() - 1;
        for n in 3..=5 {
            for s in 0..(n_chars + 1).saturating_sub(n) {
                out.push(Hash::new(NS_CHAR).add(&chars[bounds[s]..bounds[s + n]]).id(NS_CHAR));
            }
        }
    }
    // The trigger's own words and the three on either side of it: "assaulted
    // demonstrators" and "demonstrators assaulted" tell different events.
    if let Some((t0, t1)) = reading.trigger {
        let at = tokens.iter().position(|t| t.end > t0).unwrap_or(tokens.len());
        let until = tokens.iter().position(|t| t.start >= t1).unwrap_or(tokens.len()).max(at);
        for (i, w) in words.iter().enumerate().take((until + 3).min(words.len())).skip(at.saturating_sub(3)) {
            let side: &[u8] = if i < at {
                b"<"
            } else if i < until {
                b"="
            } else {
                b">"
            };
            out.push(Hash::new(NS_TRIG).add(side).add(w.as_bytes()).id(NS_TRIG));
            out.push(Hash::new(NS_TRIG).add(side).add(rule.as_bytes()).add(w.as_bytes()).id(NS_TRIG));
            if let Some(next) = words.get(i + 1).filter(|_| i + 1 < until + 3) {
                out.push(Hash::new(NS_TRIG).add(side).add(w.as_bytes()).add(b" ").add(next.as_bytes()).id(NS_TRIG));
            }
        }
    }
    let rule_type = rule_sub.map_or("none", |s| s.event_type().as_str());
    out.push(Hash::new(NS_RULE).add(b"sub").add(rule.as_bytes()).id(NS_RULE));
    out.push(Hash::new(NS_RULE).add(b"type").add(rule_type.as_bytes()).id(NS_RULE));
    out.push(Hash::new(NS_RULE).add(b"country").add(country.as_bytes()).id(NS_RULE));
    out.push(Hash::new(NS_RULE).add(b"country/sub").add(country.as_bytes()).add(rule.as_bytes()).id(NS_RULE));
    // The other events the rules coded: a riot told beside a protest, a toll beside a
    // clash.
    for o in reading.others {
        out.push(Hash::new(NS_RULE).add(b"other").add(o.key().as_bytes()).id(NS_RULE));
        out.push(Hash::new(NS_RULE).add(b"other/sub").add(o.key().as_bytes()).add(rule.as_bytes()).id(NS_RULE));
    }
    // What happened to people: a toll, wounds, arrests, each with the rules' sub-type.
    for o in reading.outcome {
        out.push(Hash::new(NS_RULE).add(b"outcome").add(o.as_bytes()).id(NS_RULE));
        out.push(Hash::new(NS_RULE).add(b"outcome/sub").add(o.as_bytes()).add(rule.as_bytes()).id(NS_RULE));
    }
    let mut pair = Hash::new(NS_RULE).add(b"inters").add(rule.as_bytes());
    for i in inters {
        out.push(Hash::new(NS_RULE).add(b"inter").add(&[*i]).id(NS_RULE));
        out.push(Hash::new(NS_RULE).add(b"inter/sub").add(&[*i]).add(rule.as_bytes()).id(NS_RULE));
        pair = pair.add(&[*i]);
    }
    out.push(pair.id(NS_RULE));
    for (i, sig) in signals.iter().enumerate() {
        out.push(Hash::new(NS_CONCEPT).add(sig.as_bytes()).id(NS_CONCEPT));
        out.push(Hash::new(NS_CONCEPT).add(rule.as_bytes()).add(sig.as_bytes()).id(NS_CONCEPT));
        for other in &signals[i + 1..] {
            out.push(Hash::new(NS_CONCEPT).add(sig.as_bytes()).add(b"&").add(other.as_bytes()).id(NS_CONCEPT));
        }
    }
    out
}

/// The language-independent concepts of a reading, sorted and each once: the lexicon
/// keys, `@a<inter>[v][w]` for each kind of actor named (`v` acted upon, `w` weak),
/// `@riot`, `@first:<key>` for each trigger of the first sentence, and the year alone,
/// with the country, and its three-year era with the country.
fn concepts(reading: &Reading<'_>) -> Vec<String> {
    let mut out: Vec<String> = reading.signals.iter().map(|s| s.to_string()).collect();
    for a in reading.actors {
        let v = if a.victim { "v" } else { "" };
        let w = if a.weak { "w" } else { "" };
        out.push(format!("@a{}{v}{w}", a.inter.unwrap_or(0)));
        if a.riot {
            out.push("@riot".to_string());
        }
    }
    out.extend(reading.first_triggers.iter().map(|k| format!("@first:{k}")));
    if let Some(y) = reading.year {
        let country = reading.country.unwrap_or("");
        out.push(format!("@year{y}"));
        out.push(format!("@year{y}/{country}"));
        out.push(format!("@era{}/{country}", y.div_euclid(3)));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A sparse vector: `(feature, value)` sorted by feature.
type Vector = Vec<(u32, f32)>;

/// A document's features as a sparse vector: `(feature, value)` sorted by feature, with
/// counts damped (1 + ln n) and each namespace scaled to unit length. The language
/// marker is left out; it is returned apart.
fn vectorize(features: &[u32]) -> (Option<u32>, Vector) {
    let lang = features.iter().copied().find(|&f| namespace(f) == NS_LANG);
    let mut ids: Vec<u32> =
        features.iter().copied().filter(|&f| namespace(f) != NS_LANG && namespace(f) != NS_PRIOR).collect();
    ids.sort_unstable();
    let mut out: Vec<(u32, f32)> = Vec::with_capacity(ids.len());
    for id in ids {
        match out.last_mut() {
            Some((last, n)) if *last == id => *n += 1.0,
            _ => out.push((id, 1.0)),
        }
    }
    let mut norms = [0f32; NAMESPACES];
    for (id, v) in &mut out {
        *v = 1.0 + v.ln();
        norms[namespace(*id) as usize] += *v * *v;
    }
    for (id, v) in &mut out {
        *v /= norms[namespace(*id) as usize].sqrt();
    }
    (lang, out)
}

/// The sub-type the rules coded, as [`features`] recorded it.
fn rule_class(features: &[u32]) -> Option<SubEventType> {
    let id = features.iter().copied().find(|&f| namespace(f) == NS_PRIOR)?;
    SubEventType::ALL.get((id & HASH_MASK) as usize).copied()
}

/// One training example: a document's features with its label.
#[derive(Clone, Debug)]
pub struct Example {
    pub features: Vec<u32>,
    pub label: SubEventType,
}

/// How [`Model::train`] fits the weights.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// L2 penalty on the weights of the features of each example seen.
    pub l2: f32,
    /// AdaGrad's base learning rate.
    pub rate: f32,
    /// Features seen in fewer training documents are dropped.
    pub min_count: u32,
    /// Each example's loss is weighted by (n / (classes × n of its class)) to this power:
    /// 0 weighs every document alike, 1 every class alike.
    pub class_weight: f32,
    /// Units of the hidden layer of the network beside the regression; 0 for none.
    pub hidden: usize,
    /// Passes of the network over the data.
    pub hidden_epochs: usize,
    /// The network's AdaGrad base learning rate.
    pub hidden_rate: f32,
    /// The share of hidden units left out of each training step.
    pub dropout: f32,
    /// The network reads only features seen in at least this many training documents
    /// (and `min_count`): rarer ones add to its size more than to what it learns.
    pub hidden_min_count: u32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 10,
            l2: 1e-5,
            rate: 0.05,
            min_count: 2,
            class_weight: 0.0,
            hidden: 64,
            hidden_epochs: 8,
            hidden_rate: 0.05,
            dropout: 0.3,
            hidden_min_count: 5,
        }
    }
}

/// The network's share of the probabilities where it serves (the regression has the rest).
const NET_SHARE: f32 = 0.5;

/// One set of weights: for each feature kept (sorted), one weight per class.
#[derive(Clone, Debug, Default, PartialEq)]
struct Weights {
    ids: Vec<u32>,
    /// `ids.len() * classes`, feature-major.
    w: Vec<f32>,
    bias: Vec<f32>,
    /// Added to the score of the class the rules coded: how far to trust the rules, learned
    /// once for every class, so that a class with few examples still leans on them.
    agree: f32,
}

impl Weights {
    fn scores(&self, x: &[(u32, f32)], k: usize, rule: Option<usize>) -> Vec<f32> {
        let mut s = self.bias.clone();
        if let Some(r) = rule {
            s[r] += self.agree;
        }
        for &(id, v) in x {
            if let Ok(row) = self.ids.binary_search(&id) {
                for (sc, w) in s.iter_mut().zip(&self.w[row * k..(row + 1) * k]) {
                    *sc += v * w;
                }
            }
        }
        s
    }
}

/// A trained classifier.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    classes: Vec<SubEventType>,
    /// The languages the text weights were learned from.
    langs: Vec<String>,
    /// Over every feature.
    full: Weights,
    /// Over the language-independent features only.
    concepts: Weights,
    /// The network over every feature, beside `full`.
    net: Net,
}

/// Why a model file could not be read.
#[derive(Debug)]
pub struct ModelError(String);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ModelError {}

fn bad(message: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, ModelError(message.into()))
}

impl Model {
    /// Fits the model to `examples` (in a fixed order: the same data and options give
    /// the same model).
    pub fn train(examples: &[Example], o: &TrainOptions) -> Model {
        let mut classes: Vec<SubEventType> = examples.iter().map(|e| e.label).collect();
        classes.sort();
        classes.dedup();
        let k = classes.len();
        let labels: Vec<usize> =
            examples.iter().map(|e| classes.binary_search(&e.label).expect("every label is a class")).collect();
        let vectors: Vec<(Option<u32>, Vector)> = examples.iter().map(|e| vectorize(&e.features)).collect();
        let rules: Vec<Option<usize>> =
            examples.iter().map(|e| rule_class(&e.features).and_then(|r| classes.binary_search(&r).ok())).collect();
        // A language is one of the model's when it is at least a tenth of the data.
        let mut langs = Vec::new();
        for code in ["en", "fr"] {
            let n = vectors.iter().filter(|(l, _)| *l == Some(lang_id(code))).count();
            if n > 0 && n * 10 >= examples.len() {
                langs.push(code.to_string());
            }
        }
        let mut df: HashMap<u32, u32> = HashMap::new();
        for (_, x) in &vectors {
            for (id, _) in x {
                *df.entry(*id).or_insert(0) += 1;
            }
        }
        // The features kept, and each document's vector over their rows.
        let rows_of = |keep: &dyn Fn(u32) -> bool| -> (Vec<u32>, Vec<Vec<(u32, f32)>>) {
            let mut ids: Vec<u32> =
                df.iter().filter(|(id, n)| **n >= o.min_count && keep(**id)).map(|(id, _)| *id).collect();
            ids.sort_unstable();
            let rows: HashMap<u32, u32> = ids.iter().enumerate().map(|(r, id)| (*id, r as u32)).collect();
            let xs: Vec<Vec<(u32, f32)>> = vectors
                .iter()
                .map(|(_, x)| x.iter().filter_map(|(id, v)| rows.get(id).map(|r| (*r, *v))).collect())
                .collect();
            (ids, xs)
        };
        let (ids, xs) = rows_of(&|_| true);
        let (w, bias, agree) = fit(&xs, &labels, &rules, k, ids.len(), o);
        let full = quantized(Weights { ids, w, bias, agree }, k);
        drop(xs);
        let (ids, xs) = rows_of(&|id| df[&id] >= o.hidden_min_count);
        let net = quantized_net(Net::fit(ids, &xs, &labels, &rules, k, o));
        drop(xs);
        let (ids, xs) = rows_of(&|id| !is_text(id));
        let (w, bias, agree) = fit(&xs, &labels, &rules, k, ids.len(), o);
        let concepts = quantized(Weights { ids, w, bias, agree }, k);
        Model { classes, langs, full, concepts, net }
    }

    /// The most likely sub-type for `features`, with its probability's margin over the
    /// runner-up's.
    pub fn predict(&self, features: &[u32]) -> (SubEventType, f32) {
        let p = self.probabilities(features);
        let mut order: Vec<usize> = (0..p.len()).collect();
        order.sort_by(|a, b| p[*b].total_cmp(&p[*a]));
        let second = order.get(1).map_or(0.0, |&i| p[i]);
        (self.classes[order[0]], p[order[0]] - second)
    }

    /// The probability of each of [`Model::classes`] for `features`.
    pub fn probabilities(&self, features: &[u32]) -> Vec<f32> {
        let (lang, x) = vectorize(features);
        // Text weights serve the languages they were learned from, and text whose
        // language cannot be told; any other language is read through concepts alone.
        let own = match lang {
            None => true,
            Some(l) => l == lang_id("") || self.langs.iter().any(|c| lang_id(c) == l),
        };
        let weights = if own { &self.full } else { &self.concepts };
        let k = self.classes.len();
        let rule = rule_class(features).and_then(|r| self.classes.binary_search(&r).ok());
        let p = softmax(weights.scores(&x, k, rule));
        if !own || self.net.width == 0 {
            return p;
        }
        let q = softmax(self.net.scores(&x, k, rule));
        p.iter().zip(&q).map(|(p, q)| (1.0 - NET_SHARE) * p + NET_SHARE * q).collect()
    }

    /// The sub-types the model tells apart.
    pub fn classes(&self) -> &[SubEventType] {
        &self.classes
    }

    /// Features with weights: (over every feature, over concepts only, in the network).
    pub fn sizes(&self) -> (usize, usize, usize) {
        (self.full.ids.len(), self.concepts.ids.len(), self.net.ids.len())
    }

    /// Writes the model: the magic line, the length of what follows, a header of
    /// `name=value` lines (classes by key, languages), each set of weights, the network
    /// (its width, its number of features, the weights past the first layer, the
    /// features and their rows into the hidden layer), and a checksum of everything
    /// before it.
    pub fn write(&self, mut out: impl Write) -> io::Result<()> {
        let k = self.classes.len();
        let mut body = Vec::new();
        let classes: Vec<&str> = self.classes.iter().map(|c| c.key()).collect();
        let header = format!("classes={}\nlangs={}\n", classes.join(","), self.langs.join(","));
        body.extend_from_slice(&(header.len() as u32).to_le_bytes());
        body.extend_from_slice(header.as_bytes());
        for weights in [&self.full, &self.concepts] {
            body.extend_from_slice(&(weights.ids.len() as u32).to_le_bytes());
            for b in &weights.bias {
                body.extend_from_slice(&b.to_le_bytes());
            }
            body.extend_from_slice(&weights.agree.to_le_bytes());
            put_ids(&mut body, &weights.ids);
            put_rows(&mut body, &weights.w, k);
        }
        let net = &self.net;
        body.extend_from_slice(&(net.width as u32).to_le_bytes());
        body.extend_from_slice(&(net.ids.len() as u32).to_le_bytes());
        for v in net.b1.iter().chain(&net.w2).chain(&net.b2).chain([&net.agree]) {
            body.extend_from_slice(&v.to_le_bytes());
        }
        put_ids(&mut body, &net.ids);
        put_rows(&mut body, &net.w1, net.width);
        out.write_all(MAGIC)?;
        out.write_all(&(body.len() as u64).to_le_bytes())?;
        out.write_all(&body)?;
        out.write_all(&checksum(&body).to_le_bytes())?;
        out.flush()
    }

    /// Reads a model written by [`Model::write`]. A file of another format, of another
    /// version of this one, cut short or altered is an error that says which.
    pub fn read(mut r: impl Read) -> io::Result<Model> {
        let mut bytes = Vec::new();
        r.read_to_end(&mut bytes)?;
        if !bytes.starts_with(MAGIC_STEM) {
            return Err(bad("not a sitrep model file"));
        }
        if !bytes.starts_with(MAGIC) {
            let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
            let version = String::from_utf8_lossy(&line[..line.len().min(40)]).into_owned();
            return Err(bad(format!(
                "a model of format {version}, which this sitrep cannot read (it reads {}): train it again with 'sitrep train'",
                String::from_utf8_lossy(&MAGIC[..MAGIC.len() - 1])
            )));
        }
        let rest = &bytes[MAGIC.len()..];
        if rest.len() < 8 {
            return Err(bad("model file is truncated"));
        }
        let declared = u64::from_le_bytes(rest[..8].try_into().expect("8 bytes"));
        let rest = &rest[8..];
        let have = rest.len() as u64;
        if have < declared.saturating_add(4) {
            return Err(bad(format!(
                "model file is truncated ({} of {} bytes)",
                bytes.len(),
                declared.saturating_add(4 + 8 + MAGIC.len() as u64)
            )));
        }
        if have > declared + 4 {
            return Err(bad("model file is corrupt (bytes after its end)"));
        }
        let (body, sum) = rest.split_at(declared as usize);
        if checksum(body).to_le_bytes() != sum {
            return Err(bad("model file is corrupt (checksum mismatch)"));
        }
        parse(body).ok_or_else(|| bad("model file is corrupt (inconsistent contents)"))?
    }

    /// Reads the model file at `path`; errors name the file.
    pub fn load(path: &Path) -> io::Result<Model> {
        let named = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
        let file = std::fs::File::open(path).map_err(named)?;
        Model::read(io::BufReader::new(file)).map_err(named)
    }
}

/// Multinomial logistic regression by AdaGrad over `xs` (rows of `dims` features).
fn fit(
    xs: &[Vec<(u32, f32)>],
    ys: &[usize],
    rules: &[Option<usize>],
    k: usize,
    dims: usize,
    o: &TrainOptions,
) -> (Vec<f32>, Vec<f32>, f32) {
    let (mut agree, mut ga) = (0f32, 0f32);
    let mut w = vec![0f32; dims * k];
    let mut g2 = vec![0f32; dims * k];
    let mut bias = vec![0f32; k];
    let mut gb = vec![0f32; k];
    let mut order: Vec<usize> = (0..xs.len()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut p = vec![0f32; k];
    const EPS: f32 = 1e-6;
    let mut counts = vec![0f32; k];
    for &y in ys {
        counts[y] += 1.0;
    }
    let weight: Vec<f32> =
        counts.iter().map(|c| (xs.len() as f32 / (k as f32 * c.max(1.0))).powf(o.class_weight)).collect();
    for _ in 0..o.epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let x = &xs[i];
            p.copy_from_slice(&bias);
            if let Some(r) = rules[i] {
                p[r] += agree;
            }
            for &(f, v) in x {
                let row = &w[f as usize * k..(f as usize + 1) * k];
                for (s, w) in p.iter_mut().zip(row) {
                    *s += v * w;
                }
            }
            softmax_in_place(&mut p);
            p[ys[i]] -= 1.0;
            for v in p.iter_mut() {
                *v *= weight[ys[i]];
            }
            for &(f, v) in x {
                let at = f as usize * k;
                for c in 0..k {
                    let g = p[c] * v + o.l2 * w[at + c];
                    g2[at + c] += g * g;
                    w[at + c] -= o.rate * g / (g2[at + c] + EPS).sqrt();
                }
            }
            if let Some(r) = rules[i] {
                ga += p[r] * p[r];
                agree -= o.rate * p[r] / (ga + EPS).sqrt();
            }
            for c in 0..k {
                gb[c] += p[c] * p[c];
                bias[c] -= o.rate * p[c] / (gb[c] + EPS).sqrt();
            }
        }
    }
    (w, bias, agree)
}

fn softmax_in_place(s: &mut [f32]) {
    let max = s.iter().copied().fold(f32::MIN, f32::max);
    let mut sum = 0.0;
    for v in s.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in s.iter_mut() {
        *v /= sum;
    }
}

fn softmax(mut s: Vec<f32>) -> Vec<f32> {
    softmax_in_place(&mut s);
    s
}

/// The scale that maps a row's largest weight to ±127.
fn row_scale(row: &[f32]) -> f32 {
    row.iter().fold(0f32, |m, w| m.max(w.abs())) / 127.0
}

fn quantize(w: f32, scale: f32) -> i8 {
    if scale == 0.0 {
        0
    } else {
        (w / scale).round().clamp(-127.0, 127.0) as i8
    }
}

/// The weights as the file stores them: rows whose weights are all near zero dropped,
/// the rest as bytes scaled per row. Training returns this, so that what is measured is
/// what is written.
fn quantized(weights: Weights, k: usize) -> Weights {
    let (ids, w) = quantized_rows(&weights.ids, &weights.w, k);
    Weights { ids, w, ..weights }
}

/// The network as the file stores it: the rows into the hidden layer as bytes scaled per
/// row, rows all near zero dropped.
fn quantized_net(net: Net) -> Net {
    let (ids, w1) = quantized_rows(&net.ids, &net.w1, net.width);
    Net { ids, w1, ..net }
}

/// Rows of `width` weights, one an id, as the file stores them: each as bytes scaled by
/// its own largest weight, rows all near zero dropped. No rows when `width` is 0.
fn quantized_rows(ids: &[u32], w: &[f32], width: usize) -> (Vec<u32>, Vec<f32>) {
    let (mut out_ids, mut out_w) = (Vec::new(), Vec::new());
    if width == 0 {
        return (out_ids, out_w);
    }
    for (id, row) in ids.iter().zip(w.chunks_exact(width)) {
        let scale = row_scale(row);
        if scale * 127.0 < 1e-3 {
            continue;
        }
        out_ids.push(*id);
        out_w.extend(row.iter().map(|w| f32::from(quantize(*w, scale)) * scale));
    }
    (out_ids, out_w)
}

/// Ascending ids as deltas (read by [`Cursor::ids`]).
fn put_ids(out: &mut Vec<u8>, ids: &[u32]) {
    let mut last = 0u32;
    for &id in ids {
        put_varint(out, id - last);
        last = id;
    }
}

/// Rows of `width` weights, each its scale then its bytes (read by [`Cursor::rows`]).
fn put_rows(out: &mut Vec<u8>, w: &[f32], width: usize) {
    if width == 0 {
        return;
    }
    for row in w.chunks_exact(width) {
        let scale = row_scale(row);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend(row.iter().map(|w| quantize(*w, scale) as u8));
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// FNV-1a, 32 bits.
fn checksum(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// A reader over the body of a model file; `None` when it runs out.
struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    /// `n` rows of `width` weights, each its scale then its bytes.
    fn rows(&mut self, n: usize, width: usize) -> Option<Vec<f32>> {
        let mut w = Vec::with_capacity(n * width);
        for _ in 0..n {
            let scale = self.f32()?;
            w.extend(self.take(width)?.iter().map(|&b| f32::from(b as i8) * scale));
        }
        Some(w)
    }

    /// `n` feature ids written as ascending deltas (none repeated).
    fn ids(&mut self, n: usize) -> Option<Vec<u32>> {
        let mut ids = Vec::with_capacity(n);
        let mut last = 0u32;
        for i in 0..n {
            let delta = self.varint()?;
            if i > 0 && delta == 0 {
                return None;
            }
            last = last.checked_add(delta)?;
            ids.push(last);
        }
        Some(ids)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.take(1)?[0];
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
}

/// The model in a file's checked body; `None` if it does not hold together, an error
/// for a class this sitrep does not know.
fn parse(body: &[u8]) -> Option<io::Result<Model>> {
    let mut c = Cursor(body);
    let len = c.u32()? as usize;
    let header = std::str::from_utf8(c.take(len)?).ok()?;
    let mut classes = Vec::new();
    let mut langs = Vec::new();
    for line in header.lines() {
        let (name, value) = line.split_once('=')?;
        let items = value.split(',').filter(|v| !v.is_empty());
        match name {
            "classes" => {
                for key in items {
                    match SubEventType::from_name(key) {
                        Some(s) => classes.push(s),
                        None => return Some(Err(bad(format!("model names an unknown sub-event type '{key}'")))),
                    }
                }
            }
            "langs" => langs = items.map(str::to_string).collect(),
            _ => {}
        }
    }
    let k = classes.len();
    if k == 0 {
        return None;
    }
    let mut sets = Vec::new();
    for _ in 0..2 {
        let n = c.u32()? as usize;
        if n.checked_mul(k + 5)? > c.0.len() {
            return None;
        }
        let bias = (0..k).map(|_| c.f32()).collect::<Option<Vec<f32>>>()?;
        let agree = c.f32()?;
        let ids = c.ids(n)?;
        let w = c.rows(n, k)?;
        sets.push(Weights { ids, w, bias, agree });
    }
    let width = c.u32()? as usize;
    let n = c.u32()? as usize;
    if width.checked_mul(k + 1)?.checked_add(k + 1)?.checked_mul(4)? > c.0.len()
        || n.checked_mul(width + 5)? > c.0.len()
    {
        return None;
    }
    let mut floats = |n: usize| (0..n).map(|_| c.f32()).collect::<Option<Vec<f32>>>();
    let (b1, w2, b2) = (floats(width)?, floats(width * k)?, floats(k)?);
    let agree = c.f32()?;
    let ids = c.ids(n)?;
    let w1 = if width > 0 { c.rows(n, width)? } else { Vec::new() };
    if !c.0.is_empty() || (width == 0 && n > 0) {
        return None;
    }
    let net = Net { ids, width, w1, b1, w2, b2, agree };
    let concepts = sets.pop()?;
    let full = sets.pop()?;
    Some(Ok(Model { classes, langs, full, concepts, net }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(text: &str, label: SubEventType) -> Example {
        Example { features: features(&Text::new(text), &Reading { country: Some("KE"), ..Reading::default() }), label }
    }

    fn toy() -> Model {
        let data = vec![
            ex("protesters marched peacefully in the capital", SubEventType::PeacefulProtest),
            ex("teachers marched peacefully over pay", SubEventType::PeacefulProtest),
            ex("nurses marched peacefully over their pay", SubEventType::PeacefulProtest),
            ex("a mob lynched a suspected thief", SubEventType::MobViolence),
            ex("the mob beat a man to death", SubEventType::MobViolence),
            ex("a mob lynched a man suspected of theft", SubEventType::MobViolence),
        ];
        Model::train(&data, &TrainOptions { min_count: 1, hidden_min_count: 1, ..TrainOptions::default() })
    }

    fn bytes(m: &Model) -> Vec<u8> {
        let mut out = Vec::new();
        m.write(&mut out).unwrap();
        out
    }

    fn error(bytes: &[u8]) -> String {
        Model::read(bytes).unwrap_err().to_string()
    }

    #[test]
    fn learns_separable_texts_and_round_trips() {
        let m = toy();
        let peaceful = ex("nurses marched peacefully", SubEventType::Other).features;
        let mob = ex("a mob lynched a man", SubEventType::Other).features;
        assert_eq!(m.predict(&peaceful).0, SubEventType::PeacefulProtest);
        assert_eq!(m.predict(&mob).0, SubEventType::MobViolence);
        let back = Model::read(&bytes(&m)[..]).unwrap();
        assert_eq!(back, m);
        assert_eq!(back.predict(&mob).0, SubEventType::MobViolence);
        assert!(m.sizes().2 > 0, "a network by default");
    }

    #[test]
    fn the_regression_alone_round_trips() {
        let data = [
            ex("nurses marched peacefully over their pay", SubEventType::PeacefulProtest),
            ex("a mob lynched a man suspected of theft", SubEventType::MobViolence),
        ];
        let m = Model::train(&data, &TrainOptions { min_count: 1, hidden: 0, ..TrainOptions::default() });
        assert_eq!(m.sizes().2, 0);
        let back = Model::read(&bytes(&m)[..]).unwrap();
        assert_eq!(back, m);
        // A network's probabilities are averaged with the regression's.
        let with = toy();
        let x = ex("nurses marched", SubEventType::Other).features;
        let (lang, v) = vectorize(&x);
        assert!(lang.is_some());
        let k = with.classes.len();
        let p = softmax(with.full.scores(&v, k, None));
        let q = softmax(with.net.scores(&v, k, None));
        for (got, (p, q)) in with.probabilities(&x).iter().zip(p.iter().zip(&q)) {
            assert!((got - (p + q) / 2.0).abs() < 1e-6);
        }
    }

    #[test]
    fn words_around_the_trigger_are_told_by_their_side() {
        let text = Text::new("Police assaulted demonstrators in Naogaon");
        let reading =
            |at: (usize, usize)| Reading { sub: Some(SubEventType::Attack), trigger: Some(at), ..Reading::default() };
        let window = |f: Vec<u32>| f.into_iter().filter(|&x| namespace(x) == NS_TRIG).collect::<Vec<_>>();
        let a = window(features(&text, &reading((7, 16))));
        assert!(!a.is_empty());
        // The same words with the trigger elsewhere stand on other sides of it.
        let b = window(features(&text, &reading((17, 30))));
        assert_ne!(a, b);
        assert!(window(features(&text, &Reading::default())).is_empty());
    }

    #[test]
    fn features_are_namespaced_and_vectors_unit_per_namespace() {
        let reading = Reading {
            sub: Some(SubEventType::Attack),
            inters: &[3, 7],
            signals: &["kill"],
            year: Some(2019),
            ..Reading::default()
        };
        let f = features(&Text::new("Gunmen attacked the village"), &reading);
        assert_eq!(f.iter().filter(|&&x| namespace(x) == NS_LANG).count(), 1);
        assert!(f.iter().any(|&x| namespace(x) == NS_CHAR));
        assert!(f.iter().any(|&x| namespace(x) == NS_CONCEPT));
        let (_, x) = vectorize(&f);
        for ns in 1..NAMESPACES as u32 {
            let norm: f32 = x.iter().filter(|(id, _)| namespace(*id) == ns).map(|(_, v)| v * v).sum();
            assert!(norm == 0.0 || (norm - 1.0).abs() < 1e-4, "namespace {ns}: {norm}");
        }
    }

    #[test]
    fn another_language_is_read_through_concepts_alone() {
        let rule = |text: &str, sub: SubEventType, sig: &'static str| Example {
            features: features(&Text::new(text), &Reading { sub: Some(sub), signals: &[sig], ..Reading::default() }),
            label: sub,
        };
        let data = vec![
            rule("the protesters marched in the town and they were peaceful", SubEventType::PeacefulProtest, "demand"),
            rule("the people marched in the town of the north", SubEventType::PeacefulProtest, "demand"),
            rule("the mob lynched the man in the market", SubEventType::MobViolence, "kill"),
            rule("the mob beat the thief in the town", SubEventType::MobViolence, "kill"),
        ];
        let m = Model::train(&data, &TrainOptions { min_count: 1, ..TrainOptions::default() });
        assert_eq!(m.langs, ["en"]);
        // French text shares no words with the training data: the concepts decide.
        let fr = features(
            &Text::new("La foule a lynché un homme dans le marché de la ville."),
            &Reading { sub: Some(SubEventType::MobViolence), signals: &["kill"], ..Reading::default() },
        );
        assert_eq!(m.predict(&fr).0, SubEventType::MobViolence);
    }

    #[test]
    fn reading_says_what_is_wrong_with_a_file() {
        let good = bytes(&toy());
        assert_eq!(error(b"not a model at all, really"), "not a sitrep model file");
        assert_eq!(error(b""), "not a sitrep model file");
        for old in [&b"sitrep-model-v1\n"[..], b"sitrep-model-v2\n", b"sitrep-model-v3\n"] {
            let mut file = old.to_vec();
            file.extend_from_slice(&[0; 64]);
            let e = error(&file);
            let named = String::from_utf8_lossy(&old[..old.len() - 1]).into_owned();
            assert!(e.contains(&named) && e.contains("sitrep-model-v4") && e.contains("sitrep train"), "{e}");
        }
        for cut in [16, 20, 30, good.len() / 2, good.len() - 1] {
            assert!(error(&good[..cut]).starts_with("model file is truncated"), "{cut}: {}", error(&good[..cut]));
        }
        let mut flipped = good.clone();
        let at = good.len() - 10;
        flipped[at] ^= 0x55;
        assert_eq!(error(&flipped), "model file is corrupt (checksum mismatch)");
        let mut longer = good.clone();
        longer.push(0);
        assert_eq!(error(&longer), "model file is corrupt (bytes after its end)");
    }

    #[test]
    fn concepts_come_alone_with_the_rules_sub_type_and_in_pairs() {
        let text = Text::new("Police dispersed the crowd.");
        let reading = Reading { sub: Some(SubEventType::PeacefulProtest), ..Reading::default() };
        let with = |signals: &[&str]| features(&text, &Reading { signals, ..reading });
        let crowd = with(&["crowd"]);
        let police = with(&["police"]);
        let both = with(&["crowd", "police"]);
        let concept = |f: &[u32]| -> Vec<u32> {
            let mut c: Vec<u32> = f.iter().copied().filter(|&x| namespace(x) == NS_CONCEPT).collect();
            c.sort_unstable();
            c
        };
        assert_eq!(concept(&crowd).len(), 2);
        // Each alone and with the sub-type, and one feature for the pair.
        assert_eq!(concept(&both).len(), 5);
        assert!(concept(&crowd).iter().chain(&concept(&police)).all(|c| concept(&both).contains(c)));
    }

    #[test]
    fn actors_year_and_first_triggers_are_concepts() {
        let actors = [
            ActorKind { inter: Some(1), ..ActorKind::default() },
            ActorKind { inter: Some(7), victim: true, ..ActorKind::default() },
            ActorKind { inter: Some(5), riot: true, ..ActorKind::default() },
        ];
        let reading = Reading {
            country: Some("KE"),
            year: Some(2017),
            actors: &actors,
            first_triggers: &["attack"],
            ..Reading::default()
        };
        let c = concepts(&reading);
        for want in ["@a1", "@a7v", "@a5", "@riot", "@first:attack", "@year2017", "@year2017/KE", "@era672/KE"] {
            assert!(c.iter().any(|x| x == want), "{want} in {c:?}");
        }
        assert!(c.windows(2).all(|w| w[0] < w[1]), "sorted, each once: {c:?}");
        assert!(concepts(&Reading::default()).is_empty());
    }

    #[test]
    fn what_happened_to_people_is_a_rule_feature_alone_and_with_the_sub_type() {
        let text = Text::new("Gunmen attacked the village.");
        let rule = |outcome: &[&str]| -> Vec<u32> {
            let reading = Reading { sub: Some(SubEventType::Attack), outcome, ..Reading::default() };
            features(&text, &reading).into_iter().filter(|&x| namespace(x) == NS_RULE).collect()
        };
        assert_eq!(rule(&["dead", "hurt"]).len(), rule(&[]).len() + 4);
        assert_ne!(rule(&["dead"]), rule(&["no-dead"]));
    }

    #[test]
    fn the_first_sentence_has_its_own_namespace() {
        let first = |text: &str| {
            features(&Text::new(text), &Reading::default()).into_iter().filter(|&x| namespace(x) == NS_FIRST).count()
        };
        // Two words and their pair; the second sentence adds nothing to it.
        assert_eq!(first("Protesters marched."), 3);
        assert_eq!(first("Protesters marched. Police watched them closely."), 3);
        // The pair of the last word of the first sentence and the first of the next is not
        // of the first sentence.
        let f = features(&Text::new("Protesters marched. Police watched."), &Reading::default());
        let pair = Hash::new(NS_FIRST).add(b"marched").add(b"police").id(NS_FIRST);
        assert!(!f.contains(&pair));
    }

    #[test]
    fn load_names_the_file() {
        let path = std::env::temp_dir().join(format!("sitrep-model-test-{}.bin", std::process::id()));
        let good = bytes(&toy());
        std::fs::write(&path, &good[..good.len() - 3]).unwrap();
        let e = Model::load(&path).unwrap_err().to_string();
        std::fs::remove_file(&path).ok();
        assert!(e.contains(&path.display().to_string()) && e.contains("truncated"), "{e}");
    }
}
