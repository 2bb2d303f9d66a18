//! `sitrep train`: a sub-event type model learned from the user's own coded documents
//! (JSON Lines with `text` and ACLED-style `events`), with k-fold cross-validation.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter};
use std::process::ExitCode;
use std::time::Instant;

use sitrep_code::{Engine, Example, Model};
use sitrep_core::{Document, Lang, PartialDate, SubEventType};

use crate::args::TrainOpts;

/// A labelled document: the features, the label, and what the rules alone coded.
struct Labelled {
    example: Example,
    rules: Option<SubEventType>,
}

pub fn train(o: &TrainOpts) -> ExitCode {
    let started = Instant::now();
    let engine = Engine::new();
    let mut data: Vec<Labelled> = Vec::new();
    let mut skipped = 0;
    for path in &o.inputs {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("sitrep train: {}: {e}", path.display());
                return ExitCode::from(1);
            }
        };
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let Ok(line) = line else {
                eprintln!("sitrep train: {}:{}: not UTF-8", path.display(), n + 1);
                skipped += 1;
                continue;
            };
            if line.trim().is_empty() {
                continue;
            }
            match labelled(&engine, &line) {
                Some(l) => data.push(l),
                None => skipped += 1,
            }
        }
    }
    if data.len() < o.folds.max(2) {
        eprintln!("sitrep train: {} labelled documents: too few to train on", data.len());
        return ExitCode::from(1);
    }
    eprintln!("sitrep train: {} labelled documents ({skipped} without a label or unreadable)", data.len());
    if o.folds > 1 {
        let (mut right, mut rules_right) = (0usize, 0usize);
        for fold in 0..o.folds {
            let train: Vec<Example> =
                data.iter().enumerate().filter(|(i, _)| i % o.folds != fold).map(|(_, l)| l.example.clone()).collect();
            let model = Model::train(&train, o.epochs);
            let test: Vec<&Labelled> =
                data.iter().enumerate().filter(|(i, _)| i % o.folds == fold).map(|(_, l)| l).collect();
            let ok = test.iter().filter(|l| model.predict(&l.example.features).0 == l.example.label).count();
            let rules_ok = test.iter().filter(|l| l.rules == Some(l.example.label)).count();
            println!(
                "fold {}: sub-event type accuracy {:.4} (rules alone {:.4}) on {} documents",
                fold + 1,
                ok as f64 / test.len() as f64,
                rules_ok as f64 / test.len() as f64,
                test.len()
            );
            right += ok;
            rules_right += rules_ok;
        }
        println!(
            "{}-fold cross-validation: sub-event type accuracy {:.4} (rules alone {:.4}) on {} documents",
            o.folds,
            right as f64 / data.len() as f64,
            rules_right as f64 / data.len() as f64,
            data.len()
        );
    }
    if let Some(out) = &o.output {
        let examples: Vec<Example> = data.into_iter().map(|l| l.example).collect();
        let model = Model::train(&examples, o.epochs);
        let written = File::create(out).and_then(|f| model.write(BufWriter::new(f)));
        if let Err(e) = written {
            eprintln!("sitrep train: cannot write {}: {e}", out.display());
            return ExitCode::from(1);
        }
        eprintln!("sitrep train: model written to {}", out.display());
    }
    eprintln!("sitrep train: done in {:.1} s", started.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}

/// A document of the training file with its first event's sub-type as label.
fn labelled(engine: &Engine, line: &str) -> Option<Labelled> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    let text = v["text"].as_str()?.to_string();
    let label = SubEventType::from_name(v["events"][0]["sub_event_type"].as_str()?)?;
    let mut doc = Document::new(text, None);
    doc.published = v["published"].as_str().and_then(PartialDate::parse_iso);
    doc.lang = v["lang"].as_str().map(Lang::from_code);
    let analysis = engine.analyze(&doc);
    let events = analysis.rule_events();
    let rules = events.first().and_then(|e| SubEventType::from_name(e.sub_event_type));
    let features = analysis.model_features(events.first());
    Some(Labelled { example: Example { features, label }, rules })
}
