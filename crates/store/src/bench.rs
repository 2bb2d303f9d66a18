//! A deterministic synthetic store for the query benchmark: `n` events spread uniformly
//! over a box around Africa and the Middle East, 2010–2024, over ACLED's types. The
//! expected answer of every benchmark query is computed from the same generator, so the
//! benchmark checks each timed answer against the truth.

use crate::db::{Conn, Dialect, Val};
use crate::error::Result;
use crate::types::{Query, StoredEvent};
use crate::Store;

const TYPES: &[(&str, &str)] = &[
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"),
    ("Strategic developments", "Arrests"),
];
const LAT: (f64, f64) = (-35.0, 37.0);
const LON: (f64, f64) = (-18.0, 52.0);
/// 2010-01-01 and the number of days to 2024-12-31.
const DAY0: i64 = 14_610;
const DAYS: i64 = 5_479;

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn unit(x: u64) -> f64 {
    (x >> 11) as f64 / (1u64 << 53) as f64
}

/// The `i`th synthetic event: (latitude, longitude, day, type index), rounded as stored.
fn synth(i: u64) -> (f64, f64, i64, usize) {
    let a = splitmix(i);
    let b = splitmix(a);
    let c = splitmix(b);
    let lat = ((LAT.0 + unit(a) * (LAT.1 - LAT.0)) * 1e4).round() / 1e4;
    let lon = ((LON.0 + unit(b) * (LON.1 - LON.0)) * 1e4).round() / 1e4;
    (lat, lon, DAY0 + (c % DAYS as u64) as i64, (splitmix(c) % TYPES.len() as u64) as usize)
}

/// A benchmark query and its true answer.
#[derive(Clone, Debug)]
pub struct BenchQuery {
    pub query: Query,
    /// How many events of the synthetic store it selects.
    pub expected: u64,
}

/// `k` queries (a 4° box, 90 days, one event type) over a synthetic store of `n` events,
/// with their answers.
pub fn bench_queries(n: u64, k: usize) -> Vec<BenchQuery> {
    let mut specs = Vec::with_capacity(k);
    for j in 0..k as u64 {
        let r = splitmix(j ^ 0x5eed);
        let lat0 = (LAT.0 + unit(r) * (LAT.1 - LAT.0 - 4.0)).floor();
        let lon0 = (LON.0 + unit(splitmix(r)) * (LON.1 - LON.0 - 4.0)).floor();
        let d0 = DAY0 + (splitmix(r ^ 1) % (DAYS as u64 - 90)) as i64;
        let t = (splitmix(r ^ 2) % TYPES.len() as u64) as usize;
        specs.push((lat0, lon0, d0, t));
    }
    let mut expected = vec![0u64; k];
    for i in 0..n {
        let (lat, lon, day, t) = synth(i);
        for (q, &(lat0, lon0, d0, qt)) in specs.iter().enumerate() {
            if t == qt
                && lat >= lat0
                && lat <= lat0 + 4.0
                && lon >= lon0
                && lon <= lon0 + 4.0
                && day >= d0
                && day <= d0 + 89
            {
                expected[q] += 1;
            }
        }
    }
    specs
        .into_iter()
        .zip(expected)
        .map(|((lat0, lon0, d0, t), expected)| BenchQuery {
            query: Query {
                bbox: Some([lon0, lat0, lon0 + 4.0, lat0 + 4.0]),
                date_from: Some(sitrep_core::PartialDate::from_days(d0).to_string()),
                date_to: Some(sitrep_core::PartialDate::from_days(d0 + 89).to_string()),
                event_type: Some(TYPES[t].0.to_string()),
                ..Query::default()
            },
            expected,
        })
        .collect()
}

