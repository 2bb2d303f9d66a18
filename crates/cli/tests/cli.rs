//! End-to-end tests of the `sitrep` binary: real files in, contract-valid output out.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    p.join("seeds").exists().then_some(p)
}

fn sitrep(args: &[&str], stdin: Option<&str>) -> Output {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    cmd.args(args).current_dir(root());
    cmd.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("sitrep runs");
    let mut input = child.stdin.take().unwrap();
    if let Some(s) = stdin {
        input.write_all(s.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

const TYPES: &[(&str, &[&str])] = &[
    ("Battles", &["Armed clash", "Government regains territory", "Non-state actor overtakes territory"]),
    (
        "Explosions/Remote violence",
        &[
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ],
    ),
    ("Violence against civilians", &["Sexual violence", "Attack", "Abduction/forced disappearance"]),
    ("Protests", &["Peaceful protest", "Protest with intervention", "Excessive force against protesters"]),
    ("Riots", &["Violent demonstration", "Mob violence"]),
    (
        "Strategic developments",
        &[
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ],
    ),
];

/// Checks one event against contract §2, and that every evidence span slices `text`.
fn assert_valid_event(e: &Value, text: &str) {
    let s = |k: &str| e[k].as_str().unwrap_or_else(|| panic!("{k} is not a string in {e}"));
    for k in ["event_id", "doc_id", "event_type", "sub_event_type", "status", "sentence"] {
        s(k);
    }
    let subs = TYPES.iter().find(|(t, _)| *t == s("event_type")).map(|(_, subs)| *subs);
    assert!(subs.is_some_and(|subs| subs.contains(&s("sub_event_type"))), "bad type pair in {e}");
    if let Some(d) = e["event_date"].as_str() {
        let shape = d.len() == 10 || d.len() == 7 || d.len() == 4;
        assert!(shape && d.chars().all(|c| c.is_ascii_digit() || c == '-'), "bad event_date {d}");
        assert!(["day", "week", "month", "year"].contains(&s("date_precision")));
    }
    assert!(["reported", "claimed", "alleged", "denied", "foiled", "planned"].contains(&s("status")));
    assert!(e["fatalities"].is_u64() && e["fatalities_known"].is_boolean() && e["background"].is_boolean());
    let c = e["confidence"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&c));
    if let Some(country) = e["country"].as_str() {
        assert!(country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase()), "country {country}");
    }
    for k in ["inter1", "inter2"] {
        assert!(e[k].is_null() || (1..=8).contains(&e[k].as_u64().unwrap()), "{k} in {e}");
    }
    let chars: Vec<char> = text.chars().collect();
    let evidence = e["evidence"].as_array().unwrap();
    assert!(evidence.iter().any(|x| x["field"] == "sub_event_type"), "no trigger evidence in {e}");
    for ev in evidence {
        let (a, b) = (ev["start"].as_u64().unwrap() as usize, ev["end"].as_u64().unwrap() as usize);
        assert!(a < b && b <= chars.len(), "evidence out of range: {ev}");
        let slice: String = chars[a..b].iter().collect();
        assert_eq!(slice, ev["text"].as_str().unwrap(), "evidence does not slice the text");
    }
    let sentence = s("sentence");
    assert!(text.contains(sentence), "the sentence is not in the text");
    assert!(!e["sources"].as_array().unwrap().is_empty());
}

#[test]
fn seeds_read_the_same_from_text_files_and_json_lines() {
    let Some(shared) = shared() else { return };
    let seeds = shared.join("seeds");
    let mut txt: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    txt.sort();
    let args: Vec<&str> = std::iter::once("code").chain(txt.iter().map(|p| p.to_str().unwrap())).collect();
    let from_txt = sitrep(&args, None);
    assert!(from_txt.status.success(), "{}", String::from_utf8_lossy(&from_txt.stderr));
    let jsonl = shared.join("eval/dev/events_seeds.jsonl");
    let from_jsonl = sitrep(&["code", jsonl.to_str().unwrap()], None);
    assert!(from_jsonl.status.success());
    let (a, b) = (lines(&from_txt), lines(&from_jsonl));
    assert!(a.len() >= 2, "the seeds code to at least one event each");
    assert_eq!(a, b, "the seeds must code the same from .txt and from JSON Lines");

    let texts: HashMap<String, String> = std::fs::read_to_string(&jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|d| (d["id"].as_str().unwrap().to_string(), d["text"].as_str().unwrap().to_string()))
        .collect();
    for e in &a {
        assert_valid_event(e, &texts[e["doc_id"].as_str().unwrap()]);
    }
}

#[test]
fn seed_article_main_event() {
    let Some(shared) = shared() else { return };
    let out = sitrep(&["code", shared.join("seeds/000_c186b72b7e17658b.txt").to_str().unwrap()], None);
    let events = lines(&out);
    let main = &events[0];
    assert_eq!(main["sub_event_type"], "Remote explosive/landmine/IED");
    assert_eq!(main["event_date"], "2021-09-22");
    assert_eq!(main["country"], "IQ");
    assert_eq!(main["fatalities"], 0);
    assert_eq!(main["fatalities_known"], true);
}

#[test]
fn bundled_examples_code_and_every_event_is_valid() {
    let out = sitrep(&["code", "examples/"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let events = lines(&out);
    let docs: Vec<&str> = events.iter().map(|e| e["doc_id"].as_str().unwrap()).collect();
    for id in ["fr_kirkouk_convoi", "fr_namentenga_village", "ex-en-001", "ex-en-002"] {
        assert!(docs.contains(&id), "no event from {id}: {docs:?}");
    }
    assert!(!docs.contains(&"ex-en-003"), "floods are not a political-violence event");
    let ann = sitrep(&["annotate", "examples/"], None);
    assert!(lines(&ann).len() >= 6, "every example document is annotated");
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("documents read"), "summary line on stderr: {summary}");
}

#[test]
fn annotations_slice_the_text() {
    let text = "Le 3 janvier 2020, des hommes armés ont tué deux civils à Ouagadougou, au Burkina Faso.";
    let input = serde_json::json!({"id": "t1", "text": text, "published": "2020-01-05"}).to_string();
    let out = sitrep(&["annotate"], Some(&input));
    assert!(out.status.success());
    let a = &lines(&out)[0];
    assert_eq!(a["doc_id"], "t1");
    assert_eq!(a["lang"], "fr");
    let chars: Vec<char> = text.chars().collect();
    let mentions = a["mentions"].as_array().unwrap();
    assert!(mentions.iter().any(|m| m["kind"] == "date" && m["value"] == "2020-01-03"), "{a}");
    assert!(mentions.iter().any(|m| m["kind"] == "actor"), "{a}");
    for m in mentions {
        let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[s..e].iter().collect::<String>(), m["text"].as_str().unwrap());
    }
}

#[test]
fn bad_input_is_reported_and_the_run_goes_on() {
    let input = "{\"id\": \"a\", \"text\": \"Des manifestants ont marché à Bobo-Dioulasso.\"}\n{not json\n{\"id\": \"c\"}\n{\"id\": \"d\", \"text\": \"Protesters marched in Nairobi on Monday.\"}\n";
    let out = sitrep(&["code"], Some(input));
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("-:2"), "line 2 named: {err}");
    assert!(err.contains("-:3"), "line 3 named: {err}");
    assert!(err.contains("2 documents read") && err.contains("2 skipped"), "{err}");
    let ids: Vec<String> = lines(&out).iter().map(|e| e["doc_id"].as_str().unwrap().to_string()).collect();
    assert!(ids.contains(&"a".to_string()) && ids.contains(&"d".to_string()), "{ids:?}");
}

