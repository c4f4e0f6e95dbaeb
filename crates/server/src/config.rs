//! Layered configuration: built-in defaults, then an optional file
//! (`--config FILE`), then `XHSPUB__SECTION__KEY` environment variables.
use secrecy::SecretString;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub xhs: XhsSettings,
    pub auth: AuthSettings,
    pub log: LogSettings,
    pub media: crate::media_settings::MediaSettings,
    pub share: ShareLimitSettings,
    pub stats: StatsSettings,
    pub robots: RobotsSettings,
    pub douyin: DouyinSettings,
    pub workflow: WorkflowSettings,
    pub redis: crate::redis_settings::RedisSettings,
    pub cache: CacheSettings,
    pub events: crate::events_settings::EventsSettings,
    pub webhooks: crate::webhooks_settings::WebhooksSettings,
    pub metrics: crate::metrics_settings::MetricsSettings,
    pub imports: ImportsSettings,
    #[serde(default)]
    pub print: PrintSettings,
}

/// Printing (`XHSPUB__PRINT__FONT_PATH`): the CJK font QR sheets are set in.
#[derive(Debug, Default, Deserialize)]
pub struct PrintSettings {
    /// A TTF, OTF or TTC with Chinese glyphs; unset: the usual system
    /// directories are searched (Noto Sans CJK, Source Han Sans, WenQuanYi).
    pub font_path: Option<PathBuf>,
}

/// Spreadsheet imports (`XHSPUB__IMPORTS__FETCH_TIMEOUT_MS`, `…__ALLOW_PRIVATE`).
#[derive(Debug, Deserialize)]
pub struct ImportsSettings {
    /// How long one media download of `fetch_media=true` may take.
    pub fetch_timeout_ms: u64,
    /// Fetch media from private, loopback and link-local addresses too
    /// (intranets, tests); off, only public addresses, checked after DNS
    /// resolution and at every redirect.
    pub allow_private: bool,
}

impl ImportsSettings {
    pub fn fetch_policy(&self) -> anyhow::Result<xhs_app::imports::fetch::FetchPolicy> {
        anyhow::ensure!(
            (100..=600_000).contains(&self.fetch_timeout_ms),
            "imports.fetch_timeout_ms is {}; use 100 to 600000",
            self.fetch_timeout_ms
        );
        Ok(xhs_app::imports::fetch::FetchPolicy {
            timeout: std::time::Duration::from_millis(self.fetch_timeout_ms),
            allow_private: self.allow_private,
        })
    }
}

/// In-memory caches (`XHSPUB__CACHE__LINK_TTL_MS`).
#[derive(Debug, Deserialize)]
pub struct CacheSettings {
    /// How long a resolved share link (link, note, account name) is kept;
    /// writes clear it at once (on every instance with Redis), so this only
    /// bounds what another instance without Redis may serve. 0 turns it off.
    pub link_ttl_ms: u64,
}

/// The team's workflow (`XHSPUB__WORKFLOW__APPROVAL=true`).
#[derive(Debug, Deserialize)]
pub struct WorkflowSettings {
    /// Notes must be approved before links, dispatch and share pages serve them.
    pub approval: bool,
}

/// Douyin's open platform (XHS_FACTS section 6). Without a key and secret,
/// links do not offer Douyin and its payload answers 503 `platform_not_configured`.
#[derive(Debug, Deserialize)]
pub struct DouyinSettings {
    pub client_key: Option<String>,
    /// Only sent to Douyin's client-token endpoint; never logged or returned.
    pub client_secret: Option<SecretString>,
    pub api_base: String,
    pub timeout_ms: u64,
}

/// The robot-account provider (XHS_FACTS section 5). Unset `base_url`: the
/// feature is off and its endpoints answer 503 `robots_not_configured`.
#[derive(Debug, Deserialize)]
pub struct RobotsSettings {
    pub base_url: Option<String>,
    /// Sent as `Merchant-Token` on every call; never logged or returned.
    pub merchant_token: Option<SecretString>,
    pub list_path: String,
    pub publish_path: String,
    pub login_path: String,
    /// How often the robots are synced in the background.
    pub sync_interval_secs: u64,
    /// Timeout of one call to the provider.
    pub timeout_ms: u64,
    /// A task accepted and not called back by then is `timed_out` (the guide: 7200).
    pub task_timeout_secs: i64,
    /// An accepted task not called back by then is shown as overdue.
    pub callback_grace_secs: i64,
    /// The provider's limits per robot (the guide's by default; shorter
    /// windows only for tests against a fake).
    pub login_interval_secs: i64,
    pub login_per_day: i32,
    pub call_interval_secs: i64,
    pub call_per_day: i32,
    pub calls_per_day: i32,
    /// How often the dispatcher looks for due tasks.
    pub dispatch_tick_ms: u64,
    /// How long a dispatcher holds a task it sends; a task still `sending`
    /// after that (its dispatcher died mid-call) becomes `unknown`.
    pub lease_secs: i64,
    /// JSON pointers to a callback's fields.
    pub callback_task_id: String,
    pub callback_code: String,
    pub callback_msg: String,
    pub callback_note_url: String,
}

/// How statistics count.
#[derive(Debug, Deserialize)]
pub struct StatsSettings {
    /// An IANA zone, e.g. `Asia/Shanghai`: days start at midnight there.
    pub timezone: String,
}

/// Limits of the public share endpoints (publish, events), per minute.
#[derive(Debug, Deserialize)]
pub struct ShareLimitSettings {
    pub per_client_per_minute: u32,
    pub per_token_per_minute: u32,
}

