//! Numbers written in digits or in words.

use sitrep_text::{Text, TokenKind};

use crate::lexicon::{self, Lang, Tk};

/// A number found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberMention {
    /// Original character offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    pub value: u64,
    /// "une dizaine", "dozens": a round or conventional figure.
    pub approximate: bool,
    /// Which rule matched: `digits`, `words` or `approx`.
    pub rule: &'static str,
}

/// Numbers of a text in `lang` ("fr" or "en"), sorted and not overlapping.
pub fn tag_numbers(text: &Text<'_>, lang: &str) -> Vec<NumberMention> {
    let l = lexicon::lang(lang);
    let t = lexicon::tokens(text, l);
    tag_number_tokens(&t, l)
}

/// The numbers of the tokens `t` of a text in `l`.
pub(crate) fn tag_number_tokens(t: &[Tk<'_>], l: &Lang) -> Vec<NumberMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        // A word that starts no entry of the number words, and none of the words that
        // `parse_words` reads before one, starts no number.
        let x = &t[i];
        if x.kind != TokenKind::Number
            && !l.numbers.starts_tk(x)
            && !matches!(x.f, "des" | "plusieurs" | "quelques" | "a" | "an")
        {
            i += 1;
            continue;
        }
        match parse_number(t, i, l) {
            Some(n) => {
                out.push(NumberMention {
                    start: t[i].start,
                    end: t[n.end - 1].end,
                    value: n.value,
                    approximate: n.approximate,
                    rule: n.rule,
                });
                i = n.end;
            }
            None => {
                // Skip a whole decimal number ("1,5") so its parts are not read as numbers.
                i = skip_decimal(t, i, l).unwrap_or(i + 1);
            }
        }
    }
    out
}

/// A number parsed at a token: its value and the token index after it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Num {
    pub value: u64,
    pub approximate: bool,
    pub end: usize,
    pub rule: &'static str,
    /// Written with digits only.
    pub digits: bool,
}

fn decimal_sep(l: &Lang) -> &'static str {
    if l.en {
        "."
    } else {
        ","
    }
}

