//! Robot accounts (XHS_FACTS section 5): synced from the provider's list into
//! the accounts, kind `robot`, on a schedule and on demand.
use crate::paging::PageRequest;
use crate::{AppError, AppResult, Platform, PlatformFailure, Services};
use chrono::{DateTime, Utc};
use std::sync::Arc;
use xhs_domain::ValidationErrors;
use xhs_persistence::robots::{self as store, RobotFields, RobotFilter};
use xhs_persistence::Account;
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

/// Reads every robot of the provider and upserts each into the accounts.
pub async fn sync(s: &Services) -> AppResult<SyncOutcome> {
    let rows = client(s)?.all().await?;
    let mut out = SyncOutcome {
        synced: rows.len() as u64,
        created: 0,
        updated: 0,
    };
    for r in rows {
        let fields = RobotFields {
            provider_id: r.provider_id,
            nickname: r.nickname,
            avatar_url: r.avatar_url,
            online: r.online,
            captcha: r.captcha,
            enabled: r.enabled,
        };
        let block = xhs_domain::RobotBlock::of(fields.online, fields.enabled, fields.captcha);
        let (id, created) = store::upsert(&s.db, &fields).await?;
        crate::fleet::tasks::apply_block(s, id, block).await?;
        if created {
            out.created += 1;
        } else {
            out.updated += 1;
        }
    }
    Ok(out)
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
