//! What the deliveries list shows, and sending one again.
use super::deliveries::{delivery_of, event, Delivery};
use crate::entities::webhook_delivery::{self as delivery, Entity as DeliveryEntity};
use crate::entities::webhook_event::{self as outbox_event, Entity as EventEntity};
use crate::values::parse;
use crate::PersistenceError;
use chrono::NaiveDateTime;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use xhs_domain::WebhookDeliveryStatus;

/// An endpoint's deliveries, newest first, before `before_id` when given.
pub async fn list(
    db: &impl ConnectionTrait,
    webhook_id: i64,
    before_id: Option<i64>,
    limit: u64,
) -> Result<Vec<Delivery>, PersistenceError> {
    let mut q = DeliveryEntity::find().filter(delivery::Column::WebhookId.eq(webhook_id));
    if let Some(b) = before_id {
        q = q.filter(delivery::Column::Id.lt(b));
    }
    let rows = q
        .order_by_desc(delivery::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|m| m.event_id).collect();
    let types: HashMap<i64, String> = EventEntity::find()
        .select_only()
        .column(outbox_event::Column::Id)
        .column(outbox_event::Column::EventType)
        .filter(outbox_event::Column::Id.is_in(ids))
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    rows.into_iter()
        .map(|m| {
            let t = types.get(&m.event_id).map(String::as_str).unwrap_or("");
            let t = parse("webhook_event.event_type", t)?;
            delivery_of(m, t)
        })
        .collect()
}

pub async fn find(
    db: &impl ConnectionTrait,
    webhook_id: i64,
    id: i64,
) -> Result<Option<Delivery>, PersistenceError> {
    let Some(m) = DeliveryEntity::find_by_id(id)
        .filter(delivery::Column::WebhookId.eq(webhook_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(e) = event(db, m.event_id).await? else {
        return Ok(None);
    };
    Ok(Some(delivery_of(m, e.event_type)?))
}

/// Sends a delivery again from the start of the retry schedule (the same
/// `webhook-id`: a receiver that has it may skip it); false when none.
pub async fn redeliver(
    db: &impl ConnectionTrait,
    webhook_id: i64,
    id: i64,
    now: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let r = DeliveryEntity::update_many()
        .col_expr(
            delivery::Column::Status,
            Expr::value(WebhookDeliveryStatus::Pending.as_str()),
        )
        .col_expr(delivery::Column::Attempts, Expr::value(0))
        .col_expr(delivery::Column::NextAttemptAt, Expr::value(Some(now)))
        .col_expr(delivery::Column::UpdatedAt, Expr::value(now))
        .filter(delivery::Column::Id.eq(id))
        .filter(delivery::Column::WebhookId.eq(webhook_id))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}
