//! `sitrep explain`: each coded event with the words behind each field and the rule or
//! lexicon line that read them, for an analyst checking the coding.

use std::fmt::Write;

use sitrep_core::Event;

use crate::analysis::Analysis;

impl Analysis<'_, '_> {
    /// A plain-text account of `events` (coded from this analysis): per event, its type,
    /// date and place, its sentence, and per field the evidence and the rule behind it.
    pub fn explain(&self, events: &[Event]) -> String {
        let mut out = String::new();
        let published = self.published().map_or_else(|| "unknown".to_string(), |p| p.to_string());
        let _ = writeln!(out, "== {} ({}, published {})", self.doc.id, self.lang, published);
        if events.is_empty() {
            let _ = writeln!(out, "   no event coded");
        }
        for (i, e) in events.iter().enumerate() {
            let date = e.event_date.as_deref().unwrap_or("no date");
            let precision = e.date_precision.map_or("", |p| p.as_str());
            let place = match (&e.location, &e.country) {
                (Some(l), Some(c)) => format!("{l}, {c}"),
                (None, Some(c)) => c.clone(),
                _ => "no place".to_string(),
            };
            let _ = writeln!(
                out,
                "[{}] {} / {}  {date} ({precision})  {place}{}",
                i + 1,
                e.event_type,
                e.sub_event_type,
                if e.background { "  [background]" } else { "" }
            );
            let _ = writeln!(
                out,
                "    {} -> {}  fatalities {}{}  status {}",
                e.actor1.as_deref().unwrap_or("?"),
                e.actor2.as_deref().unwrap_or("-"),
                e.fatalities,
                if e.fatalities_known { "" } else { " (unknown)" },
                e.status.as_str()
            );
            let _ = writeln!(out, "    sentence: {}", e.sentence.replace('\n', " "));
            for ev in &e.evidence {
                let _ = writeln!(
                    out,
                    "    {:<15} {:<28} {}",
                    ev.field,
                    format!("\"{}\"", ev.text),
                    self.why(ev.start, ev.end)
                );
            }
            let defaults: Vec<&str> = [("actor1", &e.actor1), ("actor2", &e.actor2), ("event_date", &e.event_date)]
                .into_iter()
                .filter(|(f, v)| v.is_some() && !e.evidence.iter().any(|x| x.field == *f))
                .map(|(f, _)| f)
                .collect();
            if !defaults.is_empty() {
                let _ =
                    writeln!(out, "    not from the sentence's words (defaults or inherited): {}", defaults.join(", "));
            }
        }
        out
    }

    /// The rule or lexicon line behind the mention at `[start, end)`.
    fn why(&self, start: usize, end: usize) -> String {
        let pack = self.engine.pack(&self.lang);
        let at = |s: usize, e: usize| s == start && e == end;
        if let Some(t) = self.triggers.iter().find(|t| at(t.start, t.end)) {
            let entry = pack.events.entry(t.entry);
            return format!("{}:{} \"{}\" -> {}", pack.events.name(), entry.line, entry.phrase, entry.key);
        }
        if let Some(c) = self.cues.iter().find(|c| at(c.start, c.end)) {
            let entry = pack.cues.entry(c.entry);
            return format!("{}:{} \"{}\" -> {}", pack.cues.name(), entry.line, entry.phrase, entry.key);
        }
        if let Some(d) = self.dates.iter().find(|d| at(d.start, d.end)) {
            return format!("date rule {} -> {}", d.rule, d.value.value());
        }
        if let Some(p) = self.places.iter().find(|p| at(p.start, p.end)) {
            return format!("gazetteer ({}) -> {}, {} precision {}", p.rule, p.name, p.country, p.geo_precision);
        }
        if let Some(a) = self.actors.iter().chain(&self.sources).find(|a| at(a.start, a.end)) {
            return format!("{} -> {}", a.rule, a.name);
        }
        if let Some(n) = self.numbers.iter().find(|n| at(n.start, n.end)) {
            return format!("number ({}) -> {}", n.rule, n.value);
        }
        String::new()
    }
}
