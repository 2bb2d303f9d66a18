/*!
sitrep's readers: every input form of the io contract (§1) into [`Document`]s.

A [`Reader`] takes files, directories and standard input and yields, in a deterministic
order, one [`Item`] at a time: a [`Document`], or a [`Problem`] saying why something could
not be read (file, line or record number, and the reason). Problems never stop the run
(contract §4).

# Forms

| form | detected when | one document is |
|---|---|---|
| seed text | the text starts (after optional whitespace) with `date`, an ISO date and one space | the file; its text is everything after that space, byte for byte |
| plain text | nothing else matches | the file, whole |
| JSON Lines | the first non-space byte is `{` | a line with a string `text` |
| HTML | the first non-space byte is `<` followed by a letter or `!`, or a `.html`/`.htm` name | the file's main article text |
| WARC | it starts with `WARC/` (gzip, also multi-member, is opened first) | a `response` record with an HTML payload |

[`ReadOptions::format`] forces a form instead of detecting it.

# Ids

Seed, plain text and HTML files get the file stem as id (`000_c186b72b7e17658b.txt` →
`000_c186b72b7e17658b`); JSON Lines keep their `id` (a string or a number); everything else
(WARC records, JSON lines without an id, standard input) gets [`Document::stable_id`].

# Directories

Directories are walked recursively, entries in byte order of their names. Hidden entries
(name starting with `.`) are skipped, and so are files whose extension is not one of the
document extensions (`txt`, `text`, `md`, `jsonl`, `ndjson`, `jsonlines`, `html`, `htm`,
`xhtml`, `warc`, each optionally followed by `.gz`) or that have no extension at all: images,
archives, databases, `.json` (gold files, not documents) and the like are skipped silently.
A file named on the command line is always read, whatever its name.

# Limits

A document of more than [`ReadOptions::max_bytes`] bytes (16 MiB by default: no news article comes near it) is reported and
skipped; a single-document file is checked on its size before it is read, and nothing is
ever buffered beyond the limit.
*/

mod html;
mod warc;

use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use sitrep_core::{Document, Lang, Origin, PartialDate};

pub use crate::html::{extract as extract_html, HtmlArticle};

/// Which input form to read; `Auto` detects it from the content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Auto,
    /// Plain text with a ` date YYYY-MM-DD ` header, as in `shared/seeds/`.
    Seed,
    /// Plain text, the whole file is the document.
    Text,
    /// JSON Lines, one document a line.
    Jsonl,
    /// An HTML article page.
    Html,
    /// A WARC file (optionally gzipped).
    Warc,
}

impl Format {
    /// Reads a format name as given on a command line (`auto`, `seed`, `text`/`txt`,
    /// `jsonl`/`ndjson`, `html`, `warc`).
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "auto" => Format::Auto,
            "seed" => Format::Seed,
            "text" | "txt" | "plain" => Format::Text,
            "jsonl" | "ndjson" | "json" | "jsonlines" => Format::Jsonl,
            "html" | "htm" => Format::Html,
            "warc" => Format::Warc,
            _ => return None,
        })
    }
}

/// The default [`ReadOptions::max_bytes`]: 16 MiB.
pub const DEFAULT_MAX_BYTES: usize = 16 * 1024 * 1024;

/// How to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    pub format: Format,
    /// The publication date of documents whose input gives none (`--published`).
    pub published: Option<PartialDate>,
    /// Forces the language of every document (`--lang`).
    pub lang: Option<Lang>,
    /// Larger documents are reported and skipped.
    pub max_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { format: Format::Auto, published: None, lang: None, max_bytes: DEFAULT_MAX_BYTES }
    }
}

/// Something that could not be read: where, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub origin: Origin,
    pub reason: String,
}

