//! The gazetteer: places, admin1 areas and countries, indexed by name keys.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::OnceLock;

use crate::fxhash::FxMap;
use crate::key::{
    loose_key, name_key, name_key_into, translit_and_loose_ascii, translit_and_loose_into, translit_key, KEY_MAX,
};

/// Countries whose names reach French and English news transliterated from Arabic,
/// Persian, Kurdish or Turkic languages: their entries get transliteration keys.
/// Elsewhere the keys would only add false hits ("Brian", "News").
pub const TRANSLIT_COUNTRIES: &[&str] = &[
    "IQ", "SY", "LB", "JO", "PS", "IL", "SA", "YE", "OM", "AE", "QA", "BH", "KW", "EG", "LY", "TN", "DZ", "MA", "EH",
    "MR", "ML", "NE", "TD", "SD", "SS", "SO", "DJ", "ER", "IR", "AF", "PK", "TR", "AZ", "TM", "UZ", "TJ", "KZ", "KG",
    "BF", "NG", "SN",
];

/// Places below this population get no loose-key entry (the loose key is for names
/// where a wrong hit is unlikely).
const LOOSE_MIN_POPULATION: u64 = 20_000;

/// What kind of feature a [`Place`] is, coarsely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A populated place (GeoNames feature class P).
    Place,
    /// A second-order administrative division (for now: US counties).
    Admin2,
    /// A first-order administrative division (state, province, governorate).
    Admin1,
    /// A country.
    Country,
    /// A continent (its country is empty).
    Continent,
}

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// GeoNames id (0 when unknown).
    pub geonames_id: u64,
    pub name: Cow<'static, str>,
    /// ISO 3166-1 alpha-2.
    pub country: Cow<'static, str>,
    /// GeoNames admin1 code (empty for countries).
    pub admin1: Cow<'static, str>,
    /// GeoNames admin2 code.
    pub admin2: Cow<'static, str>,
    pub latitude: f64,
    pub longitude: f64,
    pub population: u64,
    /// GeoNames feature code (`PPL`, `PPLA`, `PPLC`…), `ADM1` or `PCLI`.
    pub feature: Cow<'static, str>,
    pub kind: Kind,
}

/// How a name matched a gazetteer entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The entry's main name, after folding.
    Name,
    /// One of its alternate names, after folding.
    Alternate,
    /// Through [`crate::translit_key`].
    Translit,
    /// Through [`crate::loose_key`].
    Loose,
}

/// Hits for one key: (entry index, how it matched).
pub type Hits = Vec<(u32, MatchKind)>;

/// A hasher for keys that are already hashes.
#[derive(Default, Clone, Copy, Debug)]
struct IdHash(u64);

