//! Reads of raw events that decide how a new event is stored: whether a note
//! was confirmed before, and where a link's last tap went. Both go through
//! the (scope, kind, day) indexes of migration 18.
use crate::entities::share_event::{Column as C, Entity as Event};
use crate::PersistenceError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::str::FromStr;
use xhs_domain::{EventKind, SharePlatform};

/// Whether `note_url` was already confirmed for the post.
pub async fn confirmed_before(
    db: &impl ConnectionTrait,
    post_id: i64,
    note_url: &str,
) -> Result<bool, PersistenceError> {
    let found: Option<i64> = Event::find()
        .select_only()
        .column(C::Id)
        .filter(C::PostId.eq(post_id))
        .filter(C::Kind.eq(EventKind::Confirmed.as_str()))
        .filter(C::Reason.eq(note_url))
        .into_tuple()
        .one(db)
        .await?;
    Ok(found.is_some())
}

/// The platform of the link's last tap that named one.
pub async fn last_tap_platform(
    db: &impl ConnectionTrait,
    link_id: i64,
) -> Result<Option<SharePlatform>, PersistenceError> {
    let found: Option<Option<String>> = Event::find()
        .select_only()
        .column(C::Platform)
        .filter(C::LinkId.eq(link_id))
        .filter(C::Kind.eq(EventKind::PublishTapped.as_str()))
        .filter(C::Platform.is_not_null())
        .order_by_desc(C::Id)
        .into_tuple()
        .one(db)
        .await?;
    found
        .flatten()
        .map(|p| {
            SharePlatform::from_str(&p).map_err(|_| PersistenceError::Corrupt {
                column: "share_event.platform",
                value: p.chars().take(40).collect(),
            })
        })
        .transpose()
}