impl Problem {
    fn new(file: &str, record: Option<u64>, reason: impl Into<String>) -> Problem {
        Problem { origin: Origin { file: file.to_string(), record }, reason: reason.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

impl std::error::Error for Problem {}

/// What a [`Reader`] yields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Doc(Document),
    Problem(Problem),
}

impl Item {
    pub fn doc(self) -> Option<Document> {
        match self {
            Item::Doc(d) => Some(d),
            Item::Problem(_) => None,
        }
    }
}

/// The warning added to a document whose bytes were not all valid UTF-8.
pub const INVALID_UTF8: &str = "invalid UTF-8 replaced";

enum Input {
    Stdin,
    /// A path, and whether it was found inside a directory (then filtered by name).
    Path(PathBuf, bool),
}

/// A source of many documents, read one at a time.
enum Active {
    Jsonl(JsonlSource),
    Warc(warc::WarcSource),
}

/// Streams documents from files, directories and standard input.
///
/// ```no_run
/// use sitrep_read::{Item, ReadOptions, Reader};
/// for item in Reader::new(ReadOptions::default(), vec!["articles/".into()]) {
///     match item {
///         Item::Doc(doc) => println!("{}", doc.id),
///         Item::Problem(p) => eprintln!("{p}"),
///     }
/// }
/// ```
pub struct Reader {
    opts: ReadOptions,
    queue: VecDeque<Input>,
    active: Option<Active>,
    /// Items produced by opening an input, not yet yielded.
    ready: VecDeque<Item>,
    /// Directories already walked (canonical paths), against symlink loops.
    seen_dirs: HashSet<PathBuf>,
}

impl fmt::Debug for Reader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reader")
            .field("opts", &self.opts)
            .field("pending_inputs", &self.queue.len())
            .field("reading", &self.active.is_some())
            .finish()
    }
}

impl Reader {
    /// A reader over `inputs`; no input, or `-`, is standard input.
    pub fn new(opts: ReadOptions, inputs: Vec<PathBuf>) -> Reader {
        let mut queue = VecDeque::new();
        if inputs.is_empty() {
            queue.push_back(Input::Stdin);
        }
        for p in inputs {
            if p.as_os_str() == "-" {
                queue.push_back(Input::Stdin);
            } else {
                queue.push_back(Input::Path(p, false));
            }
        }
        Reader { opts, queue, active: None, ready: VecDeque::new(), seen_dirs: HashSet::new() }
    }

    /// Reads one in-memory input (e.g. a request body) named `name` in diagnostics.
    pub fn read_bytes(opts: &ReadOptions, name: &str, bytes: &[u8]) -> Vec<Item> {
        let mut out = Vec::new();
        let mut active = None;
        open_stream(
            opts,
            name,
            None,
            None,
            Box::new(BufReader::new(Cursor::new(bytes.to_vec()))),
            &mut out,
            &mut active,
        );
        match active {
            Some(Active::Jsonl(mut s)) => out.extend(std::iter::from_fn(|| s.next(opts))),
            Some(Active::Warc(mut s)) => out.extend(std::iter::from_fn(|| s.next(opts))),
            None => {}
        }
        out
    }

    fn open(&mut self, input: Input, out: &mut Vec<Item>) {
        match input {
            Input::Stdin => {
                let stdin: Box<dyn BufRead> = Box::new(BufReader::new(io::stdin()));
                open_stream(&self.opts, "-", None, None, stdin, out, &mut self.active);
            }
            Input::Path(path, in_dir) => self.open_path(path, in_dir, out),
        }
    }

