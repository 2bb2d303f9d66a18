//! `sitrep train`: a sub-event type model learned from the user's own coded documents
//! (gold JSON Lines with `text` and ACLED-style `events`, or an ACLED CSV export with
//! `notes` and `sub_event_type`), with k-fold cross-validation.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use sitrep_code::{Engine, Example, Model, TrainOptions};
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
    let opts = TrainOptions {
        epochs: o.epochs,
        l2: o.l2,
        rate: o.rate,
        min_count: o.min_count,
        class_weight: o.class_weight,
        hidden: o.hidden,
        hidden_epochs: o.hidden_epochs,
        ..TrainOptions::default()
    };
    let (data, skipped) = match read_all(&engine, &o.inputs) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("sitrep train: {e}");
            return ExitCode::from(1);
        }
    };
    if data.len() < o.folds.max(2) {
        eprintln!("sitrep train: {} labelled documents: too few to train on", data.len());
        return ExitCode::from(1);
    }
    eprintln!(
        "sitrep train: {} labelled documents ({skipped} without a label or unreadable), read in {:.1} s",
        data.len(),
        started.elapsed().as_secs_f64()
    );
    if o.folds > 1 {
        cross_validate(&data, o.folds, &opts);
    }
    if o.output.is_some() || !o.test.is_empty() {
        let fitting = Instant::now();
        let examples: Vec<Example> = data.into_iter().map(|l| l.example).collect();
        let model = Model::train(&examples, &opts);
        let (full, concepts, net) = model.sizes();
        eprintln!(
            "sitrep train: model of {full} features ({concepts} language-independent, {net} in the network) fitted on {} documents in {:.1} s",
            examples.len(),
            fitting.elapsed().as_secs_f64()
        );
        if let Some(out) = &o.output {
            let written = File::create(out).and_then(|f| model.write(BufWriter::new(f)));
            if let Err(e) = written {
                eprintln!("sitrep train: cannot write {}: {e}", out.display());
                return ExitCode::from(1);
            }
            let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
            eprintln!("sitrep train: model written to {} ({size} bytes)", out.display());
        }
        if !o.test.is_empty() {
            let (test, _) = match read_all(&engine, &o.test) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("sitrep train: {e}");
                    return ExitCode::from(1);
                }
            };
            let s = score(&model, &test.iter().collect::<Vec<_>>());
            println!("held-out test: {}", s.describe());
        }
    }
    eprintln!("sitrep train: done in {:.1} s", started.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}

/// Accuracy counts on a set of documents.
#[derive(Default)]
struct Score {
    n: usize,
    /// The model's type is the gold one.
    model: usize,
    /// The document's main event as `sitrep code --model` types it: the model's type where
    /// the rules code an event, nothing (wrong) where they do not.
    coded: usize,
    rules: usize,
    /// Documents in which the rules code no event, and those of them the model types right:
    /// all the difference between the model's accuracy and "as coded".
    unfound: usize,
    unfound_right: usize,
    confusions: Vec<(SubEventType, SubEventType)>,
}

impl Score {
    fn describe(&self) -> String {
        let n = self.n.max(1) as f64;
        format!(
            "sub-event type accuracy {:.4} (as coded {:.4}, rules alone {:.4}) on {} documents; \
             no rule event in {} (the model right on {})",
            self.model as f64 / n,
            self.coded as f64 / n,
            self.rules as f64 / n,
            self.n,
            self.unfound,
            self.unfound_right
        )
    }
}

fn score(model: &Model, test: &[&Labelled]) -> Score {
    let mut s = Score { n: test.len(), ..Score::default() };
    for l in test {
        let gold = l.example.label;
        let guess = model.predict(&l.example.features).0;
        s.model += usize::from(guess == gold);
        s.coded += usize::from(l.rules.is_some() && guess == gold);
        s.rules += usize::from(l.rules == Some(gold));
        s.unfound += usize::from(l.rules.is_none());
        s.unfound_right += usize::from(l.rules.is_none() && guess == gold);
        if guess != gold {
            s.confusions.push((gold, guess));
        }
    }
    s
}

