//! The router: JSON API, limits, access token, embedded page.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use sitrep_read::{Format, Item, ReadOptions, Reader};

use crate::assets;
use crate::source::{EventQuery, EventSource, SourceError};

/// Bounds on what one request may ask for.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest request body (`/api/v1/ingest`), in bytes.
    pub max_body_bytes: usize,
    /// Largest `limit` of `/api/v1/events`; more is a 400.
    pub max_page_size: usize,
    /// `limit` when the request gives none.
    pub default_page_size: usize,
    /// Most documents in one ingest request.
    pub max_ingest_docs: usize,
    /// A request not answered by then gets a 503.
    pub timeout: Duration,
    /// Store calls running at once; more wait their turn. A store keeps a few connections
    /// (`sitrep-store` pools 8): more calls at once than that would open and drop a
    /// connection each, and gain nothing on a machine with few cores.
    pub max_store_calls: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: 16 * 1024 * 1024,
            max_page_size: 1000,
            default_page_size: 100,
            max_ingest_docs: 10_000,
            timeout: Duration::from_secs(30),
            max_store_calls: 4,
        }
    }
}

/// How the server answers.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub limits: Limits,
    /// When set, every request but `/healthz` must carry it: `Authorization: Bearer TOKEN`,
    /// the `sitrep_token` cookie, or `?token=TOKEN` (which also sets the cookie, so the page
    /// opened as `/?token=TOKEN` can call the API).
    pub token: Option<String>,
}

#[derive(Clone)]
struct AppState {
    src: Arc<dyn EventSource>,
    cfg: Arc<Config>,
    calls: Arc<tokio::sync::Semaphore>,
}

/// A 4xx or 5xx answer: `{"error": {"status": 400, "message": "..."}}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, message: message.into() }
    }
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
    fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }
}

impl From<SourceError> for ApiError {
    fn from(e: SourceError) -> ApiError {
        match e {
            SourceError::BadRequest(m) => ApiError::bad(m),
            SourceError::Internal(m) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, m),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"status": self.status.as_u16(), "message": self.message}});
        (self.status, Json(body)).into_response()
    }
}

/// The whole application: API, page and assets, with limits and the access token.
pub fn router(src: Arc<dyn EventSource>, cfg: Config) -> Router {
    let calls = Arc::new(tokio::sync::Semaphore::new(cfg.limits.max_store_calls.max(1)));
    let state = AppState { src, cfg: Arc::new(cfg), calls };
    let timeout = state.cfg.limits.timeout;
    let body_limit = state.cfg.limits.max_body_bytes;
    let api = Router::new()
        .route("/api/v1/events", get(list_events))
        .route("/api/v1/events/{id}", get(get_event))
        .route("/api/v1/documents/{id}", get(get_document))
        .route("/api/v1/stats", get(get_stats))
        .route("/api/v1/ingest", post(ingest))
        .route("/api/v1/openapi.json", get(openapi))
        .route("/", get(assets::index))
        .route("/assets/{*path}", get(assets::asset))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(state.clone(), require_token))
        .layer(DefaultBodyLimit::max(body_limit));
    Router::new()
        .route("/healthz", get(healthz))
        .merge(api)
        .layer(middleware::from_fn_with_state(timeout, time_limit))
        .with_state(state)
}

async fn healthz() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], assets::OPENAPI).into_response()
}

async fn not_found(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!("no such resource: {method} {}", uri.path()))
}

async fn method_not_allowed(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, format!("{method} is not allowed on {}", uri.path()))
}

async fn time_limit(State(timeout): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(timeout, next.run(req)).await {
        Ok(r) => r,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("the request took longer than {} s", timeout.as_secs_f64()),
        )
        .into_response(),
    }
}

