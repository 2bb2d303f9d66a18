//! Event and annotation writers: JSON Lines, CSV in ACLED's column order, GeoJSON.

use std::io::{self, Write};

use sitrep_core::{Annotation, Event};

use crate::args::OutFormat;

/// CSV columns: the contract's fields in the order of ACLED's export, sitrep's own after.
pub const CSV_COLUMNS: &[&str] = &[
    "event_id",
    "event_date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "sentence",
    "fatalities",
    "fatalities_known",
    "injured",
    "arrested",
    "status",
    "claimed_by",
    "background",
    "confidence",
    "geonames_id",
    "doc_id",
    "evidence",
    "sources",
];

enum Sink {
    Lines(Box<dyn Write>),
    Csv(Box<csv::Writer<Box<dyn Write>>>),
    Geojson { out: Box<dyn Write>, first: bool },
}

/// Writes events in one of the output formats, streaming.
pub struct EventWriter {
    sink: Sink,
    /// One JSON line, made whole before it is written (a few writes instead of one per
    /// token of JSON through the boxed writer).
    line: Vec<u8>,
}

impl EventWriter {
    pub fn new(format: OutFormat, mut out: Box<dyn Write>) -> io::Result<EventWriter> {
        let sink = match format {
            OutFormat::Jsonl => Sink::Lines(out),
            OutFormat::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(CSV_COLUMNS)?;
                Sink::Csv(Box::new(w))
            }
            OutFormat::Geojson => {
                out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
                Sink::Geojson { out, first: true }
            }
        };
        Ok(EventWriter { sink, line: Vec::new() })
    }

    pub fn write(&mut self, e: &Event) -> io::Result<()> {
        match &mut self.sink {
            Sink::Lines(out) => {
                self.line.clear();
                serde_json::to_writer(&mut self.line, e)?;
                self.line.push(b'\n');
                out.write_all(&self.line)
            }
            Sink::Csv(w) => w.write_record(csv_row(e)?).map_err(io::Error::other),
            Sink::Geojson { out, first } => {
                if !*first {
                    out.write_all(b",\n")?;
                }
                *first = false;
                let geometry = match (e.longitude, e.latitude) {
                    (Some(lon), Some(lat)) => serde_json::json!({"type": "Point", "coordinates": [lon, lat]}),
                    _ => serde_json::Value::Null,
                };
                let feature =
                    serde_json::json!({"type": "Feature", "id": e.event_id, "geometry": geometry, "properties": e});
                serde_json::to_writer(&mut *out, &feature).map_err(io::Error::from)
            }
        }
    }

    pub fn finish(self) -> io::Result<()> {
        match self.sink {
            Sink::Lines(mut out) => out.flush(),
            Sink::Csv(mut w) => w.flush(),
            Sink::Geojson { mut out, .. } => {
                out.write_all(b"\n]}\n")?;
                out.flush()
            }
        }
    }
}

fn csv_row(e: &Event) -> io::Result<Vec<String>> {
    let v = serde_json::to_value(e)?;
    Ok(CSV_COLUMNS
        .iter()
        .map(|c| match &v[*c] {
            serde_json::Value::Null => String::new(),
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect())
}

/// Writes one annotation as a JSON line.
pub fn write_annotation(out: &mut dyn Write, a: &Annotation) -> io::Result<()> {
    let mut line = serde_json::to_vec(a)?;
    line.push(b'\n');
    out.write_all(&line)
}
