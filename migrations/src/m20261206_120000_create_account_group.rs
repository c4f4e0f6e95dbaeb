//! Groups of accounts (issue 19: 班级, 分组): a named set of accounts, and
//! the membership table between them. An account may be in several groups;
//! deleting a group deletes its memberships (cascade) and keeps the
//! accounts. Names are unique case-insensitively for ASCII on every backend
//! through `name_key` (MariaDB's collation would fold case, the others not).
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AccountGroup {
    Table,
    Id,
    Name,
    NameKey,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AccountGroupMember {
    Table,
    GroupId,
    AccountId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum XhsAccount {
    Table,
    Id,
}

fn group(manager: &SchemaManager) -> TableCreateStatement {
    Table::create()
        .table(AccountGroup::Table)
        .if_not_exists()
        .col(id_column(manager, AccountGroup::Id))
        .col(ColumnDef::new(AccountGroup::Name).string_len(50).not_null())
        .col(
            ColumnDef::new(AccountGroup::NameKey)
                .string_len(50)
                .not_null(),
        )
        .col(timestamp(AccountGroup::CreatedAt).not_null())
        .col(timestamp(AccountGroup::UpdatedAt).not_null())
        .index(
            Index::create()
                .name("uq_account_group_name_key")
                .col(AccountGroup::NameKey)
                .unique(),
        )
        .to_owned()
}

fn member(manager: &SchemaManager) -> TableCreateStatement {
    let mut group_id = ColumnDef::new(AccountGroupMember::GroupId);
    let mut account_id = ColumnDef::new(AccountGroupMember::AccountId);
    // The referenced ids' types: SQLite's `integer`, the others' `bigint`.
    match manager.get_database_backend() {
        sea_orm_migration::sea_orm::DatabaseBackend::Sqlite => {
            group_id.integer();
            account_id.integer();
        }
        _ => {
            group_id.big_integer();
            account_id.big_integer();
        }
    }
    Table::create()
        .table(AccountGroupMember::Table)
        .if_not_exists()
        .col(group_id.not_null())
        .col(account_id.not_null())
        .col(timestamp(AccountGroupMember::CreatedAt).not_null())
        // One membership per (group, account): adding twice is a no-op.
        .primary_key(
            Index::create()
                .name("pk_account_group_member")
                .col(AccountGroupMember::GroupId)
                .col(AccountGroupMember::AccountId),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_account_group_member_group")
                .from(AccountGroupMember::Table, AccountGroupMember::GroupId)
                .to(AccountGroup::Table, AccountGroup::Id)
                .on_delete(ForeignKeyAction::Cascade),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_account_group_member_account")
                .from(AccountGroupMember::Table, AccountGroupMember::AccountId)
                .to(XhsAccount::Table, XhsAccount::Id)
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(group(manager)).await?;
        manager.create_table(member(manager)).await?;
        // The groups of an account (the accounts list answers them).
        manager
            .create_index(
                Index::create()
                    .name("idx_account_group_member_account")
                    .table(AccountGroupMember::Table)
                    .col(AccountGroupMember::AccountId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AccountGroupMember::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(AccountGroup::Table).to_owned())
            .await
    }
}
