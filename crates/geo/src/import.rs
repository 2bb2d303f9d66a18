//! Importers into the gazetteer format of `world.tsv.gz`: the GeoNames dump format
//! (`allCountries.txt` or a country file, with `alternateNamesV2.txt` and
//! `admin1CodesASCII.txt` when given) and tab-separated Who's On First extracts; and
//! the writer of that format.
//!
//! # The format
//!
//! UTF-8 text, gzip'd or not: a header line `#sitrep-gazetteer<TAB>v1<TAB>sources…`,
//! then one record a line, ten tab-separated fields:
//!
//! `geonameid name country admin1 admin2 latitude longitude population feature alternates`
//!
//! `geonameid` is 0 when unknown; `country` an ISO 3166-1 alpha-2 code; `admin1` and
//! `admin2` the codes of the record's areas (a record of feature `ADM1` carries its own
//! admin1 code, so places name their area by it); `feature` a GeoNames feature code,
//! with `PCLI` for countries, `ADM1`/`ADM2` for first- and second-order areas and
//! `CONT` for continents; `alternates` names separated by `|`.
//!
//! # Who's On First extracts: column mapping
//!
//! [`import_wof_tsv`] reads a tab-separated file whose first line names its columns
//! (the order does not matter, unknown columns are ignored):
//!
//! | column | required | becomes |
//! |---|---|---|
//! | `name` | yes | the name |
//! | `placetype` | yes | the feature: `country` → `PCLI`, `region`/`macroregion` → `ADM1`, `county`/`macrocounty`/`localadmin` → `ADM2`, `locality`/`localities` → `PPL`, `neighbourhood`/`borough`/`macrohood` → `PPLX`, `campus` → `AIRB` (WOF campuses are airports and air bases), others skipped |
//! | `country` | yes | the country code |
//! | `lat`, `lon` | yes | the coordinates, unless `lbl_lat`/`lbl_lon` (label point) are given |
//! | `lbl_lat`, `lbl_lon` | no | the coordinates when not empty |
//! | `wof_id` | no | the id `parent_id` refers to; also the admin1 code of a region and the admin2 code of a county |
//! | `parent_id` | no | the parent record: a record's admin1 and admin2 codes are those of its region and county ancestors |
//! | `geonames_id` | no | the GeoNames id (merged over the embedded gazetteer, the record replaces the GeoNames entry of that id) |
//! | `population` | no | the population |
//! | `is_current`, `deprecated` | no | records with `is_current` 0 or a `deprecated` date are skipped |
//! | `names_*` (e.g. `names_eng`, `names_fra`, `names_ara`) | no | alternate names, `\|`-separated |
//!
//! Campus names also get their bare form as an alternate ("Al Asad Airport" → "Al
//! Asad").

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use crate::gazetteer::Error;
use crate::key::name_key;

/// One record of the gazetteer format.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// GeoNames id, 0 when unknown.
    pub geonames_id: u64,
    pub name: String,
    /// ISO 3166-1 alpha-2 (empty for continents).
    pub country: String,
    /// Admin1 code (for an `ADM1` record: its own).
    pub admin1: String,
    /// Admin2 code (for an `ADM2` record: its own).
    pub admin2: String,
    pub latitude: f64,
    pub longitude: f64,
    pub population: u64,
    /// GeoNames feature code; `PCLI`, `ADM1`, `ADM2`, `CONT` for the kinds the matcher
    /// knows.
    pub feature: String,
    pub alternates: Vec<String>,
}

/// Options of [`import_geonames`].
#[derive(Clone, Debug)]
pub struct GeonamesOptions {
    /// Places (feature class P) below this population are left out (admin seats and
    /// capitals are kept).
    pub min_population: u64,
    /// Feature codes of other classes to keep besides countries, ADM1 and ADM2 areas
    /// (by default air bases, airports, military installations and camps).
    pub extra_features: Vec<String>,
    /// Most alternate names kept per record.
    pub max_alternates: usize,
}

