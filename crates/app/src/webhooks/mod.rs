//! Signed webhooks (issue 22): endpoints an admin manages (this file), the
//! outbox every use case emits into ([`outbox::emit`]), the Standard Webhooks
//! signature ([`signature`]), where a delivery may go ([`guard`]) and the
//! worker that sends them ([`worker`]).
pub mod events;
pub mod guard;
pub mod outbox;
mod policy;
pub mod signature;
pub mod worker;

pub use policy::{parse_schedule, WebhookPolicy};
pub use xhs_persistence::webhooks::deliveries::Delivery;
pub use xhs_persistence::webhooks::Webhook;

use crate::paging::PageRequest;
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use secrecy::SecretString;
use xhs_domain::webhook::TestEventData;
use xhs_domain::{bounded_text, AuditAction, AuditTarget, EventData, FieldError, Rule};
use xhs_domain::{ValidationErrors, WebhookEventType};
use xhs_persistence::now_utc;
use xhs_persistence::webhooks::{self as store, history, WebhookFields};

/// How long the previous secret keeps signing after a rotation.
pub const ROTATION_OVERLAP_HOURS: i64 = 24;

/// An endpoint as asked for, before validation.
#[derive(Debug, Clone, Default)]
pub struct WebhookInput {
    pub url: String,
    pub events: Vec<String>,
    pub description: Option<String>,
    pub enabled: Option<bool>,
}

/// A new endpoint, or a rotated one, with its secret: answered once.
pub struct WithSecret {
    pub webhook: Webhook,
    pub secret: SecretString,
}

fn parse(s: &Services, input: &WebhookInput) -> AppResult<WebhookFields> {
    let mut errs = ValidationErrors::default();
    let url = guard::check_url(&input.url, s.webhooks.allow_private)
        .map_err(|e| errs.push(e))
        .ok();
    let mut events = Vec::new();
    for (i, e) in input.events.iter().enumerate() {
        match WebhookEventType::parse_field(&format!("events[{i}]"), e) {
            Ok(t) if !events.contains(&t) => events.push(t),
            Ok(_) => {}
            Err(e) => errs.push(e),
        }
    }
    if input.events.is_empty() {
        errs.push(FieldError::new(
            "events",
            Rule::Required,
            "events must name at least one event",
        ));
    }
    let description = input.description.as_deref().unwrap_or("");
    let description = bounded_text("description", description, 200, false)
        .map_err(|e| errs.push(e))
        .ok();
    match (url, description) {
        (Some(url), Some(description)) if errs.is_empty() => Ok(WebhookFields {
            url: url.to_string(),
            events,
            description,
            enabled: input.enabled.unwrap_or(true),
        }),
        _ => Err(errs.into()),
    }
}

pub async fn create(s: &Services, actor: &Actor, input: &WebhookInput) -> AppResult<WithSecret> {
    let fields = parse(s, input)?;
    let secret = signature::new_secret();
    let w = s.write(actor).await?;
    let webhook = store::create(&*w, &fields, &secret).await?;
    let change = Change::new(AuditAction::Create, AuditTarget::Webhook, webhook.id);
    w.commit(change.detail(audit_detail(&webhook))).await?;
    Ok(WithSecret {
        webhook,
        secret: SecretString::from(secret),
    })
}

/// What an audit entry says of an endpoint: its host and events, never its
/// secret (nor its path and query, which integrators sometimes put tokens in).
fn audit_detail(w: &Webhook) -> String {
    let host = url::Url::parse(&w.url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default();
    let events: Vec<&str> = w.events.iter().map(|e| e.as_str()).collect();
    format!("{host}: {}", events.join(", "))
}

pub async fn list(s: &Services) -> AppResult<Vec<Webhook>> {
    Ok(store::list(&s.db).await?)
}

pub async fn get(s: &Services, id: i64) -> AppResult<Webhook> {
    store::find(&s.db, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Webhook))
}

