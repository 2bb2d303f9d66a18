//! `sitrep train` and `sitrep code --model` end to end, on small synthetic data written
//! for these tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sitrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep")).args(args).current_dir(root()).output().expect("sitrep runs")
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("sitrep-train-test-{}-{name}", std::process::id()))
}

const TOWNS: &[&str] = &["Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret", "Garissa", "Thika", "Malindi"];
const WHO: &[&str] = &["Teachers", "Nurses", "Traders", "Students", "Farmers", "Workers"];

/// Protests that the rules code as peaceful, labelled as if the user's coders called every
/// march with placards a protest with intervention, and attacks labelled as attacks.
fn corpus() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for (i, town) in TOWNS.iter().enumerate() {
        for (j, who) in WHO.iter().enumerate() {
            let day = 1 + (i * WHO.len() + j) % 27;
            out.push((
                format!("On {day} March 2019, {who} marched with placards in {town} demanding better pay."),
                "Protest with intervention",
            ));
            out.push((
                format!("On {day} March 2019, gunmen attacked a village near {town} and killed {} civilians.", j + 2),
                "Attack",
            ));
        }
    }
    out
}

fn jsonl(data: &[(String, &str)]) -> String {
    data.iter()
        .enumerate()
        .map(|(i, (text, sub))| {
            serde_json::json!({
                "id": format!("t{i}"), "lang": "en", "published": "2019-03-28", "text": text,
                "events": [{"sub_event_type": sub}],
            })
            .to_string()
                + "\n"
        })
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn trains_cross_validates_and_code_uses_the_model() {
    let data = temp("data.jsonl");
    let model = temp("model.bin");
    std::fs::write(&data, jsonl(&corpus())).unwrap();
    let out = sitrep(
        &["train", "--folds", "3", "--epochs", "5", "--min-count", "1", "--output"]
            .into_iter()
            .chain([model.to_str().unwrap(), data.to_str().unwrap()])
            .collect::<Vec<_>>(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    for fold in 1..=3 {
        assert!(report.contains(&format!("fold {fold}: sub-event type accuracy")), "{report}");
    }
    assert!(report.contains("3-fold cross-validation: sub-event type accuracy 1.0000"), "{report}");
    let bytes = std::fs::read(&model).unwrap();
    assert!(bytes.starts_with(b"sitrep-model-v4\n"));

    // The rules call this march peaceful; the model, trained on the user's coding, retypes it.
    let doc = temp("doc.txt");
    std::fs::write(&doc, "On 5 April 2019, Doctors marched with placards in Nyeri demanding better pay.\n").unwrap();
    let rules = sitrep(&["code", "--input-format", "text", "--published", "2019-04-06", doc.to_str().unwrap()]);
    let coded = sitrep(&[
        "code",
        "--input-format",
        "text",
        "--published",
        "2019-04-06",
        "--model",
        model.to_str().unwrap(),
        doc.to_str().unwrap(),
    ]);
    assert!(coded.status.success(), "{}", stderr(&coded));
    let first = |o: &Output| -> serde_json::Value {
        let line = String::from_utf8_lossy(&o.stdout).lines().next().unwrap_or("{}").to_string();
        serde_json::from_str(&line).unwrap()
    };
    assert_eq!(first(&rules)["sub_event_type"], "Peaceful protest");
    assert_eq!(first(&coded)["sub_event_type"], "Protest with intervention");
    assert_eq!(first(&coded)["event_type"], "Protests");

    // A damaged model file is refused with the file's name and what is wrong with it.
    let cut = temp("cut.bin");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let mut v2 = b"sitrep-model-v2\n".to_vec();
    v2.extend_from_slice(&bytes[16..]);
    let old = temp("old.bin");
    std::fs::write(&old, &v2).unwrap();
    let mut flipped = bytes.clone();
    let at = bytes.len() / 2;
    flipped[at] ^= 0x10;
    let corrupt = temp("corrupt.bin");
    std::fs::write(&corrupt, &flipped).unwrap();
    for (file, says) in [(&cut, "truncated"), (&old, "sitrep-model-v2"), (&corrupt, "corrupt")] {
        let bad = sitrep(&["code", "--model", file.to_str().unwrap(), doc.to_str().unwrap()]);
        assert_eq!(bad.status.code(), Some(2));
        let e = stderr(&bad);
        assert!(e.contains(file.to_str().unwrap()) && e.contains(says), "{e}");
    }
    for f in [&data, &model, &doc, &cut, &old, &corrupt] {
        std::fs::remove_file(f).ok();
    }
}

#[test]
fn trains_on_an_acled_csv_export() {
    let data = temp("export.csv");
    let mut csv = String::from("event_date,sub_event_type,country,notes\n");
    for (text, sub) in corpus() {
        csv.push_str(&format!("2019-03-28,{sub},Kenya,\"{text}\"\n"));
    }
    std::fs::write(&data, csv).unwrap();
    let out = sitrep(&[
        "train",
        "--folds",
        "2",
        "--epochs",
        "3",
        "--hidden-epochs",
        "4",
        "--min-count",
        "1",
        data.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("96 labelled documents"), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2-fold cross-validation"));
    // The regression alone, without the network.
    let model = temp("linear.bin");
    let out = sitrep(&["train", "--hidden", "0", "--output", model.to_str().unwrap(), data.to_str().unwrap()]);
    std::fs::remove_file(&data).ok();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("0 in the network"), "{}", stderr(&out));
    assert!(std::fs::read(&model).unwrap().starts_with(b"sitrep-model-v4\n"));
    std::fs::remove_file(&model).ok();
}
