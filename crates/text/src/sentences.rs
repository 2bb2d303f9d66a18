//! Sentence segmentation for French and English news.

use crate::Text;

/// Words that end with a period without ending a sentence (folded, without the period).
/// Titles, ranks, and common shortenings of both languages.
const ABBREVIATIONS: &[&str] = &[
    // French
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "st", "ste", "gal", "gen", "cdt", "col", "lt", "cne",
    "sgt", "av", "bd", "env", "etc", "cf", "vol", "p", "pp", "art", "ex", "no", "nos", "tel", "fig", // English
    "mr", "mrs", "ms", "prof", "sen", "rep", "gov", "capt", "maj", "brig", "cpl", "pvt", "sgt", "rev", "hon", "jr",
    "sr", "messrs", "lt", "gen", "adm", "cmdr", "insp", "supt", "dept", "govt", "inc", "ltd", "co", "corp", "vs",
    "approx", "est", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "no",
];

/// The length of the longest of [`ABBREVIATIONS`].
const LONGEST: usize = {
    let (mut m, mut i) = (0, 0);
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > m {
            m = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    m
};

/// Whether `word` (as written) folds to one of [`ABBREVIATIONS`]. (An ASCII word folds
/// to its lowercase: it is compared as it is, and a longer one not at all.)
fn is_abbreviation(word: &str) -> bool {
    if word.is_ascii() {
        return word.len() <= LONGEST && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    }
    ABBREVIATIONS.contains(&crate::fold_str(word).as_str())
}

/// Sentences of `text` as original character ranges `[start, end)`, trimmed of spaces.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
/// when a space follows and the next word starts with a capital, a digit or an opening
/// quote, unless the period closes an abbreviation ("M.", "Dr.", "St."), an initial
/// ("J. Smith"), or a dotted acronym ("U.S.", "N.d.l.r."); and at blank lines. A single
/// line break ends a sentence when the next line starts like a sentence.
pub fn sentences(text: &Text<'_>) -> Vec<(usize, usize)> {
    let chars = Chars { s: text.original(), at: &text.char_byte };
    let bytes = text.original().as_bytes();
    let n = text.char_len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let mut marks = Marks { bytes, rare: None };
    while i < n {
        // Only a line break or a sentence mark can end a sentence: find the next one on
        // the bytes, then its character index.
        match marks.next(chars.byte(i)) {
            Some(b) => i = text.char_of_byte(b),
            None => break,
        }
        let c = chars.at(i);
        let mut cut = None;
        if c == '\n' {
            let mut j = i;
            let mut newlines = 0;
            while j < n && chars.at(j).is_whitespace() {
                newlines += usize::from(chars.at(j) == '\n');
                j += 1;
            }
            if newlines >= 2 || (j < n && starts_sentence(chars.at(j))) {
                cut = Some((i, j));
            }
        } else if matches!(c, '.' | '!' | '?' | '…') {
            let mut k = i + 1;
            while k < n && matches!(chars.at(k), '.' | '!' | '?' | '…') {
                k += 1;
            }
            while k < n && is_closer(chars.at(k)) {
                k += 1;
            }
            let mut j = k;
            while j < n && chars.at(j).is_whitespace() {
                j += 1;
            }
            let spaced = j > k;
            let ends = j >= n || (spaced && starts_sentence(chars.at(j)));
            if ends && !(c == '.' && k == i + 1 && protected_period(&chars, start, i)) {
                cut = Some((k, j));
            }
        }
        if let Some((end, next)) = cut {
            push_trimmed(&chars, start, end, &mut out);
            start = next;
            i = next;
            continue;
        }
        i += 1;
    }
    push_trimmed(&chars, start, n, &mut out);
    out
}

/// The characters of a text by index, read through its character → byte map (no copy).
struct Chars<'a> {
    s: &'a str,
    /// Character index → byte offset, with one extra entry for the end.
    at: &'a [u32],
}

impl Chars<'_> {
    #[inline]
    fn byte(&self, i: usize) -> usize {
        self.at[i] as usize
    }

    /// Character `i` (which must be less than the number of characters).
    #[inline]
    fn at(&self, i: usize) -> char {
        let b = self.byte(i);
        match self.s.as_bytes()[b] {
            x if x.is_ascii() => char::from(x),
            _ => self.s[b..].chars().next().unwrap_or('\0'),
        }
    }
}

