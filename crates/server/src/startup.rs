use crate::config::Settings;
use anyhow::Context;
use rand::distributions::{Alphanumeric, DistString};
use secrecy::SecretString;
use std::net::TcpListener;
use std::sync::Arc;
use xhs_api::{ApiSettings, AppState, DbTokenStore, ShareSettings};
use xhs_persistence::{operators, posts, sessions, DatabaseConnection};
use xhs_signing::{Signer, XhsConfig};

/// Connects and migrates.
pub async fn database(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    let db = xhs_persistence::connect(&settings.database.url)
        .await
        .with_context(|| format!("connecting to {}", settings.database.redacted_url()))?;
    xhs_persistence::migrate(&db)
        .await
        .context("applying migrations")?;
    Ok(db)
}

pub fn random_password() -> String {
    Alphanumeric.sample_string(&mut rand::thread_rng(), 20)
}

/// Creates or resets an operator; a reset ends its sessions.
pub async fn set_password(
    db: &DatabaseConnection,
    username: &str,
    password: SecretString,
) -> anyhow::Result<bool> {
    anyhow::ensure!(
        !username.trim().is_empty() && username.len() <= 64,
        "the username must have 1 to 64 characters"
    );
    let hash = xhs_api::hash_password(password)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let created = operators::upsert_password(db, username.trim(), &hash).await?;
    if !created {
        if let Some(op) = operators::find_by_username(db, username.trim()).await? {
            sessions::delete_for_operator(db, op.id).await?;
        }
    }
    Ok(created)
}

fn signer(settings: &Settings, db: &DatabaseConnection) -> anyhow::Result<Signer> {
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

/// First start: an `admin` operator and a demo post, so there is something to see.
async fn first_start(
    settings: &Settings,
    db: &DatabaseConnection,
    public_url: &str,
) -> anyhow::Result<()> {
    if operators::count(db).await? == 0 {
        let (password, generated) = match settings.auth.admin_password.clone() {
            Some(p) => (p, false),
            None => (SecretString::from(random_password()), true),
        };
        let shown = if generated {
            secrecy::ExposeSecret::expose_secret(&password).to_owned()
        } else {
            "(from XHSPUB__AUTH__ADMIN_PASSWORD)".to_owned()
        };
        set_password(db, "admin", password).await?;
        // Printed once to the terminal, never to the log.
        println!(
            "\n  First start: operator created.\n    username: admin\n    password: {shown}\n"
        );
    }
    if posts::count_live(db).await? == 0 {
        let demo = demo_post();
        let row = posts::create(db, &demo).await?;
        println!("  Demo post #{} created: {public_url}/posts/{}/edit  (share page: {public_url}/p/{})\n", row.id, row.id, row.id);
    }
    Ok(())
}

fn demo_post() -> posts::PostFields {
    posts::PostFields {
        post_type: "normal".into(),
        title: "周末城市漫步路线".into(),
        content: "三条适合周末的城市漫步路线，拍照很出片。\n\n#城市漫步 #周末去哪儿 ".into(),
        cover_url: None,
        image_urls: vec![
            "https://picsum.photos/seed/xhs-demo-1/1080/1440".into(),
            "https://picsum.photos/seed/xhs-demo-2/1080/1440".into(),
        ],
        video_url: None,
    }
}

pub async fn serve(settings: Settings) -> anyhow::Result<()> {
    let db = database(&settings).await?;
    let listener = TcpListener::bind((settings.server.host.as_str(), settings.server.port))
        .with_context(|| format!("binding {}:{}", settings.server.host, settings.server.port))?;
    let port = listener.local_addr()?.port();
    let public_url = settings.public_url(port);
    first_start(&settings, &db, &public_url).await?;
    let signer = signer(&settings, &db)?;
    if !signer.is_configured() {
        tracing::warn!("xhs.app_key/xhs.app_secret not set: publish answers 503 xhs_not_configured and the share page offers copy-text");
    }
    let static_dir = Some(settings.server.static_dir.clone());
    let media = settings.media.open_store()?;
    let state = AppState {
        db,
        media,
        signer: Arc::new(signer),
        settings: ApiSettings {
            session_ttl: chrono::Duration::hours(settings.auth.session_ttl_hours),
            public_url: public_url.clone(),
            static_dir,
            cors_origins: settings.server.cors_origins.clone(),
            share: ShareSettings {
                per_client_per_minute: settings.share.per_client_per_minute,
                per_token_per_minute: settings.share.per_token_per_minute,
                trust_forwarded_for: settings.server.trust_forwarded_for,
                login_per_minute: settings.auth.login_per_minute,
            },
        },
    };
    println!("  xhs-publisher listening on http://{}:{port}  (console: {public_url}/, API docs: {public_url}/docs/)", settings.server.host);
    tracing::info!(port, database = %settings.database.redacted_url(), "serving");
    xhs_api::build_server(state, listener)?.await?;
    Ok(())
}
