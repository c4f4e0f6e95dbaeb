//! Operators (console users) and their login sessions.
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Operator {
    Table,
    Id,
    Username,
    PasswordHash,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OperatorSession {
    Table,
    Id,
    OperatorId,
    TokenHash,
    CreatedAt,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Operator::Table)
                    .if_not_exists()
                    .col(id_column(manager, Operator::Id))
                    .col(
                        ColumnDef::new(Operator::Username)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    .col(
                        ColumnDef::new(Operator::PasswordHash)
                            .string_len(255)
                            .not_null(),
                    )
                    .col(
                        timestamp(Operator::CreatedAt)
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .col(
                        timestamp(Operator::UpdatedAt)
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OperatorSession::Table)
                    .if_not_exists()
                    .col(id_column(manager, OperatorSession::Id))
                    .col(
                        ColumnDef::new(OperatorSession::OperatorId)
                            .big_integer()
                            .not_null(),
                    )
                    // SHA-256 of the bearer token: a database leak does not leak sessions.
                    .col(
                        ColumnDef::new(OperatorSession::TokenHash)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    .col(
                        timestamp(OperatorSession::CreatedAt)
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .col(timestamp(OperatorSession::ExpiresAt).not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_operator_session_operator")
                            .from(OperatorSession::Table, OperatorSession::OperatorId)
                            .to(Operator::Table, Operator::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OperatorSession::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Operator::Table).to_owned())
            .await
    }
}
