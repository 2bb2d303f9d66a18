/*!
Lexicons: phrase lists that analysts can read and extend, compiled into one matcher each.

# Overview

A lexicon file is plain text, one entry a line, fields separated by tabs:

```text
# comment
phrase<TAB>key<TAB>attr=value<TAB>attr=value
```

The phrase is matched on folded text (see [`sitrep_text::fold_str`]): case, accents,
apostrophes and dashes do not matter. It matches whole words only; a phrase whose last
word ends in `*` also matches longer words (`attaqu*` matches "attaque", "attaqués").
Several words separated by single spaces match those words separated by any run of
spaces. A key names what the entry means for the stage that reads the file (a
sub-event type, a canonical actor, a status), and attributes carry the rest.

# Example

```
use sitrep_lexicon::Lexicon;
use sitrep_text::Text;

let lex = Lexicon::parse("test", "engin explosif\tied\nattaqu*\tattack\tgeneric=1\n")?;
let text = Text::new("Un ENGIN explosif a visé le convoi attaqué hier.");
let hits = lex.find(&text);
assert_eq!(hits.len(), 2);
assert_eq!(text.slice(hits[0].start, hits[0].end), "ENGIN explosif");
assert_eq!(lex.entry(hits[1].entry).key, "attack");
assert_eq!(lex.entry(hits[1].entry).attr("generic"), Some("1"));
# Ok::<(), sitrep_lexicon::Error>(())
```
*/

use sitrep_text::{fold_str, Text};

/// One line of a lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The phrase as written in the file.
    pub phrase: String,
    pub key: String,
    attrs: Vec<(String, String)>,
    prefix: bool,
    /// 1-based line number in its file, for `explain`.
    pub line: usize,
}

impl Entry {
    /// The value of attribute `name`, if the entry sets it.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| same_name(k, name)).map(|(_, v)| v.as_str())
    }

    /// Whether the entry sets attribute `name` (with any value).
    pub fn has(&self, name: &str) -> bool {
        self.attrs.iter().any(|(k, _)| same_name(k, name))
    }
}

/// `k == name`, with the lengths and first bytes compared before the rest: the coder asks
/// for attributes at every trigger, and most names it asks differ from an entry's there,
/// with no call to `memcmp`.
#[inline]
fn same_name(k: &str, name: &str) -> bool {
    k.len() == name.len() && k.as_bytes().first() == name.as_bytes().first() && k == name
}

/// A match of an entry: original character offsets and folded byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub start: usize,
    pub end: usize,
    pub fstart: usize,
    pub fend: usize,
}

/// A lexicon file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    name: String,
    line: usize,
    reason: String,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "lexicon {}:{}: {}", self.name, self.line, self.reason)
    }
}

impl std::error::Error for Error {}

/// A compiled lexicon.
#[derive(Clone, Debug)]
pub struct Lexicon {
    name: String,
    entries: Vec<Entry>,
    /// The folded phrases (pattern index = entry index).
    matcher: Trie,
    /// Words that may sit between two words of a phrase (see [`Lexicon::with_inserts`]).
    inserts: Inserts,
}

/// Folded words that may sit inside a phrase's match, longest first, with the bytes they
/// start with.
#[derive(Clone, Debug)]
struct Inserts {
    words: Vec<Vec<u8>>,
    first: [bool; 256],
}

impl Default for Inserts {
    fn default() -> Inserts {
        Inserts { words: Vec::new(), first: [false; 256] }
    }
}

impl Inserts {
    fn new(mut words: Vec<Vec<u8>>) -> Inserts {
        // Longest first, so "mercredi soir" is tried before "mercredi".
        words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        words.dedup();
        let mut first = [false; 256];
        for w in &words {
            first[usize::from(w[0])] = true;
        }
        Inserts { words, first }
    }
}

