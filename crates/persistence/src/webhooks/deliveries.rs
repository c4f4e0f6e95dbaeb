//! The outbox: an event (`webhook_event`) and one delivery per subscribed
//! endpoint (`webhook_delivery`). A worker claims a due delivery with a lease
//! (a conditional UPDATE: one instance wins), sends it, and records the
//! attempt only while it still holds that lease.
use crate::entities::webhook_delivery::{self as delivery, Entity as DeliveryEntity};
use crate::entities::webhook_event::{self as outbox_event, Entity as EventEntity};
use crate::values::parse;
use crate::{utc, PersistenceError};
use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use xhs_domain::{WebhookDeliveryStatus, WebhookEventType};

/// One event for one endpoint, as the deliveries list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub id: i64,
    pub webhook_id: i64,
    pub event_id: i64,
    pub event_type: WebhookEventType,
    /// The `webhook-id` header.
    pub msg_id: String,
    pub status: WebhookDeliveryStatus,
    pub attempts: i32,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_status_code: Option<i32>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// Why the last attempt failed without an answer (timeout, refused address).
    pub last_error: Option<String>,
    pub last_response_body: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A stored event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub id: i64,
    pub event_type: WebhookEventType,
    /// The event's `data`, as JSON text.
    pub data: String,
    pub created_at: NaiveDateTime,
}

/// What one attempt ended with.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub status: WebhookDeliveryStatus,
    pub attempts: i32,
    pub next_attempt_at: Option<NaiveDateTime>,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub response_body: Option<String>,
    pub at: NaiveDateTime,
}

pub(super) fn delivery_of(
    m: delivery::Model,
    t: WebhookEventType,
) -> Result<Delivery, PersistenceError> {
    Ok(Delivery {
        id: m.id,
        webhook_id: m.webhook_id,
        event_id: m.event_id,
        event_type: t,
        msg_id: m.msg_id,
        status: parse("webhook_delivery.status", &m.status)?,
        attempts: m.attempts,
        next_attempt_at: m.next_attempt_at.map(utc),
        last_status_code: m.last_status_code,
        last_attempt_at: m.last_attempt_at.map(utc),
        last_error: m.last_error,
        last_response_body: m.last_response_body,
        created_at: utc(m.created_at),
    })
}

/// Writes an event to the outbox.
pub async fn add_event(
    db: &impl ConnectionTrait,
    t: WebhookEventType,
    data: &str,
    now: NaiveDateTime,
) -> Result<i64, PersistenceError> {
    let m = outbox_event::ActiveModel {
        event_type: Set(t.as_str().to_owned()),
        data: Set(data.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(m.id)
}

/// A pending delivery of `event_id` to `webhook_id`, due now.
pub async fn add(
    db: &impl ConnectionTrait,
    webhook_id: i64,
    event_id: i64,
    msg_id: &str,
    now: NaiveDateTime,
) -> Result<i64, PersistenceError> {
    let m = delivery::ActiveModel {
        webhook_id: Set(webhook_id),
        event_id: Set(event_id),
        msg_id: Set(msg_id.to_owned()),
        status: Set(WebhookDeliveryStatus::Pending.as_str().to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(Some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(m.id)
}

fn claimable(now: NaiveDateTime) -> Condition {
    Condition::all()
        .add(delivery::Column::Status.eq(WebhookDeliveryStatus::Pending.as_str()))
        .add(delivery::Column::NextAttemptAt.lte(now))
        .add(
            Condition::any()
                .add(delivery::Column::LeaseUntil.is_null())
                .add(delivery::Column::LeaseUntil.lt(now)),
        )
}

/// `(delivery id, webhook id)` of deliveries due now and not leased, oldest first.
pub async fn due(
    db: &impl ConnectionTrait,
    now: NaiveDateTime,
    limit: u64,
) -> Result<Vec<(i64, i64)>, PersistenceError> {
    Ok(DeliveryEntity::find()
        .select_only()
        .column(delivery::Column::Id)
        .column(delivery::Column::WebhookId)
        .filter(claimable(now))
        .order_by_asc(delivery::Column::NextAttemptAt)
        .order_by_asc(delivery::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?)
}

/// Deliveries being sent now (a live lease), per endpoint.
pub async fn in_flight(
    db: &impl ConnectionTrait,
    now: NaiveDateTime,
) -> Result<HashMap<i64, i64>, PersistenceError> {
    let rows: Vec<(i64, i64)> = DeliveryEntity::find()
        .select_only()
        .column(delivery::Column::WebhookId)
        .column_as(Expr::col(delivery::Column::Id).count(), "n")
        .filter(delivery::Column::Status.eq(WebhookDeliveryStatus::Pending.as_str()))
        .filter(delivery::Column::LeaseUntil.gte(now))
        .group_by(delivery::Column::WebhookId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Claims a due delivery for `owner` until `until`; false when another took it.
pub async fn claim(
    db: &impl ConnectionTrait,
    id: i64,
    owner: &str,
    now: NaiveDateTime,
    until: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let r = DeliveryEntity::update_many()
        .col_expr(delivery::Column::LeaseOwner, Expr::value(owner))
        .col_expr(delivery::Column::LeaseUntil, Expr::value(until))
        .filter(delivery::Column::Id.eq(id))
        .filter(claimable(now))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

/// The raw row (for the worker).
pub async fn row(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<delivery::Model>, PersistenceError> {
    Ok(DeliveryEntity::find_by_id(id).one(db).await?)
}

pub async fn event(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<StoredEvent>, PersistenceError> {
    let Some(m) = EventEntity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    Ok(Some(StoredEvent {
        id: m.id,
        event_type: parse("webhook_event.event_type", &m.event_type)?,
        data: m.data,
        created_at: m.created_at,
    }))
}

/// Records an attempt by `owner` and releases its lease; false when the
/// lease was lost (another instance took the delivery over).
pub async fn record(
    db: &impl ConnectionTrait,
    id: i64,
    owner: &str,
    a: &Attempt,
) -> Result<bool, PersistenceError> {
    let r = DeliveryEntity::update_many()
        .col_expr(delivery::Column::Status, Expr::value(a.status.as_str()))
        .col_expr(delivery::Column::Attempts, Expr::value(a.attempts))
        .col_expr(
            delivery::Column::NextAttemptAt,
            Expr::value(a.next_attempt_at),
        )
        .col_expr(delivery::Column::LastStatusCode, Expr::value(a.status_code))
        .col_expr(delivery::Column::LastAttemptAt, Expr::value(Some(a.at)))
        .col_expr(delivery::Column::LastError, Expr::value(a.error.clone()))
        .col_expr(
            delivery::Column::LastResponseBody,
            Expr::value(a.response_body.clone()),
        )
        .col_expr(
            delivery::Column::LeaseOwner,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            delivery::Column::LeaseUntil,
            Expr::value(Option::<NaiveDateTime>::None),
        )
        .col_expr(delivery::Column::UpdatedAt, Expr::value(a.at))
        .filter(delivery::Column::Id.eq(id))
        .filter(delivery::Column::LeaseOwner.eq(owner))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}
