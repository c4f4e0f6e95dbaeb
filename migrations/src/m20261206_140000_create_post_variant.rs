//! Variants of a note (issue 19 item 2): a labelled set of overrides (title,
//! body, images, cover) over the note's own fields; a NULL column falls back
//! to the note. Labels are unique per note, ASCII letters in either case
//! being the same label on every backend (`label_key`, as groups do).
//! Deleting the note's row deletes its variants (cascade). A version of the
//! note keeps its variants as they were (`x_post_version.variants`, JSON;
//! NULL for versions saved before variants existed).
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum XPostVariant {
    Table,
    Id,
    PostId,
    Label,
    LabelKey,
    Title,
    Content,
    ImageUrls,
    CoverUrl,
    Position,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum XPost {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum XPostVersion {
    Table,
    Variants,
}

fn variant(manager: &SchemaManager) -> TableCreateStatement {
    let mut post_id = ColumnDef::new(XPostVariant::PostId);
    // The referenced id's type: SQLite's `integer`, the others' `bigint`.
    match manager.get_database_backend() {
        DatabaseBackend::Sqlite => post_id.integer(),
        _ => post_id.big_integer(),
    };
    Table::create()
        .table(XPostVariant::Table)
        .if_not_exists()
        .col(id_column(manager, XPostVariant::Id))
        .col(post_id.not_null())
        .col(
            ColumnDef::new(XPostVariant::Label)
                .string_len(30)
                .not_null(),
        )
        .col(
            ColumnDef::new(XPostVariant::LabelKey)
                .string_len(30)
                .not_null(),
        )
        .col(ColumnDef::new(XPostVariant::Title).string_len(255).null())
        .col(ColumnDef::new(XPostVariant::Content).text().null())
        .col(ColumnDef::new(XPostVariant::ImageUrls).text().null())
        .col(
            ColumnDef::new(XPostVariant::CoverUrl)
                .string_len(2048)
                .null(),
        )
        .col(ColumnDef::new(XPostVariant::Position).integer().not_null())
        .col(timestamp(XPostVariant::CreatedAt).not_null())
        .col(timestamp(XPostVariant::UpdatedAt).not_null())
        .index(
            Index::create()
                .name("uq_x_post_variant_label")
                .col(XPostVariant::PostId)
                .col(XPostVariant::LabelKey)
                .unique(),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_x_post_variant_post")
                .from(XPostVariant::Table, XPostVariant::PostId)
                .to(XPost::Table, XPost::Id)
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(variant(manager)).await?;
        let col = ColumnDef::new(XPostVersion::Variants)
            .text()
            .null()
            .to_owned();
        manager
            .alter_table(
                Table::alter()
                    .table(XPostVersion::Table)
                    .add_column(col)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(XPostVersion::Table)
                    .drop_column(XPostVersion::Variants)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(XPostVariant::Table).to_owned())
            .await
    }
}
