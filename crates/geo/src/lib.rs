//! Places for sitrep: an embedded gazetteer and a toponym matcher.
//!
//! # Overview
//!
//! - [`Gazetteer`]: continents, countries, first-order administrative areas, US
//!   counties and other second-order areas, and the GeoNames cities500 places of 1,000 people or more (plus every
//!   admin seat and capital, and every place of the countries where towns are few), with their Latin-script
//!   alternate names. [`Gazetteer::embedded`] loads the copy built
//!   by `scripts/build-gazetteer` into `data/gazetteer/world.tsv.gz` once, on first use,
//!   from the compact form `build.rs` makes of it ([`Gazetteer::to_compact`]).
//! - Keys: [`name_key`] (folded, punctuation as single spaces) for exact lookup,
//!   [`translit_key`] and [`loose_key`] for the French/English spelling variants of
//!   Arabic names (Mossoul/Mosul, Nassiriyah/Nasiriyah, Bagdad/Baghdad, Amerli/Amirli).
//! - [`find_places`]: capitalized names in a text, longest match first, disambiguated
//!   by the document's countries, demonyms ([`country_evidence`]), the admin1 and admin2
//!   areas it names, admin chains ("Watamu, Dabaso, Kilifi", "Sreepur upazila
//!   (Gazipur, Dhaka)", "Alexandria, La.", "Tin-Akoff, province de l'Oudalan", "the Qala
//!   Nasro area of Qarabagh district"; unknown names inside a parenthesis are skipped, and
//!   a chain that ends in another country's area overrides any namesake), unit words
//!   ("Kaldar district", "province de la Tapoa"), proximity
//!   to the document's other places (candidates within 50 km of another name's
//!   support each other), feature class and population; relative locations ("près de
//!   X", "north of X") get ACLED geo precision 2, countries and administrative areas 3.
//!   A name whose admin chain contains none of its readings is placed at the chain's
//!   first name that resolves, at precision 2. Guards against common words and names
//!   of people: stoplists (`data/gazetteer/stoplist_*.txt`, both languages always
//!   apply), given names before a capitalized word (`data/gazetteer/given_names.txt`),
//!   names after a title (`data/gazetteer/titles.txt`: "Senator", « le général »),
//!   capitalized neighbours, lowercase uses of the same word, partial matches of longer
//!   names ("Ain" in "Ain al-Assad", "Pobe" in "Pobe-Mengao"), compass words that make a
//!   region of their own ("West Africa", "West Midlands"), and small places named once in a
//!   country nothing else in the document points to (a village the gazetteer lacks, read
//!   as its namesake abroad). The last name of a parenthesized chain ("(Nassere, Bam)") is
//!   read as an administrative area. A city of 200,000 people or more outweighs a province
//!   of its name in a country the text gives no sign of ("Gaza"). [`find_places_hinted`] takes
//!   countries known from outside the text (a source's, a collection's).
//! - Importers ([`import_geonames`], [`import_wof_tsv`]) into the same format,
//!   [`write_gazetteer`], [`Gazetteer::from_path`] and [`Gazetteer::merged`] (a user's
//!   gazetteer over the embedded one).
//!
//! Data: `scripts/build-gazetteer` writes `data/gazetteer/world.tsv.gz` (sources and
//! licenses in `data/gazetteer/SOURCES.md`). `build.rs` parses it into hashed name
//! indexes at build time and embeds them as flat arrays; loading reads them in one pass
//! (`cargo run --release -p sitrep-geo --example geo_bench -- load` measures it).
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

mod embedded;
mod evidence;
mod fxhash;
mod gazetteer;
mod import;
mod key;
mod matcher;

pub use crate::evidence::country_evidence;
pub use crate::gazetteer::{Error, Gazetteer, Hits, Kind, MatchKind, Place, TRANSLIT_COUNTRIES};
pub use crate::import::{
    gazetteer_from_records, import_geonames, import_wof_tsv, write_gazetteer, GeonamesOptions, Record,
};
pub use crate::key::{loose_key, name_key, translit_key};
pub use crate::matcher::{find_places, find_places_hinted, find_places_with_evidence, km, PlaceMention};
