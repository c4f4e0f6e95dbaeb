//! Douyin: the note as a signed `snssdk1128://` schema.
use crate::Services;
use xhs_domain::{hashtags, PostDraft};
use xhs_signing::{DouyinShare, SigningError};

pub(super) async fn schema(
    s: &Services,
    d: &PostDraft,
    state: &str,
) -> Result<String, SigningError> {
    let share = DouyinShare {
        title: d.title.as_str().to_owned(),
        hashtags: hashtags(d.body.as_str()),
        images: d.images.iter().map(|u| u.as_str().to_owned()).collect(),
        video: d.video.as_ref().map(|u| u.as_str().to_owned()),
    };
    let schema = s.douyin.schema(&share, state).await;
    s.token_health
        .record(xhs_domain::SharePlatform::Douyin, &schema);
    schema
}
