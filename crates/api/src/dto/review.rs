//! The approval workflow's request body.
use serde::Deserialize;
use utoipa::ToSchema;

/// A reviewer's verdict: a comment is optional when approving, required
/// (1 to 500 characters) when requesting changes.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct ReviewInput {
    /// At most 500 characters.
    #[schema(max_length = 500)]
    pub comment: Option<String>,
}
