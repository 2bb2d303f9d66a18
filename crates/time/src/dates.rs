//! Dates and times: a token grammar over the folded text, resolved against the
//! publication date.

use std::cell::{Cell, RefCell};

use sitrep_core::{DateValue, PartialDate, Precision};
use sitrep_text::{Text, TokenKind};

use crate::lexicon::{self, Lang, Tk, DAY, FORTNIGHT, HOUR, MINUTE, MONTH, SECOND, WEEK, WEEKEND, YEAR};
use crate::numbers::{parse_number, Num};

/// A date or time found in the text, with its resolved value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Original character offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
    /// Which rule matched (`absolute`, `partial`, `relative_day`, `weekday`, …).
    pub rule: &'static str,
    /// Doubts met while resolving (a weekday that does not match the day number).
    pub warnings: Vec<String>,
    /// A calendar date, or a duration, a set or a vague reference (TimeML's kinds).
    pub kind: DateKind,
    /// The TimeML value of a mention that is not a date: `P2Y`, `PT30.4S`, `P1D`,
    /// `XXXX-WXX-4`, `FUTURE_REF`, `XXXX-SU`.
    pub timex: Option<String>,
}

/// What a time expression is. Only [`DateKind::Date`] mentions can date an event; the
/// others carry the publication date as their `value` and their own value in `timex`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateKind {
    /// A point or an interval of the calendar ("mercredi 22 septembre", "en 2019").
    #[default]
    Date,
    /// A length of time: "deux ans", "30,4 secondes", "three weeks".
    Duration,
    /// A repetition: "tous les jeudis", "chaque année", "quotidien", "par an".
    Set,
    /// A vague reference: "l'avenir", "désormais", "autrefois", "en été" (no year).
    Vague,
    /// The shape of a date that does not exist ("31 février", "le 45 mai"): reported with
    /// a warning, never resolved to a wrong day.
    Invalid,
}

impl DateKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DateKind::Date => "date",
            DateKind::Duration => "duration",
            DateKind::Set => "set",
            DateKind::Vague => "vague",
            DateKind::Invalid => "invalid",
        }
    }
}

impl DateMention {
    /// Whether the mention is a calendar date (the only kind that can date an event).
    pub fn is_date(&self) -> bool {
        self.kind == DateKind::Date
    }

    /// The value to report: the date's value (`2021-09-22`, `2021-W37`, `START/END`), or
    /// for the other kinds their TimeML value (`P2Y`, `XXXX-WXX-4`, `FUTURE_REF`).
    pub fn value_string(&self) -> String {
        match &self.timex {
            Some(x) if !self.is_date() => x.clone(),
            _ => self.value.value(),
        }
    }
}

/// How to resolve expressions that do not say which way they point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Read bare weekdays and partial dates as the next occurrence rather than the last
    /// one (news reports the past: the default is `false`; calendars and the Duckling
    /// corpus point to the future).
    pub future: bool,
    /// Also report the time expressions that are not dates (durations, sets, vague
    /// references: see [`DateKind`]). Off by default, so that every mention of
    /// [`tag_dates`] is a date that can date an event.
    pub timex: bool,
}

/// Dates of a text in `lang` ("fr" or "en"), resolved against `published`, sorted and not
/// overlapping. Expressions that need the publication date are skipped without it.
pub fn tag_dates(text: &Text<'_>, lang: &str, published: Option<PartialDate>) -> Vec<DateMention> {
    tag_dates_with(text, lang, published, Options::default())
}

/// Every time expression of the text: the dates of [`tag_dates`] and the durations, sets
/// and vague references between them (TimeML's TIMEX3 of all types), each with its
/// [`DateKind`]; report them with [`DateMention::value_string`].
pub fn tag_times(text: &Text<'_>, lang: &str, published: Option<PartialDate>) -> Vec<DateMention> {
    tag_dates_with(text, lang, published, Options { timex: true, ..Options::default() })
}

/// [`tag_dates`] with options.
pub fn tag_dates_with(
    text: &Text<'_>,
    lang: &str,
    published: Option<PartialDate>,
    options: Options,
) -> Vec<DateMention> {
    let l = lexicon::lang(lang);
    let t = lexicon::tokens(text, l);
    tag_tokens(&t, l, published, options)
}

/// [`tag_times`] and [`crate::tag_numbers`] of one text, which share its tokens.
pub fn tag_times_and_numbers(
    text: &Text<'_>,
    lang: &str,
    published: Option<PartialDate>,
) -> (Vec<DateMention>, Vec<crate::NumberMention>) {
    let l = lexicon::lang(lang);
    let t = lexicon::tokens(text, l);
    let times = tag_tokens(&t, l, published, Options { timex: true, ..Options::default() });
    (times, crate::numbers::tag_number_tokens(&t, l))
}

/// The dates of the tokens `t` of a text in `l`.
fn tag_tokens(
    t: &[Tk<'_>],
    l: &'static lexicon::Lang,
    published: Option<PartialDate>,
    options: Options,
) -> Vec<DateMention> {
    let cx = Cx::new(t, l, published, options);
    let mut out = Vec::new();
    let mut st = State { anchor: cx.pday.map(PartialDate::from_days), after_year: false, last_end: usize::MAX };
    let reports = cx.reports_past();
    let near = lexicon::next_content(t, l);
    let mut i = 0;
    while i < t.len() {
        if matches!(t[i].f, "." | "!" | "?" | "\n") {
            cx.sentence_year.set(None);
        }
        if i == 0 || cx.sentence_end(i - 1) {
            cx.future.set(cx.forced_future || (!reports && cx.fragment_at(i)));
        }
        // No expression starts this far before the first word that tells time, nor
        // before a word no rule reads that stands before it. (Asked first: it is the
        // cheaper question, and it rules out most tokens.)
        if near[i] == t.len() || near[i] >= i + lexicon::REACH {
            debug_assert!(
                !cx.may_start(i) || cx.best(i, &st).is_none_or(|h| h.end <= i),
                "a time expression starts at token {i}"
            );
            i += 1;
            continue;
        }
        if !cx.may_start(i) {
            i += 1;
            continue;
        }
        match cx.best(i, &st) {
            Some(h) if h.end > i && h.kind != DateKind::Date => {
                if let (true, Some(v), Some(x)) = (options.timex, cx.placeholder(), h.timex) {
                    out.push(DateMention {
                        start: t[i].start,
                        end: t[h.end - 1].end,
                        value: v,
                        rule: h.rule,
                        warnings: h.warnings,
                        kind: h.kind,
                        timex: Some(x),
                    });
                }
                i = h.end;
            }
            Some(h) if h.end > i => {
                if h.explicit_year {
                    if let Some(v) = &h.value {
                        cx.sentence_year.set(Some(v.end.unwrap_or(v.start).year_num()));
                    }
                }
                st.after_year = false;
                if h.value.is_none() && options.timex {
                    if let Some(v) = cx.placeholder() {
                        let mut warnings = h.warnings.clone();
                        warnings.push("not a real calendar date: left unresolved".to_string());
                        out.push(DateMention {
                            start: t[i].start,
                            end: t[h.end - 1].end,
                            value: v,
                            rule: h.rule,
                            warnings,
                            kind: DateKind::Invalid,
                            timex: None,
                        });
                    }
                }
                if let Some(v) = h.value {
                    if let Some(a) = anchor_of(&v) {
                        st.anchor = Some(a);
                    }
                    st.after_year = v.precision == Precision::Year && v.end.is_none();
                    st.last_end = h.end;
                    out.push(DateMention {
                        start: t[i].start,
                        end: t[h.end - 1].end,
                        value: v,
                        rule: h.rule,
                        warnings: h.warnings,
                        kind: DateKind::Date,
                        timex: None,
                    });
                }
                i = h.end;
            }
            _ => i += 1,
        }
    }
    out
}

/// What the scan remembers: the day last mentioned (times and "le lendemain" refer to
/// it) and whether a year was just mentioned ("de 1982 à 1987").
#[derive(Debug)]
struct State {
    anchor: Option<PartialDate>,
    after_year: bool,
    /// The token index after the last mention.
    last_end: usize,
}

/// The day a value names, if it names one (a day, a time, a part of a day).
fn anchor_of(v: &DateValue) -> Option<PartialDate> {
    v.start.day_num()?;
    let start = v.start.truncate(Precision::Day);
    match v.end {
        None => Some(start),
        Some(e) if e.day_num().is_some() && e.days() <= start.days() + 1 => Some(start),
        _ => None,
    }
}

/// A match: the token index after it and its value (`None`: a date-shaped expression
/// that is not a real date, such as "31 février", skipped whole).
#[derive(Debug)]
struct Hit {
    end: usize,
    kind: DateKind,
    timex: Option<String>,
    /// The year was written out (and can complete later dates of the sentence).
    explicit_year: bool,
    value: Option<DateValue>,
    rule: &'static str,
    warnings: Vec<String>,
}

impl Hit {
    fn new(end: usize, value: Option<DateValue>, rule: &'static str) -> Hit {
        Hit { end, value, rule, warnings: Vec::new(), explicit_year: false, kind: DateKind::Date, timex: None }
    }
}

/// The parts of a calendar date as written.
#[derive(Clone, Copy, Debug, Default)]
struct Core {
    wd: Option<u8>,
    d: Option<u8>,
    m: Option<u8>,
    y: Option<i32>,
    /// -1 "dernier", +1 "prochain".
    dir: i8,
    month_first: bool,
}

/// A calendar date as written and the token after it, if one starts at a token.
type CoreAt = Option<(Core, usize)>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WdMode {
    Bare,
    /// A bare weekday in a sentence in the future tense: today or the coming one.
    Coming,
    Last,
    Next,
    This,
    LastWeek,
    ThisWeek,
    NextWeek,
}

/// A value per token, set once it is read.
type PerToken<T> = Vec<Cell<Option<T>>>;

struct Cx<'a, 't> {
    t: &'a [Tk<'t>],
    l: &'static Lang,
    /// `Options::future`, or a sentence without a verb (a calendar fragment, a query).
    future: Cell<bool>,
    forced_future: bool,
    pub_year: Option<i32>,
    pub_month: Option<u8>,
    /// The publication date's first and last day.
    rng: Option<(i64, i64)>,
    /// The publication day, when known.
    pday: Option<i64>,
    /// The publication date with its time of day, when known.
    pub_time: Option<PartialDate>,
    /// A year written out earlier in the sentence: "en mars 2022, fin mars" is 2022.
    sentence_year: Cell<Option<i32>>,
    /// The tense near the expression being read (see `tense_at`).
    /// Computed on demand for the token where the current expression starts: `None` when
    /// not yet computed, `Some(None)` when no tense applies.
    tense: Cell<Option<Option<bool>>>,
    /// The token where the expression being read starts.
    at: Cell<usize>,
    /// [`Cx::parse_core`] at the tokens already read for the expression being read
    /// (several rules read the same one); cleared where a new expression starts.
    cores: RefCell<Vec<(usize, CoreAt)>>,
    /// [`Cx::day_at`] of each token, once read (it reads the tokens only, and the rules
    /// ask it of the same token again and again).
    days: PerToken<Option<(u8, usize)>>,
    /// [`parse_number`] at each token, once read.
    numbers: PerToken<Option<Num>>,
}

fn last_day(y: i32, m: u8) -> u8 {
    (28..=31).rev().find(|&d| PartialDate::day(y, m, d).is_some()).unwrap_or(28)
}

fn add_months(y: i32, m: u8, n: i64) -> (i32, u8) {
    let k = i64::from(y) * 12 + i64::from(m) - 1 + n;
    (k.div_euclid(12) as i32, (k.rem_euclid(12) + 1) as u8)
}

fn span_of(d: &PartialDate) -> (i64, i64) {
    let lo = d.days();
    let hi = match (d.month_num(), d.day_num()) {
        (_, Some(_)) => lo,
        (Some(m), None) => PartialDate::day(d.year_num(), m, last_day(d.year_num(), m)).map_or(lo, |x| x.days()),
        (None, _) => PartialDate::day(d.year_num(), 12, 31).map_or(lo, |x| x.days()),
    };
    (lo, hi)
}

fn weekday_of(days: i64) -> u8 {
    PartialDate::from_days(days).weekday().unwrap_or(1)
}

fn day_interval(a: i64, b: i64, precision: Precision) -> DateValue {
    DateValue { start: PartialDate::from_days(a), end: Some(PartialDate::from_days(b)), precision }
}

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

