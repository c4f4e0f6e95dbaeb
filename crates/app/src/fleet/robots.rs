//! Robot accounts (XHS_FACTS section 5): synced from the provider's list into
//! the accounts, kind `robot`, on a schedule and on demand.
use crate::paging::PageRequest;
use crate::{Actor, AppError, AppResult, Change, Platform, PlatformFailure, Services};
use chrono::{DateTime, Utc};
use std::sync::Arc;
use xhs_domain::ValidationErrors;
use xhs_domain::{AuditAction, AuditTarget, RobotBlock};
use xhs_persistence::robots::{self as store, RobotFields, RobotFilter};
use xhs_persistence::Account;
use xhs_persistence::ConnectionTrait;
use xhs_robots::RobotClient;

/// The provider's client, or robots are not configured.
pub(crate) fn client(s: &Services) -> AppResult<Arc<RobotClient>> {
    s.robots.clone().ok_or(AppError::PlatformUnavailable {
        platform: Platform::Robots,
        failure: PlatformFailure::NotConfigured,
    })
}

/// What a sync did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncOutcome {
    /// Robots the provider listed.
    pub synced: u64,
    pub created: u64,
    pub updated: u64,
}

/// Reads every robot of the provider and upserts each into the accounts,
/// in one write by `actor` (an operator, or the server on its schedule).
pub async fn sync(s: &Services, actor: &Actor) -> AppResult<SyncOutcome> {
    let rows = client(s)?.all().await?;
    let mut out = SyncOutcome {
        synced: rows.len() as u64,
        created: 0,
        updated: 0,
    };
    let w = s.write(actor).await?;
    for r in rows {
        if observe_robot(&*w, r).await?.created {
            out.created += 1;
        } else {
            out.updated += 1;
        }
    }
    let change = Change::of_all(AuditAction::Sync, Some(AuditTarget::Robot));
    let detail = format!("{} robots, {} new", out.synced, out.created);
    w.commit(change.detail(detail)).await?;
    Ok(out)
}

/// What became of a robot the provider told us about.
pub(crate) struct Observed {
    pub id: i64,
    pub created: bool,
    pub block: Option<RobotBlock>,
}

/// The one way a robot row from the provider (a sync or a pushed event)
/// enters the accounts: upserted, and its waiting tasks paused or queued
/// again by whether it can be called now.
pub(crate) async fn observe_robot(
    db: &impl ConnectionTrait,
    r: xhs_robots::RobotRow,
) -> AppResult<Observed> {
    let fields = RobotFields {
        provider_id: r.provider_id,
        nickname: r.nickname,
        avatar_url: r.avatar_url,
        online: r.online,
        captcha: r.captcha,
        enabled: r.enabled,
    };
    let block = RobotBlock::of(fields.online, fields.enabled, fields.captcha);
    let before = store::block_of(db, &fields.provider_id).await?;
    let (id, created) = store::upsert(db, &fields).await?;
    crate::fleet::tasks::apply_block(db, id, block).await?;
    // A new robot has no "before": it is not news that it is blocked.
    if let Some(event) = before.and_then(|b| crate::webhooks::events::robot(id, b, block)) {
        crate::webhooks::outbox::emit(db, event).await?;
    }
    Ok(Observed { id, created, block })
}

/// What the robot list asks for, before validation.
#[derive(Debug, Default, Clone)]
pub struct RobotQuery {
    pub limit: Option<u64>,
    pub cursor: Option<String>,
    pub q: Option<String>,
    pub online: Option<bool>,
    pub enabled: Option<bool>,
    pub captcha: Option<bool>,
}

/// One page of robots, newest first, and when they were last synced.
pub struct RobotPage {
    pub items: Vec<Account>,
    pub next_cursor: Option<String>,
    pub last_sync_at: Option<DateTime<Utc>>,
}

/// Lists the synced robots (the feature is off while the provider is not
/// configured).
pub async fn list(s: &Services, q: RobotQuery) -> AppResult<RobotPage> {
    client(s)?;
    let mut errs = ValidationErrors::default();
    let page = PageRequest::parse(q.limit, q.cursor.as_deref(), &mut errs);
    let search = crate::paging::search_text(q.q.as_deref(), &mut errs);
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let rows = store::list(
        &s.db,
        &RobotFilter {
            limit: page.fetch(),
            before_id: page.before_id,
            q: search,
            online: q.online,
            enabled: q.enabled,
            captcha: q.captcha,
        },
    )
    .await?;
    let (items, next_cursor) = page.finish(rows, |r| r.id);
    Ok(RobotPage {
        items,
        next_cursor,
        last_sync_at: store::last_sync(&s.db).await?,
    })
}
