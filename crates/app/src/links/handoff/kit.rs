//! A copy kit, for platforms with nothing a page can call: the text to copy,
//! the media to save and the scheme that opens the app.
use super::Handout;
use xhs_domain::{PostDraft, SharePlatform};

pub(super) fn kit(platform: SharePlatform, d: &PostDraft) -> Handout {
    let title = d.title.as_str();
    let body = d.body.as_str();
    let text = if title.is_empty() {
        body.to_owned()
    } else {
        format!("{title}\n\n{body}")
    };
    let media = d
        .video
        .iter()
        .chain(d.images.iter())
        .map(|u| u.as_str().to_owned())
        .collect();
    Handout::Kit {
        platform,
        url: platform.app_scheme().unwrap_or_default().to_owned(),
        text,
        media,
    }
}
