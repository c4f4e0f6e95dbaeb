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
}

#[derive(Deserialize)]
pub struct DatabaseSettings {
    /// May hold a password: never printed whole (see `redacted_url`).
    pub url: String,
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
}

#[derive(Debug, Deserialize)]
pub struct LogSettings {
    /// `tracing` filter, e.g. `info,sqlx=warn`.
    pub filter: String,
    /// `pretty` or `json`.
    pub format: String,
}

const DEFAULTS: &str = r#"
[server]
host = "127.0.0.1"
port = 8080
static_dir = "frontend/dist"
cors_origins = []
trust_forwarded_for = false

[database]
url = "sqlite://data/xhs-publisher.db?mode=rwc"

[xhs]
api_base = "https://edith.xiaohongshu.com"
timeout_ms = 5000

[auth]
session_ttl_hours = 12
login_per_minute = 30

[share]
per_client_per_minute = 120
per_token_per_minute = 600

[log]
filter = "info,sqlx=warn,sea_orm=warn"
format = "pretty"

[media]
backend = "local"
dir = "data/media"
max_image_bytes = 20971520
max_video_bytes = 524288000
s3_region = "us-east-1"
s3_allow_http = false
s3_virtual_hosted_style = false
"#;

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
    }

    #[test]
    fn a_database_password_is_redacted_in_debug_output() {
        let d = DatabaseSettings {
            url: "postgres://u:hunter2@db/x".into(),
        };
        assert!(!format!("{d:?}").contains("hunter2"));
    }
}
