//! The access token of step A and how to read XHS's `expires_in`.

use chrono::{DateTime, TimeDelta, Utc};
use secrecy::SecretString;

/// A cached token is refreshed once less than this many seconds remain.
///
/// A fixed margin rather than a share of the lifetime: a stored token only
/// knows when it expires, not when it was issued, and XHS tokens live about
/// 24 hours, so five minutes leaves ample room for clock skew and for a page
/// that signs with the token to finish loading.
pub const REFRESH_MARGIN_SECS: i64 = 5 * 60;

/// An XHS access token (step A's result), the secret of step B's signature.
///
/// `Debug` shows `[REDACTED]` in place of the value (courtesy of
/// [`SecretString`]), so a token can be logged or put in an error safely.
#[derive(Clone, Debug)]
pub struct AccessToken {
    /// The token itself; read with [`secrecy::ExposeSecret`].
    pub value: SecretString,
    /// When XHS stops accepting signatures made with it.
    pub expires_at: DateTime<Utc>,
}

impl AccessToken {
    /// Whether the token can still be handed out without fetching a new one.
    pub(crate) fn is_fresh(&self, now: DateTime<Utc>) -> bool {
        self.expires_at - now > TimeDelta::seconds(REFRESH_MARGIN_SECS)
    }

    /// Whether XHS still accepts the token at all.
    pub(crate) fn is_valid(&self, now: DateTime<Utc>) -> bool {
        self.expires_at > now
    }
}

/// Reads XHS's `expires_in`, which integrators interpret in three ways:
/// above 10^12 it is an absolute expiry in epoch milliseconds, above 10^9 in
/// epoch seconds, otherwise a lifetime in seconds from `now`.
///
/// A value that cannot be represented gives `now`, i.e. an already expired
/// token: asking XHS again is safer than trusting a nonsense date.
pub fn expires_at_from(expires_in: i64, now: DateTime<Utc>) -> DateTime<Utc> {
    const EPOCH_MILLIS_ABOVE: i64 = 1_000_000_000_000;
    const EPOCH_SECONDS_ABOVE: i64 = 1_000_000_000;
    let at = if expires_in > EPOCH_MILLIS_ABOVE {
        DateTime::from_timestamp_millis(expires_in)
    } else if expires_in > EPOCH_SECONDS_ABOVE {
        DateTime::from_timestamp(expires_in, 0)
    } else {
        TimeDelta::try_seconds(expires_in).and_then(|d| now.checked_add_signed(d))
    };
    at.unwrap_or(now)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 10, 1, 12, 0, 0).unwrap()
    }

    #[test]
    fn expires_in_above_1e12_is_epoch_millis() {
        let at = expires_at_from(1_727_775_600_000, now());
        assert_eq!(
            at,
            DateTime::from_timestamp_millis(1_727_775_600_000).unwrap()
        );
    }

    #[test]
    fn expires_in_above_1e9_is_epoch_seconds() {
        let at = expires_at_from(1_727_775_600, now());
        assert_eq!(at, DateTime::from_timestamp(1_727_775_600, 0).unwrap());
    }

    #[test]
    fn small_expires_in_is_seconds_from_now() {
        assert_eq!(expires_at_from(86_400, now()), now() + TimeDelta::days(1));
        assert_eq!(expires_at_from(7_200, now()), now() + TimeDelta::hours(2));
    }

    #[test]
    fn unrepresentable_expires_in_reads_as_already_expired() {
        assert_eq!(expires_at_from(i64::MAX, now()), now());
    }

    #[test]
    fn debug_redacts_the_token_value() {
        let token = AccessToken {
            value: SecretString::from("tok-very-secret-123"),
            expires_at: now(),
        };
        let shown = format!("{token:?}");
        assert!(!shown.contains("tok-very-secret-123"), "{shown}");
        assert!(shown.contains("REDACTED"), "{shown}");
    }

    #[test]
    fn freshness_uses_the_five_minute_margin() {
        let token = |secs| AccessToken {
            value: SecretString::from("t"),
            expires_at: now() + TimeDelta::seconds(secs),
        };
        assert!(token(REFRESH_MARGIN_SECS + 1).is_fresh(now()));
        assert!(!token(REFRESH_MARGIN_SECS).is_fresh(now()));
        assert!(token(1).is_valid(now()));
        assert!(!token(0).is_valid(now()));
    }
}