pub async fn update(
    s: &Services,
    actor: &Actor,
    id: i64,
    input: &WebhookInput,
) -> AppResult<Webhook> {
    let fields = parse(s, input)?;
    let w = s.write(actor).await?;
    let webhook = store::update(&*w, id, &fields)
        .await?
        .ok_or(AppError::NotFound(Resource::Webhook))?;
    let change = Change::new(AuditAction::Update, AuditTarget::Webhook, id);
    w.commit(change.detail(audit_detail(&webhook))).await?;
    Ok(webhook)
}

/// Deletes the endpoint with its deliveries.
pub async fn delete(s: &Services, actor: &Actor, id: i64) -> AppResult<()> {
    let w = s.write(actor).await?;
    if !store::delete(&*w, id).await? {
        return Err(AppError::NotFound(Resource::Webhook));
    }
    w.commit(Change::new(AuditAction::Delete, AuditTarget::Webhook, id))
        .await
}

/// A new secret; the previous one keeps signing (a second signature) for
/// [`ROTATION_OVERLAP_HOURS`], so receivers can switch without a gap.
pub async fn rotate_secret(s: &Services, actor: &Actor, id: i64) -> AppResult<WithSecret> {
    let secret = signature::new_secret();
    let until = now_utc() + chrono::Duration::hours(ROTATION_OVERLAP_HOURS);
    let w = s.write(actor).await?;
    if !store::rotate(&*w, id, &secret, until).await? {
        return Err(AppError::NotFound(Resource::Webhook));
    }
    let change = Change::new(AuditAction::RotateSecret, AuditTarget::Webhook, id);
    w.commit(change.detail("secret rotated; the previous one signs for 24 h"))
        .await?;
    Ok(WithSecret {
        webhook: get(s, id).await?,
        secret: SecretString::from(secret),
    })
}

/// Sends a `webhook.test` event to this endpoint (enabled or not).
pub async fn test(s: &Services, actor: &Actor, id: i64) -> AppResult<Delivery> {
    let w = s.write(actor).await?;
    store::find(&*w, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Webhook))?;
    let data = TestEventData {
        webhook_id: id,
        message: format!("a test from {}", actor.name),
    };
    outbox::emit_to(&*w, &[id], EventData::WebhookTest(data)).await?;
    let latest = history::list(&*w, id, None, 1).await?;
    let change = Change::new(AuditAction::Test, AuditTarget::Webhook, id);
    w.commit(change).await?;
    latest
        .into_iter()
        .next()
        .ok_or(AppError::NotFound(Resource::WebhookDelivery))
}

/// One page of an endpoint's deliveries, newest first.
pub async fn deliveries(
    s: &Services,
    id: i64,
    limit: Option<u64>,
    cursor: Option<&str>,
) -> AppResult<(Vec<Delivery>, Option<String>)> {
    let mut errs = ValidationErrors::default();
    let page = PageRequest::parse(limit, cursor, &mut errs);
    if !errs.is_empty() {
        return Err(errs.into());
    }
    get(s, id).await?;
    let rows = history::list(&s.db, id, page.before_id, page.fetch()).await?;
    Ok(page.finish(rows, |d| d.id))
}

/// Sends a delivery again, from the start of the retry schedule.
pub async fn redeliver(
    s: &Services,
    actor: &Actor,
    id: i64,
    delivery_id: i64,
) -> AppResult<Delivery> {
    let w = s.write(actor).await?;
    if !history::redeliver(&*w, id, delivery_id, now_utc()).await? {
        return Err(AppError::NotFound(Resource::WebhookDelivery));
    }
    let d = history::find(&*w, id, delivery_id)
        .await?
        .ok_or(AppError::NotFound(Resource::WebhookDelivery))?;
    let change = Change::new(AuditAction::Redeliver, AuditTarget::Webhook, id);
    w.commit(change.detail(format!("delivery {delivery_id}")))
        .await?;
    Ok(d)
}