/// Trains on all folds but one and tests on that one, for each fold. Documents go to
/// folds by a shuffle with a fixed seed, so runs are comparable.
fn cross_validate(data: &[Labelled], folds: usize, opts: &TrainOptions) {
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for i in (1..order.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        order.swap(i, (seed % (i as u64 + 1)) as usize);
    }
    let mut fold_of = vec![0; data.len()];
    for (j, &i) in order.iter().enumerate() {
        fold_of[i] = j % folds;
    }
    let mut total = Score::default();
    let mut accuracies = Vec::new();
    for fold in 0..folds {
        let started = Instant::now();
        let train: Vec<Example> =
            data.iter().zip(&fold_of).filter(|(_, f)| **f != fold).map(|(l, _)| l.example.clone()).collect();
        let model = Model::train(&train, opts);
        let test: Vec<&Labelled> = data.iter().zip(&fold_of).filter(|(_, f)| **f == fold).map(|(l, _)| l).collect();
        let s = score(&model, &test);
        println!("fold {}: {}, {:.1} s", fold + 1, s.describe(), started.elapsed().as_secs_f64());
        accuracies.push(s.model as f64 / s.n.max(1) as f64);
        total.n += s.n;
        total.model += s.model;
        total.coded += s.coded;
        total.rules += s.rules;
        total.unfound += s.unfound;
        total.unfound_right += s.unfound_right;
        total.confusions.extend(s.confusions);
    }
    let mean = accuracies.iter().sum::<f64>() / folds as f64;
    let sd = (accuracies.iter().map(|a| (a - mean).powi(2)).sum::<f64>() / folds as f64).sqrt();
    println!("{folds}-fold cross-validation: {}; mean of folds {mean:.4} ± {sd:.4}", total.describe());
    total.confusions.sort();
    let mut counts: Vec<(usize, (SubEventType, SubEventType))> = Vec::new();
    for c in &total.confusions {
        match counts.last_mut() {
            Some((n, last)) if last == c => *n += 1,
            _ => counts.push((1, *c)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    for (n, (gold, guess)) in counts.iter().take(10) {
        println!("  {n:5} {} typed {}", gold.as_str(), guess.as_str());
    }
}

/// Every labelled document of `paths`, with the count of lines skipped.
fn read_all(engine: &Engine, paths: &[std::path::PathBuf]) -> Result<(Vec<Labelled>, usize), String> {
    let mut data = Vec::new();
    let mut skipped = 0;
    for path in paths {
        let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if is_csv(path) {
            read_csv(engine, path, file, &mut data, &mut skipped)?;
            continue;
        }
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let Ok(line) = line else {
                eprintln!("sitrep train: {}:{}: not UTF-8", path.display(), n + 1);
                skipped += 1;
                continue;
            };
            if line.trim().is_empty() {
                continue;
            }
            match from_json(engine, &line) {
                Some(l) => data.push(l),
                None => skipped += 1,
            }
        }
    }
    Ok((data, skipped))
}

fn is_csv(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// An ACLED export: one event a row, the text in `notes`.
fn read_csv(
    engine: &Engine,
    path: &Path,
    file: File,
    data: &mut Vec<Labelled>,
    skipped: &mut usize,
) -> Result<(), String> {
    let mut r = csv::Reader::from_reader(BufReader::new(file));
    let headers = r.headers().map_err(|e| format!("{}: {e}", path.display()))?.clone();
    let column = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(notes), Some(sub)) = (column("notes"), column("sub_event_type")) else {
        return Err(format!("{}: an ACLED export needs 'notes' and 'sub_event_type' columns", path.display()));
    };
    let date = column("event_date");
    for row in r.records() {
        let Ok(row) = row else {
            *skipped += 1;
            continue;
        };
        let label = row.get(sub).and_then(SubEventType::from_name);
        let text = row.get(notes).unwrap_or("").trim();
        match label {
            Some(label) if !text.is_empty() => {
                let published = date.and_then(|d| row.get(d)).and_then(PartialDate::parse_iso);
                data.push(labelled(engine, text.to_string(), published, None, label));
            }
            _ => *skipped += 1,
        }
    }
    Ok(())
}

/// A document of a gold JSON Lines file with its first event's sub-type as label.
fn from_json(engine: &Engine, line: &str) -> Option<Labelled> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    let text = v["text"].as_str()?.to_string();
    let label = SubEventType::from_name(v["events"][0]["sub_event_type"].as_str()?)?;
    let published = v["published"].as_str().and_then(PartialDate::parse_iso);
    Some(labelled(engine, text, published, v["lang"].as_str().map(Lang::from_code), label))
}

fn labelled(
    engine: &Engine,
    text: String,
    published: Option<PartialDate>,
    lang: Option<Lang>,
    label: SubEventType,
) -> Labelled {
    let mut doc = Document::new(text, None);
    doc.published = published;
    doc.lang = lang;
    let analysis = engine.analyze(&doc);
    let events = analysis.rule_events();
    let rules = events.first().and_then(|e| SubEventType::from_name(e.sub_event_type));
    let features = analysis.model_features(&events);
    Labelled { example: Example { features, label }, rules }
}
