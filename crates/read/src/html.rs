//! The main article text and metadata of an HTML page.
//!
//! `script`, `style`, `noscript`, `template` and comments are cut out before parsing (their
//! content is not markup, and `tl` does not know that); JSON-LD scripts are kept aside for
//! `datePublished`. The article is the first `<article>` with paragraph text, else the
//! element whose `<p>` children hold the most text, else `<body>`. Inside it, `nav`,
//! `header`, `footer`, `aside`, `form`, `figure` and controls are dropped, and the text is
//! cut into paragraphs at block elements; paragraphs are joined with a blank line, after
//! the title (the `<h1>`, else `og:title`, else `<title>`).

use std::collections::HashMap;

use sitrep_core::{Lang, PartialDate};
use tl::{Node, NodeHandle, Parser};

/// What [`extract`] finds in a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// Title and paragraphs, joined with `\n\n`.
    pub text: String,
    pub title: Option<String>,
    pub published: Option<PartialDate>,
    /// From `<html lang>`.
    pub lang: Option<Lang>,
    /// From `og:site_name`.
    pub source: Option<String>,
    /// From `og:url`, else `<link rel=canonical>`.
    pub url: Option<String>,
}

const MAX_DEPTH: usize = 400;

/// Extracts the main article text and metadata of a page.
pub fn extract(html: &str) -> Result<HtmlArticle, String> {
    let (clean, json_ld) = strip_raw_elements(html);
    let dom = tl::parse(&clean, tl::ParserOptions::default()).map_err(|e| format!("unparsable HTML: {e}"))?;
    let parser = dom.parser();

    let mut scan = Scan::default();
    for &h in dom.children() {
        scan.walk(parser, h, Ctx::default(), 0);
    }

    // The container: an <article> with the most paragraph text, else the best <p> parent.
    let article = scan
        .articles
        .iter()
        .copied()
        .map(|h| (p_text_len(parser, h, 0), h))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, h)| (*n, std::cmp::Reverse(h.get_inner())))
        .map(|(_, h)| h);
    let best_parent =
        scan.p_parents.iter().max_by_key(|(h, n)| (**n, std::cmp::Reverse(**h))).map(|(h, _)| NodeHandle::new(*h));
    let container = article.or(best_parent).or(scan.body);

    // Title: the h1 in the container, else the first h1, else og:title, else <title>.
    let h1_in_container = container.and_then(|c| find_tag(parser, c, "h1", 0));
    let title_node = h1_in_container.or_else(|| scan.page_h1(parser));
    let mut title = title_node.map(|h| collapse(&text_of(parser, h))).filter(|t| !t.is_empty());
    if title.is_none() {
        title = scan.meta("og:title").map(collapse).or_else(|| scan.title.clone()).filter(|t| !t.is_empty());
    }

    let mut paras = Vec::new();
    let mut cur = String::new();
    match container {
        Some(c) => collect(parser, c, title_node, &mut paras, &mut cur, 0),
        None => {
            for &h in dom.children() {
                collect(parser, h, title_node, &mut paras, &mut cur, 0);
            }
        }
    }
    flush(&mut paras, &mut cur);
    if let (Some(t), Some(first)) = (&title, paras.first()) {
        if first == t {
            paras.remove(0);
        }
    }
    let mut text = String::new();
    if let Some(t) = &title {
        text.push_str(t);
    }
    for p in &paras {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(p);
    }

    let time_in_article = container.and_then(|c| find_time(parser, c, 0)).or(scan.first_time.clone());
    let published = [
        scan.meta("article:published_time"),
        scan.meta("date"),
        scan.meta("datepublished"),
        scan.item_published.as_deref(),
        json_ld.iter().find_map(|j| json_ld_date(j)).as_deref(),
        time_in_article.as_deref(),
        scan.meta("pubdate"),
        scan.meta("publishdate"),
        scan.meta("dc.date.issued"),
        scan.meta("dc.date"),
        scan.meta("dcterms.created"),
        scan.meta("og:published_time"),
    ]
    .into_iter()
    .flatten()
    .find_map(|s| PartialDate::parse_iso(s.trim()));

    let url = scan
        .meta("og:url")
        .map(str::to_string)
        .or(scan.canonical.clone())
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty());
    Ok(HtmlArticle {
        text,
        title,
        published,
        lang: scan.lang.as_deref().map(str::trim).filter(|l| !l.is_empty()).map(Lang::from_code),
        source: scan.meta("og:site_name").map(collapse).filter(|s| !s.is_empty()),
        url,
    })
}

