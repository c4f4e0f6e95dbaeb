//! Publish records: where each post stands for each account.
pub mod confirm;
pub mod list;

use crate::ApiError;
use xhs_domain::{EventKind, RecordStatus};
use xhs_persistence::{records, DatabaseConnection};

/// How often an event retries when another event moved the record between
/// its read and its write.
const ATTEMPTS: usize = 8;

/// Moves the record of (post, account) along after an event; never backwards,
/// even when events for it arrive at once (compare-and-set on the status).
pub async fn advance(
    db: &DatabaseConnection,
    post_id: i64,
    account_id: i64,
    kind: EventKind,
    detail: Option<String>,
) -> Result<(), ApiError> {
    let (reason, note_url) = match kind {
        EventKind::SdkFailed => (detail, None),
        EventKind::Confirmed => (None, detail),
        _ => (None, None),
    };
    for _ in 0..ATTEMPTS {
        let Some(row) = records::find_for(db, post_id, account_id).await? else {
            return Ok(());
        };
        let current = RecordStatus::parse(&row.status).unwrap_or(RecordStatus::LinkSent);
        let next = current.after(kind);
        if next == current && kind != EventKind::SdkFailed {
            return Ok(());
        }
        if records::compare_and_set_status(
            db,
            row.id,
            current.as_str(),
            next.as_str(),
            reason.clone(),
            note_url.clone(),
        )
        .await?
        {
            return Ok(());
        }
    }
    tracing::warn!(
        post_id,
        account_id,
        "publish record kept changing; event counted, status left as is"
    );
    Ok(())
}
