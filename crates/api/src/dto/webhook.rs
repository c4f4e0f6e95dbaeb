//! Webhook endpoints and their deliveries (admin only). The secret is
//! answered on create and rotate only; lists never carry it.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_domain::{WebhookDeliveryStatus, WebhookEventType};

/// An integrator's endpoint, without its secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct Webhook {
    pub id: i64,
    /// Where events are POSTed: https on a public address (unless the server
    /// allows private addresses).
    pub url: String,
    pub events: Vec<WebhookEventType>,
    pub description: String,
    pub enabled: bool,
    /// Why the server disabled it (every delivery failed for 5 days); null
    /// when enabled or disabled by an operator.
    pub disabled_reason: Option<String>,
    pub disabled_at: Option<DateTime<Utc>>,
    /// Since when every attempt has failed; null after a success.
    pub failing_since: Option<DateTime<Utc>>,
    /// Until then deliveries carry the previous secret's signature too.
    pub previous_secret_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<xhs_app::webhooks::Webhook> for Webhook {
    fn from(w: xhs_app::webhooks::Webhook) -> Self {
        Self {
            id: w.id,
            url: w.url,
            events: w.events,
            description: w.description,
            enabled: w.enabled,
            disabled_reason: w.disabled_reason,
            disabled_at: w.disabled_at,
            failing_since: w.failing_since,
            previous_secret_until: w.previous_secret_until,
            created_at: w.created_at,
            updated_at: w.updated_at,
        }
    }
}

/// An endpoint to create or replace.
#[derive(Debug, Deserialize, ToSchema)]
pub struct WebhookInput {
    #[schema(example = "https://crm.example.com/hooks/xhs", max_length = 2000)]
    pub url: String,
    /// At least one; `link.opened` and `link.tapped` are busy: only when wanted.
    #[schema(value_type = Vec<WebhookEventType>, min_items = 1)]
    pub events: Vec<String>,
    /// Up to 200 characters.
    #[serde(default)]
    pub description: Option<String>,
    /// Default true.
    #[serde(default)]
    pub enabled: Option<bool>,
}

impl From<WebhookInput> for xhs_app::webhooks::WebhookInput {
    fn from(i: WebhookInput) -> Self {
        Self {
            url: i.url,
            events: i.events,
            description: i.description,
            enabled: i.enabled,
        }
    }
}

/// An endpoint and its secret: shown once (on create and on rotate).
#[derive(Serialize, ToSchema)]
pub struct WebhookWithSecret {
    pub webhook: Webhook,
    /// `whsec_` + base64 of 32 bytes: verify deliveries with a Standard
    /// Webhooks library.
    pub secret: String,
}

/// One event for one endpoint.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookDelivery {
    pub id: i64,
    pub event_id: i64,
    pub event: WebhookEventType,
    /// The `webhook-id` header, the same on every attempt.
    pub msg_id: String,
    pub status: WebhookDeliveryStatus,
    pub attempts: i32,
    /// When it is tried next (pending only).
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// The receiver's last HTTP status; null when it did not answer.
    pub last_status_code: Option<i32>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// Why the last attempt got no answer (timed out, refused address).
    pub last_error: Option<String>,
    /// At most 1 KB of the receiver's last answer.
    pub last_response_body: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<xhs_app::webhooks::Delivery> for WebhookDelivery {
    fn from(d: xhs_app::webhooks::Delivery) -> Self {
        Self {
            id: d.id,
            event_id: d.event_id,
            event: d.event_type,
            msg_id: d.msg_id,
            status: d.status,
            attempts: d.attempts,
            next_attempt_at: d.next_attempt_at,
            last_status_code: d.last_status_code,
            last_attempt_at: d.last_attempt_at,
            last_error: d.last_error,
            last_response_body: d.last_response_body,
            created_at: d.created_at,
        }
    }
}

/// One page of deliveries, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookDeliveryPage {
    pub items: Vec<WebhookDelivery>,
    /// Pass as `cursor` for the next page; null on the last.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryQuery {
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u64>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 18, pattern = "^([1-9][0-9]{0,17})?$")]
    pub cursor: Option<String>,
}
