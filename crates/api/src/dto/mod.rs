//! Request and response bodies. `///` on fields becomes the schema description.
pub mod account;
pub mod audit;
pub mod auth;
pub mod campaign;
mod campaign_assignment;
mod campaign_progress;
pub mod export;
pub mod group;
pub mod handout;
pub mod import;
pub mod link;
pub mod media;
pub mod people;
pub mod post;
pub mod print;
pub mod publish;
pub mod review;
pub mod robot;
pub mod share;
pub mod stats;
pub mod task;
pub mod token;
pub mod user;
pub mod variant;
pub mod version;
pub mod webhook;

/// An optional instant where `""` means none, as forms send it.
pub fn optional_instant<'de, D>(d: D) -> Result<Option<chrono::DateTime<chrono::Utc>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::Deserialize;
    match Option::<String>::deserialize(d)?.filter(|s| !s.trim().is_empty()) {
        None => Ok(None),
        Some(s) => s.parse().map(Some).map_err(serde::de::Error::custom),
    }
}

/// The bytes of a file (an image, a video), as its media type says.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct BinaryFile(#[allow(dead_code)] Vec<u8>);
