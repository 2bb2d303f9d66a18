//! The gazetteer embedded in the crate: `build.rs` reads `data/gazetteer/world.tsv.gz`
//! (built by `scripts/build-gazetteer`) and writes it in the compact form
//! ([`Gazetteer::to_compact`]), which loads without folding or hashing a name.

use std::sync::OnceLock;

use crate::gazetteer::Gazetteer;

/// `world.tsv.gz` in the compact form, made by `build.rs`.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/world.gaz"));

/// Country centres (ODbL 1.0, npm world-countries), kept apart from `world.tsv.gz`.
static COUNTRY_LATLNG: &str = include_str!("../../../data/gazetteer/country_latlng.tsv");

impl Gazetteer {
    /// The gazetteer embedded in the crate (GeoNames cities500 with population ≥ 1000,
    /// admin1 areas and countries), loaded on first use.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::load_embedded)
    }

    /// A fresh copy of the embedded gazetteer ([`Gazetteer::embedded`] loads it once and
    /// shares it; this is for measuring the load).
    pub fn load_embedded() -> Gazetteer {
        let mut g = Gazetteer::from_compact_static(EMBEDDED).expect("embedded gazetteer is valid");
        g.set_country_centres(COUNTRY_LATLNG);
        g
    }
}
