//! `sitrep gazetteer import`: a gazetteer file from the user's own GeoNames or Who's On
//! First data, to merge over the embedded one with `--gazetteer FILE`.

use std::fs::File;
use std::io::BufWriter;
use std::process::ExitCode;
use std::time::Instant;

use sitrep_geo::{import_geonames, import_wof_tsv, write_gazetteer, GeonamesOptions};

use crate::args::{ImportFormat, ImportOpts};

pub fn import(o: &ImportOpts) -> ExitCode {
    let started = Instant::now();
    let (records, source) = match o.from {
        ImportFormat::Geonames => {
            let opts = GeonamesOptions { min_population: o.min_population, ..GeonamesOptions::default() };
            let r = import_geonames(&o.input, o.alternate_names.as_deref(), o.admin1_codes.as_deref(), &opts);
            (r, format!("GeoNames dump {}", o.input.display()))
        }
        ImportFormat::WofTsv => (import_wof_tsv(&o.input), format!("Who's On First extract {}", o.input.display())),
    };
    let records = match records {
        Ok(r) => r,
        Err(e) => {
            eprintln!("sitrep gazetteer import: {e}");
            return ExitCode::from(1);
        }
    };
    let gzip = o.output.extension().is_some_and(|x| x == "gz");
    let written = File::create(&o.output).and_then(|f| write_gazetteer(BufWriter::new(f), &records, &source, gzip));
    if let Err(e) = written {
        eprintln!("sitrep gazetteer import: cannot write {}: {e}", o.output.display());
        return ExitCode::from(1);
    }
    eprintln!(
        "sitrep gazetteer import: {} places from {} written to {} in {:.2} s",
        records.len(),
        o.input.display(),
        o.output.display(),
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
