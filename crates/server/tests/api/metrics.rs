//! `GET /metrics`: Prometheus text a real parser reads, counters that move
//! with the requests made (by route pattern, never the raw path), and access
//! only with the token or from an allowed address. The recorder is the
//! process's, shared by every test here, so a test reads how much a counter
//! moved, on a label set no other test uses.
use crate::helpers::{problem, spawn_app, spawn_app_with, Options, TestApp};
use crate::share::post_with_link;
use reqwest::StatusCode;
use serde_json::json;
use xhs_server::Settings;
use xhs_signing::SecretString;

const TOKEN: &str = "metrics-scraper-token-3f9a";

fn with_token(s: &mut Settings) {
    s.metrics.token = Some(SecretString::from(TOKEN));
}

async fn scrape_as(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let req = app.client.get(app.url("/metrics"));
    match token {
        Some(t) => req.bearer_auth(t),
        None => req,
    }
    .send()
    .await
    .unwrap()
}

/// One sample of a scrape: metric name, labels, value.
#[derive(Debug)]
struct Sample {
    metric: String,
    labels: Vec<(String, String)>,
    value: f64,
}

impl Sample {
    fn label(&self, name: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A scrape, parsed whole by a Prometheus text parser (any line it cannot
/// read fails the test).
async fn scrape(app: &TestApp) -> (String, Vec<Sample>) {
    let res = scrape_as(app, Some(TOKEN)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let media = res.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(media.starts_with("text/plain; version=0.0.4"), "{media}");
    let text = res.text().await.unwrap();
    // The format ignores empty lines (the exporter puts one between
    // families); this parser wants none.
    let lines: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let (_, families) = nom_openmetrics::parser::prometheus(&lines)
        .unwrap_or_else(|e| panic!("not the Prometheus text format: {e}\n{text}"));
    let samples = families
        .iter()
        .flat_map(|f| f.samples.iter())
        .map(|x| Sample {
            metric: x.name().to_owned(),
            labels: x
                .labels()
                .iter()
                .map(|l| (l.name.to_owned(), l.value.clone()))
                .collect(),
            value: x.number(),
        })
        .collect();
    (text, samples)
}

/// The sum of a metric's samples whose labels include `labels`.
fn value(s: &[Sample], metric: &str, labels: &[(&str, &str)]) -> f64 {
    s.iter()
        .filter(|x| x.metric == metric)
        .filter(|x| labels.iter().all(|(k, v)| x.label(k) == Some(*v)))
        .map(|x| x.value)
        .sum()
}

#[tokio::test]
async fn metrics_do_not_exist_without_a_token_or_allowed_addresses() {
    let app = spawn_app().await;
    let (status, p) = problem(scrape_as(&app, Some(&app.token)).await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
}

#[tokio::test]
async fn only_the_metrics_token_opens_them_an_operator_session_does_not() {
    let app = spawn_app_with(Options {
        settings: Some(with_token),
        ..Options::default()
    })
    .await;
    for wrong in [
        None,
        Some("metrics-scraper-token-3f9b"),
        Some(app.token.as_str()),
    ] {
        let (status, p) = problem(scrape_as(&app, wrong).await).await;
        assert_eq!(
            (status, p["code"].as_str()),
            (StatusCode::UNAUTHORIZED, Some("unauthorized")),
            "{wrong:?}"
        );
    }
    let (text, _) = scrape(&app).await;
    assert!(
        text.contains("# TYPE xhs_http_requests_total counter"),
        "{text}"
    );
    assert!(!text.contains(TOKEN));
}

fn allow_loopback(s: &mut Settings) {
    s.metrics.allow = vec!["127.0.0.0/8".into(), "::1".into()];
}

fn allow_elsewhere(s: &mut Settings) {
    s.metrics.allow = vec!["10.0.0.0/8".into()];
}

#[tokio::test]
async fn an_allowed_address_scrapes_without_a_token_and_another_is_refused() {
    let allowed = spawn_app_with(Options {
        settings: Some(allow_loopback),
        ..Options::default()
    })
    .await;
    let res = scrape_as(&allowed, None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("xhs_db_pool_max_connections"));

    let elsewhere = spawn_app_with(Options {
        settings: Some(allow_elsewhere),
        ..Options::default()
    })
    .await;
    let (status, p) = problem(scrape_as(&elsewhere, None).await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("forbidden"))
    );
    // An allow list without a token: a bearer token opens nothing.
    let (status, _) = problem(scrape_as(&elsewhere, Some(TOKEN)).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn requests_count_by_route_pattern_and_share_tokens_never_appear() {
    let app = spawn_app_with(Options {
        settings: Some(with_token),
        ..Options::default()
    })
    .await;
    let (_, link) = post_with_link(&app, json!({"label": "指标"})).await;
    let token = link["token"].as_str().unwrap().to_owned();
    let (_, before) = scrape(&app).await;
    let route = [
        ("route", "/api/share/{token}"),
        ("method", "HEAD"),
        ("status", "200"),
    ];
    let n = 7;
    for _ in 0..n {
        let res = app
            .client
            .head(app.url(&format!("/api/share/{token}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
    for _ in 0..3 {
        let res = app
            .client
            .get(app.url(&format!("/api/share/{token}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
    let (text, after) = scrape(&app).await;

    // No other test sends HEAD to a share link: its counter moved by exactly n.
    let moved = value(&after, "xhs_http_requests_total", &route)
        - value(&before, "xhs_http_requests_total", &route);
    assert_eq!(moved, f64::from(n), "{text}");
    let get = [("route", "/api/share/{token}"), ("method", "GET")];
    assert!(
        value(&after, "xhs_http_requests_total", &get)
            >= value(&before, "xhs_http_requests_total", &get) + 3.0
    );
    assert!(text.contains("xhs_http_request_duration_seconds_bucket{route=\"/api/share/{token}\""));
    assert!(
        value(&after, "xhs_link_cache_total", &[])
            >= value(&before, "xhs_link_cache_total", &[]) + 10.0,
        "every share view resolves its link through the cache"
    );
    assert!(!text.contains(&token), "a share token in the scrape");
    assert!(!text.contains(TOKEN));
}

#[tokio::test]
async fn a_scrape_samples_the_pool_the_event_queue_robot_tasks_and_pending_deliveries() {
    let app = spawn_app_with(Options {
        settings: Some(with_token),
        ..Options::default()
    })
    .await;
    let (_, s) = scrape(&app).await;
    assert!(value(&s, "xhs_db_pool_max_connections", &[]) >= 1.0);
    assert!(s
        .iter()
        .any(|x| x.metric == "xhs_db_pool_connections" && x.label("state") == Some("in_use")));
    assert!(value(&s, "xhs_event_queue_capacity", &[]) >= 1.0);
    for status in [
        "queued",
        "accepted",
        "succeeded",
        "failed",
        "timed_out",
        "unknown",
    ] {
        assert!(
            s.iter()
                .any(|x| x.metric == "xhs_robot_tasks" && x.label("status") == Some(status)),
            "{status}"
        );
    }
    assert!(s
        .iter()
        .any(|x| x.metric == "xhs_webhook_deliveries_pending"));
    assert!(s
        .iter()
        .any(|x| x.metric == "xhs_webhook_oldest_due_seconds"));
}