impl Default for GeonamesOptions {
    fn default() -> Self {
        GeonamesOptions {
            min_population: 0,
            extra_features: ["AIRB", "AIRF", "AIRP", "MILB", "INSM", "CMPRF", "CMP"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            max_alternates: 40,
        }
    }
}

fn err_at(path: &Path, line: usize, msg: impl std::fmt::Display) -> Error {
    Error::new(format!("{}: line {line}: {msg}", path.display()))
}

/// Reads `path` line by line, calling `f(line_number, line)`; invalid UTF-8 and read
/// errors name the file and line.
fn each_line(path: &Path, mut f: impl FnMut(usize, &str) -> Result<(), Error>) -> Result<(), Error> {
    let file = File::open(path).map_err(|e| Error::new(format!("{}: {e}", path.display())))?;
    let mut r = BufReader::with_capacity(1 << 20, file);
    let mut buf = Vec::new();
    let mut n = 0;
    loop {
        buf.clear();
        let got = r.read_until(b'\n', &mut buf).map_err(|e| err_at(path, n + 1, e))?;
        if got == 0 {
            return Ok(());
        }
        n += 1;
        let line = std::str::from_utf8(&buf).map_err(|_| err_at(path, n, "not UTF-8"))?;
        f(n, line.trim_end_matches(['\n', '\r']))?;
    }
}

fn coord(path: &Path, n: usize, s: &str, what: &str, max: f64) -> Result<f64, Error> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= max => Ok(v),
        _ => Err(err_at(path, n, format!("bad {what} {s:?}"))),
    }
}

fn clean(s: &str) -> String {
    s.replace(['\t', '|', '\n', '\r'], " ").trim().to_string()
}

/// Adds `a` to `alts` unless it folds like the name or one already there.
fn push_alt(seen: &mut HashSet<String>, alts: &mut Vec<String>, a: &str, max: usize) {
    let a = clean(a);
    if a.is_empty() || alts.len() >= max {
        return;
    }
    if seen.insert(name_key(&a)) {
        alts.push(a);
    }
}

