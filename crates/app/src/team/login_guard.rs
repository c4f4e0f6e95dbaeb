//! Failed logins, counted the same for every name tried, known or not.
//!
//! A lock holds one username from one client address only: the owner, from
//! another address, still logs in, so nobody can lock `admin` out from
//! outside. A username failing from many addresses is slowed instead (each
//! attempt waits), never locked for everyone. With a [`SharedCounts`] store
//! (Redis, when configured) every instance counts in it, so an attacker
//! gains nothing by spreading attempts over instances; without one, or while
//! it does not answer, each process counts its own attempts.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Entries kept before idle ones are swept.
const SWEEP_ABOVE: usize = 10_000;

/// When to lock and when to slow.
#[derive(Debug, Clone, Copy)]
pub struct GuardPolicy {
    /// Failures in a row from one address that lock that name there.
    pub lock_after: u32,
    pub lock_for: Duration,
    /// Failures of one name, from anywhere, within `lock_for`, after which
    /// every attempt on that name waits `slow_by`.
    pub slow_after: u32,
    pub slow_by: Duration,
}

#[derive(Debug, Default)]
struct Count {
    failures: u32,
    since: Option<Instant>,
    locked_until: Option<Instant>,
}

/// Counts kept where every instance sees them, with the same rules as the
/// local ones ([`GuardPolicy`]). `None` from a call: the store did not answer,
/// and this process decides alone.
#[async_trait::async_trait]
pub trait SharedCounts: Send + Sync {
    async fn admit(&self, name: &str, client: &str) -> Option<Admission>;
    async fn failed(&self, name: &str, client: &str) -> Option<()>;
    async fn succeeded(&self, name: &str, client: &str) -> Option<()>;
}

/// The counts; see the module.
pub struct LoginGuard {
    policy: GuardPolicy,
    pairs: Mutex<HashMap<(String, String), Count>>,
    names: Mutex<HashMap<String, Count>>,
    shared: Option<Arc<dyn SharedCounts>>,
}

impl std::fmt::Debug for LoginGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginGuard")
            .field("policy", &self.policy)
            .field("shared", &self.shared.is_some())
            .finish_non_exhaustive()
    }
}

/// What an attempt may do.
#[derive(Debug, PartialEq, Eq)]
pub enum Admission {
    Go,
    /// Go, after this wait (the name is under attack).
    Slowed(Duration),
    /// Locked here for this many more seconds.
    Locked(u64),
}

impl LoginGuard {
    pub fn new(policy: GuardPolicy) -> Self {
        Self {
            policy,
            pairs: Mutex::default(),
            names: Mutex::default(),
            shared: None,
        }
    }

    /// Counts in `shared` too, and decides by it while it answers.
    pub fn with_shared(self, shared: Arc<dyn SharedCounts>) -> Self {
        Self {
            shared: Some(shared),
            ..self
        }
    }

    /// Before the password is checked.
    pub async fn admit(&self, name: &str, client: &str) -> Admission {
        if let Some(shared) = &self.shared {
            if let Some(admission) = shared.admit(name, client).await {
                return admission;
            }
        }
        self.admit_here(name, client, Instant::now())
    }

    /// A wrong password, or a name that does not exist: counted alike (here
    /// always, so that a store that stops answering leaves fresh counts).
    pub async fn failed(&self, name: &str, client: &str) {
        if let Some(shared) = &self.shared {
            shared.failed(name, client).await;
        }
        self.failed_here(name, client, Instant::now());
    }

    /// A success starts that address's count for the name again.
    pub async fn succeeded(&self, name: &str, client: &str) {
        if let Some(shared) = &self.shared {
            shared.succeeded(name, client).await;
        }
        lock(&self.pairs).remove(&(name.to_owned(), client.to_owned()));
    }

    fn admit_here(&self, name: &str, client: &str, now: Instant) -> Admission {
        let key = (name.to_owned(), client.to_owned());
        if let Some(until) = lock(&self.pairs).get(&key).and_then(|c| c.locked_until) {
            if until > now {
                return Admission::Locked((until - now).as_millis().div_ceil(1000) as u64);
            }
        }
        let names = lock(&self.names);
        match names.get(name) {
            Some(c) if c.failures >= self.policy.slow_after && self.fresh(c, now) => {
                Admission::Slowed(self.policy.slow_by)
            }
            _ => Admission::Go,
        }
    }

    fn failed_here(&self, name: &str, client: &str, now: Instant) {
        let mut pairs = lock(&self.pairs);
        let pair = pairs
            .entry((name.to_owned(), client.to_owned()))
            .or_default();
        if pair.locked_until.is_some_and(|u| u <= now) {
            *pair = Count::default();
        }
        pair.failures += 1;
        pair.since = Some(now);
        if pair.failures >= self.policy.lock_after {
            pair.failures = 0;
            pair.locked_until = Some(now + self.policy.lock_for);
        }
        let mut names = lock(&self.names);
        let count = names.entry(name.to_owned()).or_default();
        if !self.fresh(count, now) {
            *count = Count::default();
        }
        count.failures += 1;
        count.since.get_or_insert(now);
        if pairs.len() > SWEEP_ABOVE || names.len() > SWEEP_ABOVE {
            pairs.retain(|_, c| c.locked_until.is_some_and(|u| u > now) || self.fresh(c, now));
            names.retain(|_, c| self.fresh(c, now));
        }
    }

    fn fresh(&self, c: &Count, now: Instant) -> bool {
        c.since
            .is_some_and(|s| now.duration_since(s) < self.policy.lock_for)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard() -> LoginGuard {
        LoginGuard::new(GuardPolicy {
            lock_after: 3,
            lock_for: Duration::from_secs(60),
            slow_after: 5,
            slow_by: Duration::from_secs(1),
        })
    }

    #[test]
    fn a_lock_holds_one_name_at_one_address_and_ends_by_itself() {
        let g = guard();
        let t = Instant::now();
        for _ in 0..3 {
            g.failed_here("admin", "1.1.1.1", t);
        }
        assert_eq!(g.admit_here("admin", "1.1.1.1", t), Admission::Locked(60));
        assert_eq!(g.admit_here("admin", "2.2.2.2", t), Admission::Go);
        assert_eq!(g.admit_here("bob", "1.1.1.1", t), Admission::Go);
        let later = t + Duration::from_secs(61);
        assert_eq!(g.admit_here("admin", "1.1.1.1", later), Admission::Go);
    }

    #[test]
    fn a_name_failing_from_many_addresses_is_slowed_never_locked() {
        let g = guard();
        let t = Instant::now();
        for i in 0..5 {
            g.failed_here("admin", &format!("10.0.0.{i}"), t);
        }
        assert_eq!(
            g.admit_here("admin", "192.168.1.1", t),
            Admission::Slowed(Duration::from_secs(1))
        );
        assert_eq!(g.admit_here("bob", "10.0.0.1", t), Admission::Go);
        // The slowing ends once the failures are older than the window.
        let later = t + Duration::from_secs(61);
        assert_eq!(g.admit_here("admin", "192.168.1.1", later), Admission::Go);
    }

    #[test]
    fn a_success_starts_the_count_again() {
        let g = guard();
        let t = Instant::now();
        g.failed_here("admin", "1.1.1.1", t);
        g.failed_here("admin", "1.1.1.1", t);
        lock(&g.pairs).remove(&("admin".to_owned(), "1.1.1.1".to_owned()));
        g.failed_here("admin", "1.1.1.1", t);
        assert_eq!(g.admit_here("admin", "1.1.1.1", t), Admission::Go);
    }
}
