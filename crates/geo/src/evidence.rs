//! Country evidence from demonyms and country adjectives ("irakienne", "Kenyan").

use crate::fxhash::{FxMap, FxSet};
use std::sync::OnceLock;

use sitrep_text::{Text, TokenKind};

use crate::key::norm_folded;

static DEMONYMS: &str = include_str!("../../../data/gazetteer/demonyms.tsv");

/// Endings a demonym takes in French (gender, number) and English (plural).
const ENDINGS: &[&str] = &["", "s", "e", "es", "ne", "nes"];

struct Demonyms {
    /// name_key of a form → ISO2 (the codes live in `DEMONYMS`, so they are `'static`).
    forms: FxMap<String, &'static str>,
    /// First words of the forms of more than one word.
    firsts: FxSet<String>,
    /// For each first byte, a bit for each length (capped at 63) of the `firsts` that
    /// start with it: most words are ruled out without hashing them.
    first_lens: [u64; 256],
    /// The first four bytes of every form: a word that starts otherwise is none (a
    /// quick test before the six lookups of its endings).
    prefixes: FxSet<[u8; 4]>,
    /// The first two bytes of every form, one bit each: a test quicker still.
    prefixes2: Vec<u64>,
    max_words: usize,
}

fn prefix4(s: &str) -> Option<[u8; 4]> {
    s.as_bytes().get(..4).map(|b| [b[0], b[1], b[2], b[3]])
}

fn demonyms() -> &'static Demonyms {
    static D: OnceLock<Demonyms> = OnceLock::new();
    D.get_or_init(|| {
        let mut forms = FxMap::default();
        let mut firsts = FxSet::default();
        let mut prefixes = FxSet::default();
        let mut max_words = 1;
        let mut first_lens = [0u64; 256];
        let mut prefixes2 = vec![0u64; 1 << 10];
        for line in DEMONYMS.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((cc, list)) = line.split_once('\t') else {
                continue;
            };
            for f in list.split('|') {
                let k = crate::key::name_key(f);
                if k.is_empty() {
                    continue;
                }
                max_words = max_words.max(k.split(' ').count());
                if let Some((first, _)) = k.split_once(' ') {
                    if let Some(&b) = first.as_bytes().first() {
                        first_lens[b as usize] |= len_bit(first.len());
                    }
                    firsts.insert(first.to_string());
                }
                if let Some(p) = prefix4(&k) {
                    let i = prefix2(&p);
                    prefixes2[i / 64] |= 1 << (i % 64);
                    prefixes.insert(p);
                }
                forms.insert(k, cc.trim());
            }
        }
        Demonyms { forms, firsts, first_lens, prefixes, prefixes2, max_words }
    })
}

/// A word length's bit in [`Demonyms::first_lens`].
fn len_bit(n: usize) -> u64 {
    1 << n.min(63)
}

/// The index of a form's first two bytes in [`Demonyms::prefixes2`].
fn prefix2(p: &[u8; 4]) -> usize {
    (p[0] as usize) << 8 | p[1] as usize
}

/// Whether `w` is the first word of a form of more than one word.
fn is_first(d: &Demonyms, w: &str) -> bool {
    match w.as_bytes().first() {
        Some(&b) if d.first_lens[b as usize] & len_bit(w.len()) != 0 => d.firsts.contains(w),
        _ => false,
    }
}

fn lookup(d: &Demonyms, key: &str) -> Option<&'static str> {
    // Stems have four bytes or more and start like the key.
    if !prefix4(key).is_some_and(|p| {
        let i = prefix2(&p);
        d.prefixes2[i / 64] & (1 << (i % 64)) != 0 && d.prefixes.contains(&p)
    }) {
        return None;
    }
    for end in ENDINGS {
        if let Some(stem) = key.strip_suffix(end) {
            if stem.len() >= 4 {
                if let Some(&cc) = d.forms.get(stem) {
                    return Some(cc);
                }
            }
        }
    }
    None
}

/// Demonyms and country adjectives in `text`, as `(start, end, ISO2)` with original
/// character offsets (end exclusive): `irakien(ne)(s)`, `américain`, `burkinabè`,
/// `Kenyan`, `Afghan`, `Turkish`, `sud-soudanais`… Case does not matter (French writes
/// adjectives in lowercase). The French and English lists both apply whatever `lang`
/// says, since news in one language quotes names from the other.
pub fn country_evidence(text: &Text<'_>, lang: &str) -> Vec<(usize, usize, &'static str)> {
    let _ = lang;
    let d = demonyms();
    let all = text.tokens_ref();
    let mut toks: Vec<&sitrep_text::Token> = Vec::with_capacity(all.len());
    toks.extend(all.iter().filter(|t| t.kind == TokenKind::Word));
    let folded = text.folded();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let mut found = None;
        let w = toks[i].folded(text);
        // Forms have four letters or more; longer forms start with a known word.
        let longest = if is_first(d, w) { d.max_words.min(toks.len() - i) } else { 1 };
        if w.len() < 4 && longest == 1 {
            i += 1;
            continue;
        }
        for n in (1..=longest).rev() {
            if n == 1 {
                if let Some(cc) = lookup(d, w) {
                    found = Some((1, cc));
                }
                break;
            }
            let last = toks[i + n - 1];
            // Words of a multi-word form are separated by spaces or a hyphen only.
            let gap_ok =
                (i..i + n - 1).all(|j| folded[toks[j].fend..toks[j + 1].fstart].chars().all(|c| c == ' ' || c == '-'));
            if !gap_ok {
                continue;
            }
            let key = norm_folded(&folded[toks[i].fstart..last.fend]);
            if let Some(cc) = lookup(d, &key) {
                found = Some((n, cc));
                break;
            }
        }
        if let Some((n, cc)) = found {
            out.push((toks[i].start, toks[i + n - 1].end, cc));
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(s: &str) -> Vec<(String, &'static str)> {
        let t = Text::new(s);
        country_evidence(&t, "fr").into_iter().map(|(a, b, cc)| (t.slice(a, b).to_string(), cc)).collect()
    }

    #[test]
    fn finds_french_and_english_demonyms() {
        assert_eq!(
            ev("L'armée irakienne et les troupes américaines; un soldat burkinabè."),
            vec![("irakienne".into(), "IQ"), ("américaines".into(), "US"), ("burkinabè".into(), "BF")]
        );
        assert_eq!(
            ev("Kenyan police, Afghan officials and Turkish drones"),
            vec![("Kenyan".into(), "KE"), ("Afghan".into(), "AF"), ("Turkish".into(), "TR")]
        );
        assert_eq!(ev("les forces sud-soudanaises"), vec![("sud-soudanaises".into(), "SS")]);
    }

    #[test]
    fn ignores_other_words() {
        assert!(ev("Le convoi a été pris pour cible.").is_empty());
        assert!(ev("the state of the union").is_empty());
    }
}
