use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use std::io::Write;
use std::net::TcpListener;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use xhs_api::{ApiSettings, AppState, DbTokenStore};
use xhs_fakes::FakeXhs;
use xhs_persistence::DatabaseConnection;
use xhs_signing::{SecretString, Signer, XhsConfig};

pub const APP_KEY: &str = "red.testAppKey";
pub const APP_SECRET: &str = "test-app-secret-8d1f0c";
pub const ADMIN_PASSWORD: &str = "correct horse battery staple";

/// Everything every test's server logged, to check that no secret is in it.
pub fn captured_logs() -> String {
    String::from_utf8_lossy(&LOGS.get_or_init(Default::default).lock().unwrap()).into_owned()
}

static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();

#[derive(Clone)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn init_logs() {
    static INIT: OnceLock<()> = OnceLock::new();
    INIT.get_or_init(|| {
        let buf = LOGS.get_or_init(Default::default).clone();
        let _ = tracing_subscriber::fmt()
            .with_env_filter("debug,sqlx=info,hyper=info,h2=info,rustls=info")
            .with_ansi(false)
            .with_writer(move || Capture(buf.clone()))
            .try_init();
    });
}

pub struct TestApp {
    pub address: String,
    pub client: Client,
    pub fake: FakeXhs,
    pub db: DatabaseConnection,
    pub token: String,
    /// Holds the media store: the local backend uses `media_root()` inside it.
    pub media_tmp: tempfile::TempDir,
}

pub struct Options {
    pub configured: bool,
    pub timeout: Duration,
    pub share: xhs_api::ShareSettings,
    pub media_limits: xhs_media::Limits,
    /// `None`: a local store in a fresh temp dir.
    pub media_store: Option<xhs_media::StoreConfig>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            configured: true,
            timeout: Duration::from_secs(3),
            share: xhs_api::ShareSettings::default(),
            media_limits: xhs_media::Limits::default(),
            media_store: None,
        }
    }
}

/// A fresh database of the backend TEST_DATABASE names (sqlite by default).
async fn fresh_database() -> DatabaseConnection {
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
    db
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Options::default()).await
}

pub async fn spawn_app_with(opts: Options) -> TestApp {
    init_logs();
    let db = fresh_database().await;
    let fake = FakeXhs::start(APP_KEY, APP_SECRET).await;
    let config = opts.configured.then(|| XhsConfig {
        app_key: APP_KEY.into(),
        app_secret: SecretString::from(APP_SECRET),
        api_base: url::Url::parse(&fake.base_url()).unwrap(),
        timeout: opts.timeout,
    });
    let signer = Signer::new(config, Arc::new(DbTokenStore::new(db.clone())));
    let hash = xhs_api::hash_password(SecretString::from(ADMIN_PASSWORD))
        .await
        .unwrap();
    xhs_persistence::operators::upsert_password(&db, "admin", &hash)
        .await
        .unwrap();

    let media_tmp = tempfile::tempdir().unwrap();
    let store_config = opts
        .media_store
        .clone()
        .unwrap_or(xhs_media::StoreConfig::Local {
            dir: media_tmp.path().join("media"),
        });
    let media = xhs_media::MediaStore::open(&store_config, opts.media_limits).unwrap();

    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let state = AppState {
        db: db.clone(),
        signer: Arc::new(signer),
        settings: ApiSettings {
            session_ttl: chrono::Duration::hours(1),
            public_url: address.clone(),
            static_dir: None,
            cors_origins: vec![],
            share: opts.share.clone(),
        },
        media,
    };
    tokio::spawn(xhs_api::build_server(state, listener).unwrap());
    let mut app = TestApp {
        address,
        client: Client::new(),
        fake,
        db,
        token: String::new(),
        media_tmp,
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

/// A post that passes every rule.
pub fn valid_post() -> Value {
    json!({
        "type": "normal",
        "title": "周末去哪儿",
        "content": "三条路线 #城市漫步 #周末 ",
        "image_urls": ["https://img.example.com/1.jpg", "https://img.example.com/2.jpg"]
    })
}

impl TestApp {
    /// The local media store's directory.
    pub fn media_root(&self) -> std::path::PathBuf {
        self.media_tmp.path().join("media")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn login(&self, username: &str, password: &str) -> Response {
        self.client
            .post(self.url("/api/auth/login"))
            .json(&json!({"username": username, "password": password}))
            .send()
            .await
            .unwrap()
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap()
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn put_json(&self, path: &str, body: &Value) -> Response {
        self.client
            .put(self.url(path))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn delete(&self, path: &str) -> Response {
        self.client
            .delete(self.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap()
    }

    /// Creates a post and returns its body.
    pub async fn create_post(&self, body: &Value) -> Value {
        let res = self.post_json("/api/posts", body).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        res.json().await.unwrap()
    }
}

/// The status and the problem body of an error answer, checking its media type.
pub async fn problem(res: Response) -> (StatusCode, Value) {
    let status = res.status();
    let ct = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    assert_eq!(ct, "application/problem+json", "status {status}");
    (status, res.json().await.unwrap())
}
