use std::sync::OnceLock;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use crate::tokens::Token;

/// Appends the folded form of `c` to `out`: lowercase, no accents, unified punctuation.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{02BB}' | '\u{00B4}' | '\u{2032}' | '`' => {
            out.push('\'')
        }
        '\u{00AB}' | '\u{00BB}' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => out.push('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{00AD}' => {
            out.push('-')
        }
        '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' | '\u{200A}' | '\u{3000}' => out.push(' '),
        '\u{0153}' | '\u{0152}' => out.push_str("oe"),
        '\u{00E6}' | '\u{00C6}' => out.push_str("ae"),
        '\u{00DF}' => out.push_str("ss"),
        '\u{0131}' => out.push('i'),
        '\u{0142}' | '\u{0141}' => out.push('l'),
        '\u{00F8}' | '\u{00D8}' => out.push('o'),
        '\u{0111}' | '\u{0110}' => out.push('d'),
        '\u{2026}' => out.push_str("..."),
        _ => decompose_compatible(c, |d| {
            if !is_combining_mark(d) {
                for l in d.to_lowercase() {
                    out.push(l);
                }
            }
        }),
    }
}

/// The folded form of a whole string (for lexicon entries and queries).
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// A document's text with its folded copy and the maps between them.
#[derive(Clone, Debug)]
pub struct Text<'a> {
    original: &'a str,
    /// Original character index → byte offset; one extra entry for the end.
    pub(crate) char_byte: Vec<u32>,
    folded: String,
    /// Folded byte offset → index of the original character it came from; one extra
    /// entry for the end.
    folded_char: Vec<u32>,
    /// The tokens of the folded text, made once on first use (see [`Text::tokens_ref`]).
    pub(crate) tokens: OnceLock<Vec<Token>>,
}

impl<'a> Text<'a> {
    /// Folds `original`. Texts of 4 GiB and more are not supported (offsets are `u32`).
    pub fn new(original: &'a str) -> Text<'a> {
        assert!(original.len() < u32::MAX as usize, "text too long for sitrep's offset maps");
        let mut char_byte = Vec::with_capacity(original.len() + 1);
        let mut folded = String::with_capacity(original.len() + 8);
        let mut folded_char = Vec::with_capacity(original.len() + 8);
        let bytes = original.as_bytes();
        let mut b = 0;
        // Runs of ASCII fold byte for byte (one character, one folded byte); anything else
        // goes through `fold_char`.
        while b < bytes.len() {
            let run = bytes[b..].iter().position(|x| !x.is_ascii()).map_or(bytes.len(), |n| b + n);
            if run > b {
                let i = char_byte.len() as u32;
                char_byte.extend(b as u32..run as u32);
                let at = folded.len();
                folded.push_str(&original[b..run]);
                if let Some(s) = folded.get_mut(at..) {
                    s.make_ascii_lowercase();
                }
                folded_char.extend(i..i + (run - b) as u32);
                b = run;
                continue;
            }
            let Some(c) = original[b..].chars().next() else { break };
            let i = char_byte.len() as u32;
            char_byte.push(b as u32);
            fold_char(c, &mut folded);
            folded_char.resize(folded.len(), i);
            b += c.len_utf8();
        }
        let n = char_byte.len() as u32;
        char_byte.push(original.len() as u32);
        folded_char.push(n);
        Text { original, char_byte, folded, folded_char, tokens: OnceLock::new() }
    }

    #[inline]
    pub fn original(&self) -> &'a str {
        self.original
    }

