//! Media URLs up to 2048 characters (`xhs_domain::MAX_URL_CHARS`): signed CDN
//! links run past the 500 of the first schema. SQLite does not enforce a
//! VARCHAR length, so only MySQL/MariaDB and PostgreSQL change.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum XPost {
    Table,
    CoverUrl,
    VideoUrl,
}

async fn set_length(manager: &SchemaManager<'_>, len: u32) -> Result<(), DbErr> {
    if manager.get_database_backend() == DatabaseBackend::Sqlite {
        return Ok(());
    }
    manager
        .alter_table(
            Table::alter()
                .table(XPost::Table)
                .modify_column(ColumnDef::new(XPost::CoverUrl).string_len(len).null())
                .modify_column(ColumnDef::new(XPost::VideoUrl).string_len(len).null())
                .to_owned(),
        )
        .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        set_length(manager, 2048).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        set_length(manager, 500).await
    }
}
