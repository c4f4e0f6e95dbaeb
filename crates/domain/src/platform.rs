//! The platforms a note can be handed to from a share page (XHS_FACTS
//! section 6): what each one takes, how a page hands it over, and the checks
//! beyond XHS's own (every stored note already passes XHS's rules).
use crate::vocab::vocabulary;
use crate::Check;
use crate::{Level, PostDraft, Rule};
use serde::Serialize;

vocabulary! {
    /// Where a share link can send a note.
    SharePlatform { Xhs, Douyin, Weibo, Kuaishou, Bilibili, Channels }
}

vocabulary! {
    /// How a page hands a note over: XHS's JS SDK with a signed payload, a
    /// signed app schema (Douyin), a share URL (Weibo), or a copy kit (text to
    /// copy, media to save, the app's scheme) where the platform offers nothing.
    Handoff { Sdk, Schema, Url, CopyKit }
}

impl SharePlatform {
    /// The name people know it by.
    pub fn name(self) -> &'static str {
        match self {
            Self::Xhs => "小红书",
            Self::Douyin => "抖音",
            Self::Weibo => "微博",
            Self::Kuaishou => "快手",
            Self::Bilibili => "哔哩哔哩",
            Self::Channels => "视频号",
        }
    }

    pub fn handoff(self) -> Handoff {
        match self {
            Self::Xhs => Handoff::Sdk,
            Self::Douyin => Handoff::Schema,
            Self::Weibo => Handoff::Url,
            Self::Kuaishou | Self::Bilibili | Self::Channels => Handoff::CopyKit,
        }
    }

    /// The scheme that opens the app, for copy kits.
    pub fn app_scheme(self) -> Option<&'static str> {
        match self {
            Self::Kuaishou => Some("kwai://home"),
            Self::Bilibili => Some("bilibili://home"),
            Self::Channels => Some("weixin://"),
            Self::Xhs | Self::Douyin | Self::Weibo => None,
        }
    }

    /// What this platform refuses (errors) or handles badly (warnings) in a
    /// note that passes XHS's rules.
    pub fn checks(self, d: &PostDraft) -> Vec<Check> {
        match self {
            Self::Douyin => douyin_checks(d),
            Self::Weibo if d.images.len() > WEIBO_PICS => vec![Check::warning(
                Rule::SoftMaxItems,
                "image_urls",
                format!("Weibo's share card shows the first {WEIBO_PICS} images"),
            )
            .counts(d.images.len(), WEIBO_PICS)],
            _ => Vec::new(),
        }
    }
}

/// Images Weibo's share card takes.
const WEIBO_PICS: usize = 9;

fn douyin_checks(d: &PostDraft) -> Vec<Check> {
    let mut out = Vec::new();
    // Douyin takes png/jpg images, gif only alone, and mp4/mov videos.
    let image_ok: &[&str] = if d.images.len() > 1 {
        &["jpg", "jpeg", "png"]
    } else {
        &["jpg", "jpeg", "png", "gif"]
    };
    for (i, url) in d.images.iter().enumerate() {
        if let Some(c) = format_check(url, image_ok, &format!("image_urls[{i}]"), "png or jpg") {
            out.push(c);
        }
    }
    if let Some(video) = &d.video {
        if let Some(c) = format_check(video, &["mp4", "mov"], "video_url", "mp4 or mov") {
            out.push(c);
        }
    }
    out
}

fn format_check(url: &crate::MediaUrl, ok: &[&str], field: &str, wanted: &str) -> Option<Check> {
    match url.extension() {
        Some(ext) if ok.contains(&ext.as_str()) => None,
        Some(ext) => Some(Check {
            format: Some(ext.clone()),
            ..Check::new(
                Rule::MediaFormat,
                field,
                Level::Error,
                format!("Douyin takes {wanted}, not {ext}"),
            )
        }),
        None => Some(Check::warning(
            Rule::MediaFormat,
            field,
            format!("the URL does not tell its format; Douyin takes {wanted}"),
        )),
    }
}

