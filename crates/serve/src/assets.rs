//! The web page and its libraries, embedded in the binary: no CDN, no network at run time.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::api::ApiError;

/// The OpenAPI 3.1 document of the API, written by hand (`assets/openapi.json`).
pub const OPENAPI: &str = include_str!("../assets/openapi.json");

const CSP: &str = "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; \
                   style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

const INDEX: &str = include_str!("../assets/index.html");

/// `(path under /assets/, content type, bytes)`.
const FILES: &[(&str, &str, &[u8])] = &[
    ("app.js", "text/javascript; charset=utf-8", include_bytes!("../assets/app.js")),
    ("app.css", "text/css; charset=utf-8", include_bytes!("../assets/app.css")),
    ("vendor/leaflet.js", "text/javascript; charset=utf-8", include_bytes!("../assets/vendor/leaflet.js")),
    ("vendor/leaflet.css", "text/css; charset=utf-8", include_bytes!("../assets/vendor/leaflet.css")),
    (
        "vendor/leaflet.markercluster.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/vendor/leaflet.markercluster.js"),
    ),
    ("vendor/MarkerCluster.css", "text/css; charset=utf-8", include_bytes!("../assets/vendor/MarkerCluster.css")),
    (
        "vendor/MarkerCluster.Default.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/vendor/MarkerCluster.Default.css"),
    ),
    ("vendor/countries.geojson", "application/geo+json", include_bytes!("../assets/vendor/countries.geojson")),
    ("LICENSES", "text/plain; charset=utf-8", include_bytes!("../assets/LICENSES")),
];

pub(crate) async fn index() -> Response {
    let headers = [
        (header::CONTENT_TYPE, "text/html; charset=utf-8"),
        (header::CACHE_CONTROL, "no-cache"),
        // Only what the binary serves: no CDN, nothing from elsewhere.
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    ];
    (headers, INDEX).into_response()
}

pub(crate) async fn asset(Path(path): Path<String>) -> Response {
    match FILES.iter().find(|(p, _, _)| *p == path) {
        Some((_, ctype, bytes)) => {
            ([(header::CONTENT_TYPE, *ctype), (header::CACHE_CONTROL, "max-age=3600")], *bytes).into_response()
        }
        None => ApiError::new(StatusCode::NOT_FOUND, format!("no asset '{path}'")).into_response(),
    }
}
