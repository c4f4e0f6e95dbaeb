use crate::Rule;
use crate::{char_count, FieldError};

/// XHS shows at most 20 characters of title.
pub const MAX_TITLE_CHARS: usize = 20;

/// A note title: at most [`MAX_TITLE_CHARS`] characters, trimmed. May be empty
/// (XHS allows untitled notes; pre-flight warns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title(String);

impl Title {
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let t = s.trim();
        let n = char_count(t);
        if n > MAX_TITLE_CHARS {
            return Err(FieldError::new(
                "title",
                Rule::MaxChars,
                format!("title has {n} characters; XHS allows at most {MAX_TITLE_CHARS}"),
            )
            .counts(n, MAX_TITLE_CHARS));
        }
        Ok(Self(t.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_chinese_characters_fit() {
        let t = "一二三四五六七八九十一二三四五六七八九十";
        assert_eq!(
            Title::parse(t).map(|t| t.as_str().to_owned()),
            Ok(t.to_owned())
        );
    }

    #[test]
    fn twenty_one_characters_are_rejected_with_the_rule() {
        let e = Title::parse(&"a".repeat(21)).unwrap_err();
        assert_eq!((e.field.as_str(), e.rule), ("title", Rule::MaxChars));
        assert!(e.message.contains("21"));
    }

    #[test]
    fn surrounding_whitespace_does_not_count() {
        assert!(Title::parse(&format!("  {}  ", "a".repeat(20))).is_ok());
    }
}