    #[inline]
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// Number of characters in the original text.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_byte.len() - 1
    }

    /// The original characters `[start, end)` that folded bytes `[fstart, fend)` came from.
    /// A range that cuts into the fold of one character widens to that whole character.
    #[inline]
    pub fn original_range(&self, fstart: usize, fend: usize) -> (usize, usize) {
        let start = self.folded_char[fstart] as usize;
        let end = if fend > fstart { self.folded_char[fend - 1] as usize + 1 } else { start };
        (start, end)
    }

    /// The folded byte offset where original character `c` starts.
    #[inline]
    pub fn folded_offset(&self, c: usize) -> usize {
        // Where no character before `c` folded to more or fewer bytes than one (all of an
        // ASCII text, most of a French one), the offset is `c` itself.
        if self.folded_char.get(c).is_some_and(|&x| x as usize == c)
            && (c == 0 || (self.folded_char[c - 1] as usize) < c)
        {
            return c;
        }
        self.folded_char.partition_point(|&x| (x as usize) < c)
    }

    /// Up to `n` bytes of folded text that end at folded offset `end`, starting on a
    /// character boundary (for looking at the words just before a match).
    pub fn folded_before(&self, end: usize, n: usize) -> &str {
        let mut start = end.saturating_sub(n);
        while !self.folded.is_char_boundary(start) {
            start += 1;
        }
        &self.folded[start..end]
    }

    /// Up to `n` bytes of folded text that start at folded offset `start`, ending on a
    /// character boundary (for looking at the words just after a match).
    pub fn folded_after(&self, start: usize, n: usize) -> &str {
        let mut end = (start + n).min(self.folded.len());
        while !self.folded.is_char_boundary(end) {
            end -= 1;
        }
        &self.folded[start..end]
    }

    /// The original text of characters `[start, end)`.
    #[inline]
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.original[self.char_byte[start] as usize..self.char_byte[end] as usize]
    }

    /// The byte offset of original character `c`.
    #[inline]
    pub fn byte_of_char(&self, c: usize) -> usize {
        self.char_byte[c] as usize
    }

    /// The original character index at original byte offset `b` (which must be a boundary).
    #[inline]
    pub fn char_of_byte(&self, b: usize) -> usize {
        self.char_byte.partition_point(|&x| (x as usize) < b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold_str("NÂSIRIYAH"), "nasiriyah");
        assert_eq!(fold_str("l’Œuvre — «oui»"), "l'oeuvre - \"oui\"");
        assert_eq!(fold_str("Koweït\u{a0}City"), "koweit city");
        assert_eq!(fold_str("ﬁn"), "fin");
    }

    #[test]
    fn folded_offset_agrees_with_a_search_of_the_map() {
        // Characters that fold to one byte, to two ("Œ", "ﬁ"), to none or more (marks,
        // CJK), before and after the offsets asked for.
        for s in ["plain ascii", "Œdème à Kirkouk", "ﬁn de l’été", "北京 a b", "a\u{301}b Œ c", ""] {
            let t = Text::new(s);
            for c in 0..=t.char_len() {
                let searched = t.folded_char.partition_point(|&x| (x as usize) < c);
                assert_eq!(t.folded_offset(c), searched, "{s:?} at {c}");
            }
        }
    }

    #[test]
    fn maps_back_through_expansions() {
        let t = Text::new("Œdème à Kirkouk");
        assert_eq!(t.folded(), "oedeme a kirkouk");
        // "oe" comes from one character: any part of it maps to the whole character.
        assert_eq!(t.original_range(0, 1), (0, 1));
        assert_eq!(t.original_range(1, 6), (0, 5));
        let k = t.folded().find("kirkouk").unwrap();
        let (s, e) = t.original_range(k, k + 7);
        assert_eq!(t.slice(s, e), "Kirkouk");
        assert_eq!(t.folded_offset(s), k);
        assert_eq!(t.folded_before(k, 3), " a ");
        let cjk = Text::new("北京 a");
        assert_eq!(cjk.folded_before(cjk.folded().len(), 4), " a");
        assert_eq!(t.char_len(), 15);
    }

    #[test]
    fn every_folded_byte_maps_inside_the_text() {
        let s = "Ça coûte 5 € — ﬁn… 北京 e\u{301}";
        let t = Text::new(s);
        for b in 0..t.folded().len() {
            let (a, z) = t.original_range(b, b + 1);
            assert!(a < z && z <= t.char_len());
        }
    }
}
