use crate::Rule;
use crate::{char_count, FieldError};

/// XHS caps a note body at 1000 characters.
pub const MAX_BODY_CHARS: usize = 1000;
/// At most 10 `#topic`s per note.
pub const MAX_TOPICS: usize = 10;

/// A note body: at most [`MAX_BODY_CHARS`] characters and [`MAX_TOPICS`] topics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body(String);

impl Body {
    pub fn parse(s: &str) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let n = char_count(s);
        if n > MAX_BODY_CHARS {
            errors.push(
                FieldError::new(
                    "content",
                    Rule::MaxChars,
                    format!("content has {n} characters; XHS allows at most {MAX_BODY_CHARS}"),
                )
                .counts(n, MAX_BODY_CHARS),
            );
        }
        let topics = count_topics(s);
        if topics > MAX_TOPICS {
            errors.push(
                FieldError::new(
                    "content",
                    Rule::MaxTopics,
                    format!("content has {topics} #topics; XHS allows at most {MAX_TOPICS}"),
                )
                .counts(topics, MAX_TOPICS),
            );
        }
        if errors.is_empty() {
            Ok(Self(s.to_owned()))
        } else {
            Err(errors)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Counts `#topic` occurrences: a `#` followed by at least one character that is
/// not whitespace or `#`, then whitespace or the end (XHS has no topic field; a
/// topic is written in the body and ends with a space).
pub fn count_topics(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '#' {
            let start = i + 1;
            let mut j = start;
            while j < chars.len() && !chars[j].is_whitespace() && chars[j] != '#' {
                j += 1;
            }
            let ends_cleanly = j == chars.len() || chars[j].is_whitespace();
            if j > start && ends_cleanly {
                count += 1;
            }
            i = j.max(start);
        } else {
            i += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_are_hash_words_followed_by_space_or_end() {
        assert_eq!(count_topics("#旅行 #美食 今天"), 2);
        assert_eq!(count_topics("结尾话题 #穿搭"), 1);
        assert_eq!(count_topics("no topic # here"), 0);
        assert_eq!(
            count_topics("#a#b "),
            1,
            "only the hash word that ends in a space counts"
        );
        assert_eq!(count_topics(""), 0);
    }

    #[test]
    fn a_thousand_characters_fit_and_one_more_does_not() {
        assert!(Body::parse(&"字".repeat(1000)).is_ok());
        let e = Body::parse(&"字".repeat(1001)).unwrap_err();
        assert_eq!(
            (e[0].field.as_str(), e[0].rule),
            ("content", Rule::MaxChars)
        );
    }

    #[test]
    fn eleven_topics_are_too_many() {
        let ten: String = (0..10).map(|i| format!("#t{i} ")).collect();
        assert!(Body::parse(&ten).is_ok());
        let e = Body::parse(&format!("{ten}#t10")).unwrap_err();
        assert_eq!(e[0].rule, Rule::MaxTopics);
    }
}