impl Hasher for IdHash {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHash>>;

/// The 64-bit hash a key is indexed under. Keys are not stored: with about a million
/// keys, two distinct keys share a 64-bit hash with a probability near 1e-7, and
/// loading skips a million string allocations.
fn key_hash(key: &str) -> u64 {
    bytes_hash(key.as_bytes())
}

/// [`key_hash`] of a key's bytes.
fn bytes_hash(b: &[u8]) -> u64 {
    // 8 bytes at a time, multiply-rotate, then MurmurHash3's finalizer so that every
    // bit of the key moves every bit of the hash.
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h: u64 = (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(K).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h ^ crate::fxhash::tail_word(rest)).wrapping_mul(K).rotate_left(29);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

const MULTI: u32 = 1 << 31;

fn encode(idx: u32, kind: MatchKind) -> u32 {
    (idx << 2) | kind as u32
}

fn decode(v: u32) -> (u32, MatchKind) {
    let kind = match v & 3 {
        0 => MatchKind::Name,
        1 => MatchKind::Alternate,
        2 => MatchKind::Translit,
        _ => MatchKind::Loose,
    };
    (v >> 2, kind)
}

/// Name key → hits while an index is built: one hit is stored inline, more in `multi`.
#[derive(Default, Clone)]
struct IndexBuilder {
    map: IdMap<u32>,
    multi: Vec<Vec<u32>>,
}

impl IndexBuilder {
    fn insert(&mut self, key: &str, idx: u32, kind: MatchKind) {
        if key.is_empty() {
            return;
        }
        self.insert_hash(key_hash(key), idx, kind);
    }

    fn insert_hash(&mut self, hash: u64, idx: u32, kind: MatchKind) {
        let new = encode(idx, kind);
        match self.map.entry(hash) {
            Entry::Vacant(e) => {
                e.insert(new);
            }
            Entry::Occupied(mut e) => {
                let v = *e.get();
                if v & MULTI == 0 {
                    if v >> 2 == idx {
                        e.insert(v.min(new));
                    } else {
                        self.multi.push(vec![v, new]);
                        e.insert(MULTI | (self.multi.len() - 1) as u32);
                    }
                } else {
                    let list = &mut self.multi[(v & !MULTI) as usize];
                    if let Some(h) = list.iter_mut().find(|h| **h >> 2 == idx) {
                        *h = (*h).min(new);
                    } else {
                        list.push(new);
                    }
                }
            }
        }
    }

    /// The index, frozen: key hashes sorted, hit lists flattened.
    fn freeze(self) -> NameIndex {
        let mut pairs: Vec<(u64, u32)> = self.map.into_iter().collect();
        pairs.sort_unstable_by_key(|p| p.0);
        let mut ix = NameIndex::default();
        ix.hashes.reserve_exact(pairs.len());
        ix.vals.reserve_exact(pairs.len());
        for (h, v) in pairs {
            ix.hashes.push(h);
            if v & MULTI == 0 {
                ix.vals.push(v);
            } else {
                let list = &self.multi[(v & !MULTI) as usize];
                ix.vals.push(MULTI | ix.multi.len() as u32);
                ix.multi.push(list.len() as u32);
                ix.multi.extend_from_slice(list);
            }
        }
        ix.make_buckets();
        ix
    }
}

/// Name key → hits, frozen: key hashes in sorted order with their hits (one inline, more
/// as `[count, hits…]` in `multi`), and where each run of hashes with the same top bits
/// starts, so that a lookup reads one bucket of a few hashes. Built once, it is read and
/// written as flat arrays ([`Gazetteer::to_compact`]).
#[derive(Default, Clone)]
struct NameIndex {
    hashes: Vec<u64>,
    vals: Vec<u32>,
    multi: Vec<u32>,
    /// Start in `hashes` of each value of the top `bits` bits, and the end.
    buckets: Vec<u32>,
    bits: u32,
    /// Two bits of each hash in one word of this filter ([`filter_slot`]): a key whose
    /// two bits are not both set is in no bucket. Most keys asked are in none, and the
    /// filter (8 to 16 bits a hash) is small enough to stay in the cache where the
    /// buckets and hashes (12 bytes a hash) are not: a miss is told without reading them.
    filter: Vec<u64>,
}

/// The word of a filter of `len` words (a power of two) and the two bits in it of hash
/// `h`: the word from the hash's low bits, the bits from the next twelve (the buckets
/// use the top bits).
#[inline]
fn filter_slot(h: u64, len: usize) -> (usize, u64) {
    let word = (h as usize) & (len - 1);
    let bits = (1u64 << ((h >> 32) & 63)) | (1u64 << ((h >> 38) & 63));
    (word, bits)
}

impl NameIndex {
    /// The buckets and the filter of the sorted `hashes`.
    fn make_buckets(&mut self) {
        let words = (self.hashes.len().next_power_of_two() / 8).max(1);
        let mut filter = vec![0u64; words];
        for &h in &self.hashes {
            let (w, bits) = filter_slot(h, words);
            filter[w] |= bits;
        }
        self.filter = filter;
        let n = self.hashes.len();
        self.bits = (usize::BITS - n.leading_zeros()).saturating_sub(1).clamp(1, 24);
        let nb = 1usize << self.bits;
        let mut buckets = Vec::with_capacity(nb + 1);
        let mut i = 0;
        for b in 0..nb as u64 {
            while i < n && self.hashes[i] >> (64 - self.bits) < b {
                i += 1;
            }
            buckets.push(i as u32);
        }
        buckets.push(n as u32);
        self.buckets = buckets;
    }

    /// The hits of a key hash, encoded.
    #[inline]
    fn find(&self, h: u64) -> &[u32] {
        if self.hashes.is_empty() {
            return &[];
        }
        let (w, bits) = filter_slot(h, self.filter.len());
        if self.filter[w] & bits != bits {
            return &[];
        }
        let b = (h >> (64 - self.bits)) as usize;
        let (s, e) = (self.buckets[b] as usize, self.buckets[b + 1] as usize);
        match self.hashes[s..e].iter().position(|&x| x == h) {
            None => &[],
            Some(k) => {
                let v = &self.vals[s + k];
                if v & MULTI == 0 {
                    std::slice::from_ref(v)
                } else {
                    let at = (v & !MULTI) as usize;
                    let len = self.multi[at] as usize;
                    &self.multi[at + 1..at + 1 + len]
                }
            }
        }
    }

    /// `a`'s hits, then `b`'s with their entries moved up by `off` (entries of two
    /// gazetteers, one after the other): one pass over both sorted hash lists.
    fn merge(a: &NameIndex, b: &NameIndex, off: u32) -> NameIndex {
        let mut ix = NameIndex::default();
        let n = a.hashes.len() + b.hashes.len();
        ix.hashes.reserve(n);
        ix.vals.reserve(n);
        let (mut i, mut j) = (0, 0);
        let mut list: Vec<u32> = Vec::new();
        while i < a.hashes.len() || j < b.hashes.len() {
            let ha = a.hashes.get(i).copied().unwrap_or(u64::MAX);
            let hb = b.hashes.get(j).copied().unwrap_or(u64::MAX);
            let h = if i < a.hashes.len() && (j >= b.hashes.len() || ha <= hb) { ha } else { hb };
            list.clear();
            if i < a.hashes.len() && ha == h {
                list.extend_from_slice(a.find(h));
                i += 1;
            }
            if j < b.hashes.len() && hb == h {
                list.extend(b.find(h).iter().map(|&x| {
                    let (k, mk) = decode(x);
                    encode(k + off, mk)
                }));
                j += 1;
            }
            ix.hashes.push(h);
            if let [one] = list[..] {
                ix.vals.push(one);
            } else {
                ix.vals.push(MULTI | ix.multi.len() as u32);
                ix.multi.push(list.len() as u32);
                ix.multi.extend_from_slice(&list);
            }
        }
        ix.make_buckets();
        ix
    }

    fn get(&self, key: &str) -> Hits {
        self.find(key_hash(key)).iter().map(|&h| decode(h)).collect()
    }

    /// Calls `f` with each hit of `key`, in order, without allocating.
    #[inline]
    fn each(&self, key: &[u8], mut f: impl FnMut((u32, MatchKind))) {
        self.find(bytes_hash(key)).iter().for_each(|&h| f(decode(h)));
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.hashes.len() as u32).to_le_bytes());
        for h in &self.hashes {
            out.extend_from_slice(&h.to_le_bytes());
        }
        for v in &self.vals {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(self.multi.len() as u32).to_le_bytes());
        for v in &self.multi {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }

    fn read(r: &mut Reader<'_>) -> Result<NameIndex, Error> {
        let n = r.u32()? as usize;
        let hashes: Vec<u64> =
            r.take(n * 8)?.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default())).collect();
        let vals = r.u32s(n)?;
        let m = r.u32()? as usize;
        let multi = r.u32s(m)?;
        if hashes.windows(2).any(|w| w[0] >= w[1]) {
            return Err(err("gazetteer: index hashes out of order"));
        }
        for &v in &vals {
            if v & MULTI != 0 {
                let at = (v & !MULTI) as usize;
                let len = *multi.get(at).ok_or_else(|| err("gazetteer: bad index list"))? as usize;
                if at + 1 + len > multi.len() {
                    return Err(err("gazetteer: bad index list"));
                }
            }
        }
        let mut ix = NameIndex { hashes, vals, multi, buckets: Vec::new(), bits: 0, filter: Vec::new() };
        ix.make_buckets();
        Ok(ix)
    }

    fn max_place(&self) -> Option<u32> {
        let single = self.vals.iter().filter(|&&v| v & MULTI == 0).map(|&v| v >> 2);
        let lists = self.vals.iter().filter(|&&v| v & MULTI != 0).flat_map(|&v| {
            let at = (v & !MULTI) as usize;
            self.multi[at + 1..at + 1 + self.multi[at] as usize].iter().map(|&x| x >> 2)
        });
        single.chain(lists).max()
    }
}

