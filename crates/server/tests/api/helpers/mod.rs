use reqwest::Client;
use serde_json::{json, Value};
use std::time::Duration;
use xhs_fakes::FakeXhs;
use xhs_persistence::DatabaseConnection;
use xhs_server::{Application, Settings};
use xhs_signing::SecretString;

mod calls;
mod db;
mod logs;
pub use calls::problem;
pub use db::*;
pub use logs::captured_logs;
use logs::init_logs;

pub const APP_KEY: &str = "red.testAppKey";
pub const APP_SECRET: &str = "test-app-secret-8d1f0c";
pub const ADMIN_PASSWORD: &str = "correct horse battery staple";
/// Requests a test keeps in flight at once. Each is two open files in this
/// process (the client's socket and the server's; the client keeps no idle
/// connection), and two tests run at once: with what each app holds, a few
/// hundred files in all, under the common hard limit of 1 024.
pub const IN_FLIGHT: usize = 100;

/// Awaits `requests`, at most [`IN_FLIGHT`] at a time; the answers in order.
pub async fn in_flight<F: std::future::Future>(
    requests: impl IntoIterator<Item = F>,
) -> Vec<F::Output> {
    use futures_util::StreamExt;
    futures_util::stream::iter(requests)
        .buffered(IN_FLIGHT)
        .collect()
        .await
}

pub struct TestApp {
    pub address: String,
    pub client: Client,
    pub fake: FakeXhs,
    pub db: DatabaseConnection,
    /// The database's URL (for a second instance on it).
    pub db_url: String,
    pub token: String,
    /// Holds the media store: the local backend uses `media_root()` inside it.
    pub media_tmp: tempfile::TempDir,
    /// Stops the server (then its workers stop and the event writer drains).
    pub server: actix_web::dev::ServerHandle,
    /// Ends, true when cleanly, once the server and its workers stopped.
    pub running: Option<tokio::task::JoinHandle<bool>>,
    /// The server's shared state (its services), to look inside.
    pub state: actix_web::web::Data<xhs_api::AppState>,
}

pub struct Options {
    pub configured: bool,
    pub timeout: Duration,
    pub share: xhs_api::ShareSettings,
    pub media_limits: xhs_media::Limits,
    /// `None`: a local store in a fresh temp dir.
    pub media_store: Option<xhs_media::StoreConfig>,
    /// `None`: the fake XHS; set to reach somewhere else (a closed port).
    pub xhs_api_base: Option<String>,
    /// `stats.timezone`; the default when `None`.
    pub stats_timezone: Option<String>,
    /// `(robots.base_url, robots.merchant_token)`; robots off when `None`.
    pub robots: Option<(String, String)>,
    /// Douyin's `api_base` (a fake); the key and secret are [`DOUYIN_KEY`]
    /// and [`DOUYIN_SECRET`]. Douyin off when `None`.
    pub douyin: Option<String>,
    /// Any other setting, changed last.
    pub settings: Option<fn(&mut Settings)>,
    /// Start on this database (a second instance) instead of a fresh one.
    pub database_url: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            configured: true,
            timeout: Duration::from_secs(3),
            share: xhs_api::ShareSettings::default(),
            media_limits: xhs_media::Limits::default(),
            media_store: None,
            xhs_api_base: None,
            stats_timezone: None,
            robots: None,
            douyin: None,
            settings: None,
            database_url: None,
        }
    }
}

/// A fresh database of the backend TEST_DATABASE names (sqlite by default).
async fn fresh_database() -> (DatabaseConnection, String) {
    let name = format!("xhs_test_{}", uuid::Uuid::new_v4().simple());
    let url = match std::env::var("TEST_DATABASE").unwrap_or_default().as_str() {
        "mysql" => {
            let base = std::env::var("TEST_MYSQL_URL")
                .unwrap_or_else(|_| "mysql://root@127.0.0.1:3306".into());
            let admin = xhs_persistence::connect(&format!("{base}/mysql"))
                .await
                .expect("MariaDB reachable");
            use xhs_persistence::ConnectionTrait;
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name} CHARACTER SET utf8mb4"))
                .await
                .unwrap();
            format!("{base}/{name}")
        }
        "postgres" => {
            let base = std::env::var("TEST_POSTGRES_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into());
            let admin = xhs_persistence::connect(&format!("{base}/postgres"))
                .await
                .expect("PostgreSQL reachable");
            use xhs_persistence::ConnectionTrait;
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .unwrap();
            format!("{base}/{name}")
        }
        _ => format!(
            "sqlite://{}/{name}.db?mode=rwc",
            std::env::temp_dir().display()
        ),
    };
    let db = xhs_persistence::connect(&url).await.unwrap();
    xhs_persistence::migrate(&db).await.unwrap();
    (db, url)
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Options::default()).await
}

