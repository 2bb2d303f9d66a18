//! One test per behaviour of the reader, on small files made in a temporary directory,
//! plus checks against `../shared` (skipped when it is absent).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sitrep_core::{Document, Lang, PartialDate};
use sitrep_read::{Format, Item, Problem, ReadOptions, Reader, INVALID_UTF8};

/// A fresh, empty directory for one test, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn join(&self, p: &str) -> PathBuf {
        self.0.join(p)
    }
}

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("sitrep-read-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

fn read_all(opts: ReadOptions, inputs: &[&Path]) -> (Vec<Document>, Vec<Problem>) {
    let reader = Reader::new(opts, inputs.iter().map(|p| p.to_path_buf()).collect());
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for item in reader {
        match item {
            Item::Doc(d) => docs.push(d),
            Item::Problem(p) => problems.push(p),
        }
    }
    (docs, problems)
}

fn read(inputs: &[&Path]) -> (Vec<Document>, Vec<Problem>) {
    read_all(ReadOptions::default(), inputs)
}

fn date(s: &str) -> Option<PartialDate> {
    Some(PartialDate::parse_iso(s).unwrap())
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

#[test]
fn seed_file() {
    let dir = temp_dir("seed");
    let f = dir.join("000_abc.txt");
    write(&f, " date 2021-09 Enième attaque.\n\nSuite.  \n\n");
    let (docs, problems) = read(&[&f]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d.id, "000_abc");
    assert_eq!(d.text, "Enième attaque.\n\nSuite.  \n\n");
    assert_eq!(d.published, date("2021-09"));
    assert_eq!(d.lang, None);
    assert_eq!(d.origin.file, f.display().to_string());
    assert_eq!(d.origin.record, None);
    assert!(d.warnings.is_empty());
}

#[test]
fn seed_header_with_time_and_unknown_header() {
    let dir = temp_dir("seed-time");
    write(&dir.join("a.txt"), "date 2021-09-22T10:30 Texte.");
    write(&dir.join("b.txt"), "date 22/09/2021 Texte.");
    let (docs, problems) = read(&[&dir]);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].published, date("2021-09-22T10:30"));
    assert_eq!(docs[0].text, "Texte.");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].reason.contains("unknown header"), "{}", problems[0]);
    assert!(problems[0].origin.file.ends_with("b.txt"));
}

#[test]
fn seeds_match_the_dev_set() {
    let root = shared();
    let gold = root.join("eval/dev/events_seeds.jsonl");
    if !gold.exists() {
        eprintln!("skipped: {} is absent", gold.display());
        return;
    }
    let (records, problems) = read(&[&gold]);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(!records.is_empty());
    for rec in &records {
        let seed = root.join("seeds").join(format!("{}.txt", rec.id));
        let (docs, problems) = read(&[&seed]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.id, rec.id);
        // Exactly, trailing blank lines included: the seed text is everything after
        // ` date YYYY-MM ` byte for byte.
        assert_eq!(d.text, rec.text, "{}", seed.display());
        assert_eq!(d.published, rec.published);
    }
    // The seeds directory holds `expected.json` too: it is not a document.
    let (docs, problems) = read(&[&root.join("seeds")]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(docs.len(), records.len());
}

#[test]
fn every_dev_set_line_reads() {
    let dir = shared().join("eval/dev");
    let Ok(entries) = fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> =
        entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "jsonl")).collect();
    files.sort();
    for f in files {
        // Link sets (`{"fr_id", "en_id"}`) are pairs of ids, not documents.
        let first = fs::read_to_string(&f).unwrap();
        let first = first.lines().next().unwrap_or("");
        if !first.contains("\"text\"") {
            eprintln!("not a document set: {}", f.display());
            continue;
        }
        let lines = fs::read_to_string(&f).unwrap().lines().filter(|l| !l.trim().is_empty()).count();
        let (docs, problems) = read(&[&f]);
        assert!(problems.is_empty(), "{}: {:?}", f.display(), &problems[..1]);
        assert_eq!(docs.len(), lines, "{}", f.display());
        assert!(docs.iter().all(|d| d.warnings.is_empty()));
    }
}