/// A cursor over the bytes of a compact gazetteer; running out is an error.
struct Reader<'a> {
    b: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if n > self.b.len() {
            return Err(err("gazetteer: compact data truncated"));
        }
        let (a, rest) = self.b.split_at(n);
        self.b = rest;
        Ok(a)
    }
    fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, Error> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, Error> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, Error> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
    }
    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, Error> {
        Ok(self.take(n * 4)?.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
    fn str(&mut self) -> Result<&'a str, Error> {
        let n = self.u16()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| err("gazetteer: compact data: a name is not UTF-8"))
    }
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    // Names are short; a longer one is cut at a character boundary.
    let mut n = s.len().min(u16::MAX as usize);
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    out.extend_from_slice(&(n as u16).to_le_bytes());
    out.extend_from_slice(&s.as_bytes()[..n]);
}

/// The first bytes of a compact gazetteer ([`Gazetteer::to_compact`]).
const COMPACT_MAGIC: &[u8; 12] = b"sitrep-gaz\x00\x02";

/// A name or code of an entry: borrowed from the embedded data, owned otherwise.
type Str = Cow<'static, str>;

/// (country, admin1 code, admin2 code).
type Admin2Key = (Str, Str, Str);

/// Country → admin1 code → entry (nested, so that a lookup needs no owned key).
type Admin1Map = FxMap<Str, FxMap<Str, u32>>;

/// Country → admin1 code → admin2 code → entry.
type Admin2Map = FxMap<Str, FxMap<Str, FxMap<Str, u32>>>;

/// A gazetteer loaded in memory with its name indexes.
pub struct Gazetteer {
    places: Vec<Place>,
    exact: NameIndex,
    /// Admin2 areas by all their names, bare ones included.
    area: NameIndex,
    translit: NameIndex,
    loose: NameIndex,
    admin1: Admin1Map,
    admin2: Admin2Map,
    countries: FxMap<Str, u32>,
    /// Entries replaced by a merged gazetteer's ([`Gazetteer::merged`]): never returned.
    hidden: Vec<bool>,
    max_words: usize,
    header: String,
    /// Tells this gazetteer from every other of the process, for the candidate cache.
    id: u64,
}

/// A new [`Gazetteer::id`].
fn next_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// How many name keys each generation of the candidate cache of a thread holds:
/// enough for the names that recur from document to document in a stream of news (a
/// country's, a capital's, a province's), far fewer than the distinct names of a corpus.
const CANDIDATE_CACHE: usize = 4096;

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("header", &self.header)
            .field("entries", &self.places.len())
            .field("names", &self.exact.hashes.len())
            .finish()
    }
}

