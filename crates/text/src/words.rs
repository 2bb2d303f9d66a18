//! A fixed list of folded words asked for membership often: a quick test in front of the
//! scan, made at compile time, tells most words outside the list apart in one look.

/// A word list with a quick test in front of its scan: bit `first byte % 64` of
/// `sieve[length]` (lengths past 15 share the last entry) is set for each of its words.
#[derive(Debug)]
pub struct WordList {
    words: &'static [&'static str],
    sieve: [u64; 16],
}

impl WordList {
    /// The list of `words`, with its test.
    pub const fn of(words: &'static [&'static str]) -> WordList {
        let mut sieve = [0u64; 16];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            let len = if w.len() < 15 { w.len() } else { 15 };
            let first = if w.is_empty() { 0 } else { w[0] };
            sieve[len] |= 1 << (first % 64);
            i += 1;
        }
        WordList { words, sieve }
    }

    /// Whether `w` is one of the words: `words.contains(&w)`, quicker.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let first = b.first().copied().unwrap_or(0);
        self.sieve[b.len().min(15)] & (1 << (first % 64)) != 0 && self.words.contains(&w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_its_slice() {
        const WORDS: &[&str] = &["a", "of", "the", "district", "administrative", "killed", "police", "", "é"];
        let list = WordList::of(WORDS);
        let mut probes: Vec<String> =
            ["", "x", "ofs", "extraordinarily-long-word", "é"].iter().map(|w| w.to_string()).collect();
        for w in WORDS {
            probes.push(w.to_string());
            probes.push(format!("{w}s"));
            probes.push(w.chars().skip(1).collect());
        }
        for p in &probes {
            assert_eq!(list.contains(p), WORDS.contains(&p.as_str()), "{p:?}");
        }
    }
}
