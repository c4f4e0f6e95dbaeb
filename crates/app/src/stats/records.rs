//! Publish records: where each post stands for each account. Every change
//! goes through the same state machine ([`RecordStatus::after`]), whether a
//! share page reported it or an operator confirmed it.
use crate::webhooks::outbox::{emit, emit_to};
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use xhs_domain::webhook::{AssignmentEventData, LinkEventData, PublishConfirmedData};
use xhs_domain::{AuditAction, AuditTarget};
use xhs_domain::{EventData, WebhookEventType};
use xhs_domain::{EventKind, RecordStatus};
use xhs_persistence::campaign_assignments as assignments;
use xhs_persistence::events::{self as event_store, NewEvent};
use xhs_persistence::{records, ConnectionTrait, Record};

/// How often an event retries when another event moved the record between
/// its read and its write.
const ATTEMPTS: usize = 8;

/// Moves the record of (post, account) along after an event; never backwards,
/// even when events for it arrive at once (compare-and-set on the status). A
/// failure reason is written only when the record becomes `failed`, a note URL
/// only when it becomes `published`.
pub(crate) async fn advance(
    db: &impl ConnectionTrait,
    post_id: i64,
    account_id: i64,
    kind: EventKind,
    detail: Option<String>,
    platform: Option<xhs_domain::SharePlatform>,
) -> AppResult<()> {
    // The record keeps at most 500 characters of a reason (a provider's
    // message may be longer; the task keeps more).
    let detail = detail.map(|d| {
        if kind.carries_reason() {
            d.chars().take(500).collect()
        } else {
            d
        }
    });
    for _ in 0..ATTEMPTS {
        let Some(row) = records::find_for(db, post_id, account_id).await? else {
            return Ok(());
        };
        let current = row.status;
        let next = current.after(kind);
        let (reason, note_url) = match next {
            RecordStatus::Failed if kind.carries_reason() => (detail.clone(), None),
            RecordStatus::Published if kind == EventKind::Confirmed => (None, detail.clone()),
            _ => (None, None),
        };
        if next == current && reason.is_none() && note_url.is_none() {
            return Ok(());
        }
        if records::compare_and_set_status(
            db,
            row.id,
            current,
            next,
            reason,
            note_url.clone(),
            platform,
        )
        .await?
        {
            // Read before the assignments move: a cancelled one stays out.
            let fulfilled = if next == RecordStatus::Published && current != next {
                assignments::launched_for(db, post_id, account_id).await?
            } else {
                Vec::new()
            };
            let scope = assignments::Scope::Record {
                post_id,
                account_id,
            };
            assignments::resync(db, &scope).await?;
            if next == RecordStatus::Published && current != RecordStatus::Published {
                let data = PublishConfirmedData {
                    record_id: row.id,
                    post_id,
                    account_id,
                    note_url,
                    platform: platform.or(row.platform),
                };
                let note_url = data.note_url.clone();
                emit(db, EventData::PublishConfirmed(data)).await?;
                for a in fulfilled {
                    let data = AssignmentEventData {
                        campaign_id: a.campaign_id,
                        assignment_id: a.id,
                        post_id,
                        account_id,
                        note_url: note_url.clone(),
                    };
                    emit(db, EventData::AssignmentPublished(data)).await?;
                }
            }
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

/// Stores one event (its `reason` taken from `detail` where the kind has
/// one), counts it, and moves the account's publish record along, in the
/// caller's transaction.
pub(crate) async fn record_event(
    db: &impl ConnectionTrait,
    event: NewEvent,
    detail: Option<String>,
) -> AppResult<()> {
    record_events(db, &[(event, detail)]).await
}

/// [`record_event`] for many events: one multi-row insert of the events and
/// of their counts; the records move in the events' order.
pub(crate) async fn record_events(
    db: &impl ConnectionTrait,
    items: &[(NewEvent, Option<String>)],
) -> AppResult<()> {
    let repeated = repeated_confirmations(db, items).await?;
    let events: Vec<NewEvent> = items
        .iter()
        .zip(&repeated)
        .filter(|(_, repeat)| !**repeat)
        .map(|((e, detail), _)| NewEvent {
            reason: matches!(e.kind, EventKind::Confirmed | EventKind::SdkFailed)
                .then(|| detail.clone())
                .flatten(),
            ..e.clone()
        })
        .collect();
    event_store::insert_many(db, &events).await?;
    link_events(db, items).await?;
    for (e, detail) in items {
        if let Some(account_id) = e.account_id {
            advance(
                db,
                e.post_id,
                account_id,
                e.kind,
                detail.clone(),
                e.platform,
            )
            .await?;
        }
    }
    Ok(())
}

/// The busy `link.opened` and `link.tapped` webhook events, only for the
/// endpoints that chose them (looked up once per batch; none: nothing written).
async fn link_events(
    db: &impl ConnectionTrait,
    items: &[(NewEvent, Option<String>)],
) -> AppResult<()> {
    for (kind, t) in [
        (EventKind::Opened, WebhookEventType::LinkOpened),
        (EventKind::PublishTapped, WebhookEventType::LinkTapped),
    ] {
        if !items.iter().any(|(e, _)| e.kind == kind) {
            continue;
        }
        let ids = xhs_persistence::webhooks::subscribers(db, t).await?;
        for (e, _) in items.iter().filter(|(e, _)| e.kind == kind) {
            let data = LinkEventData {
                link_id: e.link_id,
                post_id: e.post_id,
                account_id: e.account_id,
                platform: e.platform,
            };
            let event = match t {
                WebhookEventType::LinkOpened => EventData::LinkOpened(data),
                _ => EventData::LinkTapped(data),
            };
            emit_to(db, &ids, event).await?;
        }
    }
    Ok(())
}

/// Which items confirm a note already confirmed for their post (before, or
/// earlier in this batch): a note pasted twice is one confirmation. Their
/// records still move (another account's record may take the same note).
/// The batches of one process are written one after another, so only two
/// instances confirming the same note at the same moment could both count.
async fn repeated_confirmations(
    db: &impl ConnectionTrait,
    items: &[(NewEvent, Option<String>)],
) -> AppResult<Vec<bool>> {
    let mut seen: Vec<(i64, &str)> = Vec::new();
    let mut out = Vec::with_capacity(items.len());
    for (e, detail) in items {
        let repeat = match (e.kind, detail.as_deref()) {
            (EventKind::Confirmed, Some(url)) => {
                let key = (e.post_id, url);
                let repeat = seen.contains(&key)
                    || event_store::confirmed_before(db, e.post_id, url).await?;
                seen.push(key);
                repeat
            }
            _ => false,
        };
        out.push(repeat);
    }
    Ok(out)
}

/// The platform a confirmed publish through `link` counts for. A
/// confirmation carries an XHS note's URL, so on a link that offers XHS it is
/// XHS's, whatever was tapped last (a Weibo share before the paste does not
/// make the XHS note a Weibo post). Otherwise the platform of the link's last
/// tap, or the link's only platform; None when neither says.
pub(crate) async fn confirmed_platform(
    db: &impl ConnectionTrait,
    link: &xhs_persistence::Link,
) -> AppResult<Option<xhs_domain::SharePlatform>> {
    use xhs_domain::SharePlatform;
    if link.platforms.contains(&SharePlatform::Xhs) {
        return Ok(Some(SharePlatform::Xhs));
    }
    if let Some(p) = event_store::last_tap_platform(db, link.id).await? {
        return Ok(Some(p));
    }
    Ok(match link.platforms.as_slice() {
        [only] => Some(*only),
        _ => None,
    })
}

/// An operator confirms a publish with the note's URL: the same transition a
/// page's confirmation makes, recorded as a `confirmed` event of the record's
/// link so that it counts in the statistics.
pub async fn confirm(s: &Services, actor: &Actor, id: i64, note_url: &str) -> AppResult<Record> {
    let note_url = xhs_domain::parse_note_url(note_url)?;
    let row = records::find(&s.db, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Record))?;
    let txn = s.write(actor).await?;
    match row.link_id {
        Some(link_id) => {
            let platform = match row.platform {
                Some(p) => Some(p),
                None => match xhs_persistence::links::find(&*txn, link_id).await? {
                    Some(link) => confirmed_platform(&*txn, &link).await?,
                    None => None,
                },
            };
            record_event(
                &*txn,
                NewEvent {
                    link_id,
                    post_id: row.post_id,
                    account_id: Some(row.account_id),
                    kind: EventKind::Confirmed,
                    reason: None,
                    day: s.settings.today().to_string(),
                    platform,
                },
                Some(note_url),
            )
            .await?
        }
        None => {
            advance(
                &*txn,
                row.post_id,
                row.account_id,
                EventKind::Confirmed,
                Some(note_url),
                None,
            )
            .await?
        }
    }
    let updated = records::find(&*txn, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Record))?;
    let change = Change::new(AuditAction::Confirm, AuditTarget::Record, id);
    txn.commit(change.detail("publish confirmed by hand"))
        .await?;
    Ok(updated)
}

/// Records by post and/or account, most recently changed first, with the
/// titles of their posts (deleted ones too).
pub async fn list(
    s: &Services,
    post_id: Option<i64>,
    account_id: Option<i64>,
) -> AppResult<Vec<(Record, Option<String>)>> {
    let rows = records::list(&s.db, post_id, account_id).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.post_id).collect();
    let titles = xhs_persistence::posts::titles(&s.db, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let title = titles
                .iter()
                .find(|(id, _)| *id == r.post_id)
                .and_then(|(_, t)| t.clone());
            (r, title)
        })
        .collect())
}
