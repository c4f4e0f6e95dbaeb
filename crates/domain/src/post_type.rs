use crate::vocab::vocabulary;
use crate::FieldError;

vocabulary! {
    /// The two kinds of note the share SDK knows: an image note (`normal`) and a video note.
    PostType { Normal, Video }
}

impl PostType {
    /// Parses the `type` field of a note.
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        Self::parse_field("type", s)
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
        assert_eq!((e.field.as_str(), e.rule), ("type", crate::Rule::OneOf));
        assert!(PostType::parse("").is_err());
    }
}
