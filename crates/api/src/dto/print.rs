//! The query of the QR sheets (`…/qr-sheet.pdf`).
use serde::Deserialize;
use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
use utoipa::IntoParams;

/// Which cards, and how many to a page.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QrSheetQuery {
    /// Only these: comma-separated ids (link ids on a note's sheet,
    /// assignment ids on a campaign's), e.g. `12,15,16`.
    #[param(
        max_length = 2000,
        pattern = "^([1-9][0-9]{0,17}(,[1-9][0-9]{0,17})*)?$"
    )]
    pub ids: Option<String>,
    /// Only the accounts of this group.
    pub group_id: Option<i64>,
    /// Cards per A4 page: 6 (2 × 3), 12 (3 × 4, the default) or 24 (4 × 6).
    #[param(schema_with = per_page_schema)]
    pub per_page: Option<u32>,
}

fn per_page_schema() -> utoipa::openapi::Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::Integer))
        .enum_values(Some([6, 12, 24]))
        .default(Some(serde_json::json!(12)))
        .build()
}

impl From<QrSheetQuery> for xhs_app::print::SheetQuery {
    fn from(q: QrSheetQuery) -> Self {
        Self {
            ids: q.ids,
            group_id: q.group_id,
            per_page: q.per_page,
        }
    }
}
