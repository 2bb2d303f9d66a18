/*!
sitrep's text layer: one folded copy of a document for matching, with a map back to the
original characters; sentences; tokens; language identification.

# Overview

Everything sitrep matches (place names, trigger words, actor aliases, month names) is
matched on a *folded* copy of the text: lowercase, accents stripped, typographic
apostrophes, quotes, dashes and spaces unified, ligatures spelled out. So "NÂSIRIYAH",
"Nâsiriyah" and "nasiriyah" hit one entry, and "l’armée" matches "l'armee". The original
text is never changed: [`Text`] keeps a map from every folded byte back to the original
character, so every match becomes a [`Span`](sitrep_core::Span)-style range of original
characters (Unicode code points), which is what the output contract counts in.

# Example

```
use sitrep_text::Text;

let t = Text::new("Il a visé l’Armée à Nâsiriyah.");
assert_eq!(t.folded(), "il a vise l'armee a nasiriyah.");
let at = t.folded().find("nasiriyah").unwrap();
let (start, end) = t.original_range(at, at + "nasiriyah".len());
assert_eq!(t.slice(start, end), "Nâsiriyah");
```
*/

mod fold;
mod lang;
mod sentences;
mod tokens;
mod words;

pub use crate::fold::{fold_char, fold_str, Text};
pub use crate::lang::{identify, LangGuess};
pub use crate::sentences::sentences;
pub use crate::tokens::{Token, TokenKind};
pub use crate::words::WordList;