/// An error reading a gazetteer file.
#[derive(Debug)]
pub struct Error {
    msg: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for Error {}

impl Error {
    pub(crate) fn new(msg: String) -> Error {
        Error { msg }
    }
}

fn err(msg: impl Into<String>) -> Error {
    Error { msg: msg.into() }
}

/// Name and alternate names of a row: fields 1 and 9.
fn row_names(line: &str) -> impl Iterator<Item = &str> {
    let mut f = line.split('\t');
    let name = f.nth(1).unwrap_or("");
    let alts = f.nth(7).unwrap_or("");
    std::iter::once(name).chain(alts.split('|').filter(|a| !a.is_empty()))
}

/// Words that, ending an admin2 area's name, say it is an area ("Rapides Parish",
/// "Shighnan District"): such names are matched anywhere. Bare admin2 names
/// ("Shighnan", "Oudalan") only where the text says an area is meant
/// ([`Gazetteer::lookup_area`]).
const AREA_WORDS: &[&str] = &[
    "county",
    "parish",
    "borough",
    "district",
    "province",
    "governorate",
    "prefecture",
    "department",
    "municipality",
    "upazila",
    "division",
    "region",
    "commune",
    "census area",
];

fn is_area_name(key: &str) -> bool {
    AREA_WORDS
        .iter()
        .any(|w| key.len() > w.len() + 1 && key.ends_with(w) && key.as_bytes()[key.len() - w.len() - 1] == b' ')
}

/// The apostrophes names are written with.
const APOSTROPHES: &[char] = &['\'', '\u{2019}', '\u{02bc}', '\u{02bb}', '`'];

/// Whether every apostrophe of `name` has at most two letters of its word before it or
/// at most one after it ("N'Djamena", "Be'er Sheva", "Murang'a", "Kazan'").
fn joinable(name: &str) -> bool {
    let mut any = false;
    for (i, c) in name.char_indices() {
        if !APOSTROPHES.contains(&c) {
            continue;
        }
        any = true;
        let before = name[..i].chars().rev().take_while(|c| c.is_alphabetic()).count();
        let after = name[i + c.len_utf8()..].chars().take_while(|c| c.is_alphabetic()).count();
        if before > 2 && after > 1 {
            return false;
        }
    }
    any
}

fn exact_index(body: &[&str]) -> (NameIndex, NameIndex, usize) {
    let mut ix = IndexBuilder::default();
    let mut area = IndexBuilder::default();
    ix.map.reserve(body.len() * 9 / 2);
    let mut max_words = 1;
    let mut k = String::new();
    for (idx, line) in body.iter().enumerate() {
        let mut f = line.split('\t');
        let name = f.nth(1).unwrap_or("");
        let admin2 = f.nth(6) == Some("ADM2");
        let alts = f.next().unwrap_or("");
        let names = std::iter::once(name).chain(alts.split('|').filter(|a| !a.is_empty()));
        for (i, name) in names.enumerate() {
            name_key_into(name, &mut k);
            if name.ends_with('.') {
                // An abbreviation ("Calif."): only matched with its dot.
                k.push('.');
            }
            let mk = if i == 0 { MatchKind::Name } else { MatchKind::Alternate };
            if admin2 {
                area.insert(&k, idx as u32, mk);
                if !is_area_name(&k) {
                    continue;
                }
            }
            max_words = max_words.max(k.split(' ').count());
            ix.insert(&k, idx as u32, mk);
            // A name with an apostrophe is often written without it ("Murang'a" as
            // "Muranga", "N'Djamena" as "Ndjamena"): that spelling is an alternate.
            // (Not a soft sign inside a Russian name, "Mar'ina": it would read "Marina".)
            if !admin2 && joinable(name) {
                let joined: String = name.chars().filter(|c| !APOSTROPHES.contains(c)).collect();
                name_key_into(&joined, &mut k);
                ix.insert(&k, idx as u32, MatchKind::Alternate);
            }
        }
    }
    (ix.freeze(), area.freeze(), max_words)
}

type Parsed = (Vec<Place>, NameIndex, NameIndex);

fn parse_rows(body: &[&str]) -> Result<Parsed, Error> {
    let mut places = Vec::with_capacity(body.len());
    let mut translit = IndexBuilder::default();
    let mut loose = IndexBuilder::default();
    for (n, line) in body.iter().enumerate() {
        let mut f = [""; 9];
        let mut it = line.split('\t');
        for (i, slot) in f.iter_mut().enumerate() {
            *slot = it.next().ok_or_else(|| err(format!("gazetteer: row {}: {} fields, expected 10", n + 1, i)))?;
        }
        // The tenth field (alternate names) may be missing; an eleventh is a broken row.
        if it.nth(1).is_some() {
            let k = line.split('\t').count();
            return Err(err(format!("gazetteer: row {}: {k} fields, expected 10", n + 1)));
        }
        let int = |i: usize| -> Result<u64, Error> {
            match f[i] {
                "" => Ok(0),
                v => v.parse().map_err(|_| err(format!("gazetteer: row {}: bad number {v:?}", n + 1))),
            }
        };
        let (geonames_id, population) = (int(0)?, int(7)?);
        let num = |i: usize| -> Result<f64, Error> {
            f[i].parse::<f64>().map_err(|_| err(format!("gazetteer: row {}: bad number {:?}", n + 1, f[i])))
        };
        let (lat, lon) = (num(5)?, num(6)?);
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(err(format!("gazetteer: row {}: coordinates out of range: {lat} {lon}", n + 1)));
        }
        let feature = f[8];
        let kind = match feature {
            "PCLI" => Kind::Country,
            "ADM1" => Kind::Admin1,
            "ADM2" => Kind::Admin2,
            "CONT" => Kind::Continent,
            _ => Kind::Place,
        };
        let place = Place {
            geonames_id,
            name: Cow::Owned(f[1].into()),
            country: Cow::Owned(f[2].into()),
            admin1: Cow::Owned(f[3].into()),
            admin2: Cow::Owned(f[4].into()),
            latitude: lat,
            longitude: lon,
            population,
            feature: Cow::Owned(feature.into()),
            kind,
        };
        let idx = n as u32;
        if translit_country(f[2]) && kind != Kind::Admin2 {
            let loose_ok = kind != Kind::Place || place.population >= LOOSE_MIN_POPULATION;
            for name in row_names(line) {
                let k = name_key(name);
                let t = translit_key(&k);
                if loose_ok && t.len() >= 5 {
                    loose.insert(&loose_key(&k), idx, MatchKind::Loose);
                }
                translit.insert(&t, idx, MatchKind::Translit);
            }
        }
        places.push(place);
    }
    Ok((places, translit.freeze(), loose.freeze()))
}

/// Rewrites "row N" (N-th record) of a parse error into the file's line number.
fn row_to_line(e: Error, s: &str) -> Error {
    let Some(rest) = e.msg.strip_prefix("gazetteer: row ") else {
        return e;
    };
    let Some((n, tail)) = rest.split_once(':') else {
        return e;
    };
    let Ok(n) = n.parse::<usize>() else {
        return e;
    };
    let mut seen = 0;
    for (i, l) in s.lines().enumerate().skip(1) {
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        seen += 1;
        if seen == n {
            return err(format!("line {}:{tail}", i + 1));
        }
    }
    e
}

type AdminMaps = (Admin1Map, Admin2Map, FxMap<Str, u32>);