/// The bytes that may start a line break or a sentence mark (`…` is E2 80 A6).
static MARK: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xE2] = true;
    t
};

/// The line breaks and sentence marks of a text, found in order: `\n`, `.` and `?` by
/// `memchr3`, and `!` and the first byte of `…` (and of other signs, E2) by `memchr2`,
/// whose last find is kept until the search passes it (they are rarer).
struct Marks<'a> {
    bytes: &'a [u8],
    /// The last find of the rarer bytes: (searched from, found at, or the end).
    rare: Option<(usize, usize)>,
}

impl Marks<'_> {
    /// The byte offset of the first `\n`, `.`, `!`, `?` or `…` at or after byte `from`
    /// (`from` never less than at the call before).
    fn next(&mut self, from: usize) -> Option<usize> {
        let bytes = self.bytes;
        let mut b = from;
        loop {
            let rest = bytes.get(b..)?;
            let common = memchr::memchr3(b'\n', b'.', b'?', rest).map_or(bytes.len(), |k| b + k);
            let rare = match self.rare {
                Some((s, at)) if s <= b && at >= b => at,
                _ => {
                    let at = memchr::memchr2(b'!', 0xE2, rest).map_or(bytes.len(), |k| b + k);
                    self.rare = Some((b, at));
                    at
                }
            };
            b = common.min(rare);
            if b >= bytes.len() {
                return None;
            }
            debug_assert!(MARK[usize::from(bytes[b])]);
            if bytes[b] != 0xE2 || (bytes.get(b + 1) == Some(&0x80) && bytes.get(b + 2) == Some(&0xA6)) {
                return Some(b);
            }
            b += 1;
        }
    }
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '«' | '"' | '“' | '\'' | '‘' | '(' | '[' | '-' | '—' | '–' | '•')
}

fn is_closer(c: char) -> bool {
    matches!(c, '»' | '"' | '”' | '\'' | '’' | ')' | ']')
}

/// Whether the period at `dot` closes an abbreviation, an initial or a dotted acronym.
fn protected_period(chars: &Chars<'_>, floor: usize, dot: usize) -> bool {
    let mut w = dot;
    while w > floor && chars.at(w - 1).is_alphabetic() {
        w -= 1;
    }
    let word = &chars.s[chars.byte(w)..chars.byte(dot)];
    if word.is_empty() {
        return false;
    }
    // "U.S." / "N.B.": a letter preceded by a period.
    if w > floor && chars.at(w - 1) == '.' && word.chars().count() <= 2 {
        return true;
    }
    // An initial: one capital letter.
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    is_abbreviation(word)
}

