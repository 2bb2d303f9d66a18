//! Importers, the writer, and a user's gazetteer merged over the embedded one.

use std::path::{Path, PathBuf};

use sitrep_geo::{
    find_places, gazetteer_from_records, import_geonames, import_wof_tsv, write_gazetteer, Gazetteer, GeonamesOptions,
};
use sitrep_text::Text;

fn tmp(name: &str, content: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-geo-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

const ALL: &str = "\
99237\tIraq\tIraq\tIrak,Republic of Iraq\t33.0\t44.0\tA\tPCLI\tIQ\t\t00\t\t\t\t38000000\t\t\tAsia/Baghdad\t2020-01-01
99062\tNasiriyah\tNasiriyah\tAn Nasiriyah,Nassiriya\t31.05799\t46.25726\tP\tPPLA\tIQ\t\t09\t\t\t\t400249\t\t\tAsia/Baghdad\t2020-01-01
7\tSpring\tSpring\t\t31.0\t46.0\tH\tSPNG\tIQ\t\t09\t\t\t\t0\t\t\tAsia/Baghdad\t2020-01-01
8\tAl Asad Air Base\tAl Asad Air Base\t\t33.79\t42.44\tS\tAIRB\tIQ\t\t01\t\t\t\t0\t\t\tAsia/Baghdad\t2020-01-01
";

#[test]
fn geonames_dump_imports_with_alternates_and_admin1() {
    let main = tmp("IQ.txt", ALL.as_bytes());
    let alt = tmp(
        "alt.txt",
        "1\t99062\tfr\tNassiriyah\t\t\t\t\t\t\n2\t99062\tlink\thttps://x\t\t\t\t\t\t\n3\t99062\ten\tOld Name\t\t\t\t1\t\t\n".as_bytes(),
    );
    let a1 = tmp("admin1.txt", "IQ.09\tDhi Qar\tDhi Qar\t99347\n".as_bytes());
    let recs = import_geonames(&main, Some(&alt), Some(&a1), &GeonamesOptions::default()).unwrap();
    let names: Vec<&str> = recs.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, vec!["Iraq", "Nasiriyah", "Al Asad Air Base", "Dhi Qar"]);
    let nas = &recs[1];
    assert!(nas.alternates.iter().any(|a| a == "Nassiriyah"));
    assert!(!nas.alternates.iter().any(|a| a.starts_with("http") || a == "Old Name"));
    assert_eq!(recs[3].feature, "ADM1");
    assert_eq!(recs[3].admin1, "09");

    // Written and read back.
    let mut gz = Vec::new();
    write_gazetteer(&mut gz, &recs, "test", true).unwrap();
    let p = tmp("out.tsv.gz", &gz);
    let g = Gazetteer::from_path(&p).unwrap();
    assert_eq!(g.places().len(), 4);
    assert_eq!(g.admin1("IQ", "09").unwrap().name.as_ref(), "Dhi Qar");
    let t = Text::new("Une explosion à Nassiriyah.");
    let m = find_places(&t, "fr", &g);
    assert_eq!(m[0].name, "Nasiriyah");
    assert_eq!(m[0].admin1.as_deref(), Some("Dhi Qar"));
}

