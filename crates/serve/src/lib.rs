//! sitrep's HTTP server: a JSON API over the event store and a web page where an analyst
//! sees events on a map and a timeline, filters them, and checks each one against the
//! sentences it came from, with the words behind every field highlighted.
//!
//! # Overview
//!
//! The server is written against [`EventSource`], the few calls it needs from a store
//! (`sitrep-store` implements it in the `sitrep` binary; [`MemorySource`] is a small
//! in-memory one for tests). [`router`] builds the whole application:
//!
//! | route | what |
//! |---|---|
//! | `GET /api/v1/events` | events matching filters, paged (`limit` ≤ 1000, `offset`) |
//! | `GET /api/v1/events/{id}` | one event: fields, sources, evidence spans, merge history |
//! | `GET /api/v1/documents/{id}` | one stored document |
//! | `GET /api/v1/stats` | counts by type and by day for the same filters |
//! | `POST /api/v1/ingest` | documents (JSON array or JSON Lines, the contract's input shape) |
//! | `GET /api/v1/openapi.json` | the OpenAPI document |
//! | `GET /healthz` | liveness |
//! | `GET /` | the page (map, timeline, filters, event panel) |
//!
//! Store calls run on tokio's blocking threads. Errors are JSON:
//! `{"error": {"status": 400, "message": "..."}}`.
//!
//! # Example
//!
//! ```
//! use std::sync::Arc;
//! use sitrep_serve::{router, Config, MemorySource};
//!
//! let app = router(Arc::new(MemorySource::new(None)), Config::default());
//! # let _ = app;
//! ```

mod api;
mod assets;
mod memory;
mod source;

use std::net::SocketAddr;
use std::sync::Arc;

pub use api::{router, ApiError, Config, Limits};
pub use memory::{matches, Coder, MemorySource};
pub use source::{DayCount, EventPage, EventQuery, EventSource, SourceError, Stats};

/// Serves `src` on `addr` until Ctrl-C (or SIGTERM). A non-loopback address needs
/// `cfg.token`. Calls `ready` with the bound address (port 0 picks a free one).
pub fn serve(
    src: Arc<dyn EventSource>,
    addr: SocketAddr,
    cfg: Config,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    if !addr.ip().is_loopback() && cfg.token.as_deref().is_none_or(str::is_empty) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!("{addr} is not a loopback address: give an access token (--token or SITREP_TOKEN)"),
        ));
    }
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(src, cfg)).with_graceful_shutdown(shutdown()).await
    })
}

async fn shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {},
                    _ = term.recv() => {},
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
