//! Share links: an unguessable token pointing at a post, optionally for one account.
use crate::m20261122_000004_create_xhs_account::XhsAccount;
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum ShareLink {
    Table,
    Id,
    Token,
    PostId,
    AccountId,
    Label,
    ExpiresAt,
    RevokedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum XPost {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ShareLink::Table)
                    .if_not_exists()
                    .col(id_column(manager, ShareLink::Id))
                    .col(
                        ColumnDef::new(ShareLink::Token)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(ShareLink::PostId).big_integer().not_null())
                    .col(ColumnDef::new(ShareLink::AccountId).big_integer().null())
                    .col(ColumnDef::new(ShareLink::Label).string_len(100).null())
                    .col(timestamp(ShareLink::ExpiresAt).null())
                    .col(timestamp(ShareLink::RevokedAt).null())
                    .col(
                        timestamp(ShareLink::CreatedAt)
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_share_link_post")
                            .from(ShareLink::Table, ShareLink::PostId)
                            .to(XPost::Table, XPost::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_share_link_account")
                            .from(ShareLink::Table, ShareLink::AccountId)
                            .to(XhsAccount::Table, XhsAccount::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_share_link_post")
                    .table(ShareLink::Table)
                    .col(ShareLink::PostId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ShareLink::Table).to_owned())
            .await
    }
}