#[test]
fn plain_text_with_default_date() {
    let dir = temp_dir("plain");
    let f = dir.join("note.txt");
    write(&f, "Des tirs ont été entendus hier.\n");
    let opts = ReadOptions { published: date("2022-03-04"), ..ReadOptions::default() };
    let (docs, problems) = read_all(opts, &[&f]);
    assert!(problems.is_empty());
    assert_eq!(docs[0].id, "note");
    assert_eq!(docs[0].text, "Des tirs ont été entendus hier.\n");
    assert_eq!(docs[0].published, date("2022-03-04"));
}

#[test]
fn forced_format_keeps_the_header() {
    let dir = temp_dir("forced");
    let f = dir.join("s.txt");
    write(&f, " date 2021-09 Texte");
    let opts = ReadOptions { format: Format::Text, ..ReadOptions::default() };
    let (docs, _) = read_all(opts, &[&f]);
    assert_eq!(docs[0].text, " date 2021-09 Texte");
    assert_eq!(docs[0].published, None);
}

#[test]
fn options_fill_dates_and_force_languages() {
    let dir = temp_dir("opts");
    let f = dir.join("d.jsonl");
    write(&f, "{\"text\": \"a\", \"lang\": \"en\", \"published\": \"2020-01-02\"}\n{\"text\": \"b\"}\n");
    let (docs, _) = read(&[&f]);
    assert_eq!(docs[0].lang, Some(Lang::En));
    assert_eq!(docs[1].lang, None);
    let opts = ReadOptions { lang: Some(Lang::Fr), published: date("2021"), ..ReadOptions::default() };
    let (docs, _) = read_all(opts, &[&f]);
    assert_eq!(docs[0].lang, Some(Lang::Fr));
    assert_eq!(docs[0].published, date("2020-01-02"));
    assert_eq!(docs[1].lang, Some(Lang::Fr));
    assert_eq!(docs[1].published, date("2021"));
}

