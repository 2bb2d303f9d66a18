/*!
sitrep's shared vocabulary: the types every stage of the pipeline speaks.

# Overview

A [`Document`] goes through the pipeline once. The text layer finds sentences, the
taggers add [`Mention`]s (dates, places, actors, numbers), and the coder turns them into
[`Event`]s. Every mention and every piece of evidence is a [`Span`] of *characters*
(Unicode code points) into [`Document::text`] exactly as it was read, so any value can
be shown highlighted in its sentence.

The serialized shapes of [`Annotation`] and [`Event`] are the contract of
`shared/spec/io-contract.md` (§3 and §2): field names and meanings are fixed there.

# Example

```
use sitrep_core::{SubEventType, EventType};

let sub = SubEventType::from_name("Remote explosive/landmine/IED").unwrap();
assert_eq!(sub.event_type(), EventType::ExplosionsRemoteViolence);
assert_eq!(sub.event_type().as_str(), "Explosions/Remote violence");
```
*/

mod date;
mod document;
mod event;
mod mention;
mod taxonomy;

pub use crate::date::{days_in_month, is_leap, DateValue, PartialDate, Precision};
pub use crate::document::{Document, Lang, Origin};
pub use crate::event::{Event, Evidence, SourceRef, Status};
pub use crate::mention::{Annotation, Mention, MentionKind, Span};
pub use crate::taxonomy::{EventType, SubEventType};