    fn open_path(&mut self, path: PathBuf, in_dir: bool, out: &mut Vec<Item>) {
        let name = path.display().to_string();
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                out.push(Item::Problem(Problem::new(&name, None, e.to_string())));
                return;
            }
        };
        if meta.is_dir() {
            if let Ok(canonical) = fs::canonicalize(&path) {
                if !self.seen_dirs.insert(canonical) {
                    // Already walked (a symbolic link back up the tree).
                    return;
                }
            }
            let entries = match fs::read_dir(&path) {
                Ok(rd) => rd,
                Err(e) => {
                    out.push(Item::Problem(Problem::new(&name, None, e.to_string())));
                    return;
                }
            };
            let mut names = Vec::new();
            for entry in entries {
                match entry {
                    Ok(e) => {
                        let n = e.file_name();
                        if n.to_string_lossy().starts_with('.') {
                            continue;
                        }
                        names.push(n);
                    }
                    Err(e) => out.push(Item::Problem(Problem::new(&name, None, e.to_string()))),
                }
            }
            names.sort();
            for n in names.into_iter().rev() {
                self.queue.push_front(Input::Path(path.join(n), true));
            }
            return;
        }
        if in_dir && !is_document_name(&path) {
            return;
        }
        let file = match fs::File::open(&path) {
            Ok(f) => f,
            Err(e) => {
                out.push(Item::Problem(Problem::new(&name, None, e.to_string())));
                return;
            }
        };
        let stem = file_stem(&path);
        let html_name = matches!(ext_chain(&path).first().map(String::as_str), Some("html" | "htm" | "xhtml"));
        let reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(64 * 1024, file));
        let hint = FileHint { size: Some(meta.len()), html_name };
        open_stream(&self.opts, &name, Some(stem), Some(hint), reader, out, &mut self.active);
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if let Some(active) = &mut self.active {
                let item = match active {
                    Active::Jsonl(s) => s.next(&self.opts),
                    Active::Warc(s) => s.next(&self.opts),
                };
                match item {
                    Some(item) => return Some(item),
                    None => self.active = None,
                }
            }
            let input = self.queue.pop_front()?;
            let mut out = Vec::new();
            self.open(input, &mut out);
            self.ready.extend(out);
        }
    }
}

/// What is known of a file before reading it.
#[derive(Clone, Copy)]
struct FileHint {
    size: Option<u64>,
    html_name: bool,
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
const HEAD: u64 = 4096;

/// Detects the form of `reader`'s content and reads it: a single document goes to `out`,
/// a many-document source to `active`.
fn open_stream(
    opts: &ReadOptions,
    name: &str,
    stem: Option<String>,
    hint: Option<FileHint>,
    mut reader: Box<dyn BufRead>,
    out: &mut Vec<Item>,
    active: &mut Option<Active>,
) {
    let problem = |reason: String| Item::Problem(Problem::new(name, None, reason));
    let mut gzipped = false;
    match reader.fill_buf() {
        Ok(buf) if buf.starts_with(&GZIP_MAGIC) => {
            gzipped = true;
            reader = Box::new(BufReader::with_capacity(64 * 1024, flate2::bufread::MultiGzDecoder::new(reader)));
        }
        Ok(_) => {}
        Err(e) => {
            out.push(problem(e.to_string()));
            return;
        }
    }
    let mut head = Vec::new();
    if let Err(e) = reader.by_ref().take(HEAD).read_to_end(&mut head) {
        out.push(problem(e.to_string()));
        return;
    }
    let format = match opts.format {
        Format::Auto => detect(&head, hint.is_some_and(|h| h.html_name)),
        f => f,
    };
    let reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(64 * 1024, Cursor::new(head).chain(reader)));
    match format {
        Format::Jsonl => *active = Some(Active::Jsonl(JsonlSource { file: name.to_string(), reader, line: 0 })),
        Format::Warc => *active = Some(Active::Warc(warc::WarcSource::new(name, reader))),
        Format::Seed | Format::Text | Format::Html | Format::Auto => {
            if let Some(size) = hint.and_then(|h| h.size).filter(|_| !gzipped) {
                if size > opts.max_bytes as u64 {
                    out.push(problem(too_big(size, opts.max_bytes)));
                    return;
                }
            }
            let bytes = match read_limited(reader, opts.max_bytes) {
                Ok(Ok(b)) => b,
                Ok(Err(size)) => {
                    out.push(problem(too_big(size, opts.max_bytes)));
                    return;
                }
                Err(e) => {
                    out.push(problem(e.to_string()));
                    return;
                }
            };
            out.push(single_document(opts, name, stem, format, &bytes));
        }
    }
}

