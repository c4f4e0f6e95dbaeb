use std::path::PathBuf;
use xhs_app::Services;

/// What the HTTP layer needs to know from the configuration.
#[derive(Debug, Clone)]
pub struct ApiSettings {
    /// The built frontend (`frontend/dist`); the API works without it.
    pub static_dir: Option<PathBuf>,
    /// Origins allowed to call the API from another site (CORS); empty = same origin only.
    pub cors_origins: Vec<String>,
    /// Limits of the public share endpoints.
    pub share: ShareSettings,
    /// Who may read `/metrics` (off when neither is set).
    pub metrics: crate::MetricsSettings,
}

/// How hard the public share endpoints may be called.
#[derive(Debug, Clone)]
pub struct ShareSettings {
    /// Publish and event calls per minute from one client address.
    pub per_client_per_minute: u32,
    /// Publish and event calls per minute for one link token.
    pub per_token_per_minute: u32,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy you run).
    pub trust_forwarded_for: bool,
    /// Login attempts per minute from one client address.
    pub login_per_minute: u32,
    /// Proxies in the forwarding chain (`server.trusted_proxies`): the client
    /// is the rightmost hop that is not one of them.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Count these limits in Redis, shared by every instance; `None`: in this process.
    pub redis: Option<RedisSettings>,
}

/// Where the limits are shared between instances.
#[derive(Debug, Clone)]
pub struct RedisSettings {
    /// `redis://[:password@]host[:port][/db]`; may hold a password, so never printed.
    pub url: secrecy::SecretString,
    /// Prepended to every key (`PREFIX:login:ADDRESS` ...): several
    /// deployments, or tests, can share one Redis.
    pub key_prefix: String,
    /// How long one call may take before this process counts alone.
    pub timeout: std::time::Duration,
}

impl Default for ShareSettings {
    fn default() -> Self {
        Self {
            per_client_per_minute: 120,
            per_token_per_minute: 600,
            trust_forwarded_for: false,
            login_per_minute: 30,
            trusted_proxies: Vec::new(),
            redis: None,
        }
    }
}

/// Shared by every request: the use cases' services and the HTTP settings.
pub struct AppState {
    pub app: Services,
    pub settings: ApiSettings,
}