fn admin_maps(places: &[Place], hidden: &[bool]) -> AdminMaps {
    let mut admin1 = Admin1Map::default();
    let mut admin2 = Admin2Map::default();
    let mut countries = FxMap::default();
    for (idx, p) in places.iter().enumerate() {
        if hidden.get(idx) == Some(&true) {
            continue;
        }
        match p.kind {
            Kind::Country => {
                countries.insert(p.country.clone(), idx as u32);
            }
            Kind::Admin1 => {
                admin1.entry(p.country.clone()).or_default().insert(p.admin1.clone(), idx as u32);
            }
            Kind::Admin2 => {
                let a1 = admin2.entry(p.country.clone()).or_default().entry(p.admin1.clone()).or_default();
                a1.insert(p.admin2.clone(), idx as u32);
            }
            Kind::Place | Kind::Continent => {}
        }
    }
    (admin1, admin2, countries)
}

fn translit_country(cc: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| TRANSLIT_COUNTRIES.iter().copied().collect()).contains(cc)
}

fn kind_code(k: Kind) -> u8 {
    match k {
        Kind::Place => 0,
        Kind::Admin2 => 1,
        Kind::Admin1 => 2,
        Kind::Country => 3,
        Kind::Continent => 4,
    }
}

fn kind_of_code(c: u8) -> Result<Kind, Error> {
    Ok(match c {
        0 => Kind::Place,
        1 => Kind::Admin2,
        2 => Kind::Admin1,
        3 => Kind::Country,
        4 => Kind::Continent,
        _ => return Err(err(format!("gazetteer: compact data: bad kind {c}"))),
    })
}

/// A 64-bit checksum of compact data, 8 bytes at a time.
fn checksum(b: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h: u64 = (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(K).rotate_left(29);
    }
    for &x in chunks.remainder() {
        h = (h ^ x as u64).wrapping_mul(K).rotate_left(29);
    }
    h ^ (h >> 32)
}

/// Compact data without its final checksum, once the checksum is found right: a
/// truncated or corrupted file is an error, never a silently wrong place.
fn checked(bytes: &[u8]) -> Result<&[u8], Error> {
    if !bytes.starts_with(COMPACT_MAGIC) {
        return Err(err("gazetteer: not a compact sitrep gazetteer"));
    }
    if bytes.len() < COMPACT_MAGIC.len() + 8 {
        return Err(err("gazetteer: compact data truncated"));
    }
    let (body, sum) = bytes.split_at(bytes.len() - 8);
    let sum = u64::from_le_bytes([sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7]]);
    if checksum(body) != sum {
        return Err(err("gazetteer: compact data truncated or corrupt (checksum mismatch)"));
    }
    Ok(body)
}

fn read_compact<'a>(bytes: &'a [u8], own: impl Fn(&'a str) -> Str) -> Result<Gazetteer, Error> {
    let mut r = Reader { b: bytes };
    if r.take(COMPACT_MAGIC.len()).ok() != Some(&COMPACT_MAGIC[..]) {
        return Err(err("gazetteer: not a compact sitrep gazetteer"));
    }
    let header = r.str()?.to_string();
    // (The matcher tries names of 8 words at most.)
    let max_words = (r.u32()? as usize).min(8);
    let pool_len = r.u32()? as usize;
    let pool = std::str::from_utf8(r.take(pool_len)?).map_err(|_| err("gazetteer: compact data: names not UTF-8"))?;
    let n = r.u32()? as usize;
    let mut places = Vec::with_capacity(n.min(bytes.len() / 63));
    let mut hidden = Vec::new();
    for i in 0..n {
        let geonames_id = r.u64()?;
        let latitude = f64::from_bits(r.u64()?);
        let longitude = f64::from_bits(r.u64()?);
        if !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
            return Err(err(format!("gazetteer: compact data: entry {}: coordinates out of range", i + 1)));
        }
        let population = r.u64()?;
        let k = r.u8()?;
        if k & 0x80 != 0 {
            hidden.resize(n, false);
            hidden[i] = true;
        }
        let kind = kind_of_code(k & 0x7f)?;
        let mut field = || -> Result<Str, Error> {
            let off = r.u32()? as usize;
            let len = r.u16()? as usize;
            pool.get(off..off + len).map(&own).ok_or_else(|| err("gazetteer: compact data: bad name reference"))
        };
        let (name, country, admin1, admin2, feature) = (field()?, field()?, field()?, field()?, field()?);
        places.push(Place {
            geonames_id,
            name,
            country,
            admin1,
            admin2,
            latitude,
            longitude,
            population,
            feature,
            kind,
        });
    }
    let exact = NameIndex::read(&mut r)?;
    let area = NameIndex::read(&mut r)?;
    let translit = NameIndex::read(&mut r)?;
    let loose = NameIndex::read(&mut r)?;
    if !r.b.is_empty() {
        return Err(err("gazetteer: compact data: trailing bytes"));
    }
    for ix in [&exact, &area, &translit, &loose] {
        if ix.max_place().is_some_and(|m| m as usize >= places.len()) {
            return Err(err("gazetteer: compact data: an index names a missing entry"));
        }
    }
    let (admin1, admin2, countries) = admin_maps(&places, &hidden);
    Ok(Gazetteer {
        places,
        exact,
        area,
        translit,
        loose,
        admin1,
        admin2,
        countries,
        hidden,
        max_words,
        header,
        id: next_id(),
    })
}

