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

fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
}

/// Sentences of `text` as original character ranges `[start, end)`, trimmed of spaces.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
/// when a space follows and the next word starts with a capital, a digit or an opening
/// quote, unless the period closes an abbreviation ("M.", "Dr.", "St."), an initial
/// ("J. Smith"), or a dotted acronym ("U.S.", "N.d.l.r."); and at blank lines. A single
/// line break ends a sentence when the next line starts like a sentence.
pub fn sentences(text: &Text<'_>) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.original().chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        // Only a line break or a sentence mark can end a sentence.
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
        } else if matches!(c, '.' | '!' | '?' | '…') {
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
            let spaced = j > k;
            let ends = j >= n || (spaced && starts_sentence(chars[j]));
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

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '«' | '"' | '“' | '\'' | '‘' | '(' | '[' | '-' | '—' | '–' | '•')
}

fn is_closer(c: char) -> bool {
    matches!(c, '»' | '"' | '”' | '\'' | '’' | ')' | ']')
}

/// Whether the period at `dot` closes an abbreviation, an initial or a dotted acronym.
fn protected_period(chars: &[char], floor: usize, dot: usize) -> bool {
    let mut w = dot;
    while w > floor && chars[w - 1].is_alphabetic() {
        w -= 1;
    }
    let word: String = chars[w..dot].iter().collect();
    if word.is_empty() {
        return false;
    }
    // "U.S." / "N.B.": a letter preceded by a period.
    if w > floor && chars[w - 1] == '.' && word.chars().count() <= 2 {
        return true;
    }
    // An initial: one capital letter.
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    is_abbreviation(&crate::fold_str(&word))
}

fn push_trimmed(chars: &[char], mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
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

    #[test]
    fn numbers_and_lowercase_after_period() {
        assert_eq!(split("Il y a 3.5 km. environ de route."), ["Il y a 3.5 km. environ de route."]);
        assert_eq!(split("Fin. 2021 commence."), ["Fin.", "2021 commence."]);
    }
}
