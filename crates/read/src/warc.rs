//! WARC files (ISO 28500, as written by Common Crawl News): one document per `response`
//! record whose HTTP payload is an HTML page.
//!
//! Records are numbered from 1 in file order (every record counts, whatever its type), and
//! that number is the `record` of the documents' and problems' origin. Records that are not
//! responses, responses that are not HTML or not `2xx`, are skipped silently. A record
//! whose framing is broken (no `WARC/` version line, no `Content-Length`) is reported, and
//! reading goes on at the next `WARC/` line; a truncated file ends the source.

use std::io::{self, BufRead, Read};

use sitrep_core::{Document, Origin, PartialDate};

use crate::{finish, read_line_limited, too_big, Item, Line, Problem, ReadOptions, INVALID_UTF8};

/// The longest header line or total header size kept.
const MAX_HEADER: usize = 1 << 20;

pub(crate) struct WarcSource {
    file: String,
    reader: Box<dyn BufRead>,
    record: u64,
    done: bool,
    /// The version line of the next record was already read (after a resync).
    have_version: bool,
}

struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

impl WarcSource {
    pub(crate) fn new(file: &str, reader: Box<dyn BufRead>) -> WarcSource {
        WarcSource { file: file.to_string(), reader, record: 0, done: false, have_version: false }
    }

    fn problem(&self, reason: impl Into<String>) -> Item {
        Item::Problem(Problem::new(&self.file, Some(self.record), reason))
    }

    fn fail(&mut self, reason: impl Into<String>) -> Option<Item> {
        self.done = true;
        Some(self.problem(reason))
    }

    fn line(&mut self) -> io::Result<Option<String>> {
        Ok(match read_line_limited(&mut self.reader, MAX_HEADER)? {
            Line::Eof => None,
            Line::TooLong(_) => Some(String::from("\u{fffd}")),
            Line::Fits(b) => Some(String::from_utf8_lossy(&b).into_owned()),
        })
    }

