//! A short-lived cache of resolved share links: the link, its note and its
//! account's name, by token, so that a class of 500 opening one link costs
//! one query, not 500.
//!
//! Freshness is a generation number: every write that may change what a link
//! resolves to (an edit, a review step, a delete, a revocation, an account
//! change) bumps it after it commits, and an entry is used only while the
//! generation it was read under is still current. The generation lives in
//! this process ([`LocalGeneration`]) or, with several instances, in a store
//! they share (Redis; see the HTTP layer), so a link revoked on one instance
//! answers 410 on every other at once. Entries also expire after
//! `cache.link_ttl_ms`, which bounds staleness for writes nothing announced
//! (several instances without a shared generation). A link's expiry is
//! computed at each use, never cached.
use async_trait::async_trait;
use moka::sync::Cache;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use xhs_persistence::{Link, Post};

/// What the generation of cached data is, and how writes announce a change.
#[async_trait]
pub trait Generation: Send + Sync {
    /// The current generation; None when it cannot be known now (a shared
    /// store that does not answer), and the cache is then not used.
    async fn current(&self) -> Option<u64>;
    /// Announces a committed change: entries read before it are stale.
    async fn bump(&self);
}

/// The generation of one process: exact for a single instance.
#[derive(Default)]
pub struct LocalGeneration(AtomicU64);

#[async_trait]
impl Generation for LocalGeneration {
    async fn current(&self) -> Option<u64> {
        Some(self.0.load(Ordering::Acquire))
    }
    async fn bump(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }
}

/// A link as stored, its note (media URLs made absolute), the note parsed
/// once by the same rules the editor's pre-flight applies (what every
/// payload is built from, so a request neither parses nor rebuilds it), and
/// the name of its account.
pub struct Resolution {
    pub link: Link,
    pub post: Post,
    pub note: Result<xhs_domain::PostDraft, xhs_domain::ValidationErrors>,
    pub account_name: Option<String>,
    /// The link's campaign is paused (its opening is held meanwhile).
    pub paused: bool,
    /// The library rows of the note's hosted images (their renditions).
    pub images: Vec<xhs_persistence::Media>,
    /// Douyin's schema fields of this note, URL-encoded on the first
    /// Douyin tap; each later tap only signs them.
    pub douyin_fields: std::sync::OnceLock<String>,
}

struct Entry<V> {
    generation: u64,
    value: Arc<V>,
}

// By hand: `Arc<V>` clones whatever V is (a derive would ask `V: Clone`).
impl<V> Clone for Entry<V> {
    fn clone(&self) -> Self {
        Self {
            generation: self.generation,
            value: Arc::clone(&self.value),
        }
    }
}

/// A cache by token of values read from the database, fresh while the
/// generation they were read under is current; a TTL of zero turns it off.
pub struct LinkCache<V = Resolution> {
    entries: Option<Cache<String, Entry<V>>>,
    generation: Arc<dyn Generation>,
}

/// Tokens kept at most; a token is 43 bytes and an entry one note.
const CAPACITY: u64 = 10_000;

impl<V: Send + Sync + 'static> LinkCache<V> {
    pub fn new(ttl: Duration, generation: Arc<dyn Generation>) -> Self {
        let entries = (!ttl.is_zero()).then(|| {
            Cache::builder()
                .max_capacity(CAPACITY)
                .time_to_live(ttl)
                .build()
        });
        Self {
            entries,
            generation,
        }
    }

    /// The cached resolution of `token`, or `load`'s (kept for the next
    /// caller when the generation is known). `load` answering None (no such
    /// token) is not cached.
    pub async fn get_or_load<F, Fut, E>(&self, token: &str, load: F) -> Result<Option<Arc<V>>, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Option<V>, E>>,
    {
        let Some(entries) = &self.entries else {
            metrics::counter!("xhs_link_cache_total", "result" => "off").increment(1);
            return Ok(load().await?.map(Arc::new));
        };
        // Read before the load: an entry filled while a write commits is
        // tagged with the older generation and so never served after it.
        let generation = self.generation.current().await;
        if let Some(g) = generation {
            if let Some(e) = entries.get(token).filter(|e| e.generation == g) {
                metrics::counter!("xhs_link_cache_total", "result" => "hit").increment(1);
                return Ok(Some(e.value));
            }
        }
        metrics::counter!("xhs_link_cache_total", "result" => "miss").increment(1);
        let Some(value) = load().await?.map(Arc::new) else {
            return Ok(None);
        };
        if let Some(generation) = generation {
            entries.insert(
                token.to_owned(),
                Entry {
                    generation,
                    value: value.clone(),
                },
            );
        }
        Ok(Some(value))
    }

    /// Announces a committed change to notes, links or accounts.
    pub async fn changed(&self) {
        self.generation.bump().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    async fn title(cache: &LinkCache<String>, loads: &AtomicUsize, title: &str) -> String {
        let r = cache
            .get_or_load("tok", || async {
                loads.fetch_add(1, Ordering::SeqCst);
                Ok::<_, ()>(Some(title.to_owned()))
            })
            .await
            .unwrap()
            .unwrap();
        r.to_string()
    }

    #[tokio::test]
    async fn a_second_read_is_served_from_memory_until_a_change_is_announced() {
        let cache = LinkCache::<String>::new(
            Duration::from_secs(60),
            Arc::new(LocalGeneration::default()),
        );
        let loads = AtomicUsize::new(0);
        assert_eq!(title(&cache, &loads, "old").await, "old");
        assert_eq!(title(&cache, &loads, "new").await, "old");
        assert_eq!(loads.load(Ordering::SeqCst), 1);
        cache.changed().await;
        assert_eq!(title(&cache, &loads, "new").await, "new");
        assert_eq!(loads.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_zero_ttl_or_an_unknown_generation_reads_every_time() {
        struct Lost;
        #[async_trait]
        impl Generation for Lost {
            async fn current(&self) -> Option<u64> {
                None
            }
            async fn bump(&self) {}
        }
        for cache in [
            LinkCache::<String>::new(Duration::ZERO, Arc::new(LocalGeneration::default())),
            LinkCache::<String>::new(Duration::from_secs(60), Arc::new(Lost)),
        ] {
            let loads = AtomicUsize::new(0);
            title(&cache, &loads, "a").await;
            title(&cache, &loads, "a").await;
            assert_eq!(loads.load(Ordering::SeqCst), 2);
        }
    }

    #[tokio::test]
    async fn an_entry_expires_after_its_ttl() {
        let cache = LinkCache::<String>::new(
            Duration::from_millis(50),
            Arc::new(LocalGeneration::default()),
        );
        let loads = AtomicUsize::new(0);
        title(&cache, &loads, "a").await;
        tokio::time::sleep(Duration::from_millis(120)).await;
        title(&cache, &loads, "b").await;
        assert_eq!(loads.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn an_unknown_token_is_not_remembered() {
        let cache = LinkCache::<String>::new(
            Duration::from_secs(60),
            Arc::new(LocalGeneration::default()),
        );
        let loads = AtomicUsize::new(0);
        for _ in 0..2 {
            let r = cache
                .get_or_load("nope", || async {
                    loads.fetch_add(1, Ordering::SeqCst);
                    Ok::<Option<String>, ()>(None)
                })
                .await
                .unwrap();
            assert!(r.is_none());
        }
        assert_eq!(loads.load(Ordering::SeqCst), 2);
    }
}
