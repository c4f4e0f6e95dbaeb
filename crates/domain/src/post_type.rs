use crate::FieldError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The two kinds of note the share SDK knows: an image note (`normal`) and a video note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PostType {
    Normal,
    Video,
}

impl PostType {
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        match s {
            "normal" => Ok(Self::Normal),
            "video" => Ok(Self::Video),
            other => Err(FieldError::new(
                "type",
                "one_of",
                format!("type must be 'normal' or 'video', got '{other}'"),
            )),
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Normal => "normal",
            Self::Video => "video",
        }
    }
}

impl fmt::Display for PostType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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
        assert_eq!((e.field.as_str(), e.rule), ("type", "one_of"));
        assert!(PostType::parse("").is_err());
    }
}
