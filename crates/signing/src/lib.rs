//! The XHS (XiaoHongShu) two-step signature used by the share SDK, and
//! Douyin's signed share schema beside it.
//!
//! Step A: the server signs `appKey/nonce/timeStamp` with its appSecret and
//! trades that for an access token ([`Signer::access_token`]).
//! Step B: for each page load the server signs a fresh nonce and timestamp with
//! that access token ([`Signer::verify_config`]) and hands the result to the
//! page. Neither the appSecret nor the access token ever leaves the server.
//!
//! Every platform token (XHS's access token, Douyin's client token and ticket)
//! is kept by one `SharedToken` with a small per-token policy: memory, then the
//! shared [`TokenStore`], then one fetch under the store's lease; callers
//! queued behind a refresh share its outcome, and a token that is still valid
//! is served when its early refresh fails. Module order has no circle:
//! `config` <- `client` <- `signer` -> `shared` -> `lease` -> `store`.

mod client;
mod config;
mod douyin;
mod error;
mod http;
mod lease;
mod shared;
mod sign;
mod signer;
mod store;
mod token;

pub use secrecy::{ExposeSecret, SecretString};

pub use config::XhsConfig;
pub use douyin::{douyin_signature, DouyinConfig, DouyinShare, DouyinSigner, SCHEMA_BASE};
pub use error::SigningError;
pub use sign::{new_nonce, sign, timestamp_millis, NONCE_LEN};
pub use signer::{Signer, VerifyConfig};
pub use store::{MemoryTokenStore, StoreError, TokenStore};
pub use token::{expires_at_from, AccessToken, REFRESH_MARGIN_SECS};
