//! Webhook endpoints (`webhook`) and the outbox (`webhook_event`,
//! `webhook_delivery`, see [`deliveries`]). An endpoint's secret is read only
//! by [`secrets`], for signing; [`Webhook`] does not carry it.
pub mod deliveries;
pub mod history;

use crate::entities::webhook::{self, Entity as WebhookEntity};
use crate::values::parse;
use crate::{now_utc, utc, PersistenceError};
use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use xhs_domain::WebhookEventType;

/// An endpoint as the API shows it (no secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Webhook {
    pub id: i64,
    pub url: String,
    pub events: Vec<WebhookEventType>,
    pub description: String,
    pub enabled: bool,
    /// Since the first failed attempt after the last success.
    pub failing_since: Option<DateTime<Utc>>,
    /// Why the server disabled it (an operator's disable leaves this empty).
    pub disabled_reason: Option<String>,
    pub disabled_at: Option<DateTime<Utc>>,
    /// Until then, deliveries carry the previous secret's signature too.
    pub previous_secret_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The secrets a delivery is signed with: the current one, and the previous
/// one while its rotation overlap lasts.
pub struct Secrets {
    pub current: String,
    pub previous: Option<(String, NaiveDateTime)>,
}

/// What an endpoint is made of (the secret is set on create and rotate only).
#[derive(Debug, Clone)]
pub struct WebhookFields {
    pub url: String,
    pub events: Vec<WebhookEventType>,
    pub description: String,
    pub enabled: bool,
}

fn events_of(json: &str) -> Result<Vec<WebhookEventType>, PersistenceError> {
    let names: Vec<String> = serde_json::from_str(json).map_err(|_| PersistenceError::Corrupt {
        column: "webhook.events",
        value: json.chars().take(40).collect(),
    })?;
    names.iter().map(|n| parse("webhook.events", n)).collect()
}

fn events_json(events: &[WebhookEventType]) -> String {
    let names: Vec<&str> = events.iter().map(|e| e.as_str()).collect();
    serde_json::Value::from(names).to_string()
}

impl TryFrom<webhook::Model> for Webhook {
    type Error = PersistenceError;
    fn try_from(m: webhook::Model) -> Result<Self, PersistenceError> {
        Ok(Self {
            id: m.id,
            events: events_of(&m.events)?,
            url: m.url,
            description: m.description,
            enabled: m.enabled,
            failing_since: m.failing_since.map(utc),
            disabled_reason: m.disabled_reason,
            disabled_at: m.disabled_at.map(utc),
            previous_secret_until: m.previous_secret_until.map(utc),
            created_at: utc(m.created_at),
            updated_at: utc(m.updated_at),
        })
    }
}