/// One platform's verdict on a note: whether it can go there and why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlatformVerdict {
    pub platform: SharePlatform,
    pub name: &'static str,
    pub handoff: Handoff,
    /// False when XHS's rules or this platform's own refuse the note.
    pub ok: bool,
    /// This platform's own checks (XHS's are in the pre-flight's `checks`).
    pub checks: Vec<Check>,
}

impl PlatformVerdict {
    /// The verdict on a note that passes XHS's rules (`Some`) or not (`None`).
    pub fn of(platform: SharePlatform, draft: Option<&PostDraft>) -> Self {
        let checks = draft.map(|d| platform.checks(d)).unwrap_or_default();
        Self {
            platform,
            name: platform.name(),
            handoff: platform.handoff(),
            ok: draft.is_some() && checks.iter().all(|c| c.level != Level::Error),
            checks,
        }
    }
}

/// The `#topics` of a body, without the `#`, in order, each once.
pub fn hashtags(body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in body.split(char::is_whitespace) {
        // The last `#` of a word starts its topic (`#a#b` is the topic `b`).
        let Some((_, tag)) = word.rsplit_once('#') else {
            continue;
        };
        if !tag.is_empty() && !out.iter().any(|t| t == tag) {
            out.push(tag.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::RawPost;

    fn draft(images: &[&str], video: Option<&str>) -> PostDraft {
        PostDraft::parse(&RawPost {
            post_type: if video.is_some() { "video" } else { "normal" }.into(),
            title: "t".into(),
            content: "c".into(),
            image_urls: images.iter().map(|s| s.to_string()).collect(),
            cover_url: None,
            video_url: video.map(str::to_owned),
        })
        .unwrap()
    }

    #[test]
    fn hashtags_are_the_topics_in_order_once_each() {
        assert_eq!(
            hashtags("去 #咖啡 和 #探店 再#咖啡 #"),
            vec!["咖啡", "探店"]
        );
        assert!(hashtags("no topics").is_empty());
    }

    #[test]
    fn douyin_refuses_webp_and_gif_in_lists_but_takes_a_single_gif() {
        let v = PlatformVerdict::of(
            SharePlatform::Douyin,
            Some(&draft(
                &[
                    "https://x.test/a.jpg",
                    "https://x.test/b.webp",
                    "https://x.test/c.gif",
                ],
                None,
            )),
        );
        assert!(!v.ok);
        let fields: Vec<_> = v
            .checks
            .iter()
            .map(|c| (c.field.as_str(), c.rule))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("image_urls[1]", Rule::MediaFormat),
                ("image_urls[2]", Rule::MediaFormat)
            ]
        );
        // The format found is a field of its own: a UI words it without
        // reading the English message.
        let formats: Vec<_> = v.checks.iter().map(|c| c.format.as_deref()).collect();
        assert_eq!(formats, [Some("webp"), Some("gif")]);
        assert!(
            PlatformVerdict::of(
                SharePlatform::Douyin,
                Some(&draft(&["https://x.test/a.GIF"], None))
            )
            .ok
        );
        assert!(
            PlatformVerdict::of(
                SharePlatform::Xhs,
                Some(&draft(&["https://x.test/b.webp"], None))
            )
            .ok
        );
    }

    #[test]
    fn douyin_takes_mp4_and_mov_videos_only() {
        let mkv = PlatformVerdict::of(
            SharePlatform::Douyin,
            Some(&draft(&[], Some("https://x.test/v.mkv"))),
        );
        assert_eq!((mkv.ok, mkv.checks[0].field.as_str()), (false, "video_url"));
        assert!(
            PlatformVerdict::of(
                SharePlatform::Douyin,
                Some(&draft(&[], Some("https://x.test/v.MOV")))
            )
            .ok
        );
    }

    #[test]
    fn a_note_that_fails_xhs_rules_goes_nowhere() {
        for p in <SharePlatform as strum::IntoEnumIterator>::iter() {
            assert!(!PlatformVerdict::of(p, None).ok);
        }
    }
}