fn push_trimmed(chars: &Chars<'_>, mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    while s < e && chars.at(s).is_whitespace() {
        s += 1;
    }
    while e > s && chars.at(e - 1).is_whitespace() {
        e -= 1;
    }
    if e > s {
        out.push((s, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        let t = Text::new(s);
        sentences(&t).into_iter().map(|(a, b)| t.slice(a, b).to_string()).collect()
    }

    #[test]
    fn marks_are_found_in_order() {
        let s = "Il a dit « non »… Puis — l’attaque ! Pourquoi ? Fin.\nSuite! ‘x’ …";
        let naive: Vec<usize> =
            s.char_indices().filter(|&(_, c)| matches!(c, '\n' | '.' | '!' | '?' | '…')).map(|(b, _)| b).collect();
        let mut marks = Marks { bytes: s.as_bytes(), rare: None };
        let mut found = Vec::new();
        let mut b = 0;
        while let Some(m) = marks.next(b) {
            found.push(m);
            b = m + 1;
        }
        assert_eq!(found, naive);
    }

    #[test]
    fn french_titles_do_not_end_sentences() {
        assert_eq!(
            split("M. Al-Quraichi a parlé. Le Dr Martin et Mme Diallo ont répondu."),
            ["M. Al-Quraichi a parlé.", "Le Dr Martin et Mme Diallo ont répondu."]
        );
    }

    #[test]
    fn english_acronyms_and_initials() {
        assert_eq!(
            split("The U.S. Army said J. Smith left St. Louis on Monday. Police arrived."),
            ["The U.S. Army said J. Smith left St. Louis on Monday.", "Police arrived."]
        );
    }

    #[test]
    fn quotes_and_paragraphs() {
        assert_eq!(
            split("Il a dit: «c'est fini.» Puis il est parti\n\nun autre paragraphe"),
            ["Il a dit: «c'est fini.»", "Puis il est parti", "un autre paragraphe"]
        );
        assert_eq!(split("Titre sans point\nLe texte suit."), ["Titre sans point", "Le texte suit."]);
        assert_eq!(split("une ligne\ncoupée au milieu."), ["une ligne\ncoupée au milieu."]);
    }

    /// The splitter before it read characters through the text's map (a copy of the text
    /// as `Vec<char>`), for the equivalence test below.
    fn reference(text: &Text<'_>) -> Vec<(usize, usize)> {
        let chars: Vec<char> = text.original().chars().collect();
        let n = chars.len();
        let trimmed = |mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>| {
            while s < e && chars[s].is_whitespace() {
                s += 1;
            }
            while e > s && chars[e - 1].is_whitespace() {
                e -= 1;
            }
            if e > s {
                out.push((s, e));
            }
        };
        let protected = |floor: usize, dot: usize| {
            let mut w = dot;
            while w > floor && chars[w - 1].is_alphabetic() {
                w -= 1;
            }
            let word: String = chars[w..dot].iter().collect();
            if word.is_empty() {
                return false;
            }
            if w > floor && chars[w - 1] == '.' && word.chars().count() <= 2 {
                return true;
            }
            if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
                return true;
            }
            is_abbreviation(&crate::fold_str(&word))
        };
        let mut out = Vec::new();
        let (mut start, mut i) = (0, 0);
        while i < n {
            match chars[i..].iter().position(|&c| matches!(c, '\n' | '.' | '!' | '?' | '…')) {
                Some(k) => i += k,
                None => break,
            }
            let c = chars[i];
            let mut cut = None;
            if c == '\n' {
                let mut j = i;
                let mut newlines = 0;
                while j < n && chars[j].is_whitespace() {
                    newlines += usize::from(chars[j] == '\n');
                    j += 1;
                }
                if newlines >= 2 || (j < n && starts_sentence(chars[j])) {
                    cut = Some((i, j));
                }
            } else {
                let mut k = i + 1;
                while k < n && matches!(chars[k], '.' | '!' | '?' | '…') {
                    k += 1;
                }
                while k < n && is_closer(chars[k]) {
                    k += 1;
                }
                let mut j = k;
                while j < n && chars[j].is_whitespace() {
                    j += 1;
                }
                let ends = j >= n || (j > k && starts_sentence(chars[j]));
                if ends && !(c == '.' && k == i + 1 && protected(start, i)) {
                    cut = Some((k, j));
                }
            }
            if let Some((end, next)) = cut {
                trimmed(start, end, &mut out);
                start = next;
                i = next;
                continue;
            }
            i += 1;
        }
        trimmed(start, n, &mut out);
        out
    }

    #[test]
    fn same_as_the_character_copy() {
        let pieces = [
            "M. Al-Quraichi a parlé.",
            " Le Dr. Martin",
            "«c'est fini.» ",
            "Puis… Il",
            "\n\n",
            "\n",
            "Ça coûte 5 € — ﬁn… ",
            "U.S. Army ",
            "J. Smith ",
            "3.5 km. environ",
            "?! ",
            "北京. 北京 ",
            "Œdème à Kirkouk!\n",
            "e\u{301}. É",
            "\u{a0}.\u{2029}",
            "(Reuters) - ",
            "End.",
        ];
        for a in 0..pieces.len() {
            for b in 0..pieces.len() {
                for c in [0, 3, 9, 15] {
                    let s = format!("{}{}{}", pieces[a], pieces[b], pieces[c]);
                    let t = Text::new(&s);
                    assert_eq!(sentences(&t), reference(&t), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn numbers_and_lowercase_after_period() {
        assert_eq!(split("Il y a 3.5 km. environ de route."), ["Il y a 3.5 km. environ de route."]);
        assert_eq!(split("Fin. 2021 commence."), ["Fin.", "2021 commence."]);
    }
}
