/*!
sitrep's coder: reads a [`Document`] into mentions (dates, places, actors, numbers) and
codes the events it reports into ACLED-style [`Event`]s.

# Overview

[`Engine`] holds everything compiled once: the per-language lexicons of
`data/lexicons/` and the gazetteer. [`Engine::analyze`] runs the text layer and the
taggers and returns an [`Analysis`]; [`Analysis::annotation`] is the contract's
annotation layer (§3) and [`Analysis::events`] the coded events (§2). Every coded field
carries the span of text it came from in [`Event::evidence`].

# Example

```
use sitrep_code::Engine;
use sitrep_core::{Document, PartialDate};

let engine = Engine::new();
let mut doc = Document::new(
    "Le 3 mars 2021, des hommes armés ont attaqué le village de Kaya et tué trois civils.".into(),
    None,
);
doc.published = PartialDate::parse_iso("2021-03-04");
let events = engine.analyze(&doc).events();
assert_eq!(events[0].sub_event_type, "Attack");
assert_eq!(events[0].fatalities, 3);
```
*/

mod analysis;
mod coder;
mod explain;
mod lexicons;
mod model;
mod toll;

pub use crate::analysis::{ActorMention, Analysis};
pub use crate::lexicons::Engine;
pub use crate::model::{features, ActorKind, Example, Model, Reading, TrainOptions};
#[doc(no_inline)]
pub use sitrep_core::{Annotation, Document, Event};