#[test]
fn bad_rows_name_the_file_and_line() {
    let bad = ALL.replace("31.05799", "131.05799");
    let p = tmp("bad.txt", bad.as_bytes());
    let e = import_geonames(&p, None, None, &GeonamesOptions::default()).unwrap_err().to_string();
    assert!(e.contains("bad.txt: line 2: bad latitude"), "{e}");
    let p = tmp("latin1.txt", b"1\tZ\xe9ro\tZero\t\t1\t1\tP\tPPL\tFR\t\t11\t\t\t\t10\t\t\t\t\n");
    let e = import_geonames(&p, None, None, &GeonamesOptions::default()).unwrap_err().to_string();
    assert!(e.contains("line 1: not UTF-8"), "{e}");
    let p = tmp("short.txt", b"1\tZero\n");
    assert!(import_geonames(&p, None, None, &GeonamesOptions::default()).is_err());

    // Gazetteer files: bad record, truncated gzip, no header.
    let p = tmp(
        "g.tsv",
        b"#sitrep-gazetteer\tv1\n# comment\n1\tA\tIQ\t\t\t33\t44\t0\tPPL\t\n2\tB\tIQ\t\t\tx\t44\t0\tPPL\t\n",
    );
    let e = Gazetteer::from_path(&p).unwrap_err().to_string();
    assert!(e.contains("g.tsv: line 4: bad number"), "{e}");
    let mut gz = Vec::new();
    write_gazetteer(&mut gz, &[], "t", true).unwrap();
    let p = tmp("t.tsv.gz", &gz[..gz.len() / 2]);
    let e = Gazetteer::from_path(&p).unwrap_err().to_string();
    assert!(e.contains("t.tsv.gz"), "{e}");
    let p = tmp("h.tsv", b"1\tA\tIQ\t\t\t33\t44\t0\tPPL\t\n");
    assert!(Gazetteer::from_path(&p).unwrap_err().to_string().contains("header"));
}

fn wof_iq() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/gazetteer/wof_admin_iq.tsv");
    p.exists().then_some(p)
}

#[test]
fn wof_extract_merged_over_the_embedded_gazetteer() {
    let Some(path) = wof_iq() else {
        eprintln!("skipped: no wof_admin_iq.tsv");
        return;
    };
    let recs = import_wof_tsv(&path).unwrap();
    assert!(recs.len() > 20_000, "{}", recs.len());
    let extra = gazetteer_from_records(&recs, "wof_admin_iq.tsv").unwrap();
    let g = Gazetteer::merged(Gazetteer::embedded(), extra);
    let run = |s: &str| {
        let t = Text::new(s);
        find_places(&t, "fr", &g)
            .into_iter()
            .filter(|m| !m.is_country)
            .map(|m| (t.slice(m.start, m.end).to_string(), m.name, m.latitude, m.longitude, m.geo_precision))
            .collect::<Vec<_>>()
    };
    let near = |r: &[(String, String, f64, f64, u8)], text: &str, lat: f64, lon: f64| {
        let m = r.iter().find(|m| m.0 == text).unwrap_or_else(|| panic!("{text} not found in {r:?}"));
        assert!((m.2 - lat).abs() < 0.2 && (m.3 - lon).abs() < 0.2, "{text}: {m:?}");
    };
    let r = run("Des roquettes sont tombées sur Amerli, dans la province de Salah al-Din, en Irak.");
    near(&r, "Amerli", 34.72, 44.59);
    let r = run("Les combattants ont attaqué Jurf Al-Nasr, au nord de Babel, en Irak.");
    near(&r, "Jurf Al-Nasr", 32.87, 44.19);
    let r = run("Des roquettes ont visé la base d'Ain al-Assad, dans la province d'Al-Anbar, en Irak.");
    near(&r, "Ain al-Assad", 33.8, 42.43);
    // Mosul keeps its population (and its rank) when the WOF record replaces it.
    let r = run("Une attaque à Mossoul.");
    near(&r, "Mossoul", 36.34, 43.13);
}

