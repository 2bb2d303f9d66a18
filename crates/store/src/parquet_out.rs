//! Parquet export with the `parquet` crate's low-level writer (no Arrow dependency): one
//! flat column per contract field, with the logical types Arrow, polars, pandas and
//! DuckDB map to their own (STRING, DATE, JSON), compressed with zstd.

use std::sync::Arc;

use parquet::basic::{Compression, ZstdLevel};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedFileWriter, SerializedRowGroupWriter};
use parquet::schema::parser::parse_message_type;

use crate::error::{Error, ErrorKind, Result};
use crate::types::StoredEvent;

const SCHEMA: &str = "
message event {
    required binary event_id (STRING);
    optional binary event_date (STRING);
    optional int32 event_date_start (DATE);
    optional binary date_precision (STRING);
    required binary event_type (STRING);
    required binary sub_event_type (STRING);
    optional binary actor1 (STRING);
    optional binary assoc_actor_1 (STRING);
    optional int32 inter1;
    optional binary actor2 (STRING);
    optional binary assoc_actor_2 (STRING);
    optional int32 inter2;
    optional binary country (STRING);
    optional binary admin1 (STRING);
    optional binary admin2 (STRING);
    optional binary location (STRING);
    optional double latitude;
    optional double longitude;
    optional int32 geo_precision;
    optional binary source (STRING);
    required binary sentence (STRING);
    required int32 fatalities;
    required boolean fatalities_known;
    optional int32 injured;
    optional int32 arrested;
    required binary status (STRING);
    optional binary claimed_by (STRING);
    required boolean background;
    required double confidence;
    optional int64 geonames_id;
    required binary doc_id (STRING);
    required int32 corroboration;
    required binary evidence (JSON);
    required binary sources (JSON);
}
";

/// Rows per row group: big enough for good compression, small enough to stream.
const ROW_GROUP: usize = 50_000;

fn err(e: parquet::errors::ParquetError) -> Error {
    Error::new(ErrorKind::Io, format!("writing Parquet: {e}"))
}

/// Writes `events` as Parquet; returns how many were written.
pub(crate) fn write<W: std::io::Write + Send>(events: &[StoredEvent], out: W) -> Result<u64> {
    let schema = Arc::new(parse_message_type(SCHEMA).map_err(err)?);
    let props = Arc::new(
        WriterProperties::builder().set_compression(Compression::ZSTD(ZstdLevel::try_new(3).map_err(err)?)).build(),
    );
    let mut w = SerializedFileWriter::new(out, schema, props).map_err(err)?;
    for chunk in events.chunks(ROW_GROUP) {
        let mut rg = w.next_row_group().map_err(err)?;
        row_group(&mut rg, chunk)?;
        rg.close().map_err(err)?;
    }
    w.close().map_err(err)?;
    Ok(events.len() as u64)
}

fn text(s: &str) -> ByteArray {
    ByteArray::from(s.as_bytes().to_vec())
}

