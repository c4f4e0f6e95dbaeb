//! Search and filters at 100 000 notes (issue 14). Notes are Chinese, with no
//! spaces between words, so a word index cannot find 小红书 in 我在小红书发笔记:
//! each backend gets the substring index it has.
//!
//! - SQLite: an FTS5 table with the trigram tokenizer over `x_post`'s title
//!   and content (external content: it stores only the index), kept in step by
//!   triggers and filled from the rows already there.
//! - PostgreSQL: `pg_trgm` GIN indexes on title and content, which serve the
//!   `ILIKE '%q%'` the list already runs.
//! - MariaDB: none. Its FULLTEXT parsers split on spaces and punctuation (the
//!   ngram parser is MySQL's only), so Chinese text is one long "word" and a
//!   word in the middle of it is never found; search stays a scan there.
//!
//! And on every backend the composite indexes that make each list filter an
//! index range scan newest first (`... AND id < ? ORDER BY id DESC LIMIT n`).
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum XPost {
    Table,
    Id,
    Type,
    IsDeleted,
    ReviewStatus,
}

#[derive(DeriveIden, Clone, Copy)]
enum RobotTask {
    Table,
    Id,
    RobotId,
    Status,
}

#[derive(DeriveIden, Clone, Copy)]
enum AuditLog {
    Table,
    Id,
    TargetType,
}

/// Replaced by `idx_x_post_live_review`, which also skips deleted notes.
const OLD_REVIEW_INDEX: &str = "idx_x_post_review_status";

/// `(name, table, columns)` of each index this migration adds.
fn indexes() -> Vec<(&'static str, DynIden, Vec<DynIden>)> {
    use XPost::{Id, IsDeleted, ReviewStatus, Type};
    let post = |cols: &[XPost]| cols.iter().map(|c| c.into_iden()).collect();
    vec![
        // `idx_x_post_live_id` (is_deleted, id) already serves the bare list.
        (
            "idx_x_post_live_type",
            XPost::Table.into_iden(),
            post(&[IsDeleted, Type, Id]),
        ),
        (
            "idx_x_post_live_review",
            XPost::Table.into_iden(),
            post(&[IsDeleted, ReviewStatus, Id]),
        ),
        (
            "idx_x_post_live_type_review",
            XPost::Table.into_iden(),
            post(&[IsDeleted, Type, ReviewStatus, Id]),
        ),
        // The task list by status or by robot, newest first; the older
        // (status, not_before) and (robot_id, status) serve the worker's claims.
        (
            "ix_robot_task_status_id",
            RobotTask::Table.into_iden(),
            vec![RobotTask::Status.into_iden(), RobotTask::Id.into_iden()],
        ),
        (
            "ix_robot_task_robot_id",
            RobotTask::Table.into_iden(),
            vec![RobotTask::RobotId.into_iden(), RobotTask::Id.into_iden()],
        ),
        // The audit list by target type alone: `ix_audit_log_target` has
        // target_id before id, so it cannot give id order there.
        (
            "ix_audit_log_target_type_id",
            AuditLog::Table.into_iden(),
            vec![AuditLog::TargetType.into_iden(), AuditLog::Id.into_iden()],
        ),
    ]
}

/// SQLite: the trigram index and the triggers that keep it in step. Every row
/// is indexed, deleted or not (the query skips deleted notes), so a soft
/// delete or a review move, which leave title and content alone, costs nothing.
const SQLITE_UP: &[&str] = &[
    "CREATE VIRTUAL TABLE x_post_fts USING fts5(\
        title, content, content='x_post', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER x_post_fts_ai AFTER INSERT ON x_post BEGIN \
        INSERT INTO x_post_fts(rowid, title, content) VALUES (new.id, new.title, new.content); \
     END",
    "CREATE TRIGGER x_post_fts_ad AFTER DELETE ON x_post BEGIN \
        INSERT INTO x_post_fts(x_post_fts, rowid, title, content) \
            VALUES ('delete', old.id, old.title, old.content); \
     END",
    "CREATE TRIGGER x_post_fts_au AFTER UPDATE OF title, content ON x_post BEGIN \
        INSERT INTO x_post_fts(x_post_fts, rowid, title, content) \
            VALUES ('delete', old.id, old.title, old.content); \
        INSERT INTO x_post_fts(rowid, title, content) VALUES (new.id, new.title, new.content); \
     END",
    // The notes already there.
    "INSERT INTO x_post_fts(x_post_fts) VALUES ('rebuild')",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS x_post_fts_au",
    "DROP TRIGGER IF EXISTS x_post_fts_ad",
    "DROP TRIGGER IF EXISTS x_post_fts_ai",
    "DROP TABLE IF EXISTS x_post_fts",
];

/// PostgreSQL: trigram GIN indexes, which serve `LIKE`/`ILIKE '%q%'` for
/// patterns of three characters or more. `pg_trgm` is a trusted extension
/// (PostgreSQL 13+): the database's owner may create it. It reads CJK
/// characters as word characters under a UTF-8 `LC_CTYPE` (C.UTF-8 or any
/// `*.UTF-8`), not under plain `C`.
const POSTGRES_UP: &[&str] = &[
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX idx_x_post_title_trgm ON x_post USING gin (title gin_trgm_ops)",
    "CREATE INDEX idx_x_post_content_trgm ON x_post USING gin (content gin_trgm_ops)",
    // Fresh statistics, so the planner tells a common word (walk the notes
    // newest first: 0.2 ms at 100 000 notes) from a rare one (the trigram
    // index) at once; on stale ones it took the index for a word in a
    // quarter of the notes and sorted them all (10 ms).
    "ANALYZE x_post",
];

/// The extension stays: something else in the database may use it.
const POSTGRES_DOWN: &[&str] = &[
    "DROP INDEX IF EXISTS idx_x_post_content_trgm",
    "DROP INDEX IF EXISTS idx_x_post_title_trgm",
];

async fn run(manager: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for sql in statements {
        db.execute_unprepared(sql).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(OLD_REVIEW_INDEX)
                    .table(XPost::Table)
                    .to_owned(),
            )
            .await?;
        for (name, table, cols) in indexes() {
            let mut idx = Index::create();
            idx.name(name).table(table);
            for c in cols {
                idx.col(c);
            }
            manager.create_index(idx.to_owned()).await?;
        }
        match manager.get_database_backend() {
            DatabaseBackend::Sqlite => run(manager, SQLITE_UP).await,
            DatabaseBackend::Postgres => run(manager, POSTGRES_UP).await,
            DatabaseBackend::MySql => Ok(()),
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DatabaseBackend::Sqlite => run(manager, SQLITE_DOWN).await?,
            DatabaseBackend::Postgres => run(manager, POSTGRES_DOWN).await?,
            DatabaseBackend::MySql => {}
        }
        for (name, table, _) in indexes() {
            manager
                .drop_index(Index::drop().name(name).table(table).to_owned())
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name(OLD_REVIEW_INDEX)
                    .table(XPost::Table)
                    .col(XPost::ReviewStatus)
                    .col(XPost::Id)
                    .to_owned(),
            )
            .await
    }
}
