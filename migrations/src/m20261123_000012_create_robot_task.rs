//! Robot tasks (one note sent by one robot) and the provider's limits as
//! counters reserved before each call, so they survive a restart and hold
//! across instances.
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RobotTask {
    Table,
    Id,
    PostId,
    RobotId,
    Function,
    Status,
    RequestId,
    ProviderTaskId,
    Reason,
    NotBefore,
    WaitUntil,
    SentAt,
    FinishedAt,
    NoteUrl,
    LeaseOwner,
    LeaseUntil,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RobotQuota {
    Table,
    RobotId,
    Function,
    Day,
    Calls,
    LastCallAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RobotTask::Table)
                    .if_not_exists()
                    .col(id_column(manager, RobotTask::Id))
                    .col(ColumnDef::new(RobotTask::PostId).big_integer().not_null())
                    .col(ColumnDef::new(RobotTask::RobotId).big_integer().not_null())
                    .col(
                        ColumnDef::new(RobotTask::Function)
                            .string_len(20)
                            .not_null(),
                    )
                    .col(ColumnDef::new(RobotTask::Status).string_len(20).not_null())
                    .col(
                        ColumnDef::new(RobotTask::RequestId)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    .col(
                        ColumnDef::new(RobotTask::ProviderTaskId)
                            .string_len(100)
                            .null(),
                    )
                    .col(ColumnDef::new(RobotTask::Reason).string_len(1000).null())
                    .col(timestamp(RobotTask::NotBefore).not_null())
                    .col(timestamp(RobotTask::WaitUntil).null())
                    .col(timestamp(RobotTask::SentAt).null())
                    .col(timestamp(RobotTask::FinishedAt).null())
                    .col(ColumnDef::new(RobotTask::NoteUrl).string_len(500).null())
                    .col(ColumnDef::new(RobotTask::LeaseOwner).string_len(64).null())
                    .col(timestamp(RobotTask::LeaseUntil).null())
                    .col(timestamp(RobotTask::CreatedAt).not_null())
                    .col(timestamp(RobotTask::UpdatedAt).not_null())
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_robot_task_due",
                vec![RobotTask::Status, RobotTask::NotBefore],
            ),
            ("ix_robot_task_provider", vec![RobotTask::ProviderTaskId]),
            (
                "ix_robot_task_robot",
                vec![RobotTask::RobotId, RobotTask::Status],
            ),
            ("ix_robot_task_post", vec![RobotTask::PostId]),
        ] {
            let mut idx = Index::create();
            idx.name(name).table(RobotTask::Table);
            for c in cols {
                idx.col(c);
            }
            manager.create_index(idx.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(RobotQuota::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(RobotQuota::RobotId).big_integer().not_null())
                    .col(
                        ColumnDef::new(RobotQuota::Function)
                            .string_len(20)
                            .not_null(),
                    )
                    .col(ColumnDef::new(RobotQuota::Day).string_len(10).not_null())
                    .col(
                        ColumnDef::new(RobotQuota::Calls)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(timestamp(RobotQuota::LastCallAt).null())
                    .primary_key(
                        Index::create()
                            .col(RobotQuota::RobotId)
                            .col(RobotQuota::Function)
                            .col(RobotQuota::Day),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RobotQuota::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(RobotTask::Table).to_owned())
            .await
    }
}
