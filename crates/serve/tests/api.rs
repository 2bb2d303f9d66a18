//! The API through the router, on events held in memory (no network: `oneshot`).

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use serde_json::{json, Value};
use sitrep_core::Document;
use sitrep_serve::{router, Config, Limits, MemorySource};
use tower::ServiceExt;

fn event(id: &str, doc: &str, date: &str, ty: &str, lat: f64, lon: f64, background: bool) -> Value {
    json!({
        "event_id": id, "doc_id": doc, "event_date": date, "date_precision": "day",
        "event_type": ty, "sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Burkina Faso)",
        "actor2": "Civilians (Burkina Faso)", "country": "BF", "admin1": "Centre-Nord",
        "location": "Kaya", "latitude": lat, "longitude": lon, "fatalities": 3, "fatalities_known": true,
        "status": "reported", "background": background, "confidence": 0.8,
        "evidence": [{"field": "sub_event_type", "start": 2, "end": 9, "text": "attaque"}],
        "sentence": "Une attaque a visé le village.", "sources": [{"doc_id": doc, "sentence_start": 0, "sentence_end": 30}]
    })
}

fn app_with(cfg: Config) -> Router {
    let src = MemorySource::new(Some(Box::new(|d: &Document| {
        vec![event(&format!("ING-{}", &d.id[..4.min(d.id.len())]), &d.id, "2022-01-05", "Riots", 12.0, -1.0, false)]
    })));
    let a = Document::new("🙂 attaque a visé le village.".into(), None);
    let mut a = a;
    a.id = "doc-a".into();
    src.add(
        &a,
        vec![
            event("BFA-1", "doc-a", "2021-09-22", "Violence against civilians", 13.09, -1.08, false),
            event("BFA-2", "doc-a", "2020-01-03", "Battles", 12.37, -1.53, true),
        ],
    );
    let mut b = Document::new("Des manifestants ont protesté à Ouagadougou.".into(), None);
    b.id = "doc-b".into();
    src.add(&b, vec![event("BFA-3", "doc-b", "2021-09-25", "Protests", 12.37, -1.53, false)]);
    router(Arc::new(src), cfg)
}

fn app() -> Router {
    app_with(Config::default())
}

