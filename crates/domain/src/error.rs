use serde::Serialize;

/// One broken rule on one field (the document's `ProblemField`). `rule` is a
/// stable snake_case name a UI can translate (with `actual` and `limit` where
/// the rule counts); `message` is for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[schema(as = ProblemField, description = "One failing field of a request.")]
pub struct FieldError {
    /// The field, e.g. `title` or `image_urls[2]`.
    pub field: String,
    /// The rule it broke, e.g. `max_chars`, `absolute_http_url`, `required`.
    pub rule: crate::Rule,
    pub message: String,
    /// For counting rules: what was counted (characters, topics, images).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<u64>,
    /// For counting rules: the bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, rule: crate::Rule, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            rule,
            message: message.into(),
            actual: None,
            limit: None,
        }
    }

    /// Adds the counted value and the bound, so a UI can say it in its own words.
    pub fn counts(mut self, actual: usize, limit: usize) -> Self {
        self.actual = Some(actual as u64);
        self.limit = Some(limit as u64);
        self
    }
}

/// Every field error of one input, collected so a person sees them all at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
#[error("{} field(s) failed validation", .0.len())]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn push(&mut self, e: FieldError) {
        self.0.push(e);
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Keeps the value when `r` is Ok, records the error otherwise.
    pub fn take<T>(&mut self, r: Result<T, FieldError>) -> Option<T> {
        r.map_err(|e| self.push(e)).ok()
    }
}
