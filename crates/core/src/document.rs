use crate::date::PartialDate;

/// A language sitrep knows how to read. Others are kept as their code and get no coding.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
    Other(String),
}

impl Lang {
    /// Reads an ISO 639-1 code (`fr`, `en`, `FR`, `fr-FR`, `fra`, `eng`).
    pub fn from_code(code: &str) -> Lang {
        let c = code.trim().to_ascii_lowercase();
        let base = c.split(['-', '_']).next().unwrap_or("");
        match base {
            "fr" | "fra" | "fre" | "french" => Lang::Fr,
            "en" | "eng" | "english" => Lang::En,
            _ => Lang::Other(base.to_string()),
        }
    }

    pub fn code(&self) -> &str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Other(c) => c,
        }
    }
}

/// Where a document was read from, for diagnostics: a file, and a line or record in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file path, or `-` for standard input.
    pub file: String,
    /// 1-based line (JSON Lines) or record (WARC) number, when the file holds many documents.
    pub record: Option<u64>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.record {
            Some(n) => write!(f, "{}:{}", self.file, n),
            None => f.write_str(&self.file),
        }
    }
}

/// One article, as read: its text is never changed afterwards, since every offset that
/// sitrep writes points into it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub text: String,
    /// The publication date (the dateline), as precise as the input gave it.
    pub published: Option<PartialDate>,
    /// The language the input declared; `None` lets the text layer identify it.
    pub lang: Option<Lang>,
    pub url: Option<String>,
    /// The outlet, when the input names it.
    pub source: Option<String>,
    pub origin: Origin,
    /// Problems met while reading that did not stop it (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<String>,
}

impl Document {
    /// A document with a stable id derived from its text (and url when known): the same
    /// article read twice gets the same id.
    pub fn new(text: String, url: Option<String>) -> Document {
        let id = Document::stable_id(&text, url.as_deref());
        Document {
            id,
            text,
            published: None,
            lang: None,
            url,
            source: None,
            origin: Origin::default(),
            warnings: Vec::new(),
        }
    }

    /// 16 hex digits of a 64-bit FNV-1a hash over the url (if any) and the text.
    pub fn stable_id(text: &str, url: Option<&str>) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for &b in bytes {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        };
        if let Some(u) = url {
            eat(u.as_bytes());
            eat(&[0]);
        }
        eat(text.as_bytes());
        format!("{h:016x}")
    }
}