/// A byte trie of the folded phrases, with a dense transition table over the bytes that
/// occur in them. Matches may only start where a word starts (or at a byte that is not
/// part of a word), so [`Lexicon::find_in`] walks it from those positions only, which
/// finds the same matches as an overlapping Aho-Corasick search followed by the
/// whole-word filter.
#[derive(Clone, Debug)]
struct Trie {
    /// Byte → class (0: the byte occurs in no phrase).
    class: Vec<u16>,
    /// Number of classes (class 0 included).
    classes: usize,
    /// `node * classes + class` → child node of the first [`DENSE`] nodes (0: none; node 0
    /// is the root), with [`ENDS`] set if phrases end there.
    dense: Vec<u32>,
    /// Node → range of `edges`, for the nodes after the first [`DENSE`].
    edges_of: Vec<(u32, u32)>,
    /// `(class, child)` of those nodes (few, most have one).
    edges: Vec<(u16, u32)>,
    /// Node → range of `ends`.
    ends_of: Vec<(u32, u32)>,
    /// Patterns that end at the nodes.
    ends: Vec<u32>,
}

/// The bit of a child in [`Trie::dense`] and [`Trie::edges`] that tells phrases end at
/// that node.
const ENDS: u32 = 1 << 31;

/// The number of nodes, in breadth-first order, with a dense row of children: the ones
/// near the root, which every search visits. The others keep a short list, to keep the
/// tables small enough to stay in cache.
const DENSE: usize = 64;

impl Trie {
    fn new(patterns: &[String]) -> Trie {
        let mut class = vec![0u16; 256];
        let mut classes = 1usize;
        for p in patterns {
            for &b in p.as_bytes() {
                if class[usize::from(b)] == 0 {
                    class[usize::from(b)] = classes as u16;
                    classes += 1;
                }
            }
        }
        let mut next = vec![0u32; classes];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        for (pid, pat) in patterns.iter().enumerate() {
            let mut node = 0usize;
            for &b in pat.as_bytes() {
                let at = node * classes + usize::from(class[usize::from(b)]);
                if next[at] == 0 {
                    next[at] = ends.len() as u32;
                    ends.push(Vec::new());
                    next.resize(ends.len() * classes, 0);
                }
                node = next[at] as usize;
            }
            ends[node].push(pid as u32);
        }
        // Number the nodes breadth first, so that the nodes near the root, which every
        // search visits, share a few cache lines; mark the nodes where phrases end.
        let n = ends.len();
        let mut order = vec![0usize];
        let mut new_id = vec![0u32; n];
        let mut k = 0;
        while k < order.len() {
            let node = order[k];
            for c in 1..classes {
                let child = next[node * classes + c] as usize;
                if child != 0 {
                    new_id[child] = order.len() as u32;
                    order.push(child);
                }
            }
            k += 1;
        }
        let mut t = Trie {
            class,
            classes,
            dense: vec![0; n.min(DENSE) * classes],
            edges_of: Vec::with_capacity(n),
            edges: Vec::new(),
            ends_of: Vec::with_capacity(n),
            ends: Vec::new(),
        };
        for (new, &old) in order.iter().enumerate() {
            let a = t.edges.len() as u32;
            for c in 1..classes {
                let child = next[old * classes + c] as usize;
                if child != 0 {
                    let mark = if ends[child].is_empty() { 0 } else { ENDS };
                    if new < DENSE {
                        t.dense[new * classes + c] = new_id[child] | mark;
                    } else {
                        t.edges.push((c as u16, new_id[child] | mark));
                    }
                }
            }
            t.edges_of.push((a, t.edges.len() as u32));
            let a = t.ends.len() as u32;
            t.ends.extend(&ends[old]);
            t.ends_of.push((a, t.ends.len() as u32));
        }
        t
    }

    /// The child of `node` by byte `b` (0: none).
    #[inline]
    fn child(&self, node: u32, b: u8) -> u32 {
        let c = self.class[usize::from(b)];
        let node = node as usize;
        if c == 0 {
            0
        } else if node < DENSE {
            self.dense[node * self.classes + usize::from(c)]
        } else {
            let (a, z) = self.edges_of[node];
            self.edges[a as usize..z as usize].iter().find(|e| e.0 == c).map_or(0, |e| e.1)
        }
    }
}

impl Lexicon {
    /// Parses and compiles lexicon `source`; `name` is used in error messages.
    pub fn parse(name: &str, source: &str) -> Result<Lexicon, Error> {
        Lexicon::parse_many(&[(name, source)])
    }

