//! Name keys: the normalized form used for exact lookup, and transliteration keys that
//! fold the usual spelling variants of Arabic (and Kurdish, Persian) names written in
//! French or English.

use sitrep_text::fold_str;

/// Folds `s` (lowercase, no accents) and turns every run of non-alphanumeric characters
/// into one space: `"Jurf Al-Nasr"` → `"jurf al nasr"`.
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    name_key_into(s, &mut out);
    out
}

/// [`name_key`] into a buffer (cleared first).
pub(crate) fn name_key_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        // Fast path (most gazetteer names): folding ASCII is lowercasing.
        push_words(s.chars().map(|c| c.to_ascii_lowercase()), out);
        return;
    }
    push_words(fold_str(s).chars(), out);
}

/// [`name_key`] for text that is already folded.
pub(crate) fn norm_folded(f: &str) -> String {
    let mut out = String::with_capacity(f.len());
    norm_folded_into(f, &mut out);
    out
}

/// [`norm_folded`] into a buffer (cleared first).
pub(crate) fn norm_folded_into(f: &str, out: &mut String) {
    norm_folded_prefixes(f, &[], out, &mut []);
}

/// [`norm_folded_into`] of `f` and, in `lens`, the length of the key of each prefix
/// `f[..cuts[k]]` (`cuts` ascending): the key of a prefix is a prefix of the key, since
/// a space is written only before the next word. Keys of a name cut after each of its
/// words, in one pass.
pub(crate) fn norm_folded_prefixes(f: &str, cuts: &[usize], out: &mut String, lens: &mut [usize]) {
    out.clear();
    // One word of ASCII letters and digits (most names): the key is the text, and the key
    // of a prefix the prefix.
    if f.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push_str(f);
        for (len, &c) in lens.iter_mut().zip(cuts) {
            *len = c.min(f.len());
        }
        return;
    }
    out.reserve(f.len());
    let mut k = 0;
    if f.is_ascii() {
        // Run by run, as `norm_folded_into`; a cut inside a run ends inside it.
        let b = f.as_bytes();
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && !b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if start < i {
                while k < cuts.len() && cuts[k] <= start {
                    lens[k] = out.len();
                    k += 1;
                }
                if !out.is_empty() {
                    out.push(' ');
                }
                while k < cuts.len() && cuts[k] < i {
                    lens[k] = out.len() + cuts[k] - start;
                    k += 1;
                }
                out.push_str(&f[start..i]);
            }
        }
        for len in &mut lens[k..cuts.len()] {
            *len = out.len();
        }
        return;
    }
    let mut space = false;
    for (at, c) in f.char_indices() {
        while k < cuts.len() && cuts[k] <= at {
            lens[k] = out.len();
            k += 1;
        }
        push_word_char(c, &mut space, out);
    }
    for len in &mut lens[k..cuts.len()] {
        *len = out.len();
    }
}

/// Appends the letters and digits of `chars`, each run of anything else made one space
/// between words (none at either end).
fn push_words(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut space = false;
    for c in chars {
        push_word_char(c, &mut space, out);
    }
}

/// One character of [`push_words`]: a letter or digit as it is, after one space if
/// anything else (`space`) came between it and the last word.
#[inline]
fn push_word_char(c: char, space: &mut bool, out: &mut String) {
    if c.is_alphanumeric() {
        if *space && !out.is_empty() {
            out.push(' ');
        }
        *space = false;
        out.push(c);
    } else {
        *space = true;
    }
}

/// Arabic articles as they are written before a name in French and English (the list
/// [`is_article`] matches; kept for the tests).
#[cfg(test)]
const ARTICLES: &[&str] = &["al", "el", "an", "as", "ad", "ar", "at", "az", "ash", "ech", "ed", "es", "ul", "ez", "et"];

/// The transliteration key of a [`name_key`]: articles dropped (`al-`, `el-`, `an-`…),
/// `ch`/`sh`, `dj`/`j`, `gh`/`g`, `kh`/`k`, `q`/`k`/`c`, `ou`/`u`, `y`/`i` merged, a
/// word-final `h` dropped, doubled letters made single, and the words joined.
///
/// `Nassiriyah`, `Nasiriyah` and `An Nasiriya` share one key; so do `Mossoul` and
/// `Mosul`, `Kirkouk` and `Kirkuk`, `Bagdad` and `Baghdad`, `Hachd al-Chaabi` and
/// `Hashd al-Shaabi`.
pub fn translit_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    translit_key_into(key, &mut out);
    out
}

