//! The one signature function both steps share, and its nonce/timestamp inputs.

use rand::distributions::Alphanumeric;
use rand::Rng;
use sha2::{Digest, Sha256};

/// Length of the nonces [`new_nonce`] makes. XHS accepts at most 32
/// characters; 24 alphanumerics (~143 bits) is plenty and leaves headroom.
pub const NONCE_LEN: usize = 24;
// XHS refuses longer nonces; fail the build rather than the share.
const _: () = assert!(NONCE_LEN <= 32);

/// The XHS signature:
/// `lowercase_hex(SHA-256("appKey=" + app_key + "&nonce=" + nonce + "&timeStamp=" + timestamp + secret))`.
///
/// `secret` is the appSecret for step A and the access token for step B.
/// The key is `timeStamp` with a capital S and the secret is appended with no
/// separator: integrators who got either detail wrong report
/// "签名校验失败，非法参数-signature". Plain SHA-256, not HMAC.
pub fn sign(app_key: &str, nonce: &str, timestamp: &str, secret: &str) -> String {
    let mut hasher = Sha256::new();
    // Keys in byte order (appKey < nonce < timeStamp), fed piecewise so the
    // secret never sits in an intermediate String that could outlive this call.
    for part in [
        "appKey=",
        app_key,
        "&nonce=",
        nonce,
        "&timeStamp=",
        timestamp,
        secret,
    ] {
        hasher.update(part.as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// A fresh random nonce of [`NONCE_LEN`] ASCII letters and digits.
pub fn new_nonce() -> String {
    rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(NONCE_LEN)
        .map(char::from)
        .collect()
}

/// Milliseconds since the Unix epoch: the unit XHS expects in `timeStamp`.
pub fn timestamp_millis() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn sign_matches_the_pinned_vector() {
        assert_eq!(
            sign(
                "red.demoAppKey",
                "a1b2c3d4e5f6",
                "1732233600000",
                "demoSecret"
            ),
            "675c44d51208115128c9e0a2084d1cb129db670b555c2071042132b74ea46cb7"
        );
    }

    #[test]
    fn sign_is_lowercase_hex_of_64_chars() {
        let s = sign("k", "n", "1", "s");
        assert_eq!(s.len(), 64);
        assert!(s.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')));
    }

    #[test]
    fn sign_depends_on_every_input() {
        let base = sign("k", "n", "1", "s");
        assert_ne!(base, sign("K", "n", "1", "s"));
        assert_ne!(base, sign("k", "N", "1", "s"));
        assert_ne!(base, sign("k", "n", "2", "s"));
        assert_ne!(base, sign("k", "n", "1", "S"));
    }

    #[test]
    fn nonce_has_fixed_length_within_the_xhs_limit() {
        let nonce = new_nonce();
        assert_eq!(nonce.len(), NONCE_LEN);
    }

    #[test]
    fn nonce_is_letters_and_digits_only() {
        for _ in 0..100 {
            assert!(new_nonce().chars().all(|c| c.is_ascii_alphanumeric()));
        }
    }

    #[test]
    fn nonces_differ() {
        assert_ne!(new_nonce(), new_nonce());
    }

    #[test]
    fn timestamp_is_in_milliseconds() {
        let ts = timestamp_millis();
        // Between 2020 and 2100 in ms; a seconds value would be ~1000x smaller.
        assert!(ts > 1_577_836_800_000 && ts < 4_102_444_800_000, "{ts}");
    }
}