    /// Parses several files into one lexicon (e.g. a language's file and a shared one).
    pub fn parse_many(files: &[(&str, &str)]) -> Result<Lexicon, Error> {
        let mut entries = Vec::new();
        let mut patterns = Vec::new();
        for &(name, source) in files {
            for (i, raw) in source.lines().enumerate() {
                let line = raw.trim_end();
                if line.trim().is_empty() || line.trim_start().starts_with('#') {
                    continue;
                }
                let err = |reason: &str| Error { name: name.to_string(), line: i + 1, reason: reason.to_string() };
                let mut fields = line.split('\t');
                let phrase = fields.next().unwrap_or("").trim();
                let key = fields.next().map(str::trim).unwrap_or("");
                if phrase.is_empty() {
                    return Err(err("empty phrase"));
                }
                let mut attrs = Vec::new();
                for f in fields.map(str::trim).filter(|f| !f.is_empty()) {
                    let (k, v) = f.split_once('=').unwrap_or((f, ""));
                    attrs.push((k.trim().to_string(), v.trim().to_string()));
                }
                let prefix = phrase.ends_with('*');
                let folded = pattern_of(phrase);
                if folded.is_empty() {
                    return Err(err("phrase folds to nothing"));
                }
                patterns.push(folded);
                entries.push(Entry { phrase: phrase.to_string(), key: key.to_string(), attrs, prefix, line: i + 1 });
            }
        }
        let matcher = Trie::new(&patterns);
        Ok(Lexicon {
            name: files.first().map_or("", |f| f.0).to_string(),
            entries,
            matcher,
            inserts: Inserts::default(),
        })
    }

