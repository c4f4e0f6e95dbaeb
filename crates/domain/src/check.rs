//! One rule's verdict on one field, as pre-flight and the platforms give it.
use crate::{Level, Rule};
use serde::Serialize;

/// One rule's verdict. `rule`, `field` and the structured values (counts, an
/// image's size, a media format) are what a UI words; `message` is the
/// server's English sentence, for people reading the raw answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[schema(as = PreflightCheck)]
pub struct Check {
    /// e.g. `max_chars`, `media_count`, `reachable_from_phone`.
    pub rule: Rule,
    pub field: String,
    pub level: Level,
    pub message: String,
    /// For counting rules: what was counted (e.g. 12 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<u64>,
    /// For counting rules: the bound (e.g. 20).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// For `aspect_ratio`: the image's width in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// For `aspect_ratio`: the image's height in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// For `media_format`: the format the URL names (its extension, e.g.
    /// `webp`); absent when the URL names none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

impl Check {
    /// A verdict without structured values.
    pub fn new(rule: Rule, field: &str, level: Level, message: String) -> Self {
        Self {
            rule,
            field: field.into(),
            level,
            message,
            actual: None,
            limit: None,
            width: None,
            height: None,
            format: None,
        }
    }

    /// A warning on `field`.
    pub fn warning(rule: Rule, field: &str, message: String) -> Self {
        Self::new(rule, field, Level::Warning, message)
    }

    /// Adds the counted value and the bound.
    pub fn counts(mut self, actual: usize, limit: usize) -> Self {
        self.actual = Some(actual as u64);
        self.limit = Some(limit as u64);
        self
    }

    /// Adds an image's size.
    pub fn size(mut self, width: u32, height: u32) -> Self {
        self.width = Some(width);
        self.height = Some(height);
        self
    }
}