/// Compares without stopping at the first difference.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn token_in(headers: &HeaderMap, query: Option<&str>) -> (Option<String>, bool) {
    if let Some(v) = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) {
        if let Some(t) = v.strip_prefix("Bearer ") {
            return (Some(t.trim().to_string()), false);
        }
    }
    for v in headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()) {
        for part in v.split(';') {
            if let Some(t) = part.trim().strip_prefix("sitrep_token=") {
                return (Some(t.to_string()), false);
            }
        }
    }
    if let Some(q) = query {
        for pair in q.split('&') {
            if let Some(t) = pair.strip_prefix("token=") {
                return (Some(percent_decode(t)), true);
            }
        }
    }
    (None, false)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex =
            b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b[i], hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
                continue;
            }
            (b'+', _) => out.push(b' '),
            (c, _) => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn require_token(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let Some(expected) = st.cfg.token.as_deref() else {
        return next.run(req).await;
    };
    let (given, from_query) = token_in(req.headers(), req.uri().query());
    match given {
        Some(t) if same_secret(t.as_bytes(), expected.as_bytes()) => {
            let mut resp = next.run(req).await;
            if from_query {
                let cookie = format!("sitrep_token={t}; Path=/; HttpOnly; SameSite=Strict");
                if let Ok(v) = HeaderValue::from_str(&cookie) {
                    resp.headers_mut().append(header::SET_COOKIE, v);
                }
            }
            resp
        }
        Some(_) => ApiError::new(StatusCode::UNAUTHORIZED, "wrong access token").into_response(),
        None => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "this server needs an access token: 'Authorization: Bearer TOKEN', or open /?token=TOKEN",
        )
        .into_response(),
    }
}

/// Runs a store call on a blocking thread, at most `max_store_calls` at once.
async fn blocking<T: Send + 'static>(
    st: &AppState,
    f: impl FnOnce() -> Result<T, SourceError> + Send + 'static,
) -> Result<T, ApiError> {
    let _permit =
        st.calls.acquire().await.map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "shutting down"))?;
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r.map_err(ApiError::from),
        Err(e) => Err(ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("the store call failed: {e}"))),
    }
}

const EVENT_FILTERS: &[&str] = &[
    "country",
    "admin1",
    "bbox",
    "from",
    "to",
    "event_type",
    "sub_event_type",
    "actor",
    "status",
    "q",
    "hide_background",
];

const STATUSES: &[&str] = &["reported", "claimed", "alleged", "denied", "foiled", "planned"];

fn valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            digits(y, 4)
                && digits(m, 2)
                && digits(d, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
}

fn parse_bool(name: &str, v: &str) -> Result<bool, ApiError> {
    match v {
        "" | "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(ApiError::bad(format!("{name}: '{v}' is not a boolean (true or false)"))),
    }
}

/// Reads and checks the filters (and, with `paged`, `limit` and `offset`) of a query string.
pub(crate) fn parse_query(pairs: &[(String, String)], limits: &Limits, paged: bool) -> Result<EventQuery, ApiError> {
    let mut q = EventQuery { limit: limits.default_page_size, ..EventQuery::default() };
    for (k, v) in pairs {
        let v = v.trim();
        let text = || if v.is_empty() { None } else { Some(v.to_string()) };
        match k.as_str() {
            "country" => {
                if !(v.is_empty() || v.len() == 2 && v.bytes().all(|b| b.is_ascii_alphabetic())) {
                    return Err(ApiError::bad(format!("country: '{v}' is not an ISO 3166-1 alpha-2 code")));
                }
                q.country = text().map(|c| c.to_ascii_uppercase());
            }
            "admin1" => q.admin1 = text(),
            "bbox" => {
                if v.is_empty() {
                    continue;
                }
                let nums: Vec<f64> =
                    v.split(',').map(|n| n.trim().parse::<f64>()).collect::<Result<_, _>>().map_err(|_| {
                        ApiError::bad(format!("bbox: '{v}' is not four numbers min_lon,min_lat,max_lon,max_lat"))
                    })?;
                let [w, s, e, n] = nums[..] else {
                    return Err(ApiError::bad(format!(
                        "bbox: '{v}' is not four numbers min_lon,min_lat,max_lon,max_lat"
                    )));
                };
                let ok_lon = |x: f64| (-180.0..=180.0).contains(&x);
                let ok_lat = |y: f64| (-90.0..=90.0).contains(&y);
                if !(ok_lon(w) && ok_lon(e) && ok_lat(s) && ok_lat(n) && w <= e && s <= n) {
                    return Err(ApiError::bad(format!(
                        "bbox: '{v}' is not min_lon,min_lat,max_lon,max_lat within -180..180, -90..90"
                    )));
                }
                q.bbox = Some([w, s, e, n]);
            }
            "from" | "to" => {
                if !v.is_empty() && !valid_date(v) {
                    return Err(ApiError::bad(format!("{k}: '{v}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")));
                }
                if k == "from" {
                    q.from = text();
                } else {
                    q.to = text();
                }
            }
            "event_type" => q.event_type = text(),
            "sub_event_type" => q.sub_event_type = text(),
            "actor" => q.actor = text(),
            "status" => {
                if !v.is_empty() && !STATUSES.contains(&v) {
                    return Err(ApiError::bad(format!("status: '{v}' is not one of {}", STATUSES.join(", "))));
                }
                q.status = text();
            }
            "q" => q.text = text(),
            "hide_background" => q.hide_background = parse_bool(k, v)?,
            "limit" if paged => {
                let n: usize = v.parse().map_err(|_| ApiError::bad(format!("limit: '{v}' is not a number")))?;
                if n == 0 || n > limits.max_page_size {
                    return Err(ApiError::bad(format!("limit: {n} is not within 1..={}", limits.max_page_size)));
                }
                q.limit = n;
            }
            "offset" if paged => {
                q.offset = v.parse().map_err(|_| ApiError::bad(format!("offset: '{v}' is not a number")))?;
            }
            "token" => {}
            _ => {
                let mut known = EVENT_FILTERS.to_vec();
                if paged {
                    known.extend(["limit", "offset"]);
                }
                return Err(ApiError::bad(format!("unknown parameter '{k}' (known: {})", known.join(", "))));
            }
        }
    }
    if let (Some(f), Some(t)) = (&q.from, &q.to) {
        if f > t {
            return Err(ApiError::bad(format!("from ({f}) is after to ({t})")));
        }
    }
    Ok(q)
}

