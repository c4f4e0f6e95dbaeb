use crate::draft::count_rule;
use crate::{
    char_count, count_topics, Body, FieldError, Level, MediaUrl, PostType, RawPost, Rule, Title,
    MAX_BODY_CHARS, MAX_IMAGES, MAX_TITLE_CHARS, MAX_TOPICS,
};
use crate::{Check, PlatformVerdict, PostDraft, SharePlatform};
use serde::Serialize;

/// Many peer tools cap image notes at 9; above that we warn, not refuse.
const SOFT_MAX_IMAGES: usize = 9;

/// Every rule's verdict on a draft: what the XHS app would refuse (errors) and
/// what is likely to go wrong on the phone (warnings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Preflight {
    pub ok: bool,
    pub topics: usize,
    pub checks: Vec<Check>,
    /// Whether the note can go to each platform, and why not.
    pub platforms: Vec<PlatformVerdict>,
}

fn verdict(r: Result<String, FieldError>, rule: Rule, field: &str) -> Check {
    match r {
        Ok(message) => Check::new(rule, field, Level::Ok, message),
        Err(e) => Check {
            actual: e.actual,
            limit: e.limit,
            ..Check::new(e.rule, &e.field, Level::Error, e.message)
        },
    }
}

/// A broken rule as a pre-flight error.
fn failed(e: FieldError) -> Check {
    verdict(Err(e), Rule::Required, "")
}

fn warn(rule: Rule, field: &str, message: String) -> Check {
    Check::warning(rule, field, message)
}

/// Runs every rule of XHS_FACTS section 3 and the phone-reachability checks.
pub fn preflight(raw: &RawPost) -> Preflight {
    let mut checks = Vec::new();
    let post_type = PostType::parse(&raw.post_type);
    checks.push(verdict(
        post_type.clone().map(|t| format!("type is {t}")),
        Rule::OneOf,
        "type",
    ));

    let tn = char_count(raw.title.trim());
    checks.push(
        verdict(
            Title::parse(&raw.title)
                .map(|_| format!("title has {tn}/{MAX_TITLE_CHARS} characters")),
            Rule::MaxChars,
            "title",
        )
        .counts(tn, MAX_TITLE_CHARS),
    );
    if tn == 0 {
        checks.push(warn(
            Rule::NotEmpty,
            "title",
            "the note has no title; XHS allows it but notes with a title do better".into(),
        ));
    }

    let bn = char_count(&raw.content);
    let topics = count_topics(&raw.content);
    match Body::parse(&raw.content) {
        Ok(_) => {
            checks.push(
                verdict(
                    Ok(format!("content has {bn}/{MAX_BODY_CHARS} characters")),
                    Rule::MaxChars,
                    "content",
                )
                .counts(bn, MAX_BODY_CHARS),
            );
            checks.push(
                verdict(
                    Ok(format!("{topics}/{MAX_TOPICS} topics")),
                    Rule::MaxTopics,
                    "content",
                )
                .counts(topics, MAX_TOPICS),
            );
        }
        Err(es) => checks.extend(es.into_iter().map(failed)),
    }

    media_checks(raw, &mut checks);
    if let Ok(t) = post_type {
        let has_video = raw.video_url.as_deref().map(|v| !v.trim().is_empty());
        let n = raw.image_urls.len();
        let field = if t == PostType::Video {
            "video_url"
        } else {
            "image_urls"
        };
        let count = verdict(
            count_rule(t, n, Some(has_video.unwrap_or(false))).map(|_| match t {
                PostType::Normal => format!("{n} image(s)"),
                PostType::Video => "one video".to_owned(),
            }),
            Rule::MediaCount,
            field,
        );
        // The summary counts against the maximum only when it passed: a
        // failed count keeps its own bound (at least 1, at most 18).
        checks.push(if t == PostType::Normal && count.level == Level::Ok {
            count.counts(n, MAX_IMAGES)
        } else {
            count
        });
        if t == PostType::Normal && n > SOFT_MAX_IMAGES {
            checks.push(
                warn(
                    Rule::SoftMaxItems,
                    "image_urls",
                    format!(
                    "{n} images; many tools and older app versions take at most {SOFT_MAX_IMAGES}"
                ),
                )
                .counts(n, SOFT_MAX_IMAGES),
            );
        }
        let has_cover = raw
            .cover_url
            .as_deref()
            .is_some_and(|c| !c.trim().is_empty())
            || n > 0;
        if t == PostType::Video && !has_cover {
            checks.push(warn(
                Rule::CoverRecommended,
                "cover_url",
                "a video note should have a cover image".into(),
            ));
        }
    }
    let ok = !checks.iter().any(|c| c.level == Level::Error);
    let draft = PostDraft::parse(raw).ok();
    let platforms = <SharePlatform as strum::IntoEnumIterator>::iter()
        .map(|p| PlatformVerdict::of(p, draft.as_ref()))
        .collect();
    Preflight {
        ok,
        topics,
        checks,
        platforms,
    }
}

