use crate::config::Settings;
use anyhow::Context;
use secrecy::SecretString;
use std::sync::Arc;
use xhs_app::DbTokenStore;
use xhs_persistence::DatabaseConnection;
use xhs_signing::{Signer, XhsConfig};

/// The event writer's own pool (see `EventWriter::run`): connections made
/// on the writer's runtime, which outlives the HTTP workers'.
pub async fn events_db(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    let timeout = std::time::Duration::from_millis(settings.database.connect_timeout_ms.max(100));
    xhs_persistence::connect_with(&settings.database.url, timeout)
        .await
        .with_context(|| format!("connecting to {}", settings.database.redacted_url()))
}

/// Raises the process's soft limit on open files to its hard limit, once.
/// Every connection is a file: with the common default of 1 024, a crowd
/// of a few hundred phones (each connection counted on both ends when a
/// load balancer or a test client shares the host) is refused with
/// "Too many open files" long before the CPU is busy.
pub fn raise_open_files_limit() {
    static RAISED: std::sync::Once = std::sync::Once::new();
    RAISED.call_once(|| {
        let before = rlimit::getrlimit(rlimit::Resource::NOFILE).map(|(soft, _)| soft);
        match rlimit::increase_nofile_limit(u64::MAX) {
            Ok(now) if now < 4096 => tracing::warn!(
                open_files = now,
                "the open-files limit is low: about half as many connections can be open at once (raise `ulimit -n`)"
            ),
            Ok(now) => tracing::info!(before = before.ok(), open_files = now, "open-files limit"),
            Err(e) => tracing::warn!(error = %e, "the open-files limit could not be read or raised"),
        }
    });
}

/// Connects and migrates.
pub async fn database(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    let timeout = std::time::Duration::from_millis(settings.database.connect_timeout_ms.max(100));
    let db = xhs_persistence::connect_with(&settings.database.url, timeout)
        .await
        .with_context(|| format!("connecting to {}", settings.database.redacted_url()))?;
    xhs_persistence::migrate(&db)
        .await
        .context("applying migrations")?;
    Ok(db)
}

/// Creates an operator (with `role`, `admin` when none) or resets its
/// password (and role, when given); a reset ends its sessions.
pub async fn set_password(
    db: &DatabaseConnection,
    username: &str,
    password: SecretString,
    role: Option<xhs_domain::Role>,
) -> anyhow::Result<bool> {
    xhs_app::team::auth::set_password(db, username, password, role)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))
}

/// The robot provider's client, when `robots.base_url` is set.
pub(crate) fn robots(settings: &Settings) -> anyhow::Result<Option<Arc<xhs_robots::RobotClient>>> {
    let r = &settings.robots;
    let Some(base) = r
        .base_url
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty())
    else {
        return Ok(None);
    };
    let token = r.merchant_token.clone().context(
        "robots.base_url is set but robots.merchant_token is not (XHSPUB__ROBOTS__MERCHANT_TOKEN)",
    )?;
    let base = if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    };
    let client = xhs_robots::RobotClient::new(xhs_robots::RobotsConfig {
        base_url: url::Url::parse(&base)
            .with_context(|| format!("robots.base_url '{base}' is not a URL"))?,
        merchant_token: token,
        list_path: r.list_path.clone(),
        publish_path: r.publish_path.clone(),
        login_path: r.login_path.clone(),
        timeout: std::time::Duration::from_millis(r.timeout_ms),
    })
    .map_err(|e| anyhow::anyhow!("robots: {e}"))?;
    Ok(Some(Arc::new(client)))
}