pub async fn spawn_app_with(opts: Options) -> TestApp {
    init_logs();
    let (db, url) = match &opts.database_url {
        Some(url) => (xhs_persistence::connect(url).await.unwrap(), url.clone()),
        None => fresh_database().await,
    };
    let fake = FakeXhs::start(APP_KEY, APP_SECRET).await;
    let media_tmp = tempfile::tempdir().unwrap();
    let mut settings = Settings::load(None).unwrap();
    settings.server.port = 0;
    settings.server.static_dir = media_tmp.path().join("no-frontend");
    settings.server.demo_post = false;
    settings.server.trust_forwarded_for = opts.share.trust_forwarded_for;
    settings.server.trusted_proxies = opts
        .share
        .trusted_proxies
        .iter()
        .map(ToString::to_string)
        .collect();
    settings.database.url = url.clone();
    settings.auth.admin_password = Some(SecretString::from(ADMIN_PASSWORD));
    settings.auth.session_ttl_hours = 1;
    settings.auth.login_per_minute = opts.share.login_per_minute;
    settings.share.per_client_per_minute = opts.share.per_client_per_minute;
    settings.share.per_token_per_minute = opts.share.per_token_per_minute;
    if let Some(redis) = &opts.share.redis {
        settings.redis.url = Some(redis.url.clone());
        settings.redis.key_prefix = redis.key_prefix.clone();
        settings.redis.timeout_ms = u64::try_from(redis.timeout.as_millis()).unwrap();
    }
    if opts.configured {
        settings.xhs.app_key = Some(APP_KEY.into());
        settings.xhs.app_secret = Some(SecretString::from(APP_SECRET));
    }
    settings.xhs.api_base = opts.xhs_api_base.clone().unwrap_or_else(|| fake.base_url());
    settings.xhs.timeout_ms = u64::try_from(opts.timeout.as_millis()).unwrap();
    settings.media.dir = media_tmp.path().join("media");
    settings.media.max_image_bytes = opts.media_limits.max_image_bytes;
    settings.media.max_video_bytes = opts.media_limits.max_video_bytes;
    if let Some(xhs_media::StoreConfig::S3 { s3, spool_dir }) = opts.media_store.clone() {
        settings.media.backend = "s3".into();
        settings.media.dir = spool_dir;
        settings.media.s3_bucket = Some(s3.bucket);
        settings.media.s3_endpoint = s3.endpoint;
        settings.media.s3_region = s3.region;
        settings.media.s3_access_key_id = Some(s3.access_key_id);
        settings.media.s3_secret_access_key = Some(s3.secret_access_key);
        settings.media.s3_allow_http = s3.allow_http;
        settings.media.s3_virtual_hosted_style = s3.virtual_hosted_style;
    }
    if let Some((base, token)) = &opts.robots {
        settings.robots.base_url = Some(base.clone());
        settings.robots.merchant_token = Some(SecretString::from(token.clone()));
        // Generous: a call that times out becomes `unknown`, which a loaded CI
        // machine must not cause by accident.
        settings.robots.timeout_ms = 3000;
    }
    if let Some(base) = &opts.douyin {
        settings.douyin.client_key = Some(DOUYIN_KEY.into());
        settings.douyin.client_secret = Some(SecretString::from(DOUYIN_SECRET));
        settings.douyin.api_base = base.clone();
        settings.douyin.timeout_ms = u64::try_from(opts.timeout.as_millis()).unwrap();
    }
    if let Some(tz) = &opts.stats_timezone {
        settings.stats.timezone = tz.clone();
    }
    if let Some(f) = opts.settings {
        f(&mut settings);
    }
    let application = Application::build(settings).await.unwrap();
    let address = format!("http://127.0.0.1:{}", application.port());
    let server = application.server_handle();
    let state = application.state();
    let running = tokio::spawn(async move { application.run_until_stopped().await.is_ok() });
    let mut app = TestApp {
        address,
        // No pooled connections: the server closes idle ones after its
        // keep-alive (5 s), and a request written onto one it is closing
        // fails with a broken pipe on a loaded machine.
        client: Client::builder().pool_max_idle_per_host(0).build().unwrap(),
        fake,
        db,
        db_url: url,
        token: String::new(),
        media_tmp,
        server,
        running: Some(running),
        state,
    };
    app.token = app
        .login("admin", ADMIN_PASSWORD)
        .await
        .json::<Value>()
        .await
        .unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    app
}

pub const DOUYIN_KEY: &str = "awfakeclientkey01";
pub const DOUYIN_SECRET: &str = "douyin-secret-never-shown";

/// A post that passes every rule.
pub fn valid_post() -> Value {
    json!({
        "type": "normal",
        "title": "周末去哪儿",
        "content": "三条路线 #城市漫步 #周末 ",
        "image_urls": ["https://img.example.com/1.jpg", "https://img.example.com/2.jpg"]
    })
}
