//! What share pages report: one row per event, with its UTC day for grouping
//! the same way on every backend.
use crate::m20261122_000005_create_share_link::ShareLink;
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ShareEvent {
    Table,
    Id,
    LinkId,
    PostId,
    AccountId,
    Kind,
    Reason,
    Day,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ShareEvent::Table)
                    .if_not_exists()
                    .col(id_column(manager, ShareEvent::Id))
                    .col(ColumnDef::new(ShareEvent::LinkId).big_integer().not_null())
                    .col(ColumnDef::new(ShareEvent::PostId).big_integer().not_null())
                    .col(ColumnDef::new(ShareEvent::AccountId).big_integer().null())
                    .col(ColumnDef::new(ShareEvent::Kind).string_len(20).not_null())
                    .col(ColumnDef::new(ShareEvent::Reason).string_len(500).null())
                    .col(ColumnDef::new(ShareEvent::Day).string_len(10).not_null())
                    .col(
                        timestamp(ShareEvent::CreatedAt)
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_share_event_link")
                            .from(ShareEvent::Table, ShareEvent::LinkId)
                            .to(ShareLink::Table, ShareLink::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_share_event_post",
                [ShareEvent::PostId, ShareEvent::Day],
            ),
            (
                "idx_share_event_link",
                [ShareEvent::LinkId, ShareEvent::Day],
            ),
            (
                "idx_share_event_account",
                [ShareEvent::AccountId, ShareEvent::Day],
            ),
        ] {
            let mut idx = Index::create();
            idx.name(name).table(ShareEvent::Table);
            for c in cols {
                idx.col(c);
            }
            manager.create_index(idx.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ShareEvent::Table).to_owned())
            .await
    }
}