/// [`translit_key`] into a buffer (cleared first).
pub(crate) fn translit_key_into(key: &str, out: &mut String) {
    out.clear();
    let words = || Words { s: key, at: 0 };
    // Articles are dropped from a name of more than one word, unless that drops all.
    let (mut n, mut other) = (0, false);
    for w in words() {
        n += 1;
        other |= !is_article(w);
    }
    let drop_articles = n > 1 && other;
    for w in words() {
        if drop_articles && is_article(w) {
            continue;
        }
        translit_word(w, out);
    }
}

/// The words of a key, runs of anything but a space: `key.split(' ')` without the
/// empty pieces, by a plain byte scan (the `split` iterator costs several times more).
struct Words<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let b = self.s.as_bytes();
        while self.at < b.len() && b[self.at] == b' ' {
            self.at += 1;
        }
        if self.at == b.len() {
            return None;
        }
        let start = self.at;
        while self.at < b.len() && b[self.at] != b' ' {
            self.at += 1;
        }
        // (A space is one byte: both ends are character boundaries.)
        Some(&self.s[start..self.at])
    }
}

/// Appends `c` unless `out` already ends with it (doubled letters made single).
#[inline(always)]
fn push_single(out: &mut String, c: char) {
    // (A byte compare for ASCII: `ends_with` with a char pattern calls `memcmp`.)
    let same = if c.is_ascii() { out.as_bytes().last() == Some(&(c as u8)) } else { out.ends_with(c) };
    if !same {
        out.push(c);
    }
}

/// Whether `w` is an Arabic article as written before a name in French and English (a
/// `match`: no string compared in vain).
#[inline]
fn is_article(w: &str) -> bool {
    matches!(
        w,
        "al" | "el" | "an" | "as" | "ad" | "ar" | "at" | "az" | "ash" | "ech" | "ed" | "es" | "ul" | "ez" | "et"
    )
}

/// A looser key: [`translit_key`] with `e`/`i` and `o`/`u` merged (`Amerli`/`Amirli`).
/// Use it only where a wrong hit costs little (a candidate in the document's country, a
/// large place).
pub fn loose_key(key: &str) -> String {
    loose_of_translit(&translit_key(key))
}

/// [`loose_key`] of a ready [`translit_key`].
pub(crate) fn loose_of_translit(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    loose_of_translit_into(t, &mut out);
    out
}

/// [`loose_of_translit`] into a buffer (cleared first).
pub(crate) fn loose_of_translit_into(t: &str, out: &mut String) {
    out.clear();
    if t.is_ascii() {
        let mut last = 0u8;
        for &b in t.as_bytes() {
            let b = match b {
                b'e' => b'i',
                b'o' => b'u',
                b => b,
            };
            if b != last {
                out.push(b as char);
                last = b;
            }
        }
        return;
    }
    for c in t.chars() {
        let c = match c {
            'e' => 'i',
            'o' => 'u',
            c => c,
        };
        push_single(out, c);
    }
}

/// [`translit_key_into`] of `key` into `t` and [`loose_of_translit_into`] of that into
/// `l`, in one pass over the bytes for an ASCII key (most are).
pub(crate) fn translit_and_loose_into(key: &str, t: &mut String, l: &mut String) {
    let (mut tb, mut lb) = ([0u8; KEY_MAX], [0u8; KEY_MAX]);
    let Some((tn, ln)) = translit_and_loose_ascii(key, &mut tb, &mut lb) else {
        translit_key_into(key, t);
        loose_of_translit_into(t, l);
        return;
    };
    // (ASCII bytes of an ASCII key.)
    t.clear();
    t.push_str(std::str::from_utf8(&tb[..tn]).unwrap_or_default());
    l.clear();
    l.push_str(std::str::from_utf8(&lb[..ln]).unwrap_or_default());
}

/// The longest key [`translit_and_loose_ascii`] reads (both keys are no longer than it).
pub(crate) const KEY_MAX: usize = 128;

