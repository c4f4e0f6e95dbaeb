//! When each link of a note was first opened, tapped and confirmed: what
//! the note's people table shows (read from the raw events, which keep
//! their times; the rollups only count).
use crate::entities::share_event::{self, Entity as Event};
use crate::{utc, PersistenceError};
use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;
use xhs_domain::EventKind;

/// The first time of each step on one link (None: not yet).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirstTimes {
    pub opened: Option<DateTime<Utc>>,
    pub tapped: Option<DateTime<Utc>>,
    pub confirmed: Option<DateTime<Utc>>,
    /// When the last `sdk_failed` arrived, if one did.
    pub failed_at: Option<DateTime<Utc>>,
}

/// The first times per link of a note's links.
pub async fn first_times(
    db: &impl ConnectionTrait,
    post_id: i64,
) -> Result<HashMap<i64, FirstTimes>, PersistenceError> {
    let kinds = [
        EventKind::Opened,
        EventKind::PublishTapped,
        EventKind::Confirmed,
        EventKind::SdkFailed,
    ];
    let rows: Vec<(i64, String, Option<NaiveDateTime>, Option<NaiveDateTime>)> = Event::find()
        .select_only()
        .column(share_event::Column::LinkId)
        .column(share_event::Column::Kind)
        .column_as(share_event::Column::CreatedAt.min(), "first")
        .column_as(share_event::Column::CreatedAt.max(), "last")
        .filter(share_event::Column::PostId.eq(post_id))
        .filter(share_event::Column::Kind.is_in(kinds.map(EventKind::as_str)))
        .group_by(share_event::Column::LinkId)
        .group_by(share_event::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: HashMap<i64, FirstTimes> = HashMap::new();
    for (link, kind, first, last) in rows {
        let t = out.entry(link).or_default();
        match kind.parse::<EventKind>() {
            Ok(EventKind::Opened) => t.opened = first.map(utc),
            Ok(EventKind::PublishTapped) => t.tapped = first.map(utc),
            Ok(EventKind::Confirmed) => t.confirmed = first.map(utc),
            Ok(EventKind::SdkFailed) => t.failed_at = last.map(utc),
            _ => {}
        }
    }
    Ok(out)
}