    /// This lexicon, whose phrases also match with one of `inserts` between two of their
    /// words: a time word a sentence puts inside a verb phrase ("ont lancé *samedi*
    /// l'opération", "ont pris *lundi* le contrôle"). An insert is a phrase of its own
    /// (folded, whole words); at most one sits inside a match, never at its ends.
    pub fn with_inserts(mut self, inserts: &Lexicon) -> Lexicon {
        self.inserts = Inserts::new(inserts.entries.iter().map(|e| pattern_of(&e.phrase).into_bytes()).collect());
        self
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All whole-word matches, longest first where they overlap, in text order.
    ///
    /// Runs of spaces in the text are matched by the single spaces of a phrase only when
    /// the text has single spaces: texts are matched as they are folded.
    pub fn find(&self, text: &Text<'_>) -> Vec<Hit> {
        self.find_in(text, 0, text.folded().len())
    }

    /// [`Lexicon::find`] restricted to folded bytes `[from, to)`.
    pub fn find_in(&self, text: &Text<'_>, from: usize, to: usize) -> Vec<Hit> {
        hits(text, self.raw_matches(text.folded().as_bytes(), from, to))
    }

    /// [`Lexicon::find`] of several lexicons over one text, which share the scan for the
    /// places where a match can start.
    pub fn find_each<const N: usize>(lexicons: [&Lexicon; N], text: &Text<'_>) -> [Vec<Hit>; N] {
        let f = text.folded().as_bytes();
        let starts: Vec<usize> = starts(f).collect();
        lexicons.map(|lex| {
            let mut raw = Vec::new();
            for &s in &starts {
                lex.walk(f, s, f.len(), &mut raw);
            }
            hits(text, raw)
        })
    }

    /// Every whole-word match `(start, end, entry)` of folded bytes `[from, to)` of `f`, in
    /// order of start.
    fn raw_matches(&self, f: &[u8], from: usize, to: usize) -> Vec<(usize, usize, usize)> {
        let to = to.min(f.len());
        let mut raw: Vec<(usize, usize, usize)> = Vec::new();
        let mut s = from;
        while s < to {
            // A match never starts inside a word: past the first byte of a word, skip to
            // its end.
            if s > 0 && WORD[usize::from(f[s])] && WORD[usize::from(f[s - 1])] {
                s += 1;
                while s < to && WORD[usize::from(f[s])] {
                    s += 1;
                }
                continue;
            }
            self.walk(f, s, to, &mut raw);
            s += 1;
        }
        raw
    }

    /// Pushes to `raw` the whole-word matches that start at folded byte `s` and end by
    /// `to` (or run on past it through a word, for prefix entries).
    #[inline]
    fn walk(&self, f: &[u8], s: usize, to: usize, raw: &mut Vec<(usize, usize, usize)>) {
        self.matcher.walk(f, s, to, &self.inserts, &|pid| self.entries[pid as usize].prefix, &mut |s, e, pid, _| {
            raw.push((s, e, pid as usize))
        });
    }
}

/// The folded form of a lexicon phrase, as its trie holds it: no trailing `*`, single
/// spaces.
fn pattern_of(phrase: &str) -> String {
    let folded = fold_str(phrase.trim_end_matches('*'));
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where a match can start in folded text `f`, in order: not inside a word, and not at an
/// ASCII space (a phrase never starts with one).
fn starts(f: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut s = 0;
    std::iter::from_fn(move || {
        while s < f.len() {
            if s > 0 && WORD[usize::from(f[s])] && WORD[usize::from(f[s - 1])] {
                s += 1;
                while s < f.len() && WORD[usize::from(f[s])] {
                    s += 1;
                }
                continue;
            }
            s += 1;
            if !f[s - 1].is_ascii_whitespace() {
                return Some(s - 1);
            }
        }
        None
    })
}

impl Trie {
    /// Calls `push(s, end, pattern)` for the whole-word matches that start at folded byte
    /// `s` and end by `to` (or run on past it through a word, for the patterns where
    /// `prefix(pattern)` holds).
    /// With `inserts`, the walk may also step over one of them that follows a space inside
    /// a phrase; such matches are pushed with `true`.
    #[inline]
    fn walk<P: Fn(u32) -> bool, F: FnMut(usize, usize, u32, bool)>(
        &self,
        f: &[u8],
        s: usize,
        to: usize,
        inserts: &Inserts,
        prefix: &P,
        push: &mut F,
    ) {
        let node = self.child(0, f[s]);
        if node == 0 {
            return;
        }
        let inserts = Some(inserts).filter(|i| !i.words.is_empty());
        self.walk_from(f, (s, node, s + 1), to, inserts, false, prefix, push);
    }

    /// [`Trie::walk_from`] past an insert, out of line: the walk itself is inlined where
    /// it starts (a call for each of the text's words cost a sixth of the walk), this
    /// rare path is not.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn walk_inserted<P: Fn(u32) -> bool, F: FnMut(usize, usize, u32, bool)>(
        &self,
        f: &[u8],
        at: (usize, u32, usize),
        to: usize,
        prefix: &P,
        push: &mut F,
    ) {
        self.walk_from(f, at, to, None, true, prefix, push);
    }

    /// [`Trie::walk`] of a match that started at `s` and reached `node` at folded byte
    /// `q`; `inserted` once an insert has been stepped over (then `inserts` is `None`).
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn walk_from<P: Fn(u32) -> bool, F: FnMut(usize, usize, u32, bool)>(
        &self,
        f: &[u8],
        (s, mut node, mut q): (usize, u32, usize),
        to: usize,
        inserts: Option<&Inserts>,
        inserted: bool,
        prefix: &P,
        push: &mut F,
    ) {
        while node != 0 {
            if node & ENDS != 0 {
                let (a, z) = self.ends_of[(node & !ENDS) as usize];
                for &pid in &self.ends[a as usize..z as usize] {
                    let mut e = q;
                    if prefix(pid) {
                        while e < f.len() && is_word_byte(f, e) {
                            e += 1;
                        }
                    } else if e < f.len() && is_word_byte(f, e) && is_word_byte(f, e - 1) {
                        continue;
                    }
                    push(s, e, pid, inserted);
                }
            }
            if q >= to {
                break;
            }
            if let Some(ins) = inserts.filter(|i| f[q - 1] == b' ' && i.first[usize::from(f[q])]) {
                for w in &ins.words {
                    let e = q + w.len();
                    // The insert, a whole word, then a space and the phrase's next word.
                    if e < to && f[e] == b' ' && f[q..].starts_with(w) {
                        let mut r = e;
                        while r < to && f[r] == b' ' {
                            r += 1;
                        }
                        if r < to {
                            let next = self.child(node & !ENDS, f[r]);
                            self.walk_inserted(f, (s, next, r + 1), to, prefix, push);
                        }
                    }
                }
            }
            node = self.child(node & !ENDS, f[q]);
            q += 1;
        }
    }
}

/// Several lexicons compiled into one trie, so that a text is walked once for all of
/// them: [`LexiconSet::find`] gives what [`Lexicon::find_each`] gives, in a fraction of
/// the steps.
#[derive(Clone, Debug)]
pub struct LexiconSet<const N: usize> {
    matcher: Trie,
    /// Pattern → (lexicon, entry, whether the entry is a prefix).
    owner: Vec<(u32, u32, bool)>,
    /// The inserts of every lexicon of the set; a match that steps over one counts only
    /// for the lexicons that have inserts.
    inserts: Inserts,
    takes_inserts: [bool; N],
    /// No phrase starts with a byte outside ASCII: a match can then start only where a
    /// token of the text does (see [`LexiconSet::find`]).
    ascii_first: bool,
}

impl<const N: usize> LexiconSet<N> {
    pub fn new(lexicons: [&Lexicon; N]) -> LexiconSet<N> {
        let mut patterns = Vec::new();
        let mut owner = Vec::new();
        for (l, lex) in lexicons.iter().enumerate() {
            for (i, e) in lex.entries.iter().enumerate() {
                patterns.push(pattern_of(&e.phrase));
                owner.push((l as u32, i as u32, e.prefix));
            }
        }
        let words = lexicons.iter().flat_map(|l| l.inserts.words.iter().cloned()).collect();
        let takes_inserts = lexicons.map(|l| !l.inserts.words.is_empty());
        let matcher = Trie::new(&patterns);
        let ascii_first = (0x80..=0xff).all(|b| matcher.child(0, b) == 0);
        LexiconSet { matcher, owner, inserts: Inserts::new(words), takes_inserts, ascii_first }
    }