/// [`translit_and_loose_into`] of an ASCII key of [`KEY_MAX`] bytes at most, into byte
/// arrays (no string, no UTF-8 check): the lengths of the translit and loose keys, or
/// `None` for any other key.
pub(crate) fn translit_and_loose_ascii(
    key: &str,
    tb: &mut [u8; KEY_MAX],
    lb: &mut [u8; KEY_MAX],
) -> Option<(usize, usize)> {
    if !key.is_ascii() || key.len() > KEY_MAX {
        return None;
    }
    let (mut tn, mut ln) = (0, 0);
    let words = || key.as_bytes().split(|&b| b == b' ').filter(|w| !w.is_empty());
    // Articles are dropped from a name of more than one word (so one with a space), unless
    // that drops all.
    let drop_articles = key.contains(' ') && {
        let (mut n, mut other) = (0, false);
        for w in words() {
            n += 1;
            other |= !is_article_bytes(w);
        }
        n > 1 && other
    };
    // A byte of the translit key (doubled letters made single) and, after it, its byte
    // of the loose key.
    let mut put = |c: u8| {
        if tn == 0 || tb[tn - 1] != c {
            tb[tn] = c;
            tn += 1;
            let m = match c {
                b'e' => b'i',
                b'o' => b'u',
                x => x,
            };
            if ln == 0 || lb[ln - 1] != m {
                lb[ln] = m;
                ln += 1;
            }
        }
    };
    for w in words() {
        if drop_articles && is_article_bytes(w) {
            continue;
        }
        // As `translit_word`: the last letter is held back, a word-final `h` of a word of
        // three letters or more dropped.
        let mut held: Option<u8> = None;
        let mut count = 0;
        let mut i = 0;
        while i < w.len() {
            let two = match w.get(i + 1).map(|&y| (w[i], y)) {
                Some((b'd', b'j') | (b'z', b'h')) => Some(b'j'),
                Some((b'c', b'h') | (b's', b'h')) => Some(b'x'),
                Some((b'k', b'h') | (b'c', b'k')) => Some(b'k'),
                Some((b'g', b'h')) => Some(b'g'),
                Some((b'p', b'h')) => Some(b'f'),
                Some((b't', b'h')) => Some(b't'),
                Some((b'd', b'h')) => Some(b'd'),
                Some((b'o', b'u') | (b'o', b'o')) => Some(b'u'),
                Some((b'e', b'e')) => Some(b'i'),
                _ => None,
            };
            let c = match two {
                Some(c) => {
                    i += 2;
                    c
                }
                None => {
                    i += 1;
                    match w[i - 1] {
                        b'q' | b'c' => b'k',
                        b'y' => b'i',
                        b'w' => b'u',
                        x => x,
                    }
                }
            };
            if let Some(h) = held {
                put(h);
            }
            held = Some(c);
            count += 1;
        }
        if let Some(h) = held {
            if !(count > 2 && h == b'h') {
                put(h);
            }
        }
    }
    Some((tn, ln))
}

/// [`is_article`] of a word's bytes.
#[inline]
fn is_article_bytes(w: &[u8]) -> bool {
    matches!(
        w,
        b"al"
            | b"el"
            | b"an"
            | b"as"
            | b"ad"
            | b"ar"
            | b"at"
            | b"az"
            | b"ash"
            | b"ech"
            | b"ed"
            | b"es"
            | b"ul"
            | b"ez"
            | b"et"
    )
}

