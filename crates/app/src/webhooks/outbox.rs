//! The outbox: an event is written in the transaction of the change that
//! causes it, with one delivery per enabled endpoint subscribed to its type.
//! Nothing subscribed, nothing written. The worker ([`super::worker`]) sends
//! them after the commit; a rollback takes them back with the change.
//!
//! Every use case that causes an event calls [`emit`] on its open write:
//!
//! ```ignore
//! let w = s.write(&actor).await?;
//! // ... the change ...
//! webhooks::outbox::emit(&*w, EventData::CampaignLaunched(CampaignEventData {
//!     campaign_id: id,
//!     name: Some(name.clone()),
//! }))
//! .await?;
//! w.commit(change).await?;
//! ```
use super::signature::new_msg_id;
use crate::AppResult;
use xhs_domain::EventData;
use xhs_persistence::webhooks::{self as store, deliveries};
use xhs_persistence::{now_utc, ConnectionTrait};

/// Writes `event` for every enabled endpoint subscribed to its type; answers
/// how many deliveries it made (0: nobody listens, nothing written).
pub async fn emit(db: &impl ConnectionTrait, event: EventData) -> AppResult<usize> {
    let ids = store::subscribers(db, event.event_type()).await?;
    emit_to(db, &ids, event).await
}

/// Writes `event` for the endpoints `webhook_ids` (known subscribers, or the
/// one endpoint a test is for).
pub async fn emit_to(
    db: &impl ConnectionTrait,
    webhook_ids: &[i64],
    event: EventData,
) -> AppResult<usize> {
    if webhook_ids.is_empty() {
        return Ok(0);
    }
    let t = event.event_type();
    let value = serde_json::to_value(&event).unwrap_or_default();
    let data = value.get("data").cloned().unwrap_or_default().to_string();
    let now = now_utc();
    let event_id = deliveries::add_event(db, t, &data, now).await?;
    for id in webhook_ids {
        deliveries::add(db, *id, event_id, &new_msg_id(), now).await?;
    }
    Ok(webhook_ids.len())
}