/// Limits, timeouts and callback fields of the robot fleet.
pub(crate) fn fleet(settings: &Settings) -> xhs_app::fleet::FleetPolicy {
    use chrono::Duration;
    let r = &settings.robots;
    xhs_app::fleet::FleetPolicy {
        limits: xhs_app::fleet::RobotLimits {
            login_interval: Duration::seconds(r.login_interval_secs),
            login_per_day: r.login_per_day,
            call_interval: Duration::seconds(r.call_interval_secs),
            call_per_day: r.call_per_day,
            total_per_day: r.calls_per_day,
        },
        task_timeout: Duration::seconds(r.task_timeout_secs),
        callback_grace: Duration::seconds(r.callback_grace_secs.max(1)),
        // Past the call's own timeout, so a slow answer is not taken for a dead dispatcher.
        lease: Duration::seconds(r.lease_secs.max(r.timeout_ms.div_ceil(1000) as i64 + 1)),
        callback: xhs_robots::CallbackFields {
            task_id: r.callback_task_id.clone(),
            code: r.callback_code.clone(),
            msg: r.callback_msg.clone(),
            note_url: r.callback_note_url.clone(),
        },
        ..Default::default()
    }
}

pub(crate) fn douyin(
    settings: &Settings,
    db: &DatabaseConnection,
) -> anyhow::Result<xhs_signing::DouyinSigner> {
    let d = &settings.douyin;
    let config = match (
        d.client_key.as_deref().filter(|k| !k.trim().is_empty()),
        d.client_secret.clone(),
    ) {
        (Some(key), Some(secret)) => Some(xhs_signing::DouyinConfig {
            client_key: key.trim().to_owned(),
            client_secret: secret,
            api_base: url::Url::parse(&d.api_base)
                .with_context(|| format!("douyin.api_base '{}' is not a URL", d.api_base))?,
            timeout: std::time::Duration::from_millis(d.timeout_ms),
        }),
        _ => None,
    };
    Ok(xhs_signing::DouyinSigner::new(
        config,
        Arc::new(DbTokenStore::new(db.clone())),
    ))
}

pub(crate) fn signer(settings: &Settings, db: &DatabaseConnection) -> anyhow::Result<Signer> {
    let x = &settings.xhs;
    let config = match (
        x.app_key.as_deref().filter(|k| !k.trim().is_empty()),
        x.app_secret.clone(),
    ) {
        (Some(key), Some(secret)) => Some(XhsConfig {
            app_key: key.trim().to_owned(),
            app_secret: secret,
            api_base: url::Url::parse(&x.api_base)
                .with_context(|| format!("xhs.api_base '{}' is not a URL", x.api_base))?,
            timeout: std::time::Duration::from_millis(x.timeout_ms),
        }),
        _ => None,
    };
    Ok(Signer::new(config, Arc::new(DbTokenStore::new(db.clone()))))
}

/// The share-link cache: its generation in Redis when several instances
/// share one, else in this process.
pub fn link_cache(settings: &Settings) -> anyhow::Result<xhs_app::links::cache::LinkCache> {
    let generation: Arc<dyn xhs_app::links::cache::Generation> = match settings.redis.limits() {
        Some(redis) => Arc::new(xhs_api::RedisGeneration::new(&redis)?),
        None => Arc::new(xhs_app::links::cache::LocalGeneration::default()),
    };
    Ok(xhs_app::links::cache::LinkCache::new(
        std::time::Duration::from_millis(settings.cache.link_ttl_ms),
        generation,
    ))
}

/// Failed-login counts: in Redis as well when several instances share one
/// (`xhs_app::team::login_guard`), else in this process.
pub(crate) fn login_guard(
    settings: &Settings,
) -> anyhow::Result<xhs_app::team::login_guard::LoginGuard> {
    use xhs_app::team::login_guard::{GuardPolicy, LoginGuard};
    let a = &settings.auth;
    let policy = GuardPolicy {
        lock_after: u32::try_from(a.lockout_after.max(1)).unwrap_or(1),
        lock_for: std::time::Duration::from_secs(
            u64::try_from(a.lockout_minutes.max(1)).unwrap_or(15) * 60,
        ),
        slow_after: a.slow_after.max(1),
        slow_by: std::time::Duration::from_secs(1),
    };
    let guard = LoginGuard::new(policy);
    Ok(match settings.redis.limits() {
        Some(redis) => guard.with_shared(Arc::new(xhs_api::RedisLogins::new(&redis, policy)?)),
        None => guard,
    })
}