impl<'a, 't> Cx<'a, 't> {
    fn new(t: &'a [Tk<'t>], l: &'static Lang, published: Option<PartialDate>, o: Options) -> Cx<'a, 't> {
        let p = published.map(|p| p.truncate(Precision::Day));
        Cx {
            t,
            l,
            future: Cell::new(o.future),
            forced_future: o.future,
            pub_year: p.map(|p| p.year_num()),
            pub_month: p.and_then(|p| p.month_num()),
            rng: p.map(|p| span_of(&p)),
            pday: p.filter(|p| p.day_num().is_some()).map(|p| p.days()),
            pub_time: published.filter(|p| p.time_of_day().is_some()),
            sentence_year: Cell::new(None),
            tense: Cell::new(None),
            at: Cell::new(0),
            cores: RefCell::new(Vec::new()),
            days: vec![Cell::new(None); t.len()],
            numbers: vec![Cell::new(None); t.len()],
        }
    }

    // ---- token helpers -------------------------------------------------------------

    fn f(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |x| x.f)
    }

    #[inline(always)]
    fn kind(&self, i: usize, kind: &str) -> Option<(i64, usize)> {
        self.l.time.get(self.t, i, kind)
    }

    fn is_num(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|x| x.kind == TokenKind::Number)
    }

    fn adjacent(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|x| !x.gap)
    }

    fn may_start(&self, i: usize) -> bool {
        let x = &self.t[i];
        x.kind == TokenKind::Number
            || x.f.as_bytes()[0].is_ascii_digit()
            || self.l.time.starts_time_tk(x)
            || self.l.numbers.starts_tk(x)
            || matches!(self.f(i + 1), "siecle" | "century")
    }

    /// Skips tokens of `set` (at most `max`).
    fn skip(&self, mut i: usize, set: &[&str], max: usize) -> usize {
        let mut n = 0;
        while n < max && set.contains(&self.f(i)) {
            i += 1;
            n += 1;
        }
        i
    }

    // ---- pieces ----------------------------------------------------------------------

    /// [`parse_number`] at token `i`.
    fn number(&self, i: usize) -> Option<Num> {
        let memo = self.numbers.get(i)?;
        if let Some(n) = memo.get() {
            return n;
        }
        let n = parse_number(self.t, i, self.l);
        memo.set(Some(n));
        n
    }

    /// A day of the month: "22", "1er", "22nd", "premier", "quinze".
    fn day_at(&self, i: usize) -> Option<(u8, usize)> {
        let memo = self.days.get(i)?;
        if let Some(d) = memo.get() {
            return d;
        }
        let d = self.day_at_uncached(i);
        memo.set(Some(d));
        d
    }

    fn day_at_uncached(&self, i: usize) -> Option<(u8, usize)> {
        let x = self.t.get(i)?;
        if x.kind == TokenKind::Number {
            if x.digits() > 2 {
                return None;
            }
            let d = x.num?;
            if !(1..=31).contains(&d) {
                return None;
            }
            let mut j = i + 1;
            if self.adjacent(j) && self.l.time.word(self.f(j), "ordsuffix").is_some() {
                j += 1;
            }
            return Some((d as u8, j));
        }
        if x.kind != TokenKind::Word {
            return None;
        }
        let nd = x.f.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&nd) {
            let (digits, suffix) = x.f.split_at(nd);
            if self.l.time.word(suffix, "ordsuffix").is_some() {
                let d: u8 = digits.parse().ok()?;
                return (1..=31).contains(&d).then_some((d, i + 1));
            }
            return None;
        }
        if let Some((v, j)) = self.kind(i, "ordinal") {
            return Some((v as u8, j));
        }
        let n = self.number(i)?;
        (!n.approximate && (2..=31).contains(&n.value)).then_some((n.value as u8, n.end))
    }

    /// A month name: (month, index after, needs context).
    fn month_at(&self, i: usize) -> Option<(u8, usize, bool)> {
        let (e, mut j) = self.l.time.get_entry(self.t, i, |k| matches!(k, "month" | "month_amb" | "month_abbr"))?;
        if self.l.en && !self.t[i].cap {
            return None;
        }
        let abbr = e.kind == "month_abbr";
        if abbr && self.f(j) == "." && self.adjacent(j) {
            j += 1;
        }
        Some((e.value as u8, j, e.kind != "month"))
    }

    fn pivot(&self, yy: u32) -> i32 {
        let base = self.pub_year.unwrap_or(2020);
        let y = 2000 + yy as i32;
        if y <= base + 5 {
            y
        } else {
            y - 100
        }
    }

    /// A year: four digits, or two when `two` is allowed.
    fn year_at(&self, i: usize, two: bool) -> Option<(i32, usize)> {
        let x = self.t.get(i)?;
        if x.kind != TokenKind::Number {
            return None;
        }
        let n = x.num?;
        let y = match x.digits() {
            4 if (1000..=2999).contains(&n) => n as i32,
            2 if two => self.pivot(n),
            _ => return None,
        };
        // Not a time ("14 h", "14:30") nor a number with thousands ("2 000").
        let next = self.t.get(i + 1);
        if let Some(nx) = next {
            if (nx.f == ":" && !nx.gap) || self.kind(i + 1, "hourword").is_some() {
                return None;
            }
            if nx.kind == TokenKind::Number && nx.digits() == 3 {
                return None;
            }
        }
        Some((y, i + 1))
    }

    /// A two-digit year ("mai 68", "31 octobre 74") only at the end of a phrase, so
    /// that "le 3 mai 20 manifestants" keeps its count.
    fn two_digit_year_ok(&self, i: usize) -> bool {
        self.t.get(i + 1).is_none_or(|x| x.kind == TokenKind::Punct)
    }

    fn weekday_at(&self, i: usize) -> Option<(u8, usize)> {
        let (v, j) = self.kind(i, "weekday")?;
        if self.l.en && !self.t[i].cap {
            return None;
        }
        Some((v as u8, j))
    }

    /// A number of units: "deux", "2", "a", "une".
    fn count_at(&self, i: usize) -> Option<(i64, usize)> {
        if self.l.en && matches!(self.f(i), "a" | "an") {
            return Some((1, i + 1));
        }
        let n = self.number(i)?;
        (!n.approximate && n.value <= 1000).then_some((n.value as i64, n.end))
    }

    // ---- calendar dates ------------------------------------------------------------

    /// A written date: "mercredi 22 septembre 2021", "September 22, 2021", "22/09/2021",
    /// "2021-09-22", "janvier 2020", "en mars", "mercredi 13".
    /// A calendar date as written from token `i` (see [`Cx::parse_core_at`]), read once per
    /// expression.
    fn parse_core(&self, i: usize) -> CoreAt {
        if let Some(&(_, c)) = self.cores.borrow().iter().find(|x| x.0 == i) {
            return c;
        }
        let c = self.parse_core_at(i);
        self.cores.borrow_mut().push((i, c));
        c
    }

    fn parse_core_at(&self, i: usize) -> CoreAt {
        let t = self.t;
        let mut j = i;
        let mut det = false;
        let mut prep = false;
        let mut dir = 0;
        if let Some(k) = self.kind(j, "this").map(|x| x.1).filter(|&k| self.weekday_at(k).is_some()) {
            // "ce mercredi 22 septembre"
            det = true;
            j = k;
        } else if let Some((_, k)) = self.kind(j, "article") {
            det = true;
            j = k;
        } else if let Some((_, k)) = self.kind(j, "monthprep") {
            prep = true;
            if self.l.en {
                if self.kind(j, "past").is_some() {
                    dir = -1;
                } else if self.kind(j, "next").is_some() {
                    dir = 1;
                }
            }
            j = k;
        }
        let mut best: Option<(Core, usize)> = None;
        let mut consider = |c: Core, end: usize| {
            if best.as_ref().is_none_or(|b| end > b.1) {
                best = Some((c, end));
            }
        };
        let (wd, mut j0) = match self.weekday_at(j) {
            Some((w, k)) => (Some(w), k),
            None => (None, j),
        };
        let comma = wd.is_some() && self.f(j0) == ",";
        if comma {
            j0 += 1;
        }
        // Day first: "22 septembre 2021", "the 22nd of September".
        if let Some((d, k)) = self.day_at(j0) {
            let mut k2 = k;
            if self.l.en && self.f(k2) == "of" {
                k2 += 1;
            }
            if let Some((m, mut k3, _)) = self.month_at(k2) {
                let mut c = Core { wd, d: Some(d), m: Some(m), ..Core::default() };
                let k4 = if self.f(k3) == "," { k3 + 1 } else { k3 };
                if let Some((y, k5)) = self.year_at(k4, self.two_digit_year_ok(k4)) {
                    c.y = Some(y);
                    k3 = k5;
                }
                consider(c, k3);
            } else if (wd.is_some() && !comma && self.is_num(j0))
                || (det
                    && wd.is_none()
                    && self.is_num(j0)
                    && (self.time_at(k).is_some_and(|x| x.2)
                        || matches!(self.f(k), "" | "." | "," | ";" | ")")
                        || (self.future.get() && !self.is_num(k) && self.month_at(k).is_none())))
            {
                consider(Core { wd, d: Some(d), ..Core::default() }, k);
            }
        }
        // Month first: "September 22, 2021", "Sept. 22".
        if let Some((m, k, _)) = self.month_at(j0) {
            let digit_first = self.t.get(k).is_some_and(|x| x.f.as_bytes()[0].is_ascii_digit());
            if self.l.en && digit_first {
                if let Some((d, mut k2)) = self.day_at(k) {
                    let mut c = Core { wd, d: Some(d), m: Some(m), month_first: true, ..Core::default() };
                    let k3 = if self.f(k2) == "," { k2 + 1 } else { k2 };
                    if let Some((y, k4)) = self.year_at(k3, false) {
                        c.y = Some(y);
                        k2 = k4;
                    }
                    consider(c, k2);
                }
            }
            // "janvier 2020"; "mai 68" (two digits, not before a time or a noun).
            if wd.is_none() {
                if let Some((y, k2)) = self.year_at(k, self.two_digit_year_ok(k)) {
                    consider(Core { m: Some(m), y: Some(y), ..Core::default() }, k2);
                }
            }
        }
        // Numeric: "22/09/2021", "2/3", "2021-09-22", "22.09.2021".
        if self.is_num(j0) {
            if let Some((c, k)) = self.numeric_at(j0, det || wd.is_some()) {
                consider(Core { wd, ..c }, k);
            }
        }
        // A month alone: "en mars", "in March", "juillet".
        if wd.is_none() {
            if let Some((m, k, needs)) = self.month_at(j) {
                let abbr = self.l.time.get(t, j, "month_abbr").is_some_and(|(_, e)| e == k || e + 1 == k);
                let year_like = self.t.get(k).is_some_and(|x| x.digits() == 2 && x.num > Some(31));
                // "stade du 4-Août", "rue du 8-Mai-1945": a name, not a date.
                let in_name = j > 0 && self.t[j - 1].f == "-" && !self.t[j].gap;
                if !abbr && (!needs || prep) && !year_like && !in_name {
                    consider(Core { m: Some(m), dir, ..Core::default() }, k);
                }
            }
        }
        let (mut c, mut end) = best?;
        if c.m.is_some() && c.y.is_none() && c.dir == 0 {
            if let Some((_, k)) = self.kind(end, "past") {
                c.dir = -1;
                end = k;
            } else if let Some((_, k)) = self.kind(end, "next") {
                c.dir = 1;
                end = k;
            }
        }
        Some((c, end))
    }

    fn numeric_at(&self, i: usize, det: bool) -> Option<(Core, usize)> {
        let t = self.t;
        let a = t.get(i)?;
        let sep = self.f(i + 1);
        if self.is_num(i + 1) && t[i + 1].gap {
            return self.spaced_numeric_at(i, det);
        }
        if !self.adjacent(i + 1) || !self.adjacent(i + 2) || !self.is_num(i + 2) {
            return None;
        }
        let b = &t[i + 2];
        let (an, bn) = (a.num?, b.num?);
        if a.digits() == 4 && sep == "-" {
            // 2021-09-22
            if self.f(i + 3) != "-" || !self.adjacent(i + 3) || !self.adjacent(i + 4) {
                return None;
            }
            let c = t.get(i + 4).filter(|c| c.kind == TokenKind::Number)?;
            if b.digits() > 2 || c.digits() > 2 {
                return None;
            }
            return Some((
                Core { y: Some(an as i32), m: Some(bn as u8), d: Some(c.num? as u8), ..Core::default() },
                i + 5,
            ));
        }
        if a.digits() > 2 || b.digits() > 2 || !matches!(sep, "/" | "." | "-") {
            return None;
        }
        // Day first (as in most of the world's press); month first only when the
        // second number cannot be a month ("9/22/2021").
        let (d, m) = if bn > 12 && an <= 12 { (bn, an) } else { (an, bn) };
        if d == 0 || d > 31 || m == 0 || m > 12 {
            return None;
        }
        let mut c = Core { d: Some(d as u8), m: Some(m as u8), ..Core::default() };
        if self.f(i + 3) == sep && self.adjacent(i + 3) && self.adjacent(i + 4) {
            if let Some(y) = t.get(i + 4).filter(|y| y.kind == TokenKind::Number) {
                let yv = y.num?;
                c.y = Some(match y.digits() {
                    4 => yv as i32,
                    2 => self.pivot(yv),
                    _ => return None,
                });
                return Some((c, i + 5));
            }
        }
        // Day and month alone with a slash, after an article or weekday, or when they
        // cannot be a fraction ("17/2", "31/10", "03/05").
        let clear = a.digits() == 2 && (an > 12 || b.digits() == 2);
        ((det || clear) && sep == "/").then_some((c, i + 3))
    }

    /// "20 02 2014", "24 12 14", "le 17 02": numbers separated by single spaces, with a
    /// four-digit year (or two digits ending the phrase), or after an article with a
    /// zero-padded two-digit month.
    fn spaced_numeric_at(&self, i: usize, det: bool) -> Option<(Core, usize)> {
        let t = self.t;
        let single = |k: usize| t.get(k).is_some_and(|x| x.gap && x.start == t[k - 1].end + 1);
        let (a, b) = (&t[i], &t[i + 1]);
        if a.digits() > 2 || b.digits() > 2 || !single(i + 1) {
            return None;
        }
        let (d, m) = (a.num?, b.num?);
        if !(1..=31).contains(&d) || !(1..=12).contains(&m) {
            return None;
        }
        let mut c = Core { d: Some(d as u8), m: Some(m as u8), ..Core::default() };
        if self.is_num(i + 2) && single(i + 2) {
            let y = &t[i + 2];
            let year = match y.digits() {
                4 => y.num? as i32,
                2 if self.two_digit_year_ok(i + 2) => self.pivot(y.num?),
                _ => return None,
            };
            // Not a longer run of numbers.
            if self.is_num(i + 3) {
                return None;
            }
            c.y = Some(year);
            return Some((c, i + 3));
        }
        // In a fragment ("17 02", "le 31 10"), a day and a month alone.
        let alone = self.future.get() && self.t.get(i + 2).is_none_or(|x| x.kind == TokenKind::Punct);
        ((det && b.digits() == 2 && b.f.starts_with('0') || alone) && !self.is_num(i + 2)).then_some((c, i + 2))
    }

    /// Chooses among candidate dates the one nearest the publication date, the past
    /// weighing less than the future (or the reverse with `Options::future`).
    fn pick(&self, cands: &[PartialDate], dir: i8, wd: Option<u8>) -> Option<PartialDate> {
        self.pick_in(cands, dir, wd, true)
    }

    /// [`Cx::pick`]; `yearly`: the candidates are a year apart, so that a past verb may
    /// send a date weeks ahead back a year.
    fn pick_in(&self, cands: &[PartialDate], dir: i8, wd: Option<u8>, yearly: bool) -> Option<PartialDate> {
        let (rlo, rhi) = self.rng?;
        let mut ok: Vec<(PartialDate, i64, i64)> = cands
            .iter()
            .map(|c| {
                let (lo, hi) = span_of(c);
                (*c, lo, hi)
            })
            .filter(|&(_, lo, hi)| match dir {
                d if d < 0 => hi < rlo,
                d if d > 0 => lo > rhi,
                _ => true,
            })
            .collect();
        // A weekday that matches settles the choice among dates within half a year on
        // the side the text points to (a week on the other side).
        if let Some(w) = wd {
            let (back, ahead) = if self.future.get() { (7, 366) } else { (183, 7) };
            let near =
                |c: &(PartialDate, i64, i64)| c.0.weekday() == Some(w) && c.2 >= rlo - back && c.1 <= rhi + ahead;
            if ok.iter().any(near) {
                ok.retain(near);
            }
        }
        // A past verb makes a date weeks ahead unlikely ("condamnés pour le lynchage du
        // gendarme, le 21 juin" a year before).
        let (wpast, wfut) = match (self.future.get(), self.tense_here()) {
            (true, _) => (1000, 1),
            (false, Some(false)) if yearly => (1, 20),
            _ => (1, 4),
        };
        ok.into_iter()
            .min_by_key(|&(_, lo, hi)| {
                if hi < rlo {
                    (rlo - hi) * wpast
                } else if lo > rhi {
                    (lo - rhi) * wfut
                } else {
                    0
                }
            })
            .map(|c| c.0)
    }

    fn resolve_core(&self, c: &Core) -> Option<(PartialDate, Vec<String>)> {
        let d = match (c.y, c.m, c.d) {
            (Some(y), Some(m), Some(d)) => PartialDate::day(y, m, d)?,
            (Some(y), Some(m), None) => PartialDate::month(y, m)?,
            (Some(y), None, None) => PartialDate::year(y)?,
            (None, Some(m), Some(d)) if c.dir == 0 && self.sentence_year.get().is_some() => {
                PartialDate::day(self.sentence_year.get()?, m, d)?
            }
            (None, Some(m), None) if c.dir == 0 && self.sentence_year.get().is_some() => {
                PartialDate::month(self.sentence_year.get()?, m)?
            }
            (None, Some(m), Some(d)) => {
                let py = self.pub_year?;
                let cands: Vec<PartialDate> = (py - 1..=py + 1).filter_map(|y| PartialDate::day(y, m, d)).collect();
                self.pick(&cands, c.dir, c.wd)?
            }
            (None, Some(m), None) => {
                let py = self.pub_year?;
                let cands: Vec<PartialDate> = (py - 1..=py + 1).filter_map(|y| PartialDate::month(y, m)).collect();
                self.pick(&cands, c.dir, None)?
            }
            (None, None, Some(d)) => {
                let (py, pm) = (self.pub_year?, self.pub_month?);
                // "jeudi 15": the weekday may point months away.
                let reach = if c.wd.is_some() && self.future.get() { 11 } else { 1 };
                let cands: Vec<PartialDate> = (-reach..=reach)
                    .filter_map(|k| {
                        let (y, m) = add_months(py, pm, k);
                        PartialDate::day(y, m, d)
                    })
                    .collect();
                self.pick_in(&cands, 0, c.wd, false)?
            }
            _ => return None,
        };
        let mut warnings = Vec::new();
        if let (Some(w), Some(got)) = (c.wd, d.weekday()) {
            if w != got {
                warnings.push(format!(
                    "{} is a {}, not a {}: kept the day number",
                    d,
                    WEEKDAYS[usize::from(got - 1)],
                    WEEKDAYS[usize::from(w - 1)]
                ));
            }
        }
        Some((d, warnings))
    }

    // ---- times of day ----------------------------------------------------------------

    /// A time of day: "à 22 h", "22h30", "22 h 30", "15:00", "at 10 a.m.", "à midi",
    /// "quinze heures et quart". Returns the hour and minute, the index after, and
    /// whether it stands on its own (a preposition or an unambiguous form).
    fn time_at(&self, i: usize) -> Option<((u8, u8), usize, bool)> {
        let mut j = i;
        let mut strong = false;
        if let Some((_, k)) = self.kind(j, "timeprep") {
            strong = true;
            j = k;
        }
        let x = self.t.get(j)?;
        let (mut h, mut mi, mut k);
        let mut minutes_may_follow = false;
        if let Some((v, e)) = self.kind(j, "clock") {
            (h, mi, k) = (v as u32, 0, e);
            strong |= !x.cap;
            minutes_may_follow = true;
        } else if x.kind == TokenKind::Word && x.f.as_bytes()[0].is_ascii_digit() {
            // 22h30, 22h, 10am, 10pm
            let nd = x.f.bytes().take_while(u8::is_ascii_digit).count();
            if nd > 2 {
                return None;
            }
            let (digits, rest) = x.f.split_at(nd);
            h = digits.parse().ok()?;
            k = j + 1;
            if let Some(r) = rest.strip_prefix('h') {
                if r.is_empty() {
                    mi = 0;
                    minutes_may_follow = true;
                } else if r.len() == 2 && r.bytes().all(|b| b.is_ascii_digit()) {
                    mi = r.parse().ok()?;
                } else {
                    return None;
                }
                strong = true;
            } else if let Some(v) = self.l.time.word(rest, "ampm") {
                mi = 0;
                if h > 12 {
                    return None;
                }
                h = h % 12 + v as u32;
                strong = true;
            } else {
                return None;
            }
        } else if x.kind == TokenKind::Number {
            if x.digits() > 2 {
                return None;
            }
            h = x.num?;
            k = j + 1;
            mi = 0;
            if let Some((_, e)) = self.kind(k, "hourword") {
                if self.f(k) == "h" {
                    strong = true;
                }
                k = e;
                minutes_may_follow = true;
            } else if self.f(k) == ":" && self.adjacent(k) && self.adjacent(k + 1) {
                let m = self.t.get(k + 1).filter(|m| m.digits() == 2)?;
                mi = m.num?;
                k += 2;
                strong = true;
            } else if !(self.l.en && self.kind(k, "ampm").is_some()) {
                return None;
            }
            if let Some((v, e)) = self.kind(k, "ampm") {
                if h > 12 {
                    return None;
                }
                h = h % 12 + v as u32;
                k = e;
                strong = true;
            }
        } else {
            let n = self.number(j)?;
            if n.approximate {
                return None;
            }
            let (_, e) = self.kind(n.end, "hourword")?;
            h = n.value as u32;
            mi = 0;
            k = e;
            minutes_may_follow = true;
        }
        if minutes_may_follow && !self.l.en {
            if let Some((m, e)) = self.minutes_at(k) {
                // "onze heures trois quarts", "quinze heures passé de trente minutes"
                strong |= !self.is_num(k);
                if m < 0 {
                    h = (h + 23) % 24;
                    mi = (60 + m) as u32;
                } else {
                    mi = m as u32;
                }
                k = e;
            }
        }
        // "du soir", "in the evening", "de l'après-midi", "cet après-midi".
        let k2 = self.skip(k, &["du", "de", "l", "'", "in", "the", "dans", "la", "ce", "cet", "cette", "this"], 3);
        if k2 > k {
            if let Some((v, e)) = self.kind(k2, "daypart") {
                if v / 100 >= 12 && h < 12 {
                    h += 12;
                }
                strong = true;
                if matches!(self.f(k), "du" | "de" | "in") {
                    k = e;
                }
            }
        }
        (h < 24 && mi < 60).then_some(((h as u8, mi as u8), k, strong))
    }

    /// Minutes after an hour: "30", "trente", "et quart", "et demie", "moins le quart",
    /// "moins cinq", "trois quarts", "quinze minutes". Negative: before the hour.
    fn minutes_at(&self, k: usize) -> Option<(i32, usize)> {
        let f = self.f(k);
        if f == "et" {
            return match self.f(k + 1) {
                "quart" => Some((15, k + 2)),
                "demi" | "demie" => Some((30, k + 2)),
                _ => {
                    let n = self.number(k + 1)?;
                    let e = self.skip(n.end, &["minutes", "minute", "min"], 1);
                    (n.value < 60 && e > n.end).then_some((n.value as i32, e))
                }
            };
        }
        if f == "moins" {
            let e = self.skip(k + 1, &["le"], 1);
            if self.f(e) == "quart" {
                return Some((-15, e + 1));
            }
            let n = self.number(k + 1)?;
            return (n.value > 0 && n.value < 60).then_some((-(n.value as i32), n.end));
        }
        if matches!(f, "passe" | "passee") && self.f(k + 1) == "de" {
            let n = self.number(k + 2)?;
            let e = self.skip(n.end, &["minutes", "minute", "min"], 1);
            return (n.value < 60 && e > n.end).then_some((n.value as i32, e));
        }
        if f == "trois" && self.f(k + 1) == "quarts" {
            return Some((45, k + 2));
        }
        if self.is_num(k) && self.t[k].digits() != 2 {
            return None;
        }
        let n = self.number(k)?;
        if n.approximate || n.value >= 60 {
            return None;
        }
        let e = self.skip(n.end, &["minutes", "minute", "min"], 1);
        // A number word right after the hour is the minutes only when nothing follows
        // that would make it a count ("à 15 heures trente manifestants").
        if !n.digits && e == n.end {
            if let Some(nx) = self.t.get(e) {
                if nx.kind == TokenKind::Word && !self.l.time.starts_tk(nx) {
                    return None;
                }
            }
        }
        Some((n.value as i32, e))
    }

    /// A part of the day after a date: "soir", "dans la matinée", "in the morning".
    /// Returns its hours (start, end) and the index after it.
    fn daypart_at(&self, i: usize) -> Option<((u8, u8), usize)> {
        let j = self.skip(i, &["dans", "la", "l", "'", "en", "le", "in", "the", "au", "a", "at", "du"], 3);
        let (v, e) = self.kind(j, "daypart")?;
        Some((((v / 100) as u8, (v % 100) as u8), e))
    }

    /// A day as a value, stretched to a part of the day when one follows
    /// ("mardi soir" → 18:00 to midnight).
    fn finish(&self, d: PartialDate, end: usize, rule: &'static str, warnings: Vec<String>) -> Hit {
        // "demain jusqu'à 16h", "until 4 p.m. tomorrow": from the start of the day.
        if d.day_num().is_some() && d.time_of_day().is_none() && matches!(self.f(end), "jusqu" | "until") {
            let k = self.skip(end + 1, &["'", "a"], 2);
            if let Some(((h, mi), e, _)) = self.time_at(k) {
                let (y, m, dd) = (d.year_num(), d.month_num(), d.day_num());
                if let (Some(a), Some(b)) = (
                    m.and_then(|m| PartialDate::day_time(y, m, dd?, 0, 0)),
                    m.and_then(|m| PartialDate::day_time(y, m, dd?, h, mi)),
                ) {
                    let v = DateValue { start: a, end: Some(b), precision: Precision::Time };
                    return Hit {
                        end: e,
                        value: Some(v),
                        rule,
                        warnings,
                        explicit_year: false,
                        kind: DateKind::Date,
                        timex: None,
                    };
                }
            }
        }
        if d.day_num().is_some() {
            if let Some(((h0, h1), e)) = self.daypart_at(end) {
                if let Some(v) = daypart_value(d, h0, h1) {
                    return Hit {
                        end: e,
                        value: Some(v),
                        rule,
                        warnings,
                        explicit_year: false,
                        kind: DateKind::Date,
                        timex: None,
                    };
                }
            }
            if let Some((_, e)) =
                self.kind(self.skip(end, &["dans", "la", "in", "the", "au", "a", "at", "de", "du"], 2), "night")
            {
                return Hit {
                    end: e,
                    value: Some(DateValue::point(d)),
                    rule,
                    warnings,
                    explicit_year: false,
                    kind: DateKind::Date,
                    timex: None,
                };
            }
        }
        Hit {
            end,
            value: Some(DateValue::point(d)),
            rule,
            warnings,
            explicit_year: false,
            kind: DateKind::Date,
            timex: None,
        }
    }

    // ---- rules -------------------------------------------------------------------------

    fn best(&self, i: usize, st: &State) -> Option<Hit> {
        self.at.set(i);
        self.tense.set(None);
        self.cores.borrow_mut().clear();
        // The rules run in this order; the first of the longest wins.
        let mut best: Option<Hit> = None;
        // (A function inlined at each of its 25 calls, where a closure was called.)
        #[inline(always)]
        fn take(best: &mut Option<Hit>, h: Option<Hit>) {
            if let Some(h) = h {
                if best.as_ref().is_none_or(|b| h.end > b.end) {
                    *best = Some(h);
                }
            }
        }
        take(&mut best, self.rule_range(i));
        take(&mut best, self.rule_coord(i));
        take(&mut best, self.rule_night(i));
        take(&mut best, self.rule_part(i));
        take(&mut best, self.rule_core(i));
        take(&mut best, self.rule_nth(i));
        take(&mut best, self.rule_week_of(i));
        take(&mut best, self.rule_unit_rel(i, st.anchor));
        take(&mut best, self.rule_dayrel(i, st.anchor));
        take(&mut best, self.rule_holiday(i));
        take(&mut best, self.rule_season(i));
        take(&mut best, self.rule_now(i));
        take(&mut best, self.rule_weekday(i));
        take(&mut best, self.rule_ago(i));
        take(&mut best, self.rule_within(i));
        take(&mut best, self.rule_decade(i));
        take(&mut best, self.rule_last_n(i));
        take(&mut best, self.rule_year(i, st.after_year && st.last_end == i));
        take(&mut best, self.rule_time(i, st.anchor, st.last_end == i));
        take(&mut best, self.rule_daypart_alone(i, st.anchor));
        take(&mut best, self.kind(i, "blocker").map(|(_, e)| Hit::new(e, None, "blocked")));
        take(&mut best, self.rule_bare_year(i));
        take(&mut best, self.rule_duration(i));
        take(&mut best, self.rule_set(i));
        take(&mut best, self.rule_vague(i));
        best
    }

    fn rule_core(&self, i: usize) -> Option<Hit> {
        // "le 45 mai": a number that cannot be a day before a month name.
        let j = self.kind(i, "article").map_or(i, |x| x.1);
        if let Some(x) = self.t.get(j).filter(|x| x.kind == TokenKind::Number && x.digits() <= 2) {
            if !(1..=31).contains(&x.num.unwrap_or(0)) {
                if let Some((_, e, _)) = self.month_at(j + 1) {
                    return Some(Hit::new(e, None, "partial"));
                }
            }
        }
        let (c, end) = self.parse_core(i)?;
        if c.m.is_none() && c.y.is_none() && c.wd.is_none() && c.d.is_none() {
            return None;
        }
        let rule = if c.y.is_some() { "absolute" } else { "partial" };
        let Some((d, w)) = self.resolve_core(&c) else {
            // A real calendar shape with an impossible day ("31 février"): skip it whole.
            let impossible = c.y.is_some() || (c.m.is_some() && c.d.is_some() && self.rng.is_some());
            return impossible.then(|| Hit::new(end, None, rule));
        };
        let mut h = self.finish(d, end, rule, w);
        h.explicit_year = c.y.is_some();
        Some(h)
    }

    /// "du 10 au 12 mai", "entre le 10 et le 12 mai", "10-12 mai", "between May 10 and 12".
    fn rule_range(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let mut intro = false;
        let mut between = false;
        if let Some((_, k)) = self.kind(j, "between") {
            between = true;
            intro = true;
            j = k;
        } else if let Some((_, k)) = self.kind(j, "rangefrom") {
            intro = true;
            j = k;
        }
        // "du 13", "entre le 13", "from the 13th": the day numbers are days, not counts.
        let mut det = intro && j > 0 && matches!(self.f(j - 1), "le" | "du" | "the");
        if let Some((_, k)) = self.kind(j, "article") {
            j = k;
            det = true;
        }
        let (a, j) = match self.parse_core(j) {
            Some((a, e)) if a.d.is_some() => (a, e),
            _ => {
                let (d, e) = self.day_at(j)?;
                (Core { d: Some(d), ..Core::default() }, e)
            }
        };
        let (_, mut j) = if between {
            let k = self.skip(j, &["et", "and"], 1);
            if k == j {
                return None;
            }
            (0, k)
        } else {
            self.kind(j, "rangeto")?
        };
        if let Some((_, k)) = self.kind(j, "article") {
            j = k;
        }
        let (mut b, end) = match self.parse_core(j) {
            Some((b, e)) if b.d.is_some() => (b, e),
            _ => {
                let (d, mut e) = self.day_at(j)?;
                // "between May 10 and 12, 2021"
                let mut y = None;
                if let Some((yy, e2)) = self.year_at(self.skip(e, &[","], 1), false) {
                    y = Some(yy);
                    e = e2;
                }
                (Core { d: Some(d), y, ..Core::default() }, e)
            }
        };
        let mut a = a;
        if b.m.is_none() && !(intro || a.month_first) {
            return None;
        }
        if a.m.is_none() && b.m.is_none() && !(intro && det) {
            return None;
        }
        if b.m.is_none() {
            b.m = a.m;
            b.y = b.y.or(a.y);
        }
        let Some((pb, mut warnings)) = self.resolve_core(&b) else {
            return Some(Hit::new(end, None, "range"));
        };
        if a.m.is_none() {
            a.m = pb.month_num();
        }
        let y = a.y.unwrap_or(pb.year_num());
        let (am, ad) = (a.m?, a.d?);
        let pa = match PartialDate::day(y, am, ad) {
            Some(p) if p.days() <= pb.days() => Some(p),
            _ if a.y.is_none() => PartialDate::day(y - 1, am, ad),
            _ => None,
        };
        let Some(pa) = pa.filter(|p| p.days() <= pb.days()) else {
            return Some(Hit::new(end, None, "range"));
        };
        if let (Some(w), Some(got)) = (a.wd, pa.weekday()) {
            if w != got {
                warnings.push(format!("{pa} is not a {}", WEEKDAYS[usize::from(w - 1)]));
            }
        }
        let pb = pb.truncate(Precision::Day);
        Some(Hit {
            end,
            value: Some(DateValue { start: pa, end: Some(pb), precision: Precision::Day }),
            rule: "range",
            warnings,
            explicit_year: a.y.is_some() || b.y.is_some(),
            kind: DateKind::Date,
            timex: None,
        })
    }

    /// "les 6 et 13 avril", "le 6, le 8 et le 13 mai": the first day takes the month
    /// (and year) of the date that follows.
    fn rule_coord(&self, i: usize) -> Option<Hit> {
        let j = self.skip(i, &["les", "le", "the"], 1);
        let (d, e) = self.day_at(j)?;
        if !matches!(self.f(e), "et" | "," | "and") {
            return None;
        }
        // Later days of the list, then the one with the month.
        let mut k = e;
        for _ in 0..4 {
            let k2 = self.skip(k, &["et", ",", "and", "le", "the"], 2);
            if k2 == k {
                return None;
            }
            if let Some((c, _)) = self.parse_core(k2) {
                if c.d.is_some() && c.m.is_some() {
                    let (v, w) = self.resolve_core(&Core { d: Some(d), wd: None, ..c })?;
                    return Some(self.finish_plain(v, e, "partial", w));
                }
            }
            let (_, k3) = self.day_at(k2)?;
            k = k3;
        }
        None
    }

    /// "dans la nuit de mardi à mercredi", "in the night of Tuesday to Wednesday",
    /// "dans la nuit du 21 au 22 septembre": the later day.
    fn rule_night(&self, i: usize) -> Option<Hit> {
        let mut j = self.skip(i, &["dans", "durant", "pendant", "in", "during", "overnight"], 1);
        j = self.skip(j, &["la", "the"], 1);
        let (_, k) = self.kind(j, "night")?;
        let (_, k) = self.kind(k, "nightof")?;
        let (first_wd, first_end) = match self.weekday_at(k) {
            Some((w, e)) => (Some(w), e),
            None => {
                let (c, e) = self.parse_core(k).or_else(|| {
                    let (d, e) = self.day_at(k)?;
                    Some((Core { d: Some(d), ..Core::default() }, e))
                })?;
                c.d?;
                (None, e)
            }
        };
        // The second day.
        if let Some((_, k2)) = self.kind(first_end, "nightto") {
            let k2 = self.skip(k2, &["le", "the"], 1);
            if let Some((c, e)) = self.parse_core(k2) {
                if c.d.is_some() {
                    if let Some((d, w)) = self.resolve_core(&c) {
                        return Some(self.finish_plain(d, e, "night", w));
                    }
                }
            }
            if let Some((w, e)) = self.weekday_at(k2) {
                let day = self.wd_resolve(w, WdMode::Bare)?;
                return Some(self.finish_plain(PartialDate::from_days(day), e, "night", vec![]));
            }
            return None;
        }
        let w = first_wd?;
        let day = self.wd_resolve(w, WdMode::Bare)?;
        Some(self.finish_plain(PartialDate::from_days(day), first_end, "night", vec![]))
    }

    fn finish_plain(&self, d: PartialDate, end: usize, rule: &'static str, warnings: Vec<String>) -> Hit {
        Hit {
            end,
            value: Some(DateValue::point(d)),
            rule,
            warnings,
            explicit_year: false,
            kind: DateKind::Date,
            timex: None,
        }
    }

    /// An auxiliary is a verb when a word follows it ("a été", not "9 heures 30 a 11h").
    fn aux_ok(&self, k: usize) -> bool {
        // "il y a trois mois": not a verb of the story.
        (k == 0 || self.t[k - 1].f != "y")
            && self.t.get(k + 1).is_some_and(|x| x.kind == TokenKind::Word && !x.f.as_bytes()[0].is_ascii_digit())
    }

    /// Whether a tense cue (an auxiliary, a future ending, an English past form) is a
    /// verb of the text.
    fn verb_cue(&self, k: usize) -> bool {
        let x = &self.t[k];
        if x.kind != TokenKind::Word {
            return false;
        }
        if self.l.time.word_tk(x, "tense_future").is_some()
            || (x.ascii && self.l.time.word_tk(x, "tense_past").is_some() && self.aux_ok(k))
        {
            return true;
        }
        if x.cap || x.f.len() < 5 {
            return false;
        }
        if self.l.en {
            x.f.ends_with("ed")
        } else {
            ["eront", "iront", "dront", "era", "ira", "dra", "ait", "aient"].iter().any(|s| x.f.ends_with(s))
        }
    }

    /// Whether token `k` ends a sentence: "!", "?", a line break, or a full stop before
    /// a capital or the end (not "8.30pm", "M. Blair" is taken as one).
    fn sentence_end(&self, k: usize) -> bool {
        match self.f(k) {
            "!" | "?" | "\n" => true,
            "." => self.t.get(k + 1).is_none_or(|n| n.gap && (n.cap || n.kind == TokenKind::Punct)),
            _ => false,
        }
    }

    /// Whether the sentence starting at token `i` has no verb: only time words, numbers,
    /// function words and at most one other word ("Réunion lundi", "jeudi à 11h",
    /// "le 2 vers 5h"). Such fragments (calendar lines, queries) read forward.
    fn fragment_at(&self, i: usize) -> bool {
        const FUNCTION: &[&str] = &[
            "le", "la", "les", "l", "un", "une", "de", "du", "des", "d", "a", "au", "aux", "et", "ou", "mais", "par",
            "exemple", "plutot", "vers", "en", "dans", "pour", "sur", "ce", "cet", "cette", "ces", "entre", "jusqu",
            "the", "on", "at", "in", "of", "and", "or", "but", "by", "to", "from", "for", "this", "that", "between",
            "until", "around", "about",
        ];
        let mut content = 0;
        for k in i..self.t.len() {
            let x = &self.t[k];
            if self.sentence_end(k) {
                break;
            }
            if x.kind != TokenKind::Word || x.f.as_bytes()[0].is_ascii_digit() {
                continue;
            }
            if self.verb_cue(k) {
                return false;
            }
            if FUNCTION.contains(&x.f) || self.l.time.starts_time_tk(x) || self.l.numbers.starts_tk(x) {
                continue;
            }
            content += 1;
            if content > 1 {
                return false;
            }
        }
        true
    }

    /// The tense token `k` marks: `Some(true)` future ("sera", "manifesteront", "will"),
    /// `Some(false)` past ("a été", "ont", "was", "killed").
    fn cue(&self, k: usize) -> Option<bool> {
        let x = &self.t[k];
        if self.l.time.word_tk(x, "tense_future").is_some() {
            return Some(true);
        }
        if x.ascii && self.l.time.word_tk(x, "tense_past").is_some() && self.aux_ok(k) {
            return Some(false);
        }
        if x.kind != TokenKind::Word || x.cap || x.f.len() < 5 {
            return None;
        }
        if self.l.en {
            x.f.ends_with("ed").then_some(false)
        } else {
            ["eront", "iront", "dront", "era", "ira", "dra"].iter().any(|s| x.f.ends_with(s)).then_some(true)
        }
    }

    /// Whether the text has a verb in a past tense anywhere: then it reports, and its
    /// verbless lines (headers, datelines) do not read forward.
    fn reports_past(&self) -> bool {
        (0..self.t.len()).any(|k| self.cue(k) == Some(false))
    }

    /// The tense that orients the expression being read (see [`Cx::tense_at`]); none
    /// when reading forward or after "jusqu'au 30 juin", "d'ici le 30 juin", "avant le
    /// 30 juin" (a deadline, ahead whatever the tense of the verb).
    fn tense_here(&self) -> Option<bool> {
        if let Some(t) = self.tense.get() {
            return t;
        }
        let i = self.at.get();
        let deadline = i >= 1 && matches!(self.f(i - 1), "au" | "ici" | "avant" | "until" | "before" | "by");
        let t = if self.future.get() || deadline { None } else { self.tense_at(i) };
        self.tense.set(Some(t));
        t
    }

    /// Whether the verb nearest to token `i` in its sentence is in the future tense.
    fn future_tense(&self, i: usize) -> bool {
        self.tense_at(i) == Some(true)
    }

    /// The tense of the verb nearest to token `i` in its sentence: `Some(true)` future,
    /// `Some(false)` past, `None` when no cue is near.
    fn tense_at(&self, i: usize) -> Option<bool> {
        let boundary = |f: &str| matches!(f, "." | "!" | "?" | ";" | ":");
        let cue = |k: usize| self.cue(k);
        let (mut left, mut right) = (true, true);
        for dist in 1..=10 {
            let mut found = None;
            if left {
                match i.checked_sub(dist) {
                    Some(k) if !boundary(self.t[k].f) => found = cue(k),
                    _ => left = false,
                }
            }
            if found.is_none() && right {
                match self.t.get(i + dist) {
                    Some(x) if !boundary(x.f) => found = cue(i + dist),
                    _ => right = false,
                }
            }
            if found.is_some() {
                return found;
            }
        }
        None
    }

    fn wd_resolve(&self, wd: u8, mode: WdMode) -> Option<i64> {
        let p = self.pday?;
        let pwd = i64::from(weekday_of(p));
        let wd = i64::from(wd);
        let mon = p - (pwd - 1);
        Some(match mode {
            WdMode::Bare if self.future.get() => p + (wd - pwd - 1).rem_euclid(7) + 1,
            WdMode::Coming => p + (wd - pwd).rem_euclid(7),
            WdMode::Bare => p - (pwd - wd).rem_euclid(7),
            WdMode::Last => p - ((pwd - wd - 1).rem_euclid(7) + 1),
            WdMode::Next => p + (wd - pwd - 1).rem_euclid(7) + 1,
            WdMode::This if self.future.get() => p + (wd - pwd).rem_euclid(7),
            WdMode::This | WdMode::ThisWeek => mon + wd - 1,
            WdMode::LastWeek => mon - 7 + wd - 1,
            WdMode::NextWeek => mon + 7 + wd - 1,
        })
    }

    /// "mercredi", "ce mercredi", "mercredi dernier", "last Tuesday", "on Tuesday",
    /// "mardi de la semaine prochaine".
    fn rule_weekday(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let mut mode = WdMode::Bare;
        if let Some((_, k)) = self.kind(j, "this") {
            mode = WdMode::This;
            j = k;
        } else if self.l.en {
            if let Some((_, k)) = self.kind(j, "past") {
                mode = WdMode::Last;
                j = k;
            } else if let Some((_, k)) = self.kind(j, "next") {
                mode = WdMode::Next;
                j = k;
            } else if self.f(j) == "on" {
                j += 1;
            }
        }
        let (wd, mut end) = self.weekday_at(j)?;
        if mode == WdMode::Bare {
            if let Some((_, k)) = self.kind(end, "past") {
                mode = WdMode::Last;
                end = k;
            } else if let Some((_, k)) = self.kind(end, "next") {
                mode =
                    if matches!(self.f(end), "suivant" | "suivante" | "d") { WdMode::NextWeek } else { WdMode::Next };
                end = k;
            } else {
                // "de la semaine dernière", "la semaine prochaine", "cette semaine".
                let k = self.skip(end, &["de", "la", "d", "'", "of"], 2);
                let (k, this) = match self.kind(k, "this") {
                    Some((_, e)) => (e, true),
                    None => (k, false),
                };
                if let Some((u, e)) = self.kind(k, "unit") {
                    if u == WEEK {
                        if this {
                            mode = WdMode::ThisWeek;
                            end = e;
                        } else if let Some((_, e2)) = self.kind(e, "past") {
                            mode = WdMode::LastWeek;
                            end = e2;
                        } else if let Some((_, e2)) = self.kind(e, "next") {
                            mode = WdMode::NextWeek;
                            end = e2;
                        }
                    }
                }
            }
        }
        // "le mercredi" alone is a habit (every Wednesday), not a date.
        if mode == WdMode::Bare && !self.l.en && i > 0 && self.t[i - 1].f == "le" {
            return None;
        }
        if mode == WdMode::Bare && !self.future.get() && self.future_tense(i) {
            mode = WdMode::Coming;
        }
        let mut day = self.wd_resolve(wd, mode)?;
        // "lundi en huit", "mardi en quinze": that weekday a week or two from now.
        if mode == WdMode::Bare {
            if let Some((n, e)) = self.kind(end, "weeks_after") {
                let base = self.pday? + n;
                day = base + (i64::from(wd) - i64::from(weekday_of(base))).rem_euclid(7);
                end = e;
            }
        }
        Some(self.finish(PartialDate::from_days(day), end, "weekday", vec![]))
    }

    /// "hier", "avant-hier", "aujourd'hui", "ce matin", "yesterday", "this morning";
    /// "la veille", "le lendemain (du 13 février)" count from the day last mentioned.
    fn rule_dayrel(&self, i: usize, anchor: Option<PartialDate>) -> Option<Hit> {
        if let Some((off, end)) = self.kind(i, "dayrel_anchor") {
            let k = self.skip(end, &["du", "de", "of"], 1);
            if k > end {
                if let Some((c, e)) = self.parse_core(k) {
                    if c.d.is_some() {
                        let (d, w) = self.resolve_core(&c)?;
                        return Some(self.finish(PartialDate::from_days(d.days() + off), e, "relative_day", w));
                    }
                }
            }
            let a = anchor?;
            // "au lendemain de la démission": the day spoken of, the day after an event.
            let off = if k > end { 0 } else { off };
            return Some(self.finish(PartialDate::from_days(a.days() + off), end, "relative_day", vec![]));
        }
        let (off, end) = match self.kind(i, "dayrel") {
            Some(x) => x,
            None => {
                let (_, k) = self.kind(i, "this")?;
                if self.kind(k, "daypart").is_none() && self.kind(k, "night").is_none() {
                    return None;
                }
                (0, k)
            }
        };
        let p = self.pday?;
        let h = self.finish(PartialDate::from_days(p + off), end, "relative_day", vec![]);
        (h.end > i + 1 || end > i + 1 || self.kind(i, "dayrel").is_some()).then_some(h)
    }

    /// "la semaine dernière", "au début de la semaine dernière", "le mois dernier",
    /// "l'année dernière", "cette année", "early last week", "earlier this month",
    /// "en fin de semaine", "ce week-end".
    fn rule_unit_rel(&self, i: usize, anchor: Option<PartialDate>) -> Option<Hit> {
        // Under a month-only dateline, weeks count from the day last mentioned ("a mis en
        // garde le mardi 15 décembre ... au début de la semaine dernière").
        let pday = self.pday.or_else(|| anchor.filter(|a| a.day_num().is_some()).map(|a| a.days()));
        let mut j = i;
        let mut part = None;
        if let Some((p, k)) = self.kind(j, "part") {
            part = Some(p);
            j = k;
        }
        j = self.skip(j, &["de", "du", "d", "'", "la", "le", "l", "of", "the", "-"], 3);
        let mut off = None;
        if let Some((_, k)) = self.kind(j, "this") {
            off = Some(0);
            j = k;
        } else if self.l.en {
            if let Some((_, k)) = self.kind(j, "past") {
                off = Some(-1);
                j = k;
            } else if let Some((_, k)) = self.kind(j, "next") {
                off = Some(1);
                j = k;
            }
        }
        let mut last_weekend = false;
        let (unit, mut end) = match self.kind(j, "weekend_phrase") {
            Some((_, e)) if off.is_none() && part.is_none() => {
                off = Some(0);
                // "at the weekend" in a report: the weekend just past.
                last_weekend = !self.future.get();
                (WEEKEND, e)
            }
            _ => match self.kind(j, "week_phrase") {
                // "dans la semaine": this week.
                Some((_, e)) if off.is_none() && part.is_none() => {
                    off = Some(0);
                    (WEEK, e)
                }
                _ => self.kind(j, "unit")?,
            },
        };
        if off.is_none() {
            if let Some((_, k)) = self.kind(end, "past") {
                off = Some(-1);
                end = k;
            } else if let Some((_, k)) = self.kind(end, "next") {
                off = Some(1);
                end = k;
            }
        }
        if self.f(end) == "-" && self.f(end + 1) == "ci" {
            end += 2;
        }
        if off.is_none() && part.is_none() {
            return None;
        }
        let off = off.unwrap_or(0);
        let part = part.unwrap_or(0);
        let value = match unit {
            WEEK => {
                let p = pday?;
                let mon = p - (i64::from(weekday_of(p)) - 1) + 7 * off;
                match part {
                    1 => day_interval(mon, mon + 2, Precision::Week),
                    2 => day_interval(mon + 2, mon + 4, Precision::Week),
                    3 => day_interval(mon + 3, mon + 6, Precision::Week),
                    _ => DateValue { start: PartialDate::from_days(mon), end: None, precision: Precision::Week },
                }
            }
            WEEKEND => {
                let p = pday?;
                let pwd = i64::from(weekday_of(p));
                let sat = p - (pwd - 1) + 5;
                let sat = match off {
                    -1 => sat - 7,
                    1 if pwd >= 6 => sat + 7,
                    1 => sat,
                    _ if last_weekend && pwd < 6 => sat - 7,
                    _ if !self.future.get() && pwd <= 2 => sat - 7,
                    _ => sat,
                };
                day_interval(sat, sat + 1, Precision::Week)
            }
            MONTH => {
                let (y, m) = add_months(self.pub_year?, self.pub_month?, off);
                month_part(y, m, part)?
            }
            YEAR => year_part(self.pub_year? + off as i32, part)?,
            DAY => return None,
            _ => return None,
        };
        let mut h = Hit::new(end, Some(value), "relative_period");
        // "cette année", "l'an dernier" name the year later dates of the sentence are in.
        h.explicit_year = unit == YEAR;
        Some(h)
    }

    /// "fin septembre", "mi-décembre", "début 2020", "late September", "early 2020".
    fn rule_part(&self, i: usize) -> Option<Hit> {
        let (part, j) = self.kind(i, "part")?;
        let j = self.skip(j, &["de", "du", "d", "'", "mois", "-", "of", "the", "in"], 5);
        if let Some((m, k, needs)) = self.month_at(j) {
            let _ = needs;
            let (y, mut end) = match self.year_at(k, false) {
                Some((y, e)) => (Some(y), e),
                None => (None, k),
            };
            let mut c = Core { m: Some(m), y, ..Core::default() };
            if y.is_none() {
                if let Some((_, e)) = self.kind(end, "past") {
                    c.dir = -1;
                    end = e;
                } else if let Some((_, e)) = self.kind(end, "next") {
                    c.dir = 1;
                    end = e;
                }
            }
            let (d, _) = self.resolve_core(&c)?;
            let v = month_part(d.year_num(), m, part)?;
            return Some(Hit::new(end, Some(v), "part"));
        }
        let (y, end) = self.year_at(j, false)?;
        Some(Hit::new(end, year_part(y, part), "part"))
    }

    /// "il y a deux jours", "two days ago", "dans trois semaines", "deux jours plus tard".
    fn rule_ago(&self, i: usize) -> Option<Hit> {
        let (sign, j) = if let Some((_, k)) = self.kind(i, "ago_pre") {
            (-1, k)
        } else if let Some((_, k)) = self.kind(i, "in_pre") {
            (1, k)
        } else {
            (0, i)
        };
        let (n, k) = self.count_at(j)?;
        let (unit, mut end) = self.kind(k, "unit")?;
        // "dans un jour de grande maîtrise": a noun phrase, not a delay.
        if matches!(self.f(end), "de" | "d" | "of") {
            return None;
        }
        let sign = if sign != 0 {
            sign
        } else if let Some((_, e)) = self.kind(end, "ago_post") {
            end = e;
            -1
        } else if let Some((_, e)) = self.kind(end, "later_post") {
            end = e;
            1
        } else {
            return None;
        };
        let n = n * sign;
        // The offset is exact from a known day: "il y a trois mois" on 12 February is 12
        // November, at month precision; "dans un an" from February 2013 is February 2014,
        // at year precision; "dans 7 jours" from 04:30 keeps the hour, at day precision.
        let shifted = |d: PartialDate, precision: Precision| DateValue { start: d, end: None, precision };
        let value = match unit {
            DAY | WEEK => {
                let days = if unit == DAY { n } else { 7 * n };
                let d = PartialDate::from_days(self.pday? + days);
                match self.pub_time.and_then(|p| p.time_of_day()).filter(|_| unit == DAY && i != j && sign > 0) {
                    Some((h, _)) => shifted(
                        PartialDate::day_time(d.year_num(), d.month_num()?, d.day_num()?, h, 0)?,
                        Precision::Day,
                    ),
                    None => DateValue::point(d),
                }
            }
            MONTH => {
                let (y, m) = add_months(self.pub_year?, self.pub_month?, n);
                match self.pday.map(PartialDate::from_days).and_then(|p| p.day_num()) {
                    Some(d) => shifted(PartialDate::day(y, m, d.min(last_day(y, m)))?, Precision::Month),
                    None => DateValue::point(PartialDate::month(y, m)?),
                }
            }
            YEAR => {
                let y = self.pub_year? + n as i32;
                match self.pub_month {
                    Some(m) => shifted(PartialDate::month(y, m)?, Precision::Year),
                    None => DateValue::point(PartialDate::year(y)?),
                }
            }
            SECOND => {
                let p = self.pub_time?;
                let (h, mi) = p.time_of_day()?;
                let total = p.days() * 1440 + i64::from(h) * 60 + i64::from(mi) + n.div_euclid(60);
                DateValue::point(minute_date(total)?)
            }
            HOUR | MINUTE => {
                let p = self.pub_time?;
                let (h, mi) = p.time_of_day()?;
                let total = p.days() * 1440 + i64::from(h) * 60 + i64::from(mi) + if unit == HOUR { 60 * n } else { n };
                let d = PartialDate::from_days(total.div_euclid(1440));
                let m = total.rem_euclid(1440);
                DateValue::point(PartialDate::day_time(
                    d.year_num(),
                    d.month_num()?,
                    d.day_num()?,
                    (m / 60) as u8,
                    (m % 60) as u8,
                )?)
            }
            _ => return None,
        };
        Some(Hit::new(end, Some(value), "ago"))
    }

    /// "en 2019", "in 2019", "depuis 2015"; "à 1987" right after a year.
    fn rule_year(&self, i: usize, after_year: bool) -> Option<Hit> {
        let (j, weak) = match self.kind(i, "yearprep") {
            Some((_, j)) => (j, matches!(self.f(i), "of" | "de" | "d" | "from")),
            None if after_year
                && (if self.l.en {
                    matches!(self.f(i), "to" | "and" | "-")
                } else {
                    matches!(self.f(i), "a" | "et" | "au" | "-")
                }) =>
            {
                (i + 1, false)
            }
            None => return None,
        };
        // "depuis... 1950"
        let j = if self.f(j) == "." && self.f(j + 1) == "." { self.skip(j, &["."], 3) } else { j };
        // "en 97", "rien en 98,": two digits right before a punctuation mark (French).
        let two = !self.l.en && matches!(self.f(i), "en" | "depuis") && self.two_digit_year_ok(j);
        let (y, end) = self.year_at(j, two)?;
        if !(1900..=2100).contains(&y) {
            return None;
        }
        // "of 2000 cases", "de 2000 personnes": a count after a weak preposition.
        if weak {
            if let Some(x) = self.t.get(end) {
                if x.kind == TokenKind::Word && !x.cap && !self.l.time.starts_tk(x) {
                    return None;
                }
            }
        }
        let mut h = Hit::new(end, Some(DateValue::point(PartialDate::year(y)?)), "year");
        h.explicit_year = true;
        Some(h)
    }

    /// A time on its own ("à 22 h"), or two ("de 9h30 à 11h", "between 9 and 11 a.m."):
    /// on the day named right after it ("13h30 samedi 21 septembre"), else on the day
    /// last mentioned (or the publication day).
    fn rule_time(&self, i: usize, anchor: Option<PartialDate>, after_date: bool) -> Option<Hit> {
        let from = matches!(self.f(i), "de" | "entre" | "from" | "between");
        let start = if from { i + 1 } else { i };
        let ((mut h, mi), mut end, strong) = self.time_at(start)?;
        let mut until = None;
        // "9h30 - 11h00"
        if !from && strong && self.f(end) == "-" {
            if let Some(((h2, m2), e, true)) = self.time_at(end + 1).filter(|x| x.0 > (h, mi)) {
                until = Some((h2, m2));
                end = e;
            }
        }
        if from {
            let k = self.skip(end, &["a", "et", "-", "to", "and", "until", "jusqu'a", "jusqu"], 1);
            let k = self.skip(k, &["'", "a"], 2);
            if k > end {
                if let Some(((h2, m2), e, _)) = self.time_at(k) {
                    until = Some((h2, m2));
                    end = e;
                }
            }
            until?;
        } else if !strong {
            return None;
        }
        let mut a = anchor;
        let k = self.skip(end, &[","], 1);
        let mut named = false;
        if let Some(next) = self.rule_core(k).or_else(|| self.rule_weekday(k)).or_else(|| self.rule_dayrel(k, anchor)) {
            if let Some(v) = next.value {
                if let Some(day) = anchor_of(&v) {
                    // "à trois heures demain après-midi"
                    if v.start.time_of_day().is_some_and(|(h0, _)| h0 >= 12) && h < 12 {
                        h += 12;
                    }
                    a = Some(day);
                    named = true;
                }
            }
        }
        let mut a = a?;
        // Read forward, a time already past on the publication day is tomorrow's
        // ("minuit", "3 heures du matin" asked at 04:30).
        if self.future.get() && !named && !after_date && Some(a.days()) == self.pday {
            if let Some(now) = self.pub_time.and_then(|p| p.time_of_day()) {
                if (h, mi) < now {
                    a = PartialDate::from_days(a.days() + 1);
                }
            }
        }
        let (y, m, d) = (a.year_num(), a.month_num()?, a.day_num()?);
        let t0 = PartialDate::day_time(y, m, d, h, mi)?;
        let value = match until {
            Some((h2, m2)) => {
                DateValue { start: t0, end: Some(PartialDate::day_time(y, m, d, h2, m2)?), precision: Precision::Time }
            }
            None => DateValue::point(t0),
        };
        Some(Hit::new(end, Some(value), "time"))
    }

    /// "les trois derniers jours", "the past two weeks", "les 3 prochains mois".
    fn rule_last_n(&self, i: usize) -> Option<Hit> {
        let mut j =
            self.skip(i, &["les", "ces", "des", "au", "cours", "durant", "pendant", "the", "over", "in", "during"], 3);
        let mut dir = 0;
        if self.l.en {
            if let Some((_, k)) = self.kind(j, "past") {
                dir = -1;
                j = k;
            } else if let Some((_, k)) = self.kind(j, "next") {
                dir = 1;
                j = k;
            }
            if dir == 0 {
                return None;
            }
        }
        let (n, k) = self.count_at(j)?;
        if self.t[j].kind == TokenKind::Number && self.t[j].digits() > 3 {
            return None;
        }
        let mut k = k;
        if dir == 0 {
            if let Some((_, e)) = self.kind(k, "past") {
                dir = -1;
                k = e;
            } else if let Some((_, e)) = self.kind(k, "next") {
                dir = 1;
                k = e;
            }
        }
        let (unit, mut end) = self.kind(k, "unit")?;
        if dir == 0 {
            if let Some((_, e)) = self.kind(end, "past") {
                dir = -1;
                end = e;
            } else if let Some((_, e)) = self.kind(end, "next") {
                dir = 1;
                end = e;
            }
        }
        if dir == 0 || n <= 0 {
            return None;
        }
        let value = match unit {
            DAY => {
                let p = self.pday?;
                if dir < 0 {
                    day_interval(p - n, p - 1, Precision::Day)
                } else {
                    day_interval(p + 1, p + n, Precision::Day)
                }
            }
            WEEK => {
                let p = self.pday?;
                let mon = p - (i64::from(weekday_of(p)) - 1);
                if dir < 0 {
                    day_interval(mon - 7 * n, mon - 1, Precision::Week)
                } else {
                    day_interval(mon + 7, mon + 7 * n + 6, Precision::Week)
                }
            }
            MONTH => {
                let (py, pm) = (self.pub_year?, self.pub_month?);
                let (a, b) = if dir < 0 { (-n, -1) } else { (1, n) };
                let (ya, ma) = add_months(py, pm, a);
                let (yb, mb) = add_months(py, pm, b);
                DateValue {
                    start: PartialDate::month(ya, ma)?,
                    end: Some(PartialDate::month(yb, mb)?),
                    precision: Precision::Month,
                }
            }
            YEAR => {
                let py = self.pub_year?;
                let (a, b) = if dir < 0 { (py - n as i32, py - 1) } else { (py + 1, py + n as i32) };
                DateValue { start: PartialDate::year(a)?, end: Some(PartialDate::year(b)?), precision: Precision::Year }
            }
            SECOND => {
                let p = self.pub_time?;
                let (h, mi) = p.time_of_day()?;
                let now = (p.days() * 1440 + i64::from(h) * 60 + i64::from(mi)) * 60;
                let (a, b) = if dir < 0 { (now - n, now) } else { (now + 1, now + n) };
                let (a, b) = (a.div_euclid(60), b.div_euclid(60));
                DateValue { start: minute_date(a)?, end: Some(minute_date(b)?), precision: Precision::Time }
            }
            HOUR | MINUTE => {
                let p = self.pub_time?;
                let (h, mi) = p.time_of_day()?;
                let now = p.days() * 1440 + i64::from(h) * 60 + i64::from(mi);
                let step = if unit == HOUR { 60 } else { 1 };
                // The next hours start at the next full hour.
                let base = if unit == HOUR && dir > 0 { now - now % 60 } else { now };
                let (a, b) = if dir < 0 { (base - n * step, now) } else { (base + step, base + n * step) };
                DateValue { start: minute_date(a)?, end: Some(minute_date(b)?), precision: Precision::Time }
            }
            _ => return None,
        };
        Some(Hit::new(end, Some(value), "last_n"))
    }

    /// A part of the day on its own ("en fin de matinée", "dans la soirée"), on the day
    /// last mentioned.
    fn rule_daypart_alone(&self, i: usize, anchor: Option<PartialDate>) -> Option<Hit> {
        let ((h0, h1), e) = self.daypart_at(i)?;
        if self.t[e - 1].cap {
            return None;
        }
        // "(la) matinée du 15 février"
        let k = self.skip(e, &["du", "de", "of"], 1);
        if k > e {
            if let Some((c, end)) = self.parse_core(k) {
                if c.d.is_some() {
                    let (d, w) = self.resolve_core(&c)?;
                    let mut h = Hit::new(end, daypart_value(d, h0, h1), "daypart");
                    h.warnings = w;
                    return Some(h);
                }
            }
        }
        if e - i < 2 {
            return None;
        }
        let v = daypart_value(anchor?, h0, h1)?;
        Some(Hit::new(e, Some(v), "daypart"))
    }

    /// "cet été", "l'hiver dernier", "this summer", "last winter", "l'été 2019".
    fn rule_season(&self, i: usize) -> Option<Hit> {
        let mut j = self.skip(i, &["l", "'", "le", "the", "en", "in"], 2);
        let mut dir = None;
        if let Some((_, k)) = self.kind(j, "this") {
            dir = Some(0);
            j = k;
        } else if self.l.en {
            if let Some((_, k)) = self.kind(j, "past") {
                dir = Some(-1);
                j = k;
            } else if let Some((_, k)) = self.kind(j, "next") {
                dir = Some(1);
                j = k;
            }
        }
        let (v, mut end) = self.kind(j, "season")?;
        let mut year = None;
        if dir.is_none() {
            if let Some((_, k)) = self.kind(end, "past") {
                dir = Some(-1);
                end = k;
            } else if let Some((_, k)) = self.kind(end, "next") {
                dir = Some(1);
                end = k;
            } else if let Some((y, k)) = self.year_at(end, false) {
                year = Some(y);
                end = k;
            } else {
                return None;
            }
        }
        let (m, d) = ((v / 100) as u8, (v % 100) as u8);
        // A season of year y starts in y (winter runs into y + 1).
        let span = |y: i32| -> Option<(i64, i64)> {
            let a = PartialDate::day(y, m, d)?.days();
            // It ends the day before the next season starts, three months on.
            let b = PartialDate::day(y + i32::from(m > 9), (m + 2) % 12 + 1, d)?.days() - 1;
            Some((a, b))
        };
        let (a, b) = if let Some(y) = year {
            span(y)?
        } else {
            let p = self.pday.or_else(|| self.rng.map(|r| r.0))?;
            let py = self.pub_year?;
            let spans: Vec<(i64, i64)> = (py - 2..=py + 1).filter_map(span).collect();
            let current = spans.iter().position(|&(a, b)| a <= p && p <= b);
            let after = spans.iter().position(|&(a, _)| a > p)?;
            let k = match (dir, current) {
                (Some(0), Some(c)) => c,
                (Some(0), None) if self.future.get() => after,
                (Some(0), None) => after.checked_sub(1)?,
                (Some(d), Some(c)) => (c as i64 + i64::from(d)) as usize,
                (Some(1), None) => after,
                _ => after.checked_sub(1)?,
            };
            *spans.get(k)?
        };
        let mut h = Hit::new(end, Some(day_interval(a, b, Precision::Month)), "season");
        h.explicit_year = year.is_some();
        Some(h)
    }

    /// "maintenant", "en ce moment", "currently": the dateline itself.
    fn rule_now(&self, i: usize) -> Option<Hit> {
        let (_, end) = self.kind(i, "now")?;
        let d = self.pub_time.or_else(|| self.pday.map(PartialDate::from_days))?;
        Some(Hit::new(end, Some(DateValue::point(d)), "now"))
    }

    /// "noël", "la Toussaint", "Christmas": fixed-date holidays.
    fn rule_holiday(&self, i: usize) -> Option<Hit> {
        let j = self.skip(i, &["le", "la", "l", "'", "a", "cette", "ce"], 2);
        if let Some((off, mut end)) = self.kind(j, "easter") {
            let mut year = None;
            if let Some((y, e)) = self.year_at(end, false) {
                year = Some(y);
                end = e;
            }
            let d = match year {
                Some(y) => PartialDate::from_days(easter(y)?.days() + off),
                None => {
                    let py = self.pub_year?;
                    let cands: Vec<PartialDate> = (py - 1..=py + 1)
                        .filter_map(|y| Some(PartialDate::from_days(easter(y)?.days() + off)))
                        .collect();
                    self.pick(&cands, 0, None)?
                }
            };
            return Some(self.finish(d, end, "holiday", vec![]));
        }
        let (v, mut end) = self.kind(j, "holiday")?;
        let mut c = Core { m: Some((v / 100) as u8), d: Some((v % 100) as u8), ..Core::default() };
        if let Some((y, e)) = self.year_at(end, false) {
            c.y = Some(y);
            end = e;
        }
        let (d, w) = self.resolve_core(&c)?;
        Some(self.finish(d, end, "holiday", w))
    }

    /// "la première semaine d'octobre 2014", "le 3e jour d'octobre", "le dernier jour de
    /// mars", "la deuxième quinzaine d'avril".
    fn rule_nth(&self, i: usize) -> Option<Hit> {
        let j = self.skip(i, &["le", "la", "l", "'", "the"], 1);
        let (n, j) = match self.kind(j, "ordinal") {
            Some((v, e)) => (v, e),
            None => {
                let (d, e) = self.day_at(j)?;
                if self.t[j].kind == TokenKind::Number {
                    return None;
                }
                (i64::from(d), e)
            }
        };
        if let Some((wd, k)) = self.weekday_at(j) {
            return self.nth_weekday(n, wd, k);
        }
        let (unit, k) = self.kind(j, "unit")?;
        let k = self.skip(k, &["de", "d", "'", "du", "mois", "of"], 4);
        let (m, mut end, _) = self.month_at(k)?;
        let mut c = Core { m: Some(m), ..Core::default() };
        if let Some((y, e)) = self.year_at(end, false) {
            c.y = Some(y);
            end = e;
        }
        let (md, _) = self.resolve_core(&c)?;
        let y = md.year_num();
        let first = PartialDate::day(y, m, 1)?.days();
        let last = PartialDate::day(y, m, last_day(y, m))?.days();
        let value = match unit {
            DAY => {
                let d = if n < 0 { last } else { first + n - 1 };
                (d <= last).then(|| DateValue::point(PartialDate::from_days(d)))
            }
            WEEK => {
                let first_mon = first + (8 - i64::from(weekday_of(first))) % 7;
                let mon = if n < 0 {
                    let last_sun = last - i64::from(weekday_of(last)) % 7;
                    last_sun - 6
                } else {
                    first_mon + 7 * (n - 1)
                };
                (mon + 6 <= last + 6).then(|| DateValue {
                    start: PartialDate::from_days(mon),
                    end: None,
                    precision: Precision::Week,
                })
            }
            FORTNIGHT => match n {
                1 => Some(day_interval(first, first + 14, Precision::Week)),
                2 | -1 => Some(day_interval(first + 14, last, Precision::Week)),
                _ => None,
            },
            _ => return None,
        };
        Some(Hit::new(end, value, "nth"))
    }

    /// The `value` of a mention that is not a date: the publication date.
    fn placeholder(&self) -> Option<DateValue> {
        let (lo, _) = self.rng?;
        Some(match self.pday {
            Some(p) => DateValue::point(PartialDate::from_days(p)),
            None => match self.pub_month {
                Some(m) => DateValue::point(PartialDate::month(self.pub_year?, m)?),
                None => DateValue::point(PartialDate::from_days(lo).truncate(Precision::Year)),
            },
        })
    }

    fn other(&self, end: usize, kind: DateKind, timex: String, rule: &'static str) -> Hit {
        Hit { end, value: None, rule, warnings: Vec::new(), explicit_year: false, kind, timex: Some(timex) }
    }

    /// A number of units as a TimeML duration: "deux ans" → `P2Y`, "30,4 secondes" →
    /// `PT30.4S`, "moins de deux mois", "une semaine", "dix-huit mois".
    fn duration_at(&self, i: usize) -> Option<(String, usize)> {
        // (The count is written out only once a unit follows it: most counts are none.)
        let decimal = self.is_num(i)
            && matches!(self.f(i + 1), "," | ".")
            && self.adjacent(i + 1)
            && self.adjacent(i + 2)
            && self.is_num(i + 2)
            && !self.l.en;
        let (count, k) = if decimal {
            (None, i + 3)
        } else {
            let (n, k) = self.count_at(i)?;
            if self.is_num(i) && self.t[i].digits() > 3 {
                return None;
            }
            (Some(n), k)
        };
        let (u, end) = self.kind(k, "dur_unit")?;
        let n = match count {
            None => format!("{}.{}", self.f(i), self.f(i + 2)),
            Some(n) => n.to_string(),
        };
        let p = if i >= 1 { self.f(i - 1) } else { "" };
        let pp = if i >= 2 { self.f(i - 2) } else { "" };
        // "a 17 years old man", "a 23 year-old student": an age.
        if self.f(self.skip(end, &["-"], 1)) == "old" {
            return None;
        }
        // "enfants de 2 à 8 ans", "une fillette de 6 ans", "Florian D., 26 ans,": ages.
        if u == 7
            && (p.starts_with("age")
                || (matches!(p, "a" | "-" | "et") && self.is_num(i - 2))
                || (p == "de" && self.is_num(i) && !matches!(pp, "plus" | "moins" | "pres"))
                || (p == "," && self.is_num(i) && matches!(self.f(end), "," | ")" | "." | "")))
        {
            return None;
        }
        // "une seconde fois", "dans un jour de grande maîtrise": "un" alone is an article
        // unless a preposition introduces the duration ("pendant une semaine").
        if matches!(self.f(i), "un" | "une" | "a" | "an") {
            let p = if p == "'" { pp } else { p };
            if !matches!(
                p,
                "pendant"
                    | "durant"
                    | "depuis"
                    | "en"
                    | "pour"
                    | "sur"
                    | "qu"
                    | "que"
                    | "apres"
                    | "avant"
                    | "de"
                    | "d"
                    | "for"
                    | "in"
                    | "over"
                    | "after"
                    | "within"
                    | "than"
            ) || matches!(self.f(end), "de" | "d" | "fois" | "of")
            {
                return None;
            }
        }
        let (unit, time) = match u {
            1 => ("S", true),
            2 => ("M", true),
            3 => ("H", true),
            4 => ("D", false),
            5 => ("W", false),
            6 => ("M", false),
            7 => ("Y", false),
            8 => ("DE", false),
            9 => ("CE", false),
            10 => return Some((format!("P{}M", n.parse::<f64>().ok()? * 6.0), end)),
            11 => return Some((format!("P{}M", n.parse::<f64>().ok()? * 3.0), end)),
            _ => return None,
        };
        Some((format!("P{}{n}{unit}", if time { "T" } else { "" }), end))
    }

    fn rule_duration(&self, i: usize) -> Option<Hit> {
        // "la deuxième journée" (of a championship), "sa deuxième année".
        if let Some((n, k)) = self.kind(i, "ordinal") {
            if n > 1 {
                if let Some((u, e)) = self.kind(k, "dur_unit") {
                    let x = match u {
                        4 => "P1D",
                        5 => "P1W",
                        7 => "P1Y",
                        _ => return None,
                    };
                    if !matches!(self.f(e), "de" | "d" | "du" | "of") {
                        return Some(self.other(e, DateKind::Duration, x.into(), "duration"));
                    }
                }
            }
        }
        let j = self.skip(i, &["moins", "plus", "pres", "environ", "de", "d", "'", "less", "more", "than", "about"], 3);
        // (Nothing skipped: the same token, not read twice.)
        let (x, end) = self.duration_at(j).or_else(|| (j != i).then(|| self.duration_at(i)).flatten())?;
        Some(self.other(end, DateKind::Duration, x, "duration"))
    }

    /// "tous les jeudis", "chaque année", "tous les ans", "par semestre", "quotidien",
    /// "every Monday", "le mercredi" (a habit).
    fn rule_set(&self, i: usize) -> Option<Hit> {
        if let Some((v, e)) = self.kind(i, "set_word") {
            let x = match v {
                4 => "P1D",
                5 => "P1W",
                6 => "P1M",
                7 => "P1Y",
                _ => return None,
            };
            return Some(self.other(e, DateKind::Set, x.into(), "set"));
        }
        if !self.l.en && self.f(i) == "le" {
            // "le mercredi" alone: every Wednesday.
            let (wd, e) = self.weekday_at(i + 1)?;
            if self.day_at(e).is_some() || self.kind(e, "past").is_some() || self.kind(e, "next").is_some() {
                return None;
            }
            return Some(self.other(e, DateKind::Set, format!("XXXX-WXX-{wd}"), "set"));
        }
        let (_, j) = self.kind(i, "set_pre")?;
        if let Some((wd, e)) = self.weekday_at(j).or_else(|| self.kind(j, "weekday_pl").map(|(w, e)| (w as u8, e))) {
            return Some(self.other(e, DateKind::Set, format!("XXXX-WXX-{wd}"), "set"));
        }
        if let Some((u, e)) = self.kind(j, "dur_unit") {
            let x = match u {
                4 => "P1D",
                5 => "P1W",
                6 => "P1M",
                7 => "P1Y",
                10 => "P6M",
                11 => "P3M",
                _ => return None,
            };
            // "par jour" only after a number ("trois morts par jour").
            if matches!(self.f(i), "par" | "per" | "a") && !(i >= 1 && self.t[i - 1].kind == TokenKind::Word) {
                return None;
            }
            return Some(self.other(e, DateKind::Set, x.into(), "set"));
        }
        None
    }

    /// "l'avenir", "désormais", "autrefois", "récemment"; "l'été", "en hiver" without a
    /// year (a season in general).
    fn rule_vague(&self, i: usize) -> Option<Hit> {
        if let Some((v, e)) = self.kind(i, "vague") {
            let x = match v {
                0 => self.placeholder()?.value(),
                1 => "FUTURE_REF".into(),
                _ => "PAST_REF".into(),
            };
            return Some(self.other(e, DateKind::Vague, x, "vague"));
        }
        let j = self.skip(i, &["l", "'", "en", "d", "au", "in", "the"], 2);
        let (v, e) = self.kind(j, "season")?;
        // "a été", "ont été": the verb.
        let prev = if j > 0 { self.f(j - 1) } else { "" };
        if self.f(j) == "ete" && !(j > i || matches!(prev, "cet" | "l" | "d" | "en" | "comme" | "et") || self.t[j].cap)
        {
            return None;
        }
        // "le Printemps de l'environnement": a name.
        if self.t[j].cap && j > 0 && !matches!(self.f(j - 1), "." | "\n") && !matches!(self.f(j + 1), "." | "," | "") {
            return None;
        }
        if matches!(self.f(e), "de" | "du" | "des") && self.year_at(e + 1, false).is_none() {
            return None;
        }
        let x = match v / 100 {
            3 => "XXXX-SP",
            6 => "XXXX-SU",
            9 => "XXXX-FA",
            _ => "XXXX-WI",
        };
        Some(self.other(e, DateKind::Vague, x.into(), "season_vague"))
    }

    /// A year on its own ("le bilan 2001", "budget supplémentaire 2002,") when it is not
    /// a count: not followed by a noun, not after a number or a preposition of quantity.
    fn rule_bare_year(&self, i: usize) -> Option<Hit> {
        let x = self.t.get(i)?;
        if x.kind != TokenKind::Number || x.digits() != 4 {
            return None;
        }
        let (y, end) = self.year_at(i, false)?;
        if !(1900..=2100).contains(&y) {
            return None;
        }
        if i > 0 {
            let p = &self.t[i - 1];
            // "Ouaga 2000", "Windows 2000": a name.
            let name = p.cap && p.kind == TokenKind::Word;
            // "ils étaient 2000", "they were 2000": a count.
            let after_verb = self.cue(i - 1).is_some()
                || matches!(p.f, "sont" | "est" | "etaient" | "etait" | "are" | "is" | "were" | "was");
            if p.kind == TokenKind::Number
                || name
                || after_verb
                || (!p.gap && !matches!(p.f, "(" | "«" | "\"" | "'"))
                || self.l.time.word_tk(p, "quantity_pre").is_some()
            {
                return None;
            }
        }
        if let Some(n) = self.t.get(end) {
            if n.kind == TokenKind::Number || (!n.gap && matches!(n.f, "," | ".") && self.is_num(end + 1)) {
                return None;
            }
            if n.kind == TokenKind::Word
                && !n.cap
                && !matches!(n.f, "de" | "du" | "des" | "et" | "a" | "au" | "of" | "and" | "to")
                && !self.l.time.starts_tk(n)
            {
                return None;
            }
            if matches!(n.f, "%" | "€" | "$") {
                return None;
            }
        }
        let mut h = Hit::new(end, Some(DateValue::point(PartialDate::year(y)?)), "year");
        h.explicit_year = true;
        Some(h)
    }

    /// "le premier mercredi de septembre", "le dernier vendredi du mois prochain", "the
    /// first Monday of March": `k` is after the weekday.
    fn nth_weekday(&self, n: i64, wd: u8, k: usize) -> Option<Hit> {
        let k = self.skip(k, &["de", "d", "'", "du", "of", "the"], 2);
        // "le premier dimanche du printemps (2000)": counted from the season's first day.
        if let Some((v, mut end)) = self.kind(k, "season") {
            let y = match self.year_at(end, false) {
                Some((y, e)) => {
                    end = e;
                    y
                }
                None => self.sentence_year.get().or(self.pub_year)?,
            };
            let first = PartialDate::day(y, (v / 100) as u8, (v % 100) as u8)?.days();
            if n <= 0 {
                return None;
            }
            let d = first + (i64::from(wd) - i64::from(weekday_of(first))).rem_euclid(7) + 7 * (n - 1);
            return Some(self.finish(PartialDate::from_days(d), end, "nth", vec![]));
        }
        let (y, m, end) = if let Some((m, mut end, _)) = self.month_at(k) {
            let mut c = Core { m: Some(m), ..Core::default() };
            if let Some((y, e)) = self.year_at(end, false) {
                c.y = Some(y);
                end = e;
            }
            let (md, _) = self.resolve_core(&c)?;
            (md.year_num(), m, end)
        } else {
            // "du mois prochain", "de ce mois", "of next month"
            let (off, j) = match self.kind(k, "this") {
                Some((_, e)) => (Some(0), e),
                None if self.l.en => match (self.kind(k, "past"), self.kind(k, "next")) {
                    (Some((_, e)), _) => (Some(-1), e),
                    (_, Some((_, e))) => (Some(1), e),
                    _ => (None, k),
                },
                None => (None, k),
            };
            let (u, mut end) = self.kind(j, "unit")?;
            if u != MONTH {
                return None;
            }
            let off = match off {
                Some(o) => o,
                None => {
                    if let Some((_, e)) = self.kind(end, "past") {
                        end = e;
                        -1
                    } else if let Some((_, e)) = self.kind(end, "next") {
                        end = e;
                        1
                    } else {
                        return None;
                    }
                }
            };
            let (y, m) = add_months(self.pub_year?, self.pub_month?, off);
            (y, m, end)
        };
        let first = PartialDate::day(y, m, 1)?.days();
        let last = PartialDate::day(y, m, last_day(y, m))?.days();
        let d = if n < 0 {
            last - (i64::from(weekday_of(last)) - i64::from(wd)).rem_euclid(7)
        } else {
            first + (i64::from(wd) - i64::from(weekday_of(first))).rem_euclid(7) + 7 * (n - 1)
        };
        if d > last || n == 0 {
            return Some(Hit::new(end, None, "nth"));
        }
        Some(self.finish(PartialDate::from_days(d), end, "nth", vec![]))
    }

    /// "d'ici deux semaines", "dans les 15 jours", "within two weeks": from now to then.
    fn rule_within(&self, i: usize) -> Option<Hit> {
        let j = if self.f(i) == "d" && self.f(i + 1) == "'" && self.f(i + 2) == "ici" {
            i + 3
        } else if (self.f(i) == "dans" && self.f(i + 1) == "les") || self.f(i) == "within" {
            i + if self.l.en { 1 } else { 2 }
        } else {
            return None;
        };
        let (n, k) = self.count_at(j)?;
        let (unit, end) = self.kind(k, "unit")?;
        let p = self.pday?;
        let last = match unit {
            DAY => p + n,
            WEEK => p + 7 * n,
            MONTH => {
                let (y, m) = add_months(self.pub_year?, self.pub_month?, n);
                let d = PartialDate::from_days(p).day_num()?;
                PartialDate::day(y, m, d.min(last_day(y, m)))?.days()
            }
            _ => return None,
        };
        let start = self.pub_time.unwrap_or(PartialDate::from_days(p));
        let value = DateValue { start, end: Some(PartialDate::from_days(last)), precision: Precision::Day };
        Some(Hit::new(end, Some(value), "within"))
    }

    /// "les années 60", "les années 1990", "the 1990s", "the '90s"; "le XIXe siècle",
    /// "the 19th century": an interval of years.
    fn rule_decade(&self, i: usize) -> Option<Hit> {
        let years = |a: i32, b: i32| -> Option<DateValue> {
            Some(DateValue {
                start: PartialDate::year(a)?,
                end: Some(PartialDate::year(b)?),
                precision: Precision::Year,
            })
        };
        let x = self.t.get(i)?;
        if self.l.en {
            // "1990s", "90s"
            let f = x.f.strip_suffix('s')?;
            let n: i32 = f.parse().ok()?;
            let y = match f.len() {
                // Not "1000s of people".
                4 if n % 10 == 0 && (1800..=2090).contains(&n) && self.f(i + 1) != "of" => n,
                2 if n % 10 == 0 && self.f(i + 1) != "of" => self.pivot(n as u32),
                _ => {
                    return None;
                }
            };
            return Some(Hit::new(i + 1, years(y, y + 9), "decade"));
        }
        if matches!(x.f, "annees") {
            let n = self.t.get(i + 1).filter(|n| n.kind == TokenKind::Number)?;
            let v = n.num? as i32;
            let y = match n.digits() {
                2 if v % 10 == 0 => 1900 + v,
                4 if v % 10 == 0 && (1000..=2090).contains(&v) => v,
                _ => return None,
            };
            return Some(Hit::new(i + 2, years(y, y + 9), "decade"));
        }
        // "XIXe siècle", "21e siècle", "19th century"
        let (c, k) = if x.kind == TokenKind::Word {
            let f = x.f;
            let body = f.strip_suffix("eme").or_else(|| f.strip_suffix('e'))?;
            let c = roman(body).or_else(|| body.parse().ok())?;
            (c, i + 1)
        } else {
            return None;
        };
        if !matches!(self.f(k), "siecle") || !(1..=21).contains(&c) {
            return None;
        }
        Some(Hit::new(k + 1, years((c - 1) * 100, (c - 1) * 100 + 99), "century"))
    }

    /// "la semaine du 6 octobre", "the week of October 6".
    fn rule_week_of(&self, i: usize) -> Option<Hit> {
        let j = self.skip(i, &["la", "the"], 1);
        let (u, j) = self.kind(j, "unit")?;
        if u != WEEK || !matches!(self.f(j), "du" | "of") {
            return None;
        }
        let (c, end) = self.parse_core(self.skip(j + 1, &["the"], 1))?;
        c.d?;
        c.m?;
        let (d, w) = self.resolve_core(&c)?;
        let mon = d.days() - (i64::from(weekday_of(d.days())) - 1);
        Some(Hit {
            end,
            value: Some(DateValue { start: PartialDate::from_days(mon), end: None, precision: Precision::Week }),
            rule: "week_of",
            warnings: w,
            explicit_year: c.y.is_some(),
            kind: DateKind::Date,
            timex: None,
        })
    }
}

