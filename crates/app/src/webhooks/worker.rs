//! The delivery worker, one [`step`] at a time beside the server: it claims
//! due deliveries with a lease (a conditional UPDATE, so two instances never
//! send one at once; a crash leaves the lease to run out and the delivery is
//! sent again: at least once, receivers de-duplicate by `webhook-id`), sends
//! them signed, and records each attempt while it still holds the lease.
use super::{guard, signature, WebhookPolicy};
use crate::{AppResult, Services};
use chrono::NaiveDateTime;
use futures_util::future::join_all;
use xhs_domain::{WebhookDeliveryStatus, WebhookEventType};
use xhs_persistence::webhooks as store;
use xhs_persistence::webhooks::deliveries::{self, Attempt};
use xhs_persistence::{now_utc, ConnectionTrait};

/// The most of a receiver's answer kept.
const MAX_BODY_BYTES: usize = 1024;

/// What one step did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct StepReport {
    pub claimed: usize,
    pub succeeded: usize,
    pub retrying: usize,
    pub failed: usize,
}

/// What one attempt got.
struct Sent {
    ok: bool,
    status_code: Option<i32>,
    error: Option<String>,
    body: Option<String>,
}

/// Claims what is due (at most `per_endpoint` in flight per endpoint, over
/// every instance) and sends it, concurrently.
pub async fn step(s: &Services, owner: &str) -> AppResult<StepReport> {
    let p = &s.webhooks;
    let now = now_utc();
    let due = deliveries::due(&s.db, now, p.batch).await?;
    if due.is_empty() {
        return Ok(StepReport::default());
    }
    let mut flight = deliveries::in_flight(&s.db, now).await?;
    let until = now + chrono::Duration::from_std(p.lease).unwrap_or(chrono::Duration::seconds(60));
    let mut claimed = Vec::new();
    for (id, webhook_id) in due {
        let n = flight.entry(webhook_id).or_insert(0);
        if *n >= p.per_endpoint as i64 {
            continue;
        }
        if deliveries::claim(&s.db, id, owner, now, until).await? {
            *n += 1;
            claimed.push(id);
        }
    }
    let mut report = StepReport {
        claimed: claimed.len(),
        ..Default::default()
    };
    for r in join_all(claimed.iter().map(|id| deliver(s, owner, *id))).await {
        match r? {
            Some(WebhookDeliveryStatus::Succeeded) => report.succeeded += 1,
            Some(WebhookDeliveryStatus::Pending) => report.retrying += 1,
            Some(WebhookDeliveryStatus::Failed) => report.failed += 1,
            None => {}
        }
    }
    Ok(report)
}

/// Sends one claimed delivery and records the attempt; None when the lease
/// was lost meanwhile or the rows are gone.
async fn deliver(s: &Services, owner: &str, id: i64) -> AppResult<Option<WebhookDeliveryStatus>> {
    let Some(row) = deliveries::row(&s.db, id).await? else {
        return Ok(None);
    };
    let Some(event) = deliveries::event(&s.db, row.event_id).await? else {
        return Ok(None);
    };
    let now = now_utc();
    let (Some(hook), Some(secrets)) = (
        store::find(&s.db, row.webhook_id).await?,
        store::secrets(&s.db, row.webhook_id, now).await?,
    ) else {
        return Ok(None);
    };
    if !hook.enabled && event.event_type != WebhookEventType::WebhookTest {
        // Disabled (by an admin, or by the server after days of failures):
        // nothing more is sent; an admin may redeliver after enabling it.
        let attempt = Attempt {
            status: WebhookDeliveryStatus::Failed,
            attempts: row.attempts,
            next_attempt_at: None,
            status_code: None,
            error: Some("not sent: the endpoint is disabled".into()),
            response_body: None,
            at: now,
        };
        deliveries::record(&s.db, id, owner, &attempt).await?;
        return Ok(Some(WebhookDeliveryStatus::Failed));
    }
    let timestamp = chrono::Utc::now().timestamp();
    let body = format!(
        r#"{{"type":"{}","timestamp":"{}","data":{}}}"#,
        event.event_type,
        xhs_persistence::utc(event.created_at).to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        event.data
    );
    let mut keys = vec![secrets.current.as_str()];
    if let Some((prev, _)) = &secrets.previous {
        keys.push(prev.as_str());
    }
    let signature = signature::header(&keys, &row.msg_id, timestamp, &body);
    let sent = send(
        &s.webhooks,
        &hook.url,
        &row.msg_id,
        timestamp,
        &signature,
        body,
    )
    .await;
    let attempts = row.attempts + 1;
    let at = now_utc();
    let (status, next) = if sent.ok {
        (WebhookDeliveryStatus::Succeeded, None)
    } else {
        match s
            .webhooks
            .retry_schedule
            .get((attempts - 1).max(0) as usize)
        {
            Some(wait) => (
                WebhookDeliveryStatus::Pending,
                Some(at + chrono::Duration::from_std(*wait).unwrap_or(chrono::Duration::zero())),
            ),
            None => (WebhookDeliveryStatus::Failed, None),
        }
    };
    let attempt = Attempt {
        status,
        attempts,
        next_attempt_at: next,
        status_code: sent.status_code,
        error: sent.error.clone(),
        response_body: sent.body,
        at,
    };
    // The attempt and the endpoint's failing streak in one transaction: a
    // reader who sees the delivery settled sees the streak it made.
    let txn = xhs_persistence::begin_write(&s.db).await?;
    if !deliveries::record(&txn, id, owner, &attempt).await? {
        tracing::warn!(
            delivery_id = id,
            "webhook delivery lease lost; another instance took it over"
        );
        return Ok(None);
    }
    let disabled = streak(s, &txn, hook.id, sent.ok, at).await?;
    txn.commit().await?;
    if disabled {
        tracing::warn!(
            webhook_id = hook.id,
            "webhook endpoint disabled after failing for days"
        );
    }
    observe(status, attempts, (at - event.created_at).num_milliseconds());
    tracing::info!(
        delivery_id = id,
        webhook_id = hook.id,
        event = %event.event_type,
        attempt = attempts,
        status_code = ?sent.status_code,
        error = ?sent.error,
        outcome = %status,
        "webhook delivery attempt"
    );
    Ok(Some(status))
}

