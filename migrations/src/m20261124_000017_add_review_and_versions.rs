//! Approval and history (issue 12): a note's review status with the last
//! review's comment, reviewer and time; `x_post_version` keeps every saved
//! state of a note. Live notes get their current state as a first version
//! (author `system`), so each has a history from the start.
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
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
    UpdatedAt,
    Version,
    ReviewStatus,
    ReviewComment,
    ReviewedBy,
    ReviewedAt,
}

#[derive(DeriveIden)]
enum XPostVersion {
    Table,
    Id,
    PostId,
    Version,
    Author,
    CreatedAt,
    Note,
    Type,
    Title,
    Content,
    CoverUrl,
    ImageUrls,
    VideoUrl,
}

fn review_columns() -> Vec<ColumnDef> {
    vec![
        ColumnDef::new(XPost::ReviewStatus)
            .string_len(16)
            .not_null()
            .default("draft")
            .to_owned(),
        ColumnDef::new(XPost::ReviewComment)
            .string_len(500)
            .null()
            .to_owned(),
        // An operator's name, or `token:<name>` for an API token.
        ColumnDef::new(XPost::ReviewedBy)
            .string_len(200)
            .null()
            .to_owned(),
        timestamp(XPost::ReviewedAt).null().to_owned(),
    ]
}

/// Every live note's current state as its first version.
fn backfill() -> Result<InsertStatement, DbErr> {
    let select = Query::select()
        .column(XPost::Id)
        .column(XPost::Version)
        .expr(Expr::val("system"))
        .column(XPost::UpdatedAt)
        .columns([
            XPost::Type,
            XPost::Title,
            XPost::Content,
            XPost::CoverUrl,
            XPost::ImageUrls,
            XPost::VideoUrl,
        ])
        .from(XPost::Table)
        .and_where(Expr::col(XPost::IsDeleted).eq(false))
        .to_owned();
    Query::insert()
        .into_table(XPostVersion::Table)
        .columns([
            XPostVersion::PostId,
            XPostVersion::Version,
            XPostVersion::Author,
            XPostVersion::CreatedAt,
            XPostVersion::Type,
            XPostVersion::Title,
            XPostVersion::Content,
            XPostVersion::CoverUrl,
            XPostVersion::ImageUrls,
            XPostVersion::VideoUrl,
        ])
        .select_from(select)
        .map(|s| s.to_owned())
        .map_err(|e| DbErr::Custom(e.to_string()))
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for col in review_columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(XPost::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(XPostVersion::Table)
                    .if_not_exists()
                    .col(id_column(manager, XPostVersion::Id))
                    .col(
                        ColumnDef::new(XPostVersion::PostId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(XPostVersion::Version).integer().not_null())
                    .col(
                        ColumnDef::new(XPostVersion::Author)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(timestamp(XPostVersion::CreatedAt).not_null())
                    .col(ColumnDef::new(XPostVersion::Note).string_len(200).null())
                    .col(ColumnDef::new(XPostVersion::Type).string_len(20).not_null())
                    .col(ColumnDef::new(XPostVersion::Title).string_len(255).null())
                    .col(ColumnDef::new(XPostVersion::Content).text().null())
                    .col(
                        ColumnDef::new(XPostVersion::CoverUrl)
                            .string_len(2048)
                            .null(),
                    )
                    .col(ColumnDef::new(XPostVersion::ImageUrls).text().null())
                    .col(
                        ColumnDef::new(XPostVersion::VideoUrl)
                            .string_len(2048)
                            .null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_x_post_version_post")
                            .from(XPostVersion::Table, XPostVersion::PostId)
                            .to(XPost::Table, XPost::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One row per saved state; also the index the history reads by.
        manager
            .create_index(
                Index::create()
                    .name("uq_x_post_version_post_version")
                    .table(XPostVersion::Table)
                    .col(XPostVersion::PostId)
                    .col(XPostVersion::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // The review queue lists live notes by status.
        manager
            .create_index(
                Index::create()
                    .name("idx_x_post_review_status")
                    .table(XPost::Table)
                    .col(XPost::ReviewStatus)
                    .col(XPost::Id)
                    .to_owned(),
            )
            .await?;
        manager.exec_stmt(backfill()?).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_x_post_review_status")
                    .table(XPost::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(XPostVersion::Table).to_owned())
            .await?;
        for col in [
            XPost::ReviewStatus,
            XPost::ReviewComment,
            XPost::ReviewedBy,
            XPost::ReviewedAt,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(XPost::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