fn translit_word(w: &str, out: &mut String) {
    if !w.is_ascii() {
        for c in w.chars() {
            push_single(out, c);
        }
        return;
    }
    let b = w.as_bytes();
    // The last letter is held back: a word-final `h` of a word of three letters or
    // more (after the pairs are merged) is dropped.
    let mut held: Option<char> = None;
    let mut count = 0;
    let mut emit = |c: char, out: &mut String| {
        if let Some(h) = held {
            push_single(out, h);
        }
        held = Some(c);
        count += 1;
    };
    let mut i = 0;
    while i < b.len() {
        let pair = if i + 1 < b.len() { Some((b[i], b[i + 1])) } else { None };
        let two = match pair {
            Some((b'd', b'j')) | Some((b'z', b'h')) => Some('j'),
            Some((b'c', b'h')) | Some((b's', b'h')) => Some('x'),
            Some((b'k', b'h')) | Some((b'c', b'k')) => Some('k'),
            Some((b'g', b'h')) => Some('g'),
            Some((b'p', b'h')) => Some('f'),
            Some((b't', b'h')) => Some('t'),
            Some((b'd', b'h')) => Some('d'),
            Some((b'o', b'u')) | Some((b'o', b'o')) => Some('u'),
            Some((b'e', b'e')) => Some('i'),
            _ => None,
        };
        if let Some(c) = two {
            emit(c, out);
            i += 2;
            continue;
        }
        emit(
            match b[i] {
                b'q' | b'c' => 'k',
                b'y' => 'i',
                b'w' => 'u',
                x => x as char,
            },
            out,
        );
        i += 1;
    }
    if let Some(h) = held {
        if !(count > 2 && h == 'h') {
            push_single(out, h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn old_translit_key(key: &str) -> String {
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        let keep: Vec<&str> = if words.len() > 1 {
            let kept: Vec<&str> = words.iter().copied().filter(|w| !ARTICLES.contains(w)).collect();
            if kept.is_empty() {
                words
            } else {
                kept
            }
        } else {
            words
        };
        let mut out = String::with_capacity(key.len());
        for w in keep {
            old_translit_word(w, &mut out);
        }
        out
    }

    fn old_translit_word(w: &str, out: &mut String) {
        let b = w.as_bytes();
        let mut tmp: Vec<char> = Vec::with_capacity(b.len());
        if !w.is_ascii() {
            tmp.extend(w.chars());
        } else {
            let mut i = 0;
            while i < b.len() {
                let pair = if i + 1 < b.len() { Some((b[i], b[i + 1])) } else { None };
                let two = match pair {
                    Some((b'd', b'j')) | Some((b'z', b'h')) => Some('j'),
                    Some((b'c', b'h')) | Some((b's', b'h')) => Some('x'),
                    Some((b'k', b'h')) | Some((b'c', b'k')) => Some('k'),
                    Some((b'g', b'h')) => Some('g'),
                    Some((b'p', b'h')) => Some('f'),
                    Some((b't', b'h')) => Some('t'),
                    Some((b'd', b'h')) => Some('d'),
                    Some((b'o', b'u')) | Some((b'o', b'o')) => Some('u'),
                    Some((b'e', b'e')) => Some('i'),
                    _ => None,
                };
                if let Some(c) = two {
                    tmp.push(c);
                    i += 2;
                    continue;
                }
                tmp.push(match b[i] {
                    b'q' | b'c' => 'k',
                    b'y' => 'i',
                    b'w' => 'u',
                    x => x as char,
                });
                i += 1;
            }
            if tmp.len() > 2 && tmp.last() == Some(&'h') {
                tmp.pop();
            }
        }
        for c in tmp {
            if out.ends_with(c) {
                continue;
            }
            out.push(c);
        }
    }

    fn old_loose_of_translit(t: &str) -> String {
        let mut out = String::with_capacity(t.len());
        for c in t.chars() {
            let c = match c {
                'e' => 'i',
                'o' => 'u',
                c => c,
            };
            if out.ends_with(c) {
                continue;
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn keys_are_those_of_the_first_implementation() {
        // Every split of a set of tricky words into names of one to three words.
        let words = [
            "al",
            "el",
            "ash",
            "nassiriyah",
            "an",
            "hachd",
            "chaabi",
            "kirkouk",
            "mossoul",
            "djibouti",
            "zhob",
            "hh",
            "ahh",
            "ahhh",
            "ouu",
            "ooh",
            "eeh",
            "thh",
            "cch",
            "ckh",
            "qaim",
            "yawm",
            "tikrît",
            "şalāḩ",
            "ḩ",
            "é",
            "h",
            "eh",
            "heh",
            "shh",
            "baghdad",
            "ee",
            "oo",
            "aa",
            "x",
            "1st",
            "ph",
            "dhh",
        ];
        let mut n = 0;
        for a in words {
            for b in std::iter::once("").chain(words) {
                for c in ["", "al", "h", "eeh", "é"] {
                    let key = [a, b, c].iter().filter(|w| !w.is_empty()).copied().collect::<Vec<_>>().join(" ");
                    let t = translit_key(&key);
                    assert_eq!(t, old_translit_key(&key), "{key:?}");
                    assert_eq!(loose_of_translit(&t), old_loose_of_translit(&t), "{key:?}");
                    let (mut t2, mut l2) = (String::from("x"), String::from("y"));
                    translit_and_loose_into(&key, &mut t2, &mut l2);
                    assert_eq!((&t2, &l2), (&t, &old_loose_of_translit(&t)), "{key:?}");
                    n += 1;
                }
            }
        }
        assert!(n > 5000);
        // Runs of spaces and spaces at either end make no empty words.
        for key in ["  al  nasr ", " al", "al ", "  ", "", "kirkouk  al   h", " é  eh "] {
            assert_eq!(translit_key(key), old_translit_key(key), "{key:?}");
            let (mut t, mut l) = (String::new(), String::new());
            translit_and_loose_into(key, &mut t, &mut l);
            assert_eq!((t.as_str(), l), (old_translit_key(key).as_str(), loose_key(key)), "{key:?}");
        }
    }

    fn t(s: &str) -> String {
        translit_key(&name_key(s))
    }

    #[test]
    fn prefix_keys_are_the_keys_of_the_prefixes() {
        for f in [
            "jurf al-nasr  (irak)",
            "st. mary's--county",
            "5km nord",
            " -a b- ",
            "koweit city",
            "şalāḩ ad dīn",
            "",
            "kirkouk2",
        ] {
            let cuts: Vec<usize> = (0..=f.len()).filter(|&c| f.is_char_boundary(c)).collect();
            let (mut out, mut lens) = (String::new(), vec![0; cuts.len()]);
            norm_folded_prefixes(f, &cuts, &mut out, &mut lens);
            assert_eq!(out, norm_folded(f), "{f:?}");
            for (&c, &n) in cuts.iter().zip(&lens) {
                assert_eq!(&out[..n], norm_folded(&f[..c]), "{f:?} cut at {c}");
            }
        }
    }

    #[test]
    fn ascii_keys_are_made_as_any_other() {
        for f in ["", "--", "a", "kirkouk2", " st. mary's--county ", "jurf al-nasr", "x1 y2", "ab  cd,", "'n'"] {
            let mut general = String::new();
            push_words(f.chars(), &mut general);
            assert_eq!(norm_folded(f), general, "{f:?}");
        }
    }

    #[test]
    fn name_key_normalizes_punctuation_and_accents() {
        assert_eq!(name_key("Jurf Al-Nasr"), "jurf al nasr");
        assert_eq!(name_key("  Koweït  City "), "koweit city");
        assert_eq!(name_key("N’Djamena"), "n djamena");
        assert_eq!(name_key("Şalāḩ ad Dīn"), "salah ad din");
    }

    #[test]
    fn translit_pairs_share_a_key() {
        for (a, b) in [
            ("Nassiriyah", "Nasiriyah"),
            ("Nassiriya", "An Nasiriyah"),
            ("Kirkouk", "Kirkuk"),
            ("Mossoul", "Mosul"),
            ("Bagdad", "Baghdad"),
            ("Falloujah", "Fallujah"),
            ("Hachd al-Chaabi", "Hashd al-Shaabi"),
            ("Jurf al-Nasr", "Jurf an Nasr"),
            ("Ain al-Assad", "Ayn al Asad"),
            ("Al-Anbar", "Anbar"),
            ("Salah al-Din", "Şalāḩ ad Dīn"),
            ("Djibouti", "Jibouti"),
            ("Qaim", "Kaim"),
            ("Tikrit", "Tikrît"),
        ] {
            assert_eq!(t(a), t(b), "{a} / {b}");
        }
    }

    #[test]
    fn translit_keeps_different_names_apart() {
        for (a, b) in [
            ("Mosul", "Basra"),
            ("Erbil", "Irbid"),
            ("Najaf", "Nablus"),
            ("Amman", "Oman"),
            ("Tunis", "Tunisia"),
            ("Sana", "Sanaa Province"),
            ("Homs", "Hama"),
        ] {
            assert_ne!(t(a), t(b), "{a} / {b}");
        }
    }

    #[test]
    fn loose_key_merges_vowel_variants() {
        assert_eq!(loose_key(&name_key("Amerli")), loose_key(&name_key("Amirli")));
        assert_ne!(t("Amerli"), t("Amirli"));
        assert_ne!(loose_key(&name_key("Mosul")), loose_key(&name_key("Masal")));
    }

    #[test]
    fn lone_article_is_kept() {
        assert_eq!(t("Al"), "al");
        assert_eq!(t("El Paso"), t("Paso"));
    }
}
