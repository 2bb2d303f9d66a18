use serde::Serialize;

/// A range of characters (Unicode code points, end exclusive) in a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    Date,
    Place,
    Actor,
    Number,
}

/// A piece of text with the value sitrep read from it (contract §3).
///
/// Only the fields of its kind are set; the others are left out of the JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    pub kind: MentionKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Date: the resolved value (`2021-09-22`, `2020-W50`, `START/END`); number: the integer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision: Option<crate::Precision>,
    /// Place or actor: the canonical name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u64>,
    /// Place: ACLED geo precision of the mention (1 the place itself, 2 near it, 3 a region).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo_precision: Option<u8>,
    /// Actor: its role in the text (`source`, `actor`, …); actor: its ACLED inter code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inter: Option<u8>,
    /// The rule or lexicon entry that produced the value, for `explain`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Mention {
    /// A mention of `kind` over `span`, whose text is `text`; every value field empty.
    pub fn new(kind: MentionKind, span: Span, text: &str) -> Mention {
        Mention {
            kind,
            start: span.start,
            end: span.end,
            text: text.to_string(),
            value: None,
            precision: None,
            name: None,
            country: None,
            admin1: None,
            admin2: None,
            latitude: None,
            longitude: None,
            geonames_id: None,
            geo_precision: None,
            role: None,
            inter: None,
            rule: None,
            warnings: Vec::new(),
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The annotation layer of one document (contract §3).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Annotation {
    pub doc_id: String,
    pub lang: String,
    pub published: Option<String>,
    /// `[start, end]` character ranges.
    pub sentences: Vec<[usize; 2]>,
    pub mentions: Vec<Mention>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}
