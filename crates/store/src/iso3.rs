//! ISO 3166-1 alpha-3 codes, the prefix of ACLED-style event ids (`BFA-000123`).
//! `data/countries.tsv` holds alpha-2 codes only; this table covers its countries and
//! their neighbours. A country missing here gets its alpha-2 code and `X` (`QZX`), which
//! no ISO code uses, so ids stay unique and recognizable.

const ISO3: &[(&str, &str)] = &[
    ("AE", "ARE"),
    ("AF", "AFG"),
    ("AM", "ARM"),
    ("AO", "AGO"),
    ("AZ", "AZE"),
    ("BD", "BGD"),
    ("BE", "BEL"),
    ("BF", "BFA"),
    ("BH", "BHR"),
    ("BI", "BDI"),
    ("BJ", "BEN"),
    ("BR", "BRA"),
    ("BT", "BTN"),
    ("BW", "BWA"),
    ("CA", "CAN"),
    ("CD", "COD"),
    ("CF", "CAF"),
    ("CG", "COG"),
    ("CH", "CHE"),
    ("CI", "CIV"),
    ("CM", "CMR"),
    ("CN", "CHN"),
    ("CO", "COL"),
    ("CV", "CPV"),
    ("CY", "CYP"),
    ("DE", "DEU"),
    ("DJ", "DJI"),
    ("DZ", "DZA"),
    ("EG", "EGY"),
    ("EH", "ESH"),
    ("ER", "ERI"),
    ("ES", "ESP"),
    ("ET", "ETH"),
    ("FR", "FRA"),
    ("GA", "GAB"),
    ("GB", "GBR"),
    ("GE", "GEO"),
    ("GH", "GHA"),
    ("GM", "GMB"),
    ("GN", "GIN"),
    ("GQ", "GNQ"),
    ("GW", "GNB"),
    ("IL", "ISR"),
    ("IN", "IND"),
    ("IQ", "IRQ"),
    ("IR", "IRN"),
    ("IT", "ITA"),
    ("JO", "JOR"),
    ("KE", "KEN"),
    ("KG", "KGZ"),
    ("KW", "KWT"),
    ("KZ", "KAZ"),
    ("LB", "LBN"),
    ("LK", "LKA"),
    ("LR", "LBR"),
    ("LS", "LSO"),
    ("LY", "LBY"),
    ("MA", "MAR"),
    ("MG", "MDG"),
    ("ML", "MLI"),
    ("MM", "MMR"),
    ("MR", "MRT"),
    ("MW", "MWI"),
    ("MX", "MEX"),
    ("MZ", "MOZ"),
    ("NA", "NAM"),
    ("NE", "NER"),
    ("NG", "NGA"),
    ("NP", "NPL"),
    ("OM", "OMN"),
    ("PK", "PAK"),
    ("PS", "PSE"),
    ("QA", "QAT"),
    ("RU", "RUS"),
    ("RW", "RWA"),
    ("SA", "SAU"),
    ("SD", "SDN"),
    ("SL", "SLE"),
    ("SN", "SEN"),
    ("SO", "SOM"),
    ("SS", "SSD"),
    ("SY", "SYR"),
    ("SZ", "SWZ"),
    ("TD", "TCD"),
    ("TG", "TGO"),
    ("TJ", "TJK"),
    ("TM", "TKM"),
    ("TN", "TUN"),
    ("TR", "TUR"),
    ("TZ", "TZA"),
    ("UA", "UKR"),
    ("UG", "UGA"),
    ("US", "USA"),
    ("UZ", "UZB"),
    ("VE", "VEN"),
    ("YE", "YEM"),
    ("ZA", "ZAF"),
    ("ZM", "ZMB"),
    ("ZW", "ZWE"),
];

/// The id prefix for an alpha-2 country code; `XXX` when the country is unknown.
pub(crate) fn prefix(alpha2: Option<&str>) -> String {
    let Some(a2) = alpha2.map(|c| c.trim().to_ascii_uppercase()).filter(|c| c.len() == 2) else {
        return "XXX".to_string();
    };
    match ISO3.binary_search_by(|(k, _)| k.cmp(&a2.as_str())) {
        Ok(i) => ISO3[i].1.to_string(),
        Err(_) => format!("{a2}X"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorted_and_known() {
        assert!(super::ISO3.windows(2).all(|w| w[0].0 < w[1].0), "the table must stay sorted");
        assert_eq!(super::prefix(Some("BF")), "BFA");
        assert_eq!(super::prefix(Some("iq")), "IRQ");
        assert_eq!(super::prefix(Some("QQ")), "QQX");
        assert_eq!(super::prefix(None), "XXX");
    }

    #[test]
    fn covers_the_countries_file() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/countries.tsv");
        let Ok(text) = std::fs::read_to_string(path) else { return };
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let code = line.split('\t').next().unwrap();
            assert_ne!(super::prefix(Some(code)), format!("{code}X"), "{code} has no alpha-3 code in iso3.rs");
        }
    }
}