type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

fn pairs(p: Pairs) -> Result<Vec<(String, String)>, ApiError> {
    p.map(|Query(v)| v).map_err(|e| ApiError::bad(format!("bad query string: {}", e.body_text())))
}

async fn list_events(State(st): State<AppState>, p: Pairs) -> Result<Json<Value>, ApiError> {
    let q = parse_query(&pairs(p)?, &st.cfg.limits, true)?;
    let (limit, offset) = (q.limit, q.offset);
    let src = st.src.clone();
    let page = blocking(&st, move || src.events(&q)).await?;
    Ok(Json(json!({"total": page.total, "offset": offset, "limit": limit, "events": page.events})))
}

fn check_id(id: &str) -> Result<(), ApiError> {
    if id.is_empty() || id.len() > 512 {
        return Err(ApiError::bad("the id must have 1 to 512 bytes"));
    }
    Ok(())
}

async fn get_event(State(st): State<AppState>, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    check_id(&id)?;
    let src = st.src.clone();
    let key = id.clone();
    match blocking(&st, move || src.event(&key)).await? {
        Some(e) => Ok(Json(e)),
        None => Err(ApiError::not_found(format!("no event '{id}'"))),
    }
}

async fn get_document(State(st): State<AppState>, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    check_id(&id)?;
    let src = st.src.clone();
    let key = id.clone();
    match blocking(&st, move || src.document(&key)).await? {
        Some(d) => Ok(Json(d)),
        None => Err(ApiError::not_found(format!("no document '{id}'"))),
    }
}

async fn get_stats(State(st): State<AppState>, p: Pairs) -> Result<Json<Value>, ApiError> {
    let q = parse_query(&pairs(p)?, &st.cfg.limits, false)?;
    let src = st.src.clone();
    let stats = blocking(&st, move || src.stats(&q)).await?;
    Ok(Json(serde_json::to_value(stats).unwrap_or(Value::Null)))
}

/// Documents from a body: a JSON array of objects, one object, or JSON Lines, each in the
/// contract's input shape (`{"id", "text", "published", "lang", "url", "source"}`).
pub(crate) fn read_body(body: &[u8]) -> Result<(Vec<sitrep_core::Document>, Vec<Value>), ApiError> {
    let text = std::str::from_utf8(body).map_err(|e| ApiError::bad(format!("the body is not UTF-8: {e}")))?;
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(ApiError::bad("the body is empty: send a JSON array of documents or JSON Lines"));
    }
    let lines: String = if trimmed.starts_with('[') {
        let arr: Vec<Value> = serde_json::from_str(trimmed)
            .map_err(|e| ApiError::bad(format!("the body is not a JSON array of documents: {e}")))?;
        let mut s = String::new();
        for (i, v) in arr.iter().enumerate() {
            if !v.is_object() {
                return Err(ApiError::bad(format!("document {}: not a JSON object", i + 1)));
            }
            s.push_str(&v.to_string());
            s.push('\n');
        }
        s
    } else {
        text.to_string()
    };
    let opts = ReadOptions { format: Format::Jsonl, ..ReadOptions::default() };
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for item in Reader::read_bytes(&opts, "request", lines.as_bytes()) {
        match item {
            Item::Doc(d) => docs.push(d),
            Item::Problem(p) => problems.push(json!({"record": p.origin.record, "reason": p.reason})),
        }
    }
    Ok((docs, problems))
}

