//! `Application::build` is the one wiring of the server: the binary, the CLI
//! and the black-box tests all start through it.
use crate::config::Settings;
use crate::startup;
use crate::workers::Workers;
use anyhow::Context;
use secrecy::ExposeSecret;
use std::net::TcpListener;
use std::sync::Arc;
use xhs_api::{ApiSettings, AppState, ShareSettings};
use xhs_app::{AppSettings, Services};

/// The HTTP server and its background workers, built but not yet running.
pub struct Application {
    host: String,
    port: u16,
    public_url: String,
    server: actix_web::dev::Server,
    workers: Workers,
    state: actix_web::web::Data<AppState>,
    /// A duplicate of the server's listening socket, shut on SIGTERM.
    listener: TcpListener,
}

impl Application {
    /// Connects and migrates the database, runs the first start (an `admin`
    /// and a demo post), binds the listener (port 0 picks a free one) and
    /// builds the server and the workers.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        startup::raise_open_files_limit();
        let db = startup::database(&settings).await?;
        let listener = TcpListener::bind((settings.server.host.as_str(), settings.server.port))
            .with_context(|| {
                format!("binding {}:{}", settings.server.host, settings.server.port)
            })?;
        let port = listener.local_addr()?.port();
        let public_url = settings.public_url(port);
        if xhs_domain::MediaUrl::parse("public_url", &public_url)
            .map_or(true, |u| u.is_unreachable_from_phone())
        {
            tracing::warn!(public_url = %public_url, "share links point at a local or private address");
            println!(
                "\n  Note: share links and QR codes point at {public_url}, which phones cannot open.\n  \
                 Set XHSPUB__SERVER__PUBLIC_URL to an address phones reach (see README: \"Try it on your phone\").\n"
            );
        }
        let signer = startup::signer(&settings, &db)?;
        if !signer.is_configured() {
            tracing::warn!("xhs.app_key/xhs.app_secret not set: publish answers 503 xhs_not_configured and the share page offers copy-text");
        }
        let douyin = startup::douyin(&settings, &db)?;
        let services = Services {
            db,
            signer: Arc::new(signer),
            douyin: Arc::new(douyin),
            media: settings.media.open_store()?,
            robots: startup::robots(&settings)?,
            fleet: startup::fleet(&settings),
            link_cache: startup::link_cache(&settings)?,
            events: xhs_app::stats::event_queue::EventQueue::new(settings.events.policy()?),
            token_health: Default::default(),
            webhooks: settings.webhooks.policy()?,
            imports: settings.imports.fetch_policy()?,
            print: Arc::new(xhs_app::print::FontSource::new(
                settings.print.font_path.clone(),
            )),
            logins: startup::login_guard(&settings)?,
            settings: AppSettings {
                public_url: public_url.clone(),
                session_ttl: chrono::Duration::hours(settings.auth.session_ttl_hours),
                lockout_after: settings.auth.lockout_after.max(1),
                lockout_for: chrono::Duration::minutes(settings.auth.lockout_minutes),
                approval_required: settings.workflow.approval,
                stats_timezone: settings.stats.timezone.trim().parse().map_err(|_| {
                    anyhow::anyhow!(
                        "stats.timezone '{}' is not an IANA time zone such as Asia/Shanghai",
                        settings.stats.timezone
                    )
                })?,
            },
        };
        let first = xhs_app::team::auth::first_start(
            &services,
            settings.auth.admin_password.clone(),
            settings.server.demo_post,
        )
        .await
        .map_err(|e| anyhow::anyhow!("first start: {e}"))?;
        if first.admin_created {
            let shown = first
                .generated_password
                .as_ref()
                .map(|p| p.expose_secret().to_owned())
                .unwrap_or_else(|| "(from XHSPUB__AUTH__ADMIN_PASSWORD)".to_owned());
            // Printed once to the terminal, never to the log.
            println!(
                "\n  First start: operator created.\n    username: admin\n    password: {shown}\n"
            );
        }
        if let Some(id) = first.demo_post {
            println!("  Demo post #{id} created: {public_url}/posts/{id}/edit\n");
        }
        let state = AppState {
            app: services,
            settings: ApiSettings {
                static_dir: Some(settings.server.static_dir.clone()),
                cors_origins: settings.server.cors_origins.clone(),
                share: ShareSettings {
                    per_client_per_minute: settings.share.per_client_per_minute,
                    per_token_per_minute: settings.share.per_token_per_minute,
                    trust_forwarded_for: settings.server.trust_forwarded_for,
                    login_per_minute: settings.auth.login_per_minute,
                    trusted_proxies: settings.server.trusted_proxies()?,
                    redis: settings.redis.limits(),
                },
                metrics: settings.metrics.access()?,
            },
        };
        let state = actix_web::web::Data::new(state);
        let workers = Workers::start(
            state.clone(),
            startup::events_db(&settings).await?,
            std::time::Duration::from_secs(settings.robots.sync_interval_secs.max(60)),
            std::time::Duration::from_millis(settings.robots.dispatch_tick_ms.max(50)),
            settings.webhooks.tick(),
        );
        let own_listener = listener.try_clone().context("duplicating the listener")?;
        let server = xhs_api::build_server(state.clone(), listener)?;
        if let Some(redis) = settings.redis.redacted_url() {
            tracing::info!(redis = %redis, "rate limits and the share-link cache's generation shared with every instance through Redis");
        }
        tracing::info!(port, database = %settings.database.redacted_url(), "serving");
        Ok(Self {
            host: settings.server.host.clone(),
            port,
            public_url,
            server,
            workers,
            state,
            listener: own_listener,
        })
    }

    /// What the server's handlers share (tests look inside, e.g. at the
    /// event queue).
    pub fn state(&self) -> actix_web::web::Data<AppState> {
        self.state.clone()
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://host:port`, where the server listens.
    pub fn address(&self) -> String {
        format!("http://{}:{}", self.host, self.port)
    }

    /// Stops the server from outside (tests): `stop(true)` drains the
    /// requests in flight; either way [`Self::run_until_stopped`] then stops
    /// the workers, and the event writer writes what is still queued.
    pub fn server_handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// The base URL share links are built from.
    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    /// Serves until SIGTERM or SIGINT: then the server stops accepting,
    /// answers every connection it accepted (see `shutdown`), and the
    /// workers finish their current step before this returns.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let on_signal = tokio::spawn(crate::shutdown::on_signal(
            self.server.handle(),
            self.listener,
        ));
        let served = self.server.await;
        on_signal.abort();
        self.workers.stop().await;
        served.context("serving")
    }
}
