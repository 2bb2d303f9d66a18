//! Word lists read from `data/lexicons/<lang>/*.tsv` and matched on tokens.

use std::collections::HashMap;
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
}

impl Tk<'_> {
    pub fn digits(&self) -> usize {
        if self.kind == TokenKind::Number {
            self.f.len()
        } else {
            0
        }
    }
}

/// Tokens of a text, ready for the matchers.
pub(crate) fn tokens<'a>(text: &'a Text<'_>) -> Vec<Tk<'a>> {
    let folded = text.folded();
    let mut out: Vec<Tk<'a>> = Vec::new();
    let mut prev_end = 0;
    for t in text.tokens() {
        let f = &folded[t.fstart..t.fend];
        let orig = text.slice(t.start, t.end);
        let cap = orig.chars().next().is_some_and(char::is_uppercase);
        let num = if t.kind == TokenKind::Number && f.len() <= 9 { f.parse().ok() } else { None };
        out.push(Tk {
            f,
            kind: t.kind,
            start: t.start,
            end: t.end,
            cap,
            gap: t.fstart > prev_end || out.is_empty(),
            num,
            ascii: orig.is_ascii(),
        });
        prev_end = t.fend;
    }
    out
}

/// One entry of a word list: its tokens, kind and value.
#[derive(Debug)]
pub(crate) struct Entry {
    pub toks: Vec<String>,
    pub kind: &'static str,
    pub value: i64,
}

/// A word list indexed by the first token of each entry (longest entries first).
#[derive(Debug, Default)]
pub(crate) struct Lex {
    by_first: HashMap<String, Vec<Entry>>,
}

/// Kinds known to the grammar; a file's kind must be one of these.
const KINDS: &[&str] = &[
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
];

impl Lex {
    /// Parses `word<TAB>kind<TAB>value` lines. Unit names (`day`, `week`, …) are coded as
    /// numbers by [`unit_code`]; `#` starts a comment line.
    pub fn parse(src: &str) -> Lex {
        let mut lex = Lex::default();
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
            lex.by_first.entry(toks[0].clone()).or_default().push(Entry { toks, kind, value });
        }
        for v in lex.by_first.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.toks.len()));
        }
        lex
    }

    /// The value of a one-token entry of `kind` for word `w`.
    pub fn word(&self, w: &str, kind: &str) -> Option<i64> {
        self.by_first.get(w)?.iter().find(|e| e.kind == kind && e.toks.len() == 1).map(|e| e.value)
    }

    /// Whether some entry starts with this token.
    pub fn starts(&self, f: &str) -> bool {
        self.by_first.contains_key(f)
    }

    /// Whether some entry that names time (not a cue word such as `age_noun` or
    /// `quantity_pre`) starts with this token.
    pub fn starts_time(&self, f: &str) -> bool {
        self.by_first.get(f).is_some_and(|v| v.iter().any(|e| !matches!(e.kind, "age_noun" | "quantity_pre")))
    }

    /// The longest entry of `kind` at token `i`: its value and the index after it.
    pub fn get(&self, t: &[Tk<'_>], i: usize, kind: &str) -> Option<(i64, usize)> {
        self.get_entry(t, i, |k| k == kind).map(|(e, j)| (e.value, j))
    }

    /// The longest entry whose kind passes `ok` at token `i`.
    pub fn get_entry(&self, t: &[Tk<'_>], i: usize, ok: impl Fn(&str) -> bool) -> Option<(&Entry, usize)> {
        let first = t.get(i)?;
        let entries = self.by_first.get(first.f)?;
        entries.iter().find_map(|e| {
            if !ok(e.kind) || i + e.toks.len() > t.len() {
                return None;
            }
            e.toks.iter().enumerate().all(|(k, w)| t[i + k].f == w.as_str()).then_some((e, i + e.toks.len()))
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
}

/// The word lists for `lang` ("en" or, for anything else, "fr").
pub(crate) fn lang(lang: &str) -> &'static Lang {
    static FR: OnceLock<Lang> = OnceLock::new();
    static EN: OnceLock<Lang> = OnceLock::new();
    if lang.starts_with("en") {
        EN.get_or_init(|| Lang {
            en: true,
            time: Lex::parse(include_str!("../../../data/lexicons/en/time.tsv")),
            numbers: Lex::parse(include_str!("../../../data/lexicons/en/numbers.tsv")),
        })
    } else {
        FR.get_or_init(|| Lang {
            en: false,
            time: Lex::parse(include_str!("../../../data/lexicons/fr/time.tsv")),
            numbers: Lex::parse(include_str!("../../../data/lexicons/fr/numbers.tsv")),
        })
    }
}