async fn ingest(State(st): State<AppState>, body: Result<Bytes, BytesRejection>) -> Result<Json<Value>, ApiError> {
    let body = body.map_err(|e| {
        let status = e.status();
        let msg = if status == StatusCode::PAYLOAD_TOO_LARGE {
            format!("the body is larger than {} bytes", st.cfg.limits.max_body_bytes)
        } else {
            e.body_text()
        };
        ApiError::new(status, msg)
    })?;
    let (docs, problems) = read_body(&body)?;
    if docs.is_empty() {
        return Err(ApiError {
            status: StatusCode::BAD_REQUEST,
            message: format!(
                "no document could be read: {}",
                problems.iter().map(|p| p["reason"].as_str().unwrap_or("").to_string()).collect::<Vec<_>>().join("; ")
            ),
        });
    }
    if docs.len() > st.cfg.limits.max_ingest_docs {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("{} documents in one request; at most {}", docs.len(), st.cfg.limits.max_ingest_docs),
        ));
    }
    let n = docs.len();
    let src = st.src.clone();
    let store = blocking(&st, move || src.ingest(docs)).await?;
    Ok(Json(json!({"read": n, "problems": problems, "store": store})))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &[(&str, &str)]) -> Result<EventQuery, ApiError> {
        let pairs: Vec<(String, String)> = s.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        parse_query(&pairs, &Limits::default(), true)
    }

    #[test]
    fn query_filters_are_checked() {
        let ok = q(&[("country", "bf"), ("bbox", "-6,9,3,15.5"), ("from", "2021-09"), ("limit", "5")]).unwrap();
        assert_eq!(ok.country.as_deref(), Some("BF"));
        assert_eq!(ok.bbox, Some([-6.0, 9.0, 3.0, 15.5]));
        assert_eq!(ok.limit, 5);
        assert!(q(&[("limit", "5000")]).is_err());
        assert!(q(&[("limit", "0")]).is_err());
        assert!(q(&[("bbox", "1,2,3")]).is_err());
        assert!(q(&[("bbox", "10,0,5,1")]).is_err());
        assert!(q(&[("from", "2021-13-01")]).is_err());
        assert!(q(&[("from", "2021-09-02"), ("to", "2021-09-01")]).is_err());
        assert!(q(&[("status", "rumoured")]).is_err());
        assert!(q(&[("colour", "red")]).is_err());
        assert!(q(&[("hide_background", "maybe")]).is_err());
        assert!(q(&[("hide_background", "true")]).unwrap().hide_background);
    }

    #[test]
    fn tokens_are_found_and_decoded() {
        let mut h = HeaderMap::new();
        assert_eq!(token_in(&h, Some("a=1&token=s%20x+y")), (Some("s x y".into()), true));
        h.insert(header::COOKIE, HeaderValue::from_static("a=b; sitrep_token=abc"));
        assert_eq!(token_in(&h, None), (Some("abc".into()), false));
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer xyz"));
        assert_eq!(token_in(&h, None), (Some("xyz".into()), false));
        assert!(same_secret(b"abc", b"abc") && !same_secret(b"abc", b"abd") && !same_secret(b"ab", b"abc"));
    }

    #[test]
    fn bodies_are_arrays_or_lines() {
        let (d, p) = read_body(br#"[{"text": "one"}, {"text": "two", "id": "b"}]"#).unwrap();
        assert_eq!((d.len(), p.len()), (2, 0));
        assert_eq!(d[1].id, "b");
        let (d, p) = read_body(b"{\"text\": \"one\"}\nnot json\n{\"text\": \"three\"}\n").unwrap();
        assert_eq!((d.len(), p.len()), (2, 1));
        assert!(read_body(b"").is_err());
        assert!(read_body(b"[1, 2]").is_err());
        assert!(read_body(b"[{").is_err());
    }
}
