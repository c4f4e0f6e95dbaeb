//! Teams (issue 12): a role and a disabled flag per operator (every existing
//! operator stays `admin`, keeping the power it had), API tokens for
//! integrators (stored as their SHA-256 only), and the audit log.
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Operator {
    Table,
    Role,
    Disabled,
}

#[derive(DeriveIden)]
enum ApiToken {
    Table,
    Id,
    Name,
    Role,
    TokenHash,
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    Actor,
    ActorKind,
    Action,
    TargetType,
    TargetId,
    ClientIp,
    Detail,
}

fn operator_columns() -> [ColumnDef; 2] {
    [
        ColumnDef::new(Operator::Role)
            .string_len(16)
            .not_null()
            .default("admin")
            .to_owned(),
        ColumnDef::new(Operator::Disabled)
            .boolean()
            .not_null()
            .default(false)
            .to_owned(),
    ]
}

fn api_token(manager: &SchemaManager) -> TableCreateStatement {
    Table::create()
        .table(ApiToken::Table)
        .if_not_exists()
        .col(id_column(manager, ApiToken::Id))
        .col(ColumnDef::new(ApiToken::Name).string_len(64).not_null())
        .col(ColumnDef::new(ApiToken::Role).string_len(16).not_null())
        // SHA-256 of the secret: a database leak does not leak tokens.
        .col(
            ColumnDef::new(ApiToken::TokenHash)
                .string_len(64)
                .not_null()
                .unique_key(),
        )
        .col(
            ColumnDef::new(ApiToken::CreatedBy)
                .string_len(80)
                .not_null(),
        )
        .col(timestamp(ApiToken::CreatedAt).not_null())
        .col(timestamp(ApiToken::ExpiresAt).null())
        .col(timestamp(ApiToken::LastUsedAt).null())
        .col(timestamp(ApiToken::RevokedAt).null())
        .to_owned()
}

fn audit_log(manager: &SchemaManager) -> TableCreateStatement {
    Table::create()
        .table(AuditLog::Table)
        .if_not_exists()
        .col(id_column(manager, AuditLog::Id))
        .col(timestamp(AuditLog::At).not_null())
        .col(ColumnDef::new(AuditLog::Actor).string_len(80).not_null())
        .col(
            ColumnDef::new(AuditLog::ActorKind)
                .string_len(16)
                .not_null(),
        )
        .col(ColumnDef::new(AuditLog::Action).string_len(32).not_null())
        .col(ColumnDef::new(AuditLog::TargetType).string_len(16).null())
        .col(ColumnDef::new(AuditLog::TargetId).big_integer().null())
        .col(ColumnDef::new(AuditLog::ClientIp).string_len(64).null())
        .col(ColumnDef::new(AuditLog::Detail).string_len(500).null())
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for col in operator_columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(Operator::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }
        manager.create_table(api_token(manager)).await?;
        manager.create_table(audit_log(manager)).await?;
        // The list is newest first by id; each filter narrows it.
        for (name, cols) in [
            ("ix_audit_log_actor", vec![AuditLog::Actor, AuditLog::Id]),
            ("ix_audit_log_action", vec![AuditLog::Action, AuditLog::Id]),
            (
                "ix_audit_log_target",
                vec![AuditLog::TargetType, AuditLog::TargetId, AuditLog::Id],
            ),
            ("ix_audit_log_at", vec![AuditLog::At]),
        ] {
            let mut idx = Index::create();
            idx.name(name).table(AuditLog::Table);
            for c in cols {
                idx.col(c);
            }
            manager.create_index(idx.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AuditLog::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ApiToken::Table).to_owned())
            .await?;
        for col in [Operator::Role, Operator::Disabled] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Operator::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
