/*!
sitrep's temporal tagger: dates and times in French and English news, resolved against
the publication date, and numbers written in digits or in words.

# Overview

[`tag_dates`] finds date expressions on the folded text (see `sitrep_text::Text`) and
reports them at original character offsets, sorted and never overlapping (the longest
match at the leftmost position wins). Each [`DateMention`] carries a
[`sitrep_core::DateValue`]: a point (`2021-09-22`, `2021-09`, `2021`, `2021-W37`, a
date-time) or an interval (`du 10 au 12 mai`, `fin septembre`, `mardi soir` as
18:00–midnight).

Resolution follows the text. A bare weekday is the latest one not after the dateline
unless the nearest verb is in the future tense ("ils manifesteront samedi"); a day and
month without a year take the year that puts them nearest the dateline (the future
counting four times the past, twenty times after a past verb, not at all after "jusqu'au"
or "d'ici"); "la veille" / "le lendemain" and clock times count from the day last
mentioned ("au lendemain de la démission" is that day itself), weeks too under a
month-only dateline; a year written earlier in the sentence completes the dates after it.
A text with no past-tense verb at all and a line of it with no verb ("Réunion lundi",
"jeudi à 11h", a query) reads forward, as a calendar does: the coming Thursday, a time
already past today is tomorrow's. [`Options::future`] reads everything forward.
Impossible dates ("31 février", "le 45 mai") give no mention.

[`tag_times`] (or [`Options::timex`]) also reports the time expressions that are not
calendar dates, with their [`DateKind`] and TimeML value in `timex` (see
[`DateMention::value_string`]): durations ("deux ans" `P2Y`,
"30,4 secondes" `PT30.4S`), sets ("tous les jeudis" `XXXX-WXX-4`, "chaque année",
"quotidien"), vague references ("l'avenir" `FUTURE_REF`, "désormais", a season without a
year). Their `value` is the publication date; [`DateMention::is_date`] tells the ones that
can date an event.

[`tag_numbers`] finds counts: `32`, `1 200`, `1,200` (English), `vingt-deux`,
`quatre-vingt-dix`, `deux cents`, `une dizaine` (10, approximate), `des dizaines` and
`dozens` (12, approximate, as ACLED codes them).

Word lists live in `data/lexicons/<lang>/time.tsv` and `numbers.tsv` (`word<TAB>kind<TAB>
value`): month and weekday names, relative words, parts of the day, holidays, tense
cues. The grammar is in [`dates`](crate::tag_dates). Adding a language means adding
those two files and a branch in `lexicon::lang`.

# Example

```
use sitrep_core::PartialDate;
use sitrep_text::Text;

let text = Text::new("Le 3 janvier dernier, puis ce mercredi 22 septembre à 22 h, deux morts.");
let published = PartialDate::parse_iso("2021-09");
let dates = sitrep_time::tag_dates(&text, "fr", published);
let values: Vec<String> = dates.iter().map(|m| m.value.value()).collect();
assert_eq!(values, ["2021-01-03", "2021-09-22", "2021-09-22T22:00"]);
assert_eq!(text.slice(dates[1].start, dates[1].end), "ce mercredi 22 septembre");

let numbers = sitrep_time::tag_numbers(&text, "fr");
assert_eq!(numbers.last().map(|n| n.value), Some(2));
```
*/

mod dates;
mod lexicon;
mod numbers;

pub use dates::{tag_dates, tag_dates_with, tag_times, tag_times_and_numbers, DateKind, DateMention, Options};
pub use numbers::{tag_numbers, NumberMention};