#[test]
fn jsonl_with_bad_lines() {
    let dir = temp_dir("jsonl");
    let f = dir.join("docs.jsonl");
    let lines = [
        r#"{"id": "a", "text": "Premier.", "published": "2021-09-22", "lang": "fr", "url": "https://x.test/a", "source": "Al-Mayadeen", "events": []}"#,
        r#"{"id": 7, "text": "Second.", "published": null}"#,
        "",
        r#"{"id": "bad", "text": "unterminated"#,
        r#"{"id": "notext"}"#,
        r#"{"id": "num", "text": 12}"#,
        "[1, 2]",
        r#"{"text": "Sans id.", "url": "https://x.test/c"}"#,
        r#"{"id": "e", "text": "   "}"#,
        r#"{"id": "d", "text": "Date bizarre.", "published": "hier"}"#,
    ];
    write(&f, lines.join("\n") + "\n");
    let (docs, problems) = read(&[&f]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let stable = Document::stable_id("Sans id.", Some("https://x.test/c"));
    assert_eq!(ids, ["a", "7", stable.as_str(), "d"]);
    let a = &docs[0];
    assert_eq!(a.text, "Premier.");
    assert_eq!(a.published, date("2021-09-22"));
    assert_eq!(a.lang, Some(Lang::Fr));
    assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
    assert_eq!(a.source.as_deref(), Some("Al-Mayadeen"));
    assert_eq!(a.origin.record, Some(1));
    assert_eq!(docs[1].published, None);
    assert_eq!(docs[2].origin.record, Some(8));
    assert_eq!(docs[3].published, None);
    assert_eq!(docs[3].warnings.len(), 1, "{:?}", docs[3].warnings);

    let lines_reported: Vec<Option<u64>> = problems.iter().map(|p| p.origin.record).collect();
    assert_eq!(lines_reported, [Some(4), Some(5), Some(6), Some(7), Some(9)]);
    assert!(problems[0].reason.starts_with("not JSON"), "{}", problems[0]);
    assert_eq!(problems[1].reason, "no `text`");
    assert_eq!(problems[2].reason, "`text` is not a string");
    assert_eq!(problems[4].reason, "empty document");
    assert_eq!(problems[1].to_string(), format!("{}:5: no `text`", f.display()));
}

#[test]
fn invalid_utf8_is_replaced_and_flagged() {
    let dir = temp_dir("utf8");
    let t = dir.join("latin.txt");
    write(&t, b"Caf\xe9 bombard\xe9.\n");
    let j = dir.join("latin.jsonl");
    write(&j, b"{\"id\": \"x\", \"text\": \"Caf\xe9\"}\n");
    let (docs, problems) = read(&[&t, &j]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(docs[0].text, "Caf\u{fffd} bombard\u{fffd}.\n");
    assert_eq!(docs[0].warnings, [INVALID_UTF8]);
    assert_eq!(docs[1].text, "Caf\u{fffd}");
    assert_eq!(docs[1].warnings, [INVALID_UTF8]);
}

#[test]
fn empty_documents_are_reported() {
    let dir = temp_dir("empty");
    let a = dir.join("empty.txt");
    write(&a, " \n\t\n");
    let b = dir.join("seed.txt");
    write(&b, " date 2021-09 \n");
    let (docs, problems) = read(&[&a, &b]);
    assert!(docs.is_empty());
    assert_eq!(problems.len(), 2);
    assert!(problems.iter().all(|p| p.reason == "empty document"));
}

#[test]
fn unreadable_paths_are_reported() {
    let dir = temp_dir("unreadable");
    let missing = dir.join("missing.txt");
    let ok = dir.join("ok.txt");
    write(&ok, "Texte.");
    let (docs, problems) = read(&[&missing, &ok]);
    assert_eq!(docs.len(), 1);
    assert_eq!(problems.len(), 1);
    let p = problems[0].to_string();
    assert!(p.starts_with(&missing.display().to_string()), "{p}");
    assert!(p.contains("No such file"), "{p}");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.join("locked.txt");
        write(&locked, "secret");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        // Root reads it anyway: then it is simply a document.
        if fs::read(&locked).is_err() {
            let (docs, problems) = read(&[&locked]);
            assert!(docs.is_empty());
            assert!(problems[0].reason.contains("ermission"), "{}", problems[0]);
        }
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
    }
}

#[test]
fn directories_are_walked_in_order() {
    let dir = temp_dir("walk");
    write(&dir.join("b.txt"), "B");
    write(&dir.join("a/z.txt"), "AZ");
    write(&dir.join("a/deeper/y.txt"), "AY");
    write(&dir.join("a/deeper/page.html"), "<html><body><p>Page</p></body></html>");
    write(&dir.join("c.jsonl"), "{\"id\": \"c1\", \"text\": \"C1\"}\n");
    write(&dir.join("README"), "Read me");
    write(&dir.join(".hidden.txt"), "hidden");
    write(&dir.join(".git/x.txt"), "hidden too");
    write(&dir.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0");
    write(&dir.join("data.db"), b"SQLite format 3\0");
    write(&dir.join("gold.json"), "{\n  \"a\": 1\n}\n");
    write(&dir.join("archive.tar.gz"), b"\x1f\x8b\x08\0");
    let (docs, problems) = read(&[&dir]);
    assert!(problems.is_empty(), "{problems:?}");
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    // Byte order of names: `README` before `a`.
    assert_eq!(texts, ["Read me", "Page", "AY", "AZ", "B", "C1"]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["README", "page", "y", "z", "b", "c1"]);
    // A file named on the command line is read whatever its name.
    let (docs, _) = read(&[&dir.join("gold.json")]);
    assert!(docs.is_empty());
}

#[test]
fn huge_documents_are_skipped() {
    let dir = temp_dir("huge");
    let big = dir.join("big.txt");
    {
        let mut f = fs::File::create(&big).unwrap();
        let line = "x".repeat(1023) + "\n";
        for _ in 0..(50 * 1024) {
            f.write_all(line.as_bytes()).unwrap();
        }
    }
    let small = dir.join("small.txt");
    write(&small, "petit");
    let opts = ReadOptions { max_bytes: 1024 * 1024, ..ReadOptions::default() };
    let (docs, problems) = read_all(opts.clone(), &[&big, &small]);
    assert_eq!(docs.len(), 1);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].reason, format!("document of {} bytes exceeds the limit of 1048576", 50 * 1024 * 1024));

    // A huge JSON line: skipped, and the lines around it are read.
    let jl = dir.join("big.jsonl");
    {
        let mut f = fs::File::create(&jl).unwrap();
        f.write_all(b"{\"id\": \"before\", \"text\": \"avant\"}\n{\"id\": \"huge\", \"text\": \"").unwrap();
        let chunk = "y".repeat(1 << 20);
        for _ in 0..50 {
            f.write_all(chunk.as_bytes()).unwrap();
        }
        f.write_all(b"\"}\n{\"id\": \"after\", \"text\": \"apr\xc3\xa8s\"}\n").unwrap();
    }
    let (docs, problems) = read_all(opts, &[&jl]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["before", "after"]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].origin.record, Some(2));
    assert!(problems[0].reason.contains("exceeds the limit"));
}