/// The index after a decimal number starting at `i`, if there is one.
fn skip_decimal(t: &[Tk<'_>], i: usize, l: &Lang) -> Option<usize> {
    let (a, sep, b) = (t.get(i)?, t.get(i + 1)?, t.get(i + 2)?);
    (a.kind == TokenKind::Number && sep.f == decimal_sep(l) && !sep.gap && !b.gap && b.kind == TokenKind::Number)
        .then_some(i + 3)
}

/// Parses a number at token `i`.
pub(crate) fn parse_number(t: &[Tk<'_>], i: usize, l: &Lang) -> Option<Num> {
    let tok = t.get(i)?;
    if tok.kind == TokenKind::Number {
        return parse_digits(t, i, l);
    }
    parse_words(t, i, l)
}

fn parse_digits(t: &[Tk<'_>], i: usize, l: &Lang) -> Option<Num> {
    let first = &t[i];
    if skip_decimal(t, i, l).is_some() {
        return None;
    }
    let mut value = u64::from(first.num?);
    let mut end = i + 1;
    // Thousands groups: "1 200", "12 000", "1,200" (English), "1.200" (French).
    if first.digits() <= 3 {
        let thousands = if l.en { "," } else { "." };
        while let Some(next) = t.get(end) {
            let single_space = next.gap && next.start == t[end - 1].end + 1;
            if next.kind == TokenKind::Number && next.digits() == 3 && single_space {
                value = value * 1000 + u64::from(next.num?);
                end += 1;
                continue;
            }
            if next.f == thousands && !next.gap {
                if let Some(g) = t.get(end + 1) {
                    if g.kind == TokenKind::Number && g.digits() == 3 && !g.gap {
                        value = value * 1000 + u64::from(g.num?);
                        end += 2;
                        continue;
                    }
                }
            }
            break;
        }
    }
    // "2 millions", "3 mille".
    if let Some((m, j)) = l.numbers.get(t, end, "mult") {
        if m >= 1000 {
            value = value.saturating_mul(m as u64);
            end = j;
        }
    }
    Some(Num { value, approximate: false, end, rule: "digits", digits: true })
}

fn parse_words(t: &[Tk<'_>], i: usize, l: &Lang) -> Option<Num> {
    let lex = &l.numbers;
    // "des dizaines", "dozens", "des centaines".
    let mut j = i;
    if matches!(t[j].f, "des" | "plusieurs" | "quelques") {
        j += 1;
    }
    if let Some((v, e)) = lex.get(t, j, "approx_plural") {
        return Some(Num { value: v as u64, approximate: true, end: e, rule: "approx", digits: false });
    }
    // "a hundred", "a dozen" (English "a" counts only before such words).
    let mut total: u64 = 0;
    let mut cur: u64 = 0;
    let mut last: Option<u64> = None; // last unit added
    let mut any = false;
    let mut end = i;
    let mut k = i;
    if l.en && matches!(t[i].f, "a" | "an") {
        if lex.get(t, i + 1, "mult").is_some() || lex.get(t, i + 1, "approx").is_some() {
            cur = 1;
            last = Some(1);
            any = true;
            k = i + 1;
            end = k;
        } else {
            return None;
        }
    }
    while k < t.len() {
        if let Some((v, e)) = lex.get(t, k, "unit") {
            let v = v as u64;
            let ok = match last {
                None => true,
                // after "cent": "deux cent trente"
                Some(1000) => v < 100,
                // "vingt-deux", "soixante-dix", "quatre-vingt-dix-sept"
                Some(p) if p >= 20 && p % 10 == 0 => v < 10 || ((p == 60 || p == 80) && v < 20),
                // "quatre-vingts"
                Some(4) => v == 20,
                // "soixante-dix-sept", "quatre-vingt-dix-neuf"
                Some(10) if matches!(cur % 100, 10 | 70 | 90) => v < 10,
                Some(_) => false,
            };
            if !ok {
                break;
            }
            if v == 20 && cur % 100 == 4 && last.is_some() {
                cur = cur - 4 + 80;
                last = Some(80);
            } else {
                cur += v;
                last = Some(v);
            }
            any = true;
            k = e;
            end = e;
            continue;
        }
        if let Some((m, e)) = lex.get(t, k, "mult") {
            let m = m as u64;
            if !any && m >= 1_000_000 {
                return None;
            }
            if m == 100 {
                if cur % 1000 >= 100 {
                    break;
                }
                cur = cur.max(1) * 100;
                last = Some(1000);
            } else {
                total += cur.max(1) * m;
                cur = 0;
                last = None;
            }
            any = true;
            k = e;
            end = e;
            continue;
        }
        if any {
            if let Some((v, e)) = lex.get(t, k, "approx") {
                // "deux dizaines", "a dozen".
                if total == 0 {
                    return Some(Num {
                        value: cur.max(1) * v as u64,
                        approximate: true,
                        end: e,
                        rule: "approx",
                        digits: false,
                    });
                }
                break;
            }
            if let Some((_, e)) = lex.get(t, k, "joiner") {
                if lex.get(t, e, "unit").is_some() || lex.get(t, e, "mult").is_some() {
                    k = e;
                    continue;
                }
            }
        }
        break;
    }
    if !any {
        return None;
    }
    Some(Num { value: total + cur, approximate: false, end, rule: "words", digits: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(s: &str, lang: &str) -> Vec<(String, u64, bool)> {
        let t = Text::new(s);
        tag_numbers(&t, lang)
            .into_iter()
            .map(|m| (t.slice(m.start, m.end).to_string(), m.value, m.approximate))
            .collect()
    }

    fn one(s: &str, lang: &str) -> (u64, bool) {
        let v = nums(s, lang);
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        (v[0].1, v[0].2)
    }

    #[test]
    fn french_numbers() {
        for (s, v, a) in [
            ("32", 32, false),
            ("1 200", 1200, false),
            ("12 000", 12000, false),
            ("1.200", 1200, false),
            ("deux", 2, false),
            ("vingt-deux", 22, false),
            ("vingt et un", 21, false),
            ("soixante-dix", 70, false),
            ("soixante et onze", 71, false),
            ("quatre-vingt-dix", 90, false),
            ("quatre-vingts", 80, false),
            ("quatre-vingt-dix-sept", 97, false),
            ("cent", 100, false),
            ("deux cents", 200, false),
            ("deux cent trente", 230, false),
            ("mille", 1000, false),
            ("deux mille", 2000, false),
            ("trois mille cinq cents", 3500, false),
            ("2 millions", 2_000_000, false),
            ("dix-sept", 17, false),
            ("une dizaine", 10, true),
            ("une vingtaine", 20, true),
            ("des dizaines", 12, true),
            ("des centaines", 100, true),
            ("une", 1, false),
        ] {
            assert_eq!(one(s, "fr"), (v, a), "{s}");
        }
    }

    #[test]
    fn english_numbers() {
        for (s, v, a) in [
            ("1,200", 1200, false),
            ("one", 1, false),
            ("twenty", 20, false),
            ("twenty-two", 22, false),
            ("a hundred", 100, false),
            ("one hundred and five", 105, false),
            ("three thousand", 3000, false),
            ("a dozen", 12, true),
            ("dozens", 12, true),
            ("hundreds", 100, true),
        ] {
            assert_eq!(one(s, "en"), (v, a), "{s}");
        }
        assert!(nums("several people", "en").is_empty());
        assert!(nums("a man", "en").is_empty());
    }

    #[test]
    fn spans_and_decimals() {
        assert_eq!(
            nums("Au moins 32 morts et deux blessés, 1,5 million", "fr"),
            vec![("32".into(), 32, false), ("deux".into(), 2, false)]
        );
        assert_eq!(nums("deux trois", "fr"), vec![("deux".into(), 2, false), ("trois".into(), 3, false)]);
        // A year is not glued to the number after it.
        assert_eq!(nums("en 2019 200 personnes", "fr"), vec![("2019".into(), 2019, false), ("200".into(), 200, false)]);
    }
}
