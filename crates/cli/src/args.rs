//! Command-line parsing.

use std::ffi::OsString;
use std::path::PathBuf;

use lexopt::prelude::*;
use sitrep_core::{Lang, PartialDate};
use sitrep_read::Format;

pub const USAGE: &str = "\
sitrep: news articles in, ACLED-style political-violence events out

USAGE:
    sitrep code     [--format jsonl|csv|geojson] [OPTIONS] [INPUT...]
    sitrep annotate [OPTIONS] [INPUT...]
    sitrep explain  [OPTIONS] [INPUT...]     each event with the words and rules behind it
    sitrep bench    [--corpus DIR]... [--rounds N]
    sitrep serve    --db DB [--addr 127.0.0.1:8080] [--token TOKEN]   the API and the web page
    sitrep train    [--folds N] [--output MODEL] [TRAIN OPTIONS] CODED.jsonl|ACLED.csv...
    sitrep gazetteer import --from geonames|wof [--alternate-names FILE]
                     [--admin1-codes FILE] [--min-population N] --output FILE INPUT
{STORE}
INPUT is a file or a directory (read recursively); none, or '-', reads stdin.
Inputs may be seed-format text (' date 2021-09 <text>'), plain text, JSON Lines
({\"id\", \"text\", \"published\", \"lang\", \"url\", \"source\"}), HTML, or WARC (.gz).

OPTIONS:
    --format FMT       code: jsonl (default), csv (ACLED column order), geojson
    --published DATE   publication date for documents that carry none (YYYY[-MM[-DD]])
    --lang LANG        force the language: fr or en (default: the input's, else identified)
    --gazetteer FILE   a gazetteer file (from 'sitrep gazetteer import') merged over the
                       embedded one
    --model FILE       a model from 'sitrep train' that retypes each document's main event
    --config FILE      defaults for these flags (else $SITREP_CONFIG, ./sitrep.toml,
                       ~/.config/sitrep/config.toml; keys gazetteer, model, db, addr)
    --input-format F   force the input format: seed, text, jsonl, html, warc
    --output FILE      write to FILE instead of stdout
    --max-bytes N      skip documents larger than N bytes (default 16 MiB)
    -j, --threads N    worker threads (default: one per core); output order is the input's
    -q, --quiet        no progress and no summary on stderr
    -h, --help         this help
    -V, --version      the version

TRAIN OPTIONS (a logistic regression and a network of one hidden layer over words,
character n-grams and the rules' concepts, their probabilities averaged):
    --folds N          cross-validate on N folds and print each fold's accuracy
    --output MODEL     fit on all the data and write the model to MODEL
    --test FILE        also score a model fitted on all the data on FILE's documents
    --epochs N         passes over the data (default 10)
    --l2 X             L2 penalty (default 1e-5)
    --rate X           AdaGrad learning rate (default 0.05)
    --min-count N      keep features seen in at least N documents (default 2)
    --class-weight P   weigh rare classes up: 0 every document alike (default), 1 every
                       class alike
    --hidden N         units of the network's hidden layer; 0 for the regression alone
                       (default 64)
    --hidden-epochs N  the network's passes over the data (default 8)

Diagnostics and a summary go to stderr; the exit status is non-zero only when no
document could be read or the output could not be written.
";

/// What `sitrep code` and `sitrep annotate` share.
#[derive(Debug)]
pub struct RunOpts {
    pub annotate: bool,
    /// `sitrep explain`: events as text, with the words and rules behind each field.
    pub explain: bool,
    pub format: OutFormat,
    pub published: Option<PartialDate>,
    pub lang: Option<Lang>,
    pub input_format: Format,
    pub output: Option<PathBuf>,
    pub max_bytes: usize,
    pub quiet: bool,
    /// Worker threads (default: one per core).
    pub threads: usize,
    /// A gazetteer file merged over the embedded one.
    pub gazetteer: Option<PathBuf>,
    /// A model from `sitrep train`.
    pub model: Option<PathBuf>,
    /// A configuration file (see `config.rs`) instead of the usual places.
    pub config: Option<PathBuf>,
    pub inputs: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutFormat {
    Jsonl,
    Csv,
    Geojson,
}

#[derive(Debug)]
pub struct BenchOpts {
    pub corpora: Vec<PathBuf>,
    pub rounds: u32,
}

/// `sitrep gazetteer import`: a gazetteer file from a GeoNames dump or a Who's On First
/// extract.
#[derive(Debug)]
pub struct ImportOpts {
    pub from: ImportFormat,
    pub input: PathBuf,
    pub alternate_names: Option<PathBuf>,
    pub admin1_codes: Option<PathBuf>,
    pub min_population: u64,
    pub output: PathBuf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    Geonames,
    WofTsv,
}

/// `sitrep train`.
#[derive(Debug)]
pub struct TrainOpts {
    pub inputs: Vec<PathBuf>,
    pub output: Option<PathBuf>,
    pub folds: usize,
    pub epochs: usize,
    pub l2: f32,
    pub rate: f32,
    pub min_count: u32,
    pub class_weight: f32,
    /// Units of the network's hidden layer (0: the regression alone).
    pub hidden: usize,
    /// Passes of the network over the data.
    pub hidden_epochs: usize,
    /// Files to score a model fitted on all the inputs on.
    pub test: Vec<PathBuf>,
}

#[derive(Debug)]
pub enum Command {
    Help,
    Version,
    Run(RunOpts),
    Bench(BenchOpts),
    GazetteerImport(ImportOpts),
    Train(TrainOpts),
    Serve(crate::serve_cmd::ServeOpts),
    /// `ingest`, `export`, `query`, `unmerge`, `bench store`: the event store.
    Store(Box<crate::store_cmd::StoreOpts>),
}

pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, lexopt::Error> {
    let mut p = lexopt::Parser::from_iter(std::iter::once(OsString::from("sitrep")).chain(args));
    let sub = match p.next()? {
        None => return Ok(Command::Help),
        Some(Short('h') | Long("help")) => return Ok(Command::Help),
        Some(Short('V') | Long("version")) => return Ok(Command::Version),
        Some(Value(v)) => v.string()?,
        Some(other) => return Err(other.unexpected()),
    };
    match sub.as_str() {
        "code" | "annotate" | "explain" => parse_run(&mut p, sub == "annotate").map(|mut o| {
            o.explain = sub == "explain";
            Command::Run(o)
        }),
        "bench" => {
            if p.try_raw_args().is_some_and(|r| r.peek().is_some_and(|a| a == "store")) {
                p.next()?;
                return crate::store_cmd::parse("bench-store", &mut p).map(|o| Command::Store(Box::new(o)));
            }
            parse_bench(&mut p).map(Command::Bench)
        }
        "train" => parse_train(&mut p).map(Command::Train),
        "gazetteer" => match p.next()? {
            Some(Value(v)) if v == "import" => parse_import(&mut p).map(Command::GazetteerImport),
            _ => Err("usage: sitrep gazetteer import --from geonames|wof --output FILE INPUT".into()),
        },
        "help" => Ok(Command::Help),
        "serve" => crate::serve_cmd::parse(&mut p).map(Command::Serve),
        "ingest" | "export" | "query" | "unmerge" => {
            crate::store_cmd::parse(&sub, &mut p).map(|o| Command::Store(Box::new(o)))
        }
        _ => Err(format!("unknown command '{sub}'").into()),
    }
}

fn parse_run(p: &mut lexopt::Parser, annotate: bool) -> Result<RunOpts, lexopt::Error> {
    let mut o = RunOpts {
        annotate,
        explain: false,
        format: OutFormat::Jsonl,
        published: None,
        lang: None,
        input_format: Format::Auto,
        output: None,
        max_bytes: sitrep_read::DEFAULT_MAX_BYTES,
        quiet: false,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        gazetteer: None,
        model: None,
        config: None,
        inputs: Vec::new(),
    };
    while let Some(arg) = p.next()? {
        match arg {
            Long("format") if !annotate => {
                o.format = match p.value()?.string()?.as_str() {
                    "jsonl" | "json" => OutFormat::Jsonl,
                    "csv" => OutFormat::Csv,
                    "geojson" => OutFormat::Geojson,
                    f => return Err(format!("unknown output format '{f}' (jsonl, csv, geojson)").into()),
                }
            }
            Long("published") => {
                let v = p.value()?.string()?;
                o.published = Some(
                    PartialDate::parse_iso(&v)
                        .ok_or_else(|| format!("--published: '{v}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"))?,
                );
            }
            Long("lang") => {
                let v = p.value()?.string()?;
                match Lang::from_code(&v) {
                    l @ (Lang::Fr | Lang::En) => o.lang = Some(l),
                    Lang::Other(_) => {
                        return Err(format!("--lang: '{v}' is not a language sitrep codes (fr, en)").into())
                    }
                }
            }
            Long("input-format") => {
                let v = p.value()?.string()?;
                o.input_format =
                    Format::from_name(&v).ok_or_else(|| format!("--input-format: unknown format '{v}'"))?;
            }
            Long("gazetteer") => o.gazetteer = Some(p.value()?.into()),
            Long("model") => o.model = Some(p.value()?.into()),
            Long("config") => o.config = Some(p.value()?.into()),
            Long("output") | Short('o') => o.output = Some(p.value()?.into()),
            Long("max-bytes") => o.max_bytes = p.value()?.parse()?,
            Short('j') | Long("threads") => o.threads = p.value()?.parse()?,
            Short('q') | Long("quiet") => o.quiet = true,
            Value(v) => o.inputs.push(v.into()),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(o)
}

fn parse_import(p: &mut lexopt::Parser) -> Result<ImportOpts, lexopt::Error> {
    let (mut from, mut input, mut output) = (None, None, None);
    let (mut alternate_names, mut admin1_codes, mut min_population) = (None, None, 0);
    while let Some(arg) = p.next()? {
        match arg {
            Long("from") => {
                from = Some(match p.value()?.string()?.as_str() {
                    "geonames" => ImportFormat::Geonames,
                    "wof" | "wof-tsv" => ImportFormat::WofTsv,
                    f => return Err(format!("--from: unknown source '{f}' (geonames, wof)").into()),
                })
            }
            Long("alternate-names") => alternate_names = Some(p.value()?.into()),
            Long("admin1-codes") => admin1_codes = Some(p.value()?.into()),
            Long("min-population") => min_population = p.value()?.parse()?,
            Long("output") | Short('o') => output = Some(p.value()?.into()),
            Value(v) if input.is_none() => input = Some(v.into()),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(ImportOpts {
        from: from.ok_or("gazetteer import: --from geonames|wof is required")?,
        input: input.ok_or("gazetteer import: name the file to import")?,
        alternate_names,
        admin1_codes,
        min_population,
        output: output.ok_or("gazetteer import: --output FILE is required")?,
    })
}

fn parse_train(p: &mut lexopt::Parser) -> Result<TrainOpts, lexopt::Error> {
    let d = sitrep_code::TrainOptions::default();
    let mut o = TrainOpts {
        inputs: Vec::new(),
        output: None,
        folds: 0,
        epochs: d.epochs,
        l2: d.l2,
        rate: d.rate,
        min_count: d.min_count,
        class_weight: d.class_weight,
        hidden: d.hidden,
        hidden_epochs: d.hidden_epochs,
        test: Vec::new(),
    };
    while let Some(arg) = p.next()? {
        match arg {
            Long("output") | Short('o') => o.output = Some(p.value()?.into()),
            Long("folds") => o.folds = p.value()?.parse()?,
            Long("epochs") => o.epochs = p.value()?.parse()?,
            Long("l2") => o.l2 = p.value()?.parse()?,
            Long("rate") => o.rate = p.value()?.parse()?,
            Long("min-count") => o.min_count = p.value()?.parse()?,
            Long("class-weight") => o.class_weight = p.value()?.parse()?,
            Long("hidden") => o.hidden = p.value()?.parse()?,
            Long("hidden-epochs") => o.hidden_epochs = p.value()?.parse()?,
            Long("test") => o.test.push(p.value()?.into()),
            Value(v) => o.inputs.push(v.into()),
            _ => return Err(arg.unexpected()),
        }
    }
    if o.inputs.is_empty() || (o.output.is_none() && o.folds < 2 && o.test.is_empty()) {
        return Err(
            "usage: sitrep train [--folds N] [--output MODEL] [--test FILE] [TRAIN OPTIONS] DATA.jsonl|DATA.csv..."
                .into(),
        );
    }
    Ok(o)
}

fn parse_bench(p: &mut lexopt::Parser) -> Result<BenchOpts, lexopt::Error> {
    let mut o = BenchOpts { corpora: Vec::new(), rounds: 1 };
    while let Some(arg) = p.next()? {
        match arg {
            Long("corpus") => o.corpora.push(p.value()?.into()),
            Long("rounds") => o.rounds = p.value()?.parse()?,
            Value(v) => o.corpora.push(v.into()),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(o)
}