const PAGE: &str = r#"<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta property="article:published_time" content="2021-09-22T14:05:00+03:00">
  <meta property="og:site_name" content="Al Manar">
  <meta property="og:url" content="https://example.org/irak">
  <title>Irak : attaque | Al Manar</title>
</head>
<body>
  <nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li></ul></nav>
  <article>
    <header><h1>Irak : un convoi attaqué</h1><p class="byline">Par la rédaction</p></header>
    <p>Un convoi de la coalition a été visé par un engin explosif à Nassiriyah.</p>
    <p>L&#39;attaque n&rsquo;a pas fait de victimes, selon des sources de s&eacute;curit&eacute;.</p>
    <footer><p>Partager cet article</p></footer>
  </article>
  <aside><p>Les plus lus : beaucoup de texte sans rapport.</p></aside>
</body>
</html>
"#;

#[test]
fn html_page_with_published_time() {
    let dir = temp_dir("html");
    let f = dir.join("irak.html");
    write(&f, PAGE);
    let (docs, problems) = read(&[&f]);
    assert!(problems.is_empty(), "{problems:?}");
    let d = &docs[0];
    assert_eq!(d.id, "irak");
    assert_eq!(
        d.text,
        "Irak : un convoi attaqué\n\n\
         Un convoi de la coalition a été visé par un engin explosif à Nassiriyah.\n\n\
         L'attaque n’a pas fait de victimes, selon des sources de sécurité."
    );
    assert_eq!(d.published, date("2021-09-22T14:05"));
    assert_eq!(d.lang, Some(Lang::Fr));
    assert_eq!(d.source.as_deref(), Some("Al Manar"));
    assert_eq!(d.url.as_deref(), Some("https://example.org/irak"));
}

fn warc_record(kind: &str, uri: &str, date: &str, block: &[u8]) -> Vec<u8> {
    let msgtype = if kind == "request" { "request" } else { "response" };
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n\
         WARC-Record-ID: <urn:uuid:0000>\r\nContent-Type: application/http; msgtype={msgtype}\r\n\
         Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn http(content_type: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}", body.len())
        .into_bytes()
}

