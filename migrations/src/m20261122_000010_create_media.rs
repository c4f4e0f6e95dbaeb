//! The media library: one row per distinct content (unique SHA-256), stored
//! under a key made from that hash. Posts refer to media by URL, so a post may
//! also use an external URL; deleting media in use is refused by the API.
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Media {
    Table,
    Id,
    Sha256,
    Kind,
    Mime,
    SizeBytes,
    Width,
    Height,
    StorageKey,
    ThumbKey,
    OriginalName,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Media::Table)
                    .if_not_exists()
                    .col(id_column(manager, Media::Id))
                    // The same file uploaded twice is one item.
                    .col(
                        ColumnDef::new(Media::Sha256)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Media::Kind).string_len(10).not_null())
                    .col(ColumnDef::new(Media::Mime).string_len(64).not_null())
                    .col(ColumnDef::new(Media::SizeBytes).big_integer().not_null())
                    .col(ColumnDef::new(Media::Width).integer().null())
                    .col(ColumnDef::new(Media::Height).integer().null())
                    .col(ColumnDef::new(Media::StorageKey).string_len(128).not_null())
                    .col(ColumnDef::new(Media::ThumbKey).string_len(128).null())
                    .col(ColumnDef::new(Media::OriginalName).string_len(255).null())
                    .col(
                        timestamp(Media::CreatedAt)
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .to_owned(),
            )
            .await?;
        // The list pages newest first by id, optionally of one kind.
        manager
            .create_index(
                Index::create()
                    .name("idx_media_kind_id")
                    .table(Media::Table)
                    .col(Media::Kind)
                    .col(Media::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Media::Table).to_owned())
            .await
    }
}
