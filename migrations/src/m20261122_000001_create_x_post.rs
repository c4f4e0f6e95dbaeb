//! The article's `x_post` table, plus `version` for optimistic concurrency.
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum XPost {
    Table,
    Id,
    Type,
    Title,
    Content,
    CoverUrl,
    ImageUrls,
    VideoUrl,
    IsDeleted,
    DeletedAt,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(XPost::Table)
                    .if_not_exists()
                    .col(id_column(manager, XPost::Id))
                    .col(ColumnDef::new(XPost::Type).string_len(20).not_null())
                    .col(ColumnDef::new(XPost::Title).string_len(255).null())
                    .col(ColumnDef::new(XPost::Content).text().null())
                    .col(ColumnDef::new(XPost::CoverUrl).string_len(500).null())
                    .col(ColumnDef::new(XPost::ImageUrls).text().null())
                    .col(ColumnDef::new(XPost::VideoUrl).string_len(500).null())
                    .col(
                        ColumnDef::new(XPost::IsDeleted)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .col(timestamp(XPost::DeletedAt).null())
                    .col(
                        timestamp(XPost::CreatedAt)
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .col(
                        timestamp(XPost::UpdatedAt)
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .col(
                        ColumnDef::new(XPost::Version)
                            .integer()
                            .not_null()
                            .default(1),
                    )
                    .to_owned(),
            )
            .await?;
        // The list reads live posts newest first by id (keyset pagination).
        manager
            .create_index(
                Index::create()
                    .name("idx_x_post_live_id")
                    .table(XPost::Table)
                    .col(XPost::IsDeleted)
                    .col(XPost::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(XPost::Table).to_owned())
            .await
    }
}