fn media_checks(raw: &RawPost, checks: &mut Vec<Check>) {
    let fields = raw
        .image_urls
        .iter()
        .enumerate()
        .map(|(i, u)| (format!("image_urls[{i}]"), u.as_str()))
        .chain(
            raw.cover_url
                .iter()
                .map(|u| ("cover_url".to_owned(), u.as_str())),
        )
        .chain(
            raw.video_url
                .iter()
                .map(|u| ("video_url".to_owned(), u.as_str())),
        )
        .filter(|(_, u)| !u.trim().is_empty());
    for (field, u) in fields {
        match MediaUrl::parse(&field, u) {
            Err(e) => checks.push(failed(e)),
            Ok(m) if m.is_unreachable_from_phone() => checks.push(warn(
                Rule::ReachableFromPhone,
                &field,
                format!("{field} points at a local or private address; phones cannot load it"),
            )),
            Ok(m) if m.is_plain_http() => checks.push(warn(
                Rule::Https,
                &field,
                format!("{field} uses plain http; prefer https"),
            )),
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(images: &[&str]) -> RawPost {
        RawPost {
            post_type: "normal".into(),
            title: "标题".into(),
            content: "正文 #话题 ".into(),
            image_urls: images.iter().map(|s| (*s).to_owned()).collect(),
            ..RawPost::default()
        }
    }

    #[test]
    fn a_good_draft_is_ok_and_counts_topics() {
        let p = preflight(&raw(&["https://img.example.com/a.jpg"]));
        assert!(p.ok, "{p:?}");
        assert_eq!(p.topics, 1);
        assert!(p.checks.iter().all(|c| c.level == Level::Ok));
    }

    #[test]
    fn a_localhost_image_is_a_warning_not_an_error() {
        let p = preflight(&raw(&["http://localhost:8080/a.jpg"]));
        assert!(p.ok);
        let w = p.checks.iter().find(|c| c.level == Level::Warning).unwrap();
        assert_eq!(
            (w.rule, w.field.as_str()),
            (Rule::ReachableFromPhone, "image_urls[0]")
        );
    }

    #[test]
    fn errors_make_the_verdict_not_ok_and_name_the_field() {
        let mut r = raw(&[]);
        r.title = "t".repeat(25);
        let p = preflight(&r);
        assert!(!p.ok);
        let errs: Vec<_> = p
            .checks
            .iter()
            .filter(|c| c.level == Level::Error)
            .map(|c| (c.field.as_str(), c.rule))
            .collect();
        assert_eq!(
            errs,
            [("title", Rule::MaxChars), ("image_urls", Rule::MinItems)]
        );
    }

    #[test]
    fn an_empty_image_note_needs_at_least_one_image_not_eighteen() {
        let p = preflight(&raw(&[]));
        let c = p
            .checks
            .iter()
            .find(|c| c.field == "image_urls" && c.level == Level::Error)
            .unwrap();
        assert_eq!(
            (c.rule, c.actual, c.limit),
            (Rule::MinItems, Some(0), Some(1))
        );
    }

    #[test]
    fn more_than_nine_images_warns() {
        let urls: Vec<String> = (0..10)
            .map(|i| format!("https://i.example.com/{i}.jpg"))
            .collect();
        let refs: Vec<&str> = urls.iter().map(String::as_str).collect();
        let p = preflight(&raw(&refs));
        assert!(p.ok);
        assert!(p.checks.iter().any(|c| c.rule == Rule::SoftMaxItems));
    }
}