/// A column writer for each type: values of the present rows, definition levels for
/// optional columns.
fn row_group<W: std::io::Write + Send>(rg: &mut SerializedRowGroupWriter<'_, W>, ev: &[StoredEvent]) -> Result<()> {
    macro_rules! column {
        ($ty:ty, $optional:expr, $get:expr) => {{
            let mut col = rg
                .next_column()
                .map_err(err)?
                .ok_or_else(|| Error::new(ErrorKind::Io, "Parquet schema ended early"))?;
            let vals: Vec<_> = ev.iter().map($get).collect();
            let present: Vec<_> = vals.iter().flatten().cloned().collect();
            let levels: Vec<i16> = vals.iter().map(|v| i16::from(v.is_some())).collect();
            col.typed::<$ty>()
                .write_batch(&present, if $optional { Some(&levels) } else { None }, None)
                .map_err(err)?;
            col.close().map_err(err)?;
        }};
    }
    let s = |v: &Option<String>| v.as_deref().map(text);
    let date_start = |e: &StoredEvent| {
        e.event_date.as_deref().and_then(sitrep_core::PartialDate::parse_iso).map(|d| d.days() as i32)
    };
    column!(ByteArrayType, false, |e| Some(text(&e.event_id)));
    column!(ByteArrayType, true, |e| s(&e.event_date));
    column!(Int32Type, true, date_start);
    column!(ByteArrayType, true, |e| s(&e.date_precision));
    column!(ByteArrayType, false, |e| Some(text(&e.event_type)));
    column!(ByteArrayType, false, |e| Some(text(&e.sub_event_type)));
    column!(ByteArrayType, true, |e| s(&e.actor1));
    column!(ByteArrayType, true, |e| s(&e.assoc_actor_1));
    column!(Int32Type, true, |e| e.inter1.map(i32::from));
    column!(ByteArrayType, true, |e| s(&e.actor2));
    column!(ByteArrayType, true, |e| s(&e.assoc_actor_2));
    column!(Int32Type, true, |e| e.inter2.map(i32::from));
    column!(ByteArrayType, true, |e| s(&e.country));
    column!(ByteArrayType, true, |e| s(&e.admin1));
    column!(ByteArrayType, true, |e| s(&e.admin2));
    column!(ByteArrayType, true, |e| s(&e.location));
    column!(DoubleType, true, |e| e.latitude);
    column!(DoubleType, true, |e| e.longitude);
    column!(Int32Type, true, |e| e.geo_precision.map(i32::from));
    column!(ByteArrayType, true, |e| s(&e.source));
    column!(ByteArrayType, false, |e| Some(text(&e.sentence)));
    column!(Int32Type, false, |e| Some(e.fatalities as i32));
    column!(BoolType, false, |e| Some(e.fatalities_known));
    column!(Int32Type, true, |e| e.injured.map(|v| v as i32));
    column!(Int32Type, true, |e| e.arrested.map(|v| v as i32));
    column!(ByteArrayType, false, |e| Some(text(&e.status)));
    column!(ByteArrayType, true, |e| s(&e.claimed_by));
    column!(BoolType, false, |e| Some(e.background));
    column!(DoubleType, false, |e| Some(e.confidence));
    column!(Int64Type, true, |e| e.geonames_id.map(|v| v as i64));
    column!(ByteArrayType, false, |e| Some(text(&e.doc_id)));
    column!(Int32Type, false, |e| Some(e.corroboration as i32));
    column!(ByteArrayType, false, |e| Some(text(&serde_json::to_string(&e.evidence).unwrap_or_default())));
    column!(ByteArrayType, false, |e| Some(text(&serde_json::to_string(&e.sources).unwrap_or_default())));
    Ok(())
}

#[cfg(test)]
mod tests {
    use parquet::file::reader::{FileReader, SerializedFileReader};

    #[test]
    fn written_file_reads_back() {
        let e: crate::StoredEvent = serde_json::from_value(serde_json::json!({
            "event_id": "BFA-000001", "doc_id": "d1", "event_date": "2021-03-12", "date_precision": "day",
            "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "A", "assoc_actor_1": null,
            "inter1": 1, "actor2": null, "assoc_actor_2": null, "inter2": null, "country": "BF", "admin1": null,
            "admin2": null, "location": "Djibo", "latitude": 14.1, "longitude": -1.6, "geo_precision": 1,
            "geonames_id": null, "fatalities": 2, "fatalities_known": true, "injured": null, "arrested": null,
            "status": "reported", "claimed_by": null, "source": null, "background": false, "confidence": 0.9,
            "evidence": [], "sentence": "s", "sources": [{"doc_id": "d1", "sentence_start": 0, "sentence_end": 1}],
            "corroboration": 1
        }))
        .unwrap();
        let mut buf = Vec::new();
        assert_eq!(super::write(&[e.clone(), e], &mut buf).unwrap(), 2);
        let r = SerializedFileReader::new(bytes::Bytes::from(buf)).unwrap();
        assert_eq!(r.metadata().file_metadata().num_rows(), 2);
        assert_eq!(r.metadata().file_metadata().schema_descr().num_columns(), 34);
    }
}
