//! The XHS accounts a team publishes from (brand, partner, test, student, owner).
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum XhsAccount {
    Table,
    Id,
    Name,
    Nickname,
    Kind,
    Notes,
    IsDeleted,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(XhsAccount::Table)
                    .if_not_exists()
                    .col(id_column(manager, XhsAccount::Id))
                    .col(ColumnDef::new(XhsAccount::Name).string_len(100).not_null())
                    .col(ColumnDef::new(XhsAccount::Nickname).string_len(100).null())
                    .col(ColumnDef::new(XhsAccount::Kind).string_len(20).not_null())
                    .col(ColumnDef::new(XhsAccount::Notes).text().null())
                    .col(
                        ColumnDef::new(XhsAccount::IsDeleted)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .col(
                        timestamp(XhsAccount::CreatedAt)
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .col(
                        timestamp(XhsAccount::UpdatedAt)
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(XhsAccount::Table).to_owned())
            .await
    }
}