    /// The hits of each lexicon in `text`, as [`Lexicon::find`] finds them.
    pub fn find(&self, text: &Text<'_>) -> [Vec<Hit>; N] {
        let f = text.folded().as_bytes();
        let mut raw: [Vec<(usize, usize, usize)>; N] = std::array::from_fn(|_| Vec::new());
        // Where a match can start ([`starts`]) is where a token starts, save inside a run
        // of word bytes ("°C" in "10°C") and at a space outside ASCII, where no phrase
        // starts when all start in ASCII: the tokens (made once per text) are read
        // rather than every byte of the text.
        let mut from_tokens;
        let mut from_bytes;
        let starts: &mut dyn Iterator<Item = usize> = if self.ascii_first {
            from_tokens = text
                .tokens_ref()
                .iter()
                .map(|t| t.fstart)
                .filter(|&s| s == 0 || !(WORD[usize::from(f[s])] && WORD[usize::from(f[s - 1])]));
            &mut from_tokens
        } else {
            from_bytes = starts(f);
            &mut from_bytes
        };
        for s in starts {
            self.matcher.walk(
                f,
                s,
                f.len(),
                &self.inserts,
                &|pid| self.owner[pid as usize].2,
                &mut |s, e, pid, inserted| {
                    let (l, entry, _) = self.owner[pid as usize];
                    if !inserted || self.takes_inserts[l as usize] {
                        raw[l as usize].push((s, e, entry as usize));
                    }
                },
            );
        }
        raw.map(|r| hits(text, r))
    }
}

/// Raw matches `(start, end, entry)` in order of start, as hits: where matches overlap,
/// the longest one wins.
fn hits(text: &Text<'_>, mut raw: Vec<(usize, usize, usize)>) -> Vec<Hit> {
    raw.sort_unstable_by(|a, b| a.0.cmp(&b.0).then((b.1 - b.0).cmp(&(a.1 - a.0))).then(a.2.cmp(&b.2)));
    let mut kept: Vec<(usize, usize, usize)> = Vec::with_capacity(raw.len());
    for r in raw {
        match kept.last_mut() {
            Some(last) if r.0 < last.1 => {
                if r.1 - r.0 > last.1 - last.0 {
                    *last = r;
                }
            }
            _ => kept.push(r),
        }
    }
    kept.into_iter()
        .map(|(fs, fe, entry)| {
            let (start, end) = text.original_range(fs, fe);
            Hit { entry, start, end, fstart: fs, fend: fe }
        })
        .collect()
}

/// Which bytes belong to a word (see [`is_word_byte`]), as a table.
static WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c >= 0x80;
        b += 1;
    }
    t
};