#[test]
fn gzipped_warc() {
    let dir = temp_dir("warc");
    let f = dir.join("news.warc.gz");
    let page2 = "<html lang=\"en\"><body><h1>Clashes in Tripoli</h1><p>Two people were killed.</p></body></html>";
    let records = [
        warc_record("warcinfo", "", "2021-09-23T00:00:00Z", b"software: test\r\n"),
        warc_record(
            "request",
            "https://example.org/irak",
            "2021-09-23T10:00:00Z",
            b"GET /irak HTTP/1.1\r\nHost: example.org\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://example.org/irak",
            "2021-09-23T10:00:01Z",
            &http("text/html; charset=utf-8", PAGE),
        ),
        warc_record(
            "response",
            "https://example.org/robots.txt",
            "2021-09-23T10:00:02Z",
            &http("text/plain", "User-agent: *\n"),
        ),
        warc_record("response", "https://example.com/tripoli", "2021-09-24T08:00:00Z", &http("text/html", page2)),
    ];
    // One gzip member per record, as Common Crawl writes them.
    let bytes: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    write(&f, &bytes);
    let (docs, problems) = read(&[&f]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(docs.len(), 2);
    let (a, b) = (&docs[0], &docs[1]);
    assert!(a.text.starts_with("Irak : un convoi attaqué\n\nUn convoi"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/irak"));
    assert_eq!(a.published, date("2021-09-22T14:05"));
    assert_eq!(a.origin.record, Some(3));
    assert_eq!(a.source.as_deref(), Some("Al Manar"));
    assert_eq!(a.id, Document::stable_id(&a.text, a.url.as_deref()));
    assert_eq!(b.text, "Clashes in Tripoli\n\nTwo people were killed.");
    assert_eq!(b.published, date("2021-09-24T08:00"));
    assert_eq!(b.lang, Some(Lang::En));
    assert_eq!(b.origin.record, Some(5));

    // The same, not gzipped, is the same documents.
    let plain = dir.join("news.warc");
    write(&plain, records.concat());
    let (docs2, problems) = read(&[&plain]);
    assert!(problems.is_empty());
    assert_eq!(docs.iter().map(|d| &d.id).collect::<Vec<_>>(), docs2.iter().map(|d| &d.id).collect::<Vec<_>>());
}

#[test]
fn malformed_warc_record_is_reported() {
    let dir = temp_dir("warc-bad");
    let f = dir.join("bad.warc");
    let good = warc_record(
        "response",
        "https://example.com/t",
        "2021-09-24T08:00:00Z",
        &http("text/html", "<html><body><p>Texte.</p></body></html>"),
    );
    let mut bytes = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\ngarbage\r\n\r\n".to_vec();
    bytes.extend_from_slice(&good);
    bytes.extend_from_slice(&warc_record(
        "response",
        "https://example.com/u",
        "2021-09-24T08:00:00Z",
        b"not an HTTP response",
    ));
    write(&f, &bytes);
    let (docs, problems) = read(&[&f]);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].text, "Texte.");
    assert_eq!(docs[0].origin.record, Some(2));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(problems[0].origin.record, Some(1));
    assert!(problems[0].reason.contains("Content-Length"));
    assert_eq!(problems[1].origin.record, Some(3));
    assert!(problems[1].reason.contains("malformed HTTP"));
}

#[test]
fn read_bytes_detects_forms() {
    let opts = ReadOptions::default();
    let items = Reader::read_bytes(&opts, "-", b" date 2020-12 Texte.");
    let doc = items.into_iter().next().and_then(Item::doc).unwrap();
    assert_eq!(doc.text, "Texte.");
    assert_eq!(doc.id, Document::stable_id("Texte.", None));
    let items = Reader::read_bytes(&opts, "-", b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
    assert_eq!(items.len(), 2);
}

#[test]
fn gzipped_text_and_jsonl() {
    let dir = temp_dir("gz");
    write(&dir.join("a.txt.gz"), gzip(" date 2019-05-01 Texte compressé.".as_bytes()));
    write(&dir.join("b.jsonl.gz"), gzip(b"{\"id\": \"j\", \"text\": \"x\"}\n"));
    let (docs, problems) = read(&[&dir]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(docs[0].id, "a");
    assert_eq!(docs[0].text, "Texte compressé.");
    assert_eq!(docs[0].published, date("2019-05-01"));
    assert_eq!(docs[1].id, "j");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_walked_once() {
    let dir = temp_dir("loop");
    write(&dir.join("sub/a.txt"), "A");
    std::os::unix::fs::symlink(&dir.0, dir.join("sub/back")).unwrap();
    let (docs, problems) = read(&[&dir]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(docs.len(), 1);
}

#[test]
fn several_inputs_keep_their_order() {
    let dir = temp_dir("order");
    let (a, b) = (dir.join("z.txt"), dir.join("a.txt"));
    write(&a, "Z");
    write(&b, "A");
    let (docs, _) = read(&[&a, &b]);
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["Z", "A"]);
}