pub async fn create(
    db: &impl ConnectionTrait,
    f: &WebhookFields,
    secret: &str,
) -> Result<Webhook, PersistenceError> {
    let now = now_utc();
    webhook::ActiveModel {
        url: Set(f.url.clone()),
        events: Set(events_json(&f.events)),
        description: Set(f.description.clone()),
        enabled: Set(f.enabled),
        secret: Set(secret.to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?
    .try_into()
}

/// Every endpoint, oldest first.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<Webhook>, PersistenceError> {
    WebhookEntity::find()
        .order_by_asc(webhook::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(Webhook::try_from)
        .collect()
}

pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<Webhook>, PersistenceError> {
    WebhookEntity::find_by_id(id)
        .one(db)
        .await?
        .map(Webhook::try_from)
        .transpose()
}

/// Replaces an endpoint's fields; enabling it clears why it was disabled.
pub async fn update(
    db: &impl ConnectionTrait,
    id: i64,
    f: &WebhookFields,
) -> Result<Option<Webhook>, PersistenceError> {
    let Some(m) = WebhookEntity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let was_enabled = m.enabled;
    let mut am: webhook::ActiveModel = m.into();
    am.url = Set(f.url.clone());
    am.events = Set(events_json(&f.events));
    am.description = Set(f.description.clone());
    am.enabled = Set(f.enabled);
    if f.enabled && !was_enabled {
        am.disabled_reason = Set(None);
        am.disabled_at = Set(None);
        am.failing_since = Set(None);
    } else if !f.enabled && was_enabled {
        am.disabled_at = Set(Some(now_utc()));
    }
    am.updated_at = Set(now_utc());
    Ok(Some(am.update(db).await?.try_into()?))
}

pub async fn delete(db: &impl ConnectionTrait, id: i64) -> Result<bool, PersistenceError> {
    Ok(WebhookEntity::delete_by_id(id)
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// Sets a new secret; the current one keeps signing until `overlap_until`.
pub async fn rotate(
    db: &impl ConnectionTrait,
    id: i64,
    secret: &str,
    overlap_until: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let Some(m) = WebhookEntity::find_by_id(id).one(db).await? else {
        return Ok(false);
    };
    let previous = m.secret.clone();
    let mut am: webhook::ActiveModel = m.into();
    am.previous_secret = Set(Some(previous));
    am.previous_secret_until = Set(Some(overlap_until));
    am.secret = Set(secret.to_owned());
    am.updated_at = Set(now_utc());
    am.update(db).await?;
    Ok(true)
}

/// The secrets to sign with at `now`.
pub async fn secrets(
    db: &impl ConnectionTrait,
    id: i64,
    now: NaiveDateTime,
) -> Result<Option<Secrets>, PersistenceError> {
    Ok(WebhookEntity::find_by_id(id).one(db).await?.map(|m| {
        let previous = match (m.previous_secret, m.previous_secret_until) {
            (Some(s), Some(until)) if until > now => Some((s, until)),
            _ => None,
        };
        Secrets {
            current: m.secret,
            previous,
        }
    }))
}

/// Enabled endpoints subscribed to `t`.
pub async fn subscribers(
    db: &impl ConnectionTrait,
    t: WebhookEventType,
) -> Result<Vec<i64>, PersistenceError> {
    let rows = WebhookEntity::find()
        .filter(webhook::Column::Enabled.eq(true))
        .order_by_asc(webhook::Column::Id)
        .all(db)
        .await?;
    let mut ids = Vec::new();
    for m in rows {
        if events_of(&m.events)?.contains(&t) {
            ids.push(m.id);
        }
    }
    Ok(ids)
}

/// After an attempt: a success ends the failing streak; a failure starts
/// one (when none runs) and answers since when the endpoint has failed.
pub async fn note_outcome(
    db: &impl ConnectionTrait,
    id: i64,
    ok: bool,
    now: NaiveDateTime,
) -> Result<Option<NaiveDateTime>, PersistenceError> {
    if ok {
        WebhookEntity::update_many()
            .col_expr(
                webhook::Column::FailingSince,
                Expr::value(Option::<NaiveDateTime>::None),
            )
            .filter(webhook::Column::Id.eq(id))
            .exec(db)
            .await?;
        return Ok(None);
    }
    WebhookEntity::update_many()
        .col_expr(webhook::Column::FailingSince, Expr::value(Some(now)))
        .filter(webhook::Column::Id.eq(id))
        .filter(webhook::Column::FailingSince.is_null())
        .exec(db)
        .await?;
    Ok(WebhookEntity::find_by_id(id)
        .one(db)
        .await?
        .and_then(|m| m.failing_since))
}

/// The server disables an endpoint, saying why; false when it was disabled.
pub async fn disable(
    db: &impl ConnectionTrait,
    id: i64,
    reason: &str,
    now: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let r = WebhookEntity::update_many()
        .col_expr(webhook::Column::Enabled, Expr::value(false))
        .col_expr(
            webhook::Column::DisabledReason,
            Expr::value(Some(reason.to_owned())),
        )
        .col_expr(webhook::Column::DisabledAt, Expr::value(Some(now)))
        .col_expr(webhook::Column::UpdatedAt, Expr::value(now))
        .filter(webhook::Column::Id.eq(id))
        .filter(webhook::Column::Enabled.eq(true))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}
