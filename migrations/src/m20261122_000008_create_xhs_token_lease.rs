//! Who may fetch a new XHS access token right now: one instance at a time.
use crate::util::timestamp;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum XhsTokenLease {
    Table,
    AppKey,
    Owner,
    LeaseUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(XhsTokenLease::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(XhsTokenLease::AppKey)
                            .string_len(128)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(XhsTokenLease::Owner)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(timestamp(XhsTokenLease::LeaseUntil).not_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(XhsTokenLease::Table).to_owned())
            .await
    }
}
