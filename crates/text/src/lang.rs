//! Language identification for the languages sitrep codes, from function words.

use crate::{Text, TokenKind};

/// Function words, frequent in any news text of the language and rare in the other.
const FR: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "pour", "sur", "par", "au", "aux", "qui",
    "que", "ont", "ete", "sont", "avec", "ce", "cette", "ses", "leur", "pas", "ne", "il", "elle", "ils", "selon",
    "apres", "mais", "ou", "lors", "contre", "entre", "depuis", "deux", "trois",
];
const EN: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "was", "were", "by", "on", "for", "with", "that", "at", "from", "an", "are",
    "has", "have", "had", "been", "their", "his", "her", "they", "he", "she", "it", "not", "after", "against", "who",
    "which", "into", "during", "two", "three", "killed", "said",
];

/// A guess at a text's language with the share of function words that backs it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LangGuess {
    /// ISO 639-1 code, `fr` or `en`; `None` when the text gives too little to tell.
    pub code: Option<&'static str>,
    /// Margin of the winner over the runner-up, as a share of the counted words (0..1).
    pub confidence: f64,
}

/// Identifies French or English from the first 400 words of `text`.
pub fn identify(text: &Text<'_>) -> LangGuess {
    let (mut fr, mut en, mut words) = (0u32, 0u32, 0u32);
    let f = text.folded();
    for tok in text.tokens_ref().iter().filter(|t| t.kind == TokenKind::Word).take(400) {
        let w = &f[tok.fstart..tok.fend];
        words += 1;
        fr += u32::from(FR.contains(&w));
        en += u32::from(EN.contains(&w));
    }
    if fr + en == 0 {
        return LangGuess { code: None, confidence: 0.0 };
    }
    let margin = f64::from(fr.abs_diff(en)) / f64::from(words.max(1));
    let code = match fr.cmp(&en) {
        std::cmp::Ordering::Greater => Some("fr"),
        std::cmp::Ordering::Less => Some("en"),
        std::cmp::Ordering::Equal => None,
    };
    LangGuess { code, confidence: margin.min(1.0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_french_from_english() {
        let fr = Text::new("Des hommes armés ont attaqué le village et tué trois personnes.");
        let en = Text::new("Gunmen attacked the village and killed three people on Monday.");
        assert_eq!(identify(&fr).code, Some("fr"));
        assert_eq!(identify(&en).code, Some("en"));
        assert_eq!(identify(&Text::new("12345")).code, None);
    }
}
