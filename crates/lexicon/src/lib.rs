/*!
Lexicons: phrase lists that analysts can read and extend, compiled into one matcher each.

# Overview

A lexicon file is plain text, one entry a line, fields separated by tabs:

```text
# comment
phrase<TAB>key<TAB>attr=value<TAB>attr=value
```

The phrase is matched on folded text (see [`sitrep_text::fold_str`]): case, accents,
apostrophes and dashes do not matter. It matches whole words only; a phrase whose last
word ends in `*` also matches longer words (`attaqu*` matches "attaque", "attaqués").
Several words separated by single spaces match those words separated by any run of
spaces. A key names what the entry means for the stage that reads the file (a
sub-event type, a canonical actor, a status), and attributes carry the rest.

# Example

```
use sitrep_lexicon::Lexicon;
use sitrep_text::Text;

let lex = Lexicon::parse("test", "engin explosif\tied\nattaqu*\tattack\tgeneric=1\n")?;
let text = Text::new("Un ENGIN explosif a visé le convoi attaqué hier.");
let hits = lex.find(&text);
assert_eq!(hits.len(), 2);
assert_eq!(text.slice(hits[0].start, hits[0].end), "ENGIN explosif");
assert_eq!(lex.entry(hits[1].entry).key, "attack");
assert_eq!(lex.entry(hits[1].entry).attr("generic"), Some("1"));
# Ok::<(), sitrep_lexicon::Error>(())
```
*/

use aho_corasick::{AhoCorasick, MatchKind};
use sitrep_text::{fold_str, Text};

/// One line of a lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The phrase as written in the file.
    pub phrase: String,
    pub key: String,
    attrs: Vec<(String, String)>,
    prefix: bool,
    /// 1-based line number in its file, for `explain`.
    pub line: usize,
}

impl Entry {
    /// The value of attribute `name`, if the entry sets it.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Whether the entry sets attribute `name` (with any value).
    pub fn has(&self, name: &str) -> bool {
        self.attrs.iter().any(|(k, _)| k == name)
    }
}

/// A match of an entry: original character offsets and folded byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub start: usize,
    pub end: usize,
    pub fstart: usize,
    pub fend: usize,
}

/// A lexicon file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    name: String,
    line: usize,
    reason: String,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "lexicon {}:{}: {}", self.name, self.line, self.reason)
    }
}

impl std::error::Error for Error {}

/// A compiled lexicon.
#[derive(Clone, Debug)]
pub struct Lexicon {
    name: String,
    entries: Vec<Entry>,
    /// Pattern index → entry index (one pattern per entry).
    matcher: AhoCorasick,
}

impl Lexicon {
    /// Parses and compiles lexicon `source`; `name` is used in error messages.
    pub fn parse(name: &str, source: &str) -> Result<Lexicon, Error> {
        Lexicon::parse_many(&[(name, source)])
    }

    /// Parses several files into one lexicon (e.g. a language's file and a shared one).
    pub fn parse_many(files: &[(&str, &str)]) -> Result<Lexicon, Error> {
        let mut entries = Vec::new();
        let mut patterns = Vec::new();
        for &(name, source) in files {
            for (i, raw) in source.lines().enumerate() {
                let line = raw.trim_end();
                if line.trim().is_empty() || line.trim_start().starts_with('#') {
                    continue;
                }
                let err = |reason: &str| Error { name: name.to_string(), line: i + 1, reason: reason.to_string() };
                let mut fields = line.split('\t');
                let phrase = fields.next().unwrap_or("").trim();
                let key = fields.next().map(str::trim).unwrap_or("");
                if phrase.is_empty() {
                    return Err(err("empty phrase"));
                }
                let mut attrs = Vec::new();
                for f in fields.map(str::trim).filter(|f| !f.is_empty()) {
                    let (k, v) = f.split_once('=').unwrap_or((f, ""));
                    attrs.push((k.trim().to_string(), v.trim().to_string()));
                }
                let prefix = phrase.ends_with('*');
                let folded = fold_str(phrase.trim_end_matches('*'));
                let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
                if folded.is_empty() {
                    return Err(err("phrase folds to nothing"));
                }
                patterns.push(folded);
                entries.push(Entry { phrase: phrase.to_string(), key: key.to_string(), attrs, prefix, line: i + 1 });
            }
        }
        let matcher = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&patterns).map_err(|e| Error {
            name: files.first().map_or("", |f| f.0).to_string(),
            line: 0,
            reason: e.to_string(),
        })?;
        Ok(Lexicon { name: files.first().map_or("", |f| f.0).to_string(), entries, matcher })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All whole-word matches, longest first where they overlap, in text order.
    ///
    /// Runs of spaces in the text are matched by the single spaces of a phrase only when
    /// the text has single spaces: texts are matched as they are folded.
    pub fn find(&self, text: &Text<'_>) -> Vec<Hit> {
        self.find_in(text, 0, text.folded().len())
    }

