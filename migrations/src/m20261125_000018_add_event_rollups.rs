//! Event rollups (issue 14): `share_event_count` holds how many events of a
//! kind one link had on one day for one platform, maintained in the
//! transaction that stores each event, so statistics read a row per
//! (link, day, kind, platform) instead of a row per event. `platform` is ''
//! for page-level events: a NULL would defeat the unique key. Existing events
//! are counted into it here. Raw events are now read only for the reasons of
//! SDK failures, so their scope indexes gain the kind: (scope, kind, day),
//! and (kind, day) for every event; each read is bounded by failures, not
//! by all events.
use crate::util::id_column;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum ShareEventCount {
    Table,
    Id,
    LinkId,
    PostId,
    AccountId,
    Day,
    Kind,
    Platform,
    N,
}

#[derive(DeriveIden, Clone, Copy)]
enum ShareEvent {
    Table,
    LinkId,
    PostId,
    AccountId,
    Day,
    Kind,
}

/// Every existing event, counted per key.
fn backfill() -> Result<InsertStatement, DbErr> {
    // A literal, not a bound '': PostgreSQL must see the selected and the
    // grouped expression as the same one.
    let platform = Expr::cust("COALESCE(platform, '')");
    let select = Query::select()
        .column(ShareEvent::LinkId)
        // A link determines its post and account: MAX picks the one value.
        .expr(Func::max(Expr::col(ShareEvent::PostId)))
        .expr(Func::max(Expr::col(ShareEvent::AccountId)))
        .column(ShareEvent::Day)
        .column(ShareEvent::Kind)
        .expr(platform.clone())
        .expr(Func::count(Expr::col(ShareEvent::LinkId)))
        .from(ShareEvent::Table)
        .group_by_col(ShareEvent::LinkId)
        .group_by_col(ShareEvent::Day)
        .group_by_col(ShareEvent::Kind)
        .add_group_by([platform])
        .to_owned();
    Query::insert()
        .into_table(ShareEventCount::Table)
        .columns([
            ShareEventCount::LinkId,
            ShareEventCount::PostId,
            ShareEventCount::AccountId,
            ShareEventCount::Day,
            ShareEventCount::Kind,
            ShareEventCount::Platform,
            ShareEventCount::N,
        ])
        .select_from(select)
        .map(|s| s.to_owned())
        .map_err(|e| DbErr::Custom(e.to_string()))
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ShareEventCount as C;
        manager
            .create_table(
                Table::create()
                    .table(C::Table)
                    .if_not_exists()
                    .col(id_column(manager, C::Id))
                    .col(ColumnDef::new(C::LinkId).big_integer().not_null())
                    .col(ColumnDef::new(C::PostId).big_integer().not_null())
                    .col(ColumnDef::new(C::AccountId).big_integer().null())
                    .col(ColumnDef::new(C::Day).string_len(10).not_null())
                    .col(ColumnDef::new(C::Kind).string_len(20).not_null())
                    .col(
                        ColumnDef::new(C::Platform)
                            .string_len(16)
                            .not_null()
                            .default(""),
                    )
                    .col(ColumnDef::new(C::N).big_integer().not_null().default(0))
                    .to_owned(),
            )
            .await?;
        // The unique key is also the link scope's index.
        manager
            .create_index(
                Index::create()
                    .name("uq_share_event_count_key")
                    .table(C::Table)
                    .col(C::LinkId)
                    .col(C::Day)
                    .col(C::Kind)
                    .col(C::Platform)
                    .unique()
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_share_event_count_post", vec![C::PostId, C::Day]),
            ("idx_share_event_count_account", vec![C::AccountId, C::Day]),
            ("idx_share_event_count_day", vec![C::Day]),
        ] {
            let mut idx = Index::create();
            idx.name(name).table(C::Table);
            for c in cols {
                idx.col(c);
            }
            manager.create_index(idx.to_owned()).await?;
        }
        // New before old: MySQL keeps an index on link_id for its foreign key.
        for (name, cols) in failure_indexes() {
            create_index(manager, name, &cols).await?;
        }
        for (name, _) in scope_indexes() {
            drop_index(manager, name).await?;
        }
        manager.exec_stmt(backfill()?).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, cols) in scope_indexes() {
            create_index(manager, name, &cols).await?;
        }
        for (name, _) in failure_indexes() {
            drop_index(manager, name).await?;
        }
        manager
            .drop_table(Table::drop().table(ShareEventCount::Table).to_owned())
            .await
    }
}

/// The raw events' indexes of migration 6, which statistics no longer use.
fn scope_indexes() -> [(&'static str, Vec<ShareEvent>); 3] {
    use ShareEvent as E;
    [
        ("idx_share_event_post", vec![E::PostId, E::Day]),
        ("idx_share_event_link", vec![E::LinkId, E::Day]),
        ("idx_share_event_account", vec![E::AccountId, E::Day]),
    ]
}

/// What failure reasons are read through, per scope and for every event.
fn failure_indexes() -> [(&'static str, Vec<ShareEvent>); 4] {
    use ShareEvent as E;
    [
        (
            "idx_share_event_post_kind",
            vec![E::PostId, E::Kind, E::Day],
        ),
        (
            "idx_share_event_link_kind",
            vec![E::LinkId, E::Kind, E::Day],
        ),
        (
            "idx_share_event_account_kind",
            vec![E::AccountId, E::Kind, E::Day],
        ),
        ("idx_share_event_kind", vec![E::Kind, E::Day]),
    ]
}

async fn create_index(
    manager: &SchemaManager<'_>,
    name: &str,
    cols: &[ShareEvent],
) -> Result<(), DbErr> {
    let mut idx = Index::create();
    idx.name(name).table(ShareEvent::Table);
    for c in cols {
        idx.col(*c);
    }
    manager.create_index(idx.to_owned()).await
}

async fn drop_index(manager: &SchemaManager<'_>, name: &str) -> Result<(), DbErr> {
    manager
        .drop_index(Index::drop().name(name).table(ShareEvent::Table).to_owned())
        .await
}
