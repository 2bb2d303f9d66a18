//! Places for sitrep: an embedded gazetteer and a toponym matcher.
//!
//! # Overview
//!
//! - [`Gazetteer`]: continents, countries, first-order administrative areas, US
//!   counties and the GeoNames cities500 places of 1,000 people or more (plus every
//!   admin seat and capital), with their Latin-script alternate names. [`Gazetteer::embedded`] parses the copy built
//!   by `scripts/build-gazetteer` into `data/gazetteer/world.tsv.gz` once, on first use.
//! - Keys: [`name_key`] (folded, punctuation as single spaces) for exact lookup,
//!   [`translit_key`] and [`loose_key`] for the French/English spelling variants of
//!   Arabic names (Mossoul/Mosul, Nassiriyah/Nasiriyah, Bagdad/Baghdad, Amerli/Amirli).
//! - [`find_places`]: capitalized names in a text, longest match first, disambiguated
//!   by the document's countries, demonyms ([`country_evidence`]), admin1 areas,
//!   feature class and population; relative locations ("près de X", "north of X") get
//!   ACLED geo precision 2, countries and administrative areas 3. Guards against
//!   common words and names of people: stoplists (`data/gazetteer/stoplist_*.txt`,
//!   both languages always apply), capitalized neighbours, lowercase uses of the same
//!   word, partial matches of longer Arabic names ("Ain" in "Ain al-Assad").
//!
//! Data: `scripts/build-gazetteer` writes `data/gazetteer/world.tsv.gz` (sources and
//! licenses in `data/gazetteer/SOURCES.md`). Loading parses it into hashed name indexes,
//! the exact-name one on a second thread: about 0.2 s in a release build.
//!
//! # Example
//!
//! ```
//! use sitrep_geo::{find_places, Gazetteer};
//! use sitrep_text::Text;
//!
//! let text = Text::new("Un engin explosif a explosé près de Nassiriyah, dans le sud de l'Irak.");
//! let places = find_places(&text, "fr", Gazetteer::embedded());
//! assert_eq!(places[0].name, "Nasiriyah");
//! assert_eq!(places[0].country, "IQ");
//! assert_eq!(places[0].geo_precision, 2);
//! assert!(places[1].is_country);
//! ```

mod evidence;
mod gazetteer;
mod key;
mod matcher;

pub use crate::evidence::country_evidence;
pub use crate::gazetteer::{Error, Gazetteer, Hits, Kind, MatchKind, Place, TRANSLIT_COUNTRIES};
pub use crate::key::{loose_key, name_key, translit_key};
pub use crate::matcher::{find_places, PlaceMention};
