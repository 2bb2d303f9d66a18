//! sitrep's temporal tagger: dates and times in French and English news, resolved
//! against the publication date, and numbers written in digits or words.
//!
//! Word lists live in `data/lexicons/<lang>/time.tsv` and `numbers.tsv`; the grammar is
//! here. Matching runs on the folded text; offsets are original characters.

mod dates;
mod lexicon;
mod numbers;

pub use dates::{tag_dates, tag_dates_with, DateMention, Options};
pub use numbers::{tag_numbers, NumberMention};