#[test]
fn nothing_readable_is_an_error() {
    let out = sitrep(&["code", "no/such/file.txt"], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    let out = sitrep(&["code", "--format", "xml"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn csv_and_geojson_outputs() {
    let out = sitrep(&["code", "--format", "csv", "examples/"], None);
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("event_id,event_date,date_precision,event_type,sub_event_type,actor1,"));
    assert!(csv.lines().count() > 2);

    let out = sitrep(&["code", "--format", "geojson", "examples/"], None);
    let g: Value = serde_json::from_slice(&out.stdout).expect("GeoJSON is one JSON document");
    assert_eq!(g["type"], "FeatureCollection");
    let features = g["features"].as_array().unwrap();
    assert!(!features.is_empty());
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert!(f["geometry"].is_null() || f["geometry"]["coordinates"].as_array().unwrap().len() == 2);
    }
}

#[test]
fn a_50_mb_document_is_reported_and_skipped() {
    let dir = std::env::temp_dir().join(format!("sitrep-cli-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.txt");
    let line = "Des manifestants ont marché lundi à Ouagadougou pour réclamer des routes.\n";
    let text = line.repeat(50_000_000 / line.len() + 1);
    std::fs::write(&big, text).unwrap();
    std::fs::write(dir.join("small.txt"), line).unwrap();
    let out = sitrep(&["code", dir.to_str().unwrap()], None);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(out.status.success(), "{err}");
    assert!(err.contains("big.txt") && err.contains("exceeds the limit"), "{err}");
    assert!(err.contains("1 documents read") && err.contains("1 skipped"), "{err}");
    assert_eq!(lines(&out).len(), 1, "the small document is still coded");
}

#[test]
fn invalid_utf8_is_replaced_and_flagged() {
    let dir = std::env::temp_dir().join(format!("sitrep-cli-utf8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("latin1.txt");
    std::fs::write(&file, b"Des manifestants ont march\xe9 lundi \xe0 Bobo-Dioulasso.\n").unwrap();
    let out = sitrep(&["annotate", file.to_str().unwrap()], None);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(out.status.success());
    assert!(err.contains("invalid UTF-8"), "{err}");
    assert_eq!(lines(&out).len(), 1);
}

#[test]
fn absurd_dates_are_flagged_not_resolved() {
    let input = serde_json::json!({"id": "d", "published": "2019-06-01",
        "text": "Le 31 février, des hommes armés ont attaqué Kaya et tué deux civils."})
    .to_string();
    let out = sitrep(&["annotate"], Some(&input));
    let a = &lines(&out)[0];
    let date = a["mentions"].as_array().unwrap().iter().find(|m| m["kind"] == "date").expect("a date mention");
    assert_eq!(date["text"], "Le 31 février");
    assert!(date["value"].is_null(), "{date}");
    assert!(date["warnings"][0].as_str().unwrap().contains("not a real calendar date"));
    let out = sitrep(&["code"], Some(&input));
    let e = &lines(&out)[0];
    assert_ne!(e["event_date"], "2019-02-28");
    assert!(e["evidence"].as_array().unwrap().iter().all(|x| x["field"] != "event_date"));
}

#[test]
fn explain_shows_the_words_and_rules_behind_each_field() {
    let out = sitrep(&["explain", "examples/en_dispatches.jsonl"], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("== ex-en-002"), "{text}");
    assert!(text.contains("\"roadside bomb\"") && text.contains("en/events.tsv:"), "{text}");
    assert!(text.contains("no event coded"), "the floods dispatch is explained as no event: {text}");
}

#[test]
fn a_who_s_on_first_extract_imports_and_places_the_seeds_small_places() {
    let Some(shared) = shared() else { return };
    let wof = shared.join("data/gazetteer/wof_admin_iq.tsv");
    if !wof.exists() {
        return;
    }
    let out_file = std::env::temp_dir().join(format!("sitrep-wof-{}.tsv.gz", std::process::id()));
    let out = sitrep(
        &["gazetteer", "import", "--from", "wof", "--output", out_file.to_str().unwrap(), wof.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let seed = shared.join("seeds/000_c186b72b7e17658b.txt");
    let out = sitrep(&["code", "--gazetteer", out_file.to_str().unwrap(), seed.to_str().unwrap()], None);
    std::fs::remove_file(&out_file).ok();
    let locations: Vec<String> =
        lines(&out).iter().filter_map(|e| e["location"].as_str().map(str::to_string)).collect();
    assert!(locations.iter().any(|l| l == "Amirli"), "{locations:?}");
    assert!(locations.iter().any(|l| l.contains("Jurf")), "{locations:?}");
    let bad = sitrep(&["code", "--gazetteer", "no/such/gazetteer.tsv", seed.to_str().unwrap()], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no/such/gazetteer.tsv"));
}

#[test]
fn train_cross_validates_writes_a_model_and_code_uses_it() {
    let Some(shared) = shared() else { return };
    let data = shared.join("eval/dev/events_fr_dev.jsonl");
    let model = std::env::temp_dir().join(format!("sitrep-model-{}.bin", std::process::id()));
    let out = sitrep(&["train", "--folds", "2", "--output", model.to_str().unwrap(), data.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(report.contains("2-fold cross-validation: sub-event type accuracy"), "{report}");
    let coded = sitrep(&["code", "--model", model.to_str().unwrap(), "examples/"], None);
    assert!(coded.status.success());
    assert!(!lines(&coded).is_empty());
    std::fs::write(&model, b"not a model").unwrap();
    let bad = sitrep(&["code", "--model", model.to_str().unwrap(), "examples/"], None);
    std::fs::remove_file(&model).ok();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a sitrep model file"));
}
