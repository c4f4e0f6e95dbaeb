//! Rate limits of the public share endpoints (per client address and per link
//! token) and of login attempts (per client address): governor's keyed GCRA
//! limiters, shared by all workers.
use crate::state::ShareSettings;
use crate::ApiError;
use actix_web::HttpRequest;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;

pub struct ShareLimits {
    per_client: DefaultKeyedRateLimiter<String>,
    per_token: DefaultKeyedRateLimiter<String>,
    login: DefaultKeyedRateLimiter<String>,
    trust_forwarded_for: bool,
}

fn quota(per_minute: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN))
}

impl ShareLimits {
    pub fn new(s: &ShareSettings) -> Self {
        Self {
            per_client: RateLimiter::keyed(quota(s.per_client_per_minute)),
            per_token: RateLimiter::keyed(quota(s.per_token_per_minute)),
            login: RateLimiter::keyed(quota(s.login_per_minute)),
            trust_forwarded_for: s.trust_forwarded_for,
        }
    }

    /// The client's address: the TCP peer, or `X-Forwarded-For` when trusted.
    fn client(&self, req: &HttpRequest) -> String {
        let info = req.connection_info();
        let addr = if self.trust_forwarded_for {
            info.realip_remote_addr()
        } else {
            info.peer_addr()
        };
        addr.unwrap_or("unknown").to_owned()
    }

    /// One login attempt from this client; slows password guessing down.
    pub fn check_login(&self, req: &HttpRequest) -> Result<(), ApiError> {
        let client = self.client(req);
        self.login.check_key(&client).map_err(|not_until| {
            ApiError::RateLimited(
                not_until
                    .wait_time_from(DefaultClock::default().now())
                    .as_secs()
                    .max(1),
            )
        })
    }

    /// One call by this client on this token; 429 with the wait when over either limit.
    pub fn check(&self, req: &HttpRequest, token: &str) -> Result<(), ApiError> {
        let client = self.client(req);
        for (limiter, key) in [
            (&self.per_client, client),
            (&self.per_token, token.to_owned()),
        ] {
            if let Err(not_until) = limiter.check_key(&key) {
                let wait = not_until.wait_time_from(DefaultClock::default().now());
                return Err(ApiError::RateLimited(wait.as_secs().max(1)));
            }
        }
        Ok(())
    }

    /// Drops idle keys so the maps do not grow without bound.
    pub fn forget_idle(&self) {
        self.per_client.retain_recent();
        self.per_token.retain_recent();
        self.login.retain_recent();
    }
}
