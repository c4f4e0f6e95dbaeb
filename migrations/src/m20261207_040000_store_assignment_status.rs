//! An assignment's status is stored and moved by the writers that move its
//! sources (issue 19: progress read 10 000 rows through three joins on every
//! read). Until now only `planned`, `scheduled` and `cancelled` were stored
//! and the rest read from the publish record (a link) or the task (a robot);
//! from here the column holds the status itself, except that a link's
//! `scheduled` reads as `open` once its instant has passed (time alone moves
//! it: nothing is written then). An index serves the list's status filter
//! and the grouped progress counts.
//!
//! The rows launched before are brought up to date here by the same rules:
//! one `UPDATE` per outcome in the order the rules are read, each touching
//! only rows still `scheduled`, so the first rule that matches wins.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CampaignAssignment {
    Table,
    CampaignId,
    Status,
    Id,
}

const INDEX: &str = "idx_campaign_assignment_status";

/// `(status, table, condition)` in the order the rules are read: a link's
/// from its account's publish record (`r`) or whether it was revoked (`l`),
/// a robot's from its task (`t`).
const RULES: [(&str, &str, &str); 9] = [
    ("published", "r", "r.status = 'published'"),
    ("failed", "r", "r.status = 'failed'"),
    ("cancelled", "l", "l.revoked_at IS NOT NULL"),
    ("tapped", "r", "r.status IN ('tapped', 'app_opened')"),
    ("opened", "r", "r.status = 'opened'"),
    ("published", "t", "t.status = 'succeeded'"),
    ("failed", "t", "t.status IN ('failed', 'timed_out')"),
    ("cancelled", "t", "t.status = 'cancelled'"),
    (
        "open",
        "t",
        "t.status IN ('sending', 'accepted', 'unknown')",
    ),
];

/// One rule's `UPDATE`: the source row is found by a correlated `EXISTS`
/// on the row being updated (the same on the three backends).
fn update(status: &str, table: &str, cond: &str) -> String {
    let (channel, source) = match table {
        "r" => (
            "link",
            "publish_record r WHERE r.post_id = campaign_assignment.post_id \
             AND r.account_id = campaign_assignment.account_id",
        ),
        "l" => (
            "link",
            "share_link l WHERE l.id = campaign_assignment.link_id",
        ),
        _ => (
            "robot",
            "robot_task t WHERE t.id = campaign_assignment.task_id",
        ),
    };
    format!(
        "UPDATE campaign_assignment SET status = '{status}' \
         WHERE status = 'scheduled' AND channel = '{channel}' \
         AND (link_id IS NOT NULL OR task_id IS NOT NULL) \
         AND EXISTS (SELECT 1 FROM {source} AND {cond})"
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (status, table, cond) in RULES {
            db.execute_unprepared(&update(status, table, cond)).await?;
        }
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(CampaignAssignment::Table)
                    .col(CampaignAssignment::CampaignId)
                    .col(CampaignAssignment::Status)
                    .col(CampaignAssignment::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(INDEX)
                    .table(CampaignAssignment::Table)
                    .to_owned(),
            )
            .await?;
        // Back to what the earlier reader expects: launched rows read as
        // `scheduled` (it derives the rest); `cancelled` it stored itself.
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE campaign_assignment SET status = 'scheduled' \
                 WHERE status IN ('open', 'opened', 'tapped', 'published', 'failed')",
            )
            .await?;
        Ok(())
    }
}
