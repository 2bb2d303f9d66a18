use crate::Text;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed in): `armee`, `c130`.
    Word,
    /// Digits only, with inner `.`, `,` or spaces of thousands left out: `2021`, `32`.
    Number,
    /// Any other non-space character, one a token.
    Punct,
}

/// A token of the folded text, with its folded byte range and original character range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// Folded byte range.
    pub fstart: usize,
    pub fend: usize,
    /// Original character range.
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The token's folded text.
    pub fn folded<'t>(&self, text: &'t Text<'_>) -> &'t str {
        &text.folded()[self.fstart..self.fend]
    }
}

impl Text<'_> {
    /// Splits the folded text into words, numbers and punctuation.
    pub fn tokens(&self) -> Vec<Token> {
        let f = self.folded();
        let mut out = Vec::with_capacity(f.len() / 5);
        let mut it = f.char_indices().peekable();
        while let Some((b, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            let (kind, mut end) = if c.is_alphanumeric() {
                let mut all_digits = c.is_ascii_digit();
                let mut end = b + c.len_utf8();
                while let Some(&(b2, c2)) = it.peek() {
                    if !c2.is_alphanumeric() {
                        break;
                    }
                    all_digits &= c2.is_ascii_digit();
                    end = b2 + c2.len_utf8();
                    it.next();
                }
                (if all_digits { TokenKind::Number } else { TokenKind::Word }, end)
            } else {
                (TokenKind::Punct, b + c.len_utf8())
            };
            if kind == TokenKind::Punct {
                end = b + c.len_utf8();
            }
            let (start, oend) = self.original_range(b, end);
            out.push(Token { kind, fstart: b, fend: end, start, end: oend });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_punct() {
        let t = Text::new("L’armée a tué 32 «terroristes».");
        let toks: Vec<_> = t.tokens().iter().map(|k| (k.folded(&t).to_string(), k.kind)).collect();
        let words: Vec<_> = toks.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(words, ["l", "'", "armee", "a", "tue", "32", "\"", "terroristes", "\"", "."]);
        assert_eq!(toks[5].1, TokenKind::Number);
        let tok = t.tokens()[2];
        assert_eq!(t.slice(tok.start, tok.end), "armée");
    }
}
