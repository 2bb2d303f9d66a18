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
    /// The original token starts with an uppercase letter ("Kabul", "ONU", "Élysée").
    pub upper: bool,
}

impl Token {
    /// The token's folded text.
    #[inline]
    pub fn folded<'t>(&self, text: &'t Text<'_>) -> &'t str {
        &text.folded()[self.fstart..self.fend]
    }
}

impl Text<'_> {
    /// Splits the folded text into words, numbers and punctuation (a copy of
    /// [`Text::tokens_ref`]).
    pub fn tokens(&self) -> Vec<Token> {
        self.tokens_ref().to_vec()
    }

    /// The tokens of [`Text::tokens`], made once per text and shared by every caller.
    pub fn tokens_ref(&self) -> &[Token] {
        self.tokens.get_or_init(|| self.tokenize())
    }

    fn tokenize(&self) -> Vec<Token> {
        let f = self.folded();
        let bytes = f.as_bytes();
        // (A token every five bytes or so in news text: a quarter of the length is room
        // enough for nearly every text, with no copy as the vector grows.)
        let mut out = Vec::with_capacity(f.len() / 4 + 4);
        let mut b = 0;
        while b < bytes.len() {
            let x = bytes[b];
            // ASCII bytes are classified directly (as `char`'s methods would); anything
            // else is decoded.
            let (c, n) = if x.is_ascii() {
                if matches!(x, b'\t'..=b'\r' | b' ') {
                    b += 1;
                    continue;
                }
                (char::from(x), 1)
            } else {
                let Some((c, n)) = char_at(f, bytes, b) else { break };
                if c.is_whitespace() {
                    b += n;
                    continue;
                }
                (c, n)
            };
            let (kind, end) = if c.is_alphanumeric() {
                let mut end = b + n;
                loop {
                    match bytes.get(end) {
                        Some(&y) if y.is_ascii() => {
                            if !y.is_ascii_alphanumeric() {
                                break;
                            }
                            end += 1;
                        }
                        _ => {
                            let Some((c2, n2)) = char_at(f, bytes, end) else { break };
                            if !c2.is_alphanumeric() {
                                break;
                            }
                            end += n2;
                        }
                    }
                }
                // A number is ASCII digits only (a non-ASCII digit makes a word).
                let all_digits = c.is_ascii_digit() && bytes[b..end].iter().all(u8::is_ascii_digit);
                (if all_digits { TokenKind::Number } else { TokenKind::Word }, end)
            } else {
                (TokenKind::Punct, b + n)
            };
            let (start, oend) = self.original_range(b, end);
            // (Read here once, for every tagger that asks.)
            let ob = self.byte_of_char(start);
            let upper = match self.original().as_bytes().get(ob) {
                Some(x) if x.is_ascii() => x.is_ascii_uppercase(),
                Some(_) => self.original()[ob..].chars().next().is_some_and(char::is_uppercase),
                None => false,
            };
            out.push(Token { kind, fstart: b, fend: end, start, end: oend, upper });
            b = end;
        }
        out
    }
}

/// The character of `f` at byte `b` (a boundary) and its length, `None` at the end.
#[inline]
fn char_at(f: &str, bytes: &[u8], b: usize) -> Option<(char, usize)> {
    let x = *bytes.get(b)?;
    if x.is_ascii() {
        return Some((char::from(x), 1));
    }
    let c = f[b..].chars().next()?;
    Some((c, c.len_utf8()))
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
        let t = Text::new("L’Élysée et l'ONU, à Paris; paris.");
        let upper: Vec<_> = t.tokens().iter().filter(|k| k.upper).map(|k| k.folded(&t).to_string()).collect();
        assert_eq!(upper, ["l", "elysee", "onu", "paris"]);
    }
}
