use crate::Rule;
use crate::{Body, FieldError, MediaUrl, PostType, Title, ValidationErrors, MAX_IMAGES};

/// A post as it arrives, before any rule is applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawPost {
    pub post_type: String,
    pub title: String,
    pub content: String,
    pub image_urls: Vec<String>,
    pub cover_url: Option<String>,
    pub video_url: Option<String>,
}

/// A post that passes every hard rule of XHS_FACTS section 3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostDraft {
    pub post_type: PostType,
    pub title: Title,
    pub body: Body,
    pub images: Vec<MediaUrl>,
    pub cover: Option<MediaUrl>,
    pub video: Option<MediaUrl>,
}

impl PostDraft {
    /// Applies every rule and reports every broken one, not just the first.
    pub fn parse(raw: &RawPost) -> Result<Self, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let post_type = errs.take(PostType::parse(&raw.post_type));
        let title = errs.take(Title::parse(&raw.title));
        let body = match Body::parse(&raw.content) {
            Ok(b) => Some(b),
            Err(es) => {
                es.into_iter().for_each(|e| errs.push(e));
                None
            }
        };
        let images: Vec<Option<MediaUrl>> = raw
            .image_urls
            .iter()
            .enumerate()
            .map(|(i, u)| errs.take(MediaUrl::parse(&format!("image_urls[{i}]"), u)))
            .collect();
        let cover = optional_url(&mut errs, "cover_url", raw.cover_url.as_deref());
        let video = optional_url(&mut errs, "video_url", raw.video_url.as_deref());
        if let Some(t) = post_type {
            if let Err(e) = count_rule(t, raw.image_urls.len(), video.as_ref().map(|v| v.is_some()))
            {
                errs.push(e);
            }
        }
        match (
            post_type,
            title,
            body,
            images.into_iter().collect::<Option<Vec<_>>>(),
            cover,
            video,
        ) {
            (Some(post_type), Some(title), Some(body), Some(images), Some(cover), Some(video))
                if errs.is_empty() =>
            {
                Ok(Self {
                    post_type,
                    title,
                    body,
                    images,
                    cover,
                    video,
                })
            }
            _ => Err(errs),
        }
    }

    /// The cover the share payload uses: the given one, else the first image
    /// (as the article does).
    pub fn effective_cover(&self) -> Option<&MediaUrl> {
        self.cover.as_ref().or_else(|| self.images.first())
    }
}

/// `Some(None)` when absent or blank, `Some(Some(url))` when valid, `None` on error.
fn optional_url(
    errs: &mut ValidationErrors,
    field: &str,
    v: Option<&str>,
) -> Option<Option<MediaUrl>> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => Some(None),
        Some(s) => errs.take(MediaUrl::parse(field, s)).map(Some),
    }
}

/// The media-count rules: an image note has 1 to 18 images; a video note has a
/// video. `has_video` is None when the video URL was given but invalid (already
/// reported).
pub(crate) fn count_rule(
    t: PostType,
    images: usize,
    has_video: Option<bool>,
) -> Result<(), FieldError> {
    match t {
        PostType::Normal if images == 0 => Err(FieldError::new(
            "image_urls",
            Rule::MinItems,
            "an image note needs at least 1 image",
        )
        .counts(0, 1)),
        PostType::Normal if images > MAX_IMAGES => Err(FieldError::new(
            "image_urls",
            Rule::MaxItems,
            format!("an image note has {images} images; XHS allows at most {MAX_IMAGES}"),
        )
        .counts(images, MAX_IMAGES)),
        PostType::Video if has_video == Some(false) => Err(FieldError::new(
            "video_url",
            Rule::Required,
            "a video note needs a video URL",
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image_note(n: usize) -> RawPost {
        RawPost {
            post_type: "normal".into(),
            title: "周末去哪儿".into(),
            content: "#旅行 好天气".into(),
            image_urls: (0..n)
                .map(|i| format!("https://img.example.com/{i}.jpg"))
                .collect(),
            ..RawPost::default()
        }
    }

    #[test]
    fn a_valid_image_note_parses_and_covers_with_its_first_image() {
        let d = PostDraft::parse(&image_note(3)).unwrap();
        assert_eq!(
            d.effective_cover().map(MediaUrl::as_str),
            Some("https://img.example.com/0.jpg")
        );
    }

    #[test]
    fn image_count_must_be_between_one_and_eighteen() {
        assert!(PostDraft::parse(&image_note(18)).is_ok());
        let e = PostDraft::parse(&image_note(0)).unwrap_err();
        assert_eq!(
            (e.0[0].field.as_str(), e.0[0].rule),
            ("image_urls", Rule::MinItems)
        );
        let e = PostDraft::parse(&image_note(19)).unwrap_err();
        assert_eq!(e.0[0].rule, Rule::MaxItems);
    }

    #[test]
    fn a_video_note_needs_a_video() {
        let raw = RawPost {
            post_type: "video".into(),
            ..RawPost::default()
        };
        let e = PostDraft::parse(&raw).unwrap_err();
        assert_eq!(
            (e.0[0].field.as_str(), e.0[0].rule),
            ("video_url", Rule::Required)
        );
        let ok = RawPost {
            video_url: Some("https://v.example.com/a.mp4".into()),
            ..raw
        };
        assert!(PostDraft::parse(&ok).is_ok());
    }

    #[test]
    fn every_broken_rule_is_reported_at_once() {
        let mut raw = image_note(1);
        raw.title = "x".repeat(21);
        raw.content = "y".repeat(1001);
        raw.image_urls = vec!["data:image/png;base64,AA".into()];
        raw.cover_url = Some("file:///c.jpg".into());
        let fields: Vec<_> = PostDraft::parse(&raw)
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["title", "content", "image_urls[0]", "cover_url"]);
    }
}