async fn call(app: &Router, req: Request<Body>) -> (StatusCode, Value) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX).await.unwrap();
    let v = serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
    (status, v)
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    call(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn ids(v: &Value) -> Vec<&str> {
    v["events"].as_array().unwrap().iter().map(|e| e["event_id"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn events_are_filtered_and_paged() {
    let app = app();
    let (s, v) = get(&app, "/api/v1/events").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["total"], 3);
    assert_eq!(ids(&v), ["BFA-3", "BFA-1", "BFA-2"]);
    let (_, v) = get(&app, "/api/v1/events?hide_background=true").await;
    assert_eq!(ids(&v), ["BFA-3", "BFA-1"]);
    let (_, v) = get(&app, "/api/v1/events?event_type=Protests").await;
    assert_eq!(ids(&v), ["BFA-3"]);
    let (_, v) = get(&app, "/api/v1/events?from=2021-09-01&to=2021-09-23").await;
    assert_eq!(ids(&v), ["BFA-1"]);
    let (_, v) = get(&app, "/api/v1/events?bbox=-1.2,13,-1,13.2").await;
    assert_eq!(ids(&v), ["BFA-1"]);
    let (_, v) = get(&app, "/api/v1/events?q=manifestants").await;
    assert_eq!(ids(&v), ["BFA-3"]);
    let (_, v) = get(&app, "/api/v1/events?country=ml").await;
    assert_eq!(v["total"], 0);
    let (_, v) = get(&app, "/api/v1/events?limit=1&offset=1").await;
    assert_eq!((v["total"].as_u64(), ids(&v)), (Some(3), vec!["BFA-1"]));
}

#[tokio::test]
async fn bad_requests_get_json_4xx() {
    let app = app();
    for uri in [
        "/api/v1/events?limit=100000",
        "/api/v1/events?bbox=a,b",
        "/api/v1/events?from=yesterday",
        "/api/v1/events?status=rumoured",
        "/api/v1/events?colour=red",
        "/api/v1/events?offset=-1",
        "/api/v1/stats?limit=5",
    ] {
        let (s, v) = get(&app, uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(v["error"]["status"], 400, "{uri}");
        assert!(v["error"]["message"].as_str().unwrap().len() > 5, "{uri}");
    }
    let (s, v) = get(&app, "/api/v1/events/NOPE-1").await;
    assert_eq!((s, v["error"]["status"].as_u64()), (StatusCode::NOT_FOUND, Some(404)));
    let (s, _) = get(&app, "/api/v1/nothing").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, v) = call(&app, Request::delete("/api/v1/events").body(Body::empty()).unwrap()).await;
    assert_eq!((s, v["error"]["status"].as_u64()), (StatusCode::METHOD_NOT_ALLOWED, Some(405)));
}

#[tokio::test]
async fn one_event_and_its_document() {
    let app = app();
    let (s, e) = get(&app, "/api/v1/events/BFA-1").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(e["sources"][0]["doc_id"], "doc-a");
    assert!(e["merge_history"].is_array());
    let (s, d) = get(&app, "/api/v1/documents/doc-a").await;
    assert_eq!(s, StatusCode::OK);
    // Evidence offsets are code points: the emoji is one.
    let text: Vec<char> = d["text"].as_str().unwrap().chars().collect();
    let ev = &e["evidence"][0];
    let (a, b) = (ev["start"].as_u64().unwrap() as usize, ev["end"].as_u64().unwrap() as usize);
    assert_eq!(text[a..b].iter().collect::<String>(), ev["text"].as_str().unwrap());
}

#[tokio::test]
async fn stats_count_by_type_and_day() {
    let (s, v) = get(&app(), "/api/v1/stats?hide_background=1").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["total"], 2);
    assert_eq!(v["by_type"], json!({"Protests": 1, "Violence against civilians": 1}));
    assert_eq!(v["by_day"], json!([{"date": "2021-09-22", "count": 1}, {"date": "2021-09-25", "count": 1}]));
}

#[tokio::test]
async fn ingest_takes_arrays_and_lines_within_limits() {
    let app = app_with(Config {
        limits: Limits { max_body_bytes: 2000, max_ingest_docs: 3, ..Limits::default() },
        token: None,
    });
    let post = |body: String| Request::post("/api/v1/ingest").body(Body::from(body)).unwrap();
    let (s, v) =
        call(&app, post(r#"[{"id": "n1", "text": "Une émeute."}, {"id": "n2", "text": "Another."}]"#.into())).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["read"], 2);
    assert_eq!(v["store"]["documents"], 2);
    let (s, v) = call(&app, post("{\"id\": \"n1\", \"text\": \"Une émeute.\"}\n{bad\n".into())).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!((v["store"]["skipped"].as_u64(), v["problems"].as_array().unwrap().len()), (Some(1), 1));
    let (_, v) = get(&app, "/api/v1/events?event_type=Riots").await;
    assert_eq!(v["total"], 2);
    let (s, _) = call(&app, post("x".repeat(5000))).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    let (s, _) =
        call(&app, post("[{\"text\": \"a\"},{\"text\": \"b\"},{\"text\": \"c\"},{\"text\": \"d\"}]".into())).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    let (s, v) = call(&app, post("not json at all".into())).await;
    assert_eq!((s, v["error"]["status"].as_u64()), (StatusCode::BAD_REQUEST, Some(400)));
}

#[tokio::test]
async fn a_token_guards_everything_but_health() {
    let app = app_with(Config { token: Some("s3cret".into()), ..Config::default() });
    let (s, v) = get(&app, "/api/v1/events").await;
    assert_eq!((s, v["error"]["status"].as_u64()), (StatusCode::UNAUTHORIZED, Some(401)));
    let (s, _) = get(&app, "/").await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = get(&app, "/healthz").await;
    assert_eq!(s, StatusCode::OK);
    let req = |auth: &str| {
        Request::get("/api/v1/events")
            .header(header::AUTHORIZATION, format!("Bearer {auth}"))
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(call(&app, req("wrong")).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(call(&app, req("s3cret")).await.0, StatusCode::OK);
    let resp = app.clone().oneshot(Request::get("/?token=s3cret").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let cookie = resp.headers()[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(cookie.starts_with("sitrep_token=s3cret;"), "{cookie}");
    let with_cookie =
        Request::get("/api/v1/stats").header(header::COOKIE, "sitrep_token=s3cret").body(Body::empty()).unwrap();
    assert_eq!(call(&app, with_cookie).await.0, StatusCode::OK);
}

#[tokio::test]
async fn page_assets_and_openapi_are_served() {
    let app = app();
    let resp = app.clone().oneshot(Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.headers()[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/html"));
    let csp = resp.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    let html = axum::body::to_bytes(resp.into_body(), usize::MAX).await.unwrap();
    let html = String::from_utf8(html.to_vec()).unwrap();
    assert!(!html.contains("http://") && !html.contains("https://"), "the page must load nothing from elsewhere");
    assert!(html.contains("/assets/app.js"));
    for path in ["/assets/app.js", "/assets/vendor/leaflet.js", "/assets/vendor/countries.geojson", "/assets/LICENSES"]
    {
        let resp = app.clone().oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK, "{path}");
    }
    let (s, _) = get(&app, "/assets/../Cargo.toml").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, v) = get(&app, "/api/v1/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["openapi"], "3.1.0");
    for p in ["/api/v1/events", "/api/v1/events/{id}", "/api/v1/documents/{id}", "/api/v1/stats", "/api/v1/ingest"] {
        assert!(v["paths"].get(p).is_some(), "{p} missing from the OpenAPI document");
    }
    let (s, v) = get(&app, "/healthz").await;
    assert_eq!((s, v["status"].as_str()), (StatusCode::OK, Some("ok")));
}

#[test]
fn a_public_address_needs_a_token() {
    let src = Arc::new(MemorySource::new(None));
    let err = sitrep_serve::serve(src, "0.0.0.0:0".parse().unwrap(), Config::default(), |_| {}).unwrap_err();
    assert!(err.to_string().contains("token"), "{err}");
}

/// A source whose `events` waits until the test lets it go: a request to it can only end by
/// the server's time limit.
struct Stuck(std::sync::Mutex<std::sync::mpsc::Receiver<()>>);

impl sitrep_serve::EventSource for Stuck {
    fn events(&self, _: &sitrep_serve::EventQuery) -> Result<sitrep_serve::EventPage, sitrep_serve::SourceError> {
        let _ = self.0.lock().unwrap().recv();
        Ok(sitrep_serve::EventPage::default())
    }
    fn event(&self, _: &str) -> Result<Option<Value>, sitrep_serve::SourceError> {
        Err(sitrep_serve::SourceError::Internal("the database is gone".into()))
    }
    fn document(&self, _: &str) -> Result<Option<Value>, sitrep_serve::SourceError> {
        Err(sitrep_serve::SourceError::BadRequest("no such id form".into()))
    }
    fn stats(&self, _: &sitrep_serve::EventQuery) -> Result<sitrep_serve::Stats, sitrep_serve::SourceError> {
        Ok(sitrep_serve::Stats::default())
    }
    fn ingest(&self, _: Vec<Document>) -> Result<Value, sitrep_serve::SourceError> {
        Ok(Value::Null)
    }
}

#[tokio::test]
async fn slow_and_failing_stores_get_json_errors() {
    let (release, rx) = std::sync::mpsc::channel();
    let cfg =
        Config { limits: Limits { timeout: std::time::Duration::from_millis(50), ..Limits::default() }, token: None };
    let app = router(Arc::new(Stuck(std::sync::Mutex::new(rx))), cfg);
    let (s, v) = get(&app, "/api/v1/events").await;
    assert_eq!((s, v["error"]["status"].as_u64()), (StatusCode::SERVICE_UNAVAILABLE, Some(503)), "{v}");
    release.send(()).unwrap();
    let (s, v) = get(&app, "/api/v1/events/X-1").await;
    assert_eq!((s, v["error"]["message"].as_str()), (StatusCode::INTERNAL_SERVER_ERROR, Some("the database is gone")));
    let (s, _) = get(&app, "/api/v1/documents/x").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}
