//! Dates and times: a token grammar over the folded text, resolved against the
//! publication date.

use sitrep_core::{DateValue, PartialDate, Precision};
use sitrep_text::{Text, TokenKind};

use crate::lexicon::{self, Lang, Tk, DAY, MONTH, WEEK, WEEKEND, YEAR};
use crate::numbers::parse_number;

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
}

/// How to resolve expressions that do not say which way they point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Read bare weekdays and partial dates as the next occurrence rather than the last
    /// one (news reports the past: the default is `false`; calendars and the Duckling
    /// corpus point to the future).
    pub future: bool,
}

/// Dates of a text in `lang` ("fr" or "en"), resolved against `published`, sorted and not
/// overlapping. Expressions that need the publication date are skipped without it.
pub fn tag_dates(
    text: &Text<'_>,
    lang: &str,
    published: Option<PartialDate>,
) -> Vec<DateMention> {
    tag_dates_with(text, lang, published, Options::default())
}

/// [`tag_dates`] with options.
pub fn tag_dates_with(
    text: &Text<'_>,
    lang: &str,
    published: Option<PartialDate>,
    options: Options,
) -> Vec<DateMention> {
    let l = lexicon::lang(lang);
    let t = lexicon::tokens(text);
    let cx = Cx::new(&t, l, published, options);
    let mut out = Vec::new();
    let mut anchor = cx.pday.map(PartialDate::from_days);
    let mut i = 0;
    while i < t.len() {
        if !cx.may_start(i) {
            i += 1;
            continue;
        }
        match cx.best(i, anchor) {
            Some(h) => {
                if let Some(v) = h.value {
                    if v.end.is_none() && v.precision <= Precision::Day {
                        anchor = Some(v.start.truncate(Precision::Day));
                    }
                    out.push(DateMention {
                        start: t[i].start,
                        end: t[h.end - 1].end,
                        value: v,
                        rule: h.rule,
                        warnings: h.warnings,
                    });
                }
                i = h.end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// A match: the token index after it and its value (`None`: a date-shaped expression
/// that is not a real date, such as "31 février", skipped whole).
#[derive(Debug)]
struct Hit {
    end: usize,
    value: Option<DateValue>,
    rule: &'static str,
    warnings: Vec<String>,
}

impl Hit {
    fn new(end: usize, value: Option<DateValue>, rule: &'static str) -> Hit {
        Hit {
            end,
            value,
            rule,
            warnings: Vec::new(),
        }
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
    numeric: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WdMode {
    Bare,
    Last,
    Next,
    This,
    LastWeek,
    ThisWeek,
    NextWeek,
}

struct Cx<'a, 't> {
    t: &'a [Tk<'t>],
    l: &'static Lang,
    future: bool,
    pub_year: Option<i32>,
    pub_month: Option<u8>,
    /// The publication date's first and last day.
    rng: Option<(i64, i64)>,
    /// The publication day, when known.
    pday: Option<i64>,
}

fn last_day(y: i32, m: u8) -> u8 {
    (28..=31)
        .rev()
        .find(|&d| PartialDate::day(y, m, d).is_some())
        .unwrap_or(28)
}

fn add_months(y: i32, m: u8, n: i64) -> (i32, u8) {
    let k = i64::from(y) * 12 + i64::from(m) - 1 + n;
    (k.div_euclid(12) as i32, (k.rem_euclid(12) + 1) as u8)
}

fn span_of(d: &PartialDate) -> (i64, i64) {
    let lo = d.days();
    let hi = match (d.month_num(), d.day_num()) {
        (_, Some(_)) => lo,
        (Some(m), None) => PartialDate::day(d.year_num(), m, last_day(d.year_num(), m))
            .map_or(lo, |x| x.days()),
        (None, _) => PartialDate::day(d.year_num(), 12, 31).map_or(lo, |x| x.days()),
    };
    (lo, hi)
}

fn weekday_of(days: i64) -> u8 {
    PartialDate::from_days(days).weekday().unwrap_or(1)
}

fn day_interval(a: i64, b: i64, precision: Precision) -> DateValue {
    DateValue {
        start: PartialDate::from_days(a),
        end: Some(PartialDate::from_days(b)),
        precision,
    }
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl<'a, 't> Cx<'a, 't> {
    fn new(
        t: &'a [Tk<'t>],
        l: &'static Lang,
        published: Option<PartialDate>,
        o: Options,
    ) -> Cx<'a, 't> {
        let p = published.map(|p| p.truncate(Precision::Day));
        Cx {
            t,
            l,
            future: o.future,
            pub_year: p.map(|p| p.year_num()),
            pub_month: p.and_then(|p| p.month_num()),
            rng: p.map(|p| span_of(&p)),
            pday: p.filter(|p| p.day_num().is_some()).map(|p| p.days()),
        }
    }

    // ---- token helpers -------------------------------------------------------------

    fn f(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |x| x.f)
    }

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
            || self.l.time.starts(x.f)
            || self.l.numbers.starts(x.f)
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

    /// A day of the month: "22", "1er", "22nd", "premier", "quinze".
    fn day_at(&self, i: usize) -> Option<(u8, usize)> {
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
        let n = parse_number(self.t, i, self.l)?;
        (!n.approximate && (2..=31).contains(&n.value)).then_some((n.value as u8, n.end))
    }

    /// A month name: (month, index after, needs context).
    fn month_at(&self, i: usize) -> Option<(u8, usize, bool)> {
        let (e, mut j) = self.l.time.get_entry(self.t, i, |k| {
            matches!(k, "month" | "month_amb" | "month_abbr")
        })?;
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
        let n = parse_number(self.t, i, self.l)?;
        (!n.approximate && n.value <= 1000).then_some((n.value as i64, n.end))
    }

    // ---- calendar dates ------------------------------------------------------------

    /// A written date: "mercredi 22 septembre 2021", "September 22, 2021", "22/09/2021",
    /// "2021-09-22", "janvier 2020", "en mars", "mercredi 13".
    fn parse_core(&self, i: usize) -> Option<(Core, usize)> {
        let t = self.t;
        let mut j = i;
        let mut det = false;
        let mut prep = false;
        let mut dir = 0;
        if let Some((_, k)) = self.kind(j, "article") {
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
        if wd.is_some() && self.f(j0) == "," {
            j0 += 1;
        }
        // Day first: "22 septembre 2021", "the 22nd of September".
        if let Some((d, k)) = self.day_at(j0) {
            let mut k2 = k;
            if self.l.en && self.f(k2) == "of" {
                k2 += 1;
            }
            if let Some((m, mut k3, _)) = self.month_at(k2) {
                let mut c = Core {
                    wd,
                    d: Some(d),
                    m: Some(m),
                    ..Core::default()
                };
                let k4 = if self.f(k3) == "," { k3 + 1 } else { k3 };
                if let Some((y, k5)) = self.year_at(k4, true) {
                    c.y = Some(y);
                    k3 = k5;
                }
                consider(c, k3);
            } else if wd.is_some() && !self.l.en || (wd.is_some() && self.is_num(j0)) {
                consider(
                    Core {
                        wd,
                        d: Some(d),
                        ..Core::default()
                    },
                    k,
                );
            }
        }
        // Month first: "September 22, 2021", "Sept. 22".
        if let Some((m, k, _)) = self.month_at(j0) {
            if self.l.en && self.is_num(k) {
                if let Some((d, mut k2)) = self.day_at(k) {
                    let mut c = Core {
                        wd,
                        d: Some(d),
                        m: Some(m),
                        month_first: true,
                        ..Core::default()
                    };
                    let k3 = if self.f(k2) == "," { k2 + 1 } else { k2 };
                    if let Some((y, k4)) = self.year_at(k3, false) {
                        c.y = Some(y);
                        k2 = k4;
                    }
                    consider(c, k2);
                }
            }
            if wd.is_none() {
                if let Some((y, k2)) = self.year_at(k, false) {
                    consider(
                        Core {
                            m: Some(m),
                            y: Some(y),
                            ..Core::default()
                        },
                        k2,
                    );
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
                let abbr = self
                    .l
                    .time
                    .get(t, j, "month_abbr")
                    .is_some_and(|(_, e)| e == k || e + 1 == k);
                if !abbr && (!needs || prep) {
                    consider(
                        Core {
                            m: Some(m),
                            dir,
                            ..Core::default()
                        },
                        k,
                    );
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
                Core {
                    y: Some(an as i32),
                    m: Some(bn as u8),
                    d: Some(c.num? as u8),
                    numeric: true,
                    ..Core::default()
                },
                i + 5,
            ));
        }
        if a.digits() > 2 || b.digits() > 2 || !matches!(sep, "/" | "." | "-") {
            return None;
        }
        let (d, m) = if self.l.en && sep == "/" && an <= 12 {
            (bn, an)
        } else {
            (an, bn)
        };
        if d == 0 || d > 31 || m == 0 || m > 12 {
            return None;
        }
        let mut c = Core {
            d: Some(d as u8),
            m: Some(m as u8),
            numeric: true,
            ..Core::default()
        };
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
        // Day and month alone only after an article or weekday, with a slash.
        (det && sep == "/").then_some((c, i + 3))
    }

    /// Chooses among candidate dates the one nearest the publication date, the past
    /// weighing less than the future (or the reverse with `Options::future`).
    fn pick(&self, cands: &[PartialDate], dir: i8, wd: Option<u8>) -> Option<PartialDate> {
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
        if let Some(w) = wd {
            if ok.iter().any(|c| c.0.weekday() == Some(w)) {
                ok.retain(|c| c.0.weekday() == Some(w));
            }
        }
        let (wpast, wfut) = if self.future { (1000, 1) } else { (1, 3) };
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
            (None, Some(m), Some(d)) => {
                let py = self.pub_year?;
                let cands: Vec<PartialDate> = (py - 1..=py + 1)
                    .filter_map(|y| PartialDate::day(y, m, d))
                    .collect();
                self.pick(&cands, c.dir, c.wd)?
            }
            (None, Some(m), None) => {
                let py = self.pub_year?;
                let cands: Vec<PartialDate> = (py - 1..=py + 1)
                    .filter_map(|y| PartialDate::month(y, m))
                    .collect();
                self.pick(&cands, c.dir, None)?
            }
            (None, None, Some(d)) => {
                let (py, pm) = (self.pub_year?, self.pub_month?);
                let cands: Vec<PartialDate> = (-1..=1)
                    .filter_map(|k| {
                        let (y, m) = add_months(py, pm, k);
                        PartialDate::day(y, m, d)
                    })
                    .collect();
                self.pick(&cands, 0, c.wd)?
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

    /// A time of day: "à 22 h", "22h30", "22 h 30", "15:00", "at 10 a.m.", "à midi".
    /// Returns the hour and minute, the index after, and whether it stands on its own
    /// (a preposition or an unambiguous form).
    fn time_at(&self, i: usize) -> Option<((u8, u8), usize, bool)> {
        let mut j = i;
        if self.f(j) == "," {
            j += 1;
        }
        let mut strong = false;
        if let Some((_, k)) = self.kind(j, "timeprep") {
            strong = true;
            j = k;
        }
        let x = self.t.get(j)?;
        let (mut h, mut mi, mut k);
        if let Some((v, e)) = self.kind(j, "clock") {
            (h, mi, k) = (v as u32, 0, e);
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
                    // "22h 30"? rare; minutes only glued.
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
                if self.is_num(k) && self.t[k].digits() == 2 {
                    mi = self.t[k].num?;
                    k += 1;
                }
            } else if self.f(k) == ":" && self.adjacent(k) && self.adjacent(k + 1) {
                let m = self.t.get(k + 1).filter(|m| m.digits() == 2)?;
                mi = m.num?;
                k += 2;
                strong = true;
            } else if self.l.en && self.kind(k, "ampm").is_some() {
                // handled below
            } else {
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
            let n = parse_number(self.t, j, self.l)?;
            if n.approximate {
                return None;
            }
            let (_, e) = self.kind(n.end, "hourword")?;
            h = n.value as u32;
            mi = 0;
            k = e;
        }
        // "du soir", "in the evening", "de l'après-midi".
        let k2 = self.skip(k, &["du", "de", "l", "'", "in", "the", "dans", "la"], 3);
        if k2 > k {
            if let Some((v, e)) = self.kind(k2, "daypart") {
                if v >= 14 && h < 12 {
                    h += 12;
                }
                k = e;
            }
        }
        (h < 24 && mi < 60).then_some(((h as u8, mi as u8), k, strong))
    }

    /// Skips a part of the day after a date: "soir", "dans la matinée", "in the morning".
    fn daypart_suffix(&self, i: usize) -> usize {
        let j = self.skip(
            i,
            &[
                "dans", "la", "l", "'", "en", "le", "in", "the", "au", "fin", "debut", "milieu",
                "de", "d", "du", "at", "early", "late",
            ],
            4,
        );
        self.kind(j, "daypart")
            .or_else(|| self.kind(j, "night"))
            .map_or(i, |(_, e)| e)
    }

    /// A date, then maybe a part of the day and a time.
    fn finish(&self, d: PartialDate, end: usize, rule: &'static str, warnings: Vec<String>) -> Hit {
        let mut end = self.daypart_suffix(end);
        let mut d = d;
        if d.day_num().is_some() {
            if let Some(((h, mi), e, _)) = self.time_at(end) {
                if let Some(m) = d.month_num() {
                    if let Some(x) = PartialDate::day_time(d.year_num(), m, d.day_num().unwrap_or(1), h, mi) {
                        d = x;
                        end = e;
                    }
                }
            }
        }
        Hit {
            end,
            value: Some(DateValue::point(d)),
            rule,
            warnings,
        }
    }

    // ---- rules -------------------------------------------------------------------------

    fn best(&self, i: usize, anchor: Option<PartialDate>) -> Option<Hit> {
        let rules = [
            self.rule_range(i),
            self.rule_night(i),
            self.rule_core(i),
            self.rule_part(i),
            self.rule_unit_rel(i),
            self.rule_dayrel(i),
            self.rule_weekday(i),
            self.rule_ago(i),
            self.rule_year(i),
            self.rule_time(i, anchor),
        ];
        let mut best: Option<Hit> = None;
        for h in rules.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| h.end > b.end) {
                best = Some(h);
            }
        }
        best
    }

    fn rule_core(&self, i: usize) -> Option<Hit> {
        let (c, end) = self.parse_core(i)?;
        if c.m.is_none() && c.y.is_none() && c.wd.is_none() {
            return None;
        }
        let rule = if c.y.is_some() { "absolute" } else { "partial" };
        let Some((d, w)) = self.resolve_core(&c) else {
            // A real calendar shape with an impossible day ("31 février"): skip it whole.
            let impossible = c.y.is_some() || (c.m.is_some() && c.d.is_some() && self.rng.is_some());
            return impossible.then(|| Hit::new(end, None, rule));
        };
        Some(self.finish(d, end, rule, w))
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
        let (a, j) = self.parse_core(j)?;
        a.d?;
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
                let (d, e) = self.day_at(j)?;
                (
                    Core {
                        d: Some(d),
                        ..Core::default()
                    },
                    e,
                )
            }
        };
        let mut a = a;
        if b.m.is_none() && !(intro || a.month_first) {
            return None;
        }
        if a.m.is_none() && b.m.is_none() && !intro {
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
            value: Some(DateValue {
                start: pa,
                end: Some(pb),
                precision: Precision::Day,
            }),
            rule: "range",
            warnings,
        })
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
                    Some((
                        Core {
                            d: Some(d),
                            ..Core::default()
                        },
                        e,
                    ))
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
        }
    }

    fn wd_resolve(&self, wd: u8, mode: WdMode) -> Option<i64> {
        let p = self.pday?;
        let pwd = i64::from(weekday_of(p));
        let wd = i64::from(wd);
        let mon = p - (pwd - 1);
        Some(match mode {
            WdMode::Bare if self.future => p + (wd - pwd - 1).rem_euclid(7) + 1,
            WdMode::Bare => p - (pwd - wd).rem_euclid(7),
            WdMode::Last => p - ((pwd - wd - 1).rem_euclid(7) + 1),
            WdMode::Next => p + (wd - pwd - 1).rem_euclid(7) + 1,
            WdMode::This if self.future => p + (wd - pwd).rem_euclid(7),
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
                mode = if matches!(self.f(end), "suivant" | "suivante" | "d") {
                    WdMode::NextWeek
                } else {
                    WdMode::Next
                };
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
        let day = self.wd_resolve(wd, mode)?;
        Some(self.finish(PartialDate::from_days(day), end, "weekday", vec![]))
    }

    /// "hier", "avant-hier", "aujourd'hui", "ce matin", "yesterday", "this morning".
    fn rule_dayrel(&self, i: usize) -> Option<Hit> {
        let (off, end) = match self.kind(i, "dayrel") {
            Some(x) => x,
            None => {
                let (_, k) = self.kind(i, "this")?;
                let (_, e) = self.kind(k, "daypart").or_else(|| self.kind(k, "night"))?;
                (0, e)
            }
        };
        let p = self.pday?;
        Some(self.finish(PartialDate::from_days(p + off), end, "relative_day", vec![]))
    }

    /// "la semaine dernière", "au début de la semaine dernière", "le mois dernier",
    /// "l'année dernière", "cette année", "early last week", "earlier this month",
    /// "en fin de semaine", "ce week-end".
    fn rule_unit_rel(&self, i: usize) -> Option<Hit> {
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
        let (unit, mut end) = self.kind(j, "unit")?;
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
                let p = self.pday?;
                let mon = p - (i64::from(weekday_of(p)) - 1) + 7 * off;
                match part {
                    1 => day_interval(mon, mon + 2, Precision::Week),
                    2 => day_interval(mon + 2, mon + 4, Precision::Week),
                    3 => day_interval(mon + 3, mon + 6, Precision::Week),
                    _ => DateValue {
                        start: PartialDate::from_days(mon),
                        end: None,
                        precision: Precision::Week,
                    },
                }
            }
            WEEKEND => {
                let p = self.pday?;
                let pwd = i64::from(weekday_of(p));
                let sat = p - (pwd - 1) + 5;
                let sat = match off {
                    -1 => sat - 7,
                    1 if pwd >= 6 => sat + 7,
                    1 => sat,
                    _ if !self.future && pwd <= 2 => sat - 7,
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
        Some(Hit::new(end, Some(value), "relative_period"))
    }

    /// "fin septembre", "mi-décembre", "début 2020", "late September", "early 2020".
    fn rule_part(&self, i: usize) -> Option<Hit> {
        let (part, j) = self.kind(i, "part")?;
        let j = self.skip(j, &["de", "du", "d", "'", "mois", "-", "of", "the", "in"], 3);
        if let Some((m, k, needs)) = self.month_at(j) {
            let _ = needs;
            let (y, mut end) = match self.year_at(k, false) {
                Some((y, e)) => (Some(y), e),
                None => (None, k),
            };
            let mut c = Core {
                m: Some(m),
                y,
                ..Core::default()
            };
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
        let value = match unit {
            DAY => DateValue::point(PartialDate::from_days(self.pday? + n)),
            WEEK => DateValue {
                start: PartialDate::from_days(self.pday? + 7 * n),
                end: None,
                precision: Precision::Week,
            },
            MONTH => {
                let (y, m) = add_months(self.pub_year?, self.pub_month?, n);
                DateValue::point(PartialDate::month(y, m)?)
            }
            YEAR => DateValue::point(PartialDate::year(self.pub_year? + n as i32)?),
            _ => return None,
        };
        Some(Hit::new(end, Some(value), "ago"))
    }

    /// "en 2019", "in 2019", "depuis 2015".
    fn rule_year(&self, i: usize) -> Option<Hit> {
        let (_, j) = self.kind(i, "yearprep")?;
        let (y, end) = self.year_at(j, false)?;
        if !(1900..=2100).contains(&y) {
            return None;
        }
        Some(Hit::new(end, Some(DateValue::point(PartialDate::year(y)?)), "year"))
    }

    /// A time on its own ("à 22 h"), on the day last mentioned (or the publication day).
    fn rule_time(&self, i: usize, anchor: Option<PartialDate>) -> Option<Hit> {
        let ((h, mi), end, strong) = self.time_at(i)?;
        if !strong {
            return None;
        }
        let a = anchor?;
        let d = PartialDate::day_time(a.year_num(), a.month_num()?, a.day_num()?, h, mi)?;
        Some(Hit::new(end, Some(DateValue::point(d)), "time"))
    }
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
        1 => (1, 3),
        2 => (5, 8),
        3 => (10, 12),
        _ => return Some(DateValue::point(PartialDate::year(y)?)),
    };
    Some(DateValue {
        start: PartialDate::month(y, a)?,
        end: Some(PartialDate::month(y, b)?),
        precision: Precision::Month,
    })
}