fn too_big(size: u64, max: usize) -> String {
    format!("document of {size} bytes exceeds the limit of {max}")
}

/// Reads everything, or stops at `max` bytes and counts the rest: `Err(total size)`.
fn read_limited(mut r: impl Read, max: usize) -> io::Result<Result<Vec<u8>, u64>> {
    let mut buf = Vec::new();
    r.by_ref().take(max as u64 + 1).read_to_end(&mut buf)?;
    if buf.len() <= max {
        return Ok(Ok(buf));
    }
    let rest = io::copy(&mut r, &mut io::sink())?;
    Ok(Err(buf.len() as u64 + rest))
}

/// The form of a content, from its first bytes.
fn detect(head: &[u8], html_name: bool) -> Format {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if head.starts_with(b"WARC/") {
        return Format::Warc;
    }
    let first = head.iter().position(|b| !b.is_ascii_whitespace());
    let Some(first) = first else {
        return if html_name { Format::Html } else { Format::Text };
    };
    match head[first] {
        b'{' => return Format::Jsonl,
        b'<' if html_name
            || head.get(first + 1).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'!' || *b == b'?') =>
        {
            return Format::Html
        }
        _ => {}
    }
    if html_name {
        return Format::Html;
    }
    // `date` then blanks then a digit: a seed header (a bad date in it is reported).
    if let Some(rest) = head[first..].strip_prefix(b"date") {
        let blanks = rest.iter().take_while(|b| **b == b' ' || **b == b'\t').count();
        if blanks > 0 && rest.get(blanks).is_some_and(u8::is_ascii_digit) {
            return Format::Seed;
        }
    }
    Format::Text
}

/// Decodes bytes as UTF-8, replacing invalid sequences; `true` when some were replaced.
pub fn decode_utf8(bytes: &[u8]) -> (String, bool) {
    let (s, lossy) = decode_utf8_in_place(bytes);
    (s.into_owned(), lossy)
}

/// [`decode_utf8`] borrowing the bytes when they are valid, the usual case (checked by
/// `from_utf8`, several times faster than the lossy decoder's scan).
fn decode_utf8_in_place(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), false),
        Err(_) => (String::from_utf8_lossy(bytes), true),
    }
}

fn strip_bom(s: String) -> String {
    match s.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => s,
    }
}

/// Splits a seed header off `text`: `(published, body)`.
///
/// The header is optional whitespace, the word `date`, whitespace, an ISO date (`YYYY`,
/// `YYYY-MM`, `YYYY-MM-DD`, or a date and time written `2021-09-22T10:30` or
/// `2021-09-22 10:30`), then one space (or one line break): the body is everything after
/// that separator, unchanged.
pub fn split_seed_header(text: &str) -> Result<(PartialDate, &str), String> {
    let rest = text.trim_start();
    let Some(rest) = rest.strip_prefix("date") else {
        return Err("no `date` header".to_string());
    };
    let after_word = rest.trim_start_matches([' ', '\t']);
    if after_word.len() == rest.len() {
        return Err("no `date` header".to_string());
    }
    let token_end = after_word.find(|c: char| c.is_whitespace()).unwrap_or(after_word.len());
    let token = &after_word[..token_end];
    let mut date = PartialDate::parse_iso(token)
        .filter(|_| token.len() >= 4 && token.as_bytes()[..4].iter().all(u8::is_ascii_digit));
    let mut end = token_end;
    // `2021-09-22 10:30`: a time as a second token.
    if date.is_some() && token.len() == 10 && after_word[token_end..].starts_with(' ') {
        let rest2 = &after_word[token_end + 1..];
        let t_end = rest2.find(|c: char| c.is_whitespace()).unwrap_or(rest2.len());
        let t = &rest2[..t_end];
        if t.len() >= 5 && t.as_bytes()[2] == b':' && t.as_bytes()[..2].iter().all(u8::is_ascii_digit) {
            if let Some(dt) = PartialDate::parse_iso(&format!("{token}T{t}")) {
                date = Some(dt);
                end = token_end + 1 + t_end;
            }
        }
    }
    let Some(date) = date else {
        let shown: String = token.chars().take(40).collect();
        return Err(format!(
            "unknown header: `date {shown}` is not an ISO date (YYYY, YYYY-MM, YYYY-MM-DD, with an optional time)"
        ));
    };
    let body = &after_word[end..];
    let body = body
        .strip_prefix(' ')
        .or_else(|| body.strip_prefix("\r\n"))
        .or_else(|| body.strip_prefix('\n'))
        .or_else(|| body.strip_prefix('\t'))
        .unwrap_or(body);
    Ok((date, body))
}

