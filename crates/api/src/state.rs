use std::path::PathBuf;
use std::sync::Arc;
use xhs_persistence::DatabaseConnection;
use xhs_signing::Signer;

/// What the HTTP layer needs to know from the configuration.
#[derive(Debug, Clone)]
pub struct ApiSettings {
    /// How long an operator session lasts.
    pub session_ttl: chrono::Duration,
    /// The base URL people's phones reach (share links are built from it).
    pub public_url: String,
    /// The built frontend (`frontend/dist`); the API works without it.
    pub static_dir: Option<PathBuf>,
    /// Origins allowed to call the API from another site (CORS); empty = same origin only.
    pub cors_origins: Vec<String>,
    /// Limits of the public share endpoints.
    pub share: ShareSettings,
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
}

impl Default for ShareSettings {
    fn default() -> Self {
        Self {
            per_client_per_minute: 120,
            per_token_per_minute: 600,
            trust_forwarded_for: false,
            login_per_minute: 30,
        }
    }
}

/// Shared by every request.
pub struct AppState {
    pub db: DatabaseConnection,
    pub signer: Arc<Signer>,
    pub settings: ApiSettings,
    /// The media library's storage (local directory or S3) and upload limits.
    pub media: xhs_media::MediaStore,
}
