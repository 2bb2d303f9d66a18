use serde::Serialize;

/// Who says an event happened, and how (contract §2 `status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Reported,
    Claimed,
    Alleged,
    Denied,
    Foiled,
    Planned,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Reported => "reported",
            Status::Claimed => "claimed",
            Status::Alleged => "alleged",
            Status::Denied => "denied",
            Status::Foiled => "foiled",
            Status::Planned => "planned",
        }
    }
}

/// The characters of the text a coded field came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub field: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One document's report of an event: the sentence range it was coded from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub doc_id: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
}

/// One coded event, in the shape of contract §2. Field order is ACLED's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub event_id: String,
    pub doc_id: String,
    pub event_date: Option<String>,
    pub date_precision: Option<crate::Precision>,
    pub event_type: &'static str,
    pub sub_event_type: &'static str,
    pub actor1: Option<String>,
    pub assoc_actor_1: Option<String>,
    pub inter1: Option<u8>,
    pub actor2: Option<String>,
    pub assoc_actor_2: Option<String>,
    pub inter2: Option<u8>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub location: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: Option<u8>,
    pub geonames_id: Option<u64>,
    pub fatalities: u32,
    pub fatalities_known: bool,
    pub injured: Option<u32>,
    pub arrested: Option<u32>,
    pub status: Status,
    pub claimed_by: Option<String>,
    pub source: Option<String>,
    pub background: bool,
    pub confidence: f64,
    pub evidence: Vec<Evidence>,
    pub sentence: String,
    pub sources: Vec<SourceRef>,
}
