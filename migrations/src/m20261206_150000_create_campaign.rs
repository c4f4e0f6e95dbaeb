//! Campaigns (issue 19 item 3): many notes to many accounts over days.
//! `campaign` holds the schedule and the status; `campaign_post` its notes in
//! order; `campaign_audience` the accounts and groups as chosen; and
//! `campaign_assignment` one (account, note) at an instant, with the link or
//! robot task that carries it once launched. `variant_id` has no foreign key
//! on purpose: the variants table arrives with its own feature, and
//! `variant_label` keeps the label the assignment was planned with.
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Campaign {
    Table,
    Id,
    Name,
    Status,
    Pairing,
    Platforms,
    LinkExpiresAt,
    StartAt,
    EndAt,
    WindowFrom,
    WindowTo,
    PerAccountPerDay,
    MinGapMinutes,
    CreatedBy,
    Version,
    PausedAt,
    LaunchedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CampaignPost {
    Table,
    CampaignId,
    PostId,
    Position,
}

#[derive(DeriveIden)]
enum CampaignAudience {
    Table,
    CampaignId,
    Kind,
    RefId,
    Position,
}

#[derive(DeriveIden, Clone, Copy)]
enum CampaignAssignment {
    Table,
    Id,
    CampaignId,
    AccountId,
    PostId,
    VariantId,
    VariantLabel,
    Channel,
    ScheduledAt,
    LinkId,
    TaskId,
    Status,
    Reason,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum XPost {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum XhsAccount {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ShareLink {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum RobotTask {
    Table,
    Id,
}

/// A column referring to an id: SQLite's `integer`, the others' `bigint`.
fn id_ref<T: IntoIden>(manager: &SchemaManager, name: T) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    match manager.get_database_backend() {
        DatabaseBackend::Sqlite => col.integer(),
        _ => col.big_integer(),
    };
    col
}

fn campaign(manager: &SchemaManager) -> TableCreateStatement {
    Table::create()
        .table(Campaign::Table)
        .if_not_exists()
        .col(id_column(manager, Campaign::Id))
        .col(ColumnDef::new(Campaign::Name).string_len(100).not_null())
        .col(ColumnDef::new(Campaign::Status).string_len(16).not_null())
        .col(ColumnDef::new(Campaign::Pairing).string_len(32).not_null())
        .col(ColumnDef::new(Campaign::Platforms).string_len(200).null())
        .col(timestamp(Campaign::LinkExpiresAt).null())
        .col(timestamp(Campaign::StartAt).not_null())
        .col(timestamp(Campaign::EndAt).not_null())
        .col(
            ColumnDef::new(Campaign::WindowFrom)
                .string_len(5)
                .not_null(),
        )
        .col(ColumnDef::new(Campaign::WindowTo).string_len(5).not_null())
        .col(
            ColumnDef::new(Campaign::PerAccountPerDay)
                .integer()
                .not_null(),
        )
        .col(ColumnDef::new(Campaign::MinGapMinutes).integer().not_null())
        .col(
            ColumnDef::new(Campaign::CreatedBy)
                .string_len(100)
                .not_null(),
        )
        .col(ColumnDef::new(Campaign::Version).integer().not_null())
        .col(timestamp(Campaign::PausedAt).null())
        .col(timestamp(Campaign::LaunchedAt).null())
        .col(timestamp(Campaign::CreatedAt).not_null())
        .col(timestamp(Campaign::UpdatedAt).not_null())
        .to_owned()
}

fn posts(manager: &SchemaManager) -> TableCreateStatement {
    Table::create()
        .table(CampaignPost::Table)
        .if_not_exists()
        .col(id_ref(manager, CampaignPost::CampaignId).not_null())
        .col(id_ref(manager, CampaignPost::PostId).not_null())
        .col(ColumnDef::new(CampaignPost::Position).integer().not_null())
        .primary_key(
            Index::create()
                .name("pk_campaign_post")
                .col(CampaignPost::CampaignId)
                .col(CampaignPost::PostId),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_campaign_post_campaign")
                .from(CampaignPost::Table, CampaignPost::CampaignId)
                .to(Campaign::Table, Campaign::Id)
                .on_delete(ForeignKeyAction::Cascade),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_campaign_post_post")
                .from(CampaignPost::Table, CampaignPost::PostId)
                .to(XPost::Table, XPost::Id),
        )
        .to_owned()
}

fn audience(manager: &SchemaManager) -> TableCreateStatement {
    Table::create()
        .table(CampaignAudience::Table)
        .if_not_exists()
        .col(id_ref(manager, CampaignAudience::CampaignId).not_null())
        // `account` or `group`: what `ref_id` names.
        .col(
            ColumnDef::new(CampaignAudience::Kind)
                .string_len(8)
                .not_null(),
        )
        .col(id_ref(manager, CampaignAudience::RefId).not_null())
        .col(
            ColumnDef::new(CampaignAudience::Position)
                .integer()
                .not_null(),
        )
        .primary_key(
            Index::create()
                .name("pk_campaign_audience")
                .col(CampaignAudience::CampaignId)
                .col(CampaignAudience::Kind)
                .col(CampaignAudience::RefId),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_campaign_audience_campaign")
                .from(CampaignAudience::Table, CampaignAudience::CampaignId)
                .to(Campaign::Table, Campaign::Id)
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

fn assignment(manager: &SchemaManager) -> TableCreateStatement {
    let mut variant = ColumnDef::new(CampaignAssignment::VariantId);
    variant.big_integer().null();
    Table::create()
        .table(CampaignAssignment::Table)
        .if_not_exists()
        .col(id_column(manager, CampaignAssignment::Id))
        .col(id_ref(manager, CampaignAssignment::CampaignId).not_null())
        .col(id_ref(manager, CampaignAssignment::AccountId).not_null())
        .col(id_ref(manager, CampaignAssignment::PostId).not_null())
        .col(variant)
        .col(
            ColumnDef::new(CampaignAssignment::VariantLabel)
                .string_len(50)
                .null(),
        )
        .col(
            ColumnDef::new(CampaignAssignment::Channel)
                .string_len(8)
                .not_null(),
        )
        .col(timestamp(CampaignAssignment::ScheduledAt).not_null())
        .col(id_ref(manager, CampaignAssignment::LinkId).null())
        .col(id_ref(manager, CampaignAssignment::TaskId).null())
        .col(
            ColumnDef::new(CampaignAssignment::Status)
                .string_len(16)
                .not_null(),
        )
        .col(
            ColumnDef::new(CampaignAssignment::Reason)
                .string_len(1000)
                .null(),
        )
        .col(timestamp(CampaignAssignment::CreatedAt).not_null())
        .col(timestamp(CampaignAssignment::UpdatedAt).not_null())
        .foreign_key(
            ForeignKey::create()
                .name("fk_campaign_assignment_campaign")
                .from(CampaignAssignment::Table, CampaignAssignment::CampaignId)
                .to(Campaign::Table, Campaign::Id)
                .on_delete(ForeignKeyAction::Cascade),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_campaign_assignment_account")
                .from(CampaignAssignment::Table, CampaignAssignment::AccountId)
                .to(XhsAccount::Table, XhsAccount::Id),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_campaign_assignment_post")
                .from(CampaignAssignment::Table, CampaignAssignment::PostId)
                .to(XPost::Table, XPost::Id),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_campaign_assignment_link")
                .from(CampaignAssignment::Table, CampaignAssignment::LinkId)
                .to(ShareLink::Table, ShareLink::Id),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_campaign_assignment_task")
                .from(CampaignAssignment::Table, CampaignAssignment::TaskId)
                .to(RobotTask::Table, RobotTask::Id),
        )
        .to_owned()
}

fn index<T: IntoIden + Clone + 'static>(name: &str, table: T, cols: &[T]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table);
    for c in cols {
        i.col(c.clone());
    }
    i.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(campaign(manager)).await?;
        manager.create_table(posts(manager)).await?;
        manager.create_table(audience(manager)).await?;
        manager.create_table(assignment(manager)).await?;
        use CampaignAssignment as A;
        let indexes = [
            // The list's status filter, newest first.
            index(
                "idx_campaign_status",
                Campaign::Table,
                &[Campaign::Status, Campaign::Id],
            ),
        ];
        for i in indexes {
            manager.create_index(i).await?;
        }
        let indexes = [
            // A campaign's assignments page by id, and by each filter.
            index(
                "idx_campaign_assignment_campaign",
                A::Table,
                &[A::CampaignId, A::Id],
            ),
            index(
                "idx_campaign_assignment_post",
                A::Table,
                &[A::CampaignId, A::PostId],
            ),
            index(
                "idx_campaign_assignment_account",
                A::Table,
                &[A::CampaignId, A::AccountId],
            ),
            // An account's assignments by time: the planner's busy times.
            index(
                "idx_campaign_assignment_busy",
                A::Table,
                &[A::AccountId, A::ScheduledAt],
            ),
            index("idx_campaign_assignment_link", A::Table, &[A::LinkId]),
            index("idx_campaign_assignment_task", A::Table, &[A::TaskId]),
        ];
        for i in indexes {
            manager.create_index(i).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            CampaignAssignment::Table.into_iden(),
            CampaignAudience::Table.into_iden(),
            CampaignPost::Table.into_iden(),
            Campaign::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