/// Imports a GeoNames dump: `main` is `allCountries.txt`, a country file (`IQ.txt`) or
/// `citiesN.txt` (19 tab-separated columns); `alternate_names` an
/// `alternateNamesV2.txt` (or its country file), whose names are added to the
/// records they name (links, codes, historic and colloquial names skipped);
/// `admin1_codes` an `admin1CodesASCII.txt`, whose areas are added as `ADM1` records
/// where `main` has none, placed at the middle of their places. Countries (`PCL*`),
/// first- and second-order areas and populated places are kept, with the extra
/// feature codes of `opts`.
pub fn import_geonames(
    main: &Path,
    alternate_names: Option<&Path>,
    admin1_codes: Option<&Path>,
    opts: &GeonamesOptions,
) -> Result<Vec<Record>, Error> {
    let mut out: Vec<Record> = Vec::new();
    let mut seen: Vec<HashSet<String>> = Vec::new();
    let mut by_id: HashMap<u64, usize> = HashMap::new();
    each_line(main, |n, line| {
        if line.is_empty() || line.starts_with('#') {
            return Ok(());
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 15 {
            return Err(err_at(main, n, format!("{} fields, expected 19", f.len())));
        }
        let id: u64 = f[0].trim().parse().map_err(|_| err_at(main, n, format!("bad geonameid {:?}", f[0])))?;
        let lat = coord(main, n, f[4], "latitude", 90.0)?;
        let lon = coord(main, n, f[5], "longitude", 180.0)?;
        let (class, code) = (f[6], f[7]);
        let population: u64 = f[14].trim().parse().unwrap_or(0);
        let feature = match (class, code) {
            ("A", c) if c.starts_with("PCL") => "PCLI".to_string(),
            ("A", "ADM1") | ("A", "ADM2") => code.to_string(),
            ("P", c) => {
                let seat = matches!(c, "PPLC" | "PPLA" | "PPLA2");
                if population < opts.min_population && !seat {
                    return Ok(());
                }
                c.to_string()
            }
            (_, c) if opts.extra_features.iter().any(|x| x == c) => c.to_string(),
            _ => return Ok(()),
        };
        let name = clean(f[1]);
        if name.is_empty() {
            return Err(err_at(main, n, "empty name"));
        }
        let mut s = HashSet::new();
        s.insert(name_key(&name));
        let mut alternates = Vec::new();
        push_alt(&mut s, &mut alternates, f[2], opts.max_alternates);
        for a in f[3].split(',') {
            push_alt(&mut s, &mut alternates, a, opts.max_alternates);
        }
        let (admin1, admin2) = (f[10].trim().to_string(), f[11].trim().to_string());
        by_id.insert(id, out.len());
        seen.push(s);
        out.push(Record {
            geonames_id: id,
            name,
            country: f[8].trim().to_string(),
            admin1,
            admin2: if feature == "ADM1" || feature == "PCLI" { String::new() } else { admin2 },
            latitude: lat,
            longitude: lon,
            population,
            feature,
            alternates,
        });
        Ok(())
    })?;
    if let Some(path) = alternate_names {
        each_line(path, |n, line| {
            if line.is_empty() {
                return Ok(());
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 4 {
                return Err(err_at(path, n, format!("{} fields, expected 10", f.len())));
            }
            let Ok(id) = f[1].trim().parse::<u64>() else {
                return Err(err_at(path, n, format!("bad geonameid {:?}", f[1])));
            };
            let Some(&i) = by_id.get(&id) else {
                return Ok(());
            };
            let lang = f[2];
            // Links, postal codes, airport codes, pronunciations: not names.
            if lang.len() > 3 || matches!(lang, "iata" | "icao" | "faac" | "tcid" | "abbr" | "unlc") {
                return Ok(());
            }
            let flag = |k: usize| f.get(k).is_some_and(|v| v.trim() == "1");
            if flag(6) || flag(7) {
                return Ok(());
            }
            push_alt(&mut seen[i], &mut out[i].alternates, f[3], opts.max_alternates);
            Ok(())
        })?;
    }
    if let Some(path) = admin1_codes {
        let have: HashSet<(String, String)> =
            out.iter().filter(|r| r.feature == "ADM1").map(|r| (r.country.clone(), r.admin1.clone())).collect();
        // The box of each admin1 area's places.
        // (min lat, max lat, min lon, max lon, population) of each admin1 area's places.
        type Box4 = (f64, f64, f64, f64, u64);
        let mut boxes: HashMap<(String, String), Box4> = HashMap::new();
        for r in out.iter().filter(|r| r.feature.starts_with("PPL")) {
            let b = boxes.entry((r.country.clone(), r.admin1.clone())).or_insert((90.0, -90.0, 180.0, -180.0, 0));
            b.0 = b.0.min(r.latitude);
            b.1 = b.1.max(r.latitude);
            b.2 = b.2.min(r.longitude);
            b.3 = b.3.max(r.longitude);
            b.4 += r.population;
        }
        let mut added = Vec::new();
        each_line(path, |n, line| {
            if line.is_empty() || line.starts_with('#') {
                return Ok(());
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 2 {
                return Err(err_at(path, n, "expected CC.CODE, name, asciiname, geonameid"));
            }
            let Some((cc, code)) = f[0].split_once('.') else {
                return Err(err_at(path, n, format!("bad admin1 code {:?}", f[0])));
            };
            let key = (cc.to_string(), code.to_string());
            if have.contains(&key) {
                return Ok(());
            }
            let Some(&(la0, la1, lo0, lo1, pop)) = boxes.get(&key) else {
                return Ok(());
            };
            let mut alternates = Vec::new();
            let mut s = HashSet::new();
            s.insert(name_key(f[1]));
            if let Some(a) = f.get(2) {
                push_alt(&mut s, &mut alternates, a, opts.max_alternates);
            }
            added.push(Record {
                geonames_id: f.get(3).and_then(|v| v.trim().parse().ok()).unwrap_or(0),
                name: clean(f[1]),
                country: key.0,
                admin1: key.1,
                admin2: String::new(),
                latitude: (la0 + la1) / 2.0,
                longitude: (lo0 + lo1) / 2.0,
                population: pop,
                feature: "ADM1".into(),
                alternates,
            });
            Ok(())
        })?;
        out.extend(added);
    }
    Ok(out)
}

/// Imports a tab-separated Who's On First extract (see the module documentation for
/// the column mapping). Every record's admin1 and admin2 codes are the WOF ids of its
/// region and county ancestors.
pub fn import_wof_tsv(path: &Path) -> Result<Vec<Record>, Error> {
    struct Row {
        id: String,
        parent: String,
        placetype: String,
        rec: Record,
    }
    let mut cols: HashMap<String, usize> = HashMap::new();
    let mut names_cols: Vec<usize> = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    each_line(path, |n, line| {
        if n == 1 {
            for (i, c) in line.split('\t').enumerate() {
                let c = c.trim().to_string();
                if c.starts_with("names_") {
                    names_cols.push(i);
                }
                cols.insert(c, i);
            }
            for c in ["name", "placetype", "country", "lat", "lon"] {
                if !cols.contains_key(c) {
                    return Err(err_at(path, 1, format!("no {c:?} column")));
                }
            }
            return Ok(());
        }
        if line.is_empty() {
            return Ok(());
        }
        let f: Vec<&str> = line.split('\t').collect();
        let get = |c: &str| cols.get(c).and_then(|&i| f.get(i)).map(|s| s.trim()).unwrap_or("");
        if get("is_current") == "0" || !get("deprecated").is_empty() {
            return Ok(());
        }
        let placetype = get("placetype").to_string();
        let feature = match placetype.as_str() {
            "country" => "PCLI",
            "region" | "macroregion" => "ADM1",
            "county" | "macrocounty" | "localadmin" => "ADM2",
            "locality" | "localities" => "PPL",
            "neighbourhood" | "borough" | "macrohood" | "microhood" => "PPLX",
            "campus" => "AIRB",
            _ => return Ok(()),
        };
        let (lat, lon) = if !get("lbl_lat").is_empty() && !get("lbl_lon").is_empty() {
            (coord(path, n, get("lbl_lat"), "lbl_lat", 90.0)?, coord(path, n, get("lbl_lon"), "lbl_lon", 180.0)?)
        } else {
            (coord(path, n, get("lat"), "latitude", 90.0)?, coord(path, n, get("lon"), "longitude", 180.0)?)
        };
        let name = clean(get("name"));
        if name.is_empty() {
            return Err(err_at(path, n, "empty name"));
        }
        let mut seen = HashSet::new();
        seen.insert(name_key(&name));
        let mut alternates = Vec::new();
        for &i in &names_cols {
            for a in f.get(i).copied().unwrap_or("").split('|') {
                push_alt(&mut seen, &mut alternates, a, 60);
            }
        }
        if feature == "AIRB" {
            let bare: Vec<String> = std::iter::once(name.clone())
                .chain(alternates.iter().cloned())
                .filter_map(|a| bare_campus(&a))
                .collect();
            for b in bare {
                push_alt(&mut seen, &mut alternates, &b, 80);
            }
        }
        let geonames_id = match get("geonames_id") {
            "" => 0,
            s => s.parse().map_err(|_| err_at(path, n, format!("bad geonames_id {s:?}")))?,
        };
        rows.push(Row {
            id: get("wof_id").to_string(),
            parent: get("parent_id").to_string(),
            placetype,
            rec: Record {
                geonames_id,
                name,
                country: get("country").to_string(),
                admin1: String::new(),
                admin2: String::new(),
                latitude: lat,
                longitude: lon,
                population: get("population").parse().unwrap_or(0),
                feature: feature.to_string(),
                alternates,
            },
        });
        Ok(())
    })?;
    // Admin codes from the ancestors.
    let index: HashMap<&str, usize> =
        rows.iter().enumerate().filter(|(_, r)| !r.id.is_empty()).map(|(i, r)| (r.id.as_str(), i)).collect();
    let mut codes = Vec::with_capacity(rows.len());
    for r in &rows {
        let (mut a1, mut a2) = (String::new(), String::new());
        let mut cur = Some(r);
        for _ in 0..8 {
            let Some(c) = cur else {
                break;
            };
            match c.rec.feature.as_str() {
                "ADM1" if a1.is_empty() => a1 = c.id.clone(),
                "ADM2" if a2.is_empty() => a2 = c.id.clone(),
                _ => {}
            }
            cur = index.get(c.parent.as_str()).map(|&i| &rows[i]);
        }
        codes.push((a1, a2));
    }
    Ok(rows
        .into_iter()
        .zip(codes)
        .map(|(r, (a1, a2))| {
            let mut rec = r.rec;
            rec.admin1 = a1;
            rec.admin2 = if r.placetype == "region" { String::new() } else { a2 };
            rec
        })
        .collect())
}

/// "Al Asad Airport", "Al-Taqaddum Air Base", "Base aérienne Al-Asad" → the bare name.
fn bare_campus(name: &str) -> Option<String> {
    const WORDS: &[&str] = &[
        "international airport",
        "air base",
        "airbase",
        "airport",
        "airfield",
        "air field",
        "base aerienne",
        "aeroport international",
        "aeroport",
        "base militaire",
        "military base",
        "base",
    ];
    let k = name_key(name);
    for w in WORDS {
        for stripped in [k.strip_suffix(w), k.strip_prefix(w)].into_iter().flatten() {
            let s = stripped.trim();
            if s.len() >= 3 && s != k {
                return Some(s.to_string());
            }
        }
    }
    None
}

/// Writes records in the gazetteer format, gzip'd when `gzip` is set; `sources` goes
/// into the header line (what the records were imported from).
pub fn write_gazetteer<W: Write>(w: W, records: &[Record], sources: &str, gzip: bool) -> std::io::Result<()> {
    if gzip {
        let mut z = flate2::write::GzEncoder::new(w, flate2::Compression::default());
        write_tsv(&mut z, records, sources)?;
        z.finish()?;
        Ok(())
    } else {
        let mut w = std::io::BufWriter::new(w);
        write_tsv(&mut w, records, sources)?;
        w.flush()
    }
}

fn write_tsv<W: Write>(w: &mut W, records: &[Record], sources: &str) -> std::io::Result<()> {
    writeln!(w, "#sitrep-gazetteer\tv1\t{}", sources.replace(['\n', '\r'], " "))?;
    for r in records {
        let alts: Vec<String> = r.alternates.iter().map(|a| clean(a)).filter(|a| !a.is_empty()).collect();
        writeln!(
            w,
            "{}\t{}\t{}\t{}\t{}\t{:.5}\t{:.5}\t{}\t{}\t{}",
            r.geonames_id,
            clean(&r.name),
            clean(&r.country),
            clean(&r.admin1),
            clean(&r.admin2),
            r.latitude,
            r.longitude,
            r.population,
            clean(&r.feature),
            alts.join("|")
        )?;
    }
    Ok(())
}

/// The records as a gazetteer (what writing and reading them back gives).
pub fn gazetteer_from_records(records: &[Record], sources: &str) -> Result<crate::Gazetteer, Error> {
    let mut buf = Vec::new();
    write_tsv(&mut buf, records, sources).map_err(|e| Error::new(e.to_string()))?;
    let s = String::from_utf8(buf).map_err(|e| Error::new(e.to_string()))?;
    crate::Gazetteer::from_tsv(&s)
}