#[derive(Debug, Deserialize)]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    /// The base URL people's phones reach; share links are built from it.
    pub public_url: Option<String>,
    /// The built frontend.
    pub static_dir: PathBuf,
    /// Other origins allowed to call the API (CORS).
    #[serde(default)]
    pub cors_origins: Vec<String>,
    /// Take client addresses from `X-Forwarded-For` (only behind your own proxy).
    pub trust_forwarded_for: bool,
    /// Create a demo post on first start, when there are no posts.
    pub demo_post: bool,
    /// Proxies (CIDRs or addresses) in the `X-Forwarded-For`/`Forwarded`
    /// chain: the client is the rightmost hop not listed. When set, only
    /// peers listed here may forward at all.
    #[serde(default)]
    pub trusted_proxies: Vec<String>,
}

#[derive(Deserialize)]
pub struct DatabaseSettings {
    /// May hold a password: never printed whole (see `redacted_url`).
    pub url: String,
    /// How long a new database connection may take before a request answers
    /// 503 `database_unavailable` (a refused one fails at once).
    pub connect_timeout_ms: u64,
}

impl std::fmt::Debug for DatabaseSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DatabaseSettings")
            .field("url", &self.redacted_url())
            .finish()
    }
}

impl DatabaseSettings {
    /// The URL with any password replaced, for logs.
    pub fn redacted_url(&self) -> String {
        match url::Url::parse(&self.url) {
            Ok(mut u) if u.password().is_some() => {
                let _ = u.set_password(Some("***"));
                u.to_string()
            }
            _ => self.url.clone(),
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct XhsSettings {
    pub app_key: Option<String>,
    pub app_secret: Option<SecretString>,
    pub api_base: String,
    pub timeout_ms: u64,
}

#[derive(Debug, Deserialize)]
pub struct AuthSettings {
    /// The password of `admin` created on first start; generated when unset.
    pub admin_password: Option<SecretString>,
    pub session_ttl_hours: i64,
    /// Login attempts per minute from one address.
    pub login_per_minute: u32,
    /// Failed logins in a row from one address that lock that username
    /// there (other addresses and users are not affected).
    pub lockout_after: i32,
    /// How long such a lock lasts.
    pub lockout_minutes: i64,
    /// Failed logins of one username from anywhere within `lockout_minutes`
    /// after which each attempt on it waits a second (slowed, never locked).
    pub slow_after: u32,
}

#[derive(Debug, Deserialize)]
pub struct LogSettings {
    /// `tracing` filter, e.g. `info,sqlx=warn`.
    pub filter: String,
    /// `pretty` or `json`.
    pub format: String,
}

const DEFAULTS: &str = include_str!("defaults.toml");

impl ServerSettings {
    /// `trusted_proxies` parsed; a bare address is a network of one.
    pub fn trusted_proxies(&self) -> anyhow::Result<Vec<ipnet::IpNet>> {
        self.trusted_proxies
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<ipnet::IpNet>()
                    .or_else(|_| p.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                    .map_err(|_| {
                        anyhow::anyhow!("server.trusted_proxies: '{p}' is not a CIDR or an address")
                    })
            })
            .collect()
    }
}

impl Settings {
    pub fn load(file: Option<&std::path::Path>) -> Result<Self, config::ConfigError> {
        let mut b = config::Config::builder()
            .add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml));
        if let Some(f) = file {
            b = b.add_source(config::File::from(f).required(true));
        }
        b.add_source(
            config::Environment::with_prefix("XHSPUB")
                .prefix_separator("__")
                .separator("__")
                .list_separator(",")
                .with_list_parse_key("server.cors_origins")
                .with_list_parse_key("server.trusted_proxies")
                .with_list_parse_key("metrics.allow")
                .try_parsing(true),
        )
        .build()?
        .try_deserialize()
    }

    /// `server.public_url`, or the listen address when unset.
    pub fn public_url(&self, port: u16) -> String {
        self.server
            .public_url
            .clone()
            .filter(|u| !u.trim().is_empty())
            .map(|u| u.trim_end_matches('/').to_owned())
            .unwrap_or_else(|| format!("http://{}:{port}", self.server.host))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn defaults_load_without_any_file_or_variable() {
        let s = Settings::load(None).unwrap();
        assert_eq!(s.server.port, 8080);
        assert!(s.database.url.starts_with("sqlite://data/"));
        assert_eq!(s.xhs.api_base, "https://edith.xiaohongshu.com");
        assert!(s.xhs.app_secret.is_none());
        assert!(!s.workflow.approval, "approval is off by default");
    }

    #[test]
    fn trusted_proxies_take_cidrs_and_bare_addresses() {
        let mut s = Settings::load(None).unwrap();
        s.server.trusted_proxies = vec!["10.0.0.0/8".into(), " 192.168.1.2 ".into()];
        let nets = s.server.trusted_proxies().unwrap();
        assert_eq!(nets.len(), 2);
        assert!(nets[1].contains(&"192.168.1.2".parse::<std::net::IpAddr>().unwrap()));
        s.server.trusted_proxies = vec!["proxy.local".into()];
        assert!(s.server.trusted_proxies().is_err());
    }

    #[test]
    fn a_database_password_is_redacted_in_debug_output() {
        let d = DatabaseSettings {
            url: "postgres://u:hunter2@db/x".into(),
            connect_timeout_ms: 1500,
        };
        assert!(!format!("{d:?}").contains("hunter2"));
    }
}
