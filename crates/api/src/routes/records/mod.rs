//! Publish records: where each post stands for each account.
pub mod confirm;
pub mod list;

use crate::ApiError;
use xhs_domain::{EventKind, RecordStatus};
use xhs_persistence::{records, DatabaseConnection};

/// Moves the record of (post, account) along after an event; never backwards.
pub async fn advance(
    db: &DatabaseConnection,
    post_id: i64,
    account_id: i64,
    kind: EventKind,
    detail: Option<String>,
) -> Result<(), ApiError> {
    let Some(row) = records::find_for(db, post_id, account_id).await? else {
        return Ok(());
    };
    let current = RecordStatus::parse(&row.status).unwrap_or(RecordStatus::LinkSent);
    let next = current.after(kind);
    if next == current && kind != EventKind::SdkFailed {
        return Ok(());
    }
    let (reason, note_url) = match kind {
        EventKind::SdkFailed => (detail, None),
        EventKind::Confirmed => (None, detail),
        _ => (None, None),
    };
    records::set_status(db, row, next.as_str(), reason, note_url).await?;
    Ok(())
}
