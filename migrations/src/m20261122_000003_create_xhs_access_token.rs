//! The XHS access token, shared by every instance: a new token may invalidate
//! the previous one, so instances must not each fetch their own.
use crate::util::timestamp;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum XhsAccessToken {
    Table,
    AppKey,
    AccessToken,
    ExpiresAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(XhsAccessToken::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(XhsAccessToken::AppKey)
                            .string_len(128)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(XhsAccessToken::AccessToken)
                            .string_len(1024)
                            .not_null(),
                    )
                    .col(timestamp(XhsAccessToken::ExpiresAt).not_null())
                    .col(
                        timestamp(XhsAccessToken::UpdatedAt)
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(XhsAccessToken::Table).to_owned())
            .await
    }
}