/// Whether the folded byte at `i` belongs to a word (a letter or digit; any non-ASCII
/// byte counts as a letter, since folding leaves only letters outside ASCII).
#[inline]
fn is_word_byte(f: &[u8], i: usize) -> bool {
    WORD[usize::from(f[i])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let lex = Lexicon::parse("t", "tue\tkill\n").unwrap();
        assert_eq!(lex.find(&Text::new("Il a tué deux personnes")).len(), 1);
        assert!(lex.find(&Text::new("une statue")).is_empty());
        assert!(lex.find(&Text::new("tuer")).is_empty());
    }

    #[test]
    fn prefix_entries_extend_to_the_word_end() {
        let lex = Lexicon::parse("t", "attaqu*\tattack\n").unwrap();
        let t = Text::new("Ils ont été attaqués.");
        let h = lex.find(&t);
        assert_eq!(t.slice(h[0].start, h[0].end), "attaqués");
    }

    #[test]
    fn longest_wins() {
        let lex = Lexicon::parse("t", "engin\tx\nengin explosif improvise\tied\nexplosif\ty\n").unwrap();
        let t = Text::new("un engin explosif improvisé");
        let h = lex.find(&t);
        assert_eq!(h.len(), 1);
        assert_eq!(lex.entry(h[0].entry).key, "ied");
    }

    /// The matches of an overlapping Aho-Corasick search with the whole-word filter (the
    /// matcher before the trie), unsorted.
    fn reference(lex: &Lexicon, patterns: &[String], text: &Text<'_>) -> Vec<(usize, usize, usize)> {
        use aho_corasick::{AhoCorasick, MatchKind};
        let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).build(patterns).unwrap();
        let f = text.folded().as_bytes();
        let mut raw = Vec::new();
        for m in ac.find_overlapping_iter(f) {
            let (s, mut e) = (m.start(), m.end());
            if s > 0 && is_word_byte(f, s - 1) && is_word_byte(f, s) {
                continue;
            }
            if lex.entries[m.pattern().as_usize()].prefix {
                while e < f.len() && is_word_byte(f, e) {
                    e += 1;
                }
            } else if e < f.len() && is_word_byte(f, e) && is_word_byte(f, e - 1) {
                continue;
            }
            raw.push((s, e, m.pattern().as_usize()));
        }
        raw.sort_unstable();
        raw
    }

    #[test]
    fn same_as_aho_corasick() {
        let files = [
            include_str!("../../../data/lexicons/fr/events.tsv"),
            include_str!("../../../data/lexicons/fr/actors.tsv"),
            include_str!("../../../data/lexicons/fr/cues.tsv"),
            include_str!("../../../data/lexicons/en/events.tsv"),
            include_str!("../../../data/lexicons/en/actors.tsv"),
            include_str!("../../../data/lexicons/en/cues.tsv"),
        ];
        for src in files {
            let lex = Lexicon::parse("t", src).unwrap();
            let patterns: Vec<String> = lex
                .entries
                .iter()
                .map(|e| fold_str(e.phrase.trim_end_matches('*')).split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            // Every phrase, glued to its neighbours, inside words, after punctuation.
            let mut s = String::new();
            for (i, e) in lex.entries.iter().enumerate() {
                let p = e.phrase.trim_end_matches('*');
                match i % 5 {
                    0 => s.push_str(&format!("{p} ")),
                    1 => s.push_str(&format!("x{p}s, ")),
                    2 => s.push_str(&format!("({p}és) ")),
                    3 => s.push_str(&format!("«{p}»{p}-{p}")),
                    _ => s.push_str(&format!("L’{p}  {p}\n")),
                }
            }
            let text = Text::new(&s);
            let mut got = lex.raw_matches(text.folded().as_bytes(), 0, text.folded().len());
            got.sort_unstable();
            let want = reference(&lex, &patterns, &text);
            assert!(want.len() > lex.len());
            assert_eq!(got, want);
            let [each, again] = Lexicon::find_each([&lex, &lex], &text);
            assert_eq!(each, lex.find(&text));
            assert_eq!(again, each);
        }
    }

    #[test]
    fn an_insert_may_sit_inside_a_phrase() {
        let lex = Lexicon::parse("t", "pris le controle\tx\nont lance l'operation\ty\nsamedi\tz\n").unwrap();
        let inserts = Lexicon::parse("i", "samedi\ttime\nlundi soir\ttime\nlundi\ttime\n").unwrap();
        let lex = lex.with_inserts(&inserts);
        let text = Text::new("Ils ont pris lundi soir le contrôle du site. Ils ont lancé samedi l'opération.");
        let found: Vec<(&str, &str)> =
            lex.find(&text).iter().map(|h| (text.slice(h.start, h.end), lex.entry(h.entry).key.as_str())).collect();
        assert_eq!(found, [("pris lundi soir le contrôle", "x"), ("ont lancé samedi l'opération", "y")]);
        // Never at the ends, one at most, whole words only.
        let text = Text::new("samedi pris le contrôle samedi");
        let hits: Vec<&str> = lex.find(&text).iter().map(|h| text.slice(h.start, h.end)).collect();
        assert_eq!(hits, ["samedi", "pris le contrôle", "samedi"]);
        for no in ["pris samedi lundi le contrôle", "pris samedis le contrôle"] {
            let text = Text::new(no);
            assert!(lex.find(&text).iter().all(|h| lex.entry(h.entry).key != "x"), "{no}");
        }
        // A phrase that is itself an insert still matches on its own.
        let text = Text::new("samedi");
        assert_eq!(lex.find(&text).len(), 1);
    }

    #[test]
    fn a_set_steps_over_inserts_only_for_lexicons_that_take_them() {
        let inserts = Lexicon::parse("i", "samedi\ttime\n").unwrap();
        let events = Lexicon::parse("e", "pris le controle\tx\n").unwrap().with_inserts(&inserts);
        let actors = Lexicon::parse("a", "pris le controle\ty\n").unwrap();
        let set = LexiconSet::new([&events, &actors]);
        let text = Text::new("Ils ont pris samedi le contrôle du site, puis pris le contrôle du puits.");
        let [e, a] = set.find(&text);
        assert_eq!(e, events.find(&text));
        assert_eq!(a, actors.find(&text));
        assert_eq!((e.len(), a.len()), (2, 1));
    }

    #[test]
    fn a_set_finds_what_each_lexicon_finds() {
        for lang in ["fr", "en"] {
            let src = |file: &str| match (lang, file) {
                ("fr", "events") => include_str!("../../../data/lexicons/fr/events.tsv"),
                ("fr", "actors") => include_str!("../../../data/lexicons/fr/actors.tsv"),
                ("fr", _) => include_str!("../../../data/lexicons/fr/cues.tsv"),
                (_, "events") => include_str!("../../../data/lexicons/en/events.tsv"),
                (_, "actors") => include_str!("../../../data/lexicons/en/actors.tsv"),
                _ => include_str!("../../../data/lexicons/en/cues.tsv"),
            };
            let lexes = ["cues", "actors", "events"].map(|f| Lexicon::parse(f, src(f)).unwrap());
            let set = LexiconSet::new([&lexes[0], &lexes[1], &lexes[2]]);
            // Every phrase of the three, in the contexts of `same_as_aho_corasick`, and
            // every phrase glued to the next one's words.
            let mut s = String::new();
            for (i, e) in lexes.iter().flat_map(|l| l.entries.iter()).enumerate() {
                let p = e.phrase.trim_end_matches('*');
                match i % 7 {
                    0 => s.push_str(&format!("{p} ")),
                    1 => s.push_str(&format!("x{p}s, ")),
                    2 => s.push_str(&format!("({p}és) ")),
                    3 => s.push_str(&format!("«{p}»{p}-{p}")),
                    4 => s.push_str(p),
                    // Symbols and spaces outside ASCII, inside and between words.
                    5 => s.push_str(&format!("10°{p}€{p}\u{2003}{p}\u{2028}{p}°")),
                    _ => s.push_str(&format!("L’{p}  {p}\n")),
                }
            }
            let text = Text::new(&s);
            // (The set reads where matches can start off the text's tokens.)
            assert!(set.ascii_first);
            let got = set.find(&text);
            assert_eq!(got, Lexicon::find_each([&lexes[0], &lexes[1], &lexes[2]], &text));
            assert!(got.iter().all(|h| !h.is_empty()));
        }
    }

    #[test]
    fn errors_name_the_line() {
        let e = Lexicon::parse("fr/events", "# c\n\n\tkey\n").unwrap_err();
        assert_eq!(e.to_string(), "lexicon fr/events:3: empty phrase");
    }
}
