//! The signed payload for `xhs.share`: `shareInfo` from the note and
//! `verifyConfig` signed with the cached access token, fresh every call.
use crate::notes::posts;
use crate::{AppResult, Services};
use xhs_domain::{PostDraft, ShareInfo};
use xhs_signing::VerifyConfig;

/// What the page hands to `xhs.share`.
pub struct SignedPayload {
    pub verify: VerifyConfig,
    pub share_info: ShareInfo,
}

/// Builds the payload of a note that passed the rules: the share info from
/// the note, the verification signed fresh (its outcome kept for the
/// credential status).
pub async fn payload(s: &Services, note: &PostDraft) -> AppResult<SignedPayload> {
    let verify = s.signer.verify_config().await;
    s.token_health
        .record(xhs_domain::SharePlatform::Xhs, &verify);
    let verify = verify?;
    Ok(SignedPayload {
        verify,
        share_info: ShareInfo::from(note),
    })
}

/// The payload of a live post by id (the article's operator endpoint; the
/// stored note must still pass the rules).
pub async fn payload_of_post(s: &Services, id: i64) -> AppResult<SignedPayload> {
    let post = posts::get(s, id).await?;
    payload(s, &PostDraft::parse(&posts::raw(&post))?).await
}