fn record(i: u64) -> (StoredEvent, i64) {
    let (lat, lon, day, t) = synth(i);
    let date = sitrep_core::PartialDate::from_days(day).to_string();
    let e = StoredEvent {
        event_id: format!("SYN-{i:07}"),
        doc_id: format!("synthetic-{i}"),
        event_date: Some(date),
        date_precision: Some("day".into()),
        event_type: TYPES[t].0.into(),
        sub_event_type: TYPES[t].1.into(),
        actor1: None,
        assoc_actor_1: None,
        inter1: None,
        actor2: None,
        assoc_actor_2: None,
        inter2: None,
        country: Some("ZZ".into()),
        admin1: None,
        admin2: None,
        location: None,
        latitude: Some(lat),
        longitude: Some(lon),
        geo_precision: Some(1),
        geonames_id: None,
        fatalities: (i % 7) as u32,
        fatalities_known: true,
        injured: None,
        arrested: None,
        status: "reported".into(),
        claimed_by: None,
        source: None,
        background: false,
        confidence: 1.0,
        evidence: Vec::new(),
        sentence: String::new(),
        sources: Vec::new(),
        corroboration: 0,
        fatalities_reported: Vec::new(),
    };
    (e, day)
}

/// Adds synthetic events (ids `SYN-0000000`…) until the store holds `n` of them;
/// returns how many were added. Deterministic: the same `n` always gives the same events.
pub fn generate_synthetic(store: &Store, n: u64) -> Result<u64> {
    let have = store.with_conn(|c| {
        Ok(c.one("SELECT count(*) FROM events WHERE event_id LIKE 'SYN-%'", &[])?.and_then(|r| r[0].int()).unwrap_or(0)
            as u64)
    })?;
    const ROWS: u64 = 400;
    const TX: u64 = 20_000;
    let mut i = have;
    while i < n {
        let end = (i + TX).min(n);
        store.write(|c| {
            let mut j = i;
            while j < end {
                let k = (end - j).min(ROWS);
                insert_rows(c, j, k)?;
                j += k;
            }
            Ok(())
        })?;
        i = end;
    }
    if n > have {
        store.with_conn(|c| c.batch("ANALYZE"))?;
    }
    Ok(n.saturating_sub(have))
}

fn insert_rows(c: &mut dyn Conn, from: u64, k: u64) -> Result<()> {
    let mut sql = String::from(
        "INSERT INTO events (event_id, country, event_date, date_lo, date_hi, event_type, sub_event_type, actors, \
         status, latitude, longitude, fatalities, background, corroboration, notes, record, updated_at) VALUES ",
    );
    let mut p = Vec::with_capacity(k as usize * 17);
    for i in from..from + k {
        let (e, day) = record(i);
        if i > from {
            sql.push(',');
        }
        sql.push_str("(?, ?, ?, ?, ?, ?, ?, '', 'reported', ?, ?, ?, 0, 0, '', ?, '')");
        p.extend([
            Val::from(e.event_id.as_str()),
            "ZZ".into(),
            e.event_date.clone().into(),
            Val::Int(day),
            Val::Int(day),
            e.event_type.as_str().into(),
            e.sub_event_type.as_str().into(),
            e.latitude.into(),
            e.longitude.into(),
            Val::Int(i64::from(e.fatalities)),
            serde_json::to_string(&e).unwrap_or_default().into(),
        ]);
    }
    if c.dialect() == Dialect::Sqlite {
        sql.push_str(" RETURNING seq, latitude, longitude, date_lo");
        for r in c.rows(&sql, &p)? {
            c.execute(
                "INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat, min_day, max_day) \
                 VALUES (?, ?, ?, ?, ?, ?, ?)",
                &[r[0].clone(), r[2].clone(), r[2].clone(), r[1].clone(), r[1].clone(), r[3].clone(), r[3].clone()],
            )?;
        }
    } else {
        c.execute(&sql, &p)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn deterministic_and_in_range() {
        assert_eq!(super::synth(42), super::synth(42));
        let (lat, lon, day, t) = super::synth(7);
        assert!((-35.0..=37.0).contains(&lat) && (-18.0..=52.0).contains(&lon));
        assert!((super::DAY0..super::DAY0 + super::DAYS).contains(&day) && t < 6);
        let qs = super::bench_queries(20_000, 5);
        assert_eq!(qs.len(), 5);
        assert_eq!(qs[0].expected, super::bench_queries(20_000, 5)[0].expected);
    }
}
