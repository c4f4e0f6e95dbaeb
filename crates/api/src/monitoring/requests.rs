//! Every HTTP request counted by route pattern, method and status, with its
//! latency: `xhs_http_requests_total` and `xhs_http_request_duration_seconds`.
//!
//! The route is the documented path (`/api/share/{token}/payload`), never the
//! raw one, so share tokens and ids stay out of the labels. Finding it costs
//! no allocation: actix names each resource after its handler, which is also
//! the operation's id in the OpenAPI document, so `match_name()` (an index
//! walk, a borrowed `&str`) finds the documented path in a table built at
//! start. The metric handles of a (route, method, status) are made once and
//! kept, so a request costs a hash lookup under a read lock and two atomic
//! updates. Paths the document does not name (`/docs`, `/metrics`, assets)
//! take actix's pattern, and requests no route took count as `unmatched`.
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode};
use actix_web::HttpRequest;
use metrics::{Counter, Histogram};
use std::collections::HashMap;
use std::sync::{PoisonError, RwLock};
use std::time::Instant;

/// The label of requests that no route took (unknown paths, console pages).
const UNMATCHED: &str = "unmatched";

/// Where a request's route label comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Route {
    /// An operation of the document, by its index in `RequestMetrics::paths`.
    Documented(usize),
    /// Another pattern of the router (rare paths: docs, assets, `/metrics`).
    Other(String),
    Unmatched,
}

struct Handles {
    count: Counter,
    latency: Histogram,
}

/// The request counters of one server (the handles inside are the process's).
#[derive(Default)]
pub struct RequestMetrics {
    /// Operation id (= actix resource name) -> index into `paths`.
    by_name: HashMap<String, usize>,
    paths: Vec<String>,
    handles: RwLock<HashMap<(Route, &'static str, u16), Handles>>,
}

impl RequestMetrics {
    /// The table of documented operations, from the served document.
    pub fn from_doc(doc: &utoipa::openapi::OpenApi) -> Self {
        let mut m = Self::default();
        for (path, item) in &doc.paths.paths {
            let ops = [&item.get, &item.put, &item.post, &item.delete, &item.patch];
            for id in ops
                .into_iter()
                .flatten()
                .filter_map(|o| o.operation_id.clone())
            {
                m.by_name.insert(id, m.paths.len());
                m.paths.push(path.clone());
            }
        }
        m
    }

    fn route(&self, req: &HttpRequest) -> Route {
        if let Some(i) = req.match_name().and_then(|n| self.by_name.get(n)) {
            return Route::Documented(*i);
        }
        match req.match_pattern() {
            Some(p) => Route::Other(p),
            None => Route::Unmatched,
        }
    }

    fn observe(&self, route: Route, method: &'static str, status: StatusCode, started: Instant) {
        let secs = started.elapsed().as_secs_f64();
        let key = (route, method, status.as_u16());
        {
            let known = self.handles.read().unwrap_or_else(PoisonError::into_inner);
            if let Some(h) = known.get(&key) {
                h.count.increment(1);
                h.latency.record(secs);
                return;
            }
        }
        let label = match &key.0 {
            Route::Documented(i) => self.paths.get(*i).cloned().unwrap_or_default(),
            Route::Other(p) => p.clone(),
            Route::Unmatched => UNMATCHED.to_owned(),
        };
        let h = Handles {
            count: metrics::counter!(
                "xhs_http_requests_total",
                "route" => label.clone(),
                "method" => method,
                "status" => status.as_u16().to_string(),
            ),
            latency: metrics::histogram!(
                "xhs_http_request_duration_seconds",
                "route" => label,
                "method" => method,
            ),
        };
        h.count.increment(1);
        h.latency.record(secs);
        self.handles
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, h);
    }
}

fn method_label(m: &Method) -> &'static str {
    match *m {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// What is known of a request before it runs.
#[derive(Debug, Clone, Copy)]
pub struct Started {
    at: Instant,
    method: &'static str,
}

impl Started {
    pub fn now(req: &ServiceRequest) -> Self {
        Self {
            at: Instant::now(),
            method: method_label(req.method()),
        }
    }
}

impl RequestMetrics {
    /// Counts a request once its answer (or error) is known.
    pub fn record<B>(&self, started: Started, res: &Result<ServiceResponse<B>, actix_web::Error>) {
        match res {
            Ok(r) => self.observe(
                self.route(r.request()),
                started.method,
                r.status(),
                started.at,
            ),
            Err(e) => self.observe(
                Route::Unmatched,
                started.method,
                e.as_response_error().status_code(),
                started.at,
            ),
        }
    }
}