    /// Skips lines up to the next `WARC/` version line; `false` at the end of the file.
    fn resync(&mut self) -> io::Result<bool> {
        while let Some(l) = self.line()? {
            if l.starts_with("WARC/") {
                self.have_version = true;
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub(crate) fn next(&mut self, opts: &ReadOptions) -> Option<Item> {
        loop {
            if self.done {
                return None;
            }
            match self.next_record(opts) {
                Ok(Some(item)) => return Some(item),
                Ok(None) => continue,
                Err(e) => return self.fail(format!("read error: {e}")),
            }
        }
    }

    /// Reads one record: `Ok(None)` when it is skipped.
    fn next_record(&mut self, opts: &ReadOptions) -> io::Result<Option<Item>> {
        if !self.have_version {
            let version = loop {
                match self.line()? {
                    None => {
                        self.done = true;
                        return Ok(None);
                    }
                    Some(l) if l.trim().is_empty() => continue,
                    Some(l) => break l,
                }
            };
            if !version.starts_with("WARC/") {
                self.record += 1;
                let item = self.problem(format!(
                    "malformed WARC record: expected a `WARC/` version line, found {:?}",
                    version.chars().take(40).collect::<String>()
                ));
                if !self.resync()? {
                    self.done = true;
                }
                return Ok(Some(item));
            }
        }
        self.have_version = false;
        self.record += 1;

        let mut fields: Vec<(String, String)> = Vec::new();
        let mut size = 0;
        loop {
            let Some(l) = self.line()? else {
                return Ok(self.fail("truncated WARC record: the file ends in its header"));
            };
            if l.is_empty() {
                break;
            }
            size += l.len();
            if size > MAX_HEADER {
                return Ok(self.fail("malformed WARC record: header too long"));
            }
            if l.starts_with([' ', '\t']) {
                if let Some(last) = fields.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(l.trim());
                }
                continue;
            }
            match l.split_once(':') {
                Some((k, v)) => fields.push((k.trim().to_string(), v.trim().to_string())),
                None => {
                    let item = self.problem(format!(
                        "malformed WARC record: bad header line {:?}",
                        l.chars().take(40).collect::<String>()
                    ));
                    if !self.resync()? {
                        self.done = true;
                    }
                    return Ok(Some(item));
                }
            }
        }
        let header = Header { fields };
        let Some(len) = header.get("Content-Length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            let item = self.problem("malformed WARC record: no valid Content-Length");
            if !self.resync()? {
                self.done = true;
            }
            return Ok(Some(item));
        };
        let is_response = header.get("WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        let http = !matches!(
            header.get("Content-Type"),
            Some(t) if !t.to_ascii_lowercase().contains("application/http")
        );
        if !is_response || !http || len > opts.max_bytes as u64 {
            let skipped = io::copy(&mut (&mut self.reader).take(len), &mut io::sink())?;
            if skipped < len {
                return Ok(self.fail("truncated WARC record"));
            }
            if is_response && http {
                return Ok(Some(self.problem(too_big(len, opts.max_bytes))));
            }
            return Ok(None);
        }
        let mut block = Vec::with_capacity(len as usize);
        (&mut self.reader).take(len).read_to_end(&mut block)?;
        if (block.len() as u64) < len {
            return Ok(self.fail("truncated WARC record"));
        }
        Ok(self.response(opts, &header, &block))
    }

    /// A `response` record's HTTP block into a document, `None` when it is no HTML page.
    fn response(&self, opts: &ReadOptions, header: &Header, block: &[u8]) -> Option<Item> {
        let Some((status, http_headers, body)) = split_http(block) else {
            return Some(self.problem("malformed HTTP response in WARC record"));
        };
        if !(200..300).contains(&status) {
            return None;
        }
        let get = |name: &str| {
            http_headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.to_ascii_lowercase())
        };
        let content_type = get("Content-Type");
        match &content_type {
            Some(t) if !t.contains("html") => return None,
            None if !body.trim_ascii_start().starts_with(b"<") => return None,
            _ => {}
        }
        let mut payload = body.to_vec();
        if get("Transfer-Encoding").is_some_and(|t| t.contains("chunked")) {
            if let Some(p) = dechunk(&payload) {
                payload = p;
            }
        }
        if get("Content-Encoding").is_some_and(|t| t.contains("gzip")) && payload.starts_with(&crate::GZIP_MAGIC) {
            let gz = flate2::read::MultiGzDecoder::new(&payload[..]);
            match crate::read_limited(gz, opts.max_bytes) {
                Ok(Ok(p)) => payload = p,
                Ok(Err(n)) => return Some(self.problem(too_big(n, opts.max_bytes))),
                Err(e) => return Some(self.problem(format!("bad gzip payload: {e}"))),
            }
        }
        let (html, lossy) = crate::html::decode_html_bytes(&payload, content_type.as_deref());
        let art = match crate::html::extract(&html) {
            Ok(a) => a,
            Err(e) => return Some(self.problem(e)),
        };
        let url = header
            .get("WARC-Target-URI")
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .filter(|u| !u.is_empty())
            .or(art.url);
        let mut doc = Document::new(art.text, url);
        doc.published = art.published.or_else(|| header.get("WARC-Date").and_then(PartialDate::parse_iso));
        doc.lang = art.lang;
        doc.source = art.source;
        doc.origin = Origin { file: self.file.clone(), record: Some(self.record) };
        if lossy {
            doc.warnings.push(INVALID_UTF8.to_string());
        }
        Some(finish(opts, doc))
    }
}

type Fields = Vec<(String, String)>;

/// Splits an HTTP response into status, headers and body.
fn split_http(block: &[u8]) -> Option<(u16, Fields, &[u8])> {
    let (head_end, body_start) = match find(block, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => {
            let i = find(block, b"\n\n")?;
            (i, i + 2)
        }
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let headers =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())).collect();
    Some((status, headers, &block[body_start..]))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Undoes HTTP chunked transfer coding; `None` when the body is not chunked after all.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = find(body, b"\r\n")?;
        let size_str = std::str::from_utf8(&body[..eol]).ok()?;
        let size_str = size_str.split(';').next()?.trim();
        let size = usize::from_str_radix(size_str, 16).ok()?;
        body = &body[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n").unwrap(), b"Wikipedia");
        assert!(dechunk(b"<html>").is_none());
    }

    #[test]
    fn http_split() {
        let (s, h, b) = split_http(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>").unwrap();
        assert_eq!(s, 200);
        assert_eq!(h[0].1, "text/html");
        assert_eq!(b, b"<p>x</p>");
    }
}