impl Gazetteer {
    /// The gazetteer in sitrep's compact binary form: its entries (their names and codes
    /// in one pool of distinct strings) and its name indexes as flat arrays, read back by
    /// [`Gazetteer::from_compact`] in one pass with no name to fold or hash (`build.rs`
    /// makes the embedded one from `world.tsv.gz`).
    pub fn to_compact(&self) -> Vec<u8> {
        let mut out = self.to_compact_unsummed();
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    fn to_compact_unsummed(&self) -> Vec<u8> {
        let mut pool = String::new();
        let mut at: HashMap<&str, u32> = HashMap::new();
        let mut refs: Vec<(u32, u16)> = Vec::with_capacity(self.places.len() * 5);
        for p in &self.places {
            for f in [&p.name, &p.country, &p.admin1, &p.admin2, &p.feature] {
                // Names are short; a longer one is cut at a character boundary.
                let mut n = f.len().min(u16::MAX as usize);
                while !f.is_char_boundary(n) {
                    n -= 1;
                }
                let f = &f[..n];
                let off = *at.entry(f).or_insert_with(|| {
                    pool.push_str(f);
                    (pool.len() - f.len()) as u32
                });
                refs.push((off, n as u16));
            }
        }
        let mut out = Vec::with_capacity(self.places.len() * 64 + pool.len());
        out.extend_from_slice(COMPACT_MAGIC);
        write_str(&mut out, &self.header);
        out.extend_from_slice(&(self.max_words as u32).to_le_bytes());
        out.extend_from_slice(&(pool.len() as u32).to_le_bytes());
        out.extend_from_slice(pool.as_bytes());
        out.extend_from_slice(&(self.places.len() as u32).to_le_bytes());
        for (i, p) in self.places.iter().enumerate() {
            out.extend_from_slice(&p.geonames_id.to_le_bytes());
            out.extend_from_slice(&p.latitude.to_le_bytes());
            out.extend_from_slice(&p.longitude.to_le_bytes());
            out.extend_from_slice(&p.population.to_le_bytes());
            out.push(kind_code(p.kind) | if self.hidden.get(i) == Some(&true) { 0x80 } else { 0 });
            for &(off, n) in &refs[i * 5..i * 5 + 5] {
                out.extend_from_slice(&off.to_le_bytes());
                out.extend_from_slice(&n.to_le_bytes());
            }
        }
        for ix in [&self.exact, &self.area, &self.translit, &self.loose] {
            ix.write(&mut out);
        }
        out
    }

    /// Reads a gazetteer written by [`Gazetteer::to_compact`]; truncated or corrupt data
    /// is an error, not a panic.
    pub fn from_compact(bytes: &[u8]) -> Result<Gazetteer, Error> {
        let body = checked(bytes)?;
        read_compact(body, |s| Cow::Owned(s.to_string()))
    }

    /// [`Gazetteer::from_compact`] for data that lives as long as the program (the
    /// embedded gazetteer, compiled into it): names and codes are borrowed from it, not
    /// copied, and the checksum is not recomputed.
    pub fn from_compact_static(bytes: &'static [u8]) -> Result<Gazetteer, Error> {
        if bytes.len() < 8 {
            return Err(err("gazetteer: compact data truncated"));
        }
        read_compact(&bytes[..bytes.len() - 8], Cow::Borrowed)
    }

    /// Replaces countries' coordinates with those of `tsv` (`ISO2 lat lon` lines, `#`
    /// comments): `world.tsv.gz` only has approximate centroids.
    pub fn set_country_centres(&mut self, tsv: &str) {
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(cc), Some(lat), Some(lon)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let (Ok(lat), Ok(lon)) = (lat.trim().parse(), lon.trim().parse()) else {
                continue;
            };
            if let Some(&i) = self.countries.get(cc) {
                let p = &mut self.places[i as usize];
                p.latitude = lat;
                p.longitude = lon;
            }
        }
    }

