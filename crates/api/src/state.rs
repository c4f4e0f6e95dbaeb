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
}

/// Shared by every request.
pub struct AppState {
    pub db: DatabaseConnection,
    pub signer: Arc<Signer>,
    pub settings: ApiSettings,
}