/// Applies the options and the common checks to a read document.
fn finish(opts: &ReadOptions, mut doc: Document) -> Item {
    if doc.text.trim().is_empty() {
        return Item::Problem(Problem { origin: doc.origin, reason: "empty document".to_string() });
    }
    if doc.published.is_none() {
        doc.published = opts.published;
    }
    if let Some(lang) = &opts.lang {
        doc.lang = Some(lang.clone());
    }
    Item::Doc(doc)
}

fn single_document(opts: &ReadOptions, name: &str, stem: Option<String>, format: Format, bytes: &[u8]) -> Item {
    let origin = Origin { file: name.to_string(), record: None };
    let (text, lossy, html) = if format == Format::Html {
        let (text, lossy) = html::decode_html_bytes(bytes, None);
        (text, lossy, true)
    } else {
        let (text, lossy) = decode_utf8(bytes);
        (strip_bom(text), lossy, false)
    };
    let mut doc = if html {
        let art = match html::extract(&text) {
            Ok(a) => a,
            Err(e) => return Item::Problem(Problem { origin, reason: e }),
        };
        let mut doc = Document::new(art.text, art.url);
        doc.published = art.published;
        doc.lang = art.lang;
        doc.source = art.source;
        doc
    } else if format == Format::Seed {
        match split_seed_header(&text) {
            Ok((date, body)) => {
                let mut doc = Document::new(body.to_string(), None);
                doc.published = Some(date);
                doc
            }
            Err(reason) => return Item::Problem(Problem { origin, reason }),
        }
    } else {
        Document::new(text, None)
    };
    if let Some(stem) = stem {
        doc.id = stem;
    }
    doc.origin = origin;
    if lossy {
        doc.warnings.push(INVALID_UTF8.to_string());
    }
    finish(opts, doc)
}

/// The lower-cased extensions of a file name, last first, `.gz` removed
/// (`a.warc.gz` → `["warc"]`, `a.tar.gz` → `["tar"]`).
fn ext_chain(path: &Path) -> Vec<String> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let mut parts: Vec<&str> = name.split('.').skip(1).collect();
    if parts.last() == Some(&"gz") {
        parts.pop();
    }
    parts.into_iter().rev().map(str::to_string).collect()
}

const DOC_EXTENSIONS: &[&str] = &["txt", "text", "md", "jsonl", "ndjson", "jsonlines", "html", "htm", "xhtml", "warc"];

/// Whether a file found in a directory is read: a document extension, or none at all.
fn is_document_name(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    if !name.contains('.') {
        return true;
    }
    ext_chain(path).first().is_some_and(|e| DOC_EXTENSIONS.contains(&e.as_str()))
}

/// The file name without its extensions' `.gz` and last extension (`a.txt` → `a`,
/// `a.txt.gz` → `a`).
fn file_stem(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = name.strip_suffix(".gz").or_else(|| name.strip_suffix(".GZ")).unwrap_or(&name);
    match name.rfind('.') {
        Some(i) if i > 0 => name[..i].to_string(),
        _ => name.to_string(),
    }
}

