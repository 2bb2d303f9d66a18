//! Word lists read from `data/lexicons/<lang>/*.tsv` and matched on tokens.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use sitrep_text::{Text, TokenKind};

/// A token of the folded text with what the grammar needs to know about it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tk<'a> {
    /// Folded text of the token.
    pub f: &'a str,
    pub kind: TokenKind,
    /// Original character range.
    pub start: usize,
    pub end: usize,
    /// The original token starts with an uppercase letter.
    pub cap: bool,
    /// Whitespace separates this token from the previous one.
    pub gap: bool,
    /// Value of an all-digit token of at most 9 digits.
    pub num: Option<u32>,
    /// The original token has no accent ("a" the verb, not "à").
    pub ascii: bool,
    /// Index of the entries of the time and number word lists that start with this
    /// token ([`NONE`] if none), looked up once when the tokens are made.
    ids: [u32; 2],
}

/// No entry starts with the token.
const NONE: u32 = u32::MAX;

impl Tk<'_> {
    pub fn digits(&self) -> usize {
        if self.kind == TokenKind::Number {
            self.f.len()
        } else {
            0
        }
    }
}

/// Tokens of a text, ready for the matchers of language `l`.
pub(crate) fn tokens<'a>(text: &'a Text<'_>, l: &Lang) -> Vec<Tk<'a>> {
    let folded = text.folded();
    let toks = text.tokens_ref();
    let mut out: Vec<Tk<'a>> = Vec::with_capacity(toks.len());
    let mut prev_end = 0;
    for t in toks {
        let f = &folded[t.fstart..t.fend];
        // (A number token is all digits: nine of them fit a u32.)
        let num = if t.kind == TokenKind::Number && (1..=9).contains(&f.len()) {
            Some(f.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
        } else {
            None
        };
        out.push(Tk {
            f,
            kind: t.kind,
            start: t.start,
            end: t.end,
            cap: t.upper,
            gap: t.fstart > prev_end || out.is_empty(),
            num,
            // One byte a character: ASCII.
            ascii: text.byte_of_char(t.end) - text.byte_of_char(t.start) == t.end - t.start,
            ids: l.ids_of(f),
        });
        prev_end = t.fend;
    }
    out
}

/// How many tokens a time expression may run before its first token that tells time
/// (see [`next_content`]): "dans la nuit du 21", "entre le 10 et", "the 22nd".
pub(crate) const REACH: usize = 8;

/// For each token, the index of the first token at or after it that may tell time: a
/// number, a number word, or a word of the time lists that is more than a function
/// word ("the", "of", "in", "and", an auxiliary) where it stands. `t.len()` if none,
/// and `t.len()` too when a token no rule reads (see [`Lang::known`]) stands between
/// the two: no expression that starts at the token can reach a word that tells time.
pub(crate) fn next_content(t: &[Tk<'_>], l: &Lang) -> Vec<usize> {
    // Written out so that each `kind_bit` of a literal folds to a constant.
    let function = kind_bit("article")
        | kind_bit("yearprep")
        | kind_bit("monthprep")
        | kind_bit("rangefrom")
        | kind_bit("rangeto")
        | kind_bit("between")
        | kind_bit("nightof")
        | kind_bit("nightto")
        | kind_bit("timeprep")
        | kind_bit("quantity_pre")
        | kind_bit("age_noun")
        | kind_bit("tense_past")
        | kind_bit("tense_future")
        | kind_bit("joiner");
    let mut near = vec![t.len(); t.len() + 1];
    let mut out = vec![t.len(); t.len()];
    // The first token after `i` that no rule reads (looked for only within reach of a
    // word that tells time: further away, no expression starts anyway).
    let mut barrier = t.len();
    for i in (0..t.len()).rev() {
        let x = &t[i];
        let digits = x.kind == TokenKind::Number || x.f.as_bytes()[0].is_ascii_digit();
        let content = digits
            || matches!(x.f, "siecle" | "century")
            || l.time.tells_time_at(t, i, function)
            || l.numbers.tells_time_at(t, i, function);
        near[i] = if content { i } else { near[i + 1] };
        if barrier >= near[i] {
            out[i] = near[i];
        }
        if !digits && near[i] < (i + REACH).min(t.len()) && !l.known(x) {
            barrier = i;
        }
    }
    out
}

/// One entry of a word list: its tokens, kind and value.
#[derive(Debug)]
pub(crate) struct Entry {
    pub toks: Vec<String>,
    pub kind: &'static str,
    /// [`kind_bit`] of `kind`.
    bit: u64,
    pub value: i64,
}

/// FxHash (as in rustc): a fast hasher for the short words of the lists.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while bytes.len() >= 8 {
            self.add(u64::from_le_bytes(bytes[..8].try_into().unwrap_or([0; 8])));
            bytes = &bytes[8..];
        }
        if bytes.len() >= 4 {
            self.add(u64::from(u32::from_le_bytes(bytes[..4].try_into().unwrap_or([0; 4]))));
            bytes = &bytes[4..];
        }
        for &b in bytes {
            self.add(u64::from(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The entries that start with one token (longest entries first).
#[derive(Debug, Default)]
struct List {
    entries: Vec<Entry>,
    /// Some entry names time (not a cue word such as `age_noun` or `quantity_pre`).
    time: bool,
    /// The union of the entries' kind bits.
    mask: u64,
    /// The union of the kind bits of the entries of one token (which match wherever
    /// their token stands).
    single: u64,
    /// A bit for each second token of the longer entries ([`List::second_bit`]): a
    /// token after the first whose bit is not set starts none of them.
    second: u64,
}

impl List {
    /// The bit of a token in [`List::second`].
    #[inline]
    fn second_bit(w: &str) -> u64 {
        let b = w.as_bytes();
        let (first, last) = (b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0));
        1 << ((b.len().wrapping_mul(31) ^ usize::from(first) ^ usize::from(last).wrapping_mul(7)) & 63)
    }

    /// The entries of the kind whose bit is `bit`, longest first.
    #[inline]
    fn of(&self, bit: u64) -> impl Iterator<Item = &Entry> {
        let any = self.mask & bit != 0;
        self.entries.iter().filter(move |e| any && e.bit == bit)
    }
}

/// A word list indexed by the first token of each entry (longest entries first).
#[derive(Debug, Default)]
pub(crate) struct Lex {
    /// First token → index in `lists`.
    by_first: FxMap<String, u32>,
    lists: Vec<List>,
    /// Which of a token's `ids` indexes this list (0 time, 1 numbers).
    slot: usize,
}

/// Declares [`KINDS`] and [`kind_bit`], which maps a kind to its bit in [`List::mask`]
/// (inlined, so a literal kind folds to a constant).
macro_rules! kinds {
    ($($k:literal),* $(,)?) => {
        /// Kinds known to the grammar; a file's kind must be one of these.
        const KINDS: &[&str] = &[$($k),*];

        /// The bit of `kind` (by its first place in [`KINDS`]), 0 for an unknown kind.
        #[inline(always)]
        fn kind_bit(kind: &str) -> u64 {
            let mut bit = 1u64;
            $(
                if kind == $k {
                    return bit;
                }
                bit <<= 1;
            )*
            let _ = bit;
            0
        }
    };
}

kinds!(
    "unit",
    "month",
    "month_amb",
    "month_abbr",
    "weekday",
    "dayrel",
    "dayrel_anchor",
    "holiday",
    "weeks_after",
    "tense_future",
    "tense_past",
    "blocker",
    "season",
    "now",
    "weekend_phrase",
    "unit",
    "past",
    "next",
    "this",
    "part",
    "daypart",
    "night",
    "clock",
    "hourword",
    "ago_pre",
    "ago_post",
    "in_pre",
    "later_post",
    "yearprep",
    "monthprep",
    "ordsuffix",
    "ordinal",
    "rangefrom",
    "rangeto",
    "between",
    "article",
    "timeprep",
    "nightof",
    "nightto",
    "ampm",
    "mult",
    "approx",
    "approx_plural",
    "joiner",
    "dur_unit",
    "set_word",
    "set_pre",
    "vague",
    "age_noun",
    "quantity_pre",
    "easter",
    "weekday_pl",
    "week_phrase",
);

impl Lex {
    /// Parses `word<TAB>kind<TAB>value` lines. Unit names (`day`, `week`, …) are coded as
    /// numbers by [`unit_code`]; `#` starts a comment line.
    pub fn parse(src: &str, slot: usize) -> Lex {
        let mut lex = Lex { slot, ..Lex::default() };
        for line in src.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let (Some(word), Some(kind), Some(value)) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            let Some(kind) = KINDS.iter().find(|k| **k == kind).copied() else {
                continue;
            };
            let value = value.parse::<i64>().ok().or_else(|| unit_code(value)).unwrap_or(0);
            let text = Text::new(word);
            let toks: Vec<String> = text.tokens().iter().map(|t| t.folded(&text).to_string()).collect();
            if toks.is_empty() {
                continue;
            }
            let n = lex.lists.len() as u32;
            let id = *lex.by_first.entry(toks[0].clone()).or_insert(n);
            if id == n {
                lex.lists.push(List::default());
            }
            lex.lists[id as usize].entries.push(Entry { toks, kind, bit: kind_bit(kind), value });
        }
        for v in &mut lex.lists {
            v.entries.sort_by_key(|e| std::cmp::Reverse(e.toks.len()));
            v.time = v.entries.iter().any(|e| !matches!(e.kind, "age_noun" | "quantity_pre"));
            v.mask = v.entries.iter().fold(0, |m, e| m | e.bit);
            v.single = v.entries.iter().filter(|e| e.toks.len() == 1).fold(0, |m, e| m | e.bit);
            v.second = v.entries.iter().filter_map(|e| e.toks.get(1)).fold(0, |m, w| m | List::second_bit(w));
        }
        lex
    }

    /// The index of the entries that start with token `f`, or [`NONE`].
    fn id(&self, f: &str) -> u32 {
        self.by_first.get(f).copied().unwrap_or(NONE)
    }

    fn list(&self, f: &str) -> Option<&List> {
        self.lists.get(self.id(f) as usize)
    }

    /// The value of a one-token entry of `kind` for word `w`.
    #[inline(always)]
    pub fn word(&self, w: &str, kind: &str) -> Option<i64> {
        self.list(w)?.of(kind_bit(kind)).find(|e| e.toks.len() == 1).map(|e| e.value)
    }

    /// Whether some entry starts with token `x` (of this language's [`tokens`]).
    pub fn starts_tk(&self, x: &Tk<'_>) -> bool {
        x.ids[self.slot] != NONE
    }

    /// Whether some entry that names time (not a cue word such as `age_noun` or
    /// `quantity_pre`) starts with token `x`.
    pub fn starts_time_tk(&self, x: &Tk<'_>) -> bool {
        self.lists.get(x.ids[self.slot] as usize).is_some_and(|v| v.time)
    }

    /// [`Lex::word`] for a token of this language's [`tokens`].
    #[inline(always)]
    pub fn word_tk(&self, x: &Tk<'_>, kind: &str) -> Option<i64> {
        let v = self.lists.get(x.ids[self.slot] as usize)?;
        v.of(kind_bit(kind)).find(|e| e.toks.len() == 1).map(|e| e.value)
    }

    /// The longest entry of `kind` at token `i`: its value and the index after it.
    #[inline(always)]
    pub fn get(&self, t: &[Tk<'_>], i: usize, kind: &str) -> Option<(i64, usize)> {
        let bit = kind_bit(kind);
        let list = self.lists.get(t.get(i)?.ids[self.slot] as usize)?;
        if list.mask & bit == 0 {
            return None;
        }
        Lex::scan(list, t, i, bit)
    }

    fn scan(list: &List, t: &[Tk<'_>], i: usize, bit: u64) -> Option<(i64, usize)> {
        list.of(bit).find_map(|e| {
            let end = i + e.toks.len();
            if end > t.len() {
                return None;
            }
            // The first token is the list's own.
            e.toks[1..].iter().zip(&t[i + 1..end]).all(|(w, x)| x.f == w.as_str()).then_some((e.value, end))
        })
    }

    /// Whether an entry of a kind outside `function` (a mask of kind bits) matches at
    /// token `i`.
    /// Most tokens start no entry: that test is inlined, the lists' is not.
    #[inline]
    fn tells_time_at(&self, t: &[Tk<'_>], i: usize, function: u64) -> bool {
        t[i].ids[self.slot] != NONE && self.list_tells_time_at(t, i, function)
    }

    #[inline(never)]
    fn list_tells_time_at(&self, t: &[Tk<'_>], i: usize, function: u64) -> bool {
        self.lists.get(t[i].ids[self.slot] as usize).is_some_and(|list| {
            list.mask & !function != 0
                // (An entry of one token matches at once; a longer one only if the next
                // token may be its second.)
                && (list.single & !function != 0
                    || t.get(i + 1).is_some_and(|y| list.second & List::second_bit(y.f) != 0)
                        && list.entries.iter().any(|e| {
                            e.bit & function == 0
                                && i + e.toks.len() <= t.len()
                                && e.toks[1..].iter().zip(&t[i + 1..]).all(|(w, y)| y.f == w.as_str())
                        }))
        })
    }

    /// The longest entry whose kind passes `ok` at token `i`.
    pub fn get_entry(&self, t: &[Tk<'_>], i: usize, ok: impl Fn(&str) -> bool) -> Option<(&Entry, usize)> {
        let first = t.get(i)?;
        let entries = &self.lists.get(first.ids[self.slot] as usize)?.entries;
        entries.iter().find_map(|e| {
            let end = i + e.toks.len();
            if !ok(e.kind) || end > t.len() {
                return None;
            }
            // The first token is the list's own.
            e.toks[1..].iter().zip(&t[i + 1..end]).all(|(w, x)| x.f == w.as_str()).then_some((e, end))
        })
    }
}

pub(crate) const DAY: i64 = 1;
pub(crate) const WEEK: i64 = 2;
pub(crate) const MONTH: i64 = 3;
pub(crate) const YEAR: i64 = 4;
pub(crate) const WEEKEND: i64 = 5;
pub(crate) const FORTNIGHT: i64 = 6;
pub(crate) const HOUR: i64 = 7;
pub(crate) const MINUTE: i64 = 8;
pub(crate) const SECOND: i64 = 9;

fn unit_code(s: &str) -> Option<i64> {
    Some(match s {
        "day" => DAY,
        "week" => WEEK,
        "month" => MONTH,
        "year" => YEAR,
        "weekend" => WEEKEND,
        "fortnight" => FORTNIGHT,
        "hour" => HOUR,
        "minute" => MINUTE,
        "second_u" => SECOND,
        "second" => 1,
        "minute_d" => 2,
        "hour_d" => 3,
        "day_d" => 4,
        "week_d" => 5,
        "month_d" => 6,
        "year_d" => 7,
        "decade" => 8,
        "century" => 9,
        "semester" => 10,
        "quarter" => 11,
        _ => return None,
    })
}

/// The time and number word lists of a language.
#[derive(Debug)]
pub(crate) struct Lang {
    pub en: bool,
    pub time: Lex,
    pub numbers: Lex,
    /// First token of an entry → its indexes in `time` and `numbers` (a token's `ids`).
    ids: FxMap<String, [u32; 2]>,
    /// The other words a rule may read: of the entries, and of the grammar's code
    /// ([`GRAMMAR`]); those of up to 8 bytes as their bytes in a `u64` (see [`packed`]).
    more: FxMap<u64, ()>,
    more_long: FxMap<String, ()>,
    /// [`Lang::sieve`] of `more`.
    more_sieve: Vec<u64>,
    /// A quick test that a token is no key of `ids`: bit `last byte % 64` of entry
    /// [`Lang::sieve_at`] is set for every key.
    sieve: Vec<u64>,
}

impl Lang {
    fn new(en: bool, time: &str, numbers: &str) -> Lang {
        let (time, numbers) = (Lex::parse(time, 0), Lex::parse(numbers, 1));
        let mut ids: FxMap<String, [u32; 2]> = FxMap::default();
        for lex in [&time, &numbers] {
            for (w, &id) in &lex.by_first {
                ids.entry(w.clone()).or_insert([NONE; 2])[lex.slot] = id;
            }
        }
        let mut sieve = vec![0u64; 16 * 256];
        for w in ids.keys() {
            sieve[Lang::sieve_at(w)] |= Lang::sieve_bit(w);
        }
        let entries = [&time, &numbers].into_iter().flat_map(|lex| lex.lists.iter().flat_map(|v| &v.entries));
        let (mut more, mut more_long) = (FxMap::default(), FxMap::default());
        let mut more_sieve = vec![0u64; 16 * 256];
        for w in entries.flat_map(|e| e.toks.iter().cloned()).chain(grammar_words()) {
            if ids.contains_key(&w) {
                continue;
            }
            more_sieve[Lang::sieve_at(&w)] |= Lang::sieve_bit(&w);
            match packed(&w) {
                Some(k) => more.insert(k, ()),
                None => more_long.insert(w, ()),
            };
        }
        Lang { en, time, numbers, ids, more, more_long, more_sieve, sieve }
    }

    #[inline]
    fn sieve_at(w: &str) -> usize {
        (w.len().min(15) << 8) | usize::from(w.as_bytes().first().copied().unwrap_or(0))
    }

    #[inline]
    fn sieve_bit(w: &str) -> u64 {
        1 << (w.as_bytes().last().copied().unwrap_or(0) & 63)
    }

    /// A token's `ids`.
    #[inline]
    fn ids_of(&self, f: &str) -> [u32; 2] {
        if self.sieve[Lang::sieve_at(f)] & Lang::sieve_bit(f) == 0 {
            return [NONE; 2];
        }
        self.ids.get(f).copied().unwrap_or([NONE; 2])
    }

    /// Whether some rule may read token `x`: a word of an entry of the lists, or a word
    /// the grammar's code names. No time expression runs over any other word (a
    /// number, or a word that starts with a digit, aside).
    fn known(&self, x: &Tk<'_>) -> bool {
        let f = x.f;
        x.ids != [NONE; 2]
            || (self.more_sieve[Lang::sieve_at(f)] & Lang::sieve_bit(f) != 0
                && match packed(f) {
                    Some(k) => self.more.contains_key(&k),
                    None => self.more_long.contains_key(f),
                })
    }
}

/// The bytes of a word of 1 to 8 bytes as one number (no token holds a NUL byte).
#[inline]
fn packed(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return None;
    }
    let mut k = [0u8; 8];
    k[..b.len()].copy_from_slice(b);
    Some(u64::from_le_bytes(k))
}

/// The code of the grammar: the words its rules compare tokens with are the string
/// literals found there.
const GRAMMAR: [&str; 3] = [include_str!("dates.rs"), include_str!("numbers.rs"), include_str!("lexicon.rs")];

/// The folded tokens of every string literal of [`GRAMMAR`] (comments and tests
/// skipped; a few more words than the rules read do no harm, a word missed would).
fn grammar_words() -> Vec<String> {
    let mut out = Vec::new();
    for src in GRAMMAR {
        let src = src.split("\n#[cfg(test)]").next().unwrap_or(src);
        let b = src.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                }
                b'"' => {
                    let start = i + 1;
                    i += 1;
                    while i < b.len() && b[i] != b'"' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    let lit = src.get(start..i.min(b.len())).unwrap_or("").replace("\\n", "\n");
                    let text = Text::new(&lit);
                    out.extend(text.tokens().iter().map(|t| t.folded(&text).to_string()));
                }
                // A character literal ('"', '\''), not a lifetime ('a).
                b'\'' if b.get(i + 1) == Some(&b'\\') => {
                    i += 2;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                }
                b'\'' if b.get(i + 2) == Some(&b'\'') => i += 2,
                _ => {}
            }
            i += 1;
        }
    }
    out
}

/// The word lists for `lang` ("en" or, for anything else, "fr").
pub(crate) fn lang(lang: &str) -> &'static Lang {
    static FR: OnceLock<Lang> = OnceLock::new();
    static EN: OnceLock<Lang> = OnceLock::new();
    if lang.starts_with("en") {
        EN.get_or_init(|| {
            Lang::new(
                true,
                include_str!("../../../data/lexicons/en/time.tsv"),
                include_str!("../../../data/lexicons/en/numbers.tsv"),
            )
        })
    } else {
        FR.get_or_init(|| {
            Lang::new(
                false,
                include_str!("../../../data/lexicons/fr/time.tsv"),
                include_str!("../../../data/lexicons/fr/numbers.tsv"),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_words_are_the_literals_of_the_rules() {
        let words = grammar_words();
        // Compared with tokens in the rules ("dans les", "d'ici", "overnight").
        for w in ["dans", "ici", "overnight", "siecle", "minutes"] {
            assert!(words.iter().any(|x| x == w), "{w}");
        }
        // Not from comments nor tests.
        for w in ["killed", "nassiriyah"] {
            assert!(!words.iter().any(|x| x == w), "{w}");
        }
    }

    #[test]
    fn a_word_no_rule_reads_stops_the_reach() {
        let l = lang("fr");
        let text = Text::new("le gouverneur 12 mai, dans la nuit du 3");
        let t = tokens(&text, l);
        let near = next_content(&t, l);
        let at = |w: &str| t.iter().position(|x| x.f == w).unwrap_or(usize::MAX);
        // "gouverneur" stands between "le" and "12": nothing that starts at "le" reaches it.
        assert_eq!(near[at("le")], t.len());
        assert_eq!(near[at("gouverneur")], at("12"));
        assert_eq!(near[at("12")], at("12"));
        assert!(near[at("dans")] <= at("nuit"));
    }
}
