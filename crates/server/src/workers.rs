//! Background workers that run beside the HTTP server and stop with it. Each
//! runs one step at a time; a stop request is seen between steps, so a step
//! in progress always finishes.
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use xhs_api::AppState;

/// How often expired operator sessions are removed.
const SESSION_SWEEP: Duration = Duration::from_secs(15 * 60);

/// How often running campaigns that are over are finished.
const CAMPAIGN_SETTLE: Duration = Duration::from_secs(60);

pub struct Workers {
    stop: watch::Sender<bool>,
    handles: Vec<JoinHandle<()>>,
}

impl Workers {
    /// Starts every worker.
    pub fn start(
        state: actix_web::web::Data<AppState>,
        events_db: xhs_persistence::DatabaseConnection,
        robot_sync: Duration,
        dispatch_tick: Duration,
        webhook_tick: Duration,
    ) -> Self {
        let (stop, stopped) = watch::channel(false);
        let mut handles = Vec::new();
        // Stopped last of all (after the server): it writes what is queued.
        if let Some(writer) = state.app.events.writer() {
            let stopped = stopped.clone();
            handles.push(tokio::spawn(async move {
                writer.run(&events_db, stopped).await
            }));
        }
        if state.app.robots.is_some() {
            // Leases name their holder: one id per process.
            let owner = format!("dispatcher-{}", uuid::Uuid::new_v4().simple());
            let state = state.clone();
            handles.push(every(dispatch_tick, stopped.clone(), move || {
                let (state, owner) = (state.clone(), owner.clone());
                async move {
                    match xhs_app::fleet::dispatcher::step(&state.app, &owner).await {
                        Ok(r) if r != Default::default() => tracing::info!(?r, "dispatcher step"),
                        Ok(_) => {}
                        Err(e) => tracing::warn!(error = %e, "dispatcher step failed"),
                    }
                }
            }));
        }
        if state.app.robots.is_some() {
            let state = state.clone();
            handles.push(every(robot_sync, stopped.clone(), move || {
                let state = state.clone();
                async move {
                    match xhs_app::fleet::robots::sync(&state.app, &xhs_app::Actor::system()).await
                    {
                        Ok(o) => {
                            tracing::info!(synced = o.synced, created = o.created, "robots synced")
                        }
                        Err(e) => tracing::warn!(error = %e, "robot sync failed"),
                    }
                }
            }));
        }
        {
            // Leases name their holder: one id per process.
            let owner = format!("webhooks-{}", uuid::Uuid::new_v4().simple());
            let state = state.clone();
            handles.push(every(webhook_tick, stopped.clone(), move || {
                let (state, owner) = (state.clone(), owner.clone());
                async move {
                    match xhs_app::webhooks::worker::step(&state.app, &owner).await {
                        Ok(r) if r != Default::default() => tracing::debug!(?r, "webhook step"),
                        Ok(_) => {}
                        Err(e) => tracing::warn!(error = %e, "webhook step failed"),
                    }
                }
            }));
        }
        {
            // Claimed by a compare-and-set on the campaign's status: two
            // instances finish a campaign, and write its event, once.
            let state = state.clone();
            handles.push(every(CAMPAIGN_SETTLE, stopped.clone(), move || {
                let state = state.clone();
                async move {
                    match xhs_app::campaigns::settle_step(&state.app).await {
                        Ok(0) => {}
                        Ok(n) => tracing::info!(finished = n, "campaigns finished"),
                        Err(e) => tracing::warn!(error = %e, "campaign settle step failed"),
                    }
                }
            }));
        }
        let sweeper = every(SESSION_SWEEP, stopped, move || {
            let state = state.clone();
            async move {
                match xhs_app::team::auth::purge_expired_sessions(&state.app).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(removed = n, "expired sessions removed"),
                    Err(e) => tracing::warn!(error = %e, "session sweep failed"),
                }
            }
        });
        handles.push(sweeper);
        Self { stop, handles }
    }

    /// Asks every worker to stop and waits until each finished its step.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        for h in self.handles {
            if let Err(e) = h.await {
                tracing::warn!(error = %e, "a worker ended abnormally");
            }
        }
    }
}

/// Runs `step` every `period`, the first time one period after the start
/// (instances restarting together do not all call out at once), until a stop
/// is requested.
fn every<F, Fut>(period: Duration, mut stopped: watch::Receiver<bool>, step: F) -> JoinHandle<()>
where
    F: Fn() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    tokio::spawn(async move {
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
        loop {
            tokio::select! {
                _ = stopped.changed() => break,
                _ = tick.tick() => step().await,
            }
        }
    })
}