// ---- JSON Lines ----

struct JsonlSource {
    file: String,
    reader: Box<dyn BufRead>,
    line: u64,
}

enum Line {
    Eof,
    Fits(Vec<u8>),
    TooLong(u64),
}

/// Reads one line (without its `\n`), buffering at most `max` bytes of it.
fn read_line_limited(r: &mut dyn BufRead, max: usize) -> io::Result<Line> {
    let mut buf = Vec::new();
    let mut total: u64 = 0;
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        total += part.len() as u64;
        if !too_long {
            if buf.len() + part.len() > max {
                too_long = true;
                buf = Vec::new();
            } else {
                buf.extend_from_slice(part);
            }
        }
        let used = done.unwrap_or(chunk.len());
        r.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(Line::Eof);
    }
    if too_long {
        return Ok(Line::TooLong(total));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Fits(buf))
}

impl JsonlSource {
    fn next(&mut self, opts: &ReadOptions) -> Option<Item> {
        loop {
            let line = match read_line_limited(&mut self.reader, opts.max_bytes) {
                Ok(l) => l,
                Err(e) => {
                    // The stream is broken: report and stop reading this source.
                    self.line += 1;
                    let p = Problem::new(&self.file, Some(self.line), e.to_string());
                    self.reader = Box::new(io::empty());
                    return Some(Item::Problem(p));
                }
            };
            self.line += 1;
            let origin = Origin { file: self.file.clone(), record: Some(self.line) };
            let bytes = match line {
                Line::Eof => return None,
                Line::TooLong(n) => return Some(Item::Problem(Problem { origin, reason: too_big(n, opts.max_bytes) })),
                Line::Fits(b) => b,
            };
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let bytes =
                if self.line == 1 { bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes).to_vec() } else { bytes };
            return Some(jsonl_document(opts, origin, &bytes));
        }
    }
}

/// One JSON Lines record into a document.
fn jsonl_document(opts: &ReadOptions, origin: Origin, bytes: &[u8]) -> Item {
    use serde_json::Value;
    // (Parsed in place when valid: the line is not copied.)
    let (line, lossy) = decode_utf8_in_place(bytes);
    let problem = |reason: String| Item::Problem(Problem { origin: origin.clone(), reason });
    let record: Record = match serde_json::from_str(&line) {
        Ok(v) => v,
        Err(e) => return problem(format!("not JSON: {e}")),
    };
    let Record(Some(mut obj)) = record else {
        return problem("not a JSON object".to_string());
    };
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => return problem("no `text`".to_string()),
        Some(_) => return problem("`text` is not a string".to_string()),
    };
    let string_field = |obj: &serde_json::Map<String, Value>, key: &str| match obj.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let url = string_field(&obj, "url");
    let mut doc = Document::new(text, url);
    if let Some(id) = string_field(&obj, "id") {
        doc.id = id;
    }
    doc.source = string_field(&obj, "source");
    doc.lang = match obj.get("lang") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(Lang::from_code(s)),
        _ => None,
    };
    match obj.get("published") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.trim().is_empty() => {}
        Some(v) => {
            let s = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            match PartialDate::parse_iso(&s) {
                Some(d) => doc.published = Some(d),
                None => doc.warnings.push(format!("`published` {s:?} is not an ISO date: ignored")),
            }
        }
    }
    doc.origin = origin;
    if lossy {
        doc.warnings.push(INVALID_UTF8.to_string());
    }
    finish(opts, doc)
}

/// The keys of a JSON Lines record that [`jsonl_document`] reads.
const RECORD_KEYS: &[&str] = &["text", "url", "id", "source", "lang", "published"];

/// A JSON Lines record: the values of [`RECORD_KEYS`] if it is an object (`None` for any
/// other JSON value). The other keys' values (gold annotations, often most of a line) are
/// checked as JSON and skipped without being built.
struct Record(Option<serde_json::Map<String, serde_json::Value>>);