    /// Reads a gazetteer file in the `world.tsv.gz` format (gzip'd).
    pub fn from_gzip(bytes: &[u8]) -> Result<Gazetteer, Error> {
        let mut s = Vec::with_capacity(bytes.len() * 4);
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut s)
            .map_err(|e| err(format!("gazetteer: cannot decompress (truncated or corrupt gzip): {e}")))?;
        Gazetteer::from_tsv_bytes(&s)
    }

    /// [`Gazetteer::from_tsv`] for bytes that should be UTF-8: an error names the line
    /// that is not.
    fn from_tsv_bytes(bytes: &[u8]) -> Result<Gazetteer, Error> {
        match std::str::from_utf8(bytes) {
            Ok(s) => Gazetteer::from_tsv(s),
            Err(e) => {
                let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
                Err(err(format!("line {line}: not UTF-8")))
            }
        }
    }

    /// Reads a gazetteer from its uncompressed TSV text: a `#sitrep-gazetteer` header
    /// line, then `geonameid name country admin1 admin2 lat lon population feature
    /// alternates` rows (alternates separated by `|`).
    pub fn from_tsv(s: &str) -> Result<Gazetteer, Error> {
        let mut lines = s.lines();
        let header = lines.next().unwrap_or_default();
        if !header.starts_with("#sitrep-gazetteer") {
            return Err(err("gazetteer: missing #sitrep-gazetteer header"));
        }
        let body: Vec<&str> = lines.filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        // The exact-name index (most of the work) is built on a second thread.
        let (parsed, exact) = std::thread::scope(|sc| {
            let h = sc.spawn(|| exact_index(&body));
            let parsed = parse_rows(&body);
            (parsed, h.join().expect("exact index thread"))
        });
        let (exact, area, max_words) = (exact.0, exact.1, exact.2);
        let (places, translit, loose) = parsed.map_err(|e| row_to_line(e, s))?;
        let (admin1, admin2, countries) = admin_maps(&places, &[]);
        Ok(Gazetteer {
            places,
            exact,
            area,
            translit,
            loose,
            admin1,
            admin2,
            countries,
            hidden: Vec::new(),
            max_words: max_words.min(8),
            header: header.to_string(),
            id: next_id(),
        })
    }

    /// Reads a gazetteer file in the format of `world.tsv.gz`, gzip'd or not; errors
    /// name the file and, for a bad record, its line.
    pub fn from_path(path: &std::path::Path) -> Result<Gazetteer, Error> {
        let bytes = std::fs::read(path).map_err(|e| err(format!("{}: {e}", path.display())))?;
        let r = if bytes.starts_with(&[0x1f, 0x8b]) {
            Gazetteer::from_gzip(&bytes)
        } else if bytes.starts_with(COMPACT_MAGIC) {
            Gazetteer::from_compact(&bytes)
        } else {
            Gazetteer::from_tsv_bytes(&bytes)
        };
        r.map_err(|e| err(format!("{}: {}", path.display(), e.msg.trim_start_matches("gazetteer: "))))
    }

    /// `extra` merged over `base` (a user's gazetteer over the embedded one): all of
    /// `extra`'s entries are added; an entry of `base` with the same GeoNames id as one
    /// of `extra`'s is replaced by it, which keeps `base`'s population when it has none
    /// and takes `base`'s admin codes, so that `extra`'s admin areas that replace
    /// `base`'s keep their places ("Who's On First" regions coded by their own ids
    /// become GeoNames admin1 codes).
    pub fn merged(base: &Gazetteer, extra: Gazetteer) -> Gazetteer {
        let off = base.places.len() as u32;
        let by_id: HashMap<u64, u32> = base
            .places
            .iter()
            .enumerate()
            .filter(|(i, p)| p.geonames_id != 0 && base.hidden.get(*i) != Some(&true))
            .map(|(i, p)| (p.geonames_id, i as u32))
            .collect();
        let mut hidden = base.hidden.clone();
        hidden.resize(base.places.len() + extra.places.len(), false);
        let mut a1_map: HashMap<(Str, Str), Str> = HashMap::new();
        let mut a2_map: HashMap<Admin2Key, (Str, Str)> = HashMap::new();
        let mut replaced: Vec<Option<u32>> = vec![None; extra.places.len()];
        for (e, p) in extra.places.iter().enumerate() {
            let Some(&b) = by_id.get(&p.geonames_id).filter(|_| p.geonames_id != 0) else {
                continue;
            };
            let q = &base.places[b as usize];
            hidden[b as usize] = true;
            replaced[e] = Some(b);
            if p.kind == Kind::Admin1 && q.kind == Kind::Admin1 {
                a1_map.insert((p.country.clone(), p.admin1.clone()), q.admin1.clone());
            }
            if p.kind == Kind::Admin2 && q.kind == Kind::Admin2 {
                a2_map.insert(
                    (p.country.clone(), p.admin1.clone(), p.admin2.clone()),
                    (q.admin1.clone(), q.admin2.clone()),
                );
            }
        }
        let mut places = base.places.clone();
        places.reserve(extra.places.len());
        for (e, mut p) in extra.places.into_iter().enumerate() {
            if let Some((a1, a2)) = a2_map.get(&(p.country.clone(), p.admin1.clone(), p.admin2.clone())) {
                p.admin1 = a1.clone();
                p.admin2 = a2.clone();
            } else if let Some(a1) = a1_map.get(&(p.country.clone(), p.admin1.clone())) {
                p.admin1 = a1.clone();
            }
            if let Some(b) = replaced[e] {
                let q = &base.places[b as usize];
                if p.population == 0 {
                    p.population = q.population;
                }
                if p.kind == Kind::Place && q.kind == Kind::Place {
                    p.admin1 = q.admin1.clone();
                    p.admin2 = q.admin2.clone();
                    if p.feature.as_ref() == "PPL" {
                        p.feature = q.feature.clone();
                    }
                }
            }
            places.push(p);
        }
        let merge = |a: &NameIndex, b: &NameIndex| NameIndex::merge(a, b, off);
        let exact = merge(&base.exact, &extra.exact);
        let area = merge(&base.area, &extra.area);
        let translit = merge(&base.translit, &extra.translit);
        let loose = merge(&base.loose, &extra.loose);
        let (admin1, admin2, countries) = admin_maps(&places, &hidden);
        Gazetteer {
            places,
            exact,
            area,
            translit,
            loose,
            admin1,
            admin2,
            countries,
            hidden,
            max_words: base.max_words.max(extra.max_words),
            header: format!("{} + {}", base.header, extra.header),
            id: next_id(),
        }
    }

    /// The header line: format version and source package versions.
    pub fn header(&self) -> &str {
        &self.header
    }

    /// All entries.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Entry `idx`.
    pub fn place(&self, idx: u32) -> &Place {
        &self.places[idx as usize]
    }

    /// The most words a name has (names are matched up to this many words).
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Entries whose name or alternate name folds to the same [`name_key`] as `name`.
    pub fn lookup(&self, name: &str) -> Hits {
        self.lookup_key(&name_key(name))
    }

    /// [`Gazetteer::lookup`] for a ready [`name_key`].
    pub fn lookup_key(&self, key: &str) -> Hits {
        self.visible(self.exact.get(key))
    }

    fn visible(&self, mut hits: Hits) -> Hits {
        if !self.hidden.is_empty() {
            hits.retain(|h| !self.hidden[h.0 as usize]);
        }
        hits
    }

    /// Admin2 areas (districts, counties, provinces below the first level) whose name
    /// or alternate name has this [`name_key`], bare names included: "Oudalan",
    /// "Kaldar". The plain lookups find admin2 areas only by names that say they are
    /// areas ("Rapides Parish", "Shighnan District").
    pub fn lookup_area(&self, key: &str) -> Hits {
        self.visible(self.area.get(key))
    }

    /// Entries in [`TRANSLIT_COUNTRIES`] sharing the [`translit_key`] of a [`name_key`].
    pub fn lookup_translit(&self, key: &str) -> Hits {
        self.visible(self.translit.get(&translit_key(key)))
    }

    /// Entries (countries, admin1 areas, places of 20,000 people or more, in
    /// [`TRANSLIT_COUNTRIES`]) sharing the
    /// [`loose_key`] of a [`name_key`].
    pub fn lookup_loose(&self, key: &str) -> Hits {
        self.visible(self.loose.get(&loose_key(key)))
    }

    /// All matches of a name key, best kind of match first per entry: exact, then
    /// transliteration key, then loose key.
    pub fn candidates(&self, key: &str) -> Hits {
        // Recently asked keys are remembered per thread (a news stream names the same
        // places again and again), for this gazetteer only.
        // (Keyed by the key's hash, as the indexes are: no key is copied.) When full, the
        // cache becomes the older generation, whose keys asked again move to the new one:
        // the names that recur stay.
        thread_local! {
            static CACHE: std::cell::RefCell<(u64, IdMap<Hits>, IdMap<Hits>)> =
                std::cell::RefCell::new((u64::MAX, IdMap::default(), IdMap::default()));
        }
        let hash = key_hash(key);
        CACHE.with_borrow_mut(|(id, cache, older)| {
            if *id != self.id {
                cache.clear();
                older.clear();
                *id = self.id;
            }
            if let Some(h) = cache.get(&hash) {
                return h.clone();
            }
            let h = match older.remove(&hash) {
                Some(h) => h,
                None => self.candidates_uncached(key, hash),
            };
            if cache.len() >= CANDIDATE_CACHE {
                std::mem::swap(cache, older);
                cache.clear();
            }
            cache.insert(hash, h.clone());
            h
        })
    }

    /// [`Gazetteer::candidates`] of `key`, whose [`key_hash`] is `hash`.
    fn candidates_uncached(&self, key: &str, hash: u64) -> Hits {
        let visible = |i: u32| self.hidden.is_empty() || !self.hidden[i as usize];
        // (Most keys hit nothing: no allocation for them.)
        let mut out: Hits = Vec::new();
        for &h in self.exact.find(hash) {
            let h = decode(h);
            if visible(h.0) {
                out.push(h)
            }
        }
        if key.len() >= 4 {
            let mut add = |h: (u32, MatchKind)| {
                if visible(h.0) && !out.iter().any(|o| o.0 == h.0) {
                    out.push(h);
                }
            };
            // An ASCII key's two keys are made in bytes on the stack: no string.
            let (mut tb, mut lb) = ([0u8; KEY_MAX], [0u8; KEY_MAX]);
            if let Some((tn, ln)) = translit_and_loose_ascii(key, &mut tb, &mut lb) {
                self.translit.each(&tb[..tn], &mut add);
                self.loose.each(&lb[..ln], &mut add);
            } else {
                // Any other in buffers kept from call to call: no allocation.
                thread_local! {
                    static KEYS: std::cell::RefCell<(String, String)> =
                        const { std::cell::RefCell::new((String::new(), String::new())) };
                }
                KEYS.with_borrow_mut(|(t, l)| {
                    translit_and_loose_into(key, t, l);
                    self.translit.each(t.as_bytes(), &mut add);
                    self.loose.each(l.as_bytes(), &mut add);
                });
            }
        }
        out
    }

    /// The country entry for an ISO2 code.
    pub fn country(&self, iso2: &str) -> Option<&Place> {
        self.countries.get(iso2).map(|&i| self.place(i))
    }

    /// The admin1 entry for a country and GeoNames admin1 code.
    pub fn admin1(&self, country: &str, code: &str) -> Option<&Place> {
        self.admin1.get(country).and_then(|m| m.get(code)).map(|&i| self.place(i))
    }

    /// The admin2 entry for a country, admin1 and admin2 code (US counties for now).
    pub fn admin2(&self, country: &str, admin1: &str, code: &str) -> Option<&Place> {
        self.admin2.get(country).and_then(|m| m.get(admin1)).and_then(|m| m.get(code)).map(|&i| self.place(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = "#sitrep-gazetteer\tv1\ttest\n\
        99237\tIraq\tIQ\t\t\t33.34\t44.40\t26000000\tPCLI\tIrak|Republic of Iraq\n\
        99592\tAl Anbār\tIQ\t01\t\t33.42\t43.30\t558574\tADM1\tAnbar|Al-Anbar Governorate\n\
        98854\tNasiriyah\tIQ\t09\t\t31.05\t46.25\t558400\tPPLA\tAn Nasiriyah\n";

    #[test]
    fn parses_and_looks_up() {
        let g = Gazetteer::from_tsv(MINI).unwrap();
        assert_eq!(g.places().len(), 3);
        assert_eq!(g.lookup("IRAK")[0], (0, MatchKind::Alternate));
        assert_eq!(g.lookup("Iraq")[0], (0, MatchKind::Name));
        assert!(g.lookup("Nassiriyah").is_empty());
        let c = g.candidates(&name_key("Nassiriyah"));
        assert_eq!(c, vec![(2, MatchKind::Translit)]);
        assert_eq!(g.candidates(&name_key("Al-Anbar"))[0].0, 1);
        assert_eq!(g.admin1("IQ", "01").unwrap().name.as_ref(), "Al Anbār");
        assert_eq!(g.country("IQ").unwrap().geonames_id, 99237);
    }

    #[test]
    fn candidate_cache_is_per_gazetteer() {
        // The same key asked of two gazetteers in one thread: each answers its own.
        let a = Gazetteer::from_tsv(MINI).unwrap();
        let b =
            Gazetteer::from_tsv("#sitrep-gazetteer\tv1\ttest\n7\tNasiriyah\tIQ\t09\t\t31.0\t46.2\t1\tPPL\t\n").unwrap();
        let k = name_key("Nasiriyah");
        assert_eq!(a.candidates(&k), vec![(2, MatchKind::Name)]);
        assert_eq!(b.candidates(&k), vec![(0, MatchKind::Name)]);
        assert_eq!(a.candidates(&k), vec![(2, MatchKind::Name)]);
    }

    #[test]
    fn rejects_bad_input() {
        assert!(Gazetteer::from_tsv("no header\n").is_err());
        assert!(Gazetteer::from_tsv("#sitrep-gazetteer\n1\tX\tIQ\n").is_err());
    }
}