#[test]
fn merged_extra_replaces_and_recodes() {
    let base = Gazetteer::from_tsv(
        "#sitrep-gazetteer\tv1\tbase\n\
         99237\tIraq\tIQ\t\t\t33.0\t44.0\t38000000\tPCLI\tIrak\n\
         99347\tDhi Qar\tIQ\t09\t\t31.0\t46.2\t1800000\tADM1\t\n\
         99062\tNasiriyah\tIQ\t09\t\t31.05\t46.25\t400000\tPPLA\tAn Nasiriyah\n",
    )
    .unwrap();
    // A WOF-like extract: the region under its own code, the city without population,
    // a village only it knows.
    let extra = Gazetteer::from_tsv(
        "#sitrep-gazetteer\tv1\textra\n\
         99347\tThi Qar\tIQ\tw85\t\t31.0\t46.2\t0\tADM1\tDhi Qar\n\
         99062\tNasiriyah\tIQ\tw85\t\t31.06\t46.26\t0\tPPL\tNassiriya\n\
         0\tSouq al-Shuyukh Village\tIQ\tw85\t\t30.88\t46.46\t0\tPPL\tSuq ash Shuyukh\n",
    )
    .unwrap();
    let g = Gazetteer::merged(&base, extra);
    assert!(g.header().contains("base") && g.header().contains("extra"));
    let hits = g.lookup("Nasiriyah");
    assert_eq!(hits.len(), 1, "the base entry is replaced");
    let p = g.place(hits[0].0);
    assert_eq!((p.population, p.admin1.as_ref(), p.feature.as_ref()), (400000, "09", "PPLA"));
    let v = g.place(g.lookup("Suq ash Shuyukh")[0].0);
    assert_eq!(v.admin1.as_ref(), "09", "extra's region code becomes the base's");
    assert_eq!(g.admin1("IQ", "09").unwrap().name.as_ref(), "Thi Qar");
    let t = Text::new("Une attaque à Nassiriya, au sud de l'Irak.");
    let m = find_places(&t, "fr", &g);
    assert_eq!((m[0].name.as_str(), m[0].admin1.as_deref()), ("Nasiriyah", Some("Thi Qar")));
}

/// The error of reading `content` as a gazetteer file named `name`; it must name the file.
fn gaz_err(name: &str, content: &[u8]) -> String {
    let p = tmp(name, content);
    let e = Gazetteer::from_path(&p).expect_err(name).to_string();
    assert!(e.contains(name), "{e}");
    e
}

#[test]
fn corrupt_gazetteer_files_are_errors_naming_file_and_line() {
    const HEAD: &str = "#sitrep-gazetteer\tv1\n";
    let row =
        |lat: &str, lon: &str| format!("{HEAD}1\tA\tIQ\t\t\t33\t44\t0\tPPL\t\n2\tB\tIQ\t\t\t{lat}\t{lon}\t0\tPPL\t\n");
    for (lat, lon) in [("NaN", "44"), ("33", "inf"), ("-91", "44"), ("33", "180.5"), ("", "44"), ("3x", "44")] {
        let e = gaz_err("coord.tsv", row(lat, lon).as_bytes());
        assert!(e.contains("line 3:") && (e.contains("bad number") || e.contains("out of range")), "{lat} {lon}: {e}");
    }
    // Wrong column counts, a bad id or population.
    let e = gaz_err("short.tsv", format!("{HEAD}1\tA\tIQ\t\t33\n").as_bytes());
    assert!(e.contains("line 2: 5 fields, expected 10"), "{e}");
    let e = gaz_err("long.tsv", format!("{HEAD}1\tA\tIQ\t\t\t33\t44\t0\tPPL\t\textra\n").as_bytes());
    assert!(e.contains("line 2: 11 fields, expected 10"), "{e}");
    let e = gaz_err("id.tsv", format!("{HEAD}12a\tA\tIQ\t\t\t33\t44\t0\tPPL\t\n").as_bytes());
    assert!(e.contains("line 2: bad number \"12a\""), "{e}");
    // A row that is not UTF-8, plain or gzip'd.
    let mut latin1 = format!("{HEAD}1\tA\tIQ\t\t\t33\t44\t0\tPPL\t\n").into_bytes();
    latin1.extend_from_slice(b"2\tZ\xe9ro\tIQ\t\t\t33\t44\t0\tPPL\t\n");
    assert!(gaz_err("latin1.tsv", &latin1).contains("line 3: not UTF-8"));
    let mut gz = Vec::new();
    {
        use std::io::Write;
        let mut w = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::default());
        w.write_all(&latin1).unwrap();
        w.finish().unwrap();
    }
    assert!(gaz_err("latin1.tsv.gz", &gz).contains("line 3: not UTF-8"));
    // Garbage, and gzip magic followed by garbage.
    gaz_err("garbage.bin", &[0x00, 0xff, 0xfe, 0x80, 0x13, 0x37]);
    let e = gaz_err("garbage.gz", &[0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02]);
    assert!(e.contains("cannot decompress"), "{e}");
    // A real gazetteer, gzip'd, truncated anywhere.
    let main = tmp("IQ2.txt", ALL.as_bytes());
    let recs = import_geonames(&main, None, None, &GeonamesOptions::default()).unwrap();
    let mut gz = Vec::new();
    write_gazetteer(&mut gz, &recs, "test", true).unwrap();
    for cut in [1, 2, 10, gz.len() / 3, gz.len() / 2, gz.len() - 9, gz.len() - 1] {
        gaz_err("cut.tsv.gz", &gz[..cut]);
    }
}