    /// [`Lexicon::find`] restricted to folded bytes `[from, to)`.
    pub fn find_in(&self, text: &Text<'_>, from: usize, to: usize) -> Vec<Hit> {
        let f = text.folded().as_bytes();
        let mut raw: Vec<(usize, usize, usize)> = Vec::new();
        let input = aho_corasick::Input::new(&f[..to]).range(from..to);
        for m in self.matcher.find_overlapping_iter(input) {
            let (s, mut e) = (m.start(), m.end());
            let entry = &self.entries[m.pattern().as_usize()];
            if s > 0 && is_word_byte(f, s - 1) && is_word_byte(f, s) {
                continue;
            }
            if entry.prefix {
                while e < f.len() && is_word_byte(f, e) {
                    e += 1;
                }
            } else if e < f.len() && is_word_byte(f, e) && is_word_byte(f, e - 1) {
                continue;
            }
            raw.push((s, e, m.pattern().as_usize()));
        }
        // In text order; where matches overlap, the longest one wins.
        raw.sort_unstable_by(|a, b| a.0.cmp(&b.0).then((b.1 - b.0).cmp(&(a.1 - a.0))).then(a.2.cmp(&b.2)));
        let mut kept: Vec<(usize, usize, usize)> = Vec::with_capacity(raw.len());
        for r in raw {
            match kept.last_mut() {
                Some(last) if r.0 < last.1 => {
                    if r.1 - r.0 > last.1 - last.0 {
                        *last = r;
                    }
                }
                _ => kept.push(r),
            }
        }
        kept.into_iter()
            .map(|(fs, fe, entry)| {
                let (start, end) = text.original_range(fs, fe);
                Hit { entry, start, end, fstart: fs, fend: fe }
            })
            .collect()
    }
}

/// Whether the folded byte at `i` belongs to a word (a letter or digit; any non-ASCII
/// byte counts as a letter, since folding leaves only letters outside ASCII).
fn is_word_byte(f: &[u8], i: usize) -> bool {
    let b = f[i];
    b.is_ascii_alphanumeric() || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let lex = Lexicon::parse("t", "tue\tkill\n").unwrap();
        assert_eq!(lex.find(&Text::new("Il a tué deux personnes")).len(), 1);
        assert!(lex.find(&Text::new("une statue")).is_empty());
        assert!(lex.find(&Text::new("tuer")).is_empty());
    }

    #[test]
    fn prefix_entries_extend_to_the_word_end() {
        let lex = Lexicon::parse("t", "attaqu*\tattack\n").unwrap();
        let t = Text::new("Ils ont été attaqués.");
        let h = lex.find(&t);
        assert_eq!(t.slice(h[0].start, h[0].end), "attaqués");
    }

    #[test]
    fn longest_wins() {
        let lex = Lexicon::parse("t", "engin\tx\nengin explosif improvise\tied\nexplosif\ty\n").unwrap();
        let t = Text::new("un engin explosif improvisé");
        let h = lex.find(&t);
        assert_eq!(h.len(), 1);
        assert_eq!(lex.entry(h[0].entry).key, "ied");
    }

    #[test]
    fn errors_name_the_line() {
        let e = Lexicon::parse("fr/events", "# c\n\n\tkey\n").unwrap_err();
        assert_eq!(e.to_string(), "lexicon fr/events:3: empty phrase");
    }
}