/// Counts an attempt by outcome and, for a first attempt, how long after
/// its event it went out (`xhs_webhook_delivery_lag_seconds`).
fn observe(status: WebhookDeliveryStatus, attempts: i32, lag_ms: i64) {
    let outcome = match status {
        WebhookDeliveryStatus::Succeeded => "succeeded",
        WebhookDeliveryStatus::Pending => "retrying",
        WebhookDeliveryStatus::Failed => "failed",
    };
    metrics::counter!("xhs_webhook_deliveries_total", "outcome" => outcome).increment(1);
    if attempts == 1 {
        metrics::histogram!("xhs_webhook_delivery_lag_seconds")
            .record(lag_ms.max(0) as f64 / 1000.0);
    }
}

/// Keeps the endpoint's failing streak; one failing for `disable_after` is
/// disabled (true when this attempt disabled it).
async fn streak(
    s: &Services,
    db: &impl ConnectionTrait,
    webhook_id: i64,
    ok: bool,
    at: NaiveDateTime,
) -> AppResult<bool> {
    let since = store::note_outcome(db, webhook_id, ok, at).await?;
    let Some(since) = since.filter(|t| at - *t >= s.webhooks.disable_after) else {
        return Ok(false);
    };
    let reason = format!(
        "every delivery failed for {} days (since {} UTC); fix the receiver, then enable it again",
        s.webhooks.disable_after.num_days(),
        since.format("%Y-%m-%d %H:%M")
    );
    Ok(store::disable(db, webhook_id, &reason, at).await?)
}

fn failed(error: String) -> Sent {
    Sent {
        ok: false,
        status_code: None,
        error: Some(error.chars().take(300).collect()),
        body: None,
    }
}

/// One POST, to the addresses the URL resolves to now (checked, then pinned),
/// without following redirects.
async fn send(
    p: &WebhookPolicy,
    url: &str,
    msg_id: &str,
    timestamp: i64,
    signature: &str,
    body: String,
) -> Sent {
    let u = match guard::check_url(url, p.allow_private) {
        Ok(u) => u,
        Err(e) => return failed(format!("refused: {}", e.message)),
    };
    let addrs = match guard::resolve(&u, p.allow_private).await {
        Ok(a) => a,
        Err(e) => return failed(format!("refused: {e}")),
    };
    let host = u.host_str().unwrap_or_default().to_owned();
    let client = match reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(p.timeout)
        .resolve_to_addrs(&host, &addrs)
        .user_agent("xhs-publisher-webhooks/1")
        .build()
    {
        Ok(c) => c,
        Err(e) => return failed(format!("client: {e}")),
    };
    let res = client
        .post(u)
        .header("content-type", "application/json")
        .header("webhook-id", msg_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(body)
        .send()
        .await;
    let mut res = match res {
        Ok(r) => r,
        Err(e) if e.is_timeout() => return failed("timed out".into()),
        Err(e) if e.is_connect() => return failed("could not connect".into()),
        Err(_) => return failed("the request failed".into()),
    };
    let code = res.status();
    let mut kept = Vec::new();
    while kept.len() < MAX_BODY_BYTES {
        match res.chunk().await {
            Ok(Some(c)) => kept.extend_from_slice(&c),
            _ => break,
        }
    }
    kept.truncate(MAX_BODY_BYTES);
    Sent {
        ok: code.is_success(),
        status_code: Some(i32::from(code.as_u16())),
        error: None,
        body: Some(String::from_utf8_lossy(&kept).into_owned()),
    }
}