#[test]
fn compact_gazetteers_round_trip_and_reject_any_damage() {
    let main = tmp("IQ3.txt", ALL.as_bytes());
    let recs = import_geonames(&main, None, None, &GeonamesOptions::default()).unwrap();
    let g = gazetteer_from_records(&recs, "test").unwrap();
    let bytes = g.to_compact();
    let p = tmp("iq.gaz", &bytes);
    let back = Gazetteer::from_path(&p).unwrap();
    assert_eq!(back.places(), g.places());
    assert_eq!(back.header(), g.header());
    assert_eq!(back.lookup("Nassiriya"), g.lookup("Nassiriya"));
    assert_eq!(back.candidates("nassiriyah"), g.candidates("nassiriyah"));
    // Truncated anywhere, or any byte changed: an error, never a panic or a wrong place.
    for cut in 0..bytes.len() {
        assert!(Gazetteer::from_compact(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    for i in 0..bytes.len() {
        let mut b = bytes.clone();
        b[i] ^= 0x20;
        assert!(Gazetteer::from_compact(&b).is_err(), "byte {i} changed");
    }
    let e = gaz_err("cut.gaz", &bytes[..bytes.len() / 2]);
    assert!(e.contains("truncated or corrupt"), "{e}");
}

#[test]
fn importer_rows_with_bad_coordinates_or_encoding_name_the_line() {
    // GeoNames dump: NaN, infinite and out-of-range coordinates.
    for (lat, lon) in [("NaN", "46.2"), ("31.0", "inf"), ("31.0", "-181"), ("", "46.2")] {
        let bad = ALL.replace("31.05799\t46.25726", &format!("{lat}\t{lon}"));
        let p = tmp("geo_bad.txt", bad.as_bytes());
        let e = import_geonames(&p, None, None, &GeonamesOptions::default()).unwrap_err().to_string();
        assert!(e.contains("geo_bad.txt: line 2: bad l"), "{lat} {lon}: {e}");
    }
    // Who's On First extract: bad coordinates, a row that is not UTF-8, a short row.
    let head = "wof_id\tparent_id\tname\tplacetype\tcountry\tlat\tlon\tnames_fra\n";
    let ok = "1\t\tBaghdad\tlocality\tIQ\t33.3\t44.4\tBagdad\n";
    for (row, want) in [
        ("2\t\tX\tlocality\tIQ\tNaN\t44.4\t\n", "line 3: bad latitude"),
        ("2\t\tX\tlocality\tIQ\t33.3\t444\t\n", "line 3: bad longitude"),
        ("2\t\tX\tlocality\tIQ\t\t\t\n", "line 3: bad latitude"),
        ("2\t\tX\tlocality\n", "line 3: bad latitude"),
    ] {
        let p = tmp("wof_bad.tsv", format!("{head}{ok}{row}").as_bytes());
        let e = import_wof_tsv(&p).unwrap_err().to_string();
        assert!(e.contains("wof_bad.tsv: ") && e.contains(want), "{row:?}: {e}");
    }
    let mut b = format!("{head}{ok}").into_bytes();
    b.extend_from_slice(b"2\t\tZ\xe9ro\tlocality\tIQ\t33.3\t44.4\t\n");
    let p = tmp("wof_latin1.tsv", &b);
    let e = import_wof_tsv(&p).unwrap_err().to_string();
    assert!(e.contains("wof_latin1.tsv: line 3: not UTF-8"), "{e}");
}
