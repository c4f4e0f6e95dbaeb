use crate::vocab::vocabulary;
use crate::FieldError;
use crate::Rule;

vocabulary! {
    /// The two kinds of note the share SDK knows: an image note (`normal`) and a video note.
    PostType { Normal, Video }
}

impl PostType {
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        match s {
            "normal" => Ok(Self::Normal),
            "video" => Ok(Self::Video),
            other => Err(FieldError::new(
                "type",
                Rule::OneOf,
                format!("type must be 'normal' or 'video', got '{other}'"),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_two_sdk_types() {
        assert_eq!(PostType::parse("normal"), Ok(PostType::Normal));
        assert_eq!(PostType::parse("video"), Ok(PostType::Video));
    }

    #[test]
    fn rejects_anything_else_naming_the_field() {
        let e = PostType::parse("Normal").unwrap_err();
        assert_eq!((e.field.as_str(), e.rule), ("type", Rule::OneOf));
        assert!(PostType::parse("").is_err());
    }
}