/// A Roman numeral ("xix", "xxi") up to 39.
fn roman(s: &str) -> Option<i32> {
    if s.is_empty() || !s.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')) {
        return None;
    }
    let val = |b: u8| match b {
        b'i' => 1,
        b'v' => 5,
        _ => 10,
    };
    let b = s.as_bytes();
    let mut n = 0;
    for k in 0..b.len() {
        let v = val(b[k]);
        if b.get(k + 1).is_some_and(|&c| val(c) > v) {
            n -= v;
        } else {
            n += v;
        }
    }
    (1..40).contains(&n).then_some(n)
}

/// Easter Sunday of year `y` (Gregorian computus).
fn easter(y: i32) -> Option<PartialDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    PartialDate::day(y, month as u8, day as u8)
}

/// The date and time `minutes` minutes after 1970-01-01T00:00.
fn minute_date(minutes: i64) -> Option<PartialDate> {
    let d = PartialDate::from_days(minutes.div_euclid(1440));
    let m = minutes.rem_euclid(1440);
    PartialDate::day_time(d.year_num(), d.month_num()?, d.day_num()?, (m / 60) as u8, (m % 60) as u8)
}

/// A part of a day as a time interval: `start` hour to `end` hour (24: midnight after).
fn daypart_value(d: PartialDate, h0: u8, h1: u8) -> Option<DateValue> {
    let (y, m, day) = (d.year_num(), d.month_num()?, d.day_num()?);
    let start = PartialDate::day_time(y, m, day, h0, 0)?;
    let end = if h1 >= 24 {
        let n = PartialDate::from_days(d.days() + 1);
        PartialDate::day_time(n.year_num(), n.month_num()?, n.day_num()?, 0, 0)?
    } else {
        PartialDate::day_time(y, m, day, h1, 0)?
    };
    Some(DateValue { start, end: Some(end), precision: Precision::Time })
}