#[derive(Default)]
struct Scan {
    /// `meta` values by lower-cased `property`, `name` or `itemprop` (first one wins).
    metas: HashMap<String, String>,
    canonical: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    /// Every `h1` outside `nav`, `aside`, `footer` and `form`, and whether it is in a
    /// `header` (a page header's `h1` is often the site's name).
    h1s: Vec<(NodeHandle, bool)>,
    first_time: Option<String>,
    item_published: Option<String>,
    articles: Vec<NodeHandle>,
    body: Option<NodeHandle>,
    /// Text length of the `<p>` children of each element (by inner handle).
    p_parents: HashMap<u32, usize>,
}

impl Scan {
    fn meta(&self, key: &str) -> Option<&str> {
        self.metas.get(key).map(String::as_str)
    }

    /// The page's title `h1` when it is not in the article container: the one the
    /// `og:title` or `<title>` contains (not the site name), else the first outside any
    /// header.
    fn page_h1(&self, parser: &Parser<'_>) -> Option<NodeHandle> {
        let titles: Vec<String> = [self.meta("og:title").map(str::to_string), self.title.clone()]
            .into_iter()
            .flatten()
            .map(|t| collapse(&t).to_lowercase())
            .collect();
        let site = self.meta("og:site_name").map(|s| collapse(s).to_lowercase());
        let named = self.h1s.iter().find(|(h, _)| {
            let t = collapse(&text_of(parser, *h)).to_lowercase();
            t.split_whitespace().count() >= 3 && Some(&t) != site.as_ref() && titles.iter().any(|x| x.contains(&t))
        });
        named.or_else(|| self.h1s.iter().find(|(_, in_header)| !in_header)).map(|(h, _)| *h)
    }

    fn walk(&mut self, parser: &Parser<'_>, h: NodeHandle, ctx: Ctx, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let Some(Node::Tag(tag)) = h.get(parser) else {
            return;
        };
        let name = tag.name().as_utf8_str().to_ascii_lowercase();
        let attr = |k: &str| attr(tag, k);
        match name.as_str() {
            "meta" => {
                if let Some(content) = attr("content") {
                    for key in ["property", "name", "itemprop"] {
                        if let Some(k) = attr(key) {
                            self.metas
                                .entry(k.trim().to_ascii_lowercase())
                                .or_insert_with(|| decode_entities(&content));
                        }
                    }
                }
            }
            "link" => {
                let is_canonical =
                    attr("rel").is_some_and(|r| r.split_whitespace().any(|x| x.eq_ignore_ascii_case("canonical")));
                if is_canonical && self.canonical.is_none() {
                    self.canonical = attr("href").map(|h| decode_entities(&h));
                }
            }
            "html" if self.lang.is_none() => self.lang = attr("lang").or_else(|| attr("xml:lang")),
            "title" if self.title.is_none() => {
                let t = collapse(&text_of(parser, h));
                if !t.is_empty() {
                    self.title = Some(t);
                }
            }
            "h1" if !ctx.hard_dropped => self.h1s.push((h, ctx.dropped)),
            "time" if self.first_time.is_none() => self.first_time = attr("datetime"),
            "article" if !ctx.dropped => self.articles.push(h),
            "body" if self.body.is_none() => self.body = Some(h),
            "p" if !ctx.dropped => {
                // Readability's rule: a paragraph counts for its parent, and half for its
                // grandparent (paragraphs wrapped one by one in `div`s).
                let n = collapse(&text_of(parser, h)).chars().count();
                if let Some(p) = ctx.parent {
                    *self.p_parents.entry(p.get_inner()).or_default() += 2 * n;
                }
                if let Some(g) = ctx.grandparent {
                    *self.p_parents.entry(g.get_inner()).or_default() += n;
                }
            }
            _ => {}
        }
        if self.item_published.is_none() && attr("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("datePublished")) {
            self.item_published = attr("content").or_else(|| attr("datetime"));
        }
        let child = Ctx {
            parent: Some(h),
            grandparent: ctx.parent,
            dropped: ctx.dropped || is_dropped(&name),
            hard_dropped: ctx.hard_dropped || (is_dropped(&name) && name != "header"),
        };
        for &c in tag.children().top().iter() {
            self.walk(parser, c, child, depth + 1);
        }
    }
}

/// Where [`Scan::walk`] is.
#[derive(Clone, Copy, Default)]
struct Ctx {
    parent: Option<NodeHandle>,
    grandparent: Option<NodeHandle>,
    /// Inside an element whose text is dropped.
    dropped: bool,
    /// Inside a dropped element other than `header`.
    hard_dropped: bool,
}

