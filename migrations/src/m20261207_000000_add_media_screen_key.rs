//! The share page's rendition of an image (issue 21 item 5): 1080 px wide,
//! the width XHS itself shows notes at, so a phone previews a 6 MB photo in a
//! few hundred KB. NULL: the image is not wider than that, or was stored
//! before (its page keeps using the phone-sized rendition or the original).
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Media {
    Table,
    ScreenKey,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let col = ColumnDef::new(Media::ScreenKey)
            .string_len(160)
            .null()
            .to_owned();
        manager
            .alter_table(
                Table::alter()
                    .table(Media::Table)
                    .add_column(col)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Media::Table)
                    .drop_column(Media::ScreenKey)
                    .to_owned(),
            )
            .await
    }
}