impl<'de> serde::Deserialize<'de> for Record {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Record, D::Error> {
        d.deserialize_any(RecordVisitor)
    }
}

struct RecordVisitor;

impl<'de> serde::de::Visitor<'de> for RecordVisitor {
    type Value = Record;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
        let mut obj = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if RECORD_KEYS.contains(&key.as_str()) {
                obj.insert(key, map.next_value()?);
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(Record(Some(obj)))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Record, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(Record(None))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Record, E> {
        Ok(Record(None))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Record, E> {
        Ok(Record(None))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Record, E> {
        Ok(Record(None))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Record, E> {
        Ok(Record(None))
    }

    fn visit_str<E>(self, _: &str) -> Result<Record, E> {
        Ok(Record(None))
    }

    fn visit_unit<E>(self) -> Result<Record, E> {
        Ok(Record(None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_forms() {
        assert_eq!(detect(b" date 2021-09 Text", false), Format::Seed);
        assert_eq!(detect(b"  {\"text\":1}", false), Format::Jsonl);
        assert_eq!(detect(b"WARC/1.0\r\n", false), Format::Warc);
        assert_eq!(detect(b"<!DOCTYPE html><html>", false), Format::Html);
        assert_eq!(detect(b"hello <b>", true), Format::Html);
        assert_eq!(detect(b"Dates are hard", false), Format::Text);
        assert_eq!(detect(b"date limite pour", false), Format::Text);
        assert_eq!(detect(b"date 22/09/2021 x", false), Format::Seed);
        assert_eq!(detect(b"<3 you", false), Format::Text);
    }

    #[test]
    fn seed_headers() {
        let (d, body) = split_seed_header(" date 2021-09 Enième attaque\n\n").unwrap();
        assert_eq!(d.to_string(), "2021-09");
        assert_eq!(body, "Enième attaque\n\n");
        let (d, body) = split_seed_header("date 2021-09-22T10:30 Texte").unwrap();
        assert_eq!(d.to_string(), "2021-09-22T10:30");
        assert_eq!(body, "Texte");
        let (d, body) = split_seed_header("date 2021-09-22 10:30 Texte").unwrap();
        assert_eq!(d.to_string(), "2021-09-22T10:30");
        assert_eq!(body, "Texte");
        let (d, body) = split_seed_header("date 2021\nTexte").unwrap();
        assert_eq!(d.to_string(), "2021");
        assert_eq!(body, "Texte");
        let (_, body) = split_seed_header("date 2021-09-22  two spaces").unwrap();
        assert_eq!(body, " two spaces");
        assert!(split_seed_header("date 22/09/2021 Texte").unwrap_err().contains("unknown header"));
    }

    #[test]
    fn names() {
        assert!(is_document_name(Path::new("a/b.txt")));
        assert!(is_document_name(Path::new("a/b.warc.gz")));
        assert!(is_document_name(Path::new("a/README")));
        assert!(!is_document_name(Path::new("a/b.png")));
        assert!(!is_document_name(Path::new("a/b.tar.gz")));
        assert!(!is_document_name(Path::new("a/expected.json")));
        assert_eq!(file_stem(Path::new("x/000_abc.txt")), "000_abc");
        assert_eq!(file_stem(Path::new("x/a.txt.gz")), "a");
        assert_eq!(file_stem(Path::new("x/noext")), "noext");
    }

    #[test]
    fn long_lines_are_not_buffered() {
        let mut data = vec![b'x'; 10_000];
        data.push(b'\n');
        data.extend_from_slice(b"ok\n");
        let mut r = BufReader::with_capacity(64, Cursor::new(data));
        assert!(matches!(read_line_limited(&mut r, 100).unwrap(), Line::TooLong(10_000)));
        assert!(matches!(read_line_limited(&mut r, 100).unwrap(), Line::Fits(b) if b == b"ok"));
        assert!(matches!(read_line_limited(&mut r, 100).unwrap(), Line::Eof));
    }
}