fn attr(tag: &tl::HTMLTag<'_>, key: &str) -> Option<String> {
    tag.attributes().iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).and_then(|(_, v)| v.map(|v| v.into_owned()))
}

fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "form"
            | "figure"
            | "figcaption"
            | "button"
            | "select"
            | "option"
            | "iframe"
            | "svg"
            | "menu"
            | "dialog"
            | "head"
            | "textarea"
            | "object"
            | "video"
            | "audio"
            | "canvas"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "br"
            | "hr"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "address"
            | "center"
            | "body"
    )
}

/// The text of `h` and below, entities decoded, without dropped elements.
fn text_of(parser: &Parser<'_>, h: NodeHandle) -> String {
    let mut s = String::new();
    text_into(parser, h, &mut s, 0);
    s
}

fn text_into(parser: &Parser<'_>, h: NodeHandle, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match h.get(parser) {
        Some(Node::Raw(b)) => out.push_str(&decode_entities(&b.as_utf8_str())),
        Some(Node::Tag(tag)) => {
            let name = tag.name().as_utf8_str().to_ascii_lowercase();
            if is_dropped(&name) && name != "head" {
                return;
            }
            if name == "br" {
                out.push(' ');
            }
            for &c in tag.children().top().iter() {
                text_into(parser, c, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// Total text length of the `<p>`s under `h` (outside dropped elements).
fn p_text_len(parser: &Parser<'_>, h: NodeHandle, depth: usize) -> usize {
    if depth > MAX_DEPTH {
        return 0;
    }
    let Some(Node::Tag(tag)) = h.get(parser) else {
        return 0;
    };
    let name = tag.name().as_utf8_str().to_ascii_lowercase();
    if is_dropped(&name) {
        return 0;
    }
    if name == "p" {
        return collapse(&text_of(parser, h)).chars().count();
    }
    tag.children().top().iter().map(|&c| p_text_len(parser, c, depth + 1)).sum()
}

fn find_tag(parser: &Parser<'_>, h: NodeHandle, want: &str, depth: usize) -> Option<NodeHandle> {
    if depth > MAX_DEPTH {
        return None;
    }
    let Some(Node::Tag(tag)) = h.get(parser) else {
        return None;
    };
    let name = tag.name().as_utf8_str().to_ascii_lowercase();
    if name == want {
        return Some(h);
    }
    if is_dropped(&name) && name != "header" {
        return None;
    }
    tag.children().top().iter().find_map(|&c| find_tag(parser, c, want, depth + 1))
}

fn find_time(parser: &Parser<'_>, h: NodeHandle, depth: usize) -> Option<String> {
    if depth > MAX_DEPTH {
        return None;
    }
    let Some(Node::Tag(tag)) = h.get(parser) else {
        return None;
    };
    if tag.name().as_utf8_str().eq_ignore_ascii_case("time") {
        if let Some(d) = attr(tag, "datetime") {
            return Some(d);
        }
    }
    tag.children().top().iter().find_map(|&c| find_time(parser, c, depth + 1))
}

fn flush(paras: &mut Vec<String>, cur: &mut String) {
    let p = collapse(cur);
    if !p.is_empty() {
        paras.push(p);
    }
    cur.clear();
}

fn collect(
    parser: &Parser<'_>,
    h: NodeHandle,
    skip: Option<NodeHandle>,
    paras: &mut Vec<String>,
    cur: &mut String,
    depth: usize,
) {
    if depth > MAX_DEPTH || Some(h) == skip {
        return;
    }
    match h.get(parser) {
        Some(Node::Raw(b)) => cur.push_str(&decode_entities(&b.as_utf8_str())),
        Some(Node::Tag(tag)) => {
            let name = tag.name().as_utf8_str().to_ascii_lowercase();
            if is_dropped(&name) {
                return;
            }
            let block = is_block(&name);
            if block {
                flush(paras, cur);
            }
            for &c in tag.children().top().iter() {
                collect(parser, c, skip, paras, cur, depth + 1);
            }
            if block {
                flush(paras, cur);
            }
        }
        _ => {}
    }
}

/// Collapses runs of ASCII whitespace into one space and trims.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_ascii_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Cuts `script`, `style`, `noscript`, `template` elements and comments out of a page;
/// returns the rest and the content of the JSON-LD scripts.
fn strip_raw_elements(html: &str) -> (String, Vec<String>) {
    const RAW: [&str; 4] = ["script", "style", "noscript", "template"];
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut json_ld = Vec::new();
    let mut pos = 0;
    let mut from = 0;
    while let Some(i) = lower[from..].find('<').map(|i| i + from) {
        let rest = &lower[i + 1..];
        if rest.starts_with("!--") {
            let end = lower[i + 4..].find("-->").map_or(html.len(), |e| i + 4 + e + 3);
            out.push_str(&html[pos..i]);
            pos = end;
            from = end;
            continue;
        }
        let raw = RAW.iter().find(|n| {
            rest.starts_with(**n)
                && matches!(
                    rest[n.len()..].bytes().next(),
                    None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/')
                )
        });
        let Some(raw) = raw else {
            from = i + 1;
            continue;
        };
        let open_end = lower[i..].find('>').map_or(html.len(), |e| i + e + 1);
        let close = format!("</{raw}");
        let (content_end, end) = match lower[open_end..].find(&close) {
            Some(c) => {
                let c = open_end + c;
                let e = lower[c..].find('>').map_or(html.len(), |e| c + e + 1);
                (c, e)
            }
            None => (html.len(), html.len()),
        };
        if *raw == "script" && lower[i..open_end].contains("ld+json") {
            json_ld.push(html[open_end..content_end].to_string());
        }
        out.push_str(&html[pos..i]);
        out.push(' ');
        pos = end;
        from = end;
    }
    out.push_str(&html[pos.min(html.len())..]);
    (out, json_ld)
}

/// The first `datePublished` in a JSON-LD script.
fn json_ld_date(script: &str) -> Option<String> {
    fn find(v: &serde_json::Value, depth: usize) -> Option<String> {
        use serde_json::Value;
        if depth > 32 {
            return None;
        }
        match v {
            Value::Object(m) => {
                if let Some(Value::String(s)) = m.get("datePublished") {
                    return Some(s.clone());
                }
                m.values().find_map(|x| find(x, depth + 1))
            }
            Value::Array(a) => a.iter().find_map(|x| find(x, depth + 1)),
            _ => None,
        }
    }
    let v: serde_json::Value = serde_json::from_str(script.trim()).ok()?;
    find(&v, 0)
}

/// Decodes HTML character references (`&amp;`, `&#233;`, `&#xE9;`, the common named ones).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let semi = after.find(';').filter(|&j| j <= 32);
        let decoded = semi.and_then(|j| {
            let name = &after[..j];
            let c = if let Some(num) = name.strip_prefix('#') {
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                }?;
                let n = match n {
                    0x80..=0x9f => cp1252_high(n as u8) as u32,
                    0 => 0xfffd,
                    n => n,
                };
                char::from_u32(n).unwrap_or('\u{fffd}')
            } else {
                named_entity(name)?
            };
            Some((c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "shy" => '\u{ad}',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "middot" => '·',
        "bull" => '•',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "times" => '×',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "oslash" => 'ø',
        "oelig" => 'œ',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "yuml" => 'ÿ',
        "szlig" => 'ß',
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "Acirc" => 'Â',
        "Auml" => 'Ä',
        "AElig" => 'Æ',
        "Ccedil" => 'Ç',
        "Egrave" => 'È',
        "Eacute" => 'É',
        "Ecirc" => 'Ê',
        "Euml" => 'Ë',
        "Icirc" => 'Î',
        "Iuml" => 'Ï',
        "Ntilde" => 'Ñ',
        "Ocirc" => 'Ô',
        "Ouml" => 'Ö',
        "OElig" => 'Œ',
        "Ugrave" => 'Ù',
        "Ucirc" => 'Û',
        "Uuml" => 'Ü',
        "Yuml" => 'Ÿ',
        _ => return None,
    })
}

/// Windows-1252's characters for bytes 0x80..=0x9F (the rest is Latin-1).
fn cp1252_high(b: u8) -> char {
    const T: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => T[(b - 0x80) as usize],
        b => b as char,
    }
}

/// Decodes a page's bytes: UTF-8 when valid; else Windows-1252 when the page (or
/// `declared`, an HTTP `Content-Type`) says Latin-1 / Windows-1252; else lossy UTF-8
/// (`true` then).
pub(crate) fn decode_html_bytes(bytes: &[u8], declared: Option<&str>) -> (String, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), false);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let declared = declared.map(str::to_ascii_lowercase);
    let latin = [declared.as_deref().unwrap_or(""), head.as_str()].iter().any(|s| {
        s.find("charset").is_some_and(|i| {
            let v = s[i + 7..].trim_start_matches([' ', '=', '"', '\'']).trim_start();
            ["iso-8859-1", "iso-8859-15", "latin1", "latin-1", "windows-1252", "cp1252"]
                .iter()
                .any(|c| v.starts_with(c))
        })
    });
    if latin {
        (bytes.iter().map(|&b| cp1252_high(b)).collect(), false)
    } else {
        let (s, lossy) = crate::decode_utf8(bytes);
        (s, lossy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &eacute;t&#233; &#xE9; &laquo;x&raquo; &bogus; & c"),
            "a & b été é «x» &bogus; & c"
        );
        assert_eq!(decode_entities("&#150;"), "–");
    }

    #[test]
    fn article_extraction() {
        let page = r#"<!DOCTYPE html><html lang="fr-FR"><head>
<title>Attaque | Le Site</title>
<meta property="og:site_name" content="Le Site">
<meta property="og:url" content="https://example.org/a">
<script type="application/ld+json">{"@graph":[{"datePublished":"2021-09-22T08:00:00Z"}]}</script>
<script>if (a < b && c > d) { document.write("<p>nope</p>"); }</script>
<style>p { color: red; }</style>
</head><body>
<nav><p>Accueil</p><p>Monde &amp; politique, une longue ligne de navigation</p></nav>
<header><h1>Le Site</h1></header>
<div class="content">
<h1>Attaque contre un convoi</h1>
<p>Un convoi a été <b>pris pour cible</b> mercredi&nbsp;soir.</p>
<!-- <p>commented</p> -->
<p>Aucune victime n&#8217;a été signalée.</p>
<aside><p>À lire aussi : autre chose de très long et sans rapport avec l'article</p></aside>
</div>
<footer><p>© Le Site 2021</p></footer>
</body></html>"#;
        let a = extract(page).unwrap();
        assert_eq!(
            a.text,
            "Attaque contre un convoi\n\nUn convoi a été pris pour cible mercredi\u{a0}soir.\n\nAucune victime n’a été signalée."
        );
        assert_eq!(a.lang, Some(Lang::Fr));
        assert_eq!(a.source.as_deref(), Some("Le Site"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.published.unwrap().to_string(), "2021-09-22T08:00");
    }

    #[test]
    fn prefers_article_and_time() {
        let page = r#"<html><body><div><p>Une très longue colonne de liens et de texte qui ne fait pas partie de l'article, bien plus longue que lui, vraiment beaucoup plus longue, pour être sûr.</p></div>
<article><h1>Titre</h1><time datetime="2020-12-03">3 déc.</time><p>Le texte.</p></article>
<link rel="canonical" href="https://x.test/b"></body></html>"#;
        let a = extract(page).unwrap();
        assert_eq!(a.text, "Titre\n\n3 déc.\n\nLe texte.");
        assert_eq!(a.published.unwrap().to_string(), "2020-12-03");
        assert_eq!(a.url.as_deref(), Some("https://x.test/b"));
        assert_eq!(a.lang, None);
    }

    #[test]
    fn wrapped_paragraphs_and_header_titles() {
        let page = r#"<html><head><meta property="og:title" content="Explosion à Kaboul : trois morts">
<meta property="og:site_name" content="Le Journal"></head><body>
<header class="site"><h1>Le Journal</h1></header>
<header class="article"><h1>Explosion à Kaboul : trois morts</h1></header>
<div class="related"><p>Autre article</p><p>Encore un autre</p></div>
<div class="body">
<div class="para"><p>Une explosion a fait trois morts mardi à Kaboul, selon la police.</p></div>
<div class="para"><p>L'attaque n'a pas été revendiquée dans l'immédiat par un groupe.</p></div>
<div class="para"><p>Les talibans ont condamné l'attentat dans un communiqué.</p></div>
</div></body></html>"#;
        let a = extract(page).unwrap();
        assert_eq!(
            a.text,
            "Explosion à Kaboul : trois morts\n\n\
             Une explosion a fait trois morts mardi à Kaboul, selon la police.\n\n\
             L'attaque n'a pas été revendiquée dans l'immédiat par un groupe.\n\n\
             Les talibans ont condamné l'attentat dans un communiqué."
        );
        assert_eq!(a.published, None);
    }

    #[test]
    fn latin1_pages() {
        let bytes = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>\xe9t\xe9</p></body></html>";
        let (s, lossy) = decode_html_bytes(bytes, None);
        assert!(!lossy);
        assert!(s.contains("été"));
    }
}
