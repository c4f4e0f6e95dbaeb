//! Douyin: the note as a signed `snssdk1128://` schema.
use crate::Services;
use xhs_domain::{hashtags, PostDraft};
use xhs_signing::{DouyinShare, SigningError};

/// The schema's fields of one link's note (`state` names the link), made
/// once per link: see [`crate::links::cache::Resolution::douyin_fields`].
pub(super) fn fields(d: &PostDraft, state: &str) -> String {
    DouyinShare {
        title: d.title.as_str().to_owned(),
        hashtags: hashtags(d.body.as_str()),
        images: d.images.iter().map(|u| u.as_str().to_owned()).collect(),
        video: d.video.as_ref().map(|u| u.as_str().to_owned()),
    }
    .fields(state)
}

/// Those fields signed now.
pub(super) async fn schema(s: &Services, fields: &str) -> Result<String, SigningError> {
    let schema = s.douyin.sign(fields).await;
    s.token_health
        .record(xhs_domain::SharePlatform::Douyin, &schema);
    schema
}
