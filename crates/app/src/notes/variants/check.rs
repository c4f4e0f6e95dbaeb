//! A variant is checked as a note: its overrides merged over the note's own
//! fields go through the same parse (`PostDraft`), and every error names
//! the variant.
use xhs_domain::{bounded_text, FieldError, PostDraft, RawPost, ValidationErrors};
use xhs_persistence::variants::VariantFields;

/// The longest label, in characters.
pub const MAX_LABEL: usize = 30;

/// Blank overrides fall back to the note: a blank title, body or cover, or
/// no images, is no override.
pub fn normalize(v: &VariantFields) -> VariantFields {
    let text = |t: &Option<String>| t.clone().filter(|t| !t.trim().is_empty());
    VariantFields {
        label: v.label.trim().to_owned(),
        title: text(&v.title),
        content: text(&v.content),
        image_urls: v.image_urls.clone().filter(|u| !u.is_empty()),
        cover_url: text(&v.cover_url).map(|c| c.trim().to_owned()),
    }
}

/// The note as this variant shows it.
pub fn merged(note: &RawPost, v: &VariantFields) -> RawPost {
    RawPost {
        post_type: note.post_type.clone(),
        title: v.title.clone().unwrap_or_else(|| note.title.clone()),
        content: v.content.clone().unwrap_or_else(|| note.content.clone()),
        image_urls: v
            .image_urls
            .clone()
            .unwrap_or_else(|| note.image_urls.clone()),
        cover_url: v.cover_url.clone().or_else(|| note.cover_url.clone()),
        video_url: note.video_url.clone(),
    }
}

/// Checks one variant (already normalized) over `note`; each error keeps
/// its field prefixed by `prefix` and its message names the variant.
pub fn check(
    note: &RawPost,
    v: &VariantFields,
    prefix: &str,
) -> Result<PostDraft, ValidationErrors> {
    let mut errs = ValidationErrors::default();
    if let Err(e) = bounded_text("label", &v.label, MAX_LABEL, true) {
        errs.push(e);
    }
    let draft = match PostDraft::parse(&merged(note, v)) {
        Ok(d) => Some(d),
        Err(es) => {
            errs.0.extend(es.0);
            None
        }
    };
    match draft {
        Some(d) if errs.is_empty() => Ok(d),
        _ => Err(ValidationErrors(
            errs.0
                .into_iter()
                .map(|e| named(e, &v.label, prefix))
                .collect(),
        )),
    }
}

fn named(mut e: FieldError, label: &str, prefix: &str) -> FieldError {
    e.field = format!("{prefix}{}", e.field);
    e.message = if label.is_empty() {
        format!("variant: {}", e.message)
    } else {
        format!("variant '{label}': {}", e.message)
    };
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use xhs_domain::Rule;

    fn note() -> RawPost {
        RawPost {
            post_type: "normal".into(),
            title: "原文标题".into(),
            content: "原文 #topic ".into(),
            image_urls: vec!["https://example.com/1.jpg".into()],
            cover_url: None,
            video_url: None,
        }
    }

    #[test]
    fn a_field_left_out_falls_back_to_the_note() {
        let v = normalize(&VariantFields {
            label: " B ".into(),
            title: Some("变体标题".into()),
            content: Some("  ".into()),
            image_urls: Some(vec![]),
            cover_url: None,
        });
        let m = merged(&note(), &v);
        assert_eq!(v.label, "B");
        assert_eq!(m.title, "变体标题");
        assert_eq!(m.content, note().content);
        assert_eq!(m.image_urls, note().image_urls);
    }

    #[test]
    fn a_broken_override_names_the_variant_and_the_field() {
        let v = VariantFields {
            label: "B".into(),
            title: Some("长".repeat(21)),
            ..Default::default()
        };
        let errs = check(&note(), &v, "").unwrap_err();
        assert_eq!(errs.0.len(), 1);
        assert_eq!(
            (errs.0[0].field.as_str(), errs.0[0].rule),
            ("title", Rule::MaxChars)
        );
        assert!(
            errs.0[0].message.starts_with("variant 'B': "),
            "{}",
            errs.0[0].message
        );
        let blank = VariantFields::default();
        let errs = check(&note(), &blank, "variants[0].").unwrap_err();
        assert_eq!(errs.0[0].field, "variants[0].label");
    }
}
