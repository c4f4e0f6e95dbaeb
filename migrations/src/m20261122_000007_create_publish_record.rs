//! One publish record per post and account: where that publish stands.
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PublishRecord {
    Table,
    Id,
    PostId,
    AccountId,
    LinkId,
    Status,
    FailureReason,
    NoteUrl,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PublishRecord::Table)
                    .if_not_exists()
                    .col(id_column(manager, PublishRecord::Id))
                    .col(
                        ColumnDef::new(PublishRecord::PostId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PublishRecord::AccountId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(PublishRecord::LinkId).big_integer().null())
                    .col(
                        ColumnDef::new(PublishRecord::Status)
                            .string_len(20)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PublishRecord::FailureReason)
                            .string_len(500)
                            .null(),
                    )
                    .col(
                        ColumnDef::new(PublishRecord::NoteUrl)
                            .string_len(500)
                            .null(),
                    )
                    .col(
                        timestamp(PublishRecord::CreatedAt)
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .col(
                        timestamp(PublishRecord::UpdatedAt)
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_publish_record_post_account")
                    .table(PublishRecord::Table)
                    .col(PublishRecord::PostId)
                    .col(PublishRecord::AccountId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PublishRecord::Table).to_owned())
            .await
    }
}
