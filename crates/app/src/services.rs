use std::sync::Arc;
use xhs_persistence::DatabaseConnection;
use xhs_signing::Signer;

/// What the use cases need to know from the configuration.
#[derive(Debug, Clone)]
pub struct AppSettings {
    /// The base URL people's phones reach (share links and media URLs).
    pub public_url: String,
    /// How long an operator session lasts.
    pub session_ttl: chrono::Duration,
    /// Statistics count days in this zone (a Beijing team's morning is not
    /// the previous UTC day).
    pub stats_timezone: chrono_tz::Tz,
    /// This many failed logins in a row from one address lock that
    /// username there for `lockout_for` (see [`crate::team::login_guard`]).
    pub lockout_after: i32,
    pub lockout_for: chrono::Duration,
    /// `workflow.approval`: links, dispatch and share pages serve only
    /// approved notes.
    pub approval_required: bool,
}

impl AppSettings {
    /// Today's date in the statistics' time zone.
    pub fn today(&self) -> chrono::NaiveDate {
        chrono::Utc::now()
            .with_timezone(&self.stats_timezone)
            .date_naive()
    }

    /// `{public_url}/{path}` without a doubled slash.
    pub fn url(&self, path: &str) -> String {
        format!("{}/{}", self.public_url.trim_end_matches('/'), path)
    }
}

/// Everything a use case runs on; built once by the server and shared.
pub struct Services {
    pub db: DatabaseConnection,
    pub signer: Arc<Signer>,
    /// Douyin's share schemas (not configured without a client key and secret).
    pub douyin: Arc<xhs_signing::DouyinSigner>,
    /// The media library's storage (local directory or S3) and upload limits.
    pub media: xhs_media::MediaStore,
    pub settings: AppSettings,
    /// The robot-account provider; None when `robots.base_url` is unset.
    pub robots: Option<Arc<xhs_robots::RobotClient>>,
    /// Limits, timeouts and callback fields of the robot fleet.
    pub fleet: crate::fleet::FleetPolicy,
    /// Resolved share links by token; see [`crate::links::cache`].
    pub link_cache: crate::links::cache::LinkCache,
    /// Share-page events on their way to the database (group commit).
    pub events: crate::stats::event_queue::EventQueue,
    /// The last token fetch per platform (XHS, Douyin) this instance saw.
    pub token_health: crate::links::handoff::TokenHealth,
    /// Failed logins per username and address, and per username.
    pub logins: crate::team::login_guard::LoginGuard,
    /// How webhook deliveries are made (`[webhooks]`).
    pub webhooks: crate::webhooks::WebhookPolicy,
    /// How an import's `fetch_media` downloads (`[imports]`).
    pub imports: crate::imports::fetch::FetchPolicy,
    /// The CJK font QR sheets are set in (`[print]`), read on first use.
    pub print: Arc<xhs_print::FontSource>,
}
