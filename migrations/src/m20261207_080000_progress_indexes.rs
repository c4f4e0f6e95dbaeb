//! A campaign's progress reads two grouped counts of its assignments: per
//! note and text, and per account. Both now come from an index alone, in
//! its order (no table lookups, no sort): the note/text index and the
//! account index gain the stored status and what tells a due link (channel
//! and time), the text index the variant's label too. They replace the two
//! narrower indexes, which served only the list's filters (the wider ones
//! still do).
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CampaignAssignment {
    Table,
    CampaignId,
    AccountId,
    PostId,
    VariantId,
    VariantLabel,
    Status,
    Channel,
    ScheduledAt,
}

use CampaignAssignment as A;

/// `(name, columns)` of the indexes before and after.
fn old() -> [(&'static str, Vec<A>); 2] {
    [
        (
            "idx_campaign_assignment_post",
            vec![A::CampaignId, A::PostId],
        ),
        (
            "idx_campaign_assignment_account",
            vec![A::CampaignId, A::AccountId],
        ),
    ]
}

fn new() -> [(&'static str, Vec<A>); 2] {
    [
        (
            "idx_campaign_assignment_by_text",
            vec![
                A::CampaignId,
                A::PostId,
                A::VariantId,
                A::Status,
                A::Channel,
                A::ScheduledAt,
                A::VariantLabel,
            ],
        ),
        (
            "idx_campaign_assignment_by_account",
            vec![
                A::CampaignId,
                A::AccountId,
                A::Status,
                A::Channel,
                A::ScheduledAt,
            ],
        ),
    ]
}

/// Creates `add` first, then drops `remove` (MySQL keeps a foreign key's
/// column indexed throughout).
async fn swap(
    manager: &SchemaManager<'_>,
    add: [(&'static str, Vec<A>); 2],
    remove: [(&'static str, Vec<A>); 2],
) -> Result<(), DbErr> {
    for (name, cols) in add {
        let mut i = Index::create();
        i.name(name).table(A::Table);
        for c in cols {
            i.col(c);
        }
        manager.create_index(i.to_owned()).await?;
    }
    for (name, _) in remove {
        manager
            .drop_index(Index::drop().name(name).table(A::Table).to_owned())
            .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        swap(manager, new(), old()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        swap(manager, old(), new()).await
    }
}