fn month_part(y: i32, m: u8, part: i64) -> Option<DateValue> {
    let last = last_day(y, m);
    let (a, b) = match part {
        1 => (1, 10),
        2 => (10, 20),
        3 => (21, last),
        _ => return Some(DateValue::point(PartialDate::month(y, m)?)),
    };
    Some(DateValue {
        start: PartialDate::day(y, m, a)?,
        end: Some(PartialDate::day(y, m, b)?),
        precision: Precision::Week,
    })
}

fn year_part(y: i32, part: i64) -> Option<DateValue> {
    let (a, b) = match part {
        1 => (1, 2),
        2 => (6, 7),
        3 => (11, 12),
        _ => return Some(DateValue::point(PartialDate::year(y)?)),
    };
    Some(DateValue {
        start: PartialDate::month(y, a)?,
        end: Some(PartialDate::month(y, b)?),
        precision: Precision::Month,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pd(s: &str) -> PartialDate {
        PartialDate::parse_iso(s).unwrap()
    }

    /// (text, value, precision) of each mention.
    fn tag(s: &str, lang: &str, published: &str) -> Vec<(String, String, &'static str)> {
        let t = Text::new(s);
        tag_dates(&t, lang, Some(pd(published)))
            .into_iter()
            .filter(DateMention::is_date)
            .map(|m| (t.slice(m.start, m.end).to_string(), m.value.value(), m.value.precision.as_str()))
            .collect()
    }

    /// The value and precision of the single mention in `s`.
    fn one(s: &str, lang: &str, published: &str) -> (String, &'static str) {
        let v = tag(s, lang, published);
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        (v[0].1.clone(), v[0].2)
    }

    /// Each case read in a news sentence in the past tense (a fragment without a verb
    /// reads forward, as a calendar does).
    fn check(lang: &str, published: &str, cases: &[(&str, &str, &str)]) {
        for (s, value, precision) in cases {
            let news = if lang == "en" { format!("It was seen {s}.") } else { format!("Il a été vu {s}.") };
            let got = one(&news, lang, published);
            assert_eq!((got.0.as_str(), got.1), (*value, *precision), "{s} (published {published})");
        }
    }

    #[test]
    fn brief_french_cases() {
        check(
            "fr",
            "2021-09",
            &[
                ("ce mercredi 22 septembre", "2021-09-22", "day"),
                ("22 septembre 2021", "2021-09-22", "day"),
                ("le 3 janvier 2020", "2020-01-03", "day"),
                ("1er mai", "2021-05-01", "day"),
                ("22/09/2021", "2021-09-22", "day"),
                ("2021-09-22", "2021-09-22", "day"),
                ("en janvier 2020", "2020-01", "month"),
                ("janvier 2020", "2020-01", "month"),
                ("en 2019", "2019", "year"),
                ("depuis 2015", "2015", "year"),
                ("le 22 sept.", "2021-09-22", "day"),
            ],
        );
        check(
            "fr",
            "2020-12",
            &[
                ("le 3 janvier dernier", "2020-01-03", "day"),
                ("en octobre dernier", "2020-10", "month"),
                ("le jeudi 10 décembre", "2020-12-10", "day"),
                ("le mois dernier", "2020-11", "month"),
                ("l'année dernière", "2019", "year"),
                ("fin septembre", "2020-09-21/2020-09-30", "week"),
                ("mi-décembre", "2020-12-10/2020-12-20", "week"),
                ("début 2020", "2020-01/2020-02", "month"),
                ("du 10 au 12 mai", "2020-05-10/2020-05-12", "day"),
            ],
        );
        check(
            "fr",
            "2020-12-15",
            &[
                ("au début de la semaine dernière", "2020-12-07/2020-12-09", "week"),
                ("la semaine dernière", "2020-W50", "week"),
                ("hier", "2020-12-14", "day"),
                ("avant-hier", "2020-12-13", "day"),
                ("aujourd'hui", "2020-12-15", "day"),
                ("mercredi", "2020-12-09", "day"),
                ("mardi", "2020-12-15", "day"),
                ("ce mercredi", "2020-12-16", "day"),
                ("mercredi dernier", "2020-12-09", "day"),
                ("mardi dernier", "2020-12-08", "day"),
                ("mercredi prochain", "2020-12-16", "day"),
                ("il y a deux jours", "2020-12-13", "day"),
                ("dans la nuit de lundi à mardi", "2020-12-15", "day"),
                ("dans la nuit du 12 au 13 décembre", "2020-12-13", "day"),
                ("ce matin", "2020-12-15T04:00/2020-12-15T12:00", "time"),
                ("hier soir", "2020-12-14T18:00/2020-12-15T00:00", "time"),
            ],
        );
    }

    #[test]
    fn brief_english_cases() {
        check(
            "en",
            "2020-12-15",
            &[
                ("September 22, 2021", "2021-09-22", "day"),
                ("Sept. 22", "2020-09-22", "day"),
                ("22 Sept.", "2020-09-22", "day"),
                ("in March", "2020-03", "month"),
                ("in 2019", "2019", "year"),
                ("yesterday", "2020-12-14", "day"),
                ("last Tuesday", "2020-12-08", "day"),
                ("on Tuesday", "2020-12-15", "day"),
                ("earlier this month", "2020-12", "month"),
                ("two days ago", "2020-12-13", "day"),
                ("last week", "2020-W50", "week"),
                ("early last week", "2020-12-07/2020-12-09", "week"),
                ("in the night of Monday to Tuesday", "2020-12-15", "day"),
                ("between May 10 and 12", "2020-05-10/2020-05-12", "day"),
                ("May 10-12", "2020-05-10/2020-05-12", "day"),
            ],
        );
    }

    #[test]
    fn times_are_separate_mentions_on_their_day() {
        assert_eq!(
            tag("Le jeudi 10 décembre, à 22 h 30, des tirs", "fr", "2020-12"),
            vec![
                ("Le jeudi 10 décembre".into(), "2020-12-10".into(), "day"),
                ("à 22 h 30".into(), "2020-12-10T22:30".into(), "time"),
            ]
        );
        assert_eq!(tag("He was hit on Tuesday at 10 a.m.", "en", "2020-12-17")[1].1, "2020-12-15T10:00");
        assert_eq!(tag("vers 22h", "fr", "2020-12-17")[0].1, "2020-12-17T22:00");
    }

    #[test]
    fn impossible_and_ambiguous_forms_give_nothing() {
        for (s, lang) in [
            ("31 février", "fr"),
            ("le 31 février 2021", "fr"),
            ("le 45 mai", "fr"),
            ("you may go", "en"),
            ("They march on.", "en"),
            ("It may rain in May.", "en"),
            ("a second time", "en"),
            ("sept personnes", "fr"),
            ("2019 personnes", "fr"),
            ("le mercredi", "fr"),
        ] {
            let got = tag(s, lang, "2021-09-15");
            let bad: Vec<_> = got.iter().filter(|m| !(s.ends_with("in May.") && m.0 == "in May")).collect();
            assert!(bad.is_empty(), "{s}: {got:?}");
        }
    }

    #[test]
    fn weekdays_need_a_day_dateline() {
        assert!(tag("mercredi", "fr", "2021-09").is_empty());
        // A weekday that disagrees with the day number keeps the number, with a warning.
        let t = Text::new("le mardi 22 septembre");
        let m = tag_dates(&t, "fr", Some(pd("2021-09")));
        assert_eq!(m[0].value.value(), "2021-09-22");
        assert_eq!(m[0].warnings.len(), 1);
    }

    #[test]
    fn mentions_are_sorted_and_disjoint() {
        let s = "Hier, à Kirkouk, puis le 3 janvier dernier et en 2019, enfin la semaine dernière.";
        let t = Text::new(s);
        let m = tag_dates(&t, "fr", Some(pd("2020-12-15")));
        assert_eq!(m.len(), 4, "{m:?}");
        for w in m.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        assert_eq!(t.slice(m[1].start, m[1].end), "le 3 janvier dernier");
    }

    #[test]
    fn more_french_forms() {
        check(
            "fr",
            "2021-09-15",
            &[
                ("cet été", "2021-06-21/2021-09-20", "month"),
                ("l'hiver dernier", "2020-12-21/2021-03-20", "month"),
                ("les trois derniers jours", "2021-09-12/2021-09-14", "day"),
                ("au cours des deux derniers mois", "2021-07/2021-08", "month"),
                ("Noël 2019", "2019-12-25", "day"),
                ("le lendemain du 13 février", "2021-02-14", "day"),
                ("mai 68", "1968-05", "month"),
                ("la première semaine d'octobre 2014", "2014-W41", "week"),
                ("le dernier jour d'octobre 2015", "2015-10-31", "day"),
                ("la semaine du 6 septembre", "2021-W36", "week"),
                ("en fin de journée", "2021-09-15T17:00/2021-09-15T21:00", "time"),
                ("17/02", "2021-02-17", "day"),
                ("le 2/3", "2021-03-02", "day"),
                ("31/10/74", "1974-10-31", "day"),
                ("15/02/2013", "2013-02-15", "day"),
                ("du 13 au 18", "2021-09-13/2021-09-18", "day"),
                ("13-15 juillet", "2021-07-13/2021-07-15", "day"),
                ("du 10 juin au 1er juillet", "2021-06-10/2021-07-01", "day"),
                ("l'an dernier", "2020", "year"),
                ("cette année", "2021", "year"),
                ("il y a une semaine", "2021-09-08", "day"),
                ("il y a trois mois", "2021-06-15", "month"),
                ("mardi en huit", "2021-09-28", "day"),
                ("20 02 2014", "2014-02-20", "day"),
                ("le 17 02", "2021-02-17", "day"),
                ("pendant le week-end", "2021-09-11/2021-09-12", "week"),
                ("maintenant", "2021-09-15", "day"),
            ],
        );
        // "mercredi 13" disagrees with the calendar (13 September 2021 is a Monday).
        assert_eq!(tag("Il a été tué mercredi 13.", "fr", "2021-09-15")[0].1, "2021-09-13");
        // Read forward (a calendar line), the weekday finds its month.
        assert_eq!(tag("mercredi 13", "fr", "2021-09-15")[0].1, "2021-10-13");
    }

    #[test]
    fn context_resolves_what_the_dateline_cannot() {
        // A year written earlier in the sentence completes later dates.
        let m = tag("Le scrutin aura lieu en mars 2022, fin mars ou début avril.", "fr", "2021-09-23");
        assert_eq!(m[1].1, "2022-03-21/2022-03-31");
        assert_eq!(m[2].1, "2022-04-01/2022-04-10");
        // "la veille" and times count from the day last mentioned.
        let m = tag("La veille, vers 20 heures, il a été blessé. Le 15 juin, il a été tué.", "fr", "2019-06-20");
        assert_eq!(m[0], ("La veille".into(), "2019-06-19".into(), "day"));
        assert_eq!(m[1].1, "2019-06-19T20:00");
        // "veille de X" names the day spoken of, the eve of X.
        let m = tag("Le 15 juin, veille de la fête, vers 20 heures, il a été tué.", "fr", "2019-06-20");
        assert_eq!(m[1], ("veille".into(), "2019-06-15".into(), "day"));
        assert_eq!(m[2].1, "2019-06-15T20:00");
        // A future verb turns a bare weekday forward.
        assert_eq!(tag("Ils manifesteront samedi.", "fr", "2021-09-15")[0].1, "2021-09-18");
        assert_eq!(tag("Ils ont manifesté samedi.", "fr", "2021-09-15")[0].1, "2021-09-11");
        assert_eq!(tag("The rally will be held on Saturday.", "en", "2021-09-15")[0].1, "2021-09-18");
        // Two times and a day after them.
        assert_eq!(
            tag("Ils ont manifesté de 9h30 à 11h jeudi.", "fr", "2013-02-12")[0].1,
            "2013-02-07T09:30/2013-02-07T11:00"
        );
        assert_eq!(tag("à 3 heures cet après-midi", "fr", "2013-02-12")[0].1, "2013-02-12T15:00");
        assert_eq!(tag("Il a été tué dans la nuit de samedi à dimanche", "fr", "2021-09-20")[0].1, "2021-09-19");
        // Without a verb (a calendar line, a query), the coming days.
        assert_eq!(tag("de 9h30 à 11h jeudi", "fr", "2013-02-12")[0].1, "2013-02-14T09:30/2013-02-14T11:00");
        assert_eq!(tag("Réunion lundi", "fr", "2013-02-12")[0].1, "2013-02-18");
        // A verbless line in a report (a dated header) does not.
        assert_eq!(tag("08 June. A mob lynched a thief at 8.30pm on Saturday.", "en", "2018-08-06")[0].1, "2018-06-08");
        assert_eq!(tag("08 June. A mob lynched a thief at 8.30pm on Saturday.", "en", "2018-08-06")[1].1, "2018-08-04");
        // A past verb sends a day and month weeks ahead back a year.
        assert_eq!(
            tag("Ils ont été condamnés pour le lynchage du gendarme, le 21 juin à Lens.", "fr", "1999-05-27")[0].1,
            "1998-06-21"
        );
        assert_eq!(tag("Il a donné jusqu'au 30 juin aux responsables.", "fr", "1999-05-21")[0].1, "1999-06-30");
    }

    #[test]
    fn english_news_forms() {
        check(
            "en",
            "2018-12-15",
            &[
                ("On December 14th", "2018-12-14", "day"),
                ("On Oct 23rd 2019", "2019-10-23", "day"),
                ("the 22nd of September", "2018-09-22", "day"),
                ("on 07/12", "2018-12-07", "day"),
                ("From September 24th - 26th", "2018-09-24/2018-09-26", "day"),
                ("in late August", "2018-08-21/2018-08-31", "week"),
                ("mid-2019", "2019-06/2019-07", "month"),
                ("the day before", "2018-12-14", "day"),
                ("the past three days", "2018-12-12/2018-12-14", "day"),
                ("Christmas Day", "2018-12-25", "day"),
                ("last winter", "2017-12-21/2018-03-20", "month"),
                ("Tuesday night", "2018-12-11", "day"),
                ("on Monday morning", "2018-12-10T04:00/2018-12-10T12:00", "time"),
                ("at the weekend", "2018-12-15/2018-12-16", "week"),
                ("the previous evening", "2018-12-14", "day"),
                ("currently", "2018-12-15", "day"),
            ],
        );
        for s in [
            "Between 10 and 15 suspected militants attacked.",
            "the line of 2000 cases",
            "a 2003 documentary",
            "This was the second protest in five days.",
            "He hailed the Good Friday Agreement.",
        ] {
            assert!(tag(s, "en", "2018-12-15").is_empty(), "{s}: {:?}", tag(s, "en", "2018-12-15"));
        }
        assert!(tag("au stade du 4-Août", "fr", "2018-12-15").is_empty());
        assert!(tag("l'accord du Vendredi saint", "fr", "2018-12-15").is_empty());
        // Holidays that follow Easter.
        assert_eq!(tag("He watched Good Friday prayers.", "en", "2018-12-15")[0].1, "2018-03-30");
        assert_eq!(tag("C'est en cette fête de Pentecôte qu'a lieu la fête.", "fr", "1999-05-18")[0].1, "1999-05-23");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let odd = [
            "",
            "1",
            "le",
            "du 31 au",
            "entre le",
            "à",
            "12/",
            "2021-",
            "—",
            "31/02/2021",
            "29 février 2021",
            "le 0 mai",
            "99/99/9999",
            "0000-00-00",
            "à 24h",
            "25h61",
            "il y a",
            "dans la nuit de",
            "la nuit du 31 au",
            "du 40 au 50 mai",
            "mi-",
            "fin",
            "between May",
            "May",
            "9999",
            "en 0",
            "Noël 0000",
            "l'été 10000",
            "…",
            "1er",
            "dans 999999999999 jours",
            "il y a 1000 ans",
            "les 1000 derniers mois",
        ];
        for s in odd {
            for lang in ["fr", "en"] {
                for p in ["2021-09-15", "2021-09", "2021", "0001-01-01", "9999-12-31T23:59"] {
                    let t = Text::new(s);
                    for m in tag_dates(&t, lang, Some(pd(p))) {
                        assert!(m.start < m.end && m.end <= t.char_len(), "{s}");
                    }
                }
            }
        }
        assert!(tag("29 février 2021", "fr", "2021-09-15").is_empty());
        assert_eq!(tag("29 février 2020", "fr", "2021-09-15")[0].1, "2020-02-29");
        assert!(tag_dates(&Text::new("hier"), "fr", None).is_empty());
        assert_eq!(one("le 3 mai 2019", "fr", "2021"), ("2019-05-03".into(), "day"));
    }

    #[test]
    fn future_option_reads_weekdays_ahead() {
        let t = Text::new("Ils ont manifesté lundi.");
        let p = Some(pd("2013-02-12T04:30"));
        let m = tag_dates_with(&t, "fr", p, Options { future: true, ..Options::default() });
        assert_eq!(m[0].value.value(), "2013-02-18");
        let m = tag_dates(&t, "fr", p);
        assert_eq!(m[0].value.value(), "2013-02-11");
        // A fragment reads forward by itself.
        let t = Text::new("lundi");
        assert_eq!(tag_dates(&t, "fr", p)[0].value.value(), "2013-02-18");
    }

    /// (text, kind, value string) of every mention.
    fn kinds(s: &str, published: &str) -> Vec<(String, &'static str, String)> {
        let t = Text::new(s);
        tag_times(&t, "fr", Some(pd(published)))
            .into_iter()
            .map(|m| (t.slice(m.start, m.end).to_string(), m.kind.as_str(), m.value_string()))
            .collect()
    }

    #[test]
    fn durations_sets_and_vague_references_are_not_dates() {
        let m = kinds(
            "Il a été condamné à 10 ans de prison après deux jours de débats. Il devance Irvine de 30,4 secondes.",
            "1999-05-21",
        );
        assert_eq!(
            m,
            vec![
                ("10 ans".into(), "duration", "P10Y".into()),
                ("deux jours".into(), "duration", "P2D".into()),
                ("de 30,4 secondes".into(), "duration", "PT30.4S".into()),
            ]
        );
        let m =
            kinds("Les inscriptions ont lieu tous les jeudis, le lot quotidien. Il pense à l'avenir.", "1999-09-05");
        let got: Vec<(&str, &str)> = m.iter().map(|x| (x.1, x.2.as_str())).collect();
        assert_eq!(got, [("set", "XXXX-WXX-4"), ("set", "P1D"), ("vague", "FUTURE_REF")]);
        // Ages are not durations; "a été" is not a season.
        assert!(kinds("Une fillette de 6 ans a été blessée. Florian D., 26 ans, a été tué.", "2003-02-21").is_empty());
        // Non-date mentions carry the publication date and never date an event.
        let t = Text::new("depuis deux ans");
        let d = tag_times(&t, "fr", Some(pd("1999-05-20")));
        assert!(!d[0].is_date());
        assert_eq!(d[0].value.value(), "1999-05-20");
        assert!(tag_dates(&t, "fr", Some(pd("1999-05-20"))).is_empty());
    }

    #[test]
    fn bare_years_lists_and_nth_weekdays() {
        let m = tag("avant que le bilan 2001 de la délinquance soit publié", "fr", "2002-01-24");
        assert_eq!(m, vec![("2001".into(), "2001".into(), "year")]);
        for s in ["2000 personnes ont manifesté", "Ouaga 2000 a été bouclé", "plus de 2000 morts", "Ils étaient 2000."]
        {
            assert!(tag(s, "fr", "2002-01-24").is_empty(), "{s}");
        }
        let m = tag("Les élections auront lieu les 6 et 13 avril prochains.", "fr", "2003-02-24");
        assert_eq!(m[0].1, "2003-04-06");
        assert_eq!(m[1].1, "2003-04-13");
        assert_eq!(tag("le premier mercredi du mois prochain", "fr", "2013-02-12")[0].1, "2013-03-06");
        assert_eq!(tag("utilisée depuis les années 60, dit-il", "fr", "1999-07-29")[0].1, "1960/1969");
        assert_eq!(tag("à la fin du XIXe siècle", "fr", "1999-07-29")[0].1, "1800/1899");
        assert_eq!(tag("It was built in the 1990s.", "en", "1999-07-29")[0].1, "1990/1999");
        assert_eq!(tag("le dernier vendredi de mars 2021", "fr", "2013-02-12")[0].1, "2021-03-26");
    }

    #[test]
    fn queries_read_forward_from_the_moment_of_writing() {
        let p = "2013-02-12T04:30";
        let v = |s: &str| tag(s, "fr", p).first().map(|m| m.1.clone()).unwrap_or_default();
        assert_eq!(v("minuit"), "2013-02-13T00:00");
        assert_eq!(v("3 heures du matin"), "2013-02-13T03:00");
        assert_eq!(v("le 5 juillet"), "2013-07-05");
        assert_eq!(v("jeudi 15"), "2013-08-15");
        assert_eq!(v("31 10"), "2013-10-31");
        assert_eq!(v("il y a trois mois"), "2012-11-12");
        assert_eq!(v("dans 1 an"), "2014-02");
        assert_eq!(v("d'ici 2 semaines"), "2013-02-12T04:30/2013-02-26");
        assert_eq!(v("onze heures trois quarts"), "2013-02-12T11:45");
        assert_eq!(v("15h passé de 15 minutes"), "2013-02-12T15:15");
        assert_eq!(v("9h30 - 11h00 Jeudi"), "2013-02-14T09:30/2013-02-14T11:00");
        assert_eq!(v("demain jusqu'à 16h"), "2013-02-13T00:00/2013-02-13T16:00");
        assert_eq!(v("le premier dimanche du printemps 2000"), "2000-03-26");
        // English kinds.
        let t = Text::new("He was jailed for two years. They meet every Monday. Talks were held on Easter Monday.");
        let m: Vec<(&str, String)> =
            tag_times(&t, "en", Some(pd("2019-05-02"))).iter().map(|m| (m.kind.as_str(), m.value_string())).collect();
        assert_eq!(m, [("duration", "P2Y".into()), ("set", "XXXX-WXX-1".into()), ("date", "2019-04-22".into())]);
        assert!(
            tag_times(&Text::new("Police killed a 17 years old man and a 23 year-old student."), "en", None).is_empty()
        );
        assert_eq!(tag("On Mar 11th 2019, workers gathered.", "en", "2019-03-12")[0].1, "2019-03-11");
    }
}
